"""Coreference in doccano: a gold ``ref`` becomes ``SAME_AS`` links between mentions, and back.

doccano cannot show or edit a free-text attribute of a span, but it can show and edit relations.
So mentions of one entity are chained by ``SAME_AS`` relations (a doccano-only relation type, never
a schema relation and never scored as one). On the way back each connected group of mentions gets
one ``ref``, chosen by ``group_refs``:

* a group whose mentions carried one ref when pushed (the example's metadata keeps it, keyed by
  offsets) keeps that ref, so a round trip is exact, including refs that are no mention's text
  ("MOSCOW" -> "Moscow");
* a group the annotator made or merged gets its fullest name: the longest of the refs its
  mentions carried, or, when none carried one, the longest mention text (ties: the earliest);
* when the annotator split a group, the part holding the longest mention keeps the ref and every
  other part is named afresh from its own mentions;
* a mention alone keeps the ref it carried, or has none (the ref then defaults to its text).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence

SAME_AS = "SAME_AS"

Span = tuple[int, int]  # (start, end) in code points


def same_as_links(mentions: Sequence[tuple[Span, str | None]]) -> list[tuple[Span, Span]]:
    """(earlier, later) pairs chaining, in reading order, the mentions that share a ref."""
    groups: dict[str, list[Span]] = {}
    for span, ref in sorted(mentions):
        if ref:
            groups.setdefault(ref, []).append(span)
    links = []
    for spans in groups.values():
        links += list(itertools.pairwise(spans))
    return sorted(links)


def components(spans: Iterable[Span], links: Iterable[tuple[Span, Span]]) -> list[list[Span]]:
    """Connected groups of spans (links are undirected), each sorted, in reading order."""
    parent = {s: s for s in spans}

    def root(s: Span) -> Span:
        while parent[s] != s:
            parent[s] = parent[parent[s]]
            s = parent[s]
        return s

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[Span, list[Span]] = {}
    for s in sorted(parent):
        groups.setdefault(root(s), []).append(s)
    return sorted(groups.values())


def _fullest(names: Sequence[str]) -> str:
    return max(names, key=len)  # max keeps the first of equal lengths: the earliest


def group_refs(
    texts: Mapping[Span, str], links: Iterable[tuple[Span, Span]], carried: Mapping[Span, str]
) -> dict[Span, str | None]:
    """The ref of every mention, from its ``SAME_AS`` group and the refs the mentions carried."""
    groups = components(texts, links)
    claims: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        for name in dict.fromkeys(carried[s] for s in group if s in carried):
            claims.setdefault(name, []).append(i)

    def keeps(ref: str, i: int) -> bool:
        # A split group: the part with the longest mention keeps the ref.
        holders = claims[ref]
        if len(holders) == 1:
            return True
        best = max(holders, key=lambda j: (max(len(texts[s]) for s in groups[j]), -j))
        return best == i

    out: dict[Span, str | None] = {}
    ref: str | None
    for i, group in enumerate(groups):
        known = [r for r in dict.fromkeys(carried[s] for s in group if s in carried) if keeps(r, i)]
        if len(group) == 1:
            ref = known[0] if known else None
        elif known:
            ref = known[0] if len(known) == 1 else _fullest(known)
        else:
            ref = _fullest([texts[s] for s in group])
        for s in group:
            out[s] = ref
    return out
