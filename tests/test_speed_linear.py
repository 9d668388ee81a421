"""The linear-time rewrites behave exactly like the straightforward code they replaced."""

from __future__ import annotations

from conftest import codes, lint_text
from hypothesis import given, settings
from hypothesis import strategies as st
from registry_for_tests import REGISTRY

from fzlint.parse.lines import Line, LineKind
from fzlint.parse.numerals import int_to_cn
from fzlint.rules import numbering


def _reference_enumerators(scope, exclusions):
    """The character-by-character scan that numbering.enumerators replaced."""
    expected_next = 1
    for line in scope:
        text, start = line.text, line.body_column
        index = start
        while index < len(text):
            ch = text[index]
            if ch in "一二三四五六七八九十" and numbering._at_sentence_start(text, index, start):
                match = numbering._ENUMERATOR.match(text, index)
                number = numbering._enumerator_value(match.group(1)) if match else 0
                if match and number:
                    yield (line.index, index, match.end(), number, False)
                    expected_next = number + 1
                    index = match.end()
                    continue
                loose = numbering._MALFORMED.match(text, index)
                if loose and expected_next > 1:
                    number = numbering._enumerator_value(loose.group(1))
                    if number == expected_next and not exclusions.excludes(text, index, loose.end()):
                        yield (line.index, index, loose.end(), number, True)
                        expected_next = number + 1
                        index = loose.end()
                        continue
            index += 1


EXCLUSIONS = numbering.NotEnumerators(frozenset("年个"), ("三中全会",))


ENUMERATION_TEXT = st.text(alphabet="一二三四五是深化。；，： 十年个中全会", max_size=40)


@settings(max_examples=400, deadline=None)
@given(st.lists(ENUMERATION_TEXT, min_size=1, max_size=4))
def test_enumerator_scan_matches_reference(texts: list[str]) -> None:
    scope = [Line(i, text, LineKind.TEXT) for i, text in enumerate(texts)]
    ours = [(e.line.index, e.column, e.end, e.number, e.malformed) for e in numbering.enumerators(scope, EXCLUSIONS)]
    assert ours == list(_reference_enumerators(scope, EXCLUSIONS))


def test_heading_sequence_survives_a_hundred_sections() -> None:
    sections = "\n".join(f"（{int_to_cn(n)}）工作{n}\n正文。" for n in range(1, 121))
    text = f"某局2025年法治政府建设年度报告\n一、主要举措和成效\n{sections}\n（{int_to_cn(122)}）多出的一节\n"
    found = lint_text(text)
    assert "E999" not in codes(found)  # the large file of the benchmark once crashed N101 here
    assert any(d.code == "N101" and int_to_cn(121) in d.message for d in found)


def _reference_similar_pairs(paragraphs, threshold):
    """R101's candidate search as first written (hashed shingles, Python loops)."""
    from collections import Counter, defaultdict

    from fzlint.rules.content import _RARE, _SHINGLE

    sets = [{hash(p.compact[i : i + _SHINGLE]) for i in range(len(p.compact) - _SHINGLE + 1)} for p in paragraphs]
    frequency = Counter(s for shingles in sets for s in shingles)
    first_seen: dict = {}
    index: dict = defaultdict(list)
    for number, shingles in enumerate(sets):
        original = first_seen.setdefault(paragraphs[number].compact, number)
        rare = [s for s in shingles if frequency[s] <= _RARE]
        if original != number:
            yield number, original, 1.0
        else:
            candidates = {other for s in rare for other in index[s]}
            best = max(
                ((len(shingles & sets[o]) / max(len(shingles), len(sets[o])), o) for o in candidates), default=None
            )
            if best is not None and best[0] >= threshold:
                yield number, best[1], best[0]
        for s in rare:
            index[s].append(number)


PARAGRAPH = st.text(alphabet="法治政府建设推进依法行政工作机制加强", min_size=0, max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(PARAGRAPH, max_size=25), st.sampled_from([0.5, 0.8, 0.9]))
def test_duplicate_search_matches_reference(texts: list[str], threshold: float) -> None:
    from fzlint.rules.content import Paragraph, _similar_pairs

    paragraphs = [Paragraph(i, 0, len(t), t) for i, t in enumerate(texts)]
    assert list(_similar_pairs(paragraphs, threshold)) == list(_reference_similar_pairs(paragraphs, threshold))


def test_duplicate_search_matches_reference_on_seeds() -> None:
    from conftest import SEEDS

    from fzlint.document import Document
    from fzlint.parse.outline import build_report
    from fzlint.rules.content import _paragraphs, _similar_pairs
    from fzlint.run.engine import keywords_for
    from fzlint.settings import Settings

    text = "\n".join(seed.read_text(encoding="utf-8") for seed in SEEDS)  # five reports: real repeats
    report = build_report(Document.from_text("all.txt", text), keywords_for(Settings(), REGISTRY))
    paragraphs = [p for p in _paragraphs(report) if len(p.compact) >= 30]
    ours = list(_similar_pairs(paragraphs, 0.8))
    assert ours == list(_reference_similar_pairs(paragraphs, 0.8))
    assert ours  # the concatenation does repeat paragraphs


def _reference_rates(text: str, bounded: tuple[str, ...], unbounded: tuple[str, ...]):
    """figures._rates by brute force: at every position the longest bounded word, by startswith."""
    from fzlint.rules import figures

    index = 0
    while index < len(text):
        word = max((w for w in bounded if text.startswith(w, index)), key=len, default="")
        if not word:
            index += 1
            continue
        end = index + len(word)
        if any(text.endswith(w, 0, end) and len(w) > len(word) for w in unbounded):
            index = end
            continue
        match = figures._RATE_VALUE.match(text, end)
        if match is None or figures._CHANGE.search(text, end, match.start(1)):
            index = end
            continue
        yield index, end, match.span()
        position = match.end()
        while (more := figures._MORE_VALUES.match(text, position)) is not None:
            yield index, end, more.span()
            position = more.end()
        index = end


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="率先表合格满意度结案办提升完成12.5%％、和 ，", max_size=40))
def test_rate_scan_matches_reference(text: str) -> None:
    from fzlint.rules import figures

    bounded, unbounded = ("合格率", "满意率", "满意度", "结案率", "办结率"), ("超额完成率", "完成率")
    words = figures._rate_words(bounded, unbounded)
    ours = [(a, b, m.span()) for a, b, m in figures._rates(text, words)]
    assert ours == list(_reference_rates(text, bounded, unbounded))


def _reference_similar(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    if not a or not b:
        return False
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="法治政府建设推进", max_size=30), st.text(alphabet="法治政府建设推进", max_size=30))
def test_improvement_similarity_matches_difflib(a: str, b: str) -> None:
    from fzlint.rules.structure import _similar

    assert _similar(a, b) == _reference_similar(a, b)
    assert _similar(a, a + a[: len(a) // 5]) == _reference_similar(a, a + a[: len(a) // 5])


def test_url_spans_still_find_addresses() -> None:
    from fzlint.rules.common.chinese import url_spans

    text = "请发送至 fz.office@sz.gov.cn，或访问 www.sz.gov.cn 与 https://x.cn/a?b=1。"
    found = [text[a:b] for a, b in url_spans(text)]
    assert found == ["fz.office@sz.gov.cn", "www.sz.gov.cn", "https://x.cn/a?b=1"]
    run = "法治" * 50 + "abc@x.cn"  # Han characters are \w: the whole run matches, as before
    assert [run[a:b] for a, b in url_spans(run)] == [run]
