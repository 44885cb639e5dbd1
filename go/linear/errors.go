package linear

import (
	"math"

	"mlmath/internal/errkind"
)

var (
	// ErrShape is the panic value when a slice length disagrees with the
	// dimensions it is given with, or a dimension is negative.
	ErrShape = errkind.New(errkind.Shape, "linear: dimension mismatch")
	// ErrEmpty is the panic value of Standardize, and the error of Fit, for
	// n < 1 samples.
	ErrEmpty = errkind.New(errkind.Shape, "linear: no samples")
	// ErrLearningRate is returned by Fit for a learning rate that is not a
	// positive finite number.
	ErrLearningRate = errkind.New(errkind.Domain, "linear: the learning rate must be a positive finite number")
	// ErrPenalty is returned by Fit for an L1 or L2 penalty that is
	// negative, NaN or infinite.
	ErrPenalty = errkind.New(errkind.Domain, "linear: the penalties l1 and l2 must be finite and non-negative")
	// ErrTol is returned by Fit for a tolerance that is negative, NaN or
	// infinite.
	ErrTol = errkind.New(errkind.Domain, "linear: the tolerance must be finite and non-negative")
	// ErrMaxIter is returned by Fit for a negative iteration budget.
	ErrMaxIter = errkind.New(errkind.Domain, "linear: the number of iterations must not be negative")
	// ErrNotFinite is returned by Fit when the loss or the coefficients
	// become NaN or infinite: the iteration diverged (a learning rate too
	// large), or the data hold NaN or Inf.
	ErrNotFinite = errkind.New(errkind.Domain, "linear: the loss is not finite (the iteration diverged: lower the learning rate)")
)

// size returns r*c, panicking with ErrShape if either is negative or the
// product overflows an int.
func size(r, c int) int {
	if r < 0 || c < 0 || (c != 0 && r > math.MaxInt/c) {
		panic(ErrShape)
	}
	return r * c
}

// checkLen panics with ErrShape unless len(s) == n.
func checkLen(s []float64, n int) {
	if len(s) != n {
		panic(ErrShape)
	}
}

// finite reports whether v is neither NaN nor ±Inf.
func finite(v float64) bool { return v-v == 0 }
