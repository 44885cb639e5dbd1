package decomp

import (
	"math"

	"mlmath/internal/errkind"
)

var (
	// ErrShape is the panic value when a slice length disagrees with the
	// dimensions it is given with.
	ErrShape = errkind.New(errkind.Shape, "decomp: dimension mismatch")
	// ErrNotPositiveDefinite is returned by Cholesky when the matrix is not
	// (numerically) positive definite: a pivot is zero or negative.
	ErrNotPositiveDefinite = errkind.New(errkind.NotPositiveDefinite, "decomp: matrix is not positive definite")
	// ErrNotFinite is returned by the eigen and singular value solvers for
	// input holding NaN or Inf, which they cannot take.
	ErrNotFinite = errkind.New(errkind.NotFinite, "decomp: array must not contain infs or NaNs")
	// ErrNoConvergence is returned when an iteration exceeds its budget
	// instead of looping on.
	ErrNoConvergence = errkind.New(errkind.NoConvergence, "decomp: the iteration did not converge")
)

// checkSize panics with ErrShape unless len(s) == rows*cols, with the
// product checked for overflow.
func checkSize(s []float64, rows, cols int) {
	if rows < 0 || cols < 0 || (cols != 0 && rows > math.MaxInt/cols) || len(s) != rows*cols {
		panic(ErrShape)
	}
}

// fillNaN sets every element of s to NaN.
func fillNaN(s []float64) {
	for i := range s {
		s[i] = math.NaN()
	}
}
