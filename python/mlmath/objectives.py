"""Built-in objective functions with analytic gradients, for both backends.

An :class:`Objective` is an ordinary callable ``f(x) -> float`` with a
``gradient(x)`` method, so it works wherever a Python function does. Passed to
``gradient_descent`` with ``grad_f=None`` (or its own ``gradient``), the Go
backend recognizes it by name and runs the whole loop in Go, without calling
back into Python; the reference backend runs the same formulas in numpy::

    from mlmath import go, objectives
    x, history = go.gradient_descent(objectives.rosenbrock, None, [-1.2, 1.0],
                                     learning_rate=1e-3, max_iter=10_000)

The formulas match the Go package ``mlmath/calculus`` operation for operation,
so both backends follow the same path to rounding.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["Objective", "quadratic", "rosenbrock"]


class Objective:
    """A named function R^n -> R with its analytic gradient.

    Calling it evaluates ``f(x)`` for a 1-D array-like ``x`` of length at
    least ``min_dim``; ``gradient(x)`` returns the gradient, shape (n,).
    ValueError for an ``x`` it is not defined for.
    """

    def __init__(
        self,
        name: str,
        min_dim: int,
        value: Callable[[NDArray[np.float64]], float],
        gradient: Callable[[NDArray[np.float64]], NDArray[np.float64]],
        doc: str,
    ) -> None:
        self.name = name
        self.min_dim = min_dim
        self._value = value
        self._gradient = gradient
        self.__doc__ = doc

    def check(self, func: str, x: ArrayLike) -> NDArray[np.float64]:
        """``x`` as a float64 vector of a dimension this objective takes."""
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 1 or x.shape[0] < self.min_dim:
            raise ValueError(f"{func}: {self.name} needs a 1-D x of length >= {self.min_dim}, got shape {x.shape}")
        return x

    def __call__(self, x: ArrayLike) -> float:
        x = self.check(self.name, x)
        with np.errstate(over="ignore", invalid="ignore"):  # far from the minimum: inf, as Go gives
            return float(self._value(x))

    def gradient(self, x: ArrayLike) -> NDArray[np.float64]:
        """The analytic gradient at ``x``, shape (n,)."""
        x = self.check(self.name, x)
        with np.errstate(over="ignore", invalid="ignore"):
            return self._gradient(x)

    def __repr__(self) -> str:
        return f"mlmath.objectives.{self.name}"

    def __reduce__(self) -> str:  # picklable by name, like a module-level function
        return self.name


def _quadratic_value(x: NDArray[np.float64]) -> float:
    return np.sum(x * x)


def _quadratic_gradient(x: NDArray[np.float64]) -> NDArray[np.float64]:
    return 2 * x


def _rosenbrock_value(x: NDArray[np.float64]) -> float:
    a, b = x[1:] - x[:-1] * x[:-1], 1 - x[:-1]
    return np.sum(100 * (a * a) + b * b)


def _rosenbrock_gradient(x: NDArray[np.float64]) -> NDArray[np.float64]:
    a = x[1:] - x[:-1] * x[:-1]
    g = np.zeros_like(x)
    g[:-1] += -400 * x[:-1] * a - 2 * (1 - x[:-1])
    g[1:] += 200 * a
    return g


quadratic = Objective(
    "quadratic",
    1,
    _quadratic_value,
    _quadratic_gradient,
    """f(x) = sum(x_i^2), the notes' x0^2 + x1^2 in any dimension n >= 1; gradient 2x; minimum 0 at the origin.""",
)

rosenbrock = Objective(
    "rosenbrock",
    2,
    _rosenbrock_value,
    _rosenbrock_gradient,
    """Rosenbrock's banana function, n >= 2, as scipy.optimize.rosen:
    f(x) = sum_{i < n-1} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2; minimum 0 at (1, ..., 1),
    at the end of a long curved valley where fixed-step gradient descent crawls.""",
)
