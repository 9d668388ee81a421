"""A command line that does not mislead: every defect of issue 14, through the real CLI."""

from __future__ import annotations

import re
import shlex

import pytest
from clirun import run_cli
from conftest import ROOT, seed_text
from registry_for_tests import REGISTRY

SEED_003 = "seeds/003_6a86696c36e2d285.txt"


@pytest.mark.parametrize(
    ("option", "value", "nearest"),
    [("--select", "S1O1", "S101"), ("--ignore", "P1O1", "P101"), ("--extend-select", "W1O2", "W102")],
)
def test_unknown_code_on_the_command_line_is_a_usage_error_with_the_nearest(
    option: str, value: str, nearest: str
) -> None:
    result = run_cli("check", option, value, SEED_003)
    assert result.returncode == 2 and result.stdout == ""
    assert f"{option} 中的规则代码 {value!r} 不存在" in result.stderr and nearest in result.stderr


def test_known_prefixes_and_all_are_accepted() -> None:
    for value in ("S1", "w", "ALL", "P101,W"):
        assert run_cli("check", "--select", value, SEED_003).returncode in (0, 1), value


@pytest.mark.parametrize("fmt", ["rich", "concise", "json"])
def test_nothing_read_is_exit_2_and_never_no_problems(fmt: str, tmp_path) -> None:
    result = run_cli("check", "--format", fmt, str(tmp_path / "不存在.txt"))
    assert result.returncode == 2
    assert "未发现问题" not in result.stdout + result.stderr
    assert "不存在.txt: 文件或目录不存在" in result.stderr and "没有检查任何文件" in result.stderr


def test_only_unreadable_files_is_exit_2(tmp_path) -> None:
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip")
    result = run_cli("check", str(broken))
    assert result.returncode == 2 and "未发现问题" not in result.stdout
    assert "坏.docx" in result.stderr and "没有检查任何文件：1 个文件无法读取" in result.stderr
    assert result.stdout.strip().splitlines()[-1] == "未检查任何文件"


def test_a_folder_of_legacy_files_is_exit_2(tmp_path) -> None:
    (tmp_path / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "旧.wps").write_bytes(b"\xd0\xcf\x11\xe0")
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 2 and "未发现问题" not in result.stdout
    # folders are searched for .doc/.wps too (converted through LibreOffice when it is there)
    assert "旧.doc" in result.stderr and "旧.wps" in result.stderr
    assert (
        "没有检查任何文件：2 个文件无法读取" in result.stderr
        or "只有 .doc/.wps 文件（2 个），没有读取" in result.stderr
    )


def test_an_empty_folder_says_nothing_was_checked(tmp_path) -> None:
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 0 and "未发现问题" not in result.stdout
    assert "没有要检查的 .txt、.md 或 .docx 文件" in result.stderr


def test_one_readable_file_among_missing_ones_is_reported(tmp_path) -> None:
    result = run_cli("check", "--select", "S101", SEED_003, str(tmp_path / "无.txt"))
    assert result.returncode == 2  # unreadable input
    assert "未发现问题（检查了 1 个文件；1 个文件无法读取" in result.stdout and "没有检查任何文件" not in result.stderr


def test_fix_on_stdin_reports_its_count_without_a_file_count() -> None:
    result = run_cli("check", "--fix", "-", stdin=seed_text("003"))
    assert re.search(r"fzlint: 已修复 \d+ 处问题\n", result.stderr), result.stderr
    assert "个文件）" not in result.stderr.split("已修复", 1)[1].splitlines()[0]
    assert "政务公开" in result.stdout  # the fixed text


def formats() -> list[str]:
    from fzlint import reporters

    return sorted(reporters.available(REGISTRY))


@pytest.mark.parametrize("fmt", formats())
def test_output_file_for_every_format(fmt: str, tmp_path) -> None:
    target = tmp_path / f"report.{fmt}"
    to_file = run_cli("check", "--format", fmt, "-o", str(target), SEED_003)
    to_stdout = run_cli("check", "--format", fmt, SEED_003)
    assert to_file.returncode == to_stdout.returncode == 1
    assert to_file.stdout == "" and to_file.stderr == to_stdout.stderr
    assert target.read_text(encoding="utf-8") == to_stdout.stdout


def test_output_file_in_a_missing_folder_is_a_usage_error(tmp_path) -> None:
    result = run_cli("check", "-o", str(tmp_path / "无" / "r.json"), "--format", "json", SEED_003)
    assert result.returncode == 2 and "无法写入输出文件" in result.stderr


def test_help_texts_say_what_the_program_does() -> None:
    check = run_cli("check", "--help").stdout
    flat = " ".join(check.split("options:", 1)[1].split())
    fix_help = flat.split("--fix ", 1)[1].split(" --diff", 1)[0]
    assert "不改写" not in fix_help and ".docx也改写" in fix_help.replace(" ", "")
    for name in formats():  # every format that exists, and no other
        assert name in flat.split("--format FORMAT", 1)[1].split("--output-file", 1)[0].replace(" ", "")
    assert "--output-file PATH, -o PATH" in check
    top = run_cli("--help").stdout
    assert ".docx" in top


def readme_examples() -> list[tuple[str, list[str]]]:
    """(command, expected output rows) of each ```console block the README marks as real."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"(<!-- fzlint-[a-z]+[^>]*-->\n)?```console\n(.*?)```\n", readme, re.DOTALL):
        marker, body = match.group(1) or "", match.group(2)
        rows = body.rstrip("\n").split("\n")
        if not rows[0].startswith("$ fzlint "):
            continue
        assert marker, f"a console example is neither checked nor marked as an illustration: {rows[0]}"
        if marker.startswith("<!-- fzlint-example"):
            found.append((rows[0][2:], rows[1:]))
    return found


@pytest.mark.parametrize(("command", "expected"), readme_examples(), ids=lambda v: v if isinstance(v, str) else "")
def test_readme_examples_are_real_output(command: str, expected: list[str]) -> None:
    args = shlex.split(command)[1:]
    result = run_cli(*args, env={"COLUMNS": "80", "NO_COLOR": "1", "PYTHONUNBUFFERED": "1"}, merge_stderr=True)
    rows = [row.rstrip() for row in result.stdout.rstrip("\n").split("\n")]
    assert rows == [row.rstrip() for row in expected]


def test_readme_has_checked_examples() -> None:
    assert len(readme_examples()) >= 5
