"""``fzlint server`` survives a crashing rule (E999 in the editor) and malformed client messages."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lspclient import (
    CRASHING_SERVER,
    ENV,
    ROOT,
    SERVER,
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


@pytest_lsp.fixture(config=config(CRASHING_SERVER))
async def crashing(lsp_client: LanguageClient):
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_a_crashing_rule_is_e999_and_the_server_keeps_running(crashing: LanguageClient, tmp_path: Path):
    shutil.copy(SEED, tmp_path / "report.txt")
    await start(crashing, tmp_path)
    uri = open_document(crashing, tmp_path / "report.txt")
    found = await diagnostics_for(crashing, uri, 1)
    crash = by_code(found, "E999")
    assert len(crash) == 1 and crash[0].severity == types.DiagnosticSeverity.Error
    assert "Z901" in crash[0].message and "规则故意出错" in crash[0].message
    assert len(by_code(found, "W102")) == 4  # the other rules' findings are all there
    change(crashing, uri, 2, SEED.read_text(encoding="utf-8").replace("探花公开", "政务公开"))
    again = await diagnostics_for(crashing, uri, 2)
    assert by_code(again, "E999") and not by_code(again, "W102")


@pytest.mark.asyncio
async def test_a_result_for_an_outdated_version_is_dropped(crashing: LanguageClient, tmp_path: Path):
    import asyncio

    shutil.copy(SEED, tmp_path / "report.txt")
    await start(crashing, tmp_path, {"debounceMs": 0})
    text = SEED.read_text(encoding="utf-8")
    uri = open_document(crashing, tmp_path / "report.txt", text)
    await diagnostics_for(crashing, uri, 1)
    change(crashing, uri, 2, text + "慢慢")  # this version's lint takes a second (rule Z902)
    await asyncio.sleep(0.2)
    change(crashing, uri, 3, text.replace("探花公开", "政务公开"))
    latest = await diagnostics_for(crashing, uri, 3)
    assert [p.version for p in published(crashing, uri)] == [1, 3]  # version 2's result never shown
    assert not by_code(latest, "W102")


# -- malformed messages, written byte for byte ------------------------------------------------


class RawClient:
    """The LSP base protocol by hand, to send what no well-behaved client library would."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            SERVER, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env={**os.environ, **ENV}
        )

    def send_bytes(self, body: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def send(self, message: dict[str, Any]) -> None:
        self.send_bytes(json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8"))

    def receive(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        length = 0
        while (header := self.process.stdout.readline()) not in (b"\r\n", b""):
            if header.lower().startswith(b"content-length:"):
                length = int(header.split(b":")[1])
        assert length, "the server closed its output"
        return json.loads(self.process.stdout.read(length))

    def response(self, msg_id: int | None) -> dict[str, Any]:
        while True:  # skip the server's own notifications and requests
            message = self.receive()
            if "method" not in message and message.get("id") == msg_id:
                return message


def test_malformed_messages_get_lsp_errors_and_the_server_answers_on(tmp_path: Path) -> None:
    client = RawClient(tmp_path)
    try:
        client.send({"id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": tmp_path.as_uri()}})
        assert "capabilities" in client.response(1)["result"]
        client.send({"method": "initialized", "params": {}})

        client.send_bytes(b"{this is not json")
        assert client.response(None)["error"]["code"] == -32700  # ParseError

        client.send({"id": 2, "method": "textDocument/hover", "params": {"textDocument": 5}})
        error = client.response(2)["error"]
        assert error["code"] == -32602 and "textDocument/hover" in error["message"]  # InvalidParams

        client.send({"id": 3, "method": "fzlint/noSuchMethod", "params": {}})
        assert client.response(3)["error"]["code"] == -32601  # MethodNotFound

        # A notification with bad params has no one to answer; it must not stop the server.
        client.send({"method": "textDocument/didOpen", "params": {"textDocument": {"uri": 1}}})
        # Asking about a document that was never opened is answered (with nothing).
        unknown = {"textDocument": {"uri": (tmp_path / "gone.txt").as_uri()}, "position": {"line": 0, "character": 0}}
        client.send({"id": 4, "method": "textDocument/hover", "params": unknown})
        assert client.response(4)["result"] is None

        uri = (tmp_path / "report.txt").as_uri()
        item = {"uri": uri, "languageId": "plaintext", "version": 1, "text": SEED.read_text(encoding="utf-8")}
        client.send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
        while (message := client.receive()).get("method") != "textDocument/publishDiagnostics":
            pass
        assert any(d["code"] == "W102" for d in message["params"]["diagnostics"])

        client.send({"id": 5, "method": "shutdown"})
        assert client.response(5)["result"] is None
        client.send({"method": "exit"})
        assert client.process.wait(timeout=30) == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()
            client.process.wait()
