package nn

import (
	"math"

	"mlmath/internal/errkind"
)

var (
	// ErrShape is the panic value when a slice length disagrees with the
	// dimensions it is given with, or a dimension is negative.
	ErrShape = errkind.New(errkind.Shape, "nn: dimension mismatch")
	// ErrLabel is returned by SoftmaxCrossEntropy for a class label outside
	// [0, cols).
	ErrLabel = errkind.New(errkind.Domain, "nn: a class label is out of range")
	// ErrEmpty is returned by Train when there are no samples to train on.
	ErrEmpty = errkind.New(errkind.Shape, "nn: no training samples")
	// ErrEpochs is returned by Train for a negative number of epochs.
	ErrEpochs = errkind.New(errkind.Domain, "nn: the number of epochs must not be negative")
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
