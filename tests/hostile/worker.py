"""The child process: draws recipes with Hypothesis, runs each on both backends, reports.

    python -m hostile.worker --seed S --examples N --targets a,b,c [--skip K] [--mode sweep]

For each target in turn, a Hypothesis test with ``@seed(S + crc32(target))``
(no database, generation only: no shrinking, no replay) draws N recipes.
Before running a case the worker writes

    C <tab> <target> <tab> <index> <tab> <repr(recipe)>

to its protocol stream (the original stdout; anything else printing goes to
stderr) and after it

    R <tab> <json verdict>

so a parent that sees a C line without its R line knows exactly which case
killed the process (a signal) or hung it. ``--skip K`` skips the first K
cases of the first target: how the parent resumes after a crash (same seed,
same recipes: the generation does not depend on the outcomes, which never
fail the Hypothesis test). ``T <tab> <target>`` ends each target. ``--mode sweep`` runs the
deterministic recipes of :mod:`hostile.sweep` instead, ``--mode regressions``
those of :mod:`hostile.regressions`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
import zlib
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


def _write_verdict(out, recipe, verdict: dict) -> None:
    """The R line; a failure carries the description of its arguments (built here, under the memory limit)."""
    from hostile.compare import FAILURES
    from hostile.runner import describe_here

    if verdict["kind"] in FAILURES:
        verdict["args"] = describe_here(repr(recipe))
    out.write("R\t" + json.dumps(verdict) + "\n")
    out.flush()


def target_seed(seed: int, target: str) -> int:
    return (seed * 1_000_003 + zlib.crc32(target.encode())) % 2**32


def run_target(name: str, examples: int, seed: int, skip: int, out) -> None:
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    from hostile.compare import judge
    from hostile.strategies import recipes

    counter = [0]

    @hseed(target_seed(seed, name))
    @settings(
        max_examples=examples,
        database=None,
        deadline=None,
        derandomize=False,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(recipes(name))
    def case(recipe):
        i = counter[0]
        counter[0] += 1
        if i < skip:
            return
        out.write(f"C\t{name}\t{i}\t{recipe!r}\n")
        out.flush()
        verdict = judge(recipe)
        _write_verdict(out, recipe, verdict)
        out.flush()

    case()
    out.write(f"T\t{name}\t{counter[0]}\n")
    out.flush()


def list_target(name: str, skip: int, out, mode: str) -> None:
    """The fixed recipes of ``name`` (hostile.sweep, or hostile.regressions), in order, from index ``skip``."""
    from hostile.compare import judge

    if mode == "sweep":
        from hostile.sweep import recipes
    else:
        from hostile.regressions import recipes
    todo = recipes(name)
    for i, recipe in enumerate(todo):
        if i < skip:
            continue
        out.write(f"C\t{name}\t{i}\t{recipe!r}\n")
        out.flush()
        verdict = judge(recipe)
        if mode == "regressions" and verdict.get("messages"):  # the bug log holds message bugs too
            verdict = {"kind": "message-mismatch", "detail": f"reference: {verdict['messages'][0]}\ngo: {verdict['messages'][1]}"}
        _write_verdict(out, recipe, verdict)
        out.flush()
    out.write(f"T\t{name}\t{len(todo)}\n")
    out.flush()


def describe(recipe: str) -> int:
    """Print the arguments a recipe builds (for the parent: in this process,
    under the memory limit, in case building them is what went wrong)."""
    from hostile.runner import describe_here

    print(describe_here(recipe))
    return 0


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--examples", type=int, default=50)
    p.add_argument("--targets", default="")
    p.add_argument("--skip", type=int, default=0)
    p.add_argument("--mode", choices=("hypothesis", "sweep", "regressions"), default="hypothesis")
    p.add_argument("--memory-limit", type=int, default=0, help="RLIMIT_AS in bytes (0: none)")
    p.add_argument("--describe", default="", help="only print the arguments this recipe builds")
    a = p.parse_args(argv)
    if a.memory_limit:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (a.memory_limit, a.memory_limit))
    if a.describe:
        return describe(a.describe)
    # The protocol owns the real stdout; prints (and numpy's) go to stderr.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8", errors="backslashreplace")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    warnings.simplefilter("ignore")
    import mlmath.go  # noqa: F401 - load both backends before the first case
    import mlmath.reference  # noqa: F401
    from hostile import targets as ht

    names = [t for t in a.targets.split(",") if t] or ht.names()
    out.write("S\tready\n")
    out.flush()
    for k, name in enumerate(names):
        skip = a.skip if k == 0 else 0
        if a.mode != "hypothesis":
            list_target(name, skip, out, a.mode)
        else:
            run_target(name, a.examples, a.seed, skip, out)
    out.write("E\tdone\n")
    out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
