"""The machine a benchmark ran on: CPU, Go kernel, numpy's BLAS, relevant env vars."""

from __future__ import annotations

import json
import os
import platform
import subprocess
from pathlib import Path

import numpy as np

ENV_VARS = ("MLMATH_KERNEL", "GOMAXPROCS", "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OPENBLAS_THREAD_TIMEOUT", "OMP_NUM_THREADS")
BLAS_KEYS = ("internal_api", "architecture", "num_threads", "version", "prefix")


def _lscpu() -> dict[str, str]:
    """lscpu's "Key: value" lines, or {} when lscpu is not there."""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True, env={**os.environ, "LC_ALL": "C"}).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def _cpuinfo(key: str) -> str:
    """The first value of ``key`` in /proc/cpuinfo, or ""."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k.strip() == key:
                    return v.strip()
    except OSError:
        pass
    return ""


def cpu() -> dict:
    """Model name, whether the flags include avx512f, and the usable CPU count."""
    lscpu = _lscpu()
    model = lscpu.get("Model name") or _cpuinfo("model name") or platform.processor() or "unknown"
    flags = (lscpu.get("Flags") or _cpuinfo("flags")).split()
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"model": model, "avx512f": "avx512f" in flags, "nproc": nproc}


def go_backend() -> dict:
    """The Go kernel in use and the CPU features, as mlmath reports them."""
    from mlmath import info

    facts = info.collect()
    return {
        "go kernel": facts.get("go kernel"),
        "go kernels supported": facts.get("go kernels supported"),
        "cpu features": facts.get("cpu features"),
        "go toolchain": facts.get("go toolchain"),
        "GOMAXPROCS": facts.get("GOMAXPROCS"),
        "mlmath": facts.get("mlmath"),
    }


def blas() -> list[dict]:
    """numpy's BLAS libraries as threadpoolctl sees them (OpenBLAS core type, threads, version)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return [{"error": "threadpoolctl is not installed"}]
    return [{k: lib.get(k) for k in BLAS_KEYS} for lib in threadpool_info() if lib.get("user_api") == "blas"]


def collect() -> dict:
    """Everything above, plus numpy's and Python's versions and the env vars that matter."""
    return {
        "cpu": cpu(),
        "go": go_backend(),
        "numpy": np.__version__,
        "blas": blas(),
        "python": platform.python_version(),
        "env": {k: os.environ[k] for k in ENV_VARS if k in os.environ},
    }


def describe(m: dict) -> str:
    """One line: CPU model, avx512f yes/no, Go kernel (and MLMATH_KERNEL when it pins it)."""
    kernel = m["go"].get("go kernel") or "unknown"
    if "MLMATH_KERNEL" in m["env"]:
        kernel += f" (MLMATH_KERNEL={m['env']['MLMATH_KERNEL']})"
    return f"{m['cpu']['model']}, avx512f {'yes' if m['cpu']['avx512f'] else 'no'}, Go kernel {kernel}"


def blas_line(m: dict) -> str:
    """One line per BLAS: e.g. "openblas 0.3.31 SkylakeX, 2 threads"."""
    libs = [f"{b.get('internal_api')} {b.get('version')} {b.get('architecture')}, {b.get('num_threads')} threads" for b in m["blas"]]
    return "; ".join(libs) or "none found"


def banner(what: str, m: dict) -> str:
    """The first line of a family run on its own: what runs, on which machine."""
    return f"mlmath {what} on {describe(m)}, {m['cpu']['nproc']} CPUs, GOMAXPROCS {m['go'].get('GOMAXPROCS')}"


def write_json(doc: dict, path: Path) -> None:
    """Write a run's results (and say so)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=1))
    print(f"Wrote {path}")
