"""Numeric building blocks shared by the reference modules (nn, linear,
metrics, information), each written once, in the order of operations the Go
backend follows."""

from __future__ import annotations

from typing import cast

import numpy as np
from numpy.typing import NDArray

from mlmath._nn import EPS


def sigmoid(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """scipy's expit in two branches, so that nothing overflows: 1 / (1 + exp(-x))
    for x >= 0, e / (1 + e) with e = exp(x) below (NaN stays NaN)."""
    out = np.empty_like(x)
    pos = x >= 0
    out[pos] = 1 / (1 + np.exp(-x[pos]))
    e = np.exp(x[~pos])
    out[~pos] = e / (1 + e)
    return out


def column_sums(a: NDArray[np.float64]) -> NDArray[np.float64]:
    """The sums of a's columns, each added in numpy's pairwise order (as Go does;
    np.sum(a, axis=0) on a C-ordered a adds the rows one after another)."""
    return cast("NDArray[np.float64]", np.ascontiguousarray(a.T).sum(axis=1))


def column_means(a: NDArray[np.float64]) -> NDArray[np.float64]:
    """The means of a's columns, each summed pairwise."""
    return cast("NDArray[np.float64]", np.ascontiguousarray(a.T).mean(axis=1))


def clipped_bce(y: NDArray[np.float64], p: NDArray[np.float64]) -> float:
    """-mean(y log(p) + (1 - y) log(1 - p)), p clipped to [eps, 1 - eps] (sklearn's log_loss)."""
    p = np.clip(p, EPS, 1 - EPS)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
