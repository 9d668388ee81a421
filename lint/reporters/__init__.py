"""Output formats. Each reporter is ``render(results, stream, options) -> None``.

Reporters are registered by name through the ``fzlint_register_reporters`` hook
as a callable or a ``"module:function"`` string, resolved only when chosen, so
the rich library is imported only for rich output.

A reporter that prints only diagnostics is marked ``@document_free``: a run whose
format, baseline and fixes need no source lines then streams its results instead of
keeping every document until the end. Unmarked reporters (rich, sarif, a plugin's)
get the documents.

A format whose output is its findings' texts in order, joined (concise, json, json-lines,
github), is written through :func:`streamable`: ``items`` gives each finding's text and
:class:`Parts` how they are joined. With ``--jobs`` the workers then render their own
files' texts and the parent only writes them (``fzlint.run.parallel``); one process writes
the very same texts, so the bytes cannot differ.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from fzlint.names import escape_name as escape_name  # for every reporter (and rich output)

if TYPE_CHECKING:
    from fzlint.diagnostics import Diagnostic
    from fzlint.run.engine import FileResult
    from fzlint.run.plugins import Registry

Reporter = Callable[[list["FileResult"], TextIO, "ReportOptions"], None]
Items = Callable[[Iterable["FileResult"], "ReportOptions"], Iterator[str]]
_R = TypeVar("_R", bound=Callable[..., None])
_BATCH = 500  # texts per write


@dataclass
class ReportOptions:
    registry: Registry
    color: bool | None = None  # None: decide from the stream (TTY, NO_COLOR, FORCE_COLOR)
    quiet: bool = False
    files_checked: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def visible(self, results: list[FileResult]) -> list[Diagnostic]:
        """Every diagnostic to show, in order (``--quiet`` keeps errors only)."""
        return list(self.each_visible(results))

    def each_visible(self, results: Iterable[FileResult]) -> Iterator[Diagnostic]:
        """``visible`` one at a time: results may be streamed (read once, not kept)."""
        from fzlint.diagnostics import Severity

        for result in results:
            for d in result.diagnostics:
                if not self.quiet or d.severity is Severity.ERROR:
                    yield d


def ascii_only(stream: TextIO) -> bool:
    """Whether JSON must escape every non-ASCII character: the stream is not UTF-8 (a GBK
    console on Windows zh-CN, ``PYTHONIOENCODING=gbk``), where a \\u escape is still valid JSON
    and a character outside the code page would otherwise be an encoding error."""
    import codecs

    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return not codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return True


def for_stream(options: ReportOptions, stream: TextIO) -> ReportOptions:
    """``options`` with what depends on the stream decided (colour, ASCII-only escapes), so
    a worker process that never sees the stream renders exactly as the parent would."""
    extra = {**options.extra, "ascii": ascii_only(stream)}
    color = use_color(stream, options.color)
    return ReportOptions(options.registry, color, options.quiet, options.files_checked, extra)


@dataclass(frozen=True)
class Parts:
    """How a streamable format joins its texts: ``open`` text ``separator`` text … ``close``;
    ``empty`` when there is none."""

    open: str = ""
    separator: str = ""
    close: str = ""
    empty: str = ""


class PartsWriter:
    """Writes joined texts in order; chunks of already joined texts (from workers) too."""

    def __init__(self, parts: Parts, stream: TextIO) -> None:
        self.parts, self.stream, self.opened = parts, stream, False

    def chunk(self, text: str) -> None:
        """``text``: one or more texts already joined by the separator."""
        self.stream.write((self.parts.separator if self.opened else self.parts.open) + text)
        self.opened = True

    def items(self, texts: Iterable[str], batch: int = _BATCH) -> None:
        pending: list[str] = []
        for text in texts:
            pending.append(text)
            if len(pending) >= batch:
                self.chunk(self.parts.separator.join(pending))
                pending.clear()
        if pending:
            self.chunk(self.parts.separator.join(pending))

    def close(self) -> None:
        self.stream.write(self.parts.close if self.opened else self.parts.empty)


def streamable(parts: Parts, items: Items, batch: Callable[[], int] = lambda: _BATCH) -> Reporter:
    """A document-free reporter that writes ``items``' texts joined as ``parts`` says."""

    def render(results: list[FileResult], stream: TextIO, options: ReportOptions) -> None:
        writer = PartsWriter(parts, stream)
        writer.items(items(results, for_stream(options, stream)), batch())
        writer.close()

    render.parts = parts  # type: ignore[attr-defined]
    render.items = items  # type: ignore[attr-defined]
    return document_free(render)


def chunk_renderer(render: Reporter, options: ReportOptions, stream: TextIO) -> Callable[..., tuple[str, int]]:
    """For a ``--jobs`` worker: a picklable function that renders a chunk of results as
    ``render`` would on ``stream`` (texts joined by its separator, and how many)."""
    decided = for_stream(options, stream)
    items, separator = render.items, render.parts.separator  # type: ignore[attr-defined]
    return partial(_render_chunk, items, separator, decided.quiet, decided.color, decided.extra)


def _render_chunk(
    items: Items,
    separator: str,
    quiet: bool,
    color: bool,
    extra: dict[str, Any],
    results: list[FileResult],
    registry: Registry,
) -> tuple[str, int]:
    texts = list(items(results, ReportOptions(registry, color, quiet, extra=extra)))
    return separator.join(texts), len(texts)


def use_color(stream: TextIO, color: bool | None) -> bool:
    """--color / --no-color win; otherwise NO_COLOR, FORCE_COLOR, TERM=dumb, then whether it is a TTY."""
    import os

    if color is not None:
        return color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":  # Emacs' M-x compile runs us on a pty with TERM=dumb
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def available(registry: Registry) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for table in reversed(registry.manager.hook.fzlint_register_reporters()):
        found.update(table or {})
    return found


def resolve(registry: Registry, name: str) -> Reporter:
    target = available(registry)[name]
    if isinstance(target, str):
        module, _, attr = target.partition(":")
        target = getattr(importlib.import_module(module), attr)
    return target


def document_free(render: _R) -> _R:
    """Mark a reporter that reads only the diagnostics, never a document's lines."""
    render.needs_documents = False  # type: ignore[attr-defined]
    return render


def needs_documents(registry: Registry, name: str) -> bool:
    """Whether the reporter ``name`` reads documents (unless it says otherwise, it may)."""
    return getattr(resolve(registry, name), "needs_documents", True)
