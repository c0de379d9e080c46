"""The fwtui App: owns the catalog, the screens, help, reload and the palette."""

from __future__ import annotations

import asyncio
import contextlib
import io
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from rich.console import Console
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from fwtui.catalog import DEFAULT_MAX_BYTES, DEFAULT_MAX_RECORDS, LoadResult, load
from fwtui.model import Catalog, Framework, View
from fwtui.paths import DataFile, config_home
from fwtui.problems import Problem
from fwtui.settings import Settings, read_state, write_state
from fwtui.textsafe import safe_line
from fwtui.tui.screens.main import MainScreen

# The screens the first paint does not show (help, export, problems, loading),
# the palette and the clipboard are imported where they are first used, so the
# start does not pay for them (tests/test_tui_process.py checks it).

CSS_FILE = Path(__file__).with_name("fwtui.tcss")


class FrameworkCommands(Provider):
    """Palette: "go to framework …" for every framework in the catalog."""

    def _frameworks(self) -> Iterable[Framework]:
        app = self.app
        assert isinstance(app, FwtuiApp)
        return app.catalog.frameworks

    async def discover(self) -> Hits:
        for fw in self._frameworks():
            name = safe_line(fw.name)
            yield DiscoveryHit(
                Content.assemble("Go to ", (name, "bold")),
                partial(self._go, fw.id),
                text=f"Go to {name}",
                help=fw.category,
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for fw in self._frameworks():
            name = safe_line(fw.name)
            # The matcher only scores; its highlight() would parse markup in data.
            score = max(matcher.match(name), matcher.match(f"go to {name}"))
            if score > 0:
                yield Hit(
                    score,
                    Content.assemble("Go to ", (name, "bold")),
                    partial(self._go, fw.id),
                    text=f"Go to {name}",
                    help=fw.category,
                )

    def _go(self, framework_id: str) -> None:
        app = self.app
        assert isinstance(app, FwtuiApp)
        app.go_to(framework_id)


class FwtuiApp(App[None]):
    """Explore and compare frameworks from the keyboard."""

    CSS_PATH = CSS_FILE
    TITLE = "fwtui"
    COMMANDS = App.COMMANDS | {FrameworkCommands}
    BINDING_GROUP_TITLE = "Everywhere"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True, show=False, id="quit-app"),
        Binding("question_mark", "help", "Help", id="help"),
        Binding("r", "reload", "Reload data", show=False, id="reload"),
    ]

    def __init__(
        self,
        catalog: Catalog | None,
        files: Sequence[DataFile] = (),
        view: View = View.TODAY,
        max_bytes: int = DEFAULT_MAX_BYTES,
        settings: Settings | None = None,
        max_records: int = DEFAULT_MAX_RECORDS,
        cache_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.max_records = max_records
        self.cache_dir = cache_dir
        self.settings = settings or Settings()
        self._remember_theme = False
        # Tracebacks go to a buffer the CLI turns into a crash log, instead of
        # being printed over the user's terminal.
        self._crash_buffer = io.StringIO()
        self.error_console = Console(
            file=self._crash_buffer, markup=False, highlight=False, width=120, color_system=None
        )
        # None: the data is large and loads in a worker after the first paint.
        self.loading = catalog is None
        self.load_problems: tuple[Problem, ...] = ()
        self.catalog = catalog or Catalog(frameworks=(), attributes=(), sources={})
        self.files = list(files)
        self.initial_view = view
        self.max_bytes = max_bytes

    def on_mount(self) -> None:
        if self.settings.keymap:
            self.set_keymap(dict(self.settings.keymap))
        # The settings' theme wins; else the one chosen last time, if it still exists.
        theme = self.settings.theme or read_state().get("theme")
        if theme and theme in self.available_themes:
            self.theme = theme
        self._remember_theme = True
        # The SSH connection dropping sends SIGHUP: leave cleanly, code 129.
        with contextlib.suppress(NotImplementedError, RuntimeError, AttributeError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._hang_up)
        if self.loading:
            self.run_worker(self._load_in_background, thread=True, exit_on_error=False)

    def _load(self) -> LoadResult:
        return load(
            self.files,
            max_bytes=self.max_bytes,
            max_records=self.max_records,
            cache_dir=self.cache_dir,
        )

    def _load_in_background(self) -> None:
        result = self._load()
        self.call_from_thread(self._loaded, result)

    def _loaded(self, result: LoadResult) -> None:
        """Show the list, or leave with every problem named (exit code 2)."""
        if result.catalog is None:
            # The CLI prints them once the terminal is restored.
            self.load_problems = result.errors
            self.exit(return_code=2)
            return
        self.catalog = result.catalog
        self.loading = False
        # Pushed over the loading screen: switching would leave no screen for a moment.
        self.push_screen(MainScreen(self.catalog, self.initial_view, " ".join(self.settings.needs)))

    # -- handing the answer on -------------------------------------------
    def copy_text(self, text: str, what: str) -> None:
        """Copy ``text`` (Markdown of a view): tmux's buffer inside tmux, else OSC 52."""
        from fwtui.clipboard import copy_via_tmux, plan_copy  # deferred: see the imports

        plan = plan_copy(text)
        if plan.method == "tmux":
            try:
                copy_via_tmux(text)
            except (OSError, subprocess.SubprocessError) as exc:
                self.notify(
                    f"Copy failed: {safe_line(str(exc))}. Press e to write a file.",
                    severity="error",
                )
                return
            how = "into tmux's buffer (tmux load-buffer -w)"
        else:
            self.copy_to_clipboard(text)
            how = "to the terminal's clipboard through OSC 52"
        message = (
            f"Copied the {what} as Markdown ({plan.size} bytes) {how}. "
            "The terminal cannot confirm delivery: if nothing pastes, press e to write a file."
        )
        if plan.warning:
            message += f" Note: {plan.warning}."
        self.notify(message, timeout=8)

    def export_view(self, what: str, default_name: str, render: Callable[[str], str]) -> None:
        """Ask for a path and write the view there (see screens/export.py)."""

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Wrote the {what} to {safe_line(str(path))}", timeout=6)

        from fwtui.tui.screens.export import ExportScreen  # deferred: see the imports

        protected = [f.path for f in self.files] + [config_home() / "fwtui" / "config.toml"]
        self.push_screen(ExportScreen(what, default_name, render, protected), done)

    def action_command_palette(self) -> None:
        """Open the palette (a guarded subclass of Textual's, see palette.py)."""
        from fwtui.tui.palette import GuardedCommandPalette  # deferred: see the imports

        if self.use_command_palette and not GuardedCommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(GuardedCommandPalette(id="--command-palette"))

    def _hang_up(self) -> None:
        self.exit(return_code=129)

    def watch_theme(self, theme: str) -> None:
        # Remember a theme the user picks (palette), in the state file only.
        if self._remember_theme and theme != self.settings.theme:
            with contextlib.suppress(OSError):
                write_state({"theme": theme})

    def crash_report(self) -> str:
        """What Textual reported about an unhandled error, or an empty string."""
        return self._crash_buffer.getvalue()

    def get_default_screen(self) -> Screen[None]:
        if self.loading:
            from fwtui.tui.screens.loading import LoadingScreen  # deferred: see the imports

            return LoadingScreen(self.files, sum(_size(f) for f in self.files))
        return MainScreen(self.catalog, self.initial_view, " ".join(self.settings.needs))

    @property
    def main_screen(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("no main screen")

    # -- actions -----------------------------------------------------------
    def action_help(self) -> None:
        from fwtui.tui.screens.help import HelpEntry, HelpScreen  # deferred: see the imports

        if isinstance(self.screen, HelpScreen):
            return
        screen = self.screen
        entries: list[HelpEntry] = []
        seen: set[tuple[str, str]] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if binding.system or not binding.description:
                continue
            group = getattr(active.node, "BINDING_GROUP_TITLE", None) or type(active.node).__name__
            display = self.get_key_display(binding)
            if (display, binding.description) in seen:
                continue
            seen.add((display, binding.description))
            text = binding.description
            if binding.tooltip:
                text += f": {binding.tooltip}"
            entries.append(HelpEntry(group, display or key, text))
        entries.append(HelpEntry("Everywhere", "tab / shift+tab", "Next / previous pane"))
        entries.append(
            HelpEntry(
                "Everywhere", "ctrl+p", "Command palette: go to a framework, filters, sort, theme"
            )
        )
        order: dict[str, int] = {}
        for entry in entries:
            order.setdefault(entry.group, len(order))
        entries.sort(key=lambda e: order[e.group])
        view_help = getattr(screen, "HELP", "fwtui: explore and compare frameworks.")
        self.push_screen(HelpScreen(view_help, entries, self._data_lines()))

    def _data_lines(self) -> list[str]:
        lines = [f"{safe_line(self.catalog.title)}: {len(self.catalog)} frameworks"]
        if self.catalog.date:
            lines.append(f"data as of {self.catalog.date}")
        if self.catalog.base_source and self.catalog.base_source in self.catalog.sources:
            source = self.catalog.sources[self.catalog.base_source]
            lines.append(
                f"base source: {safe_line(source.title)} ({safe_line(source.attribution)})"
            )
        for f in self.files:
            lines.append(f"{f.origin}: {safe_line(str(f.path))}")
        return lines

    def action_reload(self) -> None:
        """Re-read the data files; on problems keep the last good catalog."""
        result = self._load()
        if result.catalog is None:
            from fwtui.tui.screens.problems import ProblemsScreen  # deferred: see the imports

            self.push_screen(ProblemsScreen(result.errors))
            return
        self.catalog = result.catalog
        self.main_screen.set_catalog(result.catalog)
        self.notify(
            f"Reloaded {len(self.files)} file(s): {len(result.catalog)} frameworks.", timeout=3
        )

    def go_to(self, framework_id: str) -> None:
        """Back to the main screen with ``framework_id`` highlighted."""
        while not isinstance(self.screen, MainScreen) and len(self.screen_stack) > 1:
            self.pop_screen()
        self.main_screen.go_to(framework_id)

    def open_homepage(self, fw: Framework) -> None:
        """Open the homepage in a browser, or show the address where none can open."""
        if not fw.homepage:
            self.notify(f"{safe_line(fw.name)} has no homepage in the data.", severity="warning")
            return
        url = safe_line(fw.homepage)
        if not _can_open_browser():
            self.notify(f"No browser here (SSH or no display). Address: {url}", timeout=15)
            return
        self.open_url(url)
        self.notify(f"Opening {url}", timeout=3)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own (theme, screenshot...) plus every action bound in the view.

        Generated from the active bindings, so the palette always offers every
        action with the keys in effect after the user's keymap.
        """
        yield from super().get_system_commands(screen)
        seen: set[tuple[int, str]] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.system or not binding.description or binding.action == "command_palette":
                continue
            marker = (id(active.node), binding.action)
            if marker in seen:
                continue
            seen.add(marker)
            keys = self.get_key_display(binding)
            where = getattr(active.node, "BINDING_GROUP_TITLE", "") or type(active.node).__name__
            yield SystemCommand(
                binding.tooltip or binding.description,
                f"{where} · key: {keys}",
                partial(self.run_action, binding.action, active.node),
            )


def _size(data_file: DataFile) -> int:
    try:
        return data_file.path.stat().st_size
    except OSError:
        return 0


def _can_open_browser() -> bool:
    if os.environ.get("SSH_CONNECTION") or os.environ.get("SSH_TTY"):
        return False
    # macOS and Windows always have a browser to hand; other systems need a display.
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return sys.platform in ("darwin", "win32") or has_display


def build_app(
    catalog: Catalog | None,
    *,
    files: Sequence[DataFile] = (),
    view: View = View.TODAY,
    max_bytes: int = DEFAULT_MAX_BYTES,
    settings: Settings | None = None,
    max_records: int = DEFAULT_MAX_RECORDS,
    cache_dir: Path | None = None,
) -> FwtuiApp:
    """The one factory the CLI and the tests use."""
    return FwtuiApp(catalog, files, view, max_bytes, settings, max_records, cache_dir)
