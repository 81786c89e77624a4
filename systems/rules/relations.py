"""Relations from trigger words between mentions of one sentence.

Each pattern is a trigger list in ``data/relations.json`` plus where its arguments stand:

* subject-verb-object (meet, ally, conflict, control): the subject is the mention just left of
  the trigger (auxiliaries and adverbs skipped, coordinated subjects "A and B" expanded), the
  object the mention just right of it (determiners skipped);
* compounds "A-B war" (conflict), "A-run B" (control), "A-backed B" (alliance);
* nouns: "A attack on B" (conflict), "A, the armed wing of B" (part of), "A and its ally B";
* figures: the nearest place after "in/across/..." (LOCATED_IN) and the source of a reporting
  verb ("X has reported that 52 ...", "..., according to X") (REPORTED_BY);
* roles around people ("Hezbollah leader N", "N, head of the X", "X, led by Gen. N") give LEADER_OF /
  MEMBER_OF (``role_relations``).

A definite nominal such as "the militant group" refers back to the nearest earlier organisation.
Argument labels are checked against the schema, so a pattern never emits a disallowed relation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from bench.core.schema import RELATION_TYPES

from .arguments import ORG_OR_GPE
from .entities import RoleLink, sentence_bounds
from .figure_relations import FigureRelations
from .figures import Figure
from .party_relations import Add, PartyRelations
from .role_relations import RoleRelations


class RelationFinder(PartyRelations, FigureRelations, RoleRelations):
    """Relations between the mentions of a document (see the module docstring)."""

    # -- truces, possessives and roles ----------------------------------------------------
    def _ceasefire(self, doc: Doc, start: int, end: int, at_start: dict, at_end: dict, add) -> None:
        """A truce states the fighting it ends: "ceasefire between A and B", "A and B agreed a truce"."""
        if end + 3 < len(doc) and doc[end].lower_ == "between":
            a, b = self._between(doc, end, at_start)
            add("IN_CONFLICT_WITH", a, b, "relations.ceasefire.between")
            return
        if end < len(doc) and doc[end].lower_ == "with":
            return  # "A and B signed a truce with C": A and B are one side; the truce pattern reads C
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
            compass = body is None and doc[k + 1].lower_ in self.compass_adjectives
            if compass:
                body = at_start.get(k + 2)  # "Syria's northwestern Idlib province": a compass word between
                if body is None or body.label_ not in ("GPE", "LOC"):
                    continue
            if body is None:
                continue
            # "Varnia's Ministry for Civil Defence": the head noun stands before "for"/"of" in the name
            head = next((t for t in body if t.lower_ in ("for", "of")), None)
            head_word = doc[head.i - 1].lower_ if head is not None and head.i > body.start else doc[body.end - 1].lower_
            if m.label_ == "GPE" and body.label_ == "ORG" and head_word in self.state_body_heads:
                add("CONTROLS", m, body, "relations.possessive.state_body")
            elif m.label_ == "GPE" and body.label_ in ("GPE", "LOC") and self._state_territory(doc, m, body):
                add("CONTROLS", m, body, "relations.possessive.territory")
            elif m.label_ == "ORG" and body.label_ == "ORG":
                add("PART_OF", body, m, "relations.possessive.body")
            elif m.label_ == "PERSON" and body.label_ == "ORG":
                add("LEADER_OF", m, body, "relations.possessive.person")  # "Kabila's party" (§2.5)

    def _unit_list(self, doc: Doc, mentions: list[Span], at_start: dict, at_end: dict, add) -> None:
        """ "its four units: the A Brigade, the B Squad and the C": each named unit PART_OF the owner."""
        for i, t in enumerate(doc):
            if t.text != ":" or i < 2 or doc[i - 1].lower_ not in self.unit_list["nouns"]:
                continue
            j = i - 2
            if j > 0 and doc[j].like_num:
                j -= 1  # "its four units:"
            if doc[j].lower_ in self.unit_list["owners"]:
                owner = self._referent(doc, j, mentions, None)
            elif doc[j].lower_ in ("'s", "’s", "’", "'"):
                owner = at_end.get(j)
            else:
                continue
            if owner is None or owner.label_ != "ORG":
                continue
            k = i + 1
            while k < len(doc):
                if doc[k].lower_ == "the":
                    k += 1
                    continue
                unit = at_start.get(k)
                if unit is None or unit.label_ != "ORG":
                    break
                add("PART_OF", unit, owner, "relations.unit_list")
                k = unit.end
                if k < len(doc) and doc[k].text == "(":
                    close = next((c for c in range(k, min(len(doc), k + 6)) if doc[c].text == ")"), None)
                    k = close + 1 if close is not None else k
                if k < len(doc) and doc[k].lower_ in (",", "and"):
                    k += 1
                    continue
                break

    def _group_government(self, doc: Doc, mentions: list[Span], at_start: dict, add) -> None:
        """ "the Front government in Dorn", "the Front-led administration of Dorn": the group governs
        the place (guidelines §2.5)."""
        gov = self.group_government
        for group in mentions:
            if group.label_ != "ORG":
                continue
            k = group.end
            if k + 1 < len(doc) and doc[k].text in ("-", "–") and doc[k + 1].lower_ in gov["led"]:
                k += 2  # "the Taliban-led government"
            if k + 2 >= len(doc) or doc[k].lower_ not in gov["nouns"] or doc[k + 1].lower_ not in gov["preps"]:
                continue
            j = k + 3 if doc[k + 2].lower_ == "the" else k + 2
            place = at_start.get(j)
            if place is None or place.label_ not in ("GPE", "LOC"):
                continue
            # "the Front government in Dorn never controlled ...", "... fell in 2019": the clause denies
            # or ends the hold the name would state
            ceiling = sentence_bounds(doc)[1][place.start]
            clause = doc[place.end : ceiling]
            stop = next((t.i for t in clause if t.text in (",", ";") or t.lower_ in self.clause_breaks), ceiling)
            if any(t.lower_ in gov["denials"] for t in doc[place.end : stop]):
                continue
            add("CONTROLS", group, place, "relations.group_government")

    def _part_include(self, doc: Doc, at_start: dict, at_end: dict, add) -> None:
        """ "X, an umbrella group which includes Y and Z": each member PART_OF the body; "X, to which
        the Y belongs": Y PART_OF X (guidelines §2.5: PART_OF needs an apposition or a verb's tie)."""
        inc = self.part_include
        for i, t in enumerate(doc):
            if t.lower_ in inc["belong_verbs"]:
                part = at_end.get(i)
                if part is None or part.label_ != "ORG" or part.start < 4:
                    continue
                j = part.start - 1 if doc[part.start - 1].lower_ == "the" else part.start
                if doc[j - 1].lower_ == "which" and doc[j - 2].lower_ == "to" and doc[j - 3].text == ",":
                    whole = at_end.get(j - 3)
                    if whole is not None and whole.label_ == "ORG":
                        add("PART_OF", part, whole, "relations.part_include.belongs")
                continue
            if t.lower_ not in inc["verbs"] or i < 2:
                continue
            whole = at_end.get(i)
            if whole is not None and doc[whole.end - 1].lower_ not in inc["heads"]:
                continue  # "the X Party included Y in its list": only a named alliance or front includes members
            if whole is None:
                j = i - 1 if doc[i - 1].lower_ in inc["relatives"] else i
                # back over "the umbrella body" to the comma of the apposition and the name before it
                k = j
                while k > 0 and j - k < 5 and doc[k - 1].is_alpha and doc[k - 1].is_lower:
                    k -= 1
                if k == j or doc[k - 1].text != "," or not any(w.lower_ in inc["heads"] for w in doc[k:j]):
                    continue
                whole = at_end.get(k - 1)
                if whole is None and doc[k - 2].text == ")":
                    whole = at_end.get(k - 2)
            if whole is None or whole.label_ != "ORG":
                continue
            k = i + 1
            while k < len(doc):
                if doc[k].lower_ == "the":
                    k += 1
                    continue
                m = at_start.get(k)
                if m is None or m.label_ != "ORG":
                    break
                add("PART_OF", m, whole, "relations.part_include")
                k = m.end
                if k < len(doc) and doc[k].text == "(":
                    close = next((c for c in range(k, min(len(doc), k + 6)) if doc[c].text == ")"), None)
                    k = close + 1 if close is not None else k
                if k < len(doc) and doc[k].lower_ in (",", "and"):
                    k += 1
                    continue
                break

    def _territory_apposition(self, doc: Doc, mentions: list[Span], at_start: dict, add) -> None:
        """ "bases in Lume, a province of Ruritania": an "of" apposition reads like the state's
        possessive (guidelines §2.5, possessives of places); only a sovereign state controls."""
        for place in mentions:
            k = place.end
            if place.label_ not in ("GPE", "LOC") or place.text in self.states or k + 3 >= len(doc):
                continue
            if doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an", "the"):
                continue
            j = k + 2
            while j < min(len(doc), k + 5) and doc[j].lower_ not in self.territory_designators:
                if not (doc[j].is_alpha and doc[j].is_lower):
                    break
                j += 1  # "a restive northern province of"
            if j + 2 >= len(doc) or doc[j].lower_ not in self.territory_designators or doc[j + 1].lower_ != "of":
                continue
            if any(t.lower_ in self.territory_reversers for t in doc[k + 2 : j]):
                continue  # "a former province of X", "a breakaway region of X": X does not hold it now
            state = at_start.get(j + 3) if doc[j + 2].lower_ == "the" else at_start.get(j + 2)
            if state is not None and state.label_ == "GPE" and state.text in self.states:
                add("CONTROLS", state, place, "relations.apposition.territory")

    def _state_territory(self, doc: Doc, owner: Span, place: Span) -> bool:
        """ "Ruritania's Kessa province", "Ruritania's Tarn coast": only a sovereign state's possessive
        before a place states that it controls it; a city's or a province's states nothing ("Marsk's
        Dorvo district", guidelines §2.5). The place is one when a designator closes it or no noun
        follows (punctuation, a function word, an adverb): in "Ruritania's Kessa offensive" it
        modifies a noun."""
        if owner.text not in self.states or place.text in self.states:
            return False  # "Rwanda's Congo, ...": a state is no other state's territory
        if len(place) > 1 and doc[place.end - 1].lower_ in self.territory_designators:
            return True
        if place.end >= len(doc):
            return True
        after = doc[place.end]
        if after.lower_ in self.territory_designators or not after.is_alpha or after.is_stop or not after.is_lower:
            return True
        return after.lower_ in self.place_adverbs or after.lower_.endswith("ly")

    def _incursions(
        self,
        doc: Doc,
        matches: list[tuple[str, int, int]],
        mentions: list[Span],
        at_start: dict,
        at_end: dict,
        add: Add,
    ) -> None:
        """ "Valdonian troops seized a customs post inside Ruritania", "Valdonia's incursion into
        Ruritania": a named armed party from outside that takes ground in a state or pushes into it
        is in conflict with it (guidelines §2.3). The cue stands at most six tokens before "inside" /
        "into" with no punctuation and no other party between ("strikes on the Front inside Ruritania"
        strike the Front); the party is the possessor of the cue or the nearest mention left of it
        in the clause."""
        cues = [(start, end) for name, start, end in matches if name == "incursion"]
        if not cues:
            return
        for state in mentions:
            if state.label_ != "GPE" or state.text not in self.states or state.start < 2:
                continue
            prep = state.start - 1
            if doc[prep].lower_ not in self.incursion_preps:
                continue
            cue = next((c for c in reversed(cues) if c[1] <= prep and prep - c[1] <= 6), None)
            if cue is None or any(t.is_punct for t in doc[cue[1] : prep]):
                continue
            if any(at_start.get(k) is not None and at_start[k].label_ in ORG_OR_GPE for k in range(cue[1], prep)):
                continue
            # "Valdonia's incursion into", "Valdonia's ground offensive into": the owner of the act.
            party = self._possessor(doc, cue[0], at_end) or self._incursion_party(doc, cue[0], at_end)
            if party is not None and self._armed_outsider(doc, party, state):
                add("IN_CONFLICT_WITH", party, state, "relations.incursion")

    def _incursion_party(self, doc: Doc, k: int, at_end: dict) -> Span | None:
        """The subject of the cue at k: the nearest ORG/GPE mention ending at most ten tokens left of
        it, past auxiliaries, adverbs, a reporting frame and armed men's words only ("X troops were
        reported earlier to have seized"); in "refugees fled X and crossed into Y", X is no subject."""
        floor = max(sentence_bounds(doc)[0][k], k - 10)
        for j in range(k, floor, -1):
            m = at_end.get(j)
            if m is not None:
                return m if m.label_ in ORG_OR_GPE else None
            if doc[j - 1].lower_ not in self.incursion_skip:
                return None
        return None

    def _armed_outsider(self, doc: Doc, party: Span, state: Span) -> bool:
        """A state other than ``state``, or a body named as armed men ("Malian troops", "Front
        fighters") whose name does not open with the state or its nationality ("Chadian forces" are at
        home in Chad; "Nigerian troops" are not at home in Niger)."""
        if party.text == state.text or self._nation(party.text) & self._nation(state.text):
            return False
        if party.text in self.states:
            return True
        after = doc[party.end].lower_ if party.end < len(doc) else ""
        return party[-1].lower_ in self.armed_words or after in self.armed_words

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
            if rtype == "IN_CONFLICT_WITH" and (self._place_side(head) or self._place_side(tail)):
                return  # "X attacked Dorvo": a town an act hits is where it happened, not a side
            if RELATION_TYPES[rtype].allows(head.label_, tail.label_):
                found.append((rtype, head, tail, rule))

        self._roles(doc, mentions, links, at_start, at_end, add)
        self._parts(doc, mentions, at_start, at_end, add)

        matches = [(doc.vocab.strings[key], start, end) for key, start, end in self.matcher(doc)]
        for name, start, end in matches:
            if name in self.asserted_acts and self._unasserted(doc, start):
                continue  # "If X attacked Y", "has never met N": no act is stated
            if name == "meet":
                self._meet(doc, start, end, at_start, at_end, add, both=doc[start].lower_ in ("told", "tells"))
            elif name in ("ally_verb", "conflict_verb", "control_active"):
                rtype = {"ally_verb": "ALLIED_WITH", "conflict_verb": "IN_CONFLICT_WITH", "control_active": "CONTROLS"}[
                    name
                ]
                if end < len(doc) and doc[end].lower_ == "by":
                    continue  # passive voice: "controlled by" is the control_passive pattern's
                if (
                    end - start == 1
                    and end < len(doc)
                    and doc[start].lower_ in self.conflict_nouns
                    and doc[end].lower_ in self.conflict_noun_reading
                ):
                    continue  # "X said attacks on Y rose": the noun, whose attacker is not X
                subject = self._left(doc, start, at_end, ORG_OR_GPE) or self._nominal_subject(doc, start, mentions)
                obj = self._right(doc, end, at_start, ORG_OR_GPE | ({"LOC"} if rtype == "CONTROLS" else set()))
                if obj is not None and self._backer_modifier(doc, obj):
                    # "struck Iran-backed militias": Iran backs the object; a named one follows the compound.
                    obj = at_start.get(obj.end + 2)
                    if obj is None or obj.label_ not in ORG_OR_GPE:
                        continue
                if obj is not None and rtype == "IN_CONFLICT_WITH" and self._disputed_thing(doc, obj):
                    continue  # "attacked X's decision", "fought Y's plan in court": a dispute, not an act
                if obj is not None and rtype == "IN_CONFLICT_WITH" and self._settlement(doc, obj):
                    continue  # "shelled X, a village near Y": a place attacked, not a party
                if (
                    rtype == "CONTROLS"
                    and obj is not None
                    and obj.end < len(doc)
                    and doc[obj.end].lower_ in self.control_object_stops
                ):
                    continue  # "seized X's post", "holds X responsible": X is not what is held
                if obj is None and rtype == "IN_CONFLICT_WITH":
                    obj = (
                        self._nominal(doc, end, mentions, subject)
                        or self._target(doc, end, at_start)
                        or self._target_owner(doc, end, at_start)
                        or self._targets_in_state(doc, end, at_start)
                    )
                if subject is None and obj is not None and rtype == "IN_CONFLICT_WITH":
                    subject = self._pronoun_subject(doc, start, mentions, obj)
                if subject is not None:
                    for s in self._coordinated(doc, subject, at_end):
                        add(rtype, s, obj, f"relations.{name}")
            elif name == "ally_passive":
                # "Government troops backed by Chad": the alliance holds in either direction.
                backed = self._left(doc, start, at_end, ORG_OR_GPE, skip=self.comma_skip, gap=3)  # ", which is"
                backed = backed or self._nominal_subject(doc, start, mentions)  # "the group, backed by Y,"
                backer = self._right(doc, end, at_start, ORG_OR_GPE)
                for each in self._party_conjuncts(doc, backer, at_start, ORG_OR_GPE) if backer is not None else []:
                    add("ALLIED_WITH", backed, each, "relations.ally_passive")
            elif name == "ceasefire_nouns":
                self._ceasefire(doc, start, end, at_start, at_end, add)
            elif name == "control_passive":
                # "Y, (which is) held by X": a relative clause or a reduced one after the place
                governed = self._left(doc, start, at_end, {"GPE", "LOC", "ORG"}, skip=self.comma_skip, gap=3)
                if (
                    governed is not None
                    and governed.start > 0
                    and doc[governed.start - 1].lower_ in self.place_preps
                    and "," in doc[governed.end : start].text
                ):
                    governed = None  # "the ministry in X, run by Y": the clause may describe the head noun
                add("CONTROLS", self._right(doc, end, at_start, ORG_OR_GPE), governed, "relations.control_passive")
            elif name == "conflict_noun":
                attacker = (
                    at_end.get(start) or self._possessor(doc, start, at_end) or self._premodifier(doc, start, at_end)
                )
                target = self._right(doc, end, at_start, ORG_OR_GPE, skip=self.conflict_noun_preps | {"the"}, gap=2)
                if target is not None and end < len(doc) and doc[end].lower_ in self.conflict_noun_preps:
                    add("IN_CONFLICT_WITH", attacker, target, "relations.conflict_noun")
                k = self._fighting_between(doc, end, at_start)
                if k is not None and k + 3 < len(doc):
                    a, b = self._between(doc, k, at_start)
                    sides = b is not None and " ".join(t.lower_ for t in doc[b.end : b.end + 3]) in self.one_side
                    if not sides:  # "between A and B on one side and C on the other": A and B are one side
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
                for each in self._party_conjuncts(doc, other, at_start, ORG_OR_GPE) if other is not None else []:
                    add("ALLIED_WITH", this, each, "relations.ally_noun")
                owner = self._possessor(doc, start, at_end) if other is None else None
                if (
                    owner is not None
                    and owner.label_ in ORG_OR_GPE
                    and owner.start >= 2
                    and doc[owner.start - 1].text == ","
                ):
                    # "A, B's main ally in the region, said": the apposition's head is B's ally; a fronted
                    # place ("In X, B's allies fired") heads nothing.
                    head = at_end.get(owner.start - 1)
                    opens = head is not None and (
                        head.start == 0 or doc[head.start - 1].lower_ not in self.place_preps | self.conflict_noun_preps
                    )
                    add("ALLIED_WITH", head if opens else None, owner, "relations.ally_noun.apposition")
            elif name == "part_nouns" and end < len(doc) and doc[end].lower_ == "of":
                whole = self._right(doc, end + 1, at_start, {"ORG"}, skip={"the"}, gap=1)
                skip = {",", "the", "a", "an", "is", "are", "was", "its", "both", "all"} | {
                    t.lower_ for t in doc[max(0, start - 4) : start] if t.is_lower and t.is_alpha
                }
                part = self._left(doc, start, at_end, {"ORG"}, skip=skip, gap=self.gaps["part_left"])
                if part is None:
                    part = self._bracketed_before(doc, start, at_end, skip)
                # "A, B and C are members of X": each conjunct is a part
                for each in self._party_coordination(doc, part, at_end, {"ORG"}) if part is not None else []:
                    add("PART_OF", each, whole, "relations.part_nouns")

            elif name == "part_verbs":
                # "the X Brigade (, which) belongs to the Y": the subject is a part of the object
                part = self._left(doc, start, at_end, {"ORG", "LOC"}, skip=self.comma_skip, gap=3)
                whole = self._right(doc, end, at_start, {"ORG"}, skip={"the"}, gap=1)
                if part is not None and part.label_ == "LOC":
                    cut = (
                        whole is not None
                        and whole.end < len(doc)
                        and doc[whole.end].is_lower
                        and doc[whole.end].is_alpha
                    )
                    if not cut:  # "the Zabol border regiment" with only "Zabol" named: not the owner's full name
                        add("CONTROLS", whole, part, "relations.part_verbs.site")  # "the Z outpost belongs to Y"
                else:
                    add("PART_OF", part, whole, "relations.part_verbs")

        self._compounds(doc, mentions, at_start, at_end, add)
        self._possessives(doc, mentions, at_start, add)
        self._territory_apposition(doc, mentions, at_start, add)
        self._part_include(doc, at_start, at_end, add)
        self._group_government(doc, mentions, at_start, add)
        self._unit_list(doc, mentions, at_start, at_end, add)
        self._incursions(doc, matches, mentions, at_start, at_end, add)
        self._figures(doc, figures, matches, at_start, at_end, add)
        self._parties(doc, mentions, at_start, at_end, add)
        self._joined_meeting(doc, matches, mentions, at_end, found, add)
        return _dedupe(found)

    def _joined_meeting(
        self,
        doc: Doc,
        matches: list[tuple[str, int, int]],
        mentions: list[Span],
        at_end: dict,
        found: list[tuple[str, Span, Span, str]],
        add: Add,
    ) -> None:
        """ "The governor received the envoys A and B. Her deputy, C, joined the talks.": C met the side
        of the meeting she did not come with (guidelines §2.5; see data/relations.json joined_meeting)."""
        starts, _ = sentence_bounds(doc)
        # a word where two triggers open is still one joining
        ends = {start: end for name, start, end in matches if name == "joined_meeting"}
        for k in sorted(ends):
            floor = starts[k]
            joiners = [m for m in mentions if m.label_ == "PERSON" and floor <= m.start and m.end <= k]
            # "A chaired the talks along with B": B was there too (not the people of B's apposition)
            e = ends[k]
            for words in self.joined_with:
                if tuple(t.lower_ for t in doc[e : e + len(words)]) == words:
                    w = e + len(words)
                    with_whom = next(
                        (
                            m
                            for m in mentions
                            if m.label_ == "PERSON"
                            and w <= m.start <= w + 3
                            and all(t.is_title or t.text == "." for t in doc[w : m.start])  # "Gen. B"
                        ),
                        None,
                    )
                    if with_whom is not None and joiners:
                        joiners.append(with_whom)
            if not joiners or floor == 0:
                continue
            previous = starts[floor - 1]
            meetings = [
                (rule, head, tail)
                for rtype, head, tail, rule in found
                if rtype == "MET_WITH" and previous <= min(head.start, tail.start) and max(head.end, tail.end) <= floor
            ]
            if not meetings:
                continue
            sided = [(h, t) for rule, h, t in meetings if rule in self.joined_side_rules]
            if len(sided) < len(meetings):  # talks with no sides: every party
                others = {m for _, h, t in meetings for m in (h, t)}
            else:
                subjects = {h for h, _ in sided}
                objects = {t for _, t in sided}
                ours = frozenset().union(*(self._person_state(doc, j, at_end) for j in joiners))
                theirs = frozenset().union(*(self._person_state(doc, o, at_end) for o in objects))
                others = subjects if ours & theirs else objects
            for j in joiners:
                for o in sorted(others, key=lambda m: m.start):
                    if j.text != o.text:
                        add("MET_WITH", j, o, "relations.joined_meeting")

    def _fighting_between(self, doc: Doc, k: int, at_start: dict) -> int | None:
        """Where "between" stands after a conflict noun ending at k: right after it ("fighting between A
        and B") or past the verb of the fighting and a date ("clashes erupted on Monday between A and
        B"), passing only the words of data/relations.json fighting_between."""
        ceiling = min(sentence_bounds(doc)[1][k - 1], k + self.gaps["fighting_between"] + 1)
        while k < ceiling:
            if doc[k].lower_ == "between":
                return k
            m = at_start.get(k)
            if m is not None and m.label_ == "DATE":
                k = m.end
            elif doc[k].lower_ in self.fighting_between:
                k += 1
            else:
                return None
        return None

    def _person_state(self, doc: Doc, person: Span, at_end: dict) -> frozenset[str]:
        """The state a person is named with: "X's ambassador N", "X-ian minister N", "its envoy N" (the
        state of the person named just before), past titles and role words. A nationality is read as the
        state it names (data/states.json demonyms); one no state holds ("Valdonian Vice Minister N") is
        kept as its own word, so it matches only itself."""
        k = person.start
        while k > 0 and (doc[k - 1].lower_ in self.role_words or doc[k - 1].text in (".", "-") or doc[k - 1].is_lower):
            m = at_end.get(k)
            if m is not None and m.label_ == "NORP":
                return self._state_named(m.text)
            if doc[k - 1].lower_ == "its":
                prior = next(
                    (m for e, m in sorted(at_end.items(), reverse=True) if e < k - 1 and m.label_ == "GPE"), None
                )
                return self._state_named(prior.text) if prior is not None else frozenset()
            k -= 1
            if k < person.start - 6:
                return frozenset()
        m = at_end.get(k)
        if m is None and k > 1 and doc[k - 1].lower_ in ("'s", "’s"):
            m = at_end.get(k - 1)
        if m is not None and m.label_ in ("NORP", "GPE"):
            return self._state_named(m.text)
        if m is None and k > 0 and doc[k - 1].is_title and doc[k - 1].is_alpha and not doc[k - 1].is_sent_start:
            return self._state_named(doc[k - 1].text)  # a nationality no mention holds ("Andorran Vice Minister N")
        return frozenset()

    def _state_named(self, text: str) -> frozenset[str]:
        return self._nation(text) or frozenset({text.lower()})

    def _meet(self, doc, start, end, at_start, at_end, add, both: bool = False) -> None:
        if self._pressed_indirectly(doc, start):
            return  # "pressed N on social media": no direct contact
        subject = self._left(doc, start, at_end, {"PERSON"}, skip=self.meet_skip, gap=3)
        subjects = self._coordinated_people(doc, subject, at_end) if subject is not None else []
        # Role words, coordination and capitalised modifiers ("Dutch Prime Minister") sit
        # between the verb and the people met.
        objects = self._people_after(doc, end, at_start, self.meet_links, self.gaps["meet_people"])
        if subjects and objects:
            for s in subjects:
                for o in objects:
                    add("MET_WITH", s, o, "relations.meet")
        elif (
            not both
            and not (end < len(doc) and doc[end].lower_ == "by")  # "A and B were received by C": one side
            and not any(t.lower_ in self.meet_unreal for t in doc[max(0, start - 2) : start])
        ):
            # "a possible meeting between A and B" has not taken place; a held one has.
            group = subjects if len(subjects) > 1 else objects if len(objects) > 1 else []
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    add("MET_WITH", a, b, "relations.meet.group")

    def _coordinated_people(self, doc: Doc, first: Span, at_end: dict) -> list[Span]:
        """ "President A and Prime Minister B": coordinated people, each past the titles before it."""
        out, cur = [first], first
        while True:
            # the titles of the later conjunct ("Prime Minister"), a state's possessive or a body before them
            k = self._party_person_modifiers(doc, cur.start, at_end)
            if k < 2 or doc[k - 1].lower_ != "and":
                return out
            prev = at_end.get(k - 1)
            if prev is None or prev.label_ != "PERSON":
                return out
            out.append(prev)
            cur = prev

    def _pronoun_subject(self, doc: Doc, k: int, mentions: list[Span], exclude: Span) -> Span | None:
        """ "X said that it had struck Y": "it" among the words before the verb names the nearest
        earlier organisation (guidelines §3.1)."""
        floor = max(sentence_bounds(doc)[0][k], k - self.gaps["left"] - 1)
        for j in range(k - 1, floor - 1, -1):
            if doc[j].lower_ == "it":
                return self._referent(doc, j, mentions, exclude)
            if doc[j].lower_ not in self.skip_left:
                return None
        return None

    def _target(self, doc: Doc, k: int, at_start: dict) -> Span | None:
        """ "struck over 300 X targets", "hit dozens of X positions": the party whose
        targets a count of them names, past the figure (and "of", a quote or a determiner)."""
        while k < len(doc) and (doc[k].is_quote or doc[k].lower_ in ("the", "a", "an")):
            k += 1
        figure = at_start.get(k)
        if figure is None or figure.label_ != "FIGURE":
            return None
        k = figure.end + 1 if figure.end < len(doc) and doc[figure.end].lower_ == "of" else figure.end
        party = at_start.get(k)
        if party is None or party.label_ not in ORG_OR_GPE or party.end >= len(doc):
            return None
        return party if doc[party.end].lower_ in self.target_nouns else None

    def _target_owner(self, doc: Doc, k: int, at_start: dict) -> Span | None:
        """ "attacked positions of Y", "shelled a base of the Y": the party whose positions, bases or
        troops the object at token k names (a determiner and one modifier before the noun)."""
        j = k + 1 if k < len(doc) and doc[k].lower_ in ("the", "a", "an") else k
        if j + 1 < len(doc) and doc[j].is_lower and doc[j].is_alpha and doc[j + 1].lower_ in self.target_nouns:
            j += 1  # "forward positions of Y"
        if j + 2 >= len(doc) or doc[j].lower_ not in self.target_nouns or doc[j + 1].lower_ != "of":
            return None
        return self._right(doc, j + 2, at_start, ORG_OR_GPE, skip={"the"}, gap=1)

    def _premodifier(self, doc: Doc, k: int, at_end: dict) -> Span | None:
        """ "an X drone strike on Y": the party named before the modifiers of the attack noun at k."""
        j = k
        while j > 0 and k - j < 2 and doc[j - 1].lower_ in self.attack_modifiers:
            j -= 1
        return at_end.get(j) if j < k else None

    def _bracketed_before(self, doc: Doc, k: int, at_end: dict, skip: set[str]) -> Span | None:
        """ "X (XA), the armed wing of Y": the acronym in brackets before an apposition that opens at
        token k, the name nearer the other argument (guidelines §3.1)."""
        j = k
        while j > 0 and k - j <= self.gaps["part_left"] and doc[j - 1].lower_ in skip and doc[j - 1].text != ",":
            j -= 1
        if j < 3 or doc[j - 1].text != ",":
            return None
        acronym = self._acronym_before(doc, j - 1, at_end)
        return acronym if acronym is not None and acronym.label_ == "ORG" else None

    def _backed_apposition_head(self, doc: Doc, m: Span, at_end: dict) -> Span | None:
        """ "Y, an X-backed militia, ...": the party an apposition opened by a determiner (and at most
        two adjectives) before the compound describes, when a group noun follows the compound."""
        if m.end + 2 >= len(doc) or doc[m.end + 2].lower_ not in self.group_nouns:
            return None
        k = m.start - 1
        while (
            k > 0
            and m.start - k <= 2
            and doc[k].is_lower
            and doc[k].is_alpha
            and doc[k].lower_ not in ("a", "an", "the")
        ):
            k -= 1
        if k < 2 or doc[k].lower_ not in ("a", "an", "the") or doc[k - 1].text != ",":
            return None
        head = at_end.get(k - 1) or self._acronym_before(doc, k - 1, at_end)  # "Y (YA), an X-backed group"
        return head if head is not None and head.label_ in ORG_OR_GPE else None

    def _compounds(self, doc: Doc, mentions: list[Span], at_start: dict, at_end: dict, add) -> None:
        """ "Israel-Hamas war", "Hamas-run ministry", "Iran-backed Hezbollah"."""
        for m in mentions:
            if (
                m.start >= 2
                and doc[m.start - 1].text in ("-", "–")
                and doc[m.start - 2].lower_ in self.pro_prefix
                and not doc[m.start - 2].whitespace_
            ):
                # "the pro-X Y": X backs the party its compound premodifies
                add("ALLIED_WITH", m, at_start.get(m.end), "relations.pro_prefix")
            if m.end + 1 >= len(doc) or doc[m.end].text not in ("-", "–") or doc[m.end - 1].whitespace_:
                continue
            nxt = doc[m.end + 1]
            other = at_start.get(m.end + 1)
            if other is not None and other.end < len(doc) and doc[other.end].lower_ in self.suffix["IN_CONFLICT_WITH"]:
                add("IN_CONFLICT_WITH", m, other, "relations.conflict_compound")
            elif nxt.lower_ in self.led_suffix and self._party_bloc(doc, m.end + 2, at_start, mentions) is not None:
                # "the X-led Y Alliance": a state leading a standing alliance is allied with it (§2.5)
                add("ALLIED_WITH", m, at_start.get(m.end + 2), "relations.led_alliance")
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
                if ally is None:
                    ally = self._backed_apposition_head(doc, m, at_end)
                add("ALLIED_WITH", m, ally, "relations.backed_suffix")


def _dedupe(found: list[tuple[str, Span, Span, str]]) -> list[tuple[str, Span, Span, str]]:
    seen, out = set(), []
    for item in found:
        rtype, head, tail, _ = item
        key = RELATION_TYPES[rtype].key(head.start, tail.start)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
