"""spaCy ``DocBin`` (``.spacy``): what ``spacy train`` and ``spacy evaluate`` read.

Writing: each article becomes a ``Doc`` whose text is the body exactly, tokenised by spaCy's
English tokenizer with a token cut wherever an entity starts or ends inside one (so every span is
a token span and predictions of an English pipeline align with it), and entities in ``doc.ents``
with the schema labels (figures as ``FIGURE``). ``doc.user_data`` holds ``doc_id``, ``date``,
``text_sha256`` and what ``doc.ents`` cannot: each entity's id, ref, figure value, qualifier,
category and score (``bench_entities``, keyed ``start:end:label``) and the relations
(``bench_relations``). A directory OUT gets one file per split (``dev.spacy``, ``test.spacy``); an
OUT ending in ``.spacy`` gets every document in one file.

Reading: a ``.spacy`` file or a directory of them. A doc is matched to its article by
``user_data["doc_id"]``, else by its exact text (a pipeline's output over the articles). Entities
come from ``doc.ents``; the extras apply where a span still has its key, and figure value and
qualifier are otherwise read from the span. ``doc.ents`` cannot overlap: overlapping predictions
are left out with a warning per item.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.core.annotation import Annotation, Entity, Relation
from bench.core.numbers import normalise_figure
from bench.core.schema import FIGURE
from bench.formats.conll import non_overlapping
from bench.formats.corpus import Document
from bench.formats.registry import ConversionError, Converted, Format, Output, document_for

SUFFIX = ".spacy"
EXTRA_KEYS = ("id", "ref", "value", "qualifier", "category", "score")


def _nlp():
    try:
        import spacy
    except ImportError:
        raise ConversionError(["the spacy format needs spaCy: install bench with the 'spacy' extra"]) from None
    return spacy.blank("en")


def _key(start: int, end: int, label: str) -> str:
    return f"{start}:{end}:{label}"


def make_doc(nlp, text: str, cuts: set[int]):
    """A Doc of ``text`` with spaCy's tokens, each also cut at every offset in ``cuts``."""
    from spacy.tokens import Doc

    words, spaces = [], []
    for token in nlp.make_doc(text):
        start, end = token.idx, token.idx + len(token.text)
        inner = sorted(c for c in cuts if start < c < end)
        for a, b in zip([start, *inner], [*inner, end], strict=True):
            words.append(text[a:b])
            spaces.append(False)
        spaces[-1] = bool(token.whitespace_)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    assert doc.text == text, "spaCy's tokens must cover the text exactly"
    return doc


def to_doc(nlp, ann: Annotation, article: Document) -> tuple[Any, list[str]]:
    kept, warnings = non_overlapping(ann, "doc.ents")
    doc = make_doc(nlp, article.text, {x for e in kept for x in (e.start, e.end)})
    spans = []
    for e in kept:
        span = doc.char_span(e.start, e.end, label=e.label)
        if span is None:  # only a span with whitespace at an edge can miss the cut tokens
            warnings.append(f"{ann.doc_id}: entity {e.id} [{e.start}, {e.end}) is not a token span; left out")
            continue
        spans.append(span)
    doc.ents = spans
    doc.user_data.update(
        {
            "doc_id": ann.doc_id,
            "date": article.date,
            "text_sha256": article.sha256,
            "bench_entities": {
                _key(e.start, e.end, e.label): {k: getattr(e, k) for k in EXTRA_KEYS if getattr(e, k) is not None}
                for e in kept
            },
            "bench_relations": [r.to_dict() for r in ann.relations],
        }
    )
    return doc, warnings


def write(
    annotations: Sequence[Annotation], docs: Mapping[str, Document], out: Path, splits: Mapping[str, str] | None
) -> Output:
    from spacy.tokens import DocBin

    nlp = _nlp()
    groups: dict[str, list[Annotation]] = {}
    if out.suffix == SUFFIX:
        groups[""] = list(annotations)
    else:
        if splits is None:
            raise ConversionError(
                [f"{out}: one DocBin per split needs the corpus index (gold/index.jsonl); or name a file *.spacy"]
            )
        unlisted = [a.doc_id for a in annotations if a.doc_id not in splits]
        if unlisted:
            raise ConversionError([f"{out}: {d}: not in the corpus index, so it has no split" for d in unlisted])
        for ann in annotations:
            groups.setdefault(f"{splits[ann.doc_id]}{SUFFIX}", []).append(ann)
    files, warnings = {}, []
    for name, group in groups.items():
        db = DocBin(store_user_data=True)
        for ann in group:
            doc, found = to_doc(nlp, ann, docs[ann.doc_id])
            warnings += found
            db.add(doc)
        files[name] = db.to_bytes()
    return Output(files, warnings)


def _extras(doc) -> tuple[dict, list]:
    # DocBin reads user_data back with msgpack's use_list=False: lists come back as tuples.
    extras = doc.user_data.get("bench_entities")
    relations = doc.user_data.get("bench_relations")
    return (extras if isinstance(extras, dict) else {}), (
        list(relations) if isinstance(relations, (list, tuple)) else []
    )


def from_doc(doc, article: Document, where: str) -> tuple[Annotation, list[str]]:
    extras, raw_relations = _extras(doc)
    entities, warnings = [], []
    taken = {str(x.get("id")) for x in extras.values() if isinstance(x, dict)}
    n = 0
    for span in doc.ents:
        start, end = span.start_char, span.end_char
        extra = extras.get(_key(start, end, span.label_), {})
        attrs = {k: extra[k] for k in EXTRA_KEYS if k in extra and k != "id"}
        eid = extra.get("id")
        if eid is None:
            n += 1
            while f"T{n}" in taken:
                n += 1
            eid = f"T{n}"
        if span.label_ == FIGURE and "value" not in attrs:
            reading = normalise_figure(span.text)
            if reading is not None:
                attrs.update(value=reading[0], qualifier=reading[1])
        entities.append(Entity(str(eid), span.label_, start, end, span.text, **attrs))
    ids = {e.id for e in entities}
    relations = []
    for r in raw_relations:
        if not (isinstance(r, dict) and {"id", "head", "tail", "type"} <= r.keys()):
            raise ConversionError([f"{where}: user_data bench_relations holds {r!r}, not a relation"])
        if r["head"] in ids and r["tail"] in ids:
            relations.append(Relation(r["id"], r["head"], r["tail"], r["type"], r.get("score")))
        else:
            warnings.append(f"{where}: relation {r['id']} joins an entity no longer in doc.ents; left out")
    if "bench_relations" in doc.user_data:
        return Annotation(article.doc_id, tuple(entities), tuple(relations), article.date, article.sha256), warnings
    # A pipeline's DocBin says nothing about relations: they are absent, not predicted empty.
    sections = frozenset({"entities", "figures"})
    return Annotation(article.doc_id, tuple(entities), (), article.date, article.sha256, sections), warnings


def read(path: Path, docs: Mapping[str, Document]) -> Converted:
    from spacy.tokens import DocBin

    nlp = _nlp()
    files = sorted(path.glob(f"*{SUFFIX}")) if path.is_dir() else [path]
    if not files:
        raise ConversionError([f"{path}: no *{SUFFIX} files"])
    out: dict[str, Annotation] = {}
    problems, warnings = [], []
    for file in files:
        try:
            db = DocBin().from_disk(file)
            loaded = list(db.get_docs(nlp.vocab))
        except Exception as err:  # spaCy raises many kinds on a file that is not a DocBin
            problems.append(f"{file}: not a spaCy DocBin: {type(err).__name__}: {str(err)[:120]}")
            continue
        for i, doc in enumerate(loaded, start=1):
            where = f"{file}: doc {i}"
            try:
                article = document_for(doc.user_data.get("doc_id"), doc.text, docs, where)
                if doc.text != article.text:
                    raise ConversionError([f"{where}: its text differs from the article body of {article.doc_id}"])
                ann, found = from_doc(doc, article, f"{where} ({article.doc_id})")
            except ConversionError as err:
                problems += err.problems
                continue
            if article.doc_id in out:
                problems.append(f"{where}: duplicate document {article.doc_id}")
            out[article.doc_id] = ann
            warnings += found
    if problems:
        raise ConversionError(problems)
    return Converted(out, warnings)


FORMAT = Format(
    name="spacy",
    summary="spaCy DocBin (.spacy): one file, or a directory with one file per split",
    keeps="entities in doc.ents; ids, refs, figure attributes, scores and relations in doc.user_data",
    loses="overlapping spans (warned); a DocBin without bench's user_data: ids, refs, categories, relations",
    read=read,
    write=write,
)
