"""``python -m mlmath demo``: the notes' examples on both backends, side by side, then the full pipeline.

Each section is a list of named calls; for each call the demo prints the
result (from the reference), how far the Go result is from it (the largest
absolute difference relative to the largest |entry|), and the time per call
of each backend. A call is a function name, or a function of the backend
module for results defined only up to sign (eigenvectors, singular
vectors): those show what is unique. The last section runs the whole ML
pipeline (data, split, standardize, logistic regression, metrics) on each
backend and on scikit-learn (``mlmath._demo.pipeline``).

Besides the console tables, the demo writes into an output folder the
sections' figures as PNG files and ``report.html``, one self-contained page
with every table and figure (``mlmath.report``). Figures need matplotlib and
progress bars tqdm (the ``mlmath[report]`` extra); without them the demo
prints the same tables and says what it skipped. Later topics add a section
to SECTIONS.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from mlmath import objectives, reference
from mlmath._demo import pipeline, progress
from mlmath._demo.common import duration, rel_diff, show, time_per_call
from mlmath._version import __version__
from mlmath import report as rendering
from mlmath.report import Figure, SectionReport


@dataclass
class Section:
    title: str
    setup: str  # the inputs, as printed
    calls: list[tuple[str, str | Callable, tuple]] = field(default_factory=list)  # (label, function, args)
    name: str = ""  # the key of --sections
    # (file name, caption, draw): draw(backends) returns the matplotlib figure,
    # backends being the name -> module mapping the demo runs on
    plots: list[tuple[str, str, Callable]] = field(default_factory=list)


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


def _preferred(backends: dict):
    """The backend the figures are computed on: Go when it runs, else the one there is."""
    return backends.get("go") or next(iter(backends.values()))


def _draw_descent(backends):
    """Paths from (3, 4) on the notes' quadratic at three step sizes, and Rosenbrock's valley (both native in Go)."""
    from mlmath._demo import plots

    b = _preferred(backends)
    paths = {lr: b.gradient_descent(objectives.quadratic, None, [3.0, 4.0], learning_rate=lr, max_iter=1000).history for lr in (0.1, 0.02, 0.95)}
    banana = b.gradient_descent(objectives.rosenbrock, None, [-1.2, 1.0], learning_rate=1e-3, max_iter=10_000).history
    return plots.gradient_descent(paths, banana, 1e-3)


def _draw_xor(backends):
    from mlmath._demo import plots

    curves = {name: _train_xor(b, lambda b, ps: b.SGD(ps, lr=2.0)).losses for name, b in backends.items()}
    race = {label: _train_xor(_preferred(backends), make, 500).losses for label, make in OPTIMIZERS.items()}
    return plots.xor_training(curves, race, XOR_EPOCHS)


def _draw_bias_variance(backends):
    from mlmath._demo import plots

    degrees = sorted(BIAS_VARIANCE)
    return plots.bias_variance(degrees, np.array([_decomposition(_preferred(backends), d) for d in degrees]))


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
        name="vectors",
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
        name="matrices",
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
        name="decompositions",
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
        name="calculus",
        plots=[("gradient-descent.png", "gradient descent on the notes' quadratic from (3, 4): the notes' step 0.1, a smaller one and one so large it overshoots; and on Rosenbrock's function", _draw_descent)],
    ),
    Section(
        "Symbolic derivatives",
        "d/dx; the reference is sympy's, Go's is on the line below; rel.diff compares values at x = 0.5, 1.3, 2.1",
        [
            (f"d/dx {e}", "symbolic_derivative", (e, "x"))
            for e in ("x^3 + 2*x^2 - 5*x + 1", "sin(x)*exp(-x^2)", "sigmoid(2*x)", "log(1 + x^2)/x", "x^x")
        ],
        name="symbolic",
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
        name="nn",
        plots=[("xor-training.png", "XOR loss curves of both backends (SGD), and three optimizers from the same start", _draw_xor)],
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
        name="information",
    ),
    Section(
        "Statistical learning theory",
        "bias-variance: polynomials of degree d fitted to 60 bootstrap samples of 30 noisy points of sin(2 pi x) (bias^2, variance, error = sum)"
        "; bounds at delta = 0.05: Hoeffding, finite class |H| = 1e6, VC dimension 10",
        [(f"degree {d}: bias^2, variance, expected error", _decomposition, (d,)) for d in range(1, 11)]
        + [(f"n = {n}: Hoeffding, finite class, VC", _bounds, (n,)) for n in (100, 1_000, 10_000, 100_000, 1_000_000)],
        name="learning",
        plots=[("bias-variance.png", "bias^2, variance and expected error against the polynomial degree", _draw_bias_variance)],
    ),
]



SECTION_NAMES = [s.name for s in SECTIONS] + [pipeline.NAME]
BACKENDS = ("both", "reference", "go")


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


def run_calls(section: Section, backends: dict, seconds: float, tick: Callable[[str], None] = lambda label: None) -> SectionReport:
    """Run and time every call of ``section`` on each backend (name -> module) into a SectionReport.

    The result shown is the first backend's (the reference's when it runs);
    with both backends, rel.diff compares Go's result with it (derivative
    strings by their values at a few points) and go/ref is the ratio of the
    times. A call that raises is reported as a failure, not propagated.
    """
    names = list(backends)
    both = len(names) == 2
    header = ("call", "result") + (("rel.diff",) if both else ()) + tuple(names) + (("go/ref",) if both else ())
    report = SectionReport(section.name, section.title, section.setup, header, max_rel_diff=0.0 if both else None)
    for label, name, args in section.calls:
        tick(label)
        results, times, notes = {}, {}, []
        for bname, module in backends.items():
            try:
                f = _resolve(module, name)
                results[bname] = f(*args)
                times[bname] = time_per_call(f, args, seconds)
            except Exception as e:  # a backend without this function yet, or a bug: report it, show the rest
                notes.append(f"{bname} failed: {type(e).__name__}: {e}")
                report.failures.append(f"{section.title}: {label} on {bname}: {type(e).__name__}: {e}")
        row = [label, show(next(iter(results.values()))) if results else "failed"]
        if both:
            row.append("-")
            if len(results) == 2:
                expected, got = results["reference"], results["go"]
                if isinstance(expected, str):  # compare what the strings mean, not how they read
                    notes.append(f"go: {got}")
                    expected, got = _string_values(expected), _string_values(got)
                diff = rel_diff(expected, got)
                report.max_rel_diff = max(report.max_rel_diff or 0.0, diff)  # (0.0 from the start with both)
                row[2] = f"{diff:.1e}"
        row += [duration(times[n]) if n in times else "-" for n in names]
        if both:
            row.append(f"{times['go'] / times['reference']:.3g}" if len(times) == 2 else "-")
            if name is _xor_losses and len(times) == 2:
                per = (times["reference"] / XOR_EPOCHS, times["go"] / XOR_EPOCHS)
                notes.append(f"time per epoch: reference {duration(per[0])}, go {duration(per[1])} ({per[0] / per[1]:.0f}x)")
        report.rows.append(tuple(row))
        report.notes.append(notes)
    return report


def _draw(section: Section, backends: dict, report: SectionReport) -> None:
    """Add the section's figures to its report (a figure that fails is a failure, not a crash)."""
    from mlmath._demo import plots

    for file_name, caption, draw in section.plots:
        try:
            report.figures.append(Figure(file_name, caption, plots.png(draw(backends))))
        except Exception as e:
            report.failures.append(f"{section.title}: plot {file_name} failed: {type(e).__name__}: {e}")


def _load_backends(choice: str) -> tuple[dict, list[str]]:
    """The backends to run (name -> module) for --backend ``choice``, and notes on what is missing."""
    backends, notes = {}, []
    if choice in ("both", "reference"):
        backends["reference"] = reference
    if choice in ("both", "go"):
        try:
            from mlmath import go
        except ImportError as e:
            notes.append(f"Go backend unavailable{', showing the reference only' if backends else ''}: {e}")
        else:
            backends["go"] = go
    return backends, notes


def run(
    sections: list[str] | None = None,
    out: str | None = "build/demo",
    backend: str = "both",
    seconds: float = 0.05,
    n_samples: int = 5000,
    n_features: int = 2,
    iterations: int = 2000,
    learning_rate: float = 1.0,
    seed: int = 3,
) -> int:
    """Run the demo: print every section's table, write the figures and report.html into ``out``.

    Parameters
    ----------
    sections : names from SECTION_NAMES, in any order (run in the notes' order); None for all
    out : the output folder (created); None or "" to write nothing
    backend : "both", "reference" or "go"
    seconds : the time budget of each timing
    n_samples, n_features, iterations, learning_rate, seed : the pipeline's data and training

    Returns
    -------
    int, the exit status: 0 when everything ran; 1 when a call or figure
    failed, or both backends were asked for and Go did not load; 2 when the
    only backend asked for did not load.
    """
    began = time.perf_counter()
    wanted = SECTION_NAMES if sections is None else sections
    unknown = sorted(set(wanted) - set(SECTION_NAMES))
    if unknown:
        raise ValueError(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTION_NAMES)}")
    backends, notes = _load_backends(backend)
    for note in notes:
        print(note + "\n")
    if not backends:
        return 2
    skipped = []
    draw = bool(out)
    if out and (why := _plots_missing()):
        skipped.append(f"plots skipped: {why}")
        draw = False
    if not progress.available():
        skipped.append("no progress bars: tqdm is not installed (pip install 'mlmath[report]')")
    both = len(backends) == 2
    print(f"mlmath {__version__}: examples from 'Mathematics for Machine Learning' on {' and '.join(backends)}")
    if both:
        print("time per call: best of a few repeats; rel.diff is max|reference - go| / max|reference|\n")
    else:
        print("time per call: best of a few repeats\n")

    options = pipeline.Options(n_samples=n_samples, n_features=n_features, iterations=iterations, learning_rate=learning_rate,
                               seed=seed, seconds=seconds, plots=draw)
    reports: list[SectionReport] = []
    chosen = [name for name in SECTION_NAMES if name in wanted]
    with progress.bar(len(chosen), "demo", unit="section") as bar:
        for name in chosen:
            def tick(step: str) -> None:
                bar.set_postfix_str(step[:40])

            if name == pipeline.NAME:
                bar.set_description(pipeline.TITLE)
                report = pipeline.run(backends, options, tick)
            else:
                section = next(s for s in SECTIONS if s.name == name)
                bar.set_description(section.title)
                start = time.perf_counter()
                report = run_calls(section, backends, seconds, tick)
                if draw and section.plots:
                    tick("plots")
                    _draw(section, backends, report)
                report.seconds = time.perf_counter() - start
            reports.append(report)
            progress.write(_console(report))
            bar.update(1)

    failures = [f for r in reports for f in r.failures]
    summary = _summary(reports, backends, failures, time.perf_counter() - began)
    for line in summary + skipped:
        print(line)
    if out:
        highlights = [line for r in reports for line in r.highlights]
        path = _write(Path(out), reports, summary[:-1] + highlights + summary[-1:], notes + skipped, " and ".join(backends))
        figures = [f.name for r in reports for f in r.figures]
        if figures:
            print(f"plots: {', '.join(str(path.parent / f) for f in figures)}")
        print(f"report: {path}")
    if failures or (backend == "both" and not both):
        return 1
    return 0


def _plots_missing() -> str | None:
    from mlmath._demo import plots

    return plots.missing()


def _console(report: SectionReport) -> str:
    lines = [rendering.text(report).rstrip("\n")]
    lines += [f"  FAILED: {f}" for f in report.failures]
    return "\n".join(lines) + "\n"


def _summary(reports: list[SectionReport], backends: dict, failures: list[str], elapsed: float) -> list[str]:
    """The closing lines: the largest backend difference over the call tables, failures, the time taken."""
    lines = []
    diffs = [r.max_rel_diff for r in reports if r.max_rel_diff is not None]
    if diffs:
        lines.append(f"largest relative difference between the backends: {max(diffs):.1e}")
    if failures:
        lines.append(f"{len(failures)} failure(s): " + "; ".join(failures))
    lines.append(f"{len(reports)} section(s) on {' and '.join(backends)} in {elapsed:.1f} s")
    return lines


def _write(out: Path, reports: list[SectionReport], summary: list[str], notes: list[str], backends: str) -> Path:
    """The figures as PNG files and report.html, into ``out``; the report's path."""
    from mlmath import info

    out.mkdir(parents=True, exist_ok=True)
    for r in reports:
        for f in r.figures:
            (out / f.name).write_bytes(f.png)
    title = f"mlmath {__version__}: the notes on {'both backends' if ' and ' in backends else backends}"
    path = out / "report.html"
    path.write_text(rendering.html_page(title, reports, summary, info.collect(), notes), encoding="utf-8")
    return path
