"""Make untrusted strings from data files safe to show in a terminal.

Data files are edited, shared and downloaded, so their strings may carry
terminal control sequences (ESC, CSI, OSC, C1), bidi overrides or zero-width
characters that could disguise one name as another. The model keeps strings as
written; everything shown on a screen or in text output goes through here.
"""

from __future__ import annotations

import re
from functools import lru_cache

# C0 controls (bar tab and newline, handled per context), DEL, C1 controls,
# the soft hyphen, bidi embeddings/overrides/isolates and marks, zero-width
# characters, the BOM, the Unicode line/paragraph separators and the "tag"
# characters (U+E0000 block: invisible, used to smuggle text).
UNSAFE_CHARS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f"
)
_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")
_LINE_BREAKS = re.compile(r"[\t\n]")


def _picture(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def _replace(match: re.Match[str]) -> str:
    return _picture(match.group())


@lru_cache(maxsize=65536)
def safe(text: str) -> str:
    """Return ``text`` with every control, bidi or invisible character made visible.

    Newlines and tabs are kept (a summary may have paragraphs); use
    :func:`safe_line` where one line is expected.
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_replace, text)


def safe_line(text: str) -> str:
    """Like :func:`safe`, with tabs and newlines turned into spaces."""
    return _LINE_BREAKS.sub(" ", safe(text))


def has_unsafe(text: str) -> bool:
    """True when ``text`` holds a character :func:`safe` would replace."""
    return _UNSAFE.search(text) is not None
