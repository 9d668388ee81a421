"""Build rules/data/jieba_domain.txt: the slice of jieba's dictionary T102 needs.

T102 only asks one question of jieba: does a candidate word (多途经, 以经 …) start and
end on token boundaries of the sentence around it? Only dictionary words that overlap
the candidate can move those boundaries: words that contain it, lie inside it, or run
across one of its ends. This script keeps those words (and every single character,
so that any sentence still segments) and the common words (frequency >= MIN_FREQ) that
compete with them with their original frequencies, plus one filler
entry that keeps the dictionary's total frequency unchanged, so every kept word has
the same probability as in the full dictionary.

Run after editing rules/data/confusables.toml:  python scripts/build_jieba_dict.py
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "rules" / "data" / "jieba_domain.txt"
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


def main(min_freq: int = MIN_FREQ) -> None:
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
    TARGET.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} entries, {TARGET.stat().st_size} bytes -> {TARGET}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else MIN_FREQ)
