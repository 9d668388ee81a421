"""The ``fzlint`` command line: ``check``, ``rules`` and ``explain``.

The whole flow of ``check`` is in :func:`run_check`: discover files, load,
parse, run rules, report. Exit codes: 0 no error-severity findings, 1 some,
2 usage error, unreadable input or internal error.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fzlint import __version__
from fzlint.diagnostics import one_line as joined_line
from fzlint.server import command as server_command

if TYPE_CHECKING:
    from fzlint.config.resolve import Resolver
    from fzlint.diagnostics import Diagnostic
    from fzlint.document import Document
    from fzlint.fix.autofix import FixRun
    from fzlint.run.cache import ResultCache
    from fzlint.run.engine import FileResult
    from fzlint.run.inputs import CheckInput
    from fzlint.run.plugins import Registry
    from fzlint.settings import Settings

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with the command line or configuration (exit 2)."""


def _codes(value: str) -> list[str]:
    return [part.strip().upper() for part in value.replace("，", ",").split(",") if part.strip()]


def _size(value: str) -> int:
    from fzlint.limits import parse_size

    try:
        return parse_size(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns`` without importing shutil (with bz2 and lzma:
    ~3 ms of every start, for a width that only ``--help`` and usage errors print)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ["LINES"])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size((80, 24))
        if columns <= 0:
            columns = size.columns or 80
    return columns


class _HelpFormatter(argparse.HelpFormatter):
    # argparse makes a formatter for every add_argument (to check its metavar)
    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position, _terminal_columns() - 2 if width is None else width)


class _ArgumentParser(argparse.ArgumentParser):
    """Subparsers are made of the parser's own class, so they get the formatter too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)


COMMANDS = ("check", "rules", "config", "server", "outline", "explain")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line. Given ``argv``, only the command it names gets its options declared
    (argparse builds a help formatter for every option: ~1.5 ms of a start for commands that
    are not run); without, or when it names no command, every command has them."""
    words = [word for word in argv or () if not word.startswith("-")]
    chosen = words[0] if argv is not None and words and words[0] in COMMANDS else None
    parser = _ArgumentParser(
        prog="fzlint",
        description="法治政府建设年度报告合规检查工具",
    )
    parser.add_argument("--version", action="version", version=f"fzlint {__version__}")
    parser.add_argument("--debug", action="store_true", help="内部错误时显示完整的回溯信息")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="检查报告（.txt、.md、.docx 文件或目录）")
    if chosen in (None, "check"):
        _check_options(check)
    rules = sub.add_parser("rules", help="列出所有规则")
    if chosen in (None, "rules"):
        rules.add_argument("--format", choices=["rich", "json"], default="rich")
    config = sub.add_parser("config", help="显示某个文件或目录生效的配置及每项的来源")
    if chosen in (None, "config"):
        config.add_argument("path", nargs="?", default=".", help="文件或目录（默认当前目录）")
        config.add_argument("--format", choices=["toml", "json"], default="toml")
        _add_config_options(config)
    server_command.add_parser(sub)
    outline = sub.add_parser("outline", help="显示报告被解析成的结构树（标题、各部分、落款）")
    if chosen in (None, "outline"):
        outline.add_argument("file", help="报告文件（.txt/.md/.docx）")
        outline.add_argument("--format", choices=["rich", "json"], default="rich")
    explain = sub.add_parser("explain", help="解释一条规则：fzlint explain S101")
    if chosen in (None, "explain"):
        explain.add_argument("code", help="规则代码或名称，如 S101 或 missing-part")
    return parser


def _check_options(check: argparse.ArgumentParser) -> None:
    check.add_argument("paths", nargs="*", default=["."], help="文件或目录；- 表示标准输入")
    check.add_argument(
        "--format",
        default="rich",
        help="输出格式：rich（默认）、concise、json、json-lines、sarif、github、html",
    )
    check.add_argument(
        "--output-file", "-o", type=Path, metavar="PATH", help="把检查结果写入这个文件（任何格式；默认标准输出）"
    )
    check.add_argument("--select", type=_codes, help="只启用这些规则代码或前缀，逗号分隔")
    check.add_argument("--extend-select", type=_codes, default=[], help="在已选规则之外再启用这些")
    check.add_argument("--ignore", type=_codes, default=[], help="不启用这些规则代码或前缀")
    check.add_argument("--year", type=int, help="报告年度（正文无法判断时使用）")
    check.add_argument("--previous", type=Path, metavar="FILE", help="本单位上一年度的报告：与之逐年比较（Y2xx 规则）")
    check.add_argument(
        "--pair-years", action="store_true", help="在检查的文件中按标题（单位和年份）配对相邻两年的报告，逐年比较"
    )
    check.add_argument("--stdin-filename", help="从标准输入读取时使用的文件名")
    check.add_argument("--quiet", action="store_true", help="只显示错误级别的问题")
    check.add_argument(
        "--column-unit",
        choices=["character", "byte", "utf-16"],
        default="character",
        help="concise 输出的列号单位：character（字符，默认）、byte（UTF-8 字节，Vim 的 %%c）、utf-16（VS Code）",
    )
    check.add_argument(
        "--show-all", action="store_true", help="rich 输出中逐条列出全部问题（默认同一文件同一规则的警告只列前 5 处）"
    )
    _add_config_options(check)
    check.add_argument("--force-exclude", action="store_true", help="命令行直接给出的文件也按配置中的 exclude 排除")
    baseline = check.add_mutually_exclusive_group()
    baseline.add_argument("--baseline", type=Path, metavar="FILE", help="只报告基线文件中没有记录的新问题")
    baseline.add_argument(
        "--write-baseline", type=Path, metavar="FILE", help="把当前发现的全部问题记入基线文件（不报告问题，退出码 0）"
    )
    check.add_argument(
        "--fix",
        action="store_true",
        default=None,
        help="应用安全的自动修复并写回文件（.docx 也改写，保留格式；标准输入的修复结果写到标准输出），再报告剩余问题",
    )
    check.add_argument(
        "--no-fix", dest="fix", action="store_false", help="不写任何文件，即使配置中有 fix = true（只检查）"
    )
    check.add_argument(
        "--diff", action="store_true", help="只显示自动修复会做的修改（统一 diff），不写文件；有修改时退出码为 1"
    )
    check.add_argument(
        "--unsafe-fixes", action="store_true", default=None, help="也应用标为不安全的修复（如标题重新编号）"
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=0,
        metavar="N",
        help="并行进程数；auto（默认）：文件少时单进程，多时每个 CPU 一个进程",
    )
    check.add_argument(
        "--annotate",
        nargs="?",
        const="",
        metavar="OUT",
        help="把问题写成 Word 批注，另存为 报告.fzlint.docx（或 OUT.docx、OUT 目录）；原文件不变",
    )
    check.add_argument("--profile", action="store_true", help="在标准错误输出各阶段及各规则族的耗时")
    check.add_argument(
        "--cache",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="缓存检查结果，内容未变的文件下次不再重新检查（默认关闭，或用配置项 cache = true 开启）",
    )
    check.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="缓存目录（默认当前目录下的 .fzlint_cache，或环境变量 FZLINT_CACHE_DIR）",
    )
    check.add_argument(
        "--max-file-size",
        type=_size,
        metavar="SIZE",
        help="超过此大小的文件不检查（默认 20MB；如 500KB、50MB；0 表示不限）",
    )
    color = check.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="强制彩色输出")
    color.add_argument("--no-color", dest="color", action="store_false", help="不用彩色输出")


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--config", type=Path, metavar="PATH", help="使用这个配置文件（不再向上查找 pyproject.toml/fzlint.toml）"
    )
    group.add_argument("--isolated", action="store_true", help="忽略所有配置文件")


def _jobs(value: str) -> int:
    from fzlint.run.jobs import parse_jobs

    try:
        return parse_jobs(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数或 auto：{value!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up makes tens of thousands of objects that live as long as the process (modules,
    # classes, rule tables); the collector's ~40 passes over them in a cold run (~8 ms) free
    # nothing. For ``check`` it is paused until the rules are loaded, then those objects are
    # frozen (gc.freeze: never scanned again) and it resumes for the linting; when main
    # returns it is on again, nothing left frozen.
    global _collector_paused, _startup_frozen
    _collector_paused = gc.isenabled()  # a caller's own gc.disable() is left as it is
    gc.disable()
    try:
        return _main(argv)
    finally:
        if _startup_frozen:
            gc.unfreeze()
        if _collector_paused:
            gc.enable()
        _collector_paused = _startup_frozen = False


_collector_paused = False  # main paused the garbage collector for start-up
_startup_frozen = False  # and froze what start-up made


def _main(argv: Sequence[str] | None) -> int:
    _tolerant_streams()
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command != "check":  # the others load little; the language server runs for hours
        _resume_collector()
    try:
        if args.command == "check" and args.profile:
            return profiled(args)
        if args.command == "check":
            return run_check(args, sys.stdout, sys.stderr)
        if args.command == "rules":
            return run_rules(args, sys.stdout)
        if args.command == "explain":
            return run_explain(args, sys.stdout, sys.stderr)
        if args.command == "config":
            return run_config(args, sys.stdout)
        if args.command == "server":
            return server_command.run(args)
        if args.command == "outline":
            return __import__("fzlint.run.outline", fromlist=["run_outline"]).run_outline(args, sys.stdout, sys.stderr)
        parser.print_help()
        return EXIT_ERROR
    except UsageError as error:
        print(f"fzlint: 错误：{one_line(str(error))}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `fzlint check … | head`: the reader left; say nothing more
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the interpreter's final flush cannot fail
        return EXIT_ERROR
    except Exception as error:  # an internal error: one line, the traceback on request
        if args.debug or os.environ.get("FZLINT_DEBUG"):
            raise
        detail = one_line(f"{type(error).__name__}: {error}")
        print(f"fzlint: 内部错误：{detail}（加 --debug 查看回溯）", file=sys.stderr)
        return EXIT_ERROR


def profiled(args: argparse.Namespace) -> int:
    """``--profile``: run ``check`` with stage timers on, then print them to stderr."""
    from fzlint.run import profiling

    before_main = time.process_time()  # CPU spent starting Python and importing fzlint.cli
    started = time.perf_counter()
    profile = profiling.Profile()
    try:
        with profiling.session(profile):
            return run_check(args, sys.stdout, sys.stderr)
    finally:
        profiling.render(profile, time.perf_counter() - started, before_main, sys.stderr, profile.workers)


def one_line(text: str) -> str:
    """Messages on stderr are one line each, whatever an exception's text or a file name holds
    (control characters and undecodable bytes escaped: see fzlint.names)."""
    from fzlint.names import escape_name

    return escape_name(joined_line(text))


def _tolerant_streams() -> None:
    """A character the console's code page lacks (a GBK console, PYTHONIOENCODING=gbk) is
    written as an escape instead of ending the run with UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def resolver_from_args(args: argparse.Namespace, known_codes: frozenset[str]) -> Resolver:
    """Configuration files below the command line: --select and --year replace what a
    file says, --extend-select and --ignore add to it."""
    for option in ("select", "extend_select", "ignore"):
        check_codes(f"--{option.replace('_', '-')}", getattr(args, option, None) or [], known_codes)
    from fzlint.config.choices import Choices

    return Choices(
        select=getattr(args, "select", None),
        extend_select=getattr(args, "extend_select", None) or [],
        ignore=getattr(args, "ignore", None) or [],
        year=getattr(args, "year", None),
        previous=getattr(args, "previous", None),
        fix=getattr(args, "fix", None),
        unsafe_fixes=getattr(args, "unsafe_fixes", None),
        max_file_size=getattr(args, "max_file_size", None),
        config=args.config,
        isolated=args.isolated,
    ).resolver(known_codes)


def check_codes(option: str, codes: list[str], known: frozenset[str]) -> None:
    """Codes on the command line name registered rules or prefixes of them (as in config
    files); an unknown one is a usage error that names the nearest codes."""
    prefixes = {code[:i] for code in known for i in range(1, len(code) + 1)}
    for code in codes:
        if code == "ALL" or code in prefixes:
            continue
        import difflib  # only for a wrong code: with heapq, ~2 ms of a start

        near = difflib.get_close_matches(code, sorted(known), n=3, cutoff=0.5) or difflib.get_close_matches(
            code, sorted(prefixes), n=3, cutoff=0.5
        )
        hint = f"；是不是 {'、'.join(near)}？" if near else ""
        raise UsageError(f"{option} 中的规则代码 {code!r} 不存在{hint}（用 fzlint rules 查看全部规则）")


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """discover → config → lint → filter (suppressions, baseline) → report."""
    from fzlint.run.profiling import stage

    with stage("import engine"):
        from fzlint import reporters
        from fzlint.config.resolve import ConfigError
        from fzlint.run import inputs, profiling
        from fzlint.run.jobs import effective_jobs, lint_items
        from fzlint.run.plugins import new_registry
    with stage("plugins (entry points, rule modules)"):
        reg = new_registry()
    for problem in reg.problems:
        print(f"fzlint: 插件错误：{one_line(problem)}", file=err)
    if args.format not in reporters.available(reg):
        names = "、".join(sorted(reporters.available(reg)))
        raise UsageError(f"未知的输出格式 {args.format!r}（可用：{names}）")
    if args.annotate:  # only then: fzlint.run.annotating is the --annotate machinery
        from fzlint.run import annotating

        args.annotate, args.paths = annotating.inputs_from_option(args.annotate, args.paths)
    notes: list[str] = []  # files left out on purpose (Word lock files)
    try:
        resolver = resolver_from_args(args, reg.codes())
        reporter_reads_documents = reporters.needs_documents(reg, args.format)
        todo = list(
            inputs.collect(
                args.paths,
                resolver,
                args.stdin_filename,
                args.force_exclude,
                keeps_document=lambda settings: _needs_documents(args, settings.fix, reporter_reads_documents),
                notes=notes,
            )
        )
    except ConfigError as error:
        raise UsageError(str(error)) from None
    for note in notes:
        print(f"fzlint: 跳过 {one_line(note)}", file=err)

    if args.output_file is not None and not args.output_file.parent.is_dir():
        raise UsageError(f"无法写入输出文件 {args.output_file}：目录 {args.output_file.parent} 不存在")
    if args.pair_years:
        from fzlint.run.pairing import pair_years

        todo = pair_years(todo, reg)
    _rules_loaded(reg, todo)
    profile = profiling.active()
    if profile is not None:
        profile.workers = effective_jobs(args.jobs, len(todo) or 1)
    if not any(item.keep_document for item in todo):
        return _report_streamed(args, reg, todo, out, err)
    # item.lint(reg) (lint + suppression comments) for each, in order; processes with --jobs
    cache = _cache_for(args, reg, todo)
    results = list(lint_items(todo, reg, args.jobs, cache))
    fixing = None
    stdin_name = next((item.display for item in todo if item.data is not None), None)
    fixes = args.diff or any(item.settings.fix for item in todo)
    if fixes and stdin_name is not None and any(i.data is None and i.display == stdin_name for i in todo):
        # stdin's fixed text goes to stdout, a file's to disk: one name cannot say which is which
        raise UsageError(f"--stdin-filename {one_line(stdin_name)} 与同时给出的文件同名，修复时无法区分；请分两次运行")
    if fixes:
        # --diff previews every file; --fix (or `fix = true` in a folder's config) writes only
        # the files whose settings ask for it.
        chosen = [i for i, item in enumerate(todo) if args.diff or item.settings.fix]
        if not args.diff and stdin_name is not None and _stdin_docx(results, todo):
            # fixed Word XML cannot go to stdout as text: stdin's .docx is reported, not fixed
            note = "标准输入中的 .docx 不能用 --fix 写回，请给出文件路径"
            print(f"fzlint: 提示：{one_line(stdin_name)}: {note}", file=err)
            chosen = [i for i in chosen if todo[i].data is None]
            stdin_name = None
        fixing = run_autofix(
            args, reg, [todo[i].settings for i in chosen], [results[i] for i in chosen], stdin_name, out, err
        )
        for i, fixed in zip(chosen, fixing.results, strict=True):
            results[i] = fixed
        if args.diff:  # the diff is the output; no report
            failed = _errors_reported(results, err) or reg.problems
            return EXIT_ERROR if failed else (EXIT_FINDINGS if fixing.files_changed else EXIT_OK)
        if stdin_name is not None:
            out = err  # the fixed text of stdin went to stdout; the report goes to stderr
    if args.write_baseline or args.baseline:
        from fzlint.run import baseline  # only then: it imports hashlib (~3 ms)

        try:
            if args.write_baseline:
                recorded = baseline.write(results, args.write_baseline)
                print(f"fzlint: 已把 {recorded} 个问题记入基线 {args.write_baseline}", file=err)
                return _errors_reported(results, err)
            baseline.apply(results, args.baseline)
        except baseline.BaselineError as error:
            raise UsageError(str(error)) from None

    _errors_reported(results, err)
    options = reporters.ReportOptions(
        registry=reg,
        color=args.color,
        quiet=args.quiet,
        files_checked=sum(1 for r in results if r.error is None),
        extra={"show_all": args.show_all, "column_unit": args.column_unit},
    )
    with stage(f"report: {args.format} (incl. its imports)"), report_stream(args, out) as stream:
        reporters.resolve(reg, args.format)(results, stream, options)
    if args.annotate is not None:
        from fzlint.run import annotating

        if not annotating.write_all(results, todo, args.annotate, err):
            return EXIT_ERROR
    if nothing_read(args, len(results), sum(1 for r in results if r.error), err):
        return EXIT_ERROR
    if fixing is not None and fixing.errors:
        return EXIT_ERROR
    return exit_code(results, bool(reg.problems))


def _rules_loaded(reg: Registry, todo: list[CheckInput]) -> None:
    """Import the rule families the files' settings enable (the rest stay unimported), then
    resume the collector main paused for start-up: linting makes short-lived objects."""
    selections = list({id(item.settings): item.settings for item in todo}.values())
    reg.rules_for(lambda code: any(settings.is_enabled(code) for settings in selections))
    _resume_collector(freeze=True)


def _resume_collector(freeze: bool = False) -> None:
    """End main's start-up pause of the garbage collector (if it made one); ``freeze``: what
    exists now stays out of its passes until main returns."""
    global _startup_frozen
    if not _collector_paused or gc.isenabled():
        return
    if freeze:
        gc.freeze()
        _startup_frozen = True
    gc.enable()


def _stdin_docx(results: list[FileResult], todo: list[CheckInput]) -> bool:
    return any(
        item.data is not None and result.document is not None and result.document.kind == "docx"
        for item, result in zip(todo, results, strict=True)
    )


def _needs_documents(args: argparse.Namespace, fix: bool, reporter_reads_documents: bool) -> bool:
    """Whether results must keep their documents until the end (source lines, fixes)."""
    return bool(
        reporter_reads_documents
        or args.baseline
        or args.write_baseline
        or args.diff
        or fix
        or args.column_unit != "character"  # counting bytes or UTF-16 units needs the line
        or args.annotate is not None
    )


def _report_streamed(args: argparse.Namespace, reg: Registry, todo: list[CheckInput], out: TextIO, err: TextIO) -> int:
    """A diagnostics-only format: results go to the reporter one by one and are not kept."""
    from fzlint import reporters
    from fzlint.run import profiling
    from fzlint.run.jobs import effective_jobs, lint_items
    from fzlint.run.streaming import RenderedResults, StreamedResults

    options = reporters.ReportOptions(
        registry=reg, color=args.color, quiet=args.quiet, files_checked=sum(1 for item in todo if item.error is None)
    )
    render = reporters.resolve(reg, args.format)
    cache = _cache_for(args, reg, todo)
    workers = effective_jobs(args.jobs, len(todo))
    started = time.perf_counter()
    with report_stream(args, out) as stream:
        if workers > 1 and hasattr(render, "parts"):  # workers render; this process writes bytes
            from fzlint.run.parallel import render_in_pool

            renderer = reporters.chunk_renderer(render, options, stream)
            streamed: StreamedResults | RenderedResults = RenderedResults(
                render_in_pool(todo, workers, cache, renderer, reg)
            )
            streamed.write(reporters.PartsWriter(render.parts, stream))  # type: ignore[attr-defined]
        else:
            streamed = StreamedResults(lint_items(todo, reg, args.jobs, cache))
            render(streamed, stream, options)  # type: ignore[arg-type]
            streamed.drain()
    profile = profiling.active()
    if profile is not None:  # the files were linted while the reporter read them
        profile.add(f"report: {args.format} (incl. its imports)", time.perf_counter() - started - streamed.producing)
    for path, error in streamed.errors:
        print(f"fzlint: 错误：{one_line(f'{path}: {error}')}", file=err)
    if nothing_read(args, len(todo), len(streamed.errors), err):
        return EXIT_ERROR
    if reg.problems or streamed.errors or streamed.crashed:
        return EXIT_ERROR
    return EXIT_FINDINGS if streamed.error_findings else EXIT_OK


@contextlib.contextmanager
def report_stream(args: argparse.Namespace, out: TextIO) -> Iterator[TextIO]:
    """Where the report goes: ``-o/--output-file`` (UTF-8, written whole) or ``out``."""
    if args.output_file is None:
        yield out
        return
    try:
        stream = open(args.output_file, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as error:
        raise UsageError(f"无法写入输出文件 {args.output_file}：{error.strerror or error}") from None
    with stream:
        yield stream


def nothing_read(args: argparse.Namespace, files: int, failed: int, err: TextIO) -> bool:
    """No file could be read: say so (never "no problems"); True when the run must fail (exit 2).

    Nothing to lint at all (an empty folder, or every file excluded by configuration, as
    when pre-commit passes only excluded files) is said too, but is not a failure, unless
    the folders hold old .doc/.wps files that were not read."""
    if files and failed < files:
        return False
    if files:
        print(f"fzlint: 错误：没有检查任何文件：{failed} 个文件无法读取（见上）", file=err)
        return True
    where, legacy = "、".join(args.paths), legacy_files(args.paths)
    if legacy:
        print(f"fzlint: 错误：{where} 中只有 .doc/.wps 文件（{legacy} 个），没有读取：请另存为 .docx", file=err)
        return True
    print(f"fzlint: {where} 中没有要检查的 .txt、.md 或 .docx 文件", file=err)
    return False


def legacy_files(paths: list[str]) -> int:
    """Old Word/WPS files in the folders given: not searched for, so not read."""
    from fzlint.load.loading import discover

    return sum(1 for _ in discover([p for p in paths if Path(p).is_dir()], suffixes=(".doc", ".wps", ".wpt", ".dot")))


def _cache_for(args: argparse.Namespace, reg: Registry, todo: list[CheckInput]) -> ResultCache | None:
    """The result cache when asked for (--cache, or cache = true for every file), never while
    fixing: --fix and --diff re-lint every pass anyway."""
    wanted = args.cache if args.cache is not None else bool(todo) and all(i.settings.cache for i in todo)
    if not wanted or args.diff or any(item.settings.fix for item in todo):
        return None
    from fzlint.run.cache import DEFAULT_DIRECTORY, ResultCache  # only then: it imports tempfile

    directory = args.cache_dir or Path(os.environ.get("FZLINT_CACHE_DIR") or DEFAULT_DIRECTORY)
    return ResultCache.open(directory, reg)


def _errors_reported(results: list[FileResult], err: TextIO) -> int:
    """Print each file that could not be linted; EXIT_ERROR if there was any."""
    for result in results:
        if result.error:
            print(f"fzlint: 错误：{one_line(f'{result.path}: {result.error}')}", file=err)
    return EXIT_ERROR if any(r.error for r in results) else EXIT_OK


def run_autofix(
    args: argparse.Namespace,
    reg: Registry,
    settings: list[Settings],
    results: list[FileResult],
    stdin_name: str | None,
    out: TextIO,
    err: TextIO,
) -> FixRun:
    """--fix / --diff: fix in memory, write or print the diff, say what happened on stderr.

    Each file is fixed with its own settings; ``fix``/``unsafe-fixes`` may come from config.
    """
    from fzlint.fix.autofix import FixMode, run_fixes
    from fzlint.run.engine import lint_document

    mode = FixMode(write=not args.diff, diff=bool(args.diff), unsafe=bool(args.unsafe_fixes))

    def relint(document: Document, settings: Settings) -> list[Diagnostic]:
        return lint_document(document, settings, reg)

    fixing = run_fixes(results, settings, mode, out, relint, stdin_path=stdin_name)
    for problem in fixing.errors:
        print(f"fzlint: 错误：{one_line(problem)}", file=err)
    verb = "可修复" if mode.diff else "已修复"
    if fixing.fixed_count:
        # Standard input is no file: its count stands alone (never "（0 个文件）").
        files = f"（{fixing.files_changed} 个文件）" if fixing.files_changed else ""
        print(f"fzlint: {verb} {fixing.fixed_count} 处问题{files}", file=err)
    return fixing


def exit_code(results: list[FileResult], plugin_problems: bool = False) -> int:
    from fzlint.diagnostics import Severity

    if plugin_problems or any(r.error or r.crashed for r in results):
        return EXIT_ERROR
    if any(d.severity is Severity.ERROR for r in results for d in r.diagnostics):
        return EXIT_FINDINGS
    return EXIT_OK


def run_config(args: argparse.Namespace, out: TextIO) -> int:
    from fzlint.config.resolve import ConfigError, describe
    from fzlint.run.plugins import new_registry

    try:
        resolver = resolver_from_args(args, new_registry().codes())
        path = Path(args.path)
        resolved = resolver.for_file(path) if path.is_file() else resolver.for_directory(path)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    out.write(describe(resolved, args.format))
    return EXIT_OK


def run_rules(args: argparse.Namespace, out: TextIO) -> int:
    from fzlint.run.plugins import new_registry

    reg = new_registry()
    rows = [
        {
            "code": cls.code,
            "name": cls.name,
            "title": cls.display_title(),
            "severity": cls.severity.value,
            "summary": cls.summary,
            "plugin": reg.rule_plugins[code],
        }
        for code, cls in sorted(reg.rules.items())
    ]
    if args.format == "json":
        import json

        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    from fzlint.reporters.rich_output import rules_table

    rules_table(rows, out)
    return EXIT_OK


def run_explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from fzlint.run.plugins import new_registry

    cls = new_registry().rule(args.code)
    if cls is None:
        print(f"fzlint: 错误：没有规则 {args.code!r}（用 fzlint rules 查看全部规则）", file=err)
        return EXIT_ERROR
    out.write(cls.explain())
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
