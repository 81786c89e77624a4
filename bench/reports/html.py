"""`bench report`: one self-contained HTML file comparing systems against the gold.

Leaderboard (micro-F1 per section, the best system per section marked, with bootstrap intervals
when there are enough documents), micro-F1 per slice of the corpus index (``--by``),
precision-recall curves when predictions carry scores, per-label tables and inline-SVG bar
charts, an entity-label confusion table, a document index with each system's error count per
document, and every document as a collapsible ``<details>`` (documents with errors first): the text
in displaCy's entity style, gold beside each system, missed and spurious spans marked, plus the
document's relations and figures with their status. No script and no external resource: it opens
offline.

It is built to stay usable at thousands of documents: one comparison per document and system,
entity marks styled by class rather than inline, and closed ``<details>`` that the browser does
not lay out until opened.
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
from bench.core.scoring import MICRO, entity_micro, figure_micro, relation_tallies
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
td.best { font-weight: bold; background: #eef7ee; }
.ents { white-space: pre-wrap; line-height: 2.3; }
.ents mark { padding: 0.2em 0.35em; margin: 0 0.15em; border-radius: 0.3em; line-height: 1; }
.ents mark span { font-size: 0.7em; font-weight: bold; margin-left: 0.4em; vertical-align: middle; }
details.document { border-top: 1px solid #ddd; padding: 0.3rem 0; }
details.document > summary { cursor: pointer; font-weight: 600; }
.errors-0 { color: #070; }
"""


@dataclass
class SystemRun:
    name: str
    result: dict
    predictions: dict[str, Annotation]
    sections: frozenset[str]
    curves: dict[str, dict] | None = None  # bench.core.curve per section, when predictions carry scores


def esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _interval(section: Mapping[str, Any]) -> str:
    iv = section.get("interval")
    if not iv:
        return ""
    if iv.get("low") is None:
        return f'<div class="note">{esc(iv.get("note"))}</div>'
    return f'<div class="note">95% CI [{iv["low"]:.3f}, {iv["high"]:.3f}]</div>'


def best_systems(runs: Sequence[SystemRun], section: str) -> set[str]:
    """The systems with the highest micro-F1 in a section (all of them on a tie); none when none is defined."""
    f1s = {
        r.name: r.result["sections"][section]["micro"]["f1"]
        for r in runs
        if r.result["sections"][section]["status"] == "scored"
        and r.result["sections"][section]["micro"]["f1"] is not None
    }
    if not f1s:
        return set()
    top = max(f1s.values())
    return {name for name, f1 in f1s.items() if f1 >= top - 1e-12}


def leaderboard(runs: Sequence[SystemRun]) -> str:
    head = "".join(f"<th>{esc(SECTION_TITLES[s])}</th>" for s in SECTION_TITLES)
    best = {s: best_systems(runs, s) if len(runs) > 1 else set() for s in SECTION_TITLES}
    rows = []
    for run in runs:
        cells = []
        for name in SECTION_TITLES:
            sec = run.result["sections"][name]
            if sec["status"] != "scored":
                cells.append(f'<td data-system="{esc(run.name)}" data-section="{name}">absent</td>')
            else:
                top = run.name in best[name]
                mark = ' <span class="best-mark" title="best in this section">★ best</span>' if top else ""
                cells.append(
                    f'<td data-system="{esc(run.name)}" data-section="{name}" class="micro-f1{" best" if top else ""}">'
                    f"{fmt_score(sec['micro']['f1'])}{mark}{_interval(sec)}</td>"
                )
        rows.append(f"<tr><td>{esc(run.name)}</td>{''.join(cells)}</tr>")
    return (
        f'<table id="leaderboard"><tr><th>system (micro-F1)</th>{head}</tr>{"".join(rows)}</table>'
        '<p class="note">★ best: the highest micro-F1 in the column (every system on a tie).</p>'
    )


def slice_tables(runs: Sequence[SystemRun]) -> str:
    """Micro-F1 per slice of the corpus index (``--by``), a column per system and section."""
    sliced = [r for r in runs if r.result.get("slices")]
    if not sliced:
        return ""
    by = sliced[0].result["slices"]["by"]
    sections = [
        s
        for s in SECTION_TITLES
        if any(s in r.result["sections"] and r.result["sections"][s]["status"] == "scored" for r in sliced)
    ]
    head = "".join(f"<th>{esc(r.name)}<br>{esc(s)}</th>" for s in sections for r in sliced)
    values = sliced[0].result["slices"]["rows"]
    rows = []
    for value, entry in values.items():
        cells = []
        for s in sections:
            for r in sliced:
                row = r.result["slices"]["rows"].get(value, {}).get(s)
                cells.append(f"<td>{fmt_score(row['f1']) if row else 'absent'}</td>")
        rows.append(f"<tr><td>{esc(value)}</td><td>{entry['documents']}</td>{''.join(cells)}</tr>")
    return (
        f'<h2>By {esc(by)}</h2><table id="slices" data-by="{esc(by)}"><tr><th>{esc(by)}</th><th>documents</th>'
        f"{head}</tr>{''.join(rows)}</table>"
        '<p class="note">micro-F1 of each slice: the documents\' counts summed within the slice.</p>'
    )


def pr_curves_html(runs: Sequence[SystemRun]) -> str:
    """A precision-recall panel per section and a table of average precision, for systems with scores."""
    from bench.reports.plot import PANEL_H, PANEL_W, pr_panel

    with_scores = [r for r in runs if r.curves and any(c.get("status") == "curve" for c in r.curves.values())]
    if not with_scores:
        return ""
    panels, rows = [], []
    for section, title in SECTION_TITLES.items():
        series = [(r.name, r.curves.get(section, {"status": "absent"})) for r in with_scores if r.curves]
        if all(c.get("status") != "curve" for _, c in series):
            continue
        height = PANEL_H + 14 * len(series)
        panels.append(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{PANEL_W}" height="{height}" role="img" '
            f'aria-label="precision-recall, {esc(section)}" font-family="sans-serif" data-section="{section}">'
            f"{pr_panel(title, series)}</svg>"
        )
        for name, c in series:
            if c.get("status") == "curve":
                best = c["best"] or {}
                t = best.get("threshold")
                rows.append(
                    f'<tr data-system="{esc(name)}" data-section="{section}">'
                    f"<td>{esc(name)}</td><td>{esc(section)}</td>"
                    f"<td>{fmt_score(c['average_precision'])}</td><td>{'unscored only' if t is None else f'{t:g}'}</td>"
                    f"<td>{fmt_score(best.get('precision'))}</td><td>{fmt_score(best.get('recall'))}</td>"
                    f"<td>{fmt_score(best.get('f1'))}</td><td>{c['unscored_items']}</td></tr>"
                )
    without = [r.name for r in runs if r not in with_scores]
    note = f'<p class="note">no scores (not drawn): {esc(", ".join(without))}</p>' if without else ""
    return (
        "<h2>Precision-recall (confidence scores)</h2>"
        '<p class="note">One point per distinct score: items scored below it dropped, items without a score kept; '
        "recall over all gold items; AP = Σ (R<sub>n</sub> − R<sub>n−1</sub>) P<sub>n</sub> "
        "(scikit-learn's average precision); the dot is the best-F1 threshold.</p>"
        f"<div>{''.join(panels)}</div>"
        '<table id="average-precision"><tr><th>system</th><th>section</th><th>AP</th><th>best-F1 threshold</th>'
        f"<th>P</th><th>R</th><th>F1</th><th>kept unscored</th></tr>{''.join(rows)}</table>{note}"
    )


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


def _render(text: str, marks: list[dict]) -> str:
    """The text with its marks in displaCy's entity style; colours come from classes, not inline styles."""
    out, at = [], 0
    for m in marks:
        out.append(esc(text[at : m["start"]]))
        label = m["label"]
        base = label.split(" ")[0]
        extra = " x-m" if label.endswith(MISSED) else " x-s" if label.endswith(SPURIOUS) else ""
        out.append(
            f'<mark class="l-{esc(base)}{extra}">{esc(text[m["start"] : m["end"]])}<span>{esc(label)}</span></mark>'
        )
        at = m["end"]
    out.append(esc(text[at:]))
    return f'<div class="ents">{"".join(out)}</div>'


def _label_css() -> str:
    colours = "".join(f".ents mark.l-{label} {{ background: {colour}; }}\n" for label, colour in LABEL_COLOURS.items())
    # After the label colours, so a missed or spurious mark is grey or red whatever its label.
    return colours + ".ents mark.x-m { background: #e0e0e0; }\n.ents mark.x-s { background: #ffb3b3; }\n"


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


def _status_table(kind: str, g: Annotation, runs: Sequence[SystemRun], cmps: Mapping[str, Comparison]) -> str:
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
        cmp = cmps[run.name]
        p = cmp.pred
        p_ents = {e.id: e for e in p.entities}
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


def document_errors(cmp: Comparison, sections: frozenset[str]) -> int:
    """Items not counted correct in one document: entity, figure and mention-level relation errors.

    Each of incorrect, partial, missed and spurious counts once per section; a figure's span also
    counts among the entities, as it does in the scores.
    """
    counts = []
    if "entities" in sections:
        counts.append(entity_micro(cmp))
    if "figures" in sections:
        counts.append(figure_micro(cmp))
    if "relations" in sections:
        counts.append(relation_tallies(cmp)[0][MICRO])
    return sum(c.incorrect + c.partial + c.missed + c.spurious for c in counts)


@dataclass
class DocumentRows:
    """One document's comparisons (one per system) and error counts, computed once for the whole report."""

    doc: Document
    gold: Annotation
    comparisons: dict[str, Comparison]
    errors: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.errors.values())


def compare_documents(
    runs: Sequence[SystemRun], docs: Sequence[Document], gold: Mapping[str, Annotation], scheme: str
) -> list[DocumentRows]:
    out = []
    for doc in docs:
        if doc.doc_id not in gold:
            continue
        g = gold[doc.doc_id]
        cmps = {r.name: Comparison(g, r.predictions.get(doc.doc_id, Annotation(doc.doc_id)), scheme) for r in runs}
        errors = {r.name: document_errors(cmps[r.name], r.sections) for r in runs}
        out.append(DocumentRows(doc, g, cmps, errors))
    return out


def document_index(rows: Sequence[DocumentRows], runs: Sequence[SystemRun]) -> str:
    """A row per document, most errors first, linking to the document."""
    head = "".join(f"<th>{esc(r.name)}</th>" for r in runs)
    body = "".join(
        f'<tr><td><a href="#doc-{esc(d.doc.doc_id)}">{esc(d.doc.doc_id)}</a></td>'
        + "".join(f'<td class="errors-{d.errors[r.name]}">{d.errors[r.name]}</td>' for r in runs)
        + f"<td>{d.total}</td></tr>"
        for d in sorted(rows, key=lambda d: (-d.total, d.doc.doc_id))
    )
    return (
        '<p class="note">Errors per document: entity, figure and mention-level relation items not counted '
        "correct (incorrect, partial, missed or spurious), most first.</p>"
        f'<table id="document-index"><tr><th>document</th>{head}<th>total</th></tr>{body}</table>'
    )


def document_view(d: DocumentRows, runs: Sequence[SystemRun]) -> str:
    doc, g = d.doc, d.gold
    gold_marks = [{"start": e.start, "end": e.end, "label": e.label} for e in g.entities]
    columns = [f'<div data-column="gold"><h4>gold</h4>{_render(doc.text, gold_marks)}</div>']
    for run in runs:
        columns.append(
            f'<div data-column="{esc(run.name)}"><h4>{esc(run.name)}</h4>'
            f"{_render(doc.text, _marked(d.comparisons[run.name]))}</div>"
        )
    grid = f'<div class="docgrid" style="grid-template-columns: repeat({len(columns)}, 1fr)">{"".join(columns)}</div>'
    counts = ", ".join(f"{esc(r.name)} {d.errors[r.name]}" for r in runs)
    return (
        f'<details class="document" id="doc-{esc(doc.doc_id)}" data-errors="{d.total}"><summary>{esc(doc.doc_id)} '
        f"({esc(doc.date)}) · errors: {counts}</summary>{grid}"
        f"{_status_table('figures', g, runs, d.comparisons)}{_status_table('relations', g, runs, d.comparisons)}"
        "</details>"
    )


def render_report(runs: Sequence[SystemRun], docs: Sequence[Document], gold: Mapping[str, Annotation]) -> str:
    first = runs[0].result
    rows = compare_documents(runs, docs, gold, first["match"])
    with_errors = [d for d in rows if d.total]
    clean = [d for d in rows if not d.total]
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>bench report: {esc(', '.join(r.name for r in runs))}</title><style>{CSS}{_label_css()}</style>"
        "</head><body>",
        f"<h1>bench report</h1><p class='note'>match scheme <b>{esc(first['match'])}</b>, "
        f"{first['documents']} document(s), gold {esc(first['gold_sha256'][:12])}. "
        f"Marks in the documents: <b>{esc(SPURIOUS)}</b> predicted but not in gold "
        f"(or wrong label/boundaries), <b>{esc(MISSED)}</b> in gold but not predicted.</p>",
        '<p><a href="#leaderboard">Leaderboard</a> · <a href="#labels">Per label</a> · '
        '<a href="#index">Document index</a> · <a href="#with-errors">Documents with errors</a> · '
        '<a href="#without-errors">Documents without errors</a></p>',
        "<h2>Leaderboard</h2>",
        leaderboard(runs),
        slice_tables(runs),
        pr_curves_html(runs),
        '<h2 id="labels">Per label</h2>',
        label_tables(runs),
        "<h2>Entity label confusion (identical boundaries)</h2>",
        "".join(confusion(r, docs, gold) for r in runs),
        '<h2 id="index">Document index</h2>',
        document_index(rows, runs),
        f'<h2 id="with-errors">Documents with errors ({len(with_errors)})</h2>',
        "".join(document_view(d, runs) for d in with_errors),
        f'<h2 id="without-errors">Documents without errors ({len(clean)})</h2>',
        "".join(document_view(d, runs) for d in clean) or '<p class="note">none</p>',
        "</body></html>",
    ]
    return "\n".join(parts)
