"""Casualty figures: a number phrase with its qualifier, kept only next to casualty vocabulary.

A number becomes a FIGURE when a cue of some category stands after it ("30 civilians were
killed", "1,200 deaths", "20 rockets") or as a verb before it ("killing at least 12", "the death
toll rose to 300"). Dates, ages, times, percentages, titles ("number two") and ordinals are
excluded by their neighbours. Values and qualifiers come from ``bench.core.numbers``.

A number with no cue next to it is still a count when what follows is a counted noun phrase ("some
2,000 newly displaced families", "two of its fighters"), when a tally word stands before it ("put
the toll at 28") or when it opens a clause that counts part of the figure before it ("Twelve were
women"). Such a figure takes the category of the nearest cue in its sentence, else ``other``. Counted
nouns of people are the shared list and, as a general fallback (rule ``figures.people.*``), the rules'
own class of people nouns and plurals whose ending names people ("tribesmen", "activists",
"Kelmoris"), under the same guards (ages, years, money, populations, sources, named participants).

Which word governs a count when several are near: a cue is not sought in a clause opened after the
count ("... after militants killed 12"), nor in a verb that opens the next count ("has 3,000 fighters
and killed 40"); a sequence befalling the same people takes its last event ("abducted and later
killed"), a list of people shares its counts' cue, a bare count after "and" before a preposition
repeats the verb of the figure before it ("12 in Alda and 8 near Berro"), and a revised toll's old
count ("up from 62", "from 182 in May to 138 in June") counts what the new one counts.

Verbs that say what befell people only when they count people ("held", "taken", "released") are cues
only on counts of people and, after the count, only before a preposition of captivity ("held by",
"taken from"; not "held talks", "taken to hospital"); like "freed", they count people as what they
were. A count of people that names no category and is a part of a group named before ("four
deckhands were among the crew") counts what the figure that counted that group counts.

Numbers the guidelines rule out whatever cue is near (§2.4): places the events only spread over ("rallies in
40 towns", not "shelled homes in three towns"), parts of a text ("three counts", "six points"), delegates and
members of a body, and counts hoped for. A count that closes a verb of estimate ("put the dead at 19") counts
what that phrase names; court cases in a sentence of charges count people detained; people whose arrest is
ordered or sought are wanted, not held.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span

from bench.core.numbers import NUMBER_WORDS, QUALIFIER_PHRASES, normalise_figure
from systems.vocabulary import expected_count, figure_vocabulary

from .entities import DATA, load_json, sentence_bounds, token_view

WINDOW_AFTER = 8
WINDOW_BEFORE = 5
FATE_WINDOW = 14  # "three porters injured in the raid late on 2 June succumbed": the fate ends a long clause
TALLY_WINDOW = 16  # "the death toll of civilians who died in the fighting around the port has risen to 2,400"
LIST_GAP = 6  # tokens between two counts of one list: "40 soldiers and 25"
MEETING_CLAUSE = 8  # tokens after a meeting verb searched for the auxiliary of a clause it is only a participle in
STOP = {".", ";", ":", "?", "!", "(", ")"}
QUALIFIER_WORDS = {w for ps in QUALIFIER_PHRASES.values() for p in ps for w in p.lower().split()}
QUOTES = {'"', "“", "”", "'", "‘", "’"}
OWN_CUES = ("figures.after.", "figures.before.", "figures.fate.", "figures.sequence.")  # a cue word next to the count
UNNAMED = ""  # a count whose sentence names no category: it takes the category of the one before it


@dataclass(frozen=True)
class Figure:
    span: Span
    value: float
    qualifier: str
    category: str
    rule: str  # which cue list of data/figures.json made it a figure


@dataclass(frozen=True)
class HeldWords:
    """The words of one article that name people held (data ``held_as``), read once and shared by the
    questions the finder asks of them: what people freed were, whether the article tells of hostages, and
    what its captives are."""

    at: tuple[int, ...]  # the token of each word, in order
    says: tuple[str, ...]  # what each names: hostage or detained ("captives" as the article's captivity)
    captivity: str  # detained where words of arrest and imprisonment outnumber those of hostage-taking
    first_hostage: int  # the first word of the hostage list (a captive too), len(lowers) when none

    def told_before(self, limit: int) -> bool:
        """Whether a word of people held stands before token ``limit``."""
        return bool(self.at) and self.at[0] < limit


def _phrases(items: list[str]) -> list[tuple[str, ...]]:
    return sorted((tuple(p.lower().split()) for p in items), key=len, reverse=True)


class FigureFinder:
    def __init__(self, data_dir: Path = DATA):
        cues = load_json("figures.json", data_dir)
        self.after = [(cat, p) for cat, ps in cues["after"].items() for p in _phrases(ps)]
        self.before = [(cat, p) for cat, ps in cues["before"].items() for p in _phrases(ps)]
        self.after.sort(key=lambda x: -len(x[1]))
        self.before.sort(key=lambda x: -len(x[1]))
        # The same lists keyed by the word a match is tested at, longest phrase first within each.
        self.after_at: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        self.before_at: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for cat, phrase in self.after:
            self.after_at.setdefault(phrase[0], []).append((cat, phrase))
        for cat, phrase in self.before:
            self.before_at.setdefault(phrase[-1], []).append((cat, phrase))
        self.not_after = {w.lower() for w in cues["not_figure_after"]}
        self.not_before = {w.lower() for w in cues["not_figure_before"]}
        self.list_joiners = set(cues["list_joiners"])
        self.qualifiers = _phrases([p for ps in QUALIFIER_PHRASES.values() for p in ps])
        self.trailing = _phrases(cues["trailing_qualifiers"])
        shared = figure_vocabulary()
        self.people = set(shared["counted_people"])
        self.things = set(shared["counted_things"]) | set(cues["thing_class"])
        self.actors = set(shared["counted_actors"])
        self.sources = set(shared["source_nouns"])
        self.expected = shared["expected_counts"]
        self.reporting_verbs = set(shared["reporting_verbs"])
        self.status = set(cues["status_nouns"])
        self.part_before = _phrases(cues["part_markers"]["before"])
        self.part_after = _phrases(cues["part_markers"]["after"])
        self.part_openers = _phrases(cues["part_markers"]["sentence_openers"])
        self.gap_determiners = _phrases(cues["gap_determiners"])
        alternatives = cues["alternatives"]
        self.alternative_marks = set(alternatives["marks"])
        self.alternative_words = self.alternative_marks | set(alternatives["fillers"])
        self.alternative_gap: int = alternatives["gap"]
        self.np_breaks = set(cues["noun_phrase_breaks"])
        self.partitive = set(cues["partitive_determiners"])
        self.tally = set(cues["tally_words"])
        self.definite_tally = set(cues["definite_tally"])
        self.particle_verbs = set(cues["particle_verbs"])
        self.reporting = _phrases(cues["reporting_before"])
        self.bare_followers = set(cues["bare_followers"])
        self.subset_verbs = set(cues["subset_verbs"])
        self.participants = set(cues["participant_nouns"])
        self.population = _phrases(cues["population_before"])
        self.modals = set(cues["projection_modals"])
        self.growth = set(cues["growth_verbs"])
        self.rest_after = set(cues["rest_of_group"]["after"])
        self.rest_before = set(cues["rest_of_group"]["before"])
        self.weak = set(cues["weak_cues"])
        self.killed_and_wounded = set(cues["killed_and_wounded"])
        self.held = {w: cat for cat, words in cues["held_as"].items() for w in words}
        self.participles = set(cues["participle_cues"])
        self.auxiliaries = set(cues["auxiliaries"])
        self.clause_breaks = set(cues["clause_breaks"])
        self.age_nouns = set(cues["age_apposition_nouns"])
        self.sequence_adverbs = set(cues["sequence_adverbs"])
        self.rescue = set(cues["rescue_cues"])
        self.revision_before = _phrases(cues["revision_before"])
        self.revision_verbs = set(cues["revision_verbs"])
        self.interview = _phrases(cues["interview_before"])
        self.kin = set(cues["kin_nouns"])
        self.population_nouns = set(cues["population_nouns"])
        self.pronoun_determiners = set(cues["pronoun_determiners"])
        self.designators = set(cues["designator_nouns"])
        self.gap_prepositions = set(cues["gap_prepositions"])
        self.ambiguous_captives = set(cues["ambiguous_captives"])
        self.one_idioms = set(cues["one_idioms"])
        self.remains = set(cues["remains_nouns"])
        self.ratio_ones = set(cues["ratio_ones"])
        self.ratio_episodes = set(cues["ratio_episodes"])
        self.participant_people = set(cues["participant_people"]["nouns"])
        self.meeting_verbs = set(cues["participant_people"]["verbs"])
        self.source_qualifiers = _phrases(cues["source_qualifiers"])
        self.source_qualifier_reach: int = cues["source_qualifier_reach"]
        self.name_openers = set(cues["name_openers"])
        self.aboard_words = _phrases(cues["aboard_words"]["words"])
        self.holding = set(cues["aboard_words"]["held"])
        self.member_compounds = set(cues["group_compounds"]["members"])
        self.strength_compounds = set(cues["group_compounds"]["strength"])
        self.record_verbs = set(cues["recording_places"]["verbs"])
        self.record_places = set(cues["recording_places"]["places"])
        self.group_parts = _phrases(cues["group_parts"])
        self.relatives = set(cues["relative_pronouns"])
        self.releases = _phrases(cues["release_cues"])
        self.people_cues = set(cues["people_cues"]["words"])
        self.people_followers = set(cues["people_cues"]["followers"])
        self.people_fillers = set(cues["people_cues"]["fillers"]) | self.auxiliaries | self.sequence_adverbs
        people_class = cues["people_class"]
        self.more_people = set(people_class["nouns"]) - self.people
        self.more_actors = set(people_class["actors"]) - self.actors
        self.people_suffixes = tuple(people_class["suffixes"])
        self.demonym_suffixes = tuple(people_class["demonym_suffixes"])
        self.not_people = set(people_class["not_people"])
        self.phrase_ends = set(people_class["phrase_ends"]) | self.np_breaks
        self.vote_verbs = set(people_class["not_before"])
        self.combatants = set(people_class["combatants"]) | self.actors | self.more_actors
        self.people_only = {tuple(p.split()) for p in cues["people_only_before"]}
        self.seizing = set(cues["seizing_before"])
        self.charge_words: dict[str, str] = cues["charge_words"]
        self.participants_before = _phrases(cues["participants_before"])
        self.counted_nouns_after = set(cues["counted_nouns_after"])
        self.people_only_after = {tuple(p.split()) for p in cues["people_only_after"]}
        self.reach_places = set(cues["reach"]["places"])
        self.reach_prepositions = set(cues["reach"]["prepositions"])
        self.reach_kept = set(cues["reach"]["kept"])
        self.text_parts = set(cues["text_parts"])
        self.member_nouns = set(cues["body_members"]["nouns"])
        self.bodies = set(cues["body_members"]["bodies"])
        self.hoped = _phrases(cues["hoped_before"])
        self.estimate_verbs = set(cues["estimates"]["verbs"])
        self.estimate_pronouns = set(cues["estimates"]["pronouns"])
        self.case_nouns = set(cues["court_cases"]["nouns"])
        self.wanted = set(cues["wanted_before"])
        self.court_words = set(cues["court_cases"]["words"])
        # The held words of the article read last, keyed by its token list (one reading per article).
        self._held_cache: tuple[list[str], HeldWords] | None = None
        # Every single word that names a category somewhere in a sentence, for figures with no cue of their own.
        self.context: dict[str, str] = {}
        for cat, words in shared["category_words"].items():
            for w in words:
                self.context.setdefault(w, cat)
        for cat, phrase in self.after:  # not the verbs before a count: "took place", "holding talks"
            if len(phrase) == 1 and cat != "other" and phrase[0] not in self.people_cues:
                self.context.setdefault(phrase[0], cat)

    @staticmethod
    def _numberish(view) -> list[bool]:
        ordinal = ("st", "nd", "rd", "th")
        return [
            (num and not low.endswith(ordinal)) or (low in NUMBER_WORDS and low not in ("a", "and", "score"))
            for num, low in zip(view.like_num, view.lowers, strict=False)
        ]

    @staticmethod
    def _number_runs(lowers: list[str], num: list[bool], taken: list[bool]):
        """(start, end) token ranges of number phrases: "1.4 million", "tens of thousands", "10 to 15"."""
        n, i = len(lowers), 0
        while i < n:
            if taken[i] or not num[i] or (lowers[i] == "one" and FigureFinder._pronoun_one(lowers, i)):
                i += 1
                continue
            j = i + 1
            while j < n and not taken[j]:
                if num[j] and lowers[j] != "a":
                    j += 1
                elif (
                    lowers[j] in ("of", "to", "and", "-", "–")
                    and j + 1 < n
                    and num[j + 1]
                    and (lowers[j] != "of" or lowers[j - 1] in ("tens", "hundreds", "thousands", "dozens"))
                ):
                    j += 2
                else:
                    break
            begin = i
            a_scale = i > 0 and lowers[i - 1] == "a" and lowers[i] in ("dozen", "hundred", "thousand", "million")
            if a_scale or (i > 0 and lowers[i - 1] == "between" and "and" in lowers[i:j]):
                begin = i - 1
            elif lowers[i] in ("dozen", "hundred", "thousand") and i > 0 and lowers[i - 1] in ("several", "few"):
                begin = i - 2 if lowers[i - 1] == "few" and i > 1 and lowers[i - 2] == "a" else i - 1
            yield begin, j
            i = j

    def _aboard(self, lowers: list[str], sent_start: int, end: int, sent_end: int) -> bool:
        """Whether the phrase of a count ends in a word of being aboard ("60 people aboard", "on board") in a
        sentence that does not say people were held or freed ("to free the 17 crew aboard")."""
        if any(w in self.weak or w in self.held or w in self.holding for w in lowers[sent_start:sent_end]):
            return False
        for k in range(end, min(sent_end, end + 4)):
            if any(tuple(lowers[k : k + len(p)]) == p for p in self.aboard_words):
                return True
            if lowers[k] in self.np_breaks and lowers[k] != "on":
                return False
        return False

    @staticmethod
    def _pronoun_one(lowers: list[str], i: int) -> bool:
        # "one of the ...", "one such casualty", "no one": a pronoun, not a count.
        nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
        prev = lowers[i - 1] if i > 0 else ""
        # "and one was Canadian": a verb straight after shows it stands for a noun (guidelines §2.4).
        pronoun_next = ("of", "such", "another", "who", "which", "that", "was", "is")
        return nxt in pronoun_next or prev in ("no", "any", "every", "the")

    @staticmethod
    def _match_at(lowers: list[str], i: int, phrases_at: dict) -> tuple[str, int] | None:
        """The first of the phrases starting with token i's word that the text continues."""
        for cat, phrase in phrases_at.get(lowers[i], ()):
            if tuple(lowers[i : i + len(phrase)]) == phrase:
                return cat, len(phrase)
        return None

    def _before_cue(self, lowers: list[str], k: int, floor: int, people: bool = True) -> str | None:
        """The category of a 'before' cue phrase ending at token k (not crossing ``floor``); a verb of
        ``people_cues`` only when the count it governs counts ``people``."""
        for cat, phrase in self.before_at.get(lowers[k], ()):
            n = len(phrase)
            if k - n + 1 >= floor and tuple(lowers[k - n + 1 : k + 1]) == phrase:
                weak = phrase[-1] in self.people_cues or phrase in self.people_only
                if phrase[-1] in self.charge_words and not self._charge_follows(lowers, k):
                    return None  # "police charged 300 protesters": a baton charge
                return cat if people or not weak else None
        return None

    def _charge_follows(self, lowers: list[str], k: int) -> bool:
        """Whether the word a charge needs ("with") follows verb k within its clause (12 words), or a word of
        courts stands in the clause ("prosecutors charged 68 people over the coup"): a charge, not a baton charge."""
        for m in range(k - 1, max(-1, k - 13), -1):
            if lowers[m] in STOP:
                break
            if lowers[m] in self.court_words:
                return True
        for w in lowers[k + 1 : k + 13]:
            if w in STOP:
                return False
            if w == self.charge_words[lowers[k]] or w in self.court_words:
                return True
        return False

    def _before_cue_length(self, lowers: list[str], k: int) -> int:
        """The number of words of the 'before' cue phrase ending at token k (0 when none does)."""
        for _, phrase in self.before_at.get(lowers[k], ()):
            n = len(phrase)
            if k - n + 1 >= 0 and tuple(lowers[k - n + 1 : k + 1]) == phrase:
                return n
        return 0

    def _counts_people(self, lowers: list[str], end: int, sent_end: int, texts: list[str] | None = None) -> bool:
        """Whether the noun phrase after a count names people ("released 9 farmers", "held 12 of them"),
        not things or events ("released two videos", "held three meetings")."""
        if lowers[end : end + 2] in (["of", "them"], ["of", "those"]):
            return True
        if lowers[end : end + 1] == ["of"] and end + 1 < len(lowers) and lowers[end + 1] in self.partitive:
            end += 2  # "released 6 of the 20 passengers": a part of a group counted by its noun
            while end < sent_end and (lowers[end][:1].isdigit() or lowers[end] in NUMBER_WORDS):
                end += 1
        return self._head_kind(lowers, end, sent_end, texts) in ("noun", "people", "actor")

    def _people_cue(self, lowers: list[str], end: int, k: int, n: int) -> bool:
        """Whether an after-cue of ``people_cues`` at token k tells what befell the count ending at ``end``:
        the words between name people or only join a bare count to its verb ("30 pupils were taken", "20
        are still held"), and the word after the verb is one of ``followers`` ("held by", "taken from"), not
        an object or a destination ("held talks", "taken to hospital")."""
        nxt = lowers[k + n] if k + n < len(lowers) else "."
        if nxt not in self.people_followers and nxt[0].isalpha():
            return False
        between = lowers[end:k]
        return self._names_people(lowers, end, k) or all(w in self.people_fillers for w in between)

    def _category(self, doc: Doc, lowers: list[str], num: list[bool], start: int, end: int) -> tuple[str, str] | None:
        starts, ends = sentence_bounds(doc)
        sent_start = starts[start]
        # A verb right before the number is the strongest cue: "has killed more than 14,000 people
        # and displaced nearly 8 million" -- the first count is of the killed.
        people = self._counts_people(lowers, end, ends[start], token_view(doc).texts)
        bare = end >= len(lowers) or lowers[end] in self.bare_followers or not lowers[end][:1].isalpha()
        if not people and bare and lowers[end : end + 1] not in (["-"], ["–"]):  # not "stormed the ten-wagon train"
            # "a judge released 150 on Tuesday": a bare count after a verb of release in an article that has
            # told of people held counts those people (not "released 2 in May" of videos elsewhere)
            people = self._held_words(lowers).told_before(start)
        if start > sent_start and (adjacent := self._before_cue(lowers, start - 1, sent_start, people)):
            # "shot or injured some 15": the first category named (guidelines §2.4).
            joined = start - 1 - self._before_cue_length(lowers, start - 1)
            if joined - 1 >= sent_start and lowers[joined] in ("or", "and"):
                # "the disappearance or abduction of 60 traders": the first of alternatives named ("9,000
                # dead and uprooted 300,000": "dead" closes the count before)
                first = self._before_cue(lowers, joined - 1, sent_start)
                if first is None and lowers[joined] == "or":
                    first = self.context.get(lowers[joined - 1])
                adjacent = first or adjacent
            elif (adjacent in ("hostage", "detained") or lowers[start - 1] in self.rescue) and (
                held := self._status_after(lowers, end, ends[start])
            ):
                adjacent = held  # "took 11 prisoners", "freed 90 prisoners": what they were, not the verb
            elif (lowers[start - 1] in self.weak or lowers[start - 1] in self.seizing) and adjacent in (
                "hostage",
                "detained",
            ):
                adjacent = self._held_as(lowers, start - 1, sent_start, ends[start])
            elif lowers[start - 1] in self.rescue and self._hostage_story(lowers, ends[start]):
                return "hostage", "figures.rescue.hostage"
            elif adjacent == "detained" and lowers[start - 1] == "of" and self._wanted(lowers, joined, sent_start):
                return "other", "figures.wanted.other"  # "a warrant for the arrest of 12": sought, not held
            return adjacent, f"figures.before.{adjacent}"
        # "Eight of the 20 abducted were found dead": the whole a part is taken from is no other count,
        # and its words do not use up the window; "9 of the over 40 slain": it may carry a qualifier.
        whole = self._skip_qualifier(lowers, end + 2) if lowers[end : end + 2] == ["of", "the"] else -1
        k, window = end, WINDOW_AFTER + (whole + 1 - end if whole > 0 else 0)
        while k < min(ends[end - 1], end + window):
            partitive = k == whole
            if doc[k].text == "(" and k + 2 < len(doc) and doc[k + 2].text == ")" and doc[k + 1].text.isupper():
                k, window = k + 3, window + 3  # "three Border Guard (BG) officers who died": an acronym in brackets
                continue
            if doc[k].text in STOP or (k > end and num[k] and lowers[k] != "one" and not partitive):
                break
            if lowers[k] in self.clause_breaks:
                break
            if k > end and lowers[k] == "of" and lowers[k - 1] in self.kin:
                break  # "six kinsmen of the slain": whose kin they are
            if k > end and lowers[k] in self.tally and "and" in lowers[end:k]:
                break  # "put the dead at 19 and the count of injured at 50": a tally opens another count
            hit = self._match_at(lowers, k, self.after_at)
            if hit and lowers[k + hit[1] - 1] in self.people_cues and not self._people_cue(lowers, end, k, hit[1]):
                hit = None  # "three rounds of talks held in Doha", "40 people taken to hospital"
            if hit and tuple(lowers[k : k + hit[1]]) in self.people_only_after and not self._victims(doc, end, k):
                hit = None  # "300 troops crossed into Oru": a move of those who act, not people displaced
            if hit and lowers[k] in self.counted_nouns_after and self._names_people(lowers, end, k):
                hit = None  # "3,000 herders lives by the river": a verb of the people named, not "300 lives"
            if hit and self._release_at(lowers, k) and not self._held_words(lowers).told_before(ends[k]):
                hit = None  # "walked free", "handed over": a release only where the article tells of people held
            if hit and k > end + 1 and lowers[k - 1] == "the" and lowers[k - 2] not in ("of", "among"):
                break  # "five ambulances took the injured": "the" makes the cue a noun for other people
            if hit and hit[0] == "other" and lowers[k] in self.things and self._names_people(lowers, end, k):
                hit = None  # "900 people were forced out of their villages": a thing past the people counted
            if hit and k > end and self._governs_next(lowers, num, k + hit[1]):
                break  # "has 3,000 fighters and killed 40": the verb is the cue of the count after it
            if hit:
                relative = k > end and any(w in self.relatives for w in lowers[end:k])
                if fate := self._fate(doc, lowers, num, k, ends[end - 1], k > end, relative):
                    return fate, f"figures.fate.{fate}"
                if lowers[k] in self.killed_and_wounded:
                    # "Casualties" counts the killed and the wounded: injured beside a count of the
                    # killed in the sentence, else other (guidelines §2.4).
                    both = any(self.context.get(w) == "killed" for w in lowers[starts[k] : ends[k]])
                    mixed = "injured" if both else "other"
                    return mixed, f"figures.after.{mixed}"
                if (lowers[k] in self.weak or self._release_at(lowers, k)) and hit[0] in ("hostage", "detained"):
                    held = self._held_as(lowers, k, starts[k], ends[k])
                    return held, f"figures.after.{held}"
                if (last := self._last_event(lowers, k + hit[1], hit[0])) != hit[0]:
                    return last, f"figures.sequence.{last}"
                if hit[0] == "hostage" and lowers[k + hit[1] - 1] in self.ambiguous_captives:
                    held = self._captivity(lowers)  # "869 captives freed" in an article about a prisoner swap
                    return held, f"figures.after.{held}"
                if lowers[k] in self.rescue and self._hostage_story(lowers, ends[k]):
                    return "hostage", "figures.rescue.hostage"  # "155 passengers were rescued" from a hijacking
                return hit[0], f"figures.after.{hit[0]}"
            k += 1
        if start > sent_start and lowers[start - 1] in self.gap_prepositions:
            return None  # "were killed across three provinces": the object of a preposition, not of the verb
        for k in range(start - 1, max(sent_start, start - WINDOW_BEFORE) - 1, -1):
            if cat := self._before_cue(lowers, k, sent_start, people):
                if lowers[k + 1] == "and" and any(num[max(sent_start, k - 3) : k]):
                    break  # "a guard killed and four porters ... hurt": the word closes the count before
                return cat, f"figures.before.{cat}"
            if doc[k].text in STOP:
                break
        return None

    def _skip_auxiliaries(self, lowers: list[str], k: int) -> int:
        """The first token from k that is not an auxiliary or an adverb of sequence ("were later")."""
        stop = min(len(lowers), k + 3)
        while k < stop and (lowers[k] in self.auxiliaries or lowers[k] in self.sequence_adverbs):
            k += 1
        return k

    def _last_event(self, lowers: list[str], k: int, category: str) -> str:
        """ "were abducted and later killed": a sequence that befalls the same people takes the category of
        its last event (guidelines §2.4); "killed or wounded" names alternatives and keeps the first."""
        if category == "killed" or k >= len(lowers) or lowers[k] != "and":
            return category
        m = self._skip_auxiliaries(lowers, k + 1)
        then = self._match_at(lowers, m, self.after_at) if m < len(lowers) else None
        if then is None or then[0] != "killed" or self._governs_next_words(lowers, m + then[1]):
            return category  # "seized 40 hostages and killed 4": the verb of another count
        return "killed"

    def _names_people(self, lowers: list[str], first: int, last: int) -> bool:
        return any(
            lowers[m] in self.people
            or lowers[m] in self.actors
            or lowers[m] in self.more_actors
            or self._people_word(lowers, None, m)
            for m in range(first, last)
        )

    def _victims(self, doc: Doc, first: int, last: int) -> bool:
        """Whether the words between tokens ``first`` and ``last`` name people who do not fight in the events."""
        view = token_view(doc)
        lowers = view.lowers
        if any(lowers[m] in self.combatants for m in range(first, last)):
            return False
        return any(lowers[m] in self.people or self._people_word(lowers, view.texts, m) for m in range(first, last))

    def _kin_of(self, lowers: list[str], k: int, floor: int) -> bool:
        """Whether word k follows "relatives of (the)", naming whose kin they are."""
        m = k - 1
        if m > floor and lowers[m] in ("the", "their", "those"):
            m -= 1
        return m > floor and lowers[m] == "of" and lowers[m - 1] in self.kin

    def _governs_next_words(self, lowers: list[str], k: int) -> bool:
        """_governs_next on words alone: a digit or a number word opens the count."""
        return self._opens_count(lowers, [w[:1].isdigit() or w in NUMBER_WORDS for w in lowers[k : k + 6]], k)

    def _governs_next(self, lowers: list[str], num: list[bool], k: int) -> bool:
        """Whether the words from token k open another count ("killed 40", "wounded at least 9")."""
        return self._opens_count(lowers, num[k : k + 6], k)

    def _opens_count(self, lowers: list[str], num: list[bool], k: int) -> bool:
        """``num`` flags the number words from token k on; "killed 3 days ago" opens no count."""
        first = k
        k = self._skip_qualifier(lowers, k)
        if k >= len(lowers) or k - first >= len(num) or not num[k - first] or lowers[k] == "one":
            return False
        while k - first < len(num) and num[k - first]:
            k += 1
        after = (
            lowers[k + 1] if k < len(lowers) - 1 and lowers[k] in ("-", "–") else (lowers[k] if k < len(lowers) else "")
        )
        return after not in self.not_after

    def _skip_qualifier(self, lowers: list[str], k: int) -> int:
        for phrase in self.qualifiers:
            if tuple(lowers[k : k + len(phrase)]) == phrase:
                return k + len(phrase)
        return k

    def _fate(
        self, doc: Doc, lowers: list[str], num: list[bool], k: int, sent_end: int, on_noun: bool, relative: bool = False
    ) -> str | None:
        """What happened to people named by what they were or by a participle on their noun, told later in
        their clause: "30 detainees died", "two guards wounded in May succumbed" -> killed; not "29 wounded".
        A cue inside a relative clause on the people counted ("25 activists who were seized in May remain
        missing") is what befell them before; the verb of the main clause after it tells their fate."""
        fates: tuple[str, ...]
        if lowers[k] in self.status:
            fates, limit = ("killed", "injured", "missing"), min(sent_end, k + WINDOW_AFTER)
        elif on_noun and lowers[k] in self.participles and lowers[k - 1] not in self.auxiliaries:
            # a reduced relative: "a guard wounded in May succumbed", "17 men taken in March have not been seen"
            fates, limit = ("killed", "missing"), min(sent_end, k + FATE_WINDOW)
        elif relative:
            fates, limit = ("killed", "injured", "missing"), min(sent_end, k + TALLY_WINDOW)
        else:
            return None
        for m in range(k + 1, limit):
            # "captured 7 fighters, at a cost of 9 dead", "5 wounded and 3 dead": a fate past a comma or
            # after another count is another's ("over the weekend of 3-4 June" is a date, not a count); a
            # relative clause may close with a comma ("who were seized in May, remain missing").
            another = num[m] and lowers[m - 1] in ("and", "or", "but")
            if doc[m].text in STOP or (doc[m].text == "," and not relative) or another:
                return None
            fate = self._match_at(lowers, m, self.after_at)
            if fate and self._governs_next(lowers, num, m + fate[1]):
                return None  # "seized 40 hostages and killed 4": the verb of another count
            if fate and fate[0] in fates:
                return fate[0]
        return None

    def _status_after(self, lowers: list[str], end: int, sent_end: int) -> str | None:
        """The category of a status noun ("prisoners", "hostages") heading the phrase after a count."""
        if lowers[end : end + 1] == ["of"] and end + 1 < len(lowers) and lowers[end + 1] in self.partitive:
            end += 2  # "rescued 18 of the kidnapped pupils": a part of a group named by what it was
        for k in range(end, min(sent_end, end + 4)):
            # "freed 90 prisoners", "rescued 30 abducted pupils": a status noun or a participle of captivity.
            if lowers[k] in self.remains:
                return "killed"  # "handed over 12 bodies"
            if lowers[k] in self.held and (lowers[k] in self.status or lowers[k] in self.participles):
                return self._held_word(lowers, k)
            if lowers[k] in self.np_breaks or not lowers[k][0].isalpha():
                return None
        return None

    def _held_words(self, lowers: list[str]) -> HeldWords:
        """The held words of the article whose tokens are ``lowers``, read on the first question about it."""
        cached = self._held_cache
        if cached is None or cached[0] is not lowers:  # the list is kept alive here, so its id is not reused
            cached = (lowers, self._read_held(lowers))
            self._held_cache = cached
        return cached[1]

    def _read_held(self, lowers: list[str]) -> HeldWords:
        at = [k for k, w in enumerate(lowers) if w in self.held]
        # Status nouns and participles name what people are; "captives" names no side, "swap" no people.
        status = [
            self.held[lowers[k]]
            for k in at
            if (lowers[k] in self.status or lowers[k] in self.participles) and lowers[k] not in self.ambiguous_captives
        ]
        captivity = "detained" if status.count("detained") > status.count("hostage") else "hostage"
        says = [captivity if lowers[k] in self.ambiguous_captives else self.held[lowers[k]] for k in at]
        first_hostage = next((k for k in at if self.held[lowers[k]] == "hostage"), len(lowers))
        return HeldWords(tuple(at), tuple(says), captivity, first_hostage)

    def _held_as(self, lowers: list[str], i: int, sent_start: int, sent_end: int) -> str:
        """People freed or released are counted as what they were (guidelines §2.4): the nearest word naming
        hostages or prisoners in the sentence, else the last one before it in the article, else hostage."""
        held = self._held_words(lowers)
        first, last = bisect_left(held.at, sent_start), bisect_left(held.at, sent_end)
        if first < last:
            return held.says[min(range(first, last), key=lambda m: abs(held.at[m] - i))]
        # What the article has called people held so far, by the most words, the latest of equals: one
        # "arrested" in a hostage story ("police arrested two kidnappers") does not make the pupils prisoners.
        told = held.says[:first]
        hostage, detained = told.count("hostage"), told.count("detained")
        if hostage != detained:
            return "hostage" if hostage > detained else "detained"
        return told[-1] if told else "hostage"

    def _hostage_story(self, lowers: list[str], sent_end: int) -> bool:
        """Whether the article up to the end of this sentence has told of people held hostage: people
        rescued there are freed hostages (guidelines §2.4), elsewhere people brought out of danger, other."""
        return self._held_words(lowers).first_hostage < sent_end

    def _held_word(self, lowers: list[str], k: int) -> str:
        return self._captivity(lowers) if lowers[k] in self.ambiguous_captives else self.held[lowers[k]]

    def _captivity(self, lowers: list[str]) -> str:
        """What people held are in this article: detained where its words of arrest and imprisonment
        outnumber those of hostage-taking, else hostage."""
        return self._held_words(lowers).captivity

    def _excluded(self, doc: Doc, start: int, end: int, person_ends: Set[int]) -> bool:
        prev = doc[start - 1] if start > 0 else None
        nxt = doc[end] if end < len(doc) else None
        if prev is not None and prev.text.lower() in self.not_before:
            return True
        # "1 in 3 families": a ratio
        one_in = nxt is not None and nxt.lower_ == "in" and doc[start:end].text.lower() in self.ratio_ones
        if one_in and end + 1 < len(doc) and doc[end + 1].like_num and not self._spread_over(doc, end + 1):
            return True
        if start > 1 and prev is not None and prev.lower_ == "in" and doc[start - 2].lower_ in self.ratio_ones:
            return True
        if doc[start:end].text.lower() == "one" and nxt is not None and nxt.lower_ in self.one_idioms:
            return True  # "in one case", "at one point"
        if prev is not None and prev.lower_ in self.designators and prev.text[0].isupper():
            return True  # "Camp 2", "Flight 752": part of a name
        if nxt is not None and nxt.lower_ in self.not_after:
            return True
        if nxt is not None and nxt.text in ("-", "–") and end + 1 < len(doc) and doc[end + 1].lower_ in self.not_after:
            return True  # "25-year-old", "10-day"
        # "above the age of 70", "between the ages of 12 and 16"; not "the ages of 4 other victims".
        aged = start > 1 and prev is not None and prev.lower_ == "of" and doc[start - 2].lower_ in ("age", "ages")
        if aged and (nxt is None or nxt.lower_ not in self.people):
            return True
        if (
            start > 1
            and prev is not None
            and prev.lower_ in ("from", "between")
            and doc[start - 2].lower_ in self.not_before
        ):
            return True  # "ranged in age from 3 to 70"
        if prev is not None and prev.lower_ == "the" and self._participants_follow(doc, end):
            return True
        if prev is not None and prev.lower_ == "the" and self._meeting_people(doc, end):
            return True  # "the two women talked": the parties named before
        if self._ratio(doc, start, end):
            return True
        text = doc[start:end].text
        if ":" in text or text.endswith("%"):
            return True
        if end - start == 1 and doc[start].lower_ in ("dozen", "hundred", "thousand", "million"):
            return True  # "a couple of dozen": a multiplier the value reader does not take, not "12"
        # A bare four-digit year ("in 2023") is a date, not a count.
        if end - start == 1 and doc[start].shape_ == "dddd" and 1900 <= int(doc[start].text) <= 2100:
            return True
        # Ages in apposition: "Omar Haddad, 37, ...", "a shepherd, 62, ..."
        in_commas = prev is not None and prev.text == "," and nxt is not None and nxt.text == ","
        return in_commas and (start - 1 in person_ends or (start > 1 and doc[start - 2].lower_ in self.age_nouns))

    def _meeting_people(self, doc: Doc, end: int) -> bool:
        """ "the two women talked", "the two men embraced": parties the text names (participant_people).
        A meeting verb with "by" after it is a participle that describes the counted ("the two women met by
        aid workers had fled"), so they stay people of the events; so does one whose clause goes on to an
        auxiliary of its own ("the two men met at a checkpoint were later found dead")."""
        if not (
            end + 1 < len(doc)
            and doc[end].lower_ in self.participant_people
            and doc[end + 1].lower_ in self.meeting_verbs
        ):
            return False
        for k in range(end + 2, min(len(doc), end + 2 + MEETING_CLAUSE)):
            word = doc[k].lower_
            if k == end + 2 and word == "by":
                return False
            if word in self.auxiliaries:
                return False
            if not word[:1].isalpha() or word in self.clause_breaks or word in self.relatives:
                break  # "the two men met in X, where ...": a clause of its own
            if word in ("and", "or", "but", "to", "as", "which", "whose"):
                break
        return True

    def _ratio(self, doc: Doc, start: int, end: int) -> bool:
        """ "4 in 10 homes": a smaller count "in" a larger one, either of the two (ratio_pairs)."""

        def value(k: int) -> float | None:
            read = normalise_figure(doc[k].text) if 0 <= k < len(doc) and doc[k].like_num else None
            return read[0] if read is not None else None

        if end - start != 1:
            return False
        here = value(start)
        if here is None:
            return False
        if end + 1 < len(doc) and doc[end].lower_ == "in" and (larger := value(end + 1)) is not None:
            return here < larger and not self._spread_over(doc, end + 1)
        if start > 1 and doc[start - 1].lower_ == "in" and (smaller := value(start - 2)) is not None:
            return smaller < here
        return False

    def _spread_over(self, doc: Doc, k: int) -> bool:
        """Whether the count at k, after "in", is a span of time, a number of places or of episodes ("killed 4
        in 10 minutes", "3 in 5 villages", "one in two raids"): how fast or how widely the count before it
        happened, not the whole of a ratio (ratio_episodes)."""
        after = doc[k + 1].lower_ if k + 1 < len(doc) else ""
        return after in self.not_after or after in self.reach_places or after in self.ratio_episodes

    def _counts_sources(self, lowers: list[str], end: int) -> bool:
        """ "two US officials said", "three witnesses told AFP": the sources are not in the events (guidelines
        §2.4); but "12 people reported killed" is a count, so a cue after the verb keeps it."""
        for k in range(end, min(len(lowers) - 1, end + 4)):
            # "three clerics said": people of the general class are sources like source_nouns
            people = lowers[k] in self.sources or lowers[k] in self.people or self._people_word(lowers, None, k)
            if people and any(tuple(lowers[k + 1 : k + 1 + len(p)]) == p for p in self.source_qualifiers):
                # "seven people familiar with the talks said": the verb stands after the qualifying phrase
                for j in range(k + 2, min(len(lowers), k + 2 + self.source_qualifier_reach)):
                    if lowers[j] in self.reporting_verbs:
                        return True
                    if lowers[j] in (".", ";", ":"):
                        return False
                return False
            if lowers[k] in self.sources or self._people_word(lowers, None, k):
                verb = k + 1
                if lowers[verb] in self.vote_verbs and lowers[k] not in self.sources:
                    return True  # "210 lawmakers voted": a tally of votes
                return lowers[verb] in self.reporting_verbs and not (
                    verb + 1 < len(lowers) and self._match_at(lowers, verb + 1, self.after_at)
                )
            if lowers[k] in self.np_breaks or not lowers[k][0].isalpha():
                return False
        return False

    def _population_or_projection(self, lowers: list[str], start: int) -> bool:
        """ "a city of 1.5 million", "the count may exceed 300", "might climb to 40" (guidelines §2.4)."""
        for phrase in self.population + self.participants_before:
            if start >= len(phrase) and tuple(lowers[start - len(phrase) : start]) == phrase:
                return True
        return any(lowers[k] in self.growth and lowers[k - 1] in self.modals for k in range(max(1, start - 3), start))

    def _numeral_pronoun(self, lowers: list[str], start: int, end: int, counted: bool = False) -> bool:
        """ "the two were killed", "all 30 were freed", "all 52 freed on Friday were men": a numeral
        standing for people counted before (guidelines §2.4); ``counted`` when its value was stated before."""
        if start == 0 or end >= len(lowers):
            return False
        nxt = lowers[end]
        # "9 nurses were held ... the remaining 9 walked free": the people counted before, not a new part
        # of them ("the remaining 60 were men" after a toll of 85 is a figure)
        rest = start > 1 and lowers[start - 1] in self.rest_before and lowers[start - 2] in self.pronoun_determiners
        if counted and rest and (nxt in self.auxiliaries or self._release_at(lowers, end)):
            return True
        if lowers[start - 1] not in self.pronoun_determiners:
            return False
        if nxt in self.auxiliaries or nxt in self.relatives:
            return True  # "the two were freed", "the 11 who were charged": no noun, the people counted before
        # "all 52 freed on Friday were men", but not "all 30 abducted pupils" (a participle before its noun)
        after = lowers[end + 1] if end + 1 < len(lowers) else "."
        participle = nxt in self.weak or nxt in self.participles
        return lowers[start - 1] == "all" and participle and (after in self.np_breaks or not after[0].isalpha())

    def _release_at(self, lowers: list[str], k: int) -> bool:
        """Whether a phrase of ``release_cues`` ("walked free", "handed over") starts at token k."""
        return any(tuple(lowers[k : k + len(p)]) == p for p in self.releases)

    def _possessed_population(self, lowers: list[str], start: int, end: int) -> bool:
        """ "the region's 4 million people", "Gaza's 2.3 million residents": a whole population; "the
        court's nine judges": the make-up of a body (people of the general class only)."""
        return (
            start > 0
            and lowers[start - 1] in ("'s", "’s")
            and end < len(lowers)
            and (lowers[end] in self.population_nouns or self._people_word(lowers, None, end))
        )

    def _record_places(self, lowers: list[str], start: int, end: int, sent_start: int) -> bool:
        """ "62 deaths logged at the Dorn clinic and four other health posts": the places where a toll was
        recorded are its sources, not places in the events (guidelines §2.4)."""
        noun = end + 1 if end < len(lowers) and lowers[end] in ("other", "more") else end
        if not any(w in self.record_places for w in lowers[noun : noun + 2]):
            return False
        for k in range(start - 1, max(sent_start, start - 12) - 1, -1):
            if lowers[k] in self.record_verbs:
                return any(w in ("at", "in", "by", "across") for w in lowers[k + 1 : start])
        return False

    def _names_follow(self, doc: Doc, end: int, person_ends: Set[int]) -> bool:
        """ "two of its commanders, Col. A and Maj. B, flew in": people the text names are participants,
        not a count of people in the events (guidelines §2.4, counts of named participants)."""
        lowers = [t.lower_ for t in doc[end : min(len(doc), end + 16)]]
        comma = next((k for k, w in enumerate(lowers[:7]) if not w[0].isalpha()), -1)
        phrase = lowers[:comma] if comma > 0 else []
        named = any(w in self.people or w in self.actors or w in self.more_people for w in phrase)
        if not phrase or lowers[comma] != "," or not named:
            return False
        if any(w in self.auxiliaries or w in self.reporting_verbs or w in ("and", "or") for w in phrase):
            return False  # "four radios and a phone, Lt. A said": no one phrase of people
        k = end + comma + 1
        if k < len(doc) and doc[k].lower_ in self.name_openers:
            k += 1
        for m in range(k, min(len(doc), k + 7)):  # "Brig - Gen Tel Naw Oo"
            if not (doc[m].text[0].isupper() or doc[m].text in (".", "-")):
                return False
            if m + 1 in person_ends:
                return True
        return False

    def _participants_follow(self, doc: Doc, end: int) -> bool:
        """ "the two sides", "the two foreign ministers": a count of named parties (guidelines §2.4)."""
        # "the four Lake Basin states": a name may stand between the count and the participants' noun
        return any(doc[k].lower_ in self.participants for k in range(end, min(len(doc), end + 3)))

    def _with_trailing(self, lowers: list[str], end: int) -> int:
        """ "76 at least", "40 or more": a qualifier after the number belongs to the span (guidelines §2.4)."""
        for phrase in self.trailing:
            if tuple(lowers[end : end + len(phrase)]) == phrase:
                return end + len(phrase)
        return end

    def _with_qualifier(self, lowers: list[str], start: int) -> int:
        for phrase in self.qualifiers:
            n = len(phrase)
            if start - n >= 0 and lowers[start - 1] == phrase[-1] and tuple(lowers[start - n : start]) == phrase:
                if n == 1 and start > 1 and lowers[start - 2] in self.particle_verbs:
                    return start  # "handed over three men": the particle of the verb, not a qualifier
                return start - n
        return start

    def find(
        self, doc: Doc, taken: list[bool], person_ends: Set[int] = frozenset(), vetoed: set[int] | None = None
    ) -> list[Figure]:
        """The figures of a Doc; ``vetoed``, when given, gets the first token of every number the guidelines
        say is no figure (a date, an age, a population, a source, a numeral used as a pronoun, an expected
        count ...), for a system that finds figures another way to leave them out."""
        view = token_view(doc)
        lowers = view.lowers
        num = self._numberish(view)
        runs: list[tuple[int, int, tuple[str, str] | None]] = []
        interviewed: set[int] = set()  # sentences that count the people a report's authors spoke to
        stated: set[float] = set()  # values of the counts kept so far
        refused = vetoed if vetoed is not None else set()
        for start, end in list(self._number_runs(lowers, num, taken)):
            if self._excluded(doc, start, end, person_ends):
                refused.add(start)
                continue
            qstart = self._with_qualifier(lowers, start)
            if self._population_or_projection(lowers, qstart) or self._counts_sources(lowers, end):
                refused.add(start)
                continue
            read = normalise_figure(" ".join(view.texts[qstart:end]))
            if self._numeral_pronoun(lowers, qstart, end, read is not None and read[0] in stated):
                refused.add(start)
                continue
            if any(qstart >= len(p) and tuple(lowers[qstart - len(p) : qstart]) == p for p in self.interview):
                interviewed.add(view.sent_starts[qstart])
                refused.add(start)
                continue  # "the team interviewed 36 people": the sources, not people in the events
            hoped = self._hoped(lowers, qstart, view.sent_starts[qstart])
            if hoped or expected_count(lowers, qstart, end, self.expected):
                refused.add(start)
                continue
            if self._text_part(lowers, end) or self._reach(lowers, num, qstart, end, view.sent_starts[qstart]):
                refused.add(start)
                continue
            cue = (
                self._category(doc, lowers, num, qstart, end)
                or self._estimate(view, lowers, num, qstart)
                or self._court_cases(view, lowers, qstart, end)
            )
            if (cue is None or cue[0] == "other") and self._body_members(lowers, qstart, end, view.sent_ends[qstart]):
                refused.add(start)
                continue
            # "jailed the four colonels, among them Col. A": a group the text names, whatever befell it
            named_group = qstart > 0 and lowers[qstart - 1] == "the" and self._names_follow(doc, end, person_ends)
            if named_group or (
                cue is None
                and (
                    view.sent_starts[qstart] in interviewed  # "interviewed 36 people, among them 12 witnesses"
                    or self._possessed_population(lowers, qstart, end)
                    or self._names_follow(doc, end, person_ends)
                )
            ):
                refused.add(start)
                continue
            if self._record_places(lowers, qstart, end, view.sent_starts[qstart]):
                refused.add(start)
                continue
            runs.append((qstart, self._with_trailing(lowers, end), cue))
            if read is not None:
                stated.add(read[0])
        # A count with no cue of its own: what follows or stands before it shows it counts something.
        for i, (start, end, cue) in enumerate(runs):
            kind = self._counted_by(view, lowers, start, end)
            if kind == "thing":
                runs[i] = (start, end, ("other", "figures.thing.other"))  # "25 posts were seized"
            elif (
                cue is None
                and kind == "actor"
                and end < len(lowers)
                and lowers[end] in self.actors
                and (listed := self._listed_with(view, lowers, runs, i))
            ):
                runs[i] = (start, end, listed)  # "seven militiamen and two porters hurt": victims in a list
            elif cue is None and kind == "actor":
                # "some 300 gunmen", "four suspects": those who act in the events are counted, not
                # victims; a casualty word elsewhere in the sentence is about someone else.
                runs[i] = (start, end, ("other", "figures.actor.other"))
            elif cue is None and kind == "revision":
                # "rose to 80, up from 62": the old count of the figure it revises, else of what the sentence names.
                same = view.sent_starts[start]
                prior = [r[2][0] for r in runs[:i] if r[2] and r[2][0] != UNNAMED and view.sent_starts[r[0]] == same]
                if cat := (prior[-1] if prior else self._sentence_category(view, lowers, num, start, end)):
                    runs[i] = (start, end, (cat, f"figures.revision.{cat}"))
            elif (
                cue is None
                and kind in ("noun", "people")
                and self._aboard(lowers, view.sent_starts[start], end, view.sent_ends[start])
            ):
                # "seized the train with 400 passengers on board": people aboard a vehicle taken are
                # hostages only where a word of their own says so (guidelines §2.4)
                runs[i] = (start, end, ("other", "figures.noun.other"))
            elif cue is None and kind in ("noun", "people") and (listed := self._listed_with(view, lowers, runs, i)):
                runs[i] = (start, end, listed)  # "two nurses and six boys died": the list shares its cue
            elif cue is None and kind:
                # "the death toll from the bombing rose to 31, with 70 wounded": a tally word naming a
                # category says what its value counts, before any nearer word of the sentence.
                named = self._tally_names(view, lowers, start) if kind == "tally" else None
                cat = named or self._sentence_category(view, lowers, num, start, end, own=kind in ("noun", "people"))
                runs[i] = (start, end, (cat or UNNAMED, f"figures.{kind}"))
        figures: list[Figure] = []
        for i, (start, end, cue) in enumerate(runs):
            following = runs[i + 1][2] if i + 1 < len(runs) else None
            if cue is not None and following is not None and following[1].startswith("figures.thing."):
                # "freed 11 or 12 trucks": an alternative to a count of things counts things, whatever
                # verb stands before it
                cue = self._alternative(lowers, runs, i) or cue
            cue = (
                cue
                or self._from_list(doc, lowers, runs, i)
                or self._gapped(view, lowers, start, end, figures)
                or self._subset(view, lowers, start, end, figures)
                or self._alternative(lowers, runs, i)
            )
            if cue is None:
                continue
            if cue[0] == UNNAMED:
                cue = self._previous_category(view, lowers, start, end, cue[1], figures)
            elif cue[1] in ("figures.noun", "figures.people", "figures.tally"):
                cue = (cue[0], f"{cue[1]}.{cue[0]}")
            runs[i] = (start, end, cue)  # "6 in A, 4 in B, 3 in C and 2 in D": the list carries on
            # "killed 10 of them": a verb right before the count tells its own fate, not a part's
            adjacent = start > 0 and cue[1].startswith("figures.before.") and self._before_cue(lowers, start - 1, 0)
            # "among them 6 lorries": a count of things is no part of the people counted before it
            things = cue[1].startswith("figures.thing.")
            if figures and not (adjacent or things) and (part := self._part_of(view, lowers, start, end, figures[-1])):
                cue = part
            span = Span(doc, start, end, label="FIGURE")
            parsed = normalise_figure(span.text)
            if parsed is None:
                continue
            value, qualifier = parsed
            figures.append(Figure(span, value, qualifier, cue[0], cue[1]))
        return figures

    def _estimate(self, view, lowers: list[str], num: list[bool], start: int) -> tuple[str, str] | None:
        """ "medics put the dead at 19 and the arrests at 240", "monitors put it at 52": a verb of estimate, what
        it counts, then "at" and the count. What it counts names the category; a pronoun refers back to a tally word of
        the sentence before ("The toll rose again. Monitors put it at 52"); a second count after "and" shares the
        verb of the first."""
        sent_start = view.sent_starts[start]
        if start - 2 < sent_start or lowers[start - 1] != "at":
            return None
        first = None
        for k in range(start - 2, max(sent_start, start - 8) - 1, -1):
            if lowers[k] in self.estimate_verbs:
                first = k + 1
                break
            if lowers[k] in ("and", ",") and k > sent_start and num[k - 1]:
                # "... at 19 and the arrests at 240": gapped after an earlier count of the same verb
                m = k - 1
                while m > sent_start and num[m - 1]:
                    m -= 1
                if lowers[m - 1] == "at" and self._estimate(view, lowers, num, m) is not None:
                    first = k + 1
                break
            if lowers[k] in STOP or num[k]:
                return None
        if first is None:
            return None
        counted = lowers[first : start - 1]
        for w in counted:
            if cat := self.context.get(w):
                return cat, f"figures.estimate.{cat}"
        if len(counted) == 1 and counted[0] in self.estimate_pronouns and sent_start > 0:
            before = view.sent_starts[sent_start - 1]
            for w in lowers[before:sent_start]:
                if w in self.tally and (cat := self.context.get(w)):
                    return cat, f"figures.estimate.{cat}"
        return None

    def _court_cases(self, view, lowers: list[str], start: int, end: int) -> tuple[str, str] | None:
        """ "500 people face charges, with 192 cases in Alda": cases in a sentence of charges or trials are
        people charged, detained (guidelines §2.4); elsewhere ("cholera cases") they are no count of people, nor
        where a noun of the event governs them ("the trial of 2 cases")."""
        if end >= len(lowers) or lowers[end] not in self.case_nouns:
            return None
        if start > 0 and self._before_cue_length(lowers, start - 1):
            return None
        if any(w in self.court_words for w in lowers[view.sent_starts[end] : view.sent_ends[end]]):
            return "detained", "figures.court.detained"
        return None

    def _wanted(self, lowers: list[str], k: int, sent_start: int) -> bool:
        """Whether the noun of arrest starting at token k + 1 is ordered or sought, not done ("issued warrants
        for the arrest of", "ordered the arrest of"): the people are wanted, counted as other."""
        for m in range(k, max(sent_start, k - 3) - 1, -1):
            if lowers[m] in self.wanted:
                return True
            if lowers[m] not in ("the", "for", "a", "an"):
                return False
        return False

    def _text_part(self, lowers: list[str], end: int) -> bool:
        """ "the three counts against her", "a deal of six points": parts of a text, no figure (guidelines §2.4)."""
        for k in range(end, min(len(lowers), end + 2)):
            if lowers[k] in self.text_parts:
                return True
            if not lowers[k].isalpha() or lowers[k] in self.np_breaks:
                return False
        return False

    def _hoped(self, lowers: list[str], start: int, sent_start: int) -> bool:
        """ "aid workers hope to reach 20,000 people": a count hoped for (guidelines §2.4), the phrase ending one or
        two words before the count (its verb between)."""
        for gap in (1, 2):
            at = start - gap
            if any(at - len(p) >= sent_start and tuple(lowers[at - len(p) : at]) == p for p in self.hoped):
                return True
        return False

    def _reach(self, lowers: list[str], num: list[bool], start: int, end: int, sent_start: int) -> bool:
        """ "protests in 14 of the 30 provinces", "60 arrests in nine districts": places the events only spread
        over, named as the object of a preposition of extent, where the sentence before them tells of nothing done
        to places nor of people held or sheltering there (guidelines §2.4)."""
        k = end
        if lowers[k : k + 1] == ["of"] and k + 1 < len(lowers) and lowers[k + 1] in self.partitive:
            k += 2  # "14 of the 30 provinces": the part counts what the whole counts
            while k < len(lowers) and (num[k] or lowers[k] in ("'s", "’s") or lowers[k][:1].isupper()):
                k += 1
        head = None
        for m in range(k, min(len(lowers), k + 3)):
            if lowers[m] in self.reach_places:
                head = m
                break
            if not lowers[m].isalpha() or lowers[m] in self.np_breaks:
                return False
        if head is None:
            return False
        # the preposition before the count, past the part of a partitive ("in 14 of the 30 provinces")
        m = start - 1
        if m > sent_start + 1 and lowers[m] in self.partitive and lowers[m - 1] == "of":
            m -= 2
            while m > sent_start and (num[m] or lowers[m] in QUALIFIER_WORDS):
                m -= 1
        if m < sent_start or lowers[m] not in self.reach_prepositions:
            return False
        return not any(w in self.reach_kept for w in lowers[sent_start:m])

    def _body_members(self, lowers: list[str], start: int, end: int, sent_end: int) -> bool:
        """ "200 delegates attended", "the 12 members of the mediation panel", "the panel's 7 members": the
        make-up of a body, named participants rather than people in the events (guidelines §2.4)."""
        owner = lowers[start - 2] if start > 1 and lowers[start - 1] in ("'s", "’s") else ""
        for k in range(end, min(sent_end, end + 3)):
            if lowers[k] in self.member_nouns:
                return True
            if lowers[k] == "members" and owner in self.bodies:
                return True
            if lowers[k] == "members" and lowers[k + 1 : k + 2] == ["of"]:
                return any(w in self.bodies for w in lowers[k + 2 : min(sent_end, k + 7)])
            if not lowers[k].isalpha() or lowers[k] in self.np_breaks:
                return False
        return False

    def _counted_by(self, view, lowers: list[str], start: int, end: int) -> str | None:
        """Why a number with no cue is a count: ``noun`` when a counted noun heads the phrase after it ("some
        2,000 newly displaced families", "at least 12 Palestinian civilians", "two of its fighters", "hundreds
        of protesters"), ``tally`` when it is the value of a tally word before it ("put the toll at 28")."""
        n, sent_end = len(lowers), view.sent_ends[start]
        k = end
        if k < n and lowers[k] == "of":
            k += 1
            if k < n and lowers[k] in ("them", "us", "those"):
                return "noun"
            if k < n and lowers[k] in self.partitive:
                k += 1
                if k < n and view.like_num[k]:
                    k += 1  # "8 of the 30 hostages": a part of a group counted by its noun
        elif k < n and lowers[k] in ("-", "–"):
            # "a 25-member crew" counts the crew, "a 3,000-strong force" is a troop strength (guidelines
            # §2.4); other compounds describe an object's make-up or size: "a nine-coach train", "a 51-page report".
            if k + 1 < n and lowers[k + 1] in self.strength_compounds:
                return "actor"
            if k + 1 < n and lowers[k + 1] in self.member_compounds:
                return self._head_kind(lowers, k + 2, sent_end, view.texts)
            return None
        if kind := self._head_kind(lowers, k, sent_end, view.texts):
            return kind
        # "two were freed on Monday and three more on Friday": the rest of a group counted before.
        if (
            end + 1 < n
            and lowers[end] == "more"
            and (lowers[end + 1] in self.bare_followers or not lowers[end + 1][0].isalpha())
        ):
            return "tally"
        # "up from some 8,000 counted by the agency": a revision marker of more than "from" says it
        # whatever follows.
        if any(
            len(p) > 1 and start >= len(p) and tuple(lowers[start - len(p) : start]) == p for p in self.revision_before
        ):
            return "revision"
        if end < n and (lowers[end] in self.bare_followers or not lowers[end][0].isalpha()):
            # "villagers spoke of over 70", "the station reported 25": a reported count is a tally.
            if any(start >= len(p) and tuple(lowers[start - len(p) : start]) == p for p in self.reporting):
                return "tally"
            if any(start >= len(p) and tuple(lowers[start - len(p) : start]) == p for p in self.revision_before):
                return "revision"  # "up from 62", "to 31 from 28"
            # "was revised upward to 34": the tally word stands before the old count.
            revising = (
                start > 1
                and lowers[start - 1] == "to"
                and any(w in self.revision_verbs for w in lowers[max(0, start - 4) : start - 1])
            )
            for k in range(start - 1, max(view.sent_starts[start], start - TALLY_WINDOW) - 1, -1):
                if lowers[k] in self.tally:
                    # "set the number of gunmen at 60": the noun after the tally word is what it counts.
                    if k + 1 < start and lowers[k + 1] == "of":
                        # people named after the tally word are counted by the tally's own category
                        kind = self._head_kind(lowers, k + 2, start)
                        if kind == "actor" and self._held_of(lowers, k + 2, start):
                            return "tally"  # "the tally of suspects held stood at 9": the held are counted
                        return kind if kind in ("thing", "actor") else "tally"
                    return "tally"
                if view.like_num[k] and k > 0 and lowers[k - 1] == "from":
                    return "revision"  # "from 182 in May to 138 in June"
                if view.like_num[k] and not revising:
                    break
        return None

    def _held_of(self, lowers: list[str], first: int, limit: int) -> str | None:
        """The category of people held in a tally's "of" phrase ("a tally of suspects held"): a weak cue
        of captivity after a noun of held_as says what they were held as."""
        words = lowers[first : min(limit, first + 4)]
        if not any(w in self.weak for w in words):
            return None
        return next((self.held[w] for w in words if w in self.held and w not in self.weak), None)

    def _tally_names(self, view, lowers: list[str], start: int) -> str | None:
        """The category the nearest tally word before a count names itself ("toll") or by the word after
        its "of" ("put the count of dead at 19"), None when it names none ("the figure", "the total")."""
        for k in range(start - 1, max(view.sent_starts[start], start - TALLY_WINDOW) - 1, -1):
            if lowers[k] in self.tally:
                if k + 2 < start and lowers[k + 1] == "of":
                    # "the number of dead", "the count of civilians slain", "the number of civilians taken
                    # out of the zone": a word naming a category, or a cue phrase of what befell them (its
                    # single words are in the context already; a verb of people_cues alone is weak)
                    if held := self._held_of(lowers, k + 2, start):
                        return held
                    for m in range(k + 2, min(start, k + 6)):
                        if cat := self.context.get(lowers[m]):
                            return cat
                        hit = self._match_at(lowers, m, self.after_at)
                        if hit and hit[1] > 1 and hit[0] != "other":
                            return hit[0]
                    return None
                return self.context.get(lowers[k])
        return None

    def _head_kind(self, lowers: list[str], first: int, limit: int, texts: list[str] | None = None) -> str | None:
        """What the noun phrase from token ``first`` counts, by its last counted noun ("about 40 cargo-plane
        flights" counts flights): ``thing``, ``actor``, ``noun`` (people), ``people`` (people known by the
        general class of people_class, not the shared list) or None. ``texts`` (the tokens as written)
        lets a capitalised demonym count people ("12 Somalis")."""
        kind = None
        hyphens = sum(1 for w in lowers[first : min(limit, first + 9)] if w in ("-", "–"))
        # "one missile hit the ward", "one drone struck a depot": a count of one takes the singular
        single = first > 0 and lowers[first - 1] == "one"
        for k in range(first, min(limit, first + 5 + hyphens)):  # a hyphen is no word of the phrase
            # the singular right after "one" or its lower-case modifiers, not past a name ("in one Kessa
            # village" reads like "a")
            single = single and (texts is None or texts[k][:1].islower())
            if lowers[k] in self.things or (single and self._singular_thing(lowers[k])):
                kind = "thing"
            elif lowers[k] in self.actors or lowers[k] in self.more_actors:
                kind = "actor"
            elif lowers[k] in self.people:
                kind = "noun"
            elif self._people_word(lowers, texts, k):
                kind = "people"
            elif k > first and lowers[k - 1] in ("-", "–"):
                continue  # "70 hit-and-run raids": inside a hyphenated compound
            elif lowers[k] in QUOTES:
                continue  # 'three new "massacres"': a word the writer quotes is still the noun
            elif lowers[k] in ("'s", "’s"):
                continue  # "three of the region's jails": a possessive before the noun counted
            elif lowers[k] in self.np_breaks or not (lowers[k][0].isalpha() or lowers[k] in ("-", "–")):
                break
        return kind

    def _singular_thing(self, word: str) -> bool:
        """Whether a word is the singular of a counted thing ("missile" of "missiles", "bus" of "buses")."""
        return len(word) > 2 and (word + "s" in self.things or word + "es" in self.things)

    def _people_word(self, lowers: list[str], texts: list[str] | None, k: int) -> bool:
        """Whether token k names people by the general class: a word of people_class.nouns, or a plural
        whose ending names people ("activists", "tribesmen"; "Nigerians" capitalised) that ends its
        noun phrase ("12 Christians were", not "12 Christian schools", nor "two Tunis hotels")."""
        word = lowers[k]
        if word in self.more_people:
            return True
        if word in self.not_people or len(word) < 5:
            return False
        morph = word.endswith(self.people_suffixes) or (
            texts is not None and texts[k][:1].isupper() and word.endswith(self.demonym_suffixes)
        )
        if not morph:
            return False
        nxt = lowers[k + 1] if k + 1 < len(lowers) else "."
        return (
            not nxt[:1].isalpha()
            or nxt in self.phrase_ends
            or nxt in self.after_at
            or nxt in self.sequence_adverbs
            or nxt.endswith("ed")
        )

    def _part_of(self, view, lowers: list[str], start: int, end: int, last: Figure) -> tuple[str, str] | None:
        """ "356 dead, 24 children among them", "including 8 women": a part of the figure before it in the
        sentence, in that figure's category, unless a cue stands right after the number ("among them 7 hurt")."""
        if self._match_at(lowers, end, self.after_at):
            return None
        sent_start = view.sent_starts[start]
        if view.sent_starts[last.span.start] != sent_start:
            # "… killed 23. Among them were 5 officers.": a sentence opening on a part of the last figure
            opener = tuple(lowers[sent_start:start]) in self.part_openers
            previous = sent_start > 0 and view.sent_starts[sent_start - 1] == view.sent_starts[last.span.start]
            return (last.category, f"figures.part.{last.category}") if opener and previous else None
        before = any(start - len(p) >= 0 and tuple(lowers[start - len(p) : start]) == p for p in self.part_before)
        # After the number and its noun: "24 women among them", "109 of them"; not past a comma or a number.
        after = False
        for k in range(end, min(len(lowers), end + 3)):
            marker = next((p for p in self.part_after if tuple(lowers[k : k + len(p)]) == p), None)
            if marker:
                # "two of them were later killed": a fate of their own, not a part of the figure before.
                m = k + len(marker)
                m = self._skip_auxiliaries(lowers, k + len(marker))
                after = m >= len(lowers) or not self._match_at(lowers, m, self.after_at)
                break
            if not view.texts[k][0].isalpha() or view.like_num[k]:
                break
        # "among them 12 women and 9 boys": the list goes on after a part.
        between = lowers[last.span.end : start]
        listed = (
            last.rule.startswith("figures.part.")
            and 0 < len(between) <= 3
            and "and" in between
            and all(w.isalpha() and w not in self.context for w in between)
        )
        if not (before or after or listed):
            return None
        return last.category, f"figures.part.{last.category}"

    def _previous_category(
        self, view, lowers: list[str], start: int, end: int, rule: str, figures: list[Figure]
    ) -> tuple[str, str]:
        """A count whose sentence names no category goes on counting what the figure before it counts when
        it refers back to that figure: a tally ("gave the total as 12,500"), the rest of a group ("Four
        more stayed in a clinic", "the remaining 40"), or a count in the same sentence. A new
        sentence about other people ("30 residents moved away") counts ``other``."""
        if not figures:
            return "other", f"{rule}.other"
        last = figures[-1]
        same_sentence = view.sent_starts[last.span.start] == view.sent_starts[start]
        paragraph = "\n" not in "".join(view.texts[last.span.end : start])
        # "Twelve of them are minors": "of them" refers back to the people the figure before counted.
        rest = (
            (end < len(lowers) and lowers[end] in self.rest_after)
            or (start > 0 and lowers[start - 1] in self.rest_before)
            or any(tuple(lowers[end : end + len(p)]) == p for p in self.part_after)
        )
        if same_sentence or (paragraph and (rule == "figures.tally" or rest)):
            return last.category, f"figures.previous.{last.category}"
        if rule == "figures.tally" and self._definite_tally(view, lowers, start):
            # "- By March the figure had reached 58": a definite tally word refers back to the count
            # before it across a line break too (a bulleted timeline restates one running toll).
            return last.category, f"figures.previous.{last.category}"
        if rule in ("figures.noun", "figures.people") and start > 0 and lowers[start - 1] in self.pronoun_determiners:
            # "the 25 crew were flown home": a count repeated with "the" counts the people counted before
            value = normalise_figure(" ".join(view.texts[start:end]))
            for before in reversed(figures):
                if value is not None and before.value == value[0] and before.category != "other":
                    return before.category, f"figures.repeat.{before.category}"
        if rule in ("figures.noun", "figures.people") and (group := self._named_group(lowers, end)):
            # "three deckhands were among the crew": counted like the figure before that counted the crew
            for before in reversed(figures):
                if group in lowers[before.span.end : before.span.end + 4] and before.category != "other":
                    return before.category, f"figures.group.{before.category}"
        return "other", f"{rule}.other"

    def _definite_tally(self, view, lowers: list[str], start: int) -> bool:
        """Whether the nearest tally word before a count in its sentence is definite ("the figure", "that
        total"), so refers back to a count already given."""
        for k in range(start - 1, max(view.sent_starts[start], start - TALLY_WINDOW) - 1, -1):
            if lowers[k] in self.tally:
                return k > 0 and lowers[k - 1] in self.definite_tally
        return False

    def _named_group(self, lowers: list[str], end: int) -> str | None:
        """The noun of a group the article has named before, when one of ``group_parts`` makes the count a
        part of it ("40 of the pupils came home", "three deckhands were among the crew")."""
        for k in range(end, min(len(lowers), end + 5)):
            phrase = next((p for p in self.group_parts if tuple(lowers[k : k + len(p)]) == p), None)
            if phrase is not None:
                # "the crew", "the abducted pupils": a counted noun within three words, else the first word
                after = lowers[k + len(phrase) : k + len(phrase) + 3]
                return next((w for w in after if w in self.people or w in self.actors), after[0] if after else None)
            if (lowers[k] in self.np_breaks and lowers[k] not in self.auxiliaries) or not lowers[k].isalpha():
                return None
        return None

    def _sentence_category(
        self, view, lowers: list[str], num: list[bool], start: int, end: int, own: bool = False
    ) -> str | None:
        """The category named nearest to the number in its sentence, None when none is."""
        best, best_distance, at = None, len(lowers), -1
        sent_start, sent_end = view.sent_starts[start], view.sent_ends[start]
        # A semicolon joins sentences of their own: "the boat carried 40 migrants; 12 bodies were found".
        sent_start = next((k + 1 for k in range(start - 1, sent_start - 1, -1) if lowers[k] == ";"), sent_start)
        sent_end = next((k for k in range(end, sent_end) if lowers[k] == ";"), sent_end)
        # Not into a clause opened after the count: "thousands of residents remain without water after
        # 11 were killed" names no category for the thousands. A clause before it may set the scene for
        # it ("the swap took place on Friday, when 20 soldiers came home").
        last = sent_end
        for k in range(end, sent_end):
            if lowers[k] in self.clause_breaks:
                last = k
                break
        # ... unless what it says there is told of another count: "3 officers were hurt when about 2,000
        # protesters clashed with police" names no category for the protesters.
        opened = next((k for k in range(start - 1, sent_start - 1, -1) if lowers[k] in self.clause_breaks), -1)
        told_of_another = False
        for k in range(sent_start, last):
            cat = self.context.get(lowers[k])
            if cat is not None and k < opened and any(num[max(sent_start, k - WINDOW_AFTER) : k]):
                told_of_another = True
                continue
            # "has 3,000 fighters and killed 40": a verb right before another count is that count's cue.
            if (
                cat is not None
                and not start <= k < end
                and not self._governs_next(lowers, num, k + 1)
                and not self._kin_of(lowers, k, sent_start)
            ):
                distance = start - k if k < start else k - end
                if distance < best_distance:
                    best, best_distance, at = cat, distance, k
        if best in ("hostage", "detained") and lowers[at] in self.weak:
            return self._held_as(lowers, at, sent_start, sent_end)  # "were released": released from what?
        # People counted in a clause of their own are other when what the sentence says is told of
        # another count; a tally still refers back to the figure before it.
        return "other" if own and best is None and told_of_another else best

    def _subset(self, view, lowers: list[str], start: int, end: int, figures: list[Figure]) -> tuple[str, str] | None:
        """ "90 dead. Twelve were women: four were over sixty": a bare number opening a clause before
        "were" counts part of the figure just before it, in the same or the previous sentence."""
        if not figures or end >= len(lowers) or lowers[end] not in self.subset_verbs:
            return None
        if lowers[start] == "one" or (start > 0 and lowers[start - 1] in ("the", "these", "those", "other")):
            return None  # "one was Canadian", "the two were freed", "the other 25 are": pronouns (guidelines §2.4)
        last = figures[-1]
        sent_start = view.sent_starts[start]
        previous_start = view.sent_starts[sent_start - 1] if sent_start > 0 else 0
        if last.span.start < previous_start:
            return None
        return last.category, f"figures.subset.{last.category}"

    def _gapped(self, view, lowers: list[str], start: int, end: int, figures: list[Figure]) -> tuple[str, str] | None:
        """ "killed 12 in Alda and 8 near Berro": a bare count after "and" or a comma and before a
        preposition repeats the verb of the figure before it in its sentence."""
        if not figures or start == 0 or end >= len(lowers):
            return None
        # "… and another two in Y", "… and a further 8 near Z": a determiner of addition may stand between
        joint = start - 1
        for phrase in self.gap_determiners:
            if joint - len(phrase) >= 0 and tuple(lowers[joint - len(phrase) + 1 : joint + 1]) == phrase:
                joint -= len(phrase)
                break
        if lowers[joint] not in ("and", ",") or lowers[end] not in self.gap_prepositions:
            return None
        last = figures[-1]
        if view.sent_starts[last.span.start] != view.sent_starts[start]:
            return None
        return last.category, f"figures.gapped.{last.category}"

    def _listed_with(self, view, lowers: list[str], runs: list, i: int) -> tuple[str, str] | None:
        """The cue of a count joined to this one in a list of people ("two nurses and six boys had
        died", "killed 84 guards and 47 soldiers"), when that count has a cue word of its own and no word
        between the two names another category."""
        start, end, _ = runs[i]
        for j in (i + 1, i - 1):
            if not 0 <= j < len(runs) or runs[j][2] is None or not runs[j][2][1].startswith(OWN_CUES):
                continue
            left, right = (end, runs[j][0]) if j > i else (runs[j][1], start)
            between = lowers[left:right]
            if (
                view.sent_starts[runs[j][0]] == view.sent_starts[start]
                and 0 < right - left <= 4
                and any(w in ("and", ",") for w in between)
                and not any(w in self.np_breaks and w != "and" for w in between)  # "57, with 112 injured"
                and not any(
                    w in STOP or w in self.context or self._before_cue(lowers, k, left)
                    for k, w in enumerate(between, left)
                )
            ):
                return runs[j][2][0], f"figures.list.{runs[j][2][0]}"
        return None

    def _alternative(self, lowers: list[str], runs: list, i: int) -> tuple[str, str] | None:
        """ "11 or 12 hostages", "at least 12 — and possibly 20 — people were killed": a count offered as an
        alternative to the next one is a figure of its own in that one's category (guidelines §2.4)."""
        if i + 1 >= len(runs) or runs[i + 1][2] is None or runs[i + 1][2][0] == UNNAMED:
            return None
        between = lowers[runs[i][1] : runs[i + 1][0]]
        if not between or len(between) > self.alternative_gap:
            return None
        if not all(w in self.alternative_words for w in between):
            return None
        if not any(w in self.alternative_marks for w in between):
            return None
        cat = runs[i + 1][2][0]
        return cat, f"figures.alternative.{cat}"

    def _from_list(self, doc: Doc, lowers: list[str], runs: list, i: int) -> tuple[str, str] | None:
        """A count with no cue of its own inside a list of counts takes its neighbour's category:
        "40 soldiers and 25 civilians were freed", "80 bodies, 52 of them men"."""
        start, end, _ = runs[i]
        if end >= len(doc) or not (doc[end].is_alpha and doc[end].is_lower):
            return None  # a count is followed by what it counts ("120 civilians", "109 of them")
        sent_starts = sentence_bounds(doc)[0]
        for j in (i - 1, i + 1):
            if not 0 <= j < len(runs) or runs[j][2] is None:
                continue
            left, right = (runs[j][1], start) if j < i else (end, runs[j][0])
            between = lowers[left:right]
            if (
                sent_starts[runs[j][0]] == sent_starts[start]
                and 0 < right - left <= LIST_GAP
                and any(w in self.list_joiners for w in between)
                and not any(doc[k].text in STOP for k in range(left, right))
                # "14 died and one survived": a word of fate between the two closes the first count's clause
                # ("30 were hurt, 21 of whom ..." goes on counting them)
                and (lowers[end] == "of" or not any(w in self.context for w in between))
            ):
                cat = runs[j][2][0]
                return cat, "figures.list" if cat == UNNAMED else f"figures.list.{cat}"
        return None
