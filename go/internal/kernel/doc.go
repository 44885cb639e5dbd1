// Package kernel holds the dense float64 numeric kernels of mlmath:
// matrix multiplication (Gemm) and the inner product (Dot).
//
// Conventions:
//
//   - Matrices are dense, row-major float64 slices. An m×n matrix with row
//     stride ld stores element (i, j) at index i*ld+j; ld must be at least
//     the row width, and the slice must hold at least (m-1)*ld+n elements.
//   - Callers guarantee the shapes. A slice that is too short, a stride that is
//     too small or a negative dimension panics with a message starting with
//     "kernel: ".
//   - Gemm overwrites its output (BLAS beta = 0): whatever C held before,
//     including NaN, does not leak into the result. NaN and Inf in the inputs
//     propagate as in BLAS: no multiplication is ever skipped because an
//     operand is zero, so 0*Inf yields NaN.
//   - Results agree with a naive triple loop within k*eps*sum|a_ik*b_kj|
//     elementwise; the summation order differs (blocked, fused multiply-add).
//   - All functions are safe for concurrent use: there is no mutable global
//     state, scratch buffers come from sync.Pools.
//   - Dot is deterministic: vectors of 1<<16 elements or more are split into
//     fixed-size chunks whose partial sums are added in chunk order, so the
//     result does not depend on the number of CPUs. After such a call a
//     helper goroutine spins for up to 50µs waiting for the next one, since
//     waking a parked thread costs tens of microseconds on virtual machines.
//
// On amd64 CPUs with AVX2 and FMA the hot loops run in Go assembly; on other
// architectures and CPUs, and under the build tag noasm, a pure-Go fallback
// with the same blocking is used (go test -tags noasm ./internal/kernel/).
package kernel
