"""The ML pipeline's backend functions: standardization, logistic regression,
prediction and metrics, against scikit-learn and the optimality conditions."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn import metrics
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler
from same_errors import assert_same_error

RNG = np.random.default_rng(2026)
HEALTH = [HealthCheck.function_scoped_fixture]


def noisy_data(n=400, d=3, noise=1.0, seed=0):
    """Separable-but-noisy data: labels from a linear rule plus logistic-ish noise."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d)) * [1.0, 2.0, 0.5][:d] + [0.5, -1.0, 0.0][:d]
    y = (X @ np.array([1.5, -1.0, 2.0][:d]) + 0.3 + noise * rng.logistic(size=n) > 0).astype(np.int64)
    return X, y


def smooth_gradient(X, y, w, b, l2=0.0):
    z = X @ w + b
    r = (1 / (1 + np.exp(-z)) - y) / len(y)
    return X.T @ r + l2 * w, r.sum()


def test_standardize_is_standard_scalers(backend):
    X = RNG.standard_normal((50, 4)) * [1, 10, 0.1, 0] + [5, -3, 0, 7]  # the last column is constant
    Z, mean, std = backend.standardize(X)
    sk = StandardScaler().fit(X)
    np.testing.assert_allclose(mean, sk.mean_, rtol=1e-14, atol=1e-14)
    np.testing.assert_allclose(std, sk.scale_, rtol=1e-13)
    assert std[3] == 1.0 and not Z[:, 3].any()  # zero variance: scale 1, not a division by zero
    np.testing.assert_allclose(Z, sk.transform(X), rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(backend.apply_standardize(X[:7], mean, std), Z[:7], rtol=1e-15, atol=0)


def test_logistic_regression_approaches_sklearn_without_penalty(backend):
    X, y = noisy_data()
    res = backend.logistic_regression(X, y, learning_rate=2.0, max_iter=30000, tol=1e-10)
    sk = LogisticRegression(C=np.inf, tol=1e-12, max_iter=10000).fit(X, y)
    want = np.append(sk.coef_[0], sk.intercept_)
    got = np.append(res.weights, res.bias)
    assert np.linalg.norm(got - want) / np.linalg.norm(want) < 1e-3
    assert np.all(np.diff(res.loss_history) <= 1e-15)  # gradient descent with a safe step never goes up


def test_l2_solution_satisfies_its_optimality_condition(backend):
    X, y = noisy_data(seed=1)
    l2 = 0.1
    res = backend.logistic_regression(X, y, learning_rate=1.0, max_iter=20000, l2=l2, tol=1e-12)
    gw, gb = smooth_gradient(X, y, res.weights, res.bias, l2)
    assert np.max(np.abs(gw)) < 1e-9 and abs(gb) < 1e-9


def test_l1_solution_satisfies_the_subgradient_conditions(backend):
    X, y = noisy_data(n=300, d=3, seed=2)
    X = np.hstack([X, RNG.standard_normal((300, 2))])  # two useless features
    l1 = 0.05
    res = backend.logistic_regression(X, y, learning_rate=1.0, max_iter=20000, l1=l1, tol=1e-12)
    w = res.weights
    gw, gb = smooth_gradient(X, y, w, res.bias)
    zero = w == 0.0
    assert zero.any(), f"no exact zeros at l1={l1}: {w}"  # the soft threshold gives exact zeros
    assert np.all(np.abs(gw[zero]) <= l1 + 1e-8)
    np.testing.assert_allclose(gw[~zero], -l1 * np.sign(w[~zero]), atol=1e-8)
    assert abs(gb) < 1e-8  # the intercept is not penalized
    big = backend.logistic_regression(X, y, learning_rate=1.0, max_iter=2000, l1=10.0)
    assert not big.weights.any()


def test_both_backends_give_the_same_loss_history(go_backend):
    from mlmath import reference

    X, y = noisy_data(n=500, d=3, seed=3)
    for kw in (dict(), dict(l2=0.05), dict(l1=0.02, l2=0.01), dict(weights0=[0.5, -0.5, 0.1], bias0=-1.0)):
        r = reference.logistic_regression(X, y, learning_rate=0.5, max_iter=300, **kw)
        g = go_backend.logistic_regression(X, y, learning_rate=0.5, max_iter=300, **kw)
        assert len(r.loss_history) == len(g.loss_history)
        np.testing.assert_allclose(g.loss_history, r.loss_history, rtol=1e-12)
        np.testing.assert_allclose(g.weights, r.weights, rtol=1e-10, atol=1e-12)
        assert g.bias == pytest.approx(r.bias, rel=1e-10, abs=1e-12)


def test_tolerance_and_callback_stop_early(backend):
    X, y = noisy_data(seed=4)
    res = backend.logistic_regression(X, y, learning_rate=1.0, max_iter=100000, tol=1e-4)
    assert 1 < len(res.loss_history) < 100000
    seen = []
    res = backend.logistic_regression(X, y, max_iter=100, callback=lambda k, loss: seen.append((k, loss)) or k == 10)
    assert [k for k, _ in seen] == list(range(1, 11)) and len(res.loss_history) == 10
    np.testing.assert_array_equal([loss for _, loss in seen], res.loss_history)


def test_predictions(backend):
    X, y = noisy_data(seed=5)
    res = backend.logistic_regression(X, y, learning_rate=1.0, max_iter=500)
    p = backend.predict_proba(X, res.weights, res.bias)
    np.testing.assert_allclose(p, 1 / (1 + np.exp(-(X @ res.weights + res.bias))), rtol=1e-13)
    pred = backend.predict(X, res.weights, res.bias)
    assert pred.dtype == np.int64
    np.testing.assert_array_equal(pred, (p > 0.5).astype(int))
    assert backend.accuracy(y, pred) > 0.7
    assert not backend.predict(X, res.weights, res.bias, threshold=1.0).any()


@pytest.mark.parametrize(
    "call,fragment",
    [
        (lambda b: b.logistic_regression([[1.0], [2.0]], [1, 1]), "single class"),
        (lambda b: b.logistic_regression([[1.0], [np.nan]], [0, 1]), "NaN or Inf"),
        (lambda b: b.logistic_regression([[1.0], [2.0]], [0, 1, 1]), "y must have shape (2,)"),
        (lambda b: b.logistic_regression([[1.0], [2.0]], [0, 2]), "only the labels 0 and 1"),
        (lambda b: b.logistic_regression([[1.0], [2.0]], [0, 1], learning_rate=0), "learning_rate"),
        (lambda b: b.logistic_regression([[1.0], [2.0]], [0, 1], l1=-1), "l1 must be"),
        (lambda b: b.logistic_regression([[1.0], [2.0]], [0, 1], weights0=[1.0, 2.0]), "weights0"),
        (lambda b: b.logistic_regression(*noisy_data(), learning_rate=1e308, max_iter=5), "the descent diverged after 1 iterations"),
        (lambda b: b.standardize(np.ones((0, 3))), "no rows"),
        (lambda b: b.standardize([[1.0, np.inf]]), "NaN or Inf"),
        (lambda b: b.apply_standardize([[1.0, 2.0]], [0.0, 0.0], [1.0, 0.0]), "std non-zero"),
        (lambda b: b.predict_proba([[1.0, 2.0]], [1.0], 0.0), "weights must have shape (2,)"),
        (lambda b: b.roc_auc([1, 1, 1], [0.1, 0.2, 0.3]), "only one class"),
        (lambda b: b.precision([0, 2], [0, 1]), "binary labels 0 and 1"),
        (lambda b: b.accuracy([0, 1], [0, 1, 1]), "same length"),
        (lambda b: b.log_loss([0, 1], [0.5, 1.5]), "probabilities in [0, 1]"),
    ],
)
def test_clear_errors_the_same_on_both_backends(go_backend, call, fragment):
    assert_same_error(go_backend, call, ValueError, fragment)


binary = st.integers(1, 80).flatmap(lambda n: st.tuples(st.lists(st.integers(0, 1), min_size=n, max_size=n), st.lists(st.integers(0, 1), min_size=n, max_size=n)))


@pytest.mark.filterwarnings("ignore:A single label was found")
@settings(max_examples=120, deadline=None, suppress_health_check=HEALTH)
@given(tp=binary)
def test_metrics_match_sklearn(backend, tp):
    t, p = np.array(tp[0]), np.array(tp[1])
    assert backend.accuracy(t, p) == pytest.approx(metrics.accuracy_score(t, p), rel=1e-15)
    assert backend.precision(t, p) == pytest.approx(metrics.precision_score(t, p, zero_division=0.0), rel=1e-15)
    assert backend.recall(t, p) == pytest.approx(metrics.recall_score(t, p, zero_division=0.0), rel=1e-15)
    assert backend.f1_score(t, p) == pytest.approx(metrics.f1_score(t, p, zero_division=0.0), rel=1e-15)
    cm = backend.confusion_matrix(t, p)
    assert cm.dtype == np.int64
    np.testing.assert_array_equal(cm, metrics.confusion_matrix(t, p))


scores = st.integers(2, 80).flatmap(lambda n: st.tuples(
    st.lists(st.integers(0, 1), min_size=n, max_size=n).filter(lambda v: 0 < sum(v) < len(v)),
    st.lists(st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.9, 1.0]) | st.floats(0, 1), min_size=n, max_size=n),
))


@settings(max_examples=120, deadline=None, suppress_health_check=HEALTH)
@given(ts=scores)
def test_auc_and_log_loss_match_sklearn(backend, ts):
    t, s = np.array(ts[0]), np.array(ts[1])
    assert backend.roc_auc(t, s) == pytest.approx(metrics.roc_auc_score(t, s), rel=1e-13)
    assert backend.log_loss(t, s) == pytest.approx(metrics.log_loss(t, s, labels=[0, 1]), rel=1e-12)


def test_confusion_matrix_of_many_labels(backend):
    t = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3])
    p = np.array([3, 1, 4, 1, 5, 9, 2, 6, 5, 7])
    np.testing.assert_array_equal(backend.confusion_matrix(t, p), metrics.confusion_matrix(t, p))
    assert backend.accuracy(t, p) == 0.9


CTRL_C_CHILD = textwrap.dedent(
    """
    import os, signal, sys, threading, time
    import numpy as np
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from mlmath import go
    rng = np.random.default_rng(0)
    X = rng.standard_normal((20000, 20)); y = (X[:, 0] + rng.standard_normal(20000) > 0).astype(int)
    threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
    t = time.perf_counter()
    try:
        go.logistic_regression(X, y, learning_rate=1e-6, max_iter=10**6, tol=0)
    except KeyboardInterrupt:
        print(f"interrupted after {time.perf_counter() - t:.3f} s", flush=True)
        sys.exit(0)
    sys.exit(1)
    """
)


def test_ctrl_c_stops_go_logistic_regression(go_backend):
    r = subprocess.run([sys.executable, "-c", CTRL_C_CHILD], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith("interrupted after"), r.stdout + r.stderr
