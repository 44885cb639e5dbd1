"""Go and fork: a child forked after mlmath.go loaded gets a clear
RuntimeError from every entry point (instead of a hang, golang/go#15538), and
multiprocessing's "spawn" and "forkserver" start methods work (a forkserver
that itself imported mlmath.go forks broken children: they get a message of
their own, saying how to avoid it).

The entry points are test_threads.CASES (every public function of mlmath.go
with tests/test_api.py's arguments, train_mlp, every optimizer's step, the
Python-callback paths), plus mlmath.info.collect and the estimator, which
reach the library outside mlmath.go's modules, and the small-call path
(mlmath._fastpath) on the plain arguments it takes.
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import select
import signal
import subprocess
import sys
import time

import numpy as np
import pytest

from mlmath import _fastpath, go, info
from mlmath.estimators import LogisticRegression
from mlmath.go._fork import FORKSERVER_MESSAGE, MESSAGE
from test_fastpath import FAST, plain_args
from test_threads import CASES, covered, difference

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="POSIX fork (Linux)")

CHILD_TIMEOUT = 60.0  # a child that hangs in Go is killed and the test fails


def _fit_estimator():
    X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, 1.0], [3.0, 0.0]])
    return LogisticRegression(backend="go", max_iter=20).fit(X, [0, 0, 1, 1]).coef_


def _fast_then_go(name: str) -> None:
    """The small-call path on plain arguments: it must answer None in a
    forked child (were it to call Go, the child would hang), and the
    wrapper then raises the fork RuntimeError."""
    args = plain_args(name, 3)
    if getattr(_fastpath, name)(*args) is None:
        getattr(go, name)(*args)


ENTRY_POINTS = {**CASES, "mlmath.info.collect": info.collect, "LogisticRegression(backend='go').fit": _fit_estimator,
                **{f"mlmath._fastpath.{name}": functools.partial(_fast_then_go, name) for name in FAST}}


def in_forked_child(names: list[str]) -> dict[str, str]:
    """Fork, call ENTRY_POINTS[name] for each name in the child, and return
    name -> what it did ("RuntimeError: <message>", "returned", or another
    exception's repr). The child writes one JSON line per call as it goes, so
    a call that hangs shows as "hung (killed)" and the rest as "not reached"."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        try:
            os.close(read)
            for name in names:
                try:
                    ENTRY_POINTS[name]()
                    outcome = "returned"
                except RuntimeError as e:
                    outcome = f"RuntimeError: {e}"
                except BaseException as e:  # noqa: BLE001
                    outcome = repr(e)
                os.write(write, (json.dumps([name, outcome]) + "\n").encode())
        finally:
            os._exit(0)
    os.close(write)
    got: dict[str, str] = {}
    buf = b""
    deadline = time.monotonic() + CHILD_TIMEOUT
    try:
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([read], [], [], left)
            if not ready:
                break
            chunk = os.read(read, 1 << 16)
            if not chunk:  # the child exited
                break
            buf += chunk
            *lines, buf = buf.split(b"\n")
            got.update(json.loads(line) for line in lines)
    finally:
        os.close(read)
        if len(got) < len(names):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    pending = [n for n in names if n not in got]
    if pending:
        got[pending[0]] = "hung (killed)"
        got.update({n: "not reached" for n in pending[1:]})
    return got


def test_every_entry_point_refuses_in_a_forked_child():
    names = list(ENTRY_POINTS)
    got = in_forked_child(names)
    wrong = {n: o for n, o in got.items() if not (o.startswith("RuntimeError: mlm_") and o.endswith(f": {MESSAGE}"))}
    assert not wrong, "did not raise the fork RuntimeError:\n" + "\n".join(f"  {n}: {o}" for n, o in wrong.items())
    # The parent is unaffected.
    want = CASES["dot[2^17]"]()
    assert difference(go.dot(*CASES["dot[2^17]"].args), want) is None and info.collect()["backend go"] == "loads"


def test_the_entry_points_cover_the_public_api():
    assert set(go.__all__) <= {covered(n) for n in ENTRY_POINTS}


def test_a_grandchild_is_refused_too():
    """A child forked from a forked child: the guard is installed again, without wrapping twice."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            msg = json.dumps(in_forked_child(["dot", "svd", "train_mlp"]))
        except BaseException as e:  # noqa: BLE001
            msg = json.dumps({"child": repr(e)})
        finally:
            os.write(write, msg.encode())
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as f:
        got = json.loads(f.read() or b"{}")
    os.waitpid(pid, 0)
    assert set(got) == {"dot", "svd", "train_mlp"}, got
    assert all(o.startswith("RuntimeError: mlm_") and o.endswith(f": {MESSAGE}") and o.count("mlm_") == 1 for o in got.values()), got


# --- multiprocessing --------------------------------------------------------

POOL_CASES = ("dot[2^17]", "matmul[160]", "svd", "gradient_descent[python grad_f, callback]", "train_mlp", "Adam.step",
              "logistic_regression[3000 x 20]", "symbolic_derivative")


def pool_worker(name: str):
    """Run in a pool process: one case's result and the process id."""
    return CASES[name](), os.getpid()


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_multiprocessing_pools_work_with_spawn_and_forkserver(method):
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method here")
    want = {name: CASES[name]() for name in POOL_CASES}
    with multiprocessing.get_context(method).Pool(2) as pool:
        got = dict(zip(POOL_CASES, pool.map(pool_worker, POOL_CASES, chunksize=1), strict=True))
    assert {pid for _, pid in got.values()} - {os.getpid()}, "the work ran in the parent"
    diffs = [d for name in POOL_CASES if (d := difference(got[name][0], want[name], name))]
    assert not diffs, diffs


FORKSERVER_SCRIPT = """
import multiprocessing, sys
from mlmath import go  # at module level: what recent Pythons' forkserver preloads with the main module

if __name__ == "__main__":
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["mlmath.go"] if sys.argv[1] == "preload" else [])
    with ctx.Pool(1) as pool:
        try:
            print(pool.apply(go.dot, ([1.0, 2.0], [3.0, 4.0])))
        except RuntimeError as e:
            print(e)
"""


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="no forkserver here")
def test_a_forkserver_that_loaded_go_gets_its_own_message(tmp_path):
    """A forkserver that imported mlmath.go forks broken children (recent
    Pythons preload the main module there by default, CPython gh-126631):
    the error says so and how to avoid it; the advice given works."""
    script = tmp_path / "pool.py"
    script.write_text(FORKSERVER_SCRIPT)
    preload = subprocess.run([sys.executable, str(script), "preload"], capture_output=True, text=True, timeout=120)
    assert preload.stdout.strip() == f"mlm_dot: {FORKSERVER_MESSAGE}", preload.stdout + preload.stderr
    advice = subprocess.run([sys.executable, str(script), "no preload"], capture_output=True, text=True, timeout=120)
    assert advice.stdout.strip() == "11.0", advice.stdout + advice.stderr


def test_a_fork_pool_gets_the_clear_error():
    """With the "fork" start method the error reaches the parent and names the fix."""
    with multiprocessing.get_context("fork").Pool(1) as pool:
        with pytest.raises(RuntimeError, match="'spawn' or 'forkserver'"):
            pool.apply(pool_worker, ("dot",))
