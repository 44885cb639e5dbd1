"""Hostile values: what a mutation turns an argument into.

A mutation is plain data, a tuple such as ``("fill", "nan", "first")`` or
``("layout", "byteswap")``, so that a case can be printed, pasted back and
rebuilt exactly (memory layout, read-only flag and byte order included,
which a pickle would lose). :func:`apply` turns ``(value, mutation)`` into
the hostile value. Kinds of mutation:

=========== ==================================================================
fill        set entries (first, last, all, every other, the middle) of a float
            copy to a special value: nan, +-inf, +-1e308, the largest float,
            subnormals, the smallest normal, -0.0, 2**63, 2**64, 1e30, ...
ifill       the same for integers, as a list of Python ints or an array:
            -1, 2**31, 2**62, 2**63 - 1, -2**63, 2**63 (uint64), 2**64 (object)
dtype       the same values as bool, int8, uint64, float16/32/64, longdouble,
            complex, object, str, bytes, datetime64, timedelta64
layout      the same values in other memory: non-contiguous, Fortran order,
            negative strides, read-only, byte-swapped, unaligned, zero strides
            (broadcast), np.matrix, a masked array, an ndarray subclass
shape       a fresh float64 array of another shape: 0-d, (0,), (0, 0), 1x0,
            0x1, 3-d, 4-d, huge-but-empty ((0, 2**40), (2**40, 0), ...)
reshape     the same values with another ndim: 0-d, a row, a column, 3-d,
            flattened, transposed, a Python float
py          a Python value instead: list, tuple, ragged lists, None, str,
            bytes, dict, set, a generator, big ints, complex, Fraction,
            Decimal, numpy scalars, objects whose __array__/__float__ raise
fn          a callable instead: one that raises (its own exception class,
            ValueError, ZeroDivisionError) or returns garbage (None, a str,
            nan, a wrong shape, complex, an object), or a valid one
scalar      a scalar value: special floats, big ints, numpy scalar types,
            strings, complex, arrays where a scalar belongs
string      hostile text for the symbolic parser
=========== ==================================================================
"""

from __future__ import annotations

import decimal
import fractions
import math

import numpy as np

class HostileError(Exception):
    """Raised on purpose by a hostile callable or object: both backends must
    let it through unchanged."""


HUGE = 2**40

# -- special values -----------------------------------------------------------

FLOATS = {
    "nan": math.nan,
    "-nan": -math.nan,
    "inf": math.inf,
    "-inf": -math.inf,
    "1e308": 1e308,
    "-1e308": -1e308,
    "max": np.finfo(np.float64).max,
    "-max": -np.finfo(np.float64).max,
    "1e154": 1e154,
    "1e200": 1e200,
    "sub": 5e-324,
    "-sub": -5e-324,
    "sub2": 1e-310,
    "tiny": 2.2250738585072014e-308,
    "-0": -0.0,
    "0": 0.0,
    "2**53+1": float(2**53 + 1),
    "2**63": 2.0**63,
    "-2**63": -(2.0**63),
    "2**64": 2.0**64,
    "1e30": 1e30,
    "1e-30": 1e-30,
    "-1": -1.0,
    "0.5": 0.5,
    "1": 1.0,
    "eps": float(np.finfo(np.float64).eps),
}

INTS = {
    "-1": -1,
    "0": 0,
    "1": 1,
    "2": 2,
    "7": 7,
    "2**31": 2**31,
    "2**62": 2**62,
    "2**63-1": 2**63 - 1,
    "-2**63": -(2**63),
    "2**63": 2**63,
    "2**64": 2**64,
    "10**30": 10**30,
}

WHERE = ("first", "last", "all", "alt", "middle")

DTYPES = (
    "bool",
    "int8",
    "uint8",
    "int32",
    "int64",
    "uint64",
    "float16",
    "float32",
    "float64",
    "longdouble",
    "complex64",
    "complex128",
    "object",
    "str",
    "bytes",
    "datetime64",
    "timedelta64",
)

LAYOUTS = (
    "noncontig",
    "fortran",
    "negstride",
    "readonly",
    "byteswap",
    "unaligned",
    "broadcast",
    "matrix",
    "masked",
    "subclass",
    "readonly_view",
)

SHAPES = {
    "0d": (),
    "empty": (0,),
    "0x0": (0, 0),
    "1x0": (1, 0),
    "0x1": (0, 1),
    "0x3": (0, 3),
    "3x0": (3, 0),
    "1": (1,),
    "1x1": (1, 1),
    "2x2": (2, 2),
    "7x7": (7, 7),
    "1x7": (1, 7),
    "7x1": (7, 1),
    "2x2x2": (2, 2, 2),
    "1x1x1x1": (1, 1, 1, 1),
    "0x0x0": (0, 0, 0),
    "huge-empty": (0, HUGE),
    "empty-huge": (HUGE, 0),
    "huge-empty-3d": (2**28, 0, 2**28),
    "2**31-empty": (2**31 + 1, 0),
    "empty-2**59": (0, 2**59),
}

RESHAPES = ("0d", "row", "col", "3d", "flat", "T", "pyfloat", "f32scalar")

PY = (
    "list",
    "tuple",
    "ragged",
    "ragged_arrays",
    "None",
    "str",
    "numstr",
    "bytes",
    "dict",
    "set",
    "generator",
    "empty_list",
    "empty_nested",
    "nested_none",
    "bigint_list",
    "bigint",
    "complex",
    "fraction",
    "decimal",
    "f32",
    "f16",
    "i8",
    "u64max",
    "true",
    "ellipsis",
    "type",
    "module",
    "array_raises",
    "float_raises",
    "len_lies",
    "object",
    "lambda",
)

FNS = (
    "raise",
    "raise_value",
    "raise_zero",
    "raise_type",
    "raise_third",
    "none",
    "str",
    "nan",
    "inf",
    "huge",
    "list2",
    "array7",
    "array2d",
    "empty",
    "complex",
    "object",
    "bool",
    "mutates",
    "sum",
    "sin",
    "identity",
    "float_raises",
    "not_callable",
    "stop",
)

SCALARS = (
    *(("f", k) for k in FLOATS),
    *(("i", k) for k in INTS),
    ("py", "true"),
    ("py", "false"),
    ("py", "None"),
    ("py", "numstr"),
    ("py", "str"),
    ("py", "complex"),
    ("py", "fraction"),
    ("py", "decimal"),
    ("py", "f32"),
    ("py", "f16"),
    ("py", "i8"),
    ("py", "u64max"),
    ("py", "longdouble"),
    ("py", "arr0d"),
    ("py", "arr1"),
    ("py", "list1"),
    ("py", "empty_list"),
    ("py", "nan32"),
    ("py", "float_raises"),
    ("py", "array_raises"),
    ("py", "datetime"),
    ("py", "object"),
    ("py", "lambda"),
)

STRINGS = (
    "",
    " ",
    "x",
    "x^x^x^x^x",
    "x^1e308",
    "x^-1e308",
    "1e999*x",
    "x^99999999999999999999",
    "x/0",
    "0^0",
    "0^x",
    "log(0)",
    "log(-x)",
    "sqrt(-1)",
    "(((((((((((x)))))))))))",
    "deep",
    "deep_fn",
    "long_sum",
    "long_product",
    "x\x00",
    "\x00",
    "é",
    "xé",
    "\ud800",
    "𝑥",
    "x +",
    "+",
    "()",
    "(",
    ")",
    "x y",
    "2x",
    "x..2",
    "1.2.3",
    ".",
    "sin",
    "sin()",
    "sin(x, x)",
    "pi",
    "E",
    "_",
    "x_1",
    "abs(x)",
    "sign(x)",
    "exp(exp(exp(exp(x))))",
    "x^(1/2)",
    "-x^-x",
    "x--x",
    "x**2",
    "lambda",
    "None",
    "nan",
    "inf",
    "x" * 5000,
    "\t\n x \r\f\v",
)
NONSTRINGS = ("None", "bytes", "int", "list", "fn")


# -- builders -----------------------------------------------------------------


def _float_copy(x) -> np.ndarray:
    a = np.array(x, dtype=np.float64) if _is_real_array_like(x) else np.array([0.5, -1.5, 2.0])
    return a.copy()


#: Arrays with a dimension beyond this are not turned into Python lists
#: (tolist of a (2**28, 0, 2**28) array makes 2**28 empty lists: 15 GB).
MAX_LIST_DIM = 10**5


def _listable(x) -> bool:
    try:
        a = np.asarray(x)
    except Exception:
        return False
    return a.dtype.kind in "biuf" and (a.ndim == 0 or max(a.shape) <= MAX_LIST_DIM)


def _is_real_array_like(x) -> bool:
    try:
        a = np.asarray(x)
    except Exception:
        return False
    return a.dtype.kind in "biuf"


def _positions(a: np.ndarray, where: str):
    flat = a.reshape(-1)
    n = flat.shape[0]
    if n == 0:
        return flat, []
    idx = {"first": [0], "last": [n - 1], "all": range(n), "alt": range(0, n, 2), "middle": [n // 2]}[where]
    return flat, list(idx)


def fill(x, special: str, where: str):
    """A float64 copy of ``x`` (any array-like) with FLOATS[special] at ``where``."""
    with np.errstate(all="ignore"):
        a = _float_copy(x)
    flat, idx = _positions(a, where)
    for i in idx:
        flat[i] = FLOATS[special]
    return a


def ifill(x, special: str, where: str, as_list: str):
    """The integers of ``x`` with INTS[special] at ``where``: a Python list
    (``as_list == "list"``) or np.array of that list (int64, uint64 or
    object, as numpy chooses)."""
    try:
        a = np.asarray(x)
        vals = a.astype(np.int64).tolist() if _listable(a) else [0, 1, 1, 0, 1]
    except Exception:
        vals = [0, 1, 1, 0, 1]
    if not isinstance(vals, list):
        vals = [vals]
    flat = _flatten(vals)
    n = len(flat)
    if n:
        idx = {"first": [0], "last": [n - 1], "all": range(n), "alt": range(0, n, 2), "middle": [n // 2]}[where]
        for i in idx:
            flat[i] = INTS[special]
    shaped = _unflatten(flat, np.shape(vals))
    if as_list == "list":
        return shaped
    try:
        return np.array(shaped)
    except (OverflowError, ValueError):
        return np.array(shaped, dtype=object)


def _flatten(v) -> list:
    if isinstance(v, list):
        out = []
        for e in v:
            out.extend(_flatten(e))
        return out
    return [v]


def _unflatten(flat: list, shape: tuple):
    if not shape:
        return flat[0] if flat else 0
    if len(shape) == 1:
        return list(flat)
    step = int(np.prod(shape[1:]))
    return [_unflatten(flat[i * step : (i + 1) * step], shape[1:]) for i in range(shape[0])]


def dtype(x, name: str):
    """``x``'s values converted to the dtype ``name`` (wrapping, rounding, as numpy does)."""
    with np.errstate(all="ignore"):
        try:
            a = np.asarray(x)
        except ValueError:
            a = np.array([1.0, 2.0])
        if a.dtype.kind not in "biufc":
            a = np.arange(3.0)
        if name == "datetime64":
            return np.nan_to_num(a.real, nan=0, posinf=0, neginf=0).astype(np.int64).astype("datetime64[s]")
        if name == "timedelta64":
            return np.nan_to_num(a.real, nan=0, posinf=0, neginf=0).astype(np.int64).astype("timedelta64[s]")
        if name == "str":
            return a.astype(str)
        if name == "bytes":
            return a.astype("S")
        if name == "object":
            return a.astype(object)
        return a.astype(name)


class Sub(np.ndarray):
    """An ndarray subclass (keeps the values, changes the type)."""


def layout(x, kind: str):
    """``x`` with the same values (where the layout allows) in other memory."""
    try:
        a = np.asarray(x)
    except ValueError:
        a = np.array([1.0, 2.0])
    if a.dtype.kind == "O":
        return a
    if kind == "noncontig":
        padded = np.zeros((2 * a.shape[0],) + a.shape[1:], dtype=a.dtype) if a.ndim else np.zeros(2, dtype=a.dtype)
        if a.ndim == 0:
            padded[0] = a
            return padded[::2][0:1].reshape(())
        padded[::2] = a
        return padded[::2]
    if kind == "fortran":
        return np.asfortranarray(a)
    if kind == "negstride":
        if a.ndim == 0:
            return a
        rev = np.ascontiguousarray(a[::-1])
        return rev[::-1]
    if kind == "readonly":
        b = a.copy()
        b.setflags(write=False)
        return b
    if kind == "readonly_view":
        b = a.copy()
        v = b.view()
        v.setflags(write=False)
        return v
    if kind == "byteswap":
        return a.astype(a.dtype.newbyteorder())
    if kind == "unaligned":
        if a.dtype.itemsize <= 1:
            return a
        buf = np.zeros(a.nbytes + 1, dtype=np.uint8)
        b = np.frombuffer(buf.data, dtype=a.dtype, count=a.size, offset=1).reshape(a.shape)
        b[...] = a
        return b
    if kind == "broadcast":
        if a.ndim == 0 or a.size == 0:
            return np.broadcast_to(a, a.shape)
        return np.broadcast_to(a.reshape(-1)[:1].reshape((1,) * a.ndim), a.shape)
    if kind == "matrix":
        return np.asmatrix(a) if a.ndim <= 2 else a
    if kind == "masked":
        return np.ma.masked_array(a, mask=np.zeros(a.shape, dtype=bool))
    if kind == "subclass":
        return a.view(Sub)
    raise KeyError(kind)


def shape(name: str):
    """A fresh float64 array of shape SHAPES[name] (values 0.5, 1.5, ...)."""
    s = SHAPES[name]
    size = math.prod(s)
    if size == 0:
        return np.zeros(s)
    return (np.arange(size, dtype=np.float64) + 0.5).reshape(s) / size


def reshape(x, kind: str):
    try:
        a = np.array(x)
    except ValueError:
        a = np.array([1.0])
    if kind == "0d":
        return a.reshape(-1)[:1].reshape(()).copy() if a.size else np.array(0.0)
    if kind == "row":
        return a[None]
    if kind == "col":
        return a[..., None]
    if kind == "3d":
        return a[None, ..., None]
    if kind == "flat":
        return a.ravel()
    if kind == "T":
        return a.T
    if kind == "pyfloat":
        return float(a.reshape(-1)[0].real) if a.size and a.dtype.kind in "biufc" else 0.0
    if kind == "f32scalar":
        return np.float32(a.reshape(-1)[0].real) if a.size and a.dtype.kind in "biufc" else np.float32(0)
    raise KeyError(kind)


class _ArrayRaises:
    def __array__(self, dtype=None, copy=None):
        raise HostileError("__array__ raised")

    def __repr__(self):
        return "ArrayRaises()"


class _FloatRaises:
    def __float__(self):
        raise HostileError("__float__ raised")

    def __index__(self):
        raise HostileError("__index__ raised")

    def __repr__(self):
        return "FloatRaises()"


class _LenLies:
    """A sequence whose len() and items disagree."""

    def __len__(self):
        return 5

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError(i)
        return 1.0

    def __repr__(self):
        return "LenLies()"


def py(x, kind: str):
    """A Python value in place of ``x`` (some built from ``x``)."""
    if kind == "list":
        return np.asarray(x).tolist() if _listable(x) else [x]
    if kind == "tuple":
        v = np.asarray(x).tolist() if _listable(x) else [x]
        return tuple(v) if isinstance(v, list) else (v,)
    if kind == "ragged":
        v = np.asarray(x).tolist() if _listable(x) else [1.0]
        if isinstance(v, list) and v and isinstance(v[0], list):
            v[-1] = v[-1][:-1] if len(v) > 1 or len(v[-1]) > 1 else v[-1] + [1.0]
            if len(v) == 1:
                v.append([1.0, 2.0, 3.0][: len(v[0]) + 1])
            return v
        return [[1.0], [1.0, 2.0]]
    if kind == "ragged_arrays":
        return [np.ones(2), np.ones(3)]
    table = {
        "None": None,
        "str": "abc",
        "numstr": "1.5",
        "bytes": b"1.5",
        "dict": {"a": 1.0},
        "set": {1.0, 2.0},
        "empty_list": [],
        "empty_nested": [[]],
        "nested_none": [None, 1.0],
        "bigint_list": [10**30, 1],
        "bigint": 10**30,
        "complex": 1 + 2j,
        "fraction": fractions.Fraction(1, 3),
        "decimal": decimal.Decimal("1.5"),
        "f32": np.float32(1.5),
        "f16": np.float16(1.5),
        "i8": np.int8(-3),
        "u64max": np.uint64(2**64 - 1),
        "true": True,
        "false": False,
        "ellipsis": ...,
        "type": float,
        "module": math,
        "array_raises": _ArrayRaises(),
        "float_raises": _FloatRaises(),
        "len_lies": _LenLies(),
        "object": object(),
        "longdouble": np.longdouble(1.5),
        "arr0d": np.array(0.25),
        "arr1": np.array([0.25]),
        "list1": [0.25],
        "nan32": np.float32("nan"),
        "datetime": np.datetime64("2020-01-01"),
    }
    if kind == "generator":
        return (float(i) for i in range(3))
    if kind == "lambda":
        return fn("sum")
    return table[kind]


def scalar(kind: tuple):
    """A scalar value: ("f", FLOATS key), ("i", INTS key) or ("py", PY key)."""
    tag, key = kind
    if tag == "f":
        return FLOATS[key]
    if tag == "i":
        return INTS[key]
    return py(None, key)


class HostileFn:
    """A callable with a name (its repr), built per call so that its state
    (a call counter) starts fresh for each backend."""

    def __init__(self, kind: str):
        self.kind = kind
        self.calls = 0

    def __repr__(self) -> str:
        return f"fn({self.kind!r})"

    def __call__(self, *args):
        self.calls += 1
        k = self.kind
        x = args[-1] if args else 0.0
        if k == "raise":
            raise HostileError("raised by the callable")
        if k == "raise_value":
            raise ValueError("hostile ValueError from the callable")
        if k == "raise_zero":
            return 1 / 0
        if k == "raise_type":
            raise TypeError("hostile TypeError from the callable")
        if k == "raise_third":
            if self.calls >= 3:
                raise HostileError("raised on the third call")
            return float(np.sum(np.sin(x)))
        table = {
            "none": None,
            "str": "garbage",
            "nan": math.nan,
            "inf": math.inf,
            "huge": 1e308,
            "list2": [1.0, 2.0],
            "array7": np.ones(7),
            "array2d": np.ones((2, 2)),
            "empty": np.zeros(0),
            "complex": 1j,
            "bool": True,
            "float_raises": _FloatRaises(),
            "stop": True,
        }
        if k in table:
            return table[k]
        if k == "object":
            return object()
        if k == "mutates":
            if isinstance(x, np.ndarray) and x.size and x.flags.writeable:
                x[...] = 1e300
            return float(np.sum(x))
        if k == "sum":
            return float(np.sum(x))
        if k == "sin":
            return np.sin(x)
        if k == "identity":
            return x
        raise KeyError(k)


def fn(kind: str):
    if kind == "not_callable":
        return 3.0
    return HostileFn(kind)


def string(kind: str) -> str:
    if kind == "deep":
        return "(" * 5000 + "x" + ")" * 5000
    if kind == "deep_fn":
        return "sin(" * 1200 + "x" + ")" * 1200
    if kind == "long_sum":
        return "+".join(["x"] * 20000)
    if kind == "long_product":
        return "*".join(["x"] * 2000)
    return kind


def nonstring(kind: str):
    return {"None": None, "bytes": b"x", "int": 1, "list": ["x"], "fn": fn("sum")}[kind]


# -- dispatch -----------------------------------------------------------------


def apply(value, mutation: tuple):
    """The hostile value that ``mutation`` (a tuple, see the module docstring)
    makes of ``value``; ``value`` itself when the mutation cannot apply to it
    (a layout change of an object whose __array__ raises, say)."""
    try:
        return _apply(value, mutation)
    except (HostileError, ValueError, TypeError, MemoryError, OverflowError):  # e.g. str dtype of a (2**28, 0, 2**28) array: "too big"
        return value


# mutation name -> how it makes its value from (value, *params); "shape",
# "fn", "scalar", "string", "nonstring" and "value" build a new one.
_MUTATIONS = {
    "fill": fill,
    "ifill": ifill,
    "dtype": dtype,
    "layout": layout,
    "reshape": reshape,
    "py": py,
    "shape": lambda _value, *params: shape(*params),
    "fn": lambda _value, *params: fn(*params),
    "scalar": lambda _value, *params: scalar(tuple(params)),
    "string": lambda _value, *params: string(*params),
    "nonstring": lambda _value, *params: nonstring(*params),
    "value": lambda _value, literal: literal,  # a literal (ints, strings), for hand-written cases
}


def _apply(value, mutation: tuple):
    op, *params = mutation
    return _MUTATIONS[op](value, *params)


# -- descriptions -------------------------------------------------------------


def describe(x, limit: int = 300) -> str:
    """A short description of a (possibly hostile) value: arrays with shape,
    dtype, memory layout and flags, then their first values."""
    if isinstance(x, np.ndarray):
        flags = []
        if x.flags.c_contiguous:
            flags.append("C")
        if x.flags.f_contiguous:
            flags.append("F")
        if not (x.flags.c_contiguous or x.flags.f_contiguous):
            flags.append(f"strides={x.strides}")
        if not x.flags.writeable:
            flags.append("readonly")
        if not x.flags.aligned:
            flags.append("unaligned")
        if not x.dtype.isnative:
            flags.append("byteswapped")
        kind = type(x).__name__
        with np.printoptions(threshold=20, edgeitems=3):
            body = np.array2string(np.asarray(x).reshape(-1)[:20], separator=", ") if x.size < 10**7 else "..."
        s = f"{kind}(shape={x.shape}, dtype={x.dtype.str}, {'|'.join(flags)}, values={body})"
    elif isinstance(x, (list, tuple)):
        s = repr(x)
    else:
        s = repr(x)
    return s if len(s) <= limit else s[: limit - 3] + "..."
