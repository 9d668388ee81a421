"""Shared fixtures: the seed corpus and a helper that lints text through the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.run.engine import lint_document
from fzlint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def lint_text(text: str, path: str = "report.txt", **settings: object):
    """Diagnostics for ``text`` as if it were the file ``path``."""
    return lint_document(Document.from_text(path, text), Settings(**settings), REGISTRY)  # type: ignore[arg-type]


def codes(diagnostics) -> list[str]:
    return [d.code for d in diagnostics]


@pytest.fixture(params=SEEDS, ids=lambda p: p.name[:3])
def seed(request) -> Path:
    return request.param


def seed_text(prefix: str) -> str:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return path.read_text(encoding="utf-8")


def seed_lines(prefix: str) -> list[str]:
    """A seed's lines without terminators (the seeds use "\\n")."""
    return seed_text(prefix).split("\n")


def replace_once(text: str, old: str, new: str) -> str:
    """``text`` with its single occurrence of ``old`` replaced (fails loudly if not single)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def of_code(diagnostics, code: str) -> list:
    return [d for d in diagnostics if d.code == code]


def inject(prefix: str, old: str, new: str) -> str:
    """A seed's text with one defect injected (``old`` must occur exactly once)."""
    return replace_once(seed_text(prefix), old, new)


def found(text: str, code: str, **settings: object) -> list:
    """The diagnostics of one rule for ``text``."""
    return of_code(lint_text(text, **settings), code)


def span(diagnostic) -> tuple[int, int, int, int]:
    """(line, column, end_line, end_column), all 1-based, end exclusive."""
    return (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column)


def golden(seed_path: Path) -> list[tuple[int, str]]:
    """A seed's expected ``(line, code)`` findings: ``seeds/expected/<stem>.expected``.

    One ``LINE CODE`` row per finding, in output order; blank lines and ``#`` comments
    are skipped.
    """
    path = ROOT / "seeds" / "expected" / f"{seed_path.stem}.expected"
    rows = [r.split() for r in path.read_text(encoding="utf-8").splitlines() if r.strip() and not r.startswith("#")]
    return [(int(line), code) for line, code in rows]


def golden_lines(seed_path: Path, code: str) -> list[int]:
    """Lines at which the golden file expects ``code`` for a seed."""
    return [line for line, c in golden(seed_path) if c == code]


def placed_once(report) -> bool:
    """Every line the lexer gave a token is a leaf of the grammar's tree exactly once, in
    document order: the parse is total (nothing dropped, nothing duplicated)."""
    from fzlint.parse.tokens import stream

    leaves: list[int] = []
    pending = [report.tree]
    while pending:
        node = pending.pop()
        if hasattr(node, "data"):
            pending.extend(reversed(node.children))
        else:
            leaves.append(node.start_pos)
    return leaves == [index for _, index in stream(report.lines, report.keywords)]
