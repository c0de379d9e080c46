"""Synthetic catalogs: N frameworks, deterministic from a seed, shaped like real records.

Each record is about 1.5 KB of TOML: a 60-word summary, 5 pros and 5 cons of
about 10 words, 6 declared facts, 3 dated history events with sources, tags and
two related links. Only the standard library is used, so the worker (which runs
in the benchmark virtual environment) and the harness can both import it.
"""

from __future__ import annotations

import random
from pathlib import Path

SEED = 20171125


def _words(text: str) -> list[str]:
    return text.split()


#: Words for summaries, pros and cons: plain, lowercase, varied lengths.
WORDS = (
    _words(
        "model training data tensor graph layer network neural learning deep fast "
        "simple python library research production deploy mobile device cloud cluster "
        "memory speed accuracy gradient optimizer kernel compiler runtime interface "
        "community support document example tutorial benchmark dataset pipeline feature "
        "inference export format server client scale parallel distributed batch stream "
        "image text speech vision language audio signal matrix vector sparse dense "
        "convolution recurrent attention embedding transformer encoder decoder loss "
        "metric evaluation experiment notebook package release version license project "
        "team company university developer engineer scientist student industry market "
        "quick robust stable flexible modular portable efficient reliable popular mature "
        "small large early modern classic common rare easy hard clear complete partial "
        "builds runs trains serves exports imports supports offers provides handles "
        "the a of for with and on in to by from over under across between "
    )
    + _words(
        # Short words weighted as in English prose, so records average about 1.5 KB.
        "a an the of to in on is it as at by or and for its can are was has not "
        "but all one use new any via so if we be do no up out top key fit set run"
    )
    * 6
)

SYLLABLES = _words(
    "ka lo mi ne ra tu vo xe zi bra cor del fen gar hol jin kor lum mar "
    "nix pol quin rus sol tor vex wyn yar zen dyn ark bel cyn dor"
)

SUFFIXES = ("", "", "", "net", "flow", "ml", "learn", "ai", "torch", "kit")

STATUSES = ("active", "active", "active", "maintenance", "discontinued", "merged", "unknown")
CREATORS = (
    "Acme Research",
    "Globex Labs",
    "Initech AI",
    "Umbrella University",
    "Stark Industries",
    "Wayne Foundation",
    "Tyrell Corporation",
    "Cyberdyne Systems",
)
LANGUAGES = ("Python", "C++", "Java", "Julia", "R", "Scala", "Lua", "JavaScript", "Go", "Rust")
HISTORY_KINDS = ("release", "announcement", "other", "maintenance", "foundation")
N_SOURCES = 24

HEADER = """\
schema_version = 1

[catalog]
title = "Synthetic frameworks ({n})"
date = "2017"
base_source = "src-0"

"""

ATTRIBUTES = """\
[[attributes]]
key = "creator"
label = "Created by"
kind = "text"
order = 20

[[attributes]]
key = "api_languages"
label = "API languages"
kind = "list"
order = 40
aliases = ["lang"]

[[attributes]]
key = "graph"
label = "Computation graph"
kind = "set"
values = ["static", "dynamic"]
order = 60

[[attributes]]
key = "gpu"
label = "GPU support"
kind = "bool"
order = 90

[[attributes]]
key = "first_release"
label = "First release"
kind = "date"
order = 110

"""


def _q(text: str) -> str:
    """A TOML basic string (the generated text needs no escapes)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize()


def _names(rng: random.Random, n: int) -> list[str]:
    """``n`` unique display names of at most 16 characters (the list column)."""
    seen: set[str] = set()
    names: list[str] = []
    while len(names) < n:
        base = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        name = (base + rng.choice(SUFFIXES)).capitalize()
        if len(name) > 14:
            continue
        if name.casefold() in seen:
            name = f"{name}{rng.randint(2, 99)}"
            if name.casefold() in seen:
                continue
        seen.add(name.casefold())
        names.append(name)
    return names


def _date(rng: random.Random) -> str:
    year = rng.randint(2005, 2024)
    precision = rng.randint(0, 2)
    if precision == 0:
        return f"{year}"
    if precision == 1:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def catalog_text(n: int, seed: int = SEED) -> str:
    """The TOML text of a synthetic catalog of ``n`` frameworks."""
    rng = random.Random(seed * 1_000_003 + n)
    out: list[str] = [HEADER.format(n=n)]
    for s in range(N_SOURCES):
        out.append(
            f"[sources.src-{s}]\n"
            f'title = "Synthetic source number {s}"\n'
            f'url = "https://example.org/sources/{s}"\n'
            f'date = "{2017 if s == 0 else rng.randint(2015, 2025)}"\n\n'
        )
    out.append(ATTRIBUTES)
    names = _names(rng, n)
    ids = [name.casefold() for name in names]
    for i, (name, fid) in enumerate(zip(names, ids, strict=True)):
        summary = ". ".join(_sentence(rng, 12) for _ in range(5)) + "."
        tags = sorted({rng.choice(WORDS[:40]) for _ in range(3)})
        related = sorted({ids[rng.randrange(n)] for _ in range(2)} - {fid})
        pros = [_sentence(rng, rng.randint(7, 11)) for _ in range(5)]
        cons = [_sentence(rng, rng.randint(7, 11)) for _ in range(5)]
        lines = [
            "[[framework]]",
            f"id = {_q(fid)}",
            f"name = {_q(name)}",
            f'category = "{"deep-learning" if i % 3 else "machine-learning"}"',
            f"summary = {_q(summary)}",
            f"tags = [{', '.join(_q(t) for t in tags)}]",
            f'homepage = "https://example.org/{fid}"',
            f"related = [{', '.join(_q(r) for r in related)}]",
            "pros = [",
            *(f"  {_q(p)}," for p in pros),
            "]",
            "cons = [",
            *(f"  {_q(c)}," for c in cons),
            "]",
            "",
            "[framework.facts]",
            f"status = {{ value = {_q(rng.choice(STATUSES))}, source = "
            f'"src-{rng.randrange(N_SOURCES)}" }}',
            f"creator = {_q(rng.choice(CREATORS))}",
            f"api_languages = [{', '.join(_q(x) for x in rng.sample(LANGUAGES, 2))}]",
            f'graph = ["{rng.choice(("static", "dynamic"))}"]',
            f"gpu = {'true' if rng.random() < 0.7 else 'false'}",
            f'first_release = "{_date(rng)}"',
            "",
        ]
        for _ in range(3):
            lines += [
                "[[framework.history]]",
                f'date = "{_date(rng)}"',
                f"event = {_q(_sentence(rng, 6))}",
                f'kind = "{rng.choice(HISTORY_KINDS)}"',
                f'source = "src-{rng.randrange(N_SOURCES)}"',
                "",
            ]
        out.append("\n".join(lines) + "\n")
    return "".join(out)


def write_catalog(directory: Path, n: int, seed: int = SEED) -> Path:
    """Write (once per size and seed) and return the path of a synthetic catalog."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"synthetic-{n}-seed{seed}.toml"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        tmp.write_text(catalog_text(n, seed), encoding="utf-8")
        tmp.replace(path)
    return path
