package mat

import "mlmath/internal/kernel"

// Triangular solves, recursive like LAPACK's dtrsm in ReLAPACK: halve the
// rows, solve the first half, subtract its contribution from the second half
// with one matrix product (GemmSub), solve the second half. Nearly all the
// work lands in the GEMM kernel; rows are handled one at a time only in
// leaves of at most `leaf` rows.

// solveLowerUnit overwrites the m×k matrix x (row stride ldx) with L⁻¹·x,
// where L is the m×m unit lower triangle of l (row stride ldl; the diagonal
// and the upper part of l are not read).
func solveLowerUnit(l []float64, ldl int, x []float64, ldx int, m, k int) {
	if m <= leaf {
		for i := 1; i < m; i++ {
			xi := x[i*ldx : i*ldx+k]
			for j := 0; j < i; j++ {
				axpy(xi, -l[i*ldl+j], x[j*ldx:j*ldx+k])
			}
		}
		return
	}
	h := m / 2
	solveLowerUnit(l, ldl, x, ldx, h, k)
	// x[h:m] -= L[h:m, 0:h] · x[0:h]
	mulSub(x[h*ldx:], ldx, l[h*ldl:], ldl, x, ldx, m-h, h, k)
	solveLowerUnit(l[h*ldl+h:], ldl, x[h*ldx:], ldx, m-h, k)
}

// solveUpper overwrites the m×k matrix x (row stride ldx) with U⁻¹·x, where
// U is the m×m upper triangle of u (row stride ldu, diagonal included; the
// lower part of u is not read).
func solveUpper(u []float64, ldu int, x []float64, ldx int, m, k int) {
	if m <= leaf {
		for i := m - 1; i >= 0; i-- {
			xi := x[i*ldx : i*ldx+k]
			for j := i + 1; j < m; j++ {
				axpy(xi, -u[i*ldu+j], x[j*ldx:j*ldx+k])
			}
			d := u[i*ldu+i]
			for c := range xi {
				xi[c] /= d
			}
		}
		return
	}
	h := m / 2
	solveUpper(u[h*ldu+h:], ldu, x[h*ldx:], ldx, m-h, k)
	// x[0:h] -= U[0:h, h:m] · x[h:m]
	mulSub(x, ldx, u[h:], ldu, x[h*ldx:], ldx, h, m-h, k)
	solveUpper(u, ldu, x, ldx, h, k)
}

// mulSub computes C -= A·B for A m×p (row stride lda), B p×q (ldb) and C
// m×q (ldc) with the blocked Gemm kernel.
func mulSub(c []float64, ldc int, a []float64, lda int, b []float64, ldb int, m, p, q int) {
	if m == 0 || p == 0 || q == 0 {
		return
	}
	kernel.GemmSub(m, q, p, a, lda, b, ldb, c, ldc, 0)
}

// axpy computes y += alpha·x for len(x) >= len(y).
func axpy(y []float64, alpha float64, x []float64) {
	x = x[:len(y)]
	for i, v := range x {
		y[i] += alpha * v
	}
}
