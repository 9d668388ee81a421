"""Configuration files and stdin, end to end through the CLI (plus the loader's validation)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from clirun import run_cli
from conftest import SEEDS

from fzlint.config.resolve import ConfigError, Resolver, find_config, parse_table
from fzlint.settings import Settings

SEED_000 = next(p for p in SEEDS if p.name.startswith("000")).read_text(encoding="utf-8")
SEED_003 = next(p for p in SEEDS if p.name.startswith("003")).read_text(encoding="utf-8")
KNOWN = frozenset({"S101", "S104", "N101", "N104", "N105", "W101", "W102", "X101"})


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# These tests exercise configuration through the W1xx and N1xx rules; other rule families
# fire on the seeds as well and are left out of the comparisons.
def codes_of(result) -> list[str]:
    return [code for _, _, code in findings(result)]


def findings(result) -> list[tuple[str, int, str]]:
    found = [(d["path"], d["line"], d["code"]) for d in map(json.loads, result.stdout.splitlines())]
    return [f for f in found if f[2].startswith(("W", "N"))]


# -- discovery ------------------------------------------------------------------------


def test_pyproject_tool_table_applies_to_files_below(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.fzlint]\nignore = ["W102"]\n')
    write(tmp_path / "a" / "b" / "r.txt", SEED_003)
    result = run_cli("check", "--format", "json-lines", "--select", "W1", "a", cwd=tmp_path)
    assert "W102" not in codes_of(result)
    assert result.returncode == 0 and result.stdout == ""


def test_pyproject_without_tool_table_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "fzlint.toml", 'ignore = ["W102"]\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    write(tmp_path / "sub" / "r.txt", SEED_003)
    assert "W102" not in codes_of(run_cli("check", "--format", "json-lines", "sub", cwd=tmp_path))


def test_closest_config_wins_and_dotfile_beats_plain(tmp_path: Path) -> None:
    write(tmp_path / "fzlint.toml", 'ignore = ["W102"]\n')
    write(tmp_path / "inner" / "fzlint.toml", 'ignore = ["N10"]\n')
    write(tmp_path / "inner" / "r.txt", SEED_003)
    write(tmp_path / "outer.txt", SEED_003)
    result = run_cli("check", "--format", "json-lines", ".", cwd=tmp_path)
    by_file = {(path, code) for path, _, code in findings(result)}
    assert ("inner/r.txt", "W102") in by_file and ("outer.txt", "W102") not in by_file
    write(tmp_path / "inner" / ".fzlint.toml", 'ignore = ["W1"]\n')
    find_config.cache_clear()
    assert find_config(tmp_path / "inner") == tmp_path / "inner" / ".fzlint.toml"


def test_config_option_overrides_and_isolated_ignores(tmp_path: Path) -> None:
    write(tmp_path / "fzlint.toml", 'ignore = ["W102"]\n')
    other = write(tmp_path / "elsewhere" / "strict.toml", 'select = ["W102"]\n')
    write(tmp_path / "r.txt", SEED_003)
    assert codes_of(run_cli("check", "--format", "json-lines", "r.txt", cwd=tmp_path)) == []
    assert set(codes_of(run_cli("check", "--format", "json-lines", "--config", str(other), "r.txt", cwd=tmp_path))) == {
        "W102"
    }
    assert "W102" in codes_of(run_cli("check", "--format", "json-lines", "--isolated", "r.txt", cwd=tmp_path))


def test_command_line_adds_to_and_replaces_config(tmp_path: Path) -> None:
    write(tmp_path / "fzlint.toml", 'select = ["W"]\nignore = ["W102"]\n')
    write(tmp_path / "r.txt", SEED_000)
    base = set(codes_of(run_cli("check", "--format", "json-lines", "r.txt", cwd=tmp_path)))
    assert base == {"W101"}
    extended = codes_of(run_cli("check", "--format", "json-lines", "--extend-select", "N104", "r.txt", cwd=tmp_path))
    assert set(extended) == {"W101", "N104"}
    ignored = codes_of(run_cli("check", "--format", "json-lines", "--ignore", "W101", "r.txt", cwd=tmp_path))
    assert ignored == []
    replaced = codes_of(run_cli("check", "--format", "json-lines", "--select", "N105", "r.txt", cwd=tmp_path))
    assert set(replaced) == {"N105"}


# -- keys ---------------------------------------------------------------------------


def test_severity_override_changes_level_and_exit_code(tmp_path: Path) -> None:
    write(tmp_path / "fzlint.toml", '[severity]\nW102 = "warning"\n')
    write(tmp_path / "r.txt", SEED_003)
    result = run_cli("check", "--format", "json-lines", "r.txt", cwd=tmp_path)
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert {d["severity"] for d in items if d["code"] == "W102"} == {"warning"}
    only_w = run_cli("check", "--format", "json-lines", "--select", "W1", "r.txt", cwd=tmp_path)
    assert only_w.stdout and only_w.returncode == 0  # warnings alone never fail a run


def test_per_file_ignores_by_name_and_by_folder(tmp_path: Path) -> None:
    write(tmp_path / "fzlint.toml", '[per-file-ignores]\n"old/*.txt" = ["W102"]\n"旧*.txt" = ["W1"]\n')
    write(tmp_path / "old" / "a.txt", SEED_003)
    write(tmp_path / "new" / "a.txt", SEED_003)
    write(tmp_path / "new" / "旧稿.txt", SEED_003)
    result = run_cli("check", "--format", "json-lines", ".", cwd=tmp_path / "new")
    assert {path for path, _, _ in findings(result)} == {"a.txt"}
    # Globs with a folder are relative to the config file, wherever fzlint runs from.
    assert codes_of(run_cli("check", "--format", "json-lines", "a.txt", cwd=tmp_path / "old")) == []


def test_exclude_in_discovery_and_force_exclude_for_named_files(tmp_path: Path) -> None:
    write(tmp_path / "fzlint.toml", 'exclude = ["archive", "*.draft.txt"]\n')
    write(tmp_path / "archive" / "2019" / "a.txt", SEED_003)
    write(tmp_path / "b.draft.txt", SEED_003)
    write(tmp_path / "c.txt", SEED_003)
    result = run_cli("check", "--format", "json-lines", ".", cwd=tmp_path)
    assert {path for path, _, _ in findings(result)} == {"c.txt"}
    named = run_cli("check", "--format", "json-lines", "archive/2019/a.txt", cwd=tmp_path)
    assert findings(named), "a file named on the command line is linted"
    forced = run_cli(
        "check", "--format", "json-lines", "--force-exclude", "archive/2019/a.txt", "b.draft.txt", cwd=tmp_path
    )
    assert forced.stdout == "" and forced.returncode == 0


def test_year_and_improvement_min_length_reach_settings(tmp_path: Path) -> None:
    write(tmp_path / "fzlint.toml", "year = 2024\nimprovement-min-length = 400\n")
    resolved = Resolver(known_codes=KNOWN).for_directory(tmp_path)
    assert resolved.settings.year == 2024 and resolved.settings.improvement_min_length == 400
    assert resolved.sources["year"].endswith("fzlint.toml")
    assert resolved.sources["select"] == "默认"


def test_data_tables_extend_and_disable(tmp_path: Path) -> None:
    write(
        tmp_path / "extend" / "fzlint.toml",
        '[data.chrome]\nstrong = ["^2025年,在区委"]\n'
        '[data.garbled]\nterms = [{ wrong = "深学笃行", right = "深学笃行（示例）" }]\n',
    )
    write(tmp_path / "disable" / "fzlint.toml", '[data.garbled]\ndisable = ["探花公开"]\n')
    for folder in ("extend", "disable"):
        write(tmp_path / folder / "r.txt", SEED_003)
    extended = codes_of(run_cli("check", "--format", "json-lines", "r.txt", cwd=tmp_path / "extend"))
    assert extended.count("W102") == 5  # the shipped term four times plus the configured one
    assert extended.count("W101") == 1  # the configured chrome pattern
    assert "W102" not in codes_of(run_cli("check", "--format", "json-lines", "r.txt", cwd=tmp_path / "disable"))


def test_every_settings_field_is_a_config_key() -> None:
    """Fields other modules add become configurable without touching the loader."""
    defaults = Settings()
    table = {}
    for f in dataclasses.fields(Settings):
        if f.name == "data_overrides":
            continue
        value = getattr(defaults, f.name)
        if value is None:
            continue
        table[f.name.replace("_", "-")] = json.loads(json.dumps(value, default=str))
    values = parse_table(table, Path("fzlint.toml"), KNOWN)
    assert set(values) == {key.replace("-", "_") for key in table}


# -- errors: one line naming the file and the key, exit 2 -------------------------------------


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('selectt = ["W101"]\n', "'selectt'"),
        ("improvement_min_length = 3\n", "'improvement_min_length'"),
        ('year = "2024"\n', "year"),
        ('ignore = "W101"\n', "ignore"),
        ('select = ["Q999"]\n', "'Q999'"),
        ('[per-file-ignores]\n"*.txt" = ["W9"]\n', "'W9'"),
        ('[severity]\nW101 = "fatal"\n', "'fatal'"),
        ('[severity]\nW1 = "error"\n', "'W1'"),
        ("[data.nosuch]\nx = []\n", "nosuch"),
        ('[data.chrome]\nstrongg = ["x"]\n', "data.chrome.strongg"),
        ('[data.chrome]\nweak = "x"\n', "data.chrome.weak"),
        ('select = ["W101"\n', "TOML"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, text: str, needle: str) -> None:
    config = write(tmp_path / "fzlint.toml", text)
    write(tmp_path / "r.txt", SEED_003)
    result = run_cli("check", "r.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(config) in lines[0] and needle in lines[0], result.stderr


def test_bad_pyproject_names_tool_table_key(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.fzlint]\nyear = 20.5\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml.*year"):
        Resolver(known_codes=KNOWN).for_directory(tmp_path)


def test_missing_config_option_file_is_an_error(tmp_path: Path) -> None:
    result = run_cli("check", "--config", "nope.toml", ".", cwd=tmp_path)
    assert result.returncode == 2 and "nope.toml" in result.stderr


# -- fzlint config ----------------------------------------------------------------------


def test_config_command_shows_values_and_sources(tmp_path: Path) -> None:
    config = write(
        tmp_path / "pyproject.toml",
        '[tool.fzlint]\nignore = ["W102"]\nyear = 2025\n[tool.fzlint.data.chrome]\nweak = ["罗湖AI"]\n',
    )
    write(tmp_path / "sub" / "r.txt", "")
    result = run_cli("config", "sub/r.txt", cwd=tmp_path)
    assert result.returncode == 0
    text = result.stdout
    assert f"# 配置文件：{config} [tool.fzlint]" in text
    assert f'ignore = ["W102"]  # {config} [tool.fzlint]' in text
    assert "year = 2025" in text and 'select = ["ALL"]  # 默认' in text
    assert "[tool.fzlint.data.chrome]" in text and 'weak = ["罗湖AI"]' in text
    as_json = json.loads(run_cli("config", "--format", "json", ".", cwd=tmp_path).stdout)
    assert as_json["settings"]["ignore"] == ["W102"]
    assert as_json["sources"]["year"] == f"{config} [tool.fzlint]"
    isolated = run_cli("config", "--isolated", ".", cwd=tmp_path).stdout
    assert "ignore = []  # 默认" in isolated


# -- stdin ----------------------------------------------------------------------------


def test_stdin_reports_under_the_given_name_with_its_config(tmp_path: Path) -> None:
    write(tmp_path / "reports" / "fzlint.toml", '[per-file-ignores]\n"草稿*.md" = ["W101"]\n')
    plain = run_cli(
        "check", "-", "--stdin-filename", "reports/报告.md", "--format", "json-lines", cwd=tmp_path, stdin=SEED_000
    )
    assert plain.returncode == 1
    assert {path for path, _, _ in findings(plain)} == {"reports/报告.md"}
    assert "W101" in codes_of(plain)
    ignored = run_cli(
        "check", "-", "--stdin-filename", "reports/草稿1.md", "--format", "json-lines", cwd=tmp_path, stdin=SEED_000
    )
    assert "W101" not in codes_of(ignored) and codes_of(ignored)


def test_stdin_without_a_name_uses_the_current_folder(tmp_path: Path) -> None:
    write(tmp_path / "fzlint.toml", 'ignore = ["W102"]\n')
    result = run_cli("check", "-", "--format", "concise", "--select", "W1", cwd=tmp_path, stdin=SEED_003)
    assert result.returncode == 0 and result.stdout == ""
    loud = run_cli("check", "-", "--format", "concise", "--select", "W1", "--isolated", cwd=tmp_path, stdin=SEED_003)
    assert loud.stdout.startswith("-:5:161: error: W102 ")


def test_stdin_markdown_honours_suppressions(tmp_path: Path) -> None:
    text = "<!-- fzlint-disable W102 -->\n" + SEED_003
    result = run_cli("check", "-", "--stdin-filename", "r.md", "--format", "concise", cwd=tmp_path, stdin=text)
    assert "W102" not in result.stdout
