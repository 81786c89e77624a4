"""The regression gate: compare a fresh score with a committed baseline, label by label."""
from __future__ import annotations

from typing import Any, Mapping

EPSILON = 1e-9  # both sides are rounded to 6 places before comparing (see cmd_gate)


def _f1s(section: Mapping[str, Any]) -> dict[str, float | None]:
    out = {label: r["f1"] for label, r in section.get("labels", {}).items()}
    out["micro"] = section["micro"]["f1"] if "micro" in section else None
    return out


def compare_to_baseline(
    baseline: Mapping[str, Any], current: Mapping[str, Any], tolerance: float
) -> tuple[list[dict], list[dict]]:
    """Regressions (F1 fell more than ``tolerance``) and improvements, per section and label.

    A label the baseline could score but the current run cannot (its F1 became undefined, or the
    whole section became absent) counts as a regression: the gate should not go quiet about it.
    """
    regressions, improvements = [], []
    for name, before_sec in baseline["sections"].items():
        if before_sec["status"] != "scored":
            continue
        after_sec = current["sections"].get(name, {"status": "absent"})
        before = _f1s(before_sec)
        after = _f1s(after_sec) if after_sec["status"] == "scored" else {}
        for label, b in before.items():
            if b is None:
                continue
            a = after.get(label)
            item = {"section": name, "label": label, "before": b, "after": a}
            if a is None or a < b - tolerance - EPSILON:
                regressions.append(item)
            elif a > b + EPSILON:
                improvements.append(item)
    return regressions, improvements
