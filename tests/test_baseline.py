"""--write-baseline / --baseline through the CLI: old findings hidden across line shifts, new ones shown."""

from __future__ import annotations

import json
from pathlib import Path

from clirun import run_cli
from conftest import SEEDS

SEED_000 = next(p for p in SEEDS if p.name.startswith("000")).read_text(encoding="utf-8").splitlines()
SEED_003 = next(p for p in SEEDS if p.name.startswith("003")).read_text(encoding="utf-8").splitlines()


def put(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check(cwd: Path, *args: str):
    result = run_cli("check", "--format", "json-lines", "--isolated", *args, cwd=cwd)
    return result, [(d["path"], d["line"], d["code"]) for d in map(json.loads, result.stdout.splitlines())]


def test_write_baseline_records_counts_and_exits_zero(tmp_path: Path) -> None:
    put(tmp_path / "reports" / "a.txt", SEED_000)
    put(tmp_path / "reports" / "b.txt", SEED_003)
    result, _ = check(tmp_path, "--write-baseline", ".fzlint-baseline.json", "reports")
    assert result.returncode == 0 and result.stdout == ""
    _, findings = check(tmp_path, "reports")
    recorded = json.loads((tmp_path / ".fzlint-baseline.json").read_text(encoding="utf-8"))
    assert recorded["tool"] == "fzlint" and recorded["version"] == 1
    assert sum(item["count"] for item in recorded["findings"]) == len(findings)
    assert f"{len(findings)} 个问题" in result.stderr
    assert {item["path"] for item in recorded["findings"]} == {"reports/a.txt", "reports/b.txt"}


def test_baseline_survives_inserted_lines_and_reports_new_defects(tmp_path: Path) -> None:
    put(tmp_path / "a.txt", SEED_000)
    check(tmp_path, "--write-baseline", "base.json", "a.txt")
    result, findings = check(tmp_path, "--baseline", "base.json", "a.txt")
    assert findings == [] and result.returncode == 0

    # Lines inserted above every finding: still the same findings, still hidden.
    _, before = check(tmp_path, "a.txt")
    shifted = [*SEED_000[:3], "本报告经局务会审议通过。", "", *SEED_000[3:]]
    put(tmp_path / "a.txt", shifted)
    _, moved = check(tmp_path, "a.txt")
    assert moved == [(p, line + 2 * (line > 3), code) for p, line, code in before]
    result, findings = check(tmp_path, "--baseline", "base.json", "a.txt")
    assert findings == [] and result.returncode == 0

    # A new defect is reported, at its new place.
    # A new paragraph with a defect is reported, at its place.
    garbled = [*shifted[:9], "  深化探花公开，推进依法行政。", *shifted[9:]]
    put(tmp_path / "a.txt", garbled)
    result, findings = check(tmp_path, "--baseline", "base.json", "a.txt")
    assert ("a.txt", 10, "W102") in findings and result.returncode == 1
    assert {line for _, line, _ in findings} == {10}


def test_duplicates_are_counted(tmp_path: Path) -> None:
    put(tmp_path / "b.txt", SEED_003)  # "探花公开" four times
    check(tmp_path, "--write-baseline", "base.json", "b.txt")
    recorded = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["findings"]
    assert max(item["count"] for item in recorded) >= 1
    # Copy one of the defective lines: one more of an identical finding is new.
    line = next(i for i, text in enumerate(SEED_003) if "探花公开" in text)
    put(tmp_path / "b.txt", [*SEED_003, SEED_003[line]])
    _, findings = check(tmp_path, "--baseline", "base.json", "b.txt")
    assert [code for _, _, code in findings if code == "W102"] == ["W102"] * SEED_003[line].count("探花公开")


def test_editing_the_flagged_line_shows_the_finding_again(tmp_path: Path) -> None:
    put(tmp_path / "a.txt", SEED_000)
    check(tmp_path, "--write-baseline", "base.json", "a.txt")
    edited = list(SEED_000)
    edited[4] = edited[4] + " 浏览次数：12"
    put(tmp_path / "a.txt", edited)
    _, findings = check(tmp_path, "--baseline", "base.json", "a.txt")
    assert findings == [("a.txt", 5, "W101")]


def test_baseline_paths_are_relative_to_the_baseline_file(tmp_path: Path) -> None:
    put(tmp_path / "reports" / "a.txt", SEED_003)
    check(tmp_path, "--write-baseline", "base.json", "reports")
    _, findings = check(tmp_path / "reports", "--baseline", "../base.json", "a.txt")
    assert findings == []


def test_missing_or_broken_baseline_is_a_usage_error(tmp_path: Path) -> None:
    put(tmp_path / "a.txt", SEED_003)
    result, _ = check(tmp_path, "--baseline", "none.json", "a.txt")
    assert result.returncode == 2 and "none.json" in result.stderr
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    result, _ = check(tmp_path, "--baseline", "bad.json", "a.txt")
    assert result.returncode == 2 and "bad.json" in result.stderr and result.stdout == ""


def test_baseline_and_write_baseline_are_exclusive(tmp_path: Path) -> None:
    result = run_cli("check", "--baseline", "a.json", "--write-baseline", "b.json", ".", cwd=tmp_path)
    assert result.returncode == 2 and not (tmp_path / "b.json").exists()
