"""The demo plugins of the test suite, in one place.

Two ways to load one, as a user's plugin is loaded:

- ``install``: a fake installed distribution (a ``*.dist-info`` with an
  ``entry_points.txt``) and its modules under a folder; put the folder on the path
  (``robustness.runner.fzlint(plugin_path=…)``, or ``sys.path``) and fzlint finds it
  through the real entry-point path;
- ``module`` / ``plugin_with``: an in-process plugin for ``new_registry(extra_plugins=…)``.

The sources are what a third-party author would write; ``demo_rule`` builds a
well-formed rule class for the registry tests.
"""

from __future__ import annotations

import textwrap
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fzlint.hookspecs import hookimpl
from fzlint.rule import Rule

# X901 raises in its check (after one finding); X902 in the same plugin behaves.
RAISING_RULES = '''
from fzlint.diagnostics import Severity
from fzlint.hookspecs import hookimpl
from fzlint.rule import Rule


class Exploding(Rule):
    """Always raises, as a buggy third-party rule would."""

    code = "X901"
    name = "always-explodes"
    severity = Severity.ERROR
    summary = "raises"
    bad = "x"
    good = "y"

    def check(self, report, context):
        yield self.diagnostic(report, 0, 0, 1, "partial finding before the crash")
        raise RuntimeError("boom in the rule\\nsecond line of the message")


class Quiet(Rule):
    """A well-behaved rule in the same plugin: its finding must survive."""

    code = "X902"
    name = "first-line"
    severity = Severity.WARNING
    summary = "marks line 1"
    bad = "x"
    good = "y"

    def check(self, report, context):
        yield self.diagnostic(report, 0, 0, 1, "第一行")


@hookimpl
def fzlint_register_rules():
    return [Exploding, Quiet]
'''

# A whole-report hook that raises.
WHOLE_REPORT = """
from fzlint.hookspecs import hookimpl


@hookimpl
def fzlint_check_report(report, context):
    raise KeyError("whole-report hook failed")
"""

# An output format that writes a little, then raises.
REPORTER = """
from fzlint.hookspecs import hookimpl


def explode(results, stream, options):
    stream.write("partial output\\n")
    raise ValueError("reporter broke\\nwith a second line")


@hookimpl
def fzlint_register_reporters():
    return {"explode": explode}
"""

# A rule that edits the file on disk while it is being linted, as an editor saving in
# the middle of a pre-commit run would.
MUTATOR = '''
from pathlib import Path

from fzlint.diagnostics import Severity
from fzlint.hookspecs import hookimpl
from fzlint.rule import Rule

MARK = "（编辑器在检查期间保存的新内容）"


class EditsTheFile(Rule):
    """Appends to the file under check once, then reports nothing."""

    code = "X904"
    name = "edits-the-file"
    severity = Severity.INFO
    summary = "edits"
    bad = "x"
    good = "y"

    def check(self, report, context):
        path = Path(report.document.path)
        if path.is_file() and MARK not in path.read_text(encoding="utf-8"):
            with path.open("a", encoding="utf-8") as stream:
                stream.write(MARK + "\\n")
        return iter(())


@hookimpl
def fzlint_register_rules():
    return [EditsTheFile]
'''


# Prints while it is imported (its output must not end up in the report).
PRINTING = """
print("hello from a plugin import")

from fzlint.hookspecs import hookimpl


@hookimpl
def fzlint_register_rules():
    return []
"""

# A rule that returns positions outside the document (they are clamped).
BAD_POSITIONS = '''
from fzlint.diagnostics import Diagnostic, Severity
from fzlint.hookspecs import hookimpl
from fzlint.rule import Rule


class Wild(Rule):
    """Returns positions outside the document."""

    code = "X903"
    name = "wild-positions"
    severity = Severity.WARNING
    summary = "bad positions"
    bad = "x"
    good = "y"

    def check(self, report, context):
        for line, column, end_line, end_column in ((0, 0, 0, 0), (-1, -5, -1, -9), (10**6, 3, 10**6, 1), (2, 9, 1, 1)):
            yield Diagnostic(report.document.path, line, column, end_line, end_column, self.code, self.name,
                             Severity.WARNING, "wild")


@hookimpl
def fzlint_register_rules():
    return [Wild]
'''


def install(
    root: Path,
    dist: str,
    entries: dict[str, str],
    modules: dict[str, str] | None = None,
    other_groups: dict[str, dict[str, str]] | None = None,
) -> Path:
    """A fake installed distribution ``dist`` under ``root``: ``fzlint`` entry points and modules."""
    info = root / f"{dist}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1\n", encoding="utf-8")
    groups = {**(other_groups or {}), "fzlint": entries}
    text = "".join(
        f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in points.items()) + "\n"
        for group, points in groups.items()
    )
    (info / "entry_points.txt").write_text(text, encoding="utf-8")
    for name, source in (modules or {}).items():
        (root / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    return root


def module(name: str, source: str) -> types.ModuleType:
    """One of the sources above as an in-process plugin module."""
    plugin = types.ModuleType(name)
    exec(compile(textwrap.dedent(source), f"{name}.py", "exec"), plugin.__dict__)
    return plugin


def demo_rule(**attrs: Any) -> type[Rule]:
    """A well-formed rule class (Q101 good-rule, quiet) with ``attrs`` replaced."""
    base: dict[str, Any] = {
        "__doc__": "说明。",
        "code": "Q101",
        "name": "good-rule",
        "summary": "概要",
        "bad": "坏",
        "good": "好",
        "check": lambda self, report, context: iter(()),
    }
    class_name = attrs.pop("class_name", "CustomRule")
    base.update(attrs)
    return type(class_name, (Rule,), base)


def plugin_with(*rules: type[Rule], name: str = "MyPlugin") -> type:
    """An in-process plugin (a class, named ``name``) that registers ``rules``."""

    def register() -> list[type[Rule]]:
        return list(rules)

    hook: Callable[[], list[type[Rule]]] = staticmethod(hookimpl(register))  # type: ignore[assignment]
    return type(name, (), {"fzlint_register_rules": hook})
