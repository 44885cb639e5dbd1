package decomp

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// qrReference is the textbook Householder QR (LAPACK's dgeqr2 and dorg2r,
// dlarfg's signs) on the row-major matrix, one reflection at a time with
// plain loops: what the blocked QR must agree with, to rounding.
func qrReference(a []float64, m, n int) (q, r []float64) {
	k := min(m, n)
	w := append([]float64(nil), a...)
	tau := make([]float64, k)
	for j := range k {
		alpha := w[j*n+j]
		var ss float64
		for i := j + 1; i < m; i++ {
			ss += w[i*n+j] * w[i*n+j]
		}
		if ss == 0 {
			continue
		}
		beta := -math.Copysign(math.Hypot(alpha, math.Sqrt(ss)), alpha)
		tau[j] = (beta - alpha) / beta
		s := 1 / (alpha - beta)
		for i := j + 1; i < m; i++ {
			w[i*n+j] *= s
		}
		w[j*n+j] = beta
		for c := j + 1; c < n; c++ {
			d := w[j*n+c]
			for i := j + 1; i < m; i++ {
				d += w[i*n+j] * w[i*n+c]
			}
			d *= tau[j]
			w[j*n+c] -= d
			for i := j + 1; i < m; i++ {
				w[i*n+c] -= d * w[i*n+j]
			}
		}
	}
	r = make([]float64, k*n)
	for i := range k {
		copy(r[i*n+i:i*n+n], w[i*n+i:i*n+n])
	}
	q = make([]float64, m*k)
	for i := range k {
		q[i*k+i] = 1
	}
	for j := k - 1; j >= 0; j-- {
		for c := j; c < k; c++ {
			d := q[j*k+c]
			for i := j + 1; i < m; i++ {
				d += w[i*n+j] * q[i*k+c]
			}
			d *= tau[j]
			q[j*k+c] -= d
			for i := j + 1; i < m; i++ {
				q[i*k+c] -= d * w[i*n+j]
			}
		}
	}
	return q, r
}

// TestQRBlocked checks the blocked QR, with its kept block reflectors and
// padded columns, against qrReference on shapes around the block size and
// the padding, tall and wide; the sizes go up and down so that the pooled
// scratch space is reused with other shapes.
func TestQRBlocked(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	shapes := [][2]int{
		{1, 1}, {2, 1}, {1, 2}, {7, 7}, {9, 9}, {31, 31}, {32, 32}, {33, 33},
		{100, 100}, {8, 8}, {63, 63}, {64, 64}, {65, 65}, {96, 96}, {97, 97},
		{129, 129}, {10, 3}, {200, 33}, {300, 64}, {97, 65}, {71, 70},
		{33, 200}, {64, 130}, {65, 97}, {3, 10}, {150, 150},
	}
	for _, sh := range shapes {
		m, n := sh[0], sh[1]
		t.Run(fmt.Sprintf("%dx%d", m, n), func(t *testing.T) {
			k := min(m, n)
			a := randMat(rng, m, n)
			q, r := make([]float64, m*k), make([]float64, k*n)
			// Garbage in the outputs must be overwritten.
			for i := range q {
				q[i] = math.NaN()
			}
			for i := range r {
				r[i] = math.NaN()
			}
			QR(q, r, a, m, n)
			wantQ, wantR := qrReference(a, m, n)
			// Random matrices are well conditioned enough for Q and R to
			// agree entrywise to a modest multiple of the rounding error.
			tol := 100 * float64(max(m, n)) * eps
			for i, w := range wantQ {
				if math.Abs(q[i]-w) > tol {
					t.Fatalf("Q[%d][%d] = %v, reference %v", i/k, i%k, q[i], w)
				}
			}
			normA := normF(a)
			for i, w := range wantR {
				if math.Abs(r[i]-w) > tol*normA {
					t.Fatalf("R[%d][%d] = %v, reference %v", i/n, i%n, r[i], w)
				}
			}
		})
	}
}

// TestFormQtBlocked checks formQt, the transposed Q of the SVD and the
// symmetric eigensolver, against QR's Q on a factorization with several
// blocks, and its completion to more columns than reflections.
func TestFormQtBlocked(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for _, sh := range [][2]int{{100, 100}, {150, 70}, {97, 33}, {64, 64}} {
		m, n := sh[0], sh[1]
		a := randMat(rng, m, n)
		at, tau, _ := qrFactor(a, m, n, nil)
		var ws qrWork
		for _, k := range []int{n, m} {
			qt := make([]float64, k*m)
			_ = formQt(qt, at, tau, m, k, &ws, nil)
			q := transpose(qt, k, m)
			if k == n {
				want, _ := qrReference(a, m, n)
				for i, w := range want {
					if math.Abs(q[i]-w) > 100*float64(m)*eps {
						t.Fatalf("%dx%d: Q[%d][%d] = %v, reference %v", m, n, i/k, i%k, q[i], w)
					}
				}
			}
			qtq := mulT(qt, qt, k, k, m)
			for i := range k {
				qtq[i*k+i]--
			}
			if ratio := normF(qtq) / (float64(m) * eps); ratio > ratioLimit {
				t.Errorf("%dx%d, k=%d: ||QᵀQ - I|| / (m eps) = %.1f", m, n, k, ratio)
			}
		}
	}
}

// TestQRAfterNonFinite checks that a NaN input, which returns early, leaves
// nothing behind in the pooled scratch space for the next call.
func TestQRAfterNonFinite(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	m, n := 70, 70
	a := randMat(rng, m, n)
	q, r := make([]float64, m*n), make([]float64, m*n)
	bad := append([]float64(nil), a...)
	bad[m*n-1] = math.Inf(-1)
	QR(q, r, bad, m, n)
	for _, v := range q {
		if !math.IsNaN(v) {
			t.Fatalf("Q of a matrix with Inf holds %v", v)
		}
	}
	QR(q, r, a, m, n)
	wantQ, _ := qrReference(a, m, n)
	for i, w := range wantQ {
		if math.Abs(q[i]-w) > 100*float64(m)*eps {
			t.Fatalf("Q[%d] = %v, reference %v", i, q[i], w)
		}
	}
}
