"""Bad input gets the same exception class, with the same message, from both
backends, and never crashes the interpreter."""

from __future__ import annotations

import numpy as np
import pytest

from mlmath import go, reference

LinAlgError = np.linalg.LinAlgError
V3, V2 = [1.0, 2.0, 3.0], [1.0, 2.0]
M22, M23 = [[1.0, 2.0], [3.0, 4.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
SINGULAR = [[1.0, 2.0], [2.0, 4.0]]

# (function, args, exception class, fragment the message must contain)
BAD = [
    # length and shape mismatches name the shapes
    ("add", (V3, V2), ValueError, "(3,) and (2,)"),
    ("subtract", (V3, V2), ValueError, "(3,) and (2,)"),
    ("dot", (V3, V2), ValueError, "shapes (3,) and (2,) not aligned"),
    ("cosine_similarity", (V3, V2), ValueError, "(3,) and (2,)"),
    ("matmul", (M23, M23), ValueError, "shapes (2, 3) and (2, 3) not aligned"),
    ("matmul", (M22, V3), ValueError, "(2, 2) and (3,)"),
    ("solve", (M22, V3), ValueError, "(2, 2)"),
    ("solve", (M22, [[1.0], [2.0], [3.0]]), ValueError, "(3, 1)"),
    # wrong ndim
    ("dot", (M22, M22), ValueError, "1-D"),
    ("add", (5.0, 5.0), ValueError, "1-D"),
    ("norm", (M22,), ValueError, "1-D"),
    ("scale", (2.0, M22), ValueError, "1-D"),
    ("matmul", (V3, V3), ValueError, "2-D"),
    ("matmul", (M22, np.ones((2, 2, 2))), ValueError, "1-D or 2-D"),
    ("transpose", (V3,), ValueError, "2-D"),
    ("det", (V3,), ValueError, "2-D"),
    ("inv", (np.ones((2, 2, 2)),), ValueError, "2-D"),
    ("solve", (M22, np.ones((2, 1, 1))), ValueError, "1-D or 2-D"),
    ("scale", ([1.0, 2.0], V3), ValueError, "scalar"),
    # ragged lists cannot become arrays
    ("dot", ([[1.0], [1.0, 2.0]], V2), ValueError, ""),
    # non-square and singular
    ("det", (M23,), LinAlgError, "must be square"),
    ("inv", (M23,), LinAlgError, "must be square"),
    ("solve", (M23, V2), LinAlgError, "must be square"),
    ("inv", (SINGULAR,), LinAlgError, "Singular matrix"),
    ("solve", (SINGULAR, V2), LinAlgError, "Singular matrix"),
    ("inv", (np.zeros((3, 3)),), LinAlgError, "Singular matrix"),
    ("cholesky", (M23,), LinAlgError, "must be square"),
    ("cholesky", (SINGULAR,), LinAlgError, "Matrix is not positive definite"),
    ("cholesky", ([[1.0, 2.0], [2.0, 1.0]],), LinAlgError, "Matrix is not positive definite"),
    ("cholesky", ([[-1.0]],), LinAlgError, "Matrix is not positive definite"),
    ("cholesky", (V3,), ValueError, "2-D"),
    ("qr", (V3,), ValueError, "2-D"),
    ("eigh", (M23,), LinAlgError, "must be square"),
    ("eig", (M23,), LinAlgError, "must be square"),
    ("eig", ([[1.0, np.nan], [0.0, 1.0]],), LinAlgError, "Array must not contain infs or NaNs"),
    ("eig", (V3,), ValueError, "2-D"),
    ("svd", (V3,), ValueError, "2-D"),
    ("pinv", (V3,), ValueError, "2-D"),
    ("pinv", ([[np.nan, 1.0]],), LinAlgError, "Array must not contain infs or NaNs"),
    ("pinv", (M22, "x"), TypeError, "real number"),
    ("matrix_rank", (V3,), ValueError, "2-D"),
    ("matrix_rank", ([[np.inf]],), LinAlgError, "Array must not contain infs or NaNs"),
    ("cond", (np.zeros((0, 0)),), ValueError, "empty"),
    ("cond", ([[np.nan]],), LinAlgError, "Array must not contain infs or NaNs"),
    ("low_rank_approx", (M23, 0), ValueError, "0 < k <= min(m, n) = 2"),
    ("low_rank_approx", (M23, 3), ValueError, "0 < k <= min(m, n) = 2"),
    ("low_rank_approx", (M23, 1.0), TypeError, "integer"),
    ("low_rank_approx", ([[np.nan, 1.0]], 1), LinAlgError, "Array must not contain infs or NaNs"),
    ("pca", ([[1.0, 2.0]], 1), ValueError, "at least 2 samples"),
    ("pca", (M23, 3), ValueError, "n_components"),
    ("pca", (M23, True), TypeError, "integer"),
    ("pca", (V3, 1), ValueError, "2-D"),
    # calculus: the point, the step, the user's functions and their results
    ("numerical_derivative", (np.sin, [1.0, 2.0]), ValueError, "scalar"),
    ("numerical_derivative", (np.sin, np.nan), ValueError, "finite"),
    ("numerical_derivative", (np.sin, 1.0, -1.0), ValueError, "h must be a positive finite number"),
    ("numerical_derivative", ("sin", 1.0), TypeError, "f must be callable"),
    ("gradient", (np.sin, []), ValueError, "must not be empty"),
    ("gradient", (np.sin, M22), ValueError, "1-D"),
    ("gradient", (lambda v: v, V2), ValueError, "f must return a scalar, got an array of shape (2,)"),
    ("jacobian", (lambda v: [[1.0]], V2), ValueError, "f must return a 1-D array"),
    ("jacobian", (np.sin, [np.inf]), ValueError, "finite"),
    ("hessian", (lambda v: "x", V2), TypeError, "f must return a real number"),
    ("check_gradient", (np.sum, lambda v: [1.0], V2), ValueError, "grad_f must return shape (2,)"),
    ("gradient_descent", (np.sum, None, V2, 0.0), ValueError, "learning_rate must be a positive finite number"),
    ("gradient_descent", (np.sum, None, V2, 0.1, -1), ValueError, "max_iter must be >= 0"),
    ("gradient_descent", (np.sum, lambda v: [np.nan, 1.0], V2), ValueError, "the gradient is not finite at iteration 0"),
    ("symbolic_derivative", ("x + * 2", "x"), ValueError, "unexpected '*' at position 4"),
    ("symbolic_derivative", ("foo(x)", "x"), ValueError, 'unknown function "foo" at position 0'),
    ("symbolic_derivative", ("x", "1x"), ValueError, "invalid variable name"),
    ("symbolic_derivative", (1.0, "x"), TypeError, "expression must be a str"),
    ("sigmoid", ("a",), TypeError, "real numbers"),
    ("sigmoid_derivative", ([[1.0], [1.0, 2.0]],), ValueError, "not a rectangular array"),
    ("relu", (["x"],), TypeError, "real numbers"),
    ("relu_derivative", ([1j],), TypeError, "real numbers"),
    ("tanh", (None,), TypeError, "real numbers"),
    ("tanh_derivative", ("1",), TypeError, "real numbers"),
    ("softmax", (M22, 2), np.exceptions.AxisError, "axis 2 is out of bounds"),
    ("log_softmax", (3.0,), ValueError, "at least one dimension"),
    ("logsumexp", (V3, 1.5), TypeError, "integer"),
    ("mse", (V3, V2), ValueError, "same shape"),
    ("binary_cross_entropy", ([], []), ValueError, "empty"),
    ("binary_cross_entropy_with_logits", (V2, M22), ValueError, "same shape"),
    ("softmax_cross_entropy", ([0, 5], M22), ValueError, "label 5 is out of range for 2 classes"),
    ("mlp_forward", (M22, M23, [1.0, 2.0, 3.0], M22, [1.0]), ValueError, "W2 must have 3 rows"),
    ("mlp_backward", (M22, [1.0, 0.0], M22, [[0.5], [0.5]], M22, [[0.0], [0.0]], M22, [[1.0]]), ValueError, "do not fit"),
    ("train_mlp", (M22, [1.0, 0.0], M22, [0.0, 0.0], [[1.0], [1.0]], [0.0], None, 3), TypeError, "optimizer must be an mlmath optimizer"),
    ("entropy", ([-1.0, 2.0],), ValueError, "negative"),
    ("cross_entropy", (V3, V2), ValueError, "same shape"),
    ("kl_divergence", ([0.0, 0.0], [1.0, 1.0]), ValueError, "sums to 0"),
    ("js_divergence", (V2, V2, 1), ValueError, "base"),
    ("js_distance", ([np.inf, 1.0], V2), ValueError, "finite"),
    ("joint_entropy", (V3,), ValueError, "2-D"),
    ("conditional_entropy", ([[1e308, 1e308]],), ValueError, "overflows"),
    ("mutual_information", ([[]],), ValueError, "empty"),
    ("mutual_information_from_labels", ([1, 2, 3], [1, 2]), ValueError, "same length"),
    ("hoeffding_bound", (10, 0.0), ValueError, "delta must be in (0, 1)"),
    ("finite_class_bound", (10, "many", 0.1), TypeError, "hypothesis_count must be a number"),
    ("sample_complexity", (-0.1, 0.1, 10), ValueError, "epsilon"),
    ("vc_bound", (3, 4, 0.1), ValueError, "n must be >= vc_dimension"),
    ("bias_variance_decomposition", (V3, V3), ValueError, "2-D"),
    ("standardize", ([[np.nan, 1.0]],), ValueError, "NaN or Inf"),
    ("apply_standardize", (M22, [0.0], [1.0]), ValueError, "mean and std must have shape (2,)"),
    ("logistic_regression", (M22, [1, 1]), ValueError, "single class"),
    ("predict_proba", (M22, V3, 0.0), ValueError, "weights must have shape (2,)"),
    ("predict", (M22, V2, "x"), TypeError, "real number"),
    ("accuracy", ([0, 1], [0.5, 1]), ValueError, "integer labels"),
    ("precision", ([0, 1], [0, 3]), ValueError, "binary labels"),
    ("recall", ([0, 1], [0]), ValueError, "same length"),
    ("f1_score", ([], []), ValueError, "empty"),
    ("confusion_matrix", ([[0, 1]], [[0, 1]]), ValueError, "1-D"),
    ("log_loss", ([0, 1], [0.5, np.nan]), ValueError, "finite"),
    ("roc_auc", ([0, 0], [0.1, 0.2]), ValueError, "only one class"),
    ("svd", ([[1.0, np.nan]],), LinAlgError, "Array must not contain infs or NaNs"),
    ("svd", ([[np.inf, 1.0]],), LinAlgError, "Array must not contain infs or NaNs"),
    ("svd", (M22, 1), TypeError, "True or False"),
    ("eigh", ([[1.0, 0.0], [np.nan, 1.0]],), LinAlgError, "Array must not contain infs or NaNs"),
    ("eigh", ([[np.inf]],), LinAlgError, "Array must not contain infs or NaNs"),
    ("qr", (np.ones((2, 2, 2)),), ValueError, "2-D"),
    ("qr", ([["a"]],), TypeError, "real"),
    # domain
    ("norm", (V3, 3), ValueError, "invalid norm order"),
    ("norm", (V3, "fro"), ValueError, "invalid norm order"),
    ("norm", (V3, 0.5), ValueError, "invalid norm order"),
    ("norm", ([], -np.inf), ValueError, "empty"),
    ("cosine_similarity", ([], []), ValueError, "empty"),
    # non-numeric data
    ("dot", (["a", "b"], V2), TypeError, "real"),
    ("add", (V2, [1 + 2j, 3.0]), TypeError, "complex"),
    ("dot", (np.array([1.0, 2.0], dtype=object), V2), TypeError, "object"),
    ("norm", (None,), TypeError, "real"),
    ("scale", ("2", V2), TypeError, "real number"),
    ("scale", (1j, V2), TypeError, "real number"),
    ("matmul", ([["x"]], [[1.0]]), TypeError, "real"),
    ("det", (np.array([[1 + 0j]]),), TypeError, "complex"),
    ("transpose", ([[b"x"]],), TypeError, "real"),
    ("solve", (M22, ["a", "b"]), TypeError, "real"),
]


@pytest.mark.parametrize("name, args, exc, fragment", BAD, ids=[f"{b[0]}-{i}" for i, b in enumerate(BAD)])
def test_bad_input_raises_the_same_exception_on_both_backends(name, args, exc, fragment):
    messages = []
    for backend in (reference, go):
        with pytest.raises(exc) as info:
            getattr(backend, name)(*args)
        assert fragment in str(info.value), f"{backend.__name__}.{name}: {info.value!r} lacks {fragment!r}"
        assert str(info.value).startswith(name + ":"), f"message should name the function: {info.value!r}"
        messages.append((type(info.value), str(info.value)))
    assert messages[0] == messages[1], f"backends differ: {messages}"


def test_linalgerror_is_a_valueerror():
    # numpy's own hierarchy: callers catching ValueError also catch ours.
    assert issubclass(LinAlgError, ValueError)


def test_every_function_has_bad_input_cases():
    assert {b[0] for b in BAD} == {n for n in reference.__all__ if not isinstance(getattr(reference, n), type)}


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # numpy warns on invalid values; Go does not
def test_nan_and_inf_propagate_as_numpy(backend):
    nan, inf = np.nan, np.inf
    assert np.isnan(backend.dot([1.0, nan], [1.0, 1.0]))
    assert np.isnan(backend.dot([inf, 1.0], [0.0, 1.0]))  # inf * 0
    np.testing.assert_array_equal(backend.add([nan, inf], [1.0, 1.0]), [nan, inf])
    assert np.isnan(backend.norm([1.0, nan]))
    assert backend.norm([1.0, inf]) == inf
    assert np.isnan(backend.norm([inf, nan], np.inf))
    assert backend.norm([nan, 0.0], 0) == np.linalg.norm([nan, 0.0], 0) == 1.0
    C = backend.matmul([[inf, 0.0]], [[0.0], [1.0]])
    assert np.isnan(C[0, 0]), "0 * inf must give nan, as in BLAS (no zero skipping)"
    assert np.isnan(backend.det([[nan, 1.0], [1.0, 1.0]]))
    assert np.isnan(backend.inv([[nan, 1.0], [1.0, 1.0]])).all()


def test_empty_inputs_follow_numpy(backend):
    assert backend.dot([], []) == 0.0
    assert backend.norm([]) == 0.0 and backend.norm([], 1) == 0.0 and backend.norm([], 0) == 0.0
    assert backend.norm([], np.inf) == np.linalg.norm(np.zeros(0), np.inf) == 0.0
    assert backend.add([], []).shape == (0,)
    assert backend.matmul(np.zeros((0, 3)), np.zeros((3, 2))).shape == (0, 2)
    np.testing.assert_array_equal(backend.matmul(np.zeros((2, 0)), np.zeros((0, 3))), np.zeros((2, 3)))
    assert backend.det(np.zeros((0, 0))) == 1.0
    assert backend.inv(np.zeros((0, 0))).shape == (0, 0)
    assert backend.solve(np.zeros((0, 0)), np.zeros(0)).shape == (0,)
    assert backend.transpose(np.zeros((0, 3))).shape == (3, 0)
