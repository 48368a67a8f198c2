"""Plans written as text, not tables: a heading that names a plan, then groups and actions
as headings, bullets and labelled lines, in any format that gives paragraphs.

    Climate action plan                       <- a heading naming a plan (vocabulary)
    Priority 1: Council buildings             <- a group: sub-heading, or "Priority 1: ..."
    Action: Fit LED lighting in every depot   <- an action: an "Action:" line, or a bullet
    Responsible officer: Head of Estates      <- its lead, due date, status, progress:
    By when: March 2026                          lines labelled with the column roles' words
    Status: On track

Each action becomes the same record a table's row does: the group is its
recommendation, the labels' values its lead, status and further columns. A field line
after an "Action:" line is that action's; after a run of bullets, it is every bullet's
of the group that lacks one ("Lead: Estates" under a group's list of actions).

Text that only talks about a plan stays out (minutes: "Action: JS to circulate the
report"; a report's section on its plan): the actions must sit under a plan's heading,
be several and read as actions, and either most carry a lead, due date or status line,
or they sit under several groups (``[text_plans]`` in the vocabulary).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from statistics import median

from actionplans.extract.rag import read_rag
from actionplans.extract.records import ColumnKey, RawAction
from actionplans.extract.text import clean, is_prose
from actionplans.ingest.model import Block, Paragraph, Table
from actionplans.vocabulary import Vocabulary

# "Label: value", the label a few words ("Responsible officer", "By when?", "Target date").
_LABELLED = re.compile(r"^([A-Za-z][A-Za-z '’/&()?-]{0,38}?)\s*[:：]\s*(.*)$")
# "Action 3: ..." / "Action 1.2 - ...": an action's number printed after the word.
_NUMBERED_ACTION = re.compile(r"^\s*action\s+(\d{1,3}(?:\.\d{1,3})*[a-z]?)\s*[:.)\-–]\s*(.*)$", re.I | re.S)
# A group's label and number: "Priority 1:", "Objective 2 -", "Theme 3.", "1. Transport".
_GROUP = re.compile(r"^\s*(?:([A-Za-z]+)\s+)?(\d{1,2}(?:\.\d{1,2})?[a-z]?)\s*[:.)\-–]\s*(\S.*)$", re.S)
_BULLETS = "•▪●◦‣∙·-–*o"
_GLYPH = re.compile(r"^[•▪●◦‣∙·\-–*]\s+")  # a bullet typed as text (PDF, plain paragraphs)
# The roles a labelled line may fill, and the roles that make an action's fields.
_FIELD_ROLES = ("lead", "target_date", "rag", "progress", "measure")
_LABEL_ROLES = ("action", "recommendation", "priority", *_FIELD_ROLES)
_MAX_HEADING_WORDS = 14
# The most words a field's value runs to: a longer one is a sentence that uses the word.
_MAX_WORDS = {"lead": 12, "target_date": 8, "rag": 6}


@dataclass
class TextLine:
    """One paragraph of the text, or one line of it where a PDF set several labelled
    lines as one paragraph: what it is to a plan written as text."""

    text: str
    page: int | None
    heading: int | None = None  # heading level (99 where a heading by its look only), None otherwise
    bullet: bool = False
    size: float = 0.0  # font size where known (PDF): a heading by its look ends a plan headed no larger


@dataclass
class TextAction:
    group_number: str
    group_text: str
    number: str
    text: str
    page: int | None
    fields: dict[str, str] = field(default_factory=dict)  # role -> value
    labelled: bool = False  # started by an "Action:" line (its field lines are its own)


@dataclass
class TextPlan:
    """A plan found written as text, or a candidate that is no plan and why."""

    heading: str
    page: int | None
    actions: list[TextAction]
    groups: int
    reason: str = ""  # why it is no plan ("" for a plan)


# --- paragraphs as lines ------------------------------------------------------------

def blocks_to_lines(blocks: list[Block]) -> list[TextLine | None]:
    """The text outside tables as lines, in reading order; None where a table stands (a
    plan written as text does not run across one)."""
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    body = median([p.size for p in paragraphs if p.size] or [0.0])
    out: list[TextLine | None] = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(None)
            continue
        for line in _paragraph_lines(block, body):
            last = out[-1] if out else None
            if not (line.heading is not None and last is not None and last.heading is not None
                    and last.text == line.text):  # a web page's title, then its h1 of the same words
                out.append(line)
    return out


def _paragraph_lines(p: Paragraph, body: float) -> list[TextLine]:
    heading = _heading_level(p, body)
    bullet = bool(p.label.strip()) and (p.label.strip()[0] in _BULLETS or bool(re.match(r"^\(?\w{1,3}[.)]$",
                                                                                         p.label.strip())))
    pieces = _pieces(p)
    lines = []
    for i, text in enumerate(pieces):
        glyph = _GLYPH.match(text)
        lines.append(TextLine(clean(text[glyph.end():] if glyph else text), p.page,
                              heading if len(pieces) == 1 else None, (bullet and i == 0) or bool(glyph), p.size))
    return [line for line in lines if line.text]


def _pieces(p: Paragraph) -> list[str]:
    """A paragraph split where a line starts a label or a bullet: a PDF sets "Action: ..."
    and "Lead: ..." lines as one paragraph where no gap parts them; Word breaks a line."""
    raw = [ln.text for ln in p.lines] if p.lines else p.text.split("\n")
    pieces: list[str] = []
    for line in raw:
        starts = _GLYPH.match(line) or _is_label_line(line)
        if pieces and not starts:
            pieces[-1] = f"{pieces[-1]} {line}"
        else:
            pieces.append(line)
    return pieces or [p.text]


def _is_label_line(text: str) -> bool:
    m = _LABELLED.match(text.strip())
    return m is not None and len(m.group(1).split()) <= 4


def _heading_level(p: Paragraph, body: float) -> int | None:
    """A heading's level: by its style, else 99 for a short line set apart by its look
    (bold, or larger than the body text), None for any other paragraph."""
    if p.heading_level is not None:
        return p.heading_level
    text = clean(p.shown)
    if not text or len(text.split()) > _MAX_HEADING_WORDS or text.endswith((".", ",", ";")):
        return None
    larger = bool(body) and p.size >= body * 1.15
    return 99 if (p.bold or larger) and not p.label.strip() else None


# --- what a line is ----------------------------------------------------------------

def _label(text: str, vocabulary: Vocabulary) -> tuple[str, str, str] | None:
    """(role, value, number) of a labelled line whose label is a column role's words
    ("Responsible officer: X" is the lead; "Action 3: X" an action numbered 3), None for
    any other line."""
    m = _NUMBERED_ACTION.match(text)
    if m:
        return "action", clean(m.group(2)), m.group(1)
    m = _LABELLED.match(text)
    if m is None or len(m.group(1).split()) > 4:
        return None
    role = vocabulary.role_of(m.group(1).strip(), 90.0)
    value = clean(m.group(2))
    if role is None or role not in _LABEL_ROLES or len(value.split()) > _MAX_WORDS.get(role, 10_000):
        return None  # "Status: the director reports that ..." is a sentence, not a status
    return role, value, ""


def is_plan_heading(text: str, vocabulary: Vocabulary) -> bool:
    low = clean(text).lower()
    return len(low.split()) <= _MAX_HEADING_WORDS and bool(_headings(vocabulary.text_plans.headings).search(low))


@cache  # once per vocabulary's headings, not per line
def _headings(headings: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b{re.escape(h)}\b" for h in headings) or r"(?!x)x")


def _group(text: str) -> tuple[str, str]:
    """(number, text) of a group's heading: "Priority 1: Buildings" gives ("1", "Buildings")."""
    m = _GROUP.match(text)
    return (m.group(2), clean(m.group(3))) if m else ("", clean(text))


# --- reading the lines ---------------------------------------------------------------

@dataclass
class _Reading:
    heading: str
    level: int
    page: int | None
    size: float
    actions: list[TextAction] = field(default_factory=list)
    group: tuple[str, str] = ("", "")
    groups: int = 0
    pending: dict[str, str] = field(default_factory=dict)  # a group's fields set before its actions


def lines_to_text_plans(lines: list[TextLine | None], vocabulary: Vocabulary) -> list[TextPlan]:
    """Every run of lines under a heading that names a plan, read as a plan and judged."""
    plans: list[TextPlan] = []
    reading: _Reading | None = None
    for line in lines:
        if line is None or (reading is not None and _ends(line, reading, vocabulary)):
            if reading is not None:
                plans.append(_judged(reading, vocabulary))
            reading = None
            if line is None:
                continue
        if reading is None:
            if line.heading is not None and is_plan_heading(line.text, vocabulary):
                reading = _Reading(line.text, line.heading, line.page, line.size)
            continue
        _read(line, reading, vocabulary)
    if reading is not None:
        plans.append(_judged(reading, vocabulary))
    return plans


def _ends(line: TextLine, reading: _Reading, vocabulary: Vocabulary) -> bool:
    """A heading as high as the plan's own (or another plan's heading) ends it; a lower
    one, or one labelled as a group ("Priority 2: ..."), is a group inside it."""
    if line.heading is None or _GROUP.match(line.text) and _group_word(line.text, vocabulary):
        return False
    if is_plan_heading(line.text, vocabulary):
        return True
    if reading.level == 99:  # headings told by their look: by size
        return line.heading == 99 and line.size >= reading.size > 0
    return line.heading <= reading.level


def _group_word(text: str, vocabulary: Vocabulary) -> bool:
    m = _GROUP.match(text)
    word = m.group(1) if m else None
    return word is None or vocabulary.role_of(word, 90.0) in ("recommendation", "priority")


def _read(line: TextLine, reading: _Reading, vocabulary: Vocabulary) -> None:
    label = _label(line.text, vocabulary)
    if label is None:
        if line.heading is not None:
            _start_group(reading, _group(line.text))
        elif line.bullet:
            _add(reading, line.text, line, labelled=False)
        return
    role, value, number = label
    if role in ("recommendation", "priority"):
        _start_group(reading, _group(value))
    elif role == "action":
        if value:  # "Actions:" alone leads in to bullets
            _add(reading, value, line, labelled=True, number=number)
    else:
        _set_field(reading, role, value)


def _start_group(reading: _Reading, group: tuple[str, str]) -> None:
    reading.group, reading.pending = group, {}
    reading.groups += 1


def _add(reading: _Reading, text: str, line: TextLine, labelled: bool, number: str = "") -> None:
    action = TextAction(reading.group[0], reading.group[1], number, text, line.page, dict(reading.pending), labelled)
    reading.actions.append(action)


def _set_field(reading: _Reading, role: str, value: str) -> None:
    """A field line: the labelled action's before it, else every bullet of the group's
    that lacks one; before any action of the group, the group's own (its actions take it)."""
    group = [a for a in reading.actions if (a.group_number, a.group_text) == reading.group]
    if not group:
        reading.pending[role] = value
    elif group[-1].labelled:
        group[-1].fields.setdefault(role, value)
    else:
        for action in group:
            if not action.labelled:
                action.fields.setdefault(role, value)


def _judged(reading: _Reading, vocabulary: Vocabulary) -> TextPlan:
    plan = TextPlan(reading.heading, reading.page, reading.actions, reading.groups)
    words = vocabulary.text_plans
    actions = reading.actions
    labelled = sum(any(a.fields.get(r) for r in ("lead", "target_date", "rag")) for a in actions)
    grouped = len({(a.group_number, a.group_text) for a in actions if a.group_text})
    if not actions:
        plan.reason = "no bullets or \"Action:\" lines under it"
    elif len(actions) < vocabulary.min_actions:
        plan.reason = "only one action under it"
    elif labelled < words.min_labelled_share * len(actions) and grouped < words.min_groups:
        plan.reason = ("its bullets or action lines mostly lack a lead, due date or status line, and sit in too few "
                       "groups")
    elif sum(is_prose(a.text, vocabulary.action_min_words) for a in actions) < vocabulary.action_share * len(actions):
        plan.reason = "its bullets are numbers or a few words, not actions"
    return plan


def text_plan_to_actions(plan: TextPlan, vocabulary: Vocabulary) -> list[RawAction]:
    """A plan written as text as the records a table's rows give: the group is the
    recommendation, the status line the RAG, the due date and progress further columns."""
    out = []
    for a in plan.actions:
        rag, why = read_rag(a.fields.get("rag", ""), {}, vocabulary)
        extras: dict[ColumnKey, str] = {role: a.fields[role] for role in ("target_date", "progress", "measure")
                                        if a.fields.get(role)}
        out.append(RawAction(recommendation_number=a.group_number, recommendation_text=a.group_text,
                             action_number=a.number, action_text=a.text, lead_raw=a.fields.get("lead", ""),
                             rag_raw=a.fields.get("rag", ""), rag=rag, page=a.page, extras=extras,
                             warnings=[why] if why else []))
    return out


__all__ = ["TextAction", "TextLine", "TextPlan", "blocks_to_lines", "is_plan_heading", "lines_to_text_plans",
           "text_plan_to_actions"]
