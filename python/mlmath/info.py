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
    info["extension"] = native.__file__
    info["library"] = _library_path(native.__file__)
    return info


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
