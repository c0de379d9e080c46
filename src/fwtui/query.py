"""Filter, match and sort frameworks: pure functions over the model.

The filter is substring-first, as users of list filters prefer, with one
forgiven typo on short identifying fields (name, id, aliases, tags) so
``kears`` finds Keras and ``pytroch`` finds PyTorch. It never matches a
scattered subsequence across a paragraph: summaries match only as substrings.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from fwtui.model import STATUSES, Catalog, Framework, PartialDate, View

#: Typo tolerance starts at this query length; shorter queries match too much.
MIN_TYPO_LENGTH = 4
SORT_KEYS: tuple[str, ...] = ("name", "first_release", "status")
SORT_LABELS = {"name": "name", "first_release": "first release", "status": "status"}


class Tier(IntEnum):
    """How well a framework matches; lower sorts first."""

    EXACT = 0  # the whole name, id or an alias
    PREFIX = 1  # a prefix of the name, id or an alias
    SUBSTRING = 2  # substring in name, id, aliases or tags
    SUMMARY = 3  # substring in the summary
    TYPO = 4  # one typo or missing letter in name, id or an alias
    TYPO_TAG = 5  # one typo or missing letter in a tag


@dataclass(frozen=True)
class Match:
    """Why a framework matched: its tier and the matched span in its name."""

    tier: Tier
    name_spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Filters:
    """Everything that narrows the list, independent of any widget."""

    text: str = ""
    categories: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    sort: str = "name"
    view: View = View.TODAY
    active_today: bool = False  # active in today's view, whatever view is shown
    in_article: bool = False  # covered by the base source (the article)

    def describe(self) -> str:
        """A short human description, e.g. ``status=active, sorted by name``."""
        parts: list[str] = []
        if self.text:
            parts.append(f"text={self.text!r}")
        if self.categories:
            parts.append("category=" + ",".join(sorted(self.categories)))
        if self.statuses:
            parts.append("status=" + ",".join(sorted(self.statuses)))
        if self.tags:
            parts.append("tag=" + ",".join(sorted(self.tags)))
        if self.active_today:
            parts.append("active today")
        if self.in_article:
            parts.append("in the article")
        parts.append(f"sorted by {SORT_LABELS.get(self.sort, self.sort)}")
        return ", ".join(parts)


@dataclass(frozen=True)
class Result:
    """A filtered, ordered list with the matches that explain it."""

    frameworks: tuple[Framework, ...]
    matches: dict[str, Match] = field(default_factory=dict)
    total: int = 0


def _osa_within_one(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one edit (incl. a swap)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        if len(diffs) == 2:
            i, j = diffs
            return j == i + 1 and a[i] == b[j] and a[j] == b[i]
        return False
    if la > lb:
        a, b = b, a  # a is the shorter: b has one extra letter
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _typo_match(query: str, word: str) -> tuple[int, int] | None:
    """A one-typo match of ``query`` against ``word`` or a prefix of it."""
    if len(query) < MIN_TYPO_LENGTH or len(word) < 2:
        return None
    # One edit leaves one of the first two letters in place (or swaps them,
    # or shifts them by one): reject the rest before comparing, as most words fail.
    q0, q1, w0, w1 = query[0], query[1], word[0], word[1]
    if q0 != w0 and q1 != w1 and q0 != w1 and q1 != w0:
        return None
    for length in (len(query), len(query) + 1, len(query) - 1):
        if 0 < length <= len(word) and _osa_within_one(query, word[:length]):
            return (0, length)
    return None


@dataclass(frozen=True)
class _Entry:
    names: tuple[str, ...]  # casefolded name, id and aliases
    words: tuple[str, ...]  # names, their words and tags: typo candidates
    tags: tuple[str, ...]
    summary: str


class SearchIndex:
    """Casefolded search fields, computed once per catalog."""

    def __init__(self, frameworks: Iterable[Framework]) -> None:
        self._entries: dict[str, _Entry] = {}
        for fw in frameworks:
            names = tuple(dict.fromkeys(s.casefold() for s in (fw.name, fw.id, *fw.aliases)))
            tags = tuple(t.casefold() for t in fw.tags)
            # Names first, so a typo on a name outranks one on a tag.
            words = tuple(
                dict.fromkeys(
                    [*names, *(w for n in names for w in n.replace("-", " ").split()), *tags]
                )
            )
            self._entries[fw.id] = _Entry(names, words, tags, fw.summary.casefold())

    def match(self, fw: Framework, term: str) -> Match | None:
        """How ``fw`` matches one casefolded search term, if at all."""
        entry = self._entries.get(fw.id)
        if entry is None:
            return None
        name = entry.names[0]
        span = _name_span(name, term)
        if term in entry.names:
            return Match(Tier.EXACT, span)
        if any(n.startswith(term) for n in entry.names):
            return Match(Tier.PREFIX, span)
        if any(term in n for n in entry.names) or any(term in t for t in entry.tags):
            return Match(Tier.SUBSTRING, span)
        if term in entry.summary:
            return Match(Tier.SUMMARY, span)
        for word in entry.words:
            hit = _typo_match(term, word)
            if hit is not None:
                if word == name or name.startswith(word):
                    return Match(Tier.TYPO, (hit,))
                return Match(Tier.TYPO if word in entry.names else Tier.TYPO_TAG, ())
        return None


def _name_span(name: str, term: str) -> tuple[tuple[int, int], ...]:
    start = name.find(term)
    return ((start, start + len(term)),) if start >= 0 else ()


def match_all(index: SearchIndex, fw: Framework, text: str) -> Match | None:
    """Every whitespace-separated term must match; the worst tier counts."""
    terms = text.casefold().split()
    if not terms:
        return Match(Tier.EXACT)
    tier = Tier.EXACT
    spans: list[tuple[int, int]] = []
    for term in terms:
        m = index.match(fw, term)
        if m is None:
            return None
        tier = max(tier, m.tier)
        spans.extend(m.name_spans)
    return Match(Tier(tier), tuple(sorted(spans)))


def _status_rank(status: str) -> int:
    order = [s for s in STATUSES if s != "unknown"]
    return order.index(status) if status in order else len(order)


def first_release(catalog: Catalog, fw: Framework, view: View) -> PartialDate | None:
    """The declared ``first_release`` fact; None (unknown) when not given.

    History is not consulted: a "release" event may be a later module
    (TensorFlow's Eager), not the first release.
    """
    value = fw.fact("first_release", view, catalog.cutoff)
    if value is not None and isinstance(value.value, PartialDate):
        return value.value
    return None


def sort_key(catalog: Catalog, sort: str, view: View) -> object:
    """A key function for ``sort``; unknown values always sort last."""

    def by_name(fw: Framework) -> tuple[str, str]:
        return (fw.name.casefold(), fw.id)

    if sort == "first_release":

        def by_release(fw: Framework) -> tuple[int, tuple[int, int, int], tuple[str, str]]:
            date = first_release(catalog, fw, view)
            return (date is None, date.start if date else (0, 0, 0), by_name(fw))

        return by_release
    if sort == "status":

        def by_status(fw: Framework) -> tuple[int, tuple[str, str]]:
            return (_status_rank(catalog.status(fw, view)), by_name(fw))

        return by_status
    return by_name


def apply(catalog: Catalog, filters: Filters, index: SearchIndex | None = None) -> Result:
    """Filter and order the catalog. Pure: same input, same output."""
    index = index or SearchIndex(catalog.frameworks)
    key = sort_key(catalog, filters.sort, filters.view)
    matches: dict[str, Match] = {}
    kept: list[Framework] = []
    for fw in catalog.frameworks:
        if filters.categories and fw.category not in filters.categories:
            continue
        if filters.statuses and catalog.status(fw, filters.view) not in filters.statuses:
            continue
        if filters.tags and not filters.tags.intersection(t.casefold() for t in fw.tags):
            continue
        if filters.active_today and catalog.status(fw, View.TODAY) != "active":
            continue
        if filters.in_article and not catalog.covers(fw):
            continue
        m = match_all(index, fw, filters.text)
        if m is None:
            continue
        matches[fw.id] = m
        kept.append(fw)
    kept.sort(key=key)  # type: ignore[arg-type]
    if filters.text.strip():
        kept.sort(key=lambda fw: matches[fw.id].tier)  # stable: sort order within tiers
    return Result(tuple(kept), matches, len(catalog.frameworks))


def resolve_id(catalog: Catalog, wanted: str) -> Framework | None:
    """A framework by id, or by a name or alias written any case."""
    fw = catalog.get(wanted) or catalog.get(wanted.casefold())
    if fw is not None:
        return fw
    folded = wanted.casefold()
    for candidate in catalog.frameworks:
        if folded in (n.casefold() for n in (candidate.name, *candidate.aliases)):
            return candidate
    return None


def _osa_distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap of neighbours) turning ``a`` into ``b``."""
    previous: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, row = previous, row, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[-1]


def suggestions(catalog: Catalog, wanted: str, limit: int = 3) -> list[str]:
    """Close ids for an unknown one, matching names and aliases too.

    Only what identifies a framework counts: a prefix, a substring or one typo
    in its id, name or an alias, else what :mod:`difflib` finds close to one of
    them. A word that merely occurs in a summary or a tag suggests nothing:
    ``kears`` proposes keras, not a library tagged ``keras-backend``.

    Best first: a framework whose whole id, name or alias is within one typo of
    ``wanted``; then prefixes, substrings and typos in a word or a prefix of a
    longer name; within each, the fewest edits to a whole id, name or alias.
    So ``tensorflw`` proposes tensorflow before litert, whose alias
    "TensorFlow Lite" merely starts with a near miss.
    """
    import difflib

    folded = wanted.casefold().strip()
    if not folded:
        return []
    ranked: list[tuple[int, int, str, str]] = []
    names: dict[str, str] = {}
    for fw in catalog.frameworks:
        own = [n.casefold() for n in (fw.id, fw.name, *fw.aliases)]
        for name in own:
            names.setdefault(name, fw.id)
        words = [w for n in own for w in n.replace("-", " ").split()]
        distance = min(_osa_distance(folded, n) for n in own)
        if distance <= 1 and len(folded) >= MIN_TYPO_LENGTH:
            rank = 0
        elif any(n.startswith(folded) for n in own):
            rank = 1
        elif any(folded in n for n in own):
            rank = 2
        elif any(_typo_match(folded, w) is not None for w in (*own, *words)):
            rank = 3
        else:
            continue
        ranked.append((rank, distance, fw.name.casefold(), fw.id))
    out = [fid for *_, fid in sorted(ranked)]
    if not out:
        for close in difflib.get_close_matches(folded, list(names), n=limit, cutoff=0.6):
            if names[close] not in out:
                out.append(names[close])
    return out[:limit]


def next_in_cycle(options: Sequence[str], current: str) -> str:
    """The option after ``current``, wrapping; for sort and quick-filter keys."""
    if current not in options:
        return options[0]
    return options[(options.index(current) + 1) % len(options)]
