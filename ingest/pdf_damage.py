"""Why pdfminer cannot read a PDF's pages, or one page, in words a reader can act on."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pdfminer.pdftypes import resolve1, resolve_all
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from actionplans.ingest.errors import IngestError
from actionplans.ingest.safety import PYTHON_ERRORS, pdf_failure


def made_pages(pdf: Any) -> list[Any]:
    """pdfplumber's pages, or the reason it cannot make them: it reads each page's size as
    it makes the page, and meets a missing or malformed one as a TypeError."""
    try:
        return list(pdf.pages)
    except (*PYTHON_ERRORS, MalformedPDFException, PdfminerException) as exc:
        raise _page_failure(pdf) or pdf_failure(exc) from exc


def _page_failure(pdf: Any) -> IngestError | None:
    """The first page whose size or rotation cannot be read, in words; None if each can."""
    try:
        for number, attrs in enumerate(_page_dicts(pdf.doc), start=1):
            why = _page_fault(attrs)
            if why:
                return IngestError("bad_pdf", f"damaged PDF: page {number} {why}")
    except Exception:  # a page tree too damaged to walk: the caller's words stand
        return None
    return None


_INHERITED = ("MediaBox", "CropBox", "Rotate", "Resources")


def _page_dicts(doc: Any) -> Iterator[dict[str, Any]]:
    """Each page's attributes with those it inherits, in page order, the tree walked as
    pdfminer walks it but nothing parsed: pdfminer stops at the first bad size."""
    stack: list[tuple[Any, dict[str, Any]]] = [(doc.catalog.get("Pages"), {})]
    seen: set[int] = set()
    while stack:
        ref, inherited = stack.pop()
        objid = getattr(ref, "objid", None)
        if objid in seen:
            continue
        if objid is not None:
            seen.add(objid)
        node = resolve1(ref)
        if not isinstance(node, dict):
            continue
        attrs = {**inherited, **node}
        kids = resolve1(node.get("Kids"))
        if isinstance(kids, list):
            passed = {k: v for k, v in attrs.items() if k in _INHERITED}
            stack.extend((kid, passed) for kid in reversed(kids))
        elif getattr(resolve1(node.get("Type")), "name", None) == "Page":
            yield attrs


def _page_fault(attrs: dict[str, Any]) -> str:
    if resolve_all(attrs.get("MediaBox")) is None:
        why = "no MediaBox, and its parent chain loops" if _parent_loops(attrs) else "no MediaBox, nor one inherited"
        return f"has no size ({why})"
    for name in ("MediaBox", "CropBox", "TrimBox", "BleedBox", "ArtBox"):
        box = resolve_all(attrs.get(name, [0, 0, 0, 0]))
        if not (isinstance(box, list) and len(box) == 4 and all(_number(v) for v in box)):
            return f"has a {name} that is not four numbers"
    if not _number(resolve1(attrs.get("Rotate", 0))):
        return "has a rotation (Rotate) that is not a number"
    return ""


def _number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _parent_loops(attrs: dict[str, Any]) -> bool:
    seen: set[int] = set()
    node: Any = attrs
    while isinstance(node, dict) and "Parent" in node:
        ref = node["Parent"]
        objid = getattr(ref, "objid", None)
        if objid is None or objid in seen:
            return objid is not None
        seen.add(objid)
        node = resolve1(ref)
    return False



# What a parser's exception inside a page says about the page, by the pdfminer module (or
# function) it came from.
_TROUBLE = {"font": "a font in it is damaged", "cmapdb": "a font in it is damaged",
            "encodingdb": "a font in it is damaged", "pdfcolor": "a colour in it is damaged",
            "image": "an image in it is damaged", "pdftypes": "a compressed stream in it is damaged",
            "lzw": "a compressed stream in it is damaged", "ascii85": "a compressed stream in it is damaged",
            "runlength": "a compressed stream in it is damaged", "ccitt": "a compressed stream in it is damaged",
            "pdfinterp": "its drawing instructions are damaged", "psparser": "its drawing instructions are damaged"}


def page_trouble(exc: BaseException) -> str:
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    if tb is None:
        return "an object in it is damaged"
    module = str(tb.tb_frame.f_globals.get("__name__", "")).rpartition(".")[2]
    function = tb.tb_frame.f_code.co_name
    key = "font" if "font" in function or module == "pdffont" else module
    return _TROUBLE.get(key, "an object in it is damaged")
