"""The GitHub Actions template for outside repositories (docs/github-workflow.yml), run for real.

Its `run:` steps are read from the YAML and run in order with bash in a temporary directory laid out
like an extractor's repository (its own predictions file, a copy of gold/ and seeds/, a baseline),
with bench installed by pip into a fresh virtual environment from a copy of this checkout (the
template's BENCH_SOURCE substituted). As on GitHub, the job stops at the first step that fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from conftest import REPO
from synthetic import noisy_predictions, write_jsonl

from bench.evaluation.runs import open_corpus

TEMPLATE = REPO / "docs" / "github-workflow.yml"


def parse_workflow(text: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The top-level env and the (name, command) of every step with a one-line `run:`.

    A small reader for this template's shape (no YAML library in the locks): it refuses block scalars,
    so a multi-line command cannot slip past the test.
    """
    env: dict[str, str] = {}
    steps: list[tuple[str, str]] = []
    in_env, name = False, ""
    for line in text.splitlines():
        if re.match(r"^\S", line):
            in_env = line.startswith("env:")
            continue
        if in_env:
            m = re.match(r'^  (\w+):\s*"?([^"#]*?)"?\s*(#.*)?$', line)
            if m:
                env[m.group(1)] = m.group(2)
        m = re.match(r"^\s+- name: (.+)$", line)
        if m:
            name = m.group(1).strip()
        m = re.match(r"^\s+run: (.+)$", line)
        if m:
            command = m.group(1).strip()
            assert command not in ("|", ">") and not command.startswith(("|", ">")), f"{name}: multi-line run"
            steps.append((name, command))
    return env, steps


def test_the_template_reads_as_intended():
    env, steps = parse_workflow(TEMPLATE.read_text(encoding="utf-8"))
    assert env["BENCH_SOURCE"].startswith("git+https://") and env["PREDICTIONS"] == "predictions.jsonl"
    assert [n for n, _ in steps] == ["Install bench", "Check the predictions", "Score", "Gate"]
    assert "make" not in " ".join(c for _, c in steps)  # installs bench as a package, not this repository's make
    assert "cache: pip" in TEMPLATE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def outside(tmp_path_factory):
    """An extractor's repository: predictions, a copy of gold/ and seeds/, and a copy of bench to install."""
    root = tmp_path_factory.mktemp("extractor")
    repo = root / "repo"
    shutil.copytree(REPO / "gold", repo / "gold")
    shutil.copytree(REPO / "seeds", repo / "seeds")
    (repo / ".github" / "workflows").mkdir(parents=True)
    shutil.copy(TEMPLATE, repo / ".github" / "workflows" / "bench.yml")
    source = root / "bench-src"  # what pip installs: the package as this checkout has it, nothing else
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for part in ("bench", "systems"):
        shutil.copytree(REPO / part, source / part, ignore=ignore)
    shutil.copy(REPO / "pyproject.toml", source / "pyproject.toml")
    corpus = open_corpus(REPO / "seeds", REPO / "gold")
    bodies = {d.doc_id: d.text for d in corpus.docs}
    good = noisy_predictions(corpus.gold, bodies, seed=21, quality=0.75)
    worse = noisy_predictions(corpus.gold, bodies, seed=21, quality=0.45)
    return {"root": root, "repo": repo, "source": source, "good": good, "worse": worse}


def run_steps(outside, env: dict[str, str], steps: list[tuple[str, str]]) -> list[tuple[str, int, str]]:
    """Run steps in order with bash, as Actions does; stop at the first that fails."""
    venv = outside["root"] / "venv"
    environ = {
        **{k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")},
        **env,
        "BENCH_SOURCE": str(outside["source"]),
        "GITHUB_STEP_SUMMARY": str(outside["root"] / "summary.md"),
        "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }
    done = []
    for name, command in steps:
        proc = subprocess.run(
            ["bash", "-e", "-o", "pipefail", "-c", command],
            cwd=outside["repo"],
            env=environ,
            capture_output=True,
            text=True,
            timeout=600,
        )
        done.append((name, proc.returncode, proc.stdout + proc.stderr))
        if proc.returncode != 0:
            break
    return done


def test_the_workflow_passes_then_fails_when_the_predictions_regress(outside):
    env, steps = parse_workflow(TEMPLATE.read_text(encoding="utf-8"))
    venv = outside["root"] / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    repo = outside["repo"]
    write_jsonl(repo / env["PREDICTIONS"], outside["good"])

    install, rest = steps[0], steps[1:]
    done = run_steps(outside, env, [install])
    assert done[0][1] == 0, done[0][2][-3000:]
    bench = venv / "bin" / "bench"
    assert bench.exists() and not (venv / "bin" / "spacy").exists()  # the core install, no extras
    # The baseline, made once as the template's header says, with the installed bench.
    made = subprocess.run(
        [str(bench), "gate", "--baseline", env["BASELINE"], "--update", "--predictions", env["PREDICTIONS"]],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr

    done = run_steps(outside, env, rest)
    assert [(n, code) for n, code, _ in done] == [(n, 0) for n, _ in rest], done[-1][2][-3000:]
    summary = (outside["root"] / "summary.md").read_text(encoding="utf-8")
    assert "### Entities" in summary and "| micro" in summary
    # The HTML report needs no spaCy either: an extractor's CI can publish it as an artifact.
    report = subprocess.run(
        [str(bench), "report", "--systems", env["PREDICTIONS"], "--out", "report.html", "--bootstrap", "0"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert report.returncode == 0, report.stderr[-2000:]
    assert 'class="pr-line"' in (repo / "report.html").read_text(encoding="utf-8")

    write_jsonl(repo / env["PREDICTIONS"], outside["worse"])
    done = run_steps(outside, env, rest)
    assert [(n, code) for n, code, _ in done] == [("Check the predictions", 0), ("Score", 0), ("Gate", 1)]
    assert "micro" in done[-1][2]

    (repo / env["PREDICTIONS"]).write_text('{"doc_id": "000_4f88ccd7cf78f350", "entities": [{"label": "ORG"}]}\n')
    done = run_steps(outside, env, rest)
    assert [(n, code) for n, code, _ in done] == [("Check the predictions", 1)]


def test_a_predictions_baseline_stores_its_file_relative_and_needs_no_import_consent(tmp_path, capsys):
    import json

    from bench.cli.main import main

    corpus = open_corpus(REPO / "seeds", REPO / "gold")
    bodies = {d.doc_id: d.text for d in corpus.docs}
    preds = write_jsonl(tmp_path / "preds.jsonl", noisy_predictions(corpus.gold, bodies, seed=3))
    baseline = tmp_path / "baselines" / "mine.json"
    assert main(["gate", "--baseline", str(baseline), "--update", "--predictions", str(preds)]) == 0
    saved = json.loads(baseline.read_text(encoding="utf-8"))
    assert (saved["source"], saved["system"]) == ("predictions", "../preds.jsonl")
    # Without --predictions the gate re-reads the file the baseline names, from any working directory.
    assert main(["gate", "--baseline", str(baseline)]) == 0
    write_jsonl(preds, noisy_predictions(corpus.gold, bodies, seed=3, quality=0.3))
    capsys.readouterr()
    assert main(["gate", "--baseline", str(baseline)]) == 1
    assert "micro" in capsys.readouterr().out
