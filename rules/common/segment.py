"""Word boundaries from jieba, for the rules that need them (T102), loaded on first use.

Nothing here imports jieba at module level: ``fzlint rules``, ``fzlint explain`` and any
run whose text has no candidate word never pay for it. By default the tokenizer uses
``rules/data/jieba_domain.txt``, the slice of jieba's dictionary that can move a boundary
around a confusable word (built by ``scripts/build_jieba_dict.py``, with the full
dictionary's total frequency, so word probabilities are unchanged); it loads in about
0.04 s against 0.6 s for the full dictionary. Set ``jieba-dictionary = "full"`` (or a path
to a jieba dictionary file) to use another one.
"""

from __future__ import annotations

from functools import cache
from typing import Any

DOMAIN = "domain"
FULL = "full"


@cache
def tokenizer(dictionary: str = DOMAIN) -> Any:
    """A ready jieba Tokenizer for ``dictionary`` ("domain", "full" or a file path)."""
    import logging  # here, not at module level: fzlint.rules.terms imports this module on every run
    from importlib import resources

    jieba = _import_jieba()

    jieba.setLogLevel(logging.WARNING)  # no "Building prefix dict" chatter on stderr
    if dictionary == FULL:
        tk = jieba.Tokenizer()
        source = tk.get_dict_file()
    else:
        path = dictionary
        if dictionary == DOMAIN:
            path = str(resources.files("fzlint.rules").joinpath("data", "jieba_domain.txt"))
        tk = jieba.Tokenizer(dictionary=path)
        source = open(path, "rb")  # noqa: SIM115 - closed below
    # Build the prefix dictionary directly instead of tk.initialize(), which writes a
    # pickle cache into the temp directory: a linter writes nothing it was not asked to.
    with source:
        tk.FREQ, tk.total = tk.gen_pfdict(source)
    tk.initialized = True
    return tk


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
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


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
