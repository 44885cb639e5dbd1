package optim

import (
	"fmt"
	"testing"
)

// The sizes are the parameter's length, from the vector sizes of the Python
// benchmarks (tests/bench/workload.py): Benchmark<Op>/n=<size>.
var benchSizes = []int{1000, 100000}

func benchVectors(n, k int) [][]float64 {
	v := make([][]float64, k)
	for j := range v {
		v[j] = make([]float64, n)
		for i := range v[j] {
			v[j][i] = float64(i%17-8) * 0.01
		}
	}
	return v
}

func BenchmarkSGDStep(b *testing.B) {
	o := SGD{LR: 0.01, Momentum: 0.9, WeightDecay: 1e-4, Nesterov: true}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			v := benchVectors(n, 3)
			for b.Loop() {
				o.Step(v[0], v[1], v[2], false)
			}
		})
	}
}

// BenchmarkAdamStep times one step of torch's default Adam (lr 1e-3) on a
// parameter of n elements, what make bench's adam_step times through Python
// (one Go call per parameter): the moments start at zero, as in a fresh
// optimizer, and the steps go on across the iterations.
func BenchmarkAdamStep(b *testing.B) {
	o := Adam{LR: 1e-3, Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			v := benchVectors(n, 2)
			m, s := make([]float64, n), make([]float64, n)
			t := 0
			for b.Loop() {
				t++
				o.Step(v[0], v[1], m, s, nil, t)
			}
		})
	}
}
