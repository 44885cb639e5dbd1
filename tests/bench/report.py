"""Printing a run: the tables, the crossovers, the issue's targets, a baseline comparison.

A run's results are records {op, family, n, impl, mode, min_ns, median_ns, ...};
impl is numpy, reference, go (through Python), go-native or gonum (gonum's
time on the same input, go test -bench in go/gonumbench); mode is isolated or
interleaved (go-native and gonum run in a process of their own, so only
isolated). The "numpy" impl of an op whose ``numpy_label`` is "sklearn"
(mutual_information_from_labels) times scikit-learn, and is printed as such.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import workload

Key = tuple[str, int, str, str]  # (op, n, impl, mode)
IMPLS = ("numpy", "reference", "go", "go-native", "gonum")  # the order of columns and rows


def index(results: list[dict]) -> dict[Key, dict]:
    """Records by (op, n, impl, mode)."""
    return {(r["op"], r["n"], r["impl"], r["mode"]): r for r in results}


def fmt_time(ns: float | None) -> str:
    """A time in ns as '1.23 ms'; '-' for None."""
    if ns is None:
        return "-"
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a and b else "-"


def _print_rows(rows: list[tuple[str, ...]]) -> None:
    """Columns aligned: the first left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip())


class _Times:
    """Time per call (min, or the statistic ``stat``) by (op, n, impl, mode); None when not measured."""

    def __init__(self, results: list[dict], stat: str = "min_ns"):
        self.idx, self.stat = index(results), stat

    def __call__(self, op: str, n: int, impl: str, mode: str = "isolated") -> float | None:
        r = self.idx.get((op, n, impl, mode))
        return r[self.stat] if r else None


def numpy_header(ops: list[str]) -> tuple[str, str]:
    """(column name, its short form in ratios) of the "numpy" column of these ops:
    ("numpy", "np"), or ("sklearn", "sklearn") when every op times sklearn there."""
    labels = {workload.numpy_label(op) for op in ops}
    return (labels.pop(),) * 2 if len(labels) == 1 and "numpy" not in labels else ("numpy", "np")


def tables(results: list[dict], stat: str = "min_ns") -> None:
    """One table per family: time per call of each implementation, both modes, and go/numpy (or go/sklearn)."""
    t = _Times(results, stat)
    ops = list(dict.fromkeys(r["op"] for r in results))  # in the order they ran
    keys = sorted({(r["family"], r["op"], r["n"]) for r in results}, key=lambda k: (workload.FAMILIES.index(k[0]) if k[0] in workload.FAMILIES else 99, ops.index(k[1]), k[2]))
    for family in dict.fromkeys(k[0] for k in keys):
        gonum = any(r["family"] == family and r["impl"] == workload.GONUM for r in results)  # a column only where measured
        col, short = numpy_header([k[1] for k in keys if k[0] == family])
        print(f"\n{family}: time per call ({stat[:-3]} over rounds); go/{short} < 1 means Go (through Python) is faster")
        rows = [("op", "n", col, "reference", "go", "go-native", *(("gonum",) if gonum else ()),
                 f"go/{short}", "py cost", "|", f"{col} (il)", "go (il)", f"go/{short} (il)")]
        for _, op, n in (k for k in keys if k[0] == family):
            go, native, np_ = t(op, n, "go"), t(op, n, "go-native"), t(op, n, "numpy")
            np_i, go_i = t(op, n, "numpy", "interleaved"), t(op, n, "go", "interleaved")
            rows.append((op, str(n), fmt_time(np_), fmt_time(t(op, n, "reference")), fmt_time(go), fmt_time(native),
                         *((fmt_time(t(op, n, workload.GONUM)),) if gonum else ()),
                         _ratio(go, np_), _python_cost(go, native), "|", fmt_time(np_i), fmt_time(go_i), _ratio(go_i, np_i)))
        _print_rows(rows)
    print("py cost: go (through Python) minus go-native, the Python side of a call; shown for calls under 100 us.")
    print("(il): interleaved rounds (go, reference, numpy, go, ...); the other columns: isolated rounds.")


def gonum_check(native: float, gonum: float) -> str:
    """'go-native vs gonum: 1.35x faster' (gonum takes 1.35 times as long), or '... 1.35x SLOWER'."""
    if native <= gonum:
        return f"go-native vs gonum: {gonum / native:.2f}x faster"
    return f"go-native vs gonum: {native / gonum:.2f}x SLOWER"


def print_gonum(results: list[dict], stat: str = "min_ns") -> None:
    """One check line per (op, n) measured both go-native and by gonum; nothing when gonum did not run."""
    t = _Times(results, stat)
    ops = list(dict.fromkeys(r["op"] for r in results))
    keys = sorted({(r["op"], r["n"]) for r in results if r["impl"] == workload.GONUM}, key=lambda k: (ops.index(k[0]), k[1]))
    rows = [(f"{op} n={n}", f"{gonum_check(native, gonum)}  (go-native {fmt_time(native)}, gonum {fmt_time(gonum)})")
            for op, n in keys if (native := t(op, n, workload.NATIVE)) and (gonum := t(op, n, workload.GONUM))]
    if rows:
        print(f"\ngo-native (mlmath) against gonum, both go test -bench on the same input, {stat[:-3]} time per call:")
        width = max(len(r[0]) for r in rows)
        for case, check in rows:
            print(f"  {case:<{width}}  {check}")


def _python_cost(go: float | None, native: float | None) -> str:
    """Time of the Python side of a call (validation, pointers, cffi): go minus go-native.

    A few microseconds, so shown only for calls under 100 us; above, the
    difference is run-to-run noise. '~0' when within 5% of the call.
    """
    if not (go and native) or go > 100_000:
        return "-"
    return fmt_time(go - native) if go - native > 0.05 * go else "~0"


def crossover(times: dict[int, tuple[float, float]]) -> int | None:
    """First size from which go is faster than numpy and stays faster; None if never.

    ``times`` maps size -> (go time, numpy time).
    """
    found = None
    for n in sorted(times, reverse=True):
        go, np_ = times[n]
        if go >= np_:
            break
        found = n
    return found


def crossovers(results: list[dict], mode: str, stat: str = "min_ns") -> dict[str, int | None]:
    """op -> crossover size of go (through Python) against numpy in ``mode``."""
    idx = index(results)
    out: dict[str, dict[int, tuple[float, float]]] = {}
    for (op, n, impl, m), r in idx.items():
        other = idx.get((op, n, "numpy", m))
        if impl == "go" and m == mode and other:
            out.setdefault(op, {})[n] = (r[stat], other[stat])
    return {op: crossover(times) for op, times in out.items()}


def print_crossovers(results: list[dict]) -> None:
    """One line per op: from which size go beats numpy, isolated and interleaved (nothing without numpy)."""
    iso, inter = crossovers(results, "isolated"), crossovers(results, "interleaved")
    if not iso:
        return
    print("\nCrossover: the size from which go (through Python) is faster than numpy and stays faster")
    rows = [("op", "isolated", "interleaved")]
    rows += [(_against(op), _size(iso[op]), _size(inter.get(op))) for op in iso]
    _print_rows(rows)


def _against(op: str) -> str:
    """The op's name, with what its numpy column times when that is not numpy: 'op (vs sklearn)'."""
    label = workload.numpy_label(op)
    return op if label == "numpy" else f"{op} (vs {label})"


def _size(n: int | None) -> str:
    return "none" if n is None else f"n={n}"


@dataclass(frozen=True)
class Target:
    """A target of the issue as measured: status is ok, MISSED, info or -- (not measured)."""

    status: str
    text: str


def _check(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def targets(results: list[dict], avx512f: bool) -> list[Target]:
    """The issue's performance targets, measured in this run.

    Judged on the median time per call over the rounds, the call a user
    typically gets: the minimum hides how often interleaving with numpy's
    threads slows a call down (its distribution is bimodal)."""
    t = _Times(results, "median_ns")
    return [*_matmul_targets(t, avx512f), *_throughput_targets(t), _dot3_target(t), *_lu_info(t), *_descent_targets(t),
            *_nn_targets(t), *_info_targets(t), _pipeline_target(t)]


def _matmul_targets(t: _Times, avx512f: bool) -> list[Target]:
    """matmul n=1024, 2048: go GFLOPS / numpy GFLOPS >= 0.85 (avx512f) or 0.9 (AVX2 only)."""
    out = []
    bound, cpu = (0.85, "avx512f CPU") if avx512f else (0.9, "AVX2-only CPU")
    for n in (1024, 2048):
        go, np_, native = t("matmul", n, "go"), t("matmul", n, "numpy"), t("matmul", n, "go-native")
        label = f"matmul n={n}: go GFLOPS / numpy GFLOPS"
        if not (go and np_):
            out.append(Target("--", f"{label}: not measured"))
            continue
        flops = 2 * n**3  # flops per ns are GFLOPS
        text = f"{label} = {np_ / go:.2f} (target >= {bound} on an {cpu}); go {flops / go:.1f}, numpy {flops / np_:.1f}"
        text += f", go native {flops / native:.1f} GFLOPS" if native else " GFLOPS"
        text += f"; interleaved {_ratio(t('matmul', n, 'numpy', 'interleaved'), t('matmul', n, 'go', 'interleaved'))}"
        out.append(Target(_check(np_ / go >= bound), text))
    return out


def _throughput_targets(t: _Times) -> list[Target]:
    """dot and add at n=1e6: go / numpy throughput >= 0.9 isolated, >= 0.8 interleaved."""
    out = []
    for op in ("dot", "add"):
        for mode, bound in (("isolated", 0.9), ("interleaved", 0.8)):
            go, np_ = t(op, 1_000_000, "go", mode), t(op, 1_000_000, "numpy", mode)
            label = f"{op} n=1e6 {mode}: go throughput / numpy throughput"
            if go and np_:
                ok = np_ / go >= bound
                why = "" if ok or (op, mode) != ("dot", "interleaved") else (
                    "; near 0.75 while OpenBLAS's idle worker spins: README, Performance")
                out.append(Target(_check(ok), f"{label} = {np_ / go:.2f} (target >= {bound}{why})"))
            else:
                out.append(Target("--", f"{label}: not measured"))
    return out


def _dot3_target(t: _Times) -> Target:
    """dot at n=3: go time / np.dot time <= 2.0."""
    go, np_ = t("dot", 3, "go"), t("dot", 3, "numpy")
    if not (go and np_):
        return Target("--", "dot n=3: not measured")
    text = f"dot n=3: go time / np.dot time = {go / np_:.2f} (target <= 2.0; go {fmt_time(go)}, numpy {fmt_time(np_)})"
    return Target(_check(go / np_ <= 2.0), text)


def _lu_info(t: _Times) -> list[Target]:
    """det, solve, inv at n=1024: go / numpy time, informational (the baseline judges them)."""
    out = []
    for op in ("det", "solve", "inv"):
        go, np_ = t(op, 1024, "go"), t(op, 1024, "numpy")
        if not (go and np_):
            out.append(Target("--", f"{op} n=1024: not measured"))
            continue
        inter = _ratio(t(op, 1024, "go", "interleaved"), t(op, 1024, "numpy", "interleaved"))
        out.append(Target("info", f"{op} n=1024: go time / numpy time = {go / np_:.2f} isolated, {inter} interleaved "
                          "(target: no slower than before; see the baseline comparison)"))
    return out


DESCENT_STEPS = 10_000


def _descent_targets(t: _Times) -> list[Target]:
    """gradient descent on Rosenbrock, 10,000 steps: reference time / go time >= 10 with
    the built-in objective (the loop in Go); with a Python gradient, the ratio only
    (every step calls Python, which bounds it)."""
    out, n = [], DESCENT_STEPS
    for op, what, bound in (("gd_rosenbrock_builtin", "built-in objective", 10.0),
                            ("gd_rosenbrock_callback", "Python-callback gradient", None)):
        ref, go, native = t(op, n, "reference"), t(op, n, "go"), t(op, n, workload.NATIVE)
        label = f"gradient descent, rosenbrock, {n} steps, {what}: reference time / go time"
        if not (ref and go):
            out.append(Target("--", f"{label}: not measured"))
            continue
        goal = f"target >= {bound:g}" if bound else "no target: bounded by the Python calls"
        times = f"reference {fmt_time(ref)}, go {fmt_time(go)}" + (f", go-native {fmt_time(native)}" if native else "")
        out.append(Target(_check(ref / go >= bound) if bound else "info", f"{label} = {ref / go:.1f} ({goal}; {times})"))
    return out


XOR_EPOCHS = 5_000
ADAM_ELEMENTS = 100_000
ADAM_STEPS = 10_000  # the run: its time is ADAM_STEPS times the time per step


def _nn_targets(t: _Times) -> list[Target]:
    """train_mlp on XOR, 5,000 epochs: reference time / go time >= 10; Adam on a
    1e5-element parameter: reference time / go time per step >= 1 (the
    reference is numpy's Adam), with numpy in place (the numpy column) as
    information."""
    out = []
    ref, go, native = (t("train_xor", XOR_EPOCHS, impl) for impl in ("reference", "go", workload.NATIVE))
    label = f"train_mlp XOR {XOR_EPOCHS} epochs: reference time / go time"
    if ref and go:
        times = f"reference {fmt_time(ref)}, go {fmt_time(go)}" + (f", go-native {fmt_time(native)}" if native else "")
        out.append(Target(_check(ref / go >= 10), f"{label} = {ref / go:.1f} (target >= 10; {times})"))
    else:
        out.append(Target("--", f"{label}: not measured"))
    n = ADAM_ELEMENTS
    ref, go, native, np_ = (t("adam_step", n, impl) for impl in ("reference", "go", workload.NATIVE, "numpy"))
    label = "Adam step, 1e5 elements: reference time / go time"
    if not (ref and go):
        return [*out, Target("--", f"{label}: not measured")]
    times = f"per step reference {fmt_time(ref)}, go {fmt_time(go)}" + (f", go-native {fmt_time(native)}" if native else "")
    steps = f"{ADAM_STEPS:,} steps: reference {fmt_time(ADAM_STEPS * ref)}, go {fmt_time(ADAM_STEPS * go)}"
    out.append(Target(_check(ref / go >= 1), f"{label} = {ref / go:.2f} (target >= 1; {times}; {steps})"))
    if np_:
        out.append(Target("info", f"Adam step, 1e5 elements, numpy in place: numpy time / go time = {np_ / go:.2f} "
                          f"(no target; the update in place into preallocated scratch, {fmt_time(np_)} per step)"))
    return out


INFO_LABELS = 1_000_000


def _info_targets(t: _Times) -> list[Target]:
    """mutual_information_from_labels on 1e6 labels of 100 classes: reference time /
    go time >= 1; sklearn's time against go's (the numpy column) as information."""
    op, n = "mutual_information_from_labels", INFO_LABELS
    ref, go, native, sk = (t(op, n, impl) for impl in ("reference", "go", workload.NATIVE, "numpy"))
    label = f"{op}, 1e6 labels, {workload.INFO_CLASSES} classes: reference time / go time"
    if not (ref and go):
        return [Target("--", f"{label}: not measured")]
    times = f"reference {fmt_time(ref)}, go {fmt_time(go)}" + (f", go-native {fmt_time(native)}" if native else "")
    out = [Target(_check(ref / go >= 1), f"{label} = {ref / go:.2f} (target >= 1; {times})")]
    if sk:
        out.append(Target("info", f"{op}, 1e6 labels, sklearn: sklearn time / go time = {sk / go:.2f} "
                          f"(no target; sklearn.metrics.mutual_info_score / log(2), {fmt_time(sk)})"))
    return out


PIPELINE_ROWS = 100_000


def _pipeline_target(t: _Times) -> Target:
    """logistic_regression on 100,000 x 20 data, 1,000 iterations: reference time / go time >= 3."""
    op, n = "logistic_regression", PIPELINE_ROWS
    ref, go, native = (t(op, n, impl) for impl in ("reference", "go", workload.NATIVE))
    label = f"{op} {n:,} x {workload.PIPELINE_FEATURES}, {workload.PIPELINE_ITERS:,} iterations: reference time / go time"
    if not (ref and go):
        return Target("--", f"{label}: not measured")
    times = f"reference {fmt_time(ref)}, go {fmt_time(go)}" + (f", go-native {fmt_time(native)}" if native else "")
    return Target(_check(ref / go >= 3), f"{label} = {ref / go:.2f} (target >= 3; {times})")


def print_targets(found: list[Target], header: str) -> int:
    """Print the targets under ``header``; return the number missed."""
    print(f"\nTargets of the issue (median time per call), measured in this run on {header}:")
    for tg in found:
        print(f"  [{tg.status}] {tg.text}")
    return sum(tg.status == "MISSED" for tg in found)


def _same_setup_warnings(new: dict, old: dict) -> list[str]:
    """Why the baseline may not be comparable: another CPU, Go kernel or budget."""
    warn = []
    for what, get in (("CPU model", lambda d: d["machine"]["cpu"]["model"]),
                      ("Go kernel", lambda d: d["machine"]["go"].get("go kernel")),
                      ("--quick setting", lambda d: d["settings"].get("quick"))):
        if get(new) != get(old):
            warn.append(f"warning: baseline {what} differs: {get(old)!r} (baseline) vs {get(new)!r} (this run)")
    return warn


def compare(new: dict, old: dict, old_path: str) -> None:
    """benchstat-like: old and new time per call (min) for every (op, n, impl), delta %, geomeans."""
    print(f"\nAgainst the baseline {old_path} (recorded {old.get('created', '?')}): time per call, min over rounds")
    for w in _same_setup_warnings(new, old):
        print(f"  {w}")
    a, b = index(old["results"]), index(new["results"])
    ops = list(dict.fromkeys(r["op"] for r in new["results"]))
    shared = sorted({k[:3] for k in a.keys() & b.keys()}, key=lambda k: (ops.index(k[0]), k[1], IMPLS.index(k[2])))
    if not shared:
        print("  (no (op, n, impl) in common)")
        return
    rows = [("op", "n", "impl", "old", "new", "delta", "|", "old (il)", "new (il)", "delta (il)")]
    logs: dict[tuple[str, str], list[float]] = {}
    for op, n, impl in shared:
        cells = []
        for mode in ("isolated", "interleaved"):
            o, w = a.get((op, n, impl, mode)), b.get((op, n, impl, mode))
            if o and w:
                logs.setdefault((impl, mode), []).append(math.log(w["min_ns"] / o["min_ns"]))
            cells += [fmt_time(o and o["min_ns"]), fmt_time(w and w["min_ns"]), _delta(o, w)]
        rows.append((op, str(n), impl, *cells[:3], "|", *cells[3:]))
    _print_rows(rows)
    print("  geomean of new/old: " + ", ".join(_geomean(logs, impl) for impl in IMPLS if (impl, "isolated") in logs))


def _geomean(logs: dict[tuple[str, str], list[float]], impl: str) -> str:
    """'go -1.2% (il +0.4%)' from the log ratios of one implementation."""
    mean = {mode: _pct(math.exp(sum(v) / len(v)) - 1) for (i, mode), v in logs.items() if i == impl}
    return f"{impl} {mean['isolated']}" + (f" (il {mean['interleaved']})" if "interleaved" in mean else "")


def _delta(old: dict | None, new: dict | None) -> str:
    return _pct(new["min_ns"] / old["min_ns"] - 1) if old and new else "-"


def _pct(x: float) -> str:
    return f"{100 * x:+.1f}%"
