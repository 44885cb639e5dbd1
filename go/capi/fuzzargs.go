package main

/*
#include <stdlib.h>
#include <string.h>
#include "mlmath.h"

// Callbacks for the fuzz tests of the exports (fuzz_test.go), which cannot
// use cgo themselves. fuzz_func(0) is f(x) = (r+1)·Σ x_i² in out[r];
// fuzz_func(1) is its gradient for m = 1, 2x (as many values as out has);
// fuzz_func(2) fails. fuzz_progress(0) goes on, (1) stops, (2) fails.
static int fuzz_square_sum(void *ctx, double *x, int64_t n, double *out, int64_t m) {
	double s = 0;
	for (int64_t i = 0; i < n; i++) s += x[i] * x[i];
	for (int64_t r = 0; r < m; r++) out[r] = (double)(r + 1) * s;
	return 0;
}
static int fuzz_twice(void *ctx, double *x, int64_t n, double *out, int64_t m) {
	for (int64_t i = 0; i < m; i++) out[i] = i < n ? 2 * x[i] : 0;
	return 0;
}
static int fuzz_fail(void *ctx, double *x, int64_t n, double *out, int64_t m) { return 1; }
static mlm_func fuzz_func(int k) {
	switch (k) {
	case 0: return fuzz_square_sum;
	case 1: return fuzz_twice;
	case 2: return fuzz_fail;
	}
	return NULL;
}
static int fuzz_go_on(void *ctx, int64_t steps, double *x, int64_t n) { return 0; }
static int fuzz_stop(void *ctx, int64_t steps, double *x, int64_t n) { return 1; }
static int fuzz_abort(void *ctx, int64_t steps, double *x, int64_t n) { return 2; }
static mlm_progress fuzz_progress(int k) {
	switch (k) {
	case 0: return fuzz_go_on;
	case 1: return fuzz_stop;
	case 2: return fuzz_abort;
	}
	return NULL;
}
*/
import "C"

import (
	"fmt"
	"unsafe"

	"mlmath/internal/status"
)

// This file holds unexported helpers for the fuzz tests of the exports
// (fuzz_test.go): a _test.go file cannot import "C", so the C memory, the
// C callbacks and the conversions to C types it needs are here. The linker
// leaves them out of libmlmath.so, which calls none of them.

// fuzzGuard is the number of bytes after each block of cArgs, set to
// fuzzGuardByte, that an export must not write.
const (
	fuzzGuard     = 64
	fuzzGuardByte = 0xA5
)

// cArgs is C memory for the array arguments of one call of an export,
// each block followed by guard bytes.
type cArgs struct {
	blocks []cBlock
}

type cBlock struct {
	p    unsafe.Pointer
	size int // bytes before the guard
}

// alloc returns size bytes of C memory followed by the guard.
func (c *cArgs) alloc(size int) unsafe.Pointer {
	p := C.malloc(C.size_t(size + fuzzGuard))
	if p == nil {
		panic("capi: malloc failed")
	}
	C.memset(unsafe.Add(p, size), fuzzGuardByte, fuzzGuard)
	c.blocks = append(c.blocks, cBlock{p, size})
	return p
}

// doubles copies s into C memory; a nil s gives NULL (an empty non-nil s
// a valid pointer to no elements).
func (c *cArgs) doubles(s []float64) *C.double {
	if s == nil {
		return nil
	}
	p := c.alloc(8 * len(s))
	copy(unsafe.Slice((*float64)(p), len(s)), s)
	return (*C.double)(p)
}

// int64s is doubles for int64 values.
func (c *cArgs) int64s(s []int64) *C.int64_t {
	if s == nil {
		return nil
	}
	p := c.alloc(8 * len(s))
	copy(unsafe.Slice((*int64)(p), len(s)), s)
	return (*C.int64_t)(p)
}

// chars copies the bytes of s into C memory, with a NUL after them if nul
// (the NUL is not part of the block the export may read).
func (c *cArgs) chars(s string, nul bool) *C.char {
	n := len(s)
	if nul {
		n++
	}
	p := c.alloc(n)
	b := unsafe.Slice((*byte)(p), n)
	copy(b, s)
	if nul {
		b[len(s)] = 0
	}
	return (*C.char)(p)
}

// buffer returns n bytes of C memory for a string result, or NULL for a
// negative n.
func (c *cArgs) buffer(n int) *C.char {
	if n < 0 {
		return nil
	}
	p := c.alloc(n)
	C.memset(p, 'x', C.size_t(n))
	return (*C.char)(p)
}

// pointers copies the pointers ps into C memory (the state argument of
// mlm_train_mlp).
func (c *cArgs) pointers(ps ...*C.double) **C.double {
	p := c.alloc(int(unsafe.Sizeof(ps[0])) * len(ps))
	copy(unsafe.Slice((**C.double)(p), len(ps)), ps)
	return (**C.double)(p)
}

// overrun returns an error naming the first block whose guard bytes were
// written.
func (c *cArgs) overrun() error {
	for i, b := range c.blocks {
		g := unsafe.Slice((*byte)(unsafe.Add(b.p, b.size)), fuzzGuard)
		for j, v := range g {
			if v != fuzzGuardByte {
				return fmt.Errorf("block %d (%d bytes): byte %d after its end was written", i, b.size, j)
			}
		}
	}
	return nil
}

// free releases every block.
func (c *cArgs) free() {
	for _, b := range c.blocks {
		C.free(b.p)
	}
	c.blocks = nil
}

// goDoubles copies the n doubles at p (none for NULL).
func goDoubles(p *C.double, n int) []float64 {
	if p == nil || n <= 0 {
		return nil
	}
	return append([]float64(nil), unsafe.Slice((*float64)(unsafe.Pointer(p)), n)...)
}

// goInt64s copies the n int64 values at p (none for NULL).
func goInt64s(p *C.int64_t, n int) []int64 {
	if p == nil || n <= 0 {
		return nil
	}
	return append([]int64(nil), unsafe.Slice((*int64)(unsafe.Pointer(p)), n)...)
}

// goBytes copies the n bytes at p (none for NULL).
func goBytes(p *C.char, n int) string {
	if p == nil || n <= 0 {
		return ""
	}
	return string(unsafe.Slice((*byte)(unsafe.Pointer(p)), n))
}

// The C values of Go ones, for calls from fuzz_test.go.
func cInt64(v int64) C.int64_t   { return C.int64_t(v) }
func cDouble(v float64) C.double { return C.double(v) }
func cInt(v int) C.int           { return C.int(v) }

// codeOf is the status code an export returned.
func codeOf(r C.int) status.Code { return status.Code(r) }

// cFunc returns the callback fuzz_func(k) (NULL for k outside 0..2).
func cFunc(k int) C.mlm_func { return C.fuzz_func(C.int(k)) }

// cProgress returns the progress callback fuzz_progress(k) (NULL for k
// outside 0..2).
func cProgress(k int) C.mlm_progress { return C.fuzz_progress(C.int(k)) }

// The optimizer kinds of mlm_train_mlp.
const (
	optSGD     = int(C.MLM_OPT_SGD)
	optAdam    = int(C.MLM_OPT_ADAM)
	optRMSprop = int(C.MLM_OPT_RMSPROP)
	optAdagrad = int(C.MLM_OPT_ADAGRAD)
)
