from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bench.core.annotation import Annotation, Entity, Relation, dumps_gold
from bench.formats.corpus import Document

REPO = Path(__file__).resolve().parents[1]
SEED_ID = "000_4f88ccd7cf78f350"


def write_article(directory: Path, doc_id: str, text: str, date: str = "2024-01-02") -> Document:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{doc_id}.txt").write_text(f" date {date} {text}", encoding="utf-8")
    return Document(doc_id, date, text)


def entity(eid: str, text: str, body: str, label: str, occurrence: int = 0, **attrs) -> Entity:
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(text, start + 1)
    return Entity(eid, label, start, start + len(text), text, **attrs)


def write_gold(directory: Path, doc: Document, entities, relations=()) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    ann = Annotation(doc.doc_id, tuple(entities), tuple(relations), doc.date, doc.sha256)
    path = directory / f"{doc.doc_id}.json"
    path.write_text(dumps_gold(ann), encoding="utf-8")
    return path


def write_index(directory: Path, rows: list[tuple[str, str, str]], style: str = "wire") -> Path:
    """An index line per (doc_id, split, theatre), with a placeholder source."""
    directory.mkdir(parents=True, exist_ok=True)
    lines = [
        json.dumps(
            {
                "doc_id": d,
                "split": split,
                "theatre": theatre,
                "style": style,
                "origin": "written",
                "sources": [{"outlet": "Test Wire", "url": "https://example.org/x", "published": "2024-01-02"}],
            }
        )
        for d, split, theatre in rows
    ]
    path = directory / "index.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


TOY_TEXT = (
    "Hezbollah leader Hassan Nasrallah met Hamas officials in Beirut. "
    "The health ministry said at least 12 people were killed in Gaza."
)


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch):
    """Commands default to seeds/ and gold/ relative to the working directory: run every test from
    the repository root, whatever directory pytest was started in."""
    monkeypatch.chdir(REPO)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Each test gets its own prediction cache, so no test reads another's (or a developer's) entries."""
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def toy(tmp_path: Path):
    """A one-article corpus with valid gold, in its own directories."""
    arts, gold = tmp_path / "articles", tmp_path / "gold"
    doc = write_article(arts, "toy", TOY_TEXT)
    t = TOY_TEXT
    ents = [
        entity("T1", "Hezbollah", t, "ORG"),
        entity("T2", "Hassan Nasrallah", t, "PERSON"),
        entity("T3", "Hamas", t, "ORG"),
        entity("T4", "Beirut", t, "GPE"),
        entity("T5", "health ministry", t, "ORG"),
        entity("T6", "at least 12", t, "FIGURE", value=12, qualifier="at_least", category="killed"),
        entity("T7", "Gaza", t, "GPE"),
    ]
    rels = [
        Relation("R1", "T2", "T1", "LEADER_OF"),
        Relation("R2", "T6", "T5", "REPORTED_BY"),
        Relation("R3", "T6", "T7", "LOCATED_IN"),
    ]
    path = write_gold(gold, doc, ents, rels)
    write_index(gold, [("toy", "dev", "toyland")])
    return {"articles": arts, "gold": gold, "doc": doc, "path": path, "tmp": tmp_path}


def load_json(path: Path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def dump_json(path: Path, data) -> None:
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


@pytest.fixture
def seed_dirs(tmp_path: Path):
    """The seed article alone, with its gold and index line, in directories a test may change."""
    arts, gold = tmp_path / "seeds", tmp_path / "gold"
    arts.mkdir()
    gold.mkdir()
    shutil.copy(REPO / "seeds" / f"{SEED_ID}.txt", arts)
    shutil.copy(REPO / "gold" / f"{SEED_ID}.json", gold)
    index = (REPO / "gold" / "index.jsonl").read_text(encoding="utf-8").split("\n")
    (gold / "index.jsonl").write_text(next(line for line in index if SEED_ID in line) + "\n", encoding="utf-8")
    return arts, gold


@pytest.fixture
def corpus_dirs(tmp_path: Path):
    """Copies of the repository's whole seeds/ and gold/ that a test may change."""
    arts, gold = tmp_path / "seeds", tmp_path / "gold"
    shutil.copytree(REPO / "seeds", arts)
    shutil.copytree(REPO / "gold", gold, ignore=shutil.ignore_patterns("*.md", "agreement"))
    return arts, gold


# -- one rules pipeline for every test file that runs invented sentences through it -------------


@pytest.fixture(scope="session")
def rules_system():
    """The rules system, built once per test session (building the pipeline costs about a second)."""
    from systems.rules import RulesSystem

    return RulesSystem()


def predict_text(system, text: str) -> Annotation:
    """One invented sentence through a system; every predicted offset is checked against the text."""
    ann = next(iter(system.predict([Document("t", "2024-01-01", text)])))
    for e in ann.entities:
        assert text[e.start : e.end] == e.text  # offsets are str indices into the body
    return ann


def relation_texts(ann: Annotation) -> set[tuple[str, str, str]]:
    """(type, head text, tail text) of every predicted relation."""
    by_id = {e.id: e for e in ann.entities}
    return {(r.type, by_id[r.head].text, by_id[r.tail].text) for r in ann.relations}
