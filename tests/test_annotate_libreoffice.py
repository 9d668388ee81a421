"""Real LibreOffice: annotated copies open with every comment at its words; a real .doc is linted.

Each soffice start costs several seconds, so the module converts once: both annotated seeds
to PDF in one call, one seed to .doc in another (fzlint's own conversion of it is the third).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from clirun import run_cli
from conftest import SEEDS
from docx_builder import build_docx
from pdfnotes import PDF_FILTER, matching, notes, text_left_of
from realclients import require

from fzlint.docx.anchor import anchored_text, context_before

SEED_004 = next(p for p in SEEDS if p.name.startswith("004"))


@dataclass
class Rendered:
    docx: Path
    pdf: Path


def soffice(*args: str, cwd: Path) -> None:
    profile = (cwd / "lo-profile").as_uri()  # private: no clash with a running LibreOffice
    command = [require("soffice"), f"-env:UserInstallation={profile}", "--headless", "--norestore", *args]
    subprocess.run(command, cwd=cwd, capture_output=True, timeout=180, check=True)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    require("pdftotext")
    work = tmp_path_factory.mktemp("annotate-lo")
    shutil.copy(SEED_004, work / "seed.txt")
    build_docx(work / "seed.docx", SEED_004.read_text(encoding="utf-8").split("\n"))
    done = run_cli("check", str(work / "seed.txt"), str(work / "seed.docx"), "--annotate", str(work / "out"))
    assert done.returncode == 1, done.stderr  # seed 004 has errors
    copies = {"txt": work / "out" / "seed.fzlint.docx", "docx": work / "out" / "seed.docx.fzlint.docx"}
    soffice("--convert-to", PDF_FILTER, "--outdir", str(work / "pdf"), *map(str, copies.values()), cwd=work)
    return {kind: Rendered(path, work / "pdf" / (path.stem + ".pdf")) for kind, path in copies.items()}


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_libreoffice_shows_every_comment_at_its_words(rendered: dict[str, Rendered], kind: str) -> None:
    page = rendered[kind]
    exported = notes(page.pdf)
    word = docx.Document(str(page.docx))
    comments = list(word.comments)
    assert len(exported) == len(comments) > 100
    pdftotext = require("pdftotext")
    before = [text_left_of(pdftotext, page.pdf, note) for note in exported]

    def at(words: str, i: int) -> bool:
        # the range's last characters right before the mark; at a line start, the one before
        # them is at the end of the previous line
        return words in before[i] or before[i].startswith(words[-1:])

    candidates = []
    for comment in comments:
        said = " ".join(comment.text.split())
        words = context_before(word.element.body, comment.comment_id, 2)  # the end of its range
        candidates.append(
            [i for i, note in enumerate(exported) if " ".join(note.text.split()) == said and at(words, i)]
        )
    for comment, match in zip(comments, matching(candidates), strict=True):
        assert match is not None, (comment.text, anchored_text(word.element.body, comment.comment_id))


def test_the_anchored_words_and_report_text_are_in_the_pdf(rendered: dict[str, Rendered]) -> None:
    shown = subprocess.run(
        [require("pdftotext"), str(rendered["txt"].pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(shown.split())
    word = docx.Document(str(rendered["txt"].docx))
    for comment in word.comments:
        assert "".join(anchored_text(word.element.body, comment.comment_id).split()) in flat


def test_a_real_doc_made_by_libreoffice_is_linted_and_annotated(tmp_path: Path) -> None:
    lines = SEED_004.read_text(encoding="utf-8").split("\n")
    build_docx(tmp_path / "seed.docx", lines)
    soffice("--convert-to", "doc", "--outdir", str(tmp_path / "legacy"), str(tmp_path / "seed.docx"), cwd=tmp_path)
    legacy = tmp_path / "legacy" / "seed.doc"
    assert legacy.read_bytes().startswith(b"\xd0\xcf\x11\xe0")  # a real OLE2 Word 97 file
    from_doc = run_cli("check", str(legacy), "--format", "json", "--annotate")
    from_docx = run_cli("check", str(tmp_path / "seed.docx"), "--format", "json")
    assert from_doc.returncode == from_docx.returncode == 1, from_doc.stderr
    spans = [
        [(d["code"], d["line"], d["column"], d["end_column"]) for d in json.loads(r.stdout)]
        for r in (from_doc, from_docx)
    ]
    assert spans[0] == spans[1]  # positions are paragraphs, as for the .docx
    copy = tmp_path / "legacy" / "seed.fzlint.docx"
    assert len(list(docx.Document(str(copy)).comments)) == len(spans[0])
    assert not any(p.name != "seed.doc" and p.suffix != ".docx" for p in legacy.parent.iterdir())  # no litter


def test_a_broken_legacy_file_fails_clearly(tmp_path: Path) -> None:
    require("soffice")
    broken = tmp_path / "坏.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)
    done = run_cli("check", str(broken), "--format", "concise")
    assert done.returncode == 2
    line, summary = done.stderr.strip().splitlines()
    assert str(broken) in line and "LibreOffice 无法转换" in line
    assert "没有检查任何文件" in summary
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏.doc"]  # nothing written beside it
