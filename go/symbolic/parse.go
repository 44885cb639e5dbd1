package symbolic

import "fmt"

// reserved are Python's keywords, which sympy.sympify cannot take as names.
var reserved = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true,
	"assert": true, "async": true, "await": true, "break": true,
	"class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true,
	"from": true, "global": true, "if": true, "import": true, "in": true,
	"is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true,
	"while": true, "with": true, "yield": true,
}

// Parse parses expr by the grammar in the package documentation and
// returns its tree, as written: nothing is simplified, so its String has
// the same structure (with only the parentheses precedence needs).
//
// The error wraps ErrSyntax for input outside the grammar, including the
// empty string and nesting deeper than 1000, and ErrUnknownFunction for a
// call of a function the grammar does not have; its message names the
// 0-based position, in characters, of the offending token.
func Parse(expr string) (Expr, error) {
	p := &parser{lx: newLexer(expr)}
	if err := p.advance(); err != nil {
		return nil, err
	}
	if p.tok.kind == tokEOF {
		return nil, syntaxError(0, "empty expression")
	}
	e, err := p.expr()
	if err != nil {
		return nil, err
	}
	if p.tok.kind != tokEOF {
		return nil, p.unexpected()
	}
	return e, nil
}

// parser is a recursive-descent parser with one token of lookahead.
type parser struct {
	lx    *lexer
	tok   token
	depth int
}

func (p *parser) advance() error {
	t, err := p.lx.next()
	p.tok = t
	return err
}

// unexpected returns the error for the current token, noting the missing
// operator when it begins an operand.
func (p *parser) unexpected() error {
	what := "unexpected " + p.tok.describe()
	if p.tok.startsOperand() {
		err := syntaxError(p.tok.pos, what)
		return fmt.Errorf("%w (implicit multiplication is not supported; write '*')", err)
	}
	return syntaxError(p.tok.pos, what)
}

// expr = term { ("+" | "-") term }
func (p *parser) expr() (Expr, error) {
	x, err := p.term()
	if err != nil {
		return nil, err
	}
	terms := []term{{x: x}}
	for p.tok.kind == tokPlus || p.tok.kind == tokMinus {
		minus := p.tok.kind == tokMinus
		if err := p.advance(); err != nil {
			return nil, err
		}
		x, err := p.term()
		if err != nil {
			return nil, err
		}
		terms = append(terms, term{x: x, neg: minus})
	}
	if len(terms) == 1 {
		return x, nil
	}
	return newSumNode(terms), nil
}

// term = factor { ("*" | "/") factor }
func (p *parser) term() (Expr, error) {
	x, err := p.factor()
	if err != nil {
		return nil, err
	}
	factors := []factor{{x: x}}
	for p.tok.kind == tokStar || p.tok.kind == tokSlash {
		inv := p.tok.kind == tokSlash
		if err := p.advance(); err != nil {
			return nil, err
		}
		x, err := p.factor()
		if err != nil {
			return nil, err
		}
		factors = append(factors, factor{x: x, inv: inv})
	}
	if len(factors) == 1 {
		return x, nil
	}
	return newProductNode(factors), nil
}

// factor = ("+" | "-") factor | power. Every level of nesting passes
// through here, so this is where the depth is bounded.
func (p *parser) factor() (Expr, error) {
	p.depth++ // 1 at the top level
	defer func() { p.depth-- }()
	if p.depth-1 > maxDepth {
		return nil, syntaxError(p.tok.pos, fmt.Sprintf("expression nested more than %d deep", maxDepth))
	}
	switch p.tok.kind {
	case tokPlus, tokMinus:
		minus := p.tok.kind == tokMinus
		if err := p.advance(); err != nil {
			return nil, err
		}
		x, err := p.factor()
		if err != nil || !minus {
			return x, err
		}
		return newNeg(x), nil
	}
	return p.power()
}

// power = primary [ ("^" | "**") factor ]
func (p *parser) power() (Expr, error) {
	base, err := p.primary()
	if err != nil || p.tok.kind != tokPow {
		return base, err
	}
	if err := p.advance(); err != nil {
		return nil, err
	}
	exp, err := p.factor()
	if err != nil {
		return nil, err
	}
	return newPower(base, exp), nil
}

// primary = number | name | name "(" expr ")" | "(" expr ")"
func (p *parser) primary() (Expr, error) {
	t := p.tok
	switch t.kind {
	case tokNumber:
		return num(t.val), p.advance()
	case tokName:
		if err := p.advance(); err != nil {
			return nil, err
		}
		if p.tok.kind == tokLParen {
			fn, ok := functions[t.text]
			if !ok {
				return nil, fmt.Errorf("%w %q at position %d", ErrUnknownFunction, t.text, t.pos)
			}
			arg, err := p.parenthesized()
			if err != nil {
				return nil, err
			}
			return newCall(fn, arg), nil
		}
		return name(t.text, t.pos)
	case tokLParen:
		return p.parenthesized()
	}
	return nil, p.unexpected()
}

// parenthesized = "(" expr ")", at the "(".
func (p *parser) parenthesized() (Expr, error) {
	if err := p.advance(); err != nil {
		return nil, err
	}
	x, err := p.expr()
	if err != nil {
		return nil, err
	}
	switch p.tok.kind {
	case tokRParen:
		return x, p.advance()
	case tokEOF:
		return nil, syntaxError(p.tok.pos, "missing ')'")
	}
	return nil, p.unexpected()
}

// name returns the constant or variable s, which stands at position pos,
// or an error if s is a function or a reserved word.
func name(s string, pos int) (Expr, error) {
	switch {
	case s == "pi":
		return constPi, nil
	case s == "E":
		return constE, nil
	case functions[s] != nil:
		return nil, syntaxError(pos, fmt.Sprintf("function %q without '(' after it", s))
	case reserved[s]:
		return nil, syntaxError(pos, fmt.Sprintf("reserved word %q", s))
	}
	return newVariable(s), nil
}

// checkVariable returns nil if s can be differentiated by: a name that
// Parse reads as a variable.
func checkVariable(s string) error {
	ok := s != ""
	for i, r := range s {
		if !isNameChar(r) || i == 0 && !isNameStart(r) {
			ok = false
			break
		}
	}
	if ok {
		if _, err := name(s, 0); err == nil && s != "pi" && s != "E" {
			return nil
		}
	}
	return fmt.Errorf("%w: invalid variable name %q", ErrSyntax, s)
}
