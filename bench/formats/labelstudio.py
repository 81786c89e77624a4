"""Label Studio JSON export: a list of tasks, ``data.text`` the article, regions in ``result`` lists.

A task's ``annotations[0].result`` (or, with no annotation, ``predictions[0].result``) holds:

* ``{"id": "T1", "type": "labels", "from_name": "label", "to_name": "text",
  "value": {"start", "end", "text", "labels": [LABEL]}}`` per entity (offsets in code points, as
  Label Studio stores them since 1.x; ``value.text`` is checked against the article);
* per-region results with the same ``id`` for what a label cannot say: ``choices`` from
  ``category`` and ``qualifier``, ``textarea`` from ``value`` and ``ref`` (the labeling config
  needs ``<Choices perRegion="true">``/``<TextArea perRegion="true">`` tags with those names);
* ``{"type": "relation", "from_id", "to_id", "direction": "right", "labels": [TYPE]}`` per relation;
* ``score`` on a region or relation, as Label Studio's predictions carry it.

``data`` also carries ``doc_id``, ``date`` and ``text_sha256``; a task without ``doc_id`` is matched
to its article by its text. Relation ids are not kept (Label Studio relations have none): they
come back numbered R1, R2, ... in the order written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.core.annotation import Annotation, Entity, Relation, normalise_number
from bench.core.numbers import normalise_figure
from bench.core.schema import FIGURE
from bench.formats.corpus import Document
from bench.formats.jsonfile import JSONProblem, parse_json
from bench.formats.registry import ConversionError, Converted, Format, Output, document_for

CHOICES = ("category", "qualifier")
TEXTAREAS = ("value", "ref")


def _region(e: Entity) -> list[dict[str, Any]]:
    where = {"start": e.start, "end": e.end, "text": e.text}
    base = {"id": e.id, "from_name": "label", "to_name": "text", "type": "labels"}
    out: list[dict[str, Any]] = [{**base, "value": {**where, "labels": [e.label]}}]
    if e.score is not None:
        out[0]["score"] = e.score
    for key in CHOICES:
        if getattr(e, key) is not None:
            out.append({**base, "from_name": key, "type": "choices", "value": {**where, "choices": [getattr(e, key)]}})
    for key in TEXTAREAS:
        if getattr(e, key) is not None:
            value = str(getattr(e, key))
            out.append({**base, "from_name": key, "type": "textarea", "value": {**where, "text": [value]}})
    return out


def to_task(i: int, ann: Annotation, doc: Document) -> dict[str, Any]:
    result = [r for e in ann.entities for r in _region(e)]
    for r in ann.relations:
        rel: dict[str, Any] = {
            "from_id": r.head,
            "to_id": r.tail,
            "type": "relation",
            "direction": "right",
            "labels": [r.type],
        }
        if r.score is not None:
            rel["score"] = r.score
        result.append(rel)
    data = {"text": doc.text, "doc_id": doc.doc_id, "date": doc.date, "text_sha256": doc.sha256}
    return {"id": i, "data": data, "annotations": [{"id": i, "result": result}], "predictions": []}


def write(annotations: Sequence[Annotation], docs: Mapping[str, Document], out: Path, splits: object) -> Output:
    tasks = [to_task(i, a, docs[a.doc_id]) for i, a in enumerate(annotations, start=1)]
    return Output({"": (json.dumps(tasks, ensure_ascii=False, indent=1) + "\n").encode("utf-8")})


def _results(task: dict, where: str) -> tuple[list, list[str]]:
    warnings = []
    for key in ("annotations", "predictions"):
        items = [a for a in task.get(key) or [] if isinstance(a, dict) and not a.get("was_cancelled")]
        if items:
            if len(items) > 1:
                warnings.append(f"{where}: {len(items)} {key}; the first is read")
            result = items[0].get("result")
            if not isinstance(result, list):
                raise ConversionError([f"{where}: {key}[0].result must be a list"])
            return result, warnings
    return [], warnings


def _value_of(text: str, where: str) -> float | int:
    try:
        return normalise_number(float(text))
    except ValueError:
        raise ConversionError([f"{where}: value {text!r} is not a number"]) from None


def from_task(task: dict, doc: Document, where: str) -> tuple[Annotation, list[str]]:
    result, warnings = _results(task, where)
    regions: dict[str, dict[str, Any]] = {}
    extras: list[tuple[str, str, Any, str]] = []
    relations: list[Relation] = []
    for n, item in enumerate(result, start=1):
        at = f"{where}: result {n}"
        if not isinstance(item, dict):
            raise ConversionError([f"{at}: not a JSON object"])
        kind = item.get("type")
        value: dict[str, Any] = item["value"] if isinstance(item.get("value"), dict) else {}
        if kind == "labels":
            start, end, labels = value.get("start"), value.get("end"), value.get("labels")
            if not (isinstance(start, int) and isinstance(end, int) and isinstance(labels, list) and len(labels) == 1):
                raise ConversionError([f"{at}: a labels region needs integer start/end and exactly one label"])
            if "text" in value and value["text"] != doc.text[start:end]:
                raise ConversionError(
                    [f"{at}: text {value['text']!r} is not the article's [{start}, {end}) = {doc.text[start:end]!r}"]
                )
            rid = str(item.get("id", f"T{n}"))
            regions[rid] = {"id": rid, "label": labels[0], "start": start, "end": end, "text": doc.text[start:end]}
            if item.get("score") is not None:
                regions[rid]["score"] = item["score"]
        elif kind in ("choices", "textarea"):
            key = item.get("from_name")
            values = value.get("choices" if kind == "choices" else "text")
            if key in (CHOICES if kind == "choices" else TEXTAREAS) and isinstance(values, list) and len(values) == 1:
                extras.append((str(item.get("id")), key, values[0], at))
            else:
                warnings.append(f"{at}: {kind} from {key!r} is not one of bench's per-region fields; not read")
        elif kind == "relation":
            labels = item.get("labels") or []
            if len(labels) != 1:
                raise ConversionError([f"{at}: a relation needs exactly one label, got {labels!r}"])
            head, tail = str(item.get("from_id")), str(item.get("to_id"))
            if item.get("direction") == "left":
                head, tail = tail, head
            relations.append(Relation(f"R{len(relations) + 1}", head, tail, labels[0], item.get("score")))
        else:
            warnings.append(f"{at}: result type {kind!r} is not read")
    for rid, key, given, at in extras:
        if rid not in regions:
            raise ConversionError([f"{at}: {key} refers to region {rid!r}, which has no label"])
        regions[rid][key] = _value_of(str(given), at) if key == "value" else given
    entities = []
    for raw in regions.values():
        if raw["label"] == FIGURE and "value" not in raw:
            reading = normalise_figure(raw["text"])
            if reading is not None:
                raw.update(value=reading[0], qualifier=raw.get("qualifier", reading[1]))
        entities.append(Entity(**raw))
    return Annotation(doc.doc_id, tuple(entities), tuple(relations), doc.date, doc.sha256), warnings


def read(path: Path, docs: Mapping[str, Document]) -> Converted:
    try:
        tasks = parse_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise ConversionError([f"{path}: cannot read: {err}"]) from None
    except JSONProblem as err:
        raise ConversionError([f"{path}: {err.located()}"]) from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise ConversionError([f"{path}: expected Label Studio's export, a JSON list of tasks"])
    out: dict[str, Annotation] = {}
    problems, warnings = [], []
    for i, task in enumerate(tasks, start=1):
        where = f"{path}: task {task.get('id', i) if isinstance(task, dict) else i}"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            problems.append(f"{where}: no data.text")
            continue
        try:
            doc = document_for(data.get("doc_id"), data["text"], docs, where)
            if data["text"] != doc.text:
                raise ConversionError([f"{where}: data.text differs from the article body of {doc.doc_id}"])
            ann, found = from_task(task, doc, f"{where} ({doc.doc_id})")
        except ConversionError as err:
            problems += err.problems
            continue
        except TypeError as err:
            problems.append(f"{where}: {err}")
            continue
        if doc.doc_id in out:
            problems.append(f"{where}: duplicate document {doc.doc_id}")
        out[doc.doc_id] = ann
        warnings += found
    if problems:
        raise ConversionError(problems)
    return Converted(out, warnings)


FORMAT = Format(
    name="labelstudio",
    summary="Label Studio JSON export: tasks with labels, per-region choices/textarea, relations",
    keeps="entities with ids, figure attributes and refs (per-region results), relations, scores",
    loses="relation ids (renumbered R1, R2, ...); on reading, annotations after the first of a task (warned)",
    read=read,
    write=write,
)
