"""Characters a regular expression's every match must contain, read off the parsed expression.

Most expressions cannot match without one of a few characters (``××+`` needs ×, ``某某``
needs 某, ``党的[0-9]{1,2}大`` needs 党, 的 or 大): a character a match must contain, or a
small class or alternation of which a match must contain one. One character-class scan of a
line then tells which expressions can match it at all (the page-chrome table here, the word
tables in ``rules/common/prefilter.py``). An expression whose set cannot be worked out
(case-insensitive, a negated class, only ``.``) gets None: it must always run.
"""

from __future__ import annotations

import re

# A class of more characters than this is no help: the line almost surely holds one.
_LARGEST_CLASS = 32

Needed = frozenset[str] | None


def _cost(chars: frozenset[str], rank: dict[str, int]) -> int:
    """How common the characters are together (the rank's commonest first; an unranked one is
    rare, except white space, which the rank leaves out and every layout line holds). With an
    empty rank every character costs the same: the smaller set is the cheaper."""
    size = len(rank)
    return sum(size + 1 if ch.isspace() else size + 1 - rank.get(ch, size) for ch in chars)


def _class(items: list, constants) -> Needed:  # type: ignore[no-untyped-def]
    chars: set[str] = set()
    for op, value in items:
        if op is constants.LITERAL:
            chars.add(chr(value))
        elif op is constants.RANGE and value[1] - value[0] < _LARGEST_CLASS:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        else:  # a negated class, a category (\d, \s), a big range
            return None
    return frozenset(chars) if len(chars) <= _LARGEST_CLASS else None


def _element(op, value, constants, rank) -> Needed:  # type: ignore[no-untyped-def]
    """Characters of which a match of this element must contain one (None: unknown)."""
    if op is constants.LITERAL:
        return frozenset(chr(value))
    if op is constants.IN:
        return _class(value, constants)
    if op is constants.SUBPATTERN:
        _group, add_flags, _del_flags, pattern = value
        return None if add_flags & re.IGNORECASE else _sequence(pattern, constants, rank)
    if op is getattr(constants, "ATOMIC_GROUP", None):
        return _sequence(value, constants, rank)
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, getattr(constants, "POSSESSIVE_REPEAT", None)):
        low, _high, pattern = value
        return _sequence(pattern, constants, rank) if low >= 1 else None
    if op is constants.BRANCH:
        union: set[str] = set()
        for branch in value[1]:
            needed = _sequence(branch, constants, rank)
            if needed is None:
                return None
            union |= needed
        return frozenset(union) if len(union) <= _LARGEST_CLASS else None
    return None  # assertions, anchors, ., back-references: nothing certain


def _sequence(items, constants, rank) -> Needed:  # type: ignore[no-untyped-def]
    """The rarest of the sets its elements need (every element must match)."""
    best: Needed = None
    for op, value in items:
        needed = _element(op, value, constants, rank)
        if needed is not None and (best is None or _cost(needed, rank) < _cost(best, rank)):
            best = needed
    return best


def needed_chars(pattern: str, rank: dict[str, int]) -> Needed:
    """Characters of which every match of ``pattern`` holds at least one; None if unknown.
    ``rank`` (character → commonness, 0 the commonest) only decides which set is chosen."""
    try:
        from re import _constants as constants  # type: ignore[attr-defined]
        from re import _parser as parser  # type: ignore[attr-defined]

        parsed = parser.parse(pattern)
        if parsed.state.flags & re.IGNORECASE:
            return None
        return _sequence(parsed.data, constants, rank)
    except Exception:  # another Python's parser: run the expression on every line
        return None
