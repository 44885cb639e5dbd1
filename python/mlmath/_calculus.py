"""Argument checks and callback-result checks of the calculus functions,
shared by both backends so that they accept the same inputs and raise the
same exceptions with the same messages.

The user's functions are called with fresh arrays (they may keep or modify
them) and their results pass through ``scalar_result`` / ``vector_result``
whichever backend calls them: in the Go backend that happens inside the cffi
callback, and the exception travels back through Go unchanged.
"""

from __future__ import annotations

import math
import numbers
from typing import TypeVar, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v
from mlmath.objectives import Objective

_REAL_KINDS = frozenset("biuf")

#: eps**(1/3) = 2**(-52/3) correctly rounded (np.cbrt may be 1 ulp off), and
#: eps**(1/4) = 2**-13 exactly: the same literals as the Go package calculus,
#: so that both backends take the same steps.
FIRST_STEP = float.fromhex("0x1.965fea53d6e3dp-18")
SECOND_STEP = 2.0**-13

_T = TypeVar("_T")


def function(func: str, name: str, f: _T) -> _T:
    """``f`` itself if callable; TypeError otherwise."""
    if not callable(f):
        raise TypeError(f"{func}: {name} must be callable, got {type(f).__name__} {f!r}")
    return f


def point(func: str, x: ArrayLike) -> NDArray[np.float64]:
    """``x`` as a non-empty, finite 1-D float64 array (a copy: the caller's is never touched)."""
    x = _v.vector(func, "x", x)
    if x.shape[0] == 0:
        raise ValueError(f"{func}: x must not be empty")
    if not np.isfinite(x).all():
        raise ValueError(f"{func}: x must be finite, got {x}")
    return np.array(x, dtype=np.float64)


def scalar_point(func: str, x: ArrayLike) -> float:
    """``x`` as a finite Python float."""
    x = _v.real_scalar(func, "x", x)
    if not math.isfinite(x):
        raise ValueError(f"{func}: x must be finite, got {x}")
    return x


def step(func: str, h: ArrayLike | None) -> float:
    """``h`` as a positive finite float, or 0.0 for None (the default step)."""
    if h is None:
        return 0.0
    h = _v.real_scalar(func, "h", h)
    if not (h > 0 and math.isfinite(h)):
        raise ValueError(f"{func}: h must be a positive finite number or None, got {h}")
    return h


@overload
def default_step(x: float, order: int = 1) -> float: ...
@overload
def default_step(x: NDArray[np.float64], order: int = 1) -> NDArray[np.float64]: ...
def default_step(x: float | NDArray[np.float64], order: int = 1) -> float | NDArray[np.float64]:
    """The default central-difference step: eps**(1/3) * max(1, |x|) for first
    derivatives, eps**(1/4) * max(1, |x|) for second ones (the Hessian)."""
    return (FIRST_STEP if order == 1 else SECOND_STEP) * np.maximum(1.0, np.abs(x))


def descent_parameters(func: str, learning_rate: ArrayLike, max_iter: object, tol: ArrayLike) -> tuple[float, int, float]:
    """learning_rate > 0 finite, max_iter >= 0 integer, tol >= 0 finite."""
    lr = _v.real_scalar(func, "learning_rate", learning_rate)
    if not (lr > 0 and math.isfinite(lr)):
        raise ValueError(f"{func}: learning_rate must be a positive finite number, got {lr}")
    it = _v.count(func, "max_iter", max_iter)
    if it < 0:
        raise ValueError(f"{func}: max_iter must be >= 0, got {it}")
    t = _v.real_scalar(func, "tol", tol)
    if not (t >= 0 and math.isfinite(t)):
        raise ValueError(f"{func}: tol must be a finite number >= 0, got {t}")
    return lr, it, t


def objective(f: object) -> Objective | None:
    """``f`` if it is a built-in objective, else None."""
    return f if isinstance(f, Objective) else None


def descent_gradient(func: str, f: object, grad_f: _T | None) -> _T | None:
    """The gradient gradient_descent uses: grad_f; or, for grad_f None, the
    objective's analytic gradient, or a central-difference gradient of f."""
    function(func, "f", f)
    if grad_f is not None:
        return function(func, "grad_f", grad_f)
    return None


def not_finite_gradient(func: str, steps: int) -> ValueError:
    """The error for a gradient holding NaN or Inf before step ``steps``."""
    return ValueError(
        f"{func}: the gradient is not finite at iteration {steps}: the iteration diverged "
        "or left the domain of f (try a smaller learning_rate)"
    )


def scalar_result(func: str, name: str, r: object) -> float:
    """The value a user's scalar function returned, as a float: a real
    number (or 0-d array); TypeError for non-real, ValueError for arrays."""
    if type(r) is float:
        return r
    if isinstance(r, numbers.Real) and not isinstance(r, np.ndarray):
        return float(r)
    a = np.asarray(r)
    if a.dtype.kind not in _REAL_KINDS:
        raise TypeError(f"{func}: {name} must return a real number, got {type(r).__name__} {r!r}")
    if a.ndim != 0:
        raise ValueError(f"{func}: {name} must return a scalar, got an array of shape {a.shape}")
    return float(a)


def vector_result(func: str, name: str, r: object, m: int | None) -> NDArray[np.float64]:
    """The array a user's vector function returned, as float64 of shape (m,)
    (a scalar counts as shape (1,)); ``m`` None accepts any length."""
    a = np.asarray(r)
    if a.dtype.kind not in _REAL_KINDS:
        raise TypeError(f"{func}: {name} must return real numbers, got {type(r).__name__} of dtype {a.dtype}")
    if a.ndim == 0:
        a = a.reshape(1)
    if a.ndim != 1 or (m is not None and a.shape[0] != m):
        want = "a 1-D array" if m is None else f"shape ({m},)"
        raise ValueError(f"{func}: {name} must return {want}, got an array of shape {a.shape}")
    return np.asarray(a, dtype=np.float64)


def relative_error(g: NDArray[np.float64], num: NDArray[np.float64]) -> float:
    """||g - num|| / max(||g||, ||num||), 0.0 when both are zero; the norms
    as Go's vec.Norm2, without overflow in the squares (np.linalg.norm of
    [1e300] is inf: the ratio came out NaN where Go gives 1.0), NaN if either
    norm is NaN."""
    scale = float(np.maximum(_norm2(g), _norm2(num)))
    return 0.0 if scale == 0 else _norm2(g - num) / scale


def _norm2(v: NDArray[np.float64]) -> float:
    """||v||_2 of v scaled by a power of two (exact) near its largest |v_i|."""
    with np.errstate(over="ignore", invalid="ignore"):
        amax = float(np.max(np.abs(v), initial=0.0))
    if amax == 0.0 or not math.isfinite(amax):
        return amax
    e = math.frexp(amax)[1]
    return math.ldexp(float(np.linalg.norm(np.ldexp(v, -e))), e)
