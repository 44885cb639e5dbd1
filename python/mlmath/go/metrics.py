"""Classification metrics on the Go backend; contracts in :mod:`mlmath.reference.metrics`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _nn
from mlmath import _pipeline as _p
from mlmath._native import ffi, lib
from mlmath.go._buffers import DOUBLE1, ptr
from mlmath.go._contract import same_contract
from mlmath.go._status import check
from mlmath.reference import metrics as _ref

if TYPE_CHECKING:
    from mlmath._native import Cells


def _i64(a: NDArray[np.int64]) -> Cells[int]:
    return ffi.from_buffer("int64_t[]", a)


def _counted(func: str, export: Callable[..., int], y_true: ArrayLike, y_pred: ArrayLike, binary: bool) -> float:
    t, p = _p.label_pair(func, y_true, y_pred, binary)
    out = ffi.new(DOUBLE1)
    check(export(_i64(t), _i64(p), t.size, out), func)
    return out[0]


@same_contract(_ref.accuracy)
def accuracy(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    return _counted("accuracy", lib.mlm_accuracy, y_true, y_pred, False)


@same_contract(_ref.precision)
def precision(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    return _counted("precision", lib.mlm_precision, y_true, y_pred, True)


@same_contract(_ref.recall)
def recall(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    return _counted("recall", lib.mlm_recall, y_true, y_pred, True)


@same_contract(_ref.f1_score)
def f1_score(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    return _counted("f1_score", lib.mlm_f1_score, y_true, y_pred, True)


@same_contract(_ref.confusion_matrix)
def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike) -> NDArray[np.int64]:
    func = "confusion_matrix"
    t, p = _p.label_pair(func, y_true, y_pred, binary=False)
    labels = np.empty(2 * t.size, dtype=np.int64)
    k = ffi.new("int64_t *")
    dst = np.empty(4, dtype=np.int64)  # room for 2 labels; Go says k if there are more
    for _ in range(2):
        status = lib.mlm_confusion_matrix(_i64(t), _i64(p), t.size, _i64(labels), ffi.from_buffer("int64_t[]", dst, require_writable=True), dst.size, k)
        if status != lib.MLM_ERR_BUFFER_TOO_SMALL:
            break
        dst = np.empty(k[0] * k[0], dtype=np.int64)
    check(status, func)
    return cast("NDArray[np.int64]", dst[: k[0] * k[0]].reshape(k[0], k[0]).copy())


@same_contract(_ref.log_loss)
def log_loss(y_true: ArrayLike, y_prob: ArrayLike) -> float:
    func = "log_loss"
    y, p = _p.probabilities(func, y_true, y_prob)
    out = ffi.new(DOUBLE1)
    check(lib.mlm_log_loss(ptr(y), ptr(p), y.size, _nn.EPS, out), func)
    return out[0]


@same_contract(_ref.roc_auc)
def roc_auc(y_true: ArrayLike, y_score: ArrayLike) -> float:
    func = "roc_auc"
    t, s = _p.scored(func, y_true, y_score, "y_score")
    if t.min() == t.max():
        raise ValueError("roc_auc: only one class is present in y_true; the ROC AUC is undefined")
    out = ffi.new(DOUBLE1)
    check(lib.mlm_roc_auc(_i64(t), ptr(s), t.size, out), func)
    return out[0]
