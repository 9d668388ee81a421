"""The classifier's shortcuts change no answer: the chrome table's strong branches are searched
only on lines holding one of their needed characters, and that skips no match (``strong_match``
is ``any(branch.search(line))``); a heading's end is found as the character loop found it."""

from __future__ import annotations

import re

from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint.parse.lines import SPACE, ChromePatterns, chrome_patterns


def _searched(patterns: ChromePatterns, text: str) -> bool:
    return any(branch.search(text) for branch in patterns.strong_any)


# The characters the shipped strong patterns are made of, and some report text around them.
_SOURCE = "".join(chrome_patterns().strong[i].pattern for i in range(len(chrome_patterns().strong)))
_ALPHABET = sorted({ch for ch in _SOURCE if not ch.isspace()} | set(" \t：:，。法治政府2024年"))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_strong_match_is_a_search_of_every_branch(text: str) -> None:
    patterns = chrome_patterns()
    assert patterns.strong_match(text) == _searched(patterns, text)


def test_every_line_of_the_corpus_and_seeds_is_judged_as_by_every_branch() -> None:
    patterns = chrome_patterns()
    lines = [
        line.strip(SPACE)
        for folder in ("tests/corpus", "seeds")
        for path in sorted((ROOT / folder).rglob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    assert sum(map(patterns.strong_match, lines)) > 10  # the web openings carry chrome
    assert [patterns.strong_match(line) for line in lines] == [_searched(patterns, line) for line in lines]


def test_a_branch_without_needed_characters_always_runs() -> None:
    # (?i) and a lone . have no certain character: they must be searched on every line.
    patterns = ChromePatterns([re.compile("(?i)copyright"), re.compile("^.{3}$")], [], 40, 3)
    assert patterns.strong_needed == (None, None)
    assert patterns.strong_match("COPYRIGHT 2024") and patterns.strong_match("abc")
    assert not patterns.strong_match("法治政府建设")


def test_a_configured_pattern_is_prefiltered_too() -> None:
    patterns = chrome_patterns({"strong": ["扫码关注"]})
    assert frozenset("码") in patterns.strong_needed or frozenset("扫") in patterns.strong_needed
    assert patterns.strong_match("请扫码关注本网") and not patterns.strong_match("关注群众诉求")


def _heading_end_by_character(text: str, start: int) -> tuple[int, int | None]:
    """The character loop ``_heading_end`` replaced: the first 。 from ``start``, the body after
    the spaces that follow it; without one, the end of the words before trailing spaces."""
    for index in range(start, len(text)):
        if text[index] == "。":
            rest = index + 1
            while rest < len(text) and text[rest] in SPACE:
                rest += 1
            return index, (rest if rest < len(text) else None)
    end = len(text)
    while end > start and text[end - 1] in SPACE:
        end -= 1
    return end, None


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=SPACE + "。一、法a", max_size=12), st.integers(0, 14))
def test_heading_end_is_the_character_loop(text: str, start: int) -> None:
    from fzlint.parse.lines import _heading_end

    assert _heading_end(text, start) == _heading_end_by_character(text, start)


_LEADS = [" ", "\t", "\u3000", "\u00a0", "\ufeff", "&nbsp;", "&#160;", "&", "#", "## ", ">", "**", "__", "_", "*"]
_WORDS = ["一、", "（一）", "1.", "①", "法治", "建设", "。", "x"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_LEADS + _WORDS), max_size=6))
def test_indent_and_marker_shortcuts_are_the_full_scans(pieces: list[str]) -> None:
    from fzlint.parse.lines import _LEADING_SPACE, _MARKDOWN_PREFIX, MARKER_START, _indent, parse_marker

    text = "".join(pieces)
    lead = _LEADING_SPACE.match(text).end()  # type: ignore[union-attr]
    indent = _MARKDOWN_PREFIX.match(text, lead).end()  # type: ignore[union-attr]
    assert _indent(text) == indent
    if text[indent : indent + 1] not in MARKER_START:
        assert parse_marker(text, indent) is None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="零〇○一二两三四五六七八九十百千a1", max_size=6))
def test_cn_to_int_refuses_exactly_the_texts_with_another_character(text: str) -> None:
    from fzlint.parse.numerals import DIGITS, UNITS, cn_to_int

    refused = not text or any(ch not in DIGITS and ch not in UNITS for ch in text)
    assert (cn_to_int(text) is None) == refused
