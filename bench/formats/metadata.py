"""The corpus index: one line per article saying its split, theatre, style and provenance.

``gold/index.jsonl`` is the one place where an article's split is fixed. A line::

    {"doc_id": "017_sudan-el-fasher-drone-strike", "split": "test", "theatre": "sudan",
     "style": "wire", "origin": "written",
     "sources": [{"outlet": "...", "url": "https://...", "published": "2025-04-12"}],
     "facts": "what the article reports, and from which source"}

``origin`` is ``published`` for published text kept byte for byte (the seed article) and
``written`` for articles written for the benchmark from published facts. Scoring commands select
documents by split through :func:`select`; ``bench score --by`` groups documents by a field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.formats.corpus import CorpusError, Document
from bench.formats.jsonfile import JSONProblem, parse_json, records

INDEX_NAME = "index.jsonl"
SPLITS = ("dev", "test")
ALL = "all"
STYLES = ("wire", "newspaper", "situation-update", "statement", "live-blog", "brief")
ORIGINS = ("published", "written")
SLICE_FIELDS = ("split", "theatre", "style", "origin")
_REQUIRED = ("doc_id", "split", "theatre", "style", "origin", "sources")
_OPTIONAL = ("facts",)
_SOURCE_KEYS = ("outlet", "url", "published")


@dataclass(frozen=True)
class ArticleMeta:
    doc_id: str
    split: str
    theatre: str
    style: str
    origin: str
    sources: tuple[Mapping[str, str], ...]
    facts: str = ""

    def field(self, name: str) -> str:
        if name not in SLICE_FIELDS:
            raise ValueError(f"unknown slice field {name!r} (fields: {', '.join(SLICE_FIELDS)})")
        return str(getattr(self, name))


def index_path(gold_dir: Path) -> Path:
    return Path(gold_dir) / INDEX_NAME


def _check_sources(raw: Any) -> list[str]:
    if not isinstance(raw, list) or not raw:
        return ["'sources' must be a non-empty list of {outlet, url, published}"]
    out = []
    for i, src in enumerate(raw, start=1):
        if not isinstance(src, dict) or set(src) != set(_SOURCE_KEYS):
            out.append(f"source {i}: needs exactly the keys {', '.join(_SOURCE_KEYS)}")
            continue
        if not all(isinstance(src[k], str) and src[k].strip() for k in _SOURCE_KEYS):
            out.append(f"source {i}: outlet, url and published must be non-empty strings")
            continue
        if not src["url"].startswith(("http://", "https://")):
            out.append(f"source {i}: url {src['url']!r} is not an http(s) address")
        try:
            dt.date.fromisoformat(src["published"])
        except ValueError:
            out.append(f"source {i}: published {src['published']!r} is not a YYYY-MM-DD date")
    return out


def check_line(raw: Any) -> list[str]:
    """Problems of one index line (already parsed JSON)."""
    if not isinstance(raw, dict):
        return ["expected a JSON object"]
    out = [f"unknown key {k!r}" for k in raw if k not in _REQUIRED + _OPTIONAL]
    out += [f"missing {k!r}" for k in _REQUIRED if k not in raw]
    for key, allowed in (("split", SPLITS), ("style", STYLES), ("origin", ORIGINS)):
        if key in raw and raw[key] not in allowed:
            out.append(f"{key} {raw[key]!r} is not one of {', '.join(allowed)}")
    for key in ("doc_id", "theatre"):
        if key in raw and not (isinstance(raw[key], str) and raw[key].strip()):
            out.append(f"{key} must be a non-empty string")
    if "facts" in raw and not isinstance(raw["facts"], str):
        out.append("facts must be a string")
    if "sources" in raw:
        out += _check_sources(raw["sources"])
    return out


def read_index(path: Path) -> tuple[dict[str, ArticleMeta], list[str]]:
    """The index's entries by doc_id and every problem as ``path:line: problem``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, [
            f"{path}: no corpus index (one JSON line per article: doc_id, split, theatre, style, origin, sources)"
        ]
    except (OSError, UnicodeDecodeError) as err:
        return {}, [f"{path}: cannot read: {getattr(err, 'strerror', None) or err}"]
    entries: dict[str, ArticleMeta] = {}
    problems: list[str] = []
    for lineno, line in records(text):
        where = f"{path}:{lineno}"
        try:
            raw = parse_json(line)
        except JSONProblem as err:
            problems.append(f"{where}: {err}")
            continue
        found = check_line(raw)
        if not found and raw["doc_id"] in entries:
            found = [f"doc_id {raw['doc_id']!r} is listed twice"]
        problems += [f"{where}: {p}" for p in found]
        if not found:
            entries[raw["doc_id"]] = ArticleMeta(
                raw["doc_id"],
                raw["split"],
                raw["theatre"],
                raw["style"],
                raw["origin"],
                tuple(raw["sources"]),
                raw.get("facts", ""),
            )
    return entries, problems


def check_index(path: Path, docs: Iterable[Document]) -> list[str]:
    """`bench validate`: every article listed once, nothing listed without an article."""
    entries, problems = read_index(path)
    if problems and not entries:
        return problems
    ids = {d.doc_id for d in docs}
    problems += [f"{path}: article {d} is not listed" for d in sorted(ids - set(entries))]
    problems += [f"{path}: {d} is listed but there is no article {d}.txt" for d in sorted(set(entries) - ids)]
    return problems


def load_index(gold_dir: Path, docs: Sequence[Document]) -> dict[str, ArticleMeta]:
    """The index for ``docs``; raises CorpusError when it is missing, broken or incomplete."""
    path = index_path(gold_dir)
    problems = check_index(path, docs)
    if problems:
        raise CorpusError(problems)
    entries, _ = read_index(path)
    return entries


def select(docs: Sequence[Document], index: Mapping[str, ArticleMeta], split: str) -> list[Document]:
    """The documents of one split (``all``: every document)."""
    if split == ALL:
        return list(docs)
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r} (splits: {', '.join(SPLITS + (ALL,))})")
    return [d for d in docs if index[d.doc_id].split == split]
