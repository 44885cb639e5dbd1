"""Turning numpy arrays into the pointers the C boundary takes.

``ptr(a)`` wraps a float64 array as a ``double *`` without copying when its
memory is C-contiguous (cffi's from_buffer checks that and costs ~0.2 us;
going through ``a.ctypes`` costs several us), and through a contiguous copy
otherwise (views, Fortran order). Output arrays are allocated by the caller
side (numpy), so Go only ever writes into Python-owned memory.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath._native import ffi, lib
from mlmath._validate import vector_pair as _vector_pair
from mlmath.go._status import check

if TYPE_CHECKING:
    from mlmath._native import Cells


_from_buffer = ffi.from_buffer
_new = ffi.new
_ndarray = np.ndarray
_F64 = np.dtype(np.float64)


_DOUBLES = ffi.typeof("double[]")
DOUBLE1 = ffi.typeof("double[1]")  # a scalar result: ffi.new(DOUBLE1)


def ptr(a: NDArray[np.float64]) -> Cells[float]:
    """``double *`` to the data of the float64 array ``a``, C-contiguous: ``a``
    itself when it is, a contiguous copy (kept alive by the pointer) if not."""
    try:
        return _from_buffer(_DOUBLES, a)
    except ValueError:  # "ndarray is not C-contiguous"
        return _from_buffer(_DOUBLES, np.ascontiguousarray(a))


def vector_pair(func: str, v: ArrayLike, w: ArrayLike) -> tuple[int, Cells[float], Cells[float]]:
    """Validated ``(n, double *v, double *w)`` for two vectors of one length
    (the rules of mlmath._validate.vector_pair).

    For short vectors the Python work around the Go call is most of the cost,
    so the common case -- two float64 1-D arrays of one shape -- is checked
    inline, without helper calls; anything else goes through the general
    validation. (dot, add and subtract try mlmath._fastpath first and come
    here only for other inputs; cosine_similarity comes here directly.)
    """
    # (len() and ndim are cheaper than building and comparing shape tuples)
    if type(v) is _ndarray and type(w) is _ndarray and v.dtype is _F64 and w.dtype is _F64 and v.ndim == 1 == w.ndim and len(v) == len(w):
        try:
            return len(v), _from_buffer(_DOUBLES, v), _from_buffer(_DOUBLES, w)
        except ValueError:  # not C-contiguous
            pass
    v, w = _vector_pair(func, v, w)
    return v.shape[0], ptr(v), ptr(w)


def out_ptr(a: NDArray[np.float64]) -> Cells[float]:
    """``double *`` to a fresh output array from np.empty (checked writable)."""
    return _from_buffer(_DOUBLES, a, require_writable=True)


def string_result(
    call: Callable[[Cells[bytes], int, Cells[int]], int], func: str, capacity: int = 64, *, domain_message: bool = False
) -> str:
    """Call ``call(buf, cap, len_ptr)`` for a string result, growing the buffer
    once if Go reports MLM_ERR_BUFFER_TOO_SMALL; returns the decoded string.

    With ``domain_message``, an MLM_ERR_DOMAIN status brings Go's error
    message in the buffer ("pkg: what, at position N"): it is raised as
    ValueError("func: what, at position N")."""
    length = _new("int64_t *")
    for _ in range(2):
        buf = _new("char[]", capacity)
        status = call(buf, capacity, length)
        if status != lib.MLM_ERR_BUFFER_TOO_SMALL:
            break
        capacity = length[0] + 1
    if domain_message and status == lib.MLM_ERR_DOMAIN:
        raise ValueError(f"{func}: {ffi.string(buf, length[0]).decode().split(': ', 1)[-1]}")
    check(status, func)
    return ffi.string(buf, length[0]).decode()
