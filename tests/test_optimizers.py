"""Optimizers: torch.optim's formulas on both backends.

The oracle is a plain per-element transcription of torch's single-tensor
update rules (below, written from the formulas in ../shared/SEMANTICS.md and
torch's source order of operations), plus the reference values that
SEMANTICS.md lists. numpy's elementwise +, -, *, / and sqrt round exactly as
Python's floats do, so the reference backend must match the transcription
bit for bit; Go computes the bias corrections' powers its own way, so it gets
a few ulps.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from mlmath import _optim
from same_errors import assert_same_error

P0 = np.array([1.0, -2.0, 0.5])
SHIFT = np.array([0.3, -0.1, 0.2])
ULPS = 8 * np.finfo(np.float64).eps


def grad_of(p):
    """SEMANTICS.md's test gradient: p + [.3, -.1, .2], at the current p."""
    return p + SHIFT


def run(opt_cls, steps, p0=P0, grad=grad_of, **kw):
    p = np.array(p0, dtype=np.float64)
    opt = opt_cls([p], **kw)
    for _ in range(steps):
        opt.step([grad(p)])
    return p, opt


# ---- a plain transcription of torch.optim, one element at a time ----------


def lerp(a, b, w):
    return a + w * (b - a) if abs(w) < 0.5 else b - (b - a) * (1 - w)


def torch_like(kind, steps, lr, **kw):
    """The updates of torch.optim.<kind> on P0 with grad_of, element by element."""
    p = [float(v) for v in P0]
    n = len(p)
    st = {k: [0.0] * n for k in ("buf", "m", "v", "vmax", "sq", "ga")}
    st["sum"] = [kw.get("initial_accumulator_value", 0.0)] * n
    wd = kw.get("weight_decay", 1e-2 if kind == "AdamW" else 0.0)  # torch.optim.AdamW defaults to 1e-2
    for t in range(1, steps + 1):
        g0 = [p[i] + SHIFT[i] for i in range(n)]
        for i in range(n):
            g = g0[i]
            if kind == "SGD":
                mu, damp = kw.get("momentum", 0.0), kw.get("dampening", 0.0)
                if wd:
                    g = g + wd * p[i]
                if mu:
                    st["buf"][i] = g if t == 1 else st["buf"][i] * mu + (1 - damp) * g
                    g = g + mu * st["buf"][i] if kw.get("nesterov") else st["buf"][i]
                p[i] = p[i] + (-lr) * g
            elif kind in ("Adam", "AdamW"):
                b1, b2 = kw.get("betas", (0.9, 0.999))
                eps, ams = kw.get("eps", 1e-8), kw.get("amsgrad", False)
                if kind == "AdamW":
                    p[i] = p[i] * (1 - lr * wd)
                elif wd:
                    g = g + wd * p[i]
                st["m"][i] = lerp(st["m"][i], g, 1 - b1)
                st["v"][i] = st["v"][i] * b2 + ((1 - b2) * g) * g
                step_size = lr / (1 - b1**t)
                bc2 = math.sqrt(1 - b2**t)
                v = st["v"][i]
                if ams:
                    st["vmax"][i] = max(st["vmax"][i], v)
                    v = st["vmax"][i]
                p[i] = p[i] + ((-step_size) * st["m"][i]) / (math.sqrt(v) / bc2 + eps)
            elif kind == "RMSprop":
                alpha, eps, mu = kw.get("alpha", 0.99), kw.get("eps", 1e-8), kw.get("momentum", 0.0)
                if wd:
                    g = g + wd * p[i]
                st["sq"][i] = st["sq"][i] * alpha + ((1 - alpha) * g) * g
                if kw.get("centered"):
                    st["ga"][i] = lerp(st["ga"][i], g, 1 - alpha)
                    avg = math.sqrt(st["sq"][i] + (-1.0 * st["ga"][i]) * st["ga"][i])
                else:
                    avg = math.sqrt(st["sq"][i])
                avg = avg + eps
                if mu > 0:
                    st["buf"][i] = st["buf"][i] * mu + g / avg
                    p[i] = p[i] + (-lr) * st["buf"][i]
                else:
                    p[i] = p[i] + ((-lr) * g) / avg
            elif kind == "Adagrad":
                eps = kw.get("eps", 1e-10)
                if wd:
                    g = g + wd * p[i]
                clr = lr / (1 + (t - 1) * kw.get("lr_decay", 0.0))
                st["sum"][i] = st["sum"][i] + (1.0 * g) * g
                p[i] = p[i] + ((-clr) * g) / (math.sqrt(st["sum"][i]) + eps)
    return np.array(p)


CASES = [
    ("SGD", dict(lr=0.1)),
    ("SGD", dict(lr=0.1, momentum=0.9)),
    ("SGD", dict(lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.01)),
    ("SGD", dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=1e-3)),
    ("Adam", dict(lr=0.1)),
    ("Adam", dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    ("Adam", dict(lr=0.1, amsgrad=True)),
    ("AdamW", dict(lr=0.1)),
    ("AdamW", dict(lr=0.05, weight_decay=0.3, amsgrad=True)),
    ("RMSprop", dict(lr=0.01)),
    ("RMSprop", dict(lr=0.01, alpha=0.9, weight_decay=0.1, momentum=0.5)),
    ("RMSprop", dict(lr=0.01, centered=True)),
    ("RMSprop", dict(lr=0.01, centered=True, momentum=0.9, eps=1e-4)),
    ("Adagrad", dict(lr=0.1)),
    ("Adagrad", dict(lr=0.1, lr_decay=0.01, weight_decay=0.05, initial_accumulator_value=0.1, eps=1e-6)),
]


@pytest.mark.parametrize("kind,kw", CASES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(CASES)])
def test_updates_follow_torchs_formulas(backend, kind, kw):
    steps = 25
    want = torch_like(kind, steps, **kw)
    got, opt = run(getattr(backend, kind), steps, **kw)
    assert opt.steps == steps
    if backend.__name__ == "mlmath.reference":
        np.testing.assert_array_equal(got, want)
    else:
        np.testing.assert_allclose(got, want, rtol=ULPS, atol=ULPS)


def test_semantics_reference_values(backend):
    p, _ = run(backend.SGD, 1, lr=0.1)
    np.testing.assert_allclose(p, [0.87, -1.79, 0.43], rtol=1e-15)
    p, _ = run(backend.Adam, 3, lr=0.1)
    np.testing.assert_allclose(p, [0.70109478507, -1.700586602115, 0.202743484194], rtol=1e-11)


@pytest.mark.parametrize("kind,kw", CASES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(CASES)])
def test_backends_agree_on_many_parameters_and_steps(go_backend, kind, kw):
    from mlmath import reference

    rng = np.random.default_rng(7)
    shapes = [(5, 3), (3,), (1000,)]
    inits = [rng.standard_normal(s) for s in shapes]
    results = []
    for backend in (reference, go_backend):
        params = [a.copy() for a in inits]
        opt = getattr(backend, kind)(params, **kw)
        for step in range(60):
            opt.step([np.sin(p * (step + 1)) + 0.1 * p for p in params])
        results.append((params, opt.state))
    for a, b in zip(results[0][0], results[1][0]):
        np.testing.assert_allclose(b, a, rtol=1e-13, atol=1e-13)
    for sa, sb in zip(results[0][1], results[1][1]):
        assert sa.keys() == sb.keys()
        for k in sa:
            np.testing.assert_allclose(sb[k], sa[k], rtol=1e-13, atol=1e-13)


def test_state_is_per_parameter_and_per_instance(backend):
    a, b = np.ones(3), np.ones(3)
    opt1 = backend.SGD([a], lr=0.1, momentum=0.9)
    opt2 = backend.SGD([b], lr=0.1, momentum=0.9)
    opt1.step([np.ones(3)])
    opt1.step([np.ones(3)])
    opt2.step([np.ones(3)])
    assert not np.array_equal(a, b)  # opt2's buffer started fresh
    p, q = np.ones(2), np.ones(4)
    opt = backend.Adam([p, q], lr=0.1)
    opt.step([np.ones(2), np.zeros(4)])
    np.testing.assert_array_equal(q, np.ones(4))  # a zero gradient does not move q
    assert opt.state[0]["exp_avg"] is not opt.state[1]["exp_avg"]


def test_gradients_are_not_modified(backend):
    p = np.array([1.0, 2.0])
    g = np.array([0.5, -0.5])
    backend.SGD([p], lr=0.1, momentum=0.9, weight_decay=0.1).step([g])
    backend.Adam([p], lr=0.1, weight_decay=0.1).step([g])
    np.testing.assert_array_equal(g, [0.5, -0.5])


# (constructor call, exception, message fragment)
BAD = [
    (lambda b: b.SGD(np.ones(3), lr=0.1), TypeError, "params must be a list of arrays, not one array"),
    (lambda b: b.SGD([[1.0, 2.0]], lr=0.1), TypeError, "params[0] must be a numpy float64 array"),
    (lambda b: b.SGD([np.ones(3, dtype=np.float32)], lr=0.1), TypeError, "params[0] must have dtype float64"),
    (lambda b: b.SGD([np.ones(3, dtype=int)], lr=0.1), TypeError, "dtype float64"),
    (lambda b: b.SGD([np.ones((3, 4))[:, 0]], lr=0.1), ValueError, "must be C-contiguous"),
    (lambda b: b.SGD([_read_only()], lr=0.1), ValueError, "is read-only"),
    (lambda b: b.SGD([], lr=0.1), ValueError, "empty parameter list"),
    (lambda b: b.SGD(_same_twice(), lr=0.1), ValueError, "more than once"),
    (lambda b: b.SGD([np.ones(2)], lr=-0.1), ValueError, "invalid lr"),
    (lambda b: b.SGD([np.ones(2)], lr=0.1, nesterov=True), ValueError, "Nesterov momentum requires"),
    (lambda b: b.Adam([np.ones(2)], betas=(0.9, 1.0)), ValueError, "invalid beta2"),
    (lambda b: b.Adam([np.ones(2)], betas=0.9), ValueError, "betas must be a pair"),
    (lambda b: b.Adam([np.ones(2)], eps=-1.0), ValueError, "invalid eps"),
    (lambda b: b.AdamW([np.ones(2)], amsgrad=1), TypeError, "amsgrad must be True or False"),
    (lambda b: b.RMSprop([np.ones(2)], alpha=np.nan), ValueError, "invalid alpha"),
    (lambda b: b.Adagrad([np.ones(2)], lr_decay=-1.0), ValueError, "invalid lr_decay"),
    (lambda b: b.SGD([np.ones(2)], lr=0.1).step([np.ones(3)]), ValueError, "grads[0] has shape (3,), its parameter (2,)"),
    (lambda b: b.SGD([np.ones(2)], lr=0.1).step([np.ones(2), np.ones(2)]), ValueError, "got 2 gradients for 1 parameters"),
    (lambda b: b.Adam([np.ones(2)]).step([["a", "b"]]), TypeError, "must hold real numbers"),
    (lambda b: b.Adam([np.ones(2)]).step(5), TypeError, "grads must be a list"),
]


def _read_only():
    a = np.ones(3)
    a.flags.writeable = False
    return a


def _same_twice():
    a = np.ones(3)
    return [a, a]


@pytest.mark.parametrize("call,exc,fragment", BAD, ids=[f"bad-{i}" for i in range(len(BAD))])
def test_bad_arguments_raise_the_same_error(go_backend, call, exc, fragment):
    assert_same_error(go_backend, call, exc, fragment)


def test_both_backends_have_the_same_optimizer_classes(go_backend):
    import inspect

    from mlmath import reference

    for name in _optim.OPTIMIZERS:
        r, g = getattr(reference, name), getattr(go_backend, name)
        assert inspect.signature(r) == inspect.signature(g)
        assert issubclass(r, getattr(_optim, name)) and issubclass(g, getattr(_optim, name))
        assert r.__doc__ and r.__doc__ == g.__doc__


def test_gradient_lists_accept_array_likes(backend):
    p = np.zeros(3)
    backend.SGD([p], lr=1.0).step([[1, 2, 3]])
    np.testing.assert_array_equal(p, [-1.0, -2.0, -3.0])
