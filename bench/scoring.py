"""Scores: per-document tallies from one alignment, summed into per-label rows and averages.

Every section is computed the same way: an alignment (``bench.matching``) gives per-document
``Counts`` for each group (a label, a figure category, a relation type) and for ``micro`` (the
whole section pooled); summing documents gives the table, and resampling documents gives
confidence intervals. Results are flat dicts of plain values that serialise to JSON.

Definitions (nervaluate's, made explicit):

* ``possible`` (support) = correct + incorrect + partial + missed;
  ``actual`` = correct + incorrect + partial + spurious
* ``tp`` = correct + 0.5 * partial;  ``fp`` = actual - tp;  ``fn`` = possible - tp
* precision = tp / actual, undefined (``None``) when nothing was predicted;
  recall = tp / possible, undefined when there is no gold;
  F1 = 2 tp / (actual + possible), undefined only when both are zero.
* A group's row applies the scheme within that group (both sides filtered to it); ``micro`` applies
  it to the pooled section. Under ``strict`` (labels must agree) micro equals the sum of the rows;
  under the label-blind schemes a span can match across labels, so it need not.
* ``macro`` is the unweighted mean over groups that occur in gold or predictions; there an
  undefined precision or recall counts as 0 (scikit-learn's ``zero_division=0``).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields

from .annotation import Annotation, Entity
from .matching import CORRECT, PARTIAL, Span, align
from .schema import CATEGORIES, ENTITY_LABELS, FIGURE, RELATION_TYPES

MICRO = "micro"
SECTION_NAMES = ("entities", "figures", "relations_mention", "relations_fact")
# Which declared system section each scored section depends on.
SECTION_SOURCE = {
    "entities": "entities",
    "figures": "figures",
    "relations_mention": "relations",
    "relations_fact": "relations",
}


@dataclass(frozen=True)
class Counts:
    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def tp(self) -> float:
        return self.correct + 0.5 * self.partial

    @property
    def actual(self) -> int:
        return self.correct + self.incorrect + self.partial + self.spurious

    @property
    def possible(self) -> int:
        return self.correct + self.incorrect + self.partial + self.missed

    def as_tuple(self) -> tuple[int, int, int, int, int]:
        return (self.correct, self.incorrect, self.partial, self.missed, self.spurious)


def _ratio(num: float, den: float) -> float | None:
    return None if den == 0 else num / den


def f1_from_counts(c: Counts) -> float | None:
    return _ratio(2 * c.tp, c.actual + c.possible)


def row(c: Counts) -> dict:
    """One table row: nervaluate's counts, then tp/fp/fn and the scores."""
    return {
        "correct": c.correct,
        "incorrect": c.incorrect,
        "partial": c.partial,
        "missed": c.missed,
        "spurious": c.spurious,
        "tp": c.tp,
        "fp": c.actual - c.tp,
        "fn": c.possible - c.tp,
        "precision": _ratio(c.tp, c.actual),
        "recall": _ratio(c.tp, c.possible),
        "f1": f1_from_counts(c),
        "support": c.possible,
    }


def macro(rows: Mapping[str, dict]) -> dict:
    present = [r for r in rows.values() if r["support"] or (r["tp"] + r["fp"])]
    if not present:
        return {"precision": None, "recall": None, "f1": None, "labels": 0}
    mean = lambda key: sum((r[key] or 0.0) for r in present) / len(present)
    return {"precision": mean("precision"), "recall": mean("recall"), "f1": mean("f1"), "labels": len(present)}


# A tally is {group: Counts} for one document; sections keep one tally per document.
Tally = dict[str, Counts]


def _counts_from(alignment, correct_if: Callable[[int, int, str], str] | None = None) -> Counts:
    tally: defaultdict[str, int] = defaultdict(int)
    for g, p, status in alignment.pairs:
        tally[correct_if(g, p, status) if correct_if else status] += 1
    return Counts(tally[CORRECT], tally["incorrect"], tally[PARTIAL], len(alignment.missed), len(alignment.spurious))


def _spans(entities: Iterable[Entity]) -> list[Span]:
    return [Span(e.start, e.end, e.label) for e in entities]


def _grouped(gold: list, pred: list, key: Callable) -> dict[str, tuple[list, list]]:
    groups: dict[str, tuple[list, list]] = defaultdict(lambda: ([], []))
    for e in gold:
        groups[key(e)][0].append(e)
    for e in pred:
        groups[key(e)][1].append(e)
    return groups


def entity_tally(gold: Annotation, pred: Annotation, scheme: str) -> Tally:
    tally: Tally = {}
    for label, (g, p) in _grouped(list(gold.entities), list(pred.entities), lambda e: e.label).items():
        tally[label] = _counts_from(align(_spans(g), _spans(p), scheme))
    tally[MICRO] = _counts_from(align(_spans(gold.entities), _spans(pred.entities), scheme))
    return tally


def same_value(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _figure_counts(gold: list[Entity], pred: list[Entity], scheme: str) -> tuple[Counts, list[tuple[Entity, Entity]]]:
    """A figure matches when its span matches under the scheme and its value equals gold's."""
    alignment = align(_spans(gold), _spans(pred), scheme)

    def status(g: int, p: int, span_status: str) -> str:
        if span_status == "incorrect" or not same_value(gold[g].value, pred[p].value):
            return "incorrect"
        return span_status

    counts = _counts_from(alignment, status)
    matched = [(gold[g], pred[p]) for g, p, s in alignment.pairs if status(g, p, s) in (CORRECT, PARTIAL)]
    return counts, matched


def figure_tally(gold: Annotation, pred: Annotation, scheme: str) -> tuple[Tally, list[tuple[Entity, Entity]]]:
    g_all = [e for e in gold.entities if e.label == FIGURE]
    p_all = [e for e in pred.entities if e.label == FIGURE]
    tally: Tally = {}
    for category, (g, p) in _grouped(g_all, p_all, lambda e: e.category or "(none)").items():
        tally[category] = _figure_counts(g, p, scheme)[0]
    tally[MICRO], matched = _figure_counts(g_all, p_all, scheme)
    return tally, matched


def _relation_key(rtype: str, head, tail) -> tuple:
    if RELATION_TYPES[rtype].symmetric:
        head, tail = sorted((head, tail), key=repr)
    return (rtype, head, tail)


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


def _tally_keys(gold_keys: list[tuple], pred_keys: list[tuple]) -> Tally:
    """Counts per relation type (the key's first item) from multisets of (type, head, tail) keys."""
    m = match_keys(gold_keys, pred_keys)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for i, _ in m.matched:
        counts[gold_keys[i][0]]["correct"] += 1
    for i in m.missed:
        counts[gold_keys[i][0]]["missed"] += 1
    for j in m.spurious:
        counts[pred_keys[j][0]]["spurious"] += 1
    tally: Tally = {rtype: Counts(**c) for rtype, c in counts.items()}
    tally[MICRO] = sum(tally.values(), Counts())
    return tally


_THE = re.compile(r"^the\s+", re.IGNORECASE)


def normalise_ref(name: str) -> str:
    """Canonical form of an entity name for fact-level comparison."""
    return _THE.sub("", " ".join(name.split())).casefold()


@dataclass(frozen=True)
class RelationKeys:
    """Mention-level and fact-level keys of both sides' relations, from the pooled entity alignment."""

    gold_mentions: list[tuple]
    pred_mentions: list[tuple]
    gold_facts: list[tuple]
    pred_facts: list[tuple]


def relation_keys(gold: Annotation, pred: Annotation, scheme: str) -> RelationKeys:
    g_ents, p_ents = list(gold.entities), list(pred.entities)
    matched = align(_spans(g_ents), _spans(p_ents), scheme).matched(scheme)
    g_index = {e.id: i for i, e in enumerate(g_ents)}
    p_index = {e.id: i for i, e in enumerate(p_ents)}
    # An argument that aligns with no gold mention can never match: give it a key gold cannot have.
    p_to_g = lambda eid: matched.get(p_index[eid], ("unaligned", eid))
    gold_ref = lambda i: normalise_ref(g_ents[i].ref or g_ents[i].text)

    def pred_ref(eid: str) -> str:
        i = p_index[eid]
        return gold_ref(matched[i]) if i in matched else normalise_ref(p_ents[i].ref or p_ents[i].text)

    return RelationKeys(
        gold_mentions=[_relation_key(r.type, g_index[r.head], g_index[r.tail]) for r in gold.relations],
        pred_mentions=[_relation_key(r.type, p_to_g(r.head), p_to_g(r.tail)) for r in pred.relations],
        gold_facts=sorted(
            {_relation_key(r.type, gold_ref(g_index[r.head]), gold_ref(g_index[r.tail])) for r in gold.relations}
        ),
        pred_facts=sorted({_relation_key(r.type, pred_ref(r.head), pred_ref(r.tail)) for r in pred.relations}),
    )


def relation_tallies(gold: Annotation, pred: Annotation, scheme: str) -> tuple[Tally, Tally]:
    """Mention-level and fact-level tallies; both use the pooled entity alignment."""
    keys = relation_keys(gold, pred, scheme)
    return _tally_keys(keys.gold_mentions, keys.pred_mentions), _tally_keys(keys.gold_facts, keys.pred_facts)


@dataclass
class DocumentScores:
    """Per-document tallies for every section, plus matched figure pairs for attribute accuracy."""

    tallies: dict[str, dict[str, Tally]]  # section -> doc_id -> tally
    figure_pairs: list[tuple[Entity, Entity]]
    sections: frozenset[str]  # scored sections (the system predicts their source)


def score_documents(
    gold: Mapping[str, Annotation], preds: Mapping[str, Annotation], scheme: str, predicted_sections: Iterable[str]
) -> DocumentScores:
    predicted = set(predicted_sections)
    scored = frozenset(s for s in SECTION_NAMES if SECTION_SOURCE[s] in predicted)
    tallies: dict[str, dict[str, Tally]] = {s: {} for s in scored}
    pairs: list[tuple[Entity, Entity]] = []
    for doc_id in sorted(gold):
        g = gold[doc_id]
        p = preds.get(doc_id) or Annotation(doc_id=doc_id)
        if "entities" in scored:
            tallies["entities"][doc_id] = entity_tally(g, p, scheme)
        if "figures" in scored:
            tallies["figures"][doc_id], matched = figure_tally(g, p, scheme)
            pairs.extend(matched)
        if "relations_mention" in scored:
            tallies["relations_mention"][doc_id], tallies["relations_fact"][doc_id] = relation_tallies(g, p, scheme)
    return DocumentScores(tallies, pairs, scored)


def sum_tallies(per_doc: Iterable[Tally]) -> Tally:
    total: Tally = defaultdict(Counts)
    for tally in per_doc:
        for group, counts in tally.items():
            total[group] = total[group] + counts
    return dict(total)


GROUPS = {
    "entities": ENTITY_LABELS,
    "figures": CATEGORIES,
    "relations_mention": tuple(RELATION_TYPES),
    "relations_fact": tuple(RELATION_TYPES),
}


def summarise_section(section: str, per_doc: Mapping[str, Tally]) -> dict:
    total = sum_tallies(per_doc.values())
    # Every schema group gets a row, so a label nobody produced shows as "no gold, no predictions".
    groups = list(GROUPS[section]) + sorted(g for g in total if g not in GROUPS[section] and g != MICRO)
    rows = {g: row(total.get(g, Counts())) for g in groups}
    return {"status": "scored", "labels": rows, "micro": row(total.get(MICRO, Counts())), "macro": macro(rows)}


def attribute_accuracy(pairs: list[tuple[Entity, Entity]]) -> dict:
    out = {}
    for attr in ("qualifier", "category"):
        right = sum(1 for g, p in pairs if getattr(g, attr) == getattr(p, attr))
        out[attr] = {"correct": right, "total": len(pairs), "accuracy": _ratio(right, len(pairs))}
    return out


def summarise(scores: DocumentScores) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for section in SECTION_NAMES:
        if section not in scores.sections:
            out[section] = {"status": "absent"}
            continue
        out[section] = summarise_section(section, scores.tallies[section])
        if section == "figures":
            out[section]["attributes"] = attribute_accuracy(scores.figure_pairs)
    return out


def slice_scores(scores: DocumentScores, slice_of: Mapping[str, str], by: str) -> dict:
    """Micro rows per slice (a split, theatre, style…): each document's tallies summed within its slice."""
    rows: dict[str, dict] = {}
    for value in sorted(set(slice_of.values())):
        docs = [d for d, v in slice_of.items() if v == value]
        entry: dict = {"documents": len(docs)}
        for section in SECTION_NAMES:
            if section in scores.sections:
                total = sum_tallies(scores.tallies[section][d] for d in docs)
                entry[section] = row(total.get(MICRO, Counts()))
        rows[value] = entry
    return {"by": by, "rows": rows}
