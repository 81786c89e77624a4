"""Predictions as an LLM writes them: entities given by their text, located by bench, scored at mention
and document level."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import REPO, entity, write_article, write_gold, write_index

from bench.cli.main import main
from bench.core.annotation import Annotation, Entity, Relation, locate_mention
from bench.core.comparison import Comparison
from bench.core.scoring import document_entity_tally
from bench.formats.validate import AnnotationError, read_predictions

# Written for these tests: Hamas and Khan Younis occur twice, Haniyeh not at all.
TEXT = (
    "Hamas fighters withdrew from Khan Younis on Monday, the army said. "
    "Yahya Sinwar, who leads Hamas in Gaza, was not seen. "
    "Officials in Khan\nYounis said the crossing stayed shut."
)


@pytest.fixture
def llm(tmp_path: Path):
    arts, gold = tmp_path / "articles", tmp_path / "gold"
    doc = write_article(arts, "llm", TEXT)
    ents = [
        entity("T1", "Hamas", TEXT, "ORG"),
        entity("T2", "Khan Younis", TEXT, "GPE"),
        entity("T3", "Monday", TEXT, "DATE"),
        entity("T4", "Yahya Sinwar", TEXT, "PERSON"),
        entity("T5", "Hamas", TEXT, "ORG", occurrence=1),
        entity("T6", "Gaza", TEXT, "GPE"),
        entity("T7", "Khan\nYounis", TEXT, "GPE"),
    ]
    write_gold(gold, doc, ents, [Relation("R1", "T4", "T5", "LEADER_OF")])
    write_index(gold, [("llm", "dev", "toyland")])
    return {"articles": arts, "gold": gold, "doc": doc, "tmp": tmp_path}


def llm_line() -> dict:
    return {
        "doc_id": "llm",
        "entities": [
            {"id": "e1", "label": "ORG", "text": "Hamas"},
            {"id": "e2", "label": "PERSON", "text": "Yahya Sinwar"},
            {"label": "GPE", "text": "Khan Younis", "occurrence": 1},
            {"label": "GPE", "text": "Gaza", "context": "leads Hamas in Gaza"},
            {"label": "PERSON", "text": "Ismail Haniyeh"},
        ],
        "relations": [{"head": "e2", "tail": "e1", "type": "LEADER_OF"}],
    }


def write_lines(path: Path, *lines: dict) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def dirs(fx) -> list[str]:
    return ["--articles", str(fx["articles"]), "--gold", str(fx["gold"])]


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


# --- locating ---------------------------------------------------------------------------------


def test_locate_every_occurrence_one_occurrence_or_the_one_in_context():
    body = "Hamas said Hamas would talk; Hamasi is another word. Hamas again."
    every = locate_mention(body, "Hamas")
    assert [body[s:e] for s, e in every] == ["Hamas"] * 3  # not inside "Hamasi"
    assert locate_mention(body, "Hamas", occurrence=2) == [every[2]]
    assert locate_mention(body, "Hamas", occurrence=3) == []
    assert locate_mention(body, "Hamas", context="said Hamas would") == [every[1]]
    assert locate_mention(body, "Hamas", context="nowhere in it") == []
    assert locate_mention(body, "Hezbollah") == []


def test_locate_accepts_a_line_break_written_as_a_space():
    start = TEXT.index("Khan\nYounis")
    assert locate_mention(TEXT, "Khan Younis", occurrence=1) == [(start, start + len("Khan\nYounis"))]


def test_read_predictions_expands_text_only_entities_and_warns_about_the_missing(llm):
    path = write_lines(llm["tmp"] / "llm.jsonl", llm_line())
    preds, warnings = read_predictions(path, [llm["doc"]])
    ann = preds["llm"]
    spans = {(e.id, e.label, TEXT[e.start : e.end]) for e in ann.entities}
    assert spans == {
        ("e1", "ORG", "Hamas"),
        ("e1~2", "ORG", "Hamas"),
        ("e2", "PERSON", "Yahya Sinwar"),
        ("_T3", "GPE", "Khan\nYounis"),
        ("_T4", "GPE", "Gaza"),
    }
    # The entity's text is the article's, so a located mention is valid wherever it is written back.
    assert all(e.text == TEXT[e.start : e.end] for e in ann.entities)
    assert [(e.id, e.text) for e in ann.unlocated] == [("_T5", "Ismail Haniyeh")]
    # A relation to an entity found twice attaches to its first occurrence.
    (rel,) = ann.relations
    first = next(e for e in ann.entities if e.id == "e1")
    assert (rel.head, rel.tail) == ("e2", "e1") and first.start == TEXT.index("Hamas")
    (warning,) = [w for w in warnings if "Haniyeh" in w]
    assert f"{path}:1: warning: document llm: entity _T5 PERSON 'Ismail Haniyeh'" in warning
    assert "not found in the article" in warning


def test_strict_turns_an_entity_not_found_into_an_error(llm):
    path = write_lines(llm["tmp"] / "llm.jsonl", llm_line())
    with pytest.raises(AnnotationError) as err:
        read_predictions(path, [llm["doc"]], strict=True)
    assert any("Ismail Haniyeh" in p and "(--strict)" in p and "llm" in p for p in err.value.problems)


def test_score_strict_refuses_a_file_with_an_entity_not_found(llm, capsys):
    path = write_lines(llm["tmp"] / "llm.jsonl", llm_line())
    code, out, err = run(capsys, "score", "--predictions", str(path), "--strict", *dirs(llm))
    assert code == 2 and out == ""
    assert f"{path}:1: document llm: entity _T5 PERSON 'Ismail Haniyeh': not found in the article (--strict)" in err


def test_a_relation_to_an_entity_not_found_is_dropped_with_a_warning(llm):
    line = llm_line()
    line["entities"][4]["id"] = "e5"
    line["relations"].append({"id": "R9", "head": "e5", "tail": "e1", "type": "MEMBER_OF"})
    preds, warnings = read_predictions(write_lines(llm["tmp"] / "p.jsonl", line), [llm["doc"]])
    assert len(preds["llm"].relations) == 1
    assert any("relation R9 MEMBER_OF: its head was not found" in w for w in warnings)


def test_a_text_only_entity_on_a_span_already_predicted_is_not_counted_twice(llm):
    start = TEXT.index("Gaza")
    line = {
        "doc_id": "llm",
        "entities": [
            {"id": "g", "label": "GPE", "start": start, "end": start + 4, "text": "Gaza"},
            {"id": "t", "label": "GPE", "text": "Gaza"},
            {"id": "p", "label": "PERSON", "text": "Yahya Sinwar"},
        ],
        "relations": [],
    }
    preds, _ = read_predictions(write_lines(llm["tmp"] / "p.jsonl", line), [llm["doc"]])
    assert sorted(e.id for e in preds["llm"].entities) == ["g", "p"]


@pytest.mark.parametrize(
    "entity_raw, problem",
    [
        ({"id": "x", "label": "ORG"}, "give 'start' and 'end', or the mention's 'text'"),
        ({"id": "x", "label": "ORG", "text": "  "}, "give 'start' and 'end', or the mention's 'text'"),
        ({"id": "x", "label": "ORG", "text": "Hamas", "occurrence": -1}, "occurrence -1 must be a whole number"),
        ({"id": "x", "label": "ORG", "text": "Hamas", "occurrence": True}, "occurrence True must be a whole number"),
        ({"id": "x", "label": "ORG", "text": "Hamas", "context": "the army"}, "does not contain the text"),
        ({"id": "x", "label": "ORG", "text": "Hamas", "context": "x" * 301}, "at most 300 characters"),
        ({"id": "x", "label": "ORG", "text": "Hamas", "context": "Hamas", "occurrence": 0}, "not both"),
        ({"id": "x", "label": "ORG", "start": 0, "end": 5, "occurrence": 0}, "only go with an entity with no"),
    ],
)
def test_bad_text_only_entities_are_refused_by_name(llm, entity_raw, problem):
    line = {"doc_id": "llm", "entities": [entity_raw], "relations": []}
    with pytest.raises(AnnotationError) as err:
        read_predictions(write_lines(llm["tmp"] / "p.jsonl", line), [llm["doc"]])
    assert any("entity x" in p and problem in p for p in err.value.problems), err.value.problems


# --- document level ---------------------------------------------------------------------------


def test_document_level_counts_each_entity_once_and_takes_gold_names_through_the_alignment():
    body = "Benjamin Netanyahu met Netanyahu's cabinet. Hamas replied."
    gold = Annotation(
        "d",
        (
            entity("G1", "Benjamin Netanyahu", body, "PERSON", ref="Benjamin Netanyahu"),
            entity("G2", "Netanyahu", body, "PERSON", occurrence=1, ref="Benjamin Netanyahu"),
            entity("G3", "Hamas", body, "ORG"),
        ),
    )
    # Named once, by its short form, on the second mention; the ORG is written with "the".
    pred = Annotation(
        "d",
        (
            entity("P1", "Netanyahu", body, "PERSON", occurrence=1),
            Entity("P2", "ORG", body.index("Hamas"), body.index("Hamas") + 5, "Hamas", ref="the Hamas"),
        ),
        unlocated=(Entity("P3", "GPE", -1, -1, "Gaza"),),
    )
    tally = document_entity_tally(Comparison(gold, pred, "strict"))
    assert tally["PERSON"].correct == 1 and tally["PERSON"].missed == 0
    assert tally["ORG"].correct == 1
    assert tally["GPE"].spurious == 1  # an entity the article does not contain is a false positive here
    assert tally["micro"].as_tuple() == (2, 0, 0, 0, 1)


def test_llm_predictions_file_is_scored_by_score_compare_and_errors(llm, capsys):
    path = write_lines(llm["tmp"] / "llm.jsonl", llm_line())
    code, out, err = run(capsys, "score", "--predictions", str(path), "--format", "json", *dirs(llm))
    assert code == 0, err
    assert "Ismail Haniyeh" in err
    sections = json.loads(out)["sections"]
    mention = sections["entities"]["micro"]
    assert (mention["correct"], mention["missed"], mention["spurious"]) == (5, 2, 0)
    document = sections["entities_document"]
    assert (document["micro"]["correct"], document["micro"]["missed"], document["micro"]["spurious"]) == (4, 1, 1)
    assert document["micro"]["precision"] == pytest.approx(0.8) and document["micro"]["recall"] == pytest.approx(0.8)
    assert document["labels"]["PERSON"]["spurious"] == 1 and document["labels"]["DATE"]["missed"] == 1
    assert document["macro"]["labels"] == 4
    # The relation attached to the first "Hamas"; gold's is the second: missed at mention level, found as a fact.
    assert sections["relations_mention"]["micro"]["correct"] == 0
    assert sections["relations_fact"]["micro"]["correct"] == 1

    code, table, _ = run(capsys, "score", "--predictions", str(path), *dirs(llm))
    assert code == 0 and "Entities, document level" in table

    code, out, _ = run(capsys, "compare", str(path), "gold", "--format", "json", "--trials", "10", *dirs(llm))
    assert code == 0
    assert [r["sections"]["entities_document"]["micro"]["f1"] for r in json.loads(out)["results"]] == [
        pytest.approx(0.8),
        1.0,
    ]

    code, out, _ = run(capsys, "errors", "--predictions", str(path), "--format", "json", *dirs(llm))
    assert code == 0
    missed = {i["label"] for i in json.loads(out) if i["kind"] == "missed" and i["section"] == "entities"}
    assert missed == {"GPE", "DATE"}


def test_report_has_the_document_level_section(llm, capsys):
    path = write_lines(llm["tmp"] / "llm.jsonl", llm_line())
    out = llm["tmp"] / "r.html"
    code, _, err = run(capsys, "report", "--systems", f"{path},gold", "--bootstrap", "0", "-o", str(out), *dirs(llm))
    assert code == 0, err
    assert "Entities, document level" in out.read_text(encoding="utf-8")


def test_convert_writes_the_located_spans(llm, capsys):
    path = write_lines(llm["tmp"] / "llm.jsonl", llm_line())
    out = llm["tmp"] / "out.jsonl"
    code, _, err = run(capsys, "convert", "--from", "jsonl", "--to", "jsonl", str(path), str(out), *dirs(llm))
    assert code == 0, err
    written = json.loads(out.read_text(encoding="utf-8"))
    located = [e for e in written["entities"] if "start" in e]
    assert len(located) == 5 and all(TEXT[e["start"] : e["end"]] == e["text"] for e in located)


def test_gate_guards_the_document_level_section(llm, capsys, tmp_path):
    baseline = tmp_path / "base.json"
    assert run(capsys, "gate", "--baseline", str(baseline), "--update", "--system", "gold", *dirs(llm))[0] == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["sections"]["entities_document"]["micro"]["f1"] == 1.0
    # The gate re-scores the baseline's system: name one that finds nothing, and the section regresses.
    saved = json.loads(baseline.read_text(encoding="utf-8"))
    saved["system"] = "empty"
    baseline.write_text(json.dumps(saved), encoding="utf-8")
    code, out, _ = run(capsys, "gate", "--baseline", str(baseline), *dirs(llm))
    assert code == 1
    assert re.search(r"entities_document\s+PERSON\s+1\.000", out)


def test_readme_recipe_turns_an_llm_answer_into_a_scored_predictions_file(llm, capsys, monkeypatch):
    """The README's snippet, run as written, on an answer shaped like an LLM's."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    recipe = readme.split("<!-- llm-recipe -->", 2)[1]
    code = re.search(r"```python\n(.*?)```", recipe, re.S).group(1)
    monkeypatch.chdir(llm["tmp"])
    answer = {
        "entities": [
            {"type": "ORG", "name": "Hamas"},
            {"type": "PERSON", "name": "Yahya Sinwar"},
            {"type": "GPE", "name": "Gaza"},
        ],
        "relations": [{"type": "LEADER_OF", "head": "Yahya Sinwar", "tail": "Hamas"}],
    }
    namespace: dict = {"answers": {"llm": json.dumps(answer)}}
    exec(compile(code, "README.md", "exec"), namespace)
    written = llm["tmp"] / "predictions.jsonl"
    assert written.exists()
    code_, out, err = run(capsys, "score", "--predictions", str(written), "--format", "json", *dirs(llm))
    assert code_ == 0, err
    sections = json.loads(out)["sections"]
    assert sections["entities_document"]["micro"]["correct"] == 3
    assert sections["relations_fact"]["micro"]["correct"] == 1
