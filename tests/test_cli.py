"""``python -m mlmath demo`` and ``python -m mlmath info`` run and say what they should.

The demo test runs every section at small sizes (a few hundred samples, a
few hundred iterations, timings of a millisecond) and reads back what it
wrote: the PNG files, and report.html parsed with the standard library's
HTML parser.
"""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import numpy as np

from mlmath import demo, info, reference, report
from mlmath._demo import pipeline

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
FIGURES = ("gradient-descent.png", "xor-training.png", "bias-variance.png", "loss-curves.png", "decision-boundary.png")
SMALL = ("--seconds", "0.001", "--n-samples", "400", "--iterations", "300")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mlmath", *args], capture_output=True, text=True, timeout=300)


class ReportParser(HTMLParser):
    """What the tests check in report.html: per section its title, the rows of
    its results table, and every image's src."""

    def __init__(self):
        super().__init__()
        self.sections: dict[str, dict] = {}  # id -> {"title": str, "rows": int, "cells": [[str]]}
        self.images: list[str] = []
        self.title = ""
        self._section = None
        self._in = {"h2": False, "tbody": False, "title": False, "td": False}
        self._results = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and "demo-section" in (attrs.get("class") or ""):
            self._section = {"title": "", "rows": 0, "cells": []}
            self.sections[attrs["id"]] = self._section
        elif tag == "table":
            self._results = self._section is not None and attrs.get("class") == "results"
        elif tag == "tr" and self._in["tbody"] and self._results:
            self._section["rows"] += 1
            self._section["cells"].append([])
        elif tag == "td" and self._in["tbody"] and self._results:
            self._section["cells"][-1].append("")
        elif tag == "img":
            self.images.append(attrs.get("src", ""))
        if tag in self._in:
            self._in[tag] = True

    def handle_endtag(self, tag):
        if tag in self._in:
            self._in[tag] = False
        if tag == "section":
            self._section = None

    def handle_data(self, data):
        if self._in["title"]:
            self.title += data
        if self._section is not None and self._in["h2"]:
            self._section["title"] += data
        if self._section is not None and self._in["td"] and self._results and self._section["cells"]:
            self._section["cells"][-1][-1] += data


def parse_report(path) -> ReportParser:
    parser = ReportParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_demo_runs_every_section_and_writes_the_report(tmp_path):
    r = run("demo", *SMALL, "--out", str(tmp_path))
    assert r.returncode == 0, r.stdout + r.stderr
    # the console: every section and call, the backends agree, the folder named at the end
    for section in demo.SECTIONS:
        assert section.title in r.stdout
        for label, _, _ in section.calls:
            assert label in r.stdout
    assert pipeline.TITLE in r.stdout
    worst = float(re.search(r"largest relative difference between the backends: (\S+)", r.stdout).group(1))
    assert worst <= 1e-12  # the notes' examples are tiny and well conditioned
    weights = float(re.search(r"weights: go vs reference, max relative difference (\S+)", r.stdout).group(1))
    assert weights <= 1e-10  # the same gradient-descent path on both backends
    assert re.search(r"test accuracy / ROC AUC: reference \S+ / \S+, go \S+ / \S+, scikit-learn", r.stdout)
    assert r.stdout.rstrip().endswith(f"report: {tmp_path / 'report.html'}")

    for name in FIGURES:
        assert (tmp_path / name).read_bytes().startswith(PNG_SIGNATURE)
        assert (tmp_path / name).stat().st_size > 10_000

    page = parse_report(tmp_path / "report.html")
    assert list(page.sections) == demo.SECTION_NAMES
    for section in demo.SECTIONS:
        found = page.sections[section.name]
        assert found["title"] == section.title
        assert found["rows"] == len(section.calls)
        assert all(len(cells) == 6 for cells in found["cells"])  # call, result, rel.diff, reference, go, go/ref
    piped = page.sections[pipeline.NAME]
    assert piped["title"] == pipeline.TITLE
    assert piped["rows"] == 6 + len(pipeline.METRICS) + 3
    assert [c[0] for c in piped["cells"]][:2] == ["training mean", "training std"]
    assert all(len(cells) == 5 for cells in piped["cells"])  # step, reference, go, go vs reference, scikit-learn
    # every figure embedded, as a PNG that decodes, and the same bytes as the file
    assert len(page.images) == len(FIGURES)
    embedded = set()
    for src in page.images:
        prefix = "data:image/png;base64,"
        assert src.startswith(prefix)
        data = base64.b64decode(src[len(prefix):], validate=True)
        assert data.startswith(PNG_SIGNATURE)
        embedded.add(data)
    assert embedded == {(tmp_path / name).read_bytes() for name in FIGURES}
    assert "src=\"http" not in (tmp_path / "report.html").read_text() and "<link" not in (tmp_path / "report.html").read_text()


def test_demo_help_lists_the_options():
    r = run("demo", "--help")
    assert r.returncode == 0, r.stderr
    for option in ("--sections", "--out", "--backend", "--n-samples", "--n-features", "--iterations", "--learning-rate",
                   "--seconds", "--no-report", "--seed"):
        assert option in r.stdout
    for name in demo.SECTION_NAMES:
        assert name in r.stdout
    assert "build/demo" in r.stdout


def test_demo_sections_runs_only_those(tmp_path):
    r = run("demo", "--sections", "information,vectors", "--seconds", "0.001", "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    shown = [s.title for s in demo.SECTIONS if f"\n{s.title}   " in r.stdout]
    assert shown == ["Vectors", "Information theory"]  # in the notes' order
    assert pipeline.TITLE not in r.stdout
    assert list(parse_report(tmp_path / "report.html").sections) == ["vectors", "information"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # these sections have no figures


def test_demo_no_report_writes_nothing(tmp_path):
    r = run("demo", "--sections", "matrices", "--seconds", "0.001", "--no-report", "--out", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    assert "Matrices" in r.stdout and "report:" not in r.stdout
    assert not (tmp_path / "out").exists()


def test_demo_rejects_unknown_sections():
    r = run("demo", "--sections", "vectors,nope")
    assert r.returncode == 2
    assert "nope" in r.stderr and "pipeline" in r.stderr


def test_demo_on_one_backend(tmp_path):
    r = run("demo", "--backend", "reference", "--sections", "vectors,pipeline", *SMALL, "--out", str(tmp_path))
    assert r.returncode == 0, r.stderr
    page = parse_report(tmp_path / "report.html")
    assert all(len(cells) == 3 for cells in page.sections["vectors"]["cells"])  # call, result, reference
    assert all(len(cells) == 3 for cells in page.sections["pipeline"]["cells"])  # step, reference, scikit-learn
    assert "rel.diff" not in r.stdout and "largest relative difference" not in r.stdout
    assert {p.name for p in tmp_path.iterdir()} == {"report.html", "loss-curves.png", "decision-boundary.png"}


BLOCKED = "import sys; sys.modules['matplotlib'] = None; sys.modules['tqdm'] = None; "


def test_library_imports_without_matplotlib_and_tqdm():
    code = BLOCKED + (
        "import mlmath, mlmath.reference, mlmath.go, mlmath.demo, mlmath.report, mlmath.__main__; "
        "assert mlmath.reference.dot([1, 2], [3, 4]) == mlmath.go.dot([1, 2], [3, 4]) == 11.0"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


def test_demo_without_matplotlib_and_tqdm_prints_tables_and_skips_plots(tmp_path):
    code = BLOCKED + f"from mlmath.__main__ import main; sys.exit(main(['demo', '--sections', 'calculus', '--seconds', '0.001', '--out', {str(tmp_path)!r}]))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "gradient(f, [3, 4])" in r.stdout
    assert "plots skipped: matplotlib is not installed" in r.stdout
    assert "no progress bars: tqdm is not installed" in r.stdout
    page = parse_report(tmp_path / "report.html")  # the tables still make a report, without figures
    calculus = next(s for s in demo.SECTIONS if s.name == "calculus")
    assert page.sections["calculus"]["rows"] == len(calculus.calls) and page.images == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_demo_without_go_shows_the_reference(tmp_path):
    code = ("import sys; sys.modules['mlmath.go'] = None; from mlmath.__main__ import main; "
            f"sys.exit(main(['demo', '--sections', 'vectors,pipeline', {', '.join(map(repr, SMALL))}, '--out', {str(tmp_path)!r}]))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr  # asked for both, got one
    assert "Go backend unavailable, showing the reference only" in r.stdout
    page = parse_report(tmp_path / "report.html")
    assert all(len(cells) == 3 for cells in page.sections["vectors"]["cells"])  # call, result, reference
    assert page.sections["pipeline"]["rows"] == 6 + len(pipeline.METRICS) + 3


def test_report_escapes_text():
    section = report.SectionReport("s", "<b>x & y</b>", 'a "quoted" <setup>', ("call", "result"), [("f(<1>)", "a & b")], [["note <i>"]])
    page = report.html_page("t <&>", [section], ["sum < 1"], {"k": "<v>"})
    assert "<b>x" not in page and "&lt;b&gt;x &amp; y&lt;/b&gt;" in page
    parser = ReportParser()
    parser.feed(page)
    assert parser.title == "t <&>"
    assert parser.sections["s"]["title"] == "<b>x & y</b>"
    assert parser.sections["s"]["cells"] == [["f(<1>)note <i>", "a & b"]]


def test_demo_examples_are_the_notes_examples():
    # [1,2,3].[4,5,6] = 32 and [[1,2],[3,4]] @ [[5,6],[7,8]] = [[19,22],[43,50]], by hand.
    assert reference.dot(demo.V, demo.W) == 32.0
    np.testing.assert_array_equal(reference.matmul(demo.A, demo.B), [[19.0, 22.0], [43.0, 50.0]])


def test_info_reports_versions_and_backends():
    r = run("info")
    assert r.returncode == 0, r.stderr
    facts = info.collect()
    assert facts["backend go"] == "loads"
    assert re.fullmatch(r"go1\.\d+.*", facts["go toolchain"])
    assert int(facts["GOMAXPROCS"]) >= 1
    assert facts["library"].endswith("libmlmath.so")
    for key in ("mlmath", "numpy", "go toolchain", "GOMAXPROCS", "library"):
        assert key in r.stdout


INFO_KEYS = ("mlmath", "install", "location", "python", "os", "kernel", "libc", "cpu", "cpu flags", "cpus", "numpy", "numpy blas",
             "blas at run time", "cffi", "optional", "environment", "backend reference", "backend go", "go toolchain", "built with",
             "GOMAXPROCS", "go kernel", "go kernels supported", "cpu features", "extension", "small-call path", "library")


def test_info_has_every_fact_a_bug_report_needs():
    facts = info.collect()
    assert tuple(key for key in facts if key != "go kernel note") == INFO_KEYS  # in this order
    assert all(value.strip() for value in facts.values())
    assert facts["numpy"] == np.__version__
    assert re.fullmatch(r"(-?(avx2|fma|avx512f) ?){3}|unknown.*", facts["cpu flags"])
    for name in info.OPTIONAL:
        assert re.search(rf"(^|, ){re.escape(name)} \S+", facts["optional"])


def test_info_shows_the_environment_that_changes_results():
    env = {k: v for k, v in os.environ.items() if k not in info.ENV_VARS}
    r = subprocess.run([sys.executable, "-m", "mlmath", "info"], capture_output=True, text=True, timeout=120,
                       env=dict(env, MLMATH_KERNEL="generic", GOMAXPROCS="1", OPENBLAS_NUM_THREADS="1"))
    assert r.returncode == 0, r.stderr
    lines = {line.split("  ", 1)[0]: line.split("  ", 1)[1].strip() for line in r.stdout.splitlines()}
    assert set(INFO_KEYS) <= set(lines)
    assert lines["environment"] == "MLMATH_KERNEL=generic GOMAXPROCS=1 OPENBLAS_NUM_THREADS=1"
    assert lines["go kernel"] == "generic" and lines["GOMAXPROCS"] == "1"
    r = subprocess.run([sys.executable, "-m", "mlmath", "info"], capture_output=True, text=True, timeout=120, env=env)
    assert "environment" in r.stdout and "(none of MLMATH_KERNEL" in r.stdout


def test_info_in_a_source_checkout():
    facts = info.collect()
    root = Path(__file__).resolve().parent.parent
    assert facts["install"] == f"source checkout {root}"
    assert facts["location"] == str(root / "python" / "mlmath")
    assert facts["built with"].startswith("(not recorded")  # make build writes no record; wheels do (.ci/check_wheel.py)
