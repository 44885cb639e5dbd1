"""``python -m mlmath info``: what is installed and what loads."""

from __future__ import annotations

import platform
import sys

import numpy as np

from mlmath._version import __version__


def collect() -> dict[str, str]:
    """Facts about this installation, as an ordered mapping of label -> value."""
    info = {
        "mlmath": __version__,
        "python": f"{platform.python_version()} ({sys.executable})",
        "numpy": np.__version__,
        "backend reference": "loads",
    }
    try:
        from mlmath import go  # noqa: F401
        from mlmath._native import ffi, lib
        from mlmath.go._buffers import string_result
    except ImportError as e:
        info["backend go"] = f"does not load: {e}"
        return info
    import mlmath._native as native

    procs = ffi.new("int64_t *")
    lib.mlm_gomaxprocs(procs)
    info["backend go"] = "loads"
    info["go toolchain"] = string_result(lib.mlm_go_version, "go_version")
    info["GOMAXPROCS"] = str(procs[0])
    info["go kernel"] = string_result(lib.mlm_kernel, "kernel")
    if note := string_result(lib.mlm_kernel_note, "kernel_note"):
        info["go kernel note"] = note
    info["go kernels supported"] = string_result(lib.mlm_kernels_supported, "kernels_supported")
    info["cpu features"] = string_result(lib.mlm_cpu_features, "cpu_features") or "(none used: pure-Go build)"
    info["cpu"] = _cpu_model()
    info["extension"] = native.__file__
    info["library"] = _library_path(native.__file__)
    return info


def _cpu_model() -> str:
    """The CPU's model name, from /proc/cpuinfo (Linux), else platform's."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _library_path(extension: str) -> str:
    """The libmlmath.so the extension loaded, from /proc/self/maps (Linux)."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                if line.rstrip().endswith("libmlmath.so"):
                    return line.split()[-1]
    except OSError:
        pass
    from pathlib import Path

    return str(Path(extension).with_name("libmlmath.so"))


def run() -> int:
    info = collect()
    width = max(map(len, info))
    for key, value in info.items():
        print(f"{key:<{width}}  {value}")
    return 0 if info["backend go"] == "loads" else 1
