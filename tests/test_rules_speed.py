"""The plain-list shortcuts the rules read instead of Token objects give what spaCy gives."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Span

from systems.rules.entities import FlagCompiler, ruler_patterns, token_flags, token_view
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
    for name in (
        "is_lower",
        "is_alpha",
        "is_title",
        "is_punct",
        "is_quote",
        "is_space",
        "is_upper",
        "is_digit",
        "is_stop",
    ):
        assert getattr(flags, name) == [getattr(t, name) for t in doc], name
    assert flags.spacy == [bool(t.whitespace_) for t in doc]


def test_token_view_and_sentence_starts_are_the_docs():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("Ten left. Then “twelve” came back! Who knew? İstanbul’s Mayor, 45, said so.\n\nEnd")
    view, flags = token_view(doc), token_flags(doc)
    assert view.texts == [t.text for t in doc] and view.lowers == [t.lower_ for t in doc]
    assert view.like_num == [t.like_num for t in doc]
    assert flags.sent_start == [bool(t.is_sent_start) for t in doc]
    for sent in doc.sents:
        assert all(
            view.sent_starts[k] == sent.start and view.sent_ends[k] == sent.end for k in range(sent.start, sent.end)
        )


def test_flag_compiled_patterns_match_as_the_patterns_do():
    """Every lexical predicate of the ruler's patterns, first token or later, compiled into a
    lexeme flag: the ruler finds exactly what the uncompiled patterns find."""
    text = (
        "On 3 March 2021 the 4th Brigade of the Norvan Army and the Party Congress met near Route 9. "
        "Health and Finance ministries said 12 days later that AB-12 and the Kessa Movement Front, "
        "based in West Dorvo, agreed. Two weeks on, in the morning of 15 June, the Ministry of Health spoke."
    )
    found = []
    for compiled in (False, True):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("entity_ruler", config={"validate": False})
        compiler = FlagCompiler(nlp.vocab) if compiled else (lambda p: p)
        patterns = ruler_patterns(compile_pattern=compiler)
        if compiled:
            left = [t for p in patterns if isinstance(p["pattern"], list) for t in p["pattern"]]
            assert not any(isinstance(v, dict) for t in left for v in t.values())  # every predicate is a flag
        ruler.add_patterns(patterns)
        found.append([(e.start, e.end, e.label_, e.id_) for e in nlp(text).ents])
    assert found[0] == found[1] and found[0]


def test_a_second_compiler_on_one_vocab_reuses_the_bits():
    nlp = spacy.blank("en")
    first = FlagCompiler(nlp.vocab)
    ruler_patterns(compile_pattern=first)
    second = FlagCompiler(nlp.vocab)  # a second ruler's, on the same pipeline
    ruler_patterns(compile_pattern=second)
    assert first.flags and first.flags == second.flags


def test_expected_count_reads_the_phrases_around_a_count():
    from systems.vocabulary import expected_count

    expected = {"before": ["hope that", "expected"], "after": ["are expected", "will be"], "fates": ["recover"]}
    lowers = [
        "officials",
        "hope",
        "that",
        "40",
        "will",
        "be",
        "freed",
        ",",
        "and",
        "12",
        "are",
        "expected",
        "to",
        "recover",
        ".",
    ]
    assert expected_count(lowers, 3, 4, expected)  # "hope that" before
    assert not expected_count(lowers, 9, 10, expected)  # "12 are expected to recover": reported
    assert expected_count(["the", "30", "are", "expected", "to", "arrive"], 1, 2, expected)
    assert not expected_count(["30", "died", ",", "more", "are", "expected"], 0, 1, expected)  # the comma ends the look


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
