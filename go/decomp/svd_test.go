package decomp

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// checkSVD checks LAPACK's ratios for A = U·diag(s)·Vᵀ: the reconstruction
// ||U·S·Vᵀ - A|| / (max(m,n) ||A|| eps), the orthogonality of U's columns
// and Vᵀ's rows, and s non-negative and descending.
func checkSVD(t *testing.T, name string, a []float64, m, n int, full bool) []float64 {
	t.Helper()
	k := min(m, n)
	uc, vr := k, k
	if full {
		uc, vr = m, n
	}
	u, s, vt := make([]float64, m*uc), make([]float64, k), make([]float64, vr*n)
	if err := SVD(u, s, vt, a, m, n, full); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for j := range k {
		if s[j] < 0 || (j > 0 && s[j] > s[j-1]) {
			t.Fatalf("%s: singular values %v not descending and >= 0", name, s)
		}
	}
	// U·diag(s)·Vᵀ from the first k columns and rows.
	us := make([]float64, m*k)
	for i := range m {
		for j := range k {
			us[i*k+j] = u[i*uc+j] * s[j]
		}
	}
	rec := mulT(us, transpose(vt[:k*n], k, n), m, n, k)
	if na := normF(a); k > 0 && na > 0 {
		if ratio := diffF(rec, a) / (float64(max(m, n)) * na * eps); ratio > ratioLimit {
			t.Errorf("%s: ||U S Vᵀ - A|| / (max(m,n) ||A|| eps) = %.1f", name, ratio)
		}
	}
	orth := func(what string, rows []float64, r, c int) {
		g := mulT(rows, rows, r, r, c)
		for i := range r {
			g[i*r+i]--
		}
		if ratio := normF(g) / (float64(max(r, c)) * eps); ratio > ratioLimit {
			t.Errorf("%s: %s not orthonormal: ratio %.1f", name, what, ratio)
		}
	}
	orth("U's columns", transpose(u, m, uc), uc, m)
	orth("Vᵀ's rows", vt, vr, n)
	return s
}

func TestSVD(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, sh := range [][2]int{{0, 0}, {0, 3}, {3, 0}, {1, 1}, {1, 5}, {5, 1}, {6, 4}, {4, 6}, {40, 40}, {70, 33}, {33, 70}, {100, 100}} {
		m, n := sh[0], sh[1]
		a := randMat(rng, m, n)
		for _, full := range []bool{false, true} {
			checkSVD(t, fmt.Sprintf("%dx%d full=%v", m, n, full), a, m, n, full)
		}
	}
}

func TestSVDSpecial(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	rank2 := mulT(randMat(rng, 30, 2), randMat(rng, 20, 2), 30, 20, 2)
	zero := make([]float64, 12)
	hilbert := make([]float64, 12*12)
	for i := range 12 {
		for j := range 12 {
			hilbert[i*12+j] = 1 / float64(i+j+1)
		}
	}
	spread := randMat(rng, 25, 15)
	for i := range 25 {
		for j := range 15 {
			spread[i*15+j] *= math.Pow(10, float64(j)/14*16-8)
		}
	}
	for _, tc := range []struct {
		name string
		a    []float64
		m, n int
	}{
		{"rank 2", rank2, 30, 20},
		{"rank 2 wide", transpose(rank2, 30, 20), 20, 30},
		{"zero", zero, 3, 4},
		{"hilbert", hilbert, 12, 12},
		{"columns 1e-8..1e8", spread, 25, 15},
		{"huge", []float64{1e300, 2e300, 3e300, 4e300}, 2, 2},
	} {
		for _, full := range []bool{false, true} {
			s := checkSVD(t, fmt.Sprintf("%s full=%v", tc.name, full), tc.a, tc.m, tc.n, full)
			if tc.name == "rank 2" && s[2] > 1e-12*s[0] {
				t.Errorf("rank 2: third singular value %v, want ~0", s[2])
			}
		}
	}
	// Known values: diag(3, -4) has singular values 4 and 3.
	s := checkSVD(t, "diag", []float64{3, 0, 0, -4}, 2, 2, false)
	if s[0] != 4 || s[1] != 3 {
		t.Errorf("diag(3, -4): s = %v, want [4 3]", s)
	}
}

// orthogonal returns a random n×n orthogonal matrix: the Q of a Gaussian
// matrix.
func orthogonal(rng *rand.Rand, n int) []float64 {
	q, r := make([]float64, n*n), make([]float64, n*n)
	QR(q, r, randMat(rng, n, n), n, n)
	return q
}

// TestSVDKnownValues builds A = U·diag(σ)·Vᵀ from random orthogonal U, V
// and chosen descending σ (repeated, graded, zero) and checks that SVD finds σ within
// n·eps·σ_max.
func TestSVDKnownValues(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	n := 24
	cases := map[string]func(i int) float64{
		"repeated":  func(i int) float64 { return float64(3 - i/8) },
		"graded":    func(i int) float64 { return math.Pow(10, -float64(i)/2) },
		"zeros":     func(i int) float64 { return float64(max(0, 12-i)) },
		"all equal": func(int) float64 { return 2.5 },
	}
	for name, sigma := range cases {
		want := make([]float64, n)
		for i := range n {
			want[i] = sigma(i)
		}
		u, v := orthogonal(rng, n), orthogonal(rng, n)
		us := make([]float64, n*n)
		for i := range n {
			for j := range n {
				us[i*n+j] = u[i*n+j] * want[j]
			}
		}
		a := mulT(us, v, n, n, n) // U·diag(σ)·Vᵀ
		s := checkSVD(t, name, a, n, n, false)
		for i := range n {
			if d := math.Abs(s[i] - want[i]); d > float64(n)*eps*want[0] {
				t.Errorf("%s: σ_%d = %v, want %v (|diff| %.2g)", name, i, s[i], want[i], d)
			}
		}
	}
}

// TestSVDBidiagonalZeros gives the bidiagonal iteration zeros on its
// diagonal: an upper bidiagonal input stays bidiagonal under the
// reduction, so its zero diagonal entries reach bidiagonalQR, in the
// middle (a row to chase out) and at the end (a column).
func TestSVDBidiagonalZeros(t *testing.T) {
	for _, tc := range []struct {
		name string
		d, e []float64
	}{
		{"zero in the middle", []float64{3, 1, 0, 2, 5}, []float64{1, 2, 1, 4}},
		{"zero at the end", []float64{3, 1, 4, 2, 0}, []float64{1, 2, 1, 4}},
		{"zero at the start", []float64{0, 1, 4, 2, 1}, []float64{1, 2, 1, 4}},
		{"all zero diagonal", []float64{0, 0, 0, 0}, []float64{1, 2, 3}},
		{"tiny diagonal", []float64{1e-30, 1, 1e-30, 1}, []float64{1, 1e-20, 1}},
	} {
		n := len(tc.d)
		a := make([]float64, n*n)
		for i := range n {
			a[i*n+i] = tc.d[i]
			if i < n-1 {
				a[i*n+i+1] = tc.e[i]
			}
		}
		for _, full := range []bool{false, true} {
			checkSVD(t, fmt.Sprintf("%s full=%v", tc.name, full), a, n, n, full)
		}
	}
}

// TestSVDExtremeScales checks matrices whose entries are all tiny
// (subnormal included) or all huge: the power-of-two scaling keeps the
// shifts' squares in range.
func TestSVDExtremeScales(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	for _, scale := range []float64{1e-300, 5e-320, 1e300} {
		a := randMat(rng, 9, 7)
		for i := range a {
			a[i] *= scale
		}
		s := checkSVD(t, fmt.Sprintf("scale %g", scale), a, 9, 7, false)
		if s[0] == 0 || math.IsInf(s[0], 0) {
			t.Errorf("scale %g: largest singular value %v", scale, s[0])
		}
	}
}

func TestSVDNonFinite(t *testing.T) {
	u, s, vt := make([]float64, 4), make([]float64, 2), make([]float64, 4)
	if err := SVD(u, s, vt, []float64{1, math.NaN(), 0, 1}, 2, 2, false); err != ErrNotFinite {
		t.Errorf("NaN: error %v, want ErrNotFinite", err)
	}
}

func ExampleSVD() {
	a := []float64{
		3, 0,
		4, 5,
	}
	u, s, vt := make([]float64, 4), make([]float64, 2), make([]float64, 4)
	if err := SVD(u, s, vt, a, 2, 2, false); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("singular values %.4f %.4f\n", s[0], s[1])
	// Output:
	// singular values 6.7082 2.2361
}
