"""The system interface and registry. Systems are found by name; this module imports none of them.

A system is registered through the ``bench.evaluation.systems`` entry-point group (a third-party package adds
one line to its own ``pyproject.toml``), or named ad hoc as ``module:attribute``. The target is a
class (or factory) that

* has ``description`` (one line) and ``sections`` (a subset of entities, figures, relations),
* may have ``requires`` (importable module names) or a ``check()`` returning why it cannot run here,
* is called with keyword configuration (``gold_dir``, ``articles_dir``; unknown keys are to be ignored)
  and returns an object whose ``predict(docs)`` yields one ``Annotation`` per document, in order.

Heavy resources belong in the constructor, so they load once per run; ``predict`` gets the whole
list so a system can batch (``nlp.pipe``).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Protocol

from tqdm import tqdm

from bench.core.annotation import Annotation
from bench.core.schema import SECTIONS
from bench.formats.corpus import Document
from bench.formats.validate import PREDICTION, check_document

ENTRY_POINT_GROUP = "bench.systems"


class System(Protocol):
    description: str
    sections: frozenset[str]

    def predict(self, docs: Sequence[Document]) -> Iterator[Annotation]: ...


class SystemFailure(Exception):
    """A system that cannot be found, cannot run here, or returns malformed output."""


class SystemCrash(Exception):
    """A system raised while being built or while predicting; the message names the system and document."""


@dataclass(frozen=True)
class SystemInfo:
    name: str
    target: str
    description: str
    sections: tuple[str, ...]
    problem: str | None  # why it cannot run here; None when it can


def _registered() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


def registered_names() -> list[str]:
    return sorted(_registered())


def is_registered(name: str) -> bool:
    return name in _registered()


def _resolve(name: str) -> tuple[Any, str]:
    eps = _registered()
    if name in eps:
        return eps[name].load(), eps[name].value
    if ":" in name:
        module, _, attr = name.partition(":")
        try:
            return getattr(importlib.import_module(module), attr), name
        except (ImportError, AttributeError) as err:
            raise SystemFailure(f"system {name!r}: cannot load {attr!r} from module {module!r}: {err}") from None
    known = ", ".join(sorted(eps)) or "none"
    raise SystemFailure(f"unknown system {name!r} (registered: {known}; or give module:attribute)")


def _problem(target: Any) -> str | None:
    check = getattr(target, "check", None)
    if callable(check):
        return check()
    missing = [m for m in getattr(target, "requires", ()) if importlib.util.find_spec(m) is None]
    return f"missing dependency: {', '.join(missing)}" if missing else None


def describe(name: str) -> SystemInfo:
    try:
        target, where = _resolve(name)
    except Exception as err:  # a broken plugin is reported in the listing, not raised
        return SystemInfo(name, "?", "", (), f"cannot load: {err}")
    sections = tuple(s for s in SECTIONS if s in getattr(target, "sections", ()))
    return SystemInfo(name, where, getattr(target, "description", ""), sections, _problem(target))


def list_systems() -> list[SystemInfo]:
    return [describe(n) for n in registered_names()]


def load_system(name: str, **config: Any) -> System:
    target, _ = _resolve(name)
    problem = _problem(target)
    if problem:
        raise SystemFailure(f"system {name!r} cannot run here: {problem}")
    if not callable(target):
        raise SystemFailure(f"system {name!r}: {type(target).__name__} object is not a class or factory")
    try:
        system = target(**config)
    except Exception as err:
        raise SystemCrash(f"system {name!r} failed to start: {type(err).__name__}: {err}") from err
    if not callable(getattr(system, "predict", None)):
        raise SystemFailure(f"system {name!r}: what it builds has no predict(docs) method")
    return system


def _predictions(name: str, system: System, docs: Sequence[Document], progress: bool = True) -> list[Annotation]:
    """Drain ``predict``; an exception names the document being predicted when it was raised."""
    produced: list[Annotation] = []
    try:
        # A progress bar for people watching a terminal; logs and pipes stay quiet.
        for ann in tqdm(
            system.predict(docs),
            total=len(docs),
            desc=name,
            unit="doc",
            file=sys.stderr,
            disable=not (progress and sys.stderr.isatty()),
            leave=False,
        ):
            produced.append(ann)
    except Exception as err:
        where = docs[len(produced)].doc_id if len(produced) < len(docs) else "after the last document"
        raise SystemCrash(f"system {name!r} crashed on {where}: {type(err).__name__}: {err}") from err
    return produced


# The system a forked worker predicts with: set in the parent just before the workers fork, so each
# inherits the loaded pipeline instead of loading (or unpickling) its own.
_FORKED: tuple[str, System] | None = None


def _predict_chunk(chunk: Sequence[Document]) -> list[Annotation]:
    assert _FORKED is not None, "a worker forked without a system"
    name, system = _FORKED
    return _predictions(name, system, chunk, progress=False)


def chunks(docs: Sequence[Document], parts: int) -> list[Sequence[Document]]:
    """Consecutive slices of about equal text length, so the output keeps the documents' order."""
    total = sum(len(d.text) for d in docs) or 1
    out: list[Sequence[Document]] = []
    begin = size = 0
    for i, doc in enumerate(docs):
        size += len(doc.text)
        if size * parts >= total * (len(out) + 1) or i == len(docs) - 1:
            out.append(docs[begin : i + 1])
            begin = i + 1
    return [c for c in out if c]


def _parallel_predictions(name: str, system: System, docs: Sequence[Document], jobs: int) -> list[Annotation]:
    """``_predictions`` over ``jobs`` forked processes; the same annotations in the same order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _FORKED
    # Several slices per worker even out articles of very different lengths.
    parts = chunks(docs, jobs * 4)
    produced: list[Annotation] = []
    _FORKED = (name, system)
    try:
        with (
            ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool,
            tqdm(total=len(docs), desc=name, unit="doc", file=sys.stderr, disable=not sys.stderr.isatty()) as bar,
        ):
            for part in pool.map(_predict_chunk, parts):
                produced.extend(part)
                bar.update(len(part))
    except BrokenProcessPool as err:
        where = docs[len(produced)].doc_id if len(produced) < len(docs) else "after the last document"
        raise SystemCrash(f"system {name!r}: a worker process died near {where}: {err}") from err
    finally:
        _FORKED = None
    return produced


def run_system(name: str, system: System, docs: Sequence[Document], jobs: int = 1) -> dict[str, Annotation]:
    """Predictions for every document, stamped with the article's date and hash and checked.

    ``jobs`` > 1 predicts in that many forked processes; the result is identical to ``jobs=1``.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    sections = frozenset(getattr(system, "sections", SECTIONS))
    out: dict[str, Annotation] = {}
    if jobs > 1 and len(docs) > 1:
        produced = _parallel_predictions(name, system, docs, jobs)
    else:
        produced = _predictions(name, system, docs)
    if len(produced) != len(docs):
        raise SystemFailure(f"system {name!r} returned {len(produced)} annotations for {len(docs)} documents")
    for doc, ann in zip(docs, produced, strict=False):
        if not isinstance(ann, Annotation):
            raise SystemFailure(f"system {name!r} returned {type(ann).__name__} for {doc.doc_id}, not an Annotation")
        if ann.doc_id != doc.doc_id:
            raise SystemFailure(f"system {name!r} returned {ann.doc_id!r} where {doc.doc_id!r} was expected")
        ann = Annotation(
            doc_id=doc.doc_id,
            entities=ann.entities,
            relations=ann.relations,
            date=doc.date,
            text_sha256=doc.sha256,
            sections=sections,
        )
        problems = check_document(ann.to_dict(), doc, PREDICTION)
        if problems:
            raise SystemFailure(f"system {name!r} produced invalid output for {doc.doc_id}: " + "; ".join(problems[:5]))
        out[doc.doc_id] = ann
    return out
