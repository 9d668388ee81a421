"""``fzlint server`` driven by pytest-lsp over stdio: diagnostics, changes, code actions, hover."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import pytest_lsp
from lspclient import (
    ROOT,
    apply_edits,
    by_code,
    change,
    config,
    diagnostics_for,
    open_document,
    published,
    start,
)
from lsprotocol import types
from pytest_lsp import LanguageClient

SEED = ROOT / "seeds" / "003_6a86696c36e2d285.txt"
GARBLED = "探花公开"


@pytest_lsp.fixture(config=config())
async def client(lsp_client: LanguageClient):
    yield
    if lsp_client._server is not None and lsp_client._server.returncode is None:
        await lsp_client.shutdown_session()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copy(SEED, tmp_path / "report.txt")
    return tmp_path


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def expected_ranges(text: str, needle: str) -> list[types.Range]:
    """Every occurrence of ``needle`` as a UTF-16 range, computed from the text itself."""
    found = []
    for number, line in enumerate(text.split("\n")):
        start = line.find(needle)
        while start >= 0:
            begin, end = utf16(line[:start]), utf16(line[: start + len(needle)])
            found.append(types.Range(types.Position(number, begin), types.Position(number, end)))
            start = line.find(needle, start + 1)
    return found


@pytest.mark.asyncio
async def test_open_publishes_exact_ranges_with_severity_code_and_name(client: LanguageClient, workspace: Path):
    result = await start(client, workspace)
    assert result.capabilities.position_encoding == types.PositionEncodingKind.Utf16
    text = (workspace / "report.txt").read_text(encoding="utf-8")
    uri = open_document(client, workspace / "report.txt")
    found = await diagnostics_for(client, uri, 1)
    garbled = by_code(found, "W102")
    assert [d.range for d in garbled] == expected_ranges(text, GARBLED)
    assert len(garbled) == 4
    first = garbled[0]
    assert first.severity == types.DiagnosticSeverity.Error
    assert first.source == "fzlint"
    assert first.message == "“探花公开”是替换错误留下的乱词：请改为“政务公开”"
    assert first.data["name"] == "garbled-term"
    assert first.data["fix"]["applicability"] == "safe"
    title = by_code(found, "F101")[0]
    assert title.range == types.Range(types.Position(0, 0), types.Position(0, 1))
    # The same findings as `fzlint check` (P101 and the rest included), in the same order.
    from fzlint.document import Document
    from fzlint.run.engine import lint_document
    from fzlint.run.plugins import new_registry
    from fzlint.settings import Settings

    cli = lint_document(Document.from_text(str(workspace / "report.txt"), text), Settings(), new_registry())
    assert [d.code for d in found] == [d.code for d in cli]


@pytest.mark.asyncio
async def test_change_republishes_for_the_new_version_only(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    text = (workspace / "report.txt").read_text(encoding="utf-8")
    uri = open_document(client, workspace / "report.txt")
    await diagnostics_for(client, uri, 1)
    fixed_one = text.replace(GARBLED, "政务公开", 1)
    change(client, uri, 2, fixed_one)
    found = await diagnostics_for(client, uri, 2)
    assert [d.range for d in by_code(found, "W102")] == expected_ranges(fixed_one, GARBLED)
    assert len(by_code(found, "W102")) == 3


@pytest.mark.asyncio
async def test_a_burst_of_keystrokes_is_linted_once_at_the_latest_version(client: LanguageClient, workspace: Path):
    await start(client, workspace, {"debounceMs": 300})
    text = (workspace / "report.txt").read_text(encoding="utf-8")
    uri = open_document(client, workspace / "report.txt")
    await diagnostics_for(client, uri, 1)
    for version in range(2, 7):  # typing 5 characters at the end of the title line
        text = text.replace("\n", "字\n", 1)
        change(client, uri, version, text)
    await diagnostics_for(client, uri, 6)
    assert [p.version for p in published(client, uri)] == [1, 6]


@pytest.mark.asyncio
async def test_a_keystroke_relints_only_its_own_document(client: LanguageClient, workspace: Path):
    await start(client, workspace, {"debounceMs": 0})
    shutil.copy(SEED, workspace / "other.txt")
    uri = open_document(client, workspace / "report.txt")
    other = open_document(client, workspace / "other.txt")
    await diagnostics_for(client, uri, 1)
    await diagnostics_for(client, other, 1)
    text = (workspace / "report.txt").read_text(encoding="utf-8")
    change(client, uri, 2, text + "\n")
    await diagnostics_for(client, uri, 2)
    assert len(published(client, other)) == 1


@pytest.mark.asyncio
async def test_quick_fix_is_preferred_and_applying_it_removes_the_finding(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    text = (workspace / "report.txt").read_text(encoding="utf-8")
    uri = open_document(client, workspace / "report.txt")
    garbled = by_code(await diagnostics_for(client, uri, 1), "W102")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=garbled[0].range,
            context=types.CodeActionContext(diagnostics=[garbled[0]], only=[types.CodeActionKind.QuickFix]),
        )
    )
    assert [a.title for a in actions] == ["W102：改为“政务公开”"]
    action = actions[0]
    assert action.kind == types.CodeActionKind.QuickFix and action.is_preferred
    fixed = apply_edits(text, action.edit.changes[uri])
    assert fixed == text.replace(GARBLED, "政务公开", 1)
    change(client, uri, 2, fixed)
    after = by_code(await diagnostics_for(client, uri, 2), "W102")
    assert [d.range for d in after] == [d.range for d in garbled[1:]]


@pytest.mark.asyncio
async def test_unsafe_fix_is_labelled_and_not_preferred(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    text = SEED.read_text(encoding="utf-8").replace("(三)健全制度体系", "(五)健全制度体系", 1)
    uri = open_document(client, workspace / "report.txt", text)
    numbering = by_code(await diagnostics_for(client, uri, 1), "N101")[0]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=numbering.range,
            context=types.CodeActionContext(diagnostics=[numbering]),
        )
    )
    unsafe = [a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.title.startswith("N101")]
    assert len(unsafe) == 1 and "不安全" in unsafe[0].title and not unsafe[0].is_preferred
    assert apply_edits(text, unsafe[0].edit.changes[uri]) == SEED.read_text(encoding="utf-8")


@pytest.mark.asyncio
async def test_fix_all_safe_is_a_source_action(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    text = (workspace / "report.txt").read_text(encoding="utf-8")
    uri = open_document(client, workspace / "report.txt")
    await diagnostics_for(client, uri, 1)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    assert [a.kind for a in actions] == ["source.fixAll.fzlint"]
    fixed = apply_edits(text, actions[0].edit.changes[uri])
    # What `fzlint check --fix` writes for the same file.
    from clirun import run_cli

    run_cli("check", "--fix", "--isolated", "report.txt", cwd=workspace)
    assert fixed == (workspace / "report.txt").read_text(encoding="utf-8")
    assert GARBLED not in fixed
    change(client, uri, 2, fixed)
    assert not [
        d for d in await diagnostics_for(client, uri, 2) if d.data["fix"] and d.data["fix"]["applicability"] == "safe"
    ]


@pytest.mark.asyncio
async def test_hover_explains_the_rule_with_bad_and_good_example(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    uri = open_document(client, workspace / "report.txt")
    garbled = by_code(await diagnostics_for(client, uri, 1), "W102")[0]
    inside = types.Position(garbled.range.start.line, garbled.range.start.character + 2)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=inside)
    )
    assert hover is not None and hover.range == garbled.range
    value = hover.contents.value
    assert value.startswith("**W102 garbled-term**")
    from fzlint.run.plugins import new_registry

    rule = new_registry().rule("W102")
    assert rule.summary in value and "错误示例" in value and "正确示例" in value
    assert rule.bad.strip().splitlines()[0] in value and rule.good.strip().splitlines()[0] in value
    nowhere = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(3, 0))
    )
    assert nowhere is None or "W102" not in nowhere.contents.value


@pytest.mark.asyncio
async def test_shutdown_is_clean(client: LanguageClient, workspace: Path):
    await start(client, workspace)
    uri = open_document(client, workspace / "report.txt")
    await diagnostics_for(client, uri, 1)
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))
    await client.shutdown_async(None)
    client.exit(None)
    await client._server.wait()
    assert client._server.returncode == 0
    assert not published(client, uri)[-1].diagnostics  # closing clears the file's diagnostics
