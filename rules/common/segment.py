"""Word boundaries from jieba, for the rules that need them (T102), loaded on first use.

Nothing here imports jieba at module level: ``fzlint rules``, ``fzlint explain`` and any
run whose text has no candidate word never pay for it. By default the tokenizer uses
``rules/data/jieba_domain.txt``, the slice of jieba's dictionary that can move a boundary
around a confusable word (built by ``scripts/build_jieba_dict.py``, with the full
dictionary's total frequency, so word probabilities are unchanged). That file is jieba's
prefix dictionary grouped by first character: jieba only ever looks up substrings of the
sentence it cuts, so only the groups of the sentence's characters are read, on demand
(a sentence reads ~16,000 of the 256,942 entries; building all of them took ~0.3–0.65 s).
Set ``jieba-dictionary = "full"`` (or a path to a jieba dictionary file) to use another one;
those are read whole, as jieba reads them (~1 s for the full one).
"""

from __future__ import annotations

from functools import cache
from types import ModuleType
from typing import Any

DOMAIN = "domain"
FULL = "full"


@cache
def tokenizer(dictionary: str = DOMAIN) -> Any:
    """A ready jieba Tokenizer for ``dictionary`` ("domain", "full" or a file path)."""
    import logging  # here, not at module level: fzlint.rules.terms imports this module on every run

    jieba = _import_jieba()

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" chatter on stderr
    if dictionary == DOMAIN:
        return _grouped_tokenizer(jieba)
    if dictionary == FULL:
        tk = jieba.Tokenizer()
        source = tk.get_dict_file()
    else:
        tk = jieba.Tokenizer(dictionary=dictionary)
        source = open(dictionary, "rb")  # noqa: SIM115 - closed below
    # Build the prefix dictionary directly instead of tk.initialize(), which writes a
    # pickle cache into the temp directory: a linter writes nothing it was not asked to.
    with source:
        tk.FREQ, tk.total = tk.gen_pfdict(source)
    tk.initialized = True
    return tk


def _grouped_tokenizer(jieba: Any) -> Any:
    """A Tokenizer on the domain dictionary that reads a first character's group of entries
    the first time a sentence holds that character.

    jieba's get_DAG and calc look up ``sentence[k:i]`` only, so with every group of the
    sentence's characters read, each look-up answers as with the whole dictionary and the
    words cut are the same (tests/test_segment.py compares them with jieba's own load).
    """
    from fzlint.rules.common.wordscan import read_data

    total, firsts, ends = read_data("jieba_domain_index.txt").decode("utf-8").split("\n")[:3]
    groups = _Groups(firsts, ends)

    class Grouped(jieba.Tokenizer):  # type: ignore[misc,name-defined]
        def get_DAG(self, sentence: str) -> dict[int, list[int]]:
            missing = set(sentence) - read
            if missing:
                for entries in groups.read(missing):
                    words = iter(entries.split())
                    self.FREQ.update(zip(words, map(int, words), strict=True))  # word, frequency, word, …
                read.update(missing)
            return super().get_DAG(sentence)

    read: set[str] = set()
    tk = Grouped(dictionary="jieba_domain.txt")
    tk.total = int(total)
    tk.initialized = True  # FREQ fills group by group; never tk.initialize() (it writes a cache)
    return tk


class _Groups:
    """The groups of ``jieba_domain.txt``: found by their first character in ``firsts``, and
    read from the file (a zip installation: from a copy in memory) only when asked for."""

    WIDTH = 8  # digits of each end offset (scripts/build_jieba_dict.py OFFSET_WIDTH)

    def __init__(self, firsts: str, ends: str) -> None:
        import os

        import fzlint.rules

        self.firsts, self.ends = firsts, ends
        self.path = os.path.join(os.path.dirname(os.path.abspath(fzlint.rules.__file__)), "data", "jieba_domain.txt")
        self.data: bytes | None = None
        if not os.path.isfile(self.path):
            from fzlint.rules.common.wordscan import read_data

            self.data = read_data("jieba_domain.txt")

    def _span(self, first: str) -> tuple[int, int] | None:
        at = self.firsts.find(first)
        if at < 0:
            return None
        start = int(self.ends[(at - 1) * self.WIDTH : at * self.WIDTH]) if at else 0
        return start, int(self.ends[at * self.WIDTH : (at + 1) * self.WIDTH])

    def read(self, chars: set[str]) -> list[str]:
        spans = sorted(span for span in map(self._span, chars) if span is not None)
        if not spans:
            return []
        if self.data is not None:
            return [self.data[a:b].decode("utf-8") for a, b in spans]
        with open(self.path, "rb") as handle:
            found = []
            for start, end in spans:
                handle.seek(start)
                found.append(handle.read(end - start).decode("utf-8"))
            return found


def _import_jieba() -> Any:
    """``import jieba`` without pkg_resources.

    jieba's _compat imports pkg_resources only to open its own data files, and falls back
    to plain ``open`` when that import fails; pkg_resources scans every installed
    distribution on import (~120 ms, more than the rest of jieba's loading).
    """
    import sys

    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba

        return jieba
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import pkg_resources` fail
    # jieba.finalseg (the HMM for unknown words) unpickles ~30 ms of tables on import, and
    # fzlint always cuts with HMM=False: it is imported only if something uses it.
    sys.modules["jieba.finalseg"] = _LazyFinalseg("jieba.finalseg")
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
        if isinstance(sys.modules.get("jieba.finalseg"), _LazyFinalseg):
            del sys.modules["jieba.finalseg"]  # a later `import jieba.finalseg` loads the real one
    return jieba


class _LazyFinalseg(ModuleType):
    """Stands for jieba.finalseg in jieba's namespace and imports it on first use."""

    def __getattr__(self, name: str) -> Any:
        import importlib
        import sys

        if isinstance(sys.modules.get("jieba.finalseg"), _LazyFinalseg):
            del sys.modules["jieba.finalseg"]
        return getattr(importlib.import_module("jieba.finalseg"), name)


def boundaries(text: str, dictionary: str = DOMAIN) -> set[int]:
    """Offsets in ``text`` where a jieba token starts or ends (0 and len(text) included)."""
    cuts = {0}
    position = 0
    # HMM off: unknown runs stay single characters, which is all a boundary test needs,
    # and the HMM model is never loaded.
    for token in tokenizer(dictionary).cut(text, HMM=False):
        position += len(token)
        cuts.add(position)
    return cuts


def is_word(text: str, start: int, end: int, dictionary: str = DOMAIN) -> bool:
    """Whether ``text[start:end]`` begins and ends on token boundaries of ``text``."""
    cuts = boundaries(text, dictionary)
    return start in cuts and end in cuts
