"""``--format json`` and ``json-lines`` write their common findings straight from their attributes
(``reporters.json_direct``): for a finding of any shape, the same text as the general path
(``as_dict``, then the general encoder; ``json.dumps`` for json-lines), or the same
exception."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from registry_for_tests import REGISTRY

from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity
from fzlint.reporters import ReportOptions, json_lines, json_output
from fzlint.reporters.json_output import as_dict
from fzlint.reporters.json_text import dumps_indented
from fzlint.run.engine import FileResult, lint_path
from fzlint.settings import Settings

ROOT = Path(__file__).parent.parent


class Text(str):
    """A str subclass: JSON writes it as a string, the templates leave it to the general encoder."""


class OwnDiagnostic(Diagnostic):
    """A plugin's subclass with its own as_dict: never written from the attributes."""

    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        return {**Diagnostic.as_dict(self), "plugin": "own"}


class OwnEdit(Edit):
    """A plugin's subclass of Edit: left to the general path too."""

    __slots__ = ()


def general(diagnostics: list[Diagnostic], ascii_escape: bool) -> list[str]:
    """The general path: each finding's as_dict through the indented encoder (json.dumps's text)."""
    return [dumps_indented(as_dict(d), ensure_ascii=ascii_escape, level=1) for d in diagnostics]


def outcome(write: Any) -> tuple[str, Any]:
    try:
        return "ok", write()
    except Exception as error:  # the same failure either way (a plugin's bad field)
        return "raised", type(error)


def direct(diagnostics: list[Diagnostic], ascii_escape: bool, reporter: Any = json_output) -> list[str]:
    options = ReportOptions(registry=None, extra={"ascii": ascii_escape})  # type: ignore[arg-type]
    return list(reporter.items([FileResult("x", diagnostics)], options))


def general_lines(diagnostics: list[Diagnostic], ascii_escape: bool) -> list[str]:
    """What json-lines wrote before: json.dumps of each finding's as_dict."""
    return [json.dumps(as_dict(d), ensure_ascii=ascii_escape) + "\n" for d in diagnostics]


def mostly(plain: st.SearchStrategy[Any], odd: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Each field odd on its own, one draw in eight: many findings odd in one field only."""
    return st.integers(0, 7).flatmap(lambda k: odd if k == 0 else plain)


_TEXT = mostly(
    st.text(max_size=8),
    st.sampled_from(["政务公开", "a\nb\x1b\u202e", "\ud800", 7, None]) | st.builds(Text, st.text(max_size=4)),
)
_INT = mostly(st.integers(1, 10**6), st.integers(-5, 0) | st.sampled_from([True, False, 1.5, None, 2**70]))
_EDIT = mostly(
    st.builds(Edit, _INT, _INT, _INT, _INT, _TEXT),
    st.builds(OwnEdit, _INT, _INT, _INT, _INT, _TEXT) | st.builds(dict, line=st.integers()) | st.none(),
)
_EDITS = st.lists(_EDIT, max_size=4)
_FIX = mostly(
    st.none() | st.builds(Fix, _EDITS.map(tuple), _TEXT, mostly(st.booleans(), st.sampled_from([0, 1, None, "yes"]))),
    st.builds(Fix, _EDITS, _TEXT, st.booleans()),  # a list of edits: as_dict takes any iterable
)
_SEVERITY = mostly(st.sampled_from(list(Severity)), st.sampled_from(["error", "warning", None]))
_PATH = mostly(
    st.sampled_from(["report.txt", "报告.txt"]),
    st.sampled_from(["a\nb.txt", "bad\udcff.txt", ""]) | st.text(max_size=6),
)


@st.composite
def diagnostics(draw: st.DrawFn) -> Diagnostic:
    kind = draw(mostly(st.just(Diagnostic), st.just(OwnDiagnostic)))
    return kind(
        *(draw(_PATH), draw(_INT), draw(_INT), draw(_INT), draw(_INT), draw(_TEXT), draw(_TEXT)),
        *(draw(_SEVERITY), draw(_TEXT), draw(_FIX)),
        extra=draw(st.none() | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)),
        covers=draw(st.none() | st.tuples(st.integers(1, 9), st.integers(1, 9))),
    )


@settings(max_examples=600, deadline=None)
@given(st.lists(diagnostics(), max_size=6), st.booleans())
def test_items_write_what_the_general_path_writes_for_every_shape(found: list[Diagnostic], ascii_escape: bool) -> None:
    assert outcome(lambda: direct(found, ascii_escape)) == outcome(lambda: general(found, ascii_escape))
    lines = outcome(lambda: direct(found, ascii_escape, json_lines))
    assert lines == outcome(lambda: general_lines(found, ascii_escape))


@settings(max_examples=200, deadline=None)
@given(st.lists(diagnostics(), min_size=1, max_size=4), st.booleans())
def test_a_file_s_path_is_escaped_once_and_still_right(found: list[Diagnostic], ascii_escape: bool) -> None:
    # Equal paths in distinct string objects and a path that changes between findings.
    again = [Diagnostic("".join(list("报告\n.txt")), *_fields(d)) for d in found if type(d) is Diagnostic]
    again += [Diagnostic("报告\n.txt", *_fields(d)) for d in found if type(d) is Diagnostic]
    mixed = found + again + found
    assert outcome(lambda: direct(mixed, ascii_escape)) == outcome(lambda: general(mixed, ascii_escape))
    lines = outcome(lambda: direct(mixed, ascii_escape, json_lines))
    assert lines == outcome(lambda: general_lines(mixed, ascii_escape))


def _fields(d: Diagnostic) -> tuple:
    return (d.line, d.column, d.end_line, d.end_column, d.code, d.name, d.severity, d.message, d.fix)


def test_seed_and_corpus_findings_are_written_as_before() -> None:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "corpus" / "web").glob("*.txt"))
    results = [lint_path(path, Settings(), REGISTRY) for path in paths]
    found = [d for result in results for d in result.diagnostics]
    shapes = {0 if d.fix is None else len(d.fix.edits) for d in found}
    assert shapes == {0, 1}  # no fix and one edit: what rules make (several edits: above)
    for ascii_escape in (False, True):
        options = ReportOptions(registry=REGISTRY, extra={"ascii": ascii_escape})
        written = list(json_output.items(results, options))
        assert written == general(found, ascii_escape)
        assert json.loads("[" + ",".join(written) + "]") == [as_dict(d) for d in found]
        assert list(json_lines.items(results, options)) == general_lines(found, ascii_escape)
