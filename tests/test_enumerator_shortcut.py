"""N104/N105's enumerator scan skips a line without a numeral followed by 是 while no list is
open; it finds exactly what the scan of every line found."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint.parse.lines import Line, LineKind
from fzlint.rules.numbering import (
    _ENUMERATOR,
    _MALFORMED,
    Enumerator,
    NotEnumerators,
    _enumerator_value,
    _numeral_starts,
    enumerators,
)


def _every_line(scope: list[Line], exclusions: NotEnumerators) -> Iterator[Enumerator]:
    """The scan before the shortcut: every line of the scope, candidate by candidate."""
    expected_next = 1
    for line in scope:
        text, start = line.text, line.body_column
        index = start
        for candidate in _numeral_starts(text, start):
            if candidate < index:
                continue
            index = candidate
            match = _ENUMERATOR.match(text, index)
            number = _enumerator_value(match.group(1)) if match else 0
            if match and number:
                yield Enumerator(line, index, match.end(), number, False)
                expected_next = number + 1
                index = match.end()
                continue
            loose = _MALFORMED.match(text, index)
            if loose and expected_next > 1:
                number = _enumerator_value(loose.group(1))
                if number == expected_next and not exclusions.excludes(text, index, loose.end()):
                    yield Enumerator(line, index, loose.end(), number, True)
                    expected_next = number + 1
                    index = loose.end()
                    continue
            index += 1


_PIECES = ["一是", "二是", "三", "四是", "二", "十", "是", "。", "，", "；", " ", "加强", "深化", "二十届", "三中全会"]
_EXCLUSIONS = NotEnumerators(frozenset("届中"), ("三中全会", "二十届"))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=8), max_size=6))
def test_the_shortcut_finds_what_every_line_gave(lines: list[list[str]]) -> None:
    scope = [Line(i, "".join(pieces), LineKind.TEXT) for i, pieces in enumerate(lines)]
    assert list(enumerators(scope, _EXCLUSIONS)) == list(_every_line(scope, _EXCLUSIONS))


def test_a_lost_shi_after_a_first_item_on_another_line_is_still_found() -> None:
    scope = [Line(0, "一是加强学习。", LineKind.TEXT), Line(1, "二深化改革。", LineKind.TEXT)]
    found = list(enumerators(scope, _EXCLUSIONS))
    assert [(e.line.index, e.number, e.malformed) for e in found] == [(0, 1, False), (1, 2, True)]
