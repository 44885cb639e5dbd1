// Package decomp computes matrix decompositions of dense float64 matrices:
// the Cholesky factorization, the QR factorization by Householder
// reflections, the symmetric and the general eigendecompositions and the
// singular value decomposition, and what is built on the SVD: the
// pseudo-inverse, rank, condition number, low-rank approximation and PCA.
//
// Conventions, as in package mat:
//
//   - Matrices are dense, row-major float64 slices: element (i, j) of an
//     m×n matrix is a[i*n+j]. Results go into slices the caller passes,
//     named like the factors (l, q, r), and inputs are never modified.
//   - A slice whose length disagrees with the dimensions is a programmer
//     error: the function panics with ErrShape.
//   - Data-dependent failures are returned as errors: ErrNotPositiveDefinite,
//     ErrNoConvergence (an iteration that exceeds its budget stops instead of
//     looping on).
//   - NaN or Inf in the part of the input a factorization reads (Cholesky,
//     QR) gives a result of all NaN (no error), the same rule as mat.Inv:
//     LAPACK's results for such input depend on the implementation and on
//     where the value sits. The eigen solvers return ErrNotFinite instead.
//   - Each decomposition is also a method of Options, whose Interrupt hook
//     the long algorithms call at their check points (about every
//     Options.Every): an error from it stops the decomposition, which
//     returns that error. This is how Ctrl-C reaches a decomposition that
//     takes seconds. The zero Options, used by the package-level functions,
//     never interrupts, and a hook that never stops changes no bit.
//   - The algorithms follow LAPACK's (dpotrf, dgeqrf with dorgqr), so the
//     factors agree with numpy.linalg's, signs included, to rounding.
package decomp
