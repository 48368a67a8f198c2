"""Every failure carries its kind as a typed value (``ErrorCode``) to documents.csv's
``error_code``, beside the message for people; a file read or skipped has none."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import actionplans
from actionplans.ingest.errors import ErrorCode, IngestError, code_of
from actionplans.output import OutputSettings, write_outputs
from conftest import ROOT


@pytest.mark.parametrize("slug,code", [
    ("bad_pdf", ErrorCode.DAMAGED), ("bad_xlsx", ErrorCode.DAMAGED), ("format_broken_zip", ErrorCode.DAMAGED),
    ("format_empty", ErrorCode.DAMAGED), ("format_html", ErrorCode.NOT_A_PAPER),
    ("format_unknown", ErrorCode.NOT_A_PAPER), ("not_docx", ErrorCode.NOT_A_PAPER), ("excel", ErrorCode.NOT_A_PAPER),
    ("encrypted", ErrorCode.ENCRYPTED), ("encrypted_ooxml", ErrorCode.ENCRYPTED), ("no_text", ErrorCode.NO_TEXT),
    ("needs_ocr", ErrorCode.NO_TEXT), ("zip_bomb", ErrorCode.TOO_LARGE), ("too_large", ErrorCode.TOO_LARGE),
    ("convert_timeout", ErrorCode.CONVERT_FAILED), ("pdf_feature", ErrorCode.UNSUPPORTED),
    ("memory", ErrorCode.MEMORY),
])
def test_each_reader_slug_has_its_kind(slug: str, code: ErrorCode) -> None:
    assert code_of(slug) is code
    assert IngestError(slug, "why").code is code


def _encrypted_pdf(path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", "owner"))
    c.drawString(72, 720, "Action plan")
    c.save()


def test_documents_csv_names_the_kind_of_each_failure(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "empty.pdf").write_bytes(b"")
    (papers / "truncated.pdf").write_bytes((ROOT / "samples" / "003_oxfordshire_cabinet_ofsted_item.pdf")
                                          .read_bytes()[:2000])
    (papers / "page.docx").write_text("<html><body>not a Word file</body></html>", encoding="utf-8")
    (papers / "notes.txt").write_text("a text file, skipped", encoding="utf-8")
    _encrypted_pdf(papers / "locked.pdf")
    (papers / "plan.docx").write_bytes((ROOT / "samples" / "004_reading_cp_action_plan_2013-08.docx").read_bytes())
    tables = actionplans.run([papers], {"batch": {"cache_dir": None}})
    codes = {d.source_file: (d.status, d.error_code) for d in tables.documents}
    assert codes == {
        "empty.pdf": ("error", "damaged"),
        "truncated.pdf": ("error", "damaged"),
        "page.docx": ("error", "not_a_paper"),
        "notes.txt": ("skipped", ""),
        "locked.pdf": ("error", "encrypted"),
        "plan.docx": ("ok", ""),
    }
    write_outputs(tables, tmp_path / "out", OutputSettings(formats=("csv",)))
    text = (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8-sig")
    rows = {r["source_file"]: r["error_code"] for r in csv.DictReader(io.StringIO(text))}
    assert rows["locked.pdf"] == "encrypted" and rows["plan.docx"] == ""
    assert text.splitlines()[0].endswith(",warnings,error_code")  # added after the contract's columns


def test_a_file_over_the_size_limit_is_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.4\n" + b"0" * (2 << 20))
    tables = actionplans.run([big], {"batch": {"cache_dir": None}, "ingest": {"max_file_mb": 1}})
    assert (tables.documents[0].status, tables.documents[0].error_code) == ("error", "too_large")
