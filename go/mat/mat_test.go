package mat_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"mlmath/internal/testdata"
	"mlmath/mat"
)

const eps = testdata.Eps

var (
	nan = math.NaN()
	inf = math.Inf(1)
)

func randMat(rng *rand.Rand, m, n int) []float64 {
	a := make([]float64, m*n)
	for i := range a {
		a[i] = rng.NormFloat64()
	}
	return a
}

func nanFilled(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = nan
	}
	return s
}

func identity(n int) []float64 {
	a := make([]float64, n*n)
	for i := range n {
		a[i*n+i] = 1
	}
	return a
}

// naiveMul returns a·b by the textbook triple loop and, per entry, the
// bound sum_p |a_ip b_pj| of the "sum" tolerance rule.
func naiveMul(a, b []float64, m, k, n int) (c, abs []float64) {
	c, abs = make([]float64, m*n), make([]float64, m*n)
	for i := range m {
		for j := range n {
			for p := range k {
				v := a[i*k+p] * b[p*n+j]
				c[i*n+j] += v
				abs[i*n+j] += math.Abs(v)
			}
		}
	}
	return c, abs
}

// normInf returns the max row sum of |a|, for an m×n matrix a.
func normInf(a []float64, m, n int) float64 {
	var r float64
	for i := range m {
		var s float64
		for j := range n {
			s += math.Abs(a[i*n+j])
		}
		r = math.Max(r, s)
	}
	return r
}

// condInf returns the condition number ||A||_inf ||A^-1||_inf.
func condInf(a []float64, n int) float64 {
	ainv := make([]float64, n*n)
	if err := mat.Inv(ainv, a, n); err != nil {
		return math.Inf(1)
	}
	return normInf(a, n, n) * normInf(ainv, n, n)
}

// checkPanicShape fails unless f panics with mat.ErrShape.
func checkPanicShape(t *testing.T, name string, f func()) {
	t.Helper()
	r := testdata.Panics(f)
	if err, ok := r.(error); !ok || !errors.Is(err, mat.ErrShape) {
		t.Errorf("%s: panic value %v, want mat.ErrShape", name, r)
	}
}

func TestShapePanics(t *testing.T) {
	s := func(n int) []float64 { return make([]float64, n) }
	cases := []struct {
		name string
		f    func()
	}{
		{"Mul a", func() { mat.Mul(s(4), s(5), s(6), 2, 3, 2) }},
		{"Mul b", func() { mat.Mul(s(4), s(6), s(5), 2, 3, 2) }},
		{"Mul dst", func() { mat.Mul(s(5), s(6), s(6), 2, 3, 2) }},
		{"Mul inner dimension", func() { mat.Mul(s(4), s(6), s(4), 2, 3, 2) }},
		{"Mul negative", func() { mat.Mul(s(0), s(0), s(0), -1, 0, 2) }},
		{"Transpose a", func() { mat.Transpose(s(6), s(5), 2, 3) }},
		{"Transpose dst", func() { mat.Transpose(s(5), s(6), 2, 3) }},
		{"Transpose negative", func() { mat.Transpose(s(0), s(0), -2, 0) }},
		{"Det", func() { mat.Det(s(5), 2) }},
		{"Det negative", func() { mat.Det(s(0), -1) }},
		{"Inv a", func() { _ = mat.Inv(s(4), s(9), 2) }},
		{"Inv dst", func() { _ = mat.Inv(s(9), s(4), 2) }},
		{"Inv NaN a wrong dst", func() { _ = mat.Inv(s(3), []float64{nan, 1, 1, 1}, 2) }},
		{"Solve a", func() { _ = mat.Solve(s(2), s(3), s(2), 2, 1) }},
		{"Solve b", func() { _ = mat.Solve(s(2), s(4), s(3), 2, 1) }},
		{"Solve dst", func() { _ = mat.Solve(s(4), s(4), s(2), 2, 1) }},
		{"Solve b k", func() { _ = mat.Solve(s(4), s(4), s(2), 2, 2) }},
		{"Solve NaN a wrong dst", func() { _ = mat.Solve(s(3), []float64{nan, 1, 1, 1}, s(2), 2, 1) }},
		{"Solve negative k", func() { _ = mat.Solve(s(0), s(4), s(0), 2, -1) }},
		{"Factorize", func() { mat.Factorize(s(3), 2) }},
		{"LU.SolveTo b", func() { _ = mat.Factorize(identity(2), 2).SolveTo(s(2), s(3), 1) }},
		{"LU.SolveTo dst", func() { _ = mat.Factorize(identity(2), 2).SolveTo(s(3), s(2), 1) }},
	}
	for _, tc := range cases {
		checkPanicShape(t, tc.name, tc.f)
	}
}

func TestMul(t *testing.T) {
	// Small integers: every product and sum is exact.
	tests := []struct {
		name    string
		a, b    []float64
		m, k, n int
		want    []float64
	}{
		{"notes", []float64{1, 2, 3, 4}, []float64{5, 6, 7, 8}, 2, 2, 2, []float64{19, 22, 43, 50}},
		{"2x3 3x2", []float64{1, 2, 3, 4, 5, 6}, []float64{7, 8, 9, 10, 11, 12}, 2, 3, 2, []float64{58, 64, 139, 154}},
		{"3x2 2x3", []float64{1, 2, 3, 4, 5, 6}, []float64{7, 8, 9, 10, 11, 12}, 3, 2, 3,
			[]float64{27, 30, 33, 61, 68, 75, 95, 106, 117}},
		{"3x0 0x2", nil, nil, 3, 0, 2, make([]float64, 6)},
		{"0x3 3x2", nil, []float64{1, 2, 3, 4, 5, 6}, 0, 3, 2, []float64{}},
		{"2x3 3x0", []float64{1, 2, 3, 4, 5, 6}, nil, 2, 3, 0, []float64{}},
		{"0x0 0x0", nil, nil, 0, 0, 0, []float64{}},
		{"row col", []float64{1, 2, 3}, []float64{4, 5, 6}, 1, 3, 1, []float64{32}},
		{"col row", []float64{1, 2}, []float64{3, 4, 5}, 2, 1, 3, []float64{3, 4, 5, 6, 8, 10}},
		// BLAS semantics: no term is skipped, so 0*Inf = NaN spreads.
		{"inf times zero", []float64{1, inf, 0, 1}, []float64{1, 0, 0, 2}, 2, 2, 2, []float64{nan, inf, 0, 2}},
		{"nan", []float64{nan, 0, 0, 1}, []float64{1, 2, 3, 4}, 2, 2, 2, []float64{nan, nan, 3, 4}},
	}
	for _, tc := range tests {
		dst := nanFilled(tc.m * tc.n) // dst is overwritten, never read
		got := mat.Mul(dst, tc.a, tc.b, tc.m, tc.k, tc.n)
		if !testdata.Same(got, tc.want) || !testdata.Same(dst, tc.want) {
			t.Errorf("%s: Mul = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestMulRandom covers the small loop, the packed kernel with edge tiles,
// and the parallel split, against the naive triple loop.
func TestMulRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, d := range [][3]int{{1, 1, 1}, {7, 5, 9}, {31, 33, 32}, {40, 50, 33}, {65, 67, 63}, {130, 7, 200}, {5, 300, 270}, {257, 129, 131}} {
		m, k, n := d[0], d[1], d[2]
		a, b := randMat(rng, m, k), randMat(rng, k, n)
		want, abs := naiveMul(a, b, m, k, n)
		got := mat.Mul(nanFilled(m*n), a, b, m, k, n)
		for i := range want {
			if tol := testdata.Safety * float64(k) * eps * abs[i]; !(math.Abs(got[i]-want[i]) <= tol) {
				t.Fatalf("%dx%dx%d: entry %d = %v, want %v (tol %.3g)", m, k, n, i, got[i], want[i], tol)
			}
		}
	}
}

func TestMulIdentity(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 6, 50} {
		a := randMat(rng, n, n)
		if got := mat.Mul(make([]float64, n*n), a, identity(n), n, n, n); !testdata.Same(got, a) {
			t.Errorf("n=%d: A·I != A", n)
		}
		if got := mat.Mul(make([]float64, n*n), identity(n), a, n, n, n); !testdata.Same(got, a) {
			t.Errorf("n=%d: I·A != A", n)
		}
	}
}

func TestTranspose(t *testing.T) {
	tests := []struct {
		name string
		a    []float64
		m, n int
		want []float64
	}{
		{"2x3", []float64{1, 2, 3, 4, 5, 6}, 2, 3, []float64{1, 4, 2, 5, 3, 6}},
		{"1x4", []float64{1, -2, nan, inf}, 1, 4, []float64{1, -2, nan, inf}},
		{"0x3", nil, 0, 3, []float64{}},
		{"3x0", nil, 3, 0, []float64{}},
		{"1x1", []float64{7}, 1, 1, []float64{7}},
	}
	for _, tc := range tests {
		dst := nanFilled(tc.m * tc.n)
		if got := mat.Transpose(dst, tc.a, tc.m, tc.n); !testdata.Same(got, tc.want) || !testdata.Same(dst, tc.want) {
			t.Errorf("%s: Transpose = %v, want %v", tc.name, got, tc.want)
		}
	}
	// Sizes around the 32×32 tile: entry (i, j) goes to (j, i).
	rng := rand.New(rand.NewPCG(5, 6))
	for _, d := range [][2]int{{31, 33}, {32, 32}, {33, 1}, {70, 45}, {100, 3}} {
		m, n := d[0], d[1]
		a := randMat(rng, m, n)
		at := mat.Transpose(nanFilled(m*n), a, m, n)
		for i := range m {
			for j := range n {
				if at[j*m+i] != a[i*n+j] {
					t.Fatalf("%dx%d: T[%d][%d] = %v, want %v", m, n, j, i, at[j*m+i], a[i*n+j])
				}
			}
		}
		if back := mat.Transpose(make([]float64, m*n), at, n, m); !testdata.Same(back, a) {
			t.Errorf("%dx%d: (A^T)^T != A", m, n)
		}
	}
}

// laplaceDet returns the determinant by cofactor expansion along the first
// row (an algorithm independent of LU) and the permanent of |a|, which
// bounds the rounding error of any elimination: an LU with partial pivoting
// gives det(A + E), |E| <= ~n*eps*|L||U|, and d det = sum cof_ij E_ij.
func laplaceDet(a []float64, n int) (det, perm float64) {
	if n == 0 {
		return 1, 1
	}
	if n == 1 {
		return a[0], math.Abs(a[0])
	}
	minor := make([]float64, (n-1)*(n-1))
	sign := 1.0
	for j := range n {
		idx := 0
		for r := 1; r < n; r++ {
			for c := range n {
				if c != j {
					minor[idx] = a[r*n+c]
					idx++
				}
			}
		}
		d, p := laplaceDet(minor, n-1)
		det += sign * a[j] * d
		perm += math.Abs(a[j]) * p
		sign = -sign
	}
	return det, perm
}

func TestDet(t *testing.T) {
	tests := []struct {
		name string
		a    []float64
		n    int
		want float64
		tol  float64 // relative, in units of eps
	}{
		{"0x0", nil, 0, 1, 0},
		{"1x1", []float64{-3.5}, 1, -3.5, 0},
		{"notes", []float64{1, 2, 3, 4}, 2, -2, 8}, // 1*4 - 2*3
		{"tridiagonal", []float64{2, -1, 0, -1, 2, -1, 0, -1, 2}, 3, 4, 16},
		{"upper triangular", []float64{2, 7, -3, 0, 3, 5, 0, 0, 5}, 3, 30, 0},
		{"lower triangular", []float64{2, 0, 0, 7, 3, 0, -3, 5, 5}, 3, 30, 8},
		// Exactly singular: LU meets an exactly zero pivot, det is exactly 0.
		{"singular 2x2", []float64{1, 2, 2, 4}, 2, 0, 0},
		{"zero column", []float64{1, 0, 3, 4, 0, 6, 7, 0, 9}, 3, 0, 0},
		{"zero row", []float64{1, 2, 3, 0, 0, 0, 4, 5, 6}, 3, 0, 0},
		{"equal rows", []float64{1, 2, 3, 1, 2, 3, 4, 5, 6}, 3, 0, 0},
		{"zero matrix", make([]float64, 16), 4, 0, 0},
		// The diagonal product overflows (underflows) in a naive running
		// product, but the determinant is finite: 1e200*1e200*1e-200 = 1e200.
		{"overflowing running product", []float64{1e200, 0, 0, 0, 1e200, 0, 0, 0, 1e-200}, 3, 1e200, 4},
		{"underflowing running product", []float64{1e-200, 0, 0, 0, 1e-200, 0, 0, 0, 1e200}, 3, 1e-200, 4},
		{"running product 2^1600", []float64{0x1p1000, 0, 0, 0, 0x1p600, 0, 0, 0, 0x1p-1000}, 3, 0x1p600, 0},
		// And where the determinant itself over/underflows, so does Det.
		{"overflow", []float64{1e200, 0, 0, 1e200}, 2, inf, 0},
		{"underflow", []float64{1e-200, 0, 0, 1e-200}, 2, 0, 0},
		{"subnormal", []float64{0x1p-1000, 0, 0, 0x1p-60}, 2, 0x1p-1060, 0},
		{"nan", []float64{nan, 1, 1, 1}, 2, nan, 0},
		{"nan off the pivot", []float64{1, 2, 3, nan}, 2, nan, 0},
		{"nan with zero pivot", []float64{0, 1, nan, 0}, 2, nan, 0},
		{"inf", []float64{inf, 1, 1, 1}, 2, inf, 0},
	}
	for _, tc := range tests {
		got := mat.Det(tc.a, tc.n)
		ok := got == tc.want || math.IsNaN(got) && math.IsNaN(tc.want) ||
			!math.IsInf(tc.want, 0) && math.Abs(got-tc.want) <= tc.tol*eps*math.Abs(tc.want)
		if !ok {
			t.Errorf("%s: Det = %v, want %v", tc.name, got, tc.want)
		}
		if tc.want == 0 && !math.IsNaN(got) && math.Signbit(got) {
			t.Errorf("%s: Det = -0, want +0", tc.name)
		}
	}
}

// TestDetPermutations: the determinant of a permutation matrix is the sign
// of the permutation (-1 to the number of inversions), exactly; and
// permuting the rows of A multiplies det(A) by that sign.
func TestDetPermutations(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{2, 3, 4, 7} {
		base := randMat(rng, n, n)
		want0 := mat.Det(base, n)
		for range 20 {
			p := rng.Perm(n)
			inversions := 0
			for i := range n {
				for j := i + 1; j < n; j++ {
					if p[i] > p[j] {
						inversions++
					}
				}
			}
			sign := 1.0
			if inversions%2 == 1 {
				sign = -1
			}
			pm, pa := make([]float64, n*n), make([]float64, n*n)
			for i := range n {
				pm[i*n+p[i]] = 1
				copy(pa[i*n:i*n+n], base[p[i]*n:p[i]*n+n])
			}
			if got := mat.Det(pm, n); got != sign {
				t.Errorf("perm %v: Det = %v, want %v", p, got, sign)
			}
			// Partial pivoting picks the same pivots whatever the row order
			// (up to ties), so the rounding is the same.
			if got, want := mat.Det(pa, n), sign*want0; !(math.Abs(got-want) <= 4*float64(n)*eps*math.Abs(want)) {
				t.Errorf("perm %v: Det(PA) = %v, want %v", p, got, want)
			}
		}
	}
}

func TestDetRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{2, 3, 4, 5, 6, 7} {
		for range 5 {
			a := randMat(rng, n, n)
			want, perm := laplaceDet(a, n)
			if got, tol := mat.Det(a, n), testdata.Safety*float64(n*n)*eps*perm; !(math.Abs(got-want) <= tol) {
				t.Errorf("n=%d: Det = %v, cofactor expansion %v (tol %.3g)", n, got, want, tol)
			}
		}
	}
	// det(AB) = det(A) det(B), for a size too big for cofactors.
	n := 40
	a, b := randMat(rng, n, n), randMat(rng, n, n)
	ab := mat.Mul(make([]float64, n*n), a, b, n, n, n)
	da, db, dab := mat.Det(a, n), mat.Det(b, n), mat.Det(ab, n)
	// Each determinant carries a relative error of about n*eps*cond.
	tol := testdata.Safety * float64(n) * eps * (condInf(a, n) + condInf(b, n) + condInf(ab, n))
	if rel := math.Abs(dab-da*db) / math.Abs(da*db); !(rel <= tol) {
		t.Errorf("det(AB) = %v, det(A)det(B) = %v (rel %.3g > %.3g)", dab, da*db, rel, tol)
	}
}

// hilbertInverse returns the exact inverse of the n×n Hilbert matrix
// H_ij = 1/(i+j-1) (1-based): (-1)^(i+j) (i+j-1) C(n+i-1, n-j)
// C(n+j-1, n-i) C(i+j-2, i-1)^2, integers exactly representable for n <= 8.
func hilbertInverse(n int) []float64 {
	binom := func(a, b int) int64 {
		r := int64(1)
		for i := 1; i <= b; i++ {
			r = r * int64(a-b+i) / int64(i)
		}
		return r
	}
	inv := make([]float64, n*n)
	for i := 1; i <= n; i++ {
		for j := 1; j <= n; j++ {
			c := binom(i+j-2, i-1)
			v := int64(i+j-1) * binom(n+i-1, n-j) * binom(n+j-1, n-i) * c * c
			if (i+j)%2 == 1 {
				v = -v
			}
			inv[(i-1)*n+j-1] = float64(v)
		}
	}
	return inv
}

func hilbert(n int) []float64 {
	h := make([]float64, n*n)
	for i := range n {
		for j := range n {
			h[i*n+j] = 1 / float64(i+j+1)
		}
	}
	return h
}

func TestInv(t *testing.T) {
	// [[1,2],[3,4]]^-1 = 1/(4-6) [[4,-2],[-3,1]] = [[-2,1],[1.5,-0.5]].
	dst := make([]float64, 4)
	if err := mat.Inv(dst, []float64{1, 2, 3, 4}, 2); err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{-2, 1, 1.5, -0.5} {
		if math.Abs(dst[i]-w) > 16*eps*math.Abs(w) {
			t.Errorf("Inv(notes) = %v, want [-2 1 1.5 -0.5]", dst)
			break
		}
	}
	// Hilbert 6×6 against its exact integer inverse; cond_inf(H6) ~ 2.9e7.
	n := 6
	h, want := hilbert(n), hilbertInverse(n)
	got := make([]float64, n*n)
	if err := mat.Inv(got, h, n); err != nil {
		t.Fatal(err)
	}
	cond := normInf(h, n, n) * normInf(want, n, n)
	var errMax, wantMax float64
	for i := range want {
		errMax = math.Max(errMax, math.Abs(got[i]-want[i]))
		wantMax = math.Max(wantMax, math.Abs(want[i]))
	}
	if tol := testdata.Safety * float64(n) * eps * cond * wantMax; !(errMax <= tol) {
		t.Errorf("Inv(H6): max error %.3g > %.3g", errMax, tol)
	}
	// A permutation matrix: the inverse is the transpose, exactly.
	p := []float64{0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0}
	pinv := make([]float64, 16)
	if err := mat.Inv(pinv, p, 4); err != nil || !testdata.Same(pinv, mat.Transpose(make([]float64, 16), p, 4, 4)) {
		t.Errorf("Inv(P) = %v, %v, want P^T", pinv, err)
	}
	// 0×0.
	if err := mat.Inv(nil, nil, 0); err != nil {
		t.Errorf("Inv(0x0) error %v", err)
	}
}

// TestInvResidual: A·X ≈ I with the backward-stable bound
// ||A X - I|| <= c n eps ||A|| ||X||.
func TestInvResidual(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{1, 2, 5, 10, 50, 120} {
		a := randMat(rng, n, n)
		a0 := append([]float64(nil), a...)
		x := nanFilled(n * n)
		if err := mat.Inv(x, a, n); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		if !testdata.Same(a, a0) {
			t.Fatalf("n=%d: Inv modified a", n)
		}
		r := mat.Mul(make([]float64, n*n), a, x, n, n, n)
		for i := range n {
			r[i*n+i]--
		}
		if res, tol := normInf(r, n, n), testdata.Safety*float64(n)*eps*normInf(a, n, n)*normInf(x, n, n); !(res <= tol) {
			t.Errorf("n=%d: ||AX - I|| = %.3g > %.3g", n, res, tol)
		}
	}
}

func TestSingular(t *testing.T) {
	for _, tc := range []struct {
		name string
		a    []float64
		n    int
	}{
		{"2x2", []float64{1, 2, 2, 4}, 2},
		{"zero column", []float64{1, 0, 3, 4, 0, 6, 7, 0, 9}, 3},
		{"equal rows", []float64{1, 2, 3, 1, 2, 3, 4, 5, 6}, 3},
		{"zero 1x1", []float64{0}, 1},
	} {
		n := tc.n
		if err := mat.Inv(make([]float64, n*n), tc.a, n); !errors.Is(err, mat.ErrSingular) {
			t.Errorf("%s: Inv error %v, want ErrSingular", tc.name, err)
		}
		if err := mat.Solve(make([]float64, n), tc.a, make([]float64, n), n, 1); !errors.Is(err, mat.ErrSingular) {
			t.Errorf("%s: Solve error %v, want ErrSingular", tc.name, err)
		}
		if err := mat.Solve(make([]float64, 2*n), tc.a, make([]float64, 2*n), n, 2); !errors.Is(err, mat.ErrSingular) {
			t.Errorf("%s: Solve k=2 error %v, want ErrSingular", tc.name, err)
		}
		f := mat.Factorize(tc.a, n)
		if !f.Singular() || f.Det() != 0 {
			t.Errorf("%s: Factorize: Singular() = %v, Det() = %v", tc.name, f.Singular(), f.Det())
		}
		if err := f.SolveTo(make([]float64, n), make([]float64, n), 1); !errors.Is(err, mat.ErrSingular) {
			t.Errorf("%s: LU.SolveTo error %v, want ErrSingular", tc.name, err)
		}
	}
	// Ill-conditioned is not singular: cond ~ 4e10.
	if err := mat.Inv(make([]float64, 4), []float64{1, 1, 1, 1 + 1e-10}, 2); err != nil {
		t.Errorf("nearly singular: Inv error %v, want nil", err)
	}
}

func TestSolve(t *testing.T) {
	a := []float64{1, 2, 3, 4}
	// [[1,2],[3,4]] x = [5,6]: x = A^-1 b = [-2*5+1*6, 1.5*5-0.5*6] = [-4, 4.5].
	x := make([]float64, 2)
	if err := mat.Solve(x, a, []float64{5, 6}, 2, 1); err != nil {
		t.Fatal(err)
	}
	if math.Abs(x[0]+4) > 16*eps*4 || math.Abs(x[1]-4.5) > 16*eps*4.5 {
		t.Errorf("Solve(notes, [5 6]) = %v, want [-4 4.5]", x)
	}
	// k = 2: B = [[5,6],[7,8]], X = A^-1 B = [[-3,-4],[4,5]].
	xb := make([]float64, 4)
	if err := mat.Solve(xb, a, []float64{5, 6, 7, 8}, 2, 2); err != nil {
		t.Fatal(err)
	}
	for i, w := range []float64{-3, -4, 4, 5} {
		if math.Abs(xb[i]-w) > 32*eps*math.Abs(w) {
			t.Errorf("Solve(notes, B) = %v, want [-3 -4 4 5]", xb)
			break
		}
	}
	// k = 0 and n = 0.
	if err := mat.Solve(nil, a, nil, 2, 0); err != nil {
		t.Errorf("k=0: %v", err)
	}
	if err := mat.Solve(nil, nil, nil, 0, 3); err != nil {
		t.Errorf("n=0: %v", err)
	}
}

// TestSolveManyRHS: for k > 1 right-hand sides, A·X ≈ B column by column,
// each column agrees with a k=1 solve, and X matches a known solution
// within n*eps*cond.
func TestSolveManyRHS(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, d := range [][2]int{{1, 3}, {3, 2}, {8, 5}, {50, 7}, {100, 1}} {
		n, k := d[0], d[1]
		a := randMat(rng, n, n)
		for i := range n {
			a[i*n+i] += 2 * math.Sqrt(float64(n)) // well conditioned
		}
		xTrue := randMat(rng, n, k)
		b := mat.Mul(make([]float64, n*k), a, xTrue, n, n, k)
		a0, b0 := append([]float64(nil), a...), append([]float64(nil), b...)
		x := nanFilled(n * k)
		if err := mat.Solve(x, a, b, n, k); err != nil {
			t.Fatalf("n=%d k=%d: %v", n, k, err)
		}
		if !testdata.Same(a, a0) || !testdata.Same(b, b0) {
			t.Fatalf("n=%d k=%d: Solve modified its inputs", n, k)
		}
		cond := condInf(a, n)
		// Residual and forward error.
		r := mat.Mul(make([]float64, n*k), a, x, n, n, k)
		for i := range r {
			r[i] -= b[i]
		}
		if res, tol := normInf(r, n, k), testdata.Safety*float64(n)*eps*normInf(a, n, n)*normInf(x, n, k); !(res <= tol) {
			t.Errorf("n=%d k=%d: ||AX - B|| = %.3g > %.3g", n, k, res, tol)
		}
		var errMax, xMax float64
		for i := range x {
			errMax = math.Max(errMax, math.Abs(x[i]-xTrue[i]))
			xMax = math.Max(xMax, math.Abs(xTrue[i]))
		}
		// B = A·X_true carries its own rounding; it adds ~n*eps*cond too.
		if tol := 2 * testdata.Safety * float64(n) * eps * cond * xMax; !(errMax <= tol) {
			t.Errorf("n=%d k=%d: forward error %.3g > %.3g (cond %.3g)", n, k, errMax, tol, cond)
		}
		for c := range k {
			bc, xc := make([]float64, n), make([]float64, n)
			for i := range n {
				bc[i] = b[i*k+c]
			}
			if err := mat.Solve(xc, a, bc, n, 1); err != nil {
				t.Fatal(err)
			}
			for i := range n {
				if d := math.Abs(xc[i] - x[i*k+c]); d > testdata.Safety*float64(n)*eps*cond*xMax {
					t.Fatalf("n=%d k=%d: column %d differs from its k=1 solve by %.3g", n, k, c, d)
				}
			}
		}
	}
}

func TestNaNRule(t *testing.T) {
	a := []float64{1, 2, 3, nan}
	dst := make([]float64, 4)
	if err := mat.Inv(dst, a, 2); err != nil || !testdata.Same(dst, []float64{nan, nan, nan, nan}) {
		t.Errorf("Inv(NaN matrix) = %v, %v, want all NaN, nil", dst, err)
	}
	x := make([]float64, 4)
	if err := mat.Solve(x, a, []float64{1, 2, 3, 4}, 2, 2); err != nil || !testdata.Same(x, []float64{nan, nan, nan, nan}) {
		t.Errorf("Solve(NaN matrix) = %v, %v, want all NaN, nil", x, err)
	}
	// A NaN in one column of B makes that column NaN; the other is solved:
	// [[1,2],[3,4]] x = [5,7] gives x = [-3, 4].
	if err := mat.Solve(x, []float64{1, 2, 3, 4}, []float64{5, 1, 7, nan}, 2, 2); err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(x[1]) || !math.IsNaN(x[3]) || math.Abs(x[0]+3) > 32*eps || math.Abs(x[2]-4) > 32*eps {
		t.Errorf("Solve(B with a NaN column) = %v, want [-3 NaN 4 NaN]", x)
	}
	// A NaN in the singular matrix: NaN wins over the singularity.
	if err := mat.Inv(dst, []float64{0, 0, 0, nan}, 2); err != nil || !math.IsNaN(dst[0]) {
		t.Errorf("Inv(singular with NaN) = %v, %v, want NaN, nil", dst, err)
	}
}

func TestFactorize(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	n := 9
	a := randMat(rng, n, n)
	a0 := append([]float64(nil), a...)
	f := mat.Factorize(a, n)
	if !testdata.Same(a, a0) {
		t.Fatal("Factorize modified a")
	}
	if f.Singular() {
		t.Fatal("random matrix reported singular")
	}
	if got, want := f.Det(), mat.Det(a, n); got != want {
		t.Errorf("LU.Det = %v, Det = %v", got, want)
	}
	// SolveTo with dst aliasing b (documented), k = 3.
	k := 3
	b := randMat(rng, n, k)
	want := make([]float64, n*k)
	if err := mat.Solve(want, a, b, n, k); err != nil {
		t.Fatal(err)
	}
	if err := f.SolveTo(b, b, k); err != nil {
		t.Fatal(err)
	}
	if !testdata.Same(b, want) {
		t.Errorf("SolveTo(dst=b) = %v, want %v", b, want)
	}
	// The factorization is reusable: A·X = I gives the inverse.
	x, ainv := make([]float64, n*n), make([]float64, n*n)
	if err := f.SolveTo(x, identity(n), n); err != nil {
		t.Fatal(err)
	}
	if err := mat.Inv(ainv, a, n); err != nil || !testdata.Same(x, ainv) {
		t.Errorf("LU.SolveTo(I) differs from Inv (error %v)", err)
	}
}

// TestCheckSizeOverflow: rows*cols can overflow int; a huge shape must not
// pass checkSize by wrapping around to the length of a short slice.
func TestCheckSizeOverflow(t *testing.T) {
	checkPanicShape(t, "Transpose 2^32 x 2^32", func() { mat.Transpose(nil, nil, 1<<32, 1<<32) })
}

func ExampleMul() {
	a := []float64{1, 2, 3, 4} // [[1 2] [3 4]]
	b := []float64{5, 6, 7, 8} // [[5 6] [7 8]]
	c := mat.Mul(make([]float64, 4), a, b, 2, 2, 2)
	// [[1*5+2*7 1*6+2*8] [3*5+4*7 3*6+4*8]]
	fmt.Printf("%.1f\n", c)
	// Output: [19.0 22.0 43.0 50.0]
}

func ExampleDet() {
	// 1*4 - 2*3 = -2
	fmt.Printf("%.6f\n", mat.Det([]float64{1, 2, 3, 4}, 2))
	// Exactly singular: exactly 0.
	fmt.Printf("%.6f\n", mat.Det([]float64{1, 2, 2, 4}, 2))
	// Output:
	// -2.000000
	// 0.000000
}

func ExampleInv() {
	inv := make([]float64, 4)
	err := mat.Inv(inv, []float64{1, 2, 3, 4}, 2)
	// 1/(1*4-2*3) * [[4 -2] [-3 1]]
	fmt.Printf("%.4f %v\n", inv, err)
	fmt.Println(mat.Inv(inv, []float64{1, 2, 2, 4}, 2))
	// Output:
	// [-2.0000 1.0000 1.5000 -0.5000] <nil>
	// mat: singular matrix
}

func ExampleSolve() {
	a := []float64{1, 2, 3, 4}
	x := make([]float64, 2)
	_ = mat.Solve(x, a, []float64{5, 6}, 2, 1) // 1*(-4) + 2*4.5 = 5, 3*(-4) + 4*4.5 = 6
	fmt.Printf("%.4f\n", x)
	xb := make([]float64, 4)
	_ = mat.Solve(xb, a, []float64{5, 6, 7, 8}, 2, 2) // two right-hand sides
	fmt.Printf("%.4f\n", xb)
	// Output:
	// [-4.0000 4.5000]
	// [-3.0000 -4.0000 4.0000 5.0000]
}
