package symbolic

import (
	"fmt"
	"math"
)

// Expr is a node of an expression tree: a number, a constant, a variable,
// a negation, a sum, a product, a power or a function call. Trees are
// immutable; subtrees may be shared.
type Expr interface {
	// String returns the expression in sympy syntax (see the package
	// documentation): sympy.sympify reads it, and so does Parse, back into
	// an expression of the same value.
	String() string
	// Eval returns the value of the expression in float64 arithmetic, with
	// vars giving the value of each variable. Outside the domain of an
	// operation the result is what package math gives, NaN or ±Inf: log(-1)
	// and sqrt(-1) are NaN (sympy's would be complex), 1/0 is +Inf. The
	// error, wrapping ErrUnboundVariable, is for a variable missing from
	// vars.
	Eval(vars map[string]float64) (float64, error)
	// Diff returns the derivative with respect to variable, by the rules
	// in the package documentation. Its parts are simplified as they are
	// built but the whole is not; Simplify gives the form Derivative
	// prints.
	Diff(variable string) Expr

	// prec is the precedence of the printed form, precSum to precAtom.
	prec() int
	// hash is a hash of the tree: equal trees have equal hashes.
	hash() uint64
	// write appends the printed form to b.
	write(b *printer)
}

// number is a finite float64 literal; -0 is stored as 0.
type number struct{ v float64 }

// constant is pi or E.
type constant struct {
	name string // as sympy spells it
	v    float64
}

// variable is a symbol to differentiate by or to evaluate.
type variable struct {
	name string
	h    uint64
}

// neg is -x.
type neg struct {
	x Expr
	h uint64
}

// term is one addend of a sum, subtracted if neg is set.
type term struct {
	x   Expr
	neg bool
}

// sum is t0 ± t1 ± ..., evaluated left to right; it has two or more terms.
type sum struct {
	terms []term
	h     uint64
}

// factor is one factor of a product, a divisor if inv is set.
type factor struct {
	x   Expr
	inv bool
}

// product is f0 * f1 / f2 ..., evaluated left to right; a first factor
// with inv set means 1/f0. It has one or more factors.
type product struct {
	factors []factor
	h       uint64
}

// power is base^exp.
type power struct {
	base, exp Expr
	h         uint64
}

// call is fn(arg).
type call struct {
	fn  *function
	arg Expr
	h   uint64
}

// The constructors of the composite nodes compute their hash once, from
// their children's, so that comparing trees is cheap.

func newVariable(name string) *variable { return &variable{name: name, h: hashString(name)} }
func newNeg(x Expr) *neg                { return &neg{x: x, h: mix(tagNeg, x.hash())} }
func newCall(fn *function, arg Expr) *call {
	return &call{fn: fn, arg: arg, h: mix(mix(tagCall, hashString(fn.name)), arg.hash())}
}
func newPower(base, exp Expr) *power {
	return &power{base: base, exp: exp, h: mix(mix(tagPower, base.hash()), exp.hash())}
}

// newSumNode returns the sum of terms as they are; newSum simplifies.
func newSumNode(terms []term) *sum {
	h := uint64(tagSum)
	for _, t := range terms {
		h = mix(mix(h, flag(t.neg)), t.x.hash())
	}
	return &sum{terms: terms, h: h}
}

// newProductNode returns the product of factors as they are; newProduct
// simplifies.
func newProductNode(factors []factor) *product {
	h := uint64(tagProduct)
	for _, f := range factors {
		h = mix(mix(h, flag(f.inv)), f.x.hash())
	}
	return &product{factors: factors, h: h}
}

var (
	constPi = &constant{name: "pi", v: math.Pi}
	constE  = &constant{name: "E", v: math.E}
)

func (e *number) Eval(map[string]float64) (float64, error)   { return e.v, nil }
func (e *constant) Eval(map[string]float64) (float64, error) { return e.v, nil }

func (e *variable) Eval(vars map[string]float64) (float64, error) {
	v, ok := vars[e.name]
	if !ok {
		return math.NaN(), fmt.Errorf("%w: %s", ErrUnboundVariable, e.name)
	}
	return v, nil
}

func (e *neg) Eval(vars map[string]float64) (float64, error) {
	v, err := e.x.Eval(vars)
	return -v, err
}

func (e *sum) Eval(vars map[string]float64) (float64, error) {
	var acc float64
	for i, t := range e.terms {
		v, err := t.x.Eval(vars)
		if err != nil {
			return math.NaN(), err
		}
		switch {
		case i == 0 && t.neg:
			acc = -v
		case i == 0:
			acc = v
		case t.neg:
			acc -= v
		default:
			acc += v
		}
	}
	return acc, nil
}

func (e *product) Eval(vars map[string]float64) (float64, error) {
	acc := 1.0
	for _, f := range e.factors {
		v, err := f.x.Eval(vars)
		if err != nil {
			return math.NaN(), err
		}
		if f.inv {
			acc /= v
		} else {
			acc *= v
		}
	}
	return acc, nil
}

func (e *power) Eval(vars map[string]float64) (float64, error) {
	b, err := e.base.Eval(vars)
	if err != nil {
		return math.NaN(), err
	}
	x, err := e.exp.Eval(vars)
	if err != nil {
		return math.NaN(), err
	}
	return math.Pow(b, x), nil
}

func (e *call) Eval(vars map[string]float64) (float64, error) {
	v, err := e.arg.Eval(vars)
	if err != nil {
		return math.NaN(), err
	}
	return e.fn.eval(v), nil
}

// depends reports whether e contains the variable named v.
func depends(e Expr, v string) bool {
	switch e := e.(type) {
	case *variable:
		return e.name == v
	case *neg:
		return depends(e.x, v)
	case *sum:
		for _, t := range e.terms {
			if depends(t.x, v) {
				return true
			}
		}
	case *product:
		for _, f := range e.factors {
			if depends(f.x, v) {
				return true
			}
		}
	case *power:
		return depends(e.base, v) || depends(e.exp, v)
	case *call:
		return depends(e.arg, v)
	}
	return false
}
