package decomp

import (
	"math"

	"mlmath/internal/kernel"
)

// nb is the block size of the blocked Cholesky factorization: an nb×nb
// diagonal block is factorized with vector operations, the trailing matrix
// is updated with one matrix product (GEMM) per block column.
const nb = 64

// Cholesky computes the lower triangular L with A = L·Lᵀ for the symmetric
// positive definite n×n matrix a, reading only its lower triangle (as
// numpy.linalg.cholesky and LAPACK's dpotrf with UPLO='L'), and writes L
// into l with zeros above the diagonal. a is not modified; l and a may not
// overlap.
//
// The algorithm is LAPACK's blocked right-looking dpotrf: factorize a
// diagonal block, solve for the block column below it, and update the
// trailing matrix with a product on the GEMM kernels.
//
// It returns ErrNotPositiveDefinite, with l's contents unspecified, when a
// pivot is not positive. NaN or Inf in the lower triangle gives an l of all
// NaN and no error. It panics with ErrShape if len(a) or len(l) != n*n.
func Cholesky(l, a []float64, n int) error {
	return Options{}.Cholesky(l, a, n)
}

// Cholesky is the package's Cholesky with the options o: a check point
// before each block column.
func (o Options) Cholesky(l, a []float64, n int) error {
	checkSize(a, n, n)
	checkSize(l, n, n)
	for i := range n {
		row := a[i*n : i*n+i+1]
		for _, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				fillNaN(l)
				return nil
			}
		}
		copy(l[i*n:i*n+i+1], row)
		clear(l[i*n+i+1 : i*n+n])
	}
	var lt []float64 // L21ᵀ, the right operand of the trailing update
	w := o.watch()
	for k0 := 0; k0 < n; k0 += nb {
		if err := w.check(); err != nil {
			return err
		}
		kb := min(nb, n-k0)
		if !potrfUnblocked(l[k0*n+k0:], n, kb) {
			return ErrNotPositiveDefinite
		}
		rest := n - k0 - kb
		if rest == 0 {
			break
		}
		// L21 = A21·L11⁻ᵀ: each row x of A21 solves x·L11ᵀ = a.
		l11 := l[k0*n+k0:]
		for i := k0 + kb; i < n; i++ {
			x := l[i*n+k0 : i*n+k0+kb]
			for j := range kb {
				s := x[j]
				lj := l11[j*n : j*n+j]
				for p, v := range lj {
					s -= x[p] * v
				}
				x[j] = s / l11[j*n+j]
			}
		}
		// A22 -= L21·L21ᵀ (the full block: its upper part is cleared below).
		if cap(lt) < kb*rest {
			lt = make([]float64, kb*rest)
		}
		lt = lt[:kb*rest]
		for i := range rest {
			for p := range kb {
				lt[p*rest+i] = l[(k0+kb+i)*n+k0+p]
			}
		}
		a22 := l[(k0+kb)*n+k0+kb:]
		kernel.GemmSub(rest, rest, kb, l[(k0+kb)*n+k0:], n, lt, rest, a22, n, 0)
	}
	for i := range n {
		clear(l[i*n+i+1 : i*n+n])
	}
	return nil
}

// potrfUnblocked factorizes the kb×kb lower triangle at a (row stride lda)
// in place, column by column; it reports false on a pivot that is not
// positive.
func potrfUnblocked(a []float64, lda, kb int) bool {
	for j := range kb {
		rj := a[j*lda : j*lda+j+1]
		d := rj[j]
		for _, v := range rj[:j] {
			d -= v * v
		}
		if !(d > 0) {
			return false
		}
		d = math.Sqrt(d)
		rj[j] = d
		for i := j + 1; i < kb; i++ {
			ri := a[i*lda : i*lda+j+1]
			s := ri[j]
			for p, v := range rj[:j] {
				s -= ri[p] * v
			}
			ri[j] = s / d
		}
	}
	return true
}
