package symbolic

import (
	"errors"
	"strings"
	"testing"
)

// FuzzDerivative checks that Derivative never panics, that its errors
// wrap ErrSyntax or ErrUnknownFunction and name a position, and that its
// result parses back to an expression that prints the same and has the
// value of the derivative it printed. The seed corpus is in testdata/fuzz/FuzzDerivative.
func FuzzDerivative(f *testing.F) {
	for _, s := range []string{
		"x^3 + 2*x^2 - 5*x + 1", "sigmoid(x)*abs(x - 1)", "x^x^x", "2^-x",
		"Abs(x)**E/sign(pi*x)", "log(0)/0", "(x", "foo(x)", "1e",
	} {
		f.Add(s, "x")
	}
	f.Fuzz(func(t *testing.T, expr, variable string) {
		out, err := Derivative(expr, variable)
		if err != nil {
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrUnknownFunction) {
				t.Fatalf("Derivative(%q, %q): error %v wraps neither ErrSyntax nor ErrUnknownFunction", expr, variable, err)
			}
			if !strings.Contains(err.Error(), " at position ") && !strings.Contains(err.Error(), "invalid variable name") {
				t.Fatalf("Derivative(%q, %q): error %v names no position", expr, variable, err)
			}
			return
		}
		back, err := Parse(out)
		if isDepthError(err) {
			return // the derivative nests deeper than its expression
		}
		if err != nil {
			t.Fatalf("Derivative(%q, %q) = %q, which does not parse: %v", expr, variable, out, err)
		}
		if again := back.String(); again != out {
			t.Fatalf("Derivative(%q, %q) = %q, which prints as %q once parsed", expr, variable, out, again)
		}
		d := Simplify(Simplify(mustParse(expr)).Diff(variable))
		for _, x := range []float64{-1.25, 0.5, 2} {
			if got, want := evalAt(back, x), evalAt(d, x); !sameValue(got, want) {
				t.Fatalf("Derivative(%q, %q) = %q: at x=%v the parsed result is %v, the derivative %v", expr, variable, out, x, got, want)
			}
		}
	})
}

// FuzzParse checks that Parse never panics; that its errors wrap ErrSyntax
// or ErrUnknownFunction and name a position; and that an expression it
// reads prints as sympy syntax that Parse reads back into an expression
// that prints the same and has the same value at a few points. Simplify
// keeps the printed form a fixed point too. The seed corpus is in
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"x^3 + 2*x^2 - 5*x + 1", "-(-x)", "2**-3**2", "1e308*10", "sin(cos(tan(x)))", "x/0", "exp(", ")", "1.5e-324",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := Parse(s)
		if err != nil {
			if isDepthError(err) {
				return
			}
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrUnknownFunction) {
				t.Fatalf("Parse(%q): error %v wraps neither ErrSyntax nor ErrUnknownFunction", s, err)
			}
			if !strings.Contains(err.Error(), " at position ") {
				t.Fatalf("Parse(%q): error %v names no position", s, err)
			}
			return
		}
		for _, ex := range []Expr{e, Simplify(e)} {
			out := ex.String()
			back, err := Parse(out)
			if isDepthError(err) {
				continue
			}
			if err != nil {
				t.Fatalf("Parse(%q) prints %q, which does not parse: %v", s, out, err)
			}
			if again := back.String(); again != out {
				t.Fatalf("Parse(%q) prints %q, which prints as %q once parsed", s, out, again)
			}
			for _, x := range []float64{-1.25, 0.5, 2} {
				if got, want := evalAt(back, x), evalAt(ex, x); !sameValue(got, want) {
					t.Fatalf("Parse(%q) prints %q: at x=%v its value is %v, the printed one's %v", s, out, x, want, got)
				}
			}
		}
	})
}
