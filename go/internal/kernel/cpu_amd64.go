//go:build amd64 && !noasm

package kernel

import "golang.org/x/sys/cpu"

// useAsm reports whether the AVX2+FMA assembly kernels may be used.
var useAsm = cpu.X86.HasAVX2 && cpu.X86.HasFMA
