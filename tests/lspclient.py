"""Driving ``fzlint server`` with pytest-lsp's client (a real LSP client over stdio)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

ROOT = Path(__file__).resolve().parent.parent
SERVER = [sys.executable, "-m", "fzlint.cli", "server"]
CRASHING_SERVER = [sys.executable, str(ROOT / "tests" / "lsp_crashing_server.py")]
ENV = {"FZLINT_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONPATH": str(ROOT)}
TIMEOUT = 30


def recording_client() -> LanguageClient:
    """pytest-lsp's client, also keeping every publishDiagnostics in order (to count them)."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []  # type: ignore[attr-defined]

    def publish(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)  # type: ignore[attr-defined]

    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations += params.registrations  # type: ignore[attr-defined]

    client.registrations = []  # type: ignore[attr-defined]
    features = {
        **DEFAULT_CLIENT_FEATURES,
        types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
        types.CLIENT_REGISTER_CAPABILITY: register,
    }
    register_lsp_features(client, features)
    return client


def config(command: list[str] = SERVER) -> ClientServerConfig:
    import os

    return ClientServerConfig(server_command=command, client_factory=recording_client, server_env={**os.environ, **ENV})


def capabilities(encodings: list[str] | None = None) -> types.ClientCapabilities:
    """Neovim 0.10's capabilities (with watched-file registration), offering ``encodings``."""
    caps = client_capabilities("neovim")
    caps.general = types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None
    caps.workspace.did_change_watched_files = types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
    return caps


async def start(
    client: LanguageClient, root: Path, options: dict[str, Any] | None = None, encodings: list[str] | None = None
) -> types.InitializeResult:
    params = types.InitializeParams(
        capabilities=capabilities(encodings),
        root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
        initialization_options=options,
    )
    return await client.initialize_session(params)


def published(client: LanguageClient, uri: str) -> list[types.PublishDiagnosticsParams]:
    return [p for p in client.published if p.uri == uri]  # type: ignore[attr-defined]


async def diagnostics_for(client: LanguageClient, uri: str, version: int, count: int = 1) -> list[types.Diagnostic]:
    """Wait until the ``count``-th publication for ``uri`` at ``version`` has arrived."""

    async def arrived() -> list[types.Diagnostic]:
        while True:
            matching = [p for p in published(client, uri) if p.version == version]
            if len(matching) >= count:
                return list(matching[count - 1].diagnostics)
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(arrived(), TIMEOUT)


def open_document(client: LanguageClient, path: Path, text: str | None = None, language: str = "plaintext") -> str:
    uri = path.as_uri()
    content = path.read_text(encoding="utf-8") if text is None else text
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id=language, version=1, text=content))
    )
    return uri


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    """The whole new text, as one change (every client may send it so)."""
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply UTF-16 LSP edits to ``text`` (as an editor would), last first."""
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le")
        return before + len(units)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def by_code(found: list[types.Diagnostic], code: str) -> list[types.Diagnostic]:
    return [d for d in found if d.code == code]
