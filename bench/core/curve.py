"""Confidence: dropping predictions below a threshold, and precision-recall curves over thresholds.

Definitions, stated once:

* **Threshold.** At threshold ``t`` an entity, figure or relation is kept when it has no ``score``
  or its score is ``>= t``; a relation whose head or tail entity was dropped is dropped too (it has
  nothing to point at). Items without a score are never dropped: a curve treats them as scored
  above every threshold.
* **Curve.** One point per distinct score a section depends on (entities: entity scores; figures:
  figure scores; relations: relation and entity scores, since dropping an entity changes which
  mentions the relations' arguments align with), from the highest threshold down. A point is
  exactly what ``bench score --threshold t`` reports for the section's ``micro`` row: every
  document is re-compared (``bench.core.comparison``) with its predictions cut at each of its own
  distinct scores, so greedy alignments that re-pair when an item is dropped are honoured, and a
  document's counts change only at its own scores, which keeps the sweep cheap.
  When items without a score leave something predicted above every threshold, that state is the
  first point, with ``threshold`` ``None``.
* **Recall** is relative to *all* gold items of the section, including those no prediction found
  (``tp / possible`` as in ``bench.core.scoring``), so a system that never proposes an item cannot
  reach recall 1 by lowering the threshold.
* **Average precision** is scikit-learn's ``average_precision_score``:
  ``AP = sum_n (R_n - R_{n-1}) * P_n`` over the points from the highest threshold down, with
  ``R_0 = 0``; no interpolation. Zero division: a point where nothing is predicted has precision
  ``None`` and contributes 0; with no gold item recall is undefined and AP is ``None``.
  Under ``strict`` and ``exact`` recall never falls as the threshold falls; under ``partial`` and
  ``type`` an added prediction may take a gold span from another, so a step can be negative and
  is summed as it is.
* **Best F1** is the point with the highest F1; ties go to the highest threshold (fewest items).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from bench.core.annotation import Annotation
from bench.core.comparison import Comparison
from bench.core.schema import FIGURE
from bench.core.scoring import (
    MICRO,
    SECTION_NAMES,
    SECTION_SOURCE,
    Counts,
    document_entity_tally,
    entity_micro,
    figure_micro,
    relation_tallies,
)


@dataclass(frozen=True)
class ThresholdReport:
    """What a threshold did to a set of predictions, for the command to say."""

    threshold: float
    scored: int  # items carrying a score
    unscored: int  # items without one, kept
    dropped: int  # scored items below the threshold
    dropped_relations: int  # relations dropped because an argument was


def check_threshold(t: float) -> float:
    if not (isinstance(t, (int, float)) and math.isfinite(t) and 0.0 <= t <= 1.0):
        raise ValueError(f"threshold {t!r} must be a finite number from 0 to 1")
    return float(t)


def _kept(score: float | None, t: float) -> bool:
    return score is None or score >= t


def threshold_annotation(ann: Annotation, t: float) -> Annotation:
    """The annotation without items scored below ``t`` (and relations that lost an argument)."""
    entities = tuple(e for e in ann.entities if _kept(e.score, t))
    ids = {e.id for e in entities}
    relations = tuple(r for r in ann.relations if _kept(r.score, t) and r.head in ids and r.tail in ids)
    if len(entities) == len(ann.entities) and len(relations) == len(ann.relations):
        return ann
    return replace(ann, entities=entities, relations=relations)


def apply_threshold(preds: Mapping[str, Annotation], t: float) -> tuple[dict[str, Annotation], ThresholdReport]:
    t = check_threshold(t)
    out: dict[str, Annotation] = {}
    scored = unscored = dropped = dropped_relations = 0
    for doc_id, ann in preds.items():
        kept = threshold_annotation(ann, t)
        out[doc_id] = kept
        scores = _item_scores(ann)
        scored += sum(1 for x in scores if x is not None)
        unscored += sum(1 for x in scores if x is None)
        dropped += sum(1 for x in scores if x is not None and x < t)
        kept_ids = {e.id for e in kept.entities}
        dropped_relations += sum(
            1 for r in ann.relations if _kept(r.score, t) and not (r.head in kept_ids and r.tail in kept_ids)
        )
    return out, ThresholdReport(t, scored, unscored, dropped, dropped_relations)


def has_scores(preds: Mapping[str, Annotation]) -> bool:
    """Whether any predicted entity, figure or relation carries a score."""
    return any(x is not None for a in preds.values() for x in _item_scores(a))


def _item_scores(ann: Annotation) -> list[float | None]:
    return [e.score for e in ann.entities] + [r.score for r in ann.relations]


def section_scores(ann: Annotation, section: str) -> set[float]:
    """The distinct scores whose threshold can change this section's counts for one document."""
    if section == "figures":
        return {e.score for e in ann.entities if e.label == FIGURE and e.score is not None}
    found = {e.score for e in ann.entities if e.score is not None}
    if section in ("relations_mention", "relations_fact"):
        found |= {r.score for r in ann.relations if r.score is not None}
    return found


def unscored_items(ann: Annotation, section: str) -> int:
    if section == "figures":
        return sum(1 for e in ann.entities if e.label == FIGURE and e.score is None)
    if section in ("entities", "entities_document"):
        return sum(1 for e in ann.entities if e.score is None)
    return sum(1 for r in ann.relations if r.score is None)


def micro_counts(cmp: Comparison, sections: Iterable[str]) -> dict[str, Counts]:
    """The sections' pooled counts for one document, as ``bench.core.scoring`` tallies them."""
    wanted = set(sections)
    out: dict[str, Counts] = {}
    if "entities" in wanted:
        out["entities"] = entity_micro(cmp)
    if "entities_document" in wanted:
        out["entities_document"] = document_entity_tally(cmp)[MICRO]
    if "figures" in wanted:
        out["figures"] = figure_micro(cmp)
    if wanted & {"relations_mention", "relations_fact"}:
        mention, fact = relation_tallies(cmp)
        out["relations_mention"], out["relations_fact"] = mention[MICRO], fact[MICRO]
    return out


def _ratio(num: float, den: float) -> float | None:
    return None if den == 0 else num / den


def _point(threshold: float | None, tp: float, predicted: float, gold: float) -> dict:
    return {
        "threshold": threshold,
        "tp": tp,
        "predicted": predicted,
        "gold": gold,
        "precision": _ratio(tp, predicted),
        "recall": _ratio(tp, gold),
        "f1": _ratio(2 * tp, predicted + gold),
    }


def _vector(c: Counts) -> tuple[float, float, float]:
    return (c.tp, c.actual, c.possible)


RELATION_SECTIONS = ("relations_mention", "relations_fact")


def _relation_signature(cmp: Comparison) -> tuple:
    """Everything the relation counts read from the predictions: each kept relation and the gold mention
    (if any) each argument aligns with. Equal signatures give equal relation counts, so a threshold that
    only adds entities nobody's relation depends on needs no new relation tally."""
    matched = cmp.entities.alignment.matched(cmp.scheme)
    index = {e.id: i for i, e in enumerate(cmp.entities.pred)}
    return tuple(
        (r.type, r.head, r.tail, matched.get(index[r.head], -1), matched.get(index[r.tail], -1))
        for r in cmp.pred.relations
    )


def _sweep(
    gold: Mapping[str, Annotation], preds: Mapping[str, Annotation], scheme: str, sections: list[str]
) -> dict[str, dict]:
    """Every section's curve in one pass: per document, one comparison per distinct score of that document."""
    totals = {s: [0.0, 0.0, 0.0] for s in sections}
    events: dict[str, dict[float, list[float]]] = {s: defaultdict(lambda: [0.0, 0.0, 0.0]) for s in sections}
    unscored = dict.fromkeys(sections, 0)
    for doc_id in sorted(gold):
        g, pred = gold[doc_id], preds.get(doc_id) or Annotation(doc_id=doc_id)
        relevant = {s: section_scores(pred, s) for s in sections}
        cmp = Comparison(g, threshold_annotation(pred, math.inf), scheme)
        before = {s: _vector(c) for s, c in micro_counts(cmp, sections).items()}
        signature = _relation_signature(cmp) if set(sections) & set(RELATION_SECTIONS) else ()
        for s in sections:
            unscored[s] += unscored_items(pred, s)
            totals[s] = [a + b for a, b in zip(totals[s], before[s], strict=True)]
        for t in sorted(set().union(*relevant.values()), reverse=True):
            moved = [s for s in sections if t in relevant[s]]
            cmp = Comparison(g, threshold_annotation(pred, t), scheme)
            if any(s in RELATION_SECTIONS for s in moved):
                now_signature = _relation_signature(cmp)
                if now_signature == signature:
                    moved = [s for s in moved if s not in RELATION_SECTIONS]
                    for s in RELATION_SECTIONS:
                        if t in relevant.get(s, ()):
                            events[s].setdefault(t, [0.0, 0.0, 0.0])  # the point exists; its counts stay
                signature = now_signature
            now = micro_counts(cmp, moved)
            for s in moved:
                vector, delta = _vector(now[s]), events[s][t]
                for k in range(3):
                    delta[k] += vector[k] - before[s][k]
                before[s] = vector
    return {s: _curve(totals[s], events[s], unscored[s]) for s in sections}


def _curve(total: list[float], events: Mapping[float, list[float]], unscored: int) -> dict:
    if not events:
        return {"status": "unscored", "gold": total[2], "unscored_items": unscored, "scored_thresholds": 0}
    points = [_point(None, *total)] if total[1] > 0 else []
    for t in sorted(events, reverse=True):
        total = [a + b for a, b in zip(total, events[t], strict=True)]
        points.append(_point(t, *total))
    return {
        "status": "curve",
        "gold": total[2],
        "scored_thresholds": len(events),
        "unscored_items": unscored,
        "points": points,
        "average_precision": average_precision(points),
        "best": best_f1(points),
    }


def section_curve(gold: Mapping[str, Annotation], preds: Mapping[str, Annotation], scheme: str, section: str) -> dict:
    """The precision-recall curve of one section over every distinct threshold (see the module)."""
    if section not in SECTION_NAMES:
        raise ValueError(f"unknown section {section!r} (sections: {', '.join(SECTION_NAMES)})")
    return _sweep(gold, preds, scheme, [section])[section]


def average_precision(points: Iterable[Mapping]) -> float | None:
    """sum_n (R_n - R_{n-1}) P_n over points from the highest threshold down, R_0 = 0."""
    ap, before = 0.0, 0.0
    for p in points:
        if p["recall"] is None:
            return None
        ap += (p["recall"] - before) * (p["precision"] or 0.0)
        before = p["recall"]
    return ap


def best_f1(points: Iterable[Mapping]) -> dict | None:
    best = None
    for p in points:
        if p["f1"] is not None and (best is None or p["f1"] > best["f1"]):
            best = p
    return None if best is None else dict(best)


def point_at(curve: Mapping, t: float) -> dict | None:
    """The curve's state at threshold ``t``: the point of the lowest curve threshold that is ``>= t``."""
    found = None
    for p in curve["points"]:
        if p["threshold"] is None or p["threshold"] >= t:
            found = p
    return found


def curves(
    gold: Mapping[str, Annotation], preds: Mapping[str, Annotation], scheme: str, predicted_sections: Iterable[str]
) -> dict[str, dict]:
    """A curve per scored section; a section the source does not predict is ``absent``."""
    predicted = set(predicted_sections)
    scored = [s for s in SECTION_NAMES if SECTION_SOURCE[s] in predicted]
    found = _sweep(gold, preds, scheme, scored)
    return {s: found.get(s, {"status": "absent"}) for s in SECTION_NAMES}
