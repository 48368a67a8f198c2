"""Scanned pages: a photocopy of a printed plan table and of its glossary of officer
codes, saved as a PDF with no text.

Each page is drawn with Pillow (grey paper, slightly skewed, speckled), JPEG-compressed
and placed on an A4 landscape page by reportlab. Nothing on the pages is text, as with
a paper that was printed, signed and scanned back in. The plan's lead officers are
codes ("HoS") that the glossary on the second page defines. Deterministic: a seeded
noise.
"""
from __future__ import annotations

import io
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

DPI = 150
FONT = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
BOLD = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"
FALLBACK = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

HEADERS = ("No.", "Recommendation", "Action", "Lead officer", "Target date", "RAG")
WIDTHS = (1.2, 6.0, 8.4, 3.8, 2.8, 2.2)  # cm
ROWS = (
    ("1", "Improve the timeliness of initial child protection conferences.",
     "1) Recruit an additional child protection chair.", "HoS", "March 2024", "Amber"),
    ("", "", "2) Daily tracker of conferences due, reviewed by the service manager.", "HoS",
     "January 2024", "Green"),
    ("2", "Strengthen management oversight of children in need plans.",
     "3) Monthly review of all plans open for more than nine months.", "HoCiN",
     "February 2024", "Green"),
    ("", "", "4) Audit 10 plans each month and report to the Improvement Board.", "HoQA",
     "Monthly", "Amber"),
    ("3", "Improve the quality of pathway plans for care leavers.",
     "5) Introduce a pathway plan written to the young person.", "HoPI", "April 2024", "Red"),
)
GLOSSARY_HEADERS = ("Abbreviation", "Officer")
GLOSSARY = (
    ("HoS", "Head of Safeguarding"),
    ("HoCiN", "Head of Children in Need"),
    ("HoQA", "Head of Quality Assurance"),
    ("HoPI", "Head of Performance and Improvement"),
    ("DCS", "Director of Children's Services"),
)
GLOSSARY_WIDTHS = (4.0, 10.0)  # cm


def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    try:
        return ImageFont.truetype(path, size)
    except OSError:
        return ImageFont.truetype(FALLBACK, size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _grid(draw: ImageDraw.ImageDraw, rows: tuple[tuple[str, ...], ...], widths: tuple[float, ...], x0: int,
          y: int, regular: ImageFont.FreeTypeFont, bold: ImageFont.FreeTypeFont) -> int:
    """A ruled table, its first row bold; returns the y under it."""
    px = DPI / 2.54
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + int(w * px))
    for r, row in enumerate(rows):
        font = bold if r == 0 else regular
        cells = [_wrap(draw, text, font, xs[c + 1] - xs[c] - 16) for c, text in enumerate(row)]
        h = max(len(c) for c in cells) * 26 + 18
        for c, lines in enumerate(cells):
            draw.rectangle((xs[c], y, xs[c + 1], y + h), outline=30, width=2)
            for i, line in enumerate(lines):
                draw.text((xs[c] + 8, y + 8 + i * 26), line, font=font, fill=30)
        y += h
    return y


def page_image(number: int = 1) -> Image.Image:
    """The plan (page 1) or its glossary (page 2), as scanned."""
    width, height = (int(v / 72 * DPI) for v in landscape(A4))
    img = Image.new("L", (width, height), 238)
    draw = ImageDraw.Draw(img)
    px = DPI / 2.54
    regular, bold, title = _font(FONT, 20), _font(BOLD, 20), _font(BOLD, 30)
    x0, y = int(2.0 * px), int(2.2 * px)
    if number == 1:
        draw.text((x0, y), "Marshfield County Council – Ofsted Action Plan (signed copy)", font=title, fill=25)
        y = _grid(draw, (HEADERS, *ROWS), WIDTHS, x0, y + int(1.4 * px), regular, bold)
        draw.text((x0, y + 40), "Signed: ..........................  Director of Children's Services    "
                                "Date: 12/03/2024", font=regular, fill=40)
    else:
        draw.text((x0, y), "Abbreviations used in this plan", font=title, fill=25)
        _grid(draw, (GLOSSARY_HEADERS, *GLOSSARY), GLOSSARY_WIDTHS, x0, y + int(1.4 * px), regular, bold)
    img = img.rotate(0.6 if number == 1 else -0.4, resample=Image.Resampling.BICUBIC, fillcolor=238)
    noise = np.random.default_rng(10 + number).normal(0, 9, (height, width))
    speckled = np.clip(np.asarray(img, dtype=np.float64) + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(speckled).filter(ImageFilter.GaussianBlur(0.6))


def write_scan(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1, pageCompression=1)
    c.setCreator("RICOH IM C3000")
    w, h = landscape(A4)
    for number in (1, 2):
        buf = io.BytesIO()
        page_image(number).save(buf, format="JPEG", quality=70)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=w, height=h)
        c.showPage()
    c.save()


__all__ = ["write_scan"]
