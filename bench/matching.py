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
from dataclasses import dataclass
from typing import Iterable, Sequence

SCHEMES = ("strict", "exact", "partial", "type")
CORRECT, INCORRECT, PARTIAL = "correct", "incorrect", "partial"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
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


def _pair_equal(gold: Sequence[Span], pred: Sequence[Span], g_idx: Iterable[int], p_idx: Iterable[int], key):
    """Pair spans whose ``key`` is equal, lowest offsets first; returns pairs and what is left."""
    waiting: dict[tuple, list[int]] = defaultdict(list)
    for g in sorted(g_idx, key=lambda i: (gold[i].start, gold[i].end, gold[i].label, i)):
        waiting[key(gold[g])].append(g)
    for queue in waiting.values():
        queue.reverse()  # pop() from the end yields the lowest first
    pairs, rest_p = [], []
    for p in sorted(p_idx, key=lambda i: (pred[i].start, pred[i].end, pred[i].label, i)):
        queue = waiting.get(key(pred[p]))
        if queue:
            pairs.append((queue.pop(), p))
        else:
            rest_p.append(p)
    rest_g = sorted((g for q in waiting.values() for g in q), key=lambda i: (gold[i].start, gold[i].end, i))
    return pairs, rest_g, rest_p


def _sweep_overlaps(gold: Sequence[Span], pred: Sequence[Span], g_idx: list[int], p_idx: list[int], same_label: bool):
    """Pair each prediction (left to right) with the leftmost unaligned gold span it overlaps."""
    g_order = sorted(g_idx, key=lambda i: (gold[i].start, gold[i].end, i))
    p_order = sorted(p_idx, key=lambda i: (pred[i].start, pred[i].end, pred[i].label, i))
    pairs, rest_p, used = [], [], set()
    # One heap of open gold spans per label (or one for all) keyed by position.
    heaps: dict[str | None, list] = defaultdict(list)
    nxt = 0
    for p in p_order:
        ps = pred[p]
        while nxt < len(g_order) and gold[g_order[nxt]].start < ps.end:
            g = g_order[nxt]
            heapq.heappush(heaps[gold[g].label if same_label else None], (gold[g].start, gold[g].end, g))
            nxt += 1
        heap = heaps.get(ps.label if same_label else None)
        # Spans ending before this prediction starts cannot overlap it or any later one.
        while heap and heap[0][1] <= ps.start:
            heapq.heappop(heap)
        if heap:
            g = heapq.heappop(heap)[2]
            pairs.append((g, p))
            used.add(g)
        else:
            rest_p.append(p)
    rest_g = [g for g in g_order if g not in used]
    return pairs, rest_g, rest_p


def align(gold: Sequence[Span], pred: Sequence[Span], scheme: str = "strict") -> Alignment:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown match scheme {scheme!r}; choose one of {', '.join(SCHEMES)}")
    all_g, all_p = range(len(gold)), range(len(pred))
    if scheme == "type":
        exact, g_left, p_left = _pair_equal(gold, pred, all_g, all_p, lambda s: (s.start, s.end, s.label))
        typed, g_left, p_left = _sweep_overlaps(gold, pred, g_left, p_left, same_label=True)
        first = [(g, p, CORRECT) for g, p in exact + typed]
    else:
        key = (lambda s: (s.start, s.end, s.label)) if scheme == "strict" else (lambda s: (s.start, s.end))
        exact, g_left, p_left = _pair_equal(gold, pred, all_g, all_p, key)
        first = [(g, p, CORRECT) for g, p in exact]
    loose, missed, spurious = _sweep_overlaps(gold, pred, g_left, p_left, same_label=False)
    second = PARTIAL if scheme == "partial" else INCORRECT
    pairs = sorted(first + [(g, p, second) for g, p in loose])
    return Alignment(tuple(pairs), tuple(sorted(missed)), tuple(sorted(spurious)))
