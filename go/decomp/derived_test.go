package decomp

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// mul returns X·Y for X (m×k) and Y (k×n).
func mul(x, y []float64, m, n, k int) []float64 { return mulT(x, transpose(y, k, n), m, n, k) }

func TestPinvPenrose(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	rank2 := mulT(randMat(rng, 7, 2), randMat(rng, 5, 2), 7, 5, 2)
	for _, tc := range []struct {
		a    []float64
		m, n int
	}{{randMat(rng, 6, 4), 6, 4}, {randMat(rng, 4, 6), 4, 6}, {rank2, 7, 5}, {[]float64{2}, 1, 1}} {
		p := make([]float64, tc.n*tc.m)
		if err := Pinv(p, tc.a, tc.m, tc.n, DefaultPinvRcond); err != nil {
			t.Fatal(err)
		}
		// A·A⁺·A = A and A⁺·A·A⁺ = A⁺.
		apa := mul(mul(tc.a, p, tc.m, tc.m, tc.n), tc.a, tc.m, tc.n, tc.m)
		pap := mul(mul(p, tc.a, tc.n, tc.n, tc.m), p, tc.n, tc.m, tc.n)
		if d := diffF(apa, tc.a) / normF(tc.a); d > 100*eps {
			t.Errorf("%dx%d: ||A A+ A - A|| / ||A|| = %g", tc.m, tc.n, d)
		}
		if d := diffF(pap, p) / normF(p); d > 1e4*eps {
			t.Errorf("%dx%d: ||A+ A A+ - A+|| / ||A+|| = %g", tc.m, tc.n, d)
		}
	}
}

func TestRankCondLowRank(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	rank3 := mulT(randMat(rng, 9, 3), randMat(rng, 6, 3), 9, 6, 3)
	if r, err := Rank(rank3, 9, 6, -1); r != 3 || err != nil {
		t.Errorf("Rank = %d, %v; want 3", r, err)
	}
	if r, _ := Rank(make([]float64, 6), 2, 3, -1); r != 0 {
		t.Errorf("Rank(zero) = %d", r)
	}
	if c, _ := Cond([]float64{2, 0, 0, -8}, 2, 2); c != 4 {
		t.Errorf("Cond(diag(2, -8)) = %v, want 4", c)
	}
	if c, _ := Cond([]float64{1, 0, 0, 0}, 2, 2); !math.IsInf(c, 1) {
		t.Errorf("Cond(singular) = %v, want +Inf", c)
	}
	a := randMat(rng, 8, 5)
	s, _ := singularValues(a, 8, 5, nil)
	for r := 1; r <= 5; r++ {
		uk, sk, vtk, ak := make([]float64, 8*r), make([]float64, r), make([]float64, r*5), make([]float64, 40)
		if err := LowRank(uk, sk, vtk, ak, a, 8, 5, r); err != nil {
			t.Fatal(err)
		}
		// Eckart-Young: the error's 2-norm is the first dropped singular value.
		d := make([]float64, 40)
		for i := range d {
			d[i] = a[i] - ak[i]
		}
		ds, _ := singularValues(d, 8, 5, nil)
		want := 0.0
		if r < 5 {
			want = s[r]
		}
		if math.Abs(ds[0]-want) > 50*eps*s[0] {
			t.Errorf("rank %d: ||A - A_k||_2 = %v, want %v", r, ds[0], want)
		}
	}
}

func TestPCA(t *testing.T) {
	// Points on the line y = 2x plus a small orthogonal wobble.
	x := []float64{0, 0, 1, 2.1, 2, 3.9, 3, 6.05, 4, 8}
	mean, comp := make([]float64, 2), make([]float64, 4)
	v, r, tr := make([]float64, 2), make([]float64, 2), make([]float64, 10)
	if err := PCA(comp, v, r, mean, tr, x, 5, 2, 2); err != nil {
		t.Fatal(err)
	}
	if math.Abs(mean[0]-2) > 4*eps || math.Abs(mean[1]-4.01) > 8*eps {
		t.Errorf("mean = %v, want [2 4.01]", mean)
	}
	// The first component points along (1, 2)/sqrt(5), with a positive
	// largest entry; the variances sum to the total variance.
	if math.Abs(comp[0]-1/math.Sqrt(5)) > 0.01 || math.Abs(comp[1]-2/math.Sqrt(5)) > 0.01 || comp[1] < 0 {
		t.Errorf("first component %v, want about (0.447, 0.894)", comp[:2])
	}
	var total float64
	for i := range 5 {
		for j := range 2 {
			d := x[i*2+j] - mean[j]
			total += d * d / 4
		}
	}
	if math.Abs(v[0]+v[1]-total) > 16*eps*total || math.Abs(r[0]+r[1]-1) > 8*eps {
		t.Errorf("variances %v (sum %v, want %v), ratios %v", v, v[0]+v[1], total, r)
	}
}

func ExamplePinv() {
	a := []float64{
		1, 0,
		0, 2,
		0, 0,
	}
	p := make([]float64, 6)
	if err := Pinv(p, a, 3, 2, DefaultPinvRcond); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.4g\n", p)
	// Output:
	// [1 0 0 0 0.5 0]
}
