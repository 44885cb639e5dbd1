"""Run one recipe on both backends and judge the two outcomes.

The rules (issue 11):

- Both backends raise the same exception class, or both return results that
  agree (the same types, shapes and dtypes; floats within a tolerance scaled
  by size and magnitude; NaN and Inf in the same places).
- The exception is one a caller can expect from numpy-style code: TypeError,
  ValueError (numpy.linalg.LinAlgError and numpy's AxisError are
  ValueErrors) or OverflowError (numpy's for integers beyond int64); or the
  exception a hostile callable or object raised itself, passed through
  unchanged; or MemoryError from both, for a result that needs TiBs (what
  numpy raises for np.empty of that shape). Anything else (RuntimeError,
  e.g. a recovered Go panic, SystemError, ZeroDivisionError, KeyError,
  IndexError, AttributeError, RecursionError, cffi's errors...) is a defect
  even when both backends raise it.
- No input is modified (optimizer parameters and train_mlp's weights are
  updated by design and not checked), and no result shares memory with an
  input (train_mlp returns its weight arrays by design).

How results are compared, by target (``RULES``):

========== =====================================================================
default    elementwise: |a - b| <= atol + rtol * max(|a|, |b|) with
           rtol = SAFETY * n * eps and atol = SAFETY * n * eps * S**2 + n * (smallest
           subnormal), n the number of input values and S the largest finite
           input magnitude (>= 1): a sum of n products of inputs, rounded in
           another order, is within that (Higham 3.1). NaN and +-Inf must sit in
           the same places (the sign of a zero is not compared: the order of
           a sum decides it). Where S**2 * n overflows (inputs near 1e154 and beyond),
           IEEE results depend on the order of operations (inf - inf = nan in
           one order, a finite value in another), so only types, shapes and
           dtypes are compared.
linalg     det, inv, solve, cholesky, pinv, cond, matrix_rank: the same
           comparison with rtol = SAFETY * n * eps * cond(A) relative to the
           largest result entry, when A (the first argument, as a float64 array)
           has cond(A) * eps < 1e-6; otherwise (near-singular, non-finite, or A
           not an array at all) types, shapes, dtypes only, and for inv/solve an
           exactly singular pivot in one backend and a tiny one in the other is
           accepted: one raises LinAlgError, the other returns a result (the
           "rank_deficient" cases of tests/cases.py); the same for cholesky
           of a singular positive semi-definite matrix (a zero pivot that
           rounds to +-1e-16). Rounding decides both.
spectral   svd, eigh: the singular values / eigenvalues (well-conditioned:
           perturbed by at most ||A|| * eps * n) with atol = SAFETY * n * eps *
           max|A|; the vectors, whose signs are arbitrary, by shape and dtype.
structure  eig, qr, low_rank_approx, pca: types, shapes, dtypes and whether all
           values are finite. Eigenvector phases and QR/SVD signs are
           arbitrary, and eig of a defective matrix is ill-conditioned (a
           Jordan block of size k moves eigenvalues by eps**(1/k)): one backend
           may return real eigenvalues and the other complex ones, accepted
           when every imaginary part is below 1e-6 * max|w|. Values are tested
           for valid input in test_decompositions.py; here the residuals.
           Also accepted (a known limitation, see _eig_without_balancing):
           Go's LinAlgError("did not converge") against numpy's result for a
           matrix whose nonzero entries span more than 2**900.
residuals  on top of the rules above, every finite result of eig, eigh, svd,
           qr, cholesky, low_rank_approx, inv and solve must reproduce its
           (finite) input: ||A V - V diag(w)||, ||A - U S Vh||, ||A - Q R||,
           ||A - L L^T||, ||A X - B|| <= 1e3 * max(m, n) * eps * ||A|| (times ||X||
           for inv/solve), on A scaled to max |a| = 1. Backward stability bounds
           these whatever the conditioning: where results legitimately differ
           (signs, near-defective eig, ill-conditioned solves) both must still
           be right.
symbolic   symbolic_derivative: both str (the reference prints sympy's form,
           Go its own; tests/test_symbolic.py compares them numerically).
iterative  gradient_descent, logistic_regression, train_mlp, the optimizers,
           LogisticRegression: rtol 1e-7 (rounding differences are amplified
           along the iterations); the overflow regime as in default.
========== =====================================================================
"""

from __future__ import annotations

import math
import re
import traceback
import warnings

import numpy as np

from hostile import targets as ht
from hostile import values as hv

#: object addresses in messages (each backend gets its own objects)
_ADDRESS = re.compile(r"0x[0-9a-f]+")
EPS = float(np.finfo(np.float64).eps)
SUBNORMAL = float(np.finfo(np.float64).smallest_subnormal)
TINY = float(np.finfo(np.float64).tiny)
SAFETY = 8.0

RULES = {
    **dict.fromkeys(("det", "inv", "solve", "cholesky", "pinv", "cond", "matrix_rank"), "linalg"),
    **dict.fromkeys(("svd", "eigh"), "spectral"),
    **dict.fromkeys(("eig", "qr", "low_rank_approx", "pca"), "structure"),
    "symbolic_derivative": "symbolic",
}

#: Exception classes a caller may get for bad input.
ALLOWED = (TypeError, ValueError, OverflowError, MemoryError)
#: ... and never these, whatever their base class. (MemoryError is accepted
#: when both backends raise it: a result that needs TiBs, as numpy's np.empty
#: of such a shape raises it.)
NEVER = (RecursionError, SystemError, ZeroDivisionError, KeyError, IndexError, AttributeError, NotImplementedError)


def allowed(exc: BaseException) -> bool:
    """An exception class a caller may get for bad input (numpy's AxisError
    is a ValueError and an IndexError: allowed)."""
    if isinstance(exc, np.exceptions.AxisError):
        return True
    return isinstance(exc, ALLOWED) and not isinstance(exc, NEVER)


def rule(name: str) -> str:
    t = ht.get(name)
    return RULES.get(name, t.rule)


# -- outcomes -----------------------------------------------------------------


class Outcome:
    """What one backend did: returned ``value`` or raised ``exc``."""

    __slots__ = ("value", "exc", "hostile_origin", "tb")

    def __init__(self, value=None, exc=None, hostile_origin=False, tb=""):
        self.value, self.exc, self.hostile_origin, self.tb = value, exc, hostile_origin, tb

    def __repr__(self):
        if self.exc is None:
            return f"returned {_short(self.value)}"
        return f"raised {type(self.exc).__name__}: {str(self.exc)[:300]}"


def _short(v, limit=400) -> str:
    s = hv.describe(v, limit) if isinstance(v, np.ndarray) else repr(v)
    return s if len(s) <= limit else s[: limit - 3] + "..."


def _origin_is_hostile(exc: BaseException) -> bool:
    """True when the innermost frame of ``exc`` is a hostile callable or object (values.py)."""
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    return last is not None and last.tb_frame.f_code.co_filename == hv.__file__


def run(built: ht.Built, mod) -> Outcome:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = built.run(mod)
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as e:  # noqa: BLE001 - judged below
            return Outcome(exc=e, hostile_origin=_origin_is_hostile(e), tb="".join(traceback.format_exception(e, limit=-4))[-2000:])
    return Outcome(value=value)


# -- snapshots: inputs must not change ---------------------------------------


def snapshot(x):
    if isinstance(x, np.ndarray):
        return ("nd", type(x), x.dtype.str, x.shape, x.strides, x.flags.writeable, x.tobytes() if x.size < 10**6 else None)
    if isinstance(x, (list, tuple)):
        return (type(x), tuple(snapshot(e) for e in x))
    if isinstance(x, (float, int, str, bytes, bool, type(None))):
        return ("v", type(x), repr(x))
    return ("o", id(x))


def changed_inputs(built: ht.Built, before: dict) -> list[str]:
    return [k for k, v in built.inputs.items() if k not in built.target.updated and snapshot(v) != before[k]]


def _arrays(x):
    if isinstance(x, np.ndarray):
        yield x
    elif isinstance(x, (list, tuple)):
        for e in x:
            yield from _arrays(e)


def aliased(built: ht.Built, value) -> list[str]:
    """Inputs that share memory with the result."""
    if built.target.updated:
        return []
    out = []
    for k, v in built.inputs.items():
        for a in _arrays(v):
            for r in _arrays(value):
                if a.size and r.size and np.shares_memory(a, r):
                    out.append(k)
    return out


# -- comparing results --------------------------------------------------------


class Mismatch(Exception):
    pass


def magnitude(built: ht.Built) -> tuple[float, int]:
    """(S, n): the largest finite magnitude of the real inputs (at least 1)
    and the number of input values (at least 1)."""
    S, n = 1.0, 0
    for v in built.inputs.values():
        for a in _real_arrays(v):
            if a.size > 10**6:
                continue
            n += a.size
            with np.errstate(all="ignore"):
                f = np.abs(a.astype(np.float64, copy=False))
            f = f[np.isfinite(f)]
            if f.size:
                S = max(S, float(f.max()))
    return S, max(n, 1)


def _real_arrays(v):
    if isinstance(v, (bool, np.bool_)):
        return
    if isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
        try:
            yield np.asarray(float(v))
        except OverflowError:
            yield np.asarray(np.inf)
        return
    if isinstance(v, np.ndarray):
        if v.dtype.kind in "biuf":
            yield np.asarray(v)
        return
    if isinstance(v, (list, tuple)):
        try:
            a = np.asarray(v)
        except Exception:
            a = None
        if a is not None and a.dtype.kind in "biuf":
            yield a
            return
        for e in v:
            yield from _real_arrays(e)


def _nearly_real(w: np.ndarray) -> bool:
    """Complex eigenvalues whose imaginary parts are within rounding of a
    defective real eigenvalue (a Jordan block of size k moves by eps**(1/k))."""
    scale = max(1.0, float(np.max(np.abs(w)))) if w.size else 1.0
    return bool(np.all(np.abs(w.imag) <= 1e-6 * scale))


def same_structure(a, b, where="result", name=""):
    if name == "eig" and isinstance(a, tuple) and len(a) == 2 and a[0].dtype != b[0].dtype:
        # real in one backend, complex (nearly real) in the other: a defective matrix
        c = a if a[0].dtype.kind == "c" else b
        if _nearly_real(c[0]) and a[0].shape == b[0].shape and a[1].shape == b[1].shape:
            return
        raise Mismatch(f"{where}: eigenvalues {a[0].dtype} vs {b[0].dtype}, not nearly real: {_short(c[0])}")
    if type(a) is not type(b):
        raise Mismatch(f"{where}: types differ: {type(a).__name__} vs {type(b).__name__}")
    if isinstance(a, tuple):
        if len(a) != len(b):
            raise Mismatch(f"{where}: lengths differ: {len(a)} vs {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            same_structure(x, y, f"{where}[{i}]")
    elif isinstance(a, np.ndarray):
        if a.shape != b.shape or a.dtype != b.dtype:
            raise Mismatch(f"{where}: {a.shape} {a.dtype} vs {b.shape} {b.dtype}")


def close(a, b, rtol: float, atol: float, where="result", exact_nonfinite=True):
    """Values equal within the tolerance, NaN and Inf in the same places."""
    if isinstance(a, tuple):
        for i, (x, y) in enumerate(zip(a, b)):
            close(x, y, rtol, atol, f"{where}[{i}]", exact_nonfinite)
        return
    if isinstance(a, str) or isinstance(a, (bool, np.bool_)) or isinstance(a, (int, np.integer)):
        if a != b:
            raise Mismatch(f"{where}: {a!r} != {b!r}")
        return
    if a is None:
        return
    x, y = np.asarray(a), np.asarray(b)
    if x.dtype.kind not in "fc":
        if not np.array_equal(x, y):
            raise Mismatch(f"{where}: {_short(x)} != {_short(y)}")
        return
    for part in ((x.real, y.real), (x.imag, y.imag)) if x.dtype.kind == "c" else ((x, y),):
        p, q = part
        nan_p, nan_q = np.isnan(p), np.isnan(q)
        if exact_nonfinite:
            if not np.array_equal(nan_p, nan_q):
                raise Mismatch(f"{where}: NaN in different places: {_short(x)} vs {_short(y)}")
            inf_p, inf_q = np.isinf(p), np.isinf(q)
            if not np.array_equal(inf_p, inf_q) or not np.array_equal(p[inf_p], q[inf_q]):
                raise Mismatch(f"{where}: Inf in different places: {_short(x)} vs {_short(y)}")
        fin = np.isfinite(p) & np.isfinite(q)
        with np.errstate(all="ignore"):
            d = np.abs(p[fin] - q[fin])
            lim = atol + rtol * np.maximum(np.abs(p[fin]), np.abs(q[fin]))
        if d.size and not (d <= lim).all():
            i = int(np.argmax(d - lim))
            raise Mismatch(f"{where}: |{p[fin][i]!r} - {q[fin][i]!r}| = {d[i]:.3e} > {lim[i]:.3e}")


def all_finite(v) -> bool:
    if isinstance(v, tuple):
        return all(all_finite(e) for e in v)
    if isinstance(v, (np.ndarray, float, np.floating)) and np.asarray(v).dtype.kind in "fc":
        return bool(np.isfinite(v).all())
    return True


def _first_matrix(built: ht.Built):
    t = built.target
    v = built.inputs[t.slots[0].name]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            A = np.asarray(v)
            if A.dtype.kind not in "biuf" or A.ndim != 2 or A.size == 0 or A.size > 10**4:
                return None
            return A.astype(np.float64)
    except Exception:
        return None


def _cond(A) -> float:
    if A is None or not np.isfinite(A).all():
        return math.inf
    try:
        with np.errstate(all="ignore"):
            return float(np.linalg.cond(A))
    except Exception:
        return math.inf


#: Backward error allowed in the residual checks, times max(m, n) * eps:
#: generous (LAPACK's are about n * eps), it catches wrong results, not rounding.
RESIDUAL_FACTOR = 1e3


def residual(name: str, built: ht.Built, result) -> str:
    """'' when the decomposition reproduces its matrix, e.g. ||A V - V diag(w)|| <=
    RESIDUAL_FACTOR * n * eps * ||A|| for eig, else what is wrong. Backward
    stability bounds these residuals whatever the conditioning, so they hold
    where the results themselves legitimately differ (near-defective eig,
    arbitrary signs)."""
    A = _first_matrix(built)
    if A is None or not np.isfinite(A).all() or not all_finite(result):
        return ""
    scale = float(np.max(np.abs(A)))
    if scale == 0:
        return ""
    As = A / scale
    if name in ("eigh", "cholesky"):  # only the lower triangle is read
        As = np.tril(As) + np.tril(As, -1).T
    with np.errstate(all="ignore"):
        if name in ("eig", "eigh"):
            w, V = result
            R = As @ V - V * (w / scale)
            B = As
        elif name == "svd":
            U, S, Vh = result
            k = S.shape[0]
            R = As - (U[:, :k] * (S / scale)) @ Vh[:k]
            B = As
        elif name == "qr":
            Q, Rm = result
            R = As - Q @ (Rm / scale)
            B = As
        elif name == "cholesky":
            L = result / math.sqrt(scale)
            R = As - L @ L.T
            B = As
        elif name == "low_rank_approx":
            U, s, Vt, Ak = result
            R = Ak / scale - (U * (s / scale)) @ Vt
            B = As
        elif name in ("solve", "inv"):
            X = result
            rhs = (np.eye(A.shape[0]) if name == "inv" else np.asarray(built.inputs["b"], dtype=np.float64)) / scale
            R = As @ X - rhs
            B = np.linalg.norm(As) * np.linalg.norm(X) + np.linalg.norm(rhs)
        else:
            return ""
        num = float(np.linalg.norm(R))
        den = float(B) if np.ndim(B) == 0 else float(np.linalg.norm(B))
    if not (math.isfinite(num) and math.isfinite(den)):
        return ""
    tol = RESIDUAL_FACTOR * max(A.shape) * EPS
    # LAPACK's error bounds have an absolute term for underflow: a matrix of
    # subnormals is factored to a few bits (scaled by 1/max|a|: tiny/max|a|).
    if num > tol * den + RESIDUAL_FACTOR * max(A.shape) * TINY / scale:
        return f"residual {num / max(den, 1e-300):.3e} > {tol:.3e} (relative)"
    return ""


def compare_values(name: str, built: ht.Built, ref, got) -> str:
    """'' if the results agree under the target's rule, or a description of the difference.
    Also returns 'loose' when only the structure was compared."""
    r = rule(name)
    try:
        for who, value in (("reference", ref), ("go", got)):
            bad = residual(name, built, value)
            if bad:
                raise Mismatch(f"{who}'s result does not reproduce A: {bad}")
        same_structure(ref, got, name=name)
        S, n = magnitude(built)
        with np.errstate(all="ignore"):
            overflow = not math.isfinite(SAFETY * n * S * S * 4)
        if r == "symbolic":
            return "loose"
        if r == "structure":
            if not overflow and all_finite(ref) != all_finite(got):
                raise Mismatch(f"finite {all_finite(ref)} vs {all_finite(got)}")
            return "loose"
        if overflow:
            return "loose"
        if r == "spectral":
            vals = 0 if name == "eigh" else 1
            close(ref[vals], got[vals], SAFETY * n * EPS, SAFETY * n * EPS * S + n * SUBNORMAL, f"result[{vals}]")
            return ""
        if r == "linalg":
            A = _first_matrix(built)
            c = _cond(A)
            if not (c * EPS < 1e-6):
                if all_finite(ref) != all_finite(got) and c < math.inf:
                    pass  # near-singular: overflow to inf in one backend only is rounding
                return "loose"
            scale = max((float(np.max(np.abs(x))) for x in _arrays(ref) if x.size and np.isfinite(x).all()), default=0.0)
            if not isinstance(ref, np.ndarray) and isinstance(ref, float) and math.isfinite(ref):
                scale = abs(ref)
            tol = SAFETY * max(n, 4) * EPS * max(c, 1.0)
            close(ref, got, tol, tol * scale + n * SUBNORMAL)
            return ""
        if r == "iterative":
            close(ref, got, 1e-7, 1e-7 * S + n * SUBNORMAL)
            return ""
        close(ref, got, SAFETY * n * EPS, SAFETY * n * EPS * S * S + n * SUBNORMAL)
        return ""
    except Mismatch as e:
        return f"results differ: {e}"


# -- the verdict ----------------------------------------------------------------

#: verdict kinds that are failures
FAILURES = ("error-mismatch", "result-mismatch", "bad-exception", "mutation", "alias", "harness", "message-mismatch")


def judge(recipe) -> dict:
    """Run ``recipe`` on both backends; returns {"kind": ..., "detail": ...}.

    Kinds: "same-error", "same-result", "loose-result" (only the structure
    compared), and the failures of FAILURES."""
    import mlmath.go
    import mlmath.reference

    name = recipe[0]
    outcomes, builts = [], []
    for mod in (mlmath.reference, mlmath.go):
        try:
            built = ht.build(recipe)
        except Exception as e:  # noqa: BLE001 - a bug in the engine, not in mlmath
            return {"kind": "harness", "detail": f"building the call failed: {type(e).__name__}: {e}"}
        before = {k: snapshot(v) for k, v in built.inputs.items()}
        out = run(built, mod)
        changed = changed_inputs(built, before)
        if changed:
            return {"kind": "mutation", "detail": f"{mod.__name__}.{name} modified {changed}; {out!r}"}
        if out.exc is None:
            al = aliased(built, out.value)
            if al:
                return {"kind": "alias", "detail": f"{mod.__name__}.{name}: the result shares memory with {al}"}
        outcomes.append(out)
        builts.append(built)
    ref, go = outcomes
    if ref.exc is not None and go.exc is not None:
        if type(ref.exc) is not type(go.exc):
            return {"kind": "error-mismatch", "detail": f"reference {ref!r}; go {go!r}\n{go.tb}"}
        hostile = ref.hostile_origin and go.hostile_origin
        if not hostile and not allowed(ref.exc):
            return {"kind": "bad-exception", "detail": f"both raised {type(ref.exc).__name__}: reference {ref!r}; go {go!r}\n{go.tb}"}
        same_msg = _ADDRESS.sub("0x", str(ref.exc)) == _ADDRESS.sub("0x", str(go.exc))
        return {"kind": "same-error", "detail": type(ref.exc).__name__ + ("" if same_msg else " (messages differ)"),
                "messages": None if same_msg else [str(ref.exc)[:300], str(go.exc)[:300]]}
    if (ref.exc is None) != (go.exc is None):
        if _singular_rounding(name, builts[0], ref, go):
            return {"kind": "loose-result", "detail": "singular in one backend only (rounding)"}
        if _eig_without_balancing(name, builts[0], ref, go):
            return {"kind": "loose-result", "detail": "eig: entries spanning more than 2**900 (Go has no balancing)"}
        bad = go if go.exc is not None else ref
        return {"kind": "error-mismatch", "detail": f"reference {ref!r}; go {go!r}\n{bad.tb}"}
    diff = compare_values(name, builts[0], ref.value, go.value)
    if diff == "loose":
        return {"kind": "loose-result", "detail": ""}
    if diff:
        return {"kind": "result-mismatch", "detail": f"{diff}\nreference {ref!r}\ngo {go!r}"}
    return {"kind": "same-result", "detail": ""}


#: The dynamic range (max |a| / min nonzero |a|) beyond which Go's eig may
#: not converge where LAPACK does (see _eig_without_balancing).
EIG_RANGE = 2.0**900


def _eig_without_balancing(name: str, built: ht.Built, ref: Outcome, go: Outcome) -> bool:
    """A known limitation, not a defect: Go's eig (EISPACK's hqr2) has no
    balancing (LAPACK's dgebal: isolating eigenvalues by permutation, then
    diagonal scaling) and scales the whole matrix by one power of two; when
    the entries span more than about 2**900 (1.8e308 next to 5), the small
    ones underflow in hqr2's squares wherever the scale puts them, and a
    defective block can end in LinAlgError("did not converge") where numpy
    returns. Accepted only in that case (first seen with recipe
    ('eig', (('A', ('layout', 'noncontig'), ('dtype', 'int8'), ('fill', 'max', 'first')),)))."""
    if name != "eig" or ref.exc is not None or not isinstance(go.exc, np.linalg.LinAlgError) or "converge" not in str(go.exc):
        return False
    A = _first_matrix(built)
    if A is None or not np.isfinite(A).all():
        return False
    nz = np.abs(A[A != 0])
    return nz.size > 0 and float(nz.max()) / float(nz.min()) > EIG_RANGE


#: where rounding decides between an error and a result, for matrices singular to working precision
ROUNDING_ERRORS = {"inv": "Singular matrix", "solve": "Singular matrix", "cholesky": "not positive definite"}


def _singular_rounding(name: str, built: ht.Built, ref: Outcome, go: Outcome) -> bool:
    """inv/solve: LinAlgError("Singular matrix") in one backend, a result in
    the other; cholesky: "not positive definite" against a factor with a
    pivot of rounding size (a positive semi-definite matrix: a_jj - sum l_jp**2
    is 0 in exact arithmetic, +-1e-16 after rounding); for a matrix singular
    to working precision (cond(A) * eps >= 1e-6)."""
    if name not in ROUNDING_ERRORS:
        return False
    exc = ref.exc if ref.exc is not None else go.exc
    if not isinstance(exc, np.linalg.LinAlgError) or ROUNDING_ERRORS[name] not in str(exc):
        return False
    return not (_cond(_first_matrix(built)) * EPS < 1e-6)
