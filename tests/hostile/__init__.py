"""The hostile-input engine (issue 11): throw bad input at every public function.

Modules, in the order a case goes through them:

- :mod:`hostile.targets`: the entry points, found by introspection: every
  function of ``mlmath.reference.__all__`` (argument slots from its
  signature, valid values from ``tests/test_api.CALLS``), the optimizer
  classes (constructor, then two ``step`` calls), train_mlp (with the
  optimizer built per backend) and ``mlmath.LogisticRegression``
  (fit, predict_proba, predict, score). A new public function is a target at
  once (and tests/test_api.py fails until CALLS has a valid call of it).
- :mod:`hostile.values`: the mutations (special values, dtypes, memory
  layouts, shapes, Python values, hostile callables and strings), as plain
  data so that a case prints as a recipe that rebuilds it exactly.
- :mod:`hostile.strategies`: Hypothesis strategies drawing recipes;
  :mod:`hostile.sweep`: every single mutation of every slot, in order;
  :mod:`hostile.regressions`: the bug log, with the recipes that found each bug.
- :mod:`hostile.compare`: runs a recipe on both backends and judges: the
  same exception class, or results that agree (rules by function), no input
  modified, no result sharing memory with an input.
- :mod:`hostile.worker` (child process) and :mod:`hostile.runner` (parent):
  a crash (signal) or hang of the child is reported with the case that
  caused it, and a new child goes on with the next case.
- :mod:`hostile.memory`: the RSS check of ``make soak``.

Command line: ``.venv/bin/python tests/hostile {run,repro,targets}`` (see
``hostile/__main__.py``); ``make soak``; tests/test_hostile.py in ``make test``.
"""
