"""A Word cell's lines broken by hand (Shift+Enter) keep the paragraphs the page shows:
a blank line, or a line opening with a typed list marker, starts one, as a PDF page's
lines do; lines that merely wrap by hand stay one paragraph."""
from __future__ import annotations

from pathlib import Path

from docx import Document

from actionplans.ingest.docx import read_docx


def _cell(tmp_path: Path, text: str) -> list[tuple[str, str]]:
    doc = Document()
    doc.add_table(rows=1, cols=2).cell(0, 0).paragraphs[0].add_run(text)  # "\n" is Word's line break
    path = tmp_path / "cell.docx"
    doc.save(str(path))
    return [(p.label, p.text) for p in read_docx(path, path.name).tables[0].rows[0].cells[0].paragraphs]


def test_a_blank_line_starts_a_paragraph(tmp_path: Path) -> None:
    assert _cell(tmp_path, "Lease forty homes\nfrom landlords.\n\nHomes leased for five years.") == [
        ("", "Lease forty homes\nfrom landlords."), ("", "Homes leased for five years.")]


def test_a_typed_bullet_starts_a_paragraph(tmp_path: Path) -> None:
    assert _cell(tmp_path, "\u2022 Offer a worker.\n\u2022 Contact tenants\nearly.") == [
        ("", "\u2022 Offer a worker."), ("", "\u2022 Contact tenants\nearly.")]


def test_lines_broken_by_hand_alone_stay_one_paragraph(tmp_path: Path) -> None:
    assert _cell(tmp_path, "Head of Strategic\nHousing Services") == [("", "Head of Strategic\nHousing Services")]
