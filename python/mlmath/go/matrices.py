"""Matrices on the Go backend; contracts in :mod:`mlmath.reference.matrices`."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v
from mlmath._fastpath import matmul as _fast_matmul
from mlmath._native import ffi, lib
from mlmath.go._buffers import DOUBLE1, out_ptr, ptr
from mlmath.go._contract import same_contract
from mlmath.go._status import OK, error
from mlmath.reference import matrices as _ref

_new = ffi.new


@same_contract(_ref.matmul)
def matmul(A: ArrayLike, B: ArrayLike) -> NDArray[np.float64]:
    # plain float64 operands: mlmath._fastpath (see go/vectors.py's dot)
    if (result := _fast_matmul(A, B)) is not None:
        return result
    A, B = _v.matmul_operands("matmul", A, B)
    (m, k), n = A.shape, (B.shape[1] if B.ndim == 2 else 1)
    dst = np.empty((m, n) if B.ndim == 2 else (m,))
    if (status := lib.mlm_matmul(ptr(A), ptr(B), m, k, n, out_ptr(dst))) != OK:
        raise error(status, "matmul")
    return dst


@same_contract(_ref.transpose)
def transpose(A: ArrayLike) -> NDArray[np.float64]:
    A = _v.matrix("transpose", "A", A)
    m, n = A.shape
    dst = np.empty((n, m))
    if (status := lib.mlm_transpose(ptr(A), m, n, out_ptr(dst))) != OK:
        raise error(status, "transpose")
    return dst


@same_contract(_ref.det)
def det(A: ArrayLike) -> float:
    A = _v.square("det", "A", A)
    out = _new(DOUBLE1)
    if (status := lib.mlm_det(ptr(A), A.shape[0], out)) != OK:
        raise error(status, "det")
    return out[0]


@same_contract(_ref.inv)
def inv(A: ArrayLike) -> NDArray[np.float64]:
    A = _v.square("inv", "A", A)
    dst = np.empty(A.shape)
    if (status := lib.mlm_inv(ptr(A), A.shape[0], out_ptr(dst))) != OK:
        raise error(status, "inv")
    return dst


@same_contract(_ref.solve)
def solve(A: ArrayLike, b: ArrayLike) -> NDArray[np.float64]:
    A, b = _v.solve_operands("solve", A, b)
    n, k = A.shape[0], (b.shape[1] if b.ndim == 2 else 1)
    dst = np.empty(b.shape)
    if (status := lib.mlm_solve(ptr(A), ptr(b), n, k, out_ptr(dst))) != OK:
        raise error(status, "solve")
    return dst

