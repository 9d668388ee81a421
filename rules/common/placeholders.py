"""Inline placeholders of ``placeholders.toml`` (T103 reports them, S104 asks about a section)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from fzlint import regex
from fzlint.rules.common.chinese import claim
from fzlint.rules.common.prefilter import prefilter


@cache
def _compiled(patterns: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [regex.compile(p) for p in patterns]


@cache
def _compiled_one(pattern: str) -> re.Pattern[str]:
    return regex.compile(pattern)


def placeholder_patterns(table: dict[str, Any]) -> list[re.Pattern[str]]:
    """The inline placeholder expressions of ``placeholders.toml`` (shared with S104)."""
    return _compiled(tuple(table.get("inline", [])))


def find_placeholders(text: str, table: dict[str, Any], possible: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans of inline placeholders in ``text``, overlaps merged, 张某某 excluded.

    ``possible``: the expressions that can match ``text`` (Prefilter.possible), if known."""
    anonymised = table.get("anonymised_before", "")
    taken: list[tuple[int, int]] = []
    sources = tuple(table.get("inline", []))
    if possible is None:
        possible = prefilter(sources).possible(text)
    for index in possible:  # the others cannot match this line (and need not be compiled)
        for match in _compiled_one(sources[index]).finditer(text):
            start, end = match.span()
            if match.group(0) == "某某" and start > 0 and text[start - 1] in anonymised:
                continue  # 张某某: anonymisation, not a placeholder
            claim(taken, start, end)
    return sorted(taken)
