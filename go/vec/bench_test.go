package vec_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"mlmath/vec"
)

// The sizes match the Python benchmarks (tests/bench): one table lines up
// Go-native, Go-via-cffi and numpy timings by the name Benchmark<Op>/n=<size>.
var vecSizes = []int{3, 1000, 1_000_000}

func benchmarkDot(b *testing.B, n int) {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	s, t := randVec(rng, n), randVec(rng, n)
	b.SetBytes(int64(16 * n))
	var sink float64
	for b.Loop() {
		sink += vec.Dot(s, t)
	}
	_ = sink
}

func benchmarkAdd(b *testing.B, n int) {
	rng := rand.New(rand.NewPCG(2, uint64(n)))
	s, t, dst := randVec(rng, n), randVec(rng, n), make([]float64, n)
	b.SetBytes(int64(24 * n))
	for b.Loop() {
		vec.AddTo(dst, s, t)
	}
}

func BenchmarkDot(b *testing.B) {
	for _, n := range vecSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchmarkDot(b, n) })
	}
}

func BenchmarkAdd(b *testing.B) {
	for _, n := range vecSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) { benchmarkAdd(b, n) })
	}
}
