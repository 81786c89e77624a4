"""Annotation drafts: offsets computed by program, figure attributes read from the span."""

from __future__ import annotations

from conftest import REPO, SEED_ID

from bench.annotate.draft import annotation_to_draft, draft_to_annotation
from bench.cli.main import main
from bench.core.annotation import dumps_gold
from bench.formats.corpus import Document, read_article
from bench.formats.validate import load_gold

DOC = Document("d", "2024-05-06", "Gaza police said at least 12 were killed in Gaza City and 3 in Gaza.")


def test_mentions_are_placed_in_reading_order_and_skip_passes_occurrences():
    draft = """
    # Gaza three times: the tool walks forward, skip passes one occurrence
    T1 GPE Gaza
    T2 FIGURE:killed at least 12
    T3 GPE Gaza City
    T4 FIGURE:killed 3
    T5 GPE Gaza | ref=Gaza Strip
    R T2 LOCATED_IN T3
    """
    result = draft_to_annotation(draft, DOC)
    assert result.problems == []
    spans = [(e.text, e.start) for e in result.annotation.entities]
    assert spans == [("Gaza", 0), ("at least 12", 17), ("Gaza City", 44), ("3", 58), ("Gaza", 63)]
    fig = result.annotation.entities[1]
    assert (fig.value, fig.qualifier, fig.category) == (12, "at_least", "killed")
    assert result.annotation.entities[4].ref == "Gaza Strip"
    skipped = draft_to_annotation("T1 GPE Gaza | skip=2", DOC).annotation
    assert skipped.entities[0].start == 63


def test_whole_words_only():
    # "Gaza" inside "Gazans" is not a mention of Gaza.
    doc = Document("d", "2024-05-06", "Gazans fled Gaza.")
    assert draft_to_annotation("T1 GPE Gaza", doc).annotation.entities[0].start == 12


def test_problems_name_the_draft_line():
    draft = "T1 GPE Gaza\nT2 CITY Gaza\nT3 FIGURE:killed police\nT4 FIGURE at least 12\nT5 GPE Rafah\nR T1 BOSS_OF T5"
    problems = draft_to_annotation(draft, DOC).problems
    assert any(p.startswith("line 2: T2: unknown label 'CITY'") for p in problems)
    assert any(p.startswith("line 3: T3: figure 'police' is not a number") for p in problems)
    assert any(p.startswith("line 4: T4: a category goes with FIGURE") for p in problems)
    assert any(p.startswith("line 5: T5: 'Rafah' not found") for p in problems)
    assert any(p.startswith("line 6: unknown relation type 'BOSS_OF'") for p in problems)


def test_seed_gold_round_trips_through_a_draft():
    article = read_article(REPO / "seeds" / f"{SEED_ID}.txt")
    gold = load_gold(REPO / "gold", [article])[SEED_ID]
    again = draft_to_annotation(annotation_to_draft(gold, article), article)
    assert again.problems == [] and dumps_gold(again.annotation) == dumps_gold(gold)


def test_command_writes_valid_gold_and_refuses_to_overwrite(toy, tmp_path, capsys):
    draft = tmp_path / "toy.ann"
    draft.write_text("T1 ORG Hezbollah\nT2 PERSON Hassan Nasrallah\nR T2 LEADER_OF T1\n", encoding="utf-8")
    argv = ["draft", str(draft), "--articles", str(toy["articles"]), "--gold", str(toy["gold"])]
    before = toy["path"].read_bytes()
    assert main(argv) == 2 and toy["path"].read_bytes() == before
    assert main(argv + ["--force"]) == 0
    assert (
        '"LEADER_OF"' in toy["path"].read_text()
        and main(["validate", "--articles", str(toy["articles"]), "--gold", str(toy["gold"])]) == 0
    )
    draft.write_text("T1 ORG Hezbollah\nT2 ORG Hezbollah\n", encoding="utf-8")  # only one occurrence
    written = toy["path"].read_bytes()
    assert main(argv + ["--force"]) == 1 and toy["path"].read_bytes() == written
    assert "not found" in capsys.readouterr().out
