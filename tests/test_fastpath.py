"""mlmath._fastpath, the small-call path of mlmath.go (bindings/fastpath.c).

It must take exactly the plain case (exact ndarrays, native float64, 1-d,
C-contiguous, one length) and return None for everything else, so that the
general path validates, converts and raises; for the plain case it must give
the bits of the cffi call of the same export (it is the same Go function),
and the two extensions must share one libmlmath.so. That it releases the GIL
is checked in test_threads.py (a long dot), that it refuses after fork in
test_fork.py and below.
"""

from __future__ import annotations

import ast
import os
import select
import signal
import sys

import numpy as np
import pytest

from mlmath import _fastpath, go, reference
from mlmath._native import ffi, lib

RNG = np.random.default_rng(20261130)


def cffi_dot(v: np.ndarray, w: np.ndarray) -> float:
    out = ffi.new("double[1]")
    assert lib.mlm_dot(ffi.from_buffer("double[]", v), ffi.from_buffer("double[]", w), len(v), out) == lib.MLM_OK
    return out[0]


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 8, 9, 31, 100, 4096, 1 << 17])
def test_the_plain_case_gives_the_bits_of_the_cffi_call(n):
    v, w = RNG.standard_normal(n), RNG.standard_normal(n)
    got = _fastpath.dot(v, w)
    assert type(got) is float
    assert got == cffi_dot(v, w) or (np.isnan(got) and np.isnan(cffi_dot(v, w)))
    assert go.dot(v, w) == got


def test_read_only_and_unaligned_plain_vectors_are_plain_too():
    v = RNG.standard_normal(5)
    v.flags.writeable = False
    raw = np.zeros(5 * 8 + 1, dtype=np.uint8)[1:].view(np.float64)  # C-contiguous, not 8-byte aligned
    raw[:] = RNG.standard_normal(5)
    assert not raw.flags.aligned
    assert _fastpath.dot(v, raw) == cffi_dot(v, raw)


class Sub(np.ndarray):
    pass


V3 = np.array([1.0, 2.0, 3.0])
NOT_PLAIN = {
    "list": ([1.0, 2.0, 3.0], V3),
    "ints": (np.array([1, 2, 3]), V3),
    "float32": (V3.astype(np.float32), V3),
    "big-endian float64": (V3.astype(">f8"), V3),
    "2-d": (V3.reshape(1, 3), V3),
    "0-d": (np.array(2.0), np.array(3.0)),
    "strided view": (np.arange(6.0)[::2], V3),
    "ndarray subclass": (V3.view(Sub), V3),
    "np.matrix": (np.asmatrix(V3), V3),
    "masked array": (np.ma.masked_array(V3), V3),
    "lengths differ": (V3, np.ones(4)),
    "scalar": (2.0, V3),
    "None": (None, V3),
}


@pytest.mark.parametrize("name", sorted(NOT_PLAIN))
def test_anything_else_is_left_to_the_general_path(name):
    v, w = NOT_PLAIN[name]
    assert _fastpath.dot(v, w) is None
    assert _fastpath.dot(w, v) is None
    # ... which gives the reference's answer or the reference's exception class
    try:
        want = reference.dot(v, w)
    except Exception as e:  # noqa: BLE001 - the class is what is compared
        with pytest.raises(type(e)):
            go.dot(v, w)
    else:
        assert go.dot(v, w) == pytest.approx(want, rel=4 * np.finfo(float).eps)


@pytest.mark.parametrize("args", [(), (V3,), (V3, V3, V3)])
def test_a_wrong_number_of_arguments_is_left_to_the_general_path(args):
    assert _fastpath.dot(*args) is None


def test_the_two_extensions_share_one_go_library():
    import mlmath._fastpath
    import mlmath._native

    with open("/proc/self/maps") as f:
        mapped = {line.split()[-1] for line in f if "libmlmath" in line}
    assert len(mapped) == 1, mapped
    here = os.path.dirname(mlmath._native.__file__)
    assert mapped == {os.path.join(here, "libmlmath.so")} and os.path.dirname(mlmath._fastpath.__file__) == here


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="POSIX fork (Linux)")
def test_a_forked_child_gets_none_and_then_the_clear_error():
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            fast = _fastpath.dot(V3, V3)
            try:
                go.dot(V3, V3)
                refused = "returned"
            except RuntimeError as e:
                refused = str(e)
            os.write(write, repr((fast, refused)).encode())
        finally:
            os._exit(0)
    os.close(write)
    ready, _, _ = select.select([read], [], [], 60.0)
    if not ready:  # the child hangs in Go: kill it and fail
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert ready, "the forked child hung"
    with os.fdopen(read) as f:
        fast, refused = ast.literal_eval(f.read())
    assert fast is None
    assert refused.startswith("mlm_dot: mlmath.go cannot run in a process forked"), refused
