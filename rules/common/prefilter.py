"""Skip the expressions of a word table that cannot match a line (T101, T103, S104).

Each expression's needed characters (``fzlint.parse.needed``: a set of which every match
holds one, the rarest by the seed reports' character rank) are found by one
character-class scan per line; the expressions whose characters are absent are not run. An
expression whose set cannot be worked out always runs, so no match is ever missed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import groupby, repeat
from operator import itemgetter

from fzlint import regex
from fzlint.data import char_rank
from fzlint.parse.needed import Needed
from fzlint.parse.needed import needed_chars as parsed_needed_chars


@cache
def needed_chars(pattern: str) -> Needed:
    """Characters of which every match of ``pattern`` holds at least one; None if unknown."""
    return parsed_needed_chars(pattern, char_rank())


@dataclass(frozen=True)
class Prefilter:
    """Which of a table's expressions can match a line."""

    needed: tuple[Needed, ...]  # per expression, in the table's order
    scan: re.Pattern[str]  # every character some expression needs
    always: list[int]  # the expressions whose characters are unknown

    def possible(self, text: str) -> list[int]:
        """Indexes of the expressions that can match ``text``, in order (do not change it)."""
        found = self.scan.findall(text)
        if not found:  # most lines
            return self.always
        present = set(found)
        return [i for i, needed in enumerate(self.needed) if needed is None or not needed.isdisjoint(present)]

    def possible_each(self, text: str, starts: list[int]) -> list[list[int]]:
        """:meth:`possible` for each line of ``text``, the lines starting at ``starts`` (one
        scan of the whole text: a report has few lines with any of these characters). The
        matches are turned into line numbers and characters by C-level maps, grouped by line
        (they come in order), and the answer for one set of characters is worked out once."""
        each = [self.always] * len(starts)
        matches = list(self.scan.finditer(text))
        if not matches:
            return each
        lines = map(bisect_right, repeat(starts, len(matches)), map(_START, matches))
        answers: dict[frozenset[str], list[int]] = {}
        for line, group in groupby(zip(lines, map(_GROUP, matches), strict=True), key=_FIRST):
            chars = frozenset(map(_SECOND, group))
            answer = answers.get(chars)
            if answer is None:
                answer = answers[chars] = [i for i, n in enumerate(self.needed) if n is None or not n.isdisjoint(chars)]
            each[line - 1] = answer
        return each


_START = re.Match.start
_GROUP = re.Match.group
_FIRST = itemgetter(0)
_SECOND = itemgetter(1)


@cache
def prefilter(patterns: tuple[str, ...]) -> Prefilter:
    needed = tuple(needed_chars(p) for p in patterns)
    chars = sorted(set().union(*(n for n in needed if n is not None)))
    scan = regex.compile(f"[{re.escape(''.join(chars))}]" if chars else "(?!)")
    return Prefilter(needed, scan, [i for i, n in enumerate(needed) if n is None])
