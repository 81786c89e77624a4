"""Articles: reading the ``seeds/``-style files into documents.

A file is `` date YYYY-MM-DD `` followed by the body. The body is kept exactly as it is in the file
(no whitespace normalisation) because every offset in gold and predictions indexes into it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

HEADER = re.compile(r" date (\d{4}-\d{2}-\d{2}) ")
DEFAULT_ARTICLES = Path("seeds")


class CorpusError(Exception):
    """One or more article files could not be read; ``problems`` holds one message per file."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str
    date: str
    text: str

    @property
    def sha256(self) -> str:
        return text_sha256(self.text)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_article(path: Path, raw: bytes) -> Document:
    """Parse one article's bytes; raises ValueError with a message naming what is wrong."""
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise ValueError(f"invalid UTF-8 at byte {err.start}") from None
    match = HEADER.match(content)
    if match is None:
        shown = content[:24].replace("\n", "\\n")
        raise ValueError(f"missing or malformed header: expected ' date YYYY-MM-DD ' at the start, found {shown!r}")
    try:
        dt.date.fromisoformat(match.group(1))
    except ValueError:
        raise ValueError(f"header date {match.group(1)!r} is not a valid calendar date") from None
    body = content[match.end() :]
    if not body.strip():
        raise ValueError("empty body after the header")
    return Document(doc_id=path.stem, date=match.group(1), text=body)


def read_article(path: Path) -> Document:
    try:
        return parse_article(path, path.read_bytes())
    except ValueError as err:
        raise CorpusError([f"{path}: {err}"]) from None
    except OSError as err:
        raise CorpusError([f"{path}: cannot read: {err.strerror or err}"]) from None


def load_articles(directory: Path = DEFAULT_ARTICLES) -> list[Document]:
    """Every ``*.txt`` article in ``directory``, sorted by doc_id; all bad files reported together."""
    directory = Path(directory)
    if not directory.is_dir():
        raise CorpusError([f"{directory}: not a directory of articles"])
    docs, problems = [], []
    for path in sorted(directory.glob("*.txt")):
        try:
            docs.append(parse_article(path, path.read_bytes()))
        except ValueError as err:
            problems.append(f"{path}: {err}")
        except IsADirectoryError:
            problems.append(f"{path}: is a directory, not an article")
        except OSError as err:
            problems.append(f"{path}: cannot read: {err.strerror or err}")
    if problems:
        raise CorpusError(problems)
    if not docs:
        raise CorpusError([f"{directory}: no *.txt articles found"])
    return docs
