"""``make soak``: the long run of issue 11, outside ``make test``.

1. Hostile inputs, at least 100,000 cases (each runs on both backends),
   through the child-process runner of tests/hostile: the deterministic sweep
   (every single mutation of every argument of every target), the bug log's
   regression recipes, then Hypothesis-drawn combinations with a seed
   (printed; ``--seed`` repeats a run) for the rest. Prints the number of
   cases and backend calls, crashes, hangs and mismatches, each failure with
   its recipe (``tests/hostile repro "<recipe>"`` reruns it).
2. Memory: for each family of functions, ``--calls`` (default 1,000,000)
   small calls on the Go backend in a fresh process, RSS sampled (see
   tests/hostile/memory.py); prints family, calls, RSS after the warmup, at
   the end, the peak, the growth, and fails when a family grows by more than
   memory.LIMIT_MB.

The full text of every failure goes to build/soak/report.txt. Exit status 1
on any crash, hang, mismatch or growth.

    .venv/bin/python tests/soak.py [--cases 100000] [--seed S] [--calls 1000000]
                                   [--families a,b] [--skip-hostile] [--skip-memory]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
sys.path.insert(0, str(TESTS))


def hostile(cases: int, seed: int, out: list[str]) -> bool:
    from hostile import regressions, runner, sweep
    from hostile import targets as ht

    names = ht.names()
    reports = []

    def progress(rep):
        print(f"   ... {rep.cases} cases, {len(rep.crashes)} crashes, {len(rep.hangs)} hangs, {len(rep.failures)} failures",
              flush=True)

    print(f"== hostile inputs: the sweep ({sum(len(sweep.recipes(n)) for n in names)} cases)", flush=True)
    reports.append(("sweep", runner.run(names, 0, mode="sweep", progress=progress)))
    print("== hostile inputs: the regression recipes", flush=True)
    reports.append(("regressions", runner.run(regressions.targets(), 0, mode="regressions")))
    done = sum(r.cases for _, r in reports)
    per_target = max(1, math.ceil((cases - done) / len(names)))
    print(f"== hostile inputs: Hypothesis, seed {seed}, {per_target} cases per target", flush=True)
    reports.append((f"hypothesis (seed {seed})", runner.run(names, per_target, seed=seed, progress=progress)))

    total = sum(r.cases for _, r in reports)
    crashes = sum(len(r.crashes) for _, r in reports)
    hangs = sum(len(r.hangs) for _, r in reports)
    failures = sum(len(r.failures) for _, r in reports)
    print()
    for title, r in reports:
        print(f"-- {title}\n{r.summary()}")
        out.append(f"-- {title}\n{r.summary()}\n{r.details(10**6)}")
        for m in r.messages_differ:
            out.append(f"messages differ in {m['target']}: {m['recipe']}\n   reference: {m['messages'][0]}\n   go:        {m['messages'][1]}")
    print(f"\nHOSTILE TOTAL: {total} cases ({2 * total} backend calls), {crashes} crashes, {hangs} hangs, {failures} mismatches/defects")
    return total >= cases and crashes == hangs == failures == 0


def memory(calls: int, families: list[str], out: list[str]) -> bool:
    from hostile import memory as hm

    env = dict(os.environ)
    env["PYTHONPATH"] = str(TESTS) + os.pathsep + env.get("PYTHONPATH", "")
    rows = []
    print(f"\n== memory: {calls} calls per family on the Go backend (growth limit {hm.LIMIT_MB} MB after a {hm.WARMUP}% warmup)", flush=True)
    header = f"{'family':<15} {'calls':>9} {'s':>6} {'RSS warmup MB':>14} {'RSS end MB':>11} {'peak MB':>8} {'growth MB':>10}  ok"
    print(header, flush=True)
    ok = True
    for fam in families:
        r = subprocess.run([sys.executable, "-m", "hostile.memory", "--family", fam, "--calls", str(calls)], cwd=TESTS, env=env,
                           capture_output=True, text=True, timeout=3600)
        if r.returncode != 0:
            ok = False
            print(f"{fam:<15} FAILED (exit {r.returncode})\n{r.stderr[-2000:]}", flush=True)
            out.append(f"memory {fam} failed:\n{r.stderr}")
            continue
        d = json.loads(r.stdout.strip().splitlines()[-1])
        good = d["growth_mb"] <= hm.LIMIT_MB
        ok &= good
        rows.append(d)
        print(f"{fam:<15} {d['calls']:>9} {d['seconds']:>6.0f} {d['rss_warmup_mb']:>14.1f} {d['rss_end_mb']:>11.1f} "
              f"{max(d['peak_mb'], max(d['trend'])):>8.1f} {d['growth_mb']:>10.2f}  {'yes' if good else 'NO'}", flush=True)
        out.append(f"memory {fam}: {json.dumps(d)}")
    return ok


def main(argv=None) -> int:
    from hostile import memory as hm

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cases", type=int, default=100_000, help="hostile cases at least (each runs on both backends)")
    p.add_argument("--seed", type=int, default=None, help="Hypothesis seed (default: from the clock, printed)")
    p.add_argument("--calls", type=int, default=1_000_000, help="calls per memory family")
    p.add_argument("--families", default="", help="comma-separated memory families (default: all)")
    p.add_argument("--skip-hostile", action="store_true")
    p.add_argument("--skip-memory", action="store_true")
    a = p.parse_args(argv)
    seed = a.seed if a.seed is not None else int(time.time()) % 100_000
    out: list[str] = []
    t0 = time.monotonic()
    ok = True
    if not a.skip_hostile:
        ok &= hostile(a.cases, seed, out)
    if not a.skip_memory:
        fams = [f for f in a.families.split(",") if f] or list(hm.FAMILY_NAMES)
        ok &= memory(a.calls, fams, out)
    report = ROOT / "build" / "soak" / "report.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n\n".join(out) + "\n")
    print(f"\nsoak {'PASSED' if ok else 'FAILED'} in {time.monotonic() - t0:.0f} s (seed {seed}); details in {report.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
