//go:build amd64 && !noasm

package kernel

// avx2 is the AVX2+FMA kernel set: a 6×8 register tile (12 YMM
// accumulators), tuned on AMD Zen3 (32 KiB L1d, 512 KiB L2).
var avx2 = &arch{
	name: "avx2",
	mr:   6, nr: 8, kc: 256, mc: 96, nc: 4096,
	micro: microAVX2,
	dot:   dotAVX2Slices,
	add:   func(dst, x, y []float64) { binary(addAVX2, dst, x, y) },
	sub:   func(dst, x, y []float64) { binary(subAVX2, dst, x, y) },
	scale: func(dst []float64, c float64, x []float64) { scaled(scaleAVX2, dst, c, x) },
	rot:   func(x, y []float64, c, s float64) { rotated(rotAVX2, x, y, c, s) },
	axpy:  func(y []float64, alpha float64, x []float64) { axpied(axpyAVX2, y, alpha, x) },
}

// avx512 is the AVX-512F kernel set: an 8×24 register tile (24 ZMM
// accumulators; 3 loads of B and 8 broadcasts of A feed 24 FMAs), tuned on
// Intel Xeon (48 KiB L1d, 2 MiB L2): a kc×24 sliver of B (24 KiB at
// kc=128) stays in L1 beside the streaming A sliver.
var avx512 = &arch{
	name: "avx512",
	mr:   8, nr: 24, kc: 256, mc: 192, nc: 4080,
	micro: microAVX512,
	dot:   dotAVX512Slices,
	add:   func(dst, x, y []float64) { binary(addAVX512, dst, x, y) },
	sub:   func(dst, x, y []float64) { binary(subAVX512, dst, x, y) },
	scale: func(dst []float64, c float64, x []float64) { scaled(scaleAVX512, dst, c, x) },
	rot:   func(x, y []float64, c, s float64) { rotated(rotAVX512, x, y, c, s) },
	axpy:  func(y []float64, alpha float64, x []float64) { axpied(axpyAVX512, y, alpha, x) },
}

// Assembly kernels (gemm_avx2_amd64.s, gemm_avx512_amd64.s, dot_amd64.s).
// They read and write only within the bounds their wrappers check.
//
//go:noescape
func gemmKernel6x8(k int, a, b, c *float64, ldc int, accum int)

//go:noescape
func gemmKernel8x24(k int, a, b, c *float64, ldc int, accum int)

//go:noescape
func dotAVX2(x, y *float64, n int) float64

//go:noescape
func dotAVX512(x, y *float64, n int) float64

// Elementwise kernels (elementwise_amd64.s): dst = x op y, dst = c * x.
//
//go:noescape
func addAVX2(dst, x, y *float64, n int)

//go:noescape
func subAVX2(dst, x, y *float64, n int)

//go:noescape
func scaleAVX2(dst *float64, c float64, x *float64, n int)

//go:noescape
func addAVX512(dst, x, y *float64, n int)

//go:noescape
func subAVX512(dst, x, y *float64, n int)

//go:noescape
func scaleAVX512(dst *float64, c float64, x *float64, n int)

// Level-1 kernels of the decompositions (rot_amd64.s).
//
//go:noescape
func rotAVX2(x, y *float64, n int, c, s float64)

//go:noescape
func rotAVX512(x, y *float64, n int, c, s float64)

//go:noescape
func axpyAVX2(y, x *float64, n int, alpha float64)

//go:noescape
func axpyAVX512(y, x *float64, n int, alpha float64)

func microAVX2(k int, ap, bp, c []float64, ldc int, accum bool) {
	checkMicro(k, 6, 8, ap, bp, c, ldc)
	gemmKernel6x8(k, &ap[0], &bp[0], &c[0], ldc, b2i(accum))
}

func microAVX512(k int, ap, bp, c []float64, ldc int, accum bool) {
	checkMicro(k, 8, 24, ap, bp, c, ldc)
	gemmKernel8x24(k, &ap[0], &bp[0], &c[0], ldc, b2i(accum))
}

// checkMicro makes the unchecked assembly accesses safe: it panics (index
// out of range) unless ap, bp and c hold an mr×k, a k×nr and an mr×nr tile.
func checkMicro(k, mr, nr int, ap, bp, c []float64, ldc int) {
	if k > 0 {
		_ = ap[k*mr-1]
		_ = bp[k*nr-1]
	}
	_ = c[(mr-1)*ldc+nr-1]
	_, _ = ap[0], bp[0]
}

func dotAVX2Slices(x, y []float64) float64 {
	if len(x) < 8 {
		return dotGeneric(x, y)
	}
	_ = y[len(x)-1]
	return dotAVX2(&x[0], &y[0], len(x))
}

func dotAVX512Slices(x, y []float64) float64 {
	if len(x) < 16 {
		return dotGeneric(x, y)
	}
	_ = y[len(x)-1]
	return dotAVX512(&x[0], &y[0], len(x))
}

// binary runs an elementwise assembly kernel over len(dst) elements, after
// the bounds checks that make its unchecked accesses safe (x and y hold at
// least len(dst) elements).
func binary(kernel func(dst, x, y *float64, n int), dst, x, y []float64) {
	n := len(dst)
	if n == 0 {
		return
	}
	_, _ = x[n-1], y[n-1]
	kernel(&dst[0], &x[0], &y[0], n)
}

// scaled is binary for dst = c * x.
func scaled(kernel func(dst *float64, c float64, x *float64, n int), dst []float64, c float64, x []float64) {
	n := len(dst)
	if n == 0 {
		return
	}
	_ = x[n-1]
	kernel(&dst[0], c, &x[0], n)
}

// rotated runs a rotation kernel over len(x) elements (y is as long).
func rotated(kernel func(x, y *float64, n int, c, s float64), x, y []float64, c, s float64) {
	n := len(x)
	if n == 0 {
		return
	}
	_ = y[n-1]
	kernel(&x[0], &y[0], n, c, s)
}

// axpied runs an axpy kernel over len(y) elements (x is as long).
func axpied(kernel func(y, x *float64, n int, alpha float64), y []float64, alpha float64, x []float64) {
	n := len(y)
	if n == 0 {
		return
	}
	_ = x[n-1]
	kernel(&y[0], &x[0], n, alpha)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
