"""Toy data for the ML pipeline, shared by both backends (numpy only).

- :func:`make_classification`: a two-class problem in the style of
  ``sklearn.datasets.make_classification``;
- :func:`train_test_split`: sklearn's sizes, optionally stratified.

Both draw from ``np.random.default_rng(random_state)``: the same
``random_state`` gives the same data, but never sklearn's data (another
generator, another order of draws). Share generated data between backends as
fixtures rather than expect two generators to agree.
"""

from __future__ import annotations

import math
import numbers
from typing import Any, TypeAlias

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v

__all__ = ["make_classification", "train_test_split"]

#: A ``random_state`` (or seed): what ``np.random.default_rng`` accepts; a
#: Generator is used as is, and advanced.
Seed: TypeAlias = "int | np.random.SeedSequence | np.random.BitGenerator | np.random.Generator | None"


def make_classification(
    n_samples: int = 1000,
    n_features: int = 2,
    n_informative: int = 2,
    n_redundant: int = 0,
    class_sep: float = 1.0,
    flip_y: float = 0.01,
    random_state: Seed = None,
    *,
    n_clusters_per_class: int = 1,
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """A random two-class problem: Gaussian clusters on the vertices of a hypercube.

    sklearn's algorithm (Guyon's design of the NIPS 2003 benchmark), for two
    classes, written afresh:

    1. Clusters. ``2 * n_clusters_per_class`` distinct vertices of the
       hypercube ``{-class_sep, +class_sep} ** n_informative`` (side
       ``2 * class_sep``) are drawn at random; cluster ``j`` belongs to class
       ``j % 2``.
    2. Samples. Cluster sizes are ``n_samples // n_clusters``, the remainder
       going one each to the first clusters (sklearn's rule), so before the
       label noise class 0 has ``ceil(n_samples / 2)`` points and class 1
       ``floor(n_samples / 2)``.
       Each cluster is standard normal points times a random matrix ``A`` with
       entries uniform in [-1, 1] (a random covariance ``A.T @ A``, as sklearn),
       shifted to its vertex.
    3. Redundant features: ``X_informative @ B``, ``B`` of shape
       (n_informative, n_redundant) uniform in [-1, 1].
    4. Noise features: standard normal, independent of the class.
    5. Label noise: each label, with probability ``flip_y``, is replaced by a
       class drawn uniformly from {0, 1} (so about ``flip_y / 2`` of the labels
       actually change, as sklearn).
    6. The rows are shuffled.

    Differences from sklearn: two classes only; ``n_clusters_per_class``
    defaults to 1 (sklearn: 2), keyword-only; no ``n_repeated``, ``weights``,
    ``hypercube``, ``shift``, ``scale`` (sklearn's defaults: the vertices of
    the hypercube, no shift, no scaling); the columns are not shuffled: they
    come in the order informative, redundant, noise.

    Parameters
    ----------
    n_samples : int >= 2
    n_features : int >= n_informative + n_redundant
    n_informative : int >= 1, with ``2 * n_clusters_per_class <= 2 ** n_informative``
    n_redundant : int >= 0
    class_sep : float > 0, half the side of the hypercube
    flip_y : float in [0, 1]
    random_state : None, int, or anything ``np.random.default_rng`` accepts
        (a ``np.random.Generator`` is used as is, and advanced)
    n_clusters_per_class : int >= 1, keyword-only

    Returns
    -------
    X : (n_samples, n_features) float64 ndarray
    y : (n_samples,) int64 ndarray of 0 and 1

    Raises
    ------
    TypeError: a count that is not an integer, class_sep or flip_y not a real number.
    ValueError: a count or a fraction out of range (see Parameters).
    """
    func = "make_classification"
    n_samples = _v.count(func, "n_samples", n_samples)
    n_features = _v.count(func, "n_features", n_features)
    n_informative = _v.count(func, "n_informative", n_informative)
    n_redundant = _v.count(func, "n_redundant", n_redundant)
    per_class = _v.count(func, "n_clusters_per_class", n_clusters_per_class)
    class_sep = _v.real_scalar(func, "class_sep", class_sep)
    flip_y = _v.real_scalar(func, "flip_y", flip_y)
    if n_samples < 2:
        raise ValueError(f"{func}: n_samples must be >= 2 (one per class), got {n_samples}")
    if n_informative < 1:
        raise ValueError(f"{func}: n_informative must be >= 1, got {n_informative}")
    if n_redundant < 0:
        raise ValueError(f"{func}: n_redundant must be >= 0, got {n_redundant}")
    if n_informative + n_redundant > n_features:
        raise ValueError(
            f"{func}: n_informative + n_redundant = {n_informative} + {n_redundant} must be <= n_features = {n_features}"
        )
    if per_class < 1:
        raise ValueError(f"{func}: n_clusters_per_class must be >= 1, got {per_class}")
    n_clusters = 2 * per_class
    if n_clusters > 2**n_informative:
        raise ValueError(
            f"{func}: 2 classes * n_clusters_per_class ({per_class}) = {n_clusters} clusters need distinct vertices, "
            f"but the hypercube has only 2**n_informative = {2**n_informative}"
        )
    if not class_sep > 0 or not math.isfinite(class_sep):
        raise ValueError(f"{func}: class_sep must be a finite number > 0, got {class_sep}")
    if not 0.0 <= flip_y <= 1.0:
        raise ValueError(f"{func}: flip_y must be in [0, 1], got {flip_y}")

    rng = np.random.default_rng(random_state)
    sizes = np.full(n_clusters, n_samples // n_clusters)
    sizes[: n_samples % n_clusters] += 1
    centroids = class_sep * (2.0 * _distinct_vertices(rng, n_clusters, n_informative) - 1.0)

    X = np.empty((n_samples, n_features))
    y = np.empty(n_samples, dtype=np.int64)
    informative = X[:, :n_informative]
    start = 0
    for j, (size, centroid) in enumerate(zip(sizes, centroids)):
        A = rng.uniform(-1.0, 1.0, size=(n_informative, n_informative))
        informative[start : start + size] = rng.standard_normal((size, n_informative)) @ A + centroid
        y[start : start + size] = j % 2
        start += size
    if n_redundant:
        B = rng.uniform(-1.0, 1.0, size=(n_informative, n_redundant))
        X[:, n_informative : n_informative + n_redundant] = informative @ B
    n_noise = n_features - n_informative - n_redundant
    if n_noise:
        X[:, n_informative + n_redundant :] = rng.standard_normal((n_samples, n_noise))

    reassigned = rng.uniform(size=n_samples) < flip_y
    y[reassigned] = rng.integers(0, 2, size=int(reassigned.sum()))

    order = rng.permutation(n_samples)
    return X[order], y[order]


def _distinct_vertices(rng: np.random.Generator, count: int, dim: int) -> NDArray[np.float64]:
    """``count`` distinct random rows of {0, 1} ** dim, as a (count, dim) float array."""
    if dim <= 62:  # vertex numbers fit an int64: draw them without replacement
        codes = rng.choice(2**dim, size=count, replace=False)
        return ((codes[:, None] >> np.arange(dim - 1, -1, -1)) & 1).astype(np.float64)
    while True:  # 2**dim >= 2**63 vertices: a repeat is (almost) impossible, redraw if it happens
        bits = rng.integers(0, 2, size=(count, dim))
        if len(np.unique(bits, axis=0)) == count:
            return bits.astype(np.float64)


def train_test_split(
    X: ArrayLike, y: ArrayLike, test_size: float = 0.2, random_state: Seed = None, stratify: ArrayLike | None = None
) -> tuple[NDArray[Any], NDArray[Any], NDArray[Any], NDArray[Any]]:
    """Shuffle the rows of ``X`` and ``y`` and split them into a training and a test part.

    Sizes are sklearn's (``sklearn.model_selection.train_test_split``): a
    float ``test_size`` in (0, 1) gives ``n_test = ceil(test_size * n)``, an
    integer ``test_size`` in [1, n - 1] gives ``n_test = test_size``; the
    training part has the other ``n - n_test`` rows (there is no
    ``train_size``). Note the default test_size is 0.2 (sklearn: 0.25).

    Without ``stratify``, the rows of ``np.random.default_rng(random_state)
    .permutation(n)`` are cut: the first ``n_test`` are the test part, the rest
    the training part (ShuffleSplit's rule; sklearn's generator differs, so
    its rows differ, its sizes do not).

    With ``stratify`` (labels, usually ``y``), each class c with ``n_c`` rows
    gives the test part ``floor(n_c / n * n_test)`` rows, and the rows still
    missing to make ``n_test`` go one each to the classes with the largest
    fractional parts ``n_c / n * n_test - floor(...)``, ties broken at random:
    sklearn's StratifiedShuffleSplit rule (its ``_approximate_mode``), so the
    counts per class are sklearn's whenever no tie is broken. The training
    part gets the other rows of each class. Which rows of a class go to the
    test part is random, and each part is then shuffled. As sklearn, every
    class needs at least 2 rows, and each part at least as many rows as there
    are classes (a small class may still get no test row).

    Parameters
    ----------
    X : (n, ...) array_like, any dtype (kept)
    y : (n, ...) array_like, any dtype (kept)
    test_size : float in (0, 1) or int in [1, n - 1]
    random_state : None, int, or anything ``np.random.default_rng`` accepts
    stratify : (n,) array_like of labels, or None

    Returns
    -------
    X_train, X_test, y_train, y_test : ndarrays, rows of np.asarray(X) and np.asarray(y)

    Raises
    ------
    TypeError: test_size neither an int nor a float (bool included).
    ValueError: X or y a scalar; lengths differing; test_size out of range; an
        empty part; with stratify, a class of one row or more classes than
        rows in a part.
    """
    func = "train_test_split"
    X, y = np.asarray(X), np.asarray(y)
    if X.ndim == 0 or y.ndim == 0:
        raise ValueError(f"{func}: X and y must be arrays of samples, got shapes {X.shape} and {y.shape}")
    n = X.shape[0]
    if y.shape[0] != n:
        raise ValueError(f"{func}: X and y have different numbers of samples: {n} and {y.shape[0]} (shapes {X.shape} and {y.shape})")
    n_test = _test_count(func, test_size, n)
    rng = np.random.default_rng(random_state)
    if stratify is None:
        order = rng.permutation(n)
        test, train = order[:n_test], order[n_test:]
    else:
        test, train = _stratified(func, stratify, n, n_test, rng)
    return X[train], X[test], y[train], y[test]


def _test_count(func: str, test_size: object, n: int) -> int:
    """sklearn's number of test rows for ``test_size``; ValueError if a part would be empty."""
    if isinstance(test_size, (bool, np.bool_)) or not isinstance(test_size, numbers.Real):
        raise TypeError(f"{func}: test_size must be a float in (0, 1) or an int, got {type(test_size).__name__} {test_size!r}")
    if isinstance(test_size, numbers.Integral):
        n_test = int(test_size)
        if not 0 < n_test < n:
            raise ValueError(f"{func}: an int test_size must satisfy 0 < test_size < n_samples = {n}, got {n_test}")
    else:
        fraction = float(test_size)
        if not 0.0 < fraction < 1.0:
            raise ValueError(f"{func}: a float test_size must be in the (0, 1) range, got {fraction}")
        n_test = math.ceil(fraction * n)
    if n_test >= n:  # a float close to 1, or n < 2
        raise ValueError(f"{func}: with n_samples={n} and test_size={test_size}, the resulting train set would be empty")
    return n_test


def _stratified(func: str, labels: ArrayLike, n: int, n_test: int, rng: np.random.Generator) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Test and training indices with the class proportions of ``labels`` (see train_test_split)."""
    labels = np.asarray(labels)
    if labels.ndim != 1 or labels.shape[0] != n:
        raise ValueError(f"{func}: stratify must be a 1-D array of {n} labels, got shape {labels.shape}")
    classes, codes, counts = np.unique(labels, return_inverse=True, return_counts=True)
    if counts.min() < 2:
        raise ValueError(f"{func}: every class needs at least 2 samples to stratify; classes with 1: {classes[counts < 2].tolist()}")
    if n_test < len(classes) or n - n_test < len(classes):
        raise ValueError(
            f"{func}: to stratify {len(classes)} classes each part needs at least {len(classes)} samples, "
            f"got {n - n_test} for training and {n_test} for testing"
        )
    share = counts / counts.sum() * n_test  # sklearn's expression, for the same floors
    per_class = np.floor(share).astype(np.int64)
    missing = n_test - int(per_class.sum())
    if missing:
        # largest fractional part first; the random key breaks ties at random
        fraction = share - per_class
        rank = np.lexsort((rng.random(len(classes)), -fraction))
        per_class[rank[:missing]] += 1
    test, train = [], []
    for c, k in enumerate(per_class):
        members = rng.permutation(np.flatnonzero(codes == c))
        test.append(members[:k])
        train.append(members[k:])
    return rng.permutation(np.concatenate(test)), rng.permutation(np.concatenate(train))
