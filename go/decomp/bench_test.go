package decomp

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// The sizes match the Python benchmarks (tests/bench/workload.py): one
// table lines up Go-native, Go-via-cffi and numpy timings by the name
// Benchmark<Op>/n=<size>.
var decompSizes = []int{64, 256, 512}

func BenchmarkCholesky(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a, l := spd(rand.New(rand.NewPCG(uint64(n), 7)), n), make([]float64, n*n)
			for b.Loop() {
				if err := Cholesky(l, a, n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkQR(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a := randMat(rand.New(rand.NewPCG(uint64(n), 8)), n, n)
			q, r := make([]float64, n*n), make([]float64, n*n)
			for b.Loop() {
				QR(q, r, a, n, n)
			}
		})
	}
}

func BenchmarkEigh(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a := symmetric(rand.New(rand.NewPCG(uint64(n), 9)), n)
			w, v := make([]float64, n), make([]float64, n*n)
			for b.Loop() {
				if err := Eigh(w, v, a, n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSVD(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a := randMat(rand.New(rand.NewPCG(uint64(n), 10)), n, n)
			u, s, vt := make([]float64, n*n), make([]float64, n), make([]float64, n*n)
			for b.Loop() {
				if err := SVD(u, s, vt, a, n, n, false); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkEig(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a := randMat(rand.New(rand.NewPCG(uint64(n), 11)), n, n)
			wr, wi, v := make([]float64, n), make([]float64, n), make([]float64, n*n)
			for b.Loop() {
				if err := Eig(wr, wi, v, a, n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPinv(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a, p := randMat(rand.New(rand.NewPCG(uint64(n), 12)), n, n), make([]float64, n*n)
			for b.Loop() {
				if err := Pinv(p, a, n, n, DefaultPinvRcond); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPCA(b *testing.B) {
	const c = 10
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			x := randMat(rand.New(rand.NewPCG(uint64(n), 13)), n, n)
			comp, v, r, mean, tr := make([]float64, c*n), make([]float64, c), make([]float64, c), make([]float64, n), make([]float64, n*c)
			for b.Loop() {
				if err := PCA(comp, v, r, mean, tr, x, n, n, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
