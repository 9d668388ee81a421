"""The language server: open/change/save/close, code actions, hover, watched config files.

Linting runs on one worker thread, so the event loop keeps reading messages (a new
keystroke, a cancel, a malformed message) while a document is linted, and two lints
never run at once (the rules share module-level caches and jieba). A change is linted
after ``debounceMs`` of quiet; each document has at most one pending lint, a newer
change replaces it, and a result is published only if the document is still at the
version that was linted (a stale result is dropped). Open and save lint at once.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from fzlint import __version__
from fzlint.config.resolve import CONFIG_NAMES, ConfigError
from fzlint.run.plugins import Registry
from fzlint.server import actions
from fzlint.server.convert import SOURCE, Columns, lsp_diagnostic
from fzlint.server.linting import Linted, Linter, lintable
from fzlint.server.options import OptionsError, ServerOptions, parse_options
from fzlint.server.protocol import FzlintProtocol, report_error

logger = logging.getLogger(__name__)
WATCHED = [f"**/{name}" for name in CONFIG_NAMES]


class FzlintServer(LanguageServer):
    def __init__(self, reg: Registry | None = None) -> None:
        super().__init__("fzlint", __version__, protocol_cls=FzlintProtocol)
        self.given_registry = reg
        self.linter: Linter | None = None
        self.results: dict[str, Linted] = {}  # uri -> the latest published result
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fzlint-lint")

    def report_server_error(self, error: Exception, source: Any) -> None:
        report_error(self.protocol, error)  # type: ignore[arg-type]

    # -- state ----------------------------------------------------------------------

    @property
    def root(self) -> Path:
        root = self.workspace.root_path
        return Path(root) if root else Path.cwd()

    @property
    def encoding(self) -> str:
        return str(self.workspace.position_encoding or types.PositionEncodingKind.Utf16)

    def columns(self, linted: Linted) -> Columns:
        return Columns(linted.document.lines, self.encoding)

    def configure(self, raw: Any) -> list[str]:
        """Options from the client (None: keep them) applied; returns the problems to show.

        Runs on the worker once documents may be linting (a reload clears caches they read).
        """
        problems: list[str] = []
        options = self.linter.options if self.linter else ServerOptions()
        if raw is not None or self.linter is None:
            try:
                options = parse_options(raw, self.root)
            except OptionsError as error:
                problems.append(str(error))
        try:
            if self.linter is None:
                self.linter = Linter(options, self.root, self.given_registry)
            else:
                self.linter.reload(options)
        except ConfigError as error:  # --config naming a missing file: go on without it
            problems.append(str(error))
            self.linter = Linter(ServerOptions(), self.root, self.given_registry)
        return problems + [f"插件错误：{problem}" for problem in self.linter.registry.problems]

    async def reconfigure(self, raw: Any) -> None:
        """A config file or the client's settings changed: apply on the worker, re-lint open files."""
        loop = asyncio.get_running_loop()
        for problem in await loop.run_in_executor(self.worker, self.configure, raw):
            self.tell(problem)
        self.relint_open()

    def tell(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=f"fzlint：{message}"))

    # -- linting ----------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint still waiting for it."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        task = asyncio.ensure_future(self._lint_later(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(lambda done: self.pending.pop(uri, None) if self.pending.get(uri) is done else None)

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        linted = await self.lint(uri)
        if linted is not None:
            self.publish(uri, linted)

    async def lint(self, uri: str) -> Linted | None:
        """The current text of ``uri`` linted on the worker; None if it changed meanwhile."""
        document = self.workspace.text_documents.get(uri)
        if document is None or self.linter is None:
            return None
        path = Path(to_fs_path(uri) or uri)
        if not lintable(str(path), document.language_id):
            return None
        version, text, linter = document.version, document.source, self.linter
        loop = asyncio.get_running_loop()
        linted = await loop.run_in_executor(self.worker, linter.lint, path, text, version, document.language_id)
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version or linter is not self.linter:
            return None  # stale: a newer version (or configuration) has its own lint coming
        self.results[uri] = linted
        return linted

    def publish(self, uri: str, linted: Linted) -> None:
        columns = self.columns(linted)
        docs_url = self.linter.options.rule_docs_url if self.linter else None
        found = [lsp_diagnostic(d, columns, docs_url) for d in linted.diagnostics]
        if linted.problem:  # a broken config or baseline: say so where the user looks
            found.insert(0, types.Diagnostic(range=columns.range(1, 1, 1, 1), message=linted.problem, source=SOURCE))
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=linted.version)
        )

    async def current(self, uri: str) -> Linted | None:
        """The result for the document as it is now (linted again if it changed since)."""
        document = self.workspace.text_documents.get(uri)
        linted = self.results.get(uri)
        if document is None:
            return None
        if linted is not None and linted.version == document.version:
            return linted
        return await self.lint(uri)

    def relint_open(self) -> None:
        for uri in list(self.workspace.text_documents):
            self.schedule(uri, 0)


def build(reg: Registry | None = None) -> FzlintServer:
    """A server with every handler registered; ``reg`` replaces the plugin registry (tests)."""
    server = FzlintServer(reg)

    @server.feature(types.INITIALIZE)
    def initialize(ls: FzlintServer, params: types.InitializeParams) -> None:
        for problem in ls.configure(params.initialization_options):
            ls.tell(problem)
        if ls.linter is not None and ls.linter.options.position_encoding:
            ls.protocol.force_encoding(ls.linter.options.position_encoding)  # type: ignore[attr-defined]

    @server.feature(types.INITIALIZED)
    def initialized(ls: FzlintServer, params: types.InitializedParams) -> None:
        watched = ls.client_capabilities.workspace
        dynamic = watched and watched.did_change_watched_files and watched.did_change_watched_files.dynamic_registration
        if not dynamic:
            return
        baseline = ls.linter.options.baseline if ls.linter else None
        globs = WATCHED + ([str(baseline)] if baseline else [])
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in globs]
        )
        registration = types.Registration(
            id="fzlint-config", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        ls.client_register_capability(types.RegistrationParams(registrations=[registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FzlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FzlintServer, params: types.DidChangeTextDocumentParams) -> None:
        delay = (ls.linter.options.debounce_ms if ls.linter else 0) / 1000
        ls.schedule(params.text_document.uri, delay)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: FzlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(to_fs_path(params.text_document.uri) or "").name in CONFIG_NAMES:
            await ls.reconfigure(None)  # a config file edited in the editor itself
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FzlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if ls.results.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def watched_files(ls: FzlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        await ls.reconfigure(None)  # a config or baseline file changed on disk

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def changed_configuration(ls: FzlintServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        if isinstance(settings, dict) and isinstance(settings.get("fzlint"), dict):  # other tools' sections: not ours
            await ls.reconfigure(settings["fzlint"])

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND]),
    )
    async def code_action(ls: FzlintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        linted = await ls.current(params.text_document.uri)
        if linted is None or ls.linter is None:
            return None
        columns = ls.columns(linted)
        wanted = params.context.only
        found: list[types.CodeAction] = []
        if not wanted or any(types.CodeActionKind.QuickFix.value.startswith(k) or k == "quickfix" for k in wanted):
            first, last = columns.column(params.range.start), columns.column(params.range.end)
            unsafe = ls.linter.options.unsafe_fixes
            found += actions.quick_fixes(params.text_document.uri, linted, columns, first, last, unsafe)
        if not wanted or any(actions.FIX_ALL_KIND.startswith(k) for k in wanted):
            fix_all = actions.fix_all(params.text_document.uri, linted, ls.linter, columns)
            found += [fix_all] if fix_all else []
        return found

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: FzlintServer, params: types.HoverParams) -> types.Hover | None:
        linted = await ls.current(params.text_document.uri)
        if linted is None or ls.linter is None:
            return None
        return actions.hover(linted, ls.linter.registry, ls.columns(linted), params.position)

    return server


def protected_stdio() -> tuple[Any, Any]:
    """The LSP channel, with file descriptor 1 pointed at stderr: a rule or plugin that prints
    (or a C extension writing to fd 1) must not corrupt the JSON-RPC stream."""
    channel = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    sys.stdout = sys.stderr
    return sys.stdin.buffer, channel
