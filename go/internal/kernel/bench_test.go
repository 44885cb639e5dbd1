package kernel

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkGemm uses all of GOMAXPROCS; BenchmarkGemmSerial one goroutine.
func BenchmarkGemm(b *testing.B)       { benchGemm(b, 0) }
func BenchmarkGemmSerial(b *testing.B) { benchGemm(b, 1) }

func benchGemm(b *testing.B, workers int) {
	for _, n := range []int{64, 256, 1000, 1024} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 1))
			x, y, c := make([]float64, n*n), make([]float64, n*n), make([]float64, n*n)
			for i := range x {
				x[i], y[i] = rng.NormFloat64(), rng.NormFloat64()
			}
			b.ResetTimer()
			for b.Loop() {
				Gemm(n, n, n, x, n, y, n, c, n, workers)
			}
			flops := 2 * float64(n) * float64(n) * float64(n) * float64(b.N)
			b.ReportMetric(flops/b.Elapsed().Seconds()/1e9, "GFLOPS")
		})
	}
}

func BenchmarkDot(b *testing.B) {
	for _, n := range []int{3, 1000, 1_000_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(2, 2))
			x, y := make([]float64, n), make([]float64, n)
			for i := range x {
				x[i], y[i] = rng.NormFloat64(), rng.NormFloat64()
			}
			b.SetBytes(int64(16 * n))
			var s float64
			for b.Loop() {
				s += Dot(x, y)
			}
			_ = s
		})
	}
}

// BenchmarkDotKernel times each supported kernel set's serial dot beside
// the chunked parallel Dot: in cache (1e5) and from L3/memory (1e6).
func BenchmarkDotKernel(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		rng := rand.New(rand.NewPCG(2, 2))
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i], y[i] = rng.NormFloat64(), rng.NormFloat64()
		}
		for _, ar := range supported() {
			b.Run(fmt.Sprintf("%s/n=%d", ar.name, n), func(b *testing.B) {
				b.SetBytes(int64(16 * n))
				var s float64
				for b.Loop() {
					s += ar.dot(x, y)
				}
				_ = s
			})
		}
		b.Run(fmt.Sprintf("Dot/n=%d", n), func(b *testing.B) {
			b.SetBytes(int64(16 * n))
			var s float64
			for b.Loop() {
				s += Dot(x, y)
			}
			_ = s
		})
	}
}
