"""`hybrid`: the rules' gazetteers, figures and relations on en_core_web_sm's names and dependency parse.

One spaCy pipeline: en_core_web_sm, then these registered components, sharing the Doc as the
rules' components do (``systems/rules/pipeline.py``):

* ``hybrid_names``: en_core_web_sm's names, mapped onto the guidelines' conventions by
  ``systems.statistical.named_mentions``, are kept aside (``doc.spans["statistical"]``) with its
  figures; then the rules' EntityRuler runs alone and its names win, except where a wider
  statistical name holds them (``wider_names_win``).
* the rules' name finders (people, aliases, acronyms, bodies, facilities, institutions, places);
* ``hybrid_fill_names``: statistical names, as ``statistical.LABEL``, where no rule claimed a token;
  so a known armed group keeps its gazetteer form, and a name no list holds is still found. The
  model's label gives way to the article and the context: a name the rules labelled elsewhere
  keeps their label, a full name's surname standing alone later is the person, place cues make a
  GPE ("X, a village near …"), person cues a PERSON ("X, who …", "X's brother");
* ``hybrid_figures``: the ``spacy`` system's figures, read from the parse, but for numbers the rules
  read as no figure, and the rules' figures where the parse found none; on a span both find, the
  rules' category where a cue of the count's own gave it (``data/figures.json``);
* ``hybrid_relations``: per relation type, the sources ``data/hybrid.json`` names, in order: the
  rules' trigger finder, DependencyMatcher patterns in ``data/dependency_patterns.json`` ("X
  attacked Y", "Y was shelled by X", "X fought alongside Y"; coordinated subjects and objects
  count too, and a premodifier names the party of a head noun: "Hamas fighters attacked …"),
  and the ``spacy`` system's parse relations (no type asks them now: its place links pair any figure
  with any place of the sentence). Figures' relations come from patterns too: the
  source of a reporting verb whose clause holds the figure (the nearest such verb), "according to
  X", "cited by X", "told X"; the place people fled, arrived in or that an event hit. Leaders and
  members come from appositions, possessives, relative clauses and "led by"; parts from "the
  group's armed wing, X". Pronouns, relative pronouns and bare body nouns ("the agency said")
  refer back (guidelines §3.1: "it" to a body or a state, "he" to a person subject of its own
  sentence first, "X and its leader" to X); a dateline, with the country beside its city, is no
  argument; the holder named after a long title is the source, not the body the title names; a
  leader is not also a member. A reporting verb's subject is no source where it is a town, the
  owner of an unnamed body ("Varnia's border service says"), or a count of the speakers. The
  model's names are split where a comma with no closing "and" shows a list ("The X, Y and Z
  reported"), and a place of its that reports ("according to X") is an outlet, an organisation.
  A source from the parse only fills a figure the rules gave none (``fill_only`` in ``data/hybrid.json``).

Every prediction names its rule, as in ``rules``; parse relations are ``dependency.<pattern id>``.
"""

# No ``from __future__ import annotations``: spaCy reads the factories' signatures at run time.
import json
import re
from collections.abc import Iterator, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from bench.core.annotation import Annotation
from bench.core.numbers import normalise_figure
from bench.core.schema import RELATION_TYPES, SECTIONS
from bench.formats.corpus import Document
from systems.rules import RulesSystem
from systems.rules.entities import DATA as RULES_DATA
from systems.rules.entities import FlagCompiler, load_json, ruler_patterns, state_names
from systems.rules.figures import Figure, FigureFinder
from systems.rules.pipeline import (
    FIGURES,
    add_name_finders,
    annotation_from_doc,
    claimed_tokens,
    data_path,
    figure,
    figures_of,
    mentions_of,
    names,
    role_links,
    set_figures,
    set_names,
)
from systems.rules.relations import RelationFinder
from systems.statistical import PIPELINE, figures, named_mentions
from systems.statistical_relations import relations as parse_relations

DATA = Path(__file__).with_name("data")
STATISTICAL = "statistical"  # doc.spans key of the statistical names
RULE_FIGURE = f"{STATISTICAL}.FIGURE"
PREMODIFIERS = ("compound", "poss", "nmod")
THIRD_PERSON = frozenset({"it", "its", "they", "their", "them"})
SPEAKERS = frozenset({"he", "she"})  # a pronoun subject of a reporting verb may stand for a person
OBJECT_PRONOUNS = frozenset({"him", "her"})
BODY_LABELS = frozenset({"ORG", "GPE"})  # what "it" and "they" refer back to as a source
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
POSSESSIVE_MARKERS = frozenset({"'s", "\u2019s", "'", "\u2019"})
# The dependencies from a place up to the phrase it completes: "4 in the district of B".
PLACE_PHRASE = frozenset({"pobj", "prep", "compound", "appos", "conj", "cc", "nmod", "amod"})
PARTY_TYPES = frozenset({"IN_CONFLICT_WITH", "ALLIED_WITH"})
FIGURE_NODE = "figure"  # the pattern node that holds a figure's token
DATELINE = ".dateline"  # the rule id ending of the rules' dateline places
DASHES = frozenset({"\u2014", "\u2013", "-", "--"})
AGE_LIMIT = 100  # above this, "were over N" is a count, not an age bound
DATELINE_REACH = 8  # tokens after the last dateline place where its dash may stand (", Norland, May 2 —")


def load_dependency_patterns(path: Path = DATA / "dependency_patterns.json") -> list[dict[str, Any]]:
    """The patterns with their trigger lemmas filled in from the shared ``_lemmas`` lists."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    lemmas = raw["_lemmas"]
    out = []
    for entry in raw["patterns"]:
        if entry["type"] not in RELATION_TYPES:
            raise ValueError(f"{path}: pattern {entry['id']}: unknown relation type {entry['type']!r}")
        pattern = [dict(node) for node in entry["pattern"]]
        # A pattern with no trigger list is carried by its structure alone ("Varnia's X").
        words = lemmas[entry["lemmas"]] if "lemmas" in entry else []
        # Verbs of other lists that also end a figure's walk up to its verb ("X told AFP 30 died and Y reported 40").
        stop = frozenset(words).union(*(lemmas[name] for name in entry.get("stop_lemmas", ())))
        if words:
            # Titles before a name are proper nouns, whose lemma keeps its capital: those match the lower form.
            attr = "LOWER" if entry.get("match") == "lower" else "LEMMA"
            pattern[0] = {**pattern[0], "RIGHT_ATTRS": {**pattern[0]["RIGHT_ATTRS"], attr: {"IN": words}}}
        out.append({**entry, "pattern": pattern, "lemma_set": frozenset(words), "stop_set": stop})
    return out


def load_premodifiers(path: Path = DATA / "dependency_patterns.json") -> dict[str, tuple[str, ...]]:
    """Bare body words before a title, with the head words of the organisations they refer back to."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {word: tuple(heads) for word, heads in raw["_body_premodifiers"].items()}


def load_guards(path: Path = DATA / "dependency_patterns.json") -> dict[str, frozenset[str]]:
    """Words that undo a match: verbs of denial over the act, head nouns of places that are no party."""
    return {
        name: frozenset(words)
        for name, words in json.loads(path.read_text(encoding="utf-8"))["_guards"].items()
        if name != "_about"
    }


def load_body_kinds(path: Path = DATA / "dependency_patterns.json") -> dict[str, frozenset[str]]:
    """Bare nouns for a non-state body, and the head words of a state's forces they never refer back to."""
    raw = json.loads(path.read_text(encoding="utf-8"))["_body_kinds"]
    return {name: frozenset(words) for name, words in raw.items() if name != "_about"}


def load_sources(path: Path = DATA / "dependency_patterns.json") -> dict[str, frozenset[str]]:
    """Nouns for a document or a count whose premodifier names its source ("an X tally", "the X report")."""
    raw = json.loads(path.read_text(encoding="utf-8"))["_sources"]
    return {name: frozenset(words) for name, words in raw.items() if name != "_about"}


def load_party_nouns(path: Path = DATA / "dependency_patterns.json") -> frozenset[str]:
    """Nouns for a party's people or a share of them that name the party with "of" ("members of X")."""
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["_party_nouns"])


def load_nouns(path: Path = DATA / "dependency_patterns.json") -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """Place nouns that introduce a name with "of" ("the town of X"), and bare nouns for a body with
    the labels of the named mention each refers back to ("the agency": ORG; "the government": ORG or GPE)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    body: dict[str, frozenset[str]] = {}
    for label, words in raw["_body_nouns"].items():
        for word in words:
            body[word] = body.get(word, frozenset({"ORG"})) | {label}
    return frozenset(raw["_place_nouns"]), body


class VerbRelations:
    """Relations stated through a verb, read from the dependency parse with spaCy's DependencyMatcher."""

    def __init__(
        self,
        vocab,
        patterns: list[dict[str, Any]],
        place_nouns: frozenset[str] = frozenset(),
        body_nouns: dict[str, frozenset[str]] | None = None,
        kin_nouns: frozenset[str] = frozenset(),
        party_nouns: frozenset[str] = frozenset(),
        guards: dict[str, frozenset[str]] | None = None,
        states: frozenset[str] = frozenset(),
        capitals: frozenset[str] = frozenset(),
    ):
        from spacy.matcher import DependencyMatcher

        self.states = states
        self.capitals = capitals
        sources = load_sources()
        self.source_heads = sources["document_heads"]
        guards = guards or {}
        self.denials = guards.get("denials", frozenset())
        self.non_parties = guards.get("non_party_heads", frozenset())
        self.joiners = guards.get("join_verbs", frozenset())
        self.joint_acts = guards.get("joint_acts", frozenset())
        self.place_nouns = place_nouns
        self.party_nouns = party_nouns
        self.kin_nouns = kin_nouns
        self.body_nouns = body_nouns or {}
        self.premodifiers = load_premodifiers()
        kinds = load_body_kinds()
        self.non_state_nouns, self.state_force_heads = kinds["non_state_nouns"], kinds["state_force_heads"]
        self.matcher = DependencyMatcher(vocab, validate=True)
        self.entries = {}
        for entry in patterns:
            self.matcher.add(entry["id"], [entry["pattern"]])
            node_ids = [node["RIGHT_ID"] for node in entry["pattern"]]
            self.entries[vocab.strings.add(entry["id"])] = (entry, node_ids)

    def _own_mention(self, token, at_token: dict[int, Any]):
        """The named mention a token stands for: its own, the name in apposition to it ("the city's
        mayor, X"; "X, a coalition led by …"), its premodifier's ("Hamas fighters"), the name a place
        noun introduces ("the town of X"), or, for a relative pronoun, its antecedent's ("X, who leads …")."""
        if token.i in at_token:
            return at_token[token.i]
        # "X's sons": a relative of the owner is not the owner; "the X brothers" are the family X (§2.3).
        kin = token.lemma_.lower() in self.kin_nouns
        for deps in (("appos",), tuple(d for d in PREMODIFIERS if not (kin and d == "poss"))):
            found = next((at_token[c.i] for c in token.children if c.dep_ in deps and c.i in at_token), None)
            if found is not None:
                return found
            if deps == ("appos",) and (person := _appos_of_object(token, at_token)) is not None:
                return person
        # "the Dorvinsky district": a place's name the parser reads as an adjective of its designator.
        for c in token.children:
            if c.dep_ == "amod" and c.pos_ == "PROPN" and c.i in at_token and at_token[c.i].label_ in PLACE_LABELS:
                return at_token[c.i]
        if token.dep_ == "appos" and token.head.i in at_token:
            return at_token[token.head.i]
        if token.lemma_.lower() in self.place_nouns:
            for prep in (c for c in token.children if c.lower_ == "of"):
                found = next((at_token[c.i] for c in prep.children if c.dep_ == "pobj" and c.i in at_token), None)
                if found is not None:
                    return found
        if token.lemma_.lower() in self.party_nouns:
            # "11 members of X", "soldiers of the X army", "a large number of X fighters": the party's people.
            for prep in (c for c in token.children if c.lower_ == "of"):
                found = next((self._own_mention(c, at_token) for c in prep.children if c.dep_ == "pobj"), None)
                if found is not None and found.label_ in BODY_LABELS:
                    return found
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl" and token.head.head.i != token.i:
            antecedent = token.head.head
            # "X, the UN diplomat who runs Y": the relative clause is about X, not about the diplomat's "UN".
            if antecedent.dep_ == "appos" and antecedent.head.i in at_token:
                return at_token[antecedent.head.i]
            return self._own_mention(antecedent, at_token)
        return None

    def _mentions_of(self, token, at_token: dict[int, Any], mentions: Sequence = ()) -> list:
        """Named mentions a subject or object token stands for, with its conjuncts; pronouns resolved.

        With ``mentions`` (a reporting verb's subject), a pronoun no governing verb resolves stands for
        the last named subject before it: "…, he said" refers back (guidelines §3.1)."""
        out = []
        holder = _title_holder(token, at_token)
        if holder is not None:
            return [holder]
        for t in (token, *token.conjuncts):
            mention = self._own_mention(t, at_token)
            if mention is None and mentions and t.lower_ in SPEAKERS:
                # "X says he fled …; he could count …": a person subject of the same sentence first.
                # Not after an object pronoun ("X received him … after he held talks"): "he" is that other man.
                if any(o.lower_ in OBJECT_PRONOUNS for o in t.doc[t.sent.start : t.i]):
                    continue
                same = [m for m in mentions if t.sent.start <= m.start and m.end <= t.i and m.label_ == "PERSON"]
                same = [m for m in same if _subject_token(m) is not None]
                mention = same[-1] if same else _previous_subject(t, mentions, frozenset({"PERSON"}))
            elif mention is None and _is_pronoun(t):
                subject = _governing_subject(t)
                # "blacklisted X and also its chief, Y": "its" is the named conjunct before it.
                owned = t.head if t.dep_ == "poss" else t
                named = [m for c in owned.conjuncts if c.i < owned.i and (m := self._own_mention(c, at_token))]
                if named:
                    mention = named[-1]
                elif subject is not None:  # "X said its monitors found …": X, named or not
                    mention = self._own_mention(subject, at_token)
                    if mention is None and mentions and self._body_noun(subject):
                        mention = self._previous_body_subject(subject, mentions)
                else:  # "it", "they": a body or a state, never a person, and not its own clause's subject
                    own = _own_clause(t)
                    earlier = [m for m in mentions if own is None or not _subject_of(m, own)]
                    mention = _previous_subject(t, earlier, BODY_LABELS)
            elif mention is None and mentions and self._body_noun(t):
                mention = self._previous_body_subject(t, mentions)
            elif mention is None and mentions and t.dep_ == "compound" and t.lower_ in self.premodifiers:
                mention = _previous_body(t, mentions, self.premodifiers[t.lower_])
            if mention is not None:
                out.append(mention)
        return out

    def _previous_body_subject(self, token, mentions: Sequence):
        """The body a bare noun refers back to (§3.1): the last named subject of the noun's labels. A
        noun that may stand for a state ("the government", "the presidency") stands for a state or for
        an organisation named with that noun ("the Varnian government"), never for an armed group or
        an agency that happened to be the last subject."""
        noun = token.lemma_.lower()
        labels = self.body_nouns[noun]
        if noun in self.non_state_nouns:
            # "The army said it killed 30 X fighters. The group is backed by Y": a group is no state's force.
            mentions = [m for m in mentions if m[-1].lemma_.lower() not in self.state_force_heads]
        if "GPE" not in labels:
            return _previous_subject(token, mentions, labels)
        named = [m for m in mentions if m.label_ != "ORG" or any(w.lemma_.lower() == noun for w in m)]
        return _previous_subject(token, named, labels)

    def _body_noun(self, token) -> bool:
        """ "The agency said", "the agency's chief", "told the group": a definite bare noun for a body
        as an argument or an owner, not inside a phrase ("X of the army"), which refers back to the
        body last named as a subject (§3.1; a state stands for its government, §2.3)."""
        return (
            token.tag_ == "NN"
            and token.dep_ in ("nsubj", "nsubjpass", "poss", "dobj", "dative")
            and token.lemma_.lower() in self.body_nouns
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            and not any(c.dep_ in (*PREMODIFIERS, "amod", "poss") for c in token.children)
        )

    def _sources(self, node, pairs: list, at_token: dict[int, Any]) -> list:
        """The subject of a reporting verb as a figure's source (§3.1). A name that only premodifies the
        subject is its source where the subject is a document ("an X tally put the toll at …") but not
        where it is a body of its own that no finder named ("Varnia's border service says …", "the X
        rights office said": that body is the source, not the state or the parent body). A town or a
        province is where the count is ("Dorvo recorded two deaths"), never its source, unless it is a
        state or its capital standing for the government. A count inside the subject counts the
        speakers ("Thirty fighters of X said"), which is no reported figure. A name with its acronym in brackets right
        after it reports as the acronym ("the X Agency (XA) said", §3.1)."""
        out = []
        for head, tail in pairs:
            # "Thirty fighters of X said …": the speakers are counted; the count is not what X reports.
            if node.left_edge.i <= head.start and head.end <= node.right_edge.i + 1:
                continue
            # A name in the subject's phrase before its head noun: "X's unit", "the X state defender's office".
            premodifier = node.left_edge.i <= tail.start and tail.end <= node.i
            if premodifier and node.lemma_.lower() not in self.source_heads:
                continue
            # Only a place named as the subject: "the government said", referring back to a state, is one.
            named = any(t.i in range(tail.start, tail.end) for t in (node, *node.conjuncts))
            state = tail.text in self.states or tail.kb_id_ in self.states or tail.text in self.capitals
            if named and tail.label_ in PLACE_LABELS and not state:
                continue
            doc = tail.doc
            if tail.end + 2 < len(doc) and doc[tail.end].text == "(" and doc[tail.end + 2].text == ")":
                acronym = at_token.get(tail.end + 1)
                if acronym is not None and acronym.label_ == tail.label_:
                    tail = acronym
            out.append((head, tail))
        return out

    def _names_the_place(self, mention, node) -> bool:
        """The node (or one of its conjuncts) is the place's own name or the place noun right after it
        ("the head of the X district"), not a body the place's name only modifies ("the X district
        court", "the X region's council"): that body is what the role is of."""
        return any(
            mention.start <= t.i < mention.end or (t.i == mention.end and t.lemma_.lower() in self.place_nouns)
            for t in (node, *node.conjuncts)
        )

    def _joined_in_stance(self, tokens: Sequence) -> bool:
        """ "X joined Y in condemning the raid": joining a party in what it says or asks shares a stance,
        no alliance (guidelines §2.5: coordinated subjects of one act state nothing); joining it in a
        fight ("joined Y in an offensive on Z") does."""
        for verb in (t for t in tokens if t.pos_ == "VERB" and t.lemma_.lower() in self.joiners):
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "in"):
                acts = [c for c in prep.children if c.dep_ in ("pcomp", "pobj")]
                if acts and not any(a.lemma_.lower() in self.joint_acts for a in acts):
                    return True
        return False

    def find(self, doc, mentions: list) -> list[tuple[str, Any, Any, str]]:
        # A dateline ("ISLAMABAD —") is where the story was filed, no argument of the first sentence's verb.
        cut = _dateline_end(doc, mentions)
        at_token = {k: m for m in mentions if m.end > cut for k in range(m.start, m.end)}
        found = []
        for match_id, tokens in self.matcher(doc):
            entry, node_ids = self.entries[match_id]
            nodes = dict(zip(node_ids, tokens, strict=True))
            rtype, rule = RELATION_TYPES[entry["type"]], f"dependency.{entry['id']}"
            if "nearest" in entry and not _nearest(
                doc[nodes[FIGURE_NODE]], doc[nodes[entry["nearest"]]], entry["stop_set"]
            ):
                continue
            if entry["head"] == FIGURE_NODE and _inside(doc[nodes[FIGURE_NODE]], doc[nodes[entry["tail"]]]):
                continue
            # "X battled Y, with Z bearing the brunt": a phrase set off by a comma is no argument of the verb.
            loose = entry.get("not_after_comma")
            if loose and nodes[loose] > 0 and doc[nodes[loose] - 1].text == ",":
                continue
            unless = entry.get("unless_child")
            if unless and any(_excluded(c, unless) for c in doc[nodes[unless["node"]]].children):
                continue
            # A negated or denied act ("X did not attack Y", "X denied arming Y") states no tie between parties.
            if entry["head"] != FIGURE_NODE and _denied([doc[i] for i in tokens], self.denials):
                continue
            if entry["type"] in PARTY_TYPES and self._joined_in_stance([doc[i] for i in tokens]):
                continue
            if entry["head"] == FIGURE_NODE:
                heads = _figure_of(doc[nodes[FIGURE_NODE]], at_token)
            elif entry.get("own"):  # "A's X and B's Y": the possessive belongs to its own name, not the conjuncts
                own = self._own_mention(doc[nodes[entry["head"]]], at_token)
                heads = [own] if own is not None else []
            else:
                heads = self._mentions_of(doc[nodes[entry["head"]]], at_token, mentions)
            if entry["head"] == entry["tail"]:
                pairs = [(a, b) for i, a in enumerate(heads) for b in heads[i + 1 :]]
            else:
                pairs = [
                    (h, t) for h in heads for t in self._mentions_of(doc[nodes[entry["tail"]]], at_token, mentions)
                ]
            tail_labels, head_labels = entry.get("tail_labels"), entry.get("head_labels")
            if entry.get("source_checks"):
                pairs = self._sources(doc[nodes[entry["tail"]]], pairs, at_token)
            for head, tail in pairs:
                if tail_labels and tail.label_ not in tail_labels:
                    continue
                if head_labels and head.label_ not in head_labels:
                    continue
                if entry.get("head_states") and head.text not in self.states:
                    continue
                # A school, hospital or hotel stormed is where an attack happened, not a party to a war.
                if entry["type"] in PARTY_TYPES and any(m[-1].lemma_.lower() in self.non_parties for m in (head, tail)):
                    continue
                # "X, an alliance led by Y": the apposition stands right after its name, not after another one.
                beside = entry.get("tail_before")
                if beside and tail.end + 1 != doc[nodes[beside]].left_edge.i:
                    continue
                # "X, the head of Y": the apposition right after the person's name, not one the parse hangs on another.
                beside = entry.get("head_before")
                if beside and head.end + 1 != doc[nodes[beside]].left_edge.i:
                    continue
                if entry.get("clear_antecedent") and not _clear_antecedent(doc[nodes[entry["tail"]]], tail, at_token):
                    continue
                if entry.get("adjacent") and tail.end + 1 != head.start:  # "<tail>'s <head>", nothing between
                    continue
                if entry.get("adjacent_owner") and head.end + 1 != tail.start:  # "<head>'s <tail>"
                    continue
                named_at = entry.get("tail_named_at")
                if named_at and not self._names_the_place(tail, doc[nodes[named_at]]):
                    continue
                joined = entry.get("head_joined")
                if joined and not _joined_before(head, doc[nodes[joined["node"]]], joined["joiners"]):
                    continue
                if head is not tail and rtype.allows(head.label_, tail.label_):
                    found.append((entry["type"], head, tail, rule))
        return found


def _joined_before(mention, node, joiners: Sequence[str]) -> bool:
    """The mention stands right before the node, or is joined to it by a hyphened participle of joiners
    ("the X-led administration"): another participle ("the X-backed administration") says the
    mention only stands behind what the node names."""
    between = mention.doc[mention.end : node.i]
    if not len(between):
        return True
    return len(between) == 2 and between[0].text == "-" and between[1].lower_ in joiners


def _year(token) -> bool:
    """A year written in four digits."""
    return len(token.text) == 4 and token.text.isdigit() and 1900 <= int(token.text) <= 2100


def _day(token) -> bool:
    """A day of the month written in digits."""
    return token.text.isdigit() and 1 <= int(token.text) <= 31


def _clear_antecedent(token, mention, at_token: dict[int, Any]) -> bool:
    """Whether a pronoun's antecedent is plain: no other body named, and no unnamed subject ("The
    junta said … Its spokesman"), between the named mention and the pronoun (§3.1). A name is clear."""
    if token.pos_ != "PRON":
        return True
    between = token.doc[mention.end : token.i]
    others = {id(m) for t in between if (m := at_token.get(t.i)) is not None and m.label_ in BODY_LABELS}
    unnamed = any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN" and t.i not in at_token for t in between)
    return not others and not unnamed


def _denied(tokens: Sequence, denials: frozenset[str]) -> bool:
    """Whether a matched verb is negated, or is the act a denial verb governs ("denied attacking"), or
    a matched thing is denied by its determiner ("received no weapons from X")."""
    for token in tokens:
        if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            return True
        if token.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ == "neg" for c in token.children):
            return True
        if token.dep_ in ("xcomp", "ccomp", "pcomp", "dobj") and token.head.lemma_.lower() in denials:
            return True
        # "X rejected claims that its troops attacked Y": the content of a denied claim.
        if token.dep_ == "acl" and token.head.dep_ == "dobj" and token.head.head.lemma_.lower() in denials:
            return True
    return False


def _appos_of_object(token, at_token: dict[int, Any]):
    """ "Varnia's envoy to Dorland, Ivo Brandt, said": the parse hangs the name on the place that ends
    the title, but a person is no apposition of a place or a body; the name is the role's holder."""
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.i in at_token):
            if at_token[obj.i].label_ in ("GPE", "ORG", "LOC"):
                for appos in (c for c in obj.children if c.dep_ == "appos" and c.i in at_token):
                    if at_token[appos.i].label_ == "PERSON":
                        return at_token[appos.i]
    return None


def _title_holder(token, at_token: dict[int, Any]):
    """The person named between a subject title and its verb: "UN Special Envoy for Varnia X said
    …", where the parse takes the long title for the subject. The speaker is the person, not the body
    the title's premodifier names (that is the person's membership, §2.5). None where no name stands
    there, or where a comma, a verb or "and" comes first ("The envoy, who met X, said")."""
    if token.i in at_token or token.dep_ not in ("nsubj", "nsubjpass") or token.head.i < token.i:
        return None
    for t in token.doc[token.i + 1 : token.head.i]:
        mention = at_token.get(t.i)
        if mention is not None and mention.label_ == "PERSON":
            return mention if mention.end <= token.head.i else None
        if t.is_punct or t.pos_ in ("VERB", "AUX") or t.dep_ == "cc":
            return None
    return None


def _dateline_end(doc, mentions: Sequence) -> int:
    """Where the dateline ends: its dash after the rules' dateline places, so the country beside the
    city ("ARDAN, Norland —") is no argument either; 0 where the article has no dateline."""
    places = [m.end for m in mentions if m.id_.endswith(DATELINE)]
    if not places:
        return 0
    end = max(places)
    dash = next((t.i for t in doc[end : end + DATELINE_REACH] if t.text in DASHES), None)
    return end if dash is None else dash


def _previous_body(token, mentions: Sequence, heads: Sequence[str]):
    """The last organisation named before ``token`` whose head word is one of ``heads``: "Army
    spokesman X" after "Niger's military" (§3.1, a bare body refers back to its named mention)."""
    for mention in reversed(mentions):
        if mention.start < token.i and mention.label_ == "ORG" and mention[-1].lower_ in heads:
            return mention
    return None


def _excluded(child, unless: dict[str, Any]) -> bool:
    """A child that makes a role a part's or a deputy's: "deputy", "in", a noun compound ("intelligence chief")."""
    return child.lower_ in unless["lower"] or (
        child.dep_ in unless.get("dep", ()) and child.pos_ in unless.get("pos", (child.pos_,))
    )


def _governing_subject(token):
    """ "X said it had struck …", "X said its fighters …": the subject of the nearest verb above the
    clause that has a subject other than a pronoun, or None."""
    own = _own_clause(token)
    verb = token
    while verb.head.i != verb.i:  # the root is its own head (a new Token object each time: compare indices)
        verb = verb.head
        if own is not None and verb.i == own.i:
            continue
        for child in verb.children:
            if child.dep_ == "nsubj" and not _is_pronoun(child):
                return child
    return None


def _own_clause(token):
    """The verb of the clause a pronoun object stands in, or None: "X and Y launched an offensive
    against it": a pronoun that is no subject or owner is not the subject of its own clause."""
    if token.pos_ != "PRON" or token.dep_ in ("nsubj", "nsubjpass", "poss"):
        return None
    verb = token
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _nearest(figure, verb, lemmas: frozenset[str]) -> bool:
    """No verb of the same kind stands between the figure and ``verb`` ("X said Y reported 5" gives
    Y alone), no semicolon parts them (it closes an independent clause, which the parse often hangs
    under the verb all the same: "…; the count was revised to 9"), and the figure is not the
    verb's recipient ("X gave medals to 4 soldiers")."""
    low, high = sorted((figure.i, verb.i))
    if any(t.text == ";" for t in figure.doc[low:high]):
        return False
    token = figure.head if figure.head.i != verb.i else figure
    while token.i != verb.i and token.head.i != token.i:
        if token.pos_ == "VERB" and token.lemma_.lower() in lemmas:
            return False
        if token.head.i == verb.i and (token.dep_ == "dative" or (token.dep_ == "prep" and token.lower_ == "to")):
            return False
        token = token.head
    return True


def _inside(figure, source) -> bool:
    """Whether the figure stands in its source's own phrase ("A, one of four suspects, said to have
    …"): a count describing the speaker is not what the speaker reports."""
    return source.left_edge.i <= figure.i <= source.right_edge.i and figure.i != source.i


def _figure_of(token, at_token: dict[int, Any]) -> list:
    """The figure a token holds: its own, or its number's ("36,000 people": the node is "people")."""
    for t in (token, *(c for c in token.children if c.dep_ == "nummod")):
        mention = at_token.get(t.i)
        if mention is not None and mention.label_ == "FIGURE":
            return [mention]
    return []


def _previous_subject(token, mentions: Sequence, labels: frozenset[str]):
    """The last named mention of ``labels`` before ``token`` that is the subject of its clause, a main
    clause's first: "It said …" follows the last main subject, not an actor in a subordinate clause
    ("X said 23 died after Y opened fire. It said …" is X)."""
    subjects = [m for m in mentions if m.start < token.i and m.label_ in labels and _subject_token(m) is not None]
    main = [m for m in subjects if _subject_token(m).head.dep_ == "ROOT"]
    return (main or subjects or [None])[-1]


def _subject_of(mention, verb) -> bool:
    subject = _subject_token(mention)
    return subject is not None and subject.head.i == verb.i


def _subject_token(mention):
    """The subject a mention stands for: its own root, or the noun it is in apposition to ("The
    army's media wing, X, said …": X is the subject a later "It said" refers back to)."""
    root = mention.root
    if root.dep_ == "appos":
        root = root.head
    return root if root.dep_ in ("nsubj", "nsubjpass") else None


def _is_pronoun(token) -> bool:
    """A pronoun, or a noun owned by one ("its fighters"): it names a party only through its antecedent."""
    if token.pos_ == "PRON":
        return token.lower_ in THIRD_PERSON
    return any(c.dep_ == "poss" and c.lower_ in THIRD_PERSON for c in token.children)


def wider_names_win(
    ruled: list, statistical: Sequence, roles: frozenset[str] = frozenset(), bodies: frozenset[str] = frozenset()
) -> list:
    """The ruler's names, except where a statistical name strictly contains some of them and cuts none.

    The guidelines' names are often longer than a list entry: "Lebanese health ministry" (a state's
    body), "UN Office for the Support of Displaced Persons" (§2.3); the mapped statistical
    span has them whole where the gazetteer has only "health ministry" or "UN". A wider span is
    no longer name where it only adds a title or a common noun (``_adds_a_name``).
    """
    out = list(ruled)
    for wide in statistical:
        inside = [e for e in out if wide.start <= e.start and e.end <= wide.end]
        cut = any(e.start < wide.end and wide.start < e.end for e in out if e not in inside)
        if (
            inside
            and not cut
            and any((e.start, e.end) != (wide.start, wide.end) for e in inside)
            and _adds_a_name(wide, inside, roles, bodies)
        ):
            out = [e for e in out if e not in inside] + [wide]
    return sorted(out, key=lambda e: e.start)


def _adds_a_name(wide: Span, inside: Sequence, roles: frozenset[str], bodies: frozenset[str] = frozenset()) -> bool:
    """Whether the words a statistical span adds around the ruler's names belong to the name.

    Not so for a lower-case word at an edge the ruler's names do not reach ("UN office", "GNA
    forces", "federal Ministry of Petroleum", "Prosperous Armenia party"), a role word ("UN
    Resident", "Commanding 1 Division": a title, §2), or a possessive marker right after one of the
    ruler's names ("Houthis' Supreme Political Council": two spans, §1.2; but "Norland People's
    Freedom Front" is one name)."""
    first, last = min(e.start for e in inside), max(e.end for e in inside)
    edges = [wide[0]] if first > wide.start else []
    edges += [wide[-1]] if last < wide.end else []
    ends = {e.end for e in inside}
    # "Resident and Humanitarian Coordinator": a word joined by "and" to a title is part of the title.
    doc, after = wide.doc, wide.end
    titled = (
        last < wide.end
        and after + 1 < len(doc)
        and doc[after].lower_ == "and"
        and any(t.is_title and t.lower_ in roles for t in doc[after + 1 : after + 4])
    )
    # "Central and South America", "North and South Kivu": places joined by "and" are a list, each its own name.
    places = [e for e in inside if e.label_ in ("GPE", "LOC")]
    listed = (
        wide.label_ in ("GPE", "LOC")
        and len(places) == len(inside)
        and any(t.lower_ in ("and", "or") and not any(e.start <= t.i < e.end for e in inside) for t in wide)
    )
    # "Ulvaria’s Interior Ministry": an owner's possessive before a body is two spans (§2.3).
    owned = wide[-1].lower_ in bodies and any(t.tag_ == "POS" for t in wide[1:-1])
    return not (
        titled
        or listed
        or owned
        or any(t.is_lower or t.lower_ in roles for t in edges)
        or any(t.i in ends and (t.tag_ == "POS" or t.lower_ in POSSESSIVE_MARKERS) for t in wide[1:-1])
    )


def list_items(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A statistical name split at its commas where no "and" follows one inside it: "X, Y" is a list
    the model ran together ("Norland Daily, Radio Harbour and …"); "Return, Reclamation and
    Rehabilitation" is one name, the "and" closing its own series."""
    commas = [t.i for t in doc[start:end] if t.text == ","]
    if not commas or any(t.lower_ in ("and", "&") for t in doc[commas[-1] : end]):
        return [(start, end)]
    bounds = [start - 1, *commas, end]
    return [(a + 1, b) for a, b in pairwise(bounds) if b > a + 1]


def body_heads(rules_data: Path) -> frozenset[str]:
    """Head words that make a name an organisation whatever the model says ("X Group", "X Forces"); a
    place's head word ("X Camp", "X Hospital") is the rules' to judge."""
    vocab = load_json("entities.json", rules_data)
    return frozenset(vocab["institution_heads"]) - frozenset(vocab["place_heads"])


def as_body(span: Span, heads: frozenset[str]) -> Span:
    """A statistical name ending in a body's head word as ORG (``statistical_body.LABEL``)."""
    if span.label_ in ("PERSON", "GPE", "LOC", "NORP") and len(span) > 1 and span[-1].text in heads:
        return Span(
            span.doc, span.start, span.end, label="ORG", kb_id=span.kb_id_, span_id=f"statistical_body.{span.label_}"
        )
    return span


class PlaceShape:
    """The kind of place a statistical name's own words say it is, by the rules' place vocabulary:
    an administrative designator at its end makes a GPE ("Dorvo Region", "Kessa State"); a natural
    feature's or a facility's word at its end ("Kessa Ravine", "Dorvo Camp") or a natural prefix
    ("Lake Dorvo", "Gulf of Kessa") makes a LOC (guidelines §2.3). en_core_web_sm calls such
    names LOC, GPE or ORG whatever their words say."""

    def __init__(self, rules_data: Path):
        vocab = load_json("entities.json", rules_data)
        self.admin = frozenset(vocab["place_suffixes"] + vocab["place_name_designators"])
        self.natural_last = frozenset(vocab["place_natural_names"]) | frozenset(vocab["place_heads"])
        self.natural_first = frozenset(vocab["place_natural_prefixes"])
        self.natural_of = frozenset(vocab["place_natural_of_prefixes"])

    def label(self, span: Span) -> str | None:
        if len(span) < 2 or not span[-1].is_title:
            return None
        if span[-1].text in self.admin:
            return "GPE"
        if span[-1].text in self.natural_last or span[0].text in self.natural_first:
            return "LOC"
        if span[0].text in self.natural_of and span[1].lower_ == "of":
            return "LOC"
        return None

    def relabel(self, span: Span) -> Span:
        """A statistical place name labelled by its shape where its words decide (``statistical_shape.LABEL``)."""
        label = self.label(span) if span.label_ in ("GPE", "LOC") else None
        if label is None or label == span.label_:
            return span
        return Span(
            span.doc, span.start, span.end, label=label, kb_id=span.kb_id_, span_id=f"statistical_shape.{span.label_}"
        )


def role_words(rules_data: Path) -> frozenset[str]:
    """The rules' one-word leader and member roles, lower case: titles, not names."""
    roles = load_json("roles.json", rules_data)
    return frozenset(w.lower() for kind in ("leader", "member") for w in roles[kind] if " " not in w)


class HybridNames:
    """en_core_web_sm's names kept aside (``doc.spans["statistical"]``) with its figures, then the
    rules' entity ruler on its own: its names win, except where a wider statistical name holds them."""

    def __init__(self, nlp: Language, rules_data: Path, ruler_labels: frozenset[str]):
        from spacy.pipeline import EntityRuler

        self.ruler = EntityRuler(nlp, validate=False)
        self.ruler.add_patterns(ruler_patterns(rules_data, FlagCompiler(nlp.vocab)))
        self.ruler_labels = ruler_labels
        self.roles = role_words(rules_data)
        self.body_heads = body_heads(rules_data)
        vocab = load_json("entities.json", rules_data)
        # A title word at a wider name's edge ("Commanding 1 Division") is no part of the name (§2).
        self.titles = self.roles | {w.lower() for w in set(vocab["not_name_opener"]) - set(vocab["calendar_words"])}
        self.bodies = frozenset(vocab["body_nouns"])
        self.connectors = frozenset(vocab["name_connectors"])
        self.group_openers = frozenset(vocab["not_person_first_words"])
        self.shape = PlaceShape(rules_data)
        self.events = frozenset(vocab["event_heads"]) | {w.lower() for w in vocab["event_name_heads"]}
        days = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
        self.months = frozenset(w for w in vocab["calendar_words"] if w.lower() not in days)
        self.day_links = frozenset(load_settings()["date_pairs"]["links"])

    def joined(self, spans: list[Span]) -> list[Span]:
        """Arabic-style group names the model cuts or takes for a person: "<Jama'at> Nasr al-Din
        <wal-Ansar>". A name is carried over a following "wal-X" (a connector, a hyphen and a
        capitalised word, with any name the model found there) and back over an opener no person's
        name starts with ("Jama'at", "Harakat", "Jaish"); such a name is an organisation."""
        out: list[Span] = []
        for span in spans:
            if span.label_ not in NAME_LABELS:
                out.append(span)
                continue
            doc, start, end = span.doc, span.start, span.end
            while end + 2 < len(doc) and doc[end].lower_ in self.connectors and doc[end + 1].text == "-":
                if not doc[end + 2].is_title:
                    break
                end += 3
            if start > 0 and doc[start - 1].text in self.group_openers and not doc[start - 1].ent_type_:
                start -= 1
            opener = doc[start].text in self.group_openers and len(span) > 1
            if (start, end) == (span.start, span.end) and not (opener and span.label_ == "PERSON"):
                out.append(span)
                continue
            out = [o for o in out if o.end <= start]
            label = (
                "ORG" if span.label_ == "PERSON" and (opener or start < span.start or end > span.end) else span.label_
            )
            out.append(Span(doc, start, end, label=label, span_id=f"{STATISTICAL}.{label}", kb_id=span.kb_id_))
        return [s for s in out if not any(o is not s and o.start <= s.start and s.end <= o.end for o in out)]

    def __call__(self, doc: Doc) -> Doc:
        spans = self.joined(
            [
                Span(doc, start, end, label=m.label, span_id=f"{STATISTICAL}.{m.label}", kb_id=m.ref or "")
                for m in named_mentions(doc)
                for start, end in (list_items(doc, m.start, m.end) if m.label in NAME_LABELS else [(m.start, m.end)])
            ]
        )
        # A date's second day is taken only where no other name of the model's holds it.
        taken = {k for s in spans for k in range(s.start, s.end)}
        paired = [self.date_pair(s) for s in spans]
        doc.spans[STATISTICAL] = [
            p if taken.isdisjoint(set(range(p.start, p.end)) - set(range(s.start, s.end))) else s
            for s, p in zip(spans, paired, strict=True)
        ]
        # Read from the statistical entities (CARDINAL) before the ruler replaces them.
        figure_spans = []
        for start, end, a in figures(doc):
            span = Span(doc, start, end, label="FIGURE", span_id=RULE_FIGURE)
            span._.figure = (a["value"], a["qualifier"], a["category"])
            figure_spans.append(span)
        doc.spans[FIGURES] = figure_spans
        doc.ents = []
        self.ruler(doc)
        # "the Kessa Valley Peace Process": a place the model runs on into an event's head word is no wider place.
        wider = [s for s in doc.spans[STATISTICAL] if s.label_ not in ("GPE", "LOC") or s[-1].lower_ not in self.events]
        won = wider_names_win([e for e in doc.ents if e.label_ in self.ruler_labels], wider, self.titles, self.bodies)
        doc.ents = [
            self.shape.relabel(as_body(e, self.body_heads)) if e.id_.startswith(f"{STATISTICAL}.") else e for e in won
        ]
        return doc

    def date_pair(self, span: Span) -> Span:
        """ "from April 2 to 9,", "on 3 or 4 May": two days of one month are one DATE (§2), and
        the bare day is no count. The model stops its date at the first day."""
        if span.label_ != "DATE" or not any(t.text in self.months for t in span):
            return span
        doc, start, end = span.doc, span.start, span.end
        # "on March 3 and 14 on March 5", "the raids of May 4 and 12 civilians": the second number is a
        # count unless the phrase ends right after it (punctuation, the text's end) or a year follows,
        # or, after a word that opens a range, a preposition starts the next phrase ("of June 8 and 9 in X").
        after = doc[end + 2] if end + 2 < len(doc) else None
        ranged = start > 0 and doc[start - 1].lower_ in ("between", "from", "of")
        closed = after is None or after.is_punct or _year(after) or (ranged and after.pos_ == "ADP")
        if end + 1 < len(doc) and doc[end - 1].like_num and doc[end].lower_ in self.day_links and _day(doc[end + 1]):
            end += 2 if closed else 0
        elif start >= 2 and doc[start].like_num and doc[start - 1].lower_ in self.day_links and _day(doc[start - 2]):
            start -= 2
        if (start, end) == (span.start, span.end):
            return span
        return Span(doc, start, end, label="DATE", span_id=span.id_, kb_id=span.kb_id_)


class FillNames:
    """Statistical names where no rule has claimed a token, except titles the model took for names
    (the rules' role words: "Humanitarian Coordinator"). Where the rules' place cues stand
    around a name the statistical model called a person or an organisation ("fighting in <name>",
    "the <name> district", "<name> State", "<name>, a village near …"), the name is a GPE
    (``statistical_place.LABEL``)."""

    def __init__(
        self,
        rules_data: Path,
        place_nouns: frozenset[str] = frozenset(),
        cues: dict | None = None,
        name_cues: dict | None = None,
    ):
        self.roles = role_words(rules_data)
        self.place_nouns = place_nouns
        self.equipment = frozenset((name_cues or {}).get("equipment_nouns", ()))
        self.group_nouns = frozenset((name_cues or {}).get("group_nouns", ()))
        self.prefixes = frozenset((name_cues or {}).get("vessel_prefixes", ()))
        self.titles = frozenset((name_cues or {}).get("titles", ()))
        self.membership = frozenset((name_cues or {}).get("membership_nouns", ()))
        self.branches = frozenset((name_cues or {}).get("branch_nouns", ()))
        facility = (name_cues or {}).get("facility", {})
        self.facility_heads = frozenset(facility.get("heads", ()))
        self.facility_preps = frozenset(facility.get("place_preps", ()))
        self.facility_verbs = frozenset(facility.get("attack_verbs", ()))
        self.facility_employees = frozenset(facility.get("employees", ()))
        cues = cues or {}
        self.relative = frozenset(cues.get("relative", ()))
        self.kin = frozenset(cues.get("kin_nouns", ()))
        people = load_json("roles.json", rules_data)
        self.person_words = self.roles | {w.lower() for w in people["person_nouns"] if " " not in w}
        self.employees = self.person_words | self.facility_employees
        vocab = load_json("entities.json", rules_data)
        self.before = frozenset(vocab["place_preps"])
        self.after = frozenset(vocab["place_designators"])
        self.last_words = frozenset(vocab["place_suffixes"] + vocab["place_name_designators"])
        self.offices = frozenset(vocab["place_offices"])  # "<name> Governor": the name is the place governed
        self.place_prefixes = frozenset(vocab["place_prefixes"] + vocab["place_compass_words"])
        # The rules' outlets read from a reporting cue alone, not from an outlet's kind named with them.
        self.outlet_rules = frozenset(("organisations.reporting_outlet", "organisations.cited_outlet"))
        self.body_heads = body_heads(rules_data)
        self.shape = PlaceShape(rules_data)
        self.openers = frozenset(vocab["not_name_opener"]) - frozenset(vocab["calendar_words"])
        self.body_nouns = frozenset(vocab["body_nouns"])
        # One capitalised word that is a bare nominal ("State officials", "Parliament passed"): no name (§2.3).
        self.bare_nominals = self.body_nouns | {
            w.lower()
            for key in ("force_nouns", "group_nouns", "place_designators", "place_suffixes")
            for w in vocab[key]
            if " " not in w
        }
        source = (name_cues or {}).get("source", {})
        self.source_verbs = frozenset(source.get("verbs", ()))
        self.source_phrases = tuple(tuple(p.split()) for p in source.get("before", ()))
        shape = (name_cues or {}).get("shape", {})
        self.kinds_before = frozenset(vocab["org_kinds_before"]) | frozenset(shape.get("kinds_before", ()))
        self.states = state_names(rules_data)

    def _name_shaped(self, doc: Doc, span: Span) -> Span | None:
        """The statistical name cut to the guidelines' conventions, or None where its shape is no name's:
        a title word at its start is left out ("Commanding 1 Division", §2), and a name with no
        capital that no body noun ends ("were sheltered, fed and paid"), or one capitalised bare nominal
        ("State officials said", §2.3), is dropped."""
        if span.label_ not in NAME_LABELS:
            return span
        start = span.start
        while start < span.end and doc[start].text in self.openers:
            start += 1
        if start == span.end:
            return None
        if start > span.start:
            span = Span(doc, start, span.end, label=span.label_, kb_id=span.kb_id_, span_id=span.id_)
        capitalised = any(t.text[:1].isupper() or any(c.isdigit() for c in t.text) for t in span)
        if not capitalised and span[-1].lower_ not in self.bare_nominals:
            return None  # lower case is a name only for a body ("Dorland's military", "health ministry")
        owned = span.start > 0 and doc[span.start - 1].tag_ == "POS"  # "Dorland's military": the state's body
        if len(span) == 1 and span[0].is_title and span[0].lower_ in self.bare_nominals and not owned:
            return None
        if len(span) == 1 and span[0].tag_ in ("NN", "NNS") and span.label_ != "NORP" and not owned:
            return None  # "Gunmen stormed …": one word the parser reads as a common noun
        return span

    def _possessive_parts(self, doc: Doc, span: Span, labels: dict[str, set[str]]) -> list[Span]:
        """ "Ulvaria’s Interior Ministry" read as one name: a state's possessive before its body is two
        spans, the state and the body (guidelines §2.3), where the owner is a state or a place the
        article names, or the name ends in a body noun ("ministry"); "Norland People's Front" stays one."""
        marks = [t.i for t in span[1:-1] if t.lower_ in POSSESSIVE_MARKERS and t.tag_ == "POS"]
        if span.label_ not in NAME_LABELS or len(marks) != 1:
            return []
        owner, body = Span(doc, span.start, marks[0]), Span(doc, marks[0] + 1, span.end)
        placed = owner.text in self.states or "GPE" in labels.get(owner.text, set())
        if not (placed or body[-1].lower_ in self.body_nouns):
            return []
        return [
            Span(doc, owner.start, owner.end, label="GPE", span_id="statistical_possessive.GPE"),
            Span(doc, body.start, body.end, label="ORG", span_id="statistical_possessive.ORG"),
        ]

    def _kind_before(self, doc: Doc, span: Span) -> bool:
        """ "the airline X", "the rival gang X", "the militia known as X": the kind of body named right
        before the name (§2.3)."""
        start = span.start
        if start > 1 and doc[start - 2].lower_ in ("known", "called") and doc[start - 1].lower_ == "as":
            start -= 2
        elif start > 0 and doc[start - 1].lower_ in ("called", "named"):
            start -= 1
        words = [t.lower_ for t in doc[max(0, start - 2) : start]]
        return bool(words) and (words[-1] in self.kinds_before or " ".join(words) in self.kinds_before)

    def _kind_named(self, doc: Doc, span: Span) -> Span:
        """A person the rules found by a loose cue ("X said", "X was abducted") is the body whose kind
        stands right before the name ("the mining company X", "the militia known as X", §2.3)."""
        if span.label_ != "PERSON" or not self._kind_before(doc, span):
            return span
        return Span(doc, span.start, span.end, label="ORG", kb_id=span.kb_id_, span_id="kind_before.PERSON")

    def _statistical_place(self, doc: Doc, span: Span) -> bool:
        """A person's, an organisation's or a place's statistical name in a place's context is a GPE;
        a LOC whose own words make it a natural feature or a facility stays one."""
        if span.label_ == "NORP":
            return self._named_place(doc, span)
        if span.label_ == "LOC" and self.shape.label(span) is not None:
            return False
        return span.label_ in ("PERSON", "ORG", "LOC") and self._place_context(doc, span)

    def _place_context(self, doc: Doc, span: Span) -> bool:
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        return (
            (before in self.before and not (span.start > 1 and doc[span.start - 2].lower_ == "according"))
            or (after in self.after and doc[span.end].is_lower)
            or (len(span) > 1 and span[-1].text in self.last_words)
            or any(c.dep_ == "appos" and c.lemma_.lower() in self.place_nouns for c in span.root.children)
            or self._named_place(doc, span)
            or after in self.offices
        )

    def _named_place(self, doc: Doc, span: Span) -> bool:
        """ "the area of X", "the town of X": a place noun introduces the name."""
        return (
            span.start > 1
            and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lemma_.lower() in self.place_nouns
        )

    @staticmethod
    def _with_a_person(span: Span, people: set[int]) -> bool:
        """A name coordinated with a person's name ("A and B" where A is a person): one more person."""
        root = span.root
        return (root.dep_ == "conj" and root.head.i in people) or any(
            c.dep_ == "conj" and c.i in people for c in root.children
        )

    def _person_context(self, doc: Doc, span: Span) -> bool:
        """ "X, who leads …", "X's brother", "a son of X", "X, the member of parliament", "a police
        captain, X": only a person fits."""
        after = [t.lower_ for t in doc[span.end : span.end + 2]]
        relative = len(after) == 2 and after[0] == "," and after[1] in self.relative
        root = span.root
        kin = (root.dep_ == "poss" and root.head.lemma_.lower() in self.kin) or (
            # "a son of X", "the widow of X"
            root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in self.kin
        )
        role = any(c.dep_ == "appos" and c.lemma_.lower() in self.person_words for c in span.root.children)
        # "a police captain, X": the name in apposition to a person noun; "Captain X": a title before it.
        titled = (root.dep_ == "appos" and root.head.lemma_.lower() in self.person_words) or (
            span.start > 0 and doc[span.start - 1].lower_ in self.person_words
        )
        return relative or kin or role or titled

    def _as_place(self, span: Span) -> Span:
        """A school, university or hospital where the events happen ("gunmen stormed the X Institute",
        "a bombing at X University (XU)") is a LOC; where it acts or employs ("X University said", "a
        lecturer at X University") it stays an organisation (guidelines §2.3)."""
        if span.label_ not in ("ORG", "GPE") or span[-1].lemma_.lower() not in self.facility_heads:
            return span
        root = span.root
        while root.dep_ == "appos" and root.head.i != root.i:  # "X University (XU)": the acronym follows its name
            root = root.head
        head = root.head
        at = root.dep_ == "pobj" and head.lower_ in self.facility_preps
        before = span.doc[head.i - 1] if head.i > 0 else head
        employer = at and (head.head.lemma_.lower() in self.employees or before.lemma_.lower() in self.employees)
        hit = root.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.facility_verbs
        if not ((at and not employer) or hit):
            return span
        return Span(
            span.doc, span.start, span.end, label="LOC", kb_id=span.kb_id_, span_id=f"facility_place.{span.label_}"
        )

    @staticmethod
    def _acronym_place(span: Span, places: set[int]) -> Span:
        """ "X University (XU)": the acronym in brackets right after a facility made a place is the place too."""
        if span.label_ != "ORG" or span.start < 1 or span.doc[span.start - 1].text != "(":
            return span
        if span.start - 1 not in places:
            return span
        return Span(span.doc, span.start, span.end, label="LOC", kb_id=span.kb_id_, span_id="facility_place.ORG")

    def _group_context(self, span: Span) -> bool:
        """ "X, a rebel group", "X, the gang that …": a name with a group noun in apposition, set off by
        a comma, is an organisation (not "X of the Y party", which the parse may also call an apposition);
        so is a name that has members ("members of the rival X")."""
        doc = span.doc
        # Read on the words: the parser often takes "rival" for the object of "of".
        k = span.start - 1
        while k > max(0, span.start - 4) and doc[k].is_lower and doc[k].lower_ != "of":
            k -= 1
        owner = span.end < len(doc) and doc[span.end].lower_ in POSSESSIVE_MARKERS  # "members of X's family"
        # "members of the X community", "a X Valley member": the members are the noun's the name only
        # modifies, or a place's by its own words, which has none (people of a place are no body).
        modifier = span.end < len(doc) and doc[span.end].is_lower and doc[span.end].tag_.startswith("NN")
        placed = self.shape.label(span) is not None or self._place_by_its_words(span)
        member_of = k > 0 and doc[k].lower_ == "of" and doc[k - 1].lower_ in self.membership
        if member_of and not (owner or modifier or placed):
            return True
        after = [t.lower_ for t in doc[span.end : span.end + 3]]
        # "a X member", "X, led by Y": a body's members and leaders; "the group's branch, X": a body's part.
        # Not "the X member of parliament": a constituency's representative.
        if after[:1] and after[0] in self.membership and after[1:2] != ["of"] and not placed:
            return True
        if after[:3] in (
            [",", "led", "by"],
            [",", "headed", "by"],
            [",", "run", "by"],
        ):
            return True
        root = span.root
        if root.dep_ == "appos" and root.head.lemma_.lower() in self.branches and span.start > 0:
            return doc[span.start - 1].text == ","
        comma = span.end < len(doc) and doc[span.end].text == ","
        return comma and any(c.dep_ == "appos" and c.lemma_.lower() in self.group_nouns for c in span.root.children)

    def _as_source(self, span: Span, ruled: set[str]) -> Span:
        """A statistical place or group of people that reports is an organisation, unless a rule
        labelled the same name elsewhere in the article or it is a state."""
        if not span.id_.startswith(f"{STATISTICAL}.") or span.label_ not in ("GPE", "LOC", "NORP"):
            return span
        if span.text in ruled or span.text in self.states or not self._source_context(span.doc, span):
            return span
        return Span(
            span.doc, span.start, span.end, label="ORG", kb_id=span.kb_id_, span_id=f"statistical_source.{span.label_}"
        )

    def _source_context(self, doc: Doc, span: Span) -> bool:
        """ "X reported", "according to X", "as cited by X": a name that reports is a body or a
        person; a place the model saw there is an outlet or an agency no list holds (§2: news agencies
        are ORG). A state or a place the rules know is read by the gazetteer before this."""
        root = span.root
        # A name whose own words make it a place ("North X", "X Province") stays a place where it
        # reports: places report their own dead and cases (§2.3).
        if self._place_by_its_words(span):
            return False
        # One word may be a town that "reported" its dead; an outlet's name is mostly longer. A natural
        # feature's or a facility's name ("X Valley", "X Hospital") is left as the model saw it.
        named = len(span) > 1 and self.shape.label(span) is None
        if named and root.dep_ == "nsubj" and root.head.lemma_.lower() in self.source_verbs:
            return True
        before = tuple(t.lower_ for t in doc[max(0, span.start - 3) : span.start])
        return any(before[len(before) - len(p) :] == p for p in self.source_phrases if len(p) <= len(before))

    def _place_by_its_words(self, span: Span) -> bool:
        """An administrative designator at the end ("X Province"), or a compass word or a place prefix
        before one more word ("North X", "Upper X", "Port X"): a place's own words, which no body's name
        has. A natural feature's last word is not among them: some are also an outlet's ("Line")."""
        if len(span) < 2:
            return False
        return (len(span) == 2 and span[0].text in self.place_prefixes) or span[-1].text in self.last_words

    def _outlet_place(self, span: Span) -> Span:
        """An outlet the rules read from a reporting cue ("X reported", "according to X"), or a name the
        model calls an organisation, whose own words make it a place ("North X reported 40 cases") is
        that place: a place reports its own dead (§2.3)."""
        read_as_body = span.id_ in self.outlet_rules or span.id_ == f"{STATISTICAL}.ORG"
        if span.label_ != "ORG" or not read_as_body or not self._place_by_its_words(span):
            return span
        label = self.shape.label(span) or "GPE"
        return Span(span.doc, span.start, span.end, label=label, kb_id=span.kb_id_, span_id=f"outlet_place.{label}")

    def _equipment(self, doc: Doc, span: Span) -> bool:
        """A ship, a weapon or an aircraft, which no label covers (guidelines §2.3): the name before its
        kind ("the X-9 missile") or with its kind in apposition ("the Aurora, a container ship")."""
        after = doc[span.end] if span.end < len(doc) else None
        appos = [c for c in span.root.children if c.dep_ == "appos"]
        kind = span.root.head if span.root.dep_ in ("compound", "nmod", "amod") else None  # "X ballistic missile"
        # "the aircraft carrier USS X", "the tanker X": a vessel's prefix, or its kind right before the name.
        before = doc[span.start - 1] if span.start > 0 else None
        think = span.start > 1 and doc[span.start - 2].lower_ == "think"  # "the think tank X" is a body
        named = (before is not None and before.lower_ in self.equipment and not think) or span[0].text in self.prefixes
        return (
            named
            or (after is not None and after.lower_ in self.equipment)
            or (kind is not None and kind.i >= span.end and kind.lower_ in self.equipment)
        ) or any(c.lower_ in self.equipment for a in appos for c in (a, *a.children) if c.dep_ in ("appos", "compound"))

    @staticmethod
    def _alias_of(doc: Doc, span: Span, named: dict[int, Span]):
        """The mention a name in brackets right after it stands for ("A (B)": one entity, two names, §3.2).
        Not an acronym ("the X Foundation of Varnia (XFV)"), whose expansion the rules' acronym finder reads."""
        if span.start < 2 or span.end >= len(doc) or doc[span.start - 1].text != "(" or doc[span.end].text != ")":
            return None
        if span.text.isupper():
            return None
        return named.get(span.start - 2)

    def _without_title(self, span: Span) -> Span:
        """ "Chargé d'Affaires Tom Brill" read as one body: the title is left out and the name after it
        is the person (§2: titles stay outside spans)."""
        if span.label_ not in NAME_LABELS:
            return span
        for k in range(span.start + 1, span.end):
            if span.doc[span.start : k].text.lower().replace("\u2019", "'") in self.titles:
                rest = span.doc[k : span.end]
                if rest and all(t.is_title for t in rest):
                    return Span(span.doc, k, span.end, label="PERSON", span_id=f"statistical_titled.{span.label_}")
        return span

    def _title(self, doc: Doc, span: Span) -> bool:
        """A title, not a name: "Humanitarian Coordinator", "External Affairs" before "Minister",
        "State" after "Secretary of"."""
        after = doc[span.end] if span.end < len(doc) else None
        of_role = span.start > 1 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in self.roles
        return (
            span.text.lower().replace("\u2019", "'") in self.titles
            or of_role
            or span[-1].lower_ in self.roles
            or (after is not None and after.is_title and after.lower_ in self.roles)
        )

    def __call__(self, doc: Doc) -> Doc:
        claimed = claimed_tokens(doc)
        named = names(doc)
        # One word the model calls a person is most often a place or a group, unless it is the
        # surname of a full name in the article ("Kallon" after "Edward Kallon").
        surnames = {m[-1].text for m in [*named, *doc.spans[STATISTICAL]] if m.label_ == "PERSON" and len(m) > 1}
        # A name the rules labelled elsewhere in the article keeps their label: the model's label
        # for a rare name changes from one sentence to the next ("Koundjili" GPE, then ORG).
        labels: dict[str, set[str]] = {}
        for m in named:
            if m.label_ in NAME_LABELS:
                labels.setdefault(m.text, set()).add(m.label_)
        labels.update({name: {"PERSON"} for name in surnames})
        by_end = {m.end - 1: m for m in named if m.label_ in NAME_LABELS}  # and each kept name, as it is labelled
        people = {t for m in [*named, *doc.spans[STATISTICAL]] if m.label_ == "PERSON" for t in range(m.start, m.end)}
        free = []
        for s in doc.spans[STATISTICAL]:
            # "Kelmor State Governor": a name with a place's last word before a title is the place, not the title.
            office = s.end < len(doc) and doc[s.end].lower_ in self.offices
            place_name = (len(s) > 1 and s[-1].text in self.last_words) or office
            parts = self._possessive_parts(doc, s, labels)
            if parts:
                free += [p for p in parts if not any(claimed[p.start : p.end])]
                continue
            if any(claimed[s.start : s.end]) or (
                s.label_ in ("ORG", "PERSON") and not place_name and self._title(doc, s)
            ):
                continue
            if s.label_ in NAME_LABELS and self._equipment(doc, s):
                continue
            s = self._without_title(s)
            shaped = self._name_shaped(doc, s)
            if shaped is None:
                continue
            s = shaped
            known = labels.get(s.text, set())
            alias = self._alias_of(doc, s, by_end) if s.label_ in NAME_LABELS else None
            if s.label_ == "NORP" and s.end < len(doc) and doc[s.end].is_title and doc[s.end].lower_ in self.roles:
                continue  # "Petroleum Minister": a portfolio before a title, no people
            if alias is not None and alias.label_ != s.label_:
                rule = f"statistical_alias.{s.label_}"
                s = Span(doc, s.start, s.end, label=alias.label_, kb_id=s.kb_id_, span_id=rule)
            elif as_body(s, self.body_heads) is not s:
                s = as_body(s, self.body_heads)
            elif s.label_ in NAME_LABELS and len(known) == 1 and s.label_ not in known:
                label = next(iter(known))
                s = Span(doc, s.start, s.end, label=label, kb_id=s.kb_id_, span_id=f"statistical_same_name.{s.label_}")
            elif s.label_ in ("PERSON", "GPE", "LOC") and (self._group_context(s) or self._kind_before(doc, s)):
                s = Span(doc, s.start, s.end, label="ORG", kb_id=s.kb_id_, span_id=f"statistical_group.{s.label_}")
            elif s.label_ in ("ORG", "GPE", "LOC", "NORP") and (
                self._person_context(doc, s) or (not known and self._with_a_person(s, people))
            ):
                s = Span(doc, s.start, s.end, label="PERSON", kb_id=s.kb_id_, span_id=f"statistical_person.{s.label_}")
            elif s.label_ in ("GPE", "LOC") and self.shape.label(s) not in (None, s.label_):
                s = self.shape.relabel(s)
            elif s.label_ == "LOC" and len(s) == 1 and not (s.start > 0 and doc[s.start - 1].lower_ == "the"):
                # One word the model calls a LOC, with no natural feature's or facility's word and no
                # article ("the Karoo", "the Sahel": regions), is a town: GPE, a place's default (§2.3).
                s = Span(doc, s.start, s.end, label="GPE", kb_id=s.kb_id_, span_id="statistical_town.LOC")

            elif self._statistical_place(doc, s):
                s = Span(doc, s.start, s.end, label="GPE", kb_id=s.kb_id_, span_id=f"statistical_place.{s.label_}")
            elif s.label_ == "PERSON" and len(s) == 1 and s.text not in surnames and not self._person_context(doc, s):
                continue
            free.append(s)
            by_end[s.end - 1] = s
        free += self._surnames(doc, claimed, free, [*named, *doc.spans[STATISTICAL]])
        named = [self._outlet_place(self._kind_named(doc, s)) for s in named]
        # The model's place where it reports, whether it won over a rule's shorter name or filled a gap.
        ruled = {m.text for m in named if not m.id_.startswith(f"{STATISTICAL}.")}
        named = [self._as_source(s, ruled) for s in named]
        # The model also calls a place an organisation ("Lower X reported 30 cases"): its own words decide.
        free = [self._outlet_place(self._as_source(s, ruled)) for s in free]
        named, free = [self._as_place(s) for s in named], [self._as_place(s) for s in free]
        places = {s.end for s in [*named, *free] if s.id_.startswith("facility_place.")}
        named, free = [self._acronym_place(s, places) for s in named], [self._acronym_place(s, places) for s in free]
        set_names(doc, named + free, new=free)
        return doc

    @staticmethod
    def _surnames(doc: Doc, claimed: Sequence[bool], free: list, names_so_far: Sequence[Span]) -> list:
        """A full name's last word standing alone later ("Mohamed Dagalo … Dagalo said") is the person,
        where no finder took it: the model often misses a lone surname at the start of a sentence."""
        taken = list(claimed)
        for span in free:
            taken[span.start : span.end] = [True] * len(span)
        first: dict[str, int] = {}  # surname -> where its full name first stands
        for m in names_so_far:
            if m.label_ == "PERSON" and len(m) > 1:
                first[m[-1].text] = min(m.start, first.get(m[-1].text, m.start))
        out = []
        for t in doc:
            # Not inside a longer name: "Jimmy “Barbecue” Chérizier" holds a nickname in quotes.
            before = doc[t.i - 1] if t.i > 0 else None
            lone = not (before is not None and (before.is_title or before.is_quote)) and not (
                t.i + 1 < len(doc) and doc[t.i + 1].is_title
            )
            if t.text in first and t.is_title and not taken[t.i] and lone and first.get(t.text, len(doc)) < t.i:
                out.append(Span(doc, t.i, t.i + 1, label="PERSON", span_id="statistical_surname.PERSON"))
        return out


class HybridFigures:
    """The ``spacy`` system's figures (read from the parse) on tokens no name holds and on numbers the
    rules do not read as no figure (a date, a capacity, a source, a numeral used as a pronoun: the
    guidelines' exclusions), and the rules' figures where the parse found none. Where both find the
    same span, the rules' category wins when a cue of the count's own gave it (``data/figures.json``):
    a word next to the number says more than the parse's walk to the nearest casualty word of the
    sentence."""

    def __init__(self, rules_data: Path, settings_path: Path = DATA / "figures.json"):
        self.rules = FigureFinder(rules_data)
        settings = json.loads(settings_path.read_text(encoding="utf-8"))
        self.rules_category_from = tuple(settings["rules_category_from"])
        parse_only = settings["parse_only"]
        self.age_bounds = frozenset(parse_only["age_bounds"])
        self.age_before = frozenset(parse_only["age_before"])
        self.place_nouns = frozenset(parse_only["place_nouns"])
        quoted = settings["quoted_sources"]
        self.quoting_verbs = frozenset(quoted["verbs"])
        self.age_ends = frozenset(settings["ages"]["after"])

    def __call__(self, doc: Doc) -> Doc:
        claimed = claimed_tokens(doc)
        person_ends = {s.end for s in names(doc) if s.label_ == "PERSON"}
        vetoed: set[int] = set()  # numbers the rules read as no figure: "all 52 released were men", "built for 1,200"
        found = self.rules.find(doc, list(claimed), person_ends, vetoed)
        kept = [
            _without_particle(figure(s))
            for s in doc.spans[FIGURES]
            if not any(claimed[s.start : s.end])
            and not any(k in vetoed for k in range(s.start, s.end))
            and not self._age(s, person_ends)
            and not self._quoted_sources(s)
        ]
        kept = _apart([self._widened(f, found, claimed) for f in kept])
        # A number only the parse reads as a figure: the constructions no count of the events takes.
        ruled = {k for f in found for k in range(f.span.start, f.span.end)}
        kept = [f for f in kept if ruled.intersection(range(f.span.start, f.span.end)) or not self._no_count(f.span)]
        covered = [False] * len(doc)
        for f in kept:
            covered[f.span.start : f.span.end] = [True] * len(f.span)
        by_span = {(f.span.start, f.span.end): f for f in found}
        kept = [self.category(f, by_span.get((f.span.start, f.span.end))) for f in kept]
        extra = [f for f in found if not any(covered[f.span.start : f.span.end]) and not self._quoted_sources(f.span)]
        set_figures(doc, sorted(kept + extra, key=lambda f: f.span.start))
        return doc

    def _no_count(self, span: Span) -> bool:
        """A figure of the parse's alone that the guidelines exclude (§2.2, §2.4): an age bound with no
        counted noun ("two were under ten"), an amount after a currency code ("NGN 4.5 billion"),
        or places counted as the object of a preposition ("in one Varnian city", "control of all
        five states"): the reach of the events, not a count in them."""
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        before = doc[span.start - 1] if span.start > 0 else None
        bare = after is None or after.is_punct or after.lower_ in ("and", "or")
        read = normalise_figure(span.text)
        young = read is not None and read[0] <= AGE_LIMIT  # "the dead were over 300" is a count
        if (
            span[0].lower_ in self.age_bounds
            and bare
            and young
            and before is not None
            and before.lower_ in self.age_before
        ):
            return True
        # An ISO currency code before the amount, or before its number where the parse split off the scale.
        codes = [doc[k] for k in (span.start - 1, span.start - 2) if k >= 0]
        if codes and not codes[0].like_num:
            codes = codes[:1]
        if any(len(t.text) == 3 and t.text.isalpha() and t.text.isupper() for t in codes):
            return True
        token = span.root
        noun = token.head if token.dep_ == "nummod" else None
        return noun is not None and noun.lemma_.lower() in self.place_nouns and noun.dep_ == "pobj"

    def _age(self, span: Span, person_ends: set[int]) -> bool:
        """ "Ismo Perlov, 33.": a bare number in apposition right after a person's name is an age, no
        figure (§2.2), also where the sentence ends after it (the rules read the ", 33," form)."""
        doc = span.doc
        if len(span) != 1 or not span[0].text.isdigit() or span.start < 1 or doc[span.start - 1].text != ",":
            return False
        after = doc[span.end].lower_ if span.end < len(doc) else "."
        return span.start - 1 in person_ends and after in self.age_ends

    def _quoted_sources(self, span: Span) -> bool:
        """ "X quoted two security sources", "according to three officials": the people a report
        quotes are its sources, not people in the events (§2.4)."""
        token = span.root
        noun = token.head if token.dep_ == "nummod" else token
        if noun.lower_ not in self.rules.sources or noun.dep_ not in ("dobj", "pobj"):
            return False
        verb = noun.head
        if verb.lower_ in ("to", "by") and verb.head.i != verb.i:
            if verb.lower_ == "to" and verb.head.lower_ == "according":
                return True
            verb = verb.head
        return verb.lemma_.lower() in self.quoting_verbs

    @staticmethod
    def _widened(parsed: Figure, found: list[Figure], claimed: Sequence[bool]) -> Figure:
        """The rules' span where it holds the parse's and more: the parse reads "over a hundred" as
        "hundred"; the qualifier words the rules take belong to the figure (§2.2)."""
        for rules in found:
            wider = rules.span.start <= parsed.span.start and parsed.span.end <= rules.span.end
            if wider and len(rules.span) > len(parsed.span) and not any(claimed[rules.span.start : rules.span.end]):
                return Figure(rules.span, rules.value, rules.qualifier, parsed.category, parsed.rule)
        return parsed

    def category(self, parsed: Figure, rules: Figure | None) -> Figure:
        """The parse's figure, with the rules' category for the same span when a cue of its own gave it."""
        if rules is None or rules.category == parsed.category:
            return parsed
        if rules.rule.rsplit(".", 1)[0] not in self.rules_category_from:
            return parsed
        return Figure(parsed.span, parsed.value, parsed.qualifier, rules.category, rules.rule)


def _apart(figs: list[Figure]) -> list[Figure]:
    """Figures with no token in common, the first kept: two numbers of the parse ("2.4", "billion")
    may widen to the same span of the rules'."""
    out: list[Figure] = []
    taken: set[int] = set()
    for f in sorted(figs, key=lambda f: (f.span.start, -len(f.span))):
        if taken.isdisjoint(range(f.span.start, f.span.end)):
            out.append(f)
            taken.update(range(f.span.start, f.span.end))
    return out


def _without_particle(found: Figure) -> Figure:
    """The figure without a verb's particle the parse read as its qualifier ("handed over three men":
    "over" belongs to "handed over", the count is "three", exact)."""
    span = found.span
    if len(span) < 2 or span[0].dep_ != "prt":
        return found
    rest = span[1:]
    read = normalise_figure(rest.text)
    if read is None:
        return found
    return Figure(rest, read[0], read[1], found.category, found.rule)


class HybridRelations:
    """Each relation type from the sources ``data/hybrid.json`` names for it, in that order, without repeats."""

    def __init__(
        self,
        nlp: Language,
        rules_data: Path,
        relation_sources: dict[str, list[str]],
        kin_nouns: frozenset[str] = frozenset(),
        party_preps: frozenset[str] = frozenset(),
        fill_only: frozenset[str] = frozenset(),
    ):
        self.rules = RelationFinder(nlp, rules_data)
        self.verbs = VerbRelations(
            nlp.vocab,
            load_dependency_patterns(),
            *load_nouns(),
            kin_nouns=kin_nouns,
            party_nouns=load_party_nouns(),
            guards=load_guards(),
            states=state_names(rules_data),
            capitals=frozenset(load_json("states.json", rules_data)["capitals"]),
        )
        self.relation_sources = relation_sources
        self.party_preps = party_preps
        self.fill_only = fill_only
        # the rules' list: a national capital stands for its state's government as a party
        self.states = state_names(rules_data) | frozenset(load_json("states.json", rules_data)["capitals"])
        self.place_hit_preps = frozenset(load_settings()["place_hit_preps"])
        reporters = load_settings()["reporters"]
        self.reporting_verbs = frozenset(reporters["verbs"])
        self.reporter_pronouns = frozenset(reporters["pronouns"])
        truce = load_settings()["truce_bodies"]
        self.joint_rules = frozenset(truce["rules"])
        self.truce_words = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in truce["words"]) + r")\b")

    def __call__(self, doc: Doc) -> Doc:
        mentions = mentions_of(doc)
        figs = figures_of(doc)
        category = {(f.span.start, f.span.end): f.category for f in figs}
        as_tuples = [(m.label_, m.start, m.end, {"category": category.get((m.start, m.end))}) for m in mentions]
        found = {
            "rules": self.rules.find(doc, mentions, figs, role_links(doc, mentions)),
            "dependency": self.verbs.find(doc, mentions),
            STATISTICAL: [
                (kind, mentions[h], mentions[t], f"{STATISTICAL}.{kind}")
                for h, t, kind in parse_relations(doc, as_tuples)
            ],
        }
        at_figure = {k: m for m in mentions if m.label_ == "FIGURE" for k in range(m.start, m.end)}
        at_place = {k for m in mentions if m.label_ in PLACE_LABELS for k in range(m.start, m.end)}
        seen, out = set(), []
        for rtype, sources in self.relation_sources.items():
            linked: set[int] = set()  # heads an earlier source gave this type
            for source in sources:
                earlier = set(linked)
                for kind, head, tail, rule in found[source]:
                    if kind == rtype and rtype in self.fill_only and head.start in earlier:
                        continue
                    key = RELATION_TYPES[kind].key(head.start, tail.start)
                    # One person leads or belongs to a body, not both (guidelines §2.5): the leader wins.
                    led = kind == "MEMBER_OF" and ("LEADER_OF", head.start, tail.start) in seen
                    # The model's sentence-wide place links read lists wrongly; the parse says whose place it is.
                    listed = kind == "LOCATED_IN" and _another_figures_place(head, tail, at_figure)
                    aside = kind == "LOCATED_IN" and _set_apart(tail, at_place, self.party_preps)
                    other = source == STATISTICAL and (listed or aside)
                    negated = kind in PARTY_TYPES and _negated_between(head, tail)
                    if kind == rtype and key not in seen and not led and not other and not negated:
                        seen.add(key)
                        linked.add(head.start)
                        out.append((kind, head, tail, rule))
        kept = self._without_truce_bodies(_without_adversaries(out))
        doc._.relations = [r for r in kept if not self._untied(r[1], r[2], r[0])]
        return doc

    def _place_hit(self, mention) -> bool:
        """A town or a province that an act hits ("X struck Dorvo", "attacks on Dorvo") is where it
        happened, no party to a conflict; a state, or its capital standing for its government
        (the rules' ``data/states.json`` ``capitals``), is one (guidelines §2.3, strikes and incursions)."""
        if mention.label_ != "GPE" or mention.text in self.states or mention.kb_id_ in self.states:
            return False
        role = _clause_role(mention)
        return role.dep_ == "dobj" or (role.dep_ == "pobj" and role.head.lower_ in self.place_hit_preps)

    def _untied(self, head, tail, kind: str) -> bool:
        """Whether the parse shows two parties a finder tied are not tied: two objects of unrelated verbs
        (below), or one party only the reporter of a clause that holds the other: "X said fighters
        linked to Y attacked Z" states nothing about X (§3.1: the reporting body is no party to what it
        reports). A pronoun in the clause may stand for the reporter ("X said its troops repelled Y"),
        which keeps the tie."""
        if kind not in PARTY_TYPES or head.sent.start != tail.sent.start:
            return False
        if kind == "IN_CONFLICT_WITH" and any(self._place_hit(m) for m in (head, tail)):
            return True
        # "A, which backs X, and B, which supports Y": the objects of two verbs, neither of which governs
        # the other, are tied by neither ("accuses X of harbouring Y" chains its verbs: kept).
        objects = [_clause_role(m) for m in (head, tail)]
        if all(o.dep_ == "dobj" for o in objects):
            verbs = [o.head for o in objects]
            if not (verbs[0].is_ancestor(verbs[1]) or verbs[1].is_ancestor(verbs[0]) or verbs[0].i == verbs[1].i):
                return True
        for reporter, other in ((head, tail), (tail, head)):
            subject = reporter.root
            # "X's spokesman said", "a spokesman for X said": the body speaks through its member.
            while subject.dep_ in ("appos", "conj", "compound", "poss", "pobj", "prep") and subject.head.i != subject.i:
                subject = subject.head
            verb = subject.head
            if subject.dep_ != "nsubj" or verb.lemma_.lower() not in self.reporting_verbs:
                continue
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                inside = clause.left_edge.i <= other.root.i <= clause.right_edge.i
                words = clause.doc[clause.left_edge.i : clause.right_edge.i + 1]
                if inside and not any(t.lower_ in self.reporter_pronouns for t in words):
                    return True
        return False

    def _without_truce_bodies(self, relations: list) -> list:
        """The relations without the alliances a joint body or act gives ("a joint committee of A and
        B", "A and B issued a joint statement") in a sentence about a truce: the two sides of a war
        act jointly to keep a ceasefire, and its mediators monitor it jointly; neither makes them allies
        (guidelines §2.5: ceasefires state the conflict, mediators nothing)."""
        return [
            r
            for r in relations
            if not (
                r[0] == "ALLIED_WITH"
                and r[3] in self.joint_rules
                and self.truce_words.search(r[1].sent.text.lower()) is not None
            )
        ]


def _clause_role(mention):
    """The token that carries a mention's role in its clause: its root, or the first of its conjuncts."""
    token = mention.root
    while token.dep_ in ("conj", "appos", "compound") and token.head.i != token.i:
        token = token.head
    return token


def _party_key(mention) -> str:
    return (mention.kb_id_ or mention.text).lower()


def _without_adversaries(relations: list) -> list:
    """The relations without an alliance between two parties the article sets against each other: a
    joint statement, committee or patrol of the two sides of a war is the working of their truce
    (guidelines §2.5, ceasefires), and a list read wrongly joins adversaries; the conflict the
    article states wins."""
    adversaries = {
        frozenset((_party_key(h), _party_key(t))) for kind, h, t, _ in relations if kind == "IN_CONFLICT_WITH"
    }
    return [
        r
        for r in relations
        if not (r[0] == "ALLIED_WITH" and frozenset((_party_key(r[1]), _party_key(r[2]))) in adversaries)
    ]


def _negated_between(head, tail) -> bool:
    """Whether a negated verb stands on the parse path that joins two parties of one sentence ("X said
    it had not struck Y"), or a thing denied by "no" ("X received no weapons from Y"): whichever finder
    read the pair, a negated act states no tie (§2.5)."""
    if head.sent.start != tail.sent.start:
        return False
    up = {}
    for side in (head.root, tail.root):
        token = side
        path = [token]
        while token.head.i != token.i:
            token = token.head
            path.append(token)
        up[side.i] = path
    first = {t.i for t in up[head.root.i]}
    joint = next((t for t in up[tail.root.i] if t.i in first), None)
    if joint is None:
        return False
    on_path = [t for path in up.values() for t in path[: next(i for i, t in enumerate(path) if t.i == joint.i) + 1]]
    return any(t.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in t.children) for t in on_path) or any(
        _no_object(t) for t in on_path
    )


def _no_object(token) -> bool:
    """ "X received no weapons from Y", "X has no links to Y": the thing, or a verb's object, denied by "no"."""
    things = [token] if token.pos_ == "NOUN" else [c for c in token.children if c.dep_ == "dobj"]
    return any(c.dep_ == "det" and c.lower_ == "no" for t in things for c in t.children)


def _set_apart(place, at_place: set[int], party_preps: frozenset[str]) -> bool:
    """Whether a place the model links to a figure stands apart from the figure's location phrase:
    as a party's name ("in the fighting with B"), or in a clause describing another place ("at A,
    where the borders of B and C meet"; "near D, a town that lies between E and F"). A place named
    inside another's apposition stays ("in A, a town in B": nested places, guidelines §2.5)."""
    token = place.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "pobj" and token.head.lower_ in party_preps:
        return True
    token = place.root
    while token.head.i != token.i:
        head = token.head
        where = any(c.lower_ == "where" for c in token.children)
        of_place = head.i in at_place or (head.dep_ == "appos" and head.head.i in at_place)
        clause = token.dep_ in ("relcl", "acl") and of_place
        if head.i not in range(place.start, place.end) and (clause or (where and token.dep_ in ("relcl", "appos"))):
            return True
        token = head
    return False


def _another_figures_place(figure, place, at_figure: dict[int, Any]) -> bool:
    """Whether the parse attaches the place to another figure's phrase: in "6 people in A, 4 in B"
    B belongs to the 4 alone, not to the 6 a sentence-wide reading also links it to."""
    if figure.label_ != "FIGURE":
        return False
    token = place.root
    while token.dep_ in PLACE_PHRASE and token.head.i != token.i:
        token = token.head
        for t in (token, *(c for c in token.children if c.dep_ == "nummod")):
            other = at_figure.get(t.i)
            if other is not None:
                return other is not figure
    return False


def load_settings(path: Path = DATA / "hybrid.json") -> dict[str, Any]:
    settings = json.loads(path.read_text(encoding="utf-8"))
    sources: dict[str, list[str]] = settings["relation_sources"]
    unknown = {t for t in [*sources, *settings.get("fill_only", [])] if t not in RELATION_TYPES} | {
        s for listed in sources.values() for s in listed if s not in ("rules", "dependency", STATISTICAL)
    }
    if unknown:
        raise ValueError(f"{path}: unknown relation types or sources {sorted(unknown)}")
    return settings


@Language.factory("hybrid_names", default_config={"data_dir": ""})
def make_hybrid_names(nlp: Language, name: str, data_dir: str) -> HybridNames:
    return HybridNames(nlp, data_path(data_dir), frozenset(load_settings()["ruler_labels"]))


@Language.factory("hybrid_fill_names", default_config={"data_dir": ""})
def make_fill_names(nlp: Language, name: str, data_dir: str) -> FillNames:
    settings = load_settings()
    return FillNames(data_path(data_dir), load_nouns()[0], settings["person_cues"], settings["name_cues"])


@Language.factory("hybrid_figures", default_config={"data_dir": ""})
def make_hybrid_figures(nlp: Language, name: str, data_dir: str) -> HybridFigures:
    return HybridFigures(data_path(data_dir))


@Language.factory("hybrid_relations", default_config={"data_dir": ""})
def make_hybrid_relations(nlp: Language, name: str, data_dir: str) -> HybridRelations:
    settings = load_settings()
    kin = frozenset(settings["person_cues"]["kin_nouns"])
    party = frozenset(settings["party_preps"])
    fill_only = frozenset(settings.get("fill_only", []))
    return HybridRelations(nlp, data_path(data_dir), settings["relation_sources"], kin, party, fill_only)


class HybridSystem(RulesSystem):
    description = "rules' gazetteers, figures and relations on en_core_web_sm's names and dependency parse"
    sections = frozenset(SECTIONS)
    requires = ("spacy", PIPELINE)

    def __init__(self, data_dir: Path | None = None, batch_size: int = 32, **_: Any):
        import spacy

        rules_data = Path(data_dir) if data_dir else RULES_DATA
        config = {"data_dir": str(rules_data)}
        self.nlp = spacy.load(PIPELINE)
        self.nlp.add_pipe("hybrid_names", config=config)
        add_name_finders(self.nlp, rules_data)
        self.nlp.add_pipe("hybrid_fill_names", config=config)
        self.nlp.add_pipe("hybrid_figures", config=config)
        self.nlp.add_pipe("hybrid_relations", config=config)
        self.batch_size = batch_size

    def predict(self, docs: Sequence[Document]) -> Iterator[Annotation]:
        self.nlp.max_length = max([self.nlp.max_length] + [len(d.text) + 1 for d in docs])
        for doc, parsed in zip(docs, self.nlp.pipe((d.text for d in docs), batch_size=self.batch_size), strict=True):
            yield annotation_from_doc(doc.doc_id, parsed)
