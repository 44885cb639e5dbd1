"""Input checks of the pipeline functions (standardization, logistic regression,
metrics), shared by both backends."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _calculus
from mlmath import _validate as _v

_Floats = NDArray[np.float64]
_Labels = NDArray[np.int64]


def data(func: str, X: ArrayLike) -> _Floats:
    """X (n, d), n >= 1, finite, C-ordered float64."""
    X = _v.matrix(func, "X", X)
    if X.shape[0] == 0:
        raise ValueError(f"{func}: X has no rows (shape {X.shape})")
    if not np.isfinite(X).all():
        raise ValueError(f"{func}: X must not contain NaN or Inf")
    return X if X.flags.c_contiguous else np.ascontiguousarray(X)


def scaling(func: str, X: ArrayLike, mean: ArrayLike, std: ArrayLike) -> tuple[_Floats, _Floats, _Floats]:
    X = data(func, X)
    d = X.shape[1]
    mean, std = _v.vector(func, "mean", mean), _v.vector(func, "std", std)
    if mean.shape != (d,) or std.shape != (d,):
        raise ValueError(f"{func}: mean and std must have shape ({d},) for X of shape {X.shape}, got {mean.shape} and {std.shape}")
    if not (np.isfinite(mean).all() and np.isfinite(std).all()) or (std == 0).any():
        raise ValueError(f"{func}: mean and std must be finite and std non-zero (standardize gives a zero-variance column std 1)")
    return X, np.ascontiguousarray(mean), np.ascontiguousarray(std)


def binary_targets(func: str, y: ArrayLike, n: int, name: str = "y") -> _Floats:
    """y (n,) of 0/1 values (ints, bools or floats equal to 0 or 1), as float64."""
    y = np.asarray(y)
    if y.dtype.kind not in "biuf":
        raise TypeError(f"{func}: {name} must hold 0/1 labels, got dtype {y.dtype}")
    if y.shape != (n,):
        raise ValueError(f"{func}: {name} must have shape ({n},), got {y.shape}")
    y = y.astype(np.float64)
    if not np.isin(y, (0.0, 1.0)).all():
        raise ValueError(f"{func}: {name} must hold only the labels 0 and 1 (map other labels first, as LogisticRegression does)")
    return y


def training(
    func: str,
    X: ArrayLike,
    y: ArrayLike,
    learning_rate: ArrayLike,
    max_iter: object,
    l1: ArrayLike,
    l2: ArrayLike,
    tol: ArrayLike,
    weights0: ArrayLike | None,
    bias0: ArrayLike,
    callback: object,
) -> tuple[_Floats, _Floats, _Floats, float, float, int, float, float, float]:
    """The operands of logistic_regression; returns X, y, w0 (a copy), b0 and the parameters."""
    X = data(func, X)
    n, d = X.shape
    y = binary_targets(func, y, n)
    if y.min() == y.max():
        raise ValueError(f"{func}: y has a single class ({int(y[0])}): logistic regression needs both 0 and 1")
    lr = _v.real_scalar(func, "learning_rate", learning_rate)
    if not (lr > 0 and math.isfinite(lr)):
        raise ValueError(f"{func}: learning_rate must be a positive finite number, got {lr}")
    max_iter = _v.count(func, "max_iter", max_iter)
    if max_iter < 0:
        raise ValueError(f"{func}: max_iter must be >= 0, got {max_iter}")
    values = {}
    for name, v in (("l1", l1), ("l2", l2), ("tol", tol)):
        v = _v.real_scalar(func, name, v)
        if not (v >= 0 and math.isfinite(v)):
            raise ValueError(f"{func}: {name} must be a finite number >= 0, got {v}")
        values[name] = v
    if weights0 is None:
        w0 = np.zeros(d)
    else:
        w0 = np.array(_v.vector(func, "weights0", weights0), dtype=np.float64)
        if w0.shape != (d,) or not np.isfinite(w0).all():
            raise ValueError(f"{func}: weights0 must be finite with shape ({d},), got {w0.shape}")
    b0 = _v.real_scalar(func, "bias0", bias0)
    if not math.isfinite(b0):
        raise ValueError(f"{func}: bias0 must be finite, got {b0}")
    if callback is not None:
        _calculus.function(func, "callback", callback)
    return X, y, w0, b0, lr, max_iter, values["l1"], values["l2"], values["tol"]


def model(func: str, X: ArrayLike, weights: ArrayLike, bias: ArrayLike) -> tuple[_Floats, _Floats, float]:
    X = data(func, X)
    w = _v.vector(func, "weights", weights)
    if w.shape != (X.shape[1],):
        raise ValueError(f"{func}: weights must have shape ({X.shape[1]},) for X of shape {X.shape}, got {w.shape}")
    b = _v.real_scalar(func, "bias", bias)
    return X, np.ascontiguousarray(w), b


def labels(func: str, name: str, y: ArrayLike) -> _Labels:
    """A 1-D vector of integer labels (ints, bools, or floats with integer values) as int64."""
    a = np.asarray(y)
    if a.dtype.kind not in "biuf":
        raise TypeError(f"{func}: {name} must hold integer labels, got dtype {a.dtype}")
    if a.ndim != 1:
        raise ValueError(f"{func}: {name} must be 1-D, got shape {a.shape}")
    if a.dtype.kind == "f" and not (np.isfinite(a).all() and (a == np.round(a)).all()):
        raise ValueError(f"{func}: {name} must hold integer labels, got non-integer values")
    return np.ascontiguousarray(a, dtype=np.int64)


def label_pair(func: str, y_true: ArrayLike, y_pred: ArrayLike, binary: bool) -> tuple[_Labels, _Labels]:
    t, p = labels(func, "y_true", y_true), labels(func, "y_pred", y_pred)
    if t.shape != p.shape:
        raise ValueError(f"{func}: y_true and y_pred must have the same length, got {t.shape[0]} and {p.shape[0]}")
    if t.size == 0:
        raise ValueError(f"{func}: y_true and y_pred are empty")
    if binary and not (np.isin(t, (0, 1)).all() and np.isin(p, (0, 1)).all()):
        raise ValueError(f"{func}: binary labels 0 and 1 expected (the positive class is 1)")
    return t, p


def probabilities(func: str, y_true: ArrayLike, y_prob: ArrayLike) -> tuple[_Floats, _Floats]:
    """Binary labels (n,) as float64 and probabilities of class 1 (n,) in [0, 1]."""
    t, p = scored(func, y_true, y_prob, "y_prob")
    if ((p < 0) | (p > 1)).any():
        raise ValueError(f"{func}: y_prob must hold probabilities in [0, 1]")
    return t.astype(np.float64), p


def scored(func: str, y_true: ArrayLike, scores: ArrayLike, name: str) -> tuple[_Labels, _Floats]:
    """Binary labels (n,) and finite scores (n,)."""
    s = _v.vector(func, name, scores)
    if s.shape[0] == 0:
        raise ValueError(f"{func}: {name} is empty")
    if not np.isfinite(s).all():
        raise ValueError(f"{func}: {name} must be finite")
    t = labels(func, "y_true", y_true)
    if t.shape != s.shape:
        raise ValueError(f"{func}: y_true and {name} must have the same length, got {t.shape[0]} and {s.shape[0]}")
    if not np.isin(t, (0, 1)).all():
        raise ValueError(f"{func}: binary labels 0 and 1 expected in y_true")
    return t, np.ascontiguousarray(s)


def diverged(func: str, iterations: int) -> str:
    """The message for a descent whose loss or weights stopped being finite
    after ``iterations`` complete iterations."""
    return f"{func}: the descent diverged after {iterations} iterations: the loss or the weights are no longer finite (try a smaller learning_rate)"
