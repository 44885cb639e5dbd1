package calculus

import (
	"fmt"
	"testing"
)

// The sizes match the Python benchmarks (tests/bench/workload.py, family
// "calculus"): n is the number of gradient-descent steps, so one table lines
// up Go-native, Go-via-cffi and the numpy reference by the name
// Benchmark<Op>/n=<size>. 1000 is the size of a --quick run.
var descentSizes = []int{1000, 10000}

// BenchmarkGradientDescent times n steps on Rosenbrock's function from
// (-1.2, 1) at learning rate 1e-3 with Tol 0 (never stopping early), the
// loop mlmath.go.gradient_descent runs natively for a built-in objective,
// without Progress (which it calls only every 50 ms).
func BenchmarkGradientDescent(b *testing.B) {
	for _, n := range descentSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			d := Descent{LearningRate: 1e-3, MaxIter: n}
			hist, grad := make([]float64, (n+1)*2), Rosenbrock.GradFunc()
			for b.Loop() {
				if steps, err := GradientDescent(hist, grad, []float64{-1.2, 1}, d); err != nil || steps != n {
					b.Fatalf("steps %d, error %v: want %d steps", steps, err, n)
				}
			}
		})
	}
}
