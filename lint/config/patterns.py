"""Refusing user regular expressions that can backtrack exponentially.

Python's ``re`` has no time limit, and a pattern such as ``^(a+)+$`` takes ~2^n steps on a
line of n ``a`` followed by a ``b``: one config entry could hang every run. The patterns
fzlint ships are reviewed (and timed by ``benchmarks/adversarial.py``); a configured one
is checked here, before any file is linted, for the shape behind catastrophic
backtracking: a repeat inside a repeat, where both may repeat without bound
(``(a+)+``, ``(a*)*``, ``(?:\\s*x?)+``; ``(x+y)+`` too, which is safe, but the check is
kept simple and strict). A bounded inner repeat (``(a{1,3})+``) and repeats side by side
(``a+b+``) are allowed.
"""

from __future__ import annotations

import re._parser as sre_parse  # the parser re.compile itself uses
from typing import Any

_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None))
_UNBOUNDED = 16  # an upper bound above this counts as "many"


def backtracking_risk(pattern: str) -> str | None:
    """Why ``pattern`` may backtrack exponentially, or None when it is safe to run."""
    try:
        parsed = sre_parse.parse(pattern)
    except Exception:
        return None
    if _nested(list(parsed), inside=False):
        return "含有嵌套的重复（如 (a+)+），在某些文字上会指数级回溯而卡住检查；请改写为不嵌套的形式（如 a+）"
    return None


def _nested(items: list[Any], inside: bool) -> bool:
    for op, value in items:
        if op in _REPEATS and op is not None:
            _low, high, body = value
            many = high is sre_parse.MAXREPEAT or high > _UNBOUNDED
            if many and inside:
                return True
            if _nested(list(body), inside or many):
                return True
        elif op is sre_parse.SUBPATTERN:
            if _nested(list(value[-1]), inside):
                return True
        elif op is sre_parse.BRANCH:
            if any(_nested(list(branch), inside) for branch in value[1]):
                return True
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT) and _nested(list(value[1]), inside):
            return True
    return False
