"""Go-native timings: ``go test -bench`` on go/vec and go/mat.

Benchmarks are named ``Benchmark<GoName>/n=<size>`` (see workload.OPS). With
``-count`` > 1 each size runs several times; the minimum and the median of
the reported ns/op are kept.
"""

from __future__ import annotations

import re
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

from workload import GO_PACKAGES, Op

RESULT = re.compile(r"^Benchmark(\w+)/n=(\d+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", re.M)


def pattern(ops: list[Op], sizes: dict[str, tuple[int, ...]]) -> str:
    """The ``-bench`` regexp for these ops at these sizes (op name -> sizes)."""
    names = "|".join(op.go_name for op in ops)
    ns = sorted({n for op in ops for n in sizes[op.name]})
    return f"^Benchmark({names})$/^n=({'|'.join(map(str, ns))})$"


def run(ops: list[Op], sizes: dict[str, tuple[int, ...]], benchtime: str, count: int, root: Path) -> dict[tuple[str, int], dict]:
    """(op, n) -> {"min_ns", "median_ns", "runs_ns"}, printing one line per op."""
    out: dict[tuple[str, int], dict] = {}
    for family, pkg in GO_PACKAGES.items():
        fam_ops = [op for op in ops if op.family == family]
        if fam_ops:
            raw = _run_package(pkg, fam_ops, pattern(fam_ops, sizes), benchtime, count, root)
            out.update({key: _summary(times) for key, times in raw.items()})
    _check_sizes(ops, sizes, out)
    return out


def _run_package(pkg: str, ops: list[Op], bench: str, benchtime: str, count: int, root: Path) -> dict[tuple[str, int], list[float]]:
    """Run go test -bench on one package, streaming; (op, n) -> ns/op of each run."""
    by_go_name = {op.go_name: op.name for op in ops}
    cmd = ["go", "test", "-run", "^$", "-bench", bench, "-benchtime", benchtime, "-count", str(count), "-timeout", "30m", pkg]
    print(f"  $ (cd go && {' '.join(map(shlex.quote, cmd))})", flush=True)
    times: dict[tuple[str, int], list[float]] = {}
    log, current, started = [], None, time.perf_counter()
    with subprocess.Popen(cmd, cwd=root / "go", stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        for line in proc.stdout:
            log.append(line)
            if line.startswith("pkg:"):  # the test binary is built and starts
                started = time.perf_counter()
            m = RESULT.match(line)
            if not m or m[1] not in by_go_name:
                continue
            op = by_go_name[m[1]]
            if op != current:
                started = _progress(current, times, started)
                current = op
            times.setdefault((op, int(m[2])), []).append(float(m[3]))
    _progress(current, times, started)
    if proc.returncode != 0:
        sys.stderr.write("".join(log))
        raise SystemExit(f"go test -bench {pkg} failed (exit {proc.returncode})")
    return times


def _progress(op: str | None, times: dict[tuple[str, int], list[float]], started: float) -> float:
    """Print the line of a finished op; return the start time of the next."""
    now = time.perf_counter()
    if op is not None:
        ns = sorted(n for o, n in times if o == op)
        print(f"  go-native  {op:<18} n={','.join(map(str, ns))}  ({now - started:.1f} s)", flush=True)
    return now


def _summary(times: list[float]) -> dict:
    return {"min_ns": min(times), "median_ns": statistics.median(times), "runs_ns": times}


def _check_sizes(ops: list[Op], sizes: dict[str, tuple[int, ...]], out: dict) -> None:
    """Warn when the Go benchmarks do not cover the Python sizes (they must match)."""
    for op in ops:
        missing = sorted(set(sizes[op.name]) - {n for o, n in out if o == op.name})
        if missing:
            print(f"  warning: go test -bench has no Benchmark{op.go_name}/n={missing} (keep Go and Python sizes identical)")
