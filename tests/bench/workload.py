"""What ``make bench`` measures: the ops, their sizes, inputs and numpy equivalents.

The Go benchmarks (go/vec/bench_test.go, go/mat/bench_test.go,
go/decomp/bench_test.go, go/calculus/bench_test.go, go/nn/bench_test.go,
go/optim/bench_test.go, go/info/bench_test.go, go/linear/bench_test.go) use
the same sizes, under the names ``Benchmark<GoName>/n=<size>``; so does
go/gonumbench/bench_test.go, which times gonum on the decompositions for the
"gonum" column.

The calculus ops time ``gradient_descent`` on Rosenbrock's function; their
size is the number of steps. They have no numpy equivalent (the reference is
the numpy loop), and the Python-callback variant no Go benchmark (its Go loop
calls Python at every step).

The nn ops are not one stateless call, so each builds its function per
backend (``Op.bind``): ``train_xor`` trains the 2-4-1 network on XOR with
SGD (size = epochs), from fresh copies of the same initial weights and a
fresh optimizer at every call, since train_mlp trains in place;
``adam_step`` is one ``Adam.step`` on a parameter of n elements (size =
elements), the optimizer living across the calls, so that the rounds time
consecutive steps of one long run. The reference *is* the numpy loop of
train_mlp, so train_xor has no numpy column; adam_step's numpy column is
the same update written in place into preallocated scratch (torch's
in-place ops), numpy at its fastest.

The information op times ``mutual_information_from_labels`` on two int64
vectors of n labels from 100 classes, y a noisy copy of x (as go/info's
BenchmarkMutualInformationFromLabels/n=, with Go's random numbers). Its
"numpy" column is scikit-learn's ``mutual_info_score(x, y) / log(2)``
(a scipy.sparse contingency table; the reference computes sklearn's formula
term for term), reported as "sklearn" (``Op.numpy_label``); without
scikit-learn installed the column is left out.

The pipeline op times ``logistic_regression`` training on n x 20 standard
normal data (size = n rows), y = (X w_true + 0.25 + logistic noise > 0), so
P(y = 1 | x) = sigmoid(X w_true + 0.25) with w_true_j = (-1)^j / (j + 1), the
model go/linear's BenchmarkFit/n= draws its labels from (with Go's random
numbers); learning rate 0.5, tol 0, so all 1,000 iterations run (BenchmarkFit:
learning rate 0.1 and l2 = 0.01, the same work per iteration). It has no
numpy column (the reference is the numpy loop) and no scikit-learn one
(LogisticRegression's lbfgs is another algorithm, with its own stopping rule).
"""

from __future__ import annotations

import importlib.util
import math
import types
import warnings
from dataclasses import dataclass
from typing import Callable

import numpy as np

# det of the well-conditioned matrices overflows to inf from n ~ 256 on; the
# value does not matter to the timing, so numpy's warning is noise.
warnings.filterwarnings("ignore", message="overflow encountered in det", category=RuntimeWarning)

VECTOR_SIZES = (3, 10, 100, 1_000, 10_000, 100_000, 1_000_000)
MATRIX_SIZES = (8, 16, 32, 64, 128, 256, 512, 1024)
QUICK_VECTOR_SIZES = (3, 1_000)
QUICK_MATRIX_SIZES = (8, 64)
DECOMP_SIZES = (64, 256, 512)
QUICK_DECOMP_SIZES = (64,)
CALCULUS_SIZES = (10_000,)  # gradient-descent steps
QUICK_CALCULUS_SIZES = (1_000,)
XOR_EPOCHS = (5_000,)  # train_xor: epochs of full-batch SGD
QUICK_XOR_EPOCHS = (500,)
ADAM_SIZES = (100_000,)  # adam_step: the parameter's elements
QUICK_ADAM_SIZES = (1_000,)
INFO_SIZES = (1_000_000,)  # mutual_information_from_labels: labels per vector
QUICK_INFO_SIZES = (10_000,)
INFO_CLASSES = 100
PIPELINE_SIZES = (100_000,)  # logistic_regression: rows of the n x 20 training data
QUICK_PIPELINE_SIZES = (1_000,)
PIPELINE_FEATURES = 20
PIPELINE_ITERS = 1_000
PIPELINE_LR = 0.5

IMPLS = ("numpy", "reference", "go")  # timed from Python; "go-native" and "gonum" come from go test -bench
NATIVE = "go-native"
GONUM = "gonum"  # gonum's time on the same input, Go-native (go/gonumbench), a comparison only


@dataclass(frozen=True)
class Op:
    """One benchmarked function: its family, sizes, numpy equivalent and arguments."""

    name: str
    family: str  # one of FAMILIES; also the PNG name and the Go package (GO_PACKAGES, unless go_package)
    go_name: str  # Benchmark<go_name> in the Go package; "" when there is none (no go-native column)
    sizes: tuple[int, ...]
    # numpy's equivalent, None when it has none (no numpy column); for an op with
    # ``bind``, the stand-in for a backend that bind gets as numpy's
    numpy: Callable | object | None
    args: Callable[[int], tuple]  # size -> the call's arguments
    function: str = ""  # the mlmath function timed, when it is not called ``name``
    # (backend, size) -> the function to time on args(size), for an op that is
    # not one stateless mlmath call (training in place, an optimizer step)
    bind: Callable[[object, int], Callable] | None = None
    quick: tuple[int, ...] = ()  # the sizes of a --quick run, when not the family's
    go_package: str = ""  # the Go package of Benchmark<go_name>, when not the family's
    numpy_label: str = "numpy"  # what the "numpy" column times, when it is a library on numpy ("sklearn")

    def quick_sizes(self) -> tuple[int, ...]:
        """The few sizes of a ``--quick`` run."""
        return self.quick or {"vectors": QUICK_VECTOR_SIZES, "matrices": QUICK_MATRIX_SIZES,
                              "calculus": QUICK_CALCULUS_SIZES}.get(self.family, QUICK_DECOMP_SIZES)


def _rng(n: int) -> np.random.Generator:
    return np.random.default_rng([2026, n])


def vector_pair(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Two random float64 vectors of length n."""
    rng = _rng(n)
    return rng.standard_normal(n), rng.standard_normal(n)


def well_conditioned(n: int) -> np.ndarray:
    """A random n x n matrix plus 2*sqrt(n)*I (as the Go benchmarks): no tiny pivots."""
    return _rng(n).standard_normal((n, n)) + 2 * n**0.5 * np.eye(n)


def matrix_pair(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Two random n x n float64 matrices."""
    rng = _rng(n)
    return rng.standard_normal((n, n)), rng.standard_normal((n, n))


def _np_cosine(v, w):
    return np.dot(v, w) / (np.linalg.norm(v) * np.linalg.norm(w))


def _np_transpose(A):
    return np.ascontiguousarray(A.T)  # a copy, as mlmath returns


def _vector_op(name, go_name, numpy, args) -> Op:
    return Op(name, "vectors", go_name, VECTOR_SIZES, numpy, args)


def _matrix_op(name, go_name, numpy, args, extra=()) -> Op:
    return Op(name, "matrices", go_name, MATRIX_SIZES + tuple(extra), numpy, args)


def _spd(n: int) -> np.ndarray:
    """A symmetric positive definite n x n matrix: B B^T + n I."""
    B = _rng(n).standard_normal((n, n))
    return B @ B.T + n * np.eye(n)


def _symmetric(n: int) -> np.ndarray:
    """A random symmetric n x n matrix: (B + B^T) / 2."""
    B = _rng(n).standard_normal((n, n))
    return (B + B.T) / 2


def _np_pca(X, c):
    """PCA's work in numpy: centre, thin SVD (what mlmath.reference.pca does)."""
    Xc = X - X.mean(axis=0)
    return np.linalg.svd(Xc, full_matrices=False)


def _decomp_op(name, go_name, numpy, args) -> Op:
    return Op(name, "decompositions", go_name, DECOMP_SIZES, numpy, args)


ROSENBROCK_X0 = (-1.2, 1.0)


def _descent_op(name: str, go_name: str, python_gradient: bool) -> Op:
    """gradient_descent on Rosenbrock's function from (-1.2, 1) at learning rate
    1e-3, tol 0 (never stops early), size = steps, as BenchmarkGradientDescent.

    With ``python_gradient`` grad_f is rosenbrock.gradient, a Python function
    the go backend calls back at every step; without, grad_f is None and the
    go backend runs the built-in objective's loop in Go.
    """

    def args(n: int) -> tuple:
        from mlmath import objectives

        grad_f = objectives.rosenbrock.gradient if python_gradient else None
        # f, grad_f, x0, learning_rate, max_iter, tol
        return objectives.rosenbrock, grad_f, np.array(ROSENBROCK_X0), 1e-3, n, 0.0

    return Op(name, "calculus", go_name, CALCULUS_SIZES, None, args, function="gradient_descent")


# The XOR problem and the initial weights of the 2-4-1 network, the same as
# go/nn's xorNet (train_test.go), which BenchmarkTrainXOR trains.
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_Y = np.array([[0.0], [1.0], [1.0], [0.0]])
XOR_INIT = (np.array([[0.5, -0.4, 0.3, -0.2], [-0.3, 0.6, -0.5, 0.4]]), np.array([0.1, -0.1, 0.2, -0.2]),
            np.array([[0.7], [-0.6], [0.5], [-0.4]]), np.array([0.05]))
XOR_LR = 2.0


def _bind_train_xor(backend, n: int) -> Callable:
    """train_mlp on XOR, full batch, SGD(lr=2): from fresh copies of XOR_INIT and a
    fresh optimizer at every call (train_mlp updates the weights in place;
    copying four tiny arrays is nothing next to the epochs)."""

    def train(X, y, epochs):
        params = [p.copy() for p in XOR_INIT]
        return backend.train_mlp(X, y, *params, backend.SGD(params, lr=XOR_LR), epochs)

    return train


class NumpyAdam:
    """Adam in plain numpy at its fastest: the reference's formulas (torch's,
    same rounding) as torch runs them, in place (lerp_, mul_ and addcmul_,
    sqrt / bc2 + eps, addcdiv_), into two preallocated scratch arrays, with no
    input checks. Only lr is configurable; betas (0.9, 0.999), eps 1e-8, no
    weight decay."""

    def __init__(self, params, lr=1e-3):
        self.params, self.lr, self.steps = list(params), lr, 0
        self.betas, self.eps = (0.9, 0.999), 1e-8
        self.state = [(np.zeros_like(p), np.zeros_like(p), np.empty_like(p), np.empty_like(p)) for p in self.params]

    def step(self, grads) -> None:
        self.steps += 1
        (b1, b2), t = self.betas, self.steps
        step_size, bc2_sqrt = self.lr / (1 - b1**t), math.sqrt(1 - b2**t)
        for p, g, (m, v, a, b) in zip(self.params, grads, self.state):
            np.subtract(g, m, out=a)  # m = lerp(m, g, 1 - b1) = m + (1 - b1) (g - m), as 1 - b1 < 0.5
            a *= 1 - b1
            m += a
            np.multiply(g, 1 - b2, out=a)  # v = v b2 + ((1 - b2) g) g
            a *= g
            v *= b2
            v += a
            np.sqrt(v, out=b)  # denom = sqrt(v) / sqrt(1 - b2^t) + eps
            b /= bc2_sqrt
            b += self.eps
            np.multiply(m, -step_size, out=a)  # p = p + (-step_size m) / denom
            a /= b
            p += a


NUMPY_OPTIMIZERS = types.SimpleNamespace(Adam=NumpyAdam)  # adam_step's numpy "backend"
ADAM_LR = 1e-3


def _bind_adam_step(backend, n: int) -> Callable:
    """One backend.Adam(lr=1e-3) step on a parameter of n elements per call; the
    optimizer (and its step count) lives across the calls."""
    opt = backend.Adam([_rng(n).standard_normal(n)], lr=ADAM_LR)

    def step(g):
        opt.step([g])

    return step


def label_pair(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Two int64 vectors of n labels in 0..99: x uniform, y = (x + d) % 100 with d
    uniform in -2..2 (about 500 of the 10,000 cells of the contingency table
    nonzero; mutual information about 4.3 bits)."""
    rng = _rng(n)
    x = rng.integers(0, INFO_CLASSES, n, dtype=np.int64)
    return x, (x + rng.integers(-2, 3, n, dtype=np.int64)) % INFO_CLASSES


class SklearnBackend:
    """scikit-learn as the "numpy" backend of mutual_information_from_labels (bound
    through Op.bind): importing sklearn takes about a second, so it happens when
    the function is bound, before the timing, not in a timed first call."""

    @property
    def mutual_information_from_labels(self) -> Callable:
        from sklearn.metrics import mutual_info_score

        def mutual_information(x, y):
            return mutual_info_score(x, y) / math.log(2)  # bits, as the mlmath function's base=2

        return mutual_information


SKLEARN = SklearnBackend() if importlib.util.find_spec("sklearn") else None


def _bind_labels(backend, n: int) -> Callable:
    """backend.mutual_information_from_labels (sklearn's, in bits, for SKLEARN)."""
    return backend.mutual_information_from_labels


def classification(n: int) -> tuple[np.ndarray, np.ndarray]:
    """X (n x 20, standard normal) and int64 labels y = (X w_true + 0.25 + noise > 0),
    the noise logistic: y ~ Bernoulli(sigmoid(X w_true + 0.25)), w_true_j = (-1)^j / (j + 1),
    go/linear's classification model (about 55% ones; the fit reaches a loss of about 0.56)."""
    rng = _rng(n)
    X = rng.standard_normal((n, PIPELINE_FEATURES))
    w_true = np.array([(-1) ** j / (j + 1) for j in range(PIPELINE_FEATURES)])
    return X, (X @ w_true + 0.25 + rng.logistic(size=n) > 0).astype(np.int64)


def _training_args(n: int) -> tuple:
    """logistic_regression(X, y, learning_rate, max_iter, l1, l2, tol): tol 0 runs every iteration."""
    return (*classification(n), PIPELINE_LR, PIPELINE_ITERS, 0.0, 0.0, 0.0)


OPS = (
    _vector_op("add", "Add", np.add, vector_pair),
    _vector_op("subtract", "Subtract", np.subtract, vector_pair),
    _vector_op("scale", "Scale", np.multiply, lambda n: (2.5, vector_pair(n)[0])),
    _vector_op("dot", "Dot", np.dot, vector_pair),
    _vector_op("norm", "Norm", np.linalg.norm, lambda n: vector_pair(n)[:1]),
    _vector_op("cosine_similarity", "CosineSimilarity", _np_cosine, vector_pair),
    _matrix_op("matmul", "Mul", np.matmul, matrix_pair, extra=(2048,)),
    _matrix_op("transpose", "Transpose", _np_transpose, lambda n: matrix_pair(n)[:1]),
    _matrix_op("det", "Det", np.linalg.det, lambda n: (well_conditioned(n),)),
    _matrix_op("inv", "Inv", np.linalg.inv, lambda n: (well_conditioned(n),)),
    _matrix_op("solve", "Solve", np.linalg.solve, lambda n: (well_conditioned(n), _rng(n + 1).standard_normal(n))),
    _decomp_op("cholesky", "Cholesky", np.linalg.cholesky, lambda n: (_spd(n),)),
    _decomp_op("qr", "QR", np.linalg.qr, lambda n: matrix_pair(n)[:1]),
    _decomp_op("eigh", "Eigh", np.linalg.eigh, lambda n: (_symmetric(n),)),
    _decomp_op("svd", "SVD", lambda A: np.linalg.svd(A, full_matrices=False), lambda n: matrix_pair(n)[:1]),
    _decomp_op("eig", "Eig", np.linalg.eig, lambda n: matrix_pair(n)[:1]),
    _decomp_op("pinv", "Pinv", np.linalg.pinv, lambda n: matrix_pair(n)[:1]),
    _decomp_op("pca", "PCA", _np_pca, lambda n: (matrix_pair(n)[0], 10)),
    _descent_op("gd_rosenbrock_builtin", "GradientDescent", python_gradient=False),
    _descent_op("gd_rosenbrock_callback", "", python_gradient=True),
    Op("train_xor", "nn", "TrainXOR", XOR_EPOCHS, None, lambda n: (XOR_X, XOR_Y, n), function="train_mlp",
       bind=_bind_train_xor, quick=QUICK_XOR_EPOCHS),
    Op("adam_step", "nn", "AdamStep", ADAM_SIZES, NUMPY_OPTIMIZERS, lambda n: (_rng(n + 1).standard_normal(n),),
       function="Adam", bind=_bind_adam_step, quick=QUICK_ADAM_SIZES, go_package="./optim"),
    Op("mutual_information_from_labels", "information", "MutualInformationFromLabels", INFO_SIZES, SKLEARN,
       label_pair, bind=_bind_labels, quick=QUICK_INFO_SIZES, numpy_label="sklearn"),
    Op("logistic_regression", "pipeline", "Fit", PIPELINE_SIZES, None, _training_args, quick=QUICK_PIPELINE_SIZES),
)
FAMILIES = ("vectors", "matrices", "decompositions", "calculus", "nn", "information", "pipeline")
GO_PACKAGES = {"vectors": "./vec", "matrices": "./mat", "decompositions": "./decomp", "calculus": "./calculus", "nn": "./nn",
               "information": "./info", "pipeline": "./linear"}
GONUM_DIR = "go/gonumbench"  # a module of its own; its benchmarks have go/decomp's names
GONUM_FAMILIES = ("decompositions",)


def go_package(op: Op) -> str:
    """The Go package holding Benchmark<op.go_name>: the op's own, else its family's."""
    return op.go_package or GO_PACKAGES[op.family]


def numpy_label(op_name: str) -> str:
    """What the "numpy" column of the op called ``op_name`` times: "numpy", or "sklearn"."""
    return next((op.numpy_label for op in OPS if op.name == op_name), "numpy")


def functions(op: Op, n: int) -> dict[str, Callable]:
    """impl -> the function to time at size n, for the Python-side implementations (no "numpy" when it has none).

    An op with ``bind`` gets fresh functions (and state) at every call of this.
    """
    from mlmath import go, reference

    if op.bind is not None:
        backends = {"numpy": op.numpy, "reference": reference, "go": go}
        return {impl: op.bind(b, n) for impl, b in backends.items() if b is not None}
    name = op.function or op.name
    numpy = {"numpy": op.numpy} if op.numpy is not None else {}
    return {**numpy, "reference": getattr(reference, name), "go": getattr(go, name)}


def select(ops: list[str] | None, families: list[str] | None) -> list[Op]:
    """The ops named in ``ops`` and in ``families`` (all when both are None)."""
    known = {op.name for op in OPS}
    for name in ops or ():
        if name not in known:
            raise SystemExit(f"unknown op {name!r}; known: {', '.join(sorted(known))}")
    for fam in families or ():
        if fam not in FAMILIES:
            raise SystemExit(f"unknown family {fam!r}; known: {', '.join(FAMILIES)}")
    return [op for op in OPS if (not ops or op.name in ops) and (not families or op.family in families)]
