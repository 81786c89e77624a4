"""Inter-annotator agreement: pairwise F1 on spans and relations, and token-level Cohen's kappa.

Pairwise F1 is the primary measure: for spans there is no well-defined set of negatives, so a
chance-corrected statistic needs an arbitrary unit. F1 between annotators A and B is symmetric
(2 x agreed / (|A| + |B|)). Kappa is computed over tokens labelled with the label of the span that
covers them (or O); it is reported as a secondary figure with that caveat, since the many O
tokens inflate it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from bench.core.annotation import Annotation
from bench.core.comparison import Comparison
from bench.core.matching import CORRECT
from bench.core.scoring import (
    MICRO,
    Counts,
    attribute_accuracy,
    entity_tally,
    figure_tally,
    relation_tallies,
    row,
    sum_tallies,
)
from bench.formats.corpus import Document

TOKEN = re.compile(r"\w+|[^\w\s]")
KAPPA_CAVEAT = (
    "token-level kappa counts every unlabelled token as an agreement on O, so it runs high; "
    "read it beside the span F1, not instead of it"
)


def token_labels(text: str, ann: Annotation) -> list[str]:
    spans = sorted((e.start, e.end, e.label) for e in ann.entities)
    labels, k = [], 0
    for match in TOKEN.finditer(text):
        while k < len(spans) and spans[k][1] <= match.start():
            k += 1
        inside = k < len(spans) and spans[k][0] <= match.start() < spans[k][1]
        labels.append(spans[k][2] if inside else "O")
    return labels


def _ref(e) -> str:
    return e.ref or e.text  # an absent ref is the mention text (gold/GUIDELINES.md §3.2)


def _strict_pairs(c: Comparison) -> list[tuple]:
    ents = c.entities
    return [(ents.gold[g], ents.pred[p]) for g, p, status in ents.alignment.pairs if status == CORRECT]


def ref_agreement(comparisons: list[Comparison]) -> dict:
    pairs = [pair for c in comparisons for pair in _strict_pairs(c)]
    same = sum(_ref(x) == _ref(y) for x, y in pairs)
    return {"correct": same, "total": len(pairs), "accuracy": same / len(pairs) if pairs else None}


def agreement(a: Mapping[str, Annotation], b: Mapping[str, Annotation], docs: list[Document]) -> dict:
    from sklearn.metrics import cohen_kappa_score

    texts = {d.doc_id: d.text for d in docs}
    shared = sorted(set(a) & set(b) & set(texts))
    # A is read as gold and B as predictions: every measure here is symmetric in the two.
    comparisons = [Comparison(a[d], b[d], "strict") for d in shared]
    strict = sum_tallies(entity_tally(c) for c in comparisons)
    overlap = sum_tallies(entity_tally(Comparison(a[d], b[d], "type")) for d in shared)
    relation_pairs = [relation_tallies(c) for c in comparisons]
    relations = sum_tallies(mention for mention, _ in relation_pairs)
    facts = sum_tallies(fact for _, fact in relation_pairs)
    figures = sum_tallies(figure_tally(c) for c in comparisons)
    figure_row = row(figures.get(MICRO, Counts()))
    attributes = attribute_accuracy([pair for c in comparisons for pair in c.matched_figures])
    labels = sorted((set(strict) | set(overlap)) - {MICRO})
    span_rows = {
        label: {
            "a": strict[label].possible,
            "b": strict[label].actual,
            "f1_strict": row(strict[label])["f1"],
            "f1_overlap": row(overlap[label])["f1"],
        }
        for label in labels + [MICRO]
        if label in strict
    }
    relation_rows = {t: {"a": c.possible, "b": c.actual, "f1": row(c)["f1"]} for t, c in sorted(relations.items())}
    fact_row = row(facts.get(MICRO, Counts()))
    refs = ref_agreement(comparisons)
    ya = [lab for d in shared for lab in token_labels(texts[d], a[d])]
    yb = [lab for d in shared for lab in token_labels(texts[d], b[d])]
    kappa = None
    if ya and len(set(ya) | set(yb)) > 1:
        kappa = float(cohen_kappa_score(ya, yb))
    return {
        "documents": shared,
        "spans": span_rows,
        "relations": relation_rows,
        "relations_fact": {"a": fact_row["support"], "b": facts.get(MICRO, Counts()).actual, "f1": fact_row["f1"]},
        # Figures agree when span and value agree; category agreement is over those matched figures.
        "figures": {
            "a": figure_row["support"],
            "b": figures.get(MICRO, Counts()).actual,
            "f1": figure_row["f1"],
            "category": attributes["category"],
            "qualifier": attributes["qualifier"],
        },
        # Coreference (SAME_AS in doccano): mentions both annotated alike, given the same ref.
        "refs": refs,
        "token_kappa": kappa,
        "tokens": len(ya),
        "kappa_caveat": KAPPA_CAVEAT,
    }


def render_agreement(result: dict, name_a: str, name_b: str, fmt: str = "table") -> str:
    from tabulate import tabulate

    from bench.reports.text import fmt_score

    tablefmt = "github" if fmt == "markdown" else "simple"
    out = [f"Agreement: {name_a} vs {name_b}   documents: {len(result['documents'])}", ""]
    rows = [
        [label, r["a"], r["b"], fmt_score(r["f1_strict"]), fmt_score(r["f1_overlap"])]
        for label, r in result["spans"].items()
    ]
    out.append(
        tabulate(
            rows,
            headers=["spans", f"# {name_a}", f"# {name_b}", "F1 strict", "F1 overlap"],
            tablefmt=tablefmt,
            disable_numparse=True,
        )
    )
    out.append("")
    rows = [[t, r["a"], r["b"], fmt_score(r["f1"])] for t, r in result["relations"].items()]
    out.append(
        tabulate(
            rows,
            headers=["relations", f"# {name_a}", f"# {name_b}", "F1 (both spans exact)"],
            tablefmt=tablefmt,
            disable_numparse=True,
        )
    )
    f, r = result["figures"], result["relations_fact"]
    out.append(f"Relations, fact level (head ref, type, tail ref): {r['a']} vs {r['b']}, F1 {fmt_score(r['f1'])}")
    cat = f["category"]
    out.append(
        f"Figures (span and value): {f['a']} vs {f['b']}, F1 {fmt_score(f['f1'])}; category agreement over "
        f"matched figures {fmt_score(cat['accuracy'])} ({cat['correct']}/{cat['total']})"
    )
    refs = result["refs"]
    out.append(
        f"Refs (coreference) over mentions both annotated alike: {fmt_score(refs['accuracy'])} "
        f"({refs['correct']}/{refs['total']} the same)"
    )
    out.append("")
    out.append(
        f"Cohen's kappa over {result['tokens']} tokens: {fmt_score(result['token_kappa'])} ({result['kappa_caveat']})"
    )
    return "\n".join(out) + "\n"


def _span(e) -> str:
    extra = f" {e.category}={e.value}" if e.is_figure else ""
    return f"{e.label} {e.text!r} [{e.start},{e.end}){extra}"


def disagreements(a: Mapping[str, Annotation], b: Mapping[str, Annotation], docs: list[Document]) -> list[dict]:
    """Every item the two annotations do not share, per document, for adjudication.

    Spans are compared exactly (offsets and label; figures also by category and value); relations
    at mention level through the same alignment the scores use, so each listed item is one that
    lowers the agreement above.
    """
    out: list[dict] = []
    shared = sorted(set(a) & set(b) & {d.doc_id for d in docs})
    for doc_id in shared:
        cmp = Comparison(a[doc_id], b[doc_id], "strict")
        ents = cmp.entities
        agreed = {(g, p) for g, p, status in ents.alignment.pairs if status == CORRECT}
        only_a = sorted(set(range(len(ents.gold))) - {g for g, _ in agreed}, key=lambda i: ents.gold[i].start)
        only_b = sorted(set(range(len(ents.pred))) - {p for _, p in agreed}, key=lambda i: ents.pred[i].start)
        out += [{"doc_id": doc_id, "kind": "span only in A", "item": _span(ents.gold[i])} for i in only_a]
        out += [{"doc_id": doc_id, "kind": "span only in B", "item": _span(ents.pred[i])} for i in only_b]
        for x, y, _ in cmp.figure_pairs():
            if (x.start, x.end) == (y.start, y.end) and (x.category, x.value) != (y.category, y.value):
                out.append(
                    {"doc_id": doc_id, "kind": "figure differs", "item": f"{_span(x)} vs {y.category}={y.value}"}
                )
        for x, y in _strict_pairs(cmp):
            if _ref(x) != _ref(y):
                out.append(
                    {"doc_id": doc_id, "kind": "ref differs", "item": f"{_span(x)} ref {_ref(x)!r} vs {_ref(y)!r}"}
                )
        found = cmp.relation_mentions
        by_id_a = {e.id: e for e in a[doc_id].entities}
        by_id_b = {e.id: e for e in b[doc_id].entities}
        for i in found.missed:
            r = a[doc_id].relations[i]
            out.append(
                {
                    "doc_id": doc_id,
                    "kind": "relation only in A",
                    "item": f"{_span(by_id_a[r.head])} {r.type} {_span(by_id_a[r.tail])}",
                }
            )
        for j in found.spurious:
            r = b[doc_id].relations[j]
            out.append(
                {
                    "doc_id": doc_id,
                    "kind": "relation only in B",
                    "item": f"{_span(by_id_b[r.head])} {r.type} {_span(by_id_b[r.tail])}",
                }
            )
    return out


def render_disagreements(items: list[dict]) -> str:
    return "".join(f"{i['doc_id']}: {i['kind']}: {i['item']}\n" for i in items)


def agreement_matrix(sets: Mapping[str, Mapping[str, Annotation]], docs: list[Document]) -> dict:
    """Pairwise agreement among any number of annotators: every pair's full result, and F1 matrices.

    Each pair is compared on the articles both annotated (``documents`` of that pair); a pair with
    none in common has ``None`` in the matrices.
    """
    names = list(sets)
    if len(names) < 2:
        raise ValueError("agreement needs at least two annotators")
    pairs = []
    spans = {a: {b: (1.0 if a == b else None) for b in names} for a in names}
    facts = {a: {b: (1.0 if a == b else None) for b in names} for a in names}
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            result = agreement(sets[a], sets[b], docs)
            pairs.append({"a": a, "b": b, **result})
            if result["documents"]:
                micro = result["spans"].get(MICRO, {}).get("f1_strict")
                spans[a][b] = spans[b][a] = micro
                facts[a][b] = facts[b][a] = result["relations_fact"]["f1"]
    return {"annotators": names, "pairs": pairs, "spans_f1_strict": spans, "relations_fact_f1": facts}


def render_matrix(result: dict, fmt: str = "table") -> str:
    from tabulate import tabulate

    from bench.reports.text import fmt_score

    tablefmt = "github" if fmt == "markdown" else "simple"
    names = result["annotators"]
    out = []
    for key, title in (
        ("spans_f1_strict", "Span F1 (strict, micro)"),
        ("relations_fact_f1", "Relation F1 (fact level)"),
    ):
        rows = [[a] + [fmt_score(result[key][a][b]) for b in names] for a in names]
        out += [title, tabulate(rows, headers=["", *names], tablefmt=tablefmt, disable_numparse=True), ""]
    out.append(
        "Articles compared per pair: " + ", ".join(f"{p['a']}/{p['b']} {len(p['documents'])}" for p in result["pairs"])
    )
    return "\n".join(out) + "\n"
