"""What each cell of an issue-23 paper's table holds, for the writers that are not
reportlab's (Word, the web page): the same words the printed PDF shows, as paragraphs,
so every version of a paper is read against the one ``Paper``."""
from __future__ import annotations

from dataclasses import dataclass

from .layouts23 import ListRow, Sheet
from .spec import Action, Plan, Recommendation, Row


@dataclass(frozen=True)
class Para:
    text: str
    bullet: bool = False  # an item of a bulleted list


Content = tuple[Para, ...]


def header_texts(plan: Plan, sheet: Sheet) -> tuple[str, ...]:
    """The header cells as printed, "\\n" where a header wraps on purpose."""
    return sheet.header_lines or plan.headers


def banner_text(rec: Recommendation, sheet: Sheet) -> str:
    return sheet.banner_label.format(n=rec.number, text=rec.text)


def _shared(texts: list[str]) -> Content:
    """One cell's paragraphs; a value every action of the row shares is printed once."""
    if len(set(texts)) == 1:
        texts = texts[:1]
    return tuple(Para(t) for t in texts if t)


def _action_content(row: Row) -> Content:
    actions = row.actions
    if len(actions) == 1 and actions[0].paragraphs:
        return tuple(Para(p) for p in actions[0].paragraphs)
    bullets = isinstance(row, ListRow) and row.bullets
    return tuple(Para((f"{a.number} " if a.number_style == "text" else "") + a.text, bullets) for a in actions)


def _extra(a: Action, name: str) -> str:
    return dict(a.extras).get(name, "")


def as_lines(content: Content) -> Content:
    """A cell's paragraphs as one paragraph of lines, as editors type them with line breaks
    (<br>, Word's Shift+Enter): a blank line between paragraphs, bullets typed "• "."""
    text = ""
    for i, para in enumerate(content):
        if i:
            text += "\n" if para.bullet and content[i - 1].bullet else "\n\n"
        text += ("\u2022 " if para.bullet else "") + para.text
    return (Para(text),) if content else ()


def row_cells(row: Row, rec: Recommendation, first: bool, sheet: Sheet) -> list[Content]:
    """The row's cells, in the sheet's column order; the recommendation is printed in its
    group's first row only (a writer spanning it down the group uses that one)."""
    actions = row.actions
    values = {
        "action": _action_content(row),
        "lead": _shared([a.lead_raw for a in actions]),
        "rag": _shared([a.rag_raw for a in actions]),
        "target_date": _shared([_extra(a, "target_date") for a in actions]),
        "progress": _shared([_extra(a, "progress") for a in actions]),
        "recommendation": (Para(f"{rec.number}. {rec.text}"),) if first else (),
    }
    return [as_lines(values[c]) if sheet.line_breaks else values[c] for c in sheet.columns]
