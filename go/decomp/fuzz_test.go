package decomp_test

import (
	"errors"
	"math"
	"testing"

	"mlmath/decomp"
	"mlmath/internal/fuzzdata"
	"mlmath/internal/testdata"
)

// The fuzz targets' matrices have at most fuzzMaxDim rows and columns: the
// blocked code paths start at larger sizes (the unit tests cover them),
// the edge cases of shapes and values do not.
const fuzzMaxDim = 8

const fuzzEps = 0x1p-52

// fuzzShape checks that p is nil for valid shapes and ErrShape otherwise.
func fuzzShape(t *testing.T, what string, p any, valid bool) {
	t.Helper()
	if valid && p != nil || !valid && !fuzzdata.IsErr(p, decomp.ErrShape) {
		t.Fatalf("%s: valid shape %v, panic %v", what, valid, p)
	}
}

// fuzzFits reports whether len(s) is the product of dims, without overflow.
func fuzzFits(s []float64, dims ...int) bool {
	p, ok := fuzzdata.Product(dims...)
	return ok && p == len(s)
}

// fuzzHuge reports whether a dimension exceeds fuzzMaxDim: a shape that
// is valid only because another dimension is 0. The checks, which loop
// over the dimensions, skip it.
func fuzzHuge(dims ...int) bool {
	for _, d := range dims {
		if d > fuzzMaxDim {
			return true
		}
	}
	return false
}

// fuzzMatrix decodes an m×n matrix whose slice length may disagree (see
// fuzzdata.Reader.Length).
func fuzzMatrix(r *fuzzdata.Reader, m, n int) []float64 {
	return r.Floats(r.Length(fuzzMaxDim*fuzzMaxDim, m, n))
}

// fuzzOut returns a zeroed output slice for an m×n result.
func fuzzOut(r *fuzzdata.Reader, m, n int) []float64 {
	return make([]float64, r.Length(fuzzMaxDim*fuzzMaxDim, m, n))
}

// fuzzAccurate reports whether the accuracy checks apply to a: finite
// entries of moderate range, whose products and sums of squares neither
// overflow nor underflow to nothing.
func fuzzAccurate(a []float64) bool {
	return fuzzdata.Finite(a...) && fuzzdata.Moderate(1e-100, 1e100, a...)
}

// mulRef returns the m×n product of the m×k matrix a and the k×n matrix b,
// by the triple loop.
func mulRef(a, b []float64, m, k, n int) []float64 {
	c := make([]float64, m*n)
	for i := range m {
		for j := range n {
			var s float64
			for l := range k {
				s += a[i*k+l] * b[l*n+j]
			}
			c[i*n+j] = s
		}
	}
	return c
}

// transposeRef returns the n×m transpose of the m×n matrix a.
func transposeRef(a []float64, m, n int) []float64 {
	t := make([]float64, m*n)
	for i := range m {
		for j := range n {
			t[j*m+i] = a[i*n+j]
		}
	}
	return t
}

// frobenius returns ||a||_F, computed with the entries scaled by max|a|.
func frobenius(a []float64) float64 {
	m := fuzzdata.MaxAbs(a)
	if m == 0 || !fuzzdata.Finite(m) {
		return m
	}
	var s float64
	for _, v := range a {
		s += (v / m) * (v / m)
	}
	return m * math.Sqrt(s)
}

// checkClose fails unless |got - want| <= tol entrywise.
func checkClose(t *testing.T, what string, got, want []float64, tol float64) {
	t.Helper()
	for i := range want {
		if !(math.Abs(got[i]-want[i]) <= tol) {
			t.Fatalf("%s: entry %d is %v, want %v within %v\ngot  %v\nwant %v", what, i, got[i], want[i], tol, got, want)
		}
	}
}

// checkOrthonormalCols checks QᵀQ = I for the m×c matrix q, within tol.
func checkOrthonormalCols(t *testing.T, what string, q []float64, m, c int, tol float64) {
	t.Helper()
	qtq := mulRef(transposeRef(q, m, c), q, c, m, c)
	for i := range c {
		qtq[i*c+i]--
	}
	checkClose(t, what+": QᵀQ - I", qtq, make([]float64, c*c), tol)
}

// checkFinite fails unless every entry of each s is finite: the promise
// for finite input a with max|a| <= 1e300 (no norm can overflow; subnormal
// entries must not turn into Inf or NaN).
func checkFinite(t *testing.T, what string, a []float64, s ...[]float64) {
	t.Helper()
	if !fuzzdata.Finite(a...) || fuzzdata.MaxAbs(a) > 1e300 {
		return
	}
	for _, x := range s {
		if !fuzzdata.Finite(x...) {
			t.Fatalf("%s of the finite %v: %v", what, a, s)
		}
	}
}

// checkAllNaN fails unless every entry of s is NaN.
func checkAllNaN(t *testing.T, what string, s []float64) {
	t.Helper()
	for _, v := range s {
		if !math.IsNaN(v) {
			t.Fatalf("%s: %v, want all NaN", what, s)
		}
	}
}

// FuzzQR calls QR on decoded shapes and values. It checks the shape
// panics; all-NaN factors for NaN or Inf in a; and for finite a of
// moderate range, R upper triangular (exact zeros below the diagonal), Q
// with orthonormal columns and Q·R = A, within c·(m+n)²·eps·||A||_F.
// The seed corpus is in testdata/fuzz/FuzzQR.
func FuzzQR(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		m, n := r.Dim(fuzzMaxDim), r.Dim(fuzzMaxDim)
		k := min(m, n)
		a := fuzzMatrix(r, m, n)
		q, rr := fuzzOut(r, m, k), fuzzOut(r, k, n)
		a0 := append([]float64(nil), a...)
		p := testdata.Panics(func() { decomp.QR(q, rr, a, m, n) })
		valid := fuzzFits(a, m, n) && fuzzFits(q, m, k) && fuzzFits(rr, k, n)
		fuzzShape(t, "QR", p, valid)
		if !fuzzdata.SameSlices(a, a0) {
			t.Fatal("QR modified a")
		}
		if !valid || fuzzHuge(m, n) {
			return
		}
		if !fuzzdata.Finite(a...) {
			checkAllNaN(t, "QR: Q", q)
			checkAllNaN(t, "QR: R", rr)
			return
		}
		checkFinite(t, "QR", a, q, rr)
		if !fuzzAccurate(a) || k == 0 {
			return
		}
		for i := range k {
			for j := range i {
				if rr[i*n+j] != 0 {
					t.Fatalf("QR: R[%d][%d] = %v below the diagonal", i, j, rr[i*n+j])
				}
			}
		}
		tol := 16 * float64((m+n)*(m+n)) * fuzzEps
		checkOrthonormalCols(t, "QR", q, m, k, tol)
		checkClose(t, "QR: Q·R - A", mulRef(q, rr, m, k, n), a, tol*frobenius(a))
	})
}

// FuzzCholesky calls Cholesky on decoded matrices, half of them made
// positive definite as BᵀB + I. It checks the shape panics; that only the
// lower triangle is read (garbage above the diagonal changes nothing, bit
// for bit); all-NaN L for NaN or Inf in the lower triangle; success on the
// positive definite ones; and L lower triangular with a positive diagonal
// and L·Lᵀ = A within c·n·eps·||A||_F. The seed corpus is in
// testdata/fuzz/FuzzCholesky.
func FuzzCholesky(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Dim(fuzzMaxDim)
		spd := r.Bool()
		a := fuzzMatrix(r, n, n)
		l := fuzzOut(r, n, n)
		square := fuzzFits(a, n, n)
		// BᵀB + I, with max|B| <= 1e4, is positive definite with a condition
		// number below 1 + n²·1e8: Cholesky must succeed.
		spd = spd && square && fuzzdata.Moderate(0, 1e4, a...)
		if spd {
			a = gram(a, n)
		}
		var err error
		p := testdata.Panics(func() { err = decomp.Cholesky(l, a, n) })
		valid := square && fuzzFits(l, n, n)
		fuzzShape(t, "Cholesky", p, valid)
		if !valid || fuzzHuge(n) {
			return
		}
		lower, garbage := lowerOf(a, n), withGarbageAbove(a, n, r)
		l2 := make([]float64, n*n)
		err2 := decomp.Cholesky(l2, garbage, n)
		if !errors.Is(err2, err) || err == nil && !fuzzdata.SameSlices(l, l2) {
			t.Fatalf("Cholesky reads above the diagonal: %v, %v vs %v, %v", l, err, l2, err2)
		}
		if !fuzzdata.Finite(lower...) {
			if err != nil {
				t.Fatalf("Cholesky with NaN or Inf: error %v", err)
			}
			checkAllNaN(t, "Cholesky", l)
			return
		}
		if err != nil {
			if !errors.Is(err, decomp.ErrNotPositiveDefinite) {
				t.Fatalf("Cholesky: unexpected error %v", err)
			}
			if spd {
				t.Fatalf("Cholesky of the positive definite %v: %v", a, err)
			}
			return
		}
		for i := range n {
			if !(l[i*n+i] > 0) {
				t.Fatalf("Cholesky: L[%d][%d] = %v", i, i, l[i*n+i])
			}
			for j := i + 1; j < n; j++ {
				if !fuzzdata.Same(l[i*n+j], 0) {
					t.Fatalf("Cholesky: L[%d][%d] = %v above the diagonal", i, j, l[i*n+j])
				}
			}
		}
		checkFinite(t, "Cholesky", lower, l)
		if fuzzAccurate(a) {
			sym := symmetricFromLower(a, n)
			llt := mulRef(l, transposeRef(l, n, n), n, n, n)
			checkClose(t, "Cholesky: L·Lᵀ - A", llt, sym, 8*float64(n+1)*fuzzEps*frobenius(sym))
		}
	})
}

// gram returns BᵀB + I for the n×n matrix b.
func gram(b []float64, n int) []float64 {
	g := mulRef(transposeRef(b, n, n), b, n, n, n)
	for i := range n {
		g[i*n+i]++
	}
	return g
}

// lowerOf returns the entries of the lower triangle of a, row by row.
func lowerOf(a []float64, n int) []float64 {
	var s []float64
	for i := range n {
		s = append(s, a[i*n:i*n+i+1]...)
	}
	return s
}

// withGarbageAbove returns a copy of a with decoded values (NaN, Inf, ...)
// above the diagonal.
func withGarbageAbove(a []float64, n int, r *fuzzdata.Reader) []float64 {
	g := append([]float64(nil), a...)
	for i := range n {
		for j := i + 1; j < n; j++ {
			g[i*n+j] = r.Float()
		}
	}
	return g
}

// symmetricFromLower returns the symmetric matrix whose lower triangle is a's.
func symmetricFromLower(a []float64, n int) []float64 {
	s := append([]float64(nil), a...)
	for i := range n {
		for j := i + 1; j < n; j++ {
			s[i*n+j] = a[j*n+i]
		}
	}
	return s
}

// FuzzEigh calls Eigh on decoded matrices. It checks the shape panics;
// that only the lower triangle is read; ErrNotFinite for NaN or Inf there;
// and for finite input of moderate range, ascending eigenvalues whose sum
// is the trace and whose squares sum to ||A||_F², orthonormal eigenvectors
// and A·V = V·diag(w), within c·n·eps·||A||_F. The seed corpus is in
// testdata/fuzz/FuzzEigh.
func FuzzEigh(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Dim(fuzzMaxDim)
		a := fuzzMatrix(r, n, n)
		w, v := make([]float64, r.Length(fuzzMaxDim, n)), fuzzOut(r, n, n)
		var err error
		p := testdata.Panics(func() { err = decomp.Eigh(w, v, a, n) })
		valid := fuzzFits(a, n, n) && fuzzFits(w, n) && fuzzFits(v, n, n)
		fuzzShape(t, "Eigh", p, valid)
		if !valid || fuzzHuge(n) {
			return
		}
		if !fuzzdata.Finite(lowerOf(a, n)...) {
			if !errors.Is(err, decomp.ErrNotFinite) {
				t.Fatalf("Eigh with NaN or Inf: error %v", err)
			}
			return
		}
		w2, v2 := make([]float64, n), make([]float64, n*n)
		err2 := decomp.Eigh(w2, v2, withGarbageAbove(a, n, r), n)
		if !errors.Is(err2, err) || err == nil && (!fuzzdata.SameSlices(w, w2) || !fuzzdata.SameSlices(v, v2)) {
			t.Fatalf("Eigh reads above the diagonal")
		}
		if err == nil {
			checkFinite(t, "Eigh", lowerOf(a, n), w, v)
		}
		if !fuzzAccurate(a) {
			if err != nil && !errors.Is(err, decomp.ErrNoConvergence) {
				t.Fatalf("Eigh: unexpected error %v", err)
			}
			return
		}
		if err != nil {
			t.Fatalf("Eigh of %v: %v", a, err)
		}
		sym := symmetricFromLower(a, n)
		norm := frobenius(sym)
		tol := 16 * float64(n+1) * fuzzEps
		var trace, sum, sumSq float64
		for i := range n {
			if i > 0 && !(w[i-1] <= w[i]) {
				t.Fatalf("Eigh: eigenvalues %v not ascending", w)
			}
			trace += sym[i*n+i]
			sum += w[i]
			sumSq += (w[i] / norm) * (w[i] / norm)
		}
		if n == 0 {
			return
		}
		if math.Abs(sum-trace) > tol*norm*float64(n) || math.Abs(sumSq-1) > tol*float64(n) {
			t.Fatalf("Eigh(%v): eigenvalues %v: sum %v, trace %v; Σw²/||A||² = %v", sym, w, sum, trace, sumSq)
		}
		checkOrthonormalCols(t, "Eigh", v, n, n, tol)
		vw := append([]float64(nil), v...)
		for i := range n {
			for j := range n {
				vw[i*n+j] *= w[j]
			}
		}
		checkClose(t, "Eigh: A·V - V·diag(w)", mulRef(sym, v, n, n, n), vw, tol*norm)
	})
}

// FuzzEig calls Eig on decoded matrices. It checks the shape panics;
// ErrNotFinite for NaN or Inf; and for finite input of moderate range,
// conjugate pairs stored as documented, eigenvalues summing to the trace,
// unit eigenvectors and the residuals ||A·x - λ·x|| <= c·n·eps·||A||_F.
// The seed corpus is in testdata/fuzz/FuzzEig.
func FuzzEig(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n := r.Dim(fuzzMaxDim)
		a := fuzzMatrix(r, n, n)
		wr, wi := make([]float64, r.Length(fuzzMaxDim, n)), make([]float64, r.Length(fuzzMaxDim, n))
		v := fuzzOut(r, n, n)
		a0 := append([]float64(nil), a...)
		var err error
		p := testdata.Panics(func() { err = decomp.Eig(wr, wi, v, a, n) })
		valid := fuzzFits(a, n, n) && fuzzFits(wr, n) && fuzzFits(wi, n) && fuzzFits(v, n, n)
		fuzzShape(t, "Eig", p, valid)
		if !fuzzdata.SameSlices(a, a0) {
			t.Fatal("Eig modified a")
		}
		if !valid || fuzzHuge(n) {
			return
		}
		if !fuzzdata.Finite(a...) {
			if !errors.Is(err, decomp.ErrNotFinite) {
				t.Fatalf("Eig with NaN or Inf: error %v", err)
			}
			return
		}
		if err != nil {
			if !errors.Is(err, decomp.ErrNoConvergence) || fuzzAccurate(a) {
				t.Fatalf("Eig of %v: %v", a, err)
			}
			return
		}
		if fuzzAccurate(a) {
			// Not for any finite a: entries 1e24 times apart give complex
			// pairs of imaginary part 1e-146 whose vectors overflow
			// (hqr2's back substitution has no dtrevc-style scaling).
			checkFinite(t, "Eig", a, wr, wi, v)
		}
		if !fuzzAccurate(a) || n == 0 {
			return
		}
		norm := frobenius(a)
		tol := 64 * float64(n+1) * fuzzEps * norm
		var trace, sum float64
		for i := range n {
			trace += a[i*n+i]
			sum += wr[i]
		}
		if math.Abs(sum-trace) > tol*float64(n) {
			t.Fatalf("Eig(%v): eigenvalues %v: sum %v, trace %v", a, wr, sum, trace)
		}
		for j := 0; j < n; j++ {
			xr, xi := column(v, n, j), make([]float64, n)
			lr, li := wr[j], wi[j]
			if li != 0 {
				if li < 0 || j+1 == n || wr[j+1] != lr || wi[j+1] != -li {
					t.Fatalf("Eig(%v): eigenvalues %v + i·%v are not in conjugate pairs", a, wr, wi)
				}
				xi = column(v, n, j+1)
			}
			var nrm float64
			for i := range n {
				nrm += xr[i]*xr[i] + xi[i]*xi[i]
			}
			if math.Abs(nrm-1) > 16*float64(n+1)*fuzzEps {
				t.Fatalf("Eig(%v): eigenvector %d has norm² %v", a, j, nrm)
			}
			// (A - λ)·x with λ = lr + i·li and x = xr + i·xi.
			ar, ai := mulRef(a, xr, n, n, 1), mulRef(a, xi, n, n, 1)
			for i := range n {
				re := ar[i] - (lr*xr[i] - li*xi[i])
				im := ai[i] - (lr*xi[i] + li*xr[i])
				if !(math.Hypot(re, im) <= tol) {
					t.Fatalf("Eig(%v): eigenpair %d (%v + i·%v): residual %v in row %d exceeds %v", a, j, lr, li, math.Hypot(re, im), i, tol)
				}
			}
			if li != 0 {
				j++
			}
		}
	})
}

// column returns column j of the n×n matrix v.
func column(v []float64, n, j int) []float64 {
	c := make([]float64, n)
	for i := range n {
		c[i] = v[i*n+j]
	}
	return c
}

// FuzzSVD calls SVD, thin and full, on decoded shapes and values. It checks
// the shape panics; ErrNotFinite for NaN or Inf; and for finite input of
// moderate range, singular values descending and nonnegative whose
// squares sum to ||A||_F², orthonormal U and Vᵀ (completed to bases when
// full) and U·diag(s)·Vᵀ = A, within c·(m+n)·eps·||A||_F. The seed corpus
// is in testdata/fuzz/FuzzSVD.
func FuzzSVD(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		m, n, full := r.Dim(fuzzMaxDim), r.Dim(fuzzMaxDim), r.Bool()
		k := min(m, n)
		ucols, vrows := k, k
		if full {
			ucols, vrows = m, n
		}
		a := fuzzMatrix(r, m, n)
		u, s, vt := fuzzOut(r, m, ucols), make([]float64, r.Length(fuzzMaxDim, k)), fuzzOut(r, vrows, n)
		a0 := append([]float64(nil), a...)
		var err error
		p := testdata.Panics(func() { err = decomp.SVD(u, s, vt, a, m, n, full) })
		valid := fuzzFits(a, m, n) && fuzzFits(u, m, ucols) && fuzzFits(s, k) && fuzzFits(vt, vrows, n)
		fuzzShape(t, "SVD", p, valid)
		if !fuzzdata.SameSlices(a, a0) {
			t.Fatal("SVD modified a")
		}
		if !valid || fuzzHuge(m, n) {
			return
		}
		if !fuzzdata.Finite(a...) {
			if !errors.Is(err, decomp.ErrNotFinite) {
				t.Fatalf("SVD with NaN or Inf: error %v", err)
			}
			return
		}
		if err != nil {
			if !errors.Is(err, decomp.ErrNoConvergence) || fuzzAccurate(a) {
				t.Fatalf("SVD of %v: %v", a, err)
			}
			return
		}
		checkFinite(t, "SVD", a, u, s, vt)
		if !fuzzAccurate(a) {
			return
		}
		checkSingularValues(t, s, a)
		tol := 16 * float64(m+n+1) * fuzzEps
		checkOrthonormalCols(t, "SVD: U", u, m, ucols, tol)
		checkOrthonormalCols(t, "SVD: V", transposeRef(vt, vrows, n), n, vrows, tol)
		us := make([]float64, m*k)
		for i := range m {
			for j := range k {
				us[i*k+j] = u[i*ucols+j] * s[j]
			}
		}
		checkClose(t, "SVD: U·diag(s)·Vᵀ - A", mulRef(us, vt[:k*n], m, k, n), a, tol*frobenius(a))
	})
}

// checkSingularValues checks that s is descending and nonnegative and that
// Σ s_i² = ||A||_F² to rounding.
func checkSingularValues(t *testing.T, s, a []float64) {
	t.Helper()
	norm := frobenius(a)
	var sumSq float64
	for i, v := range s {
		if !(v >= 0) || math.Signbit(v) || i > 0 && !(s[i-1] >= v) {
			t.Fatalf("singular values %v of %v: not descending and nonnegative", s, a)
		}
		if norm > 0 {
			sumSq += (v / norm) * (v / norm)
		}
	}
	if norm == 0 {
		sumSq = 1
	}
	if math.Abs(sumSq-1) > 16*float64(len(a)+1)*fuzzEps {
		t.Fatalf("singular values %v of %v: Σs²/||A||² = %v", s, a, sumSq)
	}
}

// FuzzDerived calls what is built on the SVD, Pinv, Rank, Cond, LowRank and
// PCA, on decoded shapes (hostile ones included) and values. It checks the
// shape panics and error kinds, and for finite input of moderate range:
// Rank and Cond as the singular values give them, A·A⁺·A = A for a
// well-conditioned A, LowRank's factors and product (A itself at full
// rank), and PCA's means, unit orthogonal components, descending variances
// with ratios in [0, 1] and the projection. The seed corpus is in
// testdata/fuzz/FuzzDerived.
func FuzzDerived(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		m, n, c := r.Dim(fuzzMaxDim), r.Dim(fuzzMaxDim), r.Dim(fuzzMaxDim)
		rcond := [...]float64{decomp.DefaultPinvRcond, 0, 1e-8, -1, math.NaN(), math.Inf(1)}[r.Intn(6)]
		tol := [...]float64{-1, 0, 1e-8, 1, math.NaN(), math.Inf(1)}[r.Intn(6)]
		a := fuzzMatrix(r, m, n)
		isMatrix := fuzzFits(a, m, n)
		finite := isMatrix && fuzzdata.Finite(a...)
		accurate := finite && fuzzAccurate(a) && !fuzzHuge(m, n)
		var s []float64
		if accurate {
			k := min(m, n)
			s = make([]float64, k)
			if err := decomp.SVD(make([]float64, m*k), s, make([]float64, k*n), a, m, n, false); err != nil {
				t.Fatalf("SVD of %v: %v", a, err)
			}
		}
		checkErr := func(what string, err error) {
			t.Helper()
			switch {
			case !finite && !errors.Is(err, decomp.ErrNotFinite):
				t.Fatalf("%s with NaN or Inf: error %v", what, err)
			case finite && err != nil && (accurate || !errors.Is(err, decomp.ErrNoConvergence)):
				t.Fatalf("%s of %v: %v", what, a, err)
			}
		}

		// Rank
		var rank int
		var err error
		fuzzShape(t, "Rank", testdata.Panics(func() { rank, err = decomp.Rank(a, m, n, tol) }), isMatrix)
		if isMatrix {
			checkErr("Rank", err)
			if accurate {
				cut := tol
				if tol < 0 && len(s) > 0 {
					cut = s[0] * float64(max(m, n)) * fuzzEps
				}
				want := 0
				for _, v := range s {
					if v > cut {
						want++
					}
				}
				if rank != want {
					t.Fatalf("Rank(%v, tol %v) = %d, singular values %v", a, tol, rank, s)
				}
			}
		}

		// Cond
		var cond float64
		nonEmpty := isMatrix && m > 0 && n > 0
		fuzzShape(t, "Cond", testdata.Panics(func() { cond, err = decomp.Cond(a, m, n) }), nonEmpty)
		if nonEmpty {
			checkErr("Cond", err)
			if accurate && !fuzzdata.Same(cond, s[0]/s[len(s)-1]) {
				t.Fatalf("Cond(%v) = %v, singular values %v", a, cond, s)
			}
			// +Inf for a zero s_min; NaN for the zero matrix (0/0, as numpy).
			if accurate && !(cond >= 1) && !(s[0] == 0 && math.IsNaN(cond)) {
				t.Fatalf("Cond(%v) = %v < 1", a, cond)
			}
		}

		// Pinv
		pinv := fuzzOut(r, n, m)
		validPinv := isMatrix && fuzzFits(pinv, n, m)
		fuzzShape(t, "Pinv", testdata.Panics(func() { err = decomp.Pinv(pinv, a, m, n, rcond) }), validPinv)
		if validPinv {
			checkErr("Pinv", err)
			if accurate && rcond == decomp.DefaultPinvRcond && len(s) > 0 && s[len(s)-1] > 1e-4*s[0] {
				apa := mulRef(mulRef(a, pinv, m, n, m), a, m, m, n)
				checkClose(t, "Pinv: A·A⁺·A - A", apa, a, 1e4*float64(m+n)*fuzzEps*frobenius(a))
			}
		}

		// LowRank, of rank c
		uk, sk, vtk, ak := fuzzOut(r, m, c), make([]float64, r.Length(fuzzMaxDim, c)), fuzzOut(r, c, n), fuzzOut(r, m, n)
		validLR := isMatrix && c >= 1 && c <= min(m, n) && fuzzFits(uk, m, c) && fuzzFits(sk, c) && fuzzFits(vtk, c, n) && fuzzFits(ak, m, n)
		fuzzShape(t, "LowRank", testdata.Panics(func() { err = decomp.LowRank(uk, sk, vtk, ak, a, m, n, c) }), validLR)
		if validLR {
			checkErr("LowRank", err)
			if accurate {
				scale := 16 * float64(m+n+1) * fuzzEps * frobenius(a)
				checkClose(t, "LowRank: singular values", sk, s[:c], scale)
				us := append([]float64(nil), uk...)
				for i := range m {
					for j := range c {
						us[i*c+j] *= sk[j]
					}
				}
				checkClose(t, "LowRank: uk·diag(sk)·vtk - ak", mulRef(us, vtk, m, c, n), ak, scale)
				if c == min(m, n) {
					checkClose(t, "LowRank at full rank: ak - a", ak, a, scale)
				}
			}
		}

		// PCA of the m samples and n features, c components
		comp, variance, ratio := fuzzOut(r, c, n), make([]float64, r.Length(fuzzMaxDim, c)), make([]float64, r.Length(fuzzMaxDim, c))
		mean, tr := make([]float64, r.Length(fuzzMaxDim, n)), fuzzOut(r, m, c)
		validPCA := isMatrix && m >= 2 && c >= 1 && c <= min(m, n) && fuzzFits(comp, c, n) && fuzzFits(variance, c) &&
			fuzzFits(ratio, c) && fuzzFits(mean, n) && fuzzFits(tr, m, c)
		fuzzShape(t, "PCA", testdata.Panics(func() { err = decomp.PCA(comp, variance, ratio, mean, tr, a, m, n, c) }), validPCA)
		if validPCA && (finite || err != nil) {
			if finite && !fuzzdata.Finite(mean...) {
				return // the column sums overflow: SVD's ErrNotFinite
			}
			checkErr("PCA", err)
			if accurate && fuzzdata.Moderate(0, 1e100, a...) {
				checkPCA(t, comp, variance, ratio, mean, tr, a, m, n, c)
			}
		}
	})
}

func checkPCA(t *testing.T, comp, variance, ratio, mean, tr, x []float64, m, n, c int) {
	t.Helper()
	xc := append([]float64(nil), x...)
	for j := range n {
		var sum, abs float64
		for i := range m {
			sum += x[i*n+j]
			abs += math.Abs(x[i*n+j])
		}
		if want := sum / float64(m); math.Abs(mean[j]-want) > 4*float64(m)*fuzzEps*abs/float64(m) {
			t.Fatalf("PCA: mean %v, want %v", mean, want)
		}
		for i := range m {
			xc[i*n+j] -= mean[j]
		}
	}
	scale := frobenius(xc)
	tol := 16 * float64(m+n+1) * fuzzEps
	if scale == 0 {
		return // constant data: the ratio is 0/0
	}
	checkOrthonormalCols(t, "PCA: components", transposeRef(comp, c, n), n, c, tol)
	var sum float64
	for j := range c {
		if !(variance[j] >= 0) || j > 0 && !(variance[j-1] >= variance[j]) || !(ratio[j] >= 0 && ratio[j] <= 1+tol) {
			t.Fatalf("PCA: variances %v, ratios %v", variance, ratio)
		}
		sum += ratio[j]
	}
	if sum > 1+tol*float64(c) {
		t.Fatalf("PCA: ratios %v sum to %v", ratio, sum)
	}
	checkClose(t, "PCA: transformed - Xc·componentsᵀ", tr, mulRef(xc, transposeRef(comp, c, n), m, n, c), tol*scale)
}
