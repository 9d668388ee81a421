"""json_text writes exactly what json.dumps(indent=2) writes, for any JSON value."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint.diagnostics import Edit
from fzlint.reporters.json_text import dump_indented, dumps_indented

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()  # any code point, lone surrogates and control characters included
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=400, deadline=None)
@given(_VALUES, st.booleans(), st.integers(min_value=0, max_value=3))
def test_same_text_as_json_dumps(value, ascii_escape: bool, level: int) -> None:
    expected = json.dumps(value, ensure_ascii=ascii_escape, indent=2)
    assert dumps_indented(value, ensure_ascii=ascii_escape, level=level) == expected.replace("\n", "\n" + "  " * level)
    stream = io.StringIO()
    dump_indented(value, stream, ensure_ascii=ascii_escape)
    assert stream.getvalue() == expected


@pytest.mark.parametrize("value", [{1: "a", "b": [2.5]}, {"x": {True: None}}, [{"k": {None: 1}}]])
def test_keys_json_converts_are_left_to_json(value) -> None:
    assert dumps_indented(value, ensure_ascii=False, level=1) == json.dumps(value, indent=2).replace("\n", "\n  ")
    stream = io.StringIO()
    dump_indented(value, stream, ensure_ascii=True)
    assert stream.getvalue() == json.dumps(value, indent=2)


def test_what_json_cannot_encode_raises_json_error() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps_indented({"a": object()}, ensure_ascii=False)
    with pytest.raises(TypeError, match="not JSON serializable"):
        dump_indented([object()], io.StringIO(), ensure_ascii=False)


def test_big_values_are_written_in_chunks() -> None:
    class Counting(io.StringIO):
        writes = 0

        def write(self, text: str) -> int:
            self.writes += 1
            return super().write(text)

    value = {"runs": [{"i": i, "s": "文字\n"} for i in range(20000)]}
    stream = Counting()
    dump_indented(value, stream, ensure_ascii=False)
    assert stream.getvalue() == json.dumps(value, ensure_ascii=False, indent=2)
    assert stream.writes > 2


_EDITS = st.builds(
    Edit,
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.integers(0, 10**6),
    st.text(max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(max_size=10),
            st.text(max_size=20),
            st.none() | st.tuples(st.text(max_size=10), st.booleans(), st.lists(_EDITS, max_size=3)),
        ),
        max_size=4,
    ),
    st.booleans(),
)
def test_json_reporter_writes_json_dump_of_any_diagnostics(found, ascii_escape: bool) -> None:
    from fzlint.diagnostics import Diagnostic, Fix, Severity
    from fzlint.reporters import ReportOptions, json_output
    from fzlint.run.engine import FileResult

    diagnostics = [
        Diagnostic(path, 1, 2, 3, 4, "P101", "name", Severity.WARNING, message, fix and Fix(tuple(fix[2]), *fix[:2]))
        for path, message, fix in found
    ]
    options = ReportOptions(registry=None, extra={"ascii": ascii_escape})  # type: ignore[arg-type]
    items = list(json_output.items([FileResult("x", diagnostics)], options))
    expected = [
        json.dumps(json_output.as_dict(d), ensure_ascii=ascii_escape, indent=2).replace("\n", "\n  ")
        for d in diagnostics
    ]
    assert items == expected
