"""Fail clearly, instead of hanging, in a child forked after Go started.

The Go runtime starts its threads when libmlmath.so loads; ``fork()`` copies
only the calling thread, so a child that calls Go hangs as soon as Go needs
another thread (golang/go#15538). After a fork, the child's wrappers see a
stand-in for the library whose every function raises RuntimeError. The swap
happens once, at fork time, so calls in the parent cost nothing extra.
"""

from __future__ import annotations

import os
import sys

MESSAGE = (
    "mlmath.go cannot run in a process forked after the Go library was loaded "
    "(the Go runtime does not survive fork). With multiprocessing, use the "
    "'spawn' or 'forkserver' start method: multiprocessing.set_start_method('spawn')."
)


class ForkedLibrary:
    """Stands in for cffi's ``lib`` in a forked child: constants still read,
    every function call raises RuntimeError."""

    def __init__(self, lib):
        self._lib = lib

    def __getattr__(self, name):
        value = getattr(self._lib, name)
        if not callable(value):
            return value

        def refuse(*args, **kwargs):
            raise RuntimeError(f"{name}: {MESSAGE}")

        return refuse


def _after_fork_in_child() -> None:
    from mlmath._native import lib

    stand_in = ForkedLibrary(lib)
    # Hot wrappers bind an export once (``_mlm_dot = lib.mlm_dot``): rebind
    # those names too, found by identity with the library's functions.
    exports = {id(f): name for name in dir(lib) if callable(f := getattr(lib, name))}
    for name, module in list(sys.modules.items()):
        if not (name == "mlmath.go" or name.startswith("mlmath.go.")):
            continue
        if getattr(module, "lib", None) is lib:
            module.lib = stand_in
        for attr, value in list(vars(module).items()):
            if id(value) in exports and value is getattr(lib, exports[id(value)]):
                setattr(module, attr, getattr(stand_in, exports[id(value)]))


def install() -> None:
    """Register the fork hook (once per process)."""
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_after_fork_in_child)
