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
