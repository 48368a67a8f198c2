"""Stage 1: read a paper (PDF or Word) into the shared document model."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ingest.docx import read_docx
from ingest.errors import IngestError
from ingest.model import Document
from ingest.pdf import read_pdf

Reader = Callable[[Path, str], Document]

# The reader for a file is looked up by the format its bytes show, not its name.
READERS: dict[str, Reader] = {"pdf": read_pdf, "docx": read_docx}


def sniff_format(path: Path) -> str:
    """"pdf", "docx", "doc", "odt", "html", "zip", "empty" or "unknown", from the bytes."""
    with open(path, "rb") as fh:
        head = fh.read(2048)
    if not head:
        return "empty"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"  # OLE2: legacy Word, or an encrypted OOXML package
    if head.startswith(b"PK"):
        return _zip_kind(path)
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "unknown"


def _zip_kind(path: Path) -> str:
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            if "mimetype" in names and b"opendocument" in z.read("mimetype")[:100]:
                return "odt"
            if "[Content_Types].xml" in names:
                return "docx"
    except zipfile.BadZipFile:
        return "unknown"
    return "zip"


_WHY = {
    "empty": "empty file (0 bytes)",
    "doc": "legacy Word .doc or password-protected Word file: save it as .docx",
    "odt": "OpenDocument text is not supported: save it as .docx or PDF",
    "html": "an HTML page, not a PDF or Word file",
    "zip": "a zip archive, not a Word .docx",
    "unknown": "not a PDF or Word file",
}


def read_document(path: Path, source: str) -> Document:
    """Read one paper; raises IngestError with a one-line reason when it cannot."""
    kind = sniff_format(path)
    reader = READERS.get(kind)
    if reader is None:
        raise IngestError(f"format_{kind}", _WHY.get(kind, f"unsupported format {kind}"))
    return reader(path, source)


__all__ = ["Document", "IngestError", "READERS", "read_document", "sniff_format"]
