"""`bench validate` catches each kind of broken annotation, with a message naming file and item."""

from __future__ import annotations

import pytest
from conftest import REPO, SEED_ID, dump_json, load_json, write_article

from bench.cli.main import main
from bench.formats.corpus import CorpusError, load_articles, read_article
from bench.formats.validate import validate_files


def problems_after(toy, mutate) -> list[str]:
    data = load_json(toy["path"])
    mutate(data)
    dump_json(toy["path"], data)
    return validate_files([], load_articles(toy["articles"]), toy["gold"]).problems


def ent(data, eid):
    return next(e for e in data["entities"] if e["id"] == eid)


def test_repository_gold_is_valid(capsys):
    assert main(["validate", "--articles", str(REPO / "seeds"), "--gold", str(REPO / "gold")]) == 0
    assert "OK" in capsys.readouterr().out


def test_toy_gold_is_valid(toy):
    assert validate_files([], load_articles(toy["articles"]), toy["gold"]).problems == []


CASES = {
    "offset outside body": (
        lambda d: ent(d, "T7").update(start=500, end=504, text="Gaza"),
        "entity T7: span [500, 504) is outside the body",
    ),
    "empty span": (lambda d: ent(d, "T7").update(end=ent(d, "T7")["start"]), "entity T7: span"),
    "text mismatch": (lambda d: ent(d, "T4").update(text="Beirut!"), "entity T4: text 'Beirut!' does not equal body"),
    "unknown label": (lambda d: ent(d, "T4").update(label="CITY"), "entity T4: unknown label 'CITY'"),
    "unknown relation type": (
        lambda d: d["relations"][0].update(type="BOSS_OF"),
        "relation R1: unknown relation type 'BOSS_OF'",
    ),
    "argument labels": (
        lambda d: d["relations"][0].update(head="T1", tail="T2"),
        "relation R1: LEADER_OF does not allow ORG -> PERSON",
    ),
    "duplicate entity id": (lambda d: ent(d, "T4").update(id="T3"), "entity T3: duplicate id"),
    "duplicate relation id": (lambda d: d["relations"][1].update(id="R1"), "relation R1: duplicate id"),
    "dangling reference": (
        lambda d: d["relations"][0].update(tail="T99"),
        "relation R1: tail 'T99' refers to no entity",
    ),
    "bad qualifier": (
        lambda d: ent(d, "T6").update(qualifier="roughly"),
        "entity T6: qualifier 'roughly' is not one of",
    ),
    "bad category": (lambda d: ent(d, "T6").update(category="dead"), "entity T6: category 'dead' is not one of"),
    "bad value": (
        lambda d: ent(d, "T6").update(value="twelve"),
        "entity T6: value 'twelve' is not a non-negative number",
    ),
    "missing figure attribute": (lambda d: ent(d, "T6").pop("category"), "entity T6: FIGURE is missing 'category'"),
    "figure attribute on non-figure": (
        lambda d: ent(d, "T4").update(value=3),
        "entity T4: 'value' is only allowed on FIGURE",
    ),
    "hash mismatch": (
        lambda d: d.update(text_sha256="0" * 64),
        "document: text_sha256 does not match the article body",
    ),
    "date mismatch": (
        lambda d: d.update(date="2020-01-01"),
        "document: date '2020-01-01' differs from the article header",
    ),
    "unknown key": (lambda d: ent(d, "T4").update(lable="GPE"), "entity T4: unknown key 'lable'"),
    "whitespace at span edge": (
        lambda d: ent(d, "T4").update(start=ent(d, "T4")["start"] - 1, text=" Beirut"),
        "entity T4: span ' Beirut' starts or ends with whitespace",
    ),
    "self relation": (lambda d: d["relations"][0].update(tail="T2"), "relation R1: head and tail are the same entity"),
    "overlapping gold spans": (
        lambda d: d["entities"].append(
            {
                "id": "T9",
                "label": "PERSON",
                "start": ent(d, "T2")["start"],
                "end": ent(d, "T2")["start"] + 6,
                "text": "Hassan",
            }
        ),
        "entity T2: span [17, 33) overlaps entity T9",
    ),
    "figure value disagrees with its text": (
        lambda d: ent(d, "T6").update(value=9999),
        "entity T6: value/qualifier 9999/at_least disagree with the span text 'at least 12', which reads 12/at_least",
    ),
    "figure qualifier disagrees with its text": (
        lambda d: ent(d, "T6").update(qualifier="exact"),
        "disagree with the span text",
    ),
    "duplicate relation": (
        lambda d: d["relations"].append({"id": "R9", "head": "T2", "tail": "T1", "type": "LEADER_OF"}),
        "relation R9: duplicate of another LEADER_OF",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_problem_is_caught_with_file_and_item(toy, name):
    mutate, expected = CASES[name]
    problems = problems_after(toy, mutate)
    assert any(p.startswith(f"{toy['path']}: ") and expected in p for p in problems), problems


def test_all_problems_reported_in_one_run(toy, capsys):
    def many(d):
        ent(d, "T4").update(label="CITY")
        d["relations"][0].update(tail="T99")
        ent(d, "T6").update(qualifier="roughly")

    data = load_json(toy["path"])
    many(data)
    dump_json(toy["path"], data)
    code = main(["validate", "--articles", str(toy["articles"]), "--gold", str(toy["gold"])])
    out = capsys.readouterr().out
    assert code == 1
    assert "unknown label 'CITY'" in out and "T99" in out and "roughly" in out


def test_gold_without_article_and_article_without_gold(toy):
    write_article(toy["articles"], "orphan_article", "Some text about Gaza.")
    dump_json(toy["gold"] / "no_such_article.json", load_json(toy["path"]))
    problems = validate_files([], load_articles(toy["articles"]), toy["gold"]).problems
    assert any("no gold file for article orphan_article" in p for p in problems)
    assert any(
        p.startswith(str(toy["gold"] / "no_such_article.json")) and "no article no_such_article.txt" in p
        for p in problems
    )


def test_invalid_json_names_line(toy):
    toy["path"].write_text('{\n  "doc_id": "toy",\n  oops\n}', encoding="utf-8")
    problems = validate_files([], load_articles(toy["articles"]), toy["gold"]).problems
    assert problems == [f"{toy['path']}: line 3: invalid JSON: Expecting property name enclosed in double quotes"]


def test_prediction_file_lines_named_and_missing_doc_is_a_warning(toy, tmp_path):
    preds = tmp_path / "p.jsonl"
    preds.write_text(
        '{"doc_id": "toy", "entities": [{"id": 1, "label": "ORG", "start": 0, "end": 9}], "relations": []}\n'
        '{"doc_id": "nope", "entities": [], "relations": []}\n',
        encoding="utf-8",
    )
    report = validate_files([preds], load_articles(toy["articles"]), None)
    assert report.problems == [f"{preds}:2: document: unknown doc_id 'nope' (no such article)"]


def test_article_header_problems_are_reported_with_path(tmp_path):
    bad = tmp_path / "a"
    bad.mkdir()
    (bad / "nohead.txt").write_text("Just text", encoding="utf-8")
    (bad / "baddate.txt").write_text(" date 2023-02-30 Body", encoding="utf-8")
    (bad / "empty.txt").write_text(" date 2023-02-03    \n", encoding="utf-8")
    (bad / "binary.txt").write_bytes(b" date 2023-02-03 caf\xe9")
    with pytest.raises(CorpusError) as err:
        load_articles(bad)
    msgs = "\n".join(err.value.problems)
    assert f"{bad / 'nohead.txt'}: missing or malformed header" in msgs
    assert f"{bad / 'baddate.txt'}: header date '2023-02-30' is not a valid calendar date" in msgs
    assert f"{bad / 'empty.txt'}: empty body" in msgs
    assert f"{bad / 'binary.txt'}: invalid UTF-8 at byte 20" in msgs


def test_seed_body_is_kept_exactly():
    raw = (REPO / "seeds" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    doc = read_article(REPO / "seeds" / f"{SEED_ID}.txt")
    assert doc.date == "2023-10-25"
    assert raw == " date 2023-10-25 " + doc.text
    assert doc.text.startswith("Senior officials")
