"""Read an OpenDocument text (.odt) into the document model, as a Word file is read.

The package is checked as a Word package is (``ingest.packages``), then content.xml and
styles.xml are parsed with lxml, entities never resolved. Paragraphs and tables keep
their reading order; a table cell's background is its fill; cells spanning rows leave
``continued`` cells under them; list numbers are computed from the list styles as a word
processor shows them (OpenDocument, like Word, keeps them out of the text).
"""
from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actionplans.ingest.errors import IngestError
from actionplans.ingest.model import Block, Cell, Document, Paragraph, Row, Table, cell_paragraphs
from actionplans.ingest.numbering import format_number
from actionplans.ingest.packages import check_package, read_xml
from actionplans.ingest.safety import DocxLimits

OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
FO = "{urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

WHAT = "OpenDocument file"
_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "►", "\uf0fc": "✓", "\u2022": "•"}
MAX_REPEAT = 256  # columns or rows a repeated cell is copied into; more is a sheet's empty tail


@dataclass(frozen=True)
class ListLevel:
    fmt: str = ""  # a Word number format ("decimal"); "" for a bullet or no number
    prefix: str = ""
    suffix: str = ""
    bullet: str = ""
    display: int = 1  # how many levels the label shows ("1.2.")
    start: int = 1


@dataclass
class Styles:
    """The styles of both parts: what later readers need of each, by style name."""

    parent: dict[str, str] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)  # paragraph styles' display names
    fill: dict[str, str] = field(default_factory=dict)  # cell styles' background
    bold: set[str] = field(default_factory=set)
    hidden: set[str] = field(default_factory=set)  # table styles not displayed (sheets)
    list_of: dict[str, str] = field(default_factory=dict)  # paragraph style -> list style
    lists: dict[str, dict[int, ListLevel]] = field(default_factory=dict)

    def chain(self, name: str) -> Iterator[str]:
        seen: set[str] = set()
        while name and name not in seen:
            seen.add(name)
            yield name
            name = self.parent.get(name, "")

    def is_bold(self, name: str) -> bool:
        return any(n in self.bold for n in self.chain(name))

    def name(self, style: str) -> str:
        return next((self.display[n] for n in self.chain(style) if n in self.display), style)


def read_styles(*roots: Any) -> Styles:
    styles = Styles()
    for root in roots:
        for el in root.iter(STYLE + "style", STYLE + "default-style"):
            _style(styles, el)
        for el in root.iter(TEXT + "list-style"):
            styles.lists[el.get(STYLE + "name", "")] = _list_levels(el)
    return styles


def _style(styles: Styles, el: Any) -> None:
    name = el.get(STYLE + "name", "")
    if el.get(STYLE + "parent-style-name"):
        styles.parent[name] = el.get(STYLE + "parent-style-name")
    if el.get(STYLE + "display-name"):
        styles.display[name] = el.get(STYLE + "display-name")
    if el.get(STYLE + "list-style-name"):
        styles.list_of[name] = el.get(STYLE + "list-style-name")
    cell = el.find(STYLE + "table-cell-properties")
    colour = (cell.get(FO + "background-color") or "") if cell is not None else ""
    if len(colour) == 7 and colour.startswith("#"):
        styles.fill[name] = colour[1:].upper()
    text = el.find(STYLE + "text-properties")
    if text is not None and text.get(FO + "font-weight") in ("bold", "700", "800", "900"):
        styles.bold.add(name)
    table = el.find(STYLE + "table-properties")
    if table is not None and table.get(TABLE + "display") == "false":
        styles.hidden.add(name)


def _list_levels(el: Any) -> dict[int, ListLevel]:
    levels: dict[int, ListLevel] = {}
    for lvl in el:
        level = to_int(lvl.get(TEXT + "level"), 1)
        if lvl.tag == TEXT + "list-level-style-number":
            fmt = _FORMATS.get(lvl.get(STYLE + "num-format") or "", "")
            levels[level] = ListLevel(fmt=fmt, prefix=lvl.get(STYLE + "num-prefix") or "",
                                      suffix=lvl.get(STYLE + "num-suffix") or "",
                                      display=to_int(lvl.get(TEXT + "display-levels"), 1),
                                      start=to_int(lvl.get(TEXT + "start-value"), 1))
        elif lvl.tag == TEXT + "list-level-style-bullet":
            char = lvl.get(TEXT + "bullet-char") or "•"
            levels[level] = ListLevel(bullet=_BULLETS.get(char, char))
    return levels


def to_int(value: str | None, default: int) -> int:
    text = (value or "").strip()
    return min(int(text), 10_000) if text.isascii() and text.isdigit() else default


class Lists:
    """List counters, as a word processor keeps them: a list continues the one before it
    where it says so (``continue-numbering``, ``continue-list``), else starts afresh."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.counts: dict[str, list[int]] = {}  # by list style: the count at each level
        self.by_id: dict[str, str] = {}  # xml:id -> its list style

    def start(self, el: Any, style: str) -> None:
        """A top-level list begins: carry on or restart the counters of its style."""
        if el.get(XML_ID):
            self.by_id[el.get(XML_ID)] = style
        continued = el.get(TEXT + "continue-list")
        if continued in self.by_id:
            self.counts[style] = list(self.counts.get(self.by_id[continued], []))
        elif el.get(TEXT + "continue-numbering") != "true":
            self.counts[style] = []

    def label(self, style: str, depth: int, start_value: int | None) -> str:
        levels = self.styles.lists.get(style, {})
        level = levels.get(depth, ListLevel(fmt="decimal", suffix="."))
        if level.bullet:
            return level.bullet
        if not level.fmt:
            return ""
        counts = self.counts.setdefault(style, [])
        del counts[depth:]  # a deeper level restarts under each item above it
        while len(counts) < depth:
            counts.append(levels.get(len(counts) + 1, ListLevel()).start - 1)
        counts[depth - 1] = start_value if start_value is not None else counts[depth - 1] + 1
        shown = []
        for lvl in range(depth - level.display + 1, depth + 1):
            fmt = levels.get(lvl, ListLevel(fmt="decimal")).fmt or "decimal"
            shown.append(format_number(counts[lvl - 1], fmt) if lvl >= 1 else "")
        return f"{level.prefix}{'.'.join(shown)}{level.suffix}"


class _Body:
    """Walks office:text in reading order."""

    def __init__(self, styles: Styles) -> None:
        self.styles = styles
        self.lists = Lists(styles)

    def blocks(self, parent: Any) -> Iterator[Block]:
        for child in parent:
            if child.tag in (TEXT + "p", TEXT + "h"):
                yield self.paragraph(child)
            elif child.tag == TEXT + "list":
                yield from self.list_items(child, "", 1)
            elif child.tag == TABLE + "table":
                yield self.table(child)
            elif child.tag in (TEXT + "section", TEXT + "index-body", TEXT + "table-of-content",
                               TEXT + "illustration-index", TEXT + "alphabetical-index"):
                yield from self.blocks(child)

    def paragraph(self, p: Any, label: str = "") -> Paragraph:
        style = p.get(TEXT + "style-name", "")
        name = self.styles.name(style)
        if p.tag == TEXT + "h":
            name = f"Heading {to_int(p.get(TEXT + 'outline-level'), 1)}"
        spans = [s.get(TEXT + "style-name", "") for s in p.iter(TEXT + "span") if (s.text or "").strip()]
        bold = self.styles.is_bold(style) or (bool(spans) and all(self.styles.is_bold(s) for s in spans)
                                              and not (p.text or "").strip())
        return Paragraph(text=paragraph_text(p), label=label, style=name, bold=bold)

    def list_items(self, lst: Any, style: str, depth: int) -> Iterator[Block]:
        style = lst.get(TEXT + "style-name") or style
        if depth == 1:
            self.lists.start(lst, style)
        for item in lst:
            if item.tag not in (TEXT + "list-item", TEXT + "list-header"):
                continue
            start = item.get(TEXT + "start-value")
            numbered = item.tag == TEXT + "list-item"
            first = True
            for child in item:
                if child.tag in (TEXT + "p", TEXT + "h"):
                    label = ""
                    if first and numbered:
                        label = self.lists.label(style or self.styles.list_of.get(
                            child.get(TEXT + "style-name", ""), ""), depth, int(start) if start and start.isdigit()
                            else None)
                    first = False
                    yield self.paragraph(child, label)
                elif child.tag == TEXT + "list":
                    yield from self.list_items(child, style, depth + 1)
                elif child.tag == TABLE + "table":
                    yield self.table(child)

    def table(self, tbl: Any) -> Table:
        rows: list[Row] = []
        below: dict[int, tuple[int, int, str | None]] = {}  # col -> (rows still covered, span, fill)
        for tr in table_rows(tbl):
            cells: list[Cell] = []
            col = 0
            for tc in tr:
                if tc.tag not in (TABLE + "table-cell", TABLE + "covered-table-cell"):
                    continue
                if tc.tag == TABLE + "covered-table-cell":
                    if col in below:
                        left, span, fill = below.pop(col)
                        cells.append(Cell(paragraphs=[], col=col, col_span=span, continued=True, fill=fill))
                        if left > 1:
                            below[col] = (left - 1, span, fill)
                    col += 1
                    continue
                cell = self.cell(tc, col)
                cells.append(cell)
                down = to_int(tc.get(TABLE + "number-rows-spanned"), 1)
                if down > 1:
                    below[col] = (down - 1, cell.col_span, cell.fill)
                col += 1
            rows.append(Row(cells=cells, header=tr.getparent().tag == TABLE + "table-header-rows"))
        return Table(rows=rows)

    def cell(self, tc: Any, col: int) -> Cell:
        paragraphs = cell_paragraphs(self.blocks(tc))
        span = max(1, min(to_int(tc.get(TABLE + "number-columns-spanned"), 1), 64))
        return Cell(paragraphs=paragraphs, col=col, col_span=span, fill=self.styles.fill.get(
            tc.get(TABLE + "style-name", "")))


def table_rows(tbl: Any) -> Iterator[Any]:
    """A table's rows, through header-row, row and row-group wrappers."""
    for child in tbl:
        if child.tag == TABLE + "table-row":
            yield child
        elif child.tag in (TABLE + "table-header-rows", TABLE + "table-rows", TABLE + "table-row-group"):
            yield from table_rows(child)


def paragraph_text(p: Any) -> str:
    """A paragraph's text: spaces, tabs and line breaks as typed; notes, frames and
    deleted text left out."""
    parts: list[str] = [p.text or ""]
    for child in p:
        tag = child.tag
        if tag == TEXT + "s":
            parts.append(" " * to_int(child.get(TEXT + "c"), 1))
        elif tag == TEXT + "tab":
            parts.append("\t")
        elif tag == TEXT + "line-break":
            parts.append("\n")
        elif tag in (TEXT + "span", TEXT + "a", TEXT + "meta", TEXT + "ruby", TEXT + "ruby-base"):
            parts.append(paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def open_parts(path: Path, limits: DocxLimits) -> tuple[Any, Any | None, Any | None]:
    """content.xml, styles.xml and meta.xml, parsed safely (the last two None if absent)."""
    check_package(path, limits, WHAT)
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            content = read_xml(z, "content.xml", WHAT)
            styles = read_xml(z, "styles.xml", WHAT) if "styles.xml" in names else None
            meta = read_xml(z, "meta.xml", WHAT) if "meta.xml" in names else None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise IngestError("bad_package", f"damaged {WHAT}: a part of its zip package is corrupt") from exc
    return content, styles, meta


def properties(meta: Any | None) -> dict[str, str]:
    if meta is None:
        return {}
    out = {}
    for key, tag in (("title", DC + "title"), ("author", DC + "creator"), ("created", META + "creation-date")):
        el = meta.find(f".//{tag}")
        if el is not None and (el.text or "").strip():
            out[key] = el.text.strip()[:10] if key == "created" else el.text.strip()
    return out


def read_odt(path: Path, source: str, limits: DocxLimits | None = None) -> Document:
    content, styles_root, meta = open_parts(path, limits or DocxLimits())
    styles = read_styles(*(r for r in (styles_root, content) if r is not None))
    text = content.find(f"{OFFICE}body/{OFFICE}text")
    if text is None:
        raise IngestError("not_odt", "not an OpenDocument text: its content holds no text body")
    body = _Body(styles)
    blocks = list(body.blocks(text))
    furniture: list[Paragraph] = []
    if styles_root is not None:
        for hf in styles_root.iter(STYLE + "header", STYLE + "footer"):
            furniture.extend(b for b in body.blocks(hf) if isinstance(b, Paragraph))
    return Document(source=source, format="odt", pages=None, blocks=blocks, furniture=furniture,
                    properties=properties(meta))
