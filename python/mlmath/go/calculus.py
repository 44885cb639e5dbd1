"""Calculus on the Go backend; contracts in :mod:`mlmath.reference.calculus`.

The loops run in Go (package ``mlmath/calculus``) and call the user's Python
functions back through :mod:`mlmath.go._callbacks`. gradient_descent on a
built-in objective (``mlmath.objectives``) runs entirely in Go and reports to
Python about every 50 ms (every step with a ``callback``), so Ctrl-C and the
callback keep control of the loop.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _calculus as _c
from mlmath import _symbolic
from mlmath._native import ffi, lib
from mlmath._results import GradientDescentResult
from mlmath.go._buffers import DOUBLE1, out_ptr, ptr, string_result
from mlmath.go._callbacks import PyFunc, Progress, call, func_arg, invoke, progress_arg
from mlmath.go._contract import same_contract
from mlmath.go._status import check
from mlmath.reference import calculus as _ref

#: How often (seconds) a native gradient descent without a callback reports
#: to Python, which is where a pending KeyboardInterrupt is raised.
PROGRESS_EVERY = 0.05
#: The most gradient-descent steps one Go call takes (see gradient_descent).
CHUNK = 1 << 16


@same_contract(_ref.numerical_derivative)
def numerical_derivative(f: Callable[[float], float], x: float, h: float | None = None) -> float:
    func = "numerical_derivative"
    f = _c.function(func, "f", f)
    x = _c.scalar_point(func, x)
    h = _c.step(func, h)
    fp, ctx = func_arg(PyFunc(func, "f", f, scalar_in=True))
    out = ffi.new(DOUBLE1)
    call(lib.mlm_derivative, func, fp, ctx, x, h, out)
    return out[0]


@same_contract(_ref.gradient)
def gradient(f: Callable[[NDArray[np.float64]], float], x: ArrayLike, h: float | None = None) -> NDArray[np.float64]:
    func = "gradient"
    f = _c.function(func, "f", f)
    x = _c.point(func, x)
    h = _c.step(func, h)
    fp, ctx = func_arg(PyFunc(func, "f", f))
    g = np.empty(x.shape[0])
    call(lib.mlm_gradient, func, fp, ctx, ptr(x), x.shape[0], h, out_ptr(g))
    return g


@same_contract(_ref.jacobian)
def jacobian(f: Callable[[NDArray[np.float64]], ArrayLike], x: ArrayLike, h: float | None = None) -> NDArray[np.float64]:
    func = "jacobian"
    f = _c.function(func, "f", f)
    x = _c.point(func, x)
    h = _c.step(func, h)
    m = _c.vector_result(func, "f", f(x.copy()), None).shape[0]
    fp, ctx = func_arg(PyFunc(func, "f", f, m_out=m))
    J = np.empty((m, x.shape[0]))
    call(lib.mlm_jacobian, func, fp, ctx, ptr(x), x.shape[0], m, h, out_ptr(J))
    return J


@same_contract(_ref.hessian)
def hessian(f: Callable[[NDArray[np.float64]], float], x: ArrayLike, h: float | None = None) -> NDArray[np.float64]:
    func = "hessian"
    f = _c.function(func, "f", f)
    x = _c.point(func, x)
    h = _c.step(func, h)
    fp, ctx = func_arg(PyFunc(func, "f", f))
    n = x.shape[0]
    H = np.empty((n, n))
    call(lib.mlm_hessian, func, fp, ctx, ptr(x), n, h, out_ptr(H))
    return H


@same_contract(_ref.check_gradient)
def check_gradient(f: Callable[[NDArray[np.float64]], float], grad_f: Callable[[NDArray[np.float64]], ArrayLike], x: ArrayLike) -> float:
    func = "check_gradient"
    f = _c.function(func, "f", f)
    grad_f = _c.function(func, "grad_f", grad_f)
    x = _c.point(func, x)
    fp, fctx = func_arg(PyFunc(func, "f", f))
    gp, gctx = func_arg(PyFunc(func, "grad_f", grad_f, m_out=x.shape[0]))
    out = ffi.new(DOUBLE1)
    call(lib.mlm_check_gradient, func, fp, fctx, gp, gctx, ptr(x), x.shape[0], out)
    return out[0]


@same_contract(_ref.gradient_descent)
def gradient_descent(
    f: Callable[[NDArray[np.float64]], float],
    grad_f: Callable[[NDArray[np.float64]], ArrayLike] | None,
    x0: ArrayLike,
    learning_rate: float = 0.01,
    max_iter: int = 1000,
    tol: float = 1e-6,
    callback: Callable[[int, NDArray[np.float64], float], object] | None = None,
) -> GradientDescentResult:
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
    native = objective is not None and grad is None
    name = ffi.new("char[]", objective.name.encode()) if native and objective is not None else ffi.NULL
    fp, fctx = func_arg(None if native else PyFunc(func, "f", f))
    gp, gctx = func_arg(None if grad is None else PyFunc(func, "grad_f", grad, m_out=n))
    # Without a callback only the native loop needs to report (for Ctrl-C):
    # a loop through Python callbacks gets interrupted inside them.
    progress = Progress(func, f, callback) if callback is not None or native else None
    pp, pctx = progress_arg(progress)
    every = 0.0 if callback is not None else PROGRESS_EVERY
    # Gradient descent keeps no state but x, so a long run goes in chunks of
    # at most CHUNK steps, each from the last point of the one before: the
    # same path, without allocating max_iter rows up front.
    chunks, x, steps, done = [x0[None, :]], x0, ffi.new("int64_t *"), 0
    while True:
        rows = min(max_iter - done, CHUNK)
        history = np.empty((rows + 1, n))
        status = invoke(lib.mlm_gradient_descent, name, fp, fctx, gp, gctx, ptr(x), n, lr, rows, tol, pp, pctx, every, out_ptr(history), steps)
        if status == lib.MLM_ERR_DOMAIN:  # Python checked the parameters: the gradient is not finite
            raise _c.not_finite_gradient(func, done + steps[0])
        check(status, func)
        k = steps[0]
        chunks.append(history[1 : k + 1])
        x, done = history[k], done + k
        if k < rows or done == max_iter or (progress is not None and progress.stopped):
            break  # converged, out of steps, or stopped by the callback
        if progress is not None:
            progress.offset = done
    history = np.concatenate(chunks)
    return GradientDescentResult(history[-1].copy(), history)


@same_contract(_ref.symbolic_derivative)
def symbolic_derivative(expression: str, variable: str) -> str:
    func = "symbolic_derivative"
    expression, variable = _symbolic.arguments(func, expression, variable)
    expr, var = expression.encode(), variable.encode()
    # Outside the grammar, Go's message (naming the position) comes back in the buffer.
    return string_result(lambda buf, cap, length: lib.mlm_symbolic_derivative(expr, len(expr), var, len(var), buf, cap, length),
                         func, 4 * len(expr) + 64, domain_message=True)
