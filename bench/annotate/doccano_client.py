"""The doccano round trip: push articles (and annotations) to a project, pull annotations into gold.

Representation in doccano (see gold/GUIDELINES.md §4):

* span labels are the schema's entity labels, except figures, which carry their category in the
  label (``FIGURE:killed``); value and qualifier are derived from the span text by
  ``bench.core.numbers`` on the way back, so they survive exactly;
* relation types are the schema's relation types, plus ``SAME_AS`` for coreference: mentions
  sharing a ``ref`` are chained by ``SAME_AS`` links, and each linked group gets one ``ref`` back
  (``bench.core.coreference``);
* the example's metadata holds ``doc_id``, ``date``, ``text_sha256``, the ``ref`` of each span
  (``refs``, keyed ``start:end`` in code points) and the gold ids (``ids``, ``relation_ids``), so a
  pushed gold file comes back byte for byte;
* text: doccano strips white space from both ends of an example's text, so the example holds
  ``body.strip()`` and every offset is shifted by the leading white space (``Offsets``);
* offsets: doccano's front end counts UTF-16 code units (unless a project is in grapheme mode,
  which this module refuses); this project counts code points. ``Offsets`` converts both ways.

Only examples the annotator marked done in doccano ("confirmed": doccano's per-example state) are
pulled unless asked otherwise. Pulling reads doccano's own JSONL export (one file per annotator),
so it needs the task worker.
"""

from __future__ import annotations

import contextlib
import getpass
import io
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:  # imported lazily at run time: the client pulls in requests and pydantic
    from doccano_client import DoccanoClient
    from doccano_client.models.project import Project

import itertools

from bench.core.annotation import Annotation, dumps_gold
from bench.core.coreference import SAME_AS, same_as_links
from bench.core.schema import RELATION_TYPES
from bench.formats.corpus import Document
from bench.formats.doccano_export import (
    DoccanoError,
    Offsets,
    annotation_from_record,
    example_meta,
    relation_labels,
    span_label_of,
    span_labels,
)
from bench.formats.jsonfile import JSONProblem, parse_json, records
from bench.formats.validate import GOLD, check_document

EXPORT_FORMAT = "JSONL"
# An example whose push did not finish carries this in its metadata until it does.
PENDING = "bench_push_incomplete"
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 60.0  # DOCCANO_TIMEOUT overrides it
EXPORT_TIMEOUT = 600.0  # how long the task worker may take to build an export
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


def timeout_seconds(environ: Mapping[str, str] = os.environ) -> float:
    raw = environ.get("DOCCANO_TIMEOUT")
    if raw is None:
        return READ_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 < value <= 3600:
        raise DoccanoError(f"DOCCANO_TIMEOUT={raw!r} must be a number of seconds from 0 to 3600")
    return value


def check_url(url: str) -> str:
    """``url`` without a trailing slash, or a DoccanoError saying what a doccano URL looks like."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a port that is not a number from 0 to 65535
    except ValueError as err:
        raise DoccanoError(f"DOCCANO_URL {url!r} is not a usable URL ({err})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname or port == 0:
        raise DoccanoError(
            f"DOCCANO_URL {url!r} is not an http(s) URL of a doccano server (for example http://127.0.0.1:8000)"
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise DoccanoError(f"DOCCANO_URL {url!r} must not carry a query, fragment or credentials")
    return url.rstrip("/")


@dataclass(frozen=True)
class Credentials:
    url: str
    username: str
    password: str = field(repr=False)  # never printed, logged or written
    timeout: float = READ_TIMEOUT

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Credentials:
        url = environ.get("DOCCANO_URL", "")
        username = environ.get("DOCCANO_USERNAME", "")
        password = environ.get("DOCCANO_PASSWORD")
        if not url or not username:
            raise DoccanoError("set DOCCANO_URL and DOCCANO_USERNAME (and DOCCANO_PASSWORD, or answer the prompt)")
        url = check_url(url)
        timeout = timeout_seconds(environ)
        if password is None:
            if not sys.stdin.isatty():
                raise DoccanoError("set DOCCANO_PASSWORD (no terminal to prompt on)")
            password = getpass.getpass(f"doccano password for {username} at {url}: ")
        return cls(url, username, password, timeout)


@contextlib.contextmanager
def talking_to(url: str, timeout: float = READ_TIMEOUT) -> Iterator[None]:
    """Turn what can go wrong on the wire into one-line DoccanoErrors naming the server."""
    import requests
    from doccano_client.exceptions import DoccanoAPIError

    try:
        yield
    except DoccanoAPIError as err:
        response = err.response
        status = response.status_code if response is not None else "?"
        where = response.request.method + " " + urlsplit(response.url).path if response is not None else "a request"
        detail = " ".join(str(err).split())[:300]
        raise DoccanoError(f"doccano at {url} refused {where} (HTTP {status}): {detail}") from None
    except requests.exceptions.ConnectTimeout:
        raise DoccanoError(f"doccano at {url} did not accept a connection within {CONNECT_TIMEOUT:.0f} s") from None
    except requests.exceptions.ReadTimeout:
        raise DoccanoError(
            f"doccano at {url} accepted the connection but did not answer within {timeout:g} s: "
            "is something else listening there, or is the server stuck? (DOCCANO_TIMEOUT sets the limit)"
        ) from None
    except requests.exceptions.ConnectionError:
        raise DoccanoError(
            f"cannot reach doccano at {url}: is the server running? (start one with `bench doccano serve`)"
        ) from None
    except requests.exceptions.RequestException as err:
        raise DoccanoError(f"talking to doccano at {url} failed: {' '.join(str(err).split())[:300]}") from None
    except ValueError as err:  # a reply that is not the JSON doccano sends: not a doccano server
        if type(err).__name__ in ("JSONDecodeError", "ValidationError"):
            raise DoccanoError(f"{url} answered, but not as doccano 1.8 does: is it a doccano server?") from None
        raise


def _with_timeouts(client: DoccanoClient, timeout: float) -> None:
    from requests.adapters import HTTPAdapter

    class TimeoutAdapter(HTTPAdapter):
        def send(self, request, **kwargs):  # type: ignore[override]
            if kwargs.get("timeout") is None:
                kwargs["timeout"] = (CONNECT_TIMEOUT, timeout)
            return super().send(request, **kwargs)

    # doccano-client passes no timeout to requests (which then waits for ever); its session is
    # private, but mounting an adapter is the one place every request goes through.
    session = client._base_repository._session
    for prefix in ("http://", "https://"):
        session.mount(prefix, TimeoutAdapter())


def connect(creds: Credentials) -> DoccanoClient:
    """A logged-in doccano client, or a one-line DoccanoError saying what to do."""
    from doccano_client import DoccanoClient
    from doccano_client.exceptions import DoccanoAPIError

    client = DoccanoClient(creds.url)
    _with_timeouts(client, creds.timeout)
    with talking_to(creds.url, creds.timeout):
        try:
            client.login(creds.username, creds.password)
        except DoccanoAPIError as err:
            status = err.response.status_code if err.response is not None else "?"
            if status in (400, 401, 403):
                raise DoccanoError(
                    f"login to {creds.url} as {creds.username!r} failed (HTTP {status}): "
                    "check DOCCANO_USERNAME and DOCCANO_PASSWORD"
                ) from None
            raise DoccanoError(f"{creds.url} answered the login with HTTP {status}: is it a doccano server?") from None
    return client


def find_project(client: DoccanoClient, name: str) -> Project | None:
    for project in client.list_projects():
        if project.name == name:
            return project
    return None


def require_project(client: DoccanoClient, name: str) -> Project:
    project = find_project(client, name)
    if project is None:
        raise DoccanoError(f"no doccano project named {name!r} (create it with `bench doccano push --project {name}`)")
    return project


def ensure_project(
    client: DoccanoClient, name: str, collaborative: bool = False, guideline: str | None = None
) -> Project:
    project = find_project(client, name)
    if project is None:
        project = client.create_project(
            name=name,
            project_type="SequenceLabeling",
            use_relation=True,
            allow_overlapping=False,
            grapheme_mode=False,
            collaborative_annotation=collaborative,
            description="Conflict-news extraction benchmark: entities, figures, relations (see gold/GUIDELINES.md).",
            guideline=guideline or "See gold/GUIDELINES.md.",
        )
    elif guideline is not None and project.guideline != guideline.strip():  # doccano strips text fields
        project = client.update_project(project.id, guideline=guideline)
    if project.grapheme_mode:
        raise DoccanoError(
            f"project {name!r} is in grapheme mode; bench converts UTF-16 offsets only. Use a new project."
        )
    if not project.use_relation:
        raise DoccanoError(f"project {name!r} does not have relations enabled; enable them in its settings")
    return project


def ensure_label_types(client, project_id: int) -> tuple[dict[str, int], dict[str, int]]:
    """Span and relation label types of the schema (and SAME_AS), created where missing; name -> id maps."""
    ids: dict[str, dict[str, int]] = {}
    wanted = {"span": span_labels(), "relation": relation_labels()}
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


@dataclass(frozen=True)
class ExamplePlan:
    """What one example will hold in doccano, checked before anything is created."""

    doc: Document
    annotation: Annotation | None
    spans: tuple[tuple[str, int, int, str], ...] = ()  # (entity id, start, end, label), UTF-16 into the example
    relations: tuple[tuple[str, str, str], ...] = ()  # (head id, tail id, type), SAME_AS included


def plan_example(doc: Document, ann: Annotation | None) -> tuple[ExamplePlan, list[str]]:
    """The spans and relations an annotation becomes in doccano, and every reason it cannot."""
    if ann is None:
        return ExamplePlan(doc, None), []
    problems = []
    offsets = Offsets.for_example(doc.text)
    stripped_end = offsets.lead + len(doc.text.strip())
    ids = [e.id for e in ann.entities]
    if len(set(ids)) != len(ids):
        problems.append(f"{doc.doc_id}: entity ids repeat")
    spans = []
    for e in ann.entities:
        if not (0 <= e.start < e.end <= len(doc.text)):
            problems.append(f"{doc.doc_id}: entity {e.id} [{e.start}, {e.end}) lies outside the article body")
            continue
        if e.start < offsets.lead or e.end > stripped_end:
            problems.append(
                f"{doc.doc_id}: entity {e.id} [{e.start}, {e.end}) covers the white space doccano strips from the text"
            )
            continue
        spans.append((e.id, offsets.to_utf16(e.start), offsets.to_utf16(e.end), span_label_of(e)))
    # The project refuses overlapping spans: say so now, not after half the example exists.
    ordered = sorted((start, end, eid) for eid, start, end, _ in spans)
    by_id = {e.id: e for e in ann.entities}
    for (_s1, e1, a), (s2, _e2, b) in itertools.pairwise(ordered):
        if s2 < e1:
            problems.append(
                f"{doc.doc_id}: entities {a} {by_id[a].text!r} [{by_id[a].start}, {by_id[a].end}) and "
                f"{b} {by_id[b].text!r} [{by_id[b].start}, {by_id[b].end}) overlap; doccano projects here "
                "refuse overlapping spans"
            )
    relations = []
    for r in ann.relations:
        if r.head not in by_id or r.tail not in by_id:
            problems.append(f"{doc.doc_id}: relation {r.id} joins an entity that does not exist")
        elif r.type not in RELATION_TYPES:
            problems.append(f"{doc.doc_id}: relation {r.id} has type {r.type!r}, not in the schema")
        else:
            relations.append((r.head, r.tail, r.type))
    at = {(e.start, e.end): e.id for e in ann.entities}
    for earlier, later in same_as_links([((e.start, e.end), e.ref) for e in ann.entities]):
        relations.append((at[earlier], at[later], SAME_AS))
    return ExamplePlan(doc, ann, tuple(spans), tuple(relations)), problems


@dataclass
class PushReport:
    created: list[str] = field(default_factory=list)
    annotated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    completed: list[str] = field(default_factory=list)  # pushes an earlier run left unfinished
    confirmed: list[str] = field(default_factory=list)


def push(
    client,
    project_name: str,
    docs: Iterable[Document],
    annotations: Mapping[str, Annotation] | None,
    keep_ids: bool = True,
    confirm: bool = False,
    collaborative: bool = False,
    guideline: str | None = None,
) -> PushReport:
    """Create the project and schema labels if needed; add missing examples and their annotations.

    Every annotation is checked before anything is created, so a bad one leaves doccano untouched.
    Pushing again adds nothing twice: an example is found by its ``doc_id``, a label by its name,
    and annotations are only added to an example that has none from this user yet. An example
    whose push was interrupted carries ``PENDING`` in its metadata until the push finishes; the
    next push removes what this user had added to it and adds it all again. ``confirm`` marks each
    annotated example done for the pushing user (gold loaded for review is reviewed work).
    """
    plans, problems = [], []
    for doc in docs:
        plan, found = plan_example(doc, annotations.get(doc.doc_id) if annotations is not None else None)
        plans.append(plan)
        problems += found
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise DoccanoError(f"{shown}; nothing was pushed")
    project = ensure_project(client, project_name, collaborative=collaborative, guideline=guideline)
    span_ids, relation_ids = ensure_label_types(client, project.id)
    existing = {ex.meta.get("doc_id"): ex for ex in client.list_examples(project.id)}
    report = PushReport()
    for plan in plans:
        doc, ann = plan.doc, plan.annotation
        example = existing.get(doc.doc_id)
        pending = {**example_meta(doc, ann, keep_ids), PENDING: True}
        if example is None:
            meta = pending if ann is not None else example_meta(doc, None)
            example = client.create_example(project.id, doc.text, meta=meta)
            report.created.append(doc.doc_id)
            if ann is None:
                continue
        elif example.meta.get("text_sha256") != doc.sha256:
            raise DoccanoError(f"{doc.doc_id}: the article differs from the text already in project {project_name!r}")
        elif ann is None:
            report.skipped.append(doc.doc_id)
            continue
        elif example.meta.get(PENDING):
            client.delete_all_spans(project.id, example.id)  # their relations go with them
            report.completed.append(doc.doc_id)
        elif client.list_spans(project.id, example.id):
            report.skipped.append(doc.doc_id)
            continue
        else:
            client.update_example(project.id, example.id, meta=pending)
        made = {}
        for eid, start, end, label in plan.spans:
            made[eid] = client.create_span(project.id, example.id, start, end, span_ids[label]).id
        for head, tail, rtype in plan.relations:
            client.create_relation(project.id, example.id, made[head], made[tail], relation_ids[rtype])
        client.update_example(project.id, example.id, meta=example_meta(doc, ann, keep_ids))
        report.annotated.append(doc.doc_id)
        if confirm and not example.is_confirmed:
            client.update_example_state(project.id, example.id)  # doccano toggles: only when not done
            report.confirmed.append(doc.doc_id)
    return report


def download_export(client, project_id: int, confirmed_only: bool, directory: str) -> str:
    """Ask the task worker for a JSONL export and download it; a stuck worker is an error, not a hang."""
    from doccano_client.repositories.data_download import DataDownloadRepository
    from doccano_client.repositories.task_status import TaskStatusRepository

    # doccano-client's own download waits up to an hour on a task worker that is not running.
    base = client._base_repository
    exports, tasks = DataDownloadRepository(base), TaskStatusRepository(base)
    option = exports.find_option_by_name(project_id, EXPORT_FORMAT)
    task_id = exports.schedule_download(project_id, option, confirmed_only)
    deadline = time.monotonic() + EXPORT_TIMEOUT
    while True:
        status = tasks.get(task_id)
        if status.ready:
            break
        if time.monotonic() > deadline:
            raise DoccanoError(
                f"doccano's task worker did not finish an export within {EXPORT_TIMEOUT:.0f} s: is celery running?"
            )
        time.sleep(0.3)
    if status.error:
        raise DoccanoError(f"doccano's export failed: {' '.join(str(status.error).split())[:300]}")
    return str(exports.download(project_id, task_id, dir_name=directory))


def _read_zip_member(path: str, project_name: str, annotator: str) -> list[dict] | None:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        if "all.jsonl" in names:  # a collaborative project: one shared set of annotations
            wanted = "all.jsonl"
        elif f"{annotator}.jsonl" in names:
            wanted = f"{annotator}.jsonl"
        else:
            return None
        text = io.TextIOWrapper(zf.open(wanted), encoding="utf-8").read()
    try:
        return [parse_json(line) for _, line in records(text)]
    except JSONProblem as err:
        raise DoccanoError(f"doccano's export of {project_name!r} is not readable: {err}") from None


def members_of(client, project_id: int) -> list[str]:
    return sorted(m.username for m in client.list_members(project_id))


@dataclass
class Export:
    """One annotator's records of a project: those marked done, and those not."""

    confirmed: list[dict]
    unconfirmed: list[dict]


def export_annotator(client, project_name: str, annotator: str) -> Export:
    """The annotator's records from doccano's JSONL export, split by doccano's confirmed state.

    In a collaborative project the annotations are shared and an example counts as done when any
    member marked it done (doccano keeps no per-user state there that an export can show).
    """
    project = require_project(client, project_name)
    with tempfile.TemporaryDirectory() as tmp:
        everything = _read_zip_member(download_export(client, project.id, False, tmp), project_name, annotator)
        if everything is None:
            people = ", ".join(members_of(client, project.id))
            raise DoccanoError(
                f"{annotator!r} is not a member of project {project_name!r} (members: {people or 'none'})"
            )
        done = _read_zip_member(download_export(client, project.id, True, tmp), project_name, annotator) or []
    done_ids = {r.get("id") for r in done}
    return Export(
        [r for r in everything if r.get("id") in done_ids], [r for r in everything if r.get("id") not in done_ids]
    )


def export_records(client, project_name: str, annotator: str) -> list[dict]:
    """Every record of the annotator, confirmed or not."""
    export = export_annotator(client, project_name, annotator)
    return sorted(export.confirmed + export.unconfirmed, key=lambda r: r.get("id", 0))


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


@dataclass
class Pulled:
    """What a pull found: annotations to write, examples left out and why, and problems."""

    annotations: dict[str, Annotation]
    skipped: dict[str, str]
    problems: list[str]


def pull(
    client,
    project_name: str,
    annotator: str,
    docs: Sequence[Document],
    doc_ids: Sequence[str] = (),
    include_unconfirmed: bool = False,
) -> Pulled:
    """The annotator's confirmed examples (or all, with ``include_unconfirmed``) as gold annotations."""
    export = export_annotator(client, project_name, annotator)
    wanted = set(doc_ids)
    in_project = {r.get("doc_id") for r in export.confirmed + export.unconfirmed}
    missing = sorted(wanted - in_project)
    if missing:
        raise DoccanoError(f"project {project_name!r} has no example for doc_id {', '.join(missing)}")
    confirmed_ids = {r.get("id") for r in export.confirmed}
    chosen, skipped = [], {}
    for r in sorted(export.confirmed + export.unconfirmed, key=lambda r: r.get("id", 0)):
        doc_id = str(r.get("doc_id"))
        if wanted and doc_id not in wanted:
            continue
        if r.get(PENDING):
            skipped[doc_id] = "its push did not finish (push again to complete it)"
        elif r.get("id") in confirmed_ids or include_unconfirmed:
            chosen.append(r)
        elif r.get("entities"):
            skipped[doc_id] = f"not marked done by {annotator} ({len(r['entities'])} span(s) not reviewed)"
        else:
            skipped[doc_id] = f"not marked done by {annotator} (not annotated)"
    annotations, problems = pull_annotations(chosen, docs)
    return Pulled(annotations, skipped, problems)


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
