"""``fzlint server``: position encodings, and settings resolved from the workspace as the CLI does."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import pytest_lsp
from clirun import run_cli
from lspclient import ROOT, by_code, change, config, diagnostics_for, open_document, start
from lsprotocol import types
from pytest_lsp import LanguageClient

SEED = ROOT / "seeds" / "003_6a86696c36e2d285.txt"
GARBLED = "探花公开"
WIDE = "𠀾"  # outside the BMP: two UTF-16 units, four UTF-8 bytes, one code point


@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copy(SEED, tmp_path / "report.txt")
    return tmp_path


UNITS = {
    "utf-8": lambda s: len(s.encode("utf-8")),
    "utf-16": lambda s: len(s.encode("utf-16-le")) // 2,
    "utf-32": len,
}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("offered", "chosen"),
    [(None, "utf-16"), (["utf-8"], "utf-8"), (["utf-32", "utf-16"], "utf-32"), (["utf-16", "utf-8"], "utf-16")],
)
async def test_position_encoding_is_negotiated_and_used(
    client: LanguageClient, workspace: Path, offered: list[str] | None, chosen: str
):
    result = await start(client, workspace, encodings=offered)
    assert result.capabilities.position_encoding == chosen
    lines = SEED.read_text(encoding="utf-8").split("\n")
    line = 4  # 0-based; it has CJK text before the garbled term, and now a non-BMP character
    lines[line] = WIDE + lines[line]
    text = "\n".join(lines)
    uri = open_document(client, workspace / "report.txt", text)
    found = by_code(await diagnostics_for(client, uri, 1), "W102")
    on_line = [d for d in found if d.range.start.line == line]
    start_char = lines[line].index(GARBLED)
    count = UNITS[chosen]
    expected = types.Range(
        types.Position(line, count(lines[line][:start_char])),
        types.Position(line, count(lines[line][: start_char + len(GARBLED)])),
    )
    assert [d.range for d in on_line] == [expected]
    assert count(lines[line][:start_char]) != start_char or chosen == "utf-32"
    # Hover and code actions read positions in the same units.
    inside = types.Position(line, expected.start.character + count(GARBLED[:2]))
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=inside)
    )
    assert hover is not None and hover.range == expected
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=expected,
            context=types.CodeActionContext(diagnostics=on_line, only=[types.CodeActionKind.QuickFix]),
        )
    )
    edits = [e for a in actions if a.title.startswith("W102") for e in a.edit.changes[uri]]
    assert [e.range for e in edits] == [expected] and edits[0].new_text == "政务公开"


@pytest.mark.asyncio
async def test_config_file_is_read_and_a_change_to_it_relints_open_files(client: LanguageClient, workspace: Path):
    (workspace / "fzlint.toml").write_text('ignore = ["W102"]\n', encoding="utf-8")
    await start(client, workspace)
    uri = open_document(client, workspace / "report.txt")
    assert not by_code(await diagnostics_for(client, uri, 1), "W102")
    # The server asked to be told about configuration files (registered after `initialized`).
    watchers = [w for r in client.registrations for w in r.register_options["watchers"]]
    assert [w["globPattern"] for w in watchers] == ["**/.fzlint.toml", "**/fzlint.toml", "**/pyproject.toml"]
    (workspace / "fzlint.toml").write_text('ignore = ["P"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=(workspace / "fzlint.toml").as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    found = await diagnostics_for(client, uri, 1, count=2)
    assert len(by_code(found, "W102")) == 4
    assert not [d for d in found if str(d.code).startswith("P")]


@pytest.mark.asyncio
async def test_pyproject_per_file_ignores_as_the_cli(client: LanguageClient, workspace: Path):
    (workspace / "pyproject.toml").write_text(
        '[tool.fzlint]\nselect = ["W1", "P101"]\n[tool.fzlint.per-file-ignores]\n"report.txt" = ["P101"]\n',
        encoding="utf-8",
    )
    shutil.copy(SEED, workspace / "other.txt")
    await start(client, workspace)
    report = open_document(client, workspace / "report.txt")
    other = open_document(client, workspace / "other.txt")
    mine, theirs = await diagnostics_for(client, report, 1), await diagnostics_for(client, other, 1)
    assert {d.code for d in mine} == {"W102"}
    assert {d.code for d in theirs} == {"W102", "P101"}
    cli = run_cli("check", "--format", "concise", "report.txt", "other.txt", cwd=workspace).stdout
    assert cli.count("report.txt:") == len(mine) and cli.count("other.txt:") == len(theirs)


@pytest.mark.asyncio
async def test_markdown_suppressions_apply(client: LanguageClient, workspace: Path):
    text = "<!-- fzlint-disable-file W102 -->\n" + SEED.read_text(encoding="utf-8")
    await start(client, workspace)
    uri = open_document(client, workspace / "report.md", text, language="markdown")
    found = await diagnostics_for(client, uri, 1)
    assert found and not by_code(found, "W102") and not by_code(found, "X101")


@pytest.mark.asyncio
async def test_baseline_hides_recorded_findings_only(client: LanguageClient, workspace: Path):
    recorded = run_cli("check", "--write-baseline", "base.json", "report.txt", cwd=workspace)
    assert recorded.returncode == 0, recorded.stderr
    await start(client, workspace, {"baseline": "base.json"})
    uri = open_document(client, workspace / "report.txt")
    assert await diagnostics_for(client, uri, 1) == []
    lines = (workspace / "report.txt").read_text(encoding="utf-8").split("\n")
    # A new body paragraph with a defect; the recorded findings move down a line and stay hidden.
    lines.insert(10, "深化探花公开，主动公开重大行政决策、规范性文件和行政执法信息，及时回应社会关切。")
    change(client, uri, 2, "\n".join(lines))
    found = await diagnostics_for(client, uri, 2)
    assert [(d.code, d.range.start.line) for d in found] == [("W102", 10)]


@pytest.mark.asyncio
async def test_a_broken_config_is_shown_not_fatal(client: LanguageClient, workspace: Path):
    (workspace / "fzlint.toml").write_text("ignore = [\n", encoding="utf-8")
    await start(client, workspace)
    uri = open_document(client, workspace / "report.txt")
    found = await diagnostics_for(client, uri, 1)
    assert len(found) == 1 and "fzlint.toml" in found[0].message and "TOML" in found[0].message
    (workspace / "fzlint.toml").write_text("ignore = []\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=(workspace / "fzlint.toml").as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert len(by_code(await diagnostics_for(client, uri, 1, count=2), "W102")) == 4


@pytest.mark.asyncio
async def test_other_languages_are_left_alone(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    (workspace / "notes.py").write_text("x = '探花公开'\n", encoding="utf-8")
    code = open_document(client, workspace / "notes.py", language="python")
    report = open_document(client, workspace / "report.txt")
    await diagnostics_for(client, report, 1)
    assert code not in client.diagnostics


@pytest.mark.asyncio
async def test_position_encoding_option_overrides_for_clients_that_count_bytes(client: LanguageClient, workspace: Path):
    result = await start(client, workspace, {"positionEncoding": "utf-8"})
    assert result.capabilities.position_encoding == "utf-8"
    text = SEED.read_text(encoding="utf-8")
    uri = open_document(client, workspace / "report.txt", text)
    found = by_code(await diagnostics_for(client, uri, 1), "W102")
    line = text.split("\n")[found[0].range.start.line]
    assert found[0].range.start.character == len(line[: line.index(GARBLED)].encode("utf-8"))


@pytest.mark.asyncio
async def test_changed_client_settings_relint_open_files(client: LanguageClient, workspace: Path):
    await start(client, workspace, {"select": ["W1", "F1"]})
    uri = open_document(client, workspace / "report.txt")
    assert {d.code for d in await diagnostics_for(client, uri, 1)} == {"W102", "F101"}
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"other": {"x": 1}}))
    settings = {"fzlint": {"select": ["W1", "F1"], "ignore": ["W102"]}}
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=settings))
    assert {d.code for d in await diagnostics_for(client, uri, 1, count=2)} == {"F101"}
    assert len([p for p in client.published if p.uri == uri]) == 2  # the other tool's section changed nothing


@pytest.mark.asyncio
async def test_save_relints_and_rule_docs_url_gives_code_description(client: LanguageClient, workspace: Path):
    await start(client, workspace, {"ruleDocsUrl": "https://example.org/rules/{code}-{name}.html"})
    uri = open_document(client, workspace / "report.txt")
    first = by_code(await diagnostics_for(client, uri, 1), "W102")[0]
    assert first.code_description.href == "https://example.org/rules/W102-garbled-term.html"
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))
    assert len(by_code(await diagnostics_for(client, uri, 1, count=2), "W102")) == 4


@pytest.mark.asyncio
async def test_last_years_report_from_the_config_as_the_cli(client: LanguageClient, tmp_path: Path):
    seeds = ROOT / "seeds"
    shutil.copy(seeds / "000_4ab64fdfdf47868a.txt", tmp_path / "report.txt")
    shutil.copy(seeds / "001_6d076c2639d301e5.txt", tmp_path / "last.txt")
    (tmp_path / "fzlint.toml").write_text('select = ["Y2"]\nprevious = "last.txt"\n', encoding="utf-8")
    await start(client, tmp_path)
    uri = open_document(client, tmp_path / "report.txt")
    found = [(d.code, d.range.start.line + 1) for d in await diagnostics_for(client, uri, 1)]
    assert found == [("Y202", 9), ("Y203", 21)]
    cli = run_cli("check", "--format", "json", "report.txt", cwd=tmp_path).stdout
    assert [(d["code"], d["line"]) for d in json.loads(cli)] == found
