package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"runtime"

	"mlmath/internal/status"
)

//export mlm_go_version
func mlm_go_version(buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return guard("mlm_go_version", func() error {
		return writeString(runtime.Version(), buf, capacity, length)
	})
}

//export mlm_gomaxprocs
func mlm_gomaxprocs(out *C.int64_t) C.int {
	return guard("mlm_gomaxprocs", func() error {
		if out == nil {
			return status.ErrArgument
		}
		*out = C.int64_t(runtime.GOMAXPROCS(0))
		return nil
	})
}
