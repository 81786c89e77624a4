"""System discovery (entry points, module:attribute), the spaCy system, and the shipped systems end to end."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import REPO

from bench.cli.main import main
from bench.formats.corpus import Document

THIRD_PARTY = '''
from bench.core.annotation import Annotation, Entity

class CapitalisedOrgs:
    """Calls every run of the word 'Hamas' an ORG."""
    description = "third-party test system"
    sections = frozenset({"entities"})

    def __init__(self, **config):
        pass

    def predict(self, docs):
        for doc in docs:
            ents, start, n = [], doc.text.find("Hamas"), 0
            while start != -1:
                n += 1
                ents.append(Entity(f"X{n}", "ORG", start, start + 5, "Hamas"))
                start = doc.text.find("Hamas", start + 5)
            yield Annotation(doc.doc_id, tuple(ents))

class Broken:
    description = "needs a module that is not installed"
    sections = frozenset({"entities"})
    requires = ("no_such_module_anywhere",)
'''


@pytest.fixture
def plugin_path(tmp_path: Path) -> Path:
    """A third-party package that registers systems through an entry point, without touching this repo."""
    site = tmp_path / "site"
    (site / "thirdparty_bench").mkdir(parents=True)
    (site / "thirdparty_bench" / "__init__.py").write_text(textwrap.dedent(THIRD_PARTY), encoding="utf-8")
    dist = site / "thirdparty_bench-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: thirdparty-bench\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        "[bench.systems]\nhamas_finder = thirdparty_bench:CapitalisedOrgs\nbroken = thirdparty_bench:Broken\n",
        encoding="utf-8",
    )
    return site


def bench(*args: str, pythonpath: Path | None = None) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(pythonpath) if pythonpath else ""}
    return subprocess.run(
        [sys.executable, "-m", "bench", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )


def test_third_party_entry_point_is_listed_and_scored(plugin_path, seed_dirs):
    seed = ["--articles", str(seed_dirs[0]), "--gold", str(seed_dirs[1])]
    listing = bench("systems", pythonpath=plugin_path)
    assert listing.returncode == 0, listing.stderr
    lines = {line.split()[0]: line for line in listing.stdout.splitlines() if line.strip()}
    assert "hamas_finder" in lines and "third-party test system" in lines["hamas_finder"]
    assert "unavailable: missing dependency: no_such_module_anywhere" in lines["broken"]
    scored = bench("score", "--system", "hamas_finder", "--format", "json", *seed, pythonpath=plugin_path)
    assert scored.returncode == 0, scored.stderr
    result = json.loads(scored.stdout)
    org = result["sections"]["entities"]["labels"]["ORG"]
    assert org["correct"] == 7 and org["spurious"] == 0  # "Hamas" is an ORG every time in the seed gold
    assert result["sections"]["relations_mention"] == {"status": "absent"}
    broken = bench("score", "--system", "broken", pythonpath=plugin_path)
    assert broken.returncode == 2 and "cannot run here: missing dependency" in broken.stderr


def test_module_attribute_names_a_system_ad_hoc(plugin_path):
    res = bench("score", "--system", "thirdparty_bench:CapitalisedOrgs", "--format", "json", pythonpath=plugin_path)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["system"] == "thirdparty_bench:CapitalisedOrgs"


def test_shipped_systems_all_run_on_the_corpus(capsys):
    for name in ("rules", "spacy", "gold", "empty", "gazetteer"):
        assert main(["score", "--system", name, "--format", "json"]) == 0
        result = json.loads(capsys.readouterr().out)
        micro = result["sections"]["entities"]["micro"]
        if name == "gold":
            assert micro["f1"] == 1.0
        elif name == "empty":
            assert micro["recall"] == 0.0
        else:
            assert 0.0 < micro["f1"] <= 1.0


def test_spacy_system_maps_labels_and_reads_figures_from_the_parse():
    from systems.statistical import SpacySystem

    system = SpacySystem()
    text = (
        "Officials in Kabul said 14 people were killed and the Taliban arrested 3 journalists on Tuesday. "
        "The bridge is 40 metres long."
    )
    ann = next(system.predict([Document("t", "2024-01-01", text)]))
    labels = {e.label for e in ann.entities}
    assert labels <= {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "DATE", "FIGURE"}
    figures = {(e.text, e.value, e.category) for e in ann.entities if e.label == "FIGURE"}
    assert ("14", 14, "killed") in figures
    assert not any(text == "40" for text, _, _ in figures)  # a measurement, no casualty cue
    # Relations come from the parse (systems/statistical_relations.py): "said" reaches the figures it reports.
    by_id = {e.id: e for e in ann.entities}
    assert all(r.head in by_id and r.tail in by_id for r in ann.relations)
    assert ("14", "REPORTED_BY") in {(by_id[r.head].text, r.type) for r in ann.relations}


def test_compare_rules_spacy_on_the_test_split(capsys):
    assert main(["compare", "rules", "spacy", "--trials", "200", "--split", "test"]) == 0
    out = capsys.readouterr().out
    assert "F1 rules" in out and "F1 spacy" in out and "absent" in out and "split: test" in out
    assert "too few documents" not in out
