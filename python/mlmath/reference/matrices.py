"""Matrices: product, transpose, determinant, inverse, linear solve.

Matrices are 2-D array_likes of real numbers (converted to float64, never
modified). det, inv and solve follow numpy.linalg: LU factorization with
partial pivoting (LAPACK getrf).

"Exactly singular" means what it means to LAPACK: the LU factorization meets a
pivot that is exactly 0.0 in floating point. A matrix that is singular only in
exact arithmetic, like [[1, 2, 3], [4, 5, 6], [7, 8, 9]], may or may not meet
one, depending on the order of the rounding; numpy (OpenBLAS) and the Go
backend order the elimination differently, so on such matrices one backend can
raise "Singular matrix" (det 0.0) where the other returns an inverse with huge
entries (and a det near 0). Both answers are backward stable; test conditioning
with ``numpy.linalg.cond`` rather than relying on the error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v


def matmul(A: ArrayLike, B: ArrayLike) -> NDArray[np.float64]:
    """Matrix product ``A @ B``.

    Parameters
    ----------
    A : (m, k) array_like
    B : (k, n) or (k,) array_like

    Returns
    -------
    (m, n) ndarray, or (m,) when B is 1-D. k == 0 gives zeros.

    Raises
    ------
    ValueError
        If A is not 2-D, B is not 1-D or 2-D, or the inner dimensions differ
        ("shapes (2, 3) and (2, 3) not aligned: 3 (dim 1) != 2 (dim 0)").
    TypeError
        If either holds non-real data.
    """
    A, B = _v.matmul_operands("matmul", A, B)
    return A @ B


def transpose(A: ArrayLike) -> NDArray[np.float64]:
    """Transpose ``A.T`` as a new C-contiguous array (not a view).

    Parameters
    ----------
    A : (m, n) array_like

    Returns
    -------
    (n, m) ndarray
    """
    A = _v.matrix("transpose", "A", A)
    return cast("NDArray[np.float64]", A.T.copy())  # order="C"; ascontiguousarray would return a view for (1, n)


def det(A: ArrayLike) -> float:
    """Determinant of a square matrix, by LU with partial pivoting.

    Parameters
    ----------
    A : (n, n) array_like

    Returns
    -------
    float
        1.0 for a 0x0 matrix; exactly 0.0 when a pivot is exactly zero
        (a singular matrix is not an error).

    Raises
    ------
    numpy.linalg.LinAlgError
        If A is not square.
    ValueError
        If A is not 2-D.

    Notes
    -----
    NaN rule (the same on both backends): a matrix containing NaN has
    determinant NaN. numpy with OpenBLAS is not consistent here: depending on where the NaN sits it reports a NaN
    pivot as singular (det 0.0) or leaves parts of the result finite.
    """
    A = _v.square("det", "A", A)
    if np.isnan(A).any():
        return float("nan")
    return float(np.linalg.det(A))


def inv(A: ArrayLike) -> NDArray[np.float64]:
    """Inverse ``A^-1`` of a square matrix, so that ``A @ inv(A) = I``.

    Parameters
    ----------
    A : (n, n) array_like

    Returns
    -------
    (n, n) ndarray

    Raises
    ------
    numpy.linalg.LinAlgError
        If A is not square, or exactly singular ("Singular matrix"). An
        ill-conditioned matrix is not an error: check ``np.linalg.cond(A)``.

    Notes
    -----
    NaN rule (the same on both backends): if A contains NaN, every entry of
    the inverse is NaN (no error). numpy with OpenBLAS is not consistent here: depending on where the NaN sits it reports a NaN
    pivot as singular ("Singular matrix") or leaves parts of the result finite.
    """
    A = _v.square("inv", "A", A)
    if np.isnan(A).any():
        return np.full(A.shape, np.nan)
    return _singular_to_error("inv", np.linalg.inv, A)


def solve(A: ArrayLike, b: ArrayLike) -> NDArray[np.float64]:
    """Solution ``x`` of ``A @ x = b``.

    Parameters
    ----------
    A : (n, n) array_like
    b : (n,) or (n, k) array_like

    Returns
    -------
    ndarray shaped like b: (n,) or (n, k)

    Raises
    ------
    numpy.linalg.LinAlgError
        If A is not square, or exactly singular ("Singular matrix").
    ValueError
        If b is not 1-D or 2-D or its first dimension is not n.

    Notes
    -----
    NaN rule (the same on both backends): if A contains NaN, all of x is
    NaN (no error); otherwise each column of b that contains NaN gives an
    all-NaN column of x (the columns are independent systems). numpy with
    OpenBLAS is not consistent here: depending on where the NaN sits it reports a NaN
    pivot as singular ("Singular matrix") or leaves parts of the result finite.
    """
    A, b = _v.solve_operands("solve", A, b)
    if np.isnan(A).any():
        return np.full(b.shape, np.nan)
    x = _singular_to_error("solve", np.linalg.solve, A, b)
    x[..., np.isnan(b).any(axis=0)] = np.nan
    return x


def _singular_to_error(func: str, f: Callable[..., NDArray[np.float64]], *args: NDArray[np.float64]) -> NDArray[np.float64]:
    """Call numpy's ``f``, prefixing its LinAlgError with our function's name."""
    try:
        return f(*args)
    except np.linalg.LinAlgError as e:
        raise np.linalg.LinAlgError(f"{func}: {e}") from None
