"""Hostile text for every built-in pattern completes (timings: benchmarks/adversarial.py).

No wall-clock assertion: the benchmark shows 10x input costs about 10x time; here
each case only has to finish cleanly at a size where a quadratic pattern would
already take minutes (the suite's own run time is the tripwire).
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from registry_for_tests import REGISTRY

from fzlint.document import Document
from fzlint.run.engine import lint_document
from fzlint.settings import Settings
from robustness.runner import ROOT
from robustness.strategies import position_problems

_spec = importlib.util.spec_from_file_location("adversarial", ROOT / "benchmarks" / "adversarial.py")
assert _spec is not None and _spec.loader is not None
adversarial = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("adversarial", adversarial)  # its dataclasses look their module up
_spec.loader.exec_module(adversarial)

SIZE = 30_000  # characters; a quadratic pattern costs ~10^9 steps here


@pytest.mark.parametrize("name", sorted(adversarial.CASES))
def test_adversarial_case_completes_cleanly(name: str) -> None:
    _, build = adversarial.CASES[name]
    text = build(SIZE)
    assert len(text) >= SIZE // 2
    document = Document.from_text("adversarial.txt", text)
    found = lint_document(document, Settings(), REGISTRY)
    assert not [d.message for d in found if d.code == "E999"]
    for diagnostic in found[:2000]:
        assert not position_problems(document, diagnostic)
