"""The sample papers of ``samples/``: the seed plans and the papers around them, each
written with python-docx and, where published as PDF, printed by LibreOffice (the Word
file is removed again when the paper is published as PDF only)."""
from __future__ import annotations

from pathlib import Path

from . import narrative, seed001, seed004
from .building import soffice, to_pdf
from .docx_writer import paper_to_docx
from .spec import Paper

PAPERS: tuple[Paper, ...] = (*narrative.PAPERS, seed001.PAPER, seed004.PAPER)


def build(outdir: Path) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    exe = soffice() if any("pdf" in p.formats for p in PAPERS) else ""
    written: list[Path] = []
    for paper in PAPERS:
        docx = outdir / f"{paper.stem}.docx"
        paper_to_docx(paper, docx)
        if "pdf" in paper.formats:
            written.append(to_pdf(exe, docx, outdir))
        if "docx" in paper.formats:
            written.append(docx)
        else:
            docx.unlink()
    return written
