"""Classification metrics in numpy, with sklearn.metrics semantics (binary: positive class 1)."""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _pipeline as _p
from mlmath.reference._numeric import clipped_bce

__all__ = ["accuracy", "precision", "recall", "f1_score", "confusion_matrix", "log_loss", "roc_auc"]


def _counts(t: np.ndarray, p: np.ndarray) -> tuple[int, int, int]:
    tp = int(np.sum((t == 1) & (p == 1)))
    return tp, int(np.sum((t == 0) & (p == 1))), int(np.sum((t == 1) & (p == 0)))


def accuracy(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """The fraction of labels predicted right (sklearn's accuracy_score; any integer labels).

    Returns
    -------
    float in [0, 1]
    """
    t, p = _p.label_pair("accuracy", y_true, y_pred, binary=False)
    return float(np.sum(t == p)) / t.size


def precision(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """tp / (tp + fp) for the positive class 1 (0.0 when nothing is predicted positive, sklearn's zero_division).

    Returns
    -------
    float
    """
    tp, fp, _ = _counts(*_p.label_pair("precision", y_true, y_pred, binary=True))
    return tp / (tp + fp) if tp + fp else 0.0


def recall(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """tp / (tp + fn) for the positive class 1 (0.0 when there are no positives).

    Returns
    -------
    float
    """
    tp, _, fn = _counts(*_p.label_pair("recall", y_true, y_pred, binary=True))
    return tp / (tp + fn) if tp + fn else 0.0


def f1_score(y_true: ArrayLike, y_pred: ArrayLike) -> float:
    """The harmonic mean of precision and recall, 2 tp / (2 tp + fp + fn) (0.0 when that is 0/0).

    Returns
    -------
    float
    """
    tp, fp, fn = _counts(*_p.label_pair("f1_score", y_true, y_pred, binary=True))
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0


def confusion_matrix(y_true: ArrayLike, y_pred: ArrayLike) -> NDArray[np.int64]:
    """Counts C[i, j] of samples with true label labels[i] predicted as labels[j],
    labels the sorted union of both vectors (sklearn's confusion_matrix); for 0/1
    labels [[tn, fp], [fn, tp]].

    Returns
    -------
    (k, k) ndarray of int64
    """
    t, p = _p.label_pair("confusion_matrix", y_true, y_pred, binary=False)
    labels = np.union1d(t, p)
    k = labels.size
    cells = np.searchsorted(labels, t) * k + np.searchsorted(labels, p)
    return np.bincount(cells, minlength=k * k).reshape(k, k).astype(np.int64)


def log_loss(y_true: ArrayLike, y_prob: ArrayLike) -> float:
    """The mean binary cross-entropy of probabilities of class 1, clipped to
    [eps, 1 - eps] (sklearn's log_loss for labels 0/1).

    Returns
    -------
    float
    """
    return clipped_bce(*_p.probabilities("log_loss", y_true, y_prob))


def roc_auc(y_true: ArrayLike, y_score: ArrayLike) -> float:
    """The area under the ROC curve of y_score for labels 0/1 (sklearn's roc_auc_score):
    the probability that a random positive scores above a random negative, ties
    counting 1/2 (the Mann-Whitney U statistic with average ranks).

    Returns
    -------
    float in [0, 1]

    Raises
    ------
    ValueError
        If only one class is present (the AUC is undefined).
    """
    t, s = _p.scored("roc_auc", y_true, y_score, "y_score")
    pos = int(np.sum(t == 1))
    neg = t.size - pos
    if pos == 0 or neg == 0:
        raise ValueError("roc_auc: only one class is present in y_true; the ROC AUC is undefined")
    order = np.argsort(s, kind="stable")
    ss = s[order]
    new_group = np.r_[True, ss[1:] != ss[:-1]]
    starts = np.flatnonzero(new_group)
    ends = np.r_[starts[1:], ss.size]
    ranks = np.empty(s.size)
    ranks[order] = ((starts + 1 + ends) / 2)[np.cumsum(new_group) - 1]  # average 1-based rank of each tie group
    u = float(np.sum(ranks[t == 1])) - pos * (pos + 1) / 2
    return u / (pos * neg)
