"""Status codes of libmlmath and the one place where they become exceptions.

The codes mirror ``enum mlm_status`` in bindings/mlmath.h (read through cffi,
so they cannot drift). Python validates before calling Go, so an error status
from Go usually means the wrapper and Go disagree about a rule: the message
says which function and which code.
"""

from __future__ import annotations

import numpy as np

from mlmath._native import lib

OK: int = lib.MLM_OK

#: status -> (exception class, message); the message follows the function name.
_ERRORS: dict[int, tuple[type[Exception], str]] = {
    lib.MLM_ERR_SHAPE: (ValueError, "array shapes do not match"),
    lib.MLM_ERR_DOMAIN: (ValueError, "argument outside its domain"),
    lib.MLM_ERR_ARGUMENT: (ValueError, "invalid argument (negative size or NULL buffer)"),
    lib.MLM_ERR_SINGULAR: (np.linalg.LinAlgError, "Singular matrix"),
    lib.MLM_ERR_NOT_FINITE: (np.linalg.LinAlgError, "Array must not contain infs or NaNs"),
    lib.MLM_ERR_NO_CONVERGENCE: (np.linalg.LinAlgError, "did not converge"),
    lib.MLM_ERR_BUFFER_TOO_SMALL: (RuntimeError, "output buffer too small"),
    lib.MLM_ERR_NOT_POSITIVE_DEFINITE: (np.linalg.LinAlgError, "Matrix is not positive definite"),
    lib.MLM_ERR_PANIC: (RuntimeError, "internal error: a Go panic was recovered (a bug in mlmath, please report it)"),
}


def error(status: int, func: str) -> Exception:
    """The exception for a non-OK ``status`` returned by ``func``."""
    cls, msg = _ERRORS.get(status, (RuntimeError, f"unknown status code {status}"))
    return cls(f"{func}: {msg}")


def check(status: int, func: str) -> None:
    """Raise the exception for ``status`` unless it is MLM_OK."""
    if status != OK:
        raise error(status, func)
