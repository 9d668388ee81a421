"""The domain dictionary read group by group cuts exactly as jieba loading it whole, and the
derived data files (grouped dictionary, its index, the character rank) are current."""

from __future__ import annotations

import importlib.util
import tomllib

import pytest
from conftest import ROOT, SEEDS
from test_layout_corpus import WEB

from fzlint.rules.common import segment
from fzlint.rules.common.chinese import sentence_bounds

DATA = ROOT / "rules" / "data"
ENTRIES = tomllib.loads((DATA / "confusables.toml").read_text("utf-8"))["words"]
WRONGS_IN_ORDER = [entry["wrong"] for entry in ENTRIES]
WRONGS = sorted(set(WRONGS_IN_ORDER))
WORDS = sorted({word for entry in ENTRIES for word in (entry["wrong"], entry["right"])})


def _lines() -> list[str]:
    return [ln for path in (*SEEDS, *WEB) for ln in path.read_text(encoding="utf-8").split("\n") if ln.strip()]


def _candidate_sentences(lines: list[str]) -> list[str]:
    """Each sentence that holds a T102 wrong form: what T102 hands to jieba."""
    found = []
    for line in lines:
        for wrong in WRONGS:
            start = line.find(wrong)
            if start >= 0:
                left, right = sentence_bounds(line, start, start + len(wrong))
                found.append(line[left:right])
    return found


@pytest.fixture(scope="module")
def whole():
    """jieba's Tokenizer with the domain dictionary read whole by jieba itself."""
    jieba = segment._import_jieba()
    tk = jieba.Tokenizer(dictionary=str(DATA / "jieba_domain.txt"))
    with open(DATA / "jieba_domain.txt", "rb") as handle:
        tk.FREQ, tk.total = tk.gen_pfdict(handle)
    tk.initialized = True
    return tk


def _with_each_word(lines: list[str]) -> list[str]:
    """Each wrong and right form written into three seed sentences, at three places."""
    sentences = [s for ln in lines[:60] for s in ln.split("。") if len(s) > 20][:3]
    return [s[:at] + word + s[at:] for word in WORDS for s in sentences for at in (0, len(s) // 2, len(s))]


def test_candidate_sentences_cut_as_with_the_whole_dictionary(whole) -> None:
    lines = _lines()
    real = _candidate_sentences(lines)
    assert len(real) >= 5  # the seeds and the web corpus hold real candidates (多途经, 做出 …)
    sentences = real + _with_each_word(lines)
    grouped = segment.tokenizer("domain")
    for text in sentences:
        assert grouped.lcut(text, HMM=False) == whole.lcut(text, HMM=False), text


def test_whole_paragraphs_cut_as_with_the_whole_dictionary(whole) -> None:
    """Y2xx cuts whole paragraphs of two reports: every line of the seeds and the web corpus."""
    grouped = segment.tokenizer("domain")
    for text in _lines():
        assert grouped.lcut(text, HMM=False) == whole.lcut(text, HMM=False), text
    assert grouped.total == whole.total
    # never more than the groups of the characters seen, and each entry as jieba has it
    assert all(whole.FREQ[word] == count for word, count in grouped.FREQ.items())


def test_groups_are_read_only_for_the_characters_of_a_sentence() -> None:
    jieba = segment._import_jieba()
    fresh = segment._grouped_tokenizer(jieba)
    fresh.lcut("领导干部多途经组织学法", HMM=False)
    assert fresh.FREQ and {word[0] for word in fresh.FREQ} <= set("领导干部多途经组织学法")


def _build_script():
    spec = importlib.util.spec_from_file_location("build_jieba_dict", ROOT / "scripts" / "build_jieba_dict.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_character_rank_is_current() -> None:
    assert (ROOT / "lint" / "data" / "char_rank.txt").read_text(encoding="utf-8") == _build_script().char_rank()


def test_domain_dictionary_and_index_are_current() -> None:
    """What scripts/build_jieba_dict.py writes from jieba's dictionary and confusables.toml."""
    build = _build_script()
    data, index = build.grouped(*build.prefix_dictionary(build.selected()))
    assert (DATA / "jieba_domain.txt").read_bytes() == data
    assert (DATA / "jieba_domain_index.txt").read_text(encoding="utf-8") == index


def test_finalseg_is_loaded_only_when_the_hmm_is_used() -> None:
    """fzlint cuts with HMM=False; a caller that asks for the HMM still gets it."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom fzlint.rules.common import segment\n"
        "tk = segment.tokenizer('domain')\ntk.lcut('多途经组织学法', HMM=False)\n"
        "print('jieba.finalseg' in sys.modules)\n"
        "print(tk.lcut('王小明去了北京', HMM=True))\n"
        "print('jieba.finalseg' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "False"
    assert out[1] == str(["王小明", "去", "了", "北京"])
    assert out[2] == "True"


def test_confusable_wrong_forms_are_current() -> None:
    assert (DATA / "confusables_wrong.txt").read_text(encoding="utf-8") == _build_script().wrong_forms()


def test_wrong_forms_of_an_edited_table_are_not_used(monkeypatch) -> None:
    """A confusables.toml edited without rebuilding confusables_wrong.txt is parsed as before."""
    from fzlint.rules import terms

    assert terms._package_wrongs.__wrapped__() == tuple(WRONGS_IN_ORDER)
    real = terms.read_data
    monkeypatch.setattr(terms, "read_data", lambda name: real(name) + b"\n" if name.endswith(".toml") else real(name))
    assert terms._package_wrongs.__wrapped__() is None
