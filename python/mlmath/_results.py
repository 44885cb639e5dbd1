"""Named results shared by both backends, like numpy.linalg's (``QRResult``).

One class per result, so ``type(reference.qr(A)) is type(go.qr(A))`` and the
fields read the same from either backend. The field names are numpy.linalg's.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np


class QRResult(NamedTuple):
    """``A = Q @ R``: Q (m, k) with orthonormal columns, R (k, n) upper triangular, k = min(m, n)."""

    Q: np.ndarray
    R: np.ndarray


class EigResult(NamedTuple):
    """``A @ v[:, j] = w[j] * v[:, j]``: eigenvalues (n,), eigenvectors (n, n) in columns; complex128 unless all real."""

    eigenvalues: np.ndarray
    eigenvectors: np.ndarray


class EighResult(NamedTuple):
    """``A = V diag(w) V^T``: eigenvalues (n,) ascending, eigenvectors (n, n) orthonormal, in columns."""

    eigenvalues: np.ndarray
    eigenvectors: np.ndarray


class SVDResult(NamedTuple):
    """``A = U @ diag(S) @ Vh``: U (m, k or m), S (k,) descending, Vh (k or n, n); numpy's field names."""

    U: np.ndarray
    S: np.ndarray
    Vh: np.ndarray


class LowRankResult(NamedTuple):
    """The best rank-k approximation ``A_k = U_k @ diag(s_k) @ Vt_k`` (Eckart-Young)."""

    U_k: np.ndarray
    s_k: np.ndarray
    Vt_k: np.ndarray
    A_k: np.ndarray


class PCAResult(NamedTuple):
    """scikit-learn's PCA attributes (components_, explained_variance_, ...) and fit_transform's result."""

    components: np.ndarray
    explained_variance: np.ndarray
    explained_variance_ratio: np.ndarray
    mean: np.ndarray
    transformed: np.ndarray


class GradientDescentResult(NamedTuple):
    """The final point x (n,) and the path history (steps + 1, n): history[0] is x0, history[-1] is x."""

    x: np.ndarray
    history: np.ndarray


class MLPForward(NamedTuple):
    """The notes' forward pass: a1, z1 (n, h) of the hidden layer, a2, z2 (n, o) of the output layer."""

    a1: np.ndarray
    a2: np.ndarray
    z1: np.ndarray
    z2: np.ndarray


class MLPGradients(NamedTuple):
    """Gradients of the mean binary cross-entropy: dW1 (d, h), db1 (h,), dW2 (h, o), db2 (o,)."""

    dW1: np.ndarray
    db1: np.ndarray
    dW2: np.ndarray
    db2: np.ndarray


class TrainResult(NamedTuple):
    """The trained parameters (the very arrays passed in, updated in place) and the loss of each epoch run."""

    W1: np.ndarray
    b1: np.ndarray
    W2: np.ndarray
    b2: np.ndarray
    losses: np.ndarray


class BiasVarianceResult(NamedTuple):
    """expected_error = bias_squared + variance (to rounding), each averaged over the points."""

    bias_squared: float
    variance: float
    expected_error: float


class StandardizeResult(NamedTuple):
    """X_scaled = (X - mean) / std; mean, std (d,), std = the population standard deviation, 1 where it is 0."""

    X_scaled: np.ndarray
    mean: np.ndarray
    std: np.ndarray


class LogisticRegressionResult(NamedTuple):
    """The fitted weights (d,), bias, and the objective at the start of each iteration run."""

    weights: np.ndarray
    bias: float
    loss_history: np.ndarray
