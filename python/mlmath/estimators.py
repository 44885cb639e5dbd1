"""scikit-learn-style estimators on top of either backend.

The estimator layer is shared: it checks inputs, maps labels and keeps the
fitted state in numpy arrays; the computation (training, probabilities,
predictions, accuracy) is done by the backend chosen with ``backend``:
``"go"`` (:mod:`mlmath.go`, the default) or ``"reference"``
(:mod:`mlmath.reference`), imported when first needed. The fitted attributes
are plain numpy arrays, so a model fitted on one backend predicts on the other
after ``set_params(backend=...)``.

Conventions are sklearn's: the constructor only stores its arguments,
``get_params``/``set_params`` read and change them (``sklearn.base.clone``
works), ``fit`` returns ``self`` and sets attributes ending in ``_``, using a
model before ``fit`` raises :class:`NotFittedError`.
"""

from __future__ import annotations

import importlib
import inspect
from types import ModuleType
from typing import Any, TypeVar, cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v

__all__ = ["LogisticRegression", "NotFittedError"]

BACKENDS = ("go", "reference")

_Estimator = TypeVar("_Estimator", bound="_Params")
_LogisticRegression = TypeVar("_LogisticRegression", bound="LogisticRegression")


class NotFittedError(ValueError, AttributeError):
    """An estimator used before ``fit``: a ValueError and an AttributeError, as
    ``sklearn.exceptions.NotFittedError``."""


def _backend_module(owner: str, backend: object) -> ModuleType:
    """The module of ``backend`` ("go" or "reference"), imported now."""
    if not isinstance(backend, str) or backend not in BACKENDS:
        raise ValueError(f"{owner}: backend must be 'go' or 'reference', got {backend!r}")
    try:
        return importlib.import_module(f"mlmath.{backend}")
    except ImportError as e:
        if backend != "go":
            raise
        raise ImportError(
            f"{owner}(backend='go') needs mlmath's Go library, which could not be loaded ({e}). "
            "Build it with `make` in the mlmath repository, or use backend='reference' (numpy only)."
        ) from e


class _Params:
    """get_params/set_params/repr from the constructor's signature, as sklearn.base.BaseEstimator."""

    @classmethod
    def _param_names(cls) -> list[str]:
        sig = inspect.signature(cls.__init__)
        return [p.name for p in sig.parameters.values() if p.name != "self"]

    def get_params(self, deep: bool = True) -> dict[str, object]:
        """The constructor's parameters as a dict (``deep`` is accepted for sklearn; nothing is nested)."""
        return {name: getattr(self, name) for name in self._param_names()}

    def set_params(self: _Estimator, **params: object) -> _Estimator:
        """Change parameters by name; returns self. Unknown names: ValueError, as sklearn.
        Fitted attributes stay as they are until the next ``fit``."""
        valid = self._param_names()
        for name, value in params.items():
            if name not in valid:
                raise ValueError(
                    f"Invalid parameter {name!r} for estimator {type(self).__name__}(). Valid parameters are: {sorted(valid)!r}."
                )
            setattr(self, name, value)
        return self

    def __repr__(self) -> str:
        """As sklearn: only the parameters that differ from their defaults."""
        defaults = {p.name: p.default for p in inspect.signature(type(self).__init__).parameters.values()}
        changed = []
        for name, value in self.get_params().items():
            default = defaults[name]
            same = value is default or (type(value) is type(default) and value == default)
            if not same:
                changed.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(changed)})"


class LogisticRegression(_Params):
    """Binary logistic regression fitted by full-batch (proximal) gradient descent.

    ``fit`` maps the two labels to 0/1 (``classes_[1]`` is 1) and calls the
    backend's ``logistic_regression`` (see :mod:`mlmath.reference.linear`):
    from zero weights, at most ``max_iter`` steps of size ``learning_rate`` on

        mean_i [log(1 + e^z_i) - y_i z_i] + (l2 / 2) ||w||^2 + l1 ||w||_1,   z = X w + b,

    (the intercept is never penalized), stopping early once the step, divided
    by the learning rate, is shorter than ``tol``. With ``l1 = l2 = 0`` and
    enough iterations the coefficients approach
    ``sklearn.linear_model.LogisticRegression(C=np.inf)``.

    Differences from sklearn's LogisticRegression: two classes only; the
    solver is plain gradient descent (expect many more iterations than
    lbfgs; scale the features); the penalty is given by strengths ``l1`` and
    ``l2`` instead of ``C`` (sklearn's ``C`` is ``1 / (n_samples * l2)`` for
    its l2 penalty, as its loss is a sum, this one a mean).

    Parameters
    ----------
    backend : "go" (default) or "reference"
        Where the computation runs. "go" raises ImportError, saying how to
        build it, when the Go library is missing (no silent fallback).
    learning_rate : float > 0
    max_iter : int >= 0
    l1, l2, tol : float >= 0
        Passed to the backend's ``logistic_regression``, which validates them
        when ``fit`` runs.

    Attributes (after ``fit``)
    --------------------------
    classes_ : (2,) ndarray, the sorted labels (np.unique of y)
    coef_ : (1, n_features) float64 ndarray
    intercept_ : (1,) float64 ndarray
    loss_history_ : (n_iter_[0],) float64 ndarray, the objective before each step
    n_iter_ : (1,) int64 ndarray, the number of steps taken (sklearn's shape
        for binary problems)
    n_features_in_ : int
    """

    def __init__(
        self, backend: str = "go", learning_rate: float = 0.1, max_iter: int = 1000, l1: float = 0.0, l2: float = 0.0, tol: float = 1e-8
    ) -> None:
        self.backend = backend
        self.learning_rate = learning_rate
        self.max_iter = max_iter
        self.l1 = l1
        self.l2 = l2
        self.tol = tol

    def fit(self: _LogisticRegression, X: ArrayLike, y: ArrayLike) -> _LogisticRegression:
        """Fit on X (n, d) real and y (n,) holding exactly two distinct labels (any type); returns self.

        Raises ValueError for shapes that do not match, an empty X, a
        non-finite X, or a y with fewer or more than two labels; TypeError for
        a non-real X; whatever the backend raises for invalid parameters.
        """
        func = f"{type(self).__name__}.fit"
        backend = _backend_module(type(self).__name__, self.backend)
        X = self._check_X(func, X)
        y = np.asarray(y)
        if y.ndim != 1:
            raise ValueError(f"{func}: y must be a 1-D array of labels, got shape {y.shape}")
        if y.shape[0] != X.shape[0]:
            raise ValueError(f"{func}: X and y have different numbers of samples: {X.shape[0]} and {y.shape[0]}")
        classes, codes = np.unique(y, return_inverse=True)
        if len(classes) != 2:
            raise ValueError(f"{func}: y must hold exactly 2 classes (binary logistic regression), got {len(classes)}: {classes.tolist()}")
        result = backend.logistic_regression(
            X,
            codes.astype(np.int64),
            learning_rate=self.learning_rate,
            max_iter=self.max_iter,
            l1=self.l1,
            l2=self.l2,
            tol=self.tol,
        )
        weights = np.asarray(result.weights, dtype=np.float64)
        self.classes_ = classes
        self.coef_ = weights.reshape(1, -1).copy()
        self.intercept_ = np.array([float(result.bias)])
        self.loss_history_ = np.asarray(result.loss_history, dtype=np.float64)
        self.n_iter_ = np.array([len(self.loss_history_)], dtype=np.int64)
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X: ArrayLike) -> NDArray[np.float64]:
        """The logits ``X @ coef_[0] + intercept_[0]``, shape (n,): > 0 means classes_[1]."""
        X = self._check_predict_X("decision_function", X)
        return cast("NDArray[np.float64]", X @ self.coef_[0] + self.intercept_[0])

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """(n, 2) probabilities, columns [P(classes_[0]), P(classes_[1])], rows summing to 1."""
        X = self._check_predict_X("predict_proba", X)
        p1 = np.asarray(self._backend().predict_proba(X, self.coef_[0], self.intercept_[0]), dtype=np.float64)
        return np.column_stack([1.0 - p1, p1])

    def predict(self, X: ArrayLike) -> NDArray[Any]:
        """(n,) labels from classes_: classes_[1] where P(classes_[1]) passes the backend's 0.5 threshold."""
        X = self._check_predict_X("predict", X)
        return self.classes_[self._predict_codes(X)]

    def score(self, X: ArrayLike, y: ArrayLike) -> float:
        """Accuracy of predict(X) against y (sklearn.metrics.accuracy_score), by the backend's ``accuracy``."""
        func = f"{type(self).__name__}.score"
        X = self._check_predict_X("score", X)
        y = np.asarray(y)
        if y.ndim != 1 or y.shape[0] != X.shape[0]:
            raise ValueError(f"{func}: y must have shape ({X.shape[0]},) for X of shape {X.shape}, got {y.shape}")
        # Compare as codes, so the backend sees numbers whatever the labels:
        # 0/1 for the two classes, 2 (never predicted) for a label not seen in fit.
        true_codes = np.full(y.shape[0], 2, dtype=np.int64)
        for code, label in enumerate(self.classes_):
            true_codes[y == label] = code
        return float(self._backend().accuracy(true_codes, self._predict_codes(X)))

    # -- helpers --------------------------------------------------------------

    def _backend(self) -> ModuleType:
        return _backend_module(type(self).__name__, self.backend)

    def _predict_codes(self, X: NDArray[np.float64]) -> NDArray[np.int64]:
        return np.asarray(self._backend().predict(X, self.coef_[0], self.intercept_[0]), dtype=np.int64)

    @staticmethod
    def _check_X(func: str, X: ArrayLike) -> NDArray[np.float64]:
        X = _v.matrix(func, "X", X)
        if X.shape[0] == 0 or X.shape[1] == 0:
            raise ValueError(f"{func}: X must have at least one sample and one feature, got shape {X.shape}")
        if not np.isfinite(X).all():
            raise ValueError(f"{func}: X contains NaN or infinity")
        return X

    def _check_predict_X(self, method: str, X: ArrayLike) -> NDArray[np.float64]:
        name = type(self).__name__
        if not hasattr(self, "coef_"):
            raise NotFittedError(
                f"This {name} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator."
            )
        X = self._check_X(f"{name}.{method}", X)
        if X.shape[1] != self.n_features_in_:
            raise ValueError(
                f"{name}.{method}: X has {X.shape[1]} features, but {name} is expecting {self.n_features_in_} features as input."
            )
        return X
