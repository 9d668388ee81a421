"""Fixed titles whose year span is written in a wrong form (T101 reports them, P101 skips them)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from fzlint import regex

_TITLE_SPAN = (
    r"(?P<open>[（(])\s*(?P<y1>(?:19|20)\d\d)\s*(?P<dash>[-~–—－～])\s*"
    r"(?P<y2>(?:19|20)\d\d)\s*(?P<year>年?)\s*(?P<close>[）)])"
)
_TITLE_DASHES = "—－"  # gov.cn writes both


@cache
def _title_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in names)
    return regex.compile(rf"《(?P<name>{alternatives}){_TITLE_SPAN}》")


def wrong_titles(text: str, table: dict[str, Any]) -> Iterator[tuple[int, int, str]]:
    """(start, end, right form) of each fixed title's year span written in a wrong form.

    P101 asks this too, so that the half-width brackets of such a title are reported
    once, by T101, and not a second time as half-width punctuation.
    """
    if "《" not in text:  # every title pattern starts with it
        return
    names = tuple(entry["name"] for entry in table.get("titles", []))
    if not names:
        return
    for match in _title_pattern(names).finditer(text):
        dash = match["dash"] if match["dash"] in _TITLE_DASHES else "—"
        right = f"（{match['y1']}{dash}{match['y2']}年）"
        start, end = match.start("open"), match.end("close")
        if text[start:end] != right:
            yield start, end, right
