"""Command line: ``python -m mlmath demo`` and ``python -m mlmath info``."""

from __future__ import annotations

import argparse
import sys


def _int_at_least(least: int):
    def parse(text: str) -> int:
        value = int(text)
        if value < least:
            raise argparse.ArgumentTypeError(f"must be >= {least}, got {value}")
        return value

    return parse


def _positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError(f"must be > 0, got {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    # The demo's section names and backends, for --help and to check --sections.
    from mlmath.demo import BACKENDS, SECTION_NAMES

    parser = argparse.ArgumentParser(prog="python -m mlmath", description="mlmath: the mathematics of machine learning, in numpy and in Go.")
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser(
        "demo",
        help="run every section of the notes on both backends, then the full pipeline; write report.html",
        description="Run every section of the notes on both backends side by side (tables of results, differences, "
        "times), then the full pipeline (data, split, standardize, logistic regression on each backend, metrics, "
        "scikit-learn for comparison). Writes the plots as PNG files and a self-contained report.html into the output "
        "folder. Plots need matplotlib and progress bars tqdm: pip install 'mlmath[report]'.",
    )
    demo.add_argument("--sections", metavar="NAME,...", type=lambda s: [x.strip() for x in s.split(",") if x.strip()],
                      help=f"run only these sections, in the notes' order (default: all): {', '.join(SECTION_NAMES)}")
    demo.add_argument("--out", default="build/demo", metavar="DIR",
                      help="the output folder for report.html and the PNG plots (default: build/demo)")
    demo.add_argument("--no-report", action="store_true", help="print the tables only: no report.html, no plots")
    demo.add_argument("--backend", choices=BACKENDS, default="both", help="which backends to run (default: both)")
    demo.add_argument("--n-samples", type=_int_at_least(20), default=5000, metavar="N",
                      help="pipeline: samples generated, 80%% for training (default: 5000)")
    demo.add_argument("--n-features", type=_int_at_least(2), default=2, metavar="D",
                      help="pipeline: features, 2 of them informative (default: 2; the boundary plot shows the first two)")
    demo.add_argument("--iterations", type=_int_at_least(1), default=2000, metavar="K",
                      help="pipeline: gradient-descent iterations at most (default: 2000)")
    demo.add_argument("--learning-rate", type=_positive_float, default=1.0, metavar="LR",
                      help="pipeline: gradient-descent step size (default: 1.0, stable on standardized data)")
    demo.add_argument("--seed", type=int, default=3, help="pipeline: seed of the data and the split (default: 3)")
    demo.add_argument("--seconds", type=_positive_float, default=0.05, metavar="S",
                      help="time budget of each timing (default: 0.05)")
    sub.add_parser("info", help="what a bug report needs: versions, OS, CPU, BLAS, the Go that built the library, its kernel, paths")
    args = parser.parse_args(argv)
    if args.command == "demo":
        from mlmath.demo import run

        if args.sections is not None:
            unknown = sorted(set(args.sections) - set(SECTION_NAMES))
            if unknown or not args.sections:
                demo.error(f"--sections: unknown {', '.join(unknown) or '(none given)'}; choose from {', '.join(SECTION_NAMES)}")
        return run(
            sections=args.sections,
            out=None if args.no_report else args.out,
            backend=args.backend,
            seconds=args.seconds,
            n_samples=args.n_samples,
            n_features=args.n_features,
            iterations=args.iterations,
            learning_rate=args.learning_rate,
            seed=args.seed,
        )
    from mlmath import info

    return info.run()


if __name__ == "__main__":
    sys.exit(main())
