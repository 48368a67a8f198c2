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
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote

import olefile
from lxml import etree

from actionplans.ingest.errors import IngestError, one_line, raised_in

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
XML_SUFFIXES = (".xml", ".rels", ".vml")
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_SMALL = 4 * MiB  # [Content_Types].xml and _rels/.rels are a few KiB: larger ones are not read to sniff

WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Templates and macro-enabled files hold the same document: python-docx reads them once
# their main part is typed as a plain document's (macros are never run, nor read).
WORD_VARIANTS = frozenset({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
})


@dataclass(frozen=True)
class Package:
    """What an Open XML package says of itself: each part's content type ([Content_Types].xml)
    and its main part (the officeDocument link in _rels/.rels), whatever that is called."""

    defaults: dict[str, str]  # content type by extension, lower case
    overrides: dict[str, str]  # content type by part name, lower case, no leading /
    main: str  # the main part's name as the zip holds it; "" where no link names one

    def content_type(self, name: str) -> str:
        return self.overrides.get(name.lower()) or self.defaults.get(posixpath.splitext(name)[1][1:].lower(), "")

    @property
    def main_type(self) -> str:
        return self.content_type(self.main) if self.main else ""


def read_package(z: zipfile.ZipFile) -> Package:
    """The package's own description; empty where a part is missing, damaged or too large to
    be a real one (the checks and python-docx then give the reason)."""
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    types = _small_xml(z, "[Content_Types].xml")
    if types is not None:
        for el in types.iter(_CT + "Default"):
            defaults[el.get("Extension", "").lower()] = el.get("ContentType", "")
        for el in types.iter(_CT + "Override"):
            overrides[unquote(el.get("PartName", "")).lstrip("/").lower()] = el.get("ContentType", "")
    names = {n.lower(): n for n in z.namelist()}
    main = ""
    rels = _small_xml(z, "_rels/.rels")
    for rel in rels.iter(_REL) if rels is not None else ():
        if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
            target = posixpath.normpath(unquote(rel.get("Target", "")).lstrip("/")).lower()
            main = names.get(target, "")
            break
    return Package(defaults, overrides, main)


def _small_xml(z: zipfile.ZipFile, name: str) -> Any | None:
    try:
        info = z.getinfo(name)
        if info.file_size > _SMALL:
            return None
        return etree.fromstring(z.read(info), SAFE_XML)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error,
            etree.XMLSyntaxError):
        return None


def package_kind(package: Package) -> str:
    """"docx", "xlsx", "pptx" or "ooxml_other", from the main part's content type. A
    package that does not say is taken as Word: its reader tells what is wrong."""
    main = package.main_type
    if not main or main == WORD_MAIN or main in WORD_VARIANTS or main in ("application/xml", "text/xml"):
        return "docx"
    if "spreadsheetml" in main or "ms-excel" in main:
        return "xlsx"
    if "presentationml" in main or "ms-powerpoint" in main:
        return "pptx"
    return "ooxml_other"


def docx_package(path: Path, limits: DocxLimits) -> str | IO[bytes]:
    """What python-docx should open: the file, or a repaired copy in memory, once the
    zip's directory and the XML parts' openings show nothing to refuse."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError("bad_docx", "damaged Word file: the zip package cannot be read") from exc
    with z:
        check_sizes(z.infolist(), limits)
        package = read_package(z)
        for info in z.infolist():
            if _parsed_as_xml(info.filename, package):
                check_prolog(z, info, limits)
        try:
            fixed = _dangling_links(z)
            fixed.update(_plain_main_type(z, package))
            return _rewritten(z, fixed) if fixed else str(path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            raise IngestError("bad_docx", "damaged Word file: a part of the zip package is corrupt") from exc


def _parsed_as_xml(name: str, package: Package) -> bool:
    """Whether python-docx may parse the part as XML: the package's links and content types,
    and every part whose content type is XML, the main part included whatever its name.
    Pictures are never parsed (an SVG may carry its DOCTYPE harmlessly)."""
    if name.lower().endswith(XML_SUFFIXES) or name == package.main:
        return True
    kind = package.content_type(name)
    return kind.endswith("xml") and not kind.startswith("image/")


def check_sizes(infos: list[zipfile.ZipInfo], limits: DocxLimits, what: str = "Word file") -> None:
    """Refuse a zip package (a Word file, or ``what``) that is a bomb or holds huge XML."""
    if len(infos) > limits.max_members:
        raise IngestError("zip_bomb", f"{what} refused: {len(infos)} parts in the package "
                                      f"(limit {limits.max_members})")
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_mb * MiB:
        raise IngestError("zip_bomb", f"{what} refused: it expands to {total // MiB} MiB "
                                      f"(limit {limits.max_total_mb} MiB)")
    for i in infos:
        if i.filename.lower().endswith(XML_SUFFIXES) and i.file_size > limits.max_xml_mb * MiB:
            raise IngestError("huge_xml", f"{what} refused: part {i.filename} is {i.file_size // MiB} MiB "
                                          f"of XML (limit {limits.max_xml_mb} MiB)")
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > limits.ratio_floor_mb * MiB and ratio > limits.max_ratio:
            raise IngestError("zip_bomb", f"{what} refused: part {i.filename} expands {ratio:.0f} times "
                                          f"(zip bomb?)")


class _Prolog:
    """An lxml parser target that stops at the first DOCTYPE or element: what it saw."""

    class Seen(Exception):
        pass

    def __init__(self) -> None:
        self.seen = ""

    def doctype(self, *_: object) -> None:
        self.seen = "doctype"
        raise self.Seen

    def start(self, *_: object) -> None:
        self.seen = "element"
        raise self.Seen

    def close(self) -> str:
        return self.seen


def check_prolog(z: zipfile.ZipFile, info: zipfile.ZipInfo, limits: DocxLimits, what: str = "Word file") -> None:
    """Refuse an XML part whose prolog declares a DTD: a Word file never does, and
    entities (external files, "billion laughs") are how XML attacks a reader. The part's
    opening is read by lxml itself, so its encoding is found as python-docx's parser will
    find it (UTF-16 or UTF-32 with or without a byte order mark, a declared encoding)."""
    cap = limits.max_prolog_kb * 1024
    try:
        with z.open(info) as fh:
            head = fh.read(cap)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, zlib.error) as exc:
        slug = "bad_docx" if what == "Word file" else "bad_package"
        raise IngestError(slug, f"damaged {what}: part {info.filename} cannot be unpacked") from exc
    target = _Prolog()
    parser = etree.XMLParser(target=target, resolve_entities=False, load_dtd=False, no_network=True)
    try:
        parser.feed(head)
        if len(head) < cap:
            parser.close()  # the whole part: what it holds is parsed to its end
    except _Prolog.Seen:
        pass
    except etree.LxmlError:
        pass  # not well-formed: python-docx refuses it in its own words, and never gets past it
    if target.seen == "doctype":
        raise IngestError("xml_entities", f"{what} refused: part {info.filename} declares XML entities "
                                          "(a DOCTYPE), which are never resolved")
    if not target.seen and len(head) >= cap:
        raise IngestError("huge_xml", f"{what} refused: part {info.filename} has no XML element "
                                      f"in its first {limits.max_prolog_kb} KiB")


def is_strict_ooxml(path: Path) -> bool:
    """ISO 29500 Strict packages use other namespaces, which python-docx cannot read."""
    try:
        with zipfile.ZipFile(path) as z:
            return _STRICT.encode() in z.read("_rels/.rels")
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return False


SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _dangling_links(z: zipfile.ZipFile) -> dict[str, bytes]:
    names = set(z.namelist())
    fixed: dict[str, bytes] = {}
    for name in names:
        if name.endswith(".rels"):
            data = _drop_dangling(name, z.read(name), names)
            if data is not None:
                fixed[name] = data
    return fixed


def _plain_main_type(z: zipfile.ZipFile, package: Package) -> dict[str, bytes]:
    """[Content_Types].xml with a template's or macro-enabled file's main part typed as a
    plain document's, or nothing where it already is one."""
    if package.main_type not in WORD_VARIANTS:
        return {}
    types = _small_xml(z, "[Content_Types].xml")
    if types is None:
        return {}
    for el in list(types.iter(_CT + "Override")):
        if unquote(el.get("PartName", "")).lstrip("/").lower() == package.main.lower():
            types.remove(el)
    etree.SubElement(types, _CT + "Override", PartName="/" + package.main, ContentType=WORD_MAIN)
    return {"[Content_Types].xml": etree.tostring(types, xml_declaration=True, encoding="UTF-8", standalone=True)}


def _rewritten(z: zipfile.ZipFile, fixed: dict[str, bytes]) -> IO[bytes]:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            w.writestr(info, fixed.get(info.filename) or z.read(info))
    out.seek(0)
    return out


def _drop_dangling(rels_name: str, data: bytes, names: set[str]) -> bytes | None:
    try:
        root = etree.fromstring(data, SAFE_XML)
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


_WORD_PARTS = {"actionplans.ingest.numbering": "its list numbering (numbering.xml)",
               "actionplans.ingest.docx": "its document body"}


def word_failure(exc: BaseException) -> IngestError:
    """A one-line reason for an exception met while reading a Word package's content,
    naming the part where it can."""
    where = _WORD_PARTS.get(raised_in(exc, tuple(_WORD_PARTS)) or "", "a part")
    if isinstance(exc, ValueError) and "invalid literal" in str(exc):
        return IngestError("bad_docx", f"damaged Word file: {where} holds text where Word writes a number")
    if isinstance(exc, AttributeError) and where == _WORD_PARTS["actionplans.ingest.docx"]:
        return IngestError("bad_docx", "damaged Word file: its main part holds no Word document body")
    return IngestError("bad_docx", f"damaged Word file: {where} has unexpected content ({type(exc).__name__})")


# --- PDF parser failures -----------------------------------------------------------

def pdf_failure(exc: BaseException) -> IngestError:
    """A one-line reason for an exception pdfminer raised, however it was wrapped."""
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc.__context__ or exc
    name = type(inner).__name__
    detail = one_line(str(inner))
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
    if type(inner) in PYTHON_ERRORS:  # the parser's own words would be Python's, not the file's
        return IngestError("bad_pdf", "damaged PDF: an object in it is not of the form the format requires")
    return IngestError("bad_pdf", f"damaged PDF ({name}{': ' + detail if detail else ''})")


PYTHON_ERRORS = (TypeError, ValueError, KeyError, IndexError, AttributeError, AssertionError, ZeroDivisionError,
                 OverflowError)
