"""The public API is typed (PEP 561): a user's program type-checks against it.

mypy --strict checks a small user program that calls both backends, the
estimator and the data helpers, the way the README does: it must pass, and
the types mypy infers for the results must be the documented ones
(reveal_type). A second program misuses the API on marked lines, and mypy
must report exactly those lines, so the check is not vacuous. mypy finds
mlmath as a user's mypy would, as an installed package (here the venv's
editable install) carrying py.typed.

The annotations also resolve at run time (typing.get_type_hints), to the
same types on both backends. The package itself is checked by ``make
typecheck`` (mypy --strict with pyproject.toml's settings).
"""

from __future__ import annotations

import inspect
import re
import subprocess
import sys
import textwrap
import typing
from pathlib import Path

import pytest

from mlmath import go, reference

pytest.importorskip("mypy")

ROOT = Path(__file__).resolve().parents[1]

USER_CODE = '''
from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray

from mlmath import LogisticRegression, go, k_fold_indices, make_classification, objectives, reference, train_test_split


def loss(w: NDArray[np.float64]) -> float:
    return float(w @ w)


def grad(w: NDArray[np.float64]) -> NDArray[np.float64]:
    return 2 * w


def stop(steps: int, x: NDArray[np.float64], fx: float) -> bool:
    return fx < 1e-9


A = np.eye(3) + 0.1
v = [1.0, 2.0, 3.0]
total: float = go.dot(v, v) + reference.dot(np.arange(3), v) + go.norm(v, ord=np.inf)
s: NDArray[np.float64] = go.add(v, v) - reference.scale(2, v)
x = go.solve(A, v)
U, S, Vh = go.svd(A)
w, V = reference.eigh(A)
g = go.gradient(loss, v, h=1e-6)
J = reference.jacobian(grad, v)
d1 = go.numerical_derivative(np.sin, 0.5) + reference.numerical_derivative(math.cos, 0.5)
path = go.gradient_descent(objectives.quadratic, None, v, learning_rate=0.1, callback=stop)
path2 = reference.gradient_descent(loss, grad, v, max_iter=10)
derivative: str = go.symbolic_derivative("x^2 + sin(x)", "x")
probs = go.softmax(A, axis=0)
lse = reference.logsumexp(A)
mi: float = go.mutual_information(A) + reference.entropy([0.5, 0.5], base=math.e)

X, y = make_classification(200, random_state=0)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=np.random.default_rng(1))
model = LogisticRegression(backend="reference", max_iter=100).fit(X_train, y_train)
accuracy: float = model.score(X_test, y_test)
fit = go.logistic_regression(X_train, y_train, callback=lambda iteration, loss: iteration > 50)
labels = reference.predict(X_test, fit.weights, fit.bias)
folds = k_fold_indices(10, 5, shuffle=True, seed=0)

W1, b1, W2, b2 = np.zeros((2, 3)), np.zeros(3), np.zeros((3, 1)), np.zeros(1)
optimizer = go.Adam([W1, b1, W2, b2], lr=0.01, betas=(0.9, 0.99))
trained = go.train_mlp(X_train, y_train, W1, b1, W2, b2, optimizer, epochs=2, batch_size=32)
optimizer.step([W1, b1, W2, b2])

reveal_type(go.svd(A).S)
reveal_type(reference.svd(A).S)
reveal_type(S)
reveal_type(go.eig(A).eigenvalues)
reveal_type(go.dot(v, v))
reveal_type(go.matrix_rank(A))
reveal_type(lse)
reveal_type(labels)
reveal_type(path.history)
reveal_type(trained.losses)
reveal_type(model)
reveal_type(folds)
reveal_type(X)
reveal_type(y)
'''

# What mypy infers for the reveal_type calls above, in order, as regular
# expressions (mypy spells int64 signedinteger[_64Bit]; older versions spell
# builtins "builtins.float").
_FLOATS = r"numpy\.ndarray\[tuple\[Any, \.\.\.\], numpy\.dtype\[numpy\.float64\]\]"
_INTS = r"numpy\.ndarray\[tuple\[Any, \.\.\.\], numpy\.dtype\[numpy\.(?:int64|signedinteger\[[\w.]*_64Bit\])\]\]"
REVEALED = [
    _FLOATS,
    _FLOATS,
    _FLOATS,
    r"numpy\.ndarray\[tuple\[Any, \.\.\.\], numpy\.dtype\[numpy\.float64 \| numpy\.complex128\]\]",
    r"(?:builtins\.)?float",
    r"(?:builtins\.)?int",
    rf"(?:builtins\.)?float \| {_FLOATS}",
    _INTS,
    _FLOATS,
    _FLOATS,
    r"mlmath\.estimators\.LogisticRegression",
    rf"(?:builtins\.)?list\[tuple\[{_INTS}, {_INTS}\]\]",
    _FLOATS,
    _INTS,
]

# Each line marked "# error" must be reported, and no other.
MISUSE = '''
from __future__ import annotations

import numpy as np

from mlmath import LogisticRegression, go, reference

A = np.eye(3)
go.dot([1.0], [2.0]).shape  # error: a float has no shape
go.svd(A, full_matrices="yes")  # error: a bool, not a str
reference.gradient(lambda x: "one", [1.0])  # error: f returns a float
rank: float = go.matrix_rank(A)
count: int = go.norm([1.0])  # error: norm is a float
go.train_mlp(A, A, [[1.0]], A, A, A, go.SGD([A], lr=0.1), epochs=1)  # error: parameters are float64 arrays
reference.Adam([A], betas=0.9)  # error: betas is a pair
LogisticRegression(backend="go").fit(A, [0, 1, 0]).coef_.nope  # error: no such attribute
w, v, extra = go.eigh(A)  # error: two fields
'''


@pytest.fixture(scope="module")
def mypy_output(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[int, str, str]]]:
    """mypy --strict on both programs, run once: per file, (line, kind, message) of each report."""
    tmp = tmp_path_factory.mktemp("typing")
    (tmp / "user_code.py").write_text(textwrap.dedent(USER_CODE))
    (tmp / "misuse.py").write_text(textwrap.dedent(MISUSE))
    # A config of its own: the user's settings, not this project's pyproject.toml.
    (tmp / "mypy.ini").write_text(f"[mypy]\nstrict = True\ncache_dir = {tmp / 'cache'}\n")
    r = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--no-error-summary", "--hide-error-context", "user_code.py", "misuse.py"],
        cwd=tmp, capture_output=True, text=True, timeout=600,
    )
    assert r.returncode in (0, 1), r.stdout + r.stderr  # 1: errors found (misuse.py); anything else: mypy failed
    reports: dict[str, list[tuple[int, str, str]]] = {"user_code.py": [], "misuse.py": []}
    for line in r.stdout.splitlines():
        m = re.match(r"(\w+\.py):(\d+): (error|note): (.*)", line)
        assert m, f"unexpected mypy output: {line}"
        reports[m[1]].append((int(m[2]), m[3], m[4]))
    return reports


def test_user_code_passes_mypy_strict(mypy_output):
    errors = [r for r in mypy_output["user_code.py"] if r[1] == "error"]
    assert not errors, "\n".join(f"user_code.py:{n}: {msg}" for n, _, msg in errors)


def test_results_have_the_documented_types(mypy_output):
    revealed = [msg for _, kind, msg in mypy_output["user_code.py"] if kind == "note" and msg.startswith("Revealed type")]
    assert len(revealed) == len(REVEALED)
    for got, want in zip(revealed, REVEALED):
        assert re.fullmatch(f'Revealed type is "{want}"', got), f"{got}, expected {want}"


def test_misuse_is_reported_where_it_happens(mypy_output):
    marked = {n for n, line in enumerate(textwrap.dedent(MISUSE).splitlines(), 1) if "# error" in line}
    reported = {n for n, kind, _ in mypy_output["misuse.py"] if kind == "error"}
    assert reported == marked


@pytest.mark.parametrize("name", sorted(reference.__all__))
def test_annotations_resolve_to_the_same_types_on_both_backends(name):
    ref, gob = getattr(reference, name), getattr(go, name)
    if isinstance(ref, type):  # an optimizer: its constructor
        ref, gob = ref.__init__, gob.__init__
    hints = typing.get_type_hints(ref)
    assert hints == typing.get_type_hints(gob)
    assert "return" in hints and set(inspect.signature(ref).parameters) - {"self"} <= set(hints)


def test_the_package_ships_its_types():
    package = ROOT / "python" / "mlmath"
    assert (package / "py.typed").is_file() and (package / "_native.pyi").is_file()
    tomllib = pytest.importorskip("tomllib")
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert {"py.typed", "_native.pyi"} <= set(config["tool"]["setuptools"]["package-data"]["mlmath"])
