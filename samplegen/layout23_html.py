"""The issue-23 papers as a council's web page prints them: the plan as an HTML table
whose ``<thead>`` the browser repeats on each printed page (or a header row printed once),
a shaded header band, objectives as banner rows spanning the table (``colspan``), rows
free to break across a page where the sheet splits them, and ``<p>`` and ``<ul>`` in
cells. ``chromium_pdf`` writes the page and prints it with Debian's headless Chromium
(``--print-to-pdf``), as a reader saving the page as PDF would."""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .browser import CHROMIUM, FLAGS
from .layout23_cells import Content, banner_text, header_texts, row_cells
from .layouts23 import BANNER_FILL, Layout23, Sheet
from .spec import Plan, Recommendation


def _e(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _style(sheet: Sheet) -> str:
    rules = "td, th { border: 0.6pt solid #000; }" if sheet.rules else (
        "" if sheet.band else "th { border-bottom: 0.8pt solid #000; }")
    band = f"th {{ background-color: #{sheet.band}; color: #FFFFFF; }}" if sheet.band else ""
    return "\n".join(line for line in (
        f"@page {{ size: A4{' landscape' if sheet.landscape else ''}; margin: 15mm; }}",
        # No ligatures: PDFium and pdfminer place an "ff" ligature's text differently ("aff ects"),
        # which tests/ingest/test_pdfium_page.py would report against every page printed here.
        f'body {{ font-family: "DejaVu Sans", sans-serif; font-size: {sheet.size}pt; line-height: 1.3; '
        "font-variant-ligatures: none; }}",
        "table { border-collapse: collapse; table-layout: fixed; }",
        f"td, th {{ padding: 5pt 4pt 6pt; text-align: left; vertical-align: {'middle' if sheet.middle else 'top'}; }}",
        rules, band, f".shaded {{ background-color: #{BANNER_FILL}; }}",
        "tr { break-inside: auto; }" if sheet.split_rows else "tr { break-inside: avoid; }",
        "td p { margin: 0 0 4pt; } td ul { margin: 0 0 4pt; padding-left: 14pt; }") if line)


def _content(content: Content) -> str:
    """A cell's paragraphs, bulleted ones gathered into one list."""
    out: list[str] = []
    for i, para in enumerate(content):
        if para.bullet:
            opens = i == 0 or not content[i - 1].bullet
            closes = i == len(content) - 1 or not content[i + 1].bullet
            out.append(("<ul>" if opens else "") + f"<li>{_e(para.text)}</li>" + ("</ul>" if closes else ""))
        else:
            out.append(f"<p>{_e(para.text)}</p>")
    return "".join(out)


def _group(rec: Recommendation, sheet: Sheet) -> list[str]:
    rows = []
    span, text = len(sheet.columns), _e(banner_text(rec, sheet))
    if sheet.banners == "shaded":
        rows.append(f'<tr><td colspan="{span}" class="shaded"><strong>{text}</strong></td></tr>')
    elif sheet.banners:  # a bold banner as a header cell, as many pages mark a group's title
        rows.append(f'<tr><th colspan="{span}">{text}</th></tr>')
    spans = sheet.rules == "grid" and "recommendation" in sheet.columns
    for i, row in enumerate(rec.rows):
        cells = []
        for role, content in zip(sheet.columns, row_cells(row, rec, i == 0, sheet), strict=True):
            if role == "recommendation" and spans:
                if i:
                    continue  # under the cell spanning the group
                cells.append(f'<td rowspan="{len(rec.rows)}">{_content(content)}</td>')
            else:
                cells.append(f"<td>{_content(content)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return rows


def _table(plan: Plan, sheet: Sheet) -> list[str]:
    header = "<tr>" + "".join(f"<th>{_e(h)}</th>" for h in header_texts(plan, sheet)) + "</tr>"
    cols = "".join(f'<col style="width: {w}mm">' for w in sheet.widths)
    body = [row for rec in plan.recommendations for row in _group(rec, sheet)]
    if sheet.repeat:  # the browser prints a <thead> again at the top of each page
        return [f"<table><colgroup>{cols}</colgroup><thead>{header}</thead><tbody>", *body, "</tbody></table>"]
    return [f"<table><colgroup>{cols}</colgroup><tbody>{header}", *body, "</tbody></table>"]


def web_page(layout: Layout23) -> str:
    paper, sheet = layout.paper, layout.sheet
    assert paper.plan is not None
    return "\n".join([
        '<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">',
        f"<title>{_e(paper.title)}</title>", f'<meta name="author" content="{html.escape(paper.council)}">',
        f"<style>\n{_style(sheet)}\n</style>", "</head>", "<body>", f"<h1>{_e(paper.title)}</h1>",
        *(f"<p>{_e(t)}</p>" for t in paper.body), f'<div style="height: {sheet.space_above}pt"></div>',
        *_table(paper.plan, sheet), "</body>", "</html>", ""])


def print_pdf(page: Path, pdf: Path) -> Path:
    """``page`` printed to ``pdf`` by headless Chromium, with no header or footer of its own."""
    if not Path(CHROMIUM).is_file():
        raise SystemExit(f"samplegen: Chromium ({CHROMIUM}) is needed to print the web pages to PDF "
                         "(apt-get install chromium)")
    profile = tempfile.mkdtemp(prefix="samplegen-chromium-")
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
           f"--print-to-pdf={pdf}", page.resolve().as_uri()]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if done.returncode != 0 or not pdf.exists():
        raise SystemExit(f"samplegen: Chromium could not print {page.name}:\n{done.stderr[-2000:]}")
    return pdf


def _pin_dates(pdf: Path) -> None:
    """Chromium stamps the time of printing; a fixed one of the same length (so no
    offset moves) makes a rebuild byte-identical with the same Chromium."""
    data = re.sub(rb"/(CreationDate|ModDate) \(D:\d{14}", rb"/\1 (D:20241202090000", pdf.read_bytes())
    pdf.write_bytes(data)


def chromium_pdf(layout: Layout23, outdir: Path) -> list[Path]:
    """The web page, and the PDF Chromium prints from it."""
    page = outdir / f"{layout.paper.stem}.html"
    page.write_text(web_page(layout), encoding="utf-8")
    pdf = print_pdf(page, outdir / f"{layout.paper.stem}.pdf")
    _pin_dates(pdf)
    return [page, pdf]
