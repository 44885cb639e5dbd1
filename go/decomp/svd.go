package decomp

import (
	"math"
	"sort"

	"mlmath/internal/kernel"
)

// SVD computes the singular value decomposition A = U·diag(s)·Vᵀ of the m×n
// matrix a, with k = min(m, n) singular values s in descending order. With
// full false, u is m×k and vt is k×n (numpy's full_matrices=False); with
// full true, u is m×m and vt is n×n, the extra columns of U and rows of Vᵀ
// completing orthonormal bases. a is not modified. Singular vectors are
// defined up to sign (and only their subspace for repeated values).
//
// The algorithm is LAPACK's dgesvd: Householder reflections reduce A to
// an upper bidiagonal B = Q_Lᵀ·A·P (a tall A, m >= 1.6·n, is first reduced
// to its triangular factor by a blocked QR), Q_L and P are formed with
// block reflectors on the GEMM kernels, and the Golub-Kahan implicit-shift
// QR iteration diagonalizes B, its plane rotations applied to the rows of
// Uᵀ and Vᵀ. Singular values are accurate to about eps·σ_max (not to high
// relative accuracy for the tiny ones, as Jacobi's method would be). A
// wide A (m < n) is handled through Aᵀ.
//
// It returns ErrNotFinite for NaN or Inf in a and ErrNoConvergence if the
// sweeps exceed their budget. It panics with ErrShape if a length
// disagrees with the dimensions.
func SVD(u, s, vt, a []float64, m, n int, full bool) error {
	return Options{}.SVD(u, s, vt, a, m, n, full)
}

// SVD is the package's SVD with the options o: check points between the
// steps of the reductions, the sweeps of the QR iteration and the blocks
// that form U and Vᵀ.
func (o Options) SVD(u, s, vt, a []float64, m, n int, full bool) error {
	return svd(u, s, vt, a, m, n, full, o.watch())
}

// svd is SVD with the check points of w (nil: none).
func svd(u, s, vt, a []float64, m, n int, full bool, w *watch) error {
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
		ut, v, err := svdTall(a, m, n, s, full, w)
		if err != nil {
			return err
		}
		if err := w.check(); err != nil {
			return err
		}
		transposeTo(u, ucols, ut, m, ucols, m) // u has the rows of ut as its columns
		copy(vt, v)
		return nil
	}
	// A = (Aᵀ)ᵀ = (U'·S·V'ᵀ)ᵀ = V'·S·U'ᵀ: U = V', Vᵀ = U'ᵀ.
	ut, v, err := svdTall(transposeOf(a, m, n), n, m, s, full, w)
	if err != nil {
		return err
	}
	if err := w.check(); err != nil {
		return err
	}
	transposeTo(u, ucols, v, m, ucols, m) // the rows of v (m×m) are the columns of U
	copy(vt, ut)
	return nil
}

// svdQRRatio: a matrix with m >= svdQRRatio·n rows is first reduced to its
// n×n triangular factor R by a (blocked) QR factorization, so that the
// bidiagonal reduction works on R instead of all m rows (LAPACK's dgesvd
// switches at about 1.6).
const svdQRRatio = 1.6

// svdTall is SVD for m >= n. It returns Uᵀ (rows are the left singular
// vectors: n of them, or m with full) and Vᵀ (n×n), and fills s. It
// returns wt's error when the hook stops it.
func svdTall(a []float64, m, n int, s []float64, full bool, wt *watch) (ut, vt []float64, err error) {
	urows := n
	if full {
		urows = m
	}
	ut = make([]float64, urows*m)
	// Scale by a power of two (exact) so that the squares in the shifts
	// neither overflow nor lose the small singular values.
	var amax float64
	for _, x := range a {
		amax = math.Max(amax, math.Abs(x))
	}
	if amax == 0 || n == 0 {
		clear(s)
		for i := range urows {
			ut[i*m+i] = 1
		}
		vt = make([]float64, n*n)
		for i := range n {
			vt[i*n+i] = 1
		}
		return ut, vt, nil
	}
	_, e := math.Frexp(amax)
	scaled := make([]float64, m*n)
	for i, x := range a {
		scaled[i] = math.Ldexp(x, -e)
	}
	if err := wt.check(); err != nil {
		return nil, nil, err
	}
	var d, sup []float64
	if float64(m) >= svdQRRatio*float64(n) {
		// A = Q·R, R = U_R·S·Vᵀ, U = Q·U_R.
		at, tau, err := qrFactor(scaled, m, n, wt)
		if err != nil {
			return nil, nil, err
		}
		r := make([]float64, n*n)
		for j := range n {
			for i := 0; i <= j; i++ {
				r[i*n+j] = at[j*m+i]
			}
		}
		var urt []float64
		if d, sup, urt, vt, err = bidiagonalize(r, n, n, n, wt); err != nil {
			return nil, nil, err
		}
		if err := bidiagonalQR(d, sup, urt, n, vt, n, wt); err != nil {
			return nil, nil, err
		}
		qt := make([]float64, urows*m)
		var ws qrWork
		if err := formQt(qt, at, tau, m, urows, &ws, wt); err != nil {
			return nil, nil, err
		}
		if err := wt.gemm(n, m, n, urt, n, qt, m, ut, m); err != nil {
			return nil, nil, err
		}
		copy(ut[n*m:], qt[n*m:])
	} else {
		if d, sup, ut, vt, err = bidiagonalize(scaled, m, n, urows, wt); err != nil {
			return nil, nil, err
		}
		if err := bidiagonalQR(d, sup, ut, m, vt, n, wt); err != nil {
			return nil, nil, err
		}
	}
	if err := wt.check(); err != nil {
		return nil, nil, err
	}
	// Non-negative values in descending order, their vectors along.
	order := make([]int, n)
	for j := range n {
		if d[j] < 0 {
			d[j] = -d[j]
			kernel.Scale(vt[j*n:j*n+n], -1, vt[j*n:j*n+n])
		} else if d[j] == 0 {
			d[j] = 0 // not -0: Cond would divide by it to -Inf
		}
		order[j] = j
	}
	sort.SliceStable(order, func(x, y int) bool { return d[order[x]] > d[order[y]] })
	sortedV := make([]float64, n*n)
	for j, o := range order {
		s[j] = math.Ldexp(d[o], e)
		copy(sortedV[j*n:j*n+n], vt[o*n:o*n+n])
	}
	if err := wt.check(); err != nil {
		return nil, nil, err
	}
	sortedU := make([]float64, n*m)
	for j, o := range order {
		copy(sortedU[j*m:j*m+m], ut[o*m:o*m+m])
	}
	if !full {
		return sortedU, sortedV, nil
	}
	copy(ut, sortedU) // the rows past n complete the basis
	return ut, sortedV, nil
}

// bidiagonalize reduces the m×n matrix a (m >= n, overwritten) to upper
// bidiagonal form B = Q_Lᵀ·A·P with diagonal d (n) and superdiagonal e
// (n-1), by Householder reflections alternately from the left (zeroing a
// column below the diagonal) and from the right (zeroing a row right of the
// superdiagonal), as LAPACK's dgebd2. It returns Q_Lᵀ (urows×m: the first
// urows rows, urows >= n; rows past n complete an orthonormal basis) and
// Pᵀ (n×n), both formed with block reflectors on the GEMM kernels
// (dorgbr).
//
// Each step makes two passes over the trailing rows: the first gathers
// w = vᵀ·A for the left reflection, the second applies it and, row by row
// while the row is in cache, the right reflection. wt's check points come
// before each step and while Q_Lᵀ and Pᵀ are formed; its error is returned.
func bidiagonalize(a []float64, m, n, urows int, wt *watch) (d, e, qlt, pt []float64, err error) {
	d, e = make([]float64, n), make([]float64, max(n-1, 0))
	atL, tauL := make([]float64, n*m), make([]float64, n)
	nr := max(n-1, 0) // the right reflections act on coordinates 1..n-1
	atR, tauR := make([]float64, nr*nr), make([]float64, nr)
	col, w, u := make([]float64, m), make([]float64, n), make([]float64, n)
	for k := range n {
		if err := wt.check(); err != nil {
			return nil, nil, nil, nil, err
		}
		x := col[:m-k]
		for i := range x {
			x[i] = a[(k+i)*n+k]
		}
		t := householder(x)
		d[k], tauL[k] = x[0], t
		copy(atL[k*m+k:k*m+m], x)
		if k == n-1 {
			break
		}
		rowK := a[k*n+k+1 : k*n+n]
		ww := w[:len(rowK)]
		if t != 0 {
			// w = τ·vᵀ·A[k:, k+1:] with v = (1, x[1:]); row k -= w.
			copy(ww, rowK)
			for i := k + 1; i < m; i++ {
				kernel.Axpy(ww, x[i-k], a[i*n+k+1:i*n+n])
			}
			kernel.Scale(ww, t, ww)
			kernel.Axpy(rowK, -1, ww)
		}
		tr := householder(rowK)
		e[k], tauR[k] = rowK[0], tr
		copy(atR[k*nr+k:k*nr+nr], rowK)
		uu := u[:len(rowK)]
		uu[0] = 1
		copy(uu[1:], rowK[1:])
		for i := k + 1; i < m; i++ {
			row := a[i*n+k+1 : i*n+n]
			if t != 0 {
				kernel.Axpy(row, -x[i-k], ww)
			}
			if tr != 0 {
				kernel.Axpy(row, -tr*kernel.Dot(row, uu), uu)
			}
		}
	}
	var ws qrWork
	qlt = make([]float64, urows*m)
	if err := formQt(qlt, atL, tauL, m, urows, &ws, wt); err != nil {
		return nil, nil, nil, nil, err
	}
	// P = diag(1, P'), P' the product of the right reflections.
	pt = make([]float64, n*n)
	pt[0] = 1
	if nr > 0 {
		ptr := make([]float64, nr*nr)
		if err := formQt(ptr, atR, tauR, nr, nr, &ws, wt); err != nil {
			return nil, nil, nil, nil, err
		}
		for c := range nr {
			copy(pt[(c+1)*n+1:(c+1)*n+n], ptr[c*nr:c*nr+nr])
		}
	}
	return d, e, qlt, pt, nil
}

// svdMaxSweeps bounds the QR sweeps of bidiagonalQR per singular value;
// two or three each are typical.
const svdMaxSweeps = 30

// bidiagonalQR diagonalizes the upper bidiagonal matrix with diagonal d and
// superdiagonal e (both overwritten; d gets the singular values, with
// signs) by the Golub-Kahan implicit-shift QR iteration (Golub and Reinsch;
// LAPACK's dbdsqr without its zero-shift variant). Each sweep chases a
// bulge down the unreduced block with plane rotations, the shift being the
// eigenvalue of the trailing 2×2 block of BᵀB nearer its last entry; the
// left rotations are applied to rows of ut (row stride ldu), the right
// ones to rows of vt (n×n). A superdiagonal entry below eps times its two
// neighbours splits the matrix; a diagonal entry below eps·||B|| is set to
// zero and its row (or column) chased out with rotations, which splits it
// too. It returns ErrNoConvergence after svdMaxSweeps·n sweeps, and wt's
// error (its check points come before each sweep or chase) when it stops.
func bidiagonalQR(d, e, ut []float64, ldu int, vt []float64, n int, wt *watch) error {
	const eps = 0x1p-52
	var bnorm float64
	for i := range n {
		v := math.Abs(d[i])
		if i < n-1 {
			v += math.Abs(e[i])
		}
		bnorm = math.Max(bnorm, v)
	}
	small := eps * bnorm
	urow := func(i int) []float64 { return ut[i*ldu : i*ldu+ldu] }
	vrow := func(i int) []float64 { return vt[i*n : i*n+n] }
	sweeps, chases := 0, 0
	for hi := n - 1; hi > 0; {
		// The unreduced block lo..hi: every e[lo..hi-1] significant.
		lo := hi
		for ; lo > 0; lo-- {
			if ei := math.Abs(e[lo-1]); ei <= eps*(math.Abs(d[lo-1])+math.Abs(d[lo])) {
				e[lo-1] = 0
				break
			}
		}
		if lo == hi {
			hi--
			continue
		}
		if err := wt.check(); err != nil {
			return err
		}
		zero := -1
		for i := lo; i <= hi; i++ {
			if math.Abs(d[i]) <= small {
				d[i], zero = 0, i
				break
			}
		}
		if zero >= 0 {
			// Each zero is chased out at most twice (then it is a block of
			// its own); far more chases mean a NaN that never splits.
			if chases == 4*n {
				return ErrNoConvergence
			}
			chases++
		}
		switch {
		case zero >= 0 && zero < hi:
			// Row zero holds only f = e[zero]: rotate it against rows
			// zero+1.. (on the left), each moving it one column right.
			f := e[zero]
			e[zero] = 0
			for j := zero + 1; j <= hi; j++ {
				c, s, r := givens(d[j], f)
				d[j] = r
				if j < hi {
					f = -s * e[j]
					e[j] *= c
				}
				kernel.Rot(urow(j), urow(zero), c, -s)
			}
		case zero == hi:
			// Column hi holds only f = e[hi-1]: rotate it against columns
			// hi-1, hi-2, ... (on the right), each moving it one row up.
			f := e[hi-1]
			e[hi-1] = 0
			for j := hi - 1; j >= lo; j-- {
				c, s, r := givens(d[j], f)
				d[j] = r
				if j > lo {
					f = -s * e[j-1]
					e[j-1] *= c
				}
				kernel.Rot(vrow(j), vrow(hi), c, -s)
			}
		default:
			if sweeps == svdMaxSweeps*n {
				return ErrNoConvergence
			}
			sweeps++
			bidiagonalSweep(d, e, lo, hi, urow, vrow)
		}
	}
	return nil
}

// bidiagonalSweep is one implicit-shift QR step on the block lo..hi (hi >
// lo) of the upper bidiagonal matrix (d, e).
func bidiagonalSweep(d, e []float64, lo, hi int, urow, vrow func(int) []float64) {
	// The shift: the eigenvalue of the trailing 2×2 of BᵀB nearer t22.
	a := hi - 1
	t11 := d[a] * d[a]
	if a > lo {
		t11 += e[a-1] * e[a-1]
	}
	t12 := d[a] * e[a]
	t22 := d[hi]*d[hi] + e[a]*e[a]
	delta := (t11 - t22) / 2
	mu := t22
	if den := delta + math.Copysign(math.Hypot(delta, t12), delta); den != 0 {
		mu -= t12 / den * t12
	}
	// The first rotation makes column lo of BᵀB - μI a multiple of e_lo;
	// the rest chase the bulge it creates down the block.
	y, z := d[lo]*d[lo]-mu, d[lo]*e[lo]
	for k := lo; k < hi; k++ {
		// On the right, columns k and k+1: zero z at (k-1, k+1).
		c, s, r := givens(y, z)
		if k > lo {
			e[k-1] = r
		}
		dk, ek := d[k], e[k]
		d[k], e[k] = c*dk+s*ek, c*ek-s*dk
		bulge := s * d[k+1] // at (k+1, k)
		d[k+1] *= c
		kernel.Rot(vrow(k), vrow(k+1), c, -s)
		// On the left, rows k and k+1: zero the bulge.
		c, s, r = givens(d[k], bulge)
		d[k] = r
		ek = e[k]
		e[k], d[k+1] = c*ek+s*d[k+1], c*d[k+1]-s*ek
		if k < hi-1 {
			y, z = e[k], s*e[k+1] // z at (k, k+2)
			e[k+1] *= c
		}
		kernel.Rot(urow(k), urow(k+1), c, -s)
	}
}

// givens returns c, s and r = hypot(f, g) with c·f + s·g = r and
// -s·f + c·g = 0 (c = 1, s = 0 when both are zero).
func givens(f, g float64) (c, s, r float64) {
	if g == 0 {
		return 1, 0, f
	}
	af, ag := math.Abs(f), math.Abs(g)
	if big, tiny := math.Max(af, ag), math.Min(af, ag); big < 0x1p500 && tiny > 0x1p-500 {
		r = math.Sqrt(f*f + g*g) // no overflow or underflow: skip Hypot's scaling
	} else {
		r = math.Hypot(f, g)
	}
	return f / r, g / r, r
}

// transposeOf returns the n×m transpose of the m×n matrix a.
func transposeOf(a []float64, m, n int) []float64 {
	t := make([]float64, m*n)
	transposeTo(t, m, a, n, m, n)
	return t
}
