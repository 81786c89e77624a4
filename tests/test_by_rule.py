"""Every prediction can say which rule made it; `bench errors --by-rule` ranks rules by what they bring."""

from __future__ import annotations

import json

import pytest
from conftest import TOY_TEXT

from bench.cli.main import main
from bench.core.annotation import Annotation, Entity, Relation, annotation_from_dict
from bench.core.comparison import Comparison
from bench.reports.by_rule import rule_counts, rule_ledger

T = TOY_TEXT


def span(text: str, label: str, eid: str, rule: str | None, **attrs) -> dict:
    start = T.index(text)
    out = {"id": eid, "label": label, "start": start, "end": start + len(text), "text": text, **attrs}
    if rule:
        out["rule"] = rule
    return out


def toy_predictions() -> dict:
    killed = {"value": 12, "qualifier": "at_least", "category": "killed"}
    return {
        "doc_id": "toy",
        "entities": [
            span("Hezbollah", "ORG", "a", "gaz.org"),  # correct
            span("Hassan Nasrallah", "PERSON", "b", "roles.leader"),  # correct
            span("Hamas officials", "ORG", "c", "gaz.org"),  # boundary: a false positive of gaz.org
            span("Beirut", "ORG", "d", "guess"),  # wrong label
            span("met", "ORG", "e", "guess"),  # spurious
            span("at least 12", "FIGURE", "f", "fig.killed", **killed),  # correct entity and figure
            span("Gaza", "GPE", "g", None),  # correct, but names no rule
        ],
        "relations": [
            {"head": "b", "tail": "a", "type": "LEADER_OF", "rule": "roles.leader"},  # correct
            {"head": "a", "tail": "d", "type": "IN_CONFLICT_WITH", "rule": "verbs"},  # spurious
        ],
    }


def test_each_prediction_is_credited_to_its_rule_by_the_section_match_rule(toy):
    gold = json.loads(toy["path"].read_text(encoding="utf-8"))
    cmp = Comparison(annotation_from_dict(gold), annotation_from_dict(toy_predictions()), "strict")
    counts = {k: dict(v) for k, v in rule_counts(cmp, ["entities", "figures", "relations"]).items()}
    assert counts == {
        ("entities", "gaz.org"): {"tp": 1, "fp": 1},
        ("entities", "roles.leader"): {"tp": 1},
        ("entities", "guess"): {"fp": 2},
        ("entities", "fig.killed"): {"tp": 1},
        ("entities", "(no rule)"): {"tp": 1},
        ("figures", "fig.killed"): {"tp": 1},
        ("relations", "roles.leader"): {"tp": 1},
        ("relations", "verbs"): {"fp": 1},
    }


def test_ledger_totals_equal_the_scores_counts_and_rank_the_worst_first(toy, capsys, tmp_path):
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(toy_predictions()) + "\n", encoding="utf-8")
    where = ["--articles", str(toy["articles"]), "--gold", str(toy["gold"])]
    assert main(["errors", "--predictions", str(preds), "--by-rule", "--format", "json", *where]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert main(["score", "--predictions", str(preds), "--format", "json", *where]) == 0
    scores = json.loads(capsys.readouterr().out)["sections"]
    for section, key in (("entities", "entities"), ("figures", "figures"), ("relations", "relations_mention")):
        mine = [r for r in rows if r["section"] == section]
        assert sum(r["tp"] for r in mine) == scores[key]["micro"]["tp"], section
        assert sum(r["fp"] for r in mine) == scores[key]["micro"]["fp"], section
    entities = [r["rule"] for r in rows if r["section"] == "entities"]
    assert entities[0] == "guess"  # two false positives, none right: the worst rule
    guess = next(r for r in rows if r["rule"] == "guess")
    assert guess["brings_nothing"] and guess["precision"] == 0.0 and guess["documents"] == 1
    assert main(["errors", "--predictions", str(preds), "--by-rule", *where]) == 0
    table = capsys.readouterr().out
    assert "guess" in table and "candidate for removal" in table
    assert "2 of 8 rule(s) bring no true positive on split all" in table


def test_zero_division_is_stated_not_hidden():
    gold = Annotation("d", (Entity("T1", "ORG", 0, 5, "Hamas"),))
    # Nothing predicted: no rule, no row; an empty ledger is an empty list, not a crash.
    assert rule_ledger({"d": gold}, {}, "strict", ["entities"]) == []


def test_by_rule_without_named_rules_is_a_usage_error(toy, capsys, tmp_path):
    plain = toy_predictions()
    for item in plain["entities"] + plain["relations"]:
        item.pop("rule", None)
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(plain) + "\n", encoding="utf-8")
    where = ["--articles", str(toy["articles"]), "--gold", str(toy["gold"])]
    assert main(["errors", "--predictions", str(preds), "--by-rule", *where]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no prediction names its rule" in err[0]


def test_errors_show_the_rule_of_wrong_predictions(toy, capsys, tmp_path):
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(toy_predictions()) + "\n", encoding="utf-8")
    argv = ["errors", "--predictions", str(preds), "--articles", str(toy["articles"]), "--gold", str(toy["gold"])]
    assert main([*argv, "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    by_kind = {(i["section"], i["kind"], i["label"]): i for i in items}
    assert by_kind[("entities", "spurious", "ORG")]["rule"] == "guess"
    assert by_kind[("entities", "boundary", "ORG")]["rule"] == "gaz.org"
    assert by_kind[("entities", "missed", "ORG")]["rule"] == ""  # nothing predicted, no rule to blame
    spurious = by_kind[("relations", "spurious", "IN_CONFLICT_WITH")]
    assert spurious["rule"] == "verbs"
    assert spurious["predicted"]["head"]["text"] == "Hezbollah" and spurious["predicted"]["tail"]["text"] == "Beirut"


def test_rule_is_a_prediction_key_gold_may_not_carry(toy, capsys, tmp_path):
    gold = json.loads(toy["path"].read_text(encoding="utf-8"))
    gold["entities"][0]["rule"] = "gaz.org"
    toy["path"].write_text(json.dumps(gold), encoding="utf-8")
    assert main(["validate", str(toy["path"]), "--articles", str(toy["articles"])]) == 1
    assert "'rule' names the rule that made a prediction; gold has none" in capsys.readouterr().out
    bad = toy_predictions()
    bad["entities"][0]["rule"] = ""
    bad["relations"][0]["rule"] = 7
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    assert main(["validate", str(preds), "--articles", str(toy["articles"])]) == 1
    out = capsys.readouterr().out
    assert "entity a: rule '' must be a short non-empty printable string" in out
    assert "rule 7 must be a short non-empty printable string" in out


def test_rule_survives_the_round_trip_through_the_prediction_format():
    rel = Relation("R1", "a", "b", "LEADER_OF", rule="roles.leader")
    ent = Entity("a", "PERSON", 0, 3, "Ali", rule="roles.leader")
    ann = annotation_from_dict(Annotation("d", (ent,), (rel,)).to_dict())
    assert ann.entities[0].rule == "roles.leader" and ann.relations[0].rule == "roles.leader"


def test_theatres_say_how_far_a_rules_true_positives_spread():
    def doc(doc_id: str, names: list[tuple[str, str]]) -> tuple[Annotation, Annotation]:
        text = " ".join(n for n, _ in names)
        gold, pred, at = [], [], 0
        for i, (name, rule) in enumerate(names):
            gold.append(Entity(f"T{i}", "ORG", at, at + len(name), name))
            pred.append(Entity(f"P{i}", "ORG", at, at + len(name), name, rule=rule))
            at += len(name) + 1
        assert text[gold[-1].start : gold[-1].end] == names[-1][0]
        return Annotation(doc_id, tuple(gold)), Annotation(doc_id, tuple(pred))

    docs = {
        "a1": doc("a1", [("Hamas", "broad"), ("Fatah", "narrow"), ("Amal", "narrow")]),
        "a2": doc("a2", [("Hamas", "broad"), ("Fatah", "narrow")]),
        "b1": doc("b1", [("Wagner", "broad")]),
    }
    gold = {d: g for d, (g, _) in docs.items()}
    preds = {d: p for d, (_, p) in docs.items()}
    rows = {r["rule"]: r for r in rule_ledger(gold, preds, "strict", ["entities"], {"a1": "x", "a2": "x", "b1": "y"})}
    assert (rows["broad"]["theatres"], rows["broad"]["tp_beyond_best_theatre"], rows["broad"]["one_theatre"]) == (
        2,
        1,
        False,
    )
    assert (rows["narrow"]["theatres"], rows["narrow"]["tp_beyond_best_theatre"], rows["narrow"]["one_theatre"]) == (
        1,
        0,
        True,
    )
    assert "theatres" not in rule_ledger(gold, preds, "strict", ["entities"])[0]
    with pytest.raises(ValueError, match="no theatre for document"):
        rule_ledger(gold, preds, "strict", ["entities"], {"a1": "x"})
