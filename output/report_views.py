"""What report.html shows, built from the run's tables: one view per plan (its latest
version's actions grouped as the plan groups them, its versions' RAG counts, what is
overdue, Red, slipped, new and dropped), every action in one list, each lead's actions
and the overdue actions by how late. Pure data: report.py renders it."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from actionplans.normalise import Tables
from actionplans.normalise.deadlines import days_overdue
from actionplans.normalise.rows import ActionRow, ProgressRow, SummaryRow
from actionplans.vocabulary import Vocabulary

UNRATED = "Unrated"
OTHER_FAMILY = "other"
# Overdue actions by how late: (fewest days, label), latest first.
LATENESS = ((366, "over a year late"), (183, "6 to 12 months late"), (92, "3 to 6 months late"),
            (31, "1 to 3 months late"), (1, "under a month late"))

# An action as the lists show it: its progress row, or a paper's row where the run has
# no version table.
Listed = ActionRow | ProgressRow


@dataclass
class VersionBar:
    """One bar of a plan's chart: a version's RAG counts, by the names in ``RAGS``."""

    label: str
    source_file: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Item:
    """One action of a plan's latest version, as every view of the page shows it."""

    row: ActionRow
    family: str
    leads: list[str]
    days_late: int | None
    progress: str = ""
    crop: str = ""  # the row's picture (evidence/...png), relative to the report, where there is one
    cells: list[tuple[str, str]] = field(default_factory=list)  # (header, text) as printed, for a row without one

    @property
    def status(self) -> str:
        return self.row.rag or "none"


@dataclass
class Group:
    """The actions a plan prints under one recommendation (or priority, objective...)."""

    number: str
    text: str
    items: list[Item] = field(default_factory=list)


@dataclass
class PlanView:
    plan_id: str
    council: str = ""
    judgement: str = ""
    family: str = OTHER_FAMILY
    title: str = ""
    versions: list[VersionBar] = field(default_factory=list)
    latest: str = ""  # the paper of the latest version
    items: list[Item] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    overdue: list[Listed] = field(default_factory=list)
    red: list[Listed] = field(default_factory=list)
    slipped: list[Listed] = field(default_factory=list)
    new: list[Listed] = field(default_factory=list)
    dropped: list[Listed] = field(default_factory=list)
    has_progress: bool = False  # the run linked the plan's versions (a progress table)

    @property
    def has_statuses(self) -> bool:
        return any(v.total - v.counts.get("Unrated", 0) for v in self.versions)

    @property
    def has_due_dates(self) -> bool:
        return any(i.row.due_date for i in self.items)

    @property
    def columns(self) -> dict[str, bool]:
        """Which of lead, due date, status and progress the plan has."""
        return {"lead": any(i.leads for i in self.items), "due": self.has_due_dates,
                "status": self.has_statuses, "progress": any(i.progress for i in self.items)}

    @property
    def leads(self) -> list[str]:
        return list(dict.fromkeys(lead for i in self.items for lead in i.leads))


@dataclass
class Lead:
    name: str
    items: list[Item] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(i.days_late is not None for i in self.items)

    @property
    def red(self) -> int:
        return sum(i.row.rag == "Red" for i in self.items)


@dataclass
class Lateness:
    label: str
    items: list[Item] = field(default_factory=list)


@dataclass(frozen=True)
class Looks:
    """What the report takes from the run's vocabulary: the statuses in order (Unrated
    last), their chart colours, which are done, the progress column and the families."""

    rags: tuple[str, ...]
    colours: dict[str, str]
    ink: dict[str, str]
    done: frozenset[str]
    progress_column: str
    families: tuple[tuple[str, tuple[str, ...]], ...]

    @classmethod
    def of(cls, vocabulary: Vocabulary) -> Looks:
        fill, ink = vocabulary.unrated_chart
        return cls(rags=(*vocabulary.status_names, UNRATED),
                   colours={**{s.name: f"#{s.chart_fill}" for s in vocabulary.statuses}, UNRATED: f"#{fill}"},
                   ink={**{s.name: f"#{s.chart_ink}" for s in vocabulary.statuses}, UNRATED: f"#{ink}"},
                   done=vocabulary.done, progress_column=vocabulary.role("progress").column or "progress",
                   families=tuple(vocabulary.families))


# ---- from the tables to the plans ----

def plan_views(tables: Tables, looks: Looks) -> list[PlanView]:
    plan_ids = dict.fromkeys([s.plan_id for s in tables.summary] + [a.plan_id for a in tables.actions]
                             + [p.plan_id for p in tables.progress])
    return [_plan_view(plan_id, tables, looks) for plan_id in plan_ids if plan_id]


def _plan_view(plan_id: str, tables: Tables, looks: Looks) -> PlanView:
    view = PlanView(plan_id=plan_id)
    docs = [d for d in tables.documents if d.plan_id == plan_id]
    view.council = next((d.council for d in docs if d.council), "")
    view.judgement = next((d.judgement for d in docs if d.judgement), "")
    view.versions = summary_bars(plan_id, tables.summary) or action_bars(plan_id, tables.actions, looks.rags)
    view.latest = view.versions[-1].source_file if view.versions else ""
    view.title = next((d.title for d in docs if d.source_file == view.latest and d.title), "")
    words = " ".join([plan_id, *(d.title for d in docs), *(d.source_file for d in docs)])
    view.family = family_of(words, looks.families)
    progress = [p for p in tables.progress if p.plan_id == plan_id]
    late = {p.action_key: p.days_overdue for p in progress if p.overdue and not p.dropped}
    rows = [a for a in tables.actions if a.plan_id == plan_id and a.source_file == view.latest]
    view.items = [_item(a, view.family, late if progress else None, looks) for a in rows]
    view.groups = groups(view.items)
    _fill_changes(view, progress, tables.actions, looks.done)
    return view


def _item(row: ActionRow, family: str, late: dict[str, int | None] | None, looks: Looks) -> Item:
    days = late.get(row.action_key) if late is not None else days_late(row, looks.done)
    return Item(row=row, family=family, leads=leads_of(row), days_late=days,
                progress=row.extras.get(looks.progress_column, ""))


def leads_of(row: ActionRow) -> list[str]:
    """The officers the row names, as expanded ("tbc" names no one)."""
    return [n.strip() for n in row.lead_officers if n.strip()]


def groups(items: list[Item]) -> list[Group]:
    """Consecutive actions under one recommendation as one group, in printed order."""
    out: list[Group] = []
    for item in items:
        number, text = item.row.recommendation_number, item.row.recommendation_text
        if not out or (out[-1].number, out[-1].text) != (number, text):
            out.append(Group(number, text))
        out[-1].items.append(item)
    return out


def family_of(words: str, families: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The plan's family, from its titles, id and papers' names (the vocabulary's [families])."""
    text = " " + re.sub(r"[^a-z0-9]+", " ", words.lower()) + " "
    for family, phrases in families:
        if any(f" {re.sub(r'[^a-z0-9]+', ' ', p.lower()).strip()} " in text for p in phrases):
            return family
    return OTHER_FAMILY


def summary_bars(plan_id: str, summary: list[SummaryRow]) -> list[VersionBar]:
    """The plan's bars, as normalise counted each version."""
    return [VersionBar(label=s.version, source_file=s.source_file,
                       counts={"Red": s.red, "Amber": s.amber, "Green": s.green, "Blue": s.blue,
                               "Unrated": s.unrated})
            for s in summary if s.plan_id == plan_id]


def action_bars(plan_id: str, actions: list[ActionRow], rags: tuple[str, ...]) -> list[VersionBar]:
    """Counts per paper, for a run without a summary table (tables built by hand)."""
    by_source: dict[str, list[ActionRow]] = {}
    for a in actions:
        if a.plan_id == plan_id:
            by_source.setdefault(a.source_file, []).append(a)
    bars = [VersionBar(label=rows[0].plan_as_at or rows[0].document_date or "undated", source_file=source,
                       counts={rag: sum(_rag(a.rag, rags) == rag for a in rows) for rag in rags})
            for source, rows in by_source.items()]
    # Dated versions in date order; undated ones (drafts, mostly) first, by file name.
    return sorted(bars, key=lambda v: (v.label if v.label != "undated" else "", v.source_file))


def _rag(rag: str, rags: tuple[str, ...]) -> str:
    return rag if rag in rags else UNRATED


def _fill_changes(view: PlanView, progress: list[ProgressRow], actions: list[ActionRow], done: frozenset[str]) -> None:
    view.has_progress = bool(progress)
    if not progress:  # no version table: the Red and overdue actions of the plan's papers, as they stand
        mine = [a for a in actions if a.plan_id == view.plan_id]
        view.red = [a for a in mine if a.rag == "Red"]
        view.overdue = most_late_first(mine, done)
        return
    live = [p for p in progress if not p.dropped]
    view.overdue = most_late_first(live, done)
    view.red = [p for p in live if p.latest_rag == "Red"]
    view.slipped = [p for p in live if p.slipped]
    view.new = [p for p in live if p.new] if len(view.versions) > 1 else []
    view.dropped = [p for p in progress if p.dropped]


def days_late(row: Listed, done: frozenset[str]) -> int | None:
    """Days the action is overdue: as progress counted them, or (a paper's row) at its
    paper's date, unless its status is one of ``done``."""
    if isinstance(row, ProgressRow):
        return row.days_overdue
    return days_overdue(row.due_date, row.plan_as_at or row.document_date, row.rag, done)


def most_late_first(rows: Sequence[Listed], done: frozenset[str]) -> list[Listed]:
    """The overdue rows, most days late first (ties in plan order)."""
    late = [(days, r) for r in rows if (days := days_late(r, done)) is not None]
    return [r for _, r in sorted(late, key=lambda x: -x[0])]


def trail(row: Listed) -> list[tuple[str, str]]:
    """(version, status) through the versions the action is in, or the row's one status.
    Empty statuses are versions (of this plan or another) the action is not in."""
    if isinstance(row, ActionRow):
        return [("", row.rag)]
    return [(label, rag) for label, rag in row.rags.items() if rag] or [("", "")]


# ---- across plans ----

def by_lead(items: list[Item]) -> list[Lead]:
    """Each lead's actions, the leads with most overdue, then most Red, then most actions first."""
    leads: dict[str, Lead] = {}
    for item in items:
        for name in item.leads or ["(no lead named)"]:
            leads.setdefault(name, Lead(name)).items.append(item)
    return sorted(leads.values(), key=lambda lead: (-lead.overdue, -lead.red, -len(lead.items), lead.name))


def by_lateness(items: list[Item]) -> list[Lateness]:
    """The overdue actions in bands of lateness, latest band first, most late first in each."""
    bands = [Lateness(label) for _, label in LATENESS]
    for item in sorted((i for i in items if i.days_late is not None), key=lambda i: -(i.days_late or 0)):
        days = item.days_late or 0
        index = next((n for n, (least, _) in enumerate(LATENESS) if days >= least), len(LATENESS) - 1)
        bands[index].items.append(item)
    return [b for b in bands if b.items]


def still_red(progress: list[ProgressRow]) -> int:
    """Actions Red in the latest version of their plan (dropped ones aside)."""
    return sum(p.latest_rag == "Red" and not p.dropped for p in progress)
