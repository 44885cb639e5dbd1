"""``python -m mlmath demo``: the notes' examples on both backends, side by side.

Each section is a list of named calls; for each call the demo prints the
result (from the reference), how far the Go result is from it (the largest
absolute difference relative to the largest |entry|), and the time per call
of each backend. A call is a function name, or a function of the backend
module for results defined only up to sign (eigenvectors, singular
vectors): those show what is unique. Later topics add a section to
SECTIONS.
"""

from __future__ import annotations

import timeit
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from mlmath import objectives, reference
from mlmath._version import __version__


@dataclass
class Section:
    title: str
    setup: str  # the inputs, as printed
    calls: list[tuple[str, str | Callable, tuple]] = field(default_factory=list)  # (label, function, args)


V, W = [1.0, 2.0, 3.0], [4.0, 5.0, 6.0]
A, B = [[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]

# A 6x5 matrix with singular values 10, 5, 1, 0.1, 0.01 (fixed orthogonal
# factors from a seeded QR), for the low-rank reconstruction, and a small
# data set with one dominant direction, for PCA.
_rng = np.random.default_rng(2026)
_U, _ = np.linalg.qr(_rng.standard_normal((6, 5)))
_V, _ = np.linalg.qr(_rng.standard_normal((5, 5)))
M = (_U * [10.0, 5.0, 1.0, 0.1, 0.01]) @ _V.T
X = _rng.standard_normal((20, 3)) @ np.array([[3.0, 1.0, 0.0], [0.0, 1.0, 0.5], [0.0, 0.0, 0.2]]) + [1.0, -2.0, 0.5]


def _eigenvalues(backend, A):
    """eig's eigenvalues, sorted (numpy's order is arbitrary)."""
    return np.sort(backend.eig(A).eigenvalues)


def _low_rank_error(backend, A, k):
    """||A - A_k||_F of the best rank-k approximation: sqrt(sum of the dropped s_i^2)."""
    return float(np.linalg.norm(np.asarray(A) - backend.low_rank_approx(A, k).A_k))


def _pca_ratio(backend, X):
    return backend.pca(X, 2).explained_variance_ratio


def _pca_components(backend, X):
    return backend.pca(X, 2).components  # signs fixed by sklearn's rule


def _bowl(x):
    """The notes' f(x) = x0^2 + x1^2."""
    return float(x[0] ** 2 + x[1] ** 2)


def _bowl_gradient(x):
    return np.array([2 * x[0], 2 * x[1]])


def _descent(backend, f, grad, x0, lr, iters):
    """gradient_descent's final point and its number of steps."""
    x, history = backend.gradient_descent(f, grad, x0, learning_rate=lr, max_iter=iters)
    return np.append(x, len(history) - 1)


def _polar_to_3d(v):
    """A map R^2 -> R^3, (r, t) -> (r cos t, r sin t, r^2): its Jacobian is 3 x 2."""
    return np.array([v[0] * np.cos(v[1]), v[0] * np.sin(v[1]), v[0] ** 2])

XOR_X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
XOR_Y = [[0.0], [1.0], [1.0], [0.0]]
XOR_EPOCHS = 5000
_w = np.random.default_rng(3)
XOR_INIT = (_w.standard_normal((2, 4)), 0.1 * _w.standard_normal(4), _w.standard_normal((4, 1)), 0.1 * _w.standard_normal(1))


def _train_xor(backend, make_optimizer, epochs=XOR_EPOCHS):
    """The notes' network on XOR from XOR_INIT (copied: training updates in place)."""
    params = [p.copy() for p in XOR_INIT]
    return backend.train_mlp(XOR_X, XOR_Y, *params, make_optimizer(backend, params), epochs)


def _xor_losses(backend):
    """The loss curve at a few epochs (SGD, lr 2, as the notes' plain gradient descent)."""
    losses = _train_xor(backend, lambda b, ps: b.SGD(ps, lr=2.0)).losses
    return losses[[0, 99, 999, 2499, XOR_EPOCHS - 1]]


def _xor_predictions(backend):
    r = _train_xor(backend, lambda b, ps: b.SGD(ps, lr=2.0))
    return backend.mlp_forward(XOR_X, r.W1, r.b1, r.W2, r.b2).a2[:, 0]


OPTIMIZERS = {
    "SGD lr 0.5": lambda b, ps: b.SGD(ps, lr=0.5),
    "momentum 0.9, lr 0.5": lambda b, ps: b.SGD(ps, lr=0.5, momentum=0.9),
    "Adam lr 0.05": lambda b, ps: b.Adam(ps, lr=0.05),
}


def _optimizer_race(backend):
    """Final XOR loss after 500 epochs with each optimizer, same start."""
    return np.array([_train_xor(backend, make, 500).losses[-1] for make in OPTIMIZERS.values()])


P_NOTES, Q_NOTES = [0.5, 0.3, 0.2], [0.4, 0.4, 0.2]
JOINT = [[0.30, 0.10], [0.05, 0.25], [0.10, 0.20]]  # p(x, y): x = rows


def _bias_variance_predictions(degree: int, n_boot: int = 60, seed: int = 7):
    """Polynomials of ``degree`` fitted to bootstrap samples of one noisy data set
    (30 points of sin(2 pi x) + N(0, 0.3^2)), predicting a 50-point grid: the
    predictions (n_boot, 50) and the noise-free truth there."""
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 1, 30)
    y = np.sin(2 * np.pi * x) + rng.normal(0, 0.3, x.size)
    grid = np.linspace(0.05, 0.95, 50)
    preds = np.empty((n_boot, grid.size))
    for b in range(n_boot):
        i = rng.integers(0, x.size, x.size)
        preds[b] = np.polynomial.Polynomial.fit(x[i], y[i], degree)(grid)
    return preds, np.sin(2 * np.pi * grid)


BIAS_VARIANCE = {d: _bias_variance_predictions(d) for d in range(1, 11)}


def _decomposition(backend, degree):
    return np.array(backend.bias_variance_decomposition(*BIAS_VARIANCE[degree]))


def _bounds(backend, n):
    """Hoeffding (one h), finite class |H| = 1e6, VC d = 10, at delta = 0.05."""
    return np.array([backend.hoeffding_bound(n, 0.05), backend.finite_class_bound(n, 10**6, 0.05), backend.vc_bound(n, 10, 0.05)])


SECTIONS = [
    Section(
        "Vectors",
        f"v = {V}, w = {W}",
        [
            ("add(v, w)", "add", (V, W)),
            ("subtract(v, w)", "subtract", (V, W)),
            ("scale(2, v)", "scale", (2.0, V)),
            ("dot(v, w)", "dot", (V, W)),
            ("norm(v)", "norm", (V,)),
            ("norm(v, 1)", "norm", (V, 1)),
            ("norm(v, inf)", "norm", (V, np.inf)),
            ("cosine_similarity(v, w)", "cosine_similarity", (V, W)),
        ],
    ),
    Section(
        "Matrices",
        f"A = {A}, B = {B}",
        [
            ("matmul(A, B)", "matmul", (A, B)),
            ("matmul(A, v[:2])", "matmul", (A, V[:2])),
            ("transpose(A)", "transpose", (A,)),
            ("det(A)", "det", (A,)),
            ("inv(A)", "inv", (A,)),
            ("solve(A, [1, 1])", "solve", (A, [1.0, 1.0])),
        ],
    ),
    Section(
        "Decompositions",
        f"A = {A}; M: 6x5 with singular values 10, 5, 1, 0.1, 0.01; X: 20 samples, 3 features",
        [
            ("eig(A): eigenvalues", _eigenvalues, (A,)),
            ("svd(M).S", lambda b, M: b.svd(M).S, (M,)),
            *[(f"||M - M_{k}||_F (rank {k})", _low_rank_error, (M, k)) for k in range(1, 5)],
            ("cholesky(A^T A)", "cholesky", (np.array(A).T @ np.array(A),)),
            ("matrix_rank(M), cond(M)", lambda b, M: np.array([b.matrix_rank(M), b.cond(M)]), (M,)),
            ("pca(X, 2): variance ratio", _pca_ratio, (X,)),
            ("pca(X, 2): components", _pca_components, (X,)),
        ],
    ),
    Section(
        "Calculus",
        "f(x) = x0^2 + x1^2 (the notes'); F(r, t) = (r cos t, r sin t, r^2); rosenbrock from mlmath.objectives",
        [
            ("numerical_derivative(sin, 1) (cos 1 = 0.5403023059)", "numerical_derivative", (np.sin, 1.0)),
            ("gradient(f, [3, 4])", "gradient", (_bowl, [3.0, 4.0])),
            ("hessian(f, [3, 4])", "hessian", (_bowl, [3.0, 4.0])),
            ("jacobian(F, [2, pi/6]): 3 x 2", "jacobian", (_polar_to_3d, [2.0, np.pi / 6])),
            ("gradient_descent(f, grad f, [3, 4], lr 0.1): x, steps", _descent, (_bowl, _bowl_gradient, [3.0, 4.0], 0.1, 1000)),
            ("same on rosenbrock (native in Go), lr 1e-3", _descent, (objectives.rosenbrock, None, [-1.2, 1.0], 1e-3, 10_000)),
        ],
    ),
    Section(
        "Symbolic derivatives",
        "d/dx; the reference is sympy's, Go's is on the line below; rel.diff compares values at x = 0.5, 1.3, 2.1",
        [
            (f"d/dx {e}", "symbolic_derivative", (e, "x"))
            for e in ("x^3 + 2*x^2 - 5*x + 1", "sin(x)*exp(-x^2)", "sigmoid(2*x)", "log(1 + x^2)/x", "x^x")
        ],
    ),
    Section(
        "Neural network and optimizers",
        f"the notes' 2-4-1 sigmoid network on XOR, same initial weights on both backends; {XOR_EPOCHS} epochs, full batch",
        [
            ("sigmoid([-800, 0, 37, 800])", "sigmoid", ([-800.0, 0.0, 37.0, 800.0],)),
            ("softmax([1000, 1001, 1002])", "softmax", ([1000.0, 1001.0, 1002.0],)),
            ("train_mlp, SGD lr 2: loss at epochs 1, 100, 1000, 2500, 5000", _xor_losses, ()),
            ("... predictions for (0,0) (0,1) (1,0) (1,1)", _xor_predictions, ()),
            (f"loss after 500 epochs: {', '.join(OPTIMIZERS)}", _optimizer_race, ()),
        ],
    ),
    Section(
        "Information theory",
        f"p = {P_NOTES}, q = {Q_NOTES} (the notes'), in bits; joint p(x, y) = {JOINT}",
        [
            ("entropy(p), entropy(q)", lambda b, p, q: np.array([b.entropy(p), b.entropy(q)]), (P_NOTES, Q_NOTES)),
            ("cross_entropy(p, q)", "cross_entropy", (P_NOTES, Q_NOTES)),
            ("kl_divergence(p, q), kl_divergence(q, p)", lambda b, p, q: np.array([b.kl_divergence(p, q), b.kl_divergence(q, p)]), (P_NOTES, Q_NOTES)),
            ("js_divergence(p, q), js_distance(p, q)", lambda b, p, q: np.array([b.js_divergence(p, q), b.js_distance(p, q)]), (P_NOTES, Q_NOTES)),
            ("kl_divergence([.5, .5], [1, 0]) (the notes' masking gives a negative value)", "kl_divergence", ([0.5, 0.5], [1.0, 0.0])),
            ("joint_entropy, conditional_entropy H(Y|X), mutual_information", lambda b, t: np.array([b.joint_entropy(t), b.conditional_entropy(t), b.mutual_information(t)]), (JOINT,)),
            ("mutual_information_from_labels([0,0,1,1,2,2], [0,0,1,1,1,1])", "mutual_information_from_labels", ([0, 0, 1, 1, 2, 2], [0, 0, 1, 1, 1, 1])),
        ],
    ),
    Section(
        "Statistical learning theory",
        "bias-variance: polynomials of degree d fitted to 60 bootstrap samples of 30 noisy points of sin(2 pi x) (bias^2, variance, error = sum)"
        "; bounds at delta = 0.05: Hoeffding, finite class |H| = 1e6, VC dimension 10",
        [(f"degree {d}: bias^2, variance, expected error", _decomposition, (d,)) for d in range(1, 11)]
        + [(f"n = {n}: Hoeffding, finite class, VC", _bounds, (n,)) for n in (100, 1_000, 10_000, 100_000, 1_000_000)],
    ),
]


def _string_values(text: str, points=(0.5, 1.3, 2.1)) -> np.ndarray:
    """A derivative string's values at a few points (read with sympy)."""
    import sympy

    x = sympy.Symbol("x", real=True)
    f = sympy.lambdify(x, sympy.parse_expr(text, local_dict={"x": x}), "numpy")
    return np.array([float(f(p)) for p in points])


def _resolve(backend, name):
    """The backend's function ``name``, or ``name`` bound to the backend."""
    if isinstance(name, str):
        return getattr(backend, name)
    return lambda *args: name(backend, *args)


def time_per_call(f, args, seconds: float) -> float:
    """Best time per call of f(*args), in seconds: batches of calls sized to
    last about seconds/5 each, the best of five batches."""
    timer = timeit.Timer(lambda: f(*args))
    number = 1
    while (elapsed := timer.timeit(number)) < seconds / 5 and number < 10**6:
        number *= 10
    return min([elapsed] + timer.repeat(repeat=4, number=number)) / number


def show(x) -> str:
    if isinstance(x, str):
        return x
    if isinstance(x, np.ndarray):
        return np.array2string(x, precision=6, separator=", ").replace("\n", "")
    return f"{x:.10g}"


def plot_training(go, out_dir: str) -> str | None:
    """A PNG of the XOR loss curves: both backends with SGD, and the optimizers
    compared (Go). Returns its path, or None without matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    from pathlib import Path

    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4))
    for backend, style in ((reference, "-"), (go, "--")):
        if backend is not None:
            losses = _train_xor(backend, lambda b, ps: b.SGD(ps, lr=2.0)).losses
            left.plot(np.arange(1, len(losses) + 1), losses, style, label=backend.__name__)
    left.set(title=f"XOR, notes' network, SGD lr 2 ({XOR_EPOCHS} epochs)", xlabel="epoch", ylabel="binary cross-entropy", yscale="log")
    left.legend()
    for label, make in OPTIMIZERS.items():
        losses = _train_xor(go or reference, make, 500).losses
        right.plot(np.arange(1, len(losses) + 1), losses, label=label)
    right.set(title="the same start, three optimizers", xlabel="epoch", yscale="log")
    right.legend()
    fig.tight_layout()
    path = Path(out_dir) / "xor-training.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    _save_bias_variance(go or reference, Path(out_dir) / "bias-variance.png")
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return str(path)


def _save_bias_variance(backend, path) -> None:
    """bias^2, variance and their sum against the polynomial degree."""
    import matplotlib.pyplot as plt

    degrees = sorted(BIAS_VARIANCE)
    rows = np.array([_decomposition(backend, d) for d in degrees])
    fig, ax = plt.subplots(figsize=(6, 4))
    for col, label in enumerate(("bias^2", "variance", "expected error = bias^2 + variance")):
        ax.plot(degrees, rows[:, col], marker="o", label=label)
    ax.set(title="bias-variance trade-off: polynomial fits to sin(2 pi x) + noise", xlabel="degree", ylabel="squared error", yscale="log")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def run(seconds: float = 0.05, plots: str = "build/demo") -> int:
    try:
        from mlmath import go
    except ImportError as e:
        go = None
        print(f"Go backend unavailable: {e}\n")
    print(f"mlmath {__version__}: examples from 'Mathematics for Machine Learning' on both backends")
    print("time per call: best of a few repeats; rel.diff is max|reference - go| / max|reference|\n")
    worst = 0.0
    for section in SECTIONS:
        print(f"{section.title}   {section.setup}")
        rows = [("call", "result", "rel.diff", "reference", "go", "go/ref")]
        notes: list[list[str]] = [[]]  # lines printed under each row
        for label, name, args in section.calls:
            extra: list[str] = []
            ref_f = _resolve(reference, name)
            expected = ref_f(*args)
            t_ref = time_per_call(ref_f, args, seconds)
            row = [label, show(expected), "-", f"{t_ref * 1e6:.2f} us", "-", "-"]
            if go is not None:
                go_f = _resolve(go, name)
                got = go_f(*args)
                if isinstance(expected, str):  # compare what the strings mean, not how they read
                    expected, got = _string_values(expected), _string_values(got)
                    extra.append(f"    go: {go_f(*args)}")
                ref_arr = np.asarray(expected)
                got_arr = np.asarray(got)
                with np.errstate(invalid="ignore"):  # inf - inf: equal infinities differ by nothing
                    gap = np.where(got_arr == ref_arr, 0.0, np.abs(got_arr - ref_arr))
                diff = float(np.max(gap, initial=0.0))
                diff /= max(float(np.max(np.abs(ref_arr), initial=0.0)), np.finfo(float).tiny)
                worst = max(worst, diff)
                t_go = time_per_call(go_f, args, seconds)
                row[2], row[4], row[5] = f"{diff:.1e}", f"{t_go * 1e6:.2f} us", f"{t_go / t_ref:.3g}"
                if name is _xor_losses:
                    per = (t_ref / XOR_EPOCHS * 1e6, t_go / XOR_EPOCHS * 1e6)
                    extra.append(f"    time per epoch: reference {per[0]:.2f} us, go {per[1]:.2f} us ({per[0] / per[1]:.0f}x)")
            rows.append(tuple(row))
            notes.append(extra)
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r, lines in zip(rows, notes):
            print("  " + "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
            for line in lines:
                print(line)
        print()
    if plots and (path := plot_training(go, plots)):
        print(f"plots: {path} (XOR loss curves, optimizers), {path.replace('xor-training', 'bias-variance')} (bias-variance)")
    if go is None:
        return 1
    print(f"largest relative difference between the backends: {worst:.1e}")
    return 0
