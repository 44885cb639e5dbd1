"""What the hostile engine calls: every public function, found by introspection.

A :class:`Target` is one entry point with named argument *slots*: for each
function in ``mlmath.reference.__all__`` the parameters of its signature
(positional ones start from the valid arguments of ``tests/test_api.CALLS``,
keyword ones from their defaults, or from a valid value where the default is
None); for each optimizer class the constructor's parameters plus the
gradients of two ``step`` calls; for ``mlmath.LogisticRegression`` the
hyperparameters, ``fit(X, y)`` and ``predict``/``predict_proba`` on new data.

A *recipe* ``(target, ops)`` says which slots get which mutations (see
:mod:`hostile.values`); :func:`build` turns it into a call for one backend,
fresh each time, so that state (optimizer parameters, callables that count
their calls) is never shared between the backends.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field

import numpy as np

from hostile import values as hv
from mlmath import reference

#: Keyword parameters whose default is None: the valid value a mutation
#: starts from (the default None itself is one of the mutations).
VALID_FOR_NONE = {
    "h": 1e-4,
    "tol": 1e-10,
    "weights0": np.array([0.1, -0.2, 0.3]),
    "batch_size": 2,
    "callback": None,
    "grad_f": None,
}

#: Slot kinds by parameter name, where the valid value does not tell.
KIND_BY_NAME = {
    "ord": "ord",
    "axis": "axis",
    "full_matrices": "flag",
    "expression": "string",
    "variable": "string",
    "max_iter": "iterations",
    "epochs": "iterations",
    "callback": "callback",
    "grad_f": "optfunc",
    "weights0": "array",
    "batch_size": "count",
    "h": "real",
    "tol": "real",
    "base": "real",
    "params": "paramlist",
    "grads": "gradlist",
    "optimizer": "optimizer",
    "nesterov": "flag",
    "amsgrad": "flag",
    "centered": "flag",
    "betas": "betas",
    "backend": "backend",
}


def _kind(name: str, value) -> str:
    if name in KIND_BY_NAME:
        return KIND_BY_NAME[name]
    if callable(value):
        return "func"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (bool, np.bool_)):
        return "flag"
    if isinstance(value, (int, np.integer)):
        return "count"
    if isinstance(value, (float, np.floating)):
        return "real"
    if isinstance(value, np.ndarray) and value.dtype.kind in "iuU":
        return "labels"
    return "array"


@dataclass
class Slot:
    """One argument: its name, kind, valid value, and whether the valid call passes it positionally."""

    name: str
    kind: str
    valid: object
    positional: bool
    passed: bool  # part of the valid call (keywords with defaults are not)


@dataclass
class Target:
    """An entry point: ``call(module, args, kwargs)`` on one backend."""

    name: str
    slots: list[Slot]
    call: object
    #: slots a correct call updates in place (optimizer parameters)
    updated: frozenset = field(default_factory=frozenset)
    #: how results are compared (see hostile.compare.RULES)
    rule: str = "default"

    def slot(self, name: str) -> Slot:
        for s in self.slots:
            if s.name == name:
                return s
        raise KeyError(f"{self.name} has no slot {name!r}")


def _function_call(name: str):
    def call(mod, args, kwargs):
        return getattr(mod, name)(*args, **kwargs)

    return call


def _function_target(name: str, valid_args: tuple) -> Target:
    sig = inspect.signature(getattr(reference, name))
    slots = []
    for i, p in enumerate(sig.parameters.values()):
        if i < len(valid_args):
            v = valid_args[i]
            slots.append(Slot(p.name, _kind(p.name, v), v, True, True))
        else:
            v = VALID_FOR_NONE.get(p.name) if p.default is None else p.default
            slots.append(Slot(p.name, _kind(p.name, v), v, False, False))
    return Target(name, slots, _function_call(name))


# -- the optimizers -------------------------------------------------------------


def _params():
    return [np.array([1.0, -2.0, 0.5]), np.array([[0.3, 0.1], [-0.2, 0.4]])]


def _grads():
    return [np.array([1.3, -2.1, 0.7]), np.array([[0.1, -0.3], [0.2, 0.05]])]


def _optimizer_call(cls_name: str):
    def call(mod, args, kwargs):
        kwargs = dict(kwargs)
        grads = kwargs.pop("grads", None)
        opt = getattr(mod, cls_name)(*args, **kwargs)
        opt.step(grads)
        opt.step(grads)
        return tuple(np.array(p, copy=True) for p in opt.params)

    return call


def _optimizer_target(cls_name: str) -> Target:
    sig = inspect.signature(getattr(reference, cls_name))
    slots = [Slot("params", "paramlist", _params(), True, True)]
    for p in list(sig.parameters.values())[1:]:
        required = p.default is inspect.Parameter.empty
        v = 0.1 if required else p.default
        slots.append(Slot(p.name, _kind(p.name, v), v, False, required))
    slots.append(Slot("grads", "gradlist", _grads(), False, True))
    return Target(cls_name, slots, _optimizer_call(cls_name), updated=frozenset({"params"}), rule="iterative")


# -- train_mlp ----------------------------------------------------------------

OPTIMIZER_SPECS = {
    "SGD": ("SGD", {"lr": 0.1}),
    "SGD_momentum": ("SGD", {"lr": 0.1, "momentum": 0.9, "nesterov": True}),
    "Adam": ("Adam", {"lr": 0.05}),
    "AdamW_amsgrad": ("AdamW", {"lr": 0.05, "amsgrad": True}),
    "RMSprop": ("RMSprop", {"lr": 0.01, "centered": True, "momentum": 0.5}),
    "Adagrad": ("Adagrad", {"lr": 0.1, "lr_decay": 0.01}),
}


class OptimizerSpec:
    """The optimizer argument of train_mlp, built per backend over that backend's W1, b1, W2, b2.

    ``kind``: a key of OPTIMIZER_SPECS, or "None", "foreign" (the other
    backend's SGD over the same arrays), "copies" (an SGD over copies of
    the arrays), "class" (the class, not an instance), "str".
    """

    def __init__(self, kind: str):
        self.kind = kind

    def __repr__(self):
        return f"OptimizerSpec({self.kind!r})"

    def make(self, mod, params):
        import mlmath.go
        import mlmath.reference

        if self.kind == "None":
            return None
        if self.kind == "str":
            return "sgd"
        if self.kind == "class":
            return mod.SGD
        if self.kind == "foreign":
            other = mlmath.go if mod is mlmath.reference else mlmath.reference
            return other.SGD(params, lr=0.1)
        if self.kind == "copies":
            return mod.SGD([np.array(p, dtype=np.float64, copy=True) for p in params], lr=0.1)
        cls, kw = OPTIMIZER_SPECS[self.kind]
        return getattr(mod, cls)(params, **kw)


_MLP_NAMES = ("X", "y", "W1", "b1", "W2", "b2", "optimizer", "epochs")


def _train_mlp_call(mod, args, kwargs):
    """train_mlp with the optimizer built here, over the arrays passed as W1, b1, W2, b2."""
    args, kwargs = list(args), dict(kwargs)
    given = dict(zip(_MLP_NAMES, args)) | kwargs
    params = [given.get(n) for n in ("W1", "b1", "W2", "b2")]
    if len(args) > 6 and isinstance(args[6], OptimizerSpec):
        args[6] = args[6].make(mod, params)
    if isinstance(kwargs.get("optimizer"), OptimizerSpec):
        kwargs["optimizer"] = kwargs["optimizer"].make(mod, params)
    return mod.train_mlp(*args, **kwargs)


def _train_mlp_target() -> Target:
    from test_api import A, B

    X = B[:, :2].copy()
    y = np.array([0.0, 1.0, 1.0, 0.0, 1.0])
    valid = (X, y, A[:2, :4].copy() * 0.3, np.zeros(4), A[:4, :1].copy() * 0.3, np.zeros(1), OptimizerSpec("SGD"), 3)
    t = _function_target("train_mlp", valid)
    t.call = _train_mlp_call
    t.updated = frozenset({"W1", "b1", "W2", "b2"})
    t.rule = "iterative"
    return t


# -- the estimator --------------------------------------------------------------


def _estimator_call(mod, args, kwargs):
    from mlmath import LogisticRegression

    kwargs = dict(kwargs)
    X, y, X2 = kwargs.pop("X", None), kwargs.pop("y", None), kwargs.pop("X_new", None)
    backend = "reference" if mod.__name__.endswith("reference") else "go"
    est = LogisticRegression(backend=backend, **kwargs).fit(X, y)
    return est.coef_, est.intercept_, est.predict_proba(X2), est.predict(X2), est.score(X2, est.predict(X2))


def _estimator_target() -> Target:
    from test_api import B

    slots = [
        Slot("X", "array", B.copy(), False, True),
        Slot("y", "labels", np.array(["no", "yes", "yes", "no", "yes"]), False, True),
        Slot("X_new", "array", B[:3].copy() * 2.0, False, True),
        Slot("learning_rate", "real", 0.1, False, False),
        Slot("max_iter", "iterations", 50, False, True),
        Slot("l1", "real", 0.0, False, False),
        Slot("l2", "real", 0.0, False, False),
        Slot("tol", "real", 1e-8, False, False),
    ]
    return Target("LogisticRegression", slots, _estimator_call, rule="iterative")


# -- the runner's self-test --------------------------------------------------------

#: Set in the environment, adds the target "_selftest": a call that kills its
#: process with SIGSEGV for x == 5 and hangs for x == 3 (values that only one
#: recipe of the sweep makes; tests/test_hostile.py checks that the runner
#: reports both cases and goes on).
SELFTEST_ENV = "HOSTILE_SELFTEST"


def _selftest_call(mod, args, kwargs):
    import os
    import signal
    import time

    x = args[0] if args else kwargs.get("x")
    if type(x) is int and x == 5:  # ints only, not 5.0
        os.kill(os.getpid(), signal.SIGSEGV)
    if type(x) is int and x == 3:
        time.sleep(3600)
    return 1.0


def _selftest_target() -> Target:
    return Target("_selftest", [Slot("x", "count", 0, True, True)], _selftest_call)


# -- the table --------------------------------------------------------------------

#: Targets whose results are compared loosely (see hostile.compare).
ITERATIVE = {"gradient_descent", "logistic_regression"}


def targets() -> dict[str, Target]:
    """Every target by name: the functions of mlmath.reference.__all__, the
    optimizer classes and LogisticRegression."""
    from test_api import CALLS

    out = {}
    for name in reference.__all__:
        obj = getattr(reference, name)
        if inspect.isclass(obj):
            out[name] = _optimizer_target(name)
        elif name == "train_mlp":
            out[name] = _train_mlp_target()
        else:
            if name not in CALLS:
                raise KeyError(f"tests/test_api.CALLS has no valid call of {name}: the hostile engine starts from it")
            out[name] = _function_target(name, CALLS[name])
            if name in ITERATIVE:
                out[name].rule = "iterative"
    out["LogisticRegression"] = _estimator_target()
    import os

    if os.environ.get(SELFTEST_ENV):
        out["_selftest"] = _selftest_target()
    return out


_TARGETS: dict[str, Target] | None = None


def get(name: str) -> Target:
    global _TARGETS
    if _TARGETS is None:
        _TARGETS = targets()
    return _TARGETS[name]


def names() -> list[str]:
    get("add")
    return list(_TARGETS)


# -- building a call ------------------------------------------------------------


def _copy_valid(v):
    """A fresh copy of a valid value (arrays and lists of arrays are copied)."""
    if isinstance(v, np.ndarray):
        return v.copy()
    if isinstance(v, list):
        return [_copy_valid(e) for e in v]
    if isinstance(v, OptimizerSpec):
        return OptimizerSpec(v.kind)
    return v


def mutate(slot: Slot, value, mutations: tuple):
    """Apply ``mutations`` in order to ``value`` (list slots take ("elem", i, m) and list-level ops)."""
    for m in mutations:
        op = m[0]
        if op == "elem":  # a mutation of one entry of a list of arrays (params, grads)
            _, i, inner = m
            if isinstance(value, list) and value:
                value = list(value)
                value[i % len(value)] = hv.apply(value[i % len(value)], inner)
        elif op == "list":
            value = _list_op(value, m[1])
        elif op == "optimizer":
            value = OptimizerSpec(m[1])
        elif op == "valid":
            value = _copy_valid(slot.valid)
        else:
            value = hv.apply(value, m)
    return value


def _list_op(value, kind: str):
    value = list(value) if isinstance(value, list) else value
    if not isinstance(value, list):
        return value
    if kind == "dup" and value:
        return value + [value[0]]
    if kind == "drop" and value:
        return value[:-1]
    if kind == "extra":
        return value + [np.ones(3)]
    if kind == "single" and value:
        return value[0]
    if kind == "tuple":
        return tuple(value)
    if kind == "generator":
        return (v for v in value)
    if kind == "empty":
        return []
    if kind == "reversed":
        return value[::-1]
    if kind == "nested":
        return [value]
    raise KeyError(kind)


@dataclass
class Built:
    """A call ready to run on one backend."""

    target: Target
    args: list
    kwargs: dict
    inputs: dict  # slot name -> value, for the mutation check and descriptions

    def run(self, mod):
        return self.target.call(mod, self.args, self.kwargs)


def build(recipe) -> Built:
    """The call of ``recipe = (target name, ops)``; ops are ``(slot, *mutations)``
    or ``("*", shape_op)`` for the shape of the call itself."""
    name, ops = recipe
    t = get(name)
    values = {s.name: _copy_valid(s.valid) for s in t.slots}
    passed = {s.name: s.passed for s in t.slots}
    shape_ops = []
    for op in ops:
        slot_name, *mutations = op
        if slot_name == "*":
            shape_ops.extend(mutations)
            continue
        s = t.slot(slot_name)
        values[slot_name] = mutate(s, values[slot_name], tuple(mutations))
        passed[slot_name] = True
    args = [values[s.name] for s in t.slots if s.positional]
    kwargs = {s.name: values[s.name] for s in t.slots if not s.positional and passed[s.name]}
    for sop in shape_ops:
        if sop == "missing" and args:
            args.pop()
        elif sop == "missing_kw" and kwargs:
            kwargs.pop(next(iter(kwargs)))
        elif sop == "extra":
            args.append(1.0)
        elif sop == "unknown_kw":
            kwargs["bogus"] = 1.0
        elif sop == "dup_kw" and args and t.slots[0].positional:
            kwargs[t.slots[0].name] = args[0]
        elif sop == "all_kw":
            for s, a in zip([s for s in t.slots if s.positional], list(args)):
                kwargs[s.name] = a
            args = []
    inputs = {s.name: values[s.name] for s in t.slots}
    return Built(t, args, kwargs, inputs)
