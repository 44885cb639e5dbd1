"""The two backends expose one API: same functions, same signatures, same
documentation, and the contracts that hold for every function (float64
results, inputs never modified, array-likes accepted)."""

from __future__ import annotations

import inspect
import subprocess
import sys
import types

import numpy as np
import pytest

from mlmath import go, objectives, reference


def public_functions(module: types.ModuleType) -> dict[str, object]:
    """The module's public functions and classes (the optimizers)."""
    return {name: obj for name, obj in vars(module).items() if not name.startswith("_") and (inspect.isfunction(obj) or inspect.isclass(obj))}


#: The functions of the API (the classes, optimizers, are tested in test_optimizers.py).
FUNCTIONS = sorted(n for n in reference.__all__ if inspect.isfunction(getattr(reference, n)))


def test_both_backends_export_the_same_functions():
    ref, gob = public_functions(reference), public_functions(go)
    assert set(ref) == set(gob), f"only in reference: {set(ref) - set(gob)}; only in go: {set(gob) - set(ref)}"
    assert set(reference.__all__) == set(ref) == set(go.__all__)


@pytest.mark.parametrize("name", sorted(reference.__all__))
def test_signatures_match(name):
    assert inspect.signature(getattr(reference, name)) == inspect.signature(getattr(go, name))


@pytest.mark.parametrize("name", FUNCTIONS)
def test_go_docstring_carries_the_reference_contract(name):
    ref_doc, go_doc = getattr(reference, name).__doc__, getattr(go, name).__doc__
    assert ref_doc and "Returns" in ref_doc or "as :func:" in ref_doc, f"reference.{name} lacks a numpydoc docstring"
    assert go_doc.endswith(ref_doc) and "same contract" in go_doc


def _run_without_native(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter where mlmath._native cannot load."""
    prelude = "import sys; sys.modules['mlmath._native'] = None\n"
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, timeout=60)


def test_go_import_error_says_how_to_build():
    r = _run_without_native("import mlmath.go")
    assert r.returncode != 0
    assert "ImportError" in r.stderr and "make build" in r.stderr and "pip install ." in r.stderr


def test_reference_works_without_the_native_library():
    r = _run_without_native("from mlmath import reference; print(reference.dot([1, 2, 3], [4, 5, 6]))")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "32.0"


# One call per function, with inputs of every accepted kind.
RNG = np.random.default_rng(20261125)
V, W = RNG.standard_normal(7), RNG.standard_normal(7)
A = RNG.standard_normal((5, 5)) + 5 * np.eye(5)
B = RNG.standard_normal((5, 3))


def _sum_sin(v):
    return float(np.sum(np.sin(v)))


def _sin_and_square(v):
    return np.concatenate([np.sin(v), v**2])


# The notes' network on B's first two columns: a forward pass for mlp_backward.
_FWD = reference.mlp_forward(B[:, :2], A[:2, :4], V[:4], A[:4, :1], V[:1])
# (train_mlp updates its arguments in place through the optimizer: tested in test_nn.py)
CALLS = {
    "add": (V, W),
    "subtract": (V, W),
    "scale": (2.5, V),
    "dot": (V, W),
    "norm": (V,),
    "cosine_similarity": (V, W),
    "matmul": (A, B),
    "transpose": (B,),
    "det": (A,),
    "inv": (A,),
    "solve": (A, B),
    "cholesky": (A @ A.T,),
    "qr": (B,),
    "eig": (A,),
    "eigh": (A + A.T,),
    "svd": (B,),
    "pinv": (B,),
    "matrix_rank": (B,),
    "cond": (A,),
    "low_rank_approx": (B, 2),
    "pca": (B, 2),
    "numerical_derivative": (np.sin, 0.5),
    "gradient": (_sum_sin, V[:3]),
    "jacobian": (_sin_and_square, V[:3]),
    "hessian": (_sum_sin, V[:3]),
    "check_gradient": (_sum_sin, np.cos, V[:3]),
    "gradient_descent": (objectives.quadratic, None, V[:3]),
    "symbolic_derivative": ("x^3 + sin(x)", "x"),
    "sigmoid": (A,),
    "sigmoid_derivative": (V,),
    "relu": (B,),
    "relu_derivative": (V,),
    "tanh": (A,),
    "tanh_derivative": (V,),
    "softmax": (A,),
    "log_softmax": (B,),
    "logsumexp": (A,),
    "mse": (V, W),
    "binary_cross_entropy": (np.abs(np.sin(V)), np.abs(np.cos(W))),
    "binary_cross_entropy_with_logits": (np.abs(np.sin(V)), W),
    "softmax_cross_entropy": (np.array([0, 2, 1, 1, 0]), B),
    "mlp_forward": (B[:, :2], A[:2, :4], V[:4], A[:4, :1], V[:1]),
    "mlp_backward": (B[:, :2], np.ones(5), *tuple(_FWD), A[:2, :4], A[:4, :1]),
    "entropy": (np.abs(V),),
    "cross_entropy": (np.abs(V), np.abs(W)),
    "kl_divergence": (np.abs(V), np.abs(W)),
    "js_divergence": (np.abs(V), np.abs(W)),
    "js_distance": (np.abs(V), np.abs(W)),
    "joint_entropy": (np.abs(B),),
    "conditional_entropy": (np.abs(B),),
    "mutual_information": (np.abs(B),),
    "mutual_information_from_labels": (np.array([0, 1, 1, 2, 0, 1, 2]), np.array([1, 1, 0, 0, 1, 1, 0])),
    "hoeffding_bound": (100, 0.0625),  # (values exact in float32, as every variant)
    "finite_class_bound": (100, 1000, 0.0625),
    "sample_complexity": (0.0625, 0.125, 1000),
    "vc_bound": (100, 5, 0.0625),
    "bias_variance_decomposition": (B.T, V[:5]),
    "standardize": (B,),
    "apply_standardize": (B, V[:3], np.abs(W[:3]) + 1),
    "logistic_regression": (B, np.array([0, 1, 1, 0, 1]), 0.5, 50),
    "predict_proba": (B, V[:3], 0.25),
    "predict": (B, V[:3], 0.25),
    "accuracy": (np.array([0, 1, 1, 0, 1, 2]), np.array([0, 1, 0, 0, 1, 2])),
    "precision": (np.array([0, 1, 1, 0, 1]), np.array([0, 1, 0, 1, 1])),
    "recall": (np.array([0, 1, 1, 0, 1]), np.array([0, 1, 0, 1, 1])),
    "f1_score": (np.array([0, 1, 1, 0, 1]), np.array([0, 1, 0, 1, 1])),
    "confusion_matrix": (np.array([0, 1, 1, 0, 3]), np.array([0, 1, 0, 1, 3])),
    "log_loss": (np.array([0, 1, 1, 0, 1]), np.abs(np.sin(V[:5]))),
    "roc_auc": (np.array([0, 1, 1, 0, 1]), V[:5]),
}


def test_every_function_is_exercised_here():
    assert set(CALLS) == set(FUNCTIONS) - {"train_mlp"}


def variants(x):
    """The same values as list, int-free float32-exact copy, Fortran order, view."""
    if x is None or callable(x) or isinstance(x, str):  # functions and text are passed as they are
        return [x]
    if isinstance(x, int):  # a count (k, n_components): integers only
        return [x, np.int64(x), np.int32(x)]
    if isinstance(x, np.ndarray) and x.dtype.kind in "iu":  # class labels: integers of any width
        padded = np.zeros(2 * len(x), dtype=x.dtype)
        padded[::2] = x
        return [x.tolist(), x.astype(np.int32), x.astype(np.uint8), padded[::2]]
    if np.ndim(x) == 0:
        return [x, np.float32(x), int(x) if float(x).is_integer() else x]
    x32 = np.asarray(x, dtype=np.float32).astype(np.float64)  # values exact in float32
    out = [x32.tolist(), x32.astype(np.float32), np.asfortranarray(x32)]
    padded = np.zeros((2 * x32.shape[0],) + x32.shape[1:])
    padded[::2] = x32
    out.append(padded[::2])  # non-contiguous view
    return out


def _float32_exact(a):
    """Arrays of floats rounded to float32 values (so every variant holds the same numbers); the rest as is."""
    if callable(a) or isinstance(a, str) or not np.ndim(a) or np.asarray(a).dtype.kind in "iu":
        return a
    return np.asarray(a, dtype=np.float32).astype(np.float64)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_inputs_of_every_kind_give_float64_and_are_not_modified(backend, name):
    f = getattr(backend, name)
    args32 = [_float32_exact(a) for a in CALLS[name]]
    expected = f(*args32)
    for i in range(len(args32)):
        for variant in variants(args32[i]):
            args = list(args32)
            args[i] = variant
            before = [np.array(a, copy=True) for a in args]
            got = f(*args)
            for a, b in zip(args, before):
                np.testing.assert_array_equal(np.asarray(a), b, err_msg=f"{name} modified an input")
            check_same_result(got, expected)


def check_same_result(got, expected) -> None:
    """``got`` has the type of ``expected`` and the same values: float64
    (complex128 for eig's complex results), C-contiguous arrays, Python
    floats and ints, or named tuples of those."""
    if isinstance(expected, tuple):
        assert type(got) is type(expected), f"{type(got).__name__} is not {type(expected).__name__}"
        for g, e in zip(got, expected):
            check_same_result(g, e)
    elif isinstance(expected, np.ndarray) and expected.dtype == np.int64:  # labels, counts
        assert isinstance(got, np.ndarray) and got.dtype == np.int64 and got.flags.c_contiguous
        np.testing.assert_array_equal(got, expected)
    elif isinstance(expected, np.ndarray):  # float64, or complex128 where the API says so (eig)
        assert isinstance(got, np.ndarray) and got.dtype == expected.dtype and got.flags.c_contiguous
        assert got.dtype in (np.float64, np.complex128)
        np.testing.assert_array_equal(got, expected)
    elif isinstance(expected, str):  # a symbolic derivative
        assert type(got) is str and got == expected
    elif isinstance(expected, int):  # a count (matrix_rank)
        assert type(got) is int and got == expected
    else:
        assert type(got) is float and got == expected


def test_int_inputs_compute_in_float64(backend):
    big = 2**53 + 1  # not representable in float64: rounds to 2**53
    assert backend.dot([big], [1]) == float(2**53)
    assert backend.add([1, 2], [3, 4]).dtype == np.float64
