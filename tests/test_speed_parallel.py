"""--jobs: the same results as one process, in input order; auto mode; worker set-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from registry_for_tests import REGISTRY

from fzlint.run import jobs, parallel
from fzlint.run.engine import lint_path
from fzlint.settings import Settings


def _variants(tmp_path: Path, count: int) -> list[Path]:
    """Seed copies with different defects, so each file has its own findings."""
    paths = []
    for index in range(count):
        seed = SEEDS[index % len(SEEDS)]
        text = seed.read_text(encoding="utf-8")
        if index % 3 == 1:
            text = text.replace("二是", "四是", 1)  # an enumeration gap (N104)
        if index % 3 == 2:
            text = "来源：某某网 发布时间：2025-01-01\n" + text  # page chrome (W101)
        path = tmp_path / f"r{index:03d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _flat(results) -> list[tuple]:
    return [(r.path, r.error, [d.as_dict() for d in r.diagnostics]) for r in results]


def test_jobs_give_the_same_results_in_input_order(tmp_path: Path) -> None:
    paths = _variants(tmp_path, 24)
    order = paths[::-1] + paths[:5]  # reversed, with repeats: order comes from the caller
    single = list(parallel.lint_files(order, Settings(), REGISTRY, jobs=1))
    multi = list(parallel.lint_files(order, Settings(), REGISTRY, jobs=2))
    assert [r.path for r in multi] == [str(p) for p in order]
    assert _flat(multi) == _flat(single)
    assert len({len(r.diagnostics) for r in single}) > 1  # the files really differ


def test_jobs_keep_documents_for_reporters(tmp_path: Path) -> None:
    paths = _variants(tmp_path, 4)
    for result in parallel.lint_files(paths, Settings(), REGISTRY, jobs=2):
        assert result.document is not None
        assert result.document.text == Path(result.path).read_text(encoding="utf-8")


def test_unreadable_file_keeps_its_place(tmp_path: Path) -> None:
    paths = _variants(tmp_path, 6)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    order = [*paths[:3], binary, *paths[3:]]
    results = list(parallel.lint_files(order, Settings(), REGISTRY, jobs=2))
    assert results[3].path == str(binary) and results[3].error
    assert all(r.error is None for i, r in enumerate(results) if i != 3)


def test_settings_reach_the_workers(tmp_path: Path) -> None:
    paths = _variants(tmp_path, 6)
    settings = Settings(select=["W101"])
    codes = {d.code for r in parallel.lint_files(paths, settings, REGISTRY, jobs=2) for d in r.diagnostics}
    assert codes == {"W101"}


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fzlint.cli", *args], capture_output=True, text=True, cwd=ROOT, encoding="utf-8"
    )


def test_cli_jobs_output_is_identical(tmp_path: Path) -> None:
    paths = [str(p) for p in _variants(tmp_path, 20)]
    one = _cli("check", "--format", "json", "--jobs", "1", *paths)
    two = _cli("check", "--format", "json", "--jobs", "2", *paths)
    auto = _cli("check", "--format", "json", *paths)
    assert one.returncode == two.returncode == auto.returncode == 1
    assert one.stdout == two.stdout == auto.stdout
    assert [d["path"] for d in json.loads(two.stdout)] == sorted(
        (d["path"] for d in json.loads(two.stdout)), key=paths.index
    )


def test_cli_jobs_with_a_directory_and_a_missing_path(tmp_path: Path) -> None:
    _variants(tmp_path, 8)
    one = _cli("check", "--format", "json", "-j", "1", str(tmp_path), "missing.txt")
    two = _cli("check", "--format", "json", "-j", "2", str(tmp_path), "missing.txt")
    assert one.returncode == two.returncode == 2  # the missing path
    assert one.stdout == two.stdout and one.stderr == two.stderr


@pytest.mark.parametrize(
    "options",
    [
        ("--format", "concise"),
        ("--format", "concise", "--color", "--quiet"),
        ("--format", "json"),
        ("--format", "json-lines"),
        ("--format", "github"),
    ],
)
def test_workers_render_the_same_bytes_and_exit_code(tmp_path: Path, options: tuple[str, ...]) -> None:
    paths = _variants(tmp_path, 18)
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02")  # unreadable: its error line, exit 2
    order = [str(p) for p in paths[:9]] + [str(tmp_path / "binary.txt")] + [str(p) for p in paths[9:]]
    one = _cli("check", *options, "-j", "1", *order)
    two = _cli("check", *options, "-j", "2", *order)
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert one.stdout.count("\n") > 18


def test_workers_send_text_not_findings(tmp_path: Path) -> None:
    import io

    from fzlint.reporters import PartsWriter, ReportOptions, chunk_renderer, json_output

    paths = [parallel.PathInput(p, Settings()) for p in _variants(tmp_path, 6)]
    out = io.StringIO()
    renderer = chunk_renderer(json_output.render, ReportOptions(registry=REGISTRY), out)
    chunks = list(parallel.render_in_pool(paths, 2, None, renderer))
    assert all(isinstance(chunk.text, str) for chunk in chunks) and sum(c.items for c in chunks) > 6
    writer = PartsWriter(json_output.render.parts, out)
    for chunk in chunks:
        if chunk.items:
            writer.chunk(chunk.text)
    writer.close()
    expected = io.StringIO()
    json_output.render(list(jobs.lint_items(paths, REGISTRY, 1)), expected, _options())
    assert out.getvalue() == expected.getvalue()


def _options():
    from fzlint.reporters import ReportOptions

    return ReportOptions(registry=REGISTRY)


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_cli_rejects_bad_jobs(value: str) -> None:
    result = _cli("check", "--jobs", value, str(SEEDS[0]))
    if value == "0":  # 0 means auto, as in several linters
        assert result.returncode == 1
    else:
        assert result.returncode == 2 and "--jobs" in result.stderr


def test_auto_jobs_stay_single_for_few_files(monkeypatch: pytest.MonkeyPatch) -> None:
    from fzlint.run import jobs

    monkeypatch.setattr(jobs, "available_cpus", lambda: 4)
    assert jobs.effective_jobs(0, 1) == 1
    assert jobs.effective_jobs(0, jobs.AUTO_MIN_FILES - 1) == 1
    assert jobs.effective_jobs(0, jobs.AUTO_MIN_FILES) == 4
    assert jobs.effective_jobs(8, 3) == 3  # never more workers than files
    assert jobs.effective_jobs(2, 100) == 2
    assert jobs.parse_jobs("auto") == 0 and jobs.parse_jobs("3") == 3


def test_chunks_are_bounded_and_cover_every_file() -> None:
    for files in (1, 7, 100, 1000, 100_000):
        size = parallel.chunk_size(files, 2)
        assert 1 <= size <= parallel.MAX_CHUNK
        assert size * 2 * parallel.CHUNKS_PER_WORKER >= min(files, parallel.MAX_CHUNK)


def test_chunk_sizes_shrink_towards_the_end_and_cover_every_file() -> None:
    for files in (1, 2, 7, 100, 999, 1000, 100_000):
        sizes = parallel.chunk_sizes(files, 2)
        assert sum(sizes) == files and all(1 <= size <= parallel.MAX_CHUNK for size in sizes)
        assert sizes == sorted(sizes, reverse=True)  # the bulk first, the small ones last
    sizes = parallel.chunk_sizes(1000, 2)
    assert sizes[0] == parallel.chunk_size(1000, 2) and sizes[-1] <= parallel.MIN_TAIL_CHUNK


def test_spawned_worker_builds_a_registry_of_its_own() -> None:
    parallel._init_worker(False)
    built = parallel._worker_registry
    assert built is not None and built is not REGISTRY
    assert sorted(built.rules) == sorted(REGISTRY.rules)


def test_forked_worker_inherits_the_parents_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_inherited", REGISTRY)
    parallel._init_worker(False, inherit=True)
    assert parallel._worker_registry is REGISTRY


def test_workers_inherit_the_registry_and_the_first_file_is_linted_before_forking(tmp_path: Path) -> None:
    """The registry is passed down to forked workers (a plugin given only to this registry
    still runs in them), and the parent lints the first file itself, before the fork."""
    import os

    from demo_plugins import demo_rule, plugin_with

    from fzlint.run.plugins import new_registry

    def check(self, report, context):  # type: ignore[no-untyped-def]
        yield self.diagnostic(report, 0, 0, 1, f"pid {os.getpid()}")

    seen = demo_rule(code="X904", name="seen-by", check=check)
    registry = new_registry(extra_plugins=(plugin_with(seen, name="SeenBy"),))
    assert "X904" in registry.rules, registry.problems
    paths = _variants(tmp_path, 12)
    results = list(parallel.lint_files(paths, Settings(), registry, jobs=2))
    pids = [next(d.message for d in r.diagnostics if d.code == "X904") for r in results]
    assert pids[0] == f"pid {os.getpid()}"  # warmed here, before the fork
    assert len(set(pids[1:])) >= 1 and f"pid {os.getpid()}" not in pids[1:]
    assert [r.path for r in results] == [str(p) for p in paths]


def test_single_job_matches_lint_path(tmp_path: Path) -> None:
    paths = _variants(tmp_path, 3)
    assert _flat(parallel.lint_files(paths, Settings(), REGISTRY, jobs=1)) == _flat(
        lint_path(p, Settings(), REGISTRY) for p in paths
    )


def test_released_caches_are_rebuilt_on_demand(tmp_path: Path) -> None:
    path = _variants(tmp_path, 1)[0]
    result = lint_path(path, Settings(), REGISTRY)
    assert result.document is not None
    joined, offsets = result.document.joined, result.document.line_offsets
    jobs.release_caches(result)
    assert "joined" not in result.document.__dict__ and "line_offsets" not in result.document.__dict__
    assert result.document.joined == joined and result.document.line_offsets == offsets
