package calculus

import (
	"math"

	"mlmath/vec"
)

// Func evaluates a function from Rⁿ to Rᵐ at x (len n), writing f(x) into
// out (len m). x must not be modified or kept. A non-nil error stops the
// computation that called f and is returned unchanged.
type Func func(out, x []float64) error

// The default relative steps, eps^(1/3) and eps^(1/4) (see the package
// documentation), as literals: eps^(1/3) = 2^(-52/3) correctly rounded
// (math.Cbrt is 1 ulp off), so that the Python reference, which spells the
// same literal, takes the same steps.
const (
	firstStep  = 0x1.965fea53d6e3dp-18 // 6.0554544523933395e-06
	secondStep = 0x1p-13               // eps^(1/4), exact
)

// Step returns the step used for coordinate value x: h itself if h > 0,
// otherwise the default eps^(1/3)·max(1, |x|) for first derivatives.
func Step(x, h float64) float64 {
	if h > 0 {
		return h
	}
	return firstStep * math.Max(1, math.Abs(x))
}

// secondOrderStep is Step for second derivatives: eps^(1/4)·max(1, |x|).
func secondOrderStep(x, h float64) float64 {
	if h > 0 {
		return h
	}
	return secondStep * math.Max(1, math.Abs(x))
}

// checkStep returns ErrStep unless h is 0 (the default) or positive and
// finite.
func checkStep(h float64) error {
	if h < 0 || math.IsNaN(h) || math.IsInf(h, 0) {
		return ErrStep
	}
	return nil
}

// Derivative returns the central difference (f(x+h) - f(x-h)) / (2h) of the
// scalar function f (n = m = 1) at x, h = Step(x, h); h = 0 asks for the
// default step. f is called twice, at x+h first.
func Derivative(f Func, x, h float64) (float64, error) {
	if err := checkStep(h); err != nil {
		return 0, err
	}
	h = Step(x, h)
	var plus, minus [1]float64
	if err := f(plus[:], []float64{x + h}); err != nil {
		return 0, err
	}
	if err := f(minus[:], []float64{x - h}); err != nil {
		return 0, err
	}
	return (plus[0] - minus[0]) / (2 * h), nil
}

// Gradient writes into dst (len n) the central-difference gradient of the
// scalar function f (m = 1) at x (len n): dst[i] = (f(x + h_i·e_i) -
// f(x - h_i·e_i)) / (2·h_i), h_i = Step(x[i], h). f is called 2n times,
// at x + h_0·e_0, x - h_0·e_0, x + h_1·e_1, ... in that order.
func Gradient(dst []float64, f Func, x []float64, h float64) error {
	if len(dst) != len(x) {
		panic(ErrShape)
	}
	return Jacobian(dst, f, x, 1, h)
}

// Jacobian writes into dst (m×n, row-major) the central-difference
// Jacobian of f: Rⁿ → Rᵐ at x (len n): column i is (f(x + h_i·e_i) -
// f(x - h_i·e_i)) / (2·h_i), h_i = Step(x[i], h), so dst[r*n+i] = ∂f_r/∂x_i.
// f is called 2n times, in Gradient's order.
func Jacobian(dst []float64, f Func, x []float64, m int, h float64) error {
	n := len(x)
	if m < 0 || (n != 0 && m > math.MaxInt/n) || len(dst) != m*n {
		panic(ErrShape) // checked for overflow: a huge m must not pass by wrapping
	}
	if err := checkStep(h); err != nil {
		return err
	}
	if n == 0 {
		return nil // f is not called: no room for its m values (m may be huge)
	}
	xp := append([]float64(nil), x...)
	plus, minus := make([]float64, m), make([]float64, m)
	for i, xi := range x {
		hi := Step(xi, h)
		xp[i] = xi + hi
		if err := f(plus, xp); err != nil {
			return err
		}
		xp[i] = xi - hi
		if err := f(minus, xp); err != nil {
			return err
		}
		xp[i] = xi
		for r := range m {
			dst[r*n+i] = (plus[r] - minus[r]) / (2 * hi)
		}
	}
	return nil
}

// Hessian writes into dst (n×n) the symmetric central-difference Hessian
// of the scalar function f at x (len n), with h_i = eps^(1/4)·max(1, |x_i|)
// unless h > 0:
//
//	H_ii = (f(x + h_i·e_i) - 2·f(x) + f(x - h_i·e_i)) / h_i²
//	H_ij = (f(x + h_i·e_i + h_j·e_j) - f(x + h_i·e_i - h_j·e_j)
//	        - f(x - h_i·e_i + h_j·e_j) + f(x - h_i·e_i - h_j·e_j)) / (4·h_i·h_j)
//
// H_ij is computed once, for i < j, and stored in both places. f is called
// 1 + 2n² times: at x, then for each i the two diagonal points and for
// each j > i the four corners, in the order written above.
func Hessian(dst []float64, f Func, x []float64, h float64) error {
	n := len(x)
	if len(dst) != n*n {
		panic(ErrShape)
	}
	if err := checkStep(h); err != nil {
		return err
	}
	xp := append([]float64(nil), x...)
	var out [1]float64
	eval := func() (float64, error) {
		err := f(out[:], xp)
		return out[0], err
	}
	f0, err := eval()
	if err != nil {
		return err
	}
	corners := [4][2]float64{{1, 1}, {1, -1}, {-1, 1}, {-1, -1}}
	for i, xi := range x {
		hi := secondOrderStep(xi, h)
		xp[i] = xi + hi
		fp, err := eval()
		if err != nil {
			return err
		}
		xp[i] = xi - hi
		fm, err := eval()
		if err != nil {
			return err
		}
		xp[i] = xi
		dst[i*n+i] = (fp - 2*f0 + fm) / (hi * hi)
		for j := i + 1; j < n; j++ {
			xj := x[j]
			hj := secondOrderStep(xj, h)
			var v [4]float64
			for c, sgn := range corners {
				xp[i], xp[j] = xi+sgn[0]*hi, xj+sgn[1]*hj
				if v[c], err = eval(); err != nil {
					return err
				}
			}
			xp[i], xp[j] = xi, xj
			hij := (v[0] - v[1] - v[2] + v[3]) / (4 * hi * hj)
			dst[i*n+j], dst[j*n+i] = hij, hij
		}
	}
	return nil
}

// CheckGradient compares grad, a claimed gradient of the scalar function f,
// with the central-difference gradient at x (default steps), and returns
// the relative error ||g - g_num||₂ / max(||g||₂, ||g_num||₂), 0 when both
// are zero. A correct gradient gives about 1e-10 or less for a smooth f of
// moderate scale; a wrong one gives a value of order 1. grad is called
// once, before f's 2n calls.
func CheckGradient(f, grad Func, x []float64) (float64, error) {
	n := len(x)
	g, num := make([]float64, n), make([]float64, n)
	if err := grad(g, x); err != nil {
		return 0, err
	}
	if err := Gradient(num, f, x, 0); err != nil {
		return 0, err
	}
	scale := math.Max(vec.Norm2(g), vec.Norm2(num))
	if scale == 0 {
		return 0, nil
	}
	diff := make([]float64, n)
	vec.SubTo(diff, g, num)
	return vec.Norm2(diff) / scale, nil
}
