"""Input conversion and validation shared by both backends.

Every public function starts here, so both backends accept the same inputs and
raise the same exceptions with the same messages (numpy's classes):

- non-real data (strings, objects, complex, ...)  -> TypeError
- wrong ndim, mismatched shapes, undefined empties -> ValueError naming the shapes
- non-square where square is required             -> numpy.linalg.LinAlgError

Accepted data is returned as float64 numpy arrays: the input itself when it
already is one (views and Fortran order included: the Go layer makes the
memory C-contiguous when it needs to, see mlmath.go._buffers.ptr), a converted
copy otherwise (lists, ints, float32). Inputs are never modified.
"""

from __future__ import annotations

import numbers

import numpy as np
from numpy.typing import ArrayLike, NDArray

LinAlgError = np.linalg.LinAlgError

_F64 = np.dtype(np.float64)
#: dtype kinds accepted as real numbers: bool, signed, unsigned, float.
_REAL_KINDS = frozenset("biuf")


_ndarray = np.ndarray


def array(func: str, name: str, x: ArrayLike) -> NDArray[np.float64]:
    """``x`` as a float64 array, or TypeError if it is not real."""
    # Fast path: builtin dtypes are singletons, so `is` is exact for native
    # float64 (a byte-swapped '>f8' takes the slow path and is converted).
    if type(x) is _ndarray and x.dtype is _F64:
        return x
    try:
        a = np.asarray(x)
    except ValueError as e:  # ragged nested lists
        raise ValueError(f"{func}: {name} is not a rectangular array: {e}") from None
    if a.dtype.kind not in _REAL_KINDS:
        raise TypeError(f"{func}: {name} must hold real numbers, got dtype {a.dtype}")
    return np.asarray(a, dtype=_F64)


def vector(func: str, name: str, x: ArrayLike) -> NDArray[np.float64]:
    """``x`` as a 1-D float64 array of shape (n,)."""
    a = array(func, name, x)
    if a.ndim != 1:
        raise ValueError(f"{func}: {name} must be a 1-D vector, got an array of shape {a.shape}")
    return a


def vector_pair(func: str, v: ArrayLike, w: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``v`` and ``w`` as 1-D float64 arrays of the same length."""
    # Fast path for the common case, ~3x cheaper than the general one: most of
    # the per-call cost of a short vector function.
    if type(v) is _ndarray and type(w) is _ndarray and v.dtype is _F64 and w.dtype is _F64 and v.ndim == 1 == w.ndim and len(v) == len(w):
        return v, w
    v, w = vector(func, "v", v), vector(func, "w", w)
    if v.shape != w.shape:
        raise ValueError(f"{func}: shapes {v.shape} and {w.shape} not aligned: {v.shape[0]} (dim 0) != {w.shape[0]} (dim 0)")
    return v, w


def matrix(func: str, name: str, x: ArrayLike) -> NDArray[np.float64]:
    """``x`` as a 2-D float64 array of shape (m, n)."""
    a = array(func, name, x)
    if a.ndim != 2:
        raise ValueError(f"{func}: {name} must be a 2-D matrix, got an array of shape {a.shape}")
    return a


def square(func: str, name: str, x: ArrayLike) -> NDArray[np.float64]:
    """``x`` as a square 2-D float64 array of shape (n, n); LinAlgError otherwise."""
    a = matrix(func, name, x)
    if a.shape[0] != a.shape[1]:
        raise LinAlgError(f"{func}: Last 2 dimensions of the array must be square, got {name} of shape {a.shape}")
    return a


def real_scalar(func: str, name: str, c: ArrayLike) -> float:
    """``c`` as a Python float: a real number, not an array or a string."""
    if type(c) is float:
        return c
    if np.ndim(c) != 0:
        raise ValueError(f"{func}: {name} must be a scalar, got an array of shape {np.shape(c)}")
    a = np.asarray(c)
    if a.dtype.kind not in _REAL_KINDS:
        raise TypeError(f"{func}: {name} must be a real number, got {type(c).__name__} {c!r}")
    return float(a)


#: norm orders for vectors: 2 (also None, as numpy), 1, 0, inf, -inf.
NORM_ORDERS = (2.0, 1.0, 0.0, np.inf, -np.inf)


def norm_order(func: str, ord: object) -> float:
    """``ord`` as one of NORM_ORDERS; ValueError for any other order."""
    if ord is None:
        return 2.0
    o = float(ord) if isinstance(ord, numbers.Real) else None  # not "2": strings are no orders
    if o not in NORM_ORDERS:
        raise ValueError(f"{func}: invalid norm order {ord!r} for vectors; use 2, 1, 0, inf or -inf")
    return o


def norm_operands(func: str, v: ArrayLike, ord: object) -> tuple[NDArray[np.float64], float]:
    """``v`` as a vector and ``ord`` as one of NORM_ORDERS; -inf needs n >= 1
    (numpy: the minimum of nothing has no identity; the maximum of nothing
    is 0.0, so ord=inf is defined)."""
    v = vector(func, "v", v)
    ord = norm_order(func, ord)
    if v.shape[0] == 0 and ord == -np.inf:
        raise ValueError(f"{func}: ord=-inf is undefined for an empty vector (zero-size array to reduction operation minimum which has no identity)")
    return v, ord


def flag(func: str, name: str, x: object) -> bool:
    """``x`` as a bool: True, False or a numpy bool; TypeError otherwise
    (1 and "yes" are not flags)."""
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    raise TypeError(f"{func}: {name} must be True or False, got {type(x).__name__} {x!r}")


def count(func: str, name: str, x: object) -> int:
    """``x`` as a Python int: an integer (numpy integers too), not a bool or
    a float; TypeError otherwise."""
    if isinstance(x, (bool, np.bool_)) or not isinstance(x, (numbers.Integral, np.integer)):
        raise TypeError(f"{func}: {name} must be an integer, got {type(x).__name__} {x!r}")
    return int(x)


def low_rank_operands(func: str, A: ArrayLike, k: object) -> tuple[NDArray[np.float64], int]:
    """``A`` (m, n) and the rank ``k``, 0 < k <= min(m, n)."""
    A = matrix(func, "A", A)
    k = count(func, "k", k)
    if not 0 < k <= min(A.shape):
        raise ValueError(f"{func}: k must satisfy 0 < k <= min(m, n) = {min(A.shape)}, got {k}")
    return A, k


def pca_operands(func: str, X: ArrayLike, n_components: object) -> tuple[NDArray[np.float64], int]:
    """Data ``X`` (n_samples >= 2, n_features) and 1 <= n_components <= min of both."""
    X = matrix(func, "X", X)
    c = count(func, "n_components", n_components)
    samples, features = X.shape
    if samples < 2:
        raise ValueError(f"{func}: needs at least 2 samples, got X of shape {X.shape}")
    if not 1 <= c <= min(samples, features):
        raise ValueError(
            f"{func}: n_components must satisfy 1 <= n_components <= min(n_samples, n_features) = {min(samples, features)}, got {c}"
        )
    return X, c


def finite(func: str, A: NDArray[np.float64]) -> None:
    """LinAlgError unless every entry of ``A`` is finite (numpy's eig message)."""
    if not np.isfinite(A).all():
        raise LinAlgError(f"{func}: Array must not contain infs or NaNs")


def require_nonempty(func: str, n: int) -> None:
    """ValueError unless n >= 1: for values undefined on empty vectors."""
    if n == 0:
        raise ValueError(f"{func}: undefined for empty vectors (shape (0,))")


def _ndim_1_or_2(func: str, name: str, x: ArrayLike) -> NDArray[np.float64]:
    a = array(func, name, x)
    if a.ndim not in (1, 2):
        raise ValueError(f"{func}: {name} must be 1-D or 2-D, got an array of shape {a.shape}")
    return a


def matmul_operands(func: str, A: ArrayLike, B: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``A`` (m, k) and ``B`` (k, n) or (k,), with matching inner dimension."""
    A = matrix(func, "A", A)
    B = _ndim_1_or_2(func, "B", B)
    if A.shape[1] != B.shape[0]:
        raise ValueError(
            f"{func}: shapes {A.shape} and {B.shape} not aligned: {A.shape[1]} (dim 1) != {B.shape[0]} (dim 0)"
        )
    return A, B


def solve_operands(func: str, A: ArrayLike, b: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``A`` (n, n) and ``b`` (n,) or (n, k)."""
    A = square(func, "A", A)
    b = _ndim_1_or_2(func, "b", b)
    if b.shape[0] != A.shape[0]:
        raise ValueError(f"{func}: A of shape {A.shape} and b of shape {b.shape} do not match: {A.shape[0]} != {b.shape[0]}")
    return A, b
