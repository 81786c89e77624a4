"""`bench report` at 1,000 documents x 3 systems: under 25 MB and rendered by headless Chromium in under 10 s.

A limit test with a generous bound, not a speed claim: the corpus is generated (fixed seed) in a
temporary directory, three predictions files with confidence scores are scored, and the report is
opened in Debian's chromium. The measured size and times are printed (``pytest -s`` shows them).
"""

from __future__ import annotations

import re
import time

from synthetic import noisy_predictions, synthetic_corpus, write_jsonl
from test_report import chromium

from bench.cli.main import main
from bench.core.scoring import SECTION_NAMES
from bench.formats.corpus import load_articles

DOCUMENTS, SYSTEMS = 1000, 3
MAX_BYTES = 25 * 1024 * 1024
MAX_RENDER_SECONDS = 10.0


def test_report_of_1000_documents_and_3_systems_stays_small_and_renders_in_time(tmp_path, capsys):
    arts, gold_dir, golds = synthetic_corpus(tmp_path, DOCUMENTS, seed=11)
    bodies = {d.doc_id: d.text for d in load_articles(arts)}
    names = []
    for i, quality in enumerate((0.5, 0.65, 0.8)):
        path = write_jsonl(
            tmp_path / f"system{i}.jsonl", noisy_predictions(golds, bodies, seed=100 + i, quality=quality)
        )
        names.append(str(path))
    out = tmp_path / "report.html"
    started = time.perf_counter()
    argv = ["report", "--articles", str(arts), "--gold", str(gold_dir), "--systems", ",".join(names)]
    assert main([*argv, "--out", str(out), "--by", "theatre", "--bootstrap", "200"]) == 0
    built = time.perf_counter() - started
    size = out.stat().st_size
    assert size < MAX_BYTES, f"report is {size / 1e6:.1f} MB"

    started = time.perf_counter()
    dom = chromium("--dump-dom", out.as_uri())
    dumped = time.perf_counter() - started
    assert dom.returncode == 0, dom.stderr[-2000:]
    shot = tmp_path / "report.png"
    started = time.perf_counter()
    rendered = chromium(f"--screenshot={shot}", "--window-size=1280,1600", out.as_uri())
    painted = time.perf_counter() - started
    assert rendered.returncode == 0 and shot.stat().st_size > 20_000
    with capsys.disabled():
        print(
            f"\nreport {DOCUMENTS} x {SYSTEMS}: {size / 1e6:.1f} MB, built in {built:.1f} s, "
            f"chromium --dump-dom {dumped:.1f} s, --screenshot {painted:.1f} s"
        )
    assert dumped < MAX_RENDER_SECONDS and painted < MAX_RENDER_SECONDS, (dumped, painted)

    # Everything is there after rendering: every document once, each collapsed, errors first.
    page = dom.stdout
    details = re.findall(r'<details class="document" id="doc-([^"]+)" data-errors="(\d+)"', page)
    assert len(details) == DOCUMENTS and len({d for d, _ in details}) == DOCUMENTS
    errors = [int(n) for _, n in details]
    first_clean = next((i for i, n in enumerate(errors) if n == 0), len(errors))
    assert all(n > 0 for n in errors[:first_clean]) and all(n == 0 for n in errors[first_clean:])
    assert "<details open" not in page and "<script" not in page
    index_links = re.findall(r'<a href="#doc-([^"]+)">', page)
    assert sorted(index_links) == sorted(d for d, _ in details)
    assert page.count('class="pr-line"') == len(SECTION_NAMES) * SYSTEMS  # a curve per section and system
    assert len(re.findall(r'<td [^>]*class="micro-f1 best"', page)) >= 4
