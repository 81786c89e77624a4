"""`bench report`: one self-contained HTML file comparing systems against the gold.

Leaderboard (micro-F1 per section, with bootstrap intervals when there are enough documents),
per-label tables and inline-SVG bar charts, an entity-label confusion table, and for every
document the text in displaCy's entity style, gold beside each system, with missed and spurious
spans marked, plus the document's relations and figures with their status. No script and no
external resource: it opens offline.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bench.core.annotation import Annotation
from bench.core.comparison import Comparison
from bench.core.matching import CORRECT, PARTIAL
from bench.core.schema import ENTITY_LABELS, FIGURE
from bench.formats.corpus import Document
from bench.reports.text import SECTION_TITLES, fmt_score

MISSED, SPURIOUS = "✗ missed", "✗ spurious"
LABEL_COLOURS = {
    "PERSON": "#aa9cfc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "LOC": "#ff9561",
    "NORP": "#c887fb",
    "EVENT": "#ffeb80",
    "DATE": "#bfe1d9",
    "FIGURE": "#e4e7d2",
}
SYSTEM_COLOURS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"]

CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.docgrid { display: grid; gap: 1rem; align-items: start; }
.docgrid > div { border: 1px solid #ddd; padding: 0.5rem; font-size: 0.9rem; }
.status-missed { color: #a00; } .status-spurious { color: #b60; } .status-matched { color: #070; }
.note { color: #666; font-size: 0.9rem; }
"""


@dataclass
class SystemRun:
    name: str
    result: dict
    predictions: dict[str, Annotation]
    sections: frozenset[str]


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _interval(section: Mapping[str, Any]) -> str:
    iv = section.get("interval")
    if not iv:
        return ""
    if iv.get("low") is None:
        return f'<div class="note">{esc(iv.get("note"))}</div>'
    return f'<div class="note">95% CI [{iv["low"]:.3f}, {iv["high"]:.3f}]</div>'


def leaderboard(runs: Sequence[SystemRun]) -> str:
    head = "".join(f"<th>{esc(SECTION_TITLES[s])}</th>" for s in SECTION_TITLES)
    rows = []
    for run in runs:
        cells = []
        for name in SECTION_TITLES:
            sec = run.result["sections"][name]
            if sec["status"] != "scored":
                cells.append(f'<td data-system="{esc(run.name)}" data-section="{name}">absent</td>')
            else:
                cells.append(
                    f'<td data-system="{esc(run.name)}" data-section="{name}" class="micro-f1">'
                    f"{fmt_score(sec['micro']['f1'])}{_interval(sec)}</td>"
                )
        rows.append(f"<tr><td>{esc(run.name)}</td>{''.join(cells)}</tr>")
    return f'<table id="leaderboard"><tr><th>system (micro-F1)</th>{head}</tr>{"".join(rows)}</table>'


def bar_chart(section: str, runs: Sequence[SystemRun]) -> str:
    """Horizontal bars: F1 per label, one bar per system."""
    scored = [r for r in runs if r.result["sections"][section]["status"] == "scored"]
    if not scored:
        return ""
    labels = [
        lab
        for lab in scored[0].result["sections"][section]["labels"]
        if any(r.result["sections"][section]["labels"][lab]["f1"] is not None for r in scored)
    ]
    bar, gap, left, width = 12, 8, 150, 360
    height = len(labels) * (len(scored) * bar + gap) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 60}" height="{height}" role="img" '
        f'aria-label="F1 per label, {esc(section)}">'
    ]
    y = 0
    for label in labels:
        parts.append(
            f'<text x="{left - 6}" y="{y + bar * len(scored) / 2 + 4}" text-anchor="end" font-size="12">'
            f"{esc(label)}</text>"
        )
        for run in scored:
            f1 = run.result["sections"][section]["labels"][label]["f1"] or 0.0
            colour = SYSTEM_COLOURS[runs.index(run) % len(SYSTEM_COLOURS)]
            parts.append(
                f'<rect x="{left}" y="{y}" width="{f1 * width:.1f}" height="{bar - 2}" fill="{colour}">'
                f"<title>{esc(run.name)} {esc(label)} F1 {f1:.3f}</title></rect>"
            )
            parts.append(f'<text x="{left + f1 * width + 4:.1f}" y="{y + bar - 3}" font-size="10">{f1:.2f}</text>')
            y += bar
        y += gap
    for i, run in enumerate(scored):
        colour = SYSTEM_COLOURS[runs.index(run) % len(SYSTEM_COLOURS)]
        parts.append(
            f'<rect x="{left + i * 110}" y="{y + 6}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{left + i * 110 + 14}" y="{y + 15}" font-size="11">{esc(run.name)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def label_tables(runs: Sequence[SystemRun]) -> str:
    out = []
    for section, title in SECTION_TITLES.items():
        scored = [r for r in runs if r.result["sections"][section]["status"] == "scored"]
        if not scored:
            continue
        head = "".join(f"<th>{esc(r.name)} P</th><th>{esc(r.name)} R</th><th>{esc(r.name)} F1</th>" for r in scored)
        labels = list(scored[0].result["sections"][section]["labels"]) + ["micro"]
        rows = []
        for label in labels:
            cells = []
            for r in scored:
                sec = r.result["sections"][section]
                row = sec["micro"] if label == "micro" else sec["labels"][label]
                cells.append(
                    f"<td>{fmt_score(row['precision'])}</td><td>{fmt_score(row['recall'])}</td><td>{fmt_score(row['f1'])}</td>"
                )
            rows.append(f"<tr><td>{esc(label)}</td>{''.join(cells)}</tr>")
        absent = [r.name for r in runs if r not in scored]
        note = f'<p class="note">absent (not predicted): {esc(", ".join(absent))}</p>' if absent else ""
        out.append(
            f'<h3>{esc(title)}</h3><table class="labels" data-section="{section}"><tr><th>label</th>{head}</tr>'
            f"{''.join(rows)}</table>{note}{bar_chart(section, runs)}"
        )
    return "\n".join(out)


def confusion(run: SystemRun, docs: Sequence[Document], gold: Mapping[str, Annotation]) -> str:
    """Entity labels: gold (rows) by predicted (columns) for spans with identical boundaries."""
    none = "∅"
    counts: dict[tuple[str, str], int] = {}
    for doc in docs:
        # Identical boundaries whatever the scheme: this table is about labels, not about boundaries.
        cmp = Comparison(gold[doc.doc_id], run.predictions.get(doc.doc_id, Annotation(doc.doc_id)), "exact")
        g, p, alignment = cmp.entities.gold, cmp.entities.pred, cmp.entities.alignment
        for gi, pi, status in alignment.pairs:
            key = (g[gi].label, p[pi].label) if status == CORRECT else (g[gi].label, none)
            counts[key] = counts.get(key, 0) + 1
            if status != CORRECT:
                counts[(none, p[pi].label)] = counts.get((none, p[pi].label), 0) + 1
        for gi in alignment.missed:
            counts[(g[gi].label, none)] = counts.get((g[gi].label, none), 0) + 1
        for pi in alignment.spurious:
            counts[(none, p[pi].label)] = counts.get((none, p[pi].label), 0) + 1
    labels = list(ENTITY_LABELS) + [none]
    head = "".join(f"<th>{esc(lab)}</th>" for lab in labels)
    rows = "".join(
        f"<tr><td>{esc(a)}</td>" + "".join(f"<td>{counts.get((a, b), '') or ''}</td>" for b in labels) + "</tr>"
        for a in labels
    )
    return (
        f'<h3>{esc(run.name)}</h3><table class="confusion" data-system="{esc(run.name)}">'
        f"<tr><th>gold \\ predicted</th>{head}</tr>{rows}</table>"
    )


def _render(text: str, ents: list[dict], colours: dict[str, str]) -> str:
    from spacy import displacy

    return displacy.render(
        [{"text": text, "ents": ents, "title": None}], style="ent", manual=True, page=False, options={"colors": colours}
    )


def _marked(cmp: Comparison) -> list[dict]:
    """The system's spans (spurious ones marked) plus gold spans it missed, where they do not overlap."""
    gs, ps, alignment = cmp.entities.gold, cmp.entities.pred, cmp.entities.alignment
    ents: list[dict[str, Any]] = [
        {"start": e.start, "end": e.end, "label": e.label}
        for gi, pi, s in alignment.pairs
        if s == CORRECT
        for e in [ps[pi]]
    ]
    wrong = {pi for gi, pi, s in alignment.pairs if s != CORRECT} | set(alignment.spurious)
    ents += [{"start": ps[pi].start, "end": ps[pi].end, "label": f"{ps[pi].label} {SPURIOUS}"} for pi in sorted(wrong)]
    missed = set(alignment.missed) | {gi for gi, pi, s in alignment.pairs if s != CORRECT}
    taken = sorted((e["start"], e["end"]) for e in ents)
    for gi in sorted(missed):
        g_ent = gs[gi]
        if not any(s < g_ent.end and g_ent.start < t for s, t in taken):
            ents.append({"start": g_ent.start, "end": g_ent.end, "label": f"{g_ent.label} {MISSED}"})
    # displaCy needs non-overlapping spans in order; keep the first of overlapping predictions.
    ents.sort(key=lambda m: (m["start"], -m["end"]))
    out: list[dict[str, Any]] = []
    last = -1
    for mark in ents:
        if mark["start"] >= last:
            out.append(mark)
            last = mark["end"]
    return out


def _colours() -> dict[str, str]:
    colours = dict(LABEL_COLOURS)
    for label in ENTITY_LABELS:
        colours[f"{label} {MISSED}"] = "#e0e0e0"
        colours[f"{label} {SPURIOUS}"] = "#ffb3b3"
    return colours


def _status_table(kind: str, doc: Document, g: Annotation, runs: Sequence[SystemRun], scheme: str) -> str:
    """Relations or figures of one document, one row per item, a status column per system."""
    rows: dict[str, dict[str, str]] = {}
    gold_text = lambda ents, r: f"{r.type}: {ents[r.head].text} → {ents[r.tail].text}"
    g_ents = {e.id: e for e in g.entities}
    fig = lambda e: f"{e.text} = {e.value} ({e.qualifier}, {e.category})"
    if kind == "relations":
        for r in g.relations:
            rows.setdefault(gold_text(g_ents, r), {})
    else:
        for e in g.entities:
            if e.label == FIGURE:
                rows.setdefault(fig(e), {})
    section = "relations" if kind == "relations" else "figures"
    for run in runs:
        if section not in run.sections:
            for key in rows:
                rows[key][run.name] = "absent"
            continue
        p = run.predictions.get(doc.doc_id, Annotation(doc.doc_id))
        p_ents = {e.id: e for e in p.entities}
        cmp = Comparison(g, p, scheme)
        if kind == "relations":
            m = cmp.relation_mentions
            for gi, _ in m.matched:
                rows[gold_text(g_ents, g.relations[gi])][run.name] = "matched"
            for gi in m.missed:
                rows[gold_text(g_ents, g.relations[gi])][run.name] = "missed"
            for pj in m.spurious:
                rows.setdefault(gold_text(p_ents, p.relations[pj]), {})[run.name] = "spurious"
        else:
            for a, b, status in cmp.figure_pairs():
                ok = status in (CORRECT, PARTIAL)
                rows[fig(a)][run.name] = "matched" if ok else f"missed (got {fig(b)})"
            figures = cmp.figures
            for gi in figures.alignment.missed:
                rows[fig(figures.gold[gi])][run.name] = "missed"
            for pi in figures.alignment.spurious:
                rows.setdefault(fig(figures.pred[pi]), {})[run.name] = "spurious"
    if not rows:
        return ""
    head = "".join(f"<th>{esc(r.name)}</th>" for r in runs)
    body = "".join(
        f"<tr><td>{esc(item)}</td>"
        + "".join(
            f'<td class="status-{esc(st.get(r.name, "-").split()[0])}">{esc(st.get(r.name, "-"))}</td>' for r in runs
        )
        + "</tr>"
        for item, st in rows.items()
    )
    return f'<table class="{kind}"><tr><th>{kind} (gold and predicted)</th>{head}</tr>{body}</table>'


def document_view(doc: Document, g: Annotation, runs: Sequence[SystemRun], scheme: str) -> str:
    colours = _colours()
    gold_marks = [{"start": e.start, "end": e.end, "label": e.label} for e in g.entities]
    columns = [f'<div data-column="gold"><h4>gold</h4>{_render(doc.text, gold_marks, colours)}</div>']
    for run in runs:
        p = run.predictions.get(doc.doc_id, Annotation(doc.doc_id))
        columns.append(
            f'<div data-column="{esc(run.name)}"><h4>{esc(run.name)}</h4>'
            f"{_render(doc.text, _marked(Comparison(g, p, scheme)), colours)}</div>"
        )
    grid = f'<div class="docgrid" style="grid-template-columns: repeat({len(columns)}, 1fr)">{"".join(columns)}</div>'
    return (
        f'<section class="document" id="doc-{esc(doc.doc_id)}"><h3>{esc(doc.doc_id)} ({esc(doc.date)})</h3>{grid}'
        f"{_status_table('figures', doc, g, runs, scheme)}{_status_table('relations', doc, g, runs, scheme)}</section>"
    )


def render_report(runs: Sequence[SystemRun], docs: Sequence[Document], gold: Mapping[str, Annotation]) -> str:
    first = runs[0].result
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>bench report: {esc(', '.join(r.name for r in runs))}</title><style>{CSS}</style></head><body>",
        f"<h1>bench report</h1><p class='note'>match scheme <b>{esc(first['match'])}</b>, "
        f"{first['documents']} document(s), gold {esc(first['gold_sha256'][:12])}. "
        f"Marks in the documents: <b>{esc(SPURIOUS)}</b> predicted but not in gold "
        f"(or wrong label/boundaries), <b>{esc(MISSED)}</b> in gold but not predicted.</p>",
        "<h2>Leaderboard</h2>",
        leaderboard(runs),
        "<h2>Per label</h2>",
        label_tables(runs),
        "<h2>Entity label confusion (identical boundaries)</h2>",
        "".join(confusion(r, docs, gold) for r in runs),
        "<h2>Documents</h2>",
        "".join(document_view(d, gold[d.doc_id], runs, first["match"]) for d in docs if d.doc_id in gold),
        "</body></html>",
    ]
    return "\n".join(parts)
