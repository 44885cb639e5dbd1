"""Command line of the hostile-input engine.

    .venv/bin/python tests/hostile run [--examples N] [--seed S] [--targets a,b] [--timeout T]
        hostile cases through the child-process runner; prints the summary
        and every crash, hang and mismatch (exit status 1 if any)
    .venv/bin/python tests/hostile repro "<recipe>"
        one case, in this process, verbosely: its arguments, what each
        backend did and the verdict (paste the recipe from a report)
    .venv/bin/python tests/hostile targets
        the targets and their argument slots
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="tests/hostile")
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("--examples", type=int, default=100, help="cases per target")
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--targets", default="", help="comma-separated (default: all)")
    r.add_argument("--timeout", type=float, default=60.0, help="seconds one case may take")
    r.add_argument("--details", type=int, default=50, help="how many failures of each sort to print")
    r.add_argument("--sweep", action="store_true", help="the deterministic sweep (hostile.sweep) instead of Hypothesis")
    r.add_argument("--messages", type=int, default=0, help="print this many cases whose two messages differ")
    rp = sub.add_parser("repro")
    rp.add_argument("recipe")
    sub.add_parser("targets")
    a = p.parse_args(argv)

    from hostile import targets as ht

    if a.cmd == "targets":
        for name in ht.names():
            t = ht.get(name)
            print(f"{name} [{t.rule}]: " + ", ".join(f"{s.name}:{s.kind}" for s in t.slots))
        return 0
    if a.cmd == "repro":
        import resource
        import warnings

        from hostile.runner import MEMORY_LIMIT

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

        import mlmath.go
        import mlmath.reference
        from hostile import compare
        from hostile import values as hv

        recipe = ast.literal_eval(a.recipe)
        b = ht.build(recipe)
        print(f"target {recipe[0]}: args {len(b.args)}, keywords {sorted(b.kwargs)}")
        for k, v in b.inputs.items():
            print(f"  {k} = {hv.describe(v, 1000)}")
        warnings.simplefilter("ignore")
        for mod in (mlmath.reference, mlmath.go):
            out = compare.run(ht.build(recipe), mod)
            print(f"{mod.__name__}: {out!r}")
            if out.exc is not None:
                print("   " + out.tb.replace("\n", "\n   "))
        print("verdict:", compare.judge(recipe))
        return 0
    from hostile import runner

    names = [t for t in a.targets.split(",") if t] or ht.names()
    rep = runner.run(names, a.examples, seed=a.seed, timeout=a.timeout, mode="sweep" if a.sweep else "hypothesis",
                     progress=lambda r: print(f"  ... {r.cases} cases", file=sys.stderr, flush=True))
    print(rep.summary())
    for m in rep.messages_differ[: a.messages]:
        print(f"-- messages differ in {m['target']}: {m['recipe']}\n   reference: {m['messages'][0]}\n   go:        {m['messages'][1]}")
    if not rep.ok():
        print(rep.details(a.details))
    return 0 if rep.ok() else 1


if __name__ == "__main__":
    sys.exit(main())
