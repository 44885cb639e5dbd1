package symbolic

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParseString(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"x", "x"},
		{"  x\t", "x"},
		{"2", "2"},
		{"3.5", "3.5"},
		{".5", "0.5"},
		{"5.", "5"},
		{"1e-3", "0.001"},
		{"2.5E+4", "25000"},
		{"1e-7", "1e-07"},
		{"1e21", "1e+21"},
		{"1e-400", "0"},
		{"pi", "pi"},
		{"E", "E"},
		{"e", "e"},
		{"x_1 + _y", "x_1 + _y"},
		{"x^2", "x**2"},
		{"x**2", "x**2"},
		{"x^y^z", "x**(y**z)"},
		{"(x^y)^z", "(x**y)**z"},
		{"-x^2", "-x**2"},
		{"(-x)^2", "(-x)**2"},
		{"2^-x", "2**(-x)"},
		{"2^-x^2", "2**(-x**2)"},
		{"-2^2", "-2**2"},
		{"(-2)^2", "(-2)**2"},
		{"+x", "x"},
		{"- -x", "-(-x)"},
		{"-(-2*x)", "-(-2*x)"},
		{"a - (-2)*x", "a - (-2*x)"},
		{"x*-2", "x*(-2)"},
		{"x/-y", "x/(-y)"},
		{"a - b - c", "a - b - c"},
		{"a - (b - c)", "a - (b - c)"},
		{"(a + b) + c", "a + b + c"},
		{"a - -b", "a - (-b)"},
		{"a + -b", "a + (-b)"},
		{"a/b/c", "a/b/c"},
		{"a/(b/c)", "a/(b/c)"},
		{"a/(b*c)", "a/(b*c)"},
		{"(a*b)*c", "a*b*c"},
		{"a*(b*c)", "a*(b*c)"},
		{"-(a*b)", "-a*b"},
		{"-(a + b)", "-(a + b)"},
		{"(a + b)*(c - d)", "(a + b)*(c - d)"},
		{"sin(x)", "sin(x)"},
		{"sin (x + 1)", "sin(x + 1)"},
		{"abs(x) + Abs(y)", "Abs(x) + Abs(y)"},
		{"sign(x)", "sign(x)"},
		{"sigmoid(x)", "1/(1 + exp(-x))"},
		{"sigmoid(x + 1)", "1/(1 + exp(-(x + 1)))"},
		{"2*sigmoid(x)", "2*(1/(1 + exp(-x)))"},
		{"sigmoid(x)^2", "(1/(1 + exp(-x)))**2"},
		{"log(x) + exp(x) + sqrt(x) + tanh(x) + tan(x) + cos(x)", "log(x) + exp(x) + sqrt(x) + tanh(x) + tan(x) + cos(x)"},
		{"((((x))))", "x"},
	} {
		e, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := e.String(); got != tc.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.in, got, tc.want)
		}
		// The printed form parses back to itself.
		if got := mustParse(e.String()).String(); got != tc.want {
			t.Errorf("Parse(%q) printed again = %q, want %q", tc.want, got, tc.want)
		}
	}
}

// TestParseValue checks precedence and associativity by value.
func TestParseValue(t *testing.T) {
	vars := map[string]float64{"x": 3, "y": 2, "z": 0.5, "e": 10}
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"-x^2", -9},
		{"-x**2", -9},
		{"(-x)^2", 9},
		{"2^3^2", 512},
		{"2^-1", 0.5},
		{"2**-y**2", 1.0 / 16},
		{"-2^2", -4},
		{"x - y - z", 0.5},
		{"x / y / z", 3},
		{"x - y + z", 1.5},
		{"x * -y", -6},
		{"- - x", 3},
		{"+-+x", -3},
		{"x + y * z", 4},
		{"(x + y) * z", 2.5},
		{"x*y^2", 12},
		{"e", 10},
		{"E", math.E},
		{"pi", math.Pi},
		{"2*pi*E", 2 * math.Pi * math.E},
		{"1.5e1 + .5 + 5.", 20.5},
		{"sin(pi/2)", 1},
		{"cos(0)", 1},
		{"tan(0)", 0},
		{"exp(1)", math.E},
		{"log(E)", 1},
		{"sqrt(16)", 4},
		{"tanh(0)", 0},
		{"sigmoid(0)", 0.5},
		{"abs(-2) + Abs(-3)", 5},
		{"sign(-2) + sign(0) + 2*sign(7)", 1},
	} {
		e, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		got, err := e.Eval(vars)
		if err != nil || math.Abs(got-tc.want) > 4*eps*math.Max(1, math.Abs(tc.want)) {
			t.Errorf("%q = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
}

const eps = 0x1p-52

func TestEvalDomain(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
	}{
		{"log(-1)", math.NaN()},
		{"sqrt(-1)", math.NaN()},
		{"log(0)", math.Inf(-1)},
		{"1/0", math.Inf(1)},
		{"0/0", math.NaN()},
		{"sigmoid(-1000)", 0},
		{"sigmoid(1000)", 1},
		{"sign(0/0)", math.NaN()},
	} {
		got, err := mustParse(tc.in).Eval(nil)
		if err != nil || !sameValue(got, tc.want) {
			t.Errorf("%q = %v, %v; want %v", tc.in, got, err, tc.want)
		}
	}
	_, err := mustParse("x + y").Eval(map[string]float64{"x": 1})
	if !errors.Is(err, ErrUnboundVariable) || !strings.Contains(err.Error(), "y") {
		t.Errorf("unbound y: error %v, want ErrUnboundVariable naming y", err)
	}
}

func TestParseErrors(t *testing.T) {
	deep := strings.Repeat("(", maxDepth) + "x" + strings.Repeat(")", maxDepth)
	for _, tc := range []struct {
		in   string
		kind error
		msg  string // the message after "symbolic: ..."
	}{
		{"x + * 2", ErrSyntax, "unexpected '*' at position 4"},
		{"(x", ErrSyntax, "missing ')' at position 2"},
		{"x)", ErrSyntax, "unexpected ')' at position 1"},
		{"2x", ErrSyntax, `unexpected name "x" at position 1 (implicit multiplication`},
		{"(x)(y)", ErrSyntax, "unexpected '(' at position 3 (implicit"},
		{"x y", ErrSyntax, `unexpected name "y" at position 2`},
		{"foo(x)", ErrUnknownFunction, `unknown function "foo" at position 0`},
		{"1 + x(2)", ErrUnknownFunction, `unknown function "x" at position 4`},
		{"", ErrSyntax, "empty expression at position 0"},
		{"   ", ErrSyntax, "empty expression at position 0"},
		{"1e", ErrSyntax, `malformed number "1e" at position 0`},
		{"x + 2e+", ErrSyntax, `malformed number "2e+" at position 4`},
		{"x^", ErrSyntax, "unexpected end of input at position 2"},
		{"x * * 2", ErrSyntax, "unexpected '*' at position 4"},
		{"sin()", ErrSyntax, "unexpected ')' at position 4"},
		{"sin x", ErrSyntax, `function "sin" without '(' after it at position 0`},
		{"x + lambda", ErrSyntax, `reserved word "lambda" at position 4`},
		{"1e400", ErrSyntax, `number "1e400" out of range at position 0`},
		{"x, y", ErrSyntax, "unexpected character ',' at position 1"},
		{"é + x", ErrSyntax, "unexpected character 'é' at position 0"},
		{"é + $", ErrSyntax, "unexpected character 'é' at position 0"},
		{"x + é", ErrSyntax, "unexpected character 'é' at position 4"},
		{"2*é", ErrSyntax, "unexpected character 'é' at position 2"},
		{"x\xff", ErrSyntax, "unexpected character '\ufffd' at position 1"},
		{"(" + deep + ")", ErrSyntax, "nested more than 1000 deep at position 1001"},
		{strings.Repeat("-", maxDepth+1) + "x", ErrSyntax, "nested more than 1000 deep at position 1001"},
	} {
		_, err := Parse(tc.in)
		if !errors.Is(err, tc.kind) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("Parse(%.20q): error %v, want %v with %q", tc.in, err, tc.kind, tc.msg)
		}
	}
	if _, err := Parse(deep); err != nil {
		t.Errorf("nesting of exactly %d: %v", maxDepth, err)
	}
}

func TestDerivativeVariableErrors(t *testing.T) {
	for _, v := range []string{"", "2x", "x y", " x", "x-1", "pi", "E", "sin", "Abs", "lambda", "é"} {
		_, err := Derivative("x", v)
		if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), "invalid variable name") {
			t.Errorf("Derivative(x, %q): error %v, want ErrSyntax", v, err)
		}
	}
	for _, v := range []string{"x", "e", "_", "x_1", "Theta"} {
		if _, err := Derivative("x", v); err != nil {
			t.Errorf("Derivative(x, %q): %v", v, err)
		}
	}
}
