"""Vectors: elementwise arithmetic, dot product, norms, cosine similarity.

All functions take 1-D array_likes of real numbers (lists, ints and float32 are
converted to float64) and never modify them.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v

#: A sum of squares in [_TINY, inf) is accurate; below it squares underflowed.
_TINY = 2.0**-900


def add(v: ArrayLike, w: ArrayLike) -> NDArray[np.float64]:
    """Elementwise sum ``v + w``.

    Parameters
    ----------
    v, w : (n,) array_like

    Returns
    -------
    (n,) ndarray of float64

    Raises
    ------
    ValueError
        If ``v`` or ``w`` is not 1-D or their lengths differ.
    TypeError
        If either holds non-real data (strings, objects, complex).
    """
    v, w = _v.vector_pair("add", v, w)
    return v + w


def subtract(v: ArrayLike, w: ArrayLike) -> NDArray[np.float64]:
    """Elementwise difference ``v - w``; shapes and errors as :func:`add`."""
    v, w = _v.vector_pair("subtract", v, w)
    return v - w


def scale(c: float, v: ArrayLike) -> NDArray[np.float64]:
    """Scalar multiple ``c * v``.

    Parameters
    ----------
    c : real scalar
    v : (n,) array_like

    Returns
    -------
    (n,) ndarray of float64

    Raises
    ------
    ValueError
        If ``c`` is not a scalar or ``v`` is not 1-D.
    TypeError
        If ``c`` or ``v`` is not real.
    """
    c = _v.real_scalar("scale", "c", c)
    v = _v.vector("scale", "v", v)
    return c * v


def dot(v: ArrayLike, w: ArrayLike) -> float:
    """Dot product ``<v, w> = sum_i v_i * w_i``.

    Parameters
    ----------
    v, w : (n,) array_like

    Returns
    -------
    float
        0.0 for two empty vectors, as numpy.

    Raises
    ------
    ValueError
        If the lengths differ ("shapes (3,) and (2,) not aligned") or an input
        is not 1-D.
    TypeError
        If either holds non-real data.
    """
    v, w = _v.vector_pair("dot", v, w)
    return float(np.dot(v, w))


def norm(v: ArrayLike, ord: float | None = 2) -> float:
    """Vector norm of order ``ord``.

    ========  ==============================  =====================
    ord       value                           empty vector
    ========  ==============================  =====================
    2, None   ``sqrt(sum v_i**2)``            0.0
    1         ``sum |v_i|``                   0.0
    0         number of non-zero entries      0.0
    inf       ``max |v_i|``                   0.0
    -inf      ``min |v_i|``                   ValueError
    ========  ==============================  =====================

    Parameters
    ----------
    v : (n,) array_like
    ord : {2, 1, 0, inf, -inf, None}, optional

    Returns
    -------
    float

    Raises
    ------
    ValueError
        For any other ``ord``, an input that is not 1-D, or ``ord=-inf`` on
        an empty vector (numpy: "zero-size array to reduction operation
        minimum which has no identity"; ``ord=inf`` gives 0.0, as numpy).

    Notes
    -----
    Differs from ``numpy.linalg.norm`` for ord=2 on purpose: numpy computes
    ``sqrt(v @ v)``, which overflows or underflows in the squares
    (``[1e200, 1e200]`` gives inf, ``[1e-200, 1e-200]`` gives 0.0). Here, when
    the sum of squares is not in ``[2**-900, inf)``, the vector is rescaled by
    its largest ``|v_i|`` first (as LAPACK's dnrm2), giving ``1.414e200`` and
    ``1.414e-200``. Elsewhere the two agree to rounding. NaN entries give NaN;
    otherwise an infinite entry gives inf.
    """
    v, ord = _v.norm_operands("norm", v, ord)
    if ord == 2:
        return _norm2(v)
    return float(np.linalg.norm(v, ord))


def _norm2(v: np.ndarray) -> float:
    """Euclidean norm without overflow or underflow in the squares."""
    with np.errstate(over="ignore", under="ignore"):
        ss = float(v @ v)
    if _TINY <= ss < np.inf or np.isnan(ss) or not v.any():
        return float(np.sqrt(ss))
    amax = float(np.max(np.abs(v)))
    if np.isinf(amax) or np.isnan(amax):
        return amax
    return amax * float(np.sqrt(np.sum((v / amax) ** 2)))


def cosine_similarity(v: ArrayLike, w: ArrayLike) -> float:
    """Cosine of the angle between ``v`` and ``w``: ``<v, w> / (||v|| ||w||)``.

    Computed as scikit-learn does, as the dot product of the normalized
    vectors ``<v/||v||, w/||w||>``, so it is 0.0 when either vector is zero
    (scikit-learn's rule). Each vector is first divided by its largest
    ``|entry|`` (the cosine does not change), so that no norm overflows or
    underflows: ``[1e308] * 4`` is parallel to itself (cosine 1.0).

    Parameters
    ----------
    v, w : (n,) array_like, n >= 1

    Returns
    -------
    float in [-1, 1] (up to rounding)

    Raises
    ------
    ValueError
        If the lengths differ, an input is not 1-D, or the vectors are empty
        (scikit-learn: "Found array with 0 feature(s)").

    Notes
    -----
    scikit-learn rejects NaN and Inf; here they propagate and give NaN.
    """
    v, w = _v.vector_pair("cosine_similarity", v, w)
    _v.require_nonempty("cosine_similarity", v.shape[0])
    av, aw = float(np.max(np.abs(v))), float(np.max(np.abs(w)))
    if av == 0 or aw == 0:
        return 0.0
    v, w = v / av, w / aw
    return float((v / np.linalg.norm(v)) @ (w / np.linalg.norm(w)))
