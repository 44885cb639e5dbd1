"""Progress bars for the demo's long steps: tqdm when it is installed, nothing otherwise.

Bars go to stderr and only when it is a terminal (tqdm's ``disable=None``),
so a piped or captured run prints the tables alone. Lines printed while a
bar is shown go through :func:`write`, which keeps them above the bars.
"""

from __future__ import annotations


class _NoBar:
    """What :func:`bar` returns without tqdm: accepts the calls, shows nothing."""

    def update(self, n: int = 1) -> None:
        pass

    def set_description(self, desc: str) -> None:
        pass

    def set_postfix_str(self, s: str, refresh: bool = True) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


def available() -> bool:
    try:
        import tqdm  # noqa: F401
    except ImportError:
        return False
    return True


def bar(total: int | None, desc: str, unit: str = "it", leave: bool = False):
    """A tqdm bar (or a silent stand-in) of ``total`` steps."""
    try:
        from tqdm import tqdm
    except ImportError:
        return _NoBar()
    return tqdm(total=total, desc=desc, unit=unit, leave=leave, disable=None, dynamic_ncols=True)


def write(text: str) -> None:
    """Print ``text`` (to stdout) above any bar being shown."""
    try:
        from tqdm import tqdm
    except ImportError:
        print(text, flush=True)
        return
    tqdm.write(text)
