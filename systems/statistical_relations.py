"""Relations of the `spacy` system read off en_core_web_sm's dependency parse (guidelines §3).

Only the statements a parse makes cheap; the vocabulary is in ``statistical_data.json`` (``relations``):

* ``LOCATED_IN`` (figure → GPE/LOC): from the number up to its clause's verb (number → counted noun
  → verb), every place named in the object of a location preposition ("in", "near", "across", …)
  hanging off that path, nested places included ("in Jabalia, in northern Gaza"). "from" counts
  only for people who moved (displaced, detained, hostage: the place they left, §2.5); "to" never.
* ``REPORTED_BY`` (figure → ORG/PERSON/GPE): further up, the first reporting verb ("said",
  "reported", "told", "put the toll at") whose subject names the source; an unnamed member of a named
  body ("a Taliban official said") reports for the body; a pronoun subject ("it added") refers back
  to the last source named before (§3.1). "according to X" in the figure's sentence names X, and
  "told Reuters" adds the relay (§2.5).
* ``LEADER_OF`` / ``MEMBER_OF`` (PERSON → ORG/GPE): a role noun tied to the person by the parse,
  premodifier ("Hezbollah leader Hassan Nasrallah") or apposition ("X, a spokesman for Y"), with the
  organisation in the role noun's compound, possessive or "of"/"for" phrase. Leading roles give
  LEADER_OF; the others MEMBER_OF, whose tail must be an ORG (schema).

Mentions are given as (label, start token, end token) over the parsed document; relations come back
as (head index, tail index, type) into that list.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from systems.statistical import DATA

_REL = DATA["relations"]
MOVED = frozenset({"displaced", "detained", "hostage"})
PRONOUNS = frozenset({"it", "he", "she", "they", "we"})
Mention = tuple[str, int, int, dict[str, Any]]


def _index(mentions: Sequence[Mention]) -> dict[int, int]:
    return {t: n for n, (_, start, end, _) in enumerate(mentions) for t in range(start, end)}


def _mentions_in(tokens, at: dict[int, int], mentions: Sequence[Mention], labels: frozenset[str]) -> list[int]:
    found: list[int] = []
    for t in tokens:
        n = at.get(t.i)
        if n is not None and mentions[n][0] in labels and n not in found:
            found.append(n)
    return found


def _path(root) -> list:
    """The number, its counted noun and their heads up to and including the first verb (at most 4)."""
    path, token = [root], root
    while len(path) < 5 and token.head is not token and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        path.append(token)
    return path


def _places(doc, path, figure_category: str, at, mentions) -> list[int]:
    preps = _REL["location_preps"] | (_REL["origin_preps"] if figure_category in MOVED else frozenset())
    found: list[int] = []
    # "14 herders killed near the wells", "had fled their villages in the hills": the participle that
    # describes the counted noun and the verb's object carry the place too.
    reach = list(path)
    for token in path:
        reach += [c for c in token.children if c.dep_ in ("acl", "relcl", "dobj") and c not in reach]
    for token in reach:
        for prep in token.children:
            if prep.dep_ == "prep" and prep.text.lower() in preps:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        for n in _mentions_in(obj.subtree, at, mentions, frozenset({"GPE", "LOC"})):
                            if n not in found:
                                found.append(n)
    return found


def _source(subject, at, mentions) -> list[int]:
    """Named sources in a reporting verb's subject: the name itself, or the body an unnamed member speaks for."""
    labels = frozenset({"ORG", "PERSON", "GPE"})
    return _mentions_in(
        [subject]
        + [c for c in subject.children if c.dep_ in ("compound", "poss", "nmod", "amod")]
        + [g for c in subject.children if c.dep_ == "prep" for g in c.subtree],
        at,
        mentions,
        labels,
    )


def _antecedent(doc, before: int, mentions) -> list[int]:
    """The nearest named subject before a token: what "it said" refers back to (§3.1)."""
    for n in range(len(mentions) - 1, -1, -1):
        label, start, end, _ = mentions[n]
        if start < before and label in ("ORG", "PERSON", "GPE"):
            root = doc[start:end].root
            if root.dep_ in ("nsubj", "nsubjpass") or root.head.dep_ in ("nsubj", "nsubjpass"):
                return [n]
    return []


def _reporters(doc, path, at, mentions) -> list[int]:
    token = path[-1]
    for _ in range(4):
        if token.lemma_.lower() in _REL["report_verbs"] and token.pos_ in ("VERB", "AUX"):
            found: list[int] = []
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    if child.text.lower() in PRONOUNS:
                        found += _antecedent(doc, child.i, mentions)
                    else:
                        found += _source(child, at, mentions)
                elif child.dep_ in ("dative", "dobj") and token.lemma_.lower() == "tell":
                    found += _source(child, at, mentions)
                elif child.dep_ == "agent":
                    found += [n for g in child.children for n in _source(g, at, mentions)]
            if found:
                return found
        if token.head is token:
            break
        token = token.head
    return []


def _according_to(sentence, at, mentions) -> list[int]:
    found: list[int] = []
    for token in sentence:
        if token.text.lower() == "according":
            for to in token.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        found += _source(obj, at, mentions)
    return found


def _roles(doc, person: Mention, at, mentions) -> list[tuple[int, str]]:
    """(organisation index, relation type) for the roles the parse ties to a person."""
    _, start, end, _ = person
    root = doc[start:end].root
    roles = [c for c in root.children if c.dep_ in ("compound", "appos", "nmod")]
    if root.dep_ == "appos":
        roles.append(root.head)
    out: list[tuple[int, str]] = []
    for role in roles:
        word = role.lemma_.lower()
        if word in _REL["leader_roles"]:
            kind = "LEADER_OF"
        elif word in _REL["member_roles"]:
            kind = "MEMBER_OF"
        else:
            continue
        tails = frozenset({"ORG", "GPE"}) if kind == "LEADER_OF" else frozenset({"ORG"})
        owners = [c for c in role.children if c.dep_ in ("compound", "poss", "nmod")]
        owners += [g for c in role.children if c.dep_ == "prep" and c.text.lower() in ("of", "for") for g in c.children]
        for n in _mentions_in([t for o in owners for t in o.subtree], at, mentions, tails):
            if n not in [o for o, _ in out] and not (start <= mentions[n][1] < end):
                out.append((n, kind))
    return out


def relations(doc, mentions: Sequence[Mention]) -> list[tuple[int, int, str]]:
    """(head index, tail index, type) of the relations the parse states between the mentions."""
    at = _index(mentions)
    out: list[tuple[int, int, str]] = []
    for n, mention in enumerate(mentions):
        label, start, end, attrs = mention
        span = doc[start:end]
        if label == "FIGURE":
            numbers = [t for t in span if t.like_num or t.pos_ == "NUM"] or [span.root]
            path = _path(numbers[-1])
            for tail in _places(doc, path, attrs.get("category", "other"), at, mentions):
                out.append((n, tail, "LOCATED_IN"))
            sources = _reporters(doc, path, at, mentions) + _according_to(span.sent, at, mentions)
            for tail in dict.fromkeys(sources):
                out.append((n, tail, "REPORTED_BY"))
        elif label == "PERSON":
            for tail, kind in _roles(doc, mention, at, mentions):
                out.append((n, tail, kind))
    return out
