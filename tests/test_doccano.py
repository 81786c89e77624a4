"""The doccano round trip against a real doccano 1.8.4 server, started by this module.

The server is installed in its own venv (.venv-doccano) when missing and started on 127.0.0.1;
if it cannot start, every test here fails with the server's log. Nothing is skipped.
"""

from __future__ import annotations

import secrets
import uuid

import pytest
from conftest import REPO, SEED_ID, write_article, write_gold

from bench.annotate.doccano_client import Credentials, connect, find_project
from bench.annotate.doccano_server import DoccanoServer, ServerError
from bench.cli.main import main
from bench.core.annotation import Relation
from bench.formats.corpus import load_articles
from bench.formats.doccano_export import DoccanoError, Offsets, annotation_from_record, parse_span_label, span_labels

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


def test_group_refs_keep_carried_refs_and_name_new_groups_by_their_fullest_mention():
    from bench.core.coreference import group_refs, same_as_links

    texts = {
        (0, 9): "Nasrallah",
        (10, 26): "Hassan Nasrallah",
        (30, 35): "MOSCOW",
        (40, 43): "RSF",
        (50, 71): "Rapid Support Forces",
    }
    carried = {(0, 9): "Hassan Nasrallah", (10, 26): "Hassan Nasrallah", (30, 35): "Moscow"}
    links = same_as_links([(span, carried.get(span)) for span in texts])
    assert links == [((0, 9), (10, 26))]
    assert group_refs(texts, links, carried) == {
        (0, 9): "Hassan Nasrallah",
        (10, 26): "Hassan Nasrallah",
        (30, 35): "Moscow",
        (40, 43): None,
        (50, 71): None,
    }
    # A new link names the group by its longest mention; a removed link leaves the shorter part unnamed.
    assert group_refs(texts, [((40, 43), (50, 71))], carried)[(40, 43)] == "Rapid Support Forces"
    split = group_refs(texts, [], carried)
    assert split[(10, 26)] == "Hassan Nasrallah" and split[(0, 9)] is None
    # Two groups merged: the fuller of their names wins.
    merged = group_refs(texts, [*links, ((10, 26), (30, 35))], carried)
    assert {merged[s] for s in ((0, 9), (10, 26), (30, 35))} == {"Hassan Nasrallah"}


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
    same_as = {lt.id for lt in client.list_label_types(proj.id, "relation") if lt.text == "SAME_AS"}
    relations = client.list_relations(proj.id, examples[0].id)
    assert len([r for r in relations if r.type not in same_as]) == len(predicted.relations) > 0
    # Mentions the rules gave one ref are chained by SAME_AS links, one fewer than the mentions.
    from bench.core.coreference import same_as_links

    links = same_as_links([((e.start, e.end), e.ref) for e in predicted.entities])
    assert len([r for r in relations if r.type in same_as]) == len(links)
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
    second.update_example_state(proj.id, example.id)  # marked done: only confirmed work is compared
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


# --- defects of issue 10 ----------------------------------------------------------------------


def push_cli(capsys, project, arts, gold, *extra):
    return run(capsys, "doccano", "push", "--project", project, "--articles", str(arts), "--gold", str(gold), *extra)


def pull_cli(capsys, project, arts, gold, *extra):
    return run(capsys, "doccano", "pull", "--project", project, "--articles", str(arts), "--gold", str(gold), *extra)


def new_user(admin, project_id=None, role="annotator"):
    name, pw = f"u{uuid.uuid4().hex[:8]}", "pw-" + secrets.token_hex(8)
    admin.create_user(name, pw)
    if project_id is not None:
        admin.add_member(project_id, name, role)
    return name, pw


def test_pull_writes_only_examples_the_annotator_marked_done(env, project, seed_dirs, capsys, tmp_path):
    arts, gold = seed_dirs
    assert push_cli(capsys, project, arts, gold, "--pre-annotate", "rules")[0] == 0
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    # Straight after a pre-annotated push nobody has reviewed anything: nothing becomes gold.
    code, out, _ = pull_cli(capsys, project, arts, out_dir)
    assert code == 1 and list(out_dir.iterdir()) == []
    assert f"skipped {SEED_ID}: not marked done by admin (" in out and "span(s) not reviewed" in out
    assert "1 example(s) skipped" in out and "--include-unconfirmed" in out
    # An annotator who never opened the example has nothing to pull either.
    admin = client_for(env)
    proj = find_project(admin, project)
    name, _pw = new_user(admin, proj.id)
    code, out, _ = pull_cli(capsys, project, arts, out_dir, "--annotator", name)
    assert code == 1 and f"not marked done by {name} (not annotated)" in out and list(out_dir.iterdir()) == []
    # Asked for explicitly, unreviewed work is pulled.
    code, out, _ = pull_cli(capsys, project, arts, out_dir, "--include-unconfirmed", SEED_ID)
    assert code == 0 and "1 written" in out and (out_dir / f"{SEED_ID}.json").exists()
    (out_dir / f"{SEED_ID}.json").unlink()
    # Once the annotator marks the example done in doccano, a plain pull takes it.
    example = next(iter(admin.list_examples(proj.id)))
    admin.update_example_state(proj.id, example.id)
    code, out, _ = pull_cli(capsys, project, arts, out_dir, SEED_ID)
    assert code == 0 and "1 written" in out and "skipped" not in out
    (out_dir / "index.jsonl").write_bytes((gold / "index.jsonl").read_bytes())
    assert main(["validate", "--articles", str(arts), "--gold", str(out_dir)]) == 0
    # Document ids are checked like push checks them.
    code, _, err = pull_cli(capsys, project, arts, out_dir, "no-such-doc")
    assert code == 2 and "no example for doc_id no-such-doc" in err


def test_article_with_white_space_at_both_ends_round_trips(env, project, tmp_path, capsys):
    from conftest import entity

    text = "\n  Hamas said at least 3 people were killed in Gaza.\n\n"
    arts, gold = tmp_path / "a", tmp_path / "g"
    doc = write_article(arts, "padded", text)
    assert load_articles(arts)[0].text == text
    ents = [
        entity("T1", "Hamas", text, "ORG"),
        entity("T2", "at least 3", text, "FIGURE", value=3, qualifier="at_least", category="killed"),
        entity("T3", "Gaza", text, "GPE"),
    ]
    original = write_gold(gold, doc, ents, [Relation("R1", "T2", "T3", "LOCATED_IN")]).read_bytes()
    assert push_cli(capsys, project, arts, gold, "--with-gold")[0] == 0
    client = client_for(env)
    proj = find_project(client, project)
    example = next(iter(client.list_examples(proj.id)))
    assert example.text == text.strip()
    labels = {lt.id: lt.text for lt in client.list_label_types(proj.id, "span")}
    shown = {
        example.text[s.start_offset : s.end_offset]: labels[s.label] for s in client.list_spans(proj.id, example.id)
    }
    assert shown == {"Hamas": "ORG", "at least 3": "FIGURE:killed", "Gaza": "GPE"}
    out_dir = tmp_path / "out"
    code, _, err = pull_cli(capsys, project, arts, out_dir)
    assert code == 0, err
    assert (out_dir / "padded.json").read_bytes() == original
    # Pushing again is not blocked.
    code, out, _ = push_cli(capsys, project, arts, gold, "--with-gold")
    assert code == 0 and "1 already present" in out


class OverlappingSystem:
    """A system (for ``--pre-annotate test_doccano:OverlappingSystem``) whose two spans overlap."""

    def __init__(self, **config):
        pass

    def predict(self, docs):
        from bench.core.annotation import Annotation, Entity

        for doc in docs:
            at = doc.text.index("Hezbollah")
            yield Annotation(
                doc.doc_id,
                (
                    Entity("T1", "ORG", at, at + 9, "Hezbollah"),
                    Entity("T2", "ORG", at + 4, at + 9, "ollah"),
                ),
            )


def test_overlapping_spans_are_refused_before_anything_is_created(env, project, seed_dirs, capsys):
    arts, gold = seed_dirs
    code, _, err = push_cli(capsys, project, arts, gold, "--pre-annotate", "test_doccano:OverlappingSystem")
    assert code == 2 and "overlap" in err and "'ollah'" in err and "nothing was pushed" in err
    assert len(err.strip().splitlines()) == 1
    assert find_project(client_for(env), project) is None


def test_an_interrupted_push_is_completed_by_the_next(env, project, seed_dirs, capsys, tmp_path, monkeypatch):
    from doccano_client import DoccanoClient
    from doccano_client.exceptions import DoccanoAPIError

    arts, gold = seed_dirs
    real = DoccanoClient.create_relation
    calls = {"n": 0}

    def failing(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            import requests

            response = requests.Response()
            response.status_code = 500
            response.url = "http://x/v1/projects/1/examples/1/relations"
            response.request = requests.Request("POST", response.url).prepare()
            raise DoccanoAPIError("500 Server Error", response)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(DoccanoClient, "create_relation", failing)
    code, _, err = push_cli(capsys, project, arts, gold, "--with-gold")
    assert code == 2 and "HTTP 500" in err and len(err.strip().splitlines()) == 1
    monkeypatch.setattr(DoccanoClient, "create_relation", real)
    # The half-made example is not pulled as if it were finished.
    out_dir = tmp_path / "out"
    code, out, _ = pull_cli(capsys, project, arts, out_dir, "--include-unconfirmed")
    assert code == 1 and "push did not finish" in out and not out_dir.exists()
    code, out, _ = push_cli(capsys, project, arts, gold, "--with-gold")
    assert code == 0 and "1 unfinished push(es) completed" in out
    code, _, err = pull_cli(capsys, project, arts, out_dir)
    assert code == 0, err
    assert (out_dir / f"{SEED_ID}.json").read_bytes() == (gold / f"{SEED_ID}.json").read_bytes()


def test_pull_force_replaces_broken_gold_and_writes_nothing_unless_it_can_write_all(
    env, project, corpus_dirs, capsys, tmp_path
):
    arts, gold = corpus_dirs
    ids = sorted(p.stem for p in gold.glob("*.json"))[:3]
    assert push_cli(capsys, project, arts, gold, "--with-gold", *ids)[0] == 0
    target = tmp_path / "target"
    target.mkdir()
    originals = {d: (gold / f"{d}.json").read_bytes() for d in ids}
    broken = {
        ids[0]: b"[1, 2, 3]\n",  # not an object
        ids[1]: originals[ids[1]].replace(b'"head": "', b'"head": "X', 1),  # a dangling relation
        ids[2]: b"\xff\xfe not utf-8",
    }
    for d, raw in broken.items():
        (target / f"{d}.json").write_bytes(raw)
    code, out, err = pull_cli(capsys, project, arts, target, *ids)
    assert code == 1 and "Traceback" not in err and "3 left alone" in out
    assert "not valid UTF-8" in out and "not a valid gold file" in out
    assert {d: (target / f"{d}.json").read_bytes() for d in ids} == broken
    # A target that cannot be written stops everything before the first file is replaced.
    (target / f"{ids[2]}.json").unlink()
    (target / f"{ids[2]}.json").mkdir()
    code, _, err = pull_cli(capsys, project, arts, target, "--force", *ids)
    assert code == 2 and "is a directory" in err
    assert (target / f"{ids[0]}.json").read_bytes() == broken[ids[0]]
    (target / f"{ids[2]}.json").rmdir()
    code, out, err = pull_cli(capsys, project, arts, target, "--force", *ids)
    assert code == 0, err
    assert {d: (target / f"{d}.json").read_bytes() for d in ids} == originals


def test_a_server_that_never_answers_times_out_with_one_line(monkeypatch, capsys, seed_dirs):
    import socket
    import time

    arts, gold = seed_dirs
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # connections are accepted by the kernel; nothing ever answers
        monkeypatch.setenv("DOCCANO_URL", f"http://127.0.0.1:{listener.getsockname()[1]}")
        monkeypatch.setenv("DOCCANO_USERNAME", "admin")
        monkeypatch.setenv("DOCCANO_PASSWORD", PASSWORD)
        monkeypatch.setenv("DOCCANO_TIMEOUT", "2")
        began = time.monotonic()
        code, _, err = pull_cli(capsys, "x", arts, gold)
        assert time.monotonic() - began < 30
    assert code == 2 and "did not answer within 2 s" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("url", "message"),
    [("notaurl", "not an http(s) URL"), ("http://", "not an http(s) URL"), ("http://127.0.0.1:99999", "not a usable")],
)
def test_a_bad_doccano_url_is_one_line(monkeypatch, capsys, seed_dirs, url, message):
    arts, gold = seed_dirs
    monkeypatch.setenv("DOCCANO_URL", url)
    monkeypatch.setenv("DOCCANO_USERNAME", "admin")
    monkeypatch.setenv("DOCCANO_PASSWORD", PASSWORD)
    code, _, err = pull_cli(capsys, "x", arts, gold)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


# --- the server (bench doccano serve) -------------------------------------------------------


def _server_pids(home) -> set[int]:
    """Processes whose environment names this doccano home: gunicorn, its workers, celery."""
    from pathlib import Path

    marker = f"DOCCANO_HOME={home}".encode() + b"\0"
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker in (entry / "environ").read_bytes():
                    found.add(int(entry.name))
            except OSError:
                pass
    return found


def _serve(home, port):
    import os
    import subprocess
    import sys
    import time

    env = {**os.environ, "DOCCANO_USERNAME": "admin", "DOCCANO_PASSWORD": PASSWORD}
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.cli.main", "doccano", "serve", "--home", str(home), "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 240
    lines = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith("doccano is running at"):
            return proc
    proc.kill()
    pytest.fail(f"bench doccano serve did not start: {''.join(lines)}{proc.stderr.read()}", pytrace=False)


def _stop(proc, home, signum):
    import time

    assert _server_pids(home), "gunicorn and celery should be running"
    proc.send_signal(signum)
    assert proc.wait(timeout=60) == 0
    assert "doccano stopped" in proc.stdout.read()
    deadline = time.monotonic() + 30
    while _server_pids(home) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _server_pids(home) == set(), "a signal left doccano processes running without their parent"


def test_serve_keeps_its_data_privately_and_stops_everything_on_a_signal(tmp_path, capsys, monkeypatch):
    import signal
    import stat

    from bench.annotate.doccano_server import free_port

    home = tmp_path / "doccano-home"
    port = free_port()
    proc = _serve(home, port)
    try:
        assert stat.S_IMODE(home.stat().st_mode) == 0o700
        for name in ("secret_key", "db.sqlite3"):
            assert stat.S_IMODE((home / name).stat().st_mode) == 0o600, name
        key = (home / "secret_key").read_text()
        assert "v8sk33sy82" not in key and len(key.strip()) >= 40
        client = connect(Credentials(f"http://127.0.0.1:{port}", "admin", PASSWORD))
        client.create_project(name="kept", project_type="SequenceLabeling", description="kept across restarts")
        # A second server on the same data is refused, not started beside the first.
        monkeypatch.setenv("DOCCANO_PASSWORD", PASSWORD)
        code, _, err = run(capsys, "doccano", "serve", "--home", str(home))
        assert code == 2 and "already running with its data in" in err
    finally:
        if proc.poll() is None:
            _stop(proc, home, signal.SIGTERM)
    proc = _serve(home, port)
    try:
        client = connect(Credentials(f"http://127.0.0.1:{port}", "admin", PASSWORD))
        assert find_project(client, "kept") is not None
        assert (home / "secret_key").read_text() == key
    finally:
        _stop(proc, home, signal.SIGHUP)


def test_serve_refuses_a_busy_port_and_bad_arguments(tmp_path, capsys, monkeypatch):
    import http.server
    import subprocess
    import threading

    monkeypatch.setenv("DOCCANO_PASSWORD", PASSWORD)
    other = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        port = str(other.server_address[1])
        code, out, err = run(capsys, "doccano", "serve", "--home", str(tmp_path / "h"), "--port", port)
        assert code == 2 and f"port {port} on 127.0.0.1 is in use by another process" in err
        assert "running" not in out
        code, _, err = run(
            capsys, "doccano", "serve", "--home", str(tmp_path / "h"), "--port", port, "--host", "0.0.0.0"
        )
        assert code == 2 and err.startswith("warning: doccano will accept connections from other machines")
    finally:
        other.shutdown()
        other.server_close()
    for bad in ("-5", "0", "70000", "http"):
        with pytest.raises(SystemExit) as exit_:
            main(["doccano", "serve", "--port", bad])
        assert exit_.value.code == 2
        assert "--port" in capsys.readouterr().err
    (tmp_path / "file").write_text("")
    code, _, err = run(capsys, "doccano", "serve", "--home", str(tmp_path / "file"))
    assert code == 2 and "is not a directory" in err and "Traceback" not in err
    code, _, err = run(capsys, "doccano", "serve", "--home", str(tmp_path / "h"), "--host", "no.such.host.invalid")
    assert code == 2 and "cannot listen on host 'no.such.host.invalid'" in err
    # The default data directory is at the repository root and never committed.
    from bench.annotate.doccano_server import DEFAULT_HOME

    assert DEFAULT_HOME == REPO / ".doccano"
    assert subprocess.run(["git", "check-ignore", "-q", str(DEFAULT_HOME / "db.sqlite3")], cwd=REPO).returncode == 0


def test_coreference_travels_as_same_as_links_and_comes_back_as_refs(env, project, tmp_path, capsys):
    import json

    from conftest import entity

    text = (
        "Hezbollah leader Hassan Nasrallah met Hamas officials in BEIRUT. Nasrallah said Hezbollah would "
        "respond. The Islamic Resistance Movement (Hamas) agreed."
    )
    arts, gold = tmp_path / "a", tmp_path / "g"
    doc = write_article(arts, "coref", text)
    ents = [
        entity("T1", "Hezbollah", text, "ORG", ref="Hezbollah"),
        entity("T2", "Hassan Nasrallah", text, "PERSON", ref="Hassan Nasrallah"),
        entity("T3", "Hamas", text, "ORG"),
        entity("T4", "Nasrallah", text, "PERSON", occurrence=1, ref="Hassan Nasrallah"),
        entity("T5", "Hezbollah", text, "ORG", occurrence=1, ref="Hezbollah"),
        entity("T6", "BEIRUT", text, "GPE", ref="Beirut"),
        entity("T7", "Islamic Resistance Movement", text, "ORG"),
        entity("T8", "Hamas", text, "ORG", occurrence=1),
    ]
    original = write_gold(gold, doc, ents, [Relation("R1", "T2", "T1", "LEADER_OF")]).read_bytes()
    (gold / "index.jsonl").write_text(
        json.dumps(
            {
                "doc_id": "coref",
                "split": "dev",
                "theatre": "t",
                "style": "wire",
                "origin": "written",
                "sources": [{"outlet": "Test Wire", "url": "https://example.org/x", "published": "2024-01-02"}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    assert push_cli(capsys, project, arts, gold, "--with-gold")[0] == 0
    client = client_for(env)
    proj = find_project(client, project)
    example = next(iter(client.list_examples(proj.id)))
    types = {lt.text: lt.id for lt in client.list_label_types(proj.id, "relation")}
    assert "SAME_AS" in types
    span_at = {(s.start_offset, s.end_offset): s.id for s in client.list_spans(proj.id, example.id)}
    sid = {e.id: span_at[(e.start, e.end)] for e in ents}
    same_as = {
        frozenset((r.from_id, r.to_id))
        for r in client.list_relations(proj.id, example.id)
        if r.type == types["SAME_AS"]
    }
    assert same_as == {frozenset((sid["T1"], sid["T5"])), frozenset((sid["T2"], sid["T4"]))}
    out_dir = tmp_path / "out"
    assert pull_cli(capsys, project, arts, out_dir)[0] == 0
    assert (out_dir / "coref.json").read_bytes() == original
    # In doccano the annotator splits one group, links two new mentions and joins a third to them.
    link = next(r for r in client.list_relations(proj.id, example.id) if {r.from_id, r.to_id} == {sid["T1"], sid["T5"]})
    client.delete_relation(proj.id, example.id, link.id)
    client.create_relation(proj.id, example.id, sid["T8"], sid["T7"], types["SAME_AS"])
    client.create_relation(proj.id, example.id, sid["T3"], sid["T8"], types["SAME_AS"])
    code, out, _ = pull_cli(capsys, project, arts, gold)
    assert code == 1 and "~ span 'Hamas'" in out and "ref None -> 'Islamic Resistance Movement'" in out
    assert pull_cli(capsys, project, arts, gold, "--force")[0] == 0
    pulled = json.loads((gold / "coref.json").read_text(encoding="utf-8"))
    refs = {e["id"]: e.get("ref") for e in pulled["entities"]}
    irm = "Islamic Resistance Movement"
    assert refs == {
        "T1": "Hezbollah",
        "T2": "Hassan Nasrallah",
        "T3": irm,
        "T4": "Hassan Nasrallah",
        "T5": None,
        "T6": "Beirut",
        "T7": irm,
        "T8": irm,
    }
    assert [r["type"] for r in pulled["relations"]] == ["LEADER_OF"]  # SAME_AS is never a schema relation
    assert main(["validate", "--articles", str(arts), "--gold", str(gold)]) == 0


# --- adjudication without doccano -----------------------------------------------------------


def test_adjudicate_keeps_agreed_items_lists_the_rest_and_overwrites_nothing(toy, capsys, tmp_path):
    import json
    import shutil

    from conftest import dump_json, load_json

    arts, a = toy["articles"], toy["gold"]
    b = tmp_path / "bob"
    shutil.copytree(a, b)
    data = load_json(b / "toy.json")
    data["entities"] = [e for e in data["entities"] if e["id"] != "T3"]  # bob left out Hamas
    for e in data["entities"]:
        if e["id"] == "T6":
            e["category"] = "injured"  # and read the figure as injured
        if e["id"] == "T2":
            e["ref"] = "Sayyed Hassan Nasrallah"
    data["relations"] = [r for r in data["relations"] if r["id"] != "R3"]
    dump_json(b / "toy.json", data)
    # Agreement counts coreference too: one of the six mentions both marked alike has another ref.
    code, text, _ = run(capsys, "agree", str(a), str(b), "--articles", str(arts), "--format", "json")
    assert code == 0 and json.loads(text)["refs"] == {"correct": 5, "total": 6, "accuracy": 5 / 6}
    code, text, _ = run(capsys, "agree", str(a), str(b), "--articles", str(arts), "--list")
    assert "toy: ref differs: PERSON 'Hassan Nasrallah'" in text and "'Sayyed Hassan Nasrallah'" in text
    out = tmp_path / "merged"
    code, text, err = run(capsys, "adjudicate", str(a), str(b), "--articles", str(arts), "--out", str(out))
    assert code == 1, err
    assert "toy: span proposed by gold only: ORG 'Hamas'" in text
    assert "toy: span proposed by gold only: FIGURE 'at least 12' [" in text and "killed=12" in text
    assert "toy: span proposed by bob only: FIGURE 'at least 12'" in text and "injured=12" in text
    assert "ref 'Sayyed Hassan Nasrallah'" in text and "relation proposed by gold only" in text
    merged = load_json(out / "toy.json")
    assert [e["id"] for e in merged["entities"]] == ["T1", "T2", "T4", "T5", "T7"]
    assert "ref" not in merged["entities"][1]  # the ref disagreement is left for the adjudicator
    assert [r["id"] for r in merged["relations"]] == ["R1"]  # R2 and R3 lose their figure; R3 also bob's
    (out / "index.jsonl").write_bytes((a / "index.jsonl").read_bytes())
    assert main(["validate", "--articles", str(arts), "--gold", str(out)]) == 0
    # An adjudicator's edit is never overwritten without --force.
    edited = json.dumps(merged).replace('"T7"', '"T7"') + " "
    (out / "toy.json").write_text(edited, encoding="utf-8")
    code, _, err = run(capsys, "adjudicate", str(a), str(b), "--articles", str(arts), "--out", str(out))
    assert code == 2 and "pass --force" in err and (out / "toy.json").read_text(encoding="utf-8") == edited
    code, _, _ = run(capsys, "adjudicate", str(a), str(b), "--articles", str(arts), "--out", str(out), "--force")
    assert code == 1 and (out / "toy.json").read_text(encoding="utf-8") != edited
    # Two identical directories agree on everything.
    code, text, _ = run(capsys, "adjudicate", str(a), str(a), "--articles", str(arts), "--out", str(tmp_path / "same"))
    assert code == 0 and "0 disagreement(s)" in text
    assert (tmp_path / "same" / "toy.json").read_bytes() == (a / "toy.json").read_bytes()


# --- a team: two annotators from push to score ------------------------------------------------


def test_two_annotators_from_pre_annotated_push_to_adjudicated_gold_and_a_score(
    env, project, seed_dirs, capsys, tmp_path, monkeypatch
):
    import json

    arts, gold = seed_dirs
    (gold / "GUIDELINES.md").write_bytes((REPO / "gold" / "GUIDELINES.md").read_bytes())
    suffix = uuid.uuid4().hex[:6]
    alice, bob = f"alice{suffix}", f"bob{suffix}"
    passwords = {alice: "pw-" + secrets.token_hex(8), bob: "pw-" + secrets.token_hex(8)}
    for name, pw in passwords.items():
        monkeypatch.setenv("BENCH_USER_PASSWORD", pw)
        code, out, err = run(capsys, "doccano", "user", "add", name)
        assert code == 0 and f"doccano user {name!r} added" in out and pw not in out + err
    code, _, err = run(capsys, "doccano", "user", "add", alice)
    assert code == 2 and "already has a user" in err
    monkeypatch.delenv("BENCH_USER_PASSWORD")

    # 1. Push the rules' pre-annotations to both annotators.
    code, out, err = push_cli(capsys, project, arts, gold, "--pre-annotate", "rules", "--annotators", f"{alice},{bob}")
    assert code == 0, err
    assert f"project {project}@{alice}: 1 example(s) created, 1 annotated" in out
    code, _, err = push_cli(capsys, project, arts, gold, "--pre-annotate", "rules", "--annotators", "carol-nobody")
    assert code == 2 and "no doccano user 'carol-nobody'" in err
    admin = client_for(env)
    for name in (alice, bob):
        proj = find_project(admin, f"{project}@{name}")
        assert proj.collaborative_annotation
        assert proj.guideline == (REPO / "gold" / "GUIDELINES.md").read_text(encoding="utf-8").strip()
        roles = {m.username: m.rolename for m in admin.list_members(proj.id)}
        assert roles[name] == "annotator"

    # 2. Each annotator sees the pre-annotations, corrects them independently and marks the example done.
    from systems.rules import RulesSystem

    predicted = next(RulesSystem().predict(load_articles(arts)))
    removed, removed_at = {}, {}
    for name, which in ((alice, 0), (bob, -1)):
        me = connect(Credentials(env.url, name, passwords[name]))
        proj = find_project(me, f"{project}@{name}")
        example = next(iter(me.list_examples(proj.id)))
        spans = sorted(me.list_spans(proj.id, example.id), key=lambda s: s.start_offset)
        assert len(spans) == len(predicted.entities)
        me.delete_span(proj.id, example.id, spans[which].id)
        removed[name] = example.text[spans[which].start_offset : spans[which].end_offset]
        removed_at[name] = (spans[which].start_offset, spans[which].end_offset)
        if name == alice:
            code, out, _ = run(capsys, "doccano", "status", "--project", project, "--format", "json")
            status = json.loads(out)
            assert status["annotators"][alice] == {"done": 0, "total": 1}
        me.update_example_state(proj.id, example.id)

    # 3. Progress, agreement, each annotator's gold, the merge, validation and a score.
    code, out, _ = run(capsys, "doccano", "status", "--project", project, "--format", "json")
    status = json.loads(out)
    assert code == 0 and status["annotators"] == {alice: {"done": 1, "total": 1}, bob: {"done": 1, "total": 1}}
    assert status["articles"] == {SEED_ID: sorted([alice, bob])}
    code, out, _ = run(capsys, "doccano", "status", "--project", project)
    assert code == 0 and "marked done by" in out
    code, out, err = run(capsys, "agree", "--project", project, alice, bob, "--articles", str(arts), "--format", "json")
    assert code == 0, err
    agreed = json.loads(out)
    assert agreed["documents"] == [SEED_ID]
    n = len(predicted.entities)
    assert agreed["spans"]["micro"]["f1_strict"] == pytest.approx(2 * (n - 2) / (2 * (n - 1)))
    dirs = {name: tmp_path / name for name in (alice, bob)}
    for name, d in dirs.items():
        code, out, err = pull_cli(capsys, project, arts, d, "--annotator", name)
        assert code == 0 and "1 written" in out, err
    final = tmp_path / "final"
    code, out, err = run(
        capsys, "adjudicate", str(dirs[alice]), str(dirs[bob]), "--articles", str(arts), "--out", str(final)
    )
    assert code == 1, err
    assert f"span proposed by {bob} only:" in out and repr(removed[alice]) in out
    assert f"span proposed by {alice} only:" in out and repr(removed[bob]) in out
    (final / "index.jsonl").write_bytes((gold / "index.jsonl").read_bytes())
    assert main(["validate", "--articles", str(arts), "--gold", str(final)]) == 0
    capsys.readouterr()
    code, out, err = run(
        capsys, "score", "--system", "rules", "--articles", str(arts), "--gold", str(final), "--format", "json"
    )
    assert code == 0, err
    entities = json.loads(out)["sections"]["entities"]["micro"]
    # The merged gold is the rules' output less what either annotator removed.
    assert entities["support"] == n - 2 and entities["recall"] == 1.0 and entities["precision"] < 1.0

    # 4. The same two annotators' work before an adjudicator in doccano: agreed items and every
    #    candidate pre-filled, each disagreement a comment naming who proposed it.
    review = f"{project}-review"
    argv = ["doccano", "adjudicate", "--project", project, "--annotators", f"{alice},{bob}", "--into", review]
    code, out, err = run(capsys, *argv, "--articles", str(arts), "--gold", str(gold))
    assert code == 0, err
    proj = find_project(admin, review)
    example = next(iter(admin.list_examples(proj.id)))
    spans = {(s.start_offset, s.end_offset): s.id for s in admin.list_spans(proj.id, example.id)}
    assert len(spans) == n and removed_at[alice] in spans and removed_at[bob] in spans
    comments = [c.text for c in admin.list_comments(proj.id, example.id)]
    assert f"{len(comments)} disagreement(s)" in out and len(comments) >= 2
    assert any(c.startswith(f"span proposed by {bob} only (pre-filled") and repr(removed[alice]) in c for c in comments)
    assert any(c.startswith(f"span proposed by {alice} only (pre-filled") and repr(removed[bob]) in c for c in comments)
    # Nothing is final until the adjudicator marks the example done.
    reviewed = tmp_path / "reviewed"
    assert pull_cli(capsys, review, arts, reviewed)[0] == 1 and not reviewed.exists()
    # The adjudicator agrees with alice's deletion and keeps bob's, then marks the example done.
    admin.delete_span(proj.id, example.id, spans[removed_at[alice]])
    admin.update_example_state(proj.id, example.id)
    code, _, err = pull_cli(capsys, review, arts, reviewed)
    assert code == 0, err
    final_entities = json.loads((reviewed / f"{SEED_ID}.json").read_text(encoding="utf-8"))["entities"]
    assert len(final_entities) == n - 1
    text = load_articles(arts)[0].text
    assert text[final_entities[0]["start"] :].startswith(final_entities[0]["text"])
    (reviewed / "index.jsonl").write_bytes((gold / "index.jsonl").read_bytes())
    assert main(["validate", "--articles", str(arts), "--gold", str(reviewed)]) == 0


def test_agreement_among_three_annotators_is_a_pairwise_matrix(toy, capsys, tmp_path):
    import json
    import shutil

    from conftest import dump_json, load_json

    arts, a = toy["articles"], toy["gold"]
    b, c = tmp_path / "b", tmp_path / "c"
    shutil.copytree(a, b)
    shutil.copytree(a, c)
    data = load_json(b / "toy.json")
    data["entities"] = [e for e in data["entities"] if e["id"] != "T3"]
    dump_json(b / "toy.json", data)
    code, out, _ = run(capsys, "agree", str(a), str(b), str(c), "--articles", str(arts), "--format", "json")
    matrix = json.loads(out)
    assert code == 0 and len(matrix["pairs"]) == 3
    spans = matrix["spans_f1_strict"]
    assert spans[str(a)][str(c)] == spans[str(c)][str(a)] == 1.0
    assert spans[str(a)][str(b)] == spans[str(b)][str(c)] == pytest.approx(2 * 6 / (7 + 6))
    code, out, _ = run(capsys, "agree", str(a), str(b), str(c), "--articles", str(arts), "--list")
    assert code == 0 and "Span F1 (strict, micro)" in out
    assert f"{a} vs {b}: toy: span only in A: ORG 'Hamas'" in out and f"{a} vs {c}:" not in out
    code, _, err = run(capsys, "agree", str(a), "--articles", str(arts))
    assert code == 2 and "at least two annotators" in err


def test_a_pull_keeps_the_ids_of_unchanged_items_so_a_diff_shows_only_the_change(toy):
    from dataclasses import replace

    from conftest import load_json

    from bench.annotate.gold_files import carry_ids
    from bench.core.annotation import Entity, annotation_from_dict, dumps_gold

    old = annotation_from_dict(load_json(toy["path"]))
    # doccano numbers a pulled example afresh in reading order: one new span first renumbers all.
    added = Entity("T1", "ORG", 0, 9, "Hezbollah")
    renumbered = {e.id: f"T{i + 2}" for i, e in enumerate(old.entities)}
    new = replace(
        old,
        entities=(added, *(replace(e, id=renumbered[e.id]) for e in old.entities if e.id != "T1")),
        relations=tuple(
            replace(r, id=f"R{9 - i}", head=renumbered[r.head], tail=renumbered[r.tail])
            for i, r in enumerate(old.relations)
            if r.head != "T1" and r.tail != "T1"
        ),
    )
    carried = carry_ids(old, new)
    old_lines, new_lines = dumps_gold(old).splitlines(), dumps_gold(carried).splitlines()
    assert {e.id for e in carried.entities} == {e.id for e in old.entities}  # T1's span came back as T1
    assert [r.id for r in carried.relations] == ["R2", "R3"]
    # The only lines that differ are the one relation that joined the old T1 (removed).
    assert sorted(set(old_lines) ^ set(new_lines)) == [next(line for line in old_lines if '"R1"' in line)]
