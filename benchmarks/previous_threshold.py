"""Calibrate Y201's threshold (``addressed`` in rules/data/previous.toml) on the seed pair.

    python benchmarks/previous_threshold.py

Cases (each: one problem of last year's report, and whether this year's 改进情况 takes it up):
- the real pair 001 (2024) → 000 (2025): both 2024 problems are taken up (read by hand:
  一是 法治宣传 → 2025's 一是 加大宣传力度 and its summary sentence; 二是 政务服务便利/智能化 →
  二是/三是 and 政务服务的便捷性、智能化均有效提升);
- mutations of 000 that drop the text answering one problem: that problem is no longer taken up;
- 2025's problems (000) against 2024's 改进情况 (001), which predates them: none taken up;
- every other seed's problems against 000's 改进情况 (other units): none taken up.
Prints, per threshold, how many "unaddressed" verdicts are right (precision) and how many
unaddressed problems are found (recall).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fzlint import data  # noqa: E402
from fzlint.document import Document  # noqa: E402
from fzlint.parse.outline import build_report  # noqa: E402
from fzlint.rules.common.previous import Pair, improvement, points, shortcomings  # noqa: E402
from fzlint.run.engine import keywords_for  # noqa: E402
from fzlint.run.plugins import new_registry  # noqa: E402
from fzlint.settings import Settings  # noqa: E402

SEEDS = {path.name[:3]: path for path in sorted((ROOT / "seeds").glob("*.txt"))}
# 000's 改进情况 (line 65) says 法治宣传 in its 一是 and its summary; 政务服务 in 二是/三是 and the summary.
DROP_PUBLICITY = (
    "一是加大宣传力度,线上线下开展普法宣传工作,线上依托新媒体平台宣传相关法律法规;线下依托局党组“第一议题”、"
    "罗湖区政务服务中心宣传阵地学习宣传。同时,邀请法律专家讲解与政务服务密切相关的法律法规。",
    "法治宣传工作覆盖广度与深度得到进一步拓展,",
)
DROP_SERVICE = (
    "二是推动高效办成一件事,线上线下深化“一件事”办理渠道融合。三是推出AI+政务服务创新实践。覆盖办事全流程,推动政务服务提质增效。",
    ",政务服务的便捷性、智能化均有效提升",
)


def report(text: str, name: str):
    registry = new_registry()
    return build_report(Document.from_text(name, text), keywords_for(Settings(), registry))


def mutated(text: str, drops: tuple[str, ...]) -> str:
    for piece in drops:
        assert piece in text, piece
        text = text.replace(piece, "")
    return text


def cases() -> list[tuple[str, float, bool]]:
    """(description, score, taken up?) for every case."""
    table = data.load("previous")
    read = {key: path.read_text(encoding="utf-8") for key, path in SEEDS.items()}
    found: list[tuple[str, float, bool]] = []

    def score(current_text: str, previous_text: str, label: str, truth) -> None:
        current, previous = report(current_text, "this.txt"), report(previous_text, "last.txt")
        pair = Pair(current, previous, Settings(), None, table)
        answer = improvement(current)
        for number, problem in enumerate(points(shortcomings(previous))):
            found.append((f"{label}: {problem.quote}", pair.coverage(problem, current, answer), truth(number)))

    score(read["000"], read["001"], "real pair", lambda n: True)
    score(mutated(read["000"], DROP_PUBLICITY), read["001"], "drop 宣传 answer", lambda n: n != 0)
    score(mutated(read["000"], DROP_SERVICE), read["001"], "drop 政务服务 answer", lambda n: n != 1)
    score(read["001"], read["000"], "2025 problems vs 2024 answer", lambda n: False)
    for key in ("002", "003", "004"):
        score(read["000"], read[key], f"seed {key}'s problems vs 000", lambda n: False)
    return found


def main() -> None:
    found = cases()
    for label, value, truth in found:
        print(f"{value:5.2f}  {'taken up' if truth else 'not     '}  {label}")
    print()
    print("threshold  precision  recall   (of 'unaddressed' verdicts)")
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5):
        flagged = [truth for _, value, truth in found if value < threshold]
        missing = sum(1 for _, _, truth in found if not truth)
        right = sum(1 for truth in flagged if not truth)
        precision = right / len(flagged) if flagged else 1.0
        recall = right / missing if missing else 1.0
        print(
            f"{threshold:9.2f}  {precision:9.2f}  {recall:6.2f}   "
            f"({right}/{len(flagged)} flagged right, {missing} to find)"
        )


if __name__ == "__main__":
    main()
