"""Find the line and column of a key in a TOML document.

Python's TOML parsers give positions only for syntax errors, so a validation
error in a valid document ("framework 3, facts.status: unknown value") needs
its own way back to the text. This scanner walks the document's structure
(tables, keys, arrays, inline tables) without building values, and is used
on the error path only: loading a good file never runs it.
"""

from __future__ import annotations

from collections.abc import Sequence

Path = tuple[str | int, ...]

_BARE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.line_start = 0
        self.found: dict[Path, tuple[int, int]] = {}
        # Array-of-tables counters, keyed by the resolved path of the array.
        self.array_counts: dict[Path, int] = {}
        self.table: Path = ()

    # -- low level ---------------------------------------------------------
    def peek(self, offset: int = 0) -> str:
        i = self.pos + offset
        return self.text[i] if i < len(self.text) else ""

    def advance(self, n: int = 1) -> None:
        for _ in range(n):
            if self.pos >= len(self.text):
                return
            if self.text[self.pos] == "\n":
                self.line += 1
                self.line_start = self.pos + 1
            self.pos += 1

    def here(self) -> tuple[int, int]:
        return (self.line, self.pos - self.line_start + 1)

    def skip_blank(self, newlines: bool) -> None:
        while self.pos < len(self.text):
            ch = self.text[self.pos]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.advance()
            elif ch == "#":
                while self.pos < len(self.text) and self.text[self.pos] != "\n":
                    self.advance()
            else:
                return

    def skip_string(self) -> str:
        quote = self.peek()
        triple = self.peek(1) == quote and self.peek(2) == quote
        out: list[str] = []
        if triple:
            self.advance(3)
            while self.pos < len(self.text):
                if self.peek() == "\\" and quote == '"':
                    self.advance(2)
                    continue
                if self.peek() == quote and self.peek(1) == quote and self.peek(2) == quote:
                    # A closing run may hold up to two extra quotes.
                    while self.peek(3) == quote:
                        self.advance()
                    self.advance(3)
                    break
                self.advance()
            return ""
        self.advance()
        while self.pos < len(self.text) and self.peek() not in (quote, "\n"):
            if self.peek() == "\\" and quote == '"':
                out.append(self.peek(1))
                self.advance(2)
                continue
            out.append(self.peek())
            self.advance()
        self.advance()
        return "".join(out)

    # -- structure ---------------------------------------------------------
    def key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_blank(newlines=False)
            ch = self.peek()
            if ch in ('"', "'"):
                parts.append(self.skip_string())
            else:
                start = self.pos
                while self.peek() and self.peek() in _BARE:
                    self.advance()
                parts.append(self.text[start : self.pos])
            self.skip_blank(newlines=False)
            if self.peek() == ".":
                self.advance()
                continue
            return parts

    def value(self, path: Path) -> None:
        self.skip_blank(newlines=False)
        ch = self.peek()
        if ch in ('"', "'"):
            self.skip_string()
        elif ch == "[":
            self.advance()
            index = 0
            while self.pos < len(self.text):
                self.skip_blank(newlines=True)
                if self.peek() == "]":
                    self.advance()
                    return
                self.found.setdefault((*path, index), self.here())
                self.value((*path, index))
                self.skip_blank(newlines=True)
                if self.peek() == ",":
                    self.advance()
                    index += 1
                elif self.peek() == "]":
                    continue
                else:
                    return
        elif ch == "{":
            self.advance()
            while self.pos < len(self.text):
                self.skip_blank(newlines=False)
                if self.peek() == "}":
                    self.advance()
                    return
                where = self.here()
                sub = (*path, *self.key())
                self.found.setdefault(sub, where)
                if self.peek() == "=":
                    self.advance()
                self.value(sub)
                self.skip_blank(newlines=False)
                if self.peek() == ",":
                    self.advance()
                elif self.peek() != "}":
                    return
        else:
            while self.peek() and self.peek() not in ",]}\n#":
                self.advance()

    def resolve(self, parts: Sequence[str]) -> Path:
        """Insert the current index of every array of tables along ``parts``."""
        path: Path = ()
        for part in parts:
            path = (*path, part)
            if path in self.array_counts:
                path = (*path, self.array_counts[path] - 1)
        return path

    def parents(self, path: Path, where: tuple[int, int]) -> None:
        """Tables defined implicitly (``[a.b]`` defines ``a``; so does ``a.b = 1``)
        are placed where they first appear."""
        for end in range(1, len(path)):
            self.found.setdefault(path[:end], where)

    def header(self) -> None:
        where = self.here()
        is_array = self.peek(1) == "["
        self.advance(2 if is_array else 1)
        parts = self.key()
        self.advance(2 if is_array else 1)
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

    def run(self) -> dict[Path, tuple[int, int]]:
        while self.pos < len(self.text):
            self.skip_blank(newlines=True)
            if self.pos >= len(self.text):
                break
            if self.peek() == "[":
                self.header()
                continue
            where = self.here()
            start = self.pos
            path = (*self.table, *self.key())
            if self.pos == start:  # not a key: step over the character
                self.advance()
                continue
            self.found.setdefault(path, where)
            self.parents(path, where)
            if self.peek() == "=":
                self.advance()
                self.value(path)
        return self.found


class Locator:
    """Maps a path such as ``("framework", 3, "facts", "status")`` to its line."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._found: dict[Path, tuple[int, int]] | None = None

    def _index(self) -> dict[Path, tuple[int, int]]:
        if self._found is None:
            try:
                self._found = _Scanner(self._text).run()
            except RecursionError:  # absurdly deep nesting: fall back to no positions
                self._found = {}
        return self._found

    def find(self, path: Path) -> tuple[int, int] | None:
        """Line and column of ``path``, or of its closest known parent."""
        index = self._index()
        for end in range(len(path), 0, -1):
            hit = index.get(path[:end])
            if hit is not None:
                return hit
        return None

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, for excerpts."""
        lines = self._text.splitlines()
        return lines[line - 1] if 0 < line <= len(lines) else ""
