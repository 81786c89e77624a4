"""A cache of system predictions, keyed by everything the predictions can depend on.

Re-scoring a system whose code, data, installed packages, articles and gold have not changed
reads its predictions back instead of running it. The key is a SHA-256 over:

* the system's name and the class or factory it names;
* every file in the directories of the project modules loaded when the system is built (its own
  package with its data files, ``bench`` itself, and anything else it imports from outside
  site-packages and the standard library), so a changed rule, pattern file or helper invalidates;
* the name and version of every installed distribution (a new model or library invalidates);
* each article's id and body hash, and the gold's hash (the ``gold`` baseline reads gold).

Entries live in ``$BENCH_CACHE`` (default ``~/.cache/bench``), one JSONL file per key, written
atomically; ``--no-cache`` skips both reading and writing.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import sysconfig
from collections.abc import Iterable, Mapping
from importlib.metadata import distributions
from pathlib import Path

from bench.core.annotation import Annotation, annotation_from_dict, atomic_write, dumps_line
from bench.formats.corpus import Document
from bench.formats.jsonfile import JSONProblem, parse_json, records

_SKIP_SUFFIXES = {".pyc", ".pyo"}


def cache_dir() -> Path:
    return Path(os.environ.get("BENCH_CACHE") or Path.home() / ".cache" / "bench")


def _outside_project() -> list[Path]:
    paths = {sysconfig.get_paths()[k] for k in ("stdlib", "platstdlib", "purelib", "platlib")}
    return [Path(p).resolve() for p in paths] + [Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()]


def project_directories() -> list[Path]:
    """Directories of the loaded modules that belong to projects, not to Python or installed packages."""
    outside = _outside_project()
    dirs = set()
    for module in list(sys.modules.values()):
        file = getattr(module, "__file__", None)
        if not file:
            continue
        path = Path(file).resolve()
        if any(path.is_relative_to(o) for o in outside):
            continue
        dirs.add(path.parent)
    # A package's subdirectories (data files) are covered by walking each directory recursively;
    # keep only the topmost of nested directories so no file is read twice.
    top = sorted(dirs, key=lambda p: len(p.parts))
    return [d for i, d in enumerate(top) if not any(d.is_relative_to(t) for t in top[:i])]


def _files(directory: Path) -> Iterable[Path]:
    for root, subdirs, names in os.walk(directory):
        subdirs[:] = sorted(s for s in subdirs if not s.startswith((".", "__pycache__")))
        for name in sorted(names):
            path = Path(root) / name
            if path.suffix not in _SKIP_SUFFIXES and not name.startswith("."):
                yield path


def fingerprint(name: str, target: str, docs: Iterable[Document], gold_sha256: str) -> str:
    digest = hashlib.sha256()
    for part in (name, target, gold_sha256):
        digest.update(part.encode() + b"\0")
    for directory in project_directories():
        for path in _files(directory):
            digest.update(str(path.relative_to(directory)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    for dist in sorted(f"{d.metadata['Name']}=={d.version}" for d in distributions()):
        digest.update(dist.encode() + b"\0")
    for doc in docs:
        digest.update(f"{doc.doc_id}:{doc.sha256}".encode() + b"\0")
    return digest.hexdigest()


def _entry(name: str, key: str) -> Path:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in name)[:60]
    return cache_dir() / f"{safe}-{key[:32]}.jsonl"


def load(name: str, key: str, docs: Iterable[Document]) -> dict[str, Annotation] | None:
    """The cached predictions for this key, or None (absent, unreadable, or not for these documents)."""
    path = _entry(name, key)
    try:
        text = path.read_text(encoding="utf-8")
        preds = {a.doc_id: a for a in (annotation_from_dict(parse_json(line)) for _, line in records(text))}
    except (OSError, UnicodeDecodeError, JSONProblem, KeyError, TypeError, AttributeError):
        return None
    return preds if [d.doc_id for d in docs] == list(preds) else None


def store(name: str, key: str, preds: Mapping[str, Annotation], docs: Iterable[Document]) -> None:
    # A cache that cannot be written only costs speed.
    with contextlib.suppress(Exception):
        atomic_write(_entry(name, key), "".join(dumps_line(preds[d.doc_id]) + "\n" for d in docs))
