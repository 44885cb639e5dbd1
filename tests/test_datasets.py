"""mlmath.datasets: make_classification and train_test_split (numpy only, no backend).

The generators use np.random.default_rng, so their draws never match sklearn's:
sklearn is the oracle for sizes and counts, and for "is this data learnable".
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression as SkLogisticRegression
from sklearn.model_selection import StratifiedShuffleSplit
from sklearn.model_selection import train_test_split as sk_train_test_split

from mlmath.datasets import make_classification, train_test_split

# -- make_classification ---------------------------------------------------------------


def test_make_classification_shapes_and_dtypes():
    X, y = make_classification(n_samples=123, n_features=7, n_informative=3, n_redundant=2, random_state=0)
    assert X.shape == (123, 7) and X.dtype == np.float64
    assert y.shape == (123,) and y.dtype == np.int64
    assert set(np.unique(y)) <= {0, 1}
    assert np.isfinite(X).all()


def test_make_classification_defaults():
    X, y = make_classification(random_state=0)
    assert X.shape == (1000, 2) and y.shape == (1000,)


def test_make_classification_is_deterministic():
    a = make_classification(200, 5, 2, 1, random_state=42)
    b = make_classification(200, 5, 2, 1, random_state=42)
    c = make_classification(200, 5, 2, 1, random_state=43)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    assert not np.array_equal(a[0], c[0])


def test_make_classification_accepts_a_generator():
    X1, y1 = make_classification(50, random_state=np.random.default_rng(7))
    X2, y2 = make_classification(50, random_state=7)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)


@pytest.mark.parametrize("n", [2, 3, 100, 1001, 1003])
@pytest.mark.parametrize("per_class", [1, 2])
def test_make_classification_balances_the_classes(n, per_class):
    # Without label noise: class 0 has ceil(n/2) points, class 1 floor(n/2), as sklearn.
    _, y = make_classification(n, 3, 2, 0, flip_y=0.0, random_state=1, n_clusters_per_class=per_class)
    np.testing.assert_array_equal(np.bincount(y, minlength=2), [math.ceil(n / 2), n // 2])


def test_make_classification_rows_are_shuffled():
    _, y = make_classification(400, flip_y=0.0, random_state=3)
    assert 0 < y[:200].sum() < 200  # not all of class 0 first


def test_make_classification_clusters_sit_on_hypercube_vertices():
    # One cluster per class: each class's mean in the informative coordinates is
    # a vertex of {-class_sep, class_sep}^2, and the two vertices differ.
    sep = 2.0
    X, y = make_classification(4000, 3, 2, 0, class_sep=sep, flip_y=0.0, random_state=5)
    means = np.array([X[y == c, :2].mean(axis=0) for c in (0, 1)])
    vertices = sep * np.sign(means)
    np.testing.assert_allclose(means, vertices, atol=0.25)  # sampling error ~ 1.2 / sqrt(2000)
    assert not np.array_equal(vertices[0], vertices[1])


@pytest.mark.parametrize("seed", range(5))
def test_make_classification_large_class_sep_is_separable(seed):
    X, y = make_classification(500, 4, 2, 1, class_sep=3.0, flip_y=0.0, random_state=seed)
    assert SkLogisticRegression().fit(X, y).score(X, y) > 0.95


def test_make_classification_flip_y_one_leaves_no_signal():
    # Every label redrawn at random: nothing left to learn.
    X, y = make_classification(2000, 2, 2, 0, class_sep=3.0, flip_y=1.0, random_state=0)
    assert SkLogisticRegression().fit(X, y).score(X, y) < 0.6


def test_make_classification_flip_y_reassigns_about_half_of_the_chosen_labels():
    # With clusters far apart, a label disagreeing with its cluster was flipped:
    # about flip_y / 2 of them (half of the redrawn labels keep their class).
    X, y = make_classification(20000, 2, 1, 0, class_sep=10.0, flip_y=0.2, random_state=0)
    cluster = (X[:, 0] > 0).astype(np.int64)
    wrong = np.mean(cluster != y)
    wrong = min(wrong, 1 - wrong)  # which vertex holds class 0 is random
    assert abs(wrong - 0.1) < 0.01


def test_make_classification_redundant_features_are_combinations_of_informative_ones():
    n_inf, n_red, n_noise = 3, 4, 2
    X, _ = make_classification(300, n_inf + n_red + n_noise, n_inf, n_red, random_state=0)
    informative, redundant = X[:, :n_inf], X[:, n_inf : n_inf + n_red]
    assert np.linalg.matrix_rank(X[:, : n_inf + n_red]) == n_inf
    assert np.linalg.matrix_rank(X) == n_inf + n_noise
    B, *_ = np.linalg.lstsq(informative, redundant, rcond=None)
    np.testing.assert_allclose(informative @ B, redundant, atol=1e-10 * np.abs(redundant).max())
    assert np.all(np.abs(B) <= 1)  # uniform in [-1, 1]


def test_make_classification_noise_features_are_standard_normal_and_uninformative():
    X, y = make_classification(20000, 4, 2, 0, class_sep=2.0, flip_y=0.0, random_state=0)
    noise = X[:, 2:]
    np.testing.assert_allclose(noise.mean(axis=0), 0, atol=0.05)
    np.testing.assert_allclose(noise.std(axis=0), 1, atol=0.05)
    np.testing.assert_allclose(noise[y == 0].mean(axis=0), noise[y == 1].mean(axis=0), atol=0.1)


def test_make_classification_two_clusters_per_class_use_four_vertices():
    X, y = make_classification(8000, 2, 2, 0, class_sep=4.0, flip_y=0.0, random_state=2, n_clusters_per_class=2)
    corners = {tuple(v) for v in np.sign(X).astype(int)}
    assert len(corners) == 4
    for c in (0, 1):  # each class sits in two of the four corners (up to the Gaussian tails)
        counts = np.unique(np.sign(X[y == c]), axis=0, return_counts=True)[1]
        assert np.sort(counts)[-2:].sum() > 0.97 * (y == c).sum()


@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"n_samples": 1}, ValueError),
        ({"n_samples": 2.0}, TypeError),
        ({"n_samples": True}, TypeError),
        ({"n_informative": 0}, ValueError),
        ({"n_redundant": -1}, ValueError),
        ({"n_features": 3, "n_informative": 2, "n_redundant": 2}, ValueError),
        ({"n_features": 1, "n_informative": 2}, ValueError),
        ({"n_features": 2, "n_informative": 1, "n_clusters_per_class": 2}, ValueError),  # 4 clusters, 2 vertices
        ({"n_clusters_per_class": 0}, ValueError),
        ({"class_sep": 0.0}, ValueError),
        ({"class_sep": -1.0}, ValueError),
        ({"class_sep": np.inf}, ValueError),
        ({"class_sep": "1"}, TypeError),
        ({"flip_y": -0.1}, ValueError),
        ({"flip_y": 1.5}, ValueError),
        ({"flip_y": np.nan}, ValueError),
        ({"flip_y": [0.1]}, ValueError),
    ],
)
def test_make_classification_rejects_bad_parameters(kwargs, error):
    with pytest.raises(error, match="make_classification"):
        make_classification(**kwargs)


def test_make_classification_limits_are_inclusive():
    make_classification(10, 2, 2, 0, flip_y=0.0)
    make_classification(10, 2, 2, 0, flip_y=1.0)
    make_classification(10, 2, 1, 1)  # n_informative + n_redundant == n_features
    make_classification(10, 2, 2, 0, n_clusters_per_class=2)  # 4 clusters on 4 vertices
    make_classification(10, 70, 70, 0)  # more vertices than an int64 can number


# -- train_test_split ------------------------------------------------------------------


def _indexed(n):
    """X holding each row's index, y = 10 * index: rows can be traced back."""
    X = np.arange(n).reshape(n, 1) * np.array([[1, 1]])
    return X, 10 * np.arange(n)


SIZE_CASES = [(n, t) for n in (2, 7, 10, 11, 100, 101, 999) for t in (0.1, 0.2, 0.25, 0.3, 1 / 3, 0.5, 0.7, 0.9, 1, 3)]


@pytest.mark.parametrize("n, test_size", SIZE_CASES)
def test_train_test_split_sizes_match_sklearn(n, test_size):
    X, y = _indexed(n)
    try:
        expected = [len(part) for part in sk_train_test_split(X, y, test_size=test_size, random_state=0)]
    except ValueError:
        with pytest.raises(ValueError, match="train_test_split"):
            train_test_split(X, y, test_size=test_size, random_state=0)
        return
    got = [len(part) for part in train_test_split(X, y, test_size=test_size, random_state=0)]
    assert got == expected


@pytest.mark.parametrize("stratify", [False, True])
def test_train_test_split_is_a_partition_with_rows_kept_together(stratify):
    X, y = _indexed(57)
    labels = np.arange(57) % 3
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=1, stratify=labels if stratify else None)
    rows = np.concatenate([X_train[:, 0], X_test[:, 0]])
    np.testing.assert_array_equal(np.sort(rows), np.arange(57))
    np.testing.assert_array_equal(y_train, 10 * X_train[:, 0])
    np.testing.assert_array_equal(y_test, 10 * X_test[:, 0])
    assert not np.array_equal(X_train[:, 0], np.sort(X_train[:, 0]))  # shuffled


def test_train_test_split_is_deterministic():
    X, y = _indexed(50)
    a = train_test_split(X, y, random_state=3)
    b = train_test_split(X, y, random_state=3)
    c = train_test_split(X, y, random_state=4)
    for p, q in zip(a, b):
        np.testing.assert_array_equal(p, q)
    assert not np.array_equal(a[1], c[1])


def test_train_test_split_default_test_size_is_a_fifth():
    X, y = _indexed(101)
    parts = train_test_split(X, y)
    assert [len(p) for p in parts] == [80, 21, 80, 21]  # ceil(0.2 * 101) = 21


def test_train_test_split_keeps_dtypes_and_trailing_shape():
    X = np.arange(24, dtype=np.float32).reshape(6, 2, 2)
    y = np.array(["a", "b", "a", "b", "a", "b"])
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=2, random_state=0)
    assert X_train.shape == (4, 2, 2) and X_test.shape == (2, 2, 2) and X_train.dtype == np.float32
    assert y_train.dtype == y.dtype
    assert train_test_split([[1], [2], [3]], [0, 1, 0], test_size=1)[1].shape == (1, 1)  # lists


def _sklearn_test_counts(labels, test_size):
    split = StratifiedShuffleSplit(n_splits=1, test_size=test_size, random_state=0)
    _, test = next(split.split(np.zeros(len(labels)), labels))
    return np.bincount(np.unique(labels, return_inverse=True)[1][test])


@pytest.mark.parametrize(
    "counts, test_size, expected",
    [
        ([50, 33, 17], 0.2, [10, 7, 3]),  # shares 10, 6.6, 3.4: the one missing row goes to the class at .6
        ([80, 20], 0.25, [20, 5]),  # exact
        ([700, 250, 50], 0.1, [70, 25, 5]),
        ([13, 29, 8], 0.3, [4, 9, 2]),  # shares 3.9, 8.7, 2.4 of 15
        ([4, 6, 90], 7, [0, 1, 6]),  # a small class may get no test row (shares .28, .42, 6.3), as sklearn
    ],
)
def test_train_test_split_stratified_counts_match_sklearn(counts, test_size, expected):
    labels = np.repeat(np.arange(len(counts)), counts)
    rng = np.random.default_rng(0)
    labels = rng.permutation(labels)
    X = np.arange(len(labels)).reshape(-1, 1)
    _, _, y_train, y_test = train_test_split(X, labels, test_size=test_size, random_state=0, stratify=labels)
    np.testing.assert_array_equal(np.bincount(y_test, minlength=len(counts)), expected)
    np.testing.assert_array_equal(np.bincount(y_train, minlength=len(counts)), np.array(counts) - expected)
    np.testing.assert_array_equal(_sklearn_test_counts(labels, test_size), expected)


def test_train_test_split_stratified_ties_are_broken_at_random():
    # 50/50 rows, 25 test rows: each class's share is 12.5, one class gets 13.
    labels = np.repeat(["neg", "pos"], 50)
    X = np.arange(100).reshape(-1, 1)
    seen = set()
    for seed in range(20):
        _, _, _, y_test = train_test_split(X, labels, test_size=0.25, random_state=seed, stratify=labels)
        n_pos = int((y_test == "pos").sum())
        assert len(y_test) == 25 and n_pos in (12, 13)
        seen.add(n_pos)
    assert seen == {12, 13}


def test_train_test_split_stratified_keeps_proportions_of_generated_data():
    X, y = make_classification(1000, 3, 2, 0, flip_y=0.3, random_state=0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0, stratify=y)
    assert abs(y_test.mean() - y.mean()) <= 1 / len(y_test)
    assert abs(y_train.mean() - y.mean()) <= 1 / len(y_train)


@pytest.mark.parametrize(
    "X, y, kwargs, error, match",
    [
        (np.zeros((5, 2)), np.zeros(4), {}, ValueError, "different numbers of samples"),
        (np.zeros((5, 2)), np.zeros(5), {"test_size": 0}, ValueError, "0 < test_size < n_samples"),
        (np.zeros((5, 2)), np.zeros(5), {"test_size": 5}, ValueError, "0 < test_size < n_samples"),
        (np.zeros((5, 2)), np.zeros(5), {"test_size": -1}, ValueError, "0 < test_size < n_samples"),
        (np.zeros((5, 2)), np.zeros(5), {"test_size": 0.0}, ValueError, r"\(0, 1\)"),
        (np.zeros((5, 2)), np.zeros(5), {"test_size": 1.0}, ValueError, r"\(0, 1\)"),
        (np.zeros((5, 2)), np.zeros(5), {"test_size": 0.9}, ValueError, "train set would be empty"),  # ceil(4.5) = 5
        (np.zeros((1, 2)), np.zeros(1), {}, ValueError, "train set would be empty"),
        (np.zeros((5, 2)), np.zeros(5), {"test_size": True}, TypeError, "test_size"),
        (np.zeros((5, 2)), np.zeros(5), {"test_size": "0.2"}, TypeError, "test_size"),
        (np.zeros((5, 2)), np.zeros(5), {"test_size": None}, TypeError, "test_size"),
        (np.float64(1.0), np.zeros(1), {}, ValueError, "arrays of samples"),
        (np.zeros((6, 2)), np.zeros(6), {"stratify": [0, 0, 0, 1, 1, 2]}, ValueError, r"at least 2 samples.*\[2\]"),
        (np.zeros((6, 2)), np.zeros(6), {"stratify": [0, 0, 1, 1, 2, 2], "test_size": 2}, ValueError, "each part needs at least 3"),
        (np.zeros((6, 2)), np.zeros(6), {"stratify": [0, 0, 1, 1, 2, 2], "test_size": 4}, ValueError, "each part needs at least 3"),
        (np.zeros((6, 2)), np.zeros(6), {"stratify": [0, 1, 0, 1]}, ValueError, "stratify must be"),
    ],
)
def test_train_test_split_errors(X, y, kwargs, error, match):
    with pytest.raises(error, match=match):
        train_test_split(X, y, **kwargs)
