"""The command line as a process: pipes, a full disk, Ctrl+C, no terminal, and
which modules it imports."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fwtui.model import Catalog

pytestmark = pytest.mark.slow

TIMEOUT = 60


def run(
    cmd: list[str], *args: str, env: dict[str, str] | None = None, **kwargs: object
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [*cmd, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        env=dict(os.environ) if env is None else env,
        **kwargs,
    )


def test_piped_table_is_plain_and_does_not_wrap(fwtui_cmd: list[str]) -> None:
    # No terminal anywhere (stdin, stdout and stderr are not ttys) and no COLUMNS.
    assert "COLUMNS" not in os.environ
    result = run(fwtui_cmd, "compare", "pytorch", "tensorflow", "theano")
    assert (result.returncode, result.stderr) == (0, "")
    assert "\x1b" not in result.stdout
    long_con = (
        "- Enterprises must decide whether to depend on Google for these tools, given how "
        "Google developed services on top of Android and its general lack of enterprise support"
    )
    assert any(long_con in line for line in result.stdout.splitlines())
    assert all(line == line.rstrip() for line in result.stdout.splitlines())


def test_piped_table_fits_the_terminal_width_when_one_is_known(fwtui_cmd: list[str]) -> None:
    result = run(fwtui_cmd, "compare", "pytorch", "tensorflow", env={**os.environ, "COLUMNS": "70"})
    assert result.returncode == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 70
    assert "\x1b" not in result.stdout


def test_list_fits_80_columns(fwtui_cmd: list[str], bundled: Catalog) -> None:
    result = run(fwtui_cmd, "list", env={**os.environ, "COLUMNS": "80"})
    assert (result.returncode, result.stderr) == (0, "")
    rows = result.stdout.splitlines()
    assert len(rows) == 2 + len(bundled)  # header, rule, one line per framework: nothing folds
    assert max(len(row) for row in rows) <= 80
    # Every id is whole, first on its line; a long name may be cut short.
    assert sorted(row.split()[0] for row in rows[2:]) == sorted(fw.id for fw in bundled)
    names = {fw.id: fw.name for fw in bundled}
    for row in rows[2:]:
        fid, rest = row.split(maxsplit=1)
        shown = rest[: rest.index("  ")] if "  " in rest else rest
        assert names[fid] == shown or (shown.endswith("…") and names[fid].startswith(shown[:-1])), (
            row
        )
    wide = run(fwtui_cmd, "list", env={**os.environ, "COLUMNS": "200"})
    assert all(fw.name in wide.stdout for fw in bundled)  # room enough: nothing is cut
    assert "…" not in wide.stdout


def test_no_colour_when_piped_even_with_no_color_unset(fwtui_cmd: list[str]) -> None:
    result = run(fwtui_cmd, "show", "keras", env={**os.environ, "TERM": "xterm-256color"})
    assert result.returncode == 0
    assert "\x1b" not in result.stdout


def test_head_closes_the_pipe_quietly(fwtui_cmd: list[str]) -> None:
    command = " ".join(f"'{part}'" for part in fwtui_cmd)
    for args in ("list", "list --format json", "compare pytorch tensorflow theano -f json"):
        result = subprocess.run(
            ["bash", "-c", f"set -o pipefail; {command} {args} | head -1"],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env=dict(os.environ),
        )
        assert result.stdout.count("\n") == 1, args
        assert result.stderr == "", args
        assert result.returncode == 0, args


def test_sh_head_prints_one_line(fwtui_cmd: list[str]) -> None:
    command = " ".join(f"'{part}'" for part in fwtui_cmd)
    result = subprocess.run(
        ["sh", "-c", f"{command} list | head -1"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=dict(os.environ),
    )
    assert result.stdout.splitlines() == [result.stdout.rstrip("\n")]
    assert result.stdout.split() == ["ID", "Name", "Category", "Status", "First", "release"]
    assert result.stderr == ""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_full_disk(fwtui_cmd: list[str], fmt: str) -> None:
    with Path("/dev/full").open("w") as full:
        result = subprocess.run(
            [*fwtui_cmd, "show", "pytorch", "--format", fmt],
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=TIMEOUT,
            env=dict(os.environ),
        )
    assert result.returncode == 1
    assert result.stderr == "fwtui: could not write the output: No space left on device\n"


def test_closed_stdout(fwtui_cmd: list[str]) -> None:
    command = " ".join(f"'{part}'" for part in fwtui_cmd)
    result = subprocess.run(
        ["bash", "-c", f"{command} list >&-"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=dict(os.environ),
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_no_terminal_for_the_explorer(fwtui_cmd: list[str]) -> None:
    result = run(fwtui_cmd)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("fwtui: ")
    assert result.stderr.count("\n") == 1
    assert "fwtui list" in result.stderr


def test_bad_data_never_shows_a_traceback(fwtui_cmd: list[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_bytes(b'schema_version = 1\n[[framework]]\nid = "x\n')
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b"schema_version = 1\n# caf\xe9\n")
    for data in (broken, latin, tmp_path, tmp_path / "missing.toml"):
        for args in (["list"], ["show", "keras"], ["validate", str(data)], []):
            result = run(fwtui_cmd, "--data", str(data), *args)
            assert result.returncode == 2, (data, args)
            assert "Traceback" not in result.stderr, (data, args)
            if args:  # the explorer first says it has no terminal
                assert str(data) in result.stderr + result.stdout


def test_python_dash_m(tmp_path: Path) -> None:
    result = run([sys.executable, "-m", "fwtui"], "show", "keras", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("Keras  (keras, deep-learning)")


def test_ctrl_c_exits_130_without_traceback(fwtui_cmd: list[str], tmp_path: Path) -> None:
    # fwtui blocks reading a FIFO given as a data file; once it has opened it,
    # the interrupt arrives while a command runs, deterministically.
    fifo = tmp_path / "data.fifo"
    os.mkfifo(fifo)
    process = subprocess.Popen(
        [*fwtui_cmd, "--data", str(fifo), "list"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    writer = None
    try:
        deadline = time.monotonic() + TIMEOUT
        while writer is None:
            try:
                writer = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:  # ENXIO: fwtui has not opened it for reading yet
                assert process.poll() is None, process.communicate()
                assert time.monotonic() < deadline, "fwtui never read the FIFO"
                time.sleep(0.02)
        time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        if writer is not None:
            os.close(writer)
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 130
    assert "Traceback" not in err
    assert err == ""
    assert out == ""


HYGIENE = """
import sys
import fwtui.model, fwtui.catalog, fwtui.query, fwtui.compare, fwtui.cli
import fwtui.formats, fwtui.formats.csvout, fwtui.formats.detail, fwtui.formats.jsonout
import fwtui.formats.markdown, fwtui.formats.rows, fwtui.formats.text
from fwtui.cli import main
for argv in (["list"], ["show", "keras"], ["compare", "pytorch", "tensorflow"], ["validate"],
             ["list", "-f", "json"], ["compare", "keras", "theano", "-f", "markdown"]):
    assert main(argv) == 0, argv
leaked = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
assert not leaked, leaked
sys.stderr.write("clean\\n")
"""


def test_core_and_cli_never_import_textual(tmp_path: Path) -> None:
    result = run([sys.executable, "-c", HYGIENE], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "clean\n"
    assert "Keras" in result.stdout


def test_importing_fwtui_is_light() -> None:
    code = (
        "import sys, fwtui, fwtui.model, fwtui.catalog, fwtui.query;"
        "heavy = [m for m in ('textual', 'rich') if m in sys.modules];"
        "print(heavy)"
    )
    result = run([sys.executable, "-c", code])
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_an_output_encoding_without_unicode(fwtui_cmd: list[str], encoding: str) -> None:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    for args in (["show", "tensorflow"], ["compare", "keras", "theano", "-f", "markdown"]):
        result = subprocess.run(
            [*fwtui_cmd, *args],
            capture_output=True,
            timeout=TIMEOUT,
            env=env,
            stdin=subprocess.DEVNULL,
        )
        assert (result.returncode, result.stderr) == (0, b""), args
        out = result.stdout.decode(encoding)  # only what the encoding can carry
        if args[0] == "compare":
            chollet = "Fran?ois" if encoding == "ascii" else "François"
            assert f"| != Created by | {chollet} Chollet |" in out  # ASCII marks
        else:
            assert "Much ?fatter? than Torch" in out  # “ and ” are in neither
    utf8 = run(fwtui_cmd, "list", "-f", "json")
    escaped = subprocess.run(
        [*fwtui_cmd, "list", "-f", "json"], capture_output=True, timeout=TIMEOUT, env=env
    )
    assert escaped.returncode == 0
    assert escaped.stdout.isascii()
    assert json.loads(escaped.stdout) == json.loads(utf8.stdout)  # JSON loses nothing
