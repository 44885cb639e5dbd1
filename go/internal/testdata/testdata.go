// Package testdata loads the shared test vectors of mlmath
// (tests/data/vectors.json and tests/data/matrices.json, written by
// tests/data/generate.py) and implements their tolerance rules, for the
// tests of packages vec and mat.
//
// The format is described in tests/data/README.md: every case has a name,
// an op, named inputs, and either an expected value with a tolerance rule
// or an error kind. Numbers may be JSON numbers or the strings "nan",
// "inf" and "-inf".
package testdata

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"
)

// Eps is the float64 machine epsilon, 2^-52.
const Eps = 0x1p-52

// Safety is the factor on the textbook error bounds (tests/tolerances.py).
const Safety = 4

// File is one JSON file of cases.
type File struct {
	About map[string]any `json:"about"`
	Cases []Case         `json:"cases"`
}

// Case is one test case. Exactly one of Expected and Error is set.
type Case struct {
	Name     string           `json:"name"`
	Op       string           `json:"op"`
	Inputs   map[string]Value `json:"inputs"`
	Expected *Value           `json:"expected"`
	Error    string           `json:"error"`
	Tol      string           `json:"tol"`
	Cond     float64          `json:"cond"`
	Note     string           `json:"note"`
}

// Value is a number, a list of numbers (a vector of shape [n]) or an
// object {"shape": [...], "data": [...]} holding an array in row-major order.
type Value struct {
	Shape []int // nil for a number
	Data  []float64
}

// Scalar returns the value of a number; it panics for an array.
func (v Value) Scalar() float64 {
	if v.Shape != nil || len(v.Data) != 1 {
		panic(fmt.Sprintf("testdata: value of shape %v is not a number", v.Shape))
	}
	return v.Data[0]
}

// Rows returns the first dimension of an array.
func (v Value) Rows() int { return v.Shape[0] }

// Cols returns the second dimension of a 2-D array, and 1 for a vector (a
// vector right-hand side or matmul operand is an n×1 matrix).
func (v Value) Cols() int {
	if len(v.Shape) == 1 {
		return 1
	}
	return v.Shape[1]
}

// UnmarshalJSON decodes a number, a list of numbers or a shaped array.
func (v *Value) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) > 0 && b[0] == '[':
		var nums []Number
		if err := json.Unmarshal(b, &nums); err != nil {
			return err
		}
		v.Shape, v.Data = []int{len(nums)}, floats(nums)
	case len(b) > 0 && b[0] == '{':
		var a struct {
			Shape []int    `json:"shape"`
			Data  []Number `json:"data"`
		}
		if err := json.Unmarshal(b, &a); err != nil {
			return err
		}
		size := 1
		for _, d := range a.Shape {
			size *= d
		}
		if a.Shape == nil || size != len(a.Data) {
			return fmt.Errorf("testdata: shape %v does not match %d entries", a.Shape, len(a.Data))
		}
		v.Shape, v.Data = a.Shape, floats(a.Data)
	default:
		var x Number
		if err := json.Unmarshal(b, &x); err != nil {
			return err
		}
		v.Shape, v.Data = nil, []float64{float64(x)}
	}
	return nil
}

// Number is a float64 encoded as a JSON number or as "nan", "inf", "-inf".
type Number float64

// UnmarshalJSON decodes a number or one of the strings "nan", "inf", "-inf".
func (x *Number) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		switch s {
		case "nan":
			*x = Number(math.NaN())
		case "inf":
			*x = Number(math.Inf(1))
		case "-inf":
			*x = Number(math.Inf(-1))
		default:
			return fmt.Errorf("testdata: %q is not a number (want \"nan\", \"inf\" or \"-inf\")", s)
		}
		return nil
	}
	f, err := strconv.ParseFloat(string(bytes.TrimSpace(b)), 64)
	if err != nil {
		return fmt.Errorf("testdata: %s is not a number", b)
	}
	*x = Number(f)
	return nil
}

func floats(nums []Number) []float64 {
	out := make([]float64, len(nums))
	for i, x := range nums {
		out[i] = float64(x)
	}
	return out
}

// Load reads and decodes one file of cases, checking that every case has
// a name, an op, and either an expected value with a known tolerance rule
// or an error kind.
func Load(path string) (*File, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f File
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(f.Cases) == 0 {
		return nil, fmt.Errorf("%s: no cases", path)
	}
	for _, c := range f.Cases {
		switch {
		case c.Name == "" || c.Op == "":
			return nil, fmt.Errorf("%s: a case without name or op: %+v", path, c)
		case (c.Expected == nil) == (c.Error == ""):
			return nil, fmt.Errorf("%s: case %s must have exactly one of expected and error", path, c.Name)
		case c.Expected != nil && !knownRule[c.Tol]:
			return nil, fmt.Errorf("%s: case %s has unknown tolerance rule %q", path, c.Name, c.Tol)
		case c.Tol == "cond" && !(c.Cond >= 1):
			return nil, fmt.Errorf("%s: case %s has rule cond without a condition number", path, c.Name)
		}
	}
	return &f, nil
}

var knownRule = map[string]bool{"exact": true, "rel": true, "sum": true, "cond": true, "logdet": true}

// Mismatch describes the first entry of got that breaks the rule of c, or
// returns "" if got agrees with want. n is the size used by the rules
// ("rel": the vector length or matrix order; "sum": the number of terms;
// "cond" and "logdet": the matrix order). sumAbs gives, for rule "sum", sum|terms| of
// entry i; it may be nil for the other rules.
//
// For every rule, non-finite expected entries must be matched exactly
// (NaN by NaN, ±Inf by the same infinity), and the rule applies to the
// finite entries.
func Mismatch(c Case, got, want []float64, n int, sumAbs func(i int) float64) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d entries, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if math.IsNaN(w) || math.IsInf(w, 0) || math.IsNaN(g) || math.IsInf(g, 0) {
			if !(g == w || math.IsNaN(g) && math.IsNaN(w)) {
				return fmt.Sprintf("entry %d = %v, want %v", i, g, w)
			}
		}
	}
	m := float64(max(n, 1))
	switch c.Tol {
	case "exact":
		for i := range want {
			if !(got[i] == want[i] || math.IsNaN(got[i]) && math.IsNaN(want[i])) {
				return fmt.Sprintf("entry %d = %v, want exactly %v", i, got[i], want[i])
			}
		}
	case "rel":
		for i, w := range want {
			if tol := Safety * m * Eps * math.Abs(w); !finite(w) || math.Abs(got[i]-w) <= tol {
				continue
			}
			return fmt.Sprintf("entry %d = %v, want %v (rel: tol %.3g)", i, got[i], w, Safety*m*Eps*math.Abs(w))
		}
	case "sum":
		for i, w := range want {
			if !finite(w) {
				continue
			}
			if tol := Safety * m * Eps * sumAbs(i); !(math.Abs(got[i]-w) <= tol) {
				return fmt.Sprintf("entry %d = %v, want %v (sum: tol %.3g)", i, got[i], w, tol)
			}
		}
	case "logdet":
		for i, w := range want {
			if tol := Safety * (m + math.Abs(math.Log(math.Abs(w)))) * Eps * math.Abs(w); finite(w) && !(math.Abs(got[i]-w) <= tol) {
				return fmt.Sprintf("entry %d = %v, want %v (logdet: tol %.3g)", i, got[i], w, tol)
			}
		}
	case "cond":
		var errSq, wantSq float64
		for i, w := range want {
			if finite(w) {
				d := got[i] - w
				errSq += d * d
				wantSq += w * w
			}
		}
		tol := Safety * m * Eps * math.Max(c.Cond, 1) * math.Sqrt(wantSq)
		if e := math.Sqrt(errSq); !(e <= tol) {
			return fmt.Sprintf("got %v, want %v: error %.3g > tol %.3g (cond %.3g)", got, want, e, tol, c.Cond)
		}
	default:
		return fmt.Sprintf("unknown tolerance rule %q", c.Tol)
	}
	return ""
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// Panics calls f and returns the value it panicked with (nil if none).
func Panics(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}

// Run loads the shared file at path and runs check on every case as a
// subtest named after it; it fails if any of ops has no case in the file.
func Run(t *testing.T, path string, ops []string, check func(*testing.T, Case)) {
	t.Helper()
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, c := range f.Cases {
		count[c.Op]++
		t.Run(c.Name, func(t *testing.T) { check(t, c) })
	}
	for _, op := range ops {
		if count[op] == 0 {
			t.Errorf("no cases for %s in %s", op, path)
		}
	}
}

// Same reports whether got and want are equal entry by entry, NaN matching
// NaN (and +0 matching -0).
func Same(got, want []float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !(got[i] == want[i] || math.IsNaN(got[i]) && math.IsNaN(want[i])) {
			return false
		}
	}
	return true
}

// MustPanic fails t unless f panics with an error matching want
// (errors.Is): how the core packages report a shape error.
func MustPanic(t *testing.T, name string, want error, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if err, ok := r.(error); !ok || !errors.Is(err, want) {
			t.Errorf("%s: panic %v, want %v", name, r, want)
		}
	}()
	f()
}
