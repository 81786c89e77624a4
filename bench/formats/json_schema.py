"""The published JSON Schema (draft 2020-12) of gold files and prediction lines, generated from the one source.

Labels, relation types, figure qualifiers and categories come from ``bench/core/schema.json``; the
keys a document, an entity and a relation may have come from ``bench/core/annotation.py``. The
generated files ship beside this module (``gold.schema.json``, ``prediction.schema.json``) for
editors and other languages; ``bench schema`` prints them, and a test keeps them equal to the
generator's output.

A JSON Schema sees one document alone, so it cannot do what ``bench validate`` does against the
article and the rest of the file; the schema's description says which checks those are.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.core.annotation import DOCUMENT_KEYS, ENTITY_KEYS, PREDICTION_ONLY, RELATION_KEYS, TEXT_ONLY_KEYS
from bench.core.schema import SCHEMA, SECTIONS

GOLD, PREDICTION = "gold", "prediction"
KINDS = (GOLD, PREDICTION)
DRAFT = "https://json-schema.org/draft/2020-12/schema"
SHIPPED = {kind: Path(__file__).with_name(f"{kind}.schema.json") for kind in KINDS}
# Mirrors bench.formats.validate: a rule names a pattern, a context one place in the article.
MAX_RULE, MAX_CONTEXT = 200, 300

LIMITS = (
    "What this schema cannot check, and `bench validate` does (against the article and the whole "
    "document): that offsets lie within the article body (start < end <= its length, code points, end "
    "exclusive) and that `text` equals the body between them; that gold spans do not overlap and "
    "do not start or end with whitespace; that ids and spans are not duplicated; that a relation's "
    "`head` and `tail` name entities of the same document (no dangling ids), differ, and have labels "
    "its type allows; that a figure's `value` and `qualifier` match what its span text reads; that "
    "`date` and `text_sha256` match the article; that an entity given by text alone is found in the "
    "article and that its `context` contains its text."
)

_NOT_BLANK = {"type": "string", "pattern": r"\S"}
_ID = {"type": ["string", "integer"]}


def _labels() -> dict[str, Any]:
    meanings = " ".join(f"{label}: {SCHEMA.descriptions[label]}" for label in SCHEMA.entity_labels)
    return {"enum": list(SCHEMA.entity_labels), "description": meanings}


def _relation_types() -> dict[str, Any]:
    allowed = "; ".join(
        f"{name}: {'/'.join(sorted(rt.head))} -> {'/'.join(sorted(rt.tail))}" + (" (symmetric)" if rt.symmetric else "")
        for name, rt in SCHEMA.relation_types.items()
    )
    return {"enum": list(SCHEMA.relation_types), "description": f"Argument labels allowed: {allowed}."}


def _item_properties(kind: str) -> dict[str, dict[str, Any]]:
    """Every entity or relation key's definition; gold leaves out the prediction-only ones."""
    props: dict[str, dict[str, Any]] = {
        "id": {**_ID, "description": "Unique within the document; relations name entities by it."},
        "label": _labels(),
        "start": {"type": "integer", "minimum": 0, "description": "Code point offset into the article body."},
        "end": {"type": "integer", "minimum": 1, "description": "Code point offset, exclusive."},
        "text": {"type": "string", "minLength": 1, "description": "The body between start and end."},
        "ref": {**_NOT_BLANK, "description": "Canonical name; the document and fact levels compare it."},
        "value": {"type": "number", "minimum": 0, "description": f"{SCHEMA.figure_label} only: the count."},
        "qualifier": {"enum": list(SCHEMA.qualifiers), "description": f"{SCHEMA.figure_label} only."},
        "category": {"enum": list(SCHEMA.categories), "description": f"{SCHEMA.figure_label} only."},
        "score": {"type": "number", "minimum": 0, "maximum": 1, "description": "The system's confidence."},
        "rule": {
            **_NOT_BLANK,
            "maxLength": MAX_RULE,
            "description": "The pattern or finder that made the prediction (printable).",
        },
        "occurrence": {
            "type": "integer",
            "minimum": 0,
            "description": "With text and no start/end: which occurrence of the text (0-based).",
        },
        "context": {
            **_NOT_BLANK,
            "maxLength": MAX_CONTEXT,
            "description": "With text and no start/end: a short string of the article containing the mention.",
        },
        "head": {**_ID, "description": "The id of the head entity."},
        "tail": {**_ID, "description": "The id of the tail entity."},
        "type": _relation_types(),
    }
    return {k: v for k, v in props.items() if kind == PREDICTION or k not in PREDICTION_ONLY}


def _keys(keys: tuple[str, ...], kind: str) -> list[str]:
    return [k for k in keys if kind == PREDICTION or k not in PREDICTION_ONLY]


def _entity(kind: str) -> dict[str, Any]:
    defined = _item_properties(kind)
    missing = [k for k in _keys(ENTITY_KEYS, kind) if k not in defined]
    if missing:
        raise ValueError(f"entity keys with no JSON Schema definition: {', '.join(missing)}")
    figure_attrs = ["value", "qualifier", "category"]
    is_figure = {"properties": {"label": {"const": SCHEMA.figure_label}}, "required": ["label"]}
    out: dict[str, Any] = {
        "type": "object",
        "properties": {k: defined[k] for k in _keys(ENTITY_KEYS, kind)},
        "additionalProperties": False,
        # Figure attributes only on figures; gold figures carry all three.
        "allOf": [
            {"if": is_figure, "else": {"not": {"anyOf": [{"required": [a]} for a in figure_attrs]}}}
            | ({"then": {"required": figure_attrs}} if kind == GOLD else {})
        ],
    }
    if kind == GOLD:
        out["required"] = ["id", "label", "start", "end", "text"]
        return out
    has_span = {"anyOf": [{"required": ["start"]}, {"required": ["end"]}]}
    out["required"] = ["label"]
    out["description"] = (
        "An entity mention: by its span (start and end), or by its text alone (an LLM's answer), "
        "optionally with occurrence or context; bench finds the text in the article."
    )
    out["dependentRequired"] = {"start": ["end"], "end": ["start"]}
    out["allOf"] += [
        {"if": has_span, "then": {"not": {"anyOf": [{"required": [k]} for k in TEXT_ONLY_KEYS]}}},
        {"if": {"not": has_span}, "then": {"required": ["text"], "properties": {"text": _NOT_BLANK}}},
        {"not": {"required": list(TEXT_ONLY_KEYS)}},
    ]
    return out


def _relation(kind: str) -> dict[str, Any]:
    defined = _item_properties(kind)
    keys = _keys(RELATION_KEYS, kind)
    defined["id"] = {**_ID, "description": "Unique among the document's relations."}
    return {
        "type": "object",
        "properties": {k: defined[k] for k in keys},
        "required": (["id"] if kind == GOLD else []) + ["head", "tail", "type"],
        "additionalProperties": False,
    }


def _document(kind: str) -> dict[str, Any]:
    props: dict[str, dict[str, Any]] = {
        "doc_id": {"type": "string", "description": "The article's file name without .txt."},
        "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "The article header's date."},
        "text_sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": "SHA-256 of the body."},
        "sections": {
            "type": "array",
            "items": {"enum": list(SECTIONS)},
            "description": "The sections the producer predicts; the others are reported absent, not zero.",
        },
        "entities": {"type": "array", "items": {"$ref": "#/$defs/entity"}},
        "relations": {"type": "array", "items": {"$ref": "#/$defs/relation"}},
        "meta": {"type": "object", "description": "Free metadata about the prediction."},
    }
    keys = _keys(DOCUMENT_KEYS, kind)
    missing = [k for k in keys if k not in props]
    if missing:
        raise ValueError(f"document keys with no JSON Schema definition: {', '.join(missing)}")
    return {
        "type": "object",
        "properties": {k: props[k] for k in keys},
        "required": ["doc_id", "date", "text_sha256", "entities", "relations"] if kind == GOLD else ["doc_id"],
        "additionalProperties": False,
    }


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a gold file (``gold``) or of one line of a predictions file (``prediction``)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (kinds: {', '.join(KINDS)})")
    what = (
        "A bench gold file: one article's annotation (gold/DOC_ID.json)."
        if kind == GOLD
        else "One line of a bench predictions file (JSONL): one article's predicted annotation."
    )
    return {
        "$schema": DRAFT,
        "$comment": (
            f"Generated by `bench schema --kind {kind}` from bench/core/schema.json (version {SCHEMA.version}) "
            "and bench/core/annotation.py; do not edit."
        ),
        "title": f"bench {kind}",
        "description": f"{what} {LIMITS}",
        **_document(kind),
        "$defs": {"entity": _entity(kind), "relation": _relation(kind)},
    }


def dumps_schema(kind: str) -> str:
    return json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n"
