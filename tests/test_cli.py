"""The command line: check (json, select/ignore, exit codes), rules, explain (by name, unknown)."""

from __future__ import annotations

import json

import pytest
from clirun import run_cli
from conftest import SEEDS, golden
from registry_for_tests import REGISTRY

from fzlint.cli import main

KEYS = ["path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix"]
# The select/ignore tests below count exactly these codes on the seeds (the core rules
# of issue 2); every registered rule's docs and examples are tested in test_rules_docs.py.
CORE_CODES = ["N101", "N102", "N103", "N104", "N105", "S101", "S102", "S103", "S104", "S105", "S106", "W101", "W102"]


def check_json(capsys, *args: str) -> tuple[int, list[dict]]:
    status = main(["check", "--format", "json", *args])
    return status, json.loads(capsys.readouterr().out)


def test_check_seeds_json_in_a_subprocess() -> None:
    result = run_cli("check", "--format", "json", "seeds/")
    assert result.returncode == 1, result.stderr
    items = json.loads(result.stdout)
    assert all(list(item) == KEYS for item in items)
    assert {item["path"] for item in items} <= {f"seeds/{p.name}" for p in SEEDS}
    counts = {p.name: sum(1 for i in items if i["path"] == f"seeds/{p.name}") for p in SEEDS}
    assert counts == {p.name: len(golden(p)) for p in SEEDS}
    first = items[0]
    assert (first["line"], first["column"], first["end_line"], first["end_column"]) == (1, 1, 1, 11)
    assert first["fix"]["edits"] == [{"line": 1, "column": 1, "end_line": 2, "end_column": 1, "content": ""}]
    assert result.stderr == ""


def test_check_rich_output_in_a_subprocess() -> None:
    result = run_cli("check", "--no-color", "--select", "W", "seeds/003_6a86696c36e2d285.txt")
    assert result.returncode == 1
    assert "seeds/003_6a86696c36e2d285.txt:5:161: 错误 W102 [garbled-term]" in result.stdout
    assert "共 4 个错误，0 个警告，0 个提示" in result.stdout


def test_clean_file_exits_zero(tmp_path, capsys) -> None:
    path = tmp_path / "ok.txt"
    path.write_text(
        "一、主要举措和成效\n正文。\n二、存在的问题\n（一）2024年度问题的改进情况\n"
        + "针对上一年度指出的问题，我局逐项整改，已全部完成，并建立长效机制防止反弹，"
        "今年组织专题培训十二场，覆盖执法人员八百余人次。\n"
        "（二）2025年度存在的不足和原因\n一是学法不够深入。\n三、2026年工作安排\n"
        "一是深化学法用法。\n",
        encoding="utf-8",
    )
    status, items = check_json(capsys, "--select", "S1,N1,W1", "--ignore", "S107", str(path))
    assert (status, items) == (0, [])


def test_warnings_alone_exit_zero(capsys) -> None:
    status, items = check_json(capsys, "--select", "S106", str(SEEDS[4]))
    assert [i["code"] for i in items] == ["S106"] and status == 0


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        (["--select", "W"], ["W101", "W102"]),
        (["--select", "W101"], ["W101"]),
        (["--select", "S1,W102"], ["S103", "S106", "W102"]),
        (["--ignore", "W"], ["N104", "N105", "S103", "S106"]),
        (["--ignore", "W101,N10"], ["S103", "S106", "W102"]),
        (["--select", "W", "--ignore", "W101"], ["W102"]),
        (["--select", "W1", "--ignore", "W"], ["W101", "W102"]),  # the longer prefix wins
        (["--select", "W", "--ignore", "W1"], []),
        (["--ignore", "W", "--select", "w101"], ["W101"]),  # codes are case-insensitive
        (["--select", "S", "--extend-select", "N104"], ["N104", "S103", "S106"]),
    ],
)
def test_select_and_ignore(capsys, options: list[str], codes: list[str]) -> None:
    status, items = check_json(capsys, *options, "seeds/")
    assert sorted({i["code"] for i in items if i["code"] in CORE_CODES}) == codes
    if "--select" in options:  # no other family slips through a selection
        assert {i["code"] for i in items} <= set(CORE_CODES) | {"S107"}
    assert status == (1 if any(i["severity"] == "error" for i in items) else 0)


def test_missing_path_exits_two_but_reports_the_rest(capsys) -> None:
    status = main(["check", "--format", "json", "--select", "W102", "no-such-file.txt", str(SEEDS[3])])
    out, err = capsys.readouterr()
    assert status == 2
    assert "fzlint: 错误：no-such-file.txt: 文件或目录不存在" in err
    assert len(json.loads(out)) == 4


def test_unknown_format_is_a_usage_error(capsys) -> None:
    assert main(["check", "--format", "xml", str(SEEDS[0])]) == 2
    assert "未知的输出格式 'xml'" in capsys.readouterr().err


def test_rules_lists_every_rule(capsys) -> None:
    assert main(["rules", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["code"] for r in rows] == sorted(REGISTRY.rules)
    assert all(set(r) == {"code", "name", "severity", "summary", "plugin"} for r in rows)
    result = run_cli("rules")
    assert result.returncode == 0
    for code in REGISTRY.rules:
        assert code in result.stdout
    assert f"fzlint 规则（{len(REGISTRY.rules)} 条）" in result.stdout


def test_explain_by_name_and_unknown(capsys) -> None:
    assert main(["explain", "missing-part"]) == 0
    assert capsys.readouterr().out.startswith("S101 missing-part")
    assert main(["explain", "Z999"]) == 2
    assert "没有规则 'Z999'" in capsys.readouterr().err
