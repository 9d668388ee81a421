"""Shared fixtures: the seed corpus and a helper that lints text through the engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.document import Document
from lint.engine import lint_document
from lint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def lint_text(text: str, path: str = "report.txt", **settings: object):
    """Diagnostics for ``text`` as if it were the file ``path``."""
    return lint_document(Document.from_text(path, text), Settings(**settings))  # type: ignore[arg-type]


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


@pytest.fixture(params=SEEDS, ids=lambda p: p.name[:3])
def seed(request) -> Path:
    return request.param


def seed_text(prefix: str) -> str:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return path.read_text(encoding="utf-8")
