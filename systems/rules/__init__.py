"""`rules`: a deterministic extractor built on spaCy's rule tools.

A blank English pipeline: tokenizer, sentencizer and EntityRuler (``data/gazetteer.json``,
``data/patterns.jsonl``), then the finders as registered components (``pipeline.py``): people,
aliases, acronyms, bodies, facilities, institutions, places, figures, relations. No statistical
model is loaded.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from bench.core.annotation import Annotation
from bench.core.schema import SECTIONS
from bench.formats.corpus import Document

from .entities import DATA
from .pipeline import annotation_from_doc, build_pipeline


class RulesSystem:
    description = (
        "deterministic rules: gazetteers, token patterns, role-introduced names, casualty figures, relation triggers"
    )
    sections = frozenset(SECTIONS)
    requires: tuple[str, ...] = ("spacy",)

    def __init__(self, data_dir: Path | None = None, batch_size: int = 64, **_: Any):
        self.nlp = build_pipeline(Path(data_dir) if data_dir else DATA)
        self.batch_size = batch_size

    def predict(self, docs: Sequence[Document]) -> Iterator[Annotation]:
        texts = (d.text for d in docs)
        # The blank pipeline's memory does not grow with length the way a parser's does: no piece-wise run needed.
        self.nlp.max_length = max([self.nlp.max_length] + [len(d.text) + 1 for d in docs])
        for doc, parsed in zip(docs, self.nlp.pipe(texts, batch_size=self.batch_size), strict=False):
            yield annotation_from_doc(doc.doc_id, parsed, doc.text)
