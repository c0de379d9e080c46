"""One framework as Markdown or CSV (``fwtui show --format ...``)."""

from __future__ import annotations

from fwtui.formats import csvout, markdown
from fwtui.formats.rows import fact_rows
from fwtui.model import Catalog, Framework, View
from fwtui.textsafe import safe, safe_line


def detail_markdown(catalog: Catalog, fw: Framework, view: View) -> str:
    """A Markdown document: facts table, summary, pros, cons, history, links."""
    md = markdown.inline
    out = [f"# {md(safe_line(fw.name))}", ""]
    rows = [
        [label, value + (f" ({note})" if note else "")]
        for label, value, note in fact_rows(catalog, fw, view)
    ]
    out += [markdown.table(["Fact", "Value"], rows), ""]
    if fw.summary:
        out += [md(safe(fw.summary)).replace("\n", " "), ""]
    for heading, mark, points in (
        ("Pros", "+", catalog.pros(fw, view)),
        ("Cons", "-", catalog.cons(fw, view)),
    ):
        out.append(f"## {heading}")
        out.append("")
        if not points:
            out.append("_none recorded_")
        for p in points:
            credit = md(safe_line(catalog.attribution(p.source)))
            out.append(f"- {mark} {md(safe_line(p.text))} _({credit})_")
        out.append("")
    if fw.history:
        out += ["## History", ""]
        out += [f"- {e.date}: {md(safe_line(e.event))}" for e in fw.history]
        out.append("")
    if fw.homepage:
        out += [f"Homepage: <{safe_line(fw.homepage)}>", ""]
    if fw.sources:
        names = ", ".join(md(safe_line(catalog.attribution(s))) for s in fw.sources)
        out += [f"Sources: {names}", ""]
    return "\n".join(out)


def detail_csv(catalog: Catalog, fw: Framework, view: View) -> str:
    """Section, label, value rows: facts, pros, cons and history."""
    rows: list[list[str]] = [["name", "", safe_line(fw.name)], ["id", "", fw.id]]
    rows += [["fact", label, value] for label, value, _ in fact_rows(catalog, fw, view)]
    rows += [["summary", "", safe_line(fw.summary)]] if fw.summary else []
    rows += [["pro", "", safe_line(p.text)] for p in catalog.pros(fw, view)]
    rows += [["con", "", safe_line(p.text)] for p in catalog.cons(fw, view)]
    rows += [["history", str(e.date), safe_line(e.event)] for e in fw.history]
    return csvout.table(["section", "label", "value"], rows)
