package symbolic

import "math"

// function is a function of one argument.
type function struct {
	name  string                // as Parse returns it: abs, not Abs
	eval  func(float64) float64 // its value
	deriv func(u Expr) Expr     // f'(u); Diff multiplies by u'
	exact func(float64) (float64, bool)
}

// The functions. Their derivatives refer to each other, so the table is
// filled in init.
var (
	fnSin, fnCos, fnTan, fnExp, fnLog, fnSqrt, fnTanh, fnSigmoid, fnAbs, fnSign function

	// functions maps each name Parse accepts to its function.
	functions = map[string]*function{
		"sin": &fnSin, "cos": &fnCos, "tan": &fnTan, "exp": &fnExp,
		"log": &fnLog, "sqrt": &fnSqrt, "tanh": &fnTanh,
		"sigmoid": &fnSigmoid, "abs": &fnAbs, "Abs": &fnAbs, "sign": &fnSign,
	}
)

// at returns an exact-value rule: f(x0) = y0 and nothing else.
func at(x0, y0 float64) func(float64) (float64, bool) {
	return func(x float64) (float64, bool) { return y0, x == x0 }
}

func init() {
	fnSin = function{name: "sin", eval: math.Sin, exact: at(0, 0),
		deriv: func(u Expr) Expr { return apply(&fnCos, u) }}
	fnCos = function{name: "cos", eval: math.Cos, exact: at(0, 1),
		deriv: func(u Expr) Expr { return negate(apply(&fnSin, u)) }}
	fnTan = function{name: "tan", eval: math.Tan, exact: at(0, 0),
		deriv: func(u Expr) Expr { return add(num(1), pow(apply(&fnTan, u), num(2))) }}
	fnExp = function{name: "exp", eval: math.Exp, exact: at(0, 1),
		deriv: func(u Expr) Expr { return apply(&fnExp, u) }}
	fnLog = function{name: "log", eval: math.Log, exact: at(1, 0),
		deriv: func(u Expr) Expr { return div(num(1), u) }}
	fnSqrt = function{name: "sqrt", eval: math.Sqrt, exact: exactSqrt,
		deriv: func(u Expr) Expr { return div(num(1), mul(num(2), apply(&fnSqrt, u))) }}
	fnTanh = function{name: "tanh", eval: math.Tanh, exact: at(0, 0),
		deriv: func(u Expr) Expr { return sub(num(1), pow(apply(&fnTanh, u), num(2))) }}
	fnSigmoid = function{name: "sigmoid", eval: sigmoid, exact: at(0, 0.5),
		deriv: func(u Expr) Expr {
			s := apply(&fnSigmoid, u)
			return mul(s, sub(num(1), s))
		}}
	fnAbs = function{name: "abs", eval: math.Abs,
		exact: func(x float64) (float64, bool) { return math.Abs(x), true },
		deriv: func(u Expr) Expr { return apply(&fnSign, u) }}
	fnSign = function{name: "sign", eval: sign,
		exact: func(x float64) (float64, bool) { return sign(x), true },
		deriv: func(Expr) Expr { return num(0) }}
}

// sigmoid is 1/(1+exp(-x)), computed as printed so that an expression and
// its printed form evaluate alike; exp overflowing to +Inf gives 0.
func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

// sign is -1, 0 or 1 by the sign of x, and NaN for NaN.
func sign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return x + 0 // 0 for ±0, NaN for NaN
}

// exactSqrt folds the square root of a perfect square.
func exactSqrt(x float64) (float64, bool) {
	r := math.Sqrt(x)
	return r, r == math.Trunc(r) && r*r == x
}
