"""The ``bench`` command."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

from . import doccano_commands
from .annotation import WriteError, atomic_write, write_jsonl
from .corpus import DEFAULT_ARTICLES, CorpusError, Document, load_articles
from .doccano import DoccanoError
from .errors import KINDS, collect_errors, render_errors
from .gate import BaselineError, compare_to_baseline, load_baseline, portable
from .matching import SCHEMES
from .metadata import ALL, SLICE_FIELDS, SPLITS, check_index, index_path, load_index, select
from .report import render_compare, render_gate, render_score, render_stats
from .results import SCHEMA_VERSION, build_result, dumps_result, load_source, score_source
from .schema import CATEGORIES, ENTITY_LABELS, RELATION_TYPES
from .scoring import SECTION_NAMES, slice_scores
from .stats import MAX_RESAMPLES, paired_randomisation
from .systems import SystemCrash, SystemFailure, is_registered, list_systems, load_system, run_system
from .validate import DEFAULT_GOLD, AnnotationError, load_gold, orphan_gold, validate_files

EXIT_OK, EXIT_FAIL, EXIT_ERROR, EXIT_CRASH = 0, 1, 2, 3
KNOWN_LABELS = (*ENTITY_LABELS, *CATEGORIES, *RELATION_TYPES)
EXIT_CODES = """exit codes:
  0  success
  1  a finding: validation problems, a gate regression
  2  bad input or usage: a broken file, an unknown name, an impossible option
  3  a system crashed while starting or predicting"""


class UsageError(Exception):
    pass


def _common(p: argparse.ArgumentParser, gold: bool = True, split: bool = False) -> None:
    p.add_argument(
        "--articles", type=Path, default=DEFAULT_ARTICLES, help="directory of *.txt articles (default: seeds)"
    )
    if gold:
        p.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="directory of gold *.json (default: gold)")
    if split:
        p.add_argument(
            "--split",
            choices=(*SPLITS, ALL),
            default=ALL,
            help="score the dev or test split only (from gold/index.jsonl; default: all)",
        )


def _unit_interval(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        raise argparse.ArgumentTypeError(f"{text!r} must be a finite number from 0 to 1")
    return value


def _bounded_int(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} must be from {low} to {high}")
        return value

    return parse


def _documents(args: argparse.Namespace) -> list[Document]:
    """The articles a command works on: every article, or one split of the corpus index."""
    docs = load_articles(args.articles)
    for line in orphan_gold(args.gold, docs):
        print(line, file=sys.stderr)
    split = getattr(args, "split", ALL)
    if split == ALL and not getattr(args, "by", None):
        return docs
    args.index = load_index(args.gold, docs)
    selected = select(docs, args.index, split)
    if not selected:
        raise UsageError(f"the {split} split of {index_path(args.gold)} has no documents")
    return selected


def _source(p: argparse.ArgumentParser) -> None:
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--system", help="a registered system name, or module:attribute")
    who.add_argument("--predictions", type=Path, help="a predictions JSONL file in the gold format")
    _reading(p)


def _reading(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--allow-empty",
        action="store_true",
        help="score a predictions file with no lines as predicting nothing (refused by default)",
    )
    p.add_argument(
        "--strict", action="store_true", help="a predictions file that misses an article is an error, not a warning"
    )


def _source_of(args: argparse.Namespace) -> tuple[str, str | None]:
    if getattr(args, "system", None):
        return args.system, "system"
    if getattr(args, "predictions", None):
        return str(args.predictions), "predictions"
    raise UsageError("give --system NAME or --predictions FILE")


def _scoring(p: argparse.ArgumentParser) -> None:
    p.add_argument("--match", choices=SCHEMES, default="strict", help="span match scheme (default: strict)")
    p.add_argument("--format", choices=("table", "markdown", "json"), default="table")


def cmd_validate(args: argparse.Namespace) -> int:
    docs = load_articles(args.articles)
    report = validate_files(args.files, docs, None if args.files else args.gold)
    if not args.files:
        report.problems += check_index(index_path(args.gold), docs)
    for line in report.warnings:
        print(line, file=sys.stderr)
    for line in report.problems:
        print(line)
    if report.problems:
        print(f"{len(report.problems)} problem(s)", file=sys.stderr)
        return EXIT_FAIL
    checked = ", ".join(map(str, args.files)) if args.files else f"{args.gold}/ against {len(docs)} article(s)"
    print(f"OK: {checked}")
    return EXIT_OK


def cmd_systems(args: argparse.Namespace) -> int:
    rows = []
    for info in list_systems():
        status = "ok" if info.problem is None else f"unavailable: {info.problem}"
        rows.append([info.name, ", ".join(info.sections) or "-", status, info.description])
    from tabulate import tabulate

    print(tabulate(rows, headers=["system", "predicts", "can run here", "description"]))
    return EXIT_OK


def cmd_predict(args: argparse.Namespace) -> int:
    docs = _documents(args)
    system = load_system(args.system, gold_dir=args.gold)
    preds = run_system(args.system, system, docs)
    write_jsonl(args.out, (preds[d.doc_id] for d in docs))
    print(f"wrote {len(preds)} document(s) to {args.out}", file=sys.stderr)
    return EXIT_OK


def _score(name: str, args: argparse.Namespace, docs, gold, bootstrap: int = 0, seed: int = 0, kind: str | None = None):
    source = load_source(
        name, docs, args.gold, kind, getattr(args, "allow_empty", False), getattr(args, "strict", False)
    )
    for line in source.warnings:
        print(line, file=sys.stderr)
    scores = score_source(source, gold, args.match)
    result = build_result(
        source, scores, gold, args.match, args.articles, args.gold, bootstrap, seed, split=getattr(args, "split", ALL)
    )
    if getattr(args, "by", None):
        result["slices"] = slice_scores(scores, {d: args.index[d].field(args.by) for d in gold}, args.by)
    return result, scores


def cmd_score(args: argparse.Namespace) -> int:
    docs = _documents(args)
    gold = load_gold(args.gold, docs)
    name, kind = _source_of(args)
    result, _ = _score(name, args, docs, gold, args.bootstrap, args.seed, kind)
    text = dumps_result(result)
    if args.save:
        atomic_write(args.save, text)
    sys.stdout.write(text if args.format == "json" else render_score(result, args.format))
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    if len(args.sources) < 2:
        raise UsageError("compare needs at least two systems or predictions files")
    docs = _documents(args)
    gold = load_gold(args.gold, docs)
    scored = [_score(name, args, docs, gold) for name in args.sources]
    results = [r for r, _ in scored]
    tests: dict[str, list[dict]] = {}
    first = scored[0][1]
    for section in SECTION_NAMES:
        for res, sc in scored[1:]:
            if section in first.sections and section in sc.sections:
                test = paired_randomisation(sc.tallies[section], first.tallies[section], args.trials, args.seed)
                tests.setdefault(section, []).append({**test, "a": results[0]["system"], "b": res["system"]})
    if args.format == "json":
        payload = {"schema_version": SCHEMA_VERSION, "results": results, "tests": tests}
        sys.stdout.write(json.dumps(payload, indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(render_compare(results, tests, args.format))
    return EXIT_OK


def cmd_errors(args: argparse.Namespace) -> int:
    docs = _documents(args)
    gold = load_gold(args.gold, docs)
    name, kind = _source_of(args)
    source = load_source(name, docs, args.gold, kind, args.allow_empty, args.strict)
    for line in source.warnings:
        print(line, file=sys.stderr)
    if args.label and args.label not in KNOWN_LABELS:
        raise UsageError(
            f"unknown --label {args.label!r} (entity labels, figure categories and relation types: "
            f"{', '.join(KNOWN_LABELS)})"
        )
    items = collect_errors(docs, gold, source.predictions, args.match, source.sections)
    items = [
        i
        for i in items
        if (not args.label or i.label == args.label)
        and (not args.kind or i.kind == args.kind)
        and (not args.section or i.section == args.section)
    ]
    if args.format == "json":
        sys.stdout.write(json.dumps([i.to_dict() for i in items], indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(render_errors(items, args.format))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .html_report import SystemRun, render_report

    docs = _documents(args)
    gold = load_gold(args.gold, docs)
    runs = []
    for name in [n for n in args.systems.split(",") if n]:
        source = load_source(name, docs, args.gold, None, args.allow_empty, args.strict)
        for line in source.warnings:
            print(line, file=sys.stderr)
        scores = score_source(source, gold, args.match)
        result = build_result(
            source, scores, gold, args.match, args.articles, args.gold, args.bootstrap, args.seed, split=args.split
        )
        runs.append(SystemRun(name, result, source.predictions, source.sections))
    if not runs:
        raise UsageError("--systems needs at least one system or predictions file")
    atomic_write(args.out, render_report(runs, docs, gold))
    print(f"wrote {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_gate(args: argparse.Namespace) -> int:
    path: Path = args.baseline
    baseline = None
    if path.exists():
        try:
            baseline = load_baseline(path)
        except BaselineError:
            if not (args.update and args.system):
                raise  # --update --system may replace a broken baseline; nothing else may use it
    elif not (args.update and args.system):
        raise UsageError(f"{path}: no such baseline (create one with --update --system NAME)")
    system = args.system or (baseline or {}).get("system", "")
    if not (args.allow_import or is_registered(system)):
        # A baseline file must not choose code to run: ad hoc module:attribute targets need consent.
        raise UsageError(
            f"{path}: system {system!r} is not registered (see `bench systems`); pass --allow-import to import it"
        )
    args.match = args.match or (baseline["match"] if baseline else "strict")
    args.articles = args.articles or Path(baseline["articles_dir"] if baseline else DEFAULT_ARTICLES)
    args.gold = args.gold or Path(baseline["gold_dir"] if baseline else DEFAULT_GOLD)
    args.split = args.split or (baseline.get("split", ALL) if baseline else ALL)
    docs = _documents(args)
    gold = load_gold(args.gold, docs)
    current, _ = _score(system, args, docs, gold)
    # Compare what a saved file would hold: the baseline's scores are rounded the same way.
    current = json.loads(dumps_result(current))
    if args.update:
        atomic_write(path, dumps_result(portable(current, path)))
        print(f"baseline {path} written for {system} ({args.match}, split {args.split})")
        return EXIT_OK
    assert baseline is not None
    if baseline["gold_sha256"] != current["gold_sha256"]:
        print(
            f"{path}: the gold changed since this baseline was saved; review the new scores "
            f"(bench score --system {system}) and run `bench gate --baseline {path} --update`."
        )
        return EXIT_FAIL
    regressions, improvements, unguarded = compare_to_baseline(baseline, current, args.tolerance)
    sys.stdout.write(render_gate(regressions, improvements, unguarded, str(path), args.tolerance))
    return EXIT_FAIL if regressions or unguarded else EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from .corpus_stats import corpus_stats

    docs = load_articles(args.articles)
    index = load_index(args.gold, docs)
    docs = select(docs, index, args.split)
    gold = load_gold(args.gold, docs, require_all=False)
    stats = corpus_stats(docs, gold, index)
    if args.format == "json":
        sys.stdout.write(json.dumps({"split": args.split, **stats}, indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(render_stats(stats, args.split, args.format))
    return EXIT_OK


def cmd_draft(args: argparse.Namespace) -> int:
    from .annotation import dumps_gold
    from .corpus import read_article
    from .draft import annotation_to_draft, draft_to_annotation
    from .validate import GOLD, check_document

    doc_id = args.draft.name.split(".")[0]
    article = read_article(args.articles / f"{doc_id}.txt")
    if args.reverse:
        gold = load_gold(args.gold, [article])[doc_id]
        sys.stdout.write(annotation_to_draft(gold, article))
        return EXIT_OK
    try:
        text = args.draft.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"{args.draft}: cannot read: {err}") from None
    result = draft_to_annotation(text, article)
    problems = result.problems
    if result.annotation is not None:
        problems = check_document(result.annotation.to_dict(), article, GOLD)
    if problems:
        for line in problems:
            print(f"{args.draft}: {line}")
        print("nothing was written", file=sys.stderr)
        return EXIT_FAIL
    assert result.annotation is not None
    out = args.gold / f"{doc_id}.json"
    if out.exists() and not args.force:
        raise UsageError(f"{out} exists; pass --force to replace it")
    atomic_write(out, dumps_gold(result.annotation))
    if args.show:
        for ent in result.annotation.entities:
            left = article.text[max(0, ent.start - 30) : ent.start].replace("\n", " ")
            right = article.text[ent.end : ent.end + 30].replace("\n", " ")
            extra = f" {ent.value}/{ent.qualifier}/{ent.category}" if ent.is_figure else ""
            print(f"{ent.id:>5} {ent.label:<7} {ent.start:>5}-{ent.end:<5} …{left}[[{ent.text}]]{right}…{extra}")
    print(
        f"wrote {out}: {len(result.annotation.entities)} mention(s), {len(result.annotation.relations)} relation(s)",
        file=sys.stderr,
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bench",
        description="Benchmark information extraction from conflict news.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check gold and prediction files against the schema and articles")
    _common(p)
    p.add_argument(
        "files", nargs="*", type=Path, help="gold *.json or predictions *.jsonl (default: the gold directory)"
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("systems", help="list registered systems")
    p.set_defaults(func=cmd_systems)

    p = sub.add_parser("predict", help="run a system and write its predictions as JSONL")
    _common(p, split=True)
    p.add_argument("--system", required=True)
    p.add_argument("--out", required=True, type=Path)
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("score", help="score a system or a predictions file against gold")
    _common(p, split=True)
    _source(p)
    _scoring(p)
    p.add_argument("--save", type=Path, help="also write the JSON result to this file")
    p.add_argument("--by", choices=SLICE_FIELDS, help="add a micro-F1 table per slice of the corpus index")
    p.add_argument(
        "--bootstrap",
        type=_bounded_int(0, MAX_RESAMPLES),
        default=0,
        metavar="N",
        help=f"resample documents N times for 95%% intervals (0 to {MAX_RESAMPLES})",
    )
    p.add_argument("--seed", type=_bounded_int(0, 2**32 - 1), default=0, help="random seed (0 to 2^32-1)")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("compare", help="systems side by side, with a paired significance test")
    _common(p, split=True)
    p.add_argument("sources", nargs="+", help="system names or predictions files")
    _scoring(p)
    p.add_argument(
        "--trials",
        type=_bounded_int(1, MAX_RESAMPLES),
        default=10000,
        help=f"approximate randomisation trials (1 to {MAX_RESAMPLES})",
    )
    p.add_argument("--seed", type=_bounded_int(0, 2**32 - 1), default=0, help="random seed (0 to 2^32-1)")
    _reading(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("errors", help="list every missed, spurious, boundary, label and value error")
    _common(p, split=True)
    _source(p)
    _scoring(p)
    p.add_argument("--label", help="only this label, figure category or relation type")
    p.add_argument("--kind", choices=KINDS)
    p.add_argument("--section", choices=("entities", "figures", "relations"))
    p.set_defaults(func=cmd_errors)

    p = sub.add_parser("report", help="one self-contained HTML report comparing systems")
    _common(p, split=True)
    p.add_argument("--systems", required=True, help="comma-separated system names or predictions files")
    p.add_argument("--out", required=True, type=Path)
    p.add_argument("--match", choices=SCHEMES, default="strict")
    p.add_argument(
        "--bootstrap",
        type=_bounded_int(0, MAX_RESAMPLES),
        default=1000,
        metavar="N",
        help=f"resamples for intervals (0 to {MAX_RESAMPLES})",
    )
    p.add_argument("--seed", type=_bounded_int(0, 2**32 - 1), default=0, help="random seed (0 to 2^32-1)")
    _reading(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("gate", help="fail when scores regress against a saved baseline")
    p.add_argument("--baseline", required=True, type=Path)
    p.add_argument(
        "--tolerance", type=_unit_interval, default=0.0, help="allowed F1 drop per label, in [0, 1] (default 0)"
    )
    p.add_argument(
        "--allow-import",
        action="store_true",
        help="allow a baseline whose system is a module:attribute target rather than a registered name",
    )
    p.add_argument("--update", action="store_true", help="rewrite the baseline with the current scores")
    p.add_argument("--system", help="with --update: the system to create a new baseline for")
    p.add_argument("--articles", type=Path, default=None)
    p.add_argument("--gold", type=Path, default=None)
    p.add_argument("--match", choices=SCHEMES, default=None)
    p.add_argument(
        "--split",
        choices=(*SPLITS, ALL),
        default=None,
        help="with --update: the split the baseline guards (default: the baseline's, else all)",
    )
    p.set_defaults(func=cmd_gate)

    p = sub.add_parser("stats", help="count documents, words, labels, categories, relation types and slices")
    _common(p, split=True)
    p.add_argument("--format", choices=("table", "markdown", "json"), default="table")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("draft", help="turn an annotation draft (mentions as text, in reading order) into a gold file")
    _common(p)
    p.add_argument("draft", type=Path, help="DOC_ID.ann: the draft; its name gives the article")
    p.add_argument("--force", action="store_true", help="replace an existing gold file")
    p.add_argument("--show", action="store_true", help="print every mention in its context, for review")
    p.add_argument("--reverse", action="store_true", help="print the draft of the existing gold file instead")
    p.set_defaults(func=cmd_draft)

    doccano_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (CorpusError, AnnotationError) as err:
        for line in err.problems:
            print(line, file=sys.stderr)
        print("nothing was scored or written", file=sys.stderr)
        return EXIT_ERROR
    except (SystemFailure, UsageError, FileNotFoundError, DoccanoError, BaselineError, WriteError) as err:
        print(f"bench {args.command}: {err}", file=sys.stderr)
        return EXIT_ERROR
    except SystemCrash as err:
        print(f"bench {args.command}: {err}", file=sys.stderr)
        return EXIT_CRASH


if __name__ == "__main__":
    sys.exit(main())
