"""What every command shares: exit codes, the usage error, and the options that read a corpus.

``bench.cli.main`` and ``bench.cli.doccano`` both build their parsers from here, so an option is
spelled, defaulted and documented once.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from bench.core.schema import CATEGORIES, ENTITY_LABELS, RELATION_TYPES
from bench.formats.corpus import DEFAULT_ARTICLES
from bench.formats.metadata import ALL, SPLITS
from bench.formats.validate import DEFAULT_GOLD

EXIT_OK, EXIT_FAIL, EXIT_ERROR, EXIT_CRASH = 0, 1, 2, 3
KNOWN_LABELS = (*ENTITY_LABELS, *CATEGORIES, *RELATION_TYPES)
EXIT_CODES = """exit codes:
  0  success
  1  a finding: validation problems, a gate regression
  2  bad input or usage: a broken file, an unknown name, an impossible option
  3  a system crashed while starting or predicting"""


class UsageError(Exception):
    pass


def corpus_options(p: argparse.ArgumentParser, gold: bool = True, split: bool = False) -> None:
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


def output_option(
    p: argparse.ArgumentParser, help: str, required: bool = False, aliases: tuple[str, ...] = (), metavar: str = "FILE"
) -> None:
    """The one spelling of an output file, ``-o``/``--output``; a command's older name stays as an alias."""
    also = f" ({', '.join(aliases)} is the older spelling)" if aliases else ""
    p.add_argument(
        "-o", "--output", *aliases, dest="output", type=Path, required=required, metavar=metavar, help=help + also
    )


def unit_interval(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        raise argparse.ArgumentTypeError(f"{text!r} must be a finite number from 0 to 1")
    return value


def bounded_int(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} must be from {low} to {high}")
        return value

    return parse
