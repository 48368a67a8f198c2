"""A web page's table rows: which are headers. Only <thead> repeats on a printed page; a
<th> cell marks what a cell is, so a row of one <th> spanning the table below its columns
is a group's title (a banner), as a Word row of merged cells is."""
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
