"""The rules' name finders on how news introduces names no gazetteer holds: capitalised
designators, second mentions, nicknames, speakers, appositions.

Every sentence and name here is invented for the tests (none is taken from an article).
"""

from __future__ import annotations

import pytest

from bench.formats.corpus import Document
from systems.rules import RulesSystem


@pytest.fixture(scope="module")
def system() -> RulesSystem:
    return RulesSystem()


def run(system, text):
    ann = next(system.predict([Document("t", "2024-01-01", text)]))
    for e in ann.entities:
        assert text[e.start : e.end] == e.text  # offsets are str indices into the body
    ents = {(e.text, e.label) for e in ann.entities}
    refs = {(e.start, e.text): e.ref for e in ann.entities}
    return ents, refs


def ents_of(system, text):
    return run(system, text)[0]


@pytest.mark.parametrize(
    ("text", "place", "not_place"),
    [
        ("Herders fled across Dumbara State last week.", ("Dumbara State", "GPE"), ("Dumbara", "GPE")),
        ("Gunmen raided farms in Kerewa Local Government Area.", ("Kerewa Local Government Area", "GPE"), None),
        ("Vaccination teams returned to Kerewa LGA.", ("Kerewa LGA", "GPE"), None),
        ("The militia holds parts of Tamor Region.", ("Tamor Region", "GPE"), None),
        # A place the gazetteer knows joins its designator.
        ("Aid reached Upper Nile State on Friday.", ("Upper Nile State", "GPE"), ("Upper Nile", "GPE")),
        # The designator opens an institution's name: no place.
        ("The Dumbara State Government closed the schools.", None, ("Dumbara State", "GPE")),
        # A group's branch named after a region is no place.
        ("The Islamic State West Africa Province claimed it.", None, ("West Africa Province", "GPE")),
        # "State" after a word that is no name.
        ("The Secretary of State arrived.", None, ("Secretary of State", "GPE")),
    ],
)
def test_a_capitalised_designator_closes_a_place_name(system, text, place, not_place):
    ents = ents_of(system, text)
    if place:
        assert place in ents, ents
    if not_place:
        assert not_place not in ents, ents


def test_a_place_found_by_context_is_a_place_at_every_use(system):
    text = (
        "Rebels shelled positions near Korvani on Monday. Korvani residents said the market burned. "
        "Korvani, a trading town, has changed hands twice."
    )
    ents, refs = run(system, text)
    places = [k for k in refs if k[1] == "Korvani"]
    assert len(places) == 3, ents
    assert ("Korvani", "GPE") in ents


@pytest.mark.parametrize(
    "text",
    [
        # Inside a longer capitalised name, before a number, or in a compound, it is no use of the place.
        "Troops massed near Korvani. The Korvani Accord was signed later.",
        "Troops massed near Korvani. The deputy for Korvani 2 spoke.",
        "Troops massed near Korvani. Pro-Korvani fighters left.",
    ],
)
def test_a_repeated_place_stops_at_a_longer_name(system, text):
    ann = next(system.predict([Document("t", "2024-01-01", text)]))
    found = [e for e in ann.entities if e.text == "Korvani"]
    assert len(found) == 1, ann.entities
