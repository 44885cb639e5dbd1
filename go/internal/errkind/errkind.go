// Package errkind classifies the errors of mlmath's core packages, so that
// the C boundary can turn them into status codes without knowing the
// packages that define them.
//
// A core package declares each of its errors with New and a Kind:
//
//	var ErrSingular = errkind.New(errkind.Singular, "mat: singular matrix")
//
// and package status maps the Kind to a status code. status imports only
// this package, never a topic package, so the lowest floor of the module
// stays a leaf however many topics are added above it. Errors are compared
// with errors.Is, as any sentinel error.
package errkind

import "errors"

// Kind is the class of a core error; it decides the Python exception.
type Kind int

// The kinds. The zero Kind is not used: Of reports it for errors that were
// not declared with New.
const (
	// Shape: slice lengths or dimensions disagree, or a value is undefined
	// for an empty input (ValueError).
	Shape Kind = iota + 1
	// Domain: a parameter is outside its domain, such as a norm order
	// (ValueError).
	Domain
	// Singular: an exactly singular matrix (LinAlgError).
	Singular
	// NotFinite: NaN or Inf where the algorithm cannot take them
	// (LinAlgError).
	NotFinite
	// NoConvergence: an iteration did not converge (LinAlgError).
	NoConvergence
	// NotPositiveDefinite: a Cholesky pivot is not positive (LinAlgError).
	NotPositiveDefinite
)

// Error is a core error with a kind. Its text is the message given to New.
type Error struct {
	kind Kind
	msg  string
}

// New returns an error of kind k with message msg ("pkg: what went wrong").
func New(k Kind, msg string) *Error { return &Error{kind: k, msg: msg} }

func (e *Error) Error() string { return e.msg }

// Kind returns the kind e was declared with.
func (e *Error) Kind() Kind { return e.kind }

// Of returns the kind of the first *Error in err's chain, and false if
// there is none (err is nil, or was not declared with New).
func Of(err error) (Kind, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e.kind, true
	}
	return 0, false
}
