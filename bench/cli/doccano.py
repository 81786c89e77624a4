"""`bench doccano push|pull|serve` and `bench agree`."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.annotate.agreement import agreement, disagreements, render_agreement, render_disagreements
from bench.annotate.doccano_client import (
    Credentials,
    DoccanoError,
    connect,
    describe_changes,
    export_records,
    pull_annotations,
    push,
)
from bench.cli.options import EXIT_ERROR, EXIT_FAIL, EXIT_OK, corpus_options
from bench.core.annotation import Annotation, annotation_from_dict, atomic_write, dumps_gold
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


def cmd_push(args: argparse.Namespace) -> int:
    docs = _select(load_articles(args.articles), args.doc_ids)
    annotations = None
    if args.with_gold:
        annotations = load_gold(args.gold, docs)
    elif args.pre_annotate:
        system = load_system(args.pre_annotate, gold_dir=args.gold)
        annotations = run_system(args.pre_annotate, system, docs)
    client = connect(Credentials.from_env())
    report = push(client, args.project, docs, annotations, keep_ids=bool(args.with_gold))
    print(
        f"project {args.project}: {len(report.created)} example(s) created, {len(report.annotated)} annotated, "
        f"{len(report.skipped)} already present"
    )
    return EXIT_OK


def cmd_pull(args: argparse.Namespace) -> int:
    docs = load_articles(args.articles)
    creds = Credentials.from_env()
    client = connect(creds)
    records = export_records(client, args.project, args.annotator or creds.username)
    pulled, problems = pull_annotations(records, docs)
    if problems:
        if len(problems) == 1:
            print(f"bench doccano pull: {problems[0]}; no gold file was touched", file=sys.stderr)
        else:
            for line in problems:
                print(line, file=sys.stderr)
            print(f"{len(problems)} problems; no gold file was touched", file=sys.stderr)
        return EXIT_ERROR
    blocked = written = unchanged = 0
    for doc_id in sorted(pulled):
        path = Path(args.gold) / f"{doc_id}.json"
        new_text = dumps_gold(pulled[doc_id])
        if path.exists():
            old_text = path.read_text(encoding="utf-8")
            if old_text == new_text:
                unchanged += 1
                continue
            print(f"{path}: differs from doccano:")
            try:
                old = annotation_from_dict(json.loads(old_text))
                changes = describe_changes(old, pulled[doc_id])
            except (ValueError, KeyError) as err:
                changes = [f"(the existing file cannot be read: {err})"]
            for change in changes:
                print(f"  {change}")
            if not args.force:
                blocked += 1
                continue
        atomic_write(path, new_text)
        written += 1
    print(f"{written} written, {unchanged} unchanged, {blocked} left alone (differ; use --force to overwrite)")
    return EXIT_FAIL if blocked else EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from bench.annotate.doccano_server import DoccanoServer

    username = os.environ.get("DOCCANO_USERNAME", "admin")
    password = os.environ.get("DOCCANO_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise DoccanoError("set DOCCANO_PASSWORD for the server's admin user (no terminal to prompt on)")
        password = getpass.getpass(f"password for the doccano admin user {username!r}: ")
    home = args.home or Path(tempfile.mkdtemp(prefix="doccano-"))
    server = DoccanoServer(home, username, password, port=args.port)
    server.start()
    print(f"doccano is running at {server.url} (data in {home}); log in as {username!r}.")
    print(f"For bench: export DOCCANO_URL={server.url} DOCCANO_USERNAME={username}. Stop with Ctrl-C.")
    try:
        while all(p.poll() is None for p in server.procs):
            time.sleep(1)
        print("doccano stopped unexpectedly:\n" + server.logs(), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_OK
    finally:
        server.stop()


def _annotations_for_agreement(source: str, args, docs) -> dict[str, Annotation]:
    if args.project:
        client = connect(Credentials.from_env())
        pulled, problems = pull_annotations(export_records(client, args.project, source), docs)
        if problems:
            raise DoccanoError("; ".join(problems[:5]))
        return pulled
    return load_gold(Path(source), docs, require_all=False)


def cmd_agree(args: argparse.Namespace) -> int:
    docs = load_articles(args.articles)
    a = _annotations_for_agreement(args.a, args, docs)
    b = _annotations_for_agreement(args.b, args, docs)
    result = agreement(a, b, docs)
    if not result["documents"]:
        raise DoccanoError(f"{args.a} and {args.b} have no annotated article in common")
    listed = disagreements(a, b, docs) if args.list else None
    if args.format == "json":
        payload = result if listed is None else {**result, "disagreements": listed}
        sys.stdout.write(json.dumps(payload, indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(render_agreement(result, args.a, args.b, args.format))
        if listed is not None:
            sys.stdout.write(f"\nDisagreements ({len(listed)}; A = {args.a}, B = {args.b}):\n")
            sys.stdout.write(render_disagreements(listed))
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
    p.add_argument("doc_ids", nargs="*", metavar="DOC_ID", help="the articles to upload (default: all)")
    p.set_defaults(func=cmd_push)

    p = dsub.add_parser("pull", help="turn an annotator's doccano annotations into gold files")
    p.add_argument("--project", required=True, help="the doccano project to pull from")
    corpus_options(p)
    p.add_argument("--annotator", help="doccano user whose annotations to pull (default: DOCCANO_USERNAME)")
    p.add_argument("--force", action="store_true", help="overwrite gold files that differ")
    p.set_defaults(func=cmd_pull)

    p = dsub.add_parser("serve", help="run a local doccano 1.8.4 server for annotating")
    p.add_argument("--home", type=Path, help="data directory (default: a new temporary directory)")
    p.add_argument("--port", type=int, help="port on 127.0.0.1 (default: a free one)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("agree", help="agreement between two annotators (gold directories, or doccano users)")
    p.add_argument("a", help="gold directory (or doccano username with --project)")
    p.add_argument("b", help="gold directory (or doccano username with --project)")
    p.add_argument("--project", help="compare two doccano users of this project")
    corpus_options(p, gold=False)
    p.add_argument(
        "--format", choices=("table", "markdown", "json"), default="table", help="output format (default: table)"
    )
    p.add_argument("--list", action="store_true", help="also list every disagreement, per document, for adjudication")
    p.set_defaults(func=cmd_agree)
