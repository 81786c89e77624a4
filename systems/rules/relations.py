"""Relations from trigger words between mentions of one sentence.

Each pattern is a trigger list in ``data/relations.json`` plus where its arguments stand:

* subject-verb-object (meet, ally, conflict, control): the subject is the mention just left of
  the trigger (auxiliaries and adverbs skipped, coordinated subjects "A and B" expanded), the
  object the mention just right of it (determiners skipped);
* compounds "A-B war" (conflict), "A-run B" (control), "A-backed B" (alliance);
* nouns: "A attack on B" (conflict), "A, the armed wing of B" (part of), "A and its ally B";
* figures: the nearest place after "in/across/..." (LOCATED_IN) and the source of a reporting
  verb ("X has reported that 52 ...", "..., according to X") (REPORTED_BY);
* roles found with people ("Hezbollah leader N", "Reuters journalist N") give LEADER_OF / MEMBER_OF.

A definite nominal such as "the militant group" refers back to the nearest earlier organisation.
Argument labels are checked against the schema, so a pattern never emits a disallowed relation.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from bench.core.schema import RELATION_TYPES

from .entities import DATA, RoleLink, load_json, sentence_bounds
from .figures import Figure

ORG_OR_GPE = {"ORG", "GPE"}


class RelationFinder:
    def __init__(self, nlp: Language, data_dir: Path = DATA):
        self.words = load_json("relations.json", data_dir)
        roles = load_json("roles.json", data_dir)
        vocab = load_json("entities.json", data_dir)
        self.role_words = {
            w for kind in ("leader", "member", "honorific") for p in roles[kind] for w in p.lower().split()
        }
        self.group_nouns = {w for p in vocab["group_nouns"] for w in p.split()}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key in (
            "meet",
            "ally_verb",
            "ally_noun",
            "conflict_verb",
            "conflict_noun",
            "control_passive",
            "control_active",
            "part_nouns",
            "report_verbs",
            "ally_passive",
            "ceasefire_nouns",
        ):
            self.matcher.add(key, [nlp.make_doc(p) for p in self.words[key]])
        self.suffix = {
            "ALLIED_WITH": set(self.words["backed_suffix"]),
            "CONTROLS": set(self.words["control_suffix"]),
            "IN_CONFLICT_WITH": set(self.words["conflict_compound"]),
        }
        self.place_preps = set(self.words["place_preps"])
        # The argument grammar: which words a search for an argument passes over, and how many.
        self.skip_left = frozenset(self.words["skip_left"])
        self.skip_right = frozenset(self.words["skip_right"])
        self.place_skip = frozenset(self.words["place_skip"])
        self.ally_noun_skip = frozenset(self.words["ally_noun_skip"])
        self.gaps: dict[str, int] = self.words["gaps"]
        self.conflict_noun_preps = frozenset(self.words["conflict_noun_preps"])
        self.ceasefire_verbs = frozenset(self.words["ceasefire_verbs"])
        self.state_body_heads = frozenset(self.words["state_body_heads"])
        self.territory_designators = frozenset(self.words["territory_designators"])
        self.place_chain_words = (
            frozenset(self.words["place_chain"])
            | self.place_skip
            | self.territory_designators
            | {"provinces", "regions"}
        )
        self.place_chain_after = (
            self.place_preps
            | self.territory_designators
            | {
                "and",
                "provinces",
                "regions",
                "states",
                "including",
            }
        )
        self.source_skip = self.skip_left | frozenset(self.words["source_nouns"])
        self.comma_skip = self.skip_left | {","}
        self.meet_skip = self.comma_skip | frozenset(self.words["meet_skip"])
        self.role_nouns = frozenset(w for kind in ("leader", "member") for p in roles[kind] for w in p.lower().split())
        self.role_skip = frozenset({"'s", "’s", "-"}) | {h.lower() for h in roles["honorific"]}

    # -- locating arguments ---------------------------------------------------------------
    def _left(self, doc: Doc, k: int, at_end: dict, labels: set[str], skip=None, gap: int | None = None) -> Span | None:
        skip = self.skip_left if skip is None else skip
        gap = self.gaps["left"] if gap is None else gap
        floor = sentence_bounds(doc)[0][min(k, len(doc) - 1)]
        steps = 0
        while k > floor and steps <= gap:
            m = at_end.get(k)
            if m is not None:
                return m if m.label_ in labels else None
            if doc[k - 1].lower_ not in skip:
                return None
            k -= 1
            steps += 1
        return None

    def _right(
        self, doc: Doc, k: int, at_start: dict, labels: set[str], skip=None, gap: int | None = None
    ) -> Span | None:
        skip = self.skip_right if skip is None else skip
        gap = self.gaps["right"] if gap is None else gap
        ceiling = sentence_bounds(doc)[1][k - 1] if k > 0 else len(doc)
        steps = 0
        while k < ceiling and steps <= gap:
            m = at_start.get(k)
            if m is not None:
                return m if m.label_ in labels else None
            if doc[k].lower_ not in skip:
                return None
            k += 1
            steps += 1
        return None

    def _coordinated(self, doc: Doc, first: Span, at_end: dict) -> list[Span]:
        """ "A, B and C" to the left of (and including) ``first``."""
        out, cur = [first], first
        while cur.start >= 2 and doc[cur.start - 1].lower_ in ("and", ","):
            prev = at_end.get(cur.start - 1)
            if prev is None or prev.label_ != first.label_:
                break
            out.append(prev)
            cur = prev
        return out

    def _nominal(self, doc: Doc, k: int, mentions: list[Span], exclude: Span | None) -> Span | None:
        """ "the (Lebanese) group" at token k -> the nearest earlier ORG mention other than ``exclude``."""
        if k >= len(doc) or doc[k].lower_ != "the":
            return None
        j = k + 1
        while j < len(doc) and j - k <= 3 and doc[j].lower_ not in self.group_nouns:
            if doc[j].is_punct:
                return None
            j += 1
        if j >= len(doc) or doc[j].lower_ not in self.group_nouns:
            return None
        return self._referent(doc, k, mentions, exclude)

    def _referent(self, doc: Doc, k: int, mentions: list[Span], exclude: Span | None) -> Span | None:
        """The nearest ORG mention before token k, in its sentence or the one before (guidelines §3.1)."""
        starts = sentence_bounds(doc)[0]
        prev_sent_start = starts[k]
        if prev_sent_start > 0:
            prev_sent_start = starts[prev_sent_start - 1]
        for m in reversed(mentions):
            if m.end <= k and m.start >= prev_sent_start and m.label_ == "ORG" and m != exclude:
                return m
        return None

    def _possessor(self, doc: Doc, k: int, at_end: dict) -> Span | None:
        """ "the army's week-long push": the mention before a possessive marker a few modifiers left of k."""
        for j in range(k - 1, max(0, k - 5), -1):
            if doc[j].lower_ in ("'s", "’s", "’", "'"):
                return at_end.get(j)
            if not (doc[j].is_lower or doc[j].like_num or doc[j].text == "-"):
                return None
        return None

    def _between(self, doc: Doc, k: int, at_start: dict) -> tuple[Span | None, Span | None]:
        """ "war between (the) A and (the) B", past an apposition after A ("A, led by N, and B")."""
        j = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        a = at_start.get(j)
        if a is None or a.label_ not in ORG_OR_GPE:
            return None, None
        ceiling = min(sentence_bounds(doc)[1][k], a.end + self.gaps["apposition"])
        for i in range(a.end, ceiling):
            if doc[i].lower_ == "and":
                b = self._right(doc, i + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
                if b is not None or i == a.end:
                    return a, b
        return a, None

    def _ceasefire(self, doc: Doc, start: int, end: int, at_start: dict, at_end: dict, add) -> None:
        """A truce states the fighting it ends: "ceasefire between A and B", "A and B agreed a truce"."""
        if end + 3 < len(doc) and doc[end].lower_ == "between":
            a, b = self._between(doc, end, at_start)
            add("IN_CONFLICT_WITH", a, b, "relations.ceasefire.between")
            return
        floor = max(sentence_bounds(doc)[0][start], start - self.gaps["ceasefire"])
        agreed = [k for k in range(floor, start) if doc[k].lower_ in self.ceasefire_verbs]
        if not agreed:
            return  # mediators "brokered" or "called for" a truce; only the parties agree to one
        second = self._left(doc, agreed[0], at_end, ORG_OR_GPE, gap=1)
        if second is not None and second.start >= 2 and doc[second.start - 1].lower_ == "and":
            add("IN_CONFLICT_WITH", at_end.get(second.start - 1), second, "relations.ceasefire.parties")

    def _possessives(self, doc: Doc, mentions: list[Span], at_start: dict, add) -> None:
        """ "Sudan's army" (a state controls its body), "Syria's Idlib province" (its territory),
        "the Houthis' political council" (a group's body is part of it); guidelines §2.3 and §2.5."""
        for m in mentions:
            k = m.end
            if k + 1 >= len(doc) or doc[k].lower_ not in ("'s", "’s", "’", "'"):
                continue
            if doc[k].lower_ in ("’", "'") and not m.text.endswith("s"):
                continue  # a closing quote, not a plural possessive
            body = at_start.get(k + 1)
            if body is None:
                continue
            if m.label_ == "GPE" and body.label_ == "ORG" and doc[body.end - 1].lower_ in self.state_body_heads:
                add("CONTROLS", m, body, "relations.possessive.state_body")
            elif (
                m.label_ == "GPE"
                and body.label_ in ("GPE", "LOC")
                and body.end < len(doc)
                and doc[body.end].lower_ in self.territory_designators
            ):
                add("CONTROLS", m, body, "relations.possessive.territory")
            elif m.label_ == "ORG" and body.label_ == "ORG":
                add("PART_OF", body, m, "relations.possessive.body")

    def _role_body(self, doc: Doc, person: Span, at_start: dict, at_end: dict) -> tuple[Span | None, str]:
        """The body of a role whose words stand between it and the person: "ICRC media adviser N",
        "Kursk's acting governor N" (premodifier), "N, the UN special envoy", "N, deputy head of the
        X" (apposition; of a possessive chain "the X's Y" the last body, Y)."""
        labels = {"ORG", "GPE"}
        floor = max(sentence_bounds(doc)[0][person.start], person.start - self.gaps["role_phrase"])
        k, role = person.start, False
        while k > floor:
            m = at_end.get(k)
            if m is not None:
                return (m if m.label_ in labels and role else None), "relations.role_phrase.before"
            t = doc[k - 1]
            if t.lower_ == "and" or not ((t.is_lower and t.is_alpha) or t.lower_ in self.role_skip or t.text == "."):
                break
            role = role or t.lower_ in self.role_nouns
            k -= 1
        if person.end >= len(doc) or doc[person.end].text != ",":
            return None, ""
        ceiling = min(sentence_bounds(doc)[1][person.start], person.end + 1 + self.gaps["role_phrase"])
        k, body, role = person.end + 1, None, False
        while k < ceiling:
            m = at_start.get(k)
            if m is not None:
                if m.label_ not in labels or not (role or self._role_follows(doc, m.end)):
                    return None, ""
                body = m
                if m.end + 1 < len(doc) and doc[m.end].lower_ in ("'s", "’s") and at_start.get(m.end + 1) is not None:
                    k = m.end + 1
                    continue
                break
            t = doc[k]
            if t.lower_ == "and" or not ((t.is_alpha and (t.is_lower or t.is_title)) or t.lower_ in self.role_skip):
                break
            role = role or t.lower_ in self.role_nouns
            k += 1
        return body, "relations.role_phrase.apposition"

    def _role_follows(self, doc: Doc, k: int) -> bool:
        """ "N, the UN special envoy": a role word within a few words after the body."""
        for t in doc[k : k + 3]:
            if t.lower_ in self.role_nouns:
                return True
            if not t.is_alpha:
                return False
        return False

    # -- patterns -------------------------------------------------------------------------
    def find(
        self, doc: Doc, mentions: list[Span], figures: list[Figure], links: list[RoleLink]
    ) -> list[tuple[str, Span, Span, str]]:
        """(type, head, tail, rule) per relation; the rule names the data entry that found it."""
        at_start = {m.start: m for m in mentions}
        at_end = {m.end: m for m in mentions}
        found: list[tuple[str, Span, Span, str]] = []

        def add(rtype: str, head: Span | None, tail: Span | None, rule: str) -> None:
            if head is None or tail is None or head == tail:
                return
            if RELATION_TYPES[rtype].allows(head.label_, tail.label_):
                found.append((rtype, head, tail, rule))

        for link in links:
            if link.kind not in ("leader", "member"):
                continue
            rtype = "LEADER_OF" if link.kind == "leader" else "MEMBER_OF"
            if link.org is not None:
                add(rtype, link.person, link.org, f"roles.{link.kind}")
            else:
                body, rule = self._role_body(doc, link.person, at_start, at_end)
                add(rtype, link.person, body, rule)

        matches = [(doc.vocab.strings[key], start, end) for key, start, end in self.matcher(doc)]
        for name, start, end in matches:
            if name == "meet":
                self._meet(doc, start, end, at_start, at_end, add, both=doc[start].lower_ in ("told", "tells"))
            elif name in ("ally_verb", "conflict_verb", "control_active"):
                rtype = {"ally_verb": "ALLIED_WITH", "conflict_verb": "IN_CONFLICT_WITH", "control_active": "CONTROLS"}[
                    name
                ]
                if end < len(doc) and doc[end].lower_ == "by":
                    continue  # passive voice: "controlled by" is the control_passive pattern's
                subject = self._left(doc, start, at_end, ORG_OR_GPE)
                obj = self._right(doc, end, at_start, ORG_OR_GPE | ({"LOC"} if rtype == "CONTROLS" else set()))
                if obj is None and rtype == "IN_CONFLICT_WITH":
                    obj = self._nominal(doc, end, mentions, subject)
                if subject is not None:
                    for s in self._coordinated(doc, subject, at_end):
                        add(rtype, s, obj, f"relations.{name}")
            elif name == "ally_passive":
                # "Government troops backed by Chad": the alliance holds in either direction.
                backed = self._left(doc, start, at_end, ORG_OR_GPE, skip=self.comma_skip, gap=2)
                add("ALLIED_WITH", backed, self._right(doc, end, at_start, ORG_OR_GPE), "relations.ally_passive")
            elif name == "ceasefire_nouns":
                self._ceasefire(doc, start, end, at_start, at_end, add)
            elif name == "control_passive":
                governed = self._left(doc, start, at_end, {"GPE", "LOC", "ORG"}, gap=2)
                add("CONTROLS", self._right(doc, end, at_start, ORG_OR_GPE), governed, "relations.control_passive")
            elif name == "conflict_noun":
                attacker = at_end.get(start) or self._possessor(doc, start, at_end)
                target = self._right(doc, end, at_start, ORG_OR_GPE, skip=self.conflict_noun_preps | {"the"}, gap=2)
                if target is not None and end < len(doc) and doc[end].lower_ in self.conflict_noun_preps:
                    add("IN_CONFLICT_WITH", attacker, target, "relations.conflict_noun")
                if end + 3 < len(doc) and doc[end].lower_ == "between":
                    a, b = self._between(doc, end, at_start)
                    add("IN_CONFLICT_WITH", a, b, "relations.conflict_noun.between")
            elif name == "ally_noun":
                other = self._right(
                    doc, end, at_start, ORG_OR_GPE, skip={",", "the", "of"}, gap=self.gaps["ally_noun_right"]
                )
                this = self._left(
                    doc,
                    start,
                    at_end,
                    ORG_OR_GPE,
                    skip=self.ally_noun_skip,
                    gap=self.gaps["ally_noun_left"],
                )
                add("ALLIED_WITH", this, other, "relations.ally_noun")
            elif name == "part_nouns" and end < len(doc) and doc[end].lower_ == "of":
                whole = self._right(doc, end + 1, at_start, {"ORG"}, skip={"the"}, gap=1)
                skip = {",", "the", "a", "an", "is", "are", "was", "its"} | {
                    t.lower_ for t in doc[max(0, start - 4) : start] if t.is_lower and t.is_alpha
                }
                part = self._left(doc, start, at_end, {"ORG"}, skip=skip, gap=self.gaps["part_left"])
                add("PART_OF", part, whole, "relations.part_nouns")

        self._compounds(doc, mentions, at_start, add)
        self._possessives(doc, mentions, at_start, add)
        self._figures(doc, figures, matches, at_start, at_end, add)
        return _dedupe(found)

    def _meet(self, doc, start, end, at_start, at_end, add, both: bool = False) -> None:
        subject = self._left(doc, start, at_end, {"PERSON"}, skip=self.meet_skip, gap=3)
        subjects = self._coordinated(doc, subject, at_end) if subject is not None else []
        objects, k = [], end
        allowed = self.role_words | {
            "and",
            ",",
            "the",
            "'s",
            "’s",
            "with",
            "his",
            "her",
            "their",
            "counterpart",
            "-",
            "between",
            ".",
        }
        ceiling = sentence_bounds(doc)[1][end - 1]
        while k < ceiling and k - end < 25:
            m = at_start.get(k)
            if m is not None:
                if m.label_ == "PERSON":
                    objects.append(m)
                k = m.end
                continue
            # Role words, coordination and capitalised modifiers ("Dutch Prime Minister") sit
            # between the verb and the people met.
            if doc[k].lower_ not in allowed and not doc[k].is_title:
                break
            k += 1
        if subjects and objects:
            for s in subjects:
                for o in objects:
                    add("MET_WITH", s, o, "relations.meet")
        elif not both:
            group = subjects if len(subjects) > 1 else objects if len(objects) > 1 else []
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    add("MET_WITH", a, b, "relations.meet.group")

    def _compounds(self, doc: Doc, mentions: list[Span], at_start: dict, add) -> None:
        """ "Israel-Hamas war", "Hamas-run ministry", "Iran-backed Hezbollah"."""
        for m in mentions:
            if m.end + 1 >= len(doc) or doc[m.end].text not in ("-", "–") or doc[m.end - 1].whitespace_:
                continue
            nxt = doc[m.end + 1]
            other = at_start.get(m.end + 1)
            if other is not None and other.end < len(doc) and doc[other.end].lower_ in self.suffix["IN_CONFLICT_WITH"]:
                add("IN_CONFLICT_WITH", m, other, "relations.conflict_compound")
            elif nxt.lower_ in self.suffix["CONTROLS"]:
                add("CONTROLS", m, at_start.get(m.end + 2), "relations.control_suffix")
            elif nxt.lower_ in self.suffix["ALLIED_WITH"]:
                ally = at_start.get(m.end + 2)
                if (
                    ally is None
                    and m.start > 0
                    and doc[m.start - 1].lower_ == "the"
                    and m.end + 2 < len(doc)
                    and doc[m.end + 2].lower_ in self.group_nouns
                ):
                    # "the Iran-backed group" names the group mentioned before it (guidelines §2.5).
                    ally = self._referent(doc, m.start - 1, mentions, m)
                add("ALLIED_WITH", m, ally, "relations.backed_suffix")

    def _figures(self, doc: Doc, figures: list[Figure], matches: list, at_start: dict, at_end: dict, add) -> None:
        starts = sorted(f.span.start for f in figures)
        reports = [m for m in matches if m[0] == "report_verbs"]
        sent_starts, sent_ends = sentence_bounds(doc)
        for fig in figures:
            span = fig.span
            sent_start, sent_end = sent_starts[span.start], sent_ends[span.start]
            nxt_fig = min((s for s in starts if s > span.start), default=len(doc))
            place, place_rule = None, "relations.place_preps"
            for k in range(span.end, min(sent_end, nxt_fig, span.end + 12)):
                if doc[k].lower_ in self.place_preps:
                    place = self._right(
                        doc, k + 1, at_start, {"GPE", "LOC"}, skip=self.place_skip, gap=self.gaps["place"]
                    )
                    if place is not None:
                        break
            if place is None:
                place_rule = "relations.place_preps.sentence_start"
                for k in range(sent_start, span.start):
                    if doc[k].lower_ in self.place_preps and (
                        k == sent_start or doc[k - 1].is_punct or k == sent_start + 1
                    ):
                        place = self._right(
                            doc, k + 1, at_start, {"GPE", "LOC"}, skip=self.place_skip, gap=self.gaps["place"]
                        )
                        if place is not None:
                            break
            if place is None:
                # "attacked a market in Kidal, killing at least 9": the nearest place phrase of the
                # clause before the figure, when no other figure stands between.
                place_rule = "relations.place_preps.before"
                prev_fig = max((s for s in starts if s < span.start), default=-1)
                for k in range(span.start - 1, max(sent_start, prev_fig, span.start - 15) - 1, -1):
                    if doc[k].lower_ in self.place_preps:
                        place = self._right(
                            doc, k + 1, at_start, {"GPE", "LOC"}, skip=self.place_skip, gap=self.gaps["place"]
                        )
                        if place is not None:
                            break
            add("LOCATED_IN", span, place, place_rule)
            for further in self._place_chain(doc, place, at_start):
                add("LOCATED_IN", span, further, place_rule + ".chain")
            source, source_rule = self._source(doc, span, reports, at_start, at_end)
            add("REPORTED_BY", span, source, source_rule)
            add("REPORTED_BY", span, self._relay(doc, span, reports, at_start), "relations.report_verbs.told")

    def _place_chain(self, doc: Doc, place: Span | None, at_start: dict) -> list[Span]:
        """Further places one location phrase names: "in A, B and C provinces", "in A, in northern B",
        "near A (B)", "in A, including B" (guidelines §2.5, nested places)."""
        out: list[Span] = []
        if place is None:
            return out
        ceiling = sentence_bounds(doc)[1][place.start]
        k = place.end
        while k < ceiling:
            j, steps = k, 0
            while j < ceiling and steps <= self.gaps["place_chain"] and j not in at_start:
                if doc[j].lower_ not in self.place_chain_words:
                    return out
                j, steps = j + 1, steps + 1
            nxt = at_start.get(j)
            if nxt is None or nxt.label_ not in ("GPE", "LOC") or j == k:
                return out
            # "in Kharkiv, and Russia said ...": a name followed by a verb starts a clause, not a place list.
            after = doc[nxt.end] if nxt.end < ceiling else None
            if after is not None and after.is_alpha and after.is_lower and after.lower_ not in self.place_chain_after:
                return out
            out.append(nxt)
            k = nxt.end
        return out

    def _subject(self, doc: Doc, s: int, at_end: dict, labels: set[str]) -> Span | None:
        """The source left of a reporting verb at s: "The Relief Agency (RRA) said", "A WFP spokeswoman
        said" (the body, guidelines §2.5), "N, the agency's director, said" (past an apposition)."""
        k = s - 1 if s >= 1 and doc[s - 1].text == "," else s
        if k >= 3 and doc[k - 1].text == ")" and doc[k - 3].text == "(":
            k -= 3
        source = self._left(doc, k, at_end, labels, skip=self.source_skip)
        if source is not None or k != s - 1:
            return source
        # "X, who heads the agency, said" / "X, its spokesman, said": the mention before the opening comma.
        floor = max(sentence_bounds(doc)[0][k], k - self.gaps["apposition"])
        for j in range(k - 1, floor, -1):
            if doc[j].text == ",":
                m = at_end.get(j)
                return m if m is not None and m.label_ in labels else None
            if doc[j].text in ("said", "says", "(", ")") or doc[j].is_quote:
                return None
        return None

    def _source(self, doc: Doc, span: Span, reports, at_start: dict, at_end: dict) -> tuple[Span | None, str]:
        starts, ends = sentence_bounds(doc)
        before = [(s, e) for _, s, e in reports if starts[span.start] <= s and e <= span.start]
        after = [(s, e) for _, s, e in reports if s >= span.end and e <= ends[span.start]]
        labels = {"ORG", "PERSON"}
        for s, e in sorted(after):
            # An explicit attribution wins over a reporting verb earlier in the sentence.
            if doc[s:e].text.lower() == "according to":
                return self._attributed(doc, e, at_start, labels), "relations.report_verbs.according_to"
        for s, _ in sorted(before, reverse=True):
            source = self._subject(doc, s, at_end, labels)
            if source is not None:
                # "The ministry run by the Houthis said ...": the reporter is the head noun, not the agent.
                j = source.start - 1
                if j > 0 and doc[j].lower_ in ("the", "a", "an"):
                    j -= 1
                if j >= 1 and doc[j].lower_ == "by":
                    source = self._left(doc, j - 1, at_end, labels, gap=0) or source
                return source, "relations.report_verbs.before"
        for s, _ in sorted(after):
            k = s - 3 if s >= 3 and doc[s - 1].text == ")" and doc[s - 3].text == "(" else s
            source = self._left(doc, k, at_end, labels, gap=2)
            if source is not None and source.start >= span.end:
                return source, "relations.report_verbs.after"
        return None, ""

    def _attributed(self, doc: Doc, k: int, at_start: dict, labels: set[str]) -> Span | None:
        """The source after "according to": the first person or organisation within a few words, past a
        place or a role ("according to Kherson region governor X", "according to data released by the WHO")."""
        ceiling = min(sentence_bounds(doc)[1][k - 1] if k > 0 else len(doc), k + self.gaps["attribution"])
        while k < ceiling:
            m = at_start.get(k)
            if m is not None:
                if m.label_ in labels:
                    return m
                k = m.end
                continue
            if doc[k].is_punct:
                return None
            k += 1
        return None

    def _relay(self, doc: Doc, span: Span, reports, at_start: dict) -> Span | None:
        """ "X told AFP that 15 …": the agency told relays the figure too (guidelines §2.5, relayed figures)."""
        starts = sentence_bounds(doc)[0]
        for _, s, e in reports:
            if starts[span.start] <= s and e <= span.start and doc[s].lower_ in ("told", "tells"):
                m = at_start.get(e)
                if m is not None and m.label_ == "ORG":
                    return m
        return None


def _dedupe(found: list[tuple[str, Span, Span, str]]) -> list[tuple[str, Span, Span, str]]:
    seen, out = set(), []
    for item in found:
        rtype, head, tail, _ = item
        key = RELATION_TYPES[rtype].key(head.start, tail.start)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
