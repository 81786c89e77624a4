"""The command line reads well: every option explains itself, one output spelling, a version."""

from __future__ import annotations

import argparse
import json
from importlib.metadata import version

import pytest

from bench.cli.main import build_parser, main


def parsers(parser: argparse.ArgumentParser, path: str = "bench"):
    """Every parser of the tree with its command path: bench, bench score, bench doccano push…"""
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from parsers(sub, f"{path} {name}")


def test_every_option_and_argument_of_every_command_has_help():
    missing = [
        f"{path}: {'/'.join(action.option_strings) or action.dest}"
        for path, parser in parsers(build_parser())
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction)
        and (not action.help or action.help == argparse.SUPPRESS or not action.help.strip())
    ]
    assert not missing, "options without help: " + ", ".join(missing)


def test_every_command_has_a_one_line_summary():
    missing = []
    for path, parser in parsers(build_parser()):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                described = {a.dest for a in action._choices_actions if a.help}
                missing += [f"{path} {name}" for name in action.choices if name not in described]
    assert not missing, missing


def test_the_walk_sees_the_whole_tree():
    paths = {path for path, _ in parsers(build_parser())}
    assert {"bench score", "bench doccano push", "bench schema", "bench convert"} <= paths


def test_version_comes_from_the_package_metadata(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"bench {version('bench')}"


def output_spellings():
    """Every option that writes a file: it is spelled -o/--output, whatever else it accepts."""
    for path, parser in parsers(build_parser()):
        for action in parser._actions:
            if action.dest == "output" and action.option_strings:
                yield path, action.option_strings


def test_one_output_spelling_everywhere():
    found = dict(output_spellings())
    assert {"bench predict", "bench score", "bench report", "bench schema", "bench convert"} <= set(found)
    for path, strings in found.items():
        assert strings[:2] == ["-o", "--output"], (path, strings)
    # No command writes a file under any other option name.
    for path, parser in parsers(build_parser()):
        for action in parser._actions:
            for name in action.option_strings:
                if name in ("--out", "--save"):
                    assert action.dest == "output", (path, name)


@pytest.mark.parametrize("spelling", ["-o", "--output", "--out"])
def test_predict_writes_with_the_new_and_the_old_spelling(toy, capsys, tmp_path, spelling):
    out = tmp_path / "p.jsonl"
    argv = ["predict", "--system", "gold", spelling, str(out), "--articles", str(toy["articles"])]
    assert main([*argv, "--gold", str(toy["gold"])]) == 0
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["doc_id"] == "toy"


@pytest.mark.parametrize("spelling", ["-o", "--output", "--save"])
def test_score_saves_with_the_new_and_the_old_spelling(toy, capsys, tmp_path, spelling):
    out = tmp_path / "s.json"
    argv = ["score", "--system", "gold", spelling, str(out), "--articles", str(toy["articles"])]
    assert main([*argv, "--gold", str(toy["gold"])]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["sections"]["entities"]["micro"]["f1"] == 1.0


@pytest.mark.parametrize("spelling", ["-o", "--output", "--out"])
def test_report_writes_with_the_new_and_the_old_spelling(toy, capsys, tmp_path, spelling):
    out = tmp_path / "r.html"
    argv = ["report", "--systems", "gold", "--bootstrap", "0", spelling, str(out)]
    assert main([*argv, "--articles", str(toy["articles"]), "--gold", str(toy["gold"])]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_convert_takes_its_output_as_an_option_or_as_before(toy, capsys, tmp_path):
    dirs = ["--articles", str(toy["articles"]), "--gold", str(toy["gold"])]
    for i, where in enumerate((["-o"], [])):
        out = tmp_path / f"c{i}.jsonl"
        argv = ["convert", "--from", "gold", "--to", "jsonl", str(toy["gold"]), *where, str(out)]
        assert main([*argv, *dirs]) == 0
        assert json.loads(out.read_text(encoding="utf-8"))["doc_id"] == "toy"


@pytest.mark.parametrize("argv", [[], ["two.jsonl", "-o", "three.jsonl"]])
def test_convert_needs_exactly_one_output(toy, capsys, tmp_path, argv):
    code = main(["convert", "--from", "gold", "--to", "jsonl", str(toy["gold"]), *argv])
    assert code == 2
    assert "output" in capsys.readouterr().err
