"""D102 skips lines without % or ％: no rate value is ever read from such a line."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint import data
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
