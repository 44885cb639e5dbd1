package optim

import "mlmath/internal/errkind"

var (
	// ErrShape is the panic value when a gradient or state slice does not
	// have the length of the parameter it goes with.
	ErrShape = errkind.New(errkind.Shape, "optim: the gradient and state must have the parameter's length")
	// ErrStep is the panic value for a step number t below 1 (t counts the
	// updates, the first being t = 1).
	ErrStep = errkind.New(errkind.Domain, "optim: the step number t must be at least 1")
)

// checkLen panics with ErrShape unless every slice has length n.
func checkLen(n int, s ...[]float64) {
	for _, x := range s {
		if len(x) != n {
			panic(ErrShape)
		}
	}
}
