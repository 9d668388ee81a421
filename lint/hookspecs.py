"""Every hook fzlint calls, declared and documented in one place (as pytest's hookspec.py).

Plugins are modules or objects with functions marked ``@hookimpl`` and named
like the specs below. Built-in rule families are plugins too, registered from
the entry-point group ``fzlint`` exactly as a third-party package's would be::

    # a third-party plugin's pyproject.toml
    [project.entry-points.fzlint]
    mycity = "fzlint_mycity.rules"

Hooks are called with keyword arguments only; an implementation may accept any
subset of a spec's parameters. Implementations run last-registered first, so
the engine sorts diagnostics before reporting them.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from fzlint.diagnostics import Diagnostic
    from fzlint.document import Document
    from fzlint.parse.outline import Report
    from fzlint.rule import Context, Rule

PROJECT = "fzlint"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def fzlint_register_rules() -> list[type[Rule]]:
    """Return the rule classes this plugin contributes.

    Every class must derive from :class:`fzlint.rule.Rule` and carry a unique code
    (``S101``), a kebab-case name, a summary, a docstring explanation and a
    ``bad``/``good`` example; the registry refuses malformed or duplicate rules
    with an error naming the plugin.
    """


@hookspec
def fzlint_part_keywords() -> dict[str, Any]:
    """Return extra keywords for recognising parts, merged into ``data/parts.toml``.

    Same shape as that file, e.g. ``{"parts": {"plan": {"keywords": ["明年思路"]}}}``.
    """


@hookspec(firstresult=True)
def fzlint_load_document(path: Path, data: bytes, display_path: str) -> Document | None:
    """Turn a file's bytes into a :class:`Document`, or return None to pass.

    The first non-None result wins, so a .docx loader claims its files ahead of
    the plain-text loader. Raise :class:`fzlint.load.loading.LoadError` for a file this
    loader owns but cannot read; the message is shown to the user as one line.
    """


@hookspec
def fzlint_check_report(report: Report, context: Context, rules: list[Rule]) -> Iterable[Diagnostic]:
    """Run checks over one parsed report and return diagnostics.

    The core implements this hook by running every enabled rule (``rules``)
    with per-rule error isolation: an exception inside a rule becomes an
    ``E999`` diagnostic naming it. A plugin may implement it as well to add
    whole-report checks; each implementation is isolated the same way.
    """


@hookspec
def fzlint_register_reporters() -> dict[str, Any]:
    """Return output formats as ``{name: reporter}``; see :mod:`fzlint.reporters`.

    A reporter is a callable ``(results, stream, options) -> None`` where
    ``results`` is a list of :class:`fzlint.run.engine.FileResult`. One that reads
    only the diagnostics, never a document's lines, may say so with
    :func:`fzlint.reporters.document_free`: results then stream past it.
    """
