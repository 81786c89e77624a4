"""Validation of gold files and prediction files against the schema and the articles.

Every check reports ``item: what is wrong``; callers prefix the file (and line, for JSONL). All
problems of a run are collected, so one run shows everything that needs fixing. Nothing is scored
from a file that has a problem.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.core.annotation import (
    DOCUMENT_KEYS,
    ENTITY_KEYS,
    RELATION_KEYS,
    TEXT_ONLY_KEYS,
    Annotation,
    annotation_from_dict,
    find_occurrences,
    locate_mention,
)
from bench.core.numbers import normalise_figure
from bench.core.schema import CATEGORIES, ENTITY_LABELS, FIGURE, QUALIFIERS, RELATION_TYPES, SECTIONS
from bench.formats.corpus import Document
from bench.formats.jsonfile import JSONProblem, file_records, parse_json

GOLD, PREDICTION = "gold", "prediction"
DEFAULT_GOLD = Path("gold")
# A context string names the place of one mention; a paragraph would be a second article.
MAX_CONTEXT = 300


class AnnotationError(Exception):
    """Gold or prediction files failed validation; ``problems`` lists every ``path: item: problem``."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (isinstance(value, (int, float)) and not isinstance(value, bool)) and math.isfinite(value)


def check_entity(raw: Any, text: str | None, kind: str) -> list[str]:
    if not isinstance(raw, dict):
        return [f"entity {raw!r}: not a JSON object"]
    name = f"entity {raw.get('id', '?')}"
    out = [f"{name}: unknown key {k!r}" for k in raw if k not in ENTITY_KEYS]
    if (kind == GOLD or "id" in raw) and (not isinstance(raw.get("id"), (str, int)) or isinstance(raw.get("id"), bool)):
        out.append(f"{name}: 'id' must be a string or integer")
    out += _check_score(name, raw, kind)
    label = raw.get("label")
    if label not in ENTITY_LABELS:
        out.append(f"{name}: unknown label {label!r} (schema labels: {', '.join(ENTITY_LABELS)})")
    if kind == PREDICTION and "start" not in raw and "end" not in raw:
        out += _check_text_only(name, raw, text)  # located once validation passes (locate_entities)
    else:
        if any(k in raw for k in TEXT_ONLY_KEYS):
            where = (
                "an entity given by its text alone, in predictions" if kind == GOLD else "an entity with no start/end"
            )
            out.append(f"{name}: 'occurrence' and 'context' only go with {where}")
        out += _check_span(name, raw, text, kind)
    if "ref" in raw and (not isinstance(raw["ref"], str) or not raw["ref"].strip()):
        out.append(f"{name}: 'ref' must be a non-empty string")
    out.extend(_check_figure_attributes(name, raw, label, kind))
    return out


def _check_span(name: str, raw: dict, text: str | None, kind: str) -> list[str]:
    start, end = raw.get("start"), raw.get("end")
    out = []
    if not (isinstance(start, int) and isinstance(end, int) and _is_int(start) and _is_int(end)):
        out.append(f"{name}: 'start' and 'end' must be integers, got {start!r} and {end!r}")
    elif not 0 <= start < end:
        out.append(f"{name}: span [{start}, {end}) is empty or negative")
    elif text is not None and end > len(text):
        out.append(f"{name}: span [{start}, {end}) is outside the body (length {len(text)})")
    elif text is not None:
        surface = text[start:end]
        if "text" in raw and raw["text"] != surface:
            out.append(f"{name}: text {raw['text']!r} does not equal body[{start}:{end}] = {surface!r}")
        if kind == GOLD and "text" not in raw:
            out.append(f"{name}: missing 'text' (gold spans carry their surface text)")
        if kind == GOLD and surface != surface.strip():
            out.append(f"{name}: span {surface!r} starts or ends with whitespace")
    return out


def _check_text_only(name: str, raw: dict, text: str | None) -> list[str]:
    """A predicted entity given by its text (an LLM's answer): what is needed to find it in the article."""
    surface = raw.get("text")
    if not (isinstance(surface, str) and surface.strip()):
        return [f"{name}: give 'start' and 'end', or the mention's 'text' to find in the article"]
    out = []
    if "occurrence" in raw and "context" in raw:
        out.append(f"{name}: give 'occurrence' or 'context', not both")
    if "occurrence" in raw and not (_is_int(raw["occurrence"]) and raw["occurrence"] >= 0):
        out.append(f"{name}: occurrence {raw['occurrence']!r} must be a whole number from 0 (the first occurrence)")
    if "context" in raw:
        context = raw["context"]
        if not (isinstance(context, str) and context.strip() and len(context) <= MAX_CONTEXT):
            out.append(f"{name}: 'context' must be a non-empty string of at most {MAX_CONTEXT} characters")
        elif not find_occurrences(context, surface):
            out.append(f"{name}: context {context!r} does not contain the text {surface!r}")
    if text is None:
        out.append(f"{name}: has no start/end, and finding its text needs the article")
    return out


def _check_figure_attributes(name: str, raw: dict, label: Any, kind: str) -> list[str]:
    attrs = ("value", "qualifier", "category")
    if label != FIGURE:
        return [f"{name}: '{a}' is only allowed on {FIGURE} entities" for a in attrs if a in raw]
    out = []
    if kind == GOLD:
        out += [f"{name}: {FIGURE} is missing '{a}'" for a in attrs if a not in raw]
    if "value" in raw and not (_is_number(raw["value"]) and raw["value"] >= 0):
        out.append(f"{name}: value {raw['value']!r} is not a non-negative number")
    if "qualifier" in raw and raw["qualifier"] not in QUALIFIERS:
        out.append(f"{name}: qualifier {raw['qualifier']!r} is not one of {', '.join(QUALIFIERS)}")
    if "category" in raw and raw["category"] not in CATEGORIES:
        out.append(f"{name}: category {raw['category']!r} is not one of {', '.join(CATEGORIES)}")
    if kind == GOLD and isinstance(raw.get("text"), str) and "value" in raw and "qualifier" in raw:
        # Gold value and qualifier are what bench/core/numbers.py reads from the span, so they cannot drift.
        reading = normalise_figure(raw["text"])
        if reading is None:
            out.append(f"{name}: figure text {raw['text']!r} is not a number bench/core/numbers.py can read")
        elif reading != (raw["value"], raw["qualifier"]):
            out.append(
                f"{name}: value/qualifier {raw['value']!r}/{raw['qualifier']} disagree with the span text "
                f"{raw['text']!r}, which reads {reading[0]!r}/{reading[1]}"
            )
    return out


def _overlapping_spans(entities: list) -> list[str]:
    """Gold spans never overlap (guidelines §1.3); predictions may, and are aligned one-to-one."""
    spans = sorted(
        (e["start"], e["end"], str(e.get("id")))
        for e in entities
        if isinstance(e, dict) and _is_int(e.get("start")) and _is_int(e.get("end"))
    )
    out, reach, owner = [], -1, ""
    for start, end, key in spans:
        if start < reach:
            out.append(f"entity {key}: span [{start}, {end}) overlaps entity {owner} (gold spans never overlap)")
        if end > reach:
            reach, owner = end, key
    return out


def _relation_type(name: Any):
    return RELATION_TYPES.get(name) if isinstance(name, str) else None


def _check_score(name: str, raw: dict, kind: str) -> list[str]:
    """The prediction-only item keys: a confidence from 0 to 1, the name of the rule that made it."""
    out = []
    if "score" in raw:
        score = raw["score"]
        if kind == GOLD:
            out.append(f"{name}: 'score' is a prediction's confidence; gold has none")
        elif not (_is_number(score) and 0 <= score <= 1):
            out.append(f"{name}: score {score!r} must be a number from 0 to 1")
    if "rule" in raw:
        rule = raw["rule"]
        if kind == GOLD:
            out.append(f"{name}: 'rule' names the rule that made a prediction; gold has none")
        elif not (isinstance(rule, str) and rule.strip() and len(rule) <= 200 and rule.isprintable()):
            out.append(f"{name}: rule {rule!r} must be a short non-empty printable string")
    return out


def check_relation(raw: Any, labels_by_id: dict[str, str], kind: str = GOLD) -> list[str]:
    if not isinstance(raw, dict):
        return [f"relation {raw!r}: not a JSON object"]
    name = f"relation {raw.get('id', '?')}"
    out = [f"{name}: unknown key {k!r}" for k in raw if k not in RELATION_KEYS]
    required = ("head", "tail", "type") if kind == PREDICTION else ("id", "head", "tail", "type")
    out += [f"{name}: missing {k!r}" for k in required if k not in raw]
    out += _check_score(name, raw, kind)
    rtype = _relation_type(raw.get("type"))
    if "type" in raw and rtype is None:
        out.append(f"{name}: unknown relation type {raw['type']!r} (schema: {', '.join(RELATION_TYPES)})")
    head, tail = str(raw.get("head")), str(raw.get("tail"))
    for role, ref in (("head", head), ("tail", tail)):
        if role in raw and ref not in labels_by_id:
            out.append(f"{name}: {role} {ref!r} refers to no entity of this document")
    if "head" in raw and head == tail:
        out.append(f"{name}: head and tail are the same entity {head!r}")
    known = rtype and head in labels_by_id and tail in labels_by_id
    if known and not rtype.allows(labels_by_id[head], labels_by_id[tail]):
        out.append(
            f"{name}: {rtype.name} does not allow {labels_by_id[head]} -> {labels_by_id[tail]} "
            f"(allowed: {'/'.join(sorted(rtype.head))} -> {'/'.join(sorted(rtype.tail))})"
        )
    return out


def check_document(raw: Any, article: Document | None, kind: str) -> list[str]:
    """Problems of one document's annotation against its article (``None`` when there is none)."""
    if not isinstance(raw, dict):
        return [f"document: expected a JSON object, got {type(raw).__name__}"]
    out = [f"document: unknown key {k!r}" for k in raw if k not in DOCUMENT_KEYS]
    required = ("doc_id", "date", "text_sha256", "entities", "relations") if kind == GOLD else ("doc_id",)
    out += [f"document: missing {k!r}" for k in required if k not in raw]
    if "doc_id" in raw and not isinstance(raw["doc_id"], str):
        out.append("document: 'doc_id' must be a string")
    sections = raw.get("sections", [])
    if not (isinstance(sections, list) and all(isinstance(s, str) and s in SECTIONS for s in sections)):
        out.append(f"document: 'sections' must be a list drawn from {', '.join(SECTIONS)}")
    if "meta" in raw and (kind == GOLD or not isinstance(raw["meta"], dict)):
        out.append("document: 'meta' is allowed in predictions only, as a JSON object")
    if article is not None:
        if "date" in raw and raw["date"] != article.date:
            out.append(f"document: date {raw['date']!r} differs from the article header {article.date!r}")
        if "text_sha256" in raw and raw["text_sha256"] != article.sha256:
            out.append("document: text_sha256 does not match the article body (the article changed, or the wrong file)")
    entities = raw.get("entities", [])
    relations = raw.get("relations", [])
    if not isinstance(entities, list) or not isinstance(relations, list):
        return out + ["document: 'entities' and 'relations' must be lists"]
    text = article.text if article is not None else None
    labels_by_id: dict[str, str] = {}
    spans: set[tuple] = set()
    for ent in entities:
        out += check_entity(ent, text, kind)
        if not isinstance(ent, dict):
            continue
        key = str(ent.get("id"))
        label = ent.get("label") if isinstance(ent.get("label"), str) else None
        if "id" in ent:  # an id-less prediction cannot be referred to, so it cannot clash
            if key in labels_by_id:
                out.append(f"entity {key}: duplicate id")
            labels_by_id[key] = label or ""
        span = (ent.get("start"), ent.get("end"), label)
        if _is_int(span[0]) and _is_int(span[1]) and label is not None:
            if span in spans:
                out.append(f"entity {key}: duplicate span {label} [{span[0]}, {span[1]})")
            spans.add(span)
    if kind == GOLD:
        out += _overlapping_spans(entities)
    seen_ids: set[str] = set()
    seen_facts: set[tuple] = set()
    for rel in relations:
        out += check_relation(rel, labels_by_id, kind)
        if not isinstance(rel, dict):
            continue
        key = str(rel.get("id"))
        if "id" in rel:
            if key in seen_ids:
                out.append(f"relation {key}: duplicate id")
            seen_ids.add(key)
        rtype = _relation_type(rel.get("type"))
        ends = (str(rel.get("head")), str(rel.get("tail")))
        fact = rtype.key(*ends) if rtype else (str(rel.get("type")), *ends)
        if fact in seen_facts:
            out.append(f"relation {key}: duplicate of another {rel.get('type')} between the same entities")
        seen_facts.add(fact)
    return out


def locate_entities(raw: dict[str, Any], body: str) -> tuple[dict[str, Any], list[str]]:
    """A validated prediction with every entity given by text alone replaced by the spans it stands for.

    An entity located at several places becomes one entity per place; the first keeps the id, so
    a relation that names it attaches to its first occurrence (the others are ``ID~2``, ``ID~3``…).
    A located place that another entity of the same label already holds is not added twice, and
    relations to it go to that entity. An entity the article does not contain stays without a span
    (:attr:`Annotation.unlocated`); relations to it are dropped. Returns the new dict and one line
    per entity not found and per relation dropped.
    """
    # Id-less entities get the id annotation_from_dict would give them, since their positions change here.
    entities = [
        e if "id" in e or "start" not in e else {**e, "id": f"_E{i}"}
        for i, e in enumerate(raw.get("entities", []), start=1)
    ]
    held = {(e["start"], e["end"], e["label"]): str(e["id"]) for e in entities if "start" in e}
    taken = {str(e["id"]) for e in entities if "id" in e}
    alias: dict[str, str] = {}
    unlocated: set[str] = set()
    notes: list[str] = []
    out: list[dict[str, Any]] = []
    for position, ent in enumerate(entities, start=1):
        if "start" in ent:
            out.append(ent)
            continue
        eid = str(ent["id"]) if "id" in ent else f"_T{position}"
        while "id" not in ent and eid in taken:
            eid += "_"
        taken.add(eid)
        base = {k: v for k, v in ent.items() if k not in TEXT_ONLY_KEYS}
        places = locate_mention(body, ent["text"], ent.get("occurrence"), ent.get("context"))
        if not places:
            which = (
                f" (occurrence {ent['occurrence']})"
                if "occurrence" in ent
                else (f" (in context {ent['context']!r})" if "context" in ent else "")
            )
            notes.append(f"entity {eid} {ent['label']} {ent['text']!r}{which}: not found in the article")
            unlocated.add(eid)
            out.append({**base, "id": eid})
            continue
        for k, (start, end) in enumerate(places):
            key = (start, end, ent["label"])
            if key in held:
                if k == 0:
                    alias[eid] = held[key]
                continue
            new_id = eid
            if k:
                n = k + 1
                while f"{eid}~{n}" in taken:
                    n += 1
                new_id = f"{eid}~{n}"
            taken.add(new_id)
            held[key] = new_id
            out.append({**base, "id": new_id, "start": start, "end": end, "text": body[start:end]})
    relations = []
    for rel in raw.get("relations", []):
        head, tail = (alias.get(str(rel[r]), str(rel[r])) for r in ("head", "tail"))
        lost = [r for r, ref in (("head", head), ("tail", tail)) if ref in unlocated]
        if lost:
            notes.append(
                f"relation {rel.get('id', '?')} {rel['type']}: its {' and '.join(lost)} was not found "
                "in the article; not scored"
            )
        elif head == tail:
            notes.append(f"relation {rel.get('id', '?')} {rel['type']}: both ends are the same mention; not scored")
        else:
            relations.append({**rel, "head": head, "tail": tail})
    return {**raw, "entities": out, "relations": relations}, notes


def load_gold(gold_dir: Path, docs: Iterable[Document], require_all: bool = True) -> dict[str, Annotation]:
    """Read and validate the gold for ``docs``; raise AnnotationError listing every problem.

    With ``require_all`` (scoring), every article must have a gold file; without it (agreement
    between annotators who did part of the articles), the files present are read.
    """
    report, gold = Report(), {}
    docs = list(docs)
    by_id = {d.doc_id: d for d in docs}
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise AnnotationError([f"{gold_dir}: not a directory of gold files"])
    files = {p.stem: p for p in sorted(gold_dir.glob("*.json"))}
    for doc_id, path in files.items():
        article = by_id.get(doc_id)
        if article is None:
            # Gold for articles outside the scored set is simply not used; `bench validate` flags orphans.
            continue
        raw, problems = _read_json(path)
        if raw is not None:
            problems = check_document(raw, article, GOLD)
            if isinstance(raw, dict) and raw.get("doc_id") != doc_id:
                problems.append(f"document: doc_id {raw.get('doc_id')!r} differs from the file name {doc_id!r}")
        report.problems += [f"{path}: {p}" for p in problems]
        if not problems:
            gold[doc_id] = annotation_from_dict(raw)
    if require_all:
        for doc_id in by_id:
            if doc_id not in files:
                report.problems.append(f"{gold_dir / (doc_id + '.json')}: document: no gold file for article {doc_id}")
    if report.problems:
        raise AnnotationError(report.problems)
    return gold


def orphan_gold(gold_dir: Path, docs: Iterable[Document]) -> list[str]:
    """Warnings for gold files with no article: they are not scored, and nobody should think they are."""
    ids = {d.doc_id for d in docs}
    return [
        f"{path}: warning: no article {path.stem}.txt, so this gold file is not scored"
        for path in sorted(Path(gold_dir).glob("*.json"))
        if path.stem not in ids
    ]


def _read_json(path: Path) -> tuple[Any, list[str]]:
    try:
        return parse_json(path.read_text(encoding="utf-8")), []
    except UnicodeDecodeError as err:
        return None, [f"document: invalid UTF-8 at byte {err.start}"]
    except IsADirectoryError:
        return None, ["document: is a directory, not a gold file"]
    except OSError as err:
        return None, [f"document: cannot read: {err.strerror or err}"]
    except JSONProblem as err:
        return None, [err.located()]


def read_predictions(
    path: Path, docs: Iterable[Document], allow_empty: bool = False, strict: bool = False
) -> tuple[dict[str, Annotation], list[str]]:
    """Read a predictions JSONL file whole; raise AnnotationError naming each bad line.

    Returns the annotations and warnings (articles with no prediction line). Nothing is returned
    from a file with any problem, so a half-read file is never scored.
    """
    by_id = {d.doc_id: d for d in docs}
    path = Path(path)
    problems: list[str] = []
    preds: dict[str, Annotation] = {}
    warnings: list[str] = []
    if path.is_dir():
        raise AnnotationError([f"{path}: is a directory, not a predictions file"])
    seen_lines = 0
    try:
        for lineno, line in file_records(path):
            seen_lines += 1
            found, notes = _prediction_line(f"{path}:{lineno}", line, by_id, preds, strict)
            problems += found
            warnings += notes
    except (OSError, UnicodeDecodeError) as err:
        raise AnnotationError([f"{path}: cannot read: {err}"]) from None
    if not seen_lines and not allow_empty:
        raise AnnotationError(
            [
                f"{path}: no prediction lines (an extractor that failed is the likely cause); "
                "pass --allow-empty to score it as predicting nothing"
            ]
        )
    absent = [d for d in by_id if d not in preds]
    if strict and absent:
        problems += [f"{path}: document: no prediction for article {d} (--strict)" for d in absent]
    if problems:
        raise AnnotationError(problems)
    warnings += [f"{path}: warning: no prediction for article {d}; scored as predicting nothing" for d in absent]
    return preds, warnings


def _prediction_line(
    where: str, line: str, by_id: dict[str, Document], preds: dict[str, Annotation], strict: bool = False
) -> tuple[list[str], list[str]]:
    """Problems and warnings of one predictions line; a clean line's annotation is added to ``preds``.

    Entities given by text alone are located here, once, for every command that reads predictions;
    one the article does not contain is a warning (a problem with ``strict``).
    """
    try:
        raw = parse_json(line)
    except JSONProblem as err:
        return [f"{where}: {err}" + (f" (column {err.column})" if err.column else "")], []
    problems, warnings = [], []
    doc_id = raw.get("doc_id") if isinstance(raw, dict) and isinstance(raw.get("doc_id"), str) else None
    article = by_id.get(doc_id) if doc_id is not None else None
    if isinstance(raw, dict) and article is None:
        problems.append(f"{where}: document: unknown doc_id {doc_id!r} (no such article)")
    found = check_document(raw, article, PREDICTION)
    problems += [f"{where}: {p}" for p in found]
    if doc_id in preds:
        problems.append(f"{where}: document: duplicate doc_id {doc_id!r}")
    elif not found and article is not None and doc_id is not None:
        located, notes = locate_entities(raw, article.text)
        if strict:
            problems += [f"{where}: document {doc_id}: {n} (--strict)" for n in notes]
        else:
            warnings += [f"{where}: warning: document {doc_id}: {n}" for n in notes]
        preds[doc_id] = annotation_from_dict(located)
    return problems, warnings


def validate_files(paths: Iterable[Path], docs: list[Document], gold_dir: Path | None) -> Report:
    """`bench validate`: check gold files (``*.json``) and prediction files (``*.jsonl``)."""
    report = Report()
    by_id = {d.doc_id: d for d in docs}
    paths = list(paths)
    if gold_dir is not None:
        gold_dir = Path(gold_dir)
        gold_files = sorted(gold_dir.glob("*.json"))
        paths = gold_files + [p for p in paths if p not in gold_files]
        for doc_id in by_id:
            if not (gold_dir / f"{doc_id}.json").exists():
                report.problems.append(f"{gold_dir / (doc_id + '.json')}: document: no gold file for article {doc_id}")
    for path in paths:
        path = Path(path)
        if path.suffix == ".jsonl":
            try:
                _, warnings = read_predictions(path, docs)
                report.warnings += warnings
            except AnnotationError as err:
                report.problems += err.problems
            continue
        raw, problems = _read_json(path)
        article = by_id.get(path.stem)
        if raw is not None:
            if article is None:
                problems.append(f"document: no article {path.stem}.txt for this gold file")
            problems += check_document(raw, article, GOLD)
            if isinstance(raw, dict) and raw.get("doc_id") != path.stem:
                problems.append(f"document: doc_id {raw.get('doc_id')!r} differs from the file name {path.stem!r}")
        report.problems += [f"{path}: {p}" for p in problems]
    return report
