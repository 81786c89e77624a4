"""Bad input never crashes, never misleads, never destroys: one test per defect of issue 11.

Exit codes: 0 success, 1 a finding, 2 bad input or usage, 3 a system crashed.
"""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from conftest import REPO, SEED_ID, write_article

from bench.cli.main import main
from bench.core.annotation import WriteError, atomic_write


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def dirs(toy) -> list[str]:
    return ["--articles", str(toy["articles"]), "--gold", str(toy["gold"])]


def one_line_error(err: str) -> bool:
    return len(err.strip().splitlines()) == 1 and "Traceback" not in err


# --- writes -------------------------------------------------------------------------------


def test_write_through_a_symlink_keeps_the_link_and_the_mode(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text() == "new" and stat.S_IMODE(real.stat().st_mode) == 0o640


def test_fifo_and_device_are_refused_and_left_alone(tmp_path, toy, capsys):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    with pytest.raises(WriteError, match="not a regular file"):
        atomic_write(fifo, "x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    code, _, err = run(capsys, "score", "--system", "gold", "--save", "/dev/null", *dirs(toy))
    assert code == 2 and one_line_error(err) and "/dev/null: is not a regular file" in err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("where", ["directory", "under a file", "unwritable"])
def test_unwritable_output_is_one_line(where, toy, tmp_path, capsys):
    (tmp_path / "afile").write_text("x")
    target = {
        "directory": tmp_path,
        "under a file": tmp_path / "afile" / "out.json",
        # /proc refuses new files even to root, unlike a chmod-ed directory.
        "unwritable": Path("/proc/self/bench-out.json"),
    }[where]
    code, _, err = run(capsys, "score", "--system", "gold", "--save", target, *dirs(toy))
    assert code == 2 and one_line_error(err) and str(target) in err


def test_a_stale_temporary_from_a_killed_write_is_removed(tmp_path):
    out = tmp_path / "scores.json"
    stale, fresh = tmp_path / ".scores.json.abc.bench-tmp", tmp_path / ".scores.json.def.bench-tmp"
    stale.write_text("")
    fresh.write_text("")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    atomic_write(out, "{}")
    assert not stale.exists() and fresh.exists() and out.read_text() == "{}"


# --- gate ---------------------------------------------------------------------------------


@pytest.fixture
def baseline(toy, tmp_path, capsys) -> Path:
    path = tmp_path / "base" / "gold.json"
    assert run(capsys, "gate", "--baseline", path, "--update", "--system", "gold", *dirs(toy))[0] == 0
    return path


@pytest.mark.parametrize("tolerance", ["nan", "-0.1", "inf", "2", "x"])
def test_tolerance_must_be_a_finite_number_in_the_unit_interval(tolerance, baseline, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["gate", "--baseline", str(baseline), "--tolerance", tolerance])
    assert exited.value.code == 2 and "--tolerance" in capsys.readouterr().err


BROKEN_BASELINES = {
    "not JSON": ("{", "line 1: invalid JSON"),
    "empty": ("", "line 1: invalid JSON"),
    "a list": ("[]", "expected a JSON object, got list"),
    "non-numeric F1": (None, "f1 must be a number or null"),
    "unknown match": (None, "match 'fuzzy' is not one of"),
    "no system": (None, "no 'system' to re-score"),
    "duplicate key": (None, "duplicate key 'system'"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_BASELINES))
def test_broken_baseline_is_one_line_exit_2(case, baseline, capsys):
    text, expected = BROKEN_BASELINES[case]
    if text is None:
        data = json.loads(baseline.read_text())
        if case == "non-numeric F1":
            data["sections"]["entities"]["labels"]["ORG"]["f1"] = "high"
        elif case == "unknown match":
            data["match"] = "fuzzy"
        elif case == "no system":
            del data["system"]
        text = json.dumps(data)
        if case == "duplicate key":
            text = text.replace('"system": "gold"', '"system": "gold", "system": "empty"')
    baseline.write_text(text)
    code, _, err = run(capsys, "gate", "--baseline", baseline)
    assert code == 2 and one_line_error(err) and str(baseline) in err and expected in err, err


def test_labels_no_longer_scored_are_reported_as_unguarded(baseline, capsys):
    data = json.loads(baseline.read_text())
    data["sections"]["entities"]["labels"]["WEAPON"] = dict(data["sections"]["entities"]["labels"]["ORG"])
    data["sections"]["sentiment"] = {"status": "scored", "labels": {}, "micro": {"f1": 1.0}}
    baseline.write_text(json.dumps(data))
    code, out, _ = run(capsys, "gate", "--baseline", baseline)
    assert code == 1 and "NO LONGER GUARDED" in out and "entities/WEAPON" in out and "sentiment/(whole section)" in out


def test_a_baseline_cannot_choose_code_to_run(baseline, capsys):
    data = json.loads(baseline.read_text())
    data["system"] = "os:getcwd"
    baseline.write_text(json.dumps(data))
    code, _, err = run(capsys, "gate", "--baseline", baseline)
    assert code == 2 and "not registered" in err and "--allow-import" in err


def test_gate_gives_the_same_answer_from_another_directory(baseline, monkeypatch, tmp_path, capsys):
    monkeypatch.chdir(tmp_path / "base")
    code, out, _ = run(capsys, "gate", "--baseline", "gold.json")
    assert code == 0 and "OK" in out
    assert json.loads(baseline.read_text())["gold_dir"] == "../gold"


# --- readers ------------------------------------------------------------------------------


def _gold(toy) -> dict:
    return json.loads(toy["path"].read_text())


READER_CASES = {
    "list as start": (lambda d: d["entities"][0].update(start=[20]), "'start' and 'end' must be integers"),
    "list as label": (lambda d: d["entities"][0].update(label=["ORG"]), "unknown label ['ORG']"),
    "list as relation type": (lambda d: d["relations"][0].update(type=["LEADER_OF"]), "unknown relation type"),
    "list as doc_id": (lambda d: d.update(doc_id=["toy"]), "'doc_id' must be a string"),
}


@pytest.mark.parametrize("case", sorted(READER_CASES))
def test_wrong_types_in_gold_are_problems_not_tracebacks(case, toy, capsys):
    mutate, expected = READER_CASES[case]
    data = _gold(toy)
    mutate(data)
    toy["path"].write_text(json.dumps(data))
    code, out, err = run(capsys, "validate", *dirs(toy))
    assert code == 1 and "Traceback" not in out + err
    assert any(line.startswith(f"{toy['path']}: ") and expected in line for line in out.splitlines()), out


@pytest.mark.parametrize("case", ["huge integer", "deep nesting", "duplicate key"])
def test_unreadable_json_is_one_problem(case, toy, capsys):
    text = {
        "huge integer": '{"doc_id": "toy", "x": ' + "9" * 5000 + "}",
        "deep nesting": "[" * 100_000 + "]" * 100_000,
        "duplicate key": '{"doc_id": "toy", "doc_id": "toy"}',
    }[case]
    good = toy["path"].read_text()
    toy["path"].write_text(text)
    code, out, err = run(capsys, "validate", *dirs(toy))
    assert code == 1 and "Traceback" not in out + err and str(toy["path"]) in out
    toy["path"].write_text(good)
    preds = toy["tmp"] / "p.jsonl"
    preds.write_text(text.replace("\n", " ") + "\n")
    code, _, err = run(capsys, "score", "--predictions", preds, *dirs(toy))
    assert code == 2 and f"{preds}:1: " in err and "Traceback" not in err


def test_directories_named_like_files_are_problems(toy, capsys):
    (toy["gold"] / "x.json").mkdir()
    code, out, _ = run(capsys, "validate", *dirs(toy))
    assert code == 1 and f"{toy['gold'] / 'x.json'}: document: is a directory" in out
    (toy["gold"] / "x.json").rmdir()
    (toy["articles"] / "y.txt").mkdir()
    code, _, err = run(capsys, "score", "--system", "gold", *dirs(toy))
    assert code == 2 and "y.txt: is a directory, not an article" in err
    (toy["articles"] / "y.txt").rmdir()
    preds = toy["tmp"] / "p.jsonl"
    preds.mkdir()
    code, _, err = run(capsys, "score", "--predictions", preds, *dirs(toy))
    assert code == 2 and "is a directory" in err


def test_jsonl_lines_split_on_newline_only(tmp_path, capsys):
    text = "Rebels\u2028seized Goma\u0085City and\u2029the army said 12 soldiers were killed."
    arts, gold = tmp_path / "a", tmp_path / "g"
    doc = write_article(arts, "sep", text)
    from conftest import entity, write_gold, write_index

    write_gold(gold, doc, [entity("T1", "Goma\u0085City", text, "GPE")])
    write_index(gold, [("sep", "dev", "t")])
    out = tmp_path / "p.jsonl"
    assert run(capsys, "predict", "--system", "gold", "--out", out, "--articles", arts, "--gold", gold)[0] == 0
    assert "\u0085" in out.read_text()  # bench writes the separator raw, so it must read it raw
    code, printed, _ = run(
        capsys, "score", "--predictions", out, "--format", "json", "--articles", arts, "--gold", gold
    )
    assert code == 0 and json.loads(printed)["sections"]["entities"]["micro"]["f1"] == 1.0


def test_empty_predictions_file_is_refused_unless_allowed(toy, capsys):
    preds = toy["tmp"] / "p.jsonl"
    preds.write_text("")
    code, _, err = run(capsys, "score", "--predictions", preds, *dirs(toy))
    assert code == 2 and "no prediction lines" in err and "--allow-empty" in err
    code, out, err = run(capsys, "score", "--predictions", preds, "--allow-empty", "--format", "json", *dirs(toy))
    assert code == 0 and json.loads(out)["sections"]["entities"]["micro"]["recall"] == 0.0
    assert "no prediction for article toy" in err


def test_missing_documents_warn_and_strict_refuses(toy, capsys, tmp_path):
    other = write_article(toy["articles"], "other", "Nothing happened in Gaza.")
    from conftest import write_gold, write_index

    write_gold(toy["gold"], other, [])
    write_index(toy["gold"], [("toy", "dev", "t"), ("other", "dev", "t")])
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps({"doc_id": "toy", "entities": [], "relations": []}) + "\n")
    code, _, err = run(capsys, "score", "--predictions", preds, *dirs(toy))
    assert code == 0 and "warning: no prediction for article other" in err
    code, _, err = run(capsys, "score", "--predictions", preds, "--strict", *dirs(toy))
    assert code == 2 and "no prediction for article other (--strict)" in err


def test_gold_without_an_article_is_a_warning(toy, capsys):
    (toy["gold"] / "ghost.json").write_text(toy["path"].read_text())
    code, _, err = run(capsys, "score", "--system", "gold", *dirs(toy))
    assert code == 0 and "ghost.json: warning: no article ghost.txt" in err


def test_predictions_always_means_a_file(toy, capsys, monkeypatch):
    monkeypatch.chdir(toy["tmp"])
    Path("empty").write_text(json.dumps(json.loads(toy["path"].read_text())) + "\n")
    code, out, _ = run(capsys, "score", "--predictions", "empty", "--format", "json", *dirs(toy))
    result = json.loads(out)
    assert code == 0 and result["source"] == "predictions" and result["sections"]["entities"]["micro"]["f1"] == 1.0
    code, out, _ = run(capsys, "score", "--system", "empty", "--format", "json", *dirs(toy))
    assert json.loads(out)["source"] == "system"


# --- systems and arguments ----------------------------------------------------------------


class Crashes:
    description = "raises on its second document"
    sections = frozenset({"entities"})

    def __init__(self, **_):
        pass

    def predict(self, docs):
        from bench.core.annotation import Annotation

        for i, doc in enumerate(docs):
            if i == 1:
                raise RuntimeError("boom")
            yield Annotation(doc.doc_id)


def not_a_system(**_):
    return "a string"


def test_a_crashing_system_is_one_line_exit_3(tmp_path, capsys):
    arts, gold = tmp_path / "a", tmp_path / "g"
    from conftest import write_gold, write_index

    for name in ("d1", "d2"):
        write_gold(gold, write_article(arts, name, "Nothing happened."), [])
    write_index(gold, [("d1", "dev", "t"), ("d2", "dev", "t")])
    where = ["--articles", arts, "--gold", gold]
    code, _, err = run(capsys, "score", "--system", "test_hardening:Crashes", *where)
    assert code == 3 and one_line_error(err) and "crashed on d2: RuntimeError: boom" in err
    code, _, err = run(capsys, "score", "--system", "test_hardening:not_a_system", *where)
    assert code == 2 and one_line_error(err) and "no predict(docs) method" in err
    code, _, err = run(capsys, "score", "--system", "no_such_module:X", *where)
    assert code == 2 and one_line_error(err)


def test_long_articles_are_processed_in_pieces_with_right_offsets():
    from bench.formats.corpus import Document
    from systems import statistical
    from systems.rules import RulesSystem

    paragraph = "Hamas said 12 people were killed in Gaza City on Monday, the health ministry said."
    text = "\n\n".join([paragraph] * 40)
    doc = Document("long", "2024-01-01", text)
    whole = next(iter(statistical.SpacySystem().predict([doc])))
    old = statistical.PIECE_CHARS
    statistical.PIECE_CHARS = 500  # pieces of a few paragraphs each
    try:
        pieced = list(statistical.SpacySystem().predict([doc, Document("b", "2024-01-01", paragraph)]))
    finally:
        statistical.PIECE_CHARS = old
    assert all(text[e.start : e.end] == e.text for e in pieced[0].entities)
    assert [(e.start, e.end, e.label) for e in pieced[0].entities] == [
        (e.start, e.end, e.label) for e in whole.entities
    ]
    assert pieced[1].doc_id == "b" and pieced[1].entities
    big = Document("big", "2024-01-01", (paragraph + "\n\n") * 13_000)  # over spaCy's 1,000,000 characters
    assert len(big.text) > 1_000_000
    ann = next(iter(RulesSystem().predict([big])))
    assert ann.entities and all(big.text[e.start : e.end] == e.text for e in ann.entities[:50])


@pytest.mark.parametrize(
    "argv",
    [
        ["score", "--system", "gold", "--bootstrap", "-1"],
        ["score", "--system", "gold", "--bootstrap", "100000000"],
        ["score", "--system", "gold", "--seed", "-1"],
        ["compare", "gold", "empty", "--trials", "0"],
    ],
)
def test_resampling_arguments_are_bounded(argv, toy, capsys):
    with pytest.raises(SystemExit) as exited:
        main(argv + dirs(toy))
    assert exited.value.code == 2 and "must be from" in capsys.readouterr().err


def test_unknown_error_label_lists_the_valid_ones(toy, capsys):
    code, _, err = run(capsys, "errors", "--system", "empty", "--label", "BOGUS", *dirs(toy))
    assert code == 2 and "unknown --label 'BOGUS'" in err and "PERSON" in err and "killed" in err and "LEADER_OF" in err


def test_help_documents_the_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "3  a system crashed" in out and "1  a finding" in out


def test_tests_do_not_depend_on_the_working_directory(monkeypatch, tmp_path, capsys):
    # The autouse fixture puts every test in the repository root; this one checks a real run
    # started elsewhere, with explicit paths, works the same.
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(
        capsys,
        "score",
        "--system",
        "gold",
        "--format",
        "json",
        "--articles",
        REPO / "seeds",
        "--gold",
        REPO / "gold",
        "--split",
        "dev",
    )
    assert code == 0 and json.loads(out)["sections"]["entities"]["micro"]["f1"] == 1.0
    assert SEED_ID
