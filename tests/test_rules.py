"""The rules system on short sentences written for these tests (none is taken from an article).

Each pattern family has positive cases and negative ones it must not fire on.
"""

from __future__ import annotations

import pytest
from conftest import predict_text, relation_texts

from bench.formats.corpus import Document


@pytest.fixture(scope="module")
def system(rules_system):
    return rules_system


def run(system, text):
    ann = predict_text(system, text)
    ents = {(e.text, e.label) for e in ann.entities}
    figs = {(e.text, e.value, e.qualifier, e.category) for e in ann.entities if e.label == "FIGURE"}
    refs = {e.text: e.ref for e in ann.entities if e.ref}
    return ents, figs, relation_texts(ann), refs


def assert_entities(system, text, present, absent):
    """``present`` (text, label) is predicted and ``absent`` is not; either may be None."""
    ents, *_ = run(system, text)
    if present:
        assert present in ents, ents
    if absent:
        assert absent not in ents, ents


# --- entities -------------------------------------------------------------------------------


def test_people_introduced_by_roles_and_honorifics(system):
    ents, _, rels, _ = run(system, "Houthi spokesman Yahya Saree spoke after Sheikh Naim Qassem arrived.")
    assert {("Yahya Saree", "PERSON"), ("Naim Qassem", "PERSON"), ("Houthi", "ORG")} <= ents
    assert ("MEMBER_OF", "Yahya Saree", "Houthi") in rels


def test_apposition_and_alias_share_ref(system):
    ents, _, rels, refs = run(
        system, "Mohammed Deif, the commander of the Qassam Brigades, survived. Deif was not seen again."
    )
    assert ("Deif", "PERSON") in ents and refs["Deif"] == "Mohammed Deif"
    # "the commander of X" leads the body (guidelines §2.5).
    assert ("LEADER_OF", "Mohammed Deif", "Qassam Brigades") in rels


def test_role_words_without_a_name_make_no_person(system):
    ents, _, _, _ = run(system, "The head of the agency and a senior official said the chief was away.")
    assert not any(label == "PERSON" for _, label in ents)


def test_dates_events_forces_borders_ministries(system):
    ents, _, _, _ = run(
        system,
        "On Friday (Nov 3) Lebanese army units moved to the Syria-Lebanon border, the foreign ministry said, "
        "weeks after Operation Swords of Iron began on 7 October 2023.",
    )
    assert {
        ("Friday (Nov 3)", "DATE"),
        ("Lebanese army", "ORG"),
        ("Syria-Lebanon border", "LOC"),
        ("foreign ministry", "ORG"),
        ("7 October 2023", "DATE"),
    } <= ents
    assert any(label == "EVENT" and text.startswith("Operation Swords") for text, label in ents)


# --- figures --------------------------------------------------------------------------------


def test_figures_with_qualifiers_and_categories(system):
    _, figs, _, _ = run(
        system, "At least 30 people were killed and more than 100 wounded in Khan Younis, officials said."
    )
    assert figs == {("At least 30", 30, "at_least", "killed"), ("more than 100", 100, "more_than", "injured")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("An airstrike killed dozens of civilians.", ("dozens", 12, "at_least", "killed")),
        ("Nearly 2,000 residents have fled their homes.", ("Nearly 2,000", 2000, "less_than", "displaced")),
        ("Gunmen seized some 40 hostages at the market.", ("some 40", 40, "about", "hostage")),
        ("Police said they had arrested fifteen protesters.", ("fifteen", 15, "exact", "detained")),
        ("Up to 1.5 million people remain displaced.", ("Up to 1.5 million", 1500000, "at_most", "displaced")),
        ("The militia fired 20 rockets overnight.", ("20", 20, "exact", "other")),
        ("The death toll rose to 412 on Sunday.", ("412", 412, "exact", "killed")),
        (
            "Fighting has killed more than 14,000 people and displaced nearly 8 million.",
            ("more than 14,000", 14000, "more_than", "killed"),
        ),
        (
            "Fighting has killed more than 14,000 people and displaced nearly 8 million.",
            ("nearly 8 million", 8000000, "less_than", "displaced"),
        ),
    ],
)
def test_figure_vocabulary(system, text, expected):
    assert expected in run(system, text)[1]


@pytest.mark.parametrize(
    "text",
    [
        "The 25-year-old was killed instantly.",  # age
        "Resolution 2334 condemned the killings.",  # title of a document
        "He became the group's number two after the deaths.",  # rank
        "About 10% of the wounded were children.",  # percentage
        "The attack on October 7 killed many.",  # date
        "The ceasefire took effect at 07:00 after strikes.",  # time
        "Fighting in 2014 left the town in ruins and many dead.",  # year
        "She was one of the wounded.",  # pronoun "one"
        "Talks lasted three hours in the capital.",  # no casualty cue
    ],
)
def test_not_figures(system, text):
    assert run(system, text)[1] == set()


# --- relations ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("UN Secretary-General Antonio Guterres called for calm.", ("LEADER_OF", "Antonio Guterres", "UN")),
        ("AP photographer Omar Haddad was hurt.", ("MEMBER_OF", "Omar Haddad", "AP")),
        (
            "US Secretary of State Antony Blinken met Israeli Prime Minister Benjamin Netanyahu in Tel Aviv.",
            ("MET_WITH", "Antony Blinken", "Benjamin Netanyahu"),
        ),
        (
            "Ukrainian President Volodymyr Zelenskiy met Dutch Prime Minister Mark Rutte in Kyiv.",
            ("MET_WITH", "Volodymyr Zelenskiy", "Mark Rutte"),
        ),
        ("Iran-backed Houthis kept up their campaign.", ("ALLIED_WITH", "Iran", "Houthis")),
        ("Hamas and the Houthis have coordinated with Hezbollah for years.", ("ALLIED_WITH", "Houthis", "Hezbollah")),
        ("The Houthis, an ally of Iran, attacked a ship.", ("ALLIED_WITH", "Houthis", "Iran")),
        ("Sanaa is controlled by the Houthis.", ("CONTROLS", "Houthis", "Sanaa")),
        ("The Hamas-run interior ministry issued a statement.", ("CONTROLS", "Hamas", "interior ministry")),
        ("Russia launched drones at Ukraine overnight.", ("IN_CONFLICT_WITH", "Russia", "Ukraine")),
        ("Analysts fear the Russia-NATO conflict could widen.", ("IN_CONFLICT_WITH", "Russia", "NATO")),
        ("Hezbollah's attack on Israel drew a response.", ("IN_CONFLICT_WITH", "Hezbollah", "Israel")),
        (
            "Kataib Hezbollah is part of the Popular Mobilization Forces.",
            ("PART_OF", "Kataib Hezbollah", "Popular Mobilization Forces"),
        ),
        (
            "Al-Quds Brigades, the armed wing of Palestinian Islamic Jihad, claimed it.",
            ("PART_OF", "Al-Quds Brigades", "Palestinian Islamic Jihad"),
        ),
    ],
)
def test_relation_patterns(system, text, expected):
    assert expected in run(system, text)[2]


def test_figure_source_is_a_service_and_place_follows_over(system):
    _, _, rels, _ = run(
        system,
        "Drones killed 12 people in Odesa, the emergency service said. "
        "Air defences shot down 38 drones over the Belgorod region.",
    )
    assert ("REPORTED_BY", "12", "emergency service") in rels and ("LOCATED_IN", "12", "Odesa") in rels
    assert ("LOCATED_IN", "38", "Belgorod") in rels


def test_figure_location_and_source(system):
    _, _, rels, _ = run(system, "Some 1.4 million people have been displaced across Sudan, according to the UN.")
    assert ("LOCATED_IN", "Some 1.4 million", "Sudan") in rels
    assert ("REPORTED_BY", "Some 1.4 million", "UN") in rels
    _, _, rels, _ = run(
        system, "The interior ministry run by the Houthis has reported that 9 people were killed in Sanaa."
    )
    assert ("REPORTED_BY", "9", "interior ministry") in rels and ("LOCATED_IN", "9", "Sanaa") in rels


@pytest.mark.parametrize(
    "text",
    [
        "Hamas said Israel was responsible.",  # reporting is not conflict
        "The Houthis met on Tuesday in Sanaa.",  # no persons to meet
        "Hezbollah leader speeches are broadcast on Al-Manar.",  # role without a name
        "Egypt and Qatar mediated talks.",  # mediation is not alliance or conflict
    ],
)
def test_relation_negatives(system, text):
    assert run(system, text)[2] == set()


def test_nominal_refers_back_to_nearest_other_organisation(system):
    _, _, rels, _ = run(system, "Hezbollah said Israeli forces were exchanging fire with the Lebanese group.")
    assert ("IN_CONFLICT_WITH", "Israeli forces", "Hezbollah") in rels


def test_pattern_files_pass_spacys_own_schema():
    """The ruler runs with validate=False (flags are ints), so the data files are validated here."""
    import json

    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    from systems.rules.entities import DATA, ruler_patterns

    matcher = Matcher(Vocab(), validate=True)
    token_patterns = [p for p in ruler_patterns(DATA) if not isinstance(p["pattern"], str)]
    assert len(token_patterns) > 20
    for entry in token_patterns:
        matcher.add(entry.get("id", entry["label"]), [entry["pattern"]])  # raises on a malformed pattern
    for line in (DATA / "patterns.jsonl").read_text(encoding="utf-8").splitlines():
        assert json.loads(line)["label"] in {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "DATE"}


def test_every_prediction_names_the_data_entry_or_finder_that_made_it(system):
    text = (
        "Militia commander Omar Delgado said the Northern Front had killed 14 soldiers near Mosul on Monday. "
        "Delgado met aid workers from the Red Crescent."
    )
    doc = Document("rules-provenance", "2024-01-01", text)
    ann = next(iter(system.predict([doc])))
    by_text = {e.text: e.rule for e in ann.entities}
    assert all(e.rule for e in ann.entities) and all(r.rule for r in ann.relations)
    assert by_text["Mosul"] == "gazetteer.GPE"
    assert by_text["Omar Delgado"] == "roles.member"  # "commander" is in roles.json's member list
    assert by_text["Delgado"] == "people.short_form"
    assert by_text["Monday"] == "patterns.weekday"
    assert by_text["14"] == "figures.before.killed"  # the verb "killed" stands before the number
    rules = {(r.type, r.rule) for r in ann.relations}
    assert ("LOCATED_IN", "relations.place_preps") in rules
    assert ("REPORTED_BY", "relations.report_verbs.before") in rules


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A comma belongs to a date only when a year follows it.
        # ... and a weekday followed by a comma and a date is one span.
        (
            "By the evening of Tuesday, October 8, the toll had risen.",
            ("Tuesday, October 8", "DATE"),
            ("October 8,", "DATE"),
        ),
        ("The talks resumed on October 8, 2024 in Doha.", ("October 8, 2024", "DATE"), ("October 8", "DATE")),
        # Guidelines §2.3: a time of day alone is not a date.
        ("Rockets were fired overnight at the port.", None, ("overnight", "DATE")),
        ("The army launched Operation Zarb-e-Azb in the north.", ("Operation Zarb-e-Azb", "EVENT"), None),
        # A capitalised "Security Service" ends a longer name: the generic pattern must not cut it.
        ("A spokesman for the Federal Security Service said so.", None, ("Security Service", "ORG")),
        # Guidelines §2.3: religious holidays used as dates are DATE.
        ("Fighting paused during Ramadan, the emergency service said.", ("Ramadan", "DATE"), ("Ramadan", "EVENT")),
    ],
)
def test_dates_and_names_decided_in_the_guidelines(system, text, present, absent):
    assert_entities(system, text, present, absent)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # A count with no cue of its own takes its list neighbour's category, forwards and backwards.
        ("The rebels freed 40 soldiers and 25 civilians who had been kidnapped.", ("40", 40, "exact", "hostage")),
        ("The clinic recorded 80 bodies, 52 of them men.", ("52", 52, "exact", "killed")),
        ("Militants overran nine bases and 30 outposts in the province.", ("nine", 9, "exact", "other")),
        ("The army has lost 14 personnel since March.", ("14", 14, "exact", "killed")),
    ],
)
def test_counts_in_lists_and_more_cues(system, text, figure):
    _, figs, *_ = run(system, text)
    assert figure in figs, figs


def test_a_count_after_a_full_stop_inherits_nothing(system):
    _, figs, *_ = run(system, "Gunmen killed 12 villagers. 30 residents moved to the town.")
    assert ("12", 12, "exact", "killed") in figs
    # People affected are a count of their own (guidelines §2.4), but they inherit no category.
    assert not any(text == "30" and category == "killed" for text, _, _, category in figs)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The offensive began on Tuesday, March 4, before dawn.", "Tuesday, March 4"),
        ("Talks resumed on Friday, 7 June 2019 in Geneva.", "Friday, 7 June 2019"),
        ("Shelling was reported between 3 and 9 July.", "3 and 9 July"),
        ("Convoys crossed on June 2 and 5.", "June 2 and 5"),
        ("The militia has held the valley since 2016.", "2016"),
        ("The insurgency dates back to the 1980s.", "1980s"),
        ("Fighting flared again in mid-August.", "mid-August"),
        ("The camp was closed in late 2018.", "late 2018"),
        ("Aid stopped at the end of January.", "end of January"),
        ("The group re-formed at the start of 2020.", "start of 2020"),
    ],
)
def test_date_patterns(system, text, date):
    ents, *_ = run(system, text)
    assert (date, "DATE") in ents, ents


def test_acronyms_define_names_and_their_later_uses(system):
    ents, _, _, refs = run(
        system,
        "Fighters of the Popular Resistance Front (PRF) entered the town. "
        "The Democratic Forces for the Liberation of Rwanda (FDLR) denied it. "
        "Troops patrolled the Line of Control (LoC) on Monday. Later the PRF withdrew.",
    )
    assert ("Popular Resistance Front", "ORG") in ents and ("PRF", "ORG") in ents
    # The longer name wins over the country inside it.
    assert ("Democratic Forces for the Liberation of Rwanda", "ORG") in ents and ("Rwanda", "GPE") not in ents
    assert ("Line of Control", "LOC") in ents and ("LoC", "LOC") in ents
    assert refs["PRF"] == "Popular Resistance Front"


def test_an_acronym_after_a_known_place_takes_its_label(system):
    ents, *_ = run(system, "Aid reached the Democratic Republic of Congo (DRC) on Friday; the DRC asked for more.")
    assert ("DRC", "GPE") in ents


def test_capitalised_designators_belong_to_the_place(system):
    ents, *_ = run(system, "Clashes spread from North Darfur to Port Sudan and Rakhine State.")
    assert {("North Darfur", "GPE"), ("Port Sudan", "GPE"), ("Rakhine State", "GPE")} <= ents


@pytest.mark.parametrize(
    ("text", "person", "not_person"),
    [
        # A full name followed by a reporting verb, with no role before it.
        ("Amara Koné said the convoy had been stopped.", "Amara Koné", None),
        # ... unless the run ends a longer capitalised name.
        ("The Centre for Maritime Studies said two ships were hit.", None, "Maritime Studies"),
        # A state's possessive before a full name.
        ("Talks were hosted by Niger's Mahamadou Issoufou.", "Mahamadou Issoufou", None),
        # Apposition with the role after the name, no "of" phrase needed.
        ("Lena Petrova, the UN special coordinator, arrived on Monday.", "Lena Petrova", None),
        # A rank abbreviation is not the name it introduces.
        ("Army spokesman Col. Idris Bako said the base held.", "Idris Bako", "Col"),
        ("The talks were led by Brig-Gen Kyaw Min.", "Kyaw Min", "Brig-Gen Kyaw Min"),
    ],
)
def test_people_found_by_context(system, text, person, not_person):
    assert_entities(system, text, person and (person, "PERSON"), not_person and (not_person, "PERSON"))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen attacked farmers near Zabuli on Sunday.", ("Zabuli", "GPE")),
        ("Troops entered the town of Mbirikani at dawn.", ("Mbirikani", "GPE")),
        ("Shells fell near Deir al-Ahmar overnight.", ("Deir al-Ahmar", "GPE")),
        ("A car bomb exploded in Liberation Square at noon.", ("Liberation Square", "LOC")),
    ],
)
def test_places_found_by_what_stands_before_them(system, text, place):
    ents, *_ = run(system, text)
    assert place in ents, ents


@pytest.mark.parametrize(
    "text",
    [
        "The figure was given according to Reuters Foundation sources.",  # "to" after "according" opens no place
        "Students from Kivu University marched.",  # a name cut by an institution word is no place
        "Fighting resumed in March.",  # months are not places
    ],
)
def test_not_places(system, text):
    ents, *_ = run(system, text)
    assert not any(label in ("GPE", "LOC") for _, label in ents), ents


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Guidelines §2.3: a state's body named through its owner is one ORG ...
        ("The Lebanese health ministry raised the toll.", ("Lebanese health ministry", "ORG"), ("Lebanese", "NORP")),
        ("The UN refugee agency counted the arrivals.", ("UN refugee agency", "ORG"), ("UN", "ORG")),
        # ... after a state's possessive, the body alone, and the state stays a GPE.
        ("Chad's army said the attack was repelled.", ("army", "ORG"), None),
        # A body word that modifies a noun is no body.
        ("A Syrian military jet crashed near the coast.", ("Syrian", "NORP"), ("Syrian military", "ORG")),
        # Institutions known by their head word, with an "of" phrase.
        ("The Central Bank of Somalia froze the accounts.", ("Central Bank of Somalia", "ORG"), ("Somalia", "GPE")),
        ("Analysts at the Tana Research Institute disagreed.", ("Tana Research Institute", "ORG"), None),
        # A head word followed by more capitalised words is not the head of the name.
        ("The Chief of Army Staff visited the wounded.", None, ("Chief of Army", "ORG")),
    ],
)
def test_bodies_and_institutions(system, text, present, absent):
    assert_entities(system, text, present, absent)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Soldiers freed 23 schoolchildren from the forest camp.", ("23", 23, "exact", "hostage")),
        ("The toll rises to 41, officials said.", ("41", 41, "exact", "killed")),
        ("Investigators found 9 mass graves near the river.", ("9", 9, "exact", "other")),
        ("Divers rescued 60 passengers from the ferry.", ("60", 60, "exact", "other")),
    ],
)
def test_more_figure_cues(system, text, figure):
    _, figs, *_ = run(system, text)
    assert figure in figs, figs


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Guidelines §2.3: facilities are LOC with their designator; a place inside is not annotated alone.
        ("Rebels shelled Goma airport and the Munzenze central prison.", ("Goma airport", "LOC"), ("Goma", "GPE")),
        ("Troops retook the Republican Palace on Friday.", ("Republican Palace", "LOC"), None),
        ("Talks were held at the Novo-Ogaryovo residence.", ("Novo-Ogaryovo residence", "LOC"), None),
        # ... but "a <place> prison" is no named facility.
        ("Footage showed him in a Darfur prison.", None, ("Darfur prison", "LOC")),
        # Talks and agreements named by their venue are EVENT.
        ("Both sides signed the Nairobi agreement in May.", ("Nairobi agreement", "EVENT"), ("Nairobi", "GPE")),
        # A sentence-initial word is no venue.
        ("Formal talks resumed in June.", None, ("Formal talks", "EVENT")),
    ],
)
def test_facilities_and_venue_events(system, text, present, absent):
    assert_entities(system, text, present, absent)


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # "according to" reaches past a place and a role to the source.
        (
            "Four people were killed, according to Kherson region governor Olena Bartko.",
            ("REPORTED_BY", "Four", "Olena Bartko"),
        ),
        # A name with a bracketed acronym reports through the acronym, its nearest mention (§3.1).
        (
            "The World Food Programme (WFP) said 30 trucks had crossed.",
            ("REPORTED_BY", "30", "WFP"),
        ),
        # "X told AFP that …": the agency relays the figure too (guidelines §2.5).
        ("A Hamas official told AFP that 12 people had been killed.", ("REPORTED_BY", "12", "AFP")),
    ],
)
def test_sources_of_figures(system, text, relation):
    _, _, rels, _ = run(system, text)
    assert relation in rels, rels


def test_a_place_in_the_clause_before_the_figure(system):
    _, _, rels, _ = run(system, "Gunmen attacked a market in Kidal, killing at least 9 traders.")
    assert ("LOCATED_IN", "at least 9", "Kidal") in rels, rels


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # A possessive state controls its body and the territory it names (guidelines §2.3, §2.5).
        ("Kenya's interior ministry said the road was closed.", ("CONTROLS", "Kenya", "interior ministry")),
        ("Clashes spread across Ukraine's Donetsk region.", ("CONTROLS", "Ukraine", "Donetsk")),
        # A group's possessive before one of its bodies: part of it.
        ("The Houthis' Supreme Political Council met in Sanaa.", ("PART_OF", "Supreme Political Council", "Houthis")),
        # The parties to a truce were fighting; a truce between A and B, past an apposition after A.
        ("Armenia and Azerbaijan agreed on Monday to a truce.", ("IN_CONFLICT_WITH", "Armenia", "Azerbaijan")),
        ("A ceasefire between the Taliban and Pakistan held overnight.", ("IN_CONFLICT_WITH", "Taliban", "Pakistan")),
        (
            "The war between the Sudanese Armed Forces, led by Gen. Omar Saleh, and the RSF goes on.",
            ("IN_CONFLICT_WITH", "Sudanese Armed Forces", "RSF"),
        ),
        # a town hit is no side (§2.3), a capital standing for its government is
        ("Analysts said the RSF's two-year offensive on Khartoum stalled.", ("IN_CONFLICT_WITH", "RSF", "Khartoum")),
        # Passive backing and "-linked" before a nominal that names the group mentioned before it.
        ("The Houthis, backed by Iran, fired missiles.", ("ALLIED_WITH", "Houthis", "Iran")),
        (
            "Al-Shabaab struck again. Officials said the al-Qaeda-linked group",
            ("ALLIED_WITH", "al-Qaeda", "Al-Shabaab"),
        ),
        ("The Taliban said it had taken control of Kabul.", ("CONTROLS", "Taliban", "Kabul")),
        # Roles with words between the body and the person, before or in apposition.
        ("ICRC media adviser Lina Haddad said the convoy had left.", ("MEMBER_OF", "Lina Haddad", "ICRC")),
        (
            "Kherson's acting governor Pavlo Ivanenko said the bridge was hit.",
            ("LEADER_OF", "Pavlo Ivanenko", "Kherson"),
        ),
        # A regional director heads a part of the body: a member of it (guidelines §2.5).
        (
            "Omar Khalil, the UNHCR regional director, said so.",
            ("MEMBER_OF", "Omar Khalil", "UNHCR"),
        ),
        # Meetings by call, and one person telling another.
        (
            "French President Emmanuel Macron had a phone call with Russian President Vladimir Putin.",
            ("MET_WITH", "Emmanuel Macron", "Vladimir Putin"),
        ),
        (
            "The envoy, Dr. Samuel Okoye, had met Gen. Peter Mwangi in Juba.",
            ("MET_WITH", "Samuel Okoye", "Peter Mwangi"),
        ),
    ],
)
def test_relations_stated_through_possessives_truces_and_roles(system, text, relation):
    _, _, rels, _ = run(system, text)
    assert relation in rels, rels


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # Every place of one location phrase (guidelines §2.5, nested places).
        ("Shelling killed 14 people in Aleppo, Homs and Hama provinces.", ("LOCATED_IN", "14", "Hama")),
        ("Troops wounded 30 people near the village of Qusra (Nablus).", ("LOCATED_IN", "30", "Nablus")),
        # An unnamed member of a body reports for it; after the figure, the name nearest it (§3.1).
        ("A WFP spokeswoman said 20 trucks had crossed.", ("REPORTED_BY", "20", "WFP")),
        (
            "Some 40 people died, the World Food Programme (WFP) said.",
            ("REPORTED_BY", "Some 40", "World Food Programme"),
        ),
        # The subject before an apposition reports.
        (
            "Red Crescent official Amal Haddad, speaking in Gaza, said 12 bodies were found.",
            ("REPORTED_BY", "12", "Amal Haddad"),
        ),
    ],
)
def test_figure_places_and_sources_through_lists_and_appositions(system, text, relation):
    _, _, rels, _ = run(system, text)
    assert relation in rels, rels


@pytest.mark.parametrize(
    "text",
    [
        "Egypt and Qatar brokered a truce on Monday.",  # mediators are not the parties
        "Shelling killed 14 people in Homs, and Russia said it would respond.",  # a new clause, not a place
        "Sudan's RSF rebels took the town.",  # a state's possessive before a non-state group states nothing
    ],
)
def test_new_relation_patterns_do_not_fire(system, text):
    rels = run(system, text)[2]
    assert not {r for r in rels if r[0] in ("IN_CONFLICT_WITH", "CONTROLS", "ALLIED_WITH")} and (
        ("LOCATED_IN", "14", "Russia") not in rels
    ), rels


@pytest.mark.parametrize(
    ("text", "places", "not_places"),
    [
        # Datelines: every upper-case place before the dash; live-blog labels are no places.
        ("ARDAN/BELMONT — Talks resumed on Monday.", {"ARDAN", "BELMONT"}, set()),
        ("PORT-AU-VENT, Norland, May 2 — Shelling resumed.", {"PORT-AU-VENT"}, set()),
        ("UPDATE — Shelling resumed in the north.", set(), {"UPDATE"}),
        ("Header\n\nKESTOVO — Shelling resumed.", {"KESTOVO"}, set()),
        # A lower-case designator or office stays outside the place (guidelines §2.3).
        ("Residents of the Kalinov district fled.", {"Kalinov"}, {"Kalinov district"}),
        ("Drones hit the Marsk and Tovar regions overnight.", {"Marsk", "Tovar"}, set()),
        ("Dravnik governor Pavel Orlin said two were hurt.", {"Dravnik"}, set()),
        ("By province, the count rose fastest in the north.", set(), {"By"}),
        # "<compass> of" and lists after a location preposition.
        ("The convoy stopped 5 kilometres west of Zabuli.", {"Zabuli"}, set()),
        ("Clashes were reported near Kirev and Ostrana.", {"Kirev", "Ostrana"}, set()),
        ("Flights resumed to Sorel, Vantu and Imbe.", {"Sorel", "Vantu", "Imbe"}, set()),
        # A bare comma after a place opens no list: here it opens an apposition.
        ("The envoy to Norland, Petra Vask, said talks would go on.", set(), {"Petra Vask"}),
        ("Fighting in Kirev, Marten Holm said, had stopped.", {"Kirev"}, {"Marten Holm"}),
    ],
)
def test_places_found_by_position(system, text, places, not_places):
    ents, *_ = run(system, text)
    found = {t for t, label in ents if label in ("GPE", "LOC")}
    assert places <= found, ents
    assert not (not_places & found), ents


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # A counted noun heads the phrase a few words after the number (guidelines §2.4).
        ("Guards escorted 45 foreign aid workers to the border.", ("45", 45, "exact", "other")),
        ("Two of its fighters carried out the raid.", ("Two", 2, "exact", "other")),
        ("The march drew hundreds of protesters to the square.", ("hundreds", 100, "at_least", "other")),
        ("Several hundred soldiers crossed the river at dawn.", ("Several hundred", 100, "at_least", "other")),
        # Things are 'other' whatever the verb: posts are seized, not taken hostage.
        ("Rebels seized 25 army posts overnight.", ("25", 25, "exact", "other")),
        # The noun's category comes from the nearest cue of the sentence.
        ("Guards moved 14 women to the central prison.", ("14", 14, "exact", "detained")),
        # A tally word before a bare number.
        ("The count of the dead reached 93 on Friday.", ("93", 93, "exact", "killed")),
        ("Medics put the toll at 76 at least.", ("76 at least", 76, "at_least", "killed")),
        # A clause opened by a bare number counts part of the figure before it.
        ("Shelling killed 60 villagers. Twelve were children.", ("Twelve", 12, "exact", "killed")),
        # A part of the figure before it in the sentence ("among them") takes its category ...
        (
            "Shelling killed 80 people, among them 20 children and 15 women, and wounded 200.",
            ("15", 15, "exact", "killed"),
        ),
        # ... but a cue of its own still decides.
        (
            "Shelling killed 80 people, among them 20 children and 15 women, and wounded 200.",
            ("200", 200, "exact", "injured"),
        ),
        # Two categories after one number: the first named.
        ("Gunmen killed or wounded at least 40 people.", ("at least 40", 40, "at_least", "killed")),
        # What happened to the people outranks what they were.
        ("Officials said 30 detainees died in the fire.", ("30", 30, "exact", "killed")),
        ("More than 300 residents lost their homes in the shelling.", ("More than 300", 300, "more_than", "displaced")),
        ("Gunmen beheaded a dozen villagers near the river.", ("a dozen", 12, "exact", "killed")),
    ],
)
def test_counts_without_a_cue_next_to_them(system, text, figure):
    _, figs, *_ = run(system, text)
    assert figure in figs, figs


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The city of 2 million people was quiet after the strikes.", "2 million"),  # a population
        ("Medics feared the toll could pass 100 by night.", "100"),  # a projection
        ("The two sides met in Doha after the killings.", "two"),  # named participants
        ("Victims over the age of 60 were killed in the raid.", "60"),  # an age
        ("Operation 1027 began in the north and seized towns.", "1027"),  # a name
        ("Relief crews brought 40 tons of food to the displaced.", "40"),  # a measurement
        ("The families of the killed will receive 10 million rupees.", "10 million"),  # money
    ],
)
def test_numbers_that_count_no_one(system, text, number):
    _, figs, *_ = run(system, text)
    assert not any(t == number or t.endswith(" " + number) for t, *_ in figs), figs


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A role, a comma, then the name: the person in apposition after the role.
        ("The city's mayor, Ana Ruiz, said the shelters were full.", ("Ana Ruiz", "PERSON"), None),
        ("Norway's envoy to Sudan, Piet Hanssen, said talks went well.", ("Piet Hanssen", "PERSON"), None),
        # ... but not a longer capitalised name after the comma.
        ("Asked about the spokesman, Rapid Valley Forces denied it.", None, ("Rapid Valley", "PERSON")),
        # A name-like title between name words belongs to the name.
        ("Talks were hosted by Omar Sheikh Farah on Monday.", ("Omar Sheikh Farah", "PERSON"), ("Farah", "PERSON")),
        # A rank abbreviation is no part of the name before it.
        ("Chief of Army Staff Gen. Tomas Orlo visited.", None, ("Staff Gen. Tomas Orlo", "PERSON")),
        # A phrase that introduces a person, and a second name joined by "and".
        ("The militia, led by Ivo Kestrel, took the bridge.", ("Ivo Kestrel", "PERSON"), None),
        ("The group named them as Samir Haddad and Karim Aoun.", ("Karim Aoun", "PERSON"), None),
    ],
)
def test_people_after_a_role_and_a_comma_or_a_cue(system, text, present, absent):
    assert_entities(system, text, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # An owner already named, then an institution's name: one ORG (guidelines §2.3, longest name).
        (
            "The UN Office for the Support of Returnees said 40 families arrived.",
            ("UN Office for the Support of Returnees", "ORG"),
            ("UN", "ORG"),
        ),
        ("Troops of the Afghan National Army moved in.", ("Afghan National Army", "ORG"), ("Afghan", "NORP")),
        (
            "The UN Verification Mission in Colombia will monitor it.",
            ("UN Verification Mission in Colombia", "ORG"),
            None,
        ),
        # The name ends before a date after its connector.
        ("It built on the Saudi Initiative of March 2021.", ("Saudi Initiative", "ORG"), None),
        # A name's last part after a tight hyphen is no start of an institution.
        (
            "Lina al-Karib of the Horn Initiative for Women spoke.",
            None,
            ("Karib of the Horn Initiative for Women", "ORG"),
        ),
    ],
)
def test_institutions_holding_names_found_before(system, text, present, absent):
    assert_entities(system, text, present, absent)


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # A pronoun or a definite nominal subject of a reporting verb names the earlier reporter (§3.1).
        (
            "The Red Cross said on Monday that relief had stalled. Later it said 14 people had died.",
            ("REPORTED_BY", "14", "Red Cross"),
        ),
        (
            "UNICEF said schools had closed. The agency said 30 teachers were missing.",
            ("REPORTED_BY", "30", "UNICEF"),
        ),
        (
            "Colonel Ivan Petrenko said the town had fallen. He said 12 soldiers had been captured.",
            ("REPORTED_BY", "12", "Ivan Petrenko"),
        ),
        ("MSF said a clinic was shelled. According to the group, 9 patients died.", ("REPORTED_BY", "9", "MSF")),
        # A verb of giving before a count noun reports like "said".
        ("The health ministry gave a new toll: 48 dead.", ("REPORTED_BY", "48", "health ministry")),
        ("UNHCR released a count of 6,000 refugees.", ("REPORTED_BY", "6,000", "UNHCR")),
        # Relays: "citing X" before the figure, "cited by X" in its own clause (guidelines §2.5).
        ("Citing the WHO, Reuters said 15 people had died.", ("REPORTED_BY", "15", "WHO")),
        (
            "Some 70 were killed, according to an estimate from Amnesty International cited by Reuters.",
            ("REPORTED_BY", "Some 70", "Reuters"),
        ),
        # Figures coordinated in one clause share the place the last of them is given.
        ("Shelling killed 8 soldiers and wounded 20 civilians in Bakhmut.", ("LOCATED_IN", "8", "Bakhmut")),
        # A count of a party's targets as the object of a conflict verb; "it" names the earlier party.
        (
            "The Syrian Army said it had shelled 40 Wagner positions.",
            ("IN_CONFLICT_WITH", "Syrian Army", "Wagner"),
        ),
        ("Jets from Turkey hit 25 PKK targets.", ("IN_CONFLICT_WITH", "Turkey", "PKK")),
    ],
)
def test_sources_back_references_relays_and_targets(system, text, relation):
    _, _, rels, _ = run(system, text)
    assert relation in rels, rels


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # A tag after the clause refers back only when it closes that clause.
        ("Rebels freed 25 sailors, whom the group said it had held.", ("REPORTED_BY", "25", "Rebels")),
        # "cited by X" relays the figure of its own clause, not one before a clause break.
        (
            "The ministry put the toll at 30, while a source cited by Reuters said 45 had died.",
            ("REPORTED_BY", "30", "Reuters"),
        ),
        # A part of a figure does not give the whole its place.
        ("Troops wounded 100, 60 of them near Jenin.", ("LOCATED_IN", "100", "Jenin")),
        # A meeting that has not taken place.
        (
            "Officials discussed a possible meeting between President Ivan Morozov and President Oleh Tkachenko.",
            ("MET_WITH", "Ivan Morozov", "Oleh Tkachenko"),
        ),
    ],
)
def test_back_references_relays_and_shared_places_do_not_overreach(system, text, relation):
    _, _, rels, _ = run(system, text)
    assert relation not in rels and tuple(relation[:1] + relation[:0:-1]) not in rels, rels


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # The kind of body next to a name no list holds: the name alone is ORG.
        ("The news site Kivu Matin reported 12 deaths.", ("Kivu Matin", "ORG"), None),
        ("The Tarsa news agency said the road was cut.", ("Tarsa", "ORG"), ("Tarsa news agency", "ORG")),
        ("Fighters of the Ostrava militia held the bridge.", ("Ostrava", "ORG"), None),
        ("The rebel-run Delmar agency said 4 were hurt.", ("Delmar", "ORG"), None),
        ("Police blamed the 300 Lions gang for the raid.", ("300 Lions", "ORG"), None),
        # Describing words and counts are no names.
        ("A Western coalition struck the port.", None, ("Western", "ORG")),
        ("Police arrested the 40 gang members.", None, ("40", "ORG")),
    ],
)
def test_organisations_named_next_to_their_kind(system, text, present, absent):
    assert_entities(system, text, present, absent)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # A generational suffix ends the name; the short form drops it.
        ("Army chief Gen. Tomas Orlo Jr. said 4 were hurt.", ("Tomas Orlo Jr.", "PERSON"), ("Tomas Orlo", "PERSON")),
        # Two surnames: the later short form keeps both.
        (
            "Governor Luis Ortega Salas met the envoy. Later Ortega Salas said talks would go on.",
            ("Ortega Salas", "PERSON"),
            ("Salas", "PERSON"),
        ),
        # A rank before a name, and a name after "alias".
        ("Sergeant Piet Vander led the patrol.", ("Piet Vander", "PERSON"), None),
        ("Police held Omar Kessi, alias “Falcon”, on Monday.", ("Falcon", "PERSON"), None),
        # A numbered unit is one ORG; a count before a unit word is not.
        ("The 41st Mountain Brigade held the pass.", ("41st Mountain Brigade", "ORG"), None),
        ("Some 1,000 Army trucks crossed.", None, ("1,000 Army", "ORG")),
    ],
)
def test_names_with_suffixes_ranks_aliases_and_numbered_units(system, text, present, absent):
    assert_entities(system, text, present, absent)


@pytest.mark.parametrize(
    ("text", "places"),
    [
        (
            "Fighting spread in Kolo-Bende and Tarsa del Norte overnight.",
            {("Kolo-Bende", "GPE"), ("Tarsa del Norte", "GPE")},
        ),
        ("Troops withdrew from the Marel area on Friday.", {("Marel", "GPE")}),
        ("Gunmen stormed a base on Kerra island at dawn.", {("Kerra", "LOC")}),
        ("N'GOLA — Shelling resumed.", {("N'GOLA", "GPE")}),
    ],
)
def test_places_with_joined_words_areas_and_natural_features(system, text, places):
    ents, *_ = run(system, text)
    assert places <= ents, ents


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # A word for a person marks the name like an honorific, with no relation stated.
        ("Teacher Amos Kalu said the pupils were safe.", "Amos Kalu"),
        ("Talks were hosted by Dana Orlov, a conflict specialist at a local university.", "Dana Orlov"),
    ],
)
def test_words_for_a_person_mark_a_name(system, text, person):
    ents, _, rels, _ = run(system, text)
    assert (person, "PERSON") in ents, ents
    assert not any(person in (h, t) for _, h, t in rels), rels
