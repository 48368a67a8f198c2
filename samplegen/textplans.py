"""Plans written as text, not tables, as council web pages and reports set them out: a
heading naming the plan, a heading per priority, and under each either "Action:" lines
with "Responsible officer:", "By when:" and "Status:" lines, or a bulleted list of
actions with the group's "Lead:" and "Target date:" lines after it. In Word (heading
styles, Word's bulleted list), PDF (larger bold headings, typed bullets) and a saved web
page (h1/h2, ul/li). Beside it, papers that only talk about actions, which must give no
plan: minutes with "Action:" lines under no plan's heading, and a report whose "Action
plan" section is prose with a couple of bullets.

One data structure, ``PLAN``, is both what is written and what the tests expect. Every
file is built by python-docx, reportlab or as text, so the tests build their own:
``python -m samplegen.textplans OUTDIR`` writes them for a look.
"""
from __future__ import annotations

import html
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class TextAction:
    text: str
    lead: str = ""
    due: str = ""
    status: str = ""  # as printed
    rag: str = ""  # what the status reads as


@dataclass(frozen=True)
class Group:
    number: str
    title: str
    actions: tuple[TextAction, ...]
    bullets: bool = False  # a bulleted list, the group's lead and date after it (shared)
    label: str = "Priority"


@dataclass(frozen=True)
class TextPaper:
    name: str
    title: str
    heading: str  # the plan's heading
    intro: str
    groups: tuple[Group, ...]
    after: tuple[str, ...] = ()  # a later section's heading and bullets: no actions


PLAN = TextPaper(
    name="thornbury_climate_action_plan",
    title="Thornbury District Council",
    heading="Climate Emergency Action Plan 2025 to 2027",
    intro="This plan sets out what the council will do over the next two years to cut its own emissions "
          "and help residents and businesses do the same.",
    groups=(
        Group("1", "Council buildings and depots", (
            TextAction("Fit LED lighting and controls in every council depot", "Head of Estates",
                       "March 2026", "On track", "Amber"),
            TextAction("Replace the gas boilers at the civic centre with air source heat pumps",
                       "Energy and Sustainability Manager", "December 2026", "Not started", ""),
            TextAction("Install solar panels on the roofs of the three leisure centres", "Head of Leisure",
                       "September 2025", "Complete", "Green"),
        )),
        Group("2", "Fleet and business travel", (
            TextAction("Replace the pool cars with electric vehicles as their leases end", "Fleet Manager",
                       "March 2027"),
            TextAction("Fit charge points for the fleet at both depots", "Fleet Manager", "March 2027"),
            TextAction("Publish a staff travel plan that favours rail and car sharing", "Fleet Manager",
                       "March 2027"),
        ), bullets=True),
        Group("3", "Working with residents", (
            TextAction("Run a home energy advice service with the county's energy agency",
                       "Head of Housing Services", "June 2025", "Behind schedule", "Red"),
            TextAction("Launch a community grants scheme for local climate projects",
                       "Communities Manager", "April 2026", "In progress", "Amber"),
        )),
    ),
    after=("Background papers", "Climate Emergency Declaration, Council, 12 July 2023",
           "Carbon baseline report, Cabinet, 4 March 2024"),
)

# Minutes and a report that talk about actions: no plan in them.
MINUTES = ("Minutes of the Environment Scrutiny Committee", (
    ("heading", "Apologies for absence"),
    ("text", "Apologies were received from Councillor Hale and Councillor Ross."),
    ("heading", "Waste collection review"),
    ("text", "The committee considered the report of the Head of Waste on the review of collection rounds."),
    ("text", "Action: the Head of Waste to circulate the revised round maps to members."),
    ("text", "Action: Democratic Services to add the review to the work programme for March."),
    ("text", "Lead: Head of Waste"),
    ("heading", "Date of next meeting"),
    ("text", "The next meeting will be held on 14 March 2025 at 10am."),
))
REPORT = ("Report to Cabinet: Ofsted improvement plan, progress", (
    ("heading", "Purpose of the report"),
    ("text", "To update Cabinet on progress with the improvement plan agreed in June following the inspection."),
    ("heading", "Improvement plan"),
    ("text", "The improvement plan agreed in June has three priorities, and officers report on them each quarter."),
    ("bullet", "the plan was agreed by Cabinet on 12 June 2024"),
    ("bullet", "progress is reported to the improvement board monthly"),
    ("text", "Status: the Director of Children's Services reports that most actions are on track."),
    ("heading", "Recommendation"),
    ("text", "That Cabinet notes the progress made."),
))


def expected_rows(paper: TextPaper = PLAN) -> list[dict[str, str]]:
    """What the extractor must give, row by row: the group as the recommendation."""
    return [{"recommendation_number": g.number, "recommendation_text": g.title, "action_text": a.text,
             "lead_officer_raw": a.lead, "target_date": a.due, "rag_raw": a.status, "rag": a.rag}
            for g in paper.groups for a in g.actions]


def _lines(paper: TextPaper) -> list[tuple[str, str]]:
    """The paper as (kind, text) lines, in order: title, heading, group headings, actions
    and their labelled lines, bullets."""
    out = [("title", paper.title), ("heading", paper.heading), ("text", paper.intro)]
    for g in paper.groups:
        out.append(("subheading", f"{g.label} {g.number}: {g.title}"))
        if g.bullets:
            out.append(("text", "Actions:"))
            out.extend(("bullet", a.text) for a in g.actions)
            out += [("text", f"Lead: {g.actions[0].lead}"), ("text", f"Target date: {g.actions[0].due}")]
            continue
        for a in g.actions:
            out.append(("text", f"Action: {a.text}"))
            out.append(("text", f"Responsible officer: {a.lead}"))
            out.append(("text", f"By when: {a.due}"))
            if a.status:
                out.append(("text", f"Status: {a.status}"))
    if paper.after:
        out.append(("heading", paper.after[0]))
        out.extend(("bullet", text) for text in paper.after[1:])
    return out


def near_miss_lines(which: tuple[str, tuple[tuple[str, str], ...]]) -> list[tuple[str, str]]:
    return [("title", which[0]), *which[1]]


def write_docx(path: Path, lines: list[tuple[str, str]]) -> Path:
    import docx

    document = docx.Document()
    for kind, text in lines:
        if kind == "title":
            document.add_heading(text, level=0)
        elif kind in ("heading", "subheading"):
            document.add_heading(text, level=1 if kind == "heading" else 2)
        elif kind == "bullet":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def write_html(path: Path, lines: list[tuple[str, str]]) -> Path:
    body: list[str] = []
    in_list = False
    for kind, text in lines:
        if in_list and kind != "bullet":
            body.append("</ul>")
            in_list = False
        if kind == "bullet" and not in_list:
            body.append("<ul>")
            in_list = True
        tag = {"title": "h1", "heading": "h2", "subheading": "h3", "bullet": "li"}.get(kind, "p")
        label, sep, rest = text.partition(": ")
        shown = f"<strong>{html.escape(label)}:</strong> {html.escape(rest)}" \
            if tag == "p" and sep and len(label.split()) <= 3 else html.escape(text)
        body.append(f"<{tag}>{shown}</{tag}>")
    if in_list:
        body.append("</ul>")
    title = html.escape(lines[0][1])
    path.write_text(f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>"
                    f"</head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n", encoding="utf-8")
    return path


def write_pdf(path: Path, lines: list[tuple[str, str]]) -> Path:
    """Headings larger and bold, body in 10pt Helvetica, bullets typed as "•" and hung."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    y = 790.0
    sizes = {"title": 16, "heading": 14, "subheading": 12}
    for kind, text in lines:
        size = sizes.get(kind, 10)
        gap = {"title": 10, "heading": 22, "subheading": 16}.get(kind, 0)
        if y - gap - size < 60:
            c.showPage()
            y = 790.0
        y -= gap
        c.setFont("Helvetica-Bold" if kind in sizes else "Helvetica", size)
        if kind == "bullet":
            c.drawString(60, y, "\u2022")
            c.drawString(74, y, text)
        else:
            c.drawString(50, y, text)
        y -= size * 1.45 + (6 if kind in sizes else 0)
    c.save()
    return path


WRITERS: dict[str, Callable[[Path, list[tuple[str, str]]], Path]] = {
    "docx": write_docx, "pdf": write_pdf, "html": write_html}


def build(outdir: Path, fmt: str) -> dict[str, Path]:
    """The plan and the two near misses in one format: {"plan"|"minutes"|"report": path}."""
    outdir.mkdir(parents=True, exist_ok=True)
    write = WRITERS[fmt]
    return {"plan": write(outdir / f"{PLAN.name}.{fmt}", _lines(PLAN)),
            "minutes": write(outdir / f"environment_scrutiny_minutes.{fmt}", near_miss_lines(MINUTES)),
            "report": write(outdir / f"ofsted_improvement_plan_report.{fmt}", near_miss_lines(REPORT))}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m samplegen.textplans OUTDIR", file=sys.stderr)
        sys.exit(2)
    for fmt in WRITERS:
        for written in build(Path(sys.argv[1]), fmt).values():
            print(written)
