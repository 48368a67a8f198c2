"""The whole corpus of odd real-world files (../shared/corpus, ~140 files) in one batch:
every file ends ok, no_plan, skipped or error with a one-line reason, none crashes the run,
none reaches the time limit. One test case per file, so one bad file hides no other.

The batch runs once (two workers, as in CI); each case reads its file's outcome.
"""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from actionplans.batch import BatchReport, BatchSettings, iter_inputs, run_batch_report
from actionplans.extract.records import PaperResult
from actionplans.ingest import ocr
from conftest import SHARED

CORPUS = SHARED / "corpus"
TIMEOUT_S = 120.0


def _files() -> list[str]:
    """The corpus's files as the batch names them (none where ../shared is absent: the
    fixture then skips, saying why)."""
    if not CORPUS.is_dir():
        return ["(corpus absent)"]
    return [source for _, source in iter_inputs([CORPUS])]


NEEDS_PASSWORD = "encrypted PDF: needs a password"
NOT_OURS = "not a PDF, Word, OpenDocument, Excel or web-page file"
CSV = ("skipped", "a CSV data file, not a paper")
# A scan is read by OCR where the extra is installed; without it, the message says how to get it.
SCAN = ("no_plan", "") if ocr.available() else (
    "error", "no text layer (scanned?): reading scans needs the OCR extra (pip install 'actionplans[ocr]')")
TRUNCATED = "damaged PDF: no document catalogue (truncated?)"
WITH_LIBREOFFICE = shutil.which("soffice") is not None

# What the files that test a reason must say, word for word ("" where they must be read).
EXPECTED: dict[str, tuple[str, str]] = {
    "MANIFEST.csv": CSV,
    "SOURCES.csv": CSV,
    "pdf-odd/pdfplumber__empty.pdf": ("error", "empty file (0 bytes)"),
    "pdf-odd/qpdf__bad1.pdf": ("error", NOT_OURS),
    "pdf-odd/qpdf__extend-c-api-bad.pdf": ("error", NOT_OURS),
    "pdf-odd/qpdf__issue-146.pdf": ("error", TRUNCATED),
    "pdf-odd/pdfjs__bug1980958.pdf": ("error", TRUNCATED),
    # pdfminer cannot read these (a looping cross-reference table, a page tree it cannot
    # walk); PDFium can, so their text is read through it, with a warning.
    "pdf-odd/qpdf__append-xref-loop.pdf": ("no_plan", ""),
    "pdf-odd/pdfjs__Brotli-Prototype-FileA.pdf":
        ("error", "PDF uses a feature the reader lacks (Unsupported filter: /'BrotliDecode')"),
    "pdf-odd/pdfjs__prefilled_f1040.pdf": ("no_plan", ""),
    # Encryption: the empty password opens some; the rest need one.
    "pdf-odd/qpdf__V4-aes.pdf": ("no_plan", ""),
    "pdf-odd/pdfjs__empty_protected.pdf": ("no_plan", ""),
    "pdf-odd/camelot__birdisland.pdf": ("no_plan", ""),
    "pdf-odd/pypdf__r2-owner-password.pdf": ("no_plan", ""),
    "pdf-odd/pypdf__r6-empty-password.pdf": ("no_plan", ""),
    "pdf-odd/pdfplumber__password-example.pdf": ("error", NEEDS_PASSWORD),
    "pdf-odd/camelot__health_protected.pdf": ("error", NEEDS_PASSWORD),
    "pdf-odd/pdfjs__saslprep-r6.pdf": ("error", NEEDS_PASSWORD),
    "pdf-odd/pypdf__r2-user-password.pdf": ("error", NEEDS_PASSWORD),
    "pdf-odd/pypdf__r4-aes-user-password.pdf": ("error", NEEDS_PASSWORD),
    "pdf-odd/pypdf__r6-both-passwords.pdf": ("error", NEEDS_PASSWORD),
    "pdf-odd/pypdf__libreoffice-writer-password.pdf": ("error", NEEDS_PASSWORD),
    # Scans.
    "pdf-odd/camelot__image.pdf": SCAN,
    "pdf-odd/pdfplumber__issue-203-decimalize.pdf": SCAN,
    "pdf-odd/pypdf__imagemagick-CCITTFaxDecode.pdf": SCAN,
    "pdf-odd/pypdf__Seige_of_Vicksburg_Sample_OCR.pdf": ("no_plan", ""),  # scanned, with an OCR layer
    # Hangs and bombs in other readers: read here, in bounded time.
    "pdf-odd/pdfjs__bomb_giant.pdf": ("no_plan", ""),
    "pdf-odd/pdfjs__issue11922_reduced.pdf": ("no_plan", ""),
    "pdf-odd/pdfjs__freeculture.pdf": ("no_plan", ""),
    "pdf-odd/pdfplumber__issue-848.pdf": ("no_plan", ""),  # junk before the header
    # Word.
    "docx/msoffcrypto__example_password.docx":
        ("error", "password-protected Word file: save a copy without the password"),
    "docx/msoffcrypto__ecma376standard_password.docx":
        ("error", "password-protected Word file: save a copy without the password"),
    "docx/msoffcrypto__rc4cryptoapi_password.doc":
        ("error", "password-protected Word .doc file: save a copy without the password"),
    "docx/docx2python__nested_paragraphs_in_header3b.docx": ("no_plan", ""),  # links a missing picture
    "docx/docx2python__renamed_document_xml.docx": ("no_plan", ""),
    "action-plans/dfe__workload-and-wellbeing-action-plan.odt": ("ok", ""),  # as its .docx (tests/test_formats.py)
    # A disease-outbreak log: a status beside "Comments/ Action taken" (what was done) is no plan.
    "pdf-tables/camelot__tableception.pdf": ("no_plan", ""),
}
for _name, _what in (("docx/msoffcrypto__plain.doc", "legacy Word .doc file"),
                     ("docx/docx2python__strict.docx", "Word Strict Open XML file"),
                     ("docx/mammoth__strict-format.docx", "Word Strict Open XML file")):
    EXPECTED[_name] = ("no_plan", "") if WITH_LIBREOFFICE else (
        "error", f"{_what}: LibreOffice (soffice) is needed to read it and is not installed; or save the file as .docx")


@pytest.fixture(scope="module")
def corpus_run() -> BatchReport:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (a user's own clone): the corpus lives there")
    return run_batch_report(iter_inputs([CORPUS]), batch=BatchSettings(workers=2, timeout_s=TIMEOUT_S))


def _result(report: BatchReport, source: str) -> PaperResult:
    return next(r for r in report.results if r.source_file == source)


@pytest.mark.parametrize("source", _files())
def test_file_ends_with_a_status_and_a_reason(corpus_run: BatchReport, source: str) -> None:
    result = _result(corpus_run, source)
    stats = corpus_run.stats[source]
    assert stats.seconds < TIMEOUT_S and "timed out" not in result.error
    if result.error:
        assert "\n" not in result.error and len(result.error) < 200
        # The batch's last-resort wording, "could not read (SomeError: ...)", means a
        # reader let an exception through: each kind of failure deserves its own words.
        assert not result.error.startswith(("could not read", "reader crashed", "reader stopped"))
    elif result.skipped:
        assert "\n" not in result.skipped and result.extraction is None
    else:
        assert result.extraction is not None
    if source in EXPECTED:
        status = "error" if result.error else "skipped" if result.skipped else (
            "ok" if result.extraction and result.extraction.actions else "no_plan")
        assert (status, result.error or result.skipped) == EXPECTED[source]


def test_every_file_is_accounted_for(corpus_run: BatchReport) -> None:
    with open(CORPUS / "MANIFEST.csv", encoding="utf-8", newline="") as fh:
        listed = {row["file"] for row in csv.DictReader(fh)}
    names = [r.source_file for r in corpus_run.results]
    assert len(names) == len(set(names))
    assert listed <= set(names)
    assert set(EXPECTED) <= set(names), "an expected corpus file is gone: update EXPECTED"
    assert len(names) == sum(1 for p in Path(CORPUS).rglob("*") if p.is_file())


def test_no_council_paper_of_the_archive_holds_a_plan(corpus_run: BatchReport) -> None:
    """The county's 72 committee papers (budgets, minutes, risk registers, strategies)
    hold no action plan: a rule that finds one there finds a plan where there is none."""
    council = [r for r in corpus_run.results if r.source_file.startswith("council-papers/")]
    assert len(council) >= 70
    found = [(r.source_file, len(r.extraction.actions)) for r in council if r.extraction and r.extraction.actions]
    assert found == []
