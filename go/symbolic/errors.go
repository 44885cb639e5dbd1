package symbolic

import (
	"fmt"

	"mlmath/internal/errkind"
)

var (
	// ErrSyntax is wrapped by the errors for input that is not an
	// expression of the grammar, or not a variable name, such as
	// "symbolic: syntax error: unexpected ')' at position 7".
	ErrSyntax = errkind.New(errkind.Domain, "symbolic: syntax error")
	// ErrUnknownFunction is wrapped by the errors for a call of a function
	// the grammar does not have, such as
	// `symbolic: unknown function "foo" at position 0`.
	ErrUnknownFunction = errkind.New(errkind.Domain, "symbolic: unknown function")
	// ErrUnboundVariable is wrapped by the errors of Expr.Eval for a
	// variable that has no value in the map it is given.
	ErrUnboundVariable = errkind.New(errkind.Domain, "symbolic: variable has no value")
)

// maxDepth is the deepest nesting of parentheses, calls, unary signs and
// powers that Parse accepts.
const maxDepth = 1000

// syntaxError returns an error wrapping ErrSyntax: "what at position pos".
func syntaxError(pos int, what string) error {
	return fmt.Errorf("%w: %s at position %d", ErrSyntax, what, pos)
}
