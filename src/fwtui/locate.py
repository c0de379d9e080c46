"""Find the line and column of a key in a TOML document.

Python's TOML parsers give positions only for syntax errors, so a validation
error in a valid document ("framework 3, facts.status: unknown value") needs
its own way back to the text. This scanner walks the document's structure
(tables, keys, arrays, inline tables) without building values, and is used
on the error path only: loading a good file never runs it.

It steps over blanks, comments, strings and plain values with regular
expressions rather than character by character, and keeps character offsets
(turned into lines only when asked), so that a 16 MB file full of mistakes
is scanned in seconds; the positions of array items are kept in compact
arrays, not one dictionary entry each (an array of millions of items is a
few bytes an item).
"""

from __future__ import annotations

import bisect
import contextlib
import re
from array import array
from collections.abc import Sequence

Path = tuple[str | int, ...]

_BLANK = re.compile(r"(?:[ \t\r]|#[^\n]*)*")
_BLANK_NL = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")
_BARE = re.compile(r"[A-Za-z0-9_-]*")
_BASIC = re.compile(r'"((?:[^"\\\n]|\\.)*)"?')
_LITERAL = re.compile(r"'([^'\n]*)'?")
_MULTI_BASIC = re.compile(r'"""(?:[^\\]|\\[\s\S])*?""""{0,2}|"""[\s\S]*')
_MULTI_LITERAL = re.compile(r"'''[\s\S]*?''''{0,2}|'''[\s\S]*")
_PLAIN = re.compile(r"[^,\]}\n#]*")
#: Escapes of basic strings: one character, or hex digits (\xHH is TOML 1.1).
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|(.))")
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", "e": "\x1b"}


def _unescape(match: re.Match[str]) -> str:
    digits = match.group(1) or match.group(2) or match.group(3)
    if digits:
        value = int(digits, 16)
        return chr(value) if value <= 0x10FFFF else "\ufffd"
    code = match.group(4)
    return _ESCAPES.get(code, code)


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        #: Character offsets of keys and tables, by path.
        self.found: dict[Path, int] = {}
        #: Character offsets of the items of each inline array, by its path.
        self.items: dict[Path, array[int]] = {}
        # Array-of-tables counters, keyed by the resolved path of the array.
        self.array_counts: dict[Path, int] = {}
        self.table: Path = ()

    # -- low level ---------------------------------------------------------
    def peek(self, offset: int = 0) -> str:
        i = self.pos + offset
        return self.text[i] if i < len(self.text) else ""

    def skip(self, pattern: re.Pattern[str]) -> re.Match[str]:
        m = pattern.match(self.text, self.pos)
        assert m is not None  # every pattern here may match nothing
        self.pos = m.end()
        return m

    def skip_blank(self, newlines: bool) -> None:
        self.skip(_BLANK_NL if newlines else _BLANK)

    def skip_string(self) -> str:
        """Step over a string; return its text when it is a one-line string."""
        quote = self.peek()
        if self.peek(1) == quote and self.peek(2) == quote:
            self.skip(_MULTI_BASIC if quote == '"' else _MULTI_LITERAL)
            return ""
        if quote == "'":
            return self.skip(_LITERAL).group(1)
        # Decode the escapes as the parser does: a quoted key such as
        # "\u001F" must match the key the parser reports.
        return _ESCAPE.sub(_unescape, self.skip(_BASIC).group(1))

    # -- structure ---------------------------------------------------------
    def key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            if self.peek() in ('"', "'"):
                parts.append(self.skip_string())
            else:
                parts.append(self.skip(_BARE).group())
            self.skip_blank(newlines=False)
            if self.peek() == ".":
                self.pos += 1
                continue
            return parts

    def value(self, path: Path) -> None:
        self.skip_blank(newlines=False)
        ch = self.peek()
        if ch in ('"', "'"):
            self.skip_string()
        elif ch == "[":
            self.pos += 1
            items = self.items.setdefault(path, array("q"))
            index = 0
            while self.pos < len(self.text):
                self.skip_blank(newlines=True)
                if self.peek() == "]":
                    self.pos += 1
                    return
                if index == len(items):  # the first position given for an item wins
                    items.append(self.pos)
                self.value((*path, index))
                self.skip_blank(newlines=True)
                if self.peek() == ",":
                    self.pos += 1
                    index += 1
                elif self.peek() == "]":
                    continue
                else:
                    return
        elif ch == "{":
            self.pos += 1
            while self.pos < len(self.text):
                self.skip_blank(newlines=False)
                if self.peek() == "}":
                    self.pos += 1
                    return
                where = self.pos
                sub = (*path, *self.key())
                self.found.setdefault(sub, where)
                if self.peek() == "=":
                    self.pos += 1
                self.value(sub)
                self.skip_blank(newlines=False)
                if self.peek() == ",":
                    self.pos += 1
                elif self.peek() != "}":
                    return
        else:
            self.skip(_PLAIN)

    def resolve(self, parts: Sequence[str]) -> Path:
        """Insert the current index of every array of tables along ``parts``."""
        path: Path = ()
        for part in parts:
            path = (*path, part)
            if path in self.array_counts:
                path = (*path, self.array_counts[path] - 1)
        return path

    def parents(self, path: Path, where: int) -> None:
        """Tables defined implicitly (``[a.b]`` defines ``a``; so does ``a.b = 1``)
        are placed where they first appear."""
        for end in range(1, len(path)):
            self.found.setdefault(path[:end], where)

    def header(self) -> None:
        where = self.pos
        is_array = self.peek(1) == "["
        self.pos += 2 if is_array else 1
        parts = self.key()
        self.pos = min(len(self.text), self.pos + (2 if is_array else 1))
        if is_array:
            parent = self.resolve(parts[:-1])
            array_path = (*parent, parts[-1])
            count = self.array_counts.get(array_path, 0)
            self.array_counts[array_path] = count + 1
            self.found.setdefault(array_path, where)
            self.table = (*array_path, count)
        else:
            self.table = self.resolve(parts)
        self.found.setdefault(self.table, where)
        self.parents(self.table, where)

    def run(self) -> None:
        while self.pos < len(self.text):
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                break
            if self.peek() == "[":
                self.header()
                continue
            where = self.pos
            path = (*self.table, *self.key())
            if self.pos == where:  # not a key: step over the character
                self.pos += 1
                continue
            self.found.setdefault(path, where)
            self.parents(path, where)
            if self.peek() == "=":
                self.pos += 1
                self.value(path)


class Locator:
    """Maps a path such as ``("framework", 3, "facts", "status")`` to its line."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._scanner: _Scanner | None = None
        self._line_starts: list[int] | None = None

    def _index(self) -> _Scanner:
        if self._scanner is None:
            scanner = _Scanner(self._text)
            # Absurdly deep nesting: keep what came before it.
            with contextlib.suppress(RecursionError):
                scanner.run()
            self._scanner = scanner
        return self._scanner

    def _offset(self, path: Path) -> int | None:
        scanner = self._index()
        for end in range(len(path), 0, -1):
            sub = path[:end]
            hit = scanner.found.get(sub)
            if hit is not None:
                return hit
            last = sub[-1]
            if isinstance(last, int):
                items = scanner.items.get(sub[:-1])
                if items is not None and 0 <= last < len(items):
                    return items[last]
        return None

    def find(self, path: Path) -> tuple[int, int] | None:
        """Line and column of ``path``, or of its closest known parent."""
        offset = self._offset(path)
        if offset is None:
            return None
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in re.finditer("\n", self._text))]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, for excerpts."""
        # Only "\n" ends a line, as in TOML and the parsers' positions
        # (``splitlines`` would also split on form feeds and U+2028).
        lines = self._text.split("\n")
        return lines[line - 1].removesuffix("\r") if 0 < line <= len(lines) else ""
