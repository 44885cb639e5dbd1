//go:build !amd64 || noasm

package kernel

// knownNames lists every kernel set of this build: the pure-Go one only
// (another architecture, or the build tag noasm).
var knownNames = []string{"generic"}

// supported returns the kernel sets this build runs: the pure-Go one.
func supported() []*arch { return []*arch{generic} }

// Features returns the CPU features the kernels use: none in this build.
func Features() []string { return nil }
