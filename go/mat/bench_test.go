package mat_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"mlmath/mat"
)

// The sizes and names match the Python benchmarks (tests/bench/workload.py):
// tests/bench/run.py lines up Go-native, Go-via-cffi and numpy timings by the
// name Benchmark<Op>/n=<size>; Mul is the Python matmul.
var (
	matSizes = []int{8, 16, 32, 64, 128, 256, 512, 1024}
	mulSizes = []int{8, 16, 32, 64, 128, 256, 512, 1024, 2048}
)

// sink keeps the compiler from discarding results of the benchmarked calls.
var sink float64

// wellConditioned returns a random n×n matrix shifted by 2*sqrt(n)*I, so
// that LU meets no tiny pivots and the timings do not depend on luck.
func wellConditioned(n int) []float64 {
	a := randMat(rand.New(rand.NewPCG(uint64(n), 1)), n, n)
	for i := range n {
		a[i*n+i] += 2 * math.Sqrt(float64(n))
	}
	return a
}

func benchmarkMul(b *testing.B, n int) {
	rng := rand.New(rand.NewPCG(uint64(n), 2))
	x, y, dst := randMat(rng, n, n), randMat(rng, n, n), make([]float64, n*n)
	for b.Loop() {
		mat.Mul(dst, x, y, n, n, n)
	}
	flops := 2 * float64(n) * float64(n) * float64(n) * float64(b.N)
	b.ReportMetric(flops/b.Elapsed().Seconds()/1e9, "GFLOPS")
}

func benchmarkTranspose(b *testing.B, n int) {
	a, dst := randMat(rand.New(rand.NewPCG(uint64(n), 4)), n, n), make([]float64, n*n)
	b.SetBytes(int64(16 * n * n))
	for b.Loop() {
		mat.Transpose(dst, a, n, n)
	}
}

func benchmarkDet(b *testing.B, n int) {
	a := wellConditioned(n)
	for b.Loop() {
		sink += mat.Det(a, n)
	}
}

func benchmarkInv(b *testing.B, n int) {
	a, dst := wellConditioned(n), make([]float64, n*n)
	for b.Loop() {
		if err := mat.Inv(dst, a, n); err != nil {
			b.Fatal(err)
		}
	}
}

// benchmarkSolve solves for one right-hand side vector (k = 1).
func benchmarkSolve(b *testing.B, n int) {
	a := wellConditioned(n)
	rhs, dst := randMat(rand.New(rand.NewPCG(uint64(n), 3)), n, 1), make([]float64, n)
	for b.Loop() {
		if err := mat.Solve(dst, a, rhs, n, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// run runs f as the sub-benchmark n=<size> for every size in sizes.
func run(b *testing.B, sizes []int, f func(*testing.B, int)) {
	for _, n := range sizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { f(b, n) })
	}
}

func BenchmarkMul(b *testing.B)       { run(b, mulSizes, benchmarkMul) }
func BenchmarkTranspose(b *testing.B) { run(b, matSizes, benchmarkTranspose) }
func BenchmarkDet(b *testing.B)       { run(b, matSizes, benchmarkDet) }
func BenchmarkInv(b *testing.B)       { run(b, matSizes, benchmarkInv) }
func BenchmarkSolve(b *testing.B)     { run(b, matSizes, benchmarkSolve) }
