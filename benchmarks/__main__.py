"""``python -m benchmarks``: run the suite and write docs/performance.md."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

from benchmarks import report, suite


def parse(argv: list[str] | None = None) -> suite.Options:
    defaults = suite.Options()
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Benchmark fwtui against its floors and write docs/performance.md.",
    )
    parser.add_argument(
        "--sizes",
        type=int,
        nargs="+",
        default=list(defaults.sizes),
        metavar="N",
        help="synthetic catalog sizes (default: 20 1000 10000)",
    )
    parser.add_argument(
        "--runs", type=int, default=defaults.runs, help="runs per figure (default: %(default)s)"
    )
    parser.add_argument(
        "--big-runs",
        type=int,
        default=defaults.big_runs,
        help=f"runs per figure at {suite.BIG:,} frameworks and more (default: %(default)s)",
    )
    parser.add_argument(
        "--filter-sessions",
        type=int,
        default=None,
        help="explorer sessions per filter measurement, each typing every key into fwtui"
        " and the floor in turn (default: 1)",
    )
    parser.add_argument(
        "--keys",
        type=int,
        default=defaults.keys,
        help="keystrokes per filter session (default: %(default)s)",
    )
    parser.add_argument(
        "--out", type=Path, default=defaults.out, help="the report (default: docs/performance.md)"
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        help="the raw results (default: <cache>/results.json)",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=defaults.cache,
        help="virtual environment, catalogs, profiles (default: benchmarks/.cache)",
    )
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--no-profiles", action="store_true", help="skip the profiles")
    parser.add_argument(
        "--report-from",
        type=Path,
        metavar="JSON",
        help="measure nothing: write the report from the results of an earlier run",
    )
    args = parser.parse_args(argv)
    sessions = args.filter_sessions or 1
    options = suite.Options(
        sizes=tuple(sorted(set(args.sizes))),
        runs=max(1, args.runs),
        big_runs=max(1, args.big_runs),
        filter_sessions=max(1, sessions),
        keys=max(1, args.keys),
        out=args.out,
        json_out=args.json or args.cache / "results.json",
        cache=args.cache.resolve(),
        seed=args.seed,
        profiles=not args.no_profiles,
    )
    options.report_from = args.report_from
    return options


def main(argv: list[str] | None = None) -> int:
    raw = sys.argv[1:] if argv is None else argv
    options = parse(raw)
    if options.report_from is not None:
        results = json.loads(options.report_from.read_text(encoding="utf-8"))
        options.out.parent.mkdir(parents=True, exist_ok=True)
        options.out.write_text(report.render(results, "python -m benchmarks"), encoding="utf-8")
        print(f"wrote {options.out}", file=sys.stderr)
        return 0
    results = suite.run(options)
    command = "python -m benchmarks" + ("" if not raw else " " + shlex.join(raw))
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(report.render(results, command), encoding="utf-8")
    assert options.json_out is not None
    options.json_out.parent.mkdir(parents=True, exist_ok=True)
    options.json_out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"wrote {options.out} and {options.json_out}", file=sys.stderr)
    return 1 if results["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
