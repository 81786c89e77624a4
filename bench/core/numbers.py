"""Reading reported counts: the one place where a figure's text becomes a value and a qualifier.

``normalise_figure("at least 52") == (52, "at_least")``. Vague counts follow ACLED's conservative
coding and are qualified ``at_least``: tens 10, dozens 12, scores 20, hundreds 100, thousands 1000,
"tens of thousands" 10000. A verb that carries the qualifier ("surpassed 2,000", "topped 300") reads
as ``more_than``. A range ("10 to 15", "10-15", "between 10 and 15") takes its lower
bound, ``at_least``. The rules system, the statistical system and the doccano import all call this,
so a figure's span text determines its value and qualifier exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

QUALIFIER_PHRASES = {
    "at_least": ("at least", "no fewer than", "no less than", "a minimum of", "at the very least"),
    # Verbs that carry the qualifier are part of the span (guidelines §2.4): "surpassed 2,000".
    "more_than": (
        "more than",
        "over",
        "upwards of",
        "upward of",
        "in excess of",
        "above",
        "well over",
        "surpassed",
        "surpassing",
        "topped",
        "topping",
        "exceeded",
        "exceeding",
        "passed",
        "past",
    ),
    "less_than": ("less than", "fewer than", "under", "nearly", "almost", "just under", "close to"),
    "at_most": ("up to", "at most", "as many as", "no more than", "a maximum of"),
    "about": (
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "an estimated",
        "estimated",
        "an approximate",
        "nearly about",
    ),
}
# Longest phrase first so "no more than" is not read as "more than".
_QUALIFIERS = sorted(((p, q) for q, ps in QUALIFIER_PHRASES.items() for p in ps), key=lambda x: -len(x[0]))

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
VAGUE = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
NUMBER_WORDS = (
    frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | frozenset(VAGUE) | {"dozen", "score", "a", "and"}
)

_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
_RANGE = re.compile(r"^(?:between\s+)?(.+?)\s*(?:-|–|to|and)\s*(.+)$")


def _digits(token: str) -> float | None:
    return float(token.replace(",", "")) if _DIGITS.match(token) else None


def parse_number(text: str) -> tuple[float, bool] | None:
    """The value of a number phrase and whether it is vague; None if it is not a number.

    "5,791" -> (5791, False); "1.4 million" -> (1400000, False); "twenty-five" -> (25, False);
    "a dozen" -> (12, False); "dozens" -> (12, True); "tens of thousands" -> (10000, True).
    """
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    # "several hundred", "a few dozen": as vague as "hundreds" and "dozens" (guidelines §2.4).
    for few in (["several"], ["a", "few"], ["few"]):
        if words[: len(few)] == few and len(words) > len(few):
            rest = words[len(few) :]
            scale = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000}.get(rest[0])
            if scale is None:
                return None
            tail = parse_number(" ".join(rest[1:])) if len(rest) > 1 else None
            return float(scale * (tail[0] if tail else 1)), True
    if words[0] in VAGUE:
        value = VAGUE[words[0]]
        for w in words[1:]:
            if w == "of":
                continue
            if w not in VAGUE:
                return None
            value *= VAGUE[w]
        return float(value), True
    if words[0] == "a" and len(words) > 1:
        words = ["one"] + words[1:]
    total, current, seen = 0.0, 0.0, False
    for w in words:
        number = _digits(w)
        if number is not None:
            if seen and current:
                return None  # two numbers in a row: "5 6" is not one number
            current += number
        elif w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "score":
            current = (current or 1) * 20
        elif w in SCALES:
            current = (current or 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0.0
        elif w == "and" and seen:
            continue
        else:
            return None
        seen = True
    return (total + current, False) if seen else None


# A qualifier after the number: "76 at least", "40 or more".
_TRAILING = (("at least", "at_least"), ("or more", "at_least"))


def split_qualifier(text: str) -> tuple[str, str]:
    """("at least", "52") style split of a figure's text into qualifier and number phrase."""
    lowered = text.lower().strip()
    for phrase, qualifier in _QUALIFIERS:
        if lowered.startswith(phrase + " "):
            return qualifier, text.strip()[len(phrase) + 1 :].strip()
    for phrase, qualifier in _TRAILING:
        if lowered.endswith(" " + phrase):
            return qualifier, text.strip()[: -len(phrase) - 1].strip()
    return "exact", text.strip()


# A pure function of the text, asked again for the same counts ("two", "at least 12") in article after
# article by the systems, the converters and the validator: remembered, with a bound.
@lru_cache(maxsize=8192)
def normalise_figure(text: str) -> tuple[int | float, str] | None:
    """Value and qualifier of a figure's span text, or None when it holds no number."""
    qualifier, rest = split_qualifier(text)
    parsed = parse_number(rest)
    if parsed is None:
        match = _RANGE.match(rest.lower())
        low = parse_number(match.group(1)) if match else None
        high = parse_number(match.group(2)) if match else None
        if not (low and high) or high[0] < low[0]:
            return None
        value, qualifier = low[0], "at_least"
    else:
        value, vague = parsed
        if vague and qualifier == "exact":
            qualifier = "at_least"
    return (int(value) if float(value).is_integer() else value), qualifier


def is_number_word(token: str) -> bool:
    return token.lower() in NUMBER_WORDS or _digits(token) is not None
