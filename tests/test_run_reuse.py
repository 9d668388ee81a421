"""What a run works out once for all its files: last year's report (--previous) and the part keywords."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fzlint.run import engine
from fzlint.run.engine import keywords_for, lint_path
from fzlint.run.plugins import new_registry
from fzlint.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
THIS_YEAR, LAST_YEAR = SEEDS / "000_4ab64fdfdf47868a.txt", SEEDS / "001_6d076c2639d301e5.txt"
OTHER_UNIT = SEEDS / "002_8d2595fd758a7fda.txt"


def test_last_year_is_read_and_parsed_once_for_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    previous = tmp_path / "2024.txt"
    shutil.copy(LAST_YEAR, previous)
    reports = []
    for number in range(3):
        report = tmp_path / f"r{number}.txt"
        shutil.copy(THIS_YEAR, report)
        reports.append(report)
    registry = new_registry()
    reads, parses = [], []
    load, build = engine.load_path, engine.build_report
    monkeypatch.setattr(engine, "load_path", lambda path, *a, **k: reads.append(Path(path).name) or load(path, *a, **k))
    monkeypatch.setattr(engine, "build_report", lambda doc, *a: parses.append(doc.path) or build(doc, *a))
    results = [lint_path(report, Settings(), registry, previous=previous) for report in reports]
    assert reads.count("2024.txt") == 1
    assert parses.count(str(previous)) == 1
    # the same findings as a run that reads last year's report for this file alone
    alone = lint_path(reports[0], Settings(), new_registry(), previous=previous)
    assert all(_findings(result.diagnostics) == _findings(alone.diagnostics) for result in results)
    assert any(d.code.startswith("Y2") for d in alone.diagnostics)


def _findings(diagnostics: list) -> list[tuple]:
    return [(d.code, d.line, d.column, d.message) for d in diagnostics]


def test_last_year_is_read_again_when_it_changes(tmp_path: Path) -> None:
    previous = tmp_path / "2024.txt"
    shutil.copy(LAST_YEAR, previous)
    registry = new_registry()
    first = lint_path(THIS_YEAR, Settings(), registry, previous=previous)
    shutil.copy(OTHER_UNIT, previous)  # now another unit's report
    second = lint_path(THIS_YEAR, Settings(), registry, previous=previous)
    assert "Y205" not in {d.code for d in first.diagnostics}
    assert "Y205" in {d.code for d in second.diagnostics}  # read again, not last run's report reused


def test_part_keywords_are_one_object_per_override() -> None:
    registry = new_registry()
    plain = keywords_for(Settings(), registry)
    assert keywords_for(Settings(), registry) is plain
    other = Settings(data_overrides={"parts": {"extend-achievements": ["工作成效"]}})
    assert keywords_for(other, registry) is not plain
    assert keywords_for(Settings(), new_registry()) is not plain  # a registry's plugins may add keywords
