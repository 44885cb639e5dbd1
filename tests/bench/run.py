"""``make bench``: numpy, mlmath.reference, mlmath.go and Go-native, side by side.

1. Go-native: ``go test -bench`` on go/vec, go/mat, go/decomp,
   go/calculus, go/nn, go/optim, go/info and go/linear (``Benchmark<Op>/n=<size>``); for the
   decompositions also on go/gonumbench, gonum on the same inputs: the
   "gonum" column (skipped with a note when gonum cannot be downloaded).
2. Through Python (numpy, reference, go; the numpy column of
   mutual_information_from_labels is scikit-learn): per op and size, isolated rounds
   (all go calls back to back, then reference, then numpy) and interleaved
   rounds (go, reference, numpy, go, ...), see timing.py. Interleaving shows
   what a program mixing the libraries gets: OpenBLAS's worker threads keep
   spinning after a numpy call and compete with Go's threads for the cores.
3. Writes the results and the machine (CPU, Go kernel, numpy's BLAS, env
   vars) as JSON to build/bench/latest.json and build/bench/runs/<time>.json,
   and one PNG per family to build/bench/<family>.png.
4. Prints the tables, go-native against gonum, the crossovers, a comparison
   with build/bench/baseline.json when there is one (``make bench-baseline``
   saves latest.json there), and the issue's targets with [ok]/[MISSED].
   MLMATH_BENCH_STRICT=1 makes a missed target exit with status 1.

``--quick`` runs a few sizes with tiny budgets (a smoke test, outputs under
build/bench/quick); ``--ops`` and ``--families`` select what runs.
Timings on a shared 2-core machine are noisy: compare ratios from one run.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import json
import os
import sys
import time
from pathlib import Path

import ctrl_c
import gonative
import machine
import plots
import report
import threads
import timing
import workload

ROOT = Path(__file__).resolve().parents[2]
# Families of their own, not ops: name -> run(quick, out_dir) -> a dict for the
# JSON (they print as they go, and draw into out_dir unless --no-plots). They run
# with --families naming them, and in a run of every family (neither --ops nor --families).
OWN_FAMILIES = {"threads": threads.run, "signals": ctrl_c.run}
FULL = {"budget": timing.Budget(), "go_benchtime": "0.2s", "go_count": 3}
QUICK = {"budget": timing.Budget(round_ms=1, min_rounds=2, max_rounds=3, case_s=0.05, settle_s=0.01),
         "go_benchtime": "0.01s", "go_count": 1}


def _names(text: str) -> list[str]:
    return [s for s in text.split(",") if s]


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command-line options; budgets default to the full or the --quick preset."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="smoke test: a few sizes, tiny budgets (outputs in build/bench/quick)")
    p.add_argument("--ops", type=_names, action="extend", help="only these ops, comma-separated (e.g. dot,matmul)")
    p.add_argument("--families", type=_names, action="extend", help="only these families: " + ", ".join((*workload.FAMILIES, *OWN_FAMILIES)))
    p.add_argument("--sizes", type=_names, action="extend", help="only these sizes, comma-separated (e.g. 3,1000000; also with --quick)")
    p.add_argument("--json-out", type=Path, help="where to write the results (default: <out-dir>/latest.json)")
    p.add_argument("--out-dir", type=Path, help="JSON and PNG directory (default: build/bench, or build/bench/quick)")
    p.add_argument("--baseline", type=Path, default=ROOT / "build/bench/baseline.json", help="compare against this run")
    p.add_argument("--skip-native", action="store_true", help="do not run go test -bench (neither go-native nor gonum)")
    p.add_argument("--skip-gonum", action="store_true", help="no gonum column (go test -bench in go/gonumbench)")
    p.add_argument("--no-plots", action="store_true", help="do not draw the PNGs")
    p.add_argument("--stat", choices=("min", "median"), default="min", help="statistic of the printed tables")
    p.add_argument("--round-ms", type=float, help="target length of one round")
    p.add_argument("--max-rounds", type=int, help="rounds per implementation and mode, at most")
    p.add_argument("--case-seconds", type=float, help="time budget of one (op, size), all implementations and modes")
    p.add_argument("--go-benchtime", help="go test -benchtime (default 0.2s)")
    p.add_argument("--go-count", type=int, help="go test -count (default 3)")
    args = p.parse_args(argv)
    preset = QUICK if args.quick else FULL
    overrides = {"round_ms": args.round_ms, "max_rounds": args.max_rounds, "case_s": args.case_seconds}
    args.budget = dataclasses.replace(preset["budget"], **{k: v for k, v in overrides.items() if v is not None})
    args.go_benchtime = args.go_benchtime or preset["go_benchtime"]
    args.go_count = args.go_count or preset["go_count"]
    args.out_dir = args.out_dir or ROOT / ("build/bench/quick" if args.quick else "build/bench")
    args.json_out = args.json_out or args.out_dir / "latest.json"
    return args


def _sizes(op: workload.Op, args: argparse.Namespace) -> tuple[int, ...]:
    """The sizes to run ``op`` at: those of --sizes it has, else the --quick ones, else all."""
    if args.sizes:
        return tuple(n for n in op.sizes if str(n) in args.sizes)
    return op.quick_sizes() if args.quick else op.sizes


def python_side(ops: list[workload.Op], sizes: dict[str, tuple[int, ...]], budget: timing.Budget) -> list[dict]:
    """numpy, reference and go timed from Python, one progress line per op."""
    records = []
    for op in ops:
        started = time.perf_counter()
        print(f"  python     {op.name:<18} n=", end="", flush=True)
        for i, n in enumerate(sizes[op.name]):
            args = op.args(n)
            for (impl, mode), s in timing.measure(workload.functions(op, n), args, budget).items():
                records.append({"op": op.name, "family": op.family, "n": n, "impl": impl, "mode": mode,
                                "min_ns": s.min_ns, "median_ns": s.median_ns,
                                "calls_per_round": s.calls_per_round, "rounds_ns": list(s.rounds_ns)})
            del args
            print(("," if i else "") + str(n), end="", flush=True)
        print(f"  ({time.perf_counter() - started:.1f} s)", flush=True)
    return records


def native_side(ops: list[workload.Op], sizes: dict[str, tuple[int, ...]], benchtime: str, count: int,
                gonum: bool) -> tuple[list[dict], str]:
    """Go-native and gonum records from go test -bench (mode isolated: a process of their own).

    Also returns the gonum column's status: "ok", or why it is missing.
    """
    found = {workload.NATIVE: gonative.run(ops, sizes, benchtime, count, ROOT)}
    status = "not run: --skip-gonum"
    if gonum:
        found[workload.GONUM], status = gonative.run_gonum(ops, sizes, benchtime, count, ROOT)
    records = [{"op": op.name, "family": op.family, "n": n, "impl": impl, "mode": "isolated", **got[op.name, n]}
               for impl, got in found.items() for op in ops for n in sizes[op.name] if (op.name, n) in got]
    return records, status


def write_json(doc: dict, path: Path, runs_dir: Path) -> list[Path]:
    """Write ``doc`` to ``path`` and a timestamped copy in ``runs_dir``."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = json.dumps(doc, indent=1)
    written = []
    for p in (path, runs_dir / f"{stamp}.json"):
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
        written.append(p)
    return written


def header(m: dict) -> None:
    """The machine, in three lines."""
    print(f"mlmath bench on {machine.describe(m)}")
    print(f"  {m['cpu']['nproc']} CPUs, Go kernels supported: {m['go'].get('go kernels supported') or '?'}, "
          f"CPU features: {m['go'].get('cpu features') or '?'}, GOMAXPROCS {m['go'].get('GOMAXPROCS') or '?'}")
    env = " ".join(f"{k}={v}" for k, v in m["env"].items()) or "none set"
    print(f"  numpy {m['numpy']} with {machine.blas_line(m)}; env: {env}")


def _rel(path: Path) -> str:
    """``path`` relative to the repository when it is inside it."""
    return str(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def compare_with_baseline(doc: dict, path: Path) -> None:
    """Print the comparison with the baseline, when there is one."""
    if not path.exists():
        print(f"\nNo baseline at {_rel(path)} (`make bench-baseline` saves the latest run as the baseline).")
        return
    report.compare(doc, json.loads(path.read_text()), _rel(path))


def measure_all(args: argparse.Namespace, ops: list[workload.Op], sizes: dict[str, tuple[int, ...]]) -> tuple[list[dict], str]:
    """Go-native and gonum (unless --skip-native), then numpy, reference and go through Python.

    Returns the records and the gonum column's status ("ok" or why it is missing).
    """
    results, gonum = [], "not run: --skip-native"
    if not args.skip_native:
        print(f"\nGo-native: go test -bench, -benchtime {args.go_benchtime}, -count {args.go_count}", flush=True)
        results, gonum = native_side(ops, sizes, args.go_benchtime, args.go_count, not args.skip_gonum)
    b = args.budget
    print(f"\nThrough Python: rounds of ~{b.round_ms:g} ms, {b.min_rounds}-{b.max_rounds} rounds per impl and mode, "
          f"~{b.case_s:g} s per size", flush=True)
    return results + python_side(ops, sizes, b), gonum


def present(doc: dict, args: argparse.Namespace) -> tuple[int, list[Path]]:
    """Tables, go-native against gonum, crossovers, PNGs, baseline comparison, targets: (targets missed, PNGs written)."""
    results, m = doc["results"], doc["machine"]
    report.tables(results, f"{args.stat}_ns")
    report.print_gonum(results, f"{args.stat}_ns")
    report.print_crossovers(results)
    pngs = [] if args.no_plots else [p for fam in workload.FAMILIES
                                     if (p := plots.family_png(results, fam, machine.describe(m), args.out_dir / f"{fam}.png"))]
    compare_with_baseline(doc, args.baseline)
    missed = report.print_targets(report.targets(results, m["cpu"]["avx512f"]), machine.describe(m))
    return missed, pngs


def main(argv: list[str]) -> int:
    """Measure, write the JSON, print and draw; exit 1 on a missed target with MLMATH_BENCH_STRICT=1."""
    args = parse_args(argv)
    own = [f for f in OWN_FAMILIES if f in (args.families or ()) or not (args.families or args.ops)]
    families = [f for f in args.families or () if f not in OWN_FAMILIES]
    ops = workload.select(args.ops, families) if families or args.ops or not args.families else []
    sizes = {op.name: _sizes(op, args) for op in ops}
    started = time.perf_counter()
    m = machine.collect()
    header(m)
    results, gonum = measure_all(args, ops, sizes) if ops else ([], "not run: no ops")
    own_results = {f: OWN_FAMILIES[f](args.quick, None if args.no_plots else args.out_dir) for f in own}
    doc = {
        "schema": 1,
        "created": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": [sys.argv[0], *argv],
        "machine": m,
        "settings": {"quick": args.quick, "budget": dataclasses.asdict(args.budget), "go_benchtime": args.go_benchtime,
                     "go_count": None if args.skip_native else args.go_count, "sizes": sizes,
                     "numpy_column": {op.name: op.numpy_label for op in ops if op.numpy is not None},
                     "gonum": {"module": gonative.gonum_version(ROOT), "status": gonum}},
        "elapsed_s": round(time.perf_counter() - started, 1),
        "results": results,
        **own_results,
    }
    written = write_json(doc, args.json_out, args.out_dir / "runs")
    missed, pngs = present(doc, args)
    print("\nWrote " + ", ".join(map(_rel, written + pngs)))
    print(f"Total {time.perf_counter() - started:.0f} s.")
    if missed and os.environ.get("MLMATH_BENCH_STRICT", "") not in ("", "0"):
        print(f"MLMATH_BENCH_STRICT: {missed} target(s) missed.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
