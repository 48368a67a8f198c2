"""How a browser prints a page to PDF, read as its reader sees it (issue 23's Chromium
papers): lines set on a pixel grid, shapes drawn per cell."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from actionplans.ingest.layout import LayoutSettings, lines_to_paragraphs, words_to_lines


def _word(text: str, x0: float, top: float, size: float = 10.0) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + 6.0 * len(text), "top": top, "bottom": top + size, "size": size}


def _paragraphs(tops: list[float], texts: list[str]) -> list[str]:
    settings = LayoutSettings()
    words = [_word(text, 50.0, top) for top, text in zip(tops, texts, strict=True)]
    lines = words_to_lines(words, settings)
    return [p.text for p in lines_to_paragraphs(lines, 50.0 + 6.0 * max(map(len, texts)), 1, settings)]


# Lines as long as the column, so none stops short (which starts a paragraph by itself).
LINES = ["a wrapped line of text", "and its next wrap goes", "runs on to third lines", "ends it here in full ok",
         "a new paragraph begins", "and it ends after it ok"]


def test_a_pixel_grid_pitch_is_one_paragraph() -> None:
    """A 13pt pitch printed as 12.75 and 13.5pt: the wider gap (3.5pt between 10pt lines,
    at the fixed share of a line) is one pixel more than the cell's own closest pitch,
    so still line spacing; the 17pt pitch of a paragraph's margin starts one."""
    tops = [100.0, 113.6, 126.35, 139.85, 156.85, 169.6]
    assert _paragraphs(tops, LINES) == [" ".join(LINES[:4]), " ".join(LINES[4:])]


def test_a_gap_wider_than_a_pixel_still_parts_paragraphs() -> None:
    """Two pitches more than a pixel apart, or a cell whose only gap is wide, are
    judged by the fixed share of a line as before."""
    assert len(_paragraphs([100.0, 112.75, 127.1], LINES[:3])) == 2
    assert len(_paragraphs([100.0, 117.0], LINES[:2])) == 2


def _disc(x0: float, top: float) -> dict[str, Any]:
    return {"x0": x0, "x1": x0 + 3.0, "top": top, "bottom": top + 3.0, "fill": True, "non_stroking_color": (0, 0, 0)}


def test_a_disc_in_its_own_column_is_a_bullet() -> None:
    """A browser's list bullet 14pt right of the column to its left (whose words end
    there, not on the bullet's line in its cell): a bullet, since a column's left edge
    (where the cell's other lines start) lies between; the same disc with the word on
    its left in its own column (no edge between) is not one."""
    from actionplans.ingest.bullets import bullet_words

    column = [_word("Lease", 196.0, 100.0), _word("Review", 196.0, 140.0)]
    left = _word("their", 150.0, 120.0)  # ends at 180: 14pt left of the disc
    item = _word("Offer", 210.0, 120.0)
    found = bullet_words([_disc(198.7, 123.5)], [*column, left, item])
    assert [(w["text"], w["top"]) for w in found] == [("•", 120.0)]
    assert bullet_words([_disc(198.7, 123.5)], [left, item]) == [], "mid-line in one column: no bullet"


COLUMNS = (50.0, 200.0, 380.0, 480.0, 580.0, 680.0)  # cells' edges: five columns


def _band_page(path: Path, gap: float) -> None:
    """An unruled table under a header band painted one rectangle per cell, ``gap``
    points apart, as Chromium prints a shaded <th> row."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=landscape(A4))
    height = landscape(A4)[1]
    pdf.setFillColorRGB(0.12, 0.22, 0.39)
    for left, right in zip(COLUMNS, COLUMNS[1:], strict=False):
        pdf.rect(left + gap / 2, height - 130, right - left - gap, 30, stroke=0, fill=1)
    pdf.setFillColorRGB(1, 1, 1)
    pdf.setFont("Helvetica-Bold", 10)
    for left, text in zip(COLUMNS, ("Recommendation", "Action", "Lead officer", "Target date", "Status"),
                          strict=False):
        pdf.drawString(left + 4, height - 118, text)
    pdf.setFillColorRGB(0, 0, 0)
    pdf.setFont("Helvetica", 10)
    for k, row in enumerate((("1. Contracts", "1.1 Appoint a manager", "Head of Procurement", "March 2025", "Amber"),
                             ("2. Complaints", "2.1 Set up a team", "Customer Services", "June 2025", "Red"),
                             ("3. Budget", "3.1 Hold a workshop", "Chief Finance Officer", "May 2025", "Green"))):
        for left, text in zip(COLUMNS, row, strict=False):
            pdf.drawString(left + 4, height - 150 - 30 * k, text)
    pdf.save()


@pytest.mark.parametrize("gap", [0.0, 1.5])
def test_a_header_band_painted_cell_by_cell_is_one_band(tmp_path: Path, gap: float) -> None:
    """The band's rectangles' edges are no ruled table of one row: the band is the
    header row of the unruled table under it, every row read."""
    from actionplans.ingest import read_document
    from actionplans.ingest.model import Table

    path = tmp_path / "band.pdf"
    _band_page(path, gap)
    tables = [b for b in read_document(path, path.name).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    texts = [[" ".join(p.text for p in c.paragraphs) for c in row.cells] for row in tables[0].rows]
    assert texts[0] == ["Recommendation", "Action", "Lead officer", "Target date", "Status"]
    assert [t[0] for t in texts[1:]] == ["1. Contracts", "2. Complaints", "3. Budget"]


def _table_page(path: Path, header_top: float, bold: bool, rule: bool, running: bool = False) -> None:
    """A portrait page: a header line whose top is ``header_top`` points from the page's
    top (bold or plain), a rule under it drawn as one thin black rectangle per cell (as
    a browser draws a <th>'s border) where ``rule``, and three unruled rows."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    height, lefts = A4[1], (50.0, 330.0, 460.0, 546.0)
    pdf.setFont("Helvetica-Bold", 10)
    for x, text in ((40.0, "Ashby Council"), (200.0, "Climate plan"), (440.0, "Page 2")) if running else ():
        pdf.drawString(x, height - 0.06 * 841.89 + 3 - 10, text)  # on the running header margin's edge
    baseline = height - header_top - 10
    pdf.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
    for left, text in zip(lefts, ("Action", "Service", "Date"), strict=False):
        pdf.drawString(left + 4, baseline, text)
    if rule:
        for left, right in zip(lefts, lefts[1:], strict=False):
            pdf.rect(left + 0.75, baseline - 12, right - left - 1.5, 0.8, stroke=0, fill=1)
    pdf.setFont("Helvetica", 10)
    for k, row in enumerate((("1.5 Write carbon standards", "Procurement", "September 2025"),
                             ("1.6 Set a net zero standard", "Corporate Strategy", "December 2025"),
                             ("2.1 Insulate council homes", "Housing Services", "March 2027"))):
        for left, text in zip(lefts, row, strict=False):
            pdf.drawString(left + 4, baseline - 24 - 20 * k, text)
    pdf.save()


def test_a_bold_running_header_stays_out(tmp_path: Path) -> None:
    """A bold running header in three pieces on the margin's edge (council, centred title,
    page number), its pieces starting where no column below starts, is no header row
    (the table's own header under it is)."""
    path = tmp_path / "running.pdf"
    _table_page(path, 66.0, bold=True, rule=False, running=True)
    rows = _rows(path)
    assert [text for text, _ in rows[0]] == ["Action", "Service", "Date"] and len(rows) == 4


def _rows(path: Path) -> list[list[tuple[str, str | None]]]:
    from actionplans.ingest import read_document
    from actionplans.ingest.model import Table

    tables = [b for b in read_document(path, path.name).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return [[(" ".join(p.text for p in c.paragraphs), c.fill) for c in row.cells] for row in tables[0].rows]


def test_a_hairline_rectangle_is_a_rule_not_a_fill(tmp_path: Path) -> None:
    """A header's rule drawn as thin black rectangles, one per cell: no cell is coloured
    black by it."""
    path = tmp_path / "rule.pdf"
    _table_page(path, 200.0, bold=True, rule=True)
    rows = _rows(path)
    assert [text for text, _ in rows[0]] == ["Action", "Service", "Date"] and len(rows) == 4
    assert {fill for row in rows for _, fill in row} == {None}


@pytest.mark.parametrize("bold", [True, False])
def test_a_header_repeated_at_the_page_top(tmp_path: Path, bold: bool) -> None:
    """A bold header row set in columns at the page's top, reaching into the running
    header's margin (a browser repeating a <thead>), is the table's header row; a plain
    line there is left to the running header's margin, out of the table."""
    path = tmp_path / "top.pdf"
    _table_page(path, 0.06 * 841.89 - 3, bold=bold, rule=True)
    rows = _rows(path)
    assert [text for text, _ in rows[0]] == (["Action", "Service", "Date"] if bold else
                                             ["1.5 Write carbon standards", "Procurement", "September 2025"])


def _continuation_page(path: Path, banner_bold: bool, text_above: bool = False) -> None:
    """A headerless continuation page: a group's banner (two lines) at the page's top,
    reaching into the running header's margin, then the group's unruled rows."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    height, lefts = A4[1], (50.0, 330.0, 460.0)
    if text_above:  # the page's own text above: the bold lines are a heading, lower down
        pdf.setFont("Helvetica", 10)
        pdf.drawString(54, height - 100, "The council agreed these actions at its meeting in March.")
        height -= 90
    pdf.setFont("Helvetica-Bold" if banner_bold else "Helvetica", 10)
    pdf.drawString(54, height - 58, "Objective 2 – Cutting energy use and emissions from homes across")
    pdf.drawString(54, height - 72, "the district")
    pdf.setFont("Helvetica", 10)
    for k, row in enumerate((("2.1 Insulate council homes", "Housing Services", "March 2027"),
                             ("2.2 Build homes to net zero", "Housing Development", "2025 onwards"),
                             ("2.3 Run group-buying schemes", "Environmental Services", "Ongoing"),
                             ("2.4 Enforce energy standards", "Private Sector Housing", "December 2025"))):
        for left, text in zip(lefts, row, strict=False):
            pdf.drawString(left + 4, height - 100 - 20 * k, text)
    pdf.save()


@pytest.mark.parametrize("bold,above", [(True, False), (False, False), (True, True)])
def test_a_banner_above_a_headerless_piece_is_its_first_row(tmp_path: Path, bold: bool, above: bool) -> None:
    """A bold group title just above a piece printed without a header is the piece's
    banner row (one cell across its columns), its lines whole though the first reaches
    into the running header's margin; a plain line there is no banner, nor a bold
    heading under the page's own text."""
    import pdfplumber

    from actionplans.ingest.model import Table
    from actionplans.ingest.pdf import PdfSettings
    from actionplans.ingest.pdf_page import read_page

    path = tmp_path / "piece.pdf"
    _continuation_page(path, bold, above)
    with pdfplumber.open(path) as pdf:  # the page's analysis itself: a headerless page may be left to the survey
        tables = [b for b in read_page(pdf.pages[0], 1, PdfSettings()).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[(" ".join(p.text for p in c.paragraphs), c.fill) for c in row.cells] for row in tables[0].rows]
    first = "Objective 2 – Cutting energy use and emissions from homes across the district"
    if bold and not above:
        assert [text for text, _ in rows[0]] == [first] and rows[1][0][0] == "2.1 Insulate council homes"
    else:
        assert rows[0][0][0] == "2.1 Insulate council homes"


def _two_pages(path: Path) -> None:
    """A plan printed in two pieces: page 1 its title, header, the first group's banner
    and rows to the page's foot; page 2 no header, the second group's banner (two lines)
    at its top."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    height, lefts = A4[1], (50.0, 330.0, 460.0)

    def row(y: float, texts: tuple[str, ...], font: str = "Helvetica") -> None:
        pdf.setFont(font, 10)
        for left, text in zip(lefts, texts, strict=False):
            pdf.drawString(left + 4, height - y, text)

    pdf.setFont("Helvetica-Bold", 16)
    pdf.drawString(54, height - 80, "Climate Change Strategy Action Plan")
    row(130, ("Action", "Service", "Date"), "Helvetica-Bold")
    row(155, ("Objective 1 – Reducing emissions from the council's own estate",), "Helvetica-Bold")
    for k in range(30):
        row(180 + 20 * k, (f"1.{k + 1} Review the heating in council building {k + 1} and report", "Estates and Facilities", "March 2029"))
    pdf.showPage()
    row(58, ("Objective 2 – Cutting energy use and emissions from homes across",), "Helvetica-Bold")
    row(72, ("the whole of the district",), "Helvetica-Bold")
    for k in range(4):
        row(90 + 20 * k, (f"2.{k + 1} Insulate the council homes on estate {k + 1} by next year", "Housing Services", "March 2027"))
    pdf.save()


def test_a_banner_opening_a_piece_starts_its_group(tmp_path: Path) -> None:
    """The banner at the top of a headerless piece is the next group's, not the rest of
    the row the break cut: its rows carry its number."""
    from conftest import run_file

    path = tmp_path / "pieces.pdf"
    _two_pages(path)
    rows = run_file(path).actions
    assert len(rows) == 34
    assert {r.recommendation_number for r in rows if r.action_text.startswith("Insulate")} == {"2"}
    assert {r.recommendation_number for r in rows if r.action_text.startswith("Review")} == {"1"}
