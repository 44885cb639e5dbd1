"""Write the shared test vectors vectors.json and matrices.json.

Run from the repository root with the venv's Python::

    .venv/bin/python tests/data/generate.py

Every expected value is computed here by numpy (or, where noted in a case,
by exact rational arithmetic), never copied from an mlmath backend. Where
mlmath deliberately differs from plain numpy the case says so in "note" and
records what plain numpy gives in "numpy". The output is deterministic: the
same numpy version writes the same bytes (no timestamps), so a diff of the
JSON files shows exactly what a regeneration changed. numpy's OpenBLAS picks
its kernel from the CPU, and kernels round differently in the last bits, so
this script pins OPENBLAS_CORETYPE=Haswell (any x86-64 CPU with AVX2 runs it)
unless the variable is already set, and records the kernel in "about". The
tests compare with tolerances, never bit patterns of such sums, so the files
are valid whichever kernel wrote them.

See README.md in this directory for the file format, the encoding of NaN and
infinities, and the tolerance rules named by each case's "tol" field.
"""

from __future__ import annotations

import json
import math
import os
import platform
import sys
import warnings
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("OPENBLAS_CORETYPE", "Haswell")  # before numpy loads OpenBLAS

import numpy as np  # noqa: E402

#: The seed of every random case (numpy.random.default_rng).
SEED = 20250611
HERE = Path(__file__).resolve().parent
COMMAND = ".venv/bin/python tests/data/generate.py"

TOLERANCES = {
    "exact": "got == want for every entry; NaN matches NaN, +0 matches -0",
    "rel": "|got - want| <= 4 * max(n, 1) * eps * |want| for every entry (n: vector length or matrix order)",
    "sum": "|got - want| <= 4 * max(n, 1) * eps * sum|terms| for every entry; the terms depend on the op (README.md)",
    "cond": "||got - want||_F <= 4 * max(n, 1) * eps * max(cond, 1) * ||want||_F, with cond the case's 'cond' field",
    "logdet": "|got - want| <= 4 * (n + |ln|want||) * eps * |want| (a determinant computed as exp(sum log|u_ii|), as numpy does)",
}
ENCODING = (
    'JSON has no NaN or infinity: they are written as the strings "nan", "inf" and "-inf", '
    "wherever a number may appear (inputs, expected values, ord). Every finite number is a JSON number "
    "that round-trips to the exact float64 (Python repr)."
)


# --- encoding -------------------------------------------------------------


def num(x) -> float | str:
    """A float64 as JSON: a number, or "nan" / "inf" / "-inf"."""
    x = float(x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return x


def vec(v) -> list:
    """A 1-D array as a JSON list of numbers."""
    return [num(x) for x in np.asarray(v, dtype=np.float64).ravel()]


def arr(a) -> dict:
    """An array of any shape as {"shape": [...], "data": [row-major entries]}."""
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": vec(a)}


def case(name, op, inputs, *, expected=None, error=None, tol="exact", note=None, numpy=None, cond=None):
    c = {"name": name, "op": op, "inputs": inputs}
    if error is not None:
        c["error"] = error
    else:
        c["expected"] = expected
        c["tol"] = tol
    if cond is not None:
        c["cond"] = float(cond)
    if note:
        c["note"] = note
    if numpy is not None:
        c["numpy"] = numpy
    return c


def about(what: str) -> dict:
    return {
        "description": what,
        "generated_by": "tests/data/generate.py",
        "command": COMMAND,
        "numpy": np.__version__,
        "openblas_coretype": os.environ["OPENBLAS_CORETYPE"],
        "python": platform.python_version(),
        "seed": SEED,
        "rng": "numpy.random.default_rng(seed); standard_normal draws in the order of the cases",
        "encoding": ENCODING,
        "tolerances": TOLERANCES,
        "eps": float(np.finfo(np.float64).eps),
    }


# --- the mlmath rules, written with numpy ---------------------------------


def norm2(v) -> float:
    """The 2-norm without overflow/underflow in the squares: numpy's norm of
    v / max|v|, times max|v| (mlmath rescales; plain numpy does not)."""
    v = np.asarray(v, dtype=np.float64)
    if v.size == 0 or np.isnan(v).any():
        return float(np.linalg.norm(v))
    amax = float(np.max(np.abs(v)))
    if amax == 0 or math.isinf(amax):
        return amax
    return amax * float(np.linalg.norm(v / amax))


def cosine(v, w) -> float:
    """<v/||v||, w/||w||> (scikit-learn's formula), 0.0 when a norm is 0."""
    nv, nw = norm2(v), norm2(w)
    if nv == 0 or nw == 0:
        return 0.0
    with np.errstate(invalid="ignore"):
        return float((np.asarray(v) / nv) @ (np.asarray(w) / nw))


def plain_numpy(f, *args):
    """What plain numpy returns (warnings silenced), encoded, for the "numpy" field."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        try:
            r = f(*args)
        except Exception as e:  # noqa: BLE001 - recorded, not raised
            return f"raises {type(e).__name__}: {e}"
    return num(r) if np.ndim(r) == 0 else arr(r)


# --- vectors ----------------------------------------------------------------


def vector_cases(rng) -> list[dict]:
    cases = []
    r7a, r7b = rng.standard_normal(7), rng.standard_normal(7)
    r100a, r100b = rng.standard_normal(100), rng.standard_normal(100)
    # Magnitudes from 1e-150 to 1e150: products span 1e-300..1e300.
    mixed_v = np.array([1e-150, -3e-100, 1e-50, 7.0, -1e50, 1e100, 1.5e150])
    mixed_w = mixed_v[::-1].copy()
    pairs = {
        "notes": ([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]),
        "empty": ([], []),
        "one_element": ([-2.5], [4.0]),
        "random_7": (r7a, r7b),
        "random_100": (r100a, r100b),
        "mixed_magnitudes": (mixed_v, mixed_w),
    }

    # add / subtract: elementwise IEEE operations, correctly rounded: exact.
    elementwise = dict(pairs)
    elementwise["overflow"] = ([1e308, -1e308, 1e-308], [1e308, -1e308, -1e-308])
    elementwise["nan_inf"] = ([1.0, np.nan, np.inf, np.inf], [1.0, 2.0, -np.inf, 1.0])
    for op, f in (("add", np.add), ("subtract", np.subtract)):
        for name, (v, w) in elementwise.items():
            with np.errstate(all="ignore"):
                want = f(np.asarray(v, float), np.asarray(w, float))
            cases.append(case(f"{op}/{name}", op, {"v": vec(v), "w": vec(w)}, expected=vec(want)))
        cases.append(case(f"{op}/length_mismatch", op, {"v": vec([1, 2, 3]), "w": vec([1, 2])}, error="length"))

    # scale: c * v elementwise: exact.
    scales = {
        "notes": (2.0, [1.0, 2.0, 3.0]),
        "empty": (3.0, []),
        "negative_random_7": (-1.5, r7a),
        "zero_times_inf": (0.0, [1.0, np.inf, -2.0]),
        "overflow": (1e300, [1e10, -1e10, 1.0]),
        "nan": (2.0, [np.nan, 1.0]),
    }
    for name, (c, v) in scales.items():
        with np.errstate(all="ignore"):
            want = c * np.asarray(v, float)
        cases.append(case(f"scale/{name}", "scale", {"c": num(c), "v": vec(v)}, expected=vec(want)))

    # dot: a sum of n products: rule "sum" with terms v_i * w_i.
    dots = dict(pairs)
    # The exact value is 1, but the sum cancels: any order of summation
    # gives 0, 1 or 2, all within the "sum" tolerance 4*3*eps*(2e16+1).
    dots["cancellation"] = ([1e16, 1.0, -1e16], [1.0, 1.0, 1.0])
    dots["nan"] = ([1.0, np.nan, 3.0], [4.0, 5.0, 6.0])
    dots["inf_times_zero"] = ([np.inf, 1.0], [0.0, 1.0])
    dots["inf"] = ([np.inf, 1.0], [2.0, 1.0])
    dots["inf_minus_inf"] = ([np.inf, np.inf], [1.0, -1.0])
    for name, (v, w) in dots.items():
        with np.errstate(all="ignore"):
            want = float(np.dot(np.asarray(v, float), np.asarray(w, float)))
        tol = "exact" if not math.isfinite(want) or len(v) == 0 else "sum"
        cases.append(case(f"dot/{name}", "dot", {"v": vec(v), "w": vec(w)}, expected=num(want), tol=tol))
    cases.append(case("dot/length_mismatch", "dot", {"v": vec([1, 2, 3]), "w": vec([1, 2])}, error="length"))

    # norm: every ord on several vectors.
    ords = [2.0, 1.0, 0.0, np.inf, -np.inf]
    norm_vectors = {
        "notes": [1.0, 2.0, 3.0],
        "with_zeros": [0.0, 3.0, 0.0, -4.0],
        "one_element": [-2.5],
        "random_7": r7a,
        "random_100": r100a,
        "mixed_magnitudes": mixed_v,
        "nan": [1.0, np.nan, -3.0],
        "inf": [1.0, -np.inf, 3.0],
        "inf_and_nan": [np.inf, np.nan],
        "empty": [],
    }
    rules = {2.0: "rel", 1.0: "sum", 0.0: "exact", np.inf: "exact", -np.inf: "exact"}
    for name, v in norm_vectors.items():
        v = np.asarray(v, dtype=np.float64)
        for o in ords:
            oname = {2.0: "2", 1.0: "1", 0.0: "0", np.inf: "inf", -np.inf: "-inf"}[o]
            inputs = {"v": vec(v), "ord": num(o)}
            if v.size == 0 and o == -np.inf:
                cases.append(
                    case(
                        f"norm/{name}/ord={oname}",
                        "norm",
                        inputs,
                        error="empty",
                        note="min of an empty vector is undefined (numpy: zero-size array to reduction operation minimum which has no identity); the max of an empty vector is 0.0",
                    )
                )
                continue
            # No squares over/underflow in these vectors: plain numpy is the oracle.
            want = float(np.linalg.norm(v, o))
            tol = rules[o] if math.isfinite(want) else "exact"
            cases.append(case(f"norm/{name}/ord={oname}", "norm", inputs, expected=num(want), tol=tol))
    # The 2-norm is rescaled by max|v_i| where the squares over/underflow:
    # mlmath deviates from plain numpy here on purpose.
    rescaled = {
        "huge": [1e200, 1e200],
        "tiny": [1e-200, 1e-200],
        "tiny_3_4": [3e-200, 4e-200],
        "near_max": [1e308, 1e308],
        "subnormal": [5e-324, 0.0],
        "overflowing": [1e308, 1e308, 1e308, 1e308],  # the norm 2e308 itself overflows
    }
    for name, v in rescaled.items():
        want = norm2(v)
        plain = plain_numpy(np.linalg.norm, np.asarray(v))
        note = None
        if plain != num(want):
            note = "mlmath rescales the 2-norm by max|v_i| (as LAPACK dnrm2); plain numpy over/underflows in the squares"
        cases.append(
            case(
                f"norm/rescaled_{name}/ord=2",
                "norm",
                {"v": vec(v), "ord": 2.0},
                expected=num(want),
                tol="rel" if math.isfinite(want) else "exact",
                note=note,
                numpy=plain if note else None,
            )
        )
    assert num(norm2([1e200, 1e200])) == 1.4142135623730951e200
    cases.append(
        case(
            "norm/order_3",
            "norm",
            {"v": vec([1.0, 2.0]), "ord": 3.0},
            error="order",
            note="mlmath accepts only ord in {2, 1, 0, inf, -inf}; numpy would compute the 3-norm",
        )
    )

    # cosine_similarity: rule "sum" with terms (v_i/||v||)(w_i/||w||).
    cos = {
        "notes": ([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]),
        "one_element": ([-2.5], [4.0]),
        "random_7": (r7a, r7b),
        "random_100": (r100a, r100b),
        "mixed_magnitudes": (mixed_v, mixed_w),
        "parallel": ([1.0, 2.0, 3.0], [2.0, 4.0, 6.0]),
        "antiparallel": ([1.0, -2.0, 4.0], [-0.5, 1.0, -2.0]),
        "orthogonal": ([1.0, 2.0, 0.0, -3.0], [2.0, -1.0, 5.0, 0.0]),
        "zero_vector": ([0.0, 0.0, 0.0], [1.0, 2.0, 3.0]),
        "both_zero": ([0.0, 0.0], [0.0, 0.0]),
        "huge_parallel": ([1e200, 2e200], [3e200, 6e200]),
        "tiny_parallel": ([1e-200, 2e-200], [3e-200, 6e-200]),
        "nan": ([1.0, np.nan], [1.0, 2.0]),
        "inf": ([1.0, np.inf], [1.0, 2.0]),
    }
    for name, (v, w) in cos.items():
        v, w = np.asarray(v, float), np.asarray(w, float)
        want = cosine(v, w)

        def plain(v, w):
            return (v @ w) / (np.linalg.norm(v) * np.linalg.norm(w))

        p = plain_numpy(plain, v, w)
        note = None
        if name in ("zero_vector", "both_zero"):
            note = "mlmath (like scikit-learn) defines the cosine as 0.0 when a norm is 0; plain v@w/(|v||w|) is nan"
        elif name in ("huge_parallel", "tiny_parallel"):
            note = "mlmath normalizes without overflow/underflow; plain v@w/(|v||w|) over/underflows"
        elif name == "inf":
            note = "an infinite entry gives nan (inf/inf); scikit-learn rejects such input"
        tol = "sum" if math.isfinite(want) else "exact"
        if name in ("zero_vector", "both_zero"):
            tol = "exact"
        cases.append(
            case(
                f"cosine_similarity/{name}",
                "cosine_similarity",
                {"v": vec(v), "w": vec(w)},
                expected=num(want),
                tol=tol,
                note=note,
                numpy=p if note else None,
            )
        )
    cases.append(
        case("cosine_similarity/length_mismatch", "cosine_similarity", {"v": vec([1, 2, 3]), "w": vec([1, 2])}, error="length")
    )
    return cases


# --- matrices -----------------------------------------------------------------


def hilbert(n: int) -> np.ndarray:
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1.0)


def exact_det_diag(d) -> float:
    """The determinant of diag(d), from exact rational arithmetic, rounded once."""
    p = Fraction(1)
    for x in d:
        p *= Fraction(float(x))
    return float(p)


def matrix_cases(rng) -> list[dict]:
    cases = []
    notes_a = np.array([[1.0, 2.0], [3.0, 4.0]])
    notes_b = np.array([[5.0, 6.0], [7.0, 8.0]])

    # matmul: rule "sum" per entry, terms A_ip * B_pj (n = inner dimension).
    products = {
        "notes_2x2": (notes_a, notes_b),
        "2x3_3x2": (np.arange(1.0, 7.0).reshape(2, 3), np.arange(7.0, 13.0).reshape(3, 2)),
        "3x0_0x2": (np.zeros((3, 0)), np.zeros((0, 2))),
        "0x3_3x2": (np.zeros((0, 3)), np.ones((3, 2))),
        "random_7x5_5x9": (rng.standard_normal((7, 5)), rng.standard_normal((5, 9))),
        "random_40x50_50x33": (rng.standard_normal((40, 50)), rng.standard_normal((50, 33))),
        "matrix_vector_2x3_3": (np.arange(1.0, 7.0).reshape(2, 3), np.array([1.0, -1.0, 2.0])),
    }
    for name, (a, b) in products.items():
        want = a @ b
        tol = "exact" if a.shape[1] == 0 or want.size == 0 else "sum"
        cases.append(case(f"matmul/{name}", "matmul", {"A": arr(a), "B": arr(b)}, expected=arr(want), tol=tol))
    # NaN and Inf propagate as in BLAS: 0 * inf is nan, no term is skipped.
    # Small integers: every finite entry is exact.
    a = np.array([[1.0, np.inf], [0.0, 1.0], [np.nan, 0.0]])
    b = np.array([[1.0, 0.0], [0.0, 2.0]])
    with np.errstate(invalid="ignore"):
        want = a @ b
    cases.append(case("matmul/nan_inf", "matmul", {"A": arr(a), "B": arr(b)}, expected=arr(want), tol="exact"))
    cases.append(
        case("matmul/shape_mismatch", "matmul", {"A": arr(np.ones((2, 3))), "B": arr(np.ones((2, 2)))}, error="shape")
    )

    # transpose: a permutation of the entries: exact.
    for name, a in {
        "2x3": np.arange(1.0, 7.0).reshape(2, 3),
        "1x4": np.array([[1.0, -2.0, np.nan, np.inf]]),
        "0x3": np.zeros((0, 3)),
        "random_37x70": rng.standard_normal((37, 70)),
    }.items():
        cases.append(case(f"transpose/{name}", "transpose", {"A": arr(a)}, expected=arr(a.T)))

    perm = np.eye(4)[[2, 0, 3, 1]]  # a 4-cycle: odd, det -1
    assert round(np.linalg.det(perm)) == -1
    square = {
        "notes_2x2": notes_a,
        "tridiagonal_3x3": np.array([[2.0, -1.0, 0.0], [-1.0, 2.0, -1.0], [0.0, -1.0, 2.0]]),
        "random_3x3": rng.standard_normal((3, 3)),
        "random_7x7": rng.standard_normal((7, 7)),
        "hilbert_6x6": hilbert(6),
    }
    singular = {
        "singular_2x2": np.array([[1.0, 2.0], [2.0, 4.0]]),
        "singular_zero_column": np.array([[1.0, 0.0, 3.0], [4.0, 0.0, 6.0], [7.0, 0.0, 9.0]]),
    }
    nan_matrix = np.array([[np.nan, 1.0], [1.0, 1.0]])
    nan_note = "mlmath's NaN rule: a matrix containing NaN gives NaN; numpy with OpenBLAS is inconsistent here"

    # det
    for name, a in square.items():
        cases.append(
            case(f"det/{name}", "det", {"A": arr(a)}, expected=num(np.linalg.det(a)), tol="cond", cond=np.linalg.cond(a))
        )
    # A permutation matrix: LU meets only 0 and 1, det is exactly the sign.
    cases.append(case("det/permutation_4x4", "det", {"A": arr(perm)}, expected=num(np.linalg.det(perm))))
    for name, a in singular.items():
        want = float(np.linalg.det(a))
        assert want == 0.0, (name, want)
        cases.append(case(f"det/{name}", "det", {"A": arr(a)}, expected=num(want)))
    cases.append(case("det/0x0", "det", {"A": arr(np.zeros((0, 0)))}, expected=num(np.linalg.det(np.zeros((0, 0))))))
    cases.append(case("det/1x1", "det", {"A": arr([[-3.5]])}, expected=num(np.linalg.det(np.array([[-3.5]])))))
    d = [1e200, 1e200, 1e-200]
    cases.append(
        case(
            "det/diagonal_overflowing_running_product",
            "det",
            {"A": arr(np.diag(d))},
            expected=num(exact_det_diag(d)),
            tol="logdet",
            note=(
                "1e200*1e200 overflows a naive running product, but det = 1e200 is finite. Expected value from exact "
                "rational arithmetic. numpy's det goes through exp(sum log|u_ii|) and is off by ~2e-14 relative here, "
                "hence the rule logdet; mlmath's Go det accumulates mantissa and exponent and is exact here"
            ),
            numpy=plain_numpy(np.linalg.det, np.diag(d)),
        )
    )
    d = [1e-200, 1e-200, 1e200]
    cases.append(
        case(
            "det/diagonal_underflowing_running_product",
            "det",
            {"A": arr(np.diag(d))},
            expected=num(exact_det_diag(d)),
            tol="logdet",
            note="1e-200*1e-200 underflows a naive running product; det = 1e-200. Expected from exact rational arithmetic",
            numpy=plain_numpy(np.linalg.det, np.diag(d)),
        )
    )
    cases.append(
        case("det/nan", "det", {"A": arr(nan_matrix)}, expected="nan", note=nan_note, numpy=plain_numpy(np.linalg.det, nan_matrix))
    )
    inf_matrix = np.array([[np.inf, 1.0], [1.0, 1.0]])
    cases.append(case("det/inf", "det", {"A": arr(inf_matrix)}, expected=plain_numpy(np.linalg.det, inf_matrix)))

    # inv
    for name, a in square.items():
        cases.append(
            case(f"inv/{name}", "inv", {"A": arr(a)}, expected=arr(np.linalg.inv(a)), tol="cond", cond=np.linalg.cond(a))
        )
    assert (np.linalg.inv(perm) == perm.T).all()
    cases.append(case("inv/permutation_4x4", "inv", {"A": arr(perm)}, expected=arr(np.linalg.inv(perm))))
    for name, a in singular.items():
        cases.append(case(f"inv/{name}", "inv", {"A": arr(a)}, error="singular", numpy=plain_numpy(np.linalg.inv, a)))
    cases.append(case("inv/0x0", "inv", {"A": arr(np.zeros((0, 0)))}, expected=arr(np.zeros((0, 0)))))
    cases.append(
        case(
            "inv/nan",
            "inv",
            {"A": arr(nan_matrix)},
            expected=arr(np.full((2, 2), np.nan)),
            note=nan_note,
            numpy=plain_numpy(np.linalg.inv, nan_matrix),
        )
    )

    # solve
    systems = {
        "notes_vector": (notes_a, np.array([5.0, 6.0])),
        "notes_k2": (notes_a, notes_b),
        "tridiagonal_3x3_vector": (square["tridiagonal_3x3"], np.array([1.0, 0.0, 1.0])),
        "random_7x7_k3": (square["random_7x7"], rng.standard_normal((7, 3))),
        "hilbert_6x6_vector": (hilbert(6), hilbert(6).sum(axis=1)),
    }
    for name, (a, b) in systems.items():
        cases.append(
            case(
                f"solve/{name}",
                "solve",
                {"A": arr(a), "b": arr(b)},
                expected=arr(np.linalg.solve(a, b)),
                tol="cond",
                cond=np.linalg.cond(a),
            )
        )
    b = np.array([1.0, 2.0, 3.0, 4.0])
    cases.append(case("solve/permutation_4x4", "solve", {"A": arr(perm), "b": arr(b)}, expected=arr(np.linalg.solve(perm, b))))
    for name, a in singular.items():
        b = np.ones(a.shape[0])
        cases.append(
            case(f"solve/{name}", "solve", {"A": arr(a), "b": arr(b)}, error="singular", numpy=plain_numpy(np.linalg.solve, a, b))
        )
    cases.append(case("solve/0x0", "solve", {"A": arr(np.zeros((0, 0))), "b": arr(np.zeros(0))}, expected=arr(np.zeros(0))))
    b = np.array([[5.0, np.nan], [7.0, 8.0]])
    want = np.linalg.solve(notes_a, b[:, :1])
    want = np.column_stack([want[:, 0], [np.nan, np.nan]])
    cases.append(
        case(
            "solve/nan_in_b_column",
            "solve",
            {"A": arr(notes_a), "b": arr(b)},
            expected=arr(want),
            tol="cond",
            cond=np.linalg.cond(notes_a),
            note="the columns of b are independent systems: a NaN in a column makes that column of x all NaN",
        )
    )
    cases.append(
        case("solve/nan_in_A", "solve", {"A": arr(nan_matrix), "b": arr([1.0, 2.0])}, expected=arr([np.nan, np.nan]), note=nan_note)
    )
    cases.append(
        case("solve/shape_mismatch", "solve", {"A": arr(notes_a), "b": arr([1.0, 2.0, 3.0])}, error="shape")
    )
    return cases


def write(path: Path, doc: dict) -> None:
    # Pretty "about", then one case per line: readable, and diffs show cases.
    head = json.dumps(doc["about"], indent=2, allow_nan=False).replace("\n", "\n ")
    cases = ",\n  ".join(json.dumps(c, allow_nan=False) for c in doc["cases"])
    path.write_text(f'{{\n "about": {head},\n "cases": [\n  {cases}\n ]\n}}\n')
    print(f"wrote {path.relative_to(HERE.parent.parent)}: {len(doc['cases'])} cases")


def main() -> None:
    rng = np.random.default_rng(SEED)
    write(
        HERE / "vectors.json",
        {
            "about": about("Vector cases: add, subtract, scale, dot, norm, cosine_similarity"),
            "cases": vector_cases(rng),
        },
    )
    write(
        HERE / "matrices.json",
        {
            "about": about("Matrix cases: matmul, transpose, det, inv, solve"),
            "cases": matrix_cases(rng),
        },
    )


if __name__ == "__main__":
    sys.exit(main())
