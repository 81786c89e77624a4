"""`bench doccano push|pull|serve` and `bench agree`."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from bench.annotate.adjudication import merge, render_merge
from bench.annotate.agreement import (
    agreement,
    agreement_matrix,
    disagreements,
    render_agreement,
    render_disagreements,
    render_matrix,
)
from bench.annotate.doccano_client import (
    Credentials,
    DoccanoError,
    connect,
    pull,
    push,
    talking_to,
)
from bench.annotate.gold_files import BROKEN, DIFFERS, NEW, UNCHANGED, plan_targets, write_together
from bench.annotate.team import (
    add_user,
    annotator_project,
    parse_annotators,
    project_status,
    push_for_annotators,
    push_review,
    resolve_project,
)
from bench.cli.options import EXIT_ERROR, EXIT_FAIL, EXIT_OK, UsageError, bounded_int, corpus_options, output_option
from bench.core.annotation import Annotation
from bench.evaluation.systems import load_system, run_system
from bench.formats.corpus import load_articles
from bench.formats.validate import load_gold


def _select(docs, doc_ids):
    if not doc_ids:
        return docs
    known = {d.doc_id for d in docs}
    unknown = [d for d in doc_ids if d not in known]
    if unknown:
        raise DoccanoError(f"no article for doc_id {', '.join(unknown)}")
    return [d for d in docs if d.doc_id in set(doc_ids)]


def _guideline(gold_dir: Path) -> str | None:
    path = Path(gold_dir) / "GUIDELINES.md"
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise DoccanoError(f"{path}: cannot be read: {getattr(err, 'strerror', None) or err}") from None


def _print_push(project: str, report) -> None:
    print(
        f"project {project}: {len(report.created)} example(s) created, {len(report.annotated)} annotated, "
        f"{len(report.skipped)} already present"
        + (f", {len(report.completed)} unfinished push(es) completed" if report.completed else "")
    )


def cmd_push(args: argparse.Namespace) -> int:
    docs = _select(load_articles(args.articles), args.doc_ids)
    annotators = parse_annotators(args.annotators) if args.annotators else []
    guideline = _guideline(args.gold)
    annotations = None
    if args.with_gold:
        annotations = load_gold(args.gold, docs)
    elif args.pre_annotate:
        system = load_system(args.pre_annotate, gold_dir=args.gold)
        annotations = run_system(args.pre_annotate, system, docs)
    creds = Credentials.from_env()
    with talking_to(creds.url, creds.timeout):
        client = connect(creds)
        if annotators:
            reports = push_for_annotators(
                client, args.project, annotators, docs, annotations, bool(args.with_gold), guideline
            )
            for name, report in reports.items():
                _print_push(annotator_project(args.project, name), report)
            own = ", ".join(annotator_project(args.project, n) for n in annotators)
            print(
                f"each annotator has a project of their own ({own}) holding the pushed annotations; "
                "they mark each example done when finished"
            )
            return EXIT_OK
        report = push(
            client,
            args.project,
            docs,
            annotations,
            keep_ids=bool(args.with_gold),
            confirm=args.with_gold,
            guideline=guideline,
        )
    _print_push(args.project, report)
    if report.confirmed:
        print(
            f"{len(report.confirmed)} example(s) marked done for {creds.username} (the gold is reviewed work; "
            "un-mark one in doccano to reopen it)"
        )
    return EXIT_OK


def _new_password(name: str) -> str:
    password = os.environ.get("BENCH_USER_PASSWORD")
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise DoccanoError(f"set BENCH_USER_PASSWORD to the new password for {name!r} (no terminal to prompt on)")
    first = getpass.getpass(f"password for the new doccano user {name!r}: ")
    if getpass.getpass("the same password again: ") != first:
        raise DoccanoError("the two passwords differ; no user was added")
    return first


def cmd_user_add(args: argparse.Namespace) -> int:
    creds = Credentials.from_env()
    password = _new_password(args.name)
    with talking_to(creds.url, creds.timeout):
        client = connect(creds)
        add_user(client, args.name, password)
    print(f"doccano user {args.name!r} added; give them projects with `bench doccano push --annotators {args.name}`")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    creds = Credentials.from_env()
    with talking_to(creds.url, creds.timeout):
        status = project_status(connect(creds), args.project)
    if args.format == "json":
        sys.stdout.write(json.dumps(status.to_dict(), indent=2, sort_keys=True) + "\n")
        return EXIT_OK
    from tabulate import tabulate

    rows = [[a, len(status.done[a]), status.total[a]] for a in sorted(status.done)]
    print(f"project {args.project}: {len(status.done)} annotator(s), {len(status.articles)} article(s)")
    print(tabulate(rows, headers=["annotator", "done", "of"], disable_numparse=True))
    print()
    rows = [[d, ", ".join(status.finished_by(d)) or "-"] for d in status.articles]
    print(tabulate(rows, headers=["article", "marked done by"], disable_numparse=True))
    return EXIT_OK


def cmd_pull(args: argparse.Namespace) -> int:
    docs = load_articles(args.articles)
    creds = Credentials.from_env()
    annotator = args.annotator or creds.username
    with talking_to(creds.url, creds.timeout):
        client = connect(creds)
        project = resolve_project(client, args.project, annotator)
        pulled = pull(client, project, annotator, docs, args.doc_ids, args.include_unconfirmed)
    if pulled.problems:
        if len(pulled.problems) == 1:
            print(f"bench doccano pull: {pulled.problems[0]}; no gold file was touched", file=sys.stderr)
        else:
            for line in pulled.problems:
                print(line, file=sys.stderr)
            print(f"{len(pulled.problems)} problems; no gold file was touched", file=sys.stderr)
        return EXIT_ERROR
    targets = plan_targets(args.gold, pulled.annotations, docs)
    blocked = []
    for target in targets:
        if target.state in (DIFFERS, BROKEN):
            print(f"{target.path}: differs from doccano:" if target.state == DIFFERS else f"{target.path}:")
            for change in target.changes:
                print(f"  {change}")
            if not args.force:
                blocked.append(target)
    writes = [t for t in targets if t.state == NEW or (args.force and t.state in (DIFFERS, BROKEN))]
    write_together(writes)
    unchanged = sum(t.state == UNCHANGED for t in targets)
    print(f"{len(writes)} written, {unchanged} unchanged, {len(blocked)} left alone (differ; use --force to overwrite)")
    for doc_id, why in sorted(pulled.skipped.items()):
        print(f"skipped {doc_id}: {why}")
    if pulled.skipped:
        print(
            f"{len(pulled.skipped)} example(s) skipped; pull them once {annotator} marks them done in doccano "
            "(or pass --include-unconfirmed to take them as they are)"
        )
    return EXIT_FAIL if blocked or pulled.skipped else EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from bench.annotate.doccano_server import DEFAULT_HOME, DoccanoServer, ServerError, is_loopback, run_until_stopped

    username = os.environ.get("DOCCANO_USERNAME", "admin")
    password = os.environ.get("DOCCANO_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise DoccanoError("set DOCCANO_PASSWORD for the server's admin user (no terminal to prompt on)")
        password = getpass.getpass(f"password for the doccano admin user {username!r}: ")
    if not is_loopback(args.host):
        print(
            f"warning: doccano will accept connections from other machines on {args.host}; it speaks plain HTTP, "
            "so passwords cross the network in clear: use it on a trusted network or behind TLS",
            file=sys.stderr,
        )
    home = args.home or DEFAULT_HOME
    server = DoccanoServer(home, username, password, port=args.port, host=args.host)

    def ready() -> None:
        print(f"doccano is running at {server.url} (data in {server.home}); log in as {username!r}.", flush=True)
        print(f"For bench: export DOCCANO_URL={server.url} DOCCANO_USERNAME={username}. Stop with Ctrl-C.", flush=True)

    try:
        stopped_by = run_until_stopped(server, ready)
    except ServerError as err:
        raise DoccanoError(str(err).splitlines()[0] + f" (logs in {server.home})") from None
    if stopped_by is None:
        print("doccano stopped unexpectedly:\n" + server.logs(), file=sys.stderr)
        return EXIT_ERROR
    print(f"doccano stopped ({stopped_by}); its data stays in {server.home}", flush=True)
    return EXIT_OK


def _annotations_for_agreement(source: str, args, docs) -> dict[str, Annotation]:
    if args.project:
        creds = Credentials.from_env()
        with talking_to(creds.url, creds.timeout):
            client = connect(creds)
            pulled = pull(client, resolve_project(client, args.project, source), source, docs)
        if pulled.problems:
            raise DoccanoError("; ".join(pulled.problems[:5]))
        return pulled.annotations
    return load_gold(Path(source), docs, require_all=False)


def cmd_agree(args: argparse.Namespace) -> int:
    docs = load_articles(args.articles)
    if len(args.sources) < 2:
        raise UsageError("agree needs at least two annotators (gold directories, or doccano users with --project)")
    if len(set(args.sources)) != len(args.sources):
        raise UsageError("agree: an annotator is named twice")
    sets = {source: _annotations_for_agreement(source, args, docs) for source in args.sources}
    if len(sets) > 2:
        matrix = agreement_matrix(sets, docs)
        if not any(p["documents"] for p in matrix["pairs"]):
            raise DoccanoError("no two of them have an annotated article in common")
        listed = []
        if args.list:
            for pair in matrix["pairs"]:
                listed += [
                    {"a": pair["a"], "b": pair["b"], **d} for d in disagreements(sets[pair["a"]], sets[pair["b"]], docs)
                ]
        if args.format == "json":
            payload = matrix if not args.list else {**matrix, "disagreements": listed}
            sys.stdout.write(json.dumps(payload, indent=2, sort_keys=True) + "\n")
        else:
            sys.stdout.write(render_matrix(matrix, args.format))
            if args.list:
                sys.stdout.write(f"\nDisagreements ({len(listed)}):\n")
                sys.stdout.write("".join(f"{d['a']} vs {d['b']}: " + render_disagreements([d]) for d in listed))
        return EXIT_OK
    name_a, name_b = args.sources
    a, b = sets[name_a], sets[name_b]
    result = agreement(a, b, docs)
    if not result["documents"]:
        raise DoccanoError(f"{name_a} and {name_b} have no annotated article in common")
    listed_pair = disagreements(a, b, docs) if args.list else None
    if args.format == "json":
        payload = result if listed_pair is None else {**result, "disagreements": listed_pair}
        sys.stdout.write(json.dumps(payload, indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(render_agreement(result, name_a, name_b, args.format))
        if listed_pair is not None:
            sys.stdout.write(f"\nDisagreements ({len(listed_pair)}; A = {name_a}, B = {name_b}):\n")
            sys.stdout.write(render_disagreements(listed_pair))
    return EXIT_OK


def cmd_adjudicate(args: argparse.Namespace) -> int:
    docs = load_articles(args.articles)
    name_a, name_b = args.a.name or str(args.a), args.b.name or str(args.b)
    if name_a == name_b:
        name_a, name_b = str(args.a), str(args.b)
    a = load_gold(args.a, docs, require_all=False)
    b = load_gold(args.b, docs, require_all=False)
    result = merge(a, b, docs, name_a, name_b)
    if not result.merged:
        raise UsageError(f"{args.a} and {args.b} have no annotated article in common")
    targets = plan_targets(args.output, result.merged, docs)
    taken = [t for t in targets if t.state in (DIFFERS, BROKEN)]
    if taken and not args.force:
        raise UsageError(
            f"{taken[0].path} exists and differs from the merge ({len(taken)} file(s) like it); "
            "pass --force to replace them; nothing was written"
        )
    writes = [t for t in targets if t.state != UNCHANGED]
    write_together(writes)
    if args.format == "json":
        payload = {"merged": sorted(result.merged), "disagreements": result.disagreements, "only_one": result.only_one}
        sys.stdout.write(json.dumps(payload, indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(render_merge(result))
        print(
            f"{len(result.merged)} article(s) merged into {args.output} ({len(writes)} written): agreed items only; "
            f"{len(result.disagreements)} disagreement(s) for an adjudicator to decide (each names who proposed it)"
        )
    return EXIT_FAIL if result.disagreements or result.only_one else EXIT_OK


def cmd_doccano_adjudicate(args: argparse.Namespace) -> int:
    docs = load_articles(args.articles)
    annotators = parse_annotators(args.annotators)
    creds = Credentials.from_env()
    with talking_to(creds.url, creds.timeout):
        client = connect(creds)
        review = push_review(client, args.project, annotators, docs, args.into, _guideline(args.gold))
    _print_push(args.into, review.push)
    for doc_id, who in sorted(review.only_one.items()):
        print(f"{doc_id}: marked done by {who} only; not reviewed")
    prefilled = sum(n["prefilled"] for n in review.notes)
    print(
        f"{len(review.notes)} disagreement(s), each a comment on its example naming who proposed it "
        f"({prefilled} pre-filled for the adjudicator to keep or delete); mark each example done, then "
        f"`bench doccano pull --project {args.into}`"
    )
    return EXIT_OK


def register(sub) -> None:
    doccano = sub.add_parser("doccano", help="annotate in doccano: push articles, pull annotations, serve")
    dsub = doccano.add_subparsers(dest="doccano_command", required=True)

    p = dsub.add_parser("push", help="create the project and labels; upload articles and (pre-)annotations")
    p.add_argument("--project", required=True, help="the doccano project's name (created when missing)")
    corpus_options(p)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--pre-annotate", metavar="SYSTEM", help="load a system's predictions as editable annotations")
    which.add_argument("--with-gold", action="store_true", help="load the existing gold for review")
    p.add_argument(
        "--annotators",
        metavar="NAMES",
        help="comma-separated doccano users; each gets a project PROJECT@NAME of their own holding the push",
    )
    p.add_argument("doc_ids", nargs="*", metavar="DOC_ID", help="the articles to upload (default: all)")
    p.set_defaults(func=cmd_push)

    p = dsub.add_parser("user", help="manage doccano users")
    usub = p.add_subparsers(dest="user_command", required=True)
    p = usub.add_parser("add", help="add a user (password from a prompt, or BENCH_USER_PASSWORD)")
    p.add_argument("name", help="the doccano username to create")
    p.set_defaults(func=cmd_user_add)

    p = dsub.add_parser(
        "adjudicate", help="put two annotators' confirmed work before an adjudicator in a review project"
    )
    p.add_argument("--project", required=True, help="the annotation project (each annotator's copy is PROJECT@NAME)")
    p.add_argument("--annotators", required=True, metavar="A,B", help="the two doccano users to compare")
    p.add_argument("--into", required=True, metavar="REVIEW", help="the review project to create or add to")
    corpus_options(p)
    p.set_defaults(func=cmd_doccano_adjudicate)

    p = dsub.add_parser("status", help="progress: examples marked done per annotator, and who finished each article")
    p.add_argument("--project", required=True, help="the project whose progress to show")
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func=cmd_status)

    p = dsub.add_parser("pull", help="turn an annotator's doccano annotations into gold files")
    p.add_argument("--project", required=True, help="the doccano project to pull from")
    corpus_options(p)
    p.add_argument("--annotator", help="doccano user whose annotations to pull (default: DOCCANO_USERNAME)")
    p.add_argument("--force", action="store_true", help="overwrite gold files that differ or are broken")
    p.add_argument(
        "--include-unconfirmed",
        action="store_true",
        help="also pull examples the annotator has not marked done (by default they are skipped and listed)",
    )
    p.add_argument("doc_ids", nargs="*", metavar="DOC_ID", help="pull only these articles (default: all)")
    p.set_defaults(func=cmd_pull)

    p = dsub.add_parser("serve", help="run a local doccano 1.8.4 server for annotating")
    p.add_argument(
        "--home", type=Path, help="data directory, kept between runs (default: .doccano/ at the repository root)"
    )
    p.add_argument("--port", type=bounded_int(1, 65535), help="port to listen on (default: a free one)")
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1; others warn: plain HTTP)"
    )
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser(
        "agree", help="agreement among annotators (gold directories, or doccano users); 3+ give a matrix"
    )
    p.add_argument("sources", nargs="+", metavar="ANNOTATOR", help="gold directories (or doccano users with --project)")
    p.add_argument("--project", help="compare doccano users of this project (their work marked done)")
    corpus_options(p, gold=False)
    p.add_argument(
        "--format", choices=("table", "markdown", "json"), default="table", help="output format (default: table)"
    )
    p.add_argument("--list", action="store_true", help="also list every disagreement, per document, for adjudication")
    p.set_defaults(func=cmd_agree)

    p = sub.add_parser("adjudicate", help="merge two annotators' gold directories: agreed items kept, the rest listed")
    p.add_argument("a", type=Path, help="annotator A's gold directory")
    p.add_argument("b", type=Path, help="annotator B's gold directory")
    output_option(p, "directory for the merged gold", required=True, aliases=("--out",), metavar="DIR")
    p.add_argument("--force", action="store_true", help="replace merged files already in the output that differ")
    corpus_options(p, gold=False)
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    p.set_defaults(func=cmd_adjudicate)
