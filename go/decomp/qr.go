package decomp

import (
	"math"

	"mlmath/internal/kernel"
	"mlmath/vec"
)

// QR computes the reduced QR factorization A = Q·R of the m×n matrix a,
// with k = min(m, n): q is m×k with orthonormal columns and r is k×n upper
// triangular (upper trapezoidal when m < n). a is not modified.
//
// The algorithm is LAPACK's: Householder reflections H_j = I - τ_j·v_j·v_jᵀ
// reduce A column by column (dgeqr2, with dlarfg's choice of signs, so R's
// diagonal may be negative, as numpy's), and Q = H_0·H_1···H_(k-1) applied
// to the first k columns of the identity (dorg2r). The columns of A and the
// rows of Qᵀ are kept contiguous, so every reflection is a sequence of
// inner products and updates of contiguous slices.
//
// NaN or Inf anywhere in a gives q and r of all NaN. It panics with
// ErrShape if a slice length disagrees with the dimensions.
func QR(q, r, a []float64, m, n int) {
	checkSize(a, m, n)
	k := min(m, n)
	checkSize(q, m, k)
	checkSize(r, k, n)
	for _, v := range a {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			fillNaN(q)
			fillNaN(r)
			return
		}
	}
	// at holds Aᵀ: column c of A is at[c*m : c*m+m].
	at := make([]float64, n*m)
	for i := range m {
		for c, v := range a[i*n : i*n+n] {
			at[c*m+i] = v
		}
	}
	tau := make([]float64, k)
	for j := range k {
		col := at[j*m+j : j*m+m]
		tau[j] = householder(col)
		if tau[j] == 0 {
			continue
		}
		for c := j + 1; c < n; c++ {
			reflect(at[c*m+j:c*m+m], col, tau[j])
		}
	}
	// R: the upper triangle of the reduced A.
	for i := range k {
		row := r[i*n : i*n+n]
		clear(row[:i])
		for c := i; c < n; c++ {
			row[c] = at[c*m+i]
		}
	}
	// Qᵀ, k×m: the identity's first k rows, reflected from the last H_j to
	// the first; H_j changes only rows j.. of the columns j.. of Q.
	qt := make([]float64, k*m)
	for c := range k {
		qt[c*m+c] = 1
	}
	for j := k - 1; j >= 0; j-- {
		if tau[j] == 0 {
			continue
		}
		v := at[j*m+j : j*m+m]
		for c := j; c < k; c++ {
			reflect(qt[c*m+j:c*m+m], v, tau[j])
		}
	}
	for c := range k {
		for i, v := range qt[c*m : c*m+m] {
			q[i*k+c] = v
		}
	}
}

// householder turns x into the Householder vector of the reflection H =
// I - τ·v·vᵀ with H·x = (β, 0, ..., 0), as LAPACK's dlarfg: x[0] becomes β,
// x[1:] becomes v[1:] (v[0] = 1 implicitly), and τ is returned. β has the
// sign opposite to x[0], so no cancellation occurs; τ = 0 (H = I) when
// x[1:] is zero.
func householder(x []float64) (tau float64) {
	if len(x) <= 1 {
		return 0
	}
	alpha, xnorm := x[0], vec.Norm2(x[1:])
	if xnorm == 0 {
		return 0
	}
	beta := -math.Copysign(math.Hypot(alpha, xnorm), alpha)
	tau = (beta - alpha) / beta
	s := 1 / (alpha - beta)
	for i := range x[1:] {
		x[i+1] *= s
	}
	x[0] = beta
	return tau
}

// reflect applies H = I - τ·v·vᵀ, with v = (1, hv[1:]), to y in place:
// y -= τ·(vᵀy)·v.
func reflect(y, hv []float64, tau float64) {
	w := tau * (y[0] + kernel.Dot(hv[1:], y[1:len(hv)]))
	y[0] -= w
	tail := y[1:len(hv)]
	for i, v := range hv[1:] {
		tail[i] -= w * v
	}
}
