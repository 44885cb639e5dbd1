"""What ``make bench`` measures: the ops, their sizes, inputs and numpy equivalents.

The Go benchmarks (go/vec/bench_test.go, go/mat/bench_test.go,
go/decomp/bench_test.go, go/calculus/bench_test.go) use the same sizes, under
the names ``Benchmark<GoName>/n=<size>``; so does go/gonumbench/bench_test.go,
which times gonum on the decompositions for the "gonum" column.

The calculus ops time ``gradient_descent`` on Rosenbrock's function; their
size is the number of steps. They have no numpy equivalent (the reference is
the numpy loop), and the Python-callback variant no Go benchmark (its Go loop
calls Python at every step).
"""

from __future__ import annotations

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

IMPLS = ("numpy", "reference", "go")  # timed from Python; "go-native" and "gonum" come from go test -bench
NATIVE = "go-native"
GONUM = "gonum"  # gonum's time on the same input, Go-native (go/gonumbench), a comparison only


@dataclass(frozen=True)
class Op:
    """One benchmarked function: its family, sizes, numpy equivalent and arguments."""

    name: str
    family: str  # one of FAMILIES; also the Go package (GO_PACKAGES) and the PNG name
    go_name: str  # Benchmark<go_name> in the Go package; "" when there is none (no go-native column)
    sizes: tuple[int, ...]
    numpy: Callable | None  # None when numpy has no equivalent (no numpy column)
    args: Callable[[int], tuple]  # size -> the call's arguments
    function: str = ""  # the mlmath function timed, when it is not called ``name``

    def quick_sizes(self) -> tuple[int, ...]:
        """The few sizes of a ``--quick`` run."""
        return {"vectors": QUICK_VECTOR_SIZES, "matrices": QUICK_MATRIX_SIZES,
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
)
FAMILIES = ("vectors", "matrices", "decompositions", "calculus")
GO_PACKAGES = {"vectors": "./vec", "matrices": "./mat", "decompositions": "./decomp", "calculus": "./calculus"}
GONUM_DIR = "go/gonumbench"  # a module of its own; its benchmarks have go/decomp's names
GONUM_FAMILIES = ("decompositions",)


def functions(op: Op) -> dict[str, Callable]:
    """impl -> the function to time, for the Python-side implementations (no "numpy" when it has none)."""
    from mlmath import go, reference

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
