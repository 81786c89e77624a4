"""One comparison per document: gold against predictions under one match scheme.

In the spirit of spaCy's ``Example``: everything that decides whether two items match lives here,
computed once per document and cached, and every consumer reads from it: the scores
(``bench.core.scoring``), the error listings (``bench.reports.errors``), the HTML report and agreement.

The match rules, each stated once:

* **Entities**: the span alignment of ``bench.core.matching`` under the scheme, pooled over all labels
  (``entities``) and within each label (``entities_by_label``).
* **Figures**: a figure pair matches when the spans match under the scheme *and* the values are
  equal (:meth:`Comparison.figure_status`); qualifier and category are reported as accuracies
  over matched pairs.
* **Entities, document level**: each side's set of (label, name) for the document, where a name is
  the entity's ``ref`` (else its text), normalised by :func:`normalise_ref`; a predicted mention
  aligned with a gold mention takes the gold's name, as at the relations' fact level. An extractor
  that names each entity once (an LLM) is scored fairly here; predicted entities whose text the
  article does not contain (``Annotation.unlocated``) count here only.
* **Relations**: a relation's key is (type, head, tail), unordered for symmetric types
  (``RelationType.key``). At mention level the arguments are mentions, mapped from predictions to
  gold through the pooled entity alignment; at fact level they are the entities' canonical names
  (``ref``), so one fact stated twice counts once.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from bench.core.annotation import Annotation, Entity
from bench.core.matching import CORRECT, INCORRECT, PARTIAL, Alignment, Span, align
from bench.core.schema import FIGURE, RELATION_TYPES


def spans(entities: Iterable[Entity]) -> list[Span]:
    return [Span(e.start, e.end, e.label) for e in entities]


def same_value(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


_THE = re.compile(r"^the\s+", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def normalise_ref(name: str) -> str:
    """Canonical form of an entity name for fact-level comparison (cached: names repeat across comparisons)."""
    return _THE.sub("", " ".join(name.split())).casefold()


@dataclass(frozen=True)
class Aligned:
    """Both sides' items of one group (a label, a category, or everything) and their alignment."""

    gold: list[Entity]
    pred: list[Entity]
    alignment: Alignment


@dataclass(frozen=True)
class KeyMatch:
    """Multiset matching of relation keys: indices of matched, missed and spurious items."""

    matched: tuple[tuple[int, int], ...]  # (gold index, prediction index)
    missed: tuple[int, ...]
    spurious: tuple[int, ...]


def match_keys(gold_keys: list[tuple], pred_keys: list[tuple]) -> KeyMatch:
    waiting: dict[tuple, list[int]] = defaultdict(list)
    for i, k in enumerate(gold_keys):
        waiting[k].append(i)
    for queue in waiting.values():
        queue.reverse()
    matched, spurious = [], []
    for j, k in enumerate(pred_keys):
        if waiting.get(k):
            matched.append((waiting[k].pop(), j))
        else:
            spurious.append(j)
    missed = sorted(i for queue in waiting.values() for i in queue)
    return KeyMatch(tuple(matched), tuple(missed), tuple(spurious))


@dataclass(frozen=True)
class RelationKeys:
    """Mention-level and fact-level keys of both sides' relations."""

    gold_mentions: list[tuple]
    pred_mentions: list[tuple]
    gold_facts: list[tuple]
    pred_facts: list[tuple]


def _grouped(gold: list[Entity], pred: list[Entity], key: Callable[[Entity], str]) -> dict[str, tuple[list, list]]:
    groups: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for e in gold:
        groups[key(e)][0].append(e)
    for e in pred:
        groups[key(e)][1].append(e)
    return groups


def _aligned(gold: list[Entity], pred: list[Entity], scheme: str) -> Aligned:
    return Aligned(gold, pred, align(spans(gold), spans(pred), scheme))


class Comparison:
    """Gold and predictions of one document under one scheme; alignments computed once, on demand."""

    def __init__(self, gold: Annotation, pred: Annotation, scheme: str):
        self.gold, self.pred, self.scheme = gold, pred, scheme

    # --- entities -------------------------------------------------------------------------

    @cached_property
    def entities(self) -> Aligned:
        return _aligned(list(self.gold.entities), list(self.pred.entities), self.scheme)

    @cached_property
    def entities_by_label(self) -> dict[str, Aligned]:
        groups = _grouped(list(self.gold.entities), list(self.pred.entities), lambda e: e.label)
        return {label: _aligned(g, p, self.scheme) for label, (g, p) in groups.items()}

    # --- figures --------------------------------------------------------------------------

    @cached_property
    def figures(self) -> Aligned:
        figures = lambda ann: [e for e in ann.entities if e.label == FIGURE]
        return _aligned(figures(self.gold), figures(self.pred), self.scheme)

    @cached_property
    def figures_by_category(self) -> dict[str, Aligned]:
        groups = _grouped(self.figures.gold, self.figures.pred, lambda e: e.category or "(none)")
        return {category: _aligned(g, p, self.scheme) for category, (g, p) in groups.items()}

    @staticmethod
    def figure_status(gold: Entity, pred: Entity, span_status: str) -> str:
        """The figure rule: a span match counts only when the values are equal too."""
        if span_status == INCORRECT or not same_value(gold.value, pred.value):
            return INCORRECT
        return span_status

    def figure_pairs(self, group: Aligned | None = None) -> list[tuple[Entity, Entity, str]]:
        """(gold, predicted, status under the figure rule) for every aligned pair of a group."""
        group = group or self.figures
        return [
            (group.gold[g], group.pred[p], self.figure_status(group.gold[g], group.pred[p], s))
            for g, p, s in group.alignment.pairs
        ]

    @cached_property
    def matched_figures(self) -> list[tuple[Entity, Entity]]:
        return [(g, p) for g, p, status in self.figure_pairs() if status in (CORRECT, PARTIAL)]

    # --- names (document and fact level) ----------------------------------------------------

    @cached_property
    def names(self) -> tuple[list[str], list[str]]:
        """The normalised name of every gold and predicted mention (in ``entities`` order).

        A predicted mention aligned with a gold one takes the gold's name, so a fact or an entity
        counts as found when its mention was found, whatever the prediction calls it.
        """
        g_ents, p_ents = self.entities.gold, self.entities.pred
        matched = self.entities.alignment.matched(self.scheme)
        gold = [normalise_ref(e.ref or e.text) for e in g_ents]
        pred = [gold[matched[i]] if i in matched else normalise_ref(e.ref or e.text) for i, e in enumerate(p_ents)]
        return gold, pred

    @cached_property
    def document_entity_keys(self) -> tuple[list[tuple], list[tuple]]:
        """Sorted sets of (label, name) of both sides."""
        g_names, p_names = self.names
        gold = {(e.label, n) for e, n in zip(self.entities.gold, g_names, strict=True)}
        pred = {(e.label, n) for e, n in zip(self.entities.pred, p_names, strict=True)}
        pred |= {(e.label, normalise_ref(e.ref or e.text)) for e in self.pred.unlocated}
        return sorted(gold), sorted(pred)

    @cached_property
    def entities_document(self) -> KeyMatch:
        return match_keys(*self.document_entity_keys)

    # --- relations ------------------------------------------------------------------------

    @cached_property
    def relation_keys(self) -> RelationKeys:
        g_ents, p_ents = self.entities.gold, self.entities.pred
        matched = self.entities.alignment.matched(self.scheme)
        g_index = {e.id: i for i, e in enumerate(g_ents)}
        p_index = {e.id: i for i, e in enumerate(p_ents)}
        # An argument that aligns with no gold mention can never match: give it a key gold cannot have.
        p_to_g = lambda eid: matched.get(p_index[eid], ("unaligned", eid))
        g_names, p_names = self.names
        gold_ref = lambda i: g_names[i]
        pred_ref = lambda eid: p_names[p_index[eid]]

        key = lambda rtype, head, tail: RELATION_TYPES[rtype].key(head, tail)
        gold_rels, pred_rels = self.gold.relations, self.pred.relations
        return RelationKeys(
            gold_mentions=[key(r.type, g_index[r.head], g_index[r.tail]) for r in gold_rels],
            pred_mentions=[key(r.type, p_to_g(r.head), p_to_g(r.tail)) for r in pred_rels],
            gold_facts=sorted({key(r.type, gold_ref(g_index[r.head]), gold_ref(g_index[r.tail])) for r in gold_rels}),
            pred_facts=sorted({key(r.type, pred_ref(r.head), pred_ref(r.tail)) for r in pred_rels}),
        )

    @cached_property
    def relation_mentions(self) -> KeyMatch:
        return match_keys(self.relation_keys.gold_mentions, self.relation_keys.pred_mentions)

    @cached_property
    def relation_facts(self) -> KeyMatch:
        return match_keys(self.relation_keys.gold_facts, self.relation_keys.pred_facts)
