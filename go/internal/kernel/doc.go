// Package kernel holds the dense float64 numeric kernels of mlmath: matrix
// multiplication (Gemm, GemmSub), the inner product (Dot) and the
// elementwise operations (Add, Sub, Scale).
//
// # Kernel sets, chosen at run time
//
// Each operation has several implementations, grouped in kernel sets:
//
//   - "avx512": AVX-512F assembly; an 8×24 GEMM register tile in 24 ZMM
//     accumulators, a ZMM dot and ZMM elementwise kernels.
//   - "avx2": AVX2+FMA assembly; a 6×8 GEMM tile in 12 YMM accumulators, a
//     YMM dot and YMM elementwise kernels.
//   - "generic": pure Go, on every CPU and architecture (and the only set
//     under the build tag noasm).
//
// The best set the CPU supports is chosen once, when the package
// initializes, from the CPU features (golang.org/x/sys/cpu, which also
// checks that the operating system saves the wider registers). The
// environment variable MLMATH_KERNEL=avx512|avx2|generic pins one, as
// OPENBLAS_CORETYPE does for OpenBLAS; a set the CPU lacks, or an unknown
// name, falls back to the best supported set and Note says so. Name,
// Supported and Features report the choice. Each set carries its own GEMM
// block sizes, tuned on the CPUs it was written for.
//
// Every set computes the same mathematical result: the elementwise kernels
// agree bit for bit (one IEEE operation per element), and the reductions
// (Dot, Gemm) agree within the bounds below, since the summation order
// depends on the SIMD width. The tests run every supported set.
//
// # Conventions
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
//     state besides the kernel choice made at init; scratch buffers come
//     from sync.Pools.
//   - Dot is deterministic for a given kernel set: vectors of 1<<16
//     elements or more are split into chunks whose length depends on n
//     alone, and whose partial sums are added in chunk order, so the result
//     does not depend on the number of CPUs.
package kernel
