"""One open document through the CLI's pipeline, with everything loaded kept for the next keystroke.

The :class:`Linter` holds its own plugin registry (rules, loaders, data tables: the
rules' module-level caches and jieba stay warm in this process) and a resolver built
from the client's options exactly as ``fzlint check`` builds one from its command
line. Linting one document is: settings for its folder (``[tool.fzlint]``,
``fzlint.toml``, per-file ignores), ``lint_document``, Markdown suppression comments,
then the baseline, the order ``fzlint check`` applies them in (``lint_document`` does all
but the baseline).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fzlint.config.resolve import ConfigError, Resolver, clear_caches
from fzlint.diagnostics import Diagnostic
from fzlint.document import Document
from fzlint.fix.autofix import Fixed, fix_document
from fzlint.load.loading import TEXT_SUFFIXES, LoadError, kind_of, load_path
from fzlint.run import baseline
from fzlint.run.engine import FileResult, crash_diagnostic, lint_document
from fzlint.run.plugins import Registry, new_registry
from fzlint.server.options import ServerOptions
from fzlint.settings import Settings

# Language ids of documents without a file name (an unsaved buffer), linted as these kinds.
LANGUAGE_KINDS = {"markdown": "markdown", "plaintext": "text", "text": "text"}


class PreviousError(Exception):
    """Last year's report (``previous``) cannot be read; the message names it."""


@dataclass
class Linted:
    """The result of linting one version of one document."""

    version: int | None
    document: Document
    settings: Settings
    diagnostics: list[Diagnostic] = field(default_factory=list)
    problem: str | None = None  # a configuration or baseline error, shown instead of findings


def lintable(path: str, language_id: str | None = None) -> bool:
    """Reports are .txt and .md (and .markdown) files; an untitled buffer by its language."""
    if path.lower().endswith(TEXT_SUFFIXES):
        return True
    return not Path(path).suffix and (language_id or "") in LANGUAGE_KINDS


class Linter:
    def __init__(self, options: ServerOptions, root: Path, reg: Registry | None = None) -> None:
        self.registry = reg or new_registry()
        self.root = root
        self.options = options
        self.resolver = self._resolver()
        self._previous: tuple[tuple[str, int], Document] | None = None

    def _resolver(self) -> Resolver:
        return self.options.resolver(frozenset(self.registry.rules))

    def reload(self, options: ServerOptions | None = None) -> None:
        """Forget every configuration file read so far (one changed) and the resolved settings."""
        clear_caches()
        self.options = options or self.options
        self.resolver = self._resolver()

    def settings_for(self, path: Path) -> Settings:
        return self.resolver.for_file(path).settings

    def lint(self, path: Path, text: str, version: int | None = None, language_id: str | None = None) -> Linted:
        """Diagnostics for this text of the file at ``path``; never raises."""
        kind = kind_of(str(path)) if path.suffix else LANGUAGE_KINDS.get(language_id or "", "text")
        document = Document.from_text(str(path), text, kind=kind)
        try:
            settings = self.settings_for(path)
        except ConfigError as error:
            return Linted(version, document, Settings(), problem=str(error))
        try:
            previous = self.previous_for(path, settings)
            diagnostics = self.diagnostics(document, settings, previous)
        except (baseline.BaselineError, PreviousError) as error:
            return Linted(version, document, settings, problem=str(error))
        except Exception as error:  # the pipeline around the rules (each rule is isolated already)
            diagnostics = [crash_diagnostic(document.path, "fzlint", error)]
        return Linted(version, document, settings, diagnostics)

    def previous_for(self, path: Path, settings: Settings) -> Document | None:
        """Last year's report (``previous`` in the config, or the option), read again only when
        it changes on disk; never the document itself."""
        if not settings.previous:
            return None
        last_year = Path(settings.previous)
        try:
            if last_year.resolve() == path.resolve():
                return None
            stamp = last_year.stat().st_mtime_ns
        except OSError as error:
            raise PreviousError(f"上一年度报告 {last_year}：无法读取：{error.strerror or error}") from None
        key = (str(last_year.resolve()), stamp)
        if self._previous is None or self._previous[0] != key:
            try:
                loaded = load_path(last_year, self.registry.manager, max_size=settings.max_file_size)
            except LoadError as error:
                raise PreviousError(f"上一年度报告 {last_year}：{error}") from None
            self._previous = (key, loaded)
        return self._previous[1]

    def diagnostics(self, document: Document, settings: Settings, previous: Document | None = None) -> list[Diagnostic]:
        found = lint_document(document, settings, self.registry, previous)
        if self.options.baseline is not None:
            result = FileResult(path=document.path, diagnostics=found, document=document)
            baseline.apply([result], self.options.baseline)
            found = result.diagnostics
        return found

    def fix_all(self, linted: Linted, unsafe: bool = False) -> Fixed:
        """``fzlint check --fix`` on the buffer, in memory: every pass re-linted (rules, select/ignore,
        Markdown suppressions, last year's report), as the CLI does."""
        previous = self.previous_for(Path(linted.document.path), linted.settings)

        def relint(document: Document, settings: Settings) -> list[Diagnostic]:
            return lint_document(document, settings, self.registry, previous)

        return fix_document(linted.document, linted.settings, unsafe, relint, relint(linted.document, linted.settings))
