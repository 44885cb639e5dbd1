package symbolic

// Derivative returns the derivative of expr with respect to variable,
// simplified and printed in sympy syntax: the result of
// Simplify(Simplify(e).Diff(variable)).String() for e parsed from expr. For
// "x^3 + 2*x^2 - 5*x + 1" and "x" it is "3*x**2 + 4*x - 5".
//
// variable must be a name that Parse reads as a variable, such as x or
// e, and may be absent from expr (the derivative is then 0). The error
// wraps ErrSyntax for an invalid variable or expression, and
// ErrUnknownFunction for a call of a function the grammar does not have.
func Derivative(expr, variable string) (string, error) {
	if err := checkVariable(variable); err != nil {
		return "", err
	}
	e, err := Parse(expr)
	if err != nil {
		return "", err
	}
	return Simplify(Simplify(e).Diff(variable)).String(), nil
}

func (e *number) Diff(string) Expr   { return num(0) }
func (e *constant) Diff(string) Expr { return num(0) }

func (e *variable) Diff(v string) Expr {
	if e.name == v {
		return num(1)
	}
	return num(0)
}

func (e *neg) Diff(v string) Expr { return negate(e.x.Diff(v)) }

func (e *sum) Diff(v string) Expr {
	terms := make([]term, len(e.terms))
	for i, t := range e.terms {
		terms[i] = term{x: t.x.Diff(v), neg: t.neg}
	}
	return newSum(terms)
}

// Diff sums, over the factors that depend on v, the product with that
// factor differentiated: a multiplied factor u becomes u', and a divided
// one, 1/u, becomes -u'/u^2.
func (e *product) Diff(v string) Expr {
	var terms []term
	for i, f := range e.factors {
		d := f.x.Diff(v)
		if isZero(d) {
			continue
		}
		fs := make([]factor, 0, len(e.factors)+1)
		fs = append(fs, e.factors[:i]...)
		fs = append(fs, factor{x: d})
		if f.inv {
			fs = append(fs, factor{x: pow(f.x, num(2)), inv: true})
		}
		fs = append(fs, e.factors[i+1:]...)
		terms = append(terms, term{x: newProduct(fs), neg: f.inv})
	}
	return newSum(terms)
}

func (e *power) Diff(v string) Expr {
	du, dv := e.base.Diff(v), e.exp.Diff(v)
	switch {
	case isZero(dv) && isZero(du):
		return num(0)
	case !depends(e.exp, v):
		// c*u^(c-1)*u'
		return newProduct([]factor{{x: e.exp}, {x: pow(e.base, sub(e.exp, num(1)))}, {x: du}})
	case !depends(e.base, v):
		// c^v*log(c)*v'
		return newProduct([]factor{{x: e}, {x: apply(&fnLog, e.base)}, {x: dv}})
	}
	// u^v*(v'*log(u) + v*u'/u)
	return mul(e, add(mul(dv, apply(&fnLog, e.base)), newProduct([]factor{{x: e.exp}, {x: du}, {x: e.base, inv: true}})))
}

func (e *call) Diff(v string) Expr {
	d := e.arg.Diff(v)
	if isZero(d) {
		return num(0)
	}
	return mul(e.fn.deriv(e.arg), d)
}
