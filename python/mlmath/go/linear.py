"""Standardization and logistic regression on the Go backend; contracts in
:mod:`mlmath.reference.linear`. The training loop runs in Go (package
``mlmath/linear``), reporting to Python after every iteration when there is a
callback and about every 50 ms otherwise, so Ctrl-C stops it."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _pipeline as _p
from mlmath import _validate as _v
from mlmath._native import ffi, lib
from mlmath._results import LogisticRegressionResult, StandardizeResult
from mlmath.go._buffers import out_ptr, ptr
from mlmath.go._callbacks import TrainingProgress, invoke, progress_arg
from mlmath.go._contract import same_contract
from mlmath.go._status import check
from mlmath.go.calculus import CHUNK, PROGRESS_EVERY
from mlmath.reference import linear as _ref


@same_contract(_ref.standardize)
def standardize(X: ArrayLike) -> StandardizeResult:
    X = _p.data("standardize", X)
    n, d = X.shape
    dst, mean, std = np.empty((n, d)), np.empty(d), np.empty(d)
    check(lib.mlm_standardize(ptr(X), n, d, out_ptr(dst), out_ptr(mean), out_ptr(std)), "standardize")
    return StandardizeResult(dst, mean, std)


@same_contract(_ref.apply_standardize)
def apply_standardize(X: ArrayLike, mean: ArrayLike, std: ArrayLike) -> NDArray[np.float64]:
    X, mean, std = _p.scaling("apply_standardize", X, mean, std)
    n, d = X.shape
    dst = np.empty((n, d))
    check(lib.mlm_apply_standardize(ptr(X), n, d, ptr(mean), ptr(std), out_ptr(dst)), "apply_standardize")
    return dst


@same_contract(_ref.logistic_regression)
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
    func = "logistic_regression"
    X, y, w, b, lr, max_iter, l1, l2, tol = _p.training(func, X, y, learning_rate, max_iter, l1, l2, tol, weights0, bias0, callback)
    n, d = X.shape
    bias = ffi.new("double *", b)
    steps = ffi.new("int64_t *")
    progress = TrainingProgress(func, callback)
    pp, pctx = progress_arg(progress)
    every = 0.0 if callback is not None else PROGRESS_EVERY
    # The descent keeps no state but (w, b), so a long run goes in chunks of
    # at most CHUNK iterations, each from where the one before stopped: the
    # same iterates, without allocating max_iter losses up front (max_iter
    # may be 10**12, or beyond int64, for "until converged").
    chunks, done = [], 0
    while True:
        rows = min(max_iter - done, CHUNK)
        losses = np.empty(rows)
        status = invoke(lib.mlm_logistic_regression, ptr(X), ptr(y), n, d, lr, rows, l1, l2, tol, out_ptr(w), bias, out_ptr(losses),
                        pp, pctx, every, steps)
        if status == lib.MLM_ERR_DOMAIN:  # Python checked the parameters: the descent diverged
            raise ValueError(_p.diverged(func, done + steps[0]))
        check(status, func)
        k = steps[0]
        chunks.append(losses[:k])
        done += k
        if k < rows or done == max_iter or progress.stopped:
            break  # converged, out of iterations, or stopped by the callback
        progress.offset = done
    return LogisticRegressionResult(w, bias[0], np.concatenate(chunks))


@same_contract(_ref.predict_proba)
def predict_proba(X: ArrayLike, weights: ArrayLike, bias: float) -> NDArray[np.float64]:
    X, w, b = _p.model("predict_proba", X, weights, bias)
    n, d = X.shape
    dst = np.empty(n)
    check(lib.mlm_predict_proba(ptr(X), n, d, ptr(w), b, out_ptr(dst)), "predict_proba")
    return dst


@same_contract(_ref.predict)
def predict(X: ArrayLike, weights: ArrayLike, bias: float, threshold: float = 0.5) -> NDArray[np.int64]:
    X, w, b = _p.model("predict", X, weights, bias)
    t = _v.real_scalar("predict", "threshold", threshold)
    n, d = X.shape
    p = np.empty(n)
    check(lib.mlm_predict_proba(ptr(X), n, d, ptr(w), b, out_ptr(p)), "predict")
    return (p > t).astype(np.int64)
