"""Calculus: numerical derivatives, gradient descent and symbolic derivatives (numpy, sympy).

The numerical functions take the user's Python function ``f`` and evaluate it
at central-difference points. Their step, unless ``h`` is given, is relative:

    h_i = eps**(1/3) * max(1, |x_i|)     first derivatives (about 6e-6)
    h_i = eps**(1/4) * max(1, |x_i|)     the Hessian's second differences

which balances truncation error (O(h^2)) against rounding (O(eps/h)): about
eps**(2/3) ~ 4e-11 relative error for a smooth f of moderate scale.

``f`` is called with fresh arrays (it may keep or change them), in a fixed,
documented order that the Go backend repeats call for call. Whatever ``f``
raises propagates unchanged. ``f`` must return a real scalar (a vector, for
``jacobian``): anything else raises TypeError (not real) or ValueError (wrong
shape). NaN and Inf values of f are not errors: they propagate into the
result, as in scipy.optimize.approx_fprime.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _calculus as _c
from mlmath._results import GradientDescentResult

__all__ = [
    "numerical_derivative",
    "gradient",
    "jacobian",
    "hessian",
    "check_gradient",
    "gradient_descent",
    "symbolic_derivative",
]


def numerical_derivative(f: Callable[[float], float], x: float, h: float | None = None) -> float:
    """The derivative of f: R -> R at x, by the central difference

        f'(x) ~ (f(x + h) - f(x - h)) / (2 h),   h = eps**(1/3) * max(1, |x|) by default.

    Parameters
    ----------
    f : callable
        f(float) -> real number. Called twice, at x + h first.
    x : real number
        The point; finite.
    h : positive float, optional
        The step; None for the default relative step.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If x is not finite, h is not positive and finite, or f returns an
        array; TypeError if f returns a non-real value or is not callable.
        What f raises propagates unchanged.
    """
    f = _c.function("numerical_derivative", "f", f)
    x = _c.scalar_point("numerical_derivative", x)
    h = _c.step("numerical_derivative", h) or float(_c.default_step(x))
    plus = _c.scalar_result("numerical_derivative", "f", f(x + h))
    minus = _c.scalar_result("numerical_derivative", "f", f(x - h))
    return (plus - minus) / (2 * h)


def _central_columns(
    func: str, f: Callable[[NDArray[np.float64]], object], x: NDArray[np.float64], h: float, m: int | None
) -> Iterator[tuple[int, float, float | NDArray[np.float64], float | NDArray[np.float64]]]:
    """Yield (i, h_i, f(x + h_i e_i), f(x - h_i e_i)) for i = 0..n-1, with
    vector results of length m (scalar results when m is None)."""
    steps = np.full(x.shape, h) if h else _c.default_step(x)
    for i in range(x.shape[0]):
        hi = float(steps[i])
        xp = x.copy()
        xp[i] = x[i] + hi
        fp = f(xp)
        xm = x.copy()
        xm[i] = x[i] - hi
        fm = f(xm)
        if m is None:
            yield i, hi, _c.scalar_result(func, "f", fp), _c.scalar_result(func, "f", fm)
        else:
            yield i, hi, _c.vector_result(func, "f", fp, m), _c.vector_result(func, "f", fm, m)


def gradient(f: Callable[[NDArray[np.float64]], float], x: ArrayLike, h: float | None = None) -> NDArray[np.float64]:
    """The gradient of f: R^n -> R at x, by central differences:

        g_i = (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i),   h_i = eps**(1/3) * max(1, |x_i|).

    Parameters
    ----------
    f : callable
        f((n,) ndarray) -> real number. Called 2n times, with fresh arrays:
        at x + h_0 e_0, x - h_0 e_0, x + h_1 e_1, ...
    x : (n,) array_like
        The point: non-empty and finite.
    h : positive float, optional
        One step for every coordinate; None for the default relative steps.

    Returns
    -------
    (n,) ndarray

    Raises
    ------
    ValueError
        If x is empty, not 1-D or not finite, h is invalid, or f returns an
        array; TypeError for non-real results. What f raises propagates.
    """
    f = _c.function("gradient", "f", f)
    x = _c.point("gradient", x)
    h = _c.step("gradient", h)
    g = np.empty(x.shape[0])
    for i, hi, fp, fm in _central_columns("gradient", f, x, h, None):
        g[i] = (fp - fm) / (2 * hi)
    return g


def jacobian(f: Callable[[NDArray[np.float64]], ArrayLike], x: ArrayLike, h: float | None = None) -> NDArray[np.float64]:
    """The Jacobian of f: R^n -> R^m at x, by central differences, shape (m, n):

        J[:, i] = (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i),   so J[r, i] = df_r / dx_i.

    The notes' version handles only m = n; a Jacobian is m x n in general.

    Parameters
    ----------
    f : callable
        f((n,) ndarray) -> (m,) array_like (a scalar counts as m = 1). Called
        first at x, to learn m, then 2n times in :func:`gradient`'s order;
        every result must have length m.
    x : (n,) array_like
        The point: non-empty and finite.
    h : positive float, optional
        One step for every coordinate; None for the default relative steps.

    Returns
    -------
    (m, n) ndarray

    Raises
    ------
    ValueError
        If x is invalid, or f returns a 2-D array or a length other than the
        first; TypeError for non-real results. What f raises propagates.
    """
    f = _c.function("jacobian", "f", f)
    x = _c.point("jacobian", x)
    h = _c.step("jacobian", h)
    m = _c.vector_result("jacobian", "f", f(x.copy()), None).shape[0]
    J = np.empty((m, x.shape[0]))
    for i, hi, fp, fm in _central_columns("jacobian", f, x, h, m):
        J[:, i] = (fp - fm) / (2 * hi)
    return J


def hessian(f: Callable[[NDArray[np.float64]], float], x: ArrayLike, h: float | None = None) -> NDArray[np.float64]:
    """The Hessian of f: R^n -> R at x, by central second differences, symmetric:

        H_ii = (f(x + h_i e_i) - 2 f(x) + f(x - h_i e_i)) / h_i^2
        H_ij = (f(x + h_i e_i + h_j e_j) - f(x + h_i e_i - h_j e_j)
                - f(x - h_i e_i + h_j e_j) + f(x - h_i e_i - h_j e_j)) / (4 h_i h_j)

    with h_i = eps**(1/4) * max(1, |x_i|) unless h is given (the second
    difference's rounding error is O(eps / h^2), hence the larger step).

    Parameters
    ----------
    f : callable
        f((n,) ndarray) -> real number. Called 1 + 2n^2 times: at x, then for
        each i the two diagonal points and, for each j > i, the four corners
        in the order above.
    x : (n,) array_like
        The point: non-empty and finite.
    h : positive float, optional
        One step for every coordinate.

    Returns
    -------
    (n, n) ndarray, symmetric (H_ij is computed once for i < j).

    Raises
    ------
    ValueError, TypeError
        As :func:`gradient`.
    """
    func = "hessian"
    f = _c.function(func, "f", f)
    x = _c.point(func, x)
    h = _c.step(func, h)
    n = x.shape[0]
    steps = np.full(n, h) if h else _c.default_step(x, order=2)

    def at(*moves: tuple[int, float]) -> float:  # f at x moved by (index, delta) pairs
        xp = x.copy()
        for i, d in moves:
            xp[i] = x[i] + d
        return _c.scalar_result(func, "f", f(xp))

    H = np.empty((n, n))
    f0 = at()
    for i in range(n):
        hi = float(steps[i])
        fp, fm = at((i, hi)), at((i, -hi))
        H[i, i] = _ieee_div(fp - 2 * f0 + fm, hi * hi)
        for j in range(i + 1, n):
            hj = float(steps[j])
            v = [at((i, si * hi), (j, sj * hj)) for si, sj in ((1, 1), (1, -1), (-1, 1), (-1, -1))]
            H[i, j] = H[j, i] = _ieee_div(v[0] - v[1] - v[2] + v[3], 4 * hi * hj)
    return H


def _ieee_div(a: float, b: float) -> float:
    """a / b as IEEE (and Go) divide: inf or nan, not ZeroDivisionError, when
    b underflowed to 0 (the square of a step h below 1e-162)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(np.float64(a) / b)


def check_gradient(f: Callable[[NDArray[np.float64]], float], grad_f: Callable[[NDArray[np.float64]], ArrayLike], x: ArrayLike) -> float:
    """How far grad_f is from the numerical gradient of f at x, as the relative error

        ||g - g_num|| / max(||g||, ||g_num||)     (0.0 when both are zero)

    with g = grad_f(x) and g_num = gradient(f, x). A correct gradient of a
    smooth, moderately scaled f gives about 1e-10 or less; a wrong one, a
    value of order 1.

    Parameters
    ----------
    f : callable
        f((n,) ndarray) -> real number.
    grad_f : callable
        grad_f((n,) ndarray) -> (n,) array_like; called once, before f.
    x : (n,) array_like
        The point: non-empty and finite.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If grad_f returns a shape other than (n,), or as :func:`gradient`.
    """
    func = "check_gradient"
    f = _c.function(func, "f", f)
    grad_f = _c.function(func, "grad_f", grad_f)
    x = _c.point(func, x)
    g = _c.vector_result(func, "grad_f", grad_f(x.copy()), x.shape[0])
    num = np.empty(x.shape[0])
    for i, hi, fp, fm in _central_columns(func, f, x, 0.0, None):
        num[i] = (fp - fm) / (2 * hi)
    return _c.relative_error(g, num)


def gradient_descent(
    f: Callable[[NDArray[np.float64]], float],
    grad_f: Callable[[NDArray[np.float64]], ArrayLike] | None,
    x0: ArrayLike,
    learning_rate: float = 0.01,
    max_iter: int = 1000,
    tol: float = 1e-6,
    callback: Callable[[int, NDArray[np.float64], float], object] | None = None,
) -> GradientDescentResult:
    """Minimize f by fixed-step gradient descent from x0, as in the notes:

        for k = 0, 1, ..., max_iter - 1:
            g = grad_f(x_k);  stop if ||g||_2 < tol     (checked before each step)
            x_{k+1} = x_k - learning_rate * g

    Parameters
    ----------
    f : callable
        The objective, f((n,) ndarray) -> real number. It is evaluated only
        for ``callback`` and when grad_f is None. A built-in objective
        (``mlmath.objectives.quadratic``, ``rosenbrock``) brings its own
        analytic gradient; the Go backend then runs the whole loop in Go.
    grad_f : callable or None
        grad_f((n,) ndarray) -> (n,) array_like. None: the objective's
        analytic gradient, or else central differences of f (:func:`gradient`).
    x0 : (n,) array_like
        The start: non-empty and finite.
    learning_rate : float, optional
        The step size, positive and finite.
    max_iter : int, optional
        The most steps taken, >= 0.
    tol : float, optional
        Stop when the gradient norm falls below it (>= 0; 0 never stops early).
    callback : callable, optional
        callback(iteration, x, f(x)) after every step: iteration is the
        number of steps taken, x a copy of the new point. A truthy return
        stops the descent.

    Returns
    -------
    GradientDescentResult(x, history)
        x : (n,) ndarray, the final point; history : (steps + 1, n) ndarray,
        the path, history[0] = x0 and history[-1] = x.

    Raises
    ------
    ValueError
        If a gradient holds NaN or Inf (the iteration diverged: try a smaller
        learning_rate), grad_f returns a shape other than (n,), x0 is not
        valid for a built-in objective, or a parameter is out of range.
        Whatever f, grad_f or callback raise propagates unchanged; in the Go
        backend Ctrl-C (KeyboardInterrupt) stops even a native loop within
        about 50 ms; x0 is left untouched and the path so far is discarded.
    """
    func = "gradient_descent"
    grad = _c.descent_gradient(func, f, grad_f)
    x0 = _c.point(func, x0)
    lr, max_iter, tol = _c.descent_parameters(func, learning_rate, max_iter, tol)
    if callback is not None:
        _c.function(func, "callback", callback)
    objective = _c.objective(f)
    if objective is not None:
        objective.check(func, x0)
    n = x0.shape[0]
    if grad is None and objective is not None:
        grad = objective.gradient
    history = [x0]
    x = x0
    for k in range(max_iter):
        if grad is None:  # gradient()'s central differences, its errors naming gradient_descent
            g = np.empty(n)
            for i, hi, fp, fm in _central_columns(func, f, x, 0.0, None):
                g[i] = (fp - fm) / (2 * hi)
        else:
            g = _c.vector_result(func, "grad_f", grad(x.copy()), n)
        if not np.isfinite(g).all():
            raise _c.not_finite_gradient(func, k)
        with np.errstate(over="ignore"):  # a huge finite g: its norm is inf, not < tol
            norm = np.linalg.norm(g)
        if norm < tol:
            break
        x = x - lr * g
        history.append(x)
        if callback is not None and callback(k + 1, x.copy(), _c.scalar_result(func, "f", f(x.copy()))):
            break
    return GradientDescentResult(history[-1].copy(), np.array(history))


def symbolic_derivative(expression: str, variable: str) -> str:
    """The derivative of ``expression`` with respect to ``variable``, as a string sympy parses.

    The grammar (the same on both backends, see :mod:`mlmath._symbolic`):
    numbers (``2``, ``0.5``, ``1e-3``), variables, ``+ - * /``, powers ``^``
    or ``**`` (right-associative; ``-x^2`` is ``-(x^2)``, ``2^-x`` is
    allowed), unary minus, parentheses, and the functions sin cos tan exp
    log sqrt tanh sigmoid abs (``log`` is natural, ``sigmoid(u) = 1/(1 +
    exp(-u))``). ``pi`` and ``E`` are the constants, as in sympy; ``e`` is a
    variable. Implicit multiplication (``2x``) is a syntax error.

    Parameters
    ----------
    expression : str
    variable : str
        A name, not a constant, function or Python keyword.

    Returns
    -------
    str
        The derivative, in sympy's syntax (``**``, ``Abs``, ``sign``, ``E``).
        The reference returns ``str(sympy.diff(...))``; the Go backend
        differentiates and simplifies by itself, so the two strings differ in
        form but agree in value wherever both are defined. A variable named
        like a sympy object (``I``, ``N``, ``S``, ...) prints as itself but
        means that object to a plain ``sympy.sympify``.

    Raises
    ------
    ValueError
        For an expression outside the grammar, an unknown function, or an
        invalid variable name; the message names the (0-based, in
        characters) position of the offending token.
    TypeError
        If expression or variable is not a str.
    """
    from mlmath._symbolic import sympy_derivative

    return sympy_derivative("symbolic_derivative", expression, variable)
