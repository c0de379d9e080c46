"""The bundled catalog against its source: "Comparison of AI Frameworks"
(Chris Nicholson, late 2017), /work/shared/seeds/000_b5ab342c7ede8afb.txt.

The catalog also holds what happened since, as claims of later sources, and
frameworks the article never saw. These tests hold what is attributed to the
article (``source == "article"``, the records it covers, the article's view)
to the article exactly, and everything else to having a source.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

import pytest

from fwtui import tomlcompat
from fwtui.model import Catalog, Framework, PartialDate, Point, View
from fwtui.paths import bundled_data

# Every (+)/(−) bullet of the article, verbatim, by the record it belongs to.
# The joint "PyTorch & Torch" list belongs to both records.
TORCH_BULLETS = [
    ("+", "Lots of modular pieces that are easy to combine"),
    ("+", "Easy to write your own layer types and run on GPU"),
    ("+", "Lots of pretrained models"),
    ("-", "You usually write your own training code (Less plug and play)"),
    ("-", "No commercial support"),
    ("-", "Spotty documentation"),
]
ARTICLE_BULLETS: dict[str, list[tuple[str, str]]] = {
    "pytorch": TORCH_BULLETS,
    "torch": TORCH_BULLETS,
    "tensorflow": [
        ("+", "Python + Numpy"),
        ("+", "Computational graph abstraction, like Theano"),
        ("+", "Faster compile times than Theano"),
        ("+", "TensorBoard for visualization"),
        ("+", "Data and model parallelism"),
        ("-", "Slower than other frameworks"),
        ("-", "Much “fatter” than Torch; more magic"),
        ("-", "Not many pretrained models"),
        ("-", "Computational graph is pure Python, therefore slow"),
        ("-", "No commercial support"),
        ("-", "Drops out to Python to load each new training batch"),
        ("-", "Not very toolable"),
        ("-", "Dynamic typing is error-prone on large software projects"),
    ],
    "caffe": [
        ("+", "Good for feedforward networks and image processing"),
        ("+", "Good for finetuning existing networks"),
        ("+", "Train models without writing any code"),
        ("+", "Python interface is pretty useful"),
        ("-", "Need to write C++ / CUDA for new GPU layers"),
        ("-", "Not good for recurrent networks"),
        ("-", "Cumbersome for big networks (GoogLeNet, ResNet)"),
        ("-", "Not extensible, bit of a hairball"),
        ("-", "No commercial support"),
        ("-", "Probably dying; slow development"),
    ],
    "theano": [
        ("+", "Python + Numpy"),
        ("+", "Computational graph is nice abstraction"),
        ("+", "RNNs fit nicely in computational graph"),
        ("-", "Raw Theano is somewhat low-level"),
        ("+", "High level wrappers (Keras, Lasagne) ease the pain"),
        ("-", "Error messages can be unhelpful"),
        ("-", "Large models can have long compile times"),
        ("-", "Much “fatter” than Torch"),
        ("-", "Patchy support for pretrained models"),
        ("-", "Buggy on AWS"),
        ("-", "Single GPU"),
    ],
    "caffe2": [
        ("+", "BSD License"),
        ("-", "No commercial support"),
    ],
    "dynet": [
        ("+", "Dynamic computation graph"),
        ("-", "Small user community"),
    ],
    "keras": [
        ("+", "Intuitive API inspired by Torch"),
        ("+", "Works with Theano, TensorFlow and Deeplearning4j backends (CNTK backend to come)"),
        ("+", "Fast growing framework"),
        ("+", "Likely to become standard Python API for NNs"),
    ],
}

DESCRIBED = [
    "pytorch",
    "torch",
    "tensorflow",
    "caffe",
    "theano",
    "caffe2",
    "cntk",
    "chainer",
    "dsstne",
    "dynet",
    "gensim",
    "gluon",
    "keras",
    "mxnet",
    "paddle",
    "bigdl",
    "scikit-learn",
    "mahout",
    "systemml",
    "dmtk",
]
MENTIONED = ["deeplearning4j", "lasagne", "blocks", "pylearn2"]
MACHINE_LEARNING = {"scikit-learn", "mahout", "systemml", "dmtk"}

# Every date the article gives (or implies by its own date), at its precision.
ARTICLE_DATES = {"2016", "2016-03", "2017", "2017-01", "2017-09", "2017-09-28", "2017-10"}

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "−": "-"})


def normal(text: str) -> str:
    """Light normalisation: case, quotes, spacing and final punctuation."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


def fw(catalog: Catalog, fid: str) -> Framework:
    found = catalog.get(fid)
    assert found is not None, f"no record {fid!r}"
    return found


def fact(catalog: Catalog, fid: str, key: str, view: View = View.ARTICLE) -> Any:
    value = fw(catalog, fid).fact(key, view, catalog.cutoff)
    assert value is not None, f"{fid} has no {key}"
    return value


def article_points(record: Framework) -> list[Point]:
    """The record's pros and cons attributed to the article."""
    return [p for p in (*record.pros, *record.cons) if p.source == "article"]


def signed(record: Framework, points: Any) -> list[tuple[str, str]]:
    return sorted(("+" if p in record.pros else "-", normal(p.text)) for p in points)


def test_every_framework_of_the_article_has_a_record(bundled: Catalog) -> None:
    # Exactly the article's frameworks are covered by it; later ones are not.
    assert sorted(f.id for f in bundled if bundled.covers(f)) == sorted(DESCRIBED + MENTIONED)
    for fid in DESCRIBED + MENTIONED:
        expected = "machine-learning" if fid in MACHINE_LEARNING else "deep-learning"
        assert fw(bundled, fid).category == expected, fid


def test_the_article_is_the_base_source(bundled: Catalog) -> None:
    assert bundled.base_source == "article"
    article = bundled.sources["article"]
    assert article.title == "Comparison of AI Frameworks"
    assert article.author == "Chris Nicholson"
    assert str(article.date) == "2017"
    assert article.attribution == "the article, late 2017"
    assert str(bundled.cutoff) == "2017"


@pytest.mark.parametrize("fid", sorted(ARTICLE_BULLETS))
def test_every_bullet_is_kept_with_its_sign(bundled: Catalog, fid: str) -> None:
    record = fw(bundled, fid)
    pros = [normal(p.text) for p in record.pros if p.source == "article"]
    cons = [normal(p.text) for p in record.cons if p.source == "article"]
    for sign, bullet in ARTICLE_BULLETS[fid]:
        wanted = normal(bullet)
        right, wrong = (pros, cons) if sign == "+" else (cons, pros)
        assert wanted in right, f"{fid}: ({sign}) {bullet!r} missing"
        assert wanted not in wrong, f"{fid}: ({sign}) {bullet!r} has the wrong sign"


@pytest.mark.parametrize("fid", sorted(ARTICLE_BULLETS))
def test_points_not_marked_from_prose_are_exactly_the_bullets(bundled: Catalog, fid: str) -> None:
    record = fw(bundled, fid)
    bullets = sorted((sign, normal(text)) for sign, text in ARTICLE_BULLETS[fid])
    listed = signed(record, (p for p in article_points(record) if not p.from_prose))
    assert listed == bullets
    # The article's view shows exactly the article's points: no later claim
    # slips in, none of the article's is hidden.
    shown = (*bundled.pros(record, View.ARTICLE), *bundled.cons(record, View.ARTICLE))
    assert sorted(shown, key=str) == sorted(article_points(record), key=str)
    assert signed(record, (p for p in shown if not p.from_prose)) == bullets


def test_records_without_a_bullet_list_have_points_from_prose(bundled: Catalog) -> None:
    for fid in ("chainer", "dsstne", "gensim", "gluon", "mxnet", "cntk", "paddle", "bigdl"):
        points = article_points(fw(bundled, fid))
        assert points, fid
        assert all(p.from_prose for p in points), fid
    assert any("faster" in normal(p.text) for p in fw(bundled, "chainer").pros)
    assert any("community" in normal(p.text) for p in fw(bundled, "dsstne").cons)
    assert any("word2vec" in normal(p.text) for p in fw(bundled, "gensim").pros)


def test_joint_pytorch_and_torch_list_is_shared(bundled: Catalog) -> None:
    for fid, other in (("pytorch", "torch"), ("torch", "pytorch")):
        record = fw(bundled, fid)
        joint = [p for p in article_points(record) if not p.from_prose]
        assert len(joint) == len(TORCH_BULLETS)
        assert all(p.shared_with == (other,) for p in joint), fid
        # Only the article's joint list is shared.
        shared = [p for p in (*record.pros, *record.cons) if p.shared_with]
        assert shared == joint, fid


def test_every_point_has_a_source(bundled: Catalog) -> None:
    for record in bundled:
        assert record.sources, record.id
        assert set(record.sources) <= set(bundled.sources), record.id
        points: tuple[Point, ...] = (*record.pros, *record.cons)
        cited: list[str | None] = [p.source for p in points]
        cited += [e.source for e in record.history]
        cited += [v.source for f in record.facts.values() for v in f.values]
        for source in cited:
            # Every claim names a source the record lists among its own.
            assert source in bundled.sources, (record.id, source)
            assert source in record.sources, (record.id, source)
        for point in points:
            if point.source == "article":
                assert bundled.attribution(point.source) == "the article, late 2017"
            else:
                assert bundled.attribution(point.source) != "the article, late 2017"
        if not bundled.covers(record):  # the article cannot vouch for what it never saw
            assert "article" not in cited, record.id
    for source in bundled.sources.values():
        if source.id != "article":  # a reader can check it, and knows when it was read
            assert source.url and source.url.startswith("https://"), source.id
            assert source.accessed is not None, source.id


def test_pytorch_open_sourced_january_2017(bundled: Catalog) -> None:
    first = fact(bundled, "pytorch", "first_release")
    assert first.value == PartialDate(2017, 1)
    assert str(first.value) == "2017-01"
    events = [e for e in fw(bundled, "pytorch").history if str(e.date) == "2017-01"]
    assert len(events) == 1
    assert "open-sourced" in normal(events[0].event)
    assert events[0].kind == "release"


def test_theano_end_announced_2017_09_28(bundled: Catalog) -> None:
    theano = fw(bundled, "theano")
    (event,) = [e for e in theano.history if e.kind == "announcement"]
    assert str(event.date) == "2017-09-28"
    assert event.date == PartialDate(2017, 9, 28)
    assert "bengio" in normal(event.event)
    assert bundled.status(theano, View.ARTICLE) == "discontinued"
    assert bundled.status(theano, View.TODAY) == "discontinued"


def test_cntk_one_bit_sgd_licence_note(bundled: Catalog) -> None:
    licence = fact(bundled, "cntk", "license")
    text = normal(f"{licence.value} {licence.note}")
    assert "one-bit sgd" in text
    assert "not licensed for commercial use" in text
    assert bundled.attribute("licence") is bundled.attribute("license")  # alias


def test_caffe2_bsd_licence(bundled: Catalog) -> None:
    assert fact(bundled, "caffe2", "license").value == "BSD"


def test_keras_backends(bundled: Catalog) -> None:
    backends = fact(bundled, "keras", "backends")
    assert backends.value == ("Theano", "TensorFlow", "Deeplearning4j")
    assert "cntk" in normal(backends.note) and "to come" in normal(backends.note)
    keras = fw(bundled, "keras")
    assert set(keras.builds_on) == {"theano", "tensorflow"}
    assert "keras" in fw(bundled, "theano").used_by


def test_tensorflow_eager_october_2017(bundled: Catalog) -> None:
    history = fw(bundled, "tensorflow").history
    (event,) = [e for e in history if e.source == "article" and "eager" in normal(e.event)]
    assert str(event.date) == "2017-10"
    assert event.date == PartialDate(2017, 10)


def test_gluon_october_2017(bundled: Catalog) -> None:
    assert str(fact(bundled, "gluon", "first_release").value) == "2017-10"
    history = fw(bundled, "gluon").history
    assert [str(e.date) for e in history if e.source == "article"] == ["2017-10"]
    assert fw(bundled, "gluon").builds_on == ("mxnet",)


def test_graph_styles(bundled: Catalog) -> None:
    for fid in ("pytorch", "dynet", "chainer", "gluon"):
        assert fact(bundled, fid, "graph").value == ("dynamic",), fid
    for fid in ("tensorflow", "theano"):
        assert fact(bundled, fid, "graph").value == ("static",), fid


def test_creators_and_backers(bundled: Catalog) -> None:
    assert fact(bundled, "tensorflow", "creator").value == "Google"
    assert fact(bundled, "cntk", "creator").value == "Microsoft"
    assert fact(bundled, "paddle", "creator").value == "Baidu"
    assert "Chollet" in fact(bundled, "keras", "creator").value
    assert "Rare Technologies" in fact(bundled, "gensim", "backers").value
    assert set(fact(bundled, "torch", "users").value) == {"Facebook", "Twitter"}
    assert fact(bundled, "mxnet", "api_languages").value == ("R", "Python", "Julia")
    assert fact(bundled, "torch", "api_languages").value == ("Lua",)


def test_paddle_alias(bundled: Catalog, cli: Any) -> None:
    assert "PaddlePaddle" in fw(bundled, "paddle").aliases
    result = cli("show", "paddlepaddle")
    assert result.code == 0, result.err
    assert result.out.startswith("Paddle  (paddle, deep-learning)")


def test_successors_are_linked_both_ways(bundled: Catalog) -> None:
    assert "pytorch" in fw(bundled, "torch").successors
    assert "torch" in fw(bundled, "pytorch").predecessors
    assert "caffe2" in fw(bundled, "caffe").successors
    assert "caffe" in fw(bundled, "caffe2").predecessors
    assert {"keras", "lasagne", "blocks"} <= set(fw(bundled, "theano").used_by)


def test_all_links_resolve(bundled: Catalog) -> None:
    for record in bundled:
        linked = (
            *record.related,
            *record.builds_on,
            *record.used_by,
            *record.successors,
            *record.predecessors,
            *(other for p in (*record.pros, *record.cons) for other in p.shared_with),
        )
        for target in linked:
            assert target in bundled, (record.id, target)
            assert target != record.id


def _all_dates(catalog: Catalog, source: str | None = None) -> list[tuple[str, PartialDate]]:
    """Every date in the catalog, or only those ``source`` gives."""
    dates: list[tuple[str, PartialDate]] = []
    for s in catalog.sources.values():
        if source is None or s.id == source:
            dates += [(s.id, d) for d in (s.date, s.accessed) if d is not None]
    for record in catalog:
        dates += [
            (record.id, e.date) for e in record.history if source is None or e.source == source
        ]
        for key, value in record.facts.items():
            for entry in value.values:
                if source is not None and entry.source != source:
                    continue
                if entry.as_of is not None:
                    dates.append((f"{record.id}.{key}", entry.as_of))
                if isinstance(entry.value, PartialDate):
                    dates.append((f"{record.id}.{key}", entry.value))
    return dates


DATE_LIKE = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def _written_dates(node: Any, where: str = "") -> list[tuple[str, str]]:
    """Every date as the data file writes it: under ``date``, ``accessed`` and
    ``as_of``, and any other value written as a date (``first_release``)."""
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            here = f"{where}.{key}" if where else str(key)
            if key in ("date", "accessed", "as_of"):
                found.append((here, str(value)))
            else:
                found += _written_dates(value, here)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += _written_dates(value, f"{where}[{i}]")
    elif isinstance(node, dt.date) or (isinstance(node, str) and DATE_LIKE.match(node)):
        found.append((where, str(node)))
    return found


def test_dates_keep_their_precision(bundled: Catalog) -> None:
    # The article's own dates: exactly the ones it gives, at its precision.
    dates = _all_dates(bundled, "article")
    assert len(dates) > 30
    for where, date in dates:
        assert str(date) in ARTICLE_DATES, f"{where}: {date} is not a date the article gives"
    assert {str(d) for _, d in dates} == ARTICLE_DATES
    days = {str(d) for _, d in dates if d.day is not None}
    assert days == {"2017-09-28"}  # the only day the article names
    # Every date in the file parses at the precision it is written with, and
    # every date the catalog holds is one the file writes: none is invented.
    raw = tomlcompat.loads(bundled_data().read_text(encoding="utf-8"))
    written = _written_dates(raw)
    assert len(written) > len(dates)
    for where, text in written:
        assert str(PartialDate.parse(text)) == text, where
    every = _all_dates(bundled)
    assert {str(d) for _, d in every} <= {text for _, text in written}


def test_unknown_is_never_guessed(bundled: Catalog) -> None:
    # In the article's view, the facts of the article's frameworks are the
    # article's own: a fact it does not give is unknown, not filled in later.
    for record in bundled:
        if not bundled.covers(record):
            continue
        for key, value in record.facts.items():
            given = [v for v in value.values if v.source == "article"]
            shown = value.at(View.ARTICLE, bundled.cutoff)
            if given:
                assert shown in given, (record.id, key)
            else:
                assert shown is None, (record.id, key)
    for fid in ("deeplearning4j", "lasagne", "blocks"):
        record = fw(bundled, fid)
        assert bundled.status(record, View.ARTICLE) == "unknown"
        assert all(f.at(View.ARTICLE, bundled.cutoff) is None for f in record.facts.values())
        assert not any(v.source == "article" for f in record.facts.values() for v in f.values)
    assert bundled.status(fw(bundled, "pylearn2"), View.ARTICLE) == "discontinued"
    assert fw(bundled, "keras").fact("license", View.ARTICLE, bundled.cutoff) is None


def test_summaries_are_short(bundled: Catalog) -> None:
    for record in bundled:
        assert record.summary, record.id
        assert "\n" not in record.summary.strip(), record.id
        assert len(record.summary) < 600, record.id
