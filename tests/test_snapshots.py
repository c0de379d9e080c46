"""Snapshots of the explorer's screens (pytest-textual-snapshot)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("pytest_textual_snapshot")

from tests.snapshot_scenes import SCENES, Scene

pytestmark = pytest.mark.tui


@pytest.mark.parametrize("scene", SCENES, ids=[s.name for s in SCENES])
def test_screen(scene: Scene, snap_compare: Any) -> None:
    assert snap_compare(scene.app(), press=list(scene.press), terminal_size=scene.size)
