"""Results that flow straight from the linter to the reporter, for a flat-memory batch.

The reporters that print only diagnostics (concise, json, json-lines, github) write
each file's findings as they come; nothing has to outlive its file, so a batch of any
size holds one file's result at a time (``--jobs``: the few chunks in flight). What
the exit code and the error lines need is kept in a few counters on the way through.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from fzlint.run.engine import FileResult
    from fzlint.run.parallel import RenderedChunk


class ChunkWriter(Protocol):
    """Where rendered chunks go (``fzlint.reporters.PartsWriter``)."""

    def chunk(self, text: str) -> None: ...

    def close(self) -> None: ...


class StreamedResults:
    """An iterable of results, read once, that remembers only what the end needs."""

    def __init__(self, results: Iterable[FileResult]) -> None:
        self._results = results
        self.errors: list[tuple[str, str]] = []  # (path, why it could not be linted)
        self.crashed = False
        self.error_findings = False  # some diagnostic of error severity
        self.consumed = False
        # Seconds spent producing results (linting, or waiting for --jobs workers) while the
        # reporter reads them: --profile subtracts it from the reporter's own time.
        self.producing = 0.0

    def __iter__(self) -> Iterator[FileResult]:
        from fzlint.diagnostics import Severity

        if self.consumed:
            raise RuntimeError("streamed results can be read only once")
        self.consumed = True
        results = iter(self._results)
        while True:
            started = time.perf_counter()
            result = next(results, None)
            self.producing += time.perf_counter() - started
            if result is None:
                return
            if result.error:
                self.errors.append((result.path, result.error))
            self.crashed = self.crashed or result.crashed
            self.error_findings = self.error_findings or any(d.severity is Severity.ERROR for d in result.diagnostics)
            yield result

    def drain(self) -> None:
        """Read whatever a reporter left unread (its counters must cover every file)."""
        if not self.consumed:
            for _ in self:
                pass


class RenderedResults:
    """Chunks rendered by ``--jobs`` workers (``fzlint.run.parallel.render_in_pool``), written
    as they come; the same counters as :class:`StreamedResults`."""

    def __init__(self, chunks: Iterable[RenderedChunk]) -> None:
        self._chunks = chunks
        self.errors: list[tuple[str, str]] = []
        self.crashed = False
        self.error_findings = False
        self.producing = 0.0  # seconds spent waiting for workers

    def write(self, writer: ChunkWriter) -> None:
        chunks = iter(self._chunks)
        while True:
            started = time.perf_counter()
            chunk = next(chunks, None)
            self.producing += time.perf_counter() - started
            if chunk is None:
                break
            self.errors += chunk.errors
            self.crashed = self.crashed or chunk.crashed
            self.error_findings = self.error_findings or chunk.error_findings
            if chunk.items:
                writer.chunk(chunk.text)
        writer.close()
