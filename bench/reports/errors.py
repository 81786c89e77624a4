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

from bench.core.annotation import Annotation, Entity, Relation
from bench.core.comparison import Aligned, Comparison
from bench.core.matching import CORRECT
from bench.core.schema import FIGURE
from bench.formats.corpus import Document

KINDS = ("missed", "spurious", "boundary", "label", "value")
CONTEXT = 40
# A relation shows a window around each argument, so far-apart arguments never print a paragraph.
RELATION_CONTEXT = 30


@dataclass(frozen=True)
class ErrorItem:
    section: str  # entities | figures | relations
    kind: str
    label: str  # gold label (or predicted, for spurious); relation type for relations
    doc_id: str
    start: int
    end: int
    context: str
    gold: dict[str, Any] | None = None  # the gold item, as in the gold file (relations: arguments inlined)
    predicted: dict[str, Any] | None = None
    rule: str = ""  # the predicted item's rule, when the system names one

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _flat(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _window(text: str, marks: list[tuple[int, int]], width: int) -> str:
    """Text around the marked spans (in order, not overlapping), each in [[ ]], ``width`` characters either side."""
    lo, hi = marks[0][0], marks[-1][1]
    out, at = [("…" if lo > width else "") + _flat(text[max(0, lo - width) : lo])], lo
    for start, end in marks:
        out.append(_flat(text[at:start]) + "[[" + _flat(text[start:end]) + "]]")
        at = end
    out.append(_flat(text[hi : hi + width]) + ("…" if hi + width < len(text) else ""))
    return "".join(out)


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """The span in brackets with up to ``width`` characters either side, on one line."""
    return _window(text, [(start, end)], width)


def pair_context(text: str, a: Entity, b: Entity, width: int = RELATION_CONTEXT) -> str:
    """Both arguments of a relation in brackets: one window when they are close, two joined by "…" when not."""
    first, second = sorted(((a.start, a.end), (b.start, b.end)))
    if second[0] < first[1]:  # nested arguments: one mark over both
        return _window(text, [(first[0], max(first[1], second[1]))], width)
    if second[0] - first[1] > 2 * width:
        left = _window(text, [first], width).removesuffix("…").rstrip()
        return left + " … " + _window(text, [second], width).removeprefix("…").lstrip()
    return _window(text, [first, second], width)


def describe(item: dict[str, Any] | None) -> str:
    """One line for a gold or predicted item in the table view."""
    if item is None:
        return ""
    if "type" in item:
        return f"{item['type']}: {item['head']['text']!r} -> {item['tail']['text']!r}"
    out = f"{item['label']} {item['text']!r}"
    if item["label"] == FIGURE:
        out += f" value={item.get('value')} qualifier={item.get('qualifier')} category={item.get('category')}"
    return out


def _entity(e: Entity | None) -> dict[str, Any] | None:
    return None if e is None else e.to_dict()


def _relation(r: Relation, ents: Mapping[str, Entity]) -> dict[str, Any]:
    return {**r.to_dict(), "head": ents[r.head].to_dict(), "tail": ents[r.tail].to_dict()}


def _span_errors(section: str, doc: Document, group: Aligned, kind_of: Callable, label_of: Callable) -> list[ErrorItem]:
    """Missed, spurious and wrong pairs of one aligned group; ``kind_of`` names a pair's error or None."""

    def item(kind: str, at: Entity, gold: Entity | None, pred: Entity | None) -> ErrorItem:
        where = context(doc.text, at.start, at.end)
        rule = (pred.rule or "") if pred is not None else ""
        return ErrorItem(
            section, kind, label_of(at), doc.doc_id, at.start, at.end, where, _entity(gold), _entity(pred), rule
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

    def item(kind: str, ents: Mapping[str, Entity], r: Relation, gold_r: Relation | None, pred_r: Relation | None):
        head, tail = ents[r.head], ents[r.tail]
        return ErrorItem(
            "relations",
            kind,
            r.type,
            doc.doc_id,
            min(head.start, tail.start),
            max(head.end, tail.end),
            pair_context(doc.text, head, tail),
            None if gold_r is None else _relation(gold_r, g_ents),
            None if pred_r is None else _relation(pred_r, p_ents),
            (pred_r.rule or "") if pred_r is not None else "",
        )

    # A missed and a spurious relation over the same argument pair are one type confusion.
    args = lambda key: tuple(sorted(key[1:], key=repr))
    spurious_by_args: dict[tuple, list[int]] = {}
    for j in m.spurious:
        spurious_by_args.setdefault(args(keys.pred_mentions[j]), []).append(j)
    out, used = [], set()
    for i in m.missed:
        r = gold.relations[i]
        confused = spurious_by_args.get(args(keys.gold_mentions[i]), [])
        found = next((j for j in confused if j not in used), None)
        if found is not None:
            used.add(found)
            out.append(item("label", g_ents, r, r, pred.relations[found]))
        else:
            out.append(item("missed", g_ents, r, r, None))
    out += [item("spurious", p_ents, pred.relations[j], None, pred.relations[j]) for j in m.spurious if j not in used]
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
        rows = [
            [i.kind, i.doc_id, f"{i.start}-{i.end}", i.context, describe(i.gold), describe(i.predicted), i.rule]
            for i in group
        ]
        out.append(
            tabulate(
                rows,
                headers=["kind", "doc", "offsets", "context", "gold", "predicted", "rule"],
                tablefmt="github" if fmt == "markdown" else "simple",
                disable_numparse=True,
            )
        )
        out.append("")
    return "\n".join(out)
