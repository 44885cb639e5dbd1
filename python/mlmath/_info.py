"""Input checks of the information-theory and learning-theory functions, shared by both backends."""

from __future__ import annotations

import math
import numbers

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v


def base(func: str, b: ArrayLike) -> float:
    """The logarithm base: a real number > 0, finite, != 1 (2 for bits, e for nats)."""
    b = _v.real_scalar(func, "base", b)
    if not (b > 0 and math.isfinite(b) and b != 1):
        raise ValueError(f"{func}: base must be a positive finite number other than 1, got {b}")
    return b


def _weights(func: str, name: str, a: NDArray[np.float64]) -> NDArray[np.float64]:
    if a.size == 0:
        raise ValueError(f"{func}: {name} is empty")
    if not np.isfinite(a).all():
        raise ValueError(f"{func}: {name} must be finite, got {a}")
    if (a < 0).any():
        raise ValueError(f"{func}: {name} must not have negative entries, got {a}")
    with np.errstate(over="ignore"):
        total = a.sum()
    if not total > 0:
        raise ValueError(f"{func}: {name} sums to 0 and cannot be normalized")
    if not np.isfinite(total):
        raise ValueError(f"{func}: the sum of {name} overflows and cannot be normalized")
    return a


def distribution(func: str, name: str, p: ArrayLike) -> NDArray[np.float64]:
    """A 1-D array of non-negative finite weights with a positive sum (normalized later)."""
    return np.ascontiguousarray(_weights(func, name, _v.vector(func, name, p)))


def distributions(func: str, p: ArrayLike, q: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    p, q = distribution(func, "p", p), distribution(func, "q", q)
    if p.shape != q.shape:
        raise ValueError(f"{func}: p and q must have the same shape, got {p.shape} and {q.shape}")
    return p, q


def joint(func: str, table: ArrayLike) -> NDArray[np.float64]:
    """A 2-D table joint[x, y] of non-negative finite weights with a positive sum."""
    return np.ascontiguousarray(_weights(func, "joint", _v.matrix(func, "joint", table)))


def labels(func: str, x: ArrayLike, y: ArrayLike) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Two label vectors of one length >= 1 as int64 codes: integer labels as
    they are, any other labels (strings, floats, bools) coded by np.unique."""
    out = []
    for name, v in (("x", x), ("y", y)):
        a = np.asarray(v)
        if a.ndim != 1:
            raise ValueError(f"{func}: {name} must be a 1-D vector of labels, got shape {a.shape}")
        if a.dtype.kind in "iu" and (a.dtype != np.uint64 or a.size == 0 or a.max() <= np.iinfo(np.int64).max):
            out.append(np.ascontiguousarray(a, dtype=np.int64))
        elif a.dtype.kind in "fc" and a.size and not np.isfinite(a).all():
            raise ValueError(f"{func}: {name} has NaN or Inf labels")
        else:
            try:
                out.append(np.unique(a, return_inverse=True)[1].astype(np.int64).reshape(-1))
            except TypeError as e:
                raise TypeError(f"{func}: {name} holds labels that cannot be compared: {e}") from None
    if out[0].shape != out[1].shape:
        raise ValueError(f"{func}: x and y must have the same length, got {out[0].shape[0]} and {out[1].shape[0]}")
    if out[0].size == 0:
        raise ValueError(f"{func}: x and y are empty")
    return out[0], out[1]


def count(func: str, name: str, n: object, low: int = 1) -> int:
    """An integer in [low, 2**62]."""
    n = _v.count(func, name, n)
    if not low <= n <= 2**62:
        raise ValueError(f"{func}: {name} must be >= {low} (and at most 2**62), got {n}")
    return n


def probability(func: str, name: str, v: ArrayLike) -> float:
    """A real number strictly between 0 and 1."""
    v = _v.real_scalar(func, name, v)
    if not 0 < v < 1:
        raise ValueError(f"{func}: {name} must be in (0, 1), got {v}")
    return v


def positive(func: str, name: str, v: ArrayLike) -> float:
    v = _v.real_scalar(func, name, v)
    if not (v > 0 and math.isfinite(v)):
        raise ValueError(f"{func}: {name} must be a positive finite number, got {v}")
    return v


def hypotheses(func: str, h: object) -> float:
    """The size of a finite hypothesis class: a number >= 1 (ints of any size, e.g. 2**100)."""
    if isinstance(h, (bool, np.bool_)) or not isinstance(h, (numbers.Real, np.integer, np.floating)):
        raise TypeError(f"{func}: hypothesis_count must be a number, got {type(h).__name__} {h!r}")
    try:
        v = float(h)
    except OverflowError:
        raise ValueError(f"{func}: hypothesis_count {h} is too large for a float") from None
    if not (v >= 1 and math.isfinite(v)):
        raise ValueError(f"{func}: hypothesis_count must be >= 1 and finite, got {h}")
    return v


def predictions(func: str, predictions: ArrayLike, y_true: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """predictions (n_models, n_points) and y_true (n_points,), both non-empty."""
    P = _v.matrix(func, "predictions", predictions)
    y = _v.vector(func, "y_true", y_true)
    if P.shape[1] != y.shape[0]:
        raise ValueError(f"{func}: predictions has {P.shape[1]} points (shape {P.shape}), y_true {y.shape[0]}")
    if P.size == 0:
        raise ValueError(f"{func}: predictions is empty (shape {P.shape})")
    return np.ascontiguousarray(P), np.ascontiguousarray(y)
