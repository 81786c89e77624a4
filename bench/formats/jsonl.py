"""bench JSONL: the predictions format, one document a line (see the README). Keeps everything."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from bench.core.annotation import Annotation, dumps_line
from bench.formats.corpus import Document
from bench.formats.registry import ConversionError, Converted, Format, Output
from bench.formats.validate import AnnotationError, read_predictions


def read(path: Path, docs: Mapping[str, Document]) -> Converted:
    try:
        # Articles with no line are the scorer's business (a warning there), not a conversion's.
        preds, _ = read_predictions(path, docs.values(), allow_empty=True)
    except AnnotationError as err:
        raise ConversionError(err.problems) from None
    return Converted(preds)


def write(annotations: Sequence[Annotation], docs: Mapping[str, Document], out: Path, splits: object) -> Output:
    return Output({"": "".join(dumps_line(a) + "\n" for a in annotations).encode("utf-8")})


FORMAT = Format(
    name="jsonl",
    summary="bench predictions: one JSON document a line",
    keeps="everything: entities, figures with value/qualifier/category, refs, ids, relations, scores",
    loses="nothing",
    read=read,
    write=write,
)
