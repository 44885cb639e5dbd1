package linear

import (
	"fmt"
	"testing"
)

// BenchmarkFit times one op = 1,000 iterations of Fit (l2 = 0.01) on
// n×20 data, what mlmath.go's logistic regression runs for make bench.
func BenchmarkFit(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			const d, iters = 20, 1000
			x, y := classification(n, d, 1)
			w, losses := make([]float64, d), make([]float64, iters)
			for b.Loop() {
				clear(w)
				bias := 0.0
				if k, err := Fit(w, &bias, x, y, n, d, Options{LearningRate: 0.1, L2: 0.01, MaxIter: iters}, losses); err != nil || k != iters {
					b.Fatalf("Fit = %d, %v", k, err)
				}
			}
		})
	}
}

// BenchmarkStandardize times Standardize on n×20 data.
func BenchmarkStandardize(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			const d = 20
			x, _ := classification(n, d, 1)
			dst, mean, std := make([]float64, n*d), make([]float64, d), make([]float64, d)
			for b.Loop() {
				Standardize(dst, mean, std, x, n, d)
			}
		})
	}
}
