package vec

import "errors"

var (
	// ErrLength is the panic value when slice lengths disagree.
	ErrLength = errors.New("vec: slice lengths do not match")
	// ErrOrder is returned by Norm for an order other than 2, 1, 0, +Inf, -Inf.
	ErrOrder = errors.New("vec: invalid norm order for vectors")
	// ErrEmpty is returned when a value is undefined for an empty vector.
	ErrEmpty = errors.New("vec: empty vector")
)

func checkLen(n int, s ...[]float64) {
	for _, x := range s {
		if len(x) != n {
			panic(ErrLength)
		}
	}
}
