"""Hostile files: whatever a data file holds, the loader loads it or reports
documented problems, never raises, and places every problem inside the file.

Hypothesis feeds ``load_paths`` five kinds of documents (see docs/robustness.md,
"Hostile files"): valid TOML of every wrong shape, generated as Python values
and written by the small TOML writer below (the dependencies have no writer);
mutations of the bundled catalog; the bundled catalog cut at random bytes;
random bytes; and other encodings (latin-1, cp1252, UTF-16, BOMs).

Example counts come from ``tests/hypothesis_profiles.py``: the ``ci`` profile
(every ``make test``) and ``FWTUI_FUZZ_PROFILE=long`` (25 times as many).
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import currently_in_test_context, event, given
from hypothesis import strategies as st

from fwtui import tomlcompat
from fwtui.catalog import LoadResult, load_paths
from fwtui.compare import build_matrix
from fwtui.model import CATEGORIES, HISTORY_KINDS, STATUSES, Catalog, View
from fwtui.paths import bundled_data
from fwtui.problems import CODES
from fwtui.query import Filters, apply
from tests.hypothesis_profiles import fuzz_settings

#: Problems about the file as a whole: they may come without a line.
FILE_LEVEL = {"E001", "E004", "E005", "E006"}

#: Examples per test in the ``ci`` profile (2,150 in all; x25 in ``long``).
EXAMPLES = {
    "shapes": 900,
    "mutations": 400,
    "truncations": 250,
    "bytes": 300,
    "encodings": 300,
}

BUNDLED = bundled_data().read_bytes()


# ---------------------------------------------------------------------------
# The checks every example must pass


def line_count(data: bytes) -> int:
    """Lines as an editor numbers them: "\\n" ends a line, a final one starts none."""
    return max(1, data.count(b"\n") + (0 if data.endswith(b"\n") else 1))


@pytest.fixture(scope="module")
def data_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file, rewritten by every example (a folder per example costs time)."""
    return tmp_path_factory.mktemp("fuzz") / "data.toml"


def load_bytes(path: Path, data: bytes) -> LoadResult:
    path.write_bytes(data)
    return check_result(path, data, load_paths([path]))


def check_result(path: Path, data: bytes, result: LoadResult) -> LoadResult:
    """The contract: loaded, or refused with documented, well-placed problems."""
    lines = line_count(data)
    # Shown by `pytest --hypothesis-show-statistics`: what the examples reach.
    if currently_in_test_context():
        event("loaded" if result.catalog is not None else "refused")
        for code in sorted({p.code for p in result.problems}):
            event(f"problem {code}")
    for problem in result.problems:
        shown = problem.format()  # never raises, one safe string
        assert isinstance(shown, str), problem
        assert problem.code in CODES, shown
        assert problem.file == str(path), shown
        assert "internal error" not in problem.message.lower(), shown
        if problem.line is None:
            assert problem.code in FILE_LEVEL, f"no line for a problem in the text: {shown}"
            assert problem.column is None, shown
        else:
            assert 1 <= problem.line <= lines, f"line outside the file ({lines} lines): {shown}"
            assert problem.column is None or problem.column >= 1, shown
    if result.catalog is None:
        assert result.errors, "a refused file must say why"
    else:
        assert not result.errors
        exercise(result.catalog)
    return result


def exercise(catalog: Catalog) -> None:
    """A catalog that loads must work everywhere: status, facts, views, query, compare."""
    for view in View:
        for fw in catalog:
            catalog.status(fw, view)
            catalog.pros(fw, view)
            catalog.cons(fw, view)
            catalog.covers(fw)
            for attr in catalog.attributes:
                fw.fact(attr.key, view, catalog.cutoff)
        apply(catalog, Filters(view=view))
        apply(catalog, Filters(text="a", view=view, sort="first_release"))
        if len(catalog) >= 2:
            build_matrix(catalog, list(catalog.frameworks[:3]), view)


# ---------------------------------------------------------------------------
# A small TOML writer, with random (but valid) layout


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_ESCAPES = {
    '"': '\\"',
    "\\": "\\\\",
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def _escape(text: str, keep_newlines: bool = False) -> str:
    out = []
    for ch in text:
        if keep_newlines and ch == "\n":
            out.append(ch)
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return "".join(out)


def _literal_ok(text: str, multiline: bool) -> bool:
    for ch in text:
        if ch == "'" or ch == "\r" or (ch == "\n" and not multiline):
            return False
        if (ord(ch) < 0x20 and ch not in "\t\n") or ord(ch) == 0x7F:
            return False
    return True


def toml_key(key: str, rnd: random.Random) -> str:
    if _BARE_KEY.fullmatch(key) and rnd.random() < 0.9:
        return key
    if _literal_ok(key, False) and rnd.random() < 0.3:
        return f"'{key}'"
    return f'"{_escape(key)}"'


def toml_string(text: str, rnd: random.Random) -> str:
    style = rnd.random()
    if style < 0.1 and _literal_ok(text, False):
        return f"'{text}'"
    if style < 0.15 and _literal_ok(text, True) and not text.endswith("'"):
        return f"'''\n{text}'''"
    if style < 0.2:
        return f'"""\n{_escape(text, keep_newlines=True)}"""'
    return f'"{_escape(text)}"'


class Deep:
    """A value wrapped in ``depth`` arrays (or inline tables), written without
    recursion so that nesting deeper than the parser allows can be written."""

    def __init__(self, depth: int, tables: bool, leaf: Any) -> None:
        self.depth, self.tables, self.leaf = depth, tables, leaf

    def plain(self) -> Any:
        value = self.leaf
        for _ in range(self.depth):
            value = {"k": value} if self.tables else [value]
        return value


def toml_value(value: Any, rnd: random.Random) -> str:
    if isinstance(value, Deep):
        opener, closer = ("{ k = ", " }") if value.tables else ("[", "]")
        return opener * value.depth + toml_value(value.leaf, rnd) + closer * value.depth
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if rnd.random() < 0.1 and value >= 0:
            return rnd.choice([hex, oct, bin])(value)  # 0x.., 0o.., 0b..
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value, rnd)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        text = value.isoformat()
        return text.replace("T", " ", 1) if rnd.random() < 0.1 else text
    if isinstance(value, list):
        items = [toml_value(v, rnd) for v in value]
        if items and rnd.random() < 0.3:  # one per line, a trailing comma and a comment
            return "[\n" + "".join(f"  {item},  # c\n" for item in items) + "]"
        return "[" + ", ".join(items) + "]"
    if isinstance(value, dict):
        pairs = [f"{toml_key(k, rnd)} = {toml_value(v, rnd)}" for k, v in value.items()]
        return "{ " + ", ".join(pairs) + " }" if pairs else "{}"
    raise TypeError(type(value))


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def toml_document(doc: dict[str, Any], rnd: random.Random) -> str:
    """``doc`` as TOML: tables as headers, inline or dotted keys, at random."""
    lines: list[str] = []
    if rnd.random() < 0.2:
        lines += ["# a generated document", ""]
    _table(lines, (), doc, rnd)
    eol = "\r\n" if rnd.random() < 0.1 else "\n"
    return eol.join(lines) + (eol if rnd.random() < 0.9 else "")


def _dotted(lines: list[str], prefix: str, table: dict[str, Any], rnd: random.Random) -> None:
    for key, value in table.items():
        name = f"{prefix}.{toml_key(key, rnd)}"
        if isinstance(value, dict) and value and rnd.random() < 0.5:
            _dotted(lines, name, value, rnd)
        else:
            lines.append(f"{name} = {toml_value(value, rnd)}")


def _table(
    lines: list[str], path: tuple[str, ...], table: dict[str, Any], rnd: random.Random
) -> None:
    headers: list[tuple[str, Any]] = []
    for key, value in table.items():
        as_header = 0.6 if isinstance(value, dict) else 0.8 if _is_table_array(value) else 0
        if rnd.random() < as_header:
            headers.append((key, value))
        elif isinstance(value, dict) and value and rnd.random() < 0.5:
            _dotted(lines, toml_key(key, rnd), value, rnd)
        else:
            spaces = rnd.choice([" ", " ", "  ", "\t"])
            comment = "  # note" if rnd.random() < 0.1 else ""
            lines.append(f"{toml_key(key, rnd)}{spaces}={spaces}{toml_value(value, rnd)}{comment}")
    for key, value in headers:
        sub = (*path, key)
        name = ".".join(toml_key(k, rnd) for k in sub)
        if isinstance(value, dict):
            lines += ["", f"[{name}]"]
            _table(lines, sub, value, rnd)
        else:
            for item in value:
                lines += ["", f"[[{name}]]"]
                _table(lines, sub, item, rnd)


def plain(value: Any) -> Any:
    """What the parser should give back: NaN made comparable, Deep unwrapped.
    (Loops, not comprehensions: one stack frame per level of nesting.)"""
    if isinstance(value, Deep):
        value = value.plain()
    if isinstance(value, float) and math.isnan(value):
        return "<nan>"
    if isinstance(value, list):
        items = []
        for v in value:
            items.append(plain(v))
        return items
    if isinstance(value, dict):
        table = {}
        for k, v in value.items():
            table[k] = plain(v)
        return table
    return value


def test_the_small_catalog_loads(data_path: Path) -> None:
    assert load_bytes(data_path, SMALL.encode()).problems == ()


def test_the_writer_round_trips_a_known_document() -> None:
    doc = {
        "schema_version": 1,
        "a b": {"c": [1, 2.5, "x\ny\u0001\"'"], "d": dt.date(2017, 9, 28)},
        "framework": [{"id": "a", "facts": {"status": "active"}, "history": [{"date": "2017"}]}],
        "deep": Deep(20, False, "leaf"),
        "0\n": False,  # not a bare key: `$` matches before a final newline
    }
    for seed in range(50):
        text = toml_document(doc, random.Random(seed))
        assert plain(tomlcompat.loads(text)) == plain(doc), text


# ---------------------------------------------------------------------------
# Strategies: documents shaped like data files, right and wrong


IDS = ["a", "b", "c", "keras", "b-2", "zz-missing", "Not A Slug", "", "x_y"]
SOURCE_IDS = ["art", "src-2", "nowhere", "Bad Src", ""]
ATTRIBUTE_KEYS = ["status", "lang", "size", "flag", "when", "kind-x", "Bad Key", ""]
ENUM_VALUES = [*STATUSES, "on", "off", "bogus", ""]
DATES = ["2017", "2017-01", "2017-09-28", "2016-02-29", "2017-02-29", "2017-13", "17", ""]
URLS = ["https://example.org", "http://x.y/z", "ftp://x", "javascript:alert(1)", "", "https://"]
TYPOS = ["sumary", "nmae", "framwork", "Name", "id ", "facts ", "[x]", "é"]

short_text = st.text(max_size=10)
offsets = st.integers(-24 * 60 + 1, 24 * 60 - 1).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
datetimes = st.datetimes(timezones=st.none() | offsets)
scalars = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(),
    short_text,
    st.dates(),
    datetimes,
    st.times(),
)
any_value = st.recursive(
    scalars,
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(short_text, kids, max_size=4),
    max_leaves=10,
)
deep_value = st.builds(
    Deep, st.sampled_from([2, 30, 150, 300, 450, 1_000, 5_000]), st.booleans(), scalars
)
date_value = st.one_of(st.sampled_from(DATES), st.dates(), datetimes, st.times(), short_text)


@st.composite
def huge_array(draw: st.DrawFn) -> list[Any]:
    """Thousands of items, cheap to draw: one item repeated, or numbered ids."""
    size = draw(st.integers(1_000, 20_000))
    item = draw(st.sampled_from(["same", "a", 1, "zz-missing"]))
    if draw(st.booleans()):
        return [f"t{i}" for i in range(size)]
    return [item] * size


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A document shaped like a data file, each part right or (at a drawn rate) wrong."""
    chaos = draw(st.sampled_from([0, 0, 3, 10, 40]))  # percent of values made wrong

    def wrong() -> bool:
        return chaos > 0 and draw(st.integers(0, 99)) < chaos

    def value(good: st.SearchStrategy[Any]) -> Any:
        if wrong():
            return draw(st.one_of(any_value, deep_value, huge_array()))
        return draw(good)

    def maybe(table: dict[str, Any], key: str, good: st.SearchStrategy[Any]) -> None:
        # A record without an id only at the chaos rate; other keys are
        # missing a third of the time.
        missing = wrong() and draw(st.booleans()) if key == "id" else draw(st.integers(0, 2)) == 0
        if not missing:
            table[key] = value(good)

    def extra(table: dict[str, Any]) -> None:
        if wrong():
            table[draw(st.sampled_from(TYPOS) | short_text)] = draw(any_value)

    ids = st.sampled_from(IDS)
    sources = st.sampled_from(SOURCE_IDS)
    strings = st.lists(short_text, max_size=3)
    doc: dict[str, Any] = {}
    if not wrong():
        doc["schema_version"] = 1
    elif draw(st.booleans()):
        doc["schema_version"] = draw(any_value)
    if draw(st.booleans()):
        catalog: dict[str, Any] = {}
        maybe(catalog, "title", short_text)
        maybe(catalog, "date", date_value)
        maybe(catalog, "base_source", sources)
        extra(catalog)
        doc["catalog"] = value(st.just(catalog))
    if draw(st.booleans()):
        table: dict[str, Any] = {}
        for sid in draw(st.lists(sources, max_size=3, unique=True)):
            source: dict[str, Any] = {}
            maybe(source, "title", short_text)
            for key in ("author", "label"):
                maybe(source, key, short_text)
            maybe(source, "url", st.sampled_from(URLS))
            for key in ("date", "accessed"):
                maybe(source, key, date_value)
            extra(source)
            table[sid] = value(st.just(source))
        doc["sources"] = value(st.just(table))
    kinds: dict[str, str] = {}
    if draw(st.booleans()):
        attributes: list[Any] = []
        for _ in range(draw(st.integers(0, 4))):
            attr: dict[str, Any] = {}
            key = draw(st.sampled_from(ATTRIBUTE_KEYS))
            kind = draw(st.sampled_from(["text", "list", "enum", "set", "bool", "date", "colour"]))
            kinds[key] = kind
            maybe(attr, "key", st.just(key))
            maybe(attr, "kind", st.just(kind))
            maybe(attr, "label", short_text)
            maybe(attr, "values", st.lists(st.sampled_from(ENUM_VALUES), max_size=5))
            maybe(attr, "order", st.integers(-5, 100))
            maybe(attr, "description", short_text)
            maybe(attr, "aliases", strings)
            extra(attr)
            attributes.append(value(st.just(attr)))
        doc["attributes"] = value(st.just(attributes))
    if draw(st.booleans()) or not doc:
        records: list[Any] = []
        for _ in range(draw(st.integers(0, 5))):
            records.append(value(st.just(framework(draw, ids, sources, kinds, maybe, extra))))
        if draw(st.integers(0, 19)) == 0:  # many records
            records += [
                {"id": f"f{i}", "name": "F", "category": "deep-learning"}
                for i in range(draw(st.integers(1, 3_000)))
            ]
        doc["framework"] = value(st.just(records))
    extra(doc)
    if draw(st.integers(0, 29)) == 0:  # nesting up to and past what the parser reads
        doc[draw(st.sampled_from(["schema_version", "deep"]))] = draw(deep_value)
    return doc


def fact_value(kind: str | None) -> st.SearchStrategy[Any]:
    plain_value = {
        "text": short_text,
        "list": st.lists(short_text, max_size=3),
        "enum": st.sampled_from(ENUM_VALUES),
        "set": st.lists(st.sampled_from(ENUM_VALUES), max_size=3),
        "bool": st.booleans(),
        "date": date_value,
    }.get(kind or "", short_text)
    entry = st.fixed_dictionaries(
        {"value": plain_value},
        optional={
            "as_of": date_value,
            "source": st.sampled_from(SOURCE_IDS),
            "note": short_text,
        },
    )
    return st.one_of(plain_value, entry, st.lists(entry, min_size=1, max_size=3))


def framework(
    draw: st.DrawFn,
    ids: st.SearchStrategy[str],
    sources: st.SearchStrategy[str],
    kinds: dict[str, str],
    maybe: Callable[[dict[str, Any], str, st.SearchStrategy[Any]], None],
    extra: Callable[[dict[str, Any]], None],
) -> dict[str, Any]:
    record: dict[str, Any] = {}
    maybe(record, "id", ids)
    maybe(record, "name", short_text)
    maybe(record, "category", st.sampled_from([*CATEGORIES, "robotics", ""]))
    for key in ("summary", "source"):
        maybe(record, key, short_text if key == "summary" else sources)
    for key in ("aliases", "tags"):
        maybe(record, key, st.lists(short_text, max_size=3))
    maybe(record, "homepage", st.sampled_from(URLS))
    maybe(
        record,
        "links",
        st.lists(
            st.fixed_dictionaries({"url": st.sampled_from(URLS)}, optional={"label": short_text}),
            max_size=2,
        ),
    )
    for key in ("related", "builds_on", "successors", "predecessors"):
        maybe(record, key, st.lists(ids, max_size=3))
    maybe(record, "sources", st.lists(sources, max_size=2))
    point = st.one_of(
        short_text,
        st.fixed_dictionaries(
            {"text": short_text},
            optional={
                "source": sources,
                "shared_with": st.lists(ids, max_size=2),
                "from_prose": st.booleans(),
                "note": short_text,
            },
        ),
    )
    for key in ("pros", "cons"):
        maybe(record, key, st.lists(point, max_size=3))
    maybe(
        record,
        "history",
        st.lists(
            st.fixed_dictionaries(
                {"date": date_value, "event": short_text},
                optional={
                    "kind": st.sampled_from([*HISTORY_KINDS, "party"]),
                    "source": sources,
                },
            ),
            max_size=3,
        ),
    )
    keys = st.sampled_from([*kinds, *ATTRIBUTE_KEYS, "undeclared"])
    facts: dict[str, Any] = {}
    for key in draw(st.lists(keys, max_size=4, unique=True)):
        maybe(facts, key, fact_value(kinds.get(key)))
    if facts or draw(st.booleans()):
        record["facts"] = facts
    if draw(st.integers(0, 29)) == 0:
        record["tags"] = draw(huge_array())
    if draw(st.integers(0, 9)) == 0:
        maybe(record, "remove", st.booleans())
    extra(record)
    return record


# ---------------------------------------------------------------------------
# The fuzz tests


@fuzz_settings(EXAMPLES["shapes"])
@given(doc=documents(), rnd=st.randoms(use_true_random=False))
def test_documents_of_every_shape(data_path: Path, doc: dict[str, Any], rnd: random.Random) -> None:
    text = toml_document(doc, rnd)
    try:
        parsed = tomlcompat.loads(text)
    except RecursionError:
        parsed = None  # nested deeper than the parser goes: the loader must say so
    if parsed is not None:
        assert plain(parsed) == plain(doc), "the test's TOML writer is wrong"
    result = load_bytes(data_path, text.encode())
    if parsed is None:
        assert [p.code for p in result.problems] == ["E007"]
    for problem in result.problems:
        if problem.code == "E011" and problem.field and problem.line:
            key = problem.field.rsplit(".", 1)[-1].split("[")[0]
            if _BARE_KEY.fullmatch(key):  # the unknown key is on the line reported
                line = text.split("\n")[problem.line - 1]
                assert key in line, (problem.format(), text)


# Edits made to a small copy of the bundled catalog: realistic files, wrong in
# one or a few places (a value replaced, a line lost, doubled or moved).
def _small_catalog(records: int = 6) -> str:
    """The bundled catalog's head and first records, with a stub for each
    framework they link to, so that it loads as it is."""
    end = [m.start() for m in re.finditer(rb"(?m)^\[\[framework\]\]", BUNDLED)][records]
    text = BUNDLED[:end].decode()
    doc = tomlcompat.loads(text)
    defined = {fw["id"] for fw in doc["framework"]}
    linked = {
        target
        for fw in doc["framework"]
        for key in ("related", "builds_on", "successors", "predecessors")
        for target in fw.get(key, ())
    }
    for missing in sorted(linked - defined):
        text += (
            f'[[framework]]\nid = "{missing}"\nname = "{missing}"\ncategory = "deep-learning"\n\n'
        )
    return text


SMALL = _small_catalog()
FRAGMENTS = [
    "[[framework]]",
    "[framework.facts]",
    "[[framework.history]]",
    "[[attributes]]",
    "[sources.new]",
    'id = "keras"',
    'id = "New Id"',
    'category = "robotics"',
    'status = "bogus"',
    'status = [{ value = "active", as_of = "2017-13" }]',
    'undeclared = "fact"',
    'related = ["nobody"]',
    'builds_on = ["keras", "keras"]',
    'pros = [{ text = "x", source = "nowhere" }]',
    "remove = true",
    "schema_version = 2",
    "date = 2017-09-28T10:00:00Z",
    "name = { first = 'x' }",
    "x = [[[[[[]]]]]]",
    'kind = "set"',
    "values = []",
]

#: Lines that take a parameter: keys of many parts, long integers, deep nesting,
#: characters that other tools count as line breaks.
GENERATED_FRAGMENTS = st.one_of(
    st.integers(1, 3_000).map(lambda n: "k" + ".a" * n + " = 1"),
    st.integers(1, 3_000).map(lambda n: "[framework" + ".a" * n + "]"),
    st.integers(4_000, 5_000).map(lambda n: "order = " + "7" * n),
    st.integers(1, 2_000).map(lambda n: "x = " + "[" * n + "]" * n),
    st.integers(1, 2_000).map(lambda n: "x = " + "{ a = " * n + "1" + " }" * n),
    st.sampled_from(["\u2028", "\u2029", "\x85", "\x0c", "\x1c", "\ufeff"]).map(
        lambda sep: f'summary = "{sep}{sep}"'
    ),
)


@st.composite
def mutated_catalog(draw: st.DrawFn) -> str:
    lines = SMALL.split("\n")
    index = st.integers(0, len(lines) - 1)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["value", "value", "fragment", "delete", "double", "move"]))
        i = draw(index) % len(lines)
        if op == "value" and " = " in lines[i]:
            key = lines[i].split(" = ", 1)[0]
            lines[i] = f"{key} = {toml_value(draw(any_value), random.Random(i))}"
        elif op == "fragment":
            lines.insert(i, draw(st.sampled_from(FRAGMENTS) | GENERATED_FRAGMENTS))
        elif op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "double":
            lines.insert(i, lines[i])
        elif op == "move":
            lines.insert(draw(index) % len(lines), lines.pop(i))
    return "\n".join(lines)


@fuzz_settings(EXAMPLES["mutations"])
@given(text=mutated_catalog())
def test_edited_catalogs(data_path: Path, text: str) -> None:
    load_bytes(data_path, text.encode())


@fuzz_settings(EXAMPLES["truncations"])
@given(cut=st.integers(0, len(BUNDLED)), tail=st.sampled_from([b"", b"\n", b"]", b'"', b"\xff"]))
def test_the_bundled_catalog_cut_anywhere(data_path: Path, cut: int, tail: bytes) -> None:
    load_bytes(data_path, BUNDLED[:cut] + tail)


@fuzz_settings(EXAMPLES["bytes"])
@given(data=st.binary(max_size=4096) | st.binary(max_size=64).map(lambda b: SMALL.encode() + b))
def test_random_bytes(data_path: Path, data: bytes) -> None:
    load_bytes(data_path, data)


BOM = b"\xef\xbb\xbf"
ENCODINGS = ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-8-sig", "utf-8+2bom", "utf-8"]


@fuzz_settings(EXAMPLES["encodings"])
@given(
    doc=documents(),
    rnd=st.randoms(use_true_random=False),
    word=st.text(st.characters(min_codepoint=0xA0, max_codepoint=0xFF), min_size=1, max_size=5),
    encoding=st.sampled_from(ENCODINGS),
)
def test_other_encodings_and_boms(
    data_path: Path, doc: dict[str, Any], rnd: random.Random, word: str, encoding: str
) -> None:
    """Non-UTF-8 text is E002 on the line of the first bad byte; a BOM changes nothing."""
    text = toml_document(doc, rnd)
    # A line with non-ASCII text, somewhere in the file.
    lines = text.split("\n")
    lines.insert(rnd.randrange(len(lines) + 1), f"# {word}")
    text = "\n".join(lines)
    if encoding == "utf-8+2bom":
        data = BOM + BOM + text.encode()
    else:
        data = text.encode(encoding, errors="replace")
    result = load_bytes(data_path, data)
    if encoding in ("latin-1", "cp1252"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:  # E002, on the line of the first bad byte
            assert [p.code for p in result.problems] == ["E002"]
            assert result.problems[0].line == data[: exc.start].count(b"\n") + 1
    if encoding == "utf-8-sig":  # the BOM is skipped: same problems, same places
        plain_result = load_bytes(data_path, text.encode())
        assert [(p.code, p.line, p.column) for p in result.problems] == [
            (p.code, p.line, p.column) for p in plain_result.problems
        ]
    if encoding in ("utf-16", "utf-16-le", "utf-8+2bom"):
        assert result.catalog is None


# ---------------------------------------------------------------------------
# Regressions: what the fuzzer (and the hunt for it) found, one test each


def test_an_integer_too_long_for_python_is_a_syntax_error(data_path: Path) -> None:
    """tomllib let Python's ValueError through (integers of over 4,300 digits)."""
    text = "schema_version = 1\n[catalog]\ntitle = " + "9" * 5000 + "\n"
    (problem,) = load_bytes(data_path, text.encode()).problems
    assert (problem.code, problem.line, problem.column) == ("E003", 3, 9)
    assert "4300 digits" in problem.message
    assert problem.excerpt is not None and problem.excerpt.startswith("title = 999")


def test_nesting_too_deep_is_placed_where_it_is_deepest(data_path: Path) -> None:
    """RecursionError used to come without a line; the deepest point is reported."""
    text = 'schema_version = 1\ns = "[[[[" # [[[\nx = [' + "[" * 3000 + "]" * 3001 + "\n"
    (problem,) = load_bytes(data_path, text.encode()).problems
    assert (problem.code, problem.line) == ("E007", 3)
    assert problem.column == 3005  # the 3,001st "[" of line 3
    assert "nested too deep" in problem.message


def test_end_of_document_is_on_the_last_line(data_path: Path) -> None:
    """tomli 2.1+ (Python 3.10 here) put it on the line after the final newline."""
    (problem,) = load_bytes(data_path, b"schema_version = 1\nx = [\n").problems
    assert (problem.code, problem.line) == ("E003", 2)
    assert problem.excerpt == "x = ["


def test_error_positions_past_the_end_are_clamped() -> None:
    from fwtui.catalog import _toml_error_position

    class Late(ValueError):
        msg, lineno, colno = "Unclosed array", 3, 1

    assert _toml_error_position(Late(), "a = 1\nx = [\n") == (2, 6, "Unclosed array")
    assert _toml_error_position(Late(), "a = 1\r\nx = [\r\n") == (2, 6, "Unclosed array")


def test_only_newlines_end_lines(data_path: Path) -> None:
    """Line separators in strings (U+2028, form feed via splitlines) are not lines:
    the excerpt and the end-of-document line used to count them."""
    text = 'schema_version = 1\nsummary = "\u2028\u2029\u0085"\nx = ['
    (problem,) = load_bytes(data_path, text.encode()).problems
    assert (problem.code, problem.line, problem.excerpt) == ("E003", 3, "x = [")


@pytest.mark.parametrize(
    ("key", "written"),
    [("\x1f", r'"\u001F"'), ("\U0001f600", r'"\U0001F600"'), ("a\tb", r'"a\tb"'), ('"', r'"\""')],
)
def test_escaped_quoted_keys_are_located(data_path: Path, key: str, written: str) -> None:
    """The locator read "\\u001F" as "u001F", so the unknown key had no line."""
    text = f"schema_version = 1\n\n{written} = false\n"
    (problem,) = load_bytes(data_path, text.encode()).problems
    assert (problem.code, problem.field, problem.line, problem.column) == ("E011", key, 3, 1)


@pytest.mark.parametrize(
    "key",
    [
        "x" + ".a" * 100_000,  # 200 KB that made tomllib fill gigabytes (killed)
        "x" + ".a" * 2_000,  # tomli (Python 3.10): RecursionError without a line
        "[x" + ".a" * 50_000 + "]",  # a header: tables nested 50,000 deep
        '\'q\' . "r\\"s"' + ' . "t"' * 16,  # quoted parts and spaces count too
        "t = { " + "a." * 20 + "b = 1 }",  # in an inline table
    ],
)
def test_keys_of_too_many_parts_are_refused_before_parsing(
    data_path: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    def refuse(text: str, **kwargs: Any) -> Any:
        raise AssertionError("parsed")

    monkeypatch.setattr(tomlcompat, "loads", refuse)
    text = "schema_version = 1\n# a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s\n" + key
    if not key.startswith(("[", "t =")):
        text += " = 1"
    (problem,) = load_bytes(data_path, (text + "\n").encode()).problems
    assert (problem.code, problem.line) == ("E007", 3)
    assert problem.column == (7 if key.startswith("t =") else 2 if key.startswith("[") else 1)
    assert "more than 16 dotted parts" in problem.message


def test_keys_of_sixteen_parts_still_load(data_path: Path) -> None:
    text = "schema_version = 1\nx" + ".a" * 15 + " = 1\n"
    (problem,) = load_bytes(data_path, text.encode()).problems
    assert (problem.code, problem.line, problem.field) == ("E011", 2, "x")


def test_values_nested_deep_are_shown_briefly(data_path: Path) -> None:
    """Values in messages went through repr(): unbounded in size, and past
    Python's recursion limit for values nested deep enough."""
    from fwtui.catalog import _shown

    deep: list[Any] = []
    for _ in range(5_000):
        deep = [deep]
    assert _shown(deep) == "[" * 20 + "[...]" + "]" * 14 + "…"
    assert _shown(list(range(100_000))).startswith("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,")
    text = "schema_version = " + "{ a = " * 200 + "1" + " }" * 200 + "\n"
    (problem,) = load_bytes(data_path, text.encode()).problems
    assert problem.code == "E010"
    assert problem.message.startswith("unsupported schema_version {'a': {'a':")
    assert len(problem.message) < 100
