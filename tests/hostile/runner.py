"""The parent side: run hostile cases in a child process, catch crashes and hangs.

:func:`run` starts ``python -m hostile.worker`` (see there for the protocol)
and reads its reports. When the child dies (a signal: segfault, abort, a Go
fatal error; or any non-zero exit in the middle of a case) or stays silent
past ``timeout`` seconds in one case (killed then), the case it was running
is recorded with its recipe, a description of its arguments and the tail of
the child's stderr, and a new child resumes with the next case. Every case
can be rerun alone:

    .venv/bin/python tests/hostile repro "<recipe>"
"""

from __future__ import annotations

import ast
import collections
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
#: The child's address-space limit: a runaway allocation fails (MemoryError,
#: or a Go fatal error: a crash) instead of taking the machine's memory.
MEMORY_LIMIT = 6 << 30


@dataclass
class Report:
    cases: int = 0
    kinds: collections.Counter = field(default_factory=collections.Counter)
    per_target: collections.Counter = field(default_factory=collections.Counter)
    failures: list = field(default_factory=list)
    crashes: list = field(default_factory=list)
    hangs: list = field(default_factory=list)
    messages_differ: list = field(default_factory=list)
    error_classes: collections.Counter = field(default_factory=collections.Counter)
    target_seconds: collections.Counter = field(default_factory=collections.Counter)
    seconds: float = 0.0

    @property
    def calls(self) -> int:
        """Backend calls: each case runs once on each backend."""
        return 2 * self.cases

    @property
    def mismatches(self) -> list:
        return self.failures

    def ok(self) -> bool:
        return not (self.failures or self.crashes or self.hangs)

    def summary(self) -> str:
        from hostile.compare import FAILURES

        fails = collections.Counter(f["kind"] for f in self.failures)
        lines = [
            f"hostile cases: {self.cases} ({self.calls} backend calls) over {len(self.per_target)} targets in {self.seconds:.0f} s",
            "outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(self.kinds.items())),
            "the same exception from both: " + ", ".join(f"{k} {v}" for k, v in self.error_classes.most_common()),
            f"crashes: {len(self.crashes)}, hangs: {len(self.hangs)}, mismatches/defects: {len(self.failures)}"
            + (" (" + ", ".join(f"{k} {fails[k]}" for k in FAILURES if fails[k]) + ")" if self.failures else ""),
            f"same exception class but different messages: {len(self.messages_differ)}",
            "slowest targets (s): " + ", ".join(f"{k} {v:.1f}" for k, v in self.target_seconds.most_common(6)),
        ]
        return "\n".join(lines)

    def details(self, limit: int = 20) -> str:
        out = []
        for title, items in (("CRASH", self.crashes), ("HANG", self.hangs), ("FAILURE", self.failures)):
            for it in items[:limit]:
                out.append(f"== {title} {it.get('kind', '')} in {it['target']} (case {it['index']})")
                out.append(f"   recipe: {it['recipe']}")
                if it.get("args"):
                    out.append(f"   args:   {it['args']}")
                out.append("   " + it["detail"].replace("\n", "\n   "))
        return "\n".join(out)


def describe_recipe(recipe: str) -> str:
    """The built arguments of a recipe, described, by a child process (with
    the memory limit: building the arguments may be what crashed or hung)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(TESTS) + os.pathsep + env.get("PYTHONPATH", "")
    try:
        r = subprocess.run([sys.executable, "-m", "hostile.worker", "--memory-limit", str(MEMORY_LIMIT), "--describe", recipe],
                           cwd=TESTS, env=env, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "(building the arguments takes more than 60 s)"
    return r.stdout.strip() if r.returncode == 0 else f"(could not rebuild: exit {r.returncode}: {r.stderr[-300:]})"


def describe_here(recipe: str) -> str:
    """The built arguments of a recipe, described (shapes, dtypes, layout, values)."""
    from hostile import targets as ht
    from hostile import values as hv

    try:
        b = ht.build(ast.literal_eval(recipe))
        parts = [f"{k}={hv.describe(v, 200)}" for k, v in b.inputs.items()]
        if "bogus" in b.kwargs:
            parts.append("bogus=1.0 (an unknown keyword)")
        return ", ".join(parts)
    except Exception as e:  # noqa: BLE001
        return f"(could not rebuild: {type(e).__name__}: {e})"


def _spawn(targets, examples, seed, skip, errfile, mode):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(TESTS) + os.pathsep + env.get("PYTHONPATH", "")
    env.setdefault("PYTHONFAULTHANDLER", "1")  # a Python-level traceback on SIGSEGV/SIGABRT
    cmd = [sys.executable, "-m", "hostile.worker", "--seed", str(seed), "--examples", str(examples),
           "--targets", ",".join(targets), "--skip", str(skip), "--memory-limit", str(MEMORY_LIMIT), "--mode", mode]
    return subprocess.Popen(cmd, cwd=TESTS, env=env, stdout=subprocess.PIPE, stderr=errfile, stdin=subprocess.DEVNULL,
                            start_new_session=True)


def _kill(proc) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # the child's own process group (start_new_session)
    except ProcessLookupError:
        pass
    proc.wait()


def _tail(errfile, start: int, limit: int = 3000) -> str:
    errfile.flush()
    errfile.seek(start)
    text = errfile.read().decode("utf-8", "replace")
    return text[-limit:]


def run(targets: list[str], examples: int, seed: int = 0, timeout: float = 60.0, startup: float = 180.0,
        progress=None, mode: str = "hypothesis") -> Report:
    """Run ``examples`` recipes drawn by Hypothesis (``mode="sweep"``: the
    recipes of hostile.sweep) for each of ``targets`` in child processes;
    returns the Report."""
    rep = Report()
    t0 = time.monotonic()
    queue = list(targets)
    skip = 0
    with tempfile.TemporaryFile() as errfile:
        while queue:
            err_start = errfile.seek(0, os.SEEK_END)
            proc = _spawn(queue, examples, seed, skip, errfile, mode)
            sel = selectors.DefaultSelector()
            sel.register(proc.stdout, selectors.EVENT_READ)
            buf = b""
            current = None  # (target, index, recipe) of the case running
            ready = finished = False
            deadline = time.monotonic() + startup
            while True:
                wait = deadline - time.monotonic()
                events = sel.select(timeout=max(wait, 0)) if wait > 0 else []
                if not events:  # silent for too long: a hang
                    _kill(proc)
                    if current is None:
                        rep.hangs.append(dict(target=queue[0], index=-1, recipe="", detail="the worker hung outside a case\n" + _tail(errfile, err_start)))
                        queue.pop(0)
                        skip = 0
                    else:
                        target, idx, recipe = current
                        rep.hangs.append(dict(target=target, index=idx, recipe=recipe, args=describe_recipe(recipe),
                                              detail=f"no answer after {timeout:.0f} s: killed\n" + _tail(errfile, err_start)))
                        rep.cases += 1
                        rep.per_target[target] += 1
                        skip = idx + 1
                    break
                chunk = os.read(proc.stdout.fileno(), 1 << 16)
                if not chunk:  # the child exited
                    rc = proc.wait()
                    if finished and rc == 0:
                        queue.clear()
                        break
                    how = f"killed by signal {signal.Signals(-rc).name}" if rc < 0 else f"exited with status {rc}"
                    tail = _tail(errfile, err_start)
                    if current is None:
                        rep.crashes.append(dict(target=queue[0] if queue else "?", index=-1, recipe="",
                                                detail=f"the worker {how} outside a case\n{tail}"))
                        if queue:
                            queue.pop(0)
                        skip = 0
                    else:
                        target, idx, recipe = current
                        rep.crashes.append(dict(target=target, index=idx, recipe=recipe, args=describe_recipe(recipe),
                                                detail=f"the worker {how}\n{tail}"))
                        rep.cases += 1
                        rep.per_target[target] += 1
                        skip = idx + 1
                    break
                buf += chunk
                *lines, buf = buf.split(b"\n")
                for raw in lines:
                    line = raw.decode("utf-8", "replace")
                    tag, _, rest = line.partition("\t")
                    if tag == "S":
                        ready = True
                    elif tag == "C":
                        target, idx, recipe = rest.split("\t", 2)
                        current = (target, int(idx), recipe)
                        started = time.monotonic()
                    elif tag == "R" and current is not None:
                        verdict = json.loads(rest)
                        target, idx, recipe = current
                        rep.cases += 1
                        rep.per_target[target] += 1
                        rep.target_seconds[target] += time.monotonic() - started
                        rep.kinds[verdict["kind"]] += 1
                        from hostile.compare import FAILURES

                        if verdict["kind"] in FAILURES:
                            rep.failures.append(dict(target=target, index=idx, recipe=recipe, kind=verdict["kind"],
                                                     args=verdict.get("args", ""), detail=verdict["detail"]))
                        elif verdict["kind"] == "same-error":
                            rep.error_classes[verdict["detail"].split()[0]] += 1
                            if verdict.get("messages"):
                                rep.messages_differ.append(dict(target=target, recipe=recipe, messages=verdict["messages"]))
                        current = None
                        if progress and rep.cases % 1000 == 0:
                            progress(rep)
                    elif tag == "T":
                        if queue and queue[0] == rest.split("\t")[0]:
                            queue.pop(0)
                        skip = 0
                    elif tag == "E":
                        finished = True
                deadline = time.monotonic() + (timeout if ready else startup)
            sel.close()
            proc.stdout.close()
    rep.seconds = time.monotonic() - t0
    return rep
