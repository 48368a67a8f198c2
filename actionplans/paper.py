"""Reading one paper, as its reader process runs it: refused unread where too large or not
a file, hashed, served from the cache or read (ingest, then extract), and hashed again so a
result is only kept under the bytes it was read from. A bad file is a result, never an
exception."""
from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from actionplans.cache import ResultCache
from actionplans.extract import ExtractSettings, document_to_extraction
from actionplans.extract.records import PaperResult
from actionplans.ingest import IngestError, IngestSettings, NotAPaper, check_size, read_sniffed, sniff_format
from actionplans.ingest.errors import ErrorCode, one_line

log = logging.getLogger("actionplans")

def sha256(path: Path) -> str:
    """The file's SHA-256, read a MiB at a time: called in the file's child, within its limits."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def unreadable_reason(path: Path, exc: OSError) -> str:
    """Why the file itself (not its content) cannot be read, in words."""
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link (its target is missing)" if path.is_symlink() else \
            "file vanished before it could be read"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return f"cannot read file ({exc.strerror or type(exc).__name__})"


def look_at(path: Path, ingest: IngestSettings) -> tuple[int, PaperResult | None]:
    """The file's size, and where it is refused unread, the result saying why (its
    ``source_file`` left for the caller): one stat, no byte read, so a file too large for
    the limit is never hashed nor opened."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return 0, failure("", "not a regular file", ErrorCode.UNREADABLE)
        check_size(info.st_size, ingest)
    except OSError as exc:
        return 0, _unreadable("", path, exc)
    except IngestError as exc:
        return info.st_size, failure("", exc.message, exc.code)
    return info.st_size, None


def failure(source: str, reason: str, code: ErrorCode, sha256: str = "") -> PaperResult:
    """A paper that could not be read: why, in words, and of what kind."""
    return PaperResult(source_file=source, sha256=sha256, format="", error=reason, error_code=code)


def _unreadable(source: str, path: Path, exc: OSError) -> PaperResult:
    return failure(source, unreadable_reason(path, exc), ErrorCode.UNREADABLE)


@dataclass(frozen=True)
class Read:
    result: PaperResult
    cached: bool = False
    cacheable: bool = True  # False where the result is not the file's alone (changed, unhashed)


def read_input(path: Path, source: str, extract: ExtractSettings, ingest: IngestSettings,
               cache: ResultCache | None = None, on_hash: Callable[[str], None] | None = None) -> Read:
    """One file from start to end, as its reader runs it (so within its limits), once the
    run has looked at it (``look_at``: its size is within the limit): bytes hashed
    (``on_hash`` hears the hash at once), result from the cache or read, and the hash
    taken again after reading, so that a result is only ever kept under the bytes it was
    read from."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # swapped for a pipe since: never opened
            return Read(failure(source, "not a regular file", ErrorCode.UNREADABLE), cacheable=False)
    except OSError as exc:
        return Read(_unreadable(source, path, exc), cacheable=False)
    try:
        digest = sha256(path)
    except OSError as exc:
        return Read(_unreadable(source, path, exc), cacheable=False)
    if on_hash is not None:
        on_hash(digest)
    hit = cache.get(digest, source) if cache is not None else None
    if hit is not None:
        return Read(hit, cached=True, cacheable=False)
    result = read_paper(path, PaperResult(source_file=source, sha256=digest, format=""), extract, ingest)
    try:
        unchanged = sha256(path) == digest
    except OSError:
        unchanged = False
    if not unchanged:
        changed = PaperResult(source_file=source, sha256=digest, format=result.format, error="changed while being read",
                              error_code=ErrorCode.CHANGED)
        return Read(changed, cacheable=False)
    return Read(result)


def read_paper(path: Path, result: PaperResult, extract: ExtractSettings, ingest: IngestSettings) -> PaperResult:
    """Ingest and extract one hashed file into ``result``. Never raises for a bad file."""
    try:
        result.format = sniff_format(path)  # once: the reader is chosen by it
        doc = read_sniffed(path, result.source_file, result.format, ingest)
        result.pages = doc.pages
        result.extraction = document_to_extraction(doc, extract)
    except NotAPaper as exc:  # a CSV, a picture, an archive: listed as skipped, no failure
        result.skipped = exc.message
    except IngestError as exc:
        if exc.code is ErrorCode.MEMORY:
            raise MemoryError from exc  # the cap's doing, not the file's: the caller says so
        result.error, result.error_code = without_paths(exc.message, path, result.source_file), exc.code
    except OSError as exc:
        result.error, result.error_code = unreadable_reason(path, exc), ErrorCode.UNREADABLE
    except MemoryError:
        raise  # the caller knows the cap
    except Exception as exc:  # a reader bug must cost one file, not the batch
        log.debug("failed on %s", result.source_file, exc_info=True)
        detail = one_line(without_paths(str(exc), path, result.source_file), 160)
        result.error = f"could not read ({type(exc).__name__}{': ' + detail if detail else ''})"
        result.error_code = ErrorCode.CRASHED
    return result


def without_paths(message: str, path: Path, source: str) -> str:
    """The message with the file's absolute path put as its name in the run, and any other
    path under the temporary, home or working folder cut to its last part: messages are
    shared, and a path tells of the machine, not of the paper."""
    forms = {os.path.abspath(path), _resolved(path)}
    for form in sorted(forms, key=len, reverse=True):
        message = message.replace(form, source) if len(form) > 1 else message
    for folder in (tempfile.gettempdir(), str(Path.home()), os.getcwd()):
        folder = folder.rstrip(os.sep)
        if len(folder) > 1:
            message = re.sub(re.escape(folder) + r"[^\s'\",;()]*", lambda m: os.path.basename(m.group()), message)
    return message


def _resolved(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a link loop
        return ""

