"""A rules system after a plausible bad edit: its gazetteer lost its Lebanese and Palestinian armed groups."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from systems.rules import RulesSystem
from systems.rules.entities import DATA

DROPPED = {"Hezbollah", "Hamas", "Islamic Jihad"}


class DegradedRules(RulesSystem):
    def __init__(self, **config):
        tmp = Path(tempfile.mkdtemp(prefix="degraded-rules-"))
        shutil.copytree(DATA, tmp, dirs_exist_ok=True)
        gazetteer = json.loads((tmp / "gazetteer.json").read_text(encoding="utf-8"))
        gazetteer["ORG"] = [name for name in gazetteer["ORG"] if name not in DROPPED]
        (tmp / "gazetteer.json").write_text(json.dumps(gazetteer), encoding="utf-8")
        super().__init__(data_dir=tmp, **config)
