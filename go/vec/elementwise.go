package vec

import "mlmath/internal/parallel"

// chunk is how many elements one goroutine handles at a time in long loops.
// 1<<15 float64s (256 KiB per operand) keeps a chunk of each operand in L2.
const chunk = 1 << 15

// AddTo computes dst = s + t elementwise and returns dst.
// It panics with ErrLength if the lengths of dst, s and t differ.
func AddTo(dst, s, t []float64) []float64 {
	checkLen(len(dst), s, t)
	parallel.For(len(dst), chunk, func(_, lo, hi int) {
		d, a, b := dst[lo:hi], s[lo:hi], t[lo:hi]
		b = b[:len(a)]
		d = d[:len(a)]
		for i, x := range a {
			d[i] = x + b[i]
		}
	})
	return dst
}

// SubTo computes dst = s - t elementwise and returns dst.
// It panics with ErrLength if the lengths of dst, s and t differ.
func SubTo(dst, s, t []float64) []float64 {
	checkLen(len(dst), s, t)
	parallel.For(len(dst), chunk, func(_, lo, hi int) {
		d, a, b := dst[lo:hi], s[lo:hi], t[lo:hi]
		b = b[:len(a)]
		d = d[:len(a)]
		for i, x := range a {
			d[i] = x - b[i]
		}
	})
	return dst
}

// ScaleTo computes dst = c * s elementwise and returns dst.
// It panics with ErrLength if the lengths of dst and s differ.
func ScaleTo(dst []float64, c float64, s []float64) []float64 {
	checkLen(len(dst), s)
	parallel.For(len(dst), chunk, func(_, lo, hi int) {
		d, a := dst[lo:hi], s[lo:hi]
		d = d[:len(a)]
		for i, x := range a {
			d[i] = c * x
		}
	})
	return dst
}
