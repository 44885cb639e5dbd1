"""Named test cases shared by the parity tests, in the style of numpy.linalg's
``LinalgCase(name, a, b, tags)``.

Each matrix case carries right-hand sides for ``solve`` (a vector of shape
(n,) and a block of shape (n, k)) and tags saying what to expect:

=========== ================================================================
tag         meaning
=========== ================================================================
singular    exactly singular: LU meets an exactly zero pivot, so ``det`` is
            0.0 and ``inv``/``solve`` raise ``numpy.linalg.LinAlgError``
ill         ill-conditioned (cond(A) > 1e8) but not singular: must not raise
rank_deficient  integer matrices of rank n-1, singular in exact arithmetic,
            where whether LU meets an exactly zero pivot depends on the
            rounding order (numpy/OpenBLAS and Go disagree on these two)
empty       0x0 matrix: det 1.0, inv (0, 0), solve shaped like b
permutation a permutation matrix: det is exactly +1 or -1
exact       LU, det and the inverse are exact in float64 (no rounding at all)
=========== ================================================================

Vector cases are pairs ``(v, w)`` of equal length with tags such as
"empty", "wide" (magnitudes from 1e-150 to 1e150), "orthogonal",
"parallel", "antiparallel" and "zero".

All data is built from formulas or a fixed-seed ``numpy.random.default_rng``,
so the cases are the same on every run and readable from any language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: The seed of every random case: change it and the cases change.
SEED = 20240607


@dataclass(frozen=True)
class Case:
    """A named square matrix ``A`` with right-hand sides for ``solve``.

    ``b`` has shape (n,) and ``B`` shape (n, k) with k = 3; ``tags`` is a
    set of strings from the table in the module docstring.
    """

    name: str
    A: np.ndarray
    b: np.ndarray
    tags: frozenset = field(default_factory=frozenset)

    @property
    def B(self) -> np.ndarray:
        """A (n, 3) right-hand side: b, 2*b - 1 and a column of ones."""
        n = self.A.shape[0]
        return np.column_stack([self.b, 2.0 * self.b - 1.0, np.ones(n)]).reshape(n, 3)

    def __repr__(self) -> str:  # short ids in pytest output
        return f"Case({self.name})"


def _case(name: str, A, b=None, tags=()) -> Case:
    A = np.array(A, dtype=np.float64).reshape(np.shape(A))
    n = A.shape[0]
    if b is None:
        b = np.arange(1.0, n + 1.0)
    b = np.array(b, dtype=np.float64).reshape(n)
    A.setflags(write=False)
    b.setflags(write=False)
    return Case(name, A, b, frozenset(tags))


def hilbert(n: int) -> np.ndarray:
    """The n x n Hilbert matrix H[i, j] = 1 / (i + j + 1) (0-based)."""
    i = np.arange(n)
    return 1.0 / (i[:, None] + i[None, :] + 1.0)


def _well_conditioned(n: int) -> np.ndarray:
    """A random n x n matrix, shifted by 2*sqrt(n)*I so cond(A) stays small."""
    rng = np.random.default_rng(SEED)
    return rng.standard_normal((n, n)) + 2.0 * np.sqrt(n) * np.eye(n)


_PERM = [3, 0, 4, 1, 2]  # one 5-cycle: an even permutation, det +1
_SWAP = [1, 0, 2, 3]  # one transposition: det -1

CASES: list[Case] = [
    _case("identity_1", np.eye(1), tags={"exact"}),
    _case("identity_5", np.eye(5), tags={"exact"}),
    _case("one_by_one", [[-4.0]], tags={"exact"}),
    _case("notes_2x2", [[1.0, 2.0], [3.0, 4.0]]),
    _case("random_8x8", _well_conditioned(8), b=np.random.default_rng(SEED + 1).standard_normal(8)),
    _case("singular_2x2", [[1.0, 2.0], [2.0, 4.0]], tags={"singular"}),
    _case("singular_zero_row", [[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], [4.0, 5.0, 6.0]], tags={"singular"}),
    _case("singular_zero_matrix", np.zeros((3, 3)), tags={"singular"}),
    # det = 1e-10, cond ~4e10: far from singular in float64 (no zero pivot).
    _case("nearly_singular", [[1.0, 1.0], [1.0, 1.0 + 1e-10]], b=[2.0, 2.0 + 1e-10], tags={"ill"}),
    _case("hilbert_8", hilbert(8), b=hilbert(8).sum(axis=1), tags={"ill"}),
    _case("permutation_5", np.eye(5)[_PERM], tags={"permutation", "exact"}),
    _case("swap_4", np.eye(4)[_SWAP], tags={"permutation", "exact"}),
    _case("upper_triangular", np.triu(np.arange(1.0, 26.0).reshape(5, 5)) + 5.0 * np.eye(5)),
    _case("empty_0x0", np.zeros((0, 0)), tags={"empty"}),
    # Found by random rank-deficient integer products B @ C (B 3x2, C 2x3):
    # numpy meets an exactly zero pivot on the first (det 0.0, inv raises),
    # Go a pivot of ~1e-15 (det 1.4e-14, inv with entries 4.5e15); on the
    # second it is the other way round (numpy det -4.4e-15, Go det 0.0).
    _case("rank_deficient_a", [[9.0, 12.0, -11.0], [-3.0, -5.0, 4.0], [6.0, 1.0, -5.0]], tags={"rank_deficient"}),
    _case("rank_deficient_b", [[-6.0, 2.0, -2.0], [-4.0, -2.0, 2.0], [-1.0, -3.0, 3.0]], tags={"rank_deficient"}),
]

CASES_BY_NAME = {c.name: c for c in CASES}


def cases_with(tag: str) -> list[Case]:
    """The cases carrying ``tag``."""
    return [c for c in CASES if tag in c.tags]


def cases_without(*tags: str) -> list[Case]:
    """The cases carrying none of ``tags``."""
    return [c for c in CASES if not c.tags & set(tags)]


@dataclass(frozen=True)
class VectorCase:
    """A named pair of equal-length vectors ``(v, w)`` with tags."""

    name: str
    v: np.ndarray
    w: np.ndarray
    tags: frozenset = field(default_factory=frozenset)

    def __repr__(self) -> str:
        return f"VectorCase({self.name})"


def _vcase(name: str, v, w, tags=()) -> VectorCase:
    v, w = np.array(v, dtype=np.float64), np.array(w, dtype=np.float64)
    v.setflags(write=False)
    w.setflags(write=False)
    return VectorCase(name, v, w, frozenset(tags))


_wide = np.array([1e-150, -3e-100, 1e-50, 7.0, -1e50, 1e100, 1.5e150])

VECTOR_CASES: list[VectorCase] = [
    _vcase("empty", [], [], tags={"empty"}),
    _vcase("length_1", [3.0], [-4.0]),
    _vcase("notes_123_456", [1.0, 2.0, 3.0], [4.0, 5.0, 6.0]),
    # Magnitudes 1e-150..1e150: products and squares span 1e-300..1e300.
    _vcase("wide_magnitudes", _wide, _wide[::-1].copy(), tags={"wide"}),
    _vcase("orthogonal", [1.0, 2.0, 0.0, -3.0], [2.0, -1.0, 5.0, 0.0], tags={"orthogonal"}),
    _vcase("parallel", [1.0, 2.0, 3.0], [2.0, 4.0, 6.0], tags={"parallel"}),
    _vcase("antiparallel", [1.0, -2.0, 4.0], [-0.5, 1.0, -2.0], tags={"antiparallel"}),
    _vcase("zero_vector", [0.0, 0.0, 0.0], [1.0, 2.0, 3.0], tags={"zero"}),
]

VECTOR_CASES_BY_NAME = {c.name: c for c in VECTOR_CASES}
