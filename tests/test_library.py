"""The library does what the commands do, without printing: corpus, score, compare, gate."""

from __future__ import annotations

import json

import pytest

from bench.cli import main
from bench.gate import BaselineError, run_gate
from bench.runs import compare, open_corpus, score


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
