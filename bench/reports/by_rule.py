"""Which rule earns its place: true and false positives per rule, from the same comparison as the scores.

A prediction may name the rule that made it (``rule`` on an entity, figure or relation). Each
predicted item is credited to its rule once per section, by the section's own match rule
(``bench.core.comparison``):

* entities: a true positive is a predicted mention aligned ``correct`` under the scheme; anything
  else it was aligned to (boundary, label) or nothing at all is a false positive;
* figures: the same, with the figure rule (span and value);
* relations: mention level; a predicted relation whose key matches a gold one is a true
  positive, every other predicted relation a false positive.

So a rule's true positives are exactly the ones it adds to the scores' ``tp`` count, and its
false positives the ones it adds to ``fp`` (under ``partial`` a partial match is neither: it is
listed as ``partial``). A rule with no true positive on the split brings nothing there: it is a
candidate for removal.

Given each document's theatre (the corpus index), the ledger also says how far a rule's true
positives spread: ``theatres`` counts the theatres it is right in, and ``tp_beyond_best_theatre``
is what it would still bring if the theatre it helps most were left out, a leave-one-theatre-out
reading of the same counts. A rule right in one theatre only is written for that conflict's wording
as far as the corpus can tell: the systems are judged on conflicts the corpus lacks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from bench.core.annotation import Annotation
from bench.core.comparison import Comparison
from bench.core.matching import CORRECT, PARTIAL

UNNAMED = "(no rule)"


def _credit(counts: dict[tuple[str, str], Counter], section: str, rule: str | None, outcome: str) -> None:
    counts.setdefault((section, rule or UNNAMED), Counter())[outcome] += 1


def _outcome(status: str) -> str:
    return "tp" if status == CORRECT else "partial" if status == PARTIAL else "fp"


def rule_counts(cmp: Comparison, sections: Iterable[str]) -> dict[tuple[str, str], Counter]:
    """(section, rule) -> Counter of tp, fp and partial, for one document."""
    sections = set(sections)
    counts: dict[tuple[str, str], Counter] = {}
    if "entities" in sections:
        group = cmp.entities
        for _, p, status in group.alignment.pairs:
            _credit(counts, "entities", group.pred[p].rule, _outcome(status))
        for p in group.alignment.spurious:
            _credit(counts, "entities", group.pred[p].rule, "fp")
    if "figures" in sections:
        for _, pred, status in cmp.figure_pairs():
            _credit(counts, "figures", pred.rule, _outcome(status))
        for p in cmp.figures.alignment.spurious:
            _credit(counts, "figures", cmp.figures.pred[p].rule, "fp")
    if "relations" in sections:
        rels = cmp.pred.relations
        for _, j in cmp.relation_mentions.matched:
            _credit(counts, "relations", rels[j].rule, "tp")
        for j in cmp.relation_mentions.spurious:
            _credit(counts, "relations", rels[j].rule, "fp")
    return counts


def rule_ledger(
    gold: Mapping[str, Annotation],
    preds: Mapping[str, Annotation],
    scheme: str,
    sections: Iterable[str],
    theatres: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One flat row per (section, rule), worst first: most false positives, then fewest true positives.

    ``precision`` is tp / (tp + fp + partial), ``None`` for a rule that predicted nothing scored
    (zero division stated, not hidden); ``documents`` counts the documents it fired in. With
    ``theatres`` (doc_id -> theatre, every scored document) each row adds ``theatres``,
    ``tp_beyond_best_theatre`` and ``one_theatre`` (right in exactly one theatre).
    """
    sections = list(sections)
    if theatres is not None:
        unplaced = sorted(set(gold) - set(theatres))
        if unplaced:
            raise ValueError(f"no theatre for document(s): {', '.join(unplaced[:5])}")
    totals: dict[tuple[str, str], Counter] = {}
    documents: Counter = Counter()
    right_in: dict[tuple[str, str], Counter] = {}
    for doc_id, gold_doc in gold.items():
        cmp = Comparison(gold_doc, preds.get(doc_id) or Annotation(doc_id), scheme)
        for key, counts in rule_counts(cmp, sections).items():
            totals.setdefault(key, Counter()).update(counts)
            documents[key] += 1
            if theatres is not None and counts["tp"]:
                right_in.setdefault(key, Counter())[theatres[doc_id]] += counts["tp"]
    rows = []
    for (section, rule), c in totals.items():
        predicted = c["tp"] + c["fp"] + c["partial"]
        row = {
            "section": section,
            "rule": rule,
            "tp": c["tp"],
            "fp": c["fp"],
            "partial": c["partial"],
            "precision": c["tp"] / predicted if predicted else None,
            "documents": documents[(section, rule)],
            "brings_nothing": c["tp"] == 0,
        }
        if theatres is not None:
            spread = right_in.get((section, rule), Counter())
            row["theatres"] = len(spread)
            row["tp_beyond_best_theatre"] = c["tp"] - max(spread.values(), default=0)
            row["one_theatre"] = len(spread) == 1
        rows.append(row)
    order = {s: i for i, s in enumerate(("entities", "figures", "relations"))}
    return sorted(rows, key=lambda r: (order[r["section"]], -r["fp"], r["tp"], r["rule"]))


def named_rules(preds: Mapping[str, Annotation]) -> bool:
    """Whether any prediction names its rule: without one, a ledger says nothing."""
    return any(e.rule is not None for a in preds.values() for e in a.entities) or any(
        r.rule is not None for a in preds.values() for r in a.relations
    )


def render_ledger(rows: list[dict[str, Any]], split: str, fmt: str = "table") -> str:
    from tabulate import tabulate

    placed = bool(rows) and "theatres" in rows[0]
    out = []
    for section in dict.fromkeys(r["section"] for r in rows):
        group = [r for r in rows if r["section"] == section]
        out.append(f"== {section}: {len(group)} rule(s), worst first ==")
        table = [
            [
                r["rule"],
                r["tp"],
                r["fp"],
                r["partial"],
                "n/a" if r["precision"] is None else f"{r['precision']:.3f}",
                r["documents"],
                *([r["theatres"], r["tp_beyond_best_theatre"]] if placed else []),
                _note(r),
            ]
            for r in group
        ]
        spread = ["theatres", "tp beyond best"] if placed else []
        out.append(
            tabulate(
                table,
                headers=["rule", "tp", "fp", "partial", "precision", "docs", *spread, "note"],
                tablefmt="github" if fmt == "markdown" else "simple",
                disable_numparse=True,
            )
        )
        out.append("")
    idle = [r for r in rows if r["brings_nothing"]]
    out.append(
        f"{len(idle)} of {len(rows)} rule(s) bring no true positive on split {split}"
        + (": candidates for removal (a rule earns its place on dev or by a unit-test sentence)." if idle else ".")
    )
    if placed:
        narrow = [r for r in rows if r["one_theatre"]]
        out.append(
            f"{len(narrow)} of {len(rows)} rule(s) are right in one theatre only "
            f"({sum(r['tp'] for r in narrow)} of {sum(r['tp'] for r in rows)} true positives): "
            "left out with that theatre, they bring nothing."
        )
    return "\n".join(out) + "\n"


def _note(row: Mapping[str, Any]) -> str:
    if row["brings_nothing"]:
        return "brings nothing: candidate for removal"
    return "one theatre only" if row.get("one_theatre") else ""
