"""Versioned JSON output; the schema is ``schemas/output.schema.json``."""

from __future__ import annotations

import json
import re
from typing import Any

from fwtui.compare import Matrix
from fwtui.model import Catalog, FactScalar, FactValue, Framework, PartialDate, Point, View
from fwtui.textsafe import UNSAFE_CHARS

#: Bumped when a field changes meaning or goes away; additions keep it.
OUTPUT_VERSION = 1

# json.dumps(ensure_ascii=False) leaves DEL, C1 controls, bidi, zero-width
# and other invisible characters raw; they are escaped after dumping (they can
# only occur inside strings, where \\uXXXX is valid, and JSON already escapes
# the C0 controls the class also names).
_RAW_UNSAFE = re.compile(f"[{UNSAFE_CHARS}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # outside the BMP: a UTF-16 surrogate pair, as JSON wants
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def dumps(document: dict[str, Any], *, ascii: bool = False) -> str:
    """JSON text with no raw control, bidi or invisible character.

    With ``ascii``, every non-ASCII character is escaped too, for outputs
    whose encoding cannot carry it; the document is the same either way.
    """
    text = json.dumps(document, ensure_ascii=ascii, indent=2)
    return text if ascii else _RAW_UNSAFE.sub(_escape, text)


def _scalar(value: FactScalar) -> Any:
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def _fact_value(value: FactValue | None) -> Any:
    if value is None:
        return None
    return {
        "value": _scalar(value.value),
        "as_of": str(value.as_of) if value.as_of else None,
        "source": value.source,
        "note": value.note,
    }


def _point(point: Point, catalog: Catalog) -> dict[str, Any]:
    return {
        "text": point.text,
        "source": point.source,
        "attribution": catalog.attribution(point.source),
        "shared_with": list(point.shared_with),
        "from_prose": point.from_prose,
        "note": point.note,
        "in_article_view": catalog.source_in_view(point.source, View.ARTICLE),
    }


def framework_json(catalog: Catalog, fw: Framework) -> dict[str, Any]:
    """Everything known about one framework, in both views."""
    cutoff = catalog.cutoff
    facts: dict[str, Any] = {}
    for key, fact in fw.facts.items():
        facts[key] = {
            "today": _fact_value(fact.at(View.TODAY, cutoff)),
            "article": _fact_value(fact.at(View.ARTICLE, cutoff)),
            "values": [_fact_value(v) for v in fact.values],
        }
    return {
        "id": fw.id,
        "name": fw.name,
        "aliases": list(fw.aliases),
        "category": fw.category,
        "status": {
            "today": catalog.status(fw, View.TODAY),
            "article": catalog.status(fw, View.ARTICLE),
        },
        "summary": fw.summary,
        "tags": list(fw.tags),
        "homepage": fw.homepage,
        "links": [{"label": link.label, "url": link.url} for link in fw.links],
        "related": list(fw.related),
        "builds_on": list(fw.builds_on),
        "used_by": list(fw.used_by),
        "successors": list(fw.successors),
        "predecessors": list(fw.predecessors),
        "sources": list(fw.sources),
        "facts": facts,
        "pros": [_point(p, catalog) for p in fw.pros],
        "cons": [_point(p, catalog) for p in fw.cons],
        "history": [
            {"date": str(e.date), "event": e.event, "kind": e.kind, "source": e.source}
            for e in fw.history
        ],
    }


def _envelope(kind: str, catalog: Catalog, view: View) -> dict[str, Any]:
    return {
        "format": f"fwtui.{kind}",
        "version": OUTPUT_VERSION,
        "view": view.value,
        "catalog": {
            "title": catalog.title,
            "date": str(catalog.date) if catalog.date else None,
            "base_source": catalog.base_source,
            "files": list(catalog.files),
        },
    }


def _attributes(catalog: Catalog) -> list[dict[str, Any]]:
    return [
        {
            "key": a.key,
            "label": a.label,
            "kind": a.kind,
            "values": list(a.values),
            "order": a.order,
            "description": a.description,
            "aliases": list(a.aliases),
        }
        for a in catalog.attributes
    ]


def _sources(catalog: Catalog) -> dict[str, Any]:
    return {
        sid: {
            "title": s.title,
            "author": s.author,
            "url": s.url,
            "date": str(s.date) if s.date else None,
            "accessed": str(s.accessed) if s.accessed else None,
            "label": s.label,
        }
        for sid, s in catalog.sources.items()
    }


def list_json(
    catalog: Catalog,
    frameworks: tuple[Framework, ...],
    view: View,
    total: int,
    *,
    ascii: bool = False,
) -> str:
    """``fwtui list --format json``."""
    doc = _envelope("list", catalog, view)
    doc["count"] = len(frameworks)
    doc["total"] = total
    doc["attributes"] = _attributes(catalog)
    doc["sources"] = _sources(catalog)
    doc["frameworks"] = [framework_json(catalog, fw) for fw in frameworks]
    return dumps(doc, ascii=ascii)


def show_json(catalog: Catalog, fw: Framework, view: View, *, ascii: bool = False) -> str:
    """``fwtui show --format json``."""
    doc = _envelope("show", catalog, view)
    doc["attributes"] = _attributes(catalog)
    doc["sources"] = _sources(catalog)
    doc["framework"] = framework_json(catalog, fw)
    return dumps(doc, ascii=ascii)


def compare_json(
    catalog: Catalog,
    matrix: Matrix,
    differences_only: bool,
    *,
    ascii: bool = False,
    needs: list[dict[str, Any]] | None = None,
) -> str:
    """``fwtui compare --format json``; ``needs`` from ``formats.pick.needs_json``."""
    doc = _envelope("compare", catalog, matrix.view)
    doc["frameworks"] = [fw.id for fw in matrix.frameworks]
    doc["names"] = [fw.name for fw in matrix.frameworks]
    doc["differences_only"] = differences_only
    doc["needs"] = needs or []
    doc["rows"] = [
        {
            "key": row.attribute.key,
            "label": row.attribute.label,
            "differs": row.differs,
            "values": [_fact_value(c) for c in row.cells],
        }
        for row in matrix.fact_rows(differences_only)
    ]
    doc["pros"] = [[_point(p, catalog) for p in points] for points in matrix.pros]
    doc["cons"] = [[_point(p, catalog) for p in points] for points in matrix.cons]
    return dumps(doc, ascii=ascii)
