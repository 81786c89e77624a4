"""The rules' finders as spaCy pipeline components, found by their registered factory names.

Each finder is a component that reads what the components before it left on the Doc and adds its
own results there, as spaCy's components share their work:

* ``doc.spans["names"]``: the name mentions so far, starting from the entity ruler's
  ``doc.ents``. A finder may replace mentions inside a wider one it finds ("Lebanese" inside
  "Lebanese health ministry").
* ``doc.spans["claimed"]``: every stretch of tokens a finder has used, replaced mentions included.
  Later finders leave those tokens alone, as the EntityRuler leaves existing entities: so the
  order of the pipeline is the order of precedence, and no finder needs another's bookkeeping.
* ``doc.spans["people"]``: people found by a role or by context; ``Span._.role`` holds
  ``(kind, (start, end) of the organisation's mention or None)`` for those a role introduced.
* ``doc.spans["figures"]``: casualty figures; ``Span._.figure`` holds ``(value, qualifier, category)``.
* ``Doc._.relations``: ``(type, head span, tail span, rule)`` tuples.

A mention's ``kb_id`` is its ref (the canonical name) and its ``id`` the rule that made it.
``annotation_from_doc`` reads the finished Doc into the benchmark's format. Every factory takes a
``data_dir`` (empty for the shipped ``data/``), so a component can be tested alone:
``nlp.add_pipe("rules_people", config={"data_dir": ...})`` after an entity ruler.
"""

# No ``from __future__ import annotations``: spaCy reads the factories' signatures at run time.
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import numpy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from bench.core.annotation import Annotation, Entity, Relation

from .entities import (
    DATA,
    FlagCompiler,
    PeopleFinder,
    RoleLink,
    acronym_mentions,
    alias_mentions,
    body_mentions,
    derived_demonyms,
    headed_mentions,
    institution_mentions,
    language_mentions,
    led_bodies,
    load_json,
    person_ref,
    repeated_mentions,
    ruler_patterns,
)
from .figures import Figure, FigureFinder
from .organisations import cited_outlets, kind_mentions, national_branches
from .places import (
    apposed_places,
    compass_halves,
    dateline_mentions,
    designated_places,
    facility_short_forms,
    named_designator_places,
    numbered_places,
    opened_places,
    place_mentions,
    ruler_areas,
    seat_places,
)
from .relations import RelationFinder

NAMES, CLAIMED, PEOPLE, FIGURES = "names", "claimed", "people", "figures"
# The name finders in their order of precedence, after the entity ruler.
NAME_FINDERS = (
    "rules_languages",
    "rules_datelines",
    "rules_people",
    "rules_aliases",
    "rules_acronyms",
    "rules_bodies",
    "rules_headed",
    "rules_institutions",
    "rules_kind_orgs",
    # Before the designators: "two Kelmari towns" holds a nationality, not a place "Kelmari".
    "rules_demonyms",
    "rules_named_designators",
    "rules_designated_places",
    "rules_places",
    "rules_repeats",
)

if not Span.has_extension("role"):
    Span.set_extension("role", default=None)
if not Span.has_extension("figure"):
    Span.set_extension("figure", default=None)
if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)


def data_path(data_dir: str) -> Path:
    return Path(data_dir) if data_dir else DATA


# -- reading and writing the shared state ---------------------------------------------------


# Python views of the last-written groups: reading a SpanGroup builds every Span object anew, and
# each finder reads them. A view is used only while the group is the very object, of the very
# length, it was made from, so a component that writes a group itself is read afresh.
_VIEWS: dict[str, tuple[Any, int, Any]] = {}


def _view(doc: Doc, key: str):
    group = doc.spans.get(key)
    view = _VIEWS.get(key)
    if group is not None and view is not None and view[0] is group and view[1] == len(group):
        return view[2]
    return None


# The entity ruler's (or the statistical model's) entities as Spans, with the token marks they were read
# from: ``doc.ents`` builds them anew at each read, and every finder before the first to write the
# groups reads them; a doc whose entities were set again is read afresh.
_ENTS: tuple[Any, Any, list[Span]] | None = None


def _ents(doc: Doc) -> list[Span]:
    global _ENTS
    marks = doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID])
    if _ENTS is not None and _ENTS[0] is doc and numpy.array_equal(_ENTS[1], marks):
        return _ENTS[2]
    ents = list(doc.ents)
    _ENTS = (doc, marks, ents)
    return ents


def claimed_tokens(doc: Doc) -> Sequence[bool]:
    """Per token: whether some finder before this one has used it (read-only). Before any finder,
    the entity ruler's entities hold their tokens."""
    mask = _view(doc, CLAIMED)
    if mask is None:
        mask = [False] * len(doc)
        for span in doc.spans[CLAIMED] if CLAIMED in doc.spans else _ents(doc):
            mask[span.start : span.end] = [True] * (span.end - span.start)
    return mask


def names(doc: Doc) -> list[Span]:
    """The name mentions so far, a new list the caller may change; before any finder, the entity ruler's."""
    view = _view(doc, NAMES)
    if view is not None:
        return list(view)
    return list(doc.spans[NAMES] if NAMES in doc.spans else _ents(doc))


def set_names(doc: Doc, mentions: Iterable[Span], new: Sequence[Span] = ()) -> None:
    """Store the name mentions; ``new`` are the finder's own, whose tokens it claims."""
    mask = list(claimed_tokens(doc))
    for span in new:
        mask[span.start : span.end] = [True] * (span.end - span.start)
    if CLAIMED not in doc.spans:
        doc.spans[CLAIMED] = list(_ents(doc))
    mentions = list(mentions)
    doc.spans[NAMES] = mentions
    claimed = doc.spans[CLAIMED]
    claimed.extend(list(new))
    _VIEWS[NAMES] = (doc.spans[NAMES], len(mentions), mentions)
    _VIEWS[CLAIMED] = (claimed, len(claimed), mask)


def first_longest(spans: Sequence[Span]) -> list[Span]:
    """spaCy's ``filter_spans``: of overlapping spans the (first) longest stays, in text order; each
    span's bounds are read once, as the finders call it on every mention of the doc."""
    starts = [span.start for span in spans]
    ends = [span.end for span in spans]
    # The sort keys as a list read by index: a lambda per comparison key costs a Python call per span.
    keys = [(end - start, -start) for start, end in zip(starts, ends, strict=True)]
    order = sorted(range(len(keys)), key=keys.__getitem__, reverse=True)
    kept: list[int] = []
    seen: set[int] = set()
    for i in order:
        start, end = starts[i], ends[i]
        if start not in seen and end - 1 not in seen:
            kept.append(i)
            seen.update(range(start, end))
    kept.sort(key=starts.__getitem__)
    return [spans[i] for i in kept]


def with_ref(span: Span, ref: str | None) -> Span:
    return Span(span.doc, span.start, span.end, label=span.label_, kb_id=ref or "", span_id=span.id_)


def repoint_roles(doc: Doc, replaced: dict[Span, Span]) -> None:
    """A role's organisation that grew into a wider mention is now that mention
    ("Lebanese" -> "Lebanese health ministry")."""
    wider = {(old.start, old.end): (new.start, new.end) for old, new in replaced.items()}
    for person in doc.spans.get(PEOPLE, ()):
        role = person._.role
        if role is not None and role[1] in wider:
            person._.role = (role[0], wider[role[1]])


def role_links(doc: Doc, mentions: Sequence[Span]) -> list[RoleLink]:
    """The role links whose person is still a mention; an organisation swallowed by a longer name is dropped."""
    at = {(m.start, m.end): m for m in mentions}
    links = []
    for person in doc.spans.get(PEOPLE, ()):
        if person._.role is not None and (person.start, person.end) in at:
            kind, org = person._.role
            links.append(RoleLink(at[(person.start, person.end)], at.get(org) if org else None, kind))
    return links


def figure(span: Span) -> Figure:
    value, qualifier, category = span._.figure
    return Figure(span, value, qualifier, category, span.id_)


def figures_of(doc: Doc) -> list[Figure]:
    return [figure(s) for s in doc.spans.get(FIGURES, ())]


def set_figures(doc: Doc, figures: Sequence[Figure]) -> None:
    spans = []
    for f in figures:
        span = Span(doc, f.span.start, f.span.end, label="FIGURE", span_id=f.rule)
        span._.figure = (f.value, f.qualifier, f.category)
        spans.append(span)
    doc.spans[FIGURES] = spans


def mentions_of(doc: Doc) -> list[Span]:
    """Every mention, names and figures, in text order."""
    return sorted(names(doc) + list(doc.spans.get(FIGURES, ())), key=lambda s: (s.start, s.end))


def annotation_from_doc(doc_id: str, doc: Doc, text: str | None = None) -> Annotation:
    """The finished Doc as the benchmark's annotation: mentions E1…, relations R1… in order. ``text``
    is the text the doc was made from, when the caller has it: a mention's text is then its slice, as
    the tokenizer keeps every character, and no Token objects are built to join."""
    ids: dict[tuple[int, int], str] = {}
    entities = []
    for i, span in enumerate(mentions_of(doc), start=1):
        ids[(span.start, span.end)] = f"E{i}"
        value, qualifier, category = span._.figure if span.label_ == "FIGURE" else (None, None, None)
        entities.append(
            Entity(
                id=f"E{i}",
                label=span.label_,
                start=span.start_char,
                end=span.end_char,
                text=span.text if text is None else text[span.start_char : span.end_char],
                ref=span.kb_id_ or None,
                value=value,
                qualifier=qualifier,
                category=category,
                rule=span.id_ or None,
            )
        )
    relations = tuple(
        Relation(f"R{i}", ids[(h.start, h.end)], ids[(t.start, t.end)], rtype, rule=rule)
        for i, (rtype, h, t, rule) in enumerate(doc._.relations or (), start=1)
    )
    return Annotation(doc_id=doc_id, entities=tuple(entities), relations=relations)


# -- the components -------------------------------------------------------------------------


class PeopleComponent:
    """People introduced by a role or an honorific, or named by context (``entities.PeopleFinder``)."""

    def __init__(self, nlp: Language, data_dir: Path):
        self.finder = PeopleFinder(nlp, data_dir)

    def __call__(self, doc: Doc) -> Doc:
        named = names(doc)
        people, links = self.finder.find(doc, named)
        # A person's ref is the full name as first written; a later short form takes it from there.
        people = [with_ref(p, person_ref(p)) for p in people]
        role = {(link.person.start, link.person.end): link for link in links}
        for person in people:
            link = role.get((person.start, person.end))
            if link is not None:
                person._.role = (link.kind, (link.org.start, link.org.end) if link.org is not None else None)
        doc.spans[PEOPLE] = people
        set_names(doc, first_longest(named + people), new=people)
        return doc


class AliasComponent:
    """Short forms of the people's full names, with the full name as ref."""

    def __init__(self, nlp: Language, data_dir: Path):
        roles = load_json("roles.json", data_dir)
        self.suffixes = frozenset(roles["name_suffixes"])
        self.report_verbs = frozenset(roles["name_report_verbs"])
        # Capitalised words that stand before a short name without being part of it ("President Ruto").
        self.titles = frozenset(load_json("entities.json", data_dir)["not_name"]) | {
            w.title() for kind in ("leader", "member", "honorific", "person_nouns") for w in roles[kind]
        }

    def __call__(self, doc: Doc) -> Doc:
        people = list(doc.spans.get(PEOPLE, ()))
        aliases, refs = alias_mentions(doc, people, claimed_tokens(doc), self.suffixes, self.report_verbs, self.titles)
        if not aliases:
            return doc
        aliases = [with_ref(a, refs[(a.start, a.end)]) for a in aliases]
        set_names(doc, first_longest(names(doc) + aliases), new=aliases)
        return doc


class AcronymComponent:
    """Bracketed acronyms, the names they define, and their later uses (ref: the full name)."""

    def __init__(self, nlp: Language, data_dir: Path):
        vocab = load_json("entities.json", data_dir)
        self.place_heads = frozenset(vocab["place_heads"])
        self.event_heads = frozenset(vocab["event_heads"])
        self.sites = frozenset(vocab["site_heads"])
        self.attack_words = frozenset(vocab["site_attack_words"])
        self.heads = frozenset(vocab["institution_heads"])

    def __call__(self, doc: Doc) -> Doc:
        found, refs = acronym_mentions(
            doc,
            names(doc),
            claimed_tokens(doc),
            self.place_heads,
            self.event_heads,
            self.sites,
            self.attack_words,
            self.heads,
        )
        if not found:
            return doc
        found = [with_ref(a, refs.get((a.start, a.end))) for a in found]
        set_names(doc, first_longest(names(doc) + found), new=found)
        return doc


class NameFinderComponent:
    """A finder of names as a component: its new mentions join ``doc.spans["names"]`` and claim
    their tokens; the mentions it replaces by a wider one give way, and a role tied to one of them
    follows it. Subclasses say how they find (``find``); all read ``data/entities.json``."""

    def __init__(self, nlp: Language, data_dir: Path):
        self.vocab = load_json("entities.json", data_dir)

    def find(self, doc: Doc, named: list[Span], claimed: Sequence[bool]) -> tuple[list[Span], dict[Span, Span]]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        named = names(doc)
        found, replaced = self.find(doc, named, claimed_tokens(doc))
        if not found and not replaced:
            return doc  # most finders find nothing in most articles: the names stay as they are
        if replaced:
            repoint_roles(doc, replaced)
            named = [m for m in named if m not in replaced]
        set_names(doc, first_longest(named + found), new=found)
        return doc


class BodyComponent(NameFinderComponent):
    """State and UN bodies named through their owner; the owner's mention gives way."""

    def find(self, doc, named, claimed):
        found, replaced = body_mentions(doc, named, claimed, self.vocab)
        # "the Saudi-led coalition": a body named by who leads it.
        taken = list(claimed)
        for m in found:
            taken[m.start : m.end] = [True] * len(m)
        led, led_replaced = led_bodies(doc, [m for m in named if m not in replaced], taken, self.vocab)
        return found + led, replaced | led_replaced


class HeadedComponent(NameFinderComponent):
    """Facilities and venue-named events; the names inside them give way."""

    def find(self, doc, named, claimed):
        return headed_mentions(doc, named, claimed, self.vocab)


class InstitutionComponent(NameFinderComponent):
    """Capitalised institution names known by their head word; the names inside them give way."""

    def find(self, doc, named, claimed):
        return institution_mentions(doc, named, claimed, self.vocab)


class KindOrgComponent(NameFinderComponent):
    """Organisations named next to the kind of body they are ("the X news agency", "the militia X"),
    and outlets named where an article cites them ("according to X,")."""

    def __init__(self, nlp: Language, data_dir: Path):
        super().__init__(nlp, data_dir)
        # A source's name opened by a title is a person's ("the Reverend X said"): roles.json's titles.
        self.vocab = {**self.vocab, "honorifics": load_json("roles.json", data_dir)["honorific"]}

    def find(self, doc, named, claimed):
        people = frozenset(m.start for m in named if m.label_ == "PERSON")
        found = kind_mentions(doc, claimed, self.vocab, people)
        taken = list(claimed)
        for m in found:
            taken[m.start : m.end] = [True] * len(m)
        # Then outlets named where a source is cited; a place inside such a name gives way.
        cited, replaced = cited_outlets(doc, named, taken, self.vocab)
        # A body's national branch ("Amnesty International Kelmar") holds two mentions found before.
        branches, joined = national_branches(doc, [m for m in named if m not in replaced], self.vocab)
        return found + cited + branches, replaced | joined


class LanguageComponent:
    """Nationality words that name a language ("French-speaking", "read in Kurdish.") leave the names."""

    def __init__(self, nlp: Language, data_dir: Path):
        self.vocab = load_json("entities.json", data_dir)

    def __call__(self, doc: Doc) -> Doc:
        named = names(doc)
        languages = set(language_mentions(doc, named, self.vocab))
        if languages:
            set_names(doc, [m for m in named if m not in languages])
        return doc


class DatelineComponent(NameFinderComponent):
    """Upper-case places of a dateline ("ARDAN/BELMONT —")."""

    def find(self, doc, named, claimed):
        return dateline_mentions(doc, claimed, self.vocab), {}


class DesignatedPlaceComponent(NameFinderComponent):
    """Names before a lower-case administrative designator or a place's office ("the X district"),
    and the areas of traditional rulers ("Dorn Naaba Y", "the Paramount Chief of Dorn")."""

    def find(self, doc, named, claimed):
        found = designated_places(doc, claimed, self.vocab)
        taken = list(claimed)
        for span in found:
            taken[span.start : span.end] = [True] * (span.end - span.start)
        return found + ruler_areas(doc, taken, self.vocab), {}


class NamedDesignatorComponent(NameFinderComponent):
    """Names closed by a capitalised designator ("Borno State"), a place found inside giving way;
    names opened by a word for a building or square ("Palais des Congrès"); names followed by
    what kind of place they are ("Dorvo, a farming village")."""

    def find(self, doc, named, claimed):
        found, replaced = named_designator_places(doc, named, claimed, self.vocab)
        mask = list(claimed)
        for span in found:
            mask[span.start : span.end] = [True] * (span.end - span.start)
        opened = opened_places(doc, mask, self.vocab)
        for span in opened:
            mask[span.start : span.end] = [True] * (span.end - span.start)
        return found + opened + apposed_places(doc, mask, self.vocab), replaced


class PlaceComponent(NameFinderComponent):
    """Places no gazetteer holds, found by what stands before them, and the places listed after them."""

    def __init__(self, nlp: Language, data_dir: Path):
        super().__init__(nlp, data_dir)
        # A list of places ends at a speaker: "in Kidal, Aziz said" (roles.json's reporting verbs).
        self.vocab = {**self.vocab, "report_verbs": load_json("roles.json", data_dir)["name_report_verbs"]}

    def find(self, doc, named, claimed):
        found = place_mentions(doc, named, claimed, self.vocab)
        # "Central and South America": the first half takes the second place's kind.
        halves, replaced = compass_halves(doc, named + found, self.vocab)
        seats, as_place = seat_places(doc, named, self.vocab)  # "talks at the Kremlin"
        replaced |= as_place
        found = [m for m in found if m not in replaced] + halves + seats
        mask = list(claimed)
        for span in found:
            mask[span.start : span.end] = [True] * (span.end - span.start)
        found += facility_short_forms(doc, named, mask, self.vocab)  # "the Kessa Hotel ... The Kessa"
        return found, {old: new for old, new in replaced.items() if old in named}


class RepeatComponent(NameFinderComponent):
    """Later (and earlier) bare uses of the places and groups the finders before found by context;
    then numbered parts of places ("Kora 2")."""

    def find(self, doc, named, claimed):
        not_name, articles = frozenset(self.vocab["not_name"]), frozenset(self.vocab["place_particles"])
        repeated = repeated_mentions(doc, named, claimed, not_name, articles)
        # Last, so that places found in any way may take their number ("Kora 2").
        numbered, replaced = numbered_places(doc, named + repeated, self.vocab)
        widened = set(replaced)
        return [m for m in repeated if m not in widened] + numbered, replaced


class DemonymComponent(NameFinderComponent):
    """Nationality adjectives made from a place the gazetteer holds ("two Kelmari towns")."""

    def __init__(self, nlp: Language, data_dir: Path):
        super().__init__(nlp, data_dir)
        gpe = load_json("gazetteer.json", data_dir)["GPE"]
        # "Trinidadian": the first of a pair of names makes the adjective.
        self.places = frozenset(gpe) | frozenset(p.split(" and ")[0] for p in gpe if " and " in p)

    def find(self, doc, named, claimed):
        return derived_demonyms(doc, claimed, self.vocab, self.places), {}


class FigureComponent:
    """Casualty figures on tokens no name holds; a number right after a person's name is no count."""

    def __init__(self, nlp: Language, data_dir: Path):
        self.finder = FigureFinder(data_dir)

    def __call__(self, doc: Doc) -> Doc:
        person_ends = {s.end for s in names(doc) if s.label_ == "PERSON"}
        set_figures(doc, self.finder.find(doc, list(claimed_tokens(doc)), person_ends))
        return doc


class RelationComponent:
    """Relations from trigger words, roles and figures (``relations.RelationFinder``)."""

    def __init__(self, nlp: Language, data_dir: Path):
        self.finder = RelationFinder(nlp, data_dir)

    def __call__(self, doc: Doc) -> Doc:
        mentions = mentions_of(doc)
        doc._.relations = self.finder.find(doc, mentions, figures_of(doc), role_links(doc, mentions))
        return doc


# Every finder is made the same way: from the pipeline and a data directory ("" for the shipped one).
COMPONENTS: dict[str, Any] = {
    "rules_people": PeopleComponent,
    "rules_languages": LanguageComponent,
    "rules_aliases": AliasComponent,
    "rules_acronyms": AcronymComponent,
    "rules_bodies": BodyComponent,
    "rules_headed": HeadedComponent,
    "rules_institutions": InstitutionComponent,
    "rules_datelines": DatelineComponent,
    "rules_kind_orgs": KindOrgComponent,
    "rules_named_designators": NamedDesignatorComponent,
    "rules_designated_places": DesignatedPlaceComponent,
    "rules_places": PlaceComponent,
    "rules_repeats": RepeatComponent,
    "rules_demonyms": DemonymComponent,
    "rules_figures": FigureComponent,
    "rules_relations": RelationComponent,
}


def _factory(component: Any):
    def make(nlp: Language, name: str, data_dir: str):
        return component(nlp, data_path(data_dir))

    return make


for _name, _component in COMPONENTS.items():
    if _name not in Language.factories:
        Language.factory(_name, default_config={"data_dir": ""}, func=_factory(_component))


def add_ruler(nlp: Language, data_dir: Path = DATA, **kwargs) -> EntityRuler:
    """The gazetteer and token patterns as an EntityRuler (``kwargs`` go to ``add_pipe``)."""
    # Patterns are checked by spaCy's schema when written (tests/test_rules.py); flags are ints the
    # schema does not know, so the ruler itself does not re-validate them.
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", config={"validate": False}, **kwargs))
    ruler.add_patterns(ruler_patterns(data_dir, FlagCompiler(nlp.vocab)))
    return ruler


def add_name_finders(nlp: Language, data_dir: Path = DATA) -> None:
    for factory in NAME_FINDERS:
        nlp.add_pipe(factory, config={"data_dir": str(data_dir)})


def keep_abbreviations(nlp: Language, data_dir: Path = DATA) -> None:
    """Rank and title abbreviations of ``roles.json`` ("Lt.", "Maj.", "Brig.") stay one token.
    spaCy's English exceptions hold "Gen." and "Dr." but not these: split off, their full stop ends
    a sentence for the sentencizer, and the name after the rank falls into the next one."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for phrase in load_json("roles.json", data_dir)["honorific"]:
        for word in phrase.split():
            if word.endswith(".") and len(tokenizer(word)) > 1:
                tokenizer.add_special_case(word, [{ORTH: word}])


def build_pipeline(data_dir: Path = DATA) -> Language:
    """Blank English with the rank abbreviations kept whole: sentencizer, entity ruler, the name
    finders, figures, relations."""
    import spacy

    nlp = spacy.blank("en")
    keep_abbreviations(nlp, data_dir)
    nlp.add_pipe("sentencizer")
    add_ruler(nlp, data_dir)
    add_name_finders(nlp, data_dir)
    nlp.add_pipe("rules_figures", config={"data_dir": str(data_dir)})
    nlp.add_pipe("rules_relations", config={"data_dir": str(data_dir)})
    return nlp
