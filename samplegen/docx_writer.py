"""Lay out a :class:`~samplegen.spec.Paper` as a Word file, the way council officers do.

A report part (portrait A4, Arial 11): heading lines, the cover sheet as a ruled
key/value table, numbered paragraphs typed as text. Then the plan in its own landscape
section whose page header carries the plan title (so it repeats on every page): the NB
note, one ruled table with a repeating header row, recommendation cells merged down
over their actions, Word automatic numbering ``1)`` running on across the cells (or
numbers typed, or none, as the paper says), RAG cells shaded, then the glossary table.
python-docx does most of it; numbering, shading, header rows, hyperlinks and fields are
raw WordprocessingML.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

from actionplans.vocabulary import default_vocabulary

from .spec import Paper, Plan, Row

FONT = "Arial"
A4 = (Cm(21.0), Cm(29.7))
# The fills councils give each status, from the plan vocabulary.
RAG_FILL = {s.name: s.fill for s in default_vocabulary().statuses}
HEADER_FILL = "D9D9D9"
PLAN_WIDTHS = {5: (1.0, 6.0, 9.5, 4.0, 4.0), 4: (1.0, 7.0, 11.5, 5.0)}
GLOSSARY_WIDTHS = (3.5, 9.0)
TABLE_PT = 10
FALLBACK_DATE = dt.datetime(2013, 6, 3, 9, 0, tzinfo=dt.UTC)
ZIP_TIME = (2013, 6, 3, 9, 0, 0)
ORDINAL = re.compile(r"(?<=\d)(st|nd|rd|th)\b")
NUMBERED = re.compile(r"^(\d+\.(?:\d+)?)\s+(.*)$", re.S)


# --------------------------------------------------------------------------- helpers
def _set_fonts(rpr, name: str = FONT) -> None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)


def write_run(par, text: str, *, bold=False, italic=False, size: float | None = None,
         superscript=False):
    run = par.add_run(text)
    run.font.name = FONT
    _set_fonts(run._r.get_or_add_rPr())
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    if size:
        run.font.size = Pt(size)
    if superscript:
        run.font.superscript = True
    return run


def set_mark_size(par, size: float) -> None:
    """Size of the paragraph mark, which sets the height of an empty paragraph."""
    ppr = par._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.append(rpr)
    _set_fonts(rpr)
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    rpr.append(sz)


def set_spacing(par, before: float = 0, after: float = 0) -> None:
    fmt = par.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.line_spacing = 1.0


def _insert_ordered(parent, child, successors: tuple[str, ...]) -> None:
    """Insert ``child`` before the first existing element named in ``successors``."""
    for name in successors:
        found = parent.find(qn(name))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


def shade(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    _insert_ordered(tcpr, shd, ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText",
                                "w:vAlign", "w:hideMark"))


def _borders(table) -> None:
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{side}")
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), "4")
        b.set(qn("w:space"), "0")
        b.set(qn("w:color"), "auto")
        borders.append(b)
    _insert_ordered(tblpr, borders, ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                     "w:tblCaption", "w:tblDescription"))


def new_table(doc, rows: int, widths_cm: tuple[float, ...]):
    table = doc.add_table(rows=rows, cols=len(widths_cm))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _borders(table)
    for i, w in enumerate(widths_cm):
        table.columns[i].width = Cm(w)
        for cell in table.columns[i].cells:
            cell.width = Cm(w)
    return table


def repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:tblHeader"))


def _cell_para(cell, first: list[bool], *, after: float = 3, size: float = TABLE_PT):
    """The cell's next paragraph: its own empty one first, then new ones."""
    if first[0]:
        first[0] = False
        par = cell.paragraphs[0]
    else:
        par = cell.add_paragraph()
    set_spacing(par, 0, after)
    set_mark_size(par, size)
    return par


def _numbered(par, num_id: int) -> None:
    numpr = par._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = num_id


def page_number_footer(section) -> None:
    par = section.footer.paragraphs[0]
    par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fld = parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:rPr>'
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/><w:sz w:val="18"/>'
        f"</w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
    )
    par._p.append(fld)


def _hyperlink(par, text: str, url: str, *, size: float) -> None:
    r_id = par.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}" w:history="1"><w:r><w:rPr>'
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
        f'<w:color w:val="0000FF"/><w:sz w:val="{int(size * 2)}"/><w:u w:val="single"/>'
        f"</w:rPr><w:t>{text}</w:t></w:r></w:hyperlink>"
    )
    par._p.append(link)


# --------------------------------------------------------------------------- document
def set_styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    _set_fonts(normal.element.get_or_add_rPr())
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-GB")
    normal.element.get_or_add_rPr().append(lang)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    for name, size in (("Heading 1", 14), ("Header", 11), ("Footer", 9)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        _set_fonts(style.element.get_or_add_rPr())
    h1 = doc.styles["Heading 1"]
    h1.font.bold = True
    h1.font.color.rgb = RGBColor(0, 0, 0)
    h1.paragraph_format.space_before = Pt(12)
    h1.paragraph_format.space_after = Pt(12)


def set_page(section, *, landscape: bool) -> None:
    width, height = A4
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = height, width
        section.left_margin = section.right_margin = Cm(2.0)
        section.top_margin = Cm(2.3)
        section.bottom_margin = Cm(1.8)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = Cm(2.0)
        section.bottom_margin = Cm(2.0)
    section.header_distance = Cm(1.0)
    section.footer_distance = Cm(1.0)


def _numbering(doc) -> tuple[int, int]:
    """Add a "%1)" decimal list and a "-" bullet list; return their numIds."""
    numbering = doc.part.numbering_part.element
    used = [int(x) for x in numbering.xpath("./w:abstractNum/@w:abstractNumId")]
    dec_id, bul_id = max(used, default=-1) + 1, max(used, default=-1) + 2
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}"/>'
    decimal = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{dec_id}">'
        '<w:nsid w:val="3C5A1E07"/><w:multiLevelType w:val="singleLevel"/>'
        '<w:tmpl w:val="0809000F"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:tabs><w:tab w:val="num" w:pos="425"/></w:tabs>'
        '<w:ind w:left="425" w:hanging="425"/></w:pPr>'
        f'<w:rPr>{fonts}<w:sz w:val="{TABLE_PT * 2}"/></w:rPr></w:lvl></w:abstractNum>'
    )
    bullet = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{bul_id}">'
        '<w:nsid w:val="5D2B7A41"/><w:multiLevelType w:val="singleLevel"/>'
        '<w:tmpl w:val="08090001"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:tabs><w:tab w:val="num" w:pos="785"/></w:tabs>'
        '<w:ind w:left="785" w:hanging="360"/></w:pPr>'
        f'<w:rPr>{fonts}<w:sz w:val="{TABLE_PT * 2}"/></w:rPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    for abstract in (decimal, bullet):
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            numbering.append(abstract)
    return numbering.add_num(dec_id).numId, numbering.add_num(bul_id).numId


def heading_lines(doc, lines: tuple[str, ...]) -> None:
    for i, line in enumerate(lines):
        par = doc.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        set_spacing(par, 0, 12 if i == len(lines) - 1 else 6)
        write_run(par, line, bold=True, size=14 if i == 0 else 12)


def cover_table(doc, rows: tuple[tuple[str, ...], ...]) -> None:
    table = new_table(doc, len(rows), (3.6, 6.4, 2.8, 3.2))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            par = _cell_para(cell, [True], after=3, size=10)
            par.paragraph_format.space_before = Pt(3)
            if "@" in value:
                _hyperlink(par, value, f"mailto:{value}", size=10)
            elif value:
                write_run(par, value, bold=(c % 2 == 0), size=10)
    doc.add_paragraph()


def body_paragraphs(doc, paragraphs: tuple[str, ...]) -> None:
    for text in paragraphs:
        par = doc.add_paragraph()
        if text.startswith("# "):
            par.style = doc.styles["Heading 1"]
            write_run(par, text[2:])
            continue
        heading = text.startswith("## ")
        text = text[3:] if heading else text
        set_spacing(par, 6 if heading else 0, 6 if heading else 10)
        m = NUMBERED.match(text)
        if m:  # "1.1 This is ..." -> number, tab, text on a hanging indent
            par.paragraph_format.left_indent = Cm(1.27)
            par.paragraph_format.first_line_indent = Cm(-1.27)
            par.paragraph_format.tab_stops.add_tab_stop(Cm(1.27))
            text = f"{m.group(1)}\t{m.group(2)}"
        if heading:
            par.paragraph_format.keep_with_next = True
        write_run(par, text, bold=heading)


def plan_header(section, title: str) -> None:
    header = section.header
    header.is_linked_to_previous = False
    par = header.paragraphs[0]
    set_spacing(par, 0, 0)
    pos = 0
    for m in ORDINAL.finditer(title):  # "9th" -> 9 + superscript "th"
        write_run(par, title[pos:m.start()], bold=True, italic=True, size=12)
        write_run(par, m.group(0), bold=True, italic=True, size=12, superscript=True)
        pos = m.end()
    write_run(par, title[pos:], bold=True, italic=True, size=12)


def _action_cell(cell, row: Row, nums: tuple[int, int]) -> None:
    first = [True]
    for action in row.actions:
        paras = action.paragraphs or (action.text,)
        par = _cell_para(cell, first)
        label = ""
        if action.number_style == "auto":
            _numbered(par, nums[0])
        elif action.number_style == "text":
            label = f"{action.number}) "
        write_run(par, label + paras[0], size=TABLE_PT)
        for extra in paras[1:]:
            par = _cell_para(cell, first)
            if action.bullets:
                _numbered(par, nums[1])
            write_run(par, extra, size=TABLE_PT)


def _lead_cell(cell, row: Row) -> None:
    first = [True]
    for i, action in enumerate(row.actions):
        pad = row.lead_padding[i] if row.lead_padding else 0
        for _ in range(pad):
            _cell_para(cell, first)
        write_run(_cell_para(cell, first), action.lead_raw, size=TABLE_PT)


def _rag_cell(cell, row: Row) -> None:
    first = [True]
    for action in row.actions:
        write_run(_cell_para(cell, first), action.rag_raw, italic=True, size=TABLE_PT)
    fill = RAG_FILL.get(row.actions[0].rag)
    if fill:
        shade(cell, fill)


def _plan_table(doc, plan: Plan, nums: tuple[int, int]) -> None:
    ncols = len(plan.headers)
    rows = [(rec, row) for rec in plan.recommendations for row in rec.rows]
    table = new_table(doc, 1 + len(rows), PLAN_WIDTHS[ncols])

    head = table.rows[0]
    repeat_header(head)
    for c, text in enumerate(plan.headers):
        cell = head.cells[c]
        shade(cell, HEADER_FILL)
        par = _cell_para(cell, [True])
        if text:
            write_run(par, text, bold=True, italic=True, size=TABLE_PT)
        if text == "RAG Rating":
            for line in plan.rag_header_legend:
                write_run(cell.add_paragraph(), line, italic=True, size=9)
                set_spacing(cell.paragraphs[-1], 0, 0)

    r = 1
    for rec in plan.recommendations:
        last = r + len(rec.rows) - 1
        num_cell, rec_cell = table.cell(r, 0), table.cell(r, 1)
        if last > r:
            num_cell = num_cell.merge(table.cell(last, 0))
            rec_cell = rec_cell.merge(table.cell(last, 1))
        write_run(_cell_para(num_cell, [True]), rec.number if rec.number_printed else "",
             size=TABLE_PT)
        write_run(_cell_para(rec_cell, [True]), rec.text, size=TABLE_PT)
        for row in rec.rows:
            cells = table.rows[r].cells
            _action_cell(cells[2], row, nums)
            _lead_cell(cells[3], row)
            if ncols == 5:
                _rag_cell(cells[4], row)
            r += 1


def glossary_table(doc, plan: Plan) -> None:
    widths = plan.glossary_widths or GLOSSARY_WIDTHS
    table = new_table(doc, 1 + len(plan.glossary), widths)
    for r, values in enumerate((plan.glossary_header, *plan.glossary)):
        for c, value in enumerate(values):
            write_run(_cell_para(table.cell(r, c), [True]), value, bold=(r == 0), size=TABLE_PT)


def _plan(doc, plan: Plan, *, new_section: bool, nums: tuple[int, int]) -> None:
    if new_section:
        section = doc.add_section(WD_SECTION.NEW_PAGE)
    else:
        section = doc.sections[0]
    set_page(section, landscape=True)
    plan_header(section, plan.title)
    note = doc.add_paragraph()
    set_spacing(note, 0, 8)
    write_run(note, plan.note, size=TABLE_PT)
    _plan_table(doc, plan, nums)
    set_spacing(doc.add_paragraph(), 0, 0)
    glossary_table(doc, plan)


def set_core_properties(doc, paper: Paper) -> None:
    props = doc.core_properties
    when = FALLBACK_DATE
    if paper.document_date:
        when = dt.datetime.fromisoformat(paper.document_date).replace(
            hour=9, tzinfo=dt.UTC) - dt.timedelta(days=10)
    props.title = paper.title
    props.author = paper.council or ""
    props.last_modified_by = paper.council or ""
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    props.comments = ""
    props.subject = ""
    props.keywords = ""
    props.category = ""


def fix_zip_times(path: Path) -> None:
    """python-docx stamps zip members with the time of saving; pin them."""
    with zipfile.ZipFile(path) as zin:
        members = [(info.filename, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)


def paper_to_docx(paper: Paper, path: Path) -> None:
    doc = Document()
    set_styles(doc)
    nums = _numbering(doc) if paper.plan else (0, 0)
    report = bool(paper.heading or paper.cover or paper.body)
    first = doc.sections[0]
    set_page(first, landscape=False)
    page_number_footer(first)
    if paper.heading:
        heading_lines(doc, paper.heading)
    if paper.cover:
        cover_table(doc, paper.cover)
    if paper.body:
        body_paragraphs(doc, paper.body)
    if paper.plan:
        _plan(doc, paper.plan, new_section=report, nums=nums)
    set_core_properties(doc, paper)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    fix_zip_times(path)


__all__ = ["paper_to_docx"]
