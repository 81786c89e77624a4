"""What a system gets wrong, item by item, from the same alignment the scores come from.

Kinds: ``missed`` (gold not found), ``spurious`` (predicted, not in gold), ``boundary`` (overlaps a
gold span with other boundaries), ``label`` (same span or same argument pair, other label or
relation type), ``value`` (a figure whose span matches but whose value, qualifier or category
differs).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from bench.core.annotation import Annotation, Entity
from bench.core.comparison import Aligned, Comparison
from bench.core.matching import CORRECT
from bench.core.schema import FIGURE
from bench.formats.corpus import Document

KINDS = ("missed", "spurious", "boundary", "label", "value")
CONTEXT = 40


@dataclass(frozen=True)
class ErrorItem:
    section: str  # entities | figures | relations
    kind: str
    label: str  # gold label (or predicted, for spurious); relation type for relations
    doc_id: str
    start: int
    end: int
    context: str
    gold: str = ""
    predicted: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """The span in brackets with up to ``width`` characters either side, on one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    flat = lambda s: re.sub(r"\s+", " ", s)
    return (
        ("…" if start > width else "")
        + flat(left)
        + "[["
        + text[start:end]
        + "]]"
        + flat(right)
        + ("…" if end + width < len(text) else "")
    )


def describe(e: Entity | None) -> str:
    if e is None:
        return ""
    out = f"{e.label} {e.text!r}"
    if e.label == FIGURE:
        out += f" value={e.value} qualifier={e.qualifier} category={e.category}"
    return out


def _span_errors(section: str, doc: Document, group: Aligned, kind_of: Callable, label_of: Callable) -> list[ErrorItem]:
    """Missed, spurious and wrong pairs of one aligned group; ``kind_of`` names a pair's error or None."""

    def item(kind: str, at: Entity, gold: Entity | None, pred: Entity | None) -> ErrorItem:
        where = context(doc.text, at.start, at.end)
        return ErrorItem(
            section, kind, label_of(at), doc.doc_id, at.start, at.end, where, describe(gold), describe(pred)
        )

    out = []
    for gi, pi, status in group.alignment.pairs:
        a, b = group.gold[gi], group.pred[pi]
        kind = kind_of(a, b, status)
        if kind:
            out.append(item(kind, a, a, b))
    out += [item("missed", group.gold[gi], group.gold[gi], None) for gi in group.alignment.missed]
    out += [item("spurious", group.pred[pi], None, group.pred[pi]) for pi in group.alignment.spurious]
    return out


def entity_errors(doc: Document, cmp: Comparison) -> list[ErrorItem]:
    def kind_of(a: Entity, b: Entity, status: str) -> str | None:
        if status == CORRECT:
            return None
        return "label" if (a.start, a.end) == (b.start, b.end) else "boundary"

    return _span_errors("entities", doc, cmp.entities, kind_of, lambda e: e.label)


def figure_errors(doc: Document, cmp: Comparison) -> list[ErrorItem]:
    def kind_of(a: Entity, b: Entity, span_status: str) -> str | None:
        if span_status != CORRECT and (a.start, a.end) != (b.start, b.end):
            return "boundary"
        # The scores need only the value (the figure rule); the listing also shows attribute slips.
        if cmp.figure_status(a, b, span_status) != span_status or (a.qualifier, a.category) != (
            b.qualifier,
            b.category,
        ):
            return "value"
        return None

    return _span_errors("figures", doc, cmp.figures, kind_of, lambda e: e.category or "")


def relation_errors(doc: Document, cmp: Comparison) -> list[ErrorItem]:
    gold, pred = cmp.gold, cmp.pred
    keys, m = cmp.relation_keys, cmp.relation_mentions
    g_ents = {e.id: e for e in gold.entities}
    p_ents = {e.id: e for e in pred.entities}
    text = lambda ents, r: f"{r.type}: {ents[r.head].text!r} -> {ents[r.tail].text!r}"
    span_of = lambda ents, r: (min(ents[r.head].start, ents[r.tail].start), max(ents[r.head].end, ents[r.tail].end))
    # A missed and a spurious relation over the same argument pair are one type confusion.
    args = lambda key: tuple(sorted(key[1:], key=repr))
    spurious_by_args: dict[tuple, list[int]] = {}
    for j in m.spurious:
        spurious_by_args.setdefault(args(keys.pred_mentions[j]), []).append(j)
    out, used = [], set()
    for i in m.missed:
        r = gold.relations[i]
        start, end = span_of(g_ents, r)
        confused = spurious_by_args.get(args(keys.gold_mentions[i]), [])
        found = next((j for j in confused if j not in used), None)
        where = context(doc.text, start, end, 20)
        if found is not None:
            used.add(found)
            out.append(
                ErrorItem(
                    "relations",
                    "label",
                    r.type,
                    doc.doc_id,
                    start,
                    end,
                    where,
                    text(g_ents, r),
                    text(p_ents, pred.relations[found]),
                )
            )
        else:
            out.append(ErrorItem("relations", "missed", r.type, doc.doc_id, start, end, where, text(g_ents, r)))
    for j in m.spurious:
        if j in used:
            continue
        r = pred.relations[j]
        start, end = span_of(p_ents, r)
        out.append(
            ErrorItem(
                "relations",
                "spurious",
                r.type,
                doc.doc_id,
                start,
                end,
                context(doc.text, start, end, 20),
                "",
                text(p_ents, r),
            )
        )
    return out


def collect_errors(
    docs: Iterable[Document],
    gold: Mapping[str, Annotation],
    preds: Mapping[str, Annotation],
    scheme: str,
    sections: Iterable[str],
) -> list[ErrorItem]:
    sections = set(sections)
    out: list[ErrorItem] = []
    for doc in docs:
        if doc.doc_id not in gold:
            continue
        cmp = Comparison(gold[doc.doc_id], preds.get(doc.doc_id) or Annotation(doc.doc_id), scheme)
        if "entities" in sections:
            out += entity_errors(doc, cmp)
        if "figures" in sections:
            out += figure_errors(doc, cmp)
        if "relations" in sections:
            out += relation_errors(doc, cmp)
    order = {s: i for i, s in enumerate(("entities", "figures", "relations"))}
    return sorted(out, key=lambda e: (order[e.section], e.label, e.doc_id, e.start, e.end, e.kind))


def render_errors(items: list[ErrorItem], fmt: str = "table") -> str:
    from tabulate import tabulate

    if not items:
        return "no errors\n"
    out = []
    groups: dict[tuple[str, str], list[ErrorItem]] = {}
    for item in items:
        groups.setdefault((item.section, item.label), []).append(item)
    for (section, label), group in groups.items():
        out.append(f"== {section} / {label}: {len(group)} error(s) ==")
        rows = [[i.kind, i.doc_id, f"{i.start}-{i.end}", i.context, i.gold, i.predicted] for i in group]
        out.append(
            tabulate(
                rows,
                headers=["kind", "doc", "offsets", "context", "gold", "predicted"],
                tablefmt="github" if fmt == "markdown" else "simple",
                disable_numparse=True,
            )
        )
        out.append("")
    return "\n".join(out)
