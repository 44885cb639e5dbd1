"""Vectors on the Go backend; contracts in :mod:`mlmath.reference.vectors`."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v
from mlmath._native import ffi, lib
from mlmath.go._buffers import _DOUBLES, _F64, DOUBLE1, _from_buffer, _ndarray, out_ptr, ptr, vector_pair
from mlmath.go._contract import same_contract
from mlmath.go._status import OK, error
from mlmath.reference import vectors as _ref

if TYPE_CHECKING:
    from mlmath._native import Cells


_empty = np.empty
_new = ffi.new


def _elementwise(func: str, export: Callable[..., int], v: ArrayLike, w: ArrayLike) -> NDArray[np.float64]:
    """dst = op(v, w) through the export ``mlm_<func>``."""
    n, pv, pw = vector_pair(func, v, w)
    dst = _empty(n)
    if (status := export(pv, pw, n, out_ptr(dst))) != OK:
        raise error(status, func)
    return dst


@same_contract(_ref.add)
def add(v: ArrayLike, w: ArrayLike) -> NDArray[np.float64]:
    return _elementwise("add", lib.mlm_add, v, w)


@same_contract(_ref.subtract)
def subtract(v: ArrayLike, w: ArrayLike) -> NDArray[np.float64]:
    return _elementwise("subtract", lib.mlm_subtract, v, w)


@same_contract(_ref.scale)
def scale(c: float, v: ArrayLike) -> NDArray[np.float64]:
    c = _v.real_scalar("scale", "c", c)
    v = _v.vector("scale", "v", v)
    dst = _empty(v.shape[0])
    if (status := lib.mlm_scale(c, ptr(v), v.shape[0], out_ptr(dst))) != OK:
        raise error(status, "scale")
    return dst


# dot is the hot path of small calls: np.dot on length-3 vectors takes
# ~0.4 us, and the budget is twice that (issue #5). The cffi call itself
# costs ~0.25 us and each pointer ~0.12 us, so everything else is trimmed:
# the common case is checked inline, with vector_pair's fast-path names from
# _buffers (no helper call), the export is bound
# once (the fork guard rebinds it in a forked child), and the result slot is
# allocated once per thread instead of per call.
_mlm_dot = lib.mlm_dot
_slots = threading.local()


@same_contract(_ref.dot)
def dot(v: ArrayLike, w: ArrayLike) -> float:
    if type(v) is type(w) is _ndarray and v.dtype is w.dtype is _F64 and v.ndim == 1 == w.ndim and (n := len(v)) == len(w):
        try:
            pv, pw = _from_buffer(_DOUBLES, v), _from_buffer(_DOUBLES, w)
        except ValueError:  # not C-contiguous
            n, pv, pw = vector_pair("dot", v, w)
    else:
        n, pv, pw = vector_pair("dot", v, w)
    out: Cells[float]  # this thread's result slot
    try:
        out = _slots.dot
    except AttributeError:
        out = _slots.dot = _new(DOUBLE1)
    if status := _mlm_dot(pv, pw, n, out):
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
