"""docs/performance.md from the suite's results (and the notes in findings.md)."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FINDINGS = HERE / "findings.md"


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "s":
        return f"{value:.3f} s" if value < 10 else f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    return f"{value:.1f} {unit}"


def _spread(samples: list[float] | None, unit: str, stat: str) -> str:
    if not samples:
        return "–"
    if stat == "p95":
        return f"(n={len(samples)})"
    if len(samples) < 4:
        return f"({_fmt(min(samples), unit)}–{_fmt(max(samples), unit)}, n={len(samples)})"
    q = statistics.quantiles(samples, n=4, method="inclusive")
    return (
        f"({_fmt(min(samples), unit)}–{_fmt(max(samples), unit)};"
        f" IQR {_fmt(q[0], unit)}–{_fmt(q[2], unit)}; n={len(samples)})"
    )


def _cell(value: float | None, samples: list[float] | None, unit: str, stat: str) -> str:
    if value is None:
        return "–"
    return f"{_fmt(value, unit)} <br>{_spread(samples, unit, stat)}"


def table(figures: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| Figure | fwtui | Floor | Ratio | Target | Verdict |",
        "|---|---|---|---|---|---|",
    ]
    order: dict[str, int] = {}
    for f in figures:
        order.setdefault(f["section"], len(order))
    section = None
    for f in sorted(figures, key=lambda f: order[f["section"]]):
        if f["section"] != section:
            section = f["section"]
            lines.append(f"| **{section}** | | | | | |")
        label = f["label"]
        if f["stat"] == "p95":
            label += " (p95)"
        floor = "–"
        if f["floor_samples"]:
            floor = (
                f"{_cell(f['floor_value'], f['floor_samples'], f['unit'], f['stat'])}"
                f"<br>{f['floor_label']}"
            )
        ratio = f"{f['ratio']:.2f}×" if f["ratio"] is not None else "–"
        if f["key"].startswith("memory-") and f["floor_value"] is not None and f["value"]:
            ratio += f" (+{f['value'] - f['floor_value']:.1f} MiB)"
        verdict = f["verdict"]
        if f["note"]:
            verdict += f" <br>*{f['note']}*"
        mine = _cell(f["value"], f["samples"], f["unit"], f["stat"])
        lines.append(f"| {label} | {mine} | {floor} | {ratio} | {f['target']} | {verdict} |")
    return lines


def _code(text: str, limit: int = 40) -> list[str]:
    body = [line.rstrip() for line in text.strip("\n").splitlines()]
    # pstats prints a header before the table: keep the table.
    for i, line in enumerate(body):
        if line.lstrip().startswith("ncalls"):
            body = body[i:]
            break
    return ["```", *body[:limit], "```"]


def profiles(data: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key in ("importtime fwtui.cli", "importtime fwtui.tui.app"):
        if key not in data:
            continue
        p = data[key]
        module = key.split()[1]
        out += [
            f"### `python -X importtime -c 'import {module}'`",
            "",
            f"Total: {p['total_us'] / 1000:.0f} ms (the last of three runs, bytecode compiled).",
            "",
            "| module (top level) | cumulative | self |",
            "|---|---|---|",
        ]
        out += [
            f"| `{m.strip()}` | {c / 1000:.1f} ms | {s / 1000:.1f} ms |"
            for s, c, m in p["top_cumulative"]
        ]
        out += ["", "Largest self times:", ""]
        out += ["| module | self | cumulative |", "|---|---|---|"]
        out += [
            f"| `{m.strip()}` | {s / 1000:.1f} ms | {c / 1000:.1f} ms |"
            for s, c, m in p["top_self"][:8]
        ]
        out.append("")
    if "load" in data:
        p = data["load"]
        out += ["### cProfile: `fwtui.catalog.load` of the largest catalog", ""]
        if p.get("phases"):
            out += ["Unprofiled time per phase:", "", "| phase | seconds |", "|---|---|"]
            out += [f"| {k} | {v:.3f} |" for k, v in p["phases"].items()]
            out.append("")
        out += [f"Profiled run: {p['profiled_seconds']:.2f} s. By cumulative time:", ""]
        out += _code(p["cumulative"], 32)
        out += ["", "By own time:", ""]
        out += _code(p["tottime"], 24)
        out.append("")
    if "filter" in data:
        p = data["filter"]
        out += [
            "### cProfile: `fwtui.query.apply` on the largest catalog",
            "",
            f"Building the `SearchIndex` once: {p['index_seconds'] * 1000:.0f} ms.",
            "",
        ]
        for text, q in p["texts"].items():
            out += [
                f"Text `{text}` ({len(text)} characters): {q['median_seconds'] * 1000:.1f} ms"
                f" unprofiled (median of 5), {q['kept']:,} kept. By own time:",
                "",
                *_code(q["tottime"], 16),
                "",
            ]
    if "keystroke" in data:
        p = data["keystroke"]
        out += [
            "### cProfile: one key typed into the explorer's filter (largest catalog, `run_test`)",
            "",
            f"Profiled: {p['profiled_seconds'] * 1000:.0f} ms from the key to idle. By cumulative time:",
            "",
            *_code(p["cumulative"], 34),
            "",
            "By own time:",
            "",
            *_code(p["tottime"], 22),
            "",
        ]
    for key, title in (
        ("explorer start bundled", "bundled data"),
        ("explorer start", "largest catalog"),
    ):
        if key not in data:
            continue
        p = data[key]
        out += [
            f"### cProfile: the explorer from process start to first paint ({title}, pty)",
            "",
            f"First paint under the profiler: {p['profiled_seconds']:.2f} s. By cumulative time:",
            "",
            *_code(p["cumulative"], 34),
            "",
            "By own time:",
            "",
            *_code(p["tottime"], 22),
            "",
        ]
    return out


def cache_lines(meta: dict[str, Any]) -> list[str]:
    """What "cold" and "warm" meant in this run."""
    if meta.get("cache"):
        return [
            '"Cold" means no cache: fwtui\'s cache folder (`$XDG_CACHE_HOME/fwtui`, under the',
            "suite's own home `benchmarks/.cache/home`) is removed before each cold run (so a",
            'cold run also writes it). "Warm" means fwtui has run once on the same files (one',
            "discarded run, or the cold run just before), its cache left in place.",
            "The operating system's file cache is warm in both (one discarded run first).",
        ]
    return [
        '"Cold" means no cache exists. fwtui has no cache yet, so every "warm" row is the',
        "cold measurement checked against the warm target: it says what a cache must buy.",
        "The operating system's file cache is warm in both (one discarded run first).",
    ]


def render(results: dict[str, Any], command: str) -> str:
    meta = results["meta"]
    m, v = meta.get("machine", {}), meta.get("versions", {})
    sizes = ", ".join(f"{n:,}" for n in meta.get("sizes", []))
    catalog_bytes = ", ".join(
        f"{int(n):,}: {b / 1e6:.1f} MB" if b >= 1e6 else f"{int(n):,}: {b / 1e3:.0f} KB"
        for n, b in meta.get("catalog_bytes", {}).items()
    )
    lines = [
        "# Performance",
        "",
        "<!-- Generated by `make bench` (`python -m benchmarks`): edit benchmarks/, not this file. -->",
        "",
        "How fast fwtui starts, loads, filters and compares, measured against the floors",
        "that bound it (issue 5). Every figure is the median of several runs, fwtui and",
        "its floor taken in turn, with the spread (min–max, and the interquartile range",
        "from 4 runs up) and the ratio of the medians. Timings are never asserted in tests.",
        "",
        "## Machine and versions",
        "",
        f"- {m.get('nproc', '?')} CPUs ({m.get('cpu', '?')}), {m.get('memory', '?')} of memory, {m.get('os', '?')}",
        f"- Python {v.get('python', '?')}, Textual {v.get('textual', '?')}, Rich {v.get('rich', '?')},"
        f" fwtui {v.get('fwtui', '?')} (sources hashed {meta.get('source_key', '?')})",
        "- fwtui measured as users run it: a wheel built from the checkout, installed with",
        "  `constraints.txt` into `benchmarks/.cache/venv` and compiled with `compileall`;",
        "  `PYTHONDONTWRITEBYTECODE` is unset for every measured process.",
        f"- Synthetic catalogs (seed {meta.get('seed')}): {sizes} frameworks ({catalog_bytes}).",
        f"- Runs: {meta.get('runs')} per figure, {meta.get('big_runs')} at 5,000 frameworks and"
        f" more; this run took {meta.get('elapsed_seconds', 0):.0f} s.",
        "- Load average (1, 5, 15 min) at the start: "
        + ", ".join(f"{x:.2f}" for x in meta.get("load_average_start", []))
        + "; at the end: "
        + ", ".join(f"{x:.2f}" for x in meta.get("load_average_end", []))
        + " (other work on the machine inflates absolute times; the ratios less so).",
        "",
        "## Figures against the targets",
        "",
        *cache_lines(meta),
        "",
        *table(results["figures"]),
        "",
    ]
    if results.get("failures"):
        lines += ["**Steps that failed in this run:**", ""]
        lines += [f"- {f}" for f in results["failures"]]
        lines.append("")
    lines += [
        "## How it is measured",
        "",
        "- **Load**: `fwtui.catalog.load([DataFile])` in one process (read, parse, validate,",
        "  build the model) against reading the same file and `tomllib.loads` of its text;",
        "  with a cache, `load(files, cache_dir=...)`: cold after removing the folder, warm",
        "  right after a call that wrote it (cold, floor, warm, floor in turn).",
        "- **First paint**: the command is started in a pseudo-terminal of 80x24",
        "  (`os.openpty`, `TIOCSWINSZ`); its output is read with `select` as it arrives and",
        "  fed to a small terminal model (`benchmarks/terminal.py`). The time is from just",
        "  before the process is spawned to the read that makes the screen show the first",
        "  framework of the sorted catalog *and* the right total count (`N/N shown`); the",
        "  floor is a bare Textual app (Header, Footer, one Static) until its text shows.",
        "  Then ctrl+q, and the process is killed if it does not leave. Each round runs",
        "  fwtui cold (its cache folder removed), the floor, fwtui warm, the floor (with",
        "  no cache in fwtui: cold and the floor only).",
        "  Waiting for the screen to be quiet means no *change* on the modelled screen:",
        "  bytes that repaint the same cells do not count.",
        "- **First visible output**: the first read after which any cell of the screen is not blank.",
        f"- **Filter**: after first paint, `/`, then {meta.get('filter_keys', '?')!s} one byte at a time",
        "  (⌫ is a backspace byte), each measured from the write of the byte until the screen",
        "  shows the typed text in the filter and the count the filter gives for it, then",
        "  waiting for 150 ms with no change on screen and the app using at most a quarter",
        "  of a CPU over 100 ms. The floor is a bare Textual app whose Input only",
        "  updates a count line, typed the same way.",
        "- **Compare**: in the same pseudo-terminal, once the list is shown (the loading",
        "  screen gone), `g` and the first 2 or 8 frameworks marked with space, one key",
        "  at a time; the time runs from writing `c` until the screen shows the compare",
        "  view's header. The note gives the same in-process with `App.run_test(size=(80, 24))`",
        "  (the app built as the command line builds it, keys sent only once the main",
        "  screen is on top), from pressing `c` until the CompareScreen is mounted with rows.",
        "- **Memory**: the peak resident set size (`ru_maxrss` from `wait4`) of each warm",
        "  first-paint run, which lasts until the screen is painted and unchanged for 200 ms.",
        "- **Command line**: the command in the same pseudo-terminal (so Rich renders for a",
        "  terminal), from spawn until the terminal closes, against a script that imports",
        "  Rich and prints the same table (list) or the same lines (show) from literals.",
        "",
        "## How to reproduce",
        "",
        "```sh",
        "make bench                      # everything, about 4 minutes on 2 CPUs",
        f"{command}",
        "```",
        "",
        "`python -m benchmarks --help` lists the options (`--sizes`, `--runs`, `--out`, ...).",
        "The raw samples are written next to the cache as JSON (`benchmarks/.cache/results.json`),",
        "and the profiles as `.prof` files under `benchmarks/.cache/profiles/` (open them with",
        "`python -m pstats`).",
        "",
    ]
    if FINDINGS.exists():
        lines += [FINDINGS.read_text(encoding="utf-8").rstrip(), ""]
    if results.get("profiles"):
        lines += ["## The profiles of this run", "", *profiles(results["profiles"])]
    return "\n".join(lines).rstrip() + "\n"
