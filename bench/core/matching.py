"""Span alignment: the one step every metric is built on.

The evaluation schema, stated once (SemEval-2013 task 9.1 as nervaluate names it):

=========  =============================  ===================================
scheme     counts as ``correct``          an overlap that is not correct is
=========  =============================  ===================================
strict     same boundaries, same label    ``incorrect``
exact      same boundaries, any label     ``incorrect``
partial    same boundaries, any label     ``partial`` (half credit)
type       any overlap, same label        ``incorrect`` (overlap, other label)
=========  =============================  ===================================

A gold span left unaligned is ``missed``; a predicted span left unaligned is ``spurious``.

Alignment is one-to-one and deterministic: it never depends on the order spans are given in.
``correct`` pairs are made first, so a prediction with the right boundaries and label is never
robbed of its gold span by a sloppier neighbour (nervaluate matches greedily in input order and
can do that); the remaining overlaps are then paired in a left-to-right sweep, each prediction
taking the leftmost unaligned gold span it overlaps. Everything is sorting and sweeping: no step
compares all pairs.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

SCHEMES = ("strict", "exact", "partial", "type")
CORRECT, INCORRECT, PARTIAL = "correct", "incorrect", "partial"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Alignment:
    """``pairs`` are (gold index, prediction index, status); the rest are indices left unaligned."""

    pairs: tuple[tuple[int, int, str], ...]
    missed: tuple[int, ...]
    spurious: tuple[int, ...]

    def matched(self, scheme: str) -> dict[int, int]:
        """Prediction index -> gold index for pairs that count as a match under ``scheme``.

        Relations and figures need a yes/no answer per argument: under ``partial`` an overlap is
        a match; under the other schemes only ``correct`` is.
        """
        ok = {CORRECT, PARTIAL} if scheme == "partial" else {CORRECT}
        return {p: g for g, p, status in self.pairs if status in ok}


# Internally a span is the tuple (start, end, label, index): tuples sort natively, in the order
# every tie is broken by, so one sort per side serves the whole alignment.
Key = tuple[int, int, str, int]


def _pair_equal(gold: list[Key], pred: list[Key], with_label: bool):
    """Pair spans with equal boundaries (and labels), lowest first; inputs and outputs are sorted.

    Both sides are sorted by (start, end, label, index), so equal spans meet in one merge walk; within
    a run of equal keys the i-th gold span pairs with the i-th prediction.
    """
    width = 3 if with_label else 2
    pairs, rest_g, rest_p = [], [], []
    i = j = 0
    n_gold, n_pred = len(gold), len(pred)
    while i < n_gold and j < n_pred:
        g, p = gold[i], pred[j]
        gk, pk = g[:width], p[:width]
        if gk == pk:
            pairs.append((g[3], p[3]))
            i += 1
            j += 1
        elif gk < pk:
            rest_g.append(g)
            i += 1
        else:
            rest_p.append(p)
            j += 1
    rest_g.extend(gold[i:])
    rest_p.extend(pred[j:])
    return pairs, rest_g, rest_p


def _sweep_overlaps(gold: list[Key], pred: list[Key], same_label: bool):
    """Pair each prediction (left to right) with the leftmost unaligned gold span it overlaps."""
    pairs, rest_p, used = [], [], set()
    # One heap of open gold spans per label (or one for all) keyed by position.
    heaps: dict[str | None, list] = defaultdict(list)
    nxt, n = 0, len(gold)
    for p in pred:
        p_start, p_end, p_label, _ = p
        while nxt < n and gold[nxt][0] < p_end:
            g = gold[nxt]
            heapq.heappush(heaps[g[2] if same_label else None], (g[0], g[1], g[3]))
            nxt += 1
        heap = heaps.get(p_label if same_label else None)
        # Spans ending before this prediction starts cannot overlap it or any later one.
        while heap and heap[0][1] <= p_start:
            heapq.heappop(heap)
        if heap:
            g = heapq.heappop(heap)[2]
            pairs.append((g, p[3]))
            used.add(g)
        else:
            rest_p.append(p)
    return pairs, [g for g in gold if g[3] not in used], rest_p


def span_keys(spans: Sequence[Span]) -> list[Key]:
    """The sorted keys ``_pair`` works on; sort once, filter by label as often as needed."""
    return sorted((s.start, s.end, s.label, i) for i, s in enumerate(spans))


def _pair(g_keys: list[Key], p_keys: list[Key], scheme: str):
    """The alignment on sorted keys: (pairs counted correct, other pairs, missed keys, spurious keys)."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown match scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    exact, g_left, p_left = _pair_equal(g_keys, p_keys, with_label=scheme in ("strict", "type"))
    if scheme == "type":
        typed, g_left, p_left = _sweep_overlaps(g_left, p_left, same_label=True)
        exact += typed
    loose, missed, spurious = _sweep_overlaps(g_left, p_left, same_label=False)
    return exact, loose, missed, spurious


def align(gold: Sequence[Span], pred: Sequence[Span], scheme: str = "strict") -> Alignment:
    exact, loose, missed, spurious = _pair(span_keys(gold), span_keys(pred), scheme)
    second = PARTIAL if scheme == "partial" else INCORRECT
    pairs = sorted([(g, p, CORRECT) for g, p in exact] + [(g, p, second) for g, p in loose])
    return Alignment(tuple(pairs), tuple(sorted(g[3] for g in missed)), tuple(sorted(p[3] for p in spurious)))


def pair_counts(g_keys: list[Key], p_keys: list[Key], scheme: str) -> tuple[int, int, int, int]:
    """(pairs counted correct, other pairs, missed, spurious): ``align`` without building the pairs."""
    exact, loose, missed, spurious = _pair(g_keys, p_keys, scheme)
    return len(exact), len(loose), len(missed), len(spurious)
