"""Precision and recall of fzlint's rules on the labelled real-document corpus.

    python benchmarks/quality.py            # the table
    python benchmarks/quality.py --list W101 # also every miss and false positive of a rule
    python benchmarks/quality.py --unjudged  # findings nobody has judged yet, as [judged] keys

How each rule is scored (tests/corpus/README.md describes the labels):
- W101 per line: a line with a W101 finding is right when the labels call it furniture,
  a false positive otherwise (title, element or report text); a furniture line without
  W101 is a miss. Web copies, .docx files and the seeds are all scored.
- F101 per file: fzlint should report F101 exactly when the labelled title is missing or
  lacks the unit, the year, 法治政府建设 or 报告. Scored on complete documents only (the
  .docx files and the seeds), as asked; the web openings are truncated, though their title
  is there, so their agreement is printed on its own line too.
- Every other rule by reading: each finding is keyed ``CODE@line`` and looked up in the
  file's ``[judged]`` table (``true``, ``false``; ``missed`` for a finding fzlint should
  have made). Precision counts judged keys; unjudged keys are listed, never guessed.
  On truncated web copies, rules about what the whole report must contain (S101, S103,
  S105, S107, F102, F103) are not scored, nor findings on the cut last line.
- P101/P102 on web copies: the ASCII ，：；（）％ next to Chinese characters that the index
  made are turned back to full width before linting (``restore_full_width``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality_corpus import Entry, load_corpus

from fzlint.diagnostics import Diagnostic
from fzlint.run.engine import lint_path
from fzlint.run.plugins import new_registry
from fzlint.settings import Settings

WHOLE_DOCUMENT = frozenset({"S101", "S103", "S105", "S107", "F102", "F103"})
_YEAR = re.compile(r"(?:19|20)[0-9]{2}|[〇○零一二三四五六七八九]{4}")


@dataclass
class Score:
    true: int = 0
    false: int = 0
    missed: int = 0
    unjudged: int = 0
    not_scored: int = 0
    labelled_misses: int = 0  # `missed` keys recorded for the rule: recall is known only then
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    open: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.true / (self.true + self.false) if self.true + self.false else None

    @property
    def recall(self) -> float | None:
        return self.true / (self.true + self.missed) if self.true + self.missed else None

    @property
    def known_recall(self) -> float | None:
        """For rules judged by reading: recall among what readers found, None if they found nothing."""
        return self.recall if self.labelled_misses else None


@dataclass
class Linted:
    entry: Entry
    lines: list[str]
    diagnostics: list[Diagnostic]


def lint_corpus(entries: list[Entry] | None = None) -> list[Linted]:
    settings = Settings()
    registry = new_registry()
    linted = []
    for entry in entries if entries is not None else load_corpus():
        result = lint_path(entry.path, settings, registry, entry.name, entry.data)
        assert result.document is not None, result.error
        linted.append(Linted(entry, result.document.lines, result.diagnostics))
    return linted


def score_w101(linted: list[Linted]) -> Score:
    score = Score()
    for item in linted:
        flagged = {d.line for d in item.diagnostics if d.code == "W101"}
        for n in sorted(flagged | item.entry.furniture):
            where = f"{item.entry.name}:{n}: {item.lines[n - 1].strip()[:40]}"
            if n in flagged and n in item.entry.furniture:
                score.true += 1
            elif n in flagged:
                score.false += 1
                score.false_positives.append(where)
            else:
                score.missed += 1
                score.misses.append(where)
    return score


# The words a report title has besides its unit: what is left over names the unit.
_TITLE_WORDS = re.compile(r"关于|年度|年|法治政府建设|推进|工作|情况|的|报告|[0-9〇○零一二三四五六七八九]")


def title_complete(text: str) -> bool:
    """What F101 asks of a title: the unit, the year, 法治政府建设, and 报告 at the end."""
    text = text.strip(" \u3000#*")
    unit = _TITLE_WORDS.sub("", text)
    has_unit = len(re.findall("[\u4e00-\u9fff]", unit)) >= 2
    return bool(_YEAR.search(text)) and has_unit and "法治政府建设" in text and text.endswith("报告")


def f101_expected(item: Linted) -> bool:
    judged = item.entry.judged_true | item.entry.judged_false
    if any(key.startswith("F101") for key in judged):  # a reader's verdict wins over the rule of thumb
        return any(key.startswith("F101") for key in item.entry.judged_true)
    title = "".join(item.lines[n - 1].strip() for n in item.entry.title)
    return not title or not title_complete(title)


def score_f101(linted: list[Linted]) -> tuple[float, float, list[str]]:
    """Agreement on complete documents, agreement on web openings, and the disagreements."""
    rates: dict[bool, list[bool]] = {True: [], False: []}
    wrong = []
    for item in linted:
        fired = any(d.code == "F101" for d in item.diagnostics)
        expected = f101_expected(item)
        rates[item.entry.complete].append(fired == expected)
        if fired != expected:
            wrong.append(f"{item.entry.name}: F101 {'reported' if fired else 'not reported'}, expected the opposite")
    return _rate(rates[True]), _rate(rates[False]), wrong


def _rate(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 1.0


def scored(item: Linted, diagnostic: Diagnostic) -> bool:
    if item.entry.complete:
        return True
    if diagnostic.code in WHOLE_DOCUMENT:
        return False
    last = max((n for n, line in enumerate(item.lines, 1) if line.strip()), default=0)
    return diagnostic.line != last


def score_judged(linted: list[Linted]) -> dict[str, Score]:
    scores: dict[str, Score] = defaultdict(Score)
    for item in linted:
        keys: dict[str, Diagnostic] = {}
        for d in item.diagnostics:
            if d.code in ("W101", "F101"):
                continue
            if not scored(item, d):
                scores[d.code].not_scored += 1
                continue
            keys.setdefault(f"{d.code}@{d.line}", d)
        for key, d in keys.items():
            score = scores[d.code]
            where = f"{item.entry.name}:{d.line}: {d.message[:50]}"
            if key in item.entry.judged_true:
                score.true += 1
            elif key in item.entry.judged_false:
                score.false += 1
                score.false_positives.append(where)
            else:
                score.unjudged += 1
                score.open.append(f"{item.entry.name} {key} {d.message[:60]}")
        for key in item.entry.missed:
            code = key.split("@")[0]
            scores[code].labelled_misses += 1
            if key not in keys:
                scores[code].missed += 1
                scores[code].misses.append(f"{item.entry.name} {key}")
    return dict(scores)


def error_false_positives_docx(linted: list[Linted]) -> list[str]:
    """Error-severity findings on the real .docx files that were judged false (or W101 on no furniture)."""
    found = []
    for item in linted:
        if item.entry.kind != "docx":
            continue
        for d in item.diagnostics:
            if d.severity.value != "error":
                continue
            key = f"{d.code}@{d.line}"
            wrong_w101 = d.code == "W101" and d.line not in item.entry.furniture
            wrong_f101 = d.code == "F101" and not f101_expected(item)
            if key in item.entry.judged_false or wrong_w101 or wrong_f101:
                found.append(f"{item.entry.name}:{d.line}: {d.code} {d.message[:50]}")
    return found


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def table(linted: list[Linted]) -> str:
    w101 = score_w101(linted)
    complete, openings, _ = score_f101(linted)
    kinds = Counter(item.entry.kind for item in linted)
    rows = [
        f"corpus: {kinds['web']} web openings, {kinds['docx']} .docx files, {kinds['seed']} seeds",
        "",
        "| rule | scored by | precision | recall | true | false | missed | unjudged |",
        "|---|---|---|---|---|---|---|---|",
        f"| W101 | line labels | {_fmt(w101.precision)} | {_fmt(w101.recall)} | {w101.true} | {w101.false} "
        f"| {w101.missed} | — |",
        f"| F101 | file labels: agreement {complete:.3f} on complete documents (.docx, seeds), "
        f"{openings:.3f} on web openings | | | | | | |",
    ]
    for code, s in sorted(score_judged(linted).items()):
        rows.append(
            f"| {code} | reading | {_fmt(s.precision)} | {_fmt(s.known_recall)} | {s.true} | {s.false} "
            f"| {s.missed} | {s.unjudged} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", metavar="CODE", help="list the misses and false positives of a rule")
    parser.add_argument("--unjudged", action="store_true", help="list findings not judged yet")
    parser.add_argument("--errors", action="store_true", help="list the error-severity false positives on .docx")
    args = parser.parse_args(argv)
    linted = lint_corpus()
    print(table(linted))
    if args.list == "W101":
        w101 = score_w101(linted)
        print("\nW101 misses:", *w101.misses, "\nW101 false positives:", *w101.false_positives, sep="\n")
    elif args.list == "F101":
        print("\nF101 disagreements:", *score_f101(linted)[2], sep="\n")
    elif args.list:
        s = score_judged(linted).get(args.list, Score())
        print(f"\n{args.list} misses:", *s.misses, f"\n{args.list} false positives:", *s.false_positives, sep="\n")
    if args.unjudged:
        print("\nunjudged:", *[o for s in score_judged(linted).values() for o in s.open], sep="\n")
    from quality_fixes import check_corpus

    violations = check_corpus([item.entry for item in linted])
    kinds = Counter(f"{v.code} {v.kind}" for v in violations)
    print(
        f"\nsafe-fix violations under --fix: {len(violations)}",
        *[f"  {k}: {n}" for k, n in sorted(kinds.items())],
        sep="\n",
    )
    errors = error_false_positives_docx(linted)
    by_code = Counter(e.split(": ")[1].split()[0] for e in errors)
    print(f"\nerror-severity false positives on the .docx files: {len(errors)}", dict(sorted(by_code.items())))
    if args.errors:
        print(*errors, sep="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
