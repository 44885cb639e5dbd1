"""Information theory on the Go backend; contracts in :mod:`mlmath.reference.information`."""

from __future__ import annotations

import math
from collections.abc import Callable

from numpy.typing import ArrayLike

from mlmath import _info
from mlmath._native import ffi, lib
from mlmath.go._buffers import DOUBLE1, ptr
from mlmath.go._contract import same_contract
from mlmath.go._status import check
from mlmath.reference import information as _ref


def _one(func: str, export: Callable[..., int], p: ArrayLike, base: float) -> float:
    b = _info.base(func, base)
    p = _info.distribution(func, "p", p)
    out = ffi.new(DOUBLE1)
    check(export(ptr(p), p.size, b, out), func)
    return out[0]


def _two(func: str, export: Callable[..., int], p: ArrayLike, q: ArrayLike, base: float) -> float:
    b = _info.base(func, base)
    p, q = _info.distributions(func, p, q)
    out = ffi.new(DOUBLE1)
    check(export(ptr(p), ptr(q), p.size, b, out), func)
    return out[0]


def _table(func: str, export: Callable[..., int], joint: ArrayLike, base: float) -> float:
    b = _info.base(func, base)
    t = _info.joint(func, joint)
    out = ffi.new(DOUBLE1)
    check(export(ptr(t), t.shape[0], t.shape[1], b, out), func)
    return out[0]


@same_contract(_ref.entropy)
def entropy(p: ArrayLike, base: float = 2) -> float:
    return _one("entropy", lib.mlm_entropy, p, base)


@same_contract(_ref.cross_entropy)
def cross_entropy(p: ArrayLike, q: ArrayLike, base: float = 2) -> float:
    return _two("cross_entropy", lib.mlm_cross_entropy, p, q, base)


@same_contract(_ref.kl_divergence)
def kl_divergence(p: ArrayLike, q: ArrayLike, base: float = 2) -> float:
    return _two("kl_divergence", lib.mlm_kl_divergence, p, q, base)


@same_contract(_ref.js_divergence)
def js_divergence(p: ArrayLike, q: ArrayLike, base: float = 2) -> float:
    return _two("js_divergence", lib.mlm_js_divergence, p, q, base)


@same_contract(_ref.js_distance)
def js_distance(p: ArrayLike, q: ArrayLike, base: float = 2) -> float:
    return math.sqrt(_two("js_distance", lib.mlm_js_divergence, p, q, base))


@same_contract(_ref.joint_entropy)
def joint_entropy(joint: ArrayLike, base: float = 2) -> float:
    return _table("joint_entropy", lib.mlm_joint_entropy, joint, base)


@same_contract(_ref.conditional_entropy)
def conditional_entropy(joint: ArrayLike, base: float = 2) -> float:
    return _table("conditional_entropy", lib.mlm_conditional_entropy, joint, base)


@same_contract(_ref.mutual_information)
def mutual_information(joint: ArrayLike, base: float = 2) -> float:
    return _table("mutual_information", lib.mlm_mutual_information, joint, base)


@same_contract(_ref.mutual_information_from_labels)
def mutual_information_from_labels(x: ArrayLike, y: ArrayLike, base: float = 2) -> float:
    func = "mutual_information_from_labels"
    b = _info.base(func, base)
    x, y = _info.labels(func, x, y)
    out = ffi.new(DOUBLE1)
    check(lib.mlm_mutual_information_from_labels(ffi.from_buffer("int64_t[]", x), ffi.from_buffer("int64_t[]", y), x.size, b, out), func)
    return out[0]
