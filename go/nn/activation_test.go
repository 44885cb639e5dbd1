package nn

import (
	"math"
	"mlmath/internal/testdata"
	"testing"
)

// apply runs an elementwise function on one value.
func apply(f func(dst, x []float64), v float64) float64 {
	out := []float64{0}
	f(out, []float64{v})
	return out[0]
}

func TestActivationSpecialPoints(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func(dst, x []float64)
		x    float64
		want float64
	}{
		{"Sigmoid", Sigmoid, 37, 1}, // exactly: e^-37 < ulp(1)/2
		{"Sigmoid", Sigmoid, 36, 0.9999999999999998},
		{"Sigmoid", Sigmoid, 800, 1},
		{"Sigmoid", Sigmoid, -800, 0}, // not NaN
		{"Sigmoid", Sigmoid, -37, 8.533047625744066e-17},
		{"Sigmoid", Sigmoid, -746, 0},
		{"Sigmoid", Sigmoid, inf, 1},
		{"Sigmoid", Sigmoid, -inf, 0},
		{"Sigmoid", Sigmoid, nan, nan},
		{"Sigmoid", Sigmoid, 0, 0.5},
		{"Sigmoid", Sigmoid, negz, 0.5},
		{"SigmoidDerivative", SigmoidDerivative, 0, 0.25},
		{"SigmoidDerivative", SigmoidDerivative, negz, 0.25},
		{"SigmoidDerivative", SigmoidDerivative, 37, 0},
		{"SigmoidDerivative", SigmoidDerivative, -800, 0},
		{"SigmoidDerivative", SigmoidDerivative, 800, 0},
		{"SigmoidDerivative", SigmoidDerivative, inf, 0},
		{"SigmoidDerivative", SigmoidDerivative, -inf, 0},
		{"SigmoidDerivative", SigmoidDerivative, nan, nan},
		{"ReLU", ReLU, 2.5, 2.5},
		{"ReLU", ReLU, -2.5, 0},
		{"ReLU", ReLU, 0, 0},
		{"ReLU", ReLU, negz, 0}, // +0, as numpy.maximum(-0.0, 0)
		{"ReLU", ReLU, 800, 800},
		{"ReLU", ReLU, -800, 0},
		{"ReLU", ReLU, inf, inf},
		{"ReLU", ReLU, -inf, 0},
		{"ReLU", ReLU, nan, nan},
		{"ReLU", ReLU, 5e-324, 5e-324},
		{"ReLUDerivative", ReLUDerivative, 2.5, 1},
		{"ReLUDerivative", ReLUDerivative, 5e-324, 1},
		{"ReLUDerivative", ReLUDerivative, 0, 0},
		{"ReLUDerivative", ReLUDerivative, negz, 0},
		{"ReLUDerivative", ReLUDerivative, -1, 0},
		{"ReLUDerivative", ReLUDerivative, inf, 1},
		{"ReLUDerivative", ReLUDerivative, -inf, 0},
		{"ReLUDerivative", ReLUDerivative, nan, 0},
		{"Tanh", Tanh, 0, 0},
		{"Tanh", Tanh, negz, negz},
		{"Tanh", Tanh, 37, 1},
		{"Tanh", Tanh, 800, 1},
		{"Tanh", Tanh, -800, -1},
		{"Tanh", Tanh, inf, 1},
		{"Tanh", Tanh, -inf, -1},
		{"Tanh", Tanh, nan, nan},
		{"TanhDerivative", TanhDerivative, 0, 1},
		{"TanhDerivative", TanhDerivative, negz, 1},
		{"TanhDerivative", TanhDerivative, 37, 0},
		{"TanhDerivative", TanhDerivative, -800, 0},
		{"TanhDerivative", TanhDerivative, inf, 0},
		{"TanhDerivative", TanhDerivative, nan, nan},
	} {
		if got := apply(tc.f, tc.x); !same(got, tc.want) {
			t.Errorf("%s(%v) = %v (sign bit %v), want %v (sign bit %v)", tc.name, tc.x, got, math.Signbit(got), tc.want, math.Signbit(tc.want))
		}
	}
}

// grid returns x values from -lim to lim, including both signs of many
// magnitudes.
func grid(lim float64) []float64 {
	var xs []float64
	for v := -lim; v <= lim; v += lim / 997 {
		xs = append(xs, v)
	}
	for _, v := range []float64{1e-300, 1e-16, 1e-8, 1e-3, 0.5, 1, 2} {
		xs = append(xs, v, -v)
	}
	return xs
}

// TestActivationClosedForms compares each activation with an independent
// closed form: σ(x) = (1 + tanh(x/2))/2, σ' = 1/(4 cosh²(x/2)),
// tanh = sinh/cosh, tanh' = 1/cosh².
func TestActivationClosedForms(t *testing.T) {
	xs := grid(30)
	n := len(xs)
	s, ds, th, dth := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	Sigmoid(s, xs)
	SigmoidDerivative(ds, xs)
	Tanh(th, xs)
	TanhDerivative(dth, xs)
	for i, x := range xs {
		// (1 + tanh(x/2))/2 cancels for x << 0: compare in absolute terms
		// there, relatively where σ is not small.
		want := (1 + math.Tanh(x/2)) / 2
		if !near(s[i], want, 4*eps) {
			t.Errorf("Sigmoid(%v) = %.17g, want %.17g", x, s[i], want)
		}
		if x < -1 && !relNear(s[i], math.Exp(x)/(1+math.Exp(x)), 4*eps) {
			t.Errorf("Sigmoid(%v) = %.17g, relative error too large", x, s[i])
		}
		if x > -700 && !relNear(s[i], 1/(1+math.Exp(-x)), 4*eps) {
			t.Errorf("Sigmoid(%v) = %.17g, want 1/(1+exp(-x)) = %.17g", x, s[i], 1/(1+math.Exp(-x)))
		}
		c := math.Cosh(x / 2)
		wantD := 1 / (4 * c * c)
		// s·(1 - s) loses relative accuracy where s is near 1 (1 - s has
		// an absolute error of eps/2): bound the error absolutely there.
		if !(relNear(ds[i], wantD, 16*eps) || math.Abs(ds[i]-wantD) <= 2*eps) {
			t.Errorf("SigmoidDerivative(%v) = %.17g, want %.17g", x, ds[i], wantD)
		}
		if wantT := math.Sinh(x) / math.Cosh(x); !relNear(th[i], wantT, 4*eps) {
			t.Errorf("Tanh(%v) = %.17g, want %.17g", x, th[i], wantT)
		}
		ch := math.Cosh(x)
		if wantDT := 1 / (ch * ch); !(relNear(dth[i], wantDT, 16*eps) || math.Abs(dth[i]-wantDT) <= 4*eps) {
			t.Errorf("TanhDerivative(%v) = %.17g, want %.17g", x, dth[i], wantDT)
		}
	}
	// The derivatives are derivatives: central differences of the
	// functions.
	for _, x := range []float64{-3, -0.7, 0, 0.4, 2.5} {
		const h = 1e-5
		fd := (apply(Sigmoid, x+h) - apply(Sigmoid, x-h)) / (2 * h)
		if math.Abs(fd-apply(SigmoidDerivative, x)) > 1e-9 {
			t.Errorf("SigmoidDerivative(%v) = %v, central difference %v", x, apply(SigmoidDerivative, x), fd)
		}
		fd = (apply(Tanh, x+h) - apply(Tanh, x-h)) / (2 * h)
		if math.Abs(fd-apply(TanhDerivative, x)) > 1e-9 {
			t.Errorf("TanhDerivative(%v) = %v, central difference %v", x, apply(TanhDerivative, x), fd)
		}
	}
}

func TestActivationAliasAndShape(t *testing.T) {
	fs := []struct {
		name string
		f    func(dst, x []float64)
	}{
		{"Sigmoid", Sigmoid}, {"SigmoidDerivative", SigmoidDerivative}, {"ReLU", ReLU},
		{"ReLUDerivative", ReLUDerivative}, {"Tanh", Tanh}, {"TanhDerivative", TanhDerivative},
	}
	for _, tc := range fs {
		x := []float64{-2, -0.5, 0, 0.5, 2, nan, inf}
		want := make([]float64, len(x))
		tc.f(want, x)
		tc.f(x, x) // in place
		for i := range x {
			if !same(x[i], want[i]) {
				t.Errorf("%s in place: [%d] = %v, want %v", tc.name, i, x[i], want[i])
			}
		}
		testdata.MustPanic(t, tc.name, ErrShape, func() { tc.f(make([]float64, 2), make([]float64, 3)) })
		tc.f(nil, nil) // empty is fine
	}
}
