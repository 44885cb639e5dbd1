package decomp

import (
	"math"

	"mlmath/internal/kernel"
	"mlmath/vec"
)

// qrBlock is the number of reflections gathered into one block reflector
// I - V·T·Vᵀ (LAPACK's compact WY form), applied with matrix products.
const qrBlock = 32

// QR computes the reduced QR factorization A = Q·R of the m×n matrix a,
// with k = min(m, n): q is m×k with orthonormal columns and r is k×n upper
// triangular (upper trapezoidal when m < n). a is not modified.
//
// The algorithm is LAPACK's blocked one. Householder reflections H_j = I -
// τ_j·v_j·v_jᵀ reduce a panel of qrBlock columns one at a time (dgeqr2,
// with dlarfg's choice of signs, so R's diagonal may be negative, as
// numpy's); the panel's reflections are gathered into a block reflector I -
// V·T·Vᵀ (dlarft) and applied to the rest of the matrix with two products
// on the GEMM kernels (dlarfb). Q = H_0·H_1···H_(k-1) is formed by applying
// the block reflectors, last first, to the first k columns of the identity
// (dorgqr). The columns of A and of Q are kept contiguous (transposed).
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
	at, tau := qrFactor(a, m, n)
	var ws qrWork
	// R: the upper triangle of the reduced A.
	for i := range k {
		row := r[i*n : i*n+n]
		clear(row[:i])
		for c := i; c < n; c++ {
			row[c] = at[c*m+i]
		}
	}
	qt := make([]float64, k*m)
	formQt(qt, at, tau, m, k, &ws)
	for c := range k {
		for i, v := range qt[c*m : c*m+m] {
			q[i*k+c] = v
		}
	}
}

// formQt writes Qᵀ (k×m) for Q = H_0·H_1···H_(k-1)·I (the first k columns
// of the product of the reflections), as LAPACK's dorgqr: reflection j is
// stored in row j of at (row stride m) after its diagonal element, with τ_j
// in tau[j]. The identity's first k rows are reflected by the block
// reflectors I - V·T·Vᵀ, last first, each on rows j0.. of the columns j0..
// of Q (the others are still columns of the identity there): Qᵀ·(I -
// V·Tᵀ·Vᵀ) in the transposed form.
//
// k may exceed len(tau), the number of reflections: the columns past them
// complete Q to an orthonormal basis of k columns (k <= m).
func formQt(qt, at, tau []float64, m, k int, ws *qrWork) {
	clear(qt)
	for c := range k {
		qt[c*m+c] = 1
	}
	r := min(k, len(tau))
	if r == 0 {
		return
	}
	for j0 := (r - 1) / qrBlock * qrBlock; j0 >= 0; j0 -= qrBlock {
		jb := min(qrBlock, r-j0)
		ws.prepare(at, tau, m, j0, jb)
		ws.apply(qt[j0*m+j0:], m, k-j0, true)
	}
}

// qrFactor computes the Householder QR factorization of the m×n matrix a
// (LAPACK's blocked dgeqrf) and returns it in LAPACK's compact form,
// transposed: row c of at (n×m) is column c of the factored matrix, R on and
// above the diagonal, the reflections' vectors below it; tau has min(m, n)
// scalars.
func qrFactor(a []float64, m, n int) (at, tau []float64) {
	// at holds Aᵀ: column c of A is at[c*m : c*m+m].
	at = make([]float64, n*m)
	for i := range m {
		for c, v := range a[i*n : i*n+n] {
			at[c*m+i] = v
		}
	}
	k := min(m, n)
	tau = make([]float64, k)
	var ws qrWork
	for j0 := 0; j0 < k; j0 += qrBlock {
		jb := min(qrBlock, k-j0)
		// Factor the panel: columns j0..j0+jb, each reflection applied to
		// the panel's later columns only.
		for j := j0; j < j0+jb; j++ {
			col := at[j*m+j : j*m+m]
			tau[j] = householder(col)
			if tau[j] == 0 {
				continue
			}
			for c := j + 1; c < j0+jb; c++ {
				reflect(at[c*m+j:c*m+m], col, tau[j])
			}
		}
		if j0+jb < n {
			// The rest C (columns j0+jb.., rows j0..) becomes
			// H_(j0+jb-1)···H_j0·C = (I - V·Tᵀ·Vᵀ)·C; its transpose, the
			// rows of at, is Cᵀ·(I - V·T·Vᵀ).
			ws.prepare(at, tau, m, j0, jb)
			ws.apply(at[(j0+jb)*m+j0:], m, n-j0-jb, false)
		}
	}
	return at, tau
}

// qrWork holds one block reflector I - V·T·Vᵀ of jb reflections acting on
// rows j0..m: vt (jb×len) is Vᵀ with its unit diagonal and zeros above it,
// v (len×jb) is V, t (jb×jb) is upper triangular; w is scratch.
type qrWork struct {
	vt, v, t, w, w2 []float64
	jb, len         int
}

// prepare builds V and T (LAPACK's dlarft, forward, columnwise) from the
// reflections j0..j0+jb stored in at (rows of Aᵀ) and tau.
func (ws *qrWork) prepare(at, tau []float64, m, j0, jb int) {
	n := m - j0
	ws.jb, ws.len = jb, n
	ws.vt = grow(ws.vt, jb*n)
	ws.v = grow(ws.v, n*jb)
	ws.t = grow(ws.t, jb*jb)
	for i := range jb {
		row := ws.vt[i*n : i*n+n]
		clear(row[:i])
		row[i] = 1
		copy(row[i+1:], at[(j0+i)*m+j0+i+1:(j0+i)*m+m])
	}
	for i := range n {
		for p := range jb {
			ws.v[i*jb+p] = ws.vt[p*n+i]
		}
	}
	// T[i][i] = τ_i; T[0:i, i] = -τ_i · T[0:i, 0:i] · (Vᵀ[0:i] · v_i).
	t := ws.t
	clear(t)
	for i := range jb {
		ti := tau[j0+i]
		t[i*jb+i] = ti
		if i == 0 || ti == 0 {
			continue
		}
		vi := ws.vt[i*n : i*n+n]
		var tmp [qrBlock]float64
		for p := range i {
			tmp[p] = -ti * kernel.Dot(ws.vt[p*n+i:p*n+n], vi[i:])
		}
		for p := range i { // T[0:i, i] = T[0:i, 0:i] · tmp (T upper triangular)
			var s float64
			for q := p; q < i; q++ {
				s += t[p*jb+q] * tmp[q]
			}
			t[p*jb+i] = s
		}
	}
}

// apply multiplies the rows of the ncols×len matrix c (row stride ldc,
// starting at the reflector's first row) by I - V·T·Vᵀ (transposeT false)
// or by I - V·Tᵀ·Vᵀ (true): c -= (c·V)·T·Vᵀ, with two GEMMs.
func (ws *qrWork) apply(c []float64, ldc, ncols int, transposeT bool) {
	jb, n := ws.jb, ws.len
	ws.w = grow(ws.w, ncols*jb)
	ws.w2 = grow(ws.w2, ncols*jb)
	kernel.Gemm(ncols, jb, n, c, ldc, ws.v, jb, ws.w, jb, 0)
	t := ws.t
	for r := range ncols {
		w, w2 := ws.w[r*jb:r*jb+jb], ws.w2[r*jb:r*jb+jb]
		for j := range jb {
			var s float64
			if transposeT { // (w·Tᵀ)[j] = Σ_p w[p]·T[j][p], p >= j
				for p := j; p < jb; p++ {
					s += w[p] * t[j*jb+p]
				}
			} else { // (w·T)[j] = Σ_p w[p]·T[p][j], p <= j
				for p := 0; p <= j; p++ {
					s += w[p] * t[p*jb+j]
				}
			}
			w2[j] = s
		}
	}
	kernel.GemmSub(ncols, n, jb, ws.w2, jb, ws.vt, n, c, ldc, 0)
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
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
