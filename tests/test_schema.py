"""The published JSON Schema: generated from the one source, up to date, accepting the corpus, and
rejecting what `bench validate` rejects, except the checks it says it cannot do."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from conftest import REPO, SEED_ID
from jsonschema import Draft202012Validator

from bench.cli.main import main
from bench.core.annotation import annotation_from_dict, dumps_line
from bench.formats import json_schema
from bench.formats.json_schema import SHIPPED, dumps_schema

GOLD_FILES = sorted((REPO / "gold").glob("*.json"))


def validator(kind: str) -> Draft202012Validator:
    schema = json.loads(SHIPPED[kind].read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(kind: str, instance) -> list[str]:
    return [e.message for e in validator(kind).iter_errors(instance)]


@pytest.mark.parametrize("kind", ["gold", "prediction"])
def test_shipped_schema_is_what_the_generator_writes(kind):
    assert SHIPPED[kind].read_text(encoding="utf-8") == dumps_schema(kind), (
        f"run: bench schema --kind {kind} -o {SHIPPED[kind].relative_to(REPO)}"
    )


@pytest.mark.parametrize("kind", ["gold", "prediction"])
def test_bench_schema_prints_and_writes_the_shipped_file(kind, capsys, tmp_path):
    assert main(["schema", "--kind", kind]) == 0
    assert capsys.readouterr().out == SHIPPED[kind].read_text(encoding="utf-8")
    out = tmp_path / "s.json"
    assert main(["schema", "--kind", kind, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == SHIPPED[kind].read_text(encoding="utf-8")


def test_labels_and_types_come_from_schema_json():
    source = json.loads((REPO / "bench" / "core" / "schema.json").read_text(encoding="utf-8"))
    gold = json.loads(SHIPPED["gold"].read_text(encoding="utf-8"))
    entity, relation = gold["$defs"]["entity"]["properties"], gold["$defs"]["relation"]["properties"]
    assert entity["label"]["enum"] == list(source["entity_labels"])
    assert entity["qualifier"]["enum"] == source["figure"]["qualifiers"]
    assert entity["category"]["enum"] == source["figure"]["categories"]
    assert relation["type"]["enum"] == list(source["relation_types"])
    # Prediction-only keys stay out of gold.
    assert not {"score", "rule", "occurrence", "context"} & set(entity)
    assert "meta" not in gold["properties"]


def test_a_key_with_no_definition_stops_the_generator(monkeypatch):
    monkeypatch.setattr(json_schema, "ENTITY_KEYS", (*json_schema.ENTITY_KEYS, "colour"))
    with pytest.raises(ValueError, match="colour"):
        json_schema.json_schema("gold")


def test_the_description_names_what_only_bench_validate_checks():
    for kind in ("gold", "prediction"):
        text = json.loads(SHIPPED[kind].read_text(encoding="utf-8"))["description"]
        for needle in ("bench validate", "offsets", "overlap", "no dangling ids", "match what its span text"):
            assert needle in text, (kind, needle)


def test_every_gold_file_of_the_corpus_validates():
    assert len(GOLD_FILES) > 10
    for path in GOLD_FILES:
        assert errors("gold", json.loads(path.read_text(encoding="utf-8"))) == [], path


def test_every_gold_file_written_as_a_prediction_line_validates():
    for path in GOLD_FILES:
        line = json.loads(dumps_line(annotation_from_dict(json.loads(path.read_text(encoding="utf-8")))))
        assert errors("prediction", line) == [], path


def test_an_llm_line_with_text_only_entities_validates():
    line = {
        "doc_id": "x",
        "entities": [
            {"id": "e1", "label": "ORG", "text": "Hamas", "score": 0.7},
            {"label": "GPE", "text": "Gaza", "occurrence": 2},
            {"label": "GPE", "text": "Rafah", "context": "crossing at Rafah"},
        ],
        "relations": [{"head": "e1", "tail": "e2", "type": "CONTROLS"}],
        "meta": {"model": "any"},
    }
    assert errors("prediction", line) == []


# --- broken files: rejected by both ------------------------------------------------------------


def seed_gold() -> dict:
    return json.loads((REPO / "gold" / f"{SEED_ID}.json").read_text(encoding="utf-8"))


def _figure(doc: dict) -> dict:
    return next(e for e in doc["entities"] if e["label"] == "FIGURE")


def _first(doc: dict) -> dict:
    return next(e for e in doc["entities"] if e["label"] != "FIGURE")


GOLD_BREAKS = {
    "unknown label": lambda d: _first(d).update(label="WEAPON"),
    "entity without text": lambda d: _first(d).pop("text"),
    "entity given by text alone": lambda d: (_first(d).pop("start"), _first(d).pop("end")),
    "score in gold": lambda d: _first(d).update(score=0.5),
    "occurrence in gold": lambda d: _first(d).update(occurrence=0),
    "rule on a gold relation": lambda d: d["relations"][0].update(rule="x"),
    "figure without category": lambda d: _figure(d).pop("category"),
    "value on a non-figure": lambda d: _first(d).update(value=3),
    "unknown qualifier": lambda d: _figure(d).update(qualifier="roughly"),
    "start as a string": lambda d: _first(d).update(start=str(_first(d)["start"])),
    "negative start": lambda d: _first(d).update(start=-1),
    "boolean id": lambda d: _first(d).update(id=True),
    "unknown document key": lambda d: d.update(notes="x"),
    "meta in gold": lambda d: d.update(meta={}),
    "missing text_sha256": lambda d: d.pop("text_sha256"),
    "malformed date": lambda d: d.update(date="25/10/2023"),
    "unknown section": lambda d: d.update(sections=["entities", "events"]),
    "unknown relation type": lambda d: d["relations"][0].update(type="KILLED"),
    "relation without id": lambda d: d["relations"][0].pop("id"),
    "entity not an object": lambda d: d["entities"].append("T99"),
}

# What the schema says it cannot check: accepted by it, rejected by `bench validate`.
BEYOND_SCHEMA = {
    "dangling relation id": lambda d: d["relations"][0].update(head="T999"),
    "span beyond the body": lambda d: _first(d).update(end=10**6),
    "text differing from the span": lambda d: _first(d).update(text=_first(d)["text"] + "x"),
    "overlapping gold spans": lambda d: d["entities"].append({**_first(d), "id": "T999", "label": "NORP"}),
    "figure value disagreeing with its text": lambda d: _figure(d).update(value=_figure(d)["value"] + 1),
    "duplicate entity id": lambda d: d["entities"].append({**d["entities"][-1], "start": 0, "end": 1}),
}


def bench_validate(tmp_path: Path, capsys, doc: dict) -> tuple[int, str]:
    arts, gold = tmp_path / "seeds", tmp_path / "gold"
    arts.mkdir(exist_ok=True)
    gold.mkdir(exist_ok=True)
    (arts / f"{SEED_ID}.txt").write_bytes((REPO / "seeds" / f"{SEED_ID}.txt").read_bytes())
    path = gold / f"{SEED_ID}.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    code = main(["validate", str(path), "--articles", str(arts)])
    return code, capsys.readouterr().out


def test_the_seed_gold_passes_both(tmp_path, capsys):
    assert errors("gold", seed_gold()) == []
    assert bench_validate(tmp_path, capsys, seed_gold())[0] == 0


@pytest.mark.parametrize("name", sorted(GOLD_BREAKS))
def test_broken_gold_is_rejected_by_the_schema_and_by_bench_validate(name, tmp_path, capsys):
    doc = copy.deepcopy(seed_gold())
    GOLD_BREAKS[name](doc)
    assert errors("gold", doc), f"the schema accepts {name}"
    code, out = bench_validate(tmp_path, capsys, doc)
    assert code == 1 and out.strip(), f"bench validate accepts {name}"


@pytest.mark.parametrize("name", sorted(BEYOND_SCHEMA))
def test_what_the_schema_cannot_check_bench_validate_does(name, tmp_path, capsys):
    doc = copy.deepcopy(seed_gold())
    BEYOND_SCHEMA[name](doc)
    assert errors("gold", doc) == [], "the schema checks this after all: move it to GOLD_BREAKS"
    assert bench_validate(tmp_path, capsys, doc)[0] == 1


PREDICTION_BREAKS = {
    "score above 1": {"label": "ORG", "start": 20, "end": 25, "score": 1.5},
    "occurrence with a span": {"label": "ORG", "start": 20, "end": 25, "occurrence": 0},
    "occurrence and context": {"label": "ORG", "text": "Hamas", "occurrence": 0, "context": "of Hamas"},
    "no label": {"start": 20, "end": 25},
    "neither span nor text": {"label": "ORG"},
    "blank text alone": {"label": "ORG", "text": " "},
    "start without end": {"label": "ORG", "start": 20, "text": "Hamas"},
    "negative occurrence": {"label": "ORG", "text": "Hamas", "occurrence": -1},
    "context too long": {"label": "ORG", "text": "Hamas", "context": "Hamas " * 60},
    "unknown entity key": {"label": "ORG", "start": 20, "end": 25, "colour": "red"},
    "empty rule": {"label": "ORG", "start": 20, "end": 25, "rule": ""},
}


@pytest.mark.parametrize("name", sorted(PREDICTION_BREAKS))
def test_broken_prediction_lines_are_rejected_by_the_schema_and_by_bench_validate(name, tmp_path, capsys):
    line = {"doc_id": SEED_ID, "entities": [PREDICTION_BREAKS[name]], "relations": []}
    assert errors("prediction", line), f"the schema accepts {name}"
    arts = tmp_path / "seeds"
    arts.mkdir()
    (arts / f"{SEED_ID}.txt").write_bytes((REPO / "seeds" / f"{SEED_ID}.txt").read_bytes())
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["validate", str(path), "--articles", str(arts)]) == 1
    assert f"{path}:1:" in capsys.readouterr().out


def test_prediction_document_breaks_are_rejected_by_both(tmp_path, capsys):
    for line in (
        {"entities": []},  # no doc_id
        {"doc_id": SEED_ID, "meta": "gpt"},
        {"doc_id": SEED_ID, "relations": [{"head": "a", "type": "MET_WITH"}]},
        {"doc_id": SEED_ID, "sections": "entities"},
    ):
        assert errors("prediction", line), line
        arts = tmp_path / "seeds"
        arts.mkdir(exist_ok=True)
        (arts / f"{SEED_ID}.txt").write_bytes((REPO / "seeds" / f"{SEED_ID}.txt").read_bytes())
        path = tmp_path / "p.jsonl"
        path.write_text(json.dumps(line) + "\n", encoding="utf-8")
        assert main(["validate", str(path), "--articles", str(arts)]) == 1, line
        capsys.readouterr()
