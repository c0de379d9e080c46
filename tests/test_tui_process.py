"""The explorer as a real process in a pseudo-terminal: crashes and hang-ups."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def run_in_pty(
    code: str, keys: list[bytes], env: dict[str, str], *, hangup: bool = False
) -> tuple[int, str]:
    """Run ``python -c code`` on a pty at 80x24; type ``keys``; return (exit code, output)."""
    master, slave = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        start_new_session=True,
    )
    os.close(slave)
    output = bytearray()

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                output.extend(chunk)

    deadline = time.monotonic() + 20
    while b"shown" not in output and time.monotonic() < deadline:
        pump(0.2)
    for key in keys:
        os.write(master, key)
        pump(0.5)
    if hangup:
        proc.send_signal(signal.SIGHUP)
    try:
        pump(3)
        code_ = proc.wait(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    return code_, output.decode("utf-8", "replace")


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        TERM="xterm-256color",
    )
    env.pop("FWTUI_DATA", None)
    return env


def test_a_crash_leaves_one_line_and_a_log(tmp_path: Path) -> None:
    # Mark two frameworks, then press c: the patched action raises.
    code, output = run_in_pty(CRASHING, [b" ", b" ", b"c"], _env(tmp_path))
    assert code != 0
    assert "Traceback" not in output
    assert "the explorer stopped after an internal error; details in" in output
    logs = list((tmp_path / "state" / "fwtui").glob("crash-*.log"))
    assert len(logs) == 1
    assert "deliberate failure for the test" in logs[0].read_text()


def test_a_hang_up_ends_the_explorer_cleanly(tmp_path: Path) -> None:
    code, output = run_in_pty(
        "import sys\nfrom fwtui.cli import main\nsys.exit(main([]))",
        [],
        _env(tmp_path),
        hangup=True,
    )
    assert code == 129
    assert "Traceback" not in output
