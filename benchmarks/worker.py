"""In-process measurements, run by the benchmark virtual environment's Python.

``python worker.py COMMAND ARGS...`` prints one JSON document. It imports the
*installed* fwtui (the wheel), never the checkout: the harness runs it as a
script, so only this folder and the virtual environment are on ``sys.path``.
Commands:

- ``info FILE|bundled`` versions, the first framework of the sorted list, the total;
- ``counts FILE|bundled TEXT...`` how many frameworks the filter keeps for each text;
- ``placeholder`` the filter's placeholder text on the main screen;
- ``load FILE RUNS CACHE_DIR`` alternating timings of ``fwtui.catalog.load`` and
  ``tomllib``: cold (``CACHE_DIR`` removed first) and, when ``load`` takes ``cache_dir``, warm (the
  cache filled by an earlier call);
- ``compare FILE RUNS`` opening the compare view with 2 and 8 columns (``App.run_test``),
  the app built as the command line builds it (a loading screen first for large data);
- ``profile-load FILE OUT`` cProfile of one load;
- ``profile-filter FILE OUT TEXT...`` cProfile of ``fwtui.query.apply`` per text;
- ``profile-keystroke FILE OUT KEY`` cProfile of one key typed into the filter (run_test).
"""

from __future__ import annotations

import asyncio
import cProfile
import inspect
import io
import json
import os
import pstats
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import tomllib

from fwtui.catalog import load
from fwtui.paths import DataFile, bundled_data
from fwtui.query import Filters, SearchIndex, apply

#: Does this fwtui cache loaded catalogs (``load(..., cache_dir=...)``)?
HAS_CACHE = "cache_dir" in inspect.signature(load).parameters
#: Waits for a cache write done in the background, if this fwtui has one.
FLUSH: Callable[[], None] | None
try:
    from fwtui.cache import flush as FLUSH
except ImportError:
    FLUSH = None


def cache_dir() -> Path:
    """fwtui's cache folder under this process's XDG_CACHE_HOME (the suite's own home)."""
    try:
        from fwtui.paths import catalog_cache
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "fwtui"
    return catalog_cache()


def _files(spec: str) -> list[DataFile]:
    if spec == "bundled":
        return [DataFile(bundled_data(), "bundled", True)]
    return [DataFile(Path(spec), "--data", True)]


def _catalog(spec: str) -> Any:
    result = load(_files(spec))
    if result.catalog is None:
        raise SystemExit("\n".join(p.format() for p in result.errors))
    return result.catalog


def cmd_info(spec: str) -> dict[str, Any]:
    from importlib.metadata import version

    catalog = _catalog(spec)
    result = apply(catalog, Filters())
    first = result.frameworks[0]
    return {
        "python": sys.version.split()[0],
        "textual": version("textual"),
        "rich": version("rich"),
        "fwtui": version("fwtui"),
        "first_name": first.name,
        "first_id": first.id,
        "total": result.total,
        "shown": len(result.frameworks),
        "bundled_path": str(bundled_data()),
        "cache": HAS_CACHE,
        "cache_dir": str(cache_dir()),
    }


def cmd_counts(spec: str, texts: list[str]) -> dict[str, Any]:
    catalog = _catalog(spec)
    index = SearchIndex(catalog.frameworks)
    counts = [len(apply(catalog, Filters(text=t), index).frameworks) for t in texts]
    return {"texts": texts, "counts": counts, "total": len(catalog)}


async def _placeholder() -> dict[str, Any]:
    from textual.widgets import Input

    app = _explorer_app("bundled")
    async with app.run_test(size=(80, 24)) as pilot:
        await _main_screen(app, pilot)
        placeholder = app.screen.query_one(Input).placeholder
    return {"placeholder": str(placeholder)}


def _timed_load(files: list[DataFile], **kwargs: Any) -> tuple[float, int]:
    t0 = time.perf_counter()
    result = load(files, **kwargs)
    seconds = time.perf_counter() - t0
    assert result.catalog is not None, [p.format() for p in result.errors]
    return seconds, len(result.catalog)


def _floor(path: str) -> float:
    t0 = time.perf_counter()
    tomllib.loads(Path(path).read_bytes().decode("utf-8"))
    return time.perf_counter() - t0


def cmd_load(path: str, runs: int, folder: Path) -> dict[str, Any]:
    """Cold, floor, warm, floor, in turn. Cold: the cache folder is removed before
    the call (so it also pays for writing the cache); warm: the same call again,
    the cache written by the call before. Without a cache, cold only."""
    files = _files(path)
    kwargs: dict[str, Any] = {"cache_dir": folder} if HAS_CACHE else {}
    times: dict[str, list[float]] = {"cold": [], "cold_floor": [], "warm": [], "warm_floor": []}
    frameworks = 0
    for _ in range(runs):
        shutil.rmtree(folder, ignore_errors=True)
        seconds, frameworks = _timed_load(files, **kwargs)
        times["cold"].append(seconds)
        if FLUSH is not None:
            # The cache is written in a background thread: let it finish (and
            # time it) before the floor runs, so it does not slow the floor.
            t0 = time.perf_counter()
            FLUSH()
            times.setdefault("cache_write", []).append(time.perf_counter() - t0)
        times["cold_floor"].append(_floor(path))
        if HAS_CACHE:
            seconds, _ = _timed_load(files, **kwargs)
            times["warm"].append(seconds)
            times["warm_floor"].append(_floor(path))
    cached = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    return {**times, "frameworks": frameworks, "cache": HAS_CACHE, "cache_files": cached}


def _explorer_app(path: str) -> Any:
    """The app as ``fwtui`` builds it: large data (over the command line's limit)
    starts with no catalog, on a loading screen, and loads in a worker."""
    from fwtui import cli
    from fwtui.tui.app import build_app

    files = _files(path)
    limit = getattr(cli, "BACKGROUND_LOAD_BYTES", None)
    big = limit is not None and sum(f.path.stat().st_size for f in files) > limit
    kwargs: dict[str, Any] = {"cache_dir": cache_dir()} if HAS_CACHE else {}
    with_cache = "cache_dir" in inspect.signature(build_app).parameters
    return build_app(None if big else _catalog(path), files=files, **(kwargs if with_cache else {}))


async def _until(condition: Any, what: str, timeout: float = 120.0) -> None:
    """Poll ``condition()`` on the app's loop; fail (not hang) after ``timeout`` s."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"{what}: not within {timeout:.0f} s")
        await asyncio.sleep(0.0002)


async def _main_screen(app: Any, pilot: Any) -> Any:
    """Wait until the catalog is loaded and the main screen (the list) is on top."""
    from fwtui.tui.screens.main import MainScreen

    await _until(
        lambda: not getattr(app, "loading", False) and isinstance(app.screen, MainScreen),
        "the main screen after loading",
    )
    await pilot.pause()
    return app.screen


async def _compare(path: str, runs: int) -> dict[str, Any]:
    from textual.widgets import DataTable

    app = _explorer_app(path)
    times: dict[str, list[float]] = {"2": [], "8": []}
    settled: dict[str, list[float]] = {"2": [], "8": []}
    first: dict[str, float] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        # Keys pressed on the loading screen would be lost: mark nothing before
        # the list is there.
        main = await _main_screen(app, pilot)
        # The first round is the first opening in the session (it imports the
        # compare screen's module): reported apart, not in the samples.
        for round_ in range(runs + 1):
            for n in (2, 8):
                await pilot.press("g", *(["space"] * n))
                await pilot.pause()
                if hasattr(main, "marked") and len(main.marked) != n:
                    raise RuntimeError(f"marked {len(main.marked)} frameworks, not {n}")

                def opened() -> bool:
                    screen = app.screen
                    if type(screen).__name__ == "CompareScreen" and screen.is_mounted:
                        tables = screen.query(DataTable)
                        return bool(tables) and tables.first().row_count > 0
                    return False

                t0 = time.perf_counter()
                app.simulate_key("c")  # no Pilot: it waits for idle after each key
                await _until(opened, f"the compare view of {n}", 60)
                elapsed = time.perf_counter() - t0
                await pilot.pause()
                if round_ == 0:
                    first[str(n)] = elapsed
                else:
                    times[str(n)].append(elapsed)
                    settled[str(n)].append(time.perf_counter() - t0)
                await pilot.press("escape")
                await pilot.pause()
                assert app.screen is main
                await pilot.press("u")
                await pilot.pause()
    return {"mounted": times, "settled": settled, "first": first}


def cmd_compare(path: str, runs: int) -> dict[str, Any]:
    return asyncio.run(_compare(path, runs))


def _stats_text(profile: cProfile.Profile, out: str, limit: int = 25) -> dict[str, str]:
    profile.dump_stats(out)
    texts: dict[str, str] = {}
    for order in ("cumulative", "tottime"):
        stream = io.StringIO()
        stats = pstats.Stats(profile, stream=stream)
        stats.strip_dirs().sort_stats(order).print_stats(limit)
        texts[order] = stream.getvalue()
    return texts


def cmd_profile_load(path: str, out: str) -> dict[str, Any]:
    files = _files(path)
    profile = cProfile.Profile()
    t0 = time.perf_counter()
    profile.enable()
    result = load(files)
    profile.disable()
    elapsed = time.perf_counter() - t0
    assert result.catalog is not None
    # Where the unprofiled time goes, phase by phase.
    phases: dict[str, float] = {}
    try:
        phases.update(_phases(files))
    except Exception as exc:  # internals moved: the profile above still stands
        phases["(phases unavailable)"] = 0.0
        print(f"phases: {exc}", file=sys.stderr)
    return {"profiled_seconds": elapsed, "phases": phases, **_stats_text(profile, out)}


def _phases(files: list[DataFile]) -> dict[str, float]:
    from fwtui import catalog as cat

    phases: dict[str, float] = {}
    t0 = time.perf_counter()
    problems = cat.Problems()
    parsed = cat.read_file(files[0], problems, cat.DEFAULT_MAX_BYTES)
    phases["read + tomllib"] = time.perf_counter() - t0
    assert parsed is not None
    t0 = time.perf_counter()
    doc = cat.check_document(parsed, problems)
    phases["check_document"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    merged = cat.merge([doc])
    phases["merge"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    cat.build(merged, problems, [str(files[0].path)], False)
    phases["build (links, facts, model)"] = time.perf_counter() - t0
    return phases


def cmd_profile_filter(path: str, out: str, texts: list[str]) -> dict[str, Any]:
    catalog = _catalog(path)
    t0 = time.perf_counter()
    index = SearchIndex(catalog.frameworks)
    index_seconds = time.perf_counter() - t0
    report: dict[str, Any] = {"index_seconds": index_seconds, "texts": {}}
    for text in texts:
        filters = Filters(text=text)
        timings = []
        for _ in range(5):
            t0 = time.perf_counter()
            result = apply(catalog, filters, index)
            timings.append(time.perf_counter() - t0)
        profile = cProfile.Profile()
        profile.enable()
        apply(catalog, filters, index)
        profile.disable()
        report["texts"][text] = {
            "median_seconds": statistics.median(timings),
            "kept": len(result.frameworks),
            **_stats_text(profile, f"{out}.{len(text)}.prof", limit=15),
        }
    return report


async def _keystroke(path: str, out: str, key: str) -> dict[str, Any]:
    app = _explorer_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await _main_screen(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        profile = cProfile.Profile()
        t0 = time.perf_counter()
        profile.enable()
        await pilot.press(key)
        await pilot.pause()
        profile.disable()
        elapsed = time.perf_counter() - t0
    return {"profiled_seconds": elapsed, **_stats_text(profile, out)}


def cmd_profile_keystroke(path: str, out: str, key: str) -> dict[str, Any]:
    return asyncio.run(_keystroke(path, out, key))


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "info":
        result = cmd_info(args[0])
    elif command == "counts":
        result = cmd_counts(args[0], args[1:])
    elif command == "placeholder":
        result = asyncio.run(_placeholder())
    elif command == "load":
        result = cmd_load(args[0], int(args[1]), Path(args[2]))
    elif command == "compare":
        result = cmd_compare(args[0], int(args[1]))
    elif command == "profile-load":
        result = cmd_profile_load(args[0], args[1])
    elif command == "profile-filter":
        result = cmd_profile_filter(args[0], args[1], args[2:])
    elif command == "profile-keystroke":
        result = cmd_profile_keystroke(args[0], args[1], args[2])
    else:
        raise SystemExit(f"unknown command {command!r}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
