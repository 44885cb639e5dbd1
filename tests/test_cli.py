"""``python -m mlmath demo`` and ``python -m mlmath info`` run and say what they should."""

from __future__ import annotations

import re
import subprocess
import sys

import numpy as np

from mlmath import demo, info, reference


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mlmath", *args], capture_output=True, text=True, timeout=300)


def test_demo_shows_every_example_on_both_backends(tmp_path):
    r = run("demo", "--seconds", "0.001", "--plots", str(tmp_path))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "xor-training.png").stat().st_size > 10_000
    assert (tmp_path / "bias-variance.png").stat().st_size > 10_000
    for section in demo.SECTIONS:
        assert section.title in r.stdout
        for label, _, _ in section.calls:
            assert label in r.stdout
    worst = float(re.search(r"largest relative difference between the backends: (\S+)", r.stdout).group(1))
    assert worst <= 1e-12  # the notes' examples are tiny and well conditioned


def test_demo_examples_are_the_notes_examples():
    # [1,2,3].[4,5,6] = 32 and [[1,2],[3,4]] @ [[5,6],[7,8]] = [[19,22],[43,50]], by hand.
    assert reference.dot(demo.V, demo.W) == 32.0
    np.testing.assert_array_equal(reference.matmul(demo.A, demo.B), [[19.0, 22.0], [43.0, 50.0]])


def test_info_reports_versions_and_backends():
    r = run("info")
    assert r.returncode == 0, r.stderr
    facts = info.collect()
    assert facts["backend go"] == "loads"
    assert re.fullmatch(r"go1\.\d+.*", facts["go toolchain"])
    assert int(facts["GOMAXPROCS"]) >= 1
    assert facts["library"].endswith("libmlmath.so")
    for key in ("mlmath", "numpy", "go toolchain", "GOMAXPROCS", "library"):
        assert key in r.stdout
