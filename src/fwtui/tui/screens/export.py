"""Ask where to export the current view; refuse loaded files; confirm overwrites."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from fwtui.export import ExportRefused, check_target, format_for, resolve_target, write_atomic
from fwtui.textsafe import safe_line


class ExportScreen(ModalScreen[Path | None]):
    """A path prompt. The format follows the extension: .md, .csv or .json."""

    BINDINGS = [Binding("escape", "cancel", "Cancel export")]

    def __init__(
        self,
        what: str,
        default_name: str,
        render: Callable[[str], str],
        protected: Sequence[Path],
    ) -> None:
        super().__init__()
        self.what = what
        self.default_name = default_name
        self.produce = render
        self.protected = list(protected)
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-body"):
            yield Static(
                Content.assemble(
                    (f"Export the {self.what}", "bold"),
                    "\nThe extension picks the format: .md Markdown, .csv CSV, .json JSON.",
                )
            )
            yield Input(value=self.default_name, id="export-path")
            yield Static(id="export-message")

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#export-path", Input))

    def _say(self, text: str, style: str = "$text-muted") -> None:
        self.query_one("#export-message", Static).update(Content.assemble((text, style)))

    @on(Input.Changed, "#export-path")
    def _changed(self) -> None:
        self._confirm = None
        self._say("Enter writes the file; Escape cancels.")

    @on(Input.Submitted, "#export-path")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        path = resolve_target(event.value)
        try:
            check_target(path, self.protected)
        except ExportRefused as exc:
            self._say(f"Refused: {safe_line(str(exc))}", "$error")
            return
        if path.exists() and self._confirm != path:
            self._confirm = path
            self._say(f"{safe_line(str(path))} exists: Enter again overwrites it.", "$warning")
            return
        try:
            write_atomic(path, self.produce(format_for(path)))
        except OSError as exc:
            self._say(f"Could not write {safe_line(str(path))}: {exc.strerror or exc}", "$error")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
