"""mlmath.go from many Python threads at once: every public function gives, in
every thread, the same bits as when it is called alone.

The Go calls release the GIL, so 8 threads really run Go code at the same time
(and share package parallel's helper goroutines, scratch pools and the
callback machinery). Bitwise equality is the right check: the same backend on
the same input must be deterministic. The Go reductions are: package parallel
cuts work into chunks of a size fixed by the caller, never by the number of
cores or of concurrent calls, and sums the partial results in chunk order
(go/internal/parallel, go/internal/kernel/doc.go); mlmath/linear's team does
the same. CASES therefore also holds inputs big enough for those parallel
paths (dot, add, matmul, logistic_regression above their thresholds).

CASES (name -> a function of no arguments) is every public function of
mlmath.go with tests/test_api.py's example arguments, plus train_mlp, a few
steps of every optimizer class, and the Python-callback paths; test_fork.py
calls the same entry points in a forked child.
"""

from __future__ import annotations

import functools
import inspect
import random
import threading
import time

import numpy as np
import pytest

from mlmath import go, objectives
from test_api import CALLS

THREADS = 8
ROUNDS = 3  # each thread calls every case ROUNDS times, in its own shuffled order
JOIN_TIMEOUT = 120.0  # a deadlock fails the test instead of hanging it

RNG = np.random.default_rng(20261211)


# --- the entry points -------------------------------------------------------

# A small network and data for train_mlp: 4 batches of 16 rows per epoch.
NET_X = RNG.standard_normal((64, 3))
NET_Y = (NET_X[:, :1] * NET_X[:, 1:2] > 0).astype(np.float64)
NET_INIT = (RNG.standard_normal((3, 5)), RNG.standard_normal(5), RNG.standard_normal((5, 1)), RNG.standard_normal(1))


def train_mlp_case(optimizer=go.Adam, epochs=15, batch_size=16, callback=None, **hyper):
    """train_mlp from fresh copies of NET_INIT with a fresh optimizer (it trains in
    place); the result holds the trained parameters, the losses and the
    optimizer's state, all of which must be the same in every thread."""
    params = [p.copy() for p in NET_INIT]
    opt = optimizer(params, **hyper)
    result = go.train_mlp(NET_X, NET_Y, *params, opt, epochs, batch_size=batch_size, callback=callback)
    return result, opt.steps, [dict(sorted(s.items())) for s in opt.state]


# Every optimizer class, with the options that add state arrays.
OPTIMIZERS = {
    "SGD": dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01),
    "Adam": dict(lr=0.01, amsgrad=True),
    "AdamW": dict(lr=0.01),
    "RMSprop": dict(lr=0.01, momentum=0.5, centered=True),
    "Adagrad": dict(lr=0.1, lr_decay=0.01),
}
OPT_PARAMS = (RNG.standard_normal((40, 7)), RNG.standard_normal(200_000))  # the second above the elementwise chunk
OPT_GRADS = [tuple(RNG.standard_normal(p.shape) for p in OPT_PARAMS) for _ in range(4)]


def optimizer_case(name: str):
    """Four steps of go.<name> on fresh copies of OPT_PARAMS: the parameters and the state."""
    params = [p.copy() for p in OPT_PARAMS]
    opt = getattr(go, name)(params, **OPTIMIZERS[name])
    for g in OPT_GRADS:
        opt.step(list(g))
    return params, opt.steps, [dict(sorted(s.items())) for s in opt.state]


def _python_rosenbrock_gradient(x):
    return objectives.rosenbrock.gradient(x)


def _python_rosenbrock(x):
    return float((1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2)


def _stop_at_150(k, x, fx):
    return k == 150


BIG = 1 << 17  # above Dot's parallel threshold (1 << 16) and several elementwise chunks
BIG_V, BIG_W = RNG.standard_normal(BIG), RNG.standard_normal(BIG)
BIG_A = RNG.standard_normal((160, 160))
LOGREG_X = RNG.standard_normal((3000, 20))
LOGREG_Y = (LOGREG_X[:, 0] - LOGREG_X[:, 1] + RNG.logistic(size=3000) > 0).astype(np.int64)

CASES: dict[str, object] = {name: functools.partial(getattr(go, name), *CALLS[name]) for name in sorted(CALLS)}
CASES.update({
    "train_mlp": train_mlp_case,
    "train_mlp[SGD, full batch]": functools.partial(train_mlp_case, go.SGD, 25, None, lr=0.5, momentum=0.9),
    "train_mlp[RMSprop, callback]": functools.partial(train_mlp_case, go.RMSprop, 12, 10, lambda e, loss: e == 9, lr=0.01),
    **{f"{name}.step": functools.partial(optimizer_case, name) for name in OPTIMIZERS},
    # Go calling Python back: f, grad_f and the progress callback.
    "gradient_descent[python grad_f, callback]": functools.partial(
        go.gradient_descent, objectives.rosenbrock, _python_rosenbrock_gradient, [-1.2, 1.0], 1e-3, 400, 0.0, _stop_at_150),
    "gradient_descent[python f]": functools.partial(go.gradient_descent, _python_rosenbrock, None, [-1.2, 1.0], 1e-3, 100, 0.0),
    "gradient_descent[built-in rosenbrock]": functools.partial(go.gradient_descent, objectives.rosenbrock, None, [-1.2, 1.0], 1e-3, 20_000, 0.0),
    "gradient[python f, 50 dims]": functools.partial(go.gradient, lambda v: float(np.sum(v**3 - v)), RNG.standard_normal(50)),
    "symbolic_derivative[exp, log]": functools.partial(go.symbolic_derivative, "exp(2*x) * log(x^2 + 1) / x", "x"),
    "symbolic_derivative[y]": functools.partial(go.symbolic_derivative, "sin(x*y) + y^4 - 3*y", "y"),
    # The goroutine-parallel paths.
    "dot[2^17]": functools.partial(go.dot, BIG_V, BIG_W),
    "norm[2^17]": functools.partial(go.norm, BIG_V),
    "add[2^17]": functools.partial(go.add, BIG_V, BIG_W),
    "scale[2^17]": functools.partial(go.scale, -0.75, BIG_W),
    "matmul[160]": functools.partial(go.matmul, BIG_A, BIG_A),
    "inv[160]": functools.partial(go.inv, BIG_A),
    "svd[160]": functools.partial(go.svd, BIG_A),
    "logistic_regression[3000 x 20]": functools.partial(go.logistic_regression, LOGREG_X, LOGREG_Y, 0.5, 60, 0.0, 0.01, 0.0),
})


def covered(name: str) -> str:
    """The public name a case exercises: "svd[160]" -> "svd", "Adam.step" -> "Adam"."""
    return name.split("[")[0].split(".")[0]


# --- comparing results bit for bit ------------------------------------------


def difference(got, want, where: str = "result") -> str | None:
    """None when ``got`` is ``want`` bit for bit (same types, shapes, dtypes and
    bytes; -0.0 differs from 0.0, NaN equals NaN); else where they differ."""
    if type(got) is not type(want):
        return f"{where}: {type(got).__name__} instead of {type(want).__name__}"
    if isinstance(want, (tuple, list)):
        if len(got) != len(want):
            return f"{where}: length {len(got)} instead of {len(want)}"
        return next((d for i, (g, w) in enumerate(zip(got, want)) if (d := difference(g, w, f"{where}[{i}]"))), None)
    if isinstance(want, dict):
        if got.keys() != want.keys():
            return f"{where}: keys {sorted(got)} instead of {sorted(want)}"
        return next((d for k in want if (d := difference(got[k], want[k], f"{where}[{k!r}]"))), None)
    if isinstance(want, np.ndarray):
        if got.dtype != want.dtype or got.shape != want.shape:
            return f"{where}: {got.dtype}{got.shape} instead of {want.dtype}{want.shape}"
        if got.tobytes() != want.tobytes():
            bad = np.flatnonzero(got.view(np.uint8).reshape(-1) != want.view(np.uint8).reshape(-1))
            return f"{where}: bytes differ from offset {bad[0]} ({bad.size} bytes differ)"
        return None
    if isinstance(want, float):
        return None if np.float64(got).tobytes() == np.float64(want).tobytes() else f"{where}: {got!r} instead of {want!r}"
    return None if got == want else f"{where}: {got!r} instead of {want!r}"


def test_difference_sees_one_bit():
    a = np.linspace(0, 1, 5)
    b = a.copy()
    b.view(np.int64)[3] ^= 1
    assert difference((a, 1.0, "x"), (a.copy(), 1.0, "x")) is None
    assert "bytes differ from offset 24" in difference((b,), (a,))
    assert difference(0.0, -0.0) and difference(1, 1.0) and difference(float("nan"), float("nan")) is None


# --- the tests --------------------------------------------------------------


def test_every_public_name_has_a_case():
    public = {name for name in go.__all__ if inspect.isfunction(getattr(go, name)) or inspect.isclass(getattr(go, name))}
    assert public == set(go.__all__)  # nothing public that is neither
    missing = public - {covered(name) for name in CASES}
    assert not missing, f"no concurrent case for {sorted(missing)}"


def run_threads(work, n: int = THREADS) -> list[BaseException]:
    """Run work(i, barrier) in n threads started together; the exceptions they raised."""
    barrier = threading.Barrier(n)
    errors: list[BaseException] = []

    def target(i):
        try:
            work(i, barrier)
        except BaseException as e:  # noqa: BLE001 - reported by the caller
            errors.append(e)

    threads = [threading.Thread(target=target, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + JOIN_TIMEOUT
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    stuck = sum(t.is_alive() for t in threads)
    assert not stuck, f"{stuck} of {n} threads still running after {JOIN_TIMEOUT:g} s: a deadlock?"
    return errors


def test_every_function_in_8_threads_at_once_gives_the_serial_bits():
    serial = {name: case() for name, case in CASES.items()}
    again = {name: case() for name, case in CASES.items()}  # deterministic at all, in one thread?
    assert not [d for name in CASES if (d := difference(again[name], serial[name], name))]
    mismatches: list[str] = []
    calls = [0] * THREADS

    def work(i, barrier):
        order = list(CASES) * ROUNDS
        random.Random(i).shuffle(order)
        barrier.wait()
        for name in order:
            try:
                got = CASES[name]()
            except Exception as e:  # noqa: BLE001
                mismatches.append(f"thread {i}: {name} raised {e!r}")
                continue
            if d := difference(got, serial[name], name):
                mismatches.append(f"thread {i}: {d}")
            calls[i] += 1

    assert not run_threads(work)
    assert not mismatches, "\n".join(mismatches[:30])
    assert calls == [ROUNDS * len(CASES)] * THREADS


class Boom(Exception):
    """A user's exception, carrying the thread that raised it."""


def test_callback_exceptions_stay_in_their_thread():
    """Every thread calls the Python-callback paths (mlm_py_func for f and grad_f,
    the progress callback of gradient descent, training and logistic
    regression) round after round; in each round some threads' callbacks raise
    and the others' do not. Each thread gets back exactly its own exception
    object when its callback raised, and the serial result when it did not:
    no exception leaks to another thread or to a later call."""
    x = RNG.standard_normal(6)

    def f(v, raise_it):
        time.sleep(0)  # let the other threads run in the middle of the call
        if raise_it is not None:
            raise raise_it
        return float(np.sum(np.sin(v) * v))

    def grad(v, raise_it):
        time.sleep(0)
        if raise_it is not None:
            raise raise_it
        return objectives.rosenbrock.gradient(v)

    def stop_at(n, raise_it):
        def callback(k, *rest):
            if raise_it is not None and k == n // 2:
                raise raise_it
            return k == n

        return callback

    paths = {
        "gradient": lambda e: go.gradient(lambda v: f(v, e), x),
        "hessian": lambda e: go.hessian(lambda v: f(v, e), x[:3]),
        "numerical_derivative": lambda e: go.numerical_derivative(lambda t: f(np.array([t]), e), 0.3),
        "gradient_descent[grad_f]": lambda e: go.gradient_descent(objectives.rosenbrock, lambda v: grad(v, e), [-1.2, 1.0], 1e-3, 60, 0.0),
        "gradient_descent[callback]": lambda e: go.gradient_descent(objectives.rosenbrock, None, [-1.2, 1.0], 1e-3, 80, 0.0, stop_at(40, e)),
        "train_mlp[callback]": lambda e: train_mlp_case(go.Adam, 20, 16, stop_at(10, e), lr=0.01),
        "logistic_regression[callback]": lambda e: go.logistic_regression(LOGREG_X[:300], LOGREG_Y[:300], 0.5, 30, callback=stop_at(20, e)),
    }
    serial = {name: call(None) for name, call in paths.items()}
    rounds = 6
    failures: list[str] = []
    outcomes = [[0, 0] for _ in range(THREADS)]  # per thread: calls that raised, calls that returned

    def work(i, barrier):
        barrier.wait()
        for r in range(rounds):
            for name, call in paths.items():
                raises = (i + r) % 3 == 0  # a third of the threads raise in any round, a different third each time
                err = Boom(i, r, name) if raises else None
                try:
                    got = call(err)
                except Boom as e:
                    if e is not err:
                        failures.append(f"thread {i} round {r}: {name} raised {e.args}, expected {err and err.args}")
                    outcomes[i][0] += 1
                    continue
                if raises:
                    failures.append(f"thread {i} round {r}: {name} returned instead of raising its Boom")
                elif d := difference(got, serial[name], name):
                    failures.append(f"thread {i} round {r}: {d}")
                outcomes[i][1] += 1

    assert not run_threads(work)
    assert not failures, "\n".join(failures[:30])
    assert all(raised > 0 and returned > 0 for raised, returned in outcomes)


@pytest.mark.parametrize("name", ["dot", "gradient", "train_mlp"])
def test_one_failing_thread_does_not_disturb_the_others(name):
    """Half the threads pass invalid input (Python-side ValueError) while the
    other half call the same function: the valid calls are unaffected."""
    bad = {"dot": lambda: go.dot([1.0, 2.0], [1.0]),
           "gradient": lambda: go.gradient(lambda v: np.ones(2), [1.0, 2.0]),  # f must return a scalar
           "train_mlp": lambda: train_mlp_case(go.Adam, -1)}[name]
    good = CASES[name]
    want = good()
    failures: list[str] = []

    def work(i, barrier):
        barrier.wait()
        for _ in range(20):
            if i % 2:
                try:
                    bad()
                except ValueError:
                    continue
                failures.append(f"thread {i}: no ValueError")
            elif d := difference(good(), want, name):
                failures.append(f"thread {i}: {d}")

    assert not run_threads(work)
    assert not failures, "\n".join(failures[:10])



SVD_A = RNG.standard_normal((300, 300))
MATMUL_A = RNG.standard_normal((1500, 1500))  # 6.75 GFLOP: some 50 ms even with AVX-512


@functools.cache
def long_vectors() -> tuple[np.ndarray, np.ndarray]:
    """Two plain vectors of 2^25 doubles (256 MB each, made on first use):
    one dot of them takes some 20-50 ms, through mlmath._fastpath."""
    v = np.linspace(-1.0, 1.0, 1 << 25)
    return v, v[::-1].copy()


LONG_CALLS = {  # each some 0.02-0.1 s of Go, no Python callbacks
    "logistic_regression": lambda: go.logistic_regression(LOGREG_X, LOGREG_Y, 0.1, 400, 0.0, 0.0, 0.0),
    "svd": lambda: go.svd(SVD_A),
    "train_mlp": lambda: train_mlp_case(go.Adam, 3000, 16, lr=0.01),
    "gradient_descent": lambda: go.gradient_descent(objectives.rosenbrock, None, [-1.2, 1.0], 1e-4, 10**6, 0.0),
    "matmul": lambda: go.matmul(MATMUL_A, MATMUL_A),
    "dot (mlmath._fastpath)": lambda: go.dot(*long_vectors()),
}


@pytest.mark.parametrize("name", sorted(LONG_CALLS))
def test_a_long_go_call_lets_other_python_threads_run(name):
    """The GIL is released during Go calls: a Python thread that notes the time
    every millisecond keeps doing so while the main thread is inside one.

    Were the GIL held, that thread could run only before the call enters Go
    (well under the 5 ms switch interval of Python code here) and after it
    returns: no note in the first three quarters of the call. Released, it
    leaves dozens there. (How much faster threads make a program is the
    benchmark's business: tests/bench/threads.py.)"""
    notes: list[float] = []
    running, stop = threading.Event(), threading.Event()

    def note_the_time():
        running.set()
        while not stop.is_set():
            notes.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=note_the_time, daemon=True)
    t.start()
    running.wait()
    try:
        t0 = time.perf_counter()
        LONG_CALLS[name]()
        t1 = time.perf_counter()
    finally:
        stop.set()
        t.join()
    inside = sum(t0 < n < t0 + 0.75 * (t1 - t0) for n in notes)
    assert inside >= 3, f"{name}: {inside} notes during the first 3/4 of a {t1 - t0:.3f} s call"
