"""Writing an exported view to a file: never a loaded file, never a silent overwrite."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from fwtui.formats.documents import EXPORT_FORMATS


class ExportRefused(Exception):
    """The path must not be written; the message says why."""


def format_for(path: Path) -> str:
    """The export format a file name asks for; Markdown when it says nothing."""
    suffix = path.suffix.lower()
    for fmt, ext in EXPORT_FORMATS.items():
        if suffix == ext or (fmt == "markdown" and suffix == ".markdown"):
            return fmt
    return "markdown"


def resolve_target(text: str, cwd: Path | None = None) -> Path:
    """The absolute path a user typed (``~`` expanded, relative to ``cwd``)."""
    path = Path(text.strip()).expanduser()
    if not path.is_absolute():
        path = (cwd or Path.cwd()) / path
    return path


def check_target(path: Path, protected: Iterable[Path]) -> None:
    """Refuse directories and any file fwtui reads (data files, settings)."""
    if not path.name:
        raise ExportRefused("give a file name")
    if path.is_dir():
        raise ExportRefused(f"{path} is a directory")
    target = path.resolve()
    for other in protected:
        if target == Path(other).expanduser().resolve():
            raise ExportRefused(f"{path} is a file fwtui reads; choose another name")
    if not path.parent.is_dir():
        raise ExportRefused(f"the folder {path.parent} does not exist")


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise
