package decomp

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// symmetric returns (B + Bᵀ)/2 for a random B.
func symmetric(rng *rand.Rand, n int) []float64 {
	b := randMat(rng, n, n)
	a := make([]float64, n*n)
	for i := range n {
		for j := range n {
			a[i*n+j] = (b[i*n+j] + b[j*n+i]) / 2
		}
	}
	return a
}

// checkEigh checks LAPACK's ratios for A·V = V·diag(w): the residual
// ||A·V - V·diag(w)|| / (n ||A|| eps) and ||VᵀV - I|| / (n eps), both below
// 30, and that w ascends.
func checkEigh(t *testing.T, name string, a []float64, n int) ([]float64, []float64) {
	t.Helper()
	w, v := make([]float64, n), make([]float64, n*n)
	if err := Eigh(w, v, a, n); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for j := 1; j < n; j++ {
		if w[j] < w[j-1] {
			t.Fatalf("%s: eigenvalues not ascending: %v", name, w)
		}
	}
	if n == 0 {
		return w, v
	}
	av := mulT(a, transpose(v, n, n), n, n, n)
	for i := range n {
		for j := range n {
			av[i*n+j] -= v[i*n+j] * w[j]
		}
	}
	scale := math.Max(normF(a), math.SmallestNonzeroFloat64)
	if ratio := normF(av) / (float64(n) * scale * eps); ratio > ratioLimit {
		t.Errorf("%s: ||A·V - V·diag(w)|| / (n ||A|| eps) = %.1f", name, ratio)
	}
	vt := transpose(v, n, n)
	vtv := mulT(vt, vt, n, n, n)
	for i := range n {
		vtv[i*n+i]--
	}
	if ratio := normF(vtv) / (float64(n) * eps); ratio > ratioLimit {
		t.Errorf("%s: ||VᵀV - I|| / (n eps) = %.1f", name, ratio)
	}
	return w, v
}

func TestEighRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 2, 3, 5, 33, 64, 100, 150} {
		checkEigh(t, fmt.Sprintf("random n=%d", n), symmetric(rng, n), n)
	}
}

func TestEighSpecial(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const n = 40
	cases := map[string][]float64{}
	ident := make([]float64, n*n)
	diag := make([]float64, n*n)
	wilk := make([]float64, n*n) // Wilkinson's W+: close pairs of eigenvalues
	spread := symmetric(rng, n)
	for i := range n {
		ident[i*n+i] = 1
		diag[i*n+i] = float64((i*7)%11) - 5 // repeated values, unsorted
		wilk[i*n+i] = math.Abs(float64(i - n/2))
		if i+1 < n {
			wilk[i*n+i+1], wilk[(i+1)*n+i] = 1, 1
		}
		for j := range n {
			spread[i*n+j] *= math.Pow(10, float64(i+j)/float64(n-1)*8-8) // 1e-8..1e8
		}
	}
	cases["identity"], cases["diagonal"], cases["wilkinson"], cases["entries 1e-8..1e8"] = ident, diag, wilk, spread
	cases["rank one"] = mulT(randMat(rng, n, 1), randMat(rng, n, 1), n, n, 1)
	for i := range n { // make the rank-one case symmetric: x·xᵀ
		for j := range i {
			cases["rank one"][j*n+i] = cases["rank one"][i*n+j]
		}
	}
	for name, a := range cases {
		checkEigh(t, name, a, n)
	}
	// Known spectrum: diag(5, -5, 0, ...) sorted.
	w, _ := checkEigh(t, "diagonal", diag, n)
	for j := 1; j < n; j++ {
		if w[j] < w[j-1] {
			t.Fatal("not sorted")
		}
	}
	if w[0] != -5 || w[n-1] != 5 {
		t.Errorf("diagonal: extreme eigenvalues %v, %v; want -5, 5 exactly", w[0], w[n-1])
	}
}

func TestEighReadsLowerTriangleAndRejectsNaN(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	n := 20
	a := symmetric(rng, n)
	garbage := append([]float64(nil), a...)
	for i := range n {
		for j := i + 1; j < n; j++ {
			garbage[i*n+j] = math.NaN()
		}
	}
	w1, v1 := make([]float64, n), make([]float64, n*n)
	w2, v2 := make([]float64, n), make([]float64, n*n)
	if err := Eigh(w1, v1, a, n); err != nil {
		t.Fatal(err)
	}
	if err := Eigh(w2, v2, garbage, n); err != nil {
		t.Fatal(err)
	}
	for i := range w1 {
		if w1[i] != w2[i] {
			t.Fatalf("the upper triangle changed the result")
		}
	}
	a[5*n+2] = math.Inf(1)
	if err := Eigh(w1, v1, a, n); !errors.Is(err, ErrNotFinite) {
		t.Errorf("Inf in the lower triangle: error %v, want ErrNotFinite", err)
	}
}

func ExampleEigh() {
	a := []float64{
		2, 0, // the upper triangle is not read
		1, 2,
	}
	w, v := make([]float64, 2), make([]float64, 4)
	if err := Eigh(w, v, a, 2); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("eigenvalues %.4g %.4g\n", w[0], w[1])
	fmt.Printf("|v| for 1: %.4f %.4f\n", math.Abs(v[0]), math.Abs(v[2]))
	// Output:
	// eigenvalues 1 3
	// |v| for 1: 0.7071 0.7071
}
