"""Stage 1: read a paper (PDF or Word) into the shared document model."""
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
from actionplans.ingest.errors import IngestError, raised_in
from actionplans.ingest.legacy import converted_to_docx
from actionplans.ingest.model import Document
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


@dataclass(frozen=True)
class IngestSettings:
    pdf: PdfSettings = field(default_factory=PdfSettings)  # layout, ruled and unruled tables, the fast pass
    docx: DocxLimits = field(default_factory=DocxLimits)
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
    """"pdf", "docx", "doc", "odt", "ods", "odp", "xlsx", "pptx", "ooxml_other", "html",
    "zip", "broken_zip", "empty" or "unknown", from the bytes."""
    with open(path, "rb") as fh:
        head = fh.read(2048)
    if not head:
        return "empty"
    if _PDF_HEADER.search(head[:1024]):  # readers allow junk before the header, as here
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"  # OLE2: legacy Word, or an encrypted OOXML package
    if head.startswith(b"PK"):
        return _zip_kind(path)
    lowered = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "unknown"


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
    return read_pdf(path, source, settings.pdf)


def _read_docx(path: Path, source: str, settings: IngestSettings) -> Document:
    if is_strict_ooxml(path):
        with converted_to_docx(path, ".docx", "Word Strict Open XML file", settings.soffice,
                               settings.convert_timeout_s) as plain:
            return read_docx(plain, source, settings.docx)
    return read_docx(path, source, settings.docx)


def _read_ole(path: Path, source: str, settings: IngestSettings) -> Document:
    kind = ole_kind(path)
    if kind != "doc":
        raise IngestError(kind, OLE_WHY[kind])
    with converted_to_docx(path, ".doc", "legacy Word .doc file", settings.soffice,
                           settings.convert_timeout_s) as plain:
        return read_docx(plain, source, settings.docx)


# The reader for a file is looked up by the format its bytes show, not its name.
READERS: dict[str, Reader] = {"pdf": _read_pdf, "docx": _read_docx, "doc": _read_ole}

_WHY = {
    "empty": "empty file (0 bytes)",
    "odt": "OpenDocument text is not supported: save it as .docx or PDF",
    "ods": "an OpenDocument spreadsheet, not a Word or PDF paper",
    "odp": "an OpenDocument presentation, not a Word or PDF paper",
    "html": "an HTML page, not a PDF or Word file",
    "zip": "a zip archive, not a Word .docx",
    "xlsx": "an Excel workbook, not a Word .docx",
    "pptx": "a PowerPoint presentation, not a Word .docx",
    "ooxml_other": "an Office file that is not a Word document",
    "broken_zip": "damaged zip file (a truncated Word .docx?)",
    "unknown": "not a PDF or Word file",
}


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
    kind = sniff_format(path)
    reader = READERS.get(kind)
    if reader is None:
        raise IngestError(f"format_{kind}", _WHY.get(kind, f"unsupported format {kind}"))
    try:
        return reader(path, source, settings)
    except (PdfminerException, PSException) as exc:  # raised lazily, as pages are parsed
        raise pdf_failure(exc) from exc
    except RecursionError as exc:  # a structure that nests too deep or refers back to itself
        if kind == "pdf":
            raise pdf_failure(exc) from exc
        raise IngestError("too_deep", "damaged Word file: its structure nests too deep") from exc
    except Exception as exc:
        if kind == "pdf" and raised_in(exc, ("pdfminer", "pdfplumber", "pypdfium2")):
            # A parser meeting a structure it does not expect, as a TypeError or the like.
            raise pdf_failure(exc) from exc
        if kind != "pdf" and isinstance(exc, _BAD_VALUE) and raised_in(exc, _WORD_READERS):
            # python-docx, or our own reading of its XML, meets a part with the wrong content.
            log.debug("damaged Word file %s", source, exc_info=True)
            raise word_failure(exc) from exc
        raise


# Where an exception means the Word file's content, not a bug: python-docx, the XML and zip
# libraries, and our own reading of what python-docx hands over (body, numbering).
_WORD_READERS = ("docx", "lxml", "zipfile", "zlib", "actionplans.ingest.docx", "actionplans.ingest.numbering")
_BAD_VALUE = (ValueError, TypeError, AttributeError, KeyError, IndexError, AssertionError, LookupError,
              zipfile.BadZipFile, zlib.error, EOFError)


__all__ = ["Document", "IngestError", "IngestSettings", "PdfSettings", "READERS", "check_size", "read_document",
           "sniff_format"]
