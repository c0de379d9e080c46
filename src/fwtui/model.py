"""The immutable catalog model shared by the CLI, the explorer and the tests.

Nothing here imports Textual or reads files: the loader builds these objects,
everything else only reads them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum
from types import MappingProxyType

STATUSES: tuple[str, ...] = ("active", "maintenance", "discontinued", "merged", "unknown")
CATEGORIES: tuple[str, ...] = ("deep-learning", "machine-learning")
ATTRIBUTE_KINDS: tuple[str, ...] = ("text", "list", "enum", "set", "bool", "date")
HISTORY_KINDS: tuple[str, ...] = (
    "release",
    "merge",
    "successor",
    "foundation",
    "maintenance",
    "retired",
    "archived",
    "announcement",
    "other",
)

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=False)
class PartialDate:
    """A date kept at the precision its source gives: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        m = _DATE_RE.match(text)
        if not m:
            raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
        year = int(m.group(1))
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month out of range in {text!r}")
        if (
            day is not None
            and month is not None
            and not 1 <= day <= calendar.monthrange(year, month)[1]
        ):
            raise ValueError(f"day out of range in {text!r}")
        return cls(year, month, day)

    @property
    def start(self) -> tuple[int, int, int]:
        """The first day the date covers, as a sortable tuple."""
        return (self.year, self.month or 1, self.day or 1)

    @property
    def end(self) -> tuple[int, int, int]:
        """The last day the date covers: ``2017`` ends on 2017-12-31."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return (self.year, month, day)

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


#: A fact's value: one string, a tuple of strings, a boolean or a date.
FactScalar = str | bool | PartialDate | tuple[str, ...]


class View(Enum):
    """Which moment the explorer shows: the base source's time or the latest data."""

    TODAY = "today"
    ARTICLE = "article"


@dataclass(frozen=True)
class Source:
    """A document claims are attributed to."""

    id: str
    title: str
    author: str | None = None
    url: str | None = None
    date: PartialDate | None = None
    accessed: PartialDate | None = None
    label: str | None = None

    @property
    def attribution(self) -> str:
        """How a claim from this source is credited, e.g. "the article, late 2017"."""
        return self.label or self.title


@dataclass(frozen=True)
class Attribute:
    """A declared, comparable fact: a row of the compare view."""

    key: str
    label: str
    kind: str
    order: int = 1000
    values: tuple[str, ...] = ()
    description: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class FactValue:
    """One value of a fact, with when it held and who says so."""

    value: FactScalar
    as_of: PartialDate | None = None
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Fact:
    """All known values of one attribute for one framework, oldest first."""

    key: str
    values: tuple[FactValue, ...]

    def at(self, view: View, cutoff: PartialDate | None) -> FactValue | None:
        """The value shown in ``view``; ``cutoff`` is the base source's date.

        Today shows the latest entry; the article view the latest entry dated no
        later than the cutoff. Timeless entries count in both views.
        """
        chosen: FactValue | None = None
        for value in self.values:
            if (
                view is View.ARTICLE
                and cutoff is not None
                and value.as_of is not None
                and value.as_of.start > cutoff.end
            ):
                continue
            if chosen is None or _later_or_equal(value.as_of, chosen.as_of):
                chosen = value
        return chosen


def _later_or_equal(a: PartialDate | None, b: PartialDate | None) -> bool:
    if a is None:
        return b is None
    if b is None:
        return True
    return a.start >= b.start


@dataclass(frozen=True)
class Point:
    """A pro or a con, attributed to a source."""

    text: str
    source: str | None = None
    shared_with: tuple[str, ...] = ()
    from_prose: bool = False
    note: str | None = None


@dataclass(frozen=True)
class HistoryEvent:
    """A dated event in a framework's life."""

    date: PartialDate
    event: str
    kind: str = "other"
    source: str | None = None


@dataclass(frozen=True)
class Link:
    """A labelled web address."""

    label: str
    url: str


def _empty_facts() -> Mapping[str, Fact]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Framework:
    """One framework record, as merged from every data file."""

    id: str
    name: str
    category: str
    summary: str = ""
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    homepage: str | None = None
    links: tuple[Link, ...] = ()
    related: tuple[str, ...] = ()
    builds_on: tuple[str, ...] = ()
    successors: tuple[str, ...] = ()
    predecessors: tuple[str, ...] = ()
    used_by: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    pros: tuple[Point, ...] = ()
    cons: tuple[Point, ...] = ()
    facts: Mapping[str, Fact] = field(default_factory=_empty_facts)
    history: tuple[HistoryEvent, ...] = ()
    origin: str = ""

    def fact(self, key: str, view: View, cutoff: PartialDate | None) -> FactValue | None:
        """The value of attribute ``key`` in ``view``, or None when unknown."""
        fact = self.facts.get(key)
        return fact.at(view, cutoff) if fact else None


#: Fields a framework read from the cache loads only when first used: the
#: list, the filter and the sort need the others, a detail pane these.
DEFERRED_FIELDS: tuple[str, ...] = ("links", "pros", "cons", "facts", "history")
#: The fields every framework carries from the start, in declaration order.
EAGER_FIELDS: tuple[str, ...] = tuple(
    name for name in Framework.__dataclass_fields__ if name not in DEFERRED_FIELDS
)
_REST = "_load_rest"


class _Deferred:
    """A field of a framework from the cache, loaded on first access.

    A non-data descriptor, like ``functools.cached_property``: a framework
    built the usual way, or one whose rest was loaded, keeps the value in its
    ``__dict__``, which Python consults first, so this costs nothing there.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type | None = None) -> object:
        if instance is None:
            return self
        state = instance.__dict__
        load_rest = state.get(_REST)
        if load_rest is None:  # only a half-built object gets here
            raise AttributeError(self.name)
        # Idempotent: two threads may both load; either result is the same.
        state.update(load_rest())
        state.pop(_REST, None)
        return state[self.name]


for _name in DEFERRED_FIELDS:
    setattr(Framework, _name, _Deferred(_name))


def deferred_framework(
    eager: Iterable[tuple[str, object]], load_rest: Callable[[], Mapping[str, object]]
) -> Framework:
    """A framework whose ``DEFERRED_FIELDS`` come from ``load_rest()`` when first read.

    It is equal to, and reads the same as, the framework it was saved from.
    """
    fw = object.__new__(Framework)
    fw.__dict__.update(eager)
    fw.__dict__[_REST] = load_rest
    return fw


@dataclass(frozen=True)
class Catalog:
    """Every framework, attribute and source, after overlays were merged."""

    frameworks: tuple[Framework, ...]
    attributes: tuple[Attribute, ...]
    sources: Mapping[str, Source]
    title: str = "Frameworks"
    date: PartialDate | None = None
    base_source: str | None = None
    files: tuple[str, ...] = ()
    _by_id: Mapping[str, Framework] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Frozen, so the index is built once through object.__setattr__.
        index = MappingProxyType({fw.id: fw for fw in self.frameworks})
        object.__setattr__(self, "_by_id", index)

    def __len__(self) -> int:
        return len(self.frameworks)

    def __iter__(self) -> Iterator[Framework]:
        return iter(self.frameworks)

    def get(self, framework_id: str) -> Framework | None:
        """The framework with this id, if any."""
        return self._by_id.get(framework_id)

    def __contains__(self, framework_id: object) -> bool:
        return framework_id in self._by_id

    def attribute(self, key: str) -> Attribute | None:
        """The declared attribute with this key or alias."""
        for attr in self.attributes:
            if attr.key == key or key in attr.aliases:
                return attr
        return None

    @property
    def cutoff(self) -> PartialDate | None:
        """The date of the base source: where the article view stops."""
        if self.base_source and self.base_source in self.sources:
            return self.sources[self.base_source].date or self.date
        return self.date

    def status(self, framework: Framework, view: View = View.TODAY) -> str:
        """The framework's status in ``view``; ``unknown`` when not given."""
        value = framework.fact("status", view, self.cutoff)
        if value is None or not isinstance(value.value, str):
            return "unknown"
        return value.value

    def source_in_view(self, source_id: str | None, view: View) -> bool:
        """Whether a claim from this source belongs in ``view``.

        Today shows everything. The article view shows claims whose source is
        dated (or was read) no later than the base source; a claim with no
        source is the base source's.
        """
        if view is View.TODAY or source_id is None or source_id == self.base_source:
            return True
        source = self.sources.get(source_id)
        cutoff = self.cutoff
        if source is None or cutoff is None:
            return True
        when = source.date or source.accessed
        return when is not None and when.start <= cutoff.end

    def pros(self, framework: Framework, view: View = View.TODAY) -> tuple[Point, ...]:
        """The pros shown in ``view``."""
        return tuple(p for p in framework.pros if self.source_in_view(p.source, view))

    def cons(self, framework: Framework, view: View = View.TODAY) -> tuple[Point, ...]:
        """The cons shown in ``view``."""
        return tuple(p for p in framework.cons if self.source_in_view(p.source, view))

    def covers(self, framework: Framework) -> bool:
        """True when the base source (the article) covered this framework."""
        return self.base_source is not None and self.base_source in framework.sources

    def attribution(self, source_id: str | None) -> str:
        """How to credit a source id, falling back to the base source."""
        sid = source_id or self.base_source
        if sid and sid in self.sources:
            return self.sources[sid].attribution
        return sid or "unattributed"
