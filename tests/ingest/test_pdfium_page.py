"""PdfiumPage against pdfplumber's Page: the same characters, drawings and, through
``read_page``, the same blocks, on every page of the repo's test papers."""
from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from actionplans.ingest.pdf import PdfSettings
from actionplans.ingest.pdf_page import read_page
from actionplans.ingest.pdfium_fonts import font_table
from actionplans.ingest.pdfium_page import PdfiumPage

ROOT = Path(__file__).resolve().parents[2]
# The scanned fixture has no text layer: nothing to compare.
PAPERS = sorted(p for p in [*ROOT.glob("samples/*.pdf"), *ROOT.glob("tests/fixtures/**/*.pdf")]
                if "scanned" not in p.name)
TOLERANCE = 0.05  # points: PDFium keeps positions as 32-bit floats, pdfminer as 64-bit


def _pages() -> Iterator[tuple[Path, int]]:
    for path in PAPERS:
        with pdfplumber.open(path) as pdf:
            count = len(pdf.pages)
        for index in range(count):
            yield path, index


def _plain(value: Any) -> Any:
    """A block as nested dicts and lists, to compare field by field."""
    if is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)} | {"type": type(value).__name__}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _differences(a: Any, b: Any, where: str = "") -> list[str]:
    if isinstance(a, float) and isinstance(b, float):
        return [f"{where}: {a} != {b}"] if abs(a - b) > TOLERANCE else []
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(a.keys() | b.keys()) for d in _differences(a.get(k), b.get(k), f"{where}.{k}")]
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} items != {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b, strict=True)) for d in _differences(x, y, f"{where}[{i}]")]
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]


@pytest.mark.parametrize(("path", "index"), list(_pages()),
                         ids=lambda v: v.name if isinstance(v, Path) else f"p{v + 1}")
def test_read_page_is_the_same_through_pdfium(path: Path, index: int) -> None:
    settings = PdfSettings()
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[index]
        fonts = font_table(page)
        expected = read_page(page, index + 1, settings)
    doc = pypdfium2.PdfDocument(str(path))
    try:
        got = read_page(PdfiumPage(doc, index, fonts), index + 1, settings)
    finally:
        doc.close()
    assert _differences(_plain(expected), _plain(got)) == []


# --- a page built here, with known values -------------------------------------------


@pytest.fixture(scope="module")
def simple_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An A4 page: "Hello World" in 12pt Helvetica at (72, 700), "Bold" in 10pt
    Helvetica-Bold at (72, 680), a red filled rectangle, a blue line and a grey
    rounded rectangle (a curve to pdfminer)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont("Helvetica", 12)
    c.drawString(72, 700, "Hello World")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(72, 680, "Bold")
    c.setFillColorRGB(1, 0, 0)
    c.rect(100, 500, 200, 50, fill=1, stroke=0)
    c.setStrokeColorRGB(0, 0, 1)
    c.line(72, 450, 300, 450)
    c.setFillColorRGB(0.5, 0.5, 0.5)
    c.roundRect(100, 300, 100, 50, 10, fill=1, stroke=1)
    c.showPage()
    c.save()
    path = tmp_path_factory.mktemp("pdfium_page") / "simple.pdf"
    path.write_bytes(buf.getvalue())
    return path


@pytest.fixture()
def pages(simple_pdf: Path) -> Iterator[tuple[Any, PdfiumPage]]:
    with pdfplumber.open(simple_pdf) as pdf:
        page = pdf.pages[0]
        doc = pypdfium2.PdfDocument(str(simple_pdf))
        ours = PdfiumPage(doc, 0, font_table(page))
        try:
            yield page, ours
        finally:
            ours.close()
            doc.close()


HEIGHT = 841.8898  # A4 in points, as reportlab writes it


def test_page_size(pages: tuple[Any, PdfiumPage]) -> None:
    _, ours = pages
    assert ours.width == pytest.approx(595.2756, abs=1e-3)
    assert ours.height == pytest.approx(HEIGHT, abs=1e-3)


def test_chars_have_pdfminer_boxes(pages: tuple[Any, PdfiumPage]) -> None:
    plumber, ours = pages
    assert "".join(c["text"] for c in ours.chars) == "Hello WorldBold"
    h = ours.chars[0]
    # x1: Helvetica's H is 722/1000 em; the box runs from the descent (-207/1000 em in
    # Helvetica's metrics) one font size up, in top-down coordinates.
    assert h["x0"] == pytest.approx(72.0)
    assert h["x1"] == pytest.approx(72 + 0.722 * 12, abs=1e-4)
    assert h["bottom"] == pytest.approx(HEIGHT - 700 + 0.207 * 12, abs=1e-3)
    assert h["top"] == pytest.approx(HEIGHT - 700 + 0.207 * 12 - 12, abs=1e-3)
    assert (h["size"], h["fontname"], h["upright"]) == (pytest.approx(12.0), "Helvetica", True)
    assert ours.chars[-1]["fontname"] == "Helvetica-Bold"
    for mine, theirs in zip(ours.chars, plumber.chars, strict=True):
        assert mine["text"] == theirs["text"]
        for key in ("x0", "x1", "top", "bottom", "size"):
            assert mine[key] == pytest.approx(theirs[key], abs=1e-3), key


def test_words_are_pdfplumbers(pages: tuple[Any, PdfiumPage]) -> None:
    plumber, ours = pages
    kwargs: dict[str, Any] = {"extra_attrs": ["size", "fontname"], "keep_blank_chars": False}
    assert [w["text"] for w in ours.extract_words(**kwargs)] == ["Hello", "World", "Bold"]
    assert [w["text"] for w in ours.extract_words(**kwargs)] == [w["text"] for w in plumber.extract_words(**kwargs)]


def test_filled_rectangle(pages: tuple[Any, PdfiumPage]) -> None:
    _, ours = pages
    [rect] = ours.rects
    assert (rect["x0"], rect["x1"]) == (pytest.approx(100.0), pytest.approx(300.0))
    assert rect["top"] == pytest.approx(HEIGHT - 550, abs=1e-3)
    assert rect["bottom"] == pytest.approx(HEIGHT - 500, abs=1e-3)
    assert (rect["fill"], rect["stroke"]) == (True, False)
    assert rect["non_stroking_color"] == (1.0, 0.0, 0.0)
    assert len(ours.rect_edges) == 4


def test_line_and_curve(pages: tuple[Any, PdfiumPage]) -> None:
    plumber, ours = pages
    [line] = ours.lines
    assert (line["x0"], line["x1"]) == (pytest.approx(72.0), pytest.approx(300.0))
    assert line["top"] == line["bottom"] == pytest.approx(HEIGHT - 450, abs=1e-3)
    assert line["stroking_color"] == (0.0, 0.0, 1.0)
    [curve] = ours.curves
    [theirs] = plumber.curves
    assert len(curve["pts"]) == len(theirs["pts"]) == 10  # end points of 4 sides and 4 corners, closed
    assert curve["pts"] == [pytest.approx(p, abs=1e-3) for p in theirs["pts"]]
    assert curve["non_stroking_color"] == pytest.approx((0.5, 0.5, 0.5), abs=0.5 / 255)


def test_tables_from_drawn_cells(tmp_path: Path) -> None:
    """A 2 x 2 grid of stroked rectangles is one table of four cells both ways."""
    path = tmp_path / "grid.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for x in (100, 250):
        for y in (600, 650):
            c.rect(x, y, 150, 50)
            c.drawString(x + 5, y + 20, f"{x},{y}")
    c.showPage()
    c.save()
    settings = PdfSettings()
    with pdfplumber.open(path) as pdf:
        theirs = pdf.pages[0].find_tables(settings.table)
        doc = pypdfium2.PdfDocument(str(path))
        try:
            ours = PdfiumPage(doc, 0, font_table(pdf.pages[0])).find_tables(settings.table)
        finally:
            doc.close()
    assert len(ours) == len(theirs) == 1
    assert sorted(ours[0].cells) == [pytest.approx(c, abs=1e-3) for c in sorted(theirs[0].cells)]
    assert ours[0].bbox == pytest.approx((100.0, HEIGHT - 700, 400.0, HEIGHT - 600), abs=1e-3)


def test_without_pdfminer_fonts_the_text_is_the_same(pages: tuple[Any, PdfiumPage], simple_pdf: Path) -> None:
    """No font table (pdfminer could not read the fonts): PDFium's own metrics, so
    the same text and x positions; the descent may differ."""
    plumber, _ = pages
    doc = pypdfium2.PdfDocument(str(simple_pdf))
    try:
        chars = PdfiumPage(doc, 0).chars
    finally:
        doc.close()
    assert [c["text"] for c in chars] == [c["text"] for c in plumber.chars]
    assert [c["x0"] for c in chars] == [pytest.approx(c["x0"], abs=1e-3) for c in plumber.chars]


def test_a_bad_page_index_raises_for_the_caller_to_fall_back(simple_pdf: Path) -> None:
    doc = pypdfium2.PdfDocument(str(simple_pdf))
    try:
        with pytest.raises(pypdfium2.PdfiumError):
            PdfiumPage(doc, 5)
    finally:
        doc.close()


def test_the_page_reader_setting_reads_every_analysed_page_through_pdfium(monkeypatch: pytest.MonkeyPatch) -> None:
    from actionplans.ingest import pdf as pdf_module

    path = ROOT / "samples" / "004_reading_cp_action_plan_2013-08.pdf"
    made: list[int] = []

    class Counted(PdfiumPage):
        def __init__(self, doc: pypdfium2.PdfDocument, index: int, fonts: Any = None) -> None:
            made.append(index)
            super().__init__(doc, index, fonts)

    monkeypatch.setattr(pdf_module, "PdfiumPage", Counted)
    through_pdfium = pdf_module.read_pdf(path, path.name, PdfSettings(page_reader="pdfium"))
    assert made == list(range(7))  # a short PDF with a plan: every page analysed, each through PDFium
    assert _differences(_plain(through_pdfium), _plain(pdf_module.read_pdf(path, path.name, PdfSettings()))) == []


def test_a_page_pdfium_cannot_read_is_read_by_pdfminer(monkeypatch: pytest.MonkeyPatch) -> None:
    from actionplans.ingest import pdf as pdf_module

    path = ROOT / "samples" / "004_reading_cp_action_plan_2013-08.pdf"

    def fails(*_: Any) -> None:
        raise pypdfium2.PdfiumError("cannot load page")

    monkeypatch.setattr(pdf_module, "PdfiumPage", fails)
    assert pdf_module.read_pdf(path, path.name, PdfSettings(page_reader="pdfium")) == \
        pdf_module.read_pdf(path, path.name, PdfSettings())


def test_page_reader_is_pdfminer_or_pdfium() -> None:
    with pytest.raises(ValueError, match="page_reader"):
        PdfSettings(page_reader="poppler")
