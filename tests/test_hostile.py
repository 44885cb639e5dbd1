"""Hostile inputs (issue 11): every public function, on both backends, in a child process.

The engine lives in tests/hostile/ (see its modules' docstrings): targets
found by introspection, Hypothesis strategies that mutate valid calls into
hostile ones, the comparison of the two backends, and the runner that runs
the cases in a child process and reports the case that crashed or hung it.
Here: a fixed-seed sample through the runner (``make soak`` runs 100,000+
cases and the memory checks), the bug log's regression recipes, and tests
of the engine itself (that it covers every function, and that it does catch
a crash, a hang, a mismatch and a modified input).
"""

from __future__ import annotations

import inspect
import signal

import numpy as np
import pytest

from hostile import compare, regressions, runner, strategies, sweep
from hostile import targets as ht
from mlmath import reference

#: The seed of the sample (fixed: CI sees the same cases every run).
SEED = 20261130
#: Cases per target in the sample: about 2,300 cases, 4,600 backend calls.
EXAMPLES = 30


def _report_text(rep: runner.Report) -> str:
    return rep.summary() + "\n" + rep.details(50)


def test_every_public_function_is_a_target():
    expected = set(reference.__all__) | {"LogisticRegression"}
    assert set(ht.names()) == expected, f"not covered: {expected - set(ht.names())}; unknown: {set(ht.names()) - expected}"


@pytest.mark.parametrize("name", sorted(n for n in reference.__all__ if inspect.isfunction(getattr(reference, n))))
def test_function_slots_follow_the_signature(name):
    t = ht.get(name)
    params = list(inspect.signature(getattr(reference, name)).parameters)
    assert [s.name for s in t.slots] == params
    assert all(s.kind in strategies.KIND_STRATEGIES and s.kind in sweep.BY_KIND for s in t.slots)


def test_optimizer_slots_follow_the_constructor():
    for name in ("SGD", "Adam", "AdamW", "RMSprop", "Adagrad"):
        params = list(inspect.signature(getattr(reference, name)).parameters)
        assert [s.name for s in ht.get(name).slots] == params + ["grads"]


def test_hostile_sample_in_a_child_process():
    """EXAMPLES Hypothesis-drawn cases per target: no crash, no hang, no mismatch."""
    rep = runner.run(ht.names(), EXAMPLES, seed=SEED, timeout=120)
    print(rep.summary())
    assert rep.cases >= EXAMPLES * len(ht.names()) * 0.9, rep.summary()
    assert rep.ok(), _report_text(rep)


def test_regressions_of_the_bug_log():
    """Every recipe that once showed a bug (hostile/regressions.py) now passes, in a child process."""
    rep = runner.run(regressions.targets(), 0, mode="regressions", timeout=120)
    assert rep.cases == sum(len(b["recipes"]) for b in regressions.BUGS)
    assert rep.ok(), _report_text(rep)


# -- the engine catches what it is there to catch -------------------------------


@pytest.fixture
def selftest(monkeypatch):
    """The "_selftest" target (segfault for x == 5, hang for x == 3), here and in the child."""
    monkeypatch.setenv(ht.SELFTEST_ENV, "1")
    monkeypatch.setattr(ht, "_TARGETS", None)
    yield
    ht._TARGETS = None


def test_runner_reports_a_crash_and_a_hang_and_goes_on(selftest):
    todo = sweep.recipes("_selftest")
    rep = runner.run(["_selftest"], 0, mode="sweep", timeout=5)
    assert rep.cases == len(todo), rep.summary()
    assert len(rep.crashes) == 1 and len(rep.hangs) == 1, _report_text(rep)
    crash, hang = rep.crashes[0], rep.hangs[0]
    assert crash["recipe"] == repr(("_selftest", (("x", ("value", 5)),)))
    assert signal.Signals.SIGSEGV.name in crash["detail"] and "x=5" in crash["args"]
    assert hang["recipe"] == repr(("_selftest", (("x", ("value", 3)),)))
    assert sum(rep.kinds.values()) == len(todo) - 2 and not rep.failures


def _fake_target(monkeypatch, call, name="_fake"):
    t = ht.Target(name, [ht.Slot("x", "array", np.array([1.0, 2.0]), True, True)], call)
    table = dict(ht.targets())
    table[name] = t
    monkeypatch.setattr(ht, "_TARGETS", table)
    return (name, ())


def test_judge_catches_a_modified_input(monkeypatch):
    def call(mod, args, kwargs):
        args[0][0] = 7.0
        return 1.0

    assert compare.judge(_fake_target(monkeypatch, call))["kind"] == "mutation"


def test_judge_catches_different_results(monkeypatch):
    def call(mod, args, kwargs):
        return np.array([1.0, np.nan]) if mod is reference else np.array([1.0, 2.0])

    v = compare.judge(_fake_target(monkeypatch, call))
    assert v["kind"] == "result-mismatch" and "NaN" in v["detail"]


def test_judge_catches_different_exceptions_and_bad_ones(monkeypatch):
    def differ(mod, args, kwargs):
        raise (ValueError if mod is reference else TypeError)("x")

    assert compare.judge(_fake_target(monkeypatch, differ))["kind"] == "error-mismatch"

    def panic(mod, args, kwargs):
        raise RuntimeError("x: internal error: a Go panic was recovered")

    assert compare.judge(_fake_target(monkeypatch, panic))["kind"] == "bad-exception"


def test_judge_catches_a_result_sharing_memory_with_an_input(monkeypatch):
    def call(mod, args, kwargs):
        return args[0][:1]

    assert compare.judge(_fake_target(monkeypatch, call))["kind"] == "alias"


def test_residuals_catch_a_wrong_decomposition():
    A = np.array([[2.0, 1.0], [1.0, 3.0]])
    built = ht.build(("eig", (("A", ("value", A)),)))
    w, V = np.linalg.eig(A)
    assert compare.residual("eig", built, (w, V)) == ""
    assert "residual" in compare.residual("eig", built, (w * 1.001, V))


def test_recipes_rebuild_exactly():
    recipe = ("dot", (("v", ("fill", "nan", "first"), ("layout", "byteswap")), ("w", ("layout", "negstride"))))
    b = ht.build(eval(repr(recipe)))  # a recipe is plain data: printed, pasted, rebuilt
    v, w = b.args
    assert np.isnan(v[0]) and not v.dtype.isnative and w.strides[0] < 0


def test_memory_check_sees_a_leak(monkeypatch):
    """The soak's RSS check (hostile/memory.py) flags a family that keeps what it allocates."""
    from hostile import memory

    kept = []
    monkeypatch.setattr(memory, "families", lambda: {"leak": [lambda: kept.append(bytearray(200))]})
    r = memory.run_family("leak", 100_000)
    assert r["growth_mb"] > memory.LIMIT_MB, r  # about 70,000 * 250 bytes after the warmup
    kept.clear()
