"""The Go kernel sets chosen at run time: MLMATH_KERNEL pins one, every set
the CPU supports computes the same results, and a bad pin never stops the
library from loading.

``make test`` also runs the parity tests once per supported kernel set with
MLMATH_KERNEL pinned; test_pinned_kernel_is_in_use makes sure each such run
really ran on the kernel it names.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

from mlmath import info
from tolerances import dot_tol, matmul_tol

FACTS = info.collect()
SUPPORTED = FACTS["go kernels supported"].split()

# Run in a child with MLMATH_KERNEL set (it is read once, when Go loads):
# results of one op per kernel family, on sizes that take the blocked,
# parallel and chunked paths.
CHILD = r"""
import json, sys
import numpy as np
from mlmath import go, info
rng = np.random.default_rng(5)
A, B = rng.standard_normal((130, 70)), rng.standard_normal((70, 90))
v, w = rng.standard_normal(100_003), rng.standard_normal(100_003)
facts = info.collect()
json.dump({"kernel": facts["go kernel"], "note": facts.get("go kernel note", ""),
           "matmul": go.matmul(A, B).tolist(), "dot": go.dot(v, w), "add": go.add(v, w).tolist()}, sys.stdout)
"""


def run_with_kernel(name: str) -> dict:
    env = {**os.environ, "MLMATH_KERNEL": name}
    r = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_supported_kernels_are_listed_best_first():
    assert SUPPORTED and SUPPORTED[-1] == "generic", SUPPORTED
    assert set(SUPPORTED) <= {"avx512", "avx2", "generic"}
    features = FACTS["cpu features"].split()
    if "avx512" in SUPPORTED:
        assert "avx512f" in features
    if "avx2" in SUPPORTED:
        assert {"avx2", "fma"} <= set(features)


def test_pinned_kernel_is_in_use():
    """Without a pin the best set runs; with one, exactly the pinned set
    (make test relies on this when it runs the suite once per set)."""
    pin = os.environ.get("MLMATH_KERNEL", "").strip().lower()
    if pin in ("", "auto"):
        assert FACTS["go kernel"] == SUPPORTED[0]
    else:
        assert FACTS["go kernel"] == pin, FACTS.get("go kernel note")
    assert "go kernel note" not in FACTS or pin not in SUPPORTED


@pytest.mark.parametrize("name", ["avx512", "avx2", "generic"])
def test_every_supported_kernel_agrees_with_numpy(name):
    if name not in SUPPORTED:
        pytest.skip(f"this CPU lacks the {name} instructions (features: {FACTS['cpu features']})")
    got = run_with_kernel(name)
    assert got["kernel"] == name and got["note"] == ""
    rng = np.random.default_rng(5)
    A, B = rng.standard_normal((130, 70)), rng.standard_normal((70, 90))
    v, w = rng.standard_normal(100_003), rng.standard_normal(100_003)
    assert np.all(np.abs(np.array(got["matmul"]) - A @ B) <= matmul_tol(A, B))
    assert abs(got["dot"] - float(v @ w)) <= dot_tol(v, w)
    assert np.array_equal(np.array(got["add"]), v + w)  # one IEEE addition per entry


@pytest.mark.parametrize("pin", ["avx1024", "AVX9"])
def test_an_unknown_kernel_falls_back_with_a_note(pin):
    got = run_with_kernel(pin)
    assert got["kernel"] == SUPPORTED[0]
    assert pin.lower() in got["note"] and "unknown kernel" in got["note"]


def test_a_kernel_the_cpu_lacks_falls_back_with_a_note():
    missing = [k for k in ("avx512", "avx2") if k not in SUPPORTED]
    if not missing:
        pytest.skip("this CPU supports every kernel set")
    got = run_with_kernel(missing[0])
    assert got["kernel"] == SUPPORTED[0] and "lacks" in got["note"]
