"""LEADER_OF and MEMBER_OF from the role phrase around a person, PART_OF from a body's apposition.

A person's role stands in a few places in news copy (guidelines §2.5):

* before the name, as a premodifier: "ICRC media adviser N", "Borno State Governor N",
  "its defence minister N", "Army spokesman Col. N" (a body noun alone refers back to the last
  body of that kind named);
* before the name and a comma, a definite apposition: "the RSF commander, Gen. N", "Mali's leader,
  Col. N", "the agency's chief, N", "the chief of the X, N";
* after the name and a comma: "N, head of the X's Y", "N, who founded X", "N, the AU envoy who
  heads X", "N, Rights Monitor's director for the Sahel";
* after the name with "of": "N of the X party";
* after the body: "X, led by Gen. N", "X, a coalition led by N", "the X militia under Gen. N".

The role's head (its last role word) gives the kind: a leader word gives LEADER_OF unless a deputy
word or a branch modifier ("UN peacekeeping chief") or a regional remit ("director for Central
Africa") makes him the head of a part (MEMBER_OF); a command word ("commander") leads when the
phrase is definite or an "of" phrase and is a member otherwise ("RSF commander N"). The vocabulary
is ``role_relations`` in ``data/roles.json``.
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from .arguments import ArgumentGrammar
from .entities import DATA, RoleLink, load_json, sentence_bounds, token_view

BODY_LABELS = frozenset({"ORG", "GPE"})
POSSESSIVE = frozenset({"'s", "’s", "’", "'"})


class RoleRelations(ArgumentGrammar):
    """Role relations of people (see the module docstring)."""

    def __init__(self, nlp: Language, data_dir: Path = DATA):
        super().__init__(nlp, data_dir)
        roles = load_json("roles.json", data_dir)
        grammar = roles["role_relations"]
        self.role_phrases: dict[tuple[str, ...], str] = {}
        # Tokenised as the text is ("secretary-general" is three tokens); "head office" is no role.
        for kind in ("none", "leader", "member"):
            for phrase in grammar["not_roles"] if kind == "none" else roles[kind] + grammar[f"{kind}_extra"]:
                words = tuple(t.lower_ for t in nlp.make_doc(phrase))
                self.role_phrases.setdefault(words, kind)
                if len(words) == 1 and not words[0].endswith("s"):
                    self.role_phrases.setdefault((words[0] + "s",), kind)  # "one of the commanders"
        self.longest_role = max(len(p) for p in self.role_phrases)
        self.state_body_rules = frozenset(grammar["state_body_rules"])
        self.title_role_words = frozenset(w for p in self.role_phrases for w in p)
        # "Brig. Gen." is two tokens or more: every word of an honorific, with and without its full stop.
        self.honorifics = frozenset(
            v for h in roles["honorific"] for w in h.lower().split() for v in (w, w.rstrip("."))
        ) - self.title_role_words | {".", "-"}  # "Secretary-General": a role, not a rank

        self.premodifier_breaks = frozenset(grammar["premodifier_breaks"]) | frozenset(roles["name_report_verbs"])
        self.command_roles = frozenset(tuple(p.split()) for p in grammar["command_roles"])
        self.subordinate = frozenset(grammar["subordinate_words"])
        self.branch_modifiers = frozenset(grammar["branch_modifiers"])
        self.indefinite_words = frozenset(grammar["indefinite"])
        self.ranks = frozenset(grammar["ranks"])
        # "commanders", "spokesmen": the plural of each role noun
        self.plural_roles = (
            frozenset(w + "s" for w in self.role_nouns if w.isalpha() and not w.endswith("s"))
            | frozenset(w[:-3] + "men" for w in self.role_nouns if w.endswith("man"))
            | frozenset(w for w in self.role_nouns if w.endswith("s"))
        )
        self.function_heads_whole = frozenset(grammar["function_heads_whole"])
        self.place_leader_roles = frozenset(
            tuple(t.lower_ for t in nlp.make_doc(p)) for p in grammar["place_leader_roles"]
        )
        self.role_verbs: dict[str, str] = grammar["role_verbs"]
        self.relative_skip = frozenset(grammar["relative_skip"])
        self.motion_particles = frozenset(grammar["motion_particles"])
        self.place_link_preps = frozenset(grammar["place_link_preps"])
        self.hold_office = grammar["hold_office"]
        self.state_list_cues = tuple(grammar["state_list_cues"])
        self.state_list_hosts = frozenset(grammar["state_list_hosts"])
        self.led_by = frozenset(grammar["led_by"])
        self.bare_title_ties = frozenset(tuple(p.split()) for p in roles["bare_title_ties"])
        self.led_by_skip = frozenset(grammar["led_by_skip"]) | self.group_nouns
        self.body_synonyms = {w: frozenset(group) for group in grammar["body_synonyms"] for w in group}
        self.body_heads = frozenset(grammar["body_heads"]) | frozenset(self.body_synonyms)
        self.place_nouns = frozenset(grammar["place_nouns"])
        self.place_bare_heads = frozenset(tuple(p.split()) for p in grammar["place_bare_heads"])
        self.place_part_nouns = frozenset(grammar["place_part_nouns"])
        self.remit_preps = frozenset(grammar["remit_preps"])
        self.topic_preps = frozenset(grammar["topic_preps"])
        self.place_compounds = frozenset(grammar["place_compounds"])
        self.owner_pronouns = frozenset(grammar["back_pronouns"])
        self.told_words = frozenset(grammar["told_words"])
        self.org_nouns = frozenset(grammar["org_nouns"]) | self.group_nouns
        # "the group's researcher" never names the "X Battalion" or the "Y Foundation" before it.
        self.kind_heads = frozenset(grammar["kind_heads"])
        # "N, who leads X fighters in the town": leading some of a body's fighters heads a part of it.
        self.unit_nouns = frozenset(grammar["unit_nouns"])
        appointed = grammar["appointed"]
        self.appointed_aux = frozenset(appointed["auxiliaries"])
        self.appointed_verbs = frozenset(appointed["verbs"])
        self.appointed_skip = frozenset(appointed["skip"])
        parts = load_json("relations.json", data_dir)
        self.part_apposition = frozenset(parts["part_apposition_nouns"]) | frozenset(parts["part_nouns"])
        self.unit_heads = frozenset(grammar["unit_heads"])
        self.described = grammar["described_as"]
        self.described_verbs = frozenset(self.described["verbs"])
        self.described_pronouns = frozenset(self.described["pronouns"])
        self.owner_modifiers = frozenset(grammar["owner_modifiers"]) | {"the", "a", "an"}
        self.made_of = [tuple(t.lower_ for t in nlp.make_doc(p)) for p in parts["made_of"]]

    # -- role words ------------------------------------------------------------------------
    def _heads(self, doc: Doc, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, kind) of every role phrase in doc[start:end], longest match first, left to right."""
        out, k = [], start
        while k < end:
            for n in range(min(self.longest_role, end - k), 0, -1):
                words = tuple(t.lower_ for t in doc[k : k + n])
                kind = self.role_phrases.get(words) or (self.role_verbs.get(words[0]) if n == 1 else None)
                if kind is not None:
                    if kind != "none":
                        out.append((k, k + n, kind))
                    k += n
                    break
            else:
                k += 1
        return out

    def _kind(self, doc: Doc, start: int, end: int, definite: bool) -> str | None:
        """The kind of the role phrase doc[start:end] from its head; None when it holds no role word.
        "+place" marks a role that leads a place ("governor"): only those tie a person to a state."""
        heads = self._heads(doc, start, end)
        if not heads:
            return None
        h_start, h_end, kind = heads[-1]
        words = tuple(t.lower_ for t in doc[h_start:h_end])
        before = {t.lower_ for t in doc[start:h_start]}
        if before & self.subordinate:
            return "member"  # "deputy army chief", "vice president of"
        if kind == "leader" and before & self.branch_modifiers:
            return "member"  # "UN peacekeeping chief" heads a part of the UN
        if kind == "leader" and self._function_head(doc, h_end):
            return "member"  # "the agency's head of communications" heads a part named by its work
        if words in self.command_roles:
            kind = "leader" if definite else "member"
        if words in self.place_bare_heads and kind == "leader" and all(t.lower_ == "the" for t in doc[start:h_start]):
            return "leader+place"  # "the head of the Korvan district", "the republic's head" (§2.5)
        return f"{kind}+place" if words in self.place_leader_roles else kind

    def _indefinite(self, t) -> bool:
        """ "a", "one", "two", "both" or a number before a role: one of several, a member."""
        return t.lower_ in self.indefinite_words or (t.like_num and t.is_digit)

    def _function_head(self, doc: Doc, k: int) -> bool:
        """Whether "of" and a lower-case noun follow a leader word ending at k ("head of communications",
        "chief of operations"), other than the whole's own ("head of state")."""
        return (
            k + 1 < len(doc)
            and doc[k].lower_ == "of"
            and doc[k + 1].is_alpha
            and doc[k + 1].is_lower
            and doc[k + 1].lower_ not in self.function_heads_whole
        )

    @staticmethod
    def _unnamed_part(doc: Doc, body: Span) -> bool:
        """ "X's political wing", "X's media office": an unnamed part of the body follows its
        possessive, so the role heads the part (guidelines §2.5: a member of the whole)."""
        k = body.end
        if k + 1 >= len(doc) or doc[k].lower_ not in POSSESSIVE:
            return False
        if doc[k + 1].is_alpha and doc[k + 1].is_lower:
            return True
        # "X's Gao branch", "X's Korvan office": a place names the part
        return k + 2 < len(doc) and doc[k + 1].is_title and doc[k + 2].is_alpha and doc[k + 2].is_lower

    def _remit(self, doc: Doc, k: int, at_start: dict) -> bool:
        """ "director for Central Africa", "commander in Gaza": a regional remit after the role at k."""
        if k + 1 >= len(doc) or doc[k].lower_ not in self.remit_preps:
            return False
        j = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        m = at_start.get(j)
        return m is not None and m.label_ in ("GPE", "LOC")

    def _chain(self, doc: Doc, body: Span, at_start: dict) -> Span | None:
        """The innermost body of "the X's Y", "Haiti's Y", "the X faction Y" (guidelines §3.1); None
        when the innermost one is a name not found ("the X faction Abu Sayyaf Group")."""
        while body.end + 1 < len(doc):
            k = body.end
            if doc[k].lower_ in POSSESSIVE:
                nxt = at_start.get(k + 1)
            elif doc[k].lower_ in self.words["part_nouns"] or doc[k].lower_ in self.group_nouns:
                nxt = at_start.get(k + 1)
                if nxt is None and doc[k + 1].text[:1].isupper():
                    return None
            else:
                nxt = None
            if nxt is None or nxt.label_ != "ORG":
                return body
            body = nxt
        return body

    def _by_head(self, doc: Doc, k: int, word: str, mentions: list[Span]) -> Span | None:
        """ "Army spokesman N", "the agency's chief", "its leader": the last body before token k
        that the noun names (a state body written with that noun or its synonym: "Chad's army",
        not the "White Army" militia), else for a general noun or a pronoun the last organisation
        (a place for "the city's") of this sentence or the two before, past an outlet that is only
        told the news ("told AFP")."""
        names = self.body_synonyms.get(word, frozenset({word}))
        for m in reversed(mentions):
            if m.end > k or m.label_ != "ORG":
                continue
            # "army" names a state's army ("Chad's army"), not a militia called "White Army".
            state_only = word in self.body_synonyms and not (doc[m.end - 1].is_lower or m.id_ in self.state_body_rules)
            if doc[m.end - 1].lower_ in names and not state_only:
                return m
        if word in self.owner_pronouns and doc[k].is_sent_start:
            return self._previous_subject(doc, k, mentions)
        if word in self.org_nouns or word in self.place_nouns or word in self.owner_pronouns:
            labels = {"GPE"} if word in self.place_nouns else {"ORG"}
            starts = sentence_bounds(doc)[0]
            floor = starts[min(k, len(doc) - 1)]
            for _ in range(3):
                floor = starts[floor - 1] if floor > 0 else 0
            for m in reversed(mentions):
                if m.end > k or m.label_ not in labels:
                    continue
                if m.start < floor:
                    return None
                if m.start > 0 and doc[m.start - 1].lower_ in self.told_words:
                    continue
                if word in self.owner_pronouns and not self._clear_pronoun(doc, m, k, mentions):
                    return None
                if word in self.org_nouns and self._other_kind(m, word):
                    continue
                return m
        return None

    def _other_kind(self, m: Span, word: str) -> bool:
        """Whether the name of m (its canonical name for an acronym) says it is a body of another
        kind than the general noun ``word``: "the group" is not the "Rapid Intervention Battalion"."""
        # "Human Rights Foundation of X", "Association for Y": the head noun stands before "of"/"for".
        name = re.split(r" (?:of|for) ", m.kb_id_ or m.text)[0]
        last = name.split()[-1].lower()
        return last in self.kind_heads and last != word and last not in self.body_synonyms.get(word, ())

    def _previous_subject(self, doc: Doc, k: int, mentions: list[Span]) -> Span | None:
        """ "The X Front (XF) claimed it. Its spokesman, N, said ...": a sentence's first "Its" takes up
        the last sentence's subject, here only when that subject is a named organisation that opens
        the sentence; of a name and its bracketed acronym, the acronym, nearer (guidelines §3.1)."""
        starts = sentence_bounds(doc)[0]
        if k == 0:
            return None
        first = starts[k - 1]
        while first < k and doc[first].is_space:
            first += 1  # a paragraph break opens the sentence
        if doc[first].lower_ == "the":
            first += 1
        subject = next((m for m in mentions if m.start == first), None)
        if subject is None or subject.label_ != "ORG":
            return None
        return self._acronym_after(doc, subject.end, {m.start: m for m in mentions}) or subject

    @staticmethod
    def _clear_pronoun(doc: Doc, m: Span, k: int, mentions: list[Span]) -> bool:
        """Whether "its" at k can only mean m: no state named between them ("China ... and its envoy"),
        no capitalised name left unfound ("blacklisted the Ravens and also its leader"), and not
        a sentence's first word, which takes up the last sentence's subject, named or not."""
        if doc[k].is_sent_start or doc[k].text[:1].isupper():
            return False
        inside: set[int] = set()
        for other in mentions:
            if m.end <= other.start and other.end <= k:
                if other.label_ == "GPE":
                    return False
                inside.update(range(other.start, other.end))
        return not any(
            doc[i].is_title and not doc[i].is_sent_start and i not in inside and not doc[i - 1].is_space
            for i in range(m.end, k)
        )

    # -- where the role stands -------------------------------------------------------------
    def _floor(self, doc: Doc, person: Span) -> int:
        """The start of the person's sentence, which the sentencizer may have put after a rank's
        full stop ("Col. N")."""
        k = person.start
        while k > 0 and doc[k - 1].lower_ in self.honorifics:
            k -= 1
        return sentence_bounds(doc)[0][max(k - 1, 0) if k < person.start else k]

    def _before(self, doc: Doc, person: Span, at_end: dict, mentions: list[Span]):
        """ "Hezbollah leader N", "Borno State Governor N", "its defence minister N", "Army spokesman N"."""
        floor = max(self._floor(doc, person), person.start - self.gaps["role_phrase"] - 2)
        k = person.start
        while k > floor and doc[k - 1].lower_ in self.honorifics:
            k -= 1
        end = k
        owner = at_end.get(k - 1) if k - 1 > floor and doc[k - 1].lower_ in POSSESSIVE else None
        if owner is not None and owner.label_ == "ORG" and any(t.lower_ in self.ranks for t in doc[k : person.start]):
            return "member", owner, "roles.before.rank"  # "the X's Col. N": one of its officers
        while k > floor and at_end.get(k) is None:
            t = doc[k - 1]
            if t.lower_ in self.premodifier_breaks or not (
                (t.is_alpha and t.is_lower)
                or t.lower_ in self.role_skip
                or (t.is_title and t.lower_ in self.title_role_words)
                or (t.is_alpha and (t.is_sent_start or doc[k - 2].is_space))
            ):
                break
            k -= 1
        kind = self._kind(doc, k, end, definite=False)
        if kind is None:
            return None
        if self._heads(doc, k, end)[-1][1] != end:
            return None  # "G7 leaders convene Biden ...": the role word does not stand right before the name
        acronym = self._acronym_before(doc, k, at_end) if k - 1 > floor else None
        if at_end.get(k) is None and acronym is not None:
            k = acronym.end  # "Popular Front (PF) leader N": the acronym, nearer the name (guidelines §3.1)
        m = at_end.get(k)
        rule = "roles.before"
        if m is None:
            heads = self._heads(doc, k, end)
            owner = (
                next((i for i in range(heads[0][0] - 1, k - 1, -1) if doc[i].lower_ in self.owner_pronouns), None)
                if heads
                else None
            )
            if owner is not None:
                k = owner  # "X, through its spokesman N": the owner pronoun, not the words before it
            first = doc[k].lower_
            if heads and heads[0][0] == k:
                return None  # the role has no owner before it
            m = self._by_head(doc, k, first, mentions) if first in self.body_heads | self.owner_pronouns else None
            rule = "roles.before.back_reference"
            if m is None:
                return None
        elif m.label_ not in BODY_LABELS:
            return None
        first_head = self._heads(doc, k, end)[0][0]
        if sum(1 for t in doc[k:first_head] if t.is_lower) > 3:
            return None  # a clause, not a premodifier, stands between the body and the role
        return kind, m, rule

    def _whose(self, doc: Doc, person: Span, at_end: dict):
        """ "the X Front, whose leader N", "Niger, whose president, N,": the role of the body the relative
        clause is said of (guidelines §2.5, a possessive); of a name and its bracketed acronym, the
        acronym, nearer (§3.1)."""
        floor = self._floor(doc, person)
        k = person.start
        while k > floor and doc[k - 1].lower_ in self.honorifics:
            k -= 1
        end = k - 1 if k > floor and doc[k - 1].text == "," else k
        j = end
        while j > floor and end - j <= self.gaps["role_phrase"] and doc[j - 1].is_alpha and doc[j - 1].is_lower:
            j -= 1
        if j >= end or doc[j].lower_ != "whose" or j - 1 <= floor or doc[j - 1].text != ",":
            return None
        owner = at_end.get(j - 1)
        if owner is None and doc[j - 2].text == ")":
            owner = at_end.get(j - 2)
        if owner is None or owner.label_ not in BODY_LABELS:
            return None
        last = doc[end - 1].lower_
        plural = last.endswith("s") and not last.endswith("ss")
        if plural and not (person.end < len(doc) and doc[person.end].lower_ in ("and", ",")):
            return None  # "X, whose fighters N said were paid": N is the clause's subject, not the role's name
        kind = self._kind(doc, j + 1, end, definite=True)
        return None if kind is None else (kind, owner, "roles.whose")

    def _before_comma(self, doc: Doc, person: Span, at_end: dict, at_start: dict, mentions: list[Span]):
        """ "the RSF commander, Gen. N", "Mali's leader, Col. N", "the agency's chief, N",
        "the chief of the X, N": a definite role phrase in apposition before the name."""
        floor = self._floor(doc, person)
        k = person.start
        while k > floor and doc[k - 1].lower_ in self.honorifics:
            k -= 1
        if (
            k > floor + 2
            and doc[k - 1].is_title
            and doc[k - 1].lower_ in self.title_role_words
            and doc[k - 2].text == ","
        ):
            k -= 1  # a ruler's title the entity finder leaves outside the name: "the Paramount Chief of X, Naba N"
        if k <= floor + 1 or doc[k - 1].text != ",":
            return None
        end = k - 1
        m = at_end.get(end)
        if m is not None and m.label_ in BODY_LABELS:
            # "the head of the Norland navy, N": the body after "of".
            o = m.start - 1
            if o > floor and doc[o].lower_ == "the":
                o -= 1
            if doc[o].lower_ not in ("of", "for"):
                return None
            # Back to the article that opens the role phrase ("to the head of", "A spokesman for"), no further.
            s = o
            while (
                s > floor
                and o - s < 4
                and doc[s].lower_ not in ("the", "a", "an")
                and (
                    doc[s - 1].lower_ in ("the", "a", "an")
                    or (doc[s - 1].is_alpha and doc[s - 1].is_lower)
                    or (doc[s - 1].is_title and doc[s - 1].lower_ in self.title_role_words)  # "the Emir of X, N"
                )
            ):
                s -= 1
            if doc[s].lower_ not in ("the", "a", "an") or (s > floor and doc[s - 1].text == ","):
                return None
            if doc[o].lower_ == "for" and doc[s].lower_ == "the":
                return None  # "the envoy for the region, N": a remit, not the body
            kind = self._kind(doc, s + 1, o, definite=doc[s].lower_ == "the")
            body = self._chain(doc, m, at_start)
            return None if kind is None or body is None else (kind, body, "roles.before_comma.of")
        # "[the] [X|X's|its|the agency's] [modifiers] ROLE ,"
        j = end
        while j > floor and end - j <= self.gaps["role_phrase"] and at_end.get(j) is None:
            t = doc[j - 1]
            if t.lower_ in ("the", "its", "their") or not (
                (t.is_alpha and t.is_lower) or t.lower_ in POSSESSIVE or tuple([t.lower_]) in self.role_phrases
            ):
                break
            j -= 1
        m = at_end.get(j)
        start = j
        if m is not None:
            start = m.start
            if m.label_ not in BODY_LABELS:
                return None
            phrase_start = j + 1 if j < end and doc[j].lower_ in POSSESSIVE else j
            rule = "roles.before_comma"
        else:
            phrase_start = j
            if j > floor and doc[j - 1].lower_ in ("its", "their"):
                m = self._by_head(doc, j - 1, doc[j - 1].lower_, mentions)
                start = j - 1
            elif j > floor and doc[j - 1].lower_ == "the" and any(t.lower_ in POSSESSIVE for t in doc[j:end]):
                # "the rebel movement's field commander, N": the possessor noun refers back.
                p = max(i for i in range(j, end) if doc[i].lower_ in POSSESSIVE)
                m = self._by_head(doc, j - 1, doc[p - 1].lower_, mentions) if p > j else None
                phrase_start, start = p + 1, j - 1
            elif j > floor and doc[j - 1].lower_ == "the":
                # "the acting army commander, Gen. N": a body noun in the phrase refers back.
                noun = next((t.lower_ for t in doc[j:end] if t.lower_ in self.body_heads), None)
                m = self._by_head(doc, j - 1, noun, mentions) if noun else None
                start = j - 1
            rule = "roles.before_comma.back_reference"
            if m is None:
                return None
        # The phrase opens a clause or follows a verb, never a list of names ("A, B leader, C").
        before = at_end.get(start - 1)
        if start > floor and doc[start - 1].text == "," and before is not None and before.label_ == "PERSON":
            return None
        definite = (start > floor and doc[start - 1].lower_ == "the") or any(
            t.lower_ in POSSESSIVE or t.lower_ in self.owner_pronouns for t in doc[start:phrase_start]
        )
        kind = self._kind(doc, phrase_start, end, definite=definite)
        if kind is None:
            return None
        return kind, m, rule

    def _after(self, doc: Doc, person: Span, at_start: dict, mentions: list[Span]) -> list:
        """ "N, head of the X's Y", "N, the AU envoy who heads X", "N, Rights Monitor's director for the Sahel",
        "N, who founded X"."""
        opens = self._role_clause_start(doc, person)
        if opens is None:
            return []
        ceiling = min(sentence_bounds(doc)[1][person.start], opens + self.gaps["apposition"])
        start = opens
        if start < ceiling and doc[start].lower_ == "who":
            if self._other_act(doc, start):
                return []  # "N, who met the head of X": the clause tells another act, the role is another's
            while start < ceiling and doc[start].lower_ in self.relative_skip:
                start += 1  # "N, who is now the brigade's chief": a relative clause of being
            if start < ceiling and doc[start].lower_ in self.hold_office["verbs"]:
                held = self._held_office(doc, start + 1, at_start, mentions)
                return [] if held is None else [held]
        if (
            start + 1 < ceiling
            and self.role_verbs.get(doc[start].lower_) == "leader"
            and doc[start + 1].lower_ in self.motion_particles
        ):
            return []  # "N heads to X's stronghold": a verb of motion, no role
        back = self._after_back_reference(doc, start, ceiling, mentions)
        if back is not None:
            return [back]
        if (
            self.role_verbs.get(doc[start].lower_) == "leader"
            and start + 3 < len(doc)
            and doc[start + 1].lower_ == "the"
            and doc[start + 2].lower_ in self.org_nouns
            and doc[start + 3].lower_ not in POSSESSIVE  # "commands the front's 2nd brigade" heads a part
            and not (
                doc[start + 3].is_alpha and doc[start + 3].is_lower and doc[start + 3].lower_ not in self.remit_preps
            )
        ):
            # "N founded the group in 2017": the organisation named before (guidelines §3.1)
            body = self._by_head(doc, start + 1, doc[start + 2].lower_, mentions)
            return [] if body is None else [("leader", body, "roles.after.back_reference")]
        found = []
        k = phrase = start  # past "who is (now)", "who serves as"
        named_part = False
        while k < ceiling:
            m = at_start.get(k)
            t = doc[k]
            if m is not None and m.label_ == "FIGURE" and k == phrase and all(self._indefinite(t) for t in m):
                k = m.end  # "A and B, two members of X": a count of the people named opens the phrase
                continue
            if (
                m is not None
                and m.end + 1 < ceiling
                and doc[m.end].text in ("-", "–")
                and doc[m.end + 1].lower_ in self.place_compounds
            ):
                k = m.end + 2  # "chief of the Lyon-based monitor X": the place only describes the body
                continue
            if (
                m is not None
                and m.label_ in ("GPE", "LOC")
                and m.end < ceiling
                and doc[m.end].lower_ in self.unit_nouns
            ):
                k = m.end  # "president of the Gao chapter of X": the place names the part, X is the body
                named_part = True
                continue
            if m is not None:
                if m.label_ not in BODY_LABELS:
                    # "spokesman for Machar's X": a person's possessive is only on the way.
                    if m.end < len(doc) and doc[m.end].lower_ in POSSESSIVE:
                        k = m.end + 1
                        continue
                    break
                after = m.end
                acronym = self._acronym_after(doc, after, at_start)
                if acronym is not None:
                    after = acronym.end + 1  # "the Coastal League (CL) special representative"
                owner_first = all(t.lower_ in self.owner_modifiers for t in doc[phrase : m.start])
                if owner_first:
                    # "N, the UN envoy", "N, HRW's senior researcher": the role follows the body.
                    stop = after
                    if stop < len(doc) and doc[stop].lower_ in POSSESSIVE:
                        stop += 1
                    role_end = stop
                    while role_end < ceiling and doc[role_end].lower_ not in self.remit_preps | {"who", "and"}:
                        inner = at_start.get(role_end)
                        if inner is not None and inner.label_ in ("GPE", "LOC", "NORP"):
                            role_end = inner.end  # "Rights Monitor's senior Norland researcher"
                        elif inner is None and doc[role_end].is_alpha:
                            role_end += 1
                        else:
                            break
                    if any(doc[i].lower_ in POSSESSIVE for i in range(stop, min(role_end + 1, len(doc)))):
                        break  # "N, the X leader's brother": the role is another person's
                    # "N, a Hamas commander" is one of its commanders; "N, the Hamas commander" leads (§2.5)
                    indefinite = any(self._indefinite(doc[i]) for i in range(phrase, m.start))
                    kind = self._kind(doc, stop, role_end, definite=not indefinite)
                    if kind is None:
                        if stop < len(doc) and doc[stop - 1].lower_ in POSSESSIVE and at_start.get(stop) is not None:
                            k = stop  # "the Houthis' council": the body is further on
                            continue
                        break
                    body = m
                    if kind.startswith("leader") and self._remit(doc, role_end, at_start):
                        kind = "member"  # "Rights Monitor's director for the Sahel" heads a part
                    found.append((kind, body, "roles.after.owner"))
                    k = phrase = role_end
                    if k < ceiling and doc[k].lower_ == "who":
                        k += 1
                        phrase = k
                        continue
                    second = at_start.get(k + 1) if k + 1 < ceiling and doc[k].lower_ == "and" else None
                    if second is not None and second.label_ in BODY_LABELS:
                        k = phrase = k + 1  # "N, X's prime minister and Y chairman": a second body's role
                        continue
                    break
                if m.start - phrase > self.gaps["role_phrase"] + 2:
                    break
                link = m.start - 2 if m.start - 1 > phrase and doc[m.start - 1].lower_ == "the" else m.start - 1
                if link >= phrase and doc[link].lower_ in self.topic_preps:
                    break  # "an expert on X", "who heads the inquiry into X": X is the topic
                if (
                    link > phrase
                    and doc[link].lower_ in self.place_link_preps
                    and m.label_ in ("GPE", "LOC")
                    and any(t.is_lower and t.lower_ not in ("of", "the", "a", "an") for t in doc[phrase:link])
                    and self._heads(doc, phrase, link)
                    and self._heads(doc, phrase, link)[-1][1] < link - 1
                ):
                    break  # "a leader of the protest movement in X": X is where, not what the person leads
                body = self._chain(doc, m, at_start)
                definite = not any(self._indefinite(doc[i]) for i in range(phrase, m.start))
                kind = self._kind(doc, phrase, m.start, definite=definite)
                if body is not None and kind is not None:
                    if kind.startswith("leader") and (
                        any(t.lower_ in self.unit_nouns for t in doc[phrase : m.start])  # "led a delegation of X"
                        or named_part
                        or self._remit(doc, body.end, at_start)
                        or self._unnamed_part(doc, body)
                        or (body.end < len(doc) and doc[body.end].lower_ in self.unit_nouns)
                    ):
                        # "director for Central Africa", "heads X's political wing", "leads X fighters": a part
                        kind = "member"
                    found.append((kind, body, "roles.after.of"))
                break
            if (
                t.lower_ == "and"
                and k + 1 < ceiling
                and (self._heads(doc, k + 1, k + 2) or doc[k + 1].lower_ in ("the", "a"))
            ):
                k += 1  # "the envoy and head of X": the last role names the body
                phrase = k
                continue
            if (
                t.lower_ == "of"
                and k + 3 < len(doc)
                and doc[k + 1].lower_ == "the"
                and doc[k + 2].lower_ in self.org_nouns
                and not doc[k + 3].is_alpha
            ):
                # "N, co-founder of the gang": the organisation named before.
                kind = self._kind(
                    doc, phrase, k, definite=not any(doc[i].lower_ in ("a", "an") for i in range(phrase, k))
                )
                body = self._by_head(doc, k + 1, doc[k + 2].lower_, mentions) if kind else None
                if kind is not None and body is not None:
                    found.append((kind, body, "roles.after.back_reference"))
                break
            if t.text == "," and k > phrase and doc[k - 1].lower_ in self.org_nouns:
                j = k + 2 if k + 1 < ceiling and doc[k + 1].lower_ == "the" else k + 1
                named = at_start.get(j)
                if named is not None and named.label_ == "ORG":
                    k = j  # "an envoy of the armed coalition, the X Front": the apposition names it
                    continue
            if not ((t.is_alpha and (t.is_lower or t.is_title)) or t.lower_ in self.role_skip or t.text in ("(", ")")):
                break
            k += 1
        return found

    def _held_office(self, doc: Doc, k: int, at_start: dict, mentions: list[Span]) -> tuple[str, Span, str] | None:
        """After "who holds": "the (rotating) chairmanship of X", "the bloc's rotating presidency",
        "X's chairmanship": the body whose office the person holds; None for any other object."""
        owner = None
        if k + 2 < len(doc) and doc[k].lower_ == "the" and doc[k + 2].lower_ in POSSESSIVE:
            owner = self._by_head(doc, k, doc[k + 1].lower_, mentions)  # "the bloc's": named before (§3.1)
            k += 3
        elif at_start.get(k) is not None and at_start[k].end < len(doc) and doc[at_start[k].end].lower_ in POSSESSIVE:
            owner = at_start[k]
            k = owner.end + 1
        elif k < len(doc) and doc[k].lower_ == "the":
            k += 1
        while k < len(doc) and (doc[k].lower_ in self.hold_office["modifiers"] or doc[k].text == "-"):
            k += 1
        if k >= len(doc) or doc[k].lower_ not in self.hold_office["offices"]:
            return None
        if owner is None and k + 2 < len(doc) and doc[k + 1].lower_ == "of":
            j = k + 3 if doc[k + 2].lower_ == "the" else k + 2
            owner = at_start.get(j)
        if owner is None or owner.label_ not in BODY_LABELS:
            return None
        return "leader", owner, "roles.after.holds"

    def _part_of_place(self, doc: Doc, place: Span) -> bool:
        """Whether a body of the place follows its name ("the Korvan district court", "Dorn police"):
        the role then leads that body, not the place."""
        k = place.end
        if k < len(doc) and doc[k].lower_ in self.place_nouns:
            k += 1
        if k < len(doc) and doc[k].lower_ in POSSESSIVE:
            # "the X region's (traffic) police": the possessive names a body of the place, past its modifiers
            k += 1
            while k + 1 < len(doc) and doc[k].lower_ not in self.place_part_nouns and doc[k + 1].is_lower:
                if not (doc[k].is_alpha and doc[k].is_lower) or k - place.end > 4:
                    return False
                k += 1
        return k < len(doc) and doc[k].lower_ in self.place_part_nouns

    def _other_act(self, doc: Doc, who: int) -> bool:
        """Whether the relative clause opening at "who" tells an act of the person ("who met", "who
        replaced") rather than a role ("who is", "who serves as", "who heads")."""
        if who + 1 >= len(doc):
            return True
        opener = doc[who + 1]
        if opener.lower_ in self.relative_skip or not (opener.is_alpha and opener.is_lower):
            return False
        if opener.lower_ in self.hold_office["verbs"]:
            return False  # "who holds the chairmanship of X": read by _held_office
        if self.role_verbs.get(opener.lower_) == "leader":
            return who + 2 < len(doc) and doc[who + 2].lower_ in self.motion_particles
        return opener.lower_ not in self.role_verbs

    def _role_clause_start(self, doc: Doc, person: Span) -> int | None:
        """Where the role said of a person opens: after the comma of an apposition ("N, head of X"), or at
        a verb of leading right after the name or past an age ("N heads X", "N, 56, founded X"), read
        like the relative clause "N, who heads X" (guidelines §2.5)."""
        k = person.end
        if k >= len(doc):
            return None
        if self.role_verbs.get(doc[k].lower_) == "leader":
            return k
        if doc[k].text != ",":
            return None
        if k + 3 < len(doc) and doc[k + 1].like_num and doc[k + 2].text == ",":
            return k + 3 if self.role_verbs.get(doc[k + 3].lower_) == "leader" else None
        # "N, a former army officer, founded X": past an apposition that names no body
        close = next((j for j in range(k + 2, min(len(doc), k + 10)) if doc[j].text == ","), None)
        if (
            close is not None
            and close + 1 < len(doc)
            and self.role_verbs.get(doc[close + 1].lower_) == "leader"
            and all((t.is_alpha and t.is_lower) or t.text == "-" for t in doc[k + 1 : close])
        ):
            return close + 1
        return k + 1

    def _after_back_reference(self, doc: Doc, k: int, ceiling: int, mentions: list[Span]):
        """ "N, the group's senior researcher", "N, its spokesman": the owner named earlier."""
        if k + 2 >= ceiling:
            return None
        if doc[k].lower_ in self.owner_pronouns:
            noun, start = doc[k].lower_, k + 1
        elif doc[k].lower_ == "the" and doc[k + 2].lower_ in POSSESSIVE:
            noun, start = doc[k + 1].lower_, k + 3
        else:
            return None
        end = start
        while end < ceiling and (doc[end].is_alpha or doc[end].text == "-"):
            end += 1
        kind = self._kind(doc, start, end, definite=True)
        m = self._by_head(doc, k, noun, mentions) if kind is not None else None
        return None if m is None else (kind, m, "roles.after.back_reference")

    def _of_body(self, doc: Doc, person: Span, at_start: dict):
        """ "N of the opposition X party", "Maj. N of the army's press office": a member."""
        k = person.end
        if k + 1 >= len(doc) or doc[k].lower_ != "of":
            return None
        k += 1
        while k < len(doc) and k - person.end <= 5:
            nationality = at_start.get(k)
            if nationality is not None and nationality.label_ == "NORP":
                k = nationality.end  # "N of the Trinidadian group X": a nationality describes the body
                continue
            if nationality is not None:
                break
            adjective = doc[k].is_title and k + 1 < len(doc) and doc[k + 1].is_lower and doc[k + 1].is_alpha
            if not (doc[k].is_lower and doc[k].is_alpha) and doc[k].lower_ not in POSSESSIVE and not adjective:
                return None
            k += 1
        m = at_start.get(k)
        if m is not None and m.label_ == "GPE" and k == person.end + 1:
            # "President N of Niger": a title that leads a place, tied to the state named after the name
            title = self._title_before(doc, person)
            kind = self._kind(doc, title, person.start, definite=True) if title < person.start else None
            if kind is not None and kind.startswith("leader") and kind.endswith("+place"):
                return kind, m, "roles.title_of"
            return None
        if m is None or m.label_ != "ORG":
            return None
        body = self._chain(doc, m, at_start)
        return None if body is None else ("member", body, "roles.of_body")

    def _appointed(self, doc: Doc, person: Span, at_start: dict):
        """ "N was appointed head of the X", "N, who was elected president of Y": the role given."""
        ceiling = min(sentence_bounds(doc)[1][person.start], person.end + self.gaps["role_phrase"] + 8)
        k = person.end + 1 if person.end < len(doc) and doc[person.end].text == "," else person.end
        while k < ceiling and doc[k].lower_ in self.appointed_aux:
            k += 1
        if k >= ceiling or k == person.end or doc[k].lower_ not in self.appointed_verbs:
            return None
        k += 1
        if k < ceiling and doc[k].lower_ == "in":
            k += 1  # "sworn in as"
        while k < ceiling and doc[k].lower_ in self.appointed_skip:
            k += 1
        start = k
        while k < ceiling and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ != "of":
            k += 1
        if k + 1 >= ceiling or doc[k].lower_ != "of" or k == start:
            return None
        kind = self._kind(doc, start, k, definite=True)
        j = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        body = at_start.get(j)
        if kind is None or body is None or body.label_ not in BODY_LABELS:
            return None
        return kind, self._chain(doc, body, at_start) or body, "roles.appointed"

    def _title_before(self, doc: Doc, person: Span) -> int:
        """Where the capitalised title right before a name starts ("Prime Minister N"): the name's
        start when none stands there."""
        k = person.start
        floor = self._floor(doc, person)
        while k > floor and doc[k - 1].is_title and doc[k - 1].lower_ in self.role_words:
            k -= 1
        return k

    def _led_by(self, doc: Doc, person: Span, at_end: dict, mentions: list[Span]):
        """ "X, led by Gen. N", "X, a coalition led by N", "the X militia under Gen. N", "the X of Gen. N"."""
        floor = self._floor(doc, person)
        k = person.start
        while k > floor and doc[k - 1].lower_ in self.honorifics:
            k -= 1
        if k > floor + 1 and k < person.start and doc[k - 1].lower_ in ("under", "of"):
            k -= 1  # a rank after "under" or "of" marks a commander, not a place or a thing
        else:
            j = k
            while j > floor and k - j < 4 and (doc[j - 1].is_lower or doc[j - 1].lower_ in self.title_role_words):
                if doc[j - 1].lower_ == "by":
                    break
                j -= 1
            if j - 2 < floor or doc[j - 1].lower_ != "by" or doc[j - 2].lower_ not in self.led_by:
                return None
            k = j - 2
        while k > floor and at_end.get(k) is None and doc[k - 1].lower_ in self.led_by_skip | {",", ")", "("}:
            k -= 1
        m = at_end.get(k)
        if m is None and k > floor:
            m = self._acronym_before(doc, k, at_end)
        if m is None and k - 2 >= floor and doc[k - 1].lower_ in self.body_heads and doc[k - 2].lower_ == "the":
            m = self._by_head(doc, k - 2, doc[k - 1].lower_, mentions)  # "the brigade, commanded by Col. N"
        if m is None or m.label_ != "ORG":
            return None
        return "leader", m, "roles.led_by"

    def _roles(self, doc: Doc, mentions: list[Span], links: list[RoleLink], at_start: dict, at_end: dict, add) -> None:
        """Role relations of every person mention; a role link's own body where nothing else is found."""
        linked = {(link.person.start, link.person.end): link for link in links}
        previous: tuple[Span, list] | None = None
        people: list[tuple[Span, list]] = []
        for person in mentions:
            if person.label_ != "PERSON":
                continue
            found = self._role_of(doc, person, mentions, at_start, at_end)
            if not found and previous is not None and self._shares_plural_role(doc, previous, person):
                found = previous[1]  # "two of its officers, A and B": B holds the role too
            previous = (person, found)
            link = linked.get((person.start, person.end))
            who = person.end + 1
            other_act = (
                who < len(doc)
                and doc[who].lower_ == "who"
                and (
                    self._other_act(doc, who)
                    or (
                        who + 1 < len(doc)
                        and doc[who + 1].lower_ in self.hold_office["verbs"]
                        and self._held_office(doc, who + 2, at_start, mentions) is None
                    )
                )
            )
            if (
                not found
                and not other_act
                and link is not None
                and link.org is not None
                and link.kind in ("leader", "member")
            ):
                found = [(link.kind, self._chain(doc, link.org, at_start), f"roles.{link.kind}")]
            people.append((person, [f for f in found if f[1] is not None]))
        for person, found in self._coordinated_roles(doc, people, at_end):
            for kind, body, rule in found:
                kind, _, place = kind.partition("+")
                if body.label_ == "GPE" and (not place or self._part_of_place(doc, body)):
                    continue  # "Sinaloa's secretary general", "Turkey's intelligence chief": no tie to the state
                add("LEADER_OF" if kind == "leader" or body.label_ == "GPE" else "MEMBER_OF", person, body, rule)

    def _coordinated_roles(self, doc: Doc, people: list[tuple[Span, list]], at_end: dict) -> list[tuple[Span, list]]:
        """Each person with its roles, a role shared along coordinated people ("A and B", "A, B and C"):
        forward from a plural role before the first ("X commanders A and B"), backward from a plural
        role or an "of" phrase after the last ("A and B, two members of X", "A and B of X")."""
        out = [(person, list(found)) for person, found in people]
        pairs = [i for i in range(len(out) - 1) if self._coordinated_pair(doc, out[i][0], out[i + 1][0], at_end)]
        for i in pairs:
            (a, fa), (b, fb) = out[i], out[i + 1]
            if fa and not fb and self._plural_before(doc, a, fa):
                out[i + 1] = (b, fa)
        for i in reversed(pairs):
            (a, fa), (b, fb) = out[i], out[i + 1]
            if fb and not fa and self._plural_after(doc, b, fb):
                out[i] = (a, fb)
        return out

    def _coordinated_pair(self, doc: Doc, a: Span, b: Span, at_end: dict) -> bool:
        """Whether b is coordinated right after a ("A and Maj. B", "A, B"), past b's titles."""
        k = b.start
        while k > a.end and (doc[k - 1].lower_ in self.role_words or doc[k - 1].text in (".", "-")):
            k -= 1
        if k >= 2 and doc[k - 1].lower_ == "and" and doc[k - 2].text == ",":
            k -= 1  # "A, B, and C"
        return k >= 1 and doc[k - 1].lower_ in ("and", ",") and at_end.get(k - 1) == a

    def _plural_before(self, doc: Doc, first: Span, found: list) -> bool:
        """ "X commanders Col. A and ...", "X's leaders, A and ...": a plural role word before the first
        person, past its titles (and a comma)."""
        if not all(rule.startswith("roles.before") for _, _, rule in found):
            return False
        k = first.start
        while k > 0 and (doc[k - 1].lower_ in self.role_skip or doc[k - 1].text in (".", ",")):
            k -= 1
        return k > 0 and doc[k - 1].is_lower and doc[k - 1].lower_ in self.plural_roles

    def _plural_after(self, doc: Doc, last: Span, found: list) -> bool:
        """ "..., B of the X", "..., B, two (senior) members of X": an "of" phrase or a plural role
        after the last person."""
        if all(rule == "roles.of_body" for _, _, rule in found):
            return True
        if not all(rule.startswith("roles.after") for _, _, rule in found):
            return False
        ceiling = min(len(doc), last.end + 6)
        return any(doc[k].lower_ in self.plural_roles for k in range(last.end + 1, ceiling))

    @staticmethod
    def _shares_plural_role(doc: Doc, previous: tuple[Span, list], person: Span) -> bool:
        """Whether ``person`` is coordinated with the previous person ("A and B", "A, B") after a
        plural role phrase in apposition before the first ("its officers, A and B")."""
        first, found = previous
        if not found or not all(rule.startswith("roles.before_comma") for _, _, rule in found):
            return False
        if person.start != first.end + 1 or doc[first.end].lower_ not in ("and", ","):
            return False
        k = first.start
        while k > 0 and not doc[k - 1].is_punct:
            k -= 1  # past the first person's honorifics to the comma that closes the role phrase
        role = doc[k - 2] if k >= 2 else None
        return role is not None and doc[k - 1].text == "," and role.is_lower and role.lower_.endswith("s")

    def _role_of(self, doc: Doc, person: Span, mentions: list[Span], at_start: dict, at_end: dict) -> list:
        """(kind, body, rule) of the first place where a role of the person stands."""
        for found in (
            [self._before(doc, person, at_end, mentions)],
            [self._before_comma(doc, person, at_end, at_start, mentions)],
            [self._whose(doc, person, at_end)],
        ):
            if found[0] is not None:
                return found
        after = self._after(doc, person, at_start, mentions)
        if after:
            return after
        for one in (
            self._appointed(doc, person, at_start),
            self._of_body(doc, person, at_start),
            self._led_by(doc, person, at_end, mentions),
            self._state_list(doc, person, at_start, at_end),
            self._bare_title(doc, person, at_end, mentions),
            self._delegation_member(doc, person, at_end),
            self._described_as(doc, person, at_start, mentions),
        ):
            if one is not None:
                return [one]
        return []

    def _described_as(
        self, doc: Doc, person: Span, at_start: dict, mentions: list[Span]
    ) -> tuple[str, Span, str] | None:
        """ "N, whom X regards as its second-in-command" (X's member), "N, whom the army names as
        the amir of Y" (Y's leader): the role a speaker gives the person (see roles.json described_as)."""
        k = person.end + 1 if person.end < len(doc) and doc[person.end].text == "," else person.end
        if k >= len(doc) or doc[k].lower_ not in self.described_pronouns:
            return None
        ceiling = min(sentence_bounds(doc)[1][person.start], k + 1 + self.described["gap"])
        verb = next((i for i in range(k + 1, ceiling) if doc[i].lower_ in self.described_verbs), None)
        if verb is None or verb + 2 >= len(doc) or doc[verb + 1].lower_ != "as":
            return None
        speaker = next((m for m in mentions if k < m.start and m.end <= verb and m.label_ == "ORG"), None)
        start = verb + 2
        end = start
        while (
            end < len(doc) and end - start <= self.gaps["role_phrase"] and (doc[end].is_alpha or doc[end].text == "-")
        ):
            if doc[end].lower_ == "of" or at_start.get(end) is not None:
                break
            end += 1
        owner = doc[start].lower_ in self.owner_pronouns
        kind = self._kind(doc, start + 1 if owner else start, end, definite=doc[start].lower_ != "a")
        if kind is None:
            return None
        if owner:
            body = speaker
        elif end + 1 < len(doc) and doc[end].lower_ == "of":
            named = at_start.get(end + 2 if doc[end + 1].lower_ == "the" else end + 1)
            body = self._chain(doc, named, at_start) if named is not None else None
        else:
            body = None
        if body is None or body.label_ not in BODY_LABELS:
            return None
        return kind.split("+")[0], body, "roles.described_as"

    def _delegation_member(self, doc: Doc, person: Span, at_end: dict) -> tuple[str, Span, str] | None:
        """ "the X's (peace) delegation, A and B": the people named in apposition to a body's delegation
        are its members (guidelines §2.5, implied membership: a possessive states the tie)."""
        k = person.start
        floor = sentence_bounds(doc)[0][person.start]
        while k > floor and person.start - k <= self.gaps["meet_people"]:
            prev = at_end.get(k)
            if prev is not None and prev.label_ == "PERSON":
                k = prev.start
                continue
            t = doc[k - 1]
            if t.lower_ in self.delegation_nouns and k < person.start and doc[k].text == ",":
                break
            if not (t.lower_ in ("and", ",") or t.lower_ in self.honorifics or t.lower_ in self.title_role_words):
                return None
            k -= 1
        else:
            return None
        e = k - 2  # the word before the delegation noun
        while e > floor and k - 1 - e <= 2 and doc[e].lower_ not in POSSESSIVE and doc[e].is_alpha:
            e -= 1  # "the X's peace delegation"
        body = at_end.get(e) if doc[e].lower_ in POSSESSIVE else None
        return ("member", body, "roles.delegation") if body is not None and body.label_ == "ORG" else None

    def _bare_title(self, doc: Doc, person: Span, at_end: dict, mentions: list[Span]):
        """ "President N said his country would quit the bloc and that Niger ...": a bare title that
        leads a place is tied to the one state its sentence names, only through "his country" and the
        like (guidelines §2.5); a sentence that names no such tie, or more than one state, gives none."""
        title = self._title_before(doc, person)
        if title == person.start or at_end.get(title) is not None or doc[title - 1].lower_ in POSSESSIVE:
            return None
        kind = self._kind(doc, title, person.start, definite=True)
        if kind is None or not kind.startswith("leader") or not kind.endswith("+place"):
            return None
        hi = sentence_bounds(doc)[1][person.start]
        words = [t.lower_ for t in doc[person.end : hi]]
        if not any(tuple(words[i : i + len(tie)]) == tie for tie in self.bare_title_ties for i in range(len(words))):
            return None
        # the states named after the person: a dateline or a place of the scene before the name ties nothing
        places = [m for m in mentions if m.label_ == "GPE" and person.end <= m.start < hi]
        if len({m.text for m in places}) != 1:
            return None
        return kind, places[0], "roles.bare_title"

    def _state_possessor(self, doc: Doc, person: Span, at_end: dict) -> Span | None:
        if person.start < 2 or doc[person.start - 1].lower_ not in ("'s", "’s"):
            return None
        state = at_end.get(person.start - 1)
        return state if state is not None and state.label_ == "GPE" else None

    def _state_list(self, doc: Doc, person: Span, at_start: dict, at_end: dict):
        """ "hosted Mali's A, Chad's B and Niger's C": people listed by their states are the states'
        leaders (a summit's guest list); one "Chad's A" alone may be any official."""
        state = self._state_possessor(doc, person, at_end)
        if state is None:
            return None
        lo, hi = sentence_bounds(doc)[0][person.start], sentence_bounds(doc)[1][person.start]
        listed = [
            k
            for k in range(lo + 1, hi - 1)
            if k + 1 != person.start
            and doc[k].lower_ in ("'s", "’s")
            and getattr(at_end.get(k), "label_", None) == "GPE"
            and getattr(at_start.get(k + 1), "label_", None) == "PERSON"
        ]
        if not listed:
            return None
        before = sentence_bounds(doc)[0][lo - 1] if lo > 0 else lo
        words = " ".join(t.lower_ for t in doc[before:hi])
        hosted = len(listed) >= 2 and any(t.lower_ in self.state_list_hosts for t in doc[lo:hi])
        if not hosted and not any(f" {cue} " in f" {words} " for cue in self.state_list_cues):
            return None  # "Russia's A met Iran's B": any officials, not a summit of leaders
        return "leader+place", state, "roles.state_list"

    # -- parts of a body ---------------------------------------------------------------------
    def _parts(self, doc: Doc, mentions: list[Span], at_start: dict, at_end: dict, add) -> None:
        """ "Radio Dawn, the Front's news outlet", "NLM, the Movement's branch in the south" (an
        apposition naming the part of a body, guidelines §2.5), and "the alliance comprises A,
        B and C" (its members, guidelines §3)."""
        for m in mentions:
            if m.label_ != "ORG":
                continue
            s = m.start
            if s >= 3 and doc[s - 1].lower_ in POSSESSIVE and doc[s - 3].lower_ == "the" and at_end.get(s - 1) is None:
                # "the mission's Civil Affairs Office", "the army's press office": the owner named before.
                noun = doc[s - 2].lower_
                if noun in self.org_nouns or noun in self.body_synonyms:
                    add("PART_OF", m, self._by_head(doc, s - 3, noun, mentions), "roles.part_possessive")
            owner = self._part_of_pronoun(doc, m, mentions)
            if owner is not None:
                add("PART_OF", m, owner, "roles.part_pronoun")
            add("PART_OF", m, self._named_part_before(doc, m, at_start, at_end, mentions), "roles.part_before")
            add("PART_OF", m, self._unit_of(doc, m, at_start, at_end), "roles.unit_of")
            bracketed = m.start > 0 and doc[m.start - 1].text == "(" and m.end < len(doc) and doc[m.end].text == ")"
            k = m.end + 1 if bracketed else m.end
            if self._acronym_after(doc, k, at_start) is not None:
                continue  # "Popular Guard (PG), the Council's armed wing": the acronym, nearer (§3.1)
            if k + 3 >= len(doc) or doc[k].text != ",":
                continue
            j = k + 2 if doc[k + 1].lower_ == "the" else k + 1
            whole = at_start.get(j)
            if (
                whole is None
                or whole.label_ != "ORG"
                or whole.end >= len(doc)
                or doc[whole.end].lower_ not in POSSESSIVE
            ):
                continue
            e = whole.end + 1
            while e < len(doc) and e - whole.end <= 6 and self._part_modifier(doc, e, at_start):
                if doc[e].lower_ in self.part_apposition:
                    add("PART_OF", m, whole, "roles.part_apposition")
                    break
                e += 1
        include_heads = frozenset(self.words["part_include"]["heads"])
        for start, end in self._made_of(doc):
            whole = self._body_before(doc, start, mentions)
            if (
                whole is not None
                and doc[end - 1].lower_ in self.words["part_include"]["verbs"]
                and doc[whole.end - 1].lower_ not in include_heads
            ):
                continue  # "the X Party included Y in its list": only an alliance or front includes members
            k = end
            while k < sentence_bounds(doc)[1][start]:
                part = at_start.get(k)
                if part is not None and part.label_ == "ORG":
                    add("PART_OF", part, whole, "roles.made_of")
                    acronym = self._acronym_after(doc, part.end, at_start)
                    k = acronym.end + 1 if acronym is not None else part.end
                    continue
                if doc[k].lower_ not in (",", "and", "the"):
                    break
                k += 1

    def _part_modifier(self, doc: Doc, e: int, at_start: dict) -> bool:
        """A word of the noun phrase between a possessive and its part noun: a lower-case word, or a
        compound modifier ("Mali-based", "the group's Korvan-based affiliate") or a nationality
        or a place ("its Tunisian branch", "the group's Korvan branch": a NORP mention or a capitalised
        word no mention starts), which name no other party."""
        t = doc[e]
        if t.is_lower and t.is_alpha:
            return True
        if t.text in ("-", "–"):
            return True
        if e + 1 < len(doc) and doc[e + 1].text in ("-", "–") and not t.whitespace_:
            return True  # the first word of a hyphenated modifier
        nationality = at_start.get(e)
        if nationality is not None:
            return nationality.label_ == "NORP"
        return t.is_title and t.is_alpha

    def _unit_of(self, doc: Doc, m: Span, at_start: dict, at_end: dict) -> Span | None:
        """ "the 7th Division of the X Army", "the Border Service of Y's Security Service": a named unit
        followed by "of" and a named body (past a state's possessive) is part of that body."""
        if doc[m.end - 1].lower_ not in self.unit_heads or m.end + 1 >= len(doc) or doc[m.end].lower_ != "of":
            return None
        k = m.end + 1
        if doc[k].lower_ == "the":
            k += 1
        whole = at_start.get(k)
        if whole is not None and whole.label_ == "GPE" and whole.end < len(doc) and doc[whole.end].lower_ in POSSESSIVE:
            whole = at_start.get(whole.end + 1)  # "of Y's Security Service": the state owns the whole
        return whole if whole is not None and whole.label_ == "ORG" else None

    def _named_part_before(self, doc: Doc, m: Span, at_start: dict, at_end: dict, mentions: list[Span]) -> Span | None:
        """The body a part phrase just before m names as its whole (guidelines §2.5): "the group's
        Tunisian branch, M" (an apposition before the name: the owner of the possessive, a nominal
        owner naming the nearest earlier body of its kind) and "the X faction M", "an X affiliate, M"
        (the whole named as the premodifier of the part noun)."""
        k = m.start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        comma = k >= 0 and doc[k].text == ","
        if comma:
            k -= 1
        if k < 1 or doc[k].lower_ not in self.part_apposition:
            return None
        e = k - 1
        while e >= 0 and k - e <= 4 and doc[e].lower_ not in POSSESSIVE:
            named = at_end.get(e + 1)
            if named is not None and named.label_ != "NORP":
                break
            if named is not None:
                e = named.start - 1  # "its Tunisian branch": a nationality is a modifier
                continue
            if not self._part_modifier(doc, e, at_start) or doc[e].lower_ in ("the", "a", "an"):
                return None
            e -= 1
        whole = at_end.get(e + 1)
        if whole is not None and whole.label_ == "ORG":
            # "the X faction M": a premodifying name, the whole of the part; "the X's branch" below
            det = whole.start - 1
            return whole if det >= 0 and doc[det].lower_ in ("the", "a", "an") and whole != m else None
        if e < 1 or doc[e].lower_ not in POSSESSIVE or not comma:
            return None
        owner = at_end.get(e)
        if owner is not None:
            return owner if owner.label_ == "ORG" and owner != m else None
        if e >= 2 and doc[e - 2].lower_ == "the" and doc[e - 1].is_lower:
            noun = doc[e - 1].lower_
            if noun in self.org_nouns or noun in self.body_synonyms:
                found = self._by_head(doc, e - 2, noun, mentions)
                return found if found is not None and found != m else None
        return None

    def _part_of_pronoun(self, doc: Doc, m: Span, mentions: list[Span]) -> Span | None:
        """ "X spoke via its Z news outlet", "its armed wing, the Y Brigades": a body an
        owner pronoun introduces with a noun of a part is PART_OF the owner (guidelines §2.5)."""
        p = m.start - 1
        while p >= 0 and m.start - p <= 4 and ((doc[p].is_lower and doc[p].is_alpha) or doc[p].text == ","):
            if doc[p].lower_ in self.owner_pronouns:
                break
            p -= 1
        if p < 0 or doc[p].lower_ not in self.owner_pronouns or (p > 0 and doc[p - 1].is_sent_start):
            return None
        words = [t.lower_ for t in doc[p + 1 : m.start]] + [t.lower_ for t in doc[m.end : m.end + 2] if t.is_lower]
        if not any(w in self.part_apposition for w in words):
            return None
        # "its" in the main clause names the sentence's subject: an organisation opening the sentence,
        # not the nearest one ("X, an offshoot of Y, claimed it through its outlet Z": X).
        floor = sentence_bounds(doc)[0][p]
        j = floor
        while j < p and (doc[j].is_space or doc[j].lower_ == "the"):
            j += 1
        owner = next((o for o in mentions if o.start == j and o.label_ == "ORG"), None)
        if owner is not None:
            # "X (XA), ..., through its outlet Z": of a name and its acronym, the one nearer Z (§3.1)
            acronym = self._acronym_after(doc, owner.end, {o.start: o for o in mentions})
            owner = acronym if acronym is not None and acronym.label_ == "ORG" else owner
        return owner if owner is not None and owner != m else None

    def _made_of(self, doc: Doc):
        lowers = token_view(doc).lowers
        firsts = {phrase[0] for phrase in self.made_of}
        # Most tokens start no phrase: test the first word before comparing a whole phrase.
        for k in (k for k, word in enumerate(lowers) if word in firsts):
            for phrase in self.made_of:
                n = len(phrase)
                if k + n < len(lowers) and tuple(lowers[k : k + n]) == phrase:
                    yield k, k + n

    def _body_before(self, doc: Doc, k: int, mentions: list[Span]) -> Span | None:
        """The subject of "X is made up of": a named body, or "the alliance" naming the last one."""
        at_end = {m.end: m for m in mentions}
        j = k
        while j > 0 and doc[j - 1].lower_ in ("is", "was", "are", "were", "which", ","):
            j -= 1
        named = at_end.get(j)
        if named is not None:
            return named if named.label_ == "ORG" else None
        if j >= 2 and doc[j - 2].lower_ == "the" and doc[j - 1].lower_ in self.org_nouns:
            return self._by_head(doc, j - 2, doc[j - 1].lower_, mentions)
        return None
