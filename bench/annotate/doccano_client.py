"""The doccano round trip: push articles (and annotations) to a project, pull annotations into gold.

Representation in doccano (see gold/GUIDELINES.md §4; the record mapping lives in
``bench.formats.doccano_export``, shared with ``bench convert``):

* span labels are the schema's entity labels, except figures, which carry their category in the
  label (``FIGURE:killed``); value and qualifier are derived from the span text by
  ``bench.core.numbers`` on the way back, so they survive exactly;
* relation types are the schema's relation types;
* the example's metadata holds ``doc_id``, ``date``, ``text_sha256``, the ``ref`` of each span
  (``refs``, keyed ``start:end`` in code points) and the gold ids (``ids``, ``relation_ids``), so a
  pushed gold file comes back byte for byte;
* offsets: doccano's front end counts UTF-16 code units (unless a project is in grapheme mode,
  which this module refuses); this project counts code points. ``Offsets`` converts both ways.

Pulling reads doccano's own JSONL export (one file per annotator), so it needs the task worker.
"""

from __future__ import annotations

import getpass
import io
import os
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported lazily at run time: the client pulls in requests and pydantic
    from doccano_client import DoccanoClient
    from doccano_client.models.project import Project

from bench.core.annotation import Annotation, dumps_gold
from bench.core.schema import RELATION_TYPES
from bench.formats.corpus import Document
from bench.formats.doccano_export import (
    DoccanoError,
    Offsets,
    annotation_from_record,
    example_meta,
    span_label_of,
    span_labels,
)
from bench.formats.doccano_export import parse_span_label as parse_span_label  # kept importable from here
from bench.formats.jsonfile import JSONProblem, parse_json, records
from bench.formats.validate import GOLD, check_document

EXPORT_FORMAT = "JSONL"
KEYS = "1234567890abcdefghijklmnopqrstuvwxyz"
PALETTE = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#843c39",
    "#7b4173",
    "#3182bd",
    "#e6550d",
    "#31a354",
    "#756bb1",
    "#636363",
    "#9c9ede",
    "#cedb9c",
    "#e7cb94",
    "#e7969c",
]


@dataclass(frozen=True)
class Credentials:
    url: str
    username: str
    password: str = field(repr=False)  # never printed, logged or written

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Credentials:
        url = environ.get("DOCCANO_URL", "").rstrip("/")
        username = environ.get("DOCCANO_USERNAME", "")
        password = environ.get("DOCCANO_PASSWORD")
        if not url or not username:
            raise DoccanoError("set DOCCANO_URL and DOCCANO_USERNAME (and DOCCANO_PASSWORD, or answer the prompt)")
        if password is None:
            if not sys.stdin.isatty():
                raise DoccanoError("set DOCCANO_PASSWORD (no terminal to prompt on)")
            password = getpass.getpass(f"doccano password for {username} at {url}: ")
        return cls(url, username, password)


def connect(creds: Credentials) -> DoccanoClient:
    """A logged-in doccano client, or a one-line DoccanoError saying what to do."""
    import requests
    from doccano_client import DoccanoClient

    client = DoccanoClient(creds.url)
    try:
        client.login(creds.username, creds.password)
    except requests.exceptions.ConnectionError:
        raise DoccanoError(
            f"cannot reach doccano at {creds.url}: is the server running? (start one with `bench doccano serve`)"
        ) from None
    except requests.exceptions.HTTPError as err:
        status = err.response.status_code if err.response is not None else "?"
        raise DoccanoError(
            f"login to {creds.url} as {creds.username!r} failed (HTTP {status}): "
            "check DOCCANO_USERNAME and DOCCANO_PASSWORD"
        ) from None
    return client


def find_project(client: DoccanoClient, name: str) -> Project | None:
    for project in client.list_projects():
        if project.name == name:
            return project
    return None


def ensure_project(client: DoccanoClient, name: str) -> Project:
    project = find_project(client, name)
    if project is None:
        project = client.create_project(
            name=name,
            project_type="SequenceLabeling",
            use_relation=True,
            allow_overlapping=False,
            grapheme_mode=False,
            collaborative_annotation=False,
            description="Conflict-news extraction benchmark: entities, figures, relations (see gold/GUIDELINES.md).",
        )
    if project.grapheme_mode:
        raise DoccanoError(
            f"project {name!r} is in grapheme mode; bench converts UTF-16 offsets only. Use a new project."
        )
    if not project.use_relation:
        raise DoccanoError(f"project {name!r} does not have relations enabled; enable them in its settings")
    return project


def ensure_label_types(client, project_id: int) -> tuple[dict[str, int], dict[str, int]]:
    """Span and relation label types of the schema, created where missing; returns name -> id maps."""
    ids: dict[str, dict[str, int]] = {}
    wanted = {"span": span_labels(), "relation": list(RELATION_TYPES)}
    slot = 0
    for kind in ("span", "relation"):
        current = client.list_label_types(project_id, kind)
        existing = {lt.text: lt.id for lt in current}
        used_keys = {lt.suffix_key for lt in current}
        for name in wanted[kind]:
            if name not in existing:
                key = next((k for k in KEYS[slot:] if k not in used_keys), None)
                lt = client.create_label_type(
                    project_id, kind, name, suffix_key=key, color=PALETTE[slot % len(PALETTE)]
                )
                existing[name] = lt.id
                used_keys.add(key)
            slot += 1
        ids[kind] = existing
    return ids["span"], ids["relation"]


@dataclass
class PushReport:
    created: list[str] = field(default_factory=list)
    annotated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def push(
    client,
    project_name: str,
    docs: Iterable[Document],
    annotations: Mapping[str, Annotation] | None,
    keep_ids: bool = True,
) -> PushReport:
    """Create the project and schema labels if needed; add missing examples and their annotations.

    Pushing again adds nothing twice: an example is found by its ``doc_id``, a label by its name, and
    annotations are only added to an example that has none from this user yet.
    """
    project = ensure_project(client, project_name)
    span_ids, relation_ids = ensure_label_types(client, project.id)
    existing = {ex.meta.get("doc_id"): ex for ex in client.list_examples(project.id)}
    report = PushReport()
    for doc in docs:
        ann = annotations.get(doc.doc_id) if annotations is not None else None
        example = existing.get(doc.doc_id)
        if example is None:
            example = client.create_example(project.id, doc.text, meta=example_meta(doc, ann, keep_ids))
            report.created.append(doc.doc_id)
        elif example.meta.get("text_sha256") != doc.sha256:
            raise DoccanoError(f"{doc.doc_id}: the article differs from the text already in project {project_name!r}")
        if ann is None or client.list_spans(project.id, example.id):
            if doc.doc_id not in report.created:
                report.skipped.append(doc.doc_id)
            continue
        if doc.doc_id not in report.created:
            client.update_example(project.id, example.id, meta=example_meta(doc, ann, keep_ids))
        offsets = Offsets(doc.text)
        made = {}
        for e in ann.entities:
            span = client.create_span(
                project.id, example.id, offsets.to_utf16(e.start), offsets.to_utf16(e.end), span_ids[span_label_of(e)]
            )
            made[e.id] = span.id
        for r in ann.relations:
            client.create_relation(project.id, example.id, made[r.head], made[r.tail], relation_ids[r.type])
        report.annotated.append(doc.doc_id)
    return report


def export_records(client, project_name: str, annotator: str) -> list[dict]:
    """The annotator's records from doccano's JSONL export (one file per annotator in the zip)."""
    project = find_project(client, project_name)
    if project is None:
        raise DoccanoError(
            f"no doccano project named {project_name!r} (create it with `bench doccano push --project {project_name}`)"
        )
    with tempfile.TemporaryDirectory() as tmp:
        path = client.download(project.id, EXPORT_FORMAT, dir_name=tmp)
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            wanted = (
                f"{annotator}.jsonl"
                if f"{annotator}.jsonl" in names
                else ("all.jsonl" if "all.jsonl" in names else None)
            )
            if wanted is None:
                people = ", ".join(n.removesuffix(".jsonl") for n in names)
                raise DoccanoError(
                    f"project {project_name!r} has no annotations by {annotator!r} (annotators: {people or 'none'})"
                )
            text = io.TextIOWrapper(zf.open(wanted), encoding="utf-8").read()
    try:
        return [parse_json(line) for _, line in records(text)]
    except JSONProblem as err:
        raise DoccanoError(f"doccano's export of {project_name!r} is not readable: {err}") from None


def pull_annotations(
    records: Iterable[Mapping[str, Any]], docs: Iterable[Document]
) -> tuple[dict[str, Annotation], list[str]]:
    """Convert and validate every record; returns annotations and all problems (nothing is partial)."""
    by_id = {d.doc_id: d for d in docs}
    out, problems = {}, []
    for record in records:
        doc_id = record.get("doc_id")
        if doc_id not in by_id:
            problems.append(f"doccano example {record.get('id')}: doc_id {doc_id!r} matches no article")
            continue
        try:
            ann = annotation_from_record(record, by_id[doc_id])
        except DoccanoError as err:
            problems.append(str(err))
            continue
        found = check_document(ann.to_dict(), by_id[doc_id], GOLD)
        problems += [f"{doc_id} (from doccano): {p}" for p in found]
        out[doc_id] = ann
    return out, problems


def describe_changes(old: Annotation, new: Annotation) -> list[str]:
    """What pulling would change in a gold file: spans added, removed, relabelled; relations added, removed."""
    key = lambda e: (e.start, e.end)
    old_spans = {key(e): e for e in old.entities}
    new_spans = {key(e): e for e in new.entities}
    out = []
    for k in sorted(new_spans.keys() - old_spans.keys()):
        out.append(f"+ span {new_spans[k].label} {new_spans[k].text!r} [{k[0]}, {k[1]})")
    for k in sorted(old_spans.keys() - new_spans.keys()):
        out.append(f"- span {old_spans[k].label} {old_spans[k].text!r} [{k[0]}, {k[1]})")
    for k in sorted(old_spans.keys() & new_spans.keys()):
        a, b = old_spans[k], new_spans[k]
        if (a.label, a.category, a.value, a.qualifier, a.ref) != (b.label, b.category, b.value, b.qualifier, b.ref):
            out.append(
                f"~ span {a.text!r} [{k[0]}, {k[1]}): {span_label_of(a)} -> {span_label_of(b)}"
                + (f", ref {a.ref!r} -> {b.ref!r}" if a.ref != b.ref else "")
            )
    fact = lambda ann: {
        (
            r.type,
            key(next(e for e in ann.entities if e.id == r.head)),
            key(next(e for e in ann.entities if e.id == r.tail)),
        )
        for r in ann.relations
    }
    text = lambda ann, k: next(e.text for e in ann.entities if key(e) == k)
    old_rel, new_rel = fact(old), fact(new)
    for t, h, tl in sorted(new_rel - old_rel):
        out.append(f"+ relation {t} {text(new, h)!r} -> {text(new, tl)!r}")
    for t, h, tl in sorted(old_rel - new_rel):
        out.append(f"- relation {t} {text(old, h)!r} -> {text(old, tl)!r}")
    if not out and dumps_gold(old) != dumps_gold(new):
        out.append("~ ids or ordering differ")
    return out
