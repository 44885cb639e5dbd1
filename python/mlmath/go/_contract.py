"""``same_contract``: a Go wrapper documents itself by its reference twin."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])


def same_contract(reference_func: Callable[..., object]) -> Callable[[_F], _F]:
    """Give the decorated Go wrapper the docstring of ``reference_func``.

    The wrapper keeps its own code and signature (tests check the signatures
    are identical); only the documentation is shared, so the two backends
    cannot drift apart in what they promise.
    """

    def decorate(func: _F) -> _F:
        func.__doc__ = (
            f"Go backend of :func:`{reference_func.__module__}.{reference_func.__name__}`: "
            f"same contract.\n\n{reference_func.__doc__ or ''}"
        )
        return func

    return decorate
