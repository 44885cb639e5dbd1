"""Shared fixtures: every behaviour test runs on both backends.

``backend`` is parametrized over ``mlmath.reference`` and ``mlmath.go``. The
Go backend is imported, not skipped: if its library does not load, every go
test errors, so a broken build cannot pass as "skipped".
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs Hypothesis derandomized (HYPOTHESIS_PROFILE=ci, set by .ci/run): the
# same examples for the same code, so a red CI is reproducible and never a
# coin toss. Local runs (the default profile) keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

sys.path.insert(0, str(Path(__file__).resolve().parent))

BACKENDS = ("reference", "go")


@pytest.fixture(params=BACKENDS)
def backend(request):
    """The backend module under test: mlmath.reference or mlmath.go."""
    return importlib.import_module(f"mlmath.{request.param}")


@pytest.fixture(scope="session")
def go_backend():
    return importlib.import_module("mlmath.go")
