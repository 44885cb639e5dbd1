"""mlmath._fastpath, the small-call path of mlmath.go (bindings/fastpath.c).

Each of its functions must take exactly the plain case (exact ndarrays,
native float64, C-contiguous, the shapes the function needs; for scale an
exact Python float) and return None for everything else, so that the general
path validates, converts and raises. For the plain case it must give the
bits the general path gives (both call the same Go export; the general path
is reached here by making the wrapper's _fast_<name> answer None), and results must be
new arrays. The two extensions must share one libmlmath.so. That the GIL is
released is checked in test_threads.py (a long dot), that the functions
answer None after fork (so the wrapper raises) in test_fork.py.
"""

from __future__ import annotations

import os
import sys

import numpy as np
import pytest

from mlmath import _fastpath, go, reference

RNG = np.random.default_rng(20261130)
FAST = ("dot", "add", "subtract", "scale", "matmul")


def test_every_fast_function_is_tested_and_backs_the_go_function_of_its_name():
    public = {name for name in dir(_fastpath) if not name.startswith("_") and callable(getattr(_fastpath, name))}
    assert public == set(FAST)
    assert all(name in go.__all__ for name in FAST)


def plain_args(name: str, n: int) -> tuple:
    """Plain arguments of size n for the fast function `name`."""
    v, w = RNG.standard_normal(n), RNG.standard_normal(n)
    if name == "scale":
        return (float(RNG.standard_normal()), v)
    if name == "matmul":
        m = max(1, n // 3)
        return (RNG.standard_normal((m, n)), RNG.standard_normal((n, 2)))
    return (v, w)


def general_path(name: str, args: tuple, monkeypatch: pytest.MonkeyPatch):
    """go.<name>(*args) with its _fastpath function answering None."""
    module = sys.modules[getattr(go, name).__module__]
    with monkeypatch.context() as m:
        m.setattr(module, f"_fast_{name}", lambda *a: None)
        return getattr(go, name)(*args)


def same_bits(a, b) -> bool:
    a, b = np.asarray(a), np.asarray(b)
    return a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 8, 9, 31, 100, 4096, 1 << 17])
@pytest.mark.parametrize("name", FAST)
def test_the_plain_case_gives_the_bits_of_the_general_path(name, n, monkeypatch):
    if name == "matmul" and n > 4096:
        n = 700  # (233, 700) @ (700, 2): the parallel GEMM path
    args = plain_args(name, n)
    copies = [np.copy(a) for a in args]
    got = getattr(_fastpath, name)(*args)
    assert got is not None
    assert same_bits(got, general_path(name, args, monkeypatch)), name
    assert same_bits(getattr(go, name)(*args), got)
    for a, c in zip(args, copies):
        assert same_bits(a, c)  # inputs untouched
    if isinstance(got, np.ndarray):
        assert got.flags.c_contiguous and got.flags.owndata and got.dtype == np.float64
        assert not any(np.shares_memory(got, a) for a in args if isinstance(a, np.ndarray))
    else:
        assert type(got) is float


def test_matrix_times_vector(monkeypatch):
    A, x = RNG.standard_normal((4, 3)), RNG.standard_normal(3)
    got = _fastpath.matmul(A, x)
    assert got.shape == (4,) and same_bits(got, general_path("matmul", (A, x), monkeypatch))


def test_read_only_and_unaligned_plain_vectors_are_plain_too(monkeypatch):
    v = RNG.standard_normal(5)
    v.flags.writeable = False
    raw = np.zeros(5 * 8 + 1, dtype=np.uint8)[1:].view(np.float64)  # C-contiguous, not 8-byte aligned
    raw[:] = RNG.standard_normal(5)
    assert not raw.flags.aligned
    assert _fastpath.dot(v, raw) == general_path("dot", (v, raw), monkeypatch)
    assert same_bits(_fastpath.add(v, raw), general_path("add", (v, raw), monkeypatch))


class Sub(np.ndarray):
    pass


def not_plain(a: np.ndarray) -> dict[str, object]:
    """Variants of the plain array a that are not plain."""
    return {
        "list": a.tolist(),
        "ints": np.ones(a.shape, dtype=np.int64),
        "float32": a.astype(np.float32),
        "big-endian float64": a.astype(">f8"),
        "one more dimension": a[np.newaxis],
        "Fortran order": np.asfortranarray(np.stack([a, a], axis=-1)) if a.ndim == 1 else np.asfortranarray(a),
        "strided view": np.repeat(a, 2, axis=-1)[..., ::2],
        "ndarray subclass": a.view(Sub),
        "masked array": np.ma.masked_array(a),
        "0-d": np.array(2.0),
        "scalar": 2.0,
        "None": None,
    }


def cases() -> list[tuple[str, str, tuple]]:
    out = []
    for name in FAST:
        args = plain_args(name, 4)
        for i, a in enumerate(args):
            if not isinstance(a, np.ndarray):
                continue
            for what, bad in not_plain(a).items():
                if what == "Fortran order" and a.ndim == 2 and a.shape[0] == 1:
                    continue  # a single row is C- and Fortran-contiguous: plain
                out.append((name, f"argument {i}: {what}", args[:i] + (bad,) + args[i + 1:]))
    out.append(("dot", "lengths differ", (np.ones(3), np.ones(4))))
    out.append(("add", "lengths differ", (np.ones(3), np.ones(4))))
    out.append(("subtract", "lengths differ", (np.ones(3), np.ones(4))))
    out.append(("matmul", "inner dimensions differ", (np.ones((2, 3)), np.ones((4, 2)))))
    out.append(("matmul", "vector times matrix", (np.ones(3), np.ones((3, 2)))))
    for c in (2, np.float64(2.0), True, "2", None, 2.0j):
        out.append(("scale", f"c = {c!r}", (c, np.ones(3))))
    return out


CASES = cases()


@pytest.mark.parametrize("name, what, args", CASES, ids=[f"{n}-{w}" for n, w, _ in CASES])
def test_anything_else_is_left_to_the_general_path(name, what, args):
    assert getattr(_fastpath, name)(*args) is None
    # ... which gives the reference's answer or the reference's exception class
    try:
        want = getattr(reference, name)(*args)
    except Exception as e:  # noqa: BLE001 - the class is what is compared
        with pytest.raises(type(e)):
            getattr(go, name)(*args)
    else:
        np.testing.assert_allclose(getattr(go, name)(*args), want, rtol=8 * np.finfo(float).eps, atol=0)


@pytest.mark.parametrize("name", FAST)
@pytest.mark.parametrize("count", [0, 1, 3])
def test_a_wrong_number_of_arguments_is_left_to_the_general_path(name, count):
    assert getattr(_fastpath, name)(*[np.ones(3)] * count) is None


def test_the_two_extensions_share_one_go_library():
    import mlmath._fastpath
    import mlmath._native

    with open("/proc/self/maps") as f:
        mapped = {line.split()[-1] for line in f if "libmlmath" in line}
    assert len(mapped) == 1, mapped
    here = os.path.dirname(mlmath._native.__file__)
    assert mapped == {os.path.join(here, "libmlmath.so")} and os.path.dirname(mlmath._fastpath.__file__) == here
