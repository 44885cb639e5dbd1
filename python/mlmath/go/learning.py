"""Statistical learning theory on the Go backend; contracts in :mod:`mlmath.reference.learning`."""

from __future__ import annotations

from numpy.typing import ArrayLike

from mlmath import _info
from mlmath._native import ffi, lib
from mlmath._results import BiasVarianceResult
from mlmath.go._buffers import DOUBLE1, ptr
from mlmath.go._contract import same_contract
from mlmath.go._status import check
from mlmath.reference import learning as _ref


@same_contract(_ref.hoeffding_bound)
def hoeffding_bound(n: int, delta: float) -> float:
    func = "hoeffding_bound"
    n, delta = _info.count(func, "n", n), _info.probability(func, "delta", delta)
    out = ffi.new(DOUBLE1)
    check(lib.mlm_hoeffding_bound(n, delta, out), func)
    return out[0]


@same_contract(_ref.finite_class_bound)
def finite_class_bound(n: int, hypothesis_count: float, delta: float) -> float:
    func = "finite_class_bound"
    n, h, delta = _info.count(func, "n", n), _info.hypotheses(func, hypothesis_count), _info.probability(func, "delta", delta)
    out = ffi.new(DOUBLE1)
    check(lib.mlm_finite_class_bound(n, h, delta, out), func)
    return out[0]


@same_contract(_ref.sample_complexity)
def sample_complexity(epsilon: float, delta: float, hypothesis_count: float) -> int:
    func = "sample_complexity"
    eps = _info.positive(func, "epsilon", epsilon)
    delta, h = _info.probability(func, "delta", delta), _info.hypotheses(func, hypothesis_count)
    out = ffi.new("int64_t *")
    status = lib.mlm_sample_complexity(eps, delta, h, out)
    if status == lib.MLM_ERR_DOMAIN:  # the checks passed: only the size can fail
        n = _ref.sample_complexity(epsilon, delta, hypothesis_count)  # raises the reference's message
        raise AssertionError(f"{func}: Go refused what the reference computes ({n})")
    check(status, func)
    return int(out[0])


@same_contract(_ref.vc_bound)
def vc_bound(n: int, vc_dimension: int, delta: float) -> float:
    func = "vc_bound"
    n, d = _info.count(func, "n", n), _info.count(func, "vc_dimension", vc_dimension)
    delta = _info.probability(func, "delta", delta)
    if n < d:
        raise ValueError(f"{func}: n must be >= vc_dimension ({d}), got {n}")
    out = ffi.new(DOUBLE1)
    check(lib.mlm_vc_bound(n, d, delta, out), func)
    return out[0]


@same_contract(_ref.bias_variance_decomposition)
def bias_variance_decomposition(predictions: ArrayLike, y_true: ArrayLike) -> BiasVarianceResult:
    func = "bias_variance_decomposition"
    P, y = _info.predictions(func, predictions, y_true)
    b, v, e = ffi.new(DOUBLE1), ffi.new(DOUBLE1), ffi.new(DOUBLE1)
    check(lib.mlm_bias_variance(ptr(P), P.shape[0], P.shape[1], ptr(y), b, v, e), func)
    return BiasVarianceResult(b[0], v[0], e[0])
