"""Interchange formats found by name: what ``bench convert`` and ``--format-in`` read and write.

Like spaCy's registries, a format is looked up by its name and its module is imported only then
(the DocBin format needs spaCy; no other does), so the command line never imports a concrete
format. Another package can add one through the entry point group ``bench.formats``
(``name = "module:FORMAT"``).

A format is a ``Format``: a reader ``read(path, docs) -> Converted`` and/or a writer
``write(annotations, docs, out, splits) -> Output``. Readers raise ``ConversionError`` naming the
file, line, document or item; every annotation they return is then checked here against its
article like a predictions line. Writers return the bytes to write (one file, or files under a
directory) and ``save`` writes them so that no partial output is ever left behind.
"""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path

from bench.core.annotation import TMP_SUFFIX, Annotation, WriteError, atomic_write
from bench.formats.corpus import Document
from bench.formats.validate import GOLD, PREDICTION, check_document

# name -> "module:attribute"; the module is imported on first use.
BUILTIN = {
    "jsonl": "bench.formats.jsonl:FORMAT",
    "gold": "bench.formats.golddir:FORMAT",
    "conll": "bench.formats.conll:CONLL",
    "bio": "bench.formats.conll:BIO",
    "bioes": "bench.formats.conll:BIOES",
    "spacy": "bench.formats.docbin:FORMAT",
    "brat": "bench.formats.brat:FORMAT",
    "doccano": "bench.formats.doccano_export:FORMAT",
    "labelstudio": "bench.formats.labelstudio:FORMAT",
}
GROUP = "bench.formats"


class ConversionError(Exception):
    """Input that cannot be converted; ``problems`` holds one line per file, line or item."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Converted:
    """What a reader found: annotations by doc_id, and warnings about what it could not keep."""

    annotations: dict[str, Annotation]
    warnings: list[str] = field(default_factory=list)


@dataclass
class Output:
    """What a writer produced: relative path -> bytes (``""`` alone: OUT is one file), and warnings."""

    files: dict[str, bytes]
    warnings: list[str] = field(default_factory=list)


Reader = Callable[[Path, Mapping[str, Document]], Converted]
Writer = Callable[[Sequence[Annotation], Mapping[str, Document], Path, Mapping[str, str] | None], Output]


@dataclass(frozen=True)
class Format:
    name: str
    summary: str
    keeps: str
    loses: str
    read: Reader | None = None
    write: Writer | None = None


def _targets() -> dict[str, str]:
    found = dict(BUILTIN)
    for ep in entry_points(group=GROUP):
        found.setdefault(ep.name, ep.value)
    return found


def format_names() -> list[str]:
    return sorted(_targets())


def get_format(name: str) -> Format:
    targets = _targets()
    if name not in targets:
        raise ConversionError([f"unknown format {name!r} (formats: {', '.join(sorted(targets))})"])
    module, _, attr = targets[name].partition(":")
    try:
        fmt = getattr(importlib.import_module(module), attr)
    except ImportError as err:
        raise ConversionError([f"format {name!r} cannot be used here: {err} (is its extra installed?)"]) from None
    if not isinstance(fmt, Format):
        raise ConversionError([f"format {name!r}: {targets[name]} is not a bench.formats.registry.Format"])
    return fmt


def document_for(doc_id: object, text: str | None, docs: Mapping[str, Document], where: str) -> Document:
    """The article a converted document belongs to: by its doc_id, else by its exact text."""
    if isinstance(doc_id, str) and doc_id:
        if doc_id not in docs:
            raise ConversionError([f"{where}: doc_id {doc_id!r} matches no article"])
        return docs[doc_id]
    if text is not None:
        same = [d for d in docs.values() if d.text == text]
        if len(same) == 1:
            return same[0]
    raise ConversionError([f"{where}: no doc_id, and its text is not exactly one article's body"])


def read(name: str, path: Path, docs: Iterable[Document], kind: str = PREDICTION) -> Converted:
    """Read ``path`` in format ``name``; every document checked against its article (as ``kind``)."""
    fmt = get_format(name)
    if fmt.read is None:
        raise ConversionError([f"format {name!r} can be written, not read"])
    by_id = {d.doc_id: d for d in docs}
    path = Path(path)
    if not path.exists():
        raise ConversionError([f"{path}: no such file or directory"])
    converted = fmt.read(path, by_id)
    problems = []
    for doc_id, ann in converted.annotations.items():
        problems += [f"{path}: {doc_id}: {p}" for p in check_document(ann.to_dict(), by_id[doc_id], kind)]
    if problems:
        raise ConversionError(problems)
    return converted


def read_predictions(
    name: str, path: Path, docs: Sequence[Document], allow_empty: bool = False, strict: bool = False
) -> tuple[dict[str, Annotation], list[str]]:
    """``--predictions FILE --format-in NAME``: as ``validate.read_predictions`` does for JSONL."""
    converted = read(name, path, docs)
    preds = converted.annotations
    if not preds and not allow_empty:
        raise ConversionError([f"{path}: no documents (pass --allow-empty to score it as predicting nothing)"])
    absent = [d.doc_id for d in docs if d.doc_id not in preds]
    if strict and absent:
        raise ConversionError([f"{path}: document: no prediction for article {d} (--strict)" for d in absent])
    warnings = converted.warnings + [
        f"{path}: warning: no prediction for article {d}; scored as predicting nothing" for d in absent
    ]
    return preds, warnings


def write(
    name: str,
    annotations: Sequence[Annotation],
    docs: Iterable[Document],
    out: Path,
    splits: Mapping[str, str] | None = None,
) -> Output:
    fmt = get_format(name)
    if fmt.write is None:
        raise ConversionError([f"format {name!r} can be read, not written"])
    by_id = {d.doc_id: d for d in docs}
    return fmt.write(annotations, by_id, Path(out), splits)


def check_gold(annotations: Iterable[Annotation], docs: Mapping[str, Document], source: str) -> None:
    """Gold files must be complete; say what the source format did not hold."""
    problems = []
    for ann in annotations:
        found = check_document(ann.to_dict(), docs[ann.doc_id], GOLD)
        problems += [f"{ann.doc_id}: cannot be gold: {p} (not held by the {source} format)" for p in found]
    if problems:
        raise ConversionError(problems)


def save(output: Output, out: Path, force: bool = False) -> None:
    """Write one file atomically, or a whole directory by renaming a finished temporary one into place.

    An existing non-empty directory is replaced only with ``force``: it may hold someone's files.
    """
    out = Path(out)
    if list(output.files) == [""]:
        atomic_write(out, output.files[""])
        return
    if out.exists() and not out.is_dir():
        raise WriteError(f"{out}: is a file; this format writes a directory")
    if out.is_dir() and any(out.iterdir()) and not force:
        raise WriteError(f"{out}: directory exists and is not empty; pass --force to replace it")
    parent = out.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=TMP_SUFFIX, dir=parent))
    except OSError as err:
        raise WriteError(f"{out}: cannot write in {parent}: {err.strerror or err}") from None
    try:
        for rel, content in output.files.items():
            target = stage / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        os.chmod(stage, 0o777 & ~_umask())
    except OSError as err:
        shutil.rmtree(stage, ignore_errors=True)
        raise WriteError(f"{out}: cannot write: {err.strerror or err}") from None
    _swap(stage, out, parent)


def _swap(stage: Path, out: Path, parent: Path) -> None:
    """Put the finished directory in place; the old one is moved aside first and restored on failure."""
    old = None
    try:
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", suffix=TMP_SUFFIX, dir=parent))
            os.replace(out, old / "replaced")
        os.replace(stage, out)
    except OSError as err:
        if old is not None and (old / "replaced").exists() and not out.exists():
            os.replace(old / "replaced", out)
        shutil.rmtree(stage, ignore_errors=True)
        raise WriteError(f"{out}: cannot write: {err.strerror or err}") from None
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
