package mat

import "mlmath/internal/kernel"

// The triangular solves behind LU.SolveTo, blocked like LAPACK's dtrsm:
// each block of nb rows first subtracts, with one matrix product, what all
// the rows already solved contribute, then solves its small diagonal block
// with vector operations.

// solveLower overwrites the n×k matrix x with L⁻¹·x, L unit lower triangular.
func (f *LU) solveLower(x []float64, k int) {
	n, lu := f.n, f.lu
	for i0 := 0; i0 < n; i0 += nb {
		ib := min(nb, n-i0)
		// x[i0:i0+ib] -= L[i0:i0+ib, 0:i0] · x[0:i0]
		mulSub(x[i0*k:], k, lu[i0*n:], n, x, k, ib, i0, k)
		for i := i0 + 1; i < i0+ib; i++ {
			xi := x[i*k : i*k+k]
			for j := i0; j < i; j++ {
				axpy(xi, -lu[i*n+j], x[j*k:j*k+k])
			}
		}
	}
}

// solveUpper overwrites the n×k matrix x with U⁻¹·x, U upper triangular.
func (f *LU) solveUpper(x []float64, k int) {
	n, lu := f.n, f.lu
	for i1 := n; i1 > 0; i1 -= nb {
		i0 := max(0, i1-nb)
		// x[i0:i1] -= U[i0:i1, i1:n] · x[i1:n]
		mulSub(x[i0*k:], k, lu[i0*n+i1:], n, x[i1*k:], k, i1-i0, n-i1, k)
		for i := i1 - 1; i >= i0; i-- {
			xi := x[i*k : i*k+k]
			for j := i + 1; j < i1; j++ {
				axpy(xi, -lu[i*n+j], x[j*k:j*k+k])
			}
			d := lu[i*n+i]
			for c := range xi {
				xi[c] /= d
			}
		}
	}
}

// mulSub computes C -= A·B for A m×p (row stride lda), B p×q (ldb) and C
// m×q (ldc) with the blocked Gemm kernel.
func mulSub(c []float64, ldc int, a []float64, lda int, b []float64, ldb int, m, p, q int) {
	if m == 0 || p == 0 || q == 0 {
		return
	}
	kernel.GemmSub(m, q, p, a, lda, b, ldb, c, ldc, 0)
}

// axpy computes y += alpha·x for len(x) == len(y).
func axpy(y []float64, alpha float64, x []float64) {
	x = x[:len(y)]
	for i, v := range x {
		y[i] += alpha * v
	}
}
