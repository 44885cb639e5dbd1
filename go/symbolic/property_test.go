package symbolic

import (
	"math"
	"math/rand/v2"
	"testing"
)

// genExpr is a random expression of the grammar: its text, the
// precedence of its top operator, and its value by Python's rules,
// computed independently of the parser.
type genExpr struct {
	s    string
	prec int
	eval func(x float64) float64
}

// gen builds random expressions in x, y and e (a symbol; y and e have
// the values evalAt gives them) and the constants pi and E.
type gen struct{ rng *rand.Rand }

var genFuncs = []struct {
	name string
	f    func(float64) float64
}{
	{"sin", math.Sin}, {"cos", math.Cos}, {"tan", math.Tan}, {"exp", math.Exp},
	{"log", math.Log}, {"sqrt", math.Sqrt}, {"tanh", math.Tanh},
	{"sigmoid", func(u float64) float64 { return 1 / (1 + math.Exp(-u)) }},
	{"abs", math.Abs}, {"Abs", math.Abs}, {"sign", sign},
}

// sp returns optional whitespace.
func (g *gen) sp() string {
	switch g.rng.IntN(6) {
	case 0:
		return "  "
	case 1, 2:
		return " "
	}
	return ""
}

// wrap returns a's text, parenthesized if its precedence is below min or,
// now and then, anyway.
func (g *gen) wrap(a genExpr, min int) string {
	if a.prec < min || g.rng.IntN(8) == 0 {
		return "(" + g.sp() + a.s + g.sp() + ")"
	}
	return a.s
}

func (g *gen) leaf() genExpr {
	atom := func(s string, v float64) genExpr {
		return genExpr{s, precAtom, func(float64) float64 { return v }}
	}
	switch g.rng.IntN(10) {
	case 0, 1, 2, 3:
		return genExpr{"x", precAtom, func(x float64) float64 { return x }}
	case 4:
		return atom("y", varValue("y"))
	case 5:
		return atom("e", varValue("e"))
	case 6:
		if g.rng.IntN(2) == 0 {
			return atom("pi", math.Pi)
		}
		return atom("E", math.E)
	}
	lits := []struct {
		s string
		v float64
	}{{"0", 0}, {"1", 1}, {"2", 2}, {"3", 3}, {"2.5", 2.5}, {".5", 0.5}, {"1e-1", 0.1}, {"1.5E+0", 1.5}, {"10", 10}}
	l := lits[g.rng.IntN(len(lits))]
	return atom(l.s, l.v)
}

func (g *gen) expr(depth int) genExpr {
	if depth <= 0 || g.rng.IntN(4) == 0 {
		return g.leaf()
	}
	a := g.expr(depth - 1)
	switch k := g.rng.IntN(12); k {
	case 0, 1, 2, 3: // + - * /
		b := g.expr(depth - 1)
		op := "+-*/"[k : k+1]
		prec, rmin := precSum, precProduct
		if k >= 2 {
			prec, rmin = precProduct, precNeg // Python: a*-b
		}
		s := g.wrap(a, prec) + g.sp() + op + g.sp() + g.wrap(b, rmin)
		fa, fb := a.eval, b.eval
		f := map[int]func(x float64) float64{
			0: func(x float64) float64 { return fa(x) + fb(x) },
			1: func(x float64) float64 { return fa(x) - fb(x) },
			2: func(x float64) float64 { return fa(x) * fb(x) },
			3: func(x float64) float64 { return fa(x) / fb(x) },
		}[k]
		return genExpr{s, prec, f}
	case 4, 5: // power, with a small exponent mostly
		b := g.expr(depth - 2)
		op := "^"
		if k == 5 {
			op = "**"
		}
		s := g.wrap(a, precAtom) + g.sp() + op + g.sp() + g.wrap(b, precNeg)
		fa, fb := a.eval, b.eval
		return genExpr{s, precPower, func(x float64) float64 { return math.Pow(fa(x), fb(x)) }}
	case 6, 7: // unary sign
		fa := a.eval
		if g.rng.IntN(4) == 0 {
			return genExpr{"+" + g.sp() + g.wrap(a, precNeg), precNeg, fa}
		}
		return genExpr{"-" + g.sp() + g.wrap(a, precNeg), precNeg, func(x float64) float64 { return -fa(x) }}
	}
	fn := genFuncs[g.rng.IntN(len(genFuncs))]
	fa := a.eval
	return genExpr{fn.name + g.sp() + "(" + g.sp() + a.s + g.sp() + ")", precAtom, func(x float64) float64 { return fn.f(fa(x)) }}
}

// TestRandomExpressions parses random expressions of the grammar and
// checks that each has the value of its independent evaluation, that its
// String parses back to the same value, and that its derivative agrees
// with central differences wherever those are reliable.
func TestRandomExpressions(t *testing.T) {
	const n = 3000
	g := &gen{rng: rand.New(rand.NewPCG(1, 2))}
	pts := rand.New(rand.NewPCG(3, 4))
	var values, derivs, unreliable int
	for i := range n {
		ge := g.expr(1 + i%7)
		e, err := Parse(ge.s)
		if err != nil {
			t.Fatalf("Parse(%q): %v", ge.s, err)
		}
		printed := e.String()
		back, err := Parse(printed)
		if err != nil {
			t.Fatalf("Parse(%q) (printed from %q): %v", printed, ge.s, err)
		}
		if again := back.String(); again != printed {
			t.Errorf("%q prints as %q, which prints as %q once parsed", ge.s, printed, again)
		}
		d := Simplify(Simplify(e).Diff("x"))
		dBack, err := Parse(d.String())
		if err != nil {
			t.Fatalf("Parse(%q) (derivative of %q): %v", d, ge.s, err)
		}
		if again := Simplify(d).String(); again != d.String() {
			t.Errorf("Simplify not idempotent on %q: %q", d, again)
		}
		for range 4 {
			x := pts.Float64()*6 - 3
			want := ge.eval(x)
			if got := evalAt(e, x); !sameValue(got, want) {
				t.Errorf("%q at x=%v: %v, want %v", ge.s, x, got, want)
			}
			if got := evalAt(back, x); !sameValue(got, want) {
				t.Errorf("%q printed as %q: at x=%v: %v, want %v", ge.s, printed, x, got, want)
			}
			dx := evalAt(d, x)
			if got := evalAt(dBack, x); !sameValue(got, dx) {
				t.Errorf("derivative %q printed and parsed: at x=%v: %v, want %v", d, x, got, dx)
			}
			if !math.IsNaN(want) && !math.IsInf(want, 0) {
				values++
			}
			fd, scale, ok := centralDiff(ge.eval, x)
			if !ok || math.IsNaN(dx) || math.IsInf(dx, 0) {
				unreliable++
				continue
			}
			derivs++
			if math.Abs(dx-fd) > 1e-6*scale {
				t.Errorf("d/dx %q = %q at x=%v: %v, central difference %v", ge.s, d, x, dx, fd)
			}
		}
	}
	t.Logf("%d expressions: %d finite values, %d derivatives checked, %d points skipped", n, values, derivs, unreliable)
	if derivs < n {
		t.Errorf("only %d derivatives checked", derivs)
	}
}
