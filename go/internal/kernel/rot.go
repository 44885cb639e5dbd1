package kernel

// Rot applies the plane rotation (c, s) to the pair of vectors, as BLAS
// drot: x[i], y[i] = c·x[i] - s·y[i], s·x[i] + c·y[i]. It panics if the
// lengths differ.
func Rot(x, y []float64, c, s float64) {
	if len(x) != len(y) {
		panic("kernel: Rot: slice lengths differ")
	}
	active.rot(x, y, c, s)
}

// Axpy computes y[i] += alpha·x[i], as BLAS daxpy. It panics if the lengths
// differ.
func Axpy(y []float64, alpha float64, x []float64) {
	if len(x) != len(y) {
		panic("kernel: Axpy: slice lengths differ")
	}
	active.axpy(y, alpha, x)
}

func rotGeneric(x, y []float64, c, s float64) {
	y = y[:len(x)]
	for i, xi := range x {
		yi := y[i]
		x[i] = c*xi - s*yi
		y[i] = s*xi + c*yi
	}
}

func axpyGeneric(y []float64, alpha float64, x []float64) {
	x = x[:len(y)]
	for i := range y {
		y[i] += alpha * x[i]
	}
}
