"""Writing pulled annotations into a gold directory: every target checked first, then all or nothing.

An existing gold file may be anything: identical, different, or broken (not UTF-8, not JSON, not
a valid gold document). Each is read and classified before anything is written, so a broken file
is reported (and, with ``--force``, replaced) instead of stopping a pull halfway through.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from bench.core.annotation import Annotation, WriteError, annotation_from_dict, dumps_gold
from bench.formats.corpus import Document
from bench.formats.jsonfile import JSONProblem, parse_json
from bench.formats.validate import GOLD, check_document

NEW, UNCHANGED, DIFFERS, BROKEN = "new", "unchanged", "differs", "broken"


@dataclass
class Target:
    path: Path
    text: str  # what the file would hold
    state: str  # NEW, UNCHANGED, DIFFERS or BROKEN
    changes: list[str] = field(default_factory=list)  # what writing would change, or why the file is broken


def _existing(path: Path, article: Document) -> tuple[Annotation | None, str | None]:
    """The annotation in an existing gold file, or None and why it cannot be read."""
    try:
        raw_bytes = path.read_bytes()
    except OSError as err:
        return None, f"cannot be read: {err.strerror or err}"
    try:
        text = raw_bytes.decode("utf-8")
    except UnicodeDecodeError as err:
        return None, f"is not valid UTF-8 (byte {err.start})"
    try:
        raw = parse_json(text)
    except JSONProblem as err:
        return None, f"is not readable JSON ({err.located()})"
    problems = check_document(raw, article, GOLD)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        return None, f"is not a valid gold file: {problems[0]}{more}"
    return annotation_from_dict(raw), None


def _fresh(prefix: str, taken: set[str]) -> str:
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    taken.add(f"{prefix}{n}")
    return f"{prefix}{n}"


def carry_ids(old: Annotation, new: Annotation) -> Annotation:
    """``new`` with the ids ``old`` gave the same items, so a diff shows only what changed.

    A mention keeps its old id when offsets, label and category are the same; a relation when it
    joins the same two mentions with the same type. Everything else keeps its own id unless that
    id is taken, and then gets the next free one.
    """
    key = lambda e: (e.start, e.end, e.label, e.category)
    old_ids = {key(e): e.id for e in old.entities}
    mapped = {e.id: old_ids[key(e)] for e in new.entities if key(e) in old_ids}
    taken = set(mapped.values()) | {e.id for e in old.entities}
    for e in new.entities:
        if e.id not in mapped:
            mapped[e.id] = e.id if e.id not in taken else _fresh("T", taken)
            taken.add(mapped[e.id])
    entities = tuple(replace(e, id=mapped[e.id]) for e in new.entities)
    by_id = {e.id: key(e) for e in old.entities}
    old_rel = {
        (by_id[r.head], by_id[r.tail], r.type): r.id for r in old.relations if r.head in by_id and r.tail in by_id
    }
    new_key = {e.id: key(e) for e in new.entities}
    rel_taken = {r.id for r in old.relations}
    relations = []
    for r in new.relations:
        fact = (new_key[r.head], new_key[r.tail], r.type)
        rid = old_rel.get(fact)
        if rid is None:
            rid = r.id if r.id not in rel_taken else _fresh("R", rel_taken)
        rel_taken.add(rid)
        relations.append(replace(r, id=rid, head=mapped[r.head], tail=mapped[r.tail]))
    return replace(new, entities=entities, relations=tuple(relations))


def plan_targets(directory: Path, annotations: Mapping[str, Annotation], docs: Sequence[Document]) -> list[Target]:
    """One target per annotation, in doc_id order, classified against what the directory holds."""
    from bench.annotate.doccano_client import describe_changes

    by_id = {d.doc_id: d for d in docs}
    out = []
    for doc_id in sorted(annotations):
        path = Path(directory) / f"{doc_id}.json"
        new_text = dumps_gold(annotations[doc_id])
        if path.is_dir():
            raise WriteError(f"{path}: is a directory, not a gold file")
        if not path.exists():
            out.append(Target(path, new_text, NEW))
            continue
        if not path.is_file():
            raise WriteError(f"{path}: is not a regular file; refusing to replace it")
        old, why = _existing(path, by_id[doc_id])
        if old is None:
            out.append(Target(path, new_text, BROKEN, [f"(the existing file {why})"]))
            continue
        pulled = carry_ids(old, annotations[doc_id])
        new_text = dumps_gold(pulled)
        if path.read_bytes() == new_text.encode("utf-8"):
            out.append(Target(path, new_text, UNCHANGED))
        else:
            out.append(Target(path, new_text, DIFFERS, describe_changes(old, pulled)))
    return out


def write_together(targets: Sequence[Target]) -> None:
    """Write every target or none: all temporary files are written first, then each renamed into place."""
    staged: list[tuple[str, Path]] = []
    umask = os.umask(0)
    os.umask(umask)
    try:
        for target in targets:
            path = Path(os.path.realpath(target.path)) if target.path.is_symlink() else target.path
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".bench-tmp", dir=path.parent)
                staged.append((tmp, path))
                os.chmod(tmp, (path.stat().st_mode & 0o7777) if path.exists() else (0o666 & ~umask))
                with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                    handle.write(target.text)
                    handle.flush()
                    os.fsync(handle.fileno())
            except OSError as err:
                raise WriteError(f"{target.path}: cannot write: {err.strerror or err}; nothing was written") from None
    except BaseException:
        for tmp, _ in staged:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)
