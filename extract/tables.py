"""Find action-plan tables and turn their printed rows into logical rows.

A plan printed over several pages reaches us as one table per page (PDF): the pieces
are joined, repeated header rows dropped, and a row the page break cut in two is put
back together. Word tables arrive whole, with merged cells marked.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from actionplans.extract.headers import Header, HeaderSettings
from actionplans.extract.judgements import Judgement, judge_table
from actionplans.extract.records import ColumnKey, OwnColumn, extra_column_name
from actionplans.extract.text import clean, key
from actionplans.ingest.model import Block, Box, Cell, Paragraph, Row, Table
from actionplans.vocabulary import Vocabulary

# "12)", "12.", "(12)", and "2.3" or "4b" even without punctuation; a plain "12 " is too
# often the start of a sentence ("12 week review") to count.
ITEM_NUMBER = re.compile(r"^\s*\(?(\d{1,3}(?:\.\d{1,3})+[a-z]?|\d{1,3}[a-z]?(?=[).:])|\d{1,3}[a-z](?=\s|$))"
                         r"(?:[).:]|\s|$)")


# Columns that say which action a row is, not a value shared with it: a merged cell in
# one is not repeated down the rows it covers, nor a spanned cell copied into one.
IDENTITY = frozenset({"action", "recommendation", "rec_number", "number", "action_number"})


@dataclass
class Slot:
    """One cell's content in a logical row."""

    paragraphs: list[Paragraph]
    fill: str | None = None
    continued: bool = False  # a vertical merge: the content is the slot above's
    carried: bool = False  # a merged cell's content repeated on a row it covers
    box: Box | None = None

    @property
    def text(self) -> str:
        return clean(" ".join(p.shown for p in self.paragraphs))


@dataclass
class PlanRow:
    slots: dict[ColumnKey, Slot]
    page: int | None = None


@dataclass
class PlanTable:
    header: Header
    rows: list[PlanRow] = field(default_factory=list)
    last_page: int | None = None
    last_box: Box | None = None
    n_cols: int = 0
    edges: tuple[float, ...] = ()  # left edges of the columns (PDF), to recognise its continuation
    first_page: int | None = None
    first_table: int = 0  # its first piece's place among the document's tables

    @property
    def pages(self) -> str:
        """"3" or "3-5" (PDF); "" for Word."""
        if self.first_page is None:
            return ""
        last = self.last_page or self.first_page
        return str(self.first_page) if last == self.first_page else f"{self.first_page}-{last}"


def judgements_to_plans(judgements: Sequence[Judgement], settings: HeaderSettings) -> list[PlanTable]:
    """A paper's plans from its tables, judged in order: a table with a plan's header
    starts a plan (or carries on the one before, where the header is the same); a table
    without one carries on the plan before where its columns line up with it."""
    plans: list[PlanTable] = []
    current: PlanTable | None = None
    for index, judged in enumerate(judgements):
        if current is not None:
            judged = _regridded(current, judged, settings)
        table, header = judged.table, judged.header
        if judged.plan:
            # A piece carries the plan on where its header is the plan's (but for spacing and
            # wrapping), or where one of the two has none and they give the columns the same roles.
            joins = current is not None and _continues(current, table) and (
                same_header(header.texts, current.header.texts) or header.headerless
                or (current.header.headerless and header.roles == current.header.roles))
            if not joins:
                current = PlanTable(header=header, n_cols=table.n_cols, edges=_edges(table), first_page=table.page,
                                    first_table=index)
                plans.append(current)
            assert current is not None
            _append(current, table.rows[judged.start + 1:], table, joined=joins, vocabulary=settings.vocabulary)
        elif current is not None and _continues(current, table):
            _append(current, table.rows, table, joined=True, vocabulary=settings.vocabulary)
        else:
            current = None
    return plans


def rejoin_headers(blocks: list[Block]) -> list[Block]:
    """A table of one row followed, on the same page, by a table whose columns line up
    with it is a header printed apart from its body (an unruled table with a gap under
    its header): one table again, so the header is judged with its rows."""
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if isinstance(block, Table) and isinstance(last, Table) and len(last.rows) == 1 \
                and last.page is not None and block.page == last.page and block.n_cols == last.n_cols \
                and _aligned(_edges(last), _edges(block)):
            out[-1] = Table(rows=last.rows + block.rows, page=last.page, box=last.box)
        else:
            out.append(block)
    return out


def same_header(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two header rows print the same words, however they are spaced or wrapped
    ("Lead officer", "Lead\nofficer", "Leadofficer", "Lead of-\nficer")."""
    return len(a) == len(b) and all(key(x) == key(y) for x, y in zip(a, b, strict=True))


def _aligned(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Columns that start near each other: an unruled table's edges come from its text,
    and a header is often set a little apart from the cells below it."""
    return bool(a) and bool(b) and all(abs(x - y) <= 24 for x, y in zip(a, b, strict=False))


def _continues(plan: PlanTable, table: Table) -> bool:
    """A table on the next page whose columns line up with the plan's carries it on."""
    if plan.last_page is None or table.page is None:
        return False
    # The next page; or the same page where the plan so far is its header alone (an
    # unruled table whose header row stands apart from its body).
    if table.page != plan.last_page + 1 and not (table.page == plan.last_page and not plan.rows):
        return False
    if table.n_cols != plan.n_cols:
        return False
    edges = _edges(table)
    return not plan.edges or not edges or all(abs(a - b) <= 6 for a, b in zip(plan.edges, edges, strict=False))


def _regridded(plan: PlanTable, judged: Judgement, settings: HeaderSettings) -> Judgement:
    """A piece on the next page that repeats the plan's header but lacks some of its
    columns, each of its own lining up with one of the plan's, given the plan's grid: the
    columns it lacks come back empty. An unheaded column of colour blocks (statuses shown
    by colour alone) is found from its blocks, so a page whose rows are all unrated has
    none; its rows still carry on the plan. Returns the piece's judgement, regridded or not."""
    table = judged.table
    edges = _edges(table)
    if plan.last_page is None or table.page != plan.last_page + 1 or len(plan.edges) != plan.n_cols \
            or not 0 < len(edges) == table.n_cols < plan.n_cols:
        return judged
    mapping: list[int] = []  # the table's column -> the plan's
    for x in edges:
        start = mapping[-1] + 1 if mapping else 0
        col = next((c for c in range(start, plan.n_cols) if abs(plan.edges[c] - x) <= 6), None)
        if col is None:
            return judged
        mapping.append(col)
    missing = [c for c in range(plan.n_cols) if c not in mapping]
    bounds = (*plan.edges[1:], max((r.box.x1 for r in table.rows if r.box is not None), default=plan.edges[-1]))
    rows = []
    for row in table.rows:
        top, bottom = (row.box.top, row.box.bottom) if row.box is not None else (0.0, 0.0)
        cells = [replace(c, col=mapping[c.col]) for c in row.cells]
        cells += [Cell(paragraphs=[], col=c, page=row.page, box=Box(plan.edges[c], top, bounds[c], bottom))
                  for c in missing]
        rows.append(replace(row, cells=sorted(cells, key=lambda c: c.col)))
    regridded = judge_table(replace(table, rows=rows), settings)
    return regridded if regridded.plan and same_header(regridded.header.texts, plan.header.texts) else judged


def _edges(table: Table) -> tuple[float, ...]:
    """Left edges of the grid columns, from the widest-split row."""
    rows = [r for r in table.rows if all(c.box is not None for c in r.cells)]
    if not rows:
        return ()
    row = max(rows, key=lambda r: len(r.cells))
    return tuple(c.box.x0 for c in row.cells if c.box is not None)


def _append(plan: PlanTable, rows: list[Row], table: Table, joined: bool, vocabulary: Vocabulary) -> None:
    header_texts = plan.header.texts
    body = [r for r in rows if not r.header and not same_header(tuple(c.text for c in r.cells), header_texts)]
    for i, row in enumerate(body):
        new: PlanRow | None = _row(plan.header, row, vocabulary)
        # A group's banner opening a piece starts the group: it is printed whole, never
        # the rest of a row the break cut.
        if i == 0 and joined and plan.rows and new is not None and list(new.slots) != ["recommendation"]:
            new = _join_across_break(plan, new)
        if new is not None and any(s.text or s.fill for s in new.slots.values() if not s.continued):
            plan.rows.append(new)
    plan.last_page = table.page
    plan.last_box = table.box


def _row(header: Header, row: Row, vocabulary: Vocabulary) -> PlanRow:
    banner = _banner(header, row, vocabulary)
    if banner is not None and _sub_heading(header, row, banner):
        return PlanRow(slots={}, page=row.page)  # neither an action nor a group
    if banner is not None:
        return PlanRow(slots={"recommendation": banner}, page=row.page)
    slots: dict[ColumnKey, Slot] = {}
    for cell in row.cells:
        names = _column_names(header, cell, vocabulary)
        for i, name in enumerate(names):
            # A cell spanning two headed columns ("March 2024 – complete" across the
            # date and progress columns) holds both; but it never speaks for an action,
            # a recommendation or a lead beyond the first column it starts in.
            if name in slots or (i > 0 and (name in IDENTITY or name == "lead")):
                continue
            slots[name] = Slot(paragraphs=list(cell.paragraphs), fill=cell.fill, continued=cell.continued,
                               box=cell.box)
    return PlanRow(slots=slots, page=row.page)


def _banner(header: Header, row: Row, vocabulary: Vocabulary) -> Slot | None:
    """A recommendation printed as a full-width row ("Recommendation 3: ...") above its
    actions: one cell with text, spanning the action column and at least one other; or,
    where an unruled table gives no spans, one cell of text labelled as a group
    ("Priority 2 – Live well", "Objective 1:") with every other cell of the row empty."""
    filled = [c for c in row.cells if not c.continued and clean(c.text)]
    action = header.col("action")
    if len(filled) != 1 or action is None:
        return None
    cell = filled[0]
    spanned = [col for col in header.roles if cell.col <= col < cell.col + cell.col_span]
    labelled = _is_group_label(clean(cell.text), vocabulary) and header.col("recommendation") is None
    if (action not in spanned or len(spanned) < 2) and not labelled:
        return None
    return Slot(paragraphs=list(cell.paragraphs), fill=cell.fill, box=cell.box)


def _sub_heading(header: Header, row: Row, banner: Slot) -> bool:
    """A row spanning the action's columns but not the group's or number's column beside
    them ("Actions the council can take" under a "Ref" column): a sub-heading inside the
    plan, neither an action nor a group. One spanning the whole table is a group."""
    cell = next((c for c in row.cells if not c.continued and clean(c.text)), None)
    if cell is None or _GROUP_HEAD.match(banner.text):
        return False
    covered = range(cell.col, cell.col + cell.col_span)
    beside = [col for col, role in header.roles.items() if role in IDENTITY and role != "action" and col not in covered]
    return bool(beside) and cell.col_span > 1


_GROUP_HEAD = re.compile(r"^([A-Za-z]+)\s+\d{1,2}[a-z]?\s*[:.\-–]\s*\S")


def _is_group_label(text: str, vocabulary: Vocabulary) -> bool:
    """Whether a text opens with a group's label: a recommendation or priority word and
    a number ("Priority 2 – ", "Recommendation 3:", "Objective 1.")."""
    m = _GROUP_HEAD.match(text)
    return m is not None and vocabulary.role_of(m.group(1), 90.0) in ("recommendation", "priority")


def _column_names(header: Header, cell: Cell, vocabulary: Vocabulary) -> list[ColumnKey]:
    """The headed columns a cell covers, left to right."""
    names: list[ColumnKey] = []
    for col in range(cell.col, cell.col + cell.col_span):
        if col in header.roles:
            names.append(header.roles[col])
        elif col in header.names:
            names.append(OwnColumn(extra_column_name(header.names[col], vocabulary)))
    return names


# -- rows split by a page break ------------------------------------------------------

def _join_across_break(plan: PlanTable, new: PlanRow) -> PlanRow | None:
    """Put back what a page break cut off. Returns the row still to add, or None.

    When the main (action) cell of the first row on the new page does not open a new
    numbered item and the cell above ran to the foot of the page, the printed row was
    split: every column joins the row above. Otherwise only columns whose cell above
    (a merged recommendation, say) ran to the foot of the page carry on into it.
    """
    main = "action" if "action" in new.slots else "recommendation"
    _pushed_past_break(plan, new)
    origins = _origins(plan)
    if any(new.slots[n].text for n in ("rec_number", "number") if n in new.slots):
        return new
    main_slot = new.slots.get(main)
    if main_slot is not None and main_slot.text and not _opens_item(main_slot) \
            and _ran_on(origins.get(main), plan.last_box) and not _starts_own_row(new, origins.get(main), main):
        for name, slot in new.slots.items():
            if not slot.continued and slot.paragraphs and name in origins:
                _extend(origins[name], slot, _ran_on(origins[name], plan.last_box))
        return None
    last = plan.rows[-1].slots
    for name, slot in new.slots.items():
        if name == main or slot.continued or not slot.text or name not in origins:
            continue
        # Only a cell merged down over rows carries on into a new printed row; a cell
        # of the row above alone must also read as an unfinished sentence.
        merged = name in last and last[name].continued
        ran_on = _ran_on(origins[name], plan.last_box)
        lower = slot.text[:1].islower()
        if (merged and (ran_on or lower)) or (ran_on and lower):
            _extend(origins[name], slot, True)
            new.slots[name] = Slot(paragraphs=[], continued=True, box=slot.box)
    return new


_GROUP_COLUMNS = ("rec_number", "number", "recommendation")
_BULLETS = "•▪●◦-–·"


def _pushed_past_break(plan: PlanTable, new: PlanRow) -> None:
    """Give back what a printing program set after the page break: a merged cell that
    starts empty in the last row before the break, in a column whose cells span rows,
    and whose number or text heads the first row after the repeated header. So a
    recommendation whose number stands at the foot of one page and whose text follows
    the header on the next keeps both, and its first action has them too."""
    last = plan.rows[-1].slots
    numbered = [any(row.get(n) is not None and not row[n].continued and row[n].text for n in ("rec_number", "number"))
                for row in (last, new.slots)]
    for name in _GROUP_COLUMNS:
        before, after = last.get(name), new.slots.get(name)
        if before is None or after is None or before.continued or before.text or after.continued or not after.text:
            continue
        if all(numbered) or not any(name in r.slots and r.slots[name].continued for r in plan.rows):
            continue  # two groups, each numbered; or a column never merged (an unruled one)
        before.paragraphs = list(after.paragraphs)
        new.slots[name] = Slot(paragraphs=[], continued=True, box=after.box)


def _starts_own_row(new: PlanRow, above: Slot | None, main: str) -> bool:
    """A row after a page break that is a row of its own, in a plan that numbers
    nothing: the cell above ends a sentence, this one starts one (or a bulleted item),
    and the row has a lead, date or status of its own (a cut row's second half leaves
    those blank)."""
    text = new.slots[main].text
    starts = text[:1].isupper() or text[:1] in _BULLETS
    if above is None or not above.text.rstrip().endswith((".", "!", "?")) or not starts:
        return False
    return any(new.slots[n].text for n in ("lead", "target_date", "rag") if n in new.slots and
               not new.slots[n].continued)


def _origins(plan: PlanTable) -> dict[ColumnKey, Slot]:
    """For each column, the last slot with content of its own."""
    out: dict[ColumnKey, Slot] = {}
    for row in plan.rows:
        for name, slot in row.slots.items():
            if not slot.continued:
                out[name] = slot
    return out


def _opens_item(slot: Slot) -> bool:
    first = next((p for p in slot.paragraphs if p.shown.strip()), None)
    return first is not None and (bool(first.label) or bool(ITEM_NUMBER.match(first.shown)))


def _ran_on(slot: Slot | None, fragment_box: Box | None) -> bool:
    """Whether the slot's text reached the foot of its page's table piece."""
    if slot is None or fragment_box is None:
        return False
    lines = [ln for p in slot.paragraphs for ln in p.lines]
    if not lines or slot.box is None:
        return False
    last = lines[-1].box
    bottom = min(slot.box.bottom, fragment_box.bottom)
    return bottom - last.bottom < 1.6 * max(last.height, 6.0) + 6.0


def _extend(origin: Slot, more: Slot, ran_on: bool) -> None:
    """Append a continuation; where the text ran on to the page foot, its first
    paragraph carries on the last one's sentence."""
    paragraphs = [p for p in more.paragraphs if p.shown.strip()]
    if not paragraphs:
        return
    first = paragraphs[0]
    if ran_on and origin.paragraphs and not first.label and not ITEM_NUMBER.match(first.text):
        last = origin.paragraphs[-1]
        origin.paragraphs[-1] = Paragraph(
            text=clean(f"{last.text} {first.text}"), label=last.label, style=last.style, size=last.size,
            bold=last.bold, page=last.page, lines=last.lines + first.lines)
        paragraphs = paragraphs[1:]
    origin.paragraphs.extend(paragraphs)
