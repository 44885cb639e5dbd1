// Package info holds Shannon's information measures for mlmath: entropy,
// cross-entropy, the Kullback-Leibler and Jensen-Shannon divergences, the
// joint and conditional entropies and the mutual information of a joint
// table, and the mutual information of two label vectors.
//
// # Semantics
//
// The measures follow scipy.stats.entropy: every distribution is given as
// non-negative weights and is normalized first, divided by its sum, so the
// counts [2, 0, 2] have the entropy of [0.5, 0, 0.5]; 0·log 0 = 0. The
// logarithm base is a parameter: 2 for bits (mlmath's default), math.E for
// nats (scipy's default); every result in nats is divided by ln(base), so
// a base in (0, 1) flips the sign. A joint table of rows×cols weights is a
// dense row-major slice, joint[x*cols+y] the weight of (X = x, Y = y): X
// indexes the rows.
//
// Unlike scipy, which returns nan, a distribution that sums to 0 is an
// error (ErrZeroSum); so are negative entries (ErrNegative), NaN or
// infinite entries or an overflowing sum (ErrNotFinite), an empty input
// (ErrEmpty) and a base that is not positive, finite and different from 1
// (ErrBase).
//
// # Order of operations
//
// Each measure evaluates scipy's formulas one rounded operation at a time:
// p_i/Σp as a division (not a product with 1/Σp), the elementwise terms of
// scipy.special.entr and rel_entr,
//
//	entr(x)       = -x·log(x) for x > 0,  0 for x = 0
//	rel_entr(x, y) = x·log(x/y) for x, y > 0,  0 for x = 0,  +Inf for x > 0 = y
//
// and every sum in numpy's pairwise order (np.sum of a contiguous vector),
// over all the entries, zeros included, as np.sum(entr(p)) adds them.
// Products are rounded before they are added (explicit float64 conversions
// keep the compiler from fusing them into FMA instructions). What remains
// is the logarithm: Go's math.Log and the C library's log (or numpy's SIMD
// log) round differently now and then (about one argument in 70 on
// amd64), by an ulp, so results agree with scipy's and sklearn's to a few
// ulps of the terms, not always to the bit; a small result from terms
// that cancel (KL of close distributions, the mutual information of
// nearly independent labels) can differ in more of its own ulps. (For
// subnormal arguments, which math.Log gets wrong on amd64, the logarithm
// is taken of the argument scaled by 2⁵².)
//
// MutualInformationFromLabels is sklearn.metrics.mutual_info_score divided
// by ln(base), with sklearn's formula term for term; see its documentation.
//
// Conventions, as in the other core packages: slices whose lengths
// disagree with each other or with the dimensions they come with are
// programmer errors and panic with ErrShape; data-dependent failures are
// returned as errors. Nothing is modified in place.
package info
