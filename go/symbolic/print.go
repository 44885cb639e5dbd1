package symbolic

import (
	"strconv"
	"strings"
)

// Precedences of printed forms, as in Python's grammar: an operand whose
// precedence is below what its position needs is parenthesized.
const (
	precSum     = iota + 1 // a + b, a - b
	precProduct            // a*b, a/b
	precNeg                // -a
	precPower              // a**b
	precAtom               // number, name, f(a)
)

// printer accumulates a printed expression.
type printer struct{ strings.Builder }

// sub writes e, parenthesized if its precedence is below min.
func (b *printer) sub(e Expr, min int) {
	if e.prec() < min {
		b.WriteByte('(')
		e.write(b)
		b.WriteByte(')')
		return
	}
	e.write(b)
}

func toString(e Expr) string {
	var b printer
	e.write(&b)
	return b.String()
}

func (e *number) String() string   { return toString(e) }
func (e *constant) String() string { return toString(e) }
func (e *variable) String() string { return toString(e) }
func (e *neg) String() string      { return toString(e) }
func (e *sum) String() string      { return toString(e) }
func (e *product) String() string  { return toString(e) }
func (e *power) String() string    { return toString(e) }
func (e *call) String() string     { return toString(e) }

func (e *number) prec() int {
	if e.v < 0 {
		return precNeg
	}
	return precAtom
}
func (e *constant) prec() int { return precAtom }
func (e *variable) prec() int { return precAtom }
func (e *neg) prec() int      { return precNeg }
func (e *sum) prec() int      { return precSum }
func (e *product) prec() int  { return precProduct }
func (e *power) prec() int    { return precPower }

func (e *call) prec() int {
	if e.fn == &fnSigmoid {
		return precProduct // printed as 1/(...)
	}
	return precAtom
}

func (e *number) write(b *printer) {
	// 'g' with the shortest precision gives forms such as 0.001, 1e-05
	// and 1e+21, all Python float literals.
	b.WriteString(strconv.FormatFloat(e.v, 'g', -1, 64))
}

func (e *constant) write(b *printer) { b.WriteString(e.name) }
func (e *variable) write(b *printer) { b.WriteString(e.name) }

// startsWithMinus reports whether the printed form of e begins with '-'.
func startsWithMinus(e Expr) bool {
	for {
		switch x := e.(type) {
		case *neg:
			return true
		case *number:
			return x.v < 0
		case *product:
			if x.factors[0].inv {
				return false
			}
			e = x.factors[0].x
		default:
			return false // a sum, power or call starts with '(' or an atom
		}
	}
}

// signed writes e after a minus sign: parenthesized if it is a sum, or
// if it starts with a minus itself (Python would read "- -x", but it
// reads badly).
func (b *printer) signed(e Expr) {
	if startsWithMinus(e) {
		b.sub(e, precAtom+1)
		return
	}
	b.sub(e, precProduct)
}

// write prints -x. Python reads -a*b as (-a)*b, which has the value of
// -(a*b), so a product needs no parentheses.
func (e *neg) write(b *printer) {
	b.WriteByte('-')
	b.signed(e.x)
}

func (e *sum) write(b *printer) {
	for i, t := range e.terms {
		switch {
		case i == 0 && t.neg:
			b.WriteByte('-')
			b.signed(t.x)
			continue
		case i == 0:
			b.sub(t.x, precSum)
			continue
		case t.neg:
			b.WriteString(" - ")
		default:
			b.WriteString(" + ")
		}
		// Left-associative: a later term that is a sum is parenthesized.
		b.signed(t.x)
	}
}

func (e *product) write(b *printer) {
	for i, f := range e.factors {
		switch {
		case i == 0 && f.inv:
			b.WriteString("1/")
		case i == 0:
			// Left-associative: (a*b)*c prints as a*b*c.
			b.sub(f.x, precProduct)
			continue
		case f.inv:
			b.WriteByte('/')
		default:
			b.WriteByte('*')
		}
		// Later factors: products, sums and negations are parenthesized,
		// so x*(-2) and x/(2*y).
		b.sub(f.x, precPower)
	}
}

func (e *power) write(b *printer) {
	b.sub(e.base, precAtom)
	b.WriteString("**")
	b.sub(e.exp, precAtom)
}

func (e *call) write(b *printer) {
	switch e.fn {
	case &fnSigmoid:
		// sympy has no sigmoid.
		b.WriteString("1/(1 + exp(")
		newNeg(e.arg).write(b)
		b.WriteString("))")
		return
	case &fnAbs:
		b.WriteString("Abs")
	default:
		b.WriteString(e.fn.name)
	}
	b.WriteByte('(')
	e.arg.write(b)
	b.WriteByte(')')
}
