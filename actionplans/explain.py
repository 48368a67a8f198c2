"""``actionplans explain PAPER``: what the tool saw in one paper, and why.

Every page is analysed (the diagnostic need not be fast), and every table gets a verdict,
decoys included: its pages, each header cell with the role it got (and how sure; and,
where the cells were profiled, what they hold), and whether it is a plan or why not.
Text under a heading naming a plan is judged as a plan written as text. For a PDF it
also says which pages a normal run's first pass would leave to their text alone, and why.
A user whose plan is missed sees which header word to add to a vocabulary file
(``--vocabulary``).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from actionplans.extract import document_to_extraction
from actionplans.extract.records import HeaderCell, TableVerdict
from actionplans.ingest import IngestSettings, read_document
from actionplans.ingest.prefilter import page_reasons, survey_pdf
from actionplans.settings import Settings


@dataclass
class Explanation:
    """One paper as explain shows it."""

    verdicts: list[TableVerdict]
    # (page, analysed, why) as a normal run's first pass decides; empty where there is none
    # (not a PDF, a scan, the pass switched off).
    pages: list[tuple[int, bool, str]] = field(default_factory=list)
    first_pass: str = ""  # where there are no pages: why not


def explain_paper(path: Path, settings: Settings | None = None) -> Explanation:
    """Every table of one paper, judged with every page analysed, and what the first pass
    of a normal run would do with each page. Raises IngestError where it cannot be read."""
    settings = Settings.resolve(settings)
    every = _every_page(settings.ingest)
    doc = read_document(path, path.name, every)
    verdicts = document_to_extraction(doc, settings.extract).tables
    if doc.format != "pdf":
        return Explanation(verdicts, first_pass="")
    prefilter = settings.ingest.pdf.prefilter
    survey = survey_pdf(path, prefilter) if prefilter.enabled else None
    if survey is None:
        why = "switched off" if not prefilter.enabled else "PDFium cannot survey it: every page is analysed"
        return Explanation(verdicts, first_pass=why)
    return Explanation(verdicts, pages=page_reasons(survey, prefilter))


def _every_page(ingest: IngestSettings) -> IngestSettings:
    prefilter = replace(ingest.pdf.prefilter, enabled=False)
    return replace(ingest, pdf=replace(ingest.pdf, prefilter=prefilter))


def explanation_to_text(name: str, explanation: Explanation) -> str:
    """The report explain prints."""
    text = verdicts_to_text(name, explanation.verdicts)
    if explanation.first_pass:
        text += f"\nfirst pass of a normal run: {explanation.first_pass}\n"
    if explanation.pages:
        skipped = [(n, why) for n, analysed, why in explanation.pages if not analysed]
        lines = [f"\nfirst pass of a normal run: {len(explanation.pages) - len(skipped)} of "
                 f"{len(explanation.pages)} pages analysed, {len(skipped)} read as text alone"]
        lines.extend(f"  page {n}: {'analysed' if analysed else 'skipped'}: {why}"
                     for n, analysed, why in explanation.pages)
        text += "\n".join(lines) + "\n"
    return text


def verdicts_to_text(name: str, verdicts: list[TableVerdict]) -> str:
    """Each table's and each text plan's verdict."""
    tables = [v for v in verdicts if v.kind != "text"]
    texts = [v for v in verdicts if v.kind == "text"]
    plans = sum(v.plan for v in verdicts)
    lines = [f"{name}: {len(tables)} table(s), {plans} plan(s)"]
    if not tables:
        lines.append("no tables found")
    for i, v in enumerate(tables, 1):
        lines.append(f"\ntable {i}{_where(v.pages)}")
        lines.extend(f"  {_cell(c)}" for c in v.headers)
        lines.append(f"  -> plan: {v.actions} actions" if v.plan else f"  -> not a plan: {v.reason}")
    for v in texts:
        lines.append(f"\ntext under the heading {v.heading!r}{_where(v.pages)}")
        lines.append(f"  -> plan written as text: {v.actions} actions" if v.plan else f"  -> not a plan: {v.reason}")
    if not plans:
        lines.append("\nA missed plan? Add its header words to a vocabulary file (see README) and pass "
                     "--vocabulary FILE.")
    return "\n".join(lines) + "\n"


def _where(pages: str) -> str:
    if not pages:
        return ""
    return f" (page {pages})" if "-" not in pages else f" (pages {pages})"


def _cell(cell: HeaderCell) -> str:
    text = cell.text if len(cell.text) <= 50 else cell.text[:47] + "..."
    if not cell.role:
        shown = f"{text!r:54} (no role: a further column)"
    else:
        # A role no header word gave came from the evidence: the header's hints and the cells.
        how = f"matched '{cell.word}', {cell.score:.0f}%" if cell.score else (
            f"holds '{cell.word}'" if cell.word else "from its header's hints and cells")
        shown = f"{text!r:54} {cell.role} ({how})"
    return shown + _content(cell)


def _content(cell: HeaderCell) -> str:
    """What the column's cells hold, its three best roles by content, where profiled."""
    if not cell.content:
        return ""
    best = sorted(cell.content.items(), key=lambda kv: -kv[1])[:3]
    return "; cells: " + ", ".join(f"{role} {score:.0f}" for role, score in best)
