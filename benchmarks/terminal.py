"""A program in a real pseudo-terminal, and just enough of a terminal to read its screen.

The screen model understands what Textual and Rich write: printable text (wide
characters take two cells), cursor positioning and movement, erasing, the
alternate screen, and it skips colours, OSC/DCS strings and private modes.
Output is read with ``select`` as soon as it arrives, so a time is the moment
the bytes that complete a condition were read, not a polling step.
"""

from __future__ import annotations

import codecs
import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class Screen:
    """A grid of characters fed with a terminal output stream."""

    def __init__(self, cols: int = 80, rows: int = 24) -> None:
        self.cols = cols
        self.rows = rows
        self.grid = [[" "] * cols for _ in range(rows)]
        self.x = 0
        self.y = 0
        self._saved = (0, 0)
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""  # an escape sequence cut by a read boundary
        self.dirty_rows: set[int] = set()

    # -- feeding -----------------------------------------------------------
    def feed(self, data: bytes) -> None:
        text = self._pending + self._decoder.decode(data)
        self._pending = ""
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch == "\x1b":
                end = self._escape(text, i)
                if end < 0:  # incomplete: wait for more bytes
                    self._pending = text[i:]
                    return
                i = end
                continue
            if ch == "\r":
                self.x = 0
            elif ch == "\n":
                self._linefeed()
            elif ch == "\b":
                self.x = max(0, self.x - 1)
            elif ch == "\t":
                self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            elif ch >= " " and ch != "\x7f":
                self._put(ch)
            i += 1

    def _linefeed(self) -> None:
        if self.y == self.rows - 1:
            del self.grid[0]
            self.grid.append([" "] * self.cols)
            self.dirty_rows = set(range(self.rows))
        else:
            self.y += 1

    def _put(self, ch: str) -> None:
        if unicodedata.combining(ch):
            return
        width = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if self.x + width > self.cols:  # pending wrap
            self.x = 0
            self._linefeed()
        row = self.grid[self.y]
        row[self.x] = ch
        if width == 2 and self.x + 1 < self.cols:
            row[self.x + 1] = ""
        self.dirty_rows.add(self.y)
        self.x += width

    def _escape(self, text: str, i: int) -> int:
        """Handle the escape sequence at ``text[i]``; return the index after it, or -1."""
        if i + 1 >= len(text):
            return -1
        kind = text[i + 1]
        if kind == "[":
            j = i + 2
            while j < len(text) and not ("\x40" <= text[j] <= "\x7e"):
                j += 1
            if j >= len(text):
                return -1
            self._csi(text[i + 2 : j], text[j])
            return j + 1
        if kind in "]P_^X":  # OSC, DCS, APC, PM, SOS: up to BEL or ST
            j = i + 2
            while j < len(text):
                if text[j] == "\x07":
                    return j + 1
                if text[j] == "\x1b" and j + 1 < len(text) and text[j + 1] == "\\":
                    return j + 2
                j += 1
            return -1
        if kind in "()*+#%":  # charset designation: one more character
            return i + 3 if i + 2 < len(text) else -1
        if kind == "7":
            self._saved = (self.x, self.y)
        elif kind == "8":
            self.x, self.y = self._saved
        elif kind == "c":
            self._clear(0, self.rows)
            self.x = self.y = 0
        return i + 2

    def _csi(self, params: str, final: str) -> None:
        if params.startswith("?") or params.startswith(">") or params.startswith("="):
            if final in "hl" and "1049" in params.split(";")[0][1:].split(";"):
                self._clear(0, self.rows)
                self.x = self.y = 0
            return
        nums = [int(p) if p.isdigit() else 0 for p in params.split(";")] if params else []

        def arg(k: int, default: int = 1) -> int:
            return nums[k] if len(nums) > k and nums[k] else default

        if final in "Hf":
            self.y = min(self.rows - 1, arg(0) - 1)
            self.x = min(self.cols - 1, arg(1) - 1)
        elif final == "A":
            self.y = max(0, self.y - arg(0))
        elif final == "B":
            self.y = min(self.rows - 1, self.y + arg(0))
        elif final == "C":
            self.x = min(self.cols - 1, self.x + arg(0))
        elif final == "D":
            self.x = max(0, self.x - arg(0))
        elif final == "G":
            self.x = min(self.cols - 1, arg(0) - 1)
        elif final == "d":
            self.y = min(self.rows - 1, arg(0) - 1)
        elif final == "K":
            mode = arg(0, 0)
            row = self.grid[self.y]
            start, end = {0: (self.x, self.cols), 1: (0, self.x + 1)}.get(mode, (0, self.cols))
            for k in range(start, min(end, self.cols)):
                row[k] = " "
            self.dirty_rows.add(self.y)
        elif final == "J":
            mode = arg(0, 0)
            if mode == 0:
                self._clear(self.y + 1, self.rows)
                for k in range(self.x, self.cols):
                    self.grid[self.y][k] = " "
            elif mode == 1:
                self._clear(0, self.y)
            else:
                self._clear(0, self.rows)
        elif final == "s":
            self._saved = (self.x, self.y)
        elif final == "u":
            self.x, self.y = self._saved

    def _clear(self, start: int, end: int) -> None:
        for r in range(start, end):
            self.grid[r] = [" "] * self.cols
            self.dirty_rows.add(r)

    # -- reading -----------------------------------------------------------
    def lines(self) -> list[str]:
        return ["".join(row) for row in self.grid]

    def text(self) -> str:
        return "\n".join(self.lines())

    def has_content(self) -> bool:
        return any(ch.strip() for row in self.grid for ch in row)


def shown_pattern(shown: int, total: int) -> re.Pattern[str]:
    """The status line's count, e.g. ``40/40 shown``, not matching ``140/40 shown``."""
    return re.compile(rf"(?<!\d){shown}/{total} shown")


@dataclass
class Session:
    """A child process on the slave side of a pseudo-terminal of a fixed size."""

    argv: Sequence[str]
    env: dict[str, str]
    cols: int = 80
    rows: int = 24
    cwd: str | None = None
    screen: Screen = field(init=False)
    started: float = field(init=False, default=0.0)
    first_byte: float | None = field(init=False, default=None)
    first_content: float | None = field(init=False, default=None)
    last_output: float = field(init=False, default=0.0)
    #: The last read that changed what the screen shows. Not the same as
    #: ``last_output``: an app may repaint the same cells for ever (fwtui's
    #: loading indicator, left animating under the list, does).
    last_change: float = field(init=False, default=0.0)
    bytes_read: int = field(init=False, default=0)
    returncode: int | None = field(init=False, default=None)
    maxrss_kib: int | None = field(init=False, default=None)
    peak_hwm_kib: int | None = field(init=False, default=None)
    eof: bool = field(init=False, default=False)
    ended: float | None = field(init=False, default=None)

    def start(self) -> None:
        self.screen = Screen(self.cols, self.rows)
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
        self.master = master
        self.started = time.perf_counter()
        self._shown = self.screen.text()
        self.proc = subprocess.Popen(
            list(self.argv),
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=self.env,
            cwd=self.cwd,
            start_new_session=True,
            preexec_fn=_controlling_tty,
            close_fds=True,
        )
        os.close(slave)

    # -- output ------------------------------------------------------------
    def pump(self, timeout: float) -> bool:
        """Read what is there within ``timeout`` seconds; False at end of output."""
        if self.eof:
            return False
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return True
        try:
            data = os.read(self.master, 1 << 16)
        except OSError:  # EIO: the slave side is closed, the child has gone
            data = b""
        now = time.perf_counter()
        if not data:
            self.eof = True
            self.ended = now
            return False
        if self.first_byte is None:
            self.first_byte = now
        self.screen.feed(data)
        self.last_output = now
        self.bytes_read += len(data)
        shown = self.screen.text()
        if shown != self._shown:
            self._shown = shown
            self.last_change = now
        if self.first_content is None and self.screen.has_content():
            self.first_content = now
        return True

    def wait_for(self, condition: Callable[[Screen], bool], timeout: float) -> float | None:
        """Seconds from process start until ``condition`` holds, or None on timeout."""
        return self.wait_for_since(condition, self.started, timeout)

    def wait_for_since(
        self, condition: Callable[[Screen], bool], since: float, timeout: float
    ) -> float | None:
        deadline = time.perf_counter() + timeout
        while True:
            if condition(self.screen):
                return self.last_output - since
            remaining = deadline - time.perf_counter()
            if remaining <= 0 or not self.pump(min(remaining, 0.5)):
                return self.last_output - since if condition(self.screen) else None

    def settle(self, quiet: float = 0.1, timeout: float = 5.0) -> None:
        """Read until the screen did not change for ``quiet`` seconds (counted from
        now at the earliest). Output that repaints the same cells does not count:
        an app that repaints for ever would otherwise make every settle time out."""
        begin = time.perf_counter()
        deadline = begin + timeout
        while time.perf_counter() < deadline:
            idle = time.perf_counter() - max(self.last_change, begin)
            if idle >= quiet:
                return
            if not self.pump(min(quiet - idle, deadline - time.perf_counter())):
                return

    def idle_output(self, seconds: float = 1.0) -> dict[str, float]:
        """Bytes written and CPU used per second while nothing is typed (after a settle)."""
        begin, bytes0, ticks0 = time.perf_counter(), self.bytes_read, self.cpu_ticks()
        changed0 = self.last_change
        while (left := begin + seconds - time.perf_counter()) > 0:
            if not self.pump(left):
                break
        elapsed = time.perf_counter() - begin
        ticks1 = self.cpu_ticks()
        cpu = (ticks1 - ticks0) / CLOCK_TICKS if ticks0 is not None and ticks1 is not None else 0.0
        return {
            "bytes_per_second": (self.bytes_read - bytes0) / elapsed,
            "cpu_share": cpu / elapsed,
            "screen_changed": float(self.last_change != changed0),
        }

    def cpu_ticks(self) -> int | None:
        """User and system CPU time of the child so far, in clock ticks."""
        try:
            stat = Path(f"/proc/{self.proc.pid}/stat").read_text(encoding="ascii")
        except OSError:
            return None
        fields = stat.rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    def wait_idle(self, quiet: float = 0.1, timeout: float = 60.0, busy: float = 0.25) -> None:
        """Keep reading until the child used at most ``busy`` of one CPU over the last
        ``quiet`` seconds: work still queued from the last key must not be charged
        to the next one. Not "no CPU at all": an app that keeps repainting while
        idle (a few percent of a CPU) would never be idle."""
        deadline = time.perf_counter() + timeout
        allowed = int(quiet * CLOCK_TICKS * busy)
        first = self.cpu_ticks()
        if first is None:
            return
        history = [(time.perf_counter(), first)]
        while time.perf_counter() < deadline:
            self.pump(0.02)
            ticks = self.cpu_ticks()
            if ticks is None:
                return
            now = time.perf_counter()
            history.append((now, ticks))
            # The oldest sample still at least ``quiet`` old: the window's start.
            while len(history) > 1 and now - history[1][0] >= quiet:
                history.pop(0)
            start, start_ticks = history[0]
            if now - start >= quiet and ticks - start_ticks <= allowed:
                return

    def write(self, data: bytes) -> float:
        """Write bytes as if typed; return the time they were written."""
        os.write(self.master, data)
        return time.perf_counter()

    def sample_hwm(self) -> None:
        """Peak resident memory so far (VmHWM), read from /proc while the child runs."""
        with contextlib.suppress(OSError, ValueError):
            status = Path(f"/proc/{self.proc.pid}/status").read_text(encoding="ascii")
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    self.peak_hwm_kib = int(line.split()[1])

    def run_to_exit(self, timeout: float) -> float | None:
        """Read until the child closes the terminal and exits; seconds since start."""
        deadline = time.perf_counter() + timeout
        while not self.eof and time.perf_counter() < deadline:
            self.pump(deadline - time.perf_counter())
        if not self.eof:
            return None
        self._reap(max(0.1, deadline - time.perf_counter()))
        assert self.ended is not None
        return self.ended - self.started

    def quit(self, keys: bytes = b"\x11", timeout: float = 5.0) -> None:
        """Send ``keys`` (ctrl+q), drain the output until exit; kill if it does not."""
        with contextlib.suppress(OSError):
            self.write(keys)
        deadline = time.perf_counter() + timeout
        while not self.eof and time.perf_counter() < deadline:
            self.pump(deadline - time.perf_counter())
        self._reap(max(0.1, deadline - time.perf_counter()))

    def _reap(self, timeout: float) -> None:
        deadline = time.perf_counter() + timeout
        while True:
            pid, status, usage = os.wait4(self.proc.pid, os.WNOHANG)
            if pid:
                self.proc.returncode = os.waitstatus_to_exitcode(status)
                self.returncode = self.proc.returncode
                self.maxrss_kib = usage.ru_maxrss
                break
            if time.perf_counter() > deadline:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                deadline = time.perf_counter() + 5
            # Keep draining: a child blocked on a full terminal never exits.
            if not self.eof:
                self.pump(0.01)
            else:
                time.sleep(0.002)
        with contextlib.suppress(OSError):
            os.close(self.master)

    def close(self) -> None:
        """Make sure the child is gone (after an error or a timeout)."""
        if self.returncode is None:
            with contextlib.suppress(ProcessLookupError, OSError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self._reap(5.0)


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _controlling_tty() -> None:
    # Runs in the child after setsid(): make the terminal its controlling terminal.
    with contextlib.suppress(OSError):
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)
