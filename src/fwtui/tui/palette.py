"""A command palette that survives fast keys.

Textual 8.2.8's palette crashes when keys arrive faster than it lays out its
list: PageDown/PageUp before the list has lines (``KeyError`` in
``OptionList._move_page``), or a second selection after the first one has
already dismissed it (``ScreenStackError``). The key storm test finds both.
This subclass guards those two paths and is otherwise Textual's palette.
"""

from __future__ import annotations

import contextlib
from typing import Any

from textual.await_complete import AwaitComplete
from textual.command import CommandPalette


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

    def dismiss(self, result: Any = None) -> AwaitComplete:
        if not self.is_active:
            # Already dismissed by an earlier selection still in the queue.
            return AwaitComplete(_nothing())
        return super().dismiss(result)
