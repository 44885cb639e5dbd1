package kernel

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestGemmSub checks C = C0 - A·B against the naive product for shapes on
// every path (small loop, packed serial, packed parallel, edge tiles), with
// strides, and that k == 0 leaves C unchanged.
func TestGemmSub(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for _, sh := range [][3]int{{0, 3, 2}, {3, 0, 2}, {4, 5, 0}, {1, 1, 1}, {7, 13, 5}, {40, 37, 33}, {300, 200, 129}, {97, 301, 64}} {
		m, n, k := sh[0], sh[1], sh[2]
		for _, ar := range supported() {
			for _, workers := range []int{1, 2} {
				a, b := newMat(rng, m, k, 3), newMat(rng, k, n, 1)
				ldc := n + 2
				c := make([]float64, max(0, (m-1)*ldc+n))
				for i := range c {
					c[i] = rng.NormFloat64()
				}
				c0 := append([]float64(nil), c...)
				gemm(ar, subtract, m, n, k, a.d, a.ld, b.d, b.ld, c, ldc, workers)
				ref, abs := naiveGemm(a, b)
				for i := range m {
					for j := range n {
						want := c0[i*ldc+j] - ref[i*n+j]
						tol := float64(k+2) * eps * (abs[i*n+j] + math.Abs(c0[i*ldc+j]))
						if got := c[i*ldc+j]; !(math.Abs(got-want) <= tol) {
							t.Fatalf("%s %dx%dx%d workers=%d: C[%d][%d] = %v, want %v", ar.name, m, n, k, workers, i, j, got, want)
						}
					}
				}
				for i := range m {
					for j := n; j < ldc && i*ldc+j < len(c); j++ {
						if c[i*ldc+j] != c0[i*ldc+j] {
							t.Fatalf("%dx%dx%d: padding C[%d][%d] changed", m, n, k, i, j)
						}
					}
				}
			}
		}
	}
}
