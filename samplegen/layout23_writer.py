"""The reportlab writer of the issue-23 test papers (``samplegen.layouts23``): each
paper's plan laid out as one platypus table, printed the way its :class:`Sheet` says
(banner rows, a shaded header band, rules, swatches, rows split by a page break)."""
from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from .building import build_all
from .layout23_docx import word_docx
from .layout23_html import chromium_pdf
from .layouts23 import BANNER_FILL, LAYOUTS23, WEB23, WORD23, Layout23, ListRow, Sheet
from .spec import Plan, Recommendation, Row


def _styles(sheet: Sheet) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    from reportlab.lib.styles import getSampleStyleSheet

    # Bitstream Vera ships with reportlab and maps the bullet to a real character
    # (Helvetica's reads back as "(cid:127)").
    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
    pdfmetrics.registerFont(TTFont("VeraBd", "VeraBd.ttf"))
    normal = getSampleStyleSheet()["Normal"]
    cell = ParagraphStyle("c23", parent=normal, fontName="Vera", fontSize=sheet.size, leading=sheet.size * 1.3)
    bold = ParagraphStyle("b23", parent=cell, fontName="VeraBd")
    head = ParagraphStyle("h23", parent=bold, textColor=colors.white if sheet.band else colors.black)
    return cell, bold, head


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(html.escape(text, quote=False).replace("\n", "<br/>"), style)


def _column(texts: list[str], style: ParagraphStyle, bullets: bool = False) -> list[Paragraph]:
    """One cell's paragraphs; a value every action shares is printed once."""
    if len(set(texts)) == 1:
        texts = texts[:1]
    gap = ParagraphStyle("gap", parent=style, spaceBefore=4)
    return [_p(("• " if bullets else "") + t, style if i == 0 else gap) for i, t in enumerate(texts)]


def _cells(row: Row, rec: Recommendation, first: bool, sheet: Sheet, cell: ParagraphStyle) -> list[object]:
    actions = row.actions
    bullets = isinstance(row, ListRow) and row.bullets
    extras = [dict(a.extras) for a in actions]
    if len(actions) == 1 and actions[0].paragraphs:
        texts = list(actions[0].paragraphs)
        action_cell = _column(texts, cell)
    else:
        label = [f"{a.number} " if a.number_style == "text" else "" for a in actions]
        action_cell = [_p(("• " if bullets else "") + n + a.text,
                          cell if i == 0 else ParagraphStyle("gap", parent=cell, spaceBefore=4))
                       for i, (n, a) in enumerate(zip(label, actions, strict=True))]
    rag: object = _column([a.rag_raw for a in actions], cell)
    if sheet.swatch:
        rag = _swatch(actions[0].fill, sheet)
    values = {"action": action_cell, "lead": _column([a.lead_raw for a in actions], cell), "rag": rag,
              "target_date": _column([e.get("target_date", "") for e in extras], cell),
              "progress": _column([e.get("progress", "") for e in extras], cell),
              "recommendation": [_p(f"{rec.number}. {rec.text}", cell)] if first else ""}
    return [values[c] for c in sheet.columns]


def _swatch(fill: str, sheet: Sheet) -> object:
    """A square of the status's colour, its top ``swatch_drop`` below the first line's."""
    from reportlab.graphics.shapes import Drawing, Rect

    size = sheet.swatch
    drawing = Drawing(size, size + sheet.swatch_drop)
    if fill:
        drawing.add(Rect(0, 0, size, size, fillColor=colors.HexColor("#" + fill), strokeColor=None))
    return drawing


def table_data(plan: Plan, sheet: Sheet) -> tuple[list[list[object]], list[tuple[object, ...]]]:
    """The table's rows and its style commands."""
    cell, bold, head = _styles(sheet)
    headers = sheet.header_lines or plan.headers
    data: list[list[object]] = [[_p(h, head) for h in headers]]
    style: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE" if sheet.middle else "TOP"),
                                       ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    if sheet.band:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#" + sheet.band)))
    if sheet.rules:
        style.append(("GRID", (0, 0), (-1, -1), 0.6, colors.black))
    elif not sheet.band:
        style.append(("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black))
    for rec in plan.recommendations:
        if sheet.banners:
            data.append([_p(sheet.banner_label.format(n=rec.number, text=rec.text), bold)] +
                        [""] * (len(sheet.columns) - 1))
            row = len(data) - 1
            style.append(("SPAN", (0, row), (-1, row)))
            if sheet.banners == "shaded":
                style.append(("BACKGROUND", (0, row), (-1, row), colors.HexColor("#" + BANNER_FILL)))
        first = len(data)
        for i, row in enumerate(rec.rows):
            data.append(_cells(row, rec, i == 0, sheet, cell))
        if sheet.rules == "grid" and "recommendation" in sheet.columns and len(rec.rows) > 1:
            col = sheet.columns.index("recommendation")
            style.append(("SPAN", (col, first), (col, len(data) - 1)))
    return data, style


def platypus_pdf(layout: Layout23, path: Path) -> Path:
    paper, sheet = layout.paper, layout.sheet
    assert paper.plan is not None
    _, bold, _ = _styles(sheet)
    data, style = table_data(paper.plan, sheet)
    table = Table(data, colWidths=[w * mm for w in sheet.widths], repeatRows=1 if sheet.repeat else 0,
                  splitInRow=1 if sheet.split_rows else 0)
    table.setStyle(TableStyle(style))
    title = ParagraphStyle("t23", parent=bold, fontSize=16, leading=20, spaceAfter=8)
    story = [_p(paper.title, title), *(_p(t, _styles(sheet)[0]) for t in paper.body),
             Spacer(1, 8 + sheet.space_above),
             table]
    size = landscape(A4) if sheet.landscape else A4
    SimpleDocTemplate(str(path), pagesize=size, title=paper.title, author=paper.council, leftMargin=15 * mm,
                      rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm, invariant=1).build(story)
    return path


def _build(layout: Layout23, outdir: Path) -> list[Path]:
    return [platypus_pdf(layout, outdir / f"{layout.paper.stem}.pdf")]


def _build_docx(layout: Layout23, outdir: Path) -> list[Path]:
    return [word_docx(layout, outdir / f"{layout.paper.stem}.docx")]


BUILDERS23: dict[str, Callable[[Layout23, Path], list[Path]]] = {"platypus": _build, "docx": _build_docx,
                                                              "chromium": chromium_pdf}


def build_layouts23(outdir: Path, only: tuple[str, ...] = ()) -> list[Path]:
    return build_all((*LAYOUTS23, *WORD23, *WEB23), BUILDERS23, outdir, only)
