"""`rules`: a deterministic extractor built on spaCy's rule tools.

Tokenizer, sentencizer and EntityRuler (``data/gazetteer.json``, ``data/patterns.jsonl``), a
PhraseMatcher for roles and triggers, and small sweeps over tokens for names, figures and
relations. No statistical model is loaded, so it runs on a blank English pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.core.annotation import Annotation, Entity, Relation
from bench.core.schema import SECTIONS
from bench.formats.corpus import Document

from .entities import (
    DATA,
    PeopleFinder,
    acronym_mentions,
    alias_mentions,
    body_mentions,
    build_pipeline,
    headed_mentions,
    institution_mentions,
    load_json,
    place_mentions,
)
from .figures import FigureFinder
from .relations import RelationFinder


class RulesSystem:
    description = (
        "deterministic rules: gazetteers, token patterns, role-introduced names, casualty figures, relation triggers"
    )
    sections = frozenset(SECTIONS)
    requires: tuple[str, ...] = ("spacy",)

    def __init__(self, data_dir: Path | None = None, batch_size: int = 64, **_: Any):
        data_dir = Path(data_dir) if data_dir else DATA
        self.nlp = build_pipeline(data_dir)
        self.load_finders(data_dir)
        self.figures = FigureFinder(data_dir)
        self.batch_size = batch_size

    def load_finders(self, data_dir: Path) -> None:
        """The finders that read ``self.nlp``'s tokens: people, names by context, relation triggers."""
        self.people = PeopleFinder(self.nlp, data_dir)
        self.vocab = load_json("entities.json", data_dir)
        self.place_heads = frozenset(self.vocab["place_heads"])
        self.relations = RelationFinder(self.nlp, data_dir)

    def predict(self, docs: Sequence[Document]) -> Iterator[Annotation]:
        texts = (d.text for d in docs)
        # The blank pipeline's memory does not grow with length the way a parser's does: no piece-wise run needed.
        self.nlp.max_length = max([self.nlp.max_length] + [len(d.text) + 1 for d in docs])
        for doc, parsed in zip(docs, self.nlp.pipe(texts, batch_size=self.batch_size), strict=False):
            yield self.extract(doc.doc_id, parsed)

    def extract(self, doc_id: str, doc) -> Annotation:
        from spacy.util import filter_spans

        ents = list(doc.ents)
        people, links = self.people.find(doc, ents)
        taken = [False] * len(doc)
        for span in ents + people:
            for k in range(span.start, span.end):
                taken[k] = True
        aliases, refs = alias_mentions(doc, people, taken)
        named = filter_spans(ents + people + aliases)
        acronyms, acronym_refs = acronym_mentions(doc, named, taken, self.place_heads)
        named = filter_spans(named + acronyms)
        bodies, replaced = body_mentions(doc, named, taken, self.vocab)
        named = [m for m in named if m not in replaced] + list(dict.fromkeys(bodies))
        headed, swallowed = headed_mentions(doc, named, taken, self.vocab)
        named = [m for m in named if m not in swallowed] + headed
        replaced |= swallowed
        # A role's organisation may have grown into its body ("Lebanese" -> "Lebanese health ministry").
        links = [
            replace(link, org=replaced.get(link.org, link.org)) if link.org is not None else link for link in links
        ]
        institutions = institution_mentions(doc, taken, self.vocab)
        named = filter_spans(named + institutions + place_mentions(doc, taken, self.vocab))
        for span in self.more_names(doc, taken):
            named.append(span)
            for k in range(span.start, span.end):
                taken[k] = True
        person_ends = {s.end for s in named if s.label_ == "PERSON"}
        figures = self.figures.find(doc, taken, person_ends)
        mentions = sorted(named + [f.span for f in figures], key=lambda s: (s.start, s.end))
        # A longer name found later may have swallowed a role's person or organisation: such a tie is gone.
        kept = {(m.start, m.end) for m in mentions}
        links = [
            link if link.org is None or (link.org.start, link.org.end) in kept else replace(link, org=None)
            for link in links
            if (link.person.start, link.person.end) in kept
        ]
        triples = self.find_relations(doc, mentions, figures, links)

        attrs = {(f.span.start, f.span.end): f for f in figures}
        ids, entities = {}, []
        for i, span in enumerate(mentions, start=1):
            ids[(span.start, span.end)] = f"E{i}"
            fig = attrs.get((span.start, span.end))
            entities.append(
                Entity(
                    id=f"E{i}",
                    label=span.label_,
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    # People's refs come from their full names; a name from elsewhere may carry one in kb_id.
                    ref=refs.get((span.start, span.end))
                    if span.label_ == "PERSON"
                    else acronym_refs.get((span.start, span.end)) or span.kb_id_ or None,
                    value=fig.value if fig else None,
                    qualifier=fig.qualifier if fig else None,
                    category=fig.category if fig else None,
                    # Ruler patterns and finders name themselves in the span's id; figures carry their cue.
                    rule=fig.rule if fig else span.id_ or None,
                )
            )
        relations = tuple(
            Relation(f"R{i}", ids[(h.start, h.end)], ids[(t.start, t.end)], rtype, rule=rule)
            for i, (rtype, h, t, rule) in enumerate(triples, start=1)
        )
        return Annotation(doc_id=doc_id, entities=tuple(entities), relations=relations)

    # Extension points for systems built on these rules (``hybrid``).

    def more_names(self, doc, taken: list[bool]) -> list:
        """Further name mentions over tokens no rule has taken (``taken`` is not changed here)."""
        return []

    def find_relations(self, doc, mentions: list, figures: list, links: list) -> list:
        """(type, head, tail, rule) relations between ``mentions``: the trigger finder's."""
        return self.relations.find(doc, mentions, figures, links)
