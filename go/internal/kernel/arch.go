package kernel

import (
	"fmt"
	"os"
	"slices"
	"strings"
)

// EnvVar names the environment variable that pins a kernel, as
// OPENBLAS_CORETYPE does for OpenBLAS: MLMATH_KERNEL=avx512|avx2|generic.
// It is read once, when the package initializes.
const EnvVar = "MLMATH_KERNEL"

// arch is one kernel set: the GEMM micro-kernel with the block sizes tuned
// for it, and the vector kernels. Every field is fixed at init.
type arch struct {
	name string
	// Register tile of the micro-kernel (mr×nr of C) and the Goto/BLIS
	// blocking: a packed kc×nr sliver of B stays in L1, a packed mc×kc
	// block of A in L2, a packed kc×nc panel of B in L3. mc is a multiple
	// of mr and nc of nr.
	mr, nr, kc, mc, nc int
	// micro computes the mr×nr tile c (row stride ldc) = (accum ? c : 0) +
	// ap·bp from packed slivers ap (mr×k) and bp (k×nr).
	micro func(k int, ap, bp, c []float64, ldc int, accum bool)
	// dot returns sum x[i]*y[i] for len(x) <= len(y), on one goroutine.
	dot func(x, y []float64) float64
	// add, sub and scale are the elementwise kernels on equal-length slices.
	add, sub func(dst, x, y []float64)
	scale    func(dst []float64, c float64, x []float64)
	// rot applies a plane rotation, axpy computes y += alpha·x (equal
	// lengths): the level-1 steps of the decompositions.
	rot  func(x, y []float64, c, s float64)
	axpy func(y []float64, alpha float64, x []float64)
}

// generic is the pure-Go kernel set, used on every CPU and architecture.
var generic = &arch{
	name: "generic",
	mr:   6, nr: 8, kc: 256, mc: 96, nc: 4096,
	micro: microKernelGeneric,
	dot:   dotGeneric,
	add:   addGeneric, sub: subGeneric, scale: scaleGeneric,
	rot: rotGeneric, axpy: axpyGeneric,
}

// active is the kernel set in use, chosen once at init; note says why, when
// the choice differs from what MLMATH_KERNEL asked for.
var active, note = choose(os.Getenv(EnvVar), supported())

// choose returns the kernel set named by pin if the CPU supports it, else
// the best supported one (the first of avail), with a note explaining why
// a pin was not honoured. An unknown name is not an error that could stop
// the library from loading: it is reported by Note and Name instead.
func choose(pin string, avail []*arch) (*arch, string) {
	pin = strings.ToLower(strings.TrimSpace(pin))
	if pin == "" || pin == "auto" {
		return avail[0], ""
	}
	for _, a := range avail {
		if a.name == pin {
			return a, ""
		}
	}
	if slices.Contains(knownNames, pin) {
		return avail[0], fmt.Sprintf("%s=%s: this CPU lacks the instructions; using %s", EnvVar, pin, avail[0].name)
	}
	return avail[0], fmt.Sprintf("%s=%s: unknown kernel (known: %s); using %s", EnvVar, pin, strings.Join(knownNames, ", "), avail[0].name)
}

// Name returns the name of the kernel set in use: "avx512", "avx2" or
// "generic".
func Name() string { return active.name }

// Note returns why the kernel in use differs from the one MLMATH_KERNEL
// asked for, or "" when it does not.
func Note() string { return note }

// Supported returns the names of the kernel sets this CPU and build can
// run, best first; MLMATH_KERNEL may pin any of them.
func Supported() []string {
	var names []string
	for _, a := range supported() {
		names = append(names, a.name)
	}
	return names
}
