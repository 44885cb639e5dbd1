"""The C boundary: the header, the exported symbols and the status codes agree;
Go checks its arguments again and answers bad ones with a status code instead
of crashing; calls are safe from many threads at once."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from pathlib import Path

import numpy as np
import pytest

import mlmath
from mlmath import go
from mlmath._native import ffi, lib
from mlmath.go import _status
from mlmath.go._buffers import string_result
from mlmath.go._callbacks import Progress, invoke, progress_arg

ROOT = Path(__file__).resolve().parent.parent
HEADER = ROOT / "bindings" / "mlmath.h"
LIBRARY = Path(mlmath.__file__).parent / "libmlmath.so"


def header_functions() -> set[str]:
    return set(re.findall(r"^int (mlm_\w+)\(", HEADER.read_text(), flags=re.M))


def header_statuses() -> dict[str, int]:
    return {k: int(v) for k, v in re.findall(r"^\s+(MLM_\w+) = (\d+)", HEADER.read_text(), flags=re.M)}


@pytest.mark.skipif(shutil.which("nm") is None, reason="needs binutils' nm")
def test_header_declares_exactly_the_exported_symbols():
    out = subprocess.run(["nm", "-D", "--defined-only", str(LIBRARY)], capture_output=True, text=True, check=True).stdout
    exported = {m for m in re.findall(r"\bT (mlm_\w+)$", out, flags=re.M)}
    declared = header_functions()
    assert declared, "no declarations found in the header"
    assert exported == declared, f"only exported: {exported - declared}; only declared: {declared - exported}"


def test_cffi_sees_every_declared_function_and_status():
    for name in header_functions():
        assert callable(getattr(lib, name))
    for name, value in header_statuses().items():
        assert getattr(lib, name) == value


def test_every_error_status_maps_to_an_exception():
    for name, value in header_statuses().items():
        if value == lib.MLM_OK:
            continue
        err = _status.error(value, "f")
        assert isinstance(err, Exception) and str(err).startswith("f: ")
        if name != "MLM_ERR_CALLBACK":  # re-raises the callback's own exception instead
            assert value in _status._ERRORS, f"{name} has no exception in _status._ERRORS"
    assert isinstance(_status.error(lib.MLM_ERR_SINGULAR, "inv"), np.linalg.LinAlgError)
    assert isinstance(_status.error(lib.MLM_ERR_PANIC, "inv"), RuntimeError)
    assert "unknown status" in str(_status.error(12345, "f"))


def test_string_results_grow_the_buffer_when_go_asks():
    version = string_result(lib.mlm_go_version, "go_version", capacity=1)
    assert re.fullmatch(r"go1\.\d+(\.\d+)?.*", version)
    length = ffi.new("int64_t *")
    buf = ffi.new("char[]", 1)
    assert lib.mlm_go_version(buf, 1, length) == lib.MLM_ERR_BUFFER_TOO_SMALL
    assert length[0] == len(version)


NULL = ffi.NULL


def _buf(n: int):
    return ffi.new("double[]", max(n, 1))


# Calls that bypass the Python checks: Go must answer each with a status code.
# (what, export, arguments, expected status)
RAW_BAD = [
    ("negative n", "mlm_dot", lambda: (_buf(1), _buf(1), -1, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("NULL input", "mlm_dot", lambda: (NULL, _buf(3), 3, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("NULL out", "mlm_dot", lambda: (_buf(3), _buf(3), 3, NULL), lib.MLM_ERR_ARGUMENT),
    ("NULL dst", "mlm_add", lambda: (_buf(3), _buf(3), 3, NULL), lib.MLM_ERR_ARGUMENT),
    ("subtract NULL", "mlm_subtract", lambda: (_buf(3), NULL, 3, _buf(3)), lib.MLM_ERR_ARGUMENT),
    ("cosine negative", "mlm_cosine_similarity", lambda: (_buf(1), _buf(1), -5, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("scale NULL", "mlm_scale", lambda: (2.0, NULL, 3, _buf(3)), lib.MLM_ERR_ARGUMENT),
    ("norm order", "mlm_norm", lambda: (_buf(3), 3, 3.0, _buf(1)), lib.MLM_ERR_DOMAIN),
    ("norm empty -inf", "mlm_norm", lambda: (NULL, 0, float("-inf"), _buf(1)), lib.MLM_ERR_SHAPE),
    ("matmul overflow", "mlm_matmul", lambda: (_buf(1), _buf(1), 2**40, 2**40, 2**40, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("matmul negative", "mlm_matmul", lambda: (_buf(1), _buf(1), 1, -1, 1, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("transpose NULL", "mlm_transpose", lambda: (NULL, 2, 2, _buf(4)), lib.MLM_ERR_ARGUMENT),
    ("det negative", "mlm_det", lambda: (_buf(1), -3, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("inv NULL dst", "mlm_inv", lambda: (_buf(4), 2, NULL), lib.MLM_ERR_ARGUMENT),
    ("inv singular", "mlm_inv", lambda: (ffi.new("double[]", [1.0, 2.0, 2.0, 4.0]), 2, _buf(4)), lib.MLM_ERR_SINGULAR),
    ("solve NULL b", "mlm_solve", lambda: (_buf(4), NULL, 2, 1, _buf(2)), lib.MLM_ERR_ARGUMENT),
    ("solve huge k", "mlm_solve", lambda: (_buf(4), _buf(2), 2, 2**62, _buf(2)), lib.MLM_ERR_ARGUMENT),
    # decompositions: the trailing (NULL, NULL, 0.0) is "no progress callback" (_QUIET)
    ("cholesky not PD", "mlm_cholesky", lambda: (ffi.new("double[]", [1.0, 2.0, 2.0, 1.0]), 2, _buf(4), *_QUIET),
     lib.MLM_ERR_NOT_POSITIVE_DEFINITE),
    ("cholesky NULL dst", "mlm_cholesky", lambda: (_buf(4), 2, NULL, *_QUIET), lib.MLM_ERR_ARGUMENT),
    ("qr NULL r", "mlm_qr", lambda: (_buf(6), 3, 2, _buf(6), NULL, *_QUIET), lib.MLM_ERR_ARGUMENT),
    ("qr overflow", "mlm_qr", lambda: (_buf(1), 2**40, 2**40, _buf(1), _buf(1), *_QUIET), lib.MLM_ERR_ARGUMENT),
    ("qr negative", "mlm_qr", lambda: (_buf(1), -2, 3, _buf(1), _buf(1), *_QUIET), lib.MLM_ERR_ARGUMENT),
    ("eigh NULL w", "mlm_eigh", lambda: (_buf(4), 2, NULL, _buf(4), *_QUIET), lib.MLM_ERR_ARGUMENT),
    ("eigh NaN", "mlm_eigh", lambda: (ffi.new("double[]", [float("nan")]), 1, _buf(1), _buf(1), *_QUIET), lib.MLM_ERR_NOT_FINITE),
    ("svd NULL s", "mlm_svd", lambda: (_buf(6), 2, 3, 0, _buf(4), NULL, _buf(6), *_QUIET), lib.MLM_ERR_ARGUMENT),
    ("svd overflow", "mlm_svd", lambda: (_buf(1), 2**40, 2**40, 1, _buf(1), _buf(1), _buf(1), *_QUIET), lib.MLM_ERR_ARGUMENT),
    ("svd progress aborts", "mlm_svd", lambda: _svd_stopped_by_progress(), lib.MLM_ERR_CALLBACK),
    ("pinv NULL dst", "mlm_pinv", lambda: (_buf(6), 2, 3, 1e-15, NULL, *_QUIET), lib.MLM_ERR_ARGUMENT),
    ("rank NULL out", "mlm_matrix_rank", lambda: (_buf(6), 2, 3, -1.0, NULL, *_QUIET), lib.MLM_ERR_ARGUMENT),
    ("cond empty", "mlm_cond", lambda: (NULL, 0, 3, _buf(1), *_QUIET), lib.MLM_ERR_SHAPE),
    ("low rank k too big", "mlm_low_rank_approx", lambda: (_buf(6), 2, 3, 3, _buf(9), _buf(3), _buf(9), _buf(6), *_QUIET),
     lib.MLM_ERR_SHAPE),
    ("pca one sample", "mlm_pca", lambda: (_buf(3), 1, 3, 1, _buf(3), _buf(1), _buf(1), _buf(3), _buf(1), *_QUIET), lib.MLM_ERR_SHAPE),
    ("eig NULL wi", "mlm_eig", lambda: (_buf(4), 2, _buf(2), NULL, _buf(4), *_QUIET), lib.MLM_ERR_ARGUMENT),
    ("eig Inf", "mlm_eig", lambda: (ffi.new("double[]", [float("inf")]), 1, _buf(1), _buf(1), _buf(1), *_QUIET), lib.MLM_ERR_NOT_FINITE),
    ("gomaxprocs NULL", "mlm_gomaxprocs", lambda: (NULL,), lib.MLM_ERR_ARGUMENT),
    ("version NULL len", "mlm_go_version", lambda: (ffi.new("char[]", 8), 8, NULL), lib.MLM_ERR_ARGUMENT),
    ("version bad cap", "mlm_go_version", lambda: (NULL, 8, ffi.new("int64_t *")), lib.MLM_ERR_ARGUMENT),
    ("kernel NULL len", "mlm_kernel", lambda: (ffi.new("char[]", 8), 8, NULL), lib.MLM_ERR_ARGUMENT),
    ("kernels small buffer", "mlm_kernels_supported", lambda: (ffi.new("char[]", 1), 1, ffi.new("int64_t *")), lib.MLM_ERR_BUFFER_TOO_SMALL),
    ("kernel note negative cap", "mlm_kernel_note", lambda: (NULL, -1, ffi.new("int64_t *")), lib.MLM_ERR_ARGUMENT),
    ("cpu features NULL len", "mlm_cpu_features", lambda: (NULL, 0, NULL), lib.MLM_ERR_ARGUMENT),
    # calculus: each case fails before Go would call the function back
    ("derivative NULL f", "mlm_derivative", lambda: (NULL, NULL, 1.0, 0.0, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("derivative NaN h", "mlm_derivative", lambda: (lib.mlm_py_func, NULL, 1.0, float("nan"), _buf(1)), lib.MLM_ERR_DOMAIN),
    ("gradient negative n", "mlm_gradient", lambda: (lib.mlm_py_func, NULL, _buf(1), -1, 0.0, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("jacobian overflow", "mlm_jacobian", lambda: (lib.mlm_py_func, NULL, _buf(1), 2**40, 2**40, 0.0, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("hessian NULL dst", "mlm_hessian", lambda: (lib.mlm_py_func, NULL, _buf(2), 2, 0.0, NULL), lib.MLM_ERR_ARGUMENT),
    ("check gradient NULL grad", "mlm_check_gradient", lambda: (lib.mlm_py_func, NULL, NULL, NULL, _buf(2), 2, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("descent unknown objective", "mlm_gradient_descent", lambda: _descent(objective=b"nope"), lib.MLM_ERR_DOMAIN),
    ("descent objective dimension", "mlm_gradient_descent", lambda: _descent(objective=b"rosenbrock", n=1), lib.MLM_ERR_SHAPE),
    ("descent no gradient", "mlm_gradient_descent", lambda: _descent(), lib.MLM_ERR_ARGUMENT),
    ("descent NULL steps", "mlm_gradient_descent", lambda: _descent(objective=b"quadratic", steps=NULL), lib.MLM_ERR_ARGUMENT),
    ("descent NaN rate", "mlm_gradient_descent", lambda: _descent(objective=b"quadratic", rate=float("nan")), lib.MLM_ERR_DOMAIN),
    ("symbolic negative length", "mlm_symbolic_derivative", lambda: (b"x", -1, b"x", 1, ffi.new("char[]", 8), 8, ffi.new("int64_t *")), lib.MLM_ERR_ARGUMENT),
    ("symbolic NULL expression", "mlm_symbolic_derivative", lambda: (NULL, 3, b"x", 1, ffi.new("char[]", 8), 8, ffi.new("int64_t *")), lib.MLM_ERR_ARGUMENT),
    ("symbolic NULL len", "mlm_symbolic_derivative", lambda: (b"x", 1, b"x", 1, ffi.new("char[]", 8), 8, NULL), lib.MLM_ERR_ARGUMENT),
    ("symbolic syntax error", "mlm_symbolic_derivative", lambda: (b"x +", 3, b"x", 1, ffi.new("char[]", 128), 128, ffi.new("int64_t *")), lib.MLM_ERR_DOMAIN),
    ("symbolic small buffer", "mlm_symbolic_derivative", lambda: (b"x^3", 3, b"x", 1, ffi.new("char[]", 2), 2, ffi.new("int64_t *")), lib.MLM_ERR_BUFFER_TOO_SMALL),
    ("sigmoid NULL dst", "mlm_sigmoid", lambda: (_buf(3), 3, NULL), lib.MLM_ERR_ARGUMENT),
    ("sigmoid' negative n", "mlm_sigmoid_derivative", lambda: (_buf(1), -1, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("relu NULL x", "mlm_relu", lambda: (NULL, 2, _buf(2)), lib.MLM_ERR_ARGUMENT),
    ("relu' overflow", "mlm_relu_derivative", lambda: (_buf(1), 2**62, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("tanh NULL dst", "mlm_tanh", lambda: (_buf(2), 2, NULL), lib.MLM_ERR_ARGUMENT),
    ("tanh' negative", "mlm_tanh_derivative", lambda: (_buf(1), -2, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("softmax overflow", "mlm_softmax", lambda: (_buf(1), 2**40, 2**40, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("log_softmax NULL", "mlm_log_softmax", lambda: (NULL, 2, 2, _buf(4)), lib.MLM_ERR_ARGUMENT),
    ("logsumexp NULL dst", "mlm_logsumexp", lambda: (_buf(4), 2, 2, NULL), lib.MLM_ERR_ARGUMENT),
    ("mse NULL out", "mlm_mse", lambda: (_buf(2), _buf(2), 2, NULL), lib.MLM_ERR_ARGUMENT),
    ("bce negative", "mlm_binary_cross_entropy", lambda: (_buf(1), _buf(1), -1, 1e-16, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("bce logits NULL", "mlm_bce_with_logits", lambda: (NULL, _buf(2), 2, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("softmax CE bad label", "mlm_softmax_cross_entropy", lambda: (ffi.new("int64_t[]", [3]), _buf(2), 1, 2, _buf(1)), lib.MLM_ERR_DOMAIN),
    ("softmax CE NULL labels", "mlm_softmax_cross_entropy", lambda: (NULL, _buf(2), 1, 2, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("forward overflow", "mlm_mlp_forward", lambda: (_buf(1),) * 5 + (2**31, 2**31, 2**31, 1) + (_buf(1),) * 4, lib.MLM_ERR_ARGUMENT),
    ("backward NULL db2", "mlm_mlp_backward", lambda: (_buf(4), _buf(2), _buf(2), _buf(2), _buf(1), 2, 2, 1, 1, _buf(2), _buf(1), _buf(1), NULL), lib.MLM_ERR_ARGUMENT),
    ("train no samples", "mlm_train_mlp", lambda: _train(n=0), lib.MLM_ERR_ARGUMENT),
    ("train unknown optimizer", "mlm_train_mlp", lambda: _train(optimizer=9), lib.MLM_ERR_ARGUMENT),
    ("train missing state", "mlm_train_mlp", lambda: _train(optimizer=lib.MLM_OPT_ADAM, hyper=[0.1, 0.9, 0.999, 1e-8, 0, 0, 0]), lib.MLM_ERR_ARGUMENT),
    ("train NULL epochs_done", "mlm_train_mlp", lambda: _train(done=NULL), lib.MLM_ERR_ARGUMENT),
    ("sgd momentum without buffer", "mlm_sgd_step", lambda: (_buf(2), _buf(2), 2, NULL, 1, 0.1, 0.9, 0.0, 0.0, 0), lib.MLM_ERR_ARGUMENT),
    ("adam step 0", "mlm_adam_step", lambda: (_buf(2), _buf(2), 2, _buf(2), _buf(2), NULL, 0, 0.1, 0.9, 0.999, 1e-8, 0.0, 0, 0), lib.MLM_ERR_ARGUMENT),
    ("rmsprop centered without avg", "mlm_rmsprop_step", lambda: (_buf(2), _buf(2), 2, _buf(2), NULL, NULL, 0.01, 0.99, 1e-8, 0.0, 0.0, 1), lib.MLM_ERR_ARGUMENT),
    ("adagrad NULL sum", "mlm_adagrad_step", lambda: (_buf(2), _buf(2), 2, NULL, 1, 0.1, 0.0, 0.0, 1e-10), lib.MLM_ERR_ARGUMENT),
    ("entropy negative entry", "mlm_entropy", lambda: (ffi.new("double[]", [1.0, -1.0]), 2, 2.0, _buf(1)), lib.MLM_ERR_DOMAIN),
    ("entropy empty", "mlm_entropy", lambda: (NULL, 0, 2.0, _buf(1)), lib.MLM_ERR_SHAPE),
    ("cross entropy base 1", "mlm_cross_entropy", lambda: (_ones(2), _ones(2), 2, 1.0, _buf(1)), lib.MLM_ERR_DOMAIN),
    ("kl NULL out", "mlm_kl_divergence", lambda: (_ones(2), _ones(2), 2, 2.0, NULL), lib.MLM_ERR_ARGUMENT),
    ("js NaN", "mlm_js_divergence", lambda: (ffi.new("double[]", [float("nan"), 1.0]), _ones(2), 2, 2.0, _buf(1)), lib.MLM_ERR_DOMAIN),
    ("joint zero sum", "mlm_joint_entropy", lambda: (_buf(4), 2, 2, 2.0, _buf(1)), lib.MLM_ERR_DOMAIN),
    ("conditional overflow", "mlm_conditional_entropy", lambda: (_buf(1), 2**40, 2**40, 2.0, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("mi NULL joint", "mlm_mutual_information", lambda: (NULL, 2, 2, 2.0, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("mi labels NULL y", "mlm_mutual_information_from_labels", lambda: (ffi.new("int64_t[]", 3), NULL, 3, 2.0, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("hoeffding n 0", "mlm_hoeffding_bound", lambda: (0, 0.1, _buf(1)), lib.MLM_ERR_DOMAIN),
    ("finite class delta 1", "mlm_finite_class_bound", lambda: (10, 5.0, 1.0, _buf(1)), lib.MLM_ERR_DOMAIN),
    ("sample complexity NULL", "mlm_sample_complexity", lambda: (0.1, 0.1, 5.0, NULL), lib.MLM_ERR_ARGUMENT),
    ("vc n < d", "mlm_vc_bound", lambda: (3, 4, 0.1, _buf(1)), lib.MLM_ERR_DOMAIN),
    ("bias variance NULL", "mlm_bias_variance", lambda: (_buf(4), 2, 2, _buf(2), _buf(1), NULL, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("standardize no rows", "mlm_standardize", lambda: (NULL, 0, 2, NULL, _buf(2), _buf(2)), lib.MLM_ERR_ARGUMENT),
    ("apply standardize NULL std", "mlm_apply_standardize", lambda: (_buf(4), 2, 2, _buf(2), NULL, _buf(4)), lib.MLM_ERR_ARGUMENT),
    ("logreg NULL b", "mlm_logistic_regression", lambda: (_buf(4), _buf(2), 2, 2, 0.1, 3, 0.0, 0.0, 0.0, _buf(2), NULL, _buf(3), NULL, NULL, 0.0, ffi.new("int64_t *")), lib.MLM_ERR_ARGUMENT),
    ("logreg bad rate", "mlm_logistic_regression", lambda: (_buf(4), _ones(2), 2, 2, -1.0, 3, 0.0, 0.0, 0.0, _buf(2), _buf(1), _buf(3), NULL, NULL, 0.0, ffi.new("int64_t *")), lib.MLM_ERR_DOMAIN),
    ("predict proba overflow", "mlm_predict_proba", lambda: (_buf(1), 2**40, 2**40, _buf(1), 0.0, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("accuracy NULL out", "mlm_accuracy", lambda: (ffi.new("int64_t[]", 2), ffi.new("int64_t[]", 2), 2, NULL), lib.MLM_ERR_ARGUMENT),
    ("precision NULL", "mlm_precision", lambda: (NULL, ffi.new("int64_t[]", 2), 2, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("recall negative", "mlm_recall", lambda: (ffi.new("int64_t[]", 1), ffi.new("int64_t[]", 1), -1, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("f1 NULL out", "mlm_f1_score", lambda: (ffi.new("int64_t[]", 2), ffi.new("int64_t[]", 2), 2, NULL), lib.MLM_ERR_ARGUMENT),
    ("confusion small", "mlm_confusion_matrix", lambda: (ffi.new("int64_t[]", [0, 1, 2]), ffi.new("int64_t[]", [2, 1, 0]), 3, ffi.new("int64_t[]", 6), ffi.new("int64_t[]", 4), 4, ffi.new("int64_t *")), lib.MLM_ERR_BUFFER_TOO_SMALL),
    ("log loss NULL", "mlm_log_loss", lambda: (_buf(2), NULL, 2, 1e-16, _buf(1)), lib.MLM_ERR_ARGUMENT),
    ("roc auc one class", "mlm_roc_auc", lambda: (ffi.new("int64_t[]", [1, 1]), _buf(2), 2, _buf(1)), lib.MLM_ERR_DOMAIN),
    ("descent history overflow", "mlm_gradient_descent", lambda: _descent(objective=b"quadratic", max_iter=2**62), lib.MLM_ERR_ARGUMENT),
]


def _ones(n: int):
    return ffi.new("double[]", [1.0] * n)


def _train(n=2, optimizer=None, hyper=(0.1, 0.0, 0.0, 0.0, 0.0), done=None):
    """Arguments of mlm_train_mlp for a 2-1-1 network on n samples, SGD unless told."""
    optimizer = lib.MLM_OPT_SGD if optimizer is None else optimizer
    state = ffi.new("double *[]", 12)  # all NULL
    done = ffi.new("int64_t *") if done is None else done
    return (_buf(2 * max(n, 1)), _buf(max(n, 1)), n, 2, 1, 1, _buf(2), _buf(1), _buf(1), _buf(1), optimizer,
            ffi.new("double[]", list(hyper)), len(hyper), state, 0, 3, 1, _buf(3), NULL, NULL, 0.0, done)


_QUIET = (NULL, NULL, 0.0)


class _StopAtOnce(Progress):
    """A progress callback that asks to stop (mlm_progress returns 1) at its first call."""

    def report(self, steps, xs):
        return True


def _svd_stopped_by_progress():
    """mlm_svd of a 40 x 40 matrix whose progress callback (called at every
    check point: every = 0) answers 1: a decomposition cannot stop early
    with a result, so that aborts too."""
    a = ffi.new("double[]", [float(i % 7) for i in range(1600)])
    pp, ctx = progress_arg(_StopAtOnce("svd", None, callback=lambda *args: True))
    return (a, 40, 40, 0, _buf(1600), _buf(40), _buf(1600), pp, ctx, 0.0)


def _descent(objective=None, n=2, rate=0.1, max_iter=3, steps=None):
    """Arguments of mlm_gradient_descent with no Python function behind them."""
    name = ffi.new("char[]", objective) if objective else NULL
    steps = ffi.new("int64_t *") if steps is None else steps
    return (name, NULL, NULL, NULL, NULL, _buf(n), n, rate, max_iter, 0.0, NULL, NULL, 0.0, _buf((max_iter + 1) * n if max_iter < 100 else 1), steps)


@pytest.mark.parametrize("what, func, args, status", RAW_BAD, ids=[r[0] for r in RAW_BAD])
def test_go_checks_arguments_again(what, func, args, status):
    assert getattr(lib, func)(*args()) == status


def test_raw_calls_cover_every_export():
    assert {func for _, func, _, _ in RAW_BAD} == header_functions()


class _Counting(Progress):
    """A progress callback that counts its calls, and raises ``exc`` at call ``raise_at``."""

    def __init__(self, raise_at: int = 0, exc: BaseException | None = None) -> None:
        super().__init__("svd", None, callback=lambda *args: None)
        self.calls, self.raise_at, self.exc = 0, raise_at, exc

    def report(self, steps, xs):
        self.calls += 1
        assert steps == self.calls and len(xs) == 0  # (steps = calls so far, no point)
        if self.calls == self.raise_at:
            raise self.exc
        return False


def _raw_svd(A, progress=None, every=0.0):
    """mlm_svd of A through invoke, with the progress callback ``progress`` (None: NULL)."""
    m, n = A.shape
    U, S, Vt = np.empty((m, n)), np.empty(n), np.empty((n, n))
    pp, ctx = progress_arg(progress)
    status = invoke(lib.mlm_svd, ffi.from_buffer("double[]", A), m, n, 0, ffi.from_buffer("double[]", U),
                    ffi.from_buffer("double[]", S), ffi.from_buffer("double[]", Vt), pp, ctx, every)
    return status, (U, S, Vt)


def test_a_decomposition_reporting_progress_changes_no_bit():
    A = np.random.default_rng(3).standard_normal((150, 120))
    quiet, want = _raw_svd(A)
    counting = _Counting()
    status, got = _raw_svd(A, counting)  # every = 0: a call at every check point
    assert quiet == status == lib.MLM_OK and counting.calls > 100
    for g, w in zip(got, want):
        assert g.tobytes() == w.tobytes()


def test_an_exception_in_a_decompositions_progress_comes_back_unchanged():
    A = np.random.default_rng(4).standard_normal((150, 120))
    A_before = A.copy()
    boom = ValueError("from the progress callback")
    counting = _Counting(raise_at=7, exc=boom)
    with pytest.raises(ValueError) as info:
        _raw_svd(A, counting)
    assert info.value is boom and counting.calls == 7  # Go stopped at once
    assert A.tobytes() == A_before.tobytes()




def test_empty_arrays_may_come_with_null_pointers():
    out = ffi.new("double[1]", [7.0])
    assert lib.mlm_dot(NULL, NULL, 0, out) == lib.MLM_OK and out[0] == 0.0
    assert lib.mlm_matmul(NULL, NULL, 0, 5, 0, NULL) == lib.MLM_OK


def test_concurrent_calls_from_many_threads_agree_with_serial_ones():
    rng = np.random.default_rng(7)
    mats = [rng.standard_normal((96, 96)) for _ in range(8)]
    vecs = [rng.standard_normal(200_000) for _ in range(8)]
    serial = [(go.matmul(a, a), go.inv(a), go.dot(v, v), go.add(v, v)) for a, v in zip(mats, vecs)]
    results: list = [None] * 8
    errors: list = []

    def work(i):
        try:
            for _ in range(5):
                r = (go.matmul(mats[i], mats[i]), go.inv(mats[i]), go.dot(vecs[i], vecs[i]), go.add(vecs[i], vecs[i]))
            results[i] = r
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for got, want in zip(results, serial):
        for g, w in zip(got, want):
            np.testing.assert_array_equal(g, w)  # deterministic: same bits from any thread


@pytest.mark.parametrize(
    "export, call",
    [
        ("mlm_matmul", lambda: go.matmul(np.ones((300, 300)), np.ones((300, 300)))),
        ("mlm_dot", lambda: go.dot(np.ones(3), np.ones(3))),  # the fast path binds its export
    ],
)
def test_a_forked_child_gets_a_clear_error_instead_of_a_hang(export, call):
    import os

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: report what the call does, then leave at once
        try:
            call()
            msg = b"returned"
        except RuntimeError as e:
            msg = b"RuntimeError: " + str(e).encode()
        except BaseException as e:  # pragma: no cover
            msg = repr(e).encode()
        os.write(write, msg)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as f:
        msg = f.read().decode()
    os.waitpid(pid, 0)
    assert msg.startswith(f"RuntimeError: {export}:") and "spawn" in msg, msg
    assert go.dot([1.0, 2.0], [3.0, 4.0]) == 11.0  # the parent is unaffected
