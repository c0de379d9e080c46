"""The benchmark virtual environment: fwtui as users run it, and the machine it runs on.

fwtui is built into a wheel from the checkout, installed with the pinned
versions into ``<cache>/venv`` and compiled with ``compileall``, so no module
is compiled at start (these machines set ``PYTHONDONTWRITEBYTECODE=1``, under
which an editable checkout would recompile fwtui at every start while
Textual's modules would not be). The environment is rebuilt only when the
sources, data, ``pyproject.toml`` or ``constraints.txt`` change.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CONSTRAINTS = REPO / "constraints.txt"
#: Variables that would let the developer's set-up decide a measurement.
CLEARED = (
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONPROFILEIMPORTTIME",
    "PYTHONSTARTUP",
    "PYTHONPATH",
    "FWTUI_DATA",
    "NO_COLOR",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
    "TEXTUAL",
    "TEXTUAL_DEBUG",
)


def source_key() -> str:
    """A hash of everything the wheel is built from."""
    digest = hashlib.sha256(sys.version.encode())
    files = sorted((REPO / "src").rglob("*"))
    files += [REPO / "data" / "frameworks.toml", REPO / "pyproject.toml", CONSTRAINTS]
    files.append(REPO / "README.md")
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(REPO)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _run(args: list[str | Path], env: dict[str, str] | None = None) -> None:
    result = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=900,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{args} failed:\n{result.stdout}\n{result.stderr}")


def ensure_venv(cache: Path, log: object = print) -> tuple[Path, str]:
    """The Python of a virtual environment with fwtui installed from a wheel."""
    key = source_key()
    venv = cache / "venv"
    python = venv / "bin" / "python"
    stamp = venv / "fwtui-source-key"
    if python.exists() and stamp.exists() and stamp.read_text() == key:
        return python, key
    log(f"building the wheel and the benchmark environment in {venv} ...")  # type: ignore[operator]
    env = {**os.environ, "PIP_CONSTRAINT": str(CONSTRAINTS), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    wheels = cache / "wheels"
    shutil.rmtree(wheels, ignore_errors=True)
    shutil.rmtree(venv, ignore_errors=True)
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", wheels, REPO], env=env)
    (wheel,) = wheels.glob("fwtui-*.whl")
    _run([sys.executable, "-m", "venv", venv])
    _run([python, "-m", "pip", "install", "-q", "-c", CONSTRAINTS, wheel], env=env)
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    _run([python, "-m", "compileall", "-q", site])
    stamp.write_text(key)
    return python, key


def child_env(cache: Path) -> dict[str, str]:
    """The environment of every measured process: no user files, a known terminal."""
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    home = cache / "home"
    for sub in ("config", "state", "cache", "data"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        TERM="xterm-256color",
        COLORTERM="truecolor",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    env.pop("SSH_CONNECTION", None)
    env.pop("SSH_TTY", None)
    return env


def machine() -> dict[str, str]:
    """nproc, CPU model, memory and the operating system."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1048576:.1f} GiB"
                break
    except OSError:
        pass
    return {
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu": cpu,
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
    }
