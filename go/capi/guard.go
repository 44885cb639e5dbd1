package main

/*
#include "mlmath.h"
*/
import "C"

import "mlmath/internal/status"

// guard runs an export's body under status.Guard: the body's error, or a
// recovered panic, becomes the status code the export returns. Every
// export is `return guard("mlm_name", func() error { ... })`.
func guard(name string, body func() error) C.int {
	return C.int(status.Guard(name, body))
}

// The status codes of bindings/mlmath.h and of package status must agree:
// each pair of array types below has a negative length, which does not
// compile, unless the two constants are equal.
var (
	_ [C.MLM_OK - status.OK]struct{}
	_ [status.OK - C.MLM_OK]struct{}
	_ [C.MLM_ERR_SHAPE - status.Shape]struct{}
	_ [status.Shape - C.MLM_ERR_SHAPE]struct{}
	_ [C.MLM_ERR_DOMAIN - status.Domain]struct{}
	_ [status.Domain - C.MLM_ERR_DOMAIN]struct{}
	_ [C.MLM_ERR_ARGUMENT - status.Argument]struct{}
	_ [status.Argument - C.MLM_ERR_ARGUMENT]struct{}
	_ [C.MLM_ERR_SINGULAR - status.Singular]struct{}
	_ [status.Singular - C.MLM_ERR_SINGULAR]struct{}
	_ [C.MLM_ERR_NOT_FINITE - status.NotFinite]struct{}
	_ [status.NotFinite - C.MLM_ERR_NOT_FINITE]struct{}
	_ [C.MLM_ERR_NO_CONVERGENCE - status.NoConvergence]struct{}
	_ [status.NoConvergence - C.MLM_ERR_NO_CONVERGENCE]struct{}
	_ [C.MLM_ERR_CALLBACK - status.Callback]struct{}
	_ [status.Callback - C.MLM_ERR_CALLBACK]struct{}
	_ [C.MLM_ERR_BUFFER_TOO_SMALL - status.BufferTooSmall]struct{}
	_ [status.BufferTooSmall - C.MLM_ERR_BUFFER_TOO_SMALL]struct{}
	_ [C.MLM_ERR_NOT_POSITIVE_DEFINITE - status.NotPosDef]struct{}
	_ [status.NotPosDef - C.MLM_ERR_NOT_POSITIVE_DEFINITE]struct{}
	_ [C.MLM_ERR_PANIC - status.Panic]struct{}
	_ [status.Panic - C.MLM_ERR_PANIC]struct{}
)
