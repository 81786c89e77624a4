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


@cache
def _split(phrases: tuple[str, ...]) -> tuple[tuple[list[str], int], ...]:
    return tuple((p.split(), len(p.split())) for p in phrases)


def expected_count(lowers: list[str], start: int, end: int, expected: dict[str, list[str]]) -> bool:
    """Whether the count at tokens ``start:end`` of ``lowers`` is expected or hoped for, not reported
    ("another 3,000 are expected to arrive", "hope that 200 will be freed"): one phrase the two
    systems apply alike to lower-cased tokens."""
    for phrase, n in _split(tuple(expected["before"])):
        for last in range(max(n - 1, start - 3), start):
            if lowers[last - n + 1 : last + 1] == phrase:
                return True
    after = _split(tuple(expected["after"]))
    for k in range(end, min(len(lowers), end + 6)):
        if lowers[k] in (",", ".", ";", ":"):
            return False
        for phrase, n in after:
            if lowers[k : k + n] == phrase:
                # "12 are expected to recover": the count is reported, what is expected is their fate.
                return lowers[k + n : k + n + 2] not in [["to", w] for w in expected["fates"]]
    return False
