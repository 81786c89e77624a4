"""Organisations no gazetteer holds, named next to the kind of body they are (guidelines §2:
news agencies, militias, gangs and coalitions are ORG; the kind word stays outside the span).

* after the kind: "the news site Kivu Matin", "the monitoring group Sahel Watchers";
* before it, after a determiner, a possessive or an "X-run" modifier: "the Tarsa news agency",
  "the Houthi-run Marib agency", "the Ostrava militia", "the 300 Lions gang";
* after a word that opens a body's name, the opener inside: "Radio Okapi", "Task Force Kivu";
* an upper-case acronym no bracket defines, where a body stands: after "the" ("blamed the KDF")
  or as the subject of a reporting verb ("KDF said").

The kinds are in ``data/entities.json`` (``org_kinds_before``, ``org_kinds_after``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from .entities import token_flags, token_view

# The finders read the doc's plain per-token lists (``token_view``, ``token_flags``) rather than
# ``doc[k].attr``: indexing a Doc builds a Token object at every look, and they look at most tokens.

# Any script's capitals ("ÖHD").
ACRONYM = re.compile(r"^[^\W\d_a-z]{2,6}$")
# "Actualite.cd", "Kelmar-news.com": an outlet named by its web address (a top-level domain of two
# to four letters, or a common generic one).
WEB_NAME = re.compile(r"^[A-Z0-9][\w-]*\.(?:com|net|org|info|news|[a-z]{2})$")
# "KelmarPost", "SunTimes": two capitalised parts run together.
CAMEL_NAME = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")

OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "'s", "’s"})
# "the rebel-run Delmar agency": a hyphened modifier before the name opens it too.
MODIFIERS = frozenset({"run", "based", "backed", "linked", "affiliated", "owned", "led", "aligned"})


_PHRASES: dict[int, tuple[Sequence[str], list[tuple[str, ...]]]] = {}


def _phrases(items: Sequence[str]) -> list[tuple[str, ...]]:
    """The phrases of one vocabulary list as word tuples, longest first; made once per list (the
    finders run on every document with the same lists). Read-only for callers."""
    entry = _PHRASES.get(id(items))
    if entry is None or entry[0] is not items:  # holding the list keeps its id from being reused
        entry = _PHRASES[id(items)] = (items, sorted((tuple(p.split()) for p in items), key=len, reverse=True))
    return entry[1]


def _name_word(doc: Doc, k: int, not_name: frozenset[str]) -> bool:
    """A capitalised or upper-case word ("Saba", "FC"), or a number that starts a name ("400 Lions")."""
    token = doc[k]
    return token.text not in not_name and (token.is_title or token.is_upper or token.like_num) and not token.is_punct


def _named(doc: Doc, start: int, end: int) -> bool:
    return any(t.is_alpha and (t.is_title or t.is_upper) for t in doc[start:end])


def _joined(doc: Doc, k: int) -> bool:
    """A tight hyphen or dot inside a name ("al-Kaniyat", "Actualite.cd")."""
    view, flags = token_view(doc), token_flags(doc)
    texts = view.texts
    return texts[k] in ("-", ".") and k > 0 and not flags.spacy[k - 1] and not flags.spacy[k]


def kind_mentions(doc: Doc, claimed: Sequence[bool], vocab: dict, people: frozenset[int] = frozenset()) -> list[Span]:
    """``people``: where the people found so far start (a title apposed to one is no body)."""
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    before = _phrases(vocab["org_kinds_before"])
    after = _phrases(vocab["org_kinds_after"])
    members = _phrases(vocab["org_member_kinds_after"])
    demonym_endings = tuple(vocab["demonym_endings"])
    not_name = frozenset(vocab["not_name"]) | frozenset(vocab["org_kind_not_names"])
    particles = frozenset(vocab["place_particles"])
    taken = list(claimed)
    found: list[Span] = []
    n = len(doc)

    connectors = frozenset(vocab["name_connectors"]) | frozenset(vocab["place_connectors"])

    def inner_connector(j: int) -> bool:
        # "Jaish Ansar al-Dorvo wal-Kelmar", "Clan del Norte": a particle between name words.
        return lowers[j] in connectors and j + 1 < n and (texts[j + 1] == "-" or _name_word(doc, j + 1, not_name))

    def phrase_connector(j: int) -> bool:
        # "the rights group Friends of the Kelmar Coast": a name after its kind may read as a phrase.
        if lowers[j] == "the":
            return lowers[j - 1] in ("of", "for") and j + 1 < n and _name_word(doc, j + 1, not_name)
        return (
            lowers[j] in ("and", "of", "for")
            and j + 1 < n
            and (_name_word(doc, j + 1, not_name) or lowers[j + 1] == "the")
        )

    def run_forward(i: int, opened: bool = False, phrase: bool = False) -> int:
        j = i
        while (
            j < n
            and j - i < 9
            and not taken[j]
            and (
                _name_word(doc, j, not_name)
                or ((j > i or opened) and inner_connector(j))
                or (j > i and _joined(doc, j))
                or (phrase and j > i and phrase_connector(j))
            )
        ):
            j += 1
        while j > i and texts[j - 1] in ("-", "."):
            j -= 1
        return j

    def run_backward(end: int) -> int:
        j = end
        while (
            j > 0
            and end - j < 5
            and not taken[j - 1]
            and (_name_word(doc, j - 1, not_name) or (j < end and _joined(doc, j - 1)))
        ):
            j -= 1
        # "the al-Kaniyat militia": an Arabic article joined by a hyphen opens the name.
        if j < end and texts[j] == "-":
            j = j - 1 if j > 0 and lowers[j - 1] in particles else j + 1
        return j

    def add(start: int, end: int, rule: str) -> None:
        found.append(Span(doc, start, end, label="ORG", span_id=rule))
        taken[start:end] = [True] * (end - start)

    openers = _phrases(vocab["org_openers"])
    opener_firsts = {p[0] for p in openers}
    for k, text in enumerate(texts):
        # "Radio Tamazuj", "Task Force Kivu": a word that opens a body's name, and the name after it.
        if text not in opener_firsts:
            continue
        size = next((len(p) for p in openers if tuple(texts[k : k + len(p)]) == p), 0)
        if not size or any(taken[k : k + size]) or k + size >= n:
            continue
        end = run_forward(k + size, opened=True)  # "Clan del Norte", "Jaish al-Adl"
        if _named(doc, k + size, end) and (end >= n or not flags.is_title[end]):
            add(k, end, "organisations.opener")
    firsts = {p[0] for p in before} | {p[0] for p in after} | {p[0] for p in members}
    for k, lower in enumerate(lowers):
        # Plain strings first: a Token is built only where a kind word stands.
        if lower not in firsts or taken[k] or not flags.is_lower[k]:
            continue
        kind_before = next((len(p) for p in before if tuple(lowers[k : k + len(p)]) == p), 0)
        if kind_before and k + kind_before < n:
            begin = k + kind_before
            # "another outlet, Kivu Matin, put the toll at 34": the name in apposition, closed by a comma.
            apposed = lowers[begin] == "," and begin + 1 < n and not taken[begin]
            begin += apposed
            end = run_forward(begin, phrase=True)
            while end > begin and lowers[end - 1] in ("and", "of", "for", "the"):
                end -= 1
            closed = end < n and lowers[end] in (",", ".") if apposed else True
            if _named(doc, begin, end) and closed and (end >= n or not (flags.is_title[end] or flags.is_upper[end])):
                add(begin, end, "organisations.after_kind")
                continue
        if any(tuple(lowers[k : k + len(p)]) == p for p in after):
            start = run_backward(k)
            opener = lowers[start - 1] if start > 0 else ""
            modified = opener in MODIFIERS and start > 1 and texts[start - 2] == "-"
            if _named(doc, start, k) and (opener in OPENERS or modified):
                add(start, k, "organisations.before_kind")
        elif any(tuple(lowers[k : k + len(p)]) == p for p in members):
            # "the Frente Sur dissidents": a group's name before its members; one word shaped as a
            # people's name ("the Kovari rebels") may be a nationality and is left alone.
            start = run_backward(k)
            opener = lowers[start - 1] if start > 0 else ""
            demonym = k - start == 1 and lowers[start].endswith(demonym_endings)
            if _named(doc, start, k) and opener in OPENERS and not demonym:
                add(start, k, "organisations.before_members")
    found += apposed_bodies(doc, taken, vocab, not_name, before)
    found += bare_acronyms(doc, taken, vocab)
    found += outlet_names(doc, taken, vocab)
    found += place_bodies(doc, taken, vocab, not_name)
    found += branch_bodies(doc, taken, vocab)
    found += speaking_bodies(doc, taken, vocab, not_name, people)
    return found


def speaking_bodies(
    doc: Doc, taken: list[bool], vocab: dict, not_name: frozenset[str], people: frozenset[int] = frozenset()
) -> list[Span]:
    """One capitalised word after "the" that speaks ("the Telegraph reported", "the Presidency
    said"): a body, as a person's name takes no article. A plural ("the Kelmaris said") is a people,
    and a word the article sets before a person's name ("the Ardhene, Nana Kofi Dorn, ...", a
    local ruler's title) is a title: `people` holds where people's names start."""
    view = token_view(doc)
    texts, lowers = view.texts, view.lowers
    verbs = frozenset(vocab["acronym_verbs_after"])
    found = []
    for k in range(1, len(doc) - 1):
        # The plain-string tests first: most tokens fail them, and a Token object is built only for the rest.
        if taken[k] or lowers[k - 1] != "the" or lowers[k + 1] not in verbs:
            continue
        token = doc[k]
        if (
            not (token.is_title and token.is_alpha and len(token) > 2)
            or token.text in not_name
            or token.lower_.endswith("s")
        ):
            continue
        if any(taken[j] and texts[j] == token.text for j in range(k)):
            continue  # a later use of a name found before: the repeats give it its label and ref
        titled = (j for j, t in enumerate(texts) if t == token.text and j + 2 < len(texts) and texts[j + 1] == ",")
        if any(j + 2 in people or j + 3 in people for j in titled):
            continue  # "the Ardhene, Otumfuo Y": an apposed name (an honorific may open it) makes it a title
        found.append(Span(doc, k, k + 1, label="ORG", span_id="organisations.speaking_body"))
        taken[k] = True
    return found


def place_bodies(doc: Doc, taken: list[bool], vocab: dict, not_name: frozenset[str]) -> list[Span]:
    """A town's police named by a place no gazetteer holds: one ORG span, place included
    (guidelines §2.3: "a Korvan police officer" -> ``Korvan police``). The name is one to three
    capitalised words that no longer name continues ("the Korvan Police Command" is another body).
    A level of government may stand between: "the Korvan regional administration", "the Korvan
    city council" (org_place_body_levels before org_place_level_nouns)."""
    view, flags = token_view(doc), token_flags(doc)
    lowers = view.lowers
    nouns = frozenset(vocab["org_place_body_nouns"])
    levels = frozenset(vocab["org_place_body_levels"])
    level_nouns = frozenset(vocab["org_place_level_nouns"])
    facilities = frozenset(vocab["facility_heads"])
    found = []
    for k in range(1, len(doc)):
        # Plain strings first: a Token is built only where a body noun stands.
        if (
            (lowers[k] not in nouns and lowers[k] not in level_nouns)
            or taken[k]
            or taken[k - 1]
            or not flags.is_lower[k]
        ):
            continue
        name_end = k
        if lowers[k] in level_nouns and lowers[k - 1] in levels and flags.is_lower[k - 1]:
            name_end = k - 1
        elif lowers[k] not in nouns:
            continue
        start = name_end
        while start > 0 and name_end - start < 3 and not taken[start - 1] and _name_word(doc, start - 1, not_name):
            start -= 1
        if start == name_end or not all(t.is_alpha and not t.like_num for t in doc[start:name_end]):
            continue  # "killed two police": a count of officers, not a town's force
        before = doc[start - 1] if start > 0 else None
        if before is not None and (before.is_title or before.is_upper or before.text in ("-", "'s", "’s")):
            continue  # the end of a longer name or an owner's possessive
        if k + 1 < len(doc) and lowers[k + 1] in facilities:
            continue  # "the Korvan police station" is a building, a place
        found.append(Span(doc, start, k + 1, label="ORG", span_id="organisations.place_body"))
        taken[start : k + 1] = [True] * (k + 1 - start)
    return found


def apposed_bodies(
    doc: Doc, taken: list[bool], vocab: dict, not_name: frozenset[str], kinds: Sequence[tuple[str, ...]]
) -> list[Span]:
    """A name followed by what kind of body it is, in apposition: "Tren de Kelmar, a Dorvan gang
    that ...", "Kelmar Vanguard, a separatist militia." News introduces a group no reader knows
    this way. The kind (org_kinds_before) comes after "a/an" and at most three modifiers, and ends
    the noun phrase (punctuation or a word of org_apposition_followers next): "a militia commander"
    describes a person. The name is capitalised words, with particles between them ("de", "al")."""
    view, flags = token_view(doc), token_flags(doc)
    lowers = view.lowers
    followers = frozenset(vocab["org_apposition_followers"])
    connectors = frozenset(vocab["name_connectors"]) | frozenset(vocab["place_connectors"])
    n = len(doc)
    found = []
    for c in range(1, n - 2):
        if lowers[c] != "," or lowers[c + 1] not in ("a", "an") or taken[c - 1]:
            continue
        kind_end = 0
        for m in range(c + 2, min(c + 6, n)):
            size = next((len(p) for p in kinds if tuple(lowers[m : m + len(p)]) == p), 0)
            if size:
                kind_end = m + size
                break
            if flags.is_punct[m]:
                break
        if not kind_end or (kind_end < n and not flags.is_punct[kind_end] and lowers[kind_end] not in followers):
            continue
        start = c
        while start > 0 and c - start < 6 and not taken[start - 1]:
            word = _name_word(doc, start - 1, not_name) and not view.like_num[start - 1]
            # "Tren de Kelmar": a particle between name words.
            particle = (
                start < c and start > 1 and lowers[start - 1] in connectors and _name_word(doc, start - 2, not_name)
            )
            if not (word or particle):
                break
            start -= 1
        if start == c or not _named(doc, start, c) or (flags.sent_start[start] and c - start == 1):
            continue
        if start > 0 and (flags.is_title[start - 1] or flags.is_upper[start - 1]):
            continue  # part of a longer name found otherwise
        found.append(Span(doc, start, c, label="ORG", span_id="organisations.apposed_kind"))
        taken[start:c] = [True] * (c - start)
    return found


def outlet_names(doc: Doc, taken: list[bool], vocab: dict) -> list[Span]:
    """News outlets written as one word of their own shape: a web address ("Kelmarnews.com",
    "Actualite.cd") anywhere, or a word with a capital inside ("KelmarPost") before a verb outlets
    use ("KelmarPost reported"). People's names with a capital inside ("McKay", "DeLuca") open
    with a particle of outlet_not_prefixes."""
    verbs = frozenset(vocab["acronym_verbs_after"]) | frozenset(vocab["outlet_verbs_after"])
    not_prefixes = tuple(vocab["outlet_not_prefixes"])
    texts, lowers = token_view(doc).texts, token_view(doc).lowers
    found = []
    for k, text in enumerate(texts):
        if taken[k] or not text[:1].isupper():
            continue
        # Plain string tests before the patterns: a web address holds a dot, a camel name needs the verb.
        web = "." in text and WEB_NAME.match(text) is not None
        camel = (
            k + 1 < len(doc)
            and lowers[k + 1] in verbs
            and CAMEL_NAME.match(text) is not None
            and not text.startswith(not_prefixes)
        )
        if web or camel:
            found.append(Span(doc, k, k + 1, label="ORG", span_id="organisations.outlet_shape"))
            taken[k] = True
    return found


def branch_bodies(doc: Doc, taken: list[bool], vocab: dict) -> list[Span]:
    """A service branch capitalised as its own name with no owner before it ("six Navy ships", "a
    Coast Guard cutter"): ORG (guidelines §2.3). A capitalised word before it is an owner or a longer
    name, and one after it continues a name or a title ("Navy Staff")."""
    branches = _phrases(vocab["org_branch_names"])
    texts = token_view(doc).texts
    firsts = {p[0] for p in branches}
    found = []
    for k, text in enumerate(texts):
        if text not in firsts or taken[k] or k == 0:
            continue
        size = next((len(p) for p in branches if tuple(texts[k : k + len(p)]) == p), 0)
        end = k + size
        if not size or any(taken[k:end]):
            continue
        before, after = doc[k - 1], doc[end] if end < len(doc) else None
        if ((before.is_title or before.is_upper) and not before.like_num) or before.lower_ == "of" or before.is_punct:
            continue
        if after is not None and (after.is_title or after.is_upper or after.text in ("-", "–")):
            continue
        found.append(Span(doc, k, end, label="ORG", span_id="organisations.branch"))
        taken[k:end] = [True] * size
    return found


def bare_acronyms(doc: Doc, taken: Sequence[bool], vocab: dict) -> list[Span]:
    """Upper-case acronyms of two to six letters in a body's position: after "the" or before a verb
    bodies use ("the KDF", "KDF said"). News writes a body's acronym this way once it is known to
    the reader; the acronym is no head of a longer name (next word lower-case or punctuation) and no
    word of an upper-case headline."""
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    not_acronyms = frozenset(vocab["not_acronyms"])
    verbs = frozenset(vocab["acronym_verbs_after"])
    found = []
    done = 0  # the end of the last acronym found: its hyphened parts are no acronyms of their own
    for k, text in enumerate(texts):
        # The cheapest test first: most words are not upper-case.
        if k < done or taken[k] or not text.isupper() or text in not_acronyms or not ACRONYM.match(text):
            continue
        end = k + 1
        # "the TPNB-OKM": acronyms joined by a tight hyphen are one name.
        while (
            end + 1 < len(doc)
            and texts[end] == "-"
            and not flags.spacy[end - 1]
            and not flags.spacy[end]
            and ACRONYM.match(texts[end + 1])
            and texts[end + 1].isupper()
            and not taken[end + 1]
        ):
            end += 2
        after = doc[end] if end < len(doc) else None
        if after is not None and (after.is_upper or after.is_title):
            continue  # "the KDF Commander": part of a longer name
        prev = k - 1
        while prev >= 0 and flags.is_punct[prev]:
            prev -= 1
        if prev >= 0 and flags.is_upper[prev] and flags.is_alpha[prev] and len(doc[prev]) > 1:
            continue  # a word of an upper-case headline ("ATTACK NEAR TARSO: KDF said")
        the_before = k > 0 and lowers[k - 1] == "the"
        subject = after is not None and after.lower_ in verbs
        if the_before or subject:
            found.append(Span(doc, k, end, label="ORG", span_id="organisations.bare_acronym"))
            done = end
    return found


# "iNews", "eKathimerini": an outlet's brand with a lower-case letter before its capital.
BRAND_NAME = re.compile(r"^[a-z]{1,3}[A-Z][A-Za-z]+$")
# A name ends where a citation closes: punctuation, not a possessive ("Dorvo's ministry").
CITATION_CLOSERS = frozenset({",", ".", ";", ":", ")", "—", "–"})


def cited_outlets(
    doc: Doc, named: Sequence[Span], claimed: Sequence[bool], vocab: dict
) -> tuple[list[Span], dict[Span, Span]]:
    """News outlets named where an article cites its sources (guidelines §1: news agencies are ORG):
    after a citing phrase ("according to Kelmar Daily,", "as cited by Dorvo.Info,", "quoted by the
    agency TNX,"), as the subject of "reported" at a clause's start ("..., Tarsa Online reported"), or
    before an apposed kind of outlet ("Vesna24, a regional outlet, said"). Outlets are often named
    with their country ("Radio Kelmar Tarsa"): a place or nationality found inside gives way, but a
    name made only of mentions already found, or of a person, is left alone, and so is a lone word
    shaped as a given name. Vocabulary: entities.json ``outlet_*`` lists."""
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    n = len(doc)
    media_words = frozenset(vocab["outlet_name_words"])
    blocked = (frozenset(vocab["not_name"]) | frozenset(vocab["org_kind_not_names"])) - media_words
    given = frozenset(vocab["person_given_names"])
    cues = _phrases(vocab["outlet_cues_before"])
    shared = set(_phrases(vocab["outlet_cues_people_share"]))
    kinds = _phrases(vocab["outlet_kinds"])
    verbs = frozenset(vocab["outlet_subject_verbs"])
    the_verbs = frozenset(vocab["outlet_subject_verbs_after_the"])
    documents = frozenset(vocab["outlet_not_documents"])
    speech = frozenset(vocab["acronym_verbs_after"])  # "a source quoted by the agency TNX said"
    followers = frozenset(vocab["org_apposition_followers"]) | speech
    # A reporting subject is often a place or a person (guard for "reporting_outlet" below).
    place_heads = frozenset(
        vocab["place_heads"]
        + vocab["place_name_designators"]
        + vocab["place_natural_names"]
        + vocab["place_suffixes"]
        + vocab["place_heads_no_finder"]
    )
    place_openers = frozenset(vocab["place_prefixes"])
    people_openers = given | frozenset(w for h in vocab["honorifics"] for w in h.split()[:1])
    owner: dict[int, Span] = {}
    for m in named:
        for k in range(m.start, m.end):
            owner[k] = m
    taken = list(claimed)

    def word(j: int) -> bool:
        text = texts[j]
        if not text[:1].isalpha() or text in blocked:
            return False
        if taken[j]:
            m = owner.get(j)
            return m is not None and m.label_ in ("GPE", "LOC", "NORP", "ORG")
        return text[:1].isupper() or BRAND_NAME.match(text) is not None

    def joined(j: int) -> bool:  # "Dorvo.Info", "Kelmar-Press": a tight dot or hyphen inside the name
        return (
            texts[j] in (".", "-") and 0 < j < n - 1 and not flags.spacy[j - 1] and not flags.spacy[j] and word(j + 1)
        )

    def forward(i: int) -> int:
        j = i
        while j < n and j - i < 6 and (word(j) or (j > i and joined(j))):
            j += 1
        return j

    def backward(end: int) -> int:
        j = end
        while j > 0 and end - j < 6 and (word(j - 1) or (j < end and joined(j - 1))):
            j -= 1
        return j

    def shaped(start: int, end: int) -> bool:
        """A one-word name that could not be an English word opening a sentence."""
        text = texts[start]
        return (
            end - start > 1
            or text.isupper()
            or BRAND_NAME.match(text) is not None
            or CAMEL_NAME.match(text) is not None
        )

    found: list[Span] = []
    replaced: dict[Span, Span] = {}

    def add(start: int, end: int, rule: str) -> None:
        if start >= end or any(t.text in blocked for t in doc[start:end]) or texts[end - 1] in documents:
            return  # "according to the Geneva Conventions": a text cited, no outlet
        inner = {owner[k] for k in range(start, end) if taken[k]}
        if all(taken[start:end]) or any(m.start < start or m.end > end for m in inner):
            return  # nothing new, or a mention reaching out of the name
        if end - start == 1 and texts[start] in given:
            return
        if any(flags.is_upper[k] and flags.is_alpha[k] and len(texts[k]) > 1 for k in (start - 1, start - 2) if k >= 0):
            return  # a word of an upper-case headline
        span = Span(doc, start, end, label="ORG", span_id=rule)
        found.append(span)
        for m in inner:
            replaced[m] = span
        taken[start:end] = [True] * (end - start)

    def place_or_person(start: int, end: int) -> bool:
        """Whether a reporting subject is a place or a person rather than an outlet: one place
        mention found before ("Kessa reported"), a name closed by a place's head word ("Kessa
        District", "the Dorvo Strip"), a compass word opening a name with no media word ("Upper
        Tarsa"), or a name opened by a title or a given name ("the Reverend Ivo Darn"); a media
        word in the name keeps it an outlet's."""
        words = texts[start:end]
        m = owner.get(start)
        if m is not None and m.start == start and m.end == end and m.label_ in ("GPE", "LOC"):
            return True
        if words[0] in people_openers:
            return True
        # "The Media Line", "Central News": a media word tells an outlet named like a place.
        if any(w in media_words for w in words):
            return False
        return words[-1] in place_heads or (end - start > 1 and words[0] in place_openers)

    def after_determiner(i: int) -> int:
        return i + 1 if i < n and lowers[i] == "the" else i

    cue_firsts = {p[0] for p in cues}
    kind_firsts = {p[0] for p in kinds}
    for k, lower in enumerate(lowers):
        if lower in cue_firsts:
            size = next((len(p) for p in cues if tuple(lowers[k : k + len(p)]) == p), 0)
            if size:
                begin = after_determiner(k + size)
                # "quoted by the agency TNX": the kind of outlet before its name stays outside.
                kind = next((len(p) for p in kinds if tuple(lowers[begin : begin + len(p)]) == p), 0)
                begin += kind
                end = forward(begin)
                # "according to Ruiz,": after a cue people share, one plain word may be a surname.
                surname = tuple(lowers[k : k + size]) in shared and end - begin == 1 and not shaped(begin, end)
                closed = end >= n or texts[end] in CITATION_CLOSERS or lowers[end] in speech
                if closed and not surname:
                    add(begin, end, "organisations.cited_outlet")
                continue
        if (lower in verbs or lower in the_verbs) and k > 0 and flags.is_lower[k]:
            # "..., Tarsa Online reported": the outlet as the subject at a clause's start.
            start = backward(k)
            if start == k:
                continue
            before = lowers[start - 1] if start > 0 else ""
            the = before == "the"
            # "The Tarsa Ledger puts the toll at 30": after "the", a name of two words or more that a
            # source's verb follows is a body's (a person's name takes no article; one word is
            # speaking_bodies').
            if lower not in verbs and not (the and k - start >= 2):
                continue
            edge = start - 1 - the
            opens = (
                edge < 0
                or flags.sent_start[start - the]
                or flags.is_space[edge]  # a line's start, after a heading
                or lowers[edge] in (",", ";", "and", "but", "—", "–")
            )
            line_start = flags.sent_start[start] or (start > 0 and flags.is_space[start - 1])
            # "His plan, Tarsa reported, was ...": one plain word is a source only in a reporting tag
            # closed by punctuation; before an object ("Tarsa reported its first case") it may be a place.
            tag = k + 1 >= n or texts[k + 1] in CITATION_CLOSERS
            if not (tag or shaped(start, k)):
                continue
            if opens and (the or not line_start or shaped(start, k)) and not place_or_person(start, k):
                add(start, k, "organisations.reporting_outlet")
        elif lower == "," and k > 0:
            # "Vesna24, a regional outlet, said": the name before an apposed kind of outlet.
            j = k + 1
            definite = j < n and lowers[j] == "the"
            if j < n and lowers[j] in ("a", "an", "the"):
                j += 1
            for _ in range(3):
                kind = next((len(p) for p in kinds if tuple(lowers[j : j + len(p)]) == p), 0)
                if kind or j >= n or not (flags.is_lower[j] or word(j)) or lowers[j] in kind_firsts:
                    break
                j += 1
            # "Dorvo, the agency said, ...": a definite kind right after the comma is a speaker's tag.
            if not kind or j == k + 1 or (definite and j == k + 2):
                continue
            after = j + kind
            if after < n and not (texts[after] in CITATION_CLOSERS or lowers[after] in followers):
                continue
            start = backward(k)
            opens = start == 0 or flags.sent_start[start] or not flags.is_alpha[start - 1] or lowers[start - 1] == "the"
            if opens:
                add(start, k, "organisations.apposed_outlet")
    return found, replaced


def national_branches(doc: Doc, named: Sequence[Span], vocab: dict) -> tuple[list[Span], dict[Span, Span]]:
    """A body's national branch or service named as one ORG: an international body the gazetteer
    holds followed by a country or a language ("Amnesty International Kelmar", "BBC Kelmari"), or a
    nationality or country before a movement whose every country has its own society ("Kelmari Red
    Cross"). The two mentions give way to the branch's. Lists: entities.json ``national_branch_*``."""
    parents = frozenset(vocab["national_branch_parents"])
    societies = frozenset(vocab["national_branch_societies"])
    clause_verbs = frozenset(vocab["person_clause_verbs"])
    flags = token_flags(doc)
    lowers = token_view(doc).lowers
    starting_at = {m.start: m for m in named}
    found: list[Span] = []
    replaced: dict[Span, Span] = {}
    for first in named:
        second = starting_at.get(first.end)
        if second is None or first in replaced or second in replaced:
            continue
        branch = (first.label_ == "ORG" and first.text in parents and second.label_ in ("GPE", "NORP", "LOC")) or (
            first.label_ in ("GPE", "NORP") and second.label_ == "ORG" and second.text in societies
        )
        # "BBC Kelmari Service", "Amnesty International Kelmar Section": a longer name is found otherwise.
        if not branch or (second.end < len(doc) and (flags.is_title[second.end] or flags.is_upper[second.end])):
            continue
        # "told Al Jazeera Gaza was shelled": a clause's verb after a place makes it that clause's
        # subject, so the body before it is the previous clause's object, not its parent. A language
        # service is no clause's subject on its own ("BBC Kelmari were reporting").
        if second.label_ in ("GPE", "LOC") and second.end < len(doc) and lowers[second.end] in clause_verbs:
            continue
        span = Span(doc, first.start, second.end, label="ORG", span_id="organisations.national_branch")
        found.append(span)
        replaced[first] = replaced[second] = span
    return found, replaced
