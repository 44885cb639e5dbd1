"""Standardization and logistic regression on the Go backend; contracts in
:mod:`mlmath.reference.linear`. The training loop runs in Go (package
``mlmath/linear``), reporting to Python after every iteration when there is a
callback and about every 50 ms otherwise, so Ctrl-C stops it."""

from __future__ import annotations

import numpy as np

from mlmath import _pipeline as _p
from mlmath._native import ffi, lib
from mlmath._results import LogisticRegressionResult, StandardizeResult
from mlmath.go._buffers import out_ptr, ptr
from mlmath.go._callbacks import TrainingProgress, invoke, progress_arg
from mlmath.go._contract import same_contract
from mlmath.go._status import check
from mlmath.go.calculus import PROGRESS_EVERY
from mlmath.reference import linear as _ref


@same_contract(_ref.standardize)
def standardize(X) -> StandardizeResult:
    X = _p.data("standardize", X)
    n, d = X.shape
    dst, mean, std = np.empty((n, d)), np.empty(d), np.empty(d)
    check(lib.mlm_standardize(ptr(X), n, d, out_ptr(dst), out_ptr(mean), out_ptr(std)), "standardize")
    return StandardizeResult(dst, mean, std)


@same_contract(_ref.apply_standardize)
def apply_standardize(X, mean, std) -> np.ndarray:
    X, mean, std = _p.scaling("apply_standardize", X, mean, std)
    n, d = X.shape
    dst = np.empty((n, d))
    check(lib.mlm_apply_standardize(ptr(X), n, d, ptr(mean), ptr(std), out_ptr(dst)), "apply_standardize")
    return dst


@same_contract(_ref.logistic_regression)
def logistic_regression(X, y, learning_rate=0.1, max_iter=1000, l1=0.0, l2=0.0, tol=1e-8, weights0=None, bias0=0.0, callback=None) -> LogisticRegressionResult:
    func = "logistic_regression"
    X, y, w, b, lr, max_iter, l1, l2, tol = _p.training(func, X, y, learning_rate, max_iter, l1, l2, tol, weights0, bias0, callback)
    n, d = X.shape
    bias = ffi.new("double *", b)
    losses = np.empty(max_iter)
    done = ffi.new("int64_t *")
    pp, pctx = progress_arg(TrainingProgress(func, callback))
    status = invoke(lib.mlm_logistic_regression, ptr(X), ptr(y), n, d, lr, max_iter, l1, l2, tol, out_ptr(w), bias, out_ptr(losses),
                    pp, pctx, 0.0 if callback is not None else PROGRESS_EVERY, done)
    if status == lib.MLM_ERR_DOMAIN:  # Python checked the parameters: the descent diverged
        raise ValueError(_p.diverged(func, done[0]))
    check(status, func)
    return LogisticRegressionResult(w, bias[0], losses[: done[0]].copy())


@same_contract(_ref.predict_proba)
def predict_proba(X, weights, bias) -> np.ndarray:
    X, w, b = _p.model("predict_proba", X, weights, bias)
    n, d = X.shape
    dst = np.empty(n)
    check(lib.mlm_predict_proba(ptr(X), n, d, ptr(w), b, out_ptr(dst)), "predict_proba")
    return dst


@same_contract(_ref.predict)
def predict(X, weights, bias, threshold=0.5) -> np.ndarray:
    X, w, b = _p.model("predict", X, weights, bias)
    t = _p._v.real_scalar("predict", "threshold", threshold)
    n, d = X.shape
    p = np.empty(n)
    check(lib.mlm_predict_proba(ptr(X), n, d, ptr(w), b, out_ptr(p)), "predict")
    return (p > t).astype(np.int64)
