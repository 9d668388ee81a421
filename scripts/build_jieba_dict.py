"""Build rules/data/jieba_domain.txt: the slice of jieba's dictionary T102 needs.

T102 only asks one question of jieba: does a candidate word (多途经, 以经 …) start and
end on token boundaries of the sentence around it? Only dictionary words that overlap
the candidate can move those boundaries: words that contain it, lie inside it, or run
across one of its ends. This script keeps those words (and every single character,
so that any sentence still segments) and the common words (frequency >= MIN_FREQ) that
compete with them with their original frequencies, plus one filler
entry that keeps the dictionary's total frequency unchanged, so every kept word has
the same probability as in the full dictionary.

The file is written as the prefix dictionary jieba builds from it (every word once with its
frequency, every prefix of a word that is not itself a word with frequency 0, no tags),
grouped by first character: jieba still reads it as a dictionary with the same words and
frequencies, and ``rules/data/jieba_domain_index.txt`` (the total frequency and each first
character's byte range) lets fzlint load only the groups of the characters a sentence holds.

It also writes ``lint/data/char_rank.txt``: the characters of the seed reports, commonest
first, which T101/T102 use to key each word on its rarest character (rules/common/wordscan.py),
and ``rules/data/confusables_wrong.txt``: the wrong forms of confusables.toml in order, under the
CRC-32 and length of the TOML file they come from, so that T102 scans without parsing 98 KB
of TOML (~30 ms) until a report holds a candidate (a file edited since is parsed as before).

Run after editing rules/data/confusables.toml:  python scripts/build_jieba_dict.py
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "rules" / "data" / "jieba_domain.txt"
INDEX = ROOT / "rules" / "data" / "jieba_domain_index.txt"
RANK = ROOT / "lint" / "data" / "char_rank.txt"
WRONGS = ROOT / "rules" / "data" / "confusables_wrong.txt"
OFFSET_WIDTH = 8  # digits of a byte offset in the index (rules/common/segment.py reads them)
FILLER = "〓"  # a character that never occurs in report text
# Common words too: they compete with the overlapping ones for the same characters.
MIN_FREQ = 100


def candidates() -> list[str]:
    table = tomllib.loads((ROOT / "rules" / "data" / "confusables.toml").read_text("utf-8"))
    return sorted({w for entry in table["words"] for w in (entry["wrong"], entry["right"])})


class Overlaps:
    """Whether a dictionary word overlaps a candidate: contains one, lies inside one, or runs
    across one's start or end. Set look-ups, so hundreds of candidates take seconds."""

    def __init__(self, candidates: list[str]) -> None:
        self.whole = set(candidates)
        self.inside = {c[i:j] for c in candidates for i in range(len(c)) for j in range(i + 1, len(c) + 1)}
        self.heads = {c[:k] for c in candidates for k in range(1, len(c))}
        self.tails = {c[k:] for c in candidates for k in range(1, len(c))}
        self.longest = max(map(len, candidates))

    def __call__(self, word: str) -> bool:
        if word in self.inside:
            return True
        n = len(word)
        if any(word[i:j] in self.whole for i in range(n) for j in range(i + 1, min(n, i + self.longest) + 1)):
            return True
        return any(word[n - k :] in self.heads or word[:k] in self.tails for k in range(1, min(n, self.longest) + 1))


def selected(min_freq: int = MIN_FREQ) -> list[str]:
    """The lines of jieba's dictionary the domain dictionary keeps, and the filler line."""
    import jieba

    source = Path(jieba.__file__).parent / "dict.txt"
    overlaps = Overlaps(candidates())
    total = 0
    kept: list[str] = []
    for raw in source.read_text("utf-8").splitlines():
        word, freq = raw.split(" ")[:2]
        total += int(freq)
        if len(word) == 1 or int(freq) >= min_freq or overlaps(word):
            kept.append(raw)
    kept_total = sum(int(raw.split(" ")[1]) for raw in kept)
    kept.append(f"{FILLER} {total - kept_total}")
    return kept


def prefix_dictionary(lines: list[str]) -> tuple[dict[str, int], int]:
    """What jieba's Tokenizer.gen_pfdict makes of these dictionary lines (same rules)."""
    freq: dict[str, int] = {}
    total = 0
    for line in lines:
        word, count = line.strip().split(" ")[:2]
        freq[word] = int(count)
        total += int(count)
        for end in range(1, len(word) + 1):
            freq.setdefault(word[:end], 0)
    return freq, total


def grouped(freq: dict[str, int], total: int) -> tuple[bytes, str]:
    """The dictionary file grouped by first character, and its index: three lines, the total
    frequency, the groups' first characters, and where each group ends (byte offsets written
    in fixed-width fields, so that a reader takes the one it needs without parsing them all)."""
    groups: dict[str, list[str]] = {}
    for word, count in freq.items():
        if any(ch.isspace() for ch in word):
            raise ValueError(f"a word with a space cannot be stored: {word!r}")
        groups.setdefault(word[0], []).append(f"{word} {count}\n")
    blocks = [(first, "".join(lines).encode("utf-8")) for first, lines in sorted(groups.items())]
    data = b"".join(block for _, block in blocks)
    ends = list(accumulate(len(b) for _, b in blocks))
    if len(str(len(data))) > OFFSET_WIDTH:
        raise ValueError(f"{len(data)} bytes: offsets wider than {OFFSET_WIDTH} digits")
    firsts = "".join(first for first, _ in blocks)
    return data, f"{total}\n{firsts}\n{''.join(str(end).rjust(OFFSET_WIDTH) for end in ends)}\n"


def char_rank() -> str:
    """The characters of the seed reports that occur twice or more, commonest first."""
    counts: Counter[str] = Counter()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        counts.update(ch for ch in path.read_text("utf-8") if not ch.isspace())
    ranked = sorted((ch for ch, n in counts.items() if n >= 2), key=lambda ch: (-counts[ch], ch))
    return "".join(ranked) + "\n"


def wrong_forms() -> str:
    """confusables_wrong.txt: ``CRC-32 length`` of confusables.toml, then its wrong forms, one a line."""
    import zlib

    source = (ROOT / "rules" / "data" / "confusables.toml").read_bytes()
    wrongs = [entry["wrong"] for entry in tomllib.loads(source.decode("utf-8"))["words"]]
    if any("\n" in wrong for wrong in wrongs):
        raise ValueError("a wrong form with a line break cannot be stored")
    return f"{zlib.crc32(source)} {len(source)}\n" + "".join(f"{wrong}\n" for wrong in wrongs)


def main(min_freq: int = MIN_FREQ) -> None:
    freq, total = prefix_dictionary(selected(min_freq))
    data, index = grouped(freq, total)
    TARGET.write_bytes(data)
    INDEX.write_text(index, encoding="utf-8")
    RANK.write_text(char_rank(), encoding="utf-8")
    WRONGS.write_text(wrong_forms(), encoding="utf-8")
    print(f"{len(freq)} entries (prefixes included), {len(data)} bytes -> {TARGET}; {INDEX}; {RANK}; {WRONGS}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else MIN_FREQ)
