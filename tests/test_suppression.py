"""Suppression comments in Markdown and X101 unused-suppression, through the CLI and the engine."""

from __future__ import annotations

import json
from pathlib import Path

from clirun import run_cli
from conftest import SEEDS
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.parse.directives import parse, scopes
from fzlint.parse.lines import LineKind, classify
from fzlint.run.engine import lint_document
from fzlint.settings import Settings

SEED_000 = next(p for p in SEEDS if p.name.startswith("000")).read_text(encoding="utf-8").splitlines()
SEED_003 = next(p for p in SEEDS if p.name.startswith("003")).read_text(encoding="utf-8").splitlines()


def check_md(tmp_path: Path, lines: list[str], *args: str) -> list[tuple[int, str]]:
    report = tmp_path / "报告.md"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("check", "--format", "json-lines", "--isolated", *args, report.name, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    return [(d["line"], d["code"]) for d in map(json.loads, result.stdout.splitlines())]


def lint_md(lines: list[str], **settings: object):
    """The engine's findings: suppression comments are applied inside lint_document."""
    document = Document.from_text("r.md", "\n".join(lines), kind="markdown")
    return [(d.line, d.code) for d in lint_document(document, Settings(**settings), REGISTRY)]  # type: ignore[arg-type]


def test_seed_as_markdown_reports_like_text(tmp_path: Path) -> None:
    findings = check_md(tmp_path, SEED_000)
    assert (5, "W101") in findings and (77, "N105") in findings


def test_disable_next_line(tmp_path: Path) -> None:
    lines = [*SEED_000[:4], "<!-- fzlint-disable-next-line W101 -->", *SEED_000[4:]]
    findings = check_md(tmp_path, lines)
    assert (6, "W101") not in findings  # the chrome line, now line 6
    assert (1, "W101") in findings and (90, "W101") in findings
    assert not [f for f in findings if f[1] == "X101"]


def test_disable_next_line_skips_blank_lines_and_takes_several_codes(tmp_path: Path) -> None:
    lines = [*SEED_000[:3], "<!-- fzlint-disable-next-line W101, N104 -->", *SEED_000[3:]]
    findings = check_md(tmp_path, lines)
    assert (6, "W101") not in findings  # line 5 is blank: the next non-blank line is covered
    assert (4, "X101") in findings  # N104 suppressed nothing there


def test_disable_enable_block(tmp_path: Path) -> None:
    lines = [
        *SEED_000[:88],
        "<!-- fzlint-disable W101 -->",
        *SEED_000[88:91],
        "<!-- fzlint-enable W101 -->",
        *SEED_000[91:],
    ]
    findings = check_md(tmp_path, lines)
    # Seed lines 89-91 are inside the block (now 90-92); seed line 93 is after it (now 95).
    assert not {(90, "W101"), (91, "W101"), (92, "W101")} & set(findings)
    assert (95, "W101") in findings and (5, "W101") in findings


def test_enable_without_codes_closes_everything(tmp_path: Path) -> None:
    lines = [*SEED_000[:88], "<!-- fzlint-disable W101 N105 -->", "<!-- fzlint-enable -->", *SEED_000[88:]]
    findings = check_md(tmp_path, lines)
    assert (91, "W101") in findings
    assert {(89, "X101")} <= set(findings)
    assert sum(1 for f in findings if f == (89, "X101")) == 2  # both codes unused


def test_disable_file_and_disable_without_codes(tmp_path: Path) -> None:
    findings = check_md(tmp_path, ["<!-- fzlint-disable-file W1 -->", *SEED_000])
    assert not [f for f in findings if f[1].startswith("W1")] and (78, "N105") in findings
    everything = check_md(tmp_path, ["<!-- fzlint-disable -->", *SEED_000])
    assert everything == []


def test_unused_suppression_is_reported_with_position(tmp_path: Path) -> None:
    lines = [*SEED_003[:2], "<!-- fzlint-disable-next-line W101 -->", *SEED_003[2:]]
    report = tmp_path / "r.md"
    report.write_text("\n".join(lines), encoding="utf-8")
    result = run_cli("check", "--format", "json", "--isolated", "r.md", cwd=tmp_path)
    unused = [d for d in json.loads(result.stdout) if d["code"] == "X101"]
    assert len(unused) == 1
    (item,) = unused
    assert (item["line"], item["column"], item["end_column"]) == (3, 31, 35)
    assert lines[2][item["column"] - 1 : item["end_column"] - 1] == "W101"
    assert item["severity"] == "warning" and "W101" in item["message"] and "删除" in item["message"]


def test_unused_suppression_respects_ignore_and_not_enabled_codes(tmp_path: Path) -> None:
    lines = ["<!-- fzlint-disable-file N104 -->", *SEED_003]
    assert (1, "X101") in check_md(tmp_path, lines)
    assert (1, "X101") not in check_md(tmp_path, lines, "--ignore", "X101")
    assert (1, "X101") not in check_md(tmp_path, lines, "--ignore", "N104")  # may be needed when N104 runs
    assert (1, "X101") not in check_md(tmp_path, ["<!-- fzlint-disable-file N104 X101 -->", *SEED_003])


def test_misspelled_directive_and_unknown_code(tmp_path: Path) -> None:
    lines = ["<!-- fzlint-disable-nextline W101 -->", "<!-- fzlint-disable-file Q123 -->", *SEED_003]
    findings = check_md(tmp_path, lines)
    assert (1, "X101") in findings and (2, "X101") in findings


def test_suppressions_only_in_markdown(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("<!-- fzlint-disable-file W102 -->\n" + "\n".join(SEED_003), encoding="utf-8")
    result = run_cli("check", "--format", "json-lines", "--isolated", "r.txt", cwd=tmp_path)
    assert '"W102"' in result.stdout and '"X101"' not in result.stdout


def test_comment_lines_are_not_report_text() -> None:
    """A suppression above the title or in the closing must not change the outline."""
    lines = ["<!-- fzlint-disable-file N104 -->", *SEED_000]
    document = Document.from_text("r.md", "\n".join(lines), kind="markdown")
    kinds = classify(document)
    assert kinds[0].kind is LineKind.COMMENT
    plain = lint_md(SEED_000)
    commented = lint_md(lines)
    assert [(line + 1, code) for line, code in plain if code != "N104"] == commented
    # Comments between the date and the chrome, and a <br>-like comment, stay comments.
    closing = [*SEED_000[:84], "<!-- 落款 <br> 2025 -->", *SEED_000[84:]]
    assert [(ln + (ln > 84), c) for ln, c in plain] == lint_md(closing)


def test_scopes_and_parse_units() -> None:
    lines = ["<!-- fzlint-disable W101,N1 -->", "x", "<!-- fzlint-enable N1 -->", "y"]
    good, bad = parse(lines)
    assert not bad and good[0].codes == {"W101": 21, "N1": 26}
    ranges = {(s.code, s.first, s.last) for s in scopes(good, lines)}
    assert ranges == {("N1", 2, 2), ("W101", 2, 4)}


def test_x101_is_a_documented_rule() -> None:
    cls = REGISTRY.rule("X101")
    assert cls is not None and cls.name == "unused-suppression"
    text = cls.explain()
    assert "fzlint-disable" in text and "错误示例" in text
    # Its good example really suppresses something, its bad one nothing.
    assert lint_md([*SEED_003[:3], *cls.bad.splitlines()]).count((4, "X101")) == 1
    assert not [f for f in lint_md(["某某局2025年法治政府建设年度报告", *cls.good.splitlines()]) if f[1] == "X101"]


def test_words_inside_a_comment_are_not_checked_as_report_text() -> None:
    """A directive's own note may hold half-width punctuation, XX or 第一责任人: none of it is report text."""
    lines = [
        "一、主要举措和成效",
        "<!-- fzlint-disable-next-line P102 -->",
        "深化政务公开 ，以法治规范权力运行。",
        "<!-- 备注, 待核对XX：主要负责人履行推进法治建设第一责任人职责 -->",
    ]
    found = lint_md(lines)
    assert not [(line, code) for line, code in found if line in (2, 4)]
    assert (1, "S107") in found  # the comment does not count as the statement S107 wants
    commented_out = lint_md([*lines[:3], "备注, 待核对XX：主要负责人履行推进法治建设第一责任人职责"])
    assert {(4, "P101"), (4, "T103")} <= set(commented_out)  # the same words as text do fire
