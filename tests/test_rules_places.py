"""The rules' geography: sovereign states as data, what a state's possessive or an incursion into
a state says, and the shapes of named places that are LOC (natural features, facilities).

Every sentence is invented for the tests (none is taken from an article). The places, groups and
conflicts are imaginary; a state is real where the construction is about being a state.
"""

from __future__ import annotations

import pytest
from conftest import predict_text, relation_texts

from systems.rules.entities import state_names


@pytest.fixture(scope="module")
def system(rules_system):
    return rules_system


def ents_of(system, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label) for e in predict_text(system, text).entities}


def rels_of(system, text: str) -> set[tuple[str, str, str]]:
    return relation_texts(predict_text(system, text))


# -- states as data ---------------------------------------------------------------------------


def test_the_state_list_holds_every_un_member_and_the_forms_news_uses():
    from systems.rules.entities import load_json

    states = load_json("states.json")
    assert len(states["un_members"]) == 193
    names = state_names()
    for form in ("DR Congo", "Democratic Republic of the Congo", "Ivory Coast", "Côte d'Ivoire", "Burma", "Myanmar"):
        assert form in names
    # A town is no state.
    assert "Nairobi" not in names and "Goma" not in names


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The Russian Federation recalled its envoy from Dorvo.", "Russian Federation"),
        ("Talks between the Syrian Arab Republic and the Kessa Front stalled.", "Syrian Arab Republic"),
        ("Flooding displaced 3,000 people in the Lao PDR last week.", "Lao PDR"),
        ("Aid from the Republic of Korea reached Tumbo camp.", "Republic of Korea"),
        # Headline labels and datelines write states in capitals.
        ("MALI: curfew extended in Dorvo after attack", "MALI"),
        ("CHAD: 12 killed as gunmen raid Kessa market", "CHAD"),
    ],
)
def test_every_form_of_a_state_is_a_gpe(system, text, state):
    assert (state, "GPE") in ents_of(system, text)


# -- a state's possessive before a place ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "owner", "place"),
    [
        ("Shelling resumed in Kenya's Tamba county on Monday.", "Kenya", "Tamba"),
        # A natural feature needs no designator; nothing but punctuation or a function word follows it.
        ("Shells fell on Mali's Kessa Valley overnight.", "Mali", "Kessa Valley"),
        ("Troops massed near Chad's Tumbo Hills, officials said.", "Chad", "Tumbo Hills"),
    ],
)
def test_a_states_possessive_before_a_place_states_control(system, text, owner, place):
    assert (owner, "GPE") in ents_of(system, text)
    assert ("CONTROLS", owner, place) in rels_of(system, text)


@pytest.mark.parametrize(
    ("text", "owner", "place"),
    [
        # A city's or a province's possessive states nothing (guidelines §2.5).
        ("At the Tarsi Center in Marsk's Melba district, the envoy said talks would resume.", "Marsk", "Melba"),
        ("Residents of Dorvo's Kamba neighbourhood fled the shelling.", "Dorvo", "Kamba"),
    ],
)
def test_a_towns_possessive_before_its_district_states_no_control(system, text, owner, place):
    ents = ents_of(system, text)
    assert (owner, "GPE") in ents and (place, "GPE") in ents
    assert not any(r[0] == "CONTROLS" for r in rels_of(system, text))


@pytest.mark.parametrize(
    "text",
    ["Sudan's Dorvo offensive stalled on Friday.", "Niger's Tarsa Valley campaign ended in March."],
)
def test_a_place_that_modifies_a_noun_after_a_states_possessive_is_not_controlled(system, text):
    assert not any(r[0] == "CONTROLS" for r in rels_of(system, text))


# -- incursions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "party", "state"),
    [
        ("Malian troops seized a customs post inside Niger on Monday.", "Malian troops", "Niger"),
        ("Togolese forces had occupied two villages inside Ghana by Friday.", "Togolese forces", "Ghana"),
        ("Kessa Liberation Army rebels pushed 20 km into Benin overnight.", "Kessa Liberation Army", "Benin"),
        (
            "Kessa Liberation Front fighters were reported earlier to have taken over a police station inside Benin.",
            "Kessa Liberation Front",
            "Benin",
        ),
    ],
)
def test_an_armed_party_taking_ground_inside_a_state_is_in_conflict_with_it(system, text, party, state):
    assert ("IN_CONFLICT_WITH", party, state) in rels_of(system, text)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # The state's own forces are at home.
        ("Chadian troops seized a village inside Chad.", "Chad"),
        # An aid convoy is no armed party.
        ("A WFP convoy crossed into Sudan on Friday.", "Sudan"),
        # A party named between the strike and the state is its target; the state is where it lies.
        ("US strikes on the Kessa Front inside Yemen continued.", "Yemen"),
    ],
)
def test_no_incursion_without_an_armed_outsider_taking_ground(system, text, state):
    assert not any(r[0] == "IN_CONFLICT_WITH" and state in r[1:] for r in rels_of(system, text))


# -- named places that are LOC ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Boats capsized in the Kessa Lagoon before dawn.", "Kessa Lagoon"),
        ("Fishermen were seized along Tumbo Creek on Sunday.", "Tumbo Creek"),
        ("Fighters hid in the Marsk Marshes near the Tarsa Oasis.", "Marsk Marshes"),
        ("Fighters hid in the Marsk Marshes near the Tarsa Oasis.", "Tarsa Oasis"),
        ("Displaced families sheltered in the Kessa Ravine.", "Kessa Ravine"),
        ("A tanker was struck in the Ortan Ocean.", "Ortan Ocean"),
        ("Herders fled across the Dorvo Steppe.", "Dorvo Steppe"),
        ("The army retook the Tumbo Gap after a week.", "Tumbo Gap"),
        ("The militia retreated to Jebel Dorvo, residents said.", "Jebel Dorvo"),
        # Lower-case designators of natural features stay outside the span (guidelines §2.3).
        ("Rebels hold the Dorvo massif, the army said.", "Dorvo"),
        ("Gunmen crossed the Kessa creek at night.", "Kessa"),
    ],
)
def test_natural_features_are_loc(system, text, place):
    assert (place, "LOC") in ents_of(system, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Refugees arrived at the Kessa transit centre on Monday.", "Kessa transit centre"),
        ("Two guards died at the Dorvo border post.", "Dorvo border post"),
        ("A drone hit the Tumbo airbase overnight.", "Tumbo airbase"),
        ("Engineers repaired the Dorvo water treatment plant.", "Dorvo water treatment plant"),
    ],
)
def test_facilities_keep_their_designator_as_loc(system, text, place):
    assert (place, "LOC") in ents_of(system, text)


def test_a_capitalised_post_closes_a_newspapers_name_not_a_place(system):
    ents = ents_of(system, "The Marsk Post reported the attack on Friday.")
    assert ("Marsk Post", "LOC") not in ents


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The convoy was ambushed on Route 7 near Dorvo.", "Route 7"),
        ("Rebels cut National Highway 4 south of Kessa.", "National Highway 4"),
        ("Bodies were pulled from the River Dorvo on Sunday.", "River Dorvo"),
        ("The rebels control the Dorvo Plain.", "Dorvo Plain"),
    ],
)
def test_numbered_roads_and_named_rivers_and_plains_are_loc(system, text, place):
    assert (place, "LOC") in ents_of(system, text)


@pytest.mark.parametrize(
    ("text", "place", "label"),
    [
        # A seat of power is the building after "at" / "outside" (guidelines §2.3) ...
        ("The two presidents held talks at the Kremlin on Friday.", "Kremlin", "LOC"),
        ("Protesters gathered outside the White House on Sunday.", "White House", "LOC"),
        # ... and the government it houses elsewhere.
        ("The Kremlin said the talks would continue.", "Kremlin", "ORG"),
        ("Questions about the Kessa raid were passed to the Pentagon.", "Pentagon", "ORG"),
    ],
)
def test_a_seat_of_power_is_a_place_where_something_happens_at_it(system, text, place, label):
    assert (place, label) in ents_of(system, text)


def test_a_front_axis_names_the_place_it_runs_by(system):
    # guidelines §2.3: the lower-case designator stays outside; the town is a GPE.
    assert ("Dorvo", "GPE") in ents_of(system, "Fighting continued along the Dorvo axis on Monday.")


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Fighting flared on the border between Kessa and Dorvo on Monday.", {"Kessa", "Dorvo"}),
        ("Troops massed along the frontier with Tumbo last week.", {"Tumbo"}),
        ("Thousands fled Marsk overnight, aid workers said.", {"Marsk"}),
    ],
)
def test_a_border_between_or_with_names_places_and_so_does_fleeing(system, text, places):
    ents = ents_of(system, text)
    assert {(p, "GPE") for p in places} <= ents, ents


def test_a_border_with_a_groups_fighters_names_no_place(system):
    ents = ents_of(system, "Clashes broke out on the border with Dorvo fighters on Monday.")
    assert ("Dorvo", "GPE") not in ents


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police said 12 died in the Kessa-des-Monts commune.", "Kessa-des-Monts"),
        ("Residents of Dorvo-la-Ville fled, officials said.", "Dorvo-la-Ville"),
        ("Gangs torched homes in Marsk-du-Nord on Monday.", "Marsk-du-Nord"),
    ],
)
def test_a_particle_between_hyphens_stays_inside_a_place_name(system, text, place):
    assert (place, "GPE") in ents_of(system, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Gunmen killed four people in Kessa sub-county on Monday.", "Kessa"),
        ("The attack happened in the Dorvo sub-prefecture overnight.", "Dorvo"),
        ("Police sealed off the Tessa tehsil after the blast.", "Tessa"),
    ],
)
def test_lower_case_designators_of_local_units_leave_the_name_a_gpe(system, text, place):
    assert (place, "GPE") in ents_of(system, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("A car bomb exploded in the Suq al-Tessa commercial district.", "Suq al-Tessa"),
        ("Shelling hit the Dorvo residential area on Sunday.", "Dorvo"),
        ("Troops were sent to the Kessa border area after the raid.", "Kessa"),
        ("Fighters gathered in the Wad al-Marsk district, residents said.", "Wad al-Marsk"),
    ],
)
def test_a_modifier_or_an_article_inside_a_designated_place_keeps_the_whole_name(system, text, place):
    assert (place, "GPE") in ents_of(system, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The cave lies in the Tessa area of Dorvo, officials said.", "Dorvo"),
        ("Rebels took a base on the edge of Kessa on Friday.", "Kessa"),
    ],
)
def test_the_area_or_edge_of_a_name_is_a_place(system, text, place):
    assert (place, "GPE") in ents_of(system, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police raided the Kessa favela before dawn.", "Kessa"),
        ("Shells fell on the Dorvo section of the frontier.", "Dorvo"),
        ("Fire swept through the Tumbo slum overnight.", "Tumbo"),
    ],
)
def test_neighbourhood_and_frontier_words_leave_the_name_a_gpe(system, text, place):
    assert (place, "GPE") in ents_of(system, text)


def test_a_state_after_a_states_possessive_is_not_its_territory(system):
    rels = rels_of(system, "Critics of what they call Rwanda's Congo were arrested in Kigali on Monday.")
    assert ("CONTROLS", "Rwanda", "Congo") not in rels


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Boats carrying fighters were seen on the Rovuma near the border.", "Rovuma"),
        ("The militants fled into the Zagros after the raid.", "Zagros"),
    ],
)
def test_major_rivers_and_ranges_with_one_word_names_are_in_the_gazetteer(system, text, place):
    assert (place, "LOC") in ents_of(system, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Fishermen drowned in Dorvo Lake on Sunday.", "Dorvo Lake"),
        ("Bodies floated down the Kessa River overnight.", "Kessa River"),
    ],
)
def test_a_word_that_may_open_a_natural_name_may_close_one_too(system, text, place):
    assert (place, "LOC") in ents_of(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of refugees fled Sudan and crossed into Chad last month.",
        "Traders left Niger and pushed on into Benin with their herds.",
    ],
)
def test_a_place_left_behind_is_no_party_to_an_incursion(system, text):
    assert not any(r[0] == "IN_CONFLICT_WITH" for r in rels_of(system, text))


def test_a_deployment_is_no_incursion(system):
    rels = rels_of(system, "The Kessa Union deployed forces into Mali under the peace deal.")
    assert not any(r[0] == "IN_CONFLICT_WITH" for r in rels), rels


@pytest.mark.parametrize(
    ("text", "party", "state"),
    [
        ("Kenya's ground offensive into Somalia entered its second week.", "Kenya", "Somalia"),
        ("Ghana's incursion into Togo drew protests in Lome.", "Ghana", "Togo"),
    ],
)
def test_the_owner_of_an_incursion_is_its_party(system, text, party, state):
    assert ("IN_CONFLICT_WITH", party, state) in rels_of(system, text)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("A car bomb exploded on Kessa Street near the Dorvo Gate.", {"Kessa Street", "Dorvo Gate"}, set()),
        ("Snipers fired from the Tumbo Towers onto Marsk Avenue.", {"Tumbo Towers", "Marsk Avenue"}, set()),
        # In lower case a street is figurative.
        ("Anger is rising on the Kessan street, officials said.", set(), {"Kessan street"}),
    ],
)
def test_streets_gates_and_towers_are_loc_when_capitalised(system, text, present, absent):
    locs = {name for name, label in ents_of(system, text) if label == "LOC"}
    assert present <= locs and not (absent & locs), locs


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Gunmen stormed the Kessa Hotel on Friday. The Kessa is popular with officials.", "Kessa"),
        ("Shells hit the Dorvo Stadium, where families sheltered. By Monday the Dorvo was empty.", "Dorvo"),
    ],
)
def test_a_facility_called_later_by_its_name_alone_is_the_same_place(system, text, short):
    ann = predict_text(system, text)
    later = [e for e in ann.entities if e.text == short]
    assert later and all(e.label == "LOC" and e.ref and e.ref.startswith(short + " ") for e in later), later


def test_a_town_sharing_a_facilitys_name_is_left_alone(system):
    ents = ents_of(system, "Gunmen stormed the Kessa Hotel on Friday. Troops later reached Kessa.")
    assert ("Kessa", "GPE") in ents
