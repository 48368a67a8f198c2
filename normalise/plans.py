"""Which papers are versions of one plan, and stable readable ids for plans.

Papers whose recommendations read alike (rapidfuzz; the actions where a plan has no
recommendation column) are versions of one plan, unless they name different councils or
different inspection years: Ofsted's recommendations are formulaic enough for two councils'
plans, or one council's plans for two inspections, to read alike. A plan's id is its council
and inspection year ("reading-2013"), readable and stable across runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from actionplans.extract.records import Extraction
from actionplans.normalise.similarity import block_rows

_INSPECTION_YEAR = re.compile(r"inspect\w*[^.]{0,80}?\b(20\d\d|19\d\d)\b", re.I)
_COUNCIL_WORDS = re.compile(r"\b(metropolitan|borough|county|city|district|town|council|of|the)\b", re.I)


@dataclass(frozen=True)
class PlanSettings:
    same_plan: float = 80.0  # mean best-match score of recommendations for one plan

    def __post_init__(self) -> None:
        if not 0 < self.same_plan <= 100:
            raise ValueError("PlanSettings.same_plan must be in (0, 100]")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass(frozen=True)
class _Paper:
    """What grouping compares, worked out once per paper."""

    texts: tuple[str, ...]  # recommendations, or the actions where a plan has none
    council: str
    year: str


def _paper(ex: Extraction) -> _Paper:
    recs = tuple(dict.fromkeys(a.recommendation_text for a in ex.actions if a.recommendation_text))
    return _Paper(recs or tuple(a.action_text for a in ex.actions if a.action_text), _council(ex),
                  _inspection_year(ex))


def _alike(a: _Paper, b: _Paper, settings: PlanSettings) -> bool:
    """Each action of ``a`` scored against its likest in ``b``, a block of rows at a time
    (memory stays linear in the plans' size), and the mean of those best scores."""
    if not a.texts or not b.texts:
        return False
    step = block_rows(len(b.texts))
    best = np.concatenate([process.cdist(a.texts[i:i + step], b.texts, scorer=fuzz.token_set_ratio).max(axis=1)
                           for i in range(0, len(a.texts), step)])
    return float(best.mean()) >= settings.same_plan


def _council(ex: Extraction) -> str:
    return slug(_COUNCIL_WORDS.sub(" ", ex.info.council)) if ex.info.council else ""


def _inspection_year(ex: Extraction) -> str:
    return next((m.group(1) for m in map(_INSPECTION_YEAR.search, ex.text) if m), "")


@dataclass
class _Group:
    members: list[str]
    councils: set[str]
    years: set[str]

    def fits(self, other: _Group) -> bool:
        """At most one council and one inspection year between the two groups (a paper
        that names neither fits anywhere)."""
        return len(self.councils | other.councils) <= 1 and len(self.years | other.years) <= 1


def group_plans(extractions: dict[str, Extraction], settings: PlanSettings) -> dict[str, str]:
    """{source_file: plan_id} for every paper with actions."""
    sources = sorted(s for s, ex in extractions.items() if ex.actions)
    papers = {s: _paper(extractions[s]) for s in sources}
    group_of: dict[str, _Group] = {
        s: _Group([s], {p.council} - {""}, {p.year} - {""}) for s, p in papers.items()}
    for i, a in enumerate(sources):
        for b in sources[i + 1:]:
            ga, gb = group_of[a], group_of[b]
            # The cheap test first: most pairs in a big batch are different councils.
            if ga is gb or not ga.fits(gb) or not _alike(papers[a], papers[b], settings):
                continue
            ga.members += gb.members
            ga.councils |= gb.councils
            ga.years |= gb.years
            for m in gb.members:
                group_of[m] = ga
    groups = list({id(g): g for g in (group_of[s] for s in sources)}.values())
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for group in groups:
        members = sorted(group.members)
        base = _plan_id(group, [extractions[m] for m in members])
        pid, n = base, 2
        while pid in taken:
            pid, n = f"{base}-{n}", n + 1
        taken.add(pid)
        ids.update({m: pid for m in members})
    return ids


def _plan_id(group: _Group, members: list[Extraction]) -> str:
    name = next(iter(group.councils), "")  # at most one of each: see _Group.fits
    year = next(iter(group.years), "")
    if not year:
        dates = sorted(d for ex in members for d in (ex.info.plan_as_at, ex.info.document_date) if d)
        year = dates[0][:4] if dates else ""
    if not name:
        titles = [ex.info.plan_title or ex.info.title for ex in members]
        title = next((t for t in titles if t), "plan")
        name = slug(re.sub(r"@.*$", "", title))[:40].strip("-") or "plan"
    return f"{name}-{year}" if year else name
