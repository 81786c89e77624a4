"""A gold directory: one ``DOC_ID.json`` per article in the gold format. Keeps everything gold holds.

Writing checks each document as gold first, so a conversion from a format that does not hold,
say, a figure's category fails naming the item instead of writing an invalid gold file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.core.annotation import Annotation, dumps_gold
from bench.formats.corpus import Document
from bench.formats.registry import ConversionError, Converted, Format, Output, check_gold
from bench.formats.validate import AnnotationError, load_gold


def read(path: Path, docs: Mapping[str, Document]) -> Converted:
    if not path.is_dir():
        raise ConversionError([f"{path}: not a directory of gold *.json files"])
    unknown = [p for p in sorted(path.glob("*.json")) if p.stem not in docs]
    if unknown:
        raise ConversionError([f"{p}: no article {p.stem}.txt for this gold file" for p in unknown])
    try:
        return Converted(load_gold(path, docs.values(), require_all=False))
    except AnnotationError as err:
        raise ConversionError(err.problems) from None


def write(annotations: Sequence[Annotation], docs: Mapping[str, Document], out: Path, splits: object) -> Output:
    check_gold(annotations, docs, "source")
    return Output({f"{a.doc_id}.json": dumps_gold(a).encode("utf-8") for a in annotations})


FORMAT = Format(
    name="gold",
    summary="a gold directory: DOC_ID.json per article",
    keeps="everything gold holds (no scores: gold has none)",
    loses="confidence scores (refused: gold has none)",
    read=read,
    write=write,
)
