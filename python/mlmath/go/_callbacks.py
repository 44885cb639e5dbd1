"""Python functions called from Go: the cffi side of ``mlm_func`` and ``mlm_progress``.

A Go export that takes a function gets ``lib.mlm_py_func`` (an ``extern
"Python"`` callback) and a handle to a :class:`PyFunc`. When Go calls back,
the callback takes the GIL, copies x into a fresh array, calls the user's
function, checks its result with the shared rules of :mod:`mlmath._calculus`
and writes it into Go's buffer.

Any exception, the user's own, a wrong shape, a KeyboardInterrupt that
arrives while Python code runs here, is stored per thread and the callback
returns non-zero; Go stops its loop and returns MLM_ERR_CALLBACK, and
:func:`call` re-raises the stored exception unchanged. Go calls back on the
thread that made the call, and never after the export has returned.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from mlmath import _calculus as _c
from mlmath._native import ffi, lib
from mlmath.go._status import error

if TYPE_CHECKING:
    from mlmath._native import CData, Cells

_state = threading.local()
_F64 = np.float64

#: mlm_progress's "stop early, no error".
STOP = 1
#: The value a callback returns after an exception: abort with MLM_ERR_CALLBACK.
ABORT = 2


class PyFunc:
    """A user's function as Go calls it: ``fn`` is called with a float
    (``scalar_in``) or a fresh (n,) array, and returns a scalar (``m_out`` is
    None) or an array of shape (m_out,)."""

    __slots__ = ("func", "name", "fn", "scalar_in", "m_out")

    def __init__(self, func: str, name: str, fn: Callable[..., object], *, scalar_in: bool = False, m_out: int | None = None) -> None:
        self.func, self.name, self.fn, self.scalar_in, self.m_out = func, name, fn, scalar_in, m_out


class Progress:
    """The progress callback of a long Go loop (gradient descent): the user's
    ``callback(steps, x, f(x))`` (a truthy return stops), or None, when it
    only gives Python a chance to raise KeyboardInterrupt."""

    __slots__ = ("func", "f", "callback", "offset", "stopped")

    def __init__(self, func: str, f: Callable[[NDArray[np.float64]], object] | None, callback: Callable[..., object] | None) -> None:
        self.func, self.f, self.callback = func, f, callback
        self.offset = 0  # steps taken before the current Go call
        self.stopped = False  # the callback asked to stop

    def report(self, steps: int, xs: NDArray[np.float64]) -> bool:
        """Call the user's callback for the point xs after ``steps`` steps."""
        assert self.f is not None and self.callback is not None  # (only called with a callback)
        fx = _c.scalar_result(self.func, "f", self.f(xs.copy()))
        return bool(self.callback(self.offset + steps, xs, fx))


class TrainingProgress(Progress):
    """The progress callback of a Go training loop: ``callback(epoch, loss)``,
    Go passing the epoch's loss as a one-element x."""

    __slots__ = ()

    def __init__(self, func: str, callback: Callable[[int, float], object] | None) -> None:
        super().__init__(func, None, callback)

    def report(self, steps: int, xs: NDArray[np.float64]) -> bool:
        assert self.callback is not None  # (only called with a callback)
        return bool(self.callback(self.offset + steps, float(xs[0])))


def _store(exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None) -> int:
    """cffi's onerror: keep the exception for :func:`call` and abort Go's loop.

    cffi hands over the traceback separately: it goes back on the exception,
    so the re-raised error still shows the frames of the user's function."""
    err = exc if exc is not None else exc_type()
    _state.error = err.with_traceback(tb) if tb is not None else err
    return ABORT


@ffi.def_extern(onerror=_store, error=ABORT)
def mlm_py_func(ctx: CData, x: Cells[float], n: int, out: Cells[float], m: int) -> int:
    pf = ffi.from_handle(ctx)
    xs = np.frombuffer(ffi.buffer(x, 8 * n), dtype=_F64).copy()
    if pf.scalar_in:
        r = pf.fn(float(xs[0]))
    else:
        r = pf.fn(xs)
    dst = np.frombuffer(ffi.buffer(out, 8 * m), dtype=_F64)
    if pf.m_out is None:
        dst[0] = _c.scalar_result(pf.func, pf.name, r)
    else:
        dst[:] = _c.vector_result(pf.func, pf.name, r, pf.m_out)
    return 0


@ffi.def_extern(onerror=_store, error=ABORT)
def mlm_py_progress(ctx: CData, steps: int, x: Cells[float], n: int) -> int:
    p = ffi.from_handle(ctx)
    if p.callback is None:
        return 0  # running Python code here lets a pending Ctrl-C raise
    xs = np.frombuffer(ffi.buffer(x, 8 * n), dtype=_F64).copy()
    if p.report(int(steps), xs):
        p.stopped = True
        return STOP
    return 0


def func_arg(pf: PyFunc | None) -> tuple[CData, CData]:
    """(function pointer, handle) for an export's ``mlm_func f, void *ctx``;
    keep the handle alive for the duration of the call."""
    if pf is None:
        return ffi.NULL, ffi.NULL
    return lib.mlm_py_func, ffi.new_handle(pf)


def progress_arg(p: Progress | None) -> tuple[CData, CData]:
    """(function pointer, handle) for ``mlm_progress progress, void *ctx``."""
    if p is None:
        return ffi.NULL, ffi.NULL
    return lib.mlm_py_progress, ffi.new_handle(p)


def invoke(export: Callable[..., int], *args: object) -> int:
    """``export(*args)``, re-raising unchanged the exception a callback stored
    (status MLM_ERR_CALLBACK); returns any other status for the caller to check."""
    _state.error = None
    status = export(*args)
    exc, _state.error = _state.error, None
    if exc is not None:
        raise exc
    return status


def call(export: Callable[..., int], func: str, *args: object) -> None:
    """:func:`invoke`, raising the exception of any error status."""
    if (status := invoke(export, *args)) != lib.MLM_OK:
        raise error(status, func)
