"""The demo's figures, drawn with matplotlib from data the sections computed.

matplotlib is imported inside the functions, so this module imports without
it (``missing()`` says whether it is there). Figures are made with
``matplotlib.figure.Figure`` directly, not pyplot: no global state, no GUI
backend, nothing to close, safe inside any program that calls the demo.
"""

from __future__ import annotations

import io

import numpy as np

BACKEND_STYLE = {"reference": dict(color="C0", linestyle="-"), "go": dict(color="C1", linestyle="--")}
SKLEARN_STYLE = dict(color="C2", linestyle=":")


def missing() -> str | None:
    """Why figures cannot be drawn (matplotlib missing), or None when they can."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return "matplotlib is not installed (pip install 'mlmath[report]')"
    return None


def _figure(width: float, height: float):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def png(fig, dpi: int = 110) -> bytes:
    """The figure as PNG bytes."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()


def gradient_descent(paths: dict[float, np.ndarray], rosenbrock_path: np.ndarray, rosenbrock_lr: float):
    """Three panels: the paths on the contours of x0^2 + x1^2, f(x_k) against k
    for each step size, and the path down Rosenbrock's valley.

    paths: learning rate -> history (steps + 1, 2) from (3, 4), the first
    being the notes' step.
    """
    fig = _figure(15.5, 4.6)
    contour, values, banana = fig.subplots(1, 3)
    g = np.linspace(-5.5, 5.5, 221)
    xx, yy = np.meshgrid(g, g)
    cs = contour.contour(xx, yy, xx**2 + yy**2, levels=[1, 4, 9, 16, 25], colors="0.65", linewidths=0.8)
    contour.clabel(cs, fmt="%g", fontsize=7)
    markers = ("o", "s", "^", "v")
    for (lr, path), marker in zip(paths.items(), markers):
        shown = path[:25]
        note = ", overshoots" if lr > 0.5 else ""
        contour.plot(shown[:, 0], shown[:, 1], marker=marker, markersize=4, linewidth=1, alpha=0.8,
                     label=f"lr {lr:g}: {len(path) - 1} steps{note}")
        values.plot(np.arange(len(path)), np.maximum(np.sum(path**2, axis=1), 1e-300), marker=marker, markersize=2, linewidth=1,
                    label=f"lr {lr:g}")
    contour.plot([0], [0], "k+", markersize=10)
    contour.set(title="gradient descent on f = x0^2 + x1^2 from (3, 4)\n(first 25 steps shown)", xlabel="x0", ylabel="x1", aspect="equal")
    contour.legend(fontsize=8, loc="lower right")
    values.set(title="f(x_k): x_k = (1 - 2 lr)^k x_0", xlabel="step k", ylabel="f(x_k)", yscale="log")
    values.legend(fontsize=8)
    a, b = np.linspace(-2, 2, 241), np.linspace(-1, 3, 241)
    aa, bb = np.meshgrid(a, b)
    f = 100 * (bb - aa**2) ** 2 + (1 - aa) ** 2
    banana.contour(aa, bb, f, levels=np.logspace(-1, 3.4, 14), colors="0.65", linewidths=0.8)
    banana.plot(rosenbrock_path[:, 0], rosenbrock_path[:, 1], color="C3", linewidth=1.2)
    every = rosenbrock_path[:: max(1, len(rosenbrock_path) // 20)]
    banana.plot(every[:, 0], every[:, 1], "o", color="C3", markersize=3,
                label=f"lr {rosenbrock_lr:g}, {len(rosenbrock_path) - 1} steps\n(a dot every {max(1, len(rosenbrock_path) // 20)})")
    banana.plot([1], [1], "k*", markersize=10, label="minimum (1, 1)")
    banana.set(title="Rosenbrock from (-1.2, 1): into the valley, then a crawl", xlabel="x0", ylabel="x1")
    banana.legend(fontsize=8, loc="upper left")
    return fig


def xor_training(curves: dict[str, np.ndarray], optimizer_curves: dict[str, np.ndarray], epochs: int):
    """XOR loss curves: each backend with SGD (left), and the optimizers from the same start (right)."""
    fig = _figure(11, 4)
    left, right = fig.subplots(1, 2)
    for name, losses in curves.items():
        left.plot(np.arange(1, len(losses) + 1), losses, label=name, **BACKEND_STYLE.get(name, {}))
    left.set(title=f"XOR, notes' network, SGD lr 2 ({epochs} epochs)", xlabel="epoch", ylabel="binary cross-entropy", yscale="log")
    left.legend()
    for label, losses in optimizer_curves.items():
        right.plot(np.arange(1, len(losses) + 1), losses, label=label)
    right.set(title="the same start, three optimizers", xlabel="epoch", yscale="log")
    right.legend()
    return fig


def bias_variance(degrees, rows: np.ndarray):
    """bias^2, variance and their sum against the polynomial degree (rows: one (3,) row per degree)."""
    fig = _figure(6, 4)
    ax = fig.subplots()
    for col, label in enumerate(("bias^2", "variance", "expected error = bias^2 + variance")):
        ax.plot(degrees, rows[:, col], marker="o", label=label)
    ax.set(title="bias-variance trade-off: polynomial fits to sin(2 pi x) + noise", xlabel="degree", ylabel="squared error", yscale="log")
    ax.legend()
    return fig


def loss_curves(curves: dict[str, np.ndarray], optimum: float | None, learning_rate: float):
    """The training loss of each backend against the iteration; with scikit-learn's
    optimum, a second panel shows how far above it each iterate is."""
    fig = _figure(11 if optimum is not None else 6, 4)
    axes = fig.subplots(1, 2 if optimum is not None else 1)
    left = axes[0] if optimum is not None else axes
    for name, losses in curves.items():
        left.plot(np.arange(1, len(losses) + 1), losses, label=name, **BACKEND_STYLE.get(name, {}))
    if optimum is not None:
        left.axhline(optimum, label="scikit-learn's optimum (lbfgs)", **SKLEARN_STYLE)
    left.set(title=f"logistic regression, gradient descent lr {learning_rate:g}", xlabel="iteration", ylabel="training loss (mean log loss)",
             xscale="log")
    left.legend()
    if optimum is not None:
        right = axes[1]
        for name, losses in curves.items():
            gap = np.asarray(losses) - optimum
            right.plot(np.arange(1, len(gap) + 1), np.maximum(gap, 1e-17), label=name, **BACKEND_STYLE.get(name, {}))
        right.set(title="loss above the optimum", xlabel="iteration", ylabel="loss - optimum", yscale="log")
        right.legend()
    return fig


def decision_boundary(X, y, wrong, xx, yy, proba, boundaries: dict[str, np.ndarray], title: str, xlabel: str, ylabel: str):
    """Test points by true class (misclassified ones circled) over the predicted
    probability, with the 0.5 contour of each model in ``boundaries``
    (label -> probability on the grid xx, yy)."""
    fig = _figure(7.5, 6)
    ax = fig.subplots()
    filled = ax.contourf(xx, yy, proba, levels=np.linspace(0, 1, 11), cmap="RdBu_r", alpha=0.35)
    fig.colorbar(filled, ax=ax, label="P(y = 1)")
    for label, p in boundaries.items():
        style = BACKEND_STYLE.get(label, SKLEARN_STYLE if label == "scikit-learn" else {})
        ax.contour(xx, yy, p, levels=[0.5], colors=[style.get("color", "k")], linestyles=[style.get("linestyle", "-")], linewidths=1.8)
        ax.plot([], [], label=f"{label}: P = 0.5", linewidth=1.8, **style)
    for cls, color in ((0, "C0"), (1, "C3")):
        pick = y == cls
        ax.scatter(X[pick, 0], X[pick, 1], s=9, color=color, alpha=0.7, linewidths=0, label=f"class {cls}")
    ax.scatter(X[wrong, 0], X[wrong, 1], s=30, facecolors="none", edgecolors="k", linewidths=0.7, label="misclassified")
    ax.set(title=title, xlabel=xlabel, ylabel=ylabel, xlim=(xx.min(), xx.max()), ylim=(yy.min(), yy.max()))
    ax.legend(fontsize=8, loc="best")
    return fig
