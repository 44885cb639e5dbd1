package kernel

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestChoose checks how MLMATH_KERNEL is read: empty or "auto" takes the
// best kernel set; a supported name pins it (case and blanks ignored); a
// known but unsupported name, or an unknown one, falls back to the best
// with a note, never a failure to load.
func TestChoose(t *testing.T) {
	avail := supported()
	best := avail[0]
	for _, tc := range []struct {
		pin, want, note string
	}{
		{"", best.name, ""},
		{"auto", best.name, ""},
		{" Generic ", "generic", ""},
		{"sse9", best.name, "unknown kernel"},
	} {
		a, note := choose(tc.pin, avail)
		if a.name != tc.want || !strings.Contains(note, tc.note) || (tc.note == "") != (note == "") {
			t.Errorf("choose(%q) = %s, %q; want %s and a note containing %q", tc.pin, a.name, note, tc.want, tc.note)
		}
	}
	for _, name := range knownNames {
		a, note := choose(name, avail)
		if slices.Contains(Supported(), name) {
			if a.name != name || note != "" {
				t.Errorf("choose(%q) = %s, %q on a CPU that supports it", name, a.name, note)
			}
		} else if a != best || !strings.Contains(note, "lacks") {
			t.Errorf("choose(%q) = %s, %q on a CPU without it", name, a.name, note)
		}
	}
	// A CPU with only the generic kernels: a pin to avx512 is refused.
	if a, note := choose("avx512", []*arch{generic}); a != generic || note == "" {
		t.Errorf("choose(avx512) on a generic-only CPU = %s, %q", a.name, note)
	}
}

// TestPinnedKernel checks that the kernel set MLMATH_KERNEL names is the one
// in use (make test runs the suite once per supported kernel set this
// way), and that generic is always supported and listed last.
func TestPinnedKernel(t *testing.T) {
	s := Supported()
	if len(s) == 0 || s[len(s)-1] != "generic" || lookup("generic") != generic {
		t.Fatalf("Supported() = %v: generic must come last", s)
	}
	pin := strings.ToLower(strings.TrimSpace(os.Getenv(EnvVar)))
	t.Logf("%s=%q: kernel %s, supported %v, CPU features %v", EnvVar, pin, Name(), s, Features())
	if pin != "" && pin != "auto" && Name() != pin {
		t.Fatalf("%s=%s but the kernel in use is %s (%s)", EnvVar, pin, Name(), Note())
	}
	if pin == "" && Name() != s[0] {
		t.Fatalf("no pin, but the kernel in use is %s, not the best supported %s", Name(), s[0])
	}
}

// TestEveryKernelSet runs a small product and a dot on every kernel set of
// this build, so that a set the CPU lacks shows as skipped (never as
// passed): the other tests loop over the supported sets only.
func TestEveryKernelSet(t *testing.T) {
	for _, name := range knownNames {
		t.Run(name, func(t *testing.T) {
			ar := lookup(name)
			if ar == nil {
				t.Skipf("this CPU lacks the %s instructions (features: %v): its kernels cannot run here", name, Features())
			}
			const m, n, k = 19, 29, 37 // ragged for every register tile
			a, b, c := make([]float64, m*k), make([]float64, k*n), make([]float64, m*n)
			for i := range a {
				a[i] = float64(i%7) - 3
			}
			for i := range b {
				b[i] = float64(i%5) - 2
			}
			gemmSerial(ar, overwrite, m, n, k, a, k, b, n, c, n)
			for i := range m {
				for j := range n {
					var want float64 // small integers: exact in any order
					for p := range k {
						want += a[i*k+p] * b[p*n+j]
					}
					if c[i*n+j] != want {
						t.Fatalf("C[%d][%d] = %v, want %v", i, j, c[i*n+j], want)
					}
				}
			}
			if got, want := ar.dot(a, a), dotGeneric(a, a); got != want {
				t.Fatalf("dot = %v, want %v (integers: exact)", got, want)
			}
		})
	}
}

// lookup returns the supported kernel set called name, or nil.
func lookup(name string) *arch {
	for _, a := range supported() {
		if a.name == name {
			return a
		}
	}
	return nil
}
