"""Settings (config.toml) validation and the remembered state; no Textual needed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fwtui.settings import (
    VIM_PRESET,
    Action,
    load_settings,
    read_state,
    settings_file,
    state_file,
    write_state,
)

ACTIONS = [
    Action("quit-app", "ctrl+q", "App", "Quit"),
    Action("help", "question_mark", "App", "Help"),
    Action("compare", "c", "MainScreen", "Compare"),
    Action("sort", "s", "MainScreen", "Sort"),
    Action("filter", "slash", "MainScreen", "Filter"),
    Action("swap", "s", "CompareScreen", "Swap"),
    Action("next-difference", "right_square_bracket", "CompareScreen", "Next difference"),
    Action("previous-difference", "left_square_bracket", "CompareScreen", "Previous difference"),
]
THEMES = ["textual-dark", "textual-light", "ansi-dark", "ansi-light"]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_defaults(tmp_path: Path) -> None:
    settings, problems = load_settings(tmp_path / "missing.toml", ACTIONS, THEMES)
    assert problems == [] and settings.theme is None and dict(settings.keymap) == {}


def test_a_good_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'theme = "ansi-light"\nneeds = ["status:active"]\n[keys]\ncompare = "C,ctrl+k"\n',
    )
    settings, problems = load_settings(path, ACTIONS, THEMES)
    assert problems == []
    assert settings.theme == "ansi-light"
    assert settings.needs == ("status:active",)
    assert dict(settings.keymap) == {"compare": "C,ctrl+k"}


def test_vim_preset_then_user_keys_win(tmp_path: Path) -> None:
    path = write(tmp_path, 'keymap = "vim"\n[keys]\nnext-difference = "J"\n')
    settings, problems = load_settings(path, ACTIONS, THEMES)
    assert problems == []
    assert settings.keymap["next-difference"] == "J"
    assert settings.keymap["previous-difference"] == VIM_PRESET["previous-difference"]


def test_unknown_action_theme_preset_and_key_have_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'theme = "solarized-lite"\nkeymap = "emacs"\ncolour = 1\n[keys]\ncompar = "x"\n',
    )
    _, problems = load_settings(path, ACTIONS, THEMES)
    found = {(p.code, p.line) for p in problems}
    assert ("E014", 1) in found  # theme
    assert ("E014", 2) in found  # preset
    assert ("E011", 3) in found  # unknown setting
    assert ("E014", 5) in found  # unknown action
    by_line = {p.line: p for p in problems}
    assert "did you mean 'compare'" in (by_line[5].hint or "")
    assert all(p.file == str(path) for p in problems)


def test_clashing_keys_are_reported(tmp_path: Path) -> None:
    # "s" already sorts on the main screen; binding compare to it clashes there.
    path = write(tmp_path, '[keys]\ncompare = "s"\n')
    _, problems = load_settings(path, ACTIONS, THEMES)
    assert [p.code for p in problems] == ["E020"]
    assert "'s'" in problems[0].message and problems[0].line == 2
    # The same key in another view is fine: swap is on the compare screen.
    path = write(tmp_path, '[keys]\nswap = "c"\n')
    assert load_settings(path, ACTIONS, THEMES)[1] == []
    # An app-wide key clashes with every view.
    path = write(tmp_path, '[keys]\nhelp = "c"\n')
    assert [p.code for p in load_settings(path, ACTIONS, THEMES)[1]] == ["E020"]


def test_tmux_prefix_keys_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, '[keys]\ncompare = "ctrl+b"\n')
    _, problems = load_settings(path, ACTIONS, THEMES)
    assert problems and "tmux" in problems[0].message


def test_state_is_written_atomically_and_a_foreign_file_is_ignored(
    isolated_env: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_state({"theme": "ansi-light"})
    assert path == state_file()
    assert read_state()["theme"] == "ansi-light"
    assert sorted(p.name for p in path.parent.iterdir()) == ["state.json"]
    path.write_text("not json {")
    assert read_state() == {}
    path.write_text(json.dumps({"theme": "x"}))  # no format marker: foreign
    assert read_state() == {}
    assert settings_file().name == "config.toml"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("theme = " + "9" * 5000 + "\n", "cannot be parsed"),
        ("keys = " + "[" * 5000 + "]" * 5000 + "\n", "cannot be parsed"),
        ("theme = 'x'\n" + "# padding\n" * 40_000, "is larger than 256 KB"),
    ],
    ids=["huge-integer", "deep-arrays", "huge-file"],
)
def test_hostile_settings_are_problems_not_crashes(
    tmp_path: Path, text: str, expected: str
) -> None:
    settings, problems = load_settings(write(tmp_path, text), ACTIONS, THEMES)
    assert settings.theme is None
    assert len(problems) == 1
    assert expected in problems[0].format()
    assert problems[0].file.endswith("config.toml")
