"""Where fwtui finds its data files, and nothing else: it never creates them.

This is the one seam the tests patch to keep a developer's own files out.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

BUNDLED_NAME = "frameworks.toml"
DATA_SCHEMA_NAME = "frameworks.schema.json"
OUTPUT_SCHEMA_NAME = "output.schema.json"


@dataclass(frozen=True)
class DataFile:
    """A data file fwtui would read, and why."""

    path: Path
    origin: str  # "bundled", "user config", "FWTUI_DATA" or "--data"
    required: bool  # a missing file is an error only when the user named it


def bundled_data() -> Path:
    """The catalog shipped with fwtui.

    In a wheel it sits inside the package (``fwtui/data``); in a source checkout
    it is the repository's ``data/frameworks.toml``.
    """
    packaged = Path(__file__).with_name("data") / BUNDLED_NAME
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / BUNDLED_NAME


def data_schema() -> Path:
    """The JSON Schema of the data format, for editors (``#:schema PATH``)."""
    return Path(__file__).with_name("schemas") / DATA_SCHEMA_NAME


def output_schema() -> Path:
    """The JSON Schema of ``--format json`` output."""
    return Path(__file__).with_name("schemas") / OUTPUT_SCHEMA_NAME


def config_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME`` or ``~/.config``, also on macOS (one dotfiles tree)."""
    env = os.environ if env is None else env
    base = env.get("XDG_CONFIG_HOME", "")
    if base and Path(base).is_absolute():
        return Path(base)
    return Path(env.get("HOME") or Path.home()) / ".config"


def state_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_STATE_HOME`` or ``~/.local/state``."""
    env = os.environ if env is None else env
    base = env.get("XDG_STATE_HOME", "")
    if base and Path(base).is_absolute():
        return Path(base)
    return Path(env.get("HOME") or Path.home()) / ".local" / "state"


def cache_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CACHE_HOME`` or ``~/.cache``."""
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME", "")
    if base and Path(base).is_absolute():
        return Path(base)
    return Path(env.get("HOME") or Path.home()) / ".cache"


def catalog_cache(env: Mapping[str, str] | None = None) -> Path:
    """Where loaded catalogs are cached (``fwtui.cache``); safe to delete."""
    return cache_home(env) / "fwtui"


def user_data_file(env: Mapping[str, str] | None = None) -> Path:
    """The user's own overlay: ``$XDG_CONFIG_HOME/fwtui/frameworks.toml``."""
    return config_home(env) / "fwtui" / BUNDLED_NAME


def data_files(
    extra: Sequence[str | Path] = (),
    *,
    bundled: bool = True,
    env: Mapping[str, str] | None = None,
) -> list[DataFile]:
    """Every data file in overlay order: later files win by id."""
    env = os.environ if env is None else env
    files: list[DataFile] = []
    if bundled:
        files.append(DataFile(bundled_data(), "bundled", True))
    user = user_data_file(env)
    if user.exists():
        files.append(DataFile(user, "user config", True))
    for part in env.get("FWTUI_DATA", "").split(os.pathsep):
        if part.strip():
            files.append(DataFile(Path(part).expanduser(), "FWTUI_DATA", True))
    files.extend(DataFile(Path(p).expanduser(), "--data", True) for p in extra)
    return files
