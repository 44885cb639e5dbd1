"""Go-native timings: ``go test -bench`` on go/vec, go/mat, go/decomp, go/calculus, go/nn, go/optim, go/info, go/linear, and on gonum.

Benchmarks are named ``Benchmark<GoName>/n=<size>`` (see workload.OPS), in
the package of the op's family or the op's own (workload.go_package); ops
without a go_name have no Go benchmark and no go-native column. With
``-count`` > 1 each size runs several times; the minimum and the median of
the reported ns/op are kept.

The "gonum" column comes the same way from go/gonumbench, a module of its
own (mlmath/gonumbench, requiring gonum) whose benchmarks have the names,
sizes and inputs of go/decomp's. It is a comparison only: when gonum cannot
be downloaded (an offline machine) or its benchmarks fail, a note says so
and the run carries on without the column.
"""

from __future__ import annotations

import re
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

from workload import GONUM_DIR, GONUM_FAMILIES, Op, go_package

RESULT = re.compile(r"^Benchmark(\w+)/n=(\d+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", re.M)
DOWNLOAD_TIMEOUT_S = 120


def parse_line(line: str) -> tuple[str, int, float] | None:
    """(go name, n, ns/op) of a ``go test -bench`` result line, None for any other line."""
    m = RESULT.match(line)
    return (m[1], int(m[2]), float(m[3])) if m else None


def pattern(ops: list[Op], sizes: dict[str, tuple[int, ...]]) -> str:
    """The ``-bench`` regexp for these ops at these sizes (op name -> sizes)."""
    names = "|".join(op.go_name for op in ops)
    ns = sorted({n for op in ops for n in sizes[op.name]})
    return f"^Benchmark({names})$/^n=({'|'.join(map(str, ns))})$"


def run(ops: list[Op], sizes: dict[str, tuple[int, ...]], benchtime: str, count: int, root: Path) -> dict[tuple[str, int], dict]:
    """(op, n) -> {"min_ns", "median_ns", "runs_ns"}, printing one line per op."""
    out: dict[tuple[str, int], dict] = {}
    by_package: dict[str, list[Op]] = {}  # in the order of the ops
    for op in ops:
        if op.go_name:
            by_package.setdefault(go_package(op), []).append(op)
    for pkg, pkg_ops in by_package.items():
        raw, rc, log = _run_package(pkg, pkg_ops, pattern(pkg_ops, sizes), benchtime, count, root, "go", "go-native")
        if rc != 0:
            sys.stderr.write(log)
            raise SystemExit(f"go test -bench {pkg} failed (exit {rc})")
        out.update({key: _summary(times) for key, times in raw.items()})
    _check_sizes(ops, sizes, out, "go test -bench")
    return out


def gonum_version(root: Path) -> str:
    """The gonum module go/gonumbench requires, as 'gonum.org/v1/gonum v0.17.0'."""
    m = re.search(r"^\s*(?:require\s+)?(gonum\.org/v1/gonum\s+v\S+)", (root / GONUM_DIR / "go.mod").read_text(), re.M)
    return " ".join(m[1].split()) if m else "gonum (version not found in go.mod)"


def run_gonum(ops: list[Op], sizes: dict[str, tuple[int, ...]], benchtime: str, count: int,
              root: Path) -> tuple[dict[tuple[str, int], dict], str]:
    """The gonum column: (op, n) -> summary as run(), and "ok" or why there is no column.

    Only the families gonum covers (workload.GONUM_FAMILIES) run. Never
    fails: an offline machine or a failing go test gives a one-line note and
    no results.
    """
    gops = [op for op in ops if op.family in GONUM_FAMILIES]
    if not gops:
        return {}, "not run: no op of " + ", ".join(GONUM_FAMILIES)
    why = _download(root / GONUM_DIR, gonum_version(root))
    if not why:
        raw, rc, log = _run_package(".", gops, pattern(gops, sizes), benchtime, count, root, GONUM_DIR, "gonum")
        if rc == 0:
            out = {key: _summary(times) for key, times in raw.items()}
            _check_sizes(gops, sizes, out, GONUM_DIR)
            return out, "ok"
        sys.stderr.write(log)
        why = f"go test -bench in {GONUM_DIR} failed (exit {rc}), output above"
    print(f"  note: no gonum column: {why}", flush=True)
    return {}, f"skipped: {why}"


def _download(cwd: Path, version: str) -> str:
    """Fetch the nested module's requirements (a no-op when cached); "" or why it failed, in one line."""
    cmd = ["go", "mod", "download"]
    try:
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=DOWNLOAD_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return f"cannot download {version} (offline?): go mod download timed out after {DOWNLOAD_TIMEOUT_S} s"
    except OSError as e:
        return f"cannot run go mod download: {e}"
    if r.returncode == 0:
        return ""
    last = next((line.strip() for line in reversed((r.stderr + r.stdout).splitlines()) if line.strip()), "")
    return f"cannot download {version} (offline?): {last[:200]}"


def _run_package(pkg: str, ops: list[Op], bench: str, benchtime: str, count: int, root: Path, rel: str,
                 label: str) -> tuple[dict[tuple[str, int], list[float]], int, str]:
    """Run go test -bench on one package in ``root/rel``, streaming, printing a line per op under ``label``.

    Returns (op, n) -> ns/op of each run, the exit code and the output.
    """
    by_go_name = {op.go_name: op.name for op in ops}
    cmd = ["go", "test", "-run", "^$", "-bench", bench, "-benchtime", benchtime, "-count", str(count), "-timeout", "30m", pkg]
    print(f"  $ (cd {rel} && {' '.join(map(shlex.quote, cmd))})", flush=True)
    times: dict[tuple[str, int], list[float]] = {}
    log, current, started = [], None, time.perf_counter()
    with subprocess.Popen(cmd, cwd=root / rel, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        for line in proc.stdout:
            log.append(line)
            if line.startswith("pkg:"):  # the test binary is built and starts
                started = time.perf_counter()
            found = parse_line(line)
            if not found or found[0] not in by_go_name:
                continue
            op = by_go_name[found[0]]
            if op != current:
                started = _progress(label, current, times, started)
                current = op
            times.setdefault((op, found[1]), []).append(found[2])
    _progress(label, current, times, started)
    return times, proc.returncode, "".join(log)


def _progress(label: str, op: str | None, times: dict[tuple[str, int], list[float]], started: float) -> float:
    """Print the line of a finished op; return the start time of the next."""
    now = time.perf_counter()
    if op is not None:
        ns = sorted(n for o, n in times if o == op)
        print(f"  {label:<11}{op:<18} n={','.join(map(str, ns))}  ({now - started:.1f} s)", flush=True)
    return now


def _summary(times: list[float]) -> dict:
    return {"min_ns": min(times), "median_ns": statistics.median(times), "runs_ns": times}


def _check_sizes(ops: list[Op], sizes: dict[str, tuple[int, ...]], out: dict, where: str) -> None:
    """Warn when the Go benchmarks do not cover the Python sizes (they must match)."""
    for op in (op for op in ops if op.go_name):
        missing = sorted(set(sizes[op.name]) - {n for o, n in out if o == op.name})
        if missing:
            print(f"  warning: {where} has no Benchmark{op.go_name}/n={missing} (keep Go and Python sizes identical)")
