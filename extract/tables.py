"""Find action-plan tables and turn their printed rows into logical rows.

A plan printed over several pages reaches us as one table per page (PDF): the pieces
are joined, repeated header rows dropped, and a row the page break cut in two is put
back together. Word tables arrive whole, with merged cells marked.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from actionplans.extract.headers import Header, HeaderSettings, read_header
from actionplans.extract.records import extra_column_name
from actionplans.extract.roles import assign_roles, reads_as_header
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
    slots: dict[str, Slot]
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


Judgement = tuple[int, Header, str]
# Judgements already made in one paper, by table (kept with the table, so an id is never
# reused while its entry lives): a table is judged once, however many readers ask.
Judged = dict[int, tuple[Table, Judgement]]


def find_header(table: Table, settings: HeaderSettings, judged: Judged | None = None) -> tuple[int, Header] | None:
    """The first of the top rows that reads as a plan header."""
    start, header, why = judged_header(table, settings, judged)
    return (start, header) if not why else None


def judged_header(table: Table, settings: HeaderSettings, judged: Judged | None) -> Judgement:
    """``judge_header``, remembered in ``judged`` where one is given."""
    if judged is None:
        return judge_header(table, settings)
    if id(table) not in judged:
        judged[id(table)] = (table, judge_header(table, settings))
    return judged[id(table)][1]


def judge_header(table: Table, settings: HeaderSettings) -> tuple[int, Header, str]:
    """The top row that reads best as a plan's header: (its index, the header, "" where
    it is a plan's, else why not). A header of a plan's roles is still no plan where its
    cells read as a risk register's, a scorecard's, a budget's or a meeting's."""
    if _is_form(table):
        return 0, read_header([(c.col, c.text) for c in table.rows[0].cells if not c.continued], settings), \
            "a form of labelled fields (\"Title:\", \"Date:\"), not rows of actions"
    best: tuple[int, Header, str] | None = None
    for i, row in enumerate(table.rows[:3]):
        header = read_header([(c.col, c.text) for c in row.cells if not c.continued], settings)
        if not reads_as_header(header, settings.vocabulary):
            continue  # a row of no header's words is the table's first row of cells
        _priority_as_group(header, table.rows[i + 1:])
        assign_roles(header, table.rows[i + 1:], settings.vocabulary)
        why = header.verdict_words() or decoy_words(header, settings) or figure_columns(header, table.rows[i + 1:])
        if not why:
            return i, header, ""
        if best is None or len(header.roles) > len(best[1].roles):
            best = (i, header, why)
    headerless = _headerless(table, settings)
    if best is None or not headerless[2]:
        return headerless
    return best


def _headerless(table: Table, settings: HeaderSettings) -> tuple[int, Header, str]:
    """A table printed without a header row (or whose header stayed on another page),
    judged on what its columns hold alone: every row is a row of cells (index -1)."""
    if not table.rows:
        return 0, Header(), "no rows"
    header = read_header([(c.col, "") for c in table.rows[0].cells if not c.continued], settings)
    header.texts = ()
    header.headerless = True
    assign_roles(header, table.rows, settings.vocabulary)
    return -1, header, header.verdict_words() or decoy_words(header, settings) or figure_columns(header, table.rows)


def _is_form(table: Table) -> bool:
    """A cover sheet's key/value table: most rows' first cell is a label ending in ":"."""
    firsts = [clean(r.cells[0].text) for r in table.rows if r.cells and clean(r.cells[0].text)]
    return len(firsts) >= 2 and sum(t.endswith(":") for t in firsts) >= 0.5 * len(firsts)


def _priority_as_group(header: Header, body: list[Row]) -> None:
    """A "Priority" column is a rating (High, 2) beside a recommendation column, but the
    group each action serves where a plan has none and it holds words ("Leadership,
    management and governance"): then it takes the recommendation's role."""
    col = header.col("priority")
    if col is None or header.col("recommendation") is not None:
        return
    texts = [clean(c.text) for r in body[:12] if (c := r.cell_at(col)) is not None and not c.continued]
    texts = [t for t in texts if t]
    if texts and sum(len(t.split()) for t in texts) / len(texts) >= 3:
        header.roles[col] = "recommendation"


def decoy_words(header: Header, settings: HeaderSettings) -> str:
    """Why a plan-like header is no plan's, or "": the kind of table its cells name."""
    texts = [t.split("\n", 1)[0].strip().lower() for t in header.printed.values()]
    for decoy in settings.vocabulary.decoys:
        cells = decoy.cells_matching(texts)
        if len(cells) >= decoy.min_cells:
            named = ", ".join(f"'{c}'" for c in cells[:3])
            return f"rows are {_KINDS.get(decoy.kind, decoy.kind)}, not actions (columns {named})"
    return ""


_KINDS = {"risk": "risks", "indicator": "indicators", "money": "money", "meeting": "a meeting's business"}
# An amount or a count as a cell prints it: "1,250", "(340.5)", "-12", "£2.4m", "45%". A
# year alone ("2025") is a date, not a figure.
_FIGURE = re.compile(r"^[(\-–−+]?\s*[£$€]?\s*\d[\d,]*(?:\.\d+)?\s*(?:k|m|bn|%)?\)?$", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBERING = frozenset({"number", "rec_number", "action_number", "priority"})
_FIGURE_SAMPLE = 15  # body rows looked at
_FIGURE_SHARE = 0.8  # of a column's filled cells that must be figures


def figure_columns(header: Header, body: list[Row]) -> str:
    """Why a table whose columns hold figures is no plan, or "": two columns or more of
    amounts or counts (a budget's years, a scorecard's quarters) make its rows money or
    indicators, however its text columns read; a plan has one cost column at most."""
    named = []
    columns = sorted({c.col for r in body[:_FIGURE_SAMPLE] for c in r.cells})  # headed or not
    for col in columns:
        if header.roles.get(col) in _NUMBERING:
            continue
        texts = [t for r in body[:_FIGURE_SAMPLE]
                 if (c := r.cell_at(col)) is not None and not c.continued and (t := clean(c.text))]
        figures = [t for t in texts if _FIGURE.match(t) and not _YEAR.match(t)]
        if len(texts) >= 3 and len(figures) >= _FIGURE_SHARE * len(texts):
            named.append(header.printed.get(col, "") or header.names.get(col, "") or f"column {col + 1}")
    if len(named) < 2:
        return ""
    return "rows are money or figures, not actions (columns " + ", ".join(f"'{n}'" for n in named[:3]) + ")"


def blocks_to_plans(blocks: list[Block], settings: HeaderSettings, judged: Judged | None = None) -> list[PlanTable]:
    plans: list[PlanTable] = []
    current: PlanTable | None = None
    index = -1
    for block in rejoin_headers(blocks):
        if not isinstance(block, Table):
            continue
        index += 1
        if current is not None:
            block = _regridded(current, block, settings)
        found = find_header(block, settings, judged)
        if found is not None:
            start, header = found
            # A piece carries the plan on where its header is the plan's (but for spacing and
            # wrapping), or where one of the two has none and they give the columns the same roles.
            joins = current is not None and _continues(current, block) and (
                same_header(header.texts, current.header.texts) or header.headerless
                or (current.header.headerless and header.roles == current.header.roles))
            if not joins:
                current = PlanTable(header=header, n_cols=block.n_cols, edges=_edges(block), first_page=block.page,
                                    first_table=index)
                plans.append(current)
            assert current is not None
            _append(current, block.rows[start + 1:], block, joined=joins, vocabulary=settings.vocabulary)
        elif current is not None and _continues(current, block):
            _append(current, block.rows, block, joined=True, vocabulary=settings.vocabulary)
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


def _regridded(plan: PlanTable, table: Table, settings: HeaderSettings) -> Table:
    """A piece on the next page that repeats the plan's header but lacks some of its
    columns, each of its own lining up with one of the plan's, given the plan's grid: the
    columns it lacks come back empty. An unheaded column of colour blocks (statuses shown
    by colour alone) is found from its blocks, so a page whose rows are all unrated has
    none; its rows still carry on the plan."""
    edges = _edges(table)
    if plan.last_page is None or table.page != plan.last_page + 1 or len(plan.edges) != plan.n_cols \
            or not 0 < len(edges) == table.n_cols < plan.n_cols:
        return table
    mapping: list[int] = []  # the table's column -> the plan's
    for x in edges:
        start = mapping[-1] + 1 if mapping else 0
        col = next((c for c in range(start, plan.n_cols) if abs(plan.edges[c] - x) <= 6), None)
        if col is None:
            return table
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
    regridded = replace(table, rows=rows)
    found = find_header(regridded, settings)
    return regridded if found is not None and same_header(found[1].texts, plan.header.texts) else table


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
        if i == 0 and joined and plan.rows and new is not None:
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
    slots: dict[str, Slot] = {}
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


def _column_names(header: Header, cell: Cell, vocabulary: Vocabulary) -> list[str]:
    """The headed columns a cell covers, left to right."""
    names = []
    for col in range(cell.col, cell.col + cell.col_span):
        if col in header.roles:
            names.append(header.roles[col])
        elif col in header.names:
            names.append("extra:" + extra_column_name(header.names[col], vocabulary))
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


def _origins(plan: PlanTable) -> dict[str, Slot]:
    """For each column, the last slot with content of its own."""
    out: dict[str, Slot] = {}
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
