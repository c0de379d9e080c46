"""The bundled catalog against its source: "Comparison of AI Frameworks"
(Chris Nicholson, late 2017), /work/shared/seeds/000_b5ab342c7ede8afb.txt."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest

from fwtui.model import Catalog, Framework, PartialDate, Point, View

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
    pros = [normal(p.text) for p in record.pros]
    cons = [normal(p.text) for p in record.cons]
    for sign, bullet in ARTICLE_BULLETS[fid]:
        wanted = normal(bullet)
        right, wrong = (pros, cons) if sign == "+" else (cons, pros)
        assert wanted in right, f"{fid}: ({sign}) {bullet!r} missing"
        assert wanted not in wrong, f"{fid}: ({sign}) {bullet!r} has the wrong sign"


@pytest.mark.parametrize("fid", sorted(ARTICLE_BULLETS))
def test_points_not_marked_from_prose_are_exactly_the_bullets(bundled: Catalog, fid: str) -> None:
    record = fw(bundled, fid)
    listed = sorted(
        ("+" if p in record.pros else "-", normal(p.text))
        for p in (*record.pros, *record.cons)
        if not p.from_prose
    )
    assert listed == sorted((sign, normal(text)) for sign, text in ARTICLE_BULLETS[fid])


def test_records_without_a_bullet_list_have_points_from_prose(bundled: Catalog) -> None:
    for fid in ("chainer", "dsstne", "gensim", "gluon", "mxnet", "cntk", "paddle", "bigdl"):
        points = (*fw(bundled, fid).pros, *fw(bundled, fid).cons)
        assert points, fid
        assert all(p.from_prose for p in points), fid
    assert any("faster" in normal(p.text) for p in fw(bundled, "chainer").pros)
    assert any("community" in normal(p.text) for p in fw(bundled, "dsstne").cons)
    assert any("word2vec" in normal(p.text) for p in fw(bundled, "gensim").pros)


def test_joint_pytorch_and_torch_list_is_shared(bundled: Catalog) -> None:
    for fid, other in (("pytorch", "torch"), ("torch", "pytorch")):
        record = fw(bundled, fid)
        joint = [p for p in (*record.pros, *record.cons) if not p.from_prose]
        assert len(joint) == len(TORCH_BULLETS)
        assert all(p.shared_with == (other,) for p in joint), fid


def test_every_point_has_a_source(bundled: Catalog) -> None:
    for record in bundled:
        points: tuple[Point, ...] = (*record.pros, *record.cons)
        for point in points:
            assert point.source in bundled.sources, (record.id, point.text)
            assert bundled.attribution(point.source) == "the article, late 2017"
        for event in record.history:
            assert event.source in bundled.sources, (record.id, event.event)
        assert record.sources == ("article",), record.id


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
    (event,) = [e for e in fw(bundled, "tensorflow").history if "eager" in normal(e.event)]
    assert str(event.date) == "2017-10"


def test_gluon_october_2017(bundled: Catalog) -> None:
    assert str(fact(bundled, "gluon", "first_release").value) == "2017-10"
    assert [str(e.date) for e in fw(bundled, "gluon").history] == ["2017-10"]
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


def _all_dates(catalog: Catalog) -> list[tuple[str, PartialDate]]:
    dates: list[tuple[str, PartialDate]] = []
    for source in catalog.sources.values():
        dates += [(source.id, d) for d in (source.date, source.accessed) if d is not None]
    for record in catalog:
        dates += [(record.id, e.date) for e in record.history]
        for key, value in record.facts.items():
            for entry in value.values:
                if entry.as_of is not None:
                    dates.append((f"{record.id}.{key}", entry.as_of))
                if isinstance(entry.value, PartialDate):
                    dates.append((f"{record.id}.{key}", entry.value))
    return dates


def test_dates_keep_their_precision(bundled: Catalog) -> None:
    dates = _all_dates(bundled)
    assert len(dates) > 30
    for where, date in dates:
        assert str(date) in ARTICLE_DATES, f"{where}: {date} is not a date the article gives"
    days = {str(d) for _, d in dates if d.day is not None}
    assert days == {"2017-09-28"}  # the only day the article names


def test_unknown_is_never_guessed(bundled: Catalog) -> None:
    for fid in ("deeplearning4j", "lasagne", "blocks"):
        record = fw(bundled, fid)
        assert bundled.status(record, View.ARTICLE) == "unknown"
        assert record.facts == {}
    assert bundled.status(fw(bundled, "pylearn2"), View.ARTICLE) == "discontinued"
    assert fw(bundled, "keras").fact("license", View.ARTICLE, bundled.cutoff) is None


def test_summaries_are_short(bundled: Catalog) -> None:
    for record in bundled:
        assert record.summary, record.id
        assert "\n" not in record.summary.strip(), record.id
        assert len(record.summary) < 600, record.id
