"""Throughput of each system on the same corpus: the articles repeated to at least 1,000 documents.

One warm-up pass per system (loads pipelines, fills caches), then several rounds in which every
system is timed in turn, so a slow spell of the machine hits all of them alike. Prints the median
documents per second of each system and its ratio to `spacy` measured in the same run, the speed-up
of `--jobs 2` over `--jobs 1` for the statistical systems, and that of a cache hit.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.evaluation.systems import load_system
from bench.formats.corpus import Document, load_articles


def corpus(articles: Path, at_least: int) -> list[Document]:
    base = load_articles(articles)
    docs = []
    while len(docs) < at_least:
        for d in base:
            docs.append(Document(f"{d.doc_id}#{len(docs)}", d.date, d.text))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=Path, default=Path("seeds"))
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--systems", default="rules,spacy,gazetteer")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docs = corpus(args.articles, args.docs)
    systems = {name: load_system(name, gold_dir=Path("gold")) for name in args.systems.split(",")}
    for system in systems.values():
        list(system.predict(docs[:20]))  # warm-up
    samples: dict[str, list[float]] = {name: [] for name in systems}
    for _ in range(args.rounds):
        for name, system in systems.items():
            t0 = time.perf_counter()
            n = sum(1 for _ in system.predict(docs))
            samples[name].append(n / (time.perf_counter() - t0))
    rates = {name: statistics.median(values) for name, values in samples.items()}
    chars = sum(len(d.text) for d in docs)
    print(f"corpus: {len(docs)} documents, {chars} characters; median of {args.rounds} interleaved rounds")
    for name, rate in rates.items():
        ratio = f"{rate / rates['spacy']:.1f}x spacy" if "spacy" in rates else ""
        spread = ", ".join(f"{v:.0f}" for v in samples[name])
        print(f"{name:10s} {rate:10.1f} docs/s   {ratio:12s} (rounds: {spread})")
    jobs_speedup({n: s for n, s in systems.items() if n in ("spacy", "hybrid")}, docs[: args.docs // 2])
    cache_speedup(list(systems), args.articles, Path("gold"))


def jobs_speedup(systems: dict, docs: list[Document], rounds: int = 3) -> None:
    """`bench predict --jobs 2` against `--jobs 1`: the same system, the same documents, interleaved rounds."""
    import os

    from bench.evaluation.systems import run_system

    jobs = min(2, os.cpu_count() or 1)
    print(f"parallel prediction, {len(docs)} documents, --jobs {jobs} against --jobs 1 (median of {rounds}):")
    for name, system in systems.items():
        times: dict[int, list[float]] = {1: [], jobs: []}
        for _ in range(rounds):
            for n in times:
                t0 = time.perf_counter()
                run_system(name, system, docs, jobs=n)
                times[n].append(time.perf_counter() - t0)
        one, many = statistics.median(times[1]), statistics.median(times[jobs])
        print(f"{name:10s} --jobs 1 {one:6.2f} s   --jobs {jobs} {many:6.2f} s   {one / many:4.2f}x")


def cache_speedup(names: list[str], articles: Path, gold: Path) -> None:
    """End-to-end scoring of the real corpus: a cold run (cache miss) against a warm one (hit)."""
    import os
    import tempfile

    from bench.evaluation.runs import open_corpus, score

    corpus = open_corpus(articles, gold)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["BENCH_CACHE"] = tmp
        print(f"prediction cache, {len(corpus.docs)} documents scored end to end:")
        for name in names:
            t0 = time.perf_counter()
            cold = score(corpus, name, use_cache=True).result
            t1 = time.perf_counter()
            warm = score(corpus, name, use_cache=True).result
            t2 = time.perf_counter()
            assert cold == warm
            print(f"{name:10s} miss {t1 - t0:6.2f} s   hit {t2 - t1:6.2f} s   {(t1 - t0) / (t2 - t1):5.1f}x")


if __name__ == "__main__":
    main()
