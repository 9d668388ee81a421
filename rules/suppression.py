"""X1xx: suppression comments themselves (syntax: lint/parse/directives.py; applied: lint/run/suppression.py)."""

from __future__ import annotations

from collections.abc import Iterator

from fzlint.diagnostics import Diagnostic, Severity
from fzlint.hookspecs import hookimpl
from fzlint.parse.directives import DIRECTIVE_KINDS, UNUSED_CODE, UNUSED_NAME, parse
from fzlint.parse.outline import Report
from fzlint.rule import Context, Rule


class UnusedSuppression(Rule):
    """一条 ``<!-- fzlint-… -->`` 抑制注释没有抑制任何问题。

    抑制注释只在 Markdown 报告里生效。问题改好以后，原来的抑制注释就没用了，留着
    会把以后真正的问题也一起藏起来，所以要删除。本规则报告三种情况：注释里的某个
    规则代码在所管的范围内没有抑制到任何问题；代码不存在（写错了）；指令写错了
    （只认 ``fzlint-disable``、``fzlint-enable``、``fzlint-disable-next-line``、
    ``fzlint-disable-file``）。“没有抑制到问题”要等所有规则跑完才知道，由
    ``lint/run/suppression.py`` 在过滤时报告；本规则的 ``check`` 报告后两种。
    本次运行没有启用的规则代码不算没用。
    """

    code = UNUSED_CODE
    name = UNUSED_NAME
    title = "无效的抑制注释"
    severity = Severity.WARNING
    summary = "抑制注释没有抑制任何问题，或代码、指令写错"
    bad = "<!-- fzlint-disable-next-line W101 -->\n一、主要举措和成效"
    good = "<!-- fzlint-disable-next-line W101 -->\n来源：某某局 发布时间：2025-12-26"

    def check(self, report: Report, context: Context) -> Iterator[Diagnostic]:
        if report.document.kind != "markdown":
            return
        known = context.known_codes
        good, bad = parse(report.document.lines)
        for directive in bad:
            yield self.diagnostic(
                report,
                directive.line - 1,
                directive.column - 1,
                directive.end_column - 1,
                f"“fzlint-{directive.kind}”不是抑制指令：请改为 "
                + "、".join(f"fzlint-{kind}" for kind in DIRECTIVE_KINDS),
            )
        for directive in good:
            for code, column in directive.codes.items():
                if code != "ALL" and not any(k.startswith(code) for k in known):
                    yield self.diagnostic(
                        report,
                        directive.line - 1,
                        column - 1,
                        column - 1 + len(code),
                        f"抑制注释中的 {code} 不是规则代码：请改正（fzlint rules 列出全部代码）",
                    )


@hookimpl
def fzlint_register_rules() -> list[type[Rule]]:
    return [UnusedSuppression]
