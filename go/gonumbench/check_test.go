package gonumbench

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// The pseudo-inverse the Pinv benchmark times is one: A·A⁺·A = A.
func TestPinv(t *testing.T) {
	const n = 64
	a := mat.NewDense(n, n, randMat(rand.New(rand.NewPCG(n, 12)), n, n))
	var svd mat.SVD
	p, u, v := mat.NewDense(n, n, nil), mat.NewDense(n, n, nil), mat.NewDense(n, n, nil)
	if !pinv(p, a, &svd, u, v, make([]float64, n)) {
		t.Fatal("no convergence")
	}
	var apa mat.Dense
	apa.Product(a, p, a)
	apa.Sub(&apa, a)
	if d := mat.Norm(&apa, 2) / mat.Norm(a, 2); d > 1e4*0x1p-52 {
		t.Errorf("||A A+ A - A|| / ||A|| = %g", d)
	}
}

// project, the PCA benchmark's last step, gives (X - 1·meanᵀ)·V.
func TestProject(t *testing.T) {
	const n, c = 64, 10
	x := mat.NewDense(n, n, randMat(rand.New(rand.NewPCG(n, 13)), n, n))
	var pc stat.PC
	if !pc.PrincipalComponents(x, nil) {
		t.Fatal("no convergence")
	}
	var vecs mat.Dense
	pc.VectorsTo(&vecs)
	comp := vecs.Slice(0, n, 0, c)
	xc, mean, col := mat.DenseCopyOf(x), make([]float64, n), make([]float64, n)
	for j := range n {
		mean[j] = stat.Mean(mat.Col(col, j, x), nil)
		for i := range n {
			xc.Set(i, j, xc.At(i, j)-mean[j])
		}
	}
	var want mat.Dense
	want.Mul(xc, comp)
	got := mat.NewDense(n, c, nil)
	project(got, x, comp, mean)
	if !mat.EqualApprox(got, &want, 1e-12*math.Sqrt(n)*mat.Norm(&want, math.Inf(1))) {
		t.Error("project differs from (X - 1·meanᵀ)·V")
	}
}
