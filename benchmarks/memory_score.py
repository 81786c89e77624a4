"""Peak memory of `bench score --predictions` on 10,000 documents, end to end, in a child process.

Builds a corpus of 10,000 articles (the repository's articles repeated under new ids, each with its
gold) and a predictions file equal to the gold, then runs the command and reads the child's peak
resident set size. The target is under 500 MB.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build(root: Path, n: int) -> None:
    (root / "seeds").mkdir()
    (root / "gold").mkdir()
    articles = sorted((REPO / "seeds").glob("*.txt"))
    with (root / "preds.jsonl").open("w", encoding="utf-8") as preds:
        for i, article in zip(range(n), itertools.cycle(articles)):
            doc_id = f"d{i:05d}"
            (root / "seeds" / f"{doc_id}.txt").write_bytes(article.read_bytes())
            gold = json.loads((REPO / "gold" / f"{article.stem}.json").read_text(encoding="utf-8"))
            gold["doc_id"] = doc_id
            (root / "gold" / f"{doc_id}.json").write_text(json.dumps(gold), encoding="utf-8")
            preds.write(json.dumps(gold, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build(root, args.docs)
        t0 = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "bench", "score", "--predictions", "preds.jsonl", "--format", "json"],
            cwd=root,
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - t0
        if done.returncode != 0:
            sys.exit(f"bench score failed: {done.stderr.strip()}")
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        f1 = json.loads(done.stdout)["sections"]["entities"]["micro"]["f1"]
        print(
            f"bench score --predictions on {args.docs} documents: {elapsed:.1f} s, peak {peak_mb:.0f} MB "
            f"(target < 500 MB); entities micro-F1 {f1:.3f}"
        )


if __name__ == "__main__":
    main()
