"""The floors for the explorer: bare Textual apps, run like fwtui in the pseudo-terminal.

``python floor_app.py paint`` shows a Header, a Footer and one Static with
:data:`READY`. ``python floor_app.py filter TOTAL`` has an Input whose every
change only updates one count line, ``N/TOTAL shown``: the cost of a keystroke
in Textual itself. Run by the benchmark virtual environment's Python; it needs
only Textual.
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Input, Static

READY = "floor app ready"
PLACEHOLDER = "type to filter"


def floor_count(total: int, text: str) -> int:
    """The count the filter floor shows for ``text``: distinct for every length."""
    return total - 7 * len(text)


class PaintFloor(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY)
        yield Footer()


class FilterFloor(App[None]):
    def __init__(self, total: int) -> None:
        super().__init__()
        self.total = total

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=PLACEHOLDER)
        yield Static(f"{self.total}/{self.total} shown", id="count")
        yield Footer()

    def on_input_changed(self, event: Input.Changed) -> None:
        shown = floor_count(self.total, event.value)
        self.query_one("#count", Static).update(f"{shown}/{self.total} shown")


def main(argv: list[str]) -> None:
    if argv[:1] == ["filter"]:
        FilterFloor(int(argv[1])).run()
    else:
        PaintFloor().run()


if __name__ == "__main__":
    main(sys.argv[1:])
