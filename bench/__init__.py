"""bench: a benchmark for information extraction from conflict news.

``from bench import evaluate`` scores in-memory annotations; see ``bench.evaluation.runs`` for the rest of the
library (open a corpus, score a system or a predictions file, compare).
"""

from bench.evaluation.runs import evaluate

__all__ = ["evaluate"]
