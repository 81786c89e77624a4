"""Scores computed from known gold/prediction pairs, by hand."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bench.core.annotation import Annotation, Entity, Relation
from bench.core.comparison import Comparison
from bench.core.scoring import Counts, entity_tally, figure_tally, relation_tallies, row, score_documents, summarise
from bench.core.stats import MIN_DOCS_FOR_INTERVAL, bootstrap_interval, paired_randomisation
from bench.formats.corpus import load_articles
from bench.formats.validate import load_gold


@pytest.fixture
def gold(toy):
    return load_gold(toy["gold"], load_articles(toy["articles"]))["toy"]


def with_entities(gold: Annotation, entities, relations=()) -> Annotation:
    return Annotation("toy", tuple(entities), tuple(relations))


def by_id(ann: Annotation, eid: str) -> Entity:
    return next(e for e in ann.entities if e.id == eid)


def test_row_zero_division_is_explicit():
    nothing = row(Counts())
    assert (nothing["precision"], nothing["recall"], nothing["f1"]) == (None, None, None)
    no_preds = row(Counts(missed=3))
    assert no_preds["precision"] is None and no_preds["recall"] == 0.0 and no_preds["f1"] == 0.0
    no_gold = row(Counts(spurious=2))
    assert no_gold["recall"] is None and no_gold["precision"] == 0.0 and no_gold["f1"] == 0.0


def test_partial_credit_counts_half():
    r = row(Counts(correct=1, partial=2, missed=1, spurious=1))
    assert r["tp"] == 2.0 and r["precision"] == pytest.approx(2 / 4) and r["recall"] == pytest.approx(2 / 4)


def test_oracle_scores_one_and_empty_scores_recall_zero(gold):
    perfect = summarise(score_documents({"toy": gold}, {"toy": gold}, "strict", ["entities", "figures", "relations"]))
    for name in ("entities", "figures", "relations_mention", "relations_fact"):
        assert perfect[name]["micro"]["f1"] == 1.0
    empty = summarise(
        score_documents({"toy": gold}, {"toy": Annotation("toy")}, "strict", ["entities", "figures", "relations"])
    )
    for name in ("entities", "figures", "relations_mention", "relations_fact"):
        assert empty[name]["micro"]["recall"] == 0.0
        assert empty[name]["micro"]["precision"] is None


def test_unpredicted_section_is_absent_not_zero(gold):
    res = summarise(score_documents({"toy": gold}, {"toy": gold}, "strict", ["entities"]))
    assert res["relations_mention"] == {"status": "absent"}
    assert res["figures"] == {"status": "absent"}
    assert res["entities"]["status"] == "scored"


def test_label_confusion_and_boundary_under_each_scheme(gold):
    beirut, hamas = by_id(gold, "T4"), by_id(gold, "T3")
    pred = with_entities(gold, [replace(beirut, label="LOC"), replace(hamas, end=hamas.end - 1, text="Hama")])
    strict = entity_tally(Comparison(gold, pred, "strict"))["micro"]
    assert strict == Counts(incorrect=2, missed=5)
    assert entity_tally(Comparison(gold, pred, "exact"))["micro"] == Counts(correct=1, incorrect=1, missed=5)
    assert entity_tally(Comparison(gold, pred, "partial"))["micro"] == Counts(correct=1, partial=1, missed=5)
    assert entity_tally(Comparison(gold, pred, "type"))["micro"] == Counts(correct=1, incorrect=1, missed=5)
    # Per label, the scheme is applied within the label: the LOC prediction is spurious for LOC.
    per_label = entity_tally(Comparison(gold, pred, "strict"))
    assert per_label["LOC"] == Counts(spurious=1) and per_label["GPE"] == Counts(missed=2)


def test_figure_needs_value_and_reports_attribute_accuracy(gold):
    fig = by_id(gold, "T6")
    wrong_value = with_entities(gold, [replace(fig, value=13)])
    assert figure_tally(Comparison(gold, wrong_value, "strict"))["micro"] == Counts(incorrect=1)
    wrong_qualifier = with_entities(gold, [replace(fig, qualifier="exact", category="injured")])
    tally = figure_tally(Comparison(gold, wrong_qualifier, "strict"))
    assert tally["micro"] == Counts(correct=1)
    # Per category, the injured prediction does not count for killed.
    assert tally["killed"] == Counts(missed=1) and tally["injured"] == Counts(spurious=1)
    res = summarise(score_documents({"toy": gold}, {"toy": wrong_qualifier}, "strict", ["figures"]))
    assert res["figures"]["attributes"]["qualifier"] == {"correct": 0, "total": 1, "accuracy": 0.0}


def test_relations_mention_and_fact_level(gold):
    nas, hez = by_id(gold, "T2"), by_id(gold, "T1")
    # The prediction finds only a short form and the relation: mention level misses (strict span),
    # fact level matches through the gold ref when the span aligns, and through its own ref otherwise.
    short = replace(nas, id="P1", start=nas.start + 7, text="Nasrallah", ref="Hassan Nasrallah")
    pred = with_entities(gold, [short, replace(hez, id="P2")], [Relation("X", "P1", "P2", "LEADER_OF")])
    mention, fact = relation_tallies(Comparison(gold, pred, "strict"))
    assert mention["LEADER_OF"] == Counts(missed=1, spurious=1)
    assert fact["LEADER_OF"] == Counts(correct=1)
    # Under `partial`, the overlapping short name aligns with the gold mention, so the mention matches.
    mention_p, _ = relation_tallies(Comparison(gold, pred, "partial"))
    assert mention_p["LEADER_OF"] == Counts(correct=1)


def test_symmetric_relation_direction_ignored(toy):
    t = "Hamas fought Israel."
    from conftest import entity

    g = Annotation(
        "d",
        (entity("A", "Hamas", t, "ORG"), entity("B", "Israel", t, "GPE")),
        (Relation("R", "A", "B", "IN_CONFLICT_WITH"),),
    )
    p = Annotation("d", g.entities, (Relation("R", "B", "A", "IN_CONFLICT_WITH"),))
    mention, fact = relation_tallies(Comparison(g, p, "strict"))
    assert mention["IN_CONFLICT_WITH"] == Counts(correct=1) and fact["IN_CONFLICT_WITH"] == Counts(correct=1)
    asym = Annotation("d", g.entities, (Relation("R", "B", "A", "CONTROLS"),))
    g2 = Annotation("d", g.entities, (Relation("R", "A", "B", "CONTROLS"),))
    assert relation_tallies(Comparison(g2, asym, "strict"))[0]["CONTROLS"] == Counts(missed=1, spurious=1)


def test_bootstrap_refuses_few_documents_and_is_seeded():
    few = {f"d{i}": {"micro": Counts(correct=1)} for i in range(MIN_DOCS_FOR_INTERVAL - 1)}
    assert bootstrap_interval(few, 100, 0)["low"] is None
    many = {f"d{i}": {"micro": Counts(correct=i % 3, missed=1, spurious=i % 2)} for i in range(20)}
    a, b = bootstrap_interval(many, 500, 1), bootstrap_interval(many, 500, 1)
    assert a == b and a["low"] < a["high"]


def test_paired_randomisation_detects_clear_difference_and_not_noise():
    good = {f"d{i}": {"micro": Counts(correct=5, missed=1)} for i in range(30)}
    bad = {f"d{i}": {"micro": Counts(correct=1, missed=5, spurious=3)} for i in range(30)}
    assert paired_randomisation(good, bad, 2000, 0)["p_value"] < 0.01
    same = paired_randomisation(good, good, 2000, 0)
    assert same["difference"] == 0 and same["p_value"] == 1.0


def test_verbs_that_carry_a_qualifier_read_as_more_than():
    from bench.core.numbers import normalise_figure

    assert normalise_figure("surpassed 2,000") == (2000, "more_than")
    assert normalise_figure("topped 300") == (300, "more_than")
    assert normalise_figure("exceeded 1.2 million") == (1200000, "more_than")
    assert normalise_figure("upward of 1,000") == (1000, "more_than")  # the US spelling of "upwards of"
    assert normalise_figure("rose to 40") is None  # "rose to" is not a qualifier: the span is "40"


def test_all_schemes_at_once_equals_each_scheme_alone():
    """The one-pass counts (used like nervaluate's evaluate()) equal an alignment per scheme and label."""
    import random

    from bench.core.matching import SCHEMES, Span, align
    from bench.core.scoring import _counts_from, all_schemes

    rng = random.Random(7)
    labels = ["A", "B", "C"]
    for _ in range(1500):
        gold, pos = [], 0
        for _ in range(rng.randint(0, 8)):
            start = max(pos + rng.randint(-3, 6), 0)
            gold.append(Span(start, start + rng.randint(1, 6), rng.choice(labels)))
            pos = start + rng.randint(0, 4)
        pred = [
            Span(
                max(0, s.start + rng.randint(-2, 2)),
                s.end + rng.randint(-2, 2) * (rng.random() < 0.5),
                rng.choice(labels),
            )
            for s in gold
            if rng.random() < 0.8
        ]
        pred = [s for s in pred if s.end > s.start] + [
            Span(st, st + rng.randint(1, 5), rng.choice(labels)) for st in rng.sample(range(40), rng.randint(0, 3))
        ]
        got = all_schemes(gold, pred)
        for scheme in SCHEMES:
            assert got[scheme]["micro"] == _counts_from(align(gold, pred, scheme))
            for label in {s.label for s in gold + pred}:
                g, p = [s for s in gold if s.label == label], [s for s in pred if s.label == label]
                assert got[scheme][label] == _counts_from(align(g, p, scheme)), (scheme, label)
