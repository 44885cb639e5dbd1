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

// noisyCopy returns (x + d) mod k for each label of x (labels 0..k-1), d
// drawn uniformly from -2..2: labels that depend on x, as make bench's.
func noisyCopy(r *rand.Rand, x []int64, k int) []int64 {
	v := make([]int64, len(x))
	for i, xi := range x {
		v[i] = ((xi+int64(r.IntN(5))-2)%int64(k) + int64(k)) % int64(k)
	}
	return v
}

// BenchmarkMutualInformationFromLabels times n labels of 100 classes each,
// small label values (the lookup tables and the dense table of counts):
// y a noisy copy of x, about 500 nonzero cells (n=, the input of make
// bench's mutual_information_from_labels, tests/bench/workload.py), and x,
// y independent, all 10,000 cells (indep/n=); and independent labels spread
// over ±1e15 (the hash tables, wide/n=).
func BenchmarkMutualInformationFromLabels(b *testing.B) {
	for _, n := range []int{1000, 10000, 1000000} {
		r := rand.New(rand.NewPCG(1, uint64(n)))
		x, y := randomLabels(r, n, 100, 1, 0), randomLabels(r, n, 100, 1, 0)
		wx, wy := randomLabels(r, n, 100, 1e13, -5e14), randomLabels(r, n, 100, -1e13, 3)
		cy := noisyCopy(r, x, 100)
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := MutualInformationFromLabels(x, cy, 2); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("indep/n=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := MutualInformationFromLabels(x, y, 2); err != nil {
					b.Fatal(err)
				}
			}
		})
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
