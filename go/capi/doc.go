// Command capi is the c-shared adapter that exports mlmath to C:
//
//	go build -buildmode=c-shared -o libmlmath.so ./capi
//
// It only adapts: C pointers and sizes become slices (slices.go), the core
// packages (vec, mat) compute, and every error or recovered panic becomes a
// status code (guard.go, over package internal/status). The hand-written header bindings/mlmath.h is
// included by the cgo preamble, so the C compiler rejects an export whose
// signature disagrees with it. Exports are grouped in files named like the
// header's sections and the Python modules: info.go, vectors.go,
// matrices.go, decompositions.go.
//
// Rules every export follows: its body is `return guard("mlm_name",
// func() error { ... })`, so it returns a C.int status and no panic escapes;
// it checks sizes and pointers again (the Python wrapper checked them
// first); it writes only into the caller's buffers; it keeps no pointer
// after returning.
package main

/*
#cgo CFLAGS: -I${SRCDIR}/../../bindings
*/
import "C"

func main() {}
