"""Matrix decompositions: the numpy reference (numpy.linalg)."""

from __future__ import annotations

from typing import cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v
from mlmath._results import EighResult, EigResult, LowRankResult, PCAResult, QRResult, SVDResult


def cholesky(A: ArrayLike) -> NDArray[np.float64]:
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
        return cast("NDArray[np.float64]", np.linalg.cholesky(lower))
    except np.linalg.LinAlgError:
        raise np.linalg.LinAlgError("cholesky: Matrix is not positive definite") from None


def qr(A: ArrayLike) -> QRResult:
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
    if k == 0:  # numpy's workspace grows with n even then: (0, 2**40) would need TiBs
        return QRResult(np.zeros((m, 0)), np.zeros((0, n)))
    Q, R = np.linalg.qr(A, mode="reduced")
    return QRResult(np.ascontiguousarray(Q), np.ascontiguousarray(R))


def eigh(A: ArrayLike) -> EighResult:
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


def svd(A: ArrayLike, full_matrices: bool = False) -> SVDResult:
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
    if A.size == 0 and not full:  # numpy's loop still walks the longer side: minutes for (0, 2**40)
        return SVDResult(np.zeros((A.shape[0], 0)), np.zeros(0), np.zeros((0, A.shape[1])))
    U, S, Vh = np.linalg.svd(A, full_matrices=full)
    return SVDResult(np.ascontiguousarray(U), S, np.ascontiguousarray(Vh))


def pinv(A: ArrayLike, rcond: float = 1e-15) -> NDArray[np.float64]:
    """Moore-Penrose pseudo-inverse ``A+ = V @ diag(1/s) @ U.T`` by the SVD.

    Singular values ``s_i <= rcond * s_max`` are treated as zero
    (numpy.linalg.pinv's rule and default rcond).

    Parameters
    ----------
    A : (m, n) array_like
    rcond : float, optional

    Returns
    -------
    (n, m) ndarray

    Raises
    ------
    numpy.linalg.LinAlgError
        If A holds NaN or Inf.
    ValueError
        If A is not 2-D.
    """
    A = _v.matrix("pinv", "A", A)
    rcond = _v.real_scalar("pinv", "rcond", rcond)
    _v.finite("pinv", A)
    if A.size == 0:
        return np.zeros(A.shape[::-1])
    return np.ascontiguousarray(np.linalg.pinv(A, rcond=rcond))


def matrix_rank(A: ArrayLike, tol: float | None = None) -> int:
    """Numerical rank: the number of singular values above ``tol``.

    Parameters
    ----------
    A : (m, n) array_like
    tol : float, optional
        Default (numpy.linalg.matrix_rank's): ``s_max * max(m, n) * eps``.

    Returns
    -------
    int

    Raises
    ------
    numpy.linalg.LinAlgError
        If A holds NaN or Inf.
    ValueError
        If A is not 2-D (numpy also takes 1-D arrays; mlmath does not).
    """
    A = _v.matrix("matrix_rank", "A", A)
    tol = -1.0 if tol is None else _v.real_scalar("matrix_rank", "tol", tol)
    _v.finite("matrix_rank", A)
    if A.size == 0:
        return 0
    s = np.linalg.svd(A, compute_uv=False)
    if tol < 0:
        tol = s[0] * max(A.shape) * np.finfo(np.float64).eps
    return int(np.count_nonzero(s > tol))


def cond(A: ArrayLike) -> float:
    """2-norm condition number ``s_max / s_min`` (numpy.linalg.cond, p=None).

    Parameters
    ----------
    A : (m, n) array_like, m, n >= 1

    Returns
    -------
    float
        inf when the smallest singular value is exactly 0.

    Raises
    ------
    numpy.linalg.LinAlgError
        If A holds NaN or Inf.
    ValueError
        If A is not 2-D, or empty (the condition number is undefined).
    """
    A = _v.matrix("cond", "A", A)
    if A.size == 0:
        raise ValueError(f"cond: undefined for an empty matrix, got shape {A.shape}")
    _v.finite("cond", A)
    s = np.linalg.svd(A, compute_uv=False)
    with np.errstate(divide="ignore"):
        return float(s[0] / s[-1])


def low_rank_approx(A: ArrayLike, k: int) -> LowRankResult:
    """Best rank-k approximation by the truncated SVD (the notes' interview
    answer): keep the k largest singular triplets and reconstruct.

    ``A_k = U_k @ diag(s_k) @ Vt_k`` minimizes ``||A - B||`` over matrices B
    of rank <= k in the 2-norm and the Frobenius norm (Eckart-Young); the
    2-norm error is ``s_{k+1}``.

    Parameters
    ----------
    A : (m, n) array_like
    k : int, 0 < k <= min(m, n)

    Returns
    -------
    LowRankResult(U_k, s_k, Vt_k, A_k)
        U_k (m, k), s_k (k,), Vt_k (k, n), A_k (m, n). The triplets' signs
        are arbitrary, as the SVD's; A_k is unique when s_k > s_{k+1}.

    Raises
    ------
    ValueError
        If A is not 2-D, or k is out of range.
    TypeError
        If k is not an integer.
    numpy.linalg.LinAlgError
        If A holds NaN or Inf.
    """
    A, k = _v.low_rank_operands("low_rank_approx", A, k)
    _v.finite("low_rank_approx", A)
    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    U_k, s_k, Vt_k = np.ascontiguousarray(U[:, :k]), s[:k].copy(), np.ascontiguousarray(Vt[:k])
    return LowRankResult(U_k, s_k, Vt_k, (U_k * s_k) @ Vt_k)


def pca(X: ArrayLike, n_components: int) -> PCAResult:
    """Principal component analysis with scikit-learn's conventions.

    The data are centred by their column means and not scaled; with the
    thin SVD ``Xc = U S Vt`` of the centred data:

    - components = the first n_components rows of Vt, each flipped so that
      its largest-|.| entry is positive (sklearn's svd_flip on Vt);
    - explained_variance = S**2 / (n_samples - 1) for those components;
    - explained_variance_ratio = their share of the total variance
      (NaN for constant data, sklearn's 0/0);
    - transformed = Xc @ components.T (what fit_transform returns).

    The notes compute PCA from the eigenvectors of the covariance matrix;
    the SVD gives the same components without forming X^T X, which squares
    the condition number.

    Parameters
    ----------
    X : (n_samples, n_features) array_like, n_samples >= 2
    n_components : int, 1 <= n_components <= min(n_samples, n_features)

    Returns
    -------
    PCAResult(components (c, n_features), explained_variance (c,),
              explained_variance_ratio (c,), mean (n_features,),
              transformed (n_samples, c))

    Raises
    ------
    ValueError
        If X is not 2-D, has fewer than 2 samples, or n_components is out
        of range.
    TypeError
        If n_components is not an integer.
    numpy.linalg.LinAlgError
        If X holds NaN or Inf.
    """
    X, c = _v.pca_operands("pca", X, n_components)
    samples, features = X.shape
    _v.finite("pca", X)
    mean = X.mean(axis=0)
    Xc = X - mean
    _v.finite("pca", Xc)  # the mean or the centering overflowed (entries near 1e308): Go's error, not numpy's "SVD did not converge"
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    signs = np.sign(Vt[np.arange(c), np.argmax(np.abs(Vt[:c]), axis=1)])
    components = Vt[:c] * signs[:, None]
    variance = S**2 / (samples - 1)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = S[:c] ** 2 / np.sum(S**2)
    transformed = U[:, :c] * (S[:c] * signs)
    return PCAResult(np.ascontiguousarray(components), variance[:c].copy(), ratio, mean, np.ascontiguousarray(transformed))


def eig(A: ArrayLike) -> EigResult:
    """Eigenvalues and right eigenvectors of a general square matrix:
    ``A @ v[:, j] = w[j] * v[:, j]``.

    Parameters
    ----------
    A : (n, n) array_like

    Returns
    -------
    EigResult(eigenvalues, eigenvectors)
        By numpy's rules: both float64 when every eigenvalue is real, both
        complex128 otherwise (complex eigenvalues of a real matrix come in
        conjugate pairs). The eigenvalues are in no particular order. Each
        eigenvector column has unit Euclidean norm; its sign (real case) or
        phase (complex case) is arbitrary. A defective matrix has fewer
        independent eigenvectors than n: some columns are then (nearly)
        parallel, as in numpy.

    Raises
    ------
    numpy.linalg.LinAlgError
        If A is not square, holds NaN or Inf ("Array must not contain infs
        or NaNs"), or the iteration does not converge.
    ValueError
        If A is not 2-D.

    Notes
    -----
    The notes' example: ``eig([[1, 2], [3, 4]])`` has eigenvalues
    (5 -+ sqrt(33)) / 2, about -0.372 and 5.372.
    """
    A = _v.square("eig", "A", A)
    _v.finite("eig", A)
    w, v = np.linalg.eig(A)
    return EigResult(w, np.ascontiguousarray(v))
