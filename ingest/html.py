"""Read a saved web page (.html, .htm, or a single-file .mhtml) into the document model.

lxml's HTML parser reads the page as it is: no script is run, no style sheet, frame or
picture is fetched (the parser has no network, and nothing here follows a link). The
page's tables keep their row and column spans (a cell spanning rows leaves ``continued``
cells under it, as Word's vertical merges do) and their background colours (a cell's
own style or ``bgcolor``, its row's, or a class given one in the page's own style
sheet). Text outside tables becomes paragraphs, headings styled as Word's are; the
page's <title> is the paper's title and a date in its head's meta tags its date.
"""
from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import lxml.html
from lxml import etree

from actionplans.ingest.errors import IngestError
from actionplans.ingest.layout import typed_paragraphs
from actionplans.ingest.model import Block, Cell, Document, Paragraph, Row, Table, cell_paragraphs
from actionplans.ingest.numbering import format_number

# Never content: what a browser runs, fetches or draws, and the head (read for its title and date).
_DROP = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "select",
         "button", "head")
_BLOCKS = frozenset({"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li",
                     "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "address",
                     "figure", "figcaption", "caption", "form", "fieldset", "center", "body", "html", "hr",
                     "details", "summary", "table"})
_DATE_META = ("date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
              "article:published_time", "og:published_time", "citation_date", "created")
_NAMED = {"red": "FF0000", "green": "008000", "lime": "00FF00", "yellow": "FFFF00", "orange": "FFA500",
          "amber": "FFC000", "gold": "FFD700", "blue": "0000FF", "lightblue": "ADD8E6", "skyblue": "87CEEB",
          "lightgreen": "90EE90", "darkgreen": "006400", "grey": "808080", "gray": "808080", "silver": "C0C0C0",
          "lightgrey": "D3D3D3", "lightgray": "D3D3D3", "white": "FFFFFF", "black": "000000", "navy": "000080",
          "purple": "800080", "pink": "FFC0CB", "darkred": "8B0000", "salmon": "FA8072", "tomato": "FF6347",
          "crimson": "DC143C", "limegreen": "32CD32", "forestgreen": "228B22", "darkorange": "FF8C00"}
_COLOUR = re.compile(r"#([0-9a-f]{6}|[0-9a-f]{3})\b|rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)|\b([a-z]+)\b", re.I)
_BACKGROUND = re.compile(r"background(?:-color)?\s*:\s*([^;]+)", re.I)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
MAX_SPAN = 64


def read_html(path: Path, source: str) -> Document:
    return html_to_document(path.read_bytes(), source, "html")


def read_mhtml(path: Path, source: str) -> Document:
    """A single-file web page: the MIME archive's HTML part, read as a page."""
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    part = _html_part(message)
    if part is None:
        raise IngestError("bad_mhtml", "a web archive (.mhtml) holding no HTML page")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raise IngestError("bad_mhtml", "a web archive (.mhtml) whose page cannot be decoded")
    charset = part.get_content_charset()
    data = payload.decode(charset, errors="replace").encode("utf-8") if charset else payload
    return html_to_document(data, source, "mhtml", "utf-8" if charset else None)


def _html_part(message: Any) -> EmailMessage | None:
    """The page: the part the archive names as its start, else its first HTML part."""
    parts = [p for p in message.walk() if p.get_content_type() in ("text/html", "application/xhtml+xml")]
    start = (message.get_param("start") or "").strip("<>") if message.is_multipart() else ""
    for part in parts:
        if start and (part.get("Content-ID") or "").strip("<>") == start:
            return part
    return parts[0] if parts else None


def html_to_document(data: bytes, source: str, fmt: str, encoding: str | None = None) -> Document:
    parser = lxml.html.HTMLParser(encoding=encoding, remove_comments=True, remove_pis=True, no_network=True,
                                  huge_tree=False)
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError("bad_html", "a web page with no content to read") from exc
    page = _Page(_class_fills(root))
    title = _title(root)
    properties = {"title": title} if title else {}
    date = _meta_date(root)
    if date:
        properties["date"] = date
    for el in list(root.iter(*_DROP)):
        el.drop_tree()
    body = root.find("body") if root.find("body") is not None else root
    blocks: list[Block] = [Paragraph(text=title, style="Title", bold=True)] if title else []
    blocks += list(page.blocks(body))
    return Document(source=source, format=fmt, pages=None, blocks=blocks, properties=properties)


def _title(root: Any) -> str:
    el = root.find(".//title")
    text = " ".join((el.text_content() if el is not None else "").split())
    return text.split(" | ")[0].strip()  # "Plan update | Borough Council": the site's name is not the paper's


def _meta_date(root: Any) -> str:
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if name in _DATE_META and (meta.get("content") or "").strip():
            return meta.get("content").strip()
    return ""


def _class_fills(root: Any) -> dict[str, str]:
    """Background colours the page's own style sheets give classes (".red", "td.done")."""
    fills: dict[str, str] = {}
    for style in root.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", style.text or "", flags=re.S)
        for selectors, declarations in _RULE.findall(css):
            colour = _background(declarations)
            if colour is None:
                continue
            for selector in selectors.split(","):
                m = re.fullmatch(r"\s*(?:t[dhr])?\.([\w-]+)\s*", selector)
                if m:
                    fills[m.group(1)] = colour
    return fills


def _background(style: str) -> str | None:
    m = _BACKGROUND.search(style or "")
    return parse_colour(m.group(1)) if m else None


def parse_colour(value: str) -> str | None:
    """"RRGGBB" from a CSS colour: #rgb, #rrggbb, rgb(), or a common colour name."""
    m = _COLOUR.search(value.strip())
    if m is None:
        return None
    if m.group(1):
        hexa = m.group(1)
        return (hexa if len(hexa) == 6 else "".join(c * 2 for c in hexa)).upper()
    if m.group(2):
        return "".join(f"{min(int(v), 255):02X}" for v in m.group(2, 3, 4))
    return _NAMED.get(m.group(5).lower())


class _Page:
    def __init__(self, class_fills: dict[str, str]) -> None:
        self.class_fills = class_fills

    def fill(self, el: Any) -> str | None:
        own = _background(el.get("style", "")) or (parse_colour(el.get("bgcolor", "")) if el.get("bgcolor") else None)
        if own:
            return own
        return next((self.class_fills[c] for c in (el.get("class") or "").split() if c in self.class_fills), None)

    def blocks(self, el: Any) -> Iterator[Block]:
        """The element's paragraphs and tables in reading order: inline runs of text
        become paragraphs, block elements and tables break them."""
        run: list[str] = [el.text or ""]
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag == "br":
                run.append("\n")
            elif tag in _BLOCKS or (tag and child.find(".//table") is not None):
                yield from _paragraph(run, el)
                run = []
                yield from self.table(child) if tag == "table" else self.block(child)
            elif tag:
                run.append(_inline_text(child))
            run.append(child.tail or "")
        yield from _paragraph(run, el)

    def block(self, el: Any) -> Iterator[Block]:
        if el.tag in ("ul", "ol"):
            yield from self.list_items(el)
            return
        yield from self.blocks(el)

    def list_items(self, lst: Any) -> Iterator[Block]:
        number = _start(lst)
        for li in lst:
            if not isinstance(li.tag, str) or li.tag != "li":
                continue
            label = _list_label(lst, number) if lst.tag == "ol" else "•"
            number += 1
            first = True
            depth = sum(1 for a in li.iterancestors() if a.tag in ("ul", "ol")) - 1
            for block in self.blocks(li):
                if first and isinstance(block, Paragraph):
                    block.label, block.level = label, max(depth, 0)
                    first = False
                yield block

    def table(self, tbl: Any) -> Iterator[Block]:
        rows = _rows(tbl)
        if _is_layout(tbl):  # a page laid out in a table: its content, tables and all, in order
            for tr in rows:
                for td in tr:
                    if isinstance(td.tag, str) and td.tag in ("td", "th"):
                        yield from self.blocks(td)
            return
        caption = tbl.find("caption")
        if caption is not None:
            yield from _paragraph([caption.text_content()], caption)
        yield self.grid(rows)

    def grid(self, rows: list[Any]) -> Table:
        out: list[Row] = []
        below: dict[int, tuple[int, int, str | None]] = {}  # col -> (rows still covered, span, fill)
        for tr in rows:
            cells: list[Cell] = []
            col = 0
            row_fill = self.fill(tr)
            tds = [td for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]
            for td in tds:
                col = _continued(cells, below, col)
                cell = self.cell(td, col, row_fill)
                cells.append(cell)
                down = _span(td.get("rowspan"), len(rows))
                if down > 1:
                    below[col] = (down - 1, cell.col_span, cell.fill)
                col += cell.col_span
            _continued(cells, below, col, to_end=True)
            header = bool(tds) and all(td.tag == "th" for td in tds) or tr.getparent().tag == "thead"
            out.append(Row(cells=cells, header=header))
        return Table(rows=_banners_in_body(out, [tr.getparent().tag == "thead" for tr in rows]))

    def cell(self, td: Any, col: int, row_fill: str | None) -> Cell:
        paragraphs = cell_paragraphs(self.blocks(td))
        return Cell(paragraphs=paragraphs, col=col, col_span=_span(td.get("colspan"), MAX_SPAN),
                    fill=self.fill(td) or row_fill)


def _banners_in_body(rows: list[Row], in_head: list[bool]) -> list[Row]:
    """A row of one <th> spanning the table, below a row of several cells and outside
    <thead>, is a group's title (a banner, as a Word row of merged cells is), not a header:
    a header cell marks what a cell is, only <thead> repeats."""
    width = max((c.col + c.col_span for r in rows for c in r.cells), default=0)
    out, seen_columns = [], False
    for row, head in zip(rows, in_head, strict=True):
        spans = len(row.cells) == 1 and row.cells[0].col_span == width > 1
        out.append(replace(row, header=False) if row.header and spans and seen_columns and not head else row)
        seen_columns = seen_columns or len(row.cells) > 1
    return out


def _continued(cells: list[Cell], below: dict[int, tuple[int, int, str | None]], col: int,
               to_end: bool = False) -> int:
    """Cells continuing a row span from above, at ``col`` (or every one left, at the end
    of a row); the next free column."""
    while col in below or (to_end and any(c >= col for c in below)):
        col = col if col in below else min(c for c in below if c >= col)
        left, span, fill = below.pop(col)
        cells.append(Cell(paragraphs=[], col=col, col_span=span, continued=True, fill=fill))
        if left > 1:
            below[col] = (left - 1, span, fill)
        col += span
    return col


def _span(value: str | None, most: int) -> int:
    text = (value or "").strip()
    if text == "0":
        return most  # rowspan="0": to the end of the table
    return max(1, min(int(text), most)) if text.isascii() and text.isdigit() else 1


def _rows(tbl: Any) -> list[Any]:
    """The table's own rows (not a nested table's), head, bodies and foot in order."""
    rows = []
    for child in tbl:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def _is_layout(tbl: Any) -> bool:
    """A table used to lay out a page: it holds a real table (two rows or more of two
    cells or more) inside one of its cells."""
    for inner in tbl.iterdescendants("table"):
        rows = _rows(inner)
        if len(rows) >= 2 and max(len([td for td in tr if td.tag in ("td", "th")]) for tr in rows) >= 2:
            return True
    return False


def _inline_text(el: Any) -> str:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            parts.append("\n" if child.tag == "br" else _inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _paragraph(run: list[str], el: Any) -> Iterator[Paragraph]:
    tag = el.tag if isinstance(el.tag, str) else ""
    style = f"Heading {tag[1]}" if re.fullmatch(r"h[1-6]", tag) else ""
    bold = bool(style) or tag in ("b", "strong", "th") or _all_bold(el)
    for lines in typed_paragraphs([" ".join(line.split()) for line in "".join(run).split("\n")]):
        yield Paragraph(text="\n".join(lines), style=style, bold=bold)


def _all_bold(el: Any) -> bool:
    kids = [c for c in el if isinstance(c.tag, str)]
    return not (el.text or "").strip() and len(kids) == 1 and kids[0].tag in ("b", "strong") \
        and not (kids[0].tail or "").strip()


def _start(lst: Any) -> int:
    value = (lst.get("start") or "").strip()
    return int(value) if value.isascii() and value.lstrip("-").isdigit() else 1


_LIST_TYPES = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def _list_label(lst: Any, number: int) -> str:
    return f"{format_number(number, _LIST_TYPES.get(lst.get('type') or '', 'decimal'))}."
