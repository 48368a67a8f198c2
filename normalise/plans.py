"""Which papers are versions of one plan, and stable readable ids for plans and actions.

Papers whose recommendations read alike (rapidfuzz) are versions of one plan. A plan's
id is its council and inspection year ("reading-2013"), readable and stable across runs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from extract.records import Extraction

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


def _recs(ex: Extraction) -> list[str]:
    return list(dict.fromkeys(a.recommendation_text for a in ex.actions if a.recommendation_text))


def _alike(a: Extraction, b: Extraction, settings: PlanSettings) -> bool:
    ra, rb = _recs(a), _recs(b)
    if not ra or not rb:
        return False
    best = [max(fuzz.token_set_ratio(x, y) for y in rb) for x in ra]
    return sum(best) / len(best) >= settings.same_plan


def group_plans(extractions: dict[str, Extraction], settings: PlanSettings) -> dict[str, str]:
    """{source_file: plan_id} for every paper with actions."""
    sources = sorted(s for s, ex in extractions.items() if ex.actions)
    parent = {s: s for s in sources}

    def root(s: str) -> str:
        while parent[s] != s:
            s = parent[s]
        return s

    for i, a in enumerate(sources):
        for b in sources[i + 1:]:
            if root(a) != root(b) and _alike(extractions[a], extractions[b], settings):
                parent[root(b)] = root(a)
    groups: dict[str, list[str]] = {}
    for s in sources:
        groups.setdefault(root(s), []).append(s)
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for members in groups.values():
        base = _plan_id([extractions[m] for m in members])
        pid, n = base, 2
        while pid in taken:
            pid, n = f"{base}-{n}", n + 1
        taken.add(pid)
        ids.update({m: pid for m in members})
    return ids


def _plan_id(members: list[Extraction]) -> str:
    council = next((ex.info.council for ex in members if ex.info.council), "")
    name = slug(_COUNCIL_WORDS.sub(" ", council)) if council else ""
    year = ""
    for ex in members:
        for text in ex.text:
            m = _INSPECTION_YEAR.search(text)
            if m:
                year = m.group(1)
                break
        if year:
            break
    if not year:
        dates = sorted(d for ex in members for d in (ex.info.plan_as_at, ex.info.document_date) if d)
        year = dates[0][:4] if dates else ""
    if not name:
        titles = [ex.info.plan_title or ex.info.title for ex in members]
        title = next((t for t in titles if t), "plan")
        name = slug(re.sub(r"@.*$", "", title))[:40].strip("-") or "plan"
    return f"{name}-{year}" if year else name
