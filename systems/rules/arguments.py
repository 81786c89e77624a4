"""The argument grammar of the relation patterns: where a trigger's arguments stand.

Read from ``data/relations.json``: the words a search for an argument passes over (``skip_left``,
``skip_right``, ...), how many (``gaps``), coordination ("A, B and C"), "between A and B", a possessor
before a noun, and a definite nominal ("the militant group") that refers back to the nearest earlier
organisation (guidelines §3.1). ``relations.RelationFinder`` and ``figure_relations`` build on it.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .entities import DATA, load_json, sentence_bounds, state_forms

ORG_OR_GPE = {"ORG", "GPE"}


class ArgumentGrammar:
    """Trigger lists and argument searches shared by every relation pattern."""

    def __init__(self, nlp: Language, data_dir: Path = DATA):
        self.words = load_json("relations.json", data_dir)
        # One vocabulary of attack nouns (data/relations.json attack_nouns) serves every pattern: the
        # acts and the fighting are conflict nouns, and all of them are events a place can name.
        attacks = self.words["attack_nouns"]
        self.words["conflict_noun"] = attacks["acts"] + attacks["fighting"]
        self.words["event_nouns"] = [n for n in self.words["conflict_noun"] + attacks["events"] if " " not in n]
        roles = load_json("roles.json", data_dir)
        vocab = load_json("entities.json", data_dir)
        self.role_words = {
            w for kind in ("leader", "member", "honorific") for p in roles[kind] for w in p.lower().split()
        }
        self.group_nouns = {w for p in vocab["group_nouns"] for w in p.split()}
        self.group_heads = frozenset(p.split()[-1] for p in vocab["group_nouns"])
        self.group_plurals = frozenset(self.words["group_plurals"])
        self.settlement_nouns = frozenset(vocab["settlement_nouns"]) - {"state"}
        self.compass_adjectives = frozenset(vocab["place_compass_adjectives"])
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
            "part_verbs",
            "report_verbs",
            "ally_passive",
            "ceasefire_nouns",
            "relay",
        ):
            self.matcher.add(key, [nlp.make_doc(p) for p in self.words[key]])
        # One matcher pass per document serves every trigger list, these two included.
        states = load_json("states.json", data_dir)
        self.matcher.add("incursion", [nlp.make_doc(p) for p in states["incursion_verbs"]])
        self.matcher.add("joined_meeting", [nlp.make_doc(p) for p in self.words["joined_meeting"]["triggers"]])
        self.joined_side_rules = frozenset(self.words["joined_meeting"]["side_rules"])
        self.suffix = {
            "ALLIED_WITH": set(self.words["backed_suffix"]),
            "CONTROLS": set(self.words["control_suffix"]),
            "IN_CONFLICT_WITH": set(self.words["conflict_compound"]),
        }
        self.place_preps = set(self.words["place_preps"])
        self.clause_breaks = frozenset(self.words["clause_breaks"])
        self.target_nouns = frozenset(self.words["target_nouns"])
        self.meet_unreal = frozenset(self.words["meet_unreal"])
        pressed = self.words["meet_pressed"]
        self.meet_pressed_verbs = frozenset(pressed["verbs"])
        self.meet_pressed_media = [tuple(p.split()) for p in pressed["media"]]
        unasserted = self.words["unasserted"]
        self.negations = frozenset(unasserted["negations"])
        self.conditionals = frozenset(unasserted["conditionals"])
        self.modals = frozenset(unasserted["modals"])
        self.unasserted_window: int = unasserted["window"]
        self.denials = frozenset(unasserted["denials"])
        self.denial_breaks = frozenset(unasserted["denial_breaks"])
        self.denial_pronouns = frozenset(unasserted["denial_pronouns"])
        self.asserted_acts = frozenset(unasserted["patterns"])
        self.conflict_object_stops = frozenset(self.words["conflict_object_stops"]["words"])
        # The argument grammar: which words a search for an argument passes over, and how many.
        self.skip_left = frozenset(self.words["skip_left"])
        self.skip_right = frozenset(self.words["skip_right"])
        self.place_skip = frozenset(self.words["place_skip"])
        self.ally_noun_skip = frozenset(self.words["ally_noun_skip"])
        self.gaps: dict[str, int] = self.words["gaps"]
        self.gap_speech_verbs = frozenset(self.words["gap_speech_verbs"])
        self.gap_finite = frozenset(self.words["gap_finite"])
        self.control_object_stops = frozenset(self.words["control_object_stops"])
        self.conflict_noun_preps = frozenset(self.words["conflict_noun_preps"])
        self.fighting_between = frozenset(self.words["fighting_between"])
        self.pro_prefix = frozenset(self.words["pro_prefix"])
        self.attack_modifiers = frozenset(self.words["attack_modifiers"])
        self.conflict_noun_reading = frozenset(self.words["conflict_noun_reading"])
        self.conflict_nouns = frozenset(n for n in self.words["conflict_noun"] if " " not in n)
        self.ceasefire_verbs = frozenset(self.words["ceasefire_verbs"])
        self.state_body_heads = frozenset(self.words["state_body_heads"])
        self.state_force_heads = frozenset(self.words["state_force_heads"]["words"])
        self.territory_designators = frozenset(self.words["territory_designators"])
        self.territory_reversers = frozenset(self.words["territory_reversers"])
        self.part_include = self.words["part_include"]
        self.group_government = self.words["group_government"]
        self.unit_list = self.words["unit_list"]
        self.one_side = frozenset(self.words["one_side"])
        self.joined_with = [tuple(w.split()) for w in self.words["joined_meeting"]["with"]]
        self.states = state_forms(states)
        self.capitals = frozenset(states["capitals"])
        # A state's names and its nationality adjectives, lower-cased, each to the states it names:
        # "Nigerien" is Niger's and "Nigerian" Nigeria's; "Congolese" names both Congos.
        nations: dict[str, set[str]] = {}
        for group in ("un_members", "un_observers", "de_facto_states"):
            for names in states[group]:
                for word in names + states["demonyms"][names[0]]:
                    nations.setdefault(word.lower(), set()).add(names[0])
        self.nations = {word: frozenset(owners) for word, owners in nations.items()}
        self.nation_words = max(len(word.split()) for word in self.nations)
        self.incursion_preps = frozenset(states["incursion_preps"])
        self.armed_words = frozenset(states["incursion_armed_words"])
        self.incursion_skip = self.skip_left | self.armed_words | frozenset(states["incursion_subject_skip"])
        self.place_adverbs = frozenset(states["possessive_place_adverbs"])
        self.place_chain_words = (
            frozenset(self.words["place_chain"])
            | self.settlement_nouns  # "X, a community just outside Y": a place described by another
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
        # "received the envoys A and B": a plural role word links the people it names, like the singular
        plurals = frozenset(w + "s" for w in self.role_words if w.isalpha() and not w.endswith("s"))
        self.people_links = frozenset(self.role_words) | plurals | frozenset(self.words["people_links"])
        self.meet_links = self.people_links | frozenset(self.words["meet_links"])
        self.delegation_nouns = frozenset(self.words["delegation_nouns"])
        self.delegation_heads = frozenset(self.words["delegation_heads"])
        # The abbreviated ranks of roles.json without their full stop: a tokenizer that lacks them as
        # special cases (spaCy's trained pipelines) splits "Capt." and ends a sentence at its stop.
        self.split_ranks = frozenset(w[:-1] for h in roles["honorific"] for w in h.split() if w.endswith("."))

    def _targets_in_state(self, doc: Doc, k: int, at_start: dict) -> Span | None:
        """ "shelled three posts in Y", "struck targets inside Y": the state the unnamed targets after
        token k lie in is the side attacked (guidelines §2.3; a named town would be ground, not a side)."""
        figure = at_start.get(k)
        if figure is not None and figure.label_ == "FIGURE":
            k = figure.end
        steps = 0
        while k < len(doc) and steps < 3 and doc[k].lower_ not in self.target_nouns:
            if not (doc[k].is_alpha and doc[k].is_lower):
                return None
            k, steps = k + 1, steps + 1
        if (
            k + 2 >= len(doc)
            or doc[k].lower_ not in self.target_nouns
            or doc[k + 1].lower_ not in self.incursion_preps | {"in"}
        ):
            return None
        state = at_start.get(k + 2)
        return state if state is not None and state.label_ == "GPE" and state.text in self.states else None

    def _pressed_indirectly(self, doc: Doc, start: int) -> bool:
        """Whether the pressing verb at token start went through the media or a public statement
        ("pressed N on social media to resign", "publicly pressed N"): only direct pressing is a meeting
        (guidelines §2.5, calls)."""
        if doc[start].lower_ not in self.meet_pressed_verbs:
            return False
        floor = max(sentence_bounds(doc)[0][start], start - 2)
        ceiling = sentence_bounds(doc)[1][start]
        k = start + 1
        while k < ceiling and doc[k].text not in (",", ";") and doc[k].lower_ not in self.clause_breaks:
            k += 1
        words = [t.lower_ for t in doc[floor:k]]
        return any(
            tuple(words[i : i + len(phrase)]) == phrase
            for phrase in self.meet_pressed_media
            for i in range(len(words) - len(phrase) + 1)
        )

    def _nation(self, text: str) -> frozenset[str]:
        """The states a name or its leading words name, matched as whole words: "Malian troops" ->
        {"Mali"}, "Nigeria" -> {"Nigeria"} (never Niger); empty when no state is named."""
        words = text.lower().split()
        for n in range(min(len(words), self.nation_words), 0, -1):
            owners = self.nations.get(" ".join(words[:n]))
            if owners is not None:
                return owners
        return frozenset()

    def _acronym_after(self, doc: Doc, k: int, at_start: dict) -> Span | None:
        """The acronym of "X (XA)" whose opening bracket stands at token k, where X ends. Of a name and
        its bracketed acronym the acronym is the mention nearer what follows (guidelines §3.1); a search
        to the right passes over it ("X (XA) and Y")."""
        if k + 1 >= len(doc) or doc[k].text != "(":
            return None
        m = at_start.get(k + 1)
        return m if m is not None and m.end < len(doc) and doc[m.end].text == ")" else None

    def _acronym_before(self, doc: Doc, k: int, at_end: dict) -> Span | None:
        """The acronym of "X (XA)" whose closing bracket ends just before token k: the mention nearer
        what follows (guidelines §3.1). X, if a caller wants the name, ends at the acronym's start - 1."""
        if k < 3 or doc[k - 1].text != ")":
            return None
        m = at_end.get(k - 1)
        return m if m is not None and doc[m.start - 1].text == "(" else None

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
            if doc[k - 1].lower_ in self.gap_speech_verbs and k < len(doc) and doc[k].lower_ in self.gap_finite:
                # "the group, which X says is backed by Y": X speaks; the verb's subject is the gap.
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

    def _people_after(
        self,
        doc: Doc,
        k: int,
        at_start: dict,
        links: frozenset[str],
        reach: int,
        relatives: frozenset[str] | None = None,
    ) -> list[Span]:
        """The people named from token k on, within its sentence and ``reach`` tokens: role words,
        capitalised modifiers ("the Dutch Prime Minister") and ``links`` between them. With
        ``relatives`` the list also goes on past a relative clause ("A, who chairs the bloc, B and C")
        and a lower-case modifier of a role word ("Turkey's intelligence chief")."""
        out: list[Span] = []
        ends = sentence_bounds(doc)[1]
        ceiling = ends[k - 1] if k > 0 else len(doc)
        while (
            relatives is not None
            and 2 <= ceiling < len(doc)
            and doc[ceiling - 1].text == "."
            and doc[ceiling - 2].text in self.split_ranks
        ):
            ceiling = ends[ceiling]  # "met Capt. A": the rank's full stop ends no sentence
        start = k
        while k < ceiling and k - start < reach:
            m = at_start.get(k)
            if m is not None:
                owner = m.end < len(doc) and doc[m.end].lower_ in ("'s", "’s")
                if m.label_ == "PERSON" and not owner:
                    out.append(m)  # "met N's lawyers", "met N's envoy, M": N owns those met, M was met
                k = m.end
                continue
            t = doc[k]
            if (
                t.lower_ in ("a", "the")
                and k + 3 < ceiling
                and doc[k + 1].lower_ in self.delegation_nouns
                and doc[k + 2].lower_ in self.delegation_heads
                and doc[k + 3].lower_ == "by"
            ):
                k += 4  # "met a delegation led by A": A was met
                continue
            if t.lower_ in self.delegation_nouns or (
                t.is_lower and k + 1 < ceiling and doc[k + 1].lower_ in self.delegation_nouns
            ):
                k += 1  # "received the party's (peace) delegation, A and B": the members were met
                continue
            if relatives is not None and t.text == "," and k + 1 < ceiling and doc[k + 1].lower_ in relatives:
                # ", who holds the chair," closes at the next comma; the list goes on after it
                close = next((j for j in range(k + 2, min(ceiling, k + 16)) if doc[j].text == ","), None)
                if close is None:
                    break
                k = close + 1
                continue
            if relatives is not None and t.is_lower and t.is_alpha and t.lower_ not in links:
                if k + 1 < ceiling and doc[k + 1].lower_ in self.role_nouns:
                    k += 1
                    continue
                break
            if t.lower_ not in links and not t.is_title:
                break
            k += 1
        return out

    def _unasserted(self, doc: Doc, k: int) -> bool:
        """The verb at token k is not asserted as done (guidelines §2.5: a threat is not an act):
        negated ("has never attacked Y"), denied in its clause ("X denied that it had attacked Y"), inside
        a conditional clause ("If X attacked Y, ..."), or after a modal in a sentence that sets a
        condition ("X would fight Y if ...", "Unless Y withdraws, X will attack Y")."""
        if not 0 <= k < len(doc):
            return False
        starts, ends = sentence_bounds(doc)
        floor, ceiling = starts[k], ends[k]
        before = [doc[j].lower_ for j in range(max(floor, k - self.unasserted_window), k)]
        if any(w in self.negations for w in before):
            return True
        for j in range(k - 1, floor - 1, -1):
            if doc[j].lower_ in self.conditionals:
                return True  # the verb is inside the condition: no comma closed it
            if doc[j].text in (",", ";", "—", "–"):
                break
        for j in range(k - 1, floor - 1, -1):
            if doc[j].lower_ in self.denials:
                # "X denied that it had attacked Y": the subject denies its own act. "X denies that Y
                # works with Z" is an accusation X rejects, read like any other (guidelines §2.5).
                return j == k - 1 or any(doc[i].lower_ in self.denial_pronouns for i in range(j + 1, k))
            if doc[j].lower_ in self.denial_breaks:
                break
        if not any(w in self.modals for w in before):
            return False
        return any(doc[j].lower_ in self.conditionals for j in range(floor, ceiling))

    def _place_side(self, m: Span) -> bool:
        """A GPE that is no state, de facto state or national capital (states.json): a town or a province,
        which an act hits but which is no side of a conflict (guidelines §2.3)."""
        if m.label_ != "GPE":
            return False
        text = m.text[4:] if m.text.lower().startswith("the ") else m.text
        return text not in self.states and text not in self.capitals and not self._nation(text)

    def _disputed_thing(self, doc: Doc, m: Span) -> bool:
        """ "X's decision", "Y's new plan": the object a verb of attacking takes is a thing the party owns
        that is disputed (relations.json conflict_object_stops), not the party or its forces."""
        k = m.end
        if k >= len(doc) or doc[k].lower_ not in ("'s", "’s", "'", "’"):
            return False
        for j in range(k + 1, min(len(doc), k + 4)):
            if doc[j].lower_ in self.conflict_object_stops:
                return True
            if not doc[j].is_alpha:
                return False
        return False

    def _settlement(self, doc: Doc, m: Span) -> bool:
        """Whether the place m is written as a settlement ("hit X, together with the hamlet of Y",
        "bombarded X, a town near Y"): a place attacked, not one of the warring sides (guidelines §2.3)."""
        if m.label_ != "GPE":
            return False
        ceiling = min(sentence_bounds(doc)[1][m.start], m.end + 6)
        return (
            m.end < ceiling
            and doc[m.end].text == ","
            and any(doc[k].lower_ in self.settlement_nouns for k in range(m.end + 1, ceiling))
        )

    def _backer_modifier(self, doc: Doc, m: Span) -> bool:
        """Whether m only modifies the real object: "struck Iran-backed militias", "the UN-backed
        government" name the militias and the government, and m is their backer."""
        return (
            m.end + 1 < len(doc)
            and doc[m.end].text in ("-", "–")
            and not doc[m.end - 1].whitespace_
            and doc[m.end + 1].lower_ in self.suffix["ALLIED_WITH"]
        )

    def _coordinated(self, doc: Doc, first: Span, at_end: dict) -> list[Span]:
        """ "A, B and C" to the left of (and including) ``first``."""
        out, cur = [first], first
        while cur.start >= 2 and doc[cur.start - 1].lower_ in ("and", ","):
            if cur is first and doc[cur.start - 1].lower_ == ",":
                break  # a list ends in "and" ("A, B and C"); "In X, A struck B" fronts a place
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
        nouns = self.group_nouns | self.group_plurals  # "the rebels" like "the group" (§3.1)
        while j < len(doc) and j - k <= 3 and doc[j].lower_ not in nouns:
            if doc[j].is_punct:
                return None
            j += 1
        if j >= len(doc) or doc[j].lower_ not in nouns:
            return None
        return self._referent(doc, k, mentions, exclude, non_state=True)

    def _nominal_subject(self, doc: Doc, k: int, mentions: list[Span]) -> Span | None:
        """ "The group has fought Y", "the militia, backed by Y,", "the group's fighters attacked Y": a
        definite group nominal opening the clause before the verb at token k (past auxiliaries, a comma
        and "which is") refers back to the nearest organisation named before it (guidelines §3.1)."""
        floor = sentence_bounds(doc)[0][min(k, len(doc) - 1)]
        j = k
        while j > floor and doc[j - 1].lower_ in self.comma_skip:
            j -= 1
        if j - 2 > floor and doc[j - 1].lower_ in self.armed_words and doc[j - 2].lower_ in ("'s", "’s"):
            j -= 2  # "the group's fighters"
        if j - 2 < floor or doc[j - 1].lower_ not in self.group_heads:
            return None
        the = j - 2 if doc[j - 2].lower_ == "the" else j - 3  # one modifier: "the armed group"
        if the < floor or doc[the].lower_ != "the" or not (doc[the + 1].is_lower or the + 1 == j - 1):
            return None
        opens = the == floor or doc[the - 1].is_space or doc[the - 1].text in (",", ";")
        return self._referent(doc, the, mentions, None, non_state=True) if opens else None

    def _referent(
        self, doc: Doc, k: int, mentions: list[Span], exclude: Span | None, non_state: bool = False
    ) -> Span | None:
        """The nearest ORG mention before token k, in its sentence or the one before (guidelines §3.1);
        for a nominal of a non-state body (``non_state``), the nearest that is no state's force."""
        starts = sentence_bounds(doc)[0]
        prev_sent_start = starts[k]
        if prev_sent_start > 0:
            prev_sent_start = starts[prev_sent_start - 1]
        for m in reversed(mentions):
            if m.end <= k and m.start >= prev_sent_start and m.label_ == "ORG" and m != exclude:
                if non_state and m[-1].lower_ in self.state_force_heads:
                    continue
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
