"""The rules' entities on names no gazetteer holds, found by how news writes them: outlets cited as
sources, a state's armed bodies after a nationality, traditional rulers and their areas, people
named with their age.

Every sentence and name here is invented for the tests (none is taken from an article); each
construction is probed where it must fire and where it must not.
"""

from __future__ import annotations

import pytest
from conftest import predict_text


@pytest.fixture(scope="module")
def system(rules_system):
    return rules_system


def ents_of(system, text):
    return {(e.text, e.label) for e in predict_text(system, text).entities}


def labelled(system, text, name):
    """The labels the system gives to the exact span ``name``."""
    return {label for span, label in ents_of(system, text) if span == name}


# -- outlets named where news cites its sources (guidelines §1: news agencies are ORG) ------------


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # After a citing phrase, closed by punctuation.
        ("The convoy was ambushed near Tarsk, according to Ostrava Times Online.", "Ostrava Times Online"),
        ("The figure, cited by Tarsa24, could not be verified.", "Tarsa24"),
        ("The statement, relayed by Borvo, the state news agency, said three died.", "Borvo"),
        ("A source quoted by the agency Kelnet said the town fell.", "Kelnet"),
        ("Ten were hurt in the blast, according to Dorvo.Info.", "Dorvo.Info"),
        # An outlet named with a country: the place inside gives way ("Sudan" is in the gazetteer).
        ("Shelling went on all night, according to Radar Sudan.", "Radar Sudan"),
        ("Two soldiers died, according to eVesna Kenya.", "eVesna Kenya"),
        # The subject of "reported" at a clause's start.
        ("The toll rose to 40, Halvor Online reported, citing hospital staff.", "Halvor Online"),
        ("Officials denied it, and The Kelmar Ledger reported that nine had died.", "Kelmar Ledger"),
        ("His proposal, Tamsinews reported, was that both sides withdraw.", "Tamsinews"),
        # A name before an apposed kind of outlet.
        ("Vesna24, a regional outlet, said the camp burned.", "Vesna24"),
        ("Halvorpost, a weekly, put the toll at 12.", "Halvorpost"),
    ],
)
def test_cited_outlets_are_organisations(system, text, outlet):
    assert labelled(system, text, outlet) == {"ORG"}


def test_a_place_inside_an_outlets_name_is_no_place_of_its_own(system):
    ents = ents_of(system, "Shelling went on all night, according to Radar Sudan.")
    assert ("Sudan", "GPE") not in ents


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # A person cited, or a surname alone after a cue people share with outlets.
        ("According to Ruiz, the rebels withdrew.", "Ruiz"),
        ("Five people died, Ana Ruiz reported.", "Ana Ruiz"),
        # An owner before its body, a day before its report.
        ("According to Dorvo's interior ministry, four police died.", "Dorvo"),
        ("According to Monday's report, four police died.", "Monday"),
        # A sentence's plain opening word is no outlet; nor a word of an upper-case headline.
        ("Witnesses reported heavy gunfire in the night.", "Witnesses"),
        ("Police reported two arrests on Sunday.", "Police"),
        ("MIDNIGHT RAID ON TARSK, KELMAR NEWS REPORTED", "KELMAR NEWS"),
        # A speaker's tag, and a person described by the work he does.
        ("Borvo, the agency said, was calm on Monday.", "Borvo"),
        ("Ruiz, a newspaper editor, was detained.", "Ruiz"),
        ("However, a local outlet said fighting resumed.", "However"),
    ],
)
def test_no_outlet_where_none_is_cited(system, text, name):
    assert "ORG" not in labelled(system, text, name)


# -- a state's armed bodies after a nationality (guidelines §2: "Israeli forces" is ORG) -----------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Russian air defences shot down a drone over the port.", "Russian air defences"),
        ("Iranian border forces fired across the river at dawn.", "Iranian border forces"),
        ("The protesters were beaten by Kenyan riot police.", "Kenyan riot police"),
        ("Abuses by Russian law enforcement were reported.", "Russian law enforcement"),
    ],
)
def test_armed_bodies_after_a_nationality(system, text, body):
    assert labelled(system, text, body) == {"ORG"}


def test_a_nationality_modifying_officers_stays_a_nationality(system):
    ents = ents_of(system, "Two Russian law enforcement officers were hurt.")
    assert ("Russian", "NORP") in ents
    assert not any(label == "ORG" for _, label in ents)


# -- traditional rulers (guidelines §2 local titles; §3 a ruler named with his area) ---------------


@pytest.mark.parametrize(
    ("text", "area", "person"),
    [
        ("The Dorvo Naaba Kwesi Ampong Adu received the delegation.", "Dorvo", "Kwesi Ampong Adu"),
        ("The Paramount Chief of Yendor, Naa Dawuni Sulemana, spoke first.", "Yendor", "Dawuni Sulemana"),
        ("Elders asked that Kofi Baba be recognised as Tamsi Naba.", "Tamsi", None),
        ("The crowd cheered when the Sultan of Varesh, Musa Tanko, arrived.", "Varesh", "Musa Tanko"),
    ],
)
def test_a_rulers_area_is_a_place_and_his_title_stays_outside_his_name(system, text, area, person):
    ents = ents_of(system, text)
    assert (area, "GPE") in ents
    if person is not None:
        assert (person, "PERSON") in ents
        assert not any(label == "PERSON" and person in span and span != person for span, label in ents)


def test_a_title_apposed_to_a_persons_name_is_no_body(system):
    text = "The Ardhene, Otumfuo Kwame Adu Boakye III, met both sides. Later the Ardhene told reporters he was hopeful."
    ents = ents_of(system, text)
    assert ("Kwame Adu Boakye III", "PERSON") in ents
    assert not any(span == "Ardhene" for span, _ in ents)


def test_a_body_that_speaks_is_still_a_body(system):
    assert labelled(system, "The Presidency said the talks would resume.", "Presidency") == {"ORG"}


# -- people named with their age -------------------------------------------------------------------


def test_an_age_closing_a_list_of_victims_marks_the_last_name(system):
    ents = ents_of(system, "Police named the dead as Ana Ruiz, 34, and Tomas Velko, 29.")
    assert {("Ana Ruiz", "PERSON"), ("Tomas Velko", "PERSON")} <= ents


def test_a_tally_by_place_is_no_list_of_ages(system):
    ents = ents_of(system, "Deaths by county: Kelmar, 12; Dorvo, 7.")
    assert not any(label == "PERSON" for _, label in ents)


# -- first-level divisions of conflict states in the gazetteer -------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen attacked a church in Dagestan on Sunday.", "Dagestan"),
        ("Protesters marched in Kisumu and Kajiado.", "Kisumu"),
        ("Guards clashed with smugglers in Sistan and Baluchestan province.", "Sistan and Baluchestan"),
        ("The border post in Khatlon came under fire.", "Khatlon"),
    ],
)
def test_divisions_of_conflict_states(system, text, place):
    assert labelled(system, text, place) == {"GPE"}


# -- a body's "for the X region": the area served is a place ---------------------------------------


@pytest.mark.parametrize(
    ("text", "body", "place"),
    [
        ("The Security Committee for the Dorvo region said six were held.", "Security Committee", "Dorvo"),
        ("The Land Rights Commission of Tarsk district opened an inquiry.", "Land Rights Commission", "Tarsk"),
    ],
)
def test_the_area_a_body_serves_is_no_part_of_its_name(system, text, body, place):
    ents = ents_of(system, text)
    assert {(body, "ORG"), (place, "GPE")} <= ents


def test_a_body_named_for_a_place_without_designator_keeps_it(system):
    ents = ents_of(system, "The Border Commission of Kelmar said the post was shut.")
    assert not any(span == "Border Commission" for span, _ in ents)


# -- a state's self-styled name (guidelines §2) ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('The spokesman said the "Islamic Emirate" would guard the border.', "Islamic Emirate"),
        ("The protests shook the Islamic Republic for months.", "Islamic Republic"),
    ],
)
def test_a_states_self_styled_name_is_a_gpe(system, text, name):
    assert labelled(system, text, name) == {"GPE"}


# -- nationality adjectives made from a place the gazetteer holds ----------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Gunmen struck police posts in two Dagestani towns.", "Dagestani"),
        ("The minister called the Guyanese account false.", "Guyanese"),
        ("A Trinidadian fishing group sued the state.", "Trinidadian"),
    ],
)
def test_derived_nationality_adjectives(system, text, word):
    assert labelled(system, text, word) == {"NORP"}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # A nisba surname: after a given name, before a verb, or before "family".
        ("Officials said Ahmad Tehrani was held.", "Tehrani"),
        ("Soldiers searched the Kermani family home.", "Kermani"),
        ("Dagestani officials declined to comment.", "Dagestani"),
    ],
)
def test_no_nationality_from_a_surname_or_a_sentence_opening(system, text, word):
    assert "NORP" not in labelled(system, text, word)


# -- a body's national branch or language service --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "branch"),
    [
        ("The head of Amnesty International Kenya said police fired first.", "Amnesty International Kenya"),
        ("BBC Burmese and two other outlets put the toll at 100.", "BBC Burmese"),
        ("Congolese Red Cross teams collected the bodies.", "Congolese Red Cross"),
        ("Police raided the offices of Sputnik Georgia on Friday.", "Sputnik Georgia"),
    ],
)
def test_a_national_branch_is_one_organisation(system, text, branch):
    ents = ents_of(system, text)
    assert (branch, "ORG") in ents
    assert not any(label in ("GPE", "NORP") and span in branch for span, label in ents)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A country after a body in a clause of its own, a longer service name.
        ("The Red Cross said Kenya had agreed.", ("Kenya", "GPE")),
        ("Amnesty International said Kenyan police fired first.", ("Amnesty International", "ORG")),
        ("The BBC Persian Service said the strike hit a school.", ("BBC Persian Service", "ORG")),
    ],
)
def test_no_branch_across_a_clause_or_inside_a_longer_name(system, text, kept):
    assert kept in ents_of(system, text)


# -- a nationality or country word that is a first name --------------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Christian Dorsa, the movement's leader, was flown to the capital.", "Christian Dorsa"),
        ("Defence Minister Chad Kovar said the strikes would go on.", "Chad Kovar"),
        ("Jordan Velic, the party leader, said the vote was rigged.", "Jordan Velic"),
    ],
)
def test_a_place_word_opening_a_persons_name(system, text, person):
    assert labelled(system, text, person) == {"PERSON"}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Christian Democrats said they would vote against the bill.", ("Christian", "NORP")),
        ("Christian Aid said the camps were full.", ("Christian Aid", "ORG")),
        ("Israel said the strikes would go on.", ("Israel", "GPE")),
        ("Christian militias burned the market.", ("Christian", "NORP")),
    ],
)
def test_a_place_word_before_no_surname_stays_a_place(system, text, kept):
    ents = ents_of(system, text)
    assert kept in ents
    assert not any(label == "PERSON" for _, label in ents)


def test_a_place_after_a_preposition_is_no_nationality(system):
    assert labelled(system, "Gunmen attacked farmers near Zabuli on Sunday.", "Zabuli") == {"GPE"}


def test_a_gang_named_with_a_number_is_no_figure(system):
    ann = predict_text(system, "Barrio 18 inmates overpowered the guards at the Tamsi jail.")
    assert ("Barrio 18", "ORG") in {(e.text, e.label) for e in ann.entities}
    assert not any(e.label == "FIGURE" for e in ann.entities)


# -- an outlet's service in a language names a language, no nationality (guidelines §2.3) ---------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Radio Dorn's Tajik service identified the dead.", "Tajik"),
        ("The BBC's Persian service said 12 had died.", "Persian"),
    ],
)
def test_a_language_service_is_no_nationality(system, text, word):
    assert "NORP" not in labelled(system, text, word)


def test_a_community_after_a_possessive_keeps_its_nationality(system):
    assert labelled(system, "Kenya's Somali minority voted on Sunday.", "Somali") == {"NORP"}


# -- kin named after a possessive take one-word names ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Police held him after his sons Temir and Bakar were shot.", {"Temir", "Bakar"}),
        ("Her daughters Amina, Safia and Hawa were abducted from the farm.", {"Amina", "Safia", "Hawa"}),
    ],
)
def test_kin_listed_after_a_possessive_are_people(system, text, people):
    ents = ents_of(system, text)
    assert {(p, "PERSON") for p in people} <= ents


def test_kin_without_a_possessive_take_no_one_word_names(system):
    ents = ents_of(system, "The sons Temir and Bakar were shot.")
    assert ("Temir", "PERSON") not in ents


def test_an_outlet_opening_a_line_after_a_heading(system):
    text = "The curfew held.\n\nTalks\nKelmar Online reported that the meeting lasted five hours."
    assert labelled(system, text, "Kelmar Online") == {"ORG"}


def test_a_plain_word_opening_a_line_after_a_heading_is_no_outlet(system):
    text = "The curfew held.\n\nUpdate\nWitnesses reported that the shooting lasted an hour."
    assert "ORG" not in labelled(system, text, "Witnesses")


# -- royal, judicial and church titles stay outside the name (guidelines §2) -----------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Crown Prince Faisal bin Tarek met the envoy in Tarsk.", "Faisal bin Tarek"),
        ("The summit and Prince Aldo's charity drew crowds.", "Aldo"),
        ("First Lady Amina Dorsa visited the camp.", "Amina Dorsa"),
        ("A ruling by Justice Bahati Okoro barred the raids.", "Bahati Okoro"),
        ("Monsignor Anatole Kira urged the mourners to forgive.", "Anatole Kira"),
        ("Chargé d'Affaires Tim Velko flew to Tarsk.", "Tim Velko"),
    ],
)
def test_titles_stay_outside_the_name(system, text, person):
    ents = ents_of(system, text)
    assert (person, "PERSON") in ents
    assert not any(label == "PERSON" and span != person and person in span for span, label in ents)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Jets flew from Prince Dorsa Air Base on Monday.", "Prince Dorsa Air Base"),
        ("The wounded were taken to the Sheikh Velko Hospital in Tarsk.", "Sheikh Velko Hospital"),
    ],
)
def test_a_title_opening_a_places_name_makes_no_person(system, text, place):
    ents = ents_of(system, text)
    assert (place, "LOC") in ents
    assert not any(label == "PERSON" for _, label in ents)


def test_a_judicial_title_before_a_body_makes_no_person(system):
    ents = ents_of(system, "The Justice Ministry said four prisoners died.")
    assert not any(label == "PERSON" for _, label in ents)


def test_one_plain_word_reporting_an_object_may_be_a_place(system):
    assert "ORG" not in labelled(system, "In March, Tarsa reported its first attack.", "Tarsa")


def test_a_broadcasters_regional_service_is_one_organisation(system):
    assert labelled(system, "BBC Africa reported the attack on Monday.", "BBC Africa") == {"ORG"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Protesters blocked Pope Leo Street on Monday.", "Leo Street"),
        ("Gen. Ana Hill said the army was ready.", None),
    ],
)
def test_a_facility_head_closing_a_titled_name(system, text, person):
    ents = ents_of(system, text)
    if person is None:
        assert ("Ana Hill", "PERSON") in ents  # a natural word is a surname too
    else:
        assert (person, "PERSON") not in ents


# -- legal offices named by what they do (guidelines §2.3: "health ministry" is ORG) ---------------


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Ana Velko of the public prosecutor's office told reporters 46 had died.", "public prosecutor's office"),
        ("Tarsk's state public defender's office now puts the dead at 90.", "state public defender's office"),
        ("The attorney general's office in Dorvo opened a case.", "attorney general's office"),
    ],
)
def test_legal_offices_are_organisations(system, text, body):
    assert labelled(system, text, body) == {"ORG"}


def test_a_bare_prosecutors_office_is_no_named_body(system):
    ents = ents_of(system, "Later the prosecutor's office gave a count of seven.")
    assert not any(label == "ORG" for _, label in ents)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Dorko, a 32-year-old native of Velkani, trained as a boxer.", "Velkani"),
        ("A resident of Kora Town said four people died.", "Kora Town"),
    ],
)
def test_a_place_after_native_or_resident_of(system, text, place):
    assert labelled(system, text, place) == {"GPE"}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("The Tarsa Ledger puts the toll at 30.", "Tarsa Ledger"),
        ("Officials disagreed; the Kelmar Star said 12 had died.", "Kelmar Star"),
    ],
)
def test_a_named_source_after_the_with_a_sources_verb(system, text, outlet):
    assert labelled(system, text, outlet) == {"ORG"}


def test_a_title_after_the_is_no_source(system):
    ents = ents_of(system, "The Kelmari Defence Minister said four soldiers died.")
    assert not any(label == "ORG" for _, label in ents)


@pytest.mark.parametrize(
    "text",
    [
        "According to the Geneva Conventions, civilians must be spared.",
        "The camps are unlawful, according to the Tarsa Peace Accord.",
    ],
)
def test_a_cited_text_is_no_outlet(system, text):
    ents = ents_of(system, text)
    assert not any(label == "ORG" for _, label in ents)


# -- a town's police is named by a place, never by a count ------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed two police and a soldier in Tarsk on Monday.",
        "The blast wounded three police near the Velmora checkpoint.",
    ],
)
def test_a_count_before_police_is_no_town_force(system, text):
    assert not any(label == "ORG" and "police" in span for span, label in ents_of(system, text))


def test_a_town_named_before_police_is_still_its_force(system):
    assert "ORG" in labelled(system, "Gunmen shot a Korvan police officer on Monday.", "Korvan police")


# -- review probes: names that must not be made from places, facilities or verbs -------------------


def test_a_port_citys_name_before_a_facility_is_no_person(system):
    # 'Aden' is no first name to the people finder: one person could not justify it.
    ents = ents_of(system, "Fighters in Aden Mall said the guards had fled.")
    assert not any(label == "PERSON" for _, label in ents)


@pytest.mark.parametrize(
    "text",
    [
        "Fighters of Jama'at Nusrat al-Islam wal-Muslimin ambushed the convoy.",
        "Fighters of Jama’at Nusrat al-Islam wal-Muslimin ambushed the convoy.",
    ],
)
def test_a_gazetteer_name_matches_with_either_apostrophe(system, text):
    assert labelled(system, text, text[12 : text.index(" ambushed")]) == {"ORG"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Kessa District reported four deaths on Monday.", "Kessa District"),
        ("Morvan Valley reported no new cases.", "Morvan Valley"),
        ("Upper Tarsa reported two deaths overnight.", "Upper Tarsa"),
        ("The Dorvo Valley counted 12 dead after the storm.", "Dorvo Valley"),
        ("The Velmor Islands said the ferry sank.", "Velmor Islands"),
        ("The Dorvo Strip told the envoy it had no fuel.", "Dorvo Strip"),
    ],
)
def test_a_place_reporting_is_no_outlet(system, text, place):
    assert "ORG" not in labelled(system, text, place)


def test_a_compass_word_opening_a_reporting_subject_keeps_a_place(system):
    assert "ORG" not in labelled(system, "Fighting ended, and Upper Tarsa reported calm.", "Upper Tarsa")


def test_a_cleric_reporting_is_no_outlet(system):
    ents = ents_of(system, "The Reverend Ivo Darn said the church was burned.")
    assert not any(label == "ORG" for _, label in ents)


def test_a_rulers_title_before_a_facility_word_makes_no_person(system):
    ents = ents_of(system, "The Naa Gate area was cordoned off on Sunday.")
    assert not any(label == "PERSON" for _, label in ents)


def test_an_outlet_before_a_place_and_its_verb_is_no_branch(system):
    ents = ents_of(system, "A spokesman told Al Jazeera Gaza was under heavy bombardment.")
    assert ("Al Jazeera Gaza", "ORG") not in ents
    assert ("Al Jazeera", "ORG") in ents


def test_a_kin_list_ending_in_a_place_takes_no_names(system):
    ents = ents_of(system, "His brothers Kelmar and Tarsa Province were also hit.")
    assert ("Kelmar", "PERSON") not in ents
