"""Fail clearly, instead of hanging, in a child forked after Go started.

The Go runtime starts its threads when libmlmath.so loads; ``fork()`` copies
only the calling thread, so a child that calls Go hangs as soon as Go needs
another thread (golang/go#15538). After a fork, the child's wrappers (and
any code importing ``mlmath._native.lib`` later, such as mlmath.info) see a
stand-in for the library whose every function raises RuntimeError. The swap
happens once, at fork time, so calls in the parent cost nothing extra.
"""

from __future__ import annotations

import os
import sys
from types import FrameType
from typing import NoReturn

_CAUSE = (
    "mlmath.go cannot run in a process forked after the Go library was loaded "
    "(the Go runtime does not survive fork)."
)
MESSAGE = (
    f"{_CAUSE} With multiprocessing, use the 'spawn' or 'forkserver' start method: "
    "multiprocessing.set_start_method('spawn')."
)
#: The message when multiprocessing's forkserver made the fork: the user did
#: choose "forkserver", but the server itself had imported mlmath.go.
FORKSERVER_MESSAGE = (
    f"{_CAUSE} This process was forked by multiprocessing's forkserver, which had imported "
    "mlmath.go: the modules it preloads (set_forkserver_preload(); recent Pythons "
    "also preload the main module by default, CPython gh-126631) must not import "
    "mlmath.go at module level. Call multiprocessing.set_forkserver_preload([]) "
    "before starting the processes, import mlmath.go inside the worker function, "
    "or use the 'spawn' start method."
)


class ForkedLibrary:
    """Stands in for cffi's ``lib`` in a forked child: constants still read,
    every function call raises RuntimeError."""

    def __init__(self, lib: object, message: str = MESSAGE) -> None:
        self._lib = lib
        self._message = message

    def __getattr__(self, name: str) -> object:
        value = getattr(self._lib, name)
        if not callable(value):
            return value

        message = self._message

        def refuse(*args: object, **kwargs: object) -> NoReturn:
            raise RuntimeError(f"{name}: {message}")

        return refuse


def _after_fork_in_child() -> None:
    import mlmath._native as native

    lib = native.lib
    if isinstance(lib, ForkedLibrary):  # a fork of a forked child: already swapped
        return
    stand_in = ForkedLibrary(lib, FORKSERVER_MESSAGE if _forked_by_forkserver() else MESSAGE)
    # Code that imports the library when it runs (mlmath.info's
    # ``from mlmath._native import lib``) gets the stand-in too.
    native.lib = stand_in
    if sys.modules.get("mlmath._native.lib") is lib:
        sys.modules["mlmath._native.lib"] = stand_in  # type: ignore[assignment]  # (cffi's lib is a module; its stand-in need not be)
    # A wrapper that binds an export once (``_f = lib.mlm_f``) would keep it: rebind
    # those names too, found by identity with the library's functions.
    exports = {id(f): name for name in dir(lib) if callable(f := getattr(lib, name))}
    for name, module in list(sys.modules.items()):
        if not (name == "mlmath.go" or name.startswith("mlmath.go.")):
            continue
        if getattr(module, "lib", None) is lib:
            vars(module)["lib"] = stand_in
        for attr, value in list(vars(module).items()):
            if id(value) in exports and value is getattr(lib, exports[id(value)]):
                setattr(module, attr, getattr(stand_in, exports[id(value)]))


def _forked_by_forkserver() -> bool:
    """Whether this fork was made by multiprocessing's forkserver: its main
    loop, which calls os.fork(), is on the stack of the fork hook."""
    frame: FrameType | None = sys._getframe()
    while frame is not None:
        code = frame.f_code
        if code.co_name == "main" and code.co_filename.endswith(os.path.join("multiprocessing", "forkserver.py")):
            return True
        frame = frame.f_back
    return False


def install() -> None:
    """Register the fork hook (once per process)."""
    if hasattr(os, "register_at_fork"):
        os.register_at_fork(after_in_child=_after_fork_in_child)
