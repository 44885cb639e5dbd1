package nn

import (
	"fmt"
	"testing"
)

// The sizes follow the Python benchmarks (tests/bench/workload.py): n is a
// vector's length, or the number of samples for the network.
var (
	elemSizes   = []int{1000, 100000}
	sampleSizes = []int{1000, 10000}
)

func BenchmarkSigmoid(b *testing.B) {
	for _, n := range elemSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			x := rowsOf(1, n, 10)
			dst := make([]float64, n)
			for b.Loop() {
				Sigmoid(dst, x)
			}
		})
	}
}

func BenchmarkSoftmax(b *testing.B) {
	for _, n := range elemSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			x := rowsOf(1, n, 10)
			dst := make([]float64, n)
			for b.Loop() {
				Softmax(dst, x, 1, n)
			}
		})
	}
}

// BenchmarkTrainEpoch times one full-batch epoch (Forward, loss, Backward,
// a no-op step) of a 10-32-1 network on n samples.
func BenchmarkTrainEpoch(b *testing.B) {
	for _, n := range sampleSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			c := newNetCase(n, 10, 32, 1)
			net := Network{W1: c.w1, B1: c.b1, W2: c.w2, B2: c.b2, D: 10, H: 32, O: 1}
			losses := make([]float64, 1)
			for b.Loop() {
				if _, err := Train(c.x, c.y, n, net, func([4][]float64) {}, 1, 0, losses, nil, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
