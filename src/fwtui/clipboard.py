"""Copying text to the clipboard from a terminal, over SSH and inside tmux.

Inside tmux the text goes to tmux's buffer with ``tmux load-buffer -w -``
(``-w`` also hands it to the outer terminal's clipboard when tmux is set to);
elsewhere it is sent as an OSC 52 sequence, which the terminal may or may not
honour: no terminal confirms delivery, so callers say so.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass

#: Many terminals drop OSC 52 payloads beyond about this size.
OSC52_LIMIT = 100_000


@dataclass(frozen=True)
class CopyPlan:
    """How text will be copied: through tmux, or an OSC 52 sequence to write."""

    method: str  # "tmux" or "osc52"
    size: int  # bytes of UTF-8 text
    sequence: str = ""  # the OSC 52 sequence, for method "osc52"
    warning: str = ""


def osc52(text: str) -> str:
    """The OSC 52 sequence that asks the terminal to set its clipboard."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{payload}\x07"


def in_tmux(env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    return bool(env.get("TMUX")) and shutil.which("tmux") is not None


def copy_via_tmux(text: str) -> None:
    """Load ``text`` into tmux's paste buffer; raise OSError on failure."""
    result = subprocess.run(
        ["tmux", "load-buffer", "-w", "-"],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=5,
        check=False,
    )
    if result.returncode != 0:
        reason = result.stderr.decode("utf-8", "replace").strip() or f"exit {result.returncode}"
        raise OSError(f"tmux load-buffer failed: {reason}")


def plan_copy(text: str, env: Mapping[str, str] | None = None) -> CopyPlan:
    """Decide how to copy ``text``; tmux when inside it, else OSC 52."""
    size = len(text.encode("utf-8"))
    if in_tmux(env):
        return CopyPlan("tmux", size)
    warning = ""
    if size > OSC52_LIMIT:
        warning = f"{size} bytes is more than many terminals accept through OSC 52"
    return CopyPlan("osc52", size, osc52(text), warning)
