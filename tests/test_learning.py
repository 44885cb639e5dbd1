"""Statistical learning theory on both backends: bounds against their formulas
(written here independently), monotonicity, the bias-variance identity, and
k-fold splits against sklearn's KFold."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.model_selection import KFold

from mlmath import k_fold_indices
from same_errors import assert_same_error

ns = st.integers(1, 10**9)
deltas = st.floats(1e-12, 0.999)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=ns, delta=deltas)
def test_hoeffding_and_finite_class_bounds(backend, n, delta):
    want = math.sqrt(math.log(2 / delta) / (2 * n))
    assert backend.hoeffding_bound(n, delta) == pytest.approx(want, rel=1e-14)
    assert backend.finite_class_bound(n, 1, delta) == pytest.approx(want, rel=1e-14)  # |H| = 1: Hoeffding
    h = 2**100
    assert backend.finite_class_bound(n, h, delta) == pytest.approx(math.sqrt((100 * math.log(2) + math.log(2 / delta)) / (2 * n)), rel=1e-13)


def test_bounds_shrink_with_n_and_delta(backend):
    for f in (lambda n, d: backend.hoeffding_bound(n, d), lambda n, d: backend.finite_class_bound(n, 1000, d), lambda n, d: backend.vc_bound(n, 10, d)):
        values_n = [f(n, 0.05) for n in (10, 100, 1000, 10**4, 10**6)]
        assert values_n == sorted(values_n, reverse=True)
        values_d = [f(1000, d) for d in (0.001, 0.01, 0.1, 0.5)]
        assert values_d == sorted(values_d, reverse=True)


def test_vc_bound_formula(backend):
    for n, d, delta in [(100, 3, 0.05), (10**6, 50, 0.01), (7, 7, 0.5)]:
        want = math.sqrt((d * (math.log(2 * n / d) + 1) + math.log(4 / delta)) / n)
        assert backend.vc_bound(n, d, delta) == pytest.approx(want, rel=1e-14)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(eps=st.floats(1e-3, 0.9), delta=deltas, h=st.integers(1, 10**12))
def test_sample_complexity_is_the_smallest_n(backend, eps, delta, h):
    n = backend.sample_complexity(eps, delta, h)
    assert type(n) is int
    assert backend.finite_class_bound(n, h, delta) <= eps * (1 + 1e-12)
    if n > 1:
        assert backend.finite_class_bound(n - 1, h, delta) > eps * (1 - 1e-12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(models=st.integers(1, 8), points=st.integers(1, 30), seed=st.integers(0, 2**32 - 1))
def test_bias_variance_identity(backend, models, points, seed):
    rng = np.random.default_rng(seed)
    y = rng.standard_normal(points)
    P = y + rng.standard_normal((models, points)) * rng.uniform(0.01, 3) + rng.uniform(-2, 2)
    b2, var, err = backend.bias_variance_decomposition(P, y)
    assert b2 >= 0 and var >= 0
    assert err == pytest.approx(b2 + var, rel=1e-13, abs=1e-15)
    m = P.mean(axis=0)
    assert b2 == pytest.approx(np.mean((m - y) ** 2), rel=1e-13)
    assert var == pytest.approx(np.mean(P.var(axis=0)), rel=1e-12, abs=1e-15)


def test_bias_variance_exact_cases(backend):
    y = np.array([1.0, 2.0, 3.0])
    assert tuple(backend.bias_variance_decomposition([[1.0, 2.0, 3.0]] * 4, y)) == (0.0, 0.0, 0.0)
    b2, var, err = backend.bias_variance_decomposition([[2.0, 3.0, 4.0], [0.0, 1.0, 2.0]], y)  # +-1 around y
    assert (b2, var, err) == (0.0, 1.0, 1.0)
    b2, var, err = backend.bias_variance_decomposition([[3.0, 4.0, 5.0]], y)  # always 2 too high
    assert (b2, var, err) == (4.0, 0.0, 4.0)


def test_backends_agree(go_backend):
    from mlmath import reference

    rng = np.random.default_rng(1)
    P, y = rng.standard_normal((50, 200)), rng.standard_normal(200)
    for a, b in zip(reference.bias_variance_decomposition(P, y), go_backend.bias_variance_decomposition(P, y)):
        assert b == pytest.approx(a, rel=1e-14)


@pytest.mark.parametrize(
    "call,exc,fragment",
    [
        (lambda b: b.hoeffding_bound(0, 0.05), ValueError, "n must be >= 1"),
        (lambda b: b.hoeffding_bound(10, 1.0), ValueError, "delta must be in (0, 1)"),
        (lambda b: b.hoeffding_bound(10.5, 0.1), TypeError, "integer"),
        (lambda b: b.finite_class_bound(10, 0, 0.1), ValueError, "hypothesis_count must be >= 1"),
        (lambda b: b.finite_class_bound(10, 10**400, 0.1), ValueError, "too large"),
        (lambda b: b.sample_complexity(0.0, 0.1, 10), ValueError, "epsilon must be a positive"),
        (lambda b: b.sample_complexity(1e-160, 0.1, 10), ValueError, "do not fit a 64-bit integer"),
        (lambda b: b.vc_bound(5, 10, 0.1), ValueError, "n must be >= vc_dimension"),
        (lambda b: b.vc_bound(5, 0, 0.1), ValueError, "vc_dimension must be >= 1"),
        (lambda b: b.bias_variance_decomposition([[1.0, 2.0]], [1.0]), ValueError, "predictions has 2 points"),
        (lambda b: b.bias_variance_decomposition(np.ones((0, 3)), np.ones(3)), ValueError, "empty"),
    ],
)
def test_bad_inputs_same_errors(go_backend, call, exc, fragment):
    assert_same_error(go_backend, call, exc, fragment)


@pytest.mark.parametrize("n,k", [(10, 2), (10, 3), (7, 7), (100, 8)])
def test_k_fold_indices_match_sklearn(n, k):
    ours = k_fold_indices(n, k)
    theirs = list(KFold(n_splits=k).split(np.zeros(n)))
    assert len(ours) == k
    for (tr, te), (tr2, te2) in zip(ours, theirs):
        np.testing.assert_array_equal(tr, tr2)
        np.testing.assert_array_equal(te, te2)


def test_k_fold_shuffled_partition():
    folds = k_fold_indices(23, 4, shuffle=True, seed=5)
    tests = np.concatenate([te for _, te in folds])
    np.testing.assert_array_equal(np.sort(tests), np.arange(23))
    for tr, te in folds:
        assert not set(tr) & set(te) and len(tr) + len(te) == 23
    assert [len(te) for _, te in folds] == [6, 6, 6, 5]
    again = k_fold_indices(23, 4, shuffle=True, seed=5)
    for (a, b), (c, d) in zip(folds, again):
        np.testing.assert_array_equal(a, c)
        np.testing.assert_array_equal(b, d)
    with pytest.raises(ValueError, match="k must be >= 2"):
        k_fold_indices(5, 1)
    with pytest.raises(ValueError, match="cannot split"):
        k_fold_indices(3, 5)
