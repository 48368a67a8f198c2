"""What a file is from its first bytes and its name, beyond the papers' own formats:
the files an analyst's folder also holds (notes, data, pictures, archives, e-mail),
which are left unread as plainly not papers, and the name a paper's format goes by.

A file is skipped only where its content and its name agree that it is no paper: a
"plan.pdf" that holds text still claims to be a paper, and stays an error.
"""
from __future__ import annotations

import re
from pathlib import PurePath

from actionplans.ingest.errors import IngestError


class NotAPaper(IngestError):
    """A file that is plainly not a paper (status ``skipped``): the slug names its kind."""


# Names that claim a paper: a file so named is read, or fails with its reason.
PAPER_SUFFIXES = frozenset({
    ".pdf", ".doc", ".docx", ".docm", ".dot", ".dotx", ".dotm", ".odt", ".ott", ".ods", ".ots", ".fodt", ".rtf",
    ".xls", ".xlsx", ".xlsm", ".xltx", ".xltm", ".htm", ".html", ".xhtml", ".mht", ".mhtml",
})
# Names that claim a PDF or Word file: other formats' content in them is refused, as
# before these formats were read (a workbook or web page named .docx or .pdf is a
# mislabelled download far more often than a paper).
PDF_OR_WORD_SUFFIXES = frozenset({".pdf", ".doc", ".docx", ".docm", ".dot", ".dotx", ".dotm"})

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"GIF87a", "gif"), (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"), (b"BM", "bmp"), (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"), (b"Rar!\x1a\x07", "rar"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"),
)
IMAGES = frozenset({"png", "jpeg", "gif", "tiff", "bmp", "webp", "heic"})
ARCHIVES = frozenset({"zip", "gzip", "7z", "rar", "bzip2", "xz", "tar"})
# RFC 822 header lines: a saved e-mail (.eml), or a single-file web page (.mhtml).
_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]")
_MAIL_HEADERS = (b"received:", b"from:", b"to:", b"subject:", b"message-id:", b"return-path:", b"delivered-to:",
                 b"mime-version:", b"date:", b"x-", b"snapshot-content-location:", b"content-type:")


def magic_kind(head: bytes) -> str:
    """A picture's or an archive's format from its signature, or ""."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return "bmp" if kind == "bmp" and len(head) < 26 else kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1"):
        return "heic"
    if head[257:262] == b"ustar":
        return "tar"
    return ""


def text_kind(head: bytes, suffix: str) -> str:
    """"mhtml", "email", "csv" or "text" where the opening reads as text, else ""."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"  # UTF-16, as Notepad saves
    body = head.removeprefix(b"\xef\xbb\xbf")
    if b"\x00" in body or not _reads_as_text(body):
        return ""
    lines = body.splitlines()[:12]
    headers = [ln.lower() for ln in lines if _HEADER.match(ln)]
    if len(headers) >= 2 and any(h.startswith(_MAIL_HEADERS) for h in headers):
        related = b"multipart/related" in body.lower() and suffix not in (".eml", ".msg")
        return "mhtml" if related else "email"
    if suffix in (".csv", ".tsv"):
        return "csv"
    return "text"


def _reads_as_text(data: bytes) -> bool:
    """UTF-8 (a character cut at the end of the opening allowed), or a single-byte
    encoding's text: printable, with few control characters."""
    if not data:
        return False
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return True
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in data)
    return controls <= len(data) // 100


_WHY_SKIPPED = {
    "text": "a text file, not a paper",
    "csv": "a CSV data file, not a paper",
    "email": "an e-mail message: save its attachments to have them read",
    "image": "a picture ({kind}), not a paper: save a scanned page as PDF to have it read",
    "archive": "a {kind} archive: unpack it to have the papers in it read",
}


def skip_reason(name: str, kind: str) -> str:
    """Why the file is plainly not a paper (its content of a kind no paper is, and its
    name not claiming one), or "" where it is to be read or fail as a paper."""
    if PurePath(name).suffix.lower() in PAPER_SUFFIXES:
        return ""
    if kind in IMAGES:
        return _WHY_SKIPPED["image"].format(kind=kind.upper())
    if kind in ARCHIVES:
        return _WHY_SKIPPED["archive"].format(kind=kind)
    return _WHY_SKIPPED.get(kind, "")
