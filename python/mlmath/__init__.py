"""mlmath: the mathematics of machine learning, implemented twice behind one API.

- ``mlmath.reference``: readable numpy implementations, the ground truth.
- ``mlmath.go``: the same functions computed by a Go shared library through cffi.
  Importing it raises ImportError (saying how to build it) when the native
  library is missing; the reference needs nothing but numpy.

Both modules expose the same functions with the same signatures and raise the
same exceptions::

    from mlmath import reference, go
    reference.dot([1, 2, 3], [4, 5, 6])   # 32.0
    go.dot([1, 2, 3], [4, 5, 6])          # 32.0
"""

from mlmath import datasets, objectives, reference
from mlmath._version import __version__
from mlmath.datasets import make_classification, train_test_split
from mlmath.estimators import LogisticRegression, NotFittedError
from mlmath.model_selection import k_fold_indices

__all__ = [
    "reference",
    "objectives",
    "datasets",
    "make_classification",
    "train_test_split",
    "LogisticRegression",
    "NotFittedError",
    "k_fold_indices",
    "__version__",
]
