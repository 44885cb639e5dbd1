// Package linear holds mlmath's linear models: feature standardization as
// sklearn's StandardScaler, and logistic regression fitted by full-batch
// proximal gradient descent.
//
// Matrices are dense, row-major float64 slices: the n×d design matrix X
// stores sample i's feature j at index i*d+j. A slice that is modified is
// named dst (or after what it receives: mean, std, w, losses); dst may be
// x itself where a function says so.
//
// # Order of operations
//
// The results are meant to agree with a numpy implementation to rounding,
// and every reduction is specified so that such an implementation can copy
// it:
//
//   - A sum over samples is numpy's pairwise summation (np.sum over a
//     contiguous vector: blocks of up to 128 terms summed with 8 interleaved
//     accumulators, longer vectors split in halves, the result added to the
//     identity +0). Standardize's column sums are those of the contiguous
//     rows of Xᵀ, np.ascontiguousarray(X.T).sum(axis=1), not those of
//     X.sum(axis=0), which numpy adds row after row.
//   - Products are rounded before they are added: explicit float64
//     conversions keep the Go compiler from fusing them into FMA
//     instructions.
//   - Matrix-vector products (X·w, Xᵀ·r) use the kernels of
//     mlmath/internal/kernel, whose order differs from a BLAS's: they agree
//     with numpy's X @ w to a few ulps times d, not bit for bit. The
//     elementary functions (math.Exp, Log1p, Sqrt) may differ from numpy's
//     by an ulp.
//
// Conventions, as in the other core packages: slices whose lengths
// disagree with the dimensions they come with are programmer errors and
// panic with ErrShape; invalid options and data-dependent failures (a
// diverging iteration) are returned as errors.
package linear
