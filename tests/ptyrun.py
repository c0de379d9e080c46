"""Run fwtui in a real pseudo-terminal, type keys, and collect every byte it wrote."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path


def isolated_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment with HOME and the XDG folders under ``tmp_path``."""
    env = dict(os.environ)
    env.update(
        HOME=str(tmp_path / "home"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        TERM="xterm-256color",
    )
    for key in ("FWTUI_DATA", "NO_COLOR", "COLUMNS", "LINES", "TEXTUAL_COLOR_SYSTEM"):
        env.pop(key, None)
    env.update(extra)
    return env


def run_in_pty(
    code: str,
    keys: Sequence[bytes],
    env: dict[str, str],
    *,
    size: tuple[int, int] = (80, 24),
    ready: bytes = b"shown",
    hangup: bool = False,
    settle: float = 0.5,
) -> tuple[int, bytes]:
    """Run ``python -c code`` on a pty; wait for ``ready``; type ``keys``.

    Returns the exit code and every byte written to the terminal.
    """
    master, slave = pty.openpty()
    width, height = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
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
            ready_fds, _, _ = select.select([master], [], [], 0.05)
            if ready_fds:
                try:
                    chunk = os.read(master, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                output.extend(chunk)

    deadline = time.monotonic() + 20
    while ready not in output and time.monotonic() < deadline and proc.poll() is None:
        pump(0.2)
    for key in keys:
        os.write(master, key)
        pump(settle)
    if hangup:
        proc.send_signal(signal.SIGHUP)
    try:
        pump(2)
        code_ = proc.wait(timeout=15)
        pump(0.2)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    return code_, bytes(output)


EXPLORER = "import sys\nfrom fwtui.cli import main\nsys.exit(main(sys.argv[1:]))"


def explorer(*args: str) -> str:
    """Code that starts ``fwtui ARGS`` in the child."""
    return f"import sys\nsys.argv[1:] = {list(args)!r}\n{EXPLORER}"
