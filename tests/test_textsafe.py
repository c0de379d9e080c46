"""Untrusted strings: controls, bidi and invisible characters become visible."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fwtui.formats.jsonout import dumps
from fwtui.textsafe import has_unsafe, safe, safe_line

WriteToml = Callable[..., Path]

HOSTILE = {
    "esc": "\x1b",
    "csi clear screen": "\x1b[2J\x1b[H",
    "osc 52 clipboard": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "osc 8 link": "\x1b]8;;http://evil\x1b\\x\x1b]8;;\x1b\\",
    "bel": "\x07",
    "del": "\x7f",
    "c1 csi": "\x9b31m",
    "nul": "\x00",
    "rlo": "Keras\u202eoi",
    "zero width space": "Ker\u200bas",
    "zero width joiner": "Ker\u200das",
    "word joiner": "Ker\u2060as",
    "bom": "\ufeffKeras",
    "tag characters": "Keras\U000e0041\U000e0042",
    "line separator": "a\u2028b",
}
_INVISIBLE = set(range(0x00, 0x20)) - {0x09, 0x0A} | set(range(0x7F, 0xA0))
_INVISIBLE |= {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x2060, 0xFEFF}
_INVISIBLE |= set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | set(range(0xE0000, 0xE0080))


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_characters_become_visible(name: str) -> None:
    text = HOSTILE[name]
    shown = safe(text)
    assert has_unsafe(text)
    assert not has_unsafe(shown)
    assert not any(ord(ch) in _INVISIBLE for ch in shown), repr(shown)
    assert len(shown) >= len(text)  # nothing is dropped, only replaced


def test_placeholders() -> None:
    assert safe("\x1b[2J") == "␛[2J"
    assert safe("\x07") == "␇"
    assert safe("\x00") == "␀"
    assert safe("\x7f") == "␡"
    assert safe("\x9b") == "<U+009B>"
    assert safe("a\u202eb") == "a<U+202E>b"
    assert safe("a\u200bb") == "a<U+200B>b"
    assert safe("a\U000e0041") == "a<U+E0041>"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Keras",
        "PyTorch & Torch",
        "François Chollet",
        "深度学习",
        "café ☕",
        "[bold]x[/]",
        "a\tb",
    ],
)
def test_plain_strings_pass_unchanged(text: str) -> None:
    assert safe(text) == text
    assert not has_unsafe(text)


def test_safe_line_flattens_breaks() -> None:
    assert safe("one\ntwo") == "one\ntwo"
    assert safe_line("one\ntwo\tthree") == "one two three"
    assert safe_line("a\x1bb") == "a␛b"


@given(st.text())
def test_safe_is_idempotent_and_clean(text: str) -> None:
    shown = safe(text)
    assert safe(shown) == shown
    assert not has_unsafe(shown)


def _raw_unsafe_in(text: str) -> list[str]:
    return [ch for ch in text if ord(ch) in _INVISIBLE and ch not in "\n"]


def test_json_escapes_but_keeps_the_original() -> None:
    document: dict[str, Any] = {"name": "".join(HOSTILE.values()), "plain": "François 深度"}
    text = dumps(document)
    assert _raw_unsafe_in(text) == []
    assert json.loads(text) == document
    assert "François 深度" in text  # readable text stays readable


@given(st.text())
def test_json_round_trips_any_string(text: str) -> None:
    out = dumps({"s": text})
    assert _raw_unsafe_in(out) == []
    assert json.loads(out) == {"s": text}


def toml_string(text: str) -> str:
    """A TOML basic string, with every non-printable character escaped."""

    def one(ch: str) -> str:
        if ch.isprintable() and ch not in '"\\':
            return ch
        return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"

    return '"' + "".join(one(ch) for ch in text) + '"'


EVIL = "Evil\x1b[2J\x1b]52;c;eA==\x07\x9b\u202eName\u200b"
EVIL_SHOWN = "Evil␛[2J␛]52;c;eA==␇<U+009B><U+202E>Name<U+200B>"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_hostile_data_through_every_format(cli: Any, write_toml: WriteToml) -> None:
    path = write_toml(
        "schema_version = 1\n[[framework]]\n"
        'id = "evil"\n'
        f"name = {toml_string(EVIL)}\n"
        'category = "deep-learning"\n'
        f"summary = {toml_string('Clears' + chr(0x1B) + '[2J the screen')}\n"
        f"pros = [{toml_string(chr(0x9B) + '31m red')}]\n"
    )
    for command in (["list"], ["show", "evil"], ["compare", "evil", "keras"]):
        for fmt in ("table", "markdown", "csv", "json"):
            result = cli("--data", path, *command, "--format", fmt)
            assert result.code == 0, (command, fmt, result.err)
            assert _raw_unsafe_in(result.out) == [], (command, fmt)
            if fmt == "json":
                # The original, escaped, not lost.
                assert EVIL in _strings(json.loads(result.out)), command
            else:
                # Markdown escapes its own syntax ([, <): the placeholders stay.
                out = result.out.replace("\\", "") if fmt == "markdown" else result.out
                assert EVIL_SHOWN in out, (command, fmt)
