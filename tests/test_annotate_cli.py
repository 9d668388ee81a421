"""``fzlint check --annotate``: where copies go, text input, Word's lock files, unreadable folders."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import docx
import pytest
from clirun import run_cli
from conftest import ROOT, SEEDS
from docx_builder import build_docx

from fzlint.docx.loader import read_paragraphs

SEED_004 = next(p for p in SEEDS if p.name.startswith("004"))
CLEAN = (ROOT / "tests" / "corpus" / "docx" / "d-001.docx").read_bytes()
NO_LIBREOFFICE = {"FZLINT_SOFFICE": ""}
FINDINGS = 1  # seed 004 has error-severity findings


def comments_of(path: Path) -> list:
    return [c for c in docx.Document(str(path)).comments if c.author == "fzlint"]


def test_text_report_becomes_a_reviewable_docx_beside_it(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    shutil.copy(SEED_004, report)
    before = report.read_bytes()
    done = run_cli("check", str(report), "--annotate", "--format", "json")
    out = tmp_path / "报告.fzlint.docx"
    assert done.returncode == FINDINGS, done.stderr
    assert report.read_bytes() == before
    found = done.stdout.count('"code"')
    assert f"已写入批注版 {out}（{found} 条批注）" in done.stderr
    assert read_paragraphs(out.read_bytes()) == before.decode("utf-8").split("\n")
    word = docx.Document(str(out))
    assert len(comments_of(out)) == found > 0
    normal = word.styles["Normal"].element.rPr.rFonts
    assert normal.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋_GB2312"
    heading = next(p for p in word.paragraphs if p.text.strip() == "一、主要工作情况")
    assert {r.font.name for r in heading.runs if r.text} == {"黑体"}  # split at the comment, font kept
    inline = next(p for p in word.paragraphs if p.text.strip().startswith("（一）") or p.text.strip()[:3] == "(一)")
    fonts = [r.font.name for r in inline.runs if r.text]
    assert fonts[0] == "楷体_GB2312" and fonts[-1] is None  # the body text after the heading is 仿宋


def test_a_docx_named_after_annotate_is_the_input(tmp_path: Path) -> None:
    report = build_docx(tmp_path / "报告.docx", SEED_004.read_text(encoding="utf-8").split("\n"))
    done = run_cli("check", "--annotate", str(report), "--format", "concise")
    assert done.returncode == FINDINGS, done.stderr
    assert len(comments_of(tmp_path / "报告.fzlint.docx")) == len(done.stdout.splitlines())


def test_out_file_out_folder_and_same_stems(tmp_path: Path) -> None:
    text = tmp_path / "报告.txt"
    shutil.copy(SEED_004, text)
    build_docx(tmp_path / "报告.docx", SEED_004.read_text(encoding="utf-8").split("\n"))
    one = run_cli("check", str(text), "--annotate", str(tmp_path / "审阅.docx"), "--format", "concise")
    assert one.returncode == FINDINGS and (tmp_path / "审阅.docx").is_file()
    two = run_cli("check", str(text), str(tmp_path / "报告.docx"), "--annotate", str(tmp_path / "out"))
    assert two.returncode == FINDINGS, two.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["报告.docx.fzlint.docx", "报告.fzlint.docx"]
    many = run_cli("check", str(text), str(tmp_path / "报告.docx"), "--annotate", str(tmp_path / "x.docx"))
    assert many.returncode == 2 and "只能用于一个文件" in many.stderr and not (tmp_path / "x.docx").exists()


def test_nothing_but_fzlint_copies_is_overwritten(tmp_path: Path) -> None:
    text = tmp_path / "报告.txt"
    shutil.copy(SEED_004, text)
    precious = tmp_path / "定稿.docx"
    precious.write_bytes(CLEAN)
    done = run_cli("check", str(text), "--annotate", str(precious), "--format", "concise")
    assert done.returncode == 2 and "未覆盖" in done.stderr and precious.read_bytes() == CLEAN
    again = run_cli("check", str(text), "--annotate", "--format", "concise")
    assert again.returncode == FINDINGS and run_cli("check", str(text), "--annotate").returncode == FINDINGS


def test_stdin_needs_a_name_for_its_copy(tmp_path: Path) -> None:
    done = run_cli("check", "-", "--annotate", stdin=SEED_004.read_text(encoding="utf-8"))
    assert done.returncode == 2 and "标准输入没有文件名" in done.stderr
    named = run_cli("check", "-", "--annotate", str(tmp_path / "a.docx"), stdin=SEED_004.read_text(encoding="utf-8"))
    assert named.returncode == FINDINGS and comments_of(tmp_path / "a.docx")


def test_lock_file_named_explicitly_is_skipped_with_a_note(tmp_path: Path) -> None:
    lock = tmp_path / "~$报告.docx"
    lock.write_bytes(b"\x0czhang san\x00" * 10)
    clean = tmp_path / "好.docx"
    clean.write_bytes(CLEAN)
    alone = run_cli("check", str(clean), "--format", "concise", "--select", "P")
    both = run_cli("check", str(lock), str(clean), "--format", "concise", "--select", "P")
    assert both.returncode == alone.returncode
    assert both.stdout == alone.stdout
    notes = both.stderr.strip().splitlines()
    assert len(notes) == 1 and str(lock) in notes[0] and "锁文件" in notes[0] and "错误" not in notes[0]


def test_precommit_hooks_exclude_lock_files_and_annotated_copies() -> None:
    yaml = pytest.importorskip("yaml")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    for hook in hooks:
        chosen = [
            name
            for name in ("报告.docx", "docs/~$报告.docx", "~$a.docx", "报告.fzlint.docx", "a/b.txt")
            if re.search(hook["files"], name) and not re.search(hook["exclude"], name)
        ]
        assert chosen == ["报告.docx", "a/b.txt"]


def test_folder_of_only_unreadable_files_is_not_a_pass(tmp_path: Path) -> None:
    (tmp_path / "旧.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    (tmp_path / "金山.wps").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    done = run_cli("check", str(tmp_path), env=NO_LIBREOFFICE)
    assert done.returncode == 2
    assert "未发现问题" not in done.stdout and "未检查任何文件" in done.stdout
    errors = done.stderr.strip().splitlines()
    assert errors[-1] == "fzlint: 错误：没有检查任何文件：2 个文件无法读取（见上）"
    assert len(errors) == 3 and all("LibreOffice" in line for line in errors[:2])


def test_annotated_copy_reads_back_in_python_docx(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text(
        "深圳市某局2025年法治政府建设年度报告\n\n一、主要举措和成效\n2025年,我局坚持依法行政。\n", "utf-8"
    )
    assert run_cli("check", str(report), "--annotate", "--format", "concise").returncode in (0, 1)
    word = docx.Document(io.BytesIO((tmp_path / "报告.fzlint.docx").read_bytes()))
    assert any("P101" in c.text and "建议修改" in c.text for c in word.comments)


def test_an_unreadable_file_gets_no_copy_and_no_claim_of_one(tmp_path: Path) -> None:
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04 not really")
    good = tmp_path / "好.txt"
    shutil.copy(SEED_004, good)
    done = run_cli("check", str(broken), str(good), "--annotate", "--format", "concise")
    assert done.returncode == 2
    assert "坏.fzlint.docx" not in done.stderr and not (tmp_path / "坏.fzlint.docx").exists()
    assert (tmp_path / "好.fzlint.docx").is_file()
