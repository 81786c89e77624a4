"""Reading JSON and JSONL text: the one place that decides what counts as a readable record.

Stricter than ``json.loads`` in the ways that matter for gold and predictions: a key repeated in
one object is an error (``json`` silently keeps the last), and every failure, including integers
too long to convert and nesting too deep to parse, becomes one ``JSONProblem`` with a message
instead of an exception from deep inside the parser. JSONL records are split on ``\\n`` only:
``str.splitlines`` also splits on U+2028, U+2029 and U+0085, which may stand inside a JSON string.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class JSONProblem(ValueError):
    """Text that is not one readable JSON value; ``line`` and ``column`` say where, when known."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.line, self.column = line, column

    def located(self) -> str:
        """The message with its position, as ``line N: …`` (the file's own line numbers)."""
        return f"line {self.line}: {self}" if self.line else f"document: {self}"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise JSONProblem(f"duplicate key {key!r} in one object")
        out[key] = value
    return out


def parse_json(text: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates)
    except JSONProblem:
        raise
    except json.JSONDecodeError as err:
        raise JSONProblem(f"invalid JSON: {err.msg}", err.lineno, err.colno) from None
    except RecursionError:
        raise JSONProblem("invalid JSON: nested too deeply to read") from None
    except ValueError as err:  # e.g. an integer longer than Python will convert
        raise JSONProblem(f"invalid JSON: {err}") from None


def records(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) for every non-blank JSONL line, split on ``\\n`` only."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield lineno, line


def file_records(path: Path) -> Iterator[tuple[int, str]]:
    """``records`` of a file read line by line: a large predictions file is never held whole."""
    # newline="\n": lines end at "\n" only, as in ``records`` (a raw "\r" cannot stand in JSON text).
    with Path(path).open(encoding="utf-8", newline="\n") as handle:
        for lineno, line in enumerate(handle, start=1):
            if line.strip():
                yield lineno, line.rstrip("\n")
