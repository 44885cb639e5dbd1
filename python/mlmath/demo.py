"""``python -m mlmath demo``: the notes' examples on both backends, side by side.

Each section is a list of named calls; for each call the demo prints the
result (from the reference), how far the Go result is from it (max absolute
difference), and the time per call of each backend. Later topics add a
section to SECTIONS.
"""

from __future__ import annotations

import timeit
from dataclasses import dataclass, field

import numpy as np

from mlmath import reference
from mlmath._version import __version__


@dataclass
class Section:
    title: str
    setup: str  # the inputs, as printed
    calls: list[tuple[str, str, tuple]] = field(default_factory=list)  # (label, function, args)


V, W = [1.0, 2.0, 3.0], [4.0, 5.0, 6.0]
A, B = [[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]

SECTIONS = [
    Section(
        "Vectors",
        f"v = {V}, w = {W}",
        [
            ("add(v, w)", "add", (V, W)),
            ("subtract(v, w)", "subtract", (V, W)),
            ("scale(2, v)", "scale", (2.0, V)),
            ("dot(v, w)", "dot", (V, W)),
            ("norm(v)", "norm", (V,)),
            ("norm(v, 1)", "norm", (V, 1)),
            ("norm(v, inf)", "norm", (V, np.inf)),
            ("cosine_similarity(v, w)", "cosine_similarity", (V, W)),
        ],
    ),
    Section(
        "Matrices",
        f"A = {A}, B = {B}",
        [
            ("matmul(A, B)", "matmul", (A, B)),
            ("matmul(A, v[:2])", "matmul", (A, V[:2])),
            ("transpose(A)", "transpose", (A,)),
            ("det(A)", "det", (A,)),
            ("inv(A)", "inv", (A,)),
            ("solve(A, [1, 1])", "solve", (A, [1.0, 1.0])),
        ],
    ),
]


def time_per_call(f, args, seconds: float) -> float:
    """Best time per call of f(*args), in seconds: batches of calls sized to
    last about seconds/5 each, the best of five batches."""
    timer = timeit.Timer(lambda: f(*args))
    number = 1
    while (elapsed := timer.timeit(number)) < seconds / 5 and number < 10**6:
        number *= 10
    return min([elapsed] + timer.repeat(repeat=4, number=number)) / number


def show(x) -> str:
    if isinstance(x, np.ndarray):
        return np.array2string(x, precision=6, separator=", ").replace("\n", "")
    return f"{x:.10g}"


def run(seconds: float = 0.05) -> int:
    try:
        from mlmath import go
    except ImportError as e:
        go = None
        print(f"Go backend unavailable: {e}\n")
    print(f"mlmath {__version__}: examples from 'Mathematics for Machine Learning' on both backends")
    print("time per call: best of a few repeats; max|diff| is the largest |reference - go|\n")
    worst = 0.0
    for section in SECTIONS:
        print(f"{section.title}   {section.setup}")
        rows = [("call", "result", "max|diff|", "reference", "go", "go/ref")]
        for label, name, args in section.calls:
            ref_f = getattr(reference, name)
            expected = ref_f(*args)
            t_ref = time_per_call(ref_f, args, seconds)
            row = [label, show(expected), "-", f"{t_ref * 1e6:.2f} us", "-", "-"]
            if go is not None:
                go_f = getattr(go, name)
                diff = float(np.max(np.abs(np.asarray(go_f(*args)) - np.asarray(expected)), initial=0.0))
                worst = max(worst, diff)
                t_go = time_per_call(go_f, args, seconds)
                row[2], row[4], row[5] = f"{diff:.1e}", f"{t_go * 1e6:.2f} us", f"{t_go / t_ref:.2f}"
            rows.append(tuple(row))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r in rows:
            print("  " + "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
        print()
    if go is None:
        return 1
    print(f"largest difference between the backends: {worst:.1e}")
    return 0
