"""mlmath.estimators.LogisticRegression: sklearn's conventions, on both backends.

Each behaviour test runs with backend="reference" and backend="go"; a Go
library that fails to load is an error, not a skip, as in conftest.py.
"""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression as SkLogisticRegression

from mlmath import estimators
from mlmath.datasets import make_classification, train_test_split
from mlmath.estimators import LogisticRegression, NotFittedError

@pytest.fixture(params=["reference", "go"])
def backend(request):
    """The backend name, as LogisticRegression takes it."""
    importlib.import_module(f"mlmath.{request.param}")
    return request.param


@pytest.fixture(scope="module")
def data():
    """Noisy, nearly separable data, split 75/25 (stratified)."""
    X, y = make_classification(400, 4, 2, 1, class_sep=1.5, flip_y=0.05, random_state=0)
    return train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)


# -- parameters (no backend needed) ------------------------------------------------------

DEFAULTS = {"backend": "go", "learning_rate": 0.1, "max_iter": 1000, "l1": 0.0, "l2": 0.0, "tol": 1e-8}


def test_get_params_returns_the_constructor_arguments():
    assert LogisticRegression().get_params() == DEFAULTS
    model = LogisticRegression(backend="reference", max_iter=5, l2=0.5)
    assert model.get_params(deep=False) == {**DEFAULTS, "backend": "reference", "max_iter": 5, "l2": 0.5}


def test_constructor_only_stores():
    model = LogisticRegression(backend="nope", learning_rate=-1, max_iter="x")  # validated at fit, as sklearn
    assert model.backend == "nope" and model.learning_rate == -1 and model.max_iter == "x"
    assert not hasattr(model, "coef_")


def test_set_params_changes_and_returns_self():
    model = LogisticRegression()
    assert model.set_params(l1=0.1, backend="reference") is model
    assert model.get_params() == {**DEFAULTS, "l1": 0.1, "backend": "reference"}
    with pytest.raises(ValueError, match="Invalid parameter 'C' for estimator LogisticRegression"):
        model.set_params(C=1.0)


def test_sklearn_clone_and_repr():
    model = LogisticRegression(backend="reference", max_iter=50)
    copy = clone(model)
    assert copy is not model and copy.get_params() == model.get_params()
    assert repr(model) == "LogisticRegression(backend='reference', max_iter=50)"
    assert repr(LogisticRegression()) == "LogisticRegression()"


def test_bad_backend_is_rejected_at_fit():
    with pytest.raises(ValueError, match="backend must be 'go' or 'reference'"):
        LogisticRegression(backend="numpy").fit([[0.0], [1.0]], [0, 1])


def test_missing_go_library_says_how_to_fix(monkeypatch):
    real_import = importlib.import_module

    def no_go(name, *args):
        if name == "mlmath.go":
            raise ImportError("libmlmath.so: cannot open shared object file")
        return real_import(name, *args)

    monkeypatch.setattr(estimators.importlib, "import_module", no_go)
    with pytest.raises(ImportError, match=r"Go library.*libmlmath\.so.*backend='reference'") as info:
        LogisticRegression().fit([[0.0], [1.0]], [0, 1])
    assert isinstance(info.value.__cause__, ImportError)


@pytest.mark.parametrize("method", ["predict", "predict_proba", "decision_function"])
def test_not_fitted(method):
    with pytest.raises(NotFittedError, match="not fitted yet"):
        getattr(LogisticRegression(backend="reference"), method)([[1.0, 2.0]])
    with pytest.raises(NotFittedError):
        LogisticRegression(backend="reference").score([[1.0, 2.0]], [0])
    assert issubclass(NotFittedError, ValueError) and issubclass(NotFittedError, AttributeError)


# -- fitting and predicting ------------------------------------------------------------------


def test_fit_sets_sklearn_attributes(backend, data):
    X_train, _, y_train, _ = data
    model = LogisticRegression(backend=backend, learning_rate=0.5, max_iter=300)
    assert model.fit(X_train, y_train) is model
    d = X_train.shape[1]
    assert model.coef_.shape == (1, d) and model.coef_.dtype == np.float64
    assert model.intercept_.shape == (1,) and model.intercept_.dtype == np.float64
    np.testing.assert_array_equal(model.classes_, [0, 1])
    assert model.n_features_in_ == d
    assert model.n_iter_.shape == (1,) and 1 <= model.n_iter_[0] <= 300
    assert model.loss_history_.shape == (model.n_iter_[0],)  # the objective before each step
    assert model.loss_history_[-1] < model.loss_history_[0]


def test_predictions_are_consistent(backend, data):
    X_train, X_test, y_train, y_test = data
    model = LogisticRegression(backend=backend, learning_rate=0.5, max_iter=500).fit(X_train, y_train)
    proba = model.predict_proba(X_test)
    logits = model.decision_function(X_test)
    assert proba.shape == (len(X_test), 2) and logits.shape == (len(X_test),)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=0, atol=1e-15)
    np.testing.assert_allclose(proba[:, 1], 1 / (1 + np.exp(-logits)), rtol=1e-12)
    pred = model.predict(X_test)
    np.testing.assert_array_equal(pred, (logits > 0).astype(np.int64))  # no logit is exactly 0 here
    assert model.score(X_test, y_test) == np.mean(pred == y_test)
    assert model.score(X_test, y_test) > 0.85
    assert model.score(X_train, y_train) > 0.85


def test_agrees_with_sklearn_without_penalty(backend):
    # Separable but noisy (flip_y): the unpenalized optimum is finite, and
    # gradient descent approaches sklearn's LogisticRegression(C=inf).
    X, y = make_classification(300, 3, 2, 0, class_sep=1.0, flip_y=0.1, random_state=0)
    sk = SkLogisticRegression(C=np.inf, tol=1e-12, max_iter=10_000).fit(X, y)
    model = LogisticRegression(backend=backend, learning_rate=1.0, max_iter=20_000, tol=1e-15).fit(X, y)
    scale = np.abs(sk.coef_).max()
    np.testing.assert_allclose(model.coef_, sk.coef_, rtol=0, atol=1e-3 * scale)
    np.testing.assert_allclose(model.intercept_, sk.intercept_, rtol=0, atol=1e-3 * scale)
    np.testing.assert_allclose(model.predict_proba(X), sk.predict_proba(X), rtol=0, atol=1e-3)
    np.testing.assert_array_equal(model.predict(X), sk.predict(X))


@pytest.mark.parametrize("labels", [["no", "yes"], [-3, 5], [False, True], [0.5, 2.5]])
def test_any_two_labels(backend, data, labels):
    X_train, X_test, y_train, y_test = data
    names = np.array(labels)
    base = LogisticRegression(backend=backend, learning_rate=0.5, max_iter=200).fit(X_train, y_train)
    model = LogisticRegression(backend=backend, learning_rate=0.5, max_iter=200).fit(X_train, names[y_train])
    np.testing.assert_array_equal(model.classes_, names)
    np.testing.assert_array_equal(model.coef_, base.coef_)  # same 0/1 problem: classes_[1] is the positive class
    np.testing.assert_array_equal(model.predict(X_test), names[base.predict(X_test)])
    assert model.predict(X_test).dtype == names.dtype
    assert model.score(X_test, names[y_test]) == base.score(X_test, y_test)


def test_labels_are_sorted_whatever_their_order(backend):
    X = np.array([[-2.0], [-1.0], [1.0], [2.0], [-1.5], [1.5]])
    y = np.array(["b", "b", "a", "a", "b", "a"])
    model = LogisticRegression(backend=backend, learning_rate=0.5, max_iter=200).fit(X, y)
    np.testing.assert_array_equal(model.classes_, ["a", "b"])
    assert model.coef_[0, 0] < 0  # "b" (class 1) lies on the negative side
    np.testing.assert_array_equal(model.predict([[-3.0], [3.0]]), ["b", "a"])


def test_score_counts_unseen_labels_as_wrong(backend, data):
    X_train, X_test, y_train, _ = data
    model = LogisticRegression(backend=backend, max_iter=50).fit(X_train, y_train)
    assert model.score(X_test, np.full(len(X_test), 7)) == 0.0


def test_refit_starts_from_scratch(backend, data):
    X_train, _, y_train, _ = data
    model = LogisticRegression(backend=backend, learning_rate=0.5, max_iter=100)
    first = model.fit(X_train, y_train).coef_.copy()
    np.testing.assert_array_equal(model.fit(X_train, y_train).coef_, first)
    model.set_params(max_iter=10).fit(X_train, y_train)
    assert model.n_iter_[0] <= 10


def test_penalties_shrink_the_weights(backend, data):
    X_train, _, y_train, _ = data
    fit = {"backend": backend, "learning_rate": 0.5, "max_iter": 2000}
    plain = LogisticRegression(**fit).fit(X_train, y_train)
    ridge = LogisticRegression(**fit, l2=1.0).fit(X_train, y_train)
    lasso = LogisticRegression(**fit, l1=1.0).fit(X_train, y_train)
    assert np.linalg.norm(ridge.coef_) < np.linalg.norm(plain.coef_)
    assert np.abs(lasso.coef_).sum() < np.abs(plain.coef_).sum()
    assert np.count_nonzero(lasso.coef_) < plain.coef_.size  # l1 = 1 zeroes weights out


def test_model_fitted_on_one_backend_predicts_on_the_other(data):
    X_train, X_test, y_train, _ = data
    model = LogisticRegression(backend="reference", learning_rate=0.5, max_iter=300).fit(X_train, y_train)
    on_reference = model.predict_proba(X_test)
    np.testing.assert_allclose(model.set_params(backend="go").predict_proba(X_test), on_reference, rtol=1e-12, atol=1e-15)
    go_model = LogisticRegression(backend="go", learning_rate=0.5, max_iter=300).fit(X_train, y_train)
    np.testing.assert_allclose(go_model.coef_, model.coef_, rtol=0, atol=1e-9 * np.abs(model.coef_).max())
    np.testing.assert_array_equal(go_model.n_iter_, model.n_iter_)


# -- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "X, y, error, match",
    [
        ([[0.0], [1.0], [2.0]], [0, 0, 0], ValueError, "exactly 2 classes"),
        ([[0.0], [1.0], [2.0]], [0, 1, 2], ValueError, "exactly 2 classes"),
        ([[0.0], [1.0], [2.0]], [0, 1], ValueError, "different numbers of samples"),
        ([[0.0], [1.0]], [[0], [1]], ValueError, "1-D"),
        ([0.0, 1.0], [0, 1], ValueError, "2-D"),
        (np.zeros((0, 2)), np.zeros(0), ValueError, "at least one sample"),
        ([[0.0], [np.nan]], [0, 1], ValueError, "NaN"),
        ([["a"], ["b"]], [0, 1], TypeError, "real numbers"),
    ],
)
def test_fit_errors(backend, X, y, error, match):
    with pytest.raises(error, match=match):
        LogisticRegression(backend=backend).fit(X, y)


@pytest.mark.parametrize("method", ["predict", "predict_proba", "decision_function", "score"])
def test_feature_count_mismatch(backend, data, method):
    X_train, X_test, y_train, y_test = data
    model = LogisticRegression(backend=backend, max_iter=10).fit(X_train, y_train)
    args = (X_test[:, :2],) + ((y_test,) if method == "score" else ())
    with pytest.raises(ValueError, match="X has 2 features, but LogisticRegression is expecting 4 features"):
        getattr(model, method)(*args)
