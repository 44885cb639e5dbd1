package decomp

import (
	"math"

	"mlmath/internal/kernel"
)

// eigMaxIter bounds the Francis iterations spent on one eigenvalue (or
// pair) of an n×n matrix before Eig gives up: 30·max(10, n), LAPACK's
// dlahqr's budget. Exceptional shifts are tried at 10 and 30 and, for a
// block that still does not split (a defective cluster of eigenvalues can
// take over 100 iterations), every 10 from 70 on, alternating the two kinds.
func eigMaxIter(n int) int { return 30 * max(10, n) }

// Eig computes the eigenvalues and right eigenvectors of the general real
// n×n matrix a, which it does not modify.
//
// Eigenvalue j is wr[j] + i·wi[j]. Complex eigenvalues come in conjugate
// pairs, stored next to each other with the positive imaginary part first.
// The eigenvectors are stored in the columns of v (n×n) the way LAPACK's
// dgeev stores them: for a real eigenvalue, column j is its eigenvector;
// for a pair (j, j+1), columns j and j+1 are the real and imaginary parts
// of the eigenvector of wr[j] + i·wi[j], whose conjugate is the
// eigenvector of the second eigenvalue. Every eigenvector has Euclidean
// norm 1 and, when complex, its component of largest modulus real and
// positive, as dgeev's. The eigenvalues are in no particular order (the
// order of the real Schur form).
//
// The algorithm is the one of EISPACK's orthes and hqr2, which LAPACK's
// dgeev refines: orthogonal reduction to upper Hessenberg form, Francis'
// implicit double-shift QR iteration to the real Schur form, with its
// transformations accumulated, then eigenvectors of the quasi-triangular
// Schur form by back substitution, transformed back.
//
// It returns ErrNotFinite for NaN or Inf in a and ErrNoConvergence when an
// eigenvalue takes more than 30·max(10, n) iterations. It panics with
// ErrShape if a length disagrees with n.
func Eig(wr, wi, v, a []float64, n int) error {
	return Options{}.Eig(wr, wi, v, a, n)
}

// Eig is the package's Eig with the options o: check points between the
// steps of the Hessenberg reduction, the iterations of the QR algorithm
// and the steps of the back substitution.
func (o Options) Eig(wr, wi, v, a []float64, n int) error {
	checkSize(a, n, n)
	checkSize(v, n, n)
	if len(wr) != n || len(wi) != n {
		panic(ErrShape)
	}
	for _, x := range a {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ErrNotFinite
		}
	}
	if n == 0 {
		return nil
	}
	hFlat := append([]float64(nil), a...)
	k := eigScale(hFlat)
	h := rowsOf(hFlat, n)
	// The transformations are accumulated transposed: row j of vt is
	// column j of V, so that every update of V touches contiguous rows.
	vtFlat := make([]float64, n*n)
	vt := rowsOf(vtFlat, n)
	wt := o.watch()
	if err := hessenberg(h, vt, n, wt); err != nil {
		return err
	}
	if err := schur(h, vt, wr, wi, n, wt); err != nil {
		return err
	}
	if err := schurVectors(hFlat, vtFlat, v, wr, wi, n, wt); err != nil {
		return err
	}
	normalizeEigenvectors(rowsOf(v, n), wi, n)
	for i := range n { // the eigenvalues of A = 2^k·(the scaled A)
		wr[i], wi[i] = math.Ldexp(wr[i], k), math.Ldexp(wi[i], k)
	}
	return nil
}

// eigScale scales h in place by a power of two 2^-k, exact, when its
// largest magnitude is beyond 2^±450, to bring it to about 2^±450, and
// returns k (0: h unchanged). hqr2 and the tridiagonal QL square entries
// (p·p + w): from about 1e154 they overflow, below 1e-154 they underflow,
// and eigenvalues come out NaN, zero or inexact. LAPACK's dgeev and dsyev
// scale for the same reason, to the same kind of bound (scaling all the way
// to 1 would push the small entries of a wide-ranging matrix into
// subnormals). The eigenvectors do not change.
func eigScale(h []float64) int {
	const limit = 450
	var big float64
	for _, x := range h {
		big = math.Max(big, math.Abs(x))
	}
	if big == 0 || (big >= 0x1p-450 && big <= 0x1p450) {
		return 0
	}
	_, e := math.Frexp(big) // big = f·2^e, f in [0.5, 1)
	k := e + limit
	if big > 1 {
		k = e - limit
	}
	for i, x := range h {
		h[i] = math.Ldexp(x, -k)
	}
	return k
}

// rowsOf views the n×n row-major matrix s as rows.
func rowsOf(s []float64, n int) [][]float64 {
	r := make([][]float64, n)
	for i := range r {
		r[i] = s[i*n : i*n+n : i*n+n]
	}
	return r
}

// hessenberg reduces h to upper Hessenberg form H = Vᵀ·A·V by Householder
// reflections (EISPACK's orthes) and sets vt to the accumulated Vᵀ. Every
// update runs along contiguous rows (inner products and axpys on the SIMD
// kernels). wt's check points come before each reflection, while it is
// formed and while Vᵀ is accumulated; its error is returned.
func hessenberg(h, vt [][]float64, n int, wt *watch) error {
	ort := make([]float64, n)
	f := make([]float64, n)
	vs := make([][]float64, n) // the reflections' vectors u_m (scaled), for Vᵀ
	for m := 1; m < n-1; m++ {
		if err := wt.check(); err != nil {
			return err
		}
		var scale float64
		for i := m; i < n; i++ {
			scale += math.Abs(h[i][m-1])
		}
		if scale == 0 {
			continue
		}
		// The Householder vector u = x/scale - g·e_1, g = -sign·||x/scale||.
		var hh float64
		for i := m; i < n; i++ {
			ort[i] = h[i][m-1] / scale
			hh += ort[i] * ort[i]
		}
		g := -math.Copysign(math.Sqrt(hh), ort[m])
		hh -= ort[m] * g
		ort[m] -= g
		u := ort[m:n]
		// H = (I - u·uᵀ/hh)·H on rows m..: f = uᵀ·H/hh, H -= u·f.
		fr := f[:n-m]
		clear(fr)
		for i := m; i < n; i++ {
			kernel.Axpy(fr, ort[i], h[i][m:n])
		}
		for i := m; i < n; i++ {
			kernel.Axpy(h[i][m:n], -ort[i]/hh, fr)
		}
		// H = H·(I - u·uᵀ/hh) on columns m..: each row loses (row·u/hh)·uᵀ.
		for i := range n {
			row := h[i][m:n]
			kernel.Axpy(row, -kernel.Dot(row, u)/hh, u)
		}
		vs[m] = append([]float64(nil), u...)
		for i := m + 1; i < n; i++ {
			h[i][m-1] = 0
		}
		h[m][m-1] = scale * g
		vs[m] = append(vs[m], hh)
	}
	// Vᵀ = (H_1·H_2···)ᵀ = ···H_2·H_1: start from I and apply H_m to the
	// columns m.. of each row of Vᵀ (H_m is symmetric), last first.
	for i := range n {
		clear(vt[i])
		vt[i][i] = 1
	}
	for m := n - 2; m >= 1; m-- {
		if vs[m] == nil {
			continue
		}
		if err := wt.check(); err != nil {
			return err
		}
		u, hh := vs[m][:n-m], vs[m][n-m]
		for i := range n {
			row := vt[i][m:n]
			if d := kernel.Dot(row, u); d != 0 {
				kernel.Axpy(row, -d/hh, u)
			}
		}
	}
	return nil
}

// schur reduces the upper Hessenberg h to real Schur form T = Zᵀ·H·Z by
// Francis' double-shift QR iteration (EISPACK's hqr2, first part), updating
// the whole of h and accumulating Zᵀ into vt (rows: the columns of Z); it stores the eigenvalues in
// wr, wi. A real pair of eigenvalues in a 2×2 block is split by a rotation,
// so T's 2×2 blocks are exactly its complex pairs. wt's check points come
// before each deflation or iteration; its error is returned.
func schur(h, vt [][]float64, wr, wi []float64, n int, wt *watch) error {
	const eps = 0x1p-52
	var norm float64
	for i := range n {
		for j := max(i-1, 0); j < n; j++ {
			norm += math.Abs(h[i][j])
		}
	}
	nn, iter := n-1, 0
	var exshift, p, q, r, s, z, w, x, y float64
	for nn >= 0 {
		if err := wt.check(); err != nil {
			return err
		}
		// The active block ends at nn and starts after the last negligible
		// subdiagonal element.
		l := nn
		for l > 0 {
			s = math.Abs(h[l-1][l-1]) + math.Abs(h[l][l])
			if s == 0 {
				s = norm
			}
			if math.Abs(h[l][l-1]) <= eps*s { // <=: a zero block deflates too
				break
			}
			l--
		}
		switch {
		case l == nn: // one real root
			h[nn][nn] += exshift
			wr[nn], wi[nn] = h[nn][nn], 0
			nn--
			iter = 0
		case l == nn-1: // a 2×2 block: two roots
			w = h[nn][nn-1] * h[nn-1][nn]
			p = (h[nn-1][nn-1] - h[nn][nn]) / 2
			q = p*p + w
			z = math.Sqrt(math.Abs(q))
			h[nn][nn] += exshift
			h[nn-1][nn-1] += exshift
			x = h[nn][nn]
			if q >= 0 { // a real pair: split the block by a rotation
				z = p + math.Copysign(z, p)
				wr[nn-1] = x + z
				wr[nn] = wr[nn-1]
				if z != 0 {
					wr[nn] = x - w/z
				}
				wi[nn-1], wi[nn] = 0, 0
				x = h[nn][nn-1]
				s = math.Abs(x) + math.Abs(z)
				p, q = x/s, z/s
				r = math.Hypot(p, q)
				p, q = p/r, q/r
				for j := nn - 1; j < n; j++ { // rows nn-1, nn
					z = h[nn-1][j]
					h[nn-1][j] = q*z + p*h[nn][j]
					h[nn][j] = q*h[nn][j] - p*z
				}
				for i := 0; i <= nn; i++ { // columns nn-1, nn
					z = h[i][nn-1]
					h[i][nn-1] = q*z + p*h[i][nn]
					h[i][nn] = q*h[i][nn] - p*z
				}
				// Columns nn-1, nn of V: rows of Vᵀ.
				kernel.Rot(vt[nn-1], vt[nn], q, -p)
			} else { // a complex pair, positive imaginary part first
				wr[nn-1], wr[nn] = x+p, x+p
				wi[nn-1], wi[nn] = z, -z
			}
			nn -= 2
			iter = 0
		default: // one more double-shift step on rows and columns l..nn
			x = h[nn][nn]
			y, w = 0, 0
			if l < nn {
				y = h[nn-1][nn-1]
				w = h[nn][nn-1] * h[nn-1][nn]
			}
			if iter == 10 || iter >= 70 && iter%20 == 10 { // Wilkinson's exceptional shift
				exshift += x
				for i := 0; i <= nn; i++ {
					h[i][i] -= x
				}
				s = math.Abs(h[nn][nn-1]) + math.Abs(h[nn-1][nn-2])
				x = 0.75 * s
				y = x
				w = -0.4375 * s * s
			}
			if iter == 30 || iter >= 80 && iter%20 == 0 { // a second exceptional shift (as MATLAB's)
				s = (y - x) / 2
				s = s*s + w
				if s > 0 {
					s = math.Sqrt(s)
					if y < x {
						s = -s
					}
					s = x - w/((y-x)/2+s)
					for i := 0; i <= nn; i++ {
						h[i][i] -= s
					}
					exshift += s
					x, y, w = 0.964, 0.964, 0.964
				}
			}
			iter++
			if iter > eigMaxIter(n) {
				return ErrNoConvergence
			}
			// Look for two consecutive small subdiagonal elements.
			m := nn - 2
			for m >= l {
				z = h[m][m]
				r = x - z
				s = y - z
				p = (r*s-w)/h[m+1][m] + h[m][m+1]
				q = h[m+1][m+1] - z - r - s
				r = h[m+2][m+1]
				s = math.Abs(p) + math.Abs(q) + math.Abs(r)
				p, q, r = p/s, q/s, r/s
				if m == l {
					break
				}
				if math.Abs(h[m][m-1])*(math.Abs(q)+math.Abs(r)) <
					eps*(math.Abs(p)*(math.Abs(h[m-1][m-1])+math.Abs(z)+math.Abs(h[m+1][m+1]))) {
					break
				}
				m--
			}
			for i := m + 2; i <= nn; i++ {
				h[i][i-2] = 0
				if i > m+2 {
					h[i][i-3] = 0
				}
			}
			// The double QR step: chase the bulge down with 3×3 reflections.
			for k := m; k <= nn-1; k++ {
				notlast := k != nn-1
				if k != m {
					p = h[k][k-1]
					q = h[k+1][k-1]
					r = 0
					if notlast {
						r = h[k+2][k-1]
					}
					x = math.Abs(p) + math.Abs(q) + math.Abs(r)
					if x == 0 {
						continue
					}
					p, q, r = p/x, q/x, r/x
				}
				s = math.Copysign(math.Sqrt(p*p+q*q+r*r), p)
				if s == 0 {
					continue
				}
				if k != m {
					h[k][k-1] = -s * x
				} else if l != m {
					h[k][k-1] = -h[k][k-1]
				}
				p += s
				x, y, z = p/s, q/s, r/s
				q /= p
				r /= p
				for j := k; j < n; j++ { // rows k..k+2
					p = h[k][j] + q*h[k+1][j]
					if notlast {
						p += r * h[k+2][j]
						h[k+2][j] -= p * z
					}
					h[k][j] -= p * x
					h[k+1][j] -= p * y
				}
				for i := 0; i <= min(nn, k+3); i++ { // columns k..k+2
					p = x*h[i][k] + y*h[i][k+1]
					if notlast {
						p += z * h[i][k+2]
						h[i][k+2] -= p * r
					}
					h[i][k] -= p
					h[i][k+1] -= p * q
				}
				// Columns k..k+2 of V: rows of Vᵀ.
				v0, v1 := vt[k], vt[k+1]
				if notlast {
					v2 := vt[k+2]
					for i := range v0 {
						p = x*v0[i] + y*v1[i] + z*v2[i]
						v0[i] -= p
						v1[i] -= p * q
						v2[i] -= p * r
					}
				} else {
					for i := range v0 {
						p = x*v0[i] + y*v1[i]
						v0[i] -= p
						v1[i] -= p * q
					}
				}
			}
		}
	}
	return nil
}

// schurVectors computes the eigenvectors of the real Schur form h (n×n,
// row-major in hFlat) by back substitution (EISPACK's hqr2, second part),
// overwriting the upper triangle of h with them, and transforms them back
// with Vᵀ (vt, n×n): the columns of v (n×n) become A's eigenvectors,
// unnormalized, complex ones as (real, imaginary) column pairs. wt's check
// points come before each eigenvector's back substitution and between the
// row blocks of the back transformation; its error is returned.
func schurVectors(hFlat, vt, v []float64, wr, wi []float64, n int, wt *watch) error {
	h := rowsOf(hFlat, n)
	const eps = 0x1p-52
	var norm float64
	for i := range n {
		for j := max(i-1, 0); j < n; j++ {
			norm += math.Abs(h[i][j])
		}
	}
	if norm == 0 { // the zero matrix: V's columns are eigenvectors
		for j := range n {
			for i, x := range vt[j*n : j*n+n] {
				v[i*n+j] = x
			}
		}
		return nil
	}
	var r, s, z, w, x, y, t float64
	for en := n - 1; en >= 0; en-- {
		if err := wt.check(); err != nil {
			return err
		}
		p, q := wr[en], wi[en]
		switch {
		case q == 0: // a real eigenvector
			l := en
			h[en][en] = 1
			for i := en - 1; i >= 0; i-- {
				w = h[i][i] - p
				r = 0
				for j := l; j <= en; j++ {
					r += h[i][j] * h[j][en]
				}
				if wi[i] < 0 { // the second row of a 2×2 block: solved with the first
					z, s = w, r
					continue
				}
				l = i
				if wi[i] == 0 {
					// A w so small (subnormal) that -r/w overflows is
					// replaced by eps·norm, as hqr2 does for w = 0.
					if x := -r / w; w != 0 && !math.IsInf(x, 0) {
						h[i][en] = x
					} else {
						h[i][en] = -r / (eps * norm)
					}
				} else { // a real 2×2 system
					x, y = h[i][i+1], h[i+1][i]
					q = (wr[i]-p)*(wr[i]-p) + wi[i]*wi[i]
					t = (x*s - z*r) / q
					h[i][en] = t
					if math.Abs(x) > math.Abs(z) {
						h[i+1][en] = (-r - w*t) / x
					} else {
						h[i+1][en] = (-s - y*t) / z
					}
				}
				if t = math.Abs(h[i][en]); eps*t*t > 1 { // overflow control
					for j := i; j <= en; j++ {
						h[j][en] /= t
					}
				}
			}
		case q < 0: // the complex pair (en-1, en); its vector in columns en-1, en
			l := en - 1
			// The last component is chosen imaginary so the system is triangular.
			if math.Abs(h[en][en-1]) > math.Abs(h[en-1][en]) {
				h[en-1][en-1] = q / h[en][en-1]
				h[en-1][en] = -(h[en][en] - p) / h[en][en-1]
			} else {
				h[en-1][en-1], h[en-1][en] = cdiv(0, -h[en-1][en], h[en-1][en-1]-p, q)
			}
			h[en][en-1], h[en][en] = 0, 1
			for i := en - 2; i >= 0; i-- {
				var ra, sa float64
				for j := l; j <= en; j++ {
					ra += h[i][j] * h[j][en-1]
					sa += h[i][j] * h[j][en]
				}
				w = h[i][i] - p
				if wi[i] < 0 {
					z, r, s = w, ra, sa
					continue
				}
				l = i
				if wi[i] == 0 {
					h[i][en-1], h[i][en] = cdiv(-ra, -sa, w, q)
				} else { // a complex 2×2 system
					x, y = h[i][i+1], h[i+1][i]
					vr := (wr[i]-p)*(wr[i]-p) + wi[i]*wi[i] - q*q
					vi := (wr[i] - p) * 2 * q
					if vr == 0 && vi == 0 {
						vr = eps * norm * (math.Abs(w) + math.Abs(q) + math.Abs(x) + math.Abs(y) + math.Abs(z))
					}
					h[i][en-1], h[i][en] = cdiv(x*r-z*ra+q*sa, x*s-z*sa-q*ra, vr, vi)
					if math.Abs(x) > math.Abs(z)+math.Abs(q) {
						h[i+1][en-1] = (-ra - w*h[i][en-1] + q*h[i][en]) / x
						h[i+1][en] = (-sa - w*h[i][en] - q*h[i][en-1]) / x
					} else {
						h[i+1][en-1], h[i+1][en] = cdiv(-r-y*h[i][en-1], -s-y*h[i][en], z, q)
					}
				}
				if t = math.Max(math.Abs(h[i][en-1]), math.Abs(h[i][en])); eps*t*t > 1 {
					for j := i; j <= en; j++ {
						h[j][en-1] /= t
						h[j][en] /= t
					}
				}
			}
		}
	}
	// Back transformation: E = V·X with X the upper triangle of h, as
	// Eᵀ = Xᵀ·Vᵀ on the GEMM kernels; v gets E.
	if err := wt.check(); err != nil {
		return err
	}
	xt := make([]float64, n*n) // Xᵀ: the transpose of h, its strict lower triangle cleared
	transposeTo(xt, n, hFlat, n, n, n)
	for j := range n {
		clear(xt[j*n+j+1 : j*n+n])
	}
	et := make([]float64, n*n)
	if err := wt.gemm(n, n, n, xt, n, vt, n, et, n); err != nil {
		return err
	}
	if err := wt.check(); err != nil {
		return err
	}
	transposeTo(v, n, et, n, n, n)
	return nil
}

// cdiv returns (xr + i·xi) / (yr + i·yi), scaled to avoid overflow (Smith).
func cdiv(xr, xi, yr, yi float64) (float64, float64) {
	if math.Abs(yr) > math.Abs(yi) {
		r := yi / yr
		d := yr + r*yi
		return (xr + r*xi) / d, (xi - r*xr) / d
	}
	r := yr / yi
	d := yi + r*yr
	return (r*xr + xi) / d, (r*xi - xr) / d
}

// normalizeEigenvectors scales each eigenvector (column, or complex pair
// of columns) of v to Euclidean norm 1; a complex one is also turned so
// that its component of largest modulus is real and positive.
func normalizeEigenvectors(v [][]float64, wi []float64, n int) {
	for j := 0; j < n; j++ {
		if wi[j] == 0 {
			var ss float64
			for i := range n {
				ss += v[i][j] * v[i][j]
			}
			if nrm := math.Sqrt(ss); nrm > 0 {
				for i := range n {
					v[i][j] /= nrm
				}
			}
			continue
		}
		// Columns j, j+1: the real and imaginary parts.
		var ss, big float64
		br, bi := 1.0, 0.0
		for i := range n {
			re, im := v[i][j], v[i][j+1]
			ss += re*re + im*im
			if m := math.Hypot(re, im); m > big {
				big, br, bi = m, re/m, im/m
			}
		}
		nrm := math.Sqrt(ss)
		for i := range n { // multiply by conj(b)/nrm, |b| = 1
			re, im := v[i][j], v[i][j+1]
			v[i][j] = (re*br + im*bi) / nrm
			v[i][j+1] = (im*br - re*bi) / nrm
		}
		j++
	}
}
