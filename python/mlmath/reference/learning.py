"""Statistical learning theory in numpy: generalization bounds and the bias-variance decomposition.

The bounds are the standard agnostic uniform-convergence bounds: n i.i.d.
samples, a loss bounded in [0, 1], and with probability at least 1 - delta
the true risk R(h) and the empirical risk R_n(h) satisfy |R(h) - R_n(h)| <=
epsilon, for one fixed hypothesis (Hoeffding) or for every hypothesis of the
class at once (finite class, VC).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from mlmath import _info
from mlmath._results import BiasVarianceResult

__all__ = ["hoeffding_bound", "finite_class_bound", "sample_complexity", "vc_bound", "bias_variance_decomposition"]


def hoeffding_bound(n: int, delta: float) -> float:
    """Hoeffding's bound for one hypothesis: epsilon = sqrt(ln(2 / delta) / (2 n)).

    With probability >= 1 - delta over n i.i.d. samples of a loss in [0, 1],
    |R(h) - R_n(h)| <= epsilon (two-sided: P(|mean - E| > eps) <= 2 exp(-2 n eps^2)).

    Parameters
    ----------
    n : int >= 1
    delta : float in (0, 1)

    Returns
    -------
    float
    """
    func = "hoeffding_bound"
    n, delta = _info.count(func, "n", n), _info.probability(func, "delta", delta)
    return math.sqrt((math.log(2) - math.log(delta)) / (2 * n))  # ln(2/delta), without overflow for tiny delta


def finite_class_bound(n: int, hypothesis_count: float, delta: float) -> float:
    """The uniform bound over a finite class H: epsilon = sqrt((ln|H| + ln(2 / delta)) / (2 n)).

    Hoeffding for each hypothesis and a union bound over the |H| of them:
    with probability >= 1 - delta, every h in H has |R(h) - R_n(h)| <=
    epsilon (agnostic: no hypothesis needs zero risk).

    Parameters
    ----------
    n : int >= 1
    hypothesis_count : number >= 1 (|H|; Python ints of any size, such as 2**100)
    delta : float in (0, 1)

    Returns
    -------
    float
    """
    func = "finite_class_bound"
    n, h, delta = _info.count(func, "n", n), _info.hypotheses(func, hypothesis_count), _info.probability(func, "delta", delta)
    return math.sqrt((math.log(h) + (math.log(2) - math.log(delta))) / (2 * n))


def sample_complexity(epsilon: float, delta: float, hypothesis_count: float) -> int:
    """The samples a finite class needs for :func:`finite_class_bound` <= epsilon:

        n = ceil((ln|H| + ln(2 / delta)) / (2 epsilon^2))

    Parameters
    ----------
    epsilon : float > 0
    delta : float in (0, 1)
    hypothesis_count : number >= 1

    Returns
    -------
    int
    """
    func = "sample_complexity"
    eps = _info.positive(func, "epsilon", epsilon)
    delta, h = _info.probability(func, "delta", delta), _info.hypotheses(func, hypothesis_count)
    # 2 eps^2 underflows to 0 for a tiny epsilon (1e-200): n is then +inf, as in Go.
    denominator = 2 * eps * eps
    n = (math.log(h) + (math.log(2) - math.log(delta))) / denominator if denominator > 0 else math.inf
    if not n < 2**63:
        raise ValueError(f"{func}: {n:.3g} samples do not fit a 64-bit integer")
    exact = n < 2**53  # beyond, samples are not counted exactly anyway (Go: the same rule)
    n = max(1, math.ceil(n))
    # ceil of a rounded quotient can be one off: move n to the smallest count whose bound holds.
    while exact and n > 1 and finite_class_bound(n - 1, h, delta) <= eps:
        n -= 1
    while exact and finite_class_bound(n, h, delta) > eps:
        n += 1
    return n


def vc_bound(n: int, vc_dimension: int, delta: float) -> float:
    """Vapnik's bound for a class of VC dimension d, n >= d:

        epsilon = sqrt((d (ln(2 n / d) + 1) + ln(4 / delta)) / n)

    With probability >= 1 - delta every hypothesis h of the class has
    R(h) <= R_n(h) + epsilon (loss in [0, 1], i.i.d. samples).

    Parameters
    ----------
    n : int >= vc_dimension
    vc_dimension : int >= 1
    delta : float in (0, 1)

    Returns
    -------
    float
    """
    func = "vc_bound"
    n, d = _info.count(func, "n", n), _info.count(func, "vc_dimension", vc_dimension)
    delta = _info.probability(func, "delta", delta)
    if n < d:
        raise ValueError(f"{func}: n must be >= vc_dimension ({d}), got {n}")
    return math.sqrt((d * (math.log(2 * n / d) + 1) + (math.log(4) - math.log(delta))) / n)


def bias_variance_decomposition(predictions: ArrayLike, y_true: ArrayLike) -> BiasVarianceResult:
    """The bias-variance decomposition of the squared error of an ensemble of models.

    For predictions[i, j] of model i at point j, m_j = mean_i predictions[i, j]:

        bias_squared   = mean_j (m_j - y_j)^2
        variance       = mean_j mean_i (predictions[i, j] - m_j)^2     (ddof = 0)
        expected_error = mean_j mean_i (predictions[i, j] - y_j)^2 = bias_squared + variance

    Parameters
    ----------
    predictions : (n_models, n_points) array_like
    y_true : (n_points,) array_like

    Returns
    -------
    BiasVarianceResult(bias_squared, variance, expected_error)
    """
    P, y = _info.predictions("bias_variance_decomposition", predictions, y_true)
    m = np.ascontiguousarray(P.T).mean(axis=1)  # each point's mean over the models, pairwise
    bias2 = float(np.mean((m - y) ** 2))
    variance = float(np.mean(np.ascontiguousarray(((P - m) ** 2).T).mean(axis=1)))
    expected = float(np.mean(np.ascontiguousarray(((P - y) ** 2).T).mean(axis=1)))
    return BiasVarianceResult(bias2, variance, expected)
