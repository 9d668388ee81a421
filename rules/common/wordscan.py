"""Find every occurrence of many literal words in a line with one C-speed scan (T101, T102).

A regex alternation of hundreds of words is tried branch by branch at every position where
one of them can start (T102's 662 words: ~2 ms a report, 70 ms to compile). Instead each
word is keyed on its rarest character (by ``lint/data/char_rank.txt``, the characters of
the seed reports, commonest first): one character class finds the few places where a key
occurs, and only there is the word compared. Any character of a word would give the same
occurrences; the rank only decides how many places are looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fzlint import regex
from fzlint.data import char_rank


def read_data(name: str) -> bytes:
    """A file of ``rules/data`` (straight from the directory: importlib.resources costs ~8 ms
    of imports on a cold start; it stays the fallback for an installation in a zip)."""
    import os

    import fzlint.rules

    path = os.path.join(os.path.dirname(os.path.abspath(fzlint.rules.__file__)), "data", name)
    if os.path.isfile(path):
        with open(path, "rb") as handle:
            return handle.read()
    from importlib import resources

    return resources.files("fzlint.rules").joinpath("data", name).read_bytes()


# Up to this many words, an alternation rules a line out in C faster than the key scan: sre
# tries its branches one after the other wherever a first character occurs.
_GATED = 64


def _key_offset(word: str, rank: dict[str, int]) -> int:
    """Offset of the word's rarest character (an unranked one is rarer than any ranked)."""
    unranked = len(rank)
    best, rarest = 0, -1
    for offset, ch in enumerate(word):
        place = rank.get(ch, unranked)
        if place >= rarest:  # a tie: the later character
            best, rarest = offset, place
    return best


@dataclass(frozen=True)
class WordIndex:
    words: tuple[str, ...]
    keys: re.Pattern[str]  # one character class: every word's key character
    by_key: dict[str, tuple[tuple[int, int], ...]]  # key → (offset of the key in the word, word index)
    # A short list of words made of common characters (T101's 法制政府…) is cheaper to rule out
    # first with one alternation: it matches somewhere exactly when some word occurs.
    gate: re.Pattern[str] | None

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        """``(start, word index)`` of every occurrence of every word in ``text``, overlapping
        ones included, sorted by start and then by the words' order."""
        if self.gate is not None and self.gate.search(text) is None:
            return []
        found = []
        words = self.words
        for match in self.keys.finditer(text):
            position = match.start()
            for offset, index in self.by_key[text[position]]:
                start = position - offset
                if start >= 0 and text.startswith(words[index], start):
                    found.append((start, index))
        found.sort()
        return found


@cache
def word_index(words: tuple[str, ...]) -> WordIndex:
    """The index of ``words`` (non-empty strings), built once per word list."""
    rank = char_rank()
    by_key: dict[str, list[tuple[int, int]]] = {}
    for index, word in enumerate(words):
        offset = _key_offset(word, rank)
        by_key.setdefault(word[offset], []).append((offset, index))
    keys = regex.compile(f"[{re.escape(''.join(sorted(by_key)))}]" if by_key else "(?!)")
    gate = regex.compile("|".join(map(re.escape, words))) if 0 < len(words) <= _GATED else None
    return WordIndex(words, keys, {key: tuple(entries) for key, entries in by_key.items()}, gate)
