"""``fzlint outline FILE``: the grammar's tree, as rich text and as stable JSON."""

from __future__ import annotations

import json

from clirun import run_cli
from conftest import SEEDS


def _seed(prefix: str):
    return next(p for p in SEEDS if p.name.startswith(prefix))


def _leaves(node: dict) -> list[dict]:
    if "token" in node:
        return [node]
    return [leaf for child in node["children"] for leaf in _leaves(child)]


def _rules(node: dict) -> list[str]:
    if "token" in node:
        return []
    return [node["rule"], *(r for child in node["children"] for r in _rules(child))]


def test_json_is_the_grammar_tree_with_every_line_once() -> None:
    result = run_cli("outline", str(_seed("000")), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == 1 and data["recoveries"] == []
    tree = data["tree"]
    assert tree["rule"] == "start"
    assert [c["rule"] for c in tree["children"]] == [
        "front",
        "title",
        "addressee",
        "opening",
        "body",
        "closing",
        "tail",
    ]
    body = tree["children"][4]
    assert [c["rule"] for c in body["children"]] == ["part_one", "part_two", "part_three"]
    assert {"improvement", "shortcomings"} <= set(_rules(body))
    lines = [leaf["line"] for leaf in _leaves(tree)]
    assert lines == sorted(set(lines))  # document order, each line once
    text = _seed("000").read_text(encoding="utf-8").splitlines()
    assert all(text[leaf["line"] - 1] == leaf["text"] for leaf in _leaves(tree))


def test_rich_shows_parts_and_headings() -> None:
    result = run_cli("outline", str(_seed("004")))
    assert result.returncode == 0, result.stderr
    assert "part_one" in result.stdout and "H1_PROBLEMS 二、存在问题及下一步工作思路" in result.stdout


def test_out_of_order_part_is_shown_as_recovered(tmp_path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "某局2025年法治政府建设年度报告\n一、主要举措和成效\n做了。\n二、2026年工作安排\n要做。\n三、存在的不足和原因\n不足。\n",
        encoding="utf-8",
    )
    data = json.loads(run_cli("outline", str(path), "--format", "json").stdout)
    assert data["recoveries"] == [{"line": 6, "found": "H1_PROBLEMS", "parsed_as": "H1_MISPLACED"}]
    assert "misplaced" in _rules(data["tree"])
    assert "H1_PROBLEMS → H1_MISPLACED" in run_cli("outline", str(path)).stdout


def test_unreadable_file_is_one_line_and_exit_2(tmp_path) -> None:
    result = run_cli("outline", str(tmp_path / "missing.txt"))
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "missing.txt" in result.stderr
