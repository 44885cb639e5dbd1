"""Standardization and logistic regression in numpy: the notes' pipeline, done carefully.

Logistic regression minimizes, by full-batch proximal gradient descent,

    L(w, b) = mean_i [softplus(z_i) - y_i z_i] + (l2 / 2) ||w||^2 + l1 ||w||_1,   z = X w + b,

softplus(z) = log(1 + e^z) computed without overflow: the mean cross-entropy
of sigmoid(z) against y, plus the penalties (never on the intercept b). Each
iteration takes a gradient step on the smooth part and then the proximal step
of the L1 term, a soft threshold, which makes small weights exactly 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _pipeline as _p
from mlmath import _validate as _v
from mlmath._results import LogisticRegressionResult, StandardizeResult
from mlmath.reference._numeric import column_means as _column_means
from mlmath.reference._numeric import sigmoid as _sigmoid

__all__ = ["standardize", "apply_standardize", "logistic_regression", "predict_proba", "predict"]


def standardize(X: ArrayLike) -> StandardizeResult:
    """Standardize the columns of X as sklearn's StandardScaler: (X - mean) / std.

    std is the population standard deviation (ddof = 0). A column of zero
    variance (within rounding, by sklearn's rule) gets std 1, so it becomes 0,
    instead of the notes' division by zero.

    Parameters
    ----------
    X : (n, d) array_like, n >= 1, finite

    Returns
    -------
    StandardizeResult(X_scaled, mean, std)
        X_scaled (n, d); mean, std (d,)
    """
    X = _p.data("standardize", X)
    n = X.shape[0]
    mean = _column_means(X)
    var = _column_means((X - mean) ** 2)
    # sklearn's _is_constant_feature: a variance within rounding of 0 is 0
    # (three copies of 0.1 have a computed mean 1 ulp off, and a variance of 1e-34).
    eps = np.finfo(np.float64).eps
    constant = var <= n * eps * var + (n * mean * eps) ** 2
    std = np.where(constant, 1.0, np.sqrt(var))
    return StandardizeResult((X - mean) / std, mean, std)


def apply_standardize(X: ArrayLike, mean: ArrayLike, std: ArrayLike) -> NDArray[np.float64]:
    """(X - mean) / std with a mean and std from :func:`standardize` (for test data).

    Returns
    -------
    (n, d) ndarray
    """
    X, mean, std = _p.scaling("apply_standardize", X, mean, std)
    return (X - mean) / std


def logistic_regression(
    X: ArrayLike,
    y: ArrayLike,
    learning_rate: float = 0.1,
    max_iter: int = 1000,
    l1: float = 0.0,
    l2: float = 0.0,
    tol: float = 1e-8,
    weights0: ArrayLike | None = None,
    bias0: float = 0.0,
    callback: Callable[[int, float], object] | None = None,
) -> LogisticRegressionResult:
    """Fit logistic regression by full-batch proximal gradient descent (see the module).

    Each iteration, from (w, b): the objective L(w, b) is recorded; then with
    r = (sigmoid(X w + b) - y) / n,

        w' = w - lr (X^T r + l2 w),   b' = b - lr sum(r),
        w' = sign(w') max(|w'| - lr l1, 0)                  (if l1 > 0)

    and the loop stops after the update when ||(w' - w, b' - b)|| / lr < tol
    (the gradient mapping, the gradient itself when l1 = 0). Starting from
    zero weights (not the notes' random start), both backends follow the same
    path.

    Parameters
    ----------
    X : (n, d) array_like, finite
    y : (n,) array_like of 0/1 labels, both classes present
    learning_rate : float > 0
    max_iter : int >= 0
    l1, l2 : float >= 0, the penalties l1 ||w||_1 and (l2 / 2) ||w||^2
    tol : float >= 0
    weights0 : (d,) array_like, optional; bias0 : float
    callback : callable, optional
        callback(iteration, loss) after each iteration; a truthy return stops.
        In the Go backend the loop runs in Go, reporting about every 50 ms
        without a callback, so Ctrl-C stops it (KeyboardInterrupt; X, y and
        weights0 are left untouched).

    Returns
    -------
    LogisticRegressionResult(weights, bias, loss_history)
        weights (d,), bias float, loss_history (iterations run,)

    Raises
    ------
    ValueError
        For labels other than 0/1, a single class, NaN or Inf in X, mismatched
        lengths, invalid parameters, or a loss that becomes NaN or Inf (a
        learning rate too large).
    """
    func = "logistic_regression"
    X, y, w, b, lr, max_iter, l1, l2, tol = _p.training(func, X, y, learning_rate, max_iter, l1, l2, tol, weights0, bias0, callback)
    n = X.shape[0]
    losses = []
    for k in range(max_iter):
        with np.errstate(over="ignore", invalid="ignore"):  # a diverging descent shows as a non-finite loss
            z = X @ w + b
            softplus = np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z)))
            loss = float(np.mean(softplus - y * z))
            if l2 > 0:
                loss += l2 / 2 * float(np.sum(w * w))
            if l1 > 0:
                loss += l1 * float(np.sum(np.abs(w)))
        if not math.isfinite(loss):
            raise ValueError(_p.diverged(func, k))
        losses.append(loss)
        r = (_sigmoid(z) - y) / n
        w_new = w - lr * (X.T @ r + l2 * w)
        b_new = b - lr * float(np.sum(r))
        if l1 > 0:
            w_new = np.sign(w_new) * np.maximum(np.abs(w_new) - lr * l1, 0)
        if not (np.isfinite(w_new).all() and math.isfinite(b_new)):
            raise ValueError(_p.diverged(func, k + 1))
        with np.errstate(over="ignore", invalid="ignore"):
            step = float(np.sqrt(np.sum((w_new - w) ** 2) + np.float64(b_new - b) ** 2)) / lr
        w, b = w_new, b_new
        if callback is not None and callback(k + 1, loss):
            break
        if step < tol:
            break
    return LogisticRegressionResult(w, float(b), np.array(losses))


def predict_proba(X: ArrayLike, weights: ArrayLike, bias: float) -> NDArray[np.float64]:
    """P(y = 1 | x) = sigmoid(X w + b) for each row of X, shape (n,).

    Returns
    -------
    (n,) ndarray
    """
    X, w, b = _p.model("predict_proba", X, weights, bias)
    return _sigmoid(X @ w + b)


def predict(X: ArrayLike, weights: ArrayLike, bias: float, threshold: float = 0.5) -> NDArray[np.int64]:
    """Class labels: 1 where predict_proba > threshold, else 0 (sklearn's rule at 0.5).

    Returns
    -------
    (n,) ndarray of int64
    """
    X, w, b = _p.model("predict", X, weights, bias)
    t = _v.real_scalar("predict", "threshold", threshold)
    return (_sigmoid(X @ w + b) > t).astype(np.int64)
