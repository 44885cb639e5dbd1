"""The deterministic sweep: every slot of every target gets every simple mutation once.

Hypothesis draws combinations at random; the sweep makes sure no single
mutation is left out for any argument: each special value (at the first
entry and at all entries), each dtype, memory layout, shape, reshape and
Python value, each hostile callable and string where they belong, and the
wrong shapes of the call itself. ``make soak`` runs it in full.
"""

from __future__ import annotations

from hostile import strategies as hs
from hostile import targets as ht
from hostile import values as hv

_FILLS = [("fill", k, w) for k in sorted(hv.FLOATS) for w in ("first", "all")]
_IFILLS = [("ifill", k, w, a) for k in sorted(hv.INTS) for w in ("first", "all") for a in ("list", "array")]
_DTYPES = [("dtype", d) for d in hv.DTYPES]
_LAYOUTS = [("layout", k) for k in hv.LAYOUTS]
_SHAPES = [("shape", k) for k in sorted(hv.SHAPES)]
_RESHAPES = [("reshape", k) for k in hv.RESHAPES]
_PYS = [("py", k) for k in hv.PY]
_FNS = [("fn", k) for k in hv.FNS]
_SCALARS = [("scalar", *k) for k in hv.SCALARS]
_STRINGS = [("string", k) for k in hv.STRINGS] + [("nonstring", k) for k in hv.NONSTRINGS]
# a little of everything, for slots of another kind
_FOREIGN = [("py", "None"), ("py", "str"), ("py", "list"), ("py", "array_raises"), ("fn", "raise"), ("shape", "2x2"), ("shape", "empty"),
            ("scalar", "f", "nan")]


def _values_of(strategy_values) -> list:
    return [("value", v) for v in strategy_values]


_COUNTS = _values_of([-1, 0, 1, 2, 3, 5, 2**31, 2**63 - 1, 2**63, 2**64, 10**30, -(2**63), -(2**64), True, False])
_ITERATIONS = _values_of([-1, 0, 1, 2, 3, -(2**63), -(2**64), True, False])  # (see strategies.iteration_counts)
_FLAGS = _values_of([True, False, 0, 1, "True", None])
_AXES = _values_of([-1, 0, 1, 2, 3, -2, -3, -4, 2**31, 2**63, 10**30, (0,), (0, 1), True, None, "0"])
_ORDS = _values_of([2, 1, 0, -1, 3, -2, None, "fro", "nuc", "inf", True, (2,)])
_ELEM = [("elem", i, m) for i in (0, 1) for m in _FILLS[::4] + _DTYPES + _LAYOUTS + _SHAPES + _RESHAPES + _PYS[::3]]
_LISTS = [("list", k) for k in ("dup", "drop", "extra", "single", "tuple", "generator", "empty", "reversed", "nested")]

BY_KIND = {
    "array": _FILLS + _DTYPES + _LAYOUTS + _SHAPES + _RESHAPES + _PYS,
    "labels": _IFILLS + _FILLS[::2] + _DTYPES + _LAYOUTS + _SHAPES + _RESHAPES + _PYS,
    "real": _SCALARS + _SHAPES[::3] + _PYS,
    "count": _COUNTS + _SCALARS + _PYS[::2],
    "iterations": _ITERATIONS + [s for s in _SCALARS if s[1] != "i" and s[2] not in hs.HUGE_PY] + [p for p in _PYS[::2] if p[1] not in hs.HUGE_PY],
    "flag": _FLAGS + _SCALARS[::3] + _PYS[::3],
    "axis": _AXES + _SCALARS[::3] + _PYS[::3],
    "ord": _ORDS + _SCALARS + _PYS[::3],
    "func": _FNS + _PYS[::3] + _SCALARS[::6],
    "optfunc": _FNS + _PYS[::3] + [("value", None)],
    "callback": _FNS + _PYS[::3] + [("value", None)],
    "string": _STRINGS,
    "betas": _values_of([(0.9, 0.999), (1.0, 0.5), (0.5, 1.0), (-0.1, 0.5), (0.5,), (0.1, 0.2, 0.3), "ab", None, ()]) + _SCALARS[::4] + _PYS[::3],
    "backend": _values_of(["go", "reference", "numpy", None, 1]),
    "paramlist": _ELEM + _LISTS + _FOREIGN,
    "gradlist": _ELEM + _LISTS + _FOREIGN,
    "optimizer": [("optimizer", k) for k in sorted(ht.OPTIMIZER_SPECS) + ["None", "foreign", "copies", "class", "str"]],
}

assert set(BY_KIND) == set(hs.KIND_STRATEGIES), "the sweep and the strategies know the same slot kinds"


def recipes(name: str) -> list:
    """Every single-mutation recipe of the target ``name``, in a fixed order."""
    t = ht.get(name)
    out = []
    for slot in t.slots:
        for m in BY_KIND[slot.kind] + _FOREIGN:
            out.append((name, ((slot.name, m),)))
    for op in hs.SHAPE_OPS:
        out.append((name, (("*", op),)))
    return out
