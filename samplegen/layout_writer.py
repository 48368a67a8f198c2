"""Lay out a plan the many ways councils print one, as Word files.

``plan_blocks`` turns a :class:`~samplegen.spec.Plan` and a :class:`Look` (which columns,
merged cells, banners, Word list numbering, colour fills) into a small grid model:
paragraphs and tables of rows and cells with row and column spans. ``layout_to_docx``
writes that model as WordprocessingML; ``samplegen.pdf_writer`` draws the same model
with reportlab. So the printed plan comes from the same ``Plan`` the tests expect.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import RGBColor

from actionplans.vocabulary import default_vocabulary

from . import docx_writer as dw
from .spec import Action, Paper, Plan, Recommendation

# The fills councils give each status, from the plan vocabulary.
RAG_FILL = {s.name: s.fill for s in default_vocabulary().statuses}


# --------------------------------------------------------------------------- model
@dataclass(frozen=True)
class P:
    """A paragraph: in a cell, or on its own."""

    text: str = ""
    bold: bool = False
    italic: bool = False
    size: float | None = None
    color: str = ""  # text colour "RRGGBB"
    # Word automatic numbering: (list instance, level). A list instance is a kind from
    # LISTS, "plan", or "kind#k": the k-th instance of a kind, k > 1 restarting at 1
    # (Word's "Restart at 1": a new w:num with a startOverride).
    num: tuple[str, int] | None = None
    align: str = "left"


@dataclass(frozen=True)
class Nested:
    """A table inside a cell."""

    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # cm


@dataclass
class C:
    content: list[P | Nested] = field(default_factory=list)
    fill: str = ""
    colspan: int = 1
    rowspan: int = 1


@dataclass
class R:
    cells: list[C]
    header: bool = False


@dataclass
class Grid:
    rows: list[R]
    widths: tuple[float, ...]  # cm
    size: float = 10


@dataclass(frozen=True)
class PageBreak:
    pass


Block = P | Grid | PageBreak


# Word list kinds: levels of (numFmt, lvlText).
LISTS: dict[str, tuple[tuple[str, str], ...]] = {
    "plan": (("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "%3)")),
    "paren": (("decimal", "%1)"),),
    "dot": (("decimal", "%1."),),
    "points": (("decimal", "%1)"),),  # numbered points in a progress cell
    "dash": (("bullet", "-"),),
}


# --------------------------------------------------------------------------- look
@dataclass(frozen=True)
class Look:
    """How one council prints its plan table (the data stays in the ``Plan``)."""

    # What each header column holds, left to right: "rec_number", "recommendation",
    # "action_number", "action", "lead", "rag", or a further column's name
    # ("target_date", "progress", "measure", "resources"...).
    columns: tuple[str, ...]
    widths: tuple[float, ...]  # cm
    size: float = 10
    header_fill: str = "D9D9D9"
    header_color: str = ""
    rec_label: str = "{n}"  # the number as printed in a rec_number column
    rec_prefix: str = ""  # typed before the text where no rec_number column ("{n}. ")
    # A full-width shaded row above each recommendation's actions, instead of columns.
    banner: str = ""  # e.g. "Recommendation {n}: {text}"
    banner_fill: str = "DEEAF6"
    merge_rec: bool = True  # rec cells merged down over their actions, else first row only
    merge: tuple[str, ...] = ()  # columns merged down where a recommendation's actions agree
    # (action number, first column, second column): one cell across both columns.
    hspan: tuple[tuple[str, str, str], ...] = ()
    action_label: str = "{n}) "  # typed number before the action text, no number column
    auto_recs: bool = False  # rec numbers are Word numbering, level 1 of the "plan" list
    action_list: str = "paren"  # list kind for "auto" action numbers without auto_recs
    sub_steps: str = "dash"  # paragraphs after an action's first: "dash" or "letter" (a), b))
    numbered_extras: tuple[str, ...] = ()  # columns whose "1) ... 2) ..." are Word lists
    # (action number, column, paragraph before, rows, paragraph after): a nested table.
    nested: tuple[tuple[str, str, str, tuple[tuple[str, ...], ...], str], ...] = ()
    themes: tuple[tuple[str, str], ...] = ()  # (rec number, title): full-width theme row
    theme_fill: str = "1F3864"
    new_table_at: tuple[str, ...] = ()  # rec numbers that start a new table
    rag_fill: bool = False  # RAG cells also shaded in their rating's colour
    key_title: str = ""
    key_table: tuple[tuple[str, str], ...] = ()  # (fill, meaning): a RAG key before the plan
    key_note: str = ""  # a paragraph under the plan table


def nested_text(before: str, rows: tuple[tuple[str, ...], ...], after: str) -> str:
    """A cell holding a paragraph, a nested table and a paragraph, as read in order."""
    return " ".join(t for t in (before, *(c for r in rows for c in r), after) if t)


def split_numbered(value: str) -> list[str]:
    """"1) A 2) B" -> ["A", "B"]."""
    return [p.strip() for p in re.split(r"(?:^|\s)\d{1,2}\)\s", value) if p.strip()]


# --------------------------------------------------------------------------- plan -> grid
class _Counter:
    def __init__(self) -> None:
        self.n = 0

    def next(self, kind: str) -> str:
        self.n += 1
        return kind if self.n == 1 else f"{kind}#{self.n}"


def plan_blocks(plan: Plan, look: Look) -> list[Block]:
    if len(look.columns) != len(plan.headers) or len(look.widths) != len(plan.headers):
        raise ValueError("Look.columns and Look.widths must match Plan.headers")
    blocks: list[Block] = []
    if look.key_table:
        blocks.extend(_key(look))
    lists = _Counter()
    grid = _new_grid(plan, look)
    themes = dict(look.themes)
    ncols = len(plan.headers)
    for rec in plan.recommendations:
        if rec.number in look.new_table_at and len(grid.rows) > 1:
            blocks += [grid, PageBreak()]
            grid = _new_grid(plan, look)
        if rec.number in themes:
            grid.rows.append(R([C([P(themes[rec.number], bold=True, color="FFFFFF")],
                                  fill=look.theme_fill, colspan=ncols)]))
        if look.banner:
            text = look.banner.format(n=rec.number, text=rec.text)
            grid.rows.append(R([C([P(text, bold=True)], fill=look.banner_fill, colspan=ncols)]))
        grid.rows.extend(_rec_rows(rec, look, lists))
    blocks.append(grid)
    if look.key_note:
        blocks.append(P(look.key_note, size=9))
    return blocks


def _new_grid(plan: Plan, look: Look) -> Grid:
    head = R([C([P(h, bold=True, color=look.header_color)], fill=look.header_fill)
              for h in plan.headers], header=True)
    return Grid([head], look.widths, look.size)


def _key(look: Look) -> list[Block]:
    rows = [R([C([], fill=fill), C([P(text)])]) for fill, text in look.key_table]
    return [P(look.key_title, bold=True), Grid(rows, (1.2, 12.0), 9), P("")]


def _rec_rows(rec: Recommendation, look: Look, lists: _Counter) -> list[R]:
    actions = rec.actions
    if any(len(r.actions) != 1 for r in rec.rows):
        raise ValueError("layouts: one action per table row")
    rows = [R([]) for _ in actions]
    hspans = {(a, first): second for a, first, second in look.hspan}
    skip: set[tuple[int, str]] = set()
    for role in look.columns:
        if role in ("rec_number", "recommendation"):
            content = _rec_content(rec, role, look)
            if look.merge_rec:
                rows[0].cells.append(C(content, rowspan=len(actions)))
            else:
                rows[0].cells.append(C(content))
                for row in rows[1:]:
                    row.cells.append(C([]))
            continue
        cells = [_cell(a, role, look, lists) for a in actions]
        i = 0
        while i < len(actions):
            if (i, role) in skip:
                i += 1
                continue
            second = hspans.get((actions[i].number, role))
            if second:
                cells[i].colspan = 2
                skip.add((i, second))
            j = i + 1
            if role in look.merge and not second:
                while (j < len(actions) and _same(cells[j], cells[i]) and (j, role) not in skip
                       and (actions[j].number, role) not in hspans):
                    j += 1
            cells[i].rowspan = j - i
            rows[i].cells.append(cells[i])
            i = j
    return rows


def _same(a: C, b: C) -> bool:
    return a.content == b.content and a.fill == b.fill


def _rec_content(rec: Recommendation, role: str, look: Look) -> list[P | Nested]:
    if role == "rec_number":
        if look.auto_recs:
            return [P("", num=("plan", 0))]
        return [P(look.rec_label.format(n=rec.number) if rec.number_printed else "")]
    prefix = look.rec_prefix.format(n=rec.number) if look.rec_prefix and rec.number_printed else ""
    return [P(prefix + rec.text)]


def _cell(a: Action, role: str, look: Look, lists: _Counter) -> C:
    if role == "action":
        return C(_action_content(a, look))
    if role == "action_number":
        return C([P(a.number if a.number_style == "text" else "")])
    if role == "lead":
        return C([P(a.lead_raw)])
    if role == "rag":
        fill = a.fill or (RAG_FILL.get(a.rag, "") if look.rag_fill else "")
        return C([P("" if a.colour_only else a.rag_raw)], fill=fill)
    value = dict(a.extras).get(role, "")
    for number, column, before, rows, after in look.nested:
        if (number, column) == (a.number, role):
            if value != nested_text(before, rows, after):
                raise ValueError(f"action {a.number}: {role} does not match its nested table")
            return C([P(before), Nested(rows, (2.2, 1.4)), P(after)])
    if role in look.numbered_extras and value.startswith("1) "):
        name = lists.next("points")
        return C([P(item, num=(name, 0)) for item in split_numbered(value)])
    return C([P(value)])


def _action_content(a: Action, look: Look) -> list[P | Nested]:
    paras = a.paragraphs or (a.text,)
    num: tuple[str, int] | None = None
    label = ""
    if a.number_style == "auto":
        num = ("plan", 1) if look.auto_recs else (look.action_list, 0)
    elif a.number_style == "text" and "action_number" not in look.columns:
        label = look.action_label.format(n=a.number)
    out: list[P | Nested] = [P(label + paras[0], num=num)]
    sub = ("plan", 2) if look.sub_steps == "letter" else ("dash", 0)
    out += [P(p, num=sub if a.bullets else None) for p in paras[1:]]
    return out


# --------------------------------------------------------------------------- docx
class _WordLists:
    """Abstract lists and their instances (w:num), made as the document needs them."""

    def __init__(self, doc) -> None:  # type: ignore[no-untyped-def]
        self.numbering = doc.part.numbering_part.element
        self.abstract: dict[str, int] = {}
        self.instances: dict[str, int] = {}

    def num_id(self, name: str) -> int:
        if name not in self.instances:
            kind = name.split("#")[0]
            num = self.numbering.add_num(self._abstract(kind))
            if "#" in name:  # "Restart at 1"
                num.append(parse_xml(f'<w:lvlOverride {nsdecls("w")} w:ilvl="0">'
                                     '<w:startOverride w:val="1"/></w:lvlOverride>'))
            self.instances[name] = num.numId
        return self.instances[name]

    def _abstract(self, kind: str) -> int:
        if kind in self.abstract:
            return self.abstract[kind]
        used = [int(x) for x in self.numbering.xpath("./w:abstractNum/@w:abstractNumId")]
        aid = max(used, default=-1) + 1
        levels = LISTS[kind]
        fonts = f'<w:rFonts w:ascii="{dw.FONT}" w:hAnsi="{dw.FONT}" w:cs="{dw.FONT}"/>'
        xml = [f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">',
               f'<w:nsid w:val="{0x4A3B2C10 + aid:08X}"/>',
               f'<w:multiLevelType w:val="{"multilevel" if len(levels) > 1 else "singleLevel"}"/>']
        for ilvl, (fmt, text) in enumerate(levels):
            left, hanging = ((425, 425), (567, 567), (927, 360))[ilvl] if kind != "dash" else (360, 284)
            xml.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr>'
                f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
                f'<w:rPr>{fonts}</w:rPr></w:lvl>')
        xml.append("</w:abstractNum>")
        element = parse_xml("".join(xml))
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self.numbering.append(element)
        self.abstract[kind] = aid
        return aid


def _write_par(par, p: P, lists: _WordLists, size: float) -> None:  # type: ignore[no-untyped-def]
    dw.set_spacing(par, 0, 3)
    dw.set_mark_size(par, p.size or size)
    if p.align == "center":
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if p.num is not None:
        numpr = par._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = p.num[1]
        numpr.get_or_add_numId().val = lists.num_id(p.num[0])
    if p.text:
        run = dw.write_run(par, p.text, bold=p.bold, italic=p.italic, size=p.size or size)
        if p.color:
            run.font.color.rgb = RGBColor.from_string(p.color)


def placed_cells(grid: Grid) -> list[list[tuple[int, C]]]:
    """Each row's cells with the grid column each starts at (HTML-style spans)."""
    taken: set[tuple[int, int]] = set()
    placed: list[list[tuple[int, C]]] = []
    for r, row in enumerate(grid.rows):
        col = 0
        out = []
        for cell in row.cells:
            while (r, col) in taken:
                col += 1
            out.append((col, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, col + dc))
            col += cell.colspan
        placed.append(out)
    return placed


def _write_grid(doc, grid: Grid, lists: _WordLists) -> None:  # type: ignore[no-untyped-def]
    table = dw.new_table(doc, len(grid.rows), grid.widths)
    placed = placed_cells(grid)
    for r, row in enumerate(placed):
        if grid.rows[r].header:
            dw.repeat_header(table.rows[r])
        for col, cell in row:
            if cell.rowspan > 1 or cell.colspan > 1:
                table.cell(r, col).merge(table.cell(r + cell.rowspan - 1, col + cell.colspan - 1))
    for r, row in enumerate(placed):
        for col, cell in row:
            target = table.cell(r, col)
            if cell.fill:
                dw.shade(target, cell.fill)
            _write_cell(target, cell, lists, grid.size)


def _write_cell(target, cell: C, lists: _WordLists, size: float) -> None:  # type: ignore[no-untyped-def]
    free = [target.paragraphs[0]]  # an empty paragraph ready to write into
    for item in cell.content:
        if isinstance(item, Nested):
            inner = target.add_table(len(item.rows), len(item.widths))
            inner.style = target.part.document.styles["Table Grid"]
            for r, values in enumerate(item.rows):
                for c, value in enumerate(values):
                    _write_par(inner.cell(r, c).paragraphs[0], P(value), lists, size - 1)
            free = [target.paragraphs[-1]]  # python-docx adds one after the table
            continue
        par = free.pop() if free else target.add_paragraph()
        _write_par(par, item, lists, size)


def _write_blocks(doc, blocks: list[Block], lists: _WordLists) -> None:  # type: ignore[no-untyped-def]
    for block in blocks:
        if isinstance(block, Grid):
            _write_grid(doc, block, lists)
        elif isinstance(block, PageBreak):
            par = doc.add_paragraph()
            par.add_run().add_break(WD_BREAK.PAGE)
        else:
            _write_par(doc.add_paragraph(), block, lists, block.size or 11)


def layout_to_docx(paper: Paper, look: Look, path: Path) -> None:
    """The paper's report part as ``samplegen.docx_writer`` lays it out, then its plan in
    a landscape section, laid out as ``look`` says."""
    plan = paper.plan
    if plan is None:
        raise ValueError("layout_to_docx: the paper has no plan")
    doc = Document()
    dw.set_styles(doc)
    lists = _WordLists(doc)
    first = doc.sections[0]
    dw.set_page(first, landscape=False)
    dw.page_number_footer(first)
    if paper.heading:
        dw.heading_lines(doc, paper.heading)
    if paper.cover:
        dw.cover_table(doc, paper.cover)
    if paper.body:
        dw.body_paragraphs(doc, paper.body)
    report = bool(paper.heading or paper.cover or paper.body)
    section = doc.add_section(WD_SECTION.NEW_PAGE) if report else first
    dw.set_page(section, landscape=True)
    dw.plan_header(section, plan.title)
    note = doc.add_paragraph()  # even empty: LibreOffice drops a section break a table follows
    dw.set_spacing(note, 0, 8 if plan.note else 0)
    if plan.note:
        dw.write_run(note, plan.note, size=look.size)
    _write_blocks(doc, plan_blocks(plan, look), lists)
    if plan.glossary:
        dw.set_spacing(doc.add_paragraph(), 0, 0)
        dw.glossary_table(doc, plan)
    dw.set_core_properties(doc, paper)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    dw.fix_zip_times(path)


__all__ = ["C", "Grid", "Look", "Nested", "P", "PageBreak", "R", "layout_to_docx", "nested_text",
           "plan_blocks", "split_numbered"]
