"""doccano's JSONL export (1.8.4, sequence labeling with relations): records to annotations and back.

The mapping is the one the doccano loop uses (``bench.annotate.doccano_client`` imports it from
here), so a file exported by ``bench convert --to doccano`` imports into the same project that
``bench doccano push`` fills, and doccano's own export converts like ``bench doccano pull``:

* span labels are the schema's entity labels, figures carry their category (``FIGURE:killed``);
  value and qualifier are read from the span by ``bench.core.numbers`` on the way back;
* the example's metadata (flattened into the record by doccano's export) holds ``doc_id``, ``date``,
  ``text_sha256``, the ``ref`` of each span and the gold ids, so ids and refs survive;
* offsets are UTF-16 code units as doccano's front end counts them (``Offsets`` converts).

Older exports with ``label`` (or ``labels``): ``[[start, end, "LABEL"], ...]`` instead of ``entities``
are read too.
Confidence scores have no place in a doccano record and are dropped.
"""

from __future__ import annotations

import bisect
import contextlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.core.annotation import Annotation, Entity, Relation
from bench.core.coreference import SAME_AS, group_refs, same_as_links
from bench.core.numbers import normalise_figure
from bench.core.schema import CATEGORIES, ENTITY_LABELS, FIGURE, RELATION_TYPES
from bench.formats.corpus import Document
from bench.formats.jsonfile import JSONProblem, file_records, parse_json
from bench.formats.registry import ConversionError, Converted, Format, Output, document_for


class DoccanoError(Exception):
    """A problem talking to doccano or with what it holds; the message says what to do."""


def span_labels() -> list[str]:
    return [label for label in ENTITY_LABELS if label != FIGURE] + [f"{FIGURE}:{c}" for c in CATEGORIES]


def relation_labels() -> list[str]:
    return [*RELATION_TYPES, SAME_AS]


def span_label_of(entity: Entity) -> str:
    if entity.label == FIGURE:
        # A predicted figure without a category is offered as "other" for the annotator to correct.
        return f"{FIGURE}:{entity.category or 'other'}"
    return entity.label


def parse_span_label(text: str) -> tuple[str, str | None]:
    """``FIGURE:killed`` -> ("FIGURE", "killed"); ``ORG`` -> ("ORG", None); unknown -> DoccanoError."""
    if text in ENTITY_LABELS and text != FIGURE:
        return text, None
    label, _, category = text.partition(":")
    if label == FIGURE and category in CATEGORIES:
        return FIGURE, category
    raise DoccanoError(f"doccano label {text!r} is not in the schema (known: {', '.join(span_labels())})")


def leading_space(text: str) -> int:
    """Code points doccano strips from the start of ``text`` (it stores ``text.strip()``)."""
    return len(text) - len(text.lstrip())


class Offsets:
    """Code point offsets into ``text`` <-> UTF-16 code unit offsets into ``text[lead:]``.

    ``lead`` is the white space doccano strips from the start of an example (``for_example``).
    """

    def __init__(self, text: str, lead: int = 0):
        self.text = text
        # utf16[i] = UTF-16 offset of code point i (one entry past the end)
        self.utf16 = [0] * (len(text) + 1)
        for i, ch in enumerate(text):
            self.utf16[i + 1] = self.utf16[i] + (2 if ord(ch) > 0xFFFF else 1)
        self.lead = lead
        self.base = self.utf16[lead]

    @classmethod
    def for_example(cls, text: str) -> Offsets:
        return cls(text, leading_space(text))

    def to_utf16(self, cp: int) -> int:
        return self.utf16[cp] - self.base

    def from_utf16(self, unit: int) -> int:
        i = bisect.bisect_left(self.utf16, unit + self.base)
        if unit < 0 or i >= len(self.utf16) or self.utf16[i] != unit + self.base:
            raise DoccanoError(f"UTF-16 offset {unit} falls inside a character (a surrogate pair) or past the text")
        return i


def example_meta(doc: Document, ann: Annotation | None, keep_ids: bool = True) -> dict[str, Any]:
    meta: dict[str, Any] = {"doc_id": doc.doc_id, "date": doc.date, "text_sha256": doc.sha256}
    if ann is not None:
        meta["refs"] = {f"{e.start}:{e.end}": e.ref for e in ann.entities if e.ref}
    if ann is not None and keep_ids:
        meta["ids"] = {f"{e.start}:{e.end}:{span_label_of(e)}": e.id for e in ann.entities}
        meta["relation_ids"] = {f"{r.head}>{r.tail}:{r.type}": r.id for r in ann.relations}
    return meta


def annotation_from_record(record: Mapping[str, Any], article: Document) -> Annotation:
    """Gold annotation from one doccano export record, with code-point offsets and figure attributes."""
    where = f"doccano example {record.get('id')} ({article.doc_id})"
    if record.get("text") != article.text.strip():
        raise DoccanoError(f"{where}: its text differs from the article body; the article or the example was edited")
    offsets = Offsets.for_example(article.text)
    refs = record.get("refs") or {}
    ids = record.get("ids") or {}
    relation_ids = record.get("relation_ids") or {}
    spans = []
    for span in record.get("entities", []):
        try:
            label, category = parse_span_label(span["label"])
            start, end = offsets.from_utf16(span["start_offset"]), offsets.from_utf16(span["end_offset"])
        except DoccanoError as err:
            raise DoccanoError(f"{where}: span {span.get('id')}: {err}") from None
        spans.append((start, end, label, category, span))
    spans.sort(key=lambda s: (s[0], s[1], s[2]))
    at = {span["id"]: (start, end) for start, end, _, _, span in spans}
    links, schema_relations = [], []
    for rel in sorted(record.get("relations", []), key=lambda r: r["id"]):
        if rel["type"] not in relation_labels():
            raise DoccanoError(
                f"{where}: relation type {rel['type']!r} is not in the schema (known: {', '.join(relation_labels())})"
            )
        if rel["from_id"] not in at or rel["to_id"] not in at:
            raise DoccanoError(f"{where}: relation {rel.get('id')!r} joins a span that is not in the export")
        if rel["type"] == SAME_AS:
            links.append((at[rel["from_id"]], at[rel["to_id"]]))
        else:
            schema_relations.append(rel)
    carried = {}
    for key, ref in refs.items():
        start_text, _, end_text = key.partition(":")
        with contextlib.suppress(ValueError):
            carried[(int(start_text), int(end_text))] = ref
    texts = {(start, end): article.text[start:end] for start, end, *_ in spans}
    ref_of = group_refs(texts, links, carried)
    taken = set(ids.values())
    counter = 0

    def fresh(prefix: str) -> str:
        nonlocal counter
        while True:
            counter += 1
            if f"{prefix}{counter}" not in taken:
                taken.add(f"{prefix}{counter}")
                return f"{prefix}{counter}"

    entities, by_doccano_id = [], {}
    for start, end, label, category, span in spans:
        text = article.text[start:end]
        eid = ids.get(f"{start}:{end}:{span['label']}") or fresh("T")
        attrs: dict[str, Any] = {}
        if label == FIGURE:
            parsed = normalise_figure(text)
            if parsed is None:
                raise DoccanoError(f"{where}: figure span {text!r} holds no number that bench.core.numbers can read")
            attrs = {"value": parsed[0], "qualifier": parsed[1], "category": category}
        entities.append(Entity(eid, label, start, end, text, ref=ref_of.get((start, end)), **attrs))
        by_doccano_id[span["id"]] = eid
    relations, counter = [], 0
    taken = set(relation_ids.values())
    for rel in schema_relations:
        head, tail = by_doccano_id[rel["from_id"]], by_doccano_id[rel["to_id"]]
        rid = relation_ids.get(f"{head}>{tail}:{rel['type']}") or fresh("R")
        relations.append(Relation(rid, head, tail, rel["type"]))
    return Annotation(article.doc_id, tuple(entities), tuple(relations), article.date, article.sha256)


def _record_of(i: int, ann: Annotation, doc: Document) -> dict[str, Any]:
    """The record doccano's export would hold for ``ann``: stripped text, UTF-16 offsets, refs as SAME_AS links."""
    offsets = Offsets.for_example(doc.text)
    number = {e.id: n for n, e in enumerate(ann.entities, start=1)}
    at = {(e.start, e.end): number[e.id] for e in ann.entities}
    links = same_as_links([((e.start, e.end), e.ref) for e in ann.entities])
    relations = [(number[r.head], number[r.tail], r.type) for r in ann.relations]
    relations += [(at[a], at[b], SAME_AS) for a, b in links]
    return {
        "id": i,
        "text": doc.text.strip(),
        **example_meta(doc, ann),
        "entities": [
            {
                "id": number[e.id],
                "label": span_label_of(e),
                "start_offset": offsets.to_utf16(e.start),
                "end_offset": offsets.to_utf16(e.end),
            }
            for e in ann.entities
        ],
        "relations": [
            {"id": n, "from_id": head, "to_id": tail, "type": rtype}
            for n, (head, tail, rtype) in enumerate(relations, start=1)
        ],
        "Comments": [],
    }


def write(annotations: Sequence[Annotation], docs: Mapping[str, Document], out: Path, splits: Any) -> Output:
    lines = [json.dumps(_record_of(i, a, docs[a.doc_id]), ensure_ascii=False) for i, a in enumerate(annotations, 1)]
    warnings = [
        f"{a.doc_id}: confidence scores dropped (a doccano record has no place for them)"
        for a in annotations
        if any(e.score is not None for e in a.entities) or any(r.score is not None for r in a.relations)
    ]
    return Output({"": "".join(line + "\n" for line in lines).encode("utf-8")}, warnings)


def _entities_of(record: Mapping[str, Any], where: str) -> list[dict]:
    if "entities" in record:
        spans = record["entities"]
        if not isinstance(spans, list) or not all(
            isinstance(s, dict) and {"id", "label", "start_offset", "end_offset"} <= s.keys() for s in spans
        ):
            raise ConversionError([f"{where}: 'entities' must be a list of {{id, label, start_offset, end_offset}}"])
        return spans
    key = "label" if "label" in record else "labels"  # older exports and imports spell it either way
    triples = record.get(key, [])
    if not isinstance(triples, list) or not all(isinstance(t, list) and len(t) == 3 for t in triples):
        raise ConversionError([f"{where}: {key!r} must be a list of [start, end, label]"])
    return [{"id": n, "start_offset": s, "end_offset": e, "label": lab} for n, (s, e, lab) in enumerate(triples, 1)]


def read(path: Path, docs: Mapping[str, Document]) -> Converted:
    out: dict[str, Annotation] = {}
    problems: list[str] = []
    try:
        lines = list(file_records(path))
    except (OSError, UnicodeDecodeError) as err:
        raise ConversionError([f"{path}: cannot read: {err}"]) from None
    for lineno, line in lines:
        where = f"{path}:{lineno}"
        try:
            record = parse_json(line)
        except JSONProblem as err:
            problems.append(f"{where}: {err}")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            problems.append(f"{where}: expected a doccano record with 'text'")
            continue
        try:
            # doccano stores the text stripped: an export without doc_id is matched on the stripped body.
            stripped = {d.text.strip(): d for d in docs.values()}
            text = stripped[record["text"]].text if record["text"] in stripped else None
            doc = document_for(record.get("doc_id"), text, docs, where)
            spans = _entities_of(record, where)
            relations = record.get("relations", [])
            if not isinstance(relations, list) or not all(
                isinstance(r, dict) and {"id", "from_id", "to_id", "type"} <= r.keys() for r in relations
            ):
                raise ConversionError([f"{where}: 'relations' must be a list of {{id, from_id, to_id, type}}"])
            ann = annotation_from_record({**record, "entities": spans, "relations": relations}, doc)
        except ConversionError as err:
            problems += err.problems
            continue
        except (DoccanoError, TypeError, ValueError) as err:
            problems.append(f"{where}: {err}")
            continue
        if doc.doc_id in out:
            problems.append(f"{where}: duplicate document {doc.doc_id}")
        out[doc.doc_id] = ann
    if problems:
        raise ConversionError(problems)
    return Converted(out, [])


FORMAT = Format(
    name="doccano",
    summary="doccano 1.8.4 JSONL export (sequence labeling with relations)",
    keeps="entities, figure category (in the label), ids and refs (in the example metadata), relations",
    loses="confidence scores; figure value/qualifier are recomputed from the span",
    read=read,
    write=write,
)
