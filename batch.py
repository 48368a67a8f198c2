"""Running the per-file stages (ingest, extract) over a batch of files.

Each file's outcome is data (``PaperResult``): a file that cannot be read becomes a
result with a reason, and the batch goes on.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from extract import ExtractSettings, document_to_extraction
from extract.records import PaperResult
from ingest import IngestError, read_document, sniff_format

log = logging.getLogger("actionplans")


def iter_inputs(paths: list[Path]) -> list[tuple[Path, str]]:
    """Every file under ``paths`` (hidden files skipped), with its name relative to the
    folder it was found in, in a stable order."""
    found: list[tuple[Path, str]] = []
    for root in paths:
        if root.is_file():
            found.append((root, root.name))
            continue
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root)
            if any(part.startswith(".") for part in rel.parts) or not path.is_file():
                continue
            found.append((path, rel.as_posix()))
    return found


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def process_file(path: Path, source: str, settings: ExtractSettings | None = None) -> PaperResult:
    """Ingest and extract one file. Never raises for a bad file: the reason is data."""
    try:
        result = PaperResult(source_file=source, sha256=sha256(path), format=sniff_format(path))
    except OSError as exc:
        return PaperResult(source_file=source, sha256="", format="", error=f"cannot read file ({exc.strerror})")
    try:
        doc = read_document(path, source)
        result.pages = doc.pages
        result.extraction = document_to_extraction(doc, settings)
    except IngestError as exc:
        result.error = exc.message
    except Exception as exc:  # a reader bug must cost one file, not the batch
        log.debug("failed on %s", source, exc_info=True)
        detail = str(exc).splitlines()[0][:160] if str(exc) else ""
        result.error = f"could not read ({type(exc).__name__}: {detail})"
    return result


def run_batch(inputs: list[tuple[Path, str]], settings: ExtractSettings | None = None) -> list[PaperResult]:
    return [process_file(path, source, settings) for path, source in inputs]
