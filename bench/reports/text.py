"""Text renderings of score results: terminal tables and Markdown (through tabulate)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tabulate import tabulate

from bench.core.stats import MIN_DOCS_FOR_INTERVAL

UNDEFINED = "—"
SECTION_TITLES = {
    "entities": "Entities",
    "entities_document": "Entities, document level (label, ref): each entity once per document",
    "figures": "Figures (span matches and value equal)",
    "relations_mention": "Relations, mention level",
    "relations_fact": "Relations, fact level (head ref, type, tail ref)",
}
FOOTNOTE = f"{UNDEFINED} undefined: precision with no predictions, recall with no gold, F1 with neither."


def _tablefmt(fmt: str) -> str:
    return "github" if fmt == "markdown" else "simple"


def fmt_score(value: float | None) -> str:
    return UNDEFINED if value is None else f"{value:.3f}"


def fmt_count(value: float) -> str:
    return f"{value:g}"


def _heading(text: str, fmt: str) -> str:
    return f"### {text}" if fmt == "markdown" else f"== {text} =="


def _row(name: str, r: Mapping[str, Any]) -> list[str]:
    return [
        name,
        fmt_count(r["tp"]),
        fmt_count(r["fp"]),
        fmt_count(r["fn"]),
        fmt_score(r["precision"]),
        fmt_score(r["recall"]),
        fmt_score(r["f1"]),
        fmt_count(r["support"]),
    ]


def _interval(section: Mapping[str, Any]) -> str | None:
    iv = section.get("interval")
    if not iv:
        return None
    if iv.get("low") is None:
        return f"micro-F1 95% interval: {iv.get('note')}"
    return (
        f"micro-F1 {iv['level']:.0%} interval: [{iv['low']:.3f}, {iv['high']:.3f}] "
        f"(bootstrap over documents, {iv['resamples']} resamples, seed {iv['seed']})"
    )


def render_score(result: Mapping[str, Any], fmt: str = "table") -> str:
    out = [
        f"System: {result['system']}   match: {result['match']}   split: {result.get('split', 'all')}   "
        f"documents: {result['documents']}   gold: {result['gold_sha256'][:12]}"
    ]
    for name, section in result["sections"].items():
        out.append("")
        out.append(_heading(SECTION_TITLES.get(name, name), fmt))
        if section["status"] == "absent":
            out.append("absent: the system does not predict this section (not scored, not zero)")
            continue
        rows = [_row(label, r) for label, r in section["labels"].items()]
        rows.append(_row("micro", section["micro"]))
        m = section["macro"]
        rows.append(
            [
                "macro",
                "",
                "",
                "",
                fmt_score(m["precision"]),
                fmt_score(m["recall"]),
                fmt_score(m["f1"]),
                f"{m['labels']} labels",
            ]
        )
        out.append(
            tabulate(
                rows,
                headers=["label", "TP", "FP", "FN", "P", "R", "F1", "support"],
                tablefmt=_tablefmt(fmt),
                disable_numparse=True,
            )
        )
        for line in filter(None, [_interval(section), _attributes(section)]):
            out.append(line)
    if "slices" in result:
        out.append("")
        out.append(render_slices(result["slices"], fmt))
    out.append("")
    out.append(FOOTNOTE)
    return "\n".join(out) + "\n"


def render_slices(slices: Mapping[str, Any], fmt: str = "table") -> str:
    """One micro-F1 row per slice (theatre, style, split…), one column per scored section."""
    rows = slices["rows"]
    sections = [s for s in SECTION_TITLES if any(s in r for r in rows.values())]
    table = [[value, r["documents"]] + [fmt_score(r[s]["f1"]) for s in sections] for value, r in rows.items()]
    body = tabulate(
        table,
        headers=[slices["by"], "docs"] + [f"F1 {s}" for s in sections],
        tablefmt=_tablefmt(fmt),
        disable_numparse=True,
    )
    return _heading(f"Micro-F1 by {slices['by']}", fmt) + "\n" + body


def _attributes(section: Mapping[str, Any]) -> str | None:
    attrs = section.get("attributes")
    if not attrs:
        return None
    parts = [f"{k} accuracy {fmt_score(v['accuracy'])} ({v['correct']}/{v['total']})" for k, v in attrs.items()]
    return "Over matched figures: " + ", ".join(parts)


def render_compare(results: Sequence[Mapping[str, Any]], tests: Mapping[str, list[dict]], fmt: str = "table") -> str:
    """Side by side F1 per label; the difference is each system minus the first."""
    names = [r["system"] for r in results]
    out = [
        f"Compare: {', '.join(names)}   match: {results[0]['match']}   split: {results[0].get('split', 'all')}   "
        f"documents: {results[0]['documents']}"
    ]
    for section in results[0]["sections"]:
        out.append("")
        out.append(_heading(SECTION_TITLES.get(section, section), fmt))
        secs = [r["sections"][section] for r in results]
        if all(s["status"] == "absent" for s in secs):
            out.append("absent for every system")
            continue
        headers = ["label"] + [f"F1 {n}" for n in names] + [f"Δ {n}" for n in names[1:]]
        labels = next(s["labels"] for s in secs if s["status"] == "scored")
        rows = []
        for label in list(labels) + ["micro", "macro"]:
            f1s = [_f1(s, label) for s in secs]
            cells = [_cell(s, f) for s, f in zip(secs, f1s, strict=True)]
            rows.append([label, *cells] + [_delta(f1s[0], f) for f in f1s[1:]])
        out.append(tabulate(rows, headers=headers, tablefmt=_tablefmt(fmt), disable_numparse=True))
        for test in tests.get(section, []):
            caveat = (
                "; too few documents for any difference to be significant"
                if test["documents"] < MIN_DOCS_FOR_INTERVAL
                else ""
            )
            out.append(
                f"micro-F1 {test['b']} - {test['a']}: {test['difference']:+.3f}, p = {test['p_value']:.4f} "
                f"(paired approximate randomisation over {test['documents']} documents, "
                f"{test['trials']} trials, seed {test['seed']}{caveat})"
            )
    out.append("")
    out.append(FOOTNOTE + " 'absent': the system does not predict the section.")
    return "\n".join(out) + "\n"


def _f1(section: Mapping[str, Any], label: str) -> float | None:
    if section["status"] != "scored":
        return None
    if label in ("micro", "macro"):
        return section[label]["f1"]
    return section["labels"].get(label, {}).get("f1")


def _cell(section: Mapping[str, Any], f1: float | None) -> str:
    return "absent" if section["status"] != "scored" else fmt_score(f1)


def _delta(base: float | None, other: float | None) -> str:
    if base is None or other is None:
        return UNDEFINED
    return f"{other - base:+.3f}"


def render_gate(
    regressions: list[dict], improvements: list[dict], unguarded: list[dict], baseline: str, tolerance: float
) -> str:
    out = []
    if unguarded:
        out.append(
            f"NO LONGER GUARDED by {baseline} (the scores have no such label or section any more; "
            "review and run `bench gate --update`): " + ", ".join(f"{u['section']}/{u['label']}" for u in unguarded)
        )
    if regressions:
        out.append(f"REGRESSION against {baseline} (tolerance {tolerance}):")
        out.append(
            tabulate(
                [[r["section"], r["label"], fmt_score(r["before"]), fmt_score(r["after"])] for r in regressions],
                headers=["section", "label", "F1 before", "F1 after"],
                disable_numparse=True,
            )
        )
    else:
        out.append(f"OK: no F1 fell more than {tolerance} below {baseline}")
    if improvements:
        out.append(
            "Improved (consider `bench gate --update`): "
            + ", ".join(
                f"{r['section']}/{r['label']} {fmt_score(r['before'])}->{fmt_score(r['after'])}" for r in improvements
            )
        )
    return "\n".join(out) + "\n"


def render_stats(stats: Mapping[str, Any], split: str, fmt: str = "table") -> str:
    """`bench stats`: one small table per count, so each target can be read off directly."""
    w = stats["words"]
    out = [
        f"Corpus: {stats['documents']} document(s) ({stats['annotated']} with gold)   split: {split}   "
        f"words: {w['total']} (per document {w['min']}–{w['max']})   "
        f"dates: {stats['dates']['first']} to {stats['dates']['last']}"
    ]
    tables = [
        ("Entity mentions", stats["entities"]["labels"], stats["entities"]["total"]),
        ("Figures by category", stats["figures"]["categories"], stats["figures"]["total"]),
        ("Relations by type", stats["relations"]["types"], stats["relations"]["total"]),
    ]
    tables += [
        (f"Documents by {f}", stats[f], stats["documents"])
        for f in ("split", "theatre", "style", "origin")
        if f in stats
    ]
    for title, counts, total in tables:
        out.append("")
        out.append(_heading(title, fmt))
        rows = [[k, v] for k, v in counts.items()] + [["total", total]]
        out.append(tabulate(rows, headers=["", "count"], tablefmt=_tablefmt(fmt), disable_numparse=True))
    return "\n".join(out) + "\n"


def render_curves(payload: Mapping[str, Any], fmt: str = "table") -> str:
    """One line per section: average precision and the best-F1 threshold (the points are in the JSON)."""
    head = (
        f"System: {payload['system']}   match: {payload['match']}   split: {payload['split']}   "
        f"documents: {payload['documents']}   gold: {payload['gold_sha256'][:12]}"
    )
    rows = []
    for name, curve in payload["sections"].items():
        if curve["status"] != "curve":
            status = "absent" if curve["status"] == "absent" else "no item carries a score"
            rows.append([name, status, "", "", "", "", "", ""])
            continue
        best = curve["best"] or {}
        threshold = best.get("threshold")
        rows.append(
            [
                name,
                len(curve["points"]),
                fmt_score(curve["average_precision"]),
                "unscored only" if threshold is None else f"{threshold:g}",
                fmt_score(best.get("precision")),
                fmt_score(best.get("recall")),
                fmt_score(best.get("f1")),
                curve["unscored_items"],
            ]
        )
    table = tabulate(
        rows,
        headers=["section", "points", "AP", "best-F1 threshold", "P", "R", "F1", "kept unscored"],
        tablefmt=_tablefmt(fmt),
        disable_numparse=True,
    )
    note = (
        "AP = sum over thresholds (high to low) of (R_n - R_n-1) * P_n, recall over all gold items; "
        "items without a score are kept at every threshold."
    )
    return f"{head}\n\n{table}\n\n{note}\n"
