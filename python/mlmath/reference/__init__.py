"""The numpy reference backend: readable implementations, the ground truth.

Every function validates its input with :mod:`mlmath._validate` (shared with
:mod:`mlmath.go`), then computes with numpy. Docstrings give shapes, formulas,
and where mlmath deliberately differs from numpy or from the original notes.
"""

from mlmath.reference.calculus import (
    check_gradient,
    gradient,
    gradient_descent,
    hessian,
    jacobian,
    numerical_derivative,
    symbolic_derivative,
)
from mlmath.reference.decompositions import cholesky, cond, eig, eigh, low_rank_approx, matrix_rank, pca, pinv, qr, svd
from mlmath.reference.nn import (
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
from mlmath.reference.optimizers import SGD, Adagrad, Adam, AdamW, RMSprop
from mlmath.reference.information import (
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
from mlmath.reference.learning import bias_variance_decomposition, finite_class_bound, hoeffding_bound, sample_complexity, vc_bound
from mlmath.reference.linear import apply_standardize, logistic_regression, predict, predict_proba, standardize
from mlmath.reference.metrics import accuracy, confusion_matrix, f1_score, log_loss, precision, recall, roc_auc
from mlmath.reference.matrices import det, inv, matmul, solve, transpose
from mlmath.reference.vectors import add, cosine_similarity, dot, norm, scale, subtract

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
