"""Neural-network pieces on the Go backend; contracts in :mod:`mlmath.reference.nn`.

train_mlp runs the whole loop in Go (package ``mlmath/nn``: forward and
backward on the GEMM kernels, the optimizer's updates in ``mlmath/optim``),
reporting to Python after every epoch when there is a callback and about every
50 ms otherwise, so Ctrl-C stops it, at the end of an epoch (the parameters
and the optimizer then hold that epoch's values).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _nn
from mlmath._native import ffi, lib
from mlmath._optim import Optimizer
from mlmath._results import MLPForward, MLPGradients, TrainResult
from mlmath.go._buffers import DOUBLE1, out_ptr, ptr
from mlmath.go._callbacks import TrainingProgress, invoke, progress_arg
from mlmath.go._contract import same_contract
from mlmath.go._status import check
from mlmath.go.calculus import CHUNK, PROGRESS_EVERY
from mlmath.go.optimizers import native
from mlmath.reference import nn as _ref


def _elementwise(func: str, export: Callable[..., int], x: ArrayLike) -> NDArray[np.float64]:
    x = _nn.values(func, x)
    dst = np.empty(x.shape)
    check(export(ptr(x), x.size, out_ptr(dst)), func)
    return dst


@same_contract(_ref.sigmoid)
def sigmoid(x: ArrayLike) -> NDArray[np.float64]:
    return _elementwise("sigmoid", lib.mlm_sigmoid, x)


@same_contract(_ref.sigmoid_derivative)
def sigmoid_derivative(x: ArrayLike) -> NDArray[np.float64]:
    return _elementwise("sigmoid_derivative", lib.mlm_sigmoid_derivative, x)


@same_contract(_ref.relu)
def relu(x: ArrayLike) -> NDArray[np.float64]:
    return _elementwise("relu", lib.mlm_relu, x)


@same_contract(_ref.relu_derivative)
def relu_derivative(x: ArrayLike) -> NDArray[np.float64]:
    return _elementwise("relu_derivative", lib.mlm_relu_derivative, x)


@same_contract(_ref.tanh)
def tanh(x: ArrayLike) -> NDArray[np.float64]:
    return _elementwise("tanh", lib.mlm_tanh, x)


@same_contract(_ref.tanh_derivative)
def tanh_derivative(x: ArrayLike) -> NDArray[np.float64]:
    return _elementwise("tanh_derivative", lib.mlm_tanh_derivative, x)


@overload
def _rowwise(func: str, export: Callable[..., int], x: ArrayLike, axis: int, reduce: Literal[False]) -> NDArray[np.float64]: ...
@overload
def _rowwise(func: str, export: Callable[..., int], x: ArrayLike, axis: int, reduce: Literal[True]) -> float | NDArray[np.float64]: ...
def _rowwise(func: str, export: Callable[..., int], x: ArrayLike, axis: int, reduce: bool) -> float | NDArray[np.float64]:
    x, axis = _nn.along_axis(func, x, axis)
    rows, moved = _nn.to_rows(x, axis)
    r, c = rows.shape
    dst = np.empty((r, 1 if reduce else c))
    check(export(ptr(rows), r, c, out_ptr(dst)), func)
    if reduce:
        out = dst.reshape(moved[:-1])
        return float(out) if out.ndim == 0 else out
    return np.ascontiguousarray(np.moveaxis(dst.reshape(moved), -1, axis))


@same_contract(_ref.softmax)
def softmax(x: ArrayLike, axis: int = -1) -> NDArray[np.float64]:
    return _rowwise("softmax", lib.mlm_softmax, x, axis, False)


@same_contract(_ref.log_softmax)
def log_softmax(x: ArrayLike, axis: int = -1) -> NDArray[np.float64]:
    return _rowwise("log_softmax", lib.mlm_log_softmax, x, axis, False)


@same_contract(_ref.logsumexp)
def logsumexp(x: ArrayLike, axis: int = -1) -> float | NDArray[np.float64]:
    return _rowwise("logsumexp", lib.mlm_logsumexp, x, axis, True)


def _loss(func: str, export: Callable[..., int], a_name: str, a: ArrayLike, b_name: str, b: ArrayLike, *extra: float) -> float:
    a, b = _nn.pair(func, a_name, a, b_name, b)
    out = ffi.new(DOUBLE1)
    check(export(ptr(a), ptr(b), a.size, *extra, out), func)
    return out[0]


@same_contract(_ref.mse)
def mse(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    return _loss("mse", lib.mlm_mse, "y_true", y_true, "y_pred", y_pred)


@same_contract(_ref.binary_cross_entropy)
def binary_cross_entropy(y_true: ArrayLike, p: ArrayLike) -> float:
    return _loss("binary_cross_entropy", lib.mlm_binary_cross_entropy, "y_true", y_true, "p", p, _nn.EPS)


@same_contract(_ref.binary_cross_entropy_with_logits)
def binary_cross_entropy_with_logits(y_true: ArrayLike, logits: ArrayLike) -> float:
    return _loss("binary_cross_entropy_with_logits", lib.mlm_bce_with_logits, "y_true", y_true, "logits", logits)


@same_contract(_ref.softmax_cross_entropy)
def softmax_cross_entropy(labels: ArrayLike, logits: ArrayLike) -> float:
    labels, logits = _nn.labels_logits("softmax_cross_entropy", labels, logits)
    labels = np.ascontiguousarray(labels)
    out = ffi.new(DOUBLE1)
    n, c = logits.shape
    check(lib.mlm_softmax_cross_entropy(ffi.from_buffer("int64_t[]", labels), ptr(logits), n, c, out), "softmax_cross_entropy")
    return out[0]


@same_contract(_ref.mlp_forward)
def mlp_forward(X: ArrayLike, W1: ArrayLike, b1: ArrayLike, W2: ArrayLike, b2: ArrayLike) -> MLPForward:
    X, W1, b1, W2, b2, (n, d, h, o) = _nn.network("mlp_forward", X, W1, b1, W2, b2)
    a1, z1, a2, z2 = np.empty((n, h)), np.empty((n, h)), np.empty((n, o)), np.empty((n, o))
    check(lib.mlm_mlp_forward(ptr(X), ptr(W1), ptr(b1), ptr(W2), ptr(b2), n, d, h, o, out_ptr(a1), out_ptr(a2), out_ptr(z1), out_ptr(z2)),
          "mlp_forward")
    return MLPForward(a1, a2, z1, z2)


@same_contract(_ref.mlp_backward)
def mlp_backward(X: ArrayLike, y: ArrayLike, a1: ArrayLike, a2: ArrayLike, z1: ArrayLike, z2: ArrayLike, W1: ArrayLike, W2: ArrayLike) -> MLPGradients:
    X, y, a1, a2, W2, (n, d, h, o) = _nn.backward_operands("mlp_backward", X, y, a1, a2, z1, z2, W1, W2)
    dW1, db1, dW2, db2 = np.empty((d, h)), np.empty(h), np.empty((h, o)), np.empty(o)
    check(lib.mlm_mlp_backward(ptr(X), ptr(y), ptr(a1), ptr(a2), ptr(W2), n, d, h, o, out_ptr(dW1), out_ptr(db1), out_ptr(dW2), out_ptr(db2)),
          "mlp_backward")
    return MLPGradients(dW1, db1, dW2, db2)


@same_contract(_ref.train_mlp)
def train_mlp(
    X: ArrayLike,
    y: ArrayLike,
    W1: NDArray[np.float64],
    b1: NDArray[np.float64],
    W2: NDArray[np.float64],
    b2: NDArray[np.float64],
    optimizer: Optimizer,
    epochs: int,
    batch_size: int | None = None,
    callback: Callable[[int, float], object] | None = None,
) -> TrainResult:
    func = "train_mlp"
    X, y, (n, d, h, o), epochs, batch = _nn.training(func, X, y, W1, b1, W2, b2, optimizer, epochs, batch_size, callback)
    kind, hyper, nhyper, state = native(optimizer)
    progress = TrainingProgress(func, callback)
    pp, pctx = progress_arg(progress)
    every = 0.0 if callback is not None else PROGRESS_EVERY
    done = ffi.new("int64_t *")
    w = [ffi.from_buffer("double[]", p, require_writable=True) for p in (W1, b1, W2, b2)]
    # Training keeps its state in the arrays and the optimizer's step count,
    # so many epochs go in chunks of at most CHUNK (the same updates, without
    # allocating a loss per epoch up front: epochs may be 10**12).
    chunks, total = [], 0
    while True:
        rows = min(epochs - total, CHUNK)
        losses = np.empty(rows)
        done[0] = 0
        try:
            status = invoke(lib.mlm_train_mlp, ptr(X), ptr(y), n, d, h, o, *w, kind, hyper, nhyper, state, optimizer.steps,
                            rows, batch, out_ptr(losses), pp, pctx, every, done)
        finally:  # also after Ctrl-C: count the updates Go made, one per batch of each epoch run
            optimizer.steps += done[0] * (-(-n // batch))
        check(status, func)
        k = done[0]
        chunks.append(losses[:k])
        total += k
        if k < rows or total == epochs or progress.stopped:
            break  # all epochs run, or stopped by the callback
        progress.offset = total
    return TrainResult(W1, b1, W2, b2, np.concatenate(chunks))
