"""``make bench`` must not rot: a --quick run of two ops writes its JSON (with
the machine description) and a PNG per family. Timings are not judged here:
speed targets live in the benchmarks, never in tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parent / "bench" / "run.py"


def test_quick_bench_writes_json_and_plots(tmp_path):
    out = tmp_path / "bench"
    r = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--skip-native", "--ops", "dot,matmul", "--out-dir", str(out),
         "--baseline", str(tmp_path / "none.json")],
        capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    doc = json.loads((out / "latest.json").read_text())
    machine = doc["machine"]
    assert machine["cpu"]["nproc"] >= 1 and isinstance(machine["cpu"]["avx512f"], bool)
    assert machine["go"]["go kernel"] in ("avx512", "avx2", "generic")
    seen = {(rec["op"], rec["impl"], rec["mode"]) for rec in doc["results"]}
    for op in ("dot", "matmul"):
        for impl in ("numpy", "reference", "go"):
            for mode in ("isolated", "interleaved"):
                assert (op, impl, mode) in seen
    assert all(rec["min_ns"] > 0 and rec["median_ns"] >= rec["min_ns"] for rec in doc["results"])
    for family in ("vectors", "matrices"):
        png = out / f"{family}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{png} is not a PNG"
    assert "Targets of the issue" in r.stdout
