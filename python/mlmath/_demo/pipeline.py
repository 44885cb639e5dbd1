"""The demo's last section: the whole ML pipeline on each backend, and scikit-learn's.

data (``mlmath.datasets.make_classification``) -> stratified split ->
standardize with the training mean and std -> logistic regression by
gradient descent from zero weights -> metrics on the test part. Each backend
runs every step itself on the same data; the table shows each one's results,
how far Go's are from the reference's, each one's time, and scikit-learn's
``LogisticRegression`` (no penalty, lbfgs to convergence) on the same split
when scikit-learn is installed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from mlmath import datasets
from mlmath._demo import progress
from mlmath._demo.common import best_time, duration, rel_diff, show, time_per_call
from mlmath.report import Figure, SectionReport

NAME = "pipeline"
TITLE = "Full pipeline: logistic regression"
TEST_SIZE = 0.2
# Above this time per iteration the run with the progress bar is also the
# timed run: its callback (a few microseconds an iteration) then costs < 1%.
REUSE_PROGRESS_RUN = 1e-3
PLOT_POINTS = 2000  # test points drawn at most in the decision-boundary plot


@dataclass
class Options:
    n_samples: int = 5000
    n_features: int = 2
    iterations: int = 2000
    learning_rate: float = 1.0
    seed: int = 3
    seconds: float = 0.05  # timing budget per step
    plots: bool = True


@dataclass
class Run:
    """One backend's (or scikit-learn's) pass through the pipeline."""

    mean: np.ndarray
    std: np.ndarray
    weights: np.ndarray
    bias: float
    iterations: int
    loss: float  # the training loss (mean log loss) at the final weights
    losses: np.ndarray | None  # the training loss per iteration (scikit-learn's lbfgs keeps none)
    proba: np.ndarray
    pred: np.ndarray
    metrics: dict[str, object]
    times: dict[str, float]
    model: Callable[[np.ndarray], np.ndarray]  # predict_proba on raw (unstandardized) rows, for the boundary plot


METRICS = ("accuracy", "precision", "recall", "F1", "ROC AUC", "log loss", "confusion matrix [[tn, fp], [fn, tp]]")


def _metrics(m, y, pred, proba) -> dict[str, object]:
    """The test metrics by backend m's own functions."""
    return {
        "accuracy": m.accuracy(y, pred),
        "precision": m.precision(y, pred),
        "recall": m.recall(y, pred),
        "F1": m.f1_score(y, pred),
        "ROC AUC": m.roc_auc(y, proba),
        "log loss": m.log_loss(y, proba),
        "confusion matrix [[tn, fp], [fn, tp]]": np.asarray(m.confusion_matrix(y, pred)),
    }


def _run_backend(name, m, data, opts: Options) -> Run:
    X_train, X_test, y_train, y_test = data
    scaled = m.standardize(X_train)
    X_test_s = m.apply_standardize(X_test, scaled.mean, scaled.std)
    t_scale = time_per_call(lambda: m.apply_standardize(X_test, *m.standardize(X_train)[1:]), (), opts.seconds)

    def train(callback=None):
        return m.logistic_regression(scaled.X_scaled, y_train, learning_rate=opts.learning_rate, max_iter=opts.iterations, callback=callback)

    with progress.bar(opts.iterations, f"training on {name}", unit="iter") as bar:

        def tick(iteration, loss):
            bar.update(1)
            if iteration % 100 == 0:
                bar.set_postfix_str(f"loss {loss:.6f}", refresh=False)

        start = time.perf_counter()
        fit = train(tick)
        t_train = time.perf_counter() - start
    if t_train / max(len(fit.loss_history), 1) < REUSE_PROGRESS_RUN:
        t_train = best_time(train, opts.seconds)
    proba = m.predict_proba(X_test_s, fit.weights, fit.bias)
    pred = m.predict(X_test_s, fit.weights, fit.bias)
    t_predict = time_per_call(lambda: (m.predict_proba(X_test_s, fit.weights, fit.bias), m.predict(X_test_s, fit.weights, fit.bias)), (),
                              opts.seconds)

    def model(rows):
        return m.predict_proba(m.apply_standardize(rows, scaled.mean, scaled.std), fit.weights, fit.bias)

    loss = m.log_loss(y_train, m.predict_proba(scaled.X_scaled, fit.weights, fit.bias))
    return Run(scaled.mean, scaled.std, fit.weights, fit.bias, len(fit.loss_history), loss, fit.loss_history, proba, pred,
               _metrics(m, y_test, pred, proba),
               {"standardize": t_scale, "train": t_train, "predict": t_predict}, model)


def _run_sklearn(data, opts: Options) -> Run | None:
    """scikit-learn's StandardScaler and LogisticRegression(C=inf) on the same split, or None without it."""
    try:
        from sklearn import metrics as skm
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler
    except ImportError:
        return None
    X_train, X_test, y_train, y_test = data

    def fit():
        scaler = StandardScaler().fit(X_train)
        return scaler, LogisticRegression(C=np.inf, tol=1e-10, max_iter=10_000).fit(scaler.transform(X_train), y_train)

    scaler, clf = fit()
    t_fit = best_time(fit, opts.seconds)
    X_test_s = scaler.transform(X_test)
    proba = clf.predict_proba(X_test_s)[:, 1]
    pred = clf.predict(X_test_s)
    t_predict = time_per_call(lambda: (clf.predict_proba(X_test_s), clf.predict(X_test_s)), (), opts.seconds)
    metrics = {
        "accuracy": skm.accuracy_score(y_test, pred),
        "precision": skm.precision_score(y_test, pred, zero_division=0.0),
        "recall": skm.recall_score(y_test, pred, zero_division=0.0),
        "F1": skm.f1_score(y_test, pred, zero_division=0.0),
        "ROC AUC": skm.roc_auc_score(y_test, proba),
        "log loss": skm.log_loss(y_test, proba),
        "confusion matrix [[tn, fp], [fn, tp]]": skm.confusion_matrix(y_test, pred, labels=[0, 1]),
    }

    def model(rows):
        return clf.predict_proba(scaler.transform(rows))[:, 1]

    optimum = skm.log_loss(y_train, clf.predict_proba(scaler.transform(X_train))[:, 1])
    return Run(scaler.mean_, scaler.scale_, clf.coef_[0], float(clf.intercept_[0]), int(clf.n_iter_[0]), optimum, None, proba, pred, metrics,
               {"standardize": np.nan, "train": t_fit, "predict": t_predict}, model)


def run(backends: dict, opts: Options, tick=lambda step: None) -> SectionReport:
    """The pipeline on each backend in ``backends`` (name -> module), as a section;
    ``tick(step)`` is told each step as it starts (for a progress bar)."""
    start = time.perf_counter()
    tick("data")
    X, y = datasets.make_classification(opts.n_samples, opts.n_features, n_informative=min(2, opts.n_features), n_redundant=0,
                                        class_sep=1.0, flip_y=0.01, random_state=opts.seed)
    data = datasets.train_test_split(X, y, test_size=TEST_SIZE, random_state=opts.seed, stratify=y)
    X_train, X_test, y_train, y_test = data
    setup = (
        f"make_classification: {opts.n_samples} samples, {opts.n_features} features ({min(2, opts.n_features)} informative), "
        f"class_sep 1, flip_y 0.01, seed {opts.seed}; stratified split {len(y_train)} train / {len(y_test)} test; "
        f"standardized with the training mean and std; logistic regression by gradient descent from zero weights, "
        f"lr {opts.learning_rate:g}, at most {opts.iterations} iterations"
    )
    names = list(backends)
    runs: dict[str, Run] = {}
    failures: list[str] = []
    for name, m in backends.items():
        tick(name)
        try:
            runs[name] = _run_backend(name, m, data, opts)
        except Exception as e:  # a backend built without the pipeline yet, or a bug: report it, show the rest
            failures.append(f"{TITLE}: {name} failed: {type(e).__name__}: {e}")
    tick("scikit-learn")
    sk = _run_sklearn(data, opts)

    both = len(names) == 2
    header = ("step", *names) + (("go vs reference",) if both else ()) + (("scikit-learn",) if sk else ())
    rows: list[tuple[str, ...]] = []

    def value_row(label, get, fmt=show, compare=True):
        cells = [fmt(get(runs[n])) if n in runs else "failed" for n in names]
        if both and len(runs) == 2:
            ref, go = get(runs["reference"]), get(runs["go"])
            cells.append(f"{rel_diff(ref, go):.1e}" if compare else ("same" if ref == go else "differ"))
        elif both:
            cells.append("-")
        if sk:
            value = get(sk)
            cells.append("-" if value is None or (np.ndim(value) == 0 and np.isnan(value)) else fmt(value))
        rows.append((label, *cells))

    def time_row(label, key):
        cells = [duration(runs[n].times[key]) if n in runs else "-" for n in names]
        if both:
            if len(runs) == 2:
                ratio = runs["reference"].times[key] / runs["go"].times[key]
                cells.append(f"go {ratio:.3g}x faster" if ratio >= 1 else f"go {1 / ratio:.3g}x slower")
            else:
                cells.append("-")
        if sk:
            cells.append("-" if np.isnan(sk.times[key]) else duration(sk.times[key]))
        rows.append((label, *cells))

    value_row("training mean", lambda r: r.mean)
    value_row("training std", lambda r: r.std)
    value_row("iterations run", lambda r: r.iterations, fmt=str, compare=False)
    value_row("training loss at the final weights", lambda r: r.loss)
    value_row("weights w", lambda r: r.weights)
    value_row("bias b", lambda r: r.bias)
    for key in METRICS:
        value_row(f"test {key}", lambda r, k=key: r.metrics[k], fmt=lambda v: show(v) if isinstance(v, np.ndarray) else f"{v:.6f}")
    time_row("time: standardize + apply", "standardize")
    time_row(f"time: training ({opts.iterations} iterations at most)", "train")
    time_row(f"time: predict_proba + predict ({len(y_test)} rows)", "predict")

    summary = [f"data: train {np.bincount(y_train, minlength=2).tolist()} / test {np.bincount(y_test, minlength=2).tolist()} "
               f"rows of class [0, 1]"]
    models = {**runs, **({"scikit-learn": sk} if sk else {})}
    if models:
        summary.append("test accuracy / ROC AUC: " + ", ".join(f"{name} {r.metrics['accuracy']:.4f} / {r.metrics['ROC AUC']:.4f}"
                                                             for name, r in models.items()))
    if both and len(runs) == 2:
        ref, go = runs["reference"], runs["go"]
        differ = int(np.sum(ref.pred != go.pred))
        summary.append(f"weights: go vs reference, max relative difference {rel_diff(ref.weights, go.weights):.1e} "
                       f"(bias {abs(ref.bias - go.bias):.1e}); test predictions that differ: {differ} of {len(y_test)}")
        summary.append(f"training time: reference {duration(ref.times['train'])}, go {duration(go.times['train'])} "
                       f"({ref.times['train'] / go.times['train']:.3g}x)")
    if sk and runs:
        first = runs[names[0]] if names[0] in runs else next(iter(runs.values()))
        gap = first.loss - sk.loss
        summary.append(f"scikit-learn LogisticRegression(C=inf, lbfgs): weights within {rel_diff(sk.weights, first.weights):.1e} "
                       f"(relative) of gradient descent's, whose training loss is {gap:.1e} above lbfgs's optimum; "
                       f"test predictions that differ: {int(np.sum(sk.pred != first.pred))}")
    elif not sk:
        summary.append("scikit-learn is not installed: no comparison with LogisticRegression")

    highlights = [line for line in summary if line.startswith(("test accuracy", "weights:", "training time:"))]
    report = SectionReport(NAME, TITLE, setup, header, rows, [[] for _ in rows], summary, highlights, failures=failures)
    if opts.plots and runs:
        tick("plots")
        try:
            report.figures = _figures(runs, sk, data, opts)
        except Exception as e:
            report.failures.append(f"{TITLE}: plots failed: {type(e).__name__}: {e}")
    report.seconds = time.perf_counter() - start
    return report


def _figures(runs: dict[str, Run], sk: Run | None, data, opts: Options) -> list[Figure]:
    from mlmath._demo import plots

    X_train, X_test, y_train, y_test = data
    optimum = float(sk.loss) if sk else None
    curves = {name: r.losses for name, r in runs.items() if r.losses is not None}  # (every backend keeps them)
    loss = Figure("loss-curves.png", "training loss per iteration of each backend (identical paths: the curves overlap)"
                  + ("; scikit-learn's optimum for reference" if sk else ""),
                  plots.png(plots.loss_curves(curves, optimum, opts.learning_rate)))

    first = next(iter(runs.values()))
    pick = np.random.default_rng(opts.seed).permutation(len(y_test))[:PLOT_POINTS]
    Xp, yp = X_test[pick], y_test[pick]
    lo, hi = Xp[:, :2].min(axis=0), Xp[:, :2].max(axis=0)
    pad = 0.08 * (hi - lo)
    xx, yy = np.meshgrid(np.linspace(lo[0] - pad[0], hi[0] + pad[0], 200), np.linspace(lo[1] - pad[1], hi[1] + pad[1], 200))
    grid = np.tile(X_train.mean(axis=0), (xx.size, 1))  # features beyond the first two at their training mean
    grid[:, 0], grid[:, 1] = xx.ravel(), yy.ravel()
    boundaries = {name: r.model(grid).reshape(xx.shape) for name, r in runs.items()}
    if sk:
        boundaries["scikit-learn"] = sk.model(grid).reshape(xx.shape)
    acc = ", ".join(f"{name} {r.metrics['accuracy']:.3f}" for name, r in runs.items())
    shown = f"{len(pick)} of {len(y_test)}" if len(pick) < len(y_test) else f"all {len(y_test)}"
    title = f"decision boundary over the test data ({shown} points)\naccuracy: {acc}"
    extra = "" if opts.n_features == 2 else f"; features 3-{opts.n_features} at their training mean"
    fig = plots.decision_boundary(Xp, yp, first.pred[pick] != yp, xx, yy, next(iter(boundaries.values())), boundaries, title,
                                  "feature 1", "feature 2" + extra)
    boundary = Figure("decision-boundary.png", "the test data, each model's P(y = 1) = 0.5 line (they coincide), misclassified points "
                      "circled, the background the predicted probability", plots.png(fig))
    return [loss, boundary]
