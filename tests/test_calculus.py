"""Numerical calculus and gradient descent on both backends.

Expected values come from closed-form derivatives and from scipy (an
independent implementation: scipy.differentiate's adaptive high-order
differences, scipy.optimize.approx_fprime and rosen/rosen_der). Tolerances
follow the error of a central difference: truncation h^2 |f'''| / 6 plus
rounding about eps |f| / h.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import numpy as np
import pytest
from scipy import differentiate, optimize, special

from mlmath import objectives
from mlmath._calculus import FIRST_STEP
from tolerances import EPS
from same_errors import assert_same_error

SIGMOID = special.expit

# (name, f, f', bound on |f'''| near x)
KNOWN = [
    ("cubic", lambda x: x**3 - 2 * x + 1, lambda x: 3 * x**2 - 2, lambda x: 6.0),
    ("exp", np.exp, np.exp, lambda x: np.exp(x + 1)),
    ("sin", np.sin, np.cos, lambda x: 1.0),
    ("sigmoid", SIGMOID, lambda x: SIGMOID(x) * (1 - SIGMOID(x)), lambda x: 0.125),
]
POINTS = [0.0, 1e-9, -0.5, 1.0, 3.0, -1e3, 1e3]


def central_bound(f, df, m3, x) -> float:
    """The error bound of the default central difference at x."""
    h = FIRST_STEP * max(1.0, abs(x))
    return h * h * m3(x) / 6 + 4 * EPS * (abs(f(x)) + abs(x * df(x)) + 1) / h


@pytest.mark.parametrize("name,f,df,m3", KNOWN, ids=[k[0] for k in KNOWN])
@pytest.mark.parametrize("x", POINTS)
def test_numerical_derivative_of_known_functions(backend, name, f, df, m3, x):
    if name == "exp" and x > 100:
        pytest.skip("exp(1000) overflows")
    got = backend.numerical_derivative(f, x)
    assert type(got) is float
    assert abs(got - df(x)) <= 2 * central_bound(f, df, m3, x)


@pytest.mark.parametrize("x", [0.3, -2.0, 1e3])
def test_numerical_derivative_against_scipy(backend, x):
    f = lambda t: np.sin(t) * np.exp(t / 1e3)  # noqa: E731
    want = differentiate.derivative(f, x).df  # adaptive, high order: accurate to ~1e-12
    bound = central_bound(f, lambda t: 1.0, lambda t: 2.0, x)
    assert abs(backend.numerical_derivative(f, x) - want) <= 2 * bound + 1e-10


def rosen_point(n: int) -> np.ndarray:
    return np.linspace(-1.2, 1.3, n)


@pytest.mark.parametrize("n", [1, 2, 5])
def test_gradient_against_analytic_and_scipy(backend, n):
    x = rosen_point(n) if n > 1 else np.array([0.7])
    f = (lambda v: float(np.sum(v**2) + np.sin(v[0]))) if n == 1 else optimize.rosen
    exact = (np.array([2 * x[0] + np.cos(x[0])])) if n == 1 else optimize.rosen_der(x)
    g = backend.gradient(f, x)
    assert g.shape == (n,) and g.dtype == np.float64
    scale = max(1.0, float(np.max(np.abs(exact))))
    np.testing.assert_allclose(g, exact, rtol=0, atol=1e-7 * scale)
    approx = optimize.approx_fprime(x, f, 1e-7)  # forward differences: ~1e-6 accurate
    np.testing.assert_allclose(g, approx, rtol=0, atol=1e-4 * scale)


def test_jacobian_of_a_map_from_2_to_3(backend):
    F = lambda v: [v[0] * v[1], np.sin(v[0]), v[1] ** 2]  # noqa: E731
    x = np.array([1.5, -2.0])
    J = backend.jacobian(F, x)
    exact = np.array([[x[1], x[0]], [np.cos(x[0]), 0], [0, 2 * x[1]]])
    assert J.shape == (3, 2)
    np.testing.assert_allclose(J, exact, rtol=0, atol=1e-9)


def test_jacobian_of_a_scalar_function_is_one_row(backend):
    J = backend.jacobian(lambda v: v[0] * v[1], [2.0, 3.0])
    assert J.shape == (1, 2)
    np.testing.assert_allclose(J, [[3.0, 2.0]], atol=1e-9)


def test_hessian_is_symmetric_and_right(backend):
    f = lambda v: v[0] ** 2 * v[1] + np.sin(v[2]) * v[1] ** 3 + np.exp(v[0] * v[2])  # noqa: E731
    x = np.array([0.7, -1.3, 0.4])
    X, Y, Z = x
    e = np.exp(X * Z)
    exact = np.array([
        [2 * Y + Z * Z * e, 2 * X, e + X * Z * e],
        [2 * X, 6 * np.sin(Z) * Y, 3 * np.cos(Z) * Y * Y],
        [e + X * Z * e, 3 * np.cos(Z) * Y * Y, -np.sin(Z) * Y**3 + X * X * e],
    ])
    H = backend.hessian(f, x)
    np.testing.assert_array_equal(H, H.T)
    np.testing.assert_allclose(H, exact, rtol=0, atol=1e-6 * np.max(np.abs(exact)))


def test_hessian_of_rosenbrock_matches_scipy(backend):
    x = rosen_point(4)
    exact = optimize.rosen_hess(x)
    np.testing.assert_allclose(backend.hessian(optimize.rosen, x), exact, rtol=0, atol=1e-5 * np.max(np.abs(exact)))


def test_check_gradient_tells_right_from_wrong(backend):
    x = rosen_point(3)
    assert backend.check_gradient(optimize.rosen, optimize.rosen_der, x) < 1e-8
    wrong = lambda v: optimize.rosen_der(v) * np.array([1, 2, 1])  # noqa: E731
    assert backend.check_gradient(optimize.rosen, wrong, x) > 0.1
    assert backend.check_gradient(lambda v: 5.0, lambda v: np.zeros(3), x) == 0.0


def test_explicit_step(backend):
    # A quadratic's central difference is exact up to rounding for any h.
    f = lambda t: 3 * t * t + 2 * t  # noqa: E731
    assert backend.numerical_derivative(f, 1.0, h=0.5) == pytest.approx(8.0, abs=1e-14)
    assert backend.numerical_derivative(f, 1.0, h=0.25) == pytest.approx(8.0, abs=1e-14)


# ---- the two backends take the same steps, in the same order -------------


def recorder(f):
    calls = []

    def g(x):
        calls.append(np.array(x, copy=True))
        return f(x)

    return g, calls


@pytest.mark.parametrize(
    "name,f,x",
    [
        ("numerical_derivative", np.sin, 0.7),
        ("gradient", optimize.rosen, rosen_point(3)),
        ("jacobian", lambda v: np.array([v[0] * v[1], v[1] ** 2]), rosen_point(2)),
        ("hessian", optimize.rosen, rosen_point(3)),
    ],
)
def test_backends_call_f_at_the_same_points_and_agree(go_backend, name, f, x):
    from mlmath import reference

    results, calls = [], []
    for backend in (reference, go_backend):
        g, seen = recorder(f)
        results.append(getattr(backend, name)(g, x))
        calls.append(seen)
    assert len(calls[0]) == len(calls[1])
    for a, b in zip(*calls):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(results[1], results[0], rtol=1e-13, atol=1e-13)


def test_f_gets_fresh_arrays_it_may_keep_and_modify(backend):
    kept = []

    def f(v):
        kept.append(v)
        s = float(np.sum(v**2))
        v[:] = 1e300  # vandalism must not change the computation
        return s

    g = backend.gradient(f, [1.0, 2.0])
    np.testing.assert_allclose(g, [2.0, 4.0], atol=1e-9)
    assert len({id(v) for v in kept}) == len(kept) == 4


# ---- errors ---------------------------------------------------------------


class Boom(Exception):
    pass


@pytest.mark.parametrize(
    "name,args",
    [
        ("numerical_derivative", (1.0,)),
        ("gradient", ([1.0, 2.0],)),
        ("jacobian", ([1.0, 2.0],)),
        ("hessian", ([1.0, 2.0],)),
    ],
)
def test_an_exception_in_f_propagates_unchanged(backend, name, args):
    err = Boom("from the user's f")
    calls = []

    def f(x):
        calls.append(1)
        if len(calls) == 2:
            raise err
        return np.zeros(2) if name == "jacobian" else 0.0

    with pytest.raises(Boom) as info:
        getattr(backend, name)(f, *args)
    assert info.value is err
    assert len(calls) == 2, "f was called again after it raised"


BAD_RESULTS = [
    ("gradient", lambda x: np.ones(2), ValueError, "f must return a scalar, got an array of shape (2,)"),
    ("gradient", lambda x: "1.0", TypeError, "f must return a real number"),
    ("gradient", lambda x: 1j, TypeError, "f must return a real number"),
    ("gradient", lambda x: None, TypeError, "f must return a real number"),
    ("jacobian", lambda x: np.ones((2, 2)), ValueError, "f must return a 1-D array"),
    ("hessian", lambda x: [1.0], ValueError, "f must return a scalar"),
]


@pytest.mark.parametrize("name,f,exc,msg", BAD_RESULTS)
def test_functions_returning_garbage_raise_the_same_error(backend, name, f, exc, msg):
    with pytest.raises(exc, match=msg.replace("(", r"\(").replace(")", r"\)")):
        getattr(backend, name)(f, [1.0, 2.0])


def test_jacobian_results_must_keep_their_length(backend):
    n = iter(range(100))
    with pytest.raises(ValueError, match=r"f must return shape \(2,\), got an array of shape \(3,\)"):
        backend.jacobian(lambda v: np.ones(2 if next(n) < 2 else 3), [1.0, 2.0])


@pytest.mark.parametrize(
    "call,exc",
    [
        (lambda b: b.gradient(np.sin, []), ValueError),
        (lambda b: b.gradient(np.sin, [[1.0]]), ValueError),
        (lambda b: b.gradient(np.sin, [np.nan]), ValueError),
        (lambda b: b.gradient(np.sin, ["a"]), TypeError),
        (lambda b: b.gradient("sin", [1.0]), TypeError),
        (lambda b: b.gradient(np.sin, [1.0], h=0), ValueError),
        (lambda b: b.gradient(np.sin, [1.0], h=-1e-3), ValueError),
        (lambda b: b.gradient(np.sin, [1.0], h=np.inf), ValueError),
        (lambda b: b.numerical_derivative(np.sin, np.inf), ValueError),
        (lambda b: b.numerical_derivative(np.sin, [1.0, 2.0]), ValueError),
        (lambda b: b.gradient_descent(np.sin, None, [1.0], learning_rate=0), ValueError),
        (lambda b: b.gradient_descent(np.sin, None, [1.0], max_iter=-1), ValueError),
        (lambda b: b.gradient_descent(np.sin, None, [1.0], max_iter=2.5), TypeError),
        (lambda b: b.gradient_descent(np.sin, None, [1.0], tol=np.nan), ValueError),
        (lambda b: b.gradient_descent(objectives.rosenbrock, None, [1.0]), ValueError),
        (lambda b: b.gradient_descent(np.sin, None, [1.0], callback=3), TypeError),
        (lambda b: b.check_gradient(optimize.rosen, lambda v: np.ones(5), [1.0, 2.0]), ValueError),
    ],
)
def test_bad_arguments_raise_the_same_error_on_both_backends(go_backend, call, exc):
    assert_same_error(go_backend, call, exc)


def test_callbacks_from_many_threads_keep_their_own_errors(go_backend):
    errors = [Boom(f"thread {i}") for i in range(6)]
    got = [None] * 6

    def work(i):
        def f(x):
            if x[0] > 1.5:
                raise errors[i]
            return float(np.sum(x**2))

        try:
            for _ in range(30):
                go_backend.gradient(f, [1.0, 2.0])  # x[0] + h never exceeds 1.5: fine
                go_backend.gradient(f, [2.0, 1.0])  # raises
        except Boom as e:
            got[i] = e

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(g is e for g, e in zip(got, errors))


def test_nested_calls_through_callbacks(backend):
    # f itself differentiates: an export re-entered from inside its callback.
    inner = lambda v: float(np.sum(np.sin(v)))  # noqa: E731
    f = lambda v: float(np.sum(backend.gradient(inner, v)))  # sum cos(v)
    g = backend.gradient(f, [0.3, 0.9])
    np.testing.assert_allclose(g, -np.sin([0.3, 0.9]), atol=1e-5)


# ---- gradient descent -----------------------------------------------------


def test_gradient_descent_the_notes_example(backend):
    # x_k = 0.8^k x0 and ||grad|| = 10 * 0.8^k: below 1e-6 first at k = 73.
    x, history = backend.gradient_descent(lambda v: float(v @ v), lambda v: 2 * v, [3.0, 4.0], learning_rate=0.1)
    assert history.shape == (74, 2)
    np.testing.assert_array_equal(history[0], [3.0, 4.0])
    np.testing.assert_array_equal(history[-1], x)
    k = np.arange(74)[:, None]
    np.testing.assert_allclose(history, 0.8**k * np.array([3.0, 4.0]), rtol=1e-13)


def test_gradient_descent_on_builtin_objectives(backend):
    for obj, x0, lr, iters in [(objectives.quadratic, [3.0, 4.0, -1.0], 0.1, 1000), (objectives.rosenbrock, [-1.2, 1.0], 1e-3, 20000)]:
        x, history = backend.gradient_descent(obj, None, x0, learning_rate=lr, max_iter=iters, tol=1e-8)
        want = np.zeros(3) if obj is objectives.quadratic else np.ones(2)
        np.testing.assert_allclose(x, want, atol=1e-3)
        assert obj(x) < obj(x0)


def test_gradient_descent_paths_agree_between_backends(go_backend):
    from mlmath import reference

    cases = [
        (objectives.rosenbrock, None, [-1.2, 1.0], 1e-3, 3000),  # native in Go
        (optimize.rosen, optimize.rosen_der, [-1.2, 1.0, 0.5], 1e-3, 500),  # Python callbacks
        (optimize.rosen, None, [-1.2, 1.0], 1e-3, 200),  # numerical gradient of a callback
    ]
    for f, g, x0, lr, iters in cases:
        ref = reference.gradient_descent(f, g, x0, learning_rate=lr, max_iter=iters, tol=0)
        got = go_backend.gradient_descent(f, g, x0, learning_rate=lr, max_iter=iters, tol=0)
        assert got.history.shape == ref.history.shape == (iters + 1, len(x0))
        np.testing.assert_allclose(got.history, ref.history, rtol=1e-10, atol=1e-12)


def test_gradient_descent_with_objective_matches_scipy_formulas():
    x = rosen_point(6)
    assert objectives.rosenbrock(x) == pytest.approx(optimize.rosen(x), rel=1e-14)
    np.testing.assert_allclose(objectives.rosenbrock.gradient(x), optimize.rosen_der(x), rtol=1e-13, atol=1e-12)
    np.testing.assert_array_equal(objectives.quadratic.gradient(x), 2 * x)


def test_gradient_descent_callback_sees_each_step_and_can_stop(backend):
    seen = []

    def cb(k, x, fx):
        seen.append((k, x.copy(), fx))
        return k == 5

    for f in (objectives.quadratic, lambda v: float(v @ v)):
        seen.clear()
        grad = None if f is objectives.quadratic else (lambda v: 2 * v)
        x, history = backend.gradient_descent(f, grad, [3.0, 4.0], learning_rate=0.1, callback=cb)
        assert history.shape == (6, 2)
        assert [k for k, _, _ in seen] == [1, 2, 3, 4, 5]
        for k, xk, fx in seen:
            np.testing.assert_array_equal(xk, history[k])
            assert fx == pytest.approx(float(history[k] @ history[k]), rel=1e-15)


def test_gradient_descent_diverging_raises_the_same_error(go_backend):
    from mlmath import reference

    msgs = []
    for backend in (reference, go_backend):
        with pytest.raises(ValueError, match="the gradient is not finite at iteration") as info:
            backend.gradient_descent(objectives.rosenbrock, None, [-1.2, 1.0], learning_rate=1.0, max_iter=5000)
        msgs.append(str(info.value))
    assert msgs[0] == msgs[1]


def test_gradient_descent_zero_steps_and_immediate_convergence(backend):
    x, history = backend.gradient_descent(objectives.quadratic, None, [1.0, 2.0], max_iter=0)
    assert history.shape == (1, 2)
    x, history = backend.gradient_descent(objectives.quadratic, None, [0.0, 0.0])
    assert history.shape == (1, 2) and not x.any()


def test_gradient_descent_exceptions_propagate(backend):
    err = Boom("in grad")

    def grad(v):
        raise err

    with pytest.raises(Boom) as info:
        backend.gradient_descent(objectives.quadratic, grad, [1.0])
    assert info.value is err
    cb_err = Boom("in callback")

    def cb(k, x, fx):
        raise cb_err

    with pytest.raises(Boom) as info:
        backend.gradient_descent(objectives.quadratic, None, [1.0], callback=cb)
    assert info.value is cb_err


def test_go_gradient_descent_in_chunks_is_one_path(go_backend, monkeypatch):
    from mlmath.go import calculus as gocalc
    from mlmath import reference

    ref = reference.gradient_descent(objectives.rosenbrock, None, [-1.2, 1.0], learning_rate=1e-3, max_iter=1000, tol=0)
    whole = go_backend.gradient_descent(objectives.rosenbrock, None, [-1.2, 1.0], learning_rate=1e-3, max_iter=1000, tol=0)
    monkeypatch.setattr(gocalc, "CHUNK", 7)
    seen = []
    cb = lambda k, x, fx: seen.append(k) or k == 500  # noqa: E731
    chunked = go_backend.gradient_descent(objectives.rosenbrock, None, [-1.2, 1.0], learning_rate=1e-3, max_iter=1000, tol=0)
    np.testing.assert_array_equal(chunked.history, whole.history)
    np.testing.assert_allclose(whole.history, ref.history, rtol=1e-12)
    stopped = go_backend.gradient_descent(objectives.rosenbrock, None, [-1.2, 1.0], learning_rate=1e-3, max_iter=1000, tol=0, callback=cb)
    assert seen == list(range(1, 501))
    np.testing.assert_array_equal(stopped.history, whole.history[:501])
    stopped7 = go_backend.gradient_descent(objectives.quadratic, None, [1.0], learning_rate=0.1, max_iter=100, tol=0, callback=lambda k, x, fx: k == 7)
    assert stopped7.history.shape == (8, 1)


CTRL_C_CHILD = textwrap.dedent(
    """
    import os, signal, sys, threading, time
    signal.signal(signal.SIGINT, signal.default_int_handler)  # a background shell may have ignored it
    from mlmath import objectives
    from mlmath.go import calculus
    calculus.CHUNK = 10**9  # one Go call: the interrupt must come through the progress callback
    # Ctrl-C 50 ms into the loop (the Go call releases the GIL, so the timer runs).
    threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGINT)).start()
    t = time.perf_counter()
    try:
        calculus.gradient_descent(objectives.quadratic, None, [1.0], learning_rate=1e-12, max_iter=6 * 10**7, tol=0)
    except KeyboardInterrupt:
        print(f"interrupted after {time.perf_counter() - t:.3f}", flush=True)
        sys.exit(0)
    print(f"finished after {time.perf_counter() - t:.3f}: not interrupted", flush=True)
    sys.exit(1)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_stops_a_native_gradient_descent(go_backend):
    r = subprocess.run([sys.executable, "-c", CTRL_C_CHILD], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("interrupted after"), r.stdout + r.stderr


def test_objectives_are_plain_callables():
    x = np.array([-1.2, 1.0])
    assert objectives.rosenbrock(x) == pytest.approx(24.2)
    assert objectives.quadratic([3, 4]) == 25.0
    with pytest.raises(ValueError, match="rosenbrock needs a 1-D x of length >= 2"):
        objectives.rosenbrock([1.0])
    assert repr(objectives.rosenbrock) == "mlmath.objectives.rosenbrock"
    assert os.path.basename(objectives.__file__) == "objectives.py"


def test_the_traceback_of_a_callback_error_shows_the_users_function(backend):
    """The Go backend once re-raised the callback's exception without the
    frames of the user's function (cffi passes the traceback separately)."""
    import traceback

    def broken(v):
        raise KeyError("inside the user's function")

    with pytest.raises(KeyError) as info:
        backend.gradient(broken, [1.0, 2.0])
    assert traceback.extract_tb(info.value.__traceback__)[-1].name == "broken"
