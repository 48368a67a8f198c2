"""Stage 2: find action-plan tables in a document model and read them into records.

Reads only ``ingest.model``; knows nothing of PDF or Word.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from actionplans.extract.actions import rows_to_actions
from actionplans.extract.cover import document_info
from actionplans.extract.headers import Header, HeaderSettings
from actionplans.extract.records import DocumentInfo, Extraction, RawAction
from actionplans.extract.tables import blocks_to_plans, find_header
from actionplans.extract.text import clean, snake
from actionplans.ingest.model import Document, Table


@dataclass(frozen=True)
class ExtractSettings:
    headers: HeaderSettings = field(default_factory=HeaderSettings)


def document_to_extraction(doc: Document, settings: ExtractSettings | None = None) -> Extraction:
    settings = settings or ExtractSettings()
    plans = blocks_to_plans(doc.blocks, settings.headers)
    actions: list[RawAction] = []
    extra_columns: list[str] = []
    for plan in plans:
        actions.extend(rows_to_actions(plan))
        for name in _extra_columns(plan.header):
            if name not in extra_columns:
                extra_columns.append(name)
    plan_tables = [t for t in doc.tables if find_header(t, settings.headers) is not None]
    info = document_info(doc, plan_tables)
    return Extraction(info=info, actions=actions, glossaries=_glossary_candidates(doc),
                      text=[clean(p.text) for p in doc.paragraphs if clean(p.text)],
                      extra_columns=extra_columns)


def _extra_columns(header: Header) -> list[str]:
    """Columns beyond the contract's, left to right: known roles by role name, others
    named after their headers."""
    cols = sorted(set(header.roles) | set(header.names))
    out = []
    for col in cols:
        role = header.roles.get(col)
        if role in ("target_date", "progress", "evidence"):
            out.append(role)
        elif role is None:
            out.append(snake(header.names[col]))
    return out


def _glossary_candidates(doc: Document) -> list[list[tuple[str, str]]]:
    """Two-column tables, rows as printed: normalise decides which define codes."""
    out = []
    for table in doc.tables:
        if table.n_cols != 2:
            continue
        rows = []
        for row in table.rows:
            cells = [c for c in row.cells if not c.continued]
            if len(cells) == 2:
                rows.append((clean(cells[0].text), clean(cells[1].text)))
        if rows:
            out.append(rows)
    return out


__all__ = ["DocumentInfo", "ExtractSettings", "Extraction", "RawAction", "document_to_extraction", "Table"]
