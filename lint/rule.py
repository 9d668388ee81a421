"""The base class every rule (built-in or third-party) derives from.

A rule is a small class with metadata and a ``check`` generator, in the style of
sqlfluff's rules and ruff's rule docs: the class docstring explains what the
rule does and why, ``bad`` and ``good`` show an example, and ``fzlint explain``
prints exactly this text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from fzlint import regex
from fzlint.diagnostics import Diagnostic, Edit, Fix, Severity

if TYPE_CHECKING:
    from fzlint.parse.outline import Report
    from fzlint.settings import Settings

CODE_PATTERN = regex.compile(r"^[A-Z]{1,3}\d{3}$")
NAME_PATTERN = regex.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


T = TypeVar("T")


class Facts:
    """Facts about one report that several rules need (half-width marks, the improvement
    section's lines, …): each is computed once, by whichever rule asks first, and then only
    read. Rules never leave notes for each other anywhere else."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values: dict[Any, Any] = {}

    def get(self, key: Any, compute: Callable[[], T]) -> T:
        try:
            return self._values[key]
        except KeyError:
            value = self._values[key] = compute()
            return value


@dataclass
class Context:
    """What a rule may look at besides the report: the effective settings, the codes this
    run knows (registered rules), the report's shared facts and last year's report."""

    settings: Settings
    known_codes: frozenset[str] = frozenset()
    facts: Facts = field(default_factory=Facts)
    # Last year's report of the same unit, parsed, when the run has one (--previous).
    previous: Report | None = None

    def data(self, key: str) -> dict | list:
        """A data table from the package, extended or trimmed by configuration."""
        from fzlint import data

        return data.load(key, self.settings.data_overrides.get(key))


class Rule:
    """Base class for rules. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    # A short Chinese name for people (rule tables, `fzlint rules`, the HTML report); the
    # kebab-case name stays the stable identifier. Optional for plugins: they show the name.
    title: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str]
    bad: ClassVar[str]
    good: ClassVar[str]
    # Codes whose findings take precedence: a finding of this rule inside the extent of one
    # of theirs is dropped by the engine (one defect, one finding), whichever rules are on.
    defers_to: ClassVar[frozenset[str]] = frozenset()
    # A rule that compares the report with last year's (--previous, Context.previous): its
    # bad/good examples describe the two reports rather than being one report's text.
    needs_previous: ClassVar[bool] = False

    def __init__(self, severity: Severity | None = None) -> None:
        self.effective_severity = severity or self.severity

    @classmethod
    def display_title(cls) -> str:
        return cls.title or cls.name

    @classmethod
    def explanation(cls) -> str:
        """The rule's docstring, dedented: what it does and why it matters."""
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def explain(cls) -> str:
        """What ``fzlint explain CODE`` prints (and SARIF's rule help): summary, why, bad and good."""
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

    @classmethod
    def metadata_problems(cls) -> list[str]:
        """Why this rule class cannot be registered (empty when it is well-formed)."""
        problems = []
        code = getattr(cls, "code", "")
        if not CODE_PATTERN.match(code or ""):
            problems.append(f"代码 {code!r} 不合格式（如 S101）")
        if not NAME_PATTERN.match(getattr(cls, "name", "") or ""):
            problems.append(f"名称 {getattr(cls, 'name', '')!r} 不是 kebab-case")
        for attr in ("summary", "bad", "good"):
            if not getattr(cls, attr, ""):
                problems.append(f"缺少 {attr}")
        if not cls.explanation():
            problems.append("缺少说明（类文档字符串）")
        return problems

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        raise NotImplementedError

    # -- helpers for subclasses -------------------------------------------------

    def diagnostic(
        self,
        report: Report,
        line: int,
        column: int,
        end_column: int | None,
        message: str,
        *,
        end_line: int | None = None,
        fix: Fix | None = None,
        covers: tuple[int, int] | None = None,
    ) -> Diagnostic:
        """A diagnostic at 0-based ``line``/``column`` (end exclusive); stored 1-based.

        ``end_column=None`` marks to the end of the line. ``covers`` (0-based first and last
        line, inclusive) is what the finding speaks for when that is more than its span.
        """
        document = report.document
        lines = document.lines
        width = len(lines[line])
        if end_line is None:
            end_line, end_width = line, width
        else:
            end_width = len(lines[end_line])
        if end_column is None:
            end_column = end_width
        # A span never leaves its lines (a rule asking for "the first character" of an
        # empty document gets the empty span at 1:1).
        if not 0 <= column <= width:
            column = 0 if column < 0 else width
        if not 0 <= end_column <= end_width:
            end_column = 0 if end_column < 0 else end_width
        if end_line == line and end_column <= column:
            # Never an empty span unless the line itself is empty.
            end_column = min(column + 1, width)
        return Diagnostic(
            document.path,
            line + 1,
            column + 1,
            end_line + 1,
            end_column + 1,
            self.code,
            self.name,
            self.effective_severity,
            message,
            fix,
            None,
            None if covers is None else (covers[0] + 1, covers[1] + 1),
        )

    @staticmethod
    def replacement(line: int, column: int, end_column: int, content: str, message: str, safe: bool = True) -> Fix:
        """A one-edit fix on a single line (0-based input, stored 1-based)."""
        edit = Edit(line + 1, column + 1, line + 1, end_column + 1, content)
        return Fix(edits=(edit,), message=message, safe=safe)
