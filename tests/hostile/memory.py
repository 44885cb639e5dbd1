"""Memory stays flat: a million small calls per family on the Go backend, RSS sampled.

    python -m hostile.memory --family NAME --calls N     (one family, JSON on stdout)

Each family is a cycle of small calls on the Go backend (``FAMILIES``): the
valid paths, plus the paths that allocate across the boundary and could leak
there: string results (symbolic derivatives that grow the buffer, Go's error
messages in it, the info strings), Python callbacks (that return, that
raise, that return garbage) and their cffi handles, complex results (eig of a
rotation), error statuses turned into exceptions, optimizer state and
training loops. Each family runs in a fresh process (so that ``ru_maxrss``
is its own peak). After a warmup (the first 30% of the calls) the current
RSS is read from /proc/self/statm (after ``gc.collect()``: exceptions hold
cycles through their tracebacks until collected, which is not a leak),
again after every tenth of the remaining calls, and at the end. The growth is the RSS at the
end minus the RSS after the warmup; :data:`LIMIT_MB` is the most allowed.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np

TESTS = Path(__file__).resolve().parent.parent
if str(TESTS) not in sys.path:
    sys.path.insert(0, str(TESTS))

#: The most RSS may grow after the warmup, in MB: a leak of 8 bytes per call
#: over a million calls. Allocator noise on these loops stays below 1 MB.
LIMIT_MB = 8.0
#: The warmup, percent of the calls: the Go runtime's heap and Python's
#: allocator pools settle at a plateau a few MB up within some 300,000 calls.
WARMUP = 30
_PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    """The current resident set size, MB (/proc/self/statm)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * _PAGE / 2**20


def peak_mb() -> float:
    """The peak resident set size of this process image, MB: VmHWM of
    /proc/self/status. (getrusage's ru_maxrss survives exec: in a child of a
    big parent it reports the parent's size at the fork.)"""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _raises(f, exc):
    """A call that must raise ``exc`` (an error path: the status or the callback's exception)."""

    def call():
        try:
            f()
        except exc:
            return
        raise AssertionError(f"{f} did not raise {exc.__name__}")

    return call


class _Boom(Exception):
    pass


def _boom(x):
    raise _Boom("from the callback")


#: The families, in the order make soak runs them.
FAMILY_NAMES = ("vectors", "matrices", "decompositions", "calculus", "symbolic", "nn", "optimizers", "information", "learning",
                "pipeline", "metrics")


def families() -> dict[str, list]:
    """Family name -> the calls of its cycle (zero-argument callables)."""
    from mlmath import LogisticRegression, go, objectives
    from mlmath._native import lib
    from mlmath.go._buffers import string_result

    LinAlgError = np.linalg.LinAlgError
    rng = np.random.default_rng(11)
    v, w = rng.standard_normal(8), rng.standard_normal(8)
    A = rng.standard_normal((4, 4)) + 4 * np.eye(4)
    S = A @ A.T
    B = rng.standard_normal((6, 3))
    R = np.array([[0.0, -1.0], [1.0, 0.0]])  # a rotation: complex eigenvalues
    y01 = np.array([0, 1, 1, 0, 1, 0])
    labels4 = np.array([0, 1, 2, 3, 1, 2])
    p, q = np.abs(v) + 0.1, np.abs(w) + 0.1

    def f_sum_sin(x):
        return float(np.sum(np.sin(x)))

    def f_vec(x):
        return np.concatenate([np.sin(x), x * x])

    def f_garbage(x):
        return "garbage"

    def stop_at_3(k, x, fx):
        return k >= 3

    def lr_callback(k, loss):
        return None

    params = [np.array([1.0, -2.0, 0.5]), np.array([[0.3, 0.1], [-0.2, 0.4]])]
    grads = [np.array([0.1, -0.1, 0.2]), np.array([[0.01, 0.02], [0.03, -0.01]])]
    opts = {"SGD": go.SGD(params, lr=1e-3, momentum=0.9), "Adam": go.Adam(params, lr=1e-4, amsgrad=True), "AdamW": go.AdamW(params),
            "RMSprop": go.RMSprop(params, centered=True, momentum=0.1), "Adagrad": go.Adagrad(params)}
    new_counter = [0]

    def new_optimizer():  # optimizers come and go: their state arrays must go too
        new_counter[0] += 1
        ps = [np.zeros(5), np.ones((3, 2))]
        o = go.Adam(ps, lr=1e-3)
        o.step([np.ones(5), np.ones((3, 2))])

    mlp = dict(X=B[:, :2].copy(), y=np.array([0.0, 1, 1, 0, 1, 0]))

    def train():
        ps = [A[:2, :3] * 0.3, np.zeros(3), A[:3, :1] * 0.3, np.zeros(1)]
        go.train_mlp(mlp["X"], mlp["y"], *ps, go.SGD(ps, lr=0.1), 2, 4)

    fwd = go.mlp_forward(mlp["X"], A[:2, :3], v[:3], A[:3, :1], v[:1])
    long_expr = "+".join(f"sin({k}*x)^3" for k in range(1, 40))  # a result larger than the first buffer
    est = LogisticRegression(backend="go", max_iter=5)
    ystr = np.array(["a", "b", "b", "a", "b", "a"])

    return {
        "vectors": [
            lambda: go.add(v, w),
            lambda: go.subtract(v, w),
            lambda: go.scale(2.0, v),
            lambda: go.dot(v, w),
            lambda: go.dot(list(v), w),  # a converted input
            lambda: go.norm(v, 1),
            lambda: go.cosine_similarity(v, w),
            _raises(lambda: go.add(v, w[:3]), ValueError),
        ],
        "matrices": [
            lambda: go.matmul(A, B[:4]),
            lambda: go.matmul(A, v[:4]),
            lambda: go.transpose(B),
            lambda: go.det(A),
            lambda: go.inv(A),
            lambda: go.solve(A, B[:4]),
            lambda: go.inv(np.asfortranarray(A)),  # a copied input
            _raises(lambda: go.inv(np.zeros((3, 3))), LinAlgError),  # Go's status -> exception
        ],
        "decompositions": [
            lambda: go.cholesky(S),
            lambda: go.qr(B),
            lambda: go.eig(R),  # complex results
            lambda: go.eig(A),
            lambda: go.eigh(S),
            lambda: go.svd(B),
            lambda: go.pinv(B),
            lambda: go.matrix_rank(B),
            lambda: go.cond(A),
            lambda: go.low_rank_approx(B, 2),
            lambda: go.pca(B, 2),
            _raises(lambda: go.cholesky(-S), LinAlgError),
        ],
        "calculus": [
            lambda: go.numerical_derivative(np.sin, 0.5),
            lambda: go.gradient(f_sum_sin, v[:3]),
            lambda: go.jacobian(f_vec, v[:3]),
            lambda: go.hessian(f_sum_sin, v[:3]),
            lambda: go.check_gradient(f_sum_sin, np.cos, v[:3]),
            lambda: go.gradient_descent(objectives.quadratic, None, v[:3], 0.1, 5),
            lambda: go.gradient_descent(f_sum_sin, np.cos, v[:3], 0.1, 10, callback=stop_at_3),
            _raises(lambda: go.gradient(_boom, v[:3]), _Boom),  # the callback raises
            _raises(lambda: go.jacobian(f_garbage, v[:3]), TypeError),  # the callback returns garbage
            _raises(lambda: go.numerical_derivative(_boom, 0.5), _Boom),
        ],
        "symbolic": [
            lambda: go.symbolic_derivative("x^3 + sin(x)", "x"),
            lambda: go.symbolic_derivative(long_expr, "x"),  # grows the string buffer
            lambda: go.symbolic_derivative("exp(y) * log(y)", "y"),
            _raises(lambda: go.symbolic_derivative("x + * 2", "x"), ValueError),  # Go's message in the buffer
            _raises(lambda: go.symbolic_derivative("foo(x)", "x"), ValueError),
            lambda: string_result(lib.mlm_go_version, "go_version"),  # the info strings
            lambda: string_result(lib.mlm_kernel, "kernel"),
            lambda: string_result(lib.mlm_cpu_features, "cpu_features"),
        ],
        "nn": [
            lambda: go.sigmoid(B),
            lambda: go.relu(v),
            lambda: go.tanh_derivative(v),
            lambda: go.softmax(B),
            lambda: go.log_softmax(B, 0),
            lambda: go.logsumexp(B),
            lambda: go.mse(v, w),
            lambda: go.binary_cross_entropy(y01.astype(float), np.full(6, 0.3)),
            lambda: go.binary_cross_entropy_with_logits(y01.astype(float), v[:6]),
            lambda: go.softmax_cross_entropy(np.array([0, 2, 1, 1, 0, 2]), B),
            lambda: go.mlp_forward(mlp["X"], A[:2, :3], v[:3], A[:3, :1], v[:1]),
            lambda: go.mlp_backward(mlp["X"], mlp["y"], *fwd, A[:2, :3], A[:3, :1]),
            train,
            _raises(lambda: go.softmax(B, 5), ValueError),
        ],
        "optimizers": [
            *[(lambda o=o: o.step(grads)) for o in opts.values()],
            new_optimizer,
            _raises(lambda: opts["Adam"].step(grads[:1]), ValueError),
        ],
        "information": [
            lambda: go.entropy(p),
            lambda: go.cross_entropy(p, q),
            lambda: go.kl_divergence(p, q),
            lambda: go.js_divergence(p, q),
            lambda: go.js_distance(p, q),
            lambda: go.joint_entropy(np.abs(B)),
            lambda: go.conditional_entropy(np.abs(B)),
            lambda: go.mutual_information(np.abs(B)),
            lambda: go.mutual_information_from_labels(labels4, y01),
            _raises(lambda: go.entropy(-p), ValueError),
        ],
        "learning": [
            lambda: go.hoeffding_bound(100, 0.05),
            lambda: go.finite_class_bound(100, 1000, 0.05),
            lambda: go.sample_complexity(0.1, 0.05, 1000),
            lambda: go.vc_bound(100, 5, 0.05),
            lambda: go.bias_variance_decomposition(B.T, v[:6]),
            _raises(lambda: go.vc_bound(3, 4, 0.1), ValueError),
        ],
        "pipeline": [
            lambda: go.standardize(B),
            lambda: go.apply_standardize(B, v[:3], p[:3]),
            lambda: go.logistic_regression(B, y01, 0.5, 5),
            lambda: go.logistic_regression(B, y01, 0.5, 5, callback=lr_callback),
            lambda: go.predict_proba(B, v[:3], 0.1),
            lambda: go.predict(B, v[:3], 0.1),
            lambda: est.fit(B, ystr).predict(B),
            _raises(lambda: go.logistic_regression(B, np.zeros(6)), ValueError),
        ],
        "metrics": [
            lambda: go.accuracy(labels4, y01),
            lambda: go.precision(y01, y01[::-1]),
            lambda: go.recall(y01, y01[::-1]),
            lambda: go.f1_score(y01, y01[::-1]),
            lambda: go.confusion_matrix(labels4, y01),  # 4 labels: the output buffer grows
            lambda: go.log_loss(y01, np.full(6, 0.4)),
            lambda: go.roc_auc(y01, v[:6]),
            _raises(lambda: go.roc_auc(np.zeros(6, dtype=int), v[:6]), ValueError),
        ],
    }


def run_family(name: str, calls: int, samples: int = 10) -> dict:
    ops = families()[name]
    k = len(ops)
    warm = max(calls * WARMUP // 100, 1)
    t0 = time.perf_counter()
    for i in range(warm):
        ops[i % k]()
    gc.collect()
    after_warmup = rss_mb()
    trend = [round(after_warmup, 2)]
    rest = calls - warm
    step = max(rest // samples, 1)
    done = 0
    while done < rest:
        n = min(step, rest - done)
        for i in range(done + warm, done + warm + n):
            ops[i % k]()
        done += n
        gc.collect()
        trend.append(round(rss_mb(), 2))
    seconds = time.perf_counter() - t0
    end = trend[-1]
    return dict(family=name, calls=calls, ops=k, seconds=round(seconds, 1), rss_warmup_mb=round(after_warmup, 2),
                rss_end_mb=round(end, 2), peak_mb=round(peak_mb(), 2), growth_mb=round(end - after_warmup, 2), trend=trend,
                ru_maxrss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 2))


def main(argv=None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--family", required=True)
    p.add_argument("--calls", type=int, default=1_000_000)
    a = p.parse_args(argv)
    import warnings

    warnings.simplefilter("ignore")
    print(json.dumps(run_family(a.family, a.calls)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
