"""Relations between parties stated through a verb, a coordination or an apposition
(``systems/rules/party_relations.py``). Every sentence is written for these tests."""

from __future__ import annotations

import pytest
from conftest import predict_text

from systems.rules import RulesSystem


@pytest.fixture(scope="module")
def system(rules_system):
    return rules_system


def relations(system: RulesSystem, text: str) -> set[tuple[str, str, str, str]]:
    ann = predict_text(system, text)
    by_id = {e.id: e for e in ann.entities}
    return {(r.type, by_id[r.head].text, by_id[r.tail].text, r.rule) for r in ann.relations}


def pairs(system: RulesSystem, text: str) -> set[tuple[str, str, str]]:
    return {(t, h, tail) for t, h, tail, _ in relations(system, text)}


@pytest.mark.parametrize(
    "text, expected, rule",
    [
        # a verb of intent before a hostile verb
        (
            "The Houthis vowed to destroy Israel within a year.",
            ("IN_CONFLICT_WITH", "Houthis", "Israel"),
            "party_relations.hostile_verbs",
        ),
        # a force noun after a possessive subject
        (
            "Hezbollah's fighters attacked Israel on Tuesday night.",
            ("IN_CONFLICT_WITH", "Hezbollah", "Israel"),
            "party_relations.hostile_verbs",
        ),
        # an apposition between the subject and its verb
        (
            "Hezbollah, led by Hassan Nasrallah since 1992, has fought Israel for decades.",
            ("IN_CONFLICT_WITH", "Hezbollah", "Israel"),
            "party_relations.hostile_verbs",
        ),
        # coordinated subjects with no object fought each other
        (
            "Hamas and Fatah clashed in the camp for a second day.",
            ("IN_CONFLICT_WITH", "Hamas", "Fatah"),
            "party_relations.reciprocal_verbs",
        ),
        (
            "Niger's army and the Boko Haram rebels were fighting near the lake.",
            ("IN_CONFLICT_WITH", "army", "Boko Haram"),
            "party_relations.reciprocal_verbs",
        ),
        # weapons between the verb of firing and its target
        (
            "Russia fired drones and ballistic missiles at Ukraine overnight.",
            ("IN_CONFLICT_WITH", "Russia", "Ukraine"),
            "party_relations.fire",
        ),
        (
            "Jordan intercepted several missiles launched by Iran.",
            ("IN_CONFLICT_WITH", "Jordan", "Iran"),
            "party_relations.intercept",
        ),
        # counts of a party's members as the object, past a count of no named party
        (
            "The Houthis said they had killed 30 Saudi soldiers and 12 fighters of the Southern Transitional Council.",
            ("IN_CONFLICT_WITH", "Houthis", "Southern Transitional Council"),
            "party_relations.kill",
        ),
        (
            "Al-Shabaab said on Sunday it had killed 14 Somali army soldiers.",
            ("IN_CONFLICT_WITH", "Al-Shabaab", "Somali army"),
            "party_relations.kill",
        ),
        # a date between the subject and the verb; the object must be driven out
        (
            "Somalia's army said on Tuesday that it had driven al-Shabaab out of two villages.",
            ("IN_CONFLICT_WITH", "army", "al-Shabaab"),
            "party_relations.expel_verbs",
        ),
        # of a name and its bracketed acronym, the acronym, nearer the object, is the subject
        # (guidelines §3.1); a count of the party's targets the object
        (
            "The Jordanian Air Force (JAF) had hit 40 Islamic State hideouts on Sunday.",
            ("IN_CONFLICT_WITH", "JAF", "Islamic State"),
            "party_relations.hostile_verbs",
        ),
        # losses in fighting with a named party
        (
            "Ukraine's army has lost 20 soldiers in this week's clashes with Russia, officials said.",
            ("IN_CONFLICT_WITH", "army", "Russia"),
            "party_relations.losses",
        ),
        # a rival named after a pronoun owner or a possessive
        (
            "Al-Shabaab dominates the south. Its rival, the Islamic State, holds parts of Puntland.",
            ("IN_CONFLICT_WITH", "Al-Shabaab", "Islamic State"),
            "party_relations.rival",
        ),
        ("Hamas's rival Fatah runs the West Bank.", ("IN_CONFLICT_WITH", "Hamas", "Fatah"), "party_relations.rival"),
        # a parenthetical between the subject and its verb, and what it says of the subject
        (
            "Israel's army, in coordination with the Shin Bet, struck Hamas.",
            ("IN_CONFLICT_WITH", "army", "Hamas"),
            "party_relations.hostile_verbs",
        ),
        (
            "Israel's army, in coordination with the Shin Bet, struck Hamas.",
            ("ALLIED_WITH", "army", "Shin Bet"),
            "party_relations.ally_verbs",
        ),
        # a truce states the fighting it ends, past "of <description>" and "the <noun> of"
        (
            "Mali's junta and the Azawad Liberation Front of northern rebel groups have reached a month-long truce.",
            ("IN_CONFLICT_WITH", "junta", "Azawad Liberation Front"),
            "party_relations.truce",
        ),
        (
            "Sudan's army and the fighters of the SPLM-N finally accepted a two-week truce.",
            ("IN_CONFLICT_WITH", "army", "SPLM-N"),
            "party_relations.truce",
        ),
        (
            "Colombia signed a peace deal with the FARC rebels in 2016.",
            ("IN_CONFLICT_WITH", "Colombia", "FARC"),
            "party_relations.truce",
        ),
        (
            "Nigeria's army declared Boko Haram technically defeated in 2015.",
            ("IN_CONFLICT_WITH", "army", "Boko Haram"),
            "party_relations.declared",
        ),
        # a party named as the modifier of the member killed
        (
            "Israel said it had killed a senior Hamas commander in Rafah.",
            ("IN_CONFLICT_WITH", "Israel", "Hamas"),
            "party_relations.kill",
        ),
        (
            "The strikes by Russia on Ukraine continued overnight.",
            ("IN_CONFLICT_WITH", "Russia", "Ukraine"),
            "party_relations.attack_by",
        ),
        ("The RSF's capture of Nyala drew condemnation.", ("CONTROLS", "RSF", "Nyala"), "party_relations.capture"),
        (
            "The seizure of Goma by the M23 shocked Kinshasa.",
            ("CONTROLS", "M23", "Goma"),
            "party_relations.capture",
        ),
        (
            "The fall of Kabul to the Taliban in 2021 surprised Washington.",
            ("CONTROLS", "Taliban", "Kabul"),
            "party_relations.capture",
        ),
        (
            "Iran's support for the Houthis worries Riyadh.",
            ("ALLIED_WITH", "Iran", "Houthis"),
            "party_relations.support_nouns",
        ),
        (
            "Gaza, under Hamas control since 2007, has been blockaded.",
            ("CONTROLS", "Hamas", "Gaza"),
            "party_relations.under_control",
        ),
        ("Idlib is now under full HTS control.", ("CONTROLS", "HTS", "Idlib"), "party_relations.under_control"),
        # "its forces" after a reporting verb: the reporter's forces
        (
            "Pakistan said its forces killed 30 TTP militants in North Waziristan.",
            ("IN_CONFLICT_WITH", "Pakistan", "TTP"),
            "party_relations.kill",
        ),
        (
            "Israel and Hezbollah have traded fire almost daily since October.",
            ("IN_CONFLICT_WITH", "Israel", "Hezbollah"),
            "party_relations.reciprocal_verbs",
        ),
        (
            "Iran launched more than 300 drones and cruise missiles toward Israel.",
            ("IN_CONFLICT_WITH", "Iran", "Israel"),
            "party_relations.fire",
        ),
        (
            "The Houthis joined the fight against Israel in October.",
            ("IN_CONFLICT_WITH", "Houthis", "Israel"),
            "party_relations.hostile_verbs",
        ),
        ("Russia has vowed to support Iran.", ("ALLIED_WITH", "Russia", "Iran"), "party_relations.ally_verbs"),
        (
            "Mali signed a defence pact with Niger in 2023.",
            ("ALLIED_WITH", "Mali", "Niger"),
            "party_relations.ally_verbs",
        ),
        (
            "Russia and Iran are close allies.",
            ("ALLIED_WITH", "Russia", "Iran"),
            "party_relations.reciprocal_allies",
        ),
        (
            "Armenia and Azerbaijan have been at war for decades.",
            ("IN_CONFLICT_WITH", "Armenia", "Azerbaijan"),
            "party_relations.reciprocal_verbs",
        ),
        # a place taken from a party
        (
            "Sudan's army recaptured Wad Madani from the RSF on Saturday.",
            ("IN_CONFLICT_WITH", "army", "RSF"),
            "party_relations.taken_from",
        ),
        # a relative clause after the subject
        (
            "The Houthis, who control Sanaa, fired missiles at Israel.",
            ("CONTROLS", "Houthis", "Sanaa"),
            "party_relations.control_verbs",
        ),
        # the named members of one delegation are allied pairwise
        (
            "A joint delegation from Egypt, the UN and the Arab League visited Khartoum.",
            ("ALLIED_WITH", "UN", "Arab League"),
            "party_relations.joint",
        ),
        (
            "Ukraine accuses Belarus of arming and training Wagner fighters.",
            ("ALLIED_WITH", "Belarus", "Wagner"),
            "party_relations.accusation",
        ),
        (
            "Kabul denies that Pakistan works with the Islamic State.",
            ("ALLIED_WITH", "Pakistan", "Islamic State"),
            "party_relations.ally_verbs",
        ),
        (
            "The Taliban, loyal to al-Qaeda since 2001, rejected the claim.",
            ("ALLIED_WITH", "Taliban", "al-Qaeda"),
            "party_relations.ally_verbs",
        ),
        (
            "Hamas fought alongside Islamic Jihad in Khan Younis.",
            ("ALLIED_WITH", "Hamas", "Islamic Jihad"),
            "party_relations.ally_verbs",
        ),
        (
            "Egyptian President Abdel Fattah al-Sisi held a video meeting with Kenyan President William Ruto "
            "on Monday.",
            ("MET_WITH", "Abdel Fattah al-Sisi", "William Ruto"),
            "party_relations.meet_hold",
        ),
        (
            "Talks lasting four hours between President Vladimir Putin and President Emmanuel Macron ended.",
            ("MET_WITH", "Vladimir Putin", "Emmanuel Macron"),
            "party_relations.meet_between",
        ),
        # a pronoun subject names the person of the sentence before
        (
            "French President Emmanuel Macron welcomed the plan. On Monday he met UN Secretary-General "
            "Antonio Guterres in Paris.",
            ("MET_WITH", "Emmanuel Macron", "Antonio Guterres"),
            "party_relations.meet",
        ),
        # the list of people met goes on past a relative clause
        (
            "Qatari Prime Minister Mohammed bin Abdulrahman hosted Hamas leader Ismail Haniyeh, who had arrived "
            "from Turkey, and Egyptian intelligence chief Abbas Kamel.",
            ("MET_WITH", "Mohammed bin Abdulrahman", "Abbas Kamel"),
            "party_relations.meet",
        ),
        # a lower-case word before a role word
        (
            "Russian President Vladimir Putin had phoned Egypt's intelligence chief, Hassan Rashad, on Sunday.",
            ("MET_WITH", "Vladimir Putin", "Hassan Rashad"),
            "party_relations.meet",
        ),
        # an apposition whose last word is a place, between a person and the meeting verb
        (
            "Ukrainian President Volodymyr Zelenskyy, who had arrived late from Warsaw, met President "
            "Emmanuel Macron at the Elysee.",
            ("MET_WITH", "Volodymyr Zelenskyy", "Emmanuel Macron"),
            "party_relations.meet",
        ),
        # "him" as the one met names the one person of the sentence before
        (
            "UN envoy Hans Grundberg spent May in the Gulf. Saudi Foreign Minister Faisal bin Farhan received "
            "him in Riyadh.",
            ("MET_WITH", "Faisal bin Farhan", "Hans Grundberg"),
            "party_relations.meet",
        ),
        # a rank's full stop ends no list of people met (ranks are one token, pipeline.keep_abbreviations,
        # so the sentence holds the whole list and the first meeting rule finds it); a stray comma after the subject
        (
            "Chad's leader, Gen. Mahamat Deby, had met Niger's Col. Amadou Abdramane and Mali's Capt. Ibrahim Kone "
            "in Niamey.",
            ("MET_WITH", "Mahamat Deby", "Ibrahim Kone"),
            "relations.meet",
        ),
        # a pronoun after a reporting verb names the reporter
        (
            "Egyptian President Abdel Fattah al-Sisi said he had met US President Joe Biden twice.",
            ("MET_WITH", "Abdel Fattah al-Sisi", "Joe Biden"),
            "party_relations.meet",
        ),
        (
            "The M23 captured the strategic town of Sake on Friday.",
            ("CONTROLS", "M23", "Sake"),
            "party_relations.control_verbs",
        ),
        (
            "A plane carrying detainees touched down in the Houthi-run port, Hodeidah, at noon.",
            ("CONTROLS", "Houthi", "Hodeidah"),
            "party_relations.held_suffix",
        ),
        # An apposition after a bracketed acronym is said of the acronym, the nearest mention.
        (
            "Police blamed the Kivu Liberation Front (KLF), a breakaway cell loyal to al-Qaeda.",
            ("ALLIED_WITH", "KLF", "al-Qaeda"),
            "party_relations.ally_verbs",
        ),
        # A light verb with an attack noun reads like a verb of firing.
        (
            "The Kivu Liberation Front carried out strikes against the Malian army overnight.",
            ("IN_CONFLICT_WITH", "Kivu Liberation Front", "Malian army"),
            "party_relations.fire",
        ),
        # A participle in a noun apposition is said of the apposition's head, past a compound modifier.
        (
            "The Kivu Liberation Front, the Iran-backed group fighting the Malian army, denied it.",
            ("IN_CONFLICT_WITH", "Kivu Liberation Front", "Malian army"),
            "party_relations.hostile_verbs",
        ),
        # A truce signed by "A and the rebels of B (BF)": the name before its acronym.
        (
            "Chad's government and the rebels of the Kivu Liberation Front (KLF) signed a six-month "
            "ceasefire on Friday.",
            ("IN_CONFLICT_WITH", "government", "Kivu Liberation Front"),
            "party_relations.truce",
        ),
        # Killing or seizing a party's members or commander states the conflict.
        (
            "Chad assassinated Kivu Liberation Front commander Gen. Omar Bako.",
            ("IN_CONFLICT_WITH", "Chad", "Kivu Liberation Front"),
            "party_relations.kill",
        ),
        (
            "The Kivu Liberation Front kidnapped 30 Malian army soldiers.",
            ("IN_CONFLICT_WITH", "Kivu Liberation Front", "Malian army"),
            "party_relations.kill",
        ),
        # The claimant of an attack on a party attacked it.
        (
            "The Kivu Liberation Front claimed responsibility for the attack on the Malian army.",
            ("IN_CONFLICT_WITH", "Kivu Liberation Front", "Malian army"),
            "party_relations.claim",
        ),
        (
            "The Kivu Liberation Front claimed the deadly weekend assault on Chad.",
            ("IN_CONFLICT_WITH", "Kivu Liberation Front", "Chad"),
            "party_relations.claim",
        ),
        # Arms given to a party back it.
        (
            "Chad has supplied drones and ammunition to the Kivu Liberation Front since May.",
            ("ALLIED_WITH", "Chad", "Kivu Liberation Front"),
            "party_relations.supply",
        ),
        (
            "Chad sends military aid to Niger.",
            ("ALLIED_WITH", "Chad", "Niger"),
            "party_relations.supply",
        ),
        # A place held by a party, in a relative clause or a reduced one.
        (
            "Kidal, which is held by the Kivu Liberation Front, was shelled.",
            ("CONTROLS", "Kivu Liberation Front", "Kidal"),
            "relations.control_passive",
        ),
    ],
)
def test_party_relations_stated_through_verbs(system, text, expected, rule):
    found = relations(system, text)
    assert (*expected, rule) in found, found


def test_coordinated_subjects_each_take_the_relation(system):
    found = pairs(system, "Hamas and Hezbollah vowed to destroy Israel.")
    assert {("IN_CONFLICT_WITH", "Hamas", "Israel"), ("IN_CONFLICT_WITH", "Hezbollah", "Israel")} <= found


def test_coordinated_objects_each_take_the_relation(system):
    found = pairs(system, "The M23 captured Goma and Bukavu early this year.")
    assert {("CONTROLS", "M23", "Goma"), ("CONTROLS", "M23", "Bukavu")} <= found


@pytest.mark.parametrize(
    "text, absent",
    [
        # an apposition after the object is not a second object
        (
            "The RSF seized Nyala, the largest town of South Darfur, in 2023.",
            ("CONTROLS", "RSF", "South Darfur"),
        ),
        # the capital of a province is not the province
        ("The rebels of the M23 seized the provincial capital of Ituri.", ("CONTROLS", "M23", "Ituri")),
        # a possessor of the object is not helped
        ("The UN helped Sudan's displaced families.", ("ALLIED_WITH", "UN", "Sudan")),
        # a launch site is not a party
        ("Israel said it had shot down drones launched from Yemen.", ("IN_CONFLICT_WITH", "Israel", "Yemen")),
        # a new clause after a coordinated object
        ("Israel vowed to destroy Hezbollah and Hamas said it would respond.", ("IN_CONFLICT_WITH", "Israel", "Hamas")),
        # mediators are not parties to the talks they host
        ("Egypt and Qatar mediated talks between Israel and Hamas.", ("IN_CONFLICT_WITH", "Egypt", "Qatar")),
        # the mediators of a truce are not at war
        ("Hamas agreed to a ceasefire proposed by Egypt and Qatar.", ("IN_CONFLICT_WITH", "Egypt", "Qatar")),
        ("Egypt and Qatar said a ceasefire was agreed.", ("IN_CONFLICT_WITH", "Egypt", "Qatar")),
        # mediators who help the parties to a truce are not their allies
        ("Qatar and Egypt helped Israel and Hamas reach a truce.", ("ALLIED_WITH", "Qatar", "Israel")),
        # a disagreement and a transitive use are not fighting between the subjects
        ("Israel and the US clashed over the plan.", ("IN_CONFLICT_WITH", "Israel", "US")),
        ("Hamas and the UN have been fighting famine for years.", ("IN_CONFLICT_WITH", "Hamas", "UN")),
        # "holds ... responsible" is a judgement, not control
        ("The Taliban held Pakistan responsible for the blast.", ("CONTROLS", "Taliban", "Pakistan")),
        # a possessor of the place taken is not the place
        ("The Taliban took Pakistan's border post overnight.", ("CONTROLS", "Taliban", "Pakistan")),
        # a place written as a settlement is attacked, not a side in the fighting (guidelines §2.3)
        ("The M23 shelled Goma, together with the villages of Sake and Minova.", ("IN_CONFLICT_WITH", "M23", "Goma")),
        (
            "The Kivu Relief Front attacked Goma, a city near the border.",
            ("IN_CONFLICT_WITH", "Kivu Relief Front", "Goma"),
        ),
        # the backer in a compound modifier is not the object ("Iran-backed militias")
        ("Israel struck Iran-backed militias in Syria.", ("IN_CONFLICT_WITH", "Israel", "Iran")),
        (
            "The Kivu Relief Front was first aligned with the UN-backed government in Kinshasa.",
            ("ALLIED_WITH", "Kivu Relief Front", "UN"),
        ),
        # a place before a comma is not a coordinated subject
        ("In Rafah, Israel vowed to destroy Hamas.", ("IN_CONFLICT_WITH", "Rafah", "Hamas")),
        ("In Rafah, Israel struck Hamas positions overnight.", ("IN_CONFLICT_WITH", "Rafah", "Hamas")),
        # a judgement and a possessor of the place taken are not control (present tense, SVO pattern)
        ("Kabul holds Islamabad responsible for the shelling of the market.", ("CONTROLS", "Kabul", "Islamabad")),
        ("The Taliban seized Pakistan's border post near Chaman on Friday.", ("CONTROLS", "Taliban", "Pakistan")),
        # the speaker of a relative clause is not the subject of its passive verb
        (
            "The M23 rebel group, which Kinshasa says is backed by Rwanda, took the town.",
            ("ALLIED_WITH", "Kinshasa", "Rwanda"),
        ),
        # losses of no count are not casualties of the fighting
        ("Israel lost ground in fighting with Hezbollah.", ("IN_CONFLICT_WITH", "Israel", "Hezbollah")),
        ("The UN's support for Sudan's refugees grew.", ("ALLIED_WITH", "UN", "Sudan")),
        # "allies of Z": the coordinated subjects are allied with Z, not said to be allied together
        ("Hamas and Islamic Jihad are allies of Iran.", ("ALLIED_WITH", "Hamas", "Islamic Jihad")),
        # a share of control is not control
        ("Israel's control of Gaza remains partial.", ("CONTROLS", "Israel", "Gaza")),
        # a meeting that has not happened
        (
            "A possible meeting between President Joe Biden and President Xi Jinping was discussed.",
            ("MET_WITH", "Joe Biden", "Xi Jinping"),
        ),
        # a pronoun in a clause after another person is ambiguous: no antecedent is guessed
        (
            "UN envoy Hans Grundberg spent May in the Gulf. Saudi Foreign Minister Faisal bin Farhan received "
            "him in Riyadh, and later he had a call with Omani Foreign Minister Badr Albusaidi.",
            ("MET_WITH", "Faisal bin Farhan", "Badr Albusaidi"),
        ),
        # a participle after a comma has no subject before the comma
        (
            "Israel struck a school in Gaza, killing 12 Hamas fighters.",
            ("IN_CONFLICT_WITH", "Gaza", "Hamas"),
        ),
        # "in coordination with" after a comma is said of the clause, not of the mention before it
        (
            "The ship was released by the Houthis on orders of their leader, in coordination with Hamas.",
            ("ALLIED_WITH", "Houthis", "Hamas"),
        ),
        # a light verb without an attack noun states no attack
        (
            "The Relief Council carried out a survey on the Kivu Liberation Front.",
            ("IN_CONFLICT_WITH", "Relief Council", "Kivu Liberation Front"),
        ),
        # a fronted place before a possessive ally is no apposition
        ("In Lebanon, Iran's allies fired rockets.", ("ALLIED_WITH", "Lebanon", "Iran")),
        # aid that is not arms, and troops sent to a place, back no one
        ("The Relief Council sent humanitarian aid to Niger.", ("ALLIED_WITH", "Relief Council", "Niger")),
        ("Chad sent troops and tanks to Niger’s border.", ("ALLIED_WITH", "Chad", "Niger")),
        # a claim of a toll is no claim of an attack
        (
            "The Kivu Liberation Front claimed 30 soldiers died in attacks on Chad.",
            ("IN_CONFLICT_WITH", "Kivu Liberation Front", "Chad"),
        ),
    ],
)
def test_party_relations_do_not_overreach(system, text, absent):
    found = pairs(system, text)
    assert absent not in found, found


@pytest.mark.parametrize(
    "text, pair",
    [
        # coordinated people, each with a title, met each other
        (
            "President Amadou Sow and Prime Minister Ilse Brandt met in Dakar on Monday.",
            ("Ilse Brandt", "Amadou Sow"),
        ),
        ("President Amadou Sow and Prime Minister Ilse Brandt held talks in Dakar.", ("Ilse Brandt", "Amadou Sow")),
        # a sit-down and a phone call are meetings (as "phoned" and "call with" are)
        ("President Amadou Sow sat down with Prime Minister Ilse Brandt in Dakar.", ("Amadou Sow", "Ilse Brandt")),
        ("President Amadou Sow spoke by phone with Prime Minister Ilse Brandt.", ("Amadou Sow", "Ilse Brandt")),
    ],
)
def test_meetings_of_titled_people(system, text, pair):
    found = {frozenset((h, t)) for rtype, h, t in pairs(system, text) if rtype == "MET_WITH"}
    assert frozenset(pair) in found, found


def test_a_state_apposed_to_a_non_place_stays_a_party(system):
    assert ("IN_CONFLICT_WITH", "Israel", "Iran") in pairs(system, "Israel struck Iran, its main rival.")


def test_talks_held_alone_meet_nobody(system):
    assert not {p for p in pairs(system, "President Amadou Sow held talks in Dakar on Monday.") if p[0] == "MET_WITH"}


def test_the_backed_body_after_a_compound_is_the_object(system):
    found = pairs(system, "The Kivu Relief Front was first aligned with the UN-backed Government of National Unity.")
    assert ("ALLIED_WITH", "Kivu Relief Front", "Government of National Unity") in found
    assert ("ALLIED_WITH", "Kivu Relief Front", "UN") not in found
    found = pairs(system, "Israel struck Iran-backed Hezbollah in Lebanon.")
    assert ("IN_CONFLICT_WITH", "Israel", "Hezbollah") in found
    assert ("IN_CONFLICT_WITH", "Israel", "Iran") not in found


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # two people who spoke by phone met (a call is a meeting in the data, like "spoke with")
        (
            "President Ali Tanko and Prime Minister Idris Mahamat spoke by phone on Monday.",
            ("Idris Mahamat", "Ali Tanko"),
        ),
        # the members of a delegation named after it were met
        (
            "President Ali Tanko received the Kivu Party’s peace delegation, Gen. Omar Bako and Gen. Idris "
            "Mahamat, at the palace.",
            ("Ali Tanko", "Idris Mahamat"),
        ),
        # the head of a delegation met is met
        (
            "President Ali Tanko received a delegation led by Prime Minister Idris Mahamat.",
            ("Ali Tanko", "Idris Mahamat"),
        ),
    ],
)
def test_calls_and_delegations_are_meetings(system, text, pair):
    found = pairs(system, text)
    assert ("MET_WITH", *pair) in found or ("MET_WITH", pair[1], pair[0]) in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a coalition "made up of" its members in a reduced relative clause
        (
            "The Kivu Alliance, made up of the Arakan Army, the MNDAA and the TNLA, seized the town.",
            {
                ("PART_OF", "Arakan Army", "Kivu Alliance"),
                ("PART_OF", "MNDAA", "Kivu Alliance"),
                ("PART_OF", "TNLA", "Kivu Alliance"),
            },
        ),
        # coordinated members of a bloc are each a part of it
        (
            "Hezbollah, Hamas and the Houthis are members of the Axis of Resistance.",
            {
                ("PART_OF", "Hezbollah", "Axis of Resistance"),
                ("PART_OF", "Hamas", "Axis of Resistance"),
                ("PART_OF", "Houthis", "Axis of Resistance"),
            },
        ),
        # "A, B's main ally, ..." in apposition
        ("Hezbollah, Iran's main ally in the region, fired rockets.", {("ALLIED_WITH", "Hezbollah", "Iran")}),
        # a passive of backing after a relative pronoun
        ("Hezbollah, which is backed by Iran, fired rockets.", {("ALLIED_WITH", "Hezbollah", "Iran")}),
        # a state's possessive before its body, the head noun before "for"/"of" in the name (§2.5)
        (
            "Niger's Ministry for Emergencies issued a warning.",
            {("CONTROLS", "Niger", "Ministry for Emergencies")},
        ),
        (
            "Officials from Chad’s National Intelligence Organization looked on.",
            {("CONTROLS", "Chad", "National Intelligence Organization")},
        ),
        # a state's possessive before a place whose name ends in a designator
        ("The cave lies in Iraq’s Kurdistan Region.", {("CONTROLS", "Iraq", "Kurdistan Region")}),
    ],
)
def test_members_and_backers_in_relative_clauses(system, text, expected):
    found = pairs(system, text)
    assert expected <= found, found


# -- round 2 of 2026-11-25: alliances, joint acts, presence at talks, and precision guards --


@pytest.mark.parametrize(
    "text, expected, rule",
    [
        # states stated to be members of a standing alliance are each allied with it (§2.5)
        (
            "Albania and Andorra are now full members of the Shield Pact (SP), a defence bloc headed by Moscow.",
            {("ALLIED_WITH", "Albania", "Shield Pact"), ("ALLIED_WITH", "Andorra", "Shield Pact")},
            "party_relations.alliance_members",
        ),
        # the state that leads the alliance, linked to the acronym, the name nearer it (§3.1)
        (
            "Albania and Andorra are now full members of the Shield Pact (SP), a defence bloc headed by Moscow.",
            {("ALLIED_WITH", "SP", "Moscow")},
            "party_relations.alliance_leader",
        ),
        # a joint offensive: the two act together against a third party
        (
            "Albania and Andorra mounted a joint offensive on the Kovar Front last spring.",
            {("ALLIED_WITH", "Albania", "Andorra")},
            "party_relations.joint_action",
        ),
        # a fronted and a parenthetical phrase of support
        (
            "With the support of Iran, Hezbollah seized the town.",
            {("ALLIED_WITH", "Hezbollah", "Iran")},
            "party_relations.ally_verbs",
        ),
        # "fighting each other": the reciprocal object names no third party
        (
            "The Taliban and the Islamic State have been fighting each other.",
            {("IN_CONFLICT_WITH", "Taliban", "Islamic State")},
            "party_relations.reciprocal_verbs",
        ),
        # people present at talks between named people took part in them, with the parties (§2.5)
        (
            "Talks between Vladimir Putin and Emmanuel Macron, attended by Recep Tayyip Erdogan and Antonio Guterres,"
            " began on Monday.",
            {
                ("MET_WITH", "Recep Tayyip Erdogan", "Vladimir Putin"),
                ("MET_WITH", "Recep Tayyip Erdogan", "Emmanuel Macron"),
                ("MET_WITH", "Antonio Guterres", "Emmanuel Macron"),
            },
            "party_relations.meet_presence",
        ),
    ],
)
def test_alliances_joint_acts_and_presence(system, text, expected, rule):
    found = relations(system, text)
    assert {(t, h, tail, rule) for t, h, tail in expected} <= found, found


def test_members_of_an_alliance_are_not_allied_with_one_another(system):
    found = pairs(system, "Albania and Andorra are now full members of the Shield Pact (SP), a defence bloc.")
    assert ("ALLIED_WITH", "Albania", "Andorra") not in found
    assert ("ALLIED_WITH", "Andorra", "Albania") not in found


def test_those_present_are_not_met_with_one_another(system):
    found = pairs(
        system,
        "Talks between Vladimir Putin and Emmanuel Macron, attended by Recep Tayyip Erdogan and Antonio Guterres,"
        " began on Monday.",
    )
    assert ("MET_WITH", "Recep Tayyip Erdogan", "Antonio Guterres") not in found
    assert ("MET_WITH", "Antonio Guterres", "Recep Tayyip Erdogan") not in found


@pytest.mark.parametrize(
    "text",
    [
        # "attacks on Y" after a reporting verb is the noun: the speaker is not the attacker
        "The Kovar Front claimed that attacks on Ruritania were carried out by the Dalmian army.",
        "Hamas said strikes against Lebanon had doubled since May.",
    ],
)
def test_an_attack_noun_after_a_speaker_is_not_the_speakers_attack(system, text):
    found = {r for r in pairs(system, text) if r[0] == "IN_CONFLICT_WITH"}
    assert not found, found


def test_places_in_a_phrase_before_a_reciprocal_verb_are_not_parties(system):
    # coordinated places that say where the fighters are state nothing between them (§2.5)
    found = pairs(system, "Rebels in the English-speaking Amhara and Tigray have fought since 2020.")
    assert not {r for r in found if r[0] == "IN_CONFLICT_WITH"}, found
    # the subjects themselves still fought each other
    assert ("IN_CONFLICT_WITH", "Armenia", "Azerbaijan") in pairs(
        system, "Armenia and Azerbaijan fought along the frontier."
    )


def test_a_fronted_call_makes_the_subject_meet_its_verbs_objects(system):
    # a call stated in a fronted phrase: the subject spoke with the people its verb takes (§2.5, calls)
    found = relations(
        system,
        "During phone calls on Friday, Vladimir Putin urged Emmanuel Macron and Olaf Scholz to hold back.",
    )
    assert {
        ("MET_WITH", "Vladimir Putin", "Emmanuel Macron", "party_relations.fronted_meeting"),
        ("MET_WITH", "Vladimir Putin", "Olaf Scholz", "party_relations.fronted_meeting"),
    } <= found, found
    # a statement is no meeting
    assert not pairs(system, "In a statement on Sunday, Emmanuel Macron urged Vladimir Putin to hold back.")
    # a fronted paragraph-opening phrase of support, after a paragraph break
    assert ("ALLIED_WITH", "Hezbollah", "Iran") in pairs(
        system, "Fighting went on.\n\nWith the backing of Iran, Hezbollah seized the town."
    )


def test_a_killing_participle_is_said_of_its_clauses_subject(system):
    # ", killing 20 Y fighters" after a clause: its subject's act killed Y's members
    found = relations(system, "Hamas said Israel had struck a camp near the border, killing 20 Hamas fighters.")
    assert ("IN_CONFLICT_WITH", "Israel", "Hamas", "party_relations.kill") in found, found
    # a clause whose subject is no named party says nothing of who killed them
    found = pairs(system, "Fighters struck a camp near the border in Lebanon, killing 20 Hezbollah fighters.")
    assert not {r for r in found if r[0] == "IN_CONFLICT_WITH"}, found


@pytest.mark.parametrize(
    "text, expected, rule",
    [
        # a hostile verb in the passive: the agent after "by" attacked the subject
        ("Israel was attacked by Hezbollah overnight.", ("IN_CONFLICT_WITH", "Hezbollah", "Israel"), "passive_attack"),
        ("Israel was struck by Hezbollah rockets.", ("IN_CONFLICT_WITH", "Hezbollah", "Israel"), "passive_attack"),
        ("Israel came under fire from Hezbollah.", ("IN_CONFLICT_WITH", "Hezbollah", "Israel"), "under_attack"),
        (
            "The fighting pitting Hamas against Fatah has killed dozens.",
            ("IN_CONFLICT_WITH", "Hamas", "Fatah"),
            "pitting",
        ),
    ],
)
def test_passive_attacks_and_sides_pitted(system, text, expected, rule):
    found = relations(system, text)
    assert (*expected, f"party_relations.{rule}") in found, found


def test_a_place_in_the_passive_subject_is_not_attacked(system):
    found = pairs(system, "Peacekeepers in Mali were attacked by Hezbollah on Monday.")
    assert not {r for r in found if r[0] == "IN_CONFLICT_WITH"}, found


def test_forces_sent_to_support_a_party_ally_with_it(system):
    assert ("ALLIED_WITH", "Russia", "Mali", "party_relations.troop_support") in relations(
        system, "Russia sent troops to support Mali."
    )
    assert ("ALLIED_WITH", "Chad", "Malian army", "party_relations.troop_support") in relations(
        system, "Chad sent soldiers in support of the Malian army."
    )
    # a destination alone states nothing (guidelines §2.5)
    assert not {r for r in pairs(system, "Russia sent troops to Mali.") if r[0] == "ALLIED_WITH"}


def test_a_pronoun_after_a_verb_of_saying_is_the_speaker(system):
    # "X has indicated that it would stand by Y": "it" is X
    assert ("ALLIED_WITH", "Albania", "Andorra") in pairs(
        system, "Albania has indicated that it would stand by Andorra."
    )


def test_a_state_in_apposition_as_a_member_of_an_alliance(system):
    for text in (
        "Albania, a member of NATO, sent troops.",
        "Albania, which is a founding member of NATO, sent troops.",
    ):
        assert ("ALLIED_WITH", "Albania", "NATO", "party_relations.alliance_members") in relations(system, text)


def test_holding_a_partys_people_captive_is_conflict(system):
    # guidelines §2.5, captives
    found = relations(system, "Hamas is holding 30 soldiers of the Israeli army.")
    assert ("IN_CONFLICT_WITH", "Hamas", "Israeli army", "party_relations.kill") in found, found
    # talks held with a party's officials are no captivity
    found = pairs(system, "Hezbollah held talks with 30 Hamas officials.")
    assert not {r for r in found if r[0] == "IN_CONFLICT_WITH"}, found


def test_a_compass_word_between_a_states_possessive_and_its_province(system):
    found = relations(system, "Shelling hit Syria's northwestern Idlib province.")
    assert ("CONTROLS", "Syria", "Idlib", "relations.possessive.territory") in found, found
    # a committee of a state is one of its bodies (guidelines §2.5)
    found = relations(system, "The claim came from Russia's Investigative Committee.")
    assert ("CONTROLS", "Russia", "Investigative Committee", "relations.possessive.state_body") in found, found


@pytest.mark.parametrize(
    "text, backer, backed",
    [
        ("The Ostrel Tribal Council, an Iceland-backed militia, shelled the port.", "Iceland", "Ostrel Tribal Council"),
        (
            "The Korvan Liberation Army (KLA), a powerful Albania-backed group, seized the port.",
            "Albania",
            "KLA",
        ),
    ],
)
def test_a_backed_compound_in_an_apposition_names_its_head(system, text, backer, backed):
    # "Y, an X-backed militia": the apposition describes Y (guidelines §2.5, "X-backed")
    assert ("ALLIED_WITH", backer, backed, "relations.backed_suffix") in relations(system, text)


def test_a_backed_compound_describing_a_place_allies_nothing(system):
    found = pairs(system, "Fighting near Corvo, an Albania-backed town, went on.")
    assert not {r for r in found if r[0] == "ALLIED_WITH"}, found


@pytest.mark.parametrize(
    "text, a, b",
    [
        # a state's possessive and ranks before the second of two coordinated people
        (
            "Iceland's Col. Pia Lunde and Norway's Maj. Jonas Reck held their first phone talks on Monday.",
            "Pia Lunde",
            "Jonas Reck",
        ),
        # the people in apposition to a plural noun before the verb
        (
            "The two army chiefs, Albania's Maj. Gen. Arvel Mendo and Andorra's "
            "Lt. Gen. Ilse Darrow, held a long meeting on Friday.",
            "Arvel Mendo",
            "Ilse Darrow",
        ),
        # a body's name premodifying the role of the second
        (
            "Brenmoor Defence Front envoy Pia Lunde and Ostrel Tribal "
            "Council negotiator Jonas Reck held talks in Halvik.",
            "Pia Lunde",
            "Jonas Reck",
        ),
        (
            "Sable Front envoy Arvel Mendo and Korvan Liberation Army negotiator Ilse Darrow met in Corvo.",
            "Arvel Mendo",
            "Ilse Darrow",
        ),
    ],
)
def test_coordinated_people_past_their_premodifiers_met(system, text, a, b):
    found = pairs(system, text)
    assert ("MET_WITH", a, b) in found or ("MET_WITH", b, a) in found, found


def test_coordinated_people_meeting_a_third_each_met_them(system):
    found = pairs(system, "Iceland's Col. Pia Lunde and Norway's Maj. Jonas Reck met Gen. Arvel Mendo in Corvo.")
    assert {("MET_WITH", "Pia Lunde", "Arvel Mendo"), ("MET_WITH", "Jonas Reck", "Arvel Mendo")} <= found, found
    # the state of a possessive meets nobody
    assert not {r for r in found if r[0] == "MET_WITH" and {"Iceland", "Norway"} & set(r[1:])}, found


@pytest.mark.parametrize(
    "text, owner, rival",
    [
        (
            "The Sable Front fought on for years. Its rival, the Dorn Movement's Korvan Brigade (KB), also grew.",
            "Sable Front",
            "Korvan Brigade",
        ),
        (
            "The Ostrel Tribal Council held the hills. Its rival, the Brenmoor Defence Front's Halvik Battalion, "
            "took the plain.",
            "Ostrel Tribal Council",
            "Halvik Battalion",
        ),
    ],
)
def test_a_rival_named_after_its_owners_possessive(system, text, owner, rival):
    # "its rival, the Y's Z": the rival is Z, the part named after the possessive
    found = relations(system, text)
    assert ("IN_CONFLICT_WITH", owner, rival, "party_relations.rival") in found, found
    assert not {r for r in found if r[0] == "IN_CONFLICT_WITH" and r[2] != rival}, found


@pytest.mark.parametrize(
    "text, a, b",
    [
        ("Gen. Arvel Mendo held talks in Corvo with Col. Ilse Darrow on Monday.", "Arvel Mendo", "Ilse Darrow"),
        ("Col. Pia Lunde held a meeting on Friday with Maj. Jonas Reck.", "Pia Lunde", "Jonas Reck"),
    ],
)
def test_a_place_or_date_between_talks_and_with(system, text, a, b):
    assert ("MET_WITH", a, b, "party_relations.meet_hold") in relations(system, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a state joining or leaving a coalition is allied with it (guidelines §2.5, coalition forces)
        (
            "Albania may quit the Lake Basin Joint Task Force, officials said.",
            {("ALLIED_WITH", "Albania", "Lake Basin Joint Task Force")},
        ),
        ("Iceland joined the Northern Sea Alliance in 2019.", {("ALLIED_WITH", "Iceland", "Northern Sea Alliance")}),
        # a group joining one is part of it
        (
            "The Sable Front joined the Sahel Defence Alliance in May.",
            {("PART_OF", "Sable Front", "Sahel Defence Alliance")},
        ),
        # the states that make up a force, with "along with", and "the force" naming the one named before
        (
            "Albania, Andorra and Iceland, which make up the Lake Basin "
            "Joint Task Force along with Norway, sent troops.",
            {("ALLIED_WITH", s, "Lake Basin Joint Task Force") for s in ("Albania", "Andorra", "Iceland", "Norway")},
        ),
        (
            "Norway could quit the Northern Sea Alliance (NSA). There was no word from Albania, Andorra or Iceland, "
            "which make up the alliance along with Norway.",
            {("ALLIED_WITH", s, "NSA") for s in ("Albania", "Andorra", "Iceland")}
            | {("ALLIED_WITH", "Norway", "Northern Sea Alliance")},
        ),
    ],
)
def test_joining_leaving_or_making_up_a_coalition(system, text, expected):
    found = pairs(system, text)
    assert expected <= found, found


def test_leaving_a_place_or_a_body_that_is_no_coalition_states_no_membership(system):
    for text in (
        "Albania left the Sable Front talks early.",
        "Andorra left the Northern Sea Alliance talks after an hour.",
        "The Sable Front left Corvo on Monday.",
        "Andorra withdrew from the Korvan Liberation Army talks.",
    ):
        found = pairs(system, text)
        assert not {r for r in found if r[0] in ("ALLIED_WITH", "PART_OF")}, (text, found)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Col. Arvel Mendo, a spokesman for the Sable Front (SF), said its gunmen had killed 84 Korvan Liberation "
            "Army mercenaries.",
            ("IN_CONFLICT_WITH", "SF", "Korvan Liberation Army"),
        ),
        (
            "Pia Lunde, who speaks for the Ostrel Tribal Council, said their forces had shelled the Brenmoor Defence "
            "Front.",
            ("IN_CONFLICT_WITH", "Ostrel Tribal Council", "Brenmoor Defence Front"),
        ),
    ],
)
def test_an_owner_pronoun_before_a_force_noun_names_the_organisation(system, text, expected):
    # "X's spokesman said its fighters killed Y": "its" is the organisation named before it (§3.1)
    assert expected in pairs(system, text)


def test_an_owner_pronoun_with_no_organisation_before_it_names_nobody(system):
    found = pairs(system, "Gen. Ilse Darrow said its gunmen had killed 20 Sable Front militants.")
    assert not {r for r in found if r[0] == "IN_CONFLICT_WITH"}, found


@pytest.mark.parametrize(
    "text, taker, place, pushed",
    [
        (
            "The Sable Front said on Monday it had driven the Korvan Liberation Army out of two districts and that "
            "its soldiers had recaptured Corvo.",
            "Sable Front",
            "Corvo",
            "Korvan Liberation Army",
        ),
        (
            "The Ostrel Tribal Council said it had pushed the Brenmoor Defence Front back and its fighters had "
            "retaken Halvik.",
            "Ostrel Tribal Council",
            "Halvik",
            "Brenmoor Defence Front",
        ),
    ],
)
def test_an_owner_pronoun_in_reported_speech_names_the_speaker_not_the_nearest(system, text, taker, place, pushed):
    found = pairs(system, text)
    assert ("CONTROLS", taker, place) in found, found
    assert ("CONTROLS", pushed, place) not in found, found


@pytest.mark.parametrize(
    "text, part, whole",
    [
        (
            "The Korvan Liberation Army (KLA), the military wing of the Dorn Movement (DM), claimed the attack.",
            "KLA",
            "Dorn Movement",
        ),
        (
            "The Ostrel Tribal Council (OTC), a breakaway faction of the Brenmoor Defence Front, held the pass.",
            "OTC",
            "Brenmoor Defence Front",
        ),
    ],
)
def test_a_part_noun_apposition_after_a_bracketed_acronym(system, text, part, whole):
    # of a name and its acronym, the acronym, nearer the part noun (guidelines §3.1)
    assert ("PART_OF", part, whole, "relations.part_nouns") in relations(system, text)


@pytest.mark.parametrize(
    "text, attacker, target",
    [
        (
            "A Sable Front drone strike on Korvan Liberation Army positions killed four.",
            "Sable Front",
            "Korvan Liberation Army",
        ),
        (
            "An Ostrel Tribal Council artillery bombardment of the Brenmoor Defence Front killed nine.",
            "Ostrel Tribal Council",
            "Brenmoor Defence Front",
        ),
    ],
)
def test_a_party_premodifying_an_attack_noun_is_the_attacker(system, text, attacker, target):
    assert ("IN_CONFLICT_WITH", attacker, target, "relations.conflict_noun") in relations(system, text)


def test_a_strike_named_after_a_reporting_verb_has_no_attacker(system):
    # "X said the strike on Y was lawful": X speaks of the strike, no modifier ties it to X
    found = pairs(system, "The Korvan Liberation Army said the strike on the Sable Front was lawful.")
    assert not {r for r in found if r[0] == "IN_CONFLICT_WITH"}, found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a person's possessive before a meeting noun and "with"
        (
            "Gen. Arvel Mendo's meeting with Col. Ilse Darrow lasted an hour.",
            {("MET_WITH", "Arvel Mendo", "Ilse Darrow")},
        ),
        (
            "Col. Pia Lunde's first phone call with Maj. Jonas Reck came on Monday.",
            {("MET_WITH", "Pia Lunde", "Jonas Reck")},
        ),
        # a meeting verb in the passive: the agent after "by" met the subject
        ("Gen. Arvel Mendo was received by Col. Ilse Darrow in Corvo.", {("MET_WITH", "Arvel Mendo", "Ilse Darrow")}),
        (
            "Col. Pia Lunde and Maj. Jonas Reck were hosted by President Tomas Velko on Friday.",
            {("MET_WITH", "Pia Lunde", "Tomas Velko"), ("MET_WITH", "Jonas Reck", "Tomas Velko")},
        ),
    ],
)
def test_possessive_and_passive_meetings(system, text, expected):
    found = pairs(system, text)
    assert expected <= found, found


def test_guests_received_together_did_not_meet_each_other(system):
    # "A and B were hosted by C": one side of the meeting (guidelines §2.5, joining a meeting)
    found = pairs(system, "Col. Pia Lunde and Maj. Jonas Reck were hosted by President Tomas Velko on Friday.")
    assert not {r for r in found if {"Pia Lunde", "Jonas Reck"} == set(r[1:])}, found
    # an unreal meeting and a thing hosted state nothing
    for text in (
        "Gen. Arvel Mendo's possible meeting with Col. Ilse Darrow was called off.",
        "A dinner hosted by Col. Ilse Darrow drew Gen. Arvel Mendo.",
    ):
        assert not {r for r in pairs(system, text) if r[0] == "MET_WITH"}, text


@pytest.mark.parametrize(
    "text, backed, backer",
    [
        ("The Sable Front received weapons and ammunition from Albania.", "Sable Front", "Albania"),
        (
            "The Ostrel Tribal Council has obtained drones from the Brenmoor Defence Front.",
            "Ostrel Tribal Council",
            "Brenmoor Defence Front",
        ),
    ],
)
def test_receiving_arms_from_a_party(system, text, backed, backer):
    assert ("ALLIED_WITH", backed, backer, "party_relations.supply") in relations(system, text)
    # a thing received that is not military states nothing
    assert not {
        r
        for r in pairs(system, text.replace("weapons and ammunition", "a letter").replace("drones", "a letter"))
        if r[0] == "ALLIED_WITH"
    }


@pytest.mark.parametrize(
    "text, expected, not_expected",
    [
        # joiners with no state named joined the host: they met the people received (guidelines §2.5)
        (
            "President Tomas Velko received the Ostrel Tribal Council's delegation, Col. Pia Lunde and Maj. Jonas "
            "Reck, at the palace in Halvik. Intelligence chief Ivo Brand and Lena Hart, deputy leader of the "
            "Brenmoor Defence Front, joined the talks.",
            {(j, o) for j in ("Ivo Brand", "Lena Hart") for o in ("Pia Lunde", "Jonas Reck")},
            {("Ivo Brand", "Tomas Velko"), ("Lena Hart", "Tomas Velko")},
        ),
        # joiners of the guest's state met the host
        (
            "Gen. Arvel Mendo met Andorran Vice Foreign Minister Tomas Velko in Corvo. Andorra's ambassador Ilse "
            "Darrow and its special envoy Jonas Reck, who had brokered earlier talks, also took part.",
            {("Ilse Darrow", "Arvel Mendo"), ("Jonas Reck", "Arvel Mendo")},
            {("Ilse Darrow", "Tomas Velko"), ("Jonas Reck", "Tomas Velko")},
        ),
        (
            "The governor, Col. Pia Lunde, received the envoys Arvel Mendo and Ilse Darrow. Her deputy, Jonas "
            "Reck, joined the talks.",
            {("Jonas Reck", "Arvel Mendo"), ("Jonas Reck", "Ilse Darrow")},
            {("Jonas Reck", "Pia Lunde")},
        ),
    ],
)
def test_people_joining_a_meeting_stated_before_met_the_other_side(system, text, expected, not_expected):
    found = {(h, t) for rtype, h, t in pairs(system, text) if rtype == "MET_WITH"}
    found |= {(t, h) for h, t in found}
    assert expected <= found, found
    assert not (not_expected & found), found


def test_joining_with_no_meeting_before_meets_nobody(system):
    text = "Gen. Arvel Mendo visited Corvo on Monday. Col. Ilse Darrow and Maj. Jonas Reck also took part."
    assert not {r for r in pairs(system, text) if r[0] == "MET_WITH"}


@pytest.mark.parametrize(
    "text, attacker, target",
    [
        (
            "The Korvan Liberation Army, which Albania has been fighting since 2012, seized Corvo.",
            "Albania",
            "Korvan Liberation Army",
        ),
        (
            "The Ostrel Tribal Council (OTC), which the Brenmoor Defence Front battled for years, held Halvik.",
            "Brenmoor Defence Front",
            "OTC",
        ),
    ],
)
def test_a_hostile_verb_in_an_object_relative_clause(system, text, attacker, target):
    # "X, which Y has been fighting": the relative pronoun stands for the object
    assert ("IN_CONFLICT_WITH", attacker, target, "party_relations.object_relative") in relations(system, text)


def test_a_place_in_an_object_relative_clause_is_no_party(system):
    found = pairs(system, "The town of Corvo, which the Sable Front shelled, lost power.")
    assert not {r for r in found if r[0] == "IN_CONFLICT_WITH"}, found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Sable Front's counteroffensive against the Korvan Liberation Army stalled.",
            ("Sable Front", "Korvan Liberation Army"),
        ),
        (
            "Albania's crackdown on the Ostrel Tribal Council has left hundreds dead.",
            ("Albania", "Ostrel Tribal Council"),
        ),
        ("The Sable Front has waged an insurgency against Albania since 2015.", ("Sable Front", "Albania")),
        (
            "The Ostrel Tribal Council vowed to retaliate against the Brenmoor Defence Front.",
            ("Ostrel Tribal Council", "Brenmoor Defence Front"),
        ),
    ],
)
def test_more_nouns_and_verbs_of_attack(system, text, expected):
    assert ("IN_CONFLICT_WITH", *expected) in pairs(system, text)


@pytest.mark.parametrize(
    "text, state, alliance",
    [
        ("The Albania-led Northern Sea Alliance sent ships.", "Albania", "Northern Sea Alliance"),
        (
            "Troops of the Iceland-led Lake Basin Joint Task Force crossed the river.",
            "Iceland",
            "Lake Basin Joint Task Force",
        ),
    ],
)
def test_a_state_leading_an_alliance_is_allied_with_it(system, text, state, alliance):
    # guidelines §2.5: a state that leads a standing alliance is ALLIED_WITH it; CONTROLS is for its own bodies
    found = pairs(system, text)
    assert ("ALLIED_WITH", state, alliance) in found, found
    assert ("CONTROLS", state, alliance) not in found, found


@pytest.mark.parametrize(
    "text, people, met",
    [
        (
            "On July 6, Col. Pia Lunde and Maj. Jonas Reck spent three long hours with Gen. Arvel Mendo, "
            "who is held in Corvo.",
            ("Pia Lunde", "Jonas Reck"),
            "Arvel Mendo",
        ),
        ("Gen. Ilse Darrow spent the night with Col. Tomas Velko in Halvik.", ("Ilse Darrow",), "Tomas Velko"),
    ],
)
def test_time_spent_with_a_person_is_a_meeting(system, text, people, met):
    found = pairs(system, text)
    assert {("MET_WITH", p, met) for p in people} <= found, found


def test_time_spent_with_no_named_person_or_money_spent_is_no_meeting(system):
    for text in (
        "Gen. Ilse Darrow spent weeks with her family.",
        "Gen. Ilse Darrow spent $2m with Col. Tomas Velko's firm.",
    ):
        assert not {r for r in pairs(system, text) if r[0] == "MET_WITH"}, text


@pytest.mark.parametrize(
    "text, rule, expected",
    [
        # releasing a party's people: they were held captive (guidelines §2.5, captives)
        (
            "The Sable Front released 12 Korvan Liberation Army soldiers on Monday.",
            "kill",
            ("Sable Front", "Korvan Liberation Army"),
        ),
        (
            "The Ostrel Tribal Council freed 30 Brenmoor Defence Front fighters.",
            "kill",
            ("Ostrel Tribal Council", "Brenmoor Defence Front"),
        ),
        # prisoner exchanges and surrenders between named parties (guidelines §2.5)
        ("Albania and the Sable Front exchanged prisoners on Friday.", "prisoner_exchange", ("Albania", "Sable Front")),
        (
            "The Korvan Liberation Army and Andorra swapped 40 prisoners each.",
            "prisoner_exchange",
            ("Korvan Liberation Army", "Andorra"),
        ),
        ("The Sable Front surrendered to Albania on Monday.", "hostile_verbs", ("Sable Front", "Albania")),
        (
            "Hundreds of Ostrel Tribal Council fighters surrendered to the Brenmoor Defence Front.",
            "hostile_verbs",
            ("Ostrel Tribal Council", "Brenmoor Defence Front"),
        ),
    ],
)
def test_releases_exchanges_and_surrenders_state_conflict(system, text, rule, expected):
    assert ("IN_CONFLICT_WITH", *expected, f"party_relations.{rule}") in relations(system, text)


def test_releasing_unaffiliated_people_or_exchanging_views_is_no_conflict(system):
    for text in ("The Sable Front freed 30 hostages on Monday.", "Albania and Andorra exchanged views on Friday."):
        assert not {r for r in pairs(system, text) if r[0] == "IN_CONFLICT_WITH"}, text


@pytest.mark.parametrize(
    "text, expected, rule",
    [
        ("Albania and Andorra signed a defence pact on Monday.", ("Albania", "Andorra"), "pact"),
        (
            "The Sable Front formed a military alliance with the Dorn Movement in 2019.",
            ("Sable Front", "Dorn Movement"),
            "pact",
        ),
        (
            "The alliance between the Sable Front and the Dorn Movement has held since 2019.",
            ("Sable Front", "Dorn Movement"),
            "ally_between",
        ),
        (
            "There was close coordination between the Sable Front and Iceland.",
            ("Sable Front", "Iceland"),
            "ally_between",
        ),
        ("Albania pledged its support for the Sable Front.", ("Albania", "Sable Front"), "support_nouns"),
        (
            "Iceland voiced support for the Ostrel Tribal Council on Monday.",
            ("Iceland", "Ostrel Tribal Council"),
            "support_nouns",
        ),
    ],
)
def test_pacts_alliances_between_and_support_stated_by_a_verb(system, text, expected, rule):
    assert ("ALLIED_WITH", *expected, f"party_relations.{rule}") in relations(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "Albania and Andorra signed a trade deal.",
        "Albania voiced support for the strikes.",  # support for an action, not a party (guidelines §2.5)
    ],
)
def test_a_trade_deal_or_support_for_an_action_allies_nobody(system, text):
    assert not {r for r in pairs(system, text) if r[0] == "ALLIED_WITH"}, text


@pytest.mark.parametrize(
    "text, backer, backed",
    [
        ("Albania is the main backer of the Sable Front.", "Albania", "Sable Front"),
        ("Iceland, a longtime sponsor of the Ostrel Tribal Council, denied it.", "Iceland", "Ostrel Tribal Council"),
    ],
)
def test_backers_and_sponsors_are_allies(system, text, backer, backed):
    assert ("ALLIED_WITH", backer, backed) in pairs(system, text)


# -- states and their nationalities, matched as whole words (data/states.json demonyms) -----------


def test_a_nationality_is_at_home_only_in_its_own_state(system):
    # "Nigerian" is Nigeria's: Nigerian troops inside Niger are outsiders (a shared prefix is no match)
    assert ("IN_CONFLICT_WITH", "Nigerian troops", "Niger") in pairs(
        system, "Nigerian troops seized a border post inside Niger on Tuesday."
    )
    assert not any(r[0] == "IN_CONFLICT_WITH" for r in pairs(system, "Nigerian troops seized a post inside Nigeria."))


def test_the_nations_of_the_grammar_are_whole_words(system):
    from systems.rules.arguments import ArgumentGrammar

    grammar = ArgumentGrammar(system.nlp)
    assert grammar._nation("Nigerian troops") == {"Nigeria"}
    assert grammar._nation("Niger") == {"Niger"}
    assert grammar._nation("Nigerien") == {"Niger"}
    assert grammar._nation("South Sudanese forces") == {"South Sudan"}
    assert grammar._nation("Sudanese forces") == {"Sudan"}
    assert grammar._nation("Congolese army") == {"Democratic Republic of the Congo", "Republic of Congo"}
    assert grammar._nation("Valdonian troops") == frozenset()


def test_a_joiner_of_a_prefix_sharing_state_is_not_on_the_guests_side(system):
    # the guest is Nigerien; Nigeria's ambassador is no compatriot, so she joined the host's side
    text = (
        "Gen. Arvel Mendo met Nigerien Foreign Minister Tomas Velko in Corvo. Nigeria's ambassador Ilse Darrow "
        "also took part."
    )
    met = {(h, t) for rtype, h, t in pairs(system, text) if rtype == "MET_WITH"}
    assert ("Ilse Darrow", "Tomas Velko") in met, met
    assert ("Ilse Darrow", "Arvel Mendo") not in met, met
    same = text.replace("Nigeria's", "Niger's")
    met = {(h, t) for rtype, h, t in pairs(system, same) if rtype == "MET_WITH"}
    assert ("Ilse Darrow", "Arvel Mendo") in met, met


# -- one attack vocabulary (data/relations.json attack_nouns) and one acronym step ----------------


def test_every_attack_noun_reads_an_attack_by_one_party_on_another(system):
    # "shelling" and "ambush" were attack nouns of the conflict_noun pattern but not of attack_by
    for noun in ("Renewed shelling", "An ambush"):
        text = f"{noun} by the Ostrel Defence Force against the Brenmoor Popular Front continued."
        found = relations(system, text)
        assert ("IN_CONFLICT_WITH", "Ostrel Defence Force", "Brenmoor Popular Front", "party_relations.attack_by") in (
            found
        ), text


def test_a_coordinated_name_with_an_acronym_attaches_by_the_acronym(system):
    # guidelines §3.1: of a name and its bracketed acronym, the one nearer the other argument
    found = pairs(system, "The Ostrel Defence Force (ODF) and the Brenmoor Popular Front clashed near Halvik.")
    assert ("IN_CONFLICT_WITH", "ODF", "Brenmoor Popular Front") in found, found


# -- general constructions of news English, each from two imaginary conflicts ----------------------


@pytest.mark.parametrize(
    "text, a, b",
    [
        (
            "Clashes erupted between the Tarvic Liberation Movement and the Selmar National Guard near the dam.",
            "Tarvic Liberation Movement",
            "Selmar National Guard",
        ),
        (
            "Heavy fighting broke out on Monday between the Ostrel Defence Force and the Brenmoor Popular Front.",
            "Ostrel Defence Force",
            "Brenmoor Popular Front",
        ),
        (
            "The war that has raged since 2019 between the Tarvic Liberation Movement and the Selmar National Guard "
            "has killed thousands.",
            "Tarvic Liberation Movement",
            "Selmar National Guard",
        ),
    ],
)
def test_fighting_that_broke_out_between_two_parties(system, text, a, b):
    assert ("IN_CONFLICT_WITH", a, b, "relations.conflict_noun.between") in relations(system, text)


def test_relations_between_two_parties_are_no_fighting(system):
    found = pairs(system, "The conflict strained relations between Andorra and Monaco.")
    assert not any(r[0] == "IN_CONFLICT_WITH" for r in found), found


@pytest.mark.parametrize(
    "text, accused, accuser",
    [
        (
            "The Selmar National Guard accused the Tarvic Liberation Movement of shelling its border posts.",
            "Tarvic Liberation Movement",
            "Selmar National Guard",
        ),
        (
            "The Ondo Highland Militia accused Monaco of bombing their bases in the valley.",
            "Monaco",
            "Ondo Highland Militia",
        ),
        (
            "Andorra accused the Brenmoor Popular Front of shelling its troops near the border.",
            "Brenmoor Popular Front",
            "Andorra",
        ),
    ],
)
def test_an_accusation_of_attacking_the_accusers_own_forces(system, text, accused, accuser):
    assert ("IN_CONFLICT_WITH", accused, accuser, "party_relations.accusation.own_forces") in relations(system, text)


def test_an_accusation_of_attacking_unnamed_targets_states_nothing(system):
    # guidelines §2.5: the accuser is a party only where the content names its forces as the target
    found = pairs(system, "Monaco accused the Ondo Highland Militia of attacking aid convoys.")
    assert not any(r[0] == "IN_CONFLICT_WITH" for r in found), found


@pytest.mark.parametrize(
    "text, head, tails",
    [
        (
            "The Tarvic Liberation Movement, supported by Andorra and the Ondo Highland Militia, took the pass.",
            "Tarvic Liberation Movement",
            ("Andorra", "Ondo Highland Militia"),
        ),
        (
            "The Selmar National Guard and its allies, the Ondo Highland Militia and the Kessa Unity Party, retreated.",
            "Selmar National Guard",
            ("Ondo Highland Militia", "Kessa Unity Party"),
        ),
        (
            "The Brenmoor Popular Front, backed by Monaco, Andorra and the Halvik Guard, seized the town.",
            "Brenmoor Popular Front",
            ("Monaco", "Andorra", "Halvik Guard"),
        ),
    ],
)
def test_a_coordinated_backer_or_ally_gives_each_conjunct(system, text, head, tails):
    found = pairs(system, text)
    for tail in tails:
        assert ("ALLIED_WITH", head, tail) in found, (tail, found)


@pytest.mark.parametrize(
    "text, a, b",
    [
        (
            "Interior Minister Dana Krell and her Andorran counterpart Piet Osk spoke by phone on Friday.",
            "Piet Osk",
            "Dana Krell",
        ),
        (
            "Foreign Minister Arvel Mendo and his Valdonian counterpart Ilse Darrow held talks in Corvo on Monday.",
            "Ilse Darrow",
            "Arvel Mendo",
        ),
    ],
)
def test_a_person_and_his_counterpart_who_spoke_or_met(system, text, a, b):
    found = {(h, t) for rtype, h, t in pairs(system, text) if rtype == "MET_WITH"}
    assert (a, b) in found or (b, a) in found, found


@pytest.mark.parametrize(
    "text, attackers, target",
    [
        (
            "Selmar National Guard troops were ambushed by the Tarvic Liberation Movement near Halvik.",
            ("Tarvic Liberation Movement",),
            "Selmar National Guard",
        ),
        (
            "The Kessa Unity Party was attacked by Andorra and the Ondo Highland Militia.",
            ("Andorra", "Ondo Highland Militia"),
            "Kessa Unity Party",
        ),
    ],
)
def test_a_passive_attack_on_a_partys_troops_or_by_coordinated_agents(system, text, attackers, target):
    found = pairs(system, text)
    for attacker in attackers:
        assert ("IN_CONFLICT_WITH", attacker, target) in found, (attacker, found)


@pytest.mark.parametrize(
    "text, attacker, owner",
    [
        (
            "The Tarvic Liberation Movement attacked positions of the Selmar National Guard near Halvik.",
            "Tarvic Liberation Movement",
            "Selmar National Guard",
        ),
        ("Andorra shelled a base of the Brenmoor Popular Front near the border.", "Andorra", "Brenmoor Popular Front"),
    ],
)
def test_an_attack_on_the_positions_of_a_party(system, text, attacker, owner):
    assert ("IN_CONFLICT_WITH", attacker, owner) in pairs(system, text)


@pytest.mark.parametrize(
    "text, allies, opponent",
    [
        (
            "The Tarvic Liberation Movement is fighting alongside the Ondo Highland Militia against the Selmar "
            "National Guard.",
            ("Tarvic Liberation Movement", "Ondo Highland Militia"),
            "Selmar National Guard",
        ),
        (
            "Andorra worked with the Kessa Unity Party against the Brenmoor Popular Front during the war.",
            ("Andorra", "Kessa Unity Party"),
            "Brenmoor Popular Front",
        ),
    ],
)
def test_allies_fighting_together_against_a_third_party(system, text, allies, opponent):
    found = relations(system, text)
    assert ("ALLIED_WITH", *allies, "party_relations.ally_verbs") in found, found
    for ally in allies:
        assert ("IN_CONFLICT_WITH", ally, opponent, "party_relations.joint_opponent") in found, (ally, found)


@pytest.mark.parametrize(
    "text, a, b",
    [
        (
            "Foreign Minister Dana Krell travelled to Corvo, where she met President Arvel Mendo.",
            "Dana Krell",
            "Arvel Mendo",
        ),
        ("Gen. Luc Ferro arrived in Halvik, where he was received by Col. Mira Senn.", "Luc Ferro", "Mira Senn"),
        (
            "Foreign Minister Dana Krell visited Corvo on Monday and met President Arvel Mendo.",
            "Dana Krell",
            "Arvel Mendo",
        ),
    ],
)
def test_a_meeting_in_a_where_clause_or_a_second_verb_has_the_first_subject(system, text, a, b):
    found = {(h, t) for rtype, h, t in pairs(system, text) if rtype == "MET_WITH"}
    assert (a, b) in found or (b, a) in found, found


@pytest.mark.parametrize(
    "text",
    [
        # two people before "and": which one met is not said
        "Gen. Luc Ferro praised Col. Mira Senn and met envoy Dana Krell.",
        # "after he ...": the pronoun may take up the person received, not the host
        "President Arvel Mendo hosted him in Corvo, a month after he sat down with Gen. Luc Ferro.",
    ],
)
def test_no_meeting_when_the_subject_of_the_second_verb_is_not_clear(system, text):
    found = {(h, t) for rtype, h, t in pairs(system, text) if rtype == "MET_WITH"}
    assert not any("Arvel Mendo" in pair and "Luc Ferro" in pair for pair in found), found
    assert ("Luc Ferro", "Dana Krell") not in found and ("Dana Krell", "Luc Ferro") not in found, found


@pytest.mark.parametrize(
    "text, parts, whole",
    [
        ("The Halvik Brigade belongs to the Selmar National Guard.", ("Halvik Brigade",), "Selmar National Guard"),
        (
            "The Ostrel Rangers, which operate under the Kessa Unity Party, withdrew.",
            ("Ostrel Rangers",),
            "Kessa Unity Party",
        ),
        (
            "The Halvik Brigade and the Marsk Battalion, both units of the Selmar National Guard, withdrew.",
            ("Halvik Brigade", "Marsk Battalion"),
            "Selmar National Guard",
        ),
        (
            "The Unity Coalition, which includes the Tarvic Liberation Movement and the Kessa Unity Party, won.",
            ("Tarvic Liberation Movement", "Kessa Unity Party"),
            "Unity Coalition",
        ),
    ],
)
def test_parts_stated_by_a_verb_or_a_plural_part_noun(system, text, parts, whole):
    found = pairs(system, text)
    for part in parts:
        assert ("PART_OF", part, whole) in found, (part, found)


@pytest.mark.parametrize(
    "text, holder, place, rule",
    [
        ("Kidal fell to the Tarvic Liberation Movement on Monday.", "Tarvic Liberation Movement", "Kidal", "capture"),
        ("The town of Gao fell to the Ondo Highland Militia at dawn.", "Ondo Highland Militia", "Gao", "capture"),
        (
            "Kidal, which the Tarvic Liberation Movement seized in 2019, was shelled.",
            "Tarvic Liberation Movement",
            "Kidal",
            "control_relative",
        ),
        (
            "Gao, which the Ondo Highland Militia has held since May, lies on the river.",
            "Ondo Highland Militia",
            "Gao",
            "control_relative",
        ),
        (
            "The Selmar National Guard regained control of Kidal on Monday.",
            "Selmar National Guard",
            "Kidal",
            "control_verbs",
        ),
    ],
)
def test_a_place_that_fell_to_or_was_seized_by_a_party(system, text, holder, place, rule):
    assert ("CONTROLS", holder, place, f"party_relations.{rule}") in relations(system, text)


def test_a_count_that_fell_to_a_number_is_no_capture(system):
    found = pairs(system, "In Kidal, the number of patients fell to 12, the Ondo Highland Militia said.")
    assert not any(r[0] == "CONTROLS" for r in found), found


@pytest.mark.parametrize(
    "text, attacker, target",
    [
        (
            "Andorra blamed the Tarvic Liberation Movement for the attack on its embassy.",
            "Tarvic Liberation Movement",
            "Andorra",
        ),
        (
            "The Selmar National Guard blamed the Ondo Highland Militia for Sunday's rocket attack on Monaco.",
            "Ondo Highland Militia",
            "Monaco",
        ),
        ("Monaco held the Kessa Unity Party responsible for the strikes on its bases.", "Kessa Unity Party", "Monaco"),
    ],
)
def test_blame_for_an_attack_on_a_named_or_own_target(system, text, attacker, target):
    assert ("IN_CONFLICT_WITH", attacker, target, "party_relations.blame") in relations(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "Andorra blamed the attack on the Tarvic Liberation Movement.",  # the attacker only, no target named
        "The Selmar National Guard blamed the Ondo Highland Militia for the delays.",
    ],
)
def test_blame_without_an_attack_on_a_target_states_no_conflict(system, text):
    assert not any(r[3] == "party_relations.blame" for r in relations(system, text))


@pytest.mark.parametrize(
    "text, allies, opponent",
    [
        (
            "The Tarvic Liberation Movement and the Ondo Highland Militia fought together against the Selmar "
            "National Guard.",
            ("Tarvic Liberation Movement", "Ondo Highland Militia"),
            "Selmar National Guard",
        ),
        (
            "Andorra and Monaco fought side by side against the Brenmoor Popular Front in 2019.",
            ("Andorra", "Monaco"),
            "Brenmoor Popular Front",
        ),
    ],
)
def test_parties_that_fought_together_are_one_side(system, text, allies, opponent):
    found = pairs(system, text)
    assert any(r[0] == "ALLIED_WITH" and set(r[1:]) == set(allies) for r in found), found
    assert not any(r[0] == "IN_CONFLICT_WITH" and set(r[1:]) == set(allies) for r in found), found
    for ally in allies:
        assert ("IN_CONFLICT_WITH", ally, opponent) in found, (ally, found)


@pytest.mark.parametrize(
    "text, head, tail, rtype",
    [
        (
            "Andorra has armed and trained the Tarvic Liberation Movement.",
            "Andorra",
            "Tarvic Liberation Movement",
            "ALLIED_WITH",
        ),
        (
            "Monaco funded and armed the Ondo Highland Militia for years.",
            "Monaco",
            "Ondo Highland Militia",
            "ALLIED_WITH",
        ),
        (
            "The Selmar National Guard shelled and bombed the Kessa Unity Party overnight.",
            "Selmar National Guard",
            "Kessa Unity Party",
            "IN_CONFLICT_WITH",
        ),
    ],
)
def test_two_coordinated_verbs_share_their_object(system, text, head, tail, rtype):
    assert (rtype, head, tail) in pairs(system, text)


@pytest.mark.parametrize(
    "text, backer, backed",
    [
        ("The pro-Andorra Tarvic Liberation Movement seized the dam.", "Andorra", "Tarvic Liberation Movement"),
        (
            "Andorra, a key supporter of the Tarvic Liberation Movement, denied it.",
            "Andorra",
            "Tarvic Liberation Movement",
        ),
        ("The pro-Monaco Kessa Unity Party won the vote in Gao.", "Monaco", "Kessa Unity Party"),
    ],
)
def test_a_pro_compound_or_a_supporter_is_an_ally(system, text, backer, backed):
    assert ("ALLIED_WITH", backer, backed) in pairs(system, text)


@pytest.mark.parametrize(
    "text, a, b",
    [
        (
            "A peace deal between the Selmar National Guard and the Tarvic Liberation Movement was signed in Gao.",
            "Selmar National Guard",
            "Tarvic Liberation Movement",
        ),
        (
            "Peace talks between Andorra and the Ondo Highland Militia resumed in Gao.",
            "Andorra",
            "Ondo Highland Militia",
        ),
    ],
)
def test_a_peace_deal_or_peace_talks_between_two_parties(system, text, a, b):
    assert ("IN_CONFLICT_WITH", a, b) in pairs(system, text)


def test_coordinated_signatories_of_a_peace_deal_with_a_third_are_one_side(system):
    found = pairs(system, "Andorra and Monaco signed a peace deal with the Kessa Unity Party.")
    assert ("IN_CONFLICT_WITH", "Andorra", "Kessa Unity Party") in found, found
    assert ("IN_CONFLICT_WITH", "Monaco", "Kessa Unity Party") in found, found
    assert not any(r[0] == "IN_CONFLICT_WITH" and {"Andorra", "Monaco"} == set(r[1:]) for r in found), found


@pytest.mark.parametrize(
    "text, attacker, target",
    [
        (
            "A Selmar National Guard drone struck a Tarvic Liberation Movement convoy.",
            "Selmar National Guard",
            "Tarvic Liberation Movement",
        ),
        (
            "Two Brenmoor Popular Front tanks shelled the Ostrel Defence Force overnight.",
            "Brenmoor Popular Front",
            "Ostrel Defence Force",
        ),
    ],
)
def test_a_drone_or_tank_of_a_party_is_the_party_attacking(system, text, attacker, target):
    assert ("IN_CONFLICT_WITH", attacker, target) in pairs(system, text)


@pytest.mark.parametrize(
    "text, attacker, state",
    [
        (
            "The Tarvic Liberation Movement said it shelled three posts in Andorra.",
            "Tarvic Liberation Movement",
            "Andorra",
        ),
        ("The Ondo Highland Militia launched drones at targets in Monaco.", "Ondo Highland Militia", "Monaco"),
        ("The Selmar National Guard struck positions inside Andorra overnight.", "Selmar National Guard", "Andorra"),
    ],
)
def test_an_attack_on_unnamed_targets_in_a_state_is_a_conflict_with_it(system, text, attacker, state):
    assert ("IN_CONFLICT_WITH", attacker, state) in pairs(system, text)


def test_an_attack_on_targets_in_a_town_names_no_side(system):
    # guidelines §2.3: a town attacked is ground, not a side
    found = pairs(system, "The Selmar National Guard struck positions in Gao overnight.")
    assert not any(r[0] == "IN_CONFLICT_WITH" for r in found), found


@pytest.mark.parametrize(
    "text, accused, backed",
    [
        (
            "The Tarvic Liberation Movement seized Kidal. Andorra accuses Monaco of arming the group.",
            "Monaco",
            "Tarvic Liberation Movement",
        ),
        (
            "The Ondo Highland Militia shelled Gao on Monday. Monaco accused Andorra of backing the militia.",
            "Andorra",
            "Ondo Highland Militia",
        ),
    ],
)
def test_an_accusation_of_arming_a_group_named_before(system, text, accused, backed):
    # guidelines §3.1: "the group" refers back to the nearest named organisation
    assert ("ALLIED_WITH", accused, backed, "party_relations.accusation") in relations(system, text)


@pytest.mark.parametrize(
    "text, a, b",
    [
        ("President Arvel Mendo, after meeting Gen. Luc Ferro in Gao, flew home.", "Arvel Mendo", "Luc Ferro"),
        ("President Arvel Mendo met with the rebel leader, Gen. Luc Ferro, in Gao.", "Arvel Mendo", "Luc Ferro"),
        ("Gen. Luc Ferro was received in Gao by President Arvel Mendo.", "Luc Ferro", "Arvel Mendo"),
        ("Col. Mira Senn was received on Monday by envoy Dana Krell.", "Mira Senn", "Dana Krell"),
    ],
)
def test_meetings_past_a_participle_a_modified_role_or_a_setting(system, text, a, b):
    found = {(h, t) for rtype, h, t in pairs(system, text) if rtype == "MET_WITH"}
    assert (a, b) in found or (b, a) in found, found


def test_a_meeting_expected_has_not_taken_place(system):
    found = pairs(system, "President Arvel Mendo is expected to meet Gen. Luc Ferro next week.")
    assert not any(r[0] == "MET_WITH" for r in found), found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The Tarvic Liberation Movement seized Kidal. The group, backed by Andorra, now controls the north.",
            ("ALLIED_WITH", "Tarvic Liberation Movement", "Andorra"),
        ),
        (
            "The Ondo Highland Militia shelled Gao. The militia, which is supported by Monaco, denied it.",
            ("ALLIED_WITH", "Ondo Highland Militia", "Monaco"),
        ),
        (
            "The Tarvic Liberation Movement seized Kidal. The group's fighters clashed with the Selmar National Guard.",
            ("IN_CONFLICT_WITH", "Tarvic Liberation Movement", "Selmar National Guard"),
        ),
        (
            "The Brenmoor Popular Front took Halvik. The movement has fought the Kessa Unity Party since 2019.",
            ("IN_CONFLICT_WITH", "Brenmoor Popular Front", "Kessa Unity Party"),
        ),
    ],
)
def test_a_group_nominal_subject_refers_to_the_organisation_named_before(system, text, expected):
    # guidelines §3.1: a nominal argument attaches to the nearest preceding named mention
    assert expected in pairs(system, text)


def test_a_group_nominal_inside_a_clause_is_no_subject(system):
    found = pairs(
        system, "The Tarvic Liberation Movement seized Kidal. Andorra said members of the group fought Monaco."
    )
    assert ("IN_CONFLICT_WITH", "Tarvic Liberation Movement", "Monaco") not in found, found


@pytest.mark.parametrize(
    "text, a, b",
    [
        (
            "The Tarvic Liberation Movement, a sworn enemy of Monaco, seized Kidal.",
            "Tarvic Liberation Movement",
            "Monaco",
        ),
        (
            "The Ostrel Defence Force, an arch-foe of the Brenmoor Popular Front, shelled Halvik.",
            "Ostrel Defence Force",
            "Brenmoor Popular Front",
        ),
    ],
)
def test_an_enemy_in_apposition_is_in_conflict(system, text, a, b):
    assert ("IN_CONFLICT_WITH", a, b) in pairs(system, text)


def test_a_political_rival_in_apposition_is_no_war(system):
    found = pairs(system, "Monaco, the main rival of the Kessa Unity Party, won the vote.")
    assert not any(r[0] == "IN_CONFLICT_WITH" for r in found), found


@pytest.mark.parametrize(
    "text, attackers, target",
    [
        (
            "The Selmar National Guard and the Kessa Unity Party's militia attacked the Tarvic Liberation Movement.",
            ("Selmar National Guard", "Kessa Unity Party"),
            "Tarvic Liberation Movement",
        ),
        (
            "Andorra and the Ostrel Defence Force's army shelled the Brenmoor Popular Front.",
            ("Andorra", "Ostrel Defence Force"),
            "Brenmoor Popular Front",
        ),
    ],
)
def test_coordinated_subjects_one_through_its_militia_or_army(system, text, attackers, target):
    found = pairs(system, text)
    for attacker in attackers:
        assert ("IN_CONFLICT_WITH", attacker, target) in found, (attacker, found)


@pytest.mark.parametrize(
    "text, group, army, backer",
    [
        (
            "The Tarsh Front seized Olvo after a week of fighting with the Maltese army. The group is backed by"
            " Andorra.",
            "Tarsh Front",
            "Maltese army",
            "Andorra",
        ),
        (
            "The Ardel Movement ambushed a convoy of the Dorvic police near Kaleth. The movement is armed by"
            " Monaco, officials said.",
            "Ardel Movement",
            "Dorvic police",
            "Monaco",
        ),
    ],
)
def test_a_group_nominal_never_refers_back_to_a_states_force(system, text, group, army, backer):
    # §3.1: "the group", "the movement" stand for the last named non-state body, not a state's army or police.
    found = pairs(system, text)
    assert not any(kind == "ALLIED_WITH" and army in (head, tail) for kind, head, tail in found), found
    assert any(kind == "ALLIED_WITH" and {head, tail} == {group, backer} for kind, head, tail in found), found


@pytest.mark.parametrize(
    "text",
    [
        # conditionals: the act is set as a condition or a consequence, not stated (§2.5: a threat is no act)
        "If Mali attacked Niger, the alliance would respond, analysts said.",
        "Niger would fight Mali if its troops crossed the river, the minister said.",
        "Unless Monaco withdraws, Andorra will attack Monaco, the general warned.",
        "Monaco would respond if Andorra attacked Monaco again, the minister said.",
        # negated acts
        "Andorra has never attacked Monaco, its foreign minister said.",
        "The Tarsh Front would not attack Monaco, its leader said.",
    ],
)
def test_an_unasserted_attack_states_no_conflict(system, text):
    found = pairs(system, text)
    assert not any(kind == "IN_CONFLICT_WITH" for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text, a, b",
    [
        ("Mali attacked Niger on Tuesday, the army said.", "Mali", "Niger"),
        ("If confirmed, the strike shows that Andorra attacked Monaco again.", "Andorra", "Monaco"),
        ("Andorra has attacked Monaco twice since May, the ministry said.", "Andorra", "Monaco"),
    ],
)
def test_an_asserted_attack_still_states_conflict(system, text, a, b):
    # the guard of the test above reads the clause, not the sentence: "If confirmed," closes its condition
    assert ("IN_CONFLICT_WITH", a, b) in pairs(system, text)


@pytest.mark.parametrize(
    "text, subject, owner",
    [
        ("The Amber Front attacked Mali's decision to raise fuel prices.", "Amber Front", "Mali"),
        ("The Tarsh Front fought Monaco's plan to hold elections in court.", "Tarsh Front", "Monaco"),
        ("The Tarsh Front attacked Monaco's new policy on the border.", "Tarsh Front", "Monaco"),
    ],
)
def test_attacking_a_partys_decision_is_a_dispute(system, text, subject, owner):
    assert ("IN_CONFLICT_WITH", subject, owner) not in pairs(system, text)


@pytest.mark.parametrize(
    "text, subject, owner",
    [
        ("The Amber Front attacked Mali's troops near Gao.", "Amber Front", "Mali"),
        ("The Tarsh Front fought Andorra's army for a week.", "Tarsh Front", "Andorra"),
    ],
)
def test_attacking_a_partys_forces_is_still_a_conflict(system, text, subject, owner):
    assert ("IN_CONFLICT_WITH", subject, owner) in pairs(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "Ana Kovel, who has never met Piotr Zaleski, said he was welcome.",
        "Marta Liss has not met Tomas Berek since the war, her aides said.",
    ],
)
def test_a_negated_meeting_is_no_meeting(system, text):
    assert not any(kind == "MET_WITH" for kind, _, _ in pairs(system, text))


@pytest.mark.parametrize(
    "text, taker, place",
    [
        ("Responsibility for Gao fell to Niger under the accord.", "Niger", "Gao"),
        ("Security in Olvo fell to the Tarsh Front after the election.", "Tarsh Front", "Olvo"),
    ],
)
def test_a_place_inside_the_subject_of_fell_to_is_not_taken(system, text, taker, place):
    assert ("CONTROLS", taker, place) not in pairs(system, text)


@pytest.mark.parametrize(
    "text, taker, place",
    [
        ("Gao fell to the Amber Front on Sunday.", "Amber Front", "Gao"),
        ("The town of Olvo fell to the Tarsh Front after six days of fighting.", "Tarsh Front", "Olvo"),
    ],
)
def test_a_place_that_fell_to_a_party_is_still_taken(system, text, taker, place):
    assert ("CONTROLS", taker, place) in pairs(system, text)


@pytest.mark.parametrize(
    "text, a, b",
    [
        ("The Amber Front denied that it had attacked Niger.", "Amber Front", "Niger"),
        ("The Tarsh Front denied reports that it had shelled Monaco last week.", "Tarsh Front", "Monaco"),
    ],
)
def test_an_act_its_subject_denies_states_no_conflict(system, text, a, b):
    assert ("IN_CONFLICT_WITH", a, b) not in pairs(system, text)


def test_a_denial_closed_by_a_clause_break_leaves_the_next_act(system):
    text = "The Tarsh Front denied the charge, and on Monday it attacked Monaco again."
    assert ("IN_CONFLICT_WITH", "Tarsh Front", "Monaco") in pairs(system, text)


@pytest.mark.parametrize(
    "text, attacker, town",
    [
        ("The Green Brigade, which operates under the Amber Front's banner, attacked Gao.", "Green Brigade", "Gao"),
        ("The Tarsh Front shelled Olvo and Pirel on Monday, residents said.", "Tarsh Front", "Olvo"),
    ],
)
def test_a_town_an_act_hits_is_no_side(system, text, attacker, town):
    # §2.3: a town or province attacked is where the act happened; only a state or its capital is a side
    found = pairs(system, text)
    assert not any(kind == "IN_CONFLICT_WITH" and town in (head, tail) for kind, head, tail in found), found


@pytest.mark.parametrize(
    "text, attacker, side",
    [
        ("The Tarsh Front shelled Monaco on Monday, residents said.", "Tarsh Front", "Monaco"),
        ("The Amber Front has fought Bamako's forces since 2019.", "Amber Front", "Bamako"),
    ],
)
def test_a_state_or_its_capital_is_still_a_side(system, text, attacker, side):
    assert ("IN_CONFLICT_WITH", attacker, side) in pairs(system, text)


@pytest.mark.parametrize(
    "text, met, owner",
    [
        ("Ana Kovel, after meeting Piotr Zaleski's lawyers in Gao, flew home.", "Ana Kovel", "Piotr Zaleski"),
        ("Marta Liss said she had met Tomas Berek's envoy, not Berek himself.", "Marta Liss", "Tomas Berek"),
    ],
)
def test_meeting_a_persons_aides_is_no_meeting_with_him(system, text, met, owner):
    assert ("MET_WITH", met, owner) not in pairs(system, text)


def test_the_aide_named_after_the_owner_is_met(system):
    found = pairs(system, "Ana Kovel met Piotr Zaleski's envoy, Tomas Berek, in Gao.")
    assert ("MET_WITH", "Ana Kovel", "Tomas Berek") in found
    assert ("MET_WITH", "Ana Kovel", "Piotr Zaleski") not in found


@pytest.mark.parametrize(
    "text, a, b",
    [
        ("Ana Kovel and Nigerien President Piotr Zaleski held talks in Gao on Monday.", "Piotr Zaleski", "Ana Kovel"),
        ("Ana Kovel and Chadian Foreign Minister Tomas Berek held talks in Olvo.", "Tomas Berek", "Ana Kovel"),
    ],
)
def test_a_nationality_before_the_titles_of_a_coordinated_person(system, text, a, b):
    # "A and Valdonian President B held talks": the nationality opens B's premodifiers, so B is coordinated
    found = pairs(system, text)
    assert ("MET_WITH", a, b) in found or ("MET_WITH", b, a) in found, found


@pytest.mark.parametrize(
    "text, a, b",
    [
        (
            "The Amber Front and the Gao Bar Association wrote in a joint statement that 12 had died.",
            "Amber Front",
            "Gao Bar Association",
        ),
        ("In a joint statement, the Amber Front and the Tarsh Front said 12 had died.", "Amber Front", "Tarsh Front"),
        (
            "The Coastal Aid League and the Olvo Lawyers Union issued a joint statement condemning the killings.",
            "Coastal Aid League",
            "Olvo Lawyers Union",
        ),
        (
            "Rallies were held in 20 towns, the Olvo Lawyers Union (OLU) and the Tarsh Front stated in a"
            " joint statement on Friday.",
            "OLU",
            "Tarsh Front",
        ),
    ],
)
def test_the_issuers_of_a_joint_statement_are_allied(system, text, a, b):
    # §2.5 joint bodies and joint acts: the parties of one joint statement are allied pairwise
    found = pairs(system, text)
    assert ("ALLIED_WITH", a, b) in found or ("ALLIED_WITH", b, a) in found, found


def test_a_joint_statement_of_another_clause_ties_no_earlier_subjects(system):
    text = "Mali and Niger traded accusations, and the UN issued a joint statement with the AU."
    assert not any(kind == "ALLIED_WITH" for kind, _, _ in pairs(system, text))


@pytest.mark.parametrize(
    "text, a, b",
    [
        (
            "Foreign Minister Ana Kovel summoned Piotr Zaleski, Niger's envoy in Bamako, on Tuesday.",
            "Ana Kovel",
            "Piotr Zaleski",
        ),
        ("Ana Kovel summoned Monaco's ambassador, Tomas Berek, to protest the raid.", "Ana Kovel", "Tomas Berek"),
    ],
)
def test_summoning_an_envoy_is_a_meeting(system, text, a, b):
    assert ("MET_WITH", a, b) in pairs(system, text)


def test_summoning_reporters_meets_no_one_named(system):
    text = "Ana Kovel summoned reporters to say Piotr Zaleski had resigned."
    assert not any(kind == "MET_WITH" for kind, _, _ in pairs(system, text))


def test_rejecting_a_joint_statement_issues_none(system):
    text = "Andorra and Monaco rejected a joint statement on Monday."
    assert not any(kind == "ALLIED_WITH" for kind, _, _ in pairs(system, text))


@pytest.mark.parametrize(
    "text",
    [
        "Andorra and the Tarsh Front issued a joint statement announcing a ceasefire in Olvo.",
        "In a joint statement, Monaco and the Ardel Movement said the truce would hold until March.",
    ],
)
def test_a_joint_statement_about_a_truce_allies_no_one(system, text):
    # §2.5: a ceasefire states the conflict; the joint statement of its two sides is the truce at work.
    found = pairs(system, text)
    assert not any(kind == "ALLIED_WITH" for kind, _, _ in found), found


# -- round of 2026-11-25 (late): which signers of a joint statement are allied (guidelines §2.5) --
@pytest.mark.parametrize(
    "text",
    [
        # a petition of many co-signers, not the few parties that act as one
        "Andorra, Monaco, Malta, Iceland, Estonia and Latvia stated in a joint letter that they were alarmed.",
        "Foreign ministers of Andorra, Monaco, Malta and Iceland wrote in a joint letter that raids must end.",
        "A joint statement by the Amber Front, the Tarsh Movement, the Dorn Union and the Olvo Union urged calm.",
        "The UN, the AU, ECOWAS and the EU stated in a joint letter that they were following events closely.",
        # the named few of a larger or open group of signers
        "Rights groups including the Olvo Lawyers Union and the Coastal Aid League said in a joint letter 30 died.",
        "Charities such as the Korvan Relief Union and the Vell Aid League wrote in a joint letter that 9 died.",
        # a communique that records talks between the signers, or settles their own war
        "Andorra and Monaco issued a joint statement after two rounds of talks in Vaduz, vowing to reopen roads.",
        "Following their meeting in Olvo, Andorra and Monaco wrote in a joint letter that trade would resume.",
        "Andorra and Monaco signed a joint declaration ending their war.",
        # agencies and missions of one organisation
        "UNICEF, WFP and WHO stated in a joint letter that famine was spreading in the north.",
        "A joint statement from the UN and UNICEF said 300 children had been killed in Dorn.",
    ],
)
def test_signers_of_a_joint_statement_that_are_not_one_party_are_not_allied(system, text):
    found = pairs(system, text)
    assert not any(kind == "ALLIED_WITH" for kind, _, _ in found), found


@pytest.mark.parametrize(
    "text, allied",
    [
        (
            "Andorra, Monaco and Malta wrote in a joint letter they would send troops to the border.",
            {("Andorra", "Monaco"), ("Andorra", "Malta"), ("Monaco", "Malta")},
        ),
        (
            "A joint statement by the Vell Front and the Korvan Movement called for a general strike.",
            {("Vell Front", "Korvan Movement")},
        ),
        # a communique after talks between others, which the signers hosted: a joint act (§2.5, "between its signers")
        (
            "Andorra and Monaco issued a joint statement after talks between the Vell Front and the Korvan Army.",
            {("Andorra", "Monaco")},
        ),
        # the UN with a body outside it still acts jointly
        (
            "A delegation of Andorra, the AU and the UN met the rebels in Dorn.",
            {("Andorra", "AU"), ("Andorra", "UN"), ("AU", "UN")},
        ),
    ],
)
def test_the_few_signers_of_a_joint_statement_stay_allied(system, text, allied):
    found = {frozenset((h, t)) for kind, h, t in pairs(system, text) if kind == "ALLIED_WITH"}
    assert found == {frozenset(p) for p in allied}, found


# "X repelled an attack by Y": the defender and the named attacker fought
@pytest.mark.parametrize(
    "text, a, b",
    [
        ("The Korvan Army said it had repelled an attack by the Vell Front on its base.", "Korvan Army", "Vell Front"),
        ("Andorra said its troops foiled an attack by the Amber Front.", "Andorra", "Amber Front"),
        (
            "Troops of the Ardel Guard fought off a raid by the Tarsh Movement overnight.",
            "Ardel Guard",
            "Tarsh Movement",
        ),
    ],
)
def test_repelling_an_attack_by_a_named_party(system, text, a, b):
    assert ("IN_CONFLICT_WITH", a, b) in pairs(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Korvan Army said it had repelled an attack on its base.",
        "Andorra condemned an attack by the Vell Front on a school.",
        "The Korvan Army said it foiled a plot by the Vell Front to bomb the airport.",
        "The Ardel Guard repelled an attack near Olvo, the Tarsh Movement said.",
    ],
)
def test_repelling_needs_a_named_attacker(system, text):
    assert not any(kind == "IN_CONFLICT_WITH" for kind, _, _ in pairs(system, text))


# An attack fought off in a chamber, over a bill or in words is a political dispute, not fighting (§2.5)
@pytest.mark.parametrize(
    "text",
    [
        "The Velmor Movement said it fought off an attack by the Kessa Alliance in parliament over the budget.",
        "The Velmor Movement beat back an attack by the Kessa Alliance over the new tax bill.",
        "The Velmor Movement repelled a fierce verbal attack by the Kessa Alliance on Tuesday.",
        "The Velmor Movement held off an attack by the Kessa Alliance ahead of the vote on Friday.",
    ],
)
def test_repelling_a_political_attack_is_no_conflict(system, text):
    found = pairs(system, text)
    assert not any(kind == "IN_CONFLICT_WITH" for kind, _, _ in found), found


# §2.5 accusations: "X accuses Y of hiding Z gunmen who raid its troops" -> Y-Z allied, Z-X in conflict
@pytest.mark.parametrize(
    "text, ally, fighter, accuser",
    [
        (
            "Andorra accuses Monaco of harbouring Amber Front fighters who attack its troops along the border.",
            "Monaco",
            "Amber Front",
            "Andorra",
        ),
        (
            "Malta accused Iceland of arming the Vell Front, which attacked its border posts in May.",
            "Iceland",
            "Vell Front",
            "Malta",
        ),
    ],
)
def test_the_group_an_accused_shelters_fights_the_accuser(system, text, ally, fighter, accuser):
    found = pairs(system, text)
    assert ("ALLIED_WITH", ally, fighter) in found and ("IN_CONFLICT_WITH", fighter, accuser) in found, found


def test_a_relative_clause_without_the_accusers_forces_gives_no_conflict_with_it(system):
    found = pairs(system, "Andorra accuses Monaco of sheltering Amber Front fighters who fled its forces.")
    assert not any(kind == "IN_CONFLICT_WITH" for kind, _, _ in found), found


# an attack on a party's military site or unit is an attack on the party
@pytest.mark.parametrize(
    "text, a, b",
    [
        ("The Vell Front overran the headquarters of the Korvan Army in Olvo.", "Vell Front", "Korvan Army"),
        (
            "The Amber Front attacked positions held by the Tarsh Movement near the river.",
            "Amber Front",
            "Tarsh Movement",
        ),
        (
            "The Ardel Guard ambushed a convoy of the Dorn Liberation Front near Arvel.",
            "Ardel Guard",
            "Dorn Liberation Front",
        ),
        (
            "Fighters of the Vell Front overran the headquarters of the Korvan Army's Sixth Division.",
            "Vell Front",
            "Sixth Division",
        ),
    ],
)
def test_attacking_a_partys_site_or_unit(system, text, a, b):
    assert ("IN_CONFLICT_WITH", a, b) in pairs(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Vell Front attacked the offices of Reuters in Olvo.",
        "The Vell Front visited the headquarters of the Korvan Army in Olvo.",
        "The Ardel Guard said the Tarsh Movement had attacked positions near Arvel.",
    ],
)
def test_no_conflict_from_a_site_that_is_not_a_partys_military_one(system, text):
    found = pairs(system, text)
    assert not any(kind == "IN_CONFLICT_WITH" for kind, _, _ in found), found


# The attacker must be the party itself: a party's supporters or members in a crowd are not its forces;
# and a civilian body's building ("the headquarters of the X Electoral Commission") is no party's military site.
@pytest.mark.parametrize(
    "text",
    [
        "Supporters of the Dorvo People's Party stormed the headquarters of the Kessa Electoral Commission on Monday.",
        "Supporters of the Dorvo People's Party stormed the headquarters of the Kessa Army on Monday.",
        "Members of the Vell Movement raided a camp of the Tarsh Front near Olvo.",
        "The Dorvo People's Party stormed the headquarters of the Kessa Electoral Commission on Monday.",
        "The Vell Front stormed the headquarters of the Olvo Appeals Court overnight.",
    ],
)
def test_no_conflict_from_a_crowd_of_supporters_or_a_civilian_bodys_building(system, text):
    found = pairs(system, text)
    assert not any(kind == "IN_CONFLICT_WITH" for kind, _, _ in found), found


# §2.5: "an 'of' apposition reads like the possessive": "bases in Lume, a province of Ruritania"
@pytest.mark.parametrize(
    "text, state, place",
    [
        ("The rebels hid in Kayes, a province of Mali, for a year.", "Mali", "Kayes"),
        ("The group fought from camps in South Kivu, a restive province of the DRC.", "DRC", "South Kivu"),
    ],
)
def test_an_of_apposition_of_a_state_controls_the_place(system, text, state, place):
    assert ("CONTROLS", state, place) in pairs(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels hid in Kayes, a city of two million people.",
        "The rebels hid in Gao, a district of Timbuktu, for a year.",
        "The rebels hid in Kayes, a stronghold of the Amber Front, for a year.",
    ],
)
def test_an_of_apposition_without_a_state_controls_nothing(system, text):
    assert not any(kind == "CONTROLS" for kind, _, _ in pairs(system, text))


# A modifier that says the state lost, disputes or never held the place reverses the apposition:
# "a former province of X" is no longer X's, "a breakaway region of X" is held against it.
@pytest.mark.parametrize(
    "text",
    [
        "Troops were sent to Lume, a former province of Ethiopia, on Monday.",
        "Fighting broke out in Tarsa, a breakaway region of Moldova, last week.",
        "Rebels massed near Kessa, a disputed district of Sudan claimed by South Sudan.",
        "Aid reached Orlo, an occupied region of Ukraine, on Friday.",
        "The envoy flew to Varn, a separatist province of Georgia, in May.",
        "Shelling hit Dalma, a rebel-held district of Chad, overnight.",
        "Voters in Sarn, an annexed region of Ukraine, were given new passports.",
    ],
)
def test_an_of_apposition_whose_modifier_reverses_the_states_hold_controls_nothing(system, text):
    found = pairs(system, text)
    assert not any(kind == "CONTROLS" for kind, _, _ in found), found


# an alliance or umbrella body "that includes" its members; "X, to which Y belongs"; a site that belongs to a unit
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ana Kovel, chair of the Dorn Union (DPU), an umbrella group which includes the Tarsh Front, spoke.",
            {("PART_OF", "Tarsh Front", "DPU")},
        ),
        (
            "The Amber Front, an alliance that includes the Tarsh Movement and the Vell Brigade, denied the charge.",
            {("PART_OF", "Tarsh Movement", "Amber Front"), ("PART_OF", "Vell Brigade", "Amber Front")},
        ),
        (
            "Gen. Ana Kovel, head of the 1st Infantry Division, to which the 41st Brigade belongs, praised it.",
            {("PART_OF", "41st Brigade", "1st Infantry Division")},
        ),
        (
            "Shelling hit the Dara checkpoint, which belongs to the Korvan Border Regiment.",
            {("CONTROLS", "Korvan Border Regiment", "Dara checkpoint")},
        ),
    ],
)
def test_members_an_alliance_includes_and_parts_that_belong(system, text, expected):
    found = pairs(system, text)
    assert expected <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "The Amber Front said the list includes the Tarsh Movement and the Vell Brigade.",
        "The Olvo Party included the Tarsh Movement in its list of foes.",
        "The bill includes the Tarsh Movement among banned groups.",
    ],
)
def test_including_without_an_alliance_gives_no_part(system, text):
    assert not any(kind == "PART_OF" for kind, _, _ in pairs(system, text))


# §2.5 presence: the hosts and brokers of a meeting stated just before met its named parties
@pytest.mark.parametrize(
    "text, broker, parties",
    [
        (
            "President Ana Kovel and President Piotr Zaleski held talks in Olvo. Foreign Minister Tomas Berek"
            " brokered the meeting along with Gen. Ivo Marek, an envoy of Monaco's President Ruta Vell.",
            ("Tomas Berek", "Ivo Marek"),
            ("Ana Kovel", "Piotr Zaleski"),
        ),
        (
            "Governor Lena Dorr and Commander Omar Tesh held talks in Arvel on Monday."
            " Bishop Karl Ostrow hosted the talks.",
            ("Karl Ostrow",),
            ("Lena Dorr", "Omar Tesh"),
        ),
    ],
)
def test_hosts_and_brokers_of_a_meeting_met_its_parties(system, text, broker, parties):
    found = pairs(system, text)
    for b in broker:
        for p in parties:
            assert ("MET_WITH", b, p) in found or ("MET_WITH", p, b) in found, (b, p, found)
    assert not any("Ruta Vell" in (h, t) for kind, h, t in found if kind == "MET_WITH"), found


def test_criticising_a_meeting_is_no_presence(system):
    text = (
        "President Ana Kovel and President Piotr Zaleski held talks in Olvo."
        " Foreign Minister Tomas Berek criticised the talks."
    )
    found = pairs(system, text)
    assert not any("Tomas Berek" in (h, t) for kind, h, t in found if kind == "MET_WITH"), found


# §2.5 calls: briefing or pressing a named person directly is MET_WITH, like telling
@pytest.mark.parametrize(
    "text, a, b",
    [
        (
            "Foreign Minister Ana Kovel said he had pressed Foreign Minister Piotr Zaleski to free the crew.",
            "Ana Kovel",
            "Piotr Zaleski",
        ),
        ("General Omar Tesh briefed President Lena Dorr on the attack in Arvel.", "Omar Tesh", "Lena Dorr"),
    ],
)
def test_briefing_or_pressing_a_named_person(system, text, a, b):
    assert ("MET_WITH", a, b) in pairs(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "Foreign Minister Ana Kovel pressed ahead with the plan, Foreign Minister Piotr Zaleski said.",
        "Foreign Minister Ana Kovel briefed reporters on the raid, Piotr Zaleski said.",
    ],
)
def test_pressing_on_or_briefing_reporters_meets_no_one_named(system, text):
    assert not any(kind == "MET_WITH" for kind, _, _ in pairs(system, text))


# pressing a person through the media or in public is no direct contact (§2.5 calls: "pressing a named person directly")
@pytest.mark.parametrize(
    "text",
    [
        "Opposition leader Mark Dell pressed Sara Konn on social media to resign.",
        "Opposition leader Mark Dell pressed Sara Konn in a statement to resign.",
        "Opposition leader Mark Dell pressed Sara Konn publicly to step down.",
        "Opposition leader Mark Dell has pressed Sara Konn online for weeks to resign.",
        "Opposition leader Mark Dell publicly pressed Sara Konn to resign.",
    ],
)
def test_pressing_a_person_through_the_media_is_no_meeting(system, text):
    found = pairs(system, text)
    assert not any(kind == "MET_WITH" for kind, _, _ in found), found


# two people, each with an apposition, coordinated as the subject of a meeting
@pytest.mark.parametrize(
    "text, a, b",
    [
        (
            "There, Marshal Ana Kovel, who is the top general of the Korvan Army, and Lt. Gen. Piotr Zaleski,"
            " commander of the Vell Front, opened talks in Olvo on Monday.",
            "Ana Kovel",
            "Piotr Zaleski",
        ),
        (
            "Omar Tesh, the army chief, and Lena Dorr, the rebel commander, held talks in Arvel on Monday.",
            "Omar Tesh",
            "Lena Dorr",
        ),
    ],
)
def test_coordinated_people_with_appositions_held_talks(system, text, a, b):
    found = {
        (h.replace("Marshal ", ""), t.replace("Marshal ", ""))
        for kind, h, t in pairs(system, text)
        if kind == "MET_WITH"
    }
    assert (a, b) in found or (b, a) in found, found


def test_people_in_an_adverbial_clause_did_not_hold_the_talks(system):
    text = (
        "After Ana Kovel, the chief of the Korvan Army, and Piotr Zaleski, commander of the Vell Front, were killed,"
        " the two sides held talks."
    )
    assert not any(kind == "MET_WITH" for kind, _, _ in pairs(system, text))


# §2.5: a group named as the government in or of a place controls it, a capital included
@pytest.mark.parametrize(
    "text, group, place",
    [
        ("The agency blamed the Taliban government in Herat for the raids.", "Taliban", "Herat"),
        ("Talks with the Amber Front government in Olvo have stalled.", "Amber Front", "Olvo"),
    ],
)
def test_a_group_named_as_the_government_in_a_place_controls_it(system, text, group, place):
    assert ("CONTROLS", group, place) in pairs(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Amber Front met the government in Olvo.",
        "The EU authorities in Brussels said the Tarsh Front had left.",
    ],
)
def test_no_group_government_no_control(system, text):
    assert not any(kind == "CONTROLS" for kind, _, _ in pairs(system, text))


# A clause that denies the group's hold or tells its loss ("never controlled", "fell", "lost") states no control
@pytest.mark.parametrize(
    "text",
    [
        "The Velmor Movement government in Tarsa never controlled the capital.",
        "The Velmor Movement government in Tarsa did not hold the city for long.",
        "The Velmor Movement government in Tarsa fell in 2019.",
        "The Velmor Movement government in Tarsa lost the city to the army in May.",
    ],
)
def test_a_group_government_denied_or_lost_controls_nothing(system, text):
    found = pairs(system, text)
    assert not any(kind == "CONTROLS" for kind, _, _ in found), found


# §3.1: "the rebels", "the jihadists" refer back like "the group" to the nearest non-state organisation
@pytest.mark.parametrize(
    "text, ally, group",
    [
        (
            "Analysts say the Amber Front, now backed by 4,000 Andorran troops, is stronger. Monaco accuses Andorra of"
            " arming the rebels, which Olvo denies.",
            "Andorra",
            "Amber Front",
        ),
        (
            "The Vell Brigade took Arvel in May. Malta accuses Iceland of funding the jihadists.",
            "Iceland",
            "Vell Brigade",
        ),
    ],
)
def test_the_rebels_refer_back_to_the_named_group(system, text, ally, group):
    assert ("ALLIED_WITH", ally, group) in pairs(system, text)


def test_the_rebels_are_not_a_states_troops(system):
    text = "Andorran troops crossed into Olvo on Monday. Monaco accuses Iceland of arming the rebels."
    assert not any(kind == "ALLIED_WITH" for kind, _, _ in pairs(system, text))


# a body made to fight a named party (or "the jihadists" referring back to one) is in conflict with it
@pytest.mark.parametrize(
    "text, body, enemy",
    [
        (
            "A week after Vell Front fighters overran a base, Ana Kovel warned that Chad could leave the Lake Joint"
            " Task Force (LJTF), created to combat the insurgents.",
            "Lake Joint Task Force",  # of the name and its acronym, the one nearer the earlier group (§3.1)
            "Vell Front",
        ),
        (
            "The Tarsh Movement seized Arvel in May. The Dorn Guard, formed to combat the Amber Front, withdrew.",
            "Dorn Guard",
            "Amber Front",
        ),
    ],
)
def test_a_body_set_up_to_fight_a_party(system, text, body, enemy):
    assert ("IN_CONFLICT_WITH", body, enemy) in pairs(system, text)


def test_a_body_set_up_to_fight_a_thing_fights_no_party(system):
    text = "The Vell Front seized Olvo in May. The Olvo Relief Fund was created to combat the famine."
    assert not any(kind == "IN_CONFLICT_WITH" for kind, _, _ in pairs(system, text))


# §3.1: "on it" after a sentence that opens with a named organisation takes it up
def test_a_joint_assault_on_it_targets_the_previous_subject(system):
    text = "The Vell Front is tied to the Amber Front. Andorra and Monaco began a joint assault on it in May."
    found = pairs(system, text)
    assert ("IN_CONFLICT_WITH", "Andorra", "Vell Front") in found and (
        "IN_CONFLICT_WITH",
        "Monaco",
        "Vell Front",
    ) in found


@pytest.mark.parametrize(
    "text",
    [
        "Andorra seized Olvo in May. Malta and Monaco began a joint assault on it in June.",
        "The Vell Front seized Olvo in May. Malta and the Vell Front began a joint assault on it in June.",
    ],
)
def test_against_it_without_an_organisation_opening_the_sentence_before(system, text):
    assert not any(kind == "IN_CONFLICT_WITH" for kind, _, _ in pairs(system, text))


# firing into a named state, or opening fire on a named party, is an act of conflict
@pytest.mark.parametrize(
    "text, a, b",
    [
        ("The Korvan Army fired into Monaco overnight.", "Korvan Army", "Monaco"),
        ("The Ardel Guard opened fire on the Tarsh Movement near Arvel.", "Ardel Guard", "Tarsh Movement"),
    ],
)
def test_firing_into_a_state_or_on_a_party(system, text, a, b):
    assert ("IN_CONFLICT_WITH", a, b) in pairs(system, text)


def test_firing_into_the_air_targets_no_one(system):
    assert not any(
        kind == "IN_CONFLICT_WITH" for kind, _, _ in pairs(system, "The Korvan Army fired into the air in Olvo.")
    )


# "its four units: the A, the B and the C": each named unit is part of the owner
@pytest.mark.parametrize(
    "text, owner, units",
    [
        (
            "The Amber Front (AF) claimed the raid on Tuesday. Its spokesman said it was led by its four units:"
            " the Vell Brigade, the Tarsh Squad (TS) and the Olvo Battalion.",
            "AF",
            ("Vell Brigade", "Tarsh Squad", "Olvo Battalion"),
        ),
        (
            "Fighting split the Dorn Liberation Army's factions: the Arvel Brigade and the Korvan Squad.",
            "Dorn Liberation Army",
            ("Arvel Brigade", "Korvan Squad"),
        ),
    ],
)
def test_a_list_of_its_units_after_a_colon(system, text, owner, units):
    found = pairs(system, text)
    assert all(("PART_OF", u, owner) in found for u in units), found


def test_a_list_of_its_targets_is_no_list_of_parts(system):
    text = "The army listed three of its targets: the Vell Brigade, the Tarsh Squad and the Olvo Battalion."
    assert not any(kind == "PART_OF" for kind, _, _ in pairs(system, text))


# a contest is not fighting; "between A and B on one side and C on the other" makes A and B one side
@pytest.mark.parametrize(
    "text",
    [
        "The Amber Front defeated the Tarsh Movement in the 2021 elections.",
        "The Vell Party beat the Korvan Union in a runoff vote last year.",
        "Fighting between the Amber Front and the Tarsh Movement on one side and the army on the other killed 12.",
    ],
)
def test_contests_and_one_side_give_no_conflict_between_them(system, text):
    found = pairs(system, text)
    assert not any(
        kind == "IN_CONFLICT_WITH" and {h, t} <= {"Amber Front", "Tarsh Movement", "Vell Party", "Korvan Union"}
        for kind, h, t in found
    ), found


def test_defeating_a_party_in_battle_is_still_conflict(system):
    assert ("IN_CONFLICT_WITH", "Amber Front", "Tarsh Movement") in pairs(
        system, "The Amber Front defeated the Tarsh Movement near Olvo in May."
    )


# "A praised B, with whom she had talked by phone": a call between A and B (§2.5)
@pytest.mark.parametrize(
    "text, a, b",
    [
        (
            "In a short note, Governor Ana Kovel thanked President Piotr Zaleski, with whom he says he talks often.",
            "Ana Kovel",
            "Piotr Zaleski",
        ),
        ("Governor Lena Dorr praised General Omar Tesh, with whom she met twice in Arvel.", "Lena Dorr", "Omar Tesh"),
    ],
)
def test_with_whom_he_spoke(system, text, a, b):
    assert ("MET_WITH", a, b) in pairs(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "Governor Ana Kovel thanked President Piotr Zaleski, with whom the rebels had spoken.",
        "Governor Ana Kovel thanked President Piotr Zaleski, with whom he shares a party.",
    ],
)
def test_with_whom_without_a_meeting_of_the_subject(system, text):
    assert not any(kind == "MET_WITH" for kind, _, _ in pairs(system, text))


# §2.5: operations "alongside" another named party state ALLIED_WITH, also past a place or a date
@pytest.mark.parametrize(
    "text, a, b",
    [
        ("The Vell Front operated in Olvo alongside the Korvan Army until 2021.", "Vell Front", "Korvan Army"),
        (
            "The Ardel Guard has fought for years in the hills alongside the Tarsh Movement.",
            "Ardel Guard",
            "Tarsh Movement",
        ),
    ],
)
def test_operating_alongside_a_named_party(system, text, a, b):
    assert ("ALLIED_WITH", a, b) in pairs(system, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Vell Front operated in Olvo, and the Korvan Army camped alongside the river.",
        "The Vell Front fought in Olvo while the Korvan Army stood alongside the Amber Front.",
    ],
)
def test_alongside_in_another_clause_allies_no_one_with_the_first_subject(system, text):
    assert not any(kind == "ALLIED_WITH" and "Vell Front" in (h, t) for kind, h, t in pairs(system, text))


# "alongside X's former enemies": a name before a possessive owns what the subject fought beside, it is not the ally
@pytest.mark.parametrize(
    "text",
    [
        "The Kessa Brigade fought in Tarsa alongside the Dorvo Front's former enemies.",
        "The Kessa Brigade has operated for years alongside the Dorvo Front's rivals in Tarsa.",
    ],
)
def test_alongside_a_possessive_allies_no_one_with_the_owner(system, text):
    found = pairs(system, text)
    assert not any(kind == "ALLIED_WITH" and "Dorvo Front" in (h, t) for kind, h, t in found), found
