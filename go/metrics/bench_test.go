package metrics

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func BenchmarkROCAUC(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			y, s := make([]int64, n), make([]float64, n)
			for i := range n {
				y[i], s[i] = rng.Int64N(2), rng.Float64()
			}
			for b.Loop() {
				if _, err := ROCAUC(y, s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkConfusionMatrix(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			y, p := make([]int64, n), make([]int64, n)
			for i := range n {
				y[i], p[i] = rng.Int64N(3), rng.Int64N(3)
			}
			labels, dst := make([]int64, 2*n), make([]int64, 9)
			for b.Loop() {
				ConfusionMatrix(dst, labels, y, p)
			}
		})
	}
}
