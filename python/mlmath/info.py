"""``python -m mlmath info``: everything a bug report needs.

What is installed and where (a source checkout or a wheel), the machine (OS,
kernel, libc, CPU model and the SIMD flags the kernels choose by), numpy and
its BLAS (as built, and at run time when threadpoolctl is there to ask),
cffi, the optional dependencies, the environment variables that change
results or speed, and the Go backend: whether it loads, the Go that built it,
the kernel it chose, GOMAXPROCS, the library's path.
"""

from __future__ import annotations

import json
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

import numpy as np

import mlmath
from mlmath._version import __version__

# Environment variables that change what runs: the Go kernel set, Go's
# threads and runtime, OpenBLAS's kernel and threads (and how long its idle
# workers spin, which decides how Go calls fare next to numpy's).
ENV_VARS = ("MLMATH_KERNEL", "GOMAXPROCS", "GODEBUG", "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS", "OPENBLAS_THREAD_TIMEOUT", "OMP_NUM_THREADS")
# The CPU flags the Go kernels and OpenBLAS choose by.
CPU_FLAGS = ("avx2", "fma", "avx512f")
# Optional dependencies (distribution names): sympy for the reference's
# symbolic derivative, matplotlib and tqdm for the demo, scipy and
# scikit-learn for the tests and the demo's comparison.
OPTIONAL = ("scipy", "sympy", "scikit-learn", "matplotlib", "tqdm", "threadpoolctl")


def collect() -> dict[str, str]:
    """Facts about this installation, as an ordered mapping of label -> value."""
    info = {
        "mlmath": __version__,
        "install": _install_kind(),
        "location": str(Path(mlmath.__file__).resolve().parent),
        "python": f"{platform.python_version()} {platform.python_implementation()} ({sys.executable})",
        "os": _os_name(),
        "kernel": f"{platform.system()} {platform.release()} {platform.machine()}",
        "libc": " ".join(platform.libc_ver()) or "unknown",
        "cpu": _cpu_model(),
        "cpu flags": _cpu_flags(),
        "cpus": _cpus(),
        "numpy": np.__version__,
        "numpy blas": _numpy_blas(),
        "blas at run time": _blas_runtime(),
        "cffi": _version("cffi"),
        "optional": ", ".join(f"{name} {_version(name)}" for name in OPTIONAL),
        "environment": " ".join(f"{k}={os.environ[k]}" for k in ENV_VARS if k in os.environ) or f"(none of {', '.join(ENV_VARS)} set)",
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
    info["built with"] = _built_with(Path(native.__file__))
    info["GOMAXPROCS"] = str(procs[0])
    info["go kernel"] = string_result(lib.mlm_kernel, "kernel")
    if note := string_result(lib.mlm_kernel_note, "kernel_note"):
        info["go kernel note"] = note
    info["go kernels supported"] = string_result(lib.mlm_kernels_supported, "kernels_supported")
    info["cpu features"] = string_result(lib.mlm_cpu_features, "cpu_features") or "(none used: pure-Go build)"
    info["extension"] = native.__file__
    import mlmath._fastpath as fastpath

    info["small-call path"] = fastpath.__file__
    info["library"] = _library_path(native.__file__)
    return info


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def _install_kind() -> str:
    """A source checkout (python/ on the path, as `make build` sets up), or
    what pip installed it from (PEP 610's direct_url.json)."""
    package = Path(mlmath.__file__).resolve().parent
    checkout = package.parent.parent
    try:
        dist = metadata.distribution("mlmath")
        url = json.loads(dist.read_text("direct_url.json") or "{}")
    except metadata.PackageNotFoundError:
        dist, url = None, {}
    if (checkout / "bindings" / "mlmath.h").is_file() and (checkout / "go" / "go.mod").is_file():
        editable = url.get("dir_info", {}).get("editable") and url.get("url") == checkout.as_uri()
        return f"source checkout {checkout}" + (" (pip editable install)" if editable else "")
    if dist is None:
        return "not a source checkout, no pip metadata"
    if not url:
        return f"installed {dist.version} (from an index)"
    editable = " (editable)" if url.get("dir_info", {}).get("editable") else ""
    kind = "wheel" if url.get("url", "").endswith(".whl") else "built from source"
    return f"installed {dist.version}: {kind}{editable}, {url.get('url', '?')}"


def _os_name() -> str:
    """PRETTY_NAME of /etc/os-release (Linux), else platform's name."""
    try:
        return platform.freedesktop_os_release().get("PRETTY_NAME") or platform.platform()
    except (OSError, AttributeError):
        return platform.platform()


def _cpuinfo_field(name: str) -> str | None:
    """The first value of a /proc/cpuinfo field (Linux), or None."""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key.strip() == name:
                    return value.strip()
    except OSError:
        pass
    return None


def _cpu_model() -> str:
    """The CPU's model name, from /proc/cpuinfo (Linux), else platform's."""
    return _cpuinfo_field("model name") or platform.processor() or platform.machine()


def _cpu_flags() -> str:
    """Which of CPU_FLAGS the CPU has (/proc/cpuinfo), e.g. ``avx2 fma -avx512f``."""
    flags = _cpuinfo_field("flags")
    if flags is None:
        return "unknown (no /proc/cpuinfo)"
    have = set(flags.split())
    return " ".join(f if f in have else f"-{f}" for f in CPU_FLAGS)


def _cpus() -> str:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    return f"{os.cpu_count()} ({usable} usable by this process)" if usable is not None else str(os.cpu_count())


def _numpy_blas() -> str:
    """numpy's BLAS as built: name, version and OpenBLAS's configuration."""
    try:
        config = np.show_config(mode="dicts")  # numpy >= 1.26
        blas = config["Build Dependencies"]["blas"]
    except (TypeError, KeyError):
        return "unknown (numpy < 1.26 has no show_config(mode='dicts'))"
    text = f"{blas.get('name', '?')} {blas.get('version', '?')}"
    if extra := " ".join(str(blas.get("openblas configuration", "")).split()):
        text += f" ({extra})"
    return text


def _blas_runtime() -> str:
    """The BLAS libraries loaded now, their kernel and threads (threadpoolctl, if installed)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "(threadpoolctl not installed: pip install threadpoolctl to see the kernel OpenBLAS chose)"
    found = [
        f"{lib.get('internal_api')} {lib.get('version')} core {lib.get('architecture', '?')}, {lib.get('num_threads')} threads"
        for lib in threadpool_info()
        if lib.get("user_api") == "blas"
    ]
    return "; ".join(found) or "(none loaded)"


def _built_with(extension: Path) -> str:
    """How the installed library was built (``_build_info.json``, written by
    setup.py into wheels), or that a source checkout does not record it."""
    path = extension.with_name("_build_info.json")
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError):
        return "(not recorded: built in place by make build or an editable install; go toolchain above)"
    settings = " ".join(f"{k}={v}" for k, v in record.get("go_build", {}).items())
    return f"{record.get('go')} from {record.get('go_source')} ({record.get('go_path')}); {settings}; C compiler: {record.get('cc')}"


def _library_path(extension: str) -> str:
    """The libmlmath.so the extension loaded, from /proc/self/maps (Linux)."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                if line.rstrip().endswith("libmlmath.so"):
                    return line.split()[-1]
    except OSError:
        pass
    return str(Path(extension).with_name("libmlmath.so"))


def run() -> int:
    info = collect()
    width = max(map(len, info))
    for key, value in info.items():
        print(f"{key:<{width}}  {value}")
    return 0 if info["backend go"] == "loads" else 1
