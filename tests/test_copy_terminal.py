"""`y` copies the view as Markdown: through a real tmux, and as OSC 52 outside it."""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.ptyrun import explorer, isolated_env, run_in_pty

pytestmark = [pytest.mark.tui, pytest.mark.slow]

KEYS_COMPARE = [b"/pytorch", b"\r", b" ", b"/tensorflow", b"\r", b" ", b"\x1b", b"c"]


def expected_markdown() -> str:
    from fwtui.catalog import load_catalog
    from fwtui.compare import build_matrix
    from fwtui.formats.documents import compare_markdown
    from fwtui.formats.rows import Marks
    from fwtui.paths import data_files

    catalog = load_catalog(data_files([], bundled=True, env={}))
    frameworks = [catalog.get("pytorch"), catalog.get("tensorflow")]
    return compare_markdown(build_matrix(catalog, frameworks), Marks.for_encoding("utf-8"))  # type: ignore[arg-type]


def test_copy_outside_tmux_sends_osc52(tmp_path: Path) -> None:
    env = isolated_env(tmp_path)
    env.pop("TMUX", None)
    code, out = run_in_pty(explorer(), [*KEYS_COMPARE, b"y", b"\x11"], env, size=(120, 40))
    assert code == 0
    payload = base64.b64encode(expected_markdown().encode()).decode()
    assert f"\x1b]52;c;{payload}\x07".encode() in out


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_copy_inside_tmux_reaches_the_tmux_buffer(tmp_path: Path) -> None:
    socket = f"fwtui-test-{os.getpid()}"
    env = isolated_env(tmp_path)
    env.pop("TMUX", None)
    tmux = ["tmux", "-L", socket]
    code_file = tmp_path / "explorer.py"
    code_file.write_text(explorer())
    try:
        subprocess.run(
            [*tmux, "new-session", "-d", "-x", "120", "-y", "40", f"{sys.executable} {code_file}"],
            env=env,
            check=True,
        )

        def screen() -> str:
            return subprocess.run(
                [*tmux, "capture-pane", "-p"], env=env, capture_output=True, text=True, check=False
            ).stdout

        deadline = time.monotonic() + 20
        while "shown" not in screen() and time.monotonic() < deadline:
            time.sleep(0.2)
        for key in [
            "/pytorch",
            "Enter",
            "Space",
            "/tensorflow",
            "Enter",
            "Space",
            "Escape",
            "c",
            "y",
        ]:
            subprocess.run([*tmux, "send-keys", key], env=env, check=True)
            time.sleep(0.4)
        time.sleep(0.5)
        buffer = subprocess.run(
            [*tmux, "show-buffer"], env=env, capture_output=True, text=True, check=False
        ).stdout
        assert buffer == expected_markdown()
        assert "tmux" in screen()  # the message says which way it used
    finally:
        subprocess.run([*tmux, "kill-server"], env=env, check=False)
