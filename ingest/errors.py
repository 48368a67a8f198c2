"""Why a file could not be read: its kind (``ErrorCode``, stable for machines and written to
documents.csv as ``error_code``), a finer slug, and a one-line message for people."""
from __future__ import annotations

from enum import StrEnum


class ErrorCode(StrEnum):
    """What kind of failure kept a file unread: what a user can act on, one value each."""

    NOT_A_PAPER = "not_a_paper"  # another format than its name says, or none read here
    DAMAGED = "damaged"  # truncated or broken inside
    ENCRYPTED = "encrypted"  # needs a password
    NO_TEXT = "no_text"  # a scan, and no OCR to read it
    NEEDS_LIBREOFFICE = "needs_libreoffice"  # a legacy .doc, and no LibreOffice to convert it
    CONVERT_FAILED = "convert_failed"  # LibreOffice failed or timed out on it
    TOO_LARGE = "too_large"  # over a size, depth or expansion limit (a bomb, a huge part)
    UNSUPPORTED = "unsupported"  # a feature of the format no reader here has
    MEMORY = "memory"  # over the reader's memory cap
    TIMEOUT = "timeout"  # over its time limit
    CRASHED = "crashed"  # the reader died, or a reader bug
    UNREADABLE = "unreadable"  # the operating system would not give its bytes (gone, no permission)
    CHANGED = "changed"  # changed while being read
    NOT_RUN = "not_run"  # the run (or its cluster) ended before the file was read


# Each slug's kind, by its first word where a family shares one ("bad_xlsx", "format_zip").
_KINDS = {
    "bad": ErrorCode.DAMAGED, "broken": ErrorCode.DAMAGED, "no_pages": ErrorCode.DAMAGED,
    "not_docx": ErrorCode.NOT_A_PAPER, "not_odt": ErrorCode.NOT_A_PAPER, "not_ods": ErrorCode.NOT_A_PAPER,
    "format": ErrorCode.NOT_A_PAPER, "encrypted": ErrorCode.ENCRYPTED, "no_text": ErrorCode.NO_TEXT,
    "needs_ocr": ErrorCode.NO_TEXT, "needs_libreoffice": ErrorCode.NEEDS_LIBREOFFICE,
    "convert_failed": ErrorCode.CONVERT_FAILED, "convert_timeout": ErrorCode.CONVERT_FAILED,
    "too_large": ErrorCode.TOO_LARGE, "huge_xml": ErrorCode.TOO_LARGE, "zip_bomb": ErrorCode.TOO_LARGE,
    "too_deep": ErrorCode.TOO_LARGE, "xml_entities": ErrorCode.TOO_LARGE, "pdf_feature": ErrorCode.UNSUPPORTED,
    "memory": ErrorCode.MEMORY, "broken_zip": ErrorCode.DAMAGED, "empty": ErrorCode.DAMAGED,
}


def code_of(slug: str) -> ErrorCode:
    """The kind of a reader's slug: the slug itself where it names one, else its family's
    ("bad_xlsx" damaged, "format_zip" not a paper, "encrypted_ooxml" encrypted); a slug of
    no known family is another format's refusal."""
    for name in (slug, slug.removeprefix("format_")):
        if name in _KINDS:
            return _KINDS[name]
    return _KINDS.get(slug.split("_")[0], ErrorCode.NOT_A_PAPER)


class IngestError(Exception):
    """A file that cannot be read: ``code`` its kind, ``slug`` the reader's finer word for
    it, the message for people."""

    def __init__(self, slug: str, message: str) -> None:
        super().__init__(message)
        self.slug = slug
        self.code = code_of(slug)
        self.message = message


def one_line(text: str, limit: int = 120) -> str:
    """A library's exception text as a message's detail: its first line, at most ``limit``
    characters, cut between words with an ellipsis rather than inside one."""
    line = " ".join(next((s for s in text.splitlines() if s.strip()), "").split())
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[:cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def raised_in(exc: BaseException, packages: tuple[str, ...]) -> str | None:
    """The module of the innermost Python frame of the exception's traceback where its
    top-level package is one of ``packages`` (a parser meeting bad data, not a bug of
    ours), else None. A builtin such as int() has no frame: its caller's counts."""
    tb = exc.__traceback__
    if tb is None:
        return None
    while tb.tb_next is not None:
        tb = tb.tb_next
    module = str(tb.tb_frame.f_globals.get("__name__", ""))
    return module if module.split(".")[0] in packages or module in packages else None
