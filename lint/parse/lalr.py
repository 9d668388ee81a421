"""A table-driven LALR(1) parser for ``report.lark``, with tables Lark computed.

``python -m fzlint.parse.build_parser`` has Lark analyse the grammar and writes the
resulting parse table to ``lint/parse/_report_tables.py``; this module only walks
that table. A check therefore neither imports lark (~20 ms) nor builds the
grammar (~40 ms), nor loads Lark's standalone runtime (~15 ms); the table
loads in well under a millisecond. Trees have Lark's shape: rules whose name
starts with ``_`` (Lark's expansions of ``*`` and ``?``) are spliced into their
parent, every other rule becomes a :class:`Node`. Tests check the trees and the
accepted inputs against Lark's own parser.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

SHIFT, REDUCE = 0, 1
END = "$END"


class ParseError(Exception):
    """The token stream does not fit the grammar."""


@dataclass(slots=True)
class Node:
    """A rule's match: ``data`` is the rule name, ``children`` nodes and token payloads."""

    data: str
    children: list[Any]


class _Spliced(list):
    """Children of a ``_``-rule, to be spliced into the parent's children."""

    __slots__ = ()


def parse(stream: Iterable[tuple[str, Any]]) -> Node:
    """Parse ``(token kind, payload)`` pairs; payloads become the tree's leaves."""
    from fzlint.parse._report_tables import END_STATE, RULES, START_STATE, STATES

    states: list[int] = [START_STATE]
    values: list[Any] = []
    for position, (kind, payload) in enumerate([*stream, (END, None)]):
        while True:
            action = STATES[states[-1]].get(kind)
            if action is None:
                expected = ", ".join(sorted(k for k in STATES[states[-1]] if k.isupper() or k == END))
                raise ParseError(f"unexpected {kind} at token {position}; expected one of: {expected}")
            if action[0] == SHIFT:
                states.append(action[1])
                values.append(payload)
                break
            name, size = RULES[action[1]]
            popped = values[len(values) - size :] if size else []
            if size:
                del states[-size:]
                del values[-size:]
            children: list[Any] = []
            for child in popped:
                if isinstance(child, _Spliced):
                    children.extend(child)
                else:
                    children.append(child)
            value = _Spliced(children) if name.startswith("_") else Node(name, children)
            goto = STATES[states[-1]][name]
            states.append(goto[1])
            values.append(value)
            if kind == END and states[-1] == END_STATE:
                return value
    raise ParseError("input ended early")  # unreachable with Lark's tables: END always reduces to start
