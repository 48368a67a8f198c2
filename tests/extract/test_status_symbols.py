"""A status shown as a coloured dot ("●" in red, amber or green), not a word or a shaded
cell: the dot's colour is the cell's, and the status is read from it, in a ruled and an
unruled PDF and in Word (``samplegen/symbols.py``)."""
from __future__ import annotations

from pathlib import Path

import pytest

from actionplans.extract import document_to_extraction
from actionplans.extract.records import WarningCode, WarningItem
from actionplans.ingest import read_document
from actionplans.ingest.model import only_symbols
from conftest import ROOT
from samplegen.symbols import FONT, ROWS, build, write_docx

FIXTURES = ROOT / "tests" / "fixtures" / "symbols"


def _paper(kind: str, tmp_path: Path) -> Path:
    if kind.startswith("docx"):
        return write_docx(tmp_path / f"{kind}.docx", inserted=kind == "docx_inserted")
    return FIXTURES / f"symbols_{kind}.pdf"


@pytest.mark.parametrize("kind", ["ruled", "unruled", "docx", "docx_inserted"])
def test_a_coloured_dot_is_the_status_of_its_colour(kind: str, tmp_path: Path) -> None:
    path = _paper(kind, tmp_path)
    actions = document_to_extraction(read_document(path, path.name)).actions
    assert [(a.action_number, a.action_text, a.lead_raw) for a in actions] == [
        (r.number, r.action, r.lead) for r in ROWS]
    assert [a.rag for a in actions] == [r.rag for r in ROWS] == ["Red", "Amber", "Green", ""]
    assert [a.rag_raw for a in actions[:3]] == ["red", "amber", "green"]
    # A black dot says nothing: no status, and the row says why.
    dot = "\uf06c" if kind == "docx_inserted" else "●"
    assert actions[3].rag_raw == dot
    assert actions[3].warnings == [WarningItem(WarningCode.STATUS_UNREAD, f"status '{dot}' is not a known RAG value")]


@pytest.mark.parametrize(("text", "symbols"), [
    ("●", True), (" ● ", True), ("■ ▲", True), ("\uf06c", True), ("⬤", True),
    ("", False), (" ", False), ("Red", False), ("● Red", False), ("R", False),
])
def test_only_symbols(text: str, symbols: bool) -> None:
    assert only_symbols(text) is symbols


@pytest.mark.skipif(not FONT.exists(), reason=f"rebuilding the PDFs needs {FONT}")
def test_the_committed_pdfs_are_what_the_script_builds(tmp_path: Path) -> None:
    for built in build(tmp_path):
        committed = FIXTURES / built.name
        rows = [document_to_extraction(read_document(p, p.name)).actions for p in (built, committed)]
        assert [(a.action_text, a.rag) for a in rows[0]] == [(a.action_text, a.rag) for a in rows[1]]
