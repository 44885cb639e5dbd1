package symbolic

import (
	"hash/fnv"
	"math"
	"slices"
	"strings"
)

// centralDiff estimates f'(x) by central differences with steps h, h/2 and
// h/4, h = 1e-3*max(1, |x|), refined by Richardson extrapolation. It
// returns the estimate, the scale its error is relative to, and whether
// it is reliable: every value finite and the two extrapolations agreeing
// to 1e-7 of the scale (which fails near kinks, poles and where the
// higher derivatives are large).
func centralDiff(f func(float64) float64, x float64) (est, scale float64, ok bool) {
	h := 1e-3 * math.Max(1, math.Abs(x))
	d := func(h float64) float64 {
		xp, xm := x+h, x-h
		return (f(xp) - f(xm)) / (xp - xm)
	}
	d1, d2, d3 := d(h), d(h/2), d(h/4)
	r1, r2 := d2+(d2-d1)/3, d3+(d3-d2)/3
	f0 := f(x)
	scale = math.Max(1, math.Max(math.Abs(r2), math.Abs(f0)/math.Max(1, math.Abs(x))))
	for _, v := range []float64{d1, d2, d3, r1, r2, f0, scale} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return 0, 0, false
		}
	}
	return r2, scale, math.Abs(r1-r2) <= 1e-7*scale
}

// sameValue reports whether a and b are equal, NaN matching NaN.
func sameValue(a, b float64) bool {
	return a == b || math.IsNaN(a) && math.IsNaN(b)
}

// variables returns the names of the variables in e, sorted.
func variables(e Expr) []string {
	var names []string
	var walk func(Expr)
	walk = func(e Expr) {
		switch e := e.(type) {
		case *variable:
			names = append(names, e.name)
		case *neg:
			walk(e.x)
		case *sum:
			for _, t := range e.terms {
				walk(t.x)
			}
		case *product:
			for _, f := range e.factors {
				walk(f.x)
			}
		case *power:
			walk(e.base)
			walk(e.exp)
		case *call:
			walk(e.arg)
		}
	}
	walk(e)
	slices.Sort(names)
	return slices.Compact(names)
}

// evalAt returns e at x for "x" and a value fixed by the name for each
// other variable, between 0.5 and 1.5.
func evalAt(e Expr, x float64) float64 {
	vars := map[string]float64{"x": x}
	for _, name := range variables(e) {
		if name != "x" {
			vars[name] = varValue(name)
		}
	}
	v, err := e.Eval(vars)
	if err != nil {
		panic(err) // every variable has a value
	}
	return v
}

// varValue is the value evalAt gives the variable name, between 0.5
// and 1.5.
func varValue(name string) float64 {
	h := fnv.New32a()
	h.Write([]byte(name))
	return 0.5 + float64(h.Sum32()%1000)/1000
}

// mustParse parses s or panics, for test tables.
func mustParse(s string) Expr {
	e, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return e
}

// isDepthError reports whether err is the error for nesting too deep.
func isDepthError(err error) bool {
	return err != nil && strings.Contains(err.Error(), "nested more than")
}
