// Package symbolic differentiates one-line math expressions symbolically:
// it parses an expression, builds its derivative by the rules of calculus,
// simplifies the result and prints it in a syntax that sympy.sympify reads
// back. Derivative is the whole pipeline; Parse, Expr.Diff, Simplify and
// Expr.String are its steps.
//
// # Grammar
//
// The grammar is Python's, restricted to what follows, so that an
// expression means the same here as in sympy.sympify:
//
//	expr     = term { ("+" | "-") term }
//	term     = factor { ("*" | "/") factor }
//	factor   = ("+" | "-") factor | power
//	power    = primary [ ("^" | "**") factor ]
//	primary  = number | name | name "(" expr ")" | "(" expr ")"
//	number   = digits [ "." [ digits ] ] [ exponent ] | "." digits [ exponent ]
//	exponent = ("e" | "E") [ "+" | "-" ] digits
//	name     = [A-Za-z_][A-Za-z0-9_]*
//
// so "^" and "**" both mean power, power is right-associative and binds
// tighter than a unary minus on its left (-x^2 is -(x^2)) but takes one on
// its right (2^-x is 2^(-x)), and + - * / are left-associative. Whitespace
// may appear between tokens. Implicit multiplication is not accepted: "2x"
// is a syntax error at the position of x.
//
// A name followed by "(" is a function of one argument: sin, cos, tan, exp,
// log (natural), sqrt, tanh, sigmoid (1/(1+exp(-u))), abs, and sympy's Abs
// (the same as abs) and sign (-1, 0 or 1). Any other name is a variable,
// except pi (the constant π) and E (Euler's number), as in sympy, where e is
// an ordinary symbol. Function names without an argument and Python's
// reserved words (lambda, if, ...) are syntax errors. Names that sympy binds
// to something other than a symbol (I, N, S, O, Q, oo, gamma, ...) are
// variables here; an expression that uses them means something else to
// sympy.
//
// # Differentiation
//
// Expr.Diff applies, with u' the derivative of u with respect to the
// variable and c, v expressions:
//
//	c' = 0 for a number, a constant or another variable;  x' = 1
//	(u ± v)' = u' ± v';  (-u)' = -u'
//	(u·v)' = u'·v + u·v'  (each factor of a product in turn)
//	(u/v)' = u'/v - u·v'/v^2
//	(u^c)' = c·u^(c-1)·u'      when c does not contain the variable
//	(c^v)' = c^v·log(c)·v'     when c does not contain the variable
//	(u^v)' = u^v·(v'·log(u) + v·u'/u)
//	sin(u)' = cos(u)·u'          cos(u)' = -sin(u)·u'
//	tan(u)' = (1 + tan(u)^2)·u'  tanh(u)' = (1 - tanh(u)^2)·u'
//	exp(u)' = exp(u)·u'          log(u)' = u'/u
//	sqrt(u)' = u'/(2·sqrt(u))    sigmoid(u)' = s·(1 - s)·u', s = sigmoid(u)
//	abs(u)' = sign(u)·u'         sign(u)' = 0 (away from u = 0)
//
// # Simplification
//
// Simplify rewrites an expression bottom-up in one pass (a second pass
// changes nothing): nested sums and products are flattened, the numbers
// of a sum folded into one last term and those of a product into a
// coefficient, factors with equal bases merged into one power (u·u = u^2,
// u·u^2 = u^3, u/u = 1), and the identities
//
//	0+u = u, u-0 = u, 0-u = -u, -(-u) = u,
//	0·u = 0, 1·u = u, u/1 = u, 0/u = 0,
//	u^1 = u, u^0 = 1, 1^u = 1, 0^c = 0 for a number c > 0,
//	abs(-u) = abs(u), sign(-u) = -sign(u), log(E) = 1
//
// applied. Numbers are folded only when the result is finite and
// exact-looking: a quotient of integers is reduced by their gcd rather
// than divided (x/3 stays x/3, as sympy's rational 1/3 would), other
// quotients only when exact (x/0.5 is 2*x, x/2.5 stays), a power of
// integers only when the result is an integer below 2^53, and a function
// of a number only where its value is exact (sin(0), log(1), sqrt(4),
// sigmoid(0), abs and sign of any number). Nothing undefined is folded:
// 0/0 and log(0) stay as written. Like sympy, Simplify replaces 0·u by 0
// and u/u by 1 even where u is undefined or 0, so the result has the
// value of the input wherever the input is defined. It does not collect
// like terms of a sum: x - x stays x - x.
//
// # Printing
//
// Expr.String prints sympy syntax, which sympy.sympify parses with no
// extra names: ** for powers, Abs for abs, sigmoid(u) written out as
// 1/(1 + exp(-u)), pi and E for the constants, and numbers in Go's
// shortest form (strconv 'g' format, such as 0.001 or 1e-05). Parentheses
// follow Python's precedence, so that what Parse reads back has the value
// of what was printed; negative numbers and negations are parenthesized
// inside products and powers and after a minus sign, as in x*(-2) and
// -(-x), and an exponent that is not a name, a non-negative number or a
// call is parenthesized, as in x**(-1) and x**(y**z).
//
// # Errors and limits
//
// Parse and Derivative return errors wrapping ErrSyntax or
// ErrUnknownFunction, with the 0-based position (in characters, not
// bytes) of the offending token, such as
// "symbolic: syntax error: unexpected '*' at position 4". They never panic.
// Nesting (parentheses, function calls, unary signs, powers) deeper than
// 1000 levels is a syntax error, so that no input can exhaust the stack.
// Numbers must fit in a float64: 1e400 is an error, 1e-400 is read as 0.
// A derivative can nest deeper than its expression (the derivative of a
// tower x^x^...^x of 600 powers does), and so be beyond what Parse reads
// back; sympy has limits of its own. Derivatives of long expressions can be long: differentiating a
// chain of n nested functions prints n factors of up to n calls each.
package symbolic
