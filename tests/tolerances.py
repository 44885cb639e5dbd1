"""Tolerances scaled by size and conditioning, never a bare 1e-6.

A sum of n floating-point terms carries an error of at most about
n * eps * sum|terms| (Higham, Accuracy and Stability, 3.1), and a linear solve
with an LU factorization an error of about n * eps * cond(A) relative to the
solution (Higham 9.2). Every comparison in the tests uses one of these bounds,
times a small safety factor.
"""

from __future__ import annotations

import numpy as np

EPS = np.finfo(np.float64).eps
#: The smallest subnormal: each product that underflows may lose up to this.
UNDERFLOW = float(np.finfo(np.float64).smallest_subnormal)
#: Safety factor on the textbook bounds, which are tight only in the worst case.
SAFETY = 4.0


def sum_tol(terms) -> float:
    """Absolute tolerance for a sum of ``terms``: n * eps * sum|terms|, plus
    n * (smallest subnormal) for terms that underflowed (Higham 3.1)."""
    terms = np.abs(np.asarray(terms, dtype=np.float64)).ravel()
    n = max(terms.size, 1)
    return SAFETY * n * EPS * float(np.sum(terms)) + n * UNDERFLOW


def dot_tol(v, w) -> float:
    """Absolute tolerance for <v, w>."""
    return sum_tol(np.asarray(v, dtype=float) * np.asarray(w, dtype=float))


def matmul_tol(A, B) -> np.ndarray:
    """Elementwise absolute tolerance for A @ B: k * eps * (|A| @ |B|)."""
    A, B = np.abs(np.asarray(A, dtype=float)), np.abs(np.asarray(B, dtype=float))
    k = max(A.shape[1], 1)
    return SAFETY * k * EPS * (A @ B) + np.finfo(float).tiny


def cond_rtol(A) -> float:
    """Relative tolerance for inv/solve/det with matrix A: n * eps * cond(A)
    (SAFETY * eps for a 0x0 matrix, which has nothing to round)."""
    A = np.asarray(A, dtype=float)
    if A.size == 0:
        return SAFETY * EPS
    n = max(A.shape[0], 1)
    return SAFETY * n * EPS * max(float(np.linalg.cond(A)), 1.0)


def assert_close_rel(actual, expected, rtol: float, what: str = "") -> None:
    """Assert ||actual - expected|| <= rtol * ||expected|| (norms over all entries)."""
    actual, expected = np.asarray(actual, dtype=float), np.asarray(expected, dtype=float)
    assert actual.shape == expected.shape, f"{what}: shape {actual.shape} != {expected.shape}"
    err = float(np.linalg.norm((actual - expected).ravel()))
    scale = float(np.linalg.norm(expected.ravel()))
    assert err <= rtol * scale + np.finfo(float).tiny, f"{what}: error {err:.3e} > {rtol:.3e} * {scale:.3e}"
