"""The repository's corpus meets what the benchmark promises: size, variety, splits, provenance.

These read the committed corpus through the same library `bench stats` uses; a change to the
corpus that breaks a promise (a theatre above a quarter of the articles, a label under its floor,
an unbalanced split) fails here.
"""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import REPO, SEED_ID

from bench.formats.corpus import load_articles
from bench.formats.metadata import load_index
from bench.formats.validate import load_gold
from bench.reports.corpus_stats import corpus_stats, word_count


@pytest.fixture(scope="module")
def corpus():
    docs = load_articles(REPO / "seeds")
    index = load_index(REPO / "gold", docs)
    gold = load_gold(REPO / "gold", docs)
    return docs, index, gold, corpus_stats(docs, gold, index)


def test_size_and_variety(corpus):
    docs, index, _, stats = corpus
    written = [d for d in docs if index[d.doc_id].origin == "written"]
    assert len(written) >= 60
    assert all(80 <= word_count(d.text) <= 900 for d in written), [
        d.doc_id for d in written if not 80 <= word_count(d.text) <= 900
    ]
    assert min(d.date for d in written) >= "2019-01-01" and max(d.date for d in written) <= "2026-12-31"
    theatres = Counter(index[d.doc_id].theatre for d in docs)
    assert len(theatres) >= 10 and max(theatres.values()) <= 0.25 * len(docs)
    assert len(set(stats["style"])) >= 5


def test_label_floors(corpus):
    *_, stats = corpus
    assert stats["entities"]["total"] >= 2500
    assert min(stats["entities"]["labels"].values()) >= 40, stats["entities"]["labels"]
    assert stats["figures"]["total"] >= 250
    assert min(stats["figures"]["categories"].values()) >= 10, stats["figures"]["categories"]
    assert stats["relations"]["total"] >= 500
    assert min(stats["relations"]["types"].values()) >= 20, stats["relations"]["types"]


def test_splits_are_balanced_and_stratified_by_theatre(corpus):
    docs, index, *_ = corpus
    splits = Counter(index[d.doc_id].split for d in docs)
    assert min(splits["dev"], splits["test"]) >= 0.4 * len(docs) and splits["test"] >= 25
    by_theatre: dict[str, Counter] = {}
    for d in docs:
        by_theatre.setdefault(index[d.doc_id].theatre, Counter())[index[d.doc_id].split] += 1
    for theatre, counts in by_theatre.items():
        if sum(counts.values()) >= 2:
            assert counts["dev"] and counts["test"], (theatre, counts)
            assert abs(counts["dev"] - counts["test"]) <= 1, (theatre, counts)


def test_provenance(corpus):
    docs, index, *_ = corpus
    assert index[SEED_ID].origin == "published"
    assert [d for d in docs if index[d.doc_id].origin == "published"] == [d for d in docs if d.doc_id == SEED_ID]
    for d in docs:
        meta = index[d.doc_id]
        assert meta.sources and all(s["url"].startswith("http") for s in meta.sources)
        # Facts are reported on or after the day their sources published them.
        assert all(s["published"] <= d.date for s in meta.sources), d.doc_id


def test_double_annotation_covers_the_test_split(corpus):
    _docs, index, *_ = corpus
    a = {p.stem for p in (REPO / "gold" / "agreement" / "a").glob("*.json")}
    b = {p.stem for p in (REPO / "gold" / "agreement" / "b").glob("*.json")}
    both = a & b
    assert len(both) >= 15 and sum(index[d].split == "test" for d in both) >= 8


def test_hard_characters_are_present(corpus):
    docs, *_ = corpus
    text = "".join(d.text for d in docs)
    assert sum(1 for d in docs if any(ord(c) > 0xFFFF for c in d.text)) >= 3  # doccano's UTF-16 offsets
    assert sum(1 for d in docs if "“" in d.text) >= 3 and sum(1 for d in docs if '"' in d.text) >= 3
    assert any(c in text for c in "ğçéíü")
