//go:build amd64 && !noasm

package kernel

import "golang.org/x/sys/cpu"

// knownNames lists every kernel set of this build, best first.
var knownNames = []string{"avx512", "avx2", "generic"}

// The CPU features the assembly kernels need. x/sys/cpu reports AVX-512
// only when the operating system saves the ZMM registers (XGETBV).
var (
	hasAVX2   = cpu.X86.HasAVX2 && cpu.X86.HasFMA
	hasAVX512 = hasAVX2 && cpu.X86.HasAVX512F
)

// supported returns the kernel sets this CPU runs, best first.
func supported() []*arch {
	var s []*arch
	if hasAVX512 {
		s = append(s, avx512)
	}
	if hasAVX2 {
		s = append(s, avx2)
	}
	return append(s, generic)
}

// Features returns the CPU features that matter to the kernels, as
// "name" for present and nothing for absent, in a fixed order.
func Features() []string {
	var f []string
	for _, x := range []struct {
		name string
		has  bool
	}{
		{"sse2", cpu.X86.HasSSE2}, {"avx", cpu.X86.HasAVX}, {"avx2", cpu.X86.HasAVX2},
		{"fma", cpu.X86.HasFMA}, {"avx512f", cpu.X86.HasAVX512F}, {"avx512dq", cpu.X86.HasAVX512DQ},
		{"avx512bw", cpu.X86.HasAVX512BW}, {"avx512vl", cpu.X86.HasAVX512VL},
	} {
		if x.has {
			f = append(f, x.name)
		}
	}
	return f
}
