"""``bench convert``: read annotations in one format and write them in another, all or nothing.

Every document read is checked against its article before anything is written; a writer's
output is complete before it is put in place (``registry.save``), so bad input leaves no file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bench.formats import registry
from bench.formats.corpus import load_articles
from bench.formats.metadata import ALL, index_path, load_index, read_index, select


@dataclass
class Report:
    documents: int
    files: list[str]
    warnings: list[str] = field(default_factory=list)


def convert(
    source: str,
    target: str,
    in_path: Path,
    out: Path,
    articles_dir: Path,
    gold_dir: Path,
    split: str = ALL,
    force: bool = False,
) -> Report:
    """Convert ``in_path`` (format ``source``) to ``out`` (format ``target``); raises on bad input.

    ``split`` keeps the documents of one split of the corpus index; the index (in ``gold_dir``)
    also tells split-aware writers (the spaCy DocBin directory) where each document goes.
    """
    registry.get_format(source), registry.get_format(target)  # unknown names fail before any reading
    every = load_articles(articles_dir)
    if split != ALL:
        index = load_index(gold_dir, every)
        docs = select(every, index, split)
    else:
        # Only split-aware writers look at the index, and only for the documents they write.
        index, _ = read_index(index_path(gold_dir))
        docs = every
    converted = registry.read(source, Path(in_path), every)
    chosen = {d.doc_id for d in docs}
    annotations = [a for doc_id, a in sorted(converted.annotations.items()) if doc_id in chosen]
    if not annotations:
        raise registry.ConversionError([f"{in_path}: no documents to convert (split {split})"])
    by_id = {d.doc_id: d for d in docs}
    if target == "gold":
        registry.check_gold(annotations, by_id, source)
    splits = {d: meta.split for d, meta in index.items()} if index else None
    output = registry.write(target, annotations, docs, Path(out), splits)
    registry.save(output, Path(out), force)
    return Report(len(annotations), sorted(output.files), converted.warnings + output.warnings)
