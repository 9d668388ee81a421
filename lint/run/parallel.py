"""Linting many files at once: ``fzlint check --jobs N`` spreads files over processes.

Rules are pure Python, so threads would share one interpreter lock; processes
(``concurrent.futures.ProcessPoolExecutor``) give real parallelism. On Linux the
workers are forked after the parent has built its registry and linted the first file,
so they inherit the rule modules, the registry and everything a file warms on first use
(lazily compiled patterns, data tables, jieba's dictionary groups) instead of each
building them again; elsewhere (spawn) each worker builds its own registry once. Files
go out in chunks that shrink towards the end, so that no worker idles while another
finishes a long last chunk, and results come back in input order, so the output is
identical to ``--jobs 1``.

``--jobs auto`` (the default) stays in one process for a few files, where
starting workers would cost more than it saves (an editor linting one file,
a pre-commit hook with a handful of changed reports), and uses one worker per
available CPU for more.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fzlint.run.jobs import Lintable, lint_items, release_caches  # what every run needs (no pool)

if TYPE_CHECKING:
    from fzlint.run.cache import ResultCache
    from fzlint.run.engine import FileResult
    from fzlint.run.plugins import Registry
    from fzlint.settings import Settings

# Chunks per worker: enough to balance uneven file sizes, few enough that the
# per-chunk round trip does not dominate.
CHUNKS_PER_WORKER = 8
MAX_CHUNK = 64
MIN_TAIL_CHUNK = 2  # the smallest chunk of the shrinking tail (a round trip costs ~1 ms)


def chunk_size(files: int, jobs: int) -> int:
    return max(1, min(MAX_CHUNK, math.ceil(files / (jobs * CHUNKS_PER_WORKER))))


def chunk_sizes(files: int, jobs: int) -> list[int]:
    """Sizes of the chunks ``files`` files go out in: ``chunk_size`` for the bulk, then
    shrinking (guided scheduling: each chunk a share of what is left), so the last chunks
    are small and both workers finish at about the same time."""
    bulk, sizes, left = chunk_size(files, jobs), [], files
    while left:
        size = min(left, bulk, max(MIN_TAIL_CHUNK, math.ceil(left / (jobs * CHUNKS_PER_WORKER // 2))))
        sizes.append(size)
        left -= size
    return sizes


@dataclass(frozen=True)
class PathInput:
    """One file under one set of settings."""

    path: Path
    settings: Settings

    def lint(self, registry: Registry, cache: ResultCache | None = None) -> FileResult:
        from fzlint.run.engine import lint_path

        return lint_path(self.path, self.settings, registry)


def lint_files(paths: Sequence[Path], settings: Settings, registry: Registry, jobs: int = 1) -> Iterator[FileResult]:
    """Lint ``paths`` and yield one result per path, in the order given."""
    return lint_items([PathInput(path, settings) for path in paths], registry, jobs)


def lint_in_pool(
    items: list[Lintable], workers: int, cache: ResultCache | None, registry: Registry | None = None
) -> Iterator[FileResult]:
    """``lint_items`` over ``workers`` processes (results in the order given)."""
    return _pool(items, workers, cache, None, registry)


# Renders a chunk's results as the parent would: (texts joined, how many texts). Made by
# ``fzlint.reporters.chunk_renderer`` in the parent, called in the worker with its registry.
ChunkRenderer = Callable[[list["FileResult"], "Registry"], tuple[str, int]]


@dataclass
class RenderedChunk:
    """A chunk rendered by a worker: its texts joined, and what the end of the run needs."""

    text: str
    items: int  # how many texts ``text`` joins (0: nothing to write)
    errors: list[tuple[str, str]]  # (path, why it could not be linted)
    crashed: bool
    error_findings: bool  # some diagnostic of error severity (reported or not)


def render_in_pool(
    items: Sequence[Lintable],
    workers: int,
    cache: ResultCache | None,
    render: ChunkRenderer,
    registry: Registry | None = None,
) -> Iterator[RenderedChunk]:
    """Lint ``items`` in ``workers`` processes that render their chunks with ``render``; in order.

    With ``registry`` (the parent's), forked workers inherit it and the first file is linted
    here first, warming what every worker would otherwise warm for itself."""
    return _pool(list(items), workers, cache, render, registry)


def _pool(
    items: list[Lintable],
    workers: int,
    cache: ResultCache | None,
    render: ChunkRenderer | None,
    registry: Registry | None,
) -> Iterator[Any]:
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from fzlint.run import profiling

    global _inherited
    # fork shares the imported modules with the workers (no re-import); elsewhere
    # the platform default (spawn) re-imports them once per worker.
    forking = sys.platform.startswith("linux")
    context = multiprocessing.get_context("fork" if forking else None)
    inherit = forking and registry is not None
    if inherit and items:
        # The first file here, before forking: its first-use work (patterns compiled on
        # demand, data tables, jieba groups) is then done once, not once per worker.
        assert registry is not None
        first = release_caches(items[0].lint(registry, cache))
        if render is None:
            yield first
        else:
            yield _rendered([first], render, registry)
        items = items[1:]
        if not items:
            return
        workers = min(workers, len(items))
    chunks, start = [], 0
    for size in chunk_sizes(len(items), workers):
        chunks.append(items[start : start + size])
        start += size
    profiled = profiling.active() is not None
    _inherited = registry if inherit else None
    # Objects that exist before the fork are moved out of the collector's sight: a worker's
    # collections then never touch (and so never copy) the pages it shares with the parent.
    # (What the command line froze after start-up stays frozen until it returns.)
    frozen_before = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(profiled, inherit)
        ) as pool:
            # map() keeps input order and lets later chunks run while earlier ones are consumed.
            outputs = pool.map(_lint_chunk, chunks, [cache] * len(chunks), [render] * len(chunks))
            if not frozen_before:
                gc.unfreeze()  # the workers are forked by now (all at once, on the first submit)
            for output, totals, counts in outputs:
                profiling.merge(totals, counts)
                if render is None:
                    yield from output
                else:
                    yield output
    finally:
        if not frozen_before:
            gc.unfreeze()
        _inherited = None


# The parent's registry while a forked pool starts (what the workers inherit), else None.
_inherited: Registry | None = None
# The worker process's registry, set once by its initializer: inherited from the parent
# by fork, or built in the worker; never sent back or shared after the fork.
_worker_registry: Registry | None = None


def _init_worker(profiled: bool, inherit: bool = False) -> None:
    from fzlint.run import plugins, profiling

    global _worker_registry
    _worker_registry = _inherited if inherit and _inherited is not None else plugins.new_registry()
    profiling.enable_in_worker(profiled)


def _lint_chunk(
    items: list[Lintable], cache: ResultCache | None, render: ChunkRenderer | None
) -> tuple[list[FileResult] | RenderedChunk, dict, dict]:
    from fzlint.run import profiling

    assert _worker_registry is not None, "worker initializer did not run"
    results = [release_caches(item.lint(_worker_registry, cache)) for item in items]
    output: list[FileResult] | RenderedChunk = (
        results if render is None else _rendered(results, render, _worker_registry)
    )
    profile = profiling.active()
    if profile is None:
        return output, {}, {}
    totals, counts = dict(profile.totals), dict(profile.counts)
    profile.totals.clear()
    profile.counts.clear()
    return output, totals, counts


def _rendered(results: list[FileResult], render: ChunkRenderer, registry: Registry) -> RenderedChunk:
    from fzlint.diagnostics import Severity

    text, count = render(results, registry)
    return RenderedChunk(
        text=text,
        items=count,
        errors=[(r.path, r.error) for r in results if r.error],
        crashed=any(r.crashed for r in results),
        error_findings=any(d.severity is Severity.ERROR for r in results for d in r.diagnostics),
    )
