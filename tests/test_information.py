"""Information theory on both backends, against scipy and sklearn (independent
implementations) on Hypothesis-generated distributions, tables and labels,
and the identities between the measures."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scipy import special
from scipy import stats
from scipy.spatial import distance
from sklearn import metrics
from same_errors import assert_same_error

EPS = np.finfo(np.float64).eps
LN2 = math.log(2)


def tol(n: int, scale: float = 1.0) -> float:
    """Absolute tolerance for a sum of n logarithm terms of size ~scale."""
    return 64 * (n + 1) * EPS * max(scale, 1.0)


weights = st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1e3), st.integers(0, 50).map(float)), min_size=1, max_size=40).filter(lambda w: sum(w) > 0)


@st.composite
def pairs(draw):
    p = draw(weights)
    q = draw(st.lists(st.floats(1e-6, 1e3), min_size=len(p), max_size=len(p)))
    return p, q


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(p=weights)
def test_entropy_matches_scipy(backend, p):
    for base in (2, math.e, 10):
        want = stats.entropy(p, base=base)
        assert backend.entropy(p, base) == pytest.approx(want, abs=tol(len(p)), rel=1e-13)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pq=pairs())
@example(pq=([1.0, 1.0, 1.0], [170.8425422641571] * 3)).via("CI: scipy's jensenshannon gave nan")
def test_divergences_match_scipy(backend, pq):
    p, q = pq
    kl = stats.entropy(p, q, base=2)
    assert backend.kl_divergence(p, q) == pytest.approx(kl, abs=tol(len(p), kl), rel=1e-12)
    assert backend.kl_divergence(p, q) >= 0
    pn, qn = np.array(p) / sum(p), np.array(q) / sum(q)
    ce = -np.sum(special.xlogy(pn, qn)) / LN2
    assert backend.cross_entropy(p, q) == pytest.approx(ce, abs=tol(len(p), ce), rel=1e-12)
    assert backend.cross_entropy(p, q) == pytest.approx(backend.entropy(p) + backend.kl_divergence(p, q), abs=tol(len(p), ce))
    js = distance.jensenshannon(p, q, base=2)
    if np.isnan(js):
        # scipy takes the square root of a sum that rounded below 0 (p = q up to
        # the rounding of the normalization); mlmath clips that sum at 0.
        js = 0.0
    assert backend.js_distance(p, q) == pytest.approx(js, abs=1e-7)  # sqrt amplifies rounding near 0
    assert backend.js_divergence(p, q) == pytest.approx(js**2, abs=tol(len(p)), rel=1e-12)
    assert backend.js_divergence(p, q) == pytest.approx(backend.js_divergence(q, p), abs=tol(len(p)))
    assert 0 <= backend.js_divergence(p, q) <= 1 + tol(len(p))


def test_kl_is_infinite_where_q_is_zero_but_p_is_not(backend):
    # The notes mask these terms out and get a negative "KL" for p=[.5,.5], q=[1,0].
    assert backend.kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert backend.cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert backend.kl_divergence([1.0, 0.0], [0.5, 0.5]) == pytest.approx(1.0)  # p = 0 terms are 0
    assert backend.js_divergence([1.0, 0.0], [0.0, 1.0]) == pytest.approx(1.0)
    # Equal up to the rounding of the normalization: the sum rounds to -1.6e-16, returned as 0.
    same = [85.82062972676485] * 3
    assert backend.kl_divergence([1.0, 1.0, 1.0], same) == 0.0
    assert backend.js_distance([1.0, 1.0, 1.0], same) == 0.0


def test_the_notes_example(backend):
    p, q = [0.5, 0.3, 0.2], [0.4, 0.4, 0.2]
    hp = -(0.5 * math.log2(0.5) + 0.3 * math.log2(0.3) + 0.2 * math.log2(0.2))
    kl = 0.5 * math.log2(0.5 / 0.4) + 0.3 * math.log2(0.3 / 0.4)
    assert backend.entropy(p) == pytest.approx(hp, rel=1e-15)
    assert backend.kl_divergence(p, q) == pytest.approx(kl, rel=1e-14)
    assert backend.entropy([2, 0, 2], base=math.e) == pytest.approx(math.log(2), rel=1e-15)  # counts are normalized


@pytest.mark.parametrize("n", [1, 2, 7, 64, 1000])
def test_uniform_one_hot_and_length_one(backend, n):
    assert backend.entropy(np.ones(n)) == pytest.approx(math.log2(n), abs=tol(n))
    onehot = np.zeros(n)
    onehot[n // 2] = 3.0
    assert backend.entropy(onehot) == 0.0
    assert backend.kl_divergence(onehot, onehot) == 0.0
    assert backend.js_distance(np.ones(n), np.ones(n)) == 0.0


tables = st.integers(1, 6).flatmap(lambda r: st.integers(1, 6).flatmap(
    lambda c: st.lists(st.one_of(st.just(0.0), st.floats(1e-3, 1e2)), min_size=r * c, max_size=r * c).map(lambda v: np.array(v).reshape(r, c))
)).filter(lambda t: t.sum() > 0)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(t=tables)
def test_identities_on_joint_tables(backend, t):
    hxy = backend.joint_entropy(t)
    hx, hy = backend.entropy(t.sum(axis=1)), backend.entropy(t.sum(axis=0))
    hy_x = backend.conditional_entropy(t)
    mi = backend.mutual_information(t)
    e = tol(t.size, hxy + 1)
    assert hxy == pytest.approx(stats.entropy(t.ravel(), base=2), abs=e)
    assert mi >= 0 and hy_x >= 0
    assert mi == pytest.approx(hx + hy - hxy, abs=e)
    assert mi == pytest.approx(hy - hy_x, abs=e)
    assert hy_x == pytest.approx(hxy - hx, abs=e)
    assert mi <= min(hx, hy) + e


def test_independent_and_diagonal_tables(backend):
    px, py = np.array([0.2, 0.3, 0.5]), np.array([0.6, 0.4])
    assert backend.mutual_information(np.outer(px, py)) == pytest.approx(0.0, abs=1e-15)
    d = np.diag([1.0, 2.0, 3.0])
    assert backend.mutual_information(d) == pytest.approx(backend.entropy([1, 2, 3]), rel=1e-14)
    assert backend.conditional_entropy(d) == pytest.approx(0.0, abs=1e-15)


labels = st.integers(1, 60).flatmap(lambda n: st.tuples(st.lists(st.integers(0, 5), min_size=n, max_size=n), st.lists(st.integers(-3, 3), min_size=n, max_size=n)))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(xy=labels)
def test_mutual_information_from_labels_matches_sklearn(backend, xy):
    x, y = xy
    want = metrics.mutual_info_score(x, y)
    got = backend.mutual_information_from_labels(x, y, base=math.e)
    assert got == pytest.approx(want, abs=tol(len(x)), rel=1e-13)
    assert backend.mutual_information_from_labels(x, y) == pytest.approx(want / LN2, abs=tol(len(x)), rel=1e-13)


def test_mutual_information_from_labels_semantics_value(backend):
    # SEMANTICS.md: [0,0,1,1,2,2] vs [0,0,1,1,1,1] -> 0.636514168294813 nats.
    assert backend.mutual_information_from_labels([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 1, 1], base=math.e) == pytest.approx(0.636514168294813, rel=1e-14)


@pytest.mark.filterwarnings("ignore:Clustering metrics expects discrete values")
def test_labels_of_any_kind(backend):
    x = ["a", "b", "a", "c", "b", "a"]
    y = [1.5, 2.5, 1.5, 1.5, 2.5, 2.5]
    want = metrics.mutual_info_score(x, y)
    assert backend.mutual_information_from_labels(x, y, base=math.e) == pytest.approx(want, rel=1e-14)
    big = np.array([10**15, -(10**15), 10**15, 7])
    assert backend.mutual_information_from_labels(big, [0, 1, 0, 1], base=math.e) == pytest.approx(metrics.mutual_info_score(big, [0, 1, 0, 1]), rel=1e-14)
    assert backend.mutual_information_from_labels([3], [9]) == 0.0


def test_large_label_vectors(backend):
    rng = np.random.default_rng(9)
    x = rng.integers(0, 100, 200_000)
    y = (x + rng.integers(0, 3, x.size)) % 100
    want = metrics.mutual_info_score(x, y)
    assert backend.mutual_information_from_labels(x, y, base=math.e) == pytest.approx(want, rel=1e-12)


@pytest.mark.parametrize(
    "call,exc,fragment",
    [
        (lambda b: b.entropy([0.5, -0.1]), ValueError, "negative"),
        (lambda b: b.entropy([0.0, 0.0]), ValueError, "sums to 0"),
        (lambda b: b.entropy([]), ValueError, "empty"),
        (lambda b: b.entropy([np.nan, 1.0]), ValueError, "finite"),
        (lambda b: b.entropy([1.0], base=1), ValueError, "base"),
        (lambda b: b.entropy([1.0], base=-2), ValueError, "base"),
        (lambda b: b.kl_divergence([1.0, 2.0], [1.0]), ValueError, "same shape"),
        (lambda b: b.js_distance([[1.0]], [[1.0]]), ValueError, "1-D"),
        (lambda b: b.joint_entropy([1.0, 2.0]), ValueError, "2-D"),
        (lambda b: b.mutual_information([[1.0, -1.0]]), ValueError, "negative"),
        (lambda b: b.mutual_information_from_labels([1, 2], [1]), ValueError, "same length"),
        (lambda b: b.mutual_information_from_labels([], []), ValueError, "empty"),
        (lambda b: b.mutual_information_from_labels([[1]], [[1]]), ValueError, "1-D"),
        (lambda b: b.mutual_information_from_labels([1.0, np.nan], [1, 2]), ValueError, "NaN"),
    ],
)
def test_bad_inputs_same_errors(go_backend, call, exc, fragment):
    assert_same_error(go_backend, call, exc, fragment)
