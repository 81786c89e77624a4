"""The prediction cache: a hit needs no run and gives the same scores; any change of code, data or articles misses."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest

from bench.cli.main import main

SYSTEM = """
import json
from pathlib import Path

from bench.core.annotation import Annotation, Entity

# The log lives outside the package: a file in it would change the cache key.
RUNS = Path(__file__).parents[2] / "runs.log"


class Finder:
    description = "finds the names listed in its data file"
    sections = frozenset({"entities"})

    def __init__(self, **_):
        self.names = json.loads(Path(__file__).with_name("names.json").read_text())

    def predict(self, docs):
        with RUNS.open("a") as log:
            log.write("run\\n")
        for doc in docs:
            ents = []
            for name in self.names:
                at = doc.text.find(name)
                if at >= 0:
                    ents.append(Entity(f"E{len(ents)}", "ORG", at, at + len(name), name))
            yield Annotation(doc.doc_id, tuple(ents))
"""


@pytest.fixture
def finder(tmp_path, monkeypatch):
    package = tmp_path / "plugin" / "cachedfinder"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(SYSTEM))
    (package / "names.json").write_text(json.dumps(["Hezbollah"]))
    monkeypatch.syspath_prepend(str(tmp_path / "plugin"))
    yield package
    sys.modules.pop("cachedfinder", None)


def runs(package) -> int:
    log = package.parents[1] / "runs.log"
    return len(log.read_text().splitlines()) if log.exists() else 0


def score(capsys, toy, *extra) -> dict:
    argv = [
        "score",
        "--system",
        "cachedfinder:Finder",
        "--format",
        "json",
        "--articles",
        str(toy["articles"]),
        "--gold",
        str(toy["gold"]),
        *extra,
    ]
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_a_hit_skips_the_run_and_scores_the_same(finder, toy, capsys):
    first = score(capsys, toy)
    assert runs(finder) == 1
    again = score(capsys, toy)
    assert runs(finder) == 1 and again == first
    assert score(capsys, toy, "--no-cache") == first and runs(finder) == 2


def test_a_changed_data_file_or_article_misses(finder, toy, capsys):
    first = score(capsys, toy)
    (finder / "names.json").write_text(json.dumps(["Hezbollah", "Hamas"]))
    changed = score(capsys, toy)
    assert runs(finder) == 2
    org = lambda r: r["sections"]["entities"]["labels"]["ORG"]["correct"]
    assert org(changed) == org(first) + 1
    from conftest import write_article, write_gold, write_index

    write_gold(toy["gold"], write_article(toy["articles"], "other", "Hezbollah said nothing."), [])
    write_index(toy["gold"], [("toy", "dev", "t"), ("other", "dev", "t")])
    score(capsys, toy)
    assert runs(finder) == 3  # a new article: the cached run does not cover it
