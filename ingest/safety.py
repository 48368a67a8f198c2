"""Checks made before a parser opens a file, and plain words for why a file failed.

Word packages are zip files: a hostile or broken one can expand to gigabytes, hold one
enormous XML part, declare XML entities, or link to parts that are not there. Each is
checked from the zip's own directory before python-docx reads a byte of XML. OLE2
files (legacy Word, and Word files saved with a password) are told apart by their
streams. PDF parser exceptions are turned into one-line reasons a person can act on.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import unquote

import olefile
from lxml import etree

from actionplans.ingest.errors import IngestError

MiB = 1 << 20


@dataclass(frozen=True)
class DocxLimits:
    """What a Word package may declare before it is refused unread."""

    max_members: int = 5000
    max_total_mb: int = 1024  # all parts, uncompressed, as the zip declares them
    max_xml_mb: int = 128  # one XML part, uncompressed
    max_ratio: float = 200.0  # uncompressed / compressed, for parts above ratio_floor_mb
    ratio_floor_mb: float = 2.0  # small parts compress well (blank XML): no ratio check
    max_prolog_kb: int = 64  # where an XML part's root element must have started

    def __post_init__(self) -> None:
        for name in ("max_members", "max_total_mb", "max_xml_mb", "max_prolog_kb"):
            if getattr(self, name) <= 0:
                raise ValueError(f"DocxLimits.{name} must be > 0")
        if self.max_ratio <= 1 or self.ratio_floor_mb < 0:
            raise ValueError("DocxLimits: max_ratio must be > 1 and ratio_floor_mb >= 0")


# --- Word packages ---------------------------------------------------------------

_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
_XML_SUFFIXES = (".xml", ".rels", ".vml")


def docx_package(path: Path, limits: DocxLimits) -> str | IO[bytes]:
    """What python-docx should open: the file, or a repaired copy in memory, once the
    zip's directory and the XML parts' openings show nothing to refuse."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError("bad_docx", "damaged Word file: the zip package cannot be read") from exc
    with z:
        _check_sizes(z.infolist(), limits)
        for info in z.infolist():
            if info.filename.lower().endswith(_XML_SUFFIXES):
                _check_prolog(z, info, limits)
        try:
            repaired = without_dangling_links(z)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            raise IngestError("bad_docx", "damaged Word file: a part of the zip package is corrupt") from exc
    return repaired if repaired is not None else str(path)


def _check_sizes(infos: list[zipfile.ZipInfo], limits: DocxLimits) -> None:
    if len(infos) > limits.max_members:
        raise IngestError("zip_bomb", f"Word file refused: {len(infos)} parts in the package "
                                      f"(limit {limits.max_members})")
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_mb * MiB:
        raise IngestError("zip_bomb", f"Word file refused: it expands to {total // MiB} MiB "
                                      f"(limit {limits.max_total_mb} MiB)")
    for i in infos:
        if i.filename.lower().endswith(_XML_SUFFIXES) and i.file_size > limits.max_xml_mb * MiB:
            raise IngestError("huge_xml", f"Word file refused: part {i.filename} is {i.file_size // MiB} MiB "
                                          f"of XML (limit {limits.max_xml_mb} MiB)")
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > limits.ratio_floor_mb * MiB and ratio > limits.max_ratio:
            raise IngestError("zip_bomb", f"Word file refused: part {i.filename} expands {ratio:.0f} times "
                                          f"(zip bomb?)")


_PROLOG_ITEM = re.compile(rb"\s+|<\?.*?\?>|<!--.*?-->", re.S)


def _check_prolog(z: zipfile.ZipFile, info: zipfile.ZipInfo, limits: DocxLimits) -> None:
    """Refuse an XML part whose prolog declares a DTD: a Word file never does, and
    entities (external files, "billion laughs") are how XML attacks a reader."""
    cap = limits.max_prolog_kb * 1024
    try:
        with z.open(info) as fh:
            head = fh.read(cap)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        raise IngestError("bad_docx", f"damaged Word file: part {info.filename} cannot be unpacked") from exc
    text = _utf8(head)
    pos = 0
    while m := _PROLOG_ITEM.match(text, pos):
        pos = m.end()
    rest = text[pos:pos + 9].upper()
    if rest.startswith(b"<!DOCTYPE") or rest.startswith(b"<!ENTITY"):
        raise IngestError("xml_entities", f"Word file refused: part {info.filename} declares XML entities "
                                          "(a DOCTYPE), which are never resolved")
    if pos >= len(text) and len(head) >= cap:
        raise IngestError("huge_xml", f"Word file refused: part {info.filename} has no XML element "
                                      f"in its first {limits.max_prolog_kb} KiB")


def _utf8(head: bytes) -> bytes:
    """The bytes as UTF-8, whatever Unicode encoding the part's byte order mark names."""
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace").encode("utf-8")
    return head


def is_strict_ooxml(path: Path) -> bool:
    """ISO 29500 Strict packages use other namespaces, which python-docx cannot read."""
    try:
        with zipfile.ZipFile(path) as z:
            return _STRICT.encode() in z.read("_rels/.rels")
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False


_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def without_dangling_links(z: zipfile.ZipFile) -> IO[bytes] | None:
    """The package rewritten in memory without relationships to parts it lacks (a
    picture lost when a file was copied makes python-docx refuse the whole document),
    or None when every link holds."""
    names = set(z.namelist())
    fixed: dict[str, bytes] = {}
    for name in names:
        if name.endswith(".rels"):
            data = _drop_dangling(name, z.read(name), names)
            if data is not None:
                fixed[name] = data
    if not fixed:
        return None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            w.writestr(info, fixed.get(info.filename) or z.read(info))
    out.seek(0)
    return out


def _drop_dangling(rels_name: str, data: bytes, names: set[str]) -> bytes | None:
    try:
        root = etree.fromstring(data, _SAFE_XML)
    except etree.XMLSyntaxError:
        return None  # python-docx will say the package is damaged
    # word/_rels/document.xml.rels describes word/document.xml: targets are relative to word/.
    base = posixpath.dirname(posixpath.dirname(rels_name))
    dropped = False
    for rel in list(root.iter(_REL)):
        if rel.get("TargetMode") == "External":
            continue
        target = unquote(rel.get("Target", ""))
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        if part not in names:
            root.remove(rel)
            dropped = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if dropped else None


# --- OLE2 containers ---------------------------------------------------------------

_F_ENCRYPTED = 0x0100  # FibBase.fEncrypted: the .doc is encrypted or XOR-obfuscated
_F_OBFUSCATED = 0x8000


def ole_kind(path: Path) -> str:
    """"encrypted_ooxml", "encrypted_doc", "doc", "excel", "powerpoint" or "other"."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if ole.exists("EncryptedPackage"):
                return "encrypted_ooxml"
            if ole.exists("WordDocument"):
                fib = ole.openstream("WordDocument").read(12)
                flags = int.from_bytes(fib[10:12], "little") if len(fib) >= 12 else 0
                return "encrypted_doc" if flags & (_F_ENCRYPTED | _F_OBFUSCATED) else "doc"
            if ole.exists("Workbook") or ole.exists("Book"):
                return "excel"
            if ole.exists("PowerPoint Document"):
                return "powerpoint"
    except (OSError, ValueError, IndexError, TypeError) as exc:  # olefile's errors for a damaged container
        raise IngestError("bad_ole", "damaged Office file (legacy OLE2 container)") from exc
    return "other"


OLE_WHY = {
    "encrypted_ooxml": "password-protected Word file: save a copy without the password",
    "encrypted_doc": "password-protected Word .doc file: save a copy without the password",
    "excel": "an Excel spreadsheet, not a Word or PDF paper",
    "powerpoint": "a PowerPoint file, not a Word or PDF paper",
    "other": "an Office (OLE2) file that is not a Word document",
}


# --- PDF parser failures -----------------------------------------------------------

def pdf_failure(exc: BaseException) -> IngestError:
    """A one-line reason for an exception pdfminer raised, however it was wrapped."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc.__context__ or exc
    name = type(inner).__name__
    detail = str(inner).splitlines()[0][:120] if str(inner) else ""
    if name == "PDFPasswordIncorrect":
        return IngestError("encrypted", "encrypted PDF: needs a password")
    if isinstance(inner, RecursionError):
        return IngestError("bad_pdf", "damaged PDF: its structure refers back to itself (loop)")
    if name == "PSEOF":
        return IngestError("bad_pdf", "damaged PDF: the file ends too soon (truncated?)")
    if "No /Root" in detail:
        return IngestError("bad_pdf", "damaged PDF: no document catalogue (truncated?)")
    if name == "PDFNotImplementedError":
        return IngestError("pdf_feature", f"PDF uses a feature the reader lacks ({detail})")
    if isinstance(inner, MemoryError):
        return IngestError("memory", "out of memory while reading the PDF")
    return IngestError("bad_pdf", f"damaged PDF ({name}{': ' + detail if detail else ''})")
