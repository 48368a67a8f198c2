"""Read a Word .docx into the document model.

Walks the body XML in reading order so paragraphs and tables keep their places, turns
automatic list numbering into the labels Word shows, and reads vertical merges
(``w:vMerge``), horizontal spans (``w:gridSpan``) and cell shading (``w:shd``).
"""
from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from actionplans.ingest.errors import IngestError, one_line
from actionplans.ingest.layout import typed_paragraphs
from actionplans.ingest.model import Cell, Document, Paragraph, Row, Table, cell_paragraphs, only_symbols
from actionplans.ingest.numbering import Numbering, W, parse_numbering
from actionplans.ingest.safety import DocxLimits, docx_package


class _Styles:
    """Paragraph styles: display names and the list numbering a style carries."""

    def __init__(self, root: Any | None) -> None:
        self.names: dict[str, str] = {}
        self.num: dict[str, tuple[str, int]] = {}
        self.based_on: dict[str, str] = {}
        if root is None:
            return
        for style in root.iter(W + "style"):
            sid = style.get(W + "styleId", "")
            name = style.find(W + "name")
            self.names[sid] = name.get(W + "val", sid) if name is not None else sid
            based = style.find(W + "basedOn")
            if based is not None:
                self.based_on[sid] = based.get(W + "val", "")
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is not None:
                self.num[sid] = _num_pr(num_pr, (None, 0))

    def numbering(self, style_id: str) -> tuple[str, int] | None:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            if style_id in self.num:
                return self.num[style_id]
            style_id = self.based_on.get(style_id, "")
        return None


def _num_pr(num_pr: Any, default: tuple[str | None, int]) -> tuple[str, int]:
    num_id = num_pr.find(W + "numId")
    ilvl = num_pr.find(W + "ilvl")
    nid = num_id.get(W + "val") if num_id is not None else default[0]
    lvl = ilvl.get(W + "val") if ilvl is not None else None
    return (nid or "", int(lvl) if lvl and lvl.isdigit() else default[1])


class _Reader:
    def __init__(self, numbering: Numbering, styles: _Styles) -> None:
        self.numbering = numbering
        self.styles = styles

    def paragraph(self, p: Any) -> Paragraph:
        ppr = p.find(W + "pPr")
        style_id = ""
        label = ""
        if ppr is not None:
            ps = ppr.find(W + "pStyle")
            style_id = ps.get(W + "val", "") if ps is not None else ""
        numref = self._numref(ppr, style_id)
        level = 0
        if numref is not None:
            label = self.numbering.label(*numref)
            level = numref[1] if label else 0
        bold = bool(p.findall(f".//{W}rPr/{W}b")) and not _has_plain_run(p)
        return Paragraph(text=_text(p), label=label, style=self.styles.names.get(style_id, style_id), bold=bold,
                         level=level)

    def _numref(self, ppr: Any | None, style_id: str) -> tuple[str, int] | None:
        style_ref = self.styles.numbering(style_id)
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is None:
            return style_ref
        return _num_pr(num_pr, style_ref or (None, 0))

    def blocks(self, parent: Any) -> Iterator[Paragraph | Table]:
        for child in parent:
            if child.tag == W + "p":
                yield self.paragraph(child)
            elif child.tag == W + "tbl":
                yield self.table(child)
            elif child.tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    yield from self.blocks(content)
            elif child.tag in (W + "customXml", W + "ins"):
                yield from self.blocks(child)

    def table(self, tbl: Any) -> Table:
        rows: list[Row] = []
        for tr in _children(tbl, "tr"):
            trpr = tr.find(W + "trPr")
            col = _count(_attr(trpr, "gridBefore"), 0) if trpr is not None else 0
            header = trpr is not None and trpr.find(W + "tblHeader") is not None
            cells: list[Cell] = []
            for tc in _children(tr, "tc"):
                cell = self.cell(tc, col)
                cells.append(cell)
                col += cell.col_span
            rows.append(Row(cells=cells, header=header))
        return Table(rows=rows)

    def cell(self, tc: Any, col: int) -> Cell:
        tcpr = tc.find(W + "tcPr")
        span = _count(_attr(tcpr, "gridSpan"), 1) if tcpr is not None else 1
        vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
        continued = vmerge is not None and vmerge.get(W + "val", "continue") != "restart"
        paragraphs = [q for p in cell_paragraphs(self.blocks(tc)) for q in _typed(p)]
        fill = _fill(tcpr) or _symbol_colour(tc, paragraphs)
        return Cell(paragraphs=paragraphs, col=col, col_span=max(span, 1), continued=continued, fill=fill)


def _typed(p: Paragraph) -> list[Paragraph]:
    """A cell's paragraph whose lines were broken by hand (Shift+Enter) into the paragraphs
    the page shows: after a blank line or at a typed list marker; the first keeps Word's
    label and level."""
    groups = typed_paragraphs(p.text.split("\n")) if "\n" in p.text else []
    if len(groups) < 2:
        return [p]
    first = replace(p, text="\n".join(groups[0]))
    return [first, *(Paragraph(text="\n".join(g), style=p.style, bold=p.bold) for g in groups[1:])]


def _children(el: Any, tag: str) -> Iterator[Any]:
    """Direct children named ``tag``, looking through content controls and insertions."""
    for child in el:
        if child.tag == W + tag:
            yield child
        elif child.tag in (W + "sdt", W + "customXml", W + "ins"):
            inner = child.find(W + "sdtContent") if child.tag == W + "sdt" else child
            if inner is not None:
                yield from _children(inner, tag)


def _attr(pr: Any, tag: str) -> str | None:
    el = pr.find(W + tag)
    return el.get(W + "val") if el is not None else None


MAX_COLUMNS = 64  # Word's own limit is 63: a larger span or offset is damage, not layout


def _count(value: str | None, default: int) -> int:
    """A span or offset as Word writes it: ASCII digits. Anything else (a damaged or
    hostile file's "abc", "-3", "²") is the default, and a count is capped at the most
    columns Word allows, as Word itself reads such files."""
    text = (value or "").strip()
    if not (text.isascii() and text.isdigit()):
        return default
    return min(int(text), MAX_COLUMNS)


def _fill(tcpr: Any | None) -> str | None:
    shd = tcpr.find(W + "shd") if tcpr is not None else None
    if shd is None:
        return None
    fill = (shd.get(W + "fill") or "").upper()
    if len(fill) == 6 and fill != "AUTO" and all(c in "0123456789ABCDEF" for c in fill):
        return fill
    return None


def _symbol_colour(tc: Any, paragraphs: list[Paragraph]) -> str | None:
    """The colour of a cell's text where it is only symbols ("●" in red: a status shown
    by colour), one colour in every run that shows one, other than black or white."""
    if not only_symbols(" ".join(p.text for p in paragraphs)):
        return None
    colours = {_run_colour(r) for r in tc.iter(W + "r") if r.findtext(W + "t") or r.find(W + "sym") is not None}
    colour = (colours.pop() or "").upper() if len(colours) == 1 else ""
    if len(colour) != 6 or colour in ("000000", "FFFFFF") or any(c not in "0123456789ABCDEF" for c in colour):
        return None
    return colour


def _run_colour(run: Any) -> str | None:
    rpr = run.find(W + "rPr")
    return _attr(rpr, "color") if rpr is not None else None


def _has_plain_run(p: Any) -> bool:
    for r in p.iter(W + "r"):
        if r.find(W + "t") is not None:
            rpr = r.find(W + "rPr")
            if rpr is None or rpr.find(W + "b") is None:
                return True
    return False


def _symbol(sym: Any) -> str:
    """A symbol inserted from a symbol font (``w:sym``, Wingdings' circle "F06C"): its
    character, in the private-use area where Word puts a symbol font's glyphs."""
    code = (sym.get(W + "char") or "").strip()
    if not (code.isascii() and 0 < len(code) <= 4 and all(c in "0123456789abcdefABCDEF" for c in code)):
        return ""
    value = int(code, 16)
    return chr(value if value >= 0xF000 else 0xF000 + (value & 0xFF))  # "6C" is written for "F06C" too


def _text(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter(W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen", W + "delText", W + "sym"):
        if el.tag == W + "t":
            parts.append(el.text or "")
        elif el.tag == W + "sym":
            parts.append(_symbol(el))
        elif el.tag == W + "tab":
            parts.append("\t")
        elif el.tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif el.tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


_LXML_WHERE = re.compile(r"\s*\(<string>, line \d+\)$")


def read_docx(path: Path, source: str, limits: DocxLimits | None = None) -> Document:
    package = docx_package(path, limits or DocxLimits())  # refuses zip bombs and XML entities unopened
    try:
        document = docx.Document(package)
    except PackageNotFoundError as exc:
        raise IngestError("not_docx", "not a Word .docx package") from exc
    except KeyError as exc:
        raise IngestError("bad_docx", f"Word package is missing a part ({exc})") from exc
    except etree.XMLSyntaxError as exc:  # lxml's words name the line; "(<string>, line 1)" says nothing
        detail = one_line(_LXML_WHERE.sub("", str(exc)))
        raise IngestError("bad_docx", f"damaged Word file: a part is not well-formed XML ({detail})") from exc
    except ValueError as exc:  # python-docx's words name the file, whole path and all: not repeated
        kind = str(exc).rpartition("content type is ")[2].strip("'\" ")
        if "is not a Word file" in str(exc) and kind:
            raise IngestError("not_docx", f"not a Word document: its main part is {one_line(kind, 80)}") from exc
        raise IngestError("bad_docx", "damaged Word file: the package cannot be opened") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise IngestError("bad_docx", "damaged Word file: a part of the zip package is corrupt") from exc
    part = document.part
    numbering_root = None
    try:
        numbering_root = part.numbering_part.element
    except (NotImplementedError, KeyError):
        pass
    styles_root = None
    try:
        styles_root = part.styles.element
    except (NotImplementedError, KeyError):
        pass
    reader = _Reader(parse_numbering(numbering_root), _Styles(styles_root))
    body = document.element.body
    blocks = list(reader.blocks(body))
    furniture: list[Paragraph] = []
    for section in document.sections:
        for hf in (section.header, section.footer):
            if not hf.is_linked_to_previous:
                furniture.extend(b for b in reader.blocks(hf._element) if isinstance(b, Paragraph))
    props = document.core_properties
    properties = {k: v for k, v in (("title", props.title or ""), ("author", props.author or "")) if v}
    if props.created:
        properties["created"] = props.created.date().isoformat()
    return Document(source=source, format="docx", pages=None, blocks=blocks, furniture=furniture,
                    properties=properties)
