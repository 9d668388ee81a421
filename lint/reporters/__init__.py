"""Output formats. Each reporter is ``render(results, stream, options) -> None``.

Reporters are registered by name through the ``fzlint_register_reporters`` hook
as a callable or a ``"module:function"`` string, resolved only when chosen, so
the rich library is imported only for rich output.

A reporter that prints only diagnostics is marked ``@document_free``: a run whose
format, baseline and fixes need no source lines then streams its results instead of
keeping every document until the end. Unmarked reporters (rich, sarif, a plugin's)
get the documents.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from fzlint.names import escape_name as escape_name  # for every reporter (and rich output)

if TYPE_CHECKING:
    from fzlint.diagnostics import Diagnostic
    from fzlint.run.engine import FileResult
    from fzlint.run.plugins import Registry

Reporter = Callable[[list["FileResult"], TextIO, "ReportOptions"], None]
_R = TypeVar("_R", bound=Callable[..., None])


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
