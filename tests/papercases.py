"""What the paper-by-paper test modules share: a test paper's spec (``samplegen.spec``)
against the rows the pipeline gives, one field at a time."""
from __future__ import annotations

from collections.abc import Sequence

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


def assert_field(rows: Sequence[object], expected: Sequence[tuple[Action, ExpectedRow]], field: str | Further) -> None:
    """Every row's ``field`` as the spec has it, rows in plan order; all wrong ones named."""
    assert len(rows) == len(expected), f"{len(rows)} actions extracted, {len(expected)} in the plan"
    wrong = []
    for row, (a, want) in zip(rows, expected, strict=True):
        value, wanted = got(row, field), want.get(field, "")  # an extra the action leaves empty
        if value != wanted:
            wrong.append(f"action {a.number}: got {value!r}, want {wanted!r}")
    assert not wrong, f"{len(wrong)} wrong:\n" + "\n".join(wrong)
