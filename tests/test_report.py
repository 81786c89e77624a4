"""The HTML report, opened in a real headless Chromium (Debian's package), and `bench errors`."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bench.cli.main import main
from bench.core.scoring import SECTION_NAMES
from bench.formats.corpus import load_articles, text_sha256

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(*args: str) -> subprocess.CompletedProcess:
    exe = shutil.which("chromium")
    if exe is None:
        pytest.fail(
            "Debian's chromium is needed for the report test: `apt-get install chromium` "
            "(`make test` installs it when run as root)",
            pytrace=False,
        )
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=120
        )


class Page(HTMLParser):
    """Collects leaderboard cells and, per document column, the marked spans and their labels."""

    def __init__(self):
        super().__init__()
        self.cells: dict[tuple[str, str], str] = {}
        self.marks: dict[str, list[tuple[str, str]]] = {}
        self._cell = None
        self._column = None
        self._depth = 0
        self._mark: list[str] | None = None
        self._label: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and "data-section" in a:
            self._cell = (a["data-system"], a["data-section"])
            self.cells[self._cell] = ""
        if tag == "div" and "data-column" in a:
            self._column, self._depth = a["data-column"], 0
        if tag == "div" and self._column:
            self._depth += 1
        if tag == "mark" and self._column:
            self._mark = []
        elif tag == "span" and self._mark is not None:
            self._label = []

    def handle_endtag(self, tag):
        if tag == "td":
            self._cell = None
        if tag == "span" and self._label is not None:
            self._label_text = "".join(self._label).strip()
            self._label = None
        if tag == "mark" and self._mark is not None:
            self.marks.setdefault(self._column, []).append((" ".join("".join(self._mark).split()), self._label_text))
            self._mark = None
        if tag == "div" and self._column:
            self._depth -= 1
            if self._depth == 0:
                self._column = None

    def handle_data(self, data):
        if self._cell:
            self.cells[self._cell] += data
        if self._label is not None:
            self._label.append(data)
        elif self._mark is not None:
            self._mark.append(data)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", "--systems", "rules,spacy", "--out", str(out), "--bootstrap", "200"]) == 0
    return out


def test_report_is_self_contained(report):
    text = report.read_text(encoding="utf-8")
    assert "<script" not in text
    assert 'src="http' not in text and 'href="http' not in text and "@import" not in text
    assert oct(report.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current


def test_report_in_chromium_shows_real_scores_and_marks_a_known_miss(report, capsys, tmp_path):
    dom = chromium("--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    page = Page()
    page.feed(dom.stdout)
    for system in ("rules", "spacy"):
        assert main(["score", "--system", system, "--format", "json"]) == 0
        scored = json.loads(capsys.readouterr().out)["sections"]
        for section in ("entities", "figures"):
            shown = page.cells[(system, section)].strip()
            assert shown.startswith(f"{scored[section]['micro']['f1']:.3f}"), (system, section, shown)
    # spacy now predicts relations from its parse; the cell shows its score, not "absent" (scored: spacy's).
    relations = page.cells[("spacy", "relations_mention")].strip()
    assert relations.startswith(f"{scored['relations_mention']['micro']['f1']:.3f}"), relations
    # en_core_web_sm does not tag the coalition "axis of resistance": the spacy column marks it missed.
    assert ("axis of resistance", "ORG ✗ missed") in page.marks["spacy"]
    assert ("axis of resistance", "ORG") in page.marks["gold"]
    shot = tmp_path / "report.png"
    rendered = chromium(f"--screenshot={shot}", "--window-size=1280,1600", report.as_uri())
    assert rendered.returncode == 0 and shot.stat().st_size > 20_000


def test_errors_lists_the_rules_systems_one_miss_on_the_seed(capsys, seed_dirs):
    arts, gold = seed_dirs
    argv = ["errors", "--system", "rules", "--format", "json", "--articles", str(arts), "--gold", str(gold)]
    # The rules resolve "in the enclave" to the Gaza Strip named before (guidelines §3.1): no error.
    assert main(argv) == 0
    assert json.loads(capsys.readouterr().out) == []
    # A place noun they do not resolve, of the same length so gold offsets hold, leaves that relation missed.
    (article,) = arts.glob("*.txt")
    article.write_text(article.read_text(encoding="utf-8").replace("in the enclave", "in the country", 1), "utf-8")
    (gold_file,) = gold.glob("*.json")
    record = json.loads(gold_file.read_text(encoding="utf-8"))
    record["text_sha256"] = text_sha256(next(d for d in load_articles(arts)).text)
    gold_file.write_text(json.dumps(record), encoding="utf-8")
    assert main(argv) == 0
    items = json.loads(capsys.readouterr().out)
    assert [(i["section"], i["kind"], i["label"]) for i in items] == [("relations", "missed", "LOCATED_IN")]
    gold_rel = items[0]["gold"]
    assert (gold_rel["type"], gold_rel["head"]["text"], gold_rel["tail"]["text"]) == (
        "LOCATED_IN",
        "5,791",
        "Gaza Strip",
    )
    assert items[0]["predicted"] is None and items[0]["rule"] == ""
    # The arguments stand about 80 characters apart: two windows, each bracketed, no paragraph in between.
    assert items[0]["context"].count("[[") == 2 and " … " in items[0]["context"]
    assert len(items[0]["context"]) < 4 * 30 + 40


def test_errors_kinds_on_constructed_predictions(toy, capsys, tmp_path):
    body = toy["doc"].text
    ents = [
        {"id": "a", "label": "ORG", "start": 0, "end": 9},  # Hezbollah: correct
        {"id": "b", "label": "ORG", "start": body.index("Hassan"), "end": body.index("Hassan") + 16},  # label error
        {"id": "c", "label": "ORG", "start": body.index("Hamas"), "end": body.index("Hamas") + 3},  # boundary
        {"id": "d", "label": "GPE", "start": body.index("officials"), "end": body.index("officials") + 9},  # spurious
        {
            "id": "e",
            "label": "FIGURE",
            "start": body.index("at least 12"),
            "end": body.index("at least 12") + 11,
            "value": 13,
            "qualifier": "at_least",
            "category": "killed",
        },  # value error
    ]
    rels = [{"id": "r", "head": "a", "tail": "c", "type": "IN_CONFLICT_WITH"}]
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps({"doc_id": "toy", "entities": ents, "relations": rels}) + "\n", encoding="utf-8")
    argv = [
        "errors",
        "--predictions",
        str(preds),
        "--articles",
        str(toy["articles"]),
        "--gold",
        str(toy["gold"]),
        "--format",
        "json",
    ]
    assert main(argv) == 0
    items = json.loads(capsys.readouterr().out)
    kinds = {(i["section"], i["kind"], i["label"]) for i in items}
    assert ("entities", "label", "PERSON") in kinds
    assert ("entities", "boundary", "ORG") in kinds
    assert ("entities", "spurious", "GPE") in kinds
    assert ("entities", "missed", "GPE") in kinds
    assert ("figures", "value", "killed") in kinds
    assert ("relations", "missed", "LEADER_OF") in kinds
    # One argument is the clipped "Ham": under strict it aligns with nothing, so the relation is spurious.
    assert ("relations", "spurious", "IN_CONFLICT_WITH") in kinds
    assert main(argv + ["--kind", "boundary"]) == 0
    only = json.loads(capsys.readouterr().out)
    assert {i["kind"] for i in only} == {"boundary"}
    assert main(argv[:-2] + ["--label", "ORG"]) == 0
    table = capsys.readouterr().out
    assert "== entities / ORG" in table and "PERSON" not in table.split("== entities / ORG")[0]


def test_relation_type_confusion_is_a_label_error(toy, capsys, tmp_path):
    gold = json.loads(toy["path"].read_text(encoding="utf-8"))
    gold["relations"][0]["type"] = "MEMBER_OF"  # the gold says LEADER_OF for the same two mentions
    preds = tmp_path / "p.jsonl"
    preds.write_text(
        json.dumps({"doc_id": "toy", "entities": gold["entities"], "relations": gold["relations"]}) + "\n",
        encoding="utf-8",
    )
    argv = [
        "errors",
        "--predictions",
        str(preds),
        "--articles",
        str(toy["articles"]),
        "--gold",
        str(toy["gold"]),
        "--section",
        "relations",
        "--format",
        "json",
    ]
    assert main(argv) == 0
    items = json.loads(capsys.readouterr().out)
    assert [(i["kind"], i["label"]) for i in items] == [("label", "LEADER_OF")]
    assert items[0]["predicted"]["type"] == "MEMBER_OF"  # JSON gives the items as objects


def test_document_marks_follow_the_match_scheme():
    from bench.core.annotation import Annotation, Entity
    from bench.core.comparison import Comparison
    from bench.reports.html import _marked

    gold = Annotation("d", (Entity("T1", "ORG", 0, 5, "Hamas"),))
    pred = Annotation("d", (Entity("P1", "GPE", 0, 5, "Hamas"),))
    strict = _marked(Comparison(gold, pred, "strict"))
    exact = _marked(Comparison(gold, pred, "exact"))
    assert strict == [{"start": 0, "end": 5, "label": "GPE ✗ spurious"}]
    assert exact == [{"start": 0, "end": 5, "label": "GPE"}]  # boundaries agree: right under exact


# --- issue 12: best system, slices, PR curves, document index, collapsible documents ----------------


@pytest.fixture(scope="module")
def small_report(tmp_path_factory):
    """Twelve generated documents, a scored system and an unscored one, reported with --by theatre."""
    from synthetic import noisy_predictions, synthetic_corpus, write_jsonl

    from bench.formats.corpus import load_articles

    root = tmp_path_factory.mktemp("small")
    arts, gold, golds = synthetic_corpus(root, 12, seed=4)
    bodies = {d.doc_id: d.text for d in load_articles(arts)}
    good = write_jsonl(root / "good.jsonl", noisy_predictions(golds, bodies, seed=1, quality=0.85))
    weak = noisy_predictions(golds, bodies, seed=2, quality=0.4)
    for record in weak:  # the weak system gives no confidences at all
        for item in record["entities"] + record["relations"]:
            item.pop("score", None)
    weak_path = write_jsonl(root / "weak.jsonl", weak)
    out = root / "report.html"
    corpus = ["--articles", str(arts), "--gold", str(gold)]
    argv = ["report", *corpus, "--systems", f"{good},{weak_path}", "--out", str(out), "--by", "theatre"]
    assert main([*argv, "--bootstrap", "0"]) == 0
    return {"html": out.read_text(encoding="utf-8"), "corpus": corpus, "good": str(good), "weak": str(weak_path)}


def _scores(capsys, corpus, source, *extra):
    assert main(["score", *corpus, "--predictions", source, "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_best_system_per_section_is_marked(small_report, capsys):
    page = Page()
    page.feed(small_report["html"])
    good = _scores(capsys, small_report["corpus"], small_report["good"])["sections"]
    weak = _scores(capsys, small_report["corpus"], small_report["weak"])["sections"]
    html = small_report["html"]
    for section in ("entities", "figures", "relations_mention", "relations_fact"):
        winner = small_report["good"] if good[section]["micro"]["f1"] > weak[section]["micro"]["f1"] else None
        assert winner is not None, section  # the generated data make the 0.85 system better everywhere
        assert f'data-system="{winner}" data-section="{section}" class="micro-f1 best"' in html
        assert f'data-system="{small_report["weak"]}" data-section="{section}" class="micro-f1"' in html
        assert "★ best" in page.cells[(winner, section)]


def test_slices_in_the_report_are_bench_score_by(small_report, capsys):
    scored = _scores(capsys, small_report["corpus"], small_report["good"], "--by", "theatre")
    rows = re.findall(r"<tr><td>([a-z]+)</td><td>(\d+)</td>((?:<td>[^<]*</td>)+)</tr>", small_report["html"])
    by_value = {value: (int(docs), re.findall(r"<td>([^<]*)</td>", cells)) for value, docs, cells in rows}
    for value, entry in scored["slices"]["rows"].items():
        docs, cells = by_value[value]
        assert docs == entry["documents"]
        # Columns: per section (in the scores' order), the good system then the weak one.
        sections = [s for s in SECTION_NAMES if s in entry]
        assert cells[2 * sections.index("entities")] == f"{entry['entities']['f1']:.3f}"
        assert cells[2 * sections.index("figures")] == f"{entry['figures']['f1']:.3f}"


def test_pr_curves_appear_for_the_scored_system_only(small_report, capsys, tmp_path):
    html = small_report["html"]
    assert html.count('class="pr-line"') == len(SECTION_NAMES) and f'data-system="{small_report["good"]}"' in html
    assert f"no scores (not drawn): {small_report['weak']}" in html
    out = tmp_path / "curve.json"
    assert main(["curve", *small_report["corpus"], "--predictions", small_report["good"], "-o", str(out)]) == 0
    curve = json.loads(out.read_text(encoding="utf-8"))
    for section, c in curve["sections"].items():
        row = re.search(
            rf'<tr data-system="[^"]+" data-section="{section}"><td>[^<]*</td><td>{section}</td><td>([^<]*)</td>', html
        )
        assert row and row.group(1) == f"{c['average_precision']:.3f}", section


def test_document_index_links_every_document_and_counts_its_errors(small_report, capsys):
    html = small_report["html"]
    details = re.findall(r'<details class="document" id="doc-([^"]+)" data-errors="(\d+)"><summary>', html)
    assert len(details) == 12 and "<details open" not in html
    index = re.findall(r'<tr><td><a href="#doc-([^"]+)">[^<]*</a></td><td class="errors-\d+">(\d+)</td>', html)
    assert sorted(d for d, _ in index) == sorted(d for d, _ in details)
    # The good system's count per document is its per-document tallies' errors (entities, figures, mention level).
    from pathlib import Path

    from bench.evaluation.runs import open_corpus, score

    arts, gold = Path(small_report["corpus"][1]), Path(small_report["corpus"][3])
    tallies = score(open_corpus(arts, gold), small_report["good"], "predictions").scores.tallies
    expected = {
        d: sum(
            c.incorrect + c.partial + c.missed + c.spurious
            for c in (tallies[s][d]["micro"] for s in ("entities", "figures", "relations_mention"))
        )
        for d in tallies["entities"]
    }
    assert {d: int(n) for d, n in index} == expected and sum(expected.values()) > 0
    # Documents with errors come first, then the clean ones.
    counts = [int(n) for _, n in details]
    assert counts == sorted(counts, key=lambda n: n == 0)
    assert html.index('id="with-errors"') < html.index('id="without-errors"')
