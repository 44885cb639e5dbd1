"""Decompositions on the Go backend; contracts in :mod:`mlmath.reference.decompositions`."""

from __future__ import annotations

import numpy as np

from mlmath import _validate as _v
from mlmath._native import lib
from mlmath._results import EighResult, QRResult, SVDResult
from mlmath.go._buffers import out_ptr, ptr
from mlmath.go._contract import same_contract
from mlmath.go._status import OK, error
from mlmath.reference import decompositions as _ref


@same_contract(_ref.cholesky)
def cholesky(A) -> np.ndarray:
    A = _v.square("cholesky", "A", A)
    dst = np.empty(A.shape)
    if (status := lib.mlm_cholesky(ptr(A), A.shape[0], out_ptr(dst))) != OK:
        raise error(status, "cholesky")
    return dst


@same_contract(_ref.qr)
def qr(A) -> QRResult:
    A = _v.matrix("qr", "A", A)
    m, n = A.shape
    k = min(m, n)
    Q, R = np.empty((m, k)), np.empty((k, n))
    if (status := lib.mlm_qr(ptr(A), m, n, out_ptr(Q), out_ptr(R))) != OK:
        raise error(status, "qr")
    return QRResult(Q, R)


@same_contract(_ref.eigh)
def eigh(A) -> EighResult:
    A = _v.square("eigh", "A", A)
    n = A.shape[0]
    w, V = np.empty(n), np.empty((n, n))
    if (status := lib.mlm_eigh(ptr(A), n, out_ptr(w), out_ptr(V))) != OK:
        raise error(status, "eigh")
    return EighResult(w, V)


@same_contract(_ref.svd)
def svd(A, full_matrices=False) -> SVDResult:
    A = _v.matrix("svd", "A", A)
    full = _v.flag("svd", "full_matrices", full_matrices)
    m, n = A.shape
    k = min(m, n)
    U, S, Vh = np.empty((m, m if full else k)), np.empty(k), np.empty((n if full else k, n))
    if (status := lib.mlm_svd(ptr(A), m, n, int(full), out_ptr(U), out_ptr(S), out_ptr(Vh))) != OK:
        raise error(status, "svd")
    return SVDResult(U, S, Vh)
