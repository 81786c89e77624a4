"""`hybrid`: the rules' names, figures and relations on en_core_web_sm's names and parse.

Every sentence here is written for the tests.
"""

from __future__ import annotations

import json

import pytest

from bench.formats.corpus import Document
from systems.hybrid import HybridSystem, load_dependency_patterns


@pytest.fixture(scope="module")
def system() -> HybridSystem:
    return HybridSystem()


def run(system: HybridSystem, text: str):
    ann = next(iter(system.predict([Document("t", "2024-01-01", text)])))
    by_id = {e.id: e for e in ann.entities}
    for e in ann.entities:
        assert text[e.start : e.end] == e.text and e.rule
    ents = {(e.text, e.label): e.rule for e in ann.entities}
    rels = {(r.type, by_id[r.head].text, by_id[r.tail].text): r.rule for r in ann.relations}
    assert all(rels.values())
    return ents, rels


@pytest.mark.parametrize(
    ("text", "relation", "rule"),
    [
        # The rules' trigger finder reads no passive "attacked by"; the parse does.
        (
            "Israel was attacked by Hezbollah on Sunday.",
            ("IN_CONFLICT_WITH", "Hezbollah", "Israel"),
            "dependency.conflict.passive-agent",
        ),
        # "it" stands for the subject of the reporting verb that governs its clause.
        (
            "Hezbollah said that overnight it had successfully attacked Israel.",
            ("IN_CONFLICT_WITH", "Hezbollah", "Israel"),
            "dependency.conflict.subject-verb-object",
        ),
        # A ceasefire agreed by coordinated parties states their conflict (guidelines §2.5).
        (
            "Pakistan and Afghanistan, after days of talks, agreed to a ceasefire.",
            ("IN_CONFLICT_WITH", "Pakistan", "Afghanistan"),
            "dependency.conflict.coordinated-parties-truce",
        ),
        (
            "The Taliban were secretly backed by Pakistan, according to the report.",
            ("ALLIED_WITH", "Pakistan", "Taliban"),
            "dependency.alliance.passive-agent",
        ),
    ],
)
def test_verb_mediated_relations_come_from_the_dependency_patterns(system, text, relation, rule):
    _, rels = run(system, text)
    assert rels.get(relation) == rule, rels


def test_a_relative_clause_between_the_people_does_not_hide_a_meeting(system):
    _, rels = run(system, "Colonel Ibrahim Traoré, who leads the junta, met Vladimir Putin in Moscow on Thursday.")
    assert rels.get(("MET_WITH", "Ibrahim Traoré", "Vladimir Putin")) == "dependency.meet.subject-verb-object"


def test_names_the_gazetteer_lacks_come_from_the_statistical_model(system):
    ents, _ = run(system, "Colonel Ibrahim Traoré, who leads the junta, met Vladimir Putin in Moscow on Thursday.")
    assert ents[("Moscow", "GPE")] == "gazetteer.GPE"
    assert ents[("Vladimir Putin", "PERSON")] == "statistical.PERSON"
    assert ents[("Thursday", "DATE")] == "statistical.DATE"


def test_a_wider_statistical_name_wins_over_the_list_entry_inside_it(system):
    ents, rels = run(system, "The Lebanese health ministry said 12 people were killed in Tyre.")
    assert ents.get(("Lebanese health ministry", "ORG")) == "statistical.ORG"
    assert ("health ministry", "ORG") not in ents
    assert ("REPORTED_BY", "12", "Lebanese health ministry") in rels
    assert rels[("LOCATED_IN", "12", "Tyre")] == "relations.place_preps"


def test_pattern_files_are_checked(tmp_path):
    raw = json.loads((load_dependency_patterns.__globals__["DATA"] / "dependency_patterns.json").read_text())
    raw["patterns"][0]["type"] = "FRIENDS_WITH"
    bad = tmp_path / "p.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ValueError, match="unknown relation type 'FRIENDS_WITH'"):
        load_dependency_patterns(bad)
    from spacy.matcher import DependencyMatcher
    from spacy.vocab import Vocab

    matcher = DependencyMatcher(Vocab(), validate=True)
    for entry in load_dependency_patterns():  # spaCy's own schema accepts every shipped pattern
        matcher.add(entry["id"], [entry["pattern"]])
