package symbolic_test

import (
	"errors"
	"fmt"

	"mlmath/symbolic"
)

func ExampleDerivative() {
	for _, expr := range []string{
		"x^3 + 2*x^2 - 5*x + 1",
		"sin(x)^2",
		"x^x",
		"log(x^2 + 1)",
		"abs(x - 1)",
		"sigmoid(x)",
	} {
		d, err := symbolic.Derivative(expr, "x")
		fmt.Printf("d/dx %s = %s %v\n", expr, d, err)
	}
	_, err := symbolic.Derivative("2x + 1", "x")
	fmt.Println(err, errors.Is(err, symbolic.ErrSyntax))
	_, err = symbolic.Derivative("foo(x)", "x")
	fmt.Println(err, errors.Is(err, symbolic.ErrUnknownFunction))
	// Output:
	// d/dx x^3 + 2*x^2 - 5*x + 1 = 3*x**2 + 4*x - 5 <nil>
	// d/dx sin(x)^2 = 2*sin(x)*cos(x) <nil>
	// d/dx x^x = x**x*(log(x) + 1) <nil>
	// d/dx log(x^2 + 1) = 2*x/(x**2 + 1) <nil>
	// d/dx abs(x - 1) = sign(x - 1) <nil>
	// d/dx sigmoid(x) = 1/(1 + exp(-x))*(1 - 1/(1 + exp(-x))) <nil>
	// symbolic: syntax error: unexpected name "x" at position 1 (implicit multiplication is not supported; write '*') true
	// symbolic: unknown function "foo" at position 0 true
}

func ExampleParse() {
	e, err := symbolic.Parse("-x^2 + 2^-y")
	if err != nil {
		fmt.Println(err)
		return
	}
	v, err := e.Eval(map[string]float64{"x": 3, "y": 1})
	fmt.Println(e, "=", v, err)
	fmt.Println(symbolic.Simplify(e.Diff("x")))
	// Output:
	// -x**2 + 2**(-y) = -8.5 <nil>
	// -2*x
}

func ExampleSimplify() {
	e, _ := symbolic.Parse("0*y + 1*x^1 + 2*x*3 - (-x)/x")
	fmt.Println(e)
	fmt.Println(symbolic.Simplify(e))
	// Output:
	// 0*y + 1*x**1 + 2*x*3 - (-x/x)
	// x + 6*x + 1
}
