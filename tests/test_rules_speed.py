"""The plain-list shortcuts the rules read instead of Token objects give what spaCy gives."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Span

from systems.rules.entities import token_flags
from systems.rules.figure_relations import toll_reports
from systems.rules.pipeline import names

VERBS = frozenset({"gave", "put"})
NOUNS = frozenset({"toll", "tally", "estimate"})


def matcher_spans(doc, gap: int) -> list[tuple[int, int]]:
    matcher = Matcher(doc.vocab)
    pattern = [
        {"LOWER": {"IN": sorted(VERBS)}},
        {"IS_ALPHA": True, "IS_LOWER": True, "OP": f"{{0,{gap}}}"},
        {"LOWER": {"IN": sorted(NOUNS)}},
    ]
    matcher.add("toll", [pattern])
    return [(s, e) for _, s, e in matcher(doc)]


def test_toll_reports_match_the_matcher_in_order():
    nlp = spacy.blank("en")
    # Overlapping verbs and nouns, a capitalised word and a comma inside the gap, a gap too long.
    text = (
        "Officials put the toll tally toll at 12 and gave gave toll a estimate. The Ministry Put the new"
        " Tally higher, gave a very old and revised toll, and put X toll and gave , toll."
    )
    doc = nlp(text)
    flags = token_flags(doc)
    lowers = [t.lower_ for t in doc]
    for gap in (0, 1, 3):
        found = toll_reports(lowers, flags.is_alpha, flags.is_lower, VERBS, NOUNS, gap)
        assert found == matcher_spans(doc, gap)
    assert (1, 4) in toll_reports(lowers, flags.is_alpha, flags.is_lower, VERBS, NOUNS, 3)


def test_token_flags_are_the_tokens_flags():
    doc = spacy.blank("en")("Hello world, “quoted” THE 12 \n x-ray: Dr. Ode (who?) and Smith's")
    flags = token_flags(doc)
    for name in ("is_lower", "is_alpha", "is_title", "is_punct", "is_quote", "is_space"):
        assert getattr(flags, name) == [getattr(t, name) for t in doc], name


def test_names_follow_entities_set_again():
    doc = spacy.blank("en")("Ada Obi met Ben Uko in Tarsa.")
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    assert [(m.start, m.end) for m in names(doc)] == [(0, 2)]
    doc.ents = [Span(doc, 3, 5, label="PERSON"), Span(doc, 6, 7, label="GPE")]
    assert [(m.start, m.end, m.label_) for m in names(doc)] == [(3, 5, "PERSON"), (6, 7, "GPE")]


def test_first_longest_is_filter_spans():
    import random

    from spacy.util import filter_spans

    from systems.rules.pipeline import first_longest

    doc = spacy.blank("en")(" ".join(f"w{i}" for i in range(40)))
    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randrange(0, 25)):
            start = rng.randrange(0, 40)
            spans.append(Span(doc, start, min(40, start + rng.randrange(0, 5)), label=rng.choice(["A", "B"])))
        spans += spans[: rng.randrange(0, 3)]  # duplicates keep their first
        want = filter_spans(spans)
        got = first_longest(spans)
        assert [(s.start, s.end, s.label_) for s in got] == [(s.start, s.end, s.label_) for s in want]
        assert all(a is b for a, b in zip(got, want, strict=True))


def test_phrase_is_the_span_text_lowered():
    from systems.rules.pipeline import build_pipeline

    nlp = build_pipeline()
    finder = nlp.get_pipe("rules_relations").finder
    doc = nlp.make_doc("Officials  Said, “according to\tthe Relief Agency”, that 12 died.\n\nThen")
    for s in range(len(doc) + 1):
        for e in range(s, len(doc) + 2):
            assert finder._phrase(doc, s, e) == doc[s:e].text.lower(), (s, e)
