"""The comments LibreOffice exported into a PDF, and the text next to each (poppler's pdftotext).

LibreOffice 7.4 exports a Writer comment as a PDF text annotation (``/Subtype /Text``) whose
``/Rect`` sits where the comment's range ends; LibreOffice 7.5+ can also draw the comments
in the margin (``ExportNotesInMargin``). The PDF LibreOffice writes keeps its object
dictionaries uncompressed, so a few regular expressions read the annotations.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

# writer_pdf_Export's options as JSON (LibreOffice >= 7.4): comments as PDF notes, and in the
# margin where the version knows how (7.5+; 7.4 ignores the unknown option).
PDF_FILTER = (
    'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"},'
    '"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
)
_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.S)
_REF = re.compile(rb"(\d+) 0 R")


@dataclass(frozen=True)
class Note:
    page: int  # 1-based
    x: float  # points from the left
    top: float  # points from the top of the page (pdftotext's -y)
    height: float
    text: str


def notes(pdf: Path) -> list[Note]:
    data = pdf.read_bytes()
    objects = {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(data)}
    found = []
    for number, page in enumerate(_pages(objects), 1):
        height = float(re.search(rb"/MediaBox\s*\[\s*\S+\s+\S+\s+\S+\s+(\S+)\s*\]", page).group(1))
        annots = re.search(rb"/Annots\s*\[(.*?)\]", page, re.S)
        for ref in _REF.findall(annots.group(1) if annots else b""):
            body = objects[int(ref)]
            if not re.search(rb"/Subtype\s*/Text\b", body):
                continue
            x1, y1, _, y2 = (float(v) for v in re.search(rb"/Rect\s*\[([^\]]*)\]", body).group(1).split())
            found.append(Note(number, x1, height - y2, y2 - y1, _string(body, b"/Contents")))
    return found


def _pages(objects: dict[int, bytes]) -> list[bytes]:
    root = next(body for body in objects.values() if re.search(rb"/Type\s*/Catalog", body))
    return list(_kids(objects, int(re.search(rb"/Pages\s+(\d+) 0 R", root).group(1))))


def _kids(objects: dict[int, bytes], number: int):
    body = objects[number]
    if re.search(rb"/Type\s*/Pages", body):
        for ref in _REF.findall(re.search(rb"/Kids\s*\[(.*?)\]", body, re.S).group(1)):
            yield from _kids(objects, int(ref))
    else:
        yield body


def _string(body: bytes, key: bytes) -> str:
    hexed = re.search(re.escape(key) + rb"\s*<([0-9A-Fa-f\s]*)>", body)
    if hexed:
        raw = bytes.fromhex(hexed.group(1).decode())
        return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")
    literal = re.search(re.escape(key) + rb"\s*\((.*?)(?<!\\)\)", body, re.S)
    return literal.group(1).decode("latin-1") if literal else ""


def text_left_of(pdftotext: str, pdf: Path, note: Note, width: float = 24.0) -> str:
    """The characters just before the note's position on its line (where the range ends)."""
    args = [pdftotext, "-f", str(note.page), "-l", str(note.page), "-x", str(int(note.x - width)), "-y"]
    args += [str(int(note.top)), "-W", str(int(width + 2)), "-H", str(int(note.height) + 1), str(pdf), "-"]
    return "".join(subprocess.run(args, capture_output=True, text=True, check=True).stdout.split())


def matching(candidates: list[list[int]]) -> list[int | None]:
    """A maximum one-to-one assignment of items to the candidates each allows (Kuhn's
    augmenting paths): identical comments (many P101) must each find a note of their own."""
    owner: dict[int, int] = {}

    def assign(item: int, seen: set[int]) -> bool:
        for choice in candidates[item]:
            if choice in seen:
                continue
            seen.add(choice)
            if choice not in owner or assign(owner[choice], seen):
                owner[choice] = item
                return True
        return False

    for item in range(len(candidates)):
        assign(item, set())
    chosen: list[int | None] = [None] * len(candidates)
    for choice, item in owner.items():
        chosen[item] = choice
    return chosen
