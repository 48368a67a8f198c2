"""report.html: one self-contained page per run (inline CSS, SVG and a small script;
nothing fetched), rendered from Jinja2 templates (output/templates/) with escaping on.

Every plan has its section: its latest version's actions grouped as the plan groups
them, with lead, due date, status and progress where the plan has them; the overdue
actions first, most days late first; where the plan has statuses, its RAG counts at each
version as a stacked bar chart and the actions still Red, what slipped, what is new and
what was dropped. Then every action in one table (search, filters, sorting), each lead's
actions, the overdue actions by how late, and every paper read. report_views.py builds
what is shown; this module only renders it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from jinja2 import Environment, PackageLoader, StrictUndefined

from actionplans.normalise import Tables
from actionplans.output.links import source_href
from actionplans.output.report_views import (
    Item,
    Looks,
    PlanView,
    VersionBar,
    by_lateness,
    by_lead,
    days_late,
    plan_views,
    still_red,
    trail,
)
from actionplans.output.settings import OutputSettings

__all__ = ["chart", "still_red", "tables_to_report"]


class HrefFn(Protocol):
    """The link to a paper (and page) from the report's folder."""

    def __call__(self, source: str, page: int | None = None) -> str: ...


def environment(looks: Looks) -> Environment:
    """The report's templates (output/templates/), every variable escaped, with the run's
    statuses and colours (``looks``) where every template and macro sees them."""
    env = Environment(loader=PackageLoader("actionplans.output", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.globals.update(RAGS=looks.rags, COLOURS=looks.colours, INK=looks.ink, trail=trail,
                       days_late=partial(days_late, done=looks.done), chart=partial(chart, rags=looks.rags))
    return env


def tables_to_report(tables: Tables, out: Path, settings: OutputSettings, evidence: list[str] | None = None) -> bytes:
    """report.html's bytes for the run's tables, linking each paper from ``out``; with
    ``evidence`` (each action row's evidence file, as actions.csv names it), each row
    opens to its crop, or to its cells as printed."""
    def href(source: str, page: int | None = None) -> str:
        return source_href(tables.paths.get(source), source, out, page)

    looks = Looks.of(settings.vocabulary)
    views = plan_views(tables, looks)
    items = [i for v in views for i in v.items]
    if evidence is not None:
        _add_evidence(items, {id(row): name for row, name in zip(tables.actions, evidence, strict=True)})
    page = environment(looks).get_template("report.html.j2").render(
        views=views, items=items, leads=by_lead(items), lateness=by_lateness(items), href=href,
        documents=tables.documents, cards=_cards(tables, views, items), filters=_filters(views, items, looks.rags),
        read=", ".join(p.as_posix() for p in settings.inputs),
        all_cols={"lead": any(i.leads for i in items), "due": any(i.row.due_date or i.row.due_date_note for i in items),
                  "status": any(v.has_statuses for v in views), "progress": False})
    return page.encode("utf-8")


def _add_evidence(items: list[Item], names: dict[int, str]) -> None:
    for item in items:
        name = names.get(id(item.row), "")
        if name.endswith(".png"):
            item.crop = name
        else:
            item.cells = list(item.row.cells)


def _cards(tables: Tables, views: list[PlanView], items: list[Item]) -> list[tuple[str, int, str]]:
    status = [d.status for d in tables.documents]
    files = (f"{status.count('ok')} ok · {status.count('no_plan')} no plan · {status.count('error')} failed"
             + (f" · {status.count('skipped')} skipped" if "skipped" in status else ""))
    rows = len(tables.actions)
    actions = "in each plan's latest version" + (f" ({rows} rows over all papers)" if rows != len(items) else "")
    rated = [v for v in views if v.has_statuses]
    return [("files", len(tables.documents), files),
            ("plans", len(views), _families(views) or "none found"),
            ("actions", len(items), actions),
            ("red", sum(i.row.rag == "Red" for i in items),
             f"actions Red in their plan's latest version ({len(rated)} of {len(views)} plans give statuses)"),
            ("overdue", sum(i.days_late is not None for i in items),
             "actions past due in their plan's latest version")]


def _families(views: list[PlanView]) -> str:
    """"3 climate · 2 audit · 1 other": how many plans of each family."""
    counts: dict[str, int] = {}
    for v in views:
        counts[v.family] = counts.get(v.family, 0) + 1
    return " · ".join(f"{n} {family}" for family, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))


def _filters(views: list[PlanView], items: list[Item], rags: tuple[str, ...]) -> dict[str, list[str]]:
    """The choices of each filter of the all-actions table."""
    statuses = [r for r in rags if r != "Unrated" and any(i.row.rag == r for i in items)]
    return {"plan": [v.plan_id for v in views],
            "status": statuses + (["none"] if any(not i.row.rag for i in items) else []),
            "lead": sorted({lead for i in items for lead in i.leads}, key=str.lower),
            "family": sorted({v.family for v in views})}


# ---- the chart: geometry here, drawing in the template ----

@dataclass
class Segment:
    rag: str
    count: int
    x: float
    width: float


@dataclass
class Bar:
    version: VersionBar
    y: int
    segments: list[Segment]
    hidden: list[tuple[str, int]]  # segments too thin to hold their number, named after the total
    end: float


@dataclass
class Chart:
    width: int
    height: int
    ticks: list[tuple[int, float]]
    bars: list[Bar]
    bar_h: int = 20
    label_h: int = 30
    top: int = 20


def chart(versions: list[VersionBar], rags: tuple[str, ...], plot_w: int = 640) -> Chart:
    """Stacked horizontal bars, one per version, each under its label (version and paper),
    so a long file name has the chart's whole width and is never cut."""
    shape = Chart(width=plot_w + 130, height=0, ticks=[], bars=[])
    most = max((v.total for v in versions), default=0) or 1
    step = _tick_step(most)
    scale = plot_w / (step * -(-most // step))
    row_h = shape.label_h + shape.bar_h + 14
    shape.height = shape.top + len(versions) * row_h
    shape.ticks = [(tick, tick * scale) for tick in range(0, most + step, step)]
    for i, v in enumerate(versions):
        y = shape.top + i * row_h + shape.label_h
        x, segments, hidden = 0.0, [], []
        for rag in rags:
            n = v.counts.get(rag, 0)
            if n:
                segments.append(Segment(rag, n, x, n * scale))
                if n * scale < 20:
                    hidden.append((rag, n))
                x += n * scale
        shape.bars.append(Bar(v, y, segments, hidden, x))
    return shape


def _tick_step(most: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if most / step <= 6:
            return step
    return 10 ** len(str(most))
