"""R101's filtered pair search reports exactly what the exhaustive search reports."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from fzlint.rules.common.copies import exhaustive_pairs, similar_pairs


@dataclass(frozen=True)
class _Paragraph:
    compact: str
    label: str = ""


def _parallel(one: _Paragraph, other: _Paragraph) -> bool:
    return bool(one.label and other.label and one.label != other.label)


ALPHABET = "法治政府建设推进依法行政工作机制加强"
BASE = st.text(alphabet=ALPHABET, min_size=5, max_size=60)


@st.composite
def reports(draw: st.DrawFn) -> list[_Paragraph]:
    """Paragraphs of five or more characters, many of them edited copies of earlier ones
    (the case the filter must never miss), some with field labels."""
    texts: list[str] = []
    for _ in range(draw(st.integers(0, 14))):
        if texts and draw(st.booleans()):
            text = list(draw(st.sampled_from(texts)))
            for _ in range(draw(st.integers(0, 4))):
                if not text:
                    break
                at = draw(st.integers(0, len(text) - 1))
                text[at : at + draw(st.integers(0, 2))] = draw(st.text(alphabet=ALPHABET, max_size=3))
            texts.append("".join(text) if len(text) >= 5 else "".join(text) + "法治政府建")
        else:
            texts.append(draw(BASE))
    return [_Paragraph(t, draw(st.sampled_from(["", "", "甲", "乙"]))) for t in texts]


@settings(max_examples=400, deadline=None)
@given(reports(), st.sampled_from([0.3, 0.5, 0.8, 0.9, 1.0]))
def test_filtered_search_matches_exhaustive_search(paragraphs: list[_Paragraph], threshold: float) -> None:
    expected = list(exhaustive_pairs(paragraphs, threshold, _parallel))
    assert list(similar_pairs(paragraphs, threshold, _parallel)) == expected


def test_outside_the_bmp_falls_back_to_the_exhaustive_search() -> None:
    one = "法治政府建设\U00020000推进依法行政工作机制"
    paragraphs = [_Paragraph(one), _Paragraph(one.replace("推进", "加强"))]
    assert list(similar_pairs(paragraphs, 0.5, _parallel)) == list(exhaustive_pairs(paragraphs, 0.5, _parallel))
    assert list(similar_pairs(paragraphs, 0.5, _parallel))


def test_a_near_copy_of_real_text_is_found_by_both() -> None:
    one = "严格落实重大行政决策程序暂行条例，对涉及群众切身利益的事项开展公众参与和风险评估"
    paragraphs = [
        _Paragraph(one),
        _Paragraph("全面推行行政执法三项制度，规范执法行为"),
        _Paragraph(one.replace("开展", "组织")),
    ]
    found = list(similar_pairs(paragraphs, 0.8, _parallel))
    assert found == list(exhaustive_pairs(paragraphs, 0.8, _parallel))
    assert [(later, earlier) for later, earlier, _ in found] == [(2, 0)] and found[0][2] < 1.0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0xD000, max_codepoint=0x10010), max_size=12))
def test_the_bmp_check_is_the_maximum_code_point(text: str) -> None:
    from fzlint.rules.common.copies import SHINGLE, _fits

    assert _fits(text) == (len(text) >= SHINGLE and max(text, default="") <= "\uffff")
