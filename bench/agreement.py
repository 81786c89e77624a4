"""Inter-annotator agreement: pairwise F1 on spans and relations, and token-level Cohen's kappa.

Pairwise F1 is the primary measure: for spans there is no well-defined set of negatives, so a
chance-corrected statistic needs an arbitrary unit. F1 between annotators A and B is symmetric
(2 x agreed / (|A| + |B|)). Kappa is computed over tokens labelled with the label of the span that
covers them (or O); it is reported as a secondary figure with that caveat, since the many O
tokens inflate it.
"""
from __future__ import annotations

import re
from typing import Mapping

from .annotation import Annotation
from .corpus import Document
from .scoring import MICRO, entity_tally, relation_tallies, row, sum_tallies

TOKEN = re.compile(r"\w+|[^\w\s]")
KAPPA_CAVEAT = ("token-level kappa counts every unlabelled token as an agreement on O, so it runs high; "
                "read it beside the span F1, not instead of it")


def token_labels(text: str, ann: Annotation) -> list[str]:
    spans = sorted((e.start, e.end, e.label) for e in ann.entities)
    labels, k = [], 0
    for match in TOKEN.finditer(text):
        while k < len(spans) and spans[k][1] <= match.start():
            k += 1
        inside = k < len(spans) and spans[k][0] <= match.start() < spans[k][1]
        labels.append(spans[k][2] if inside else "O")
    return labels


def agreement(a: Mapping[str, Annotation], b: Mapping[str, Annotation], docs: list[Document]) -> dict:
    from sklearn.metrics import cohen_kappa_score

    texts = {d.doc_id: d.text for d in docs}
    shared = sorted(set(a) & set(b) & set(texts))
    strict = sum_tallies(entity_tally(a[d], b[d], "strict") for d in shared)
    overlap = sum_tallies(entity_tally(a[d], b[d], "type") for d in shared)
    relations = sum_tallies(relation_tallies(a[d], b[d], "strict")[0] for d in shared)
    labels = sorted((set(strict) | set(overlap)) - {MICRO})
    span_rows = {
        label: {"a": strict[label].possible, "b": strict[label].actual,
                "f1_strict": row(strict[label])["f1"], "f1_overlap": row(overlap[label])["f1"]}
        for label in labels + [MICRO] if label in strict
    }
    relation_rows = {t: {"a": c.possible, "b": c.actual, "f1": row(c)["f1"]} for t, c in sorted(relations.items())}
    ya = [lab for d in shared for lab in token_labels(texts[d], a[d])]
    yb = [lab for d in shared for lab in token_labels(texts[d], b[d])]
    kappa = None
    if ya and len(set(ya) | set(yb)) > 1:
        kappa = float(cohen_kappa_score(ya, yb))
    return {"documents": shared, "spans": span_rows, "relations": relation_rows,
            "token_kappa": kappa, "tokens": len(ya), "kappa_caveat": KAPPA_CAVEAT}


def render_agreement(result: dict, name_a: str, name_b: str, fmt: str = "table") -> str:
    from tabulate import tabulate

    from .report import fmt_score

    tablefmt = "github" if fmt == "markdown" else "simple"
    out = [f"Agreement: {name_a} vs {name_b}   documents: {len(result['documents'])}", ""]
    rows = [[label, r["a"], r["b"], fmt_score(r["f1_strict"]), fmt_score(r["f1_overlap"])] for label, r in result["spans"].items()]
    out.append(tabulate(rows, headers=["spans", f"# {name_a}", f"# {name_b}", "F1 strict", "F1 overlap"],
                        tablefmt=tablefmt, disable_numparse=True))
    out.append("")
    rows = [[t, r["a"], r["b"], fmt_score(r["f1"])] for t, r in result["relations"].items()]
    out.append(tabulate(rows, headers=["relations", f"# {name_a}", f"# {name_b}", "F1 (both spans exact)"],
                        tablefmt=tablefmt, disable_numparse=True))
    out.append("")
    out.append(f"Cohen's kappa over {result['tokens']} tokens: {fmt_score(result['token_kappa'])} ({result['kappa_caveat']})")
    return "\n".join(out) + "\n"
