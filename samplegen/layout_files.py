"""The files of the layouts' test papers (``samplegen.layouts``): one writer for each
kind of builder a :class:`~samplegen.layouts.Layout` names, from python-docx (and
LibreOffice for a PDF) to reportlab and the scan's image."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import pdf_writer as pw
from .building import soffice, to_pdf
from .layout_writer import Grid, layout_to_docx, plan_blocks
from .pack_writer import write_pack
from .scan_writer import write_scan

if TYPE_CHECKING:  # the papers import these writers, so their type is named for the checker only
    from .layouts import Layout


def docx_files(layout: Layout, outdir: Path) -> list[Path]:
    """The Word file, and the PDF LibreOffice prints from it, as the paper's formats ask."""
    assert layout.look is not None
    paper = layout.paper
    docx = outdir / f"{paper.stem}.docx"
    layout_to_docx(paper, layout.look, docx)
    written = []
    if "pdf" in paper.formats:
        written.append(to_pdf(soffice(), docx, outdir))
    if "docx" in paper.formats:
        written.append(docx)
    else:
        docx.unlink()
    return written


def unruled_pdf(layout: Layout, outdir: Path) -> list[Path]:
    """A plan printed from a report-writing system: landscape, no rules, running header
    and "Page n of N" footer; the heading and the body's first paragraph above the table,
    the rest of the body below it."""
    assert layout.look is not None and layout.paper.plan is not None
    paper, plan = layout.paper, layout.paper.plan
    template = pw.Template(
        landscape=True, margins=(1.5 * pw.CM, 1.5 * pw.CM, 2.3 * pw.CM, 1.9 * pw.CM),
        header_left=paper.council, header_right=plan.title,
        footer_left=paper.heading[1], footer_right="Page {page} of {pages}")
    grids = [b for b in plan_blocks(plan, layout.look) if isinstance(b, Grid)]
    items: list[pw.Flow] = [
        pw.Text(paper.heading[2], size=11, bold=True, align="right", after=4),
        pw.Text(plan.title, size=14, bold=True, color="1F3864", after=8),
        pw.Text(paper.body[0], size=9.5, after=10),
        *(pw.Table(g, ruled=False, pad=4) for g in grids),
        *(pw.Text(b, size=9.5, before=6) for b in paper.body[1:]),
    ]
    path = outdir / f"{paper.stem}.pdf"
    pw.write_pdf(path, items, template, title=plan.title, author=paper.council)
    return [path]


def pack_pdf(layout: Layout, outdir: Path) -> list[Path]:
    assert layout.look is not None
    path = outdir / f"{layout.paper.stem}.pdf"
    write_pack(layout.paper, layout.look, path)
    return [path]


def scan_pdf(layout: Layout, outdir: Path) -> list[Path]:
    path = outdir / f"{layout.paper.stem}.pdf"
    write_scan(path)
    return [path]


BUILDERS: dict[str, Callable[[Layout, Path], list[Path]]] = {
    "docx": docx_files,
    "unruled_pdf": unruled_pdf,
    "pack_pdf": pack_pdf,
    "scan_pdf": scan_pdf,
}
