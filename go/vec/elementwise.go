package vec

import "mlmath/internal/kernel"

// AddTo computes dst = s + t elementwise and returns dst.
// It panics with ErrLength if the lengths of dst, s and t differ.
func AddTo(dst, s, t []float64) []float64 {
	checkLen(len(dst), s, t)
	kernel.Add(dst, s, t)
	return dst
}

// SubTo computes dst = s - t elementwise and returns dst.
// It panics with ErrLength if the lengths of dst, s and t differ.
func SubTo(dst, s, t []float64) []float64 {
	checkLen(len(dst), s, t)
	kernel.Sub(dst, s, t)
	return dst
}

// ScaleTo computes dst = c * s elementwise and returns dst.
// It panics with ErrLength if the lengths of dst and s differ.
func ScaleTo(dst []float64, c float64, s []float64) []float64 {
	checkLen(len(dst), s)
	kernel.Scale(dst, c, s)
	return dst
}
