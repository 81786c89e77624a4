"""The doccano round trip against a real doccano 1.8.4 server, started by this module.

The server is installed in its own venv (.venv-doccano) when missing and started on 127.0.0.1;
if it cannot start, every test here fails with the server's log. Nothing is skipped.
"""

from __future__ import annotations

import secrets
import uuid

import pytest
from conftest import REPO, SEED_ID, write_article, write_gold

from bench.annotate.doccano_client import (
    Credentials,
    DoccanoError,
    Offsets,
    annotation_from_record,
    connect,
    find_project,
    parse_span_label,
    span_labels,
)
from bench.annotate.doccano_server import DoccanoServer, ServerError
from bench.cli.main import main
from bench.core.annotation import Relation
from bench.formats.corpus import load_articles

PASSWORD = "bench-" + secrets.token_hex(8)


# --- offsets and labels, no server ------------------------------------------------------------


def test_offsets_round_trip_outside_the_bmp_and_with_combining_marks():
    text = "Gaza 😀🇵🇸 café e\u0301 Hamas"
    off = Offsets(text)
    for cp in range(len(text) + 1):
        assert off.from_utf16(off.to_utf16(cp)) == cp
        assert off.to_utf16(cp) == len(text[:cp].encode("utf-16-le")) // 2
    hamas = text.index("Hamas")
    assert off.to_utf16(hamas) == hamas + 3  # one emoji + two regional indicators, each a surrogate pair
    with pytest.raises(DoccanoError, match="inside a character"):
        off.from_utf16(text.index("😀") + 1)


def test_span_labels_carry_figure_category():
    assert "FIGURE:killed" in span_labels() and "FIGURE" not in span_labels()
    assert parse_span_label("FIGURE:hostage") == ("FIGURE", "hostage")
    with pytest.raises(DoccanoError, match="'WEAPON' is not in the schema"):
        parse_span_label("WEAPON")


def test_record_figure_attributes_derive_from_text():
    from bench.formats.corpus import Document

    doc = Document("d", "2024-01-01", "At least 12 people died.")
    record = {
        "id": 1,
        "text": doc.text,
        "entities": [{"id": 5, "label": "FIGURE:killed", "start_offset": 0, "end_offset": 11}],
        "relations": [],
    }
    ann = annotation_from_record(record, doc)
    assert (
        ann.entities[0].value == 12 and ann.entities[0].qualifier == "at_least" and ann.entities[0].category == "killed"
    )


# --- a real server --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    srv = DoccanoServer(tmp_path_factory.mktemp("doccano-home"), "admin", PASSWORD)
    try:
        srv.start()
    except ServerError as err:
        pytest.fail(f"the doccano server could not start:\n{err}", pytrace=False)
    yield srv
    srv.stop()


@pytest.fixture
def env(server, monkeypatch):
    monkeypatch.setenv("DOCCANO_URL", server.url)
    monkeypatch.setenv("DOCCANO_USERNAME", "admin")
    monkeypatch.setenv("DOCCANO_PASSWORD", PASSWORD)
    return server


@pytest.fixture
def project() -> str:
    return f"p-{uuid.uuid4().hex[:8]}"


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    assert PASSWORD not in out.out and PASSWORD not in out.err
    return code, out.out, out.err


def client_for(server):
    return connect(Credentials(server.url, "admin", PASSWORD))


def test_push_with_gold_then_pull_reproduces_the_whole_corpus_exactly(env, project, corpus_dirs, capsys, tmp_path):
    arts, gold = corpus_dirs
    n = len(list(arts.glob("*.txt")))
    code, out, _ = run(
        capsys, "doccano", "push", "--project", project, "--articles", str(arts), "--gold", str(gold), "--with-gold"
    )
    assert code == 0 and f"{n} example(s) created, {n} annotated" in out
    pulled = tmp_path / "pulled"
    pulled.mkdir()
    code, out, err = run(
        capsys, "doccano", "pull", "--project", project, "--articles", str(arts), "--gold", str(pulled)
    )
    assert code == 0, err
    originals = sorted(gold.glob("*.json"))
    assert len(originals) == n == len(list((REPO / "gold").glob("*.json")))
    for original in originals:
        assert (pulled / original.name).read_bytes() == original.read_bytes(), original.name
    # Pulling over the identical gold touches nothing.
    code, out, _ = run(capsys, "doccano", "pull", "--project", project, "--articles", str(arts), "--gold", str(gold))
    assert code == 0 and f"0 written, {n} unchanged" in out


def test_round_trip_with_emoji_and_combining_marks(env, project, tmp_path, capsys):
    from conftest import entity

    text = "Rescuers 🚑 in Gaza said at least 12 people were killed; the café owner Zoe\u0301 Haddad 😢 told AFP."
    arts, gold = tmp_path / "a", tmp_path / "g"
    doc = write_article(arts, "emoji", text)
    ents = [
        entity("T1", "Gaza", text, "GPE"),
        entity("T2", "at least 12", text, "FIGURE", value=12, qualifier="at_least", category="killed"),
        entity("T3", "Zoe\u0301 Haddad", text, "PERSON", ref="Zoé Haddad"),
        entity("T4", "AFP", text, "ORG"),
    ]
    rels = [Relation("R1", "T2", "T1", "LOCATED_IN"), Relation("R2", "T2", "T4", "REPORTED_BY")]
    original = write_gold(gold, doc, ents, rels).read_bytes()
    assert (
        run(
            capsys, "doccano", "push", "--project", project, "--articles", str(arts), "--gold", str(gold), "--with-gold"
        )[0]
        == 0
    )
    # In doccano the offsets are UTF-16 code units: each emoji before a span shifts it by one more.
    client = client_for(env)
    proj = find_project(client, project)
    example = next(iter(client.list_examples(proj.id)))
    starts = sorted(s.start_offset for s in client.list_spans(proj.id, example.id))
    assert starts == sorted(len(text[: e.start].encode("utf-16-le")) // 2 for e in ents)
    assert starts[-1] == ents[-1].start + 2
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    assert run(capsys, "doccano", "pull", "--project", project, "--articles", str(arts), "--gold", str(out_dir))[0] == 0
    assert (out_dir / "emoji.json").read_bytes() == original


def test_pre_annotated_push_shows_rules_spans_and_is_idempotent(env, project, seed_dirs, capsys):
    arts, _gold = seed_dirs
    argv = ["doccano", "push", "--project", project, "--articles", str(arts), "--pre-annotate", "rules"]
    assert run(capsys, *argv)[0] == 0
    client = client_for(env)
    proj = find_project(client, project)
    examples = list(client.list_examples(proj.id))
    assert len(examples) == 1 and examples[0].meta["doc_id"] == SEED_ID
    spans = client.list_spans(proj.id, examples[0].id)
    labels = {lt.id: lt.text for lt in client.list_label_types(proj.id, "span")}
    from systems.rules import RulesSystem

    predicted = next(RulesSystem().predict(load_articles(arts)))
    text = examples[0].text
    off = Offsets(text)
    expected = {
        (off.to_utf16(e.start), off.to_utf16(e.end), "FIGURE:" + e.category if e.label == "FIGURE" else e.label)
        for e in predicted.entities
    }
    assert {(s.start_offset, s.end_offset, labels[s.label]) for s in spans} == expected
    assert len(client.list_relations(proj.id, examples[0].id)) == len(predicted.relations) > 0
    span_types = len(client.list_label_types(proj.id, "span"))
    relation_types = len(client.list_label_types(proj.id, "relation"))
    # Pushing again adds no example, no label type and no annotation.
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "0 example(s) created, 0 annotated, 1 already present" in out
    assert len(list(client.list_examples(proj.id))) == 1
    assert len(client.list_label_types(proj.id, "span")) == span_types == len(span_labels())
    assert len(client.list_label_types(proj.id, "relation")) == relation_types
    assert len(client.list_spans(proj.id, examples[0].id)) == len(spans)


def test_server_down_is_one_clear_line(monkeypatch, capsys, seed_dirs):
    from bench.annotate.doccano_server import free_port

    arts, gold = seed_dirs
    monkeypatch.setenv("DOCCANO_URL", f"http://127.0.0.1:{free_port()}")
    monkeypatch.setenv("DOCCANO_USERNAME", "admin")
    monkeypatch.setenv("DOCCANO_PASSWORD", PASSWORD)
    before = (gold / f"{SEED_ID}.json").read_bytes()
    code, _out, err = run(capsys, "doccano", "pull", "--project", "x", "--articles", str(arts), "--gold", str(gold))
    assert code == 2 and "cannot reach doccano" in err and "bench doccano serve" in err
    assert len(err.strip().splitlines()) == 1
    assert (gold / f"{SEED_ID}.json").read_bytes() == before


def test_wrong_password(env, monkeypatch, capsys, seed_dirs):
    arts, gold = seed_dirs
    monkeypatch.setenv("DOCCANO_PASSWORD", "not-the-password")
    code, _, err = run(capsys, "doccano", "pull", "--project", "x", "--articles", str(arts), "--gold", str(gold))
    assert code == 2 and "login to" in err and "check DOCCANO_USERNAME and DOCCANO_PASSWORD" in err
    assert "not-the-password" not in err


def test_missing_project(env, capsys, seed_dirs):
    arts, gold = seed_dirs
    code, _, err = run(
        capsys, "doccano", "pull", "--project", "no-such-project", "--articles", str(arts), "--gold", str(gold)
    )
    assert code == 2 and "no doccano project named 'no-such-project'" in err


def test_unknown_label_touches_no_gold(env, project, seed_dirs, capsys, tmp_path):
    arts, gold = seed_dirs
    assert (
        run(
            capsys, "doccano", "push", "--project", project, "--articles", str(arts), "--gold", str(gold), "--with-gold"
        )[0]
        == 0
    )
    client = client_for(env)
    proj = find_project(client, project)
    example = next(iter(client.list_examples(proj.id)))
    weapon = client.create_label_type(proj.id, "span", "WEAPON", color="#123456")
    client.create_span(proj.id, example.id, 0, 6, weapon.id)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = (gold / f"{SEED_ID}.json").read_bytes()
    for target in (out_dir, gold):
        code, _, err = run(
            capsys, "doccano", "pull", "--project", project, "--articles", str(arts), "--gold", str(target), "--force"
        )
        assert code == 2 and "'WEAPON' is not in the schema" in err and "no gold file was touched" in err
    assert list(out_dir.iterdir()) == [] and (gold / f"{SEED_ID}.json").read_bytes() == before


def test_differing_gold_needs_force_and_says_what_changes(env, project, seed_dirs, capsys):
    arts, gold = seed_dirs
    assert (
        run(
            capsys, "doccano", "push", "--project", project, "--articles", str(arts), "--gold", str(gold), "--with-gold"
        )[0]
        == 0
    )
    client = client_for(env)
    proj = find_project(client, project)
    example = next(iter(client.list_examples(proj.id)))
    spans = client.list_spans(proj.id, example.id)
    labels = {lt.text: lt.id for lt in client.list_label_types(proj.id, "span")}
    date_span = next(s for s in spans if s.label == labels["DATE"])
    client.delete_span(proj.id, example.id, date_span.id)
    path = gold / f"{SEED_ID}.json"
    before = path.read_bytes()
    code, out, _ = run(capsys, "doccano", "pull", "--project", project, "--articles", str(arts), "--gold", str(gold))
    assert code == 1 and "- span DATE" in out and "--force" in out
    assert path.read_bytes() == before
    code, out, _ = run(
        capsys, "doccano", "pull", "--project", project, "--articles", str(arts), "--gold", str(gold), "--force"
    )
    assert code == 0 and "1 written" in out
    assert path.read_bytes() != before
    assert main(["validate", "--articles", str(arts), "--gold", str(gold)]) == 0


def test_agreement_between_two_doccano_users_equals_agreement_between_their_directories(
    env, project, seed_dirs, capsys, tmp_path
):
    arts, gold = seed_dirs
    assert (
        run(
            capsys, "doccano", "push", "--project", project, "--articles", str(arts), "--gold", str(gold), "--with-gold"
        )[0]
        == 0
    )
    admin = client_for(env)
    proj = find_project(admin, project)
    name, pw = f"ann{uuid.uuid4().hex[:6]}", "pw-" + secrets.token_hex(6)
    admin.create_user(name, pw)
    admin.add_member(proj.id, name, "annotator")
    second = connect(Credentials(env.url, name, pw))
    example = next(iter(second.list_examples(proj.id)))
    labels = {lt.text: lt.id for lt in second.list_label_types(proj.id, "span")}
    text = example.text
    # The second annotator marks every "Hezbollah" as ORG and every "Israel" as GPE, and nothing else.
    off = Offsets(text)
    import re

    for word, label in (("Hezbollah", "ORG"), ("Israel", "GPE")):
        for m in re.finditer(rf"\b{word}\b", text):
            second.create_span(proj.id, example.id, off.to_utf16(m.start()), off.to_utf16(m.end()), labels[label])
    code, by_users, err = run(
        capsys, "agree", "--project", project, "admin", name, "--articles", str(arts), "--format", "json"
    )
    assert code == 0, err
    dirs = tmp_path / "admin", tmp_path / name
    for d, user in zip(dirs, ("admin", name), strict=False):
        d.mkdir()
        assert run(
            capsys,
            "doccano",
            "pull",
            "--project",
            project,
            "--annotator",
            user,
            "--articles",
            str(arts),
            "--gold",
            str(d),
        )[0] in (0,)
    code, by_dirs, _ = run(capsys, "agree", str(dirs[0]), str(dirs[1]), "--articles", str(arts), "--format", "json")
    assert code == 0
    import json

    users, directories = json.loads(by_users), json.loads(by_dirs)
    assert users["spans"] == directories["spans"]
    assert users["spans"]["ORG"]["f1_strict"] == pytest.approx(2 * 9 / (26 + 9))
    assert users["spans"]["PERSON"]["f1_strict"] == 0.0
    assert 0 < users["token_kappa"] < 1
