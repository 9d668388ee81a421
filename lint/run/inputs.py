"""What ``fzlint check`` lints: the files the paths name, each with its effective settings.

Files found by searching a folder skip the ``exclude`` globs of their
configuration; files named on the command line (and stdin's
``--stdin-filename``) skip them only with ``--force-exclude``, as ruff does.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from fzlint.config.resolve import Resolver, is_excluded
from fzlint.load.loading import Skipped, discover, is_dir
from fzlint.run.engine import FileResult, lint_path
from fzlint.run.plugins import Registry

if TYPE_CHECKING:
    from fzlint.run.cache import ResultCache
from fzlint.settings import Settings

STDIN = "-"


@dataclass
class CheckInput:
    path: Path
    display: str  # the name diagnostics are reported under
    settings: Settings
    data: bytes | None = None  # standard input's bytes
    error: str | None = None  # why the path cannot be linted (it does not exist)
    # Whether the result keeps the document (its lines): only the rich and SARIF reporters,
    # baselines and --fix/--diff read it. Dropping it keeps a batch's memory to its findings
    # and keeps what a --jobs worker sends back small.
    keep_document: bool = True
    # Last year's report to compare with (--pair-years; --previous arrives in settings).
    previous: Path | None = None

    def lint(self, registry: Registry, cache: ResultCache | None = None) -> FileResult:
        """Lint (suppression comments included), then drop the document unless it is wanted."""
        if self.error is not None:
            return FileResult(path=self.display, error=self.error)
        if cache is not None:
            from fzlint.run.cache import lint_cached

            result = lint_cached(
                self.path, self.display, self.settings, registry, cache, self.data, self.previous, self.keep_document
            )
        else:
            result = lint_path(
                self.path, self.settings, registry, display_path=self.display, data=self.data, previous=self.previous
            )
        if not self.keep_document:
            result.document = None
        return result


def _always(settings: Settings) -> bool:
    return True


def collect(
    paths: Iterable[str],
    resolver: Resolver,
    stdin_filename: str | None = None,
    force_exclude: bool = False,
    keeps_document: Callable[[Settings], bool] = _always,
    notes: list[str] | None = None,
) -> Iterator[CheckInput]:
    """Every file to lint, in order; raises fzlint.config.resolve.ConfigError for a broken config.

    ``keeps_document(settings)`` says whether a file's result must keep its document. Files
    deliberately left out (a Word lock file named explicitly) add a line to ``notes``."""
    for raw in paths:
        if raw == STDIN:  # reported and configured under --stdin-filename
            name = stdin_filename or STDIN
            resolved = resolver.for_file(Path(name))
            if not (force_exclude and is_excluded(Path(name), resolved)):
                yield _stdin_input(name, resolved.settings, keeps_document(resolved.settings))
            continue
        searched = is_dir(Path(raw))
        if searched:  # a broken config is an error even in a folder without reports
            resolver.for_directory(Path(raw))
        for item in discover([raw]):
            if isinstance(item, Skipped):
                if notes is not None:
                    notes.append(f"{item.path}: {item.reason}")
                continue
            if isinstance(item, str):  # "path: why"
                display, error = item.split(": ", 1)
                yield CheckInput(Path(display), display, Settings(), error=error)
                continue
            resolved = resolver.for_file(item)
            if (searched or force_exclude) and is_excluded(item, resolved):
                continue
            yield CheckInput(item, str(item), resolved.settings, keep_document=keeps_document(resolved.settings))


def _stdin_input(name: str, settings: Settings, keep_document: bool) -> CheckInput:
    """Standard input, read up to the size limit (refused beyond it, like a file)."""
    from fzlint.limits import TooLarge, read_limited

    try:
        data = read_limited(sys.stdin.buffer, settings.max_file_size)
    except TooLarge as error:
        return CheckInput(Path(name), name, settings, error=str(error))
    return CheckInput(Path(name), name, settings, data=data, keep_document=keep_document)
