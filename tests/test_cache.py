"""--cache: results keyed by content, settings, code and plugins; never trusted when damaged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from clirun import run_cli
from conftest import SEEDS


def _reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return folder


def _check(tmp_path: Path, *args: str):
    return run_cli("check", "--isolated", *args, "reports", cwd=tmp_path)


def test_nothing_is_written_without_asking(tmp_path: Path) -> None:
    _reports(tmp_path)
    _check(tmp_path, "--format", "concise")
    assert not (tmp_path / ".fzlint_cache").exists()


def test_a_second_run_answers_from_the_cache_with_identical_output(tmp_path: Path) -> None:
    _reports(tmp_path)
    for fmt in ("concise", "json", "sarif", "rich"):
        first = _check(tmp_path, "--cache", "--format", fmt, "--color", "never")
        entries = sorted((tmp_path / ".fzlint_cache").rglob("*.json"))
        second = _check(tmp_path, "--cache", "--format", fmt, "--color", "never")
        assert (first.stdout, first.returncode) == (second.stdout, second.returncode), fmt
        assert len(entries) == len(SEEDS)
    assert (tmp_path / ".fzlint_cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")


def test_content_and_settings_are_part_of_the_key(tmp_path: Path) -> None:
    folder = _reports(tmp_path)
    _check(tmp_path, "--cache", "--format", "concise")
    target = folder / SEEDS[0].name
    target.write_text(target.read_text(encoding="utf-8") + "\n多余的 空格\n", encoding="utf-8")
    changed = _check(tmp_path, "--cache", "--format", "concise")
    fresh = _check(tmp_path, "--no-cache", "--format", "concise")
    assert changed.stdout == fresh.stdout
    new_line = len(target.read_text(encoding="utf-8").splitlines())  # the P102 on the appended line
    assert f"reports/{SEEDS[0].name}:{new_line}:" in changed.stdout
    only_w = _check(tmp_path, "--cache", "--format", "concise", "--select", "W101")
    assert only_w.stdout and all(" W101 " in line for line in only_w.stdout.splitlines())


def test_damaged_or_foreign_entries_are_ignored_and_rewritten(tmp_path: Path) -> None:
    _reports(tmp_path)
    expected = _check(tmp_path, "--format", "json").stdout
    _check(tmp_path, "--cache", "--format", "json")
    entries = sorted((tmp_path / ".fzlint_cache").rglob("*.json"))
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_text(json.dumps({"format": 2, "key": "someone-else", "diagnostics": []}), encoding="utf-8")
    entries[2].write_text(json.dumps({"format": 2, "key": entries[2].stem, "diagnostics": [["x"]]}), encoding="utf-8")
    entries[3].write_bytes(b"\xff\xfe\x00garbage")
    assert _check(tmp_path, "--cache", "--format", "json").stdout == expected
    assert json.loads(entries[0].read_text(encoding="utf-8"))["key"] == entries[0].stem  # rewritten


def test_no_cache_beats_configuration_and_fix_never_uses_it(tmp_path: Path) -> None:
    _reports(tmp_path)
    (tmp_path / "fzlint.toml").write_text("cache = true\n", encoding="utf-8")
    run_cli("check", "--format", "concise", "reports", cwd=tmp_path)
    assert (tmp_path / ".fzlint_cache").is_dir()
    shutil.rmtree(tmp_path / ".fzlint_cache")
    run_cli("check", "--no-cache", "--format", "concise", "reports", cwd=tmp_path)
    assert not (tmp_path / ".fzlint_cache").exists()
    run_cli("check", "--fix", "--format", "concise", "reports", cwd=tmp_path)
    assert not (tmp_path / ".fzlint_cache").exists()


def test_an_unwritable_cache_directory_costs_nothing(tmp_path: Path) -> None:
    _reports(tmp_path)
    (tmp_path / "blocked").write_text("a file where the cache directory would go", encoding="utf-8")
    expected = _check(tmp_path, "--format", "concise")
    run = _check(tmp_path, "--cache", "--cache-dir", "blocked/cache", "--format", "concise")
    assert (run.stdout, run.returncode, run.stderr) == (expected.stdout, expected.returncode, expected.stderr)
