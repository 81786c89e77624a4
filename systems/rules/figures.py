"""Casualty figures: a number phrase with its qualifier, kept only next to casualty vocabulary.

A number becomes a FIGURE when a cue of some category stands after it ("52 people have been
killed", "5,791 deaths", "20 rockets") or as a verb before it ("killing at least 12", "the death
toll rose to 300"). Dates, ages, times, percentages, titles ("number two") and ordinals are
excluded by their neighbours. Values and qualifiers come from ``bench.numbers``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

from bench.numbers import QUALIFIER_PHRASES, is_number_word, normalise_figure

from .entities import DATA, load_json

WINDOW_AFTER = 8
WINDOW_BEFORE = 5
STOP = {".", ";", ":", "?", "!", "(", ")"}


@dataclass(frozen=True)
class Figure:
    span: Span
    value: float
    qualifier: str
    category: str


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
        self.qualifiers = _phrases([p for ps in QUALIFIER_PHRASES.values() for p in ps])

    @staticmethod
    def _is_number(token) -> bool:
        if token.like_num and not token.text.lower().endswith(("st", "nd", "rd", "th")):
            return True
        return is_number_word(token.text) and token.lower_ not in ("a", "and", "score")

    def _number_runs(self, doc: Doc, taken: list[bool]):
        i = 0
        while i < len(doc):
            if taken[i] or not self._is_number(doc[i]) or doc[i].lower_ in ("one",) and self._pronoun_one(doc, i):
                i += 1
                continue
            j = i + 1
            # "1.4 million", "tens of thousands", "10 to 15", "two hundred and five"
            while j < len(doc) and not taken[j]:
                t = doc[j]
                if self._is_number(t) and t.lower_ != "a":
                    j += 1
                elif t.lower_ in ("of", "to", "and", "-", "–") and j + 1 < len(doc) and self._is_number(doc[j + 1]) \
                        and (t.lower_ != "of" or doc[j - 1].lower_ in ("tens", "hundreds", "thousands", "dozens")):
                    j += 2
                else:
                    break
            begin = i
            if i > 0 and doc[i - 1].lower_ == "a" and doc[i].lower_ in ("dozen", "hundred", "thousand", "million"):
                begin = i - 1
            elif i > 0 and doc[i - 1].lower_ == "between" and any(t.lower_ == "and" for t in doc[i:j]):
                begin = i - 1
            yield begin, j
            i = j

    @staticmethod
    def _pronoun_one(doc: Doc, i: int) -> bool:
        # "one of the ...", "one such casualty", "no one": a pronoun, not a count.
        nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
        prev = doc[i - 1].lower_ if i > 0 else ""
        return nxt in ("of", "such", "another", "who", "which", "that") or prev in ("no", "any", "every", "the")

    def _match_at(self, doc: Doc, i: int, phrases) -> tuple[str, int] | None:
        for cat, phrase in phrases:
            n = len(phrase)
            if tuple(t.lower_ for t in doc[i:i + n]) == phrase:
                return cat, n
        return None

    def _category(self, doc: Doc, start: int, end: int) -> str | None:
        sent_end = doc[end - 1].sent.end
        k = end
        while k < min(sent_end, end + WINDOW_AFTER):
            if doc[k].text in STOP or (k > end and self._is_number(doc[k]) and doc[k].lower_ != "one"):
                break
            hit = self._match_at(doc, k, self.after)
            if hit:
                return hit[0]
            k += 1
        sent_start = doc[start].sent.start
        for k in range(start - 1, max(sent_start, start - WINDOW_BEFORE) - 1, -1):
            for cat, phrase in self.before:
                n = len(phrase)
                if k - n + 1 >= sent_start and tuple(t.lower_ for t in doc[k - n + 1:k + 1]) == phrase:
                    return cat
            if doc[k].text in STOP:
                break
        return None

    def _excluded(self, doc: Doc, start: int, end: int) -> bool:
        prev = doc[start - 1] if start > 0 else None
        nxt = doc[end] if end < len(doc) else None
        if prev is not None and prev.text.lower() in self.not_before:
            return True
        if nxt is not None and (nxt.lower_ in self.not_after or nxt.text.startswith("-year")):
            return True
        text = doc[start:end].text
        if ":" in text or text.endswith("%"):
            return True
        # A bare four-digit year ("in 2023") is a date, not a count.
        if end - start == 1 and doc[start].shape_ == "dddd" and 1900 <= int(doc[start].text) <= 2100:
            return True
        # Ages in apposition: "Issam Abdallah, 37, ..."
        if prev is not None and prev.text == "," and nxt is not None and nxt.text == "," and start >= 2 \
                and doc[start - 2].ent_type_ == "PERSON":
            return True
        return False

    def _with_qualifier(self, doc: Doc, start: int) -> int:
        for phrase in self.qualifiers:
            n = len(phrase)
            if start - n >= 0 and tuple(t.lower_ for t in doc[start - n:start]) == phrase:
                return start - n
        return start

    def find(self, doc: Doc, taken: list[bool]) -> list[Figure]:
        figures = []
        for start, end in list(self._number_runs(doc, taken)):
            if self._excluded(doc, start, end):
                continue
            category = self._category(doc, start, end)
            if category is None:
                continue
            qstart = self._with_qualifier(doc, start)
            span = Span(doc, qstart, end, label="FIGURE")
            parsed = normalise_figure(span.text)
            if parsed is None:
                continue
            value, qualifier = parsed
            figures.append(Figure(span, value, qualifier, category))
        return figures
