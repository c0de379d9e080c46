"""The explorer as a real process in a pseudo-terminal: crashes and hang-ups."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ptyrun import explorer, isolated_env, run_in_pty

pytestmark = [pytest.mark.tui, pytest.mark.slow]

CRASHING = """
import sys
from fwtui.tui.screens.main import MainScreen
def boom(self):
    raise RuntimeError("deliberate failure for the test")
MainScreen.action_compare = boom
from fwtui.cli import main
sys.exit(main([]))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return isolated_env(tmp_path)


def test_a_crash_leaves_one_line_and_a_log(tmp_path: Path) -> None:
    # Mark two frameworks, then press c: the patched action raises.
    code, raw = run_in_pty(CRASHING, [b" ", b" ", b"c"], _env(tmp_path))
    output = raw.decode("utf-8", "replace")
    assert code != 0
    assert "Traceback" not in output
    assert "the explorer stopped after an internal error; details in" in output
    logs = list((tmp_path / "state" / "fwtui").glob("crash-*.log"))
    assert len(logs) == 1
    assert "deliberate failure for the test" in logs[0].read_text()


def test_a_hang_up_ends_the_explorer_cleanly(tmp_path: Path) -> None:
    code, output = run_in_pty(explorer(), [], _env(tmp_path), hangup=True)
    assert code == 129
    assert b"Traceback" not in output


def test_bad_settings_stop_before_the_full_screen(tmp_path: Path) -> None:
    config = tmp_path / "config" / "fwtui"
    config.mkdir(parents=True)
    (config / "config.toml").write_text('theme = "nope"\n[keys]\ncompar = "x"\n')
    code, out = run_in_pty(explorer(), [], _env(tmp_path), ready=b"error")
    text = out.decode("utf-8", "replace")
    assert code == 2
    assert "config.toml:1" in text and "unknown theme" in text
    assert "config.toml:3" in text and "did you mean 'compare'" in text
    assert "Traceback" not in text
    assert "\x1b[?1049h" not in text  # the alternate screen never started


def test_large_data_loads_behind_a_loading_screen(tmp_path: Path) -> None:
    from benchmarks.gen import write_catalog

    data = write_catalog(tmp_path, 800)  # about 1.2 MB: above the background-load size
    assert data.stat().st_size > 1024 * 1024
    code, out = run_in_pty(
        explorer("--no-bundled", "--data", str(data)), [b"\x11"], _env(tmp_path), ready=b"800/800"
    )
    text = out.decode("utf-8", "replace")
    assert code == 0
    assert text.index("Loading") < text.index("800/800 shown")


def test_large_data_with_an_error_leaves_with_the_problem(tmp_path: Path) -> None:
    from benchmarks.gen import write_catalog

    data = write_catalog(tmp_path, 800)
    data.write_text(data.read_text() + '\n[[framework]]\nid = "broken"\nnmae = "x"\n')
    code, out = run_in_pty(
        explorer("--no-bundled", "--data", str(data)), [], _env(tmp_path), ready=b"error"
    )
    text = out.decode("utf-8", "replace")
    assert code == 2
    assert "nmae" in text and "did you mean 'name'" in text
    assert "Traceback" not in text


#: Modules the first screen does not use: imported when first used, never at start
#: (each costs start time; see docs/performance.md, "First paint"). fwtui.tui.keys
#: (and the compare and detail screens it imports) only when a settings file exists.
NOT_AT_START = (
    "fwtui.clipboard",
    "fwtui.formats.csvout",
    "fwtui.formats.detail",
    "fwtui.formats.jsonout",
    "fwtui.formats.markdown",
    "fwtui.formats.pick",
    "fwtui.tui.keys",
    "fwtui.tui.palette",
    "fwtui.tui.screens.compare",
    "fwtui.tui.screens.detail",
    "fwtui.tui.screens.export",
    "fwtui.tui.screens.help",
    "fwtui.tui.screens.loading",
    "fwtui.tui.screens.problems",
)


def test_the_start_imports_only_the_first_screen(tmp_path: Path) -> None:
    listing = tmp_path / "modules.txt"
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(listing)!r}, 'w').write('\\n'.join(sys.modules)))\n"
        + explorer()
    )
    exit_code, _ = run_in_pty(code, [b"\x11"], _env(tmp_path))
    assert exit_code == 0
    loaded = set(listing.read_text().split())
    assert "fwtui.tui.screens.main" in loaded  # the listing is of a started explorer
    assert sorted(loaded.intersection(NOT_AT_START)) == []
