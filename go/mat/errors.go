package mat

import (
	"math"

	"mlmath/internal/errkind"
)

var (
	// ErrShape is the panic value when a slice length disagrees with the
	// dimensions it is given with.
	ErrShape = errkind.New(errkind.Shape, "mat: dimension mismatch")
	// ErrSingular is returned by Inv and Solve for an exactly singular matrix.
	ErrSingular = errkind.New(errkind.Singular, "mat: singular matrix")
)

// checkSize panics with ErrShape unless len(s) == rows*cols, with the
// product checked for overflow (a huge shape must not pass by wrapping).
func checkSize(s []float64, rows, cols int) {
	if rows < 0 || cols < 0 || (cols != 0 && rows > math.MaxInt/cols) || len(s) != rows*cols {
		panic(ErrShape)
	}
}
