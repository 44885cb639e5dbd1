package main

/*
#include "mlmath.h"
*/
import "C"

import (
	"math/bits"
	"unsafe"

	"mlmath/internal/status"
)

// maxElems bounds a slice of float64 so that its byte size fits an int.
const maxElems = (1<<63 - 1) / 8

// size returns the number of elements of a dims[0]×dims[1]×... array, or
// ErrArgument if a dimension is negative or the product overflows.
func size(dims ...C.int64_t) (int, error) {
	n := uint64(1)
	for _, d := range dims {
		if d < 0 {
			return 0, status.ErrArgument
		}
		hi, lo := bits.Mul64(n, uint64(d))
		if hi != 0 || lo > maxElems {
			return 0, status.ErrArgument
		}
		n = lo
	}
	return int(n), nil
}

// array views the dims[0]×dims[1]×... doubles at p as a []float64 without
// copying. The slice aliases the caller's memory: it must not be kept after
// the export returns. An empty array gives a nil slice whatever p is; a
// NULL p with elements is ErrArgument.
func array(p *C.double, dims ...C.int64_t) ([]float64, error) {
	n, err := size(dims...)
	if err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, nil
	}
	if p == nil {
		return nil, status.ErrArgument
	}
	return unsafe.Slice((*float64)(unsafe.Pointer(p)), n), nil
}

// setDouble stores v at the caller's out pointer.
func setDouble(out *C.double, v float64) error {
	if out == nil {
		return status.ErrArgument
	}
	*out = C.double(v)
	return nil
}

// writeString copies s and a NUL into the caller's buffer of capacity
// bytes and sets *length to len(s). If the buffer is too small it writes
// only *length and returns ErrBufferTooSmall, so the caller can retry with
// *length+1 bytes.
func writeString(s string, buf *C.char, capacity C.int64_t, length *C.int64_t) error {
	if length == nil || capacity < 0 || (buf == nil && capacity > 0) {
		return status.ErrArgument
	}
	*length = C.int64_t(len(s))
	if int64(capacity) <= int64(len(s)) {
		return status.ErrBufferTooSmall
	}
	dst := unsafe.Slice((*byte)(unsafe.Pointer(buf)), len(s)+1)
	copy(dst, s)
	dst[len(s)] = 0
	return nil
}

// arg is one array argument of an export: its C pointer, its dimensions,
// and where its Go slice goes.
type arg struct {
	dst  *[]float64
	p    *C.double
	dims []C.int64_t
}

// argOf names an array argument for views.
func argOf(dst *[]float64, p *C.double, dims ...C.int64_t) arg { return arg{dst, p, dims} }

// views converts the array arguments of an export with array, in order,
// and returns the first error: one call instead of a check per array for
// the exports that take many (the decompositions).
func views(args ...arg) error {
	for _, a := range args {
		s, err := array(a.p, a.dims...)
		if err != nil {
			return err
		}
		*a.dst = s
	}
	return nil
}
