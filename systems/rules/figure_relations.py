"""Relations of a figure: where it happened (LOCATED_IN) and who gives it (REPORTED_BY).

A figure's place is the nearest place phrase after it in its clause, else one opening its sentence,
else the nearest one before it; the further places that phrase names follow (guidelines §2.5). Its
source is the subject of a reporting verb before it, an "according to" phrase, the subject of a
reporting verb after it, and every relay ("X told AFP").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .arguments import ArgumentGrammar
from .entities import sentence_bounds
from .figures import Figure


class FigureRelations(ArgumentGrammar):
    """LOCATED_IN and REPORTED_BY of the figures of a document."""

    def _figures(self, doc: Doc, figures: list[Figure], matches: list, at_start: dict, at_end: dict, add) -> None:
        starts = sorted(f.span.start for f in figures)
        reports = [m for m in matches if m[0] == "report_verbs"]
        sent_starts, sent_ends = sentence_bounds(doc)
        for fig in figures:
            span = fig.span
            sent_start, sent_end = sent_starts[span.start], sent_ends[span.start]
            nxt_fig = min((s for s in starts if s > span.start), default=len(doc))
            place, place_rule = None, "relations.place_preps"
            for k in range(span.end, min(sent_end, nxt_fig, span.end + 12)):
                if doc[k].lower_ in self.place_preps:
                    place = self._right(
                        doc, k + 1, at_start, {"GPE", "LOC"}, skip=self.place_skip, gap=self.gaps["place"]
                    )
                    if place is not None:
                        break
            if place is None:
                place_rule = "relations.place_preps.sentence_start"
                for k in range(sent_start, span.start):
                    if doc[k].lower_ in self.place_preps and (
                        k == sent_start or doc[k - 1].is_punct or k == sent_start + 1
                    ):
                        place = self._right(
                            doc, k + 1, at_start, {"GPE", "LOC"}, skip=self.place_skip, gap=self.gaps["place"]
                        )
                        if place is not None:
                            break
            if place is None:
                # "attacked a market in Kidal, killing at least 9": the nearest place phrase of the
                # clause before the figure, when no other figure stands between.
                place_rule = "relations.place_preps.before"
                prev_fig = max((s for s in starts if s < span.start), default=-1)
                for k in range(span.start - 1, max(sent_start, prev_fig, span.start - 15) - 1, -1):
                    if doc[k].lower_ in self.place_preps:
                        place = self._right(
                            doc, k + 1, at_start, {"GPE", "LOC"}, skip=self.place_skip, gap=self.gaps["place"]
                        )
                        if place is not None:
                            break
            add("LOCATED_IN", span, place, place_rule)
            for further in self._place_chain(doc, place, at_start):
                add("LOCATED_IN", span, further, place_rule + ".chain")
            source, source_rule = self._source(doc, span, reports, at_start, at_end)
            add("REPORTED_BY", span, source, source_rule)
            add("REPORTED_BY", span, self._relay(doc, span, reports, at_start), "relations.report_verbs.told")

    def _place_chain(self, doc: Doc, place: Span | None, at_start: dict) -> list[Span]:
        """Further places one location phrase names: "in A, B and C provinces", "in A, in northern B",
        "near A (B)", "in A, including B" (guidelines §2.5, nested places)."""
        out: list[Span] = []
        if place is None:
            return out
        ceiling = sentence_bounds(doc)[1][place.start]
        k = place.end
        while k < ceiling:
            j, steps = k, 0
            while j < ceiling and steps <= self.gaps["place_chain"] and j not in at_start:
                if doc[j].lower_ not in self.place_chain_words:
                    return out
                j, steps = j + 1, steps + 1
            nxt = at_start.get(j)
            if nxt is None or nxt.label_ not in ("GPE", "LOC") or j == k:
                return out
            # "in Kharkiv, and Russia said ...": a name followed by a verb starts a clause, not a place list.
            after = doc[nxt.end] if nxt.end < ceiling else None
            if after is not None and after.is_alpha and after.is_lower and after.lower_ not in self.place_chain_after:
                return out
            out.append(nxt)
            k = nxt.end
        return out

    def _subject(self, doc: Doc, s: int, at_end: dict, labels: set[str]) -> Span | None:
        """The source left of a reporting verb at s: "The Relief Agency (RRA) said", "A WFP spokeswoman
        said" (the body, guidelines §2.5), "N, the agency's director, said" (past an apposition)."""
        k = s - 1 if s >= 1 and doc[s - 1].text == "," else s
        if k >= 3 and doc[k - 1].text == ")" and doc[k - 3].text == "(":
            k -= 3
        source = self._left(doc, k, at_end, labels, skip=self.source_skip)
        if source is not None or k != s - 1:
            return source
        # "X, who heads the agency, said" / "X, its spokesman, said": the mention before the opening comma.
        floor = max(sentence_bounds(doc)[0][k], k - self.gaps["apposition"])
        for j in range(k - 1, floor, -1):
            if doc[j].text == ",":
                m = at_end.get(j)
                return m if m is not None and m.label_ in labels else None
            if doc[j].text in ("said", "says", "(", ")") or doc[j].is_quote:
                return None
        return None

    def _source(self, doc: Doc, span: Span, reports, at_start: dict, at_end: dict) -> tuple[Span | None, str]:
        starts, ends = sentence_bounds(doc)
        before = [(s, e) for _, s, e in reports if starts[span.start] <= s and e <= span.start]
        after = [(s, e) for _, s, e in reports if s >= span.end and e <= ends[span.start]]
        labels = {"ORG", "PERSON"}
        for s, e in sorted(after):
            # An explicit attribution wins over a reporting verb earlier in the sentence.
            if doc[s:e].text.lower() == "according to":
                return self._attributed(doc, e, at_start, labels), "relations.report_verbs.according_to"
        for s, _ in sorted(before, reverse=True):
            source = self._subject(doc, s, at_end, labels)
            if source is not None:
                # "The ministry run by the Houthis said ...": the reporter is the head noun, not the agent.
                j = source.start - 1
                if j > 0 and doc[j].lower_ in ("the", "a", "an"):
                    j -= 1
                if j >= 1 and doc[j].lower_ == "by":
                    source = self._left(doc, j - 1, at_end, labels, gap=0) or source
                return source, "relations.report_verbs.before"
        for s, _ in sorted(after):
            k = s - 3 if s >= 3 and doc[s - 1].text == ")" and doc[s - 3].text == "(" else s
            source = self._left(doc, k, at_end, labels, gap=2)
            if source is not None and source.start >= span.end:
                return source, "relations.report_verbs.after"
        return None, ""

    def _attributed(self, doc: Doc, k: int, at_start: dict, labels: set[str]) -> Span | None:
        """The source after "according to": the first person or organisation within a few words, past a
        place or a role ("according to Kherson region governor X", "according to data released by the WHO")."""
        ceiling = min(sentence_bounds(doc)[1][k - 1] if k > 0 else len(doc), k + self.gaps["attribution"])
        while k < ceiling:
            m = at_start.get(k)
            if m is not None:
                if m.label_ in labels:
                    return m
                k = m.end
                continue
            if doc[k].is_punct:
                return None
            k += 1
        return None

    def _relay(self, doc: Doc, span: Span, reports, at_start: dict) -> Span | None:
        """ "X told AFP that 15 …": the agency told relays the figure too (guidelines §2.5, relayed figures)."""
        starts = sentence_bounds(doc)[0]
        for _, s, e in reports:
            if starts[span.start] <= s and e <= span.start and doc[s].lower_ in ("told", "tells"):
                m = at_start.get(e)
                if m is not None and m.label_ == "ORG":
                    return m
        return None
