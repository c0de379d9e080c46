"""Versioned JSON output; the schema is ``schemas/output.schema.json``."""

from __future__ import annotations

import json
import re
from typing import Any

from fwtui.compare import Matrix
from fwtui.model import Catalog, FactScalar, FactValue, Framework, PartialDate, Point, View

#: Bumped when a field changes meaning or goes away; additions keep it.
OUTPUT_VERSION = 1

# json.dumps(ensure_ascii=False) leaves C1 controls, DEL, bidi and zero-width
# characters raw; they are escaped after dumping (they can only occur inside
# strings, where \\uXXXX is valid).
_RAW_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2064\u2066-\u2069\ufeff]"
)


def dumps(document: dict[str, Any]) -> str:
    """JSON text with no raw control, bidi or invisible character."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _RAW_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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


def list_json(catalog: Catalog, frameworks: tuple[Framework, ...], view: View, total: int) -> str:
    doc = _envelope("list", catalog, view)
    doc["count"] = len(frameworks)
    doc["total"] = total
    doc["attributes"] = [
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
    doc["sources"] = {
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
    doc["frameworks"] = [framework_json(catalog, fw) for fw in frameworks]
    return dumps(doc)


def show_json(catalog: Catalog, fw: Framework, view: View) -> str:
    doc = _envelope("show", catalog, view)
    doc["framework"] = framework_json(catalog, fw)
    return dumps(doc)


def compare_json(catalog: Catalog, matrix: Matrix, differences_only: bool) -> str:
    doc = _envelope("compare", catalog, matrix.view)
    doc["frameworks"] = [fw.id for fw in matrix.frameworks]
    doc["differences_only"] = differences_only
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
    return dumps(doc)
