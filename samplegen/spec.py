"""The one data structure a sample paper is built from and checked against.

A builder reads a ``Paper`` to lay out the Word file; the tests read the same ``Paper``
for what extraction must give back, field for field. Layout quirks the real papers have
(numbers Word numbered automatically, several actions sharing one cell, run-together lead
cells) are described here too, so the expectation and the file can never drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

NumberStyle = Literal["text", "auto", "none"]
"""How an action's number reaches the page: typed as text ("12) ..."), Word automatic
list numbering (absent from the paragraph text, shown by Word and in the PDF), or not
at all (the number was lost; extraction must infer it)."""


@dataclass(frozen=True)
class Further:
    """A further column of actions.csv (a role's, "target_date", or the plan's own), as
    the key of an expected row: apart from the contract's fields, which are the row's
    attributes, it is looked up in the row's ``extras``."""

    name: str

    def __str__(self) -> str:  # a test's id names the column
        return self.name


ExpectedRow = dict[str | Further, object]  # an action's expected row: its fields and further columns


@dataclass(frozen=True)
class Action:
    number: str  # the expected action_number ("12")
    text: str  # expected action_text: whole, whitespace collapsed, no number label
    lead_raw: str  # expected lead_officer_raw: as printed for this action
    leads: tuple[str, ...]  # expected lead_officers, expanded, printed order ("tbc" -> ())
    rag_raw: str = ""  # expected rag_raw, as printed
    rag: str = ""  # expected rag: Red / Amber / Green / Blue / ""
    number_style: NumberStyle = "auto"
    # Paragraphs as they sit in the Word cell, when the text is not one paragraph
    # (bulleted sub-items, a trailing paragraph), without the number label (a "text"
    # number is typed in front of the first by the builder). Joined with " " they give
    # ``text``; with ``bullets`` each paragraph after the first is "- " + paragraph.
    paragraphs: tuple[str, ...] = ()
    bullets: bool = False  # paragraphs after the first are a "-" bulleted list
    warnings: tuple[str, ...] = ()  # substrings the row's warnings must contain
    # Expected further columns (target_date, progress, evidence, or an unknown header in
    # snake_case), as (column, value) pairs; the builder prints each in its column.
    extras: tuple[tuple[str, str], ...] = ()
    fill: str = ""  # "RRGGBB" shading of the action's RAG cell, "" for none
    # The RAG cell shows its status by ``fill`` alone, with no text: ``rag_raw`` is then
    # the colour's name ("light green"), not something printed.
    colour_only: bool = False
    # action_text as the PDF made from the Word file shows it, where that differs: a space
    # typed before a hyphen that ends a printed line ("co- ordination") is not in the PDF,
    # which reads as the hyphenated word ("co-ordination") a line break normally cuts.
    pdf_text: str = ""

    @property
    def inferred(self) -> bool:
        return self.number_style == "none"

    def expected(self, rec_number: str, rec_text: str) -> ExpectedRow:
        """The contract's fields of this action's row in actions.csv, and its extras under
        ``Further(column)``: what a test compares the extraction with."""
        return {
            "recommendation_number": rec_number,
            "recommendation_text": rec_text,
            "action_number": self.number,
            "action_number_inferred": self.inferred,
            "action_text": self.text,
            "lead_officer_raw": self.lead_raw,
            "lead_officers": "; ".join(self.leads),
            "rag_raw": self.rag_raw,
            "rag": self.rag,
            **{Further(name): value for name, value in self.extras},
        }


@dataclass(frozen=True)
class Row:
    """One table row: the actions that share its action cell (usually one)."""

    actions: tuple[Action, ...]
    # Empty paragraphs put before each lead paragraph in the lead cell so the officer sits
    # level with its action, as officers do with the Enter key. () means no padding.
    lead_padding: tuple[int, ...] = ()


@dataclass(frozen=True)
class Recommendation:
    number: str  # expected recommendation_number
    text: str  # expected recommendation_text, whole
    rows: tuple[Row, ...]
    number_printed: bool = True

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(a for r in self.rows for a in r.actions)


@dataclass(frozen=True)
class Plan:
    title: str  # heading above the table / running page header
    note: str  # the "NB: ..." paragraph under the title
    headers: tuple[str, ...]  # header cells, left to right ("" for the number column)
    recommendations: tuple[Recommendation, ...]
    glossary_header: tuple[str, str]
    glossary: tuple[tuple[str, str], ...]
    as_at: str = ""  # expected plan_as_at, ISO
    rag_header_legend: tuple[str, ...] = ()  # lines under "RAG Rating" in its header cell
    # Glossary column widths in cm (layout only; () = the builder's default). A narrow
    # first column makes "Abbreviations" break mid-word in the PDF, as in seed 001.
    glossary_widths: tuple[float, ...] = ()

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(a for r in self.recommendations for a in r.actions)

    @property
    def extra_columns(self) -> list[str]:
        """The further columns the plan carries, in order of first use."""
        names: list[str] = []
        for action in self.actions:
            names += [name for name, _ in action.extras if name not in names]
        return names

    def expected_rows(self, pages: tuple[int | None, ...] | None = None) -> list[tuple[Action, ExpectedRow]]:
        """Each action with every field its row must hold, in plan order; ``pages`` gives
        each action's page (PDF), None for Word."""
        pages = pages if pages is not None else (None,) * len(self.actions)
        assert len(pages) == len(self.actions), f"{self.title}: one page per action"
        pairs = [(rec, a) for rec in self.recommendations for a in rec.actions]
        return [(a, {**a.expected(rec.number, rec.text), "page": page})
                for (rec, a), page in zip(pairs, pages, strict=True)]


@dataclass(frozen=True)
class Paper:
    stem: str  # file name without extension; starts with the seed's number
    formats: tuple[str, ...]  # which files to publish: "docx", "pdf"
    title: str  # expected documents.csv title
    document_date: str = ""  # expected documents.csv document_date, ISO
    council: str = ""
    cover: tuple[tuple[str, ...], ...] = ()  # cover-sheet key/value table rows
    heading: tuple[str, ...] = ()  # lines above the cover sheet
    # Report paragraphs; "# " starts a heading: "# " the paper's own title line (Word
    # style "Heading 1"), "## " a bold section heading ("## 1. PURPOSE OF REPORT").
    body: tuple[str, ...] = ()
    plan: Plan | None = None
    status: str = "ok"  # expected documents.csv status
    message: str = ""  # expected documents.csv message (the reason, for status "error")
    extra: dict[str, str] = field(default_factory=dict)
