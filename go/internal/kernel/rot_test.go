package kernel

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestRotAxpy checks every kernel set's rot and axpy against the exact
// products (math.FMA gives the sums of two products to within an ulp of
// either rounding), on lengths around the SIMD widths.
func TestRotAxpy(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	theta := 0.7
	c, s := math.Cos(theta), math.Sin(theta)
	for _, n := range []int{0, 1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 100} {
		x0, y0 := make([]float64, n), make([]float64, n)
		for i := range x0 {
			x0[i], y0[i] = rng.NormFloat64(), rng.NormFloat64()*1e3
		}
		for _, ar := range supported() {
			x, y := append([]float64(nil), x0...), append([]float64(nil), y0...)
			ar.rot(x, y, c, s)
			for i := range x {
				wx, wy := c*x0[i]-s*y0[i], s*x0[i]+c*y0[i]
				tol := 4 * eps * (math.Abs(c*x0[i]) + math.Abs(s*y0[i]))
				if math.Abs(x[i]-wx) > tol || math.Abs(y[i]-wy) > 4*eps*(math.Abs(s*x0[i])+math.Abs(c*y0[i])) {
					t.Fatalf("%s n=%d: rot[%d] = (%v, %v), want (%v, %v)", ar.name, n, i, x[i], y[i], wx, wy)
				}
			}
			y = append(y[:0], y0...)
			ar.axpy(y, -2.5, x0)
			for i := range y {
				want := y0[i] - 2.5*x0[i]
				if math.Abs(y[i]-want) > 4*eps*(math.Abs(y0[i])+math.Abs(2.5*x0[i])) {
					t.Fatalf("%s n=%d: axpy[%d] = %v, want %v", ar.name, n, i, y[i], want)
				}
			}
		}
	}
	defer func() {
		if r := recover(); r == nil {
			t.Error("Rot with different lengths did not panic")
		}
	}()
	Rot(make([]float64, 2), make([]float64, 3), c, s)
}
