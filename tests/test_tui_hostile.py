"""Hostile strings in the explorer: shown literally, never run, never sent raw."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("textual")

from textual.widgets import Static

from fwtui.catalog import load_catalog
from fwtui.paths import DataFile
from fwtui.tui.app import FwtuiApp, build_app
from fwtui.tui.screens.compare import CompareScreen, CompareTable
from fwtui.tui.screens.help import HelpScreen
from fwtui.tui.screens.main import MainScreen
from fwtui.tui.widgets.detail import DetailPane
from fwtui.tui.widgets.framework_list import FrameworkList
from tests.ptyrun import explorer, isolated_env, run_in_pty

pytestmark = pytest.mark.tui

ESC = "\x1b"
HOSTILE = {
    "markup": "[bold red]Evil[/] [@click=app.quit]click[/] [link=file:///etc/passwd]link[/] [/]",
    "emoji": ":smile: :thumbs_up: {0} {name} %s %(x)s",
    "csi": f"{ESC}[2J{ESC}[31mREDTEXT{ESC}[H",
    "osc52": f"{ESC}]52;c;SEFDS0VE{ESC}\\",
    "title": f"{ESC}]0;PWNED\x07",
    "osc8": f"{ESC}]8;;https://evil.example/{ESC}\\trap{ESC}]8;;{ESC}\\",
    "c1": "\x9b31mC1TEXT \x85 \x90q\x9c",
    "controls": "BEL\x07 DEL\x7f NUL\x00 BS\x08 end",
    "bidi": "Keras\u202e\u2066sarek\u2069\u202c",
    "zero_width": "Py\u200bTorch\u200d\ufeff",
    "wide": "深度学习框架 🤖🧠 café ñ e\u0301 Z\u0351\u0352",
    "long_word": "x" * 10_000,
    "long_text": ("word " * 2_000).strip(),
}


def toml_str(value: str) -> str:
    """A TOML basic string: controls escaped as TOML requires, everything else raw."""
    out = []
    for ch in value:
        if ch in '"\\' or ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def hostile_data(path: Path) -> Path:
    lines = ["schema_version = 1", "[sources.src]", f"title = {toml_str(HOSTILE['title'])}"]
    lines += [
        "[[attributes]]",
        'key = "evil"',
        f"label = {toml_str(HOSTILE['markup'])}",
        'kind = "text"',
    ]
    for i, (key, value) in enumerate(HOSTILE.items()):
        lines += [
            "[[framework]]",
            f'id = "h{i:02d}-{key.replace("_", "-")}"',
            f"name = {toml_str(value[:60])}",
            'category = "deep-learning"',
            f"summary = {toml_str(value)}",
            f"tags = [{toml_str(value[:20])}]",
            'sources = ["src"]',
            f"pros = [{toml_str(value)}]",
            f"cons = [{{ text = {toml_str(value)}, source = 'src' }}]",
            "[framework.facts]",
            f"evil = {toml_str(value)}",
            "[[framework.history]]",
            'date = "2020"',
            f"event = {toml_str(value)}",
            'source = "src"',
        ]
    lines += [
        "[[framework]]",
        'id = "empty"',
        'name = "Empty"',
        'category = "machine-learning"',
        'summary = ""',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_app(path: Path) -> FwtuiApp:
    files = [DataFile(path, "--data", True)]
    return build_app(load_catalog(files), files=files)


def screen_text(app: FwtuiApp) -> str:
    parts = [str(s.render()) for s in app.screen.query(Static)]
    for table in app.screen.query(FrameworkList):
        parts += [str(c) for i in range(table.row_count) for c in table.get_row_at(i)]
    for table in app.screen.query(CompareTable):
        parts += [str(c.label) for c in table.columns.values()]
        parts += [str(c) for i in range(table.row_count) for c in table.get_row_at(i)]
    return "\n".join(parts)


@pytest.mark.parametrize("size", [(80, 24), (40, 12), (200, 50)])
async def test_every_view_shows_hostile_strings_literally(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(hostile_data(tmp_path / "hostile.toml"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        seen = screen_text(app)
        assert "[bold red]Evil[/]" in seen
        assert "␛[2J␛[31mREDTEXT" in seen
        screen = app.screen
        assert isinstance(screen, MainScreen)
        # Walk every framework so each one's detail is rendered.
        for _ in range(len(app.catalog)):
            await pilot.press("j")
        detail = "\n".join(str(s.render()) for s in screen.query_one(DetailPane).query(Static))
        assert ESC not in detail and "\x9b" not in detail and "\u202e" not in detail
        screen.marked = tuple(fw.id for fw in app.catalog.frameworks[:8])
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        compare = screen_text(app)
        assert "[@click=app.quit]click[/]" in compare
        assert ESC not in compare and "\u200b" not in compare
        await pilot.press("d", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"evil")
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running  # no markup ran: [@click=app.quit] did not quit


def test_no_control_sequence_from_data_reaches_the_terminal(tmp_path: Path) -> None:
    data = hostile_data(tmp_path / "hostile.toml")
    keys = [b"j"] * 6 + [b"\t", b"\t", b" ", b"k", b" ", b"c", b"d", b"?", b"\x1b", b"\x1b"]
    code, out = run_in_pty(
        explorer("--no-bundled", "--data", str(data)),
        [*keys, b"\x11"],
        isolated_env(tmp_path),
        settle=0.3,
    )
    assert code == 0
    assert b"Traceback" not in out
    forbidden = {
        "OSC 52 clipboard write": b"\x1b]52;",
        "window title": b"\x1b]0;PWNED",
        "OSC 8 link from data": b"\x1b]8;;https://evil",
        "colour from data": b"\x1b[31mREDTEXT",
        "C1 CSI": "\x9b".encode(),
        "NEL": "\x85".encode(),
        "DEL": b"\x7f",
        "NUL": b"\x00",
        "BEL from data": b"BEL\x07",
        "RLO": "\u202e".encode(),
        "zero-width space": "\u200b".encode(),
    }
    leaks = [name for name, raw in forbidden.items() if raw in out]
    assert leaks == []
    assert "␛".encode() in out  # the controls were shown, as placeholders


@pytest.mark.parametrize(
    "env",
    [
        {"NO_COLOR": "1"},
        {"TERM": "linux"},
        {"TERM": "xterm-16color"},
        {"TEXTUAL_COLOR_SYSTEM": "standard"},
        {"LANG": "C", "LC_ALL": "C"},
    ],
    ids=["no-color", "term-linux", "16-colour", "standard", "lang-c"],
)
def test_harsh_environments_run_and_are_usable(tmp_path: Path, env: dict[str, str]) -> None:
    code, out = run_in_pty(
        explorer(),
        [b"/", b"k", b"e", b"r", b"a", b"s", b"\r", b"\x11"],
        isolated_env(tmp_path, **env),
    )
    assert code == 0
    assert b"Traceback" not in out
    assert b"Keras" in out and b"shown" in out
    if "NO_COLOR" in env:
        # Monochrome: no foreground colour codes beyond the 16 greys Textual maps to.
        assert b"\x1b[38;2;" not in out


def test_term_dumb_refuses_with_a_clear_message(tmp_path: Path) -> None:
    code, out = run_in_pty(explorer(), [], isolated_env(tmp_path, TERM="dumb"), ready=b"fwtui")
    assert code == 2
    assert b"TERM=dumb" in out and b"Traceback" not in out
