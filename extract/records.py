"""What extract hands to normalise: plain records, no document model inside."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from actionplans.extract.text import snake
from actionplans.ingest.errors import ErrorCode
from actionplans.vocabulary import Vocabulary

# actions.csv's own columns (the output contract; normalise declares them on its row
# type, and a test keeps the two alike), and the names of the columns the vocabulary's
# roles fill: a plan's own column never takes one of these names.
CONTRACT_COLUMNS = (
    "plan_id", "action_key", "source_file", "document_date", "plan_as_at", "recommendation_number",
    "recommendation_text", "action_number", "action_number_inferred", "action_text", "lead_officer_raw",
    "lead_officers", "rag_raw", "rag", "page", "warnings", "due_date", "due_date_note", "sheet",
)
# The column --evidence adds after all others: a plan's own "Evidence" column is named apart.
EVIDENCE_COLUMN = "evidence"
_RESERVED = frozenset(CONTRACT_COLUMNS) | {EVIDENCE_COLUMN}


def extra_column_name(header: str, vocabulary: Vocabulary) -> str:
    """A plan's own column's name in actions.csv, from its printed header: "Progress
    update" gives "progress_update"; a header that would take one of our own names
    ("Page", "Plan ID", "Action text", or a column of one of the run's roles) is kept apart
    as "extra_page"."""
    name = snake(header)
    return f"extra_{name}" if name in _RESERVED or name in vocabulary.role_column_names else name


@dataclass(frozen=True)
class OwnColumn:
    """A plan's own column, one that took no role, by its name in actions.csv
    (``extra_column_name``): a key apart from the roles' names ("lead", "progress"), so
    a column is never taken for a role's, whatever its header says."""

    name: str


# Where a value of a plan's row goes: a role ("target_date", "progress"), or a plan's own column.
ColumnKey = str | OwnColumn


def column_name(key: ColumnKey, vocabulary: Vocabulary | None = None) -> str:
    """The actions.csv column a further value goes to: a role's under the column the
    vocabulary names for it (its own name where none, or no vocabulary, is given)."""
    if isinstance(key, OwnColumn):
        return key.name
    return vocabulary.role_columns.get(key, key) if vocabulary is not None else key


class WarningCode(StrEnum):
    """The kinds of warning a row or a paper carries: why a value is uncertain."""

    READING = "reading"  # what reading the file left out or could not do (hidden sheets, unread scans)
    OCR = "ocr"  # the row's page was read by OCR
    LEAD_NOT_SPLIT = "lead_not_split"  # a lead cell beside several actions kept whole for each
    CELL_NOT_SPLIT = "cell_not_split"  # a further column's cell beside several actions kept whole
    STATUS_UNREAD = "status_unread"  # a status cell that is no known RAG value
    STATUS_FILL = "status_fill"  # a status cell whose words and fill colour disagree
    CODE_JOINED = "code_joined"  # an officer code printed with a stray space, read whole
    NEAR_MISS_CODE = "near_miss_code"  # an officer code read as the closest glossary code
    LOOKALIKE = "lookalike"  # look-alike (Cyrillic) letters folded in a lead cell
    BORROWED_CODE = "borrowed_code"  # an officer code expanded from another paper's glossary
    RECOMMENDATION_INFERRED = "recommendation_inferred"  # a recommendation number inferred from order
    ACTION_INFERRED = "action_inferred"  # an action number inferred from order
    TARGET_DATE = "target_date"  # how a target date was read, where it was not plain
    TARGET_YEAR = "target_year"  # a target date naming no year, its year taken from the plan's date
    NUMBER_REPAIRED = "number_repaired"  # an action number taken from another version of the plan
    LEADS_REPAIRED = "leads_repaired"  # lead officers taken from another version of the plan


@dataclass(frozen=True)
class WarningItem:
    """One warning: its kind, for machines, and its message, as the tables print it."""

    code: WarningCode
    message: str


@dataclass
class RawAction:
    recommendation_number: str  # as printed, "" where not printed
    recommendation_text: str
    action_number: str  # as printed, "" where not printed
    action_text: str
    lead_raw: str
    rag_raw: str = ""
    rag: str = ""
    page: int | None = None
    extras: dict[ColumnKey, str] = field(default_factory=dict)  # further columns: roles' and the plan's own
    warnings: list[WarningItem] = field(default_factory=list)
    # Whether the lead share-out was certain; normalise may repair an uncertain one
    # from another version of the plan.
    lead_shared: bool = False
    lead_in: bool = False  # its text opened with a lead-in ("to:") that later rows' bullets finish
    sheet: str = ""  # the worksheet the action's row is on (spreadsheets), the `sheet` column
    # Its evidence (--evidence): the region of ``page`` it was printed in (PDF points,
    # x0, top, x1, bottom, origin top-left; None where not placed), and its row's cells
    # as printed, (header, text), left to right.
    region: tuple[float, float, float, float] | None = None
    cells: list[tuple[str, str]] = field(default_factory=list)

    def extras_by_column(self, vocabulary: Vocabulary) -> dict[str, str]:
        """Its further values by their actions.csv column (a role's, the run's vocabulary names)."""
        return {column_name(key, vocabulary): value for key, value in self.extras.items()}


@dataclass
class DocumentInfo:
    title: str = ""
    document_date: str = ""  # ISO
    plan_as_at: str = ""  # ISO
    council: str = ""
    judgement: str = ""
    plan_title: str = ""


@dataclass
class Extraction:
    """Everything extract found in one document."""

    info: DocumentInfo
    actions: list[RawAction]
    # Two-column tables that may be a glossary of officer codes, rows as printed.
    glossaries: list[list[tuple[str, str]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)  # paragraphs outside tables, for definitions
    extra_columns: list[str] = field(default_factory=list)  # plan columns beyond the contract's
    column_headers: dict[str, str] = field(default_factory=dict)  # each extra column's printed header
    # Every table read, whether it is a plan and why (documents.csv's reason for
    # no_plan, and ``actionplans explain``).
    tables: list[TableVerdict] = field(default_factory=list)
    # What the reader left out or guessed ("2 hidden rows skipped"), and the pages read by
    # OCR: documents.csv's warnings and ocr_pages.
    warnings: list[WarningItem] = field(default_factory=list)
    ocr_pages: int = 0
    skimmed_pages: int = 0  # PDF pages the first pass read as text alone (no plan's header or rows on them)


@dataclass
class HeaderCell:
    """One header cell as explain shows it: its words, the role it got and how sure."""

    text: str
    role: str = ""  # "" where it took none (a further column)
    word: str = ""  # the vocabulary word it matched
    score: float = 0.0  # 0-100; 0 where the header holds the word whole
    # What the column's cells hold, scored per role (0-100), where the cells were profiled
    # (dates point to a due column, posts to a lead...): explain shows it beside the header.
    content: dict[str, float] = field(default_factory=dict)


@dataclass
class TableVerdict:
    """One table of a paper, judged: a plan, or not a plan and which rule said so."""

    pages: str  # "3" or "3-5" (PDF); "" for Word
    headers: list[HeaderCell]
    plan: bool
    reason: str  # why not a plan ("" for a plan)
    actions: int = 0
    order: int = 0  # its place among the paper's tables
    kind: str = "table"  # "text": a plan written as headings, bullets and labelled lines
    heading: str = ""  # a plan written as text: the heading it sits under

@dataclass
class PaperResult:
    """One input file after ingest and extract: the facts about the file, and either
    what was extracted or why it could not be read."""

    source_file: str
    sha256: str
    format: str
    pages: int | None = None
    extraction: Extraction | None = None
    error: str = ""  # one-line reason, where the file could not be read
    error_code: ErrorCode | None = None  # its kind, where it could not be read
    # Why the file was left unread as plainly not a paper (a CSV, a picture, an archive):
    # status skipped, which is no failure.
    skipped: str = ""
    # Where the run found the file (as given, relative or absolute): the outputs link to
    # it. Never written out, and no part of what the paper says.
    path: Path | None = None
