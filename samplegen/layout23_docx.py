"""The issue-23 papers as Word writes them: one table whose header row repeats on each
page (``w:tblHeader``), shaded as the sheet's band, groups as full-width banner rows
(merged cells), rows that may break across a page (no ``w:cantSplit``) where the sheet
splits them, and cells of several paragraphs or a real Word bulleted list."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Mm, Pt, RGBColor

from . import docx_writer as dw
from .layout23_cells import Content, Para, banner_text, header_texts, row_cells
from .layouts23 import BANNER_FILL, Layout23, Sheet
from .spec import Plan, Recommendation

FONT = "Arial"


def _bullets(doc: Any) -> int:
    """A "•" bulleted list in the document's numbering part; its numId."""
    numbering = doc.part.numbering_part.element
    used = [int(x) for x in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    abstract_id = max(used, default=-1) + 1
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="284" w:hanging="284"/></w:pPr></w:lvl></w:abstractNum>'))
    return int(numbering.add_num(abstract_id).numId)


def _row_property(row: Any, tag: str) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement(tag))


def _border_below(cell: Any) -> None:
    """A rule under a header cell, as an unruled table prints under its header."""
    borders = parse_xml(f'<w:tcBorders {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="0" '
                        'w:color="000000"/></w:tcBorders>')
    cell._tc.get_or_add_tcPr().insert(0, borders)


def _write(cell: Any, content: Content, sheet: Sheet, bullets: int, *, bold: bool = False,
           colour: str = "") -> None:
    """The cell's paragraphs: its own empty one first, then one for each further one."""
    for i, para in enumerate(content or (Para(""),)):
        par = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        par.paragraph_format.space_after = Pt(4)
        if para.bullet:
            num_pr = par._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = bullets
        if para.text:
            run = par.add_run(para.text)  # "\n" becomes Word's line break
            run.font.size, run.font.bold = Pt(sheet.size), bold or None
            if colour:
                run.font.color.rgb = RGBColor.from_string(colour)


def _header(table: Any, plan: Plan, sheet: Sheet, bullets: int) -> None:
    row = table.rows[0]
    if sheet.repeat:
        _row_property(row, "w:tblHeader")
    for cell, text in zip(row.cells, header_texts(plan, sheet), strict=True):
        _write(cell, (Para(text),), sheet, bullets, bold=True, colour="FFFFFF" if sheet.band else "")
        if sheet.band:
            dw.shade(cell, sheet.band)
        elif not sheet.rules:
            _border_below(cell)


def _banner(table: Any, rec: Recommendation, sheet: Sheet, bullets: int) -> None:
    row = table.add_row()
    cell = row.cells[0].merge(row.cells[-1])
    _write(cell, (Para(banner_text(rec, sheet)),), sheet, bullets, bold=True)
    if sheet.banners == "shaded":
        dw.shade(cell, BANNER_FILL)


def _group(table: Any, rec: Recommendation, sheet: Sheet, bullets: int) -> None:
    """The group's rows; its recommendation cell merged down them where the sheet does so."""
    first = len(table.rows)
    for i, plan_row in enumerate(rec.rows):
        row = table.add_row()
        if not sheet.split_rows:
            _row_property(row, "w:cantSplit")
        for cell, content in zip(row.cells, row_cells(plan_row, rec, i == 0, sheet), strict=True):
            _write(cell, content, sheet, bullets)
    if sheet.rules == "grid" and "recommendation" in sheet.columns and len(rec.rows) > 1:
        col = sheet.columns.index("recommendation")
        table.cell(first, col).merge(table.cell(len(table.rows) - 1, col))


def _table(doc: Any, plan: Plan, sheet: Sheet) -> None:
    bullets = _bullets(doc)
    table = doc.add_table(rows=1, cols=len(sheet.columns))
    if sheet.rules:
        table.style = doc.styles["Table Grid"]
    table.autofit = False
    _header(table, plan, sheet, bullets)
    for rec in plan.recommendations:
        if sheet.banners:
            _banner(table, rec, sheet, bullets)
        _group(table, rec, sheet, bullets)
    align = WD_CELL_VERTICAL_ALIGNMENT.CENTER if sheet.middle else WD_CELL_VERTICAL_ALIGNMENT.TOP
    for column, width in zip(table.columns, sheet.widths, strict=True):
        for cell in column.cells:
            cell.width, cell.vertical_alignment = Mm(width), align


def _page(doc: Any, sheet: Sheet) -> None:
    section = doc.sections[0]
    width, height = Mm(297), Mm(210)
    if sheet.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    else:
        width, height = height, width
    section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))


def word_docx(layout: Layout23, path: Path) -> Path:
    paper, sheet = layout.paper, layout.sheet
    assert paper.plan is not None
    doc = Document()
    doc.styles["Normal"].font.name = FONT
    _page(doc, sheet)
    doc.add_paragraph(paper.title, style="Heading 1")
    for text in paper.body:
        doc.add_paragraph(text)
    _table(doc, paper.plan, sheet)
    dw.set_core_properties(doc, paper)
    doc.save(str(path))
    dw.fix_zip_times(path)  # the same bytes every build
    return path
