"""Load data files into a validated, immutable :class:`~fwtui.model.Catalog`.

The flow: read each file (bytes, UTF-8, size), parse TOML, check the shape of
each document on its own, merge the documents in overlay order, then check
what needs every file at once (facts against attribute declarations, links,
sources) and build the model. Every problem is collected, never raised at the
first; positions are looked up only when there is a problem to report.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import reprlib
import stat
import sys
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from fwtui.gcpause import no_gc
from fwtui.locate import Locator
from fwtui.locate import Path as KeyPath
from fwtui.model import (
    ATTRIBUTE_KINDS,
    CATEGORIES,
    HISTORY_KINDS,
    STATUSES,
    Attribute,
    Catalog,
    Fact,
    FactScalar,
    FactValue,
    Framework,
    HistoryEvent,
    Link,
    PartialDate,
    Point,
    Source,
)
from fwtui.paths import DataFile
from fwtui.problems import CatalogError, Problem, did_you_mean

SCHEMA_VERSION = 1
#: Files larger than this are refused at once rather than parsed for seconds.
DEFAULT_MAX_BYTES = 16 * 1024 * 1024
MAX_BYTES_FLAG = "--max-data-mb"
#: More ``[[framework]]`` records than this in one file are refused before
#: parsing: a file of 100,000 small records would take seconds to check.
DEFAULT_MAX_RECORDS = 20_000
MAX_RECORDS_FLAG = "--max-records"

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")

TOP_KEYS = ("schema_version", "catalog", "sources", "attributes", "framework")
CATALOG_KEYS = ("title", "date", "base_source")
SOURCE_KEYS = ("title", "author", "url", "date", "accessed", "label")
ATTRIBUTE_KEYS = ("key", "label", "kind", "values", "order", "description", "aliases")
FRAMEWORK_KEYS = (
    "id",
    "name",
    "aliases",
    "category",
    "summary",
    "tags",
    "homepage",
    "links",
    "related",
    "builds_on",
    "successors",
    "predecessors",
    "sources",
    "source",
    "pros",
    "cons",
    "facts",
    "history",
    "remove",
)
LINK_FIELDS = ("related", "builds_on", "successors", "predecessors")
POINT_KEYS = ("text", "source", "shared_with", "from_prose", "note")
FACT_ENTRY_KEYS = ("value", "as_of", "source", "note")
HISTORY_KEYS = ("date", "event", "kind", "source")
LINK_KEYS = ("label", "url")

STATUS_ATTRIBUTE = Attribute(
    key="status",
    label="Status",
    kind="enum",
    order=10,
    values=STATUSES,
    description="Whether the project is developed, maintained, ended or merged",
)


# ---------------------------------------------------------------------------
# Per-file parsing and shape checks


@dataclass
class Parsed:
    """One data file after parsing: its document and how to find lines in it."""

    name: str
    text: str
    doc: dict[str, Any]
    _locator: Locator | None = None

    def locate(self, path: KeyPath) -> tuple[int | None, int | None]:
        if self._locator is None:
            self._locator = Locator(self.text)
        hit = self._locator.find(path)
        return hit if hit else (None, None)


@dataclass
class Origin:
    """Where a value was written: which file and which path inside it."""

    file: Parsed
    path: KeyPath


@dataclass
class RawRecord:
    """A framework table with its fields checked for type, not yet merged."""

    id: str
    fields: dict[str, tuple[Any, Origin]] = field(default_factory=dict)
    facts: dict[str, tuple[Any, Origin]] = field(default_factory=dict)
    origin: Origin | None = None
    remove: bool = False
    #: Fields that were written but had errors (reported already): a missing
    #: required field is not reported a second time for them.
    invalid: set[str] = field(default_factory=set)


@dataclass
class RawDoc:
    """One file's checked content."""

    parsed: Parsed
    catalog: dict[str, tuple[Any, Origin]] = field(default_factory=dict)
    sources: dict[str, tuple[Source, Origin]] = field(default_factory=dict)
    attributes: dict[str, tuple[Attribute, Origin]] = field(default_factory=dict)
    records: list[RawRecord] = field(default_factory=list)


#: How many word comparisons the did-you-mean hints of one load may make.
HINT_BUDGET = 500_000


class Problems:
    """Collects problems and knows how to place them in a file."""

    def __init__(self) -> None:
        self.items: list[Problem] = []
        self.hint_budget = HINT_BUDGET

    def add(
        self,
        code: str,
        message: str,
        origin: Origin | None = None,
        *,
        file: str | None = None,
        framework: str | None = None,
        field: str | None = None,
        hint: str | None = None,
        line: int | None = None,
        column: int | None = None,
        excerpt: str | None = None,
    ) -> None:
        name = file or (origin.file.name if origin else "<data>")
        if origin is not None and line is None:
            line, column = origin.file.locate(origin.path)
        self.items.append(
            Problem(code, name, message, line, column, framework, field, hint, excerpt)
        )

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    def hint(self, word: str, choices: Collection[str]) -> str | None:
        """A did-you-mean hint, while the budget for them lasts.

        Each hint compares ``word`` with every choice (about a microsecond and
        a half each): 20,000 records, each linking to a missing id, took 11
        minutes of hints. The budget gives ample hints for ordinary files and
        bounds the time a hostile one can cost to about a second.
        """
        if self.hint_budget < len(choices):
            return None
        self.hint_budget -= len(choices)
        return did_you_mean(word, choices)


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return "a TOML date/time"
    return type(value).__name__


#: ``repr`` with bounds: a value from a hostile file may be an array of 20,000
#: items or tables nested 1,000 deep (``repr`` would recurse past Python's
#: limit). Within the first 40 characters the output is that of ``repr``.
_REPR = reprlib.Repr()
_REPR.maxlevel = 20
_REPR.maxtuple = _REPR.maxlist = _REPR.maxarray = _REPR.maxdict = 40
_REPR.maxset = _REPR.maxfrozenset = _REPR.maxdeque = 40
_REPR.maxstring = _REPR.maxlong = _REPR.maxother = 200


def _shown(value: object, limit: int = 40) -> str:
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Checker:
    """Type checks for one file; each returns None and reports on failure."""

    def __init__(self, parsed: Parsed, problems: Problems) -> None:
        self.parsed = parsed
        self.problems = problems

    def origin(self, path: KeyPath) -> Origin:
        return Origin(self.parsed, path)

    def report(
        self,
        code: str,
        message: str,
        path: KeyPath,
        framework: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.problems.add(
            code,
            message,
            self.origin(path),
            framework=framework,
            field=_field_name(path),
            hint=hint,
        )

    def keys(
        self,
        table: dict[str, Any],
        allowed: Sequence[str],
        path: KeyPath,
        framework: str | None = None,
    ) -> None:
        for key in table:
            if key not in allowed:
                self.report(
                    "E011",
                    f"unknown key {key!r}",
                    (*path, key),
                    framework,
                    self.problems.hint(key, allowed),
                )

    def string(
        self, value: object, path: KeyPath, framework: str | None = None, *, empty: bool = True
    ) -> str | None:
        if not isinstance(value, str):
            self.report("E012", f"expected a string, found {_type_name(value)}", path, framework)
            return None
        if not empty and not value.strip():
            self.report("E014", "expected a non-empty string", path, framework)
            return None
        return value

    def strings(
        self, value: object, path: KeyPath, framework: str | None = None
    ) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            self.report(
                "E012", f"expected an array of strings, found {_type_name(value)}", path, framework
            )
            return None
        out: list[str] = []
        ok = True
        for i, item in enumerate(value):
            if isinstance(item, str):
                out.append(item)
            else:
                ok = False
                self.report(
                    "E012", f"expected a string, found {_type_name(item)}", (*path, i), framework
                )
        return tuple(out) if ok else None

    def boolean(self, value: object, path: KeyPath, framework: str | None = None) -> bool | None:
        if not isinstance(value, bool):
            self.report(
                "E012", f"expected true or false, found {_type_name(value)}", path, framework
            )
            return None
        return value

    def integer(self, value: object, path: KeyPath, framework: str | None = None) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int):
            self.report("E012", f"expected an integer, found {_type_name(value)}", path, framework)
            return None
        return value

    def date(
        self, value: object, path: KeyPath, framework: str | None = None
    ) -> PartialDate | None:
        if isinstance(value, _dt.datetime):
            value = value.date()
        if isinstance(value, _dt.date):
            return PartialDate(value.year, value.month, value.day)
        if not isinstance(value, str):
            self.report(
                "E012",
                f'expected a date such as "2017", "2017-01" or "2017-09-28", '
                f"found {_type_name(value)}",
                path,
                framework,
            )
            return None
        try:
            return PartialDate.parse(value)
        except ValueError:
            self.report(
                "E014",
                f'expected a date such as "2017", "2017-01" or "2017-09-28", found {_shown(value)}',
                path,
                framework,
            )
            return None

    def url(self, value: object, path: KeyPath, framework: str | None = None) -> str | None:
        text = self.string(value, path, framework)
        if text is None:
            return None
        if not (text.startswith("https://") or text.startswith("http://")):
            self.report(
                "E014", f"expected an http(s):// address, found {_shown(text)}", path, framework
            )
            return None
        return text

    def table(
        self, value: object, path: KeyPath, framework: str | None = None
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.report("E012", f"expected a table, found {_type_name(value)}", path, framework)
            return None
        return value

    def array(self, value: object, path: KeyPath, framework: str | None = None) -> list[Any] | None:
        if not isinstance(value, list):
            self.report("E012", f"expected an array, found {_type_name(value)}", path, framework)
            return None
        return value


def _field_name(path: KeyPath) -> str | None:
    """A readable field name: ``pros[2].text`` rather than the raw path."""
    parts: list[str] = []
    start = 2 if len(path) >= 2 and path[0] == "framework" and isinstance(path[1], int) else 0
    for part in path[start:]:
        if isinstance(part, int):
            if parts:
                parts[-1] += f"[{part}]"
            else:
                parts.append(f"[{part}]")
        else:
            parts.append(part)
    return ".".join(parts) if parts else None


def _megabytes(n: int) -> str:
    mb = n / 1048576
    return f"{mb:.0f} MB" if mb == int(mb) else f"{mb:.1f} MB"


def _line_count(text: str) -> int:
    """Lines as an editor numbers them: only ``\n`` ends a line (``splitlines``
    would also split on form feeds, ``\x1c`` and U+2028), and a final newline
    does not start another line."""
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1))


def _line_text(text: str, line: int) -> str | None:
    """The text of a 1-based line (without its line ending), if there is one."""
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return None
    return lines[line - 1].removesuffix("\r")


def _toml_error_position(exc: Exception, text: str) -> tuple[int | None, int | None, str]:
    """Line, column and reason of a TOML syntax error.

    tomli 2.1+ (and tomllib from Python 3.14) carry ``lineno``/``colno``; older
    parsers put "(at line L, column C)" in the message, or "(at end of
    document)" when the file ends too early. A position after the final
    newline (where tomli puts "end of document") is moved to the end of the
    last line, so the line is always one the file has.
    """
    message = str(exc)
    reason = _TOML_POS.sub("", message).replace("(at end of document)", "").strip()
    reason = getattr(exc, "msg", None) or reason
    lineno = getattr(exc, "lineno", None)
    colno = getattr(exc, "colno", None)
    m = _TOML_POS.search(message)
    if not (isinstance(lineno, int) and isinstance(colno, int)):
        lineno, colno = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    count = _line_count(text)
    if lineno is None and "end of document" in message:
        lineno, colno = count + 1, 1  # placed at the end of the last line below
    if lineno is None or colno is None:
        return None, None, reason
    if lineno > count:
        last = _line_text(text, count) or ""
        return count, len(last) + 1, reason
    return max(1, lineno), max(1, colno), reason


#: Python refuses to turn a decimal of more digits than this into an int.
_INT_DIGITS_LIMIT = getattr(sys, "get_int_max_str_digits", lambda: 4300)() or 4300
_LONG_INTEGER = re.compile(rf"[0-9](?:_?[0-9]){{{_INT_DIGITS_LIMIT},}}")


def _value_error_position(text: str) -> tuple[int | None, int | None]:
    """Where a number too long for Python is (the parser does not say)."""
    m = _LONG_INTEGER.search(text)
    return (None, None) if m is None else _position(text, m.start())


def _deepest_position(text: str) -> tuple[int, int]:
    """Where arrays and inline tables nest deepest (first reached), strings and
    comments skipped: the parser's RecursionError does not say where it was."""
    level = 0
    deepest, where = 0, 0
    for m in _NESTING_TOKEN.finditer(text):
        token = m.group()
        if token in ("[", "{"):
            level += 1
            if level > deepest:
                deepest, where = level, m.start()
        elif token in ("]", "}"):
            level = max(0, level - 1)
    if deepest == 0:
        # No brackets: the parser gave up on a key (tomli allows 1,000 parts);
        # the line with the most dots holds it.
        lines = text.split("\n")
        most = max(range(len(lines)), key=lambda i: lines[i].count("."))
        return most + 1, 1
    return _position(text, where)


#: What `_deepest_position` steps over: strings and comments (their brackets do
#: not nest), and the brackets that do.
_NESTING_TOKEN = re.compile(
    r"""
      "{3}(?:\\[\s\S]|[^\\])*?"{3}  # multi-line basic string
    | '{3}[\s\S]*?'{3}               # multi-line literal string
    | "(?:\\.|[^"\\\n])*"?           # basic string
    | '[^'\n]*'?                     # literal string
    | \#[^\n]*                        # comment
    | [\[\]{}]
    """,
    re.VERBOSE,
)


#: Keys of more parts than this (``a.b.c`` has three, ``[a.b]`` two) are refused
#: before parsing: the parsers' time and memory grow with the square of a key's
#: parts (a key of 100,000 parts, 200 KB of text, fills gigabytes). Data
#: files need three at most.
MAX_KEY_PARTS = 16
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
#: A key (at the start of a line, in a table header, or in an inline table)
#: of more than MAX_KEY_PARTS parts.
_LONG_KEY = re.compile(
    rf"(?:^|[{{,])[ \t]*\[{{0,2}}[ \t]*((?:{_KEY_PART}[ \t]*\.[ \t]*){{{MAX_KEY_PARTS}}}{_KEY_PART})",
    re.MULTILINE,
)


#: A run of dots joined by key parts (``.b.c.``), found fast: the search jumps
#: from dot to dot, and each run is read once.
_DOT_RUN = re.compile(rf"\.(?:[ \t]*{_KEY_PART}[ \t]*\.)*")


def _long_key(text: str) -> int | None:
    """Where a key of more than MAX_KEY_PARTS parts starts, if there is one.

    Runs of MAX_KEY_PARTS dots or more are candidates; `_LONG_KEY` decides on
    their line (a run in a string or a comment is not a key).
    """
    pos = 0
    while (run := _DOT_RUN.search(text, pos)) is not None:
        pos = run.end()
        if run.group().count(".") < MAX_KEY_PARTS:
            continue
        start = text.rfind("\n", 0, run.start()) + 1
        end = text.find("\n", run.end())
        end = len(text) if end < 0 else end
        key = _LONG_KEY.search(text, start, end)
        if key is not None:
            return key.start(1)
        pos = end  # each line is checked once
    return None


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _too_large(problems: Problems, name: str, size: int, max_bytes: int) -> None:
    found = f"is {size / 1048576:.1f} MB" if size > max_bytes else "is larger than that"
    problems.add(
        "E005",
        f"{found}, over the limit of {_megabytes(max_bytes)}",
        file=name,
        hint=f"raise it with {MAX_BYTES_FLAG} N",
    )


def _too_many_records(problems: Problems, name: str, found: str, max_records: int) -> None:
    problems.add(
        "E006",
        f"has {found} [[framework]] records, over the limit of {max_records:,}",
        file=name,
        hint=f"raise it with {MAX_RECORDS_FLAG} N",
    )


def _count_record_headers(data: bytes) -> int:
    """``[[framework]]`` headers at the start of a line, counted on the raw bytes
    before parsing: a few milliseconds for 16 MB, and exact for files written
    the usual way. Headers written with spaces or indented, and records
    written inline, are counted after parsing instead."""
    return data.count(b"\n[[framework]]") + data.startswith(b"[[framework]]")


def read_file(
    data_file: DataFile,
    problems: Problems,
    max_bytes: int,
    max_records: int = DEFAULT_MAX_RECORDS,
    data: bytes | None = None,
) -> Parsed | None:
    """Read and parse one file, reporting why it cannot be used.

    Limits are checked before the costly steps: the size before reading (from
    the file system, for a regular file) and while reading (for a pipe or a
    device), the number of records before parsing, and again after. ``data``,
    when given, is the file's bytes as already read (and hashed for the cache).
    """
    path = data_file.path
    name = str(path)
    if data is None:
        data = _read_bytes(data_file, problems, max_bytes)
        if data is None:
            return None
    return _parse_bytes(name, data, problems, max_bytes, max_records)


def _read_bytes(data_file: DataFile, problems: Problems, max_bytes: int) -> bytes | None:
    """The file's bytes, at most ``max_bytes`` of them, or None with the reason."""
    path = data_file.path
    name = str(path)
    try:
        if path.is_dir():
            problems.add("E001", "is a directory, not a data file", file=name)
            return None
        with path.open("rb") as stream:
            try:
                info = os.fstat(stream.fileno())
            except (OSError, ValueError):
                info = None
            if info is not None and stat.S_ISREG(info.st_mode) and info.st_size > max_bytes:
                _too_large(problems, name, info.st_size, max_bytes)
                return None
            # Read at most one byte over the limit: a file that grows, a FIFO or
            # a device such as /dev/zero is refused at once instead of filling
            # the memory.
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        problems.add("E001", "no such file", file=name)
        return None
    except PermissionError:
        problems.add("E001", "permission denied", file=name)
        return None
    except OSError as exc:
        problems.add("E001", f"cannot be read: {exc.strerror or exc}", file=name)
        return None
    if len(data) > max_bytes:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0
        _too_large(problems, name, size, max_bytes)
        return None
    return data


def _parse_bytes(
    name: str, data: bytes, problems: Problems, max_bytes: int, max_records: int
) -> Parsed | None:
    """Decode, pre-check and parse one file's bytes."""
    if len(data) > max_bytes:
        _too_large(problems, name, len(data), max_bytes)
        return None
    headers = _count_record_headers(data)
    if headers > max_records:
        _too_many_records(problems, name, f"{headers:,}", max_records)
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]  # a BOM is harmless: editors on Windows add one
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.add(
            "E002",
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x})",
            file=name,
            line=line,
            column=column,
            hint="save the file as UTF-8",
        )
        return None
    if not text.strip():
        problems.add(
            "E004", "is empty", file=name, hint="a data file needs at least schema_version = 1"
        )
        return None
    long_key = _long_key(text)
    if long_key is not None:
        key_line, key_column = _position(text, long_key)
        problems.add(
            "E007",
            f"nested too deep: a key of more than {MAX_KEY_PARTS} dotted parts",
            file=name,
            line=key_line,
            column=key_column,
            excerpt=_line_text(text, key_line),
            hint="data files need three at most, as in framework.facts.status",
        )
        return None
    # Imported here: a start that finds its catalog in the cache parses nothing.
    from fwtui import tomlcompat

    try:
        doc = tomlcompat.loads(text)
    except tomlcompat.TOMLDecodeError as exc:
        at_line, at_column, reason = _toml_error_position(exc, text)
        problems.add(
            "E003",
            f"TOML syntax error: {reason}",
            file=name,
            line=at_line,
            column=at_column,
            excerpt=None if at_line is None else _line_text(text, at_line),
        )
        return None
    except RecursionError:
        deep_line, deep_column = _deepest_position(text)
        problems.add(
            "E007",
            "nested too deep: arrays or inline tables deeper than the parser reads",
            file=name,
            line=deep_line,
            column=deep_column,
            excerpt=_line_text(text, deep_line),
        )
        return None
    except ValueError as exc:
        # The parser lets Python's own limit through: an integer of more than
        # 4300 digits (CVE-2020-10735) raises ValueError, not a TOML error.
        at_line, at_column = _value_error_position(text)
        problems.add(
            "E003",
            f"TOML syntax error: a number too long ({exc})"
            if at_line is None
            else f"TOML syntax error: an integer of more than {_INT_DIGITS_LIMIT} digits",
            file=name,
            line=at_line,
            column=at_column,
            excerpt=None if at_line is None else _line_text(text, at_line),
        )
        return None
    records = doc.get("framework")
    if isinstance(records, list) and len(records) > max_records:
        _too_many_records(problems, name, f"{len(records):,}", max_records)
        return None
    return Parsed(name, text, doc)


def check_document(parsed: Parsed, problems: Problems) -> RawDoc:
    """Check the shape of one document on its own."""
    c = _Checker(parsed, problems)
    doc = parsed.doc
    raw = RawDoc(parsed)
    c.keys(doc, TOP_KEYS, ())
    version = doc.get("schema_version")
    if version is None:
        problems.add(
            "E010",
            "missing schema_version",
            file=parsed.name,
            line=1,
            hint=f"add `schema_version = {SCHEMA_VERSION}` at the top",
        )
    elif isinstance(version, bool) or version != SCHEMA_VERSION:
        c.report(
            "E010",
            f"unsupported schema_version {_shown(version)}; this fwtui reads {SCHEMA_VERSION}",
            ("schema_version",),
        )
    if "catalog" in doc and (table := c.table(doc["catalog"], ("catalog",))) is not None:
        c.keys(table, CATALOG_KEYS, ("catalog",))
        for key, value in table.items():
            path: KeyPath = ("catalog", key)
            if key == "date":
                d = c.date(value, path)
                if d is not None:
                    raw.catalog[key] = (d, c.origin(path))
            elif key in CATALOG_KEYS and (s := c.string(value, path)) is not None:
                raw.catalog[key] = (s, c.origin(path))
    if "sources" in doc and (table := c.table(doc["sources"], ("sources",))) is not None:
        for sid, entry in table.items():
            source = _check_source(c, sid, entry)
            if source is not None:
                raw.sources[sid] = (source, c.origin(("sources", sid)))
    if "attributes" in doc and (items := c.array(doc["attributes"], ("attributes",))) is not None:
        for i, entry in enumerate(items):
            attr = _check_attribute(c, i, entry)
            if attr is None:
                continue
            if attr.key in raw.attributes:
                c.report("E020", f"attribute {attr.key!r} declared twice", ("attributes", i, "key"))
            raw.attributes[attr.key] = (attr, c.origin(("attributes", i)))
    if "framework" in doc and (items := c.array(doc["framework"], ("framework",))) is not None:
        seen: dict[str, int] = {}
        for i, entry in enumerate(items):
            record = _check_framework(c, i, entry)
            if record is None:
                continue
            if record.id in seen:
                first_line, _ = parsed.locate(("framework", seen[record.id], "id"))
                where = f"line {first_line}" if first_line else f"framework #{seen[record.id] + 1}"
                c.report(
                    "E020",
                    f"duplicate id {record.id!r}, first defined on {where}",
                    ("framework", i, "id"),
                    record.id,
                    "give this record another id, or merge the two",
                )
                continue
            seen[record.id] = i
            raw.records.append(record)
    return raw


def _check_source(c: _Checker, sid: str, entry: object) -> Source | None:
    path: KeyPath = ("sources", sid)
    table = c.table(entry, path)
    if table is None:
        return None
    if not _SLUG.match(sid):
        c.report("E014", f"source id {sid!r} must be lowercase letters, digits and '-'", path)
    c.keys(table, SOURCE_KEYS, path)
    if "title" not in table:
        c.report("E013", "source has no title", path)
        return None
    title = c.string(table["title"], (*path, "title"), empty=False)
    values: dict[str, Any] = {}
    for key in ("author", "label"):
        if key in table:
            values[key] = c.string(table[key], (*path, key))
    if "url" in table:
        values["url"] = c.url(table["url"], (*path, "url"))
    for key in ("date", "accessed"):
        if key in table:
            values[key] = c.date(table[key], (*path, key))
    if title is None:
        return None
    return Source(id=sid, title=title, **values)


def _check_attribute(c: _Checker, i: int, entry: object) -> Attribute | None:
    path: KeyPath = ("attributes", i)
    table = c.table(entry, path)
    if table is None:
        return None
    c.keys(table, ATTRIBUTE_KEYS, path)
    ok = True
    for required in ("key", "kind"):
        if required not in table:
            c.report("E013", f"attribute has no {required!r}", path)
            ok = False
    if not ok:
        return None
    key = c.string(table["key"], (*path, "key"), empty=False)
    if key is not None and not _KEY.match(key):
        c.report(
            "E014",
            f"attribute key {_shown(key)} must be lowercase letters, digits, '_' or '-'",
            (*path, "key"),
        )
        key = None
    kind = c.string(table["kind"], (*path, "kind"))
    if kind is not None and kind not in ATTRIBUTE_KINDS:
        c.report(
            "E014",
            f"unknown kind {_shown(kind)}; expected one of {', '.join(ATTRIBUTE_KINDS)}",
            (*path, "kind"),
            hint=c.problems.hint(kind, ATTRIBUTE_KINDS),
        )
        kind = None
    label = c.string(table.get("label", key or ""), (*path, "label"))
    values: tuple[str, ...] = ()
    if "values" in table:
        values = c.strings(table["values"], (*path, "values")) or ()
    if kind in ("enum", "set") and not values:
        c.report("E013", f"a {kind} attribute needs its allowed `values`", path)
        kind = None
    order = 1000
    if "order" in table:
        checked_order = c.integer(table["order"], (*path, "order"))
        order = 1000 if checked_order is None else checked_order
    description = ""
    if "description" in table:
        description = c.string(table["description"], (*path, "description")) or ""
    aliases: tuple[str, ...] = ()
    if "aliases" in table:
        aliases = c.strings(table["aliases"], (*path, "aliases")) or ()
    if key is None or kind is None or label is None:
        return None
    if key == "status" and set(values) != set(STATUSES):
        c.report(
            "E014",
            f"the status attribute's values are fixed: {', '.join(STATUSES)}",
            (*path, "values"),
        )
        values = STATUSES
    return Attribute(key, label or key, kind, order, values, description, aliases)


def _check_framework(c: _Checker, i: int, entry: object) -> RawRecord | None:
    path: KeyPath = ("framework", i)
    table = c.table(entry, path)
    if table is None:
        return None
    if "id" not in table:
        hint = None
        if isinstance(table.get("name"), str):
            hint = f"add an id, e.g. id = {_slugify(table['name'])!r}"
        c.report("E013", f"framework #{i + 1} has no id", path, hint=hint)
        return None
    fid = c.string(table["id"], (*path, "id"))
    if fid is None:
        return None
    if not _SLUG.match(fid):
        c.report(
            "E014",
            f"id {_shown(fid)} must be lowercase letters, digits and '-'",
            (*path, "id"),
            fid,
            hint=f"try {_slugify(fid)!r}",
        )
        return None
    c.keys(table, FRAMEWORK_KEYS, path, fid)
    record = RawRecord(fid, origin=c.origin(path))
    if "remove" in table:
        record.remove = bool(c.boolean(table["remove"], (*path, "remove"), fid))
    for key, value in table.items():
        fpath: KeyPath = (*path, key)
        checked = _check_field(c, key, value, fpath, fid)
        if checked is not _INVALID:
            record.fields[key] = (checked, c.origin(fpath))
        elif key in FRAMEWORK_KEYS and key not in ("id", "remove", "facts"):
            record.invalid.add(key)
    if "facts" in table and (facts := c.table(table["facts"], (*path, "facts"), fid)) is not None:
        for key, value in facts.items():
            record.facts[key] = (value, c.origin((*path, "facts", key)))
    return record


_INVALID = object()


def _check_field(c: _Checker, key: str, value: object, path: KeyPath, fid: str) -> Any:
    """Check one framework field's type; return the typed value or _INVALID."""
    result: Any
    if key in ("id", "remove", "facts"):
        return _INVALID  # handled by the caller
    if key in ("name", "summary", "source"):
        result = c.string(value, path, fid, empty=key == "summary")
    elif key == "category":
        result = c.string(value, path, fid)
        if result is not None and result not in CATEGORIES:
            c.report(
                "E014",
                f"unknown category {_shown(result)}; expected one of {', '.join(CATEGORIES)}",
                path,
                fid,
                c.problems.hint(result, CATEGORIES),
            )
            result = None
    elif key in ("aliases", "tags", "sources", *LINK_FIELDS):
        result = c.strings(value, path, fid)
    elif key == "homepage":
        result = c.url(value, path, fid)
    elif key == "links":
        result = _check_links(c, value, path, fid)
    elif key in ("pros", "cons"):
        result = _check_points(c, value, path, fid)
    elif key == "history":
        result = _check_history(c, value, path, fid)
    else:
        return _INVALID  # unknown keys were reported already
    return _INVALID if result is None else result


def _check_links(c: _Checker, value: object, path: KeyPath, fid: str) -> tuple[Link, ...] | None:
    items = c.array(value, path, fid)
    if items is None:
        return None
    links: list[Link] = []
    for i, item in enumerate(items):
        ipath: KeyPath = (*path, i)
        table = c.table(item, ipath, fid)
        if table is None:
            continue
        c.keys(table, LINK_KEYS, ipath, fid)
        if "url" not in table:
            c.report("E013", "link has no url", ipath, fid)
            continue
        url = c.url(table["url"], (*ipath, "url"), fid)
        label = c.string(table.get("label", url or ""), (*ipath, "label"), fid)
        if url is not None and label is not None:
            links.append(Link(label or url, url))
    return tuple(links)


def _check_points(
    c: _Checker, value: object, path: KeyPath, fid: str
) -> tuple[tuple[Point, Origin], ...] | None:
    items = c.array(value, path, fid)
    if items is None:
        return None
    points: list[tuple[Point, Origin]] = []
    for i, item in enumerate(items):
        ipath: KeyPath = (*path, i)
        if isinstance(item, str):
            points.append((Point(item), c.origin(ipath)))
            continue
        if _plain_point(item):
            # The common shape, text and source, needs none of the checks below.
            points.append((Point(item["text"], item.get("source")), c.origin(ipath)))
            continue
        table = c.table(item, ipath, fid)
        if table is None:
            continue
        c.keys(table, POINT_KEYS, ipath, fid)
        if "text" not in table:
            c.report("E013", "entry has no text", ipath, fid)
            continue
        text = c.string(table["text"], (*ipath, "text"), fid, empty=False)
        source = c.string(table["source"], (*ipath, "source"), fid) if "source" in table else None
        shared = (
            c.strings(table["shared_with"], (*ipath, "shared_with"), fid)
            if "shared_with" in table
            else ()
        )
        prose = (
            c.boolean(table["from_prose"], (*ipath, "from_prose"), fid)
            if "from_prose" in table
            else False
        )
        note = c.string(table["note"], (*ipath, "note"), fid) if "note" in table else None
        if text is None:
            continue
        points.append((Point(text, source, shared or (), bool(prose), note), c.origin(ipath)))
    return tuple(points)


_PLAIN_POINT_KEYS = frozenset(("text", "source"))


def _plain_point(item: object) -> bool:
    """A point table of a non-empty text string and, perhaps, a source string."""
    if type(item) is not dict or not item.keys() <= _PLAIN_POINT_KEYS:
        return False
    text, source = item.get("text"), item.get("source", "")
    return type(text) is str and bool(text.strip()) and type(source) is str


def _check_history(
    c: _Checker, value: object, path: KeyPath, fid: str
) -> tuple[tuple[HistoryEvent, Origin], ...] | None:
    items = c.array(value, path, fid)
    if items is None:
        return None
    events: list[tuple[HistoryEvent, Origin]] = []
    for i, item in enumerate(items):
        ipath: KeyPath = (*path, i)
        table = c.table(item, ipath, fid)
        if table is None:
            continue
        c.keys(table, HISTORY_KEYS, ipath, fid)
        missing = [k for k in ("date", "event") if k not in table]
        for k in missing:
            c.report("E013", f"history entry has no {k!r}", ipath, fid)
        if missing:
            continue
        date = c.date(table["date"], (*ipath, "date"), fid)
        event = c.string(table["event"], (*ipath, "event"), fid, empty=False)
        kind = "other"
        if "kind" in table:
            given = c.string(table["kind"], (*ipath, "kind"), fid)
            if given is not None and given not in HISTORY_KINDS:
                c.report(
                    "E014",
                    f"unknown history kind {_shown(given)}; expected one of {', '.join(HISTORY_KINDS)}",
                    (*ipath, "kind"),
                    fid,
                    c.problems.hint(given, HISTORY_KINDS),
                )
            elif given is not None:
                kind = given
        source = c.string(table["source"], (*ipath, "source"), fid) if "source" in table else None
        if date is None or event is None:
            continue
        events.append((HistoryEvent(date, event, kind, source), c.origin(ipath)))
    return tuple(events)


def _slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "framework"


# ---------------------------------------------------------------------------
# Merging and the checks that need every file


@dataclass
class Merged:
    """The union of every document, before the model is built."""

    catalog: dict[str, tuple[Any, Origin]] = field(default_factory=dict)
    sources: dict[str, tuple[Source, Origin]] = field(default_factory=dict)
    attributes: dict[str, tuple[Attribute, Origin]] = field(default_factory=dict)
    records: dict[str, RawRecord] = field(default_factory=dict)
    removed: dict[str, Origin] = field(default_factory=dict)


def merge(docs: Iterable[RawDoc]) -> Merged:
    """Overlay documents in order; later ones win by id (see docs/data-format.md)."""
    merged = Merged()
    for doc in docs:
        merged.catalog.update(doc.catalog)
        merged.sources.update(doc.sources)
        merged.attributes.update(doc.attributes)
        for record in doc.records:
            if record.remove:
                merged.records.pop(record.id, None)
                if record.origin is not None:
                    merged.removed[record.id] = record.origin
                continue
            merged.removed.pop(record.id, None)
            existing = merged.records.get(record.id)
            if existing is None:
                merged.records[record.id] = RawRecord(
                    record.id,
                    dict(record.fields),
                    dict(record.facts),
                    record.origin,
                    invalid=set(record.invalid),
                )
            else:
                existing.fields.update(record.fields)
                existing.facts.update(record.facts)
                existing.invalid |= record.invalid
    return merged


def _fact_value(
    c: Problems,
    attr: Attribute,
    value: object,
    origin: Origin,
    fid: str,
) -> FactScalar | None:
    """Check one fact value against its attribute's kind."""
    checker = _Checker(origin.file, c)
    path = origin.path
    if attr.kind == "text":
        return checker.string(value, path, fid)
    if attr.kind == "bool":
        return checker.boolean(value, path, fid)
    if attr.kind == "date":
        return checker.date(value, path, fid)
    if attr.kind == "enum":
        text = checker.string(value, path, fid)
        if text is not None and text not in attr.values:
            checker.report(
                "E014",
                f"{_shown(text)} is not a {attr.key} value; expected one of {', '.join(attr.values)}",
                path,
                fid,
                c.hint(text, attr.values),
            )
            return None
        return text
    items = checker.strings(value, path, fid)
    if items is None:
        return None
    if attr.kind == "set":
        bad = [v for v in items if v not in attr.values]
        for v in bad:
            checker.report(
                "E014",
                f"{_shown(v)} is not a {attr.key} value; expected some of {', '.join(attr.values)}",
                path,
                fid,
                c.hint(v, attr.values),
            )
        if bad:
            return None
    return items


def _source_time(sources: dict[str, Source], source_id: str | None) -> PartialDate | None:
    """When a claim from this source holds: its date, else the day it was read.

    The same rule decides which pros and cons the article view shows
    (Catalog.source_in_view), so facts and points never disagree.
    """
    source = sources.get(source_id) if source_id else None
    if source is None:
        return None
    return source.date or source.accessed


def _build_fact(
    problems: Problems,
    attr: Attribute,
    raw: object,
    origin: Origin,
    fid: str,
    sources: dict[str, Source],
    default_source: str | None,
) -> Fact | None:
    """A plain value, one ``{ value = ... }`` table or an array of them."""
    entries: list[tuple[object, KeyPath]]
    is_entry_list = isinstance(raw, list) and raw and all(isinstance(x, dict) for x in raw)
    if isinstance(raw, dict):
        entries = [(raw, origin.path)]
    elif is_entry_list:
        assert isinstance(raw, list)
        entries = [(item, (*origin.path, i)) for i, item in enumerate(raw)]
    else:
        value = _fact_value(problems, attr, raw, origin, fid)
        if value is None:
            return None
        src = default_source
        as_of = _source_time(sources, src)
        return Fact(attr.key, (FactValue(value, as_of, src),))
    checker = _Checker(origin.file, problems)
    values: list[FactValue] = []
    for entry, path in entries:
        assert isinstance(entry, dict)
        checker.keys(entry, FACT_ENTRY_KEYS, path, fid)
        if "value" not in entry:
            checker.report("E013", f"dated entry for {attr.key!r} has no value", path, fid)
            continue
        value = _fact_value(
            problems, attr, entry["value"], Origin(origin.file, (*path, "value")), fid
        )
        src = default_source
        if "source" in entry:
            src = checker.string(entry["source"], (*path, "source"), fid)
            if src is not None and src not in sources:
                checker.report(
                    "E022",
                    f"unknown source {_shown(src)}",
                    (*path, "source"),
                    fid,
                    problems.hint(src, sources),
                )
        as_of = None
        if "as_of" in entry:
            as_of = checker.date(entry["as_of"], (*path, "as_of"), fid)
        elif src in sources:
            as_of = _source_time(sources, src)
        note = checker.string(entry["note"], (*path, "note"), fid) if "note" in entry else None
        if value is None:
            continue
        values.append(FactValue(value, as_of, src, note))
    if not values:
        return None
    values.sort(key=lambda v: v.as_of.start if v.as_of else (0, 0, 0))
    return Fact(attr.key, tuple(values))


@dataclass(frozen=True)
class LoadResult:
    """A catalog (when there were no errors) and every problem found."""

    catalog: Catalog | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def build(
    merged: Merged, problems: Problems, files: Sequence[str], strict: bool = False
) -> Catalog:
    """Check links, sources and facts across files, then build the model."""
    sources = {sid: s for sid, (s, _) in merged.sources.items()}
    attributes = {key: a for key, (a, _) in merged.attributes.items()}
    attributes.setdefault("status", STATUS_ATTRIBUTE)
    base_source = merged.catalog.get("base_source", (None, None))[0]
    if base_source is not None and base_source not in sources:
        origin = merged.catalog["base_source"][1]
        problems.add(
            "E022",
            f"unknown base source {base_source!r}",
            origin,
            field="catalog.base_source",
            hint=problems.hint(base_source, sources),
        )
        base_source = None
    ids = set(merged.records)
    names: dict[str, str] | None = None  # built on the first unknown link

    def by_name() -> dict[str, str]:
        nonlocal names
        if names is None:
            names = _names_index(merged)
        return names

    # Links are two-way: a successor names its predecessor too. Collected
    # first, so each framework is built once, with its final links.
    inverse: dict[str, dict[str, list[str]]] = {
        k: {} for k in ("successors", "predecessors", "used_by", "related")
    }
    for fid, record in merged.records.items():
        for link_field, other_end in _INVERSE.items():
            if link_field in record.fields:
                for target in record.fields[link_field][0]:
                    inverse[other_end].setdefault(target, []).append(fid)

    def union(own: tuple[str, ...], extra: list[str] | None, fid: str) -> tuple[str, ...]:
        if not extra:
            return own
        out = list(own)
        seen = set(own)  # a record linked from 20,000 others: no quadratic search
        for x in extra:
            if x not in seen and x != fid and x in ids:
                seen.add(x)
                out.append(x)
        return tuple(out)

    frameworks: list[Framework] = []
    for fid, record in merged.records.items():
        f = record.fields

        def get(key: str, default: Any = None, _f: dict[str, tuple[Any, Origin]] = f) -> Any:
            return _f[key][0] if key in _f else default

        assert record.origin is not None
        if "name" not in f and "name" not in record.invalid:
            problems.add(
                "E013", "framework has no name", record.origin, framework=fid, field="name"
            )
        if "category" not in f and "category" not in record.invalid:
            problems.add(
                "E013",
                "framework has no category",
                record.origin,
                framework=fid,
                field="category",
                hint=f"one of {', '.join(CATEGORIES)}",
            )
        default_source = get("source") or base_source
        if "source" in f and f["source"][0] not in sources:
            problems.add(
                "E022",
                f"unknown source {f['source'][0]!r}",
                f["source"][1],
                framework=fid,
                field="source",
                hint=problems.hint(f["source"][0], sources),
            )
        for sid_index, sid in enumerate(get("sources", ())):
            if sid not in sources:
                origin = Origin(f["sources"][1].file, (*f["sources"][1].path, sid_index))
                problems.add(
                    "E022",
                    f"unknown source {sid!r}",
                    origin,
                    framework=fid,
                    field=f"sources[{sid_index}]",
                    hint=problems.hint(sid, sources),
                )
        if strict and not get("sources") and not default_source:
            problems.add(
                "W030", "record names no source", record.origin, framework=fid, field="sources"
            )
        for link_field in LINK_FIELDS:
            if link_field not in f:
                continue
            for j, target in enumerate(f[link_field][0]):
                origin = Origin(f[link_field][1].file, (*f[link_field][1].path, j))
                if target not in ids:
                    removed = ""
                    hint = problems.hint(target, ids) or _name_hint(target, by_name())
                    if target in merged.removed:
                        gone = merged.removed[target]
                        line, _ = gone.file.locate(gone.path)
                        at = f"{gone.file.name}:{line}" if line else gone.file.name
                        removed = f" (removed by an overlay, {at})"
                        hint = "remove the link too, or keep the record"
                    problems.add(
                        "E021",
                        f"links to unknown framework {target!r}{removed}",
                        origin,
                        framework=fid,
                        field=f"{link_field}[{j}]",
                        hint=hint,
                    )
        points: dict[str, tuple[Point, ...]] = {}
        for kind in ("pros", "cons"):
            resolved: list[Point] = []
            for j, (point, origin) in enumerate(get(kind, ())):
                src = point.source or default_source
                if point.source and point.source not in sources:
                    problems.add(
                        "E022",
                        f"unknown source {point.source!r}",
                        origin,
                        framework=fid,
                        field=f"{kind}[{j}].source",
                        hint=problems.hint(point.source, sources),
                    )
                if strict and not src:
                    problems.add(
                        "W030",
                        f"{kind[:-1]} has no source",
                        origin,
                        framework=fid,
                        field=f"{kind}[{j}]",
                    )
                for k, other in enumerate(point.shared_with):
                    if other not in ids:
                        problems.add(
                            "E021",
                            f"shared with unknown framework {other!r}",
                            origin,
                            framework=fid,
                            field=f"{kind}[{j}].shared_with[{k}]",
                            hint=problems.hint(other, ids),
                        )
                if src != point.source:  # most points name their source: keep them
                    point = Point(point.text, src, point.shared_with, point.from_prose, point.note)
                resolved.append(point)
            points[kind] = tuple(resolved)
        history: list[HistoryEvent] = []
        for j, (event, origin) in enumerate(get("history", ())):
            src = event.source or default_source
            if event.source and event.source not in sources:
                problems.add(
                    "E022",
                    f"unknown source {event.source!r}",
                    origin,
                    framework=fid,
                    field=f"history[{j}].source",
                    hint=problems.hint(event.source, sources),
                )
            if strict and not src:
                problems.add(
                    "W030",
                    "history event has no source",
                    origin,
                    framework=fid,
                    field=f"history[{j}]",
                )
            if src != event.source:
                event = HistoryEvent(event.date, event.event, event.kind, src)
            history.append(event)
        history.sort(key=lambda e: e.date.start)
        facts: dict[str, Fact] = {}
        for key, (raw_value, origin) in record.facts.items():
            attr = attributes.get(key)
            if attr is None:
                hint = problems.hint(key, attributes) or "declare it in [[attributes]]"
                problems.add(
                    "E023",
                    f"fact {key!r} has no [[attributes]] declaration",
                    origin,
                    framework=fid,
                    field=f"facts.{key}",
                    hint=hint,
                )
                continue
            fact = _build_fact(problems, attr, raw_value, origin, fid, sources, default_source)
            if fact is not None:
                facts[key] = fact
        frameworks.append(
            Framework(
                id=fid,
                name=get("name", fid),
                category=get("category", "deep-learning"),
                summary=get("summary", ""),
                aliases=get("aliases", ()),
                tags=get("tags", ()),
                homepage=get("homepage"),
                links=get("links", ()),
                related=union(get("related", ()), inverse["related"].get(fid), fid),
                builds_on=get("builds_on", ()),
                successors=union(get("successors", ()), inverse["successors"].get(fid), fid),
                predecessors=union(get("predecessors", ()), inverse["predecessors"].get(fid), fid),
                used_by=union((), inverse["used_by"].get(fid), fid),
                sources=get("sources", ()),
                pros=points["pros"],
                cons=points["cons"],
                facts=MappingProxyType(facts),
                history=tuple(history),
                origin=record.origin.file.name,
            )
        )

    ordered_attrs = tuple(sorted(attributes.values(), key=lambda a: (a.order, a.label.lower())))
    return Catalog(
        frameworks=tuple(frameworks),
        attributes=ordered_attrs,
        sources=MappingProxyType(sources),
        title=merged.catalog.get("title", ("Frameworks", None))[0],
        date=merged.catalog.get("date", (None, None))[0],
        base_source=base_source,
        files=tuple(files),
    )


#: Each link field, and the field it fills on the framework it names.
_INVERSE = {
    "successors": "predecessors",
    "predecessors": "successors",
    "builds_on": "used_by",
    "related": "related",
}


def _names_index(merged: Merged) -> dict[str, str]:
    """Every record's name and aliases, casefolded, to its id (the first wins)."""
    index: dict[str, str] = {}
    for fid, record in merged.records.items():
        names = [
            record.fields.get("name", ("", None))[0],
            *record.fields.get("aliases", ((), None))[0],
        ]
        for name in names:
            if isinstance(name, str):
                index.setdefault(name.casefold(), fid)
    return index


def _name_hint(target: str, names: dict[str, str]) -> str | None:
    """Match an unknown link against names and aliases too ("PyTorch" -> pytorch)."""
    fid = names.get(target.casefold())
    return None if fid is None else f"did you mean {fid!r}?"


def load(
    files: Sequence[DataFile],
    *,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_records: int = DEFAULT_MAX_RECORDS,
    progress: Callable[[str], None] | None = None,
    cache_dir: Path | None = None,
) -> LoadResult:
    """Load ``files`` in overlay order. Never raises for bad data: see ``problems``.

    A file over ``max_bytes`` bytes or ``max_records`` ``[[framework]]``
    records is refused before it is parsed (E005, E006). With ``cache_dir``,
    a catalog saved there for the same file contents and settings is read
    back instead (see :mod:`fwtui.cache`), and a new one is saved there.
    """
    contents: list[bytes] | None = None
    cache_key = ""
    if cache_dir is not None:
        hit = load_cached(
            files,
            cache_dir=cache_dir,
            strict=strict,
            max_bytes=max_bytes,
            max_records=max_records,
            progress=progress,
        )
        if hit is not None:
            return hit
        # Missed: the files are read once more, and what is parsed is what the
        # new cache's key hashes, even if a file changes meanwhile.
        contents = _read_all(files, max_bytes)
        if contents is not None:
            from fwtui import cache

            named = [(str(f.path), data) for f, data in zip(files, contents, strict=True)]
            cache_key = cache.key(named, _cache_settings(strict, max_bytes, max_records))
    problems = Problems()
    docs: list[RawDoc] = []
    with no_gc():
        for i, data_file in enumerate(files):
            if progress is not None:
                progress(str(data_file.path))
            data = contents[i] if contents is not None else None
            parsed = read_file(data_file, problems, max_bytes, max_records, data)
            if parsed is not None:
                docs.append(check_document(parsed, problems))
        names = [str(f.path) for f in files]
        catalog = build(merge(docs), problems, names, strict)
    ordered = _in_file_order(problems.items, names)
    if problems.errors:
        return LoadResult(None, ordered)
    if cache_dir is not None and contents is not None:
        from fwtui import cache

        cache.write_later(cache_dir, cache_key, catalog, ordered)
    return LoadResult(catalog, ordered)


def load_cached(
    files: Sequence[DataFile],
    *,
    cache_dir: Path,
    strict: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_records: int = DEFAULT_MAX_RECORDS,
    progress: Callable[[str], None] | None = None,
) -> LoadResult | None:
    """The catalog saved in ``cache_dir`` for these files as they are now, if any.

    Costs a read and a hash of each file (in chunks, so a large file is never
    held whole): the explorer asks this first and shows its loading screen
    only when the answer is None.
    """
    from fwtui import cache

    digests: list[tuple[str, bytes]] = []
    for data_file in files:
        if progress is not None:
            progress(str(data_file.path))
        digest = _file_digest(data_file.path, max_bytes)
        if digest is None:
            return None
        digests.append((str(data_file.path), digest))
    cache_key = cache.combine(digests, _cache_settings(strict, max_bytes, max_records))
    hit = cache.read(cache_dir, cache_key)
    if hit is None:
        return None
    catalog, problems = hit
    return LoadResult(catalog, problems)


def _cache_settings(strict: bool, max_bytes: int, max_records: int) -> tuple[object, ...]:
    """What else decides a load's outcome, besides the files."""
    return (SCHEMA_VERSION, strict, max_bytes, max_records)


def _file_digest(path: Path, max_bytes: int) -> bytes | None:
    """SHA-256 of a file's bytes, or None when it cannot be read within the limit."""
    import hashlib

    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(1 << 20):
                size += len(chunk)
                if size > max_bytes:
                    return None  # the load reports it
                digest.update(chunk)
    except (OSError, ValueError):
        return None
    return digest.digest()


def _read_all(files: Sequence[DataFile], max_bytes: int) -> list[bytes] | None:
    """Every file's bytes, or None when one cannot be read (the load says why)."""
    contents: list[bytes] = []
    for data_file in files:
        data = _read_bytes(data_file, Problems(), max_bytes)
        if data is None:
            return None
        contents.append(data)
    return contents


def check_file(
    data_file: DataFile,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_records: int = DEFAULT_MAX_RECORDS,
) -> tuple[Problem, ...]:
    """The problems one file has on its own: reading, syntax and shape.

    Links, sources and facts are not checked: an overlay may lean on records,
    sources and attributes that another file declares.
    """
    problems = Problems()
    parsed = read_file(data_file, problems, max_bytes, max_records)
    if parsed is not None:
        check_document(parsed, problems)
    return _in_file_order(problems.items, [str(data_file.path)])


def _in_file_order(items: Sequence[Problem], names: Sequence[str]) -> tuple[Problem, ...]:
    """Problems as a compiler lists them: by file (in overlay order), then line."""
    rank = {name: i for i, name in reversed(list(enumerate(names)))}

    def key(p: Problem) -> tuple[int, int, int]:
        return (rank.get(p.file, len(names)), p.line or 0, p.column or 0)

    return tuple(sorted(items, key=key))


def load_catalog(files: Sequence[DataFile], **kwargs: Any) -> Catalog:
    """Load or raise :class:`CatalogError` with every problem found."""
    result = load(files, **kwargs)
    if result.catalog is None:
        raise CatalogError(list(result.errors))
    return result.catalog


def load_paths(paths: Sequence[str | Path], **kwargs: Any) -> LoadResult:
    """Load explicit paths only (no bundled data): for validation and tests."""
    return load([DataFile(Path(p), "--data", True) for p in paths], **kwargs)
