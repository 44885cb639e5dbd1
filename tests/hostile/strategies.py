"""Hypothesis strategies for recipes: which arguments of a target to mutate, and how.

A recipe is plain data (strings, ints, tuples), see :mod:`hostile.targets`:
Hypothesis draws it, shrinks it, prints it; the engine builds the call
from it. Each argument slot draws mutations suited to its kind (arrays get
special values, dtypes, memory layouts, shapes; callables get callables that
raise or return garbage; ...), plus now and then a value of another kind
entirely.
"""

from __future__ import annotations

from hypothesis import strategies as st

from hostile import targets as ht
from hostile import values as hv

fills = st.tuples(st.just("fill"), st.sampled_from(sorted(hv.FLOATS)), st.sampled_from(hv.WHERE))
ifills = st.tuples(st.just("ifill"), st.sampled_from(sorted(hv.INTS)), st.sampled_from(hv.WHERE), st.sampled_from(("list", "array")))
dtypes = st.tuples(st.just("dtype"), st.sampled_from(hv.DTYPES))
layouts = st.tuples(st.just("layout"), st.sampled_from(hv.LAYOUTS))
shapes = st.tuples(st.just("shape"), st.sampled_from(sorted(hv.SHAPES)))
reshapes = st.tuples(st.just("reshape"), st.sampled_from(hv.RESHAPES))
pys = st.tuples(st.just("py"), st.sampled_from(hv.PY))
fns = st.tuples(st.just("fn"), st.sampled_from(hv.FNS))
scalars = st.sampled_from(hv.SCALARS).map(lambda k: ("scalar", *k))
strings = st.one_of(st.tuples(st.just("string"), st.sampled_from(hv.STRINGS)), st.tuples(st.just("nonstring"), st.sampled_from(hv.NONSTRINGS)))
# free text too: whatever Unicode Hypothesis comes up with
texts = st.text(max_size=40).map(lambda s: ("value", s))


def _values(*vs):
    return st.sampled_from(vs).map(lambda v: ("value", v))


#: anything at all: what a slot gets now and then, whatever its kind
foreign = st.one_of(pys, scalars, shapes, fns)

# An array keeps its values through layout and dtype changes, so chains
# combine them: special values, then a dtype, then a memory layout.
array_ops = st.one_of(fills, fills, dtypes, layouts, layouts, shapes, reshapes, pys)
array_chain = st.lists(array_ops, min_size=1, max_size=3).map(tuple)
label_ops = st.one_of(ifills, ifills, fills, dtypes, layouts, shapes, reshapes, pys)
label_chain = st.lists(label_ops, min_size=1, max_size=3).map(tuple)

counts = _values(-1, 0, 1, 2, 3, 5, 2**31, 2**63 - 1, 2**63, 2**64, 10**30, -(2**63), -(2**64), True, False)
# An iteration count that passes validation runs that long on both
# backends (2**63 and beyond too: the Go loops go in chunks): only counts
# that are invalid or small. tests/test_hostile.py has the huge ones, with
# a callback that stops.
iteration_counts = _values(-1, 0, 1, 2, 3, -(2**63), -(2**64), True, False)
#: Python values that are huge valid counts
HUGE_PY = ("u64max", "bigint")

KIND_STRATEGIES = {
    "array": st.one_of(array_chain, array_chain, array_chain, foreign.map(lambda m: (m,))),
    "labels": st.one_of(label_chain, label_chain, foreign.map(lambda m: (m,))),
    "real": st.one_of(scalars, scalars, scalars, shapes, pys, fills).map(lambda m: (m,)),
    "count": st.one_of(counts, counts, scalars, pys, shapes).map(lambda m: (m,)),
    "iterations": st.one_of(
        iteration_counts, iteration_counts, scalars.filter(lambda m: m[1] != "i" and m[2] not in HUGE_PY), pys.filter(lambda m: m[1] not in HUGE_PY)
    ).map(lambda m: (m,)),
    "flag": st.one_of(_values(True, False, 0, 1, "True", None), scalars, pys).map(lambda m: (m,)),
    "axis": st.one_of(_values(-1, 0, 1, 2, 3, -2, -3, -4, 2**31, 2**63, 10**30, (0,), (0, 1), True, None, "0"), scalars, pys).map(lambda m: (m,)),
    "ord": st.one_of(_values(2, 1, 0, -1, 3, -2, None, "fro", "nuc", "inf", True, (2,)), scalars, pys).map(lambda m: (m,)),
    "func": st.one_of(fns, fns, fns, pys, scalars).map(lambda m: (m,)),
    "optfunc": st.one_of(fns, fns, pys, _values(None)).map(lambda m: (m,)),
    "callback": st.one_of(fns, fns, pys, _values(None)).map(lambda m: (m,)),
    "string": st.one_of(strings, strings, texts).map(lambda m: (m,)),
    "betas": st.one_of(
        _values((0.9, 0.999), (1.0, 0.5), (0.5, 1.0), (-0.1, 0.5), (0.5,), (0.1, 0.2, 0.3), "ab", None, ()),
        scalars,
        shapes,
        pys,
    ).map(lambda m: (m,)),
    "backend": _values("go", "reference", "numpy", None, 1).map(lambda m: (m,)),
    "paramlist": st.one_of(
        st.tuples(st.just("elem"), st.integers(0, 1), st.one_of(fills, dtypes, layouts, shapes, reshapes, pys)).map(lambda m: (m,)),
        st.sampled_from(("dup", "drop", "extra", "single", "tuple", "generator", "empty", "reversed", "nested")).map(lambda k: (("list", k),)),
        foreign.map(lambda m: (m,)),
    ),
    "gradlist": st.one_of(
        st.tuples(st.just("elem"), st.integers(0, 1), st.one_of(fills, fills, dtypes, layouts, shapes, reshapes, pys)).map(lambda m: (m,)),
        st.sampled_from(("drop", "extra", "single", "tuple", "generator", "empty", "reversed", "nested")).map(lambda k: (("list", k),)),
        foreign.map(lambda m: (m,)),
    ),
    "optimizer": st.sampled_from(sorted(ht.OPTIMIZER_SPECS) + ["None", "foreign", "copies", "class", "str"]).map(
        lambda k: (("optimizer", k),)
    ),
}

SHAPE_OPS = ("missing", "missing_kw", "extra", "unknown_kw", "dup_kw", "all_kw")


_FOREIGN_ONE = foreign.map(lambda m: (m,))
_SHAPE_OP = st.sampled_from(SHAPE_OPS)
_ONE_IN_20 = st.integers(0, 19)
_SLOT_CACHE: dict = {}
_TARGET_CACHE: dict = {}


def _small_count(m: tuple) -> bool:
    """Not a huge valid count (an iteration count that would run that long)."""
    return not ((m[0] == "scalar" and m[1] == "i") or m[-1] in HUGE_PY)


def slot_mutations(slot: ht.Slot):
    """The mutations of one slot: its kind's, or now and then a foreign value
    (for iteration counts, none that is a huge valid count)."""
    if slot.kind not in _SLOT_CACHE:
        own = KIND_STRATEGIES[slot.kind]
        other = foreign.filter(_small_count).map(lambda m: (m,)) if slot.kind == "iterations" else _FOREIGN_ONE
        _SLOT_CACHE[slot.kind] = st.one_of(own, own, own, own, own, own, own, own, own, other)
    return _SLOT_CACHE[slot.kind]


@st.composite
def _recipes(draw, name: str, chosen_slots, slot_strategies):
    ops = [(slot_name, *draw(slot_strategies[slot_name])) for slot_name in draw(chosen_slots)]
    if draw(_ONE_IN_20) == 0:
        ops.append(("*", draw(_SHAPE_OP)))
    return (name, tuple(ops))


def recipes(name: str):
    """Recipes for the target ``name``: one to three mutated slots, and one
    time in 20 a call of the wrong shape too (missing, extra or duplicated
    arguments). The strategies are built once per target (Hypothesis
    validates a strategy when first drawn from: building them per draw
    costs more than the draws)."""
    if name not in _TARGET_CACHE:
        t = ht.get(name)
        names = [s.name for s in t.slots]
        chosen = st.lists(st.sampled_from(names), min_size=1, max_size=min(3, len(names)), unique=True)
        _TARGET_CACHE[name] = _recipes(name, chosen, {s.name: slot_mutations(s) for s in t.slots})
    return _TARGET_CACHE[name]
