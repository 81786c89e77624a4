"""`bench predict --jobs N`: the same predictions, in the same order, from N processes."""

from __future__ import annotations

import os

import pytest
from conftest import REPO, write_article, write_gold, write_index

from bench.cli.main import main
from bench.evaluation.systems import chunks
from bench.formats.corpus import Document
from bench.formats.metadata import read_index


class FailsOnBoom:
    description = "raises on a document that says BOOM; dies outright on one that says DIE"
    sections = frozenset({"entities"})

    def __init__(self, **_):
        pass

    def predict(self, docs):
        from bench.core.annotation import Annotation

        for doc in docs:
            if "BOOM" in doc.text:
                raise RuntimeError("boom")
            if "DIE" in doc.text:
                os._exit(7)  # a segfault-like death: no exception ever reaches the parent
            yield Annotation(doc.doc_id)


def small_corpus(tmp_path, bodies):
    arts, gold = tmp_path / "a", tmp_path / "g"
    for i, body in enumerate(bodies):
        write_gold(gold, write_article(arts, f"d{i}", body), [])
    write_index(gold, [(f"d{i}", "dev", "t") for i in range(len(bodies))])
    return ["--articles", str(arts), "--gold", str(gold)]


def test_two_jobs_write_the_same_file_as_one(tmp_path, capsys):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["predict", "--system", "rules", "--split", "dev", "--out", str(one)]) == 0
    assert main(["predict", "--system", "rules", "--split", "dev", "--out", str(two), "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    index, _ = read_index(REPO / "gold" / "index.jsonl")
    assert len(one.read_text(encoding="utf-8").splitlines()) == sum(m.split == "dev" for m in index.values())


def test_a_crash_in_a_worker_names_the_document_and_exits_3(tmp_path, capsys):
    where = small_corpus(tmp_path, ["Calm.", "Calm.", "Calm.", "It went BOOM.", "Calm.", "Calm."])
    out = tmp_path / "p.jsonl"
    code = main(["predict", "--system", "test_parallel:FailsOnBoom", "--out", str(out), "--jobs", "2", *where])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 3 and len(err) == 1 and "crashed on d3: RuntimeError: boom" in err[0]
    assert not out.exists()


def test_a_worker_that_dies_is_a_crash_not_a_hang(tmp_path, capsys):
    where = small_corpus(tmp_path, ["Calm.", "Calm.", "They DIE here.", "Calm."])
    out = tmp_path / "p.jsonl"
    code = main(["predict", "--system", "test_parallel:FailsOnBoom", "--out", str(out), "--jobs", "2", *where])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 3 and len(err) == 1 and "worker process died" in err[0]
    assert not out.exists()


def test_jobs_is_bounded(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_:
        main(["predict", "--system", "empty", "--out", str(tmp_path / "p.jsonl"), "--jobs", "0"])
    assert exit_.value.code == 2 and "--jobs: '0' must be from 1 to 64" in capsys.readouterr().err


def test_chunks_are_consecutive_and_cover_every_document():
    docs = [Document(f"d{i}", None, "x" * (1 + (i * 37) % 500)) for i in range(101)]
    for parts in (1, 2, 3, 8, 200):
        got = chunks(docs, parts)
        assert [d for c in got for d in c] == docs
        assert len(got) <= min(parts, len(docs)) and all(got)
    assert chunks([], 4) == []
