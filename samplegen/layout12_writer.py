"""Writers of the issue-12 papers (``samplegen.layouts12`` holds the papers): reportlab
for the drawn PDFs, python-docx (and LibreOffice for their PDFs) for the Word ones."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from docx import Document as open_docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from . import docx_writer as dw
from .family_writer import drawn_pdf
from .layout_writer import layout_to_docx
from .layouts import Layout
from .layouts12 import LAYOUTS12, Layout12


def _build_drawn(layout: Layout, outdir: Path) -> list[Path]:
    assert isinstance(layout, Layout12) and layout.look is not None
    path = outdir / f"{layout.paper.stem}.pdf"
    return [drawn_pdf(layout.paper, layout.look, layout.drawing, path)]


def word_file(layout: Layout, outdir: Path) -> Path:
    """The paper's Word file alone (its PDF needs LibreOffice)."""
    assert layout.look is not None
    docx = outdir / f"{layout.paper.stem}.docx"
    layout_to_docx(layout.paper, layout.look, docx)
    _table_settings(docx, borders=layout.builder != "borderless_docx")
    return docx


def _build_docx(layout: Layout, outdir: Path) -> list[Path]:
    from .building import soffice, to_pdf

    docx = word_file(layout, outdir)
    return [docx, to_pdf(soffice(), docx, outdir)] if "pdf" in layout.paper.formats else [docx]


def _table_settings(path: Path, *, borders: bool) -> None:
    """Rows kept whole at a page break (Word's "Allow row to break across pages" off), so
    the break falls between a recommendation's action rows; without ``borders``, every
    table's borders removed, as a council removes them to print a plan, and its cells
    given room (3pt above and below, 7pt either side) so white space tells them apart."""
    doc = open_docx(str(path))
    for table in doc.tables:
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if not borders:
            _borderless(table)
    doc.save(str(path))
    dw.fix_zip_times(path)


def _borderless(table) -> None:  # type: ignore[no-untyped-def]
    tblpr = table._tbl.tblPr
    found = tblpr.find(qn("w:tblBorders"))
    assert found is not None
    for side in found:
        side.set(qn("w:val"), "nil")
    table.style = None
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 60), ("left", 140), ("bottom", 60), ("right", 140)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    found.addnext(margins)


BUILDERS12: dict[str, Callable[[Layout, Path], list[Path]]] = {
    "drawn_pdf": _build_drawn,
    "docx": _build_docx,
    "borderless_docx": _build_docx,
}


def build_layouts12(outdir: Path, only: tuple[str, ...] = ()) -> list[Path]:
    from samplegen.building import build_all

    return build_all(LAYOUTS12, BUILDERS12, outdir, only)  # type: ignore[arg-type]
