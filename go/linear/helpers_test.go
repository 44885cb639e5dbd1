package linear

import (
	"math"
	"math/rand/v2"
)

// classification returns an n×d matrix of standard normal features and
// 0/1 targets drawn from a logistic model with the coefficients
// 1, -1/2, 1/3, ... and intercept 1/4, from a fixed seed.
func classification(n, d int, seed uint64) (x, y []float64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	x, y = make([]float64, n*d), make([]float64, n)
	for i := range n {
		z := 0.25
		for j := range d {
			v := rng.NormFloat64()
			x[i*d+j] = v
			z += v * float64(1-2*(j%2)) / float64(j+1)
		}
		if rng.Float64() < sigmoid(z) {
			y[i] = 1
		}
	}
	return x, y
}

// near reports |got - want| <= tol·max(1, |want|).
func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// same reports bit-identical values, any NaN matching any NaN.
func same(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || (math.IsNaN(a) && math.IsNaN(b))
}
