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

//export mlm_kernel
func mlm_kernel(buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return guard("mlm_kernel", func() error {
		return writeString(kernel.Name(), buf, capacity, length)
	})
}

//export mlm_kernels_supported
func mlm_kernels_supported(buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return guard("mlm_kernels_supported", func() error {
		return writeString(strings.Join(kernel.Supported(), " "), buf, capacity, length)
	})
}

//export mlm_kernel_note
func mlm_kernel_note(buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return guard("mlm_kernel_note", func() error {
		return writeString(kernel.Note(), buf, capacity, length)
	})
}

//export mlm_cpu_features
func mlm_cpu_features(buf *C.char, capacity C.int64_t, length *C.int64_t) C.int {
	return guard("mlm_cpu_features", func() error {
		return writeString(strings.Join(kernel.Features(), " "), buf, capacity, length)
	})
}
