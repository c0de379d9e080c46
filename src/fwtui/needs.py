"""Needs: rank frameworks by requirements, and say why.

A query mixes free text with needs on the declared attributes::

    lang:python,julia graph:dynamic -status:discontinued license:apache kears

``key:value`` is a need (``key:v1,v2`` any of the values), ``-key:value`` and
``key!=value`` negate it, and every other word is free text for the matcher in
:mod:`fwtui.query`. Keys and values come from the catalog's attribute
declarations (``key``, ``aliases``, ``kind``, ``values``), so an attribute a
data file declares is queryable with no code change. A key or value that makes
no sense is a :class:`QueryProblem` with a did-you-mean, never ignored.

Needs rank, they do not hide: :func:`rank` keeps what the filters keep and
orders it by needs met (most first), then unknowns (fewest first), then text
relevance, then the chosen sort, then name. A framework whose value is not
known neither meets a need nor fails it: it is :attr:`Outcome.UNKNOWN`, and
unknown is never counted as met.

Pure: no Textual, no I/O.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property
from typing import overload

from fwtui.model import Attribute, Catalog, FactValue, Framework, PartialDate, View
from fwtui.query import Filters, LazyMatches, Match, Result, SearchIndex, apply
from fwtui.values import value_text

#: The words a ``bool`` need takes, and what they mean.
BOOL_WORDS: dict[str, bool] = {"yes": True, "no": False, "true": True, "false": False}
#: A free (``list``/``text``) value shorter than this matches whole words only:
#: ``lang:c`` finds C and C/C++, not every name with a "c" in it.
MIN_SUBSTRING = 3

_NEED_RE = re.compile(r"^(?P<neg>-)?(?P<key>[^\W_][\w-]*)(?P<op>:|!=)(?P<rest>.*)$", re.DOTALL)
_WORD_RE = re.compile(r"[\w+#]+")
_DATE_RE = re.compile(
    r"^(?:(?P<op>>=|<=|>|<|=)?(?P<date>\d{4}(?:-\d{2}){0,2})"
    r"|(?P<lo>\d{4}(?:-\d{2}){0,2})?\.\.(?P<hi>\d{4}(?:-\d{2}){0,2})?)$"
)


class Outcome(Enum):
    """How one framework fares on one need."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """``met``, ``not met`` or ``unknown``."""
        return self.value.replace("_", " ")


# ---------------------------------------------------------------------------
# Needs


@dataclass(frozen=True)
class Need:
    """One requirement on one attribute: any of ``values``, or none with ``negated``."""

    attribute: Attribute
    values: tuple[str, ...]
    negated: bool = False
    written_key: str = ""  # the key or alias as typed; the attribute key when empty
    text: str = ""  # the token as written
    start: int = 0  # where the token is in the query text
    end: int = 0

    @property
    def key(self) -> str:
        """The attribute's key (never an alias)."""
        return self.attribute.key

    @property
    def name(self) -> str:
        """The key as the user wrote it (``lang``, ``licence``)."""
        return self.written_key or self.attribute.key

    @property
    def token(self) -> str:
        """The need in the app's form: ``lang:python,julia``, ``-status:discontinued``."""
        return f"{'-' if self.negated else ''}{self.name}:{_join_values(self.values)}"

    @property
    def cli_token(self) -> str:
        """The need in the command line's form: ``status!=discontinued``."""
        op = "!=" if self.negated else ":"
        return f"{self.name}{op}{_join_values(self.values)}"

    def describe(self) -> str:
        """In words: ``licence contains apache``, ``not status = discontinued``."""
        kind = self.attribute.kind
        if kind == "date":
            body = " or ".join(_describe_date(v) for v in self.values)
            text = f"{self.name} {body}"
        else:
            verb = {"enum": "=", "bool": "=", "set": "includes"}.get(kind, "contains")
            text = f"{self.name} {verb} {' or '.join(self.values)}"
        return f"not {text}" if self.negated else text

    def evaluate(self, fact: FactValue | None) -> Outcome:
        """Met, not met or unknown for this value (``None``: no value known)."""
        if fact is None:
            return Outcome.UNKNOWN
        outcomes = [_value_outcome(self.attribute.kind, v, fact) for v in self.values]
        if Outcome.MET in outcomes:
            outcome = Outcome.MET
        elif Outcome.UNKNOWN in outcomes:
            outcome = Outcome.UNKNOWN
        else:
            outcome = Outcome.NOT_MET
        if self.negated and outcome is not Outcome.UNKNOWN:
            return Outcome.NOT_MET if outcome is Outcome.MET else Outcome.MET
        return outcome


def _quote(value: str) -> str:
    if not value or any(ch.isspace() or ch in ',"' for ch in value):
        return '"' + value.replace('"', "") + '"'
    return value


def _join_values(values: Sequence[str]) -> str:
    return ",".join(_quote(v) for v in values)


def _describe_date(value: str) -> str:
    m = _DATE_RE.match(value)
    if m is None:  # pragma: no cover - values are checked when parsed
        return value
    if m.group("date"):
        op = m.group("op") or "="
        return f"in {m.group('date')}" if op == "=" else f"{op} {m.group('date')}"
    lo, hi = m.group("lo"), m.group("hi")
    if lo and hi:
        return f"from {lo} to {hi}"
    return f">= {lo}" if lo else f"<= {hi}"


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(text.casefold())


def text_matches(wanted: str, value: str) -> bool:
    """Whether a free (``list`` or ``text``) value matches a need's value.

    Case-insensitive: the whole value, one of its words (``license:apache``
    matches "Apache-2.0", ``lang:c`` matches "C/C++"), or, from
    :data:`MIN_SUBSTRING` letters on, any substring (``license:bsd-3``).
    """
    wanted = wanted.casefold().strip()
    folded = value.casefold().strip()
    if not wanted:
        return False
    if wanted == folded or wanted in _words(folded):
        return True
    return len(wanted) >= MIN_SUBSTRING and wanted in folded


def _elements(value: object) -> tuple[str, ...]:
    if isinstance(value, tuple):
        return tuple(str(v) for v in value)
    if isinstance(value, (str, bool, PartialDate)):
        return (value_text(value),)
    return ()


def _value_outcome(kind: str, wanted: str, fact: FactValue) -> Outcome:
    value = fact.value
    if kind == "bool":
        if not isinstance(value, bool):
            return Outcome.UNKNOWN
        return Outcome.MET if value is BOOL_WORDS[wanted.casefold()] else Outcome.NOT_MET
    if kind == "date":
        return _date_outcome(wanted, value)
    elements = _elements(value)
    if kind in ("enum", "set"):
        hit = any(e.casefold().strip() == wanted.casefold() for e in elements)
    else:
        hit = any(text_matches(wanted, e) for e in elements)
    return Outcome.MET if hit else Outcome.NOT_MET


Day = tuple[int, int, int]


def _date_bounds(wanted: str) -> tuple[Day | None, bool, Day | None, bool] | None:
    """(low, low is strict, high, high is strict) of the days a date need accepts."""
    m = _DATE_RE.match(wanted.strip())
    if m is None:
        return None
    try:
        if m.group("date"):
            date = PartialDate.parse(m.group("date"))
            op = m.group("op") or "="
            return {
                "=": (date.start, False, date.end, False),
                ">": (date.end, True, None, False),
                ">=": (date.start, False, None, False),
                "<": (None, False, date.start, True),
                "<=": (None, False, date.end, False),
            }[op]
        lo = PartialDate.parse(m.group("lo")) if m.group("lo") else None
        hi = PartialDate.parse(m.group("hi")) if m.group("hi") else None
    except ValueError:
        return None
    if lo is None and hi is None:
        return None
    return (lo.start if lo else None, False, hi.end if hi else None, False)


def _date_outcome(wanted: str, value: object) -> Outcome:
    if isinstance(value, str):
        try:
            value = PartialDate.parse(value)
        except ValueError:
            return Outcome.UNKNOWN
    bounds = _date_bounds(wanted)
    if not isinstance(value, PartialDate) or bounds is None:
        return Outcome.UNKNOWN
    lo, lo_strict, hi, hi_strict = bounds

    def above_low(day: Day) -> bool:
        return lo is None or (day > lo if lo_strict else day >= lo)

    def below_high(day: Day) -> bool:
        return hi is None or (day < hi if hi_strict else day <= hi)

    first, last = value.start, value.end
    if above_low(first) and below_high(last):
        return Outcome.MET  # every day the date may mean is accepted
    if not above_low(last) or not below_high(first):
        return Outcome.NOT_MET  # no day it may mean is
    return Outcome.UNKNOWN  # "2018" for ">2018-06": the source is not precise enough


# ---------------------------------------------------------------------------
# Parsing


@dataclass(frozen=True)
class QueryProblem:
    """A need that cannot be used as written, with what it probably meant.

    ``severity`` is ``error`` (unknown key, a value the attribute does not
    take: the need is left out) or ``warning`` (a free value no framework has:
    the need is kept, and nothing meets it).
    """

    token: str
    message: str
    suggestions: tuple[str, ...] = ()
    start: int = 0
    end: int = 0
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        """The message with its did-you-mean: ``...; did you mean lang:python?``."""
        if not self.suggestions:
            return self.message
        return f"{self.message}; did you mean {' or '.join(self.suggestions)}?"


@dataclass(frozen=True)
class Query:
    """What :func:`parse_query` made of a text: needs, free text and problems."""

    source: str = ""
    needs: tuple[Need, ...] = ()
    text: str = ""  # the free text, for :func:`fwtui.query.match_all`
    problems: tuple[QueryProblem, ...] = ()

    @property
    def errors(self) -> tuple[QueryProblem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    @property
    def warnings(self) -> tuple[QueryProblem, ...]:
        return tuple(p for p in self.problems if not p.is_error)

    @property
    def ok(self) -> bool:
        """True when no need had to be left out."""
        return not self.errors

    def without(self, need: Need) -> str:
        """The source text with ``need`` taken out (to remove needs one by one)."""
        before = self.source[: need.start].rstrip()
        after = self.source[need.end :].lstrip()
        return f"{before} {after}".strip() if before and after else before + after


@dataclass
class _Vocabulary:
    """Names and values of a catalog's attributes, computed once per catalog."""

    catalog: Catalog
    names: dict[str, Attribute]  # folded key or alias -> attribute

    @classmethod
    def of(cls, catalog: Catalog) -> _Vocabulary:
        names: dict[str, Attribute] = {}
        for attr in catalog.attributes:
            names.setdefault(_fold_key(attr.key), attr)
        for attr in catalog.attributes:
            for alias in attr.aliases:
                names.setdefault(_fold_key(alias), attr)
        return cls(catalog, names)

    @cached_property
    def seen(self) -> dict[str, tuple[str, ...]]:
        """Attribute key -> every value written, case-folded duplicates out.

        Computed on first use (completing or correcting a value), not for every
        query: it reads every framework's facts, which a cached catalog loads
        only when they are shown.
        """
        seen: dict[str, dict[str, str]] = {a.key: {} for a in self.catalog.attributes}
        for fw in self.catalog.frameworks:
            for key, fact in fw.facts.items():
                bucket = seen.setdefault(key, {})
                for entry in fact.values:
                    for element in _elements(entry.value):
                        bucket.setdefault(element.casefold().strip(), element.strip())
        return {k: tuple(sorted(v.values(), key=str.casefold)) for k, v in seen.items()}

    def attribute(self, key: str) -> Attribute | None:
        return self.names.get(_fold_key(key))

    def names_of(self, attr: Attribute) -> list[str]:
        return [attr.key, *attr.aliases]

    def all_names(self) -> list[str]:
        return [n for a in dict.fromkeys(self.names.values()) for n in self.names_of(a)]

    def choices(self, attr: Attribute) -> tuple[str, ...]:
        """The values worth proposing for ``attr``."""
        if attr.kind == "bool":
            return ("yes", "no")
        if attr.kind in ("enum", "set") and attr.values:
            return attr.values
        if attr.kind == "date":
            return ()
        return self.seen.get(attr.key, ())


_last_vocabulary: tuple[Catalog, _Vocabulary] | None = None


def _vocabulary(catalog: Catalog) -> _Vocabulary:
    global _last_vocabulary
    if _last_vocabulary is None or _last_vocabulary[0] is not catalog:
        _last_vocabulary = (catalog, _Vocabulary.of(catalog))
    return _last_vocabulary[1]


def _fold_key(key: str) -> str:
    return key.casefold().strip().replace("-", "_")


def _tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, token) for each whitespace-separated token; "..." may hold spaces."""
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start, quoted = i, False
        while i < n and (quoted or not text[i].isspace()):
            if text[i] == '"':
                quoted = not quoted
            i += 1
        yield start, i, text[start:i]


def _split_values(rest: str) -> list[str]:
    """``a,"b, c",d`` -> ``["a", "b, c", "d"]``; empty items dropped."""
    values: list[str] = []
    current: list[str] = []
    quoted = False
    for ch in rest:
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            values.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    values.append("".join(current).strip())
    return [v for v in values if v]


def _close(word: str, candidates: Sequence[str], n: int = 3) -> list[str]:
    """Close candidates: prefixes first, then what difflib finds, any case."""
    folded = {c.casefold(): c for c in candidates}
    word = word.casefold()
    out = [c for f, c in folded.items() if word and f.startswith(word) and f != word]
    for f in difflib.get_close_matches(word, list(folded), n=n, cutoff=0.6):
        if folded[f] not in out:
            out.append(folded[f])
    return out[:n]


def parse_query(text: str, catalog: Catalog) -> Query:
    """Split ``text`` into needs, free text and problems."""
    return _parse(list(_tokens(text)), text, catalog)


def parse_tokens(tokens: Sequence[str], catalog: Catalog) -> Query:
    """Like :func:`parse_query`, one token per item (command-line arguments).

    An argument may hold spaces (``'creator:Google Brain'``); an argument
    without a need in it is free text.
    """
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for token in tokens:
        spans.append((pos, pos + len(token), token))
        pos += len(token) + 1
    return _parse(spans, " ".join(tokens), catalog)


def _parse(spans: list[tuple[int, int, str]], source: str, catalog: Catalog) -> Query:
    vocab = _vocabulary(catalog)
    needs: list[Need] = []
    free: list[str] = []
    problems: list[QueryProblem] = []
    for start, end, token in spans:
        if ":" not in token and "!=" not in token:
            free.append(token.replace('"', ""))
            continue
        need, found = _parse_need(token, start, end, vocab)
        problems.extend(found)
        if need is not None:
            needs.append(need)
    return Query(source, tuple(needs), " ".join(w for w in free if w), tuple(problems))


def _parse_need(
    token: str, start: int, end: int, vocab: _Vocabulary
) -> tuple[Need | None, list[QueryProblem]]:
    def problem(message: str, suggestions: Sequence[str] = (), severity: str = "error") -> None:
        problems.append(QueryProblem(token, message, tuple(suggestions), start, end, severity))

    problems: list[QueryProblem] = []
    m = _NEED_RE.match(token.strip())
    if m is None:
        problem(f"{token!r} is not a need: write key:value, -key:value or key!=value")
        return None, problems
    written, op, rest = m.group("key"), m.group("op"), m.group("rest")
    if m.group("neg") and op == "!=":
        problem(f"{token!r} negates twice: write -{written}:{rest} or {written}!={rest}")
        return None, problems
    negated = bool(m.group("neg")) or op == "!="
    values = _split_values(rest)

    def rewrite(key: str, new_values: Sequence[str]) -> str:
        body = _join_values(new_values)
        if op == "!=":
            return f"{key}!={body}"
        return f"{'-' if negated else ''}{key}:{body}"

    attr = vocab.attribute(written)
    if attr is None:
        close = _close(written, vocab.all_names())
        guesses = [rewrite(k, values) for k in close]
        for value in values:  # a value only one attribute takes names it
            guesses += [rewrite(a.key, values) for a in _takers(vocab, value) if a.key not in close]
        hint = "" if guesses else "; `fwtui --help` and docs/cli.md list the keys"
        problem(f"unknown key {written!r} in {token!r}{hint}", list(dict.fromkeys(guesses))[:4])
        return None, problems
    if not values:
        problem(
            f"{token!r} has no value after {op!r}",
            [rewrite(written, [v]) for v in vocab.choices(attr)[:3]],
        )
        return None, problems
    checked: list[str] = []
    ok = True
    for value in values:
        canonical, message, guesses = _check_value(attr, written, value, vocab)
        if message is None:
            checked.append(canonical)
            continue
        fixes = [rewrite(written, [g if v == value else v for v in values]) for g in guesses]
        fixes += [rewrite(a.key, [value]) for a in _takers(vocab, value) if a.key != attr.key]
        severity = "warning" if canonical and not guesses else "error"
        problem(message, list(dict.fromkeys(fixes))[:4], severity)
        if severity == "warning":
            checked.append(canonical)
        else:
            ok = False
    if not ok:
        return None, problems
    need = Need(attr, tuple(checked), negated, written, token, start, end)
    return need, problems


def _takers(vocab: _Vocabulary, value: str) -> list[Attribute]:
    """Attributes with declared values among which ``value`` is (``accelerators`` for rocm)."""
    folded = value.casefold()
    out = []
    for attr in dict.fromkeys(vocab.names.values()):
        if attr.kind in ("enum", "set") and any(v.casefold() == folded for v in attr.values):
            out.append(attr)
    return out


def _check_value(
    attr: Attribute, written: str, value: str, vocab: _Vocabulary
) -> tuple[str, str | None, list[str]]:
    """(value as the need keeps it, problem or None, close values)."""
    kind = attr.kind
    if kind == "bool":
        if value.casefold() in BOOL_WORDS:
            return "yes" if BOOL_WORDS[value.casefold()] else "no", None, []
        return "", f"{written} is yes or no, not {value!r}", _close(value, ["yes", "no"])
    if kind == "date":
        if _date_bounds(value) is not None:
            return value, None, []
        return (
            "",
            f"{written} takes a date such as 2017, >2018, <=2020-06 or 2016..2018, not {value!r}",
            [],
        )
    if kind in ("enum", "set"):
        allowed = attr.values or vocab.seen.get(attr.key, ())
        for candidate in allowed:
            if candidate.casefold() == value.casefold():
                return candidate, None, []
        choices = ", ".join(allowed) if allowed else "nothing yet"
        return "", f"{value!r} is not a {written} value ({choices})", _close(value, allowed)
    # list and text: free values, checked against what the catalog holds.
    seen = vocab.seen.get(attr.key, ())
    if any(text_matches(value, s) for s in seen):
        return value, None, []
    words = list(dict.fromkeys([*seen, *(w for s in seen for w in _words(s))]))
    close = _close(value, words)
    message = f"no framework's {written} matches {value!r}"
    return value, message, close


# ---------------------------------------------------------------------------
# Evaluating and ranking


@dataclass(frozen=True)
class Verdict:
    """One need for one framework, and the value that decided it (None: unknown)."""

    need: Need
    outcome: Outcome
    fact: FactValue | None


@dataclass(frozen=True)
class Verdicts:
    """Every need for one framework."""

    framework: Framework
    verdicts: tuple[Verdict, ...] = ()
    match: Match | None = None  # how the free text matched, if there was any

    def __iter__(self) -> Iterator[Verdict]:
        return iter(self.verdicts)

    def __len__(self) -> int:
        return len(self.verdicts)

    def _count(self, outcome: Outcome) -> int:
        return sum(1 for v in self.verdicts if v.outcome is outcome)

    @property
    def met(self) -> int:
        return self._count(Outcome.MET)

    @property
    def not_met(self) -> int:
        return self._count(Outcome.NOT_MET)

    @property
    def unknown(self) -> int:
        return self._count(Outcome.UNKNOWN)

    @property
    def total(self) -> int:
        return len(self.verdicts)

    @property
    def meets_all(self) -> bool:
        """True when every need is met (unknown is not met); true with no needs."""
        return self.met == self.total


def _verdicts(
    catalog: Catalog, framework: Framework, needs: Sequence[Need], view: View
) -> tuple[Verdict, ...]:
    cutoff = catalog.cutoff
    verdicts = []
    for need in needs:
        fact = framework.fact(need.key, view, cutoff)
        verdicts.append(Verdict(need, need.evaluate(fact), fact))
    return tuple(verdicts)


def evaluate(
    catalog: Catalog, framework: Framework, needs: Sequence[Need], view: View = View.TODAY
) -> Verdicts:
    """Each need for ``framework`` in ``view``, with the fact that decided it."""
    return Verdicts(framework, _verdicts(catalog, framework, needs, view))


class _Unranked(Sequence[Verdicts]):
    """The entries of a ranking without needs: a filter result, read as verdicts.

    Each :class:`Verdicts` is made when it is read, not 10,000 of them on
    every keystroke: the list draws a screenful, the CLI reads them once.
    """

    def __init__(self, result: Result) -> None:
        self.result = result
        self._by_id: dict[str, Framework] | None = None

    def _entry(self, fw: Framework) -> Verdicts:
        return Verdicts(fw, (), self.result.matches.get(fw.id))

    @overload
    def __getitem__(self, index: int) -> Verdicts: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Verdicts, ...]: ...

    def __getitem__(self, index: int | slice) -> Verdicts | tuple[Verdicts, ...]:
        if isinstance(index, slice):
            return tuple(self._entry(fw) for fw in self.result.frameworks[index])
        return self._entry(self.result.frameworks[index])

    def __len__(self) -> int:
        return len(self.result.frameworks)

    def __iter__(self) -> Iterator[Verdicts]:
        return (self._entry(fw) for fw in self.result.frameworks)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (_Unranked, tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(tuple(self))

    def verdicts(self, framework_id: str) -> Verdicts | None:
        """The entry of one kept framework, if it is kept."""
        matches = self.result.matches
        if isinstance(matches, LazyMatches):
            fw = matches.framework(framework_id)
        else:
            if self._by_id is None:
                self._by_id = {fw.id: fw for fw in self.result.frameworks}
            fw = self._by_id.get(framework_id)
        return self._entry(fw) if fw is not None else None


@dataclass(frozen=True)
class Ranking:
    """The filtered frameworks, ranked by their needs, each with its verdicts."""

    query: Query
    view: View
    entries: Sequence[Verdicts] = ()
    total: int = 0  # how many frameworks the catalog has
    unmet_hidden: bool = False  # made by meeting_all_only()
    #: How the free text matched each framework (also those meeting_all_only hides).
    matches: Mapping[str, Match] = field(default_factory=dict, repr=False, compare=False)
    _by_id: dict[str, Verdicts] = field(default_factory=dict, repr=False, compare=False)

    @property
    def needs(self) -> tuple[Need, ...]:
        return self.query.needs

    @property
    def frameworks(self) -> tuple[Framework, ...]:
        if isinstance(self.entries, _Unranked):
            return self.entries.result.frameworks
        return tuple(e.framework for e in self.entries)

    @property
    def meeting_all(self) -> tuple[Framework, ...]:
        """The frameworks that meet every need: the top of the ranking."""
        if isinstance(self.entries, _Unranked):
            return self.frameworks  # no needs: every one meets them all
        return tuple(e.framework for e in self.entries if e.meets_all)

    @property
    def divider(self) -> int | None:
        """How many entries come before the divider: ``None`` when there are
        no needs (nothing to divide), else the count that meet every need."""
        if not self.needs:
            return None
        return sum(1 for e in self.entries if e.meets_all)

    def verdicts(self, framework_id: str) -> Verdicts | None:
        """The verdicts of one ranked framework, if it is in the ranking."""
        if isinstance(self.entries, _Unranked):
            return self.entries.verdicts(framework_id)
        if not self._by_id and self.entries:
            # Filled on first use: a keystroke without a look at the detail needs no map.
            self._by_id.update((e.framework.id, e) for e in self.entries)
        return self._by_id.get(framework_id)

    def meeting_all_only(self) -> Ranking:
        """The same ranking without the frameworks that miss a need."""
        if isinstance(self.entries, _Unranked):
            kept: Sequence[Verdicts] = self.entries  # no needs: none is missed
        else:
            kept = tuple(e for e in self.entries if e.meets_all)
        return Ranking(
            self.query, self.view, kept, self.total, unmet_hidden=True, matches=self.matches
        )


def rank(
    catalog: Catalog,
    filters: Filters,
    query: Query | None = None,
    index: SearchIndex | None = None,
) -> Ranking:
    """Filter with ``filters`` (as :func:`fwtui.query.apply`), then rank by needs.

    Without ``query``, ``filters.text`` is parsed as one (needs and free text
    mixed, as typed in the filter). With it, the query's free text replaces
    ``filters.text``. Order: needs met (most first), unknowns (fewest first),
    text relevance, ``filters.sort``, name.
    """
    if query is None:
        query = parse_query(filters.text, catalog)
    result = apply(catalog, replace(filters, text=query.text), index)
    matches = result.matches
    if not query.needs:
        # Nothing to evaluate: keep apply's order, as typing in the filter is the hot path.
        return Ranking(query, filters.view, _Unranked(result), result.total, matches=result.matches)
    needs, view = query.needs, filters.view
    entries = [
        Verdicts(fw, _verdicts(catalog, fw, needs, view), matches.get(fw.id))
        for fw in result.frameworks
    ]
    # Stable: within equal counts, apply's order (relevance, sort, name) stays.
    entries.sort(key=lambda e: (-e.met, e.unknown))
    return Ranking(query, filters.view, tuple(entries), result.total, matches=matches)


# ---------------------------------------------------------------------------
# Completion


@dataclass(frozen=True)
class Completion:
    """What Tab may put in place of ``text[start:end]``."""

    start: int
    end: int
    candidates: tuple[str, ...] = ()

    def apply(self, text: str, candidate: str) -> tuple[str, int]:
        """The text with ``candidate`` in place, and where the cursor goes."""
        new = text[: self.start] + candidate + text[self.end :]
        return new, self.start + len(candidate)


def completions(text: str, cursor: int, catalog: Catalog) -> Completion:
    """Keys (``lang:``) for a word being typed, values after ``key:`` or ``key:v1,``.

    Nothing is offered for an empty word (Tab then moves focus as everywhere
    else), for free text no key starts with, or when the word is complete.
    """
    cursor = max(0, min(cursor, len(text)))
    head = text[:cursor]
    start = cursor
    for token_start, token_end, _ in _tokens(head):
        if token_end == cursor:
            start = token_start
    word = head[start:]
    vocab = _vocabulary(catalog)
    m = _NEED_RE.match(word)
    if m is None:
        if ":" in word or "!=" in word:
            return Completion(cursor, cursor)
        offset = 1 if word.startswith("-") else 0
        fragment = word[offset:]
        if not fragment:
            return Completion(cursor, cursor)
        folded = _fold_key(fragment)
        found = [f"{n}:" for n in vocab.all_names() if _fold_key(n).startswith(folded)]
        return Completion(start + offset, cursor, tuple(dict.fromkeys(found)))
    attr = vocab.attribute(m.group("key"))
    if attr is None:
        return Completion(cursor, cursor)
    rest = m.group("rest")
    rest_start = start + m.start("rest")
    cut = _last_separator(rest)
    fragment = rest[cut:].lstrip('"')
    typed = {v.casefold() for v in _split_values(rest[:cut])}
    folded = fragment.casefold()
    found = [
        _quote(v)
        for v in vocab.choices(attr)
        if v.casefold().startswith(folded) and v.casefold() not in typed and v != fragment
    ]
    return Completion(rest_start + cut, cursor, tuple(found))


def _last_separator(rest: str) -> int:
    """Where the value being typed starts: after the last comma outside quotes."""
    quoted, cut = False, 0
    for i, ch in enumerate(rest):
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            cut = i + 1
    return cut


def complete(text: str, cursor: int, catalog: Catalog) -> list[str]:
    """The candidates of :func:`completions` (empty: Tab moves focus)."""
    return list(completions(text, cursor, catalog).candidates)
