"""How many processes ``--jobs`` uses, and the single-process loop: what every run needs.

The worker pool itself (``fzlint.run.parallel``, with its dataclasses and
multiprocessing) is imported only by a run that spreads its files over processes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from fzlint.run.cache import ResultCache
    from fzlint.run.engine import FileResult
    from fzlint.run.plugins import Registry

# Below this many files one process wins: a worker costs ~15 ms to fork and set
# up, a seed-sized report ~4 ms to lint (see the Performance section of README).
AUTO_MIN_FILES = 16


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def parse_jobs(value: str) -> int:
    """``--jobs`` value: a positive number or ``auto`` (0 stands for auto)."""
    if value.strip().lower() == "auto":
        return 0
    jobs = int(value)
    if jobs < 0:
        raise ValueError(value)
    return jobs


def effective_jobs(jobs: int, files: int) -> int:
    """How many processes to use for ``files`` files (``jobs=0`` is auto)."""
    if jobs == 0:
        jobs = available_cpus() if files >= AUTO_MIN_FILES else 1
    return max(1, min(jobs, files))


class Lintable(Protocol):
    """What ``lint_items`` runs: a picklable item (``fzlint.run.inputs.CheckInput``) that lints
    itself with the registry it is given."""

    def lint(self, registry: Registry, cache: ResultCache | None = None) -> FileResult: ...


def lint_items(
    items: Sequence[Lintable], registry: Registry, jobs: int = 1, cache: ResultCache | None = None
) -> Iterator[FileResult]:
    """``item.lint(registry)`` for every item, yielded in the order given (``jobs=0``: auto).

    Forked workers inherit ``registry``; spawned ones build a registry of their own from
    the installed plugins (a registry holds modules and hook callers, which do not cross a
    process boundary by pickling)."""
    workers = effective_jobs(jobs, len(items))
    if workers <= 1:
        for item in items:
            yield release_caches(item.lint(registry, cache))
        return
    from fzlint.run.parallel import lint_in_pool

    yield from lint_in_pool(list(items), workers, cache, registry)


def release_caches(result: FileResult) -> FileResult:
    """Drop what rules derived from the document (a joined copy of the text, line offsets).

    A batch keeps every result until the reporter runs, so these copies would
    add up file by file; they are rebuilt on demand if anything asks again.
    """
    if result.document is not None:
        for derived in ("joined", "line_offsets"):
            result.document.__dict__.pop(derived, None)
    return result
