"""Types of the cffi extension ``mlmath._native`` (built by bindings/build_ffi.py).

``ffi`` is typed as far as mlmath uses it: the cells it allocates read and
write as Python numbers (``ffi.new(DOUBLE1)[0]`` is a float, an
``int64_t *`` an int). ``lib``, the functions and constants of
bindings/mlmath.h, is Any: the header is the one source of truth for the C
boundary, and every wrapper checks the status a function returns.

The classes below exist only for the type checker: import them under
``typing.TYPE_CHECKING``.
"""

from collections.abc import Callable
from typing import Any, Generic, Literal, TypeVar, overload

_T = TypeVar("_T")
_F = TypeVar("_F", bound=Callable[..., Any])

class CData:
    """A C pointer, array or handle (cffi's CData)."""

class Cells(CData, Generic[_T]):
    """A pointer to, or an array of, C numbers that read and write as ``_T``."""

    def __getitem__(self, index: int, /) -> _T: ...
    def __setitem__(self, index: int, value: _T, /) -> None: ...

class CType(Generic[_T]):
    """A C array type from ``ffi.typeof``, of elements that read as ``_T``."""


_Doubles = Literal["double *", "double[]", "double[1]"]

class FFI:
    NULL: CData
    @overload
    def typeof(self, cdecl: _Doubles, /) -> CType[float]: ...
    @overload
    def typeof(self, cdecl: str, /) -> CType[Any]: ...
    @overload
    def new(self, cdecl: CType[_T], init: Any = ..., /) -> Cells[_T]: ...
    @overload
    def new(self, cdecl: _Doubles, init: Any = ..., /) -> Cells[float]: ...
    @overload
    def new(self, cdecl: Literal["int64_t *"], init: int = ..., /) -> Cells[int]: ...
    @overload
    def new(self, cdecl: Literal["char[]"], init: int | bytes, /) -> Cells[bytes]: ...
    @overload
    def new(self, cdecl: str, init: Any = ..., /) -> CData: ...
    @overload
    def from_buffer(self, cdecl: CType[_T], python_buffer: Any, /, require_writable: bool = ...) -> Cells[_T]: ...
    @overload
    def from_buffer(self, cdecl: Literal["double[]"], python_buffer: Any, /, require_writable: bool = ...) -> Cells[float]: ...
    @overload
    def from_buffer(self, cdecl: Literal["int64_t[]"], python_buffer: Any, /, require_writable: bool = ...) -> Cells[int]: ...
    def string(self, cdata: CData, maxlen: int = ..., /) -> bytes: ...
    # (a cffi buffer, with the buffer protocol: what numpy.frombuffer reads)
    def buffer(self, cdata: CData, size: int = ..., /) -> memoryview: ...
    def new_handle(self, x: object, /) -> CData: ...
    def from_handle(self, x: CData, /) -> Any: ...
    def def_extern(self, name: str = ..., error: int = ..., onerror: Callable[..., object] | None = ...) -> Callable[[_F], _F]: ...

ffi: FFI
lib: Any
