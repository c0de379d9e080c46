"""Shown while a large catalog loads in the background: never a blank terminal,
never an empty or partial list presented as complete."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static

from fwtui.paths import DataFile
from fwtui.textsafe import safe_line


class LoadingScreen(Screen[None]):
    """Names what is being read and how big it is; ctrl+q still quits."""

    HELP = "Loading the data files; the list appears when every file is read and checked."

    def __init__(self, files: Sequence[DataFile], total_bytes: int) -> None:
        super().__init__()
        self.files = list(files)
        self.total_bytes = total_bytes

    def compose(self) -> ComposeResult:
        names = ", ".join(safe_line(f.path.name) for f in self.files)
        text = Content.assemble(
            (f"Loading {self.total_bytes / 1048576:.1f} MB of framework data", "bold"),
            f"\n{names}\nThe list appears once every file is read and checked.",
        )
        with Middle(), Center():
            yield Static(text, id="loading-text")
        yield LoadingIndicator()
        yield Footer(compact=True)

    def on_screen_suspend(self) -> None:
        # The main screen is pushed over this one once the data is loaded: a
        # spinner left under it would redraw 16 times a second, for nothing.
        for indicator in self.query(LoadingIndicator):
            indicator.remove()
