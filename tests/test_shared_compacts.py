"""R101 and S104 share each line's compacted body (``compact_body``): S104 compacted with
``[\\s\\W_]+`` deleted, R101 with ``normalise``; both delete exactly the same characters."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint.parse.lines import Line, LineKind
from fzlint.rule import Context
from fzlint.rules.common.text import compact_body, normalise
from fzlint.rules.structure import _PUNCT
from fzlint.settings import Settings


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30))
def test_normalise_deletes_what_s104_deleted(text: str) -> None:
    assert normalise(text) == _PUNCT.sub("", text)


def test_a_line_is_compacted_once_per_report() -> None:
    context = Context(settings=Settings())
    line = Line(3, "一是加强 学习，（提高）能力。", LineKind.TEXT)
    assert compact_body(line, context) == "一是加强学习提高能力"
    other = Line(3, "changed", LineKind.TEXT)  # same index in the same report: read, not recomputed
    assert compact_body(other, context) == "一是加强学习提高能力"
    assert compact_body(other, Context(settings=Settings())) == "changed"


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="法治政府建设推进依法行政工作机制", max_size=40),
    st.text(alphabet="法治政府建设推进依法行政", max_size=40),
)
def test_s104_similarity_is_difflibs_with_characters_on_one_side_only(a: str, b: str) -> None:
    from difflib import SequenceMatcher

    from fzlint.rules.structure import _similar

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    assert _similar(a, b) == bool(a and b and matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8)
