"""Command line: ``python -m mlmath demo`` and ``python -m mlmath info``."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mlmath", description="mlmath: the mathematics of machine learning, in numpy and in Go.")
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="run the notes' examples on both backends, side by side")
    demo.add_argument("--seconds", type=float, default=0.05, help="time budget per timing (default: 0.05)")
    demo.add_argument("--plots", default="build/demo", metavar="DIR", help="where the PNG plots go (default: build/demo; '' for none)")
    sub.add_parser("info", help="versions, library path, GOMAXPROCS, which backends load")
    args = parser.parse_args(argv)
    if args.command == "demo":
        from mlmath.demo import run

        return run(seconds=args.seconds, plots=args.plots)
    from mlmath.info import run

    return run()


if __name__ == "__main__":
    sys.exit(main())
