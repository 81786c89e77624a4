"""`bench predict`, `score`, `compare` and `gate` end to end through the command line."""

from __future__ import annotations

import json

import pytest
from conftest import load_json

from bench.cli.main import main


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def dirs(toy) -> list[str]:
    return ["--articles", str(toy["articles"]), "--gold", str(toy["gold"])]


def test_predict_then_score_predictions_file_equals_score_system(toy, capsys, tmp_path):
    out = tmp_path / "gold.jsonl"
    assert run(capsys, "predict", "--system", "gold", "--out", str(out), *dirs(toy))[0] == 0
    code, by_file, _ = run(capsys, "score", "--predictions", str(out), "--format", "json", *dirs(toy))
    assert code == 0
    result = json.loads(by_file)
    assert result["source"] == "predictions"
    for section in result["sections"].values():
        assert section["micro"]["f1"] == 1.0
    code, by_system, _ = run(capsys, "score", "--system", "gold", "--format", "json", *dirs(toy))
    assert json.loads(by_system)["sections"] == result["sections"]


def test_predict_reads_articles_that_have_no_gold_yet(toy, capsys, tmp_path):
    """New articles are predicted before anyone annotates them; a split still needs the index."""
    (toy["articles"] / "fresh.txt").write_text(" date 2024-01-02 Hamas said on Monday.", encoding="utf-8")
    out = tmp_path / "p.jsonl"
    code, _, err = run(capsys, "predict", "--system", "empty", "--out", str(out), *dirs(toy))
    assert code == 0, err
    assert [json.loads(line)["doc_id"] for line in out.read_text().splitlines()] == ["fresh", "toy"]
    code, _, err = run(capsys, "predict", "--system", "empty", "--split", "dev", "--out", str(out), *dirs(toy))
    assert code == 2 and "fresh" in err


def test_empty_system_recall_zero_and_table_mentions_undefined(toy, capsys):
    code, out, _ = run(capsys, "score", "--system", "empty", *dirs(toy))
    assert code == 0
    micro = next(line.split() for line in out.splitlines() if line.startswith("micro"))
    assert micro == ["micro", "0", "0", "7", "—", "0.000", "0.000", "7"]
    assert "undefined" in out
    code, js, _ = run(capsys, "score", "--system", "empty", "--format", "json", *dirs(toy))
    assert json.loads(js)["sections"]["entities"]["micro"]["recall"] == 0.0


def test_same_inputs_give_byte_identical_json(toy, capsys, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    for path in (a, b):
        run(capsys, "score", "--system", "gold", "--save", str(path), "--bootstrap", "50", "--seed", "3", *dirs(toy))
    assert a.read_bytes() == b.read_bytes()
    assert load_json(a)["schema_version"] == 1


BAD_LINES = {
    "broken json": ('{"doc_id": "toy", "entities": [', ":1: invalid JSON"),
    "unknown label": (
        '{"doc_id": "toy", "entities": [{"id": "a", "label": "WEAPON", "start": 0, "end": 3}], "relations": []}',
        ":1: entity a: unknown label 'WEAPON'",
    ),
    "offsets out of range": (
        '{"doc_id": "toy", "entities": [{"id": "a", "label": "ORG", "start": 0, "end": 9999}], "relations": []}',
        ":1: entity a: span [0, 9999) is outside the body",
    ),
    "unknown doc": (
        '{"doc_id": "elsewhere", "entities": [], "relations": []}',
        ":1: document: unknown doc_id 'elsewhere'",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_LINES))
def test_bad_prediction_file_names_the_line_and_scores_nothing(toy, capsys, tmp_path, case):
    line, expected = BAD_LINES[case]
    path = tmp_path / "p.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    code, out, err = run(capsys, "score", "--predictions", str(path), *dirs(toy))
    assert code == 2
    assert f"{path}{expected}" in err
    assert "nothing was scored" in err and out == ""


def test_duplicate_doc_names_second_line(toy, capsys, tmp_path):
    path = tmp_path / "p.jsonl"
    line = '{"doc_id": "toy", "entities": [], "relations": []}\n'
    path.write_text(line + line, encoding="utf-8")
    code, out, err = run(capsys, "score", "--predictions", str(path), *dirs(toy))
    assert code == 2 and f"{path}:2: document: duplicate doc_id 'toy'" in err and out == ""


def test_unknown_source_is_a_clear_error(toy, capsys):
    code, _, err = run(capsys, "score", "--system", "no_such_system", *dirs(toy))
    assert code == 2 and "unknown system 'no_such_system' (registered: " in err


def test_compare_prints_side_by_side_and_p_values(toy, capsys):
    code, out, _ = run(capsys, "compare", "gold", "empty", "--trials", "200", *dirs(toy))
    assert code == 0
    assert "F1 gold" in out and "F1 empty" in out and "Δ empty" in out
    assert "-1.000" in out and "p = " in out


def test_gate_catches_regression_and_update_rewrites(toy, capsys, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run(capsys, "gate", "--baseline", str(baseline), "--update", "--system", "gold", *dirs(toy))[0] == 0
    assert run(capsys, "gate", "--baseline", str(baseline))[0] == 0
    # Pretend the baseline was saved for a system that now does worse: same file, other system.
    data = load_json(baseline)
    data["system"] = "empty"
    baseline.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "gate", "--baseline", str(baseline))
    assert code == 1
    assert "REGRESSION" in out and "PERSON" in out and "1.000" in out
    assert run(capsys, "gate", "--baseline", str(baseline), "--update")[0] == 0
    assert run(capsys, "gate", "--baseline", str(baseline))[0] == 0


def test_gate_fails_when_gold_changed(toy, capsys, tmp_path):
    baseline = tmp_path / "baseline.json"
    run(capsys, "gate", "--baseline", str(baseline), "--update", "--system", "gold", *dirs(toy))
    data = load_json(toy["path"])
    data["entities"] = [e for e in data["entities"] if e["id"] != "T4"]
    toy["path"].write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(capsys, "gate", "--baseline", str(baseline))
    assert code == 1 and "gold changed" in out


def test_gate_turns_red_when_the_rules_system_regresses(capsys, tmp_path):
    """The committed baseline, re-scored with a rules system whose data file lost entries."""
    from conftest import REPO

    baseline = tmp_path / "rules.json"
    data = load_json(REPO / "baselines" / "rules-dev.json")
    assert data["split"] == "dev"
    assert main(["gate", "--baseline", str(REPO / "baselines" / "rules-dev.json")]) == 0
    capsys.readouterr()
    data["system"] = "degraded_rules:DegradedRules"
    # The copy lives elsewhere: its directories must point at the repository's corpus.
    data["articles_dir"], data["gold_dir"] = str(REPO / "seeds"), str(REPO / "gold")
    baseline.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run(capsys, "gate", "--baseline", str(baseline))
    assert code == 2 and "--allow-import" in err  # a baseline does not choose code to run on its own
    code, out, _ = run(capsys, "gate", "--baseline", str(baseline), "--allow-import")
    assert code == 1
    rows = [line.split() for line in out.splitlines()]
    assert next(r[:2] for r in rows if r[:2] == ["entities", "ORG"]) == ["entities", "ORG"]
    assert any(r[:2] == ["relations_fact", "LEADER_OF"] for r in rows)
