"""Is the GIL released? The "threads" family of ``make bench``.

k Python threads (k = 1, 2, 4, 8), started together by a barrier, each run
the same long call once; the wall time until the last one finishes, divided
by the time of 1 thread, is the figure. On P cores a call that releases the
GIL and computes on one core gives max(1, k/P) (1.0 for 2 threads on 2
cores); a call that holds the GIL gives k (2.0 for 2 threads): the threads
take turns.

The calls:

- ``logistic_regression`` on 1000 x 20 data, tol 0: below go/linear's
  parallel threshold (n d < 2^15), so one Go call computes on one core, in a
  loop of a few ten thousand iterations. Its reference is the numpy loop,
  mostly Python between small numpy calls: the contrast.
- ``svd`` of a square matrix: one Go call, no callbacks; the reference is
  numpy's LAPACK (which releases the GIL but runs OpenBLAS's own threads).

Each call's length is calibrated to about ``call_s`` seconds for one thread
(per implementation), GOMAXPROCS as it is. Timings on a shared machine are
noisy: each figure is the median of ``reps`` repetitions.

Run alone: ``python tests/bench/threads.py [--quick] [--json-out F]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

THREADS = (1, 2, 4, 8)
#: A row stops growing k once one repetition takes longer than this (numpy's
#: LAPACK from 8 threads at once can take 30-300 times one call: OpenBLAS's
#: threads fight over the cores). The thread counts left out are not in the row.
ROW_BUDGET_S = 8.0


@dataclass(frozen=True)
class Call:
    """A call whose length grows with ``size``: build(impl, size) -> a function of no arguments."""

    name: str
    build: Callable[[object, int], Callable[[], object]]
    size0: int  # a small size to calibrate from
    grow: Callable[[int, float], int]  # (size, factor the time must grow by) -> the next size


def _logreg(backend, iterations: int) -> Callable[[], object]:
    rng = np.random.default_rng(7)
    X = rng.standard_normal((1000, 20))
    y = (X[:, 0] - X[:, 1] + rng.logistic(size=1000) > 0).astype(np.int64)
    return lambda: backend.logistic_regression(X, y, 0.1, iterations, 0.0, 0.0, 0.0)


def _svd(backend, n: int) -> Callable[[], object]:
    A = np.random.default_rng(n).standard_normal((n, n))
    return lambda: backend.svd(A)


CALLS = (
    Call("logistic_regression[1000x20]", _logreg, 50, lambda k, f: max(k + 1, int(k * f))),
    Call("svd[n x n]", _svd, 32, lambda n, f: max(n + 1, int(n * f ** (1 / 3)))),  # O(n^3)
)


def _time(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def calibrate(call: Call, backend, target_s: float) -> tuple[int, Callable[[], object], float]:
    """(size, function, seconds) with one call taking about target_s."""
    size = call.size0
    while True:
        fn = call.build(backend, size)
        fn()  # warm up (first-touch, Go's pools, OpenBLAS's threads)
        t = min(_time(fn) for _ in range(2))
        if t >= 0.7 * target_s:
            return size, fn, t
        size = call.grow(size, min(target_s / max(t, 1e-6), 8.0))


def wall_time(fn: Callable[[], object], k: int) -> tuple[float, float]:
    """Seconds for k threads, released together, to each run fn once, and the
    cores the process used meanwhile (its CPU time / wall time: all threads,
    Go's and OpenBLAS's included; on a loaded machine it shows what was left)."""
    barrier = threading.Barrier(k + 1)
    errors: list[BaseException] = []

    def work():
        barrier.wait()
        try:
            fn()
        except BaseException as e:  # noqa: BLE001 - re-raised below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(k)]
    for t in threads:
        t.start()
    barrier.wait()
    start, cpu = time.perf_counter(), time.process_time()
    for t in threads:
        t.join()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    if errors:
        raise errors[0]
    return elapsed, cpu / elapsed


def measure(call_s: float, reps: int, threads: tuple[int, ...] = THREADS, quiet: bool = False) -> list[dict]:
    """One row per (call, impl): its size, one call's time, and per thread count
    the median wall time and its ratio to 1 thread."""
    from mlmath import go, reference

    rows = []
    for call in CALLS:
        for impl, backend in (("go", go), ("reference", reference)):
            size, fn, one = calibrate(call, backend, call_s)
            runs: dict[int, list[tuple[float, float]]] = {}
            for k in threads:
                runs[k] = [wall_time(fn, k) for _ in range(reps)]
                if max(w for w, _ in runs[k]) > ROW_BUDGET_S:
                    break
            times = {k: statistics.median(w for w, _ in r) for k, r in runs.items()}
            row = {"call": call.name, "impl": impl, "size": size, "call_s": round(one, 4),
                   "wall_s": {str(k): round(t, 4) for k, t in times.items()},
                   "ratio": {str(k): round(t / times[1], 3) for k, t in times.items()},
                   "cores_used": {str(k): round(statistics.median(c for _, c in r), 2) for k, r in runs.items()}}
            rows.append(row)
            if not quiet:
                print(line(row), flush=True)
    return rows


def line(row: dict) -> str:
    """The ratios of one row, then the cores the process used at each thread count."""
    ratios = "".join(f"{row['ratio'][str(k)]:7.2f}" if str(k) in row["ratio"] else f"{'-':>7}" for k in THREADS)
    cores = " ".join(f"{row['cores_used'][str(k)]:.1f}" if str(k) in row["cores_used"] else "-" for k in THREADS)
    return f"  {row['call']:<30} {row['impl']:<10} {row['size']:>7} {row['call_s']:7.3f} s {ratios}   {cores}"


def plot(doc: dict, path: Path, title: str) -> Path:
    """The thread-scaling figure: per call, wall time / 1 thread's against the
    thread count, for go and the reference, with the GIL-released ideal on
    the machine's CPUs and the GIL-held line."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    calls = list(dict.fromkeys(r["call"] for r in doc["rows"]))
    ks, nproc = doc["settings"]["threads"], doc["settings"]["nproc"]
    fig, axes = plt.subplots(1, len(calls), figsize=(5.5 * len(calls), 4.2), squeeze=False)
    for ax, call in zip(axes[0], calls):
        ax.plot(ks, [float(k) for k in ks], ls=":", color="tab:red", label="GIL held (k)")
        ax.plot(ks, [max(1.0, k / nproc) for k in ks], ls="--", color="tab:green", label=f"GIL released, {nproc} CPUs")
        for r in (r for r in doc["rows"] if r["call"] == call):
            color = "tab:orange" if r["impl"] == "go" else "tab:gray"
            done = [k for k in ks if str(k) in r["ratio"]]
            ax.plot(done, [r["ratio"][str(k)] for k in done], marker="o", color=color, label=f"{r['impl']} (1 call {r['call_s']:.2g} s)")
        ax.set_xscale("log", base=2)
        ax.set_yscale("log", base=2)
        ax.set_xticks(ks, [str(k) for k in ks])
        ax.set_xlabel("threads, each running one call")
        ax.set_ylabel("wall time / time of 1 thread")
        ax.set_title(call, fontsize=10)
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(f"threads: {title}", fontsize=10)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def run(quick: bool, out_dir: Path | None = None, nproc: int | None = None) -> dict:
    """The family's measurement, printed as it goes: {"settings": ..., "rows": [...], "two_threads": ...};
    the figure goes to out_dir/threads.png (none without out_dir)."""
    import os

    if nproc is None:
        nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    call_s, reps = (0.03, 1) if quick else (0.3, 3)
    print(f"\nThreads (GIL): k threads each run one call at once; wall time / time of 1 thread, median of {reps} "
          f"(1 = in parallel, k = serialized); one call ~{call_s:g} s", flush=True)
    print(f"  {'call':<30} {'impl':<10} {'size':>7} {'1 call':>9} " + "".join(f"{k:>7}" for k in THREADS)
          + "   cores used")
    rows = measure(call_s, reps)
    ideal = "".join(f"{max(1.0, k / nproc):7.2f}" for k in THREADS)
    held = "".join(f"{float(k):7.2f}" for k in THREADS)
    print(f"  {'(GIL released, on ' + str(nproc) + ' CPUs)':<58}{ideal}\n  {'(GIL held)':<58}{held}")
    two = {f"{r['call']} {r['impl']}": r["ratio"]["2"] for r in rows}
    print("  2 threads / 1 thread: " + ", ".join(f"{k} {v:.2f}" for k, v in two.items()), flush=True)
    doc = {"settings": {"call_s": call_s, "reps": reps, "threads": list(THREADS), "nproc": nproc}, "rows": rows, "two_threads": two}
    if out_dir is not None:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import machine

        print(f"  Wrote {plot(doc, out_dir / 'threads.png', machine.describe(machine.collect()))}")
    return doc


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="short calls, one repetition")
    p.add_argument("--json-out", type=Path, help="write the results here as JSON")
    p.add_argument("--png", type=Path, help="draw the thread-scaling figure here")
    args = p.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import machine

    m = machine.collect()
    print(machine.banner("threads", m))
    doc = {"machine": m, **run(args.quick, nproc=m["cpu"]["nproc"])}
    if args.png:
        print(f"Wrote {plot(doc, args.png, machine.describe(m))}")
    if args.json_out:
        machine.write_json(doc, args.json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
