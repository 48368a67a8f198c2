"""Evidence beside every row (--evidence): a PDF row's region of its page as a small PNG,
rendered by PDFium from the paper (at the path the run found it, ``Tables.paths``),
and a Word, OpenDocument, spreadsheet or web row's cells as printed, as a text file.
The region and the cells come with the row (extract read them); nothing here reads the
document model. Written to evidence/<paper>/<n>.png or .txt in the output folder."""
from __future__ import annotations

import io
import logging
import re
from collections.abc import Mapping
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from actionplans.normalise.rows import ActionRow
from actionplans.output.owned import EVIDENCE_FOLDER
from actionplans.output.settings import OutputSettings

log = logging.getLogger(__name__)

# A crop keeps this many colours (its fills and ink, anti-aliased): a third the bytes of
# full colour, and statuses shown as fills keep their colour.
COLOURS = 48
MAX_HEIGHT = 1600  # pixels: a row taller than this (most of a page) is cut at the foot


def evidence_files(actions: list[ActionRow], paths: Mapping[str, Path],
                   settings: OutputSettings) -> tuple[dict[str, bytes], list[str]]:
    """({name under the output folder: bytes}, each row's evidence name or ""); ``paths``
    says where the run found each paper (``Tables.paths``)."""
    files: dict[str, bytes] = {}
    names: list[str] = []
    numbers: dict[str, int] = {}
    documents: dict[str, pdfium.PdfDocument | None] = {}
    try:
        for row in actions:
            n = numbers[row.source_file] = numbers.get(row.source_file, 0) + 1
            stem = f"{EVIDENCE_FOLDER}/{folder_name(row.source_file)}/{n}"
            data = _crop(row, documents, paths, settings)
            name, data = (f"{stem}.png", data) if data else (f"{stem}.txt", cells_text(row))
            if data:
                files[name] = data
            names.append(name if data else "")
    finally:
        for document in documents.values():
            if document is not None:
                document.close()
    return files, names


def remove_stale(out: Path, written: list[str]) -> None:
    """Evidence a run before this one left in ``out``'s evidence folder (papers since gone
    or re-read) is removed, so every file there is this run's."""
    folder, kept = out / EVIDENCE_FOLDER, {out / name for name in written}
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*"), reverse=True):  # files before their folders
        if path.is_file() and path.suffix in (".png", ".txt") and path not in kept:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def folder_name(source_file: str) -> str:
    """A paper's evidence folder: its name, its folders joined by "__", safe on any disk."""
    return re.sub(r"[^\w.-]+", "_", source_file.replace("/", "__")).strip("._") or "paper"


def cells_text(row: ActionRow) -> bytes:
    """The row's cells as printed, each under its header, after where the row comes from."""
    if not row.cells:
        return b""
    where = f"{row.source_file}" + (f", sheet {row.extras['sheet']}" if row.extras.get("sheet") else "")
    lines = [f"{where}: action {row.action_number or '(no number)'}", ""]
    lines += [f"{header}:\n{text}\n" for header, text in row.cells]
    return ("\n".join(lines).rstrip() + "\n").encode("utf-8")


def _crop(row: ActionRow, documents: dict[str, pdfium.PdfDocument | None], paths: Mapping[str, Path],
          settings: OutputSettings) -> bytes:
    if row.region is None or not row.page:
        return b""
    if row.source_file not in documents:
        documents[row.source_file] = _open(row.source_file, paths.get(row.source_file))
    document = documents[row.source_file]
    if document is None or row.page > len(document):
        return b""
    try:
        return crop_png(document[row.page - 1], row.region, settings)
    except pdfium.PdfiumError as exc:  # a page PDFium cannot draw: the row keeps no picture
        log.warning("%s: page %s: no evidence picture (%s)", row.source_file, row.page, exc)
        return b""


def _open(source_file: str, path: Path | None) -> pdfium.PdfDocument | None:
    if path is None:
        return None
    try:
        return pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        log.warning("%s: no evidence pictures (%s)", source_file, exc)
        return None


def crop_png(page: pdfium.PdfPage, region: tuple[float, float, float, float], settings: OutputSettings) -> bytes:
    """A PNG of ``region`` of the page (points, origin top-left), with a margin at its sides and foot."""
    width, height = page.get_size()
    m = settings.crop_margin
    x0, top, x1, bottom = region
    # No margin above: there the row before ends (its fill would show); below, descenders.
    crop = (max(0.0, x0 - m), max(0.0, height - bottom - m), max(0.0, width - x1 - m), max(0.0, top))
    if crop[0] + crop[2] >= width or crop[1] + crop[3] >= height:
        return b""
    image = page.render(scale=settings.crop_dpi / 72, crop=crop).to_pil()
    if image.height > MAX_HEIGHT:
        image = image.crop((0, 0, image.width, MAX_HEIGHT))
    buffer = io.BytesIO()
    image.convert("RGB").quantize(COLOURS, method=Image.Quantize.MEDIANCUT).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
