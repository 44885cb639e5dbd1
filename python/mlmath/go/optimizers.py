"""Optimizers on the Go backend: the shared classes of :mod:`mlmath._optim`, each
update one call into Go (package ``mlmath/optim``) that rewrites the parameter
and its state arrays in place, in one pass over memory."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlmath import _optim
from mlmath._native import ffi, lib
from mlmath._optim import Param, State
from mlmath.go._buffers import _DOUBLES
from mlmath.go._status import check
from mlmath.reference import optimizers as _ref

if TYPE_CHECKING:
    from mlmath._native import CData, Cells

__all__ = ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad"]

_from_buffer = ffi.from_buffer


def _w(a: Param) -> Cells[float]:
    """``double *`` to a writable C-contiguous float64 array (params and state are checked to be)."""
    return _from_buffer(_DOUBLES, a, require_writable=True)


def _opt(state: State, name: str) -> CData:
    """The state array ``name``, or NULL when the option that needs it is off."""
    a = state.get(name)
    return ffi.NULL if a is None else _w(a)


class SGD(_optim.SGD):
    __doc__ = _ref.SGD.__doc__

    def _update(self, i: int, p: Param, g: Param, state: State, t: int) -> None:
        check(lib.mlm_sgd_step(_w(p), _from_buffer(_DOUBLES, g), p.size, _opt(state, "momentum_buffer"), int(t == 1),
                               self.lr, self.momentum, self.dampening, self.weight_decay, int(self.nesterov)), "SGD.step")


class Adam(_optim.Adam):
    __doc__ = _ref.Adam.__doc__

    def _update(self, i: int, p: Param, g: Param, state: State, t: int) -> None:
        b1, b2 = self.betas
        check(lib.mlm_adam_step(_w(p), _from_buffer(_DOUBLES, g), p.size, _w(state["exp_avg"]), _w(state["exp_avg_sq"]),
                                _opt(state, "max_exp_avg_sq"), t, self.lr, b1, b2, self.eps, self.weight_decay,
                                int(self.amsgrad), int(self._decoupled)), f"{self._name}.step")


class AdamW(_optim.AdamW):
    __doc__ = _ref.AdamW.__doc__
    _update = Adam._update


class RMSprop(_optim.RMSprop):
    __doc__ = _ref.RMSprop.__doc__

    def _update(self, i: int, p: Param, g: Param, state: State, t: int) -> None:
        check(lib.mlm_rmsprop_step(_w(p), _from_buffer(_DOUBLES, g), p.size, _w(state["square_avg"]), _opt(state, "momentum_buffer"),
                                   _opt(state, "grad_avg"), self.lr, self.alpha, self.eps, self.weight_decay, self.momentum,
                                   int(self.centered)), "RMSprop.step")


class Adagrad(_optim.Adagrad):
    __doc__ = _ref.Adagrad.__doc__

    def _update(self, i: int, p: Param, g: Param, state: State, t: int) -> None:
        check(lib.mlm_adagrad_step(_w(p), _from_buffer(_DOUBLES, g), p.size, _w(state["sum"]), t, self.lr, self.lr_decay,
                                   self.weight_decay, self.eps), "Adagrad.step")


def native(optimizer: _optim.Optimizer) -> tuple[int, CData, int, CData]:
    """(kind, hyperparameters, state pointers) describing ``optimizer`` (either
    backend's) to mlm_train_mlp, which runs its updates in Go."""
    slots: tuple[str, str | None, str | None]  # the state arrays, in Go's order
    if isinstance(optimizer, _optim.SGD):
        kind, h = lib.MLM_OPT_SGD, [optimizer.lr, optimizer.momentum, optimizer.dampening, optimizer.weight_decay, optimizer.nesterov]
        slots = ("momentum_buffer", None, None)
    elif isinstance(optimizer, _optim.Adam):
        b1, b2 = optimizer.betas
        kind = lib.MLM_OPT_ADAM
        h = [optimizer.lr, b1, b2, optimizer.eps, optimizer.weight_decay, optimizer.amsgrad, optimizer._decoupled]
        slots = ("exp_avg", "exp_avg_sq", "max_exp_avg_sq")
    elif isinstance(optimizer, _optim.RMSprop):
        kind = lib.MLM_OPT_RMSPROP
        h = [optimizer.lr, optimizer.alpha, optimizer.eps, optimizer.weight_decay, optimizer.momentum, optimizer.centered]
        slots = ("square_avg", "momentum_buffer", "grad_avg")
    elif isinstance(optimizer, _optim.Adagrad):
        kind, h = lib.MLM_OPT_ADAGRAD, [optimizer.lr, optimizer.lr_decay, optimizer.weight_decay, optimizer.eps]
        slots = ("sum", None, None)
    else:  # pragma: no cover - _nn.training admits only these
        raise TypeError(f"no Go implementation of {type(optimizer).__name__}")
    state = [_opt(s, name) if name else ffi.NULL for s in optimizer.state for name in slots]
    return kind, ffi.new("double[]", [float(v) for v in h]), len(h), ffi.new("double *[]", state)
