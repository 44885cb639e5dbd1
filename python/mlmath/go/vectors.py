"""Vectors on the Go backend; contracts in :mod:`mlmath.reference.vectors`."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v
from mlmath import _fastpath
from mlmath._native import ffi, lib
from mlmath.go._buffers import DOUBLE1, out_ptr, ptr, vector_pair
from mlmath.go._contract import same_contract
from mlmath.go._status import OK, error
from mlmath.reference import vectors as _ref

_empty = np.empty
_new = ffi.new


def _elementwise(func: str, export: Callable[..., int], v: ArrayLike, w: ArrayLike) -> NDArray[np.float64]:
    """dst = op(v, w) through the export ``mlm_<func>``."""
    n, pv, pw = vector_pair(func, v, w)
    dst = _empty(n)
    if (status := export(pv, pw, n, out_ptr(dst))) != OK:
        raise error(status, func)
    return dst


# add, subtract, scale and dot try mlmath._fastpath first (see dot below).
_fast_add, _fast_subtract, _fast_scale, _fast_dot = _fastpath.add, _fastpath.subtract, _fastpath.scale, _fastpath.dot


@same_contract(_ref.add)
def add(v: ArrayLike, w: ArrayLike) -> NDArray[np.float64]:
    if (result := _fast_add(v, w)) is not None:
        return result
    return _elementwise("add", lib.mlm_add, v, w)


@same_contract(_ref.subtract)
def subtract(v: ArrayLike, w: ArrayLike) -> NDArray[np.float64]:
    if (result := _fast_subtract(v, w)) is not None:
        return result
    return _elementwise("subtract", lib.mlm_subtract, v, w)


@same_contract(_ref.scale)
def scale(c: float, v: ArrayLike) -> NDArray[np.float64]:
    if (result := _fast_scale(c, v)) is not None:
        return result
    c = _v.real_scalar("scale", "c", c)
    v = _v.vector("scale", "v", v)
    dst = _empty(v.shape[0])
    if (status := lib.mlm_scale(c, ptr(v), v.shape[0], out_ptr(dst))) != OK:
        raise error(status, "scale")
    return dst


# dot is the hot path of small calls: np.dot on length-3 vectors takes about
# 0.45 us, and the budget is twice that (issue #5). A cffi call alone costs
# about 0.27 us and each ffi.from_buffer 0.15 us, so the plain case (two
# float64 vectors, exact ndarrays, C-contiguous, one length) goes through
# mlmath._fastpath, which reads the arrays' structs in C and calls mlm_dot
# itself; it returns None for every other case (and in a forked child), and
# the general path below validates, converts and raises. add, subtract and
# scale do the same.
@same_contract(_ref.dot)
def dot(v: ArrayLike, w: ArrayLike) -> float:
    if (result := _fast_dot(v, w)) is not None:
        return result
    n, pv, pw = vector_pair("dot", v, w)
    out = _new(DOUBLE1)
    if (status := lib.mlm_dot(pv, pw, n, out)) != OK:
        raise error(status, "dot")
    return out[0]


@same_contract(_ref.norm)
def norm(v: ArrayLike, ord: float | None = 2) -> float:
    v, ord = _v.norm_operands("norm", v, ord)
    out = _new(DOUBLE1)
    if (status := lib.mlm_norm(ptr(v), v.shape[0], ord, out)) != OK:
        raise error(status, "norm")
    return out[0]


@same_contract(_ref.cosine_similarity)
def cosine_similarity(v: ArrayLike, w: ArrayLike) -> float:
    n, pv, pw = vector_pair("cosine_similarity", v, w)
    _v.require_nonempty("cosine_similarity", n)
    out = _new(DOUBLE1)
    if (status := lib.mlm_cosine_similarity(pv, pw, n, out)) != OK:
        raise error(status, "cosine_similarity")
    return out[0]
