package info

import (
	"math"

	"mlmath/internal/errkind"
)

var (
	// ErrShape is the panic value when slice lengths disagree with each
	// other or with the dimensions they are given with, or a dimension is
	// negative.
	ErrShape = errkind.New(errkind.Shape, "info: dimension mismatch")
	// ErrEmpty is returned for an empty distribution, table or label
	// vector.
	ErrEmpty = errkind.New(errkind.Shape, "info: empty input")
	// ErrBase is returned for a logarithm base that is not positive, not
	// finite, or 1.
	ErrBase = errkind.New(errkind.Domain, "info: the base must be a positive finite number other than 1")
	// ErrNegative is returned for a distribution with a negative entry.
	ErrNegative = errkind.New(errkind.Domain, "info: a distribution must not have negative entries")
	// ErrNotFinite is returned for a distribution with a NaN or infinite
	// entry, or whose sum overflows to +Inf.
	ErrNotFinite = errkind.New(errkind.Domain, "info: the entries of a distribution and their sum must be finite")
	// ErrZeroSum is returned for a distribution whose entries are all 0:
	// it cannot be normalized.
	ErrZeroSum = errkind.New(errkind.Domain, "info: a distribution sums to 0 and cannot be normalized")
)

// size returns r*c, panicking with ErrShape if either is negative or the
// product overflows an int.
func size(r, c int) int {
	if r < 0 || c < 0 || (c != 0 && r > math.MaxInt/c) {
		panic(ErrShape)
	}
	return r * c
}

// logBase returns ln(base), or ErrBase.
func logBase(base float64) (float64, error) {
	if !(base > 0) || math.IsInf(base, 1) || base == 1 {
		return 0, ErrBase
	}
	return ln(base), nil
}

// total checks that p is a distribution (non-empty, finite, non-negative
// entries with a positive finite sum) and returns its sum, added in
// numpy's pairwise order.
func total(p []float64) (float64, error) {
	if len(p) == 0 {
		return 0, ErrEmpty
	}
	neg := false
	for _, v := range p {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, ErrNotFinite
		}
		if v < 0 {
			neg = true
		}
	}
	if neg {
		return 0, ErrNegative
	}
	s := npsum(len(p), func(i int) float64 { return p[i] })
	switch {
	case s == 0:
		return 0, ErrZeroSum
	case math.IsInf(s, 1):
		return 0, ErrNotFinite
	}
	return s, nil
}
