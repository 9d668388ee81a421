"""Who and which year a report's title names: 「深圳市某局2024年法治政府建设年度报告」 →
(深圳市某局, 2024). Used to pair two years of one unit's reports (``--pair-years``) and to
tell whether ``--previous`` names the same unit's report."""

from __future__ import annotations

from dataclasses import dataclass

from fzlint import regex

_DIGITS = {ch: str(i) for i, ch in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}
_YEAR = regex.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2}|二[〇○零][一二三四五六七八九〇○零]{2})\s*年?(?=度|年|法治|关于|上|工作)"
)
_NOISE = regex.compile(r"^(?:关于|中共)|关于$|[\s\u3000]+")


@dataclass(frozen=True)
class TitleKey:
    unit: str | None  # what stands before the year (关于, spaces dropped); None if nothing does
    year: int


def title_key(title: str) -> TitleKey | None:
    """The unit and year a title names, or None when it names no year."""
    match = _YEAR.search(title)
    if match is None:
        return None
    raw = match.group(1)
    year = int(raw) if raw.isdigit() else int("".join(_DIGITS[ch] for ch in raw))
    unit = _NOISE.sub("", title[: match.start()]) or None
    return TitleKey(unit, year)
