"""Stage 1: read a paper (PDF, Word, OpenDocument, a spreadsheet or a saved web page) into the shared
document model."""
from __future__ import annotations

import logging
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from actionplans.ingest.docx import read_docx
from actionplans.ingest.errors import ErrorCode, IngestError, raised_in
from actionplans.ingest.html import read_html, read_mhtml
from actionplans.ingest.kinds import (
    ARCHIVES,
    IMAGES,
    PDF_OR_WORD_SUFFIXES,
    NotAPaper,
    magic_kind,
    skip_reason,
    text_kind,
)
from actionplans.ingest.legacy import converted_to_docx
from actionplans.ingest.model import Document, Paragraph, Table
from actionplans.ingest.ocr import INSTALL as OCR_INSTALL
from actionplans.ingest.ocr import OcrSettings, pages_without_text, read_scan, with_recognised
from actionplans.ingest.ocr import available as ocr_available
from actionplans.ingest.odf import read_odt
from actionplans.ingest.ods import read_ods
from actionplans.ingest.pdf import PdfSettings, read_pdf
from actionplans.ingest.safety import (
    OLE_WHY,
    DocxLimits,
    is_strict_ooxml,
    ole_kind,
    package_kind,
    pdf_failure,
    read_package,
    word_failure,
)
from actionplans.ingest.xls import read_xls
from actionplans.ingest.xlsx import read_xlsx


@dataclass(frozen=True)
class IngestSettings:
    pdf: PdfSettings = field(default_factory=PdfSettings)  # layout, ruled and unruled tables, the fast pass
    docx: DocxLimits = field(default_factory=DocxLimits)  # any zip package: Word, Excel, OpenDocument
    ocr: OcrSettings = field(default_factory=OcrSettings)  # PDF pages without text (the [ocr] extra)
    max_file_mb: int = 1024  # larger files are refused unread
    soffice: str | None = "soffice"  # LibreOffice, for legacy .doc; None: never convert
    convert_timeout_s: float = 60.0

    def __post_init__(self) -> None:
        if self.max_file_mb <= 0:
            raise ValueError("IngestSettings.max_file_mb must be > 0")
        if self.convert_timeout_s <= 0:
            raise ValueError("IngestSettings.convert_timeout_s must be > 0")


Reader = Callable[[Path, str, IngestSettings], Document]


log = logging.getLogger("actionplans")
_PDF_HEADER = re.compile(rb"%PDF-\d")


def sniff_format(path: Path) -> str:
    """"pdf", "docx", "doc", "xls", "odt", "ods", "odp", "xlsx", "pptx", "ooxml_other",
    "html", "mhtml", "zip", "broken_zip", "empty", a kind that is no paper ("text", "csv",
    "email", a picture's or an archive's format: ``ingest.kinds``) or "unknown", from the
    bytes (the name only tells a CSV from other text, and an e-mail from a web archive)."""
    with open(path, "rb") as fh:
        head = fh.read(2048)
    if not head:
        return "empty"
    if _PDF_HEADER.search(head[:1024]):  # readers allow junk before the header, as here
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return _ole_format(path)  # OLE2: legacy Word or Excel, an encrypted OOXML package, Outlook
    if head.startswith(b"PK"):
        return _zip_kind(path)
    if _is_html(head):
        return "html"
    return magic_kind(head) or text_kind(head, path.suffix.lower()) or "unknown"


_HTML_OPENINGS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<table", b"<meta", b"<title")


def _is_html(head: bytes) -> bool:
    """A web page, past a byte-order mark, an XML declaration and comments (a browser's
    "saved from url" mark)."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    text = re.sub(rb"^(?:<\?xml[^>]*>\s*|<!--.*?-->\s*)+", b"", text, flags=re.S)
    return text.startswith(_HTML_OPENINGS) or (text.startswith(b"<!doctype") and b"xhtml" in text[:200])


def _ole_format(path: Path) -> str:
    """"xls" for an Excel 97-2003 workbook, "email" for a saved Outlook message, else
    "doc" (legacy Word, an encrypted package or another kind: its reader says which)."""
    try:
        kind = ole_kind(path)
    except IngestError:
        return "doc"
    if kind == "excel":
        return "xls"
    return "email" if kind == "other" and path.suffix.lower() == ".msg" else "doc"


_OPENDOCUMENT = ((b"spreadsheet", "ods"), (b"presentation", "odp"))


def _zip_kind(path: Path) -> str:
    """What a zip holds: an Open XML package says what its main part is (a workbook renamed
    .docx is still a workbook), OpenDocument names itself in its first member."""
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                with z.open("mimetype") as fh:
                    mimetype = fh.read(100)  # its opening only: a member can unpack to gigabytes
                if b"opendocument" in mimetype:
                    return next((kind for word, kind in _OPENDOCUMENT if word in mimetype), "odt")
            if "[Content_Types].xml" in names:
                return package_kind(read_package(z))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, zlib.error):
        return "broken_zip"
    return "zip"


def _read_pdf(path: Path, source: str, settings: IngestSettings) -> Document:
    try:
        doc = read_pdf(path, source, settings.pdf)
    except IngestError as exc:
        if exc.code is not ErrorCode.NO_TEXT:
            raise
        return read_scan(path, source, settings.ocr)  # every page a picture: all by OCR, or why not
    return _with_scanned_pages(doc, path, settings.ocr)


def _with_scanned_pages(doc: Document, path: Path, settings: OcrSettings) -> Document:
    """A paper some of whose pages are scans (a signed page, a scanned appendix): those
    pages by OCR, or a warning that they were not read. Only pages the reader found
    nothing on are looked at again."""
    seen = {b.page for b in doc.blocks if isinstance(b, Paragraph | Table)} | {p.page for p in doc.furniture}
    if not settings.enabled or not doc.pages or seen >= set(range(1, doc.pages + 1)):
        return doc
    scans = [n for n in pages_without_text(path) if n not in seen]
    if not scans:
        return doc
    if not ocr_available():
        doc.warnings.append(f"{len(scans)} scanned page{'s' if len(scans) > 1 else ''} without text not read: "
                            f"reading them needs the OCR extra ({OCR_INSTALL})")
        return doc
    return with_recognised(doc, path, scans, settings)


def _read_docx(path: Path, source: str, settings: IngestSettings) -> Document:
    if is_strict_ooxml(path):
        with converted_to_docx(path, ".docx", "Word Strict Open XML file", settings.soffice,
                               settings.convert_timeout_s) as plain:
            return read_docx(plain, source, settings.docx)
    return read_docx(path, source, settings.docx)


def _read_ole(path: Path, source: str, settings: IngestSettings) -> Document:
    kind = ole_kind(path)
    if kind == "excel":
        return read_xls(path, source)
    if kind != "doc":
        raise IngestError(kind, OLE_WHY[kind])
    with converted_to_docx(path, ".doc", "legacy Word .doc file", settings.soffice,
                           settings.convert_timeout_s) as plain:
        return read_docx(plain, source, settings.docx)


def _read_xlsx(path: Path, source: str, settings: IngestSettings) -> Document:
    return read_xlsx(path, source, settings.docx)


def _read_odt(path: Path, source: str, settings: IngestSettings) -> Document:
    return read_odt(path, source, settings.docx)


def _read_ods(path: Path, source: str, settings: IngestSettings) -> Document:
    return read_ods(path, source, settings.docx)


def _read_html(path: Path, source: str, settings: IngestSettings) -> Document:
    return read_html(path, source)


def _read_mhtml(path: Path, source: str, settings: IngestSettings) -> Document:
    return read_mhtml(path, source)


# The reader for a file is looked up by the format its bytes show, not its name.
READERS: dict[str, Reader] = {"pdf": _read_pdf, "docx": _read_docx, "doc": _read_ole, "xls": _read_ole,
                              "xlsx": _read_xlsx, "odt": _read_odt, "ods": _read_ods, "html": _read_html,
                              "mhtml": _read_mhtml}
# Formats read only under their own names: in a file named as a PDF or Word file they are
# a mislabelled download (a web server's error page saved as "plan.pdf"), and refused.
_OWN_NAMES_ONLY = frozenset({"xls", "xlsx", "odt", "ods", "html", "mhtml"})

_WHY = {
    "empty": "empty file (0 bytes)",
    "odt": "OpenDocument text, not a Word .docx: name it .odt to have it read",
    "xls": "an Excel spreadsheet, not a Word or PDF paper",
    "mhtml": "a web archive (.mhtml), not a PDF or Word file",
    "ods": "an OpenDocument spreadsheet, not a Word or PDF paper",
    "odp": "an OpenDocument presentation, not a Word or PDF paper",
    "html": "an HTML page, not a PDF or Word file",
    "zip": "a zip archive, not a Word .docx",
    "xlsx": "an Excel workbook, not a Word .docx",
    "pptx": "a PowerPoint presentation, not a Word .docx",
    "ooxml_other": "an Office file that is not a Word document",
    "broken_zip": "damaged zip file (a truncated Word .docx?)",
    "unknown": "not a PDF, Word, OpenDocument, Excel or web-page file",
}
UNKNOWN_ELSEWHERE = "not a paper in a format read here (PDF, Word, OpenDocument, Excel or a web page)"


def check_size(size: int, settings: IngestSettings) -> None:
    """Raises IngestError for a file larger than ``settings.max_file_mb`` bytes: refused
    from its size alone, before a byte of it is read (or hashed)."""
    if size > settings.max_file_mb << 20:
        raise IngestError("too_large", f"file too large ({size >> 20} MiB; limit {settings.max_file_mb} MiB)")


def read_document(path: Path, source: str, settings: IngestSettings | None = None) -> Document:
    """Stage 1's entry point: one file as the document model.

    Takes the file, its name as the outputs show it (relative to the input folder) and
    the ingest settings; returns the ``Document``. Raises ``IngestError`` (slug and
    one-line reason) for a file that cannot be read, ``OSError`` where the file itself
    cannot be opened."""
    settings = settings or IngestSettings()
    check_size(path.stat().st_size, settings)
    return read_sniffed(path, source, sniff_format(path), settings)


def read_sniffed(path: Path, source: str, kind: str, settings: IngestSettings) -> Document:
    """``read_document`` for a file whose size the caller has checked (``check_size``) and
    whose format it has sniffed (``sniff_format``): the batch does each once per file."""
    skipped = skip_reason(path.name, kind)
    if skipped:
        raise NotAPaper(f"skip_{kind}", skipped)
    reader = READERS.get(kind)
    if reader is None or (kind in _OWN_NAMES_ONLY and path.suffix.lower() in PDF_OR_WORD_SUFFIXES):
        raise IngestError(f"format_{kind}", _refusal(kind, path))
    try:
        return reader(path, source, settings)
    except (PdfminerException, PSException) as exc:  # raised lazily, as pages are parsed
        raise pdf_failure(exc) from exc
    except RecursionError as exc:  # a structure that nests too deep or refers back to itself
        if kind == "pdf":
            raise pdf_failure(exc) from exc
        raise IngestError("too_deep", f"damaged {_NAMES.get(kind, 'Word file')}: its structure nests too deep") \
            from exc
    except Exception as exc:
        if kind == "pdf" and raised_in(exc, ("pdfminer", "pdfplumber", "pypdfium2")):
            # A parser meeting a structure it does not expect, as a TypeError or the like.
            raise pdf_failure(exc) from exc
        if kind in _NAMES and isinstance(exc, _BAD_VALUE) and raised_in(exc, _OTHER_READERS):
            log.debug("damaged %s %s", _NAMES[kind], source, exc_info=True)
            raise IngestError(f"bad_{kind}", f"damaged {_NAMES[kind]}: unexpected content "
                                             f"({type(exc).__name__})") from exc
        if kind != "pdf" and isinstance(exc, _BAD_VALUE) and raised_in(exc, _WORD_READERS):
            # python-docx, or our own reading of its XML, meets a part with the wrong content.
            log.debug("damaged Word file %s", source, exc_info=True)
            raise word_failure(exc) from exc
        raise


def _refusal(kind: str, path: Path) -> str:
    """Why a file of this kind, so named, is not read."""
    if kind in ("unknown", "text", "csv", "email") or kind in IMAGES or kind in ARCHIVES - {"zip"}:
        return _WHY["unknown"] if path.suffix.lower() in PDF_OR_WORD_SUFFIXES | {""} else UNKNOWN_ELSEWHERE
    return _WHY.get(kind, f"unsupported format {kind}")


# Where an exception means the Word file's content, not a bug: python-docx, the XML and zip
# libraries, and our own reading of what python-docx hands over (body, numbering).
_WORD_READERS = ("docx", "lxml", "zipfile", "zlib", "actionplans.ingest.docx", "actionplans.ingest.numbering")
# The same for the other formats' readers, and what their messages call each format.
_OTHER_READERS = ("openpyxl", "xlrd", "lxml", "email", "zipfile", "zlib", "actionplans.ingest.xlsx",
                  "actionplans.ingest.xls", "actionplans.ingest.odf", "actionplans.ingest.ods",
                  "actionplans.ingest.sheets", "actionplans.ingest.html", "actionplans.ingest.numbering")
_NAMES = {"xlsx": "Excel workbook", "xls": "Excel 97-2003 workbook", "odt": "OpenDocument text",
          "ods": "OpenDocument spreadsheet", "html": "web page", "mhtml": "web archive (.mhtml)"}
_BAD_VALUE = (ValueError, TypeError, AttributeError, KeyError, IndexError, AssertionError, LookupError,
              zipfile.BadZipFile, zlib.error, EOFError)


__all__ = ["Document", "IngestError", "IngestSettings", "NotAPaper", "PdfSettings", "READERS", "check_size",
           "read_document", "read_sniffed", "sniff_format"]
