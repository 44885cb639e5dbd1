package info

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// randomLabels returns n labels drawn uniformly from k classes: 0..k-1
// times scale, plus offset.
func randomLabels(r *rand.Rand, n, k int, scale, offset int64) []int64 {
	v := make([]int64, n)
	for i := range v {
		v[i] = int64(r.IntN(k))*scale + offset
	}
	return v
}

// BenchmarkMutualInformationFromLabels times n random labels of 100 classes
// each: small label values (the lookup tables and the dense table of
// counts), and labels spread over ±1e15 (the hash tables).
func BenchmarkMutualInformationFromLabels(b *testing.B) {
	for _, n := range []int{1000, 1000000} {
		r := rand.New(rand.NewPCG(1, uint64(n)))
		x, y := randomLabels(r, n, 100, 1, 0), randomLabels(r, n, 100, 1, 0)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := MutualInformationFromLabels(x, y, 2); err != nil {
					b.Fatal(err)
				}
			}
		})
		wx, wy := randomLabels(r, n, 100, 1e13, -5e14), randomLabels(r, n, 100, -1e13, 3)
		b.Run(fmt.Sprintf("wide/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := MutualInformationFromLabels(wx, wy, 2); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEntropy(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		p := make([]float64, n)
		for i := range p {
			p[i] = float64(i%17 + 1)
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := Entropy(p, 2); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
