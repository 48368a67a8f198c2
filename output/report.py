"""report.html: one self-contained page per run (inline CSS and SVG, nothing fetched).

Per plan: the overdue actions first, most days late first, with how late each is; the
RAG counts at each version as a stacked bar chart; the actions still Red, what slipped,
what is new and what was dropped; each linked to its paper and page. It
reads the tables as they are; where the version tables (progress, summary) are empty it
counts the actions per paper instead and says what it cannot show.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Protocol

from actionplans.normalise import Tables
from actionplans.normalise.deadlines import days_overdue
from actionplans.normalise.rows import ActionRow, DocumentRow, ProgressRow, SummaryRow
from actionplans.output.links import source_href
from actionplans.output.settings import OutputSettings
from actionplans.vocabulary import default_vocabulary

# Statuses and their chart colours, from the plan vocabulary.
_VOCABULARY = default_vocabulary()
RAGS = (*_VOCABULARY.status_names, "Unrated")
COLOURS = {**{s.name: f"#{s.chart_fill}" for s in _VOCABULARY.statuses}, "Unrated": f"#{_VOCABULARY.unrated_chart[0]}"}
INK = {**{s.name: f"#{s.chart_ink}" for s in _VOCABULARY.statuses}, "Unrated": f"#{_VOCABULARY.unrated_chart[1]}"}

# An action as the lists show it: its progress row, or a paper's row where the run has
# no version table.
Listed = ActionRow | ProgressRow


class HrefFn(Protocol):
    """The link to a paper (and page) from the report's folder."""

    def __call__(self, source: str, page: int | None = None) -> str: ...


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
class PlanView:
    plan_id: str
    council: str = ""
    judgement: str = ""
    versions: list[VersionBar] = field(default_factory=list)
    overdue: list[Listed] = field(default_factory=list)
    red: list[Listed] = field(default_factory=list)
    slipped: list[Listed] = field(default_factory=list)
    new: list[Listed] = field(default_factory=list)
    dropped: list[Listed] = field(default_factory=list)
    has_progress: bool = False
    has_due_dates: bool = False  # whether any paper of the plan gives a due date


# ---- from the tables to what the page shows ----

def summary_bars(plan_id: str, summary: list[SummaryRow]) -> list[VersionBar]:
    """The plan's bars, as normalise counted each version."""
    return [VersionBar(label=s.version, source_file=s.source_file,
                       counts={"Red": s.red, "Amber": s.amber, "Green": s.green, "Blue": s.blue,
                               "Unrated": s.unrated})
            for s in summary if s.plan_id == plan_id]


def action_bars(plan_id: str, actions: list[ActionRow]) -> list[VersionBar]:
    """Counts per paper, for a run without a summary table (tables built by hand)."""
    by_source: dict[str, list[ActionRow]] = {}
    for a in actions:
        if a.plan_id == plan_id:
            by_source.setdefault(a.source_file, []).append(a)
    bars = [VersionBar(label=rows[0].plan_as_at or rows[0].document_date or "undated", source_file=source,
                       counts={rag: sum(_rag(a.rag) == rag for a in rows) for rag in RAGS})
            for source, rows in by_source.items()]
    # Dated versions in date order; undated ones (drafts, mostly) first, by file name.
    return sorted(bars, key=lambda v: (v.label if v.label != "undated" else "", v.source_file))


def _rag(rag: str) -> str:
    return rag if rag in COLOURS else "Unrated"


def plan_views(tables: Tables) -> list[PlanView]:
    plan_ids = dict.fromkeys([s.plan_id for s in tables.summary] + [a.plan_id for a in tables.actions]
                             + [p.plan_id for p in tables.progress])
    views = []
    for plan_id in (p for p in plan_ids if p):
        view = PlanView(plan_id=plan_id)
        docs = [d for d in tables.documents if d.plan_id == plan_id]
        view.council = next((d.council for d in docs if d.council), "")
        view.judgement = next((d.judgement for d in docs if d.judgement), "")
        view.versions = summary_bars(plan_id, tables.summary) or action_bars(plan_id, tables.actions)
        _fill_changes(view, [p for p in tables.progress if p.plan_id == plan_id], tables.actions)
        views.append(view)
    return views


def _fill_changes(view: PlanView, progress: list[ProgressRow], actions: list[ActionRow]) -> None:
    view.has_progress = bool(progress)
    view.has_due_dates = any(a.due_date for a in actions if a.plan_id == view.plan_id)
    if not progress:  # no version table: the Red and overdue actions of the plan's papers, as they stand
        mine = [a for a in actions if a.plan_id == view.plan_id]
        view.red = [a for a in mine if a.rag == "Red"]
        view.overdue = most_late_first(mine)
        return
    live = [p for p in progress if not p.dropped]
    view.overdue = most_late_first(live)
    view.red = [p for p in live if p.latest_rag == "Red"]
    view.slipped = [p for p in live if p.slipped]
    view.new = [p for p in live if p.new]
    view.dropped = [p for p in progress if p.dropped]


def days_late(row: Listed) -> int | None:
    """Days the action is overdue: as progress counted them, or (a paper's row) at its paper's date."""
    if isinstance(row, ProgressRow):
        return row.days_overdue
    return days_overdue(row.due_date, row.plan_as_at or row.document_date, row.rag, _VOCABULARY.done)


def most_late_first(rows: Sequence[Listed]) -> list[Listed]:
    """The overdue rows, most days late first (ties in plan order)."""
    late = [(days, r) for r in rows if (days := days_late(r)) is not None]
    return [r for _, r in sorted(late, key=lambda x: -x[0])]


def trail(row: Listed) -> list[tuple[str, str]]:
    """(version, status) through the versions the action is in, or the row's one status.
    Empty statuses are versions (of this plan or another) the action is not in."""
    if isinstance(row, ActionRow):
        return [("", row.rag)]
    return [(label, rag) for label, rag in row.rags.items() if rag] or [("", "")]


# ---- the page ----

def tables_to_report(tables: Tables, out: Path, settings: OutputSettings) -> bytes:
    """report.html's bytes for the run's tables, linking each paper from ``out``."""
    def href(source: str, page: int | None = None) -> str:
        return source_href(tables.paths.get(source), source, out, page)

    views = plan_views(tables)
    body = [_header(tables, views, settings)]
    plans = [_plan_section(v, href) for v in views]
    body += plans or ['<p class="empty">No action plan was found in these papers.</p>']
    body.append(_documents_section(tables.documents, href))
    page = TEMPLATE.format(css=CSS, body="\n".join(body))
    return page.encode("utf-8")


def still_overdue(progress: list[ProgressRow]) -> int:
    """Actions overdue in the latest version of their plan (dropped ones aside)."""
    return sum(p.overdue and not p.dropped for p in progress)


def still_red(progress: list[ProgressRow]) -> int:
    """Actions Red in the latest version of their plan (dropped ones aside)."""
    return sum(p.latest_rag == "Red" and not p.dropped for p in progress)


def _header(tables: Tables, views: list[PlanView], settings: OutputSettings) -> str:
    documents, actions = tables.documents, tables.actions
    status = [d.status for d in documents]
    if tables.progress:
        red = ("red", still_red(tables.progress), "actions Red in their plan's latest version")
        late = ("overdue", still_overdue(tables.progress), "actions past due in their plan's latest version")
    else:
        red = ("red", sum(a.rag == "Red" for a in actions), "action rows rated Red")
        late = ("overdue", sum(days_late(a) is not None for a in actions), "action rows past due at their paper's date")
    cards = [("files", len(documents), f"{status.count('ok')} ok · {status.count('no_plan')} no plan · "
                                       f"{status.count('error')} failed"),
             ("plans", len(views), ", ".join(v.plan_id for v in views) or "none found"),
             ("actions", len(actions), "one row per action per paper"), red, late]
    html = "".join(f'<div class="card" data-stat="{name}"><div class="n">{n}</div><div class="k">{name}</div>'
                   f'<div class="d">{escape(detail)}</div></div>' for name, n, detail in cards)
    read = ", ".join(p.as_posix() for p in settings.inputs)
    sub = f"Extracted by actionplans from {escape(read)}" if read else "Extracted by actionplans"
    return f'<header><h1>Ofsted action plans</h1><p class="sub">{sub}</p><div class="cards">{html}</div></header>'


def _plan_section(view: PlanView, href: HrefFn) -> str:
    about = " · ".join(escape(x) for x in (view.council, f"judgement: {view.judgement}" if view.judgement else "") if x)
    parts = [f'<section class="plan" data-plan="{escape(view.plan_id)}">',
             f'<h2>{escape(view.plan_id)}</h2>' + (f'<p class="about">{about}</p>' if about else ""),
             _actions_table("Overdue", "overdue", view.overdue, href,
                            "No action is overdue." if view.has_due_dates else "The plan gives no due dates."),
             '<h3>RAG status at each version</h3>', _legend(), chart(view.versions, href),
             _actions_table("Still Red", "red", view.red, href, "No action is Red.")]
    if view.has_progress:
        parts += [_actions_table("Slipped", "slipped", view.slipped, href, "Nothing slipped."),
                  _actions_table("New since the first version", "new", view.new, href, "No new actions."),
                  _actions_table("Dropped: not in the latest version", "dropped", view.dropped, href,
                                 "No action was dropped.")]
    else:
        parts.append('<p class="note">What slipped, what is new and what was dropped needs the version table '
                     '(progress), which this run did not produce.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _legend() -> str:
    items = "".join(f'<span><i style="background:{COLOURS[r]}"></i>{r}</span>' for r in RAGS)
    return f'<div class="legend">{items}</div>'


def chart(versions: list[VersionBar], href: HrefFn | None = None) -> str:
    """Stacked horizontal bars, one per version, as inline SVG."""
    label_w, bar_h, gap, plot_w = 250, 28, 16, 520
    top = 22
    most = max((v.total for v in versions), default=0) or 1
    step = _tick_step(most)
    scale = plot_w / (step * -(-most // step))
    height = top + len(versions) * (bar_h + gap)
    svg = [f'<svg class="chart" viewBox="0 0 {label_w + plot_w + 150} {height}" role="img" '
           f'aria-label="RAG counts per version" xmlns="http://www.w3.org/2000/svg">']
    for tick in range(0, most + step, step):
        x = label_w + tick * scale
        svg.append(f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - gap + 4}" class="grid"/>'
                   f'<text x="{x:.1f}" y="{top - 10}" class="tick">{tick}</text>')
    for i, v in enumerate(versions):
        svg.append(_bar(v, top + i * (bar_h + gap), label_w, bar_h, scale, href))
    svg.append("</svg>")
    return "".join(svg)


def _bar(v: VersionBar, y: int, label_w: int, bar_h: int, scale: float, href: HrefFn | None) -> str:
    name = v.source_file if len(v.source_file) <= 42 else v.source_file[:40] + "…"
    file_label = f'<text x="{label_w - 12}" y="{y + 25}" class="vfile">{escape(name)}' \
                 f'<title>{escape(v.source_file)}</title></text>'
    if href and v.source_file:
        file_label = f'<a href="{escape(href(v.source_file))}">{file_label}</a>'
    parts = [f'<g class="version" data-version="{escape(v.label)}" data-source="{escape(v.source_file)}">',
             f'<text x="{label_w - 12}" y="{y + 12}" class="vlabel">{escape(v.label)}</text>', file_label]
    x, hidden = float(label_w), []
    for rag in RAGS:
        n = v.counts.get(rag, 0)
        if not n:
            continue
        w = n * scale
        parts.append(f'<rect class="seg" data-rag="{rag}" data-count="{n}" x="{x:.1f}" y="{y}" width="{w:.1f}" '
                     f'height="{bar_h}" fill="{COLOURS[rag]}"><title>{rag}: {n}</title></rect>')
        if w >= 20:
            parts.append(f'<text x="{x + w / 2:.1f}" y="{y + bar_h / 2 + 4:.1f}" class="n" '
                         f'fill="{INK[rag]}">{n}</text>')
        else:  # too thin to hold its number: named after the total instead
            hidden.append(f'<tspan fill="{COLOURS[rag]}">{n} {rag.lower()}</tspan>')
        x += w
    note = f'<tspan class="hidden"> ({", ".join(hidden)})</tspan>' if hidden else ""
    parts.append(f'<text x="{x + 8:.1f}" y="{y + bar_h / 2 + 4:.1f}" class="total">{v.total}{note}</text></g>')
    return "".join(parts)


def _tick_step(most: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if most / step <= 6:
            return step
    return 10 ** len(str(most))


def _actions_table(title: str, kind: str, rows: list[Listed], href: HrefFn, empty: str) -> str:
    head = f'<h3>{escape(title)} <span class="count">{len(rows)}</span></h3>'
    if not rows:
        return f'{head}<p class="empty" data-list="{kind}">{escape(empty)}</p>'
    body = "".join(_action_row(r, href) for r in rows)
    return (f'{head}<table class="actions" data-list="{kind}"><thead><tr><th>No.</th><th>Action</th>'
            f'<th>Lead</th><th>Status</th><th>Source</th></tr></thead><tbody>{body}</tbody></table>')


def _action_row(r: Listed, href: HrefFn) -> str:
    source, page = r.source_file, "" if r.page is None else str(r.page)
    where = escape(source) + (f' <span class="page">p.&nbsp;{escape(page)}</span>' if page else "")
    rec = r.recommendation_number
    number = escape(r.action_number) + (f'<div class="rec">rec.&nbsp;{escape(rec)}</div>' if rec else "")
    return (f'<tr data-key="{escape(r.action_key)}"><td class="num">{number}</td>'
            f'<td>{escape(r.action_text)}</td><td class="lead">{escape(r.lead_officers)}'
            f'</td><td class="trail">{_trail(r)}{_lateness(r)}</td>'
            f'<td class="src"><a href="{escape(href(source, r.page))}">{where}</a></td></tr>')


def _lateness(r: Listed) -> str:
    """How late an overdue action is, under its status; nothing for one that is not."""
    days = days_late(r)
    if days is None:
        return ""
    return (f'<div class="late" data-days="{days}">{days} day{"s" if days != 1 else ""} late'
            f'<span class="due">due {escape(r.due_date)}</span></div>')


def _trail(r: Listed) -> str:
    chips = []
    for version, rag in trail(r):
        tip = f"{version}: {rag or 'not rated'}" if version else (rag or "not rated")
        cls = rag.lower() if rag in COLOURS else "none"
        label = rag[:1] if rag in COLOURS else "–"
        chips.append(f'<span class="chip {cls}" title="{escape(tip)}">{escape(label)}</span>')
    return '<span class="arrow">→</span>'.join(chips)


def _documents_section(documents: list[DocumentRow], href: HrefFn) -> str:
    rows = "".join(_document_row(d, href) for d in documents)
    return ('<section class="docs"><h2>Papers read</h2><table class="documents"><thead><tr><th>File</th>'
            '<th>Status</th><th>Actions</th><th>Plan</th><th>Dated</th><th>Title</th></tr></thead>'
            f'<tbody>{rows}</tbody></table></section>')


def _document_row(d: DocumentRow, href: HrefFn) -> str:
    source, status, message = d.source_file, d.status, d.message
    error = f'<div class="err">{escape(message)}</div>' if message else ""
    return (f'<tr data-status="{escape(status)}"><td class="nowrap"><a href="{escape(href(source))}">'
            f'{escape(source)}</a></td><td><span class="status {escape(status)}">{escape(status.replace("_", " "))}'
            f'</span></td><td class="num">{d.actions}</td>'
            f'<td class="nowrap">{escape(d.plan_id)}</td>'
            f'<td class="nowrap">{escape(d.document_date)}</td>'
            f'<td>{escape(d.title)}{error}</td></tr>')


TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ofsted action plans: report</title>
<style>{css}</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""

CSS = """
:root { --ink:#1d2733; --muted:#5d6b7a; --line:#e3e8ee; --bg:#f5f7fa; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
  font: 15px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 26px; margin: 0; }
h2 { font-size: 21px; margin: 0 0 2px; }
h3 { font-size: 15px; margin: 22px 0 8px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.sub, .about { color: var(--muted); margin: 2px 0 0; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 14px; margin: 18px 0 26px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.card .n { font-size: 28px; font-weight: 700; }
.card .k { text-transform: uppercase; font-size: 12px; letter-spacing: .06em; color: var(--muted); }
.card .d { font-size: 13px; color: var(--muted); margin-top: 4px; }
.card[data-stat=red] .n, .card[data-stat=overdue] .n { color: #c03030; }
section { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 22px 24px;
  margin-bottom: 22px; }
.legend { display: flex; gap: 16px; font-size: 13px; color: var(--muted); margin-bottom: 6px; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px;
  vertical-align: -1px; }
svg.chart { width: 100%; max-width: 920px; height: auto; display: block; }
svg .grid { stroke: var(--line); stroke-width: 1; }
svg .tick { font-size: 11px; fill: var(--muted); text-anchor: middle; }
svg .vlabel { font-size: 13px; font-weight: 600; fill: var(--ink); text-anchor: end; }
svg .vfile { font-size: 10.5px; fill: var(--muted); text-anchor: end; }
svg .n { font-size: 12px; font-weight: 700; text-anchor: middle; }
svg .total { font-size: 13px; font-weight: 700; fill: var(--ink); }
svg .hidden { font-weight: 600; }
svg a .vfile { fill: #1f5fbf; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; }
th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted);
  border-bottom: 2px solid var(--line); padding: 6px 8px; }
td { border-bottom: 1px solid var(--line); padding: 7px 8px; vertical-align: top; }
tbody tr:nth-child(even) td { background: #fafbfd; }
td.num { white-space: nowrap; font-weight: 600; }
table.actions { table-layout: fixed; }  /* the four lists of a plan line up */
table.actions th:nth-child(1) { width: 64px; } table.actions th:nth-child(3) { width: 200px; }
table.actions th:nth-child(4) { width: 120px; } table.actions th:nth-child(5) { width: 300px; }
td.src { overflow-wrap: anywhere; }
.page { white-space: nowrap; }
td.lead { color: var(--muted); max-width: 220px; }
td.nowrap { white-space: nowrap; }
.rec { font-weight: 400; font-size: 11.5px; color: var(--muted); }
a { color: #1f5fbf; text-decoration: none; }
a:hover { text-decoration: underline; }
.page { color: var(--muted); }
.count { display: inline-block; min-width: 22px; padding: 0 7px; border-radius: 11px; background: var(--bg);
  color: var(--ink); font-size: 12px; text-align: center; letter-spacing: 0; }
.chip { display: inline-block; width: 22px; height: 22px; line-height: 22px; border-radius: 5px;
  text-align: center; font-weight: 700; font-size: 12px; color: #fff; }
.chip.red { background: #d64545; } .chip.amber { background: #f0a830; color: #3d2a00; }
.chip.green { background: #3a9e5c; } .chip.blue { background: #3b7dd8; }
.chip.none { background: #e4e8ee; color: #6b7785; }
.arrow { color: var(--muted); margin: 0 3px; font-size: 12px; }
.late { color: #9c1c1c; font-weight: 700; font-size: 12.5px; margin-top: 4px; }
.late .due { display: block; font-weight: 400; color: var(--muted); }
.empty, .note { color: var(--muted); font-style: italic; margin: 4px 0; }
.status { font-size: 12px; padding: 2px 8px; border-radius: 10px; white-space: nowrap; }
.status.ok { background: #dff3e6; color: #1d6b3a; }
.status.no_plan { background: #eef1f5; color: #5d6b7a; }
.status.error { background: #fde2e2; color: #9c1c1c; }
.err { color: #9c1c1c; font-size: 12.5px; margin-top: 2px; }
@media print { body { background: #fff; } section { break-inside: avoid; } }
"""
