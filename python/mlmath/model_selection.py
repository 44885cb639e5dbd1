"""Splitting data for validation, shared by both backends (it only makes indices)."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from mlmath import _validate as _v
from mlmath.datasets import Seed

__all__ = ["k_fold_indices"]


def k_fold_indices(n: int, k: int, shuffle: bool = False, seed: Seed = None) -> list[tuple[NDArray[np.int64], NDArray[np.int64]]]:
    """The (train, test) index arrays of k-fold cross-validation, as sklearn.model_selection.KFold.

    The n indices (shuffled first, with ``np.random.default_rng(seed)``, if
    ``shuffle``) are cut into k consecutive folds; the first n % k folds have
    n // k + 1 indices, the others n // k. Fold i is the test set of split i,
    the other folds, in order, its training set.

    Parameters
    ----------
    n : int >= k
    k : int >= 2
    shuffle : bool
    seed : int, optional (with shuffle)

    Returns
    -------
    list of k pairs (train, test) of int64 arrays; the tests partition range(n).
    """
    func = "k_fold_indices"
    n, k = _v.count(func, "n", n), _v.count(func, "k", k)
    shuffle = _v.flag(func, "shuffle", shuffle)
    if k < 2:
        raise ValueError(f"{func}: k must be >= 2, got {k}")
    if n < k:
        raise ValueError(f"{func}: cannot split n={n} samples into k={k} folds")
    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    sizes = np.full(k, n // k)
    sizes[: n % k] += 1
    folds, start = [], 0
    for size in sizes:
        folds.append(order[start : start + size])
        start += size
    return [(np.concatenate(folds[:i] + folds[i + 1 :]).astype(np.int64), folds[i].astype(np.int64)) for i in range(k)]
