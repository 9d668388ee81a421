"""Checks a .docx must pass before anything in it is inflated or parsed.

A .docx is a zip of XML parts. Before python-docx opens it we make sure that:

- it is a zip at all (a legacy .doc, a .wps or a password-protected .docx is an
  OLE2 compound file, recognised by its magic bytes, and gets its own message);
- the archive lists ``word/document.xml`` and is not truncated;
- no entry declares more than :data:`MAX_ENTRY_BYTES` uncompressed, the whole
  archive not more than :data:`MAX_TOTAL_BYTES`, and no large entry compresses
  better than :data:`MAX_RATIO` to 1 (a zip bomb); every deflated entry is
  inflated once in bounded steps and refused if it runs past its declared size
  (a lying header: zipfile itself inflates everything before cutting);
- no XML part carries a DOCTYPE. Word never writes one, and refusing it rules
  out external entities (XXE) and entity expansion ("billion laughs") whatever
  the XML parser's settings. python-docx's own parser also has
  ``resolve_entities=False``.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO

from fzlint import regex
from fzlint.docx.loader import OLE2_MAGIC, ZIP_MAGIC
from fzlint.load.loading import LoadError

MAX_ENTRY_BYTES = 100 * 1024 * 1024
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_RATIO = 100
# A real report has a few hundred paragraphs; a .docx within every size limit can hold millions
# (2.7 M in 7.5 MB), each one a line to parse. Counted in the raw XML before anything is parsed.
MAX_PARAGRAPHS = 300_000
_PARAGRAPH_MARKS = (b"<w:p>", b"<w:p ", b"<w:p/>")
RATIO_CHECK_FROM = 1024 * 1024  # small entries may compress extremely well; they cannot hurt
_XML_ENCODING = regex.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._-]{1,40})[\"']")
_PLAIN_ENCODINGS = {b"utf-8", b"utf8", b"us-ascii", b"ascii", b"utf-16"}
_DOCTYPE_MARKS = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))

SAVE_AS_DOCX = "请在 Word 或 WPS 中“另存为” .docx 格式（如有密码，先取消密码）后再检查"


def is_ole2(data: bytes) -> bool:
    return data.startswith(OLE2_MAGIC)


def open_checked(data: bytes) -> zipfile.ZipFile:
    """The archive, after every check above; raises LoadError with a one-line reason."""
    if is_ole2(data):
        raise LoadError(
            f"是旧版 Word（.doc）、WPS（.wps）或加密的文档，无法直接读取；{SAVE_AS_DOCX}，"
            "或安装 LibreOffice（soffice）后由 fzlint 自动转换"
        )
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise LoadError(f"不是有效的 .docx 文件（zip 结构损坏或文件不完整）；{SAVE_AS_DOCX}") from None
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise LoadError(f"不是正常的 .docx 文件：压缩包内有 {len(entries)} 个条目，超过上限 {MAX_ENTRIES}")
    names = {entry.filename for entry in entries}
    if len(names) != len(entries):  # zipfile would warn and read the last copy, --fix write the first
        from collections import Counter

        duplicate = next(name for name, count in Counter(e.filename for e in entries).items() if count > 1)
        raise LoadError(
            f"压缩包内有重名的条目 {duplicate}（Word 从不写入），无法确定读哪一份，拒绝读取；{SAVE_AS_DOCX}"
        )
    if "word/document.xml" not in names:
        raise LoadError(f"不是 Word 文档：压缩包内没有 word/document.xml；{SAVE_AS_DOCX}")
    total = 0
    for entry in entries:
        _check_size(entry)
        _check_inflated_size(data, entry)
        total += entry.file_size
    if total > MAX_TOTAL_BYTES:
        raise LoadError(f"解压后共 {_mb(total)}，超过上限 {_mb(MAX_TOTAL_BYTES)}；拒绝读取（疑似压缩炸弹）")
    return archive


def _check_size(entry: zipfile.ZipInfo) -> None:
    if entry.file_size > MAX_ENTRY_BYTES:
        raise LoadError(
            f"{entry.filename} 解压后有 {_mb(entry.file_size)}，超过上限 {_mb(MAX_ENTRY_BYTES)}；"
            "拒绝读取（疑似压缩炸弹）"
        )
    if entry.file_size >= RATIO_CHECK_FROM:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if ratio > MAX_RATIO:
            raise LoadError(
                f"{entry.filename} 的压缩比为 {ratio:.0f}:1，超过上限 {MAX_RATIO}:1；拒绝读取（疑似压缩炸弹）"
            )


def _check_inflated_size(data: bytes, entry: zipfile.ZipInfo) -> None:
    """Refuse an entry whose data inflates past its declared size (a lying header).

    zipfile's ``read()`` inflates all of an entry's compressed bytes before it
    cuts the result to the declared size, and python-docx reads every part that
    way: a header claiming 1 KB over 150 MB of zeros would cost 150 MB. So the
    raw deflate stream is inflated here in bounded steps, counting, and never
    kept.
    """
    if entry.compress_type == zipfile.ZIP_STORED:
        if entry.compress_size != entry.file_size:
            raise LoadError(f"{entry.filename} 的大小记录不一致；拒绝读取（疑似压缩炸弹）")
        return
    if entry.compress_type != zipfile.ZIP_DEFLATED:
        return  # zipfile refuses (or bounds) other methods itself; python-docx never writes them
    start = entry.header_offset
    if data[start : start + 4] != ZIP_MAGIC or len(data) < start + 30:
        raise LoadError(f"{entry.filename} 已损坏，无法解压；{SAVE_AS_DOCX}")
    name_length, extra_length = (
        int.from_bytes(data[start + 26 : start + 28], "little"),
        int.from_bytes(data[start + 28 : start + 30], "little"),
    )
    body = start + 30 + name_length + extra_length
    stream = memoryview(data)[body : body + entry.compress_size]
    inflater = zlib.decompressobj(-15)
    produced, step = 0, 1024 * 1024
    try:
        for offset in range(0, len(stream), 65536):
            pending = bytes(stream[offset : offset + 65536])
            while pending:
                produced += len(inflater.decompress(pending, step))
                pending = inflater.unconsumed_tail
                if produced > entry.file_size:
                    raise LoadError(
                        f"{entry.filename} 解压后超过它记录的 {entry.file_size} 字节；拒绝读取（疑似压缩炸弹）"
                    )
    except zlib.error:
        raise LoadError(f"{entry.filename} 已损坏，无法解压（数据校验失败）；{SAVE_AS_DOCX}") from None


def check_xml_parts(archive: zipfile.ZipFile) -> None:
    """Inflate every XML part once (sizes are already bounded) and refuse any DOCTYPE.

    An XML part is one python-docx would parse: named .xml or .rels, or given an XML
    content type by ``[Content_Types].xml`` whatever its name (``word/main.bin`` declared
    as the main document is parsed as XML too)."""
    entries = {entry.filename: entry for entry in archive.infolist()}
    types = entries.get("[Content_Types].xml")
    if types is not None:
        _check_xml_part(archive, types)
    xml_names = _xml_by_content_type(archive, types)
    paragraphs = 0
    for name, entry in entries.items():
        if entry is not types and (name.endswith((".xml", ".rels")) or name in xml_names):
            paragraphs += _check_xml_part(archive, entry)
    if paragraphs > MAX_PARAGRAPHS:
        raise LoadError(
            f"含有 {paragraphs} 个段落，超过上限 {MAX_PARAGRAPHS}（正常报告只有几百段）；拒绝读取，请拆分后再检查"
        )


def _xml_by_content_type(archive: zipfile.ZipFile, types: zipfile.ZipInfo | None) -> set[str]:
    """Entries whose declared content type is XML (Override by name, Default by extension)."""
    if types is None:
        return set()
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(archive.read(types), parser)
    except etree.XMLSyntaxError:
        return set()  # python-docx refuses the package itself, with its own message
    ns = "{http://schemas.openxmlformats.org/package/2006/content-types}"
    is_xml = lambda kind: kind.split(";")[0].strip().lower().endswith("xml")  # noqa: E731
    overrides = {
        e.get("PartName", "").lstrip("/") for e in root.iter(f"{ns}Override") if is_xml(e.get("ContentType", ""))
    }
    extensions = {e.get("Extension", "").lower() for e in root.iter(f"{ns}Default") if is_xml(e.get("ContentType", ""))}
    names = set(overrides)
    for name in archive.namelist():
        if name.rsplit(".", 1)[-1].lower() in extensions and "." in name:
            names.add(name)
    return names


def _check_xml_part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> int:
    """Check one XML part; returns how many paragraphs (``<w:p``) it holds."""
    try:
        data = archive.read(entry)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError, zlib.error):
        raise LoadError(f"{entry.filename} 已损坏，无法解压（数据校验失败）；{SAVE_AS_DOCX}") from None
    if not _plain_encoding(data):
        raise LoadError(
            f"{entry.filename} 不是 UTF-8/UTF-16 编码的 XML（Word 只写这两种）；其他编码可能藏有 DOCTYPE，拒绝读取"
        )
    if any(mark in data for mark in _DOCTYPE_MARKS):
        raise LoadError(f"{entry.filename} 含有 DOCTYPE 声明（Word 从不写入）；为防止外部实体和实体膨胀攻击，拒绝读取")
    return sum(data.count(mark) for mark in _PARAGRAPH_MARKS)


def _plain_encoding(data: bytes) -> bool:
    """Whether an XML part is UTF-8 or UTF-16, the encodings the DOCTYPE marks cover.

    A part in UTF-32, EBCDIC or UTF-7 (which libxml2 can read) would carry its
    DOCTYPE in bytes the marks do not match.
    """
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return False  # UTF-32 byte-order marks
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")):
        return True  # UTF-16, with or without a byte-order mark
    text = data.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    if text and not text.startswith(b"<"):
        return False
    declared = _XML_ENCODING.match(text)
    return declared is None or declared.group(1).lower() in _PLAIN_ENCODINGS


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"
