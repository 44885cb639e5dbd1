"""Named results shared by both backends, like numpy.linalg's (``QRResult``).

One class per result, so ``type(reference.qr(A)) is type(go.qr(A))`` and the
fields read the same from either backend. The field names are numpy.linalg's.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray


class QRResult(NamedTuple):
    """``A = Q @ R``: Q (m, k) with orthonormal columns, R (k, n) upper triangular, k = min(m, n)."""

    Q: NDArray[np.float64]
    R: NDArray[np.float64]


class EigResult(NamedTuple):
    """``A @ v[:, j] = w[j] * v[:, j]``: eigenvalues (n,), eigenvectors (n, n) in columns; complex128 unless all real."""

    eigenvalues: NDArray[np.float64 | np.complex128]
    eigenvectors: NDArray[np.float64 | np.complex128]


class EighResult(NamedTuple):
    """``A = V diag(w) V^T``: eigenvalues (n,) ascending, eigenvectors (n, n) orthonormal, in columns."""

    eigenvalues: NDArray[np.float64]
    eigenvectors: NDArray[np.float64]


class SVDResult(NamedTuple):
    """``A = U @ diag(S) @ Vh``: U (m, k or m), S (k,) descending, Vh (k or n, n); numpy's field names."""

    U: NDArray[np.float64]
    S: NDArray[np.float64]
    Vh: NDArray[np.float64]


class LowRankResult(NamedTuple):
    """The best rank-k approximation ``A_k = U_k @ diag(s_k) @ Vt_k`` (Eckart-Young)."""

    U_k: NDArray[np.float64]
    s_k: NDArray[np.float64]
    Vt_k: NDArray[np.float64]
    A_k: NDArray[np.float64]


class PCAResult(NamedTuple):
    """scikit-learn's PCA attributes (components_, explained_variance_, ...) and fit_transform's result."""

    components: NDArray[np.float64]
    explained_variance: NDArray[np.float64]
    explained_variance_ratio: NDArray[np.float64]
    mean: NDArray[np.float64]
    transformed: NDArray[np.float64]


class GradientDescentResult(NamedTuple):
    """The final point x (n,) and the path history (steps + 1, n): history[0] is x0, history[-1] is x."""

    x: NDArray[np.float64]
    history: NDArray[np.float64]


class MLPForward(NamedTuple):
    """The notes' forward pass: a1, z1 (n, h) of the hidden layer, a2, z2 (n, o) of the output layer."""

    a1: NDArray[np.float64]
    a2: NDArray[np.float64]
    z1: NDArray[np.float64]
    z2: NDArray[np.float64]


class MLPGradients(NamedTuple):
    """Gradients of the mean binary cross-entropy: dW1 (d, h), db1 (h,), dW2 (h, o), db2 (o,)."""

    dW1: NDArray[np.float64]
    db1: NDArray[np.float64]
    dW2: NDArray[np.float64]
    db2: NDArray[np.float64]


class TrainResult(NamedTuple):
    """The trained parameters (the very arrays passed in, updated in place) and the loss of each epoch run."""

    W1: NDArray[np.float64]
    b1: NDArray[np.float64]
    W2: NDArray[np.float64]
    b2: NDArray[np.float64]
    losses: NDArray[np.float64]


class BiasVarianceResult(NamedTuple):
    """expected_error = bias_squared + variance (to rounding), each averaged over the points."""

    bias_squared: float
    variance: float
    expected_error: float


class StandardizeResult(NamedTuple):
    """X_scaled = (X - mean) / std; mean, std (d,), std = the population standard deviation, 1 where it is 0."""

    X_scaled: NDArray[np.float64]
    mean: NDArray[np.float64]
    std: NDArray[np.float64]


class LogisticRegressionResult(NamedTuple):
    """The fitted weights (d,), bias, and the objective at the start of each iteration run."""

    weights: NDArray[np.float64]
    bias: float
    loss_history: NDArray[np.float64]
