"""The figure vocabulary every system reads (``figure_vocabulary.json``): counted nouns and the words
that name a category, so that ``rules``, ``spacy`` and ``hybrid`` agree on what a word says a count
counts. Each system applies it with its own grammar; this module only reads the file."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

VOCABULARY_PATH = Path(__file__).with_name("figure_vocabulary.json")


@cache
def figure_vocabulary(path: Path = VOCABULARY_PATH) -> dict[str, Any]:
    """The vocabulary without its ``_about`` notes, words lower-cased."""
    raw = json.loads(path.read_text(encoding="utf-8"))

    def lower(value: Any) -> Any:
        if isinstance(value, list):
            return [w.lower() for w in value]
        if isinstance(value, dict):
            return {k: lower(v) for k, v in value.items()}
        return value

    return {k: lower(v) for k, v in raw.items() if not k.startswith("_")}


class _Expected:
    """One ``expected_counts`` dict made into lookups once: phrases before a count by their last
    word, phrases after it by their first (in the file's order), the fates as word pairs."""

    def __init__(self, expected: dict[str, list[str]]):
        self.before: dict[str, list[tuple[list[str], int]]] = {}
        for p in expected["before"]:
            words = p.split()
            self.before.setdefault(words[-1], []).append((words, len(words)))
        self.after: dict[str, list[tuple[list[str], int]]] = {}
        for p in expected["after"]:
            words = p.split()
            self.after.setdefault(words[0], []).append((words, len(words)))
        self.fates = [["to", w] for w in expected["fates"]]


_EXPECTED: dict[int, tuple[dict, _Expected]] = {}


def _expected(expected: dict[str, list[str]]) -> _Expected:
    entry = _EXPECTED.get(id(expected))
    if entry is None or entry[0] is not expected:  # holding the dict keeps its id from being reused
        entry = _EXPECTED[id(expected)] = (expected, _Expected(expected))
    return entry[1]


def expected_count(lowers: list[str], start: int, end: int, expected: dict[str, list[str]]) -> bool:
    """Whether the count at tokens ``start:end`` of ``lowers`` is expected or hoped for, not reported
    ("another 3,000 are expected to arrive", "hope that 200 will be freed"): one phrase the two
    systems apply alike to lower-cased tokens."""
    # Every figure of every article asks: the phrases are looked up by the word at hand, not all tried.
    phrases = _expected(expected)
    for last in range(max(0, start - 3), start):
        for phrase, n in phrases.before.get(lowers[last], ()):
            if last >= n - 1 and lowers[last - n + 1 : last + 1] == phrase:
                return True
    for k in range(end, min(len(lowers), end + 6)):
        if lowers[k] in (",", ".", ";", ":"):
            return False
        for phrase, n in phrases.after.get(lowers[k], ()):
            if lowers[k : k + n] == phrase:
                # "12 are expected to recover": the count is reported, what is expected is their fate.
                return lowers[k + n : k + n + 2] not in phrases.fates
    return False
