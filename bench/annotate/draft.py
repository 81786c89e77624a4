"""Annotation drafts: gold written as lines of text, offsets computed by program, never by hand.

A draft lists the mentions of one article in reading order, one a line, then the relations::

    # comments and blank lines are ignored
    T1 ORG Hamas
    T2 PERSON Hassan Nasrallah | ref=Hassan Nasrallah
    T3 FIGURE:killed at least 52
    T4 GPE Gaza | ref=Gaza Strip
    T5 GPE Gaza | skip=1
    R T3 LOCATED_IN T4

Each mention is the first whole-word occurrence of its text at or after the end of the previous
mention; ``skip=N`` passes over N further occurrences. A FIGURE's value and qualifier are read from
its span by ``bench.core.numbers`` (guidelines §2.2), so only the category is written. The result is an
ordinary gold document, validated like any other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bench.core.annotation import Annotation, Entity, Relation
from bench.core.numbers import normalise_figure
from bench.core.schema import CATEGORIES, ENTITY_LABELS, FIGURE, RELATION_TYPES
from bench.formats.corpus import Document

_MENTION = re.compile(r"^(?P<id>\S+)\s+(?P<label>[A-Z]+)(?::(?P<category>[a-z_]+))?\s+(?P<rest>.+)$")
_RELATION = re.compile(r"^R\s+(?P<head>\S+)\s+(?P<type>[A-Z_]+)\s+(?P<tail>\S+)$")
_OPTIONS = ("ref", "skip")


@dataclass
class DraftResult:
    annotation: Annotation | None
    problems: list[str]


def _word_pattern(needle: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(needle) + r"(?!\w)")


def _find(text: str, needle: str, start: int, skip: int) -> int:
    """Start of the (skip+1)-th whole-word occurrence of ``needle`` at or after ``start``, or -1."""
    for match in _word_pattern(needle).finditer(text, start):
        if skip == 0:
            return match.start()
        skip -= 1
    return -1


def _parse_mention(line: str) -> tuple[dict, list[str]]:
    match = _MENTION.match(line)
    if match is None:
        return {}, [f"cannot read {line!r} (expected 'ID LABEL text', 'ID FIGURE:category text' or 'R HEAD TYPE TAIL')"]
    fields = [f.strip() for f in match["rest"].split(" | ")]
    item: dict = {"id": match["id"], "label": match["label"], "category": match["category"], "surface": fields[0]}
    problems = []
    for option in fields[1:]:
        key, _, value = option.partition("=")
        if key not in _OPTIONS or not value:
            problems.append(f"{item['id']}: unknown option {option!r} (options: ref=NAME, skip=N)")
        elif key == "skip" and not value.isdigit():
            problems.append(f"{item['id']}: skip must be a whole number, got {value!r}")
        else:
            item[key] = int(value) if key == "skip" else value
    if item["label"] not in ENTITY_LABELS:
        problems.append(f"{item['id']}: unknown label {item['label']!r} (labels: {', '.join(ENTITY_LABELS)})")
    if (item["label"] == FIGURE) != (item["category"] is not None):
        problems.append(f"{item['id']}: a category goes with FIGURE and only with it (FIGURE:killed, …)")
    elif item["category"] is not None and item["category"] not in CATEGORIES:
        problems.append(f"{item['id']}: unknown category {item['category']!r} (categories: {', '.join(CATEGORIES)})")
    return item, problems


def draft_to_annotation(draft: str, article: Document) -> DraftResult:
    """Turn a draft into a gold annotation of ``article``; every problem names its line."""
    entities: list[Entity] = []
    relations: list[Relation] = []
    problems: list[str] = []
    position = 0
    for lineno, raw_line in enumerate(draft.split("\n"), start=1):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        where = f"line {lineno}"
        rel = _RELATION.match(line)
        if rel is not None:
            if rel["type"] not in RELATION_TYPES:
                problems.append(f"{where}: unknown relation type {rel['type']!r} (types: {', '.join(RELATION_TYPES)})")
            relations.append(Relation(f"R{len(relations) + 1}", rel["head"], rel["tail"], rel["type"]))
            continue
        item, found = _parse_mention(line)
        problems += [f"{where}: {p}" for p in found]
        if found:
            continue
        start = _find(article.text, item["surface"], position, item.get("skip", 0))
        if start < 0:
            shown = article.text[position : position + 40].replace("\n", " ")
            problems.append(
                f"{where}: {item['id']}: {item['surface']!r} not found after offset {position} ({shown!r}…)"
            )
            continue
        end = start + len(item["surface"])
        value = qualifier = None
        if item["label"] == FIGURE:
            reading = normalise_figure(item["surface"])
            if reading is None:
                problems.append(
                    f"{where}: {item['id']}: figure {item['surface']!r} is not a number bench/core/numbers.py reads"
                )
                continue
            value, qualifier = reading
        entities.append(
            Entity(
                item["id"],
                item["label"],
                start,
                end,
                item["surface"],
                item.get("ref"),
                value,
                qualifier,
                item["category"],
            )
        )
        position = end
    if problems:
        return DraftResult(None, problems)
    annotation = Annotation(article.doc_id, tuple(entities), tuple(relations), article.date, article.sha256)
    return DraftResult(annotation, [])


def annotation_to_draft(annotation: Annotation, article: Document) -> str:
    """The draft that gives back ``annotation`` (to review or edit existing gold as text)."""
    lines = []
    position = 0
    for ent in sorted(annotation.entities, key=lambda e: (e.start, e.end)):
        label = f"{ent.label}:{ent.category}" if ent.is_figure else ent.label
        options = [f"ref={ent.ref}"] if ent.ref is not None else []
        skipped = sum(1 for m in _word_pattern(ent.text).finditer(article.text, position) if m.start() < ent.start)
        if skipped:
            options.append(f"skip={skipped}")
        lines.append(" | ".join([f"{ent.id} {label} {ent.text}", *options]))
        position = ent.end
    lines += [f"R {r.head} {r.type} {r.tail}" for r in annotation.relations]
    return "\n".join(lines) + "\n"
