package symbolic

import (
	"math"
	"math/big"
	"slices"
)

// Simplify returns e rewritten by the rules in the package documentation:
// in one bottom-up pass, sums and products are flattened and their numbers
// folded, equal factors merged into powers, and the identities for 0 and 1
// applied. The result has the value of e wherever e is defined.
// Simplify(Simplify(e)) prints as Simplify(e).
func Simplify(e Expr) Expr {
	switch e := e.(type) {
	case *neg:
		return negate(Simplify(e.x))
	case *sum:
		terms := make([]term, len(e.terms))
		for i, t := range e.terms {
			terms[i] = term{x: Simplify(t.x), neg: t.neg}
		}
		return newSum(terms)
	case *product:
		factors := make([]factor, len(e.factors))
		for i, f := range e.factors {
			factors[i] = factor{x: Simplify(f.x), inv: f.inv}
		}
		return newProduct(factors)
	case *power:
		return pow(Simplify(e.base), Simplify(e.exp))
	case *call:
		return apply(e.fn, Simplify(e.arg))
	}
	return e // a number, constant or variable
}

// The constructors below build simplified nodes from simplified operands;
// Diff builds with them too.

// num returns the number v, with -0 stored as 0.
func num(v float64) Expr { return &number{v: v + 0} }

// isNum returns the value of e if it is a number.
func isNum(e Expr) (float64, bool) {
	if n, ok := e.(*number); ok {
		return n.v, true
	}
	return 0, false
}

// isZero reports whether e is the number 0.
func isZero(e Expr) bool {
	v, ok := isNum(e)
	return ok && v == 0
}

func add(a, b Expr) Expr { return newSum([]term{{x: a}, {x: b}}) }
func sub(a, b Expr) Expr { return newSum([]term{{x: a}, {x: b, neg: true}}) }
func mul(a, b Expr) Expr { return newProduct([]factor{{x: a}, {x: b}}) }
func div(a, b Expr) Expr { return newProduct([]factor{{x: a}, {x: b, inv: true}}) }

// negate returns -x: a number's sign flipped, -(-u) = u, and a sum's
// terms with their signs flipped.
func negate(x Expr) Expr {
	switch x := x.(type) {
	case *number:
		return num(-x.v)
	case *neg:
		return x.x
	case *sum:
		terms := make([]term, len(x.terms))
		for i, t := range x.terms {
			terms[i] = term{x: t.x, neg: !t.neg}
		}
		return newSumNode(terms)
	}
	return newNeg(x)
}

// newSum returns the sum of terms: nested sums flattened, negations turned
// into subtractions, the numbers folded into one last term, and zeros
// dropped.
func newSum(terms []term) Expr {
	var out []term
	var c float64
	var walk func(ts []term, flip bool)
	walk = func(ts []term, flip bool) {
		for _, t := range ts {
			x, minus := t.x, t.neg != flip
			for {
				n, ok := x.(*neg)
				if !ok {
					break
				}
				x, minus = n.x, !minus
			}
			switch x := x.(type) {
			case *number:
				v := x.v
				if minus {
					v = -v
				}
				if s := c + v; !math.IsInf(s, 0) {
					c = s
				} else {
					out = append(out, term{x: x, neg: minus})
				}
			case *sum:
				walk(x.terms, minus)
			default:
				out = append(out, term{x: x, neg: minus})
			}
		}
	}
	walk(terms, false)
	if c != 0 {
		out = append(out, term{x: num(math.Abs(c)), neg: c < 0})
	}
	if len(out) > 1 && out[0].neg && c > 0 {
		// 1 - u rather than -u + 1; exact, as one sign is flipped.
		last := out[len(out)-1]
		copy(out[1:], out[:len(out)-1])
		out[0] = last
	}
	switch {
	case len(out) == 0:
		return num(0)
	case len(out) == 1 && out[0].neg:
		return negate(out[0].x)
	case len(out) == 1:
		return out[0].x
	}
	return newSumNode(out)
}

// newProduct returns the product of factors: nested products flattened,
// signs pulled out in front, the numbers folded into a coefficient (and a
// divisor when their quotient is not exact), factors with equal bases
// merged into powers, multiplied factors before divided ones. It is 0
// when a multiplied number is 0, unless a divisor is the number 0.
func newProduct(factors []factor) Expr {
	var num1, den1 []factor // symbolic multiplied and divided factors
	coef, den := 1.0, 1.0
	minus, zeroDivisor := false, false
	var walk func(fs []factor, flip bool)
	walk = func(fs []factor, flip bool) {
		for _, f := range fs {
			x, inv := f.x, f.inv != flip
			for {
				n, ok := x.(*neg)
				if !ok {
					break
				}
				x, minus = n.x, !minus
			}
			switch x := x.(type) {
			case *number:
				v := x.v
				if v < 0 {
					v, minus = -v, !minus
				}
				switch {
				case inv && v == 0:
					zeroDivisor = true
					den1 = append(den1, factor{x: num(0), inv: true})
				case inv && !math.IsInf(den*v, 0) && den*v != 0:
					den *= v
				case !inv && (v == 0 || coef*v != 0 && !math.IsInf(coef*v, 0)):
					coef *= v
				case inv:
					den1 = append(den1, factor{x: num(v), inv: true})
				default:
					num1 = append(num1, factor{x: num(v)})
				}
			case *product:
				walk(x.factors, inv)
			default:
				if inv {
					den1 = append(den1, factor{x: x, inv: true})
				} else {
					num1 = append(num1, factor{x: x})
				}
			}
		}
	}
	walk(factors, false)
	if coef == 0 && !zeroDivisor {
		return num(0)
	}
	num1, den1 = merge(num1, den1)
	coef, den = reduce(coef, den)
	out := make([]factor, 0, len(num1)+len(den1)+2)
	if coef != 1 || len(num1) == 0 && len(den1) == 0 && den == 1 {
		out = append(out, factor{x: num(coef)})
	}
	out = append(out, num1...)
	out = append(out, den1...)
	if den != 1 {
		out = append(out, factor{x: num(den), inv: true})
	}
	var p Expr
	if len(out) == 1 && !out[0].inv {
		p = out[0].x
	} else {
		p = newProductNode(out)
	}
	if minus {
		return negate(p)
	}
	return p
}

// maxGroups bounds the distinct bases merge compares a factor with.
const maxGroups = 64

// merge combines the factors with equal bases into one power, as sympy
// does: u*u = u^2, u*u^2 = u^3, u/u^2 = 1/u, u/u = 1 (though undefined
// where u is 0). A factor's base and exponent are u and c for a power u^c
// with a number c, else the factor and 1; a divisor's exponent counts
// negative. Bases keep the order of their first appearance.
func merge(ns, ds []factor) ([]factor, []factor) {
	if len(ns)+len(ds) < 2 {
		return ns, ds
	}
	type group struct {
		base Expr
		exp  float64
	}
	var groups []group
	for _, f := range slices.Concat(ns, ds) {
		base, c := f.x, 1.0
		if p, ok := f.x.(*power); ok {
			if v, ok := isNum(p.exp); ok {
				base, c = p.base, v
			}
		}
		if f.inv {
			c = -c
		}
		i := slices.IndexFunc(groups[:min(len(groups), maxGroups)], func(g group) bool { return equal(g.base, base) })
		if i >= 0 && !math.IsInf(groups[i].exp+c, 0) {
			groups[i].exp += c
		} else {
			groups = append(groups, group{base, c})
		}
	}
	ns, ds = nil, nil
	for _, g := range groups {
		switch {
		case g.exp > 0:
			ns = append(ns, factor{x: pow(g.base, num(g.exp))})
		case g.exp < 0:
			ds = append(ds, factor{x: pow(g.base, num(-g.exp)), inv: true})
		}
	}
	return ns, ds
}

// maxExact is 2^53: integers up to it are exact in float64.
const maxExact = 1 << 53

func isInt(v float64) bool { return v == math.Trunc(v) && math.Abs(v) <= maxExact }

// reduce returns the fraction coef/den, both positive and finite, in
// lowest terms: integers divided by their gcd, other numbers divided out
// when the quotient is exact.
func reduce(coef, den float64) (float64, float64) {
	if den == 1 {
		return coef, den
	}
	if isInt(coef) && isInt(den) {
		a, b := int64(coef), int64(den)
		g := gcd(a, b)
		return float64(a / g), float64(b / g)
	}
	q, exact := new(big.Rat).Quo(new(big.Rat).SetFloat64(coef), new(big.Rat).SetFloat64(den)).Float64()
	if exact && q != 0 && !math.IsInf(q, 0) {
		return q, 1
	}
	return coef, den
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// pow returns base^exp with u^1 = u, u^0 = 1, 1^u = 1, 0^c = 0 for a
// number c > 0, and integer powers of integers folded below 2^53.
func pow(base, exp Expr) Expr {
	b, bnum := isNum(base)
	x, xnum := isNum(exp)
	switch {
	case xnum && x == 1:
		return base
	case xnum && x == 0, bnum && b == 1:
		return num(1)
	case bnum && xnum && b == 0 && x > 0:
		return num(0)
	case bnum && xnum && isInt(b) && isInt(x) && x > 0:
		if r := math.Pow(b, x); math.Abs(r) <= maxExact {
			return num(r)
		}
	}
	return newPower(base, exp)
}

// apply returns fn(arg), folded when arg is a number at which fn has an
// exact value or is E under log, and with abs(-u) = abs(u) and
// sign(-u) = -sign(u).
func apply(fn *function, arg Expr) Expr {
	if v, ok := isNum(arg); ok {
		if r, ok := fn.exact(v); ok {
			return num(r)
		}
	}
	if arg == constE && fn == &fnLog {
		return num(1)
	}
	if n, ok := arg.(*neg); ok {
		switch fn {
		case &fnAbs:
			arg = n.x
		case &fnSign:
			return negate(newCall(fn, n.x))
		}
	}
	return newCall(fn, arg)
}
