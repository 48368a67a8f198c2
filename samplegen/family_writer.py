"""Draw a family paper's plan straight to PDF with reportlab, unruled, as a council's
report-writing system prints it (issue 16, item 7).

The plan is the grid ``layout_writer.plan_blocks`` makes from the paper's ``Plan`` and
its ``Look``, so the printed table and the tests' expectation come from one spec. Around
it: a running header (council, plan title) and footer (the meeting, "Page n of N"), the
appendix label and title, the paper's first body paragraph above the table and the rest
below it, the look's key note under the table, and the plan's glossary as a second
unruled table with a bold header row.
"""
from __future__ import annotations

from pathlib import Path

from . import pdf_writer as pw
from .layout_writer import C, Grid, Look, P, R, plan_blocks
from .spec import Paper, Plan


def _glossary_grid(plan: Plan) -> Grid:
    head = R([C([P(text, bold=True)]) for text in plan.glossary_header], header=True)
    rows = [R([C([P(code)]), C([P(name)])]) for code, name in plan.glossary]
    return Grid([head, *rows], plan.glossary_widths or (3.0, 10.0), 9.5)


def _plan_flow(plan: Plan, look: Look) -> list[pw.Flow]:
    flow: list[pw.Flow] = []
    for block in plan_blocks(plan, look):
        if isinstance(block, Grid):
            flow.append(pw.Table(block, ruled=False, pad=4))
        elif isinstance(block, P) and block.text:
            flow.append(pw.Text(block.text, size=block.size or 9.5, bold=block.bold, after=8))
    return flow


def unruled_pdf(paper: Paper, look: Look, path: Path, *, landscape: bool = True) -> Path:
    """``paper.heading`` is (council, meeting line for the footer, appendix label)."""
    plan = paper.plan
    if plan is None or len(paper.heading) != 3 or not paper.body:
        raise ValueError("unruled_pdf: needs a plan, three heading lines and a body")
    council, meeting, appendix = paper.heading
    side = (1.5 if landscape else 1.8) * pw.CM
    template = pw.Template(
        landscape=landscape, margins=(side, side, 2.3 * pw.CM, 1.9 * pw.CM),
        header_left=council, header_right=plan.title, footer_left=meeting, footer_right="Page {page} of {pages}")
    items: list[pw.Flow] = [
        pw.Text(appendix, size=11, bold=True, align="right", after=4),
        pw.Text(plan.title, size=14, bold=True, color="1F3864", after=8),
        pw.Text(paper.body[0], size=9.5, after=10),
        *_plan_flow(plan, look),
        *(pw.Text(text, size=9.5, before=6) for text in paper.body[1:]),
    ]
    if plan.glossary:
        items += [pw.Text("Abbreviations", size=11, bold=True, before=8, after=4),
                  pw.Table(_glossary_grid(plan), ruled=False, pad=3)]
    pw.write_pdf(path, items, template, title=paper.title, author=paper.council)
    return path


__all__ = ["unruled_pdf"]
