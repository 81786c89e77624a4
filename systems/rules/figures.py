"""Casualty figures: a number phrase with its qualifier, kept only next to casualty vocabulary.

A number becomes a FIGURE when a cue of some category stands after it ("30 civilians were
killed", "1,200 deaths", "20 rockets") or as a verb before it ("killing at least 12", "the death
toll rose to 300"). Dates, ages, times, percentages, titles ("number two") and ordinals are
excluded by their neighbours. Values and qualifiers come from ``bench.core.numbers``.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

from bench.core.numbers import NUMBER_WORDS, QUALIFIER_PHRASES, normalise_figure

from .entities import DATA, load_json, sentence_bounds, token_view

WINDOW_AFTER = 8
WINDOW_BEFORE = 5
LIST_GAP = 6  # tokens between two counts of one list: "40 soldiers and 25"
STOP = {".", ";", ":", "?", "!", "(", ")"}


@dataclass(frozen=True)
class Figure:
    span: Span
    value: float
    qualifier: str
    category: str
    rule: str  # which cue list of data/figures.json made it a figure


def _phrases(items: list[str]) -> list[tuple[str, ...]]:
    return sorted((tuple(p.lower().split()) for p in items), key=len, reverse=True)


class FigureFinder:
    def __init__(self, data_dir: Path = DATA):
        cues = load_json("figures.json", data_dir)
        self.after = [(cat, p) for cat, ps in cues["after"].items() for p in _phrases(ps)]
        self.before = [(cat, p) for cat, ps in cues["before"].items() for p in _phrases(ps)]
        self.after.sort(key=lambda x: -len(x[1]))
        self.before.sort(key=lambda x: -len(x[1]))
        self.not_after = {w.lower() for w in cues["not_figure_after"]}
        self.not_before = {w.lower() for w in cues["not_figure_before"]}
        self.list_joiners = set(cues["list_joiners"])
        self.qualifiers = _phrases([p for ps in QUALIFIER_PHRASES.values() for p in ps])

    @staticmethod
    def _numberish(view) -> list[bool]:
        ordinal = ("st", "nd", "rd", "th")
        return [
            (num and not low.endswith(ordinal)) or (low in NUMBER_WORDS and low not in ("a", "and", "score"))
            for num, low in zip(view.like_num, view.lowers, strict=False)
        ]

    @staticmethod
    def _number_runs(lowers: list[str], num: list[bool], taken: list[bool]):
        """(start, end) token ranges of number phrases: "1.4 million", "tens of thousands", "10 to 15"."""
        n, i = len(lowers), 0
        while i < n:
            if taken[i] or not num[i] or (lowers[i] == "one" and FigureFinder._pronoun_one(lowers, i)):
                i += 1
                continue
            j = i + 1
            while j < n and not taken[j]:
                if num[j] and lowers[j] != "a":
                    j += 1
                elif (
                    lowers[j] in ("of", "to", "and", "-", "–")
                    and j + 1 < n
                    and num[j + 1]
                    and (lowers[j] != "of" or lowers[j - 1] in ("tens", "hundreds", "thousands", "dozens"))
                ):
                    j += 2
                else:
                    break
            begin = i
            a_scale = i > 0 and lowers[i - 1] == "a" and lowers[i] in ("dozen", "hundred", "thousand", "million")
            if a_scale or (i > 0 and lowers[i - 1] == "between" and "and" in lowers[i:j]):
                begin = i - 1
            yield begin, j
            i = j

    @staticmethod
    def _pronoun_one(lowers: list[str], i: int) -> bool:
        # "one of the ...", "one such casualty", "no one": a pronoun, not a count.
        nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
        prev = lowers[i - 1] if i > 0 else ""
        return nxt in ("of", "such", "another", "who", "which", "that") or prev in ("no", "any", "every", "the")

    @staticmethod
    def _match_at(lowers: list[str], i: int, phrases) -> tuple[str, int] | None:
        for cat, phrase in phrases:
            if lowers[i] == phrase[0] and tuple(lowers[i : i + len(phrase)]) == phrase:
                return cat, len(phrase)
        return None

    def _before_cue(self, lowers: list[str], k: int, floor: int) -> str | None:
        """The category of a 'before' cue phrase ending at token k (not crossing ``floor``)."""
        for cat, phrase in self.before:
            n = len(phrase)
            if k - n + 1 >= floor and lowers[k] == phrase[-1] and tuple(lowers[k - n + 1 : k + 1]) == phrase:
                return cat
        return None

    def _category(self, doc: Doc, lowers: list[str], num: list[bool], start: int, end: int) -> tuple[str, str] | None:
        starts, ends = sentence_bounds(doc)
        sent_start = starts[start]
        # A verb right before the number is the strongest cue: "has killed more than 14,000 people
        # and displaced nearly 8 million" -- the first count is of the killed.
        if start > sent_start and (adjacent := self._before_cue(lowers, start - 1, sent_start)):
            return adjacent, f"figures.before.{adjacent}"
        k = end
        while k < min(ends[end - 1], end + WINDOW_AFTER):
            if doc[k].text in STOP or (k > end and num[k] and lowers[k] != "one"):
                break
            hit = self._match_at(lowers, k, self.after)
            if hit:
                return hit[0], f"figures.after.{hit[0]}"
            k += 1
        for k in range(start - 1, max(sent_start, start - WINDOW_BEFORE) - 1, -1):
            if cat := self._before_cue(lowers, k, sent_start):
                return cat, f"figures.before.{cat}"
            if doc[k].text in STOP:
                break
        return None

    def _excluded(self, doc: Doc, start: int, end: int, person_ends: Set[int]) -> bool:
        prev = doc[start - 1] if start > 0 else None
        nxt = doc[end] if end < len(doc) else None
        if prev is not None and prev.text.lower() in self.not_before:
            return True
        if nxt is not None and nxt.lower_ in self.not_after:
            return True
        if nxt is not None and nxt.text in ("-", "–") and end + 1 < len(doc) and doc[end + 1].lower_ in self.not_after:
            return True  # "25-year-old", "10-day"
        text = doc[start:end].text
        if ":" in text or text.endswith("%"):
            return True
        # A bare four-digit year ("in 2023") is a date, not a count.
        if end - start == 1 and doc[start].shape_ == "dddd" and 1900 <= int(doc[start].text) <= 2100:
            return True
        # Ages in apposition: "Omar Haddad, 37, ..."
        in_commas = prev is not None and prev.text == "," and nxt is not None and nxt.text == ","
        return in_commas and start - 1 in person_ends

    def _with_qualifier(self, lowers: list[str], start: int) -> int:
        for phrase in self.qualifiers:
            n = len(phrase)
            if start - n >= 0 and lowers[start - 1] == phrase[-1] and tuple(lowers[start - n : start]) == phrase:
                return start - n
        return start

    def find(self, doc: Doc, taken: list[bool], person_ends: Set[int] = frozenset()) -> list[Figure]:
        view = token_view(doc)
        lowers = view.lowers
        num = self._numberish(view)
        runs: list[tuple[int, int, tuple[str, str] | None]] = []
        for start, end in list(self._number_runs(lowers, num, taken)):
            if self._excluded(doc, start, end, person_ends):
                continue
            qstart = self._with_qualifier(lowers, start)
            runs.append((qstart, end, self._category(doc, lowers, num, qstart, end)))
        figures = []
        for i, (start, end, cue) in enumerate(runs):
            cue = cue or self._from_list(doc, lowers, runs, i)
            if cue is None:
                continue
            span = Span(doc, start, end, label="FIGURE")
            parsed = normalise_figure(span.text)
            if parsed is None:
                continue
            value, qualifier = parsed
            figures.append(Figure(span, value, qualifier, cue[0], cue[1]))
        return figures

    def _from_list(self, doc: Doc, lowers: list[str], runs: list, i: int) -> tuple[str, str] | None:
        """A count with no cue of its own inside a list of counts takes its neighbour's category:
        "40 soldiers and 25 civilians were freed", "80 bodies, 52 of them men"."""
        start, end, _ = runs[i]
        if end >= len(doc) or not (doc[end].is_alpha and doc[end].is_lower):
            return None  # a count is followed by what it counts ("120 civilians", "109 of them")
        sent_starts = sentence_bounds(doc)[0]
        for j in (i - 1, i + 1):
            if not 0 <= j < len(runs) or runs[j][2] is None:
                continue
            left, right = (runs[j][1], start) if j < i else (end, runs[j][0])
            between = lowers[left:right]
            if (
                sent_starts[runs[j][0]] == sent_starts[start]
                and 0 < right - left <= LIST_GAP
                and any(w in self.list_joiners for w in between)
                and not any(doc[k].text in STOP for k in range(left, right))
            ):
                return runs[j][2][0], f"figures.list.{runs[j][2][0]}"
        return None
