"""The benchmark suite: every measurement, against its floor, in one run.

Each figure is the median and spread of several runs, fwtui and its floor taken
in turn (fwtui, floor, fwtui, floor ...), so a slow minute of the machine hits
both. Timings are never asserted: the suite measures and reports.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import gen
from benchmarks.environment import child_env, ensure_venv, machine
from benchmarks.floor_app import PLACEHOLDER, READY, floor_count
from benchmarks.terminal import Screen, Session, shown_pattern

HERE = Path(__file__).resolve().parent
WORKER = HERE / "worker.py"
FLOOR_APP = HERE / "floor_app.py"
#: Typed into the filter, one byte at a time: words, then backspaces (30 keys).
FILTER_WORDS = ("model", "tensor", "dorn")
BACKSPACE = "\x7f"
MARK = "●"  # a marked row in the list
CTRL_Q = b"\x11"
#: Sizes at or above this are "big": fewer runs, they take seconds each.
BIG = 5000
_ANY_COUNT = re.compile(r"(\d+)/(\d+) shown")
#: On the warm rows, only when the fwtui measured has no cache (``load`` takes no ``cache_dir``).
NO_CACHE_NOTE = "no cache exists yet: warm is the cold run"
#: On the loading screen (data over 1 MB); the list is not there yet.
LOADING = "of framework data"


@dataclass
class Options:
    sizes: tuple[int, ...] = (20, 1000, 10000)
    runs: int = 7
    big_runs: int = 5
    filter_sessions: int = 1
    keys: int = 30
    out: Path = HERE.parent / "docs" / "performance.md"
    json_out: Path | None = None
    cache: Path = HERE / ".cache"
    seed: int = gen.SEED
    profiles: bool = True
    report_from: Path | None = None


@dataclass
class Figure:
    """One row of the table: fwtui's samples, its floor's, and the target."""

    key: str
    section: str
    label: str
    unit: str  # "s", "ms" or "MiB"
    samples: list[float]
    floor: list[float] | None = None
    floor_label: str = ""
    target: str = ""
    check: Callable[[Figure], bool | None] | None = None
    stat: str = "median"  # or "p95"
    note: str = ""

    def value(self, samples: Sequence[float] | None = None) -> float | None:
        data = list(self.samples if samples is None else samples)
        if not data:
            return None
        if self.stat == "p95":
            return percentile(data, 95)
        return statistics.median(data)

    @property
    def ratio(self) -> float | None:
        mine = self.value()
        floor = self.value(self.floor) if self.floor else None
        if mine is None or not floor:
            return None
        return mine / floor

    @property
    def verdict(self) -> str:
        if self.check is None:
            return "reported"
        if not self.samples:
            return "not measured"
        ok = self.check(self)
        return "—" if ok is None else ("met" if ok else "**not met**")

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "section": self.section,
            "label": self.label,
            "unit": self.unit,
            "stat": self.stat,
            "samples": self.samples,
            "value": self.value(),
            "floor_label": self.floor_label,
            "floor_samples": self.floor,
            "floor_value": self.value(self.floor) if self.floor else None,
            "ratio": self.ratio,
            "target": self.target,
            "verdict": self.verdict,
            "note": self.note,
        }


def percentile(data: Sequence[float], pct: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(data)
    if len(ordered) == 1:
        return ordered[0]
    pos = (len(ordered) - 1) * pct / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def ratio_at_most(limit: float) -> Callable[[Figure], bool | None]:
    return lambda f: None if f.ratio is None else f.ratio <= limit


def value_at_most(limit: float) -> Callable[[Figure], bool | None]:
    return lambda f: None if f.value() is None else f.value() <= limit  # type: ignore[operator]


def excess_at_most(limit: float) -> Callable[[Figure], bool | None]:
    def check(f: Figure) -> bool | None:
        mine, floor = f.value(), f.value(f.floor) if f.floor else None
        if mine is None or floor is None:
            return None
        return mine - floor <= limit

    return check


@dataclass
class FilterApp:
    """An app in the pty whose filter is typed into, one key at a time."""

    session: Session
    ready: Callable[[Screen], bool]
    focus: bytes  # the key that puts the focus in the filter
    placeholder: str
    columns: int  # the filter is in the first columns of its row
    expected: Callable[[str], str | re.Pattern[str]]
    value: str = ""
    row: int = -1

    def start(self) -> None:
        self.session.start()

    def prepare(self) -> None:
        session = self.session
        if session.wait_for(self.ready, 180) is None:
            raise RuntimeError(f"no first paint: {session.argv}\n{session.screen.text()}")
        session.settle(0.3, 10)
        if self.focus:
            session.write(self.focus)
            session.settle(0.3, 10)
        rows = [i for i, line in enumerate(session.screen.lines()) if self.placeholder in line]
        if not rows:
            raise RuntimeError(f"no filter input on screen:\n{session.screen.text()}")
        self.row = rows[0]

    def press(self, key: str) -> float:
        """Seconds from writing ``key`` until the echo and the count are on screen."""
        self.value = self.value[:-1] if key == BACKSPACE else self.value + key
        want = self.expected(self.value)
        value, row, columns, placeholder = self.value, self.row, self.columns, self.placeholder
        echo = re.compile(rf"(?<![a-z0-9]){re.escape(value)}(?![a-z0-9])") if value else None

        def done(screen: Screen) -> bool:
            line = screen.lines()[row][:columns]
            if echo is None and placeholder not in line:
                return False
            if echo is not None and echo.search(line) is None:
                return False
            text = screen.text()
            return want in text if isinstance(want, str) else want.search(text) is not None

        written = self.session.write(key.encode())
        seconds = self.session.wait_for_since(done, written, 60)
        if seconds is None:
            raise RuntimeError(
                f"key {key!r} (filter {value!r}) not shown within 60 s:\n{self.session.screen.text()}"
            )
        self.session.settle(0.15, 30)
        self.session.wait_idle(0.1, 60)
        return seconds


class Suite:
    def __init__(self, options: Options) -> None:
        self.o = options
        self.figures: list[Figure] = []
        self.profiles: dict[str, Any] = {}
        self.meta: dict[str, Any] = {}
        self.failures: list[str] = []
        self.t0 = time.perf_counter()

    # -- plumbing ------------------------------------------------------------
    def log(self, message: str) -> None:
        print(f"[{time.perf_counter() - self.t0:6.1f}s] {message}", file=sys.stderr, flush=True)

    def worker(self, *args: str | Path, timeout: float = 900) -> Any:
        result = subprocess.run(
            [str(self.python), str(WORKER), *map(str, args)],
            capture_output=True,
            text=True,
            env=self.env,
            cwd=self.o.cache,
            stdin=subprocess.DEVNULL,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"worker {args} failed:\n{result.stderr}")
        return json.loads(result.stdout)

    def runs_for(self, size: int | str) -> int:
        big = isinstance(size, int) and size >= BIG
        return max(1, min(self.o.big_runs, self.o.runs) if big else self.o.runs)

    def data_spec(self, size: int | str) -> str:
        return "bundled" if size == "bundled" else str(self.catalogs[size])  # type: ignore[index]

    def fwtui_argv(self, size: int | str, *extra: str) -> list[str]:
        fwtui = str(self.python.parent / "fwtui")
        if size == "bundled":
            return [fwtui, *extra]
        return [fwtui, "--no-bundled", "--data", self.data_spec(size), *extra]

    @staticmethod
    def size_label(size: int | str) -> str:
        return "bundled data" if size == "bundled" else f"{size:,} frameworks"

    def clear_cache(self) -> None:
        """Cold: remove fwtui's cache folder under the suite's own XDG_CACHE_HOME."""
        shutil.rmtree(self.cache_folder, ignore_errors=True)

    def warm_note(self, note: str = "") -> str:
        """The note of a warm row: the fallback's, when there is no cache to warm."""
        if self.has_cache:
            return note
        return f"{NO_CACHE_NOTE}; {note}" if note else NO_CACHE_NOTE

    # -- the run ---------------------------------------------------------------
    def run(self) -> None:
        o = self.o
        o.cache.mkdir(parents=True, exist_ok=True)
        # Everything in the cache is derived: keep it out of git without a root rule.
        (o.cache / ".gitignore").write_text("*\n", encoding="utf-8")
        self.python, self.source_key = ensure_venv(o.cache, self.log)
        self.env = child_env(o.cache)
        self.log(f"benchmark environment: {self.python} (source {self.source_key})")
        self.catalogs = {n: gen.write_catalog(o.cache / "data", n, o.seed) for n in o.sizes}
        # Every measured process gets the suite's own home (child_env): its
        # XDG_CACHE_HOME holds the only fwtui cache any run can see.
        self.cache_folder = Path(self.env["XDG_CACHE_HOME"]) / "fwtui"
        self.clear_cache()
        self.info = {s: self.worker("info", self.data_spec(s)) for s in ("bundled", *o.sizes)}
        self.has_cache = bool(self.info["bundled"].get("cache"))
        reported = Path(self.info["bundled"].get("cache_dir") or self.cache_folder)
        if reported.resolve() != self.cache_folder.resolve():
            raise RuntimeError(f"fwtui caches in {reported}, not in {self.cache_folder}")
        self.log(
            f"fwtui cache: {self.cache_folder if self.has_cache else 'none (load has no cache_dir)'}"
        )
        self.meta = {
            "machine": machine(),
            "versions": {
                k: self.info["bundled"][k] for k in ("python", "textual", "rich", "fwtui")
            },
            "source_key": self.source_key,
            "sizes": list(o.sizes),
            "runs": o.runs,
            "big_runs": min(o.big_runs, o.runs),
            "seed": o.seed,
            "load_average_start": list(os.getloadavg()),
            "catalog_bytes": {str(n): p.stat().st_size for n, p in self.catalogs.items()},
            "cache": self.has_cache,
        }
        big = max(o.sizes)
        compare_size = 1000 if 1000 in o.sizes else big
        steps: list[tuple[str, Callable[[], None]]] = [
            ("load", self.bench_load),
            ("first paint and memory", lambda: self.bench_paint(("bundled", big))),
            ("filter", lambda: self.bench_filter(big)),
            ("compare", lambda: self.bench_compare(compare_size)),
            ("command line", self.bench_cli),
        ]
        if o.profiles:
            steps.append(("profiles", lambda: self.run_profiles(big)))
        for name, step in steps:
            self.log(f"{name} ...")
            try:
                step()
            except Exception as exc:  # report what failed, keep the other figures
                self.failures.append(f"{name}: {type(exc).__name__}: {exc}")
                self.log(f"{name} FAILED: {exc}")
        self.meta["elapsed_seconds"] = time.perf_counter() - self.t0
        self.meta["load_average_end"] = list(os.getloadavg())

    # -- 1. load -----------------------------------------------------------------
    def bench_load(self) -> None:
        floor_label = "tomllib.loads of the same bytes"
        for size in self.o.sizes:
            runs = self.runs_for(size)
            warm_up = size < BIG
            # Each round: cache removed, cold load, floor, warm load, floor (worker.py).
            data = self.worker("load", self.catalogs[size], runs + warm_up, self.cache_folder)
            label = self.size_label(size)
            cold, cold_floor = data["cold"][warm_up:], data["cold_floor"][warm_up:]
            if data["cache"]:
                warm, warm_floor = data["warm"][warm_up:], data["warm_floor"][warm_up:]
                cold_note = "the cache folder removed before each run (the load writes it)"
                writes = data.get("cache_write", [])[warm_up:]
                if writes:
                    # Written by a background thread the load starts: not in this
                    # figure, so say what it costs.
                    cold_note = (
                        "the cache folder removed before each run; the load then writes "
                        "the cache in a background thread, waited for after the timing: "
                        f"median {statistics.median(writes) * 1000:.1f} ms, not in this figure"
                    )
                warm_note = "the cache written by the call before"
            else:
                warm, warm_floor = cold, cold_floor
                cold_note = ""
                warm_note = NO_CACHE_NOTE
            self.figures.append(
                Figure(
                    f"load-cold-{size}",
                    "Load",
                    f"Load, {label}, cold",
                    "s",
                    cold,
                    cold_floor,
                    floor_label,
                    "≤ 1.5× floor",
                    ratio_at_most(1.5),
                    note=cold_note,
                )
            )
            self.figures.append(
                Figure(
                    f"load-warm-{size}",
                    "Load",
                    f"Load, {label}, warm",
                    "s",
                    warm,
                    warm_floor,
                    floor_label,
                    "a small fraction of cold (≤ 0.25× floor)",
                    ratio_at_most(0.25),
                    note=warm_note,
                )
            )

    # -- 2. first paint, 5. memory ------------------------------------------------
    def _paint_once(
        self,
        argv: list[str],
        ready: Callable[[Screen], bool],
        total: int | None,
        idle: bool = False,
    ) -> dict[str, Any]:
        session = Session(argv, self.env, cwd=str(self.o.cache))
        partial = []

        def condition(screen: Screen) -> bool:
            if total is not None:
                for shown, of in _ANY_COUNT.findall(screen.text()):
                    if int(of) != total:
                        partial.append(f"{shown}/{of}")
            return ready(screen)

        session.start()
        try:
            seconds = session.wait_for(condition, 120)
            if seconds is None:
                raise RuntimeError(f"no first paint within 120 s: {argv}\n{session.screen.text()}")
            session.settle(0.2, 5)
            session.sample_hwm()
            # What the app writes once painted, with nothing typed (warm-up runs only).
            quiet = session.idle_output(1.0) if idle else None
            session.quit(CTRL_Q)
        finally:
            session.close()
        assert session.first_content is not None
        return {
            "seconds": seconds,
            "first_content": session.first_content - session.started,
            "rss_mib": (session.maxrss_kib or 0) / 1024,
            "hwm_mib": (session.peak_hwm_kib or 0) / 1024,
            "partial": sorted(set(partial)),
            "idle": quiet,
        }

    def _fwtui_ready(self, size: int | str) -> tuple[Callable[[Screen], bool], int]:
        """The sorted list's first name and the full count on screen, the loading
        screen gone: the catalog is loaded and the main screen is the one shown."""
        info = self.info[size]
        name = info["first_name"][:15]  # the list column may cut longer names
        pattern = shown_pattern(info["total"], info["total"])

        def ready(s: Screen) -> bool:
            text = s.text()
            return name in text and pattern.search(text) is not None and LOADING not in text

        return ready, info["total"]

    def bench_paint(self, sizes: Sequence[int | str]) -> None:
        """Per round and size: fwtui cold (its cache removed), the floor, fwtui warm
        (the cache left by the run before), the floor. Without a cache, the cold
        runs alone, and the warm rows repeat them."""
        floor_argv = [str(self.python), str(FLOOR_APP), "paint"]

        def floor_ready(s: Screen) -> bool:
            return READY in s.text()

        cold: dict[int | str, list[dict[str, Any]]] = {s: [] for s in sizes}
        warm: dict[int | str, list[dict[str, Any]]] = {s: [] for s in sizes}
        idle: dict[int | str, dict[str, float] | None] = {}
        floors: list[dict[str, Any]] = []
        # One discarded warm-up of each: the OS caches the files for every later
        # run, and fwtui has run once on the same files (its cache is written).
        self._paint_once(floor_argv, floor_ready, None)
        for size in sizes:
            ready, total = self._fwtui_ready(size)
            self.clear_cache()
            idle[size] = self._paint_once(self.fwtui_argv(size), ready, total, idle=True)["idle"]
        for r in range(max(self.runs_for(s) for s in sizes)):
            for size in sizes:
                if r >= self.runs_for(size):
                    continue
                ready, total = self._fwtui_ready(size)
                argv = self.fwtui_argv(size)
                self.clear_cache()
                cold[size].append(self._paint_once(argv, ready, total))
                floors.append(self._paint_once(floor_argv, floor_ready, None))
                if self.has_cache:  # the cold run just wrote it
                    warm[size].append(self._paint_once(argv, ready, total))
                    floors.append(self._paint_once(floor_argv, floor_ready, None))
            self.log(f"  first paint round {r + 1} done")
        floor_s = [f["seconds"] for f in floors]
        floor_rss = [f["rss_mib"] for f in floors]
        floor_label = "bare Textual app (Header, Footer, Static)"
        for size in sizes:
            label = self.size_label(size)
            mine = cold[size]
            mine_warm = warm[size] if self.has_cache else mine
            partial = sorted({p for m in mine + mine_warm for p in m["partial"]})
            secs = [m["seconds"] for m in mine]
            key = "bundled" if size == "bundled" else str(size)
            warm_target, warm_limit = (
                ("≤ 1.2× floor", 1.2) if size == "bundled" else ("≤ 1.4× floor", 1.4)
            )
            cold_note = "fwtui's cache folder removed before each run" if self.has_cache else ""
            quiet = idle.get(size)
            if quiet and quiet["bytes_per_second"] >= 1000 and not quiet["screen_changed"]:
                # Worth a line: the terminal (an SSH link) and a CPU pay for it.
                cold_note += ("; " if cold_note else "") + (
                    f"once painted and left alone, fwtui kept writing "
                    f"{quiet['bytes_per_second'] / 1000:.0f} KB/s to the terminal "
                    f"(screen unchanged, {quiet['cpu_share']:.0%} of a CPU)"
                )
            # Bundled data has a cold target; a big catalog's cold start is judged
            # by how soon it shows progress (the next figure), its paint only reported.
            bundled = size == "bundled"
            self.figures.append(
                Figure(
                    f"paint-cold-{key}",
                    "First paint (80x24 pty)",
                    f"First paint, {label}, cold",
                    "s",
                    secs,
                    floor_s,
                    floor_label,
                    "≤ 1.3× floor" if bundled else "reported (cold target: progress within 0.3 s)",
                    ratio_at_most(1.3) if bundled else None,
                    note=cold_note,
                )
            )
            if not bundled:
                self.figures.append(
                    Figure(
                        f"paint-progress-{key}",
                        "First paint (80x24 pty)",
                        f"First visible output, {label}, cold",
                        "s",
                        [m["first_content"] for m in mine],
                        [f["first_content"] for f in floors],
                        floor_label,
                        "≤ 0.3 s",
                        value_at_most(0.3),
                        note=(
                            "a partial count was shown: " + ", ".join(partial)
                            if partial
                            else "no partial or empty list was ever shown as complete"
                        ),
                    )
                )
            self.figures.append(
                Figure(
                    f"paint-warm-{key}",
                    "First paint (80x24 pty)",
                    f"First paint, {label}, warm",
                    "s",
                    [m["seconds"] for m in mine_warm],
                    floor_s,
                    floor_label,
                    warm_target,
                    ratio_at_most(warm_limit),
                    note=self.warm_note(),
                )
            )
            rss = [m["rss_mib"] for m in mine_warm]
            rss_cold = statistics.median(m["rss_mib"] for m in mine)
            if size == "bundled":
                self.figures.append(
                    Figure(
                        f"memory-{key}",
                        "Memory (peak RSS)",
                        f"Peak RSS, {label}",
                        "MiB",
                        rss,
                        floor_rss,
                        floor_label,
                        "≤ 1.3× floor",
                        ratio_at_most(1.3),
                        note=(
                            f"warm runs; cold: median {rss_cold:.1f} MiB" if self.has_cache else ""
                        ),
                    )
                )
            else:
                self.figures.append(
                    Figure(
                        f"memory-{key}",
                        "Memory (peak RSS)",
                        f"Peak RSS, {label}, warm",
                        "MiB",
                        rss,
                        floor_rss,
                        floor_label,
                        "≤ floor + 60 MB (57.2 MiB)",
                        excess_at_most(60e6 / 1048576),
                        note=self.warm_note(
                            f"cold: median {rss_cold:.1f} MiB" if self.has_cache else ""
                        ),
                    )
                )

    # -- 3. filter latency -----------------------------------------------------------
    def filter_keys(self) -> list[str]:
        keys: list[str] = []
        for word in FILTER_WORDS:
            keys += [*word, *([BACKSPACE] * len(word))]
        while len(keys) < self.o.keys:
            keys += keys
        return keys[: self.o.keys]

    def bench_filter(self, size: int) -> None:
        keys = self.filter_keys()
        values, value = [], ""
        for key in keys:
            value = value[:-1] if key == BACKSPACE else value + key
            values.append(value)
        counts = dict(
            zip(values, self.worker("counts", self.data_spec(size), *values)["counts"], strict=True)
        )
        total = self.info[size]["total"]

        def fwtui_expected(value: str) -> str | re.Pattern[str]:
            shown = counts[value] if value else total
            return shown_pattern(shown, total) if shown else "Nothing matches"

        def floor_expected(value: str) -> re.Pattern[str]:
            return shown_pattern(floor_count(total, value), total)

        ready, _ = self._fwtui_ready(size)
        # The filter's row is found by its placeholder (its start: the pane may cut it).
        placeholder = self.worker("placeholder")["placeholder"][:12]
        floor_ready = shown_pattern(total, total)
        floor_argv = [str(self.python), str(FLOOR_APP), "filter", str(total)]
        mine: list[float] = []
        floor: list[float] = []
        for s in range(self.o.filter_sessions):
            # Both apps run side by side, idle but for the one being typed into,
            # and each key goes to fwtui, then to the floor: alternating runs.
            apps = [
                FilterApp(
                    Session(self.fwtui_argv(size), self.env, cwd=str(self.o.cache)),
                    ready,
                    b"/",
                    placeholder,
                    40,
                    fwtui_expected,
                ),
                FilterApp(
                    Session(floor_argv, self.env, cwd=str(self.o.cache)),
                    lambda sc: floor_ready.search(sc.text()) is not None,
                    b"",
                    PLACEHOLDER,
                    80,
                    floor_expected,
                ),
            ]
            try:
                for app in apps:
                    app.start()
                for app in apps:
                    app.prepare()
                for key in keys:
                    mine.append(apps[0].press(key))
                    floor.append(apps[1].press(key))
                for app in apps:
                    app.session.quit(CTRL_Q)
            finally:
                for app in apps:
                    app.session.close()
            self.log(f"  filter session {s + 1} done")
        # A key that leaves fwtui's count unchanged is done as soon as the text
        # is echoed, with nothing to filter on screen: such keys are typed but
        # not counted, for fwtui and the floor alike.
        per_session = len(keys)
        changed = [
            counts[values[i]] != (counts[values[i - 1]] if i else total) for i in range(per_session)
        ]
        if not any(changed):
            changed = [True] * per_session
        keep = [i for i in range(len(mine)) if changed[i % per_session]]
        skipped = per_session - sum(changed)
        mine = [mine[i] * 1000 for i in keep]
        floor = [floor[i] * 1000 for i in keep]
        label = self.size_label(size)
        floor_label = "bare Textual app: an Input updating one count line"
        n = len(mine)
        note = (
            f"{skipped} of {per_session} keys per session left the count unchanged: typed, not counted"
            if skipped
            else ""
        )
        for stat, target, limit in (("median", "≤ 1.5× floor", 1.5), ("p95", "≤ 2.5× floor", 2.5)):
            self.figures.append(
                Figure(
                    f"filter-{stat}-{size}",
                    "Filter (80x24 pty)",
                    f"Filter keystroke, {label}, {'median' if stat == 'median' else '95th percentile'} of {n}",
                    "ms",
                    mine,
                    floor,
                    floor_label,
                    target,
                    ratio_at_most(limit),
                    stat=stat,
                    note=note,
                )
            )
        self.meta["filter_keys"] = "".join("⌫" if k == BACKSPACE else k for k in keys)
        self.meta["filter_counts"] = counts

    # -- 4. compare ---------------------------------------------------------------------
    def bench_compare(self, size: int) -> None:
        info = self.info[size]
        total = info["total"]
        listed = shown_pattern(total, total)
        ready, _ = self._fwtui_ready(size)
        session = Session(self.fwtui_argv(size), self.env, cwd=str(self.o.cache))
        times: dict[int, list[float]] = {2: [], 8: []}
        first: dict[int, float] = {}
        session.start()
        try:
            if session.wait_for(ready, 180) is None:
                raise RuntimeError("no first paint")
            session.settle(0.3, 20)
            for round_ in range(min(5, self.runs_for(size)) + 1):
                for n in (2, 8):
                    # One key at a time: spaces typed in a burst all toggle the row
                    # the cursor was on when they arrived (fwtui bug, see the report).
                    session.write(b"g")
                    session.settle(0.2, 20)
                    for k in range(1, n + 1):
                        session.write(b" ")
                        if session.wait_for(lambda sc, k=k: sc.text().count(MARK) == k, 60) is None:
                            raise RuntimeError(f"could not mark {k}:\n{session.screen.text()}")
                        session.settle(0.05, 20)
                    session.settle(0.2, 20)
                    opened = re.compile(rf"(?<!\d){n} frameworks · \d+ of \d+ facts differ")
                    written = session.write(b"c")
                    seconds = session.wait_for_since(
                        lambda sc, o=opened: o.search(sc.text()) is not None, written, 60
                    )
                    if seconds is None:
                        raise RuntimeError(f"no compare view:\n{session.screen.text()}")
                    if round_ == 0:
                        first[n] = seconds
                    else:
                        times[n].append(seconds)
                    session.settle(0.2, 20)
                    # q, not Escape: a lone ESC byte waits for the next one to
                    # tell it from an escape sequence.
                    session.write(b"q")
                    if (
                        session.wait_for(lambda sc: listed.search(sc.text()) is not None, 60)
                        is None
                    ):
                        raise RuntimeError(f"compare did not close:\n{session.screen.text()}")
                    session.settle(0.2, 20)
                    session.write(b"u")  # unmark all
                    if session.wait_for(lambda sc: MARK not in sc.text(), 60) is None:
                        raise RuntimeError(f"not back on the list:\n{session.screen.text()}")
                    session.settle(0.2, 20)
            session.quit(CTRL_Q)
        finally:
            session.close()
        inproc = self.worker("compare", self.catalogs[size], min(5, self.runs_for(size)))
        for n in (2, 8):
            self.figures.append(
                Figure(
                    f"compare-{n}-{size}",
                    "Compare (80x24 pty)",
                    f"Open compare, {n} columns, {self.size_label(size)}",
                    "ms",
                    [x * 1000 for x in times[n]],
                    None,
                    "",
                    "≤ 100 ms",
                    value_at_most(100),
                    note=f"first opening of the session: {first[n] * 1000:.0f} ms; in-process "
                    f"(`run_test`), pressing c until CompareScreen is mounted with rows: median "
                    f"{statistics.median(inproc['mounted'][str(n)]) * 1000:.0f} ms",
                )
            )

    # -- 6. command line ------------------------------------------------------------
    def _cli_floors(self) -> tuple[Path, Path]:
        """Scripts that print the same table and detail from literals, with Rich alone."""
        env = {**self.env, "COLUMNS": "80"}

        def capture(*args: str) -> str:
            return subprocess.run(
                self.fwtui_argv("bundled", *args),
                capture_output=True,
                text=True,
                env=env,
                check=True,
                stdin=subprocess.DEVNULL,
            ).stdout

        import csv
        import io

        headers, *rows = list(csv.reader(io.StringIO(capture("list", "--format", "csv"))))
        show_lines = capture("show", "pytorch").splitlines()
        floors = self.o.cache / "floors"
        floors.mkdir(parents=True, exist_ok=True)
        list_floor = floors / "list_floor.py"
        list_floor.write_text(
            "from rich import box\n"
            "from rich.console import Console\n"
            "from rich.table import Table\n"
            "from rich.text import Text\n\n"
            f"HEADERS = {headers!r}\n"
            f"ROWS = {rows!r}\n"
            "STYLES = {'active': 'green', 'maintenance': 'yellow', 'discontinued': 'red',"
            " 'merged': 'magenta', 'unknown': 'dim'}\n"
            "grid = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,"
            " collapse_padding=True, header_style='bold')\n"
            "for h in HEADERS:\n    grid.add_column(h, overflow='fold')\n"
            "for row in ROWS:\n"
            "    grid.add_row(*[Text(v, style=STYLES.get(v, '') if i == 3 else '')"
            " for i, v in enumerate(row)])\n"
            "Console(highlight=False, emoji=False, markup=False).print(grid)\n",
            encoding="utf-8",
        )
        show_floor = floors / "show_floor.py"
        show_floor.write_text(
            "from rich.console import Console\n"
            "from rich.text import Text\n\n"
            f"LINES = {show_lines!r}\n"
            "console = Console(highlight=False, emoji=False, markup=False)\n"
            "text = Text(LINES[0], style='bold')\n"
            "for line in LINES[1:]:\n    text.append('\\n' + line)\n"
            "console.print(text)\n",
            encoding="utf-8",
        )
        return list_floor, show_floor

    def _cli_once(self, argv: list[str]) -> float:
        session = Session(argv, self.env, cwd=str(self.o.cache))
        session.start()
        try:
            seconds = session.run_to_exit(60)
        finally:
            session.close()
        if seconds is None or session.returncode != 0:
            raise RuntimeError(f"{argv} failed ({session.returncode}):\n{session.screen.text()}")
        return seconds

    def bench_cli(self) -> None:
        list_floor, show_floor = self._cli_floors()
        py = str(self.python)
        commands = {
            "list": self.fwtui_argv("bundled", "list"),
            "list-floor": [py, str(list_floor)],
            "show": self.fwtui_argv("bundled", "show", "pytorch"),
            "show-floor": [py, str(show_floor)],
            "rich": [py, "-c", "import rich.console"],
        }
        times: dict[str, list[float]] = {k: [] for k in commands}
        # Warm-up, discarded: the OS caches the files, and fwtui has run once on
        # the same files (its cache, under the suite's home, is written).
        for argv in commands.values():
            self._cli_once(argv)
        for _ in range(self.o.runs):
            for name, argv in commands.items():
                times[name].append(self._cli_once(argv))
        for name, title in (("list", "fwtui list"), ("show", "fwtui show pytorch")):
            self.figures.append(
                Figure(
                    f"cli-{name}",
                    "Command line (80x24 pty, bundled data)",
                    f"`{title}`, warm",
                    "s",
                    times[name],
                    times[f"{name}-floor"],
                    "Rich printing the same output from literals",
                    "≤ 1.3× floor",
                    ratio_at_most(1.3),
                    note=self.warm_note(),
                )
            )
            self.figures.append(
                Figure(
                    f"cli-{name}-rich-import",
                    "Command line (80x24 pty, bundled data)",
                    f"`{title}` against `python -c 'import rich.console'`",
                    "s",
                    times[name],
                    times["rich"],
                    "python -c 'import rich.console'",
                    "reported",
                    None,
                )
            )

    # -- profiles -----------------------------------------------------------------------
    def _importtime(self, module: str) -> list[tuple[int, int, str]]:
        rows: list[tuple[int, int, str]] = []
        for _ in range(3):  # the last of three: files cached, bytecode present
            result = subprocess.run(
                [str(self.python), "-X", "importtime", "-c", f"import {module}"],
                capture_output=True,
                text=True,
                env=self.env,
                cwd=self.o.cache,
                check=True,
            )
            rows = []
            for line in result.stderr.splitlines():
                m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
                if m:
                    rows.append((int(m.group(1)), int(m.group(2)), m.group(3)[1:] + m.group(4)))
        return rows

    def run_profiles(self, size: int) -> None:
        prof = self.o.cache / "profiles"
        prof.mkdir(parents=True, exist_ok=True)
        for module in ("fwtui.cli", "fwtui.tui.app"):
            rows = self._importtime(module)
            total = max((c for _, c, _ in rows), default=0)
            top_level = [r for r in rows if not r[2].startswith(" ")]
            self.profiles[f"importtime {module}"] = {
                "total_us": total,
                "top_cumulative": sorted(top_level, key=lambda r: -r[1])[:12],
                "top_self": sorted(rows, key=lambda r: -r[0])[:12],
            }
        self.log("  import times done")
        spec = self.data_spec(size)
        self.profiles["load"] = self.worker("profile-load", spec, prof / f"load-{size}.prof")
        self.log("  load profile done")
        texts = (FILTER_WORDS[0][:1], FILTER_WORDS[0][:4])
        self.profiles["filter"] = self.worker(
            "profile-filter", spec, prof / f"filter-{size}", *texts
        )
        self.log("  filter profile done")
        self.profiles["keystroke"] = self.worker(
            "profile-keystroke", spec, prof / f"keystroke-{size}.prof", FILTER_WORDS[0][0]
        )
        self.log("  keystroke profile done")
        self.profiles["explorer start bundled"] = self._profile_start(
            "bundled", prof / "start-bundled.prof"
        )
        self.profiles["explorer start"] = self._profile_start(size, prof / f"start-{size}.prof")
        self.log("  explorer start profile done")

    def _profile_start(self, size: int | str, out: Path) -> dict[str, Any]:
        """cProfile of the explorer from process start to first paint, in the pty."""
        argv = [str(self.python), "-m", "cProfile", "-o", str(out), "-m", "fwtui"]
        argv += self.fwtui_argv(size)[1:]
        ready, total = self._fwtui_ready(size)
        self.clear_cache()  # cold: the profile shows the load, not a cache read
        if out.exists():
            out.unlink()
        result = self._paint_once(argv, ready, total)
        deadline = time.perf_counter() + 30
        while not out.exists() and time.perf_counter() < deadline:
            time.sleep(0.05)
        import io
        import pstats

        texts: dict[str, Any] = {"profiled_seconds": result["seconds"]}
        for order in ("cumulative", "tottime"):
            stream = io.StringIO()
            pstats.Stats(str(out), stream=stream).strip_dirs().sort_stats(order).print_stats(25)
            texts[order] = stream.getvalue()
        return texts

    # -- results ----------------------------------------------------------------------
    def results(self) -> dict[str, Any]:
        return {
            "meta": self.meta,
            "figures": [f.as_dict() for f in self.figures],
            "profiles": self.profiles,
            "failures": self.failures,
        }


def run(options: Options) -> dict[str, Any]:
    suite = Suite(options)
    suite.run()
    return suite.results()
