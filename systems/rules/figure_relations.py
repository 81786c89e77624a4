"""Relations of a figure: where it happened (LOCATED_IN) and who gives it (REPORTED_BY).

A figure's place is the nearest place phrase after it in its clause (the parts of the figure, "ten of
them children", passed over), else one opening its sentence, else the nearest one before it (not one
describing the speaker of a verb of speech); the further places that phrase names follow, and a phrase
before the figure gives its first place ("into X in Y, killing 6"). A place phrase opens with a
location preposition or a verb of flight, attack or arrival ("fled X", "hit X"), passes nationality
adjectives and the parts of a place ("the northern N town of X", "the edge of X"), and a definite place
noun ("in the enclave") names the nearest earlier place of its kind (guidelines §2.5, §3.1). Parts take
their whole's place and figures coordinated in one clause share one. A locative pro-form closing the
figure's phrase ("killed there", "found inside") names the nearest earlier place of its kind; ", where" or
", (in) which" after a named place puts the figures of its clause there; so do a place before a noun of
inhabitants ("40 X residents") or before an event noun ("a X strike killed 3"), and a place opening the
sentence that was captured or fell. A location word inside a transfer's destination ("delivered to
clinics in X") gives no place, and a running total ("taking the total to 80") takes no event's place.

Its source is the subject of a reporting verb before it (past an apposition or a bracketed acronym, the
acronym being the nearest mention), an "according to" phrase, the subject of a reporting tag after it
("…, the agency said", "…, said N"), the owner of a count noun before it ("By X's count, …", "Y's
figures showed …"), the subject of a verb of giving whose count noun stands before it ("the count it
issued was …"), the subject a reporting verb after "and" shares ("X called it a blow and said …"), the
antecedent of ", who said", and every relay ("X told AFP", "citing X", "cited by X", "counted by X", "by the
count of X", a tag closing the sentence after an earlier source, "X said …, according to Y": X and Y).
A pronoun or a definite nominal as the reporter ("It said", "The agency said", "according to the
mayor") names the nearest earlier reporter (§3.1). Not a source: the speaker whose own phrase holds the
count ("Thirty fighters of X said"), "put" without "at", a group claiming an attack whose relative
clause holds the count ("X claimed the raid, in which 10 died").

News constructions read the same way in any conflict: an adverb or a date between the source and its verb
("X first reported", "X on Monday raised its toll to 45"), a verb brought "to" the figure before its count
noun ("brought to 61 the number of"), a participle of speech ("issued a statement saying"), a pronoun chain
of one speaker over several sentences, each outlet or journalist told, the origin of a closing tag that an
"according to" relays. A rival count of the same kind after ", while" or an earlier value after "up from"
takes the place of its count; a participle of being somewhere ("and sheltering in Y") adds a place; "the
same post", "the siege of X", "the border town of X" name places. A figure's place phrase ends at a
contrastive clause, the writer's ", as" clause, the verb after an apposition of a named party holding the
figure, a cause phrase ("detained over the massacre at X"), and the seat of an acting official ("charged by
a magistrate in X").
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .arguments import ArgumentGrammar
from .entities import DATA, token_flags, token_view
from .figures import Figure

SOURCE_LABELS = {"ORG", "PERSON"}


POSSESSIVE_MARKS = frozenset({"'s", "’s", "’", "'"})


def toll_reports(
    lowers: Sequence[str],
    is_alpha: Sequence[bool],
    is_lower: Sequence[bool],
    verbs: frozenset[str],
    nouns: frozenset[str],
    gap: int,
) -> list[tuple[int, int]]:
    """(start, end) of each "<verb> <up to gap lower-case words> <noun>" ("put the death toll"), in
    the order spaCy's Matcher gives them for that pattern: by end, then the later start first."""
    found = []
    for s, word in enumerate(lowers):
        if word not in verbs:
            continue
        for j in range(s + 1, min(len(lowers), s + gap + 2)):
            if lowers[j] in nouns:
                found.append((s, j + 1))
            if not (is_alpha[j] and is_lower[j]):
                break
    return sorted(found, key=lambda m: (m[1], -m[0]))


class Words:
    """A doc's token texts and flags as plain lists (``token_view``, ``token_flags``), read by index."""

    __slots__ = (
        "is_alpha",
        "is_lower",
        "is_punct",
        "is_quote",
        "is_space",
        "is_title",
        "lower",
        "sent_ends",
        "sent_starts",
        "spacy",
        "text",
    )

    def __init__(self, doc: Doc):
        view, flags = token_view(doc), token_flags(doc)
        self.text: list[str] = view.texts
        self.lower: list[str] = view.lowers
        self.is_lower: list[bool] = flags.is_lower
        self.is_alpha: list[bool] = flags.is_alpha
        self.is_title: list[bool] = flags.is_title
        self.is_punct: list[bool] = flags.is_punct
        self.is_quote: list[bool] = flags.is_quote
        self.is_space: list[bool] = flags.is_space
        self.spacy: list[bool] = flags.spacy
        self.sent_starts: list[int] = view.sent_starts
        self.sent_ends: list[int] = view.sent_ends


class FigureRelations(ArgumentGrammar):
    """LOCATED_IN and REPORTED_BY of the figures of a document."""

    def __init__(self, nlp: Language, data_dir: Path = DATA):
        super().__init__(nlp, data_dir)
        # "X gave a fresh tally:", "X put the count of refugees at", "X issued the names of":
        # a verb of giving with a count noun as its object reports like "said".
        # As the Matcher pattern [verb] [lower-case word]{0,gap} [noun] would, read from the doc's lists.
        tolls = self.words["toll_report"]
        self.toll_verbs, self.toll_nouns = frozenset(tolls["verbs"]), frozenset(tolls["nouns"])
        self.inverted_toll_preps = frozenset(tolls["inverted_preps"])
        complements = self.words["report_verb_complements"]
        self.report_complements = {verb: frozenset(words) for verb, words in complements["verbs"].items()}
        self.claim_verbs = frozenset(complements["claims"])
        # "put the toll at 40", "revised its tally to 70": the words that give a verb of giving its count.
        self.count_preps = self.inverted_toll_preps | frozenset(p for ps in complements["verbs"].values() for p in ps)
        back = self.words["reporter_back_reference"]
        self.back_pronouns: dict[str, set[str]] = {w: set(labels) for w, labels in back["pronouns"].items()}
        self.back_nominals = frozenset(back["nominals"])
        self.back_person_nominals = frozenset(back["person_nominals"])
        self.back_determiners = frozenset(back["determiners"])
        self.back_skip = frozenset(back["skip"])
        self.part_markers = frozenset(self.words["figure_part_markers"])
        self.source_nouns = frozenset(self.words["source_nouns"])
        self.branch_nouns = frozenset(self.words["branch_nouns"])
        owned = self.words["possessive_count"]
        self.count_nouns = frozenset(owned["nouns"])
        self.state_count_nouns = frozenset(owned["state_nouns"])
        self.count_owner_gap: int = owned["gap"]
        self.free_relatives = frozenset(self.words["free_relatives"])
        self.place_subject = {k: frozenset(v) for k, v in self.words["place_subjects"].items() if k != "_about"}
        self.direction_verbs = frozenset(self.words["direction_verbs"])
        self.route_nouns = frozenset(self.words["routes"]["nouns"])
        self.route_preps = frozenset(self.words["routes"]["preps"])
        self.relay_matter_preps = frozenset(self.words["relay_matter_preps"])
        self.count_pronouns = {word: frozenset(labels) for word, labels in owned["pronouns"].items()}
        self.count_modifier_determiners = frozenset(owned["modifier_determiners"])
        nominal = self.words["place_back_reference"]
        self.place_settlements = frozenset(nominal["settlements"])
        self.place_facilities: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in nominal["facilities"].items()}
        self.place_nominal_modifiers = frozenset(nominal["modifiers"])
        self.same_place_nouns = frozenset(nominal["same_nouns"])
        self.settlement_labels: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in nominal["settlement_labels"].items()
        }
        pro_forms = self.words["place_pro_forms"]
        self.place_pro_forms: dict[str, tuple[frozenset[str], int]] = {
            word: (frozenset(v["labels"]), v["sentences"]) for word, v in pro_forms["words"].items()
        }
        self.pro_form_followers = frozenset(pro_forms["followers"])
        self.place_relatives = frozenset(self.words["place_relatives"])
        self.rival_links = frozenset(self.words["rival_count_links"]["words"])
        self.comparison_links = frozenset(tuple(p.split()) for p in self.words["rival_count_links"]["comparisons"])
        self.cause_preps = frozenset(self.words["cause_preps"]["words"])
        self.press_roles = frozenset(self.words["press_roles"]["words"])
        self.siege_nouns = frozenset(self.words["figure_place_skip"]["sieges"])
        self.speech_participles = frozenset(self.words["speech_participles"]["words"])
        self.official_seats = frozenset(self.words["official_seats"]["words"])
        self.presence_participles = frozenset(self.words["presence_participles"]["words"])
        self.told_audiences = frozenset(self.words["press_roles"]["audiences"])
        self.place_name_words = (
            self.settlement_nouns
            | self.territory_designators
            | self.place_settlements
            | frozenset(self.place_facilities)
        )
        self.place_clause_closers = frozenset(self.words["place_clause_closers"]["words"])
        self.apposition_closers = frozenset(self.words["place_clause_closers"]["after_apposition"])
        # "at X Hospital, the sole clinic in Y": an apposition that places a facility in a settlement.
        # "X sub-county, Y District", "X sub-prefecture": a prefix hyphenated to a designator is part of it.
        prefixes = frozenset(self.words["designator_prefixes"]["words"])
        self.figure_chain_words = (
            self.place_chain_words
            | frozenset(self.words["facility_apposition"])
            | frozenset(self.place_facilities)
            | prefixes
        )
        # "in X's Y neighbourhood": a noun of a kind of place after a name is no verb of a new clause.
        self.figure_chain_after = self.place_chain_after | prefixes | self.settlement_nouns
        self.transfer_verbs = frozenset(self.words["transfer_verbs"])
        self.resident_nouns = frozenset(self.words["resident_nouns"])
        self.event_nouns = frozenset(self.words["event_nouns"])
        self.total_participles = frozenset(self.words["total_participles"])
        self.speech_verbs = frozenset(self.words["speech_verbs"]["verbs"])
        self.relative_words = frozenset(self.words["relative_words"])
        self.object_relatives = self.relative_words | {"that"}
        self.clause_openers = frozenset(self.words["clause_openers"])
        self.place_before_breaks = frozenset(self.words["place_before_breaks"])
        self.tag_verbs = self.speech_verbs | frozenset(self.words["relay_tag_verbs"])
        self.place_triggers = frozenset(self.place_preps) | frozenset(self.words["place_verbs"]["verbs"])
        phrase = self.words["figure_place_skip"]
        self.figure_place_skip = self.place_skip | frozenset(phrase["words"])
        # "at a Dorn police academy": an indefinite article before a place that premodifies the noun.
        self.place_phrase_skip = self.place_skip | frozenset(phrase["determiners"])
        self.figure_place_gap: int = phrase["gap"]
        # "died during the battle for X": the place fought over is where the dead are.
        self.contest_nouns = frozenset(phrase["contests"])
        self.figure_place_skip |= self.contest_nouns | {"for"}
        self.complement_starts = frozenset(self.words["tag_complement_starts"]["words"])
        self.fronted_openers = frozenset(self.words["fronted_attribution_openers"])
        self.result_participles = frozenset(self.words["result_participles"])
        self.origin_verbs = frozenset(self.words["origin_verbs"])
        self.origin_particles = frozenset(self.words["origin_particles"])
        self.meeting_nouns = frozenset(self.words["meeting_places"]["nouns"])
        self.envoy_roles = frozenset(self.words["envoy_roles"])
        self.speaker_frames = frozenset(self.words["speaker_frames"])
        # "…, X said it would fight on": a pronoun after the verb opens a complement of its own
        self.tag_subjects = frozenset(self.words["closing_tag_pronouns"])
        self.meeting_verbs = frozenset(self.words["meeting_places"]["verbs"])
        unreported = self.words["unreported"]
        self.order_verbs = frozenset(unreported["order_verbs"])
        self.order_gap: int = unreported["order_gap"]
        self.passive_report_verbs = frozenset(unreported["passive_verbs"])
        self.passive_leads = frozenset(unreported["passive_leads"])
        self.passive_objects = frozenset(unreported["passive_objects"])
        self.to_compounds = frozenset(unreported["to_compounds"])
        self.not_verbs = frozenset(unreported["not_verbs"])
        self.passive_auxiliaries = [tuple(a.split()) for a in self.words["passive_place_auxiliaries"]]
        self.attack_participles = frozenset(self.words["passive_place_verbs"])
        self.fallen_verbs = frozenset(self.words["fallen_place_verbs"])
        # "Russia's attack", "Chad's army": nouns a place's possessive owns without being their place
        self.owned_nouns = frozenset(n for n in self.words["conflict_noun"] if " " not in n) | self.state_body_heads
        # "run by X", "backed by X": an agent who governs or backs the speaker is not the speaker (§3.1).
        self.ruling_participles = frozenset(
            p.split()[0] for key in ("control_passive", "ally_passive") for p in self.words[key] if p.endswith(" by")
        )
        # The document in hand: its places in text order and where its figures start.
        self._place_mentions: list[Span] = []
        self._figure_starts: set[int] = set()
        self._figure_tokens: set[int] = set()
        self._report_tokens: set[int] = set()
        self._relayed_reporters: set[int] = set()
        self._pronoun_reporters: list[tuple[int, Span]] = []
        self._relay_spans: list[tuple[int, int]] = []
        self._told_relays: list[tuple[int, Span, Span]] = []
        self._nationality_tokens: set[int] = set()
        # The document's words and flags as plain lists, and its phrases' lower-cased texts, made once
        # per document: indexing a Doc builds a new Token object at every access.
        self._words_of: Doc | None = None
        self._doc_words: Words | None = None
        self._phrases: dict[tuple[int, int], str] = {}

    def _words(self, doc: Doc) -> Words:
        if self._words_of is not doc or self._doc_words is None:
            self._words_of, self._doc_words, self._phrases = doc, Words(doc), {}
        return self._doc_words

    def _phrase(self, doc: Doc, s: int, e: int) -> str:
        """The lower-cased text of doc[s:e] (the same reporting verbs are read for every figure)."""
        w = self._words(doc)
        text = self._phrases.get((s, e))
        if text is None:
            # A Span's text: each token's text and the space after it, but the last one's.
            texts, spaces = w.text[s:e], w.spacy[s:e]
            text = "".join([t + " " if sp else t for t, sp in zip(texts[:-1], spaces, strict=False)] + texts[-1:])
            text = self._phrases[(s, e)] = text.lower()
        return text

    def _figures(self, doc: Doc, figures: list[Figure], matches: list, at_start: dict, at_end: dict, add) -> None:
        w = self._words(doc)
        starts = sorted(f.span.start for f in figures)
        ends = {f.span.start: f.span.end for f in figures}
        # "cited by X" is a relay, not X's subject citing.
        reports = [
            m
            for m in matches
            if m[0] == "report_verbs"
            and not (m[2] < len(doc) and w.lower[m[2]] == "by")
            and self._reports_a_count(w, m)
        ]
        gap = self.gaps["toll_report"]
        tolls = toll_reports(w.lower, w.is_alpha, w.is_lower, self.toll_verbs, self.toll_nouns, gap)
        reports += [("report_verbs", s, e) for s, e in tolls]
        reports += [("report_verbs", s, s + 1) for s in self._relative_tolls(doc, at_end)]
        relays = [(s, e) for name, s, e in matches if name == "relay"]
        self._relay_spans = relays
        self._figure_tokens = {k for f in figures for k in range(f.span.start, f.span.end)}
        reports += [("report_verbs", s, s + 1) for s in self._inverted_tolls(doc)]
        reporters = self._reporters(doc, reports, at_start, at_end, relays)
        self._pronoun_reporters = self._resolved_pronouns(doc, reports, reporters, at_start, at_end)
        places: dict[int, tuple[list[Span], str]] = {}
        self._figure_starts = set(starts)
        self._report_tokens = {k for _, s, e in reports for k in range(s, e)}
        self._nationality_tokens = {k for m in at_start.values() if m.label_ == "NORP" for k in range(m.start, m.end)}
        self._place_mentions = sorted(
            (m for m in at_start.values() if m.label_ in ("GPE", "LOC")), key=lambda m: m.start
        )
        wholes = self._wholes(doc, figures)
        report_ends = {e for _, s, e in reports if self._phrase(doc, s, e) in self.speech_verbs}
        # Last figure first, so that "8 died and 40 were hurt in X" hands X back along the list.
        for fig in sorted(figures, key=lambda f: -f.span.start):
            span = fig.span
            place, place_rule, named = self._place(doc, span, starts, at_start, at_end, report_ends, set(wholes))
            found = [place, *self._place_chain(doc, place, at_start)] if place is not None else []
            if named is not None and named not in found:
                found.append(named)  # "at X on the edge of Y, killing 6": Y, too far on for the chain from X
            if place_rule == "relations.place_preps":
                found += [m for m in self._presence_places(doc, found, at_start) if m not in found]
                found += [m for m in self._split_places(doc, span, found, at_start) if m not in found]
            if not found:
                subjects = self._place_subjects(doc, span, at_start, at_end)
                if subjects:
                    found, place_rule = subjects, "relations.place_subject"
            if not found:
                shared = self._coordinated_figure(doc, span, starts, ends, reports)
                if shared is not None and places.get(shared, ([], ""))[0]:
                    found, place_rule = places[shared][0], "relations.place_preps.shared"
            places[span.start] = (found, place_rule)
        # First figure first: a part with no place of its own takes its whole's ("20 died in X, 8 of
        # them children"); so does a count coordinated after one that has a place ("in X, 30 boys
        # and 40 women").
        previous: int | None = None
        for fig in sorted(figures, key=lambda f: f.span.start):
            span = fig.span
            found, place_rule = places[span.start]
            if not found:
                whole = wholes.get(span.start)
                if whole is not None and places[whole][0]:
                    found, place_rule = places[whole][0], "relations.place_preps.part"
                elif (
                    previous is not None
                    and places[previous][0]
                    and self._coordinated_figure(doc, doc[previous : ends[previous]], starts, ends, reports)
                    == span.start
                ):
                    found, place_rule = places[previous][0], "relations.place_preps.shared"
                else:
                    rival = self._rival_count(doc, fig, figures, places)
                    if rival is not None:
                        found, place_rule = places[rival][0], "relations.place_preps.rival_count"
                places[span.start] = (found, place_rule)
            previous = span.start
            for i, where in enumerate(found):
                shared = place_rule.endswith(("shared", "part", "rival_count"))
                rule = place_rule if i == 0 or shared else place_rule + ".chain"
                add("LOCATED_IN", span, where, rule)
        for fig in figures:
            span = fig.span
            source, source_rule = self._source(doc, span, reports, at_start, at_end, reporters)
            found, place_rule = places[span.start]
            if source is not None and place_rule.startswith("relations.place_subject") and source in found:
                source = None  # "X, Y and Z recorded two deaths apiece": places that suffered, not states speaking
            add("REPORTED_BY", span, source, source_rule)
            if source is not None and source_rule == "relations.report_verbs.before":
                outer = self._outer_speaker(doc, span, source, reports, at_start, at_end)
                add("REPORTED_BY", span, outer, "relations.report_verbs.outer_speaker")
                for other in self._co_speakers(doc, source, at_end):
                    add("REPORTED_BY", span, other, "relations.report_verbs.coordinated")
            if source_rule == "relations.report_verbs.according_to":
                # "X said its fighters killed 70, according to Y": Y relays what X said (§2.5, relayed figures).
                origin = self._speaker_before(doc, self._reports_before(doc, span, reports), at_start, at_end)
                add("REPORTED_BY", span, origin, "relations.report_verbs.relayed_speaker")
                # "…, an official of X told a press briefing, according to Y": the closing tag before the
                # attribution is the origin Y relays.
                add(
                    "REPORTED_BY",
                    span,
                    self._tag_before_attribution(doc, span, reports, at_start, at_end),
                    "relations.report_verbs.relayed_speaker",
                )
            if source is not None and source_rule == "relations.report_verbs.back_reference":
                # "… told the paper that …. Two were critical, the paper said": the teller of the sentence before.
                previous = w.sent_starts[w.sent_starts[span.start] - 1] if w.sent_starts[span.start] > 0 else -1
                for at, outlet, teller in self._told_relays:
                    if at in (previous, w.sent_starts[span.start]) and outlet == source:
                        add("REPORTED_BY", span, teller, "relations.report_verbs.relay_chain")
                # "X, citing Y, said 30 died. It added …": the source X cites stays in the chain (§2.5)
                add("REPORTED_BY", span, self._cited_by(doc, source, at_start), "relations.report_verbs.relay_chain")
            if source_rule in ("relations.report_verbs.before", "relations.report_verbs.back_reference"):
                relaying = self._relaying_tag(doc, span, reports, at_start, at_end)
                add("REPORTED_BY", span, relaying, "relations.report_verbs.relaying_tag")
            told = self._relay(doc, span, reports, at_start, at_end, reporters)
            add("REPORTED_BY", span, told, "relations.report_verbs.told")
            if told is not None and told.label_ == "ORG":
                # "told Radio X and the Y Monitor that 40 …": each outlet told relays the count.
                j = told.end + 1 if told.end < len(doc) and w.lower[told.end] == "and" else None
                if j is not None and j < len(doc) and w.lower[j] == "the":
                    j += 1
                also = at_start.get(j) if j is not None else None
                if also is not None and also.label_ == "ORG":
                    add("REPORTED_BY", span, also, "relations.report_verbs.told")
            add(
                "REPORTED_BY", span, self._told_after(doc, span, reports, at_start), "relations.report_verbs.told_after"
            )
            for s, e in relays:
                if self._relays(doc, span, s, e, starts, at_start):
                    # "Citing the IOM, the agency said …", "… a report cited by the FT": the relay reports too.
                    relayed = self._relayed(doc, e, at_start, name_first=span.start < s)
                    add("REPORTED_BY", span, relayed, "relations.relay")

    def _reports_a_count(self, w: Words, match: tuple) -> bool:
        """Whether a verb that reports only with a complement has it: "put the toll at 40", not "put his
        signature to a decree" (report_verb_complements)."""
        _, s, e = match
        if self._order_or_description(w, s, e):
            return False
        needs = self.report_complements.get(w.lower[s])
        if needs is None:
            return True
        end = min(w.sent_ends[s], e + self.gaps["toll_report"] + 6)
        return any(w.lower[k] in needs for k in range(e, end))

    def _meeting_place(self, lowers: Sequence[str], k: int, span: Span) -> bool:
        """Whether the place phrase opened at k names where a meeting was ("agreed at talks in X"), a verb of
        agreement or speech standing between the figure and the meeting (``meeting_places``)."""
        if k == 0 or lowers[k - 1] not in self.meeting_nouns:
            return False
        # "told a briefing in X that 30 died": before the figure, the verb may also govern the meeting itself
        lo, hi = (span.end, k) if k >= span.end else (max(0, k - 1 - self.gaps["meeting_verb"]), span.start)
        return any(lowers[j] in self.meeting_verbs for j in range(lo, hi))

    def _origin_before(self, lowers: Sequence[str], k: int) -> bool:
        """Whether "from" at k closes a verb of origin ("came from", "had crossed over from")."""
        j = k - 1
        if j > 0 and lowers[j] in self.origin_particles:
            j -= 1
        return lowers[j] in self.origin_verbs

    def _order_or_description(self, w: Words, s: int, e: int) -> bool:
        """ "X told officials to tighten the border": an order, not a report; "X, estimated to have 500
        fighters", "Y is said to number 2,000": others describe X, who reports nothing (``unreported``)."""
        n = len(w.lower)
        word = w.lower[s]
        described = e == s + 1 and word in self.passive_report_verbs and s > 0 and w.lower[s - 1] in self.passive_leads
        if described and e + 1 < n and w.lower[e] == "to" and w.lower[e + 1] in self.passive_objects:
            return True
        if e == s + 1 and word in self.order_verbs:
            for k in range(e + 1, min(n - 1, e + 1 + self.order_gap)):
                if not w.is_alpha[k - 1]:
                    return False  # punctuation or a number before "to": the verb's object is over
                if w.lower[k] == "to":
                    after = w.lower[k + 1]
                    return (
                        w.lower[k - 1] not in self.to_compounds
                        and w.is_alpha[k + 1]
                        and w.is_lower[k + 1]
                        and after not in self.not_verbs
                    )
        return False

    def _claims_event(self, w: Words, s: int, e: int, figure: int) -> bool:
        """ "X claimed the attack, in which 10 died", "X claimed Saturday's bombing that killed 12": a
        verb of claiming whose object is an event noun, with the figure in a relative clause on that
        event, claims the event, not the count (guidelines §3.1)."""
        if w.lower[s] not in self.claim_verbs:
            return False
        j = e
        while j < min(figure, e + 5) and w.lower[j] not in self.event_nouns:
            if w.text[j] in (",", ";") or w.lower[j] in ("that", "to"):
                return False
            j += 1
        if j >= figure or w.lower[j] not in self.event_nouns:
            return False
        between = w.lower[j + 1 : figure]
        return any(word in self.relative_words or word in ("that", "when") for word in between) and not any(
            k in self._report_tokens for k in range(j + 1, figure)
        )

    def _inverted_tolls(self, doc: Doc) -> list[int]:
        """ "X has brought to 61 the number of guards killed", "Y lowered to 30 its count": a verb of
        giving whose count noun follows the figure it is brought to reports that figure, as "put the
        toll at 54" does."""
        w = self._words(doc)
        found = []
        for s, word in enumerate(w.lower):
            if word not in self.toll_verbs or s + 3 >= len(doc) or w.lower[s + 1] not in self.inverted_toll_preps:
                continue
            k = s + 2
            while k < len(doc) and k in self._figure_tokens:
                k += 1
            if k == s + 2 or k + 1 >= len(doc) or w.lower[k] not in self.back_determiners:
                continue
            if w.lower[k + 1] in self.toll_nouns:
                found.append(s)
        return found

    def _relative_tolls(self, doc: Doc, at_end: dict) -> list[int]:
        """ "The count it issued on Friday was 90", "the toll the ministry released was 40": a verb of
        giving whose object is a count noun before it, in a relative clause, reports what the count is."""
        w = self._words(doc)
        found = []
        for s, word in enumerate(w.lower):
            if word not in self.toll_verbs or s < 2:
                continue
            k = s - 1
            subject = at_end.get(s)
            if subject is not None:
                k = subject.start - 2 if w.lower[subject.start - 1] == "the" else subject.start - 1
            elif w.lower[k] in self.back_pronouns:
                k -= 1
            else:
                continue
            if k >= 0 and w.lower[k] == "that":
                k -= 1
            if k >= 0 and w.lower[k] in self.toll_nouns:
                found.append(s)
        return found

    def _co_speakers(self, doc: Doc, source: Span, at_end: dict) -> list[Span]:
        """ "The Telegraph and X said", "A, B and C were reporting": each named speaker of a
        coordinated subject reports the figure; a list ends in "and", so the first link must be one."""
        w = self._words(doc)
        out: list[Span] = []
        k, first = source.start, True
        while k >= 2:
            j = k - 1 if w.lower[k - 1] != "the" else k - 2
            if j < 1 or w.lower[j] not in ("and", ",") or (first and w.lower[j] != "and"):
                break
            prev = at_end.get(j)
            if prev is None or prev.label_ not in SOURCE_LABELS:
                break
            out.append(prev)
            k, first = prev.start, False
        return out

    def _relayed(self, doc: Doc, k: int, at_start: dict, name_first: bool = False) -> Span | None:
        """The source named after a relay phrase, past a determiner and lower-case words that say what
        kind of source it is ("compiled by the monitoring group X"). Of a name and its bracketed
        acronym, the one nearer the figure: the acronym for a figure after them, the name with
        ``name_first`` ("30 died, a count cited by the Relief Agency (RA)", guidelines §3.1)."""
        w = self._words(doc)
        ceiling = min(w.sent_ends[k - 1] if k > 0 else len(doc), k + 6)
        while k < ceiling:
            m = at_start.get(k)
            if m is not None and m.end < len(doc) and w.text[m.end] == "-":
                k = m.end + 1  # "the UN-funded Radio X": a modifier, not the source
                continue
            if m is not None and m.label_ == "GPE" and m.end + 1 < len(doc) and w.lower[m.end] in POSSESSIVE_MARKS:
                k = m.end + 1  # "counted by Valdonia's health ministry": the state owns the source
                continue
            if m is not None:
                if m.label_ not in SOURCE_LABELS:
                    return None
                # "citing the Relief Agency (RRA), ...": the acronym is the nearest mention (guidelines §3.1).
                acronym = at_start.get(m.end + 1) if m.end + 2 < len(doc) and w.text[m.end] == "(" else None
                if acronym is not None and acronym.label_ == m.label_ and w.text[acronym.end] == ")" and not name_first:
                    return acronym
                return m
            if not (w.is_alpha[k] and (w.is_lower[k] or w.lower[k] == "the")):
                return None  # "told The Korvan Times": a capitalised article of the name passes too
            k += 1
        return None

    def _relays(self, doc: Doc, span: Span, s: int, e: int, starts: list[int], at_start: dict) -> bool:
        """Whether the relay at s..e brings the figure: "citing X" every figure after it in its sentence,
        "cited by X" the figure of its own clause (no clause break and no other figure between)."""
        w = self._words(doc)
        sent_starts = w.sent_starts
        if sent_starts[s] != sent_starts[span.start]:
            return False
        if w.lower[e - 1] != "by":
            if s < span.start:
                if self._other_matter(doc, e, span.start, at_start):
                    return False  # "quoting the mayor on the curfew, the agency reported 30 dead": not the mayor's
                return not self._clause_ends(doc, e, span.start)  # "citing X, 30 died; Y gives 40": not Y's
            # "30 died, the agency reported, citing X": a relay after a closing tag relays the tag's figures.
            return (
                s >= 2
                and w.text[s - 1] == ","
                and w.lower[s - 2] in self.tag_verbs
                and not any(span.end <= k < s for k in starts)
                and not any(self._breaks_at(w, k) for k in range(span.end, s))
            )
        lo, hi = (span.end, s) if span.end <= s else (e, span.start)
        between = [k for k in starts if lo <= k < hi]
        if between and not self._figure_list(w, min(between + [span.start]), max(between + [span.start])):
            return False  # another clause's figure stands between
        return not any(self._breaks_at(w, k) for k in range(lo, hi))

    def _other_matter(self, doc: Doc, e: int, hi: int, at_start: dict) -> bool:
        """ "citing X on the curfew, …": a relay whose source is quoted about a stated matter (a
        preposition of relay_matter_preps right after the name) brings that matter, not the count (§2.5)."""
        w = self._words(doc)
        named = self._relayed(doc, e, at_start)
        return named is not None and named.end + 1 < hi and w.lower[named.end] in self.relay_matter_preps

    def _figure_list(self, w: Words, lo: int, hi: int) -> bool:
        """Whether the figures starting from lo to hi are one coordinated list ("52 dead and 210
        hurt were counted by X", "a study by X recorded 70 dead and 20 hurt"): only their own
        words, lower-case words and commas between, no clause break and no reporting verb."""
        for k in range(lo, hi):
            if k in self._figure_tokens:
                continue
            if self._breaks_at(w, k) or k in self._report_tokens:
                return False
            if not ((w.is_alpha[k] and w.is_lower[k]) or w.text[k] == "," or w.is_quote[k]):
                return False
        return True

    def _breaks_at(self, w: Words, k: int) -> bool:
        """``_breaks`` of the token at k, read from the plain lists."""
        low = w.lower[k]
        if low == "among" and k + 1 < len(w.lower) and w.lower[k + 1] in ("them", "whom"):
            return False
        return w.is_lower[k] and low in self.clause_breaks

    def _breaks(self, t: Token) -> bool:
        """Whether a token begins a clause: a lower-case "who", never the acronym WHO; "among them"
        after a count ("2,400 soldiers, six generals among them, …") only names its part."""
        if t.lower_ == "among" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("them", "whom"):
            return False
        return t.is_lower and t.lower_ in self.clause_breaks

    def _place(
        self,
        doc: Doc,
        span: Span,
        starts: list[int],
        at_start: dict,
        at_end: dict,
        report_ends: set[int],
        parts: set[int],
    ) -> tuple[Span | None, str, Span | None]:
        """The place phrase of a figure: after it in its clause, opening its sentence, or before it;
        for one before it, also the place that phrase names when an earlier one heads its chain."""
        w = self._words(doc)
        sent_starts, sent_ends = w.sent_starts, w.sent_ends
        lowers = token_view(doc).lowers
        sent_start, sent_end = sent_starts[span.start], sent_ends[span.start]
        # "14 villagers, six of them boys, in X": the parts of a figure, up to their closing
        # comma, neither end its clause nor give it their place.
        # "40 people in 30 raids across X": a count in the figure's own prepositional phrase does not end it.
        nxt_fig = min(
            (
                s
                for s in starts
                if s > span.start
                and s not in parts
                and lowers[s - 1] not in self.place_preps
                # "115 raids in which 145 were detained throughout X": a relative clause on the counted noun.
                and not (lowers[s - 1] in self.relative_words and lowers[s - 2] in self.place_preps)
            ),
            default=len(doc),
        )
        resident = self._resident_place(doc, span, at_start)
        if resident is not None:
            return resident, "relations.place_preps.residents", None
        k, limit, in_part = span.end, span.end + 16, False
        while k < min(sent_end, nxt_fig, limit):
            if self._breaks_at(w, k) and k - span.end >= 12:
                break  # a long clause ends at the next clause of its own
            if lowers[k] in self.rival_links and w.text[k - 1] == "," and w.is_lower[k] and not in_part:
                break  # "12 dead and 40 wounded in Ebo, while in Kessa 30 died": the contrast has its own place
            if lowers[k] in self.speech_verbs and k + 1 < len(doc) and w.text[k + 1] == ",":
                break  # "…, the governor said, and in X …": the tag closes the figure's clause
            if k in self._report_tokens and not in_part and "," in w.text[span.end : k]:
                break  # "52 died, the minister told reporters in X": the place of the speech, not the figure's
            if w.text[k] == "," and k + 2 < len(doc) and lowers[k + 1] == "and" and w.is_lower[k + 2]:
                break  # "… killed 22, and sought talks in X": a new verb phrase, not the figure's
            closer = lowers[k + 1] if w.text[k] == "," and k + 1 < len(doc) else ""
            if (
                closer in self.place_clause_closers
                and not in_part
                and (closer != "as" or self._clause_ends(doc, k, k + 2))
            ):
                break  # "… 31, as officials conceded that … in Y", "… 5,850 fighters, making it the largest force in Y"
            if closer in self.apposition_closers and self._in_name_apposition(doc, span, at_end):
                break  # "X, said to have 500 fighters, has waged war from bases in Y": X's verb, not the figure's
            if lowers[k] in self.cause_preps and self._event_ahead(w, k + 1, sent_end):
                break  # "20 were detained over the massacre at X": the place of the event, not the detainees'
            if k in parts:
                in_part = True
            elif w.text[k] == ",":
                in_part = False
            if in_part:
                limit += 1
            elif lowers[k] in self.place_triggers and self._seat_of_official(w, k):
                break  # "charged by a judge in X": the seat of the official who acts, not the counted's place
            elif self._siege_of(lowers, k):
                place = self._place_phrase(doc, k + 1, at_start)
                if place is not None:
                    return place, "relations.place_preps", None
            elif (
                lowers[k] in self.place_triggers
                and not (lowers[k] == "from" and self._origin_before(lowers, k))
                and not self._in_transfer(doc, k)
                and not self._meeting_place(lowers, k, span)
            ):
                place = self._place_phrase(doc, k + 1, at_start)
                if place is not None:
                    return place, "relations.place_preps", None
                place = self._pro_form_place(doc, k)
                if place is not None:
                    return place, "relations.place_preps.pro_form", None
            elif lowers[k] in self.place_pro_forms:
                place = self._pro_form_place(doc, k)
                if place is not None:
                    return place, "relations.place_preps.pro_form", None
            k += 1
        for k in range(sent_start, span.start):
            # "— In X, …", "…; in X, …": a place phrase opening the sentence or a clause, not one closing a
            # bracket inside the speaker's phrase ("N, spokeswoman for the Office (OCHA) in X, said …").
            opens = k == sent_start or k == sent_start + 1 or (w.is_punct[k - 1] and w.text[k - 1] != ")")
            if k > sent_start and lowers[k - 1] in self.speaker_frames:
                break  # "Speaking in X, the minister said 30 …": where the speaker was
            if opens and k > sent_start and w.text[k - 1] == ",":
                # "an air strike on X, in northern Y, killed 9": an apposition placing X, no clause opener
                before = at_end.get(k - 1)
                opens = before is None or before.label_ not in ("GPE", "LOC")
            if lowers[k] in self.place_triggers and opens:
                place = self._place_phrase(doc, k + 1, at_start)
                if place is not None:
                    return place, "relations.place_preps.sentence_start", None
        # "attacked a market in Kidal, killing at least 9": the nearest place phrase of the
        # clause before the figure, when no other figure stands between.
        prev_fig = max((s for s in starts if s < span.start), default=-1)
        reach = self.gaps["result_clause"] if self._result_clause(doc, span.start) else 15
        jump: int | None = None
        for k in range(span.start - 1, max(sent_start, prev_fig, span.start - reach) - 1, -1):
            if jump is not None and k > jump:
                continue
            if k + 1 in report_ends:
                # "the envoy in X said 40 …": a place before the reporting verb describes the source; but
                # "shelled X's Y district; a nurse there said 10 died": the speaker's phrase opens
                # after the semicolon, and the clause before it gives the place.
                semi = next((j for j in range(k, max(sent_start, k - 8) - 1, -1) if w.text[j] == ";"), None)
                if semi is None or any(lowers[j] in self.place_triggers for j in range(semi + 1, k + 1)):
                    break
                jump = semi - 1
                continue
            # ", in which": a preposition may open the relative clause.
            comma = k - 2 if k > 1 and w.lower[k - 1] in self.place_preps else k - 1
            if w.lower[k] in self.place_relatives and comma > 0 and w.text[comma] == ",":
                named = at_end.get(comma)
                if named is not None and named.label_ in ("GPE", "LOC"):
                    # "Dorn Hospital, where eight were in a critical condition", "the X prison, which held
                    # 4,400 detainees": the clause says what is in the place it describes (guidelines §2.5).
                    return named, "relations.place_preps.relative", None
            if w.lower[k] in self.place_before_breaks and k > 0 and w.lower[k - 1] in (",", "and", "but"):
                break  # "talks in X and that 30 were freed", "a base near X, which housed 200": a new clause
            # "agreed at talks in X": the place of the talks
            opens_place = lowers[k] in self.place_triggers and not self._meeting_place(lowers, k, span)
            if (opens_place and not self._in_transfer(doc, k)) or self._siege_of(lowers, k):
                place = self._place_phrase(doc, k + 1, at_start)
                if place is not None:
                    return self._chain_head(doc, k, place, at_end), "relations.place_preps.before", place
            named = at_end.get(k) if lowers[k] in self.event_nouns else None
            if (
                named is not None
                and named.label_ in ("GPE", "LOC")
                and w.lower[named.start - 1] in ("a", "an", "the")
                and not any(w.lower[j] in self.total_participles for j in range(k, span.start))
            ):
                # "A Dorn strike on Monday killed three": the place names where the event happened (not
                # where a running total is: "…, taking the total to 80").
                return named, "relations.place_preps.event_premodifier", None
        subject = self._passive_place(doc, sent_start, span.start, at_start)
        if subject is not None:
            return subject, "relations.place_preps.passive_subject", None
        return None, "", None

    def _in_name_apposition(self, doc: Doc, span: Span, at_end: dict) -> bool:
        """Whether the figure stands in an apposition opened by a comma right after a named party or
        person ("RED-X, estimated to have 500 fighters, …"), not in the main clause."""
        w = self._words(doc)
        for j in range(span.start - 1, w.sent_starts[span.start], -1):
            if w.text[j] == ",":
                named = at_end.get(j)
                return named is not None and named.label_ in ("ORG", "PERSON")
        return False

    def _resident_place(self, doc: Doc, span: Span, at_start: dict) -> Span | None:
        """ "338 Dorn residents", "40 Goma villagers": a place naming the counted people's home, right
        after the figure and before a noun of inhabitants (guidelines §2.5: where the counted are)."""
        w = self._words(doc)
        place = at_start.get(span.end)
        if place is None or place.label_ not in ("GPE", "LOC") or place.end >= len(doc):
            return None
        return place if w.lower[place.end] in self.resident_nouns else None

    def _siege_of(self, lowers: Sequence[str], k: int) -> bool:
        """Whether "of"/"for" at k follows a noun of an event done to a place ("during the siege of X",
        "since the fall of Y", "the battle for Z"): the place it names is where the counted were."""
        return k > 0 and lowers[k] in ("of", "for") and lowers[k - 1] in self.siege_nouns

    def _seat_of_official(self, w: Words, k: int) -> bool:
        """Whether the location word at k follows an official who acts on the counted people ("charged by an
        examining judge in X", "sentenced by a court in Y"): his seat (guidelines §2.5)."""
        j = k - 1
        while j > 0 and k - j <= 3 and w.is_lower[j] and w.is_alpha[j] and w.lower[j] not in self.official_seats:
            j -= 1
        return w.lower[j] in self.official_seats and "by" in w.lower[max(0, j - 4) : j]

    def _place_subjects(self, doc: Doc, span: Span, at_start: dict, at_end: dict) -> list[Span]:
        """ "X and Y each lost eight people", "X, Y and Z recorded two deaths apiece", "…, and W seven,":
        places that are the subject of a verb of suffering a loss, or of a gapped clause that keeps only a
        place and a figure, are where the counted were (guidelines §2.5). A verb of counting takes a list
        of places only: one place before "recorded" may be a state that reports."""
        w = self._words(doc)
        floor = w.sent_starts[span.start]
        subject = self.place_subject
        k = span.start - 1
        verb = w.lower[k] if k >= floor else ""
        gapped = verb not in subject["verbs"] and verb not in subject["list_verbs"]
        if gapped:
            # "…, and W seven, while …": a gapped clause ends right after its figure.
            after = w.lower[span.end] if span.end < len(doc) else "."
            if after not in (",", ".", ";") and after not in subject["clause_words"]:
                return []
        else:
            k -= 1
            while k >= floor and w.lower[k] in subject["skip"]:
                k -= 1
        places: list[Span] = []
        separator = k
        while k >= floor:
            m = at_end.get(k + 1)
            if m is None or m.label_ not in ("GPE", "LOC"):
                if not places:
                    return []
                k = separator  # "…, Y and Z recorded": the list goes on with a name not known as a place
                break
            places.append(m)
            k = m.start - 1
            if gapped or k < floor or w.lower[k] not in ("and", ","):
                break
            separator = k
            k -= 1
            if w.lower[k + 1] == "and" and k >= floor and w.text[k] == ",":
                k -= 1
        # The places open their clause: a preposition before them makes them a phrase, not the subject.
        if k >= floor and w.lower[k] not in subject["clause_words"] and w.text[k] != ",":
            return []
        if gapped and (k < floor or w.lower[k] != "and"):
            return []
        if not gapped and verb in subject["list_verbs"] and len(places) < 2:
            return []
        return sorted(places, key=lambda m: m.start)

    def _split_places(self, doc: Doc, span: Span, found: list[Span], at_start: dict) -> list[Span]:
        """ "killed 120 people: 80 in X and 40 in Y": a total whose place phrase follows a colon is
        split among the places of the list after it, and is LOCATED_IN every one (guidelines §2.5)."""
        w = self._words(doc)
        if not found or not any(w.text[k] == ":" for k in range(span.end, found[0].start)):
            return []
        out = []
        for k in range(found[0].end, w.sent_ends[span.start]):
            if w.text[k] == ";":
                break
            if w.lower[k] in self.place_preps and k + 1 < len(doc):
                place = self._place_phrase(doc, k + 1, at_start)
                if place is not None and place.start > k:
                    out.append(place)
        return out

    def _in_transfer(self, doc: Doc, k: int) -> bool:
        """Whether the location word at k ends the destination of a transfer ("bodies delivered to
        clinics in X", "taken to hospitals in Y") or of a movement ("heading back to their base at X"),
        or follows a route named by where it leads ("roads into X"): not where the counted are
        (guidelines §2.5, arrivals)."""
        w = self._words(doc)
        if k > 0 and w.lower[k] in self.route_preps and w.lower[k - 1] in self.route_nouns:
            return True
        j = k - 1
        while j > 0 and k - j <= 4 and (w.is_lower[j] or w.lower[j] == "to"):
            if w.lower[j] == "to":
                verb = j - 2 if j > 1 and w.lower[j - 1] == "back" else j - 1
                if w.lower[verb] in self.transfer_verbs or w.lower[verb] in self.direction_verbs:
                    return True
            j -= 1
        return False

    def _pro_form_place(self, doc: Doc, k: int) -> Span | None:
        """ "30 died there", "18 rifles were found inside": a locative pro-form that closes its
        phrase (no noun follows it) refers back like a pronoun to the nearest earlier named place
        of its kind, within its reach in sentences (guidelines §3.1)."""
        w = self._words(doc)
        pro = self.place_pro_forms.get(w.lower[k])
        nxt = k + 1
        if pro is None or nxt >= len(w.lower):
            return None
        if not (w.is_punct[nxt] or (w.is_lower[nxt] and w.lower[nxt] in self.pro_form_followers)):
            return None  # "inside the camp", "there were": not a pro-form of place
        labels, reach = pro
        floor = w.sent_starts[k]
        for _ in range(reach):
            if floor > 0:
                floor = w.sent_starts[floor - 1]
        for m in reversed(self._place_mentions):
            if m.end <= k and m.start >= floor and m.label_ in labels:
                return m
        return None

    def _passive_place(self, doc: Doc, sent_start: int, k: int, at_start: dict) -> Span | None:
        """ "X was hit by shelling that killed 12": the place opening the sentence as the subject of a
        passive verb of attack, before the figure."""
        w = self._words(doc)
        j = sent_start
        while j < k and (w.is_space[j] or w.lower[j] == "the"):
            j += 1
        place = at_start.get(j)
        if place is None or place.label_ not in ("GPE", "LOC"):
            return None
        verb = place.end
        if verb < k and w.text[verb] == ",":
            # "X, the capital of Y, fell on Monday, when 40 soldiers surrendered": past the apposition.
            close = next((i for i in range(verb + 1, min(k, verb + self.gaps["apposition"])) if w.text[i] == ","), None)
            if close is None:
                return None
            verb = close + 1
        if verb < k and w.lower[verb] in self.fallen_verbs:
            return place
        for aux in self.passive_auxiliaries:
            e = verb + len(aux)
            if e < k and tuple(w.lower[verb:e]) == aux and w.lower[e] in self.attack_participles:
                return place
        return None

    def _result_clause(self, doc: Doc, k: int) -> bool:
        """Whether the figure at k opens a participle clause of result: "…, killing 12", "…, leaving at least 30"."""
        w = self._words(doc)
        j = k - 1
        while j > 0 and w.is_lower[j] and w.lower[j] not in self.result_participles and k - j <= 2:
            j -= 1  # "killing at least", "leaving more than"
        return j > 0 and w.lower[j] in self.result_participles and w.text[j - 1] == ","

    def _chain_head(self, doc: Doc, k: int, place: Span, at_end: dict) -> Span:
        """The first place of the phrase that "in Y" at k continues: "into X in Y, killing 6" gives X
        (and the chain from X gives Y back)."""
        w = self._words(doc)
        while k > 0:
            prev = at_end.get(k) or (at_end.get(k - 1) if w.text[k - 1] == "," else None)
            if prev is None or prev.label_ not in ("GPE", "LOC"):
                return place
            j = prev.start - 1
            while j >= 0 and prev.start - j <= self.gaps["place"] and w.lower[j] in self.place_skip:
                j -= 1
            if j < 0 or w.lower[j] not in self.place_triggers:
                return place
            place, k = prev, j
        return place

    def _place_phrase(self, doc: Doc, k: int, at_start: dict) -> Span | None:
        """The place named after a location preposition ending at k, or the earlier place a definite
        place noun there refers back to ("in the enclave" after "Gaza Strip", guidelines §3.1)."""
        w = self._words(doc)
        place = self._right(
            doc, k, at_start, {"GPE", "LOC"}, skip=self.place_phrase_skip, gap=self.gaps["figure_place"]
        )
        if place is None:
            place = self._longer_place_phrase(doc, k, at_start)
        if place is not None and self._owner_only(doc, place, at_start):
            return None  # "in Russia's attack on X", "on Turkey's A News": the place only owns the noun
        if place is not None or k >= len(doc) or w.lower[k] != "the":
            return place
        j = k + 1
        while j < len(doc) and w.lower[j] in self.place_nominal_modifiers:
            j += 1
        noun = w.lower[j] if j < len(doc) else ""
        # "were killed at the same post"; "within the same area": "same" says the place was named before.
        same = "same" in w.lower[k + 1 : j] and noun in self.same_place_nouns
        if noun not in self.place_settlements and noun not in self.place_facilities and not same:
            return None
        if j + 1 < len(doc) and (w.lower[j + 1] == "of" or w.is_title[j + 1]):
            return None  # "the city of X", "the camp Y": a name follows, not a reference back
        sent_starts = w.sent_starts
        floor = sent_starts[k]
        for _ in range(2):
            if floor > 0:
                floor = sent_starts[floor - 1]
        heads = self.place_facilities.get(noun)
        for m in reversed(self._place_mentions):
            if m.end > k or m.start < floor:
                continue
            if heads is None and m.label_ not in self.settlement_labels.get(noun, ("GPE", "LOC")):
                continue  # "the capital", "the town": a settlement, not the hotel or the road named last
            if heads is None or (m.label_ == "LOC" and any(h in m.text.lower() for h in heads)):
                return m
        return None

    def _owner_only(self, doc: Doc, place: Span, at_start: dict) -> bool:
        """Whether a place is only the possessor of what the phrase names: "Russia's attack", "Turkey's
        A News" (not "Syria's Idlib province", where a place follows, nor "the state's north")."""
        w = self._words(doc)
        k = place.end
        if k + 1 >= len(doc) or w.lower[k] not in POSSESSIVE_MARKS:
            return False
        j = k + 1
        # "Valdonia's pro-army Kessa Radio", "X's state-run Y": past the hyphenated modifiers of the name.
        while j + 2 < len(doc) and w.is_lower[j] and w.text[j + 1] == "-" and w.is_lower[j + 2]:
            j += 3
        nxt = at_start.get(j)
        if nxt is not None:
            return nxt.label_ not in ("GPE", "LOC")
        # "on Varnia's state-run Channel Nine": a name of two or more words the rules did not tag, with no
        # word of a place in it, is what the place owns (an outlet, a company), not a part of the place.
        run = j
        while run < len(doc) and w.is_title[run] and run not in self._figure_tokens:
            run += 1
        if run - j >= 2 and not any(word in self.place_name_words for word in w.lower[j:run]):
            return True
        return w.lower[k + 1] in self.owned_nouns

    def _wholes(self, doc: Doc, figures: list[Figure]) -> dict[int, int]:
        """The start of each part figure ("six of them boys") -> the start of its whole, the figure
        before it with only lower-case words and commas between."""
        spans = sorted((f.span for f in figures), key=lambda s: s.start)
        out: dict[int, int] = {}
        for i, span in enumerate(spans):
            if self._phrase(doc, span.end, span.end + 2) not in self.part_markers:
                continue
            # Coordinated parts ("six of them boys and two of them girls") share one whole.
            j = i - 1
            while j >= 0 and spans[j].start in out:
                j -= 1
            if j < 0 or span.start - spans[j].end > self.gaps["figure_coordination"] * 2:
                continue
            between = doc[spans[j].end : span.start]
            if any(t.is_sent_start for t in doc[spans[j].end : span.end]):
                continue
            if all((t.is_alpha and t.is_lower) or t.like_num or t.text in (",", "—", "-") for t in between):
                out[span.start] = spans[j].start
        return out

    def _longer_place_phrase(self, doc: Doc, k: int, at_start: dict) -> Span | None:
        """ "the eastern Chadian town of X", "the northern edge of X": past nationality
        adjectives and the words of a part of a place, to a place after "of"."""
        w = self._words(doc)
        ceiling = min(w.sent_ends[k - 1] if k > 0 else len(doc), k + self.figure_place_gap + 1)
        while k < ceiling:
            m = at_start.get(k)
            if m is not None:
                battle = w.lower[m.start - 1] == "for" and w.lower[m.start - 2] in self.contest_nouns
                if m.label_ in ("GPE", "LOC") and (w.lower[m.start - 1] in ("of", ",") or battle):
                    return m
                if m.label_ != "NORP" and not (m.end < len(doc) and w.text[m.end] == "-"):
                    return None
                k = m.end
                continue
            word = w.lower[k]
            if word in self.place_settlements and k + 1 < len(doc) and w.text[k + 1] == ",":
                k += 1  # "the rebel-held capital, X": the place named in apposition
            elif word not in self.figure_place_skip and not (k + 1 < len(doc) and w.text[k + 1] == "-"):
                kind = self._kind_of_place(w, k, ceiling)
                if kind is None:
                    return None
                k = kind  # "the border town of X", "the remote mining town of X": the kind of place, then "of"
            k += 1
        return None

    def _event_ahead(self, w: Words, k: int, end: int) -> bool:
        """Whether an event noun follows from k past a determiner, a possessor and its modifiers
        ("over last week's raid", "over the attack")."""
        for j in range(k, min(end, k + 5)):
            if w.lower[j] in self.event_nouns:
                return True
            if (w.is_punct[j] and w.lower[j] not in POSSESSIVE_MARKS) or w.lower[j] == "of":
                return False  # "over the course of the offensive in X": a time, not a cause
        return False

    def _kind_of_place(self, w: Words, k: int, ceiling: int) -> int | None:
        """Where a noun of a kind of place stands after lower-case modifiers from k, when "of" follows it
        ("border town of", "mining town of", "remote farming village of"), else None."""
        for j in range(k, min(ceiling - 1, k + self.gaps["place_kind_modifiers"] + 1)):
            if not (w.is_alpha[j] and w.is_lower[j]):
                return None
            if w.lower[j] in self.settlement_nouns and j > k:
                return j if w.lower[j + 1] == "of" else None
        return None

    def _coordinated_figure(self, doc: Doc, span: Span, starts: list[int], ends: dict[int, int], reports) -> int | None:
        """The start of the next figure of the same clause ("8 died and 40 were hurt"): only
        lower-case words, commas, "and" and quotes between, no place phrase, no reporting verb; a
        part of the figure ("100, 69 of them in X") does not give the whole its place."""
        w = self._words(doc)
        nxt = min((s for s in starts if s > span.start), default=None)
        # Quote marks around a word ('had “neutralised” 200') are not words of the clause.
        if nxt is None or sum(not q for q in w.is_quote[span.end : nxt]) > self.gaps["figure_coordination"]:
            return None
        if self._phrase(doc, ends[nxt], ends[nxt] + 2) in self.part_markers:
            return None
        if w.sent_ends[span.start] <= nxt or any(span.end <= s < nxt for _, s, _ in reports):
            return None
        for k in range(span.end, nxt):
            if k in self._nationality_tokens:
                continue  # "16 Valdonian and three Korvan prisoners"
            if w.lower[k] in self.place_preps or self._breaks_at(w, k) or w.lower[k] in self.total_participles:
                return None  # "left 4 dead, taking the total to 80": a running total is no list member
            if not ((w.is_alpha[k] and w.is_lower[k]) or w.text[k] == "," or w.is_quote[k]):
                return None
        return nxt

    def _place_chain(self, doc: Doc, place: Span | None, at_start: dict) -> list[Span]:
        """Further places one location phrase names: "in A, B and C provinces", "in A, in northern B",
        "near A (B)", "in A, including B" (guidelines §2.5, nested places)."""
        w = self._words(doc)
        out: list[Span] = []
        if place is None:
            return out
        ceiling = w.sent_ends[place.start]
        k = place.end
        while k < ceiling:
            j, steps = k, 0
            while j < ceiling and steps <= self.gaps["place_chain"] and j not in at_start:
                if w.lower[j] not in self.figure_chain_words:
                    return out
                j, steps = j + 1, steps + 1
            nxt = at_start.get(j)
            if nxt is None or nxt.label_ not in ("GPE", "LOC") or j == k:
                return out
            # "in Kharkiv, and Russia said ...": a name followed by a verb starts a clause, not a place list.
            after = nxt.end if nxt.end < ceiling else None
            bare_and = w.lower[k:j] == ["and"]
            governed = j - k > 1 and w.lower[j - 1] in self.place_preps  # ", the only hospital in B": no subject
            if (
                not bare_and
                and not governed
                and after is not None
                and w.is_alpha[after]
                and w.is_lower[after]
                and w.lower[after] not in self.figure_chain_after
            ):
                return out  # "attacks in A and B killed 12": a bare "and" still lists places
            out.append(nxt)
            k = nxt.end
        return out

    def _subject(self, doc: Doc, s: int, at_end: dict, labels: set[str]) -> Span | None:
        """The source left of a reporting verb at s: "The Relief Agency (RRA) (now) says" (the acronym,
        the nearest mention), "A WFP spokeswoman said" (the body, guidelines §2.5), "N, the agency's
        director, (had) said" (past an apposition)."""
        w = self._words(doc)
        floor = w.sent_starts[min(s, len(doc) - 1)]
        k = s
        # "The Relief Front (RF) group now says": adverbs, auxiliaries and the kind of source.
        while (
            k - 1 > floor
            and at_end.get(k) is None  # "the Northern Relief Agency said": the name's last word is no kind
            and (w.lower[k - 1] in self.back_skip or w.lower[k - 1] in self.source_nouns)
        ):
            k -= 1
        # "The agency on Monday raised its toll": a date between the subject and its verb.
        date = at_end.get(k)
        if date is not None and date.label_ == "DATE" and date.start - 1 > floor and w.lower[date.start - 1] == "on":
            k = date.start - 1
            while k - 1 > floor and w.lower[k - 1] in self.back_skip:
                k -= 1
        if k < s and at_end.get(k) is None:
            # "the agency's latest report said": modifiers between the possessive and the kind of source.
            j = k
            while j - 1 > floor and k - j < 2 and w.is_lower[j - 1] and w.is_alpha[j - 1]:
                j -= 1
            if j < k and j - 2 > floor and w.lower[j - 1] in POSSESSIVE_MARKS:
                k = j
        if k - 2 > floor and at_end.get(k) is None and w.lower[k - 1] in POSSESSIVE_MARKS:
            k -= 1  # "the agency's spokesman said": the body speaks (guidelines §2.5)
        comma = k - 1 > floor and w.text[k - 1] == ","
        if comma:
            k -= 1
        acronym = None
        opening = self._bracket_open(doc, k, at_end)
        if opening is not None:
            acronym = at_end.get(k - 1)
            k = opening
        if k >= 3 and w.lower[k - 1] in self.relative_words and w.text[k - 2] == ",":
            named = at_end.get(k - 2)  # "…, X, who said 30 …": the antecedent speaks
            if named is not None and named.label_ in labels:
                return named
        source = self._left(doc, k, at_end, labels, skip=self.source_skip)
        if source is not None:
            # "N of the (Valdonian) group X said": past the determiner, a nationality and the kind of body.
            j = source.start - 1
            while j > floor and source.start - j <= 4:
                m = at_end.get(j + 1)
                if m is not None and m.end == j + 1 and m.label_ in ("NORP", "GPE") and m is not source:
                    j = m.start - 1
                elif w.lower[j] in ("the", "a", "an") or (w.is_lower[j] and w.lower[j] in self.group_nouns):
                    j -= 1
                elif w.is_title[j] and w.lower[j + 1] in self.group_nouns:
                    j -= 1  # a nationality the rules do not name ("the Valdonian group")
                else:
                    break
            if j > floor and w.lower[j] == "of" and getattr(at_end.get(j), "label_", None) == "PERSON":
                return at_end[j]  # "N of the X party said", "President N of Y said": the person speaks
        if source is not None and source.label_ == "GPE" and w.lower[source.start - 1] in self.place_preps:
            # "N, speaking in X, said": a place; "the UN office in X has recorded": the body whose
            # branch stands in X (guidelines §2.5, an unnamed part of a named body).
            j = source.start - 1
            while j - 1 > floor and source.start - j <= 2 and j not in at_end and w.lower[j - 1] in self.branch_nouns:
                j -= 1
            owner = at_end.get(j) if j < source.start - 1 else None
            source = owner if owner is not None and owner.label_ == "ORG" else None
        if acronym is not None and acronym.label_ in labels and (source is None or source.end == k):
            source = acronym  # the nearest mention of the source (guidelines §3.1)
        if comma and source is not None and acronym is None and self._relative_clause_before(doc, k):
            # "X, who founded Y, put the toll at": the relative clause's object is not the speaker.
            head = self._apposition_head(doc, k, at_end)
            return head if head is not None and head.label_ in labels else None
        if comma and source is not None and acronym is None and self._role_apposition(doc, k):
            # "N, a spokesman for the agency, said", "X, the group that runs Y, said": the head of the
            # apposition speaks, not the body or the place named inside it.
            head = self._apposition_head(doc, k, at_end)
            if head is not None:
                return head
        if not comma or (source is not None and acronym is None):
            return source
        # "X, who heads the agency, said" / "X, its spokesman for Y (Z), said": the mention before the
        # opening comma is the speaker; the body the apposition names is not.
        return self._apposition_head(doc, k, at_end) or source

    def _clause_ends(self, doc: Doc, lo: int, hi: int) -> bool:
        """Whether the reported clause ends between lo and hi: a semicolon ("X said 9 died; officials
        revised that to 12 on Friday") or ", as" opening the writer's own clause ("X said, as details of
        killings emerge"), but not "as of" or "as many as"."""
        w = self._words(doc)
        for k in range(lo, hi):
            if w.text[k] == ";":
                return True
            if (
                w.lower[k] == "as"
                and k > lo
                and w.text[k - 1] == ","
                and k + 1 < len(doc)
                and w.lower[k + 1] not in ("of", "many", "much", "well", "a", "the")
            ):
                return True
        return False

    def _relative_clause_before(self, doc: Doc, k: int) -> bool:
        """Whether the comma-closed phrase ending at k opens with "who"/"which" after a comma."""
        w = self._words(doc)
        floor = max(w.sent_starts[min(k, len(doc) - 1)], k - self.gaps["speaker_apposition"])
        for j in range(k - 1, floor, -1):
            if w.text[j] == ",":
                return j + 1 < k and w.lower[j + 1] in self.relative_words
        return False

    def _role_apposition(self, doc: Doc, k: int) -> bool:
        """Whether the comma-closed phrase ending at k describes a role or a kind of body: "a spokesman
        for X", "the head of X", "the group that runs X" (a list, "A, the B and the C", is none)."""
        w = self._words(doc)
        floor = max(w.sent_starts[min(k, len(doc) - 1)], k - self.gaps["speaker_apposition"])
        for j in range(k - 1, floor, -1):
            if w.text[j] == ",":
                words = w.lower[j + 1 : k]
                return (
                    bool(words)
                    and (words[0] in ("a", "an", "the") or words[0] in self.role_nouns)  # "N, head of X,"
                    and "and" not in words
                    and any(w in self.role_nouns or w in self.group_nouns or w in self.back_nominals for w in words)
                )
        return False

    def _unnamed_speaker(self, doc: Doc, s: int) -> bool:
        """Whether the reporting verb at s has an indefinite common-noun subject ("an aid group said",
        "…, while first reports put", "…, while residents spoke of"): the figure is that speaker's, not
        an earlier named source's. A definite one ("the ministry said") may refer back to the named source."""
        w = self._words(doc)
        k = s
        while k - 1 >= 0 and w.lower[k - 1] in self.back_skip:
            k -= 1
        words = 0
        while k - 1 >= 0 and words < 4:
            low = w.lower[k - 1]
            if low in ("a", "an"):
                return words > 0
            if low in self.clause_openers:
                return words >= 1
            if not (w.is_alpha[k - 1] and w.is_lower[k - 1]) or low in self.skip_left or low in self.back_pronouns:
                return False
            k -= 1
            words += 1
        return False

    def _apposition_head(self, doc: Doc, k: int, at_end: dict) -> Span | None:
        """The person or organisation before the comma opening an apposition that ends at k."""
        w = self._words(doc)
        floor = max(w.sent_starts[min(k, len(doc) - 1)], k - self.gaps["speaker_apposition"])
        j = k - 1
        while j > floor:
            text = w.text[j]
            if text == ")":
                # A parenthesised acronym inside the apposition ("mission in Congo (MONUSCO)").
                opening = next((i for i in range(j - 1, max(floor, j - 4), -1) if w.text[i] == "("), None)
                if opening is None:
                    return None
                j = opening - 1
                continue
            if text == ",":
                # "N (ACR), its armed wing, said": the acronym, the nearest mention of N.
                m = at_end.get(j) or (at_end.get(j - 1) if w.text[j - 1] == ")" else None)
                return m if m is not None and m.label_ in SOURCE_LABELS else None
            if text in ("said", "says", "(") or w.is_quote[j]:
                return None
            j -= 1
        return None

    def _source(
        self, doc: Doc, span: Span, reports, at_start: dict, at_end: dict, reporters: list[Span]
    ) -> tuple[Span | None, str]:
        w = self._words(doc)
        ends = w.sent_ends
        before = self._reports_before(doc, span, reports)
        after = [(s, e) for _, s, e in reports if s >= span.end and e <= ends[span.start]]
        labels = SOURCE_LABELS
        for s, e in sorted(after):
            # An explicit attribution wins over a reporting verb earlier in the sentence.
            if self._phrase(doc, s, e) == "according to":
                if self._inside_relative(w, span.end, s, e):
                    continue
                source = self._attributed(doc, e, at_start, labels)
                if source is None:
                    back = self._back_reference(doc, e, reporters, forward=True)
                    if back is not None or not (self._role_of_body(doc, e) or self._count_attribution(w, e)):
                        return back, "relations.report_verbs.back_reference"
                    break  # "…, according to its director", "according to figures issued on Friday": the verb before
                return source, "relations.report_verbs.according_to"
        fronted = self._fronted_attribution(doc, span, before, at_start)
        if fronted is not None:
            return fronted, "relations.report_verbs.according_to_fronted"
        # "Egypt said 14 …", "Kyiv told AFP …": a state or its capital reports too (guidelines §2.3).
        source = self._speaker_before(doc, before, at_start, at_end, SOURCE_LABELS | {"GPE"}, span.start)
        if source is not None:
            return source, "relations.report_verbs.before"
        source = self._count_owner(doc, span, at_start, at_end, reporters)
        if source is not None:
            return source, "relations.report_verbs.possessive_count"
        for s, e in sorted(before, reverse=True):
            if self._claims_event(w, s, e, span.start):
                continue
            forward = self._phrase(doc, s, e) == "according to"
            back = self._back_reference(doc, e if forward else s, reporters, forward=forward)
            if back is not None:
                return back, "relations.report_verbs.back_reference"
        for s, e in sorted(after):
            # "12 died when rebels overran X, the army said": a closing tag that states no figure itself
            # reaches past the clauses before it
            tail = range(e, ends[span.start])
            comma = max((k for k in range(span.end, s) if w.text[k] in (",", "—", "–")), default=None)
            closing = (
                comma is not None
                and len(tail) <= self.gaps["closing_tag"]
                and not any(self._breaks_at(w, k) for k in range(comma, s))
                and not any(
                    k in self._figure_starts or w.lower[k] in self.object_relatives or w.lower[k] in self.tag_subjects
                    for k in tail
                )
            )
            broken = not closing and any(self._breaks_at(w, k) for k in range(span.end, s))
            if broken or self._clause_ends(doc, span.end, s):
                break  # "30 died, while a source told Reuters 45 had": the later verb has its own figure
            if any(w.lower[k] in self.free_relatives for k in range(max(span.end, s - 6), s)):
                break  # "…, in what X said was an escalation": X comments on the event, not the count
            source = self._after_tag(doc, span, s, e, at_start, at_end)
            if source is not None:
                return source, "relations.report_verbs.after"
            # "…, he said" / "…, the agency said": only a tag closing the figure's clause refers back.
            lead = s - 2 if w.lower[s - 1] in self.back_pronouns else s - 3
            if lead >= 0 and (w.text[lead] == "," or w.is_quote[lead]) and not self._own_count(w, s, e):
                back = self._back_reference(doc, s, reporters)
                if back is not None:
                    return back, "relations.report_verbs.back_reference"
        return None, ""

    def _count_attribution(self, w: Words, k: int) -> bool:
        """ "according to figures issued on Friday", "according to official data": a count noun after
        "according to" names the speaker's own figures, so the reporting verb before still gives the source
        (witnesses or residents there are another, unnamed origin)."""
        for j in range(k, min(len(w.lower), k + 3)):
            if w.lower[j] in self.count_nouns:
                return True
            if not (w.is_alpha[j] and w.is_lower[j]):
                return False
        return False

    def _role_of_body(self, doc: Doc, k: int) -> bool:
        """ "according to its director", "according to their spokesman": a role of the body named before,
        whose possessive points back at that body (the origin of the count)."""
        w = self._words(doc)
        return k + 1 < len(doc) and w.lower[k] in self.count_pronouns and w.is_lower[k + 1] and w.is_alpha[k + 1]

    def _outer_speaker(self, doc: Doc, span: Span, source: Span, reports, at_start: dict, at_end: dict) -> Span | None:
        """ "N said the ministry had verified 728 …": a speech verb whose complement opens with the
        reporter of the figure relays that report, so its speaker is in the chain (guidelines §2.5)."""
        w = self._words(doc)
        for _, s, e in reports:
            if not (w.sent_starts[span.start] <= s and e <= source.start <= e + 2):
                continue
            if self._phrase(doc, s, e) not in self.speech_verbs or any(
                w.lower[k] not in self.complement_starts for k in range(e, source.start)
            ):
                continue
            speaker = self._speaker_before(doc, [(s, e)], at_start, at_end)
            if speaker is not None and speaker != source:
                return speaker
        return None

    def _own_count(self, w: Words, s: int, e: int) -> bool:
        """Whether the reporting verb at s..e reports a figure by itself ("…, and X put the toll at 35",
        "…, the agency revised its tally to 70"): it opens its own clause, it closes none before it."""
        if e >= len(w.lower):
            return False
        giving = (
            w.lower[e - 1] in self.toll_nouns or w.lower[s] in self.toll_verbs or w.lower[s] in self.report_complements
        )
        return e in self._figure_starts or (giving and w.lower[e] in self.count_preps)

    def _presence_places(self, doc: Doc, found: list[Span], at_start: dict) -> list[Span]:
        """ "uprooted in X province and sheltering in Y as well as in Z": a participle of being somewhere
        coordinated after the figure's place phrase says where the counted people are too (guidelines
        §2.5: a figure stated to be in a place is linked)."""
        w = self._words(doc)
        if not found:
            return []
        j, end = max(m.end for m in found), w.sent_ends[found[0].start]
        while j < end and w.lower[j] in self.place_name_words:
            j += 1  # "in X province and …"
        if j + 2 >= end or w.lower[j] != "and" or w.lower[j + 1] not in self.presence_participles:
            return []
        if w.lower[j + 2] not in self.place_preps:
            return []
        place = self._place_phrase(doc, j + 3, at_start)
        return [place, *self._place_chain(doc, place, at_start)] if place is not None else []

    def _rival_count(self, doc: Doc, fig: Figure, figures: list[Figure], places: dict) -> int | None:
        """The start of the earlier count of the same sentence that this one rivals: "32 died in X and Y,
        while a rival paper put the toll at 35", "10 were killed on X island, while an officer told
        AFP that 30 had died". A count of the same kind, given by a reporting verb after a contrastive
        link, counts the same event and takes its place (guidelines §2.5, the place of the event)."""
        w = self._words(doc)
        span = fig.span
        floor = w.sent_starts[span.start]
        for other in sorted(figures, key=lambda f: -f.span.start):
            if other.span.start >= span.start or other.span.start < floor:
                continue
            if other.category != fig.category or not places[other.span.start][0]:
                continue
            # "…, while an officer said 30 had died and RFI reported 20 to 40": rival counts listed with "and".
            listed = places[other.span.start][1].endswith("rival_count")
            links = [
                k
                for k in range(other.span.end, span.start)
                if (w.lower[k] in self.rival_links and w.text[k - 1] == "," and w.is_lower[k])
                or (listed and w.lower[k] == "and")
            ]
            if links and any(k in self._report_tokens for k in range(links[-1], span.start)):
                return other.span.start
            # "36,000 had fled X since Sunday, up from 26,000": the earlier value of the same count.
            if tuple(w.lower[max(0, span.start - 2) : span.start]) in self.comparison_links:
                return other.span.start
            return None
        return None

    def _inside_relative(self, w: Words, lo: int, s: int, e: int) -> bool:
        """Whether the attribution at s..e is bracketed inside a relative clause opened after the
        figure ("X said 30 died in the barracks, whose gates, according to neighbours, stayed shut"): it
        attributes what that clause says about its noun, not the figure."""
        end = w.sent_ends[s]
        if s < 1 or w.text[s - 1] != ",":
            return False
        opened = any(w.lower[j] in self.relative_words and w.text[j - 1] == "," for j in range(lo + 1, s))
        if not opened:
            return False
        close = next((j for j in range(e, end) if w.text[j] == ","), None)
        return close is not None and close + 1 < end and w.is_lower[close + 1] and w.is_alpha[close + 1]

    def _count_owner(
        self, doc: Doc, span: Span, at_start: dict, at_end: dict, reporters: Sequence[Span] = ()
    ) -> Span | None:
        """ "By X's first count, 64 were dead", "X's tally of 30 killed", "Y's figures showed three
        guards dead and nine hurt": the owner of a count noun before the figure in its sentence
        gives it, when no reporting verb or semicolon stands between (a state only with a noun that
        cannot name its own dead: "Y's death toll" is a place's). "its count had reached 58" names the
        reporter before it; "an X tally put the toll at 40" is X's (possessive_count)."""
        w = self._words(doc)
        k = span.start
        while k > w.sent_starts[span.start]:
            k -= 1
            if w.text[k] == ";":
                return None
            if k in self._report_tokens:
                # "an X tally put the toll at 40": a count noun subject of the verb still owns the count.
                while k > 0 and k - 1 in self._report_tokens:
                    k -= 1
                if k > 0 and w.lower[k] in self.toll_verbs and w.lower[k - 1] in self.count_nouns:
                    continue
                return None
            if w.lower[k] not in self.count_nouns:
                continue
            j = k - 1
            while j > 0 and k - j <= self.count_owner_gap and w.is_lower[j] and w.is_alpha[j]:
                if w.lower[j] in self.count_pronouns:
                    return self._pronoun_owner(doc, j, reporters)
                j -= 1
            named = at_end.get(j + 1) if j > 0 and w.lower[j] not in POSSESSIVE_MARKS else None
            if (
                named is not None
                and named.label_ == "ORG"
                and named.start > 0
                and w.lower[named.start - 1] in self.count_modifier_determiners
            ):
                return named  # "an X tally": a body's name right before the noun (past its modifiers)
            owner = at_end.get(j) if j > 0 and w.lower[j] in POSSESSIVE_MARKS else None
            if owner is None:
                continue
            if owner.label_ in SOURCE_LABELS or (owner.label_ == "GPE" and w.lower[k] in self.state_count_nouns):
                return owner
            return None
        return None

    def _pronoun_owner(self, doc: Doc, j: int, reporters: Sequence[Span]) -> Span | None:
        """The reporter a possessive pronoun before a count noun names: the nearest earlier one of its
        labels within the two sentences before (guidelines §3.1)."""
        w = self._words(doc)
        labels = self.count_pronouns[w.lower[j]]
        floor = w.sent_starts[j]
        for _ in range(2):
            if floor > 0:
                floor = w.sent_starts[floor - 1]
        for m in reversed(sorted(reporters, key=lambda m: m.start)):
            if m.end <= j and m.start >= floor and m.label_ in labels:
                return m
        return None

    def _reports_before(self, doc: Doc, span: Span, reports) -> list[tuple[int, int]]:
        """The reporting verbs before the figure in its sentence whose clause reaches it: a semicolon
        ends the reported clause ("X said 9 died; officials revised that to 12 on Friday")."""
        starts = self._words(doc).sent_starts
        return [
            (s, e)
            for _, s, e in reports
            if starts[span.start] <= s and e <= span.start and not self._clause_ends(doc, e, span.start)
        ]

    def _after_tag(self, doc: Doc, span: Span, s: int, e: int, at_start: dict, at_end: dict) -> Span | None:
        """The named source of a reporting verb at s..e after the figure ("…, the agency said"), unless
        the verb opens a complement of its own ("…, and the ministry said two more had died")."""
        w = self._words(doc)
        if self._own_count(w, s, e):
            return None
        if (
            e < len(doc)
            and (w.lower[e] in self.complement_starts or e in self._figure_starts)
            and not self._told_outlet(doc, s, e, at_start)
        ):
            tag = self._inverted_subject(doc, e, at_start, SOURCE_LABELS) if w.text[s - 1] == "," else None
            if tag is not None and (tag.end >= len(doc) or w.text[tag.end] in (".", ",", ";")):
                return tag if tag.start >= span.end else None  # "…, said the relief agency.": a closing tag
            return None
        source = self._tag_subject(doc, s, at_end, SOURCE_LABELS)
        if source is not None:
            j = source.start - 2 if source.start >= 2 and w.lower[source.start - 1] == "the" else source.start - 1
            if j >= 0 and w.lower[j] in self.object_relatives:
                return None  # "in an attack that X also claimed": X claims the attack, not the figure
        if source is None and (w.text[s - 1] == "," or w.is_quote[s - 1]):
            source = self._inverted_subject(doc, e, at_start, SOURCE_LABELS)
        if source is None or source.start < span.end:
            return None
        if not any(w.text[j] in (",", "—", "–", ";", ":") or w.is_quote[j] for j in range(span.end, source.start)):
            return None  # "Thirty fighters of the X said …": the count is in the speaker's own phrase
        return source

    def _tag_before_attribution(self, doc: Doc, span: Span, reports, at_start: dict, at_end: dict) -> Span | None:
        """The source of a closing tag between the figure and an "according to" after it."""
        w = self._words(doc)
        end = w.sent_ends[span.start]
        tags = [(s, e) for _, s, e in reports if span.end <= s and e <= end]
        attributions = [s for s, e in tags if self._phrase(doc, s, e) == "according to"]
        if not attributions:
            return None
        for s, e in sorted(tags):
            if s >= attributions[0] or any(self._breaks_at(w, k) for k in range(span.end, s)):
                return None
            source = self._after_tag(doc, span, s, e, at_start, at_end)
            if source is not None:
                return source
        return None

    def _told_outlet(self, doc: Doc, s: int, e: int, at_start: dict) -> bool:
        """Whether "told" at s closes its clause with the outlet told ('…," N told The Korvan Times.'):
        "the" opens the addressee's name, not a complement of its own."""
        w = self._words(doc)
        if w.lower[s] not in ("told", "tells"):
            return False
        told = at_start.get(e) or (at_start.get(e + 1) if w.lower[e] == "the" else None)
        if told is None and w.lower[e] in ("a", "an", "the"):
            # "…, an official told a briefing.", "… told a press conference on Friday": an audience.
            j = next((i for i in range(e + 1, min(len(doc), e + 4)) if w.lower[i] in self.told_audiences), None)
            told = doc[e : j + 1] if j is not None else None
        if told is None:
            return False
        # "…, N told The X Times on Monday.": a time or place phrase may follow the outlet.
        return told.end >= len(doc) or w.text[told.end] in (".", ",", ";") or w.lower[told.end] in self.place_preps

    def _relaying_tag(self, doc: Doc, span: Span, reports, at_start: dict, at_end: dict) -> Span | None:
        """ "X said … 30 …, the Y news agency reported": a tag closing the sentence after a comma relays
        what the earlier source said (guidelines §2.5, relayed figures)."""
        w = self._words(doc)
        ends = w.sent_ends
        for _, s, e in sorted(reports, key=lambda r: r[1]):
            if s < span.end or e > ends[span.start] or self._phrase(doc, s, e) == "according to":
                continue
            if any(self._breaks_at(w, k) for k in range(span.end, s)):
                return None
            source = self._after_tag(doc, span, s, e, at_start, at_end)
            if source is not None and "," in w.text[max(span.end, source.start - 3) : source.start]:
                return source
        return None

    def _told_after(self, doc: Doc, span: Span, reports, at_start: dict) -> Span | None:
        """ "12 were killed, a police officer told Reuters.": the outlet told in a tag closing the
        figure's sentence relays it, whoever told it (guidelines §2.5, relayed figures)."""
        w = self._words(doc)
        ends = w.sent_ends
        end = ends[span.start]
        for _, s, e in reports:
            if s < span.end or e > end or w.lower[s] not in ("told", "tells"):
                continue
            if "," not in w.text[span.end : s] or any(self._breaks_at(w, k) for k in range(span.end, s)):
                return None  # the tag closes the figure's clause after a comma
            m = at_start.get(e) or (self._relayed(doc, e, at_start) if w.lower[e] == "the" else None)
            if m is None or m.label_ != "ORG":
                return None
            if (m.end < end and w.lower[m.end] in self.complement_starts) or any(
                k in self._figure_starts for k in range(m.end, end)
            ):
                return None  # "…, X told Reuters that 40 more died": the tag opens a figure of its own
            return m
        return None

    def _bracket_open(self, doc: Doc, k: int, at_end: dict) -> int | None:
        """Where "(" opens the bracketed acronym that closes at k ("(RRA)", or one of several tokens,
        "(CSP-DPA)"), else None."""
        w = self._words(doc)
        if k < 3 or w.text[k - 1] != ")":
            return None
        if w.text[k - 3] == "(":
            return k - 3
        acronym = at_end.get(k - 1)
        if acronym is not None and acronym.start >= 1 and w.text[acronym.start - 1] == "(":
            return acronym.start - 1
        return None

    def _tag_subject(self, doc: Doc, s: int, at_end: dict, labels: set[str]) -> Span | None:
        """The source of a reporting tag after the figure: "…, the Relief Agency (RRA) said" (the
        name, else the acronym), "…, United Nations agencies said", "…, the mayor, N, said",
        "…, X's delegation said"."""
        w = self._words(doc)
        k = s
        while k - 1 > 0 and w.lower[k - 1] in self.back_skip:
            k -= 1
        opening = self._bracket_open(doc, k, at_end)
        if opening is not None:
            # "…, the Relief Agency (RRA) said": the name, the mention nearest the figure (§3.1).
            named = at_end.get(opening)
            acronym = at_end.get(k - 1)
            for m in (named, acronym):
                if m is not None and m.label_ in labels:
                    return m
            k = opening
        if w.text[k - 1] == ",":
            named = at_end.get(k - 1)  # "…, the city's mayor, N, said": the name closing an apposition
            if named is not None and named.label_ in labels:
                # "…, the army's spokesman, Colonel N, told …": a title may stand between the comma and the name
                j = named.start - 1
                while j > 0 and named.start - j <= 3 and (w.is_title[j] or w.text[j] == ".") and w.text[j] != ",":
                    j -= 1
                if w.text[j] == ",":
                    return named
            if self._role_apposition(doc, k - 1):
                # "…," Col. N, the army spokesman, told reporters": the head of the apposition speaks.
                head = self._apposition_head(doc, k - 1, at_end)
                return head if head is not None and head.label_ in labels else None
            return None
        source = self._left(doc, k, at_end, labels, skip=self.source_skip, gap=3)
        if source is None:
            source = self._possessor(doc, k, at_end)
        return source if source is not None and source.label_ in labels else None

    def _inverted_subject(self, doc: Doc, e: int, at_start: dict, labels: set[str]) -> Span | None:
        """ "…, said agency chief N": the subject after the verb, past role words, and the last name
        of that run (the person, not the body that titles them)."""
        w = self._words(doc)
        found, k = None, e
        ceiling = min(w.sent_ends[e - 1], e + self.gaps["role_phrase"] + 2)
        while k < ceiling:
            m = at_start.get(k)
            if m is not None:
                if m.label_ not in labels:
                    break
                found, k = m, m.end
                continue
            if w.lower[k] not in self.role_words and w.lower[k] not in ("the", "a", "an", "'s", "’s"):
                break
            k += 1
        return found

    def _fronted_attribution(self, doc: Doc, span: Span, before: list[tuple[int, int]], at_start: dict) -> Span | None:
        """ "According to X, 300 people fled …": an attribution opening its sentence reaches the whole
        main clause after its comma, when no nearer reporting verb stands before the figure."""
        w = self._words(doc)
        if not before:
            return None
        s, e = max(before)
        if self._phrase(doc, s, e) != "according to":
            return None
        floor = w.sent_starts[s]
        if any(not w.is_space[j] and w.lower[j] not in self.fronted_openers for j in range(floor, s)):
            return None  # "30 died, according to X, and ...": a mid-sentence attribution reaches back only
        source = self._attributed(doc, e, at_start, SOURCE_LABELS)
        if source is None:
            return None
        comma = next((j for j in range(source.end, span.start) if w.text[j] == ","), None)
        return source if comma is not None else None

    def _speaker_before(
        self,
        doc: Doc,
        before: list[tuple[int, int]],
        at_start: dict,
        at_end: dict,
        labels: set[str] = SOURCE_LABELS,
        figure: int | None = None,
    ) -> Span | None:
        """The named subject of the nearest reporting verb before the figure in its sentence."""
        w = self._words(doc)
        for s, e in sorted(before, reverse=True):
            if self._phrase(doc, s, e) == "according to":
                continue  # "according to" reaches only what follows it in its clause
            if figure is not None and self._claims_event(w, s, e, figure):
                continue
            if w.lower[s] in self.speech_participles:
                # "X hit back at Y, saying 40 …": the participle's subject opens the clause, not Y before it.
                source = self._coordinated_subject(doc, s, at_start, labels)
            else:
                source = self._subject(doc, s, at_end, labels) or self._coordinated_subject(doc, s, at_start, labels)
            if source is None and self._unnamed_speaker(doc, s):
                return None
            if source is not None and self._envoy_host(w, source):
                # "the UN envoy to X said 40 …": X hosts the envoy; the envoy's body is named before the role
                role = source.start - 2
                owner = at_end.get(role - 1 if w.lower[role - 1] in POSSESSIVE_MARKS else role)
                return owner if owner is not None and owner.label_ in labels else None
            if source is not None:
                source = self._before_relay(doc, source, at_end, labels) or source
                # "The ministry run by the Houthis said ...": the reporter is the head noun, not the agent.
                j = source.start - 1
                if j > 0 and w.lower[j] in ("the", "a", "an"):
                    j -= 1
                if j >= 1 and w.lower[j] == "by":
                    head = self._left(doc, j - 1, at_end, SOURCE_LABELS, gap=0)
                    if head is None and w.lower[j - 1] in self.ruling_participles:
                        return None  # "the ministry of health in X, run by Y, put the toll at": not Y
                    source = head or source
                return source
        return None

    def _envoy_host(self, w: Words, source: Span) -> bool:
        """Whether a state is named as the host of an envoy ("the UN envoy to X"), not as a speaker."""
        return (
            source.label_ == "GPE"
            and source.start >= 2
            and w.lower[source.start - 1] == "to"
            and w.lower[source.start - 2] in self.envoy_roles
        )

    def _cited_by(self, doc: Doc, speaker: Span, at_start: dict) -> Span | None:
        """The source a speaker cites in a relay participle right after its name ("X, citing Y, said")."""
        w = self._words(doc)
        for s, e in self._relay_spans:
            if w.lower[e - 1] != "by" and speaker.end < s <= speaker.end + 1 and w.text[speaker.end] == ",":
                cited = self._relayed(doc, e, at_start, name_first=True)
                return cited if cited is not None and cited != speaker else None
        return None

    def _before_relay(self, doc: Doc, source: Span, at_end: dict, labels: set[str]) -> Span | None:
        """ "X, citing Y, said 40 …": a name inside a relay participle set off by commas is the relayed
        source; the subject of the verb is the name before the comma (the relay pattern adds Y)."""
        w = self._words(doc)
        for s, e in self._relay_spans:
            if w.lower[e - 1] == "by" or not (e <= source.start <= e + 3) or s < 2 or w.text[s - 1] != ",":
                continue
            if any(not (w.is_alpha[k] and w.is_lower[k]) for k in range(e, source.start)):
                continue
            subject = at_end.get(s - 1)
            if subject is not None and subject.label_ in labels:
                return subject
        return None

    def _coordinated_subject(self, doc: Doc, s: int, at_start: dict, labels: set[str]) -> Span | None:
        """ "Col. N, head of the X, called it a blow and said 40 …": a reporting verb after
        "and" shares the subject that opens its sentence (past a title), when no clause break or
        relative word stands between."""
        w = self._words(doc)
        k = s
        while k - 1 > 0 and w.lower[k - 1] in self.back_skip:
            k -= 1
        # "X denied involvement but said 9 …"; "X issued a statement saying 12 …", "X hit back, saying 40 …":
        # a participle of speech shares the subject of its clause too.
        participle = w.lower[s] in self.speech_participles
        if k < 1 or (w.lower[k - 1] not in ("and", "but") and not participle):
            return None
        floor = w.sent_starts[s]
        j = floor
        while j < k and (w.is_space[j] or w.lower[j] == "the" or w.lower[j] in self.role_words):
            j += 1
        first = at_start.get(j)
        if first is None or first.label_ not in labels or first.end >= min(k - 1, j + 8):
            return None
        if not (w.text[first.end] == "," or (w.is_lower[first.end] and w.is_alpha[first.end])):
            return None  # a name the sentence opens with but is not the subject of
        if any(self._breaks_at(w, i) or w.text[i] in (";", ":") for i in range(first.end, k - 1)):
            return None
        return first

    def _reporters(self, doc: Doc, reports, at_start: dict, at_end: dict, relays=()) -> list[Span]:
        """Who a pronoun or a definite nominal can refer back to: the named subjects of reporting verbs,
        the sources a relay names ("36 dead were counted by X. The ministry later revised …"), and the
        first person and organisation of each sentence, in text order (guidelines §3.1)."""
        w = self._words(doc)
        out: dict[int, Span] = {}
        self._relayed_reporters = set()
        for _, e in relays:
            relayed = self._relayed(doc, e, at_start, name_first=True)
            if relayed is not None:
                out[relayed.start] = relayed
                self._relayed_reporters.add(relayed.start)
        for _, s, e in reports:
            if self._phrase(doc, s, e) == "according to":
                source = self._attributed(doc, e, at_start, SOURCE_LABELS)
            elif w.lower[s] in self.speech_participles:
                source = self._coordinated_subject(doc, s, at_start, SOURCE_LABELS)
            else:
                source = self._subject(doc, s, at_end, SOURCE_LABELS)
                if source is not None:
                    # "X, citing Y, said …": X speaks, as in _speaker_before
                    source = self._before_relay(doc, source, at_end, SOURCE_LABELS) or source
            if source is not None:
                out[source.start] = source
        for k, word in enumerate(w.lower):
            # "X's tally changed; he now speaks of 58": the owner of a count reports.
            if word in self.count_nouns and k < len(doc) - 1:
                j = k - 1
                while j > 0 and k - j <= self.count_owner_gap and w.is_lower[j] and w.is_alpha[j]:
                    j -= 1
                owner = at_end.get(j) if j > 0 and w.lower[j] in POSSESSIVE_MARKS else None
                if owner is not None and owner.label_ in SOURCE_LABELS:
                    out.setdefault(owner.start, owner)
        seen: set[tuple[int, str]] = set()
        sent_starts = w.sent_starts
        for m in sorted(at_start.values(), key=lambda m: m.start):
            if m.label_ in SOURCE_LABELS and (sent_starts[m.start], m.label_) not in seen:
                seen.add((sent_starts[m.start], m.label_))
                verb = m.end
                acronym = at_start.get(m.end + 1) if m.end + 1 < len(doc) and w.text[m.end] == "(" else None
                if acronym is not None and acronym.label_ == m.label_ and w.text[acronym.end] == ")":
                    m, verb = acronym, acronym.end + 1  # "The Relief Agency (RA) named them": the nearest mention
                # A subject stands before its verb ("the agency revised its count"), a headline name does not.
                if verb < len(doc) and w.is_lower[verb] and w.is_alpha[verb] and w.lower[verb] != "and":
                    out.setdefault(m.start, m)
        return [out[k] for k in sorted(out)]

    def _resolved_pronouns(
        self, doc: Doc, reports, reporters: list[Span], at_start: dict, at_end: dict
    ) -> list[tuple[int, Span]]:
        """Each pronoun subject of a reporting verb ("…, he said") with the reporter it refers back to, in
        text order: a later pronoun may refer back to it in turn ("N told the briefing … . Of those, 393
        were found, he said. … He also acknowledged 800 homicides"), the chain of one speaker's report."""
        w = self._words(doc)
        self._pronoun_reporters = []
        self._told_relays = []
        for _, s, e in sorted(reports, key=lambda r: r[1]):
            if w.lower[s] in ("told", "tells") and e < len(doc):
                # "N told the daily that …": the outlet told is a reporter where it is written, and a
                # later "the paper said" that names it alone keeps its teller in the chain (§2.5).
                # The outlet told is not its teller: "X sources told the paper" names another body.
                teller = self._speaker_before(doc, [(s, e)], at_start, at_end)
                told = at_start.get(e)
                if told is None and w.lower[e] == "the":
                    told = at_start.get(e + 1) or self._back_reference(doc, e, reporters, forward=True, exclude=teller)
                if told is not None and told.label_ == "ORG":
                    self._pronoun_reporters.append((e, told))
                    if teller is not None and teller != told:
                        self._told_relays.append((w.sent_starts[s], told, teller))
                continue
            j = s - 1
            while j > 0 and w.lower[j] in self.back_skip:
                j -= 1
            if j < 0 or w.lower[j] not in self.back_pronouns or self._phrase(doc, s, e) == "according to":
                continue
            found = self._back_reference(doc, s, reporters)
            if found is not None:
                self._pronoun_reporters.append((j, found))
        return self._pronoun_reporters

    def _back_reference(
        self, doc: Doc, k: int, reporters: list[Span], forward: bool = False, exclude: Span | None = None
    ) -> Span | None:
        """ "Later it said …", "The agency said …", "according to the group": the nearest earlier
        reporter the pronoun or nominal can name, within the two sentences before (guidelines §2.5)."""
        w = self._words(doc)
        if forward:  # the words after "according to"
            j = k
            if j < len(doc) and w.lower[j] in self.back_determiners:
                j += 1
                while j < len(doc) and w.lower[j] == "same":
                    j += 1
                # "according to the police chief": lower-case modifiers before a role of a person named before.
                i = j
                roles = self.back_person_nominals
                while i < min(len(doc), j + 3) and w.is_lower[i] and w.is_alpha[i] and w.lower[i] not in roles:
                    i += 1
                if i < len(doc) and i > j and w.lower[i] in self.back_person_nominals:
                    j = i
            word = w.lower[j] if j < len(doc) else ""
            head = j > k or word in self.back_pronouns
        else:  # the words before a reporting verb
            j = k - 1
            while j > 0 and w.lower[j] in self.back_skip:
                j -= 1
            word = w.lower[j] if j >= 0 else ""
            # "The London-based group said": a few modifiers between the determiner and the nominal.
            i = j - 1
            while i > 0 and j - i <= 4 and w.lower[i] not in self.back_determiners:
                if not (w.is_lower[i] or w.text[i] == "-" or w.text[i + 1] == "-"):
                    break
                i -= 1
            head = word in self.back_pronouns or (i >= 0 and w.lower[i] in self.back_determiners)
        if not head:
            return None
        if word in self.back_pronouns:
            labels = self.back_pronouns[word]
        elif word in self.back_nominals:
            labels = {"ORG"}
        elif word in self.back_person_nominals:
            labels = {"PERSON"}  # "according to the mayor": the person named earlier in that role
        else:
            return None
        sent_starts = w.sent_starts
        floor = sent_starts[k]
        for _ in range(2):
            if floor > 0:
                floor = sent_starts[floor - 1]
        # A pronoun already resolved stands for its reporter where it is written.
        candidates = sorted(
            [(m.start, m.end, m) for m in reporters] + [(p, p + 1, m) for p, m in self._pronoun_reporters]
        )
        for start, end, m in reversed(candidates):
            if end <= j and start >= floor and m.label_ in labels and m != exclude:
                if m.start in self._relayed_reporters and word not in self.back_pronouns and word not in m.text.lower():
                    continue  # "counted by X's Health Ministry … the ministry": a relay's agent is named by its kind
                if m.start in self._relayed_reporters and word in self.back_pronouns:
                    # "X, citing Y, said 30 died. It added …": the pronoun goes on with the speaker, not its source
                    speaker = next(
                        (
                            c
                            for a, _, c in candidates
                            if w.sent_starts[a] == w.sent_starts[m.start]
                            and a < m.start
                            and c.label_ in labels
                            and c.start not in self._relayed_reporters
                        ),
                        None,
                    )
                    if speaker is not None:
                        return speaker
                return m
        return None

    def _attributed(self, doc: Doc, k: int, at_start: dict, labels: set[str]) -> Span | None:
        """The source after "according to": the first person or organisation within a few words, past a
        place or a role ("according to Kherson region governor X", "according to data released by the WHO")."""
        w = self._words(doc)
        ceiling = min(w.sent_ends[k - 1] if k > 0 else len(doc), k + self.gaps["attribution"])
        first = k
        while k < ceiling:
            m = at_start.get(k)
            if m is not None:
                if m.label_ in labels:
                    return self._titled_person(doc, m, at_start) or m
                k = m.end
                continue
            if w.text[k] == "-" and k > first:
                k += 1  # "its vice-chair"
                continue
            if w.is_punct[k]:
                # "according to its vice-chair, N": the name in apposition to a role is the source.
                role = [i for i in range(first + 1, k) if w.text[i] != "-"]
                if not (
                    w.text[k] == ","
                    and w.lower[first] in self.back_determiners
                    and 0 < len(role) <= 3
                    and all(w.is_lower[i] for i in role)
                ):
                    return None
                named = at_start.get(k + 1)
                return named if named is not None and named.label_ == "PERSON" else None
            k += 1
        return None

    def _titled_person(self, doc: Doc, body: Span, at_start: dict) -> Span | None:
        """ "according to Hamas spokesman N": the person the body's role words introduce (§3.1,
        the nearest named source), not the body that premodifies the role."""
        w = self._words(doc)
        if body.label_ != "ORG":
            return None
        k = body.end
        while k < len(doc) and k - body.end <= self.gaps["role_phrase"] and w.lower[k] in self.role_words:
            k += 1
        person = at_start.get(k)
        return person if k > body.end and person is not None and person.label_ == "PERSON" else None

    def _relay(self, doc: Doc, span: Span, reports, at_start: dict, at_end: dict, reporters: list[Span]) -> Span | None:
        """ "X told AFP that 15 …": the agency told relays the figure too (guidelines §2.5, relayed figures)."""
        w = self._words(doc)
        starts = w.sent_starts
        for _, s, e in reports:
            if starts[span.start] <= s and e <= span.start and w.lower[s] in ("told", "tells"):
                if any(e < s2 and e2 <= span.start for _, s2, e2 in reports):
                    continue  # "told AFP that 30 died and RFI reported 40": the later verb has its own source
                m = at_start.get(e)
                if m is None and e < len(doc) and w.lower[e] == "the":
                    # "told the UN-funded Radio X that", "told the group that" (the group named before)
                    teller = self._speaker_before(doc, [(s, e)], at_start, at_end)
                    m = self._relayed(doc, e, at_start) or self._back_reference(
                        doc, e, reporters, forward=True, exclude=teller
                    )
                if m is not None and m.label_ == "ORG":
                    return m
                journalist = self._journalist(doc, e, at_start)
                if journalist is not None:
                    return journalist
        return None

    def _journalist(self, doc: Doc, k: int, at_start: dict) -> Span | None:
        """ "told the French journalist N that 32 …", "told reporter N": a person named after a word of the
        press relays what she is told, like an outlet (guidelines §2.5, relayed figures); a person told
        without one ("told President N") is only a party to the talk."""
        w = self._words(doc)
        pressed = False
        ceiling = min(len(doc), k + 5)
        while k < ceiling:
            m = at_start.get(k)
            if m is not None and m.label_ == "NORP":
                k = m.end
                continue
            if m is not None:
                return m if pressed and m.label_ == "PERSON" else None
            if w.lower[k] in self.press_roles:
                pressed = True
            elif w.lower[k] not in ("the", "a", "an") and not (w.is_lower[k] and w.is_alpha[k]):
                return None
            k += 1
        return None
