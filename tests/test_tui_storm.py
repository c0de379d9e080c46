"""Random key storms and resizes through every view: nothing breaks, nothing is written."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

pytest.importorskip("textual")

from textual.widgets import Static

from fwtui.catalog import load_catalog
from fwtui.paths import data_files
from fwtui.query import apply
from fwtui.tui.app import FwtuiApp, build_app
from fwtui.tui.screens.main import MainScreen
from fwtui.tui.widgets.framework_list import FrameworkList

pytestmark = pytest.mark.tui

REPO = Path(__file__).resolve().parents[1]
#: Read at import, before the autouse fixture points HOME at a temporary folder.
REAL_HOME = Path("~").expanduser()

#: Every key bound somewhere, plus printable and special keys.
BOUND = [
    "slash", "c", "s", "f", "t", "v", "A", "i", "u", "b", "enter", "escape", "q",
    "space", "j", "k", "g", "G", "ctrl+d", "ctrl+u", "d", "x", "less_than_sign",
    "greater_than_sign", "h", "l", "question_mark", "r", "tab", "shift+tab",
    "up", "down", "left", "right", "home", "end", "pageup", "pagedown", "ctrl+p",
    "backspace", "delete", "ctrl+q", "o",
]  # fmt: skip
PRINTABLE = list("abcdefghijklmnopqrstuvwxyz0123456789-_.,;:!@#$%^&*()[]{}<>~`'\"")
SPECIAL = ["f1", "f5", "insert", "ctrl+a", "ctrl+e", "ctrl+w", "ctrl+z", "shift+up", "alt+x"]
SIZES = [
    (1, 1),
    (10, 5),
    (40, 12),
    (59, 15),
    (60, 16),
    (79, 23),
    (80, 24),
    (120, 36),
    (200, 50),
    (300, 100),
]


def _snapshot_outside() -> dict[str, float]:
    """Modification times of what fwtui could touch outside the temporary folders:
    the data it reads and the real user's fwtui config, state and cache."""
    roots = [REPO / "data"] + [
        REAL_HOME / part / "fwtui" for part in (".config", ".local/state", ".cache")
    ]
    stamps = {}
    for root in roots:
        if root.exists():
            for path in root.rglob("*"):
                stamps[str(path)] = path.stat().st_mtime
    return stamps


def _check_invariants(app: FwtuiApp) -> None:
    for screen in app.screen_stack:
        if isinstance(screen, MainScreen):
            shown = len(screen.query_one(FrameworkList).frameworks)
            status = str(screen.query_one("#status-line", Static).render())
            assert status.startswith(f"{shown}/") or (shown == 0 and "Nothing matches" in status)
    assert app.screen is not None


async def _storm(seed: int, presses: int) -> int:
    rng = random.Random(seed)
    files = data_files([], bundled=True, env={})
    catalog = load_catalog(files)
    done = 0
    restarts = 0
    while done < presses:
        app = build_app(catalog, files=files)
        app.animation_level = "none"
        size = rng.choice(SIZES)
        async with app.run_test(size=size) as pilot:
            while done < presses and app.is_running:
                roll = rng.random()
                if roll < 0.05:
                    await pilot.resize_terminal(*rng.choice(SIZES))
                    continue
                pool = BOUND if roll < 0.75 else PRINTABLE if roll < 0.93 else SPECIAL
                key = rng.choice(pool)
                if key in ("q", "ctrl+q") and rng.random() < 0.7:
                    key = "escape"  # quit less often, so views get explored
                await pilot.press(key)
                done += 1
                if app.is_running:
                    _check_invariants(app)
            if app.is_running:
                # After the storm the app still answers normal keys correctly.
                await pilot.resize_terminal(80, 24)
                while len(app.screen_stack) > 1:
                    await pilot.press("escape")
                await pilot.press("escape", "escape")
                assert isinstance(app.screen, MainScreen)
                screen = app.screen
                await pilot.press("slash", *"keras", "enter")
                await pilot.pause()
                # The list is exactly what the query gives for the state the storm
                # left (quick filters, view, sort), with the best match highlighted.
                expected = apply(catalog, screen.filters).frameworks
                shown = screen.query_one(FrameworkList)
                assert shown.frameworks == expected
                assert shown.highlighted_framework == (expected[0] if expected else None)
                assert app.focused is not None
            else:
                restarts += 1
        assert app.return_code in (0, None), f"crashed: {app.return_code}"
    return restarts


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
async def test_key_storm(seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """4 seeds x 500 keys = 2,000 key presses, with resizes from 1x1 to 300x100."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SSH_CONNECTION", "x")  # `o` must not start a browser in tests
    before = _snapshot_outside()
    await _storm(seed, 500)
    assert _snapshot_outside() == before
    # Inside the temporary folders fwtui may write what a key asked for (an
    # export with e, the theme's state file), and only there.
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.suffix in (".md", ".csv", ".json") for p in written), written
    assert Path.cwd() == tmp_path
