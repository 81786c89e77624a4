"""The annotation schema: the one place where labels, relation types and figure attributes are defined.

The definition itself lives in ``schema.json`` beside this module so that tools outside Python
(doccano set-up, a report, a colleague's script) read the same file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).with_name("schema.json")


@dataclass(frozen=True)
class RelationType:
    name: str
    head: frozenset[str]
    tail: frozenset[str]
    symmetric: bool

    def key(self, head: Any, tail: Any) -> tuple:
        """(type, head, tail): the one identity of a relation; a symmetric type's ends in a fixed order."""
        if self.symmetric:
            head, tail = sorted((head, tail), key=repr)
        return (self.name, head, tail)

    def allows(self, head_label: str, tail_label: str) -> bool:
        if head_label in self.head and tail_label in self.tail:
            return True
        # A symmetric relation may be written in either direction.
        return self.symmetric and head_label in self.tail and tail_label in self.head


@dataclass(frozen=True)
class Schema:
    version: int
    entity_labels: tuple[str, ...]
    descriptions: Mapping[str, str]
    figure_label: str
    qualifiers: tuple[str, ...]
    categories: tuple[str, ...]
    relation_types: Mapping[str, RelationType]


def load_schema(path: Path = SCHEMA_PATH) -> Schema:
    raw = json.loads(path.read_text(encoding="utf-8"))
    relations = {
        name: RelationType(name, frozenset(spec["head"]), frozenset(spec["tail"]), bool(spec["symmetric"]))
        for name, spec in raw["relation_types"].items()
    }
    return Schema(
        version=raw["version"],
        entity_labels=tuple(raw["entity_labels"]),
        descriptions=dict(raw["entity_labels"]),
        figure_label=raw["figure"]["label"],
        qualifiers=tuple(raw["figure"]["qualifiers"]),
        categories=tuple(raw["figure"]["categories"]),
        relation_types=relations,
    )


SCHEMA = load_schema()
ENTITY_LABELS = SCHEMA.entity_labels
FIGURE = SCHEMA.figure_label
QUALIFIERS = SCHEMA.qualifiers
CATEGORIES = SCHEMA.categories
RELATION_TYPES = SCHEMA.relation_types
SECTIONS = ("entities", "figures", "relations")
