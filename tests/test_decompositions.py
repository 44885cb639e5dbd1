"""Decompositions on both backends: properties first (LAPACK's test ratios),
then agreement with numpy.linalg where the factors are unique.

The ratios are those of LAPACK's test suite, each required below 30:
  reconstruction ||Q R - A|| / (max(m, n) ||A|| eps), ||L L^T - A|| / (n ||A|| eps);
  orthogonality  ||Q^T Q - I|| / (m eps).
Factors compared with numpy: a Cholesky factor is unique; QR factors are
unique up to the signs of R's rows for a full-rank A, so both are brought to
a positive diagonal of R first. Their tolerance is n eps cond(A) (times
SAFETY), the first-order perturbation bound of both factorizations.
"""

from __future__ import annotations

import os

import numpy as np
import pytest
import scipy.linalg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from numpy.linalg import LinAlgError

from tolerances import EPS, SAFETY, cond_rtol

from mlmath._results import EighResult, EigResult, QRResult, SVDResult

RATIO_LIMIT = 30
_HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
_SCALE = float(os.environ.get("MLMATH_PARITY_EXAMPLES", "1"))
SETTINGS = settings(max_examples=int(40 * _SCALE), deadline=None, suppress_health_check=_HEALTH)


def fro(x) -> float:
    return float(np.linalg.norm(np.asarray(x).ravel()))


def spd(n: int, seed: int, scale_spread: float = 0.0) -> np.ndarray:
    """B B^T + n I, optionally with rows and columns scaled over 10**±spread."""
    rng = np.random.default_rng(seed)
    B = rng.standard_normal((n, n))
    A = B @ B.T + n * np.eye(n)
    if scale_spread:
        d = 10.0 ** rng.uniform(-scale_spread, scale_spread, n)
        A = d[:, None] * A * d[None, :]
    return (A + A.T) / 2


def hilbert(n: int) -> np.ndarray:
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1)


# --- Cholesky ---------------------------------------------------------------


def check_cholesky(backend, A: np.ndarray) -> np.ndarray:
    n = A.shape[0]
    L = backend.cholesky(A)
    assert isinstance(L, np.ndarray) and L.shape == (n, n) and L.dtype == np.float64
    assert not np.any(np.triu(L, 1)), "L has entries above the diagonal"
    assert np.all(np.diag(L) > 0)
    if n:
        ratio = fro(L @ L.T - A) / (n * fro(A) * EPS)
        assert ratio < RATIO_LIMIT, f"||L L^T - A|| / (n ||A|| eps) = {ratio:.1f}"
    return L


@SETTINGS
@given(n=st.integers(1, 64), seed=st.integers(0, 2**32 - 1))
def test_cholesky_random(backend, n, seed):
    A = spd(n, seed)
    L = check_cholesky(backend, A)
    expected = np.linalg.cholesky(A)  # unique: compare directly
    assert fro(L - expected) <= cond_rtol(A) * fro(expected)


@pytest.mark.parametrize(
    "name, A",
    [
        ("1x1", np.array([[4.0]])),
        ("diagonal", np.diag([1.0, 1e-8, 1e8, 3.0])),
        ("wide scales", spd(40, 7, scale_spread=4.0)),
        ("hilbert 8", hilbert(8)),
        ("blocked 150", spd(150, 11)),
    ],
)
def test_cholesky_cases(backend, name, A):
    check_cholesky(backend, A)


def test_cholesky_reads_only_the_lower_triangle(backend):
    A = spd(70, 3)
    garbage = A + np.triu(np.full(A.shape, np.nan), 1)
    np.testing.assert_array_equal(backend.cholesky(garbage), backend.cholesky(A))


@pytest.mark.parametrize(
    "A",
    [[[1.0, 2.0], [2.0, 1.0]], [[0.0]], [[1.0, 1.0], [1.0, 1.0]], np.diag([1.0, 2.0, -3.0])],
    ids=["indefinite", "zero", "semidefinite", "negative pivot"],
)
def test_cholesky_not_positive_definite(backend, A):
    with pytest.raises(LinAlgError, match="Matrix is not positive definite"):
        backend.cholesky(A)


def test_cholesky_nan_rule_and_empty(backend):
    L = backend.cholesky([[4.0, 0.0], [np.nan, 9.0]])
    assert L.shape == (2, 2) and np.isnan(L).all()
    assert backend.cholesky(np.zeros((0, 0))).shape == (0, 0)


# --- QR -----------------------------------------------------------------------


def check_qr(backend, A: np.ndarray) -> QRResult:
    m, n = A.shape
    k = min(m, n)
    res = backend.qr(A)
    assert type(res) is QRResult
    Q, R = res
    assert Q.shape == (m, k) and R.shape == (k, n)
    assert not np.any(np.tril(R, -1)), "R has entries below the diagonal"
    if k:
        ratio = fro(Q @ R - A) / (max(m, n) * max(fro(A), np.finfo(float).tiny) * EPS)
        assert ratio < RATIO_LIMIT, f"||Q R - A|| / (max(m,n) ||A|| eps) = {ratio:.1f}"
        ratio = fro(Q.T @ Q - np.eye(k)) / (m * EPS)
        assert ratio < RATIO_LIMIT, f"||Q^T Q - I|| / (m eps) = {ratio:.1f}"
    return res


def positive_diagonal(Q: np.ndarray, R: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The unique QR with diag(R) > 0 (A of full column rank)."""
    s = np.where(np.diag(R) < 0, -1.0, 1.0)
    return Q * s, R * s[:, None]


@SETTINGS
@given(m=st.integers(1, 64), n=st.integers(1, 64), seed=st.integers(0, 2**32 - 1))
def test_qr_random(backend, m, n, seed):
    A = np.random.default_rng(seed).standard_normal((m, n))
    Q, R = check_qr(backend, A)
    if m >= n:  # full column rank (almost surely): the factors are unique up to signs
        Qn, Rn = positive_diagonal(*np.linalg.qr(A))
        Qg, Rg = positive_diagonal(Q, R)
        rtol = SAFETY * m * EPS * float(np.linalg.cond(A))  # first-order QR perturbation bound
        assert fro(Rg - Rn) <= rtol * fro(Rn)
        assert fro(Qg - Qn) <= rtol * fro(Qn)


@pytest.mark.parametrize(
    "name, A",
    [
        ("1x1", np.array([[-3.0]])),
        ("tall", np.random.default_rng(1).standard_normal((200, 30))),
        ("wide", np.random.default_rng(2).standard_normal((30, 200))),
        ("square 150", np.random.default_rng(3).standard_normal((150, 150))),
        ("rank-deficient", np.outer(np.arange(1.0, 9.0), np.arange(1.0, 6.0))),
        ("zero column", np.column_stack([np.ones(5), np.zeros(5), np.arange(5.0)])),
        ("triangular", np.triu(np.random.default_rng(4).standard_normal((6, 6)))),
        ("hilbert 10", hilbert(10)),
        ("entries 1e-8..1e8", np.random.default_rng(5).standard_normal((20, 12)) * 10.0 ** np.linspace(-8, 8, 12)),
    ],
)
def test_qr_cases(backend, name, A):
    check_qr(backend, A)


def test_qr_signs_follow_lapack(backend):
    """numpy.linalg.qr (LAPACK) of this A has R = [[-5, -2.2], [0, -sqrt(25.16)]]."""
    Q, R = backend.qr([[3.0, 1.0], [4.0, 2.0], [0.0, 5.0]])
    np.testing.assert_allclose(R, [[-5.0, -2.2], [0.0, -np.sqrt(25.16)]], rtol=8 * EPS, atol=8 * EPS * 5)
    np.testing.assert_allclose(Q[:, 0], [-0.6, -0.8, 0.0], atol=8 * EPS)


def test_qr_empty_and_nan_rule(backend):
    Q, R = backend.qr(np.zeros((0, 3)))
    assert Q.shape == (0, 0) and R.shape == (0, 3)
    Q, R = backend.qr(np.zeros((3, 0)))
    assert Q.shape == (3, 0) and R.shape == (0, 0)
    Q, R = backend.qr([[1.0, np.inf], [0.0, 1.0]])
    assert np.isnan(Q).all() and np.isnan(R).all()


# --- eigh ---------------------------------------------------------------------


def symmetric(n: int, seed: int) -> np.ndarray:
    B = np.random.default_rng(seed).standard_normal((n, n))
    return (B + B.T) / 2


def check_eigh(backend, A: np.ndarray):
    n = A.shape[0]
    res = backend.eigh(A)
    assert type(res) is EighResult
    w, V = res
    assert w.shape == (n,) and V.shape == (n, n)
    assert np.all(np.diff(w) >= 0), "eigenvalues not ascending"
    if n:
        scale = max(fro(A), np.finfo(float).tiny)
        ratio = fro(A @ V - V * w) / (n * scale * EPS)
        assert ratio < RATIO_LIMIT, f"||A V - V diag(w)|| / (n ||A|| eps) = {ratio:.1f}"
        ratio = fro(V.T @ V - np.eye(n)) / (n * EPS)
        assert ratio < RATIO_LIMIT, f"||V^T V - I|| / (n eps) = {ratio:.1f}"
        # Eigenvalues are perfectly conditioned: |w - w_numpy| <= n eps ||A||.
        w_np = np.linalg.eigvalsh(A)
        assert np.max(np.abs(w - w_np)) <= SAFETY * n * EPS * np.linalg.norm(A, 2)
    return res


def sign_canonical(V: np.ndarray) -> np.ndarray:
    """Columns flipped so that each one's largest-|.| entry is positive (svd_flip)."""
    idx = np.argmax(np.abs(V), axis=0)
    return V * np.sign(V[idx, np.arange(V.shape[1])])


@SETTINGS
@given(n=st.integers(1, 64), seed=st.integers(0, 2**32 - 1))
def test_eigh_random(backend, n, seed):
    A = symmetric(n, seed)
    w, V = check_eigh(backend, A)
    w_np, V_np = np.linalg.eigh(A)
    # Vectors are unique up to sign where the spectrum is separated: the
    # error of vector j is about eps ||A|| / gap_j.
    gaps = np.minimum(np.diff(w_np, prepend=-np.inf), np.diff(w_np, append=np.inf))
    ok = gaps > 1e-6 * np.linalg.norm(A, 2)
    if ok.any():
        tol = SAFETY * n * EPS * (1 + np.linalg.norm(A, 2) / gaps[ok])
        err = np.abs(sign_canonical(V)[:, ok] - sign_canonical(V_np)[:, ok]).max(axis=0)
        assert np.all(err <= tol), f"vector errors {err} above {tol}"


@pytest.mark.parametrize(
    "name, A",
    [
        ("1x1", np.array([[-2.0]])),
        ("empty", np.zeros((0, 0))),
        ("identity (repeated)", np.eye(12)),
        ("diagonal, unsorted", np.diag([3.0, -1.0, 3.0, 0.0, 1e-8, -1e8])),
        ("wilkinson 21", np.diag(np.abs(np.arange(-10.0, 11.0))) + np.diag(np.ones(20), 1) + np.diag(np.ones(20), -1)),
        ("hilbert 12", hilbert(12)),
        ("rank one", np.outer(np.arange(1.0, 9.0), np.arange(1.0, 9.0))),
        ("entries 1e-8..1e8", symmetric(30, 1) * np.sqrt(np.outer(10.0 ** np.linspace(-8, 8, 30), 10.0 ** np.linspace(-8, 8, 30)))),
        ("tridiagonal", np.diag(np.arange(1.0, 41.0)) + np.diag(np.full(39, 0.5), 1) + np.diag(np.full(39, 0.5), -1)),
        ("size 150", symmetric(150, 2)),
    ],
)
def test_eigh_cases(backend, name, A):
    check_eigh(backend, A)


def test_eigh_reads_only_the_lower_triangle(backend):
    A = symmetric(30, 3)
    garbage = A + np.triu(np.full(A.shape, np.nan), 1)
    w1, _ = backend.eigh(A)
    w2, _ = backend.eigh(garbage)
    np.testing.assert_array_equal(w1, w2)


def test_eigh_notes_example(backend):
    """A symmetric 2x2 with known eigenpairs: [[2, 1], [1, 2]] has 1 and 3,
    with vectors (1, -1)/sqrt(2) and (1, 1)/sqrt(2)."""
    w, V = backend.eigh([[2.0, 1.0], [1.0, 2.0]])
    np.testing.assert_allclose(w, [1.0, 3.0], rtol=4 * EPS)
    np.testing.assert_allclose(np.abs(V), np.full((2, 2), np.sqrt(0.5)), rtol=8 * EPS)


# --- svd ------------------------------------------------------------------------


def check_svd(backend, A: np.ndarray, full: bool):
    m, n = A.shape
    k = min(m, n)
    res = backend.svd(A, full_matrices=full)
    assert type(res) is SVDResult
    U, S, Vh = res
    assert U.shape == ((m, m) if full else (m, k)) and S.shape == (k,) and Vh.shape == ((n, n) if full else (k, n))
    assert np.all(S >= 0) and np.all(np.diff(S) <= 0), "singular values not descending and >= 0"
    for what, X in (("U", U), ("Vh^T", Vh.T)):
        if X.shape[1]:
            ratio = fro(X.T @ X - np.eye(X.shape[1])) / (max(X.shape) * EPS)
            assert ratio < RATIO_LIMIT, f"{what}: ||X^T X - I|| / (max(m,n) eps) = {ratio:.1f}"
    if k and (amax := float(np.max(np.abs(A)))):
        As = A / amax  # the ratios are scale-free; this keeps huge entries from overflowing the norms
        ratio = fro((U[:, :k] * (S / amax)) @ Vh[:k] - As) / (max(m, n) * fro(As) * EPS)
        assert ratio < RATIO_LIMIT, f"||U S Vh - A|| / (max(m,n) ||A|| eps) = {ratio:.1f}"
        # Singular values are perfectly conditioned: |S - S_numpy| <= max(m,n) eps ||A||_2.
        S_np = np.linalg.svd(As, compute_uv=False) * amax
        assert np.max(np.abs(S - S_np)) <= SAFETY * max(m, n) * EPS * S[0]
    return res


@SETTINGS
@given(m=st.integers(1, 48), n=st.integers(1, 48), full=st.booleans(), seed=st.integers(0, 2**32 - 1))
def test_svd_random(backend, m, n, full, seed):
    A = np.random.default_rng(seed).standard_normal((m, n))
    U, S, Vh = check_svd(backend, A, full)
    k = min(m, n)
    Un, Sn, Vhn = np.linalg.svd(A, full_matrices=False)
    gaps = np.minimum(np.abs(np.diff(Sn, prepend=np.inf)), np.abs(np.diff(Sn, append=-np.inf)))
    ok = gaps > 1e-6 * Sn[0]
    if ok.any():  # separated singular values: vectors unique up to sign (err ~ eps ||A|| / gap)
        tol = SAFETY * max(m, n) * EPS * (1 + Sn[0] / gaps[ok])
        both = np.vstack([U[:, :k], Vh[:k].T])  # flip u and v together
        both_n = np.vstack([Un, Vhn.T])
        err = np.abs(sign_canonical(both)[:, ok] - sign_canonical(both_n)[:, ok]).max(axis=0)
        assert np.all(err <= tol), f"vector errors {err} above {tol}"


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize(
    "name, A",
    [
        ("1x1", np.array([[-2.0]])),
        ("empty rows", np.zeros((0, 3))),
        ("empty columns", np.zeros((3, 0))),
        ("zero", np.zeros((4, 3))),
        ("rank one", np.outer(np.arange(1.0, 9.0), np.arange(1.0, 6.0))),
        ("rank 2 wide", np.random.default_rng(6).standard_normal((10, 2)) @ np.random.default_rng(7).standard_normal((2, 25))),
        ("diagonal", np.diag([3.0, -4.0, 0.0, 1e-8])),
        ("hilbert 12", hilbert(12)),
        ("columns 1e-8..1e8", np.random.default_rng(8).standard_normal((30, 17)) * 10.0 ** np.linspace(-8, 8, 17)),
        ("tall 120x40", np.random.default_rng(9).standard_normal((120, 40))),
        ("wide 40x120", np.random.default_rng(10).standard_normal((40, 120))),
        ("huge entries", np.array([[1e300, 2e300], [3e300, 4e300]])),
    ],
)
def test_svd_cases(backend, name, A, full):
    check_svd(backend, A, full)


def test_svd_known_values(backend):
    """diag(3, -4) has singular values 4 and 3; [[3, 0], [4, 5]] has
    sqrt(45) and sqrt(5) (S^2 are the eigenvalues of A^T A = [[25, 20], [20, 25]])."""
    np.testing.assert_array_equal(backend.svd(np.diag([3.0, -4.0])).S, [4.0, 3.0])
    np.testing.assert_allclose(backend.svd([[3.0, 0.0], [4.0, 5.0]]).S, [np.sqrt(45.0), np.sqrt(5.0)], rtol=8 * EPS)


# --- built on the SVD: pinv, matrix_rank, cond, low_rank_approx, pca -----------


def rank_k(m: int, n: int, k: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return rng.standard_normal((m, k)) @ rng.standard_normal((k, n))


@pytest.mark.parametrize(
    "A",
    [np.random.default_rng(11).standard_normal((7, 4)), np.random.default_rng(12).standard_normal((4, 7)), rank_k(8, 6, 2, 13), np.array([[2.0]])],
    ids=["tall", "wide", "rank 2", "1x1"],
)
def test_pinv_penrose_conditions(backend, A):
    """The four Penrose conditions, within n eps kappa, kappa = s_max / s_r
    the condition number on A's range (r its rank); and numpy's pinv."""
    P = backend.pinv(A)
    assert P.shape == A.shape[::-1]
    s = np.linalg.svd(A, compute_uv=False)
    kappa = s[0] / s[np.linalg.matrix_rank(A) - 1]
    tol = SAFETY * max(A.shape) * EPS * kappa
    assert fro(A @ P @ A - A) <= tol * fro(A)
    assert fro(P @ A @ P - P) <= tol * kappa * fro(P)
    assert fro((A @ P).T - A @ P) <= tol * fro(A @ P)
    assert fro((P @ A).T - P @ A) <= tol * fro(P @ A)
    assert fro(P - np.linalg.pinv(A)) <= tol * kappa * fro(P)


def test_pinv_rcond_drops_small_singular_values(backend):
    A = np.diag([1.0, 1e-10])
    np.testing.assert_array_equal(backend.pinv(A, rcond=1e-8), [[1.0, 0.0], [0.0, 0.0]])
    np.testing.assert_allclose(backend.pinv(A), np.diag([1.0, 1e10]), rtol=4 * EPS)
    assert backend.pinv(np.zeros((0, 3))).shape == (3, 0)


@pytest.mark.parametrize(
    "A, rank",
    [(np.eye(5), 5), (np.zeros((3, 4)), 0), (rank_k(9, 7, 3, 14), 3), (rank_k(6, 12, 2, 15), 2), (hilbert(8), 8), (np.ones((4, 4)), 1)],
    ids=["identity", "zero", "rank 3", "rank 2 wide", "hilbert 8", "ones"],
)
def test_matrix_rank(backend, A, rank):
    assert backend.matrix_rank(A) == rank == np.linalg.matrix_rank(A)
    assert backend.matrix_rank(np.diag([1.0, 1e-3, 1e-9]), tol=1e-6) == 2


def test_cond(backend):
    assert backend.cond(np.diag([2.0, -8.0])) == 4.0
    assert backend.cond([[1.0, 0.0], [0.0, 0.0]]) == np.inf
    for A in (np.random.default_rng(16).standard_normal((20, 20)), np.random.default_rng(17).standard_normal((30, 10)), hilbert(6)):
        c, c_np = backend.cond(A), np.linalg.cond(A)
        assert type(c) is float and abs(c - c_np) <= SAFETY * max(A.shape) * EPS * c_np * c_np


@pytest.mark.parametrize("k", [1, 2, 5, 6])
def test_low_rank_approx_eckart_young(backend, k):
    A = np.random.default_rng(18).standard_normal((9, 6))
    U_k, s_k, Vt_k, A_k = backend.low_rank_approx(A, k)
    assert U_k.shape == (9, k) and s_k.shape == (k,) and Vt_k.shape == (k, 6) and A_k.shape == (9, 6)
    s = np.linalg.svd(A, compute_uv=False)
    np.testing.assert_allclose(s_k, s[:k], rtol=SAFETY * 9 * EPS)
    assert fro((U_k * s_k) @ Vt_k - A_k) <= SAFETY * 9 * EPS * fro(A)
    err2 = np.linalg.norm(A - A_k, 2)  # the 2-norm error is the first dropped singular value
    assert abs(err2 - (s[k] if k < 6 else 0.0)) <= SAFETY * 9 * EPS * s[0]


def test_low_rank_approx_notes_example(backend):
    """The notes' rank-1 example: a matrix that is rank 1 up to a small
    perturbation is reconstructed within that perturbation."""
    A = np.outer([1.0, 2.0, 3.0], [4.0, 5.0]) + 1e-3 * np.array([[1.0, -1.0], [0.0, 1.0], [1.0, 0.0]])
    _, s_k, _, A_k = backend.low_rank_approx(A, 1)
    assert fro(A - A_k) <= 2e-3 and s_k[0] > 10


@pytest.mark.parametrize("c", [1, 2, 3])
def test_pca_matches_the_covariance_eigenvectors(backend, c):
    """The notes' definition as the oracle: components are the leading
    eigenvectors of the sample covariance, explained variance its
    eigenvalues; signs as sklearn (largest |entry| positive)."""
    rng = np.random.default_rng(19)
    X = rng.standard_normal((50, 4)) @ np.diag([5.0, 2.0, 1.0, 0.3]) @ np.linalg.qr(rng.standard_normal((4, 4)))[0] + 7.0
    comps, ev, ratio, mean, T = backend.pca(X, c)
    w, V = np.linalg.eigh(np.cov(X, rowvar=False))
    w, V = w[::-1], V[:, ::-1]
    np.testing.assert_allclose(mean, X.mean(axis=0), rtol=SAFETY * 50 * EPS)
    np.testing.assert_allclose(ev, w[:c], rtol=1e3 * EPS)
    np.testing.assert_allclose(ratio, w[:c] / w.sum(), rtol=1e3 * EPS)
    np.testing.assert_allclose(comps, sign_canonical(V[:, :c]).T, atol=1e-10)
    assert np.all(comps[np.arange(c), np.argmax(np.abs(comps), axis=1)] > 0)
    np.testing.assert_allclose(T, (X - mean) @ comps.T, atol=1e-10)


def test_pca_constant_data(backend):
    _, ev, ratio, mean, T = backend.pca(np.ones((4, 2)), 1)
    assert ev[0] == 0 and np.isnan(ratio[0]) and np.array_equal(mean, [1.0, 1.0]) and not np.any(T)


# --- eig ------------------------------------------------------------------------


def check_eig(backend, A: np.ndarray):
    n = A.shape[0]
    res = backend.eig(A)
    assert type(res) is EigResult
    w, v = res
    assert w.shape == (n,) and v.shape == (n, n)
    complex_result = bool(np.any(np.iscomplex(w)))
    assert w.dtype == v.dtype == (np.complex128 if complex_result else np.float64), "numpy's dtype rule"
    if complex_result:  # pairs of conjugates
        assert np.allclose(np.sort_complex(w), np.sort_complex(np.conj(w)), rtol=0, atol=0)
    if n:
        scale = max(fro(A), np.finfo(float).tiny)
        ratio = max(fro(A @ v[:, j] - w[j] * v[:, j]) for j in range(n)) / (n * scale * EPS)
        assert ratio < RATIO_LIMIT, f"max ||A v - w v|| / (n ||A|| eps) = {ratio:.1f}"
        np.testing.assert_allclose(np.linalg.norm(v, axis=0), 1.0, rtol=SAFETY * n * EPS)
        # Eigenvalues against LAPACK's, each within n eps ||A|| times its
        # condition number kappa_j = 1 / |y_j^H x_j| (unit left/right vectors).
        w_ref, vl, vr = scipy.linalg.eig(A, left=True, right=True)
        kappa = np.linalg.norm(vl, axis=0) * np.linalg.norm(vr, axis=0) / np.abs(np.sum(np.conj(vl) * vr, axis=0))
        taken = np.zeros(n, bool)
        for wj, kj in zip(w_ref, kappa):
            d = np.where(taken, np.inf, np.abs(w - wj))
            i = int(np.argmin(d))
            assert d[i] <= SAFETY * n * EPS * scale * kj, f"eigenvalue {wj} not matched: nearest {w[i]}, kappa {kj:.2g}"
            taken[i] = True
    return res


@SETTINGS
@given(n=st.integers(1, 48), seed=st.integers(0, 2**32 - 1))
def test_eig_random(backend, n, seed):
    check_eig(backend, np.random.default_rng(seed).standard_normal((n, n)))


def rotation(theta: float) -> np.ndarray:
    return np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])


@pytest.mark.parametrize(
    "name, A",
    [
        ("1x1", np.array([[-2.0]])),
        ("empty", np.zeros((0, 0))),
        ("rotation", rotation(0.3)),
        ("rotation by pi/2", rotation(np.pi / 2)),
        ("block rotations", np.kron(np.eye(3), rotation(1.0)) + np.diag(np.arange(6.0))),
        ("companion x^5 - 1", np.eye(5, k=-1) + np.eye(5, k=4) * 1.0),
        ("symmetric", symmetric(25, 4)),
        ("upper triangular", np.triu(np.random.default_rng(5).standard_normal((12, 12)))),
        ("diagonal repeated", np.diag([3.0, -1.0, 3.0, 0.0])),
        ("zero", np.zeros((4, 4))),
        ("hilbert 8", hilbert(8)),
        ("rank one", np.outer(np.arange(1.0, 7.0), np.arange(2.0, 8.0))),
        ("entries 1e-8..1e8", np.random.default_rng(6).standard_normal((15, 15)) * 10.0 ** np.add.outer(np.linspace(-4, 4, 15), np.linspace(-4, 4, 15))),
        ("size 120", np.random.default_rng(7).standard_normal((120, 120))),
    ],
)
def test_eig_cases(backend, name, A):
    check_eig(backend, A)


def test_eig_notes_example(backend):
    """The notes' eig of [[1, 2], [3, 4]]: (5 -+ sqrt(33)) / 2, real."""
    w, v = backend.eig([[1.0, 2.0], [3.0, 4.0]])
    assert w.dtype == np.float64
    np.testing.assert_allclose(np.sort(w), [(5 - np.sqrt(33)) / 2, (5 + np.sqrt(33)) / 2], rtol=8 * EPS)


def test_eig_rotation_is_complex(backend):
    w, v = backend.eig(rotation(0.3))
    assert w.dtype == v.dtype == np.complex128
    np.testing.assert_allclose(np.sort_complex(w), [np.exp(-0.3j), np.exp(0.3j)], rtol=8 * EPS)


@pytest.mark.parametrize("scale", [1e-300, 1e-200, 1e-160, 1e160, 1e200, 1e300])
def test_eig_and_eigh_of_tiny_and_huge_matrices(backend, scale):
    """Go's eig and eigh once failed ("did not converge"), returned NaN or lost
    the eigenvalues (rotation * 1e-200 gave 0, 0) for entries beyond 1e+-154:
    they scale by a power of two now, as LAPACK does (found by tests/hostile)."""
    A = np.array([[2.0, 1.0, 0.0], [1.0, 3.0, 1.0], [0.0, 1.0, 4.0]])
    w = np.sort_complex(backend.eig(rotation(0.3) * scale).eigenvalues / scale)
    np.testing.assert_allclose(w, [np.exp(-0.3j), np.exp(0.3j)], rtol=64 * EPS)
    np.testing.assert_allclose(np.sort(backend.eig(A * scale).eigenvalues.real / scale), np.linalg.eigvalsh(A), rtol=64 * EPS)
    np.testing.assert_allclose(backend.eigh(A * scale).eigenvalues / scale, np.linalg.eigvalsh(A), rtol=64 * EPS)
