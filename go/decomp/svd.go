package decomp

import (
	"math"
	"sort"

	"mlmath/internal/kernel"
)

// svdMaxSweeps bounds the Jacobi sweeps (each visits every pair of
// columns); quadratic convergence needs fewer than 15 in practice.
const svdMaxSweeps = 60

// SVD computes the singular value decomposition A = U·diag(s)·Vᵀ of the m×n
// matrix a, with k = min(m, n) singular values s in descending order. With
// full false, u is m×k and vt is k×n (numpy's full_matrices=False); with
// full true, u is m×m and vt is n×n, the extra columns of U and rows of Vᵀ
// completing orthonormal bases. a is not modified. Singular vectors are
// defined up to sign (and only their subspace for repeated values).
//
// The algorithm is the one-sided Jacobi method (Hestenes; LAPACK's dgesvj)
// preconditioned by a QR factorization, as in Drmač and Veselić: A = Q·R,
// then plane rotations applied to the columns of Rᵀ, and accumulated, until
// every pair of columns is orthogonal to working precision; the column
// norms are the singular values, the normalized columns the right singular
// vectors, the accumulated rotations the left singular vectors of R, and
// U = Q·U_R (one product on the GEMM kernels).
// Jacobi's method computes even tiny singular values to high relative
// accuracy. A wide A (m < n) is handled through Aᵀ.
//
// It returns ErrNotFinite for NaN or Inf in a and ErrNoConvergence if the
// sweeps exceed their budget. It panics with ErrShape if a length
// disagrees with the dimensions.
func SVD(u, s, vt, a []float64, m, n int, full bool) error {
	checkSize(a, m, n)
	k := min(m, n)
	ucols, vrows := k, k
	if full {
		ucols, vrows = m, n
	}
	checkSize(u, m, ucols)
	checkSize(vt, vrows, n)
	if len(s) != k {
		panic(ErrShape)
	}
	for _, x := range a {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ErrNotFinite
		}
	}
	if m >= n {
		ut, v, err := svdTall(a, m, n, s, full)
		if err != nil {
			return err
		}
		for c := range ucols { // u has the rows of ut as its columns
			for i, x := range ut[c*m : c*m+m] {
				u[i*ucols+c] = x
			}
		}
		copy(vt, v)
		return nil
	}
	// A = (Aᵀ)ᵀ = (U'·S·V'ᵀ)ᵀ = V'·S·U'ᵀ: U = V', Vᵀ = U'ᵀ.
	ut, v, err := svdTall(transposeOf(a, m, n), n, m, s, full)
	if err != nil {
		return err
	}
	for c := range ucols { // the rows of v (m×m) are the columns of U
		for i, x := range v[c*m : c*m+m] {
			u[i*ucols+c] = x
		}
	}
	copy(vt, ut)
	return nil
}

// svdTall is SVD for m >= n. It returns Uᵀ (rows are the left singular
// vectors: n of them, or m with full) and Vᵀ (n×n), and fills s.
func svdTall(a []float64, m, n int, s []float64, full bool) (ut, vt []float64, err error) {
	urows := n
	if full {
		urows = m
	}
	ut, vt = make([]float64, urows*m), make([]float64, n*n)
	for i := range n {
		vt[i*n+i] = 1
	}
	// Scale by a power of two (exact) so that no square overflows.
	var amax float64
	for _, x := range a {
		amax = math.Max(amax, math.Abs(x))
	}
	if amax == 0 || n == 0 {
		clear(s)
		for i := range urows {
			ut[i*m+i] = 1
		}
		return ut, vt, nil
	}
	_, e := math.Frexp(amax)
	scaled := make([]float64, m*n)
	for i, x := range a {
		scaled[i] = math.Ldexp(x, -e)
	}
	at, tau := qrFactor(scaled, m, n)
	// Jacobi on X = Rᵀ, whose columns are the rows of R (Drmač and Veselić:
	// it converges in far fewer sweeps than on R). X·W = U_X·S with W
	// orthogonal gives R = W·S·U_Xᵀ: the accumulated rotations W are the
	// left singular vectors of R, the normalized columns of X·W the right
	// ones of A.
	xt := make([]float64, n*n) // row i: row i of R
	for j := range n {
		for i := 0; i <= j; i++ {
			xt[i*n+j] = at[j*m+i]
		}
	}
	if err := jacobiSweeps(xt, vt, n); err != nil {
		return nil, nil, err
	}
	norms := make([]float64, n)
	order := make([]int, n)
	for j := range n {
		norms[j] = math.Sqrt(kernel.Dot(xt[j*n:j*n+n], xt[j*n:j*n+n]))
		order[j] = j
	}
	sort.SliceStable(order, func(x, y int) bool { return norms[order[x]] > norms[order[y]] })
	urt := make([]float64, n*n)    // rows: the left singular vectors of R
	rightT := make([]float64, n*n) // rows: the right singular vectors of A
	var zero []int
	for j, o := range order {
		s[j] = math.Ldexp(norms[o], e)
		copy(urt[j*n:j*n+n], vt[o*n:o*n+n])
		if norms[o] == 0 {
			zero = append(zero, j)
			continue
		}
		row := rightT[j*n : j*n+n]
		for i, x := range xt[o*n : o*n+n] {
			row[i] = x / norms[o]
		}
	}
	completeBasis(rightT, n, zero)
	sortedV := rightT
	// U = Q·U_R: the rows of Uᵀ are U_Rᵀ·Qᵀ; with full, Q's further
	// columns complete U.
	qt := make([]float64, urows*m)
	var ws qrWork
	formQt(qt, at, tau, m, urows, &ws)
	kernel.Gemm(n, m, n, urt, n, qt, m, ut, m, 0)
	copy(ut[n*m:], qt[n*m:])
	return ut, sortedV, nil
}

// jacobiSweeps orthogonalizes the rows of xt (n×n) against each other by
// plane rotations, applying each to the same rows of vt, until every pair
// satisfies |x_p·x_q| <= tol·||x_p||·||x_q||.
func jacobiSweeps(xt, vt []float64, n int) error {
	tol := 0x1p-52 * math.Sqrt(float64(n))
	norm2 := make([]float64, n)
	for sweep := 0; ; sweep++ {
		if sweep == svdMaxSweeps {
			return ErrNoConvergence
		}
		for j := range n {
			norm2[j] = kernel.Dot(xt[j*n:j*n+n], xt[j*n:j*n+n])
		}
		rotated := false
		for p := 0; p < n-1; p++ {
			xp := xt[p*n : p*n+n]
			for q := p + 1; q < n; q++ {
				alpha, beta := norm2[p], norm2[q]
				if alpha == 0 || beta == 0 {
					continue
				}
				xq := xt[q*n : q*n+n]
				gamma := kernel.Dot(xp, xq)
				if math.Abs(gamma) <= tol*math.Sqrt(alpha)*math.Sqrt(beta) {
					continue
				}
				rotated = true
				zeta := (beta - alpha) / (2 * gamma)
				t := math.Copysign(1, zeta) / (math.Abs(zeta) + math.Hypot(1, zeta))
				c := 1 / math.Hypot(1, t)
				sn := c * t
				kernel.Rot(xp, xq, c, sn)
				kernel.Rot(vt[p*n:p*n+n], vt[q*n:q*n+n], c, sn)
				norm2[p] = alpha - t*gamma
				norm2[q] = beta + t*gamma
			}
		}
		if !rotated {
			return nil
		}
	}
}

// completeBasis fills the rows listed in missing of the n×n matrix rows
// (whose other rows are orthonormal) with unit vectors orthogonal to every
// other row: Gram-Schmidt, applied twice, on the unit vectors e_0, e_1, ...
func completeBasis(rows []float64, n int, missing []int) {
	if len(missing) == 0 {
		return
	}
	isMissing := make([]bool, n)
	for _, j := range missing {
		isMissing[j] = true
	}
	done := make([]bool, n) // rows that are orthonormal so far
	for j := range n {
		done[j] = !isMissing[j]
	}
	cand := 0
	for _, j := range missing {
		x := rows[j*n : j*n+n]
		for ; cand < n; cand++ {
			clear(x)
			x[cand] = 1
			for range 2 {
				for r := range n {
					if done[r] {
						y := rows[r*n : r*n+n]
						kernel.Axpy(x, -kernel.Dot(x, y), y)
					}
				}
			}
			if nx := math.Sqrt(kernel.Dot(x, x)); nx > 0.5 {
				for i := range x {
					x[i] /= nx
				}
				cand++
				break
			}
		}
		done[j] = true
	}
}

// transposeOf returns the n×m transpose of the m×n matrix a.
func transposeOf(a []float64, m, n int) []float64 {
	t := make([]float64, m*n)
	for i := range m {
		for j, x := range a[i*n : i*n+n] {
			t[j*m+i] = x
		}
	}
	return t
}
