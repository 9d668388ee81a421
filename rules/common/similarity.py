"""How much two pieces of report text say the same thing: shingles for copies, weighted
words for "does this year's text take up last year's point" (the Y2xx rules).

Words come from jieba with the shipped domain dictionary (:mod:`fzlint.rules.common.segment`);
each word is weighted by its inverse document frequency over the paragraphs of both reports,
so 法治、政府、建设 (in every paragraph) count for little and 高频次、智能化 for much.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fzlint import regex
from fzlint.rules.common.text import normalise

SHINGLE = 5
_HAN = regex.compile(r"[\u4e00-\u9fff]")


def shingles(compact: str, size: int = SHINGLE) -> set[str]:
    """The ``size``-character pieces of a compacted text (whole text when shorter)."""
    if len(compact) <= size:
        return {compact} if compact else set()
    return {compact[i : i + size] for i in range(len(compact) - size + 1)}


def containment(part: set[str], whole: set[str]) -> float:
    """Share of ``part``'s shingles that also occur in ``whole`` (0 when ``part`` is empty)."""
    return len(part & whole) / len(part) if part else 0.0


def compact(text: str) -> str:
    """Text without spaces and punctuation (normalised), for copy comparisons."""
    return normalise(text)


@dataclass(frozen=True)
class Vocabulary:
    """Content words of a set of texts and their weights (inverse document frequency).

    Words are compared through ``canonical`` (each synonym group counts as one word)."""

    weights: dict[str, float]
    stopwords: frozenset[str]
    canonical: dict[str, str]

    @classmethod
    def of(
        cls, documents: Sequence[Iterable[str]], stopwords: Iterable[str], synonyms: Iterable[Sequence[str]] = ()
    ) -> Vocabulary:
        """``documents``: each a collection of words (e.g. one per paragraph)."""
        canonical = {word: group[0] for group in synonyms for word in group}
        frequency: Counter[str] = Counter()
        for words in documents:
            frequency.update({canonical.get(w, w) for w in words})
        total = len(documents)
        weights = {word: math.log((1 + total) / (1 + df)) + 1.0 for word, df in frequency.items()}
        return cls(weights, frozenset(stopwords), canonical)

    def terms(self, words: Iterable[str]) -> set[str]:
        """The distinct canonical content words among ``words``."""
        return {self.canonical.get(w, w) for w in words if w not in self.stopwords}

    def coverage(self, point: Iterable[str], text: Iterable[str]) -> float:
        """Weighted share of ``point``'s words that ``text`` also uses (0..1)."""
        words, used = self.terms(point), self.terms(text)
        total = sum(self.weights.get(w, 1.0) for w in words)
        if not total:
            return 0.0
        return sum(self.weights.get(w, 1.0) for w in words if w in used) / total


def words(text: str, dictionary: str) -> list[str]:
    """Content words of ``text``: jieba tokens of two or more characters that hold a Han character."""
    from fzlint.rules.common.segment import tokenizer

    found = tokenizer(dictionary).lcut(text, HMM=False)
    return [w for w in found if len(w) >= 2 and _HAN.search(w)]
