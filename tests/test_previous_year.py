"""Y2xx: this year's report against last year's, on the real pair 000 (2025) / 001 (2024).

What reading the pair established (the golden expectations below say exactly this):
- 2024's 不足和原因 (001 line 36) lists two problems: 一是 法治宣传教育高频次覆盖不够;
  二是 政务服务在高标准便利方面仍有不足 (智能化). 2025's 改进情况 (000 line 65) takes up both:
  一是 加大宣传力度… and its summary 法治宣传工作覆盖广度与深度得到进一步拓展 answer the first;
  二是/三是 (高效办成一件事, AI+政务服务) and 政务服务的便捷性、智能化均有效提升 the second. No Y201.
- 2024's 下一年度安排 (001 lines 39–41): 加强法治宣传教育 (2025 part one has 法治宣传/普法),
  深化“高效办成一件事”改革 (2025 (三)4.推动高效办成一件事), and 促进政务服务标准化、规范化、便利化,
  of which 2025's part one says nothing about 标准化/规范化/便利化: one Y202 (info).
- 000 line 21 (行政审批提速增效, 911 个事项…) is 001 line 9 with one figure changed: one Y203.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from itertools import combinations
from pathlib import Path

import pytest
from clirun import run_cli
from conftest import ROOT, SEEDS
from registry_for_tests import REGISTRY

from fzlint import data
from fzlint.document import Document
from fzlint.parse.outline import build_report
from fzlint.rules.previous_year import _paragraph_shingles
from fzlint.run.engine import keywords_for, lint_document
from fzlint.settings import Settings

SEED = {path.name[:3]: path for path in SEEDS}
TEXT = {key: path.read_text(encoding="utf-8") for key, path in SEED.items()}
CORPUS = ROOT / "tests" / "corpus" / "web"


def found(current: str, previous: str, select: tuple[str, ...] = ("Y2", "Y101")) -> list[tuple[str, int, str]]:
    diagnostics = lint_document(
        Document.from_text("2025.txt", current),
        Settings(select=list(select)),
        REGISTRY,
        Document.from_text("2024.txt", previous),
    )
    return [(d.code, d.line, d.message) for d in diagnostics]


def codes(findings: list[tuple[str, int, str]]) -> list[tuple[str, int]]:
    return [(code, line) for code, line, _ in findings]


def test_real_pair_golden() -> None:
    assert codes(found(TEXT["000"], TEXT["001"])) == [("Y202", 9), ("Y203", 21)]
    _, _, plan = found(TEXT["000"], TEXT["001"])[0]
    assert "第 40 行" in plan and "促进政务服务标准化、规范化、便利化" in plan


def test_dropping_an_addressed_item_gives_one_unaddressed_problem_naming_it() -> None:
    dropped = TEXT["000"]
    for piece in (
        "一是加大宣传力度,线上线下开展普法宣传工作,线上依托新媒体平台宣传相关法律法规;线下依托局党组“第一议题”、"
        "罗湖区政务服务中心宣传阵地学习宣传。同时,邀请法律专家讲解与政务服务密切相关的法律法规。",
        "法治宣传工作覆盖广度与深度得到进一步拓展,",
    ):
        assert piece in dropped
        dropped = dropped.replace(piece, "")
    unaddressed = [f for f in found(dropped, TEXT["001"]) if f[0] == "Y201"]
    assert len(unaddressed) == 1
    _, line, message = unaddressed[0]
    assert line == 63  # this year's 改进情况 heading
    assert "第 36 行" in message and "法治宣传教育高频次覆盖不够" in message


def test_pasting_last_years_shortcomings_is_a_copied_error() -> None:
    last_year = TEXT["001"].splitlines()[35]  # 2024's 不足和原因 paragraph
    this_year = TEXT["000"].splitlines()
    this_year[68] = "  " + last_year  # 2025's 不足和原因 paragraph
    diagnostics = lint_document(
        Document.from_text("2025.txt", "\n".join(this_year)),
        Settings(select=["Y203"]),
        REGISTRY,
        Document.from_text("2024.txt", TEXT["001"]),
    )
    copied = [d for d in diagnostics if d.line == 69]
    assert len(copied) == 1 and copied[0].severity.value == "error"
    assert "存在的不足和原因" in copied[0].message and "第 36 行" in copied[0].message


def test_a_copied_sentence_keeping_last_years_year_is_one_finding() -> None:
    lines = TEXT["000"].splitlines()
    copied = TEXT["001"].splitlines()[10]  # 按照省、市、区统一部署,2024年印发…
    assert "2024年" in copied
    lines.insert(20, copied)
    result = found("\n".join(lines), TEXT["001"])
    stale = [f for f in result if f[0] == "Y204"]
    assert len(stale) == 1 and stale[0][1] == 21
    assert "2024" in stale[0][2] and "2025" in stale[0][2]


def test_a_stale_heading_year_is_y101_only() -> None:
    lines = TEXT["000"].splitlines()
    lines[66] = lines[66].replace("2025年度推进", "2024年度推进")  # (二)…存在的不足和原因, copied unchanged
    at_line = [code for code, line, _ in found("\n".join(lines), TEXT["001"]) if line == 67]
    assert at_line == ["Y101"]


@pytest.mark.parametrize("other", ["002", "003", "004"])
def test_unrelated_reports_get_one_mismatch_and_nothing_else(other: str) -> None:
    result = found(TEXT["000"], TEXT[other])
    assert [code for code, _, _ in result] == ["Y205"]


def test_no_previous_no_y2_and_no_jieba() -> None:
    diagnostics = lint_document(Document.from_text("r.txt", TEXT["000"]), Settings(select=["Y2"]), REGISTRY)
    assert diagnostics == []
    code = (
        "import sys\nfrom fzlint.cli import main\ntry:\n"
        f"    main(['check', '--format', 'json', {str(SEED['000'])!r}])\n"
        "except SystemExit:\n    pass\nprint('JIEBA', 'jieba' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False).stdout
    assert "JIEBA False" in out


def _corpus_documents() -> list[tuple[str, str]]:
    docs = [
        (path.name, "深圳市罗湖区政务服务和数据管理局" if path.name[:3] in ("000", "001") else path.name)
        for path in SEEDS
    ]
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    for label in sorted(CORPUS.glob("*.toml")):
        meta = tomllib.loads(label.read_text(encoding="utf-8"))
        docs.append((label.stem, meta["unit"]))
        texts.append(label.with_suffix(".txt").read_text(encoding="utf-8"))
    return [(unit, text) for (_, unit), text in zip(docs, texts, strict=True)]


def test_no_copied_paragraph_between_different_units_of_seeds_and_corpus() -> None:
    """Y203's copy test, on every pair of documents of different units (no mismatch check)."""
    table = data.load("previous")
    keywords = keywords_for(Settings(), REGISTRY)
    documents = _corpus_documents()
    paragraphs = [
        _paragraph_shingles(build_report(Document.from_text(f"{i}.txt", text), keywords), table)
        for i, (_, text) in enumerate(documents)
    ]
    index: dict[str, set[int]] = {}
    for number, paras in enumerate(paragraphs):
        for _, pieces in paras:
            for piece in pieces:
                index.setdefault(piece, set()).add(number)
    copies = []
    for number, paras in enumerate(paragraphs):
        for line, pieces in paras:
            shared: dict[int, int] = {}
            for piece in pieces:
                for other in index[piece]:
                    if other != number and documents[other][0] != documents[number][0]:
                        shared[other] = shared.get(other, 0) + 1
            copies += [(number, line.index, o) for o, n in shared.items() if n / len(pieces) >= table["copied"]]
    assert len(documents) > 170
    assert copies == []


def test_unaddressed_problem_matches_on_every_pair_of_units() -> None:
    """Units differ pairwise among seeds 002–004: Y205 each time, never a flood."""
    for a, b in combinations(["002", "003", "004"], 2):
        assert [code for code, _, _ in found(TEXT[a], TEXT[b])] == ["Y205"]


def test_cli_previous_pair_years_config_and_errors(tmp_path: Path) -> None:
    result = run_cli(
        "check", "--isolated", "--select", "Y2", "--format", "json", str(SEED["000"]), "--previous", str(SEED["001"])
    )
    assert result.returncode == 0  # Y203 outside 不足和原因 is a warning, Y202 info
    assert [(d["code"], d["line"]) for d in json.loads(result.stdout)] == [("Y202", 9), ("Y203", 21)]

    paired = run_cli(
        "check", "--isolated", "--select", "Y2", "--format", "concise", "--pair-years", str(ROOT / "seeds")
    )
    assert ":21:3: warning: Y203 " in paired.stdout and ":9:3: info: Y202 " in paired.stdout

    missing = run_cli("check", "--isolated", str(SEED["000"]), "--previous", str(tmp_path / "去年.txt"))
    assert missing.returncode == 2
    assert "上一年度报告" in missing.stderr and "去年.txt" in missing.stderr

    (tmp_path / "2024.txt").write_text(TEXT["001"], encoding="utf-8")
    (tmp_path / "2025.txt").write_text(TEXT["000"], encoding="utf-8")
    (tmp_path / "fzlint.toml").write_text('previous = "2024.txt"\nselect = ["Y2"]\n', encoding="utf-8")
    configured = run_cli("check", "--format", "concise", "2025.txt", cwd=tmp_path)
    assert "2025.txt:21:3: warning: Y203 " in configured.stdout
