"""The ? screen: every binding of the view it was opened from, generated from BINDINGS."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


@dataclass(frozen=True)
class HelpEntry:
    """One key and what it does, with the group it belongs to."""

    group: str
    keys: str
    description: str


class HelpScreen(ModalScreen[None]):
    """Keys of the current view, its one-line help, and the data in use."""

    BINDINGS = [
        Binding("escape", "dismiss_help", "Close help"),
        Binding("q", "dismiss_help", "Close help", show=False),
        Binding("question_mark", "dismiss_help", "Close help", show=False),
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
    ]

    def __init__(
        self, view_help: str, entries: Sequence[HelpEntry], data_lines: Sequence[str]
    ) -> None:
        super().__init__()
        self.view_help = view_help
        self.entries = list(entries)
        self.data_lines = list(data_lines)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(self._render_help(), id="help-text")

    def _render_help(self) -> Content:
        parts: list[str | Content | tuple[str, str]] = [
            ("Help", "bold"),
            "\n",
            self.view_help,
            "\n",
        ]
        width = max((len(e.keys) for e in self.entries), default=4)
        group = None
        for entry in self.entries:
            if entry.group != group:
                group = entry.group
                parts += ["\n", (group, "bold underline"), "\n"]
            parts += [(f"  {entry.keys:<{width}}  ", "bold $accent"), entry.description, "\n"]
        parts += ["\n", ("Data", "bold underline"), "\n"]
        for line in self.data_lines:
            parts += ["  ", line, "\n"]
        parts += ["\n", ("Escape, q or ? closes this help.", "$text-muted")]
        return Content.assemble(*parts)

    def action_dismiss_help(self) -> None:
        self.dismiss()

    def action_scroll_down(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_up()
