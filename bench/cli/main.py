"""The ``bench`` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from bench.annotate.doccano_client import DoccanoError
from bench.cli import doccano as doccano_commands
from bench.cli.options import (
    EXIT_CODES,
    EXIT_CRASH,
    EXIT_ERROR,
    EXIT_FAIL,
    EXIT_OK,
    KNOWN_LABELS,
    UsageError,
    bounded_int,
    corpus_options,
    output_option,
    unit_interval,
)
from bench.core.annotation import WriteError, atomic_write, write_jsonl
from bench.core.matching import SCHEMES
from bench.core.scoring import SECTION_NAMES
from bench.core.stats import MAX_RESAMPLES
from bench.evaluation.gate import BaselineError, run_gate
from bench.evaluation.results import Source, dumps_result, gold_sha256, load_source
from bench.evaluation.runs import Corpus, Scored, compare, open_corpus, open_documents, score
from bench.evaluation.systems import SystemCrash, SystemFailure, list_systems, load_system, run_system
from bench.formats.corpus import CorpusError, load_articles
from bench.formats.metadata import ALL, SLICE_FIELDS, SPLITS, check_index, index_path, load_index, select
from bench.formats.registry import ConversionError, format_names
from bench.formats.validate import AnnotationError, load_gold, validate_files
from bench.reports.errors import KINDS, collect_errors, render_errors
from bench.reports.text import SECTION_TITLES, render_compare, render_gate, render_score, render_stats


def _source(p: argparse.ArgumentParser) -> None:
    who = p.add_mutually_exclusive_group(required=True)
    who.add_argument("--system", help="a registered system name, or module:attribute")
    who.add_argument("--predictions", type=Path, help="a predictions file (JSONL; see --format-in)")
    _reading(p)


def _reading(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format-in",
        choices=format_names(),
        default="jsonl",
        help="the format of predictions files (default: jsonl, bench's own; see bench convert)",
    )
    p.add_argument(
        "--allow-empty",
        action="store_true",
        help="score a predictions file with no lines as predicting nothing (refused by default)",
    )
    p.add_argument(
        "--strict", action="store_true", help="a predictions file that misses an article is an error, not a warning"
    )
    _caching(p)


def _caching(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="run systems even when cached predictions for the same code, data and articles exist",
    )


def _source_of(args: argparse.Namespace) -> tuple[str, str | None]:
    if getattr(args, "system", None):
        return args.system, "system"
    if getattr(args, "predictions", None):
        return str(args.predictions), "predictions"
    raise UsageError("give --system NAME or --predictions FILE")


def _scoring(p: argparse.ArgumentParser) -> None:
    p.add_argument("--match", choices=SCHEMES, default="strict", help="span match scheme (default: strict)")
    p.add_argument(
        "--format", choices=("table", "markdown", "json"), default="table", help="output format (default: table)"
    )


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


def _corpus(args: argparse.Namespace, need_index: bool = False) -> Corpus:
    corpus = open_corpus(args.articles, args.gold, getattr(args, "split", ALL), need_index)
    _warn(corpus.warnings)
    return corpus


def _warn(lines: Iterable[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def cmd_predict(args: argparse.Namespace) -> int:
    docs = open_documents(args.articles, args.gold, args.split)
    system = load_system(args.system, gold_dir=args.gold)
    preds = run_system(args.system, system, docs, args.jobs)
    write_jsonl(args.output, (preds[d.doc_id] for d in docs))
    print(f"wrote {len(preds)} document(s) to {args.output}", file=sys.stderr)
    return EXIT_OK


def _score(corpus: Corpus, name: str, kind: str | None, args: argparse.Namespace) -> Scored:
    scored = score(
        corpus,
        name,
        kind,
        args.match,
        getattr(args, "bootstrap", 0),
        getattr(args, "seed", 0),
        getattr(args, "by", None),
        getattr(args, "allow_empty", False),
        getattr(args, "strict", False),
        not getattr(args, "no_cache", False),
        getattr(args, "format_in", None),
        getattr(args, "threshold", None),
    )
    _warn(scored.warnings)
    return scored


def cmd_score(args: argparse.Namespace) -> int:
    corpus = _corpus(args, need_index=bool(args.by))
    name, kind = _source_of(args)
    result = _score(corpus, name, kind, args).result
    text = dumps_result(result)
    if args.output:
        atomic_write(args.output, text)
    sys.stdout.write(text if args.format == "json" else render_score(result, args.format))
    return EXIT_OK


def cmd_curve(args: argparse.Namespace) -> int:
    from bench.evaluation.runs import pr_curves
    from bench.reports.plot import PlotError, pr_svg, write_plot
    from bench.reports.text import render_curves

    corpus = _corpus(args)
    name, kind = _source_of(args)
    cache_for = None if args.no_cache else gold_sha256(corpus.gold)
    source = load_source(name, corpus.docs, args.gold, kind, args.allow_empty, args.strict, cache_for, args.format_in)
    _warn(source.warnings)
    payload = pr_curves(corpus, source, args.match, [args.section] if args.section else None)
    if not any(c["status"] == "curve" for c in payload["sections"].values()):
        raise UsageError(
            f"{name}: no entity, figure or relation carries a 'score' (0-1) in the sections asked for; "
            "a precision-recall curve needs confidences"
        )
    text = json.dumps(payload, indent=2, sort_keys=True) + "\n"
    if args.output:
        atomic_write(args.output, text)
    if args.plot:
        panels = [(SECTION_TITLES[s], [(name, c)]) for s, c in payload["sections"].items() if c["status"] != "absent"]
        try:
            write_plot(args.plot, pr_svg(panels))
        except PlotError as err:
            raise UsageError(str(err)) from None
    sys.stdout.write(text if args.format == "json" else render_curves(payload, args.format))
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    if len(args.sources) < 2:
        raise UsageError("compare needs at least two systems or predictions files")
    corpus = _corpus(args)
    args.bootstrap = 0
    payload = compare([_score(corpus, name, None, args) for name in args.sources], args.trials, args.seed)
    if args.format == "json":
        sys.stdout.write(json.dumps(payload, indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(render_compare(payload["results"], payload["tests"], args.format))
    return EXIT_OK


def cmd_errors(args: argparse.Namespace) -> int:
    if args.label and args.label not in KNOWN_LABELS:
        raise UsageError(
            f"unknown --label {args.label!r} (entity labels, figure categories and relation types: "
            f"{', '.join(KNOWN_LABELS)})"
        )
    # The ledger spreads rules over theatres when the corpus has an index; a bare gold dir still works.
    corpus = _corpus(args, need_index=args.by_rule and index_path(args.gold).exists())
    name, kind = _source_of(args)
    cache_for = None if args.no_cache else gold_sha256(corpus.gold)
    source = load_source(name, corpus.docs, args.gold, kind, args.allow_empty, args.strict, cache_for, args.format_in)
    _warn(source.warnings)
    if args.by_rule:
        return _errors_by_rule(args, corpus, source)
    items = collect_errors(corpus.docs, corpus.gold, source.predictions, args.match, source.sections)
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


def _errors_by_rule(args: argparse.Namespace, corpus: Corpus, source: Source) -> int:
    from bench.reports.by_rule import named_rules, render_ledger, rule_ledger

    if not named_rules(source.predictions):
        raise UsageError(
            f"{source.name}: no prediction names its rule ('rule' on entities, figures or relations); "
            "--by-rule needs a system that does, such as rules"
        )
    sections = [s for s in source.sections if not args.section or s == args.section]
    gold = {d.doc_id: corpus.gold[d.doc_id] for d in corpus.docs if d.doc_id in corpus.gold}
    theatres = {d: m.theatre for d, m in corpus.index.items()} if corpus.index is not None else None
    rows = rule_ledger(gold, source.predictions, args.match, sections, theatres)
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
    else:
        sys.stdout.write(render_ledger(rows, args.split, args.format))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from bench.core.curve import has_scores
    from bench.evaluation.runs import pr_curves
    from bench.reports.html import SystemRun, render_report

    names = [n for n in args.systems.split(",") if n]
    if not names:
        raise UsageError("--systems needs at least one system or predictions file")
    corpus = _corpus(args, need_index=bool(args.by))
    runs = []
    for name in names:
        scored = _score(corpus, name, None, args)
        source = scored.source
        curves = pr_curves(corpus, source, args.match)["sections"] if has_scores(source.predictions) else None
        runs.append(SystemRun(name, scored.result, source.predictions, source.sections, curves))
    atomic_write(args.output, render_report(runs, corpus.docs, corpus.gold))
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_gate(args: argparse.Namespace) -> int:
    outcome = run_gate(
        args.baseline,
        args.system,
        args.update,
        args.tolerance,
        args.allow_import,
        args.articles,
        args.gold,
        args.match,
        args.split,
        not args.no_cache,
        args.predictions,
    )
    _warn(outcome.warnings)
    path = outcome.path
    if outcome.action == "written":
        print(f"baseline {path} written for {outcome.system} ({outcome.match}, split {outcome.split})")
    elif outcome.action == "gold changed":
        print(
            f"{path}: the gold changed since this baseline was saved; review the new scores "
            f"(bench score --system {outcome.system}) and run `bench gate --baseline {path} --update`."
        )
    else:
        sys.stdout.write(
            render_gate(outcome.regressions, outcome.improvements, outcome.unguarded, str(path), args.tolerance)
        )
    return EXIT_FAIL if outcome.failed else EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from bench.reports.corpus_stats import corpus_stats

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
    from bench.annotate.draft import annotation_to_draft, draft_to_annotation
    from bench.core.annotation import dumps_gold
    from bench.formats.corpus import read_article
    from bench.formats.validate import GOLD, check_document

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


def cmd_convert(args: argparse.Namespace) -> int:
    from bench.formats.convert import convert

    if (args.output is None) == (args.output_path is None):
        raise UsageError("give the output once: as the last argument OUT, or as -o/--output OUT")
    output = args.output or args.output_path
    report = convert(args.source, args.target, args.input, output, args.articles, args.gold, args.split, args.force)
    _warn(report.warnings)
    where = output if report.files == [""] else f"{output}/ ({len(report.files)} files)"
    print(f"wrote {report.documents} document(s) as {args.target} to {where}", file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from bench.formats.json_schema import dumps_schema

    text = dumps_schema(args.kind)
    if args.output:
        atomic_write(args.output, text)
        print(f"wrote the {args.kind} JSON Schema to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("bench")
    except PackageNotFoundError:
        return "(not installed: no package metadata; run `pip install -e .`)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bench",
        description="Benchmark information extraction from conflict news.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}", help="print the version")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check gold and prediction files against the schema and articles")
    corpus_options(p)
    p.add_argument(
        "files", nargs="*", type=Path, help="gold *.json or predictions *.jsonl (default: the gold directory)"
    )
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("systems", help="list registered systems")
    p.set_defaults(func=cmd_systems)

    p = sub.add_parser("predict", help="run a system and write its predictions as JSONL")
    corpus_options(p, split=True)
    p.add_argument("--system", required=True, help="a registered system name, or module:attribute")
    output_option(p, "the predictions file to write (JSONL)", required=True, aliases=("--out",))
    p.add_argument(
        "--jobs",
        type=bounded_int(1, 64),
        default=1,
        help="predict in N processes (1 to 64; the output is identical to --jobs 1)",
    )
    p.set_defaults(func=cmd_predict)

    p = sub.add_parser("score", help="score a system or a predictions file against gold")
    corpus_options(p, split=True)
    _source(p)
    _scoring(p)
    output_option(p, "also write the JSON result to this file", aliases=("--save",))
    p.add_argument("--by", choices=SLICE_FIELDS, help="add a micro-F1 table per slice of the corpus index")
    p.add_argument(
        "--bootstrap",
        type=bounded_int(0, MAX_RESAMPLES),
        default=0,
        metavar="N",
        help=f"resample documents N times for 95%% intervals (0 to {MAX_RESAMPLES})",
    )
    p.add_argument("--seed", type=bounded_int(0, 2**32 - 1), default=0, help="random seed (0 to 2^32-1)")
    p.add_argument(
        "--threshold",
        type=unit_interval,
        metavar="T",
        help="drop predicted items whose 'score' is below T (0 to 1) before scoring; items without a score are kept",
    )
    p.set_defaults(func=cmd_score)

    p = sub.add_parser(
        "curve", help="precision-recall curves over the predictions' confidence scores, per section (JSON, SVG)"
    )
    corpus_options(p, split=True)
    _source(p)
    _scoring(p)
    p.add_argument("--section", choices=SECTION_NAMES, help="only this section (default: every one predicted)")
    p.add_argument("-o", "--output", type=Path, help="also write the curves (every point) as JSON to this file")
    p.add_argument("--plot", type=Path, help="draw the curves to FILE.svg (or FILE.png when cairosvg is installed)")
    p.set_defaults(func=cmd_curve)

    p = sub.add_parser("compare", help="systems side by side, with a paired significance test")
    corpus_options(p, split=True)
    p.add_argument("sources", nargs="+", help="system names or predictions files")
    _scoring(p)
    p.add_argument(
        "--trials",
        type=bounded_int(1, MAX_RESAMPLES),
        default=10000,
        help=f"approximate randomisation trials (1 to {MAX_RESAMPLES})",
    )
    p.add_argument("--seed", type=bounded_int(0, 2**32 - 1), default=0, help="random seed (0 to 2^32-1)")
    _reading(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("errors", help="list every missed, spurious, boundary, label and value error")
    corpus_options(p, split=True)
    _source(p)
    _scoring(p)
    p.add_argument("--label", help="only this label, figure category or relation type")
    p.add_argument("--kind", choices=KINDS, help=f"only this kind of error ({', '.join(KINDS)})")
    p.add_argument("--section", choices=("entities", "figures", "relations"), help="only the errors of this section")
    p.add_argument(
        "--by-rule",
        action="store_true",
        help="rank the rules named by the predictions' 'rule' field by false and true positives",
    )
    p.set_defaults(func=cmd_errors)

    p = sub.add_parser("report", help="one self-contained HTML report comparing systems")
    corpus_options(p, split=True)
    p.add_argument("--systems", required=True, help="comma-separated system names or predictions files")
    output_option(p, "the HTML file to write", required=True, aliases=("--out",))
    p.add_argument("--match", choices=SCHEMES, default="strict", help="span match scheme (default: strict)")
    p.add_argument(
        "--bootstrap",
        type=bounded_int(0, MAX_RESAMPLES),
        default=1000,
        metavar="N",
        help=f"resamples for intervals (0 to {MAX_RESAMPLES})",
    )
    p.add_argument("--seed", type=bounded_int(0, 2**32 - 1), default=0, help="random seed (0 to 2^32-1)")
    p.add_argument("--by", choices=SLICE_FIELDS, help="add a micro-F1 table per slice of the corpus index")
    _reading(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("gate", help="fail when scores regress against a saved baseline")
    p.add_argument(
        "--baseline", required=True, type=Path, help="the baseline JSON (a saved score result) to check against"
    )
    p.add_argument(
        "--tolerance", type=unit_interval, default=0.0, help="allowed F1 drop per label, in [0, 1] (default 0)"
    )
    p.add_argument(
        "--allow-import",
        action="store_true",
        help="allow a baseline whose system is a module:attribute target rather than a registered name",
    )
    _caching(p)
    p.add_argument("--update", action="store_true", help="rewrite the baseline with the current scores")
    p.add_argument("--system", help="with --update: the system to create a new baseline for")
    p.add_argument(
        "--predictions",
        type=Path,
        help="score this predictions file (JSONL) instead of the baseline's system; with --update, baseline it",
    )
    p.add_argument("--articles", type=Path, default=None, help="directory of *.txt articles (default: the baseline's)")
    p.add_argument("--gold", type=Path, default=None, help="directory of gold *.json (default: the baseline's)")
    p.add_argument(
        "--match", choices=SCHEMES, default=None, help="with --update: the span match scheme (default: the baseline's)"
    )
    p.add_argument(
        "--split",
        choices=(*SPLITS, ALL),
        default=None,
        help="with --update: the split the baseline guards (default: the baseline's, else all)",
    )
    p.set_defaults(func=cmd_gate)

    p = sub.add_parser("stats", help="count documents, words, labels, categories, relation types and slices")
    corpus_options(p, split=True)
    p.add_argument(
        "--format", choices=("table", "markdown", "json"), default="table", help="output format (default: table)"
    )
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("draft", help="turn an annotation draft (mentions as text, in reading order) into a gold file")
    corpus_options(p)
    p.add_argument("draft", type=Path, help="DOC_ID.ann: the draft; its name gives the article")
    p.add_argument("--force", action="store_true", help="replace an existing gold file")
    p.add_argument("--show", action="store_true", help="print every mention in its context, for review")
    p.add_argument("--reverse", action="store_true", help="print the draft of the existing gold file instead")
    p.set_defaults(func=cmd_draft)

    p = sub.add_parser(
        "convert",
        help="convert annotations between formats (CoNLL/BIO/BIOES, spaCy DocBin, BRAT, doccano, Label Studio, JSONL)",
    )
    corpus_options(p, split=True)
    p.add_argument("--from", dest="source", required=True, choices=format_names(), help="the input format")
    p.add_argument("--to", dest="target", required=True, choices=format_names(), help="the output format")
    p.add_argument("input", type=Path, help="the file or directory to read")
    p.add_argument(
        "output_path",
        nargs="?",
        type=Path,
        metavar="OUT",
        help="the file or directory to write (spacy: DIR gets dev.spacy, test.spacy); or give it as -o",
    )
    output_option(p, "the file or directory to write, instead of the last argument OUT")
    p.add_argument("--force", action="store_true", help="replace a non-empty output directory")
    p.set_defaults(func=cmd_convert)

    p = sub.add_parser("schema", help="print the JSON Schema (draft 2020-12) of gold files or prediction lines")
    p.add_argument(
        "--kind",
        choices=("gold", "prediction"),
        default="gold",
        help="gold: a gold DOC_ID.json file; prediction: one line of a predictions JSONL file (default: gold)",
    )
    output_option(p, "write the schema to this file instead of printing it")
    p.set_defaults(func=cmd_schema)

    doccano_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except (CorpusError, AnnotationError, ConversionError) as err:
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
