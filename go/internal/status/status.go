// Package status defines the status codes of the C boundary and the one
// place where Go errors and panics become them.
//
// The codes mirror enum mlm_status in bindings/mlmath.h; the c-shared
// adapter (capi) asserts at compile time that the two agree. This package
// is plain Go, so the mapping and the panic recovery are tested without cgo.
//
// status is a leaf: it imports no topic package. The core packages declare
// their errors with a kind (package errkind), and Of maps kinds to codes, so
// a new topic needs no change here.
package status

import (
	"errors"
	"fmt"
	"io"
	"os"

	"mlmath/internal/errkind"
)

// Code is a status code returned by every export.
type Code int

// The status codes; see bindings/mlmath.h for what Python raises for each.
const (
	OK             Code = 0
	Shape          Code = 1
	Domain         Code = 2
	Argument       Code = 3
	Singular       Code = 4
	NotFinite      Code = 5
	NoConvergence  Code = 6
	Callback       Code = 7
	BufferTooSmall Code = 8
	NotPosDef      Code = 9
	Panic          Code = 99
)

var (
	// ErrArgument reports what the Python wrapper never sends: a negative
	// size, a size product that overflows, a NULL pointer where data is needed.
	ErrArgument = errors.New("status: invalid argument")
	// ErrBufferTooSmall reports an output buffer too small for the result.
	ErrBufferTooSmall = errors.New("status: output buffer too small")
	// ErrCallback reports that a caller's callback asked to stop.
	ErrCallback = errors.New("status: callback asked to stop")
)

// kindCodes maps the kinds of core errors to their status codes.
var kindCodes = map[errkind.Kind]Code{
	errkind.Shape:               Shape,
	errkind.Domain:              Domain,
	errkind.Singular:            Singular,
	errkind.NotFinite:           NotFinite,
	errkind.NoConvergence:       NoConvergence,
	errkind.NotPositiveDefinite: NotPosDef,
}

// Of maps an error to its status code: nil is OK; the errors of this
// package and the kinded errors of the core packages (errkind) map to their
// codes; anything else is Panic, an internal error.
func Of(err error) Code {
	switch {
	case err == nil:
		return OK
	case errors.Is(err, ErrArgument):
		return Argument
	case errors.Is(err, ErrBufferTooSmall):
		return BufferTooSmall
	case errors.Is(err, ErrCallback):
		return Callback
	}
	if k, ok := errkind.Of(err); ok {
		if c, ok := kindCodes[k]; ok {
			return c
		}
	}
	return Panic
}

// Log is where recovered panics are reported; a variable only for tests.
var Log io.Writer = os.Stderr

// Guard runs fn and returns the status code of its error. A panic inside
// fn is recovered: a panic with an error that Of knows (the core packages
// panic with their shape errors) gets that error's code; any other panic is
// a bug, reported on Log with the export's name, and returns Panic. No
// panic ever crosses the C boundary.
func Guard(name string, fn func() error) (code Code) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if err, ok := r.(error); ok {
			if code = Of(err); code != Panic {
				return
			}
		}
		fmt.Fprintf(Log, "mlmath: recovered panic in %s: %v\n", name, r)
		code = Panic
	}()
	return Of(fn())
}
