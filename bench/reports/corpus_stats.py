"""What the corpus holds: documents, words, and counts per label, category, relation type and slice.

``bench stats`` prints this; the datasheet and the corpus targets are checked against it. Counts
are over the selected documents' gold; every schema label appears, with 0 where it is absent.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from bench.core.annotation import Annotation
from bench.core.schema import CATEGORIES, ENTITY_LABELS, RELATION_TYPES
from bench.formats.corpus import Document
from bench.formats.metadata import ArticleMeta

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def corpus_stats(
    docs: Sequence[Document], gold: Mapping[str, Annotation], index: Mapping[str, ArticleMeta] | None
) -> dict[str, Any]:
    words = [word_count(d.text) for d in docs]
    labels: Counter[str] = Counter({label: 0 for label in ENTITY_LABELS})
    categories: Counter[str] = Counter({c: 0 for c in CATEGORIES})
    relations: Counter[str] = Counter({r: 0 for r in RELATION_TYPES})
    for doc in docs:
        ann = gold.get(doc.doc_id)
        if ann is None:
            continue
        labels.update(e.label for e in ann.entities)
        categories.update(e.category for e in ann.entities if e.is_figure and e.category)
        relations.update(r.type for r in ann.relations)
    out: dict[str, Any] = {
        "documents": len(docs),
        "annotated": sum(1 for d in docs if d.doc_id in gold),
        "words": {"total": sum(words), "min": min(words, default=0), "max": max(words, default=0)},
        "dates": {
            "first": min((d.date for d in docs), default=None),
            "last": max((d.date for d in docs), default=None),
        },
        "entities": {"total": sum(labels.values()), "labels": dict(labels)},
        "figures": {"total": sum(categories.values()), "categories": dict(categories)},
        "relations": {"total": sum(relations.values()), "types": dict(relations)},
    }
    if index is not None:
        for field in ("split", "theatre", "style", "origin"):
            out[field] = dict(sorted(Counter(index[d.doc_id].field(field) for d in docs).items()))
    return out
