package vec

import "mlmath/internal/kernel"

// Dot returns the dot product sum_i s[i]*t[i]; 0 for empty slices.
// It panics with ErrLength if the lengths differ.
//
// The sum is accumulated in several independent partial sums (SIMD lanes
// and fixed-size chunks), so it may differ from a left-to-right sum in the
// last bits, as BLAS ddot does; the error is bounded by n*eps*sum|s[i]*t[i]|.
func Dot(s, t []float64) float64 {
	checkLen(len(s), t)
	return kernel.Dot(s, t)
}
