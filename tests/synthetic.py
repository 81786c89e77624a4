"""Generated test data: invented articles with their gold, and noisy scored predictions of any gold.

Everything is drawn from a seeded ``random.Random``, so a test sees the same corpus every run. The
sentences are built from invented names for the tests; nothing is copied from the corpus.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from pathlib import Path

from bench.core.annotation import Annotation, Entity, Relation, dumps_gold
from bench.core.numbers import normalise_figure
from bench.core.schema import ENTITY_LABELS, FIGURE, RELATION_TYPES
from bench.formats.corpus import text_sha256

PEOPLE = ["Mara Velis", "Tomas Orrin", "Ilse Darrow", "Kofi Brannagh", "Anya Sorel", "Piet Lunder", "Rosa Kemmel"]
GROUPS = ["Northern Shield", "Valley Front", "Coast Guard Corps", "Red Hill Brigade", "Union of Ports"]
PLACES = ["Veldmark", "Ostrava Bay", "Karsin", "Lower Thessa", "Brightwater", "Dunmore Pass"]
FIGURES = ["at least 12", "about 40", "1,200", "more than 300", "7", "nearly 90", "25"]
CATEGORIES = ["killed", "injured", "displaced", "detained", "missing"]
THEATRES = ["north", "coast", "valley"]
STYLES = ["wire", "newspaper", "situation-update"]


def _sentence(rng: random.Random, start: int) -> tuple[str, list[tuple], list[tuple]]:
    """One sentence, its entities (offset, text, label, extra) and relations (type, head i, tail i)."""
    person, group, place = rng.choice(PEOPLE), rng.choice(GROUPS), rng.choice(PLACES)
    figure, category = rng.choice(FIGURES), rng.choice(CATEGORIES)
    verb = {"killed": "were killed", "injured": "were injured", "displaced": "were displaced"}.get(
        category, "were " + category
    )
    parts = [
        ("", None),
        (person, "PERSON"),
        (", commander of the ", None),
        (group, "ORG"),
        (", said ", None),
        (figure, FIGURE),
        (f" people {verb} in ", None),
        (place, "GPE"),
        (" on Tuesday. ", None),
    ]
    text, ents = "", []
    for piece, label in parts:
        if label is not None:
            extra = {}
            if label == FIGURE:
                value, qualifier = normalise_figure(piece)
                extra = {"value": value, "qualifier": qualifier, "category": category}
            ents.append((start + len(text), piece, label, extra))
        text += piece
    rels = [("LEADER_OF", 0, 1), ("LOCATED_IN", 2, 3), ("REPORTED_BY", 2, 0)]
    return text, ents, rels


def synthetic_corpus(root: Path, n_docs: int, seed: int, sentences: tuple[int, int] = (4, 9)):
    """Write ``root/articles`` and ``root/gold`` (with an index); return (articles dir, gold dir, {id: gold})."""
    rng = random.Random(seed)
    arts, gold_dir = root / "articles", root / "gold"
    arts.mkdir(parents=True)
    gold_dir.mkdir(parents=True)
    golds: dict[str, Annotation] = {}
    index = []
    for n in range(n_docs):
        doc_id = f"{n:04d}_synthetic"
        body, entities, relations = "", [], []
        for _ in range(rng.randint(*sentences)):
            text, ents, rels = _sentence(rng, len(body))
            first = len(entities)
            for start, piece, label, extra in ents:
                eid = f"T{len(entities) + 1}"
                entities.append(Entity(eid, label, start, start + len(piece), piece, **extra))
            for rtype, h, t in rels:
                relations.append(
                    Relation(f"R{len(relations) + 1}", entities[first + h].id, entities[first + t].id, rtype)
                )
            body += text
        body = body.rstrip() + "\n"
        date = f"2024-0{1 + n % 9}-1{n % 10}"
        (arts / f"{doc_id}.txt").write_text(f" date {date} {body}", encoding="utf-8")
        ann = Annotation(doc_id, tuple(entities), tuple(relations), date, text_sha256(body))
        (gold_dir / f"{doc_id}.json").write_text(dumps_gold(ann), encoding="utf-8")
        golds[doc_id] = ann
        index.append(
            {
                "doc_id": doc_id,
                "split": "dev" if n % 2 else "test",
                "theatre": THEATRES[n % 3],
                "style": STYLES[n % len(STYLES)],
                "origin": "written",
                "sources": [{"outlet": "Test Wire", "url": "https://example.org/x", "published": "2024-01-02"}],
            }
        )
    (gold_dir / "index.jsonl").write_text("".join(json.dumps(r) + "\n" for r in index), encoding="utf-8")
    return arts, gold_dir, golds


def noisy_predictions(
    gold: Mapping[str, Annotation], bodies: Mapping[str, str], seed: int, quality: float = 0.6, unscored: float = 0.05
) -> list[dict]:
    """Predictions of ``gold`` with kept, shifted, relabelled, revalued, missed and invented items.

    Kept items tend to score higher than wrong ones, so the curves have a shape; ``unscored`` of the
    items carry no score at all. ``quality`` is the chance a gold mention is predicted exactly.
    """
    rng = random.Random(seed)
    return [_noisy_document(gold[d], bodies[d], rng, quality, unscored) for d in sorted(gold)]


def _noisy_document(g: Annotation, body: str, rng: random.Random, quality: float, unscored: float) -> dict:
    labels = [lab for lab in ENTITY_LABELS if lab != FIGURE]
    ents: list[dict] = []
    as_pred: dict[str, dict] = {}
    taken: set[tuple] = set()

    def scored(item: dict, low: float, high: float) -> dict:
        if rng.random() >= unscored:
            item["score"] = round(rng.uniform(low, high), 3)
        return item

    def add(ent: dict, gold_id: str | None = None) -> None:
        key = (ent["start"], ent["end"], ent["label"])
        if key in taken:
            return
        taken.add(key)
        ent["id"] = f"P{len(ents) + 1}"
        ent["text"] = body[ent["start"] : ent["end"]]
        ents.append(ent)
        if gold_id is not None:
            as_pred[gold_id] = ent

    for e in g.entities:
        base = {"label": e.label, "start": e.start, "end": e.end}
        if e.is_figure:
            base.update(value=e.value, qualifier=e.qualifier, category=e.category)
        r = rng.random()
        if r < quality:
            add(scored(base, 0.3, 1.0), e.id)
        elif r < quality + 0.1 and e.end - e.start > 2:
            add(scored({**base, "end": e.end - 1}, 0.0, 0.7), e.id)
        elif r < quality + 0.2:
            if e.is_figure:
                add(scored({**base, "value": (e.value or 0) + 1}, 0.0, 0.8), e.id)
            else:
                add(scored({**base, "label": rng.choice([x for x in labels if x != e.label])}, 0.0, 0.7), e.id)
    words = list(_words(body))
    for _ in range(rng.randint(0, 3)):  # invented mentions on arbitrary words
        start, word = rng.choice(words)
        add(scored({"label": rng.choice(labels), "start": start, "end": start + len(word)}, 0.0, 0.6))
    rels: list[dict] = []
    seen: set[tuple] = set()
    ids = {e["id"]: e for e in ents}
    for r in g.relations:
        head, tail = as_pred.get(r.head), as_pred.get(r.tail)
        if head is None or tail is None or rng.random() > 0.8:
            continue
        rtype = RELATION_TYPES[r.type]
        if not rtype.allows(head["label"], tail["label"]):
            continue
        key = rtype.key(head["id"], tail["id"])
        if key not in seen:
            seen.add(key)
            rels.append(scored({"head": head["id"], "tail": tail["id"], "type": r.type}, 0.2, 1.0))
    for _ in range(rng.randint(0, 2)):  # invented relations between any two mentions a type allows
        if len(ents) < 2:
            break
        a, b = rng.sample(sorted(ids), 2)
        for rtype in RELATION_TYPES.values():
            key = rtype.key(a, b)
            if rtype.allows(ids[a]["label"], ids[b]["label"]) and key not in seen:
                seen.add(key)
                rels.append(scored({"head": a, "tail": b, "type": rtype.name}, 0.0, 0.6))
                break
    return {"doc_id": g.doc_id, "entities": ents, "relations": rels}


def _words(text: str):
    start = None
    for i, ch in enumerate(text + " "):
        if ch.isalnum() and start is None:
            start = i
        elif not ch.isalnum() and start is not None:
            yield start, text[start:i]
            start = None


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path
