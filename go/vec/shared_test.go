package vec_test

import (
	"errors"
	"math"
	"testing"

	"mlmath/internal/testdata"
	"mlmath/vec"
)

// TestSharedVectors checks every case of tests/data/vectors.json, the test
// vectors shared with the Python tests (expected values from numpy).
func TestSharedVectors(t *testing.T) {
	testdata.Run(t, "../../tests/data/vectors.json", []string{"add", "subtract", "scale", "dot", "norm", "cosine_similarity"}, checkVectorCase)
}

func checkVectorCase(t *testing.T, c testdata.Case) {
	in := func(name string) []float64 {
		v, ok := c.Inputs[name]
		if !ok {
			t.Fatalf("missing input %q", name)
		}
		return v.Data
	}
	var got float64
	var gotVec []float64
	var err error
	call := func() {
		switch c.Op {
		case "add":
			gotVec = vec.AddTo(make([]float64, len(in("v"))), in("v"), in("w"))
		case "subtract":
			gotVec = vec.SubTo(make([]float64, len(in("v"))), in("v"), in("w"))
		case "scale":
			gotVec = vec.ScaleTo(make([]float64, len(in("v"))), c.Inputs["c"].Scalar(), in("v"))
		case "dot":
			got = vec.Dot(in("v"), in("w"))
		case "norm":
			got, err = vec.Norm(in("v"), c.Inputs["ord"].Scalar())
		case "cosine_similarity":
			got = vec.CosineSimilarity(in("v"), in("w"))
		default:
			t.Fatalf("unknown op %q", c.Op)
		}
	}
	if c.Error != "" {
		switch c.Error {
		case "length":
			if r := testdata.Panics(call); r != vec.ErrLength {
				t.Errorf("panic value %v, want vec.ErrLength", r)
			}
		case "empty", "order":
			call()
			want := map[string]error{"empty": vec.ErrEmpty, "order": vec.ErrOrder}[c.Error]
			if !errors.Is(err, want) {
				t.Errorf("error %v, want %v", err, want)
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
	want := c.Expected.Data
	if gotVec == nil {
		gotVec = []float64{got}
	}
	v := in("v")
	n := len(v)
	// sum|terms| of the "sum" rule, per op (tests/data/README.md).
	sumAbs := func(int) float64 {
		var s float64
		switch c.Op {
		case "dot":
			w := in("w")
			for i := range v {
				s += math.Abs(v[i] * w[i])
			}
		case "norm": // ord 1: the terms are |v_i|
			for _, x := range v {
				s += math.Abs(x)
			}
		case "cosine_similarity": // sum|v_i w_i| / (|v| |w|) <= 1
			s = 1
		default:
			t.Fatalf("rule sum for op %s", c.Op)
		}
		return s
	}
	if msg := testdata.Mismatch(c, gotVec, want, n, sumAbs); msg != "" {
		t.Errorf("%s (inputs %v)", msg, c.Inputs)
	}
}
