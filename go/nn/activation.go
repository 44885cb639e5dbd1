package nn

import "math"

// Sigmoid computes dst[i] = σ(x[i]) = 1/(1 + e^(-x[i])), as
// scipy.special.expit, in the two-branch form that never overflows:
//
//	x >= 0:  1/(1 + exp(-x))
//	x < 0:   e/(1 + e),  e = exp(x)
//
// σ(x) is exactly 1 from x = 37 on (e^-37 is below half an ulp of 1) and
// exactly 0 below about -745 (e^x underflows), with no NaN; NaN stays NaN.
// dst may be x. It panics with ErrShape if the lengths differ.
func Sigmoid(dst, x []float64) {
	checkLen(dst, len(x))
	for i, v := range x {
		dst[i] = sigmoid(v)
	}
}

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x) // also NaN, which fails x >= 0
	return e / (1 + e)
}

// SigmoidDerivative computes dst[i] = σ'(x[i]) = s·(1 - s) with
// s = σ(x[i]) from Sigmoid: 0.25 at 0, exactly 0 where σ is exactly 0 or 1.
// dst may be x. It panics with ErrShape if the lengths differ.
func SigmoidDerivative(dst, x []float64) {
	checkLen(dst, len(x))
	for i, v := range x {
		s := sigmoid(v)
		dst[i] = s * (1 - s)
	}
}

// ReLU computes dst[i] = max(x[i], 0): x[i] where x[i] > 0, else +0 (also
// at -0); NaN stays NaN, as numpy.maximum(x, 0). dst may be x. It panics
// with ErrShape if the lengths differ.
func ReLU(dst, x []float64) {
	checkLen(dst, len(x))
	for i, v := range x {
		if !(v > 0) && v == v {
			v = 0
		}
		dst[i] = v
	}
}

// ReLUDerivative computes dst[i] = 1 where x[i] > 0 and 0 elsewhere,
// including at 0 and for NaN, as numpy's (x > 0).astype(float). dst may be
// x. It panics with ErrShape if the lengths differ.
func ReLUDerivative(dst, x []float64) {
	checkLen(dst, len(x))
	for i, v := range x {
		if v > 0 {
			dst[i] = 1
		} else {
			dst[i] = 0
		}
	}
}

// Tanh computes dst[i] = tanh(x[i]) with math.Tanh: ±1 at ±Inf, NaN for
// NaN. dst may be x. It panics with ErrShape if the lengths differ.
func Tanh(dst, x []float64) {
	checkLen(dst, len(x))
	for i, v := range x {
		dst[i] = math.Tanh(v)
	}
}

// TanhDerivative computes dst[i] = 1 - t·t with t = tanh(x[i]) (t·t
// rounded before the subtraction). dst may be x. It panics with ErrShape if
// the lengths differ.
func TanhDerivative(dst, x []float64) {
	checkLen(dst, len(x))
	for i, v := range x {
		t := math.Tanh(v)
		dst[i] = 1 - float64(t*t)
	}
}
