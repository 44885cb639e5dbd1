"""symbolic_derivative: both backends agree with sympy in value, never by string.

The reference returns sympy's derivative; the Go backend differentiates and
simplifies by itself. Each result is read back with sympy and evaluated with
mpmath at 40 digits at random points where both are defined and real, so the
comparison tests mathematical equality, not the rounding of either form.
"""

from __future__ import annotations

import random

import mpmath
import numpy as np
import pytest
import sympy

from mlmath._symbolic import FUNCTIONS

VARIABLES = ("x", "y")
RTOL = 1e-9


def to_sympy(text: str):
    """A derivative string read by sympy, its variables as real symbols."""
    names = {v: sympy.Symbol(v, real=True) for v in VARIABLES}
    return sympy.parse_expr(text, local_dict=names)


def values(expr, points):
    """expr at each point (x, y) with mpmath at 40 digits; None where not real and finite."""
    syms = [sympy.Symbol(v, real=True) for v in VARIABLES]
    if expr.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):  # undefined everywhere (say a constant 1/0)
        return [None] * len(points)
    f = sympy.lambdify(syms, expr, modules="mpmath")
    out = []
    with mpmath.workdps(40):
        for p in points:
            try:
                v = mpmath.mpmathify(f(*[mpmath.mpf(c) for c in p]))
            except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                out.append(None)
                continue
            if isinstance(v, mpmath.mpc):
                v = v.real if abs(v.imag) <= 1e-30 * max(1, abs(v.real)) else None
            out.append(None if v is None or not mpmath.isfinite(v) or abs(v) > 1e100 else v)
    return out


def assert_same_value(got: str, want: str, what: str, points) -> int:
    """got and want agree to RTOL at every point where both are defined; the number of points compared."""
    compared = 0
    for p, g, w in zip(points, values(to_sympy(got), points), values(to_sympy(want), points)):
        if g is None or w is None:
            continue
        compared += 1
        assert abs(g - w) <= RTOL * max(1, abs(w)), f"{what} at {p}: go {got} = {g}, sympy {want} = {w}"
    return compared


NOTES = [
    "x^2",
    "x^3 + 2*x^2 - 5*x + 1",
    "sin(x) * cos(x)",
    "exp(2*x)",
    "log(x^2 + 1)",
    "1/(1 + exp(-x))",
    "sigmoid(x)",
    "sqrt(x) * tanh(x)",
    "x^x",
    "2^-x",
    "abs(x - 1) * x",
    "tan(x)/x",
    "x*y^2 + sin(x*y)",
    "pi*x + E^x",
    "1e-3*x^2 - .5*x",
]
POINTS = [(0.3, 1.7), (1.1, -0.4), (2.5, 0.9), (-1.3, 2.2)]


@pytest.mark.parametrize("expression", NOTES)
@pytest.mark.parametrize("variable", VARIABLES)
def test_the_notes_examples_agree_with_sympy(go_backend, expression, variable):
    from mlmath import reference

    want = reference.symbolic_derivative(expression, variable)
    plain = sympy.diff(to_sympy(expression.replace("^", "**").replace("sigmoid(x)", "1/(1+exp(-x))")), sympy.Symbol(variable, real=True))
    assert assert_same_value(want, str(plain), "reference vs plain sympy", POINTS) >= 2
    got = go_backend.symbolic_derivative(expression, variable)
    assert isinstance(got, str)
    sympy.sympify(got)  # plain sympy parses it, no extra names needed
    assert assert_same_value(got, want, expression, POINTS) >= 2


def test_results_are_simplified(go_backend):
    assert go_backend.symbolic_derivative("x^3 + 2*x^2 - 5*x + 1", "x") == "3*x**2 + 4*x - 5"
    assert go_backend.symbolic_derivative("5", "x") == "0"
    assert go_backend.symbolic_derivative("x", "x") == "1"
    assert go_backend.symbolic_derivative("y*x", "x") == "y"
    assert go_backend.symbolic_derivative("x^1 + 0*x", "x") == "1"


def random_expression(rng: random.Random, depth: int) -> str:
    """A random expression of the grammar, in varied spellings."""
    if depth <= 0 or rng.random() < 0.25:
        return rng.choice(["x", "y", "x", str(rng.randint(1, 9)), f"{rng.uniform(0.1, 3):.3g}", "0.5", "2e-1", "pi", "E"])
    kind = rng.random()
    if kind < 0.35:
        op = rng.choice(["+", "-", "*", "/", "*"])
        sp = rng.choice(["", " "])
        return f"({random_expression(rng, depth - 1)}{sp}{op}{sp}{random_expression(rng, depth - 1)})"
    if kind < 0.55:
        base = random_expression(rng, depth - 1)
        exponent = rng.choice([str(rng.randint(2, 4)), "-1", "0.5", f"({random_expression(rng, depth - 2)})"])
        return f"({base}){rng.choice(['^', '**'])}{exponent}"
    if kind < 0.65:
        return f"-{random_expression(rng, depth - 1)}"
    fn = rng.choice([f for f in FUNCTIONS if f not in ("Abs", "sign")])
    return f"{fn}({random_expression(rng, depth - 1)})"


def real_points(expression: str, points):
    """The points where every subexpression of expression is real and finite:
    there the derivative is the real-variable one both sides compute."""
    from mlmath._symbolic import parse

    tree = parse(expression, sympy)
    if tree.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
        return []
    subs = [s for s in sympy.preorder_traversal(tree) if not s.is_Symbol]
    syms = [sympy.Symbol(v, real=True) for v in VARIABLES]
    f = sympy.lambdify(syms, subs, modules="mpmath")
    good = []
    with mpmath.workdps(40):
        for p in points:
            try:
                vals = [mpmath.mpmathify(v) for v in f(*[mpmath.mpf(c) for c in p])]
            except (ZeroDivisionError, ValueError, OverflowError, TypeError):
                continue
            if all(not isinstance(v, mpmath.mpc) and mpmath.isfinite(v) and abs(v) < 1e100 for v in vals):
                good.append(p)
    return good


@pytest.mark.parametrize("seed", range(8))
def test_random_expressions_agree_with_sympy(go_backend, seed):
    """Thousands of random trees in all (8 seeds x 250): every Go derivative
    equals sympy's wherever both are defined."""
    from mlmath import reference

    rng = random.Random(20261130 + seed)
    compared = 0
    for _ in range(250):
        expression = random_expression(rng, 4)
        variable = rng.choice(VARIABLES)
        points = real_points(expression, [(rng.uniform(-2.5, 2.5), rng.uniform(-2.5, 2.5)) for _ in range(3)])
        want = reference.symbolic_derivative(expression, variable)
        got = go_backend.symbolic_derivative(expression, variable)
        compared += assert_same_value(got, want, f"d/d{variable} {expression}", points)
    assert compared >= 250  # most points are in the domain: the test compares something


# (expression, variable, exception, message after "symbolic_derivative: ")
ERRORS = [
    ("x + * 2", "x", ValueError, "syntax error: unexpected '*' at position 4"),
    ("(x", "x", ValueError, "syntax error: missing ')' at position 2"),
    ("x)", "x", ValueError, "syntax error: unexpected ')' at position 1"),
    ("2x", "x", ValueError, "syntax error: unexpected name \"x\" at position 1 (implicit multiplication is not supported; write '*')"),
    ("foo(x)", "x", ValueError, 'unknown function "foo" at position 0'),
    ("3 * bar(x)", "x", ValueError, 'unknown function "bar" at position 4'),
    ("", "x", ValueError, "syntax error: empty expression at position 0"),
    ("   ", "x", ValueError, "syntax error: empty expression at position 0"),
    ("1e", "x", ValueError, 'syntax error: malformed number "1e" at position 0'),
    ("x^", "x", ValueError, "syntax error: unexpected end of input at position 2"),
    ("x $ 2", "x", ValueError, "syntax error: unexpected character '$' at position 2"),
    ("x + 1e400", "x", ValueError, 'syntax error: number "1e400" out of range at position 4'),
    ("sin + x", "x", ValueError, "syntax error: function \"sin\" without '(' after it at position 0"),
    ("lambda * x", "x", ValueError, 'syntax error: reserved word "lambda" at position 0'),
    ("é + x", "x", ValueError, "syntax error: unexpected character 'é' at position 0"),
    ("x + \x00", "x", ValueError, "syntax error: unexpected character '\\x00' at position 4"),
    ("(" * 1100 + "x" + ")" * 1100, "x", ValueError, "syntax error: expression nested more than 1000 deep at position 1001"),
    ("x", "2x", ValueError, 'syntax error: invalid variable name "2x"'),
    ("x", "pi", ValueError, 'syntax error: invalid variable name "pi"'),
    ("x", "sin", ValueError, 'syntax error: invalid variable name "sin"'),
    ("x", "", ValueError, 'syntax error: invalid variable name ""'),
    ("x + \ud800", "x", ValueError, "expression is not valid text: it holds a lone surrogate"),
    (None, "x", TypeError, "expression must be a str, got NoneType None"),
    ("x", b"x", TypeError, "variable must be a str, got bytes b'x'"),
]


@pytest.mark.parametrize("expression,variable,exc,message", ERRORS, ids=[repr(e[0])[:20] + "/" + repr(e[1]) for e in ERRORS])
def test_errors_name_the_position_and_agree(backend, expression, variable, exc, message):
    with pytest.raises(exc) as info:
        backend.symbolic_derivative(expression, variable)
    assert str(info.value) == f"symbolic_derivative: {message}"


def test_long_results_grow_the_buffer(go_backend):
    # A derivative many times longer than the first buffer Go is offered.
    expression = "*".join(f"sin({k}*x)" for k in range(1, 40))
    got = go_backend.symbolic_derivative(expression, "x")
    assert len(got) > 4 * len(expression) + 64
    pts = [(0.3, 0.0), (1.2, 0.0)]
    from mlmath import reference

    assert assert_same_value(got, reference.symbolic_derivative(expression, "x"), "product", pts) == 2


def test_derivative_values_match_a_numerical_derivative(backend):
    # Independent of sympy: the symbolic result against a central difference.
    expr = "sigmoid(x)*log(1 + x**2) - tanh(x/3)"
    d = backend.symbolic_derivative(expr, "x")
    f = sympy.lambdify(sympy.Symbol("x", real=True), to_sympy(expr.replace("sigmoid(x)", "1/(1 + exp(-x))")), "numpy")
    df = sympy.lambdify(sympy.Symbol("x", real=True), to_sympy(d), "numpy")
    for x in (-2.0, 0.1, 1.5, 7.0):
        num = backend.numerical_derivative(f, x)
        assert abs(float(df(x)) - num) <= 1e-8 * max(1.0, abs(num))
    assert np.isfinite(float(df(0.0)))
