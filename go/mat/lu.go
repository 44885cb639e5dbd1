package mat

import "math"

// nb is the block size of the blocked LU factorization and triangular
// solves: panels of nb columns are factorized with vector operations, and
// everything else is a matrix product (Gemm), which runs near the machine's
// peak. 64 keeps an nb×nb block of the diagonal in L1.
const nb = 64

// LU is the factorization P·A = L·U of a square matrix with partial
// pivoting, as LAPACK's dgetrf computes it: L unit lower triangular and U
// upper triangular, both stored in one n×n row-major slice.
type LU struct {
	n    int
	lu   []float64
	piv  []int // row i of P·A is row piv[i] of A
	sign float64
	// singular is true when some pivot was exactly zero; the factorization
	// then stops, as numpy.linalg treats LAPACK's info > 0.
	singular bool
}

// Factorize computes the LU factorization of the n×n matrix a, which it
// does not modify. It panics with ErrShape if len(a) != n*n.
//
// Column k's pivot is the first row i >= k with the largest |a[i][k]|
// (LAPACK's idamax: a NaN is never "larger"). An exactly zero pivot marks
// the matrix singular. The algorithm is LAPACK's blocked right-looking one:
// factorize a panel of nb columns, solve for the block row of U to its
// right, and update the trailing matrix with one matrix product.
func Factorize(a []float64, n int) *LU {
	checkSize(a, n, n)
	f := &LU{n: n, lu: append([]float64(nil), a...), piv: make([]int, n), sign: 1}
	for i := range f.piv {
		f.piv[i] = i
	}
	lu := f.lu
	for k0 := 0; k0 < n; k0 += nb {
		kb := min(nb, n-k0)
		if !f.factorizeRecursive(k0, k0+kb) {
			f.singular = true
			return f
		}
		rest := n - k0 - kb
		if rest == 0 {
			break
		}
		// U12 = L11⁻¹·A12: rows k0..k0+kb, columns k0+kb..n.
		solveLowerUnit(lu[k0*n+k0:], n, lu[k0*n+k0+kb:], n, kb, rest)
		// A22 -= L21·U12.
		mulSub(lu[(k0+kb)*n+k0+kb:], n, lu[(k0+kb)*n+k0:], n, lu[k0*n+k0+kb:], n, rest, kb, rest)
	}
	return f
}

// leaf is the panel width below which factorizeRecursive eliminates column
// by column: each row then touches a single cache line of the panel.
const leaf = 8

// factorizeRecursive factorizes columns c0..c1 of rows c0..n, swapping whole
// rows, as LAPACK's dgetrf2: factorize the left half, update the right half
// (a triangular solve and one matrix product), factorize the right half. Most
// of a panel's work becomes matrix products, which stream the panel once
// instead of once per column. It returns false at the first exactly zero
// pivot.
func (f *LU) factorizeRecursive(c0, c1 int) bool {
	if c1-c0 <= leaf {
		return f.factorizePanel(c0, c1-c0)
	}
	n, lu := f.n, f.lu
	cm := c0 + (c1-c0)/2
	if !f.factorizeRecursive(c0, cm) {
		return false
	}
	// A12 = L11⁻¹·A12: rows c0..cm, columns cm..c1.
	solveLowerUnit(lu[c0*n+c0:], n, lu[c0*n+cm:], n, cm-c0, c1-cm)
	// A22 -= L21·A12: rows cm..n, columns cm..c1.
	mulSub(lu[cm*n+cm:], n, lu[cm*n+c0:], n, lu[c0*n+cm:], n, n-cm, cm-c0, c1-cm)
	return f.factorizeRecursive(cm, c1)
}

// factorizePanel runs unblocked elimination (LAPACK's dgetf2) on columns
// k0..k0+kb of rows k0..n, swapping whole rows. It returns false at the
// first exactly zero pivot.
func (f *LU) factorizePanel(k0, kb int) bool {
	n, lu := f.n, f.lu
	for k := k0; k < k0+kb; k++ {
		p, pmax := k, math.Abs(lu[k*n+k])
		for i := k + 1; i < n; i++ {
			if v := math.Abs(lu[i*n+k]); v > pmax {
				p, pmax = i, v
			}
		}
		if p != k {
			rk, rp := lu[k*n:k*n+n], lu[p*n:p*n+n]
			for j := range rk {
				rk[j], rp[j] = rp[j], rk[j]
			}
			f.piv[k], f.piv[p] = f.piv[p], f.piv[k]
			f.sign = -f.sign
		}
		pivot := lu[k*n+k]
		if pivot == 0 {
			return false
		}
		urow := lu[k*n+k+1 : k*n+k0+kb]
		for i := k + 1; i < n; i++ {
			row := lu[i*n+k : i*n+k0+kb]
			l := row[0] / pivot
			row[0] = l
			axpy(row[1:], -l, urow)
		}
	}
	return true
}

// Singular reports whether a pivot was exactly zero.
func (f *LU) Singular() bool { return f.singular }

// Det returns the determinant: the product of U's diagonal times the sign
// of the row permutation, or 0 if the matrix is singular. The product is
// accumulated as mantissa and exponent, so it overflows or underflows only
// if the determinant itself does (numpy sums logarithms for the same end).
func (f *LU) Det() float64 {
	if f.singular {
		return 0
	}
	mant, exp := f.sign, 0
	for i := 0; i < f.n; i++ {
		fr, e := math.Frexp(f.lu[i*f.n+i])
		mant *= fr
		exp += e
		fr, e = math.Frexp(mant)
		mant, exp = fr, exp+e
	}
	return math.Ldexp(mant, exp)
}

// SolveTo solves A·X = B for X, with B n×k, writing X into dst (n×k, which
// may alias b). It returns ErrSingular if A is singular.
func (f *LU) SolveTo(dst, b []float64, k int) error {
	n := f.n
	checkSize(b, n, k)
	checkSize(dst, n, k)
	if f.singular {
		return ErrSingular
	}
	// Apply P to B. Rows are gathered through a copy, so dst may alias b.
	x := make([]float64, n*k)
	for i, p := range f.piv {
		copy(x[i*k:i*k+k], b[p*k:p*k+k])
	}
	solveLowerUnit(f.lu, n, x, k, n, k) // L·Y = P·B
	solveUpper(f.lu, n, x, k, n, k)     // U·X = Y
	copy(dst, x)
	return nil
}
