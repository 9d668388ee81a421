"""``fzlint check --annotate [OUT]``: an annotated Word copy of every linted file.

Where each copy goes:

- no OUT: beside its file, ``报告.docx`` → ``报告.fzlint.docx`` (``报告.txt`` too);
- OUT ending in .docx: that file (one input only);
- any other OUT (a folder, made if missing): ``OUT/报告.fzlint.docx`` for each input.

The original is never written. An existing file is only replaced if it is an
earlier fzlint copy (its name ends in ``.fzlint.docx``); two inputs that would get the same name (报告.txt and
报告.docx) keep their suffix (``报告.txt.fzlint.docx``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from fzlint.load.loading import ANNOTATED_SUFFIX
from fzlint.run.engine import FileResult
from fzlint.run.inputs import STDIN, CheckInput


@dataclass
class Annotation:
    source: str  # the name the file was linted under
    target: Path | None
    comments: int = 0
    error: str | None = None


def inputs_from_option(value: str | None, paths: list[str]) -> tuple[str | None, list[str]]:
    """``fzlint check --annotate 报告.docx`` (no other path) means "annotate 报告.docx", not
    "write into it": argparse hands the file to --annotate, so give it back to the paths."""
    if value and paths == ["."] and Path(value).is_file() and not value.lower().endswith(ANNOTATED_SUFFIX):
        return "", [value]
    return value, paths


def plan(todo: Sequence[CheckInput], out: str) -> list[Annotation]:
    """Where each linted input's copy goes (or why it cannot be written)."""
    linted = [item for item in todo if item.error is None]
    inputs = {os.path.abspath(item.display) for item in linted if item.display != STDIN}
    folder: Path | None = None
    if out:
        single = out.lower().endswith(".docx") and not Path(out).is_dir()
        if single and len(linted) > 1:
            why = f"--annotate {out} 只能用于一个文件；多个文件请给出目录"
            return [Annotation(item.display, None, error=why) for item in linted]
        if not single:
            folder = Path(out)
    taken: set[str] = set()
    planned = []
    for item in linted:
        target = Path(out) if out and folder is None else _beside(item, folder, taken)
        planned.append(_checked(item.display, target, inputs))
        if target is not None:
            taken.add(os.path.abspath(target))
    return planned


def _beside(item: CheckInput, folder: Path | None, taken: set[str]) -> Path | None:
    if item.display == STDIN:
        return None
    source = Path(item.display)
    where = folder if folder is not None else source.parent
    target = where / (source.stem + ANNOTATED_SUFFIX)
    if os.path.abspath(target) in taken:
        target = where / (source.name + ANNOTATED_SUFFIX)
    return target


def _checked(source: str, target: Path | None, inputs: set[str]) -> Annotation:
    if target is None:
        why = "标准输入没有文件名：请用 --stdin-filename 或 --annotate OUT.docx 指定输出"
        return Annotation(source, None, error=why)
    if os.path.abspath(target) in inputs:
        return Annotation(source, None, error=f"批注版 {target} 与被检查的文件相同，不能覆盖原文件")
    if target.exists() and not target.name.lower().endswith(ANNOTATED_SUFFIX):
        return Annotation(
            source, None, error=f"{target} 已存在，且文件名不以 {ANNOTATED_SUFFIX} 结尾（不是 fzlint 的批注版），未覆盖"
        )
    return Annotation(source, target)


def write_all(results: Sequence[FileResult], todo: Sequence[CheckInput], out: str, err: TextIO) -> bool:
    """Write every copy; one line on stderr for each. True if all were written."""
    by_name = {item.display: item for item in todo}
    results_by_name = {result.path: result for result in results}
    ok = True
    for annotation in plan(todo, out):
        result = results_by_name.get(annotation.source)
        if result is None or result.document is None:
            continue  # it could not be read: its error line is already out
        if annotation.error is None:
            annotation = _write(annotation, result, by_name[annotation.source])
        if annotation.error is not None:
            ok = False
            print(f"fzlint: 错误：{annotation.source}: 未写入批注版：{annotation.error}", file=err)
        elif annotation.target is not None:
            print(f"fzlint: 已写入批注版 {annotation.target}（{annotation.comments} 条批注）", file=err)
    return ok


def _write(annotation: Annotation, result: FileResult, item: CheckInput) -> Annotation:
    from fzlint.docx.annotate import AnnotateError, annotate_docx
    from fzlint.load.loading import LoadError

    document = result.document
    assert document is not None and annotation.target is not None
    try:
        data, lines = word_copy(document, item)
        annotated = annotate_docx(data, lines, result.diagnostics)
        annotation.target.parent.mkdir(parents=True, exist_ok=True)
        annotation.target.write_bytes(annotated)
    except (AnnotateError, LoadError) as error:
        annotation.error = str(error)
    except OSError as error:
        annotation.error = f"无法写入 {annotation.target}：{error.strerror or error}"
    else:
        annotation.comments = len(result.diagnostics)
    return annotation


def word_copy(document, item: CheckInput) -> tuple[bytes, list[str]]:
    """The .docx to annotate and its paragraphs: the file itself (a legacy .doc/.wps as
    LibreOffice converts it), or for text a .docx made from it."""
    from fzlint.docx.loader import readable
    from fzlint.docx.textdoc import text_docx, xml_safe

    if document.kind == "docx":
        data = item.data if item.data is not None else item.path.read_bytes()
        return readable(data), document.lines
    return text_docx(document), [xml_safe(line) for line in document.lines]
