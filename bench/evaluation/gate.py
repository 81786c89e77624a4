"""The regression gate: compare a fresh score with a committed baseline, label by label.

A baseline is a saved score (``bench.evaluation.results``) whose ``articles_dir`` and ``gold_dir`` are stored
relative to the baseline file, so the gate gives the same answer from any working directory. A baseline
may guard a predictions file instead of a system (``source`` "predictions", as an extractor's own
repository does in CI): its path is stored relative to the baseline too, and reading a file needs no
consent to import code.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.core.annotation import atomic_write
from bench.core.matching import SCHEMES
from bench.core.scoring import SECTION_NAMES
from bench.evaluation.results import SCHEMA_VERSION, dumps_result
from bench.formats.jsonfile import JSONProblem, parse_json
from bench.formats.metadata import ALL, SPLITS

EPSILON = 1e-9  # both sides are rounded to 6 places before comparing


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file and what is wrong."""


def _number_or_null(value: Any) -> bool:
    return value is None or (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value))


def check_baseline(raw: Any) -> list[str]:
    """Every problem of a parsed baseline, each a short phrase."""
    if not isinstance(raw, dict):
        return [f"expected a JSON object, got {type(raw).__name__}"]
    out = []
    if raw.get("schema_version") != SCHEMA_VERSION:
        out.append(f"schema_version {raw.get('schema_version')!r}, expected {SCHEMA_VERSION}")
    if not isinstance(raw.get("system"), str) or not raw.get("system"):
        out.append("no 'system' to re-score")
    if raw.get("match") not in SCHEMES:
        out.append(f"match {raw.get('match')!r} is not one of {', '.join(SCHEMES)}")
    if raw.get("split", ALL) not in (*SPLITS, ALL):
        out.append(f"split {raw.get('split')!r} is not one of {', '.join((*SPLITS, ALL))}")
    for key in ("articles_dir", "gold_dir", "gold_sha256"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip() or any(ord(c) < 32 for c in value):
            out.append(f"'{key}' must be a non-empty string without control characters, got {value!r}")
    sections = raw.get("sections")
    if not isinstance(sections, dict):
        return out + ["'sections' must be an object"]
    for name, section in sections.items():
        if not isinstance(section, dict) or section.get("status") not in ("scored", "absent"):
            out.append(f"section {name!r}: needs a status of 'scored' or 'absent'")
            continue
        if section["status"] == "absent":
            continue
        rows = (
            {**section.get("labels", {}), "micro": section.get("micro")}
            if isinstance(section.get("labels"), dict)
            else None
        )
        if rows is None:
            out.append(f"section {name!r}: 'labels' must be an object")
            continue
        for label, row in rows.items():
            if not isinstance(row, dict) or not _number_or_null(row.get("f1")):
                out.append(f"section {name!r}, label {label!r}: f1 must be a number or null")
    return out


def load_baseline(path: Path) -> dict[str, Any]:
    """Read and check a baseline; its directories come back resolved against the baseline's folder."""
    path = Path(path)
    try:
        raw = parse_json(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise BaselineError(f"{path}: cannot read: {getattr(err, 'strerror', None) or err}") from None
    except JSONProblem as err:
        raise BaselineError(f"{path}: {err.located()}") from None
    problems = check_baseline(raw)
    if problems:
        raise BaselineError(f"{path}: " + "; ".join(problems))
    for key in _portable_keys(raw):
        raw[key] = str(path.parent / raw[key])
    return raw


def _portable_keys(result: Mapping[str, Any]) -> tuple[str, ...]:
    return (
        ("articles_dir", "gold_dir", "system")
        if result.get("source") == "predictions"
        else ("articles_dir", "gold_dir")
    )


def portable(result: Mapping[str, Any], baseline_path: Path) -> dict[str, Any]:
    """The result as a baseline stores it: its directories relative to the baseline's folder."""
    out = dict(result)
    for key in _portable_keys(result):
        out[key] = os.path.relpath(Path(result[key]).resolve(), Path(baseline_path).resolve().parent)
    return out


def _f1s(section: Mapping[str, Any]) -> dict[str, float | None]:
    out = {label: r["f1"] for label, r in section.get("labels", {}).items()}
    out["micro"] = section["micro"]["f1"] if "micro" in section else None
    return out


def compare_to_baseline(
    baseline: Mapping[str, Any], current: Mapping[str, Any], tolerance: float
) -> tuple[list[dict], list[dict], list[dict]]:
    """Regressions (F1 fell more than ``tolerance``), improvements, and labels no longer guarded.

    A label the baseline could score but the current run cannot (its F1 became undefined, or the
    whole section became absent) counts as a regression: the gate should not go quiet about it.
    A label or section the current scores no longer have at all (the schema changed) is listed as
    no longer guarded.
    """
    regressions, improvements, unguarded = [], [], []
    for name, before_sec in baseline["sections"].items():
        if before_sec["status"] != "scored":
            continue
        if name not in current["sections"] or name not in SECTION_NAMES:
            unguarded.append({"section": name, "label": "(whole section)"})
            continue
        after_sec = current["sections"][name]
        before = _f1s(before_sec)
        after = _f1s(after_sec) if after_sec["status"] == "scored" else {}
        known = set(after_sec.get("labels", {})) | {"micro"} if after_sec["status"] == "scored" else set(before)
        for label, b in before.items():
            if label not in known:
                unguarded.append({"section": name, "label": label})
                continue
            if b is None:
                continue
            a = after.get(label)
            item = {"section": name, "label": label, "before": b, "after": a}
            if a is None or a < b - tolerance - EPSILON:
                regressions.append(item)
            elif a > b + EPSILON:
                improvements.append(item)
    return regressions, improvements, unguarded


@dataclass
class GateOutcome:
    """What ``run_gate`` did: wrote a baseline, found the gold changed, or checked the scores."""

    path: Path
    system: str
    match: str
    split: str
    action: str  # "written" | "gold changed" | "checked"
    regressions: list[dict] = field(default_factory=list)
    improvements: list[dict] = field(default_factory=list)
    unguarded: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.action == "gold changed" or bool(self.regressions or self.unguarded)


def run_gate(
    path: Path,
    system: str | None = None,
    update: bool = False,
    tolerance: float = 0.0,
    allow_import: bool = False,
    articles: Path | None = None,
    gold: Path | None = None,
    match: str | None = None,
    split: str | None = None,
    use_cache: bool = False,
    predictions: Path | None = None,
) -> GateOutcome:
    """Re-score a baseline's system on its corpus and split, and compare; or (``update``) rewrite it.

    Settings not given come from the baseline. ``update`` with ``system`` (or ``predictions``) may create
    a new baseline or replace a broken one; nothing else uses a baseline that fails its checks.
    ``predictions`` scores that file instead of the baseline's system or file.
    """
    from bench.evaluation.runs import open_corpus, score
    from bench.evaluation.systems import is_registered

    path = Path(path)
    baseline = None
    if path.exists():
        try:
            baseline = load_baseline(path)
        except BaselineError:
            if not (update and (system or predictions)):
                raise
    elif not (update and (system or predictions)):
        raise BaselineError(
            f"{path}: no such baseline (create one with --update --system NAME or --update --predictions FILE)"
        )
    kind = None
    if predictions is not None:
        system, kind = str(predictions), "predictions"
    elif not system and baseline is not None and baseline.get("source") == "predictions":
        system, kind = baseline["system"], "predictions"
    system = system or (baseline or {}).get("system", "")
    if kind != "predictions" and not (allow_import or is_registered(system)):
        # A baseline file must not choose code to run: ad hoc module:attribute targets need consent.
        raise BaselineError(
            f"{path}: system {system!r} is not registered (see `bench systems`); pass --allow-import to import it"
        )
    match = match or (baseline["match"] if baseline else "strict")
    split = split or (baseline.get("split", ALL) if baseline else ALL)
    corpus = open_corpus(
        Path(articles or (baseline["articles_dir"] if baseline else "seeds")),
        Path(gold or (baseline["gold_dir"] if baseline else "gold")),
        split,
    )
    scored = score(corpus, system, kind, scheme=match, use_cache=use_cache)
    # Compare what a saved file holds: the baseline's scores were rounded the same way.
    current = json.loads(dumps_result(scored.result))
    outcome = GateOutcome(path, system, match, split, "checked", warnings=corpus.warnings + scored.warnings)
    if update:
        atomic_write(path, dumps_result(portable(current, path)))
        outcome.action = "written"
    elif baseline is not None and baseline["gold_sha256"] != current["gold_sha256"]:
        outcome.action = "gold changed"
    elif baseline is not None:
        outcome.regressions, outcome.improvements, outcome.unguarded = compare_to_baseline(baseline, current, tolerance)
    return outcome
