"""R101's search for paragraphs that copy an earlier one (exactly or nearly).

The measure is the share of 5-character shingles two paragraphs have in common,
``|A ∩ B| / max(|A|, |B|)``; a pair is a candidate only when it shares a *rare* shingle (one
in at most ``RARE`` paragraphs), so boilerplate such as 进一步提升 pairs nothing.

:func:`exhaustive_pairs` builds every paragraph's shingle set; :func:`similar_pairs` first
rules out, exactly, the paragraphs that cannot reach the threshold with any earlier one and
builds shingle sets only for the rest (on real reports: none, or the copies).

Why the filter never drops a pair the exhaustive search reports. Let F(X) be X's set of
5-shingles (n_X of them, at most len(X) - 4) and G(X) the 4-character prefixes of those
shingles, i.e. the 4-grams starting at positions 0 … len(X) - 5. If sim(A, B) >= t then
|F(A) - F(B)| <= (1 - t)·n_A. Every 4-gram g in G(A) - G(B) is the prefix of some shingle of A
that is not in F(B) (were it in F(B), its prefix would be in G(B)), and a shingle has one
prefix, so |G(A) - G(B)| <= |F(A) - F(B)| <= (1 - t)·(len(A) - 4). The 4-grams of A that no
earlier paragraph has, G(A) - ∪ G(B), lie in G(A) - G(B) for every earlier B: when there are
more of them than that bound, A copies no earlier paragraph. Per remaining pair the same
bound is checked from both sides, then the pair is measured exactly as the exhaustive search
does. The half unit of slack covers the rounding of the float comparison ``sim >= t``.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, compress, count, repeat
from typing import Protocol

from fzlint import regex

SHINGLE = 5
RARE = 16
_SLACK = 0.5
# A character outside the BMP (two UTF-16 code units): one C scan, where max() over the text
# builds a string object per character (~0.15 ms a report).
_OUTSIDE_BMP = regex.compile("[\U00010000-\U0010ffff]")


class Compared(Protocol):
    compact: str
    label: str


Parallel = Callable[[Compared, Compared], bool]


def _shingles(compact: str, ids: dict[str, int], fresh: Iterator[int]) -> set[int]:
    """The paragraph's 5-character shingles, each as an id shared by every paragraph."""
    total = len(compact) - SHINGLE + 1
    if total <= 0:
        return set()
    pieces = map(compact.__getitem__, map(slice, range(total), range(SHINGLE, total + SHINGLE)))
    return set(map(ids.setdefault, pieces, fresh))


def exhaustive_pairs(
    paragraphs: Sequence[Compared], threshold: float, parallel: Parallel
) -> Iterator[tuple[int, int, float]]:
    """(later, earlier, similarity) for each paragraph that copies an earlier one.

    Exact copies are found by their text; near copies through an inverted index of their rare
    shingles (in 2 … ``RARE`` paragraphs), then measured exactly."""
    ids: dict[str, int] = {}
    fresh = count()
    by_text: dict[str, set[int]] = {}  # identical paragraphs share one set
    sets = [
        by_text[p.compact] if p.compact in by_text else by_text.setdefault(p.compact, _shingles(p.compact, ids, fresh))
        for p in paragraphs
    ]
    frequency: Counter[int] = Counter(chain.from_iterable(sets))
    shared_and_rare = range(2, RARE + 1).__contains__
    first_seen: dict[str, int] = {}
    index: dict[int, list[int]] = defaultdict(list)
    for number, shingles in enumerate(sets):
        original = first_seen.setdefault(paragraphs[number].compact, number)
        rare = list(compress(shingles, map(shared_and_rare, map(frequency.__getitem__, shingles))))
        if original != number:
            yield number, original, 1.0
        else:
            candidates = set(chain.from_iterable(map(index.__getitem__, rare)))
            if paragraphs[number].label:
                candidates = {o for o in candidates if not parallel(paragraphs[number], paragraphs[o])}
            best = max(
                ((len(shingles & sets[o]) / max(len(shingles), len(sets[o])), o) for o in candidates), default=None
            )
            if best is not None and best[0] >= threshold:
                yield number, best[1], best[0]
        deque(map(list.append, map(index.__getitem__, rare), repeat(number)), maxlen=0)


def _prefixes(compact: str) -> list[memoryview]:
    """G(compact): the 4-grams at positions 0 … len - 5, each as the int of its UTF-16 code
    units, in four views (four shifted 8-byte casts, no Python loop per character; a set
    reads the ints straight from them, without a list in between); only for texts that
    :func:`_fits`."""
    data = compact.encode("utf-16-le")
    end = 2 * (len(compact) - 1)  # a 4-gram starting at len - 5 ends at character len - 2
    view = memoryview(data)
    return [view[shift : shift + (end - shift) // 8 * 8].cast("Q") for shift in (0, 2, 4, 6)]


def similar_pairs(
    paragraphs: Sequence[Compared], threshold: float, parallel: Parallel
) -> Iterator[tuple[int, int, float]]:
    """What :func:`exhaustive_pairs` yields, measuring only the pairs that can reach ``threshold``."""
    compacts = [p.compact for p in paragraphs]
    if not all(map(_fits, compacts)):  # the filter's bound needs every 4-gram as one 8-byte int
        yield from exhaustive_pairs(paragraphs, threshold, parallel)
        return
    share = max(0.0, 1.0 - threshold)
    bounds = [share * (len(c) - SHINGLE + 1) + _SLACK for c in compacts]
    seen: set[int] = set()
    first_seen: dict[str, int] = {}
    # 4-gram sets by text, made only for paragraphs that are compared: the int lists of every
    # paragraph held at once cost ~40 bytes a character (hundreds of MB on a 20 MB report)
    sets: dict[str, set[int]] = {}
    shingles: dict[int, frozenset[str]] = {}
    frequency: dict[str, int] = {}
    for number, compact in enumerate(compacts):
        before = len(seen)
        seen.update(*_prefixes(compact))
        original = first_seen.setdefault(compact, number)
        if original != number:
            yield number, original, 1.0
        elif len(seen) - before <= bounds[number]:  # else: too much of it is new to be a copy
            own = _grams(compact, sets)
            candidates = [
                o
                for o in range(number)
                if len(own - _grams(compacts[o], sets)) <= bounds[number] and len(sets[compacts[o]] - own) <= bounds[o]
            ]
            best = _best(number, candidates, paragraphs, compacts, shingles, frequency, parallel)
            if best is not None and best[0] >= threshold:
                yield number, best[1], best[0]


def _fits(compact: str) -> bool:
    """Whether :func:`_prefixes` can cast the text: long enough, and no character outside the BMP."""
    return len(compact) >= SHINGLE and _OUTSIDE_BMP.search(compact) is None


def _grams(compact: str, sets: dict[str, set[int]]) -> set[int]:
    if compact not in sets:
        sets[compact] = set().union(*_prefixes(compact))
    return sets[compact]


def _best(
    number: int,
    candidates: list[int],
    paragraphs: Sequence[Compared],
    compacts: list[str],
    shingles: dict[int, frozenset[str]],
    frequency: dict[str, int],
    parallel: Parallel,
) -> tuple[float, int] | None:
    """The exhaustive search's choice among ``candidates``: the most similar earlier paragraph
    that shares a rare shingle and is not a parallel entry (ties: the later one)."""

    def of(index: int) -> frozenset[str]:
        if index not in shingles:
            text = compacts[index]
            shingles[index] = frozenset(text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1))
        return shingles[index]

    def rare(piece: str) -> bool:
        if piece not in frequency:  # in how many paragraphs, as the exhaustive search counts
            frequency[piece] = sum(piece in text for text in compacts)
        return 2 <= frequency[piece] <= RARE

    label = paragraphs[number].label
    mine = of(number)
    best = None
    for other in candidates:
        theirs = of(other)
        common = mine & theirs
        if not any(map(rare, common)) or (label and parallel(paragraphs[number], paragraphs[other])):
            continue
        found = (len(common) / max(len(mine), len(theirs)), other)
        best = found if best is None else max(best, found)
    return best
