"""Input checks of the neural-network functions, shared by both backends."""

from __future__ import annotations

import numpy as np
from numpy.lib.array_utils import normalize_axis_index
from numpy.typing import ArrayLike, NDArray

from mlmath import _calculus
from mlmath import _validate as _v
from mlmath._optim import Optimizer

AxisError = np.exceptions.AxisError
#: sklearn's log_loss clips probabilities to [eps, 1 - eps] with the dtype's eps.
EPS = float(np.finfo(np.float64).eps)

_Floats = NDArray[np.float64]
#: (n, d, h, o): samples, inputs, hidden units, outputs.
_Sizes = tuple[int, int, int, int]


def c_order(a: _Floats) -> _Floats:
    """a itself if C-contiguous, else a C-ordered copy (0-d arrays stay 0-d,
    unlike np.ascontiguousarray)."""
    return a if a.flags.c_contiguous else a.copy(order="C")


def values(func: str, x: ArrayLike) -> _Floats:
    """``x`` as a C-contiguous float64 array of any shape (a scalar as a 0-d array)."""
    return c_order(_v.array(func, "x", x))


def along_axis(func: str, x: ArrayLike, axis: object) -> tuple[_Floats, int]:
    """``x`` (at least 1-D) and ``axis`` normalized; numpy's AxisError for a bad axis."""
    x = c_order(_v.array(func, "x", x))
    if x.ndim == 0:
        raise ValueError(f"{func}: x must have at least one dimension, got a scalar")
    axis = normalize_axis_index(_v.count(func, "axis", axis), x.ndim, msg_prefix=func)
    if x.shape[axis] == 0:  # checked first: computing would allocate per row (2**40 rows for shape (2**40, 0))
        raise ValueError(f"{func}: x has no entries along axis {axis} (shape {x.shape}): "
                         "zero-size array to reduction operation maximum which has no identity")
    return x, axis


def to_rows(x: _Floats, axis: int) -> tuple[_Floats, tuple[int, ...]]:
    """x with ``axis`` moved last, as a C-contiguous (rows, cols) matrix, and the moved shape."""
    moved = np.moveaxis(x, axis, -1)
    return np.ascontiguousarray(moved).reshape(-1, moved.shape[-1]), moved.shape


def pair(func: str, a_name: str, a: ArrayLike, b_name: str, b: ArrayLike) -> tuple[_Floats, _Floats]:
    """Two non-empty float64 arrays of one shape."""
    a, b = _v.array(func, a_name, a), _v.array(func, b_name, b)
    if a.shape != b.shape:
        raise ValueError(f"{func}: {a_name} and {b_name} must have the same shape, got {a.shape} and {b.shape}")
    if a.size == 0:
        raise ValueError(f"{func}: undefined for empty arrays (shape {a.shape})")
    return a, b


def labels_logits(func: str, labels: ArrayLike, logits: ArrayLike) -> tuple[NDArray[np.int64], _Floats]:
    """Integer class labels (n,) and logits (n, C), each label in [0, C)."""
    logits = _v.matrix(func, "logits", logits)
    lab = np.asarray(labels)
    if lab.dtype.kind not in "iu":
        raise TypeError(f"{func}: labels must be integer class indices, got dtype {lab.dtype}")
    if lab.ndim != 1 or lab.shape[0] != logits.shape[0]:
        raise ValueError(f"{func}: labels must have shape ({logits.shape[0]},) for logits of shape {logits.shape}, got {lab.shape}")
    n, c = logits.shape
    if n == 0 or c == 0:
        raise ValueError(f"{func}: undefined for empty logits (shape {logits.shape})")
    if lab.min() < 0 or lab.max() >= c:
        bad = int(lab[(lab < 0) | (lab >= c)][0])
        raise ValueError(f"{func}: label {bad} is out of range for {c} classes (0 <= label < {c})")
    return lab.astype(np.int64), logits


def _bias(func: str, name: str, b: ArrayLike, size: int) -> _Floats:
    b = _v.array(func, name, b)
    if b.shape not in ((size,), (1, size)):
        raise ValueError(f"{func}: {name} must have shape ({size},) or (1, {size}), got {b.shape}")
    return b


def network(
    func: str, X: ArrayLike, W1: ArrayLike, b1: ArrayLike, W2: ArrayLike, b2: ArrayLike
) -> tuple[_Floats, _Floats, _Floats, _Floats, _Floats, _Sizes]:
    """X (n, d), W1 (d, h), b1 (h,) or (1, h), W2 (h, o), b2 (o,) or (1, o); their sizes."""
    X, W1, W2 = _v.matrix(func, "X", X), _v.matrix(func, "W1", W1), _v.matrix(func, "W2", W2)
    n, d = X.shape
    if W1.shape[0] != d:
        raise ValueError(f"{func}: W1 must have {d} rows for X of shape {X.shape}, got {W1.shape}")
    h = W1.shape[1]
    if W2.shape[0] != h:
        raise ValueError(f"{func}: W2 must have {h} rows for W1 of shape {W1.shape}, got {W2.shape}")
    o = W2.shape[1]
    # C order, so that numpy's BLAS sums in one order whatever layout came in.
    c = c_order
    return c(X), c(W1), c(_bias(func, "b1", b1, h)), c(W2), c(_bias(func, "b2", b2, o)), (n, d, h, o)


def targets(func: str, y: ArrayLike, n: int, o: int) -> _Floats:
    """y as (n, o): (n,) is accepted when o == 1."""
    y = _v.array(func, "y", y)
    if y.shape == (n,) and o == 1:
        return y.reshape(n, 1)
    if y.shape != (n, o):
        want = f"({n}, {o})" + (f" or ({n},)" if o == 1 else "")
        raise ValueError(f"{func}: y must have shape {want}, got {y.shape}")
    return y


def backward_operands(
    func: str, X: ArrayLike, y: ArrayLike, a1: ArrayLike, a2: ArrayLike, z1: ArrayLike, z2: ArrayLike, W1: ArrayLike, W2: ArrayLike
) -> tuple[_Floats, _Floats, _Floats, _Floats, _Floats, _Sizes]:
    """The arrays of mlp_backward with consistent shapes; returns X, y (n, o), a1, a2, W2 and (n, d, h, o)."""
    X, W1, W2 = _v.matrix(func, "X", X), _v.matrix(func, "W1", W1), _v.matrix(func, "W2", W2)
    n, d = X.shape
    if W1.shape[0] != d or W2.shape[0] != W1.shape[1]:
        raise ValueError(f"{func}: W1 {W1.shape} and W2 {W2.shape} do not fit X of shape {X.shape}")
    h, o = W1.shape[1], W2.shape[1]
    a1, z1 = _v.matrix(func, "a1", a1), _v.matrix(func, "z1", z1)
    a2, z2 = _v.matrix(func, "a2", a2), _v.matrix(func, "z2", z2)
    for name, arr, shape in (("a1", a1, (n, h)), ("z1", z1, (n, h)), ("a2", a2, (n, o)), ("z2", z2, (n, o))):
        if arr.shape != shape:
            raise ValueError(f"{func}: {name} must have shape {shape}, got {arr.shape}")
    if n == 0:
        raise ValueError(f"{func}: undefined for an empty batch (X of shape {X.shape})")
    c = c_order
    return c(X), c(targets(func, y, n, o)), c(a1), c(a2), c(W2), (n, d, h, o)


def training(
    func: str,
    X: ArrayLike,
    y: ArrayLike,
    W1: ArrayLike,
    b1: ArrayLike,
    W2: ArrayLike,
    b2: ArrayLike,
    optimizer: object,
    epochs: object,
    batch_size: object,
    callback: object,
) -> tuple[_Floats, _Floats, _Sizes, int, int]:
    """The operands of train_mlp: the network (its parameters must be the
    optimizer's, in order W1, b1, W2, b2), targets (n, o), epochs >= 0, the
    batch size (None, or 1 <= batch_size) and the callback (None or callable)."""
    if not isinstance(optimizer, Optimizer):
        raise TypeError(f"{func}: optimizer must be an mlmath optimizer (SGD, Adam, ...), got {type(optimizer).__name__}")
    params = [W1, b1, W2, b2]
    if len(optimizer.params) != 4 or any(p is not q for p, q in zip(optimizer.params, params)):
        raise ValueError(f"{func}: the optimizer must be built over [W1, b1, W2, b2], the arrays being trained (they are updated in place)")
    X, _, _, _, _, (n, d, h, o) = network(func, X, W1, b1, W2, b2)
    if n == 0:
        raise ValueError(f"{func}: no training samples (X of shape {X.shape})")
    y = targets(func, y, n, o)
    epochs = _v.count(func, "epochs", epochs)
    if epochs < 0:
        raise ValueError(f"{func}: epochs must be >= 0, got {epochs}")
    if batch_size is not None:
        batch_size = _v.count(func, "batch_size", batch_size)
        if batch_size < 1:
            raise ValueError(f"{func}: batch_size must be >= 1 or None, got {batch_size}")
    if callback is not None:
        _calculus.function(func, "callback", callback)
    batch = n if batch_size is None else min(batch_size, n)
    return np.ascontiguousarray(X), np.ascontiguousarray(y), (n, d, h, o), epochs, batch
