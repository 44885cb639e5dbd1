"""Optimizers: what both backends share (parameters, state, checks, step count).

Each backend subclasses these classes and supplies ``_update``, the formula
applied to one parameter: numpy in :mod:`mlmath.reference.optimizers`, a Go
call in :mod:`mlmath.go.optimizers`. Everything else lives here, so both
backends accept the same arguments, raise the same errors and keep the same
state.

As in torch.optim, an optimizer is built over a list of parameter arrays and
updates them **in place**; its state (momentum buffers, moment estimates) is
per parameter and per optimizer instance. A parameter must therefore be a
writable, C-contiguous float64 numpy array: anything else raises TypeError or
ValueError instead of being silently copied (an update of a copy would never
reach the caller's array).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from numpy.typing import ArrayLike, NDArray

from mlmath import _validate as _v

_F64 = np.dtype(np.float64)

#: A parameter, its gradient, or one of its state arrays: float64, C-contiguous.
Param = NDArray[np.float64]
#: One parameter's state: its arrays by name ("exp_avg", "momentum_buffer", ...).
State = dict[str, Param]


def parameters(cls: str, params: Iterable[Param]) -> list[Param]:
    """``params`` as a list of writable, C-contiguous float64 arrays, all distinct."""
    if isinstance(params, np.ndarray):
        raise TypeError(f"{cls}: params must be a list of arrays, not one array (wrap it: [p])")
    try:
        params = list(params)
    except TypeError:
        raise TypeError(f"{cls}: params must be a list of numpy arrays, got {type(params).__name__}") from None
    if not params:
        raise ValueError(f"{cls}: optimizer got an empty parameter list")
    for i, p in enumerate(params):
        if type(p) is not np.ndarray:  # subclasses too: np.matrix's * is a matrix product, masked arrays have masks
            raise TypeError(f"{cls}: params[{i}] must be a numpy float64 array (updated in place), got {type(p).__name__}")
        if p.dtype != _F64:
            raise TypeError(f"{cls}: params[{i}] must have dtype float64 (updated in place, never copied), got {p.dtype}")
        if not p.flags.writeable:
            raise ValueError(f"{cls}: params[{i}] is read-only: an optimizer updates its parameters in place")
        if not p.flags.c_contiguous:
            raise ValueError(f"{cls}: params[{i}] must be C-contiguous (np.ascontiguousarray, then optimize that array)")
    ids = [id(p) for p in params]
    if len(set(ids)) != len(ids):
        raise ValueError(f"{cls}: some parameters appear more than once in params")
    return params


def hyper(cls: str, name: str, value: ArrayLike, *, low: float = 0.0, high: float = math.inf, open_high: bool = False) -> float:
    """A real hyperparameter in [low, high] (or [low, high)); ValueError otherwise, as torch."""
    v = _v.real_scalar(cls, name, value)
    if not (low <= v and (v < high if open_high else v <= high)) or math.isnan(v):
        bound = f"[{low}, {high})" if open_high else f"[{low}, {high}]"
        raise ValueError(f"{cls}: invalid {name}: {value!r} (must be in {bound})")
    return v


def flag(cls: str, name: str, value: object) -> bool:
    return _v.flag(cls, name, value)


class Optimizer:
    """The shared part of every optimizer: parameters, per-parameter state, step count.

    Subclasses name their state arrays (``_state_names`` for this instance)
    and implement ``_update(i, p, g, state, t)`` for parameter i, gradient g
    (float64, the shape of p), state (a dict of arrays the shape of p) and
    the 1-based step number t.
    """

    _name = "Optimizer"

    def __init__(self, params: Iterable[NDArray[np.float64]]) -> None:
        self.params = parameters(self._name, params)
        self.steps = 0
        self.state = [{name: self._initial_state(name, p) for name in self._state_names()} for p in self.params]

    def _state_names(self) -> tuple[str, ...]:
        return ()

    def _initial_state(self, name: str, p: Param) -> Param:
        return np.zeros_like(p)

    def gradients(self, grads: Iterable[ArrayLike]) -> list[Param]:
        """``grads`` as float64 arrays, one per parameter, each of its parameter's shape."""
        if isinstance(grads, np.ndarray):  # as params: list() would split it into rows, 2**28 of them for (2**28, 0, 2**28)
            raise TypeError(f"{self._name}.step: grads must be a list of arrays, one per parameter, not one array (wrap it: [g])")
        try:
            grads = list(grads)
        except TypeError:
            raise TypeError(f"{self._name}.step: grads must be a list of arrays, one per parameter") from None
        if len(grads) != len(self.params):
            raise ValueError(f"{self._name}.step: got {len(grads)} gradients for {len(self.params)} parameters")
        out = []
        for i, (p, g) in enumerate(zip(self.params, grads)):
            g = _v.array(f"{self._name}.step", f"grads[{i}]", g)
            if g.shape != p.shape:
                raise ValueError(f"{self._name}.step: grads[{i}] has shape {g.shape}, its parameter {p.shape}")
            out.append(np.ascontiguousarray(g))
        return out

    def step(self, grads: Iterable[ArrayLike]) -> None:
        """One update of every parameter, in place, from ``grads`` (one array per parameter, same shapes).

        The parameters are updated one after another (``steps`` counts the step
        before the first): an exception raised in between, such as a
        KeyboardInterrupt from Ctrl-C, can leave the earlier ones updated and
        the later ones not. ``train_mlp`` runs its whole loop in Go and stops
        only between epochs, so its parameters are never left half-updated."""
        grads = self.gradients(grads)
        self.steps += 1
        for i, (p, g) in enumerate(zip(self.params, grads)):
            self._update(i, p, g, self.state[i], self.steps)

    def _update(self, i: int, p: Param, g: Param, state: State, t: int) -> None:
        raise NotImplementedError

    def __repr__(self) -> str:
        shapes = ", ".join(str(p.shape) for p in self.params)
        return f"{type(self).__module__}.{type(self).__name__}({self.hyperparameters()}, params: {shapes}, steps: {self.steps})"

    def hyperparameters(self) -> dict[str, object]:
        return {}


class SGD(Optimizer):
    """Stochastic gradient descent with optional momentum, as torch.optim.SGD:

        g = grad + weight_decay * p
        b = g (first step), else b = momentum * b + (1 - dampening) * g     (momentum != 0)
        g = g + momentum * b (nesterov), else g = b                         (momentum != 0)
        p = p - lr * g

    Parameters
    ----------
    params : list of float64 arrays, updated in place
    lr : float >= 0
    momentum, dampening, weight_decay : float >= 0
    nesterov : bool, needs momentum > 0 and dampening == 0
    """

    _name = "SGD"

    def __init__(
        self,
        params: Iterable[NDArray[np.float64]],
        lr: float,
        momentum: float = 0.0,
        dampening: float = 0.0,
        nesterov: bool = False,
        weight_decay: float = 0.0,
    ) -> None:
        self.lr = hyper(self._name, "lr", lr)
        self.momentum = hyper(self._name, "momentum", momentum)
        self.dampening = _v.real_scalar(self._name, "dampening", dampening)
        self.nesterov = flag(self._name, "nesterov", nesterov)
        self.weight_decay = hyper(self._name, "weight_decay", weight_decay)
        if self.nesterov and (self.momentum <= 0 or self.dampening != 0):
            raise ValueError(f"{self._name}: Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params)

    def _state_names(self) -> tuple[str, ...]:
        return ("momentum_buffer",) if self.momentum != 0 else ()

    def hyperparameters(self) -> dict[str, object]:
        return dict(lr=self.lr, momentum=self.momentum, dampening=self.dampening, nesterov=self.nesterov, weight_decay=self.weight_decay)


class Adam(Optimizer):
    """Adam, as torch.optim.Adam (float64, the single-tensor formulas):

        g = grad + weight_decay * p                 (Adam; AdamW decays p instead)
        m = lerp(m, g, 1 - beta1),   v = beta2 * v + (1 - beta2) * g * g
        v_max = max(v_max, v)                       (amsgrad: v_max replaces v below)
        p = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)

    eps is added after the bias correction, as torch does.

    Parameters
    ----------
    params : list of float64 arrays, updated in place
    lr, eps, weight_decay : float >= 0
    betas : (beta1, beta2), each in [0, 1)
    amsgrad : bool
    """

    _name = "Adam"
    _decoupled = False

    def __init__(
        self,
        params: Iterable[NDArray[np.float64]],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        amsgrad: bool = False,
    ) -> None:
        self.lr = hyper(self._name, "lr", lr)
        try:
            b1, b2 = betas
        except (TypeError, ValueError):
            raise ValueError(f"{self._name}: betas must be a pair (beta1, beta2), got {betas!r}") from None
        self.betas = (hyper(self._name, "beta1", b1, high=1.0, open_high=True), hyper(self._name, "beta2", b2, high=1.0, open_high=True))
        self.eps = hyper(self._name, "eps", eps)
        self.weight_decay = hyper(self._name, "weight_decay", weight_decay)
        self.amsgrad = flag(self._name, "amsgrad", amsgrad)
        super().__init__(params)

    def _state_names(self) -> tuple[str, ...]:
        return ("exp_avg", "exp_avg_sq", "max_exp_avg_sq") if self.amsgrad else ("exp_avg", "exp_avg_sq")

    def hyperparameters(self) -> dict[str, object]:
        return dict(lr=self.lr, betas=self.betas, eps=self.eps, weight_decay=self.weight_decay, amsgrad=self.amsgrad)


class AdamW(Adam):
    """AdamW, as torch.optim.AdamW: Adam whose weight decay is decoupled,

        p = p * (1 - lr * weight_decay)             (before the moment update)

    and the gradient itself is not decayed. Default weight_decay 1e-2.
    """

    _name = "AdamW"
    _decoupled = True

    def __init__(
        self,
        params: Iterable[NDArray[np.float64]],
        lr: float = 1e-3,
        betas: tuple[float, float] = (0.9, 0.999),
        eps: float = 1e-8,
        weight_decay: float = 1e-2,
        amsgrad: bool = False,
    ) -> None:
        super().__init__(params, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad)


class RMSprop(Optimizer):
    """RMSprop, as torch.optim.RMSprop (no bias correction):

        g = grad + weight_decay * p
        s = alpha * s + (1 - alpha) * g * g
        centered: a = lerp(a, g, 1 - alpha), avg = sqrt(s - a * a) + eps;  else avg = sqrt(s) + eps
        momentum > 0: b = momentum * b + g / avg, p = p - lr * b;  else p = p - lr * g / avg

    Parameters
    ----------
    params : list of float64 arrays, updated in place
    lr, alpha, eps, weight_decay, momentum : float >= 0
    centered : bool
    """

    _name = "RMSprop"

    def __init__(
        self,
        params: Iterable[NDArray[np.float64]],
        lr: float = 1e-2,
        alpha: float = 0.99,
        eps: float = 1e-8,
        weight_decay: float = 0.0,
        momentum: float = 0.0,
        centered: bool = False,
    ) -> None:
        self.lr = hyper(self._name, "lr", lr)
        self.alpha = hyper(self._name, "alpha", alpha)
        self.eps = hyper(self._name, "eps", eps)
        self.weight_decay = hyper(self._name, "weight_decay", weight_decay)
        self.momentum = hyper(self._name, "momentum", momentum)
        self.centered = flag(self._name, "centered", centered)
        super().__init__(params)

    def _state_names(self) -> tuple[str, ...]:
        return ("square_avg",) + (("momentum_buffer",) if self.momentum > 0 else ()) + (("grad_avg",) if self.centered else ())

    def hyperparameters(self) -> dict[str, object]:
        return dict(lr=self.lr, alpha=self.alpha, eps=self.eps, weight_decay=self.weight_decay, momentum=self.momentum, centered=self.centered)


class Adagrad(Optimizer):
    """Adagrad, as torch.optim.Adagrad:

        g = grad + weight_decay * p
        clr = lr / (1 + (t - 1) * lr_decay)
        s = s + g * g                               (s starts at initial_accumulator_value)
        p = p - clr * g / (sqrt(s) + eps)

    Parameters
    ----------
    params : list of float64 arrays, updated in place
    lr, lr_decay, weight_decay, initial_accumulator_value, eps : float >= 0
    """

    _name = "Adagrad"

    def __init__(
        self,
        params: Iterable[NDArray[np.float64]],
        lr: float = 1e-2,
        lr_decay: float = 0.0,
        weight_decay: float = 0.0,
        initial_accumulator_value: float = 0.0,
        eps: float = 1e-10,
    ) -> None:
        self.lr = hyper(self._name, "lr", lr)
        self.lr_decay = hyper(self._name, "lr_decay", lr_decay)
        self.weight_decay = hyper(self._name, "weight_decay", weight_decay)
        self.initial_accumulator_value = hyper(self._name, "initial_accumulator_value", initial_accumulator_value)
        self.eps = hyper(self._name, "eps", eps)
        super().__init__(params)

    def _state_names(self) -> tuple[str, ...]:
        return ("sum",)

    def _initial_state(self, name: str, p: Param) -> Param:
        return np.full_like(p, self.initial_accumulator_value)

    def hyperparameters(self) -> dict[str, object]:
        return dict(lr=self.lr, lr_decay=self.lr_decay, weight_decay=self.weight_decay,
                    initial_accumulator_value=self.initial_accumulator_value, eps=self.eps)


OPTIMIZERS = ("SGD", "Adam", "AdamW", "RMSprop", "Adagrad")
