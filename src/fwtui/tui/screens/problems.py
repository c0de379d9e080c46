"""Problems found when re-reading the data files; the last good catalog stays."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from fwtui.problems import Problem


class ProblemsScreen(ModalScreen[None]):
    """Every problem, one per line, like a compiler; Escape closes."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
    ]

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__()
        self.problems = list(problems)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems-body"):
            header = Content.assemble(
                (f"{len(self.problems)} problem(s) in the data files", "bold $error"),
                "\nThe catalog on screen is the last one that loaded without errors.\n",
            )
            yield Static(header)
            # Problem.format() is already display-safe; Content never parses markup.
            yield Static(Content("\n".join(p.format() for p in self.problems)), id="problems-text")
            yield Static(
                Content.assemble(
                    ("\nFix the files, then press r again. Escape closes.", "$text-muted")
                )
            )

    def action_close(self) -> None:
        self.dismiss()
