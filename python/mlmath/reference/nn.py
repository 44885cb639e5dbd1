"""Neural-network pieces in numpy: activations, losses, the notes' 2-layer sigmoid network.

Oracles (../shared/SEMANTICS.md): scipy.special for the activations and
softmax family, sklearn.metrics.log_loss for the binary cross-entropy of
probabilities, torch for the loss from logits and for softmax_cross_entropy.
Activations keep the shape of their input; losses are means, returned as
Python floats.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _nn
from mlmath._optim import Optimizer
from mlmath._results import MLPForward, MLPGradients, TrainResult
from mlmath.reference._numeric import clipped_bce, column_sums
from mlmath.reference._numeric import sigmoid as _sigmoid

__all__ = [
    "sigmoid",
    "sigmoid_derivative",
    "relu",
    "relu_derivative",
    "tanh",
    "tanh_derivative",
    "softmax",
    "log_softmax",
    "logsumexp",
    "mse",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "softmax_cross_entropy",
    "mlp_forward",
    "mlp_backward",
    "train_mlp",
]


def sigmoid(x: ArrayLike) -> NDArray[np.float64]:
    """The logistic function 1 / (1 + exp(-x)), elementwise, as scipy.special.expit.

    Two branches, so that nothing overflows: 1 / (1 + exp(-x)) for x >= 0 and
    exp(x) / (1 + exp(x)) for x < 0. sigmoid(37) is exactly 1.0,
    sigmoid(-800) is 0.0 (not NaN), NaN stays NaN. (The notes' ``1/(1 +
    np.exp(-x))`` overflows, with a warning, for x < -709.) scipy 1.17's expit
    uses the first form everywhere, so for x < 0 the two differ by up to 3
    ulps, and from x = -745 down to -709 the second form keeps the subnormal
    result that the first rounds to 0.

    Parameters
    ----------
    x : array_like, any shape

    Returns
    -------
    ndarray, the shape of x, float64
    """
    return _sigmoid(_nn.values("sigmoid", x))


def sigmoid_derivative(x: ArrayLike) -> NDArray[np.float64]:
    """The derivative of the sigmoid at x: s (1 - s), s = sigmoid(x), elementwise.

    Takes x, the input (some notes pass the output s instead).

    Returns
    -------
    ndarray, the shape of x
    """
    s = _sigmoid(_nn.values("sigmoid_derivative", x))
    return np.asarray(s * (1 - s))  # (an array for 0-d input too, as Go: numpy would give a scalar)


def relu(x: ArrayLike) -> NDArray[np.float64]:
    """max(x, 0) elementwise (NaN stays NaN, as numpy.maximum).

    Returns
    -------
    ndarray, the shape of x
    """
    return np.asarray(np.maximum(_nn.values("relu", x), 0.0))


def relu_derivative(x: ArrayLike) -> NDArray[np.float64]:
    """1.0 where x > 0, else 0.0 (0 at x = 0, as torch's backward, and for NaN).

    Returns
    -------
    ndarray, the shape of x
    """
    return np.asarray(_nn.values("relu_derivative", x) > 0, dtype=np.float64)


def tanh(x: ArrayLike) -> NDArray[np.float64]:
    """The hyperbolic tangent, elementwise.

    Returns
    -------
    ndarray, the shape of x
    """
    return np.asarray(np.tanh(_nn.values("tanh", x)))


def tanh_derivative(x: ArrayLike) -> NDArray[np.float64]:
    """1 - tanh(x)^2, elementwise.

    Returns
    -------
    ndarray, the shape of x
    """
    t = np.tanh(_nn.values("tanh_derivative", x))
    return np.asarray(1 - t * t)


def softmax(x: ArrayLike, axis: int = -1) -> NDArray[np.float64]:
    """exp(x) / sum(exp(x)) along ``axis``, as scipy.special.softmax: the maximum is
    subtracted first, so softmax([1000, 1001, 1002]) is finite ([0.090, 0.245, 0.665]).

    Parameters
    ----------
    x : array_like, at least 1-D
    axis : int

    Returns
    -------
    ndarray, the shape of x; each slice along axis sums to 1.

    Raises
    ------
    numpy.exceptions.AxisError
        For an axis out of range (a ValueError).
    """
    x, axis = _nn.along_axis("softmax", x, axis)
    shifted = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return cast("NDArray[np.float64]", shifted / np.sum(shifted, axis=axis, keepdims=True))


def _finite_max(x: NDArray[np.float64], axis: int) -> NDArray[np.float64]:
    m: NDArray[np.float64] = np.max(x, axis=axis, keepdims=True)
    m[~np.isfinite(m)] = 0  # as scipy: an infinite max is not subtracted
    return m


def log_softmax(x: ArrayLike, axis: int = -1) -> NDArray[np.float64]:
    """log(softmax(x)) along ``axis``, computed stably as scipy.special.log_softmax:
    (x - m) - log(sum(exp(x - m))), m the finite maximum.

    Returns
    -------
    ndarray, the shape of x
    """
    x, axis = _nn.along_axis("log_softmax", x, axis)
    tmp = x - _finite_max(x, axis)
    with np.errstate(divide="ignore"):
        return cast("NDArray[np.float64]", tmp - np.log(np.sum(np.exp(tmp), axis=axis, keepdims=True)))


def logsumexp(x: ArrayLike, axis: int = -1) -> float | NDArray[np.float64]:
    """log(sum(exp(x))) along ``axis``, as scipy.special.logsumexp: m + log(sum(exp(x - m))),
    m the finite maximum, so large entries do not overflow.

    Returns
    -------
    float for 1-D x, else ndarray: the shape of x without ``axis``
    """
    x, axis = _nn.along_axis("logsumexp", x, axis)
    m = _finite_max(x, axis)
    with np.errstate(divide="ignore"):
        out = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True)) + m
    out = np.squeeze(out, axis=axis)
    return float(out) if out.ndim == 0 else out


def mse(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """Mean squared error, mean((y_true - y_pred)^2), over all elements (same shapes).

    Returns
    -------
    float

    Raises
    ------
    ValueError
        For different shapes or empty arrays.
    """
    y, p = _nn.pair("mse", "y_true", y_true, "y_pred", y_pred)
    return float(np.mean((y - p) ** 2))


def binary_cross_entropy(y_true: ArrayLike, p: ArrayLike) -> float:
    """Mean binary cross-entropy of probabilities, as sklearn.metrics.log_loss:

        -mean(y log(p) + (1 - y) log(1 - p)),   p clipped to [eps, 1 - eps], eps = 2^-52,

    so p = 0 or 1 gives a large finite loss, not inf.

    Returns
    -------
    float
    """
    return clipped_bce(*_nn.pair("binary_cross_entropy", "y_true", y_true, "p", p))


def _log_sigmoid(x: NDArray[np.float64]) -> NDArray[np.float64]:
    return cast("NDArray[np.float64]", np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x))))


def binary_cross_entropy_with_logits(y_true: ArrayLike, logits: ArrayLike) -> float:
    """Mean binary cross-entropy from logits x, torch's BCEWithLogitsLoss:

        mean((1 - y) x - log_sigmoid(x)),   log_sigmoid(x) = min(x, 0) - log1p(exp(-|x|)),

    which never overflows (the probabilities are never formed).

    Returns
    -------
    float
    """
    y, x = _nn.pair("binary_cross_entropy_with_logits", "y_true", y_true, "logits", logits)
    return float(np.mean((1 - y) * x - _log_sigmoid(x)))


def softmax_cross_entropy(labels: ArrayLike, logits: ArrayLike) -> float:
    """Mean cross-entropy of integer class labels under softmax(logits), torch's
    ``cross_entropy`` (mean reduction):

        mean_i (logsumexp(logits[i]) - logits[i, labels[i]])

    (The information measure ``cross_entropy(p, q)`` between distributions is a
    different function.)

    Parameters
    ----------
    labels : (n,) array_like of integers in [0, C)
    logits : (n, C) array_like

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If labels are not integers.
    ValueError
        For a label out of range (torch raises IndexError) or mismatched shapes.
    """
    labels, logits = _nn.labels_logits("softmax_cross_entropy", labels, logits)
    # torch's way: log_softmax, then the label's entry: -((x_label - m) - log(sum(exp(x - m)))).
    m = _finite_max(logits, 1)[:, 0]
    s = np.sum(np.exp(logits - m[:, None]), axis=1)
    picked = logits[np.arange(logits.shape[0]), labels]
    return float(np.mean(-((picked - m) - np.log(s))))


def _forward(
    X: NDArray[np.float64], W1: NDArray[np.float64], b1: NDArray[np.float64], W2: NDArray[np.float64], b2: NDArray[np.float64]
) -> MLPForward:
    z1 = X @ W1 + b1.reshape(-1)
    a1 = _sigmoid(z1)
    z2 = a1 @ W2 + b2.reshape(-1)
    return MLPForward(a1, _sigmoid(z2), z1, z2)


def mlp_forward(X: ArrayLike, W1: ArrayLike, b1: ArrayLike, W2: ArrayLike, b2: ArrayLike) -> MLPForward:
    """The notes' forward pass through a 2-layer sigmoid network:

        z1 = X W1 + b1,  a1 = sigmoid(z1);   z2 = a1 W2 + b2,  a2 = sigmoid(z2)

    Parameters
    ----------
    X : (n, d) array_like
    W1 : (d, h), b1 : (h,) or (1, h), W2 : (h, o), b2 : (o,) or (1, o)

    Returns
    -------
    MLPForward(a1, a2, z1, z2)
        a1, z1 : (n, h); a2, z2 : (n, o)
    """
    X, W1, b1, W2, b2, _ = _nn.network("mlp_forward", X, W1, b1, W2, b2)
    return _forward(X, W1, b1, W2, b2)


def _backward(
    X: NDArray[np.float64], y: NDArray[np.float64], a1: NDArray[np.float64], a2: NDArray[np.float64], W2: NDArray[np.float64]
) -> MLPGradients:
    dz2 = (a2 - y) / a2.size  # the loss is the mean over all n * o outputs
    dW2 = a1.T @ dz2
    db2 = column_sums(dz2)
    dz1 = (dz2 @ W2.T) * (a1 * (1 - a1))
    return MLPGradients(X.T @ dz1, column_sums(dz1), dW2, db2)


def mlp_backward(X: ArrayLike, y: ArrayLike, a1: ArrayLike, a2: ArrayLike, z1: ArrayLike, z2: ArrayLike, W1: ArrayLike, W2: ArrayLike) -> MLPGradients:
    """The notes' backward pass: gradients of the mean binary cross-entropy of a2
    against y, the mean over all n * o outputs as :func:`binary_cross_entropy`
    and torch's BCELoss take it (sigmoid output, so dz2 = a2 - y; with one
    output, o = 1, this is the notes' division by the n samples):

        dz2 = (a2 - y) / (n o);  dW2 = a1^T dz2;  db2 = sum_rows(dz2)
        dz1 = (dz2 W2^T) * a1 (1 - a1);  dW1 = X^T dz1;  db1 = sum_rows(dz1)

    z1, z2 and W1 are accepted as in the notes (the sigmoid's derivative is
    taken from a1), and their shapes checked.

    Parameters
    ----------
    X : (n, d); y : (n, o), or (n,) when o = 1; a1, z1 : (n, h); a2, z2 : (n, o); W1 : (d, h); W2 : (h, o)

    Returns
    -------
    MLPGradients(dW1, db1, dW2, db2)
        dW1 (d, h), db1 (h,), dW2 (h, o), db2 (o,)
    """
    X, y, a1, a2, W2, _ = _nn.backward_operands("mlp_backward", X, y, a1, a2, z1, z2, W1, W2)
    return _backward(X, y, a1, a2, W2)


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
    """Train the notes' network: for each epoch, for each batch of consecutive rows
    (no shuffling; the last batch may be shorter; None: the full batch), a
    forward pass, the batch's binary cross-entropy, a backward pass and one
    ``optimizer.step``. The loss of an epoch is the mean over its batches,
    weighted by batch size, each measured before its batch's update (for the
    full batch: the loss at the epoch's starting parameters).

    Parameters
    ----------
    X : (n, d) array_like; y : (n, o), or (n,) when o = 1, targets in [0, 1]
    W1, b1, W2, b2 : float64 arrays, the initial parameters, **updated in place**
    optimizer : an mlmath optimizer (SGD, Adam, ...) built over [W1, b1, W2, b2]
    epochs : int >= 0
    batch_size : int >= 1, optional
    callback : callable, optional
        callback(epoch, loss) after every epoch (epoch = epochs done); a
        truthy return stops training.

    Returns
    -------
    TrainResult(W1, b1, W2, b2, losses)
        The trained parameters (the arrays passed in) and losses (epochs run,).

    Raises
    ------
    ValueError
        If the optimizer is not built over exactly [W1, b1, W2, b2], or shapes
        disagree. The Go backend runs the whole loop in Go; Ctrl-C stops it
        within about 50 ms, at the end of an epoch: after the
        KeyboardInterrupt the parameters and the optimizer's state are those
        of the last completed epoch, and optimizer.steps counts its updates
        (the reference, a Python loop, may stop in the middle of an update).
    """
    func = "train_mlp"
    X, y, (n, d, h, o), epochs, batch = _nn.training(func, X, y, W1, b1, W2, b2, optimizer, epochs, batch_size, callback)
    losses = []
    for epoch in range(epochs):
        total = 0.0
        for start in range(0, n, batch):
            Xb, yb = X[start : start + batch], y[start : start + batch]
            a1, a2, _, _ = _forward(Xb, W1, b1, W2, b2)
            total += clipped_bce(yb, a2) * Xb.shape[0]
            g = _backward(Xb, yb, a1, a2, W2)
            optimizer.step([g.dW1, g.db1.reshape(b1.shape), g.dW2, g.db2.reshape(b2.shape)])
        losses.append(total / n)
        if callback is not None and callback(epoch + 1, losses[-1]):
            break
    return TrainResult(W1, b1, W2, b2, np.array(losses))
