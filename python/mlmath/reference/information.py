"""Information theory in numpy: entropies, divergences, mutual information.

Semantics of scipy.stats.entropy (../shared/SEMANTICS.md): every
distribution is normalized first (divided by its sum), 0 log 0 = 0, and the
logarithm's ``base`` defaults to 2 (bits, as in the notes; scipy defaults to
e). Unlike scipy, which returns nan, a distribution that sums to 0 raises
ValueError; so do negative, NaN or infinite entries and empty inputs.
"""

from __future__ import annotations

import math
from typing import cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _info
from mlmath.reference._numeric import column_sums

__all__ = [
    "entropy",
    "cross_entropy",
    "kl_divergence",
    "js_divergence",
    "js_distance",
    "joint_entropy",
    "conditional_entropy",
    "mutual_information",
    "mutual_information_from_labels",
]


def _normalized(p: NDArray[np.float64]) -> NDArray[np.float64]:
    return p / float(p.sum())


def _entr_sum(p: NDArray[np.float64]) -> float:
    """-sum(p log p) in nats, 0 log 0 = 0: scipy.special.entr summed over every
    entry (zeros too, so numpy's pairwise sum sees the same terms as scipy's)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, -p * np.log(p), 0.0)
    return float(np.sum(terms)) + 0.0


def _rel_entr(p: NDArray[np.float64], q: NDArray[np.float64]) -> NDArray[np.float64]:
    """scipy.special.rel_entr: p log(p/q) for p, q > 0; 0 for p = 0 <= q; +inf for p > 0 = q."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(p > 0, np.where(q > 0, p * np.log(p / q), np.inf), 0.0)


def _rel_entr_sum(p: NDArray[np.float64], q: NDArray[np.float64]) -> float:
    return float(np.sum(_rel_entr(p, q))) + 0.0


def entropy(p: ArrayLike, base: float = 2) -> float:
    """Shannon entropy H(p) = -sum_i p_i log(p_i) of the normalized p, in units of ``base``.

    Parameters
    ----------
    p : (n,) array_like of non-negative weights (normalized by their sum)
    base : float, optional
        2 (bits, the default), e (nats), 10, ...

    Returns
    -------
    float, >= 0; log_base(n) for a uniform p, 0 for a one-hot p.

    Raises
    ------
    ValueError
        For negative, NaN or infinite entries, an empty p, a p that sums to 0
        (scipy returns nan), or a base <= 0 or == 1.
    """
    func = "entropy"
    b = _info.base(func, base)
    return _entr_sum(_normalized(_info.distribution(func, "p", p))) / math.log(b)


def cross_entropy(p: ArrayLike, q: ArrayLike, base: float = 2) -> float:
    """Cross-entropy H(p, q) = -sum_i p_i log(q_i) = H(p) + KL(p || q), both normalized.

    This is the information measure between two distributions; the loss of
    integer labels under logits is ``softmax_cross_entropy``.

    Returns
    -------
    float; +inf where q_i = 0 < p_i.
    """
    func = "cross_entropy"
    b = _info.base(func, base)
    p, q = _info.distributions(func, p, q)
    p, q = _normalized(p), _normalized(q)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, -p * np.log(q), 0.0)  # +inf where q = 0 < p
    return (float(np.sum(terms)) + 0.0) / math.log(b)


def kl_divergence(p: ArrayLike, q: ArrayLike, base: float = 2) -> float:
    """Kullback-Leibler divergence KL(p || q) = sum_i p_i log(p_i / q_i) of the normalized p, q,
    as scipy.stats.entropy(p, q): terms with p_i = 0 are 0, and it is +inf where q_i = 0 < p_i.

    The notes mask out the terms where q_i = 0, which yields negative "KL"
    values (p = [.5, .5], q = [1, 0]): a bug; KL is never negative.

    Returns
    -------
    float, >= 0 (0 only for p = q; a sum that rounds below 0 is returned as 0,
    where scipy returns the tiny negative)
    """
    func = "kl_divergence"
    b = _info.base(func, base)
    p, q = _info.distributions(func, p, q)
    # A sum that rounds below 0 (p = q up to normalization) is 0: KL is never negative.
    return max(_rel_entr_sum(_normalized(p), _normalized(q)), 0.0) / math.log(b)


def _js(func: str, p: ArrayLike, q: ArrayLike, base: float) -> float:
    b = _info.base(func, base)
    p, q = _info.distributions(func, p, q)
    p, q = _normalized(p), _normalized(q)
    m = (p + q) / 2
    # Clipped at 0 against rounding (scipy's jensenshannon takes the square root of a tiny negative: NaN).
    return max(_rel_entr_sum(p, m) + _rel_entr_sum(q, m), 0.0) / math.log(b) / 2


def js_divergence(p: ArrayLike, q: ArrayLike, base: float = 2) -> float:
    """Jensen-Shannon divergence (KL(p || m) + KL(q || m)) / 2, m = (p + q) / 2, of the normalized p, q.

    Symmetric, finite, between 0 and 1 in bits. Its square root is
    :func:`js_distance`, which scipy.spatial.distance.jensenshannon returns.

    Returns
    -------
    float
    """
    return _js("js_divergence", p, q, base)


def js_distance(p: ArrayLike, q: ArrayLike, base: float = 2) -> float:
    """The Jensen-Shannon distance sqrt(js_divergence(p, q)), a metric: scipy.spatial.distance.jensenshannon.

    Returns
    -------
    float
    """
    return math.sqrt(_js("js_distance", p, q, base))


def joint_entropy(joint: ArrayLike, base: float = 2) -> float:
    """Joint entropy H(X, Y) = -sum_xy p(x, y) log p(x, y) of the normalized table joint[x, y].

    Returns
    -------
    float
    """
    func = "joint_entropy"
    b = _info.base(func, base)
    return _entr_sum(_normalized(_info.joint(func, joint)).ravel()) / math.log(b)


def conditional_entropy(joint: ArrayLike, base: float = 2) -> float:
    """Conditional entropy H(Y | X) = H(X, Y) - H(X) of the table joint[x, y] (X indexes the rows).

    Returns
    -------
    float, >= 0 (a rounding error below 0 is returned as 0)
    """
    func = "conditional_entropy"
    b = _info.base(func, base)
    pxy = _normalized(_info.joint(func, joint))
    return max(_entr_sum(pxy.ravel()) - _entr_sum(_row_sums(pxy)), 0.0) / math.log(b)


def _row_sums(t: NDArray[np.float64]) -> NDArray[np.float64]:
    return cast("NDArray[np.float64]", t.sum(axis=1))


def mutual_information(joint: ArrayLike, base: float = 2) -> float:
    """Mutual information I(X; Y) = sum_xy p(x, y) log(p(x, y) / (p(x) p(y))) of the table
    joint[x, y], the marginals computed from it. Equal to H(X) + H(Y) - H(X, Y)
    and to H(Y) - H(Y | X); clipped at 0, as sklearn does, against rounding.

    Returns
    -------
    float, >= 0
    """
    func = "mutual_information"
    b = _info.base(func, base)
    pxy = _normalized(_info.joint(func, joint))
    px, py = _row_sums(pxy), column_sums(pxy)
    return max(_rel_entr_sum(pxy.ravel(), np.outer(px, py).ravel()), 0.0) / math.log(b)


def mutual_information_from_labels(x: ArrayLike, y: ArrayLike, base: float = 2) -> float:
    """Mutual information of two label vectors, from their contingency table:
    sklearn.metrics.mutual_info_score(x, y) (nats) / log(base).

    Parameters
    ----------
    x, y : (n,) array_like of labels (integers, strings, ...), n >= 1
    base : float, optional

    Returns
    -------
    float, >= 0 (clipped, as sklearn)
    """
    func = "mutual_information_from_labels"
    b = _info.base(func, base)
    x, y = _info.labels(func, x, y)
    xs, xi = np.unique(x, return_inverse=True)
    ys, yi = np.unique(y, return_inverse=True)
    cells = xi.reshape(-1).astype(np.int64) * len(ys) + yi.reshape(-1)
    flat = np.bincount(cells, minlength=len(xs) * len(ys))
    nz = np.flatnonzero(flat)  # row-major over the sorted labels, as sklearn's sparse contingency
    nzx, nzy, nz_val = nz // len(ys), nz % len(ys), flat[nz].astype(np.float64)
    # sklearn's formula, term for term (sklearn/metrics/cluster/_supervised.py)
    contingency_sum = float(len(x))
    pi = np.bincount(nzx, weights=nz_val, minlength=len(xs))
    pj = np.bincount(nzy, weights=nz_val, minlength=len(ys))
    if len(pi) == 1 or len(pj) == 1:
        return 0.0
    log_contingency_nm = np.log(nz_val)
    contingency_nm = nz_val / contingency_sum
    outer = pi.take(nzx).astype(np.int64, copy=False) * pj.take(nzy).astype(np.int64, copy=False)
    log_outer = -np.log(outer) + math.log(pi.sum()) + math.log(pj.sum())
    mi = contingency_nm * (log_contingency_nm - math.log(contingency_sum)) + contingency_nm * log_outer
    mi = np.where(np.abs(mi) < np.finfo(mi.dtype).eps, 0.0, mi)
    return max(float(np.sum(mi)), 0.0) / math.log(b)
