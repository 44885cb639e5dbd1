"""``make bench``: Go-native, Go-through-Python and numpy side by side.

1. ``go test -bench`` on the vec and mat packages (``Benchmark<Op>/n=<size>``).
2. pytest-benchmark on tests/bench/bench_ops.py (numpy, reference, go).
3. One table per op and size: time per call of each, and the ratios the
   targets in the foundation issue are stated in:
   - matmul n=1024: go GFLOPS / numpy GFLOPS >= 0.25
   - dot n=3: go time / numpy time <= 2
   - dot and add n=1e6: go throughput / numpy throughput >= 0.9

Timings on a shared 2-core machine are noisy: compare the ratios from one run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GO_PACKAGES = {"./vec": {"Dot": "dot", "Add": "add"}, "./mat": {"Mul": "matmul", "Det": "det", "Inv": "inv", "Solve": "solve"}}
# (op, n, kind, bound): kind "time" means go/numpy time <= bound; "speed" means numpy/go time >= bound.
TARGETS = [("matmul", 1024, "speed", 0.25), ("dot", 3, "time", 2.0), ("dot", 1_000_000, "speed", 0.9), ("add", 1_000_000, "speed", 0.9)]


def go_native() -> dict[tuple[str, int], float]:
    """Seconds per op from ``go test -bench``, keyed by (op, n)."""
    out: dict[tuple[str, int], float] = {}
    for pkg, names in GO_PACKAGES.items():
        pattern = "^Benchmark(" + "|".join(names) + ")$"
        print(f"go test -bench '{pattern}' {pkg}", flush=True)
        r = subprocess.run(
            ["go", "test", "-run", "^$", "-bench", pattern, "-benchtime", "0.3s", pkg],
            cwd=ROOT / "go", capture_output=True, text=True,
        )
        if r.returncode != 0:
            print(r.stdout + r.stderr, file=sys.stderr)
            raise SystemExit("go benchmarks failed")
        for name, size, ns in re.findall(r"^Benchmark(\w+)/n=(\d+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", r.stdout, flags=re.M):
            if name in names:
                out[(names[name], int(size))] = float(ns) * 1e-9
    return out


def python_side(extra: list[str]) -> dict[tuple[str, int, str], float]:
    """Seconds per call (min over rounds) from pytest-benchmark, keyed by (op, n, impl)."""
    with tempfile.TemporaryDirectory() as tmp:
        out_json = Path(tmp) / "bench.json"
        cmd = [sys.executable, "-m", "pytest", str(ROOT / "tests/bench/bench_ops.py"), "-q", "-p", "no:cacheprovider",
               "--benchmark-only", "--benchmark-max-time=0.25", "--benchmark-min-rounds=3",
               "--benchmark-warmup=on", "--benchmark-disable-gc", f"--benchmark-json={out_json}",
               "--benchmark-columns=min,median,rounds", "--benchmark-sort=name", *extra]
        print(" ".join(cmd), flush=True)
        r = subprocess.run(cmd, cwd=ROOT)
        if r.returncode != 0:
            raise SystemExit("python benchmarks failed")
        data = json.loads(out_json.read_text())
    return {(b["extra_info"]["op"], b["extra_info"]["n"], b["extra_info"]["impl"]): b["stats"]["min"] for b in data["benchmarks"]}


def fmt_time(s: float | None) -> str:
    if s is None:
        return "-"
    for unit, scale in (("s", 1), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if s >= scale:
            return f"{s / scale:.3g} {unit}"
    return f"{s / 1e-9:.3g} ns"


def main() -> int:
    py = python_side(sys.argv[1:])
    native = go_native()
    keys = sorted({(op, n) for op, n, _ in py}, key=lambda k: (k[0], k[1]))
    header = ("op", "n", "numpy", "reference", "go (python)", "go (native)", "go/numpy", "python-side cost")
    rows = [header]
    for op, n in keys:
        t_np, t_ref, t_go = (py.get((op, n, i)) for i in ("numpy", "reference", "go"))
        t_nat = native.get((op, n))
        ratio = f"{t_go / t_np:.2f}x" if t_go and t_np else "-"
        # Python-side cost of a call (validation, pointers, cffi): meaningful
        # where it is large against run-to-run noise, i.e. for small inputs.
        overhead = "-" if not (t_go and t_nat) else fmt_time(t_go - t_nat) if t_go - t_nat > 0.05 * t_go else "~0 (noise)"
        rows.append((op, str(n), fmt_time(t_np), fmt_time(t_ref), fmt_time(t_go), fmt_time(t_nat), ratio, overhead))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    print("\nTime per call (min over rounds); go/numpy < 1 means Go is faster.")
    for r in rows:
        print("  ".join(c.rjust(w) if i > 1 else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))))
    print("\nTargets (issue #2), measured in this run:")
    failed = 0
    for op, n, kind, bound in TARGETS:
        t_np, t_go = py.get((op, n, "numpy")), py.get((op, n, "go"))
        if not (t_np and t_go):
            print(f"  {op} n={n}: not measured")
            continue
        if kind == "time":
            ok, what = t_go / t_np <= bound, f"go time / numpy time = {t_go / t_np:.2f} (target <= {bound})"
        else:
            ok, what = t_np / t_go >= bound, f"go speed / numpy speed = {t_np / t_go:.2f} (target >= {bound})"
        if op == "matmul":
            what += f"; go {2 * n**3 / t_go / 1e9:.1f} GFLOPS, numpy {2 * n**3 / t_np / 1e9:.1f} GFLOPS"
            if (op, n) in native:
                what += f", go native {2 * n**3 / native[(op, n)] / 1e9:.1f} GFLOPS"
        failed += not ok
        print(f"  [{'ok' if ok else 'MISSED'}] {op} n={n}: {what}")
    if os.environ.get("MLMATH_BENCH_STRICT") and failed:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
