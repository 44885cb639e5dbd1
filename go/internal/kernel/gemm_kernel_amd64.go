//go:build amd64 && !noasm

package kernel

// gemmKernel6x8 is the AVX2+FMA micro-kernel (gemm_kernel_amd64.s).
//
//go:noescape
func gemmKernel6x8(k int, a, b, c *float64, ldc int, accum int)

// microKernel computes the mr×nr tile c (row stride ldc) = (accum ? c : 0) +
// ap·bp from a packed mr×k sliver ap and a packed k×nr sliver bp.
func microKernel(k int, ap, bp, c []float64, ldc int, accum bool) {
	if !useAsm {
		microKernelGeneric(k, ap, bp, c, ldc, accum)
		return
	}
	// Bounds checks that make the unchecked assembly accesses safe.
	if k > 0 {
		_ = ap[k*mr-1]
		_ = bp[k*nr-1]
	}
	_ = c[(mr-1)*ldc+nr-1]
	acc := 0
	if accum {
		acc = 1
	}
	gemmKernel6x8(k, &ap[0], &bp[0], &c[0], ldc, acc)
}
