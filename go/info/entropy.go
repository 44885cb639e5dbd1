package info

import "math"

// entr is scipy.special.entr for x >= 0: -x·log(x), and 0 at x = 0.
func entr(x float64) float64 {
	if x > 0 {
		return float64(-x * ln(x))
	}
	return 0
}

// relEntr is scipy.special.rel_entr for x, y >= 0: x·log(x/y) when both are
// positive, 0 when x = 0, +Inf when x > 0 = y.
func relEntr(x, y float64) float64 {
	switch {
	case x > 0 && y > 0:
		return float64(x * ln(x/y))
	case x == 0:
		return 0
	}
	return math.Inf(1)
}

// pair checks that p and q have one length (ErrShape panic otherwise), the
// base, and both distributions, and returns ln(base) and the two sums.
func pair(p, q []float64, base float64) (logb, sp, sq float64, err error) {
	if len(p) != len(q) {
		panic(ErrShape)
	}
	if logb, err = logBase(base); err != nil {
		return 0, 0, 0, err
	}
	if sp, err = total(p); err != nil {
		return 0, 0, 0, err
	}
	if sq, err = total(q); err != nil {
		return 0, 0, 0, err
	}
	return logb, sp, sq, nil
}

// Entropy returns the Shannon entropy of the distribution p, in units of
// log base,
//
//	H(p) = -Σ_i p_i log(p_i) / log(base),  p normalized: p_i ← p_i/Σ_j p_j
//
// with 0·log 0 = 0, as scipy.stats.entropy(p, base=base): the sum of
// entr(p_i/Σp) in numpy's pairwise order, divided by ln(base). H is
// log_base(n) for the uniform distribution on n outcomes and 0 for a
// one-hot p.
//
// It returns ErrEmpty for an empty p, ErrNotFinite for a NaN or infinite
// entry (or an overflowing sum), ErrNegative for a negative entry,
// ErrZeroSum if every entry is 0, and ErrBase for a base that is not
// positive, finite and different from 1.
func Entropy(p []float64, base float64) (float64, error) {
	logb, err := logBase(base)
	if err != nil {
		return 0, err
	}
	s, err := total(p)
	if err != nil {
		return 0, err
	}
	return npsum(len(p), func(i int) float64 { return entr(p[i] / s) }) / logb, nil
}

// CrossEntropy returns the cross-entropy of the distributions p and q, in
// units of log base,
//
//	H(p, q) = -Σ_i p_i log(q_i) / log(base) = H(p) + KL(p‖q),
//
// both normalized first (divided by their sums). Terms with p_i = 0 are 0,
// whatever q_i; H(p, q) is +Inf if q_i = 0 < p_i for some i. The sum
// adds the terms -p_i·log(q_i) (0 where p_i = 0) in numpy's pairwise order
// before the division by ln(base): scipy's documented
// -np.sum(pk*np.log(qk))/np.log(base) on normalized p, q.
//
// It panics with ErrShape if len(p) != len(q), and returns the errors of
// Entropy for either distribution or the base.
func CrossEntropy(p, q []float64, base float64) (float64, error) {
	logb, sp, sq, err := pair(p, q, base)
	if err != nil {
		return 0, err
	}
	return npsum(len(p), func(i int) float64 {
		x := p[i] / sp
		if x == 0 {
			return 0
		}
		return float64(-x * ln(q[i]/sq)) // +Inf where q_i = 0
	}) / logb, nil
}

// KLDivergence returns the Kullback-Leibler divergence of q from p (the
// relative entropy), in units of log base,
//
//	KL(p‖q) = Σ_i p_i log(p_i/q_i) / log(base),
//
// p and q normalized first, as scipy.stats.entropy(p, q, base=base): the
// sum of rel_entr(p_i, q_i) in numpy's pairwise order, divided by
// ln(base). Terms with p_i = 0 are 0; KL is +Inf if q_i = 0 < p_i for some
// i (q does not cover p). KL ≥ 0, with equality only for p = q; it is not
// symmetric. A sum that rounds below 0 is returned as 0 (scipy returns the
// tiny negative).
//
// It panics with ErrShape if len(p) != len(q), and returns the errors of
// Entropy for either distribution or the base.
func KLDivergence(p, q []float64, base float64) (float64, error) {
	logb, sp, sq, err := pair(p, q, base)
	if err != nil {
		return 0, err
	}
	s := npsum(len(p), func(i int) float64 { return relEntr(p[i]/sp, q[i]/sq) })
	return nonNegative(s) / logb, nil
}

// nonNegative clips a divergence's rounding below 0 (p = q up to the
// rounding of their normalization gives about -1e-16) to 0: a divergence
// is never negative, and js_distance takes its square root.
func nonNegative(s float64) float64 {
	if s < 0 {
		return 0
	}
	return s
}

// JSDivergence returns the Jensen-Shannon divergence of p and q, in units
// of log base,
//
//	JS(p, q) = (KL(p‖m) + KL(q‖m)) / 2,  m = (p + q)/2,
//
// of the normalized p and q: the square of
// scipy.spatial.distance.jensenshannon(p, q, base), evaluated as scipy does
// before its square root,
//
//	m_i = (p_i + q_i)/2
//	JS  = ((Σ rel_entr(p_i, m_i) + Σ rel_entr(q_i, m_i)) / log(base)) / 2
//
// each sum in numpy's pairwise order, their total clipped at 0 against
// rounding (scipy's square root of a tiny negative is NaN). JS is
// symmetric, finite (m covers p and q), 0 only for p = q, and at most 1 in
// bits (ln 2 in nats).
//
// It panics with ErrShape if len(p) != len(q), and returns the errors of
// Entropy for either distribution or the base.
func JSDivergence(p, q []float64, base float64) (float64, error) {
	logb, sp, sq, err := pair(p, q, base)
	if err != nil {
		return 0, err
	}
	mid := func(i int) (x, y, m float64) {
		x, y = p[i]/sp, q[i]/sq
		return x, y, (x + y) / 2
	}
	left := npsum(len(p), func(i int) float64 {
		x, _, m := mid(i)
		return relEntr(x, m)
	})
	right := npsum(len(p), func(i int) float64 {
		_, y, m := mid(i)
		return relEntr(y, m)
	})
	return nonNegative(left+right) / logb / 2, nil
}
