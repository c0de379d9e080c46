"""The benchmark suite on its smallest size, so it cannot rot. Timings are never asserted."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]

#: Every row the report must have for `--sizes 20`.
ROWS = (
    "Load, 20 frameworks, cold",
    "Load, 20 frameworks, warm",
    "First paint, bundled data, cold",
    "First paint, bundled data, warm",
    "First paint, 20 frameworks, cold",
    "First visible output, 20 frameworks, cold",
    "First paint, 20 frameworks, warm",
    "Peak RSS, bundled data",
    "Peak RSS, 20 frameworks, warm",
    "Filter keystroke, 20 frameworks, median",
    "Filter keystroke, 20 frameworks, 95th percentile",
    "Open compare, 2 columns, 20 frameworks",
    "Open compare, 8 columns, 20 frameworks",
    "`fwtui list`, warm",
    "`fwtui show pytorch`, warm",
    "`fwtui list` against `python -c 'import rich.console'`",
    "`fwtui show pytorch` against `python -c 'import rich.console'`",
)


def test_the_suite_runs_and_reports_every_figure(tmp_path: Path) -> None:
    out = tmp_path / "performance.md"
    results = tmp_path / "results.json"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    argv = [sys.executable, "-m", "benchmarks", "--sizes", "20", "--runs", "1", "--keys", "4"]
    argv += ["--out", str(out), "--json", str(results), "--cache", str(tmp_path / "cache")]
    proc = subprocess.run(
        argv,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]

    report = out.read_text(encoding="utf-8")
    rows = [line for line in report.splitlines() if line.startswith("| ")]
    for label in ROWS:
        (row,) = [r for r in rows if r.startswith(f"| {label}")]
        fwtui_cell = row.split(" | ")[1]
        assert any(c.isdigit() for c in fwtui_cell), row
    for heading in (
        "## Machine and versions",
        "## How to reproduce",
        "## The profiles of this run",
    ):
        assert heading in report

    data = json.loads(results.read_text(encoding="utf-8"))
    assert data["failures"] == []
    figures = data["figures"]
    assert len(figures) == len(ROWS)
    for figure in figures:
        assert figure["samples"], figure["key"]
        assert math.isfinite(figure["value"]) and figure["value"] > 0, figure["key"]
        if figure["floor_samples"]:
            assert math.isfinite(figure["ratio"]), figure["key"]
    assert {"importtime fwtui.cli", "load", "filter", "keystroke", "explorer start"} <= set(
        data["profiles"]
    )
