"""Running the benchmark as a library: open a corpus, score a source, compare sources.

The command line (``bench.cli.main``) is argument parsing around these functions and the renderers;
everything it decides lives here or below. Warnings are returned, not printed.

``compare`` returns a documented JSON-ready dict (``schema_version`` as in ``bench.evaluation.results``)::

    {
      "schema_version": 1,
      "results": [RESULT, ...],           # one score result per source, the first is the reference
      "tests": {SECTION: [{"a": first source, "b": other source, "difference": F1(b) - F1(a) micro,
                           "p_value", "trials", "seed", "documents"}, ...]}
    }

A section is tested only where both sources predict it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from bench.core.annotation import Annotation, annotation_from_dict
from bench.core.curve import apply_threshold, curves
from bench.core.matching import SCHEMES
from bench.core.schema import SECTIONS
from bench.core.scoring import SECTION_NAMES, DocumentScores, score_documents, slice_scores, summarise
from bench.core.stats import paired_randomisation
from bench.evaluation.results import SCHEMA_VERSION, Source, build_result, gold_sha256, load_source, score_source
from bench.formats.corpus import CorpusError, Document, load_articles
from bench.formats.metadata import ALL, ArticleMeta, index_path, load_index, select
from bench.formats.validate import PREDICTION, check_document, load_gold, orphan_gold


@dataclass
class Corpus:
    """The articles and gold a run works on: every article, or one split of the corpus index."""

    articles_dir: Path
    gold_dir: Path
    split: str
    docs: list[Document]
    gold: dict[str, Annotation]
    index: dict[str, ArticleMeta] | None
    warnings: list[str] = field(default_factory=list)


def open_documents(articles_dir: Path, gold_dir: Path, split: str = ALL) -> list[Document]:
    """The articles of the selected split, for a system to read. No gold is needed, and the index
    (beside the gold) only for a split, so new articles can be predicted before anyone annotates them."""
    docs = load_articles(articles_dir)
    return docs if split == ALL else _split(docs, load_index(gold_dir, docs), split, gold_dir)


def _split(docs: list[Document], index: Mapping[str, ArticleMeta], split: str, gold_dir: Path) -> list[Document]:
    docs = select(docs, index, split)
    if not docs:
        raise CorpusError([f"{index_path(gold_dir)}: the {split} split has no documents"])
    return docs


def open_corpus(articles_dir: Path, gold_dir: Path, split: str = ALL, need_index: bool = False) -> Corpus:
    """Read articles, the index (when a split or slices need it) and the gold of the selected split."""
    docs = load_articles(articles_dir)
    warnings = orphan_gold(gold_dir, docs)
    index = None
    if split != ALL or need_index:
        index = load_index(gold_dir, docs)
        docs = _split(docs, index, split, gold_dir)
    gold = load_gold(gold_dir, docs)
    return Corpus(Path(articles_dir), Path(gold_dir), split, docs, gold, index, warnings)


@dataclass
class Scored:
    """One source scored on a corpus: the JSON result, the per-document tallies, and the source."""

    result: dict[str, Any]
    scores: DocumentScores
    source: Source

    @property
    def warnings(self) -> list[str]:
        return self.source.warnings


def score(
    corpus: Corpus,
    name: str,
    kind: str | None = None,
    scheme: str = "strict",
    bootstrap: int = 0,
    seed: int = 0,
    by: str | None = None,
    allow_empty: bool = False,
    strict: bool = False,
    use_cache: bool = False,
    format_in: str | None = None,
    threshold: float | None = None,
) -> Scored:
    """Run a system (or read a predictions file) and score it: ``bench score`` without the printing.

    ``use_cache`` reads a system's predictions back from ``bench.evaluation.cache`` when nothing they depend on
    has changed, and stores them otherwise. ``format_in`` names a predictions file's format (default bench JSONL).
    ``threshold`` drops items scored below it before scoring (``bench.core.curve``); items without a score stay.
    """
    cache_for = gold_sha256(corpus.gold) if use_cache else None
    source = load_source(name, corpus.docs, corpus.gold_dir, kind, allow_empty, strict, cache_for, format_in)
    if threshold is not None:
        source = _thresholded(source, threshold)
    scores = score_source(source, corpus.gold, scheme)
    result = build_result(
        source, scores, corpus.gold, scheme, corpus.articles_dir, corpus.gold_dir, bootstrap, seed, split=corpus.split
    )
    if threshold is not None:
        result["threshold"] = threshold
    if by:
        if corpus.index is None:
            raise ValueError("slices need the corpus index: open the corpus with need_index=True")
        result["slices"] = slice_scores(scores, {d: corpus.index[d].field(by) for d in corpus.gold}, by)
    return Scored(result, scores, source)


def _thresholded(source: Source, threshold: float) -> Source:
    preds, report = apply_threshold(source.predictions, threshold)
    note = (
        f"{source.name}: --threshold {threshold:g}: dropped {report.dropped} of {report.scored} scored item(s) "
        f"below it"
        + (
            f" and {report.dropped_relations} relation(s) whose argument was dropped"
            if report.dropped_relations
            else ""
        )
        + f"; kept {report.unscored} item(s) without a score"
    )
    if report.scored == 0:
        note += " (no item carries a score: the threshold changes nothing)"
    return replace(source, predictions=preds, warnings=[*source.warnings, note])


def pr_curves(corpus: Corpus, source: Source, scheme: str = "strict", sections: Iterable[str] | None = None) -> dict:
    """``bench curve`` without the printing: a precision-recall curve per section (``bench.core.curve``)::

    {"schema_version": 1, "system", "source", "match", "split", "documents", "gold_sha256",
     "sections": {SECTION: {"status": "curve" | "unscored" | "absent", "gold", "scored_thresholds",
                            "unscored_items", "average_precision", "best": POINT,
                            "points": [POINT, ...]}}}     # POINT: threshold, tp, predicted, gold, P, R, F1
    """
    found = curves(corpus.gold, source.predictions, scheme, source.sections)
    if sections is not None:
        wanted = set(sections)
        found = {s: c for s, c in found.items() if s in wanted}
    return {
        "schema_version": SCHEMA_VERSION,
        "system": source.name,
        "source": source.kind,
        "match": scheme,
        "split": corpus.split,
        "documents": len(corpus.gold),
        "gold_sha256": gold_sha256(corpus.gold),
        "sections": found,
    }


def compare(scored: Sequence[Scored], trials: int, seed: int) -> dict[str, Any]:
    """Sources side by side: each against the first, per section, by paired approximate randomisation."""
    if len(scored) < 2:
        raise ValueError("a comparison needs at least two sources")
    first = scored[0]
    tests: dict[str, list[dict]] = {}
    for section in SECTION_NAMES:
        for other in scored[1:]:
            if section in first.scores.sections and section in other.scores.sections:
                test = paired_randomisation(other.scores.tallies[section], first.scores.tallies[section], trials, seed)
                tests.setdefault(section, []).append({**test, "a": first.result["system"], "b": other.result["system"]})
    return {"schema_version": SCHEMA_VERSION, "results": [s.result for s in scored], "tests": tests}


def _annotations(
    items: Mapping[str, Annotation | dict] | Iterable[Annotation | dict], what: str
) -> dict[str, Annotation]:
    values = list(items.values()) if isinstance(items, Mapping) else list(items)
    out: dict[str, Annotation] = {}
    problems: list[str] = []
    for i, item in enumerate(values, start=1):
        if isinstance(item, Annotation):
            ann = item
        else:
            found = check_document(item, None, PREDICTION)
            if found:
                problems += [f"{what} item {i}: {p}" for p in found]
                continue
            ann = annotation_from_dict(item)
        if ann.doc_id in out:
            problems.append(f"{what} item {i}: duplicate doc_id {ann.doc_id!r}")
        out[ann.doc_id] = ann
    if problems:
        raise ValueError("\n".join(problems))
    return out


def evaluate(
    gold: Mapping[str, Annotation | dict] | Iterable[Annotation | dict],
    predictions: Mapping[str, Annotation | dict] | Iterable[Annotation | dict],
    scheme: str = "strict",
    sections: Iterable[str] = SECTIONS,
) -> dict[str, Any]:
    """Score in-memory annotations, as nervaluate's ``Evaluator`` or spaCy's ``Scorer`` do.

    ``gold`` and ``predictions`` are ``Annotation`` objects or dicts in the JSON format (each with
    its ``doc_id``), as a list or a mapping. Every gold document is scored; one with no prediction
    counts as predicting nothing. ``sections`` says what the predictions cover (entities, figures,
    relations); a section left out is reported ``absent``. The result is the ``sections`` of
    ``bench score --format json`` with the scheme and document count: no files, hashes or corpus.
    There is no article text here, so offsets are checked for form, not against a body.
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown match scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown sections {sorted(unknown)} (sections: {', '.join(SECTIONS)})")
    g, p = _annotations(gold, "gold"), _annotations(predictions, "predictions")
    extra = sorted(set(p) - set(g))
    if extra:
        raise ValueError(f"predictions for documents with no gold: {', '.join(extra)}")
    scores = score_documents(g, p, scheme, sections)
    return {"schema_version": SCHEMA_VERSION, "match": scheme, "documents": len(g), "sections": summarise(scores)}
