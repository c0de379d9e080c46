"""Regenerate screenshots/*.svg (``make screenshots``) from the snapshot scenes."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from tests.snapshot_scenes import SCENES, Scene


async def _shoot(scene: Scene, folder: Path) -> Path:
    app = scene.app()
    async with app.run_test(size=scene.size) as pilot:
        await pilot.pause()
        for key in scene.press:
            await pilot.press(key)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        app.title = "fwtui"
        path = folder / f"{scene.name}.svg"
        app.save_screenshot(filename=path.name, path=str(folder))
        return path


def main(argv: list[str]) -> int:
    folder = Path(argv[1] if len(argv) > 1 else "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for scene in SCENES:
        path = asyncio.run(_shoot(scene, folder))
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
