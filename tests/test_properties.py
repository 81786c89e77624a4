"""Generated bad input thrown at every reader: no traceback, exit 1 or 2, problems name the file, nothing written.

Each property starts from a valid toy corpus and replaces one part (a gold file, a prediction
line, an article, a baseline) with generated JSON or bytes, often one value away from valid.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import TOY_TEXT, entity, write_article, write_gold, write_index
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.cli.main import main

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.integers(min_value=10**50, max_value=10**60),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


def corpus(root: Path) -> dict[str, Path]:
    if root.exists():
        shutil.rmtree(root)
    arts, gold = root / "articles", root / "gold"
    doc = write_article(arts, "toy", TOY_TEXT)
    path = write_gold(
        gold,
        doc,
        [
            entity("T1", "Hezbollah", TOY_TEXT, "ORG"),
            entity("T2", "at least 12", TOY_TEXT, "FIGURE", value=12, qualifier="at_least", category="killed"),
        ],
    )
    write_index(gold, [("toy", "dev", "t")])
    return {"articles": arts, "gold": gold, "path": path, "root": root}


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def mutate(base: dict, path: list, value) -> dict:
    data = json.loads(json.dumps(base))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


GOLD_PATHS = [
    ["doc_id"],
    ["date"],
    ["entities"],
    ["relations"],
    ["entities", 0],
    ["entities", 0, "start"],
    ["entities", 0, "label"],
    ["entities", 1, "value"],
    ["entities", 1, "category"],
    ["entities", 0, "id"],
]


def check_run(capsys, argv: list[str], root: Path, path: Path, before: dict) -> None:
    code = main(argv)
    out = capsys.readouterr()
    assert code in (0, 1, 2), code
    assert "Traceback" not in out.out + out.err
    if code:
        lines = [
            line.split(": ", 1)[1] if line.startswith("bench ") else line for line in (out.out + out.err).splitlines()
        ]
        problems = [
            line for line in lines if line and not line.startswith(("nothing was", "OK")) and "problem(s)" not in line
        ]
        # Every problem starts with the file it is about: the changed one, or one it made wrong.
        assert problems and all(line.startswith(str(root)) for line in problems), problems
        assert any(line.startswith(str(path)) for line in problems) or path.suffix == ".txt", problems
    assert snapshot(root) == before  # a reader never writes


@SETTINGS
@given(where=st.sampled_from(GOLD_PATHS), value=json_values)
def test_generated_gold_files(tmp_path, capsys, where, value):
    c = corpus(tmp_path / "c")
    data = mutate(json.loads(c["path"].read_text()), where, value)
    c["path"].write_text(json.dumps(data))
    before = snapshot(c["root"])
    check_run(
        capsys, ["validate", "--articles", str(c["articles"]), "--gold", str(c["gold"])], c["root"], c["path"], before
    )


@SETTINGS
@given(line=st.one_of(json_values.map(json.dumps), st.text(max_size=60)))
def test_generated_prediction_lines(tmp_path, capsys, line):
    c = corpus(tmp_path / "c")
    preds = c["root"] / "p.jsonl"
    preds.write_text(line + "\n", encoding="utf-8")
    before = snapshot(c["root"])
    check_run(
        capsys,
        ["score", "--predictions", str(preds), "--articles", str(c["articles"]), "--gold", str(c["gold"])],
        c["root"],
        preds,
        before,
    )


@SETTINGS
@given(raw=st.one_of(st.binary(max_size=80), st.text(max_size=80).map(lambda t: (" date 2024-01-02 " + t).encode())))
def test_generated_articles(tmp_path, capsys, raw):
    c = corpus(tmp_path / "c")
    article = c["articles"] / "toy.txt"
    article.write_bytes(raw)
    before = snapshot(c["root"])
    check_run(
        capsys, ["validate", "--articles", str(c["articles"]), "--gold", str(c["gold"])], c["root"], article, before
    )


@SETTINGS
@given(
    key=st.sampled_from(["system", "match", "split", "sections", "schema_version", "gold_dir", "gold_sha256"]),
    value=json_values,
)
def test_generated_baselines(tmp_path, capsys, key, value):
    c = corpus(tmp_path / "c")
    baseline = c["root"] / "b.json"
    assert (
        main(
            [
                "gate",
                "--baseline",
                str(baseline),
                "--update",
                "--system",
                "gold",
                "--articles",
                str(c["articles"]),
                "--gold",
                str(c["gold"]),
            ]
        )
        == 0
    )
    capsys.readouterr()
    data = json.loads(baseline.read_text())
    data[key] = value
    baseline.write_text(json.dumps(data))
    before = snapshot(c["root"])
    check_run(capsys, ["gate", "--baseline", str(baseline)], c["root"], baseline, before)
