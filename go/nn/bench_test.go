package nn

import (
	"fmt"
	"testing"
)

// The sizes follow the Python benchmarks (tests/bench/workload.py): n is a
// vector's length, the number of samples for the network, or for XOR the
// number of epochs (family "nn" of make bench; 500 is a --quick run's).
var (
	elemSizes   = []int{1000, 100000}
	sampleSizes = []int{1000, 10000}
	xorEpochs   = []int{500, 5000}
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

// BenchmarkTrainXOR times n epochs of full-batch SGD (lr 2) on XOR with the
// 2-4-1 network from xorNet's weights, what mlmath.go.train_mlp runs in Go
// for make bench's train_xor (the same weights): each iteration starts from
// fresh weights, as the Python side copies them before every call, and
// Train reports no progress (Python's asks only every 50 ms).
func BenchmarkTrainXOR(b *testing.B) {
	for _, n := range xorEpochs {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			losses := make([]float64, n)
			for b.Loop() {
				net := xorNet()
				if done, err := Train(xorX, xorY, 4, net, sgdStep(net, 2), n, 0, losses, nil, 0); err != nil || done != n {
					b.Fatalf("Train = %d, %v; want %d, nil", done, err, n)
				}
			}
		})
	}
}
