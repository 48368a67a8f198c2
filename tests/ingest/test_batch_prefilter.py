"""The fast first pass: the slow table analysis runs only on the pages that can hold a
plan (and, with a plan, the cover and their neighbours), and skipping the others loses
no row. Every test paper is checked page by page: each page where the full analysis
finds a piece of a plan is picked."""
from __future__ import annotations

from pathlib import Path

import pytest

from actionplans.extract import document_to_extraction
from actionplans.extract.headers import HeaderSettings
from actionplans.extract.judgements import blocks_to_judgements
from actionplans.extract.tables import judgements_to_plans, rejoin_headers
from actionplans.ingest import IngestSettings, PdfSettings, read_document
from actionplans.ingest.prefilter import (
    PageText,
    PrefilterSettings,
    is_header_line,
    is_plan_head,
    pages_to_analyse,
    survey_pdf,
)
from bench.synth import agenda_pack, combine, filler_pdf
from conftest import ROOT, SAMPLES, SHARED

PLAN = SAMPLES / "004_reading_cp_action_plan_2013-08.pdf"
LAYOUTS = ROOT / "tests" / "fixtures" / "layouts"
FAMILIES = ROOT / "tests" / "fixtures" / "families"
REALWORLD = SHARED / "realworld-examples" / "docs"
ALWAYS = PrefilterSettings(min_pages=1)  # pages picked one by one, however short the PDF
OFF = PrefilterSettings(enabled=False)
# Every test paper that is a PDF with a text layer (a scan has nothing for the pass to
# read; test_layouts checks its row).
PAPERS = [p for folder in (SAMPLES, LAYOUTS, FAMILIES, REALWORLD) for p in sorted(folder.glob("*.pdf"))
          if "scanned" not in p.name]

def _actions(path: Path, prefilter: PrefilterSettings) -> list[tuple[object, ...]]:
    ex = document_to_extraction(read_document(path, path.name, IngestSettings(pdf=PdfSettings(prefilter=prefilter))))
    return [(a.recommendation_number, a.recommendation_text, a.action_number, a.action_text, a.lead_raw,
             a.rag_raw, a.page) for a in ex.actions]


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 pages of committee reports with the Reading paper (cover report, plan,
    glossary: 7 pages) after page 150."""
    return agenda_pack(tmp_path_factory.mktemp("pack") / "pack.pdf", filler_pages=300)


def test_pack_gives_the_plans_rows_exactly(pack: Path) -> None:
    alone = _actions(PLAN, OFF)
    from_pack = _actions(pack, PrefilterSettings())
    assert len(alone) == 43
    # The same rows, 150 pages further on.
    assert from_pack == [(*row[:-1], row[-1] + 150) for row in alone]  # type: ignore[operator]


def test_pack_analyses_only_the_plan_pages(pack: Path) -> None:
    survey = survey_pdf(pack, PrefilterSettings())
    assert survey is not None and len(survey.pages) == 307
    # The plan 153-156 and its glossary 156-157; the pages beside them (the paper's
    # covering report, a report page) are plain prose, and skipped, and so are the first
    # pages: report pages, not a cover sheet of labelled fields.
    assert sorted(survey.analyse) == list(range(153, 158))


def test_pack_keeps_the_text_of_skipped_pages(pack: Path) -> None:
    doc = read_document(pack, "pack.pdf")
    pages = {p.page for p in doc.paragraphs}
    assert pages >= set(range(3, 151))  # every report page still gives its paragraphs
    assert not any(p.text.startswith("Page ") for p in doc.paragraphs)  # page numbers are furniture


def _plan_pages(path: Path) -> set[int]:
    """The pages where the full analysis finds a piece of a plan (its header or rows)."""
    doc = read_document(path, path.name, IngestSettings(pdf=PdfSettings(prefilter=OFF)))
    pages: set[int] = set()
    settings = HeaderSettings()
    for plan in judgements_to_plans(blocks_to_judgements(rejoin_headers(doc.blocks), settings), settings):
        first, _, last = plan.pages.partition("-")
        pages |= set(range(int(first), int(last or first) + 1))
    return pages


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_pass_picks_every_page_that_holds_a_plan(paper: Path) -> None:
    survey = survey_pdf(paper, PrefilterSettings(min_pages=1, cover_pages=0, neighbours=0))
    assert survey is not None
    assert _plan_pages(paper) <= survey.analyse


@pytest.mark.parametrize("paper", PAPERS, ids=lambda p: p.name)
def test_pass_loses_no_row_on_any_paper(paper: Path) -> None:
    assert _actions(paper, ALWAYS) == _actions(paper, OFF)


def test_plan_pages_are_picked_by_their_header_alone() -> None:
    bare = PrefilterSettings(min_pages=1, cover_pages=0, neighbours=0)
    survey = survey_pdf(PLAN, bare)
    assert survey is not None and sorted(survey.analyse) == [3, 4, 5, 6, 7]  # plan 3-6, glossary 6-7
    pack = survey_pdf(LAYOUTS / "10_redcliffe_agenda_pack.pdf", bare)
    assert pack is not None and sorted(pack.analyse) == [4, 5, 6, 7, 14, 15, 16]  # minutes' action log, the plan


@pytest.mark.parametrize("line,header", [
    ("Ofsted Recommendation Actions Proposed Lead Officer RAG Rating", True),
    ("Ref Action Lead officer Timescale RAG", True),
    ("Area for development Ref Action Lead officer Completion", True),
    ("progress on the action the officer proposed in March and the recommendations of the", True),  # words alone
    ("The officer reported on the action plan, its status and the lead member's view.", False),
    ("Budget Forecast Variance", False),
])
def test_header_words(line: str, header: bool) -> None:
    assert is_header_line(line, PrefilterSettings()) is header


def _line(number: int, text: str, runs: list[tuple[float, float, str]]) -> PageText:
    return PageText(number=number, height=842, lines=[text], spread=[0.5], words=[], has_text=True, runs={0: runs})


def test_prose_full_of_header_words_is_not_a_header_row() -> None:
    """Set solid, a prose line is one run of characters; a header row's cells are apart."""
    prose = "progress on the action the officer proposed in March and the recommendations of the"
    pages = [_line(n, prose, [(56.0, 500.0, prose)]) for n in (1, 2, 3)]
    header = _line(4, "Action Lead officer RAG", [(60.0, 85.0, "Action"), (200.0, 250.0, "Leadofficer"),
                                                  (400.0, 420.0, "RAG")])
    settings = PrefilterSettings(min_pages=1, cover_pages=0, neighbours=0)
    assert pages_to_analyse([*pages, header], settings) == {4}


def test_a_numbered_paragraph_hanging_beside_its_number_is_not_a_header_row() -> None:
    text = "2.5 The service has agreed the action the officer proposed in March following the"
    numbered = _line(1, text, [(56.0, 70.6, "2.5"), (92.0, 450.0, text[4:].replace(" ", ""))])
    assert is_header_line(text, PrefilterSettings()) and not is_plan_head(numbered, PrefilterSettings())
    # Where PDFium's characters cannot be measured the line counts: better analysed than lost.
    unmeasured = PageText(number=1, height=842, lines=[text], spread=[None], words=[], has_text=True)
    assert is_plan_head(unmeasured, PrefilterSettings())


def test_a_plan_runs_on_while_its_pages_carry_rag_values() -> None:
    def page(n: int, lines: list[str]) -> PageText:
        return PageText(number=n, height=842, lines=lines, spread=[1.0] * len(lines), words=[], has_text=True)

    pages = [page(1, ["Recommendation Action Lead RAG"]), page(2, ["1) do this HoCSC Amber", "2) and that tbc Red"]),
             page(3, ["Just a report page about budgets."]), page(4, ["Another report page."])]
    settings = PrefilterSettings(min_pages=1, cover_pages=0, neighbours=0)
    assert pages_to_analyse(pages, settings) == {1, 2}
    assert pages_to_analyse(pages, PrefilterSettings(min_pages=1, cover_pages=0)) == {1, 2, 3}


def test_short_pdfs_with_a_plan_and_unreadable_ones_are_analysed_whole(tmp_path: Path) -> None:
    survey = survey_pdf(PLAN, PrefilterSettings())
    assert survey is not None and survey.analyse == set(range(1, 8))  # 7 pages, a plan: under min_pages
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\n garbage")
    assert survey_pdf(tmp_path / "bad.pdf", ALWAYS) is None
    assert survey_pdf(PLAN, OFF) is None


def test_a_pdf_without_a_plans_header_gets_no_slow_analysis(tmp_path: Path) -> None:
    reports = filler_pdf(tmp_path / "reports.pdf", 20, seed=3)  # prose, numbered paragraphs, budget tables
    survey = survey_pdf(reports, PrefilterSettings())
    assert survey is not None and survey.analyse == set()
    minutes = SAMPLES / "003_oxfordshire_cabinet_ofsted_item.pdf"
    survey = survey_pdf(minutes, PrefilterSettings())
    assert survey is not None and survey.analyse == set()
    doc = read_document(reports, "reports.pdf")
    assert len(doc.paragraphs) > 100 and not doc.tables  # the text still, as paragraphs


def test_a_pdf_without_text_is_analysed_whole(tmp_path: Path) -> None:
    """PDFium found nothing to go on: pdfminer reads every page (a scan's verdict, drawings)."""
    pages = [PageText(number=n, height=842, lines=[], spread=[], words=[], has_text=False) for n in (1, 2, 3)]
    assert pages_to_analyse(pages, PrefilterSettings(min_pages=1)) == {1, 2, 3}


def test_filler_and_combine_are_reproducible(tmp_path: Path) -> None:
    a = filler_pdf(tmp_path / "a.pdf", 3, seed=7)
    b = filler_pdf(tmp_path / "b.pdf", 3, seed=7)
    assert a.read_bytes() == b.read_bytes()
    both = combine(tmp_path / "both.pdf", [(a, None), (PLAN, [0])])
    survey = survey_pdf(both, ALWAYS)
    assert survey is not None and len(survey.pages) == 4


def test_neighbours_are_analysed_unless_plain_prose() -> None:
    def page(n: int, lines: list[str], spread: float, paths: int) -> PageText:
        words = [{"text": t, "x0": 56.0 if i % 5 else 92.0, "x1": 500.0, "top": 50.0 + 14 * i,
                  "bottom": 60.0 + 14 * i, "size": 10.0, "fontname": ""} for i, t in enumerate(lines)]
        return PageText(number=n, height=842, lines=lines, spread=[spread] * len(lines), words=words,
                        has_text=True, paths=paths)

    prose = [f"The council continues to review the strategy in line with priority {i}." for i in range(12)]
    pages = [page(1, prose, 0.45, 0), page(2, ["Recommendation Action Lead officer RAG"], 1.1, 40),
             page(3, prose, 0.45, 6)]  # drawn on: perhaps the plan carries on
    settings = PrefilterSettings(min_pages=1, cover_pages=0)
    assert pages_to_analyse(pages, settings) == {2, 3}
