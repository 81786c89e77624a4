"""The annotation format shared by gold files and predictions, and its stable, reviewable serialisation.

A document's annotation is plain data: entity mentions (with figure attributes on FIGURE mentions),
relations between mention ids, and the body hash that ties it to one version of the article.
Offsets are Python ``str`` indices into the article body, end exclusive.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.core.schema import FIGURE, SECTIONS

_ALL_SECTIONS = frozenset(SECTIONS)
ENTITY_KEYS = (
    "id",
    "label",
    "start",
    "end",
    "text",
    "ref",
    "value",
    "qualifier",
    "category",
    "score",
    "rule",
    "occurrence",
    "context",
)
RELATION_KEYS = ("id", "head", "tail", "type", "score", "rule")
DOCUMENT_KEYS = ("doc_id", "date", "text_sha256", "sections", "entities", "relations", "meta")
# Keys only predictions may carry: a confidence and the rule that made it per item, free metadata per document,
# and, on an entity given by its text alone (no start/end, as an LLM answers), which occurrence it means.
PREDICTION_ONLY = {"score", "rule", "meta", "occurrence", "context"}
TEXT_ONLY_KEYS = ("occurrence", "context")


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    label: str
    start: int
    end: int
    text: str = ""
    ref: str | None = None
    value: float | None = None
    qualifier: str | None = None
    category: str | None = None
    score: float | None = None  # a system's confidence, 0-1; never in gold
    rule: str | None = None  # the pattern or finder that predicted it; never in gold

    @property
    def is_figure(self) -> bool:
        return self.label == FIGURE

    def to_dict(self) -> dict[str, Any]:
        out = {"id": self.id, "label": self.label, "start": self.start, "end": self.end, "text": self.text}
        for key in ("ref", "value", "qualifier", "category", "score", "rule"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


@dataclass(frozen=True, slots=True)
class Relation:
    id: str
    head: str
    tail: str
    type: str
    score: float | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "head": self.head, "tail": self.tail, "type": self.type}
        if self.score is not None:
            out["score"] = self.score
        if self.rule is not None:
            out["rule"] = self.rule
        return out


@dataclass(frozen=True, slots=True)
class Annotation:
    doc_id: str
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()
    date: str | None = None
    text_sha256: str | None = None
    # Which sections the producer predicts; a section it does not predict is reported as absent.
    sections: frozenset[str] = field(default_factory=lambda: frozenset(SECTIONS))
    # Predicted entities given by text that is nowhere in the article: they have no span, so only the
    # document-level entity section counts them (as predictions gold cannot confirm). Never in gold.
    unlocated: tuple[Entity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"doc_id": self.doc_id}
        if self.date is not None:
            out["date"] = self.date
        if self.text_sha256 is not None:
            out["text_sha256"] = self.text_sha256
        if self.sections != frozenset(SECTIONS):
            out["sections"] = [s for s in SECTIONS if s in self.sections]
        out["entities"] = [e.to_dict() for e in self.entities]
        out["entities"] += [{k: v for k, v in e.to_dict().items() if k not in ("start", "end")} for e in self.unlocated]
        out["relations"] = [r.to_dict() for r in self.relations]
        return out


def normalise_number(value: Any) -> float | int:
    """JSON numbers as ints where they are whole, so 52 and 52.0 serialise alike."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _name(value: Any) -> Any:
    # Labels, categories, ids and names repeat across thousands of mentions: one string object each
    # keeps a 10,000-document run's memory down (JSON parsing makes a new object every time).
    return sys.intern(value) if isinstance(value, str) else value


def entity_from_dict(raw: dict[str, Any], position: int = 0) -> Entity:
    value = raw.get("value")
    # A prediction's id is optional when no relation refers to it; such entities get a unique one.
    eid = str(raw["id"]) if "id" in raw else f"_E{position}"
    return Entity(
        id=_name(eid),
        label=_name(raw["label"]),
        start=raw.get("start", -1),
        end=raw.get("end", -1),
        text=_name(raw.get("text", "")),
        ref=_name(raw.get("ref")),
        value=None if value is None else normalise_number(value),
        qualifier=_name(raw.get("qualifier")),
        category=_name(raw.get("category")),
        score=raw.get("score"),
        rule=_name(raw.get("rule")),
    )


def annotation_from_dict(raw: dict[str, Any]) -> Annotation:
    """Build an annotation from an already validated dict (see ``bench.formats.validate``).

    Entities given by text alone must have been located first (:func:`locate_entities`); those
    still without a span are the ones the article does not contain, kept as ``unlocated``.
    """
    sections = raw.get("sections")
    entities = [entity_from_dict(e, i) for i, e in enumerate(raw.get("entities", []), start=1)]
    return Annotation(
        doc_id=raw["doc_id"],
        entities=tuple(e for e in entities if e.start >= 0),
        unlocated=tuple(e for e in entities if e.start < 0),
        relations=tuple(
            Relation(
                _name(str(r["id"]) if "id" in r else f"_R{i}"),
                _name(str(r["head"])),
                _name(str(r["tail"])),
                _name(r["type"]),
                r.get("score"),
                _name(r.get("rule")),
            )
            for i, r in enumerate(raw.get("relations", []), start=1)
        ),
        date=raw.get("date"),
        text_sha256=raw.get("text_sha256"),
        sections=_ALL_SECTIONS if sections is None else frozenset(sections),
    )


def _sort_key(item_id: str) -> tuple:
    # "T2" before "T10": ids compare by their numeric parts so diffs stay in reading order.
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", item_id))


def dumps_gold(annotation: Annotation) -> str:
    """One JSON object a document, stable key order, one entity or relation a line, for readable diffs."""
    data = annotation.to_dict()
    lines = ["{"]
    for key in ("doc_id", "date", "text_sha256", "sections"):
        if key in data:
            lines.append(f"  {json.dumps(key)}: {json.dumps(data[key], ensure_ascii=False)},")
    entities = sorted(data["entities"], key=lambda e: (e["start"], e["end"], e["label"], _sort_key(e["id"])))
    relations = sorted(data["relations"], key=lambda r: _sort_key(r["id"]))
    for key, items, last in (("entities", entities, False), ("relations", relations, True)):
        lines.append(f"  {json.dumps(key)}: [")
        for i, item in enumerate(items):
            comma = "," if i < len(items) - 1 else ""
            lines.append("    " + json.dumps(item, ensure_ascii=False) + comma)
        lines.append("  ]" + ("" if last else ","))
    lines.append("}")
    return "\n".join(lines) + "\n"


def dumps_line(annotation: Annotation) -> str:
    return json.dumps(annotation.to_dict(), ensure_ascii=False, separators=(",", ":"))


class WriteError(Exception):
    """An output path that cannot be written safely; the message names the path and why."""


TMP_SUFFIX = ".bench-tmp"
# A temporary file older than this was left by a killed write, not by a writer still running.
STALE_SECONDS = 3600


def _write_target(path: Path) -> Path:
    """The regular file a write to ``path`` should replace: a symlink is followed to its target."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if target.is_dir():
        raise WriteError(f"{path}: is a directory, not a file to write")
    if target.exists() and not target.is_file():
        raise WriteError(f"{path}: is not a regular file (a FIFO, socket or device); refusing to replace it")
    for parent in target.parents:
        if parent.exists():
            if not parent.is_dir():
                raise WriteError(f"{path}: {parent} is a file, not a directory")
            break
    return target


def _remove_stale_temporaries(target: Path) -> None:
    import time

    cutoff = time.time() - STALE_SECONDS
    for stale in target.parent.glob(f".{target.name}.*{TMP_SUFFIX}"):
        try:
            if stale.is_file() and stale.stat().st_mtime < cutoff:
                stale.unlink()
        except OSError:
            pass  # another process's file, or already gone: not ours to insist on


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write ``content`` to ``path`` so that readers see the old file or the new one, never half of it.

    A symlink is written through (its target is replaced, the link stays); FIFOs, sockets and
    devices are refused; the target keeps its mode. A temporary file left by a killed write is
    named ``.NAME.*.bench-tmp`` and removed by the next write to the same path.
    """
    path = Path(path)
    target = _write_target(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temporaries(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=TMP_SUFFIX, dir=target.parent)
    except OSError as err:
        raise WriteError(f"{path}: cannot write in {target.parent}: {err.strerror or err}") from None
    # mkstemp creates 0600; give the file what a plain open() would (or what it had before).
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, (target.stat().st_mode & 0o7777) if target.exists() else (0o666 & ~umask))
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as err:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise WriteError(f"{path}: cannot write: {err.strerror or err}") from None
        raise


def write_jsonl(path: Path, annotations: Iterable[Annotation]) -> None:
    atomic_write(path, "".join(dumps_line(a) + "\n" for a in annotations))


def _surface_pattern(surface: str, whole_words: bool) -> re.Pattern[str]:
    # An LLM copies a line break as a space: any run of whitespace matches any other.
    pattern = r"\s+".join(re.escape(part) for part in surface.split())
    if whole_words:
        # A mention starts and ends at word edges, so "Ali" is never found inside "Alicia".
        if surface.strip()[0].isalnum():
            pattern = r"(?<!\w)" + pattern
        if surface.strip()[-1].isalnum():
            pattern += r"(?!\w)"
    return re.compile(pattern)


def find_occurrences(body: str, surface: str, whole_words: bool = True) -> list[tuple[int, int]]:
    """Every (start, end) where ``surface`` occurs in ``body``, whitespace runs matching any whitespace."""
    if not surface.strip():
        return []
    return [m.span() for m in _surface_pattern(surface, whole_words).finditer(body)]


def locate_mention(
    body: str, surface: str, occurrence: int | None = None, context: str | None = None
) -> list[tuple[int, int]]:
    """The spans an entity given by its text alone stands for.

    Without ``occurrence`` or ``context``: every occurrence of the text. With ``occurrence`` (0-based):
    that one. With ``context``: the first occurrence of the text inside the first place the context
    string appears. An empty list means the article does not contain it.
    """
    spans = find_occurrences(body, surface)
    if context is not None:
        places = find_occurrences(body, context, whole_words=False)
        if not places:
            return []
        lo, hi = places[0]
        return [s for s in spans if lo <= s[0] and s[1] <= hi][:1]
    if occurrence is not None:
        return [spans[occurrence]] if 0 <= occurrence < len(spans) else []
    return spans
