"""Entity scoring speed: bench's alignment against nervaluate on the same synthetic corpus.

10,000 documents with 50 gold entities each (predictions perturbed from the gold). Both sides
produce what nervaluate's Evaluator.evaluate() produces: all four schemes, overall and per label.
Prints both times and the ratio; run with `make benchmarks` or directly.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nervaluate import Evaluator

from bench.core.matching import SCHEMES, Span
from bench.core.scoring import all_schemes, sum_tallies

LABELS = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE"]


def corpus(n_docs: int, per_doc: int, seed: int = 0):
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        gold, pos = [], 0
        for _ in range(per_doc):
            start = pos + rng.randint(1, 20)
            end = start + rng.randint(1, 15)
            gold.append(Span(start, end, rng.choice(LABELS)))
            pos = end
        pred = []
        for s in gold:
            r = rng.random()
            if r < 0.1:
                continue
            if r < 0.25:
                s = Span(s.start + rng.choice([-1, 1]), s.end, s.label)
            elif r < 0.35:
                s = Span(s.start, s.end, rng.choice(LABELS))
            pred.append(s)
        docs.append((gold, pred))
    return docs


def ours(docs) -> dict:
    per_doc = [all_schemes(gold, pred) for gold, pred in docs]
    return {scheme: sum_tallies(d[scheme] for d in per_doc) for scheme in SCHEMES}


def theirs(docs) -> dict:
    as_dicts = lambda spans: [{"label": s.label, "start": s.start, "end": s.end - 1} for s in spans]
    return Evaluator(
        [as_dicts(g) for g, _ in docs], [as_dicts(p) for _, p in docs], tags=LABELS, loader="dict"
    ).evaluate()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--entities", type=int, default=50)
    args = parser.parse_args()
    docs = corpus(args.docs, args.entities)
    t0 = time.perf_counter()
    mine = ours(docs)
    t1 = time.perf_counter()
    ref = theirs(docs)
    t2 = time.perf_counter()
    for scheme, name in (("strict", "strict"), ("exact", "exact"), ("partial", "partial")):
        r = ref["overall"][name]
        assert mine[scheme]["micro"].as_tuple() == (r.correct, r.incorrect, r.partial, r.missed, r.spurious), scheme
    print(f"corpus: {args.docs} documents x {args.entities} entities; all four schemes, overall and per label")
    print(f"bench (all_schemes): {t1 - t0:8.2f} s")
    print(f"nervaluate:     {t2 - t1:8.2f} s")
    print(f"ratio (nervaluate / bench): {(t2 - t1) / (t1 - t0):.2f}x")


if __name__ == "__main__":
    main()
