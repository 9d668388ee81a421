"""T102's word list (rules/data/confusables.toml), entry by entry, and T102 on real text.

Every pair's wrong form is found in a sentence, with the right fix and safety; the word list
gives no finding on the seeds or on the real corpus except the true ones listed here, each
checked by reading the sentence.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, found, lint_text
from registry_for_tests import REGISTRY
from test_layout_corpus import DOCX, WEB, corpus_document

from fzlint.diagnostics import Severity
from fzlint.run.engine import lint_document
from fzlint.settings import Settings

TABLE = tomllib.loads((ROOT / "rules" / "data" / "confusables.toml").read_text(encoding="utf-8"))
ENTRIES = TABLE["words"]

# True T102 findings on the real corpus (file → [(line, wrong form)]), read one by one.
T102_TRUE: dict[str, list[tuple[int, str]]] = {
    "a-035.txt": [(6, "做为")],  # 被国家发改委做为“放管服”改革亮点 → 作为
    "b-015.txt": [(12, "截止")],  # 截止目前，共撰写调研文章 → 截至目前
    "c-006.txt": [(7, "做出")],  # 为保障和服务全省工作大局做出了积极贡献 → 作出贡献
    "d-022.docx": [(18, "登陆")],  # 登陆有面儿-求职版APP (a website or app is 登录)
}


def sentence(entry: dict) -> str:
    return f"经核查，{entry['wrong']}{entry.get('sample', '')}，已改正。"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["wrong"])
def test_every_wrong_form_is_found(entry: dict) -> None:
    if entry.get("before"):  # the sentence must meet the guard, or the test proves nothing
        assert re.match(entry["before"], entry.get("sample", "") + "，已改正。"), "needs a `sample` meeting `before`"
    text = "一、测试\n" + sentence(entry) + "\n"
    hits = found(text, "T102")
    assert len(hits) == 1, [d.message for d in hits]
    hit = hits[0]
    start = sentence(entry).index(entry["wrong"]) + 1
    assert (hit.line, hit.column, hit.end_column) == (2, start, start + len(entry["wrong"]))
    assert hit.fix is not None and hit.fix.edits[0].content == entry["right"]
    ctx = entry.get("ctx", False)
    assert hit.fix.safe is not ctx
    assert hit.severity is (Severity.WARNING if ctx else Severity.ERROR)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["wrong"])
def test_the_right_form_is_not_found(entry: dict) -> None:
    text = "一、测试\n" + sentence(entry).replace(entry["wrong"], entry["right"], 1) + "\n"
    assert [d.message for d in found(text, "T102")] == []


def test_entries_are_unique() -> None:
    wrongs = [e["wrong"] for e in ENTRIES]
    assert len(wrongs) == len(set(wrongs))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_t102_on_seeds_matches_the_golden_files(seed: Path) -> None:
    expected = ROOT / "seeds" / "expected" / f"{seed.stem}.expected"
    rows = [r.split() for r in expected.read_text(encoding="utf-8").splitlines() if r.strip() and not r.startswith("#")]
    golden = [int(line) for line, code in rows if code == "T102"]
    assert [d.line for d in lint_text(seed.read_text(encoding="utf-8")) if d.code == "T102"] == golden


@pytest.mark.parametrize("path", [*WEB, *DOCX], ids=lambda p: p.name)
def test_t102_on_the_corpus_only_true_findings(path: Path) -> None:
    document = corpus_document(path)
    hits = [d for d in lint_document(document, Settings(), REGISTRY) if d.code == "T102"]
    shown = [(d.line, document.lines[d.line - 1][d.column - 1 : d.end_column - 1]) for d in hits]
    assert shown == T102_TRUE.get(path.name, [])
