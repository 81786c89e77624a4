"""Entity mentions: an EntityRuler built from the data files, then people found by their roles.

Order of precedence: gazetteer names and token patterns (longest match wins, as EntityRuler does),
then person names introduced by a role or honorific ("movement leader Yusuf al-Karimi",
"Sheikh ...", "X, the spokesman for Y"), then later short forms of those names ("al-Karimi").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

DATA = Path(__file__).with_name("data")


def load_json(name: str, data_dir: Path = DATA) -> dict:
    raw = json.loads((data_dir / name).read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def split_optional_first(pattern: list[dict]) -> list[list[dict]]:
    """An optional first token makes every token a start; two patterns keep the starts anchored."""
    if pattern and pattern[0].get("OP") == "?":
        bare = {k: v for k, v in pattern[0].items() if k != "OP"}
        return [[bare] + pattern[1:], pattern[1:]]
    return [pattern]


class _LexicalTest:
    """A flag's test on a word's text, named by its key so that the vocab's bit can be found again."""

    def __init__(self, key: tuple[str, Any], test):
        self.key, self.test = key, test

    def __call__(self, text: str) -> bool:
        return self.test(text)


class FlagCompiler:
    """Turns a first token ``{"LOWER": {"IN": [...]}}`` into a lexeme flag (``compile_rest``: the
    later tokens too, a text ``REGEX`` as well).

    The Matcher tries every pattern's first token at every token of the text. A plain attribute
    or a lexeme flag is checked in C; an ``IN`` predicate calls back into Python. Flags keep the
    data files in spaCy's own pattern format and the matching fast.
    """

    def __init__(self, vocab):
        self.vocab = vocab
        # The bits this vocab already has for a test are reused (a bit's meaning is its test): two
        # rulers on one pipeline must not use up the 63 bits between them.
        self.flags: dict[tuple[str, Any], int] = {
            getter.key: bit for bit, getter in vocab.lex_attr_getters.items() if isinstance(getter, _LexicalTest)
        }

    def _flag(self, key: tuple[str, Any], check) -> int | None:
        """The bit of a test, added on first use; None when every bit is taken."""
        if key not in self.flags:
            try:
                self.flags[key] = self.vocab.add_flag(_LexicalTest(key, check))
            except ValueError:
                return None  # the token keeps its predicate: as exact, if slower
        return self.flags[key]

    def __call__(self, pattern: list[dict]) -> list[dict]:
        first = pattern[0]
        if "OP" in first:
            return pattern
        test = self._lexical_test(first)
        flag = self._flag(*test) if test is not None else None
        if flag is None:
            return pattern
        return [{flag: True}] + pattern[1:]

    def compile_rest(self, pattern: list[dict]) -> list[dict]:
        """The later tokens the same way (an ``OP`` kept), once every first token has its flag: a
        predicate is called back at every token a pattern has reached. The lexeme has 63 flag bits,
        most of them spaCy's own; when none is left, a token keeps its predicate, as exact if slower."""
        out = pattern[:1]
        for token in pattern[1:]:
            test = self._lexical_test({k: v for k, v in token.items() if k != "OP"})
            flag = self._flag(*test) if test is not None else None
            if flag is None:
                out.append(token)
            else:
                out.append({flag: True, **{k: v for k, v in token.items() if k == "OP"}})
        return out

    @staticmethod
    def _lexical_test(token: dict):
        """(key, test on the word's text) for a token that reads only the word itself: a ``TEXT``,
        ``ORTH``, ``LOWER`` or ``SHAPE`` ``IN`` list, or ``IS_DIGIT`` with a ``LENGTH`` bound ("1", "24")."""
        keys = set(token)
        if len(keys) == 1 and keys <= {"TEXT", "ORTH", "LOWER", "SHAPE"}:
            (name,) = keys
            pred = token[name]
            if isinstance(pred, dict) and set(pred) == {"REGEX"} and name in ("TEXT", "ORTH"):
                # spaCy's REGEX predicate searches the token's text.
                regex = re.compile(pred["REGEX"])
                return ("REGEX", pred["REGEX"]), lambda s: regex.search(s) is not None
            if not isinstance(pred, dict) or set(pred) != {"IN"}:
                return None
            values = frozenset(pred["IN"])
            if name == "LOWER":
                return (name, values), lambda s: s.lower() in values
            if name == "SHAPE":
                from spacy.lang.lex_attrs import word_shape

                return (name, values), lambda s: word_shape(s) in values
            return (name, values), lambda s: s in values
        if keys == {"IS_DIGIT", "LENGTH"} and token["IS_DIGIT"] is True and set(token["LENGTH"]) == {"<="}:
            most = token["LENGTH"]["<="]
            return ("digits", most), lambda s: s.isdigit() and len(s) <= most
        return None


def state_names(data_dir: Path = DATA) -> frozenset[str]:
    """Every form of every sovereign state's name in ``data/states.json`` ("DR Congo", "Burma")."""
    return state_forms(load_json("states.json", data_dir))


def state_forms(states: dict) -> frozenset[str]:
    """Every form of every state's name in the loaded ``states.json``."""
    groups = ("un_members", "un_observers", "de_facto_states")
    return frozenset(form for group in groups for names in states[group] for form in names)


def apostrophe_forms(name: str) -> tuple[str, ...]:
    """A name as listed, then with its apostrophes all straight and all curly (when it has any)."""
    if "'" not in name and "’" not in name:
        return (name,)
    return (name, name.replace("’", "'"), name.replace("'", "’"))


def ruler_patterns(data_dir: Path = DATA, compile_pattern=lambda p: p) -> list[dict]:
    """EntityRuler patterns: gazetteer names, the sovereign states, the hand-written token patterns, and compounds."""
    gazetteer = load_json("gazetteer.json", data_dir)
    vocab = load_json("entities.json", data_dir)
    # A pattern's id names the data it came from; it becomes the predicted mention's ``rule``.
    # Writers use the straight and the curly apostrophe alike, so a name is listed once with either
    # and matched with both ("Jama’at" and "Jama'at"); the phrase's tokens are the same otherwise.
    patterns = [
        {"label": label, "pattern": form, "id": f"gazetteer.{label}"}
        for label, names in gazetteer.items()
        for form in dict.fromkeys(variant for name in names for variant in apostrophe_forms(name))
    ]
    # Every state is a GPE, also in capitals as datelines and headline labels write it ("LIBYA:");
    # forms the gazetteer already holds keep its id. Short capitals ("CAR") are common words.
    states = state_names(data_dir)
    capitals = {name.upper() for name in states if len(name) > 3}
    patterns += [
        {"label": "GPE", "pattern": name, "id": "states.GPE"}
        for name in sorted((states | capitals) - set(gazetteer["GPE"]))
    ]
    for line in (data_dir / "patterns.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            entry["id"] = f"patterns.{entry['id']}"
            patterns += [{**entry, "pattern": compile_pattern(p)} for p in split_optional_first(entry["pattern"])]
    nationalities = gazetteer["NORP"]
    # "<nationality> forces": a state's armed body is an organisation, not a nationality. Phrase
    # patterns (one per pair) because a token pattern with a long IN list is costly at every token.
    for nationality in nationalities:
        for noun in vocab["force_nouns"]:
            for form in (noun, noun.title()):
                patterns.append({"label": "ORG", "pattern": f"{nationality} {form}", "id": "entities.force_nouns"})
    # "North Darfur", "Port Sudan", "Rakhine State": a capitalised designator is part of the place's name.
    places = set(gazetteer["GPE"]) | set(gazetteer["LOC"])
    for place in sorted(places):
        forms = [f"{p} {place}" for p in vocab["place_prefixes"]] + [f"{place} {s}" for s in vocab["place_suffixes"]]
        for form in forms:
            if form not in places:
                patterns.append({"label": "GPE", "pattern": form, "id": "entities.place_designators"})
    # "Lebanon-Israel border", "Syria-Turkey frontier": two capitalised names joined by a dash.
    for dash in ("-", "–"):
        for noun in vocab["border_nouns"]:
            pattern = [{"IS_TITLE": True}, {"ORTH": dash}, {"IS_TITLE": True}] + [{"LOWER": w} for w in noun.split()]
            patterns.append({"label": "LOC", "id": "entities.border_nouns", "pattern": pattern})
    rest = getattr(compile_pattern, "compile_rest", None)
    if rest is not None:  # after every first token has had its flag
        for entry in patterns:
            if isinstance(entry["pattern"], list):
                entry["pattern"] = rest(entry["pattern"])
    return patterns


@dataclass(frozen=True)
class TokenView:
    """Plain per-token lists for one doc, built once: Python loops over a Doc re-create Token objects."""

    texts: list[str]
    lowers: list[str]
    like_num: list[bool]
    sent_starts: list[int]
    sent_ends: list[int]


# Token texts by their string-store id: the store decodes its UTF-8 bytes into a new str at every
# lookup, and a corpus repeats the same few thousand words; a word's text never changes.
_TEXTS: dict[int, str] = {}


def _texts(doc: Doc, ids: list[int]) -> list[str]:
    known = _TEXTS
    if len(known) > 500_000:  # a long run over many corpora: start afresh rather than grow without end
        known.clear()
    try:
        return list(map(known.__getitem__, ids))  # every word seen before: the common case
    except KeyError:
        strings = doc.vocab.strings
        for i in ids:
            if i not in known:
                known[i] = strings[i]
        return list(map(known.__getitem__, ids))


# The last doc asked about and its lists: the finders and the relation rules ask tens of thousands of
# times per corpus, nearly always about the doc at hand; an identity test is the cheapest answer (the
# doc is held, so no other object can take its id). The lists depend on the tokens alone.
_LAST_VIEW: list = [None, None]
_LAST_FLAGS: list = [None, None]


def token_view(doc: Doc) -> TokenView:
    if _LAST_VIEW[0] is doc:
        return _LAST_VIEW[1]
    view = doc.user_data.get("bench_token_view")
    if view is None:
        from spacy.attrs import LIKE_NUM, LOWER, ORTH, SENT_START

        n = len(doc)
        array = doc.to_array([ORTH, LOWER, LIKE_NUM, SENT_START])
        orth, lower = (array[:, 0].tolist(), array[:, 1].tolist()) if n else ([], [])
        like_num = (array[:, 2] != 0).tolist() if n else []
        starts, ends = [0] * n, [n] * n
        # SENT_START is 1 at a sentence's first token.
        bounds = [i for i in (array[:, 3] == 1).nonzero()[0].tolist() if i] + [n] if n else [n]
        start = 0
        for end in bounds:
            starts[start:end] = [start] * (end - start)
            ends[start:end] = [end] * (end - start)
            start = end
        view = TokenView(_texts(doc, orth), _texts(doc, lower), like_num, starts, ends)
        doc.user_data["bench_token_view"] = view
    _LAST_VIEW[:] = [doc, view]
    return view


@dataclass(frozen=True)
class TokenFlags:
    """The lexical flags of a doc's tokens as plain lists, built once (``token_view``'s companion):
    the finders' loops index these instead of building a Token (``doc[k]``) per look."""

    is_lower: list[bool]
    is_alpha: list[bool]
    is_title: list[bool]
    is_punct: list[bool]
    is_quote: list[bool]
    is_space: list[bool]
    spacy: list[bool]  # a space follows the token (``Token.whitespace_``)
    is_upper: list[bool]
    is_digit: list[bool]
    is_stop: list[bool]
    sent_start: list[bool]  # ``Token.is_sent_start`` is truthy


def token_flags(doc: Doc) -> TokenFlags:
    if _LAST_FLAGS[0] is doc:
        return _LAST_FLAGS[1]
    flags = doc.user_data.get("bench_token_flags")
    if flags is None:
        from spacy.attrs import (
            IS_ALPHA,
            IS_DIGIT,
            IS_LOWER,
            IS_PUNCT,
            IS_QUOTE,
            IS_SPACE,
            IS_STOP,
            IS_TITLE,
            IS_UPPER,
            SENT_START,
            SPACY,
        )

        attrs = [IS_LOWER, IS_ALPHA, IS_TITLE, IS_PUNCT, IS_QUOTE, IS_SPACE, SPACY, IS_UPPER, IS_DIGIT, IS_STOP]
        if len(doc):
            array = doc.to_array(attrs + [SENT_START])
            # SENT_START is 1 for a sentence's first token, -1 (as uint64) inside, 0 when unknown.
            columns = (array[:, :-1] != 0).T.tolist() + [(array[:, -1] == 1).tolist()]
        else:
            columns = [[] for _ in range(len(attrs) + 1)]
        flags = TokenFlags(*columns)
        doc.user_data["bench_token_flags"] = flags
    _LAST_FLAGS[:] = [doc, flags]
    return flags


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    view = token_view(doc)
    return view.sent_starts, view.sent_ends


# "Ana Ruiz lost her husband": the pronouns that take up a full name before the verb (_named_by_context).
# What may follow one name word of kin listed after "his sons": the list goes on, or its verb.
KIN_CLOSERS = frozenset({"and", "or", "were", "was", "are", "had", "have"})
PRONOUNS_AFTER_SUBJECT = frozenset({"his", "her", "himself", "herself"})
OPEN_QUOTES = frozenset({"“", '"', "‘"})
CLOSE_QUOTES = frozenset({"”", '"', "’"})


def nickname_bounds(span: Span) -> tuple[int, int] | None:
    """Token offsets (in the doc) of a quoted nickname inside a person's name, quotes included."""
    for k in range(span.start + 1, span.end - 1):
        if span.doc[k].text in OPEN_QUOTES:
            for c in range(k + 2, span.end - 1):
                if span.doc[c].text in CLOSE_QUOTES:
                    return k, c + 1
    return None


def person_ref(span: Span) -> str:
    """A person's canonical name: the name as written, without a nickname inside it
    (guidelines §3.2: "Ana “La Jefa” Ruiz" is "Ana Ruiz")."""
    inside = nickname_bounds(span)
    if inside is None:
        return span.text
    doc = span.doc
    return (doc[span.start : inside[0]].text + " " + doc[inside[1] : span.end].text).strip()


@dataclass
class RoleLink:
    """A person introduced by a role next to an organisation: relation evidence for later."""

    person: Span
    org: Span | None
    kind: str  # "leader" | "member" | "honorific"


class PeopleFinder:
    def __init__(self, nlp: Language, data_dir: Path = DATA):
        roles = load_json("roles.json", data_dir)
        vocab = load_json("entities.json", data_dir)
        self._surnames: frozenset[int] = frozenset()
        self._place_starts: frozenset[int] = frozenset()  # where the gazetteer's places start (in find)
        self._name_texts: dict[str, bool] = {}  # see _name_at
        self.kind_of: dict[str, str] = {}
        # "Chad's Tumbo Hills", "Kenya's Dorvo County": a state's possessive before a name closed by a
        # place's word owns a place, not a person.
        self.place_last_words = frozenset(
            vocab["place_natural_names"]
            + vocab["place_heads"]
            + vocab["place_name_designators"]
            + vocab["place_suffixes"]
        )
        # A facility's head ending a titled name makes it the facility's ("Sheikh Velko Hospital", "Pope Leo
        # Street"); natural words are left out, as they are surnames too ("Gen. Ana Hill").
        self.facility_last_words = frozenset(
            vocab["place_heads"] + [w.title() for w in vocab["facility_heads_title_only"]]
        )
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # Words for a person ("teacher", "businessman") mark a name the way an honorific does.
        lists = {
            "leader": roles["leader"],
            "member": roles["member"],
            "honorific": roles["honorific"] + roles["person_nouns"] + vocab["person_nouns_more"],
        }
        for kind, phrases in lists.items():
            for phrase in phrases:
                self.kind_of.setdefault(phrase.lower(), kind)
            self.matcher.add(kind, [nlp.make_doc(p) for p in phrases])
        # Lower-case particles inside names across languages ("dos Santos", "van der Berg", "Ag Tenni").
        self.particles = {p.lower() for p in roles["name_particles"] + vocab["person_name_particles"]}
        self.of_words = set(roles["of_words"])
        # A facility's head word ends a place's name, never a person's ("the Corinthia Hotel").
        self.not_name = (
            set(vocab["not_name"]) | {w.title() for w in self.kind_of if " " not in w} | set(vocab["place_heads"])
        )
        self.report_verbs = frozenset(roles["name_report_verbs"])
        self.person_tails = frozenset(vocab["person_tails"])
        self.people_words = frozenset(vocab["people_words"])
        self.suffixes = frozenset(roles["name_suffixes"])
        self.one_word_cues = frozenset(roles["name_cues_one_word"])
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cues.add("cue", [nlp.make_doc(p) for p in roles["name_cues_before"] + vocab["person_cues_before"]])
        self.person_verbs = frozenset(vocab["person_verbs_after"])
        self.clause_verbs = frozenset(vocab["person_clause_verbs"])
        self.possessed = frozenset(vocab["person_possessed_nouns"])
        self.not_first = frozenset(vocab["not_person_first_words"])
        self.people_after = frozenset(vocab["people_nouns_after"]) | frozenset(vocab["people_words"])
        self.not_person = frozenset(vocab["not_person_words"])
        self.kin = frozenset(vocab["person_kin_nouns"])
        self.given_names = frozenset(vocab["person_given_names"])
        # Nationality and country words that are also first names; the rest of the name tells.
        self.place_given_names = frozenset(vocab["place_given_names"])
        # "Dorn Naaba Y": a ruler's title follows his area, which is no word of his name.
        self.ruler_titles = frozenset(vocab["ruler_titles"])
        self.place_words_before = frozenset(vocab["person_given_name_not_after"])
        self.person_passives = frozenset(vocab["person_passives"])
        # "the armed group Zinda Brotherhood denied": a kind of body right before a name makes it the body's.
        self.body_kinds = frozenset(p.split()[-1] for p in vocab["org_kinds_before"] + vocab["group_nouns"])
        # A plural role takes a list of names ("commanders A B and C D"): every one-word role, pluralised.
        plurals = set(vocab["person_plural_roles"])
        for kind in ("leader", "member", "person_nouns"):
            for word in roles[kind]:
                if " " not in word and word.isalpha() and word.islower() and not word.endswith("s"):
                    plurals.add(word[:-3] + "men" if word.endswith("man") else word + "s")
        # A capitalised role opening a sentence is no part of the name after it ("Commanders Ana Ruiz and ...").
        self.role_words = frozenset(self.kind_of) | frozenset(plurals)
        self.loose_cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.loose_cues.add("cue", [nlp.make_doc(p) for p in vocab["person_cues_loose"]])
        self.loose_cues.add("plural", [nlp.make_doc(p) for p in sorted(plurals)])
        # "his sons Temir and Bakar": kin named by a possessive take one-word names.
        self.kin_plurals = frozenset(vocab["person_kin_plurals"])
        self.loose_cues.add("kin", [nlp.make_doc(p) for p in sorted(self.kin_plurals)])
        # "twelve people, including A B, C D and E F": a list of people opened after a word for people.
        self.loose_cues.add("list", [nlp.make_doc(p) for p in vocab["person_list_cues"]])
        self.list_heads = frozenset(vocab["person_list_heads"]) | self.people_after | plurals
        # The words at which _named_by_context's tests can fire (see there).
        self.context_triggers = (
            self.report_verbs | self.person_verbs | {",", "of", "and", "was", "were", "had", "has", "have", "'s", "’s"}
        )

    def _is_name(self, token) -> bool:
        text = token.text
        return (
            (token.is_title or apostrophe_title(text) or CAMEL_NAME.match(text) is not None)
            and text not in self.not_name
            and len(text) > 1
            and all(ch.isalpha() or ch in "'’" for ch in text)
        )

    def _name_at(self, doc: Doc, k: int) -> bool:
        """``_is_name`` of token k, remembered by the word's text: it reads nothing else, and the
        name runs ask about the same words again and again."""
        text = token_view(doc).texts[k]
        known = self._name_texts.get(text)
        if known is None:
            if len(self._name_texts) > 200_000:
                self._name_texts.clear()
            known = self._name_texts[text] = self._is_name(doc[k])
        return known

    def _name_forward(self, doc: Doc, i: int, taken: list[bool]) -> int:
        """End of a person name starting at token i (i itself when there is none)."""
        j, last_name_end = i, i
        if self._abbreviation(doc, j):
            return i  # "spokesman Brig. Gen. …": a rank, not the name
        soft = self._surnames
        view, flags = token_view(doc), token_flags(doc)
        texts, n = view.texts, len(view.texts)
        while j < n and j - i < 7 and (not taken[j] or j in soft):
            if taken[j]:
                # "spokesman Tarek Sudani, said": a place's or people's name may be a surname; it ends
                # the person's name when name words open it and no capitalised word follows.
                if last_name_end == j > i and (j + 1 >= n or not (flags.is_title[j + 1] or flags.is_upper[j + 1])):
                    j += 1
                    last_name_end = j
                break
            if self._name_at(doc, j):
                j += 1
                last_name_end = j
            elif j > i and self._initial(doc, j) and not taken[j + 1] and self._name_at(doc, j + 1):
                j += 1  # "Ana M. Ruiz": a middle initial between name words
            elif j > i and (close := self._nickname_end(doc, j, taken)):
                # "Ana “La Jefa” Ruiz": a nickname in quotes between name words is part of the name.
                j = close
            elif (
                view.lowers[j] in self.particles and j + 1 < n and (texts[j + 1] == "-" or self._name_at(doc, j + 1))
            ) or (
                texts[j] == "-"
                and j > i
                and j + 1 < n
                and self._name_at(doc, j + 1)
                and not flags.spacy[j]
                and not flags.spacy[j - 1]
            ):
                j += 1
            else:
                break
        # "Romeo Brawner Jr.", "Gabriel Viray III": a generational suffix ends the name.
        if (
            last_name_end > i
            and last_name_end < n
            and not taken[last_name_end]
            and texts[last_name_end] in self.suffixes
        ):
            last_name_end += 1
        return last_name_end

    def _nickname_end(self, doc: Doc, j: int, taken: list[bool]) -> int:
        """After a quoted nickname of one to four capitalised words that opens at j and is followed
        by a name word; 0 when there is none."""
        texts = token_view(doc).texts
        if texts[j] not in OPEN_QUOTES:
            return 0
        is_title, n = token_flags(doc).is_title, len(texts)
        k = j + 1
        while k < n and k - j <= 4 and not taken[k] and is_title[k]:
            k += 1
        if k == j + 1 or k + 1 >= n or texts[k] not in CLOSE_QUOTES or taken[k + 1]:
            return 0
        return k + 1 if self._name_at(doc, k + 1) else 0

    @staticmethod
    def _initial(doc: Doc, j: int) -> bool:
        """One capital letter with its full stop ("M."), followed by another token."""
        texts = token_view(doc).texts
        text = texts[j]
        return j + 1 < len(texts) and len(text) == 2 and text[0].isupper() and text[1] == "."

    @staticmethod
    def _abbreviation(doc: Doc, j: int) -> bool:
        """A short capitalised word with its full stop attached ("Brig.", "Col."): a title, never a name."""
        texts, flags = token_view(doc).texts, token_flags(doc)
        return (
            j + 1 < len(texts)
            and texts[j + 1] == "."
            and not flags.spacy[j]
            and flags.is_title[j]
            and len(texts[j]) <= 5
        )

    def _name_backward(self, doc: Doc, end: int, taken: list[bool]) -> int:
        """Start of a person name ending at token end (exclusive); end itself when there is none."""
        j, start, names = end - 1, end, 0
        view, flags = token_view(doc), token_flags(doc)
        texts = view.texts
        while j >= 0 and end - j <= 9 and not taken[j]:
            if self._name_at(doc, j):
                names += 1
                start = j
            elif names and j > 0 and self._initial(doc, j) and not taken[j - 1] and self._name_at(doc, j - 1):
                pass  # "Ana M. Ruiz": a middle initial inside the name
            elif texts[j] == "”" and names and (opening := self._nickname_start(doc, j, taken)):
                j = opening  # "Ana “La Jefa” Ruiz": the nickname is inside the name
            elif not (view.lowers[j] in self.particles or (texts[j] == "-" and not flags.spacy[j])):
                break
            j -= 1
        return start if names >= 2 else end

    def _nickname_start(self, doc: Doc, close: int, taken: list[bool]) -> int:
        """The opening quote of a nickname closed at ``close``, after a name word; 0 when there is none."""
        texts, is_title = token_view(doc).texts, token_flags(doc).is_title
        k = close - 1
        while k > 0 and close - k <= 4 and not taken[k] and is_title[k]:
            k -= 1
        ok = k < close - 1 and k > 0 and texts[k] == "“" and not taken[k - 1] and self._name_at(doc, k - 1)
        return k if ok else 0

    def find(self, doc: Doc, ents: list[Span]) -> tuple[list[Span], list[RoleLink]]:
        view, flags = token_view(doc), token_flags(doc)
        texts, lowers = view.texts, view.lowers
        self._surnames = frozenset(e.start for e in ents if len(e) == 1 and e.label_ in ("GPE", "NORP"))
        self._place_starts = frozenset(e.start for e in ents if e.label_ in ("GPE", "LOC"))
        taken = [False] * len(doc)
        for e in ents:
            for k in range(e.start, e.end):
                taken[k] = True
        for e in ents:
            if len(e) == 1 and e.text in self.place_given_names and self._opens_name(doc, e.end, taken):
                taken[e.start] = False  # "Christian Dorsa", "Israel Kovar": a first name, if a person's name follows
        ent_ending_at = {e.end: e for e in ents}
        ent_starting_at = {e.start: e for e in ents}
        people: list[Span] = []
        links: list[RoleLink] = []
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        for _, start, end in matches:
            if any(taken[start:end]):
                continue
            kind = self.kind_of.get(doc[start:end].text.lower(), "member")
            begin, rule = end, f"roles.{kind}"
            stop = self._name_forward(doc, end, taken)
            if stop > end and stop + 1 < len(doc) and f"{texts[stop]} {texts[stop + 1]}" in self.place_last_words:
                stop = end  # "Prince Sultan Air Base": the title opens a place's name, no person's
            elif stop > end and stop < len(doc) and texts[stop] in self.place_last_words:
                stop = end
            elif stop > end + 1 and texts[stop - 1] in self.facility_last_words:
                stop = end  # "Prince Dorsa Park", "Pope Leo Street": the place's head closed the run
            elif stop > end and texts[start] in self.ruler_titles and any(self._place_word(t) for t in texts[end:stop]):
                # A local ruler's title is also a place's word ("the Naa Gate area"): the name after
                # it must hold no word of a facility or a place, not even one word alone.
                stop = end
            if (
                stop > end
                and kind == "honorific"
                and end - start == 1
                and flags.is_alpha[start]
                and flags.is_title[start]
                and texts[start] not in self.ruler_titles
            ):
                # "Hassan Sheikh Mohamud": a title between name words is part of the name.
                begin = self._name_start(doc, start, taken)
                rule = "roles.honorific.inside" if begin < start else rule
                begin = begin if begin < start else end
            elif stop == end:
                # "the city's mayor, Ana Ruiz, said", "Iran's envoy to Chad, Ali Nouri, said".
                begin = self._after_comma(doc, end, ent_starting_at)
                stop = self._name_forward(doc, begin, taken) if begin > end else end
                if not self._closed_name(doc, begin, stop):
                    begin = stop = end
                rule = f"roles.{kind}.comma"
            if stop > end:
                person = Span(doc, begin, stop, label="PERSON", span_id=rule)
                org = ent_ending_at.get(start)
                if org is None and start >= 2 and lowers[start - 1] in ("'s", "’s"):
                    org = ent_ending_at.get(start - 1)
                people.append(person)
                links.append(RoleLink(person, org if org is not None and org.label_ in ("ORG", "GPE") else None, kind))
                for k in range(begin, stop):
                    taken[k] = True
                continue
            # Apposition: "Name Surname, the leader of ORG", "Name, a spokesman for ORG", "Name, the
            # UN Special Coordinator", "Name, Erdogan's communications director".
            k = start - 1
            while k >= 0 and start - k <= 7 and self._in_role_phrase(doc, k):
                k -= 1
            if k >= 1 and texts[k] == ",":
                begin = self._name_backward(doc, k, taken)
                if begin < k:
                    after = end
                    org = None
                    if after < len(doc) and lowers[after] in self.of_words:
                        org_at = after + 2 if after + 1 < len(doc) and lowers[after + 1] == "the" else after + 1
                        org = ent_starting_at.get(org_at)
                    person = Span(doc, begin, k, label="PERSON", span_id=f"roles.{kind}.apposition")
                    people.append(person)
                    links.append(
                        RoleLink(person, org if org is not None and org.label_ in ("ORG", "GPE") else None, kind)
                    )
                    for t in range(begin, k):
                        taken[t] = True
        people += self._named_by_context(doc, taken, ents)
        people += self._coordinated(doc, people, taken)
        return people, links

    def _place_word(self, text: str) -> bool:
        """A word that closes a facility's or a place's name ("Gate", "Market", "District")."""
        return text in self.facility_last_words or text in self.place_last_words

    def _opens_name(self, doc: Doc, k: int, taken: list[bool]) -> bool:
        """A surname-shaped word at k, or a quoted nickname before one ("Chad “Bull” Ruiz"): what
        makes a nationality or country word before it a first name. A body's word ("Christian Aid",
        "Christian Democrats") is none."""
        view = token_view(doc)
        if k < len(doc) and view.texts[k] in ("“", '"') and self._nickname_end(doc, k, taken):
            return True
        if k >= len(doc) or taken[k] or not self._name_at(doc, k):
            return False
        text = view.texts[k]
        return view.lowers[k] not in self.not_person and not text.endswith("s") and text not in self.not_first

    def _name_start(self, doc: Doc, k: int, taken: list[bool]) -> int:
        """Start of the name words right before token k (k itself when there are none)."""
        begin = k
        while begin > 0 and k - begin < 4 and not taken[begin - 1] and self._name_at(doc, begin - 1):
            begin -= 1
        return begin

    def _after_comma(self, doc: Doc, end: int, ent_starting_at: dict[int, Span]) -> int:
        """Where a name stands after a role and a comma, past a "to/of/for <mention>" phrase; ``end`` when none."""
        view, flags = token_view(doc), token_flags(doc)
        texts, lowers = view.texts, view.lowers
        k = end
        if k + 1 < len(doc) and lowers[k] in self.of_words | {"to"}:
            at = k + 2 if lowers[k + 1] == "the" else k + 1
            mention = ent_starting_at.get(at)
            if mention is not None:
                k = mention.end
            else:
                # "the mayor of Temboro, Ana Ruiz, said": a place no finder has reached yet.
                run = at
                while run < len(doc) and run - at < 3 and self._name_at(doc, run):
                    run += 1
                if run == at and lowers[at - 1] == "the":
                    # "a spokesman for the group, Ana Ruiz, said": a body named by its kind.
                    while run < len(doc) and run - at < 2 and flags.is_lower[run] and flags.is_alpha[run]:
                        run += 1
                k = run if run > at and run < len(doc) and texts[run] == "," else k
        return k + 1 if k < len(doc) and texts[k] == "," else end

    def _closed_name(self, doc: Doc, begin: int, stop: int, least: int = 2) -> bool:
        """Two name words or more, closed by punctuation or a reporting verb: an apposition, not a longer name."""
        view = token_view(doc)
        texts, lowers = view.texts, view.lowers
        names = sum(1 for k in range(begin, stop) if self._name_at(doc, k))
        return names >= least and (
            stop >= len(doc)
            or texts[stop] in (",", ".", ";", ")")
            or lowers[stop] in self.report_verbs
            or lowers[stop] in self.person_tails
        )

    def _named_after_cue(self, doc: Doc, taken: list[bool]) -> list[tuple[int, int, str]]:
        """Full names after a phrase that introduces a person ("a militia led by Ana Ruiz", "a man
        called Abu Samir"), and a second one joined by "and" ("naming them as A B and C D")."""
        view, flags = token_view(doc), token_flags(doc)
        texts, lowers = view.texts, view.lowers
        found = []
        for _, start, end in self.cues(doc):
            # After "alias" one name word is enough ("alias Kulot", "alias “Engineer”").
            least = 1 if doc[start:end].text.lower() in self.one_word_cues or self._said_of_person(doc, start) else 2
            begin = end + 1 if end < len(doc) and texts[end] in ("“", '"', "‘") else end
            while begin < len(doc):
                stop = self._name_forward(doc, begin, taken)
                closed = self._closed_name(doc, begin, stop, least) or (
                    stop < len(doc) and texts[stop] in ("”", '"', "’")
                )
                # One name word after a cue may be followed by the rest of the clause ("known as A and B on Friday").
                closed = closed or (least == 1 and stop > begin and stop < len(doc) and flags.is_lower[stop])
                if not closed and not (stop < len(doc) and lowers[stop] == "and"):
                    break
                if sum(1 for k in range(begin, stop) if self._name_at(doc, k)) < least:
                    break
                found.append((begin, stop, "people.after_cue"))
                if stop + 1 >= len(doc) or lowers[stop] != "and":
                    break
                begin = stop + 1
        return found

    @staticmethod
    def _after_quote(doc: Doc, verb: int) -> bool:
        """A reporting verb right after a closing quote and its comma ('…," said' or '…", said')."""
        before = [t.text for t in doc[max(verb - 2, 0) : verb]]
        return len(before) == 2 and (
            (before[0] == "," and before[1] in CLOSE_QUOTES) or (before[0] in CLOSE_QUOTES and before[1] == ",")
        )

    def _person_shaped(self, doc: Doc, begin: int, end: int) -> bool:
        """Two to four name words, none of them a word of an institution or a place ("Farmers Association")."""
        view = token_view(doc)
        lowers, stop = view.lowers, min(end, len(view.lowers))  # as the slice doc[begin:end] reads
        words = sum(1 for k in range(begin, stop) if self._name_at(doc, k))
        return (
            2 <= words <= 4
            and view.texts[begin] not in self.not_first
            and not any(lowers[k] in self.not_person for k in range(begin, stop))
            and not (begin > 0 and lowers[begin - 1] in self.body_kinds)
            # "met Kelmar Airways executives": a run before a plural noun of people is its modifier.
            and not (end < len(lowers) and lowers[end] in self.people_after)
        )

    def _named_after_loose_cue(self, doc: Doc, taken: list[bool]) -> list[tuple[int, int, str]]:
        """Full names after a phrase that takes a person as object or agent ("according to Ana Ruiz",
        "met Ana Ruiz on Monday", "signed by Ana Ruiz") and lists after a plural role ("commanders
        Ana Ruiz and Tomas Vel were killed"). A lower-case word closes the name as well as punctuation:
        the name run has already stopped at the first word that is no name."""
        view = token_view(doc)
        texts, lowers = view.texts, view.lowers
        found = []
        for match_id, start, end in self.loose_cues(doc):
            kind = doc.vocab.strings[match_id]
            if kind == "list" and not self._after_people(doc, start):
                continue
            kin = kind == "kin"
            if kin and not (start > 0 and lowers[start - 1] in ("his", "her", "their")):
                continue
            plural = kind in ("plural", "list", "kin")
            begin = end
            if plural and begin + 1 < len(doc) and texts[begin] == "," and not taken[begin + 1]:
                begin += 1  # "two hostages, Ana Ruiz and Tomas Vel, were freed": the list in apposition
            items: list[tuple[int, int, str]] = []
            failed = -1  # where an item of the list that is no person's name stands
            while begin < len(doc) and not taken[begin]:
                stop = self._name_forward(doc, begin, taken)
                one_name = (
                    kin and stop == begin + 1 and (self._one_name_closed(doc, stop) or lowers[stop] in KIN_CLOSERS)
                )
                if stop == begin or not (self._person_shaped(doc, begin, stop) or one_name):
                    failed = begin
                    break
                after = doc[stop] if stop < len(doc) else None
                # "according to Derra Town police": a place or body before its own noun is no person.
                closed = (
                    after is None
                    or after.text in (",", ".", ";", ")", ":")
                    or (after.is_lower and after.lower_ not in self.not_person and after.lower_ not in self.kind_of)
                )
                if not closed:
                    failed = begin
                    break
                items.append((begin, stop, "people.list" if kind == "list" else "people.after_loose_cue"))
                # A list goes on after "and" or, behind a plural role, after a comma too.
                if after is None or not (after.lower_ == "and" or (plural and after.text == ",")):
                    break
                begin = stop + 1
                if plural and begin < len(doc) and lowers[begin] == "and":
                    begin += 1
                if plural and not kin and begin < len(doc) and not taken[begin]:
                    # "sepoys Ana Ruiz and Tomas": after a full name, one name word is a person of the list
                    # (kin take one name word anywhere in their list).
                    one = self._name_forward(doc, begin, taken)
                    if one == begin + 1 and self._one_name_closed(doc, one):
                        items.append((begin, one, "people.after_loose_cue"))
                        break
            else:
                failed = begin if items and begin < len(doc) else -1  # a name found before stops the list
            # "his brothers Kelmar and Tarsa Province": a list that goes on with a place is no list of
            # people, and a lone word in it is no one's name; full names keep their own shape.
            if failed >= 0 and self._place_at(doc, failed):
                items = [item for item in items if item[1] - item[0] > 1]
            found += items
        return found

    def _place_at(self, doc: Doc, k: int) -> bool:
        """A place's name at k: a place found by the gazetteer, or capitalised words closed by a
        word of a place or a facility ("Tarsa Province", "Dorvo Market")."""
        if k in self._place_starts:
            return True
        texts, is_title = token_view(doc).texts, token_flags(doc).is_title
        j = k
        while j < len(doc) and j - k < 5 and is_title[j]:
            if j > k and self._place_word(texts[j]):
                return True
            j += 1
        return False

    def _named_by_given_name(self, doc: Doc, taken: list[bool]) -> list[tuple[int, int, str]]:
        """A full name opened by a common given name ("Amadou Keita", "Olena Marchuk") wherever it
        stands: the last resort after roles and context. The name must stand alone (no capitalised
        word before or after it) and hold no word of a place or a body ("Ahmadu Tessa University")."""
        view = token_view(doc)
        texts, lowers = view.texts, view.lowers
        found = []
        for i in [k for k, text in enumerate(texts) if text in self.given_names]:
            if taken[i] or (i > 0 and not taken[i - 1] and self._name_at(doc, i - 1)):
                continue
            if i > 0 and lowers[i - 1] in self.place_words_before:
                continue  # "near Ali Sabieh": towns are named after people too
            stop = self._name_forward(doc, i, taken)
            if stop - i < 2 or not self._person_shaped(doc, i, stop):
                continue
            after = doc[stop] if stop < len(doc) else None
            if after is not None and (
                (after.is_title and not taken[stop])
                or after.lower_ in self.not_person
                or after.text in ("-", "–")
                or after.lower_ in self.particles  # "… Badr al-Din al-<a group's name>": cut short
            ):
                continue
            found.append((i, stop, "people.given_name"))
        return found

    def _after_people(self, doc: Doc, cue: int) -> bool:
        """A word for people within three words before a list cue ("the dead included", "nine
        people, among them"): "including" opens lists of places and bodies as often."""
        return any(t.lower_ in self.list_heads for t in doc[max(cue - 3, 0) : cue])

    def _subject_names(self, doc: Doc, verb: int, taken: list[bool]) -> list[tuple[int, int]]:
        """The full name right before ``verb``, and a second one joined to it by "and" ("Ana Ruiz
        and Tomas Vel were freed"); none when the run ends a longer name."""
        view = token_view(doc)
        lowers = view.lowers
        begin = self._unroled(doc, self._name_backward(doc, verb, taken), verb)
        if begin == verb or not self._person_shaped(doc, begin, verb):
            return []
        if not self._ends_longer_name(doc, begin, taken):
            return [(begin, verb)]
        if begin >= 3 and lowers[begin - 1] == "and" and not taken[begin - 2]:
            first = self._unroled(doc, self._name_backward(doc, begin - 1, taken), begin - 1)
            if (
                first < begin - 1
                and self._person_shaped(doc, first, begin - 1)
                and not self._ends_longer_name(doc, first, taken)
            ):
                return [(first, begin - 1), (begin, verb)]
        return []

    def _unroled(self, doc: Doc, begin: int, end: int) -> int:
        """Past a capitalised role opening a sentence ("Commanders Ana Ruiz"): no part of the name."""
        view = token_view(doc)
        lowers = view.lowers
        return begin + 1 if begin < end and lowers[begin] in self.role_words else begin

    def _person_tail_word(self, doc: Doc, k: int) -> bool:
        """A kin or companion noun within two words at k ("her husband", "his two sons")."""
        return any(t.lower_ in self.kin for t in doc[k : k + 3])

    def _one_name_closed(self, doc: Doc, end: int) -> bool:
        view = token_view(doc)
        texts, lowers = view.texts, view.lowers
        return end >= len(doc) or texts[end] in (",", ".", ";", ")") or lowers[end] in self.clause_verbs

    def _coordinated(self, doc: Doc, people: list[Span], taken: list[bool]) -> list[Span]:
        """A full name joined by "and" to a person found ("Ana Ruiz and Tomas Vel were freed") is a
        person: news coordinates people with people."""
        view, flags = token_view(doc), token_flags(doc)
        lowers = view.lowers
        out = []
        for person in people:
            after = person.end
            if after + 2 < len(doc) and lowers[after] == "and" and not taken[after + 1]:
                stop = self._name_forward(doc, after + 1, taken)
                if self._person_shaped(doc, after + 1, stop) and (stop >= len(doc) or not flags.is_title[stop]):
                    out.append(Span(doc, after + 1, stop, label="PERSON", span_id="people.coordinated"))
            before = person.start - 1
            if before >= 2 and lowers[before] == "and" and not taken[before - 1]:
                begin = self._name_backward(doc, before, taken)
                if (
                    begin < before
                    and self._person_shaped(doc, begin, before)
                    and not self._ends_longer_name(doc, begin, taken)
                ):
                    out.append(Span(doc, begin, before, label="PERSON", span_id="people.coordinated"))
        for span in out:
            taken[span.start : span.end] = [True] * len(span)
        return out

    def _said_of_person(self, doc: Doc, cue: int) -> bool:
        """Whether the words just before a cue ("known as") speak of a person: a comma after a
        name ("Dagalo, widely known as"), a role or a word for people ("two men known as")."""
        view = token_view(doc)
        lowers = view.lowers
        for k in range(cue - 1, max(cue - 4, -1), -1):
            lower = lowers[k]
            if lower == "," or lower in self.kind_of or lower in self.people_words:
                return True
        return False

    def _in_role_phrase(self, doc: Doc, k: int) -> bool:
        """Words between an apposition's comma and its role: "the", "a", modifiers, an owner ("UN", "Erdogan's")."""
        t = doc[k]
        return (
            (t.is_alpha and (t.is_lower or t.is_title or t.is_upper))
            or t.lower_ in ("'s", "’s")
            # "the U.N. refugee chief": an owner's initials with their dots.
            or (
                "." in t.text and len(t) > 2 and t.text.replace(".", "").isalpha() and t.text.replace(".", "").isupper()
            )
            # "co-chair", "the African Union (AU) envoy": a tight hyphen, an acronym's brackets.
            or (t.text == "-" and not t.whitespace_ and k > 0 and not doc[k - 1].whitespace_)
            or (t.text == "(" and k + 2 < len(doc) and doc[k + 1].is_upper and doc[k + 2].text == ")")
            or (t.text == ")" and k >= 2 and doc[k - 1].is_upper and doc[k - 2].text == "(")
        )

    @staticmethod
    def _ends_longer_name(doc: Doc, begin: int, taken: list[bool]) -> bool:
        """Preceded by "the", a connector or another name word, a name run is the end of a longer name."""
        before = doc[begin - 1] if begin > 0 else None
        return before is not None and (
            taken[begin - 1] or before.is_title or before.lower_ in ("the", "of", "for", "and", "on")
        )

    @staticmethod
    def _names_after(doc: Doc, k: int) -> bool:
        """A capitalised word at k: what a person's "of" phrase names (a state, a body)."""
        flags = token_flags(doc)
        return k < len(doc) and (flags.is_title[k] or flags.is_upper[k]) and flags.is_alpha[k]

    def _person_tail(self, doc: Doc, comma: int) -> bool:
        """What only follows a person's name after a comma: a relative "who"/"whose", or an age
        ("…, 34, said", "…, a 34-year-old farmer", "…, aged 34")."""
        k = comma + 1
        view = token_view(doc)
        lowers = view.lowers
        if k >= len(lowers):
            return False
        if lowers[k] in self.person_tails:
            return True
        if lowers[k] in ("a", "an", "aged"):
            k += 1
        # Plain lists first (this runs at every comma); the span's text only where an age may stand.
        if k + 1 >= len(lowers) or not token_flags(doc).is_digit[k] or len(view.texts[k]) > 3:
            return False
        after = doc[k + 1 : k + 4].text.replace(" ", "")
        # "…, and Ana Ruiz, 33.": the last of a list of victims closes its age with the sentence.
        closed = lowers[k + 1] == "," or (lowers[k + 1] in (".", ";") and len(view.texts[k]) <= 2)
        return after.startswith("-year") or (closed and lowers[k - 1] == ",")

    def _named_by_context(self, doc: Doc, taken: list[bool], ents: list[Span]) -> list[Span]:
        """Full names (two name words or more) that no role introduces, found by what surrounds them:
        a reporting verb after ("Mohamed Suliman said", "Tom Fletcher told"), or a state's possessive
        before ("Chad's Idriss Deby"). A name run cut short by an institution word ("Transitional
        Council") is no person."""
        found = []
        gpe_ending_at = {e.end for e in ents if e.label_ == "GPE"}
        body_starting_at = {e.start for e in ents if e.label_ in ("ORG", "NORP")}
        view, flags = token_view(doc), token_flags(doc)
        texts, lowers = view.texts, view.lowers
        # Plain lists, not Tokens: this loop looks at every token of every article.
        is_lower, is_alpha, is_title = flags.is_lower, flags.is_alpha, flags.is_title
        n = len(doc)
        # Only a trigger word, or a word before a personal pronoun, can start any of the tests below
        # (none of which changes anything): the other tokens, most of an article, are passed over at once.
        triggers, pronouns = self.context_triggers, PRONOUNS_AFTER_SUBJECT
        following = lowers[1:] + [""] if lowers else []
        candidates = [
            i
            for i, (lower, after) in enumerate(zip(lowers, following, strict=True))
            if lower in triggers or after in pronouns
        ]
        for i in candidates:
            lower = lowers[i]
            if taken[i]:
                continue
            rule = (
                "people.said_name"
                if lower in self.report_verbs
                else "people.apposition_tail"
                if lower == "," and self._person_tail(doc, i)
                else "people.of_mention"
                if lower == "of" and self._names_after(doc, i + 2 if lowers[i + 1 : i + 2] == ["the"] else i + 1)
                else None
            )
            if lower in self.report_verbs and i + 2 < n and not taken[i + 1]:
                # '"…," said Ana Ruiz, a nurse': the speaker after the verb, closed by punctuation.
                stop = self._name_forward(doc, i + 1, taken)
                if stop > i + 1 and self._closed_name(doc, i + 1, stop) and lowers[stop] not in self.report_verbs:
                    found.append((i + 1, stop, "people.said_after"))
                elif (
                    stop > i + 1
                    and stop < n
                    and is_lower[stop]
                    and self._after_quote(doc, i)
                    and self._person_shaped(doc, i + 1, stop)
                ):
                    # '"We fled," said Ana Ruiz on Monday': a quote's speaker, whatever words follow.
                    found.append((i + 1, stop, "people.said_after_quote"))
                elif stop > i + 1 and stop < n and self._person_shaped(doc, i + 1, stop):
                    # "police said Ana Ruiz was freed": the subject of the reported clause, alone or
                    # with a second name ("said Ana Ruiz and Tomas Vel were freed").
                    second = self._name_forward(doc, stop + 1, taken) if lowers[stop] == "and" else stop
                    verb_at = second if second > stop else stop
                    if verb_at < n and lowers[verb_at] in self.clause_verbs:
                        found.append((i + 1, stop, "people.said_subject"))
                        if second > stop and self._person_shaped(doc, stop + 1, second):
                            found.append((stop + 1, second, "people.said_subject"))
            if (
                lower == "and"
                and i >= 2
                and not taken[i - 1]
                and lowers[i + 1 : i + 2] in (["his"], ["her"])
                and self._person_tail_word(doc, i + 2)
            ):
                # "Ana Ruiz and her two sons were freed": a name joined to its own kin is a person's.
                begin = self._name_backward(doc, i, taken)
                if begin < i and self._person_shaped(doc, begin, i) and not self._ends_longer_name(doc, begin, taken):
                    found.append((begin, i, "people.and_kin"))
            subject = None
            if (lower in ("was", "were") and lowers[i + 1 : i + 2] and lowers[i + 1] in self.person_passives) or (
                lower in ("had", "has", "have")
                and lowers[i + 1 : i + 2] == ["been"]
                and lowers[i + 2 : i + 3]
                and lowers[i + 2] in self.person_passives
            ):
                # "Ana Ruiz was abducted", "Ana Ruiz had been shot": what is done only to people.
                subject = "people.passive_subject"
            elif (
                is_lower[i]
                and is_alpha[i]
                and lowers[i + 1 : i + 2] in (["his"], ["her"], ["himself"], ["herself"])
                and i >= 2
                and is_title[i - 1]
            ):
                # "Ana Ruiz lost her husband": a full name that a personal pronoun takes up.
                subject = "people.pronoun_subject"
            if subject is not None and i >= 2 and not taken[i - 1]:
                if lowers[i - 1] == ",":
                    # "The last, Ana Ruiz, was freed": the subject between commas.
                    begin = self._name_backward(doc, i - 1, taken)
                    if (
                        begin < i - 1
                        and begin > 0
                        and lowers[begin - 1] == ","
                        and self._person_shaped(doc, begin, i - 1)
                    ):
                        found.append((begin, i - 1, subject))
                else:
                    found += [(b, e, subject) for b, e in self._subject_names(doc, i, taken)]
            if lower in self.person_verbs and i >= 2 and not taken[i - 1]:
                # "Ana Ruiz denied the charge": a full name as the subject of a verb people use.
                begin = self._name_backward(doc, i, taken)
                if begin < i and self._person_shaped(doc, begin, i) and not self._ends_longer_name(doc, begin, taken):
                    found.append((begin, i, "people.verb_subject"))
            if rule is not None and i >= 1:
                begin = self._name_backward(doc, i, taken)
                # "A B of Norland and C D of Kestria": a list of people, each with the body they come from.
                listed = rule == "people.of_mention" and begin >= 2 and lowers[begin - 1] == "and" and taken[begin - 2]
                # Only a person takes "who" or an age: a connector before the name opens no longer name.
                connector = rule == "people.apposition_tail" and lowers[begin - 1] in ("for", "of", "and", "on")
                if begin < i and (listed or connector or not self._ends_longer_name(doc, begin, taken)):
                    found.append((begin, i, rule))
                elif (
                    begin == i
                    and rule == "people.apposition_tail"
                    and not taken[i - 1]
                    and self._name_at(doc, i - 1)
                    and texts[i - 1] not in self.not_first
                    and lower not in self.person_tails
                    and lowers[i + 2 : i + 3] not in ([";"], ["."])  # "Dorvo, 12; Kelmar, 7": a tally by place
                    and (
                        i == 1
                        or flags.sent_start[i - 1]
                        or lowers[i - 2] in (",", "said", "says")
                        or flags.is_quote[i - 2]
                    )
                ):
                    # "Amal, 34, a teacher, said": an age makes one name word a person's.
                    found.append((i - 1, i, "people.age_one_name"))
            elif lower in ("'s", "’s") and i + 1 in body_starting_at and not taken[i - 1]:
                # "Ana Ruiz's National Front": a full name owning a body is its leader's.
                begin = self._name_backward(doc, i, taken)
                if begin < i and not self._ends_longer_name(doc, begin, taken):
                    found.append((begin, i, "people.possessive_owner"))
            elif (
                lower in ("'s", "’s")
                and i + 1 < n
                and lowers[i + 1] in self.possessed
                and is_lower[i + 1]
                and not taken[i - 1]
            ):
                # "Ana Ruiz's widow", "Ana Ruiz's arrest": what only a person has or undergoes.
                begin = self._name_backward(doc, i, taken)
                if begin < i and self._person_shaped(doc, begin, i) and not self._ends_longer_name(doc, begin, taken):
                    found.append((begin, i, "people.possessed"))
            elif lower in ("'s", "’s") and i in gpe_ending_at:
                stop = self._name_forward(doc, i + 1, taken)
                names = sum(1 for k in range(i + 1, stop) if self._name_at(doc, k))
                place = texts[stop - 1] in self.place_last_words
                if names >= 2 and not place and not (stop < n and is_title[stop]):
                    found.append((i + 1, stop, "people.possessive_name"))
        for e in ents:
            # "South African Ana Ruiz was killed": a nationality before a full name describes a person.
            if e.label_ == "NORP" and e.end < n and not taken[e.end]:
                stop = self._name_forward(doc, e.end, taken)
                names = sum(1 for k in range(e.end, stop) if self._name_at(doc, k))
                if names >= 2 and (stop >= n or not (is_title[stop] or texts[stop] in ("-", "'s", "’s"))):
                    found.append((e.end, stop, "people.nationality_name"))
        found += self._named_after_cue(doc, taken)
        found += self._named_after_loose_cue(doc, taken)
        found += self._named_by_given_name(doc, taken)
        out = []
        for begin, end, rule in found:
            # "the local daily Sabah Kelmar said": a kind of body right before a name makes it the body's.
            if begin > 0 and lowers[begin - 1] in self.body_kinds and is_lower[begin - 1]:
                continue
            if not any(taken[begin:end]):
                out.append(Span(doc, begin, end, label="PERSON", span_id=rule))
                for t in range(begin, end):
                    taken[t] = True
        return out


def _inside_longer_name(doc: Doc, start: int, end: int, titles: Set[str] = frozenset()) -> bool:
    """Whether tokens start..end are part of a longer name: a capitalised word (not a title such as
    "President", nor a sentence's opening function word), a tight hyphen or a closing quote next to them."""
    view, flags = token_view(doc), token_flags(doc)
    texts = view.texts
    if start > 0:
        before = doc[start - 1]
        # A curly closing quote ends a nickname ("Ana “La Jefa” Ruiz"); a straight one may end a quotation.
        if before.text in ("-", "–", "”"):
            return True
        if before.is_alpha and before.is_title and not before.is_stop and before.text not in titles:
            return True
    if end < len(doc):
        after = doc[end]
        if after.is_alpha and after.is_title:
            return True
        quoted = start > 0 and texts[start - 1] == "“" and after.text == "”"
        if quoted and end + 1 < len(doc) and flags.is_title[end + 1]:
            return True  # the nickname of a longer name ("A “El Toro” B")
        if after.text in ("-", "–") and not flags.spacy[end - 1]:
            return True
    return False


def alias_mentions(
    doc: Doc,
    people: list[Span],
    claimed: Sequence[bool],
    suffixes: Set[str] = frozenset(),
    report_verbs: Set[str] = frozenset(),
    titles: Set[str] = frozenset(),
) -> tuple[list[Span], dict[tuple[int, int], str]]:
    """Later (or earlier) short forms of full names found by role: "Guterres" after "Antonio Guterres".

    A short form two people share ("Deby" after "Idriss Deby Itno" and "Mahamat Idriss Deby Itno")
    is the one whose full name was written last before it, as a reader takes it; before either, it
    is left alone. A first name alone names the person only as a speaker ("Berhanu said" after
    "Berhanu Jula"): several naming customs put the name in use first, but a bare first name
    elsewhere is too often someone else's.

    Returns the new mentions and the ref (canonical full name) of every person mention.
    """
    taken = list(claimed)
    refs: dict[tuple[int, int], str] = {}
    forms: dict[tuple[str, ...], set[str]] = {}
    firsts_speaking: dict[str, set[str]] = {}
    written_at: dict[str, list[int]] = {}
    for p in people:
        full = person_ref(p)
        refs[(p.start, p.end)] = full
        written_at.setdefault(full, []).append(p.start)
        inside = nickname_bounds(p)
        if inside is not None:
            # The nickname alone names the person too ("La Jefa" after "Ana “La Jefa” Ruiz").
            forms.setdefault(tuple(t.text for t in p.doc[inside[0] + 1 : inside[1] - 1]), set()).add(full)
        words = [t.text for t in p if inside is None or not inside[0] <= t.i < inside[1]]
        if words[-1] in suffixes:
            words = words[:-1]  # "Romeo Brawner Jr." is "Brawner" later
        if sum(1 for w in words if w[:1].isupper()) < 2:
            continue
        forms.setdefault(tuple(words), set()).add(full)
        forms.setdefault((words[-1],), set()).add(full)
        if words[0][:1].isupper():
            firsts_speaking.setdefault(words[0], set()).add(full)
        if len(words) >= 3 and words[-2] == "-":
            forms.setdefault(tuple(words[-3:]), set()).add(full)
        elif len(words) >= 3 and words[-2][:1].isupper():
            # Two surnames ("Rubén Rocha Moya" is "Rocha Moya" later, "Idriss Déby Itno" is "Déby");
            # the longer form is tried first.
            forms.setdefault(tuple(words[-2:]), set()).add(full)
            forms.setdefault((words[-2],), set()).add(full)

    def last_written(fulls: set[str], i: int) -> str | None:
        if len(fulls) == 1:
            return next(iter(fulls))
        before = [(max(s for s in written_at[f] if s < i), f) for f in fulls if min(written_at[f]) < i]
        return max(before)[1] if before else None

    found = []
    lengths = sorted({len(f) for f in forms}, reverse=True)
    words = token_view(doc).texts
    lowers = token_view(doc).lowers
    firsts = {f[0] for f in forms} | set(firsts_speaking)
    i = 0
    while i < len(doc):
        if words[i] not in firsts:
            i += 1
            continue
        for n in lengths:
            key = tuple(words[i : i + n])
            fulls = forms.get(key)
            if fulls is None and n == 1 and i + 1 < len(doc) and lowers[i + 1] in report_verbs:
                fulls = firsts_speaking.get(words[i])
            if not fulls or any(taken[i : i + n]) or _inside_longer_name(doc, i, i + n, titles):
                continue
            chosen = last_written(fulls, i)
            if chosen is None:
                continue
            span = Span(doc, i, i + n, label="PERSON", span_id="people.short_form")
            found.append(span)
            refs[(span.start, span.end)] = chosen
            for k in range(i, i + n):
                taken[k] = True
            i += n - 1
            break
        i += 1
    return found, refs


ROAD_NUMBER = re.compile(r"^[A-Z]{1,2}\d{1,3}$")
# Any script's capitals: "İHD", "ÖHD" are acronyms as "IHD" is.
ACRONYM = re.compile(r"^[^\W\d_a-z][\w&-]{1,9}$")
# Lower-case words inside a body's name; the other languages' articles and conjunctions are data
# ("Ahl al-Sunna wa al-Jamaa", "Frente Popular de Liberacion del Kelmar").
CONNECTORS = frozenset({"of", "for", "the", "and", "de", "du", "des", "la", "le", "in", "on", "to", "&"}) | frozenset(
    load_json("entities.json")["name_connectors"]
)


def _is_acronym(text: str) -> bool:
    return bool(ACRONYM.match(text)) and text[0].isupper() and "_" not in text and sum(ch.isupper() for ch in text) >= 2


def _joins_name(doc: Doc, k: int) -> bool:
    """Whether token k may stand inside a capitalised name: a connector or a tight hyphen ("Jaish-e-Adl")."""
    view, flags = token_view(doc), token_flags(doc)
    texts = view.texts
    token = doc[k]
    if token.lower_ in CONNECTORS:
        return True
    if token.text in ("-", "–"):
        return not token.whitespace_ and k > 0 and not flags.spacy[k - 1]
    return k > 0 and k + 1 < len(doc) and texts[k - 1] == "-" and texts[k + 1] == "-"


def _expansion_start(doc: Doc, end: int, acronym: str, heads: Set[str] = frozenset()) -> int | None:
    """Start of the capitalised name that ends at token ``end`` and that ``acronym`` abbreviates.

    The whole capitalised run (names translated from another language keep no letter order: "Armed
    Forces of the Republic (FAR)"), without leading determiners and connectors, and without a
    sentence-initial word that only opens a phrase ("Fighters of the Popular Resistance Front").
    """
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    k = end - 1
    while k >= 0 and end - k <= 12 and (flags.is_title[k] or _joins_name(doc, k)):
        k -= 1
    start = k + 1
    if start < end - 1 and flags.sent_start[start] and lowers[start + 1] in CONNECTORS:
        start += 1
    while start < end and (lowers[start] in CONNECTORS or lowers[start] in ("the", "a", "an")):
        start += 1
    words = [t for t in doc[start:end] if t.is_title]
    if len(words) < 2 or acronym[0] not in {t.text[0] for t in words}:
        return None
    # "Task Force Delta and Norland Naval Command (NNC)": after "and", a whole institution name of its
    # own (two capitalised words or more, ending in a head) is what the acronym names.
    last_and = max((k for k in range(start + 1, end - 2) if lowers[k] == "and"), default=None)
    if last_and is not None and texts[end - 1] in heads:
        rest = [t for t in doc[last_and + 1 : end] if t.is_title]
        if len(rest) >= 2 and acronym[0] in {t.text[0] for t in rest}:
            start = last_and + 1
            while lowers[start] in ("the", "a", "an"):
                start += 1
            return start
    return start


def target_site(doc: Doc, start: int, end: int, sites: Set[str], attack_words: Set[str]) -> bool:
    """A school or university named as the place of an attack ("gunmen stormed the Kavira Technical
    Institute", "a bombing at Dorvo State University") is a place, LOC; where it acts or employs ("a
    lecturer at the University of Dorvo") it stays ORG (guidelines §2.3). The attack is the word
    before the name, or a word of the same clause before the preposition that places it there."""
    if not sites or not any(t.text in sites for t in doc[start:end]):
        return False
    k = start - 1
    while k >= 0 and doc[k].lower_ in ("the", "a", "an"):
        k -= 1
    if k < 0:
        return False
    if doc[k].lower_ in attack_words:
        return True
    if doc[k].lower_ not in ("at", "in", "inside", "near", "outside", "into", "on", "of"):
        return False
    for j in range(k - 1, max(k - 8, -1), -1):
        token = doc[j]
        if token.is_punct or token.is_sent_start:
            return bool(token.is_sent_start) and token.lower_ in attack_words
        if token.lower_ in attack_words:
            return True
    return False


def _name_label(
    doc: Doc,
    start: int,
    end: int,
    place_heads: Set[str],
    event_heads: Set[str] = frozenset(),
    sites: Set[str] = frozenset(),
    attack_words: Set[str] = frozenset(),
) -> str:
    """ORG; LOC when the name's head noun (its last word before "of/on/for") is a kind of place,
    or when it names a school attacked (``target_site``); EVENT when it is a kind of agreement or
    talks ("Coastal Accord on the Ending of …")."""
    view = token_view(doc)
    lowers = view.lowers
    head = next((doc[k - 1] for k in range(start + 1, end) if lowers[k] in ("of", "on", "for")), doc[end - 1])
    if head.text in place_heads or target_site(doc, start, end, sites, attack_words):
        return "LOC"
    return "EVENT" if head.lower_ in event_heads else "ORG"


def acronym_mentions(
    doc: Doc,
    named: list[Span],
    claimed: Sequence[bool],
    place_heads: Set[str] = frozenset(),
    event_heads: Set[str] = frozenset(),
    sites: Set[str] = frozenset(),
    attack_words: Set[str] = frozenset(),
    heads: Set[str] = frozenset(),
) -> tuple[list[Span], dict[tuple[int, int], str]]:
    """A bracketed acronym after a name defines it: "the Popular Resistance Front (PRF)".

    The acronym takes the label of the name before it: a mention already found, when the name is
    just that mention ("Central African Republic (CAR)"), else the whole capitalised name, new,
    as ORG (LOC when its head is a place: "Line of Control (LoC)"), which wins over a shorter mention
    inside it ("… of the Republic (FAR)"). Every later use of the acronym in the article is
    a mention too, with the full name as ``ref``.
    """
    view, flags = token_view(doc), token_flags(doc)
    texts = view.texts
    taken = list(claimed)
    ending_at = {m.end: m for m in named}
    found: list[Span] = []
    refs: dict[tuple[int, int], str] = {}
    defined: dict[tuple[str, ...], tuple[str, str]] = {}
    for i in range(1, len(doc) - 2):
        # Plain strings first: a Token is built only where a bracketed acronym may stand.
        if texts[i] != "(":
            continue
        close = _acronym_close(doc, texts, i)
        if close is None or any(taken[i + 1 : close]):
            continue
        acronym = doc[i + 1 : close].text
        start = _expansion_start(doc, i, acronym, heads)
        before = ending_at.get(i)
        # A known organisation is what the acronym names; a place may end a longer name ("... of Rwanda").
        if before is not None and (start is None or start >= before.start or before.label_ == "ORG"):
            label, full = before.label_, before.text
        elif start is not None:
            label = _name_label(doc, start, i, place_heads, event_heads, sites, attack_words)
            full = doc[start:i].text
            found.append(Span(doc, start, i, label=label, span_id="acronyms.expansion"))
            for k in range(start, i):
                taken[k] = True
        elif (
            flags.is_title[i - 1]
            and flags.is_alpha[i - 1]
            and (i < 2 or flags.is_title[i - 2] or _joins_name(doc, i - 2))
        ):
            # A name translated from another language keeps its own initials ("... for Unity,
            # Justice and Renewal (CNUJR)"): the acronym alone names the body.
            label, full = "ORG", acronym
        else:
            continue
        defined.setdefault(tuple(texts[i + 1 : close]), (label, full))
    lengths = sorted({len(k) for k in defined}, reverse=True)
    firsts = {k[0] for k in defined}
    for i, text in enumerate(texts) if defined else ():
        if text not in firsts:
            continue
        for n in lengths:
            entry = defined.get(tuple(texts[i : i + n]))
            if entry is not None and not any(taken[i : i + n]):
                rule = "acronyms.definition" if i > 0 and texts[i - 1] == "(" else "acronyms.later_use"
                found.append(Span(doc, i, i + n, label=entry[0], span_id=rule))
                if entry[1] != doc[i : i + n].text:
                    refs[(i, i + n)] = entry[1]
                taken[i : i + n] = [True] * n
                break
    return found, refs


def _acronym_close(doc: Doc, texts: Sequence[str], i: int) -> int | None:
    """The closing bracket of an acronym opened at i: one token ("RSF") or parts joined tightly by
    hyphens ("CSP-DPA", "DI-MG"); None when the brackets hold something else."""
    for close in (i + 2, i + 4, i + 6):
        if close < len(doc) and texts[close] == ")":
            inner = list(doc[i + 1 : close])
            if all(not t.whitespace_ for t in inner[:-1]) and all(t.text == "-" for t in inner[1::2]):
                return close if _is_acronym("".join(t.text for t in inner)) else None
            return None
    return None


def body_mentions(
    doc: Doc, named: list[Span], claimed: Sequence[bool], vocab: dict
) -> tuple[list[Span], dict[Span, Span]]:
    """State and UN bodies named through their owner (guidelines §2.3).

    "Lebanese health ministry", "Syrian government forces", "UN refugee agency": the owner (a
    nationality, a state, or a parent body such as the UN) with up to two modifiers and a body noun
    is one ORG, replacing the owner's own mention. After a state's possessive ("Sudan's army",
    "Ukraine's Air Force") the body alone is the ORG and the state keeps its GPE. A body noun that
    modifies a noun after it ("a Myanmar military jet") is no body.
    Returns (new mentions, {replaced mention: its replacement}).
    """
    view, flags = token_view(doc), token_flags(doc)
    lowers = view.lowers
    taken = list(claimed)
    bodies = set(vocab["body_nouns"])
    modifiers = set(vocab["body_modifiers"])
    parents = set(vocab["body_owner_orgs"])
    modified = set(vocab["body_modified_nouns"])
    generic = {m.start: m for m in named if m.id_ in vocab["generic_body_patterns"]}
    places_at = {m.start: m for m in named if m.label_ == "GPE"}
    in_bodies = set(vocab["body_in_place_nouns"])
    found: list[Span] = []
    replaced: dict[Span, Span] = {}
    for m in named:
        if m.id_ == "entities.force_nouns" and m.end < len(doc) and lowers[m.end] in modified:
            # "a Syrian military jet": the nationality modifies, no body is named.
            replaced[m] = Span(doc, m.start, m.start + 1, label="NORP", span_id="entities.force_nouns.modifier")
            found.append(replaced[m])
            continue
        if m.label_ not in ("NORP", "GPE") and not (m.label_ == "ORG" and m.text in parents):
            continue
        body = generic.get(m.end)
        if body is not None and body not in replaced:
            # "Lebanese" + "health ministry": the owner joins the body a pattern already found.
            replaced[m] = replaced[body] = Span(doc, m.start, body.end, label="ORG", span_id="entities.body_nouns")
            found.append(replaced[m])
            continue
        possessive = m.end < len(doc) and lowers[m.end] in ("'s", "’s") and m.label_ == "GPE"
        start = m.end + 1 if possessive else m.end
        end = start
        while end < len(doc) and end - start < 2 and not taken[end] and lowers[end] in modifiers:
            end += 1
        if end > start and (end >= len(doc) or lowers[end] not in bodies) and lowers[end - 1] in bodies:
            end -= 1  # "Haiti's government said": a modifier word ("government forces") is the body itself
        if end >= len(doc) or taken[end] or lowers[end] not in bodies or not (flags.is_lower[end] or possessive):
            continue
        end += 1
        if end < len(doc) and not taken[end] and lowers[end] in bodies:
            end += 1  # "government forces", "Air Force"
        if end < len(doc) and lowers[end] in modified:
            continue  # "a Myanmar military jet": the body word is a modifier
        place = places_at.get(end + 1) if end + 1 < len(doc) and lowers[end] == "in" else None
        if place is not None and lowers[end - 1] in in_bodies and not possessive:
            # "the UN monitoring mission in Norland": a mission is named by where it serves.
            end = place.end
            replaced[place] = Span(doc, m.start, end, label="ORG", span_id="entities.body_nouns.in_place")
        if possessive:
            found.append(Span(doc, start, end, label="ORG", span_id="entities.body_nouns.possessive"))
        else:
            body = replaced.get(place) if place is not None else None
            body = body or Span(doc, m.start, end, label="ORG", span_id="entities.body_nouns")
            found.append(body)
            replaced[m] = body
        for t in range(start, end):
            taken[t] = True
    return found, replaced


CAMEL_NAME = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Du|La|Le)[A-Z][a-z]{2,}$")


def led_bodies(
    doc: Doc, named: list[Span], claimed: Sequence[bool], vocab: dict
) -> tuple[list[Span], dict[Span, Span]]:
    """ "The Saudi-led coalition", "the Ruritanian-led police mission": a body named by who leads it,
    before a common noun, is one ORG span, the leader's name inside (guidelines §2.3). Up to two
    lower-case modifiers stand before the noun (led_body_nouns). Returns (new mentions, {replaced
    mention: its replacement})."""
    view, flags = token_view(doc), token_flags(doc)
    lowers = view.lowers
    nouns = frozenset(vocab["led_body_nouns"])
    ending_at = {m.end: m for m in named if m.label_ in ("GPE", "NORP", "ORG")}
    taken = list(claimed)
    found: list[Span] = []
    replaced: dict[Span, Span] = {}
    n = len(doc)
    for k in range(1, n - 2):
        if lowers[k] != "led" or lowers[k - 1] != "-" or flags.spacy[k - 2] or flags.spacy[k - 1]:
            continue
        leader = ending_at.get(k - 1)
        if leader is None or taken[k]:
            continue
        end = k + 1
        while end < n and end - k <= 3 and flags.is_lower[end] and flags.is_alpha[end] and lowers[end] not in nouns:
            end += 1
        if end >= n or lowers[end] not in nouns or not flags.is_lower[end] or any(taken[k : end + 1]):
            continue
        span = Span(doc, leader.start, end + 1, label="ORG", span_id="entities.led_body")
        found.append(span)
        replaced[leader] = span
        taken[leader.start : end + 1] = [True] * (end + 1 - leader.start)
    return found, replaced


def apostrophe_title(text: str) -> bool:
    """A capitalised word with an apostrophe inside ("Ta’ang", "Jama'at", "Mus'ab"), which
    ``str.istitle`` reads as two words."""
    if "'" not in text and "’" not in text:
        return False
    bare = text.replace("'", "").replace("’", "")
    return len(bare) > 2 and text[-1] not in "'’" and text[0] not in "'’" and bare.isalpha() and bare.istitle()


def _capitalised_words(doc: Doc) -> list[bool]:
    """Per token: a capitalised or upper-case word ("Bank", "SITE"), read from the doc's arrays at once."""
    from spacy.attrs import IS_ALPHA, IS_TITLE, IS_UPPER

    # Two finders read it; the words' shapes never change, so it is made once per doc.
    capitalised = doc.user_data.get("bench_capitalised")
    if capitalised is None:
        array = doc.to_array([IS_TITLE, IS_UPPER, IS_ALPHA]) != 0
        capitalised = (array[:, 2] & (array[:, 0] | array[:, 1])).tolist() if len(doc) else []
        # "Ta’ang", "Jama'at": an apostrophe inside a transliterated word leaves it a capitalised word.
        for k, text in enumerate(token_view(doc).texts):
            if not capitalised[k] and ("'" in text or "’" in text):
                capitalised[k] = apostrophe_title(text)
        doc.user_data["bench_capitalised"] = capitalised
    return capitalised


# A region no government runs names institutions too ("Mindanao University"): LOC owns as GPE does.
OWNER_LABELS = ("ORG", "GPE", "NORP", "LOC")


def _name_follows(k: int, n: int, word: Sequence[bool], taken: Sequence[bool]) -> bool:
    """A free capitalised word at k: a mention before it owns a longer name ("U.S. Naval Command")."""
    return k < n and word[k] and not taken[k]


def institution_mentions(
    doc: Doc, named: list[Span], claimed: Sequence[bool], vocab: dict
) -> tuple[list[Span], dict[Span, Span]]:
    """Capitalised names of institutions, known by their head word: "Central Bank of Sudan",
    "Centre for Information Resilience", "SITE Intelligence Group". The name may end in an
    "of/for" phrase ("… of Sudan"), or "in" after a mission's or office's head ("UN Verification
    Mission in Norland"), and may hold names already found: an owner ("UN Office for …", "Afghan
    National Army") or a body ("National Security Council"); those give way to the whole name
    (guidelines §2.3: the longest official name). A head followed by more capitalised words is no
    head ("Chief of Army Staff"). Returns (new mentions, {replaced mention: its replacement})."""
    taken = list(claimed)
    event_heads = frozenset(vocab["event_name_heads"])
    heads = set(vocab["institution_heads"]) | event_heads
    in_heads = set(vocab["institution_in_heads"])
    sites, attack_words = frozenset(vocab["site_heads"]), frozenset(vocab["site_attack_words"])
    vehicle_before, vehicle_after = frozenset(vocab["vehicle_before"]), frozenset(vocab["vehicle_after"])
    calendar = frozenset(vocab["calendar_words"])
    area_designators = frozenset(vocab["body_area_designators"])
    people_of = frozenset(vocab["people_nouns_after"]) | frozenset(vocab["people_words"])
    starting_at = {m.start: m for m in named if m.label_ in OWNER_LABELS}
    found: list[Span] = []
    replaced: dict[Span, Span] = {}
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers, word = view.texts, view.lowers, _capitalised_words(doc)
    article = ("the", "a", "an")
    n, i = len(doc), 0
    while i < n:
        if (
            (i not in starting_at and (not word[i] or taken[i]))
            or lowers[i] in article
            or view.like_num[i]  # "Six Navy ships": a count opens no name
            or (i > 0 and word[i - 1] and lowers[i - 1] not in article)
            or (i > 0 and texts[i - 1] in ("-", "–") and not flags.spacy[i - 1])  # "al-Karib": a name's end
            # "Troops of the …": a sentence's first word before "of" is a common noun unless it is a head.
            or (flags.sent_start[i] and texts[i] not in heads and i + 1 < n and lowers[i + 1] in ("of", "for"))
            # "Fighters of the Kelmar Front": people of a body, after a dateline's dash as anywhere.
            or (lowers[i] in people_of and i + 1 < n and lowers[i + 1] in ("of", "for"))
        ):
            i += 1
            continue
        j, last_head, first_head, tail, inside, titles = i, None, None, False, [], 0
        while j < n and j - i < 14:
            mention = starting_at.get(j)
            if mention is not None:
                inside.append(mention)
                if mention.label_ == "ORG" and texts[mention.end - 1] in heads:
                    last_head = mention.end
                j = mention.end
                continue
            if taken[j]:
                break  # another kind of name (a date, a person): this one ends before it
            low = lowers[j]
            if word[j]:
                titles += 1
                if texts[j] in heads:
                    last_head = j + 1
                    first_head = first_head or texts[j]
                j += 1
            elif low in ("'s", "’s") and j > i and texts[j - 1] == "People" and j + 1 < n and word[j + 1]:
                j += 1  # "Norland People's Freedom Front": the possessive belongs to the name
            elif (
                texts[j] in ("'", "’")
                and j > i
                and word[j - 1]
                and texts[j - 1].endswith("s")
                and not doc[j - 1].whitespace_
                and not (inside and inside[-1].end == j)  # "the Houthis’ Supreme Council": an owner
                and j + 1 < n
                and word[j + 1]
            ):
                j += 1  # "Kelmar Farmers’ Union": a plural possessive inside the name
            elif (
                low == "and"
                and last_head is not None
                and j + 1 in starting_at
                and (starting_at[j + 1].label_ == "ORG" or _name_follows(starting_at[j + 1].end, n, word, taken))
            ):
                break  # "Task Force Delta and U.S. Naval Command": a name or owner after "and" opens a second name
            elif low == "on" and j + 1 < n and texts[j + 1] in calendar:
                break  # "the Kelmar Guards on Saturday": a date, not the rest of the name
            elif (
                (
                    low in ("of", "for", "and", "on")
                    or (low == "the" and lowers[j - 1] in ("of", "for", "on"))
                    or (low == "in" and last_head == j and texts[j - 1] in in_heads)
                )
                and j + 1 < n
                and (word[j + 1] or lowers[j + 1] == "the" or j + 1 in starting_at)
            ):
                tail = tail or (last_head is not None and low in ("of", "for", "on", "in"))
                j += 1
            else:
                break
        last_of = max((k for k in range(i + 1, j) if lowers[k] == "of"), default=None)
        if j < n and lowers[j] in area_designators:
            # "the Security Committee for the Kelmar region": the area a body serves, named with
            # its lower-case designator, is a place (guidelines §2.3), no part of the body's name.
            served = max((k for k in range(i + 1, j) if lowers[k] in ("of", "for")), default=None)
            if served is not None and served > i + 1:
                j = served
                inside = [m for m in inside if m.end <= j]
        elif last_of is not None and j + 1 < n and texts[j] in ("'s", "’s") and word[j + 1]:
            # "the Border Service of Norland's Security Service": an owner's possessive opens another
            # name ("the Ministry of Defence's spokesman" keeps its name whole).
            j = last_of
            inside = [m for m in inside if m.end <= j]
        while j > i and lowers[j - 1] in ("of", "for", "and", "on", "the", "in"):
            j -= 1  # "Saudi Initiative of <date>": the name ends before its connector
        whole = last_head is not None and (last_head == j or lowers[last_head] in ("of", "for", "on", "in"))
        # "Joint Task Force Red Harbor", "Task Force 88": a task force's own name follows its head.
        named_after = (
            last_head is not None
            and last_head >= i + 2
            and j > last_head
            and " ".join(texts[last_head - 2 : last_head]) in vocab["institution_named_heads"]
        )
        whole = whole or named_after
        # One name found already, and nothing more, is no new name.
        new = whole and not (len(inside) == 1 and (inside[0].start, inside[0].end) == (i, j))
        # A head opens a name when an "of/for" phrase follows it ("Centre for Information Resilience").
        opens = texts[i] in heads and i + 1 < n and lowers[i + 1] in ("of", "for", "on")
        # After "the" or an owner's possessive, a word that opens no name alone ("State", "National")
        # opens one whose head an "of/for/on" phrase follows ("Norland's State Committee for Defence").
        introduced = (
            tail and i > 0 and lowers[i - 1] in ("the", "'s", "’s") and texts[i] not in vocab["not_name_opener"]
        )
        # "the hijacked Kelmar Express", "the Kelmar Express train": a vehicle's name, not annotated.
        vehicle = (i > 0 and lowers[i - 1] in vehicle_before) or (j < n and lowers[j] in vehicle_after)
        if (
            not vehicle
            and new
            and titles + len(inside) >= 2
            and (texts[i] not in vocab["not_name"] or opens or introduced)
        ):
            # A name whose first head is an agreement's ("Political Agreement for Peace") is an event.
            label = "EVENT" if first_head in event_heads else "ORG"
            if label == "ORG" and target_site(doc, i, j, sites, attack_words):
                label = "LOC"
            rule = "entities.institution_heads" if label == "ORG" else f"entities.institution_heads.{label.lower()}"
            span = Span(doc, i, j, label=label, span_id=rule)
            found.append(span)
            replaced.update((m, span) for m in inside)
            taken[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return found, replaced


def _body_alone(doc: Doc, start: int, end: int, starting_at: dict[int, Span]) -> bool:
    """The words before an event head are one organisation's name or acronym ("the ACU summit")."""
    mention = starting_at.get(start)
    if mention is not None:
        return mention.label_ == "ORG" and mention.end == end
    text = doc[start].text
    return end - start == 1 and len(text) > 1 and text.isupper() and text.isalpha()


class FacilityHeads:
    """The head words of facilities and events of one vocabulary dict (see headed_mentions)."""

    def __init__(self, vocab: dict):
        self.lower_only = frozenset(vocab["facility_heads_lower_only"])
        self.title_only = frozenset(vocab["facility_heads_title_only"])
        kinds = {w: "LOC" for w in vocab["facility_heads"]} | {w: "EVENT" for w in vocab["event_heads"]}
        self.kinds = kinds | {w: "LOC" for w in self.lower_only | self.title_only}
        self.modifiers = frozenset(vocab["facility_modifiers"])
        self.body_heads = frozenset(vocab["institution_heads"]) - frozenset(vocab["event_name_heads"])


_FACILITY_HEADS: dict[int, tuple[dict, FacilityHeads]] = {}


def _facility_heads(vocab: dict) -> FacilityHeads:
    """The sets of one vocabulary dict, made once: headed_mentions runs on every document."""
    entry = _FACILITY_HEADS.get(id(vocab))
    if entry is None or entry[0] is not vocab:  # holding the dict keeps its id from being reused
        entry = _FACILITY_HEADS[id(vocab)] = (vocab, FacilityHeads(vocab))
    return entry[1]


def headed_mentions(
    doc: Doc, named: list[Span], claimed: Sequence[bool], vocab: dict
) -> tuple[list[Span], dict[Span, Span]]:
    """Places and events named by a name and a head noun (guidelines §2.3).

    Facilities are LOC with the designator as written, a place name inside them not annotated on
    its own: "Goma airport", "Bunia central prison", "Republican Palace", "Kassala Maternity
    Hospital". Talks and agreements named by their venue are EVENT: "Nairobi agreement",
    "Doha meeting". The name before the head is one or more capitalised words or mentions;
    lower-case modifiers ("central", "army") may stand between. Returns (new mentions,
    {replaced mention: its replacement}).
    """
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    taken = list(claimed)
    heads = _facility_heads(vocab)
    kinds, lower_only, title_only = heads.kinds, heads.lower_only, heads.title_only
    modifiers, body_heads = heads.modifiers, heads.body_heads
    texts, lowers, word = view.texts, view.lowers, _capitalised_words(doc)
    starting_at = {m.start: m for m in named}
    ending_at = {m.end: m for m in named}
    found: list[Span] = []
    replaced: dict[Span, Span] = {}
    for k, lower in enumerate(lowers):
        label = kinds.get(lower)
        if label is None or taken[k] or k == 0 or (lower in lower_only and not flags.is_lower[k]):
            continue
        if lower in title_only and not flags.is_title[k]:
            continue
        j = k
        while j > 0 and k - j < 2 and flags.is_lower[j - 1] and lowers[j - 1] in modifiers and not taken[j - 1]:
            j -= 1
        start = j
        while start > 0 and j - start < 5:
            inner = ending_at.get(start)
            if inner is not None and inner.label_ in ("GPE", "LOC", "ORG", "NORP"):
                start = inner.start
            elif (
                (word[start - 1] or ROAD_NUMBER.match(texts[start - 1]))
                and not taken[start - 1]
                and lowers[start - 1] not in ("the", "a", "an")
            ):
                start -= 1  # a capitalised word, or a road's number ("M4 highway")
            elif (
                start > 1
                and _joins_name(doc, start - 1)
                and lowers[start - 1] not in ("the", "a", "an")  # "On Sunday the hospital"
                and word[start - 2]
                and not taken[start - 2]
            ):
                start -= 1  # "Novo-Ogaryovo residence"
            else:
                break
        if (
            start > 1
            and start < j
            and texts[start - 1] == "-"
            and not flags.spacy[start - 2]
            and lowers[start - 2] in ("al", "el", "an", "ar", "as", "ash", "ad", "at", "az")
            and not taken[start - 2]
        ):
            start -= 2  # "the al-Tessa prison": the article opens the name
        named_part = any(t in starting_at for t in range(start, j)) or not flags.sent_start[start]
        generic = start > 0 and lowers[start - 1] in ("a", "an")  # "a Congolese prison"
        # A capitalised head that a longer name continues is not the head ("Peace Process for …").
        # "left Dorvo International Airport for Kelmar": a place after "for" is where one goes, not the name.
        place_after = k + 2 in starting_at and starting_at[k + 2].label_ in ("GPE", "LOC") and lowers[k + 1] == "for"
        continued = k + 1 < len(doc) and (
            word[k + 1] or (lowers[k + 1] in ("of", "for") and k + 2 < len(doc) and word[k + 2] and not place_after)
        )
        if start == j or generic or not named_part or (not flags.is_lower[k] and continued):
            continue
        if label == "EVENT" and (_body_alone(doc, start, j, starting_at) or texts[j - 1] in body_heads):
            continue  # "the SCO summit": a body's meeting is named by no venue; the body is the name
        span = Span(doc, start, k + 1, label=label, span_id=f"entities.{label.lower()}_heads")
        found.append(span)
        for t in range(start, k + 1):
            if t in starting_at:
                replaced[starting_at[t]] = span
            taken[t] = True
    return found, replaced


# Finders whose names the gazetteer already finds at every use: their mentions need no repeating.
LISTED_RULES = (
    "gazetteer.",
    "patterns.",
    "entities.force_nouns",
    "entities.place_designators",
    "entities.border_nouns",
)


def repeated_mentions(
    doc: Doc, named: list[Span], claimed: Sequence[bool], not_name: Set[str], articles: Set[str] = frozenset()
) -> list[Span]:
    """Every other use of a name a finder recognised by its context: "in Westmarch" makes a later
    "Westmarch residents" and "Westmarch, some 40 km north of ..." places too. A news article introduces a
    place or a group once and then names it bare ("al-Kaniyat" then "the Kaniyat"). People are left
    to ``alias_mentions``. A name
    used with two labels is left alone; a use inside a longer capitalised name ("School Kuriga",
    "Nasir County") or in a hyphened compound is no use of it."""
    forms: dict[tuple[str, ...], set[tuple[str, str]]] = {}
    texts = token_view(doc).texts
    for m in named:
        if m.label_ in ("PERSON", "DATE", "FIGURE", "NORP") or (m.id_ or "").startswith(LISTED_RULES):
            continue
        words = tuple(texts[m.start : m.end])
        if len(m.text) < 3 or (len(words) == 1 and words[0] in not_name) or not any(w[:1].isupper() for w in words):
            continue
        forms.setdefault(words, set()).add((m.label_, m.kb_id_ or m.text))
        if len(words) >= 3 and words[0].lower() in articles and words[1] == "-" and words[2][:1].isupper():
            # "al-Kaniyat" is "the Kaniyat" later: English replaces the Arabic article.
            forms.setdefault(words[2:], set()).add((m.label_, m.kb_id_ or m.text))
    unique = {f: next(iter(v)) for f, v in forms.items() if len(v) == 1}
    if not unique:
        return []
    taken = list(claimed)
    firsts = {f[0] for f in unique}
    lengths = sorted({len(f) for f in unique}, reverse=True)
    found: list[Span] = []
    for i, text in enumerate(texts):
        if text not in firsts or taken[i]:
            continue
        for n in lengths:
            entry = unique.get(tuple(texts[i : i + n]))
            if entry is None or any(taken[i : i + n]):
                continue
            before = doc[i - 1] if i > 0 else None
            after = doc[i + n] if i + n < len(doc) else None
            if (
                before is not None
                and (
                    (before.text in ("-", "–") and not before.whitespace_)
                    or (before.is_alpha and (before.is_title or before.is_upper) and not before.is_stop)
                )
            ) or (
                after is not None and (after.is_title or (after.text in ("-", "–") and not doc[i + n - 1].whitespace_))
            ):
                break
            label, ref = entry
            kb_id = ref if ref != doc[i : i + n].text else ""
            found.append(Span(doc, i, i + n, label=label, kb_id=kb_id, span_id="names.repeated"))
            taken[i : i + n] = [True] * n
            break
    return found


def language_mentions(doc: Doc, named: Sequence[Span], vocab: dict) -> list[Span]:
    """Nationality mentions that name a language, which is no entity (guidelines §2.3): a
    compound ("French-speaking", "Arabic-language") or "in <X>" closing a phrase ("the statement
    was read in Kurdish."): a nationality adjective ends a phrase only as a language's name; or
    an outlet's service in a language ("Radio Dorn's Kelmari service")."""
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    suffixes = frozenset(vocab["language_compound_words"])
    closers = frozenset(vocab["language_closers"])
    services = frozenset(vocab["language_service_words"])
    out = []
    for m in named:
        if m.label_ != "NORP" or len(m) != 1:
            continue
        end = m.end
        compound = (
            end + 1 < len(doc) and texts[end] in ("-", "–") and not flags.spacy[end - 1] and lowers[end + 1] in suffixes
        )
        closed = (
            m.start > 0
            and lowers[m.start - 1] == "in"
            and not m.text.endswith("s")
            and (end >= len(doc) or texts[end] in closers)
        )
        # "the agency's Kelmari service": an outlet's service in a language.
        service = m.start > 1 and lowers[m.start - 1] in ("'s", "’s") and end < len(doc) and lowers[end] in services
        if compound or closed or service:
            out.append(m)
    return out


def derived_demonyms(doc: Doc, claimed: Sequence[bool], vocab: dict, places: frozenset[str]) -> list[Span]:
    """Nationality adjectives the gazetteer lacks, made from a place it holds by the endings news
    uses ("Dorvo" → "Dorvoan", "Kelmar" → "Kelmari", "Tarsa" → "Tarsese"): NORP (guidelines §1). Only
    as an adjective, between a determiner or number and a noun ("two Kelmari towns", "the Tarsese
    version"): a nisba surname ("Ana Kelmari said"), a place ("near Zabuli on Sunday") or a
    sentence's first word is left alone. Endings and the stems' lost last letters: entities.json
    ``demonym_derivations``."""
    view, flags = token_view(doc), token_flags(doc)
    texts, lowers = view.texts, view.lowers
    derivations = vocab["demonym_derivations"]
    not_after = (
        frozenset(vocab["person_verbs_after"])
        | frozenset(vocab["acronym_verbs_after"])
        | frozenset(vocab["demonym_not_before"])  # "the Kelmari family": a surname
    )
    given = frozenset(vocab["person_given_names"])
    openers = frozenset(vocab["demonym_openers"])
    found: list[Span] = []
    n = len(doc)
    for k in range(1, n - 1):
        text = texts[k]
        if claimed[k] or not flags.is_title[k] or not flags.is_alpha[k] or len(text) < 6 or text in given:
            continue
        before, after = k - 1, k + 1
        # "two Kelmari towns", "the Tarsese version": a determiner or number before, a noun after ("near
        # Zabuli on Sunday" is a place).
        if not (lowers[before] in openers or view.like_num[before]) or flags.sent_start[k]:
            continue
        if not (flags.is_lower[after] and flags.is_alpha[after]) or flags.is_stop[after] or lowers[after] in not_after:
            continue
        for ending, restores in derivations:
            if not text.endswith(ending):
                continue
            stem = text[: -len(ending)]
            if len(stem) >= 4 and any(stem + r in places for r in restores):
                found.append(Span(doc, k, k + 1, label="NORP", span_id="entities.derived_demonym"))
                break
    return found
