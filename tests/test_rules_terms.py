"""T101 term-form, T102 confusable-word, T103 placeholder."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS, codes, lint_text, seed_text
from fixing import apply_fixes

from fzlint.diagnostics import Severity

SEED_002 = seed_text("002")


def only(diagnostics, code: str):
    return [d for d in diagnostics if d.code == code]


# -- T101 ----------------------------------------------------------------------------


def test_t101_fires_on_fazhi_compound_injected_into_seed() -> None:
    text = SEED_002.replace("深入践行习近平法治思想", "深入践行习近平法制思想", 1)
    found = only(lint_text(text), "T101")
    assert len(found) == 1
    d = found[0]
    assert (d.line, d.severity) == (1, Severity.ERROR)
    assert text.split("\n")[0][d.column - 1 : d.end_column - 1] == "习近平法制思想"
    assert "习近平法治思想" in d.message
    assert d.fix is not None and d.fix.safe
    assert apply_fixes(text, found) == SEED_002


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("推进法制政府建设", "推进法治政府建设"),
        ("坚持依法制国", "坚持依法治国"),
        ("党的二十届3中全会精神", "党的二十届三中全会精神"),
        ("二十届二中、3中全会", "二十届二中、三中全会"),
        ("学习党的20大精神", "学习党的二十大精神"),
        ("《法治政府建设与责任落实督查工作规定》", "《法治政府建设与责任落实督察工作规定》"),
        ("落实《法治政府建设实施纲要(2021-2025年)》", "落实《法治政府建设实施纲要（2021—2025年）》"),
        ("落实《法治政府建设实施纲要（2021~2025年）》", "落实《法治政府建设实施纲要（2021—2025年）》"),
    ],
)
def test_t101_fixes_wrong_forms(wrong: str, right: str) -> None:
    text = f"{wrong}，取得实效。"
    found = only(lint_text(text), "T101")
    assert len(found) == 1
    assert apply_fixes(text, found) == f"{right}，取得实效。"


@pytest.mark.parametrize(
    "text",
    [
        "市司法局法制审核科对文件进行法制审核。",
        "在《法制日报》发表文章，健全法制机构。",
        "建立健全领导干部集体学法制度。",
        "依法制定规范性文件。",
        "落实《法治政府建设实施纲要（2021—2025年）》《法治政府建设实施纲要（2021－2025年）》。",
        "党的二十大和二十届三中全会精神。",
        "区督查督办事项按期办结。",
    ],
)
def test_t101_quiet_on_right_forms(text: str) -> None:
    assert "T101" not in codes(lint_text(text))


def test_t101_uncertain_entry_is_a_warning_with_unsafe_fix() -> None:
    found = only(lint_text("运用法制思维解决问题。"), "T101")
    assert [d.severity for d in found] == [Severity.WARNING]
    assert found[0].fix is not None and not found[0].fix.safe


def test_t101_owns_the_seed_title_brackets_and_p101_does_not_repeat_them() -> None:
    text = seed_text("001")
    first = text.split("\n")[0]
    start = first.index("(2021-2025年)")
    t101 = [d for d in only(lint_text(text), "T101") if d.line == 1]
    assert [(d.column, d.end_column) for d in t101] == [(start + 1, start + 13)]
    bracket_columns = {start + 1, start + 12}
    p101 = {d.column for d in only(lint_text(text), "P101") if d.line == 1}
    assert not p101 & bracket_columns
    # With T101 switched off, P101 reports the two brackets itself.
    alone = {d.column for d in only(lint_text(text, ignore=["T101"]), "P101") if d.line == 1}
    assert bracket_columns <= alone


def test_t101_entry_can_be_disabled_by_configuration() -> None:
    text = "推进法制政府建设。"
    assert "T101" in codes(lint_text(text))
    off = {"terms": {"disable": ["法制政府"]}}
    assert "T101" not in codes(lint_text(text, data_overrides=off))


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_t101_quiet_on_seeds_without_wrong_terms(prefix: str) -> None:
    assert "T101" not in codes(lint_text(seed_text(prefix)))


# -- T102 ----------------------------------------------------------------------------


@pytest.mark.parametrize("dictionary", ["domain", "full"])
def test_t102_finds_seed_001_duotujing_with_either_dictionary(dictionary: str) -> None:
    found = only(lint_text(seed_text("001"), jieba_dictionary=dictionary), "T102")
    assert [(d.line, d.severity) for d in found] == [(36, Severity.WARNING)]
    line = seed_text("001").split("\n")[35]
    assert line[found[0].column - 1 : found[0].end_column - 1] == "多途经"
    assert found[0].fix is not None and not found[0].fix.safe  # context decides: unsafe
    assert "多途径" in found[0].message


@pytest.mark.parametrize("dictionary", ["domain", "full"])
@pytest.mark.parametrize(
    ("text", "fired"),
    [
        ("认真落实上级布署，取得实效。", True),
        ("坚持以经济建设为中心。", False),  # 以经 across a word boundary
        ("所有数据以经过审核的为准。", False),
        ("工作以经取得明显成效。", True),
        ("截止2024年底，共办理案件12件。", True),
        ("报名截止日期为3月1日。", False),  # 截止 is right here
        ("该线路多途经山区。", True),  # a real 途经: reported only as a warning to confirm
        ("再接再励，推动法治政府建设。", True),
    ],
)
def test_t102_respects_word_boundaries(dictionary: str, text: str, fired: bool) -> None:
    assert ("T102" in codes(lint_text(text, jieba_dictionary=dictionary))) is fired


def test_t102_certain_pair_is_an_error_with_safe_fix() -> None:
    text = "认真落实上级布署。"
    found = only(lint_text(text), "T102")
    assert found[0].severity is Severity.ERROR and found[0].fix.safe
    assert apply_fixes(text, found) == "认真落实上级部署。"


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_t102_quiet_on_seeds_without_confusables(prefix: str) -> None:
    assert "T102" not in codes(lint_text(seed_text(prefix)))


def _jieba_loaded_after(args: list[str]) -> bool:
    code = (
        f"import sys\nfrom fzlint.cli import main\ntry:\n    main({args!r})\n"
        "except SystemExit:\n    pass\nprint('JIEBA', 'jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False).stdout
    return "JIEBA True" in out


def test_jieba_is_not_loaded_for_rules_explain_or_text_without_candidates() -> None:
    seed_000 = str(next(p for p in SEEDS if p.name.startswith("000")))
    assert not _jieba_loaded_after(["rules"])
    assert not _jieba_loaded_after(["explain", "T102"])
    assert not _jieba_loaded_after(["check", "--format", "json", seed_000])


def test_jieba_is_loaded_when_a_candidate_needs_segmenting() -> None:
    seed_001 = str(next(p for p in SEEDS if p.name.startswith("001")))
    assert _jieba_loaded_after(["check", "--format", "json", seed_001])


# -- T103 ----------------------------------------------------------------------------


def test_t103_fires_on_placeholders_injected_into_seed() -> None:
    text = SEED_002.replace("信息公开申请30件", "信息公开申请XX件【待补充】", 1)
    found = only(lint_text(text), "T103")
    line = text.split("\n")[found[0].line - 1]
    assert [line[d.column - 1 : d.end_column - 1] for d in found] == ["XX", "【待补充】"]
    assert all(d.severity is Severity.ERROR for d in found)


@pytest.mark.parametrize(
    "text",
    [
        "某某局全年办理案件××件。",
        "TODO：补充数据。",
        "此处填写本年度主要举措。",
        "全年办理（待填写）件。",
    ],
)
def test_t103_fires_inline(text: str) -> None:
    assert "T103" in codes(lint_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "依法查处张某某违法案件。",
        "坚持问题导向，相关制度有待补充完善。",
        "制定数据安全策略，忽略次要问题，暂无违法案件发生。",
        "XXL-Job 调度平台完成迁移。",
    ],
)
def test_t103_quiet_on_ordinary_words(text: str) -> None:
    assert "T103" not in codes(lint_text(text))


REPORT = """某局2025年法治政府建设年度报告
一、主要举措和成效
（一）推进依法行政
{first}
二、存在的不足和原因
（一）2024年度存在问题的改进情况
{improvement}
（二）2025年度存在的不足和原因
一是法治宣传不够深入。
三、2026年工作安排
（一）其他需要报告的情况
{other}
"""


def _report(
    first: str = "全年办理行政复议案件12件，均依法审结。",
    improvement: str = ("针对上一年度法治宣传覆盖不够的问题，我局开展专题普法12场，覆盖基层一线人员800余人次。"),
    other: str = "无。",
) -> str:
    return REPORT.format(first=first, improvement=improvement, other=other)


def test_t103_whole_paragraph_lue_is_an_error() -> None:
    found = only(lint_text(_report(first="略。")), "T103")
    assert [(d.line, d.severity) for d in found] == [(4, Severity.ERROR)]


def test_t103_whole_paragraph_zanwu_is_a_warning_but_not_under_other_matters() -> None:
    found = only(lint_text(_report(first="暂无。")), "T103")
    assert [(d.line, d.severity) for d in found] == [(4, Severity.WARNING)]
    assert "T103" not in codes(lint_text(_report(other="暂无。")))


def test_t103_leaves_an_unfilled_improvement_section_to_s104() -> None:
    found = lint_text(_report(improvement="略。"))
    assert "S104" in codes(found)
    assert "T103" not in codes(found)
    # with S104 off, T103 reports the placeholder itself
    assert "T103" in codes(lint_text(_report(improvement="略。"), ignore=["S104"]))


def test_s104_uses_the_shared_placeholder_table() -> None:
    text = _report(
        improvement=("我局针对上一年度问题开展了整改，具体情况【待补充】，整改结果另行报送，持续推进落实工作。")
    )
    assert "S104" in codes(lint_text(text))
    extended = {"placeholders": {"whole": ["另行报告"]}}
    assert "S104" in codes(lint_text(_report(improvement="另行报告。"), data_overrides=extended))


def test_s104_and_t103_quiet_on_a_filled_report() -> None:
    found = codes(lint_text(_report()))
    assert "S104" not in found and "T103" not in found


def test_t103_quiet_on_all_seeds(seed) -> None:
    assert "T103" not in codes(lint_text(seed.read_text(encoding="utf-8")))


def test_t102_entry_can_be_disabled_and_extended_by_configuration() -> None:
    text = "认真落实上级布署。"
    off = {"confusables": {"disable": ["布署"]}}
    assert "T102" not in codes(lint_text(text, data_overrides=off))
    text = "我们将既往开来，再创佳绩。"
    assert "T102" not in codes(lint_text(text))
    extra = {"confusables": {"words": [{"wrong": "既往开来", "right": "继往开来"}]}}
    assert "T102" in codes(lint_text(text, data_overrides=extra))
