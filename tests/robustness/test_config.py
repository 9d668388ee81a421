"""Broken configuration: one line naming the file and the key, exit 2, no traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from robustness.runner import SEED, assert_no_traceback, fzlint


def _check_with(tmp_path: Path, config: str | bytes, name: str = "fzlint.toml"):
    shutil.copy(SEED, tmp_path / "report.txt")
    path = tmp_path / name
    if isinstance(config, bytes):
        path.write_bytes(config)
    else:
        path.write_text(config, encoding="utf-8")
    return fzlint("check", "--format", "json", "report.txt", cwd=tmp_path), path


@pytest.mark.parametrize(
    ("config", "words"),
    [
        ('select = ["S1"\n', ["不是合法的 TOML"]),
        (b"year = 2025\n\xff\xfe\n", ["TOML"]),
        ("unknown-key = 1\n", ["未知的配置项", "unknown-key"]),
        ('improvement-min-length = "long"\n', ["improvement-min-length", "类型不对"]),
        ('select = "S1"\n', ["select", "类型不对"]),
        ('ignore = ["Z999"]\n', ["ignore", "Z999", "不存在"]),
        ('[per-file-ignores]\n"*.txt" = ["Q123"]\n', ["per-file-ignores", "Q123"]),
        ('[severity]\nS999 = "warning"\n', ["severity", "S999"]),
        ('[severity]\nS101 = "fatal"\n', ["severity", "fatal"]),
        ("max-file-size = -5\n", ["max-file-size", "负数"]),
        ('max-file-size = "lots"\n', ["max-file-size", "lots"]),
        ("max-file-size = true\n", ["max-file-size", "类型不对"]),
        ('[data.chrome]\nstrong = ["(unclosed"]\n', ["data.chrome.strong", "正则表达式", "(unclosed"]),
        ("[data.nonesuch]\nx = [1]\n", ["data.nonesuch"]),
        ('[data.chrome]\nstrong = "x"\n', ["data.chrome.strong", "列表"]),
    ],
    ids=[
        "bad-toml",
        "not-utf8",
        "unknown-key",
        "wrong-type-int",
        "wrong-type-list",
        "unknown-code",
        "unknown-code-per-file",
        "unknown-code-severity",
        "bad-severity",
        "negative-size",
        "bad-size",
        "bool-size",
        "bad-regex",
        "unknown-data-table",
        "data-wrong-shape",
    ],
)
def test_invalid_config_names_file_and_key(tmp_path, config, words) -> None:
    run, path = _check_with(tmp_path, config)
    assert_no_traceback(run)
    assert run.returncode == 2
    lines = run.error_lines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("fzlint: 错误：") and str(path) in lines[0]
    for word in words:
        assert word in lines[0], lines[0]


def test_invalid_pyproject_table_names_the_table(tmp_path) -> None:
    run, path = _check_with(tmp_path, "[tool.fzlint]\nselect = 3\n", name="pyproject.toml")
    assert_no_traceback(run)
    assert run.returncode == 2
    assert str(path) in run.stderr and "select" in run.stderr


def test_size_setting_accepts_units(tmp_path) -> None:
    run, _ = _check_with(tmp_path, 'max-file-size = "1KB"\n')
    assert_no_traceback(run)
    assert run.returncode == 2
    assert "文件过大" in run.stderr and "1 KB" in run.stderr


def test_command_line_size_beats_the_config(tmp_path) -> None:
    shutil.copy(SEED, tmp_path / "report.txt")
    (tmp_path / "fzlint.toml").write_text('max-file-size = "1KB"\n', encoding="utf-8")
    run = fzlint("check", "--format", "json", "--max-file-size", "1MB", "report.txt", cwd=tmp_path)
    assert_no_traceback(run)
    assert run.stderr == "" and run.returncode == 1


def test_config_path_that_is_missing(tmp_path) -> None:
    shutil.copy(SEED, tmp_path / "report.txt")
    run = fzlint("check", "--config", tmp_path / "nope.toml", "report.txt", cwd=tmp_path)
    assert_no_traceback(run)
    assert run.returncode == 2 and "nope.toml" in run.stderr
