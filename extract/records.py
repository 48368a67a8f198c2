"""What extract hands to normalise: plain records, no document model inside."""
from __future__ import annotations

from dataclasses import dataclass, field


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
    extras: dict[str, str] = field(default_factory=dict)  # other columns, by header
    warnings: list[str] = field(default_factory=list)
    # Whether the lead share-out was certain; normalise may repair an uncertain one
    # from another version of the plan.
    lead_shared: bool = False


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
