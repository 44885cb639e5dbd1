package gonumbench

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// The sizes, seeds and matrices of go/decomp/bench_test.go, so that each
// Benchmark<Op>/n=<size> here times gonum on the very input mlmath's
// benchmark of that name times.
var decompSizes = []int{64, 256, 512}

// pinvRcond is numpy.linalg.pinv's default relative cutoff, as mlmath's
// decomp.DefaultPinvRcond.
const pinvRcond = 1e-15

// randMat, mulT, spd and symmetric are copies of the generators of
// go/decomp/decomp_test.go and eigh_test.go (test files cannot be
// imported): the same seeds give the same matrices, row-major as gonum's
// Dense.

func randMat(rng *rand.Rand, m, n int) []float64 {
	a := make([]float64, m*n)
	for i := range a {
		a[i] = rng.NormFloat64()
	}
	return a
}

// mulT returns X·Yᵀ for X (m×k) and Y (n×k).
func mulT(x, y []float64, m, n, k int) []float64 {
	c := make([]float64, m*n)
	for i := range m {
		for j := range n {
			var s float64
			for p := range k {
				s += x[i*k+p] * y[j*k+p]
			}
			c[i*n+j] = s
		}
	}
	return c
}

// spd returns B·Bᵀ + n·I, symmetric positive definite.
func spd(rng *rand.Rand, n int) []float64 {
	b := randMat(rng, n, n)
	a := mulT(b, b, n, n, n)
	for i := range n {
		a[i*n+i] += float64(n)
	}
	return a
}

// symmetric returns (B + Bᵀ)/2 for a random B.
func symmetric(rng *rand.Rand, n int) []float64 {
	b := randMat(rng, n, n)
	a := make([]float64, n*n)
	for i := range n {
		for j := range n {
			a[i*n+j] = (b[i*n+j] + b[j*n+i]) / 2
		}
	}
	return a
}

func BenchmarkCholesky(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a := mat.NewSymDense(n, spd(rand.New(rand.NewPCG(uint64(n), 7)), n))
			var c mat.Cholesky
			for b.Loop() {
				if !c.Factorize(a) {
					b.Fatal("not positive definite")
				}
			}
		})
	}
}

// BenchmarkQR forms Q and R explicitly, as mlmath's QR returns both.
func BenchmarkQR(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a := mat.NewDense(n, n, randMat(rand.New(rand.NewPCG(uint64(n), 8)), n, n))
			var qr mat.QR
			q, r := mat.NewDense(n, n, nil), mat.NewDense(n, n, nil)
			for b.Loop() {
				qr.Factorize(a)
				qr.QTo(q)
				qr.RTo(r)
			}
		})
	}
}

func BenchmarkEigh(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a := mat.NewSymDense(n, symmetric(rand.New(rand.NewPCG(uint64(n), 9)), n))
			var e mat.EigenSym
			for b.Loop() {
				if !e.Factorize(a, true) {
					b.Fatal("no convergence")
				}
			}
		})
	}
}

// BenchmarkSVD is the thin SVD, U, S and Vᵀ (left in the factorization).
func BenchmarkSVD(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a := mat.NewDense(n, n, randMat(rand.New(rand.NewPCG(uint64(n), 10)), n, n))
			var svd mat.SVD
			for b.Loop() {
				if !svd.Factorize(a, mat.SVDThin) {
					b.Fatal("no convergence")
				}
			}
		})
	}
}

// BenchmarkEig computes the eigenvalues and right eigenvectors; gonum also
// converts them to complex128, which mlmath's Eig leaves to the caller.
func BenchmarkEig(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a := mat.NewDense(n, n, randMat(rand.New(rand.NewPCG(uint64(n), 11)), n, n))
			var e mat.Eigen
			for b.Loop() {
				if !e.Factorize(a, mat.EigenRight) {
					b.Fatal("no convergence")
				}
			}
		})
	}
}

// pinv writes A⁺ = V·diag(1/s_i)·Uᵀ over s_i > rcond·s_max into dst, as
// mlmath's Pinv (gonum has no pseudo-inverse of its own).
func pinv(dst *mat.Dense, a *mat.Dense, svd *mat.SVD, u, v *mat.Dense, s []float64) bool {
	if !svd.Factorize(a, mat.SVDThin) {
		return false
	}
	svd.UTo(u)
	svd.VTo(v)
	s = svd.Values(s)
	cutoff := pinvRcond * s[0]
	rows, _ := v.Dims()
	for j, sj := range s {
		inv := 0.0
		if sj > cutoff {
			inv = 1 / sj
		}
		for i := range rows {
			v.Set(i, j, v.At(i, j)*inv)
		}
	}
	dst.Mul(v, u.T())
	return true
}

func BenchmarkPinv(b *testing.B) {
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			a := mat.NewDense(n, n, randMat(rand.New(rand.NewPCG(uint64(n), 12)), n, n))
			var svd mat.SVD
			p, u, v, s := mat.NewDense(n, n, nil), mat.NewDense(n, n, nil), mat.NewDense(n, n, nil), make([]float64, n)
			for b.Loop() {
				if !pinv(p, a, &svd, u, v, s) {
					b.Fatal("no convergence")
				}
			}
		})
	}
}

// project writes the centred data projected on the components into scores:
// (X - 1·meanᵀ)·V = X·V - 1·(meanᵀ·V), without a centred copy of X.
func project(scores, x *mat.Dense, comp mat.Matrix, mean []float64) {
	scores.Mul(x, comp)
	rows, cols := scores.Dims()
	for j := range cols {
		var shift float64
		for f, m := range mean {
			shift += m * comp.At(f, j)
		}
		for i := range rows {
			scores.Set(i, j, scores.At(i, j)-shift)
		}
	}
}

// BenchmarkPCA is stat.PC (centring and a thin SVD) plus what mlmath's PCA
// also returns for c components: their directions, variances, variance
// ratios, and the centred data projected on them (not scikit-learn's sign
// flip, O(c·n)).
func BenchmarkPCA(b *testing.B) {
	const c = 10
	for _, n := range decompSizes {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			x := mat.NewDense(n, n, randMat(rand.New(rand.NewPCG(uint64(n), 13)), n, n))
			var pc stat.PC
			vecs, vars := mat.NewDense(n, n, nil), make([]float64, n)
			ratio, mean, col := make([]float64, c), make([]float64, n), make([]float64, n)
			scores := mat.NewDense(n, c, nil)
			for b.Loop() {
				if !pc.PrincipalComponents(x, nil) {
					b.Fatal("no convergence")
				}
				pc.VectorsTo(vecs)
				vars = pc.VarsTo(vars)
				var total float64
				for _, v := range vars {
					total += v
				}
				for j := range c {
					ratio[j] = vars[j] / total
				}
				for j := range mean {
					mean[j] = stat.Mean(mat.Col(col, j, x), nil)
				}
				project(scores, x, vecs.Slice(0, n, 0, c), mean)
			}
		})
	}
}
