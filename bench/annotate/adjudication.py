"""Merging two annotators' gold: what both agree on is accepted, every disagreement is listed.

Two mentions agree when offsets, label and (for figures) category agree; value and qualifier
follow from the span text. A ref agrees when both give the same one (an absent ref means the
mention text). A relation agrees when both annotators join the same two agreed mentions with the
same type. The merged document holds the agreed items only, with annotator A's ids; each
disagreement names the item and who proposed it, so an adjudicator adds what should stay.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bench.core.annotation import Annotation, Entity, Relation
from bench.formats.corpus import Document

SpanKey = tuple[int, int, str, str | None]  # start, end, label, category


def _key(e: Entity) -> SpanKey:
    return (e.start, e.end, e.label, e.category)


def _show(e: Entity) -> str:
    extra = f" {e.category}={e.value}" if e.is_figure else ""
    return f"{e.label} {e.text!r} [{e.start},{e.end}){extra}"


@dataclass
class Merge:
    """Merged annotations per document, and the items a human must decide."""

    merged: dict[str, Annotation] = field(default_factory=dict)
    disagreements: list[dict] = field(default_factory=list)
    only_one: dict[str, str] = field(default_factory=dict)  # doc_id -> which annotator alone has it


def merge_document(a: Annotation, b: Annotation, name_a: str, name_b: str) -> tuple[Annotation, list[dict]]:
    spans_a = {_key(e): e for e in a.entities}
    spans_b = {_key(e): e for e in b.entities}
    agreed = [spans_a[k] for k in sorted(spans_a.keys() & spans_b.keys())]
    out: list[dict] = []

    def note(kind: str, item: str, who: str) -> None:
        out.append({"doc_id": a.doc_id, "kind": kind, "item": item, "proposed_by": who})

    for k in sorted(spans_a.keys() - spans_b.keys()):
        note("span", _show(spans_a[k]), name_a)
    for k in sorted(spans_b.keys() - spans_a.keys()):
        note("span", _show(spans_b[k]), name_b)
    entities = []
    for e in agreed:
        other = spans_b[_key(e)]
        ref_a, ref_b = e.ref or e.text, other.ref or other.text
        if ref_a != ref_b:
            note("ref", f"{_show(e)} ref {ref_a!r}", name_a)
            note("ref", f"{_show(e)} ref {ref_b!r}", name_b)
            e = Entity(e.id, e.label, e.start, e.end, e.text, None, e.value, e.qualifier, e.category)
        entities.append(e)
    id_a = {x.id: _key(x) for x in a.entities}
    id_b = {x.id: _key(x) for x in b.entities}

    def facts(ann: Annotation, ids: Mapping[str, SpanKey]) -> dict[tuple, Relation]:
        return {(ids[r.head], ids[r.tail], r.type): r for r in ann.relations}

    rel_a, rel_b = facts(a, id_a), facts(b, id_b)
    keep = {_key(e) for e in entities}
    a_id_of = {_key(e): e.id for e in entities}
    relations = []
    for fact in sorted(rel_a.keys() & rel_b.keys(), key=lambda f: rel_a[f].id):
        if fact[0] in keep and fact[1] in keep:
            r = rel_a[fact]
            relations.append(Relation(r.id, a_id_of[fact[0]], a_id_of[fact[1]], r.type))
    by_key_a = {_key(e): e for e in a.entities}
    by_key_b = {_key(e): e for e in b.entities}
    for fact in sorted(rel_a.keys() - rel_b.keys()):
        note("relation", f"{_show(by_key_a[fact[0]])} {fact[2]} {_show(by_key_a[fact[1]])}", name_a)
    for fact in sorted(rel_b.keys() - rel_a.keys()):
        note("relation", f"{_show(by_key_b[fact[0]])} {fact[2]} {_show(by_key_b[fact[1]])}", name_b)
    merged = Annotation(a.doc_id, tuple(entities), tuple(relations), a.date, a.text_sha256)
    return merged, out


def merge(
    a: Mapping[str, Annotation], b: Mapping[str, Annotation], docs: Sequence[Document], name_a: str, name_b: str
) -> Merge:
    result = Merge()
    known = {d.doc_id for d in docs}
    for doc_id in sorted((set(a) | set(b)) & known):
        if doc_id not in a or doc_id not in b:
            result.only_one[doc_id] = name_a if doc_id in a else name_b
            continue
        merged, found = merge_document(a[doc_id], b[doc_id], name_a, name_b)
        result.merged[doc_id] = merged
        result.disagreements += found
    return result


def render_merge(result: Merge) -> str:
    lines = [
        f"{d['doc_id']}: {d['kind']} proposed by {d['proposed_by']} only: {d['item']}" for d in result.disagreements
    ]
    lines += [f"{doc_id}: annotated by {who} only; not merged" for doc_id, who in sorted(result.only_one.items())]
    return "".join(line + "\n" for line in lines)


def review_document(a: Annotation, b: Annotation, name_a: str, name_b: str) -> tuple[Annotation, list[dict]]:
    """What an adjudicator starts from: the agreed items plus every candidate that fits beside them.

    A candidate (a span or relation only one annotator gave) is pre-filled when it overlaps no
    agreed span and no earlier candidate (doccano projects here refuse overlapping spans), so the
    adjudicator deletes what is wrong; the rest are only listed, for the adjudicator to add. Each
    note says who proposed the item and whether it is pre-filled.
    """
    merged, merge_notes = merge_document(a, b, name_a, name_b)
    entities = list(merged.entities)
    agreed_keys = {_key(e) for e in entities}
    taken_ids = {e.id for e in entities}
    notes: list[dict] = []
    placed: dict[tuple[str, SpanKey], str] = {}  # (annotator, span key) -> id in the review

    def free(e: Entity) -> bool:
        return all(e.end <= x.start or x.end <= e.start for x in entities)

    for who, ann, other in ((name_a, a, b), (name_b, b, a)):
        other_keys = {_key(x) for x in other.entities}
        for e in sorted(ann.entities, key=lambda x: (x.start, x.end)):
            if _key(e) in agreed_keys:
                placed[(who, _key(e))] = next(x.id for x in entities if _key(x) == _key(e))
                continue
            if _key(e) in other_keys:
                continue
            fits = free(e)
            if fits:
                eid = e.id if e.id not in taken_ids else f"{e.id}_{who}"
                while eid in taken_ids:
                    eid += "_"
                taken_ids.add(eid)
                entities.append(Entity(eid, e.label, e.start, e.end, e.text, e.ref, e.value, e.qualifier, e.category))
                placed[(who, _key(e))] = eid
            notes.append({"doc_id": a.doc_id, "kind": "span", "item": _show(e), "proposed_by": who, "prefilled": fits})
    relations = list(merged.relations)
    ids_a = {x.id: _key(x) for x in a.entities}
    ids_b = {x.id: _key(x) for x in b.entities}
    facts_a = {(ids_a[r.head], ids_a[r.tail], r.type) for r in a.relations}
    facts_b = {(ids_b[r.head], ids_b[r.tail], r.type) for r in b.relations}
    agreed_facts = facts_a & facts_b
    rel_ids = {r.id for r in relations}
    counter = 0
    for who, facts, shown in ((name_a, facts_a, a), (name_b, facts_b, b)):
        by_key = {_key(x): x for x in shown.entities}
        for head, tail, rtype in sorted(facts - agreed_facts):
            h, t = placed.get((who, head)), placed.get((who, tail))
            fits = h is not None and t is not None
            if (
                h is not None
                and t is not None
                and not any((r.head, r.tail, r.type) == (h, t, rtype) for r in relations)
            ):
                counter += 1
                while f"R_{who}_{counter}" in rel_ids:
                    counter += 1
                rel_ids.add(f"R_{who}_{counter}")
                relations.append(Relation(f"R_{who}_{counter}", h, t, rtype))
            notes.append(
                {
                    "doc_id": a.doc_id,
                    "kind": "relation",
                    "item": f"{_show(by_key[head])} {rtype} {_show(by_key[tail])}",
                    "proposed_by": who,
                    "prefilled": fits,
                }
            )
    notes += [dict(n, prefilled=False) for n in merge_notes if n["kind"] == "ref"]
    review = Annotation(a.doc_id, tuple(entities), tuple(relations), a.date, a.text_sha256)
    return review, notes
