package decomp

import (
	"math"
	"sort"

	"mlmath/internal/kernel"
)

// eighMaxIter bounds the implicit QL iterations spent on one eigenvalue
// (EISPACK's tql2 and LAPACK's dsteqr use 30).
const eighMaxIter = 30

// Eigh computes the eigendecomposition A = V·diag(w)·Vᵀ of the symmetric
// n×n matrix a, reading only its lower triangle (as numpy.linalg.eigh with
// UPLO='L'): w gets the n eigenvalues in ascending order and the columns of
// v (n×n) the orthonormal eigenvectors, v[i*n+j] being component i of the
// vector for w[j]. a is not modified. Eigenvectors are defined up to sign
// (and, for repeated eigenvalues, up to a rotation within their subspace).
//
// The algorithm is LAPACK's dsyev: Householder reflections reduce A to a
// symmetric tridiagonal T = Qᵀ·A·Q (dsytd2), Q is formed with block
// reflectors on the GEMM kernels (dorgtr), and the implicit QL iteration
// with Wilkinson's shift (dsteqr, EISPACK's tql2) diagonalizes T, its plane
// rotations accumulated into the eigenvectors.
//
// It returns ErrNotFinite for NaN or Inf in the lower triangle, and
// ErrNoConvergence if an eigenvalue takes more than 30 iterations (w and v
// are then unspecified). It panics with ErrShape if a length disagrees.
func Eigh(w, v, a []float64, n int) error {
	return Options{}.Eigh(w, v, a, n)
}

// Eigh is the package's Eigh with the options o: check points between the
// steps of the reduction, the blocks that form Q and the QL iterations.
func (o Options) Eigh(w, v, a []float64, n int) error {
	checkSize(a, n, n)
	checkSize(v, n, n)
	if len(w) != n {
		panic(ErrShape)
	}
	for i := range n {
		for _, x := range a[i*n : i*n+i+1] {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return ErrNotFinite
			}
		}
	}
	// s: the full symmetric matrix from the lower triangle of a: Aᵀ, whose
	// upper triangle is the lower one of A mirrored, then A's lower triangle.
	s := make([]float64, n*n)
	transposeTo(s, n, a, n, n, n)
	for i := range n {
		copy(s[i*n:i*n+i+1], a[i*n:i*n+i+1])
	}
	if n == 0 {
		return nil
	}
	k := eigScale(s) // as Eig: no overflow inside for entries near 1e308
	d, e := make([]float64, n), make([]float64, n)
	zt := make([]float64, n*n) // Zᵀ: row j is the eigenvector of d[j]
	wt := o.watch()
	if err := tridiagonalize(s, n, d, e, zt, wt); err != nil {
		return err
	}
	if err := tridiagonalQL(d, e, zt, n, wt); err != nil {
		return err
	}
	if err := wt.check(); err != nil {
		return err
	}
	for i := range d {
		d[i] = math.Ldexp(d[i], k)
	}
	// Ascending eigenvalues, their vectors along: the rows of zt in that
	// order (into s, free now), transposed into v.
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return d[order[x]] < d[order[y]] })
	for j, o := range order {
		w[j] = d[o]
		copy(s[j*n:j*n+n], zt[o*n:o*n+n])
	}
	transposeTo(v, n, s, n, n, n)
	return nil
}

// tridiagonalize reduces the full symmetric n×n matrix s (overwritten) to
// tridiagonal form T = Qᵀ·S·Q with diagonal d and subdiagonal e[0:n-1], and
// writes Qᵀ into zt (n×n), as LAPACK's dsytd2 (UPLO='L') and dorgtr.
// Reflection j annihilates column j below its subdiagonal; since s is kept
// full and symmetric, that column is the contiguous row j right of the
// diagonal. wt's check points come before each reflection and while Qᵀ is
// formed; its error is returned.
func tridiagonalize(s []float64, n int, d, e, zt []float64, wt *watch) error {
	m := n - 1 // the reflections act on rows and columns 1..n-1
	var at, tau []float64
	if m > 0 {
		at, tau = make([]float64, m*m), make([]float64, m)
	}
	p, pwBuf := make([]float64, n), make([]float64, n)
	for j := 0; j < n-1; j++ {
		if err := wt.check(); err != nil {
			return err
		}
		x := s[j*n+j+1 : j*n+n]
		t := householder(x)
		d[j], e[j] = s[j*n+j], x[0]
		// Keep the reflection for Q: row j of at holds it from column j on.
		copy(at[j*m+j:j*m+m], x)
		tau[j] = t
		if t == 0 {
			continue
		}
		// The trailing block B = s[j+1:, j+1:] becomes H·B·H with v =
		// (1, x[1:]): p = τ·B·v, w = p - (τ/2)(pᵀv)·v, B -= v·wᵀ + w·vᵀ.
		k := n - j - 1
		vv := p[:k]
		vv[0] = 1
		copy(vv[1:], x[1:])
		pw := pwBuf[:k]
		for i := range k {
			row := s[(j+1+i)*n+j+1 : (j+1+i)*n+n]
			pw[i] = t * kernel.Dot(row, vv)
		}
		alpha := -0.5 * t * kernel.Dot(pw, vv)
		for i := range pw {
			pw[i] += alpha * vv[i]
		}
		for i := range k {
			row := s[(j+1+i)*n+j+1 : (j+1+i)*n+n]
			kernel.Axpy(row, -vv[i], pw)
			kernel.Axpy(row, -pw[i], vv)
		}
	}
	d[n-1] = s[(n-1)*n+n-1]
	e[n-1] = 0
	// Zᵀ = diag(1, Q'ᵀ), Q' = H_0···H_(n-2) acting on rows 1..n-1.
	clear(zt)
	zt[0] = 1
	if m > 0 {
		qt := make([]float64, m*m)
		var ws qrWork
		if err := formQt(qt, at, tau, m, m, &ws, wt); err != nil {
			return err
		}
		for c := range m {
			copy(zt[(c+1)*n+1:(c+1)*n+n], qt[c*m:c*m+m])
		}
	}
	return nil
}

// tridiagonalQL diagonalizes the symmetric tridiagonal matrix with diagonal
// d and subdiagonal e (both overwritten; d gets the eigenvalues) by the
// implicit QL iteration with Wilkinson's shift (Numerical Recipes' tqli,
// EISPACK's tql2), applying each plane rotation to rows i and i+1 of zt.
// wt's check points come before each iteration; its error is returned.
func tridiagonalQL(d, e, zt []float64, n int, wt *watch) error {
	for l := 0; l < n; l++ {
		for iter := 0; ; iter++ {
			// The first negligible subdiagonal element at or after l.
			m := l
			for ; m < n-1; m++ {
				dd := math.Abs(d[m]) + math.Abs(d[m+1])
				if math.Abs(e[m])+dd == dd {
					break
				}
			}
			if m == l {
				break
			}
			if iter == eighMaxIter {
				return ErrNoConvergence
			}
			if err := wt.check(); err != nil {
				return err
			}
			g := (d[l+1] - d[l]) / (2 * e[l])
			r := math.Hypot(g, 1)
			g = d[m] - d[l] + e[l]/(g+math.Copysign(r, g))
			s, c, p := 1.0, 1.0, 0.0
			underflow := false
			for i := m - 1; i >= l; i-- {
				f, b := s*e[i], c*e[i]
				r = math.Hypot(f, g)
				e[i+1] = r
				if r == 0 { // recover from underflow
					d[i+1] -= p
					e[m] = 0
					underflow = true
					break
				}
				s, c = f/r, g/r
				g = d[i+1] - p
				r = (d[i]-g)*s + 2*c*b
				p = s * r
				d[i+1] = g + p
				g = c*r - b
				// Columns i, i+1 of Z (rows of Zᵀ): x, y = c·x - s·y, s·x + c·y.
				kernel.Rot(zt[i*n:i*n+n], zt[(i+1)*n:(i+1)*n+n], c, s)
			}
			if underflow {
				continue
			}
			d[l] -= p
			e[l] = g
			e[m] = 0
		}
	}
	return nil
}
