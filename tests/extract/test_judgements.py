"""Every table of a paper is judged once, in one step, and every reader of the paper's
tables reads that judgement: the plan reader, the cover-sheet reader (the plan's title
above its first table) and the verdicts on the other tables (``explain``, ``no_plan``
messages)."""
from __future__ import annotations

import pytest

from actionplans.extract import document_to_extraction, judgements
from actionplans.extract.headers import HeaderSettings
from actionplans.extract.judgements import Judgement
from actionplans.extract.tables import rejoin_headers
from actionplans.ingest import read_document
from actionplans.ingest.model import Table
from conftest import SAMPLES


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_each_table_is_judged_once_and_every_reader_reads_it(monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    name = f"004_reading_cp_action_plan_2013-08.{fmt}"
    doc = read_document(SAMPLES / name, name)
    judged: list[Table] = []
    judge = judgements.judge_table

    def counted(table: Table, settings: HeaderSettings) -> Judgement:
        judged.append(table)
        return judge(table, settings)

    monkeypatch.setattr(judgements, "judge_table", counted)
    extraction = document_to_extraction(doc)
    tables = [b for b in rejoin_headers(doc.blocks) if isinstance(b, Table)]
    assert len(judged) == len({id(t) for t in judged}) == len(tables)  # each once (kept alive: ids differ)
    assert len(extraction.actions) == 43
    assert extraction.info.plan_as_at == "2013-08-09"  # the heading above the first plan's table
    # The cover sheet's form is judged no plan, with its reason, beside the plan's verdict.
    assert [(v.plan, v.reason.split(" (")[0]) for v in extraction.tables[:2]] == [
        (False, "a form of labelled fields"), (True, "")]
