package symbolic

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// tokenKind is the class of a token.
type tokenKind int

const (
	tokEOF tokenKind = iota
	tokNumber
	tokName
	tokPlus
	tokMinus
	tokStar
	tokSlash
	tokPow // ^ or **
	tokLParen
	tokRParen
)

// token is one lexeme; pos is its offset in runes from the start of input.
type token struct {
	kind tokenKind
	pos  int
	text string
	val  float64 // for tokNumber
}

// describe names t for an error message.
func (t token) describe() string {
	switch t.kind {
	case tokEOF:
		return "end of input"
	case tokNumber:
		return fmt.Sprintf("number %q", t.text)
	case tokName:
		return fmt.Sprintf("name %q", t.text)
	}
	return "'" + t.text + "'"
}

// startsOperand reports whether t can begin an operand, so that finding it
// where an operator was expected means a missing operator.
func (t token) startsOperand() bool {
	return t.kind == tokNumber || t.kind == tokName || t.kind == tokLParen
}

// lexer splits an input into tokens on demand, so that the first error in
// reading order is the one reported.
type lexer struct {
	src []rune
	i   int
}

func newLexer(s string) *lexer {
	// Invalid UTF-8 bytes become U+FFFD, one rune each, so positions stay
	// defined for any input.
	src := make([]rune, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		src = append(src, r)
	}
	return &lexer{src: src}
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isNameStart(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r == '_'
}

func isNameChar(r rune) bool { return isNameStart(r) || isDigit(r) }

// peek returns the rune at offset i, or -1 past the end.
func (lx *lexer) peek(i int) rune {
	if i < len(lx.src) {
		return lx.src[i]
	}
	return -1
}

// next returns the next token, or an ErrSyntax error for a character that
// begins no token or a malformed number.
func (lx *lexer) next() (token, error) {
	for lx.i < len(lx.src) && isSpace(lx.src[lx.i]) {
		lx.i++
	}
	start := lx.i
	r := lx.peek(start)
	switch {
	case r < 0:
		return token{kind: tokEOF, pos: start}, nil
	case isDigit(r) || r == '.' && isDigit(lx.peek(start+1)):
		return lx.number()
	case isNameStart(r):
		for lx.i < len(lx.src) && isNameChar(lx.src[lx.i]) {
			lx.i++
		}
		return token{kind: tokName, pos: start, text: string(lx.src[start:lx.i])}, nil
	}
	lx.i++
	t := token{pos: start, text: string(r)}
	switch r {
	case '+':
		t.kind = tokPlus
	case '-':
		t.kind = tokMinus
	case '*':
		t.kind = tokStar
		if lx.peek(lx.i) == '*' {
			lx.i++
			t.kind, t.text = tokPow, "**"
		}
	case '/':
		t.kind = tokSlash
	case '^':
		t.kind = tokPow
	case '(':
		t.kind = tokLParen
	case ')':
		t.kind = tokRParen
	default:
		return token{}, syntaxError(start, fmt.Sprintf("unexpected character %q", r))
	}
	return t, nil
}

// number reads a number literal: digits with an optional fraction and
// exponent, as Python writes a float.
func (lx *lexer) number() (token, error) {
	start := lx.i
	digits := func() {
		for isDigit(lx.peek(lx.i)) {
			lx.i++
		}
	}
	digits()
	if lx.peek(lx.i) == '.' {
		lx.i++
		digits()
	}
	if r := lx.peek(lx.i); r == 'e' || r == 'E' {
		lx.i++
		if r := lx.peek(lx.i); r == '+' || r == '-' {
			lx.i++
		}
		if !isDigit(lx.peek(lx.i)) {
			return token{}, syntaxError(start, fmt.Sprintf("malformed number %q", string(lx.src[start:lx.i])))
		}
		digits()
	}
	text := string(lx.src[start:lx.i])
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		// The text is well formed, so the only failure is overflow.
		return token{}, syntaxError(start, fmt.Sprintf("number %q out of range", text))
	}
	return token{kind: tokNumber, pos: start, text: text, val: v}, nil
}
