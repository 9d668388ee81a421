"""Running rules over reports: one file in, sorted diagnostics out.

The core implements ``fzlint_check_report`` by running each enabled rule in
isolation; ``lint_document`` calls every implementation of that hook the same
way, so a crashing rule or plugin costs only its own findings (an ``E999``
diagnostic names it) and the exit code becomes 2.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from fzlint.diagnostics import CRASH_CODE, CRASH_NAME, Diagnostic, Severity, one_line
from fzlint.document import Document
from fzlint.hookspecs import hookimpl
from fzlint.load.loading import LoadError, load_path
from fzlint.parse.lines import ChromePatterns, chrome_patterns
from fzlint.parse.outline import Report, build_report
from fzlint.parse.parts import PartKeywords
from fzlint.rule import Context, Rule
from fzlint.run.plugins import Registry
from fzlint.run.profiling import stage
from fzlint.settings import Settings

__all__ = ["CRASH_CODE", "CRASH_NAME", "FileResult", "lint_document", "lint_path"]


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    document: Document | None = None
    error: str | None = None  # why the file could not be linted (one line)

    @property
    def crashed(self) -> bool:
        return any(d.code == CRASH_CODE for d in self.diagnostics)


def crash_diagnostic(path: str, culprit: str, error: BaseException) -> Diagnostic:
    import traceback  # only for a crash: it costs ~2 ms to import

    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    location = f"（{Path(where.filename).name}:{where.lineno}）" if where else ""
    return Diagnostic(
        path=path,
        line=1,
        column=1,
        end_line=1,
        end_column=2,
        code=CRASH_CODE,
        name=CRASH_NAME,
        severity=Severity.ERROR,
        message=(
            f"{culprit} 内部出错：{type(error).__name__}: {one_line(str(error))}{location}；"
            "其他规则的结果不受影响，请向该规则的作者报告"
        ),
    )


def enabled_rules(settings: Settings, reg: Registry) -> list[Rule]:
    key = ("enabled", *_selection(settings), tuple(settings.severity.items()))
    chosen = reg.memo.get(key)
    if chosen is None:
        chosen = reg.memo[key] = [
            (cls, settings.severity.get(code))
            for code, cls in sorted(reg.rules_for(settings.is_enabled).items())  # imports only the families needed
            if settings.is_enabled(code)
        ]
    return [cls(severity=severity) for cls, severity in chosen]  # type: ignore[attr-defined]


def _selection(settings: Settings) -> tuple[tuple[str, ...], ...]:
    """What ``Settings.is_enabled`` reads, as a key."""
    return (tuple(settings.select), tuple(settings.extend_select), tuple(settings.ignore))


def keywords_for(settings: Settings, reg: Registry) -> PartKeywords:
    """The part keywords for ``settings``: one object per run and override, so the answers it
    remembers per heading carry across the files of a batch."""
    from fzlint import data

    override = settings.data_overrides.get("parts")
    key = ("part-keywords", _canonical(override) if override else "")
    cached = reg.memo.get(key)
    if cached is not None:
        return cached  # type: ignore[return-value]
    keywords = PartKeywords.from_table(data.load("parts", override))
    for extra in reg.manager.hook.fzlint_part_keywords():
        if extra:
            keywords = keywords.extended(extra)
    reg.memo[key] = keywords
    return keywords


def _canonical(value: object) -> str:
    import json  # only for a configured override: json is ~2 ms of a start

    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _last_year_report(previous: Document, keywords: PartKeywords, chrome: ChromePatterns, reg: Registry) -> Report:
    """Last year's report parsed once for all the files of a run that compare with it (one
    slot: the same document object, keywords and chrome table, else parsed again)."""
    cached = reg.memo.get("last-year-report")
    inputs = (previous, keywords, chrome)
    if cached is not None and all(a is b for a, b in zip(cached[:3], inputs, strict=True)):  # type: ignore[index]
        return cached[3]  # type: ignore[index,no-any-return]
    report = build_report(previous, keywords, chrome)
    reg.memo["last-year-report"] = (*inputs, report)
    return report


@hookimpl
def fzlint_check_report(report: Report, context: Context, rules: list[Rule]) -> list[Diagnostic]:
    """The core's check: every enabled rule, each isolated from the others."""
    found: list[Diagnostic] = []
    for rule in rules:
        try:
            with stage(f"rules: {type(rule).__module__}"):  # --profile: time per rule family
                found.extend(capped(rule, rule.check(report, context), report, context.settings.max_findings_per_rule))
        except (Exception, SystemExit) as error:  # sys.exit in a rule must not end the run
            culprit = f"规则 {rule.code} ({rule.name})"
            found.append(crash_diagnostic(report.document.path, culprit, error))
    return found


def capped(rule: Rule, findings: Iterable[Diagnostic], report: Report, limit: int) -> Iterator[Diagnostic]:
    """A rule's findings, at most ``limit`` of them (0: no limit), then one finding that says
    how many more there are: a 7 MB line of 《 must not hold millions of findings in memory."""
    count = 0
    last: Diagnostic | None = None
    for diagnostic in findings:
        count += 1
        if not limit or count <= limit:
            yield diagnostic
        last = diagnostic
    if limit and count > limit and last is not None:
        more = count - limit
        yield Diagnostic(
            path=last.path,
            line=last.line,
            column=last.column,
            end_line=last.end_line,
            end_column=last.end_column,
            code=rule.code,
            name=rule.name,
            severity=last.severity,
            message=f"{rule.code} 在本文件中还有 {more} 处同类问题未列出（每条规则最多列 {limit} 处，"
            "见配置项 max-findings-per-rule）：请先修改已列出的问题",
        )


def lint_document(
    document: Document, settings: Settings, registry: Registry, previous: Document | None = None
) -> list[Diagnostic]:
    """All diagnostics for one document: every rule, then select/ignore/per-file-ignores and the
    document's own suppression comments; sorted. The one place a run's findings are decided.

    ``previous`` is last year's report of the same unit (the Y2xx rules compare with it)."""
    from fzlint.run import suppression

    with stage("data tables"):
        chrome = chrome_patterns(settings.data_overrides.get("chrome"))
        keywords = keywords_for(settings, registry)
    report = build_report(document, keywords, chrome)
    last_year = _last_year_report(previous, keywords, chrome, registry) if previous is not None else None
    known_codes = registry.codes()
    context = Context(settings=settings, known_codes=known_codes, previous=last_year)
    rules = enabled_rules(settings, registry)
    found: list[Diagnostic] = []
    hook = registry.manager.hook.fzlint_check_report
    args = {"report": report, "context": context, "rules": rules}
    for impl in hook.get_hookimpls():
        try:
            # The core's own rules are timed per family inside; time other plugins whole.
            with stage(f"plugin: {impl.plugin_name}" if impl.plugin_name != __name__ else None):
                found.extend(impl.function(*[args[name] for name in impl.argnames]) or [])
        except (Exception, SystemExit) as error:
            found.append(crash_diagnostic(document.path, f"插件 {impl.plugin_name}", error))
    ignored = _ignored_codes(document.path, settings)
    # per code, not per diagnostic (P101 can fire thousands of times); shared by the files
    # with the same selection and per-file ignores
    key = ("verdicts", *_selection(settings), tuple(ignored))
    verdicts: dict[str, bool] = registry.memo.setdefault(key, {})  # type: ignore[assignment]

    def reported(code: str) -> bool:
        verdict = verdicts.get(code)
        if verdict is None:
            verdict = verdicts[code] = code == CRASH_CODE or (settings.is_enabled(code) and not _matches(code, ignored))
        return verdict

    kept = _without_deferred([_in_bounds(d, document) for d in found if reported(d.code)], registry)
    # dict.fromkeys drops duplicates keeping emission order (a set's order varies between
    # runs), and the stable sort keeps ties (three S101 at one heading) in that order.
    kept = sorted(dict.fromkeys(kept), key=Diagnostic.sort_key)
    return suppression.apply(document, kept, settings, known_codes, reported)


def _in_bounds(diagnostic: Diagnostic, document: Document) -> Diagnostic:
    """A plugin's position clamped into the document: lines 1..n, columns within the line,
    the end never before the start (never "line 0", never SARIF's startLine < 1)."""
    lines = document.lines
    line, end_line = diagnostic.line, diagnostic.end_line
    if 1 <= line <= end_line <= len(lines):  # the common case: already inside, kept as it is
        column, end_column = diagnostic.column, diagnostic.end_column
        if (
            1 <= column <= len(lines[line - 1]) + 1
            and 1 <= end_column <= len(lines[end_line - 1]) + 1
            and (end_line != line or end_column >= column)
        ):
            return diagnostic
    last = max(1, len(lines))
    line = min(max(diagnostic.line, 1), last)
    end_line = min(max(diagnostic.end_line, line), last)
    width = len(lines[line - 1]) + 1 if lines else 1
    column = min(max(diagnostic.column, 1), width)
    end_width = len(lines[end_line - 1]) + 1 if lines else 1
    end_column = min(max(diagnostic.end_column, 1), end_width)
    if end_line == line and end_column < column:
        end_column = column
    if (line, column, end_line, end_column) == (
        diagnostic.line,
        diagnostic.column,
        diagnostic.end_line,
        diagnostic.end_column,
    ):
        return diagnostic
    return replace(diagnostic, line=line, column=column, end_line=end_line, end_column=end_column)


def _without_deferred(found: list[Diagnostic], registry: Registry) -> list[Diagnostic]:
    """One defect, one finding: a rule that ``defers_to`` others loses its findings that lie
    within the extent of one of theirs (only findings that are reported count)."""
    # Only loaded rules can have findings; the families loaded so far are the key (they only grow).
    key = ("deferring", len(registry.loaded))
    deferring = registry.memo.get(key)
    if deferring is None:
        deferring = {code: cls.defers_to for code, cls in registry.loaded.items() if cls.defers_to}
        registry.memo[key] = deferring
    assert isinstance(deferring, dict)
    if not deferring or not any(d.code in deferring for d in found):
        return found
    wanted = {code for codes in deferring.values() for code in codes}
    extents: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    for d in found:
        if d.code in wanted:
            extents.setdefault(d.code, []).append(d.extent())
    if not extents:
        return found

    def deferred(d: Diagnostic) -> bool:
        start, end = (d.line, d.column), (d.end_line, d.end_column)
        return any(
            first <= start and end <= last
            for code in deferring.get(d.code, ())
            for first, last in extents.get(code, ())
        )

    return [d for d in found if not deferred(d)]


def _ignored_codes(path: str, settings: Settings) -> list[str]:
    codes: list[str] = []
    if not settings.per_file_ignores:
        return codes
    # Config files anchor globs with a folder at their own folder, hence the absolute form.
    candidates = (path, Path(path).name, Path(os.path.abspath(path)).as_posix())
    for pattern, listed in settings.per_file_ignores.items():
        if any(fnmatch.fnmatch(candidate, pattern) for candidate in candidates):
            codes += listed
    return codes


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in prefixes)


def lint_path(
    path: Path,
    settings: Settings,
    registry: Registry,
    display_path: str | None = None,
    data: bytes | None = None,
    previous: Path | None = None,
) -> FileResult:
    """Load and lint one file; a load failure is recorded, never raised.

    ``previous`` (else ``settings.previous``) is last year's report to compare with."""
    display = display_path or str(path)
    try:
        with stage("read + decode"):
            document = load_path(path, registry.manager, display, data, max_size=settings.max_file_size)
    except LoadError as error:
        return FileResult(path=display, error=str(error))
    last_year = previous or (Path(settings.previous) if settings.previous else None)
    previous_document = None
    if last_year is not None and not _same_file(last_year, path, data):
        try:
            with stage("read + decode"):
                previous_document = _last_year_document(last_year, registry, settings.max_file_size)
        except LoadError as error:
            return FileResult(path=display, error=f"上一年度报告 {last_year}：{error}")
    diagnostics = lint_document(document, settings, registry, previous_document)
    return FileResult(path=display, document=document, diagnostics=diagnostics)


def _last_year_document(path: Path, reg: Registry, max_size: int) -> Document:
    """Last year's report, read once per run for every file compared with it (kept while its
    size and modification time stay the same; a failed read is not kept)."""
    try:
        info = path.stat()
        key: tuple[object, ...] = (str(path.resolve()), info.st_size, info.st_mtime_ns, max_size)
    except OSError:
        key = ()  # load_path reports the error
    cached = reg.memo.get("last-year-document")
    if key and cached is not None and cached[0] == key:  # type: ignore[index]
        return cached[1]  # type: ignore[index,no-any-return]
    document = load_path(path, reg.manager, max_size=max_size)
    if key:
        reg.memo["last-year-document"] = (key, document)
    return document


def _same_file(previous: Path, path: Path, data: bytes | None) -> bool:
    """A report is never compared with itself (a folder may hold last year's report too)."""
    if data is not None:
        return False
    try:
        return previous.resolve() == path.resolve()
    except OSError:
        return False
