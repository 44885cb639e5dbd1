"""One check for the tests of bad input: both backends raise the same class with the same message."""

from __future__ import annotations

import pytest


def assert_same_error(go_backend, call, exc, fragment: str = "") -> str:
    """``call(backend)`` raises ``exc`` on the reference and on Go, both
    messages contain ``fragment`` and are equal; returns the message."""
    from mlmath import reference

    messages = []
    for backend in (reference, go_backend):
        with pytest.raises(exc) as info:
            call(backend)
        assert fragment in str(info.value), f"{backend.__name__}: {info.value!r} lacks {fragment!r}"
        messages.append(str(info.value))
    assert messages[0] == messages[1], f"backends differ: {messages}"
    return messages[0]
