"""Sanity baselines: an oracle that returns the gold, and a system that predicts nothing.

They check the scorer end to end: the oracle must score 1.0 wherever there is gold, the empty
system recall 0.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from bench.core.annotation import Annotation, Entity
from bench.core.schema import SECTIONS
from bench.formats.corpus import Document
from bench.formats.validate import DEFAULT_GOLD, load_gold

if TYPE_CHECKING:
    from spacy.pipeline import EntityRuler


class GoldSystem:
    description = "oracle: returns the gold annotation (checks the scorer end to end)"
    sections = frozenset(SECTIONS)

    def __init__(self, gold_dir: Path = DEFAULT_GOLD, **_: Any):
        self.gold_dir = Path(gold_dir)

    def predict(self, docs: Sequence[Document]) -> Iterator[Annotation]:
        gold = load_gold(self.gold_dir, docs)
        for doc in docs:
            yield gold[doc.doc_id]


class EmptySystem:
    description = "predicts nothing (recall 0 everywhere)"
    sections = frozenset(SECTIONS)

    def __init__(self, **_: Any):
        pass

    def predict(self, docs: Sequence[Document]) -> Iterator[Annotation]:
        for doc in docs:
            yield Annotation(doc_id=doc.doc_id)


class GazetteerSystem:
    description = "exact matches of the rules system's gazetteers alone (shows what its patterns add)"
    sections = frozenset({"entities"})
    requires = ("spacy",)

    def __init__(self, **_: Any):
        import spacy

        from systems.rules.entities import DATA, load_json

        self.nlp = spacy.blank("en")
        ruler = cast("EntityRuler", self.nlp.add_pipe("entity_ruler"))
        gazetteer = load_json("gazetteer.json", DATA)
        ruler.add_patterns([{"label": label, "pattern": name} for label, names in gazetteer.items() for name in names])

    def predict(self, docs: Sequence[Document]) -> Iterator[Annotation]:
        self.nlp.max_length = max([self.nlp.max_length] + [len(d.text) + 1 for d in docs])
        for doc, parsed in zip(docs, self.nlp.pipe(d.text for d in docs), strict=False):
            yield Annotation(
                doc_id=doc.doc_id,
                entities=tuple(
                    Entity(f"G{i}", e.label_, e.start_char, e.end_char, e.text)
                    for i, e in enumerate(parsed.ents, start=1)
                ),
            )
