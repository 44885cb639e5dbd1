package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"math"

	"mlmath/internal/errkind"
	"mlmath/internal/status"
	"mlmath/symbolic"
)

// goString copies the n bytes at p into a Go string (a NULL p is only
// allowed for n == 0).
func goString(p *C.char, n C.int64_t) (string, error) {
	switch {
	case n < 0 || int64(n) > math.MaxInt32:
		return "", status.ErrArgument
	case n == 0:
		return "", nil
	case p == nil:
		return "", status.ErrArgument
	}
	return C.GoStringN(p, C.int(n)), nil
}

//export mlm_symbolic_derivative
func mlm_symbolic_derivative(expr *C.char, exprLen C.int64_t, variable *C.char, varLen C.int64_t, buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return guard("mlm_symbolic_derivative", func() error {
		e, err := goString(expr, exprLen)
		if err != nil {
			return err
		}
		v, err := goString(variable, varLen)
		if err != nil {
			return err
		}
		d, err := symbolic.Derivative(e, v)
		if err != nil {
			// The message names the position: it goes back in buf.
			if k, _ := errkind.Of(err); k == errkind.Domain {
				if werr := writeString(err.Error(), buf, capacity, length); werr != nil {
					return werr
				}
			}
			return err
		}
		return writeString(d, buf, capacity, length)
	})
}
