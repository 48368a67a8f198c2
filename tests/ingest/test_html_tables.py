"""A web page's tables: which rows are headers, and a cell's paragraphs.

Only <thead> repeats on a printed page; a <th> cell marks what a cell is, so a row of one
<th> spanning the table below its columns is a group's title (a banner), as a Word row of
merged cells is. A cell written as lines broken by <br> has paragraphs as a printed page
does: a blank line, or a line opening with a typed list marker, starts one."""
from __future__ import annotations

from actionplans.ingest.html import html_to_document

COLUMNS = "<tr><th>Action</th><th>Lead officer</th></tr>"
BODY = ("<tr><th colspan='2'>Objective 1 - Homes</th></tr><tr><td>Lease forty homes.</td><td>HoH</td></tr>"
        "<tr><th colspan='2'>Objective 2 - Travel</th></tr><tr><td>Install charge points.</td><td>HoT</td></tr>")


def _headers(page: str) -> list[bool]:
    doc = html_to_document(f"<html><body><table>{page}</table></body></html>".encode(), "page.html", "html")
    return [row.header for row in doc.tables[0].rows]


def test_a_spanning_th_row_under_the_columns_is_a_banner() -> None:
    assert _headers(COLUMNS + BODY) == [True, False, False, False, False]


def test_thead_rows_stay_headers_however_they_span() -> None:
    title = "<tr><th colspan='2'>Housing plan</th></tr>"
    assert _headers(f"<thead>{title}{COLUMNS}</thead><tbody>{BODY}</tbody>") == [True, True, False, False, False,
                                                                                   False]


def test_a_spanning_th_row_above_the_columns_stays_a_header() -> None:
    """A title row printed above the columns is the table's, not a group's."""
    assert _headers("<tr><th colspan='2'>Housing plan</th></tr>" + COLUMNS + BODY)[:3] == [True, True, False]


def test_a_row_of_several_th_cells_is_still_a_header() -> None:
    assert _headers(COLUMNS + "<tr><td>Lease forty homes.</td><td>HoH</td></tr>" + COLUMNS) == [True, False, True]


def _cell(html: str) -> list[str]:
    page = f"<html><head><meta charset='utf-8'></head><body><table><tr><td>{html}</td><td>x</td></tr></table>"
    doc = html_to_document(f"{page}</body></html>".encode(), "page.html", "html")
    return [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs]


def test_a_blank_line_between_br_lines_starts_a_paragraph() -> None:
    assert _cell("Lease forty homes<br>from landlords.<br><br>Homes leased for five years.") == [
        "Lease forty homes\nfrom landlords.", "Homes leased for five years."]


def test_a_typed_bullet_after_a_br_starts_a_paragraph() -> None:
    assert _cell("\u2022 Offer a worker.<br>\u2022 Contact tenants<br>early.<br>2) Train officers.") == [
        "\u2022 Offer a worker.", "\u2022 Contact tenants\nearly.", "2) Train officers."]


def test_lines_broken_by_br_alone_stay_one_paragraph() -> None:
    assert _cell("Head of Strategic<br>Housing Services") == ["Head of Strategic\nHousing Services"]
