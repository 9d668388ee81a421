"""Each seed's findings equal its checked-in expectation (seeds/expected/*.expected).

An expectation file lists "LINE CODE" per finding; lines starting with # are
comments. The truths were worked out by reading the seeds (see README).
"""

from __future__ import annotations

from pathlib import Path

from conftest import golden
from registry_for_tests import REGISTRY

from fzlint.run.engine import lint_path
from fzlint.settings import Settings


def test_seed_matches_golden(seed: Path) -> None:
    result = lint_path(seed, Settings(), REGISTRY)
    assert result.error is None
    actual = [(d.line, d.code) for d in result.diagnostics]
    assert actual == golden(seed)
