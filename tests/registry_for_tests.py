"""One plugin registry for the tests that call the engine directly (the CLI builds its own)."""

from __future__ import annotations

from fzlint.diagnostics import Diagnostic
from fzlint.document import Document
from fzlint.run.engine import lint_document
from fzlint.run.plugins import new_registry
from fzlint.settings import Settings

REGISTRY = new_registry()


def RELINT(document: Document, settings: Settings) -> list[Diagnostic]:
    """How --fix re-lints a pass: with the tests' registry."""
    return lint_document(document, settings, REGISTRY)
