package vec

import "mlmath/internal/errkind"

var (
	// ErrLength is the panic value when slice lengths disagree.
	ErrLength = errkind.New(errkind.Shape, "vec: slice lengths do not match")
	// ErrOrder is returned by Norm for an order other than 2, 1, 0, +Inf, -Inf.
	ErrOrder = errkind.New(errkind.Domain, "vec: invalid norm order for vectors")
	// ErrEmpty is returned when a value is undefined for an empty vector.
	ErrEmpty = errkind.New(errkind.Shape, "vec: empty vector")
)

func checkLen(n int, s ...[]float64) {
	for _, x := range s {
		if len(x) != n {
			panic(ErrLength)
		}
	}
}
