package decomp

import (
	"fmt"
	"math"
	"math/cmplx"
	"math/rand/v2"
	"testing"
)

// eigResidual returns LAPACK's ratio max_j ||A·x_j - λ_j·x_j|| / (n ||A|| eps)
// over the eigenpairs of Eig, the complex ones built from column pairs,
// and the largest | ||x_j|| - 1 |.
func eigResidual(a []float64, n int, wr, wi, v []float64) (ratio, normErr float64) {
	scale := math.Max(normF(a), math.SmallestNonzeroFloat64)
	for j := 0; j < n; j++ {
		lam := complex(wr[j], wi[j])
		x := make([]complex128, n)
		for i := range n {
			switch {
			case wi[j] == 0:
				x[i] = complex(v[i*n+j], 0)
			case wi[j] > 0:
				x[i] = complex(v[i*n+j], v[i*n+j+1])
			default:
				x[i] = complex(v[i*n+j-1], -v[i*n+j])
			}
		}
		var res, nx float64
		for i := range n {
			var ax complex128
			for k := range n {
				ax += complex(a[i*n+k], 0) * x[k]
			}
			d := ax - lam*x[i]
			res += real(d)*real(d) + imag(d)*imag(d)
			nx += real(x[i])*real(x[i]) + imag(x[i])*imag(x[i])
		}
		ratio = math.Max(ratio, math.Sqrt(res)/(float64(n)*scale*eps))
		normErr = math.Max(normErr, math.Abs(math.Sqrt(nx)-1))
		if wi[j] > 0 {
			// The largest component of a complex eigenvector is real.
			var big complex128
			for _, c := range x {
				if cmplx.Abs(c) > cmplx.Abs(big) {
					big = c
				}
			}
			if math.Abs(imag(big)) > 1e-12 || real(big) <= 0 {
				normErr = math.Inf(1)
			}
		}
	}
	return ratio, normErr
}

func checkEig(t *testing.T, name string, a []float64, n int) ([]float64, []float64) {
	t.Helper()
	wr, wi, v := make([]float64, n), make([]float64, n), make([]float64, n*n)
	if err := Eig(wr, wi, v, a, n); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for j := 0; j < n; j++ {
		if wi[j] != 0 {
			if j+1 >= n || wi[j] <= 0 || wi[j+1] != -wi[j] || wr[j+1] != wr[j] {
				t.Fatalf("%s: eigenvalue %d: pair not stored as (x+iy, x-iy): wr %v wi %v", name, j, wr, wi)
			}
			j++
		}
	}
	if n == 0 {
		return wr, wi
	}
	ratio, normErr := eigResidual(a, n, wr, wi, v)
	if ratio > ratioLimit {
		t.Errorf("%s: ||A x - λ x|| / (n ||A|| eps) = %.1f", name, ratio)
	}
	if normErr > 1e-13 {
		t.Errorf("%s: eigenvectors not unit-norm with a real largest component: %g", name, normErr)
	}
	return wr, wi
}

func TestEigRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for _, n := range []int{0, 1, 2, 3, 4, 5, 10, 33, 64, 100} {
		for rep := range 3 {
			checkEig(t, fmt.Sprintf("random n=%d #%d", n, rep), randMat(rng, n, n), n)
		}
	}
}

func TestEigSpecial(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	rot := func(theta float64) []float64 {
		c, s := math.Cos(theta), math.Sin(theta)
		return []float64{c, -s, s, c}
	}
	n := 20
	upper := randMat(rng, n, n)
	for i := range n {
		for j := range i {
			upper[i*n+j] = 0
		}
	}
	companion := make([]float64, 5*5) // x^5 - 1: the fifth roots of unity
	for i := 1; i < 5; i++ {
		companion[i*5+i-1] = 1
	}
	companion[4] = 1
	jordan := []float64{2, 1, 0, 0, 2, 1, 0, 0, 2} // defective: one eigenvector
	spread := randMat(rng, 15, 15)
	for i := range 15 {
		for j := range 15 {
			spread[i*15+j] *= math.Pow(10, float64(i+j)/28*16-8)
		}
	}
	for _, tc := range []struct {
		name string
		a    []float64
		n    int
	}{
		{"rotation", rot(0.3), 2},
		{"rotation by pi/2", rot(math.Pi / 2), 2},
		{"upper triangular", upper, n},
		{"symmetric", symmetric(rng, 30), 30},
		{"companion", companion, 5},
		{"diagonal", []float64{3, 0, 0, 0, -1, 0, 0, 0, 3}, 3},
		{"zero", make([]float64, 16), 4},
		{"entries 1e-8..1e8", spread, 15},
	} {
		checkEig(t, tc.name, tc.a, tc.n)
	}
	// A defective matrix has too few eigenvectors: only the eigenvalues and
	// the residual of what is returned are checked.
	wr, wi, v := make([]float64, 3), make([]float64, 3), make([]float64, 9)
	if err := Eig(wr, wi, v, jordan, 3); err != nil {
		t.Fatal(err)
	}
	for j := range 3 {
		if math.Abs(wr[j]-2) > 1e-4 || wi[j] != 0 && math.Abs(wi[j]) > 1e-4 {
			t.Errorf("jordan block: eigenvalue %v%+vi, want 2", wr[j], wi[j])
		}
	}
	// Known spectra.
	wr, wi = checkEig(t, "rotation", rot(0.3), 2)
	if math.Abs(wr[0]-math.Cos(0.3)) > 4*eps || math.Abs(wi[0]-math.Sin(0.3)) > 4*eps {
		t.Errorf("rotation: eigenvalue %v%+vi, want e^{0.3i}", wr[0], wi[0])
	}
}

func TestEigNonFinite(t *testing.T) {
	wr, wi, v := make([]float64, 2), make([]float64, 2), make([]float64, 4)
	if err := Eig(wr, wi, v, []float64{1, math.Inf(1), 0, 1}, 2); err != ErrNotFinite {
		t.Errorf("Inf: error %v, want ErrNotFinite", err)
	}
}

func ExampleEig() {
	a := []float64{ // the notes' example
		1, 2,
		3, 4,
	}
	wr, wi, v := make([]float64, 2), make([]float64, 2), make([]float64, 4)
	if err := Eig(wr, wi, v, a, 2); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("eigenvalues %.4f %.4f (imaginary parts %g %g)\n", wr[0], wr[1], wi[0], wi[1])
	// Output:
	// eigenvalues -0.3723 5.3723 (imaginary parts 0 0)
}
