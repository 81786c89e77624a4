"""Places no gazetteer holds, found by where they stand (guidelines §2.3: towns, districts and
regions with an administration are GPE).

* after a location preposition or "the town of", "west of" ("killed in Tarhuna", "near Palma",
  "north of Zabuli"), with the places listed after it ("near A and B", "in A, B and C");
* before a lower-case administrative designator or a place's office ("the Kalinov district",
  "the Marsk and Tovar regions", "Dravnik governor"), the designator outside the span; before
  a natural feature's designator ("Kerra island", "the Dalo peninsula") it is LOC;
* in a dateline ("ARDAN —", "ARDAN/BELMONT, May 2 —"), each upper-case place.

All vocabulary is in ``data/entities.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from spacy.tokens import Doc, Span

from .entities import token_flags, token_view

# The finders read the doc's plain per-token lists (``token_view``, ``token_flags``) rather than
# ``doc[k].attr``: indexing a Doc builds a Token object at every look, and they look at most tokens.

POSSESSIVE = ("'s", "’s")
DASHES = ("—", "–", "-", "--")


class PlaceVocabulary:
    def __init__(self, vocab: dict):
        self.settlements = frozenset(vocab["settlement_nouns"])
        self.preps = frozenset(vocab["place_preps"])
        self.of_nouns = frozenset(vocab["place_of_nouns"])
        self.not_place = frozenset(vocab["not_name"])
        self.particles = frozenset(vocab["place_particles"])
        self.connectors = frozenset(vocab["place_connectors"])
        self.hyphen_particles = frozenset(vocab["place_hyphen_particles"])
        self.natural = frozenset(vocab["place_natural_designators"])
        self.heads = frozenset(vocab["place_heads"])
        self.designators = frozenset(vocab["place_designators"])
        self.offices = frozenset(vocab["place_offices"])
        self.not_dateline = frozenset(vocab["not_dateline"])
        self.report_verbs = frozenset(vocab.get("report_verbs", ()))
        self.compass = frozenset(vocab["place_compass_adjectives"])
        self.people_after = frozenset(vocab["people_nouns_after"])
        # Cue phrases by their last word, so that a token is looked up once ("air strike on" under "on").
        self.cues: dict[str, list[tuple[str, ...]]] = {}
        for phrase in vocab["place_cues_before"] + vocab["place_cues_one_word"]:
            cue = tuple(phrase.split())
            self.cues.setdefault(cue[-1], []).append(cue)
        # Cues that take people as often: only a one-word name after them is a place ("captured Dorvo").
        self.one_word_cues = {tuple(p.split()) for p in vocab["place_cues_one_word"]}
        self.party_nouns = frozenset(vocab["body_modified_nouns"]) | self.people_after
        self.compounds = frozenset(vocab["place_compound_words"])
        self.designator_prefixes = frozenset(vocab["place_designator_prefixes"])
        self.designator_modifiers = frozenset(vocab["place_designator_modifiers"])
        self.seats = frozenset(vocab["place_seats"])
        self.seat_preps = frozenset(vocab["place_seat_preps"])
        self.name_words: dict[str, bool] = {}  # see _name_word


_VOCABULARIES: dict[int, tuple[dict, PlaceVocabulary]] = {}


def place_vocabulary(vocab: dict) -> PlaceVocabulary:
    """The sets of one vocabulary dict, made once: five place finders run on every document."""
    entry = _VOCABULARIES.get(id(vocab))
    if entry is None or entry[0] is not vocab:  # holding the dict keeps its id from being reused
        entry = _VOCABULARIES[id(vocab)] = (vocab, PlaceVocabulary(vocab))
    return entry[1]


def _name_word(doc: Doc, k: int, words: PlaceVocabulary) -> bool:
    # A pure function of the word's text, asked at most tokens by every place finder: remembered.
    text = token_view(doc).texts[k]
    known = words.name_words.get(text)
    if known is None:
        if len(words.name_words) > 200_000:
            words.name_words.clear()
        w = doc[k]
        known = words.name_words[text] = w.is_title and w.is_alpha and len(w) > 1 and w.text not in words.not_place
    return known


def _joins(doc: Doc, k: int, words: PlaceVocabulary) -> int:
    """How many tokens from k join two words of one place name: a tight hyphen ("Ouham-Pende",
    "North-West"), an article with its hyphen ("Ayta ash-Shab"), a particle ("Lanao del Sur") or a
    particle between tight hyphens ("Croix-des-Bouquets")."""
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    if (
        k + 3 < len(doc)
        and k > 0
        and texts[k] == "-"
        and lowers[k + 1] in words.hyphen_particles
        and texts[k + 2] == "-"
        and not any(t.whitespace_ for t in doc[k - 1 : k + 3])
        and _name_word(doc, k + 3, words)
    ):
        return 3
    if k + 1 >= len(doc) or not _name_word(doc, k + 1, words):
        if k + 2 < len(doc) and lowers[k] in words.particles and texts[k + 1] == "-" and flags.is_title[k + 2]:
            return 3
        return 0
    if texts[k] == "-" and not flags.spacy[k] and k > 0 and not flags.spacy[k - 1]:
        return 2
    if lowers[k] in words.connectors:
        return 2
    return 0


def _name_end(doc: Doc, start: int, taken: Sequence[bool], words: PlaceVocabulary) -> int:
    """End of a run of one to five capitalised words from ``start`` (``start`` when there is none)."""
    end = start
    while end < len(doc) and end - start < 5 and not taken[end]:
        if _name_word(doc, end, words):
            end += 1
        elif end > start and (step := _joins(doc, end, words)) and not any(taken[end : end + step]):
            end += step
        else:
            break
    return end


def _ends_name(doc: Doc, end: int) -> bool:
    """A following capitalised word, possessive or dash means a longer name or an owner."""
    view, flags = token_view(doc), token_flags(doc)
    lowers = view.lowers
    return end >= len(doc) or not (flags.is_title[end] or lowers[end] in (*POSSESSIVE, "-"))


def _next_in_list(doc: Doc, end: int) -> tuple[int, bool] | None:
    """Where the next item of a list of places starts, and whether "and"/"or" joins it: after
    ", ", " and ", ", and "."""
    view = token_view(doc)
    texts, lowers = view.texts, view.lowers
    if end + 1 < len(doc) and texts[end] == "," and lowers[end + 1] in ("and", "or"):
        return end + 2, True
    if end < len(doc) and lowers[end] in ("and", "or"):
        return end + 1, True
    if end < len(doc) and texts[end] == ",":
        return end + 1, False
    return None


def _modifies_plural(doc: Doc, end: int, words: PlaceVocabulary) -> bool:
    """A lower-case plural noun right after a name makes the name its modifier ("Dorvo
    positions", "Kalash rifles"); a verb ending in -s is followed by its object ("kills six")."""
    view, flags = token_view(doc), token_flags(doc)
    lowers = view.lowers
    if end >= len(doc) or not flags.is_lower[end]:
        return False
    lower = lowers[end]
    if lower in words.party_nouns:
        return True
    after = doc[end + 1] if end + 1 < len(doc) else None
    return (
        lower.endswith("s")
        and not lower.endswith("ss")
        and not (after is not None and (after.like_num or after.lower_ in ("a", "an", "the", "at", "least")))
    )


def _cue_ends_at(lowers: Sequence[str], i: int, cues: Sequence[tuple[str, ...]]) -> bool:
    return any(i + 1 >= len(cue) and tuple(lowers[i + 1 - len(cue) : i + 1]) == cue for cue in cues)


def place_mentions(doc: Doc, named: Sequence[Span], claimed: Sequence[bool], vocab: dict) -> list[Span]:
    """Places after a location preposition, a cue of taking or striking ("seized", "an attack
    on"), "<settlement> of" or "<compass> of", and the places
    listed after the first. A list may pass through places already named ("in Tartous, Kessab
    and Hama"). Items after a bare comma count only when the list ends in "and"/"or": "in Lagos,
    Ade Bello, the governor, said" is no list; an item followed by a reporting verb is a speaker
    and ends the list. A name whose last word is a kind of place ("Tayaran Square") is LOC.
    """
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    words = place_vocabulary(vocab)
    taken = list(claimed)
    place_end = {m.start: m.end for m in named if m.label_ in ("GPE", "LOC")}
    found = []
    for i in range(len(doc) - 1):
        if lowers[i] in words.preps and not (i > 0 and lowers[i - 1] == "according"):
            rule, start = "places.after_preposition", i + 1
        elif lowers[i] == "of" and i > 0 and (lowers[i - 1] in words.settlements or lowers[i - 1] in words.of_nouns):
            rule, start = "places.settlement_of", i + 1
        elif lowers[i] in words.cues and _cue_ends_at(lowers, i, words.cues[lowers[i]]):
            # "the rebels seized Dorvo", "an air strike on Kelmar": the object of taking or striking.
            rule, start = "places.after_cue", i + 1
            one_word = any(tuple(lowers[i + 1 - len(c) : i + 1]) == c for c in words.one_word_cues if i + 1 >= len(c))
            if one_word and (_name_end(doc, start, taken, words) != start + 1 or start in place_end):
                continue
        elif lowers[i] in words.compass and flags.is_lower[i]:
            # "in northern Kelmar", "much of south-western Tarsa": a part of a land by its compass point.
            rule, start = "places.after_compass", i + 1
        else:
            continue
        joined, pending = True, list[Span]()  # items after a bare comma wait for an "and" that closes the list
        while start < len(doc):
            item = None
            if start in place_end:
                end = place_end[start]
            else:
                end = _name_end(doc, start, taken, words)
                if end == start or not _ends_name(doc, end):
                    break
                if rule == "places.after_compass" and end < len(doc) and lowers[end] in words.people_after:
                    break  # "northern Kelmari fighters": a people's name before its men, no place
                if rule == "places.after_cue" and _modifies_plural(doc, end, words):
                    break  # "an attack on Dorvo positions", "seized Kalash rifles": a modifier, not a place
                if rule == "places.list" and end < len(doc) and lowers[end] in words.report_verbs:
                    break
                label = "LOC" if texts[start] in words.heads or texts[end - 1] in words.heads else "GPE"
                item = Span(doc, start, end, label=label, span_id=rule)
                taken[start:end] = [True] * (end - start)
            if joined:
                found += pending + ([item] if item is not None else [])
                pending = []
            elif item is not None:
                pending.append(item)
            nxt = _next_in_list(doc, end)
            if nxt is None:
                break
            (start, joined), rule = nxt, "places.list"
        for span in pending:
            taken[span.start : span.end] = claimed[span.start : span.end]
    return found + _bracketed_names(doc, [m for m in named if m.label_ in ("GPE", "LOC")] + found, taken, words)


def _bracketed_names(doc: Doc, places: Sequence[Span], taken: list[bool], words: PlaceVocabulary) -> list[Span]:
    """A place's other name in brackets right after it ("Dorvo (Dorvi)", "in Marsk (Marsko)
    province"): news gives the name in both languages or both sides' usage. An upper-case
    acronym is left to the acronym finder."""
    view = token_view(doc)
    texts = view.texts
    found = []
    for place in places:
        k = place.end
        if k + 2 >= len(doc) or texts[k] != "(" or taken[k + 1]:
            continue
        end = _name_end(doc, k + 1, taken, words)
        if end == k + 1 or end - k - 1 > 3 or end >= len(doc) or texts[end] != ")":
            continue
        if end + 1 < len(doc) and texts[end + 1] in DASHES:
            continue  # "KYIV, Ukraine (Wire) —": a dateline's news agency
        found.append(Span(doc, k + 1, end, label=place.label_, span_id="places.bracketed"))
        taken[k + 1 : end] = [True] * (end - k - 1)
    return found


def designated_places(doc: Doc, claimed: Sequence[bool], vocab: dict) -> list[Span]:
    """A capitalised name before a lower-case designator or office ("the Kalinov district", "Marsk
    region", "Dravnik governor") is a GPE without the designator (guidelines §2.3); before a plural
    designator, a name joined by "and" is one too ("the Marsk and Tovar regions")."""
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    words = place_vocabulary(vocab)
    lowers = view.lowers
    taken = list(claimed)
    found: list[Span] = []

    def name_before(end: int) -> int:
        start = end
        while start > 0 and end - start < 5 and not taken[start - 1]:
            if _name_word(doc, start - 1, words):
                start -= 1
            elif start < end and start > 1 and _joins(doc, start - 1, words) == 2 and _name_word(doc, start - 2, words):
                start -= 2  # "Ouham-Pende", "Lanao del Sur"
            elif start < end and start > 3 and _joins(doc, start - 3, words) == 3 and _name_word(doc, start - 4, words):
                start -= 4  # "Croix-des-Bouquets"
            elif (
                start < end
                and start > 2
                and lowers[start - 2] in words.particles
                and _joins(doc, start - 2, words) == 3
            ):
                start -= 2  # "Bab al-Sharqi": an article with its hyphen, the name before it goes on
            else:
                break
        # "Visiting Lac province": a sentence's opening participle is no part of the name.
        opens = flags.sent_start[start] or (start > 0 and flags.is_space[start - 1])  # after a paragraph break
        if start < end - 1 and opens and lowers[start].endswith("ing"):
            start += 1
        return start

    compounds = words.compounds
    prefixes = words.designator_prefixes
    modifiers = words.designator_modifiers
    for k, lower in enumerate(lowers):
        if lower in compounds and k > 1 and texts[k - 1] == "-" and not flags.spacy[k - 2]:
            # "the Dorvo-based group", "a Kelmar-born commander": the place alone is annotated.
            if not taken[k - 2] and not flags.spacy[k - 1]:
                start = name_before(k - 1)
                if start < k - 1 and (start == 0 or lowers[start - 1] != "-"):
                    found.append(Span(doc, start, k - 1, label="GPE", span_id="places.compound"))
                    taken[start : k - 1] = [True] * (k - 1 - start)
            continue
        rule = (
            "places.designator"
            if lower in words.designators
            else "places.natural"
            if lower in words.natural
            else "places.office"
            if lower in words.offices
            else None
        )
        if rule is None or k == 0 or not flags.is_lower[k]:
            continue
        if rule == "places.natural" and k >= 4 and lowers[k - 1] == ")" and lowers[k - 3] == "(":
            # "the Bazu (Bazo) cave": the name in another spelling is the feature too.
            for begin, end in ((k - 2, k - 1), (name_before(k - 3), k - 3)):
                free = begin < end and not any(taken[begin:end])
                if free and all(_name_word(doc, t, words) for t in range(begin, end)):
                    found.append(Span(doc, begin, end, label="LOC", span_id=rule))
                    taken[begin:end] = [True] * (end - begin)
            continue
        end = k
        if (
            k >= 3
            and lowers[k - 1] == "-"
            and lowers[k - 2] in prefixes
            and not any(t.whitespace_ for t in doc[k - 2 : k])
        ):
            end = k - 2  # "Karambi sub-county", "the Tessa sub-prefecture"
        elif rule == "places.designator" and k >= 2 and lowers[k - 1] in modifiers and flags.is_lower[k - 1]:
            end = k - 1  # "the Dorvo commercial district", "the Kessa border area"
        if taken[end - 1]:
            continue
        start = name_before(end)
        if start == end:
            continue
        label = "LOC" if rule == "places.natural" else "GPE"
        found.append(Span(doc, start, end, label=label, span_id=rule))
        taken[start:end] = [True] * (end - start)
        if rule == "places.designator" and start >= 2 and lowers[start - 1] in POSSESSIVE and not taken[start - 2]:
            # "Dorvo's Kamba district": a district's owner is a place too.
            owner = name_before(start - 1)
            if owner < start - 1 and (owner == 0 or not flags.is_title[owner - 1]):
                found.append(Span(doc, owner, start - 1, label="GPE", span_id="places.designator_owner"))
                taken[owner : start - 1] = [True] * (start - 1 - owner)
        if lower.endswith("s") and start >= 2 and lowers[start - 1] == "and":
            # "the Marsk and Tovar regions", "Tembo, Kivala and Mushaki villages": every item of
            # the list before a plural designator is one.
            sep = start - 1
            while sep >= 1:
                first = name_before(sep)
                if first == sep:
                    break
                found.append(Span(doc, first, sep, label=label, span_id=rule))
                taken[first:sep] = [True] * (sep - first)
                if first >= 2 and lowers[first - 1] == "," and not taken[first - 2]:
                    sep = first - 1
                else:
                    break
    return found


def dateline_mentions(doc: Doc, claimed: Sequence[bool], vocab: dict) -> list[Span]:
    """Upper-case places opening a line and closed by a dash, directly or after a comma and a few
    words ("ARDAN —", "ARDAN/BELMONT —", "ARDAN, Norland —"; guidelines §2.3, datelines). Live-blog
    labels ("LATEST —") are no places."""
    view, flags = token_view(doc), token_flags(doc)
    texts = view.texts
    words = place_vocabulary(vocab)
    found: list[Span] = []
    for line_start in _line_starts(doc):
        places, k = [], line_start
        while True:
            end = k
            while end < len(doc) and (
                (
                    texts[end].isupper()
                    and texts[end].replace("'", "").replace("’", "").isalpha()
                    and len(texts[end]) > 1
                )
                or (texts[end] == "-" and end > k and not flags.spacy[end - 1] and not flags.spacy[end])
            ):
                end += 1
            if end == k or texts[end - 1] == "-":
                break
            places.append((k, end))
            if end < len(doc) and texts[end] == "/":
                k = end + 1
                continue
            k = end
            break
        if not places or k >= len(doc) or not _closed_by_dash(doc, k):
            continue
        for start, end in places:
            if doc[start:end].text not in words.not_dateline and not any(claimed[start:end]):
                found.append(Span(doc, start, end, label="GPE", span_id="places.dateline"))
    return found


def _line_starts(doc: Doc) -> list[int]:
    # spaCy keeps a line break as a whitespace token of its own, never as a token's trailing space.
    # So only whitespace tokens (``is_space``) can hold one: they are picked out in C, then looked at.
    texts, spaces = token_view(doc).texts, token_flags(doc).is_space
    return [0] * bool(texts) + [i + 1 for i in compress(range(len(texts) - 1), spaces) if "\n" in texts[i]]


def _closed_by_dash(doc: Doc, k: int) -> bool:
    """A dash right at ``k``, after an agency's credit in brackets, or after a comma and at most
    eight tokens of the same line."""
    view = token_view(doc)
    texts = view.texts
    if texts[k] in DASHES:
        return True
    if texts[k] == "(":
        # "ARDAN (Wire) —": the agency's credit in brackets before the dash.
        close = next((j for j in range(k + 1, min(len(doc), k + 6)) if texts[j] == ")"), None)
        return close is not None and close + 1 < len(doc) and texts[close + 1] in DASHES
    if texts[k] != ",":
        return False
    for j in range(k + 1, min(len(doc), k + 10)):
        if "\n" in texts[j]:
            return False
        if texts[j] in DASHES:
            return True
    return False


def _phrase_at(texts: Sequence[str], k: int, phrases: Sequence[tuple[str, ...]]) -> int:
    """Length of the longest phrase (as written, case kept) that starts at token k; 0 when none."""
    return next((len(p) for p in phrases if tuple(texts[k : k + len(p)]) == p), 0)


def named_designator_places(
    doc: Doc, named: Sequence[Span], claimed: Sequence[bool], vocab: dict
) -> tuple[list[Span], dict[Span, Span]]:
    """A capitalised name closed by a capitalised administrative designator is one GPE, the
    designator inside (guidelines §2.3: "Borno State", "Sagaing Region", "Nasir County", "Jere
    Local Government Area"). A place already found joins its designator ("Upper Nile" + "State").
    A designator that opens an institution's name ("Kaduna State Government") is left to it.
    A natural feature's capitalised prefix makes a LOC ("Lake Chad", "Mount Elgon").
    Returns (new mentions, {replaced mention: its replacement})."""
    view, flags = token_view(doc), token_flags(doc)
    texts = view.texts
    words = place_vocabulary(vocab)
    natural_names = {tuple(_split_words(p)) for p in vocab["place_natural_names"]}
    designators = sorted(
        {tuple(_split_words(p)) for p in vocab["place_name_designators"] + vocab["place_suffixes"]} | natural_names,
        key=len,
        reverse=True,
    )
    institutions = frozenset(vocab["institution_heads"]) | {"Government"}
    firsts = {p[0] for p in designators}
    place_ending_at = {m.end: m for m in named if m.label_ in ("GPE", "LOC")}
    org_ends = {m.end for m in named if m.label_ == "ORG"}
    taken = list(claimed)
    found: list[Span] = []
    replaced: dict[Span, Span] = {}
    place_starting_at = {m.start: m for m in named if m.label_ in ("GPE", "LOC")}
    natural = frozenset(vocab["place_natural_prefixes"])

    of_prefixes = frozenset(vocab["place_natural_of_prefixes"])
    for k, text in enumerate(texts):
        if text in of_prefixes and k + 2 < len(doc) and texts[k + 1] == "of" and not taken[k + 2]:
            # "the Gulf of Dorvo", "the Strait of Kelm": a natural feature named by "<prefix> of".
            word = place_starting_at.get(k)
            if word is None and taken[k]:
                continue
            inner = place_starting_at.get(k + 2)
            end = inner.end if inner is not None else _name_end(doc, k + 2, taken, words)
            if end > k + 2 and _ends_name(doc, end):
                span = Span(doc, k, end, label="LOC", span_id="places.natural_of")
                found.append(span)
                for old in (word, inner):
                    if old is not None:
                        replaced[old] = span
                taken[k:end] = [True] * (end - k)
            continue
        if text in natural and not taken[k] and k + 1 < len(doc):
            # "Lake Chad", "Mount Sinjar": a natural feature named by a capitalised prefix is LOC,
            # even where its name is also a state's.
            inner = place_starting_at.get(k + 1)
            end = inner.end if inner is not None else _name_end(doc, k + 1, taken, words)
            if end > k + 1 and _ends_name(doc, end):
                span = Span(doc, k, end, label="LOC", span_id="places.natural_prefix")
                found.append(span)
                if inner is not None:
                    replaced[inner] = span
                taken[k:end] = [True] * (end - k)
                continue
            # "the Mbari River", "Dorvo Lake": the word closes a name instead
        if text not in firsts or k == 0 or taken[k]:
            continue
        size = _phrase_at(texts, k, designators)
        end = k + size
        if not size or (end < len(doc) and texts[end] in institutions):
            continue
        inner = place_ending_at.get(k)
        if inner is not None:
            start = inner.start
        else:
            start = k
            while start > 0 and k - start < 4 and not taken[start - 1] and _name_word(doc, start - 1, words):
                start -= 1
            if start == k or (start > 0 and (texts[start - 1] in ("-", "–") or flags.is_title[start - 1])):
                continue
        # "Liberation Front Norland Province", "the group's Westmarch Province": a group's branch.
        if start in org_ends or (start > 1 and texts[start - 1] in POSSESSIVE and start - 1 in org_ends):
            continue
        if tuple(texts[k:end]) in natural_names:
            # "Juba River", "Nuba Mountains": a natural feature is LOC; "Black Sea Fleet" is no place.
            if end < len(doc) and flags.is_title[end]:
                continue
            span = Span(doc, start, end, label="LOC", span_id="places.natural_name")
        else:
            span = Span(doc, start, end, label="GPE", span_id="places.named_designator")
        found.append(span)
        if inner is not None:
            replaced[inner] = span
        taken[start:end] = [True] * (end - start)
    return found, replaced


def _split_words(phrase: str) -> list[str]:
    # spaCy splits an inner hyphen off as a token of its own ("Self-Administered").
    return phrase.replace("-", " - ").split()


def apposed_places(doc: Doc, claimed: Sequence[bool], vocab: dict) -> list[Span]:
    """A capitalised name followed by an apposition that says what kind of place it is: "Dorvo, a
    farming village near the border", "Marsk, the regional capital". Up to three modifiers stand
    between the article and the noun ("the strategic hilltop town"). A name followed by ", where"
    is a place too ("Dorvo, where the convoy stopped")."""
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    words = place_vocabulary(vocab)
    nouns = frozenset(vocab["place_apposition_nouns"])
    taken = list(claimed)
    found: list[Span] = []
    units = frozenset(vocab["place_distance_units"])
    hedges = frozenset(vocab["place_distance_hedges"])
    relatives = frozenset(vocab["place_relatives"])
    # "Kelmar Airways, where she worked": a body's word in the name makes it no place.
    institutions = frozenset(vocab["not_person_words"])
    # "Tessa Point, where", "Lake Dorvo, where": a natural feature or a facility is LOC.
    natural = words.heads | frozenset(vocab["place_natural_names"]) | frozenset(vocab["place_natural_prefixes"])
    owner: Span | None = None
    for k, lower in enumerate(lowers):
        if lower != "," or k == 0 or taken[k - 1] or k + 2 >= len(doc):
            continue
        owner = None
        if lowers[k + 1] in ("a", "an", "the") or (view.like_num[k + 1] and flags.is_alpha[k + 1]):
            j = k + 2  # "Dorvo, a village", "Dorvo and Marsk, two villages"
        elif (j := _owner_end(doc, k + 1, taken, words)) > k + 1:
            # "Dorvo, Kelmar's capital": the owner, a capitalised name with a possessive, is a place too.
            owner = Span(doc, k + 1, j - 1, label="GPE", span_id="places.apposition_owner")
        elif lowers[k + 1] in relatives:
            # "troops reached Dorvo, where 20 died": only a place takes a relative "where".
            start = _place_start(doc, k, taken, words)
            if start is not None and not any(w in institutions for w in lowers[start:k]):
                label = "LOC" if any(t.text in natural for t in doc[start:k]) else "GPE"
                found.append(Span(doc, start, k, label=label, span_id="places.where"))
                taken[start:k] = [True] * (k - start)
            continue
        elif _distance_of(doc, k + 1, units, hedges):
            # "Dorvo, about 40 km north of Marsk": a place placed at a distance from another.
            start = _place_start(doc, k, taken, words)
            if start is not None:
                found.append(Span(doc, start, k, label="GPE", span_id="places.apposition_distance"))
                taken[start:k] = [True] * (k - start)
            continue
        else:
            continue
        while j < len(doc) and j - (k + 2) < 3 and lowers[j] not in nouns and flags.is_lower[j]:
            j += 1
        if j >= len(doc) or lowers[j] not in nouns or not flags.is_lower[j]:
            continue
        if owner is not None:
            found.append(owner)
            taken[owner.start : owner.end] = [True] * len(owner)
        start = k
        while start > 0 and k - start < 4 and not taken[start - 1] and _name_word(doc, start - 1, words):
            start -= 1
        if start == k or (start > 0 and (flags.is_title[start - 1] or texts[start - 1] in ("-", "–"))):
            continue
        found.append(Span(doc, start, k, label="GPE", span_id="places.apposition"))
        taken[start:k] = [True] * (k - start)
        if lowers[j].endswith("s") and start >= 2 and lowers[start - 1] == "and":
            # "Dorvo and Marsk, two villages on the road": both are.
            first = _place_start(doc, start - 1, taken, words)
            if first is not None:
                found.append(Span(doc, first, start - 1, label="GPE", span_id="places.apposition"))
                taken[first : start - 1] = [True] * (start - 1 - first)
    return found


def _place_start(doc: Doc, k: int, taken: Sequence[bool], words: PlaceVocabulary) -> int | None:
    """Start of a capitalised name of up to four words ending before token k, not inside a longer name."""
    view, flags = token_view(doc), token_flags(doc)
    texts = view.texts
    start = k
    while start > 0 and k - start < 4 and not taken[start - 1] and _name_word(doc, start - 1, words):
        start -= 1
    if start == k or (start > 0 and (flags.is_title[start - 1] or texts[start - 1] in ("-", "–"))):
        return None
    return start


def _owner_end(doc: Doc, k: int, taken: Sequence[bool], words: PlaceVocabulary) -> int:
    """After "<Name>'s" starting at k (up to three name words); k when there is none."""
    view = token_view(doc)
    texts = view.texts
    j = k
    while j < len(doc) and j - k < 3 and not taken[j] and _name_word(doc, j, words):
        j += 1
    return j + 1 if j > k and j < len(doc) and texts[j] in POSSESSIVE else k


def _distance_of(doc: Doc, k: int, units: frozenset[str], hedges: frozenset[str]) -> bool:
    """ "(about) 40 km (north) of" / "40 km from" starting at token k."""
    view, flags = token_view(doc), token_flags(doc)
    lowers = view.lowers
    while k < len(doc) and lowers[k] in hedges:
        k += 1
    if k + 2 >= len(doc) or not view.like_num[k]:
        return False
    k += 1
    if lowers[k] in ("-",):
        k += 1
    if k >= len(doc) or lowers[k] not in units:
        return False
    k += 1
    if k < len(doc) and flags.is_lower[k] and lowers[k] not in ("of", "from"):
        k += 1  # a compass word ("north", "south-east" is one token or three)
    return k < len(doc) and lowers[k] in ("of", "from", "outside")


def numbered_places(doc: Doc, named: Sequence[Span], vocab: dict) -> tuple[list[Span], dict[Span, Span]]:
    """A place followed by a small number that a punctuation mark or a designator closes is a
    numbered part of it, a place of its own (guidelines §2.3, constituencies: "the deputy for
    Kora 2", "the Ngara 3 neighbourhood"). "In Gaza 10 people died" is no such name.
    Returns (new mentions, {replaced mention: its replacement})."""
    flags = token_flags(doc)
    designators = frozenset(vocab["place_designators"])
    found: list[Span] = []
    replaced: dict[Span, Span] = {}
    for m in named:
        end = m.end
        if m.label_ != "GPE" or end + 1 >= len(doc) or not flags.is_digit[end] or len(doc[end]) > 2:
            continue
        after = doc[end + 1]
        if (after.is_punct and after.text not in ("-", "–", "/")) or after.lower_ in designators:
            span = Span(doc, m.start, end + 1, label="GPE", span_id="places.numbered")
            found.append(span)
            replaced[m] = span
    return found, replaced


ELIDED = ("d'", "d’", "l'", "l’")


def opened_places(doc: Doc, claimed: Sequence[bool], vocab: dict) -> list[Span]:
    """Places whose name opens with a word for a building, square or street, as French and Spanish
    names do: "Palais des Congrès", "Palacio de Gobierno", "Place de la Nation", "Quai d'Orsay".
    The opener, the particles ("de", "des", "de la") and the capitalised words after are one LOC
    (guidelines §2.3: a facility keeps its designator)."""
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    openers = frozenset(vocab["place_openers"])
    particles = frozenset(vocab["place_opener_particles"])
    taken = list(claimed)
    found: list[Span] = []
    for k, text in enumerate(texts):
        if text not in openers or taken[k]:
            continue
        j = k + 1
        while j < len(doc) and j - k <= 3 and not taken[j] and lowers[j] in particles:
            j += 1
        names = 0
        while j < len(doc) and not taken[j] and names < 3:
            word = texts[j]
            elided = word[:2].lower() in ELIDED and word[2:3].isupper()  # "d'Orsay"
            if not (flags.is_title[j] and flags.is_alpha[j]) and not elided:
                break
            names += 1
            j += 1
        if names:
            found.append(Span(doc, k, j, label="LOC", span_id="places.opener"))
            taken[k:j] = [True] * (j - k)
    return found


def compass_halves(doc: Doc, named: Sequence[Span], vocab: dict) -> tuple[list[Span], dict[Span, Span]]:
    """ "Central and South America", "North and South Kivu": a compass word before "and" and a place
    named with another compass word is the first half of a second place of the same kind; it takes
    that place's label and the full name as ``ref`` ("Central America"). Returns (new mentions,
    {replaced mention: its replacement})."""
    compass = frozenset(vocab["place_compass_words"])
    starting_at = {m.start: m for m in named}
    found: list[Span] = []
    replaced: dict[Span, Span] = {}
    texts = token_view(doc).texts
    for m in named:
        k = m.start
        if m.label_ not in ("GPE", "LOC") or len(m) < 2 or texts[k] not in compass or k < 2 or texts[k - 1] != "and":
            continue
        half = k - 2
        if texts[half] not in compass or texts[half] == texts[k]:
            continue
        rest = doc[k + 1 : m.end].text
        span = Span(doc, half, half + 1, label=m.label_, kb_id=f"{texts[half]} {rest}", span_id="places.compass_half")
        old = starting_at.get(half)
        if old is not None:
            if len(old) != 1 or old.label_ not in ("GPE", "LOC"):
                continue
            replaced[old] = span
        found.append(span)
    return found, replaced


def seat_places(doc: Doc, named: Sequence[Span], vocab: dict) -> tuple[list[Span], dict[Span, Span]]:
    """A seat of power named for its government ("the Kremlin said", ORG) is the building where
    something happens after "at", "inside", "outside" ("talks at the Kremlin", "protesters outside
    the White House"): a LOC (guidelines §2.3). Returns (new mentions, {replaced mention: its replacement})."""
    view = token_view(doc)
    lowers = view.lowers
    words = place_vocabulary(vocab)
    seats, preps = words.seats, words.seat_preps
    found: list[Span] = []
    replaced: dict[Span, Span] = {}
    for m in named:
        if m.label_ != "ORG" or m.text not in seats or m.start == 0:
            continue
        k = m.start - 1
        if lowers[k] == "the" and k > 0:
            k -= 1
        if lowers[k] in preps:
            span = Span(doc, m.start, m.end, label="LOC", kb_id=m.kb_id_, span_id="places.seat")
            found.append(span)
            replaced[m] = span
    return found, replaced


def facility_short_forms(doc: Doc, named: Sequence[Span], claimed: Sequence[bool], vocab: dict) -> list[Span]:
    """A facility named with its capitalised head ("the Kessa Hotel", "Dorvo Stadium") is later
    called by its name alone ("The Kessa is popular with officials"): the same place, a LOC with the
    full name as ``ref`` (guidelines §3.2). Only after "the" and where no capitalised word follows,
    so that a town's name ("in Kessa") or a longer name is left alone."""
    view, flags = token_view(doc), token_flags(doc)
    texts = view.texts
    heads = place_vocabulary(vocab).heads
    forms: dict[tuple[str, ...], str] = {}
    for m in named:
        if m.label_ == "LOC" and len(m) > 1 and texts[m.end - 1] in heads:
            name = tuple(texts[m.start : m.end - 1])
            if all(flags.is_title[t] for t in range(m.start, m.end - 1)):
                forms.setdefault(name, m.text)
    found: list[Span] = []
    if not forms:
        return found
    taken = list(claimed)
    for k in range(1, len(doc)):
        if texts[k - 1].lower() != "the" or taken[k]:
            continue
        for name, full in forms.items():
            end = k + len(name)
            if tuple(texts[k:end]) != name or any(taken[k:end]):
                continue
            if end < len(doc) and (flags.is_title[end] or texts[end] in ("-", "'s", "’s")):
                continue
            found.append(Span(doc, k, end, label="LOC", kb_id=full, span_id="places.facility_short_form"))
            taken[k:end] = [True] * (end - k)
            break
    return found


def ruler_areas(doc: Doc, claimed: Sequence[bool], vocab: dict) -> list[Span]:
    """The area of a traditional ruler, named before his title ("Dorn Naaba Y", "as Dorn Naba") or
    after "<title> of" ("the Paramount Chief of Dorn"): a GPE like a governor's province, a
    traditional kingdom too (guidelines §3, traditional rulers). Titles: entities.json
    ``ruler_titles`` (written after the area) and ``ruler_titles_of`` (before "of")."""
    view = token_view(doc)
    texts = view.texts
    words = place_vocabulary(vocab)
    after_area = frozenset(vocab["ruler_titles"])
    titles_of = [tuple(p.split()) for p in vocab["ruler_titles_of"]]
    firsts_of = {p[0] for p in titles_of}
    taken = list(claimed)
    found: list[Span] = []
    n = len(doc)
    for k, text in enumerate(texts):
        span = (k, k)
        if text in after_area and k > 0:
            # "Dorn Naaba Y": one or two name words right before the title ("Naba Y said" has none).
            start = k
            while start > 0 and k - start < 2 and not taken[start - 1] and _name_word(doc, start - 1, words):
                start -= 1
            if start < k and texts[start] in after_area:
                start += 1  # a pair of titles, no area
            span = (start, k)
        elif text in firsts_of:
            size = next((len(p) for p in titles_of if tuple(texts[k : k + len(p)]) == p), 0)
            if size and k + size + 1 < n and texts[k + size] == "of":
                start = k + size + 1
                end = _name_end(doc, start, taken, words)
                if _ends_name(doc, end):
                    span = (start, end)
        start, end = span
        if start < end and not any(taken[start:end]):
            found.append(Span(doc, start, end, label="GPE", span_id="places.ruler_area"))
            taken[start:end] = [True] * (end - start)
    return found
