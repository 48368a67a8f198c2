"""The layouts' test papers in the other formats an analyst's folder holds: Excel
(.xlsx, and .xls through LibreOffice), OpenDocument (.odt, .ods), saved web pages
(.html, and the single-file .mhtml). Build them with

    python -m samplegen.formats tests/fixtures/formats

Each file is written from the same ``Paper`` and ``Look`` as the layout's Word file
(``samplegen.layouts``), through the same grid (``layout_writer.plan_blocks``): merged
cells, fills and banner rows as the Word file has them. So the tests expect of each
format exactly what they expect of the Word file, field for field. Where a format has no
automatic numbering (a spreadsheet, a web page's cells) the number Word would show is
typed; the OpenDocument text numbers its lists itself, as Word does.

Everything here is deterministic (fixed dates in every package, sorted members), so a
rebuilt file is byte for byte the committed one; the .xls needs LibreOffice (``soffice``)
and is committed, like the PDFs.
"""
from __future__ import annotations

import datetime as dt
import html
import quopri
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from email.header import Header
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .layout_writer import LISTS, Block, C, Grid, Nested, P, R, placed_cells, plan_blocks
from .layouts import BANNER, COLOUR_ONLY, LEAD_CELLS, Layout
from .spec import Paper

# The layouts written in every format: colour-only statuses and merged recommendation
# cells (02), full-width banner rows (06), lead cells merged down over several actions (08).
FORMAT_LAYOUTS: tuple[Layout, ...] = (COLOUR_ONLY, BANNER, LEAD_CELLS)
FORMATS = ("xlsx", "ods", "odt", "html", "mhtml", "xls")
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


# --------------------------------------------------------------------------- numbers
class Labels:
    """What Word shows for each automatically numbered paragraph, in document order:
    counters belong to a list kind, and an instance "kind#k" restarts it."""

    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}
        self.seen: set[str] = set()

    def label(self, num: tuple[str, int]) -> str:
        name, level = num
        kind = name.split("#")[0]
        counts = self.counts.setdefault(kind, [0] * 9)
        if name not in self.seen and "#" in name:
            counts[:] = [0] * 9
        self.seen.add(name)
        counts[level] += 1
        counts[level + 1:] = [0] * (8 - level)
        fmt, text = LISTS[kind][level]
        if fmt == "bullet":
            return text
        for lvl in range(level + 1):
            shown = chr(ord("a") + counts[lvl] - 1) if LISTS[kind][lvl][0] == "lowerLetter" else str(counts[lvl])
            text = text.replace(f"%{lvl + 1}", shown)
        return text


def typed(p: P, labels: Labels) -> str:
    """The paragraph as Word shows it: its automatic number typed in front."""
    return f"{labels.label(p.num)} {p.text}".strip() if p.num is not None else p.text


def cell_lines(cell: C, labels: Labels) -> list[str]:
    out: list[str] = []
    for item in cell.content:
        if isinstance(item, Nested):
            out += [v for row in item.rows for v in row]
        else:
            out.append(typed(item, labels))
    return out


def placed(grid: Grid) -> list[list[tuple[int, C]]]:
    """Each row's cells with the grid column each starts at."""
    return placed_cells(grid)


def report_lines(paper: Paper) -> list[tuple[str, str]]:
    """(kind, text) of the paper's report part: "heading" lines, the "cover" sheet's place,
    "h1"/"h2" headings, "p"."""
    out = [("heading", line) for line in paper.heading] + ([("cover", "")] if paper.cover else [])
    for text in paper.body:
        if text.startswith("# "):
            out.append(("h1", text[2:]))
        elif text.startswith("## "):
            out.append(("h2", text[3:]))
        else:
            out.append(("p", text))
    return out


def plan_part(layout: Layout) -> list[Block]:
    assert layout.paper.plan is not None and layout.look is not None
    return plan_blocks(layout.paper.plan, layout.look)


# --------------------------------------------------------------------------- spreadsheets
def write_xlsx(layout: Layout, path: Path) -> None:
    """One sheet, "Action plan": the plan's title, a blank row, the key and the plan as
    laid out for Word (merged cells merged, fills filled); a glossary on a second sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    paper, plan = layout.paper, layout.paper.plan
    assert plan is not None
    book = Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    sheet.cell(1, 1, plan.title).font = Font(bold=True, size=14)
    row = 3
    labels = Labels()
    for block in plan_part(layout):
        if isinstance(block, Grid):
            for r, cells in enumerate(placed(block)):
                for col, cell in cells:
                    target = sheet.cell(row + r, col + 1, "\n".join(cell_lines(cell, labels)) or None)
                    target.alignment = Alignment(wrap_text=True, vertical="top")
                    if cell.fill:
                        target.fill = PatternFill("solid", fgColor=cell.fill)
                    if block.rows[r].header:
                        target.font = Font(bold=True)
                    if cell.rowspan > 1 or cell.colspan > 1:
                        sheet.merge_cells(start_row=row + r, start_column=col + 1,
                                          end_row=row + r + cell.rowspan - 1, end_column=col + cell.colspan)
            row += len(block.rows) + 1
        elif isinstance(block, P) and block.text:
            sheet.cell(row, 1, typed(block, labels))
            row += 2
    for c, width in enumerate(layout.look.widths if layout.look else (), start=1):
        sheet.column_dimensions[chr(ord("A") + c - 1)].width = width * 5
    if plan.glossary:
        codes = book.create_sheet("Abbreviations")
        for r, values in enumerate((plan.glossary_header, *plan.glossary), start=1):
            for c, value in enumerate(values, start=1):
                codes.cell(r, c, value)
    book.properties.title = paper.title
    book.properties.creator = paper.council
    book.properties.created = book.properties.modified = _when()
    book.save(path)
    _fix_zip(path)


def _when() -> dt.datetime:
    return dt.datetime(2024, 1, 1)


def write_xls(layout: Layout, path: Path) -> None:
    """The .xlsx saved as Excel 97-2003 by LibreOffice."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("samplegen.formats: the .xls needs LibreOffice (soffice)")
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{path.stem}.xlsx"
        write_xlsx(layout, source)
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}",
                        "--convert-to", "xls:MS Excel 97", "--outdir", tmp, str(source)],
                       check=True, capture_output=True, timeout=120)
        shutil.copyfile(Path(tmp) / f"{path.stem}.xls", path)


# --------------------------------------------------------------------------- OpenDocument
NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')
_ODF_FORMATS = {"decimal": "1", "lowerLetter": "a", "bullet": ""}


class _Odf:
    """Content for an OpenDocument package: automatic styles made as the content needs them."""

    def __init__(self) -> None:
        self.fills: dict[str, str] = {}
        self.lists: dict[str, str] = {}  # list kind -> style name

    def cell_style(self, fill: str) -> str:
        if not fill:
            return ""
        name = self.fills.setdefault(fill, f"ce{len(self.fills) + 1}")
        return f" table:style-name={quoteattr(name)}"

    def list_style(self, kind: str) -> str:
        return self.lists.setdefault(kind, f"L{len(self.lists) + 1}")

    def styles(self) -> str:
        out = ['<style:style style:name="Bold" style:family="paragraph"><style:text-properties '
               'fo:font-weight="bold"/></style:style>']
        for fill, name in self.fills.items():
            out.append(f'<style:style style:name="{name}" style:family="table-cell"><style:table-cell-properties '
                       f'fo:background-color="#{fill}"/></style:style>')
        for kind, name in self.lists.items():
            levels = []
            for lvl, (fmt, text) in enumerate(LISTS[kind], start=1):
                if fmt == "bullet":
                    levels.append(f'<text:list-level-style-bullet text:level="{lvl}" '
                                  f'text:bullet-char={quoteattr(text)}/>')
                    continue
                suffix = re.sub(r"%\d", "", text.rsplit(f"%{lvl}", 1)[-1])
                display = text.count("%")
                levels.append(f'<text:list-level-style-number text:level="{lvl}" style:num-format='
                              f'"{_ODF_FORMATS[fmt]}" style:num-suffix={quoteattr(suffix)} '
                              f'text:display-levels="{display}"/>')
            out.append(f'<text:list-style style:name="{name}">{"".join(levels)}</text:list-style>')
        return "".join(out)


def _odt_paragraph(p: P, odf: _Odf, started: set[str]) -> str:
    bold = ' text:style-name="Bold"' if p.bold else ""
    para = f"<text:p{bold}>{escape(p.text)}</text:p>"
    if p.num is None:
        return para
    name, level = p.num
    kind = name.split("#")[0]
    style = odf.list_style(kind)
    # A new instance ("kind#2") restarts; every other list of the kind runs on.
    go_on = ' text:continue-numbering="true"' if name in started or "#" not in name else ""
    started.add(name)
    inner = para
    for _ in range(level):
        inner = f"<text:list><text:list-item>{inner}</text:list-item></text:list>"
    return f'<text:list text:style-name="{style}"{go_on}><text:list-item>{inner}</text:list-item></text:list>'


def _odt_grid(grid: Grid, odf: _Odf, started: set[str]) -> str:
    rows = placed(grid)
    n_cols = len(grid.widths)
    covered: set[tuple[int, int]] = set()
    out = [f'<table:table><table:table-column table:number-columns-repeated="{n_cols}"/>']
    for r, cells in enumerate(rows):
        by_col = dict(cells)
        out.append("<table:table-row>")
        for col in range(n_cols):
            if (r, col) in covered or col not in by_col:
                out.append("<table:covered-table-cell/>")
                continue
            cell = by_col[col]
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        covered.add((r + dr, col + dc))
            spans = (f' table:number-rows-spanned="{cell.rowspan}"' if cell.rowspan > 1 else "") + \
                (f' table:number-columns-spanned="{cell.colspan}"' if cell.colspan > 1 else "")
            body = "".join(_odt_item(item, odf, started) for item in cell.content) or "<text:p/>"
            out.append(f"<table:table-cell{odf.cell_style(cell.fill)}{spans}>{body}</table:table-cell>")
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "".join(out)


def _odt_item(item: P | Nested, odf: _Odf, started: set[str]) -> str:
    if isinstance(item, Nested):
        rows = "".join("<table:table-row>" + "".join(f"<table:table-cell><text:p>{escape(v)}</text:p>"
                                                     "</table:table-cell>" for v in row) + "</table:table-row>"
                       for row in item.rows)
        return f'<table:table><table:table-column table:number-columns-repeated="{len(item.widths)}"/>{rows}' \
               "</table:table>"
    return _odt_paragraph(item, odf, started)


def write_odt(layout: Layout, path: Path) -> None:
    """The report part (headings, cover sheet, body), the plan's title and note, the plan
    with Word's lists as OpenDocument lists, and its glossary."""
    paper, plan = layout.paper, layout.paper.plan
    assert plan is not None
    odf = _Odf()
    started: set[str] = set()
    body: list[str] = []
    for kind, text in report_lines(paper):
        if kind == "cover":
            body.append(_odt_grid(_cover_grid(paper), odf, started))
        elif kind == "h1":
            body.append(f'<text:h text:outline-level="1">{escape(text)}</text:h>')
        else:
            bold = ' text:style-name="Bold"' if kind in ("heading", "h2") else ""
            body.append(f"<text:p{bold}>{escape(text)}</text:p>")
    if plan.note:
        body.append(f"<text:p>{escape(plan.note)}</text:p>")
    for block in plan_part(layout):
        if isinstance(block, Grid):
            body.append(_odt_grid(block, odf, started))
        elif isinstance(block, P):
            body.append(_odt_paragraph(block, odf, started))
    if plan.glossary:
        body.append(_odt_grid(_glossary_grid(layout), odf, started))
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">'
               f"<office:automatic-styles>{odf.styles()}</office:automatic-styles>"
               f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document-content>")
    # The plan's title runs in the page header, as in the Word file.
    styles = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} office:version="1.3">'
              '<office:master-styles><style:master-page style:name="Standard"><style:header>'
              f"<text:p>{escape(plan.title)}</text:p></style:header></style:master-page></office:master-styles>"
              "</office:document-styles>")
    _write_odf(path, "application/vnd.oasis.opendocument.text", content, paper, styles)


def write_ods(layout: Layout, path: Path) -> None:
    """As the .xlsx: one sheet with the plan's title, the key and the plan; numbers typed."""
    paper, plan = layout.paper, layout.paper.plan
    assert plan is not None
    odf = _Odf()
    labels = Labels()
    rows = [f'<table:table-row><table:table-cell><text:p>{escape(plan.title)}</text:p></table:table-cell>'
            "</table:table-row>", "<table:table-row><table:table-cell/></table:table-row>"]
    for block in plan_part(layout):
        if isinstance(block, Grid):
            typed_grid = Grid([R([C([P(line) for line in cell_lines(c, labels)], fill=c.fill, colspan=c.colspan,
                                          rowspan=c.rowspan) for c in r.cells], header=r.header)
                               for r in block.rows], block.widths)
            table = _odt_grid(typed_grid, odf, set())
            rows.append(table.split("/>", 1)[1].removesuffix("</table:table>"))
            rows.append("<table:table-row><table:table-cell/></table:table-row>")
        elif isinstance(block, P) and block.text:
            rows.append(f"<table:table-row><table:table-cell><text:p>{escape(typed(block, labels))}</text:p>"
                        "</table:table-cell></table:table-row><table:table-row><table:table-cell/></table:table-row>")
    sheets = [f'<table:table table:name="Action plan">{"".join(rows)}</table:table>']
    if plan.glossary:
        glossary = _odt_grid(_glossary_grid(layout), odf, set())
        sheets.append(glossary.replace("<table:table>", '<table:table table:name="Abbreviations">', 1))
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.3">'
               f"<office:automatic-styles>{odf.styles()}</office:automatic-styles>"
               f"<office:body><office:spreadsheet>{''.join(sheets)}</office:spreadsheet></office:body>"
               "</office:document-content>")
    _write_odf(path, "application/vnd.oasis.opendocument.spreadsheet", content, paper)


def _cover_grid(paper: Paper) -> Grid:
    return Grid([R([C([P(v, bold=(c % 2 == 0))]) for c, v in enumerate(values)])
                 for values in paper.cover], (3.6, 6.4, 2.8, 3.2))


def _glossary_grid(layout: Layout) -> Grid:
    plan = layout.paper.plan
    assert plan is not None
    return Grid([R([C([P(v, bold=(r == 0))]) for v in values])
                 for r, values in enumerate((plan.glossary_header, *plan.glossary))], (3.0, 9.0))


def _write_odf(path: Path, mimetype: str, content: str, paper: Paper, styles: str = "") -> None:
    meta = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NS} office:version="1.3"><office:meta>'
            f"<dc:title>{escape(paper.title)}</dc:title><dc:creator>{escape(paper.council)}</dc:creator>"
            "<meta:creation-date>2024-01-01T00:00:00</meta:creation-date></office:meta></office:document-meta>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", ZIP_TIME), mimetype)  # first and stored, as the format asks
        parts = (("content.xml", content), ("styles.xml", styles), ("meta.xml", meta), ("META-INF/manifest.xml",
                                                                                      manifest))
        for name, data in (part for part in parts if part[1]):
            z.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, compress_type=zipfile.ZIP_DEFLATED)


def _fix_zip(path: Path) -> None:
    """The package with fixed member times (and the save time openpyxl stamps on it), so a
    rebuild gives the same bytes."""
    with zipfile.ZipFile(path) as z:
        members = [(i.filename, z.read(i)) for i in z.infolist()]
    members = [(name, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2024-01-01T00:00:00Z", data)
                if name == "docProps/core.xml" else data) for name, data in members]
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, ZIP_TIME), data, compress_type=zipfile.ZIP_DEFLATED)


# --------------------------------------------------------------------------- web pages
CSS = {"red": "C00000", "amber": "FFC000", "green": "00B050"}  # classes the page's style sheet colours


def page_html(layout: Layout) -> str:
    """The committee web page: the report part, then the plan as a table with row and
    column spans; fills as inline styles, bgcolor attributes and classes in turn, as
    content management systems write them."""
    paper, plan = layout.paper, layout.paper.plan
    assert plan is not None
    labels = Labels()
    css = "".join(f"td.{name} {{ background-color: #{fill}; }}" for name, fill in CSS.items())
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{html.escape(paper.title)} | {html.escape(paper.council)}</title>"]
    if paper.document_date:
        out.append(f'<meta name="DC.date" content="{paper.document_date}">')
    out += [f"<style>{css}</style>", '<script>document.title = "not run";</script></head><body>',
            '<nav><a href="/">Home</a> &gt; <a href="/meetings">Meetings</a></nav>']
    for kind, text in report_lines(paper):
        if kind == "cover":
            out.append(_html_grid(_cover_grid(paper), labels))
            continue
        tag = {"heading": "p", "h1": "h1", "h2": "h2", "p": "p"}[kind]
        out.append(f"<{tag}>{'<b>' if kind == 'heading' else ''}{html.escape(text)}"
                   f"{'</b>' if kind == 'heading' else ''}</{tag}>")
    out.append(f"<h2>{html.escape(plan.title)}</h2>")
    if plan.note:
        out.append(f"<p>{html.escape(plan.note)}</p>")
    for block in plan_part(layout):
        if isinstance(block, Grid):
            out.append(_html_grid(block, labels))
        elif isinstance(block, P) and block.text:
            out.append(f"<p>{html.escape(typed(block, labels))}</p>")
    if plan.glossary:
        out.append(_html_grid(_glossary_grid(layout), labels))
    out.append('<img src="https://example.invalid/logo.png" alt="logo"></body></html>')
    return "\n".join(out) + "\n"


def _html_grid(grid: Grid, labels: Labels) -> str:
    rows = []
    for r, cells in enumerate(placed(grid)):
        tag = "th" if grid.rows[r].header else "td"
        tds = []
        for n, (_, cell) in enumerate(cells):
            attrs = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + \
                (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + _html_fill(cell.fill, r + n)
            body = "".join(f"<p>{html.escape(line)}</p>" for line in cell_lines(cell, labels))
            tds.append(f"<{tag}{attrs}>{body}</{tag}>")
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return f'<table border="1">\n{chr(10).join(rows)}\n</table>'


def _html_fill(fill: str, turn: int) -> str:
    """A fill three ways, in turn: a class of the page's style sheet where one has the
    colour, else an inline style, else the old bgcolor attribute."""
    if not fill:
        return ""
    named = next((name for name, value in CSS.items() if value == fill), "")
    if named:
        return f' class="{named}"'
    return f' style="background-color: #{fill.lower()}"' if turn % 2 else f' bgcolor="#{fill}"'


def write_html(layout: Layout, path: Path) -> None:
    path.write_text(page_html(layout), encoding="utf-8")


def write_mhtml(layout: Layout, path: Path) -> None:
    """The page as a browser saves it whole: a MIME archive, the page quoted-printable."""
    page = quopri.encodestring(page_html(layout).encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    boundary = "----MultipartBoundary--samplegen----"
    path.write_text(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.invalid/meetings/item\r\n"
        f"Subject: {Header(layout.paper.title, 'utf-8').encode()}\r\n"
        "Date: Mon, 1 Jan 2024 09:00:00 -0000\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{boundary}"\r\n\r\n\r\n'
        f"--{boundary}\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://example.invalid/meetings/item\r\n"
        f"\r\n{page}\r\n--{boundary}--\r\n", encoding="ascii", newline="")


WRITERS: dict[str, Callable[[Layout, Path], None]] = {
    "xlsx": write_xlsx, "ods": write_ods, "odt": write_odt, "html": write_html, "mhtml": write_mhtml, "xls": write_xls,
}


def build(outdir: Path, only: tuple[str, ...] = ()) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for layout in FORMAT_LAYOUTS:
        for fmt in FORMATS:
            if only and fmt not in only:
                continue
            path = outdir / f"{layout.paper.stem}.{fmt}"
            WRITERS[fmt](layout, path)
            written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("-"):
        print("usage: python -m samplegen.formats OUTDIR [FORMAT...]", file=sys.stderr)
        return 2
    for path in build(Path(args[0]), tuple(args[1:])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["FORMATS", "FORMAT_LAYOUTS", "WRITERS", "build", "page_html"]
