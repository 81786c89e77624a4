"""Score results: running a source (system or predictions file) against gold, and the JSON document.

The JSON written by ``bench score --format json`` / ``--output`` is the interface ``gate`` and the
reports read. Schema (``schema_version`` 1)::

    {
      "schema_version": 1,
      "system": "rules",                # a system name, or the predictions file's path
      "source": "system" | "predictions",
      "match": "strict" | "exact" | "partial" | "type",
      "articles_dir": "seeds", "gold_dir": "gold",
      "split": "all" | "dev" | "test",  # which documents of the corpus index were scored
      "documents": 1,
      "gold_sha256": "...",             # hash of the gold that was scored against
      "sections": {
        "entities" | "entities_document" | "figures" | "relations_mention" | "relations_fact": {
          "status": "scored" | "absent",   # absent: the system does not predict this section
          "labels": {LABEL: ROW},          # one row per schema label / figure category / relation type
          "micro": ROW, "macro": {"precision", "recall", "f1", "labels"},
          "interval": {"low", "high", "resamples", "seed", "level" | "note"},   # with --bootstrap
          "attributes": {"qualifier"|"category": {"correct", "total", "accuracy"}}   # figures only
        }
      },
      "slices": {"by": "theatre", "rows": {VALUE: {"documents": N, SECTION: ROW}}}   # with --by
    }

ROW = correct, incorrect, partial, missed, spurious, tp, fp, fn, precision, recall, f1, support;
a score is ``null`` where it is undefined (see ``bench.core.scoring``). Floats are rounded to 6 places
and keys sorted, so the same inputs give byte-identical JSON.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.core.annotation import Annotation
from bench.core.schema import SECTIONS
from bench.core.scoring import DocumentScores, score_documents, summarise
from bench.core.stats import bootstrap_interval
from bench.evaluation import cache
from bench.evaluation.systems import SystemFailure, describe, is_registered, load_system, registered_names, run_system
from bench.formats.corpus import Document
from bench.formats.validate import read_predictions

SCHEMA_VERSION = 1


@dataclass
class Source:
    name: str
    kind: str  # "system" or "predictions"
    predictions: dict[str, Annotation]
    sections: frozenset[str]
    warnings: list[str]


def gold_sha256(gold: Mapping[str, Annotation]) -> str:
    digest = hashlib.sha256()
    for doc_id in sorted(gold):
        digest.update(json.dumps(gold[doc_id].to_dict(), sort_keys=True, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def load_source(
    name: str,
    docs: list[Document],
    gold_dir: Path,
    kind: str | None = None,
    allow_empty: bool = False,
    strict: bool = False,
    cache_for: str | None = None,
    format_in: str | None = None,
) -> Source:
    """Run a system, or read a predictions JSONL file.

    ``kind`` is "system" (``--system``: always a registered name or ``module:attr``) or
    "predictions" (``--predictions``: always a file). Without it (a bare name given to ``compare``
    or ``report``), a registered system or ``module:attr`` is run and anything else is read as a file.
    ``cache_for`` (the gold's hash) turns on the prediction cache of ``bench.evaluation.cache`` for systems.
    ``format_in`` names the format of a predictions file (``bench.formats.registry``; default bench JSONL).
    """
    if kind is None:
        kind = "system" if is_registered(name) or (":" in name and not Path(name).exists()) else "predictions"
    if kind == "system":
        key = None
        if cache_for is not None:
            # Resolving imports the system's modules, so their files are in the key; a hit needs no build.
            info = describe(name)
            if info.problem is None:
                key = cache.fingerprint(name, info.target, docs, cache_for)
                cached = cache.load(name, key, docs)
                if cached is not None:
                    return Source(name, "system", cached, frozenset(info.sections or SECTIONS), [])
        system = load_system(name, gold_dir=Path(gold_dir))
        preds = run_system(name, system, docs)
        if key is not None:
            cache.store(name, key, preds, docs)
        return Source(name, "system", preds, frozenset(getattr(system, "sections", SECTIONS)), [])
    if not Path(name).exists():
        known = ", ".join(registered_names()) or "none"
        raise SystemFailure(f"{name!r}: no such predictions file (registered systems: {known})")
    if format_in not in (None, "jsonl"):
        from bench.formats import registry

        preds, warnings = registry.read_predictions(format_in, Path(name), docs, allow_empty, strict)
    else:
        preds, warnings = read_predictions(Path(name), docs, allow_empty=allow_empty, strict=strict)
    declared = {s for a in preds.values() for s in a.sections}
    return Source(name, "predictions", preds, frozenset(declared or SECTIONS), warnings)


def score_source(source: Source, gold: Mapping[str, Annotation], scheme: str) -> DocumentScores:
    return score_documents(gold, source.predictions, scheme, source.sections)


def build_result(
    source: Source,
    scores: DocumentScores,
    gold: Mapping[str, Annotation],
    scheme: str,
    articles_dir: Path,
    gold_dir: Path,
    bootstrap: int = 0,
    seed: int = 0,
    split: str = "all",
) -> dict[str, Any]:
    sections = summarise(scores)
    if bootstrap:
        for name, section in sections.items():
            if section["status"] == "scored":
                section["interval"] = bootstrap_interval(scores.tallies[name], bootstrap, seed)
    return {
        "schema_version": SCHEMA_VERSION,
        "system": source.name,
        "source": source.kind,
        "match": scheme,
        "articles_dir": str(articles_dir),
        "gold_dir": str(gold_dir),
        "split": split,
        "documents": len(gold),
        "gold_sha256": gold_sha256(gold),
        "sections": sections,
    }


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def dumps_result(result: Mapping[str, Any]) -> str:
    return json.dumps(_rounded(result), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
