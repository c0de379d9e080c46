"""The filter remembers and narrows as you type: always the same answer as from scratch.

:func:`reference_apply` is the filter as first written (every framework through
:func:`match_all`, then two sorts); a :class:`SearchIndex` kept across a typed
sequence of texts must give exactly its result at every step.
"""

from __future__ import annotations

from types import MappingProxyType

from hypothesis import given, settings
from hypothesis import strategies as st

from fwtui.model import Catalog, Fact, FactValue, Framework
from fwtui.needs import Verdicts, rank
from fwtui.query import (
    MIN_TYPO_LENGTH,
    Filters,
    Match,
    Result,
    SearchIndex,
    TypoIndex,
    _passes,
    _typo_match,
    apply,
    match_all,
    sort_key,
)


def reference_apply(catalog: Catalog, filters: Filters, index: SearchIndex) -> Result:
    """The filter from scratch: match every framework, sort, then sort by tier."""
    matches: dict[str, Match] = {}
    kept: list[Framework] = []
    for fw in catalog.frameworks:
        if not _passes(catalog, filters, fw):
            continue
        m = match_all(index, fw, filters.text)
        if m is None:
            continue
        matches[fw.id] = m
        kept.append(fw)
    kept.sort(key=sort_key(catalog, filters.sort, filters.view))  # type: ignore[arg-type]
    if filters.text.strip():
        kept.sort(key=lambda fw: matches[fw.id].tier)
    return Result(tuple(kept), matches, len(catalog.frameworks))


def same(got: Result, want: Result) -> None:
    assert [fw.id for fw in got.frameworks] == [fw.id for fw in want.frameworks]
    assert dict(got.matches) == want.matches
    assert got.total == want.total


# A small alphabet, so that prefixes, substrings and typos collide often.
LETTERS = "abcde"
word = st.text(LETTERS, min_size=1, max_size=7)
STATUSES = ("active", "discontinued", "merged")


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    frameworks = []
    for i in range(draw(st.integers(1, 14))):
        name = " ".join(draw(st.lists(word, min_size=1, max_size=2)))
        # A newline in a name is odd, but the prefix tier must not take it for a new name.
        variants = [
            name,
            name.upper(),
            name.title(),
            name.replace(" ", "-"),
            name.replace(" ", "\n"),
        ]
        name = draw(st.sampled_from(variants))
        status = draw(st.sampled_from((None, *STATUSES)))
        facts = {"status": Fact("status", (FactValue(status),))} if status else {}
        frameworks.append(
            Framework(
                id=f"f{i}-{name.casefold().replace(' ', '-')}",
                name=name,
                category=draw(st.sampled_from(("deep-learning", "machine-learning"))),
                summary=" ".join(draw(st.lists(st.text("abcdefghij", max_size=7), max_size=5))),
                aliases=tuple(draw(st.lists(word, max_size=2))),
                tags=tuple(draw(st.lists(word, max_size=3))),
                facts=MappingProxyType(facts),
            )
        )
    return Catalog(tuple(frameworks), (), {})


# Keys: a letter (sometimes capital), a space, backspace ("<"), or a pasted word ("=word").
keys = st.one_of(
    st.sampled_from([*LETTERS, "A", " ", "<", "<", "<"]),
    word.map(lambda w: "=" + w),
)


def typed(sequence: list[str]) -> list[str]:
    texts, text = [], ""
    for key in sequence:
        if key == "<":
            text = text[:-1]
        elif key.startswith("="):
            text = key[1:]  # pasted over the whole text
        else:
            text += key
        texts.append(text)
    return texts


@st.composite
def near_misses(draw: st.DrawFn, catalog: Catalog) -> list[str]:
    """Keys typing a name, alias or tag of ``catalog`` with one edit, then some backspaces."""
    words = [w for fw in catalog for w in (fw.name, *fw.aliases, *fw.tags)]
    target = draw(st.sampled_from(words)).casefold()
    i = draw(st.integers(0, len(target)))
    letter = draw(st.sampled_from(LETTERS))
    target = draw(
        st.sampled_from(
            [
                target[:i] + target[i + 1 :],
                target[:i] + letter + target[i:],
                target[:i] + letter + target[i + 1 :],
                target[:i] + target[i + 1 : i + 2] + target[i : i + 1] + target[i + 2 :],
            ]
        )
    )
    return [*target, *["<"] * draw(st.integers(0, len(target)))]


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(
    catalogs(),
    st.data(),
    st.sampled_from(("name", "status", "first_release")),
    st.booleans(),
)
def test_typing_gives_what_filtering_from_scratch_gives(
    catalog: Catalog, data: st.DataObject, sort: str, quick: bool
) -> None:
    parts = st.one_of(st.lists(keys, min_size=1, max_size=6), near_misses(catalog))
    sequence = [key for part in data.draw(st.lists(parts, min_size=1, max_size=5)) for key in part]
    index = SearchIndex(catalog.frameworks)
    fresh = SearchIndex(catalog.frameworks)
    for n, text in enumerate(typed(sequence)):
        # Now and then a quick filter changes under the text, as `t` and `s` do.
        statuses = frozenset({"active"}) if quick and n % 3 == 1 else frozenset()
        filters = Filters(text=text, sort=sort, statuses=statuses)
        same(apply(catalog, filters, index), reference_apply(catalog, filters, fresh))


@settings(max_examples=100, deadline=None, database=None, derandomize=True)
@given(catalogs(), st.lists(keys, min_size=1, max_size=15))
def test_an_index_from_another_catalog_still_gives_the_reference_answer(
    catalog: Catalog, sequence: list[str]
) -> None:
    # A stale index (the catalog was re-read): frameworks it lacks match no text.
    stale = SearchIndex(catalog.frameworks[::2])
    fresh = SearchIndex(catalog.frameworks[::2])
    for text in typed(sequence):
        filters = Filters(text=text)
        same(apply(catalog, filters, stale), reference_apply(catalog, filters, fresh))


def test_backspace_is_answered_from_memory(bundled: Catalog) -> None:
    index = SearchIndex(bundled.frameworks)
    first = apply(bundled, Filters(text="tens"), index)
    apply(bundled, Filters(text="tensor"), index)
    again = apply(bundled, Filters(text="tens"), index)
    assert again.frameworks is first.frameworks  # the very tuple: nothing recomputed
    same(again, reference_apply(bundled, Filters(text="tens"), SearchIndex(bundled.frameworks)))


def test_a_typo_found_at_four_letters_is_not_lost_by_narrowing(bundled: Catalog) -> None:
    # "kea" matches nothing Keras-like; "kear" already finds Keras by a typo.
    index = SearchIndex(bundled.frameworks)
    for text in ("k", "ke", "kea", "kear", "kears"):
        result = apply(bundled, Filters(text=text), index)
        same(result, reference_apply(bundled, Filters(text=text), SearchIndex(bundled.frameworks)))
    assert result.frameworks[0].id == "keras"


def test_ranking_without_needs_reads_as_verdicts(bundled: Catalog) -> None:
    ranking = rank(bundled, Filters(text="flow"), index=SearchIndex(bundled.frameworks))
    result = reference_apply(bundled, Filters(text="flow"), SearchIndex(bundled.frameworks))
    expected = tuple(Verdicts(fw, (), result.matches[fw.id]) for fw in result.frameworks)
    assert tuple(ranking.entries) == expected
    assert ranking.entries == expected
    assert ranking.entries[1:3] == expected[1:3]
    assert ranking.frameworks == result.frameworks
    assert ranking.verdicts(expected[0].framework.id) == expected[0]
    assert ranking.verdicts("no-such-framework") is None
    assert ranking.meeting_all_only().entries == expected
    assert dict(ranking.matches) == result.matches


# -- the typo index ------------------------------------------------------------------


def brute_force(words: list[str], term: str) -> set[str]:
    return {w for w in words if _typo_match(term, w) is not None}


@settings(max_examples=400, deadline=None, database=None, derandomize=True)
@given(
    st.lists(st.text("abcdx", min_size=1, max_size=9), max_size=30), st.text("abcdx", max_size=8)
)
def test_typo_index_finds_what_trying_every_word_finds(words: list[str], term: str) -> None:
    index = TypoIndex(words)
    assert index.matches(term) == brute_force(words, term)
    assert index.candidates(term) >= brute_force(words, term)


@settings(max_examples=200, deadline=None, database=None, derandomize=True)
@given(st.text("abcdefgh", min_size=MIN_TYPO_LENGTH, max_size=9), st.data())
def test_typo_index_finds_every_single_edit_of_a_word(target: str, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(target) - 1))
    letter = data.draw(st.sampled_from("abcdefghz"))
    edits = {
        target[:i] + target[i + 1 :],  # a letter missing
        target[:i] + letter + target[i:],  # one too many
        target[:i] + letter + target[i + 1 :],  # one wrong
        target[:i] + target[i + 1 : i + 2] + target[i : i + 1] + target[i + 2 :],  # a swap
    }
    index = TypoIndex([target, target + "suffix"])
    for term in edits:
        assert index.matches(term) == brute_force([target, target + "suffix"], term), term


def test_typo_index_examples() -> None:
    words = ["keras", "pytorch", "tensorflow", "tensor", "caffe", "ke"]
    index = TypoIndex(words)
    assert index.matches("kears") == {"keras"}
    assert index.matches("ekras") == {"keras"}  # the first two letters swapped
    assert index.matches("eras") == {"keras"}  # the first letter missing
    assert index.matches("xkeras") == {"keras"}  # a letter before the first
    assert index.matches("pytroch") == {"pytorch"}
    assert index.matches("tnesor") == {"tensor", "tensorflow"}  # a prefix of a longer word
    assert index.matches("ker") == set()  # too short for typos
    assert index.matches("zzzz") == set()
