"""The figure rules' shortcuts change no answer: D102 skips lines without % or ％ (no rate
value is ever read from one), and a whole number is an int, equal to the Fraction it was."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint import data
from fzlint.rules.common.text import format_number, quantities
from fzlint.rules.figures import _has_percent, _rate_words, _rates

_TABLE = data.load("figures")["rates"]
_WORDS = _rate_words(tuple(_TABLE.get("bounded", [])), tuple(_TABLE.get("unbounded", [])))
_PIECES = [*_TABLE.get("bounded", [])[:8], "达", "为", "12", "105", ".5", "%", "％", "、", "和", "，", " "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10))
def test_a_rate_value_needs_a_percent_sign(pieces: list[str]) -> None:
    text = "".join(pieces)
    if not _has_percent(text):
        assert list(_rates(text, _WORDS)) == []


def test_a_rate_over_100_has_its_percent_sign() -> None:
    text = "群众满意率达105%"
    assert _has_percent(text) and [m.group(1) for *_, m in _rates(text, _WORDS)] == ["105"]


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[0-9]{1,6}(\.[0-9]{1,3})?", fullmatch=True), st.sampled_from(["", "万", "亿"]))
def test_a_quantity_has_the_value_of_its_fraction(number: str, scale: str) -> None:
    (found,) = quantities(f"办理{number}{scale}件")
    expected = Fraction(number) * {"": 1, "万": 10_000, "亿": 100_000_000}[scale]
    assert found.value == expected and format_number(found.value) == format_number(expected)
