"""Optimizers in numpy: torch.optim's single-tensor formulas, in torch's order of operations.

The classes take their arguments, checks and state from :mod:`mlmath._optim`
(shared with the Go backend); each ``_update`` below is the formula for one
parameter, written out in numpy. Operation order follows torch (``lerp`` for
the first moment, ``(value * a) * b`` for addcmul, ``(value * a) / b`` for
addcdiv), so float64 results agree with torch's to a few ulps.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from mlmath import _optim
from mlmath._optim import Param, State

__all__ = ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad"]


def lerp(start: NDArray[np.float64], end: NDArray[np.float64], weight: float) -> NDArray[np.float64]:
    """torch.lerp: start + w (end - start) for w < 0.5, else end - (end - start)(1 - w)."""
    if abs(weight) < 0.5:
        return start + weight * (end - start)
    return end - (end - start) * (1 - weight)


def _decayed(g: NDArray[np.float64], p: NDArray[np.float64], weight_decay: float) -> NDArray[np.float64]:
    """g + weight_decay * p (a new array; g itself is the caller's)."""
    return g + weight_decay * p if weight_decay != 0 else g


class SGD(_optim.SGD):
    __doc__ = _optim.SGD.__doc__

    def _update(self, i: int, p: Param, g: Param, state: State, t: int) -> None:
        g = _decayed(g, p, self.weight_decay)
        if self.momentum != 0:
            buf = state["momentum_buffer"]
            if t == 1:
                buf[...] = g
            else:
                buf[...] = buf * self.momentum + (1 - self.dampening) * g
            g = g + self.momentum * buf if self.nesterov else buf
        p += -self.lr * g


class Adam(_optim.Adam):
    __doc__ = _optim.Adam.__doc__

    def _update(self, i: int, p: Param, g: Param, state: State, t: int) -> None:
        b1, b2 = self.betas
        if self._decoupled:
            p *= 1 - self.lr * self.weight_decay
        else:
            g = _decayed(g, p, self.weight_decay)
        m, v = state["exp_avg"], state["exp_avg_sq"]
        m[...] = lerp(m, g, 1 - b1)
        v[...] = v * b2 + ((1 - b2) * g) * g
        step_size = self.lr / (1 - b1**t)
        bc2_sqrt = math.sqrt(1 - b2**t)
        if self.amsgrad:
            vmax = state["max_exp_avg_sq"]
            np.maximum(vmax, v, out=vmax)
            denom = np.sqrt(vmax) / bc2_sqrt + self.eps
        else:
            denom = np.sqrt(v) / bc2_sqrt + self.eps
        p += (-step_size * m) / denom


class AdamW(_optim.AdamW):
    __doc__ = _optim.AdamW.__doc__
    _update = Adam._update  # the same formula; _decoupled switches the weight decay


class RMSprop(_optim.RMSprop):
    __doc__ = _optim.RMSprop.__doc__

    def _update(self, i: int, p: Param, g: Param, state: State, t: int) -> None:
        g = _decayed(g, p, self.weight_decay)
        sq = state["square_avg"]
        sq[...] = sq * self.alpha + ((1 - self.alpha) * g) * g
        if self.centered:
            ga = state["grad_avg"]
            ga[...] = lerp(ga, g, 1 - self.alpha)
            avg = np.sqrt(sq + (-1.0 * ga) * ga)
        else:
            avg = np.sqrt(sq)
        avg = avg + self.eps
        if self.momentum > 0:
            buf = state["momentum_buffer"]
            buf[...] = buf * self.momentum + g / avg
            p += -self.lr * buf
        else:
            p += (-self.lr * g) / avg


class Adagrad(_optim.Adagrad):
    __doc__ = _optim.Adagrad.__doc__

    def _update(self, i: int, p: Param, g: Param, state: State, t: int) -> None:
        g = _decayed(g, p, self.weight_decay)
        clr = self.lr / (1 + (t - 1) * self.lr_decay)
        s = state["sum"]
        s[...] = s + (1.0 * g) * g
        p += (-clr * g) / (np.sqrt(s) + self.eps)
