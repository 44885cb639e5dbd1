"""The timing harness: rounds of back-to-back calls, isolated and interleaved.

A *round* is ``calls`` back-to-back calls of one implementation, timed as a
whole with ``time.perf_counter_ns``; its time per call is the round's time
divided by ``calls``. ``calls`` is chosen so that a round lasts about
``round_ms`` (one call when a call is longer).

- isolated: all rounds of go, then all of reference, then all of numpy, each
  after one untimed warm-up round; before go, a pause of ``settle_s`` lets
  OpenBLAS's worker threads, still spinning after the previous numpy call,
  go to sleep.
- interleaved: a go round, a reference round, a numpy round, a go round, ...
  as a program mixing the libraries would see them, with OpenBLAS threads
  spinning while Go runs.

The garbage collector is disabled while timing. Reported per implementation
and mode: the minimum and the median time per call over the rounds.
"""

from __future__ import annotations

import gc
import math
import statistics
import time
from dataclasses import dataclass
from typing import Callable

ORDER = ("go", "reference", "numpy")  # go right after numpy in interleaved passes
MODES = ("isolated", "interleaved")


@dataclass(frozen=True)
class Budget:
    """How long to time one (op, size) case, all implementations and both modes."""

    round_ms: float = 5.0  # target length of a round
    min_rounds: int = 3
    max_rounds: int = 25
    case_s: float = 3.0  # all rounds of one case, when that allows min_rounds
    settle_s: float = 0.2  # pause before the isolated go rounds


@dataclass(frozen=True)
class Stats:
    """Time per call of one implementation in one mode, over its rounds."""

    min_ns: float
    median_ns: float
    calls_per_round: int
    rounds_ns: tuple[float, ...]  # time per call of each round


def time_round(f: Callable, args: tuple, calls: int) -> float:
    """Nanoseconds per call of ``calls`` back-to-back calls ``f(*args)``."""
    t0 = time.perf_counter_ns()
    for _ in range(calls):
        f(*args)
    return (time.perf_counter_ns() - t0) / calls


def calibrate(f: Callable, args: tuple, round_ns: float) -> tuple[int, float]:
    """(calls per round, estimated ns per call): a round of about ``round_ns``.

    Starts with one call (which also warms up) and multiplies the count by 8
    until the batch lasts at least an eighth of a round.
    """
    calls = 1
    while True:
        per_call = time_round(f, args, calls)
        if per_call * calls >= round_ns / 8 or calls >= 1 << 24:
            return max(1, math.ceil(round_ns / max(per_call, 1.0))), per_call
        calls *= 8


def plan_rounds(round_ns: list[float], budget: Budget) -> int:
    """Rounds per implementation and mode, so that a case fits its budget."""
    case_ns = 2 * sum(round_ns)  # one round of every implementation, in both modes
    fit = int(budget.case_s * 1e9 / case_ns)
    return max(budget.min_rounds, min(budget.max_rounds, fit))


def measure(funcs: dict[str, Callable], args: tuple, budget: Budget) -> dict[tuple[str, str], Stats]:
    """Time every implementation in both modes: (impl, mode) -> Stats."""
    impls = [i for i in ORDER if i in funcs]
    plan = {i: calibrate(funcs[i], args, budget.round_ms * 1e6) for i in impls}
    calls = {i: plan[i][0] for i in impls}
    rounds = plan_rounds([calls[i] * plan[i][1] for i in impls], budget)
    samples: dict[tuple[str, str], list[float]] = {(i, m): [] for i in impls for m in MODES}
    gc.collect()
    gc.disable()
    try:
        time.sleep(budget.settle_s)
        for i in impls:
            time_round(funcs[i], args, calls[i])  # warm-up, untimed
            samples[i, "isolated"] = [time_round(funcs[i], args, calls[i]) for _ in range(rounds)]
        for _ in range(rounds):
            for i in impls:
                samples[i, "interleaved"].append(time_round(funcs[i], args, calls[i]))
    finally:
        gc.enable()
    return {key: _stats(times, calls[key[0]]) for key, times in samples.items()}


def _stats(times: list[float], calls: int) -> Stats:
    return Stats(min(times), statistics.median(times), calls, tuple(times))
