"""The ``fzlint`` command line: ``check``, ``rules`` and ``explain``.

The whole flow of ``check`` is in :func:`run_check`: discover files, load,
parse, run rules, report. Exit codes: 0 no error-severity findings, 1 some,
2 usage error, unreadable input or internal error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from lint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A problem with the command line or configuration (exit 2)."""


def _codes(value: str) -> list[str]:
    return [part.strip().upper() for part in value.replace("，", ",").split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fzlint", description="法治政府建设年度报告合规检查工具",
    )
    parser.add_argument("--version", action="version", version=f"fzlint {__version__}")
    parser.add_argument("--debug", action="store_true", help="内部错误时显示完整的回溯信息")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="检查报告（.txt/.md 文件或目录）")
    check.add_argument("paths", nargs="*", default=["."], help="文件或目录；- 表示标准输入")
    check.add_argument("--format", default="rich", help="输出格式（默认 rich；另有 json 等）")
    check.add_argument("--select", type=_codes, help="只启用这些规则代码或前缀，逗号分隔")
    check.add_argument("--extend-select", type=_codes, default=[], help="在已选规则之外再启用这些")
    check.add_argument("--ignore", type=_codes, default=[], help="不启用这些规则代码或前缀")
    check.add_argument("--year", type=int, help="报告年度（正文无法判断时使用）")
    check.add_argument("--stdin-filename", help="从标准输入读取时使用的文件名")
    check.add_argument("--quiet", action="store_true", help="只显示错误级别的问题")
    check.add_argument("--fix", action="store_true", default=None,
                       help="应用安全的自动修复并写回文件（.docx 不改写），再报告剩余问题")
    check.add_argument("--diff", action="store_true",
                       help="只显示自动修复会做的修改（统一 diff），不写文件；有修改时退出码为 1")
    check.add_argument("--unsafe-fixes", action="store_true", default=None,
                       help="也应用标为不安全的修复（如标题重新编号）")
    color = check.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None,
                       help="强制彩色输出")
    color.add_argument("--no-color", dest="color", action="store_false", help="不用彩色输出")

    rules = sub.add_parser("rules", help="列出所有规则")
    rules.add_argument("--format", choices=["rich", "json"], default="rich")

    explain = sub.add_parser("explain", help="解释一条规则：fzlint explain S101")
    explain.add_argument("code", help="规则代码或名称，如 S101 或 missing-part")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return run_check(args, sys.stdout, sys.stderr)
        if args.command == "rules":
            return run_rules(args, sys.stdout)
        if args.command == "explain":
            return run_explain(args, sys.stdout, sys.stderr)
        parser.print_help()
        return EXIT_ERROR
    except UsageError as error:
        print(f"fzlint: 错误：{error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # an internal error: one line, the traceback on request
        if args.debug or os.environ.get("FZLINT_DEBUG"):
            raise
        print(f"fzlint: 内部错误：{type(error).__name__}: {error}（加 --debug 查看回溯）",
              file=sys.stderr)
        return EXIT_ERROR


def settings_from_args(args: argparse.Namespace):  # -> Settings
    from lint.settings import Settings

    settings = Settings()
    if args.select:
        settings.select = args.select
    settings.extend_select = args.extend_select
    settings.ignore = args.ignore
    if args.year is not None:
        settings.year = args.year
    if args.fix is not None:
        settings.fix = args.fix
    if args.unsafe_fixes is not None:
        settings.unsafe_fixes = args.unsafe_fixes
    return settings


def run_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from lint import reporters
    from lint.engine import FileResult, lint_path
    from lint.loading import discover
    from lint.plugins import registry

    reg = registry()
    for problem in reg.problems:
        print(f"fzlint: 插件错误：{problem}", file=err)
    if args.format not in reporters.available(reg):
        names = "、".join(sorted(reporters.available(reg)))
        raise UsageError(f"未知的输出格式 {args.format!r}（可用：{names}）")
    settings = settings_from_args(args)

    results: list[FileResult] = []
    stdin_name = None
    for item in discover(args.paths):
        if isinstance(item, str):
            results.append(FileResult(path=item.split(": ")[0], error=item.split(": ", 1)[1]))
        elif str(item) == "-":
            data = sys.stdin.buffer.read()
            name = stdin_name = args.stdin_filename or "-"
            results.append(lint_path(Path(name), settings, display_path=name, data=data))
        else:
            results.append(lint_path(item, settings))

    fixing = None
    if settings.fix or args.diff:
        fixing = run_autofix(args, settings, results, stdin_name, out, err)
        results = fixing.results
        if args.diff:  # the diff is the output; no report
            failed = _errors_reported(results, err) or reg.problems
            return EXIT_ERROR if failed else (EXIT_FINDINGS if fixing.files_changed else EXIT_OK)
        if stdin_name is not None:
            out = err  # the fixed text of stdin went to stdout; the report goes to stderr

    _errors_reported(results, err)
    options = reporters.ReportOptions(
        registry=reg, color=args.color, quiet=args.quiet,
        files_checked=sum(1 for r in results if r.error is None),
    )
    reporters.resolve(reg, args.format)(results, out, options)
    if fixing is not None and fixing.errors:
        return EXIT_ERROR
    return exit_code(results, bool(reg.problems))


def _errors_reported(results: list, err: TextIO) -> int:
    """Print each file that could not be linted; EXIT_ERROR if there was any."""
    for result in results:
        if result.error:
            print(f"fzlint: 错误：{result.path}: {result.error}", file=err)
    return EXIT_ERROR if any(r.error for r in results) else EXIT_OK


def run_autofix(args: argparse.Namespace, settings, results: list, stdin_name: str | None,
                out: TextIO, err: TextIO):  # -> lint.autofix.FixRun
    """--fix / --diff: fix in memory, write or print the diff, say what happened on stderr."""
    from lint.autofix import FixMode, run_fixes

    mode = FixMode(write=bool(settings.fix), diff=bool(args.diff), unsafe=bool(settings.unsafe_fixes))
    fixing = run_fixes(results, settings, mode, out, stdin_path=stdin_name)
    for problem in fixing.errors:
        print(f"fzlint: 错误：{problem}", file=err)
    verb = "可修复" if mode.diff else "已修复"
    if fixing.fixed_count:
        print(f"fzlint: {verb} {fixing.fixed_count} 处问题（{fixing.files_changed} 个文件）", file=err)
    return fixing


def exit_code(results: list, plugin_problems: bool = False) -> int:
    from lint.diagnostics import Severity

    if plugin_problems or any(r.error or r.crashed for r in results):
        return EXIT_ERROR
    if any(d.severity is Severity.ERROR for r in results for d in r.diagnostics):
        return EXIT_FINDINGS
    return EXIT_OK


def run_rules(args: argparse.Namespace, out: TextIO) -> int:
    from lint.plugins import registry

    reg = registry()
    rows = [
        {"code": cls.code, "name": cls.name, "severity": cls.severity.value,
         "summary": cls.summary, "plugin": reg.rule_plugins[code]}
        for code, cls in sorted(reg.rules.items())
    ]
    if args.format == "json":
        import json

        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_OK
    from rich.table import Table

    from lint.reporters.rich_output import console_for

    table = Table(title=f"fzlint 规则（{len(rows)} 条）", header_style="bold")
    for column in ("代码", "名称", "默认级别", "说明"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["code"], row["name"], row["severity"], row["summary"])
    console_for(out, None).print(table)
    return EXIT_OK


def run_explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from lint.plugins import registry

    cls = registry().rule(args.code)
    if cls is None:
        print(f"fzlint: 错误：没有规则 {args.code!r}（用 fzlint rules 查看全部规则）", file=err)
        return EXIT_ERROR
    out.write(explain_text(cls))
    return EXIT_OK


def explain_text(cls) -> str:  # cls: type[Rule]
    lines = [
        f"{cls.code} {cls.name}（默认级别：{cls.severity.value}）",
        "",
        cls.summary,
        "",
        cls.explanation(),
        "",
        "错误示例：",
        *("    " + line for line in cls.bad.splitlines()),
        "",
        "正确示例：",
        *("    " + line for line in cls.good.splitlines()),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
