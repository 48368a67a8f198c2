"""What the paper-by-paper test modules share: a test paper's spec (``samplegen.spec``)
against the rows the pipeline gives, one field at a time."""
from __future__ import annotations

from collections.abc import Sequence

from actionplans.extract.records import WarningCode
from actionplans.normalise.rows import ActionRow
from samplegen.spec import Action, ExpectedRow, Further, Paper, Plan


def plan_of(paper: Paper) -> Plan:
    assert paper.plan is not None
    return paper.plan


def expected_rows(paper: Paper, pages: tuple[int, ...], fmt: str) -> list[tuple[Action, ExpectedRow]]:
    """Each action with every field its row must hold, in plan order; ``pages`` (each
    action's page) count in a PDF only."""
    return plan_of(paper).expected_rows(pages if fmt == "pdf" else None)


def field_names(paper: Paper, fields: Sequence[str]) -> list[str | Further]:
    """The fields every row is checked on, and the plan's further columns."""
    return [*fields, *(Further(c) for c in plan_of(paper).extra_columns)]


def got(row: object, field: str | Further) -> object:
    if isinstance(field, Further):
        return row.extras.get(field.name, "")  # type: ignore[attr-defined]
    return getattr(row, field)


def wanted(action: Action, want: ExpectedRow, field: str | Further) -> object:
    """The spec's value of ``field``, typed as the row holds it: the officers a tuple,
    the warnings none (a spec names the doubts it expects apart, as ``Action.warnings``)."""
    if field == "lead_officers":
        return tuple(action.leads)
    if field == "warnings":
        return ()
    return want.get(field, "")  # an extra the action leaves empty


def codes(row: ActionRow) -> set[WarningCode]:
    """The kinds of the row's warnings."""
    return {w.code for w in row.warnings}


def missing_warnings(row: ActionRow, expected: Sequence[str]) -> list[str]:
    """Each of the spec's expected doubts (a quote, "HoHNS", "filled") that no one of the
    row's warnings' messages holds."""
    return [part for part in expected if not any(part in w.message for w in row.warnings)]


def inferred(row: ActionRow) -> tuple[bool, bool]:
    """Whether the row's (recommendation, action) number was inferred from order, as its warnings say."""
    return WarningCode.RECOMMENDATION_INFERRED in codes(row), WarningCode.ACTION_INFERRED in codes(row)


def assert_field(rows: Sequence[object], expected: Sequence[tuple[Action, ExpectedRow]], field: str | Further) -> None:
    """Every row's ``field`` as the spec has it, rows in plan order; all wrong ones named."""
    assert len(rows) == len(expected), f"{len(rows)} actions extracted, {len(expected)} in the plan"
    wrong = []
    for row, (a, want) in zip(rows, expected, strict=True):
        value, expected_value = got(row, field), wanted(a, want, field)
        if value != expected_value:
            wrong.append(f"action {a.number}: got {value!r}, want {expected_value!r}")
    assert not wrong, f"{len(wrong)} wrong:\n" + "\n".join(wrong)


def document_expected(paper: Paper, fmt: str) -> tuple[str, str, int]:
    """The paper's documents.csv row as (status, format, actions)."""
    return paper.status, fmt, len(paper.plan.actions) if paper.plan else 0


def document_field(paper: Paper, field: str) -> str:
    """The spec's value of one of a plan paper's document fields: its title, its date, the plan's "as at"."""
    return {"title": paper.title, "document_date": paper.document_date, "plan_as_at": plan_of(paper).as_at}[field]
