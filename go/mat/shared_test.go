package mat_test

import (
	"errors"
	"math"
	"testing"

	"mlmath/internal/testdata"
	"mlmath/mat"
)

// TestSharedMatrices checks every case of tests/data/matrices.json, the
// test vectors shared with the Python tests (expected values from numpy).
func TestSharedMatrices(t *testing.T) {
	testdata.Run(t, "../../tests/data/matrices.json", []string{"matmul", "transpose", "det", "inv", "solve"}, checkMatrixCase)
}

func checkMatrixCase(t *testing.T, c testdata.Case) {
	a, ok := c.Inputs["A"]
	if !ok || len(a.Shape) != 2 {
		t.Fatalf("input A missing or not 2-D: %+v", a)
	}
	m, n := a.Rows(), a.Cols()
	var got []float64
	var err error
	size := n // the n of the tolerance rules
	var sumAbs func(i int) float64
	call := func() {
		switch c.Op {
		case "matmul":
			b := c.Inputs["B"]
			k, p := n, b.Cols() // a B of shape (k,) is a k×1 matrix
			// The shapes as given: a mismatch (A's cols != B's rows) panics.
			got = mat.Mul(make([]float64, m*p), a.Data, b.Data, m, k, p)
			size = k
			sumAbs = func(idx int) float64 {
				i, j := idx/p, idx%p
				var s float64
				for q := range k {
					s += math.Abs(a.Data[i*k+q] * b.Data[q*p+j])
				}
				return s
			}
		case "transpose":
			got = mat.Transpose(make([]float64, m*n), a.Data, m, n)
		case "det":
			got = []float64{mat.Det(a.Data, n)}
		case "inv":
			got = make([]float64, n*n)
			err = mat.Inv(got, a.Data, n)
		case "solve":
			b := c.Inputs["b"]
			k := b.Cols()
			got = make([]float64, b.Rows()*k)
			err = mat.Solve(got, a.Data, b.Data, n, k)
		default:
			t.Fatalf("unknown op %q", c.Op)
		}
	}
	if c.Error != "" {
		switch c.Error {
		case "shape":
			if r := testdata.Panics(call); r != mat.ErrShape {
				t.Errorf("panic value %v, want mat.ErrShape", r)
			}
		case "singular":
			call()
			if !errors.Is(err, mat.ErrSingular) {
				t.Errorf("error %v, want mat.ErrSingular", err)
			}
		default:
			t.Fatalf("unknown error kind %q", c.Error)
		}
		return
	}
	call()
	if err != nil {
		t.Fatalf("unexpected error %v", err)
	}
	if msg := testdata.Mismatch(c, got, c.Expected.Data, size, sumAbs); msg != "" {
		t.Error(msg)
	}
}
