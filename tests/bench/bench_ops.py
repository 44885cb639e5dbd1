"""The same workload for pytest-benchmark, for its comparison tools.

``make bench`` (run.py) is the main entry: it also times interleaved rounds,
Go-native code, and writes the JSON and plots. This file runs the isolated
rounds through pytest-benchmark instead, for ``--benchmark-compare``,
``--benchmark-histogram`` and friends::

    .venv/bin/python -m pytest tests/bench/bench_ops.py --benchmark-only -k "dot and 1000000"

Not collected by ``make test`` (the name does not start with ``test_``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import workload  # noqa: E402

CASES = [(op, n) for op in workload.OPS for n in op.sizes]


@pytest.mark.parametrize("impl", workload.IMPLS)
@pytest.mark.parametrize("op, n", CASES, ids=[f"{op.name}-{n}" for op, n in CASES])
def test_op(benchmark, op, n, impl):
    funcs = workload.functions(op, n)
    if impl not in funcs:
        pytest.skip(f"{op.name} has no {impl} implementation")
    benchmark.group = f"{op.name} n={n}"
    benchmark.extra_info.update(op=op.name, n=n, impl=impl)
    benchmark(funcs[impl], *op.args(n))
