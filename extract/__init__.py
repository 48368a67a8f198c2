"""Stage 2: find action-plan tables in a document model and read them into records.

Reads only ``ingest.model``; knows nothing of PDF or Word.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from actionplans.dates import date_in_text
from actionplans.extract.actions import rows_to_actions
from actionplans.extract.cover import document_info
from actionplans.extract.groups import SUB_HEADING, group_from_heading, headings_above
from actionplans.extract.headers import Header, HeaderSettings
from actionplans.extract.judgements import Judgement, blocks_to_judgements
from actionplans.extract.records import (
    DocumentInfo,
    Extraction,
    HeaderCell,
    RawAction,
    TableVerdict,
    WarningCode,
    WarningItem,
    extra_column_name,
)
from actionplans.extract.tables import judgements_to_plans, rejoin_headers
from actionplans.extract.text import clean, is_prose
from actionplans.extract.textplans import blocks_to_lines, lines_to_text_plans, text_plan_to_actions
from actionplans.ingest.model import Document, Table
from actionplans.vocabulary import Vocabulary


@dataclass(frozen=True)
class ExtractSettings:
    headers: HeaderSettings = field(default_factory=HeaderSettings)


def document_to_extraction(doc: Document, settings: ExtractSettings | None = None) -> Extraction:
    """Stage 2's entry point: what one paper holds.

    Takes the document model of one paper (and the settings, whose header settings
    carry the plan vocabulary); returns an ``Extraction``: the paper's facts, its
    actions in printed order, glossary candidates, its text, its further columns and a
    verdict on every table. Raises nothing for a paper without a plan; that is an
    Extraction with no actions, whose ``tables`` say why."""
    settings = settings or ExtractSettings()
    vocabulary = settings.headers.vocabulary
    actions: list[RawAction] = []
    extra_columns: dict[str, str] = {}
    verdicts: list[TableVerdict] = []
    blocks = rejoin_headers(doc.blocks)
    judgements = blocks_to_judgements(blocks, settings.headers)
    for plan in judgements_to_plans(judgements, settings.headers):
        has_group = plan.header.col("recommendation") is not None  # then no heading above is looked for
        headings = [] if has_group else headings_above(blocks, plan.first_table, vocabulary)
        rows = group_from_heading(rows_to_actions(plan, vocabulary), headings, has_group)
        why = rows_verdict(rows, vocabulary, headlines=plan.header.names_things)
        verdicts.append(_verdict(plan.header, plan.pages, why, len(rows) if not why else 0, plan.first_table))
        if why:
            continue
        actions.extend(_marked(rows, judgements[plan.first_table].table.sheet, doc))
        for name, printed in _extra_columns(plan.header, vocabulary).items():
            extra_columns.setdefault(name, printed)
        if any(SUB_HEADING in a.extras for a in rows):
            extra_columns.setdefault(SUB_HEADING, "Sub-heading")
    verdicts.extend(_other_tables(judgements))
    verdicts.sort(key=lambda v: v.order)
    if not actions:  # no plan in a table: one written as text?
        actions, text_verdicts = _text_plans(doc, vocabulary)
        verdicts.extend(text_verdicts)
        extra_columns.update({c: c for a in actions for c in a.extras_by_column(vocabulary) if c not in extra_columns})
    first_plan = next((j.table for j in judgements if j.plan), None)
    info = document_info(doc, blocks, first_plan)
    # A saved web page states its date in its head (meta tags, ISO), not on the page.
    stated = doc.properties.get("date", "")
    info.document_date = info.document_date or (stated[:10] if _ISO.match(stated) else date_in_text(stated))
    return Extraction(info=info, actions=actions, glossaries=_glossary_candidates(doc),
                      text=[t for p in doc.paragraphs if (t := clean(p.text))],
                      extra_columns=list(extra_columns), column_headers=extra_columns, tables=verdicts,
                      warnings=[WarningItem(WarningCode.READING, w) for w in doc.warnings],
                      ocr_pages=len(doc.ocr_pages), skimmed_pages=len(doc.skimmed))


def _text_plans(doc: Document, vocabulary: Vocabulary) -> tuple[list[RawAction], list[TableVerdict]]:
    """The actions of plans written as text (headings, bullets, labelled lines), and a
    verdict for each run of text under a plan's heading."""
    actions: list[RawAction] = []
    verdicts: list[TableVerdict] = []
    for plan in lines_to_text_plans(blocks_to_lines(doc.blocks), vocabulary):
        rows = text_plan_to_actions(plan, vocabulary) if not plan.reason else []
        verdicts.append(TableVerdict(pages=str(plan.page or ""), headers=[], plan=not plan.reason,
                                     reason=plan.reason, actions=len(rows), order=10_000 + len(verdicts),
                                     kind="text", heading=plan.heading))
        actions.extend(_marked(rows, "", doc))
    return actions, verdicts


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|T)")
OCR_WARNING = "read by OCR from a scanned page: check the text against the paper"


def _marked(rows: list[RawAction], sheet: str, doc: Document) -> list[RawAction]:
    """The rows with the sheet they are on, and a warning on each row whose page was
    recognised from its image: its text is the engine's reading, not the paper's."""
    for row in rows:
        row.sheet = sheet
        if row.page is not None and row.page in doc.ocr_pages:
            row.warnings.append(WarningItem(WarningCode.OCR, OCR_WARNING))
    return rows


def rows_verdict(actions: list[RawAction], vocabulary: Vocabulary, headlines: bool = False) -> str:
    """"" where a plan's rows read as actions, else why not: a table of counts or
    single words under an "Actions" header is a scorecard, not a plan. ``headlines``:
    the action column is named for the thing delivered ("Project"), so short names are
    its nature and no sign of a list of aims."""
    if not actions:
        return "a plan's header, but no action rows under it"
    if len(actions) < vocabulary.min_actions:
        return f"only {len(actions)} action row: a note of what to do, not a plan"
    prose = sum(is_prose(a.action_text, vocabulary.action_min_words) for a in actions)
    if prose < vocabulary.action_share * len(actions):
        return "its action column holds numbers or single words, not actions"
    lengths = sorted(len(a.action_text.split()) for a in actions)
    if lengths[len(lengths) // 2] < vocabulary.action_median_words and not headlines:
        return "its action cells are headlines of a few words (aims or themes), not actions"
    return ""


def _verdict(header: Header, pages: str, why: str, actions: int, order: int) -> TableVerdict:
    cells = []
    for col in sorted(set(header.printed) | set(header.roles)):
        how = header.how.get(col)
        cells.append(HeaderCell(text=header.printed.get(col, ""), role=header.roles.get(col, ""),
                                word=how.word if how is not None else "",
                                score=how.score if how is not None else 0.0,
                                content={role: round(100 * share, 1)
                                         for role, share in header.content.get(col, {}).items() if share > 0}))
    return TableVerdict(pages=pages, headers=cells, plan=not why, reason=why, actions=actions, order=order)


def _other_tables(judgements: Sequence[Judgement]) -> list[TableVerdict]:
    """Verdicts for the tables that are no plan at their header (plans are judged with
    their rows, above)."""
    return [_verdict(j.header, str(j.table.page or ""), j.why, 0, index)
            for index, j in enumerate(judgements) if not j.plan]


def _extra_columns(header: Header, vocabulary: Vocabulary) -> dict[str, str]:
    """Columns beyond the contract's, left to right, with their printed headers: a
    column of a role the vocabulary names a column for (due date, progress, measure...)
    under that name, others under their own header's name."""
    out: dict[str, str] = {}
    for col in sorted(set(header.roles) | set(header.names)):
        role = header.roles.get(col)
        if role in vocabulary.role_columns:
            out[vocabulary.role_columns[role]] = header.printed.get(col, role)
        elif role is None:
            out[extra_column_name(header.names[col], vocabulary)] = header.printed.get(col, header.names[col])
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


__all__ = ["DocumentInfo", "ExtractSettings", "Extraction", "RawAction", "Table", "TableVerdict",
           "document_to_extraction"]
