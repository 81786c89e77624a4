"""The library does what the commands do, without printing: corpus, score, compare, gate."""

from __future__ import annotations

import json

import pytest

from bench.cli.main import main
from bench.evaluation.gate import BaselineError, run_gate
from bench.evaluation.runs import compare, open_corpus, score


def test_score_and_compare_as_a_library_equal_the_commands(toy, capsys):
    corpus = open_corpus(toy["articles"], toy["gold"])
    gold, empty = score(corpus, "gold"), score(corpus, "empty")
    assert gold.result["sections"]["entities"]["micro"]["f1"] == 1.0
    payload = compare([gold, empty], trials=50, seed=1)
    assert payload["tests"]["entities"][0]["a"] == "gold" and payload["tests"]["entities"][0]["b"] == "empty"
    dirs = ["--articles", str(toy["articles"]), "--gold", str(toy["gold"])]
    assert main(["compare", "gold", "empty", "--trials", "50", "--seed", "1", "--format", "json", *dirs]) == 0
    assert json.loads(capsys.readouterr().out) == json.loads(json.dumps(payload))


def test_run_gate_returns_an_outcome(toy, tmp_path):
    path = tmp_path / "b.json"
    written = run_gate(path, system="gold", update=True, articles=toy["articles"], gold=toy["gold"])
    assert written.action == "written" and not written.failed and path.exists()
    checked = run_gate(path)
    assert checked.action == "checked" and not checked.failed and checked.split == "all"
    with pytest.raises(BaselineError, match="no such baseline"):
        run_gate(tmp_path / "missing.json")


def test_evaluate_in_memory_equals_the_command(toy, capsys):
    from bench import evaluate

    gold = json.loads(toy["path"].read_text())
    pred = {"doc_id": "toy", "entities": [dict(e) for e in gold["entities"][:4]], "relations": []}
    for e in pred["entities"]:
        e.pop("id")  # no relation refers to them: ids are optional in predictions
        e["score"] = 0.5
    result = evaluate([gold], [pred], sections=["entities", "figures"])
    preds = toy["tmp"] / "p.jsonl"
    preds.write_text(json.dumps({**pred, "sections": ["entities", "figures"]}) + "\n")
    dirs = ["--articles", str(toy["articles"]), "--gold", str(toy["gold"])]
    assert main(["score", "--predictions", str(preds), "--format", "json", *dirs]) == 0
    from bench.evaluation.results import dumps_result

    assert json.loads(capsys.readouterr().out)["sections"] == json.loads(dumps_result(result))["sections"]
    assert result["sections"]["entities"]["micro"]["correct"] == 4 and result["sections"]["relations_fact"] == {
        "status": "absent"
    }


def test_evaluate_rejects_bad_input_with_the_item_named():
    from bench import evaluate

    with pytest.raises(ValueError, match=r"predictions item 1: entity .*score 2 must be a number from 0 to 1"):
        evaluate(
            [{"doc_id": "d", "entities": []}],
            [{"doc_id": "d", "entities": [{"label": "ORG", "start": 0, "end": 3, "score": 2}]}],
        )
    with pytest.raises(ValueError, match="unknown match scheme"):
        evaluate([], [], scheme="fuzzy")


def test_prediction_leniency_and_gold_strictness(toy, capsys, tmp_path):
    gold = json.loads(toy["path"].read_text())
    gold["entities"][0]["score"] = 0.9
    toy["path"].write_text(json.dumps(gold))
    dirs = ["--articles", str(toy["articles"]), "--gold", str(toy["gold"])]
    assert main(["validate", *dirs]) == 1
    assert "'score' is a prediction's confidence; gold has none" in capsys.readouterr().out
    preds = tmp_path / "p.jsonl"
    line = {
        "doc_id": "toy",
        "meta": {"model": "x"},
        "entities": [{"label": "ORG", "start": 0, "end": 9}],
        "relations": [{"head": "a", "tail": "b", "type": "ALLIED_WITH"}],
    }
    preds.write_text(json.dumps(line) + "\n")
    assert main(["validate", str(preds), *dirs]) == 1
    out = capsys.readouterr().out
    assert "head 'a' refers to no entity" in out and "meta" not in out and "'id'" not in out
