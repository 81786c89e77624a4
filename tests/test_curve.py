"""Confidence: `bench score --threshold` and `bench curve` agree with each other and with scikit-learn."""

from __future__ import annotations

import json
import random
import xml.etree.ElementTree as ET

import pytest
from sklearn.metrics import average_precision_score, precision_recall_curve
from synthetic import noisy_predictions, write_jsonl

from bench.cli.main import main
from bench.core.annotation import Annotation, Entity, Relation
from bench.core.curve import apply_threshold, point_at, section_curve, threshold_annotation
from bench.evaluation.runs import open_corpus

SECTIONS = ("entities", "figures", "relations_mention", "relations_fact")


@pytest.fixture(scope="module")
def scored_file(tmp_path_factory):
    """Noisy predictions of the real gold, about 5% of items without a score."""
    from pathlib import Path

    corpus = open_corpus(Path("seeds"), Path("gold"))
    records = noisy_predictions(corpus.gold, {d.doc_id: d.text for d in corpus.docs}, seed=7)
    return write_jsonl(tmp_path_factory.mktemp("curve") / "scored.jsonl", records)


def _json(capsys, argv: list[str]) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("scheme", ["strict", "partial", "type"])
def test_the_curve_at_t_is_what_score_with_threshold_t_reports(scored_file, capsys, tmp_path, scheme):
    out = tmp_path / "curve.json"
    curve = _json(
        capsys, ["curve", "--predictions", str(scored_file), "--match", scheme, "-o", str(out), "--format", "json"]
    )
    assert json.loads(out.read_text(encoding="utf-8")) == curve
    some_score = curve["sections"]["entities"]["points"][len(curve["sections"]["entities"]["points"]) // 2]["threshold"]
    for t in (0.0, 0.2, some_score, 0.5, 0.77, 0.95, 1.0):
        scored = _json(
            capsys,
            ["score", "--predictions", str(scored_file), "--match", scheme, "--threshold", str(t), "--format", "json"],
        )
        assert scored["threshold"] == t
        for section in SECTIONS:
            micro = scored["sections"][section]["micro"]
            point = point_at(curve["sections"][section], t)
            if point is None:  # nothing is left above t: the curve has no point there
                assert micro["tp"] + micro["fp"] == 0, (section, t)
                continue
            for key, want in (
                ("tp", micro["tp"]),
                ("precision", micro["precision"]),
                ("recall", micro["recall"]),
                ("f1", micro["f1"]),
            ):
                got = point[key]
                assert (got is None and want is None) or got == pytest.approx(want, abs=1e-6), (scheme, section, t, key)
            assert point["predicted"] == micro["tp"] + micro["fp"]


def test_the_lowest_threshold_keeps_everything(scored_file, capsys):
    curve = _json(capsys, ["curve", "--predictions", str(scored_file), "--format", "json"])
    plain = _json(capsys, ["score", "--predictions", str(scored_file), "--format", "json"])
    for section in SECTIONS:
        last = curve["sections"][section]["points"][-1]
        assert last["f1"] == pytest.approx(plain["sections"][section]["micro"]["f1"], abs=1e-6)
        assert last["gold"] == plain["sections"][section]["micro"]["support"]


def _mentions(n: int, rng: random.Random) -> list[Entity]:
    return [Entity(f"T{i}", rng.choice(["ORG", "GPE", "PERSON"]), 10 * i, 10 * i + 5) for i in range(n)]


def test_average_precision_equals_sklearn_when_every_gold_item_is_found():
    rng = random.Random(3)
    gold_ents = _mentions(40, rng)
    preds, y_true, y_score = [], [], []
    for i, g in enumerate(gold_ents):
        score = round(rng.random(), 2)  # two decimals: ties between items, as sklearn groups them
        preds.append(Entity(f"P{i}", g.label, g.start, g.end, score=score))
        y_true.append(1)
        y_score.append(score)
    for i in range(25):  # wrong label on the same span: spurious under strict, never takes a gold span
        g = gold_ents[i]
        score = round(rng.random(), 2)
        preds.append(Entity(f"S{i}", "NORP", g.start, g.end, score=score))
        y_true.append(0)
        y_score.append(score)
    gold = {"d": Annotation("d", tuple(gold_ents))}
    curve = section_curve(gold, {"d": Annotation("d", tuple(preds))}, "strict", "entities")
    assert curve["average_precision"] == pytest.approx(average_precision_score(y_true, y_score), abs=1e-12)
    precision, recall, thresholds = precision_recall_curve(y_true, y_score)
    # sklearn lists points by rising threshold and ends with (P=1, R=0); ours fall from the highest threshold.
    ours = [(p["threshold"], p["precision"], p["recall"]) for p in reversed(curve["points"])]
    theirs = list(zip(thresholds, precision[:-1], recall[:-1], strict=True))
    assert len(ours) == len(theirs)
    for (t1, p1, r1), (t2, p2, r2) in zip(ours, theirs, strict=True):
        assert (t1, p1, r1) == pytest.approx((t2, p2, r2))


def test_recall_counts_gold_that_nothing_found():
    """Gold no prediction found scales every recall by found/all, so AP is sklearn's times that share."""
    rng = random.Random(5)
    gold_ents = _mentions(30, rng)
    found = gold_ents[:20]
    preds = [Entity(f"P{i}", g.label, g.start, g.end, score=rng.random()) for i, g in enumerate(found)]
    preds += [Entity(f"S{i}", "NORP", g.start, g.end, score=rng.random()) for i, g in enumerate(gold_ents[:12])]
    y_true = [1] * 20 + [0] * 12
    y_score = [p.score for p in preds]
    curve = section_curve(
        {"d": Annotation("d", tuple(gold_ents))}, {"d": Annotation("d", tuple(preds))}, "strict", "entities"
    )
    assert curve["gold"] == 30
    assert curve["points"][-1]["recall"] == pytest.approx(20 / 30)
    assert curve["average_precision"] == pytest.approx(average_precision_score(y_true, y_score) * 20 / 30)


def test_items_without_a_score_are_kept_and_come_first():
    gold_ents = (Entity("T1", "ORG", 0, 5), Entity("T2", "GPE", 10, 15), Entity("T3", "ORG", 20, 25))
    preds = (
        Entity("P1", "ORG", 0, 5),  # no score: above every threshold
        Entity("P2", "GPE", 10, 15, score=0.9),
        Entity("P3", "PERSON", 20, 25, score=0.4),
    )
    curve = section_curve({"d": Annotation("d", gold_ents)}, {"d": Annotation("d", preds)}, "strict", "entities")
    assert [p["threshold"] for p in curve["points"]] == [None, 0.9, 0.4]
    assert [p["precision"] for p in curve["points"]] == [1.0, 1.0, pytest.approx(2 / 3)]
    assert [p["recall"] for p in curve["points"]] == [pytest.approx(1 / 3), pytest.approx(2 / 3), pytest.approx(2 / 3)]
    assert curve["average_precision"] == pytest.approx(2 / 3)  # (1/3)*1 + (1/3)*1 + 0
    assert curve["unscored_items"] == 1
    assert curve["best"]["threshold"] == 0.9  # ties in F1 go to the higher threshold


def test_a_threshold_drops_relations_that_lost_an_argument():
    ann = Annotation(
        "d",
        (Entity("A", "PERSON", 0, 4, score=0.9), Entity("B", "ORG", 10, 14, score=0.2)),
        (Relation("R1", "A", "B", "LEADER_OF", score=0.95), Relation("R2", "A", "B", "MEMBER_OF")),
    )
    kept = threshold_annotation(ann, 0.5)
    assert [e.id for e in kept.entities] == ["A"] and kept.relations == ()
    _, report = apply_threshold({"d": ann}, 0.5)
    assert (report.scored, report.unscored, report.dropped, report.dropped_relations) == (3, 1, 1, 2)


def test_no_gold_means_undefined_recall_and_average_precision():
    preds = {"d": Annotation("d", (Entity("P1", "ORG", 0, 5, score=0.5),))}
    curve = section_curve({"d": Annotation("d")}, preds, "strict", "entities")
    assert curve["points"][0]["recall"] is None and curve["average_precision"] is None
    assert curve["points"][0]["precision"] == 0.0


def test_curve_without_scores_is_refused(capsys, tmp_path):
    plain = tmp_path / "plain.jsonl"
    write_jsonl(plain, [{"doc_id": "000_4f88ccd7cf78f350", "entities": [], "relations": []}])
    assert main(["curve", "--predictions", str(plain)]) == 2
    assert "a precision-recall curve needs confidences" in capsys.readouterr().err


def test_threshold_outside_0_1_is_a_usage_error(scored_file, capsys):
    with pytest.raises(SystemExit) as err:
        main(["score", "--predictions", str(scored_file), "--threshold", "1.5"])
    assert err.value.code == 2
    assert "must be a finite number from 0 to 1" in capsys.readouterr().err


def test_score_with_threshold_says_what_it_kept(scored_file, capsys):
    assert main(["score", "--predictions", str(scored_file), "--threshold", "0.5"]) == 0
    err = capsys.readouterr().err
    assert "--threshold 0.5: dropped" in err and "item(s) without a score" in err


def test_plot_svg_has_a_line_per_section_and_png_needs_cairosvg(scored_file, capsys, tmp_path):
    svg = tmp_path / "pr.svg"
    assert main(["curve", "--predictions", str(scored_file), "--plot", str(svg)]) == 0
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    ns = "{http://www.w3.org/2000/svg}"
    from bench.core.scoring import SECTION_NAMES

    assert len(root.findall(f".//{ns}path")) == len(SECTION_NAMES)
    assert len(root.findall(f".//{ns}circle")) == len(SECTION_NAMES)  # the best-F1 point of each section
    capsys.readouterr()
    try:
        import cairosvg  # noqa: F401
    except ImportError:
        png = tmp_path / "pr.png"
        assert main(["curve", "--predictions", str(scored_file), "--plot", str(png)]) == 2
        assert "PNG needs the cairosvg package" in capsys.readouterr().err and not png.exists()
    else:  # pragma: no cover - not installed here
        png = tmp_path / "pr.png"
        assert main(["curve", "--predictions", str(scored_file), "--plot", str(png)]) == 0
        assert png.read_bytes().startswith(b"\x89PNG")
