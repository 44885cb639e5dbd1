package mat_test

import (
	"errors"
	"math"
	"testing"

	"mlmath/internal/fuzzdata"
	"mlmath/internal/testdata"
	"mlmath/mat"
)

// fuzzMaxDim bounds the dimensions of the fuzz targets: the products
// still go through the blocked kernels' edge cases, quickly.
const fuzzMaxDim = 12

// shapePanic checks that p is nil for valid shapes and ErrShape otherwise.
func shapePanic(t *testing.T, what string, p any, valid bool) {
	t.Helper()
	if valid && p != nil || !valid && !fuzzdata.IsErr(p, mat.ErrShape) {
		t.Fatalf("%s: valid shape %v, panic %v", what, valid, p)
	}
}

// fits reports whether len(s) is the product of dims, computed without
// overflow.
func fits(s []float64, dims ...int) bool {
	p, ok := fuzzdata.Product(dims...)
	return ok && p == len(s)
}

// FuzzMatMul calls Mul and Transpose on decoded shapes (hostile ones
// included: negative, overflowing, wrapping to the slice length) and
// values. It checks that a panic is ErrShape and only for a bad shape,
// that Mul agrees with a triple loop within k·eps·Σ|a_ik·b_kj| (exactly
// for NaN and Inf, where the finite products do not overflow), that
// Transpose twice is the identity, bit for bit, and that inputs are not
// modified. The seed corpus is in testdata/fuzz/FuzzMatMul.
func FuzzMatMul(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		m, k, n := r.Dim(fuzzMaxDim), r.Dim(fuzzMaxDim), r.Dim(fuzzMaxDim)
		const maxLen = fuzzMaxDim * fuzzMaxDim
		a := r.Floats(r.Length(maxLen, m, k))
		b := r.Floats(r.Length(maxLen, k, n))
		dst := make([]float64, r.Length(maxLen, m, n))
		a0, b0 := append([]float64(nil), a...), append([]float64(nil), b...)

		p := testdata.Panics(func() { mat.Mul(dst, a, b, m, k, n) })
		valid := fits(a, m, k) && fits(b, k, n) && fits(dst, m, n)
		shapePanic(t, "Mul", p, valid)
		if valid && len(dst) > 0 { // loops over m and n: either may be huge when the other is 0
			for i := range m {
				for j := range n {
					checkEntry(t, dst[i*n+j], a[i*k:i*k+k], b, j, n)
				}
			}
		}

		at := make([]float64, r.Length(maxLen, k, m))
		p = testdata.Panics(func() { mat.Transpose(at, a, m, k) })
		valid = fits(a, m, k) && fits(at, k, m)
		shapePanic(t, "Transpose", p, valid)
		if valid && len(a) > 0 {
			back := make([]float64, len(a))
			mat.Transpose(back, at, k, m)
			for i := range m {
				for j := range k {
					if !fuzzdata.Same(at[j*m+i], a[i*k+j]) || !fuzzdata.Same(back[i*k+j], a[i*k+j]) {
						t.Fatalf("Transpose of %d×%d %v: %v, and back %v", m, k, a, at, back)
					}
				}
			}
		}
		if !fuzzdata.SameSlices(a0, a) {
			t.Fatal("an input was modified")
		}
		if !fuzzdata.SameSlices(b0, b) {
			t.Fatal("an input was modified")
		}
	})
}

// checkEntry compares got, entry (i, j) of a product, with the sum over
// the row ai of a and column j of b (n columns).
func checkEntry(t *testing.T, got float64, ai, b []float64, j, n int) {
	t.Helper()
	col := make([]float64, len(ai))
	for l := range col {
		col[l] = b[l*n+j]
	}
	if want, ok := fuzzdata.ProductSum(got, 0, 1, ai, col); !ok {
		t.Fatalf("product entry %v, want %v (row %v, column %d)", got, want, ai, j)
	}
}

// FuzzLU calls Factorize, Det, Inv and Solve on decoded square matrices
// and right-hand sides (hostile shapes and values included). It checks the
// shape panics; that the three agree on singularity (and Det is then 0);
// the documented NaN results; and, for finite input of moderate range,
// the residuals |A·X - B| against the backward error bound of LU with
// partial pivoting and Det against the permutation expansion for n <= 4.
// The seed corpus is in testdata/fuzz/FuzzLU.
func FuzzLU(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		defer fuzzdata.Watchdog(fuzzdata.Timeout)()
		r := fuzzdata.New(data)
		n, k := r.Dim(8), r.Dim(4)
		a := r.Floats(r.Length(64, n, n))
		b := r.Floats(r.Length(32, n, k))
		a0 := append([]float64(nil), a...)
		inv := make([]float64, r.Length(64, n, n))
		x := make([]float64, r.Length(32, n, k))

		var det float64
		var lu *mat.LU
		var errInv, errSolve error
		square := fits(a, n, n)
		shapePanic(t, "Det", testdata.Panics(func() { det = mat.Det(a, n) }), square)
		shapePanic(t, "Factorize", testdata.Panics(func() { lu = mat.Factorize(a, n) }), square)
		validInv := square && fits(inv, n, n)
		shapePanic(t, "Inv", testdata.Panics(func() { errInv = mat.Inv(inv, a, n) }), validInv)
		validSolve := square && fits(b, n, k) && fits(x, n, k)
		shapePanic(t, "Solve", testdata.Panics(func() { errSolve = mat.Solve(x, a, b, n, k) }), validSolve)
		if !fuzzdata.SameSlices(a0, a) {
			t.Fatal("Det, Factorize, Inv or Solve modified a")
		}
		if !square {
			return
		}
		for _, err := range []error{errInv, errSolve} {
			if err != nil && !errors.Is(err, mat.ErrSingular) {
				t.Fatalf("unexpected error %v", err)
			}
		}
		hasNaN := math.IsNaN(fuzzdata.MaxAbs(a))
		if hasNaN {
			if !math.IsNaN(det) || errInv != nil || errSolve != nil {
				t.Fatalf("NaN in a: Det %v, Inv error %v, Solve error %v", det, errInv, errSolve)
			}
			for _, v := range inv {
				if validInv && !math.IsNaN(v) {
					t.Fatalf("NaN in a: Inv %v, want all NaN", inv)
				}
			}
			for _, v := range x {
				if validSolve && !math.IsNaN(v) {
					t.Fatalf("NaN in a: Solve %v, want all NaN", x)
				}
			}
			return
		}
		if !fuzzdata.Same(det, lu.Det()) {
			t.Fatalf("Det %v, LU.Det %v", det, lu.Det())
		}
		if lu.Singular() {
			if det != 0 || (validInv && !errors.Is(errInv, mat.ErrSingular)) || (validSolve && n > 0 && !errors.Is(errSolve, mat.ErrSingular)) {
				t.Fatalf("singular %v: Det %v, Inv error %v, Solve error %v", a, det, errInv, errSolve)
			}
			return
		}
		if errInv != nil || errSolve != nil {
			t.Fatalf("nonsingular %v: Inv error %v, Solve error %v", a, errInv, errSolve)
		}
		if !fuzzdata.Finite(a...) || !fuzzdata.Moderate(1e-50, 1e50, a...) {
			return
		}
		if validSolve && fuzzdata.Finite(b...) && fuzzdata.Moderate(1e-50, 1e50, b...) {
			checkResidual(t, "Solve", a, x, b, n, k)
		}
		if validInv {
			id := make([]float64, n*n)
			for i := range n {
				id[i*n+i] = 1
			}
			checkResidual(t, "Inv", a, inv, id, n, n)
		}
		if n <= 4 {
			checkDet(t, det, a, n)
		}
	})
}

// checkResidual checks |A·X - B|_ic <= 3n·eps·n·2^(n-1)·max|A|·Σ_j |x_jc|
// (plus the underflow of the products), the bound of LU with partial
// pivoting's backward error, where X is finite; an X that overflowed is
// allowed when the bound on |X| does (an ill-conditioned A).
func checkResidual(t *testing.T, name string, a, x, b []float64, n, k int) {
	t.Helper()
	if n == 0 {
		return // X is n×k: nothing to check, whatever k
	}
	maxA := fuzzdata.MaxAbs(a)
	growth := 3 * float64(n*n) * math.Ldexp(1, n-1) * 0x1p-52
	for c := range k {
		var xNorm float64
		for j := range n {
			xNorm += math.Abs(x[j*k+c])
		}
		if !fuzzdata.Finite(xNorm) || xNorm > 1e200 {
			continue // a nearly singular A: X's entries overflow
		}
		for i := range n {
			var ax float64
			for j := range n {
				ax += a[i*n+j] * x[j*k+c]
			}
			res := math.Abs(ax - b[i*k+c])
			tol := growth*maxA*xNorm + 4*float64(n)*0x1p-52*math.Abs(b[i*k+c]) + 1e-300
			if !(res <= tol) {
				t.Fatalf("%s of %v (n=%d) with b %v: X %v, residual %v in row %d column %d exceeds %v", name, a, n, b, x, res, i, c, tol)
			}
		}
	}
}

// checkDet compares det with Σ_σ sgn σ·Π a_iσ(i), within the LU backward
// error carried through the expansion.
func checkDet(t *testing.T, det float64, a []float64, n int) {
	t.Helper()
	var want, perm float64
	permutations(n, func(p []int, sign float64) {
		term, abs := sign, 1.0
		for i, j := range p {
			term *= a[i*n+j]
			abs *= math.Abs(a[i*n+j])
		}
		want += term
		perm += abs
	})
	maxA := fuzzdata.MaxAbs(a)
	// |Δdet| <= Σ_ij |adj_ji|·|E_ij|, |E_ij| <= 3n·eps·n·2^(n-1)·max|A|,
	// |adj_ji| <= perm/min|a| is unknown: bound Σ|adj| by n²·(n-1)!·max|A|^(n-1).
	fact := 1.0
	for i := 2; i < n; i++ {
		fact *= float64(i)
	}
	adj := float64(n*n) * fact * math.Pow(maxA, float64(n-1))
	tol := 3*float64(n*n)*math.Ldexp(1, n-1)*0x1p-52*maxA*adj + 4*float64(n)*fact*float64(n)*0x1p-52*perm + 1e-300
	if n == 0 {
		want, tol = 1, 0
	}
	if math.IsInf(tol, 0) || math.IsInf(perm, 0) {
		return
	}
	if !(math.Abs(det-want) <= tol) {
		t.Fatalf("Det(%v) = %v, want %v within %v", a, det, want, tol)
	}
}

// permutations calls f with each permutation of 0..n-1 and its sign.
func permutations(n int, f func(p []int, sign float64)) {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	var rec func(i int, sign float64)
	rec = func(i int, sign float64) {
		if i == n {
			f(p, sign)
			return
		}
		for j := i; j < n; j++ {
			p[i], p[j] = p[j], p[i]
			s := sign
			if j != i {
				s = -s
			}
			rec(i+1, s)
			p[i], p[j] = p[j], p[i]
		}
	}
	rec(0, 1)
}
