"""Timing and formatting shared by the demo's sections."""

from __future__ import annotations

import time
import timeit

import numpy as np


def time_per_call(f, args, seconds: float) -> float:
    """Best time per call of f(*args), in seconds: batches of calls sized to
    last about seconds/5 each, the best of five batches."""
    timer = timeit.Timer(lambda: f(*args))
    number = 1
    while (elapsed := timer.timeit(number)) < seconds / 5 and number < 10**6:
        number *= 10
    return min([elapsed] + timer.repeat(repeat=4, number=number)) / number


def best_time(f, seconds: float, runs: int = 5) -> float:
    """Best wall time of f(), run once and then again while the runs so far
    took less than ``seconds`` in all (at most ``runs`` times): for calls
    too long to repeat in batches."""
    best, spent = float("inf"), 0.0
    for _ in range(runs):
        start = time.perf_counter()
        f()
        elapsed = time.perf_counter() - start
        best, spent = min(best, elapsed), spent + elapsed
        if spent >= seconds:
            break
    return best


def duration(t: float) -> str:
    """A time in seconds, in the unit that reads best: 9.38 us, 305.7 ms, 2.31 s."""
    if t < 1e-3:
        return f"{t * 1e6:.2f} us"
    if t < 1.0:
        return f"{t * 1e3:.2f} ms"
    return f"{t:.2f} s"


def show(x) -> str:
    """A result as one line: strings as they are, arrays by numpy, numbers to 10 digits."""
    if isinstance(x, str):
        return x
    if isinstance(x, np.ndarray):
        return np.array2string(x, precision=6, separator=", ").replace("\n", "")
    return f"{x:.10g}"


def rel_diff(expected, got) -> float:
    """max|expected - got| / max|expected| (0 for equal entries, infinities included)."""
    ref_arr, got_arr = np.asarray(expected), np.asarray(got)
    with np.errstate(invalid="ignore"):  # inf - inf: equal infinities differ by nothing
        gap = np.where(got_arr == ref_arr, 0.0, np.abs(got_arr - ref_arr))
    diff = float(np.max(gap, initial=0.0))
    return diff / max(float(np.max(np.abs(ref_arr), initial=0.0)), np.finfo(float).tiny)
