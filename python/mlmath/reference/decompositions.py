"""Matrix decompositions: the numpy reference (numpy.linalg)."""

from __future__ import annotations

import numpy as np

from mlmath import _validate as _v
from mlmath._results import EighResult, QRResult, SVDResult


def cholesky(A) -> np.ndarray:
    """Lower Cholesky factor ``L`` of a symmetric positive definite matrix:
    ``A = L @ L.T``.

    Only the lower triangle of ``A`` is read (numpy.linalg.cholesky and
    LAPACK's dpotrf with UPLO='L'); the upper triangle may hold anything.

    Parameters
    ----------
    A : (n, n) array_like

    Returns
    -------
    L : (n, n) ndarray
        Lower triangular with a positive diagonal; zeros above it.

    Raises
    ------
    numpy.linalg.LinAlgError
        If A is not square, or not positive definite ("Matrix is not
        positive definite": a pivot ``a_jj - sum_p l_jp**2`` is not > 0).
    ValueError
        If A is not 2-D.

    Notes
    -----
    NaN rule (the same on both backends, as for ``inv``): NaN or Inf in the
    lower triangle gives an L of all NaN, no error. numpy with OpenBLAS
    returns a mix of NaN and finite entries there, depending on the kernel.
    """
    A = _v.square("cholesky", "A", A)
    lower = np.tril(A)
    if not np.isfinite(lower).all():
        return np.full(A.shape, np.nan)
    try:
        return np.linalg.cholesky(lower)
    except np.linalg.LinAlgError:
        raise np.linalg.LinAlgError("cholesky: Matrix is not positive definite") from None


def qr(A) -> QRResult:
    """Reduced QR factorization ``A = Q @ R`` by Householder reflections.

    Parameters
    ----------
    A : (m, n) array_like

    Returns
    -------
    QRResult(Q, R)
        Q : (m, k) ndarray with orthonormal columns, k = min(m, n);
        R : (k, n) ndarray, upper triangular (trapezoidal when m < n).
        Signs follow LAPACK (dgeqrf/dorgqr), as numpy.linalg.qr: R's
        diagonal may be negative. Q and R are unique only up to the signs
        of R's rows and Q's columns (and less for a rank-deficient A).

    Raises
    ------
    ValueError
        If A is not 2-D.

    Notes
    -----
    NaN rule (the same on both backends): NaN or Inf anywhere in A gives Q
    and R of all NaN. numpy propagates them through LAPACK, leaving parts
    finite.
    """
    A = _v.matrix("qr", "A", A)
    m, n = A.shape
    k = min(m, n)
    if not np.isfinite(A).all():
        return QRResult(np.full((m, k), np.nan), np.full((k, n), np.nan))
    Q, R = np.linalg.qr(A, mode="reduced")
    return QRResult(np.ascontiguousarray(Q), np.ascontiguousarray(R))


def eigh(A) -> EighResult:
    """Eigendecomposition ``A = V @ diag(w) @ V.T`` of a symmetric matrix.

    Only the lower triangle of ``A`` is read (numpy.linalg.eigh with
    UPLO='L'); the upper triangle may hold anything.

    Parameters
    ----------
    A : (n, n) array_like

    Returns
    -------
    EighResult(eigenvalues, eigenvectors)
        eigenvalues : (n,) ndarray, ascending;
        eigenvectors : (n, n) ndarray whose column j is a unit eigenvector
        for eigenvalue j, the columns orthonormal. Each column is defined up
        to sign, and for a repeated eigenvalue only the subspace is unique.

    Raises
    ------
    numpy.linalg.LinAlgError
        If A is not square; if its lower triangle holds NaN or Inf ("Array
        must not contain infs or NaNs": numpy returns NaN-filled results
        there instead, depending on the LAPACK build); if the iteration does
        not converge.
    ValueError
        If A is not 2-D.
    """
    A = _v.square("eigh", "A", A)
    if not np.isfinite(np.tril(A)).all():
        raise np.linalg.LinAlgError("eigh: Array must not contain infs or NaNs")
    w, V = np.linalg.eigh(A, UPLO="L")
    return EighResult(w, np.ascontiguousarray(V))


def svd(A, full_matrices=False) -> SVDResult:
    """Singular value decomposition ``A = U @ diag(S) @ Vh``.

    Parameters
    ----------
    A : (m, n) array_like
    full_matrices : bool, optional
        False (the default here; numpy's default is True): U is (m, k) and
        Vh is (k, n), k = min(m, n). True: U is (m, m) and Vh is (n, n),
        their extra columns and rows completing orthonormal bases.

    Returns
    -------
    SVDResult(U, S, Vh)
        S : (k,) ndarray, the singular values, non-negative and descending;
        the columns of U and the rows of Vh are orthonormal singular
        vectors, each defined up to sign (for repeated or zero singular
        values only their subspace is unique).

    Raises
    ------
    numpy.linalg.LinAlgError
        If A holds NaN or Inf ("Array must not contain infs or NaNs"; numpy
        raises "SVD did not converge" for NaN and returns NaN for Inf), or if
        the iteration does not converge.
    ValueError
        If A is not 2-D.
    TypeError
        If full_matrices is not a bool.
    """
    A = _v.matrix("svd", "A", A)
    full = _v.flag("svd", "full_matrices", full_matrices)
    if not np.isfinite(A).all():
        raise np.linalg.LinAlgError("svd: Array must not contain infs or NaNs")
    U, S, Vh = np.linalg.svd(A, full_matrices=full)
    return SVDResult(np.ascontiguousarray(U), S, np.ascontiguousarray(Vh))
