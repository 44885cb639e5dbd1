package learn

import (
	"math"

	"mlmath/internal/errkind"
)

var (
	// ErrShape is the panic value when a slice length disagrees with the
	// dimensions it is given with, or a dimension is negative.
	ErrShape = errkind.New(errkind.Shape, "learn: dimension mismatch")
	// ErrEmpty is returned by BiasVariance for no models or no points.
	ErrEmpty = errkind.New(errkind.Shape, "learn: no models or no points")
	// ErrSampleSize is returned for a sample size n below 1.
	ErrSampleSize = errkind.New(errkind.Domain, "learn: the sample size n must be at least 1")
	// ErrDelta is returned for a confidence parameter δ outside (0, 1).
	ErrDelta = errkind.New(errkind.Domain, "learn: delta must be in (0, 1)")
	// ErrEpsilon is returned for an accuracy ε that is not a positive
	// finite number.
	ErrEpsilon = errkind.New(errkind.Domain, "learn: epsilon must be a positive finite number")
	// ErrHypotheses is returned for a hypothesis count that is not a
	// finite number of at least 1.
	ErrHypotheses = errkind.New(errkind.Domain, "learn: the hypothesis count must be a finite number >= 1")
	// ErrVCDimension is returned for a VC dimension d below 1 or above the
	// sample size n.
	ErrVCDimension = errkind.New(errkind.Domain, "learn: the VC dimension d must satisfy 1 <= d <= n")
	// ErrTooManySamples is returned by SampleComplexity when the sample
	// size does not fit an int64.
	ErrTooManySamples = errkind.New(errkind.Domain, "learn: the sample complexity does not fit a 64-bit integer")
)

// size returns r*c, panicking with ErrShape if either is negative or the
// product overflows an int.
func size(r, c int) int {
	if r < 0 || c < 0 || (c != 0 && r > math.MaxInt/c) {
		panic(ErrShape)
	}
	return r * c
}
