"""One PNG per family: time per call against size, log-log, one subplot per op.

Solid lines are isolated rounds, dashed lines interleaved rounds (numpy and go
only); the decompositions also show gonum (go test -bench on the same input).
A dotted vertical line marks the crossover where go (through Python) starts
to beat numpy in isolated rounds. A family run at one size per op (calculus,
nn, information, pipeline) is a bar chart instead: a group of bars per op, one per
implementation measured, on a log scale. The "numpy" bars of an op timing
scikit-learn there (mutual_information_from_labels) are labeled sklearn.
"""

from __future__ import annotations

import math
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)

import workload  # noqa: E402
from report import crossovers, fmt_time, numpy_header  # noqa: E402

# impl -> (label, color)
LINES = {
    "numpy": ("numpy", "tab:blue"),
    "reference": ("reference", "tab:gray"),
    "go": ("go (python)", "tab:orange"),
    "go-native": ("go (native)", "tab:green"),
    "gonum": ("gonum (native)", "tab:purple"),
}


def _series(results: list[dict], op: str, impl: str, mode: str) -> tuple[list[int], list[float]]:
    """Sizes and min time per call in seconds, sorted by size."""
    pts = sorted((r["n"], r["min_ns"] * 1e-9) for r in results if r["op"] == op and r["impl"] == impl and r["mode"] == mode)
    return [p[0] for p in pts], [p[1] for p in pts]


def _subplot(ax, results: list[dict], op: str, cross: int | None) -> None:
    """One op: a line per implementation and mode, and the crossover."""
    for impl, (label, color) in LINES.items():
        if impl == "numpy":
            label = workload.numpy_label(op)
        ns, ts = _series(results, op, impl, "isolated")
        if ns:
            ax.plot(ns, ts, marker="o", ms=3, color=color, label=label)
        if impl in ("numpy", "go"):
            ns, ts = _series(results, op, impl, "interleaved")
            if ns:
                ax.plot(ns, ts, ls="--", lw=1, color=color, label=f"{label}, interleaved")
    if cross is not None:
        ax.axvline(cross, color="tab:red", ls=":", lw=1.2)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_title(f"{op} (go beats numpy from: {'none' if cross is None else f'n={cross}'})", fontsize=10)
    ax.set_xlabel("n")
    ax.set_ylabel("time per call (s)")
    ax.grid(True, which="major", alpha=0.3)


def _bars(ax, results: list[dict], ops: list[str]) -> None:
    """A group of bars per op (at its one size): min isolated time of each implementation measured."""
    iso = {(r["op"], r["impl"]): r for r in results if r["mode"] == "isolated"}
    impls = [i for i in LINES if any((op, i) in iso for op in ops)]
    width = 0.8 / len(impls)
    for k, impl in enumerate(impls):
        xs = [j + (k - (len(impls) - 1) / 2) * width for j, op in enumerate(ops) if (op, impl) in iso]
        ts = [iso[op, impl]["min_ns"] * 1e-9 for op in ops if (op, impl) in iso]
        label, color = LINES[impl]
        if impl == "numpy":
            label = numpy_header(ops)[0]
        bars = ax.bar(xs, ts, width, color=color, label=label)
        ax.bar_label(bars, labels=[fmt_time(t * 1e9) for t in ts], fontsize=7)
    n = {op: next(r["n"] for r in results if r["op"] == op) for op in ops}
    ax.set_xticks(range(len(ops)), [f"{op}\nn={n[op]}" for op in ops], fontsize=9)
    ax.set_yscale("log")
    # from a power of ten at least 3x below the shortest bar (autoscaling starts just under it,
    # which makes it look like nothing next to a bar 3x as long), with room for the labels on top
    shortest = min(r["min_ns"] for op in ops for impl in impls if (r := iso.get((op, impl)))) * 1e-9
    ax.set_ylim(bottom=10 ** math.floor(math.log10(shortest / 3)))
    ax.set_ylim(top=ax.get_ylim()[1] * 2)
    ax.set_ylabel("time per call (s)")
    ax.grid(True, axis="y", which="major", alpha=0.3)


def family_png(results: list[dict], family: str, title: str, path: Path) -> Path | None:
    """Draw the family's ops into ``path``; None when the run has no op of the family."""
    ops = list(dict.fromkeys(r["op"] for r in results if r["family"] == family))
    if not ops:
        return None
    if all(len({r["n"] for r in results if r["op"] == op}) == 1 for op in ops):
        fig, ax = plt.subplots(figsize=(max(7.5, 3 + 2.5 * len(ops)), 4.5))  # room for the title
        _bars(ax, results, ops)
        fig.legend(loc="lower center", ncol=4, fontsize=9, frameon=False)
        return _save(fig, f"mlmath {family}: {title}", path)
    cross = crossovers(results, "isolated")
    cols = min(3, len(ops))
    rows = math.ceil(len(ops) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(5 * cols, 3.8 * rows), squeeze=False)
    for ax, op in zip(axes.flat, ops):
        _subplot(ax, results, op, cross.get(op))
    for ax in list(axes.flat)[len(ops):]:
        ax.set_visible(False)
    legend = {}  # label -> handle, over all subplots: a line may be missing from some (gonum, interleaved)
    for ax in axes.flat:
        for handle, label in zip(*ax.get_legend_handles_labels()):
            legend.setdefault(label, handle)
    order = [name + suffix for name, _ in LINES.values() for suffix in ("", ", interleaved")]  # as _subplot draws them
    labels = sorted(legend, key=lambda lb: order.index(lb) if lb in order else len(order))
    handles = [legend[lb] for lb in labels]
    fig.legend(handles, labels, loc="lower center", ncol=len(labels), fontsize=9, frameon=False)
    return _save(fig, f"mlmath {family}: {title}", path)


def _save(fig, title: str, path: Path) -> Path:
    """Title, layout (room for the legend below), PNG at ``path``."""
    fig.suptitle(title, fontsize=11)
    fig.tight_layout(rect=(0, 0.05, 1, 0.96))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
