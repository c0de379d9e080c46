"""The wheel: built from the checkout, installed into a fresh virtual environment
outside the repository with the pinned versions, and run from elsewhere."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CONSTRAINTS = REPO / "constraints.txt"


def run(args: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(  # type: ignore[call-overload]
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=900,
        stdin=subprocess.DEVNULL,
        **kwargs,
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result  # type: ignore[no-any-return]


@pytest.mark.slow
def test_wheel_installs_and_runs_outside_the_repo(tmp_path: Path) -> None:
    assert REPO not in tmp_path.parents
    # Pinned build backend and dependencies, as `make` uses them.
    env = {**os.environ, "PIP_CONSTRAINT": str(CONSTRAINTS), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", wheels, REPO], env=env)
    (wheel,) = wheels.glob("fwtui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {
        "fwtui/data/frameworks.toml",
        "fwtui/schemas/frameworks.schema.json",
        "fwtui/schemas/output.schema.json",
        "fwtui/cli.py",
    } <= names

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv])
    python = venv / "bin" / "python"
    run([python, "-m", "pip", "install", "-q", "-c", CONSTRAINTS, wheel], env=env)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    fwtui = venv / "bin" / "fwtui"
    listed = run([fwtui, "list"], cwd=elsewhere, env=env)
    assert "Keras" in listed.stdout and "PyTorch" in listed.stdout
    # The wheel carries the whole catalog: today's facts (the default view)
    # and the article's, side by side.
    shown = run([fwtui, "show", "keras"], cwd=elsewhere, env=env)
    assert shown.stdout.startswith("Keras  (keras, deep-learning)")
    assert "JAX, TensorFlow, PyTorch" in shown.stdout
    then = run([fwtui, "show", "keras", "--as-of", "article"], cwd=elsewhere, env=env)
    assert "Theano, TensorFlow, Deeplearning4j" in then.stdout

    paths = run([fwtui, "--paths"], cwd=elsewhere, env=env).stdout.splitlines()
    bundled = Path(next(line for line in paths if line.startswith("bundled data")).split()[-1])
    site = Path(
        run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        ).stdout.strip()
    )
    assert bundled == site / "fwtui" / "data" / "frameworks.toml"
    assert bundled.is_file()
    assert REPO not in bundled.parents

    module = run(
        [python, "-m", "fwtui", "compare", "pytorch", "tensorflow", "-f", "json"], cwd=elsewhere
    )
    assert '"format": "fwtui.compare"' in module.stdout
