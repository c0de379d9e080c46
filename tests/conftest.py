"""Shared fixtures. Importable without Textual: the core and CLI tests also run
on Python 3.10 with only the runtime dependencies, pytest, hypothesis and
jsonschema (``make test310``)."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from fwtui.catalog import load
from fwtui.model import Catalog
from fwtui.paths import DataFile, bundled_data

REPO = Path(__file__).resolve().parents[1]

#: Environment variables that would let a developer's own set-up decide a
#: test: where fwtui finds user files, and what Rich makes of the terminal.
_CLEARED = (
    "FWTUI_DATA",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "CLICOLOR_FORCE",
    "COLUMNS",
    "LINES",
)


@dataclass(frozen=True)
class IsolatedEnv:
    """The temporary directories the autouse fixture points the environment at."""

    home: Path
    config: Path
    state: Path
    cache: Path
    data: Path

    @property
    def user_data(self) -> Path:
        """Where fwtui looks for the user's own overlay."""
        return self.config / "fwtui" / "frameworks.toml"


@pytest.fixture(autouse=True)
def isolated_env(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[IsolatedEnv]:
    """HOME and the XDG directories in temporary folders; FWTUI_DATA, NO_COLOR
    and COLUMNS unset: a developer's own files never decide a test."""
    base = tmp_path_factory.mktemp("env")
    env = IsolatedEnv(
        home=base / "home",
        config=base / "config",
        state=base / "state",
        cache=base / "cache",
        data=base / "data",
    )
    for path in (env.home, env.config, env.state, env.cache, env.data):
        path.mkdir()
    monkeypatch.setenv("HOME", str(env.home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(env.config))
    monkeypatch.setenv("XDG_STATE_HOME", str(env.state))
    monkeypatch.setenv("XDG_CACHE_HOME", str(env.cache))
    monkeypatch.setenv("XDG_DATA_HOME", str(env.data))
    for name in _CLEARED:
        monkeypatch.delenv(name, raising=False)
        # GNU readline (imported by some plugins) exports LINES and COLUMNS with
        # setenv() behind os.environ's back; subprocesses would inherit them.
        os.unsetenv(name)
    yield env


@pytest.fixture(scope="session")
def bundled() -> Catalog:
    """The bundled catalog, loaded once (it is immutable)."""
    result = load([DataFile(bundled_data(), "bundled", True)])
    assert result.catalog is not None, [p.format() for p in result.problems]
    return result.catalog


@pytest.fixture
def write_toml(tmp_path: Path) -> Callable[..., Path]:
    """Write a data file (dedented) into tmp_path and return its path."""

    def write(text: str, name: str = "data.toml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run ``fwtui.cli.main(args)`` in-process and capture what it printed."""
    from fwtui.cli import main

    def run(*args: str | os.PathLike[str]) -> CliResult:
        capsys.readouterr()
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            code = exc.code if isinstance(exc.code, int) else 1
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def fwtui_cmd() -> list[str]:
    """How to start fwtui in a subprocess: the venv's console script."""
    script = Path(sys.executable).with_name("fwtui")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "fwtui"]
