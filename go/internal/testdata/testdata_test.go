package testdata

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestValueDecoding(t *testing.T) {
	var c Case
	in := `{"name": "x", "op": "dot", "tol": "exact",
		"inputs": {"v": [1.5, "nan", "inf", "-inf"], "A": {"shape": [2, 0], "data": []}, "c": "-inf"},
		"expected": {"shape": [1, 2], "data": [1e200, -0.0]}}`
	if err := json.Unmarshal([]byte(in), &c); err != nil {
		t.Fatal(err)
	}
	v := c.Inputs["v"]
	if len(v.Shape) != 1 || v.Shape[0] != 4 || v.Data[0] != 1.5 || !math.IsNaN(v.Data[1]) ||
		!math.IsInf(v.Data[2], 1) || !math.IsInf(v.Data[3], -1) {
		t.Errorf("v = %+v", v)
	}
	if a := c.Inputs["A"]; a.Rows() != 2 || a.Cols() != 0 || len(a.Data) != 0 {
		t.Errorf("A = %+v", a)
	}
	if x := c.Inputs["c"].Scalar(); !math.IsInf(x, -1) {
		t.Errorf("c = %v", x)
	}
	if e := c.Expected; e.Rows() != 1 || e.Cols() != 2 || e.Data[0] != 1e200 || !math.Signbit(e.Data[1]) {
		t.Errorf("expected = %+v", e)
	}
	for _, bad := range []string{`"infinity"`, `{"shape": [2, 2], "data": [1]}`, `{"data": [1]}`, `true`} {
		var v Value
		if err := json.Unmarshal([]byte(bad), &v); err == nil {
			t.Errorf("%s decoded without error to %+v", bad, v)
		}
	}
}

func TestMismatch(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	one := func(int) float64 { return 1 }
	tests := []struct {
		tol       string
		got, want []float64
		n         int
		cond      float64
		ok        bool
	}{
		{"exact", []float64{1, nan, -0.0}, []float64{1, nan, 0}, 3, 0, true},
		{"exact", []float64{1 + Eps}, []float64{1}, 1, 0, false},
		{"exact", []float64{nan}, []float64{1}, 1, 0, false},
		{"exact", []float64{1, 2}, []float64{1}, 1, 0, false},
		{"rel", []float64{1 + 4*Eps}, []float64{1}, 1, 0, true},
		{"rel", []float64{1 + 8*Eps}, []float64{1}, 1, 0, false},
		{"rel", []float64{inf}, []float64{1e308}, 1, 0, false},
		{"rel", []float64{-inf}, []float64{inf}, 1, 0, false},
		{"sum", []float64{12 * Eps}, []float64{0}, 3, 0, true},
		{"sum", []float64{13 * Eps}, []float64{0}, 3, 0, false},
		{"sum", []float64{nan}, []float64{0}, 3, 0, false},
		{"cond", []float64{1 + 1e-10, nan}, []float64{1, nan}, 2, 1e6, true},
		{"cond", []float64{1 + 1e-8, nan}, []float64{1, nan}, 2, 1e6, false},
		{"cond", []float64{1, 2}, []float64{1, nan}, 2, 1e6, false},
		{"logdet", []float64{1e200 * (1 + 1e-13)}, []float64{1e200}, 3, 0, true}, // tol ~ 4*463*eps
		{"logdet", []float64{1e200 * (1 + 1e-12)}, []float64{1e200}, 3, 0, false},
		{"logdet", []float64{2 + 8*Eps}, []float64{2}, 1, 0, true},
		{"logdet", []float64{2 + 16*Eps}, []float64{2}, 1, 0, false},
		{"nonsense", []float64{1}, []float64{1}, 1, 0, false},
	}
	for _, tc := range tests {
		msg := Mismatch(Case{Tol: tc.tol, Cond: tc.cond}, tc.got, tc.want, tc.n, one)
		if (msg == "") != tc.ok {
			t.Errorf("%s: Mismatch(%v, %v) = %q, want ok=%v", tc.tol, tc.got, tc.want, msg, tc.ok)
		}
	}
}

func TestLoadSharedFiles(t *testing.T) {
	for _, name := range []string{"vectors.json", "matrices.json"} {
		f, err := Load("../../../tests/data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if cmd, _ := f.About["command"].(string); !strings.Contains(cmd, "generate.py") {
			t.Errorf("%s: about.command = %q", name, cmd)
		}
		seen := map[string]bool{}
		for _, c := range f.Cases {
			if seen[c.Name] {
				t.Errorf("%s: duplicate case name %s", name, c.Name)
			}
			seen[c.Name] = true
		}
	}
}

func TestPanics(t *testing.T) {
	if r := Panics(func() {}); r != nil {
		t.Errorf("Panics(no panic) = %v", r)
	}
	if r := Panics(func() { panic("x") }); r != "x" {
		t.Errorf("Panics(panic x) = %v", r)
	}
}
