"""The corpus index (splits, theatres, provenance), split selection, per-slice scores and `bench stats`."""

from __future__ import annotations

import json

import pytest
from conftest import TOY_TEXT, entity, write_article, write_gold, write_index

from bench.cli.main import main
from bench.formats.corpus import load_articles
from bench.formats.metadata import check_index, read_index, select


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def two_theatres(tmp_path):
    """Three articles: two in one theatre (dev and test), one in another (test)."""
    arts, gold = tmp_path / "a", tmp_path / "g"
    texts = {
        "a1": "The army said 12 people were killed in Goma on Monday.",
        "a2": "Rebels of M23 seized Bukavu, and the UN said 300 were displaced.",
        "b1": "Houthi forces fired two missiles at a ship in the Red Sea, the US said.",
    }
    for doc_id, text in texts.items():
        doc = write_article(arts, doc_id, text)
        ents = (
            [
                entity("T1", "12", text, "FIGURE", value=12, qualifier="exact", category="killed"),
                entity("T2", "Goma", text, "GPE"),
            ]
            if doc_id == "a1"
            else []
        )
        write_gold(gold, doc, ents)
    write_index(gold, [("a1", "dev", "congo"), ("a2", "test", "congo"), ("b1", "test", "yemen")])
    return arts, gold


def test_index_problems_each_name_the_line(tmp_path):
    path = tmp_path / "index.jsonl"
    good = {
        "doc_id": "x",
        "split": "dev",
        "theatre": "t",
        "style": "wire",
        "origin": "written",
        "sources": [{"outlet": "O", "url": "https://o.example/1", "published": "2024-02-03"}],
    }
    bad = [
        {**good, "doc_id": "y", "split": "train"},
        {**good, "doc_id": "z", "style": "poem"},
        {**good, "doc_id": "w", "sources": [{"outlet": "O", "url": "o.example", "published": "2024-02-03"}]},
        {**good, "doc_id": "v", "sources": []},
        {k: v for k, v in good.items() if k != "theatre"} | {"doc_id": "u"},
        good,
    ]
    path.write_text("\n".join(json.dumps(b) for b in [good] + bad) + "\n{not json\n", encoding="utf-8")
    _, problems = read_index(path)
    expected = [
        ":2: split 'train' is not one of dev, test",
        ":3: style 'poem'",
        ":4: source 1: url 'o.example'",
        ":5: 'sources' must be a non-empty list",
        ":6: missing 'theatre'",
        ":7: doc_id 'x' is listed twice",
        ":8: invalid JSON",
    ]
    for fragment in expected:
        assert any(fragment in p and p.startswith(str(path)) for p in problems), (fragment, problems)


def test_index_must_list_every_article_and_only_articles(two_theatres, tmp_path):
    arts, gold = two_theatres
    write_index(gold, [("a1", "dev", "congo"), ("b1", "test", "yemen"), ("ghost", "dev", "congo")])
    problems = check_index(gold / "index.jsonl", load_articles(arts))
    assert any("article a2 is not listed" in p for p in problems)
    assert any("ghost is listed but there is no article ghost.txt" in p for p in problems)


def test_validate_reports_index_problems(two_theatres, capsys):
    arts, gold = two_theatres
    assert run(capsys, "validate", "--articles", str(arts), "--gold", str(gold))[0] == 0
    (gold / "index.jsonl").unlink()
    code, out, _ = run(capsys, "validate", "--articles", str(arts), "--gold", str(gold))
    assert code == 1 and "no corpus index" in out


def test_split_selects_documents_and_the_output_says_which(two_theatres, capsys):
    arts, gold = two_theatres
    dirs = ["--articles", str(arts), "--gold", str(gold)]
    code, out, _ = run(capsys, "score", "--system", "gold", "--split", "test", "--format", "json", *dirs)
    result = json.loads(out)
    assert code == 0 and result["split"] == "test" and result["documents"] == 2
    code, out, _ = run(capsys, "score", "--system", "gold", *dirs)
    assert "split: all   documents: 3" in out
    assert select(load_articles(arts), read_index(gold / "index.jsonl")[0], "dev")[0].doc_id == "a1"


def test_by_theatre_gives_a_micro_row_per_slice(two_theatres, capsys):
    arts, gold = two_theatres
    dirs = ["--articles", str(arts), "--gold", str(gold)]
    code, out, _ = run(capsys, "score", "--system", "empty", "--by", "theatre", "--format", "json", *dirs)
    assert code == 0
    slices = json.loads(out)["slices"]
    assert slices["by"] == "theatre" and set(slices["rows"]) == {"congo", "yemen"}
    congo = slices["rows"]["congo"]
    assert congo["documents"] == 2 and congo["entities"]["support"] == 2 and congo["entities"]["recall"] == 0.0
    assert slices["rows"]["yemen"]["entities"]["f1"] is None  # no gold, no predictions: undefined, not 0
    _code, out, _ = run(capsys, "score", "--system", "empty", "--by", "theatre", *dirs)
    assert "Micro-F1 by theatre" in out and "congo" in out


def test_empty_split_is_a_usage_error(two_theatres, capsys):
    arts, gold = two_theatres
    write_index(gold, [("a1", "dev", "congo"), ("a2", "dev", "congo"), ("b1", "dev", "yemen")])
    code, _, err = run(
        capsys, "score", "--system", "gold", "--split", "test", "--articles", str(arts), "--gold", str(gold)
    )
    assert code == 2 and "test split" in err and "no documents" in err


def test_stats_counts_labels_categories_and_slices(two_theatres, capsys):
    arts, gold = two_theatres
    code, out, _ = run(capsys, "stats", "--format", "json", "--articles", str(arts), "--gold", str(gold))
    stats = json.loads(out)
    assert code == 0 and stats["documents"] == 3
    assert stats["entities"]["labels"]["FIGURE"] == 1 and stats["entities"]["labels"]["GPE"] == 1
    assert stats["entities"]["labels"]["EVENT"] == 0
    assert stats["figures"]["categories"]["killed"] == 1
    assert stats["theatre"] == {"congo": 2, "yemen": 1} and stats["split"] == {"dev": 1, "test": 2}
    code, out, _ = run(
        capsys, "stats", "--split", "dev", "--format", "json", "--articles", str(arts), "--gold", str(gold)
    )
    assert json.loads(out)["documents"] == 1


def test_gate_baseline_remembers_its_split(two_theatres, capsys, tmp_path):
    arts, gold = two_theatres
    baseline = tmp_path / "b.json"
    dirs = ["--articles", str(arts), "--gold", str(gold)]
    assert (
        run(capsys, "gate", "--baseline", str(baseline), "--update", "--system", "gold", "--split", "test", *dirs)[0]
        == 0
    )
    saved = json.loads(baseline.read_text())
    assert saved["split"] == "test" and saved["documents"] == 2
    code, out, _ = run(capsys, "gate", "--baseline", str(baseline), *dirs)
    assert code == 0 and "OK" in out


def test_toy_text_is_still_the_toy(toy):
    # The shared fixture's article carries an index line too, so `bench validate` passes on it.
    assert toy["doc"].text == TOY_TEXT and (toy["gold"] / "index.jsonl").exists()
