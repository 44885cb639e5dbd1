//go:build !amd64 || noasm

package kernel

// microKernel computes the mr×nr tile c (row stride ldc) = (accum ? c : 0) +
// ap·bp from a packed mr×k sliver ap and a packed k×nr sliver bp.
func microKernel(k int, ap, bp, c []float64, ldc int, accum bool) {
	microKernelGeneric(k, ap, bp, c, ldc, accum)
}
