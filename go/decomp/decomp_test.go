package decomp

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

const eps = 0x1p-52

// The LAPACK test suite's threshold on its scaled residual ratios.
const ratioLimit = 30

func randMat(rng *rand.Rand, m, n int) []float64 {
	a := make([]float64, m*n)
	for i := range a {
		a[i] = rng.NormFloat64()
	}
	return a
}

// mulT returns X·Yᵀ for X (m×k) and Y (n×k).
func mulT(x, y []float64, m, n, k int) []float64 {
	c := make([]float64, m*n)
	for i := range m {
		for j := range n {
			var s float64
			for p := range k {
				s += x[i*k+p] * y[j*k+p]
			}
			c[i*n+j] = s
		}
	}
	return c
}

func transpose(a []float64, m, n int) []float64 {
	t := make([]float64, m*n)
	for i := range m {
		for j := range n {
			t[j*m+i] = a[i*n+j]
		}
	}
	return t
}

// normF is the Frobenius norm.
func normF(a []float64) float64 {
	var s float64
	for _, v := range a {
		s += v * v
	}
	return math.Sqrt(s)
}

func diffF(a, b []float64) float64 {
	d := make([]float64, len(a))
	for i := range a {
		d[i] = a[i] - b[i]
	}
	return normF(d)
}

// spd returns B·Bᵀ + n·I, symmetric positive definite.
func spd(rng *rand.Rand, n int) []float64 {
	b := randMat(rng, n, n)
	a := mulT(b, b, n, n, n)
	for i := range n {
		a[i*n+i] += float64(n)
	}
	return a
}

func TestCholesky(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 5, 63, 64, 65, 130, 200} {
		a := spd(rng, n)
		// Garbage above the diagonal: only the lower triangle may be read.
		for i := range n {
			for j := i + 1; j < n; j++ {
				a[i*n+j] = math.NaN()
			}
		}
		l := make([]float64, n*n)
		if err := Cholesky(l, a, n); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		full := make([]float64, n*n)
		for i := range n {
			for j := range n {
				full[i*n+j] = a[max(i, j)*n+min(i, j)]
			}
			for j := i + 1; j < n; j++ {
				if l[i*n+j] != 0 {
					t.Fatalf("n=%d: L[%d][%d] = %v above the diagonal", n, i, j, l[i*n+j])
				}
			}
			if !(l[i*n+i] > 0) {
				t.Fatalf("n=%d: L[%d][%d] = %v, want > 0", n, i, i, l[i*n+i])
			}
		}
		if n == 0 {
			continue
		}
		ratio := diffF(mulT(l, l, n, n, n), full) / (float64(n) * normF(full) * eps)
		if ratio > ratioLimit {
			t.Errorf("n=%d: ||L·Lᵀ - A|| / (n ||A|| eps) = %.1f", n, ratio)
		}
	}
}

func TestCholeskyNotPositiveDefinite(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		a    []float64
	}{
		{"indefinite", 2, []float64{1, 2, 2, 1}},
		{"zero", 2, []float64{0, 0, 0, 0}},
		{"negative", 1, []float64{-4}},
		{"semidefinite", 3, []float64{1, 1, 1, 1, 1, 1, 1, 1, 1}},
		{"late pivot", 70, func() []float64 {
			a := spd(rand.New(rand.NewPCG(3, 4)), 70)
			a[69*70+69] = -1e6 // the last pivot, in the second block
			return a
		}()},
	} {
		l := make([]float64, tc.n*tc.n)
		if err := Cholesky(l, tc.a, tc.n); !errors.Is(err, ErrNotPositiveDefinite) {
			t.Errorf("%s: error %v, want ErrNotPositiveDefinite", tc.name, err)
		}
	}
}

func TestCholeskyNonFinite(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		a := []float64{4, 0, bad, 9} // in the lower triangle
		l := make([]float64, 4)
		if err := Cholesky(l, a, 2); err != nil {
			t.Fatal(err)
		}
		for _, v := range l {
			if !math.IsNaN(v) {
				t.Fatalf("A[1][0] = %v: L = %v, want all NaN", bad, l)
			}
		}
	}
}

func TestQR(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, sh := range [][2]int{{0, 3}, {3, 0}, {1, 1}, {5, 3}, {3, 5}, {64, 64}, {100, 37}, {37, 100}, {130, 130}} {
		m, n := sh[0], sh[1]
		k := min(m, n)
		a := randMat(rng, m, n)
		if m > 4 && n > 4 {
			for i := range m { // a zero column and a repeated one: rank-deficient
				a[i*n+1] = 0
				a[i*n+3] = a[i*n+2]
			}
		}
		q, r := make([]float64, m*k), make([]float64, k*n)
		QR(q, r, a, m, n)
		for i := range k {
			for j := range i {
				if r[i*n+j] != 0 {
					t.Fatalf("%dx%d: R[%d][%d] = %v below the diagonal", m, n, i, j, r[i*n+j])
				}
			}
		}
		if k == 0 {
			continue
		}
		qr := mulT(q, transpose(r, k, n), m, n, k)
		if ratio := diffF(qr, a) / (float64(max(m, n)) * normF(a) * eps); ratio > ratioLimit {
			t.Errorf("%dx%d: ||Q·R - A|| / (max(m,n) ||A|| eps) = %.1f", m, n, ratio)
		}
		qtq := mulT(transpose(q, m, k), transpose(q, m, k), k, k, m)
		for i := range k {
			qtq[i*k+i]--
		}
		if ratio := normF(qtq) / (float64(m) * eps); ratio > ratioLimit {
			t.Errorf("%dx%d: ||QᵀQ - I|| / (m eps) = %.1f", m, n, ratio)
		}
	}
}

// TestQRMatchesLAPACK checks the signs: numpy.linalg.qr (LAPACK dgeqrf and
// dorgqr) of [[3, 1], [4, 2], [0, 5]] gives R = [[-5, -2.2], [0,
// -5.01597448...]] and Q[:, 0] = [-0.6, -0.8, 0].
func TestQRMatchesLAPACK(t *testing.T) {
	a := []float64{3, 1, 4, 2, 0, 5}
	q, r := make([]float64, 6), make([]float64, 4)
	QR(q, r, a, 3, 2)
	r11 := -math.Sqrt(25.16) // |R[1][1]|² = ||a_1||² - R[0][1]² = 30 - 4.84
	want := []float64{-5, -2.2, 0, r11}
	for i, w := range want {
		if math.Abs(r[i]-w) > 8*eps*5 {
			t.Errorf("R = %v, want %v", r, want)
			break
		}
	}
	for i, w := range []float64{-0.6, -0.8, 0} {
		if math.Abs(q[i*2]-w) > 8*eps {
			t.Errorf("Q[:, 0] = %v, %v, %v; want -0.6, -0.8, 0", q[0], q[2], q[4])
			break
		}
	}
}

func TestQRNonFinite(t *testing.T) {
	a := []float64{1, math.NaN(), 0, 1}
	q, r := make([]float64, 4), make([]float64, 4)
	QR(q, r, a, 2, 2)
	for _, v := range append(q, r...) {
		if !math.IsNaN(v) {
			t.Fatalf("Q = %v, R = %v: want all NaN", q, r)
		}
	}
}

func TestShapePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"cholesky a": func() { _ = Cholesky(make([]float64, 4), make([]float64, 3), 2) },
		"cholesky l": func() { _ = Cholesky(make([]float64, 3), make([]float64, 4), 2) },
		"qr q":       func() { QR(make([]float64, 5), make([]float64, 4), make([]float64, 6), 3, 2) },
		"qr r":       func() { QR(make([]float64, 6), make([]float64, 3), make([]float64, 6), 3, 2) },
		"negative":   func() { QR(nil, nil, nil, -1, 2) },
	} {
		func() {
			defer func() {
				if r := recover(); r != ErrShape {
					t.Errorf("%s: panic %v, want ErrShape", name, r)
				}
			}()
			f()
		}()
	}
}

func ExampleCholesky() {
	a := []float64{
		4, 0, // the upper triangle is not read
		2, 10,
	}
	l := make([]float64, 4)
	if err := Cholesky(l, a, 2); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l)
	fmt.Println(Cholesky(l, []float64{1, 0, 2, 1}, 2))
	// Output:
	// [2 0 1 3]
	// decomp: matrix is not positive definite
}

func ExampleQR() {
	a := []float64{
		3, 1,
		4, 2,
		0, 5,
	}
	q, r := make([]float64, 3*2), make([]float64, 2*2)
	QR(q, r, a, 3, 2)
	fmt.Printf("R = [[%.4g %.4g] [%.4g %.4g]]\n", r[0], r[1], r[2], r[3])
	fmt.Printf("Q[:, 0] = [%.4g %.4g %.4g]\n", q[0], q[2], q[4])
	// Output:
	// R = [[-5 -2.2] [0 -5.016]]
	// Q[:, 0] = [-0.6 -0.8 0]
}
