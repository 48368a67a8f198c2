"""``actionplans explain PAPER``: what the tool saw in one paper, table by table.

For each table: its pages, each header cell with the role it got (and how sure), and
the verdict with its reason. A user whose plan is missed sees which header word to add
to a vocabulary file (``--vocabulary``).
"""
from __future__ import annotations

from pathlib import Path

from actionplans.extract import document_to_extraction
from actionplans.extract.records import HeaderCell, TableVerdict
from actionplans.ingest import read_document
from actionplans.settings import Settings


def explain_paper(path: Path, settings: Settings | None = None) -> list[TableVerdict]:
    """Every table of one paper, judged. Raises IngestError where the paper cannot be read."""
    settings = Settings.resolve(settings)
    doc = read_document(path, path.name, settings.ingest)
    return document_to_extraction(doc, settings.extract).tables


def verdicts_to_text(name: str, verdicts: list[TableVerdict]) -> str:
    """The report explain prints."""
    if not verdicts:
        return f"{name}: no tables found (a plan is read from a table)\n"
    plans = sum(v.plan for v in verdicts)
    lines = [f"{name}: {len(verdicts)} table(s), {plans} plan(s)"]
    for i, v in enumerate(verdicts, 1):
        where = f"page {v.pages}" if v.pages and "-" not in v.pages else (f"pages {v.pages}" if v.pages else "")
        lines.append(f"\ntable {i}" + (f" ({where})" if where else ""))
        lines.extend(f"  {_cell(c)}" for c in v.headers)
        lines.append(f"  -> plan: {v.actions} actions" if v.plan else f"  -> not a plan: {v.reason}")
    if not plans:
        lines.append("\nA missed plan? Add its header words to a vocabulary file (see README) and pass "
                     "--vocabulary FILE.")
    return "\n".join(lines) + "\n"


def _cell(cell: HeaderCell) -> str:
    text = cell.text if len(cell.text) <= 50 else cell.text[:47] + "..."
    if not cell.role:
        return f"{text!r:54} (no role: a further column)"
    how = f"matched '{cell.word}', {cell.score:.0f}%" if cell.score else f"holds '{cell.word}'"
    return f"{text!r:54} {cell.role} ({how})"
