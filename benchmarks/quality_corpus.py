"""The labelled real-document corpus (tests/corpus, seeds) as the quality benchmark reads it.

Each entry is one document with its labels mapped to 1-based line numbers, the text
fzlint is run on, and the judgements recorded under ``[judged]`` in its .toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2018-\u201d"
# The search index that stored the web copies turned full-width ，：；（）％ into ASCII.
_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "%": "％"}
# An ASCII mark with a Chinese character, a full-width mark or a Chinese quote on at least one side.
_ARTIFACT = re.compile(rf"(?<=[{_CJK}])[,:;()%]|[,:;()%](?=[{_CJK}])")


def restore_full_width(text: str) -> str:
    """Undo the index's conversion: ASCII ，：；（）％ next to Chinese back to full width.

    Marks between Latin letters or digits (``1:2``, ``Copyright (c)``) are left alone;
    one character is replaced by one, so line and column numbers do not move.
    """
    return "\n".join(_ARTIFACT.sub(lambda m: _FULL[m.group(0)], line) for line in text.split("\n"))


@dataclass
class Entry:
    """One labelled document."""

    name: str  # web/a-001, docx/d-001, seeds/000
    path: Path
    kind: str  # web, docx, seed
    complete: bool  # the whole document, not an opening cut off by the index
    labels: dict
    data: bytes | None = None  # what fzlint reads instead of the file (restored web copies)
    furniture: set[int] = field(default_factory=set)
    protected: set[int] = field(default_factory=set)  # title, element and report lines
    title: list[int] = field(default_factory=list)
    judged_true: set[str] = field(default_factory=set)
    judged_false: set[str] = field(default_factory=set)
    missed: set[str] = field(default_factory=set)


def _judged(entry: Entry) -> None:
    table = entry.labels.get("judged", {})
    entry.judged_true = set(table.get("true", []))
    entry.judged_false = set(table.get("false", []))
    entry.missed = set(table.get("missed", []))


def _web(toml: Path) -> Entry:
    labels = tomllib.loads(toml.read_text(encoding="utf-8"))
    path = toml.with_suffix(".txt")
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    entry = Entry(
        name=f"web/{path.stem}",
        path=path,
        kind="web",
        complete=not labels.get("truncated", True),
        labels=labels,
        data=restore_full_width(text).encode("utf-8"),
    )
    entry.furniture = set(labels.get("furniture_lines", []))
    entry.title = list(labels.get("title_lines", []))
    entry.protected = {n for n, line in enumerate(lines, 1) if line.strip() and n not in entry.furniture}
    _judged(entry)
    return entry


def _docx(toml: Path, paragraphs: list[str]) -> Entry:
    labels = tomllib.loads(toml.read_text(encoding="utf-8"))
    entry = Entry(f"docx/{toml.stem}", toml.with_suffix(".docx"), "docx", True, labels)

    def numbers(texts: list[str]) -> set[int]:
        wanted = {t.strip() for t in texts if t.strip()}
        return {n for n, p in enumerate(paragraphs, 1) if p.strip() in wanted}

    entry.furniture = numbers(labels.get("furniture", []))
    entry.title = sorted(numbers(labels.get("title", [])))
    entry.protected = {n for n, p in enumerate(paragraphs, 1) if p.strip() and n not in entry.furniture}
    _judged(entry)
    return entry


def _seed(path: Path, labels: dict) -> Entry:
    lines = path.read_text(encoding="utf-8").split("\n")
    entry = Entry(f"seeds/{path.stem[:3]}", path, "seed", True, labels)
    entry.furniture = set(labels.get("furniture_lines", []))
    entry.title = list(labels.get("title_lines", []))
    entry.protected = {n for n, line in enumerate(lines, 1) if line.strip() and n not in entry.furniture}
    _judged(entry)
    return entry


def docx_paragraphs(path: Path) -> list[str]:
    """The lines fzlint reads from a .docx (its loader's own paragraphs)."""
    from fzlint.load.loading import load_path
    from fzlint.run.plugins import new_registry

    return load_path(path, new_registry().manager, str(path)).lines


def load_corpus() -> list[Entry]:
    entries = [_web(toml) for toml in sorted((CORPUS / "web").glob("*.toml"))]
    for toml in sorted((CORPUS / "docx").glob("*.toml")):
        entries.append(_docx(toml, docx_paragraphs(toml.with_suffix(".docx"))))
    seeds = tomllib.loads((CORPUS / "seeds.toml").read_text(encoding="utf-8"))
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        entries.append(_seed(path, seeds.get(path.stem[:3], {})))
    return entries
