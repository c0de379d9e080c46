"""A command palette that survives fast keys.

Textual 8.2.8's palette crashes when keys arrive faster than it lays out its
list: PageDown/PageUp before the list has lines (``KeyError`` in
``OptionList._move_page``), a second selection after the first one has
already dismissed it (``ScreenStackError``), and, rarely, an error in its
command-gathering worker, which takes the whole app down. The key storm test
found the first; the third was not reproduced here. This subclass guards the
three paths and is otherwise Textual's palette.
"""

from __future__ import annotations

import contextlib
from typing import Any

from textual import work
from textual.await_complete import AwaitComplete
from textual.command import CommandPalette

#: Textual's own gathering coroutine, under its @work wrapper (functools.wraps).
_TEXTUAL_GATHER = getattr(CommandPalette._gather_commands, "__wrapped__", None)


async def _nothing() -> None:
    return None


class GuardedCommandPalette(CommandPalette):
    """Textual's command palette, minus two crashes under fast keys."""

    def _action_command_list(self, action: str) -> None:
        # Textual routes PageUp/PageDown/Home/End here; the hook is private, but
        # it is the only place the palette's own bindings reach the list.
        # When the list has no lines yet, the key is dropped, as if pressed early.
        with contextlib.suppress(KeyError, IndexError):
            super()._action_command_list(action)

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP, exit_on_error=False)
    async def _gather_commands(self, search_value: str) -> None:
        # Textual's gathering, as a worker whose failure (the palette closing
        # under fast keys) ends that search only, not the app.
        if _TEXTUAL_GATHER is not None:
            await _TEXTUAL_GATHER(self, search_value)

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not self.is_active:
            # Already dismissed by an earlier selection still in the queue.
            return AwaitComplete(_nothing())
        return super().dismiss(result)
