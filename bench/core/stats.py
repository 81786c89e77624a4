"""Uncertainty over documents: bootstrap intervals for micro-F1 and a paired significance test.

Documents, not spans, are the unit of resampling: spans of one article are not independent
(one article's style makes a system right or wrong many times over).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from bench.core.scoring import MICRO, Counts, Tally

# Below this many documents a percentile interval mostly reflects which few articles were drawn.
MIN_DOCS_FOR_INTERVAL = 5
# Resamples and trials are drawn in chunks of about this many document draws, so memory stays flat.
CHUNK_DRAWS = 1_000_000
MAX_RESAMPLES = 100_000


def _chunks(n: int, docs: int) -> list[int]:
    size = max(1, CHUNK_DRAWS // max(docs, 1))
    return [min(size, n - start) for start in range(0, n, size)]


def _matrix(per_doc: Mapping[str, Tally], doc_ids: Sequence[str]) -> np.ndarray:
    return np.array([per_doc[d].get(MICRO, Counts()).as_tuple() for d in doc_ids], dtype=float).reshape(-1, 5)


def _f1(sums: np.ndarray) -> np.ndarray:
    """Micro-F1 from summed (correct, incorrect, partial, missed, spurious) along the last axis."""
    correct, incorrect, partial, missed, spurious = np.moveaxis(sums, -1, 0)
    tp = correct + 0.5 * partial
    denom = 2 * (correct + incorrect + partial) + missed + spurious
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denom > 0, 2 * tp / np.where(denom > 0, denom, 1), np.nan)


def bootstrap_interval(per_doc: Mapping[str, Tally], n: int, seed: int, level: float = 0.95) -> dict:
    doc_ids = sorted(per_doc)
    if len(doc_ids) < MIN_DOCS_FOR_INTERVAL:
        return {
            "low": None,
            "high": None,
            "resamples": n,
            "seed": seed,
            "note": f"not meaningful with {len(doc_ids)} document(s); needs at least {MIN_DOCS_FOR_INTERVAL}",
        }
    if not 1 <= n <= MAX_RESAMPLES:
        raise ValueError(f"resamples must be from 1 to {MAX_RESAMPLES}, got {n}")
    m = _matrix(per_doc, doc_ids)
    rng = np.random.default_rng(seed)
    parts = []
    for size in _chunks(n, len(doc_ids)):
        draws = rng.integers(0, len(doc_ids), size=(size, len(doc_ids)))
        parts.append(_f1(m[draws].sum(axis=1)))
    f1 = np.concatenate(parts)
    f1 = f1[~np.isnan(f1)]
    if f1.size == 0:
        return {"low": None, "high": None, "resamples": n, "seed": seed, "note": "no gold and no predictions"}
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(f1, [tail, 100 - tail])
    return {"low": float(low), "high": float(high), "resamples": n, "seed": seed, "level": level}


def paired_randomisation(a: Mapping[str, Tally], b: Mapping[str, Tally], trials: int, seed: int) -> dict:
    """Approximate randomisation: swap the two systems' outputs per document at random.

    The p-value is the share of trials whose |F1(A) - F1(B)| is at least the observed one, with
    the +1 correction so it is never 0.
    """
    if not 1 <= trials <= MAX_RESAMPLES:
        raise ValueError(f"trials must be from 1 to {MAX_RESAMPLES}, got {trials}")
    doc_ids = sorted(set(a) & set(b))
    ma, mb = _matrix(a, doc_ids), _matrix(b, doc_ids)
    observed = float(np.nan_to_num(_f1(ma.sum(0))) - np.nan_to_num(_f1(mb.sum(0))))
    rng = np.random.default_rng(seed)
    extreme = 0
    for size in _chunks(trials, len(doc_ids)):
        swap = rng.integers(0, 2, size=(size, len(doc_ids), 1)).astype(bool)
        sa = np.where(swap, mb, ma).sum(axis=1)
        sb = np.where(swap, ma, mb).sum(axis=1)
        diffs = np.nan_to_num(_f1(sa)) - np.nan_to_num(_f1(sb))
        extreme += int(np.sum(np.abs(diffs) >= abs(observed) - 1e-12))
    return {
        "difference": observed,
        "p_value": (extreme + 1) / (trials + 1),
        "trials": trials,
        "seed": seed,
        "documents": len(doc_ids),
    }
