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
) -> list[dict[str, Any]]:
    """One flat row per (section, rule), worst first: most false positives, then fewest true positives.

    ``precision`` is tp / (tp + fp + partial), ``None`` for a rule that predicted nothing scored
    (zero division stated, not hidden); ``documents`` counts the documents it fired in.
    """
    sections = list(sections)
    totals: dict[tuple[str, str], Counter] = {}
    documents: Counter = Counter()
    for doc_id, gold_doc in gold.items():
        cmp = Comparison(gold_doc, preds.get(doc_id) or Annotation(doc_id), scheme)
        for key, counts in rule_counts(cmp, sections).items():
            totals.setdefault(key, Counter()).update(counts)
            documents[key] += 1
    rows = []
    for (section, rule), c in totals.items():
        predicted = c["tp"] + c["fp"] + c["partial"]
        rows.append(
            {
                "section": section,
                "rule": rule,
                "tp": c["tp"],
                "fp": c["fp"],
                "partial": c["partial"],
                "precision": c["tp"] / predicted if predicted else None,
                "documents": documents[(section, rule)],
                "brings_nothing": c["tp"] == 0,
            }
        )
    order = {s: i for i, s in enumerate(("entities", "figures", "relations"))}
    return sorted(rows, key=lambda r: (order[r["section"]], -r["fp"], r["tp"], r["rule"]))


def named_rules(preds: Mapping[str, Annotation]) -> bool:
    """Whether any prediction names its rule: without one, a ledger says nothing."""
    return any(e.rule is not None for a in preds.values() for e in a.entities) or any(
        r.rule is not None for a in preds.values() for r in a.relations
    )


def render_ledger(rows: list[dict[str, Any]], split: str, fmt: str = "table") -> str:
    from tabulate import tabulate

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
                "brings nothing: candidate for removal" if r["brings_nothing"] else "",
            ]
            for r in group
        ]
        out.append(
            tabulate(
                table,
                headers=["rule", "tp", "fp", "partial", "precision", "docs", "note"],
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
    return "\n".join(out) + "\n"
