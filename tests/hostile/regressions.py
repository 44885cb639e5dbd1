"""What the hostile engine found, and the recipes that found it: the bug log.

Each entry is one defect: the recipe that shows it (rebuild and run it with
``tests/hostile repro "<recipe>"``), what happened, and the fix. The recipes
run in tests/test_hostile.py through the child-process runner (a regression
that crashes or hangs is reported, not fatal to pytest), and in ``make soak``.
"""

from __future__ import annotations

BUGS = [
    dict(
        recipes=[("gradient", (("f", ("fn", "raise")),)), ("hessian", (("f", ("fn", "raise_third")),))],
        happened="an exception raised by the user's function came back from the Go backend without the "
        "frames of that function in its traceback (cffi hands the traceback to onerror separately)",
        fix="go/_callbacks.py _store: put the traceback back on the exception",
    ),
    dict(
        recipes=[("sample_complexity", (("epsilon", ("scalar", "f", "sub")),)), ("sample_complexity", (("epsilon", ("value", 1e-200)),))],
        happened="ZeroDivisionError from both backends: 2 * eps * eps underflows to 0 (Go returned its "
        "domain error and the wrapper asked the reference for the message)",
        fix="reference/learning.py: a zero denominator gives n = inf, refused with ValueError as in Go",
    ),
    dict(
        recipes=[("sample_complexity", (("epsilon", ("value", 1e-09)),))],
        happened="reference raised ValueError (finite_class_bound's n <= 2**62, reached while stepping n down "
        "by one), Go returned 4840172000610959360",
        fix="reference/learning.py: correct n by one step down/up only below 2**53, as Go does",
    ),
    dict(
        recipes=[("relu", (("x", ("py", "f32")),)), ("tanh", (("x", ("scalar", "f", "0.5")),)),
                 ("relu_derivative", (("x", ("reshape", "0d")),)), ("sigmoid_derivative", (("x", ("py", "f16")),)),
                 ("tanh_derivative", (("x", ("reshape", "pyfloat")),))],
        happened="0-d input: the reference returned a numpy scalar (np.float64), Go and the reference's "
        "sigmoid a 0-d ndarray (the documented type)",
        fix="reference/nn.py: the elementwise functions return arrays",
    ),
    dict(
        recipes=[("SGD", (("grads", ("shape", "huge-empty-3d")),)), ("Adam", (("grads", ("shape", "2x2")),))],
        happened="step(grads) with one ndarray instead of a list: list() split it into rows; for shape "
        "(2**28, 0, 2**28), 2**28 row objects: MemoryError (or many GB) on both backends",
        fix="_optim.py Optimizer.gradients: TypeError for an ndarray, as for params",
    ),
    dict(
        recipes=[("eig", (("A", ("fill", "-1e308", "all")),)), ("eig", (("A", ("value", ((0.0, -1e-200), (1e-200, 0.0)))),)),
                 ("eig", (("A", ("value", ((2.0, 1e160, 0.0), (1e160, 3.0, 1.0), (0.0, 1.0, 4.0)))),))],
        happened="Go eig of a matrix with entries beyond about 1e154 or below 1e-154: LinAlgError('did not "
        "converge'), NaN, or wrong eigenvalues ([[0, -1], [1, 0]] * 1e-200 gave 0, 0 instead of +-1e-200 i); "
        "hqr2 squares entries",
        fix="go/decomp/eig.go: scale A by a power of two (exact) to max |a| ~ 1 when it is outside 2**+-64, as "
        "LAPACK's dgeev scales, and the eigenvalues back",
    ),
    dict(
        recipes=[("eigh", (("A", ("fill", "1e308", "all")),)), ("eigh", (("A", ("fill", "-max", "all")),))],
        happened="Go eigh of a matrix with entries near 1e308: LinAlgError('did not converge'); numpy returns "
        "the eigenvalues (one overflowing to inf)",
        fix="go/decomp/eigh.go: the same power-of-two scaling",
    ),
    dict(
        recipes=[("standardize", (("X", ("shape", "empty-huge")),))],
        happened="Go standardize of X with shape (2**40, 0): hung (the pairwise column sums walk 2**40 rows of "
        "nothing)",
        fix="go/linear/standardize.go: nothing to compute when d == 0",
    ),
    dict(
        recipes=[("svd", (("A", ("shape", "huge-empty")),)), ("qr", (("A", ("shape", "huge-empty")),))],
        happened="reference svd of a (0, 2**40) matrix hung (numpy's loop walks the long side); reference qr "
        "raised MemoryError (numpy's workspace grows with n); Go returned the empty factors at once",
        fix="reference/decompositions.py: empty factors built directly for empty matrices",
    ),
    dict(
        recipes=[("logistic_regression", (("max_iter", ("value", 2**63)), ("tol", ("value", 0.5)))),
                 ("logistic_regression", (("max_iter", ("value", 10**30)), ("tol", ("value", 0.5)))),
                 ("LogisticRegression", (("max_iter", ("value", 2**64)), ("tol", ("value", 0.5))))],
        happened="Go logistic_regression with max_iter >= about 2**59: ValueError('array is too big') from "
        "allocating max_iter losses up front, while the reference ran to convergence; max_iter = 10**9 "
        "allocated 8 GB",
        fix="go/linear.py: the Go loop runs in chunks of CHUNK iterations (the same iterates)",
    ),
    dict(
        recipes=[("train_mlp", (("epochs", ("value", 2**63)), ("callback", ("fn", "stop")))),
                 ("train_mlp", (("epochs", ("value", 10**30)), ("callback", ("fn", "raise"))))],
        happened="Go train_mlp with epochs >= about 2**59: ValueError('array is too big') (a loss per epoch "
        "allocated up front), while the reference trained until the callback stopped it",
        fix="go/nn.py: epochs in chunks of CHUNK",
    ),
    dict(
        recipes=[("hessian", (("h", ("scalar", "f", "sub")),)), ("hessian", (("h", ("scalar", "f", "tiny")),)),
                 ("hessian", (("h", ("value", 1e-170)),))],
        happened="hessian with a step whose square underflows: reference ZeroDivisionError (Python float "
        "division), Go NaN (IEEE)",
        fix="reference/calculus.py: IEEE division, NaN or Inf as in Go",
    ),
    dict(
        recipes=[("softmax", (("x", ("shape", "empty-huge")),)), ("logsumexp", (("x", ("shape", "3x0")),)),
                 ("log_softmax", (("x", ("shape", "2**31-empty")),)), ("softmax", (("x", ("shape", "empty")),))],
        happened="softmax, log_softmax, logsumexp along an empty axis: Go ValueError('cannot reshape array of "
        "size 0 into shape (0)'), the reference numpy's message; for shape (2**40, 0) the reference "
        "MemoryError (per-row maxima: 8 TiB) against Go's ValueError",
        fix="_nn.py along_axis: one ValueError for an empty axis, before computing",
    ),
    dict(
        recipes=[("train_mlp", (("W1", ("layout", "matrix")),)), ("train_mlp", (("b2", ("layout", "masked")),)),
                 ("SGD", (("params", ("elem", 0, ("layout", "matrix"))),)), ("Adam", (("params", ("elem", 1, ("layout", "masked"))),))],
        happened="optimizers accepted ndarray subclasses as parameters: train_mlp with np.matrix weights raised "
        "numpy TypeErrors on the reference and trained on Go; a masked array's mask was ignored by Go; np.matrix's "
        "* is a matrix product, so numpy-side updates are wrong",
        fix="_optim.py parameters: plain np.ndarray only (TypeError)",
    ),
]


BUGS += [
    dict(
        recipes=[("pca", (("X", ("fill", "1e308", "all")),)), ("pca", (("X", ("fill", "-max", "alt")),))],
        happened="pca of finite data whose mean or centering overflows: the reference raised numpy's bare "
        "LinAlgError('SVD did not converge') (no function name), Go 'pca: Array must not contain infs or NaNs'",
        fix="reference/decompositions.py: the centered data is checked as Go does",
    ),
    dict(
        recipes=[("gradient_descent", (("f", ("fn", "none")),)), ("gradient_descent", (("f", ("fn", "array7")),))],
        happened="gradient_descent with a bad f and no grad_f: the reference's message named 'gradient' (it called "
        "the public gradient()), Go's 'gradient_descent'",
        fix="reference/calculus.py: central differences inline, errors naming gradient_descent",
    ),
]
BUGS += [
    dict(
        recipes=[("check_gradient", (("grad_f", ("fn", "mutates")), ("f", ("fn", "mutates")), ("x", ("scalar", "py", "arr1"))))],
        happened="check_gradient with a gradient of 1e300: the reference returned NaN (np.linalg.norm squares "
        "without scaling: inf / inf), Go 1.0 (its Norm2 scales)",
        fix="_calculus.py relative_error: norms scaled by a power of two, as Go's",
    ),
]
# (In regressions mode a differing message fails too: the pca and gradient_descent entries are message bugs.)


def recipes(name: str) -> list:
    """The recipes of the target ``name`` in BUGS."""
    return [r for bug in BUGS for r in bug["recipes"] if r[0] == name]


def targets() -> list[str]:
    """The targets that have regression recipes, in BUGS order."""
    out = []
    for bug in BUGS:
        for r in bug["recipes"]:
            if r[0] not in out:
                out.append(r[0])
    return out
