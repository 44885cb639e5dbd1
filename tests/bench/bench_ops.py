"""pytest-benchmark groups: numpy, mlmath.reference and mlmath.go per op and size.

Not collected by ``make test`` (the name does not start with ``test_``); run
by ``make bench`` through ``tests/bench/run.py``, which adds the Go-native
numbers from ``go test -bench`` and prints the ratios.
"""

from __future__ import annotations

import numpy as np
import pytest

from mlmath import go, reference

VECTOR_SIZES = (3, 1_000, 1_000_000)
MATRIX_SIZES = (64, 256, 1024)
IMPLS = ("numpy", "reference", "go")

rng = np.random.default_rng(2026)
_vectors = {n: (rng.standard_normal(n), rng.standard_normal(n)) for n in VECTOR_SIZES}
_matrices = {n: (rng.standard_normal((n, n)) + n**0.5 * np.eye(n), rng.standard_normal((n, n))) for n in MATRIX_SIZES}

# op -> (numpy equivalent, how to build the arguments from the inputs)
VECTOR_OPS = {
    "add": (np.add, lambda v, w: (v, w)),
    "subtract": (np.subtract, lambda v, w: (v, w)),
    "scale": (np.multiply, lambda v, w: (2.5, v)),
    "dot": (np.dot, lambda v, w: (v, w)),
    "norm": (np.linalg.norm, lambda v, w: (v,)),
    "cosine_similarity": (lambda v, w: np.dot(v, w) / (np.linalg.norm(v) * np.linalg.norm(w)), lambda v, w: (v, w)),
}
MATRIX_OPS = {
    "matmul": (np.matmul, lambda A, B: (A, B)),
    "transpose": (lambda A: np.ascontiguousarray(A.T), lambda A, B: (A,)),
    "det": (np.linalg.det, lambda A, B: (A,)),
    "inv": (np.linalg.inv, lambda A, B: (A,)),
    "solve": (np.linalg.solve, lambda A, B: (A, B[:, 0])),
}


def _impl(impl: str, op: str, numpy_f):
    return numpy_f if impl == "numpy" else getattr({"reference": reference, "go": go}[impl], op)


# (op, n, numpy equivalent, arguments): every op at each of its named sizes.
CASES = [(op, n, f, make(*_vectors[n])) for op, (f, make) in sorted(VECTOR_OPS.items()) for n in VECTOR_SIZES] + [
    (op, n, f, make(*_matrices[n])) for op, (f, make) in sorted(MATRIX_OPS.items()) for n in MATRIX_SIZES
]


@pytest.mark.parametrize("impl", IMPLS)
@pytest.mark.parametrize("op, n, numpy_f, args", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_op(benchmark, op, n, numpy_f, args, impl):
    benchmark.group = f"{op} n={n}"
    benchmark.extra_info.update(op=op, n=n, impl=impl)
    benchmark(_impl(impl, op, numpy_f), *args)
