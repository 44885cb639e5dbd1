"""Decompositions on the Go backend; contracts in :mod:`mlmath.reference.decompositions`.

A decomposition large enough to take noticeable time (more than
:data:`INTERRUPTIBLE_WORK` multiply-adds, m*n*min(m, n)) reports to Python
about every 50 ms through the progress callback of the long loops
(:mod:`mlmath.go._callbacks`), so Ctrl-C stops it: the KeyboardInterrupt is
raised there and Go stops at its next check point. Smaller ones pass no
callback and pay nothing for it.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v
from mlmath._native import ffi, lib
from mlmath._results import EighResult, EigResult, LowRankResult, PCAResult, QRResult, SVDResult
from mlmath.go._buffers import DOUBLE1, out_ptr, ptr
from mlmath.go._callbacks import Progress, invoke, progress_arg
from mlmath.go._contract import same_contract
from mlmath.go._status import OK, error
from mlmath.go.calculus import PROGRESS_EVERY
from mlmath.reference import decompositions as _ref

#: m*n*min(m, n) above which a decomposition reports to Python (a few
#: milliseconds of Go work or more): the Ctrl-C threshold.
INTERRUPTIBLE_WORK = 10**7
_NULL = ffi.NULL


def _decompose(export: Callable[..., int], func: str, work: int, *args: object) -> None:
    """``export(*args, progress, ctx, every)``, raising for an error status.

    Up to INTERRUPTIBLE_WORK multiply-adds (``work``, m*n*min(m, n)) it
    passes no callback; above, the progress callback that only lets Python
    run (so a pending Ctrl-C raises there) about every PROGRESS_EVERY
    seconds, and the KeyboardInterrupt (or any exception) it stored is
    raised again."""
    if work <= INTERRUPTIBLE_WORK:
        status = export(*args, _NULL, _NULL, 0.0)
    else:
        pp, pctx = progress_arg(Progress(func, None, None))
        status = invoke(export, *args, pp, pctx, PROGRESS_EVERY)
    if status != OK:
        raise error(status, func)


@same_contract(_ref.cholesky)
def cholesky(A: ArrayLike) -> NDArray[np.float64]:
    A = _v.square("cholesky", "A", A)
    dst = np.empty(A.shape)
    n = A.shape[0]
    _decompose(lib.mlm_cholesky, "cholesky", n**3, ptr(A), n, out_ptr(dst))
    return dst


@same_contract(_ref.qr)
def qr(A: ArrayLike) -> QRResult:
    A = _v.matrix("qr", "A", A)
    m, n = A.shape
    k = min(m, n)
    Q, R = np.empty((m, k)), np.empty((k, n))
    _decompose(lib.mlm_qr, "qr", m * n * k, ptr(A), m, n, out_ptr(Q), out_ptr(R))
    return QRResult(Q, R)


@same_contract(_ref.eigh)
def eigh(A: ArrayLike) -> EighResult:
    A = _v.square("eigh", "A", A)
    n = A.shape[0]
    w, V = np.empty(n), np.empty((n, n))
    _decompose(lib.mlm_eigh, "eigh", n**3, ptr(A), n, out_ptr(w), out_ptr(V))
    return EighResult(w, V)


@same_contract(_ref.svd)
def svd(A: ArrayLike, full_matrices: bool = False) -> SVDResult:
    A = _v.matrix("svd", "A", A)
    full = _v.flag("svd", "full_matrices", full_matrices)
    m, n = A.shape
    k = min(m, n)
    U, S, Vh = np.empty((m, m if full else k)), np.empty(k), np.empty((n if full else k, n))
    _decompose(lib.mlm_svd, "svd", m * n * k, ptr(A), m, n, int(full), out_ptr(U), out_ptr(S), out_ptr(Vh))
    return SVDResult(U, S, Vh)


@same_contract(_ref.pinv)
def pinv(A: ArrayLike, rcond: float = 1e-15) -> NDArray[np.float64]:
    A = _v.matrix("pinv", "A", A)
    rcond = _v.real_scalar("pinv", "rcond", rcond)
    m, n = A.shape
    dst = np.empty((n, m))
    _decompose(lib.mlm_pinv, "pinv", m * n * min(m, n), ptr(A), m, n, rcond, out_ptr(dst))
    return dst


@same_contract(_ref.matrix_rank)
def matrix_rank(A: ArrayLike, tol: float | None = None) -> int:
    A = _v.matrix("matrix_rank", "A", A)
    tol = -1.0 if tol is None else _v.real_scalar("matrix_rank", "tol", tol)
    out = ffi.new("int64_t *")
    m, n = A.shape
    _decompose(lib.mlm_matrix_rank, "matrix_rank", m * n * min(m, n), ptr(A), m, n, tol, out)
    return int(out[0])


@same_contract(_ref.cond)
def cond(A: ArrayLike) -> float:
    A = _v.matrix("cond", "A", A)
    if A.size == 0:
        raise ValueError(f"cond: undefined for an empty matrix, got shape {A.shape}")
    out = ffi.new(DOUBLE1)
    m, n = A.shape
    _decompose(lib.mlm_cond, "cond", m * n * min(m, n), ptr(A), m, n, out)
    return out[0]


@same_contract(_ref.low_rank_approx)
def low_rank_approx(A: ArrayLike, k: int) -> LowRankResult:
    A, k = _v.low_rank_operands("low_rank_approx", A, k)
    m, n = A.shape
    U_k, s_k, Vt_k, A_k = np.empty((m, k)), np.empty(k), np.empty((k, n)), np.empty((m, n))
    outs = out_ptr(U_k), out_ptr(s_k), out_ptr(Vt_k), out_ptr(A_k)
    _decompose(lib.mlm_low_rank_approx, "low_rank_approx", m * n * min(m, n), ptr(A), m, n, k, *outs)
    return LowRankResult(U_k, s_k, Vt_k, A_k)


@same_contract(_ref.pca)
def pca(X: ArrayLike, n_components: int) -> PCAResult:
    X, c = _v.pca_operands("pca", X, n_components)
    samples, features = X.shape
    comp, var, ratio, mean, tr = np.empty((c, features)), np.empty(c), np.empty(c), np.empty(features), np.empty((samples, c))
    outs = out_ptr(comp), out_ptr(var), out_ptr(ratio), out_ptr(mean), out_ptr(tr)
    _decompose(lib.mlm_pca, "pca", samples * features * min(samples, features), ptr(X), samples, features, c, *outs)
    return PCAResult(comp, var, ratio, mean, tr)


@same_contract(_ref.eig)
def eig(A: ArrayLike) -> EigResult:
    A = _v.square("eig", "A", A)
    n = A.shape[0]
    wr, wi, V = np.empty(n), np.empty(n), np.empty((n, n))
    _decompose(lib.mlm_eig, "eig", n**3, ptr(A), n, out_ptr(wr), out_ptr(wi), out_ptr(V))
    if not wi.any():
        return EigResult(wr, V)
    # Complex pairs: columns j, j+1 hold the real and imaginary parts of the
    # vector of wr[j] + i wi[j]; the next eigenvalue's vector is its conjugate.
    w = wr + 1j * wi
    v = V.astype(np.complex128)
    pairs = np.flatnonzero(wi > 0)
    v[:, pairs] = V[:, pairs] + 1j * V[:, pairs + 1]
    v[:, pairs + 1] = np.conj(v[:, pairs])
    return EigResult(w, v)
