"""The user's settings file and the explorer's remembered state.

Settings live in ``$XDG_CONFIG_HOME/fwtui/config.toml``; fwtui only reads
them. What fwtui remembers by itself (the last theme chosen) goes to a state
file under ``$XDG_STATE_HOME/fwtui/``, written atomically, never to the
settings or data files. A corrupt or foreign state file is ignored.

Which actions and themes exist is the explorer's knowledge, so validation
takes them as arguments: this module stays free of Textual.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fwtui.locate import Locator
from fwtui.paths import config_home, state_home
from fwtui.problems import Problem, did_you_mean

MAX_SETTINGS_BYTES = 256 * 1024
SETTINGS_KEYS = ("theme", "keymap", "needs", "keys")
PRESETS = ("default", "vim")
#: What the vim preset changes, by action id: n/N jump between differences,
#: and the filter answers ctrl+f as well as "/".
VIM_PRESET: dict[str, str] = {
    "next-difference": "n,right_square_bracket",
    "previous-difference": "N,left_square_bracket",
    "filter": "slash,ctrl+f",
}
#: Prefix keys of tmux and screen: bindings may not take them.
RESERVED_KEYS = frozenset({"ctrl+a", "ctrl+b"})


@dataclass(frozen=True)
class Action:
    """A remappable action: its id, default keys and where it is bound."""

    id: str
    keys: str
    scope: str  # the class that declares it; "App" clashes with every scope
    description: str = ""


@dataclass(frozen=True)
class Settings:
    """Validated settings: a theme, key overrides by action id, default needs."""

    theme: str | None = None
    keymap: Mapping[str, str] = field(default_factory=dict)
    needs: tuple[str, ...] = ()
    path: Path | None = None


def settings_file(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/fwtui/config.toml``."""
    return config_home(env) / "fwtui" / "config.toml"


def state_file(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_STATE_HOME/fwtui/state.json``."""
    return state_home(env) / "fwtui" / "state.json"


def _normalise_keys(keys: str) -> list[str]:
    return [k.strip() for k in keys.split(",") if k.strip()]


def load_settings(
    path: Path,
    actions: Sequence[Action],
    themes: Sequence[str],
) -> tuple[Settings, list[Problem]]:
    """Read and check ``path``; a missing file is no settings and no problem."""
    if not path.exists():
        return Settings(), []
    name = str(path)
    try:
        with path.open("rb") as stream:
            # A settings file is a few lines: more than this is not one (and a
            # device or a huge file must not fill the memory).
            data = stream.read(MAX_SETTINGS_BYTES + 1)
        if len(data) > MAX_SETTINGS_BYTES:
            limit = f"{MAX_SETTINGS_BYTES // 1024} KB"
            return Settings(), [Problem("E005", name, f"is larger than {limit}")]
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Settings(), [Problem("E002", name, "is not UTF-8 text")]
    except OSError as exc:
        return Settings(), [Problem("E001", name, f"cannot be read: {exc.strerror or exc}")]
    from fwtui import tomlcompat  # only a settings file, when there is one, is parsed

    try:
        doc = tomlcompat.loads(text)
    except tomlcompat.TOMLDecodeError as exc:
        return Settings(), [Problem("E003", name, f"TOML syntax error: {exc}")]
    except (ValueError, RecursionError) as exc:
        # The parser's own limits: an integer of thousands of digits, or
        # arrays nested thousands deep.
        reason = "nested too deep" if isinstance(exc, RecursionError) else str(exc)
        return Settings(), [Problem("E003", name, f"cannot be parsed: {reason}")]
    locator = Locator(text)
    problems: list[Problem] = []

    def report(
        code: str, message: str, where: tuple[str | int, ...], hint: str | None = None
    ) -> None:
        hit = locator.find(where)
        line, column = hit if hit else (None, None)
        problems.append(
            Problem(code, name, message, line, column, None, ".".join(map(str, where)), hint)
        )

    for key in doc:
        if key not in SETTINGS_KEYS:
            report("E011", f"unknown setting {key!r}", (key,), did_you_mean(key, SETTINGS_KEYS))
    theme = doc.get("theme")
    if theme is not None and (not isinstance(theme, str) or theme not in themes):
        report("E014", f"unknown theme {theme!r}", ("theme",), did_you_mean(str(theme), themes))
        theme = None
    preset = doc.get("keymap", "default")
    if not isinstance(preset, str) or preset not in PRESETS:
        report(
            "E014",
            f"unknown keymap preset {preset!r}; expected one of {', '.join(PRESETS)}",
            ("keymap",),
            did_you_mean(str(preset), PRESETS),
        )
        preset = "default"
    needs = doc.get("needs", [])
    if not isinstance(needs, list) or not all(isinstance(n, str) for n in needs):
        report("E012", 'needs must be an array of strings such as "status:active"', ("needs",))
        needs = []
    by_id = {a.id: a for a in actions}
    overrides: dict[str, str] = dict(VIM_PRESET) if preset == "vim" else {}
    keys = doc.get("keys", {})
    if not isinstance(keys, dict):
        report("E012", 'keys must be a table of action = "key,key"', ("keys",))
        keys = {}
    for action_id, value in keys.items():
        if action_id not in by_id:
            report(
                "E014",
                f"unknown action {action_id!r}",
                ("keys", action_id),
                did_you_mean(action_id, by_id) or "`fwtui --keys` lists the actions",
            )
            continue
        if not isinstance(value, str) or not _normalise_keys(value):
            report(
                "E012",
                f'keys for {action_id!r} must be a string such as "c" or "c,ctrl+k"',
                ("keys", action_id),
            )
            continue
        overrides[action_id] = value
    for message, involved in _clashes(actions, overrides):
        # Point at the user's own line for one of the actions, else at the preset.
        mine = [a for a in involved if a in keys]
        where: tuple[str | int, ...] = ("keys", mine[0]) if mine else ("keymap",)
        report("E020" if len(involved) > 1 else "E014", message, where)
    settings = Settings(theme, overrides, tuple(needs), path)
    return settings, problems


def _clashes(
    actions: Sequence[Action], overrides: Mapping[str, str]
) -> list[tuple[str, tuple[str, ...]]]:
    """(message, action ids) for each key two actions share in one view, and for
    each tmux/screen prefix key. App-wide actions share a view with every other."""
    found: list[tuple[str, tuple[str, ...]]] = []
    owner: dict[tuple[str, str], str] = {}
    # App-wide actions first, so a view's action is checked against them.
    for action in sorted(actions, key=lambda a: a.scope != "App"):
        for key in _normalise_keys(overrides.get(action.id, action.keys)):
            if key in RESERVED_KEYS:
                found.append(
                    (
                        f"{key} is a tmux/screen prefix key; bind {action.id!r} elsewhere",
                        (action.id,),
                    )
                )
            scopes = {"App", action.scope}
            clash = next((owner[(s, key)] for s in scopes if (s, key) in owner), None)
            if action.scope == "App":
                clash = clash or next((v for (s, k), v in owner.items() if k == key), None)
            if clash is not None and clash != action.id:
                found.append(
                    (
                        f"key {key!r} is bound to both {clash!r} and {action.id!r}",
                        (clash, action.id),
                    )
                )
            owner[(action.scope, key)] = action.id
    return found


def read_state(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The remembered state; anything unreadable or foreign is ignored."""
    try:
        data = json.loads(state_file(env).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(data, dict) or data.get("format") != "fwtui.state/1":
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def write_state(values: Mapping[str, str], env: Mapping[str, str] | None = None) -> Path:
    """Remember ``values`` (atomically); returns the state file's path."""
    path = state_file(env)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": "fwtui.state/1", **values}
    from fwtui.export import write_atomic  # only when the theme changes

    write_atomic(path, json.dumps(data, indent=2) + "\n")
    return path
