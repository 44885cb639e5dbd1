"""Turning numpy arrays into the pointers the C boundary takes.

``ptr(a)`` wraps a float64 C-contiguous array (what mlmath._validate returns)
as a ``double *`` without copying: cffi's from_buffer costs ~0.4 us, where
going through ``a.ctypes`` costs several. Output arrays are allocated here by
the caller side (numpy), so Go only ever writes into Python-owned memory.
"""

from __future__ import annotations

import numpy as np

from mlmath._native import ffi, lib
from mlmath._validate import vector_pair as _vector_pair
from mlmath.go._status import check

_from_buffer = ffi.from_buffer
_new = ffi.new


#: Vectors up to this length are passed as a list of floats, which cffi
#: copies into a temporary C array: cheaper than from_buffer for short ones
#: (measured: ~0.1 us for tolist() vs ~0.45 us for from_buffer at n=3).
SMALL = 16


def ptr(a: np.ndarray):
    """``double *`` to the data of the float64, C-contiguous array ``a``
    (for a short 1-D ``a``: to a temporary copy of it, see SMALL)."""
    if a.ndim == 1 and a.shape[0] <= SMALL:
        return a.tolist()
    return _from_buffer("double[]", a)


def vector_pair(func: str, v, w):
    """Validated ``(n, double *v, double *w)`` for two vectors of one length
    (see mlmath._validate.vector_pair): one call on the hot path of the
    vector functions, whose per-call cost is mostly Python overhead."""
    v, w = _vector_pair(func, v, w)
    n = v.shape[0]
    if n <= SMALL:
        return n, v.tolist(), w.tolist()
    return n, _from_buffer("double[]", v), _from_buffer("double[]", w)


def out_ptr(a: np.ndarray):
    """``double *`` to a writable output array (checked writable)."""
    return _from_buffer("double[]", a, require_writable=True)


_DOUBLE1 = ffi.typeof("double[1]")


def scalar():
    """A fresh ``double[1]`` for a scalar result; read it back with ``[0]``."""
    return _new(_DOUBLE1)


def string_result(call, func: str, capacity: int = 64) -> str:
    """Call ``call(buf, cap, len_ptr)`` for a string result, growing the buffer
    once if Go reports MLM_ERR_BUFFER_TOO_SMALL; returns the decoded string."""
    length = _new("int64_t *")
    for _ in range(2):
        buf = _new("char[]", capacity)
        status = call(buf, capacity, length)
        if status != lib.MLM_ERR_BUFFER_TOO_SMALL:
            check(status, func)
            return ffi.string(buf, length[0]).decode()
        capacity = length[0] + 1
    check(status, func)
    raise AssertionError("unreachable")
