"""How often the outline agrees with the corpus labels: title lines and first level-1 heading.

    python benchmarks/outline_corpus.py        # the two figures
    python benchmarks/outline_corpus.py -v     # and every file where they differ

Labels are ``title_lines`` and ``first_heading_line`` in tests/corpus/web/*.toml. The
outline's title lines are the title block the grammar parsed (issuing bodies stacked
above, then the title's lines); its first heading is the first level-1 part. Held by
tests/test_corpus_outline.py.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "web"


@dataclass
class Agreement:
    files: int = 0
    titles: int = 0
    headings: int = 0
    misses: list[tuple[str, list[int], list[int], int, int]] = field(default_factory=list)

    @property
    def title_rate(self) -> float:
        return self.titles / self.files

    @property
    def heading_rate(self) -> float:
        return self.headings / self.files


def agreement(corpus: Path = CORPUS) -> Agreement:
    from fzlint.document import Document
    from fzlint.parse.outline import build_report
    from fzlint.run.engine import keywords_for
    from fzlint.run.plugins import new_registry
    from fzlint.settings import Settings

    keywords = keywords_for(Settings(), new_registry())
    result = Agreement()
    for label_path in sorted(corpus.glob("*.toml")):
        label = tomllib.loads(label_path.read_text(encoding="utf-8"))
        text_path = label_path.with_suffix(".txt")
        report = build_report(Document.from_text(str(text_path), text_path.read_text(encoding="utf-8")), keywords)
        titles = [line.index + 1 for line in report.title_lines]
        first = report.parts[0].heading.index + 1 if report.parts else 0
        result.files += 1
        result.titles += titles == label["title_lines"]
        result.headings += first == label["first_heading_line"]
        if titles != label["title_lines"] or first != label["first_heading_line"]:
            result.misses.append((label_path.stem, titles, label["title_lines"], first, label["first_heading_line"]))
    return result


def main(argv: list[str]) -> int:
    result = agreement()
    print(f"title lines   {result.titles}/{result.files} = {result.title_rate:.3f}")
    print(f"first heading {result.headings}/{result.files} = {result.heading_rate:.3f}")
    if "-v" in argv:
        for stem, titles, want_titles, first, want_first in result.misses:
            print(f"{stem}: title {titles} (label {want_titles}), first heading {first} (label {want_first})")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main(sys.argv[1:]))
