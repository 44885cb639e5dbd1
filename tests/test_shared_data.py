"""The shared test vectors (tests/data/*.json) on both backends.

The same files are read by the Go tests of packages vec and mat; the
expected values come from numpy through tests/data/generate.py. Each case
names its tolerance rule (tests/data/README.md):

- ``exact``: equal entry by entry (NaN matches NaN);
- ``rel``: ``4 * max(n, 1) * eps * |want|`` per entry;
- ``sum``: ``4 * n * eps * sum|terms|`` per entry (tolerances.sum_tol and
  friends), the terms depending on the op;
- ``cond``: ``4 * n * eps * cond(A)`` relative to the norm of the result
  (tolerances.cond_rtol and assert_close_rel);
- ``logdet``: ``4 * (n + |ln|want||) * eps * |want|``, for determinants
  far from 1 (numpy computes det as exp(sum log|u_ii|)).

For every rule, non-finite expected entries must be matched exactly and the
rule applies to the finite ones.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from tolerances import EPS, SAFETY, assert_close_rel, cond_rtol, dot_tol, matmul_tol, sum_tol

# numpy warns on the cases that feed NaN and Inf on purpose (0*inf, inf-inf,
# overflow): the results are what is checked, the warnings are expected.
pytestmark = [
    pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning"),
    pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning"),
]

DATA = Path(__file__).resolve().parent / "data"
_SPECIAL = {"nan": math.nan, "inf": math.inf, "-inf": -math.inf}


def decode(x):
    """A JSON value of the test vectors as a float or a float64 array."""
    if isinstance(x, str):
        return _SPECIAL[x]
    if isinstance(x, list):
        return np.array([decode(e) for e in x], dtype=np.float64)
    if isinstance(x, dict):
        data = np.array([decode(e) for e in x["data"]], dtype=np.float64)
        return data.reshape(x["shape"])
    return float(x)


def load(name: str) -> list[dict]:
    with open(DATA / name) as f:
        return json.load(f)["cases"]


VECTOR_CASES = load("vectors.json")
MATRIX_CASES = load("matrices.json")


def call(backend, case: dict):
    """Run the case's op on the backend with the decoded inputs."""
    i = {k: decode(v) for k, v in case["inputs"].items()}
    op = getattr(backend, case["op"])
    match case["op"]:
        case "add" | "subtract" | "dot" | "cosine_similarity":
            return op(i["v"], i["w"])
        case "scale":
            return op(i["c"], i["v"])
        case "norm":
            return op(i["v"], i["ord"])
        case "matmul":
            return op(i["A"], i["B"])
        case "transpose" | "det" | "inv":
            return op(i["A"])
        case "solve":
            return op(i["A"], i["b"])
    raise AssertionError(f"unknown op {case['op']}")


def sum_rule_tol(case: dict) -> np.ndarray | float:
    """The tolerance of rule "sum" for the case's op (entrywise for matmul)."""
    i = {k: decode(v) for k, v in case["inputs"].items()}
    match case["op"]:
        case "dot":
            return dot_tol(i["v"], i["w"])
        case "norm":  # ord 1: the terms are |v_i|
            return sum_tol(np.abs(i["v"]))
        case "cosine_similarity":  # terms (v_i/|v|)(w_i/|w|), computed without overflow
            v, w = i["v"] / np.max(np.abs(i["v"])), i["w"] / np.max(np.abs(i["w"]))
            return sum_tol((v / np.linalg.norm(v)) * (w / np.linalg.norm(w)))
        case "matmul":
            return matmul_tol(i["A"], i["B"])
    raise AssertionError(f"rule sum for op {case['op']}")


def rule_size(case: dict) -> int:
    """The n of rule "rel": the vector length or the matrix order."""
    x = decode(case["inputs"].get("v", case["inputs"].get("A")))
    return max(x.shape[0], 1)


def check(case: dict, got) -> None:
    want = decode(case["expected"])
    got_arr, want_arr = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    if np.ndim(want) == 0:
        assert isinstance(got, float), f"{case['name']}: got {type(got).__name__}, want a Python float"
    else:
        assert isinstance(got, np.ndarray) and got.dtype == np.float64, f"{case['name']}: got {type(got)}"
    assert got_arr.shape == want_arr.shape, f"{case['name']}: shape {got_arr.shape}, want {want_arr.shape}"
    # Non-finite expected entries are matched exactly, whatever the rule.
    special = ~np.isfinite(want_arr)
    assert np.array_equal(got_arr[special], want_arr[special], equal_nan=True), (
        f"{case['name']}: non-finite entries {got_arr[special]}, want {want_arr[special]}"
    )
    finite = ~special
    assert np.isfinite(got_arr[finite]).all(), f"{case['name']}: {got_arr} has non-finite entries, want {want_arr}"
    g, w = got_arr[finite], want_arr[finite]
    match case["tol"]:
        case "exact":
            assert np.array_equal(g, w), f"{case['name']}: {got_arr} != {want_arr}"
        case "rel":
            tol = SAFETY * rule_size(case) * EPS * np.abs(w)
            assert (np.abs(g - w) <= tol).all(), f"{case['name']}: {got_arr} vs {want_arr} (rel tol {tol})"
        case "sum":
            tol = np.broadcast_to(sum_rule_tol(case), want_arr.shape)[finite]
            assert (np.abs(g - w) <= tol).all(), f"{case['name']}: {got_arr} vs {want_arr} (tol {tol})"
        case "logdet":
            tol = SAFETY * (rule_size(case) + np.abs(np.log(np.abs(w)))) * EPS * np.abs(w)
            assert (np.abs(g - w) <= tol).all(), f"{case['name']}: {got_arr} vs {want_arr} (logdet tol {tol})"
        case "cond":
            rtol = cond_rtol(decode(case["inputs"]["A"]))
            assert math.isclose(rtol / (SAFETY * rule_size(case) * EPS), max(case["cond"], 1.0), rel_tol=1e-6)
            assert_close_rel(g, w, rtol, case["name"])
        case rule:
            raise AssertionError(f"{case['name']}: unknown tolerance rule {rule!r}")


ERRORS = {
    "length": ValueError,
    "empty": ValueError,
    "order": ValueError,
    "shape": ValueError,
    "singular": np.linalg.LinAlgError,
}


def run_case(backend, case: dict) -> None:
    if "error" in case:
        exc = ERRORS[case["error"]]
        with pytest.raises(exc) as info:
            call(backend, case)
        if exc is ValueError:  # a shape error is not a linear-algebra error
            assert not isinstance(info.value, np.linalg.LinAlgError), info.value
        return
    check(case, call(backend, case))


@pytest.mark.parametrize("case", VECTOR_CASES, ids=[c["name"] for c in VECTOR_CASES])
def test_vector_case(backend, case):
    run_case(backend, case)


@pytest.mark.parametrize("case", MATRIX_CASES, ids=[c["name"] for c in MATRIX_CASES])
def test_matrix_case(backend, case):
    run_case(backend, case)


def test_files_cover_every_op_and_rule():
    ops = {c["op"] for c in VECTOR_CASES + MATRIX_CASES}
    assert ops == {"add", "subtract", "scale", "dot", "norm", "cosine_similarity", "matmul", "transpose", "det", "inv", "solve"}
    rules = {c.get("tol") for c in VECTOR_CASES + MATRIX_CASES} - {None}
    assert rules == {"exact", "rel", "sum", "cond", "logdet"}
    errors = {c.get("error") for c in VECTOR_CASES + MATRIX_CASES} - {None}
    assert errors == set(ERRORS)
    names = [c["name"] for c in VECTOR_CASES + MATRIX_CASES]
    assert len(names) == len(set(names)), "duplicate case names"


def test_files_say_how_they_were_made():
    for name in ("vectors.json", "matrices.json"):
        about = json.loads((DATA / name).read_text())["about"]
        assert "generate.py" in about["command"] and about["numpy"] and isinstance(about["seed"], int)


def test_encoding_of_non_finite_numbers():
    assert math.isnan(decode("nan")) and decode("inf") == math.inf and decode("-inf") == -math.inf
    a = decode({"shape": [2, 0], "data": []})
    assert a.shape == (2, 0)
    def reject(constant):
        raise AssertionError(f"non-standard JSON constant {constant}")

    for name in ("vectors.json", "matrices.json"):  # strict JSON only: no NaN/Infinity literals
        json.loads((DATA / name).read_text(), parse_constant=reject)


@pytest.mark.parametrize(
    "tol, got, ok",
    [("exact", 1.0 + EPS, False), ("rel", 1.0 + 4 * EPS, True), ("rel", 1.0 + 16 * EPS, False), ("exact", math.nan, False)],
)
def test_check_can_fail(tol, got, ok):
    """The comparison itself rejects values just outside the rule."""
    case = {"name": "probe", "op": "norm", "inputs": {"v": [1.0], "ord": 2.0}, "expected": 1.0, "tol": tol}
    if ok:
        check(case, got)
    else:
        with pytest.raises(AssertionError):
            check(case, got)
