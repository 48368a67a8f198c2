"""What makes a council's archive fast, and what it must not cost: readers that take file
after file keep each file's time and memory limits; a file PDFium reads and pdfminer
cannot is read as text, with a warning; a decompression bomb never reaches PDFium.
(Speed itself is measured by ``make bench``, never asserted here.)"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_batch import memory_bomb_pdf, slow_pdf

from actionplans.batch import BatchSettings, iter_inputs, run_batch, run_batch_report
from actionplans.extract import document_to_extraction
from actionplans.ingest import IngestSettings, PdfSettings, read_document
from actionplans.ingest.pdfium import inflates_past
from actionplans.ingest.prefilter import PrefilterSettings, survey_pdf
from conftest import SAMPLES, SHARED

ODD = SHARED / "corpus" / "pdf-odd"
ARCHIVE = SHARED / "corpus" / "council-papers"
SMALL = [SAMPLES / name for name in ("002_slac_inspection_minutes.docx", "003_oxfordshire_cabinet_ofsted_item.pdf",
                                     "000_reading_slac_inspection_webpage.pdf", "001_reading_cp_action_plan_draft.pdf")]


def _folder(tmp_path: Path, files: dict[str, bytes | Path]) -> list[tuple[Path, str]]:
    for name, content in files.items():
        if isinstance(content, Path):
            shutil.copy(content, tmp_path / name)
        else:
            (tmp_path / name).write_bytes(content)
    return iter_inputs([tmp_path])


# --- readers that take file after file ---------------------------------------------------

def test_small_papers_share_readers_and_give_what_one_reader_each_gives(tmp_path: Path) -> None:
    inputs = _folder(tmp_path, {f"{n}_{p.name}": p for n in range(3) for p in SMALL})
    report = run_batch_report(inputs, batch=BatchSettings(workers=2))
    readers = {s.reader for s in report.stats.values()}
    assert 0 not in readers and len(readers) < len(inputs)
    here = run_batch(inputs, batch=BatchSettings(workers=0))
    assert [r.extraction for r in report.results] == [r.extraction for r in here]


def test_a_slow_file_among_small_ones_is_stopped_at_its_own_limit(tmp_path: Path) -> None:
    inputs = _folder(tmp_path, {**{f"{n}.docx": SMALL[0] for n in range(4)}, "slow.pdf": slow_pdf()})
    report = run_batch_report(inputs, batch=BatchSettings(workers=1, timeout_s=2))
    got = {r.source_file: r for r in report.results}
    assert got["slow.pdf"].error == "timed out after 2 s (stopped)"
    assert all(got[f"{n}.docx"].extraction is not None for n in range(4))
    assert all(report.stats[f"{n}.docx"].seconds < 2 for n in range(4))  # each file's clock is its own


def test_a_memory_failure_ends_its_reader_and_the_next_file_gets_a_fresh_one(tmp_path: Path) -> None:
    inputs = _folder(tmp_path, {"bomb.pdf": memory_bomb_pdf(800), "a.docx": SMALL[0], "b.docx": SMALL[0]})
    report = run_batch_report(inputs, batch=BatchSettings(workers=1, memory_mb=512))
    got = {r.source_file: r for r in report.results}
    assert "memory" in got["bomb.pdf"].error
    assert got["a.docx"].extraction is not None and got["b.docx"].extraction is not None
    assert report.stats["bomb.pdf"].reader not in {report.stats["a.docx"].reader, report.stats["b.docx"].reader}


# --- what PDFium is asked ------------------------------------------------------------------

def test_a_decompression_bomb_never_reaches_pdfium(tmp_path: Path) -> None:
    (tmp_path / "bomb.pdf").write_bytes(memory_bomb_pdf(100))
    assert inflates_past(tmp_path / "bomb.pdf") and survey_pdf(tmp_path / "bomb.pdf", PrefilterSettings()) is None
    assert not inflates_past(SAMPLES / "004_reading_cp_action_plan_2013-08.pdf")


@pytest.mark.parametrize("name,pages,chars", [("pdfjs__prefilled_f1040.pdf", 2, 5000),
                                              ("qpdf__append-xref-loop.pdf", 30, 200)])
def test_a_pdf_pdfminer_cannot_open_and_pdfium_can_is_read_as_text_with_a_warning(name: str, pages: int,
                                                                               chars: int) -> None:
    if not ODD.is_dir():
        pytest.skip("../shared is absent (a user's own clone): the corpus lives there")
    doc = read_document(ODD / name, name)
    assert doc.pages == pages and sum(len(p.text) for p in [*doc.paragraphs, *doc.furniture]) >= chars
    (warning,) = doc.warnings
    assert warning.startswith("read as text only, through PDFium: pdfminer could not read it (")


def test_a_pdf_neither_reader_can_read_keeps_pdfminers_words() -> None:
    if not ODD.is_dir():
        pytest.skip("../shared is absent (a user's own clone): the corpus lives there")
    (result,) = run_batch([(ODD / "pdfjs__PDFBOX-3148-2-fuzzed.pdf", "fuzzed.pdf")], batch=BatchSettings(workers=0))
    assert result.error == "damaged PDF: an object in it is not of the form the format requires"  # PDFium: no text


# --- the real archive ----------------------------------------------------------------------

def test_the_archive_paper_with_plan_like_tables_gives_the_same_rows_as_a_full_analysis() -> None:
    """The paper of ../shared/corpus/council-papers whose tables look most like a plan's
    ("What we have committed to" beside "Led by"): 85 pages, each table page headed alike;
    the pass analyses a part of them and gives the rows a full analysis gives (whatever
    the extractor's verdict on them)."""
    paper = ARCHIVE / "kent__24-00115_-_appendix_a_-_current_health_wellbeing_activity_within_kcc.pdf"
    if not paper.is_file():
        pytest.skip("../shared is absent (a user's own clone): the archive lives there")

    def actions(prefilter: PrefilterSettings) -> list[tuple[object, ...]]:
        """The plan-like tables (an action column beside a lead) as the extractor judges them:
        their pages, header words and verdict, and any action rows; alike whatever the verdict."""
        doc = read_document(paper, paper.name, IngestSettings(pdf=PdfSettings(prefilter=prefilter)))
        extraction = document_to_extraction(doc)
        judged = [(v.pages, tuple(c.text for c in v.headers), v.plan, v.reason) for v in extraction.tables
                  if {"action", "lead"} <= {c.role for c in v.headers}]
        return judged + [(a.page, a.action_number, a.action_text, a.lead_raw) for a in extraction.actions]

    survey = survey_pdf(paper, PrefilterSettings())
    assert survey is not None and len(survey.analyse) < len(survey.pages) / 2
    full = actions(PrefilterSettings(enabled=False))
    assert full and actions(PrefilterSettings()) == full
