package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"runtime"
	"strings"

	"mlmath/internal/kernel"
	"mlmath/internal/status"
)

// stringExport adapts an export whose result is the string value(): Go
// writes it into the caller's buffer, or asks for a larger one (see
// writeString). value runs under the guard.
func stringExport(name string, value func() string, buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return guard(name, func() error { return writeString(value(), buf, capacity, length) })
}

//export mlm_go_version
func mlm_go_version(buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return stringExport("mlm_go_version", runtime.Version, buf, capacity, length)
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

//export mlm_kernel
func mlm_kernel(buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return stringExport("mlm_kernel", kernel.Name, buf, capacity, length)
}

//export mlm_kernels_supported
func mlm_kernels_supported(buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return stringExport("mlm_kernels_supported", func() string { return strings.Join(kernel.Supported(), " ") }, buf, capacity, length)
}

//export mlm_kernel_note
func mlm_kernel_note(buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return stringExport("mlm_kernel_note", kernel.Note, buf, capacity, length)
}

//export mlm_cpu_features
func mlm_cpu_features(buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return stringExport("mlm_cpu_features", func() string { return strings.Join(kernel.Features(), " ") }, buf, capacity, length)
}
