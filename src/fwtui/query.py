"""Filter, match and sort frameworks: pure functions over the model.

The filter is substring-first, as users of list filters prefer, with one
forgiven typo on short identifying fields (name, id, aliases, tags) so
``kears`` finds Keras and ``pytroch`` finds PyTorch. It never matches a
scattered subsequence across a paragraph: summaries match only as substrings.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum
from functools import partial
from itertools import compress

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
    matches: Mapping[str, Match] = field(default_factory=dict)
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


#: A tier past every :class:`Tier`: the term does not match.
_NO_MATCH = len(Tier)
#: What a :class:`SearchIndex` remembers for typing: filter combinations
#: (sorted lists), texts for the current one, and typo lookups.
_MAX_BASES = 4
_MAX_MEMO = 32
_MAX_TYPO_TERMS = 64
#: Joins names in the search columns; never inside a term (terms split on whitespace).
_SEP = "\n"


def _deletions(prefix: str) -> set[str]:
    """``prefix`` and every string one deletion away from it."""
    return {prefix, *(prefix[:i] + prefix[i + 1 :] for i in range(len(prefix)))}


class TypoIndex:
    """Which words a term matches with one typo, without trying every word.

    A deletion neighbourhood (as in SymSpell) over each word's first
    ``MIN_TYPO_LENGTH - 1`` letters. When a term of ``MIN_TYPO_LENGTH`` letters
    or more is one edit (a swap included) from a prefix of a word, that prefix
    has at least ``MIN_TYPO_LENGTH - 1`` letters, and the first
    ``MIN_TYPO_LENGTH - 1`` letters of term and word have a common string at
    most one deletion from each. So the words filed under the term's deletions
    are a superset of its hits, and :func:`_typo_match` confirms each one.
    """

    KEY_LENGTH = MIN_TYPO_LENGTH - 1

    def __init__(self, words: Iterable[str]) -> None:
        buckets: dict[str, list[str]] = {}
        for word in dict.fromkeys(words):
            # A shorter word cannot match: it has no prefix that long.
            if len(word) >= self.KEY_LENGTH:
                for key in _deletions(word[: self.KEY_LENGTH]):
                    buckets.setdefault(key, []).append(word)
        self._buckets = {k: tuple(v) for k, v in buckets.items()}

    def candidates(self, term: str) -> set[str]:
        """Words that may match ``term`` with one typo: a superset of the hits."""
        if len(term) < MIN_TYPO_LENGTH:
            return set()
        found: set[str] = set()
        for key in _deletions(term[: self.KEY_LENGTH]):
            found.update(self._buckets.get(key, ()))
        return found

    def matches(self, term: str) -> set[str]:
        """Every indexed word :func:`_typo_match` accepts for ``term``."""
        return {w for w in self.candidates(term) if _typo_match(term, w) is not None}


@dataclass
class _Hit:
    """One filtered text: the kept positions in the base (ascending) and the final order."""

    terms: tuple[str, ...]
    kept: array[int]
    order: tuple[Framework, ...]


@dataclass(frozen=True)
class _Columns:
    """A base's search columns, position by position."""

    fields: list[str]  # names and tags joined by _SEP: the substring tier
    heads: list[str]  # _SEP before each name: the prefix tier
    names: list[tuple[str, ...]]  # the exact tier
    summaries: list[str]
    awkward: list[int]  # positions with _SEP inside a name: the prefix test could lie


@dataclass
class _Base:
    """What passes the quick filters, in sort order, with its search columns."""

    frameworks: list[Framework]
    slots: list[int]  # each framework's slot in the index's columns
    memo: OrderedDict[tuple[str, ...], _Hit] = field(default_factory=OrderedDict)
    _positions: dict[int, int] | None = None
    #: Built on the first text: a start with an empty filter needs none of it.
    columns: _Columns | None = None

    def position(self, slot: int) -> int | None:
        """Where the framework in index slot ``slot`` is in this base, if it is."""
        if self._positions is None:
            self._positions = {s: p for p, s in enumerate(self.slots)}
        return self._positions.get(slot)


def _implies(new: str, old: str) -> bool:
    """True when whatever matches term ``new`` also matches term ``old``.

    The tiers but the typo ones are substring tests, so any ``old`` inside
    ``new`` qualifies while ``new`` is too short for typos. From
    MIN_TYPO_LENGTH letters on, ``old`` must be a prefix of ``new`` that is
    long enough for typos too: a term one edit from a word's prefix stays
    within one edit when both lose their last letter, but a term shorter than
    MIN_TYPO_LENGTH has no typo tier to keep such a match.
    """
    if len(new) < MIN_TYPO_LENGTH:
        return old in new
    return new.startswith(old) and len(old) >= MIN_TYPO_LENGTH


class SearchIndex:
    """Casefolded search fields, computed once per catalog.

    It also remembers recent work for :func:`apply`: the catalog presorted per
    quick filters and sort, and the last texts filtered. A remembered text
    (backspace) is answered at once; a text that can only narrow a remembered
    one (``model`` after ``mode``) filters that result, not the catalog.
    """

    def __init__(self, frameworks: Iterable[Framework]) -> None:
        self._frameworks = tuple(frameworks)
        # Everything is built on first use: a start with an empty filter, or
        # `fwtui list` without one, needs none of it (40 ms at 10,000).
        self._built: dict[str, _Entry] | None = None
        self._slots: dict[str, int] | None = None
        self._columns: tuple[list[str], list[str]] | None = None
        self._typo: TypoIndex | None = None
        self._word_slots: dict[str, tuple[int, ...]] = {}
        self._typo_hits: OrderedDict[str, frozenset[int]] = OrderedDict()
        self._catalog: Catalog | None = None
        self._bases: OrderedDict[tuple[object, ...], _Base] = OrderedDict()

    @property
    def _entries(self) -> dict[str, _Entry]:
        """Each framework's casefolded search fields, by id."""
        if self._built is None:
            built: dict[str, _Entry] = {}
            for fw in self._frameworks:
                names = tuple(dict.fromkeys(s.casefold() for s in (fw.name, fw.id, *fw.aliases)))
                tags = tuple(t.casefold() for t in fw.tags)
                # Names first, so a typo on a name outranks one on a tag.
                words = tuple(
                    dict.fromkeys(
                        [*names, *(w for n in names for w in n.replace("-", " ").split()), *tags]
                    )
                )
                built[fw.id] = _Entry(names, words, tags, fw.summary.casefold())
            self._built = built
        return self._built

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

    def prepare(self) -> None:
        """Build what filtering builds on first use (the typo index takes longest).

        For an idle moment, so the first word typed does not wait for it.
        """
        self._column_strings()
        if self._bases:
            self._columns_of(next(reversed(self._bases.values())))  # the one in use
        self.typo_slots("")

    # -- many frameworks at once, for apply ---------------------------------------
    def _slot_map(self) -> dict[str, int]:
        if self._slots is None:
            # The order of the entries' keys (the first of a repeated id), without building them.
            ids = dict.fromkeys(fw.id for fw in self._frameworks)
            self._slots = {fid: i for i, fid in enumerate(ids)}
        return self._slots

    def _column_strings(self) -> tuple[list[str], list[str]]:
        """Per slot, names and tags joined, and names each after _SEP; "" past the end."""
        if self._columns is None:
            entries = list(self._entries.values())
            fields = [_SEP.join((*e.names, *e.tags)) for e in entries] + [""]
            heads = [_SEP + _SEP.join(e.names) for e in entries] + [""]
            self._columns = (fields, heads)
        return self._columns

    def typo_slots(self, term: str) -> frozenset[int]:
        """The slots of the frameworks with a word ``term`` matches with one typo."""
        hits = self._typo_hits.get(term)
        if hits is not None:
            self._typo_hits.move_to_end(term)
            return hits
        if self._typo is None:
            slots = self._slot_map()
            word_slots: dict[str, list[int]] = {}
            for fid, entry in self._entries.items():
                for word in entry.words:
                    word_slots.setdefault(word, []).append(slots[fid])
            self._word_slots = {w: tuple(s) for w, s in word_slots.items()}
            self._typo = TypoIndex(self._word_slots)
        hits = frozenset(s for w in self._typo.matches(term) for s in self._word_slots[w])
        self._typo_hits[term] = hits
        if len(self._typo_hits) > _MAX_TYPO_TERMS:
            self._typo_hits.popitem(last=False)
        return hits

    def _base(self, catalog: Catalog, filters: Filters) -> _Base:
        """The frameworks that pass ``filters`` but for the text, presorted."""
        if catalog is not self._catalog:
            # Another catalog: statuses, sort keys and ids may all differ.
            self._catalog = catalog
            self._bases.clear()
        key = (
            filters.categories,
            filters.statuses,
            filters.tags,
            filters.sort,
            filters.view,
            filters.active_today,
            filters.in_article,
        )
        base = self._bases.get(key)
        if base is not None:
            self._bases.move_to_end(key)
            return base
        for other in self._bases.values():
            # Texts are remembered for the current filters only: it bounds the memory.
            other.memo.clear()
        kept = [fw for fw in catalog.frameworks if _passes(catalog, filters, fw)]
        # Sorted once here rather than per text: the sort is stable, so any
        # subset of this list is in the order sorting that subset would give.
        kept.sort(key=sort_key(catalog, filters.sort, filters.view))  # type: ignore[arg-type]
        slot_of = self._slot_map()
        missing = len(slot_of)  # not in this index: it matches nothing, as in match()
        base = _Base(frameworks=kept, slots=[slot_of.get(fw.id, missing) for fw in kept])
        self._bases[key] = base
        if len(self._bases) > _MAX_BASES:
            self._bases.popitem(last=False)
        return base

    def _columns_of(self, base: _Base) -> _Columns:
        """``base``'s search columns, built when a text first needs them."""
        if base.columns is None:
            fields, heads = self._column_strings()
            empty = _Entry((), (), (), "")
            by_id = self._entries  # a property: read once, not once per framework
            entries = [by_id.get(fw.id, empty) for fw in base.frameworks]
            base.columns = _Columns(
                fields=[fields[s] for s in base.slots],
                heads=[heads[s] for s in base.slots],
                names=[e.names for e in entries],
                summaries=[e.summary for e in entries],
                awkward=[p for p, e in enumerate(entries) if any(_SEP in n for n in e.names)],
            )
        return base.columns

    def _term_tiers(self, base: _Base, term: str, positions: Sequence[int]) -> list[int]:
        """The tier of ``term`` at each of ``positions`` (ascending), ``_NO_MATCH`` for none.

        What :meth:`match` says, for many frameworks at once: the substring
        tiers in one comprehension over the columns, the typo tiers through
        :meth:`match` for the few frameworks the typo index names.
        """
        columns = self._columns_of(base)
        fields, heads, names, summaries = (
            columns.fields,
            columns.heads,
            columns.names,
            columns.summaries,
        )
        head = _SEP + term
        tiers = [
            (0 if term in names[p] else 1 if head in heads[p] else 2)
            if term in fields[p]
            else 3
            if term in summaries[p]
            else _NO_MATCH
            for p in positions
        ]
        typos = self.typo_slots(term) if len(term) >= MIN_TYPO_LENGTH else frozenset()
        awkward = set(columns.awkward)
        for p in awkward.union(q for q in map(base.position, typos) if q is not None):
            i = bisect_left(positions, p)
            kept = i < len(positions) and positions[i] == p
            # A typo only counts where no better tier matched.
            if kept and (p in awkward or tiers[i] == _NO_MATCH):
                m = self.match(base.frameworks[p], term)
                tiers[i] = _NO_MATCH if m is None else int(m.tier)
        return tiers

    def _escapes(self, base: _Base, new: tuple[str, ...], old: tuple[str, ...]) -> set[int] | None:
        """Positions that may match ``new`` though they miss ``old``; None: any may.

        Empty when ``new`` only narrows ``old``. When an old term is inside a
        new one that typos can match beyond it (``mode`` after ``mod``), the
        frameworks the typo index names for the new term may also match.
        """
        extra: set[int] = set()
        for o in old:
            if any(_implies(n, o) for n in new):
                continue
            # Inside n: whatever n matches but through a typo, o matches too.
            wider = next((n for n in new if o in n), None)
            if wider is None:
                return None
            for slot in self.typo_slots(wider):
                p = base.position(slot)
                if p is not None:
                    extra.add(p)
        return extra

    def _filter(self, base: _Base, terms: tuple[str, ...]) -> _Hit:
        """Filter ``base`` by every term, starting from the narrowest remembered result that may."""
        hit = base.memo.get(terms)
        if hit is not None:
            base.memo.move_to_end(terms)
            return hit
        best: tuple[int, _Hit, set[int]] | None = None
        for old in base.memo.values():
            extra = self._escapes(base, terms, old.terms)
            if extra is not None and (best is None or len(old.kept) + len(extra) < best[0]):
                best = (len(old.kept) + len(extra), old, extra)
        positions: Sequence[int] = range(len(base.frameworks))
        if best is not None:
            _, old, extra = best
            positions = sorted(extra.union(old.kept)) if extra else old.kept
        if not terms:
            hit = _Hit(terms, array("i", positions), tuple(base.frameworks))
        else:
            tiers: list[int] = []
            for n, term in enumerate(terms):
                found = self._term_tiers(base, term, positions)
                if n:
                    found = list(map(max, tiers, found))  # the worst tier counts
                matched = [t < _NO_MATCH for t in found]
                positions = list(compress(positions, matched))
                tiers = list(compress(found, matched))
            # Positions ascend, so a stable sort by tier keeps the sort order within a tier.
            ranked = sorted(range(len(tiers)), key=tiers.__getitem__)
            frameworks = base.frameworks
            order = tuple([frameworks[positions[i]] for i in ranked])
            hit = _Hit(terms, array("i", positions), order)
        base.memo[terms] = hit
        if len(base.memo) > _MAX_MEMO:
            base.memo.popitem(last=False)
        return hit

    def apply(self, catalog: Catalog, filters: Filters) -> Result:
        """:func:`apply` with this index, from what it remembers where it can."""
        base = self._base(catalog, filters)
        hit = self._filter(base, tuple(filters.text.casefold().split()))
        matches = LazyMatches(self, filters.text, hit.order, partial(self._locate, base, hit))
        return Result(hit.order, matches, len(catalog.frameworks))

    def _locate(self, base: _Base, hit: _Hit, framework_id: str) -> Framework | None:
        """The framework ``hit`` kept with this id, if any, without a map of them all."""
        slot = self._slot_map().get(framework_id)
        if slot is None:
            # Not in this index, so kept only by an empty text: rare enough to search.
            return next((fw for fw in hit.order if fw.id == framework_id), None)
        p = base.position(slot)
        if p is None:
            return None
        i = bisect_left(hit.kept, p)
        return base.frameworks[p] if i < len(hit.kept) and hit.kept[i] == p else None


class LazyMatches(Mapping[str, Match]):
    """A result's matches, each worked out when first asked for.

    The list shows a screenful of names, so a keystroke need not build a
    :class:`Match` for each of 10,000 frameworks. Each is what
    :func:`match_all` says, as if they had all been built up front.
    """

    def __init__(
        self,
        index: SearchIndex,
        text: str,
        frameworks: tuple[Framework, ...],
        locate: Callable[[str], Framework | None] | None = None,
    ) -> None:
        self._index = index
        self._text = text
        self._frameworks = frameworks
        self._locate = locate  # finds a kept framework by id; else a map is built
        self._by_id: dict[str, Framework] | None = None
        self._made: dict[str, Match] = {}

    def framework(self, framework_id: str) -> Framework | None:
        """The kept framework with this id, if any."""
        if self._locate is not None:
            return self._locate(framework_id)
        if self._by_id is None:
            self._by_id = {fw.id: fw for fw in self._frameworks}
        return self._by_id.get(framework_id)

    def __getitem__(self, framework_id: str) -> Match:
        made = self._made.get(framework_id)
        if made is not None:
            return made
        fw = self.framework(framework_id)
        m = match_all(self._index, fw, self._text) if fw is not None else None
        if m is None:
            raise KeyError(framework_id)
        self._made[framework_id] = m
        return m

    def __contains__(self, framework_id: object) -> bool:
        return isinstance(framework_id, str) and self.framework(framework_id) is not None

    def __iter__(self) -> Iterator[str]:
        return (fw.id for fw in self._frameworks)

    def __len__(self) -> int:
        return len(self._frameworks)

    def __repr__(self) -> str:
        return f"<matches of {len(self)} frameworks for {self._text!r}>"


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


def _passes(catalog: Catalog, filters: Filters, fw: Framework) -> bool:
    """Whether ``fw`` passes the quick filters (category, status, tag, active, article)."""
    if filters.categories and fw.category not in filters.categories:
        return False
    if filters.statuses and catalog.status(fw, filters.view) not in filters.statuses:
        return False
    if filters.tags and not filters.tags.intersection(t.casefold() for t in fw.tags):
        return False
    if filters.active_today and catalog.status(fw, View.TODAY) != "active":
        return False
    return not (filters.in_article and not catalog.covers(fw))


def apply(catalog: Catalog, filters: Filters, index: SearchIndex | None = None) -> Result:
    """Filter and order the catalog. Pure: same input, same output.

    Order: match tier, then the chosen sort, then catalog order. Pass the same
    ``index`` for successive texts (typing in a filter) and it answers from
    what it remembers where it can; the result is the same either way.
    """
    index = index or SearchIndex(catalog.frameworks)
    return index.apply(catalog, filters)


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
