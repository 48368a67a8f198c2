"""Logical plan rows to actions: carry each recommendation down to its actions, read
each row's actions (a cell holding several split, and the lead, status and further
cells beside them shared out: ``extract.cells``), and read their statuses."""
from __future__ import annotations

import re
from dataclasses import dataclass

from actionplans.extract.cells import Segment, is_list, opens_with_bullet, segment_cell, share_out, unbulleted
from actionplans.extract.colours import colour_name
from actionplans.extract.rag import parse_legend, read_rag
from actionplans.extract.records import ColumnKey, RawAction, WarningCode, WarningItem, column_name
from actionplans.extract.regions import Region, printed_headers, row_cells, row_region
from actionplans.extract.tables import IDENTITY, PlanRow, PlanTable, Slot
from actionplans.extract.text import clean, join
from actionplans.ingest.model import only_symbols
from actionplans.vocabulary import Vocabulary, default_vocabulary

_LEAD_IN = re.compile(r":$|:\s+\S")  # "Develop plans to:" (then its items, here or in rows below)
_REC_NUMBER = re.compile(r"^\s*(?:recommendation\s*)?(\d{1,2}[a-z]?)\s*[.):\-–]?\s+(?=\S)", re.I)
# "R1:", "R3:Tighten", "HS1 -": a code-like number with a letter prefix, then a colon or dash.
_CODED_NUMBER = re.compile(r"^\s*([A-Z]{1,3}\d{1,2}(?:\.\d{1,2})?[a-z]?|[A-Z](?=[.)]\s))\s*[:.)\-–]\s*(?=\S)")
# A label before a group's text that names its kind: "Objective 1:", "Priority 2 -",
# "Objective 2." (a full stop only after a number: else it ends a sentence),
# "Communities Scotland Recommendation:" (up to five words ending in a colon).
_GROUP_LABEL = re.compile(r"^\s*((?:[\w'’&-]+\s+){0,4}?)([A-Za-z]+)\s*(?:(\d{1,2}[a-z]?)\s*[.:\-–]|[:\-–])\s*(?=\S)")
# One action's entry in a number column: "1.2", "4b", "12", "A3", "CNES005A".
_COLUMN_NUMBER = re.compile(r"^(?:[A-Za-z]{1,6}\.?)?\d{1,4}(?:\.\d{1,3})*(?:[a-zA-Z]|\([a-z]\))?$")


@dataclass
class _Recommendation:
    number: str = ""
    text: str = ""


def rows_to_actions(plan: PlanTable, vocabulary: Vocabulary | None = None) -> list[RawAction]:
    """A plan's logical rows as actions, in printed order; status words are read with
    ``vocabulary`` (default: the shipped one)."""
    vocabulary = vocabulary or default_vocabulary()
    header = plan.header
    legend = parse_legend(header.legend, vocabulary)
    actions: list[RawAction] = []
    rec = _Recommendation()
    numbers_actions = _numbers_actions(plan)
    merged: dict[ColumnKey, Slot] = {}
    headers = printed_headers(header, vocabulary)
    for row in plan.rows:
        slots = _carry_merged(row.slots, merged)
        if numbers_actions and "number" in slots:
            slots = {("action_number" if k == "number" else k): v for k, v in slots.items()}
        rec = _recommendation(slots, rec, vocabulary)
        slot = slots.get("action")
        if slot is None or slot.continued or not slot.text:
            continue
        if actions and _completes_lead_in(slots, slot, actions[-1]):
            actions[-1].action_text = join([actions[-1].action_text, unbulleted(slot.text)])
            actions[-1].lead_in = True
            continue
        actions.extend(_row_actions(PlanRow(slots, row.page), slot, rec, _Statuses(legend, vocabulary), headers))
    return actions


def _completes_lead_in(slots: dict[ColumnKey, Slot], slot: Slot, last: RawAction) -> bool:
    """A bulleted row that finishes the sentence an action opened ("Develop plans to:"
    then "• define ...", "• identify ..."), printed as rows of its own by an unruled
    table: it has nothing of its own beside it (no number, lead, date or status)."""
    if not (_LEAD_IN.search(last.action_text) or last.lead_in) or not opens_with_bullet(slot.text):
        return False
    others = [s for name, s in slots.items() if name not in ("action", "recommendation") and not s.continued]
    return not any(s.text for s in others) and not any(
        s.text for name, s in slots.items() if name == "recommendation" and not s.continued)


def _carry_merged(slots: dict[ColumnKey, Slot], merged: dict[ColumnKey, Slot]) -> dict[ColumnKey, Slot]:
    """A lead, date or status cell merged down over several action rows belongs to
    each of them: repeat its content on the rows it covers."""
    out = dict(slots)
    for name, slot in slots.items():
        if not slot.continued:
            merged[name] = slot
        elif name not in IDENTITY and name in merged:
            origin = merged[name]
            out[name] = Slot(paragraphs=origin.paragraphs, fill=origin.fill, box=origin.box, carried=True)
    return out


def _numbers_actions(plan: PlanTable) -> bool:
    """Whether the number column numbers actions rather than recommendations: it sits
    right of the recommendations, or beside a column of recommendation numbers, or it
    holds a number on rows that carry on the recommendation above (a "Ref" of "1.1",
    "1.2" beside each action)."""
    number, rec = plan.header.col("number"), plan.header.col("recommendation")
    if number is None:
        return False
    if _merged_over_groups(plan):
        return False  # one number merged down over several action rows numbers their group
    if rec is None or number > rec or plan.header.col("rec_number") is not None:
        return True
    carried = 0
    for row in plan.rows:
        n, r = row.slots.get("number"), row.slots.get("recommendation")
        if n is not None and not n.continued and n.text and (r is None or r.continued or not r.text):
            carried += 1
    return carried >= 2


def _merged_over_groups(plan: PlanTable) -> bool:
    """Whether the number column's cells are merged down over action rows more often
    than they are printed: a group's reference ("HS1") beside its milestones."""
    printed = merged = 0
    for row in plan.rows:
        n, a = row.slots.get("number"), row.slots.get("action")
        if n is None or a is None or a.continued or not a.text:
            continue
        if n.continued:
            merged += 1
        elif n.text:
            printed += 1
    return printed > 0 and merged >= printed


def _recommendation(slots: dict[ColumnKey, Slot], current: _Recommendation, vocabulary: Vocabulary) -> _Recommendation:
    number_slot = slots.get("rec_number") or slots.get("number")
    rec_slot = slots.get("recommendation")
    number = number_slot.text if number_slot is not None and not number_slot.continued else ""
    text = group_text(rec_slot, vocabulary) if rec_slot is not None and not rec_slot.continued else ""
    if not number and not text:
        return current
    if not text and not current.number and current.text:
        # A group's heading row gave the text; its first action row's number column
        # (merged down over the group) gives the number.
        return _Recommendation(number=number.rstrip(".):"), text=current.text)
    if not number:
        number, text = _group_number(text, vocabulary)
    number, text = number.rstrip(".):"), clean(text)
    if number and number == current.number and current.text and text.startswith(current.text):
        return current  # the group's title printed again after a page break ("... (continued)")
    return _Recommendation(number=number, text=text)


_TITLE_WORDS = 8  # a group's title printed over its description is at most this long


def group_text(slot: Slot, vocabulary: Vocabulary) -> str:
    """A group cell's text; where it prints a short title over a description of the group
    ("Energy & Buildings" over "Our goal is to reduce ..."), the title alone, as a reader
    names the group by it. A bare label ("Objective 1:") is no title: its text follows."""
    paras = [t for p in slot.paragraphs if (t := clean(p.shown))]
    if len(paras) < 2:
        return slot.text
    title, rest = paras[0], " ".join(paras[1:])
    words = len(title.split())
    labelled = _group_number(title, vocabulary)
    if not 1 <= words <= _TITLE_WORDS or title.endswith((".", ":", ";", ",")) or (labelled[0] and not labelled[1]):
        return slot.text
    # The rest reads as a description: sentences, longer than the title.
    if len(rest.split()) < 2 * words or not re.search(r"[.!?]$|\b(?:our|we|will|to)\b", rest, re.I):
        return slot.text
    return title


def _group_number(text: str, vocabulary: Vocabulary) -> tuple[str, str]:
    """(number, text without its label) of a recommendation or group heading: "3. Text",
    "Recommendation 3: Text", "R1: Text", "Objective 1: Text"; a label of the group's kind
    without a number ("Communities Scotland Recommendation: Text") is dropped too."""
    m = _REC_NUMBER.match(text) or _CODED_NUMBER.match(text)
    if m:
        return m.group(1), text[m.end():]
    m = _GROUP_LABEL.match(text)
    if m and vocabulary.role_of(m.group(2), 90.0) in ("recommendation", "priority"):
        return m.group(3) or "", text[m.end():]
    return "", text


@dataclass(frozen=True)
class _Statuses:
    """How a plan's status cells are read: its own legend, then the vocabulary."""

    legend: dict[str, str]
    vocabulary: Vocabulary


def _row_actions(row: PlanRow, slot: Slot, rec: _Recommendation, statuses: _Statuses,
                 headers: dict[ColumnKey, str]) -> list[RawAction]:
    segments, numbered = segment_cell(slot)
    numbered = _number_from_column(row.slots.get("action_number"), segments) or numbered
    lead_slot = row.slots.get("lead")
    leads = share_out(lead_slot, segments)
    if not numbered and len(segments) > 1 and not _confirmed(row, slot, segments):
        # Unnumbered paragraphs nothing beside them confirms as separate actions: one
        # action whose text keeps its paragraphs.
        segments = [Segment("", [t for s in segments for t in s.texts], segments[0].start)]
        leads = share_out(lead_slot, segments)
    warnings: list[WarningItem] = []
    if leads is None:
        whole = lead_slot.text if lead_slot is not None else ""
        leads = [whole] * len(segments)
        warnings.append(WarningItem(WarningCode.LEAD_NOT_SPLIT,
                                    f"lead cell shared by {len(segments)} actions could not be split; whole cell kept"))
    rag_texts = _rag_texts(row.slots.get("rag"), segments)
    extras, kept = _extras(row, segments)
    out = []
    cells = row_cells(row, headers)  # the row's, whichever of its actions
    for i, seg in enumerate(segments):
        rag_raw, rag, why = _status(*rag_texts[i], statuses)
        page = action_page(seg, row)
        action = RawAction(
            recommendation_number=rec.number, recommendation_text=rec.text,
            action_number=seg.number, action_text=join(seg.texts), lead_raw=leads[i],
            rag_raw=rag_raw, rag=rag, page=page,
            extras=extras[i], warnings=list(warnings) + ([why] if why else []) + kept,
            lead_shared=bool(warnings), region=_region(row, segments, i, page), cells=cells)
        out.append(action)
    return out


def _confirmed(row: PlanRow, slot: Slot, segments: list[Segment]) -> bool:
    """Whether unnumbered paragraphs of an action cell are separate actions: a list of
    bullets and nothing else (the printed marks say so; an officer cell that cannot be
    shared out is then each one's, with a warning); or plain paragraphs beside a lead,
    date or status cell of as many paragraphs, each level with its action. A wrapped
    officer's name beside a two-paragraph action is no evidence."""
    if is_list(slot):
        return True
    cells = [row.slots.get(name) for name in ("lead", "target_date", "rag")]
    return any(c is not None and not c.carried and share_out(c, segments, whole=True) is not None
               and len([p for p in c.paragraphs if p.shown.strip()]) == len(segments) for c in cells)


def action_page(seg: Segment, row: PlanRow) -> int | None:
    return seg.start[0] if seg.start else row.page


def _region(row: PlanRow, segments: list[Segment], i: int, page: int | None) -> Region | None:
    """The region of the page where action ``i`` of the row was printed: the whole row,
    or where several actions share a cell, from its first line to the next one's."""
    start = segments[i].start
    if len(segments) == 1 or start is None:
        return row_region(row, page)
    after = segments[i + 1].start if i + 1 < len(segments) else None
    below = after[1] - 0.5 if after is not None and after[0] == page else None
    return row_region(row, page, start[1] - 0.5, below)


def _number_from_column(slot: Slot | None, segments: list[Segment]) -> bool:
    """Give unnumbered segments their numbers from a number column ("Ref"), one number
    per action, shared out like the lead cell. Returns whether any were given."""
    if slot is None or not slot.text:
        return False
    shares = share_out(slot, segments) or []
    numbers = [_column_number(share) for share in shares]
    if len(numbers) != len(segments) or not all(_COLUMN_NUMBER.match(n) for n in numbers):
        return False
    given = False
    for seg, number in zip(segments, numbers, strict=True):
        if not seg.number:
            seg.number, given = number, True
    return given


def _column_number(text: str) -> str:
    """A number column's entry without its punctuation: "(3)", "4.", "12)" give "3", "4",
    "12"; "1.1(a)" keeps its bracketed letter."""
    number = text.strip(" .:")
    if number.endswith(")") and number.count(")") > number.count("("):
        number = number[:-1]
    if number.startswith("(") and number.count("(") > number.count(")"):
        number = number[1:]
    return number.strip(" .:")


def _status(text: str, fill: str | None, statuses: _Statuses) -> tuple[str, str, WarningItem | None]:
    """(rag_raw, rag, warning) from a RAG cell's text and its fill colour."""
    name, by_colour = colour_name(fill, statuses.vocabulary)
    if not text or (by_colour and only_symbols(text)):  # a fill, or a dot in the status's colour
        return name, by_colour, None
    rag, why = read_rag(text, statuses.legend, statuses.vocabulary)
    if by_colour and rag and by_colour != rag:
        return text, rag, WarningItem(WarningCode.STATUS_FILL, f"status text says {rag} but the cell is filled {name}")
    return text, rag, why


def _rag_texts(slot: Slot | None, segments: list[Segment]) -> list[tuple[str, str | None]]:
    if slot is None:
        return [("", None)] * len(segments)
    shares = share_out(slot, segments) or [slot.text] * len(segments)
    return [(share, slot.fill) for share in shares]


def _extras(row: PlanRow, segments: list[Segment]) -> tuple[list[dict[ColumnKey, str]], list[WarningItem]]:
    """Each segment's further columns, and the warnings for cells kept whole: a cell
    beside several actions (a progress narrative) is shared out only where it splits
    into as many paragraphs as there are actions; else each action gets all of it."""
    extras: list[dict[ColumnKey, str]] = [{} for _ in segments]
    kept: list[WarningItem] = []
    for name, slot in row.slots.items():
        if name in IDENTITY or name in ("lead", "rag") or slot.continued:
            continue
        shares = share_out(slot, segments, whole=True)
        if shares is None:
            shares = [slot.text] * len(segments)
            kept.append(WarningItem(WarningCode.CELL_NOT_SPLIT, f"{column_name(name)} cell shared by "
                                    f"{len(segments)} actions could not be split; whole cell kept"))
        for i, share in enumerate(shares):
            extras[i][name] = unbulleted(share) if len(segments) > 1 else share
    return extras, kept
