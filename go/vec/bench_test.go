package vec_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"mlmath/vec"
)

// The sizes and names match the Python benchmarks (tests/bench/workload.py):
// tests/bench/run.py lines up Go-native, Go-via-cffi and numpy timings by the
// name Benchmark<Op>/n=<size>, with <Op> the Python function in CamelCase.
var vecSizes = []int{3, 10, 100, 1000, 10_000, 100_000, 1_000_000}

// sink keeps the compiler from discarding results of the benchmarked calls.
var sink float64

// pair returns two random vectors of length n, seeded by seed and n.
func pair(seed uint64, n int) ([]float64, []float64) {
	rng := rand.New(rand.NewPCG(seed, uint64(n)))
	return randVec(rng, n), randVec(rng, n)
}

// runSizes runs f as the sub-benchmark n=<size> for every size in vecSizes.
// streams is the number of float64 vectors the kernel reads or writes, so
// that MB/s counts the memory traffic of one call.
func runSizes(b *testing.B, streams int, f func(b *testing.B, n int)) {
	for _, n := range vecSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(8 * streams * n))
			f(b, n)
		})
	}
}

func BenchmarkAdd(b *testing.B) {
	runSizes(b, 3, func(b *testing.B, n int) {
		s, t := pair(2, n)
		dst := make([]float64, n)
		for b.Loop() {
			vec.AddTo(dst, s, t)
		}
	})
}

func BenchmarkSubtract(b *testing.B) {
	runSizes(b, 3, func(b *testing.B, n int) {
		s, t := pair(3, n)
		dst := make([]float64, n)
		for b.Loop() {
			vec.SubTo(dst, s, t)
		}
	})
}

func BenchmarkScale(b *testing.B) {
	runSizes(b, 2, func(b *testing.B, n int) {
		s, _ := pair(4, n)
		dst := make([]float64, n)
		for b.Loop() {
			vec.ScaleTo(dst, 2.5, s)
		}
	})
}

func BenchmarkDot(b *testing.B) {
	runSizes(b, 2, func(b *testing.B, n int) {
		s, t := pair(1, n)
		for b.Loop() {
			sink += vec.Dot(s, t)
		}
	})
}

// BenchmarkNorm measures the 2-norm, the default ord of the Python norm.
func BenchmarkNorm(b *testing.B) {
	runSizes(b, 1, func(b *testing.B, n int) {
		s, _ := pair(5, n)
		for b.Loop() {
			x, err := vec.Norm(s, 2)
			if err != nil {
				b.Fatal(err)
			}
			sink += x
		}
	})
}

func BenchmarkCosineSimilarity(b *testing.B) {
	runSizes(b, 2, func(b *testing.B, n int) {
		s, t := pair(6, n)
		for b.Loop() {
			sink += vec.CosineSimilarity(s, t)
		}
	})
}
