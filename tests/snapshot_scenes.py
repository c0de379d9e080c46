"""Scenes shared by the snapshot tests and `make screenshots`: app, keys, size."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fwtui.catalog import load_catalog
from fwtui.paths import data_files
from fwtui.tui.app import FwtuiApp, build_app


def bundled_app() -> FwtuiApp:
    """The explorer over the bundled data only: no user files, deterministic."""
    files = data_files([], bundled=True, env={})
    return build_app(load_catalog(files), files=files)


@dataclass(frozen=True)
class Scene:
    """One screen worth a picture."""

    name: str
    press: tuple[str, ...]
    size: tuple[int, int]
    app: Callable[[], FwtuiApp] = bundled_app


COMPARE_KEYS = (
    "slash",
    *"pytorch",
    "enter",
    "space",
    "slash",
    *"tensorflow",
    "enter",
    "space",
    "slash",
    *"theano",
    "enter",
    "space",
    "escape",
    "c",
)

SCENES: tuple[Scene, ...] = (
    Scene("main", (), (120, 36)),
    Scene("main-80x24", (), (80, 24)),
    Scene("filtered", ("slash", *"dyn"), (100, 30)),
    Scene("detail-keras", ("slash", *"keras", "enter"), (100, 36)),
    Scene("compare", COMPARE_KEYS, (120, 36)),
    Scene("compare-differences", (*COMPARE_KEYS, "d"), (120, 36)),
    Scene("help", ("question_mark",), (100, 40)),
    Scene("narrow-60x30", (), (60, 30)),
    Scene("tiny-40x12", (), (40, 12)),
    Scene("wide-200x50", ("slash", *"theano", "enter"), (200, 50)),
)
