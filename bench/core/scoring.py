"""Scores: per-document tallies from one alignment, summed into per-label rows and averages.

Every section is computed the same way: an alignment (``bench.core.matching``) gives per-document
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

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from bench.core.annotation import Annotation, Entity
from bench.core.comparison import Aligned, Comparison, KeyMatch
from bench.core.matching import CORRECT, PARTIAL, SCHEMES, Span, pair_counts, span_keys
from bench.core.schema import CATEGORIES, ENTITY_LABELS, RELATION_TYPES

MICRO = "micro"
SECTION_NAMES = ("entities", "entities_document", "figures", "relations_mention", "relations_fact")
# Which declared system section each scored section depends on.
SECTION_SOURCE = {
    "entities": "entities",
    "entities_document": "entities",
    "figures": "figures",
    "relations_mention": "relations",
    "relations_fact": "relations",
}


@dataclass(frozen=True, slots=True)
class Counts:
    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.correct + other.correct,
            self.incorrect + other.incorrect,
            self.partial + other.partial,
            self.missed + other.missed,
            self.spurious + other.spurious,
        )

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


def all_schemes(gold: Sequence[Span], pred: Sequence[Span]) -> dict[str, Tally]:
    """Counts under all four schemes, pooled (``micro``) and per label, from the fewest alignments.

    What nervaluate's ``Evaluator.evaluate()`` gives, from 3 + (number of labels) alignments instead
    of 4 x (1 + labels). Within one label the schemes differ only in how they count the same
    pairing: an equal-boundary pair is correct everywhere, and an overlap is incorrect (strict,
    exact), partial (partial) or correct (type). Pooled, exact and partial share one pairing.
    """
    out: dict[str, Tally] = {scheme: {} for scheme in SCHEMES}
    g_keys, p_keys = span_keys(gold), span_keys(pred)
    correct, incorrect, missed, spurious = pair_counts(g_keys, p_keys, "strict")
    out["strict"][MICRO] = Counts(correct, incorrect, 0, missed, spurious)
    correct, other, missed, spurious = pair_counts(g_keys, p_keys, "exact")
    out["exact"][MICRO] = Counts(correct, other, 0, missed, spurious)
    out["partial"][MICRO] = Counts(correct, 0, other, missed, spurious)
    correct, incorrect, missed, spurious = pair_counts(g_keys, p_keys, "type")
    out["type"][MICRO] = Counts(correct, incorrect, 0, missed, spurious)
    for label in {k[2] for k in g_keys} | {k[2] for k in p_keys}:
        g = [k for k in g_keys if k[2] == label]
        p = [k for k in p_keys if k[2] == label]
        equal, overlap, missed, spurious = pair_counts(g, p, "strict")
        out["strict"][label] = out["exact"][label] = Counts(equal, overlap, 0, missed, spurious)
        out["partial"][label] = Counts(equal, 0, overlap, missed, spurious)
        out["type"][label] = Counts(equal + overlap, 0, 0, missed, spurious)
    return out


def entity_micro(cmp: Comparison) -> Counts:
    """The pooled entity counts alone (no per-label alignments)."""
    return _counts_from(cmp.entities.alignment)


def figure_micro(cmp: Comparison) -> Counts:
    return _figure_counts(cmp, cmp.figures)


def entity_tally(cmp: Comparison) -> Tally:
    tally: Tally = {label: _counts_from(group.alignment) for label, group in cmp.entities_by_label.items()}
    tally[MICRO] = _counts_from(cmp.entities.alignment)
    return tally


def _figure_counts(cmp: Comparison, group: Aligned) -> Counts:
    return _counts_from(group.alignment, lambda g, p, s: cmp.figure_status(group.gold[g], group.pred[p], s))


def figure_tally(cmp: Comparison) -> Tally:
    tally: Tally = {category: _figure_counts(cmp, group) for category, group in cmp.figures_by_category.items()}
    tally[MICRO] = _figure_counts(cmp, cmp.figures)
    return tally


def _tally_keys(gold_keys: list[tuple], pred_keys: list[tuple], m: KeyMatch) -> Tally:
    """Counts per group (the key's first item: a relation type, an entity label) from matched multisets of keys."""
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


def document_entity_tally(cmp: Comparison) -> Tally:
    """Counts per label of the document's (label, name) sets: each entity once, however often it is mentioned."""
    gold, pred = cmp.document_entity_keys
    return _tally_keys(gold, pred, cmp.entities_document)


def relation_tallies(cmp: Comparison) -> tuple[Tally, Tally]:
    """Mention-level and fact-level tallies; both read the pooled entity alignment."""
    keys = cmp.relation_keys
    return (
        _tally_keys(keys.gold_mentions, keys.pred_mentions, cmp.relation_mentions),
        _tally_keys(keys.gold_facts, keys.pred_facts, cmp.relation_facts),
    )


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
        cmp = Comparison(gold[doc_id], preds.get(doc_id) or Annotation(doc_id=doc_id), scheme)
        if "entities" in scored:
            tallies["entities"][doc_id] = entity_tally(cmp)
            tallies["entities_document"][doc_id] = document_entity_tally(cmp)
        if "figures" in scored:
            tallies["figures"][doc_id] = figure_tally(cmp)
            pairs.extend(cmp.matched_figures)
        if "relations_mention" in scored:
            tallies["relations_mention"][doc_id], tallies["relations_fact"][doc_id] = relation_tallies(cmp)
    return DocumentScores(tallies, pairs, scored)


def sum_tallies(per_doc: Iterable[Tally]) -> Tally:
    total: Tally = defaultdict(Counts)
    for tally in per_doc:
        for group, counts in tally.items():
            total[group] = total[group] + counts
    return dict(total)


GROUPS = {
    "entities": ENTITY_LABELS,
    "entities_document": ENTITY_LABELS,
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
