"""Role relations of the rules system (LEADER_OF, MEMBER_OF) on sentences written for these tests.

Every name below is invented; each test holds the shape of news copy a rule reads, and where the
guidelines (§2.5) say a shape states no tie, or another type, a case that must not fire.
"""

from __future__ import annotations

import pytest
from conftest import predict_text, relation_texts


@pytest.fixture(scope="module")
def system(rules_system):
    return rules_system


def relations(system, text: str) -> set[tuple[str, str, str]]:
    return relation_texts(predict_text(system, text))


def roles(system, text: str) -> set[tuple[str, str, str]]:
    return {r for r in relations(system, text) if r[0] in ("LEADER_OF", "MEMBER_OF")}


def test_definite_commander_in_apposition_leads(system):
    # "the commander of X" and "the X commander, Gen. N" lead the body (guidelines §2.5).
    assert ("LEADER_OF", "Tomas Verhal", "Hamas") in roles(
        system, "Police arrested Tomas Verhal, the commander of Hamas, on Monday."
    )
    assert ("LEADER_OF", "Idris Kallo", "Hamas") in roles(
        system, "Officials said the orders came from the Hamas commander, Gen. Idris Kallo."
    )


def test_premodifier_and_indefinite_commander_is_a_member(system):
    found = roles(system, "Hamas commander Idris Kallo was killed. Tomas Verhal, a commander of Hamas, survived.")
    assert ("MEMBER_OF", "Idris Kallo", "Hamas") in found
    assert ("MEMBER_OF", "Tomas Verhal", "Hamas") in found
    assert not any(r[0] == "LEADER_OF" for r in found)


def test_led_by_names_the_leader(system):
    found = roles(system, "Fighting broke out with Hezbollah, led by Gen. Omar Saltani, near the border.")
    assert ("LEADER_OF", "Omar Saltani", "Hezbollah") in found
    found = roles(system, "The rebels of Hezbollah, a coalition led by Omar Saltani, took the town.")
    assert ("LEADER_OF", "Omar Saltani", "Hezbollah") in found


def test_rank_after_under_names_the_leader(system):
    found = roles(system, "Fighters of the Hezbollah militia under Gen. Omar Saltani attacked the base.")
    assert ("LEADER_OF", "Omar Saltani", "Hezbollah") in found


def test_possessive_leader_before_comma(system):
    found = roles(system, "Talks stalled. Chad's leader, Col. Idris Kallo, flew to the capital.")
    assert ("LEADER_OF", "Idris Kallo", "Chad") in found


def test_back_reference_of_a_group_noun_before_comma(system):
    text = "Hamas denied the report. The group's leader, Tomas Verhal, said the talks would go on."
    assert ("LEADER_OF", "Tomas Verhal", "Hamas") in roles(system, text)


def test_outlet_that_was_told_is_no_referent(system):
    # "told Reuters" names who relays the news; "the agency" is the body the story is about.
    text = (
        "A UNICEF spokeswoman told Reuters that aid had stopped. "
        "The agency's chief, Lena Marsh, wrote that all sides agreed."
    )
    found = roles(system, text)
    assert ("LEADER_OF", "Lena Marsh", "UNICEF") in found
    assert ("LEADER_OF", "Lena Marsh", "Reuters") not in found


def test_innermost_body_of_a_possessive_chain(system):
    found = roles(system, "Tomas Verhal, head of the Hamas's Supreme Political Council, spoke on Monday.")
    assert ("LEADER_OF", "Tomas Verhal", "Supreme Political Council") in found
    assert ("LEADER_OF", "Tomas Verhal", "Hamas") not in found


def test_role_head_decides_the_kind(system):
    # The head of "the Secretary-General's special representative" is a member's role.
    found = roles(system, "Lena Marsh, the UN Secretary-General's special representative, arrived.")
    assert ("MEMBER_OF", "Lena Marsh", "UN") in found
    assert ("LEADER_OF", "Lena Marsh", "UN") not in found


def test_coordinated_roles_and_relative_clause(system):
    found = roles(system, "Lena Marsh, the UN envoy who leads UNAMI, called the attack appalling.")
    assert ("MEMBER_OF", "Lena Marsh", "UN") in found
    assert ("LEADER_OF", "Lena Marsh", "UNAMI") in found
    found = roles(system, "Lena Marsh, a special adviser and head of UNAMI, called the attack appalling.")
    assert ("LEADER_OF", "Lena Marsh", "UNAMI") in found


def test_regional_remit_heads_a_part(system):
    # "HRW's director for Kenya" heads part of HRW: a member, and no tie to the region.
    found = roles(system, "Tomas Verhal, HRW's director for Kenya, said the timing was no accident.")
    assert ("MEMBER_OF", "Tomas Verhal", "HRW") in found
    assert not any(r[2] == "Kenya" for r in found)


def test_branch_modifier_makes_a_chief_a_member(system):
    found = roles(system, "UN peacekeeping chief Pierre Lamart told reporters the mission would stay.")
    assert ("MEMBER_OF", "Pierre Lamart", "UN") in found
    assert ("LEADER_OF", "Pierre Lamart", "UN") not in found


def test_state_possessive_needs_a_role_that_leads_a_place(system):
    found = roles(
        system, "Kenya's intelligence chief, Tomas Verhal, flew in. Kenya's acting governor Lena Marsh stayed."
    )
    assert ("LEADER_OF", "Tomas Verhal", "Kenya") not in found
    assert ("LEADER_OF", "Lena Marsh", "Kenya") in found


def test_person_of_a_body_is_a_member(system):
    found = roles(system, "Dr. Lena Marsh of the opposition Hezbollah party said her faction would vote.")
    assert ("MEMBER_OF", "Lena Marsh", "Hezbollah") in found


def test_body_noun_premodifier_refers_back_to_the_state_body(system):
    text = "Chad's army said it had retaken the town. Army spokesman Col. Idris Kallo said the fighting was over."
    assert ("MEMBER_OF", "Idris Kallo", "army") in roles(system, text)


def test_deputy_heads_nothing(system):
    found = roles(system, "Tomas Verhal, who serves as deputy head of UNAMI, told reporters it was calm.")
    assert ("MEMBER_OF", "Tomas Verhal", "UNAMI") in found
    assert ("LEADER_OF", "Tomas Verhal", "UNAMI") not in found


def test_head_office_is_no_role(system):
    found = roles(system, "Troops took the Kivu Hotel, and the head office of UNAMI, on Friday.")
    assert not found


def test_clause_between_body_and_title_is_no_premodifier(system):
    found = roles(system, "Talks at the Kremlin went on for five hours between President Tomas Verhal and others.")
    assert ("LEADER_OF", "Tomas Verhal", "Kremlin") not in found


def test_possessor_noun_and_pronoun_refer_back(system):
    text = "Talks with Hezbollah resumed on Monday, attended by the armed group's top commander, Omar Saltani."
    assert ("LEADER_OF", "Omar Saltani", "Hezbollah") in roles(system, text)
    text = "Hezbollah released a video. Dr. Lena Marsh, the group's senior researcher, said it was real."
    assert ("MEMBER_OF", "Lena Marsh", "Hezbollah") in roles(system, text)


def test_pronoun_with_a_state_between_is_left_alone(system):
    # "its" after "Kenya" may mean the state: no guess at the organisation further back.
    text = "Reuters reported that Kenya sent troops and its special envoy Lena Marsh flew to the capital."
    assert not roles(system, text)


def test_commanded_by_refers_back_to_the_state_army(system):
    text = (
        "Chad's army retook the town. The fighting that pits the army, commanded by General Idris Kallo, "
        "against the rebels goes on."
    )
    assert ("LEADER_OF", "Idris Kallo", "army") in roles(system, text)


def test_role_after_a_date_clause_is_still_an_apposition(system):
    text = "Gunmen attacked Beni at dawn, the city's mayor, Dr. Ana Ruiz, said."
    assert ("LEADER_OF", "Ana Ruiz", "Beni") in roles(system, text)


def parts(system, text: str) -> set[tuple[str, str, str]]:
    return {r for r in relations(system, text) if r[0] == "PART_OF"}


def test_states_listing_people_name_their_leaders(system):
    text = "The president hosted Mali's Idris Kallo Bako, Chad's Omar Saltani and Niger's Tomas Verhal."
    found = roles(system, text)
    assert ("LEADER_OF", "Omar Saltani", "Chad") in found
    assert ("LEADER_OF", "Tomas Verhal", "Niger") in found
    # One state's possessive alone may name any official.
    assert not roles(system, "The talks were opened by Chad's Omar Saltani on Monday.")


def test_person_possessive_before_a_group_leads_it(system):
    found = roles(system, "Fighters loyal to Gen. Omar Saltani's Hezbollah took the town.")
    assert ("LEADER_OF", "Omar Saltani", "Hezbollah") in found


def test_apposition_naming_a_part_of_a_body(system):
    assert ("PART_OF", "Amaq", "Hezbollah") in parts(system, "Amaq, the Hezbollah's news outlet, said it had struck.")
    text = "Jama'at Nusrat al-Islam (JNIM), al-Qaeda's branch in the north, claimed the attack."
    assert ("PART_OF", "JNIM", "al-Qaeda") in parts(system, text)
    # An ally in apposition is no part.
    assert not parts(system, "Hezbollah, the Hamas's closest ally, fired rockets.")


def test_members_of_a_coalition(system):
    text = "The Arakan Army joined the fight. The alliance is composed of Hezbollah, Hamas and the Houthis."
    found = parts(system, text)
    assert {("PART_OF", "Hezbollah", "Arakan Army"), ("PART_OF", "Houthis", "Arakan Army")} <= found


def test_body_possessive_of_a_noun_refers_back(system):
    text = "UNAMI issued a report on Friday, written by the mission's Civil Affairs Office, on the protests."
    assert ("PART_OF", "Civil Affairs Office", "UNAMI") in parts(system, text)


def test_of_the_group_noun_refers_back(system):
    text = (
        "The Hezbollah split in two. The war began after Dr. Omar Saltani, one co-founder of the movement, was seized."
    )
    assert ("LEADER_OF", "Omar Saltani", "Hezbollah") in roles(system, text)


def test_verb_between_body_and_rank_is_no_premodifier(system):
    # The body is the verb's subject, not the person's employer: "X freed Colonel N", "X urged President N".
    assert not roles(system, "The Kivu Relief Front freed Colonel Amadou Sow on Monday.")
    assert not roles(system, "The Senate urged President Amadou Sow to resign.")
    assert ("MEMBER_OF", "Amadou Sow", "Kivu Relief Front") in roles(
        system, "Kivu Relief Front spokesman Amadou Sow said the talks failed."
    )


def test_regional_director_is_a_member(system):
    # A regional director heads a part of the body, not the body, even when the region is not recognised.
    found = roles(system, "Amadou Sow, the ICRC's director for West Africa, praised the swap.")
    assert ("MEMBER_OF", "Amadou Sow", "ICRC") in found
    assert ("LEADER_OF", "Amadou Sow", "ICRC") not in found


def test_heading_an_unnamed_part_is_membership(system):
    # "heads X's political wing" heads a part of X: a member of X, not its leader (guidelines §2.5).
    found = roles(system, "Amadou Sow, who heads the Kivu Relief Front's political wing, said the talks failed.")
    assert ("MEMBER_OF", "Amadou Sow", "Kivu Relief Front") in found
    assert ("LEADER_OF", "Amadou Sow", "Kivu Relief Front") not in found
    assert ("LEADER_OF", "Amadou Sow", "Kivu Relief Front") in roles(
        system, "Amadou Sow, the head of the Kivu Relief Front, said the talks failed."
    )


def test_role_of_a_body_in_apposition_before_the_name(system):
    # "The leader of X, N" opening a sentence and "to the head of the X, N" after a verb (guidelines §2.5).
    assert ("LEADER_OF", "Yara Demsky", "Hamas") in roles(
        system, "The leader of Hamas, Yara Demsky, said talks failed."
    )
    assert ("LEADER_OF", "Anton Velik", "Kivu Relief Front") in roles(
        system, "The letter was handed to the head of the Kivu Relief Front, Anton Velik, on Monday."
    )
    # A list after a comma is no apposition: "the army, N and others".
    assert not roles(system, "Troops of the Norland army, Anton Velik and others met on Monday.")


def test_group_noun_skips_bodies_of_another_kind(system):
    # "the group's researcher" refers back past a battalion and a foundation to a group (guidelines §3.1).
    found = roles(
        system,
        "Amnesty International said the Rapid Response Battalion had burned homes. "
        "Tomas Verhal, the group's senior researcher, said the army lied.",
    )
    assert ("MEMBER_OF", "Tomas Verhal", "Amnesty International") in found, found
    assert not any(r[2] == "Rapid Response Battalion" for r in found), found


def test_title_before_a_name_of_a_state_leads_it(system):
    # "President N of Y" ties the title to the state (guidelines §2.5, bare titles); a rank does not.
    assert ("LEADER_OF", "Ali Tanko", "Niger") in roles(system, "President Ali Tanko of Niger arrived on Monday.")
    assert ("LEADER_OF", "Idris Mahamat", "Chad") in roles(system, "Prime Minister Idris Mahamat of Chad arrived.")
    assert not roles(system, "Gen. Omar Bako of Chad arrived on Monday.")


def test_owner_pronoun_inside_a_prepositional_phrase(system):
    # "X, through its spokesman N": "its" names X however the phrase opens.
    assert ("MEMBER_OF", "Omar Bako", "Kivu Relief Front") in roles(
        system, "The Kivu Relief Front, through its spokesman Gen. Omar Bako, said it would release the hostage."
    )


def test_owner_pronoun_before_a_part_names_the_subject(system):
    # "its" in the main clause names the sentence's subject, not the group of an apposition between.
    text = "The Sahel Front, an offshoot of Hamas, claimed the raid via its Amaq news agency."
    found = relations(system, text)
    assert ("PART_OF", "Amaq", "Sahel Front") in found, found
    assert ("PART_OF", "Amaq", "Hamas") not in found, found


def test_indefinite_and_regional_roles_after_the_name_are_membership(system):
    # "N, a Hamas commander" is one of its commanders; "N, Hamas's leader in Gaza" heads a part (§2.5).
    assert ("MEMBER_OF", "Omar Bako", "Hamas") in roles(system, "Gen. Omar Bako, a Hamas commander, was killed.")
    assert ("MEMBER_OF", "Omar Bako", "Hamas") in roles(system, "Gen. Omar Bako, Hamas's leader in Gaza, was killed.")
    assert ("LEADER_OF", "Omar Bako", "Hamas") in roles(system, "Gen. Omar Bako, the Hamas commander, was killed.")


def test_role_given_by_appointment(system):
    # "N was appointed head of X", "N was sworn in as president of Y": the role of the body after "of".
    found = roles(system, "Gen. Omar Bako was appointed head of the Kivu Liberation Front in May.")
    assert ("LEADER_OF", "Omar Bako", "Kivu Liberation Front") in found, found
    assert ("LEADER_OF", "Omar Bako", "Niger") in roles(system, "Gen. Omar Bako was sworn in as president of Niger.")
    # a name in a report about a body holds no role in it
    assert not roles(system, "Gen. Omar Bako was named in a report on the Kivu Liberation Front.")


def test_leading_a_bodys_fighters_is_membership(system):
    # "N, who leads X fighters in the town" heads some of X's fighters, a part of X (§2.5).
    found = roles(system, "Gen. Omar Bako, who leads Kivu Liberation Front fighters in the town, spoke.")
    assert ("MEMBER_OF", "Omar Bako", "Kivu Liberation Front") in found, found
    assert ("LEADER_OF", "Omar Bako", "Kivu Liberation Front") not in found, found


def test_a_sentence_opening_its_takes_up_the_named_subject_before(system):
    # "Its spokesman, N" opening a sentence: the organisation that opened the sentence before, by
    # the acronym, the name nearer the person (guidelines §3.1)
    text = (
        "The Kovar Liberation Front (KLF), an armed movement, said it staged the raid."
        " Its spokesman, Dano Verik, said fighters had withdrawn."
    )
    assert ("MEMBER_OF", "Dano Verik", "KLF") in roles(system, text)
    # a previous sentence that opens with no named organisation gives nothing
    text = "Gunmen claimed the raid on Tuesday in Dorvo. Its spokesman, Dano Verik, said fighters had withdrawn."
    assert not roles(system, text)


def test_a_bare_title_leads_the_one_state_its_sentence_ties_it_to(system):
    # "his country" ties a bare title to the state the sentence names (guidelines §2.5, bare titles)
    text = "President Akin Doru said his country felt let down and that Niger would quit the bloc."
    assert ("LEADER_OF", "Akin Doru", "Niger") in roles(system, text)
    # a state only talked about, or two states, give nothing
    assert not roles(system, "President Akin Doru called the warships a threat to Niger.")
    assert not roles(system, "President Akin Doru said his country would never forgive Mali or Niger.")


def test_a_part_named_with_its_acronym_relates_through_the_acronym(system):
    # of a name and its bracketed acronym, the one nearer the other argument (guidelines §3.1)
    ann = relations(system, "The Popular Guard (PG), the Kovar Front's armed wing, struck at dawn.")
    assert ("PART_OF", "PG", "Kovar Front") in ann, ann
    assert ("PART_OF", "Popular Guard", "Kovar Front") not in ann, ann


def test_an_acronym_before_a_role_and_people_coordinated_after_a_plural_role(system):
    # "Popular Front (PF) leader N": the acronym, nearer the name (guidelines §3.1)
    assert ("LEADER_OF", "Dano Verik", "KLF") in roles(
        system, "Kovar Liberation Front (KLF) leader Dano Verik spoke on Monday."
    )
    # a plural role in apposition covers every person coordinated after it
    found = roles(system, "The Varo Guard (VG) said three of its officers, Dano Verik and Akin Doru, were hurt.")
    assert {("MEMBER_OF", "Dano Verik", "VG"), ("MEMBER_OF", "Akin Doru", "VG")} <= found, found


def test_a_relative_clause_of_being_before_a_possessive_role(system):
    # "N, who is now the army's top general": the army named before (guidelines §3.1, §2.5)
    text = "Rebels routed Chad's army at dawn. Mahamat Deby, who is now the army's chief, vowed revenge."
    assert ("LEADER_OF", "Mahamat Deby", "army") in roles(system, text)


# -- parts named around a part noun (guidelines §2.5, "a group's possessive before one of its bodies") --


@pytest.mark.parametrize(
    "text, part, whole",
    [
        # a compound modifier between the owner's possessive and the part noun
        (
            "The Marren Popular Front (MPF), the Ostrel Tribal Council's Halvik-based affiliate, claimed the blast.",
            "MPF",
            "Ostrel Tribal Council",
        ),
        (
            "The Sable Front (SF), the Dorn Movement's Korvan-based offshoot, claimed the raid.",
            "SF",
            "Dorn Movement",
        ),
    ],
)
def test_part_apposition_past_a_compound_modifier(system, text, part, whole):
    assert ("PART_OF", part, whole) in relations(system, text)


@pytest.mark.parametrize(
    "text, part, whole",
    [
        # the part phrase as an apposition before the part's name
        (
            "The Sable Front's northern branch, the Korvan Liberation Army, claimed the attack.",
            "Korvan Liberation Army",
            "Sable Front",
        ),
        # a nominal owner names the nearest earlier body of its kind (§3.1)
        (
            "The Brenmoor Defence Front said the group's Icelandic branch, "
            "the Ostrel Tribal Council, carried out the raid.",
            "Ostrel Tribal Council",
            "Brenmoor Defence Front",
        ),
        # the whole as the premodifier of the part noun
        (
            "Lt. Col. Pia Lunde, head of the Brenmoor Defence Front faction Ostrel Tribal Council, denied the report.",
            "Ostrel Tribal Council",
            "Brenmoor Defence Front",
        ),
        (
            "Gen. Arvel Mendo, leader of the Sable Front faction Korvan Liberation Army, claimed it.",
            "Korvan Liberation Army",
            "Sable Front",
        ),
    ],
)
def test_part_phrase_before_the_parts_name(system, text, part, whole):
    assert ("PART_OF", part, whole) in relations(system, text)


def test_part_phrase_before_a_name_needs_a_part_noun_and_an_owner(system):
    # a comma list of bodies, no part noun: nothing is part of anything
    found = relations(system, "The Sable Front's fighters, the Korvan Liberation Army and the Dorn Movement clashed.")
    assert not {r for r in found if r[0] == "PART_OF"}, found
    # a part noun with no owner named before it states no whole
    found = relations(system, "A northern branch, the Korvan Liberation Army, claimed the attack.")
    assert not {r for r in found if r[0] == "PART_OF"}, found


@pytest.mark.parametrize(
    "text, part, owner",
    [
        (
            "The Sable Front (SF), an offshoot of the Dorn Movement, claimed "
            "the ambush late on Friday via its Amlar news agency.",
            "Amlar",
            "SF",
        ),
        (
            "The Ostrel Tribal Council (OTC), a splinter of the Brenmoor "
            "Defence Front, spoke through its Radio Halvik outlet.",
            "Radio Halvik",
            "OTC",
        ),
    ],
)
def test_owner_pronoun_names_the_acronym_nearer_the_part(system, text, part, owner):
    # "its" names the sentence's subject; of a name and its bracketed acronym, the nearer one (§3.1)
    found = relations(system, text)
    assert ("PART_OF", part, owner) in found, found
    assert not {r for r in found if r[0] == "PART_OF" and r[1] == part and r[2] != owner}, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Hostages were freed.\n\nThe Sable Front (SF), an armed movement, took credit for the blast on Tuesday. "
            "Its spokesman, Arvel Mendo, said the bridge was gone.",
            ("MEMBER_OF", "Arvel Mendo", "SF"),
        ),
        (
            "Two died.\n\nThe Ostrel Tribal Council (OTC) denied the report on Monday. Its commander, Gen. Pia Lunde, "
            "said the town held.",
            ("LEADER_OF", "Pia Lunde", "OTC"),
        ),
    ],
)
def test_a_sentence_opening_its_after_a_paragraph_break_takes_up_the_last_subject(system, text, expected):
    # the paragraph break is a whitespace token at the sentence's start, not its first word
    assert expected in relations(system, text)


@pytest.mark.parametrize(
    "text, part, whole",
    [
        (
            "Gen. Arvel Mendo, commander of the 7th Division of the Korvan Liberation Army, freed 30 children.",
            "7th Division",
            "Korvan Liberation Army",
        ),
        (
            "Traffic is overseen by the Border Service of Albania's Federal Security Service (FSS).",
            "Border Service",
            "Federal Security Service",
        ),
        ("The 2nd Battalion of the Ostrel Tribal Council held the pass.", "2nd Battalion", "Ostrel Tribal Council"),
    ],
)
def test_a_named_unit_of_a_named_body_is_part_of_it(system, text, part, whole):
    assert ("PART_OF", part, whole) in relations(system, text)


def test_a_body_of_a_state_or_of_something_not_a_unit_is_no_part(system):
    # "of" a place is the unit's remit; a name that is not a unit states nothing
    for text in (
        "The 2nd Battalion of Albania crossed the river.",
        "The Sable Front of the Dorn Movement era is gone.",
    ):
        found = relations(system, text)
        assert not {r for r in found if r[0] == "PART_OF"}, (text, found)


@pytest.mark.parametrize(
    "text, expected",
    [
        # modifiers with the determiner before a body named ahead of its role (guidelines §2.5)
        ("Col. Ilse Darrow, a senior Sable Front commander, was killed.", ("MEMBER_OF", "Ilse Darrow", "Sable Front")),
        (
            "Col. Ilse Darrow, one of the Sable Front's top commanders, was killed.",
            ("MEMBER_OF", "Ilse Darrow", "Sable Front"),
        ),
        (
            "Col. Pia Lunde, a veteran Ostrel Tribal Council negotiator, was freed.",
            ("MEMBER_OF", "Pia Lunde", "Ostrel Tribal Council"),
        ),
        # a definite role keeps leading, a former one included
        (
            "Col. Pia Lunde, the former Ostrel Tribal Council commander, was freed.",
            ("LEADER_OF", "Pia Lunde", "Ostrel Tribal Council"),
        ),
    ],
)
def test_modifiers_before_a_body_named_ahead_of_its_role(system, text, expected):
    found = roles(system, text)
    assert expected in found, found
    assert len(found) == 1, found


@pytest.mark.parametrize(
    "text, body, people",
    [
        (
            "The Dorn Movement's delegation, Arvel Mendo and Ilse Darrow, arrived.",
            "Dorn Movement",
            ("Arvel Mendo", "Ilse Darrow"),
        ),
        (
            "President Tomas Velko received the Ostrel Tribal Council's peace delegation, Col. Pia Lunde and Maj. "
            "Jonas Reck, in Halvik.",
            "Ostrel Tribal Council",
            ("Pia Lunde", "Jonas Reck"),
        ),
    ],
)
def test_people_in_apposition_to_a_bodys_delegation_are_members(system, text, body, people):
    found = roles(system, text)
    assert {("MEMBER_OF", p, body) for p in people} <= found, found


def test_a_delegation_of_no_named_body_has_no_members(system):
    assert not roles(system, "The delegation, Arvel Mendo and Ilse Darrow, arrived.")


@pytest.mark.parametrize(
    "text, part, whole",
    [
        (
            "The Relief Desk (RD), the Dorn Movement's humanitarian coordination office, said 40 were killed.",
            "RD",
            "Dorn Movement",
        ),
        (
            "The Ostrel Press Directorate, the Brenmoor Defence Front's media directorate, denied it.",
            "Ostrel Press Directorate",
            "Brenmoor Defence Front",
        ),
    ],
)
def test_an_office_in_apposition_is_part_of_its_owner(system, text, part, whole):
    assert ("PART_OF", part, whole) in relations(system, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A source said the strike was aimed at Arvel Mendo, whom the Sable Front regards as its "
            "second-in-command; the group denied it.",
            ("MEMBER_OF", "Arvel Mendo", "Sable Front"),
        ),
        (
            "Police named the dead man as Ilse Darrow, whom the army names as overall amir of the Ostrel "
            "Tribal Council (OTC), a local faction.",
            ("LEADER_OF", "Ilse Darrow", "Ostrel Tribal Council"),
        ),
    ],
)
def test_a_role_given_in_an_object_relative_clause(system, text, expected):
    assert expected in roles(system, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a nationality between "of the" and the body
        (
            "Ivo Brand of the Albanian group Friends of the Coast said three victims were divers.",
            ("MEMBER_OF", "Ivo Brand", "Friends of the Coast"),
        ),
        (
            "Ivo Brand of the Icelandic charity Halvik Relief Fund said so.",
            ("MEMBER_OF", "Ivo Brand", "Halvik Relief Fund"),
        ),
        # people of an institution or a company (guidelines §3, MEMBER_OF)
        (
            "Arvel Mendo, a security specialist at the Corvo University in Albania, said the hills were vast.",
            ("MEMBER_OF", "Arvel Mendo", "Corvo University"),
        ),
        ("Susi Airways pilot Ilse Darrow was seized in February.", ("MEMBER_OF", "Ilse Darrow", "Susi Airways")),
        # a regent leads the place named with the role (guidelines §2.5, governors and administrators)
        (
            "The rebels gave the captive to Tomas Velko, a former regent of Albania, near the airstrip.",
            ("LEADER_OF", "Tomas Velko", "Albania"),
        ),
    ],
)
def test_more_role_words_and_a_nationality_before_the_body(system, text, expected):
    assert expected in roles(system, text)


# -- general constructions: verbs of leading, heads of a function, each from two imaginary conflicts --


@pytest.mark.parametrize(
    "text, person, body",
    [
        ("Piet Osk, 56, heads the Tarvic Liberation Movement.", "Piet Osk", "Tarvic Liberation Movement"),
        ("Col. Mira Senn commands the Selmar National Guard in the east.", "Mira Senn", "Selmar National Guard"),
        (
            "Col. Mira Senn founded the Ondo Highland Militia in 2014 after the coup.",
            "Mira Senn",
            "Ondo Highland Militia",
        ),
    ],
)
def test_a_verb_of_leading_after_the_name_leads(system, text, person, body):
    # read like "N, who heads X" (guidelines §2.5)
    assert ("LEADER_OF", person, body) in roles(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "Col. Mira Senn speaks to the Ondo Highland Militia every week.",
        "Piet Osk, 56, visited the Tarvic Liberation Movement.",
    ],
)
def test_other_verbs_after_a_name_state_no_role(system, text):
    assert not roles(system, text)


@pytest.mark.parametrize(
    "text, person, body",
    [
        (
            "Piet Osk, the Selmar National Guard's head of communications, said the talks failed.",
            "Piet Osk",
            "Selmar National Guard",
        ),
        (
            "Gen. Luc Ferro, the Tarvic Liberation Movement's chief of operations, was wounded.",
            "Luc Ferro",
            "Tarvic Liberation Movement",
        ),
        (
            "Col. Mira Senn leads the Ondo Highland Militia delegation to the talks.",
            "Mira Senn",
            "Ondo Highland Militia",
        ),
    ],
)
def test_a_head_of_a_function_or_a_delegation_is_a_member(system, text, person, body):
    # guidelines §2.5: someone who heads part of a body is a member of the whole
    found = roles(system, text)
    assert ("MEMBER_OF", person, body) in found, found
    assert ("LEADER_OF", person, body) not in found, found


def test_a_head_of_state_still_leads(system):
    found = roles(system, "Gen. Luc Ferro, the Tarvic Liberation Movement's chief of staff, was wounded.")
    assert ("LEADER_OF", "Luc Ferro", "Tarvic Liberation Movement") in found, found


@pytest.mark.parametrize(
    "text, people, body, rtype",
    [
        (
            "Col. Luc Ferro and Maj. Rafe Tull, two members of the Ondo Highland Militia, were captured.",
            ("Luc Ferro", "Rafe Tull"),
            "Ondo Highland Militia",
            "MEMBER_OF",
        ),
        (
            "Ondo Highland Militia commanders Col. Luc Ferro and Maj. Rafe Tull were captured.",
            ("Luc Ferro", "Rafe Tull"),
            "Ondo Highland Militia",
            "MEMBER_OF",
        ),
        (
            "Gen. Ivo Brand, Col. Pia Lunde and Maj. Jonas Reck of the Brenmoor Defence Front surrendered.",
            ("Ivo Brand", "Pia Lunde", "Jonas Reck"),
            "Brenmoor Defence Front",
            "MEMBER_OF",
        ),
        (
            "Col. Luc Ferro and Maj. Rafe Tull, both senior commanders of the Ondo Highland Militia, were captured.",
            ("Luc Ferro", "Rafe Tull"),
            "Ondo Highland Militia",
            "MEMBER_OF",
        ),
        (
            "The Brenmoor Defence Front's leaders, Gen. Ivo Brand and Col. Pia Lunde, fled.",
            ("Ivo Brand", "Pia Lunde"),
            "Brenmoor Defence Front",
            "LEADER_OF",
        ),
    ],
)
def test_a_plural_role_or_an_of_phrase_is_shared_by_coordinated_people(system, text, people, body, rtype):
    found = roles(system, text)
    for person in people:
        assert (rtype, person, body) in found, (person, found)
    assert not any(r[0] == "LEADER_OF" for r in found) or rtype == "LEADER_OF", found


def test_a_singular_role_after_the_second_person_is_not_shared(system):
    found = roles(system, "Col. Luc Ferro met Maj. Rafe Tull, the commander of the Ondo Highland Militia.")
    assert ("LEADER_OF", "Rafe Tull", "Ondo Highland Militia") in found, found
    assert not any(r[1] == "Luc Ferro" for r in found), found


@pytest.mark.parametrize(
    "text, person, body, rtype",
    [
        ("The Ondo Highland Militia's Col. Luc Ferro was captured.", "Luc Ferro", "Ondo Highland Militia", "MEMBER_OF"),
        (
            "The Brenmoor Defence Front's Maj. Jonas Reck surrendered.",
            "Jonas Reck",
            "Brenmoor Defence Front",
            "MEMBER_OF",
        ),
        (
            "Col. Luc Ferro, who commanded the Ondo Highland Militia until 2020, was captured.",
            "Luc Ferro",
            "Ondo Highland Militia",
            "LEADER_OF",
        ),
        (
            "Col. Luc Ferro, who serves as the Kessa Unity Party's spokesman, was captured.",
            "Luc Ferro",
            "Kessa Unity Party",
            "MEMBER_OF",
        ),
        (
            "Dr. Pia Lunde, a senior figure in the Brenmoor Defence Front, was arrested.",
            "Pia Lunde",
            "Brenmoor Defence Front",
            "MEMBER_OF",
        ),
    ],
)
def test_a_rank_after_a_bodys_possessive_and_relative_roles(system, text, person, body, rtype):
    assert (rtype, person, body) in roles(system, text)


def test_a_rank_after_a_states_possessive_states_no_membership(system):
    found = roles(system, "Andorra's Gen. Luc Ferro met the envoys.")
    assert not any(r[1] == "Luc Ferro" and r[0] == "MEMBER_OF" for r in found), found


@pytest.mark.parametrize(
    "text, person, body",
    [
        (
            "The Tarvic Liberation Movement seized Kidal. Col. Mira Senn, a former army officer, founded the group "
            "in 2017.",
            "Mira Senn",
            "Tarvic Liberation Movement",
        ),
        (
            "The Brenmoor Defence Front shelled Gao. Gen. Ivo Brand founded the movement in 2011.",
            "Ivo Brand",
            "Brenmoor Defence Front",
        ),
        (
            "Col. Mira Senn, a former army officer, founded the Kessa Unity Party in 2017.",
            "Mira Senn",
            "Kessa Unity Party",
        ),
    ],
)
def test_a_founder_named_past_an_apposition_or_of_the_group_named_before(system, text, person, body):
    assert ("LEADER_OF", person, body) in roles(system, text)


def test_leading_the_groups_fighters_does_not_lead_the_group(system):
    found = roles(
        system, "The Tarvic Liberation Movement seized Kidal. Col. Mira Senn leads the group's fighters in the north."
    )
    assert ("LEADER_OF", "Mira Senn", "Tarvic Liberation Movement") not in found, found


@pytest.mark.parametrize(
    "text, person, body, rtype",
    [
        (
            "A spokesman for the Selmar National Guard, Maj. Luc Ferro, said three soldiers died.",
            "Luc Ferro",
            "Selmar National Guard",
            "MEMBER_OF",
        ),
        (
            "A commander of the Brenmoor Defence Front, Col. Pia Lunde, was captured.",
            "Pia Lunde",
            "Brenmoor Defence Front",
            "MEMBER_OF",
        ),
        (
            "The commander of the Ondo Highland Militia, Col. Mira Senn, was captured.",
            "Mira Senn",
            "Ondo Highland Militia",
            "LEADER_OF",
        ),
    ],
)
def test_an_indefinite_role_with_for_or_of_in_apposition_before_the_name(system, text, person, body, rtype):
    found = roles(system, text)
    assert (rtype, person, body) in found, found
    assert len([r for r in found if r[1] == person]) == 1, found


@pytest.mark.parametrize(
    "text, person, body",
    [
        ("Piotr Zaleski, the Amber Front leader's brother, was arrested in Gao.", "Piotr Zaleski", "Amber Front"),
        ("Tomas Berek, the Tarsh Front commander's driver, was detained in Olvo.", "Tomas Berek", "Tarsh Front"),
    ],
)
def test_a_relative_of_a_role_holder_holds_no_role(system, text, person, body):
    # "N, the X leader's brother": the role belongs to another person; N is neither leader nor member
    found = relations(system, text)
    assert not any(head == person and tail == body for _, head, tail in found), found


@pytest.mark.parametrize(
    "text, person, body",
    [
        ("Piotr Zaleski, the Amber Front leader, was arrested in Gao.", "Piotr Zaleski", "Amber Front"),
        ("Tomas Berek, the Tarsh Front's commander, was killed.", "Tomas Berek", "Tarsh Front"),
    ],
)
def test_a_role_holder_in_apposition_still_leads(system, text, person, body):
    assert ("LEADER_OF", person, body) in relations(system, text)


@pytest.mark.parametrize(
    "text, person, body",
    [
        ("Piotr Zaleski, an expert on the Amber Front, said the group had split.", "Piotr Zaleski", "Amber Front"),
        (
            "Ana Kovel, who heads the investigation into the Tarsh Front, said 12 had been charged.",
            "Ana Kovel",
            "Tarsh Front",
        ),
    ],
)
def test_a_body_a_role_is_about_is_not_the_persons(system, text, person, body):
    # "an expert on X", "heads the inquiry into X": X is the topic of the role, not the body it belongs to
    found = relations(system, text)
    assert not any(head == person and tail == body for _, head, tail in found), found


@pytest.mark.parametrize(
    "text, expected",
    [
        # role words of news English: a convener or co-chair leads; a vice-chair or a militiaman is a member
        ("Tomas Berek, the Amber Front convener, presented the list.", ("LEADER_OF", "Tomas Berek", "Amber Front")),
        ("Marta Liss, the Tarsh Front's convenor, read the names.", ("LEADER_OF", "Marta Liss", "Tarsh Front")),
        ("Tomas Berek, a Green Brigade militiaman, was killed.", ("MEMBER_OF", "Tomas Berek", "Green Brigade")),
        (
            "Ana Kovel, vice-chairman of the Olvo Lawyers Union, was detained.",
            ("MEMBER_OF", "Ana Kovel", "Olvo Lawyers Union"),
        ),
        # a place compound describing the body is passed over
        (
            "Tomas Berek, director of the Gao-based group Sahel Rights Watch (SRW), wrote that the trials were unfair.",
            ("LEADER_OF", "Tomas Berek", "Sahel Rights Watch"),
        ),
        (
            "Marta Liss, head of the Olvo-based Coastal Aid League, said 40 had died.",
            ("LEADER_OF", "Marta Liss", "Coastal Aid League"),
        ),
    ],
)
def test_role_words_and_place_compounds(system, text, expected):
    assert expected in relations(system, text)


@pytest.mark.parametrize(
    "text, expected, wrong",
    [
        # a place naming a part of the body: the head of the part is a member of the whole (§2.5)
        (
            "Ana Kovel, president of the Gao chapter of the Red Cross, said 12 died.",
            ("MEMBER_OF", "Ana Kovel", "Red Cross"),
            ("LEADER_OF", "Ana Kovel", "Gao"),
        ),
        (
            "Ana Kovel, the head of the Amber Front's Gao branch, was arrested.",
            ("MEMBER_OF", "Ana Kovel", "Amber Front"),
            ("LEADER_OF", "Ana Kovel", "Amber Front"),
        ),
        # a body's panel or committee is a part of it
        (
            "Tomas Berek, who chaired the Sahel Union panel on Olvo, said the report was late.",
            ("MEMBER_OF", "Tomas Berek", "Sahel Union"),
            ("LEADER_OF", "Tomas Berek", "Sahel Union"),
        ),
    ],
)
def test_the_head_of_a_part_named_by_a_place_or_a_panel_is_a_member(system, text, expected, wrong):
    found = relations(system, text)
    assert expected in found and wrong not in found, found


@pytest.mark.parametrize(
    "text, first, second",
    [
        (
            "Piotr Zaleski, Chad's prime minister and Sahel Union chairman, brokered the meeting.",
            ("LEADER_OF", "Piotr Zaleski", "Chad"),
            ("LEADER_OF", "Piotr Zaleski", "Sahel Union"),
        ),
        (
            "Tomas Berek, the Tarsh Front's spokesman and Olvo Lawyers Union member, was detained.",
            ("MEMBER_OF", "Tomas Berek", "Tarsh Front"),
            ("MEMBER_OF", "Tomas Berek", "Olvo Lawyers Union"),
        ),
    ],
)
def test_two_coordinated_roles_of_two_bodies(system, text, first, second):
    found = relations(system, text)
    assert first in found and second in found, found


def test_a_role_coordinated_with_a_possessive_that_is_no_role(system):
    # "and Niger's ally" is no role of Niger's; the first role stays
    found = relations(system, "Ana Kovel, Mali's president and Niger's ally, spoke.")
    assert ("LEADER_OF", "Ana Kovel", "Mali") in found
    assert not any(tail == "Niger" for _, _, tail in found if _ in ("LEADER_OF", "MEMBER_OF")), found


# -- round of 2026-11-25 (late): a relative clause states a role only when it says what the person is --
@pytest.mark.parametrize(
    "text",
    [
        "Piotr Zaleski, who met the head of the Amber Front, denied the charge.",
        "Piotr Zaleski, who replaced the leader of the Amber Front in May, denied the charge.",
        "Ana Kovel, who accused the commander of the Vell Brigade of lying, was arrested in Olvo.",
        "Ana Kovel, who heads to the Tarsh Front's stronghold on Friday, denied the charge.",
    ],
)
def test_a_relative_clause_of_another_act_gives_no_role(system, text):
    found = roles(system, text)
    assert not found, found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Piotr Zaleski, who heads the Amber Front, denied the charge.", ("LEADER_OF", "Piotr Zaleski", "Amber Front")),
        (
            "Ana Kovel, who is the head of the Vell Brigade, was arrested.",
            ("LEADER_OF", "Ana Kovel", "Vell Brigade"),
        ),
        # a former role keeps its type (guidelines §2.5)
        (
            "Ana Kovel, who led the Tarsh Front until 2019, was arrested.",
            ("LEADER_OF", "Ana Kovel", "Tarsh Front"),
        ),
        (
            "Piotr Zaleski, who speaks for the Amber Front, denied the charge.",
            ("MEMBER_OF", "Piotr Zaleski", "Amber Front"),
        ),
    ],
)
def test_a_relative_clause_of_being_or_leading_gives_the_role(system, text, expected):
    assert expected in roles(system, text)


# a bare "head" of a place named with the place leads it like a governor (guidelines §2.5)
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Tomas Berek, the head of the Kayes district, was dismissed on Monday.",
            ("LEADER_OF", "Tomas Berek", "Kayes"),
        ),
        ("Ana Kovel, head of Tillaberi region, said the road was cut.", ("LEADER_OF", "Ana Kovel", "Tillaberi")),
        (
            "Tigray held a day of prayer. Tomas Berek, the region's head, blamed the rebels.",
            ("LEADER_OF", "Tomas Berek", "Tigray"),
        ),
    ],
)
def test_the_bare_head_of_a_place_leads_it(system, text, expected):
    assert expected in roles(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Berek, the head of the Kayes district court, was dismissed on Monday.",
        "Tomas Berek, Turkey's intelligence head, met the envoy.",
        "Tigray held a day of prayer. Tomas Berek, the region's police head, blamed the rebels.",
        "Ana Kovel, the deputy head of Tillaberi region, said the road was cut.",
    ],
)
def test_a_head_of_a_body_of_the_place_does_not_lead_the_place(system, text):
    found = roles(system, text)
    assert not any(
        kind == "LEADER_OF" and tail in ("Kayes", "Turkey", "Tigray", "Tillaberi") for kind, _, tail in found
    )


# the place's possessive before a body ("the X region's police") makes the head that body's, not the place's
@pytest.mark.parametrize(
    "text",
    [
        "Alan Vey, head of the Dorvo region's police, said 12 people died.",
        "Alan Vey, the head of Dorvo's electoral commission, resigned on Monday.",
        "Alan Vey, head of the Dorvo district's traffic police, said the road was shut.",
    ],
)
def test_a_head_of_a_body_in_the_places_possessive_does_not_lead_the_place(system, text):
    found = roles(system, text)
    assert not any(kind == "LEADER_OF" and tail == "Dorvo" for kind, _, tail in found), found


# "X, whose leader N": the role of the body the relative clause is said of (a possessive, guidelines §2.5)
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Amber Front, whose leader Piotr Zaleski fled to Monaco, denied the charge.",
            ("LEADER_OF", "Piotr Zaleski", "Amber Front"),
        ),
        (
            "The Korvan Liberation Army (KLA), whose commander, Gen. Ana Kovel, was wounded, withdrew.",
            ("LEADER_OF", "Ana Kovel", "KLA"),
        ),
        (
            "The Vell Brigade, whose spokesman Ana Kovel was arrested on Friday, called the raid illegal.",
            ("MEMBER_OF", "Ana Kovel", "Vell Brigade"),
        ),
        ("Niger, whose president Ana Kovel took power in a coup, left the bloc.", ("LEADER_OF", "Ana Kovel", "Niger")),
    ],
)
def test_whose_role_names_the_body_before(system, text, expected):
    assert expected in roles(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Amber Front, whose leader fled to Monaco, denied that Piotr Zaleski was involved.",
        "The Tarsh Front, whose fighters Ana Kovel said were paid, denied the charge.",
        "The Vell Brigade, whose attack Ana Kovel condemned, withdrew.",
    ],
)
def test_whose_without_a_role_of_the_person_gives_none(system, text):
    assert not roles(system, text)


# "N, who holds the rotating chairmanship of X" leads X; "an envoy of the armed coalition, the X" is its member
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Issoufou hosted Roch Kaboré, who holds the rotating chairmanship of the G5 Sahel, in Niamey.",
            ("LEADER_OF", "Roch Kaboré", "G5 Sahel"),
        ),
        (
            "The Dorn Union met in Olvo. Ana Kovel, who holds the bloc's presidency, spoke first.",
            ("LEADER_OF", "Ana Kovel", "Dorn Union"),
        ),
        (
            "Ana Kovel, an envoy of the armed coalition, the Permanent Framework for Peace (PFP), said 12 died.",
            ("MEMBER_OF", "Ana Kovel", "Permanent Framework for Peace"),
        ),
    ],
)
def test_a_held_office_and_a_named_apposition_of_the_body(system, text, expected):
    assert expected in roles(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ana Kovel, who holds talks with the head of the African Union, spoke.",
        "Ana Kovel, who holds a seat on the board of the African Union, spoke.",
        "Ana Kovel, an envoy of the armed coalition, said the Amber Front had left.",
    ],
)
def test_holding_something_else_or_an_unnamed_alliance_gives_no_role(system, text):
    assert not roles(system, text)


# §2.5 a traditional ruler named with his area leads it; a title-case role in "the X of Y, N"
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The delegation followed the Paramount Chief of Kano, Naba Omar Tesh.",
            ("LEADER_OF", "Omar Tesh", "Kano"),  # the local title stays outside the name (guidelines §2)
        ),
        ("The Emir of Kano, Aminu Idris, condemned the attack.", ("LEADER_OF", "Aminu Idris", "Kano")),
        ("The President of Mali, Ana Kovel, condemned the attack.", ("LEADER_OF", "Ana Kovel", "Mali")),
    ],
)
def test_a_title_case_role_of_a_place_in_apposition_leads_it(system, text, expected):
    assert expected in roles(system, text)


def test_a_title_case_name_of_a_body_before_a_speaker_is_no_role(system):
    assert not roles(system, "The Bank of Mali, Ana Kovel said, had frozen the accounts.")


# a role premodifier ends at the name: a clause whose last word is no role ("leaders convene N") gives none
@pytest.mark.parametrize(
    "text",
    [
        "Dorn Union leaders convene. Ana Kovel called a meeting of the bloc's envoys.",
        "Amber Front commanders gathered Ana Kovel and Piotr Zaleski in Olvo.",
    ],
)
def test_a_role_word_not_right_before_the_name_gives_no_role(system, text):
    assert not roles(system, text)


def test_a_role_premodifier_right_before_the_name_still_gives_the_role(system):
    assert ("MEMBER_OF", "Ana Kovel", "Amber Front") in roles(system, "Amber Front spokesman Ana Kovel denied it.")


# people listed by their states lead them only at a meeting of leaders (a summit's guest list)
@pytest.mark.parametrize(
    "text",
    [
        "Russia's Sergei Lavrov met Iran's Abbas Araghchi in Moscow.",
        "The talks were attended by Malta's Ana Kovel, Monaco's Piotr Zaleski and Iceland's Tomas Berek.",
    ],
)
def test_people_listed_by_their_states_outside_a_summit_lead_nothing(system, text):
    assert not any(kind == "LEADER_OF" for kind, _, _ in roles(system, text))


def test_people_listed_by_their_states_at_a_summit_lead_them(system):
    found = roles(system, "At the summit in Olvo, Malta's Ana Kovel and Monaco's Piotr Zaleski signed the pact.")
    assert ("LEADER_OF", "Ana Kovel", "Malta") in found and ("LEADER_OF", "Piotr Zaleski", "Monaco") in found, found


# the place where a person acts is not what he leads; leading a delegation of a body heads a part of it
@pytest.mark.parametrize(
    "text, wrong, expected",
    [
        (
            "Piotr Zaleski, a leader of the protest movement in Olvo, was arrested.",
            ("LEADER_OF", "Piotr Zaleski", "Olvo"),
            None,
        ),
        (
            "Tomas Berek, who led a delegation of the Amber Front to Olvo, was arrested.",
            ("LEADER_OF", "Tomas Berek", "Amber Front"),
            ("MEMBER_OF", "Tomas Berek", "Amber Front"),
        ),
    ],
)
def test_a_place_of_action_or_a_delegation_is_not_what_is_led(system, text, wrong, expected):
    found = roles(system, text)
    assert wrong not in found, found
    assert expected is None or expected in found, found


# a body noun before a role refers back to the body of that name (guidelines §3.1): "committee spokesperson N"
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Dorn Inquiry Committee put the number held at six. Committee spokesperson Ana Kovel said one died.",
            ("MEMBER_OF", "Ana Kovel", "Dorn Inquiry Committee"),
        ),
        (
            "The Korvan Electoral Commission halted the count. Commission spokesman Piotr Zaleski said 12 died.",
            ("MEMBER_OF", "Piotr Zaleski", "Korvan Electoral Commission"),
        ),
    ],
)
def test_a_body_noun_before_a_role_refers_back(system, text, expected):
    assert expected in roles(system, text)


def test_a_body_noun_with_no_body_of_that_name_gives_no_role(system):
    assert not roles(system, "The Amber Front met in Olvo. Committee spokesperson Ana Kovel said one had died.")
