"""Relations between parties stated through a verb, a coordination or an apposition.

The patterns (``data/party_relations.json``, with the trigger lists of ``data/relations.json``)
read a verb and find its arguments among the mentions of its sentence, with no parser:

* the subject is the mention before the verb, past auxiliaries and verbs of intent ("X vowed to
  destroy Y"), a date ("X said on Monday it had ..."), a force noun ("Y's fighters attacked X",
  "Y forces shelled X"), an acronym ("the Air Force (AF) hit"), an apposition or a parenthetical
  ("X, led by N, have battled Y"; "X, who ..., met Y"; "X, in coordination with W, struck Y");
  coordinated subjects ("X and Y fought Z", a list ending in "and") each take the relation;
* the object is the mention after the verb, past determiners and a few adjectives ("the
  paramilitary X"), and coordinated objects ("attacked Y and Z") each take it;
* IN_CONFLICT_WITH: hostile verbs, "X and Y clashed" (no object: the two subjects fought), "X fired
  drones and missiles at Y", "X intercepted missiles launched by Y", "X killed 40 Y fighters",
  "X drove Y out of ...", "X accuses Y of attacking Z", "A and the rebels of B agreed a truce",
  "A signed a peace accord with B", "X declared Y defeated", "attacks by X on Y", "X lost 20 men
  in clashes with Y", "X's rival Y";
* ALLIED_WITH: "X works with Y", "X, loyal to Y", "X fought alongside Y", "X accuses Y of arming Z",
  the named members of one delegation or coalition (pairwise, guidelines §2.5);
* MET_WITH: "X held (a video) meeting with Y", "talks ... between A and B", a pronoun subject or
  object ("he met Y", "X received him": the person it names when that is unambiguous, guidelines
  §3.1), a list of people met past a relative clause ("hosted A, who ..., B and C");
* CONTROLS: "X seized the town of Y" (designators and counts skipped; "retook Y from Z" also puts
  X in conflict with Z), "the X-held capital, Y", "X's capture of Y", "the fall of Y to X",
  "Y, under X control"; ALLIED_WITH also "X's support for Y".

Relations are symmetric where the schema says so (guidelines §3); CONTROLS goes from the taker
to the place. The finder adds to ``RelationFinder.find``; relations the older patterns found first
are kept as they are (``_dedupe``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .arguments import ORG_OR_GPE, ArgumentGrammar
from .entities import DATA, load_json, sentence_bounds

Add = Callable[[str, "Span | None", "Span | None", str], None]
PLACES = {"GPE", "LOC"}
PEOPLE = {"PERSON"}
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


class PartyRelations(ArgumentGrammar):
    """Verb-mediated relations between parties (see the module docstring)."""

    def __init__(self, nlp: Language, data_dir: Path = DATA):
        super().__init__(nlp, data_dir)
        p = load_json("party_relations.json", data_dir)
        lists = {
            "hostile": p["hostile_verbs"] + self.words["conflict_verb"],
            "expel": p["expel_verbs"],
            "reciprocal": p["reciprocal_verbs"],
            "fire": p["fire"]["verbs"] + p["fire"]["light_verbs"],
            "intercept": p["intercept"]["verbs"],
            "kill": p["kill"]["verbs"],
            "ally": p["ally_verbs"] + self.words["ally_verb"],
            "accuse": p["accusation"]["verbs"],
            "meet_hold": p["meeting"]["hold_verbs"],
            "meet_between": p["meeting"]["between_nouns"],
            "meet_verb": self.words["meet"],
            "control": p["control_verbs"] + self.words["control_active"],
            "truce": p["truce"]["verbs"],
            "declared": p["declared"]["verbs"],
            "joint": p["joint"]["nouns"],
            "attack_noun": self.words["conflict_noun"],
            "capture": p["capture"]["nouns"],
            "fall": p["capture"]["fall"] + p["capture"]["fall_verbs"],
            "losses": p["losses"]["verbs"],
            "rival": p["rival"]["nouns"],
            "support": p["support_nouns"],
            "reciprocal_allies": p["reciprocal_allies"],
            "under": p["under_control"]["triggers"],
            "claim": p["claim"]["verbs"],
            "blame": p["blame"]["verbs"],
            "supply": p["supply"]["verbs"] + p["supply"]["receive_verbs"],
            "alliance": p["alliance_members"]["triggers"],
            "led_by": p["alliance_members"]["led_by"],
            "joint_action": p["joint_action"]["triggers"],
            "under_attack": p["under_attack"],
            "pitting": p["pitting"],
            "troop_support": p["troop_support"]["verbs"],
            "membership": p["membership"]["verbs"],
            "make_up": p["membership"]["make_up"],
            "spent_with": p["meeting"]["spent_with"]["verbs"],
            "prisoner_exchange": p["prisoner_exchange"]["verbs"],
            "pact": p["support_verbs"]["pact"]["verbs"],
            "ally_between": p["support_verbs"]["between"],
            "repel": p["repel"]["verbs"],
            "facility_attack": p["facility_attack"]["verbs"],
            "purpose_fight": [f"{v} {g}" for v in p["purpose_fight"]["verbs"] for g in p["purpose_fight"]["purposes"]],
            "alongside": p["alongside"]["triggers"],
        }
        self.party_ally_words = frozenset(w for w in lists["ally"] if " " not in w)
        self.party_hostile_words = frozenset(w for w in lists["hostile"] if " " not in w)
        self.party_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for key, phrases in lists.items():
            self.party_matcher.add(key, [nlp.make_doc(x) for x in sorted(set(phrases))])
        self.party_gaps: dict[str, int] = p["gaps"]
        self.party_subject_skip = self.skip_left | frozenset(p["subject_skip"])
        self.party_force_subjects = frozenset(p["force_subjects"])
        self.party_owner_pronouns = frozenset(p["rival"]["owners"])
        self.party_speech_verbs = frozenset(self.words["speech_verbs"]["verbs"]) | frozenset(
            p["meeting"]["reporting"]
        ) - {"that"}
        self.party_object_skip = self.skip_right | frozenset(p["object_skip"])
        self.party_control_skip = (
            self.party_object_skip | frozenset(p["control_object_skip"]) | self.place_skip | self.territory_designators
        )
        self.party_apposition_openers = frozenset(p["apposition_openers"])
        self.party_reciprocal_stop = frozenset(p["reciprocal_stop"])
        self.party_fire = p["fire"]
        self.party_light_verbs = frozenset(p["fire"]["light_verbs"])
        self.party_intercept = p["intercept"]
        self.party_kill_forces = frozenset(p["kill"]["force_nouns"]) | self.target_nouns
        self.party_expel_particles = frozenset(p["expel_particles"])
        accusation = p["accusation"]
        self.party_gerunds = {
            **{g: "ALLIED_WITH" for g in accusation["ally_gerunds"]},
            **{g: "IN_CONFLICT_WITH" for g in accusation["hostile_gerunds"]},
        }
        self.party_joint_opponent = frozenset(p["joint_opponent"])
        self.party_together = [tuple(w.split()) for w in p["reciprocal_together"]]
        self.party_own_forces = frozenset(accusation["own_forces"])
        self.party_own_pronouns = frozenset(accusation["owner_pronouns"])
        self.party_person_pronouns_of = frozenset(p["coordinated_person"]["pronouns"])
        self.party_joint_statements = frozenset(p["joint"]["statements"])
        self.party_joint_issue_verbs = frozenset(p["joint"]["issue_verbs"])
        signers = p["joint"]["signers"]
        self.party_signers_max = int(signers["max"])
        self.party_signers_subset = frozenset(signers["subset_words"])
        self.party_signers_record = frozenset(signers["record_words"])
        self.party_signers_talks = frozenset(signers["talks_nouns"])
        self.party_signers_own_conflict = tuple(signers["own_conflict"])
        self.party_one_body = frozenset(signers["one_body"]["names"])
        self.party_one_body_prefixes = tuple(signers["one_body"]["prefixes"])
        self.party_person_roles = self.role_words | frozenset(p["coordinated_person"]["roles"])
        meeting = p["meeting"]
        self.party_meeting = meeting
        self.party_prisoner_exchange = p["prisoner_exchange"]
        self.party_support = p["support_verbs"]
        self.party_swap_nouns = frozenset(p["prisoner_exchange"]["nouns"])
        self.party_support_owners = frozenset(p["support_verbs"]["owners"])
        pact = p["support_verbs"]["pact"]
        self.party_pact_heads = frozenset(pact["heads"])
        self.party_pact_agreements = frozenset(pact["agreements"])
        self.party_pact_military = frozenset(pact["military"])
        self.party_pact_not = frozenset(pact["not"])
        self.party_pact_words = self.party_pact_heads | self.party_pact_agreements
        self.party_ally_phrases = frozenset(p["ally_verbs"])
        self.party_support_verbs = frozenset(p["support_verbs"]["verbs"])
        self.party_meeting_nouns = frozenset(meeting["nouns"])
        self.party_meeting_gap: int = meeting["modifier_gap"]
        self.party_between_gap: int = meeting["between_gap"]
        self.party_person_pronouns = frozenset(meeting["pronouns"])
        self.party_pronoun_clauses = frozenset(meeting["pronoun_clauses"])
        self.party_participle_openers = frozenset(meeting["participle_openers"])
        self.party_relatives = frozenset(meeting["apposition_relatives"])
        held = p["held_suffix"]
        self.party_held_suffixes = frozenset(held["suffixes"])
        self.party_held_nouns = frozenset(held["nouns"])
        self.party_held_links = frozenset(held["links"])
        self.party_reduced_ally = frozenset(p["reduced_ally"])
        self.party_taking = frozenset(p["taking_verbs"])
        self.party_under_nouns = frozenset(p["under_control"]["nouns"])
        self.party_under_skip = frozenset(p["under_control"]["skip"])
        self.party_losses = p["losses"]
        self.party_rival_owners = frozenset(p["rival"]["owners"])
        self.party_enemy_nouns = frozenset(p["rival"]["enemy_nouns"])
        self.party_reciprocal_followers = frozenset(p["reciprocal_followers"])
        self.party_control_stop = frozenset(p["control_object_stop"])
        self.party_member_skip = frozenset(p["kill"]["member_skip"])
        self.party_attack_by = p["attack_by"]
        self.party_capture = p["capture"]
        self.party_fall_verbs = frozenset(p["capture"]["fall_verbs"])
        self.party_fall_place_stops = frozenset(p["capture"]["fall_place_stops"])
        self.party_counts = frozenset(p["kill"]["counts"])
        self.party_truce = p["truce"]
        self.party_repel_gap = int(p["repel"]["gap"])
        self.party_repel_political = frozenset(p["repel"]["political"]) | frozenset(p["contest_words"])
        self.party_repel_window = int(p["repel"]["political_window"])
        self.party_relative_hostile = frozenset(p["accusation"]["relative_hostile"])
        self.party_contest_words = frozenset(p["contest_words"])
        self.party_alongside = p["alongside"]
        self.party_purpose_skip = frozenset(p["purpose_fight"]["skip"])
        facility = p["facility_attack"]
        self.party_facility_gap = int(facility["gap"])
        self.party_facilities = [tuple(w.split()) for w in facility["facilities"]]
        self.party_facility_links = [tuple(w.split()) for w in facility["links"]]
        self.party_facility_followers = frozenset(facility["follower_subjects"])
        self.party_facility_civilian = frozenset(facility["civilian_heads"])
        self.party_truce_nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.party_truce_nouns.add("truce", [nlp.make_doc(x) for x in p["truce"]["nouns"]])
        self.party_outcomes = frozenset(p["declared"]["outcomes"])
        self.party_joint = p["joint"]
        self.party_reporting = frozenset(meeting["reporting"])
        self.party_object_pronouns = frozenset(meeting["object_pronouns"])
        self.party_stop_after_object = self.skip_left | frozenset(self.words["report_verbs"])
        self.party_claim = p["claim"]
        self.party_blame = p["blame"]
        self.party_claim_determiners = frozenset(p["claim"]["determiners"])
        self.party_attack_nouns = self.conflict_nouns
        self.party_object_relatives = frozenset(p["object_relative"]["pronouns"])
        self.party_supply = p["supply"]
        self.party_arms = frozenset(p["supply"]["arms"])
        self.party_military_aid = frozenset(p["supply"]["military"])
        self.party_receive = frozenset(p["supply"]["receive_verbs"])
        self.party_pp_preps = frozenset(p["pp_subject_preps"])
        troops = p["troop_support"]
        self.party_troop_gap: int = troops["gap"]
        self.party_troop_forces = frozenset(w for f in troops["forces"] for w in f.split())
        self.party_troop_purposes = [tuple(x.split()) for x in troops["purposes"]]
        self.party_passive_aux = frozenset(p["passive_attack"]["auxiliaries"])
        self.party_clause_openers = frozenset(p["kill"]["clause_openers"])
        self.party_fronted = p["fronted_meeting"]
        self.party_fronted_nouns = frozenset(p["fronted_meeting"]["nouns"])
        self.party_presence = [tuple(x.split()) for x in meeting["presence"]]
        self.party_setting_preps = frozenset(meeting["setting"]["preps"])
        self.party_setting_labels = frozenset(meeting["setting"]["labels"])
        membership = p["membership"]
        self.party_membership_heads = frozenset(membership["bloc_heads"])
        self.party_membership_premodified = frozenset(membership["premodified"])
        self.led_suffix = frozenset(membership["led_suffix"])
        self.party_alliance = p["alliance_members"]
        self.party_alliance_skip = frozenset(p["alliance_members"]["subject_skip"])
        self.party_alliance_nouns = frozenset(p["alliance_members"]["alliance_nouns"])
        self.party_joint_action = p["joint_action"]
        self.party_joint_skip = frozenset(p["joint_action"]["verb_skip"])

    # -- the finder ------------------------------------------------------------------------
    def _parties(self, doc: Doc, mentions: list[Span], at_start: dict, at_end: dict, add: Add) -> None:
        """Add every party relation of ``doc`` through ``add`` (type, head, tail, rule)."""
        handlers = {
            "hostile": self._party_hostile,
            "expel": self._party_expel,
            "reciprocal": self._party_reciprocal,
            "fire": self._party_fire,
            "intercept": self._party_intercept,
            "kill": self._party_kill,
            "ally": self._party_ally,
            "accuse": self._party_accuse,
            "meet_hold": self._party_meet_hold,
            "meet_between": self._party_meet_between,
            "meet_verb": self._party_meet_verb,
            "control": self._party_control,
            "truce": self._party_truce,
            "declared": self._party_declared,
            "joint": self._party_joint,
            "attack_noun": self._party_attack_by,
            "capture": self._party_capture,
            "fall": self._party_fall,
            "losses": self._party_losses,
            "rival": self._party_rival,
            "support": self._party_support,
            "reciprocal_allies": self._party_reciprocal_allies,
            "under": self._party_under,
            "claim": self._party_claim,
            "blame": self._party_blame,
            "supply": self._party_supply,
            "alliance": self._party_alliance_members,
            "led_by": self._party_alliance_leader,
            "joint_action": self._party_joint_action,
            "under_attack": self._party_under_attack,
            "pitting": self._party_pitting,
            "troop_support": self._party_troop_support,
            "membership": self._party_membership,
            "make_up": self._party_make_up,
            "spent_with": self._party_spent_with,
            "prisoner_exchange": self._party_prisoner_exchange,
            "pact": self._party_pact,
            "ally_between": self._party_ally_between,
            "repel": self._party_repel,
            "facility_attack": self._party_facility_attack,
            "purpose_fight": self._party_purpose_fight,
            "alongside": self._party_alongside,
        }
        for key, start, end in self.party_matcher(doc):
            name = doc.vocab.strings[key]
            if self._unasserted(doc, start):
                continue  # "X would fight Y if ...", "N has never met M": no act is stated
            handlers[name](doc, start, end, mentions, at_start, at_end, add)
        self._party_held_suffix(doc, mentions, at_start, add)
        self._party_fronted_meeting(doc, at_start, add)
        self._party_with_whom(doc, mentions, at_end, add)

    # -- arguments -------------------------------------------------------------------------
    def _party_subject(
        self,
        doc: Doc,
        k: int,
        at_end: dict,
        labels: set[str],
        mentions: list[Span],
        noun_phrase: bool = False,
        reduced: bool = False,
    ) -> Span | None:
        """The mention a verb at token k is said of (see the module docstring)."""
        found = self._party_subject_walk(doc, k, at_end, labels, mentions, noun_phrase, reduced)
        if found is None and labels != PEOPLE:
            found = self._party_force_owner(doc, k, mentions, labels) or self._nominal_subject(doc, k, mentions)
        return found

    def _party_force_owner(self, doc: Doc, k: int, mentions: list[Span], labels: set[str]) -> Span | None:
        """ "A spokesman for X said its gunmen had killed 12 Y troops": the owner pronoun of a force noun
        before the verb, in what a reporting verb reports, names the speaker's organisation."""
        floor = sentence_bounds(doc)[0][min(k, len(doc) - 1)]
        j = k - 1
        while j > floor and doc[j].lower_ in self.party_subject_skip and doc[j].lower_ not in self.party_owner_pronouns:
            j -= 1
        if j - 1 < floor or doc[j].lower_ not in self.party_force_subjects:
            return None
        if doc[j - 1].lower_ not in self.party_owner_pronouns:
            return None
        # the speaker's organisation: the first one named before the reporting verb ("A, a spokesman for
        # X, said its fighters ..."; "X said it had driven Y out and its troops took Z": X, not Y)
        verb = next((i for i in range(j - 2, floor - 1, -1) if doc[i].lower_ in self.party_speech_verbs), None)
        if verb is None:
            return None
        owner = next((m for m in mentions if floor <= m.start and m.end <= verb and m.label_ == "ORG"), None)
        if owner is None or owner.label_ not in labels:
            return None
        acronym = self._acronym_after(doc, owner.end, {m.start: m for m in mentions})
        return acronym if acronym is not None and acronym.label_ == "ORG" else owner

    def _party_subject_walk(
        self,
        doc: Doc,
        k: int,
        at_end: dict,
        labels: set[str],
        mentions: list[Span],
        noun_phrase: bool = False,
        reduced: bool = False,
    ) -> Span | None:
        floor = sentence_bounds(doc)[0][min(k, len(doc) - 1)]
        j, steps = k, 0
        while j > floor and steps <= self.party_gaps["subject"]:
            m = at_end.get(j)
            if m is not None:
                if m.label_ == "DATE":
                    j, steps = m.start, steps + 1
                    continue
                return m if m.label_ in labels else None
            t = doc[j - 1].lower_
            acronym = self._acronym_before(doc, j, at_end)  # "the Air Force (AF) had hit Y"
            if acronym is not None:
                return acronym if acronym.label_ in labels else None
            if t == ",":
                if reduced and j == k and at_end.get(j - 1) is not None:
                    before = at_end[j - 1]  # "X, loyal to Y": a reduced relative says it of X
                    return before if before.label_ in labels else None
                if doc[k].lower_.endswith("ing") and j == k:
                    return None  # ", killing 12": a participle after a comma says no subject
                return self._party_apposition_head(doc, j - 1, floor, at_end, labels)
            if t in self.party_person_pronouns and labels == PEOPLE:
                # "X said he met Y", "X travelled to Z, where she met Y": the person just named
                reported = j - 2 >= floor and doc[j - 2].lower_ in self.party_reporting | self.party_pronoun_clauses
                return self._party_person_before(doc, j - 1, mentions, reported=reported)
            if t == "and" and labels == PEOPLE and j == k:
                # "A visited Z on Monday and met B": the verbs share the one person named before
                before = [m for m in mentions if m.label_ == "PERSON" and floor <= m.start and m.end < j]
                return before[0] if len(before) == 1 else None
            if t in self.party_force_subjects:
                if j - 2 >= floor and doc[j - 2].lower_ in POSSESSIVE:
                    j -= 1  # "Y's fighters attacked X"
            elif t not in self.party_subject_skip:
                return self._party_noun_apposition(doc, j, floor, at_end, labels) if noun_phrase else None
            j -= 1
            steps += 1
        return None

    def _party_apposition_head(self, doc: Doc, close: int, floor: int, at_end: dict, labels: set[str]) -> Span | None:
        """ "X, led by N, have battled Y": the mention before the comma that opens the apposition
        closed at ``close``; "X, which fought Y": the mention before a relative pronoun's comma."""
        before = at_end.get(close)
        if before is not None and close + 1 < len(doc) and doc[close + 1].lower_ in ("which", "who"):
            return before if before.label_ in labels else None  # "X, which fought Y"
        # "A, B attacked" is a list: B opens no apposition, so the search below finds no head
        for c in range(close - 1, max(floor, close - self.party_gaps["apposition"]) - 1, -1):
            if doc[c].text != ",":
                continue
            inner = next((m for m in at_end.values() if m.start == c + 1), None)
            possessive = inner is not None and inner.end < len(doc) and doc[inner.end].lower_ in POSSESSIVE
            if doc[c + 1].lower_ not in self.party_apposition_openers and not possessive:
                break
            head = at_end.get(c) or self._acronym_before(doc, c, at_end)  # "X (ACR), the group's ..."
            if head is not None and head.label_ in labels:
                return head
            if labels != PEOPLE:
                return None
            break  # "the two envoys, Y's Gen. A and Z's Gen. B, held talks": the people in apposition
        if before is not None and labels == PEOPLE and before.label_ == "PERSON":
            return before  # "Gen. A, had met B": a stray comma after the person (as in relations._meet)
        return None

    def _party_noun_apposition(self, doc: Doc, j: int, floor: int, at_end: dict, labels: set[str]) -> Span | None:
        """ "X, a splinter faction loyal to Y": an indefinite or definite noun phrase in apposition."""
        for c in range(j - 1, max(floor, j - self.party_gaps["noun_apposition"]) - 1, -1):
            t = doc[c]
            if t.text == ",":
                if c + 1 < j and doc[c + 1].lower_ in ("a", "an", "the"):
                    head = at_end.get(c) or self._acronym_before(doc, c, at_end)  # "X (XF), a faction loyal to Y"
                    return head if head is not None and head.label_ in labels else None
                return None
            if not (t.is_lower or t.text == "-" or (c + 1 < j and doc[c + 1].text == "-")):
                return None  # a name inside a compound modifier ("the Velmar-linked faction") is passed over
        return None

    def _party_person_before(
        self, doc: Doc, k: int, mentions: list[Span], exclude: Span | None = None, reported: bool = False
    ) -> Span | None:
        """The person a pronoun at token k names (guidelines §3.1): after a reporting verb ("X said he
        met Y") the nearest person before it in its sentence; else, when its sentence names no person
        before it, the one person the sentence before names ("X ... . On Monday he met Y")."""
        starts = sentence_bounds(doc)[0]
        floor = starts[k]
        before = [m for m in mentions if m.label_ == "PERSON" and floor <= m.start and m.end <= k and m != exclude]
        if before:
            return before[-1] if reported else None
        if floor == 0:
            return None
        previous = {m.text: m for m in mentions if m.label_ == "PERSON" and starts[floor - 1] <= m.start < floor}
        previous.pop(exclude.text if exclude is not None else "", None)
        return next(iter(previous.values())) if len(previous) == 1 else None

    def _party_objects(
        self, doc: Doc, k: int, at_start: dict, labels: set[str], skip=None, gap: int | None = None
    ) -> list[Span]:
        """The mention after token k and those coordinated with it ("Y and Z", "Y, Z and W")."""
        skip = self.party_object_skip if skip is None else skip
        first = self._right(doc, k, at_start, labels, skip=skip, gap=self.party_gaps["object"] if gap is None else gap)
        if first is not None and self._backer_modifier(doc, first):
            # "allied to the AU-backed Council of X": the backed body is the object, the backer is not.
            first = at_start.get(first.end + 2)
            if first is not None and first.label_ not in labels:
                first = None
        return [] if first is None else self._party_conjuncts(doc, first, at_start, labels)

    def _party_conjuncts(self, doc: Doc, first: Span, at_start: dict, labels: set[str]) -> list[Span]:
        """``first`` and the mentions coordinated after it ("Y and Z", "Y, Z and W", "Y (ACR) and Z"): an
        argument that is a list names each conjunct ("backed by Y and Z" is backed by both)."""
        out, cur = [first], first
        while True:
            j = cur.end
            acronym = self._acronym_after(doc, j, at_start)
            if acronym is not None:
                j = acronym.end + 1  # "Y (ACR) and Z"
            if j >= len(doc) or doc[j].lower_ not in ("and", ","):
                break
            # "Y, the Z capital" is an apposition, not a list: only "and" takes a determiner
            nxt = self._right(doc, j + 1, at_start, labels, skip={"the"} if doc[j].lower_ == "and" else set(), gap=1)
            if nxt is None or (nxt.end < len(doc) and doc[nxt.end].lower_ in self.party_stop_after_object):
                break  # "struck Y and Z said ...": Z opens a new clause
            out.append(nxt)
            cur = nxt
        return out

    def _party_coordination(self, doc: Doc, first: Span, at_end: dict, labels: set[str]) -> list[Span]:
        """ "A, B and (the) C" ending at ``first``: every conjunct whose label is in ``labels``."""
        out, cur = [first], first
        while cur.start >= 2:
            s = self._party_person_modifiers(doc, cur.start, at_end) if labels == PEOPLE else cur.start
            j = s - 1 if doc[s - 1].lower_ != "the" else s - 2
            if j < 1 or doc[j].lower_ not in ("and", ",") or (cur is first and doc[j].lower_ != "and"):
                break  # "in Rafah, Israel struck": a list ends in "and" before its last conjunct
            if doc[j].lower_ == "and" and doc[j - 1].text == ",":
                j -= 1  # "A, B, and C"
            prev = at_end.get(j) or self._acronym_before(doc, j, at_end)  # "X (XA) and Y"
            if prev is None or prev.label_ not in labels:
                break
            out.append(prev)
            cur = prev
        return out

    def _party_person_modifiers(self, doc: Doc, k: int, at_end: dict) -> int:
        """Where the premodifiers of a person starting at token k start: ranks and titles, and a state's
        possessive before them ("A and Andorra's Lt. Gen. B held talks": B is coordinated with A), or a
        body's name before a role ("A and Y envoy B")."""
        titled = k
        while (
            k > 0
            and doc[k - 1].lower_ != "and"
            and (doc[k - 1].lower_ in self.party_person_roles or doc[k - 1].text in (".", "-"))
        ):
            k -= 1
        body = at_end.get(k) if k < titled else None
        if body is not None and body.label_ in ORG_OR_GPE:
            return body.start  # "A and Y envoy B": a body premodifying a role
        if k < titled:
            # "A and his (Valdonian) counterpart B": a possessive pronoun before the role and a nationality
            j = k
            nationality = at_end.get(j)
            if nationality is not None and nationality.label_ == "NORP":
                j = nationality.start
            elif j > 1 and doc[j - 1].is_title and doc[j - 1].is_alpha:
                j -= 1
            for n in (j, k):
                if n > 1 and doc[n - 1].lower_ in self.party_person_pronouns_of:
                    return n - 1
            if nationality is not None and nationality.label_ == "NORP":
                return nationality.start  # "A and Valdonian President B held talks"
        if k > 1 and doc[k - 1].lower_ in POSSESSIVE:
            state = at_end.get(k - 1)
            if state is not None and state.label_ == "GPE":
                k = state.start
        return k

    def _party_pairs(self, rtype: str, subjects: list[Span], objects: list[Span], add: Add, rule: str) -> None:
        for s in subjects:
            for o in objects:
                add(rtype, s, o, rule)

    def _party_subjects(
        self, doc: Doc, k: int, at_end: dict, labels: set[str], mentions: list[Span], **where: bool
    ) -> list[Span]:
        """The subject of the verb at token k and the subjects coordinated with it; none if it has none."""
        subject = self._party_subject(doc, k, at_end, labels, mentions, **where)
        return [] if subject is None else self._party_coordination(doc, subject, at_end, labels)

    def _party_relate(
        self, rtype: str, doc: Doc, k: int, at_end: dict, mentions: list[Span], objects: list[Span], add: Add, rule: str
    ) -> list[Span]:
        """Each subject of the verb at token k (coordination expanded) with each object; the subjects."""
        subjects = self._party_subjects(doc, k, at_end, ORG_OR_GPE, mentions) if objects else []
        self._party_pairs(rtype, subjects, objects, add, rule)
        return subjects

    # -- conflict --------------------------------------------------------------------------
    def _party_hostile(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        if end < len(doc) and doc[end].lower_ == "by":
            self._party_passive_attack(doc, start, end, at_start, at_end, add)
            return
        noun = end - start == 1 and end < len(doc) and doc[start].lower_ in self.conflict_nouns
        if noun and doc[end].lower_ in self.conflict_noun_reading:
            return  # "X claimed attacks on Y": the noun, whose attacker is not X
        # "X, the group fighting Y": a participle in a noun apposition is said of the apposition's head
        participle = doc[end - 1].lower_.endswith("ing")
        subjects = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions, noun_phrase=participle)
        if not subjects:
            return
        end = self._verb_conjunct(doc, end, self.party_hostile_words)  # "shelled and bombed Y"
        objects = self._party_objects(doc, end, at_start, ORG_OR_GPE)
        if not objects:
            nominal = self._nominal(doc, end, mentions, subjects[0])
            objects = [nominal] if nominal is not None else self._party_targets(doc, end, at_start)
        if not objects:
            antecedent = self._party_relative_antecedent(doc, subjects[-1], at_end)
            if antecedent is not None:
                self._party_pairs("IN_CONFLICT_WITH", subjects, [antecedent], add, "party_relations.object_relative")
        # "shelled X, a village near Y" hits a place; "attacked Y's decision" disputes a thing of Y's
        objects = [o for o in objects if not self._settlement(doc, o) and not self._disputed_thing(doc, o)]
        if objects and any(t.lower_ in self.party_contest_words for t in doc[objects[-1].end : objects[-1].end + 6]):
            return  # "X defeated Y in the 2021 elections": a contest, not fighting
        self._party_pairs("IN_CONFLICT_WITH", subjects, objects, add, "party_relations.hostile_verbs")

    def _relative_place(self, doc: Doc, subject: Span, at_end: dict) -> Span | None:
        """ "Y, which X seized": the place before ", which" that opens right before the subject."""
        k = subject.start - 1 if subject.start > 0 and doc[subject.start - 1].lower_ == "the" else subject.start
        if k < 3 or doc[k - 1].lower_ not in self.party_object_relatives or doc[k - 2].text != ",":
            return None
        place = at_end.get(k - 2)
        return place if place is not None and place.label_ in PLACES else None

    @staticmethod
    def _verb_conjunct(doc: Doc, end: int, verbs: frozenset[str]) -> int:
        """Past "and" and a second verb of the same kind after a verb ending at ``end`` ("X armed and
        trained Y"): the object of both follows the second."""
        if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].lower_ in verbs:
            return end + 2
        return end

    def _party_relative_antecedent(self, doc: Doc, subject: Span, at_end: dict) -> Span | None:
        """ "X, which Y has been fighting since 2012, ...": the verb's object is the mention the relative
        pronoun before its subject stands for."""
        k = subject.start
        if k >= 1 and doc[k - 1].lower_ == "the":
            k -= 1
        if k < 2 or doc[k - 1].lower_ not in self.party_object_relatives:
            return None
        j = k - 2 if doc[k - 2].text == "," else k - 1
        before = at_end.get(j) or self._acronym_before(doc, j, at_end)  # "X (XA), which Y fought"
        # an organisation only: "Corvo, which X shelled" is a place attacked, which a name alone cannot tell
        # from a warring state (guidelines §2.3)
        return before if before is not None and before.label_ == "ORG" else None

    def _party_passive_attack(self, doc: Doc, start: int, end: int, at_start: dict, at_end: dict, add: Add) -> None:
        """ "Y was attacked by X", "Y had been struck by X rockets": the agent attacked the subject."""
        k = start
        while k > 0 and doc[k - 1].lower_ in self.party_passive_aux:
            k -= 1
        if k == start:
            return  # "the town, struck by X": a reduced clause may describe a place, not a party
        target = at_end.get(k)
        if target is None and k > 1 and doc[k - 1].lower_ in self.armed_words | self.target_nouns:
            target = at_end.get(k - 1)  # "Y troops were ambushed by X", "Y positions were shelled by X"
        agent = self._right(doc, end + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if target is None or agent is None or target.label_ not in ORG_OR_GPE or self._settlement(doc, target):
            return
        if self._inside_phrase(doc, target.start):
            return  # "peacekeepers in Y were attacked by X": Y says where, the peacekeepers were attacked
        for each in self._party_conjuncts(doc, agent, at_start, ORG_OR_GPE):  # "attacked by X and Z"
            add("IN_CONFLICT_WITH", each, target, "party_relations.passive_attack")

    def _party_under_attack(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "Y came under attack from X"."""
        agent = self._right(doc, end, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if agent is None:
            return
        targets = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions)
        self._party_pairs("IN_CONFLICT_WITH", [agent], targets, add, "party_relations.under_attack")

    def _party_troop_support(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X sent 1,000 troops to support Y": the forces' purpose names the party X backs."""
        k, ceiling, forces = end, min(sentence_bounds(doc)[1][start], end + self.party_troop_gap), False
        while k < ceiling:
            fig = at_start.get(k)
            if fig is not None and fig.label_ == "FIGURE":
                k = fig.end
                continue
            t = doc[k]
            if t.lower_ in self.party_troop_forces:
                forces = True
            elif forces and t.lower_ in ("to", "in"):
                break
            elif not ((t.is_alpha and t.is_lower) or t.like_num or t.text in (",", "-")):
                return  # a name between the verb and its forces is another reading
            k += 1
        if not forces or k >= ceiling:
            return
        words = tuple(x.lower_ for x in doc[k : k + 4])
        purpose = next((p for p in self.party_troop_purposes if words[: len(p)] == p), None)
        if purpose is None:
            return
        objects = self._party_objects(doc, k + len(purpose), at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if objects and objects[0].end < len(doc) and doc[objects[0].end].lower_ in POSSESSIVE:
            return  # "to support Y's displaced": Y only owns what is supported
        self._party_relate("ALLIED_WITH", doc, start, at_end, mentions, objects, add, "party_relations.troop_support")

    def _party_pitting(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "fighting pitting X against Y"."""
        side = self._party_objects(doc, end, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if not side:
            return
        acronym = self._acronym_after(doc, side[-1].end, at_start)
        k = (acronym or side[-1]).end + (acronym is not None)
        if k >= len(doc) or doc[k].lower_ != "against":
            return
        other = self._party_objects(doc, k + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        self._party_pairs("IN_CONFLICT_WITH", side, other, add, "party_relations.pitting")

    def _party_expel(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X drove Y out of the city": the object must be followed by out/from/back."""
        objects = self._party_objects(doc, end, at_start, ORG_OR_GPE)
        if not objects:
            return
        acronym = self._acronym_after(doc, objects[-1].end, at_start)
        k = (acronym or objects[-1]).end + (acronym is not None)
        if k >= len(doc) or doc[k].lower_ not in self.party_expel_particles:
            return
        self._party_relate(
            "IN_CONFLICT_WITH", doc, start, at_end, mentions, objects, add, "party_relations.expel_verbs"
        )

    def _party_reciprocal(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X and Y clashed": with no object, coordinated subjects fought each other."""
        together = next((n for n in self.party_together if tuple(t.lower_ for t in doc[end : end + len(n)]) == n), None)
        if together is not None:
            # "X and Y fought together against Z": one side, allied, fighting Z
            group = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions)
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    add("ALLIED_WITH", b, a, "party_relations.reciprocal_together")
            k = end + len(together)
            if group and k < len(doc) and doc[k].lower_ in self.party_joint_opponent:
                opponents = self._party_objects(doc, k + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
                self._party_pairs("IN_CONFLICT_WITH", group, opponents, add, "party_relations.joint_opponent")
            return
        if end < len(doc) and doc[end].lower_ in self.party_reciprocal_stop:
            return
        if end < len(doc):
            nxt = doc[end]
            transitive = nxt.is_alpha and nxt.is_lower and not nxt.lower_.endswith("ly")
            if transitive and nxt.lower_ not in self.party_reciprocal_followers:
                return  # "fought famine": a transitive use with an object the text does not name
        if self._right(doc, end, at_start, ORG_OR_GPE | PLACES | PEOPLE, skip=self.party_object_skip) is not None:
            return
        group = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions)
        if group and self._inside_phrase(doc, min(m.start for m in group)):
            return  # "separatists in A and B have fought": A and B are where, not who (guidelines §2.5)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                add("IN_CONFLICT_WITH", b, a, "party_relations.reciprocal_verbs")

    def _party_prisoner_exchange(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "A and B exchanged 40 prisoners": the parties that swap captives fought each other."""
        swap = self.party_prisoner_exchange
        k = end
        while k < len(doc) and k - end < swap["gap"] and doc[k].lower_ not in self.party_swap_nouns:
            fig = at_start.get(k)
            if fig is not None and fig.label_ == "FIGURE":
                if doc[fig.end - 1].lower_ in self.party_swap_nouns:
                    k = fig.end - 1  # "swapped 40 prisoners": the figure ends in the noun
                    break
                k = fig.end
                continue
            if not (doc[k].is_lower or doc[k].like_num):
                return
            k += 1
        if k >= len(doc) or doc[k].lower_ not in self.party_swap_nouns:
            return
        group = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                add("IN_CONFLICT_WITH", b, a, "party_relations.prisoner_exchange")

    def _inside_phrase(self, doc: Doc, k: int) -> bool:
        """Whether the mention at token k is the object of a preposition, past its modifiers
        ("in the English-speaking A")."""
        j = k - 1
        while j >= max(0, k - 6) and doc[j].lower_ not in self.party_pp_preps:
            hyphenated = doc[j].text == "-" or (j + 1 < len(doc) and doc[j + 1].text == "-")
            if not (hyphenated or (doc[j].is_alpha and doc[j].is_lower)) or doc[j].lower_ in ("and", "or"):
                return False
            j -= 1
        return j >= 0 and doc[j].lower_ in self.party_pp_preps

    def _party_reciprocal_allies(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X and Y are close allies"."""
        if end < len(doc) and doc[end].lower_ in ("of", "in"):
            return  # "are allies of Z": the relation is with Z, the older ally-noun pattern's
        group = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                add("ALLIED_WITH", b, a, "party_relations.reciprocal_allies")

    def _party_fire(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X fired drones and missiles at Y": weapons between the verb and the preposition."""
        ceiling = min(sentence_bounds(doc)[1][start], end + self.party_fire["weapons_gap"] + 1)
        k = end
        while k < ceiling and doc[k].lower_ not in self.party_fire["preps"]:
            fig = at_start.get(k)
            if fig is not None and fig.label_ == "FIGURE":
                k = fig.end
                continue
            if not (doc[k].is_lower and doc[k].is_alpha) and doc[k].text != "," and not doc[k].like_num:
                return
            k += 1
        if k == end or k >= ceiling:
            return  # "fired at" alone is the older pattern's
        if doc[start:end].text.lower() in self.party_light_verbs and not any(
            t.lower_ in self.party_attack_nouns for t in doc[end:k]
        ):
            return  # "carried out a survey on Y": no attack
        objects = self._party_objects(doc, k + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if not objects:
            state = self._targets_in_state(doc, k + 1, at_start)  # "launched drones at bases in Y"
            objects = [state] if state is not None else []
        self._party_relate("IN_CONFLICT_WITH", doc, start, at_end, mentions, objects, add, "party_relations.fire")

    def _party_intercept(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X intercepted missiles launched by Y": the interceptor and the launcher."""
        ceiling = min(sentence_bounds(doc)[1][start], end + self.party_intercept["gap"])
        launcher = None
        for k in range(end, ceiling - 1):
            if (
                doc[k].lower_ in self.party_intercept["participles"]
                and doc[k + 1].lower_ in self.party_intercept["preps"]
            ):
                labels = set(self.party_intercept["preps"][doc[k + 1].lower_])
                launcher = self._right(doc, k + 2, at_start, labels, skip={"the"}, gap=1)
                break
            if doc[k].text in (".", ";") or (at_start.get(k) is not None and at_start[k].label_ in ORG_OR_GPE):
                break
        if launcher is None:
            return
        subject = self._party_subject(doc, start, at_end, ORG_OR_GPE, mentions)
        if subject is not None:
            add("IN_CONFLICT_WITH", subject, launcher, "party_relations.intercept")

    def _party_kill(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X killed 40 Y fighters and 12 soldiers of Z": the parties whose members a count names."""
        targets = self._party_targets(doc, end, at_start)
        if not targets:
            # "killed a senior X commander": the party whose member was killed
            member = self._right(doc, end, at_start, {"ORG"}, skip=self.party_member_skip)
            if member is not None and member.end < len(doc):
                noun = doc[member.end].lower_
                targets = [member] if noun in self.party_kill_forces or noun in self.role_nouns else []
        if not targets:
            return
        if start > 0 and doc[start - 1].text == "," and doc[start].lower_.endswith("ing"):
            # "X had struck a boat, killing 11 members of Y": the participle is said of the clause's subject
            subject = self._clause_subject(doc, start - 1, at_start)
            self._party_pairs("IN_CONFLICT_WITH", [subject] if subject else [], targets, add, "party_relations.kill")
            return
        self._party_relate("IN_CONFLICT_WITH", doc, start, at_end, mentions, targets, add, "party_relations.kill")

    def _clause_subject(self, doc: Doc, comma: int, at_start: dict) -> Span | None:
        """The named party that opens the clause ending at ``comma``, followed by its verb; the clause
        starts after the last reporting word ("Y said that X had ...") or at the sentence start."""
        floor = sentence_bounds(doc)[0][comma]
        k = max([i + 1 for i in range(floor, comma) if doc[i].lower_ in self.party_clause_openers] or [floor])
        while k < comma and (doc[k].is_space or doc[k].lower_ == "the"):
            k += 1
        m = at_start.get(k)
        if m is None or m.label_ not in ORG_OR_GPE or m.end >= comma:
            return None
        return m if doc[m.end].is_alpha and doc[m.end].is_lower else None

    def _party_targets(self, doc: Doc, k: int, at_start: dict) -> list[Span]:
        """The parties a list of counts names from token k: "40 Y fighters", "12 soldiers of Z",
        "dozens of Y targets"."""
        targets: list[Span] = []
        while k < len(doc):
            while k < len(doc) and (doc[k].is_quote or doc[k].lower_ in ("a", "an", "the")):
                k += 1
            fig = at_start.get(k)
            if fig is not None and fig.label_ == "FIGURE":
                k = fig.end
            elif k < len(doc) and (doc[k].like_num or doc[k].lower_ in self.party_counts):
                k += 1  # "40 X hideouts" counts no casualties, so no figure holds it
            else:
                break
            k = k + 1 if k < len(doc) and doc[k].lower_ == "of" else k
            party = self._right(doc, k, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
            if party is not None and party.end < len(doc) and doc[party.end].lower_ in self.party_kill_forces:
                targets.append(party)  # "40 Y fighters", "dozens of Y militants"
                k = party.end + 1
            elif (
                k < len(doc)
                and doc[k].lower_ in self.party_kill_forces
                and k + 1 < len(doc)
                and doc[k + 1].lower_ == "of"
            ):
                party = self._right(doc, k + 2, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
                if party is None:
                    break
                targets.append(party)  # "40 soldiers of Y"
                k = party.end
            else:
                # "30 Saudi soldiers and ...": a count of no named party; the list may go on
                k = next((j for j in range(k, min(len(doc), k + 4)) if doc[j].lower_ == "and"), len(doc))
            acronym = self._acronym_after(doc, k, at_start)
            if acronym is not None:
                k = acronym.end + 1
            if k >= len(doc) or doc[k].lower_ != "and":
                break
            k += 1
        return targets

    def _party_losses(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X lost 20 men in two days of clashes with Y"."""
        ceiling = min(sentence_bounds(doc)[1][start], end + self.party_losses["gap"])
        k = end
        while k < ceiling and doc[k].lower_ not in self.party_losses["nouns"]:
            m = at_start.get(k)
            if m is not None and m.label_ not in ("FIGURE", "DATE"):
                return  # a named party or place before the conflict noun breaks the reading
            if doc[k].is_punct and doc[k].text not in ("'", "’"):
                return
            k = m.end if m is not None else k + 1
        if k + 1 >= ceiling or doc[k + 1].lower_ not in self.party_losses["preps"]:
            return
        counted = any(at_start.get(j) is not None and at_start[j].label_ == "FIGURE" for j in range(end, k))
        if not (counted or any(t.like_num for t in doc[end:k])):
            return  # "lost ground in fighting with Y" counts no losses
        other = self._right(doc, k + 2, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        subject = self._party_subject(doc, start, at_end, ORG_OR_GPE, mentions) if other is not None else None
        if subject is not None:
            add("IN_CONFLICT_WITH", subject, other, "party_relations.losses")

    def _party_rival(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X's rival Y", "its arch-rival, the Y" (a group's enemy; guidelines §3 conflict); "X, a sworn
        enemy of Y" (an apposition, like "X, a key ally of Y")."""
        if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end - 1].lower_ in self.party_enemy_nouns:
            enemy = self._right(doc, end + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
            head = self._party_noun_apposition(doc, start, sentence_bounds(doc)[0][start], at_end, ORG_OR_GPE)
            if enemy is not None and head is not None:
                add("IN_CONFLICT_WITH", head, enemy, "party_relations.rival")
                return
        other = self._right(doc, end, at_start, {"ORG"}, skip={",", "the"}, gap=2)
        if other is not None and other.end < len(doc) and doc[other.end].lower_ in POSSESSIVE:
            # "its rival, the Y's Z": the rival is Z, named or not
            other = at_start.get(other.end + 1)
            if other is None or other.label_ != "ORG":
                return
        if other is None:
            return
        owner = None
        if start > 0 and doc[start - 1].lower_ in self.party_rival_owners:
            owner = self._referent(doc, start - 1, mentions, other)
        elif start > 1 and doc[start - 1].lower_ in POSSESSIVE:
            owner = at_end.get(start - 1)
        if owner is not None and owner.label_ in ORG_OR_GPE:
            add("IN_CONFLICT_WITH", owner, other, "party_relations.rival")

    def _party_accuse(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X accuses Y of arming Z" (Y and Z allied); "Y is accused of attacking Z"."""
        accuser = None
        if end < len(doc) and doc[end].lower_ == "of":
            accused = self._party_subject(doc, start, at_end, ORG_OR_GPE, mentions)
            k = end + 1
        else:
            accuser = self._party_subject(doc, start, at_end, ORG_OR_GPE, mentions)
            accused = self._right(doc, end, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
            if accused is None or accused.end >= len(doc) or doc[accused.end].lower_ != "of":
                return
            k = accused.end + 1
        if accused is None or k >= len(doc) or doc[k].lower_ not in self.party_gerunds:
            return
        rtype = self.party_gerunds[doc[k].lower_]
        k += 1
        if k + 1 < len(doc) and doc[k].lower_ == "and" and doc[k + 1].lower_ in self.party_gerunds:
            k += 2  # "of arming and reinforcing Z"
        objects = self._party_objects(doc, k, at_start, ORG_OR_GPE, gap=2)
        if not objects:
            # "accuses Y of arming the rebels": the group named before (guidelines §3.1)
            nominal = self._nominal(doc, k, mentions, accused)
            objects = [nominal] if nominal is not None and nominal != accuser else []
        self._party_pairs(rtype, [accused], objects, add, "party_relations.accusation")
        if accuser is not None and objects and rtype == "ALLIED_WITH":
            # "X accuses Y of hiding Z gunmen who raid its troops": Z fights the accuser (§2.5)
            j = objects[-1].end
            if j < len(doc) and doc[j].lower_ in self.party_kill_forces:
                j += 1
            if j < len(doc) and doc[j].text == ",":
                j += 1
            if (
                j + 2 < len(doc)
                and doc[j].lower_ in self.party_object_relatives | {"who"}
                and doc[j + 1].lower_ in self.party_relative_hostile
                and self._party_own_forces_at(doc, j + 2)
            ):
                add("IN_CONFLICT_WITH", objects[-1], accuser, "party_relations.accusation.own_forces")
        if not objects and rtype == "IN_CONFLICT_WITH" and self._party_own_forces_at(doc, k):
            # "X accused Y of shelling its positions": the accuser's own forces are the target (§2.5)
            add("IN_CONFLICT_WITH", accused, accuser, "party_relations.accusation.own_forces")

    def _party_own_forces_at(self, doc: Doc, k: int) -> bool:
        """Whether "its/their (modifiers) forces" opens at token k, at most two modifiers before the noun."""
        if k >= len(doc) or doc[k].lower_ not in self.party_own_pronouns:
            return False
        for j in range(k + 1, min(len(doc), k + 4)):
            if doc[j].lower_ in self.party_own_forces:
                return True
            if not (doc[j].is_alpha and doc[j].is_lower) and doc[j].text != "-":
                return False
        return False

    def _party_truce(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "A and the rebels of B have agreed to a ceasefire", "A signed a peace accord with B"."""
        ceiling = min(sentence_bounds(doc)[1][start], end + self.party_truce["noun_gap"] + 1)
        # a Span's matches are numbered in the Doc
        nouns = [(s, e) for _, s, e in self.party_truce_nouns(doc[end:ceiling])]
        if not nouns:
            return
        between = doc[end : nouns[0][0]]
        if any(not (t.is_lower or t.like_num or t.text == "-") for t in between):
            return  # "agreed on Sunday to ..." is fine only without names or clauses in between
        noun_end = nouns[0][1]
        if noun_end + 1 < len(doc) and doc[noun_end].lower_ == "with":
            other = self._right(doc, noun_end + 1, at_start, ORG_OR_GPE, skip=self.party_object_skip)
            subjects = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions)
            if subjects and other is not None:
                # "A and B signed a peace deal with C": one side, each at war with C
                self._party_pairs("IN_CONFLICT_WITH", subjects, [other], add, "party_relations.truce")
                return
        second = self._party_truce_conjunct(doc, start, at_end)
        if second is None:
            return
        k = second.start - 1
        while k > second.start - 6 and k > 0 and (doc[k].is_lower and doc[k].lower_ != "and"):
            k -= 1  # "the guerrillas of B": a noun of the party before it
        if doc[k].lower_ != "and":
            return
        first = at_end.get(k)
        if first is not None and first.label_ in ORG_OR_GPE:
            add("IN_CONFLICT_WITH", first, second, "party_relations.truce")

    def _party_truce_conjunct(self, doc: Doc, k: int, at_end: dict) -> Span | None:
        """The party just before a truce verb, past auxiliaries, a date and "of ethnic armed groups"."""
        floor = max(sentence_bounds(doc)[0][k], k - self.party_truce["subject_gap"])
        j = k
        while j > floor:
            acronym = self._acronym_before(doc, j, at_end)
            if acronym is not None and acronym.start - 1 > floor and at_end.get(acronym.start - 1) is not None:
                j = acronym.start - 1  # "the guerrillas of X (XF) signed": the name before its acronym
            m = at_end.get(j)
            if m is not None:
                if m.label_ == "DATE":
                    j = m.start
                    continue
                return m if m.label_ in ORG_OR_GPE else None
            if not doc[j - 1].is_lower or doc[j - 1].lower_ in ("and", "that", "which", "who", "said", "says"):
                return None
            j -= 1
        return None

    def _party_declared(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X declared Y (militarily) defeated"."""
        target = self._right(doc, end, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if target is None:
            return
        k = target.end + 1 if target.end < len(doc) and doc[target.end].lower_.endswith("ly") else target.end
        if k >= len(doc) or doc[k].lower_ not in self.party_outcomes:
            return
        subject = self._party_subject(doc, start, at_end, ORG_OR_GPE, mentions)
        if subject is not None:
            add("IN_CONFLICT_WITH", subject, target, "party_relations.declared")

    def _party_joint(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "a joint delegation of A, the B (ACR) and C": the members of
        one body are allied pairwise; an unnamed member ("the government") is passed over. In a
        sentence about a truce the joint body or statement is the truce at work between two sides
        of a war, no alliance (guidelines §2.5: a ceasefire states the conflict)."""
        bounds = sentence_bounds(doc)
        sentence = doc[bounds[0][start] : bounds[1][start]]
        if self.party_truce_nouns(sentence):
            return
        if end >= len(doc) or doc[end].lower_ not in self.party_joint["links"]:
            if doc[start:end].text.lower() in self.party_joint_statements:
                self._party_joint_signers(doc, start, at_start, at_end, add)
            return
        members: list[Span] = []
        last: dict[int, Span] = {}  # a member's acronym, the mention of it nearest the later members
        k, ceiling = end + 1, min(sentence_bounds(doc)[1][start], end + self.party_joint["list_gap"])
        while k < ceiling:
            if doc[k].lower_ == "the":
                k += 1
                continue
            m = at_start.get(k)
            if m is not None and m.label_ in ORG_OR_GPE:
                members.append(m)
                k = m.end
                acronym = self._acronym_after(doc, k, at_start)
                if acronym is not None:
                    last[len(members) - 1] = acronym
                    k = acronym.end + 1
            elif m is None and doc[k].is_lower and doc[k].is_alpha and doc[k - 1].lower_ == "the":
                k += 1  # "the government" names no party here
            else:
                break
            if k < ceiling and doc[k].lower_ in (",", "and"):
                k += 1
                continue
            break
        if doc[start:end].text.lower() in self.party_joint_statements and not self._joint_signers_allied(
            doc, members, start, at_start
        ):
            return
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if not (self._one_body(a) and self._one_body(b)):
                    add("ALLIED_WITH", last.get(i, a), b, "party_relations.joint")

    def _party_joint_signers(self, doc: Doc, start: int, at_start: dict, at_end: dict, add: Add) -> None:
        """ "A and B wrote in a joint statement", "In a joint statement, A and the B (ACR) said": the
        coordinated parties that are the subject of the statement's verb issued it together, allied
        pairwise (guidelines §2.5)."""
        floor = sentence_bounds(doc)[0][start]
        if doc[floor].lower_ == "in" and start - floor <= 3:
            # the fronted statement: the subject list opens after its comma and a verb follows it
            k = next((j + 1 for j in range(start, min(len(doc), start + 4)) if doc[j].text == ","), None)
            members = self._party_list_after(doc, k, at_start) if k is not None else []
        else:
            # "A and B said in a", "A and B issued a": a few lower-case words back to the last subject
            k = start
            while k > floor and start - k <= 4 and doc[k - 1].is_lower and doc[k - 1].is_alpha:
                k -= 1
            issued = any(t.lower_ in self.party_joint_issue_verbs for t in doc[k:start])
            members = self._party_list_before(doc, k, floor, at_end) if issued else []  # not "rejected a"
        if not self._joint_signers_allied(doc, members, start, at_start):
            return
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if not (self._one_body(a) and self._one_body(b)):
                    add("ALLIED_WITH", a, b, "party_relations.joint_statement")

    def _joint_signers_allied(self, doc: Doc, members: list[Span], noun: int, at_start: dict) -> bool:
        """Whether the named signers of one statement are a joint act of the events (guidelines §2.5,
        joint statements): not a petition of many co-signers ("A, B, C, D and E said in a joint
        letter"), nor the named few of a larger or open group ("14 groups, including A and B"), nor the
        record of talks between the signers ("A and B issued a joint communique after talks in C")."""
        if len(members) < 2 or len(members) > self.party_signers_max:
            return False
        first = min(m.start for m in members)
        k = first
        while k > 0 and doc[k - 1].lower_ in ("the", ",", "("):
            k -= 1
        for words in self.party_signers_subset:
            n = len(words.split())
            if k >= n and doc[k - n : k].text.lower() == words:
                return False
        floor, ceiling = sentence_bounds(doc)[0][noun], sentence_bounds(doc)[1][noun]
        if any(phrase in doc[floor:ceiling].text.lower() for phrase in self.party_signers_own_conflict):
            return False
        for j in range(floor, ceiling):
            if doc[j].lower_ in self.party_signers_talks and any(
                t.lower_ in self.party_signers_record for t in doc[max(floor, j - 5) : j]
            ):
                if self._talks_of_others(doc, j, members, at_start):
                    continue  # the signers hosted talks "between" two other parties: still one act of theirs
                return False
        return True

    @staticmethod
    def _talks_of_others(doc: Doc, noun: int, members: list[Span], at_start: dict) -> bool:
        """Whether "between" after the talks noun names a party that is none of the signers."""
        k = noun + 1
        if k >= len(doc) or doc[k].lower_ != "between":
            return False
        k += 2 if k + 1 < len(doc) and doc[k + 1].lower_ == "the" else 1
        party = at_start.get(k)
        return party is not None and party.label_ in ORG_OR_GPE and all(m.text != party.text for m in members)

    def _one_body(self, mention: Span) -> bool:
        """A body of the UN system: agencies and missions of one organisation are parts of it, not allies."""
        text = mention.text
        return text in self.party_one_body or text.startswith(self.party_one_body_prefixes)

    def _party_list_after(self, doc: Doc, k: int, at_start: dict) -> list[Span]:
        """Coordinated parties from token k on ("the A (ACR), B and C"), then a lower-case verb."""
        members: list[Span] = []
        while k < len(doc):
            if doc[k].lower_ == "the":
                k += 1
                continue
            m = at_start.get(k)
            if m is None or m.label_ not in ORG_OR_GPE:
                break
            acronym = self._acronym_after(doc, m.end, at_start)
            members.append(acronym if acronym is not None else m)
            k = acronym.end + 1 if acronym is not None else m.end
            if k < len(doc) and doc[k].lower_ in (",", "and"):
                k += 1
                continue
            break
        verb = k < len(doc) and doc[k].is_lower and doc[k].is_alpha
        return members if len(members) > 1 and verb else []

    def _party_list_before(self, doc: Doc, k: int, floor: int, at_end: dict) -> list[Span]:
        """Coordinated parties ending right before token k ("A, the B (ACR) and the C"), last first."""
        members: list[Span] = []
        while k > floor:
            if doc[k - 1].text == ")":
                k -= 1  # "the B (ACR)": the acronym stands for the member, its name is passed over
            m = at_end.get(k)
            if m is None or m.label_ not in ORG_OR_GPE:
                break
            members.append(m)
            k = m.start
            if k > floor and doc[k - 1].text == "(" and at_end.get(k - 1) is not None:
                k = at_end[k - 1].start
            while k > floor and doc[k - 1].lower_ == "the":
                k -= 1
            if k > floor and doc[k - 1].lower_ in ("and", ","):
                k -= 1
                continue
            break
        if len(members) < 2 or not any(doc[j].lower_ == "and" for j in range(members[-1].end, members[0].start)):
            return []
        return members[::-1]

    # -- alliance --------------------------------------------------------------------------
    def _party_ally(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        if end < len(doc) and doc[end].lower_ == "by":
            return  # "backed by" is the older passive pattern's
        end = self._verb_conjunct(doc, end, self.party_ally_words)  # "armed and trained Y"
        objects = self._party_objects(doc, end, at_start, ORG_OR_GPE)
        if not objects or (objects[0].end < len(doc) and doc[objects[0].end].lower_ in POSSESSIVE):
            return  # "helped Sudan's displaced families": the party only owns the object
        reduced = doc[start:end].text.lower() in self.party_reduced_ally
        last = objects[-1].end
        if start > 0 and doc[start - 1].text == "," and last < len(doc) and doc[last].text == ",":
            reduced = True  # "X, in coordination with Y, struck Z": a parenthetical about X
        subjects = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions, noun_phrase=True, reduced=reduced)
        if not subjects and all(t.is_space for t in doc[sentence_bounds(doc)[0][start] : start]):
            # "With the backing of Y, X took the town": a fronted phrase is said of the clause's subject,
            # which the object search took for a list ("Y, X") when no "and" joins them
            if len(objects) > 1 and not any(t.lower_ == "and" for t in doc[objects[0].start : last]):
                objects, subjects = objects[:1], objects[1:2]
            elif last < len(doc) and doc[last].text == ",":
                fronted = self._right(doc, last + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
                subjects = [fronted] if fronted is not None else []
        self._party_pairs("ALLIED_WITH", subjects, objects, add, "party_relations.ally_verbs")
        acronym = self._acronym_after(doc, last, at_start)
        k = acronym.end + 1 if acronym is not None else last
        if subjects and k < len(doc) and doc[k].lower_ in self.party_joint_opponent:
            # "X is fighting alongside Y against Z": both sides of the alliance fight Z
            opponents = self._party_objects(doc, k + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
            self._party_pairs("IN_CONFLICT_WITH", subjects + objects, opponents, add, "party_relations.joint_opponent")

    def _party_fronted_meeting(self, doc: Doc, at_start: dict, add: Add) -> None:
        """ "During calls on Friday, A urged B and C to ...": the subject spoke with the
        people its verb takes (guidelines §2.5, calls)."""
        for sent in doc.sents:
            k = sent.start
            while k < sent.end - 1 and doc[k].is_space:
                k += 1  # a paragraph break opens the sentence
            if doc[k].lower_ not in self.party_fronted["openers"]:
                continue
            window = doc[k + 1 : min(sent.end, k + 1 + self.party_fronted["gap"])]
            if not any(t.lower_ in self.party_fronted_nouns for t in window):
                continue
            comma = next((t.i for t in doc[k : sent.end] if t.text == ","), None)
            if comma is None or any(
                m.label_ == "PERSON" for i in range(k, comma) if (m := at_start.get(i)) is not None
            ):
                continue  # "In a call with B, A said": the meeting verbs' pattern reads "call with"
            people = self._party_people(doc, comma + 1, at_start)
            if not people:
                continue
            subject = people[0]
            verb = subject.end
            if verb >= sent.end or not (doc[verb].is_alpha and doc[verb].is_lower):
                continue
            met = [p for p in self._party_people(doc, verb + 1, at_start) if p.start > verb]
            if met and met[0].start - verb <= self.party_gaps["object"]:
                self._party_meet_pairs([subject], met, add, "party_relations.fronted_meeting")

    def _party_alliance_members(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "A and B are full members of Z": states in a standing alliance are each allied with it,
        not with one another (guidelines §2.5); member groups are the part_nouns pattern's PART_OF."""
        whole = self._right(doc, end, at_start, {"ORG"}, skip={"the"}, gap=1)
        if whole is None:
            return
        k = start
        while k > 0 and doc[k - 1].lower_ in self.party_alliance_skip:
            k -= 1
        last = at_end.get(k)
        if last is None or last.label_ != "GPE":
            return
        members = [m for m in self._party_coordination(doc, last, at_end, ORG_OR_GPE) if m.label_ == "GPE"]
        self._party_pairs("ALLIED_WITH", members, [whole], add, "party_relations.alliance_members")

    def _party_bloc(self, doc: Doc, k: int, at_start: dict, mentions: list[Span]) -> Span | None:
        """The named coalition, bloc or joint force after token k (past "the"): an ORG whose name ends
        in one of the membership bloc heads ("the Lake Basin Joint Task Force", "the X Alliance"), or
        "the force" naming the nearest such body of this sentence or the few before (gaps.bloc_sentences)."""
        bloc = self._right(doc, k, at_start, {"ORG"}, skip={"the"}, gap=1)
        if bloc is None and k + 1 < len(doc) and doc[k].lower_ == "the":
            noun = doc[k + 1].lower_
            if noun in self.party_membership_heads and not (k + 2 < len(doc) and doc[k + 2].is_title):
                # "the force": the nearest earlier coalition whose name ends in the noun (§3.1)
                floor = sentence_bounds(doc)[0][k]
                for _ in range(self.party_gaps["bloc_sentences"]):
                    floor = sentence_bounds(doc)[0][floor - 1] if floor > 0 else 0
                named = [
                    m
                    for m in mentions
                    if m.label_ == "ORG"
                    and floor <= m.start
                    and m.end <= k
                    and (m.kb_id_ or m.text).split()[-1].lower() == noun
                ]
                return named[-1] if named else None
        if bloc is None or doc[bloc.end - 1].lower_ not in self.party_membership_heads:
            return None
        if bloc.end < len(doc) and doc[bloc.end].lower_ in self.party_membership_premodified:
            return None  # "left the X Alliance talks": the talks, not the alliance
        return bloc

    def _party_members(self, whole: Span | None, members: list[Span], add: Add, rule: str) -> None:
        """States in a coalition are allied with it; member groups are part of it (guidelines §2.5)."""
        for m in members:
            add("ALLIED_WITH" if m.label_ == "GPE" else "PART_OF", m, whole, rule)

    def _party_membership(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X joined the Y Alliance", "X may quit the Y Joint Task Force": joining or leaving
        a named coalition states membership of it."""
        bloc = self._party_bloc(doc, end, at_start, mentions)
        if bloc is None:
            return
        members = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions)
        self._party_members(bloc, [m for m in members if m != bloc], add, "party_relations.membership")

    def _party_make_up(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "A, B and C, which make up the Y Force (along with D)": each named state or group is a member."""
        bloc = self._party_bloc(doc, end, at_start, mentions)
        if bloc is None:
            return
        k = start
        if k > 1 and doc[k - 1].lower_ in ("which", "that", "who"):
            k -= 1
        if k > 1 and doc[k - 1].text == ",":
            k -= 1
        members: list[Span] = []
        while (last := at_end.get(k)) is not None and last.label_ in ORG_OR_GPE:
            members.append(last)  # "A, B or C, which make up": each conjunct
            k = last.start - 1 if doc[last.start - 1].lower_ != "the" else last.start - 2
            if k < 1 or doc[k].lower_ not in (",", "and", "or"):
                break
            if doc[k].lower_ in ("and", "or") and doc[k - 1].text == ",":
                k -= 1
        j = bloc.end if bloc.start >= end else end + 2  # past "the force" when it names an earlier body
        if j + 2 < len(doc) and doc[j].lower_ == "along" and doc[j + 1].lower_ == "with":
            other = self._right(doc, j + 2, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
            members += self._party_coordination(doc, other, at_end, ORG_OR_GPE) if other is not None else []
        self._party_members(bloc, members, add, "party_relations.make_up")

    def _party_alliance_leader(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "the Z (ZA), the defence bloc headed by W": the state that leads a standing alliance is allied
        with it (guidelines §2.5); the acronym is the name nearer the leader (§3.1)."""
        k, floor = start - 1, max(0, start - self.party_alliance["apposition_gap"] - 1)
        noun = False
        while k > floor and doc[k].text != ",":
            if not (doc[k].is_alpha and doc[k].is_lower) and doc[k].text != "-":
                return
            noun = noun or doc[k].lower_ in self.party_alliance_nouns
            k -= 1
        if not noun or doc[k].text != "," or doc[k + 1].lower_ not in ("a", "an", "the"):
            return
        alliance = at_end.get(k) or self._acronym_before(doc, k, at_end)
        if alliance is None or alliance.label_ != "ORG":
            return
        leader = self._right(doc, end, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        add("ALLIED_WITH", alliance, leader, "party_relations.alliance_leader")

    def _party_joint_action(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "A and B began joint operations on Z": the two act together (ALLIED_WITH, a joint
        act of the events, guidelines §2.5) against Z (IN_CONFLICT_WITH)."""
        k = start
        while k > 0 and start - k < self.party_joint_action["gap"] and doc[k - 1].lower_ in self.party_joint_skip:
            k -= 1
        last = at_end.get(k)
        if last is None or last.label_ not in ORG_OR_GPE:
            return
        group = self._party_coordination(doc, last, at_end, ORG_OR_GPE)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                add("ALLIED_WITH", b, a, "party_relations.joint_action")
        if end < len(doc) and doc[end].lower_ in self.party_joint_action["targets"]:
            targets = self._party_objects(doc, end + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
            if not targets and end + 1 < len(doc) and doc[end + 1].lower_ in ("it", "them"):
                subject = self._previous_sentence_subject(doc, start, mentions)
                targets = [subject] if subject is not None and subject.text not in {g.text for g in group} else []
            self._party_pairs("IN_CONFLICT_WITH", group, targets, add, "party_relations.joint_action")

    @staticmethod
    def _previous_sentence_subject(doc: Doc, k: int, mentions: list[Span]) -> Span | None:
        """ "The X is tied to Y. A and B began a joint assault on it": a pronoun that opens no
        clause of its own takes up the organisation that opens the sentence before (guidelines §3.1)."""
        starts = sentence_bounds(doc)[0]
        own = starts[k]
        if own == 0:
            return None
        first = starts[own - 1]
        while first < own and (doc[first].is_space or doc[first].lower_ == "the"):
            first += 1
        subject = next((m for m in mentions if m.start == first), None)
        return subject if subject is not None and subject.label_ == "ORG" else None

    def _party_support(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X's support for Y", "Iran's alliance with the Houthis"."""
        owner = at_end.get(start - 1) if start > 1 and doc[start - 1].lower_ in POSSESSIVE else None
        if owner is None:
            # "X pledged (its) support for Y": a verb of giving or stating support, said of its subject
            k = start - 1 if start > 0 and doc[start - 1].lower_ in self.party_support_owners else start
            if k > 0 and doc[k - 1].lower_ in self.party_support_verbs:
                owner = self._party_subject(doc, k - 1, at_end, ORG_OR_GPE, mentions)
        if owner is None or owner.label_ not in ORG_OR_GPE:
            return
        objects = self._party_objects(doc, end, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if objects and objects[0].end < len(doc) and doc[objects[0].end].lower_ in POSSESSIVE:
            return  # "support for Sudan's refugees" supports the refugees
        self._party_pairs("ALLIED_WITH", [owner], objects, add, "party_relations.support_nouns")

    def _party_pact(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "A and B signed a mutual defence pact", "A forged an alliance with B": parties allied by a pact."""
        heads, agreements = self.party_pact_heads, self.party_pact_agreements
        k, words = end, []
        while k < len(doc) and k - end <= self.party_support["pact"]["gap"] and doc[k].is_alpha and doc[k].is_lower:
            words.append(doc[k].lower_)
            if doc[k].lower_ in heads or (
                doc[k].lower_ in agreements and any(w in self.party_pact_military for w in words)
            ):
                break
            k += 1
        else:
            return
        if not words or not self.party_pact_not.isdisjoint(words) or words[-1] not in self.party_pact_words:
            return
        subjects = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions)
        if k + 1 < len(doc) and doc[k + 1].lower_ == "with":
            if doc[start : k + 2].text.lower() in self.party_ally_phrases:
                return  # "signed a defence pact with": the ally verbs' phrase, read there
            others = self._party_objects(doc, k + 2, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
            self._party_pairs("ALLIED_WITH", subjects, others, add, "party_relations.pact")
            return
        for i, a in enumerate(subjects):
            for b in subjects[i + 1 :]:
                add("ALLIED_WITH", b, a, "party_relations.pact")

    def _party_ally_between(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "the alliance between A and B", "coordination between A and B"."""
        if end + 2 < len(doc) and doc[end].lower_ == "between":
            a, b = self._between(doc, end, at_start)
            add("ALLIED_WITH", a, b, "party_relations.ally_between")

    # -- meetings --------------------------------------------------------------------------
    def _party_people(self, doc: Doc, k: int, at_start: dict) -> list[Span]:
        """The people named from token k on, past a relative clause ("A, who chairs the bloc, B and C")."""
        return self._people_after(
            doc, k, at_start, self.people_links, self.party_gaps["people_list"], relatives=self.party_relatives
        )

    def _party_meet_pairs(self, subjects: list[Span], objects: list[Span], add: Add, rule: str) -> None:
        self._party_pairs("MET_WITH", subjects, [o for o in objects if o not in subjects], add, rule)

    def _party_meet_verb(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """The older meeting verbs, with this module's subjects (pronoun, apposition) and lists."""
        if doc[start].lower_ in ("told", "tells", "called", "call"):
            return  # "told" and "called" take people who were not met
        if self._pressed_indirectly(doc, start):
            return  # "pressed N on social media": no direct contact
        subjects = self._party_subjects(doc, start, at_end, PEOPLE, mentions)
        if not subjects and start >= 3 and doc[start - 1].lower_ in self.party_participle_openers:
            # "A, after meeting B in Z, flew home": the participle is said of the person before the comma
            before = at_end.get(start - 2) if doc[start - 2].text == "," else None
            subjects = [before] if before is not None and before.label_ == "PERSON" else []
        after = self._party_past_setting(doc, end, at_start)  # "was received in Z by B"
        passive = after + 1 < len(doc) and doc[after].lower_ == "by" and doc[start - 1].lower_ in self.party_passive_aux
        # "A was received by B": the agent met the subject
        k = after + 1 if passive else end + 1 if end < len(doc) and doc[end].lower_ == "with" else end
        people = self._party_people(doc, k, at_start)  # "met with the rebel leader, Gen. B"
        if subjects and not people and self._party_object_pronoun(doc, end):
            # "N received him": the person the pronoun names, never the subject itself
            met = self._party_person_before(doc, start, mentions, exclude=subjects[0])
            people = [met] if met is not None else []
        self._party_meet_pairs(subjects, people, add, "party_relations.meet")

    def _party_object_pronoun(self, doc: Doc, k: int) -> bool:
        """ "received him at the ministry", not "received her delegation"."""
        if k >= len(doc) or doc[k].lower_ not in self.party_object_pronouns:
            return False
        nxt = doc[k + 1] if k + 1 < len(doc) else None
        return nxt is None or not (nxt.is_alpha and nxt.is_lower) or nxt.lower_ in self.skip_right | self.place_preps

    def _party_meet_hold(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X held a video meeting with Y"; "A and B held their first talks"."""
        k = end
        while k < len(doc) and k - end < self.party_meeting_gap and doc[k].lower_ not in self.party_meeting_nouns:
            if not (doc[k].is_lower and doc[k].is_alpha):
                return
            k += 1
        if k >= len(doc) or doc[k].lower_ not in self.party_meeting_nouns:
            return
        if any(doc[j].lower_ in self.meet_unreal for j in range(end, k)):
            return  # "held a possible meeting" has not taken place
        group = self._party_subjects(doc, start, at_end, PEOPLE, mentions)
        if len(group) < 2 and start > 0 and doc[start - 1].text == ",":
            group = self._appositive_pair(doc, start, mentions) or group
        w = self._party_past_setting(doc, k + 1, at_start)
        if w < len(doc) and doc[w].lower_ == "with":
            self._party_meet_pairs(group, self._party_people(doc, w + 1, at_start), add, "party_relations.meet_hold")
        else:
            for i, a in enumerate(group):
                for b in group[i + 1 :]:
                    add("MET_WITH", b, a, "party_relations.meet_hold")

    def _party_with_whom(self, doc: Doc, mentions: list[Span], at_end: dict, add: Add) -> None:
        """ "A praised B, with whom she had talked by phone": B met A (a call, guidelines §2.5)."""
        rule = self.party_meeting["with_whom"]
        for i in range(3, len(doc) - 2):
            if doc[i].lower_ != "whom" or doc[i - 1].lower_ != "with" or doc[i - 2].text != ",":
                continue
            other = at_end.get(i - 2)
            if other is None or other.label_ != "PERSON":
                continue
            window = doc[i + 1 : min(len(doc), i + 1 + rule["gap"])]
            verb = next((t.i for t in window if t.lower_ in rule["verbs"]), None)
            if verb is None or doc[verb - 1].lower_ not in rule["pronouns"]:
                continue
            floor = sentence_bounds(doc)[0][i]
            subject = next((m for m in mentions if m.label_ == "PERSON" and floor <= m.start < other.start), None)
            if subject is not None and subject.text != other.text:
                add("MET_WITH", subject, other, "party_relations.with_whom")

    def _appositive_pair(self, doc: Doc, k: int, mentions: list[Span]) -> list[Span]:
        """ "A, who is chief of X, and Gen. B, commander of Y, opened talks": two people, each with an
        apposition closed by a comma, coordinated as the subject of the verb at token k."""
        floor = sentence_bounds(doc)[0][k]
        people = [m for m in mentions if m.label_ == "PERSON" and floor <= m.start and m.end < k]
        if len(people) < 2:
            return []
        a, b = people[-2], people[-1]
        gap = self.party_gaps["subject"] + 8

        def apposition(after: int, close: int) -> bool:
            inner = doc[after + 1 : close]
            return (
                doc[after].text == ","
                and doc[close].text == ","
                and 0 < len(inner) <= gap
                and not any(t.text in (",", ";", ":") or t.lower_ in self.party_speech_verbs for t in inner)
                and not any(m.label_ == "PERSON" and after < m.start < close for m in mentions)
            )

        if not apposition(b.end, k - 1):
            return []
        j = b.start
        while j > a.end and (doc[j - 1].is_title or doc[j - 1].text == "."):
            j -= 1  # "Lt. Gen. B"
        if doc[j - 1].lower_ != "and" or not apposition(a.end, j - 2):
            return []
        opener = a.start
        while opener > floor and (doc[opener - 1].is_title or doc[opener - 1].text == "."):
            opener -= 1
        if opener > floor and doc[opener - 1].text not in (",",):
            return []  # the first person opens the clause (past "There," or a date)
        return [a, b]

    def _party_spent_with(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "A and B spent three hours with C": the people who spent the time met C."""
        ceiling = min(sentence_bounds(doc)[1][start], end + self.party_meeting["spent_with"]["gap"] + 1)
        k = end
        while k < ceiling and doc[k].lower_ != "with":
            if not ((doc[k].is_lower and doc[k].is_alpha) or doc[k].like_num or doc[k].text == "-"):
                return  # "spent $2m with ...", a name between: no span of time
            k += 1
        if k == end or k >= ceiling:
            return
        subjects = self._party_subjects(doc, start, at_end, PEOPLE, mentions)
        self._party_meet_pairs(subjects, self._party_people(doc, k + 1, at_start), add, "party_relations.spent_with")

    def _party_meet_possessive(self, doc: Doc, start: int, end: int, at_start: dict, at_end: dict, add: Add) -> None:
        """ "A's (first) meeting with B", "A's phone call on Monday with B": the owner of the meeting
        noun met the people after "with"."""
        k = start
        while k > 0 and start - k < self.party_meeting_gap and doc[k - 1].is_lower and doc[k - 1].is_alpha:
            k -= 1  # "A's first phone call"
        if k < 2 or doc[k - 1].lower_ not in POSSESSIVE:
            return
        owner = at_end.get(k - 1)
        if owner is None or owner.label_ != "PERSON":
            return
        w = self._party_past_setting(doc, end, at_start)
        if w < len(doc) and doc[w].lower_ == "with":
            self._party_meet_pairs(
                [owner], self._party_people(doc, w + 1, at_start), add, "party_relations.meet_possessive"
            )

    def _party_past_setting(self, doc: Doc, k: int, at_start: dict) -> int:
        """Past a place or a date phrase at token k ("held talks in Z with Y", "talks on Monday with
        Y"): the token after it, or k when none stands there."""
        if k + 1 >= len(doc) or doc[k].lower_ not in self.party_setting_preps:
            return k
        j = k + 1
        if doc[j].lower_ == "the":
            j += 1
        m = at_start.get(j)
        if m is None or m.label_ not in self.party_setting_labels:
            return k
        return m.end + 1 if m.end < len(doc) and doc[m.end].text == "," else m.end

    def _party_meet_between(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "talks in Z lasting two days between A and B"; "A's meeting with B"."""
        if any(t.lower_ in self.meet_unreal for t in doc[max(0, start - 2) : start]):
            return
        self._party_meet_possessive(doc, start, end, at_start, at_end, add)
        ceiling = min(sentence_bounds(doc)[1][start], end + self.party_between_gap + 1)
        k = end
        while k < ceiling and doc[k].lower_ != "between":
            m = at_start.get(k)
            if m is not None and m.label_ == "PERSON":
                return
            if doc[k].is_punct:
                return
            k += 1
        if k >= ceiling:
            return
        group = self._party_people(doc, k + 1, at_start)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                add("MET_WITH", a, b, "party_relations.meet_between")
        if len(group) < 2:
            return
        # "talks between A and B in the presence of C": C took part, with A and B (guidelines §2.5)
        k, ceiling = group[-1].end, sentence_bounds(doc)[1][start]
        while k < ceiling:
            phrase = next((p for p in self.party_presence if tuple(t.lower_ for t in doc[k : k + len(p)]) == p), None)
            if phrase is not None:
                present = self._party_people(doc, k + len(phrase), at_start)
                self._party_meet_pairs(present, group, add, "party_relations.meet_presence")
                return
            k += 1

    def _party_attack_by(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "an attack by X on Y", "strikes by X against Y"."""
        if end + 2 >= len(doc) or doc[end].lower_ != "by":
            return
        attacker = self._right(doc, end + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if attacker is None:
            return
        acronym = self._acronym_after(doc, attacker.end, at_start)
        k = (acronym or attacker).end + (acronym is not None)
        if k >= len(doc) or doc[k].lower_ not in self.party_attack_by["links"]:
            return
        targets = self._party_objects(doc, k + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        self._party_pairs("IN_CONFLICT_WITH", [attacker], targets, add, "party_relations.attack_by")

    def _party_claim(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X claimed responsibility for the attack on Y": the claimant attacked Y."""
        k, modifiers = end, 0
        while k < len(doc) and doc[k].lower_ not in self.party_attack_nouns:
            if doc[k].lower_ in self.party_claim_determiners:
                k += 1
            elif (
                doc[k].is_alpha and doc[k].is_lower and modifiers < self.party_claim["gap"] and doc[k].lower_ != "that"
            ):
                k, modifiers = k + 1, modifiers + 1
            else:
                return  # "claimed 30 were killed", "claimed that ...": no attack of the claimant's
        if k + 1 >= len(doc) or doc[k + 1].lower_ not in self.party_attack_by["links"]:
            return
        targets = self._party_objects(doc, k + 2, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        targets = [t for t in targets if not self._settlement(doc, t)]
        self._party_relate("IN_CONFLICT_WITH", doc, start, at_end, mentions, targets, add, "party_relations.claim")

    def _party_repel(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X repelled an attack by Y", "X said it fought off a raid by Y": defender and attacker fought."""
        k, modifiers = end, 0
        while k < len(doc) and doc[k].lower_ not in self.party_attack_nouns:
            if doc[k].lower_ in self.party_claim_determiners:
                k += 1
            elif ((doc[k].is_alpha and doc[k].is_lower) or doc[k].text == "-") and modifiers < self.party_repel_gap:
                k, modifiers = k + 1, modifiers + 1
            else:
                return
        if k + 2 >= len(doc) or doc[k + 1].lower_ != "by":
            return
        attacker = self._right(doc, k + 2, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if attacker is None:
            return
        ceiling = min(sentence_bounds(doc)[1][start], attacker.end + self.party_repel_window)
        if any(t.lower_ in self.party_repel_political for t in doc[end:ceiling]):
            return  # "fought off an attack by Y in parliament over the budget": words, not fighting
        self._party_relate("IN_CONFLICT_WITH", doc, start, at_end, mentions, [attacker], add, "party_relations.repel")

    def _party_facility_attack(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X stormed the headquarters of Y", "X attacked positions held by Y": the party whose
        military site or unit is hit is the target."""
        k, modifiers = end, 0
        if k < len(doc) and doc[k].lower_ in ("the", "a", "an"):
            k += 1
        noun = None
        while k < len(doc) and noun is None:
            noun = next((w for w in self.party_facilities if tuple(t.lower_ for t in doc[k : k + len(w)]) == w), None)
            if noun is not None:
                k += len(noun)
            elif doc[k].is_alpha and doc[k].is_lower and modifiers < self.party_facility_gap:
                k, modifiers = k + 1, modifiers + 1
            else:
                return
        link = next((w for w in self.party_facility_links if tuple(t.lower_ for t in doc[k : k + len(w)]) == w), None)
        if link is None:
            return
        target = self._right(doc, k + len(link), at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        while target is not None and target.end + 1 < len(doc) and doc[target.end].lower_ in POSSESSIVE:
            inner = at_start.get(target.end + 1)
            if inner is None or inner.label_ != "ORG":
                break
            target = inner  # "the base of the Dorn army's Ninth Brigade": the brigade
        if target is None or self._settlement(doc, target) or self._party_civilian_body(doc, target):
            return
        subjects = self._party_subjects(doc, start, at_end, ORG_OR_GPE, mentions)
        if any(self._party_followers_of(doc, s) for s in subjects):
            return  # "supporters of X stormed ...": a crowd that backs X, not X's own force
        self._party_pairs("IN_CONFLICT_WITH", subjects, [target], add, "party_relations.facility_attack")

    def _party_civilian_body(self, doc: Doc, body: Span) -> bool:
        """Whether the body's head word (before an "of" inside the name: "the X Ministry of Y") names a
        civilian institution, whose building is no party's military site."""
        head = next((t for t in body if t.lower_ in ("of", "for")), None)
        word = doc[head.i - 1] if head is not None and head.i > body.start else doc[body.end - 1]
        return word.lower_ in self.party_facility_civilian

    def _party_followers_of(self, doc: Doc, subject: Span) -> bool:
        """Whether the subject stands in "<followers> of (the) X" ("supporters of X", "members of the X")."""
        k = subject.start - 1 if subject.start > 0 and doc[subject.start - 1].lower_ == "the" else subject.start
        return k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ in self.party_facility_followers

    def _party_alongside(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X operated in Y alongside Z": the subject of a verb of fighting or operating and Z act together."""
        rule = self.party_alongside
        floor = sentence_bounds(doc)[0][start]
        verb = next(
            (j for j in range(start - 1, max(floor, start - rule["gap"]) - 1, -1) if doc[j].lower_ in rule["verbs"]),
            None,
        )
        if verb is None or verb == start - 1:
            return  # "fought alongside Z" right after the verb is the older ally pattern's
        if any(doc[j].text in (",", ";") or doc[j].lower_ in ("and", "but", "while") for j in range(verb + 1, start)):
            return  # another clause stands between the verb and "alongside"
        ally = self._right(doc, end, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        owner = ally is not None and ally.end + 1 < len(doc) and doc[ally.end].lower_ in POSSESSIVE
        if owner and ally is not None and doc[ally.end].text in ("'", "’") and not ally.text.endswith("s"):
            owner = False  # a closing quote, not a plural's possessive
        if owner and ally is not None:
            # "alongside X's former enemies": X owns whom the subject fought beside; a named body of it
            # after the possessive ("alongside Y's Z Brigade") is the one beside the subject
            ally = at_start.get(ally.end + 1)
            if ally is not None and ally.label_ != "ORG":
                ally = None
        if ally is None:
            return
        subjects = self._party_subjects(doc, verb, at_end, ORG_OR_GPE, mentions)
        self._party_pairs("ALLIED_WITH", subjects, [ally], add, "party_relations.alongside")

    def _party_purpose_fight(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "the X Task Force (XTF), created to combat the insurgents": made to fight the party."""
        j = start
        floor = sentence_bounds(doc)[0][start]
        while j > floor and doc[j - 1].lower_ in self.party_purpose_skip:
            j -= 1
        body = self._acronym_before(doc, j, at_end) or at_end.get(j)
        if body is None or body.label_ not in ORG_OR_GPE:
            return
        name_start, name = body.start, body
        if doc[body.start - 1].text == "(" and at_end.get(body.start - 1) is not None:
            name = at_end[body.start - 1]
            name_start = name.start  # "the X Task Force (XTF)": look before the name
        targets = self._party_objects(doc, end, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if not targets and self._nominal(doc, end, mentions, body) is not None:
            referent = self._referent(doc, name_start, mentions, None, non_state=True)
            targets = [referent] if referent is not None else []
        for target in targets:
            if target.text != body.text:
                # of a name and its acronym, the one nearer the other argument (§3.1)
                add(
                    "IN_CONFLICT_WITH",
                    name if target.end <= name.start else body,
                    target,
                    "party_relations.purpose_fight",
                )

    def _party_blame(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "A blamed B for the attack on C", "A held B responsible for strikes on its bases": B attacked C
        (A where the target is A's own)."""
        accused = self._right(doc, end, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if accused is None:
            return
        k = accused.end
        if doc[start].lower_ in ("held", "holds"):
            if k >= len(doc) or doc[k].lower_ not in self.party_blame["held_words"]:
                return
            k += 1
        if k >= len(doc) or doc[k].lower_ not in self.party_blame["links"]:
            return
        k, modifiers = k + 1, 0
        while k < len(doc) and doc[k].lower_ not in self.party_attack_nouns:
            date = at_start.get(k)
            if date is not None and date.label_ == "DATE":
                k = date.end  # "for Sunday's rocket attack on C"
            elif doc[k].lower_ in self.party_claim_determiners or doc[k].lower_ in POSSESSIVE:
                k += 1
            elif doc[k].is_alpha and doc[k].is_lower and modifiers < self.party_claim["gap"]:
                k, modifiers = k + 1, modifiers + 1
            else:
                return
        if k + 1 >= len(doc) or doc[k + 1].lower_ not in self.party_attack_by["links"]:
            return
        targets = self._party_objects(doc, k + 2, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        targets = [t for t in targets if not self._settlement(doc, t)]
        if not targets and k + 2 < len(doc) and doc[k + 2].lower_ in self.party_own_pronouns:
            blamer = self._party_subject(doc, start, at_end, ORG_OR_GPE, mentions)
            targets = [blamer] if blamer is not None else []
        self._party_pairs("IN_CONFLICT_WITH", [accused], targets, add, "party_relations.blame")

    def _party_supply(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X supplied drones and ammunition to Y", "X sends military aid to Y": X backs Y; "Y received
        weapons from X": the same alliance."""
        ceiling = min(sentence_bounds(doc)[1][start], end + self.party_supply["gap"] + 1)
        prep = "from" if doc[start].lower_ in self.party_receive else "to"
        armed, k = False, end
        while k < ceiling and doc[k].lower_ != prep:
            t = doc[k].lower_
            if t in self.party_arms or (t in self.party_military_aid and doc[k - 1].lower_ == "military"):
                armed = True
            elif not (doc[k].is_alpha and doc[k].is_lower) and t not in (",", "-"):
                return  # a name or a figure between the verb and "to" is another reading
            k += 1
        if not armed or k >= ceiling:
            return
        objects = self._party_objects(doc, k + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        if objects and objects[0].end < len(doc) and doc[objects[0].end].lower_ in POSSESSIVE:
            return  # "sent weapons to Y's border": a place of Y's, not Y
        self._party_relate("ALLIED_WITH", doc, start, at_end, mentions, objects, add, "party_relations.supply")

    def _party_capture(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X's capture of Y", "the seizure of Y by X"."""
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return
        places = self._party_objects(doc, end + 1, at_start, PLACES, skip={"the"}, gap=1)
        if not places:
            return
        k = places[-1].end
        taker = None
        if k + 1 < len(doc) and doc[k].lower_ == "by":
            taker = self._right(doc, k + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        elif doc[start].lower_ != "control":  # "X's control of Y" is too often a share of it
            taker = self._possessor(doc, start + 1, at_end)
            taker = taker if taker is not None and taker.label_ in ORG_OR_GPE else None
        for place in places:
            add("CONTROLS", taker, place, "party_relations.capture")

    def _party_fall(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "the fall of Y to X", "Y fell to X"."""
        if doc[start].lower_ in self.party_fall_verbs:
            if end + 1 >= len(doc) or doc[end].lower_ not in self.party_capture["fall_links"]:
                return
            place = self._left(doc, start, at_end, PLACES)  # "Y (has) fell to", "the town of Y fell to"
            if place is not None and place.start > 0 and doc[place.start - 1].lower_ in self.party_fall_place_stops:
                return  # "responsibility for Y fell to X": Y is not what fell
            taker = self._right(doc, end + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
            add("CONTROLS", taker, place, "party_relations.capture")
            return
        if end + 1 >= len(doc) or doc[end].lower_ != "of":
            return
        place = self._right(doc, end + 1, at_start, PLACES, skip={"the"}, gap=1)
        if place is None or place.end + 1 >= len(doc) or doc[place.end].lower_ not in self.party_capture["fall_links"]:
            return
        taker = self._right(doc, place.end + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
        add("CONTROLS", taker, place, "party_relations.capture")

    # -- control ---------------------------------------------------------------------------
    def _party_control(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "X seized the strategic town of Y", "left X in control of both Y provinces"."""
        if end < len(doc) and doc[end].lower_ == "by":
            return
        k, ceiling = end, min(len(doc), end + self.party_gaps["control_object"] + 1)
        while k < ceiling and at_start.get(k) is None and (doc[k].lower_ in self.party_control_skip or doc[k].like_num):
            k += 1
        objects = self._party_objects(doc, k, at_start, PLACES, skip=set(), gap=0)
        stops = POSSESSIVE | self.party_control_stop  # "Ukraine's plant", "holds Y responsible"
        objects = [o for o in objects if not (o.end < len(doc) and doc[o.end].lower_ in stops)]
        if not objects:
            # "Y, which X seized in 2019": the place the relative pronoun before the subject stands for
            subject = self._party_subject(doc, start, at_end, ORG_OR_GPE, mentions)
            place = self._relative_place(doc, subject, at_end) if subject is not None else None
            add("CONTROLS", subject, place, "party_relations.control_relative")
            return
        subjects = self._party_relate(
            "CONTROLS", doc, start, at_end, mentions, objects, add, "party_relations.control_verbs"
        )
        if subjects:
            k = objects[-1].end
            if k + 1 < len(doc) and doc[k].lower_ == "from" and doc[start].lower_ in self.party_taking:
                # "retook Y from X": the place was taken from the other side
                loser = self._right(doc, k + 1, at_start, ORG_OR_GPE, skip={"the"}, gap=1)
                self._party_pairs(
                    "IN_CONFLICT_WITH", subjects, [loser] if loser else [], add, "party_relations.taken_from"
                )

    def _party_under(self, doc, start, end, mentions, at_start, at_end, add: Add) -> None:
        """ "Y, under X control", "Y is now under full X rule"."""
        k = end
        while k < len(doc) and k - end < 3 and doc[k].lower_ in self.party_under_skip:
            k += 1
        ruler = at_start.get(k)
        if ruler is None or ruler.label_ not in ORG_OR_GPE or ruler.end >= len(doc):
            return
        if doc[ruler.end].lower_ not in self.party_under_nouns:
            return
        place = self._left(
            doc, start, at_end, PLACES, skip={",", "is", "was", "are", "were", "now", "still", "remains"}
        )
        add("CONTROLS", ruler, place, "party_relations.under_control")

    def _party_held_suffix(self, doc: Doc, mentions: list[Span], at_start: dict, add: Add) -> None:
        """ "the X-held capital, Y", "X-controlled territory in Y"."""
        for m in mentions:
            k = m.end
            if k + 3 >= len(doc) or doc[k].text not in ("-", "–") or doc[k + 1].lower_ not in self.party_held_suffixes:
                continue
            k += 2
            if doc[k].lower_ not in self.party_held_nouns or doc[k + 1].lower_ not in self.party_held_links:
                continue
            place = self._right(doc, k + 2, at_start, PLACES, skip={"the"}, gap=1)
            add("CONTROLS", m, place, "party_relations.held_suffix")
