"""The rules' finders as spaCy pipeline components: registered, usable alone, sharing their work on the Doc.

Every sentence here is written for the tests.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from systems.rules.pipeline import (
    CLAIMED,
    FIGURES,
    NAME_FINDERS,
    NAMES,
    PEOPLE,
    add_ruler,
    annotation_from_doc,
    build_pipeline,
    claimed_tokens,
    names,
    set_names,
)


def small_pipeline(*components: str, patterns: list[dict] | None = None) -> Language:
    """Blank English, a sentencizer, an entity ruler with ``patterns`` only, then ``components``."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    # A pattern no text holds keeps the ruler from warning that it has none.
    ruler.add_patterns(patterns or [{"label": "ORG", "pattern": "Nowhere Front"}])  # type: ignore[attr-defined]
    for name in components:
        nlp.add_pipe(name)
    return nlp


def texts(doc: Doc, key: str) -> set[tuple[str, str]]:
    return {(s.text, s.label_) for s in doc.spans.get(key, ())}


def test_the_shipped_pipeline_is_the_ruler_then_the_registered_finders_in_order():
    nlp = build_pipeline()
    assert nlp.pipe_names == [
        "sentencizer",
        "entity_ruler",
        *NAME_FINDERS,
        "rules_figures",
        "rules_relations",
    ]
    for name in (*NAME_FINDERS, "rules_figures", "rules_relations"):
        assert name in Language.factories


def test_people_component_alone_writes_people_names_and_roles():
    nlp = small_pipeline("rules_people", patterns=[{"label": "ORG", "pattern": "Kestrel Brigade"}])
    doc = nlp("Kestrel Brigade leader Tomas Arvidsen said the bridge was held.")
    assert ("Tomas Arvidsen", "PERSON") in texts(doc, PEOPLE)
    assert {("Kestrel Brigade", "ORG"), ("Tomas Arvidsen", "PERSON")} <= texts(doc, NAMES)
    person = next(s for s in doc.spans[PEOPLE] if s.text == "Tomas Arvidsen")
    kind, org = person._.role
    assert kind == "leader" and org == (0, 2)  # the organisation's tokens
    assert person.kb_id_ == "Tomas Arvidsen"  # a person's ref is the full name


def test_alias_component_gives_a_short_form_the_full_name_as_ref():
    nlp = small_pipeline("rules_people", "rules_aliases")
    doc = nlp("Envoy Marta Lindqvist arrived on Monday. Lindqvist met both delegations.")
    short = [s for s in doc.spans[NAMES] if s.text == "Lindqvist"]
    assert len(short) == 1 and short[0].kb_id_ == "Marta Lindqvist" and short[0].id_ == "people.short_form"


def test_a_later_finder_leaves_claimed_tokens_alone():
    """The places finder would take "Harbin Gate" after "near"; an earlier component claimed it."""
    text = "Shells fell near Harbin Gate overnight."
    alone = small_pipeline("rules_places")(text)
    assert ("Harbin Gate", "GPE") in texts(alone, NAMES)

    @Language.component("test_claims_harbin")
    def claims(doc: Doc) -> Doc:
        mine = Span(doc, 3, 5, label="ORG", span_id="test.claim")
        set_names(doc, names(doc) + [mine], new=[mine])
        return doc

    nlp = small_pipeline("test_claims_harbin", "rules_places")
    doc = nlp(text)
    assert texts(doc, NAMES) == {("Harbin Gate", "ORG")}
    assert list(claimed_tokens(doc)) == [False, False, False, True, True, False, False]


def test_a_group_written_directly_by_another_component_is_read_afresh():
    """A third-party component may append to ``doc.spans["claimed"]`` itself, without ``set_names``."""

    @Language.component("test_claims_directly")
    def claims(doc: Doc) -> Doc:
        doc.spans[CLAIMED].append(Span(doc, 3, 5))
        return doc

    nlp = small_pipeline("rules_people", "test_claims_directly", "rules_places")
    doc = nlp("Shells fell near Harbin Gate overnight.")
    assert ("Harbin Gate", "GPE") not in texts(doc, NAMES)


def test_figures_skip_names_and_keep_value_qualifier_category():
    nlp = small_pipeline("rules_people", "rules_figures", patterns=[{"label": "ORG", "pattern": "Unit 27"}])
    doc = nlp("Unit 27 said at least 14 villagers were killed.")
    (figure,) = doc.spans[FIGURES]
    assert figure.text == "at least 14" and figure._.figure == (14, "at_least", "killed")
    assert figure.id_.startswith("figures.")


def test_annotation_from_doc_reads_every_mention_and_relation():
    nlp = build_pipeline()
    text = "Hezbollah spokesman Karim Haddad said 5 people were killed in Tyre."
    ann = annotation_from_doc("d", nlp(text))
    by_text = {e.text: e for e in ann.entities}
    assert by_text["Karim Haddad"].ref == "Karim Haddad" and by_text["Karim Haddad"].rule == "roles.member"
    assert by_text["5"].value == 5 and by_text["5"].category == "killed"
    by_id = {e.id: e.text for e in ann.entities}
    rels = {(r.type, by_id[r.head], by_id[r.tail]) for r in ann.relations}
    assert ("MEMBER_OF", "Karim Haddad", "Hezbollah") in rels
    assert [e.id for e in ann.entities] == [f"E{i}" for i in range(1, len(ann.entities) + 1)]
    assert all(text[e.start : e.end] == e.text for e in ann.entities)


@pytest.mark.parametrize("name", [*NAME_FINDERS, "rules_figures", "rules_relations"])
def test_each_component_runs_on_an_empty_doc(name):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    add_ruler(nlp)
    nlp.add_pipe(name)
    doc = nlp("")
    assert len(doc) == 0


def test_rank_abbreviations_end_no_sentence():
    """spaCy's English exceptions keep "Gen." whole but split "Lt." and "Maj."; the pipeline keeps
    every abbreviated rank of roles.json whole, so the name after it stays in the same sentence."""
    nlp = build_pipeline()
    doc = nlp("Talks were led by Lt. Col. Aran Vosk and Maj. Pell Daro of the Seventh Brigade. Capt. Lin spoke.")
    assert [s.text for s in doc.sents] == [
        "Talks were led by Lt. Col. Aran Vosk and Maj. Pell Daro of the Seventh Brigade.",
        "Capt. Lin spoke.",
    ]
    assert "Lt." in [t.text for t in doc]


def test_language_component_alone_drops_nationality_words_that_name_a_language():
    patterns = [{"label": "NORP", "pattern": w} for w in ("Kelmari", "Dorvish", "Tarsan")]
    nlp = small_pipeline("rules_languages", patterns=patterns)
    doc = nlp("The Kelmari-speaking towns heard it read in Dorvish. Tarsan troops left.")
    assert {(s.text, s.label_) for s in names(doc)} == {("Tarsan", "NORP")}
    # "and" joins nationalities before their noun: no language there.
    doc = nlp("Fighting in Kelmari and Dorvish territory went on.")
    assert {(s.text, s.label_) for s in names(doc)} == {("Kelmari", "NORP"), ("Dorvish", "NORP")}
