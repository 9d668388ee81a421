"""The word index (T101, T102) and the expression prefilter (T101, T103, S104) find exactly
what a plain search finds."""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from itertools import accumulate

import pytest
from conftest import ROOT, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st
from test_layout_corpus import WEB

from fzlint.rules.common.prefilter import Prefilter, needed_chars, prefilter
from fzlint.rules.common.wordscan import word_index
from fzlint.rules.terms import _each_term_occurrence

DATA = ROOT / "rules" / "data"
LINES = [ln for path in (*SEEDS, *WEB) for ln in path.read_text(encoding="utf-8").split("\n")]


def _table(name: str) -> dict:
    return tomllib.loads((DATA / f"{name}.toml").read_text(encoding="utf-8"))


def _every_occurrence(words: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    return sorted((start, i) for i, w in enumerate(words) for start in range(len(text)) if text.startswith(w, start))


SYNTHETIC = [
    "法制法制法制政府",
    "马克思主意主意，社会主意",
    "AAAA",
    "布署步署布署",
    "",
]


@pytest.mark.parametrize("words", [("AA", "A", "AAA"), ("法制", "法制政府", "制政"), ("布署", "署", "步署布")])
@pytest.mark.parametrize("text", SYNTHETIC)
def test_occurrences_overlapping_and_in_order(words: tuple[str, ...], text: str) -> None:
    assert word_index(words).occurrences(text) == _every_occurrence(words, text)


def test_confusables_found_as_by_a_plain_search() -> None:
    words = tuple(entry["wrong"] for entry in _table("confusables")["words"])
    index = word_index(words)
    for line in [*LINES, " ".join(words)]:
        expected = sorted((m.start(), i) for i, w in enumerate(words) for m in re.finditer(f"(?={re.escape(w)})", line))
        assert index.occurrences(line) == expected, line


def _find_loop(words: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    """What T101 did before: str.find per term, term after term, non-overlapping."""
    found = []
    for i, word in enumerate(words):
        start = text.find(word)
        while start >= 0:
            found.append((start, i))
            start = text.find(word, start + len(word))
    return found


@pytest.mark.parametrize("text", [*SYNTHETIC, "习近平法制思想和法制政府法制政府，中央全面依法制国委员会"])
def test_term_occurrences_in_the_order_of_a_find_loop(text: str) -> None:
    for words in (tuple(t["wrong"] for t in _table("terms")["terms"]), ("法制", "法制政府", "制政", "法制法")):
        found = word_index(words).occurrences(text)
        assert _each_term_occurrence(found, words, len(text)) == _find_loop(words, text)


def _all_patterns() -> list[str]:
    placeholders = _table("placeholders")
    closing = placeholders.get("closing", {})
    return [
        *placeholders["inline"],
        *(p for key in ("date", "signature", "blank_date", "seal") for p in closing.get(key, [])),
        *(p["pattern"] for p in _table("terms")["patterns"]),
    ]


def test_a_line_an_expression_matches_is_never_filtered_out() -> None:
    patterns = tuple(_all_patterns())
    scan = prefilter(patterns)
    compiled = [re.compile(p) for p in patterns]
    samples = ["今年共办理XX件", "20XX年XX月XX日", "年  月  日", "（印章）", "党的20大", "二十届3中全会", "某某单位"]
    hits = 0
    for line in LINES + samples:
        possible = set(scan.possible(line))
        for i, pattern in enumerate(compiled):
            if pattern.search(line):
                hits += 1
                assert i in possible, (patterns[i], line)
    assert hits > 10


@pytest.mark.parametrize(
    ("pattern", "choices"),
    [
        ("××+", [{"×"}]),
        ("某某", [{"某"}]),
        ("(?:XX|xx)", [{"X", "x"}]),
        ("第[ \u3000]+号", [{"第"}, {"号"}]),  # never the spaces: every layout line has them
        ("[（(]\\s*(?:印章|公章)", [{"印", "公"}, {"章"}]),
        ("(?i)todo", [None]),
        ("[^a]+", [None]),
        ("a?b*", [None]),
        ("(?:a|.)", [None]),
    ],
)
def test_needed_characters(pattern: str, choices: list) -> None:
    found = needed_chars(pattern)
    assert (None if found is None else set(found)) in choices


def _possible_each_by_match(table: Prefilter, text: str, starts: list[int]) -> list[list[int]]:
    """possible_each as it was: a Python loop over every match of the scan."""
    each = [table.always] * len(starts)
    present: dict[int, set[str]] = {}
    for match in table.scan.finditer(text):
        present.setdefault(bisect_right(starts, match.start()) - 1, set()).add(match.group())
    for number, chars in present.items():
        each[number] = [i for i, n in enumerate(table.needed) if n is None or not n.isdisjoint(chars)]
    return each


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="党的20大届中全会×某XX法治", max_size=12), max_size=8))
def test_possible_each_is_the_loop_over_matches(lines: list[str]) -> None:
    table = prefilter(("党的[0-9]{1,2}大", "[0-9]届", "××+|某某", "(?i)xx", "中全会"))
    text = "\n".join(lines)
    starts = [0, *accumulate(len(line) + 1 for line in lines)][:-1] if lines else []
    assert table.possible_each(text, starts) == _possible_each_by_match(table, text, starts)
    assert table.possible_each(text, starts) == [table.possible(line) for line in lines]
