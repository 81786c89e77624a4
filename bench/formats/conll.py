"""Token files: CoNLL-2003 columns, BIO (IOB2) and BIOES, aligned to character offsets.

One token a line with its tag in the last column, a blank line between sentences, and a
``-DOCSTART-`` line before each document carrying its doc_id (``-DOCSTART- DOC_ID``; the
``conll`` flavour writes ``-DOCSTART- -X- DOC_ID O`` so that four-column readers still see an
``O`` tag). Reading accepts IOB1, IOB2, BIOES and BILOU tags in any of the three flavours and
finds every token in the article text, skipping whitespace: a token that is not there is an error
naming the document, the line and the token.

A token tag holds one label, so these formats keep entity spans and labels only. Figures come
back with value and qualifier read from the span (``bench.core.numbers``); a tag ``FIGURE:killed``
is read as a figure of category killed, but plain ``FIGURE`` is written. Ids, refs, categories,
relations and scores are lost. Overlapping spans cannot be tagged: each one left out is a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.core.annotation import Annotation, Entity
from bench.core.numbers import normalise_figure
from bench.core.schema import CATEGORIES, ENTITY_LABELS, FIGURE
from bench.formats.corpus import Document
from bench.formats.registry import ConversionError, Converted, Format, Output

DOCSTART = "-DOCSTART-"
# Numbers with their separators stay one token ("1,200"); everything else is words and single marks.
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
SENTENCE_END = {".", "!", "?"}
PREFIXES = {"B", "I", "E", "S", "L", "U"}


# --- writing ------------------------------------------------------------------------------------


def non_overlapping(ann: Annotation, what: str) -> tuple[list[Entity], list[str]]:
    """The entities a one-label-per-token format can hold, and a warning for each one it cannot."""
    kept: list[Entity] = []
    warnings = []
    reach, owner = -1, ""
    for e in sorted(ann.entities, key=lambda e: (e.start, -e.end, e.label)):
        if e.start < reach:
            warnings.append(
                f"{ann.doc_id}: entity {e.id} {e.label} [{e.start}, {e.end}) overlaps entity {owner}; "
                f"{what} holds one label per token, so it is left out"
            )
            continue
        kept.append(e)
        reach, owner = e.end, e.id
    return kept, warnings


def tokenize(text: str, cuts: set[int]) -> list[tuple[int, int]]:
    """(start, end) of each token; a token is also cut at every offset in ``cuts`` (entity edges)."""
    out = []
    for m in TOKEN.finditer(text):
        start = m.start()
        for cut in sorted(c for c in cuts if m.start() < c < m.end()):
            out.append((start, cut))
            start = cut
        out.append((start, m.end()))
    return out


def _tags(tokens: list[tuple[int, int]], entities: list[Entity], scheme: str) -> list[str]:
    tags = ["O"] * len(tokens)
    first = {s: i for i, (s, _) in enumerate(tokens)}
    last = {e: i for i, (_, e) in enumerate(tokens)}
    for ent in entities:
        i, j = first[ent.start], last[ent.end]
        for k in range(i, j + 1):
            tags[k] = f"I-{ent.label}"
        tags[i] = f"B-{ent.label}"
        if scheme == "bioes":
            if i == j:
                tags[i] = f"S-{ent.label}"
            else:
                tags[j] = f"E-{ent.label}"
    return tags


def _sentence_breaks(text: str, tokens: list[tuple[int, int]], entities: list[Entity]) -> set[int]:
    """Token indices that start a new sentence: after a line break, or . ! ? before a capital."""
    inside: set[int] = set()
    for e in entities:
        inside.update(range(e.start + 1, e.end))
    breaks = set()
    for i in range(1, len(tokens)):
        prev_end, start = tokens[i - 1][1], tokens[i][0]
        if start in inside:
            continue
        gap = text[prev_end:start]
        if "\n" in gap or (text[tokens[i - 1][0] : prev_end] in SENTENCE_END and gap and text[start].isupper()):
            breaks.add(i)
    return breaks


def _trimmed(ann: Annotation, entities: list[Entity], text: str) -> tuple[list[Entity], list[str]]:
    out, warnings = [], []
    for e in entities:
        surface = text[e.start : e.end]
        start, end = e.start + len(surface) - len(surface.lstrip()), e.end - len(surface) + len(surface.rstrip())
        if start >= end:
            warnings.append(f"{ann.doc_id}: entity {e.id} is only whitespace; tokens cannot hold it, left out")
            continue
        if (start, end) != (e.start, e.end):
            warnings.append(f"{ann.doc_id}: entity {e.id} starts or ends with whitespace; written as [{start}, {end})")
        out.append(Entity(e.id, e.label, start, end, text[start:end]))
    return out, warnings


def _writer(scheme: str, columns: int):
    def write(annotations: Sequence[Annotation], docs: Mapping[str, Document], out: Path, splits: object) -> Output:
        lines: list[str] = []
        warnings: list[str] = []
        for ann in annotations:
            text = docs[ann.doc_id].text
            kept, dropped = non_overlapping(ann, f"the {scheme} format")
            kept, trimmed = _trimmed(ann, kept, text)
            warnings += dropped + trimmed
            tokens = tokenize(text, {x for e in kept for x in (e.start, e.end)})
            tags = _tags(tokens, kept, scheme)
            breaks = _sentence_breaks(text, tokens, kept)
            if lines:
                lines.append("")
            lines += [f"{DOCSTART} -X- {ann.doc_id} O" if columns == 4 else f"{DOCSTART} {ann.doc_id}", ""]
            for i, ((s, e), tag) in enumerate(zip(tokens, tags, strict=True)):
                if i in breaks:
                    lines.append("")
                lines.append(f"{text[s:e]} _ _ {tag}" if columns == 4 else f"{text[s:e]} {tag}")
        return Output({"": ("\n".join(lines) + "\n").encode("utf-8")}, warnings)

    return write


# --- reading ------------------------------------------------------------------------------------


@dataclass
class _Token:
    lineno: int
    text: str
    tag: str


def _documents(path: Path, lines: list[str]) -> Iterator[tuple[int, str, list[_Token]]]:
    doc_id: str | None = None
    start, tokens = 0, []  # type: tuple[int, list[_Token]]
    for lineno, raw in enumerate(lines, start=1):
        fields = raw.split()
        if not fields:
            continue
        if fields[0] == DOCSTART:
            if doc_id is not None:
                yield start, doc_id, tokens
            names = [f for f in fields[1:] if f != "-X-"]
            if len(fields) > 2 and names and names[-1] == "O":
                names.pop()
            if len(names) != 1:
                raise ConversionError([f"{path}:{lineno}: {DOCSTART} line must carry the doc_id: {DOCSTART} DOC_ID"])
            doc_id, start, tokens = names[0], lineno, []
            continue
        if doc_id is None:
            raise ConversionError([f"{path}:{lineno}: token before the first {DOCSTART} DOC_ID line"])
        if len(fields) < 2:
            raise ConversionError([f"{path}:{lineno}: {doc_id}: expected a token and its tag, got {raw.strip()!r}"])
        tokens.append(_Token(lineno, fields[0], fields[-1]))
    if doc_id is not None:
        yield start, doc_id, tokens


def _label(tag: str, where: str) -> tuple[str, str, str | None]:
    """(prefix, label, figure category) of a tag; ``O`` -> ("O", "", None)."""
    if tag == "O":
        return "O", "", None
    prefix, dash, name = tag.partition("-")
    label, _, category = name.partition(":")
    ok = dash and prefix in PREFIXES and label in ENTITY_LABELS
    ok = ok and (not category or (label == FIGURE and category in CATEGORIES))
    if not ok:
        raise ConversionError(
            [f"{where}: tag {tag!r} is not O or B/I/E/S-LABEL with a schema label ({', '.join(ENTITY_LABELS)})"]
        )
    return prefix, label, category or None


def _align(path: Path, doc: Document, tokens: list[_Token]) -> list[tuple[int, int]]:
    text, pos, out = doc.text, 0, []
    for t in tokens:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith(t.text, pos):
            found = text[pos : pos + len(t.text)]
            raise ConversionError(
                [
                    f"{path}:{t.lineno}: {doc.doc_id}: token {t.text!r} does not match the article "
                    f"at offset {pos}, which reads {found!r}"
                ]
            )
        out.append((pos, pos + len(t.text)))
        pos += len(t.text)
    rest = text[pos:].strip()
    if rest:
        raise ConversionError(
            [f"{path}: {doc.doc_id}: the tokens end at offset {pos}; the article goes on with {rest[:30]!r}"]
        )
    return out


def _entities(path: Path, doc: Document, tokens: list[_Token], offsets: list[tuple[int, int]]) -> list[Entity]:
    spans: list[tuple[int, int, str, str | None]] = []
    current: tuple[int, int, str, str | None] | None = None  # the span being read
    for t, (s, e) in zip(tokens, offsets, strict=True):
        prefix, label, category = _label(t.tag, f"{path}:{t.lineno}: {doc.doc_id}")
        if current is not None and prefix in {"I", "E", "L"} and current[2:] == (label, category):
            current = (current[0], e, label, category)
        else:
            # O, B, S, U, or an I/E after another label (IOB1, or a tagger's slip): a new span starts.
            if current is not None:
                spans.append(current)
            current = None if prefix == "O" else (s, e, label, category)
        if current is not None and prefix in {"E", "L", "S", "U"}:
            spans.append(current)
            current = None
    if current is not None:
        spans.append(current)
    out = []
    for n, (s, e, label, category) in enumerate(spans, start=1):
        surface = doc.text[s:e]
        attrs: dict = {}
        if label == FIGURE:
            reading = normalise_figure(surface)
            if reading is not None:
                attrs = {"value": reading[0], "qualifier": reading[1]}
            attrs["category"] = category
        out.append(Entity(f"T{n}", label, s, e, surface, **attrs))
    return out


def read(path: Path, docs: Mapping[str, Document]) -> Converted:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as err:
        raise ConversionError([f"{path}: cannot read: {err}"]) from None
    out: dict[str, Annotation] = {}
    problems: list[str] = []
    for lineno, doc_id, tokens in _documents(path, lines):
        if doc_id not in docs:
            problems.append(f"{path}:{lineno}: doc_id {doc_id!r} matches no article")
            continue
        if doc_id in out:
            problems.append(f"{path}:{lineno}: duplicate document {doc_id}")
            continue
        doc = docs[doc_id]
        try:
            entities = _entities(path, doc, tokens, _align(path, doc, tokens))
        except ConversionError as err:
            problems += err.problems
            continue
        out[doc_id] = Annotation(doc_id, tuple(entities), (), doc.date, doc.sha256, frozenset({"entities", "figures"}))
    if problems:
        raise ConversionError(problems)
    return Converted(out)


_KEEPS = "entity spans and labels; figure value/qualifier recomputed from the span"
_LOSES = "ids, refs, figure category (unless tagged FIGURE:category), relations, scores; overlapping spans (warned)"
CONLL = Format(
    "conll", "CoNLL-2003 columns (token _ _ tag), IOB2 tags", _KEEPS, _LOSES, read, _writer("bio", columns=4)
)
BIO = Format("bio", "token and BIO (IOB2) tag, one a line", _KEEPS, _LOSES, read, _writer("bio", columns=2))
BIOES = Format("bioes", "token and BIOES tag, one a line", _KEEPS, _LOSES, read, _writer("bioes", columns=2))
