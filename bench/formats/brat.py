"""BRAT standoff: a directory with ``DOC_ID.txt`` (the article body) and ``DOC_ID.ann`` per article.

``.ann`` lines, tab-separated as brat writes them (https://brat.nlplab.org/standoff.html):

* ``T1<TAB>LABEL START END<TAB>text``: an entity (code-point offsets, end exclusive);
* ``R1<TAB>TYPE Arg1:T1 Arg2:T2``: a relation (head Arg1, tail Arg2);
* ``A1<TAB>Qualifier T9 exact`` and ``A2<TAB>Category T9 killed``: figure attributes;
* ``#1<TAB>AnnotatorNotes T9<TAB>value: 34`` and ``#2<TAB>AnnotatorNotes T1<TAB>ref: Gaza City``:
  a figure's value and an entity's canonical name, as notes (brat attributes take only the values
  declared in ``annotation.conf``, which numbers and names are not). Other notes are ignored.

Writing also puts an ``annotation.conf`` declaring the schema in the directory, so brat opens it.
Kept: everything but confidence scores. Discontinuous spans, events and normalisations cannot
be read into the schema: a discontinuous span is an error, the others are warnings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.core.annotation import Annotation, Entity, Relation, normalise_number
from bench.core.numbers import normalise_figure
from bench.core.schema import CATEGORIES, ENTITY_LABELS, FIGURE, QUALIFIERS, RELATION_TYPES
from bench.formats.corpus import Document
from bench.formats.registry import ConversionError, Converted, Format, Output

ATTRIBUTES = {"Qualifier": "qualifier", "Category": "category"}
NOTES = {"value": "value", "ref": "ref"}
_ENTITY = re.compile(r"^(T\w+)\t(\S+) (\d+) (\d+)\t(.*)$")
_DISCONTINUOUS = re.compile(r"^(T\w+)\t(\S+) \d+ \d+(;\d+ \d+)+\t")
_RELATION = re.compile(r"^(R\w+)\t(\S+) Arg1:(\S+) Arg2:(\S+)\s*$")
_ATTRIBUTE = re.compile(r"^(A\w+)\t(\S+) (\S+)(?: (\S+))?\s*$")
_NOTE = re.compile(r"^(#\w*)\tAnnotatorNotes (\S+)\t(.*)$")


def annotation_conf() -> str:
    lines = ["[entities]", *ENTITY_LABELS, "", "[relations]"]
    for name, rt in RELATION_TYPES.items():
        lines.append(f"{name}\tArg1:{'|'.join(sorted(rt.head))}, Arg2:{'|'.join(sorted(rt.tail))}")
    lines += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "", "[events]", "", "[attributes]"]
    lines.append(f"Qualifier\tArg:{FIGURE}, Value:{'|'.join(QUALIFIERS)}")
    lines.append(f"Category\tArg:{FIGURE}, Value:{'|'.join(CATEGORIES)}")
    return "\n".join(lines) + "\n"


def dumps_ann(ann: Annotation) -> str:
    lines, attr_n, note_n = [], 0, 0
    for e in ann.entities:
        lines.append(f"{e.id}\t{e.label} {e.start} {e.end}\t{e.text}")
    for e in ann.entities:
        for name, key in ATTRIBUTES.items():
            if getattr(e, key) is not None:
                attr_n += 1
                lines.append(f"A{attr_n}\t{name} {e.id} {getattr(e, key)}")
        for note, key in NOTES.items():
            if getattr(e, key) is not None:
                note_n += 1
                lines.append(f"#{note_n}\tAnnotatorNotes {e.id}\t{note}: {getattr(e, key)}")
    for r in ann.relations:
        lines.append(f"{r.id}\t{r.type} Arg1:{r.head} Arg2:{r.tail}")
    return "".join(line + "\n" for line in lines)


def write(annotations: Sequence[Annotation], docs: Mapping[str, Document], out: Path, splits: object) -> Output:
    files = {"annotation.conf": annotation_conf().encode("utf-8")}
    problems, warnings = [], []
    for ann in annotations:
        for e in ann.entities:
            if not re.fullmatch(r"T\w+", e.id) or "\n" in e.text or (e.ref and "\n" in e.ref):
                problems.append(f"{ann.doc_id}: entity {e.id}: brat needs ids T<n> and one-line text")
        for r in ann.relations:
            if not re.fullmatch(r"R\w+", r.id):
                problems.append(f"{ann.doc_id}: relation {r.id}: brat needs ids R<n>")
        if any(e.score is not None for e in ann.entities) or any(r.score is not None for r in ann.relations):
            warnings.append(f"{ann.doc_id}: confidence scores dropped (brat standoff has no place for them)")
        files[f"{ann.doc_id}.txt"] = docs[ann.doc_id].text.encode("utf-8")
        files[f"{ann.doc_id}.ann"] = dumps_ann(ann).encode("utf-8")
    if problems:
        raise ConversionError(problems)
    return Output(files, warnings)


def _number(text: str, where: str) -> float | int:
    try:
        value = float(text)
    except ValueError:
        raise ConversionError([f"{where}: value {text!r} is not a number"]) from None
    return normalise_number(value)


def parse_ann(text: str, article: Document, path: Path) -> tuple[Annotation, list[str]]:
    entities: dict[str, dict[str, Any]] = {}
    relations: list[Relation] = []
    problems, warnings = [], []
    for lineno, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")  # a file saved on Windows
        where = f"{path}:{lineno}"
        if not line.strip():
            continue
        if m := _ENTITY.match(line):
            eid, label, start, end, surface = m.group(1), m.group(2), int(m.group(3)), int(m.group(4)), m.group(5)
            if article.text[start:end] != surface:
                problems.append(
                    f"{where}: {eid} text {surface!r} does not equal the article's [{start}, {end}) = "
                    f"{article.text[start:end]!r}"
                )
            entities[eid] = {"id": eid, "label": label, "start": start, "end": end, "text": article.text[start:end]}
        elif _DISCONTINUOUS.match(line):
            problems.append(f"{where}: discontinuous span; the schema's entities are one span each")
        elif m := _RELATION.match(line):
            relations.append(Relation(m.group(1), m.group(3), m.group(4), m.group(2)))
        elif m := _ATTRIBUTE.match(line):
            name, target, value = m.group(2), m.group(3), m.group(4)
            if name not in ATTRIBUTES or target not in entities or value is None:
                problems.append(
                    f"{where}: attribute {name!r} on {target!r}: expected Qualifier or Category of an entity"
                )
            else:
                entities[target][ATTRIBUTES[name]] = value
        elif m := _NOTE.match(line):
            target, note = m.group(2), m.group(3)
            key, sep, value = note.partition(": ")
            if sep and key in NOTES and target in entities:
                entities[target][NOTES[key]] = _number(value, where) if key == "value" else value
        elif line[:1] in {"E", "N", "*", "M"}:
            warnings.append(f"{where}: {line.split(chr(9))[0]}: events, normalisations and equivalences are not read")
        else:
            problems.append(f"{where}: not a brat standoff line: {line[:60]!r}")
    if problems:
        raise ConversionError(problems)
    out = []
    for raw in entities.values():
        if raw["label"] == FIGURE and "value" not in raw:
            reading = normalise_figure(raw["text"])
            if reading is not None:
                raw.update(value=reading[0], qualifier=raw.get("qualifier", reading[1]))
        out.append(Entity(**raw))
    return Annotation(article.doc_id, tuple(out), tuple(relations), article.date, article.sha256), warnings


def read(path: Path, docs: Mapping[str, Document]) -> Converted:
    if not path.is_dir():
        raise ConversionError([f"{path}: not a directory of brat .ann and .txt files"])
    out: dict[str, Annotation] = {}
    problems, warnings = [], []
    for ann_path in sorted(path.glob("*.ann")):
        doc_id = ann_path.stem
        if doc_id not in docs:
            problems.append(f"{ann_path}: no article {doc_id}.txt")
            continue
        try:
            txt = (path / f"{doc_id}.txt").read_text(encoding="utf-8")
            text = ann_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            problems.append(f"{ann_path}: cannot read it or its .txt: {err}")
            continue
        if txt != docs[doc_id].text:
            problems.append(f"{path / (doc_id + '.txt')}: differs from the article body; offsets would not hold")
            continue
        try:
            out[doc_id], found = parse_ann(text, docs[doc_id], ann_path)
            warnings += found
        except ConversionError as err:
            problems += err.problems
    if problems:
        raise ConversionError(problems)
    if not out:
        raise ConversionError([f"{path}: no *.ann files"])
    return Converted(out, warnings)


FORMAT = Format(
    name="brat",
    summary="BRAT standoff: a directory of DOC_ID.ann + DOC_ID.txt (and annotation.conf)",
    keeps="entities, ids, relations; figure qualifier/category as attributes, value and ref as notes",
    loses="confidence scores; on reading, discontinuous spans (error), events and normalisations (warned)",
    read=read,
    write=write,
)
