"""Parity of the two backends with each other and with numpy, property first.

Every test runs on both backends (the ``backend`` fixture of conftest.py), and
checks, in this order:

1. a mathematical property that needs no oracle (``A @ inv(A) = I``, a small
   backward error ``||A x - b||``, ``det(P) = ±1``, ``transpose`` is an
   involution, ...);
2. agreement with numpy (``np.dot``, ``np.linalg.norm/det/inv/solve``,
   ``A @ B``, scikit-learn's cosine), within a tolerance derived from the
   floating-point error bound of the operation (tests/tolerances.py):
   ``n * eps * sum|terms|`` for sums, ``n * eps * cond(A)`` for the LU-based
   functions. Elementwise arithmetic and transposes involve no rounding
   beyond one IEEE operation per entry, so they must be bitwise equal.

Both backends being within a tolerance of numpy does not make them within that
tolerance of each other, so separate ``test_backends_agree_*`` tests compare
``mlmath.go`` with ``mlmath.reference`` directly, within twice the tolerance.

Inputs come from Hypothesis (bounded finite floats; vectors and matmul
operands of sizes 0..64, square matrices for det/inv/solve of 0..24, where
np.linalg.cond's SVD per example dominates the runtime), from the named cases
of tests/cases.py, and from large explicit sizes (vectors of 1000 and 100_000,
200x150 @ 150x170, a 200x200 system). MLMATH_PARITY_EXAMPLES=k multiplies the
number of Hypothesis examples by k for a deeper search.
"""

from __future__ import annotations

import copy
import math
import os

import numpy as np
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from numpy.linalg import LinAlgError

from cases import CASES_BY_NAME, VECTOR_CASES, VECTOR_CASES_BY_NAME, Case, cases_with, cases_without
from tolerances import EPS, SAFETY, UNDERFLOW, assert_close_rel, cond_rtol, dot_tol, matmul_tol, sum_tol

from mlmath import reference

# ---------------------------------------------------------------------------
# Settings, strategies and tolerance helpers
# ---------------------------------------------------------------------------

#: The ``backend`` fixture only returns a module, so re-using it across
#: Hypothesis examples is safe; no deadline because the first call into Go
#: (runtime start-up) is slow.
#: MLMATH_PARITY_EXAMPLES=10 runs ten times more examples (a deeper search
#: than the default, which keeps this file under a minute on two cores).
_HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
_SCALE = float(os.environ.get("MLMATH_PARITY_EXAMPLES", "1"))
FAST = settings(max_examples=int(60 * _SCALE), deadline=None, suppress_health_check=_HEALTH)
SLOW = settings(max_examples=int(30 * _SCALE), deadline=None, suppress_health_check=_HEALTH)

TINY = float(np.finfo(np.float64).tiny)

NORM_ORDERS = (2, 1, 0, np.inf, -np.inf)

#: Bounded finite floats, subnormals included.
bounded = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
#: Wide magnitudes: normal floats up to 1e100 (products up to 1e200, squares of
#: the smallest underflow), plus +-m * 10**e, m in [1, 10], over 1e-150..1e151,
#: so that every order of magnitude is drawn, not mostly the largest ones.
wide = st.one_of(
    st.floats(-1e100, 1e100, allow_nan=False, allow_infinity=False, allow_subnormal=False),
    st.builds(
        lambda s, m, e: s * m * 10.0**e, st.sampled_from([-1.0, 1.0]), st.floats(1, 10), st.integers(-150, 150)
    ),
)
#: Entries for the LU-based functions: bounded, with every non-zero entry at
#: least 1e-6 in magnitude, so that solutions of well-posed systems cannot
#: overflow; zeros (and so singular matrices) stay frequent.
lu_entries = bounded.map(lambda x: 0.0 if abs(x) < 1e-6 else x)
sizes = st.integers(0, 64)


@st.composite
def vector_pairs(draw, elements=bounded, min_size=0, max_size=64):
    """Two float64 vectors of one length n in [min_size, max_size]."""
    n = draw(st.integers(min_size, max_size))
    return draw(arrays(np.float64, n, elements=elements)), draw(arrays(np.float64, n, elements=elements))


@st.composite
def square_matrices(draw, max_n=24, elements=lu_entries):
    """A square float64 matrix of size 0..max_n."""
    n = draw(st.integers(0, max_n))
    return draw(arrays(np.float64, (n, n), elements=elements))


@st.composite
def systems(draw, max_n=24):
    """``(A, b)`` with A (n, n) and b (n,) or (n, k), k in 0..4."""
    A = draw(square_matrices(max_n=max_n))
    n = A.shape[0]
    shape = draw(st.sampled_from([(n,), (n, 1), (n, 2), (n, 4), (n, 0)]))
    return A, draw(arrays(np.float64, shape, elements=lu_entries))


def bits(x) -> np.ndarray:
    """The IEEE bit patterns of a float64 array, for bitwise comparisons."""
    return np.ascontiguousarray(x, dtype=np.float64).view(np.uint64)


def assert_bitwise_equal(actual, expected, what: str) -> None:
    """Same shape, dtype float64 and the same bits in every entry (so -0.0 != 0.0)."""
    assert isinstance(actual, np.ndarray) and actual.dtype == np.float64, f"{what}: got {type(actual)}"
    assert actual.shape == expected.shape, f"{what}: shape {actual.shape} != {expected.shape}"
    assert np.array_equal(bits(actual), bits(expected)), f"{what}: not bitwise equal to numpy"


def assert_close_abs(actual: float, expected: float, tol: float, what: str) -> None:
    assert isinstance(actual, float), f"{what}: {type(actual).__name__} is not a Python float"
    assert abs(actual - expected) <= tol, f"{what}: {actual!r} vs {expected!r}, |diff| {abs(actual - expected):.3e} > {tol:.3e}"


def norm2_rtol(n: int) -> float:
    """Relative tolerance for a 2-norm: a sum of n non-negative terms is
    accurate to n*eps relative (sum_tol / sum), sqrt halves it, and the
    rescaled form adds one division per entry: SAFETY*(n+2)*eps."""
    return SAFETY * (n + 2) * EPS


def numpy_norm2(v: np.ndarray) -> float:
    """Oracle for the 2-norm: numpy's, on v/max|v_i| when numpy's own sum of
    squares would overflow or underflow (the documented deviation)."""
    amax = float(np.max(np.abs(v))) if v.size else 0.0
    if amax == 0.0:
        return 0.0
    return amax * float(np.linalg.norm(v / amax))


def numpy_sum_of_squares_in_range(v: np.ndarray) -> bool:
    """True when numpy's ``v @ v`` neither overflows nor loses bits to
    underflow (the range the mlmath docstring names: [2**-900, inf))."""
    with np.errstate(over="ignore", under="ignore"):
        ss = float(v @ v)
    return 2.0**-900 <= ss < np.inf


def numpy_cosine(v: np.ndarray, w: np.ndarray) -> tuple[float, float]:
    """scikit-learn's cosine similarity and its tolerance.

    sklearn computes <v/||v||, w/||w||> (0.0 when a norm is 0). Applied to
    v/max|v_i| and w/max|w_i| (the cosine is scale invariant, and the
    division is exact up to one rounding per entry), numpy's squares can
    neither overflow nor underflow, and every intermediate is a normal
    number. Tolerance: the dot tolerance of the normalized vectors plus the
    relative error of the two norms and of the prescaling, times
    sum|vn_i wn_i| (<= 1), plus n * TINY for products that underflow."""
    av = float(np.max(np.abs(v), initial=0.0))
    aw = float(np.max(np.abs(w), initial=0.0))
    if av == 0.0 or aw == 0.0:
        return 0.0, 0.0
    vs, ws = v / av, w / aw
    vn, wn = vs / np.linalg.norm(vs), ws / np.linalg.norm(ws)
    terms = float(np.sum(np.abs(vn * wn)))
    return float(vn @ wn), dot_tol(vn, wn) + 2 * (norm2_rtol(len(v)) + 2 * EPS) * terms + len(v) * TINY


def well_posed(A: np.ndarray) -> bool:
    """cond_rtol(A) < 1e-2: far from singular relative to rounding, so LU
    cannot meet an exactly zero pivot and the n*eps*cond(A) bounds are
    meaningful. Outside this, only backward-error properties are checked."""
    return cond_rtol(A) < 1e-2


def hadamard(A: np.ndarray) -> float:
    """Hadamard's bound on |det(A)|: the product of the row 2-norms."""
    return float(np.prod(np.linalg.norm(A, axis=1))) if A.size else 1.0


def det_tol(A: np.ndarray, det_np: float) -> float:
    """Absolute tolerance between a backend's det(A) and numpy's.

    - LU backward error E with ||E|| <~ n*eps*||A|| moves det by
      |tr(adj(A) E)| <= n * ||A^-1|| ||E|| |det|: relative n * cond_rtol(A).
    - numpy computes det as exp(log|det|) (umath_linalg), which adds a
      relative error of about eps * |log|det||: 2.4e-14 for det = 1e-300.
    - For a matrix that is not well posed (singular or nearly), the relative
      bound means nothing; the same first-order argument with the cofactors
      bounded by Hadamard gives an absolute SAFETY * n^2 * eps * hadamard(A).
    - Results below the smallest normal are compared absolutely (TINY).
    """
    n = A.shape[0]
    log_term = 2 * EPS * abs(math.log(abs(det_np))) if det_np != 0 and np.isfinite(det_np) else 0.0
    tol = log_term * abs(det_np) + TINY
    if well_posed(A):
        return tol + n * cond_rtol(A) * abs(det_np)
    return tol + SAFETY * n * n * EPS * hadamard(A)


def backward_error(A: np.ndarray, X: np.ndarray, B: np.ndarray) -> tuple[float, float]:
    """``(||A X - B||, bound)`` with bound SAFETY * n * eps * (||A|| ||X|| + ||B||)
    (Frobenius norms): LU with partial pivoting solves a nearby system
    (A + E) X = B with ||E|| <~ n*eps*||A|| whatever cond(A) is (Higham 9.3).
    X and B are first scaled by a power of two, exactly, so that huge
    solutions of nearly singular systems do not overflow in A @ X."""
    n = A.shape[0]
    m = max(float(np.max(np.abs(X), initial=0.0)), float(np.max(np.abs(B), initial=0.0)), TINY)
    s = 2.0 ** math.frexp(m)[1]
    Xs, Bs = X / s, B / s
    r = float(np.linalg.norm(A @ Xs - Bs))
    bound = SAFETY * max(n, 1) * EPS * (np.linalg.norm(A) * np.linalg.norm(Xs) + np.linalg.norm(Bs))
    return r, float(bound) + TINY


def assert_small_backward_error(A, X, B, what: str) -> None:
    r, bound = backward_error(A, X, B)
    assert r <= bound, f"{what}: backward error ||AX - B|| = {r:.3e} > {bound:.3e}"


def permutation_sign(perm) -> float:
    """Sign of a permutation from its cycle decomposition: (-1)^(n - cycles)."""
    perm, seen, cycles = list(perm), set(), 0
    for i in range(len(perm)):
        if i not in seen:
            cycles += 1
            while i not in seen:
                seen.add(i)
                i = perm[i]
    return -1.0 if (len(perm) - cycles) % 2 else 1.0


# ---------------------------------------------------------------------------
# Vectors: add, subtract, scale (exact)
# ---------------------------------------------------------------------------


@FAST
@given(vector_pairs())
@example((np.array([-0.0, 1e-320, 1e6]), np.array([-0.0, -1e-320, -1e6])))
def test_add_subtract_bitwise_equal_numpy(backend, vw):
    """v + w and v - w: one correctly rounded IEEE operation per entry, so the
    result must be bitwise numpy's (signed zeros and subnormals included)."""
    v, w = vw
    assert_bitwise_equal(backend.add(v, w), v + w, "add")
    assert_bitwise_equal(backend.subtract(v, w), v - w, "subtract")


@FAST
@given(vector_pairs(elements=wide))
def test_add_subtract_wide_bitwise_equal_numpy(backend, vw):
    """Same as above over magnitudes 1e-150..1e150 (cancellation and absorption)."""
    v, w = vw
    assert_bitwise_equal(backend.add(v, w), v + w, "add")
    assert_bitwise_equal(backend.subtract(v, w), v - w, "subtract")


@FAST
@given(st.one_of(bounded, wide), arrays(np.float64, sizes, elements=st.one_of(bounded, wide)))
@example(-0.0, np.array([1.0, -2.0]))
@example(1e300, np.array([1e10, -1e-320]))  # overflow to inf, subnormal product
def test_scale_bitwise_equal_numpy(backend, c, v):
    """c * v: one multiplication per entry, bitwise numpy's (overflow to inf
    and underflow to subnormals included)."""
    with np.errstate(over="ignore", under="ignore"):
        expected = c * v
    assert_bitwise_equal(backend.scale(c, v), expected, "scale")


@FAST
@given(vector_pairs(min_size=1))
def test_add_subtract_properties(backend, vw):
    """Properties first: v - v == 0 exactly, v + w == w + v exactly, and
    (v + w) - w == v within one rounding of |v + w| (Sterbenz aside, the
    subtraction can lose up to eps*|v+w| per entry)."""
    v, w = vw
    assert not np.any(backend.subtract(v, v)), "v - v is not exactly 0"
    assert np.array_equal(bits(backend.add(v, w)), bits(backend.add(w, v))), "add is not commutative"
    back = backend.subtract(backend.add(v, w), w)
    tol = 2 * EPS * (np.abs(v) + np.abs(w)) + UNDERFLOW
    assert np.all(np.abs(back - v) <= tol), "(v + w) - w != v within eps*(|v|+|w|)"


# ---------------------------------------------------------------------------
# Vectors: dot
# ---------------------------------------------------------------------------


@FAST
@given(vector_pairs())
@example((np.array([1e-160, 3e-170]), np.array([1e-160, 2e-150])))  # products underflow
def test_dot_matches_numpy(backend, vw):
    """<v, w> within n*eps*sum|v_i w_i| (+ underflow) of np.dot: the backends
    may sum in any order (Go uses SIMD lanes and FMA), as BLAS does."""
    v, w = vw
    assert_close_abs(backend.dot(v, w), float(np.dot(v, w)), dot_tol(v, w), "dot")


@FAST
@given(vector_pairs(elements=wide))
def test_dot_wide_magnitudes_matches_numpy(backend, vw):
    """Magnitudes up to 1e100: products span 1e-300..1e200, so absorption of
    small terms by large ones is the norm; the same n*eps*sum|terms| bound holds."""
    v, w = vw
    assert_close_abs(backend.dot(v, w), float(np.dot(v, w)), dot_tol(v, w), "dot")


@FAST
@given(vector_pairs(min_size=1), st.floats(-1e3, 1e3, allow_nan=False))
def test_dot_properties(backend, vw, c):
    """Properties first: <v, w> = <w, v> and <c v, w> = c <v, w>, within the
    dot tolerance (each side is a different rounding of the same exact sum);
    for homogeneity also the rounding (and underflow) of c * v_i, which moves
    the sum by at most eps*sum|c v_i w_i| + UNDERFLOW*sum|w_i|, and of c * d."""
    v, w = vw
    d = backend.dot(v, w)
    assert_close_abs(backend.dot(w, v), d, 2 * dot_tol(v, w), "dot symmetry")
    with np.errstate(under="ignore"):
        cv = c * v
    tol = 2 * dot_tol(cv, w) + abs(c) * dot_tol(v, w) + EPS * abs(c * d) + UNDERFLOW * (np.sum(np.abs(w)) + 1)
    assert_close_abs(backend.dot(cv, w), c * d, tol, "dot homogeneity")


# ---------------------------------------------------------------------------
# Vectors: norm
# ---------------------------------------------------------------------------

full_range = st.floats(-1e300, 1e300, allow_nan=False, allow_infinity=False)


@FAST
@given(arrays(np.float64, sizes, elements=st.one_of(bounded, wide, full_range)), st.sampled_from(NORM_ORDERS))
@example(np.array([1e200, 1e200]), 2)
@example(np.array([1e-200, 1e-200]), 2)
@example(np.array([5e-324, 0.0, -1e-310]), 2)
@example(np.array([0.0, -0.0]), 0)
def test_norm_matches_numpy(backend, v, ord):
    """Each ord against np.linalg.norm. ord 0, inf, -inf are exact (a count,
    a max, a min); ord 1 is a sum: sum_tol(|v|). ord 2 is compared with numpy
    itself where numpy's sum of squares is in range, and with numpy on v/max|v_i|
    (times max|v_i|) elsewhere: mlmath rescales on purpose (see
    test_norm2_rescales_where_numpy_overflows). Empty vectors with ord=-inf
    raise ValueError, as in numpy (ord=inf gives 0.0 there, compared below)."""
    if v.size == 0 and ord == -np.inf:
        with pytest.raises(ValueError):
            backend.norm(v, ord)
        return
    got = backend.norm(v, ord)
    assert isinstance(got, float), f"norm returned {type(got).__name__}"
    if ord == 2:
        expected = float(np.linalg.norm(v)) if numpy_sum_of_squares_in_range(v) else numpy_norm2(v)
        assert_close_abs(got, expected, norm2_rtol(v.size) * expected, "norm ord=2")
    elif ord == 1:
        assert_close_abs(got, float(np.linalg.norm(v, 1)), sum_tol(v), "norm ord=1")
    else:
        assert got == float(np.linalg.norm(v, ord)), f"norm ord={ord}: {got!r} != numpy {np.linalg.norm(v, ord)!r}"


@pytest.mark.parametrize(
    "v, expected",
    [
        ([1e200, 1e200], math.sqrt(2) * 1e200),
        ([1e-200, 1e-200], math.sqrt(2) * 1e-200),
        ([3e300, -4e300], 5e300),
        ([3e-310, 4e-310], 5e-310),  # subnormal entries, the squares are 0 in numpy
        ([1e154, 1e154, 1e154, 1e154], 2e154),
        ([1e308, 1e308], math.sqrt(2) * 1e308),
    ],
    ids=["huge", "tiny", "3-4-5_huge", "3-4-5_subnormal", "just_overflowing", "near_max"],
)
def test_norm2_rescales_where_numpy_overflows(backend, v, expected):
    """The documented deviation from numpy: mlmath's 2-norm rescales by
    max|v_i| when the sum of squares overflows or underflows, so it is
    accurate where numpy's sqrt(v @ v) gives inf or 0 (or loses all digits).
    The check that numpy really fails on these inputs keeps the test honest:
    if numpy ever rescales too, this test says so."""
    with np.errstate(over="ignore", under="ignore"):
        numpy_value = float(np.linalg.norm(v))
    assert numpy_value == np.inf or abs(numpy_value - expected) > 0.01 * expected, "numpy is accurate here now"
    got = backend.norm(v)
    # expected is sqrt(2) rounded then scaled (or exact): 2 roundings, plus the norm's own.
    assert_close_abs(got, expected, norm2_rtol(len(v)) * expected, "norm ord=2 rescaled")


def test_norm2_is_inf_only_when_the_norm_overflows(backend):
    """||[1e308] * 4|| = 2e308 exceeds the largest float64: inf is the
    correctly rounded answer (and the only one), for both backends; one
    entry less than that ([1e308] * 3, 1.73e308) is finite."""
    assert backend.norm(np.full(4, 1e308)) == np.inf
    assert_close_abs(backend.norm(np.full(3, 1e308)), math.sqrt(3) * 1e308, norm2_rtol(3) * 1.8e308, "norm [1e308]*3")


@FAST
@given(arrays(np.float64, st.integers(1, 64), elements=st.one_of(bounded, wide)), st.floats(-1e3, 1e3, allow_nan=False))
def test_norm_properties(backend, v, c):
    """Properties first: ||v||_inf <= ||v||_2 <= ||v||_1 <= n ||v||_inf (up to
    the rounding of each norm), ||c v||_2 = |c| ||v||_2, and ||v||_0 counts the
    non-zeros exactly."""
    n = v.size
    ninf, n2, n1 = backend.norm(v, np.inf), backend.norm(v), backend.norm(v, 1)
    r = norm2_rtol(n)
    assert ninf <= n2 * (1 + r) and n2 <= n1 * (1 + r) and n1 <= n * ninf * (1 + r), (ninf, n2, n1)
    assert backend.norm(v, -np.inf) <= ninf
    assert backend.norm(v, 0) == float(np.count_nonzero(v))
    with np.errstate(under="ignore"):
        cv = c * v
    if np.all(cv[v != 0] != 0):  # no entry underflowed to zero
        assert_close_abs(backend.norm(cv), abs(c) * n2, 3 * r * abs(c) * n2 + n * TINY, "norm homogeneity")


# ---------------------------------------------------------------------------
# Vectors: cosine similarity
# ---------------------------------------------------------------------------


def check_cosine(backend, v, w) -> None:
    """Properties first: |cos| <= 1 and symmetry (within rounding); then
    scikit-learn's definition (numpy_cosine) within its tolerance; exactly
    0.0 when either vector is zero."""
    got = backend.cosine_similarity(v, w)
    expected, tol = numpy_cosine(v, w)
    assert abs(got) <= 1 + tol, f"|cosine| = {abs(got)!r} > 1"
    assert_close_abs(backend.cosine_similarity(w, v), got, 2 * tol, "cosine symmetry")
    assert_close_abs(got, expected, tol, "cosine_similarity")
    if not v.any() or not w.any():
        assert got == 0.0, "cosine with a zero vector must be exactly 0.0"


normal_bounded = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False, allow_subnormal=False)


@FAST
@given(vector_pairs(elements=normal_bounded, min_size=1))
@example((np.array([0.0, 0.0]), np.array([1.0, 2.0])))
def test_cosine_similarity_matches_sklearn_formula(backend, vw):
    """Bounded normal floats: see check_cosine."""
    check_cosine(backend, *vw)


@FAST
@given(vector_pairs(elements=wide, min_size=1))
@example((np.array([1e200, -1e200]), np.array([1e-200, 3e-200])))
# Found by Hypothesis (minimized by hand): Go's fast path computes
# dot/||v||/||w||; dot = 1e-270 >= 2**-900 is checked, but for cos(w, v) the
# intermediate dot/||w|| = 1e-320 is subnormal, with ~4 significant digits:
# Go returns 9.99988867e-201 for 1e-200.
@example((np.array([0.0, 1e-120]), np.array([1e50, 1e-150])))
@example((np.full(4, 1e308), np.full(4, 1e308)))  # ||v|| = 2e308 overflows: still parallel, 1.0
@example((np.array([1e308, -1e308, 1e308]), np.array([1e308, 1e308, 0.0])))  # orthogonal, 0.0
def test_cosine_similarity_wide_magnitudes(backend, vw):
    """Magnitudes 1e-150..1e150 (and 1e308 in the examples): the
    normalization must not overflow or underflow, and no intermediate may go subnormal (which would cost digits
    beyond the n*eps*sum|terms| bound). See check_cosine."""
    check_cosine(backend, *vw)


@pytest.mark.parametrize(
    "v, w, cos",
    [
        ([1e-320, 1e-320], [1.0, 1.0], 1.0),
        ([3e-320, 4e-320], [3.0, 4.0], 1.0),
        ([1e-310, -1e-310, 2e-310], [1.0, -1.0, 2.0], 1.0),
        ([1e-320, 0.0], [0.0, 1.0], 0.0),
    ],
    ids=["equal_subnormals", "3-4_subnormals", "mixed_subnormals", "orthogonal_subnormal"],
)
def test_cosine_similarity_of_subnormal_vectors(backend, v, w, cos):
    """Vectors whose 2-norm is subnormal: the norm itself can only be stored
    to a few digits (1.414e-320 is 2862 * 2**-1074), so normalizing by it
    costs up to 1e-4 relative (1.000129 for the first case, before the
    prescaling fix); the cosine, scale invariant, has an exact answer here
    and must be within the cosine tolerance of it."""
    v, w = np.array(v), np.array(w)
    got = backend.cosine_similarity(v, w)
    _, tol = numpy_cosine(v, w)
    assert_close_abs(got, cos, tol, "cosine of a subnormal vector")


def test_cosine_similarity_of_empty_vectors_raises(backend):
    """Undefined for n = 0 (scikit-learn: 'Found array with 0 feature(s)')."""
    with pytest.raises(ValueError):
        backend.cosine_similarity([], [])


# ---------------------------------------------------------------------------
# Vectors: named cases (tests/cases.py)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", VECTOR_CASES, ids=lambda c: c.name)
def test_vector_case_dot_norm_match_numpy(backend, case):
    """Every named vector pair: dot and every norm against numpy (with the
    rescaled oracle for the 2-norm where numpy's squares under/overflow)."""
    v, w = case.v, case.w
    assert_close_abs(backend.dot(v, w), float(np.dot(v, w)), dot_tol(v, w), "dot")
    for x in (v, w):
        for ord in NORM_ORDERS:
            if x.size == 0 and np.isinf(ord):
                continue
            got = backend.norm(x, ord)
            if ord == 2:
                assert_close_abs(got, numpy_norm2(x), norm2_rtol(x.size) * numpy_norm2(x), "norm ord=2")
            elif ord == 1:
                assert_close_abs(got, float(np.linalg.norm(x, 1)), sum_tol(x), "norm ord=1")
            else:
                assert got == float(np.linalg.norm(x, ord)), f"norm ord={ord}"


def test_empty_vectors_dot_and_norm_are_zero(backend):
    """0-length vectors: dot == 0.0 and norm == 0.0 for ord 2, 1, 0 and inf
    (empty sums, a max of nothing: numpy's values), exactly and as Python
    floats; ord=-inf is undefined (ValueError, as numpy)."""
    e = VECTOR_CASES_BY_NAME["empty"].v
    d = backend.dot(e, e)
    assert type(d) is float and d == 0.0
    for ord in (2, 1, 0, np.inf):
        r = backend.norm(e, ord)
        assert type(r) is float and r == 0.0 == np.linalg.norm(e, ord), f"norm(empty, {ord}) = {r!r}"
    with pytest.raises(ValueError, match="minimum which has no identity"):
        backend.norm(e, -np.inf)


@pytest.mark.parametrize(
    "name, cos, exact_dot",
    [("orthogonal", 0.0, 0.0), ("parallel", 1.0, 28.0), ("antiparallel", -1.0, -10.5), ("zero_vector", 0.0, 0.0)],
)
def test_vector_case_cosine_known_values(backend, name, cos, exact_dot):
    """Known answers: the dot of small integers is exact in any summation
    order, so it is compared exactly. The cosine is a dot of *normalized*
    vectors (scikit-learn's definition), whose entries are rounded: for
    orthogonal, parallel and antiparallel vectors it is 0, 1 and -1 only
    within the cosine tolerance (a BLAS kernel may give -1.4e-18 for 0). A
    zero vector gives exactly 0.0 by rule (scikit-learn's, not NaN)."""
    case = VECTOR_CASES_BY_NAME[name]
    assert backend.dot(case.v, case.w) == exact_dot
    got = backend.cosine_similarity(case.v, case.w)
    _, tol = numpy_cosine(case.v, case.w)
    if name == "zero_vector":
        assert got == 0.0, f"cosine = {got!r}, expected exactly 0.0"
    else:
        assert_close_abs(got, cos, tol, "cosine")


def test_vector_case_wide_magnitudes_cosine(backend):
    """Entries 1e-150..1e150: numpy's plain norm underflows in the tiny
    squares but the scaled oracle is exact enough; the cosine must match it."""
    case = VECTOR_CASES_BY_NAME["wide_magnitudes"]
    expected, tol = numpy_cosine(case.v, case.w)
    assert_close_abs(backend.cosine_similarity(case.v, case.w), expected, tol, "cosine")


# ---------------------------------------------------------------------------
# Vectors: large explicit sizes
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1000, 100_000])
def test_large_vectors_match_numpy(backend, n):
    """Long vectors exercise the chunked, parallel and SIMD paths of Go:
    add/subtract/scale exact, dot/norm/cosine within their sum bounds."""
    rng = np.random.default_rng(n)
    v = rng.standard_normal(n) * 10.0 ** rng.integers(-5, 5, n)
    w = rng.standard_normal(n)
    v0, w0 = v.copy(), w.copy()
    assert_bitwise_equal(backend.add(v, w), v + w, "add")
    assert_bitwise_equal(backend.subtract(v, w), v - w, "subtract")
    assert_bitwise_equal(backend.scale(-3.7, v), -3.7 * v, "scale")
    assert_close_abs(backend.dot(v, w), float(np.dot(v, w)), dot_tol(v, w), "dot")
    assert_close_abs(backend.norm(v), float(np.linalg.norm(v)), norm2_rtol(n) * float(np.linalg.norm(v)), "norm2")
    assert_close_abs(backend.norm(v, 1), float(np.linalg.norm(v, 1)), sum_tol(v), "norm1")
    for ord in (0, np.inf, -np.inf):
        assert backend.norm(v, ord) == float(np.linalg.norm(v, ord))
    expected, tol = numpy_cosine(v, w)
    assert_close_abs(backend.cosine_similarity(v, w), expected, tol, "cosine")
    assert np.array_equal(v, v0) and np.array_equal(w, w0), "inputs modified"


# ---------------------------------------------------------------------------
# Matrices: matmul, transpose
# ---------------------------------------------------------------------------


@st.composite
def matmul_operands(draw, elements=bounded, max_dim=64):
    m, k, n = (draw(st.integers(0, max_dim)) for _ in range(3))
    A = draw(arrays(np.float64, (m, k), elements=elements))
    B = draw(arrays(np.float64, draw(st.sampled_from([(k, n), (k,)])), elements=elements))
    return A, B


@SLOW
@given(matmul_operands())
def test_matmul_matches_numpy(backend, AB):
    """A @ B entrywise within k*eps*(|A| @ |B|) (matmul_tol): each entry is a
    sum of k products, accumulated in any order (Go: blocked FMA kernel). k = 0
    gives exact zeros. 2-D @ 1-D gives shape (m,)."""
    A, B = AB
    got = backend.matmul(A, B)
    expected = A @ B
    assert isinstance(got, np.ndarray) and got.dtype == np.float64 and got.shape == expected.shape
    assert np.all(np.abs(got - expected) <= matmul_tol(A, B)), "matmul differs from A @ B beyond k*eps*|A||B|"
    if A.shape[1] == 0:
        assert not np.any(got), "k = 0 must give exact zeros"


@FAST
@given(matmul_operands(max_dim=32, elements=st.one_of(bounded, wide)))
def test_matmul_properties(backend, AB):
    """Properties first: A @ I == A and I @ A == A exactly (one non-zero
    product per entry, the rest are exact zeros), and A @ b equals the single
    column of A @ b[:, None] within the matmul tolerance."""
    A, B = AB
    m, k = A.shape
    assert np.array_equal(backend.matmul(A, np.eye(k)), A), "A @ I != A"
    assert np.array_equal(backend.matmul(np.eye(m), A), A), "I @ A != A"
    if B.ndim == 1:
        col = backend.matmul(A, B[:, None])
        assert col.shape == (m, 1)
        vec = backend.matmul(A, B)
        assert vec.shape == (m,)
        assert np.all(np.abs(vec - col[:, 0]) <= 2 * matmul_tol(A, B[:, None])[:, 0]), "A @ b != (A @ b[:, None])[:, 0]"


def test_matmul_large_matches_numpy(backend):
    """200x150 @ 150x170 and 200x150 @ (150,): sizes past the Go kernel's
    blocking and parallel thresholds, within k*eps*|A||B|."""
    rng = np.random.default_rng(7)
    A, B = rng.standard_normal((200, 150)), rng.standard_normal((150, 170))
    b = B[:, 3].copy()
    for X in (B, b):
        got = backend.matmul(A, X)
        assert got.shape == (A @ X).shape
        assert np.all(np.abs(got - A @ X) <= matmul_tol(A, X)), "large matmul"


@FAST
@given(st.tuples(sizes, sizes).flatmap(lambda shape: arrays(np.float64, shape, elements=st.one_of(bounded, wide))))
def test_transpose_exact_and_involution(backend, A):
    """transpose(A) is bitwise A.T (a copy moves bits, no arithmetic), of
    shape (n, m), C-contiguous; transposing twice gives A bitwise."""
    T = backend.transpose(A)
    assert_bitwise_equal(T, A.T, "transpose")
    assert T.flags.c_contiguous
    assert_bitwise_equal(backend.transpose(T), A, "transpose(transpose(A))")


@pytest.mark.parametrize("shape", [(1, 5), (5, 1), (1, 1), (3, 4), (0, 3)])
def test_transpose_returns_a_new_array(backend, shape):
    """The contract says "a new C-contiguous array (not a view)": writing into
    the result must not change A. For (1, n) and (n, 1), A.T is already
    C-contiguous, so np.ascontiguousarray(A.T) would return a view."""
    A = np.arange(float(np.prod(shape))).reshape(shape)
    A0 = A.copy()
    T = backend.transpose(A)
    assert not np.shares_memory(T, A), f"transpose of a {shape} matrix is a view of its input"
    T[...] = -1.0
    assert np.array_equal(A, A0)


# ---------------------------------------------------------------------------
# Matrices: det, inv, solve on Hypothesis matrices
# ---------------------------------------------------------------------------


@SLOW
@given(square_matrices(max_n=16))
def test_det_matches_numpy(backend, A):
    """Properties first: det(A.T) == det(A) within the det tolerance; then
    numpy.linalg.det within det_tol (n*cond_rtol relative for well-posed A,
    a Hadamard-scaled absolute bound for singular or nearly singular A, plus
    numpy's own exp(log|det|) error)."""
    d = backend.det(A)
    assert isinstance(d, float)
    d_np = float(np.linalg.det(A))
    tol = det_tol(A, d_np)
    assert_close_abs(backend.det(A.T), d, 2 * tol, "det(A.T) vs det(A)")
    assert_close_abs(d, d_np, tol, "det")


@FAST
@given(st.integers(0, 64).map(range).flatmap(st.permutations))
def test_det_of_permutation_is_exactly_its_sign(backend, perm):
    """det(P) is +1 or -1 exactly: every pivot is 1 and every multiplier 0, so
    LU of a permutation matrix involves no rounding. The sign comes from the
    cycle decomposition, independently of any LU."""
    P = np.eye(len(perm))[perm]
    assert backend.det(P) == permutation_sign(perm)


@SLOW
@given(square_matrices())
@example(np.array([[1.0, 2.0], [2.0, 4.0]]))
@example(np.zeros((3, 3)))
def test_inv_residual_and_matches_numpy(backend, A):
    """Properties first: each backend either raises LinAlgError("Singular
    matrix") or returns X with a small backward error ||A X - I|| <=
    SAFETY*n*eps*(||A|| ||X|| + ||I||) (true of LU with partial pivoting for
    any cond(A)). When A is well posed it must not raise, and X must be within
    n*eps*cond(A) (relative) of numpy.linalg.inv, and det(A)*det(X) ~ 1."""
    n = A.shape[0]
    try:
        X = backend.inv(A)
    except LinAlgError as e:
        assert "Singular matrix" in str(e)
        assert not well_posed(A), f"raised on a well-posed matrix (cond {np.linalg.cond(A):.3e})"
        return
    assert X.shape == (n, n) and X.dtype == np.float64
    if not np.all(np.isfinite(X)):
        assert not well_posed(A), "non-finite inverse of a well-posed matrix"
        return
    assert_small_backward_error(A, X, np.eye(n), "inv")
    if well_posed(A):
        assert_close_rel(X, np.linalg.inv(A), cond_rtol(A), "inv vs numpy")
        if n:
            d, dx = backend.det(A), backend.det(X)
            # det(X) = det(I + (AX - I)) / det(A): off by |tr(AX - I)| <= n * cond_rtol,
            # plus each det's own n*cond_rtol and numpy's exp(log) error.
            logs = 2 * EPS * (abs(math.log(abs(d))) + abs(math.log(abs(dx))))
            assert_close_abs(d * dx, 1.0, 3 * n * cond_rtol(A) + logs, "det(A) * det(inv(A))")


@SLOW
@given(systems())
@example((np.array([[1.0, 2.0], [2.0, 4.0]]), np.array([1.0, 2.0])))
def test_solve_backward_error_and_matches_numpy(backend, Ab):
    """Properties first: raise LinAlgError or return x (shaped like b) with
    ||A x - b|| <= SAFETY*n*eps*(||A|| ||x|| + ||b||); when A is well posed,
    no error and x within n*eps*cond(A) (relative) of numpy.linalg.solve."""
    A, b = Ab
    try:
        x = backend.solve(A, b)
    except LinAlgError as e:
        assert "Singular matrix" in str(e)
        assert not well_posed(A), f"raised on a well-posed matrix (cond {np.linalg.cond(A):.3e})"
        return
    assert x.shape == b.shape and x.dtype == np.float64
    if not np.all(np.isfinite(x)):
        assert not well_posed(A), "non-finite solution of a well-posed system"
        return
    assert_small_backward_error(A, x, b, "solve")
    if well_posed(A):
        assert_close_rel(x, np.linalg.solve(A, b), cond_rtol(A), "solve vs numpy")


def test_inv_and_solve_large_match_numpy(backend):
    """n = 200 (past any small-size special case): residuals and numpy parity."""
    rng = np.random.default_rng(200)
    A = rng.standard_normal((200, 200))
    B = rng.standard_normal((200, 3))
    X = backend.inv(A)
    assert_small_backward_error(A, X, np.eye(200), "inv n=200")
    assert_close_rel(X, np.linalg.inv(A), cond_rtol(A), "inv n=200")
    x = backend.solve(A, B)
    assert_small_backward_error(A, x, B, "solve n=200")
    assert_close_rel(x, np.linalg.solve(A, B), cond_rtol(A), "solve n=200")
    d = backend.det(A)
    assert_close_abs(d, float(np.linalg.det(A)), det_tol(A, float(np.linalg.det(A))), "det n=200")


# ---------------------------------------------------------------------------
# Go and reference directly against each other
# ---------------------------------------------------------------------------


@FAST
@given(vector_pairs(elements=st.one_of(bounded, wide), min_size=1))
def test_backends_agree_on_vectors(go_backend, vw):
    """Go vs reference, not via numpy: dot within 2x the dot tolerance,
    norms within 2x theirs (exact for 0, inf, -inf), cosine within 2x."""
    v, w = vw
    go, ref = go_backend, reference
    assert_close_abs(go.dot(v, w), ref.dot(v, w), 2 * dot_tol(v, w), "dot go vs reference")
    for ord in NORM_ORDERS:
        g, r = go.norm(v, ord), ref.norm(v, ord)
        if ord == 2:
            assert_close_abs(g, r, 2 * norm2_rtol(v.size) * r, "norm2 go vs reference")
        elif ord == 1:
            assert_close_abs(g, r, 2 * sum_tol(v), "norm1 go vs reference")
        else:
            assert g == r, f"norm ord={ord}: go {g!r} != reference {r!r}"
    _, tol = numpy_cosine(v, w)
    assert_close_abs(go.cosine_similarity(v, w), ref.cosine_similarity(v, w), 2 * tol, "cosine go vs reference")


@SLOW
@given(systems(max_n=16))
def test_backends_agree_on_linalg(go_backend, Ab):
    """Go vs reference on det, inv, solve: for well-posed A both succeed and
    agree within 2x the cond-scaled tolerances; det always within 2x det_tol.
    For A that is not well posed, whether an exactly zero pivot appears depends
    on rounding order, so only the results that both return are compared
    (both satisfy the backward-error property, tested above)."""
    A, b = Ab
    go, ref = go_backend, reference
    d_ref = ref.det(A)
    assert_close_abs(go.det(A), d_ref, 2 * det_tol(A, d_ref), "det go vs reference")
    if well_posed(A):
        assert_close_rel(go.inv(A), ref.inv(A), 2 * cond_rtol(A), "inv go vs reference")
        assert_close_rel(go.solve(A, b), ref.solve(A, b), 2 * cond_rtol(A), "solve go vs reference")


# ---------------------------------------------------------------------------
# Matrices: named cases (tests/cases.py)
# ---------------------------------------------------------------------------


def _ids(cases):
    return [c.name for c in cases]


@pytest.mark.parametrize("case", cases_with("singular"), ids=_ids(cases_with("singular")))
def test_singular_case_det_zero_inv_solve_raise(backend, case: Case):
    """Exactly singular: det is exactly 0.0 (not an error, not 1e-17), and
    inv/solve raise numpy.linalg.LinAlgError("Singular matrix") for b of
    shape (n,) and (n, k)."""
    d = backend.det(case.A)
    assert type(d) is float and d == 0.0, f"det = {d!r}"
    with pytest.raises(LinAlgError, match="Singular matrix"):
        backend.inv(case.A)
    for b in (case.b, case.B):
        with pytest.raises(LinAlgError, match="Singular matrix"):
            backend.solve(case.A, b)


_NONSINGULAR = cases_without("singular", "empty", "rank_deficient")


@pytest.mark.parametrize("case", _NONSINGULAR, ids=_ids(_NONSINGULAR))
def test_nonsingular_case_inv_solve_det(backend, case: Case):
    """Every non-singular case, ill-conditioned ones included (Hilbert 8,
    cond 1.5e10; nearly singular, cond 4e10): no error; properties first
    (backward errors of inv and solve), then numpy within n*eps*cond(A)."""
    A = case.A
    n = A.shape[0]
    X = backend.inv(A)
    assert_small_backward_error(A, X, np.eye(n), f"inv {case.name}")
    assert_close_rel(X, np.linalg.inv(A), cond_rtol(A), f"inv {case.name}")
    for b in (case.b, case.B):
        x = backend.solve(A, b)
        assert x.shape == b.shape
        assert_small_backward_error(A, x, b, f"solve {case.name}")
        assert_close_rel(x, np.linalg.solve(A, b), cond_rtol(A), f"solve {case.name}")
    d = backend.det(A)
    d_np = float(np.linalg.det(A))
    assert_close_abs(d, d_np, det_tol(A, d_np), f"det {case.name}")
    assert_close_abs(backend.det(A.T), d, 2 * det_tol(A, d_np), f"det(A.T) {case.name}")


@pytest.mark.parametrize("case", cases_with("rank_deficient"), ids=_ids(cases_with("rank_deficient")))
def test_rank_deficient_case_each_backend_is_backward_stable(backend, case: Case):
    """Singular in exact arithmetic, but LU in floating point may or may not
    meet an exactly zero pivot. Whatever a backend does, it must be one of
    the two LU outcomes: LinAlgError, or an X with a small backward error and
    a det within SAFETY*n^2*eps*hadamard(A) of 0."""
    A = case.A
    n = A.shape[0]
    assert abs(backend.det(A)) <= SAFETY * n * n * EPS * hadamard(A)
    try:
        X = backend.inv(A)
    except LinAlgError:
        return
    assert_small_backward_error(A, X, np.eye(n), f"inv {case.name}")


@pytest.mark.parametrize("case", cases_with("ill"), ids=_ids(cases_with("ill")))
def test_ill_conditioned_case_solution_within_cond_bound(backend, case: Case):
    """b was built as A @ ones (up to rounding of b), so the exact solution is
    within n*eps*cond(A) of ones: the forward error must respect that bound,
    which is what "ill-conditioned but not singular" promises."""
    assert np.linalg.cond(case.A) > 1e8, "case is not ill-conditioned"
    x = backend.solve(case.A, case.b)
    assert_close_rel(x, np.ones(case.A.shape[0]), cond_rtol(case.A), f"solve {case.name} vs ones")


@pytest.mark.parametrize("case", cases_with("exact"), ids=_ids(cases_with("exact")))
def test_exact_case_results_are_exact(backend, case: Case):
    """Identity, permutations and [[-4]]: LU involves no rounding, so
    A @ inv(A) == I, solve(A, b) == numpy's, and det(A) == numpy's, bitwise."""
    A = case.A
    X = backend.inv(A)
    assert np.array_equal(A @ X, np.eye(A.shape[0])), "A @ inv(A) != I exactly"
    assert np.array_equal(backend.solve(A, case.B), np.linalg.solve(A, case.B))
    assert backend.det(A) == float(np.linalg.det(A))


@pytest.mark.parametrize("case", cases_with("permutation"), ids=_ids(cases_with("permutation")))
def test_permutation_case_det_is_exact_sign(backend, case: Case):
    """det of a permutation matrix is exactly its sign (cycle count)."""
    perm = [int(np.argmax(row)) for row in case.A]
    assert backend.det(case.A) == permutation_sign(perm)


def test_empty_matrix_det_inv_solve(backend):
    """0x0: det is the empty product 1.0; inv is (0, 0); solve returns b's
    shape, (0,) or (0, k); all float64 (numpy's conventions)."""
    (case,) = cases_with("empty")
    d = backend.det(case.A)
    assert type(d) is float and d == 1.0
    X = backend.inv(case.A)
    assert isinstance(X, np.ndarray) and X.shape == (0, 0) and X.dtype == np.float64
    for b, shape in ((case.b, (0,)), (case.B, (0, 3)), (np.zeros((0, 0)), (0, 0))):
        x = backend.solve(case.A, b)
        assert isinstance(x, np.ndarray) and x.shape == shape and x.dtype == np.float64


def test_matmul_identity_case_and_upper_triangular(backend):
    """Named matrices through matmul: the identity is exact on both sides,
    and a triangular product stays triangular (exact zeros below the diagonal:
    every term there is a product with an exact zero)."""
    I5, U = CASES_BY_NAME["identity_5"].A, CASES_BY_NAME["upper_triangular"].A
    assert np.array_equal(backend.matmul(I5, U), U) and np.array_equal(backend.matmul(U, I5), U)
    UU = backend.matmul(U, U)
    assert not np.any(np.tril(UU, -1)), "U @ U is not upper triangular"
    assert np.all(np.abs(UU - U @ U) <= matmul_tol(U, U))


# ---------------------------------------------------------------------------
# Input kinds, result types, no modification of inputs
# ---------------------------------------------------------------------------

# Integer data, exactly representable in int64 and float32, so that every
# input kind holds the very same numbers as the float64 baseline.
_V = np.array([1.0, -2.0, 3.0, 5.0, 4.0, -6.0])
_W = np.array([2.0, 0.0, -1.0, 8.0, 7.0, 3.0])
_A = np.array([[4.0, 1.0, 0.0], [1.0, 5.0, 2.0], [0.0, 2.0, 6.0]])
_B = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 5.0]])
_b = np.array([1.0, -2.0, 5.0])
_C = -3.0

#: case name -> (backend function, float64 arguments, numpy oracle, tolerance(expected)).
#: The tolerances are those of the Hypothesis tests above: exact for the
#: elementwise ops and transpose, sum/dot bounds, cond-scaled for LU.
_CALLS = {
    "add": ("add", (_V, _W), lambda v, w: v + w, lambda e: 0.0),
    "subtract": ("subtract", (_V, _W), lambda v, w: v - w, lambda e: 0.0),
    "scale": ("scale", (_C, _V), lambda c, v: c * v, lambda e: 0.0),
    "dot": ("dot", (_V, _W), np.dot, lambda e: dot_tol(_V, _W)),
    "norm": ("norm", (_V,), np.linalg.norm, lambda e: norm2_rtol(_V.size) * e),
    "cosine_similarity": ("cosine_similarity", (_V, _W), lambda v, w: numpy_cosine(v, w)[0], lambda e: numpy_cosine(_V, _W)[1]),
    "matmul": ("matmul", (_A, _B), lambda A, B: A @ B, lambda e: 0.0),  # integer products: exact
    "matmul_vector": ("matmul", (_A, _b), lambda A, b: A @ b, lambda e: 0.0),
    "transpose": ("transpose", (_B,), lambda A: A.T, lambda e: 0.0),
    "det": ("det", (_A,), np.linalg.det, lambda e: det_tol(_A, e)),
    "inv": ("inv", (_A,), np.linalg.inv, lambda e: cond_rtol(_A) * np.linalg.norm(e)),
    "solve": ("solve", (_A, _b), np.linalg.solve, lambda e: cond_rtol(_A) * np.linalg.norm(e)),
    "solve_block": ("solve", (_A, _B), np.linalg.solve, lambda e: cond_rtol(_A) * np.linalg.norm(e)),
}


def _as_kind(x, kind: str):
    """The same numbers as ``x``, as a different kind of input."""
    if np.ndim(x) == 0:  # the scalar of scale()
        return {"list": int(x), "int": np.int64(x), "float32": np.float32(x)}.get(kind, x)
    x = np.asarray(x)
    if kind == "float64":  # the fast path: used as is, without a copy
        return np.array(x, dtype=np.float64, order="C")
    if kind == "list":
        return x.tolist()
    if kind == "int":
        return x.astype(np.int64)
    if kind == "float32":
        return x.astype(np.float32)
    if kind == "fortran":
        return np.asfortranarray(x)
    if kind == "strided":  # x[::2] of an array twice as long: a non-contiguous view
        return np.repeat(x, 2, axis=x.ndim - 1)[..., ::2]
    if kind == "transposed":  # A.T of a C array: a Fortran-ordered view
        return np.ascontiguousarray(x.T).T
    raise AssertionError(kind)


def _snapshot(x):
    if np.ndim(x) == 0:
        return x  # scalars are immutable
    return copy.deepcopy(x) if isinstance(x, list) else np.array(x, copy=True, order="K")


def _same(before, after) -> bool:
    if isinstance(before, list) or np.ndim(before) == 0:
        return type(before) is type(after) and before == after
    return before.dtype == after.dtype and before.shape == after.shape and np.array_equal(before, after)


@pytest.mark.parametrize("kind", ["float64", "list", "int", "float32", "fortran", "strided", "transposed"])
@pytest.mark.parametrize("name", sorted(_CALLS))
def test_input_kinds_results_and_no_modification(backend, name, kind):
    """C-ordered float64 arrays (passed to Go without a copy), lists, int64,
    float32, Fortran-ordered arrays and non-contiguous views holding the same
    numbers are computed in float64 exactly as the float64 baseline (bitwise), agree with numpy, come back as float64 ndarrays
    of numpy's shape (or Python floats), share no memory with the inputs and
    leave the inputs unmodified."""
    fname, args, oracle, tol = _CALLS[name]
    func = getattr(backend, fname)
    inputs = [_as_kind(a, kind) for a in args]
    before = [_snapshot(x) for x in inputs]
    got = func(*inputs)
    baseline = func(*[_snapshot(a) for a in args])
    expected = oracle(*args)
    for x, b in zip(inputs, before):
        assert _same(b, x), f"{name} modified its {kind} input"
    if np.ndim(expected) == 0:
        assert type(got) is float, f"{name} returned {type(got).__name__}, not float"
        assert got == baseline, f"{name}({kind}) = {got!r} != float64 baseline {baseline!r}"
        assert_close_abs(got, float(expected), tol(float(expected)), f"{name} vs numpy")
    else:
        assert isinstance(got, np.ndarray) and got.dtype == np.float64, f"{name}: {type(got)} {getattr(got, 'dtype', '')}"
        assert got.shape == np.shape(expected), f"{name}: shape {got.shape} != numpy {np.shape(expected)}"
        assert np.array_equal(bits(got), bits(baseline)), f"{name}({kind}) differs from the float64 baseline"
        err = float(np.linalg.norm(got - expected))
        assert err <= tol(expected), f"{name} vs numpy: error {err:.3e} > {tol(expected):.3e}"
        for x in inputs:
            if isinstance(x, np.ndarray):
                assert not np.shares_memory(got, x), f"{name} returned a view of its input"
