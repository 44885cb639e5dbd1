package kernel

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestElementwise checks every kernel set's add, sub and scale, and the
// chunked parallel Add, Sub and Scale, bit for bit against the IEEE
// operation per element, on lengths around the SIMD widths and the chunk
// size, with signed zeros, subnormals, infinities and NaN among the data.
func TestElementwise(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	special := []float64{0, math.Copysign(0, -1), 5e-324, -1e-310, math.Inf(1), math.Inf(-1), math.NaN(), 1e308, -1e308}
	for _, n := range []int{0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 100, elemChunk - 1, elemChunk + 3, 3*elemChunk + 5} {
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i], y[i] = rng.NormFloat64(), rng.NormFloat64()*1e3
			if i%11 == 3 {
				x[i] = special[(i/11)%len(special)]
			}
		}
		c := -1.5
		want := map[string][]float64{"add": make([]float64, n), "sub": make([]float64, n), "scale": make([]float64, n)}
		for i := range x {
			want["add"][i], want["sub"][i], want["scale"][i] = x[i]+y[i], x[i]-y[i], c*x[i]
		}
		check := func(kernel, op string, got []float64) {
			t.Helper()
			for i, w := range want[op] {
				if math.Float64bits(got[i]) != math.Float64bits(w) && !(math.IsNaN(got[i]) && math.IsNaN(w)) {
					t.Fatalf("n=%d %s %s[%d] = %v, want %v", n, kernel, op, i, got[i], w)
				}
			}
		}
		d := make([]float64, n)
		for _, ar := range supported() {
			ar.add(d, x, y)
			check(ar.name, "add", d)
			ar.sub(d, x, y)
			check(ar.name, "sub", d)
			ar.scale(d, c, x)
			check(ar.name, "scale", d)
		}
		Add(d, x, y)
		check("Add", "add", d)
		Sub(d, x, y)
		check("Sub", "sub", d)
		Scale(d, c, x)
		check("Scale", "scale", d)
	}
}
