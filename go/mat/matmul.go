package mat

import "mlmath/internal/kernel"

// Mul computes dst = a·b for a m×k, b k×n and dst m×n, overwriting dst, and
// returns dst. k == 0 gives a zero matrix. It panics with ErrShape if a
// slice length disagrees with the dimensions.
//
// The product runs on a packed, cache-blocked, AVX2/FMA micro-kernel where
// the CPU has one (pure Go otherwise) on up to GOMAXPROCS goroutines. Each
// entry is an ordinary sum of k products, accumulated in a different order
// than a naive loop, so it may differ in the last bits (as BLAS does).
func Mul(dst, a, b []float64, m, k, n int) []float64 {
	checkSize(a, m, k)
	checkSize(b, k, n)
	checkSize(dst, m, n)
	kernel.Gemm(m, n, k, a, max(k, 1), b, max(n, 1), dst, max(n, 1), 0)
	return dst
}
