"""``make bench`` must not rot: a --quick run of a few ops writes its JSON (with
the machine description) and a PNG per family, also for ops numpy has no
equivalent of (calculus, train_xor), ops timed through functions built per
backend (nn), an op whose "numpy" column is scikit-learn (information) and
a training run of seconds (pipeline); go test -bench output of gonum becomes the "gonum" column, and
an offline machine only loses that column. Timings are not judged here: speed
targets live in the benchmarks, never in tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

RUN = Path(__file__).resolve().parent / "bench" / "run.py"
sys.path.insert(0, str(RUN.parent))

import gonative  # noqa: E402 (tests/bench is not a package)
import report  # noqa: E402
import workload  # noqa: E402

DESCENT = ("gd_rosenbrock_builtin", "gd_rosenbrock_callback")
NN = ("train_xor", "adam_step")
MI = "mutual_information_from_labels"
LOGREG = "logistic_regression"


def test_quick_bench_writes_json_and_plots(tmp_path):
    out = tmp_path / "bench"
    r = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--skip-native", "--ops", ",".join(("dot", "matmul", *DESCENT, *NN, MI, LOGREG)), "--out-dir", str(out),
         "--baseline", str(tmp_path / "none.json")],
        capture_output=True, text=True, timeout=300,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    doc = json.loads((out / "latest.json").read_text())
    machine = doc["machine"]
    assert machine["cpu"]["nproc"] >= 1 and isinstance(machine["cpu"]["avx512f"], bool)
    assert machine["go"]["go kernel"] in ("avx512", "avx2", "generic")
    seen = {(rec["op"], rec["impl"], rec["mode"]) for rec in doc["results"]}
    for op in ("dot", "matmul"):
        for impl in ("numpy", "reference", "go"):
            for mode in ("isolated", "interleaved"):
                assert (op, impl, mode) in seen
    steps = workload.QUICK_CALCULUS_SIZES[0]
    for op in DESCENT:  # no numpy equivalent: reference and go only, at the --quick step count
        assert {(rec["impl"], rec["n"]) for rec in doc["results"] if rec["op"] == op} == {("reference", steps), ("go", steps)}
    nn = {op: {(rec["impl"], rec["n"]) for rec in doc["results"] if rec["op"] == op} for op in NN}
    assert nn["train_xor"] == {("reference", 500), ("go", 500)}  # the reference is the numpy loop: no numpy column
    assert nn["adam_step"] == {("numpy", 1000), ("reference", 1000), ("go", 1000)}
    n = workload.QUICK_INFO_SIZES[0]  # the numpy column is sklearn's, and says so
    assert {(rec["impl"], rec["n"]) for rec in doc["results"] if rec["op"] == MI} == {("numpy", n), ("reference", n), ("go", n)}
    assert doc["settings"]["numpy_column"][MI] == "sklearn" and doc["settings"]["numpy_column"]["dot"] == "numpy"
    n = workload.QUICK_PIPELINE_SIZES[0]  # the reference is the numpy loop, and sklearn's is another algorithm: no numpy column
    assert {(rec["impl"], rec["n"]) for rec in doc["results"] if rec["op"] == LOGREG} == {("reference", n), ("go", n)}
    assert LOGREG not in doc["settings"]["numpy_column"]
    assert all(rec["min_ns"] > 0 and rec["median_ns"] >= rec["min_ns"] for rec in doc["results"])
    for family in ("vectors", "matrices", "calculus", "nn", "information", "pipeline"):
        png = out / f"{family}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{png} is not a PNG"
    assert "Targets of the issue" in r.stdout


def test_gonum_column_parsed_and_printed(capsys):
    """A canned go test -bench line of go/gonumbench becomes the gonum column and its check line."""
    assert gonative.parse_line("BenchmarkCholesky/n=64-2         \t   29631\t     40519 ns/op\t  1024 B/op") == ("Cholesky", 64, 40519.0)
    assert gonative.parse_line("BenchmarkEig/n=512   \t       1\t1236981040 ns/op") == ("Eig", 512, 1236981040.0)
    assert gonative.parse_line("pkg: mlmath/gonumbench") is None
    rec = {"family": "decompositions", "mode": "isolated"}
    results = [{**rec, "op": op, "n": 64, "impl": impl, "min_ns": ns, "median_ns": ns}
               for op, impl, ns in (("cholesky", "go-native", 30e3), ("cholesky", "gonum", 45e3),
                                    ("qr", "go-native", 200e3), ("qr", "gonum", 100e3), ("qr", "numpy", 90e3))]
    report.tables(results)
    report.print_gonum(results)
    out = capsys.readouterr().out
    assert "gonum" in out.splitlines()[2].split()  # the table's header row has the column
    assert "cholesky n=64  go-native vs gonum: 1.50x faster" in out
    assert "qr n=64        go-native vs gonum: 2.00x SLOWER" in out


def test_gonum_offline_is_a_note_not_a_failure(tmp_path, monkeypatch, capsys):
    """No gonum in the module cache and no proxy: one note, no results, no exception."""
    monkeypatch.setenv("GOPROXY", "off")
    monkeypatch.setenv("GOMODCACHE", str(tmp_path / "modcache"))
    ops = workload.select(["cholesky"], None)
    found, status = gonative.run_gonum(ops, {"cholesky": (64,)}, "1x", 1, RUN.parents[2])
    assert found == {} and status.startswith("skipped: cannot download gonum.org/v1/gonum v0.17.0")
    assert capsys.readouterr().out.count("note: no gonum column") == 1


def test_descent_targets_and_missing_columns(capsys):
    """Canned calculus records (no numpy; go-native only for the built-in loop): the tables cope,
    the built-in variant is judged at 10x, the callback variant's ratio is information only."""
    steps = report.DESCENT_STEPS
    rec = {"family": "calculus", "n": steps, "mode": "isolated"}
    results = [{**rec, "op": op, "impl": impl, "min_ns": ns, "median_ns": ns}
               for op, impl, ns in (("gd_rosenbrock_builtin", "reference", 130e6), ("gd_rosenbrock_builtin", "go", 20e6),
                                    ("gd_rosenbrock_builtin", "go-native", 0.14e6),
                                    ("gd_rosenbrock_callback", "reference", 130e6), ("gd_rosenbrock_callback", "go", 100e6))]
    report.tables(results)
    report.print_crossovers(results)
    found = {tg.text.split(":")[0]: tg for tg in report.targets(results, avx512f=True)}
    builtin = found[f"gradient descent, rosenbrock, {steps} steps, built-in objective"]
    callback = found[f"gradient descent, rosenbrock, {steps} steps, Python-callback gradient"]
    assert builtin.status == "MISSED" and "= 6.5 (target >= 10;" in builtin.text and "go-native 140 us" in builtin.text
    assert callback.status == "info" and "= 1.3 (no target" in callback.text
    out = capsys.readouterr().out
    row = next(line.split() for line in out.splitlines() if line.startswith("gd_rosenbrock_callback"))
    assert row[:6] == ["gd_rosenbrock_callback", str(steps), "-", "130", "ms", "100"]  # op, n, numpy, reference, go
    assert "Crossover" not in out  # no op has numpy
    # the callback variant has no Go benchmark: go test is not even started for it
    assert gonative.run(workload.select([DESCENT[1]], None), {DESCENT[1]: (steps,)}, "1x", 1, RUN.parents[2]) == {}


def test_nn_functions_start_fresh_and_agree():
    """train_xor trains fresh copies of the initial weights at every call (the same
    result twice, XOR_INIT untouched) and learns XOR; adam_step's numpy column is
    the reference's Adam to the bit, only in place."""
    train, adam = (next(op for op in workload.OPS if op.name == name) for name in NN)
    init, epochs = [p.copy() for p in workload.XOR_INIT], 1000
    for impl, f in workload.functions(train, epochs).items():
        first, again = f(*train.args(epochs)), f(*train.args(epochs))
        np.testing.assert_array_equal(first.losses, again.losses, err_msg=impl)
        assert len(first.losses) == epochs and first.losses[-1] < 0.01, impl  # as go/nn's ExampleTrain: 0.0065
    for p, q in zip(init, workload.XOR_INIT):
        np.testing.assert_array_equal(p, q)
    from mlmath import reference

    n = 1000
    (g,) = adam.args(n)
    mine, ref = workload.NumpyAdam([np.ones(n)]), reference.Adam([np.ones(n)], lr=workload.ADAM_LR)
    for _ in range(5):
        mine.step([g])
        ref.step([g])
    np.testing.assert_array_equal(mine.params[0], ref.params[0])
    assert set(workload.functions(adam, n)) == {"numpy", "reference", "go"}


def test_nn_go_benchmarks_match_the_ops():
    """Benchmark<GoName>/n=<quick size> exists for both nn ops, each in its own package (go/nn, go/optim)."""
    ops = workload.select(list(NN), None)
    assert [workload.go_package(op) for op in ops] == ["./nn", "./optim"]
    sizes = {op.name: op.quick_sizes() for op in ops}
    found = gonative.run(ops, sizes, "1x", 1, RUN.parents[2])
    assert set(found) == {("train_xor", 500), ("adam_step", 1000)}


def test_nn_targets(capsys):
    """Canned nn records: XOR judged at 10x, Adam per step at 1x the reference, numpy in place as information."""
    rec = {"family": "nn", "mode": "isolated"}
    results = [{**rec, "op": op, "n": n, "impl": impl, "min_ns": ns, "median_ns": ns}
               for op, n, impl, ns in (("train_xor", report.XOR_EPOCHS, "reference", 330e6), ("train_xor", report.XOR_EPOCHS, "go", 3.5e6),
                                       ("train_xor", report.XOR_EPOCHS, "go-native", 3.2e6),
                                       ("adam_step", report.ADAM_ELEMENTS, "reference", 1.4e6), ("adam_step", report.ADAM_ELEMENTS, "go", 1.6e6),
                                       ("adam_step", report.ADAM_ELEMENTS, "numpy", 0.8e6))]
    report.tables(results)
    found = {tg.text.split(":")[0]: tg for tg in report.targets(results, avx512f=True)}
    xor, adam = found["train_mlp XOR 5000 epochs"], found["Adam step, 1e5 elements"]
    assert xor.status == "ok" and "= 94.3 (target >= 10;" in xor.text and "go-native 3.2 ms" in xor.text
    assert adam.status == "MISSED" and "= 0.88 (target >= 1;" in adam.text and "10,000 steps: reference 14 s, go 16 s" in adam.text
    info = found["Adam step, 1e5 elements, numpy in place"]
    assert info.status == "info" and "= 0.50 (" in info.text
    row = next(line.split() for line in capsys.readouterr().out.splitlines() if line.startswith("train_xor"))
    assert row[:5] == ["train_xor", "5000", "-", "330", "ms"]  # op, n, numpy (none), reference


def test_information_inputs_and_functions_agree():
    """The labels are int64 in 0..99, y a noisy copy of x (x - y in -2..2 mod 100);
    sklearn's column, the reference and go give the same mutual information in bits."""
    (op,) = workload.select([MI], None)
    n = 10_000
    x, y = op.args(n)
    assert x.dtype == y.dtype == np.int64 and x.shape == y.shape == (n,)
    assert x.min() == 0 and x.max() == workload.INFO_CLASSES - 1 and y.min() >= 0 and y.max() < workload.INFO_CLASSES
    assert set(np.unique((x - y) % workload.INFO_CLASSES)) == {0, 1, 2, 98, 99}
    np.testing.assert_array_equal(op.args(n)[1], y)  # seeded
    values = {impl: f(x, y) for impl, f in workload.functions(op, n).items()}
    assert set(values) == {"numpy", "reference", "go"}
    assert 3 < values["reference"] < 5  # about 4.3 bits: strongly dependent, far from log2(100)
    for impl, v in values.items():
        assert v == pytest.approx(values["reference"], rel=1e-12), impl


def test_information_go_benchmark_matches_the_op():
    """Benchmark<GoName>/n=<size> exists in go/info at the --quick size."""
    (op,) = workload.select([MI], None)
    assert workload.go_package(op) == "./info" and op.go_name == "MutualInformationFromLabels"
    found = gonative.run([op], {MI: op.quick_sizes()}, "1x", 1, RUN.parents[2])
    assert set(found) == {(MI, workload.QUICK_INFO_SIZES[0])}


def test_information_targets(capsys):
    """Canned records: reference / go judged at 1x, sklearn's ratio information only,
    and the numpy column printed as sklearn."""
    n = report.INFO_LABELS
    rec = {"family": "information", "op": MI, "n": n, "mode": "isolated"}
    results = [{**rec, "impl": impl, "min_ns": ns, "median_ns": ns}
               for impl, ns in (("reference", 72e6), ("go", 2.9e6), ("go-native", 2.6e6), ("numpy", 135e6))]
    report.tables(results)
    report.print_crossovers(results)
    found = {tg.text.split(":")[0]: tg for tg in report.targets(results, avx512f=True)}
    target = found[f"{MI}, 1e6 labels, 100 classes"]
    assert target.status == "ok" and "= 24.83 (target >= 1;" in target.text and "go-native 2.6 ms" in target.text
    info = found[f"{MI}, 1e6 labels, sklearn"]
    assert info.status == "info" and "= 46.55 (no target" in info.text
    slow = [{**r, "median_ns": 80e6} if r["impl"] == "go" else r for r in results]
    assert {tg.text.split(":")[0]: tg for tg in report.targets(slow, avx512f=True)}[f"{MI}, 1e6 labels, 100 classes"].status == "MISSED"
    out = capsys.readouterr().out
    header = next(line.split() for line in out.splitlines() if line.startswith("op") and "reference" in line)
    assert header[2] == "sklearn" and "go/sklearn" in header and "numpy" not in header
    assert f"{MI} (vs sklearn)" in out


def test_pipeline_inputs_and_functions_agree():
    """X is n x 20 standard normal, y int64 0/1 labels of both classes (seeded); the call
    runs all 1,000 iterations (tol 0) and both backends reach the same model."""
    (op,) = workload.select(None, ["pipeline"])
    assert op.name == LOGREG and op.numpy is None and op.sizes == (report.PIPELINE_ROWS,)
    n = workload.QUICK_PIPELINE_SIZES[0]
    X, y, lr, max_iter, l1, l2, tol = op.args(n)
    assert X.shape == (n, workload.PIPELINE_FEATURES) and y.dtype == np.int64 and set(np.unique(y)) == {0, 1}
    assert 0.4 < y.mean() < 0.7 and abs(X.mean()) < 0.05 and abs(X.std() - 1) < 0.05
    assert (lr, max_iter, l1, l2, tol) == (workload.PIPELINE_LR, workload.PIPELINE_ITERS, 0.0, 0.0, 0.0)
    np.testing.assert_array_equal(op.args(n)[1], y)  # seeded
    fits = {impl: f(*op.args(n)) for impl, f in workload.functions(op, n).items()}
    assert set(fits) == {"reference", "go"}
    for impl, fit in fits.items():
        assert len(fit.loss_history) == workload.PIPELINE_ITERS, impl
        np.testing.assert_allclose(fit.weights, fits["reference"].weights, rtol=1e-9, atol=1e-12, err_msg=impl)
    assert np.corrcoef(fits["go"].weights, [(-1) ** j / (j + 1) for j in range(workload.PIPELINE_FEATURES)])[0, 1] > 0.9


def test_pipeline_go_benchmark_matches_the_op():
    """BenchmarkFit/n=<size> exists in go/linear at the --quick size."""
    (op,) = workload.select([LOGREG], None)
    assert workload.go_package(op) == "./linear" and op.go_name == "Fit"
    found = gonative.run([op], {LOGREG: op.quick_sizes()}, "1x", 1, RUN.parents[2])
    assert set(found) == {(LOGREG, workload.QUICK_PIPELINE_SIZES[0])}


def test_pipeline_target(capsys):
    """Canned records: reference / go judged at 3x, with go-native's time; no numpy column in the table."""
    n = report.PIPELINE_ROWS
    rec = {"family": "pipeline", "op": LOGREG, "n": n, "mode": "isolated"}
    results = [{**rec, "impl": impl, "min_ns": ns, "median_ns": ns}
               for impl, ns in (("reference", 5.3e9), ("go", 1.6e9), ("go-native", 1.5e9))]
    report.tables(results)
    label = f"{LOGREG} 100,000 x 20, 1,000 iterations"
    target = {tg.text.split(":")[0]: tg for tg in report.targets(results, avx512f=True)}[label]
    assert target.status == "ok" and "= 3.31 (target >= 3;" in target.text and "go-native 1.5 s" in target.text
    slow = [{**r, "median_ns": 2e9} if r["impl"] == "go" else r for r in results]
    assert {tg.text.split(":")[0]: tg for tg in report.targets(slow, avx512f=True)}[label].status == "MISSED"
    row = next(line.split() for line in capsys.readouterr().out.splitlines() if line.startswith(LOGREG))
    assert row[:5] == [LOGREG, str(n), "-", "5.3", "s"]  # op, n, numpy (none), reference
