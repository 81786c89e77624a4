"""Several annotators in doccano 1.8.4: users, one project per annotator, progress.

doccano 1.8.4 stores every annotation under the user who made it. With collaborative annotation
off, each user sees only their own; with it on, every member sees and edits one shared set. Its
API has no way to create an annotation in another user's name. So pre-annotations pushed by one
user reach an annotator only through a collaborative project, and two annotators in one
collaborative project would edit each other's work, which destroys the independence agreement
needs. ``push --annotators alice,bob --project P`` therefore gives each annotator a project of
their own, ``P@alice`` and ``P@bob``: collaborative (so the annotator sees and edits the pushed
pre-annotations), with the annotator as its one annotator member. Wherever a command takes
``--project P`` and an annotator, it reads ``P@annotator`` when that project exists, else ``P``.

In a collaborative project doccano counts an example as done when any member marked it done;
in ``P@alice`` that is alice (the pushing user is its admin and does not mark examples).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bench.annotate.doccano_client import (
    DoccanoError,
    PushReport,
    _read_zip_member,
    download_export,
    find_project,
    push,
    require_project,
)
from bench.core.annotation import Annotation
from bench.formats.corpus import Document

SEPARATOR = "@"
ANNOTATOR_ROLE = "annotator"
# Django's default username rule, which doccano keeps.
USERNAME = re.compile(r"[\w.@+-]{1,150}")
MIN_PASSWORD = 8


def annotator_project(project: str, annotator: str) -> str:
    return f"{project}{SEPARATOR}{annotator}"


def resolve_project(client, project: str, annotator: str) -> str:
    """The project holding ``annotator``'s work: ``P@annotator`` when it exists, else ``P``."""
    own = annotator_project(project, annotator)
    return own if find_project(client, own) is not None else project


def parse_annotators(text: str) -> list[str]:
    names = [n.strip() for n in text.split(",")]
    if not all(names):
        raise DoccanoError(f"--annotators {text!r}: give user names separated by commas, without empty ones")
    bad = [n for n in names if not USERNAME.fullmatch(n)]
    if bad:
        raise DoccanoError(f"--annotators: {bad[0]!r} is not a doccano user name (letters, digits and @.+-_)")
    if len(set(names)) != len(names):
        raise DoccanoError(f"--annotators {text!r} names someone twice")
    return names


def add_user(client, name: str, password: str) -> None:
    if not USERNAME.fullmatch(name):
        raise DoccanoError(f"{name!r} is not a doccano user name: up to 150 letters, digits and @.+-_")
    if len(password) < MIN_PASSWORD:
        raise DoccanoError(f"the password must have at least {MIN_PASSWORD} characters")
    if any(u.username == name for u in client.search_users(name)):
        raise DoccanoError(f"doccano already has a user {name!r}")
    client.create_user(name, password)


def missing_users(client, names: Iterable[str]) -> list[str]:
    return [n for n in names if not any(u.username == n for u in client.search_users(n))]


def ensure_member(client, project_id: int, username: str, role: str = ANNOTATOR_ROLE) -> bool:
    """Add ``username`` to the project with ``role`` unless a member already; True when added."""
    if any(m.username == username for m in client.list_members(project_id)):
        return False
    client.add_member(project_id, username, role)
    return True


def push_for_annotators(
    client,
    project: str,
    annotators: Sequence[str],
    docs: Sequence[Document],
    annotations: Mapping[str, Annotation] | None,
    keep_ids: bool,
    guideline: str | None,
) -> dict[str, PushReport]:
    """Each annotator's own collaborative project ``P@name`` with the examples and pre-annotations."""
    missing = missing_users(client, annotators)
    if missing:
        raise DoccanoError(
            f"no doccano user {', '.join(map(repr, missing))}: add them first with `bench doccano user add NAME`"
        )
    reports = {}
    for name in annotators:
        own = annotator_project(project, name)
        reports[name] = push(client, own, docs, annotations, keep_ids=keep_ids, collaborative=True, guideline=guideline)
        ensure_member(client, require_project(client, own).id, name)
    return reports


@dataclass
class Status:
    """Per annotator: examples marked done of all; per article: who has finished it."""

    done: dict[str, list[str]] = field(default_factory=dict)  # annotator -> doc_ids marked done
    total: dict[str, int] = field(default_factory=dict)  # annotator -> examples in their project
    articles: list[str] = field(default_factory=list)

    def finished_by(self, doc_id: str) -> list[str]:
        return sorted(a for a, docs in self.done.items() if doc_id in docs)

    def to_dict(self) -> dict:
        return {
            "annotators": {a: {"done": len(self.done[a]), "total": self.total[a]} for a in sorted(self.done)},
            "articles": {d: self.finished_by(d) for d in self.articles},
        }


def _confirmed_by_member(client, project_id: int, name: str) -> dict[str, set[str]]:
    """doc_ids marked done, per member (a collaborative project's shared file under ``*``)."""
    import zipfile

    out: dict[str, set[str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = download_export(client, project_id, True, tmp)
        with zipfile.ZipFile(path) as zf:
            members = [n.removesuffix(".jsonl") for n in zf.namelist() if n.endswith(".jsonl")]
        for member in members:
            records = _read_zip_member(path, name, member) or []
            out["*" if member == "all" else member] = {str(r.get("doc_id")) for r in records}
    return out


def project_status(client, project: str) -> Status:
    """Progress of every annotator of ``P`` (its members) and of every ``P@name`` project."""
    status = Status()
    articles: set[str] = set()
    own = [p for p in client.list_projects() if p.name.startswith(project + SEPARATOR)]
    main = find_project(client, project)
    if main is None and not own:
        raise DoccanoError(f"no doccano project named {project!r} or {annotator_project(project, 'NAME')!r}")
    projects = ([main] if main is not None else []) + sorted(own, key=lambda p: p.name)
    for proj in projects:
        docs = {str(ex.meta.get("doc_id")) for ex in client.list_examples(proj.id)}
        articles |= docs
        confirmed = _confirmed_by_member(client, proj.id, proj.name)
        if main is not None and proj is main and not main.collaborative_annotation:
            annotators = {m.username: confirmed.get(m.username, set()) for m in client.list_members(proj.id)}
        else:
            name = proj.name[len(project) + 1 :] if proj is not main else "*"
            annotators = {name: confirmed.get("*", set())}
        for name, done in annotators.items():
            status.done[name] = sorted(done & docs)
            status.total[name] = len(docs)
    status.articles = sorted(articles)
    return status


@dataclass
class ReviewReport:
    push: PushReport
    notes: list[dict]
    only_one: dict[str, str]


def push_review(
    client, project: str, annotators: Sequence[str], docs: Sequence[Document], into: str, guideline: str | None
) -> ReviewReport:
    """Put two annotators' confirmed work before an adjudicator in the project ``into``.

    Each example holds the items both agree on and every candidate that fits beside them; each
    disagreement becomes a comment on the example naming who proposed it and whether it is
    pre-filled. The adjudicator corrects, marks the example done, and ``pull --project INTO``
    gives the final gold. Only articles both annotators marked done are reviewed.
    """
    from bench.annotate.adjudication import review_document
    from bench.annotate.doccano_client import pull

    if len(annotators) != 2:
        raise DoccanoError(f"adjudication takes two annotators, not {len(annotators)}")
    if into in (project, *(annotator_project(project, n) for n in annotators)):
        raise DoccanoError(f"--into {into!r} must be a new project, not one the annotators work in")
    work = {}
    for name in annotators:
        pulled = pull(client, resolve_project(client, project, name), name, docs)
        if pulled.problems:
            raise DoccanoError(f"{name}'s work cannot be read: {pulled.problems[0]}")
        work[name] = pulled.annotations
    first, second = annotators
    shared = sorted(set(work[first]) & set(work[second]))
    only_one = {d: n for n in annotators for d in work[n] if d not in shared}
    reviews, notes = {}, []
    for doc_id in shared:
        reviews[doc_id], found = review_document(work[first][doc_id], work[second][doc_id], first, second)
        notes += found
    chosen = [d for d in docs if d.doc_id in reviews]
    report = push(client, into, chosen, reviews, keep_ids=True, guideline=guideline)
    target = require_project(client, into)
    examples = {str(ex.meta.get("doc_id")): ex.id for ex in client.list_examples(target.id)}
    for note in notes:
        if note["doc_id"] in report.annotated:  # a repeated run adds no comment twice
            state = "pre-filled: delete it if wrong" if note["prefilled"] else "not pre-filled: add it if right"
            client.create_comment(
                target.id,
                examples[note["doc_id"]],
                f"{note['kind']} proposed by {note['proposed_by']} only ({state}): {note['item']}",
            )
    return ReviewReport(report, notes, only_one)
